"""The tool logic, written once as plain functions with pydantic input and output.

LangChain (`tools/langchain.py`) and MCP (`tools/mcp.py`) are thin wrappers around these functions. Each one
turns validated arguments into a typed problem, solves it with the shipped checkpoint of its domain (loaded once
per process by `drt_agent.reasoner.get_reasoner`, which is thread-safe), and returns a `ToolAnswer`: a short
sentence for the calling model plus the full `Solution`. Failures are raised as `DrtError` subclasses whose
message says what was wrong and how to fix the call.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from drt_agent import domains
from drt_agent.domains import Domain
from drt_agent.errors import DrtError
from drt_agent.problems import Answer, Solution

from .schemas import solve_args

Models = Mapping[str, str]  # domain -> shipped checkpoint name or checkpoint directory


class ToolAnswer(BaseModel):
    """What a tool returns: one sentence for the model's context, and the full structured solution."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    summary: str = Field(description="One sentence with the answer and the thinking depth used.")
    solution: Solution = Field(
        description="The full result: answer, steps, confidence, exact check, witness."
    )

    def artifact(self) -> dict[str, Any]:
        """The Solution as a JSON-ready dict (the LangChain artifact)."""
        return self.solution.model_dump(mode="json")

    def brief(self) -> dict[str, Any]:
        """The solution without the echoed problem and per-step trace: bounded output for agent contexts."""
        return self.solution.model_dump(mode="json", exclude={"problem", "trace"})


# -- solving -----------------------------------------------------------------------------------------------
def _steps(steps: int | None) -> int | str:
    return "auto" if steps is None else steps


def solve_problem(problem: Any, steps: int | None = None, models: Models | None = None) -> ToolAnswer:
    """Solve a typed problem with its domain's checkpoint and describe the result."""
    from drt_agent.reasoner import get_reasoner

    dom = domains.of(problem)
    # a user's model for the domain, else the shipped one drt_agent.solve would pick
    reasoner = get_reasoner((models or {}).get(dom.name) or dom.checkpoint_for(problem))
    solution = reasoner.solve(problem, steps=_steps(steps), check=True)
    return ToolAnswer(summary=summarize(solution), solution=solution)


def parse_text(text: str, domain: str | None = None) -> Any:
    """Text -> typed problem (the domain is detected when not given)."""
    from drt_agent.parsers import parse

    return parse(text, domain=domain)


def domain_tool(dom: Domain, args: Any, models: Models | None = None) -> ToolAnswer:
    """A domain's tool: its arguments become a problem (text through its reader), solved and described."""
    assert dom.tool_problem is not None
    problem = dom.tool_problem(args, functools.partial(parse_text, domain=dom.name))
    return solve_problem(problem, args.steps, models)


def solve_text(args: Any, models: Models | None = None) -> ToolAnswer:
    """Any supported problem as text, routed to its domain."""
    return solve_problem(parse_text(args.text, domain=args.domain), args.steps, models)


# -- describing ----------------------------------------------------------------------------------------------
def _yes_no(answer: Answer) -> str:
    return (
        "yes" if answer is True else "no" if answer is False else "unknown" if answer is None else str(answer)
    )


def summarize(solution: Solution) -> str:
    """One sentence: the answer, what it means, the depth used, and the exact check's verdict."""
    p = solution.problem
    dom = domains.of(p) if p is not None else None
    head = (
        dom.summarize(p, solution)
        if dom is not None and dom.summarize is not None
        else f"Answer: {_yes_no(solution.answer)}."
    )
    n = solution.steps_used
    depth = f"Depth used: {n} thinking step{'' if n == 1 else 's'} (confidence {solution.confidence:.2f})"
    if solution.agrees_with_exact is None:
        check = ""
    elif solution.agrees_with_exact:
        check = "; the exact solver agrees"
    else:
        exact = solution.exact
        shown = str(exact).lower() if isinstance(exact, bool) and isinstance(solution.answer, bool) else None
        check = f"; WARNING: the exact solver disagrees (exact answer: {shown or _yes_no(exact)})"
    return f"{head} {depth}{check}."


