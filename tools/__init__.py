"""Agent-facing tools (installed as `drt_agent.tools`).

- `drt_agent.tools.langchain`: LangChain tools and `get_tools()` (extra `langchain`).
- `drt_agent.tools.mcp`: an MCP server over stdio, `drt-agent mcp` (extra `mcp`).
- `drt_agent.tools.core` / `.schemas`: the tool logic and argument models both share (no extra needed).

Nothing heavy is imported here, so importing this package never requires either optional extra.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name in ("get_tools", "DrtToolkit"):
        from . import langchain

        return getattr(langchain, name)
    raise AttributeError(f"module 'drt_agent.tools' has no attribute {name!r}")


__all__ = ["DrtToolkit", "get_tools"]
