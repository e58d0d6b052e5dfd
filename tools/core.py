"""The tool logic, written once as plain functions with pydantic input and output.

LangChain (`tools/langchain.py`) and MCP (`tools/mcp.py`) are thin wrappers around these functions. Each one
turns validated arguments into a typed problem, solves it with the shipped checkpoint of its domain (loaded once
per process by `drt_agent.reasoner.get_reasoner`, which is thread-safe), and returns a `ToolAnswer`: a short
sentence for the calling model plus the full `Solution`. Failures are raised as `DrtError` subclasses whose
message says what was wrong and how to fix the call.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from drt_agent.errors import DrtError, ParseError
from drt_agent.problems import Answer, GraphProblem, LogicProblem, RelationalProblem, Solution

from .schemas import GraphReachabilityArgs, LogicArgs, RelationalArgs, SolveArgs

AnyProblem = GraphProblem | LogicProblem | RelationalProblem
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


def solve_problem(problem: AnyProblem, steps: int | None = None, models: Models | None = None) -> ToolAnswer:
    """Solve a typed problem with its domain's checkpoint and describe the result."""
    from drt_agent.api import checkpoint_for
    from drt_agent.reasoner import get_reasoner

    # a user's model for the domain, else the shipped one drt_agent.solve would pick (paper-format stories
    # go to the paper-protocol checkpoint)
    reasoner = get_reasoner((models or {}).get(problem.domain) or checkpoint_for(problem))
    solution = reasoner.solve(problem, steps=_steps(steps), check=True)
    if isinstance(problem, GraphProblem):
        solution = _checked_witness(problem, solution)
    return ToolAnswer(summary=summarize(solution), solution=solution)


def parse_text(text: str, domain: str | None = None) -> AnyProblem:
    """Text -> typed problem (the domain is detected when not given)."""
    from drt_agent.parsers import parse

    return parse(text, domain=domain)


def graph_reachability(args: GraphReachabilityArgs, models: Models | None = None) -> ToolAnswer:
    """Is `target` reachable from `source`? From edges or from text."""
    if args.text is not None:
        problem = parse_text(args.text, domain="graph")
    else:
        assert args.edges is not None and args.source is not None and args.target is not None
        known = set(args.nodes) | {e.src for e in args.edges} | {e.dst for e in args.edges}
        for role, name in (("source", args.source), ("target", args.target)):
            if name not in known:
                close = ", ".join(sorted(known)[:20]) or "(none)"
                raise ParseError(
                    f"{role} {name!r} is not a node of the graph; use a name from the edges (nodes: {close}) or "
                    "list isolated nodes in `nodes`"
                )
        problem = GraphProblem(
            edges=args.edges, nodes=args.nodes, directed=args.directed, source=args.source, target=args.target
        )
    return solve_problem(problem, args.steps, models)


_WHERE = re.compile(r"\bwhere\b", re.IGNORECASE)


def logic(args: LogicArgs, models: Models | None = None) -> ToolAnswer:
    """The truth value of a boolean expression; variable values are handed to the parser as `where a=True`."""
    text = args.expression
    if args.variables:
        values = ", ".join(f"{v.name}={v.value}" for v in args.variables)
        joiner = ", " if _WHERE.search(text) else " where "
        text = f"{text}{joiner}{values}"
    return solve_problem(parse_text(text, domain="logic"), args.steps, models)


def relational(args: RelationalArgs, models: Models | None = None) -> ToolAnswer:
    """How two people in a story are related (or whether a stated relation holds)."""
    story = args.story.strip()
    text = (
        story
        if not args.question
        else f"{story}{'' if story.endswith(('.', '?', '!')) else '.'} {args.question}"
    )
    return solve_problem(parse_text(text, domain="relational"), args.steps, models)


def solve_text(args: SolveArgs, models: Models | None = None) -> ToolAnswer:
    """Any supported problem as text, routed to its domain."""
    return solve_problem(parse_text(args.text, domain=args.domain), args.steps, models)


# -- checking and describing -------------------------------------------------------------------------------
def _checked_witness(problem: GraphProblem, solution: Solution) -> Solution:
    """Keep the witness path only if every hop is an edge of the graph (in the edge's direction when directed)."""
    path = solution.witness
    if not path:
        return solution
    edges = {(e.src, e.dst) for e in problem.edges}
    if not problem.directed:
        edges |= {(b, a) for a, b in edges}
    valid = (
        path[0] == problem.source
        and path[-1] == problem.target
        and all((a, b) in edges for a, b in zip(path, path[1:], strict=False))
    )
    if valid and solution.hops == len(path) - 1:
        return solution
    raise DrtError(
        f"internal check failed: the witness path {path} is not a path of the graph; please report"
    )


def _yes_no(answer: Answer) -> str:
    return (
        "yes" if answer is True else "no" if answer is False else "unknown" if answer is None else str(answer)
    )


