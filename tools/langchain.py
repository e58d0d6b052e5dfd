"""LangChain tools: one per domain plus `drt_solve`, which routes any text (needs the `langchain` extra).

    from drt_agent.tools.langchain import get_tools
    tools = get_tools()                       # hand these to `chat_model.bind_tools(tools)` or an agent
    msg = tools[0].invoke({"type": "tool_call", "id": "1", "name": "graph_reachability",
                           "args": {"text": "A-B, B-C. Is A connected to C?"}})
    msg.content   # 'Yes: A is connected to C, path A -> B -> C (2 hops). Depth used: 2 thinking steps ...'
    msg.artifact  # the Solution as a dict: answer, steps_used, confidence, exact check, witness, hops

Every tool returns `(content, artifact)` (`response_format="content_and_artifact"`): the content is one sentence
for the model, the artifact the full `Solution` and never sent to the model. The schema a chat model sees is
`tools.schemas.tool_schema` (the one MCP lists too; it passes OpenAI, Azure and Anthropic strict rules as it
is); calls are validated by the same pydantic model MCP uses, so bad arguments get the same message over both.
Bad arguments and unparseable text come back as a tool error message (`ToolMessage(status="error")`), so the
agent loop goes on. While a tool works it dispatches `drt_progress` custom events (see `astream_events`).
Models load lazily, once per process, behind a lock; async calls run the model in a worker thread.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, ClassVar, Literal

from langchain_core.callbacks import (
    AsyncCallbackManagerForToolRun,
    CallbackManagerForToolRun,
)
from langchain_core.runnables.config import run_in_executor
from langchain_core.tools import BaseTool, BaseToolkit, ToolException
from pydantic import BaseModel, Field, ValidationError

from . import core

PROGRESS_EVENT = "drt_progress"


def _validation_message(exc: ValidationError) -> str:
    return core.format_validation_error(exc)


class DrtTool(BaseTool):
    """Shared behaviour: validate, solve through `tools.core`, return (sentence, Solution dict)."""

    response_format: Literal["content", "content_and_artifact"] = "content_and_artifact"
    handle_tool_error: bool | str | Callable[[ToolException], str] | None = True
    handle_validation_error: bool | str | Callable[[ValidationError], str] | None = _validation_message
    models: dict[str, str] = Field(
        default_factory=dict,
        description="Checkpoint per domain ('graph' -> a directory); unset domains use the shipped checkpoint.",
    )
    scope: list[str] | None = Field(
        default=None,
        description="drt_solve only: the domains it routes among (default: every registered one).",
    )
    spec: ClassVar[core.ToolSpec]

    def tool_spec(self) -> core.ToolSpec:
        """This instance's spec: drt_solve's depends on its scope."""
        if self.spec.domain is None and self.scope is not None:
            return _scoped_solve(tuple(self.scope))
        return self.spec

    @property
    def tool_call_schema(self) -> dict[str, Any]:  # type: ignore[override]
        """What a chat model sees: the shared strict-ready schema, not one derived from `args_schema`."""
        return {**self.tool_spec().schema(), "description": self.description}

    def _call(self, args: tuple[Any, ...], kwargs: dict[str, Any], progress: core.ProgressFn | None) -> Any:
        spec = self.tool_spec()
        if args:  # a bare string input fills the schema's first field (text / expression / story)
            kwargs[next(iter(spec.args.model_fields))] = args[0]
        try:
            answer = core.call(spec, kwargs, self.models, progress)
        except core.ToolCallError as exc:
            raise ToolException(exc.message) from exc
        return answer.summary, answer.artifact()

    def _run(
        self, *args: Any, run_manager: CallbackManagerForToolRun | None = None, **kwargs: Any
    ) -> tuple[str, dict[str, Any]]:
        send = None
        if run_manager is not None and run_manager.handlers:
            child = run_manager.get_child()

            def send(event: core.Progress) -> None:
                child.on_custom_event(PROGRESS_EVENT, _event_data(event), run_id=run_manager.run_id)

        return self._call(args, kwargs, send)

    async def _arun(
        self, *args: Any, run_manager: AsyncCallbackManagerForToolRun | None = None, **kwargs: Any
    ) -> tuple[str, dict[str, Any]]:
        # the model is torch work, not I/O: run it in a worker thread so the event loop keeps serving other calls;
        # progress events are dispatched on this loop, where the async handlers (astream_events) live
        send = None
        if run_manager is not None and run_manager.handlers:
            loop = asyncio.get_running_loop()
            child = run_manager.get_child()

            def send(event: core.Progress) -> None:
                coro = child.on_custom_event(PROGRESS_EVENT, _event_data(event), run_id=run_manager.run_id)
                asyncio.run_coroutine_threadsafe(coro, loop).result(timeout=30)

        return await run_in_executor(None, self._call, args, kwargs, send)


def _event_data(event: core.Progress) -> dict[str, Any]:
    """A progress event as the custom event's data (JSON-ready)."""
    return {
        "phase": event.phase,
        "progress": event.progress,
        "total": event.total,
        "step": event.step,
        "message": event.message,
    }


