"""Accuracy over thinking steps x complexity (the computational frontier), and of the `auto` depth policy.

Every problem is freshly generated from a fixed seed and scored against the task's exact solver.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from itertools import islice
from typing import Any

import numpy as np
import torch

from .core import DepthPolicy
from .model import DRTModel
from .tasks import Batch, Task


def sample_bucket(task: Task, complexity: int, n: int, seed: int, **knobs: Any) -> tuple[list[Any], Batch]:
    rng = np.random.default_rng([seed, complexity, 7919])
    return task.sample(n, complexity, rng, **{**task.bucket_knobs(complexity), **knobs})


def _labels_at_answer(batch: Batch) -> torch.Tensor:
    assert batch.labels is not None
    return batch.labels[torch.arange(len(batch)), batch.answer_index]


@torch.no_grad()
def accuracy_by_steps(
    model: DRTModel, batch: Batch, steps: Sequence[int], chunk: int = 256
) -> dict[int, float]:
    """Accuracy after each step count in `steps`, in one pass of max(steps) steps."""
    want = sorted(set(steps))
    correct = dict.fromkeys(want, 0)
    for start in range(0, len(batch), chunk):
        idx = torch.arange(start, min(start + chunk, len(batch)))
        sub = batch.select(idx)
        rows = torch.arange(len(idx))
        for th in islice(model.unroll(sub), want[-1]):
            if th.t in correct:
                pred = model.readout(th.h[rows, sub.answer_index]).argmax(-1)
                correct[th.t] += int(batch.is_correct(pred, idx).sum())
    return {t: correct[t] / len(batch) for t in want}


@dataclass
class AutoResult:
    complexity: int
    n: int
    accuracy: float
    median_steps: float  # over all problems
    median_steps_positive: float | None  # over problems whose answer is 'yes' (graphs)
    accuracy_at_3x: float  # fixed steps = 3 x the median auto depth

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@torch.no_grad()
def evaluate_auto(
    model: DRTModel, task: Task, batch: Batch, complexity: int, max_steps: int = 512, chunk: int = 256
) -> AutoResult:
    """Accuracy and depth of the auto policy, and accuracy when thinking 3x as long as auto chose."""
    gold = _labels_at_answer(batch)
    preds, used = [], []
    for start in range(0, len(batch), chunk):
        idx = torch.arange(start, min(start + chunk, len(batch)))
        sub = batch.select(idx)
        limit = task.step_limit(sub, max_steps)
        policy = DepthPolicy(steps=None, max_steps=limit, settle=task.settle)
        res = model.solve(sub, policy, is_final=task.is_final, answered=task.answered)
        preds.append(res.probs.argmax(-1))
        used.append(res.steps_used)
    pred, steps_used = torch.cat(preds), torch.cat(used)
    med = float(statistics.median(steps_used.tolist()))
    pos = steps_used[gold == 1].tolist()
    three_x = max(1, round(3 * med))
    acc3 = accuracy_by_steps(model, batch, [three_x], chunk)[three_x]
    return AutoResult(
        complexity=complexity,
        n=len(batch),
        accuracy=float(batch.is_correct(pred).float().mean()),
        median_steps=med,
        median_steps_positive=float(statistics.median(pos)) if pos else None,
        accuracy_at_3x=acc3,
    )


@torch.no_grad()
def answer_accuracy(
    model: DRTModel,
    task: Task,
    problems: list[Any],
    answers: list[Any],
    max_steps: int = 512,
    chunk: int = 256,
) -> float:
    """Share of problems whose decoded answer at `auto` depth equals the given answer (NaN if none)."""
    if not problems:
        return float("nan")
    model.eval()
    right = 0
    for start in range(0, len(problems), chunk):
        part = problems[start : start + chunk]
        batch = task.encode(part).to(next(model.parameters()).device)
        policy = DepthPolicy(steps=None, max_steps=task.step_limit(batch, max_steps), settle=task.settle)
        res = model.solve(batch, policy, is_final=task.is_final, answered=task.answered)
        preds = task.decode(res.probs.cpu(), part)
        right += sum(p == a for p, a in zip(preds, answers[start : start + chunk], strict=True))
    return right / len(problems)
