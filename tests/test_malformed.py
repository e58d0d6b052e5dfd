"""Malformed input through the CLI: each gives its documented one-line `error: ...`, no traceback, exit status 2.

The cases live in tests/data/malformed.jsonl (category, text, extra CLI args, error class, a fragment the message
must contain); binary bytes on stdin and megabyte inputs are built here. No checkpoint is needed: parsing fails
before any model is loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from drt_agent.parsers import parse
from typer.testing import CliRunner

from drt_agent.cli import app
from drt_agent.errors import DrtError
from drt_agent.limits import Limits

DATA = Path(__file__).parent / "data" / "malformed.jsonl"
CASES = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
runner = CliRunner()


def assert_clean_error(result, fragment: str) -> None:
    """Exit 2, nothing on stdout, exactly one stderr line `error: ...` containing `fragment`, no traceback."""
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert result.stdout == ""
    err = result.stderr
    assert err.startswith("error: ") and err.endswith("\n") and err.count("\n") == 1, err
    assert fragment in err, (fragment, err)
    assert (
        "Traceback" not in result.output
        and result.exception is None
        or isinstance(result.exception, SystemExit)
    )


def test_corpus_is_large_and_covers_every_category() -> None:
    assert len(CASES) >= 50
    needed = {"empty", "only-question", "only-edges", "unknown-node", "unbalanced-brackets",
              "question-missing-node", "binary", "limit"}  # fmt: skip
    assert needed <= {c["category"] for c in CASES}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_malformed_input_gives_documented_error(case: dict) -> None:
    text = case["text"]
    if text.strip():
        result = runner.invoke(app, ["solve", *case["args"], text])
    else:  # empty text: the argument and stdin paths both
        result = runner.invoke(app, ["solve", *case["args"]], input=text)
    assert_clean_error(result, case["contains"])
    args = dict(zip(case["args"][::2], case["args"][1::2], strict=True))
    limits = Limits.from_pairs([args["--limit"]]) if "--limit" in args else None
    with pytest.raises(DrtError) as info:  # the API raises the documented class with the same message
        parse(text, domain=args.get("--domain"), limits=limits)
    assert type(info.value).__name__ == case["error"]
    assert case["contains"] in str(info.value)


def test_binary_bytes_on_stdin() -> None:
    junk = bytes(range(256)) * 8
    result = runner.invoke(app, ["solve"], input=junk)
    assert_clean_error(result, "binary or control characters")


def test_one_megabyte_of_text() -> None:
    text = "A-B, " * 200_000  # 1,000,000 characters of edges and no question
    result = runner.invoke(app, ["solve", "--domain", "graph"], input=text)
    assert_clean_error(result, "no reachability question")


def test_text_past_the_character_limit() -> None:
    result = runner.invoke(app, ["solve", "--limit", "max_chars=1000000"], input="x" * 1_000_001)
    assert_clean_error(result, "max_chars")


def test_json_mode_reports_the_error_as_json() -> None:
    result = runner.invoke(app, ["solve", "--json", "A-B. Is A connected to Z?"])
    assert result.exit_code == 2
    err = json.loads(result.stdout)["error"]
    assert err["type"] == "ParseError" and "no such node" in err["message"]


def test_batch_reports_each_bad_line_and_goes_on(tmp_path: Path) -> None:
    lines = ["", "A-B. Is A connected to Z?", '{"text": 3}', "hello world", "\x00junk"]
    f = tmp_path / "bad.txt"
    f.write_text("\n".join(lines), encoding="utf-8")
    result = runner.invoke(app, ["solve", "--batch", str(f)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(rows) == 5 and all(r["error"]["type"] == "ParseError" for r in rows)  # one per input line
    assert rows[0]["error"]["message"] == "empty line" and "text" in rows[2]["error"]["message"]


def test_graph_option_errors() -> None:
    result = runner.invoke(app, ["solve", "--graph", "/nonexistent/edges.txt", "Is A connected to B?"])
    assert_clean_error(result, "cannot read --facts")
    result = runner.invoke(app, ["solve", "--graph", "/dev/null"])
    assert_clean_error(result, "--facts needs the question")


def test_real_subprocess_binary_stdin() -> None:
    """One real process: no traceback, status 2, even for raw bytes on stdin."""
    cmd = [sys.executable, "-m", "drt_agent.cli", "solve"]
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    proc = subprocess.run(
        cmd, input=b"\x89PNG\r\n\x1a\n\x00\x00" * 100, capture_output=True, env=env, timeout=120
    )
    assert proc.returncode == 2
    assert proc.stdout == b""
    err = proc.stderr.decode()
    assert err.startswith("error: ") and "binary or control characters" in err and "Traceback" not in err
