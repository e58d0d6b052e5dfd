"""Bad settings and corpora through every command: a one-line `error: ...` on stderr and exit status 2, before
anything heavy runs; every TrainConfig / CoreConfig number has bounds; hypothesis drives `finetune` and `solve`
with generated bad values."""

from __future__ import annotations

import contextlib
import io
import json
import math
from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drt_agent import domains
from drt_agent.cli import run
from drt_agent.config import CORE_BOUNDS, TRAIN_BOUNDS, ConfigError, TrainConfig, config_for
from drt_agent.core.config import CoreConfig
from drt_agent.train import train


def cli(*argv: str) -> tuple[int, str, str]:
    """Run the command line in this process: (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


def assert_one_line_error(result: tuple[int, str, str], *needles: str) -> None:
    code, out, err = result
    assert code == 2, (code, out, err)
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err, err
    for needle in needles:
        assert needle in err, (needle, err)


@pytest.fixture(scope="module")
def bases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Tiny untrained-ish checkpoints of two domains (2 iterations): enough to load and fine-tune."""
    out = {}
    for name in ("relational", "graph"):
        path = tmp_path_factory.mktemp(name)
        cfg = config_for(name, iters=2, batch_size=4, d_model=16, n_heads=2, d_ff=32, steps=(2, 3), threads=1)
        train(cfg, path, progress=False)
        out[name] = path
    return out


KIN = {"text": "Bob reports to Ann.", "question": "What is Ann to Bob?", "answer": "manager"}


def corpus(tmp_path: Path, lines: list[object] | bytes) -> Path:
    path = tmp_path / "corpus.jsonl"
    if isinstance(lines, bytes):
        path.write_bytes(lines)
    else:
        path.write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines))
    return path


BAD_SETTINGS = [
    (["--holdout", "1.0"], "--holdout must be in [0, 1)"),
    (["--holdout", "-0.5"], "--holdout must be in [0, 1)"),
    (["--holdout", "nan"], "--holdout"),
    (["--batch-size", "0"], "--batch-size must be in [1, 65536], got 0"),
    (["--batch-size", "-4"], "--batch-size must be in [1, 65536], got -4"),
    (["--steps", "-3"], "--steps"),
    (["--steps", "0"], "--steps must be in [1, 512], got 0"),
    (["--steps", "5:2"], "--steps"),
    (["--lr", "nan"], "--lr must be a finite number"),
    (["--lr", "inf"], "--lr must be a finite number"),
    (["--lr", "0"], "--lr must be in (0, 10]"),
    (["--epochs", "0"], "--epochs"),
    (["--iters", "-1"], "--iters"),
    (["--seed", "-1"], "--seed"),
    (["--warmup", "2"], "--warmup"),
    (["--max-bad-lines", "1.5"], "--max-bad-lines"),
    (["--max-bad-lines", "nan"], "--max-bad-lines"),
    (["--batch-size", "abc"], "--batch-size"),
    (["--bogus", "1"], "--bogus"),
]


@pytest.mark.parametrize(("args", "needle"), BAD_SETTINGS, ids=[" ".join(a) for a, _ in BAD_SETTINGS])
def test_finetune_bad_settings(tmp_path: Path, args: list[str], needle: str) -> None:
    """Refused before the base is loaded or the corpus read: the base named here does not even exist."""
    path = corpus(tmp_path, [KIN])
    result = cli("finetune", path, "--base", tmp_path / "no-base", "--out", tmp_path / "o", *args)
    assert_one_line_error(result, needle)
    assert not (tmp_path / "o").exists()


BAD_CORPORA: list[tuple[str, list[object] | bytes, str]] = [
    ("text is a number", [{"text": 5, "answer": "manager"}], "string 'text'"),
    ("invalid UTF-8", b'{"text": "Bob reports to \xff Ann.", "answer": "manager"}\n', "not UTF-8"),
    ("answer null", [{**KIN, "answer": None}], "'answer' must be"),
    ("answer 5", [{**KIN, "answer": 5}], "got 5"),
    ("answer [1, 2]", [{**KIN, "answer": [1, 2]}], "got [1, 2]"),
    ("answer empty", [{**KIN, "answer": ""}], "'answer' must be"),
    ("answer punctuation", [{**KIN, "answer": "??"}], "'answer' must be"),
    ("not JSON", ["{broken"], "not valid JSON"),
    ("JSON nested 100,000 deep", ["[" * 100_000 + "]" * 100_000], "holds no usable line"),
    ("a list per line", [[1, 2]], "JSON object"),
    ("empty corpus", b"", "no usable line"),
    ("blank lines only", b"\n  \n\n", "no usable line"),
    ("one bad line in two (over the 10% allowed)", [KIN, {"text": 5, "answer": "x"}], "1 of 2 lines"),
]