def _plural(n: int | None, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _graph_claim(problem: GraphProblem, solution: Solution) -> str:
    reach = (solution.answer is True) != problem.negated
    s, t = problem.source, problem.target
    claim = (
        (f"{t} is reachable from {s}" if reach else f"{t} is not reachable from {s}")
        if problem.directed
        else (f"{s} is connected to {t}" if reach else f"{s} is not connected to {t}")
    )
    if reach and solution.witness:
        claim += f", path {' -> '.join(solution.witness)} ({_plural(solution.hops, 'hop')})"
    return claim


def _relation_claim(p: RelationalProblem, answer: Answer) -> str:
    if p.relation is not None and isinstance(answer, bool):
        return f"{_yes_no(answer).capitalize()}: {p.subject} is {'' if answer else 'not '}the {p.relation} of {p.object}."
    if answer in (None, "other", "unrelated", "unknown"):
        return f"No known relation: the story does not connect {p.subject} to {p.object} by a named relation."
    return f"{p.subject} is the {answer} of {p.object}."


def summarize(solution: Solution) -> str:
    """One sentence: the answer, what it means, the depth used, and the exact check's verdict."""
    p = solution.problem
    answer = solution.answer
    if isinstance(p, GraphProblem):
        head = f"{_yes_no(answer).capitalize()}: {_graph_claim(p, solution)}."
    elif isinstance(p, LogicProblem):
        head = f"The expression is {str(answer).lower() if isinstance(answer, bool) else _yes_no(answer)}."
    elif isinstance(p, RelationalProblem):
        head = _relation_claim(p, answer)
    else:
        head = f"Answer: {_yes_no(answer)}."
    depth = (
        f"Depth used: {_plural(solution.steps_used, 'thinking step')} (confidence {solution.confidence:.2f})"
    )
    if solution.agrees_with_exact is None:
        check = ""
    elif solution.agrees_with_exact:
        check = "; the exact solver agrees"
    else:
        exact = solution.exact
        shown = (
            str(exact).lower() if isinstance(p, LogicProblem) and isinstance(exact, bool) else _yes_no(exact)
        )
        check = f"; WARNING: the exact solver disagrees (exact answer: {shown})"
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


SPECS: tuple[ToolSpec, ...] = (
    ToolSpec(
        name="graph_reachability",
        domain="graph",
        description=(
            "Decide whether a target node can be reached from a source node by following a graph's edges "
            "(connectivity, dependency or route chains of any length) and return a shortest path as the witness. "
            "Give the edges as a list of {src, dst} objects with source and target (set directed=true for one-way "
            "edges), or the whole problem as text such as 'A-B, B-C, C-F. Is A connected to F?'. Use it instead "
            "of tracing long chains yourself."
        ),
        args=GraphReachabilityArgs,
        fn=graph_reachability,
    ),
    ToolSpec(
        name="boolean_logic",
        domain="logic",
        description=(
            "Evaluate a nested boolean expression and return true or false: and/or/not, brackets of any depth, "
            "true/false constants and named variables with given values. Write it in symbols ('(T & !F) | F') "
            "or words ('true and not (false or true)')."
        ),
        args=LogicArgs,
        fn=logic,
    ),
    ToolSpec(
        name="relational_reasoning",
        domain="relational",
        description=(
            "Answer how two people in a short story are related by chaining its facts (e.g. the mother of the "
            "father is the grandmother), or whether a stated relation holds. Give the story's facts as sentences "
            "and the question, e.g. story='Ann is the mother of Bob. Bob is the father of Cy.', "
            "question='How is Ann related to Cy?'."
        ),
        args=RelationalArgs,
        fn=relational,
    ),
    ToolSpec(
        name="drt_solve",
        domain=None,
        description=(
            "Solve a multi-step reasoning problem written as text; its kind is detected automatically: graph "
            "reachability ('A-B, B-C. Is A connected to C?'), a boolean expression, or how two people in a story "
            "are related. Prefer a specialised tool when the problem is already structured."
        ),
        args=SolveArgs,
        fn=solve_text,
    ),
)
DOMAINS = ("graph", "logic", "relational")


def available_domains(models: Models | None = None) -> list[str]:
    """Domains with a model to answer them: a shipped checkpoint, or one named in `models`."""
    from drt_agent.checkpoint import shipped_names

    have = set(shipped_names()) | set(models or {})
    return [d for d in DOMAINS if d in have]


def specs_for(domains: list[str] | None = None, models: Models | None = None) -> list[ToolSpec]:
    """The tools to offer: one per chosen (default: available) domain, then the general `drt_solve`."""
    from drt_agent.errors import DomainError

    chosen = available_domains(models) if domains is None else list(domains)
    unknown = [d for d in chosen if d not in DOMAINS]
    if unknown:
        raise DomainError(f"unknown domain(s) {unknown}; choose from {list(DOMAINS)}")
    return [s for s in SPECS if s.domain in chosen] + [s for s in SPECS if s.domain is None]
