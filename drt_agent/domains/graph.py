"""Graph reachability: the typed problem and its exact solver (breadth-first search with a witness path).
Pure Python, no torch."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field, StrictInt, StringConstraints, model_validator

from ..errors import ParseError
from .base import Answer, Domain, Reading, Strict

if TYPE_CHECKING:
    from ..limits import Limits


class Edge(Strict):
    """One edge. In a directed graph it points from `src` to `dst`."""

    src: str = Field(description="Name of the node the edge starts at.", min_length=1, max_length=200)
    dst: str = Field(description="Name of the node the edge ends at.", min_length=1, max_length=200)


_ENDS = attrgetter("src", "dst")


class GraphProblem(Strict):
    """Is `target` reachable from `source` by following edges?"""

    domain: Literal["graph"] = "graph"
    edges: list[Edge] = Field(description="The graph's edges.")
    nodes: list[str] = Field(
        default_factory=list, description="Extra node names, for nodes that have no edges (optional)."
    )
    directed: bool = Field(default=False, description="True if edges are one-way (src -> dst).")
    source: str = Field(description="The node the path starts from.", min_length=1)
    target: str = Field(description="The node to reach.", min_length=1)
    negated: bool = Field(
        default=False,
        description="True if the question asks whether the nodes are NOT connected; the answer is flipped.",
    )

    def node_names(self) -> list[str]:
        """All node names in first-seen order: explicit nodes, then edge endpoints, then source and target."""
        ends = chain.from_iterable(
            map(_ENDS, self.edges)
        )  # C-level iteration: this runs several times a solve
        return list(dict.fromkeys(chain(self.nodes, ends, (self.source, self.target))))


# -- exact solver ----------------------------------------------------------------------------------------------
def shortest_path(problem: GraphProblem) -> list[str] | None:
    """A shortest source -> target path (node names) by breadth-first search, or None if there is none.
    The exact check of every solve: plain BFS in pure Python, so a solve need not import networkx."""
    names = problem.node_names()
    index = {name: i for i, name in enumerate(names)}
    adj: list[list[int]] = [[] for _ in names]
    for e in problem.edges:
        a, b = index[e.src], index[e.dst]
        adj[a].append(b)
        if not problem.directed:
            adj[b].append(a)
    s, t = index[problem.source], index[problem.target]
    parent = [-1] * len(names)
    parent[s] = s
    queue = deque([s])
    while queue and parent[t] < 0:
        u = queue.popleft()
        for v in adj[u]:
            if parent[v] < 0:
                parent[v] = u
                queue.append(v)
    if parent[t] < 0:
        return None
    path = [t]
    while path[-1] != s:
        path.append(parent[path[-1]])
    return [names[i] for i in reversed(path)]


def exact(problem: GraphProblem) -> Answer:
    return (shortest_path(problem) is not None) != problem.negated


def witness(problem: GraphProblem) -> dict[str, Any]:
    """A shortest path and its hops, for a reachable target."""
    return _witness(shortest_path(problem))


def exact_witness(problem: GraphProblem) -> tuple[Answer, dict[str, Any]]:
    """The exact answer and the witness from one breadth-first search (every solve's check)."""
    path = shortest_path(problem)
    return (path is not None) != problem.negated, _witness(path)


def _witness(path: list[str] | None) -> dict[str, Any]:
    return {} if path is None else {"witness": [str(v) for v in path], "hops": len(path) - 1}


def check_limits(limits: Limits, problem: GraphProblem) -> None:
    limits.check("max_edges", len(problem.edges), "the number of edges")
    names = problem.node_names()
    limits.check("max_nodes", len(names), "the number of nodes")
    limits.check("max_name_chars", max(map(len, names), default=0), "the longest node name")


# -- rendering ---------------------------------------------------------------------------------------------------
def _claim(problem: GraphProblem, solution: Any) -> str:
    reach = (solution.answer is True) != problem.negated
    s, t = problem.source, problem.target
    claim = (
        (f"{t} is reachable from {s}" if reach else f"{t} is not reachable from {s}")
        if problem.directed
        else (f"{s} is connected to {t}" if reach else f"{s} is not connected to {t}")
    )
    if reach and solution.witness:
        hops = solution.hops
        claim += f", path {' -> '.join(solution.witness)} ({hops} hop{'' if hops == 1 else 's'})"
    return claim


def describe(problem: GraphProblem, solution: Any) -> list[str]:
    kind = "directed" if problem.directed else "undirected"
    ask = "NOT reachable" if problem.negated else "reachable"
    lines = [
        f"read as: {kind} graph, {len(problem.node_names())} nodes, {len(problem.edges)} edges; "
        f"is {problem.target!r} {ask} from {problem.source!r}?"
    ]
    if solution.witness:
        lines.append(f"path: {' -> '.join(solution.witness)} ({solution.hops} hops)")
    return lines


def summarize(problem: GraphProblem, solution: Any) -> str:
    yes = "Yes" if solution.answer is True else "No" if solution.answer is False else "Unknown"
    return f"{yes}: {_claim(problem, solution)}."


# -- the agent tool ------------------------------------------------------------------------------------------------
MAX_TOOL_EDGES = 2000
MAX_TOOL_NODES = 2000
MAX_TOOL_TEXT = 20_000
MAX_TOOL_NAME = 200


class GraphToolArgs(Strict):
    """Either a graph given as `edges` + `source` + `target`, or the same thing written as `text`.

    Every field but one form's is nullable, and null means "not given": strict-mode models send every field."""

    text: str | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_TOOL_TEXT,
        description="The graph and the question as text, e.g. 'A-B, B-C, C-F. Is A connected to F?' ('A->B' "
        "for a one-way edge). Null when you give edges, source and target instead.",
    )
    edges: list[Edge] | None = Field(
        default=None,
        max_length=MAX_TOOL_EDGES,
        description="The graph's edges as objects {src, dst}; give source and target with them. Null when you "
        "give text instead.",
    )
    source: str | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_TOOL_NAME,
        description="The node the path starts from (with edges). Null with text.",
    )
    target: str | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_TOOL_NAME,
        description="The node to reach (with edges). Null with text.",
    )
    directed: bool | None = Field(
        default=None,
        description="true: every edge is one-way, from src to dst (in text, from the first-named node to the "
        "second). false: edges work both ways. Null: as the text states it, or both ways for edges. A value the "
        "text contradicts is refused, not ignored.",
    )
    nodes: list[Annotated[str, StringConstraints(min_length=1, max_length=MAX_TOOL_NAME)]] | None = Field(
        default=None,
        max_length=MAX_TOOL_NODES,
        description="Names of isolated nodes that appear in no edge, e.g. a target with no links (works with "
        "edges and with text). Null or [] when there are none.",
    )
    steps: StrictInt | None = Field(
        default=None,
        ge=1,
        le=512,
        description="Thinking steps for the recurrent core. Null (recommended) lets the model choose its own "
        "depth per problem.",
    )

    @model_validator(mode="after")
    def _one_form(self) -> GraphToolArgs:
        structured = [self.edges is not None, self.source is not None, self.target is not None]
        if self.text is not None:
            if any(structured):
                given = [n for n, have in zip(("edges", "source", "target"), structured, strict=True) if have]
                raise ValueError(
                    f"give either text, or edges + source + target, not both (got text and {', '.join(given)}); "
                    "set the other form's fields to null"
                )
        elif not all(structured):
            missing = [
                n for n, have in zip(("edges", "source", "target"), structured, strict=True) if not have
            ]
            raise ValueError(
                f"missing {', '.join(missing)}: give edges (a list of {{src, dst}}), source and target, or text"
            )
        return self


