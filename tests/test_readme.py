"""Every code block in README.md runs as written.

Blocks are extracted in order and run in one scratch directory (so a block may use what an earlier one wrote, as a
reader following the README would), with the project's `examples/`, `scripts/` and `constraints.txt` linked in and
a few input files a command names (`problems.txt`, `edges.txt`, `corpus.jsonl`). Python blocks run as scripts; each
line of a bash block runs in bash; a JSON block must parse, and a client configuration in it must start a server
that answers the MCP handshake. An output block (no language) must equal what the command before it printed.

Commands that take minutes (training, fine-tuning, the full test suite, installs) run in a quick form: the same
command with options that shrink it (`QUICK` below). A command with no quick form must finish within
`TIMEOUT` seconds: a new long command in the README needs an entry in `QUICK`.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from _tool_cases import need

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
TIMEOUT = 240
BIN = Path(sys.executable).parent

# (exact README text, its quick form): applied to bash lines and python blocks before they run
QUICK: list[tuple[str, str]] = [
    # the test suite: collecting it shows it imports and is complete; CI runs it in full
    ("bash scripts/dev.sh pytest", f"{sys.executable} -m pytest --collect-only -q {ROOT / 'tests'}"),
    # scripts/dev.sh creates .venv first when it is missing; here the environment already exists
    ("bash scripts/dev.sh drt-agent", "drt-agent"),
    # installs: resolved, not installed (tests/test_wheel.py installs them into fresh environments)
    ('pip install -c constraints.txt ".', f'{sys.executable} -m pip install --dry-run --no-deps --no-build-isolation -q -c constraints.txt "{ROOT}'),
    ("examples/finetune_org_corpus.py runs/org.jsonl --n 4000", "examples/finetune_org_corpus.py runs/org.jsonl --n 200"),
    ("--steps 12 --freeze-core", "--steps 12 --freeze-core --epochs 1 --max-minutes 0.1"),
    ("freeze_core=True, steps=12)", "freeze_core=True, steps=12, epochs=1, max_minutes=0.1)"),
    ("--threads 1", "--threads 1 --iters 2"),
    ("drt-agent evaluate graph", "drt-agent evaluate graph --n 5 --complexities 1,2"),
    ("--out runs/frontier", "--out runs/frontier --n 5 --steps 1,2 --complexities 1,2 --no-plot"),
    ("--base relational --out my-model", "--base relational --out my-model --epochs 1 --max-minutes 0.1"),
    ("--out runs/ddp", "--out runs/ddp --iters 2"),
    ("--adapters-env /tmp/drt-adapters", "--adapters-env /tmp/drt-adapters-readme-test"),
]  # fmt: skip

INPUTS = {
    "problems.txt": "A-B, B-C. Is A connected to C?\nnot (True and False) or False\n",
    "edges.txt": "A-B\nB-C\nC-F\n",
}


@dataclass
class Block:
    lang: str
    code: str
    line: int  # where it starts in README.md


def blocks() -> list[Block]:
    text = README.read_text()
    out = []
    for m in re.finditer(r"^```(\w*)\n(.*?)^```$", text, re.M | re.S):
        out.append(Block(m.group(1), m.group(2), text[: m.start()].count("\n") + 1))
    return out


def quick(code: str) -> str:
    for long, short in QUICK:
        code = code.replace(long, short)
    return code


def _commands(code: str) -> list[str]:
    """A bash block's commands: one per line, comments and blanks dropped."""
    return [line for line in code.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("readme")
    for name in ("examples", "scripts", "constraints.txt", "bench", "tests"):
        (where / name).symlink_to(ROOT / name)
    for name, content in INPUTS.items():
        (where / name).write_text(content)
    corpus = subprocess.run(
        [
            sys.executable,
            str(ROOT / "examples" / "finetune_org_corpus.py"),
            str(where / "corpus.jsonl"),
            "--n",
            "60",
        ],
        capture_output=True,
        text=True,
    )
    assert corpus.returncode == 0, corpus.stderr
    return where


def _env() -> dict[str, str]:
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}


def run_bash(command: str, cwd: Path) -> str:
    proc = subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=_env(),
        stdin=subprocess.DEVNULL,  # `drt-agent mcp` serves until its input closes
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert proc.returncode == 0, f"{command}\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
    return proc.stdout


def run_python(code: str, cwd: Path) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=_env(), capture_output=True, text=True, timeout=TIMEOUT
    )
    assert proc.returncode == 0, f"{code[:500]}\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
    return proc.stdout


def check_mcp_config(config: dict) -> None:
    """Each configured server starts and answers `initialize` (the client's first message)."""
    for server in config["mcpServers"].values():
        init = {
            "jsonrpc": "2.0",
            "id": 0,
            "method": "initialize",
            "params": {
                "protocolVersion": "2025-06-18",
                "capabilities": {},
                "clientInfo": {"name": "t", "version": "1"},
            },
        }
        proc = subprocess.run(
            [server["command"], *server["args"]],
            input=json.dumps(init) + "\n",
            env=_env(),
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        reply = json.loads(proc.stdout.splitlines()[0])
        assert reply["id"] == 0 and reply["result"]["serverInfo"]["name"] == "drt-agent", proc.stdout


def test_readme_has_blocks_of_every_kind() -> None:
    kinds = {b.lang for b in blocks()}
    assert {"bash", "python", "json", ""} <= kinds, kinds


@need("graph")
@need("logic")
@need("relational")
@pytest.mark.slow
def test_every_readme_block_runs_as_written(scratch: Path) -> None:
    outputs: list[str] = []  # what each command of the previous block printed
    for block in blocks():
        where = f"README.md line {block.line}"
        code = quick(block.code)
        if block.lang == "python":
            outputs = [run_python(code, scratch)]
        elif block.lang == "bash":
            outputs = [run_bash(cmd, scratch) for cmd in _commands(code)]
        elif block.lang == "json":
            config = json.loads(block.code)
            if "mcpServers" in config:
                check_mcp_config(config)
        elif block.lang == "":
            shown = block.code.strip()
            assert any(out.strip() == shown for out in outputs), f"{where}: the output shown is not what runs"
        else:
            pytest.fail(f"{where}: a ```{block.lang} block; add how to run it to tests/test_readme.py")
