"""Input limits: configurable three ways, enforced before any tensor is built, with messages that say how to
raise them."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import torch
from drt_agent.parsers import parse
from typer.testing import CliRunner

from drt_agent.checkpoint import save_checkpoint
from drt_agent.cli import app
from drt_agent.core import CoreConfig
from drt_agent.errors import LimitError
from drt_agent.limits import Limits, default_limits, names, nesting_depth
from drt_agent.model import DRTModel, ModelConfig
from drt_agent.problems import Edge, GraphProblem
from drt_agent.reasoner import Reasoner
from drt_agent.tasks import make_task


@pytest.fixture(scope="module")
def tiny_ckpt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An untrained 16-wide graph model: these tests check sizes, not answers."""
    torch.manual_seed(0)
    task = make_task("graph")
    cfg = ModelConfig(
        "graph", task.vocab_size, task.n_roles, task.n_classes, CoreConfig(d_model=16, n_heads=2)
    )
    return save_checkpoint(tmp_path_factory.mktemp("tiny"), DRTModel(cfg), task)


@pytest.fixture
def reasoner(tiny_ckpt: Path) -> Reasoner:
    return Reasoner.load(tiny_ckpt)


def chain(n: int) -> GraphProblem:
    return GraphProblem(
        edges=[Edge(src=f"n{i}", dst=f"n{i + 1}") for i in range(n - 1)], source="n0", target=f"n{n - 1}"
    )


# -- the Limits object ----------------------------------------------------------------------------------------
def test_defaults_are_explicit_and_positive() -> None:
    lim = Limits()
    assert names() == list(lim.to_dict())
    assert {"max_chars", "max_nodes", "max_edges", "max_tokens", "max_depth", "max_steps"} <= set(names())
    assert lim.max_nodes >= 10_000 and lim.max_edges >= 100_000  # the sparse path's 10k/100k graphs fit
    for bad in (0, -1, 1.5, True, "10"):
        with pytest.raises(LimitError, match="max_nodes"):
            Limits(max_nodes=bad)  # type: ignore[arg-type]


def test_message_names_the_limit_and_three_ways_to_raise_it() -> None:
    with pytest.raises(LimitError) as info:
        Limits(max_edges=10).check("max_edges", 11, "the number of edges")
    msg = str(info.value)
    for part in (
        "max_edges=10",
        "11",
        "limits=Limits(max_edges=11)",
        "DRT_AGENT_MAX_EDGES=11",
        "--limit max_edges=11",
    ):
        assert part in msg


def test_env_and_cli_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRT_AGENT_MAX_NODES", "77")
    assert default_limits().max_nodes == 77
    assert Limits.from_pairs(["edges=5", "max_depth=9"]).to_dict() | {} == {
        **Limits(max_nodes=77).to_dict(),
        "max_edges": 5,
        "max_depth": 9,
    }
    monkeypatch.setenv("DRT_AGENT_MAX_NODES", "lots")
    with pytest.raises(LimitError, match="DRT_AGENT_MAX_NODES"):
        default_limits()
    with pytest.raises(LimitError, match="known limits"):
        Limits().replace(max_nodez=3)
    with pytest.raises(LimitError, match="NAME=N"):
        Limits.from_pairs(["max_nodes"], base=Limits())


def test_nesting_depth_is_linear_and_iterative() -> None:
    assert nesting_depth("(a [b {c}]) (d)") == 3
    assert nesting_depth(")))(((") == 3
    t0 = time.perf_counter()
    assert nesting_depth("(" * 1_000_000) == 1_000_000
    assert time.perf_counter() - t0 < 5


# -- parse: checked before any regex runs ---------------------------------------------------------------------
def test_parse_rejects_huge_text_fast() -> None:
    text = "A-B, " * 1_000_000 + "Is A connected to B?"  # 5 MB
    t0 = time.perf_counter()
    with pytest.raises(LimitError, match="max_chars"):
        parse(text)
    assert time.perf_counter() - t0 < 1.0


def test_parse_limits_nesting_nodes_edges() -> None:
    with pytest.raises(LimitError, match="max_depth"):
        parse("(" * 10_000 + "A-B" + ")" * 10_000 + ". Is A connected to B?")
    text = "A-B, B-C, C-D. Is A connected to D?"
    assert len(parse(text).edges) == 3
    with pytest.raises(LimitError, match="max_nodes"):
        parse(text, limits=Limits(max_nodes=3))
    with pytest.raises(LimitError, match="max_edges"):
        parse(text, limits=Limits(max_edges=2))
    assert len(parse(text, limits=Limits(max_nodes=4, max_edges=3)).edges) == 3


def test_parse_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRT_AGENT_MAX_EDGES", "2")
    with pytest.raises(LimitError, match="DRT_AGENT_MAX_EDGES"):
        parse("A-B, B-C, C-D. Is A connected to D?")


