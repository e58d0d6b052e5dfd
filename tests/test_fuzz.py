"""Fuzzing (hypothesis): every entry point answers or raises a documented DrtError, in bounded time.

A few hundred generated inputs per run here; `python bench/fuzz.py --n 10000` is the full run (same strategies,
results in docs/results/reliability.md). The huge inputs are also tested one by one with time bounds.
"""

from __future__ import annotations

import sys
import time
from functools import cache
from pathlib import Path

import pytest
import torch
from drt_agent.parsers import parse
from hypothesis import HealthCheck, given, settings

from drt_agent.checkpoint import save_checkpoint
from drt_agent.core import CoreConfig
from drt_agent.errors import DrtError, LimitError
from drt_agent.model import DRTModel, ModelConfig
from drt_agent.problems import Edge, GraphProblem
from drt_agent.reasoner import Reasoner
from drt_agent.tasks import make_task

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import contextlib

import fuzz  # noqa: E402  (bench/fuzz.py: the strategies and targets)

FAST = settings(
    max_examples=60, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
)


@cache
def tiny_ckpt() -> str:
    """An untrained small graph model: fuzzing is about crashes and bounds, not answers."""
    import tempfile

    torch.manual_seed(0)
    task = make_task("graph")
    cfg = ModelConfig(
        "graph", task.vocab_size, task.n_roles, task.n_classes, CoreConfig(d_model=16, n_heads=2)
    )
    return str(save_checkpoint(Path(tempfile.mkdtemp(prefix="drt-fuzz-ckpt-")), DRTModel(cfg), task))


@cache
def targets() -> dict:
    return fuzz.make_targets(tiny_ckpt(), fuzz.Report())


def run(name: str, x: object) -> None:
    """Run one input; a DrtError is fine, anything else fails the test (hypothesis then shrinks it)."""
    with contextlib.suppress(DrtError):
        targets()[name][1](x)


@FAST
@given(fuzz.st.tuples(fuzz.TEXT, fuzz.DOMAIN))
def test_fuzz_parse(x: tuple) -> None:
    run("parse", x)


@FAST
@given(fuzz.st.tuples(fuzz.st.one_of(fuzz.clean_graph_text(), fuzz.TEXT, fuzz.typed_other()), fuzz.STEPS))
def test_fuzz_solve(x: tuple) -> None:
    run("solve", x)


@settings(FAST, max_examples=15)
@given(fuzz.st.lists(fuzz.batch_line(), min_size=1, max_size=10))
def test_fuzz_cli_batch(lines: list[str]) -> None:
    run("cli_batch", lines)


@FAST
@given(fuzz.tool_call())
def test_fuzz_tools(call: tuple) -> None:
    pytest.importorskip("langchain_core")
    run("tools", call)


def test_fuzz_summary_counts_inputs() -> None:
    """The bench harness itself: counts every input, separates documented errors from unhandled ones."""
    report = fuzz.fuzz(tiny_ckpt(), 40, {"parse": 0.5, "cli_batch": 0.5}, verbose=False, with_huge=False)
    summary = fuzz.summarise(report, 1.0)
    assert summary["inputs"] >= 40 and summary["unhandled"] == 0
    assert set(summary["per_target"]) == {"parse", "cli_batch"}


# -- huge inputs, one by one, with time bounds ------------------------------------------------------------------
@pytest.mark.parametrize("kind", fuzz.HUGE_KINDS)
def test_huge_text_is_bounded(kind: str) -> None:
    text = fuzz.huge(kind)
    try:
        with fuzz.time_limit(30), contextlib.suppress(DrtError):
            parse(text)
    except fuzz.Timeout:
        pytest.fail(f"{kind}: parse() ran past 30 s")


@pytest.mark.parametrize("kind", ["parens_10000", "logic_parens_10000", "chars_3M", "edges_250000"])
def test_past_the_limits_fails_fast_everywhere(kind: str) -> None:
    text = fuzz.huge(kind)
    reasoner = Reasoner.load(tiny_ckpt())
    t0 = time.perf_counter()
    with pytest.raises(LimitError):
        parse(text)
    with pytest.raises(LimitError):
        reasoner.solve(text)
    counts = targets()["cli_batch"][1]([text])
    assert counts == {"LimitError": 1}
    assert time.perf_counter() - t0 < 30


def test_100k_edge_graph_is_solved_in_bounded_time() -> None:
    """100,000 edges over 10,000 nodes: inside the default limits, so it is solved (sparse path), not refused."""
    import random

    rng = random.Random(0)
    edges = [Edge(src=f"v{rng.randrange(10_000)}", dst=f"v{rng.randrange(10_000)}") for _ in range(100_000)]
    problem = GraphProblem(edges=edges, source="v0", target="v1")
    reasoner = Reasoner.load(tiny_ckpt())
    t0 = time.perf_counter()
    sol = reasoner.solve(problem, steps=2)
    assert time.perf_counter() - t0 < 60
    assert sol.steps_used == 2 and sol.answer in (True, False) and sol.exact in (True, False)


# -- the benches' quick modes ------------------------------------------------------------------------------------
ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_fuzz_quick_run(tmp_path: Path) -> None:
    """`python bench/fuzz.py --quick`: a few hundred inputs and the fast huge ones, none unhandled."""
    import json
    import os
    import subprocess

    out = tmp_path / "fuzz.json"
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "fuzz.py"), "--quick", "--out", str(out)],
                          capture_output=True, text=True, timeout=600, env=env, cwd=ROOT)  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    summary = json.loads(out.read_text())
    assert summary["inputs"] >= 400 and summary["unhandled"] == 0 and summary["timeouts"] == 0
    assert set(summary["per_target"]) == {"parse", "solve", "cli_batch", "tools"}
    assert {row["kind"] for row in summary["huge"]} >= set(fuzz.QUICK_HUGE_KINDS)


@pytest.mark.slow
def test_speed_quick_leaves_the_committed_results_alone() -> None:
    """`python bench/speed.py --quick` writes to runs/, never over docs/results/speed_cpu.json."""
    import hashlib
    import os
    import subprocess

    committed = ROOT / "docs" / "results" / "speed_cpu.json"
    before = hashlib.sha256(committed.read_bytes()).hexdigest()
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "speed.py"), "--quick"], capture_output=True,
                          text=True, timeout=600, env=env, cwd=ROOT)  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert hashlib.sha256(committed.read_bytes()).hexdigest() == before
    assert "runs/speed_cpu_quick.json" in proc.stdout


def test_solution_lines_hold_no_line_break_characters() -> None:
    """U+2028, U+2029 and U+0085 inside a solution's strings are escaped: str.splitlines sees one line."""
    import json

    from drt_agent.cli import _one_line

    class Fake:
        def model_dump_json(self) -> str:
            return json.dumps({"read_as": "A-B\u2028C-D\x85 E\u2029"}, ensure_ascii=False)

    line = _one_line(Fake())
    assert len(line.splitlines()) == 1 and json.loads(line)["read_as"] == "A-B\u2028C-D\x85 E\u2029"
