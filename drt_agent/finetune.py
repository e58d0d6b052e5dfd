"""Fine-tune a relational checkpoint on a user's own corpus: new relation words, new answers.

The corpus is JSON lines, each with `text` (the story), `question` and `answer` (a term such as "skip-level
manager", or yes/no). The parser reads each story; words the base model has never seen get fresh embedding rows
and answers it has never given get fresh readout rows; everything else starts from the base weights. With
`freeze_core` only the task interface (embeddings and readout) trains: the reasoning core is reused as is.
A held-out split is scored before (by the base model) and after.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from tqdm.auto import tqdm

from .checkpoint import Loaded, load_checkpoint, save_checkpoint
from .core import DepthPolicy
from .errors import DrtError, ParseError
from .model import DRTModel, ModelConfig
from .problems import Answer, RelationalProblem
from .tasks.base import IGNORE, Batch
from .tasks.relational import RelationalTask


@dataclass
class FinetuneConfig:
    base: str = "relational"
    freeze_core: bool = False
    epochs: int = 12
    batch_size: int = 32
    lr: float | None = None  # default: 3e-3 with a frozen core, 2e-3 otherwise
    steps: int | None = None  # thinking steps in training and scoring (default: the base's training maximum)
    holdout: float = 0.2
    seed: int = 0
    max_minutes: float | None = None  # stop training early when this much wall time has passed
    threads: int = 0


@dataclass
class FinetuneResult:
    out: str
    n_train: int
    n_holdout: int
    new_words: list[str]
    new_answers: list[str]
    holdout_before: float
    holdout_after: float
    train_seconds: float
    trainable_params: int
    history: list[dict[str, float]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _normalise(answer: Any) -> Answer:
    if isinstance(answer, bool):
        return answer
    text = str(answer).strip().lower()
    return {"yes": True, "true": True, "no": False, "false": False}.get(text, text)


def read_corpus(path: str | Path, family: str | None = None) -> tuple[list[RelationalProblem], list[Answer]]:
    """Parse every line of a JSONL corpus; a bad line raises ParseError naming its line number."""
    from .parsers.relational import parse_relational

    problems, answers = [], []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ParseError(f"cannot read corpus {path}: {exc.strerror}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            text, question, answer = obj["text"], obj["question"], obj["answer"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ParseError(
                f"{path}:{n}: each line must be a JSON object with 'text', 'question' and 'answer' ({exc})"
            ) from None
        try:
            problems.append(parse_relational(f"{text.strip()} {question.strip()}", family=family))
        except DrtError as exc:
            raise ParseError(f"{path}:{n}: {exc}") from None
        answers.append(_normalise(answer))
    if not problems:
        raise ParseError(f"{path}: the corpus is empty; give one JSON object per line")
    return problems, answers


def extend(
    base: Loaded, problems: list[RelationalProblem], answers: list[Answer]
) -> tuple[DRTModel, RelationalTask]:
    """A copy of the base with embedding rows for unseen words and readout rows for unseen answers."""
    old: RelationalTask = base.task  # type: ignore[assignment]
    if not isinstance(old, RelationalTask):
        raise DrtError(f"fine-tuning needs a relational base checkpoint, got a {old.name!r} one")
    words = list(dict.fromkeys(w for p in problems for w in sorted(old.unknown_words(p))))
    labels = [("yes" if a else "no") if isinstance(a, bool) else str(a) for a in answers]
    if old.readout == "subject":  # yes/no questions are answered by the subject holding the asked relation
        asked = [
            p.relation.lower() for p, a in zip(problems, answers, strict=True) if a is True and p.relation
        ]
        labels = [str(a) for a in answers if not isinstance(a, bool)] + asked
    new_answers = [a for a in dict.fromkeys(labels) if a not in old.class_id]
    knobs = {
        **old.knobs(),
        "extra_words": old.extra_words + words,
        "extra_classes": old.extra_classes + new_answers,
    }
    task = RelationalTask(**knobs)
    cfg = ModelConfig(
        task=base.model.cfg.task,
        vocab_size=task.vocab_size,
        n_roles=task.n_roles,
        n_classes=task.n_classes,
        core=base.model.cfg.core,
    )
    model = DRTModel(cfg)
    state = {k: v.clone() for k, v in base.model.state_dict().items()}
    emb = model.token_emb.weight.detach().clone()
    emb[: old.vocab_size] = state["token_emb.weight"]
    state["token_emb.weight"] = emb
    w_key, b_key = "readout.net.3.weight", "readout.net.3.bias"
    w = torch.zeros_like(model.readout.net[3].weight)
    b = torch.zeros_like(model.readout.net[3].bias)
    w[: old.n_classes], b[: old.n_classes] = state[w_key], state[b_key]
    state[w_key], state[b_key] = w, b
    if model.feedback is not None:  # new answers feed back nothing until fine-tuning teaches them to
        fb = torch.zeros_like(model.feedback.weight)
        fb[:, : old.n_classes] = state["feedback.weight"]
        state["feedback.weight"] = fb
    model.load_state_dict(state)
    return model, task


def _labelled(
    task: RelationalTask, problems: list[RelationalProblem], answers: list[Answer]
) -> tuple[Batch, torch.Tensor]:
    """The batch with the corpus answers as labels at the answer token, and (B, C) classes it must not hold.

    Subject readout: an open answer or a "yes" labels the subject with the (asked) relation; a "no" only says
    the subject does not hold the asked relation, which the second tensor carries (an unlikelihood target)."""
    batch = task.encode(problems)
    labels = torch.full_like(batch.tokens, IGNORE)
    avoid = torch.zeros(len(problems), task.n_classes, dtype=torch.bool)
    for b, (p, a) in enumerate(zip(problems, answers, strict=True)):
        if task.readout == "answer":
            gold = task.class_id[("yes" if a else "no") if isinstance(a, bool) else str(a)]
        elif not isinstance(a, bool):
            gold = task.class_id[str(a)]
        else:
            match = task.matching(p.relation or "")
            if not a:
                avoid[b, match] = True
            gold = match[0] if a and len(match) == 1 else IGNORE
        labels[b, batch.answer_index[b]] = gold
    batch.labels = labels
    return batch, avoid


def answer_loss(logits: torch.Tensor, batch: Batch, avoid: torch.Tensor) -> torch.Tensor:
    """Cross-entropy on the labelled answers plus -log(1 - p) of the relations a "no" rules out, averaged."""
    assert batch.labels is not None
    rows = torch.arange(len(batch))
    at = logits[rows, batch.answer_index]  # (B, C)
    gold = batch.labels[rows, batch.answer_index]
    ce = F.cross_entropy(at, gold, ignore_index=IGNORE, reduction="sum")
    ruled_out = (F.softmax(at, -1) * avoid).sum(-1)
    ul = -torch.log1p(-ruled_out.clamp(max=1 - 1e-6))[avoid.any(-1)].sum()
    n = int((gold != IGNORE).sum()) + int(avoid.any(-1).sum())
    return (ce + ul) / max(1, n)


@torch.no_grad()
def score(
    model: DRTModel,
    task: RelationalTask,
    problems: list[RelationalProblem],
    answers: list[Answer],
    steps: int,
) -> float:
    """Share of problems whose decoded answer equals the corpus answer."""
    if not problems:
        return float("nan")
    model.eval()
    right = 0
    for start in range(0, len(problems), 256):
        chunk = problems[start : start + 256]
        res = model.solve(task.encode(chunk), DepthPolicy(steps=steps))
        preds = task.decode(res.probs, chunk)
        right += sum(p == a for p, a in zip(preds, answers[start : start + 256], strict=True))
    return right / len(problems)


def finetune(
    corpus: str | Path, out: str | Path, cfg: FinetuneConfig | None = None, progress: bool = True
) -> FinetuneResult:
    """Fine-tune `cfg.base` on the corpus and write a checkpoint to `out` (loadable by Reasoner.load(out))."""
    cfg = cfg or FinetuneConfig()
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    torch.manual_seed(cfg.seed)
    base = load_checkpoint(cfg.base)
    problems, answers = read_corpus(corpus)
    order = np.random.default_rng(cfg.seed).permutation(len(problems))
    n_hold = int(round(cfg.holdout * len(problems)))
    hold, train_idx = order[:n_hold], order[n_hold:]
    steps = cfg.steps or int(base.config.get("training", {}).get("steps", [8, 16])[1])
    hold_p, hold_a = [problems[i] for i in hold], [answers[i] for i in hold]
    before = score(base.model, base.task, hold_p, hold_a, steps)  # type: ignore[arg-type]
    model, task = extend(base, problems, answers)
    if cfg.freeze_core:
        for p in model.core.parameters():
            p.requires_grad_(False)
    params = [p for p in model.parameters() if p.requires_grad]
    lr = cfg.lr or (3e-3 if cfg.freeze_core else 2e-3)
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    rng = np.random.default_rng(cfg.seed + 1)
    n_batches = max(1, len(train_idx) // cfg.batch_size)
    total = cfg.epochs * n_batches
    t0 = time.time()
    history: list[dict[str, float]] = []
    bar = tqdm(total=total, disable=not progress, desc="finetune", dynamic_ncols=True)
    it = 0
    stop = False
    for epoch in range(cfg.epochs):
        perm = rng.permutation(train_idx)
        model.train()
        for k in range(n_batches):
            idx = perm[k * cfg.batch_size : (k + 1) * cfg.batch_size]
            batch, avoid = _labelled(task, [problems[i] for i in idx], [answers[i] for i in idx])
            for group in opt.param_groups:
                group["lr"] = lr * 0.5 * (1 + np.cos(np.pi * it / total))
            logits = model(batch, steps)[-1]
            loss = answer_loss(logits, batch, avoid)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            it += 1
            bar.update(1)
            bar.set_postfix(loss=f"{loss.item():.4f}", epoch=epoch)
            if cfg.max_minutes is not None and time.time() - t0 > 60 * cfg.max_minutes:
                stop = True
                break
        history.append({"epoch": epoch, "loss": loss.item(), "seconds": round(time.time() - t0, 1)})
        if stop:
            break
    bar.close()
    seconds = time.time() - t0
    model.eval()
    after = score(model, task, hold_p, hold_a, steps)
    result = FinetuneResult(
        out=str(out),
        n_train=len(train_idx),
        n_holdout=n_hold,
        new_words=task.extra_words[len(base.task.extra_words) :],  # type: ignore[attr-defined]
        new_answers=task.extra_classes[len(base.task.extra_classes) :],  # type: ignore[attr-defined]
        holdout_before=before,
        holdout_after=after,
        train_seconds=round(seconds, 1),
        trainable_params=sum(p.numel() for p in params),
        history=history,
    )
    save_checkpoint(
        out,
        model,
        task,
        extra={
            "name": Path(out).name,
            "training": base.config.get("training", {}),
            "finetune": {
                **asdict(cfg),
                **result.to_dict(),
                "corpus": str(corpus),
                "base_path": str(base.path),
            },
        },
    )
    return result
