"""The tool logic, written once as plain functions with pydantic input and output.

LangChain (`tools/langchain.py`) and MCP (`tools/mcp.py`) are thin wrappers around `call`: it validates the
arguments with the tool's model (so both give the same error text), turns them into a typed problem, solves it
with the domain's checkpoint (loaded once per process by `drt_agent.reasoner.get_reasoner`, thread-safe), and
returns a `ToolAnswer`: a short sentence for the calling model plus the full `Solution`. Every failure is a
`ToolCallError` whose message says what was wrong and how to fix the call.

Building the tool table imports no torch: the reasoner is imported on the first call.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from drt_agent import domains
from drt_agent.domains import Domain, Reading
from drt_agent.errors import DomainError, DrtError, ParseError
from drt_agent.problems import Answer, Solution

from .schemas import solve_args, tool_schema

Models = Mapping[str, str]  # domain -> shipped checkpoint name or checkpoint directory


@dataclass(frozen=True)
class Progress:
    """One progress report of a call: `progress` grows from 0 to `total`; `message` says what is happening."""

    progress: float
    total: float | None
    message: str
    phase: str  # "reading", "thinking", "checking", "done"
    step: int | None = None  # the thinking step, when the reasoner reports steps


ProgressFn = Callable[[Progress], None]


class ToolCallError(Exception):
    """A failed call: `message` is what the agent sees, the same over LangChain and MCP."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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


# -- the tool table ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ToolSpec:
    """One agent tool: what the calling model sees (name, title, description, args) and the function behind it."""

    name: str
    title: str
    domain: str | None  # None: routes text among the domains in `scope`
    description: str
    args: type[BaseModel]
    fn: Callable[..., ToolAnswer]  # (args, models, progress) -> ToolAnswer
    scope: tuple[str, ...] = ()  # the domains this tool answers

    def schema(self) -> dict[str, Any]:
        """The argument schema both LangChain and MCP advertise (see `tools/schemas.py`)."""
        return tool_schema(self.args)


SOLVE_TOOL = "drt_solve"


def spec_of(dom: Domain) -> ToolSpec:
    """The tool a domain offers, from its registry entry."""
    assert dom.tool_args is not None
    return ToolSpec(
        name=dom.tool_name or dom.name,
        title=dom.title[:1].upper() + dom.title[1:],
        domain=dom.name,
        description=dom.tool_description or f"Solve a {dom.title} problem.",
        args=dom.tool_args,
        fn=functools.partial(domain_tool, dom),
        scope=(dom.name,),
    )


def solve_spec(scope: Sequence[str] | None = None) -> ToolSpec:
    """The general tool: any problem of the domains in `scope` (default: every registered one) as text."""
    names = tuple(scope) if scope is not None else tuple(domains.names())
    kinds = [domains.get(n) for n in names]
    listed = "; ".join(f"{d.title} (e.g. {d.example!r})" for d in kinds)
    others = [d.tool_name for d in kinds if d.tool_args is not None and d.tool_name]
    prefer = (
        f"Prefer {' or '.join(others)} when the problem is already structured (edges, an expression, a story and "
        "a question apart). "
        if others
        else ""
    )
    return ToolSpec(
        name=SOLVE_TOOL,
        title="Solve a reasoning problem",
        domain=None,
        description=(
            f"Solve a multi-step reasoning problem written as text; its kind is detected from the text: {listed}. "
            f"Use it when you have the problem as one piece of text and are unsure which kind it is. {prefer}"
            "Do not use it for other kinds of problem: it answers only these, and says so when the text is "
            "something else. Limits: 20000 characters of text, one question per call."
        ),
        args=solve_args(None if scope is None else names),
        fn=functools.partial(solve_text, scope=names),
        scope=names,
    )


def shipped_names() -> list[str]:
    """Shipped checkpoint names, listed without importing torch (`drt_agent.checkpoint` imports it)."""
    root = resources.files("drt_agent") / "checkpoints"
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir() and (p / "config.json").is_file())