_NO_DIRECTION = "no direction was stated"


def _with_nodes(text: str, nodes: list[str]) -> str:
    """The text with the extra nodes stated in the reader's own words, on a line before it."""
    return f"Nodes: {', '.join(nodes)}\n{text}"


def tool_problem(args: GraphToolArgs, read: Callable[[str], Any]) -> GraphProblem | Reading:
    """The tool's arguments as a problem: text through the reader, or the structured fields checked. Every
    field given is honoured or refused with the reason: `directed` and `nodes` apply to text as well."""
    if args.text is not None:
        return _text_problem(args, read)
    assert args.edges is not None and args.source is not None and args.target is not None
    nodes = list(args.nodes or [])
    known = set(nodes) | {e.src for e in args.edges} | {e.dst for e in args.edges}
    for role, name in (("source", args.source), ("target", args.target)):
        if name not in known:
            close = ", ".join(sorted(known)[:20]) or "(none)"
            raise ParseError(
                f"{role} {name!r} is not a node of the graph; use a name from the edges (nodes: {close}) or "
                "list isolated nodes in `nodes`"
            )
    return GraphProblem(
        edges=args.edges, nodes=nodes, directed=bool(args.directed), source=args.source, target=args.target
    )


def _text_problem(args: GraphToolArgs, read: Callable[[str], Any]) -> Reading:
    assert args.text is not None
    nodes = list(args.nodes or [])
    out = read(_with_nodes(args.text, nodes) if nodes else args.text)
    reading = out if isinstance(out, Reading) else Reading(problem=out)
    problem: GraphProblem = reading.problem
    missing = [n for n in nodes if n not in problem.node_names()]
    if missing:
        raise ParseError(
            f"could not add the nodes {missing} to the graph read from the text; give the graph as edges + "
            "source + target with `nodes`, or name those nodes in the text"
        )
    if args.directed is None or args.directed == problem.directed:
        return reading
    if args.directed:
        if not any(_NO_DIRECTION in a for a in reading.assumptions):
            raise ParseError(
                "directed=true, but the text states that the graph is undirected; remove one of the two "
                "(send directed=null to read the text as written)"
            )
        return Reading(
            problem=problem.model_copy(update={"directed": True}),
            read_as=reading.read_as.replace("undirected graph", "directed graph", 1),
            skipped=reading.skipped,
            assumptions=[a for a in reading.assumptions if _NO_DIRECTION not in a]
            + ["directed: directed=true was given, so each edge points from its first-named node"],
        )
    raise ParseError(
        "directed=false, but the text gives one-way edges; send directed=null to read the text as written, or "
        "write the edges without arrows"
    )


