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
        edge_schema = graph.input_schema["properties"]["edges"]["anyOf"][0]["items"]
        assert edge_schema["additionalProperties"] is False and edge_schema["required"] == ["src", "dst"]
        assert graph.output_schema is not None and graph.title == "Graph reachability"

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
        bad = await client.call_tool("graph_reachability", {"text": "A-B. Is A connected to B?", "weight": 3})
        assert bad.is_error and bad.content[0].text.startswith("Invalid arguments: weight: Extra inputs")
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


# -- what the server says about itself ------------------------------------------------------------------------
async def test_server_identity_capabilities_titles() -> None:
    """serverInfo has the package version and a title; only the tools capability is advertised; every tool has
    a title."""
    from importlib.metadata import version

    async with Client(build_server()) as client:
        info = client.server_info
        assert info is not None and info.name == "drt-agent" and info.version == version("drt-agent")
        assert info.title
        caps = client.server_capabilities
        assert caps is not None and caps.tools is not None
        assert caps.prompts is None and caps.resources is None and caps.logging is None
        assert caps.completions is None
        for tool in (await client.list_tools()).tools:
            assert tool.title and tool.annotations is not None and tool.annotations.title == tool.title


@need("graph")
async def test_progress_notifications_when_the_client_asks() -> None:
    events: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        events.append((progress, total, message))

    async with Client(build_server()) as client:
        result = await client.call_tool(
            "graph_reachability",
            {"text": "A-B, B-C, C-D. Is A connected to D?"},
            progress_callback=on_progress,
        )
        assert not result.is_error
        steps = result.structured_content["solution"]["steps_used"]
        assert len(events) >= 3 and [p for p, _, _ in events] == sorted(p for p, _, _ in events)
        assert events[0][2] == "reading the problem" and events[-1][0] == events[-1][1]
        assert f"done after {steps} thinking steps" == events[-1][2]
        quiet = await client.call_tool("graph_reachability", {"text": "A-B. Is A connected to B?"})
        assert not quiet.is_error


# -- malformed messages over stdio (issue 17, item 6) ------------------------------------------------------------
INIT = {
    "jsonrpc": "2.0",
    "id": 0,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-06-18",
        "capabilities": {},
        "clientInfo": {"name": "t", "version": "1"},
    },
}
MALFORMED: list[tuple[bytes, int | None, Any]] = [  # line, expected error code (None: a result), expected id
    (b"this is junk", -32700, None),
    (b"\xff\xfe not utf-8", -32700, None),
    (b'{"jsonrpc": "2.0", "id": 1, "method": "tools/list"', -32700, None),  # cut short
    (
        b'{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"drt_solve","arguments":{"text":"A-B \\ud800"}}}',
        -32602,
        2,
    ),
    (b'{"jsonrpc":"1.0","id":3,"method":"tools/list"}', -32600, 3),
    (b'{"jsonrpc":"2.0","id":4}', -32600, 4),
    (b'{"jsonrpc":"2.0","id":5,"method":"tools/list","params":[1,2]}', -32602, 5),
    (b"[]", -32600, None),
    (b'[{"jsonrpc":"2.0","id":6,"method":"tools/list"}]', -32600, None),
    (b'{"jsonrpc":"2.0","id":{"a":1},"method":"tools/list"}', -32600, None),
    (b'{"jsonrpc":"2.0","id":7,"method":7}', -32600, 7),
    (b'{"jsonrpc":"2.0","id":8,"method":"nope/nope"}', -32601, 8),
    (b'{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"arguments":{}}}', -32602, 9),
    (
        b'{"jsonrpc":"2.0","id":10,"method":"tools/call","params":{"name":"drt_solve","arguments":"x"}}',
        -32602,
        10,
    ),
    (b"42", -32600, None),
    (b'{"jsonrpc":"2.0","id":11,"method":"tools/list","params":{"cursor":NaN}}', -32700, None),
    (
        b'{"jsonrpc":"2.0","method":"notifications/bogus","params":[1]}',
        "none",
        None,
    ),  # a notification: no reply
    # a failing tool call is a result with isError (and, like everything here, logs nothing)
    (
        b'{"jsonrpc":"2.0","id":12,"method":"tools/call","params":{"name":"drt_solve","arguments":{"text":""}}}',
        None,
        12,
    ),
    (b'{"jsonrpc":"2.0","id":13,"method":"ping"}', None, 13),  # still serving
]


def test_every_malformed_message_is_answered_within_a_second() -> None:
    """Each line gets the JSON-RPC error the specification names, within 1 s, and the server keeps serving;
    nothing is written to stderr, failed tool calls included."""
    import json
    import select
    import subprocess
    import time

    proc = subprocess.Popen(
        [sys.executable, "-m", "drt_agent.cli", "mcp"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=dict(os.environ),
    )
    assert proc.stdin is not None and proc.stdout is not None

    def send(line: bytes) -> None:
        proc.stdin.write(line + b"\n")  # type: ignore[union-attr]
        proc.stdin.flush()  # type: ignore[union-attr]

    def reply(timeout: float) -> dict[str, Any] | None:
        ready, _, _ = select.select([proc.stdout], [], [], timeout)
        if not ready:
            return None
        return json.loads(proc.stdout.readline())  # type: ignore[union-attr]

    try:
        send(json.dumps(INIT).encode())
        first = reply(60)
        assert first is not None and first["id"] == 0 and "result" in first
        send(b'{"jsonrpc":"2.0","method":"notifications/initialized"}')
        for line, code, id_ in MALFORMED:
            start = time.monotonic()
            send(line)
            got = reply(1.0 if code != "none" else 0.5)
            if code == "none":
                assert got is None, (line, got)
                continue
            assert got is not None, f"no reply within 1 s to {line!r}"
            assert time.monotonic() - start < 1.0
            assert got["jsonrpc"] == "2.0" and got["id"] == id_, (line, got)
            if code is None:
                assert "result" in got, (line, got)
            else:
                assert got["error"]["code"] == code, (line, got)
                assert got["error"]["message"], line
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    assert proc.stderr is not None and proc.stderr.read() == b"", "the server must log nothing per message"


def test_cli_mcp_rejects_a_bad_model_option() -> None:
    from typer.testing import CliRunner

    from drt_agent.cli import app

    result = CliRunner().invoke(app, ["mcp", "--model", "graph"])
    assert result.exit_code == 2 and "DOMAIN=DIR" in result.stderr


pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
