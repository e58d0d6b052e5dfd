"""`drt-agent solve --batch` streams: one output line per input line, in order, each flushed once it and all
before it are done; signals keep every finished line (exit 130 / 143); a closed or full stdout is a one-line
error with exit status 1. Real subprocesses, real signals."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

ENV = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONWARNINGS": "ignore"}
CMD = [sys.executable, "-m", "drt_agent.cli", "solve"]


def graph_line(rng: np.random.Generator) -> tuple[str, bool]:
    """A small graph question (two components, a few extra edges) and its answer from networkx."""
    names = [f"n{i}" for i in rng.permutation(int(rng.integers(4, 10)))]
    cut = int(rng.integers(2, len(names) - 1))
    groups = [names[:cut], names[cut:]]
    edges = [(a, b) for g in groups for a, b in zip(g, g[1:], strict=False)]
    edges += [(g[0], g[-1]) for g in groups if len(g) > 2 and rng.random() < 0.5]
    edges = [edges[i] for i in rng.permutation(len(edges))]
    u = groups[0][int(rng.integers(len(groups[0])))]
    v = [x for x in names if x != u][int(rng.integers(len(names) - 1))]
    text = ", ".join(f"{a}-{b}" for a, b in edges)
    return f"{text}. Is {u} connected to {v}?", nx.has_path(nx.Graph(edges), u, v)


def lines_with_answers(n: int, seed: int = 0) -> tuple[list[str], list[bool | None]]:
    """n input lines, one in 10 blank; the expected answer of each (None: an error line)."""
    rng = np.random.default_rng(seed)
    lines: list[str] = []
    answers: list[bool | None] = []
    for i in range(n):
        if i % 10 == 3:
            lines.append("" if i % 20 == 3 else "   ")
            answers.append(None)
        else:
            text, ans = graph_line(rng)
            lines.append(text)
            answers.append(ans)
    return lines, answers


def check_rows(out: str, answers: list[bool | None]) -> list[dict]:
    """Every output line is complete JSON; line k answers input line k."""
    assert out == "" or out.endswith("\n"), "a line was cut off"
    rows = [json.loads(x) for x in out.splitlines()]
    assert len(rows) <= len(answers)
    for k, (row, want) in enumerate(zip(rows, answers, strict=False)):
        if want is None:
            assert row == {"error": {"type": "ParseError", "message": "empty line"}}, (k, row)
        else:
            assert row["answer"] is want, (k, row)
    return rows


def test_one_output_line_per_input_line(tmp_path: Path) -> None:
    lines, answers = lines_with_answers(150)
    # the awkward ones: CRLF, invalid UTF-8, NUL, an over-long line, JSON without text, no final newline
    extra = [b"A-B. Is A connected to B?\r", b"\xff\xfe bad bytes", b"\x00\x00", b"A-B, " * 400 + b"Is A x?"]
    extra += [b'{"text": 5}', b'{"text": "A-B, B-C. Is C connected to A?", "domain": 7}']
    extra += [b"A-B, C-D. Is A connected to D?"]
    path = tmp_path / "in.txt"
    path.write_bytes("\n".join(lines).encode() + b"\n" + b"\n".join(extra))
    proc = subprocess.run(
        [*CMD, "--batch", str(path), "--limit", "max_chars=1000"], capture_output=True, env=ENV, timeout=300
    )
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    out = proc.stdout.decode()
    rows = [json.loads(x) for x in out.splitlines()]
    assert len(rows) == len(lines) + len(extra)
    check_rows("".join(x + "\n" for x in out.splitlines()[: len(lines)]), answers)
    tail = rows[len(lines) :]
    assert tail[0]["answer"] is True
    assert tail[1]["error"]["type"] == "ParseError"  # U+FFFD from undecodable bytes is refused
    assert tail[2]["error"]["type"] in ("ParseError", "LimitError")
    assert tail[3]["error"]["type"] == "LimitError" and "max_chars" in tail[3]["error"]["message"]
    assert "text" in tail[4]["error"]["message"] and "domain" in tail[5]["error"]["message"]
    assert tail[6]["answer"] is False


def default_signals() -> None:
    """In the child: SIGINT and SIGTERM at their default action, as in a terminal (a test run started in the
    background inherits SIGINT ignored, and the CLI rightly leaves an ignored signal ignored)."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)