DOMAIN = Domain(
    name="graph",
    title="graph reachability",
    problem=GraphProblem,
    reader="drt_agent.parsers.graph:read_graph",
    detector="drt_agent.parsers.graph:looks_like_graph",
    fast_reader="drt_agent.parsers.graph_compact:read_compact",
    parts_reader="drt_agent.parsers.graph:parse_graph",
    tasks={"graph": "drt_agent.tasks.graph:GraphTask"},
    exact=exact,
    example="A-B, B-C. Is A connected to C?",
    check_limits=check_limits,
    witness=witness,
    exact_witness=exact_witness,
    describe=describe,
    summarize=summarize,
    tool_name="graph_reachability",
    tool_description=(
        "Decide whether a target node can be reached from a source node by following a graph's edges, and "
        "return a shortest path as the witness. Use it when a question asks whether one thing leads to, "
        "depends on, or connects to another through a chain of links you know (routes, networks, "
        "dependencies, reporting lines, prerequisites), especially long chains you would otherwise trace by "
        "hand. Do not use it for weighted or cheapest routes, counting paths, cycles or other graph "
        "properties, or links you would have to guess. Give the edges as {src, dst} objects with source and "
        "target (directed=true for one-way edges), or the whole problem as text such as "
        "'A-B, B-C, C-F. Is A connected to F?'. Limits: one source and one target per call, at most "
        f"{MAX_TOOL_EDGES} edges, {MAX_TOOL_NODES} isolated nodes, names of {MAX_TOOL_NAME} characters and "
        f"{MAX_TOOL_TEXT} characters of text. Every answer is checked by an exact breadth-first search."
    ),
    tool_args=GraphToolArgs,
    tool_problem=tool_problem,
)
