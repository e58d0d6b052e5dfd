"""Tests written against the mutation run (scripts/mutations.py): each pins down a rule whose realistic
mistake survived the rest of the suite, with the expected values worked out by hand, never read back from the
library.

The halting rule is driven with hand-made thoughts: every example's state and answer distribution at every step
are chosen here, so the step at which `auto` must stop is known in advance.
"""

from __future__ import annotations

import pytest
import torch

from drt_agent.core.halting import STOP_REASONS, DepthPolicy, think
from drt_agent.core.recurrent import Thought

ANCHOR = 100.0  # a large constant coordinate: a state's relative change is (its movement) / ~100


def scripted(ps: list[list[tuple[float, float]]], moves: list[list[float]]) -> tuple:
    """Thoughts for B examples: at step t example b reads out ps[b][t] and its state moves by moves[b][t]
    (relative change ~ moves/100); past the end of a script its last entry repeats. Returns (thoughts, valid,
    readout)."""
    B = len(ps)

    def state(b: int, t: int, position: float) -> torch.Tensor:
        p = ps[b][min(t, len(ps[b]) - 1)]
        return torch.tensor([p[0], p[1], ANCHOR, position, float(b)])

    def gen():
        positions = [0.0] * B
        h = torch.stack([state(b, 0, 0.0) for b in range(B)])[:, None, :]
        th = Thought(h=h, h_prev=h, x=h, mask=torch.ones(B, 1, 1, dtype=torch.bool), positions=None,
                     injected=None)  # fmt: skip
        while True:
            th.t += 1
            ids = th.h[:, 0, 4].long().tolist()  # examples still thinking (finished ones were dropped)
            rows = []
            for b in ids:
                positions[b] += moves[b][min(th.t, len(moves[b]) - 1)]
                rows.append(state(b, th.t, positions[b]))
            th.h_prev, th.h = th.h, torch.stack(rows)[:, None, :]
            yield th

    def readout(h: torch.Tensor, ids: torch.Tensor) -> torch.Tensor:
        return h[:, 0, :2]

    return gen(), torch.ones(B, 1, dtype=torch.bool), readout


SETTLED = [(0.2, 0.8)]  # the same answer at every step
STILL = [0.0]  # the state does not move


def run(ps, moves, policy: DepthPolicy, is_final=None) -> tuple[list[int], list[str]]:
    res = think(*scripted(ps, moves), policy, is_final=is_final)
    return res.steps_used.tolist(), [STOP_REASONS[i] for i in res.stopped.tolist()]


@pytest.mark.parametrize("patience", [1, 2, 3])
def test_patience_counts_calm_steps_exactly(patience: int) -> None:
    """Step 1 has nothing to compare with; steps 2, 3, ... are calm: halt after `patience` calm steps."""
    steps, why = run([SETTLED], [STILL], DepthPolicy(max_steps=50, patience=patience))
    assert steps == [1 + patience] and why == ["halted"]


def test_default_patience_is_two() -> None:
    assert run([SETTLED], [STILL], DepthPolicy(max_steps=50)) == ([3], ["halted"])


def test_a_moving_step_resets_the_calm_count() -> None:
    """Moves at step 3: calm at 2, reset at 3, calm at 4 and 5 -> halts at 5 (not at 4)."""
    moves = [[0.0, 0.0, 0.0, 50.0, 0.0]]
    assert run([SETTLED], moves, DepthPolicy(max_steps=50)) == ([5], ["halted"])
    answers = [[(0.2, 0.8), (0.2, 0.8), (0.2, 0.8), (0.6, 0.4), (0.6, 0.4)]]  # the answer moves at step 3
    assert run(answers, [STILL], DepthPolicy(max_steps=50)) == ([5], ["halted"])


