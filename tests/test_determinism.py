"""Determinism on the shipped graph checkpoint: the same problem gets the same answer, step count and confidence
across runs (a fresh process), batch sizes and batch positions, so padding never changes an answer.

The problems mix graph sizes (4 to ~300 nodes), so batches pad small graphs to large ones and mix the dense and
the sparse attention paths.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from drt_agent.problems import GraphProblem, Solution
from drt_agent.reasoner import Reasoner
from drt_agent.tasks.graph import generate_graph, problem_from_arrays

# the shipped checkpoint by default; DRT_TEST_GRAPH_CHECKPOINT points the test at another directory
CHECKPOINT = os.environ.get("DRT_TEST_GRAPH_CHECKPOINT", "graph")


def problems(seed: int = 7) -> list[GraphProblem]:
    rng = np.random.default_rng(seed)
    out = []
    for i in range(24):
        hops = int(rng.integers(1, 10))
        extra = int(rng.choice([2, 10, 30, 150, 280])) if i % 6 else 1
        n = 2 * hops + 2 + extra
        directed = bool(rng.random() < 0.5)
        out.append(
            problem_from_arrays(*generate_graph(rng, hops, n, directed, positive=i % 2 == 0), directed)
        )
    return out


def key(s: Solution) -> tuple:
    return (s.answer, s.steps_used)


@pytest.fixture(scope="module")
def reasoner() -> Reasoner:
    return Reasoner.load(CHECKPOINT)


@pytest.fixture(scope="module")
def alone(reasoner: Reasoner) -> list[Solution]:
    return [reasoner.solve(p) for p in problems()]


def assert_same(a: list[Solution], b: list[Solution]) -> None:
    assert [key(s) for s in a] == [key(s) for s in b]
    assert [s.confidence for s in a] == pytest.approx([s.confidence for s in b], abs=1e-4)


@pytest.mark.parametrize("batch_size", [1, 5, 16, 256])
def test_batch_size_does_not_change_answers(
    reasoner: Reasoner, alone: list[Solution], batch_size: int
) -> None:
    assert_same(reasoner.solve_batch(problems(), batch_size=batch_size), alone)


@pytest.mark.parametrize("order", ["reversed", "shuffled"])
def test_position_does_not_change_answers(reasoner: Reasoner, alone: list[Solution], order: str) -> None:
    ps = problems()
    perm = (
        list(range(len(ps)))[::-1]
        if order == "reversed"
        else list(np.random.default_rng(1).permutation(len(ps)))
    )
    got = reasoner.solve_batch([ps[i] for i in perm])
    back: list[Solution | None] = [None] * len(ps)
    for k, i in enumerate(perm):
        back[i] = got[k]
    assert_same(back, alone)  # type: ignore[arg-type]


def test_padding_next_to_a_large_graph(reasoner: Reasoner, alone: list[Solution]) -> None:
    """Every small graph batched with the largest one (padded to its length) answers as it does alone."""
    ps = problems()
    largest = max(range(len(ps)), key=lambda i: len(ps[i].node_names()))
    for i in range(len(ps)):
        pair = reasoner.solve_batch([ps[largest], ps[i]])
        assert_same([pair[1]], [alone[i]])


def test_fixed_steps_are_batch_invariant(reasoner: Reasoner) -> None:
    ps = problems()
    one_by_one = [reasoner.solve(p, steps=12) for p in ps]
    assert_same(reasoner.solve_batch(ps, steps=12), one_by_one)


def test_same_answers_in_a_fresh_process(alone: list[Solution]) -> None:
    code = (
        "import json, sys; sys.path.insert(0, 'tests');"
        "from test_determinism import problems, CHECKPOINT;"
        "from drt_agent.reasoner import Reasoner;"
        "r = Reasoner.load(CHECKPOINT);"
        "print(json.dumps([[s.answer, s.steps_used, s.confidence] for s in r.solve_batch(problems())]))"
    )
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=300, check=True
    )
    fresh = json.loads(out.stdout.strip().splitlines()[-1])
    assert [tuple(x[:2]) for x in fresh] == [key(s) for s in alone]
    assert [x[2] for x in fresh] == pytest.approx([s.confidence for s in alone], abs=1e-4)