def available_domains(models: Models | None = None) -> list[str]:
    """Domains with a model to answer them: a shipped checkpoint, or one named in `models`."""
    have = set(shipped_names()) | set(models or {})
    return [d.name for d in domains.all_domains() if d.name in have]


def specs_for(domains_: Sequence[str] | None = None, models: Models | None = None) -> list[ToolSpec]:
    """The tools to offer: one per chosen (default: available) domain, then `drt_solve` scoped to the same
    domains, so it never answers a domain the caller left out."""
    known = domains.names()
    chosen = available_domains(models) if domains_ is None else list(dict.fromkeys(domains_))
    unknown = [d for d in chosen if d not in known]
    if unknown:
        raise DomainError(f"unknown domain(s) {unknown}; choose from {known}")
    if not chosen:
        raise DomainError(f"no domain chosen; choose from {known}")
    own = [spec_of(domains.get(d)) for d in chosen if domains.get(d).tool_args is not None]
    scope = None if domains_ is None and chosen == known else chosen
    return [*own, solve_spec(scope)]


# -- calling ----------------------------------------------------------------------------------------------------
def call(
    spec: ToolSpec, arguments: Any, models: Models | None = None, progress: ProgressFn | None = None
) -> ToolAnswer:
    """Validate raw arguments with the tool's model and run it; every failure is a ToolCallError."""
    try:
        args = validate(spec, arguments)
        return spec.fn(args, models, progress)
    except ToolCallError:
        raise
    except ValidationError as exc:  # e.g. a problem a tool built from valid arguments
        raise ToolCallError(format_validation_error(exc)) from exc
    except Exception as exc:
        raise ToolCallError(error_message(exc)) from exc


def validate(spec: ToolSpec, arguments: Any) -> BaseModel:
    """Raw arguments -> the tool's argument model; ToolCallError with the formatted message on failure."""
    if isinstance(arguments, spec.args):
        return arguments
    if arguments is None:
        arguments = {}
    if not isinstance(arguments, Mapping):
        raise ToolCallError(
            f"Invalid arguments: expected an object of named arguments, got {type(arguments).__name__}. "
            "Fix these arguments and call the tool again."
        )
    try:
        return spec.args.model_validate(dict(arguments))
    except ValidationError as exc:
        raise ToolCallError(format_validation_error(exc)) from exc


def _report(progress: ProgressFn | None, event: Progress) -> None:
    """Hand one progress event to the caller; a failing listener never fails the call."""
    if progress is None:
        return
    with contextlib.suppress(Exception):  # a listener's failure is its own; the answer still comes back
        progress(event)


def _reader(domain: str) -> Callable[[str], Reading]:
    from drt_agent.parsers import read

    return functools.partial(read, domain=domain)


def domain_tool(
    dom: Domain, args: Any, models: Models | None = None, progress: ProgressFn | None = None
) -> ToolAnswer:
    """A domain's tool: its arguments become a problem (text through its reader), solved and described."""
    assert dom.tool_problem is not None
    _report(progress, Progress(0, None, "reading the problem", "reading"))
    problem = dom.tool_problem(args, _reader(dom.name))
    return solve_problem(problem, getattr(args, "steps", None), models, progress)


def solve_text(
    args: Any, models: Models | None = None, progress: ProgressFn | None = None, scope: Sequence[str] = ()
) -> ToolAnswer:
    """Text routed to one of the domains in scope (an explicit `domain` wins)."""
    _report(progress, Progress(0, None, "reading the problem", "reading"))
    reading = route(args.text, args.domain, scope)
    return solve_problem(reading, args.steps, models, progress)