def test_state_tolerance_is_two_percent() -> None:
    """A state moving 3% per step never settles (the cap fires); 1% per step settles."""
    assert run([SETTLED], [[3.0]], DepthPolicy(max_steps=12)) == ([12], ["cap"])
    assert run([SETTLED], [[1.0]], DepthPolicy(max_steps=12)) == ([3], ["halted"])


def test_readout_tolerance_is_one_percent() -> None:
    """An answer distribution moving by 0.02 per step never settles; by 0.005 it does."""
    drifting = [[(0.2 + 0.02 * t, 0.8 - 0.02 * t) for t in range(30)]]
    assert run(drifting, [STILL], DepthPolicy(max_steps=12)) == ([12], ["cap"])
    creeping = [[(0.2 + 0.005 * t, 0.8 - 0.005 * t) for t in range(30)]]
    assert run(creeping, [STILL], DepthPolicy(max_steps=12)) == ([3], ["halted"])


def test_a_final_answer_stops_at_once() -> None:
    """A task's 'this answer can no longer change' halts even a moving state, at the first step it holds."""
    answers = [[(0.5, 0.5), (0.5, 0.5), (0.01, 0.99)]]
    final = lambda p: p[:, 1] > 0.9  # noqa: E731
    assert run(answers, [[40.0]], DepthPolicy(max_steps=20), is_final=final) == ([2], ["halted"])


def test_min_steps() -> None:
    final = lambda p: torch.ones(p.shape[0], dtype=torch.bool)  # noqa: E731
    assert run([SETTLED], [STILL], DepthPolicy(max_steps=20, min_steps=2), is_final=final) == (
        [2],
        ["halted"],
    )
    assert run([SETTLED], [STILL], DepthPolicy(max_steps=20, min_steps=1), is_final=final) == (
        [1],
        ["halted"],
    )


def test_caps_are_per_example() -> None:
    """Three examples that never settle, with caps 2, 5 and 3: each stops at its own cap."""
    caps = torch.tensor([2, 5, 3])
    steps, why = run([SETTLED] * 3, [[7.0]] * 3, DepthPolicy(max_steps=caps))
    assert steps == [2, 5, 3] and why == ["cap"] * 3


def test_examples_halt_independently() -> None:
    """One example settles (halts at 3), one keeps moving (runs to the cap): neither changes the other."""
    steps, why = run([SETTLED, SETTLED], [STILL, [9.0]], DepthPolicy(max_steps=torch.tensor([10, 10])))
    assert steps == [3, 10] and why == ["halted", "cap"]
    assert run([SETTLED], [STILL], DepthPolicy(max_steps=10)) == ([3], ["halted"])


def test_fixed_depth_ignores_halting() -> None:
    assert run([SETTLED], [STILL], DepthPolicy(steps=7, max_steps=50)) == ([7], ["fixed"])


# -- the answer check, against an independent oracle ----------------------------------------------------------------
@pytest.fixture(scope="module")
def untrained_graph_reasoner(tmp_path_factory: pytest.TempPathFactory):
    """A random-weight graph model: it is often wrong, so the check has something to catch."""
    from drt_agent.checkpoint import save_checkpoint
    from drt_agent.core import CoreConfig
    from drt_agent.model import DRTModel, ModelConfig
    from drt_agent.reasoner import Reasoner
    from drt_agent.tasks import make_task

    torch.manual_seed(0)
    task = make_task("graph")
    cfg = ModelConfig(
        "graph", task.vocab_size, task.n_roles, task.n_classes, CoreConfig(d_model=16, n_heads=2)
    )
    path = save_checkpoint(tmp_path_factory.mktemp("untrained"), DRTModel(cfg), task)
    return Reasoner.load(path, device="cpu")


def _oracle(problem) -> bool:
    import networkx as nx

    g = nx.DiGraph() if problem.directed else nx.Graph()
    g.add_nodes_from(problem.node_names())
    g.add_edges_from((e.src, e.dst) for e in problem.edges)
    return nx.has_path(g, problem.source, problem.target) != problem.negated


