"""The logic task: the paper's generator, balanced labels, the three interfaces' masks, dense targets, long
expressions, variables, and a tiny training run that learns."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from drt_agent.errors import ParseError
from drt_agent.problems import LogicProblem
from drt_agent.tasks import make_task
from drt_agent.tasks.logic import (
    CLS,
    IGNORE,
    SYMBOL,
    LogicTask,
    evaluate,
    generate_expr,
    levels,
    nesting_depth,
    parse_tree,
    tree_arrays,
    tree_height,
)
from drt_agent.train import config_for, train


def python_value(expr: str) -> bool:
    words = {"T": " True ", "F": " False ", "&": " and ", "|": " or ", "!": " not ", "(": "(", ")": ")"}
    return bool(eval("".join(words[c] for c in expr)))  # noqa: S307 - only T F & | ! ( ) reach here


def ids_of(expr: str) -> list[int]:
    return [CLS, *(SYMBOL[c] for c in expr)]


def test_generator_depth_and_exact_value() -> None:
    rng = np.random.default_rng(0)
    for depth in range(0, 15):
        for _ in range(40):
            expr = generate_expr(rng, depth)
            assert nesting_depth(ids_of(expr)) == depth
            assert evaluate(expr) == python_value(expr)


@pytest.mark.parametrize("interface", ["structure", "level", "paper"])
def test_sample_is_balanced_and_labelled(interface: str) -> None:
    task = LogicTask(interface=interface)
    problems, batch = task.sample(64, 5, np.random.default_rng(1))
    assert batch.labels is not None
    answers = batch.labels[torch.arange(64), batch.answer_index]
    assert answers.sum().item() == 32  # exactly balanced
    for p, y in zip(problems, answers.tolist(), strict=True):
        assert task.exact(p) == bool(y) == python_value(p.expression)
    assert (batch.complexity == 5).all()
    # every real token carries a dense target; padding none
    assert ((batch.labels != IGNORE) == batch.valid).all()


def test_dense_targets_are_each_nodes_value() -> None:
    expr = "!(T&F)|F&T"
    ids = ids_of(expr)
    _, values, roles, height = tree_arrays(parse_tree(ids), len(ids))
    # CLS holds the whole value; `!`, both brackets and `&` inside hold !(T&F); the second `&` holds F&T
    want = {
        0: True,
        1: True,
        2: True,
        4: True,
        6: True,
        7: True,
        9: False,
        3: True,
        5: False,
        8: False,
        10: True,
    }
    assert {i: bool(v) for i, v in enumerate(values)} == want
    assert height == 3  # literal -> AND -> OR
    assert roles[4] == roles[1] == 3  # a negated AND node's tokens share their role


def test_structure_mask_follows_the_parse_tree() -> None:
    task = LogicTask()
    batch = task.encode([LogicProblem(expression="(T|F)&!T")])
    m = batch.mask[0]
    # tokens: 0 CLS, 1 (, 2 T, 3 |, 4 F, 5 ), 6 &, 7 !, 8 T
    assert m[3].nonzero().flatten().tolist() == [2, 3, 4]  # the OR reads its operands
    assert m[1].nonzero().flatten().tolist() == [1, 2, 4]  # ... and so do its brackets
    assert m[6].nonzero().flatten().tolist() == [1, 3, 5, 6, 7, 8]  # AND: both children's tokens
    assert m[0].nonzero().flatten().tolist() == [0, 1, 3, 5, 7, 8]  # CLS joins the top node
    assert m[2].nonzero().flatten().tolist() == [2]  # a bare literal needs nothing
    assert m[7].nonzero().flatten().tolist() == [7, 8]  # `!` reads the literal it negates


def test_level_mask_and_paper_mask() -> None:
    ids = np.asarray(ids_of("(T&(F|T))|!(T)"))
    seg, inner = levels(ids)
    assert seg.tolist() == [0, 0, 1, 1, 1, 4, 4, 4, 1, 0, 0, 0, 0, 12, 0]
    assert inner.tolist() == [-1, 1, -1, -1, 4, -1, -1, -1, 4, 1, -1, -1, 12, -1, 12]
    paper = LogicTask(interface="paper").encode(
        [LogicProblem(expression="T&F"), LogicProblem(expression="T")]
    )
    assert paper.mask[0].all() and paper.positions is not None
    assert paper.mask[1, :2, :2].all() and not paper.mask[1, 0, 2:].any()  # padding is never attended


def test_long_expressions_and_variables() -> None:
    task = LogicTask(min_len=300)
    problems, batch = task.sample(4, 6, np.random.default_rng(2))
    assert batch.valid.sum(-1).min() >= 300
    assert [task.exact(p) for p in problems] == [True, False, True, False]
    vt = LogicTask(n_vars=3)
    problems, batch = vt.sample(16, 3, np.random.default_rng(3))
    assert any(p.variables for p in problems)
    assert torch.equal(vt.encode(problems).tokens, batch.tokens)  # variables are substituted before encoding
    with pytest.raises(ParseError, match="unknown variable 'q'"):
        task.encode([LogicProblem(expression="q & T")])
    with pytest.raises(ParseError, match="never closed"):
        task.encode([LogicProblem(expression="(T & F")])


def test_tree_height_grows_with_depth() -> None:
    rng = np.random.default_rng(4)
    med = [np.median([tree_height(generate_expr(rng, d)) for _ in range(50)]) for d in (2, 8, 20)]
    assert med[0] < med[1] < med[2]


def test_task_is_registered_and_knobs_round_trip() -> None:
    task = make_task("logic", {"interface": "paper", "min_len": 0, "n_vars": 0, "one_depth_per_batch": True})
    assert isinstance(task, LogicTask) and task.interface == "paper"
    assert make_task("logic", task.knobs()).knobs() == task.knobs()
    with pytest.raises(ValueError, match="interface"):
        LogicTask(interface="nope")


def test_tiny_training_run_learns_shallow_expressions() -> None:
    cfg = config_for(
        "logic", iters=100, batch_size=32, steps=(4, 6), complexity=(0, 1), d_model=32, d_ff=64, threads=1
    )
    model = train(cfg, progress=False)
    task = LogicTask()
    _, batch = task.sample(200, 1, np.random.default_rng(9))
    logits = model(batch, steps=6)[-1]
    acc = (logits[torch.arange(200), 0].argmax(-1) == batch.labels[:, 0]).float().mean().item()
    assert acc > 0.8, acc


def test_horizon_targets_leave_unreachable_nodes_unlabelled():
    task, plain = LogicTask(horizon_targets=True), LogicTask()
    for steps in (0, 2, 5, 40):
        _, batch = task.sample(16, 6, np.random.default_rng(8), steps=steps)
        _, full = plain.sample(16, 6, np.random.default_rng(8))
        kept = batch.labels != -100
        assert torch.equal(batch.labels[kept], full.labels[kept])  # never a different value, only fewer
        if steps == 0:  # literals alone are known before any step
            assert (batch.tokens[kept] != 0).all() and kept.sum() < (full.labels != -100).sum()
        if steps == 40:
            assert torch.equal(batch.labels, full.labels)
