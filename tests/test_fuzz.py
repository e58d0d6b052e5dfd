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


# -- issue 17: negation, contradictions and MCP, scored against independent oracles ------------------------------


def score_all(cases: list) -> list[tuple[object, str]]:
    import drt_agent

    sols = drt_agent.solve_many([c.text for c in cases])
    assert len(sols) == len(cases)
    out = []
    for case, sol in zip(cases, sols, strict=True):
        if isinstance(sol, BaseException):
            assert isinstance(sol, DrtError), f"{type(sol).__name__}: {sol} for {case.text!r}"
            out.append((case, fuzz.score(case, error=type(sol).__name__)))
        else:
            out.append((case, fuzz.score(case, sol.answer)))
    return out


@settings(FAST, max_examples=6)
@given(fuzz.st.lists(fuzz.negation_case(), min_size=8, max_size=20))
def test_negation_and_contradictions_are_answered_right_or_refused(cases: list) -> None:
    """Generated graph / logic / kinship texts with negated facts, negated questions and contradictions, through
    drt_agent.solve_many with the shipped models: never an answer the oracle disagrees with, never an answer to a
    contradiction."""
    wrong = [(c.text, c.expected) for c, o in score_all(cases) if o == "WRONG"]
    assert not wrong, wrong


@pytest.mark.parametrize("domain", sorted(fuzz.CASE_MAKERS))
def test_every_domain_is_answered_and_contradictions_refused(domain: str) -> None:
    """40 seeded cases per domain: most consistent ones answered (and right), every contradiction refused."""
    import random

    cases = [fuzz.CASE_MAKERS[domain](random.Random(1000 + i)) for i in range(40)]
    scored = score_all(cases)
    assert not [c.text for c, o in scored if o == "WRONG"]
    consistent = [o for c, o in scored if c.expected != fuzz.CONTRADICTION]
    assert consistent.count("correct") >= len(consistent) // 2, consistent
    assert any(c.expected == fuzz.CONTRADICTION for c, _ in scored)


def test_a_first_name_gender_that_gives_two_mothers_is_not_used() -> None:
    """Taking Donna as female gives Henry two mothers; only Donna as his father is consistent: refuse, or answer
    'father' (as the reader does where a denial rules the name's gender out)."""
    import drt_agent

    try:
        sol = drt_agent.solve("Henry is Donna's son. Laura is Henry's mother. Who is Donna to Henry?")
    except DrtError:
        return
    assert sol.answer == "father", sol.answer


def test_oracles_on_hand_made_cases() -> None:
    """The harness's own oracles, checked by hand (they are what every score above rests on)."""
    g = {"Ann": "f", "Bob": "m", "Carol": "f", "Dave": "m", "Eve": "f", "Fred": "m"}
    facts = [("parent", "Ann", "Bob"), ("sibling", "Carol", "Ann"), ("parent", "Carol", "Dave")]
    assert fuzz.kin_oracle(facts, "Carol", "Bob", g) == "aunt"
    assert fuzz.kin_oracle(facts, "Dave", "Bob", g) == "first cousin"
    assert fuzz.kin_oracle(facts, "Bob", "Carol", g) == "nephew"
    assert fuzz.kin_oracle(facts, "Bob", "Ann", g) == "son"
    two = [("parent", "Ann", "Bob"), ("parent", "Ann", "Eve"), ("parent", "Fred", "Ann")]
    assert fuzz.kin_oracle(two, "Eve", "Bob", g) == "sister"  # children of one parent are siblings
    assert fuzz.kin_oracle(two, "Fred", "Eve", g) == "grandfather"
    assert fuzz.kin_oracle([("spouse", "Ann", "Fred"), *two], "Fred", "Ann", g) == "husband"
    assert fuzz.kin_oracle([("parent", "Ann", "Bob"), ("parent", "Fred", "Bob")], "Fred", "Ann", g) is None
    # a first name's gender gives way where the story needs it (the fewest names changed), else a contradiction
    g2 = {"Donna": "f", "Laura": "f", "Henry": "m", "Richard": "m", "Michael": "m"}
    two_moms = [("parent", "Donna", "Henry"), ("parent", "Laura", "Henry")]
    (reading,) = fuzz.gender_readings(two_moms, g2, {"Laura"}, [])
    assert reading["Donna"] == "m" and fuzz.kin_oracle(two_moms, "Donna", "Henry", reading) == "father"
    assert fuzz.gender_readings(two_moms, g2, {"Laura", "Donna"}, []) == []
    denied = [("parent", "Donna", "Michael"), ("parent", "Richard", "Michael")]
    assert fuzz.gender_readings(denied, g2, {"Richard"}, [("Donna", "Michael", "mother")]) == []
    (flip,) = fuzz.gender_readings([("parent", "Donna", "Michael")], g2, set(), [("Michael", "Donna", "son")])
    assert flip["Michael"] == "f"
    assert fuzz.score(fuzz.Case("x", True, "s"), True) == "correct"
    assert fuzz.score(fuzz.Case("x", fuzz.CONTRADICTION, "s"), False) == "WRONG"
    assert fuzz.score(fuzz.Case("x", fuzz.CONTRADICTION, "s"), error="ParseError") == "refused:ParseError"
    import random

    for i in range(200):  # the logic generator checks its rendering against Python's eval as it goes
        fuzz.logic_case(random.Random(i))