@pytest.mark.parametrize(("case", "lines", "needle"), BAD_CORPORA, ids=[c for c, _, _ in BAD_CORPORA])
def test_finetune_bad_corpus(tmp_path: Path, bases: dict[str, Path], case: str, lines, needle: str) -> None:
    path = corpus(tmp_path, lines)
    result = cli("finetune", path, "--base", bases["relational"], "--out", tmp_path / "o", "--no-progress")
    assert_one_line_error(result, needle)
    assert not (tmp_path / "o").exists()


def test_finetune_other_failures(tmp_path: Path, bases: dict[str, Path]) -> None:
    path = corpus(tmp_path, [KIN, {**KIN, "text": "Cy reports to Dee.", "question": "What is Dee to Cy?"}])
    out = tmp_path / "o"
    # a kinship corpus on a graph base: no line reads as a graph
    assert_one_line_error(cli("finetune", path, "--base", bases["graph"], "--out", out), "no usable line")
    assert_one_line_error(
        cli("finetune", tmp_path / "none.jsonl", "--base", bases["relational"]), "cannot read"
    )
    assert_one_line_error(cli("finetune", tmp_path, "--base", bases["relational"]), "cannot read")
    assert_one_line_error(cli("finetune", path, "--base", "/nonexistent"), "no checkpoint at '/nonexistent'")
    (tmp_path / "proj" / "src").mkdir(parents=True)  # --out that is a project, not a checkpoint's directory
    result = cli("finetune", path, "--base", bases["relational"], "--out", tmp_path / "proj", "--iters", "1",
                 "--no-progress", "--threads", "1")  # fmt: skip
    assert_one_line_error(result, "other directories")
    assert not out.exists()


def test_strict_refuses_any_bad_line(tmp_path: Path, bases: dict[str, Path]) -> None:
    lines = [KIN] * 1 + [
        {**KIN, "text": f"P{i} reports to Q{i}.", "question": f"What is Q{i} to P{i}?"} for i in range(20)
    ]
    path = corpus(tmp_path, [*lines, {"text": 5, "answer": "x"}])
    assert_one_line_error(cli("finetune", path, "--base", bases["relational"], "--strict"), "1 of 22 lines")


def test_evaluate_and_frontier_bad_settings(tmp_path: Path) -> None:
    cases = [
        (["evaluate", "graph", "--n", "0"], "--n"),
        (["evaluate", "graph", "--complexities", "0"], "--complexities"),
        (["evaluate", "graph", "--complexities", "x"], "--complexities"),
        (["evaluate", "graph", "--seed", "-1"], "--seed"),
        (["evaluate", "graph", "--n", "2", "--complexities", "1", "--knob", "bogus=1"], "bogus"),
        (["evaluate", "graph", "--knob", "nodes=[100000,100000]"], "nodes must be in [0, 1024]"),
        (["evaluate", "/nonexistent"], "no checkpoint"),
        (["frontier", "graph", "--steps", "0", "--out", str(tmp_path)], "--steps"),
        (["frontier", "graph", "--n", "-1", "--out", str(tmp_path)], "--n"),
        (["train", "graph", "--iters", "0"], "--iters"),
        (["train", "graph", "--d-model", "30", "--n-heads", "4"], "must divide"),
        (["train", "graph", "--gate-bias", "1e308"], "--gate-bias"),
        (["train", "graph", "--knob", "nodes=[100000,100000]"], "nodes must be in [0, 1024]"),
        (["train", "graph", "--knob", "final_threshold=-1"], "final_threshold must be in (0, 1)"),
        (["train", "graph", "--lr", "nan"], "--lr"),
        (["train", "chess"], "unknown task 'chess'"),
        (["schema", "bogus"], "unknown schema"),
        (["mcp", "--model", "x"], "--model takes DOMAIN=DIR"),
    ]
    for args, needle in cases:
        assert_one_line_error(cli(*args), needle)


# -- every number has bounds ------------------------------------------------------------------------------------
def test_every_number_has_bounds() -> None:
    numbers = (int, float, "int", "float", "float | None", "int | None")
    core = {f.name for f in fields(CoreConfig) if f.type in numbers and not isinstance(f.default, bool)}
    assert core <= set(CORE_BOUNDS), core - set(CORE_BOUNDS)
    top = {f.name for f in fields(TrainConfig) if f.type in numbers or f.type == "tuple[int, int]"}
    assert top <= set(TRAIN_BOUNDS), top - set(TRAIN_BOUNDS)


