"""One place per domain: a toy fourth domain (tests/data/toy_parity.py, one module) registered by one line
(DRT_AGENT_DOMAINS=toy_parity) is served by the CLI (solve, --batch, train, finetune, schema), the Python API, the
LangChain tools, the MCP server and the limits; no other file knows it. And no module outside a domain's own names
a domain."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from drt_agent import domains

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
BITS = ["10110", "111", "00", "1001", "11111110"]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(DATA), env.get("PYTHONPATH", "")) if p)
    env[domains.PLUGINS_ENV] = "toy_parity"  # the one registry line
    return env


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "drt_agent.cli", *args],
        capture_output=True,
        text=True,
        env=_env(),
        input=stdin,
        timeout=300,
    )


@pytest.fixture(scope="module")
def parity_model(tmp_path_factory) -> Path:
    """`drt-agent train parity`: the registry's task, trained for a few iterations."""
    out = tmp_path_factory.mktemp("parity") / "model"
    res = cli("train", "parity", "--out", str(out), "--iters", "30", "--batch-size", "32", "--no-progress")
    assert res.returncode == 0, res.stderr
    config = json.loads((out / "config.json").read_text())
    assert config["model"]["task"] == "parity"
    return out


@pytest.fixture
def toy(monkeypatch):
    """The toy domain registered in this process, and removed afterwards."""
    monkeypatch.syspath_prepend(str(DATA))
    monkeypatch.setattr(domains, "_registry", dict(domains._load()))
    return domains.register("toy_parity")


def test_cli_solve_and_batch_serve_the_toy_domain(parity_model):
    res = cli("solve", "--model", str(parity_model), "--json", "What is the parity of 10110?")
    assert res.returncode == 0, res.stderr
    sol = json.loads(res.stdout)
    assert sol["domain"] == "parity" and isinstance(sol["answer"], bool)
    assert sol["exact"] is True  # three 1s: odd (the exact solver, whatever the tiny model says)
    assert sol["read_as"] == "parity of 10110"

    lines = "".join(f"What is the parity of {b}?\n" for b in BITS)
    res = cli("solve", "--batch", "-", "--model", str(parity_model), stdin=lines)
    assert res.returncode == 0, res.stderr
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [o["exact"] for o in out] == [b.count("1") % 2 == 1 for b in BITS]

    # routing by the toy's detector, with no --domain and the shipped models untouched
    res = cli("solve", "--json", "--model", str(parity_model), "parity of 0110 please")
    assert res.returncode == 0 and json.loads(res.stdout)["exact"] is False

    schema = json.loads(cli("schema", "parity").stdout)
    assert schema["properties"]["domain"]["const"] == "parity"


def test_limits_serve_the_toy_domain(parity_model):
    res = cli(
        "solve", "--model", str(parity_model), "--limit", "max_tokens=4", "What is the parity of 10110?"
    )
    assert res.returncode == 2 and "max_tokens" in res.stderr and "bit string" in res.stderr


def test_python_api_and_tools_serve_the_toy_domain(toy, parity_model):
    from drt_agent.tools.langchain import get_tools

    import drt_agent

    sols = drt_agent.solve_many([f"parity of {b}" for b in BITS], model=str(parity_model))
    assert [s.exact for s in sols] == [b.count("1") % 2 == 1 for b in BITS]
    assert all(s.domain == "parity" for s in sols)

    tools = get_tools(models={"parity": str(parity_model)}, domains=["parity"])
    assert [t.name for t in tools] == ["bit_parity", "drt_solve"]
    msg = tools[0].invoke({"type": "tool_call", "id": "1", "name": "bit_parity", "args": {"bits": "111"}})
    assert msg.status == "success" and msg.artifact["exact"] is True
    bad = tools[0].invoke({"type": "tool_call", "id": "2", "name": "bit_parity", "args": {"bits": "12"}})
    assert bad.status == "error" and "bits" in bad.content


async def test_mcp_serves_the_toy_domain(toy, parity_model):
    from drt_agent.tools.mcp import build_server
    from mcp import Client

    server = build_server(models={"parity": str(parity_model)}, domains=["parity"])
    async with Client(server) as client:
        names = [t.name for t in (await client.list_tools()).tools]
        assert names == ["bit_parity", "drt_solve"]
        res = await client.call_tool("bit_parity", {"bits": "1001"})
        assert not res.is_error and res.structured_content["solution"]["exact"] is False