def route(text: str, domain: str | None, scope: Sequence[str]) -> Reading:
    """Read text as one of the domains in scope. Detection runs over every domain first; when it picks one out of
    scope (or cannot decide), each domain in scope reads the text itself and exactly one must succeed."""
    from drt_agent.parsers import read

    if domain is not None:
        if scope and domain not in scope:
            raise DomainError(f"domain {domain!r} is not offered here; choose one of: {', '.join(scope)}")
        return read(text, domain=domain)
    everything = not scope or set(scope) >= set(domains.names())
    try:
        reading = read(text)
        if everything or domains.of(reading.problem).name in scope:
            return reading
        first: DrtError = ParseError(
            f"this reads as a {domains.of(reading.problem).title} problem, which these tools do not answer "
            f"(they answer: {', '.join(domains.get(d).title for d in scope)})"
        )
    except DrtError as exc:
        if everything:
            raise
        first = exc
    found: list[Reading] = []
    for name in scope:
        try:
            found.append(read(text, domain=name))
        except DrtError:
            continue
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        kinds = ", ".join(domains.of(r.problem).name for r in found)
        raise ParseError(f"ambiguous input: it reads as {kinds}; pass domain=... to choose one")
    raise first


def _steps(steps: int | None) -> int | str:
    return "auto" if steps is None else steps


@functools.cache
def _takes_progress(method: Callable[..., Any]) -> bool:
    """Whether the reasoner reports its thinking steps (a `progress` argument of `Reasoner.solve`)."""
    try:
        return "progress" in inspect.signature(method).parameters
    except (TypeError, ValueError):
        return False


def solve_problem(
    problem: Any, steps: int | None = None, models: Models | None = None, progress: ProgressFn | None = None
) -> ToolAnswer:
    """Solve a typed problem (or a Reading of text) with its domain's checkpoint and describe the result."""
    from drt_agent.reasoner import Reasoner, get_reasoner

    typed = problem.problem if isinstance(problem, Reading) else problem
    dom = domains.of(typed)
    # a user's model for the domain, else the shipped one drt_agent.solve would pick
    reasoner = get_reasoner((models or {}).get(dom.name) or dom.checkpoint_for(typed))
    _report(progress, Progress(1, None, f"thinking about a {dom.title} problem", "thinking"))
    kwargs: dict[str, Any] = {}
    if progress is not None and _takes_progress(Reasoner.solve):

        def on_step(step: int, total: int | None = None) -> None:
            _report(
                progress,
                Progress(
                    1 + step, None if total is None else 2 + total, f"thinking step {step}", "thinking", step
                ),
            )

        kwargs["progress"] = on_step
    solution = reasoner.solve(problem, steps=_steps(steps), check=True, **kwargs)
    n = solution.steps_used
    _report(
        progress, Progress(2 + n, 2 + n, f"done after {n} thinking step{'' if n == 1 else 's'}", "done", n)
    )
    return ToolAnswer(summary=summarize(solution), solution=solution)


# -- describing --------------------------------------------------------------------------------------------------
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
        return f"Invalid arguments: {exc}. Fix these arguments and call the tool again."
    grouped: dict[str, list[dict[str, Any]]] = {}
    for err in exc.errors(include_url=False):
        grouped.setdefault(str(err["msg"]).removeprefix("Value error, "), []).append(err)
    parts = []
    for msg, errs in list(grouped.items())[:6]:
        locs = [".".join(str(x) for x in e["loc"]) for e in errs]
        where = ", ".join(locs[:3]) + (f" and {len(locs) - 3} more" if len(locs) > 3 else "")
        shown = _shown(errs[0].get("input"))
        got = f" (got {shown})" if where and errs[0]["type"] not in ("missing", "value_error") else ""
        parts.append(f"{where}: {msg}{got}" if where else msg)
    return f"Invalid arguments: {'; '.join(parts)}. Fix these arguments and call the tool again."


def _shown(value: Any) -> str:
    """A bad value as the agent sent it, cut short (long strings as their length)."""
    if isinstance(value, str) and len(value) > 60:
        return f"a string of {len(value)} characters"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def error_message(exc: BaseException) -> str:
    """The message an agent sees for a failed call: ours verbatim, anything else marked as internal."""
    if isinstance(exc, ToolCallError):
        return exc.message
    if isinstance(exc, DrtError):
        return f"{type(exc).__name__}: {exc}"
    return f"internal error ({type(exc).__name__}: {exc}); the input may be outside what drt-agent supports"