def test_defaults_and_recipes_are_valid() -> None:
    for name in domains.task_names():
        config_for(name)  # every shipped recipe passes its own bounds


@pytest.mark.parametrize(
    "change",
    [{"batch_size": 0}, {"lr": math.nan}, {"holdout": 1.0}, {"steps": (0, 3)}, {"d_model": 30, "n_heads": 4},
     {"gate_bias": 1e308}, {"dropout": 1.0}, {"task_knobs": {"nodes": [100_000, 100_000]}}],
)  # fmt: skip
def test_api_refuses_bad_settings(change: dict) -> None:
    with pytest.raises(ConfigError):
        config_for("graph", **change)


# -- hypothesis: generated bad values ---------------------------------------------------------------------------
FAST = settings(max_examples=60, deadline=None, database=None, derandomize=True,
                suppress_health_check=list(HealthCheck))  # fmt: skip

BAD_FLOAT_SHARE = st.one_of(
    st.floats(min_value=1.0, allow_nan=False), st.floats(max_value=-1e-9, allow_nan=False), st.just(math.nan)
)
JUNK = st.text(alphabet="abcxyz!?%", min_size=1, max_size=5)
BAD_FINETUNE = st.one_of(
    st.tuples(st.just("--holdout"), st.one_of(BAD_FLOAT_SHARE.map(str), JUNK)),
    st.tuples(st.just("--max-bad-lines"), st.one_of(st.floats(min_value=1.0001).map(str), st.just("nan"), JUNK)),
    st.tuples(st.just("--batch-size"), st.one_of(st.integers(max_value=0), st.integers(min_value=65_537)).map(str)),
    st.tuples(st.just("--epochs"), st.integers(max_value=0).map(str)),
    st.tuples(st.just("--iters"), st.one_of(st.integers(max_value=0).map(str), JUNK)),
    st.tuples(st.just("--seed"), st.integers(max_value=-1).map(str)),
    st.tuples(
        st.just("--lr"),
        st.one_of(st.floats(max_value=0.0), st.floats(min_value=10.001), st.sampled_from([math.nan, math.inf])).map(str),
    ),
    st.tuples(st.just("--warmup"), BAD_FLOAT_SHARE.filter(lambda x: x != 1.0).map(str)),
    st.tuples(
        st.just("--steps"),
        st.one_of(
            st.integers(max_value=0).map(str),
            st.integers(min_value=513).map(str),
            st.tuples(st.integers(2, 50), st.integers(1, 49)).filter(lambda t: t[0] > t[1]).map(lambda t: f"{t[0]}:{t[1]}"),
            JUNK,
        ),
    ),
)  # fmt: skip


@FAST
@given(BAD_FINETUNE)
def test_fuzz_finetune_options(tmp_path_factory: pytest.TempPathFactory, bad: tuple[str, str]) -> None:
    option, value = bad
    tmp = tmp_path_factory.mktemp("ft")
    path = corpus(tmp, [KIN])
    result = cli("finetune", path, "--base", tmp / "no-base", "--out", tmp / "o", f"{option}={value}")
    assert_one_line_error(result, option)


BAD_SOLVE = st.one_of(
    st.tuples(st.just("--steps"), st.one_of(st.integers(max_value=0).map(str), JUNK)),
    st.tuples(st.just("--steps"), st.integers(min_value=513, max_value=10**9).map(str)),
    st.tuples(st.just("--limit"), st.one_of(JUNK, st.integers(max_value=0).map(lambda n: f"max_nodes={n}"))),
    st.tuples(st.just("--limit"), st.sampled_from(["bogus=3", "max_chars=x", "max_steps=", "=5"])),
    st.tuples(st.just("--domain"), JUNK),
    st.tuples(st.just("--device"), JUNK),
    st.tuples(st.just("--batch"), JUNK.map(lambda s: f"/nonexistent/{s}")),
    st.tuples(st.just("--file"), JUNK.map(lambda s: f"/nonexistent/{s}")),
)


@FAST
@given(BAD_SOLVE)
def test_fuzz_solve_options(bad: tuple[str, str]) -> None:
    option, value = bad
    code, out, err = cli("solve", f"{option}={value}", "A-B, B-C. Is A connected to C?")
    assert_one_line_error((code, out, err))
