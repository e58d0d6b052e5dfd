"""Batching: problems of different sizes share a batch (padding, masks, per-example halting), and every answer
is what the problem gets when solved alone."""

from __future__ import annotations

import os

import numpy as np
import pytest
import torch

from drt_agent.core import DepthPolicy
from drt_agent.problems import GraphProblem
from drt_agent.reasoner import Reasoner
from drt_agent.tasks.graph import generate_graph, generate_large_graph, problem_from_arrays

GRAPH_MODEL = os.environ.get("DRT_TEST_GRAPH_CHECKPOINT", "graph")


pytestmark = pytest.mark.usefixtures("one_thread")


@pytest.fixture(scope="module")
def reasoner() -> Reasoner:
    return Reasoner.load(GRAPH_MODEL, device="cpu")


def mixed_problems(seed: int) -> list[GraphProblem]:
    """Sizes from 6 to 400 nodes (both attention paths), directed and not, positive and negative, shuffled."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(40):
        h = int(rng.integers(1, 10))
        d = bool(rng.random() < 0.5)
        n = int(rng.integers(max(8, 2 * h + 2), 2 * h + 50))
        out.append(problem_from_arrays(*generate_graph(rng, h, n, d, positive=i % 2 == 0), directed=d))
    for i in range(4):
        d = bool(i % 2)
        out.append(problem_from_arrays(*generate_large_graph(rng, 400, 1_600, 6, d, i < 2), directed=d))
    return [out[i] for i in rng.permutation(len(out))]


def test_batched_answers_equal_unbatched(reasoner: Reasoner) -> None:
    problems = mixed_problems(0)
    alone = [reasoner.solve(p, check=False) for p in problems]
    for batch_size in (7, 64):
        together = reasoner.solve_batch(problems, check=False, batch_size=batch_size)
        assert [s.problem for s in together] == problems  # input order, whatever the internal sorting
        assert [s.answer for s in together] == [s.answer for s in alone]
        assert [s.steps_used for s in together] == [s.steps_used for s in alone]
        assert max(abs(a.confidence - b.confidence) for a, b in zip(together, alone, strict=True)) <= 1e-5
        for a, b in zip(together, alone, strict=True):
            assert len(a.trace) == a.steps_used and np.allclose(a.trace, b.trace, atol=1e-5)


def test_batched_answers_are_right(reasoner: Reasoner) -> None:
    sols = reasoner.solve_batch(mixed_problems(1), check=True)
    assert all(s.agrees_with_exact for s in sols)
    # confidence is the answer's probability (the trace's last entry) through the stored calibrator
    cal = reasoner.calibration
    assert all(
        s.confidence
        == pytest.approx(
            s.trace[-1] if cal is None else cal(s.trace[-1], s.stopped_by == "cap", None), abs=1e-4
        )
        for s in sols
    )


def test_step_cap_is_per_example(reasoner: Reasoner) -> None:
    """A small graph's `auto` cap (its node count + 4) holds even next to a large graph in one batch."""
    task, model = reasoner.task, reasoner.model
    rng = np.random.default_rng(2)
    small = generate_graph(rng, 2, 8, True, positive=False)
    big = generate_large_graph(rng, 200, 800, 30, True, positive=False)
    batch = task.encode_arrays([small, big], [True, True])
    caps = task.step_limit(batch, 512)
    assert caps.tolist() == [8 + 4, 200 + 4]
    res = model.solve(batch, DepthPolicy(steps=None, max_steps=caps), is_final=task.is_final)
    assert int(res.steps_used[0]) <= 12
    alone = task.encode_arrays([small], [True])
    res1 = model.solve(alone, DepthPolicy(steps=None, max_steps=task.step_limit(alone, 512)), task.is_final)
    assert int(res1.steps_used[0]) == int(res.steps_used[0])
    assert torch.allclose(res1.probs[0], res.probs[0], atol=1e-6)


def test_finished_examples_leave_the_batch(reasoner: Reasoner) -> None:
    """`auto` stops computing for an example once it halts: the batch the core sees shrinks step by step."""
    task, model = reasoner.task, reasoner.model
    rng = np.random.default_rng(3)
    graphs = [generate_graph(rng, h, 2 * h + 6, False, positive=True) for h in (1, 2, 4, 8)]
    batch = task.encode_arrays(graphs, [False] * 4)
    seen: list[int] = []
    original = model.core.step

    def spy(h, x, mask, positions=None, **kwargs):
        seen.append(h.shape[0])
        return original(h, x, mask, positions, **kwargs)

    model.core.step = spy  # type: ignore[method-assign]
    try:
        res = model.solve(
            batch, DepthPolicy(steps=None, max_steps=task.step_limit(batch, 512)), task.is_final
        )
    finally:
        del model.core.step
    assert seen == sorted(seen, reverse=True) and seen[0] == 4 and seen[-1] == 1
    assert len(seen) == int(res.steps_used.max())
    assert sum(seen) == int(res.steps_used.sum())  # each example paid for exactly its own steps
    assert res.steps_used.tolist() == sorted(res.steps_used.tolist())  # deeper questions think longer


# -- `auto` depth and answers do not depend on what else is in the batch, in every domain --------------------------
@pytest.mark.parametrize("name", ["graph", "logic", "relational"])
def test_auto_depth_is_independent_of_batch_composition(name: str) -> None:
    """Each of 4 problems, solved alone and inside 10 different batches (other problems of every trained
    complexity, at random positions, with several chunk sizes): the same answer, depth, stop reason and
    confidence. A batch-wide step cap or halting rule would change the depth of the small ones."""
    r = Reasoner.load(name, device="cpu")
    rng = np.random.default_rng(5)
    lo, hi = r.task.train_defaults().get("complexity", (1, 5))
    pool = []
    for c in range(max(1, lo), hi + 3):  # also past the trained range: deeper thinking next to shallow
        problems, _ = r.task.sample(6, c, rng)
        pool += problems
    targets = [pool[0], pool[len(pool) // 3], pool[2 * len(pool) // 3], pool[-1]]
    alone = [r.solve(p) for p in targets]
    depths = set()
    for trial in range(10):
        others = [pool[i] for i in rng.choice(len(pool), size=int(rng.integers(3, 30)), replace=False)]
        batch = list(others)
        where = []
        for p in targets:
            k = int(rng.integers(0, len(batch) + 1))
            batch.insert(k, p)
            where = [w + (w >= k) for w in where] + [k]
        sols = r.solve_batch(batch, batch_size=[3, 8, 256][trial % 3])
        for sol, ref in zip([sols[w] for w in where], alone, strict=True):
            assert (sol.answer, sol.model_answer, sol.steps_used, sol.stopped_by) == (
                ref.answer,
                ref.model_answer,
                ref.steps_used,
                ref.stopped_by,
            ), (name, trial)
            assert abs(sol.confidence - ref.confidence) <= 1e-5
        depths |= {s.steps_used for s in sols}
    assert len(depths) > 1, "the batches mixed problems that need different depths"
