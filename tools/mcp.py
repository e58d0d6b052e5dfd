"""An MCP server exposing the drt-agent tools over stdio (official MCP Python SDK 2.x; the `mcp` extra).

    drt-agent mcp                       # or: python -m drt_agent.tools.mcp

Client config (Claude Desktop, Cursor, ...): {"command": "drt-agent", "args": ["mcp"]}.

The tools are the ones LangChain gets (`tools/core.py`): the same names, titles, descriptions and argument
schema (`tools/schemas.py`), and calls are validated by the same pydantic model, so a bad call gets the same
message over both. A result carries one sentence as text content and `{summary, solution}` as structured content
(the solution without the echoed problem and per-step trace, to keep agent context small); a failed call is an
`is_error` result whose text names the problem. A client that sends a progress token gets
`notifications/progress` while the tool reads and thinks.

The server is the SDK's low-level `Server`, so it advertises only what it has (tools), reports the package
version, and logs nothing per call. Over stdio every line first passes `screen`, which answers malformed
messages itself with the JSON-RPC error the specification names (-32700 parse error, -32600 invalid request,
-32602 invalid params), so a client never waits on a message the SDK would drop.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Mapping
from functools import partial
from typing import Any

import anyio
import anyio.to_thread
import mcp_types as types
from mcp.server import Server
from mcp.server.context import ServerRequestContext
from mcp.shared._context_streams import create_context_streams
from mcp.shared.message import SessionMessage
from pydantic import ValidationError

from . import core

SERVER_NAME = "drt-agent"


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("drt-agent")
    except Exception:  # running from a source tree that is not installed
        from drt_agent import __version__

        return __version__


def _output_schema() -> dict[str, Any]:
    return core.ToolAnswer.model_json_schema()


def tool_list(specs: list[core.ToolSpec]) -> list[types.Tool]:
    """The tools as MCP lists them: the shared schema, a title, and read-only hints."""
    out_schema = _output_schema()
    return [
        types.Tool(
            name=s.name,
            title=s.title,
            description=s.description,
            input_schema=s.schema(),
            output_schema=out_schema,
            annotations=types.ToolAnnotations(
                title=s.title,
                read_only_hint=True,
                destructive_hint=False,
                idempotent_hint=True,
                open_world_hint=False,
            ),
        )
        for s in specs
    ]


def _error_result(message: str) -> types.CallToolResult:
    return types.CallToolResult(content=[types.TextContent(type="text", text=message)], is_error=True)


def _progress_sender(ctx: ServerRequestContext[Any, Any]) -> core.ProgressFn | None:
    """Progress notifications, called from the worker thread. The session sends them only for a request that
    carried a progress token (over JSON-RPC) or a progress callback (in process); otherwise they cost nothing."""

    def send(event: core.Progress) -> None:
        anyio.from_thread.run(
            partial(ctx.session.report_progress, event.progress, event.total, event.message)
        )

    return send


def build_server(models: Mapping[str, str] | None = None, domains: list[str] | None = None) -> Server[Any]:
    """A Server with one tool per available domain plus `drt_solve`; models load on the first call."""
    specs = core.specs_for(domains, models)
    by_name = {s.name: s for s in specs}
    tools = tool_list(specs)
    kinds = ", ".join(domains_titles(specs))

    async def list_tools(
        ctx: ServerRequestContext[Any, Any], params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        return types.ListToolsResult(tools=tools)

    async def call_tool(
        ctx: ServerRequestContext[Any, Any], params: types.CallToolRequestParams
    ) -> types.CallToolResult:
        spec = by_name.get(params.name)
        if spec is None:
            return _error_result(f"Unknown tool {params.name!r}; the tools are: {', '.join(by_name)}.")
        try:
            # torch work runs on a worker thread, so other requests (and cancellations) are served meanwhile
            answer = await anyio.to_thread.run_sync(
                core.call, spec, params.arguments, models, _progress_sender(ctx)
            )
        except core.ToolCallError as exc:
            return _error_result(exc.message)
        except Exception as exc:  # never a masked or raised error: the agent sees what happened
            return _error_result(core.error_message(exc))
        return types.CallToolResult(
            content=[types.TextContent(type="text", text=answer.summary)],
            structured_content={"summary": answer.summary, "solution": answer.brief()},
        )

    return Server(
        SERVER_NAME,
        version=_version(),
        title="drt-agent: depth-recurrent reasoning tools",
        instructions=f"Depth-recurrent reasoning tools for {kinds}. Each answer states the thinking depth used and "
        "the exact solver's verdict; a failed call says what to fix.",
        on_list_tools=list_tools,
        on_call_tool=call_tool,
    )


def domains_titles(specs: list[core.ToolSpec]) -> list[str]:
    from drt_agent import domains

    return [domains.get(s.domain).title for s in specs if s.domain is not None]


# -- stdio, with malformed messages answered ---------------------------------------------------------------------
def _error(code: int, message: str, id_: Any = None) -> dict[str, Any]:
    return {"jsonrpc": "2.0", "id": id_, "error": {"code": code, "message": message}}


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _surrogate_at(value: Any, path: str) -> str | None:
    """The path of the first string (key or value) that holds a lone surrogate, which is not valid Unicode."""
    if isinstance(value, str):
        return path if any(0xD800 <= ord(c) <= 0xDFFF for c in value) else None
    if isinstance(value, dict):
        for key, item in value.items():
            if _surrogate_at(key, path) is not None:
                return f"{path} (a key)"
            found = _surrogate_at(item, f"{path}.{key}")
            if found is not None:
                return found
    if isinstance(value, list):
        for i, item in enumerate(value):
            found = _surrogate_at(item, f"{path}[{i}]")
            if found is not None:
                return found
    return None


def screen(raw: bytes) -> tuple[types.JSONRPCMessage | None, dict[str, Any] | None]:
    """One line from the client -> (a message for the SDK, or an error reply to send instead). Both None: the
    line is to be dropped (a blank line, or a notification whose content is invalid: notifications get no reply).
    """
    line = raw.strip()
    if not line:
        return None, None
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, _error(
            types.PARSE_ERROR, f"Parse error: the message is not valid UTF-8 (byte {exc.start})"
        )
    try:
        obj = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:
        return None, _error(types.PARSE_ERROR, f"Parse error: the message is not valid JSON ({exc})"[:300])
    if isinstance(obj, list):
        return None, _error(
            types.INVALID_REQUEST,
            "Invalid Request: batches are not supported; send one JSON-RPC message per line",
        )
    if not isinstance(obj, dict):
        return None, _error(types.INVALID_REQUEST, "Invalid Request: a message must be a JSON object")
    has_id = "id" in obj
    id_ = obj.get("id")
    good_id = isinstance(id_, str | int) and not isinstance(id_, bool)
    if has_id and not good_id:
        return None, _error(types.INVALID_REQUEST, "Invalid Request: id must be a string or an integer")
    if _surrogate_at(id_, "id") is not None:
        return None, _error(types.INVALID_REQUEST, "Invalid Request: the id holds a lone surrogate")
    reply_id = id_ if good_id else None
    if obj.get("jsonrpc") != "2.0":
        return None, _error(types.INVALID_REQUEST, 'Invalid Request: "jsonrpc" must be "2.0"', reply_id)
    if "method" in obj:
        method = obj["method"]
        if not isinstance(method, str) or not method or _surrogate_at(method, "method") is not None:
            return None, _error(
                types.INVALID_REQUEST, "Invalid Request: method must be a non-empty string", reply_id
            )
        params = obj.get("params")
        if "params" in obj and not isinstance(params, dict):
            if not has_id:
                return None, None
            return None, _error(types.INVALID_PARAMS, "Invalid params: params must be an object", reply_id)
        where = _surrogate_at(params, "params")
        if where is not None:
            if not has_id:
                return None, None
            return None, _error(
                types.INVALID_PARAMS,
                f"Invalid params: {where} holds a lone surrogate, which is not valid Unicode; send valid text",
                reply_id,
            )
    elif not (has_id and (("result" in obj) != ("error" in obj))):
        return None, _error(
            types.INVALID_REQUEST,
            "Invalid Request: a message needs a method (a response needs an id and a result or an error)",
            reply_id,
        )
    try:
        return types.jsonrpc_message_adapter.validate_python(obj, by_name=False), None
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(x) for x in first["loc"][1:]) or "message"
        return None, _error(
            types.INVALID_REQUEST, f"Invalid Request: {where}: {first['msg']}"[:300], reply_id
        )


def _claim_stdio() -> tuple[Any, Any]:
    """The wire as private duplicates of fd 0 and 1; fd 1 then points at stderr and fd 0 at the null device, so
    a stray print (from any library) can never corrupt the protocol stream."""
    wire_in = os.fdopen(os.dup(0), "rb")
    wire_out = os.fdopen(os.dup(1), "wb")
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.dup2(2, 1)
    return wire_in, wire_out


async def serve_stdio(server: Server[Any], wire_in: Any = None, wire_out: Any = None) -> None:
    """Serve one client over stdio (or the given binary files) until it closes its end."""
    if wire_in is None or wire_out is None:
        wire_in, wire_out = _claim_stdio()
    read_writer, read_stream = create_context_streams[SessionMessage | Exception](0)
    write_stream, write_reader = create_context_streams[SessionMessage](0)
    lock = anyio.Lock()

    def write_line(data: bytes) -> None:
        wire_out.write(data + b"\n")
        wire_out.flush()

    async def send(payload: str) -> None:
        async with lock:
            await anyio.to_thread.run_sync(write_line, payload.encode("utf-8", errors="replace"))

    async def reader() -> None:
        lines = anyio.wrap_file(wire_in)
        async with read_writer:
            async for raw in lines:
                message, error = screen(raw)
                if error is not None:
                    await send(json.dumps(error))
                elif message is not None:
                    await read_writer.send(SessionMessage(message))

    async def writer() -> None:
        async with write_reader:
            async for session_message in write_reader:
                await send(session_message.message.model_dump_json(by_alias=True, exclude_unset=True))

    async with anyio.create_task_group() as tg:
        tg.start_soon(reader)
        tg.start_soon(writer)
        await server.run(read_stream, write_stream, server.create_initialization_options())
        tg.cancel_scope.cancel()


def main(models: Mapping[str, str] | None = None, domains: list[str] | None = None) -> None:
    """Serve over stdio until the client closes the pipe. Logs only warnings, on stderr."""
    for name in ("mcp", "httpx", "anyio"):
        logging.getLogger(name).setLevel(logging.WARNING)
    server = build_server(models, domains)
    try:
        anyio.run(serve_stdio, server)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