# -- Reasoner: typed problems checked before encoding ---------------------------------------------------------
def test_solve_batch_checks_before_any_tensor(reasoner: Reasoner, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_tensors(*_a, **_k):
        raise AssertionError("a tensor was about to be built for an input past the limits")

    monkeypatch.setattr(reasoner.task, "encode", no_tensors)
    big = GraphProblem(
        edges=[Edge(src=f"a{i}", dst=f"b{i}") for i in range(200_001)], source="a0", target="b0"
    )
    with pytest.raises(LimitError, match="max_edges"):
        reasoner.solve(big)
    with pytest.raises(LimitError, match="max_nodes"):
        reasoner.solve(chain(50), limits=Limits(max_nodes=49))
    with pytest.raises(LimitError, match="max_steps"):
        reasoner.solve(chain(5), steps=10, limits=Limits(max_steps=9))
    with pytest.raises(LimitError, match="max_batch"):
        reasoner.solve_batch([chain(3)] * 4, limits=Limits(max_batch=3))
    with pytest.raises(LimitError, match="max_chars"):
        reasoner.solve("A-B. Is A connected to B?" * 10, limits=Limits(max_chars=100))
    with pytest.raises(LimitError, match="max_dense_cells"):  # too big for dense attention, no sparse path
        reasoner.solve_batch([chain(100)], limits=Limits(max_dense_cells=99 * 99))


def test_reasoner_level_limits_and_max_steps(tiny_ckpt: Path) -> None:
    r = Reasoner.load(tiny_ckpt, limits=Limits(max_nodes=10), max_steps=7)
    assert r.limits.max_nodes == 10 and r.max_steps == 7
    with pytest.raises(LimitError, match="max_nodes"):
        r.solve(chain(11))
    assert r.solve(chain(11), limits=Limits(max_nodes=11)).answer in (True, False)
    with pytest.raises(LimitError, match="max_steps"):
        r.solve(chain(3), steps=8)


def test_batches_split_by_dense_budget_without_changing_answers(
    reasoner: Reasoner, monkeypatch: pytest.MonkeyPatch
) -> None:
    problems = [chain(n) for n in (3, 20, 5, 40, 8, 2, 30, 12)]
    whole = reasoner.solve_batch(problems, steps=6)
    sizes: list[int] = []
    real = reasoner._solve_chunk

    def spy(chunk, policy, check, progress=None, **kw):
        sizes.append(len(chunk))
        longest = max(len(p.node_names()) for p in chunk)
        assert len(chunk) * longest**2 <= 40 * 40 * 2
        return real(chunk, policy, check, progress, **kw)

    monkeypatch.setattr(reasoner, "_solve_chunk", spy)
    split = reasoner.solve_batch(problems, steps=6, limits=Limits(max_dense_cells=40 * 40 * 2))
    assert sum(sizes) == len(problems) and len(sizes) > 1
    assert [s.answer for s in split] == [s.answer for s in whole]
    assert [s.confidence for s in split] == pytest.approx([s.confidence for s in whole], abs=1e-5)


# -- CLI -----------------------------------------------------------------------------------------------------
def test_cli_limit_option(tiny_ckpt: Path) -> None:
    runner = CliRunner()
    text = "A-B, B-C, C-D. Is A connected to D?"
    res = runner.invoke(app, ["solve", text, "--model", str(tiny_ckpt), "--limit", "max_nodes=3"])
    assert res.exit_code == 2 and "max_nodes" in res.output and "Traceback" not in res.output
    res = runner.invoke(app, ["solve", text, "--model", str(tiny_ckpt), "--limit", "max_nodes=4", "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["domain"] == "graph"
    res = runner.invoke(app, ["solve", text, "--model", str(tiny_ckpt), "--limit", "nodes"])
    assert res.exit_code == 2 and "NAME=N" in res.output


def test_cli_batch_limits_each_line(tiny_ckpt: Path, tmp_path: Path) -> None:
    lines = [
        "A-B, B-C. Is A connected to C?",
        "A-B, B-C, C-D, D-E. Is A connected to E?",
        json.dumps({"text": "(" * 5000}),
    ]
    path = tmp_path / "batch.txt"
    path.write_text("\n".join(lines) + "\n")
    res = CliRunner().invoke(
        app, ["solve", "--batch", str(path), "--model", str(tiny_ckpt), "--limit", "max_nodes=4"]
    )
    assert res.exit_code == 0, res.output
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert "answer" in out[0]
    assert out[1]["error"]["type"] == "LimitError" and "max_nodes" in out[1]["error"]["message"]
    assert out[2]["error"]["type"] == "LimitError" and "max_depth" in out[2]["error"]["message"]
    res = CliRunner().invoke(
        app, ["solve", "--batch", str(path), "--model", str(tiny_ckpt), "--limit", "max_batch=2"]
    )
    assert res.exit_code == 2 and "max_batch" in res.output


def test_long_node_names_are_a_limit_error_not_a_wrapped_one() -> None:
    with pytest.raises(LimitError, match="max_name_chars=20"):
        parse("A" * 30 + "-B. Is B connected to " + "A" * 30 + "?", limits=Limits(max_name_chars=20))
    with pytest.raises(
        LimitError, match="not supported"
    ):  # the schema caps names at 200: no limit can lift it
        parse("A" * 300 + "-B. Is B connected to " + "A" * 300 + "?")
    with pytest.raises(LimitError, match="cannot exceed 200"):
        Limits(max_name_chars=300)