def test_negation_through_the_cli_batch() -> None:
    """The same cases through `solve --batch` (each domain's shipped model): one line out per case, none wrong."""
    import random

    report = fuzz.Report()
    run = fuzz.make_targets(tiny_ckpt(), report)["negation_cli"][1]
    cases = [fuzz.CASE_MAKERS[d](random.Random(i)) for i in range(6) for d in sorted(fuzz.CASE_MAKERS)]
    counts = run(cases)
    assert sum(counts.values()) == len(cases)
    assert not report.wrong, report.wrong


def test_mcp_generated_lines_are_answered_in_time() -> None:
    """60 generated JSON-RPC lines to one `drt-agent mcp` subprocess: every due reply within 1 s (tools/call 30 s)
    with the code the specification names, no reply to notifications, generated cases scored."""
    pytest.importorskip("mcp")
    report = fuzz.Report()
    run = fuzz.make_targets(tiny_ckpt(), report)["mcp"][1]
    seen: list = []

    @settings(FAST, max_examples=12)
    @given(fuzz.st.lists(fuzz.mcp_line(), min_size=5, max_size=5))
    def body(lines: list) -> None:
        seen.append(run(lines))

    body()
    total = sum((c for c in seen), start=fuzz.Counter())
    assert sum(total.values()) >= 50 and total["HANG"] == 0
    assert not report.wrong, report.wrong


def test_mcp_expectations_follow_the_specification() -> None:
    """The harness's reading of JSON-RPC 2.0 (it does not call the server's screen())."""
    e = fuzz.mcp_expect
    assert (e(b"junk").code, e(b"junk").reply_id) == (-32700, None)
    assert e(b"\xff").code == -32700 and e(b"[]").code == -32600 and e(b"42").code == -32600
    assert e(b'{"jsonrpc":"2.0","id":true,"method":"ping"}').code == -32600
    assert e(b'{"jsonrpc":"1.0","id":3,"method":"ping"}').reply_id == 3
    assert e(b'{"jsonrpc":"2.0","id":5,"method":"tools/list","params":[1]}').code == -32602
    assert not e(b'{"jsonrpc":"2.0","method":"notifications/x"}').reply_due
    assert e(b'{"jsonrpc":"2.0","id":"a","method":"ping"}').reply_due


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
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]  # exit 1 on a wrong answer too
    summary = json.loads(out.read_text())
    assert summary["inputs"] >= 400 and summary["unhandled"] == 0 and summary["timeouts"] == 0
    assert summary["hangs"] == 0
    assert set(summary["per_target"]) == set(fuzz.SHARES)
    assert summary["wrong"] == 0, summary["wrong_answers"]
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