def test_wrong_model_answers_are_flagged_and_overruled(untrained_graph_reasoner) -> None:
    """Against networkx: `exact` is right, `agrees_with_exact` says whether the network was, and a wrong
    network answer is never handed out (`answer` is the oracle's, `answered_by` says so)."""
    import numpy as np

    r = untrained_graph_reasoner
    problems, _ = r.task.sample(60, (1, 4), np.random.default_rng(3))
    sols = r.solve_batch(problems, steps=3)
    wrong = 0
    for p, sol in zip(problems, sols, strict=True):
        truth = _oracle(p)
        assert sol.problem == p  # in input order
        assert sol.exact is truth and sol.answer is truth
        assert sol.agrees_with_exact is (sol.model_answer == truth)
        assert sol.answered_by == ("model" if sol.model_answer == truth else "exact")
        wrong += sol.model_answer != truth
    assert 0 < wrong < len(problems), "the untrained model should be wrong sometimes, right sometimes"


# -- the exact graph solver against networkx, directed and not --------------------------------------------------
def test_exact_graph_solver_matches_networkx() -> None:
    """300 random graphs, half directed, with negated questions among them: the exact solver (and its witness
    path) agrees with networkx."""
    import random

    from drt_agent import domains
    from drt_agent.problems import Edge, GraphProblem

    dom = domains.get("graph")
    rng = random.Random(7)
    directed_differs = 0
    for i in range(300):
        n = rng.randint(2, 9)
        names = [f"v{k}" for k in range(n)]
        edges = [Edge(src=rng.choice(names), dst=rng.choice(names)) for _ in range(rng.randint(1, 12))]
        edges = [e for e in edges if e.src != e.dst] or [Edge(src=names[0], dst=names[1])]
        used = sorted({e.src for e in edges} | {e.dst for e in edges})
        p = GraphProblem(edges=edges, source=rng.choice(used), target=rng.choice(used), directed=i % 2 == 0,
                         negated=i % 5 == 0)  # fmt: skip
        truth = _oracle(p)
        assert dom.exact(p) is truth, p
        path = dom.witness_of(p).get("witness")
        if truth != p.negated:  # reachable: the witness is a path along the edges, in their direction
            hops = set(zip(path, path[1:], strict=False))
            allowed = {(e.src, e.dst) for e in edges} | (
                set() if p.directed else {(e.dst, e.src) for e in edges}
            )
            assert path[0] == p.source and path[-1] == p.target and hops <= allowed
        if p.directed:
            undirected = p.model_copy(update={"directed": False})
            directed_differs += _oracle(undirected) != truth
    assert directed_differs > 10, "the sample has directed graphs where direction matters"


# -- negated graph questions, read with their polarity ------------------------------------------------------------
NEGATED_GRAPH_QUESTIONS = [
    ("A-B, B-C. Is A not connected to C?", ("A", "C", True)),
    ("A-B, B-C. Is there no path from A to C?", ("A", "C", True)),
    ("A-B, B-C. Is C not reachable from A?", ("A", "C", True)),
    ("A-B, B-C. Is A disconnected from C?", ("A", "C", True)),
    ("A-B, B-C, C-D. Is D not connected to A?", ("D", "A", True)),
    ("A-B, B-C. Is there a path from A to C?", ("A", "C", False)),
    ("A-B, B-C. Is A connected to C?", ("A", "C", False)),
]


@pytest.mark.parametrize(
    ("text", "expected"), NEGATED_GRAPH_QUESTIONS, ids=[t for t, _ in NEGATED_GRAPH_QUESTIONS]
)
def test_negated_graph_questions(text: str, expected: tuple[str, str, bool]) -> None:
    from drt_agent.parsers import parse

    p = parse(text)
    assert (p.source, p.target, p.negated) == expected


def _token_readout(h: torch.Tensor) -> torch.Tensor:
    return h[:, :, :2]  # (b, L=1, C=2): the one token's readout