def test_finetune_serves_the_toy_domain(parity_model, tmp_path):
    corpus = tmp_path / "parity.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"text": f"What is the parity of {b}?", "answer": b.count("1") % 2 == 1}) + "\n"
            for b in [format(i, "b") for i in range(2, 42)]
        )
    )
    out = tmp_path / "ft"
    res = cli("finetune", str(corpus), "--base", str(parity_model), "--out", str(out), "--epochs", "1")
    assert res.returncode == 0, res.stderr
    assert "held-out accuracy" in res.stdout and (out / "config.json").is_file()


# -- no domain named outside its own modules --------------------------------------------------------------------
SCANNED = ("drt_agent", "parsers", "tools")


def _own_modules(name: str) -> set[Path]:
    """A domain's own modules: drt_agent/domains/<name>.py, parsers/<name>*.py, tasks/<name>.py, tools/<name>.py."""
    stem = name.split("-")[0]
    globs = [
        f"drt_agent/domains/{stem}*.py",
        f"parsers/{stem}*.py",
        f"drt_agent/tasks/{stem}*.py",
        f"tools/{stem}*.py",
    ]
    return {p for g in globs for p in ROOT.glob(g)}


def literal_domain_names(path: Path, names: set[str]) -> list[tuple[int, str]]:
    """(line, literal) for every string constant in `path` that is exactly a domain or task name."""
    tree = ast.parse(path.read_text(), filename=str(path))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in names
    ]


def test_no_domain_name_is_written_outside_its_own_modules():
    names = set(domains.names()) | set(domains.task_names())
    own: dict[Path, set[str]] = {}
    for dom in domains.all_domains():
        for path in _own_modules(dom.name):
            own.setdefault(path, set()).update({dom.name, *dom.tasks})
    registry = {ROOT / "drt_agent" / "domains" / "__init__.py"}
    found = []
    for top in SCANNED:
        for path in sorted((ROOT / top).rglob("*.py")):
            if path in registry or path.is_symlink() or any(p.is_symlink() for p in path.parents):
                continue
            allowed = own.get(path, set())
            found += [
                f"{path.relative_to(ROOT)}:{line}: {lit!r}"
                for line, lit in literal_domain_names(path, names)
                if lit not in allowed
            ]
    assert not found, "domain names written outside their domain's modules:\n" + "\n".join(found)


def test_the_literal_check_catches_a_domain_name(tmp_path):
    """The scan above is not vacuous: a branch on a domain name is found."""
    bad = tmp_path / "bad.py"
    bad.write_text('def f(p):\n    return 1 if p.domain == "logic" else 0\n')
    assert literal_domain_names(bad, set(domains.names())) == [(2, "logic")]


# -- the two bugs that came from domain knowledge spread over many files ------------------------------------------
def test_cli_limit_reaches_the_graph_reader(tmp_path):
    """`--limit max_nodes=...` is passed to routing's reader (it used to be read with the default limits)."""
    n = 25_000  # 25,001 nodes: over the default max_nodes
    text = ", ".join(f"n{i}-n{i + 1}" for i in range(n)) + f". Is n0 connected to n{n}?"
    path = tmp_path / "big.txt"
    path.write_text(text)
    res = cli("solve", "--file", str(path), "--steps", "1")
    assert res.returncode == 2 and "max_nodes=20,000" in res.stderr
    res = cli("solve", "--file", str(path), "--json", "--limit", "max_nodes=50000", "--steps", "1")
    assert "max_nodes" not in res.stdout + res.stderr, res.stdout + res.stderr


def test_memory_guard_counts_relational_tokens():
    """A long story's dense attention is counted by its tokens (it used to count 1 per story and pass)."""
    from drt_agent.errors import LimitError
    from drt_agent.limits import Limits
    from drt_agent.problems import Fact, RelationalProblem
    from drt_agent.reasoner import Reasoner

    r = Reasoner.load("relational")
    facts = [Fact(subject=f"P{i % 20}", relation="sister", object=f"P{(i + 1) % 20}") for i in range(1501)]
    story = RelationalProblem(facts=facts, subject="P0", object="P5")
    L = r.task.length(story)
    assert L >= 3 * 1501
    with pytest.raises(LimitError, match="max_dense_cells"):
        r.solve(story, limits=Limits(max_dense_cells=L * L - 1))
