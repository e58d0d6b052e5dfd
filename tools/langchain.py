"""LangChain tools: one per domain plus `drt_solve`, which routes any text (needs the `langchain` extra).

    from drt_agent.tools.langchain import get_tools
    tools = get_tools()                       # hand these to `chat_model.bind_tools(tools)` or an agent
    msg = tools[0].invoke({"type": "tool_call", "id": "1", "name": "graph_reachability",
                           "args": {"text": "A-B, B-C. Is A connected to C?"}})
    msg.content   # 'Yes: A is connected to C, path A -> B -> C (2 hops). Depth used: 2 thinking steps ...'
    msg.artifact  # the Solution as a dict: answer, steps_used, confidence, exact check, witness, hops

Every tool returns `(content, artifact)` (`response_format="content_and_artifact"`): the content is one sentence
for the model, the artifact the full `Solution` and never sent to the model. Bad arguments and unparseable text
come back as a tool error message (`ToolMessage(status="error")`) that names the problem, so the agent loop goes
on (`handle_tool_error=True`, `handle_validation_error=format_validation_error`). Models load lazily, once per
process, behind a lock; async calls run the model in a worker thread so the event loop stays free.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Literal

from langchain_core.callbacks import CallbackManagerForToolRun
from langchain_core.runnables.config import run_in_executor
from langchain_core.tools import BaseTool, BaseToolkit, ToolException
from pydantic import BaseModel, Field, ValidationError

from . import core


class DrtTool(BaseTool):
    """Shared behaviour: validate, solve through `tools.core`, return (sentence, Solution dict)."""

    response_format: Literal["content", "content_and_artifact"] = "content_and_artifact"
    handle_tool_error: bool | str | Callable[[ToolException], str] | None = True
    handle_validation_error: bool | str | Callable[[ValidationError], str] | None = (
        core.format_validation_error
    )
    models: dict[str, str] = Field(
        default_factory=dict,
        description="Checkpoint per domain ('graph' -> a directory); unset domains use the shipped checkpoint.",
    )
    spec: ClassVar[core.ToolSpec]

    def _run(
        self, *args: Any, run_manager: CallbackManagerForToolRun | None = None, **kwargs: Any
    ) -> tuple[str, dict[str, Any]]:
        schema: type[BaseModel] = self.args_schema  # type: ignore[assignment]
        if args:  # a bare string input fills the schema's first field (text / expression / story)
            kwargs[next(iter(schema.model_fields))] = args[0]
        try:
            answer = self.spec.fn(schema.model_validate(kwargs), self.models)
        except ValidationError as exc:
            raise ToolException(core.format_validation_error(exc)) from exc
        except Exception as exc:
            raise ToolException(core.error_message(exc)) from exc
        return answer.summary, answer.artifact()

    async def _arun(self, *args: Any, run_manager: Any = None, **kwargs: Any) -> tuple[str, dict[str, Any]]:
        # the model is torch work, not I/O: run it in a worker thread so the event loop keeps serving other calls
        return await run_in_executor(None, self._run, *args, **kwargs)


def tool_class(spec: core.ToolSpec) -> type[DrtTool]:
    """The LangChain tool class of one spec (a domain's tool, or `drt_solve`), made once per name."""
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


_classes: dict[str, type[DrtTool]] = {}
available_domains = core.available_domains


def tool_for(name: str) -> type[DrtTool]:
    """The tool class of a domain (by domain name) or of a tool (by tool name, e.g. 'drt_solve')."""
    for spec in core.all_specs():
        if name in (spec.name, spec.domain):
            return tool_class(spec)
    raise KeyError(f"no tool for {name!r}")


def get_tools(models: dict[str, str] | None = None, domains: list[str] | None = None) -> list[BaseTool]:
    """One tool per available domain (shipped checkpoint or `models` entry), then `drt_solve`.

    Nothing is loaded until a tool is first called.
    """
    return [tool_class(s)(models=dict(models or {})) for s in core.specs_for(domains, models)]


class DrtToolkit(BaseToolkit):
    """The drt-agent tools as a LangChain toolkit."""

    models: dict[str, str] = Field(default_factory=dict)
    domains: list[str] | None = None

    def get_tools(self) -> list[BaseTool]:
        return get_tools(self.models, self.domains)


__all__ = ["DrtTool", "DrtToolkit", "available_domains", "get_tools", "tool_class", "tool_for"]