def test_readouts_rule_ignores_the_state_and_waits_for_every_readout() -> None:
    """settle="readouts" (logic): a state that keeps moving does not block halting; a readout that moves at
    step 3 resets the count (calm at 2, moved at 3, calm at 4 and 5 -> halts at 5)."""
    policy = DepthPolicy(max_steps=50, settle="readouts")
    res = think(*scripted([SETTLED], [[50.0]]), policy, token_readout=_token_readout)
    assert res.steps_used.tolist() == [3] and STOP_REASONS[int(res.stopped[0])] == "halted"
    answers = [[(0.2, 0.8), (0.2, 0.8), (0.2, 0.8), (0.6, 0.4), (0.6, 0.4)]]
    res = think(*scripted(answers, [STILL]), policy, token_readout=_token_readout)
    assert res.steps_used.tolist() == [5]
    # the state rule on the same moving state never settles: the cap fires
    assert run([SETTLED], [[50.0]], DepthPolicy(max_steps=9)) == ([9], ["cap"])


def test_readouts_rule_watches_only_the_tokens_that_carry_targets() -> None:
    """A second token whose readout keeps moving (a relation word, trained on nothing) blocks halting unless
    the batch's `watch` leaves it out; then the settled first token decides (halts at 3)."""

    def two_tokens(h: torch.Tensor) -> torch.Tensor:  # token 0: the answer; token 1 drifts with the state
        drift = (h[:, :, 3:4] / 100.0) % 1.0
        return torch.cat([h[:, :, :2], torch.cat([drift, 1 - drift], -1)], dim=1)  # (b, 2, 2)

    policy = DepthPolicy(max_steps=9, settle="readouts")
    thoughts, _valid, readout = scripted([SETTLED], [[7.0]])
    both = torch.ones(1, 2, dtype=torch.bool)
    res = think(thoughts, both, readout, policy, token_readout=two_tokens)
    assert res.steps_used.tolist() == [9] and STOP_REASONS[int(res.stopped[0])] == "cap"
    thoughts, _valid, readout = scripted([SETTLED], [[7.0]])
    watch = torch.tensor([[True, False]])
    res = think(thoughts, both, readout, policy, token_readout=two_tokens, watch=watch)
    assert res.steps_used.tolist() == [3] and STOP_REASONS[int(res.stopped[0])] == "halted"


def test_readouts_rule_needs_the_token_readout_and_a_known_rule() -> None:
    with pytest.raises(ValueError, match="token_readout"):
        think(*scripted([SETTLED], [STILL]), DepthPolicy(max_steps=5, settle="readouts"))
    with pytest.raises(ValueError, match="settle"):
        DepthPolicy(settle="final")


def test_answer_rule_waits_for_an_answer_then_for_it_to_sit_still() -> None:
    """settle="answer" (relational): a readout that sits still while it names no answer yet (kinship's "other"
    before the anchor's relations arrive) does not halt; from step 5 it names one (class 1 above 0.5), calm at 6
    and 7 -> halts at 7, whatever the state does."""
    answers = [[(0.9, 0.1)] * 5 + [(0.2, 0.8)]]
    policy = DepthPolicy(max_steps=30, settle="answer")
    named = lambda p: p[:, 1] > 0.5  # noqa: E731
    res = think(*scripted(answers, [[50.0]]), policy, answered=named)
    assert res.steps_used.tolist() == [7] and STOP_REASONS[int(res.stopped[0])] == "halted"
    res = think(*scripted([[(0.9, 0.1)]], [STILL]), policy, answered=named)  # never answered: the cap
    assert res.steps_used.tolist() == [30] and STOP_REASONS[int(res.stopped[0])] == "cap"
    res = think(*scripted(answers, [[50.0]]), policy)  # no `answered`: any calm readout halts (at 3)
    assert res.steps_used.tolist() == [3]