def format_validation_error(exc: ValidationError | Exception) -> str:
    """A pydantic error as one clause per kind of problem, naming the fields and showing a bad value, so the
    calling model can fix exactly those arguments."""
    if not isinstance(exc, ValidationError):
        return f"Invalid arguments: {exc}"
    grouped: dict[str, list[dict[str, Any]]] = {}
    for err in exc.errors(include_url=False):
        grouped.setdefault(str(err["msg"]).removeprefix("Value error, "), []).append(err)
    parts = []
    for msg, errs in list(grouped.items())[:6]:
        locs = [".".join(str(x) for x in e["loc"]) for e in errs]
        where = ", ".join(locs[:3]) + (f" and {len(locs) - 3} more" if len(locs) > 3 else "")
        shown = repr(errs[0].get("input"))
        got = f" (got {shown[:80]})" if where and errs[0]["type"] not in ("missing", "value_error") else ""
        parts.append(f"{where}: {msg}{got}" if where else msg)
    return f"Invalid arguments: {'; '.join(parts)}. Fix these arguments and call the tool again."


def error_message(exc: BaseException) -> str:
    """The message an agent sees for a failed call: ours verbatim, anything else marked as internal."""
    if isinstance(exc, DrtError):
        return f"{type(exc).__name__}: {exc}"
    return f"internal error ({type(exc).__name__}: {exc}); the input may be outside what drt-agent supports"


# -- the tool table: names and descriptions shared by LangChain and MCP ------------------------------------
@dataclass(frozen=True)
class ToolSpec:
    """One agent tool: what the calling model sees (name, description, args) and the function behind it."""

    name: str
    domain: str | None  # None: routes any domain
    description: str
    args: type[BaseModel]
    fn: Callable[[Any, Models | None], ToolAnswer]


SOLVE_TOOL = "drt_solve"


def spec_of(dom: Domain) -> ToolSpec:
    """The tool a domain offers, from its registry entry."""
    assert dom.tool_args is not None
    return ToolSpec(
        name=dom.tool_name or dom.name,
        domain=dom.name,
        description=dom.tool_description or f"Solve a {dom.title} problem.",
        args=dom.tool_args,
        fn=functools.partial(domain_tool, dom),
    )


def solve_spec() -> ToolSpec:
    """The general tool: any registered kind of problem as text."""
    kinds = "; ".join(f"{d.title} (e.g. {d.example!r})" for d in domains.all_domains())
    return ToolSpec(
        name=SOLVE_TOOL,
        domain=None,
        description=(
            f"Solve a multi-step reasoning problem written as text; its kind is detected automatically: {kinds}. "
            "Prefer a specialised tool when the problem is already structured."
        ),
        args=solve_args(),
        fn=solve_text,
    )


def all_specs() -> list[ToolSpec]:
    """One tool per registered domain that offers one, then `drt_solve`."""
    return [spec_of(d) for d in domains.all_domains() if d.tool_args is not None] + [solve_spec()]


def available_domains(models: Models | None = None) -> list[str]:
    """Domains with a model to answer them: a shipped checkpoint, or one named in `models`."""
    from drt_agent.checkpoint import shipped_names

    have = set(shipped_names()) | set(models or {})
    return [d.name for d in domains.all_domains() if d.name in have]


def specs_for(domains_: list[str] | None = None, models: Models | None = None) -> list[ToolSpec]:
    """The tools to offer: one per chosen (default: available) domain, then the general `drt_solve`."""
    from drt_agent.errors import DomainError

    known = domains.names()
    chosen = available_domains(models) if domains_ is None else list(domains_)
    unknown = [d for d in chosen if d not in known]
    if unknown:
        raise DomainError(f"unknown domain(s) {unknown}; choose from {known}")
    specs = all_specs()
    return [s for s in specs if s.domain in chosen] + [s for s in specs if s.domain is None]
