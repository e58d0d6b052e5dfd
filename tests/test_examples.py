"""Every script in examples/ runs to completion; the agent, API and CLI examples print the right answers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from _tool_cases import need

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".py", ".sh"))


def run(script: Path, *args: str) -> str:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    cmd = ["bash", str(script)] if script.suffix == ".sh" else [sys.executable, str(script), *args]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, f"{script.name} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
    return proc.stdout


def test_examples_exist() -> None:
    names = {p.name for p in EXAMPLES}
    assert {"langchain_agent.py", "python_api.py", "cli_usage.sh"} <= names


@need("graph")
def test_langchain_agent_example() -> None:
    """The fake model's bad call gets an error message, its retry succeeds, and the final message has the answer."""
    out = run(ROOT / "examples" / "langchain_agent.py").splitlines()
    errors = [line for line in out if line.startswith("ToolMessage [error]")]
    assert len(errors) == 1 and "edges.0" in errors[0] and "(got ['gateway', 'auth'])" in errors[0]
    assert any(
        line.startswith("ToolMessage [success]: Yes: users_db is reachable from gateway") for line in out
    )
    assert "witness=['gateway', 'auth', 'users_db'] hops=2" in "\n".join(out)
    final = out[-1]
    assert (
        final.startswith("AIMessage: According to the tool: Yes") and "gateway -> auth -> users_db" in final
    )


@need("graph")
def test_python_api_example() -> None:
    out = run(ROOT / "examples" / "python_api.py")
    assert "1. answer=True" in out and "A -> B -> C -> F (3 hops)" in out
    assert "2. a 40-hop chain: answer=True" in out
    assert "3. [True, False, 'ParseError']" in out
    assert "4. steps=5 -> False, steps=48 -> True" in out
    assert "5. ParseError:" in out


@need("graph")
def test_cli_example() -> None:
    out = run(ROOT / "examples" / "cli_usage.sh")
    assert "answer: yes" in out and "path: A -> B -> C -> F (3 hops)" in out
    assert '"witness":["gateway","auth","db"]' in out
    batch = out.split("one JSON line out per problem")[1].splitlines()[1:4]
    assert '"answer":true' in batch[0] and '"answer":false' in batch[1] and '"error"' in batch[2]
    code = int(out.rsplit("exit code:", 1)[1].split()[0])
    assert code != 0


@need("relational")
def test_finetune_example(tmp_path: Path) -> None:
    """The fine-tuning example, shrunk: a small corpus, one epoch, then the tuned model answers org questions."""
    out = run(
        ROOT / "examples" / "finetune_org.py",
        *(
            "--n",
            "200",
            "--epochs",
            "1",
            "--max-minutes",
            "0.5",
            "--freeze-core",
            "--out",
            str(tmp_path / "org"),
        ),
    )
    assert (tmp_path / "org" / "config.json").is_file() and (tmp_path / "org.jsonl").is_file()
    answers = [line for line in out.splitlines() if line.strip().startswith("-> ")]
    assert len(answers) == 2 and all("steps)" in a for a in answers), out


def _needs(module: str) -> pytest.MarkDecorator:
    """Skip (saying why) when an agent framework is not installed (the dev extra installs both)."""
    import importlib.util

    return pytest.mark.skipif(
        importlib.util.find_spec(module) is None,
        reason=f"{module} is not installed (pip install -e '.[dev]')",
    )


@need("graph")
@need("logic")
@_needs("langchain")
def test_create_agent_example() -> None:
    """langchain.agents.create_agent with a scripted strict-mode model: the bad call gets an error naming the
    field, the retry and the logic call succeed, and the answers match independent oracles."""
    import networkx as nx

    out = run(ROOT / "examples" / "create_agent.py").splitlines()
    tools = [line for line in out if line.startswith("tool ")]
    assert [t.split("[")[1].split("]")[0] for t in tools] == ["error", "success", "success"], out
    assert "edges.0" in tools[0] and "valid dictionary" in tools[0]
    g = nx.DiGraph([("gateway", "auth"), ("auth", "users_db"), ("gateway", "cache"), ("billing", "ledger")])
    path = " -> ".join(nx.shortest_path(g, "gateway", "users_db"))
    assert tools[1].startswith("tool graph_reachability [success]: Yes") and path in tools[1]
    deploy, frozen, failing = True, False, False
    value = deploy and not (frozen or failing)
    assert f"The expression is {str(value).lower()}" in tools[2]
    assert out[-1].startswith("ai: From the tools: Yes")


@need("graph")
@need("relational")
@_needs("langgraph")
def test_langgraph_example_streams_progress() -> None:
    """The LangGraph agent: progress events arrive before each tool result, and the answers are right (kinship
    worked by hand: Dee is the sister of Cy's grandmother, so his great-aunt; the chain by networkx)."""
    import networkx as nx

    out = run(ROOT / "examples" / "langgraph_agent.py").splitlines()
    first_tool = next(i for i, line in enumerate(out) if line.startswith("tool "))
    assert out[0] == "  progress [reading] reading the problem" and "progress [done]" in out[first_tool - 1]
    assert any(
        line.startswith("tool relational_reasoning [success]: Dee is the great-aunt of Cy.") for line in out
    )
    g = nx.Graph([("A", "B"), ("B", "C"), ("C", "D"), ("D", "E")])
    hops = nx.shortest_path_length(g, "A", "E")
    assert any(line.startswith("tool drt_solve [success]: Yes") and f"({hops} hops)" in line for line in out)
    assert out[-1].startswith("answer: From the tools: Dee is the great-aunt of Cy")


MINE = {
    "langchain_agent.py",
    "python_api.py",
    "cli_usage.sh",
    "finetune_org.py",
    "create_agent.py",
    "langgraph_agent.py",
}


def test_every_example_is_run_by_some_test() -> None:
    """No example goes untested: each is run above, or named by another test file (e.g. the fine-tuning corpus
    writer, which needs arguments and is run by its domain's tests)."""
    others = " ".join(
        p.read_text() for p in (ROOT / "tests").glob("test_*.py") if p.name != Path(__file__).name
    )
    untested = [p.name for p in EXAMPLES if p.name not in MINE and p.name not in others]
    assert not untested, f"examples no test runs: {untested}"
