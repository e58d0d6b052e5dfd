"""An MCP server exposing the drt-agent tools over stdio (official MCP Python SDK 2.x; the `mcp` extra).

    drt-agent mcp                       # or: python -m drt_agent.tools.mcp

Client config (Claude Desktop, Cursor, ...): {"command": "drt-agent", "args": ["mcp"]}.

The tools are the ones LangChain gets (`tools/core.py`): the same names, descriptions and argument models.
Each tool's parameters are the fields of its argument model; a call is validated once more against the whole
model (so cross-field rules such as "text, or edges + source + target" hold here too). A result carries one
sentence as text content and `{summary, solution}` as structured content (the solution without the echoed
problem and per-step trace, to keep agent context small). Every failure is raised as `ToolError`, so the client
receives `is_error=True` with a message that names the problem instead of a masked internal error.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import Annotated, Any

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.types import CallToolResult, TextContent, ToolAnnotations
from pydantic import Field, ValidationError

from . import core


def _signature(spec: core.ToolSpec) -> inspect.Signature:
    """The argument model's fields as keyword parameters, constraints and descriptions kept."""
    params = []
    for name, info in spec.args.model_fields.items():
        annotation = Annotated[(info.annotation, *info.metadata, Field(description=info.description))]
        default = (
            inspect.Parameter.empty if info.is_required() else info.get_default(call_default_factory=True)
        )
        params.append(
            inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default)
        )
    return inspect.Signature(params, return_annotation=Annotated[CallToolResult, core.ToolAnswer])


def make_handler(
    spec: core.ToolSpec, models: Mapping[str, str] | None = None
) -> Callable[..., CallToolResult]:
    """A sync function for MCPServer (it runs sync tools on worker threads, so calls proceed concurrently)."""

    def handler(**kwargs: Any) -> CallToolResult:
        try:
            answer = spec.fn(spec.args.model_validate(kwargs), models)
        except ValidationError as exc:
            raise ToolError(core.format_validation_error(exc)) from exc
        except Exception as exc:
            raise ToolError(core.error_message(exc)) from exc
        return CallToolResult(
            content=[TextContent(type="text", text=answer.summary)],
            structured_content={"summary": answer.summary, "solution": answer.brief()},
        )

    handler.__name__ = spec.name
    handler.__doc__ = spec.description
    handler.__signature__ = _signature(spec)  # type: ignore[attr-defined]
    return handler


def build_server(models: Mapping[str, str] | None = None, domains: list[str] | None = None) -> MCPServer:
    """An MCPServer with one tool per available domain plus `drt_solve`; models load on first call."""
    server = MCPServer(
        "drt-agent",
        instructions="Depth-recurrent reasoning tools: graph reachability with a checked shortest path, boolean "
        "logic, relations in a story. Each answer states the thinking depth used and the exact solver's verdict.",
    )
    hints = ToolAnnotations(readOnlyHint=True, idempotentHint=True, openWorldHint=False)
    for spec in core.specs_for(domains, models):
        server.add_tool(
            make_handler(spec, models), name=spec.name, description=spec.description, annotations=hints
        )
    return server


def main(models: Mapping[str, str] | None = None) -> None:
    """Serve over stdio until the client closes the pipe."""
    build_server(models).run("stdio")


if __name__ == "__main__":
    main()
