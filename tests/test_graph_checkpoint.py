"""The shipped graph checkpoint, scored against networkx on freshly generated problems."""

from __future__ import annotations

import numpy as np
import pytest

from drt_agent.evaluate import evaluate_auto, sample_bucket
from drt_agent.tasks.graph import GraphTask


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("hops", [1, 3, 5, 9, 16, 40])
def test_shipped_graph_checkpoint_auto_accuracy(graph_reasoner, hops, directed):
    task = graph_reasoner.task
    _, batch = sample_bucket(task, hops, 100, seed=20261129, directed=directed)
    r = evaluate_auto(graph_reasoner.model, task, batch, hops)
    assert r.accuracy >= 0.99, r
    assert r.median_steps_positive is not None and r.median_steps_positive <= hops + 2
    assert r.accuracy_at_3x >= r.accuracy - 0.01


def test_solutions_agree_with_networkx_through_the_api(graph_reasoner):
    task = GraphTask()
    problems, _ = task.sample(60, (1, 8), np.random.default_rng(5), nodes=(8, 24))
    sols = graph_reasoner.solve_batch(problems)
    assert all(s.agrees_with_exact for s in sols)
    for s in sols:
        if s.answer:
            assert s.witness[0] == s.problem.source and s.witness[-1] == s.problem.target
            assert s.hops == len(s.witness) - 1 <= s.steps_used
        assert len(s.trace) == s.steps_used and 0.5 <= s.confidence <= 1.0


def test_fixed_steps_below_the_hop_count_cannot_answer(graph_reasoner):
    """With strict masking, fewer steps than hops leaves the target blind: accuracy near chance."""
    from drt_agent.evaluate import accuracy_by_steps

    _, batch = sample_bucket(graph_reasoner.task, 6, 200, seed=7)
    acc = accuracy_by_steps(graph_reasoner.model, batch, [3, 5, 6, 18])
    assert acc[3] <= 0.6 and acc[5] <= 0.6
    assert acc[6] >= 0.99 and acc[18] >= 0.99


def test_evaluation_chunks_sparse_batches(graph_reasoner):
    """Big graphs are encoded as edge lists; chunked scoring must renumber them, not slice tensors only."""
    from drt_agent.core.sparse import EdgeIndex
    from drt_agent.evaluate import accuracy_by_steps

    task = graph_reasoner.task
    _, batch = task.sample(10, 6, np.random.default_rng(3), nodes=(260, 270))
    assert isinstance(batch.mask, EdgeIndex)
    acc = accuracy_by_steps(graph_reasoner.model, batch, [5, 6], chunk=4)
    assert acc[5] <= 0.6 and acc[6] == 1.0
