"""The MCP server: `drt-agent mcp` over stdio as a subprocess, and the same server in-process."""

from __future__ import annotations

import asyncio
import os
import sys
from typing import Any

import pytest
from _tool_cases import Case, assert_accuracy, check_result, graph_cases, logic_cases, need, relational_cases
from drt_agent.tools.langchain import get_tools
from drt_agent.tools.mcp import build_server
from mcp import Client, StdioServerParameters

from drt_agent.checkpoint import shipped_names


def check(case: Case, result: Any) -> bool:
    """A successful result: the sentence as text, {summary, solution} as structured content, truthful."""
    assert not result.is_error, result.content
    sc = result.structured_content
    assert result.content[0].text == sc["summary"]
    return check_result(case, sc["summary"], sc["solution"])


@need("graph")
async def test_stdio_round_trip() -> None:
    """Start `drt-agent mcp` as a subprocess, list its tools, call them, and get a tool error back as is_error."""
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "drt_agent.cli", "mcp"], env=dict(os.environ)
    )
    async with Client(params, read_timeout_seconds=60) as client:
        listed = await client.list_tools()
        names = [t.name for t in listed.tools]
        assert names == [t.name for t in get_tools()]
        graph = next(t for t in listed.tools if t.name == "graph_reachability")
        edge_schema = graph.input_schema["$defs"]["Edge"]
        assert edge_schema["additionalProperties"] is False and edge_schema["required"] == ["src", "dst"]
        assert graph.output_schema is not None

        cases = [c for c in graph_cases(6, seed=21) if "edges" in c.args]
        for case in cases:
            check(case, await client.call_tool("graph_reachability", case.args))
        text = await client.call_tool("drt_solve", {"text": "K1-K2, K2-K3. Is K1 connected to K3?"})
        assert not text.is_error and text.structured_content["solution"]["witness"] == ["K1", "K2", "K3"]

        bad = await client.call_tool("graph_reachability", {"text": "hello there"})
        assert bad.is_error and "ParseError" in bad.content[0].text
        bad = await client.call_tool(
            "graph_reachability", {"edges": [["a", "b"]], "source": "a", "target": "b"}
        )
        assert bad.is_error and "edges.0" in bad.content[0].text
        bad = await client.call_tool(
            "graph_reachability", {"edges": [{"src": "a", "dst": "b"}], "source": "a"}
        )
        assert bad.is_error and "missing target" in bad.content[0].text
        # the server is still serving after errors
        again = await client.call_tool("graph_reachability", cases[0].args)
        check(cases[0], again)


def _cases() -> list[Case]:
    out = []
    if "graph" in shipped_names():
        out += graph_cases(12, seed=22)
    if "logic" in shipped_names():
        out += logic_cases(12, seed=22)
    if "relational" in shipped_names():
        out += relational_cases(12, seed=22)
    return out


@need("graph")
async def test_in_process_every_tool_and_concurrency() -> None:
    """Every landed domain's tool and drt_solve answer correctly, 16 calls at once."""
    cases = _cases()
    async with Client(build_server()) as client:
        results = await asyncio.gather(*(client.call_tool(c.tool, c.args) for c in cases))
        correct = [check(case, result) for case, result in zip(cases, results, strict=True)]
        assert_accuracy(cases, correct)
        routed = await asyncio.gather(*(client.call_tool("drt_solve", {"text": c.text}) for c in cases[::3]))
        for case, direct, result in zip(cases[::3], results[::3], routed, strict=True):
            check(case, result)
            assert (
                result.structured_content["solution"]["answer"]
                == direct.structured_content["solution"]["answer"]
            )


@need("logic")
async def test_logic_errors_reach_the_client() -> None:
    async with Client(build_server()) as client:
        bad = await client.call_tool("boolean_logic", {"expression": "(T & F"})
        assert bad.is_error and "ParseError" in bad.content[0].text and "(" in bad.content[0].text
        bad = await client.call_tool("boolean_logic", {"expression": "a & b", "variables": [{"name": "a"}]})
        assert bad.is_error and "variables.0.value" in bad.content[0].text


@need("relational")
async def test_relational_errors_reach_the_client() -> None:
    async with Client(build_server()) as client:
        bad = await client.call_tool("relational_reasoning", {"story": "Ann is the mother of Bob."})
        assert bad.is_error and "ParseError" in bad.content[0].text and "question" in bad.content[0].text


def test_cli_mcp_rejects_a_bad_model_option() -> None:
    from typer.testing import CliRunner

    from drt_agent.cli import app

    result = CliRunner().invoke(app, ["mcp", "--model", "graph"])
    assert result.exit_code == 2 and "DOMAIN=DIR" in result.stderr


pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