def _start(args: list[str], **kw) -> subprocess.Popen:
    # unbuffered: the first line is read byte by byte, so nothing after it sits in a buffer communicate() skips
    return subprocess.Popen(
        [*CMD, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
        bufsize=0,
        preexec_fn=default_signals,
        **kw,
    )


def _first_line(proc: subprocess.Popen, timeout: float = 240) -> bytes:
    """Wait for the first output line: it must come long before the whole batch is done."""
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    assert ready, "no output line while the batch was running: results are not streamed"
    return proc.stdout.readline()


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signal_keeps_every_finished_line(tmp_path: Path, sig: signal.Signals, code: int) -> None:
    lines, answers = lines_with_answers(20_000, seed=1)
    path = tmp_path / "big.txt"
    path.write_text("\n".join(lines) + "\n")
    proc = _start(["--batch", str(path)])
    first = _first_line(proc)
    proc.send_signal(sig)
    rest, err = proc.communicate(timeout=120)
    out = (first + rest).decode()
    assert proc.returncode == code, err.decode()[-2000:]
    rows = check_rows(out, answers)
    assert 1 <= len(rows) < len(lines), "the signal came after the whole batch was done"
    message = err.decode().strip()
    assert message.count("\n") == 0 and "Traceback" not in message, message
    assert message.startswith("error: stopped by " + sig.name) and f"after {len(rows)} of" in message


def test_stdin_producer_that_waits_for_each_answer() -> None:
    """A co-process writes one line, waits for its answer, then writes the next: no deadlock, no chunk
    waiting to fill up."""
    proc = _start(["--batch", "-"], stdin=subprocess.PIPE)
    assert proc.stdin is not None
    got = []
    for text in ["A-B, B-C. Is A connected to C?", "", "A-B, C-D. Is A connected to D?"]:
        proc.stdin.write(text.encode() + b"\n")
        proc.stdin.flush()
        got.append(json.loads(_first_line(proc, timeout=120)))
    proc.stdin.close()
    assert proc.wait(timeout=60) == 0
    assert (
        got[0]["answer"] is True and got[1]["error"]["message"] == "empty line" and got[2]["answer"] is False
    )


def test_full_stdout_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_text("A-B. Is A connected to B?\n\nA-B. Is B connected to A?\n")
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [*CMD, "--batch", str(path)], stdout=full, stderr=subprocess.PIPE, env=ENV, timeout=120
        )
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert err.startswith("error: cannot write to stdout") and err.count("\n") == 1, err
    assert "No space left" in err


def test_closed_stdout_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_text("A-B. Is A connected to B?\n")
    proc = subprocess.run(
        [*CMD, "--batch", str(path)],
        stderr=subprocess.PIPE,
        env=ENV,
        timeout=120,
        preexec_fn=lambda: os.close(1),  # noqa: PLW1509 (the child starts with no stdout at all)
    )
    err = proc.stderr.decode()
    assert proc.returncode == 1 and err.startswith("error: stdout is closed") and err.count("\n") == 1, err


def test_broken_pipe_is_a_one_line_error(tmp_path: Path) -> None:
    lines, _ = lines_with_answers(20_000, seed=2)
    path = tmp_path / "big.txt"
    path.write_text("\n".join(lines) + "\n")
    proc = _start(["--batch", str(path)])
    _first_line(proc)
    assert proc.stdout is not None
    proc.stdout.close()  # the consumer goes away (like `| head -1`)
    t0 = time.monotonic()
    err = proc.stderr.read().decode() if proc.stderr else ""
    assert proc.wait(timeout=120) == 1, err
    assert time.monotonic() - t0 < 120
    assert err.startswith("error: cannot write to stdout (Broken pipe)") and err.count("\n") == 1, err


def test_nonexistent_model_fails_once_before_reading(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from drt_agent.cli import app

    path = tmp_path / "in.txt"
    path.write_text("A-B. Is A connected to B?\n" * 3)
    for args, needle in [
        (["--model", "/nonexistent"], "no checkpoint at '/nonexistent'"),
        (["--domain", "chess"], "chess"),
    ]:
        result = CliRunner().invoke(app, ["solve", "--batch", str(path), *args])
        assert result.exit_code == 2 and result.stdout == "", result.output
        assert (
            result.stderr.startswith("error: ") and result.stderr.count("\n") == 1 and needle in result.stderr
        )
    result = CliRunner().invoke(app, ["solve", "--batch", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and "cannot read --batch" in result.stderr


def _read_all(data: bytes, max_line_bytes: int) -> list[object]:
    from drt_agent.cli import _OVERLONG, _LineReader

    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the producer writes in its own time
        os.close(r)
        for k in range(0, len(data), 4096):
            os.write(w, data[k : k + 4096])
        os._exit(0)
    os.close(w)
    reader, out = _LineReader(r, max_line_bytes), []
    while (line := reader.next(block=True)) is not None:
        out.append("OVERLONG" if line is _OVERLONG else line)
    os.waitpid(pid, 0)
    os.close(r)
    return out


def test_line_reader_splits_on_newline_only() -> None:
    data = b"a\r\n\nb\x0cc\xe2\x80\xa8d\n" + b"x" * 50_000 + b"\nlast"
    assert _read_all(data, 10_000) == [b"a\r", b"", b"b\x0cc\xe2\x80\xa8d", "OVERLONG", b"last"]
    assert _read_all(b"", 100) == [] and _read_all(b"\n", 100) == [b""]
    rng = np.random.default_rng(0)
    for _ in range(50):
        data = bytes(rng.choice(list(b"ab\n"), size=int(rng.integers(0, 300))))
        want = data.split(b"\n")
        assert _read_all(data, 1000) == (want[:-1] if want[-1] == b"" else want)