_classes: dict[str, type[DrtTool]] = {}
_solve_specs: dict[tuple[str, ...], core.ToolSpec] = {}


def _scoped_solve(scope: tuple[str, ...]) -> core.ToolSpec:
    if scope not in _solve_specs:
        _solve_specs[scope] = core.solve_spec(scope)
    return _solve_specs[scope]


def tool_class(spec: core.ToolSpec) -> type[DrtTool]:
    """The LangChain tool class of one spec (a domain's tool, or `drt_solve`), made once per name. drt_solve's
    class serves every registered domain; an instance narrows it with `scope`."""
    if spec.domain is None:
        spec = core.solve_spec()
    if spec.name not in _classes:
        title = "".join(part.title() for part in spec.name.split("_"))
        _classes[spec.name] = type(
            f"{title}Tool",
            (DrtTool,),
            {
                "__module__": __name__,
                "__qualname__": f"{title}Tool",
                "__doc__": spec.description.split(". ")[0] + ".",
                "__annotations__": {"name": str, "description": str, "args_schema": type[BaseModel]},
                "spec": spec,
                "name": spec.name,
                "description": spec.description,
                "args_schema": spec.args,
            },
        )
    return _classes[spec.name]


available_domains = core.available_domains


def tool_for(name: str) -> type[DrtTool]:
    """The tool class of a domain (by domain name) or of a tool (by tool name, e.g. 'drt_solve')."""
    from drt_agent import domains

    if name == core.SOLVE_TOOL:
        return tool_class(core.solve_spec())
    for dom in domains.all_domains():
        if dom.tool_args is not None and name in (dom.name, dom.tool_name):
            return tool_class(core.spec_of(dom))
    raise KeyError(f"no tool for {name!r}")


def get_tools(models: dict[str, str] | None = None, domains: list[str] | None = None) -> list[BaseTool]:
    """One tool per available domain (shipped checkpoint or `models` entry), then `drt_solve`.

    `domains` scopes every tool: only those domains' tools, and `drt_solve` routes among those domains only.
    Nothing is loaded until a tool is first called (building the tools imports no torch)."""
    out: list[BaseTool] = []
    for spec in core.specs_for(domains, models):
        cls = tool_class(spec)
        extra: dict[str, Any] = {}
        if spec.domain is None and spec.scope != cls.spec.scope:
            extra = {"scope": list(spec.scope), "description": spec.description, "args_schema": spec.args}
        out.append(cls(models=dict(models or {}), **extra))
    return out


class DrtToolkit(BaseToolkit):
    """The drt-agent tools as a LangChain toolkit."""

    models: dict[str, str] = Field(default_factory=dict)
    domains: list[str] | None = None

    def get_tools(self) -> list[BaseTool]:
        return get_tools(self.models, self.domains)


__all__ = [
    "PROGRESS_EVENT",
    "DrtTool",
    "DrtToolkit",
    "available_domains",
    "get_tools",
    "tool_class",
    "tool_for",
]
