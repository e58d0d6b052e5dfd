"""Structured graph input: JSON (edge lists, networkx node-link, adjacency dicts), Python literals and DOT.

These forms are exact, so they are parsed by real grammars (json, ast.literal_eval, a small DOT reader) rather
than by the sentence rules in graph.py. Each returns a `RawGraph`: the edges in their written orientation, the
direction the input declares (None when it says nothing), extra nodes, and any question fields it carries.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from typing import Any

from drt_agent.errors import ParseError

JSON_EXAMPLE = '{"edges": [["A", "B"], ["B", "C"]], "directed": false} Is A connected to C?'
DOT_EXAMPLE = "digraph { A -> B; B -> C } Is C reachable from A?"


@dataclass
class RawGraph:
    """A graph as written: edges (src, dst), the declared direction (None = not said) and question fields."""

    edges: list[tuple[str, str]] = field(default_factory=list)
    directed: bool | None = None
    nodes: list[str] = field(default_factory=list)
    source: str | None = None
    target: str | None = None
    negated: bool = False
    question: str | None = None
    form: str = ""
    edge_kinds: list[str] | None = None  # per edge (one / sym) where a notation mixes arrows and plain links
    # what the edges mean, where a notation fixes it: "dep+" (X depends on Y; a question may use the converse
    # wording), "parent" (commit -> parent), "flow" (an arrow one moves along: a link, a transition)
    family: str = ""


def clip(text: str, n: int = 60) -> str:
    """A quoted excerpt of user text for an error message, never longer than about `n` characters."""
    text = " ".join(text.split())
    return repr(text if len(text) <= n else text[: n - 3] + "...")


def where(text: str, pos: int) -> str:
    """'line L, column C' of a character offset, for error messages."""
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return f"line {line}, column {col}"


def match_bracket(text: str, start: int) -> int:
    """Index just past the bracket that closes the one at `start`, skipping quoted strings.

    Raises ParseError naming where the unbalanced bracket is.
    """
    pairs = {"(": ")", "[": "]", "{": "}"}
    stack: list[tuple[str, int]] = []
    i, n = start, len(text)
    while i < n:
        ch = text[i]
        if ch in "\"'":
            end = i + 1
            while end < n and text[end] != ch:
                end += 2 if text[end] == "\\" else 1
            if end >= n:
                raise ParseError(f"unterminated string starting at {where(text, i)}; close the quote {ch}")
            i = end + 1
            continue
        if ch in pairs:
            stack.append((ch, i))
        elif ch in ")]}":
            if not stack or pairs[stack[-1][0]] != ch:
                opened = f" (the open {stack[-1][0]!r} is at {where(text, stack[-1][1])})" if stack else ""
                raise ParseError(f"unbalanced brackets: unexpected {ch!r} at {where(text, i)}{opened}")
            stack.pop()
            if not stack:
                return i + 1
        i += 1
    ch, pos = stack[-1]
    raise ParseError(
        f"unbalanced brackets: {ch!r} opened at {where(text, pos)} is never closed; e.g. {JSON_EXAMPLE!r}"
    )


# ---------------------------------------------------------------------------------------------------------
# JSON and Python literals


def _name(value: Any, what: str) -> str:
    if isinstance(value, bool) or value is None or not isinstance(value, (str, int, float)):
        raise ParseError(f"{what} must be a string or a number, got {json.dumps(value, default=repr)[:60]}")
    name = str(value).strip()
    if not name:
        raise ParseError(f"{what} is an empty name; every node needs a non-empty name")
    return name


def _edge(item: Any, i: int) -> tuple[str, str]:
    what = f"edge #{i + 1}"
    if isinstance(item, dict):
        for a, b in (("source", "target"), ("src", "dst"), ("from", "to"), ("u", "v")):
            if a in item and b in item:
                return _name(item[a], f"{what} {a!r}"), _name(item[b], f"{what} {b!r}")
        raise ParseError(
            f"{what} is an object without source/target fields (got keys {sorted(item)[:6]}); "
            'write it as ["A", "B"] or {"source": "A", "target": "B"}'
        )
    if isinstance(item, (list, tuple)) and len(item) in (
        2,
        3,
    ):  # a third entry (weight/attributes) is ignored
        return _name(item[0], f"{what}'s first node"), _name(item[1], f"{what}'s second node")
    if isinstance(item, str) and re.fullmatch(r"\s*[^\s-]+\s*(?:->|-)\s*[^\s-]+\s*", item):
        a, b = re.split(r"\s*->?\s*", item.strip(), maxsplit=1)
        return a, b
    raise ParseError(
        f'{what} is {json.dumps(item, default=repr)[:60]}; an edge is a pair like ["A", "B"] or '
        '{"source": "A", "target": "B"}'
    )


def _bool(value: Any, key: str) -> bool:
    if not isinstance(value, bool):
        raise ParseError(f'"{key}" must be true or false, got {json.dumps(value, default=repr)[:40]}')
    return value


_QUESTION_KEYS = {"source", "target", "negated", "question", "src", "dst", "from", "to"}


def graph_from_object(obj: Any, form: str = "json") -> RawGraph:
    """A decoded JSON/Python value -> RawGraph. Accepts edge lists, {"edges": ...}, node-link data,
    adjacency dicts and a serialised GraphProblem, optionally wrapped as {"graph": ..., "question": ...}."""
    if isinstance(obj, (set, frozenset)):  # E = {(0, 1), (1, 2)}: a set of pairs
        obj = sorted(obj, key=repr)
    if isinstance(obj, (list, tuple)):
        matrix = _matrix(obj)
        if matrix is not None:
            return matrix
        return RawGraph(edges=[_edge(e, i) for i, e in enumerate(obj)], form=f"{form} edge list")
    if not isinstance(obj, dict):
        raise ParseError(f"a {form} graph must be an object or a list of edges, got {type(obj).__name__}")
    if (
        "graph" in obj
        and isinstance(obj["graph"], (dict, list))
        and not ({"nodes", "links", "edges"} & set(obj))
    ):
        raw = graph_from_object(obj["graph"], form)
        rest = {k: v for k, v in obj.items() if k != "graph"}
        _question_fields(raw, rest)
        if "directed" in rest:
            raw.directed = _bool(rest["directed"], "directed")
        return raw
    call = _tool_arguments(obj)
    if (
        call is not None
    ):  # {"tool": "graph.reachable", "arguments": {"edges": ..., "source": ..., "target": ...}}
        raw = graph_from_object(call, form)
        raw.form = f"{form} tool call"
        return raw
    links_key = "links" if "links" in obj else "edges" if "edges" in obj else None
    if links_key is not None:
        items = obj[links_key]
        if not isinstance(items, list):
            raise ParseError(f'"{links_key}" must be a list of edges, e.g. [["A", "B"], ["B", "C"]]')
        raw = RawGraph(edges=[_edge(e, i) for i, e in enumerate(items)], form=form)
        nodes = obj.get("nodes", [])
        if not isinstance(nodes, list):
            raise ParseError('"nodes" must be a list of names or of {"id": name} objects')
        for i, nd in enumerate(nodes):
            raw.nodes.append(_name(nd.get("id") if isinstance(nd, dict) else nd, f"node #{i + 1}"))
        if "links" in obj or any(isinstance(nd, dict) for nd in nodes):
            raw.form = f"{form} node-link"
        if "directed" in obj:
            raw.directed = _bool(obj["directed"], "directed")
        _question_fields(raw, obj)
        return raw
    # adjacency dict {"A": ["B", "C"], ...}
    adj = {k: v for k, v in obj.items() if k not in _QUESTION_KEYS | {"directed", "domain"}}
    if adj and all(isinstance(v, (list, tuple, dict)) for v in adj.values()):
        raw = RawGraph(form=f"{form} adjacency")
        for head, nbrs in adj.items():
            a = _name(head, "an adjacency key")
            raw.nodes.append(a)
            for j, b in enumerate(nbrs):
                raw.edges.append((a, _name(b, f"neighbour #{j + 1} of {a!r}")))
        if "directed" in obj:
            raw.directed = _bool(obj["directed"], "directed")
        _question_fields(raw, obj)
        return raw
    raise ParseError(
        f"the {form} object has no edges (keys: {sorted(map(str, obj))[:8]}); give "
        f'"edges" (or node-link "nodes" + "links"), e.g. {JSON_EXAMPLE!r}'
    )


_TOOL_NAME_KEYS = ("tool", "name", "function", "tool_name", "method")
_TOOL_ARG_KEYS = ("arguments", "args", "parameters", "params", "input", "kwargs")
_REACH_TOOL = re.compile(r"reach|has_?path|connect|path_?exists|route", re.I)


def _tool_arguments(obj: dict[str, Any]) -> dict[str, Any] | None:
    """The arguments of an agent's tool call whose tool asks reachability (`graph.reachable`, `has_path`), else
    None. A call of another tool (shortest_path_length, neighbors) is refused: its result is not a yes/no reach."""
    if {"edges", "links", "graph"} & set(obj):
        return None
    args_key = next((k for k in _TOOL_ARG_KEYS if k in obj), None)
    name_key = next((k for k in _TOOL_NAME_KEYS if isinstance(obj.get(k), str)), None)
    if args_key is None:
        fn = obj.get("function")
        if isinstance(fn, dict):  # OpenAI style {"function": {"name": ..., "arguments": "..."}}
            return _tool_arguments(fn)
        return None
    args = obj[args_key]
    if isinstance(args, str):
        try:
            args = json.loads(args)
        except json.JSONDecodeError:
            return None
    if not isinstance(args, dict) or not ({"edges", "links", "graph"} & set(args)):
        return None
    tool = obj[name_key] if name_key else ""
    if not _REACH_TOOL.search(tool) or re.search(
        r"length|count|distance|shortest|neighbou?r|degree", tool, re.I
    ):
        raise ParseError(
            f"the tool call names {tool!r}, not a reachability tool; only calls such as 'graph.reachable' or "
            "'has_path' are answered (true/false)"
        )
    return args


def _matrix(obj: list[Any] | tuple[Any, ...]) -> RawGraph | None:
    """A square list of 0/1 rows, three or more (a 2 x 2 one reads the same as an edge list): an adjacency matrix
    over nodes 0..k-1, row -> column; undirected when symmetric."""
    k = len(obj)
    if k < 3 or not all(isinstance(r, (list, tuple)) and len(r) == k for r in obj):
        return None
    if not all(v in (0, 1) and not isinstance(v, float) for r in obj for v in r):
        return None
    ones = {(i, j) for i in range(k) for j in range(k) if obj[i][j] == 1 and i != j}
    symmetric = all((j, i) in ones for i, j in ones)
    edges = [(str(i), str(j)) for i, j in sorted(ones) if not symmetric or i < j]
    return RawGraph(
        edges=edges, nodes=[str(i) for i in range(k)], directed=not symmetric, form="adjacency matrix"
    )


def _question_fields(raw: RawGraph, obj: dict[str, Any]) -> None:
    for a, b in (("source", "target"), ("src", "dst"), ("from", "to")):
        if a in obj or b in obj:
            if a not in obj or b not in obj:
                raise ParseError(f'give both "{a}" and "{b}" (the question\'s two nodes), or neither')
            raw.source, raw.target = _name(obj[a], f'"{a}"'), _name(obj[b], f'"{b}"')
            break
    if "negated" in obj:
        raw.negated = _bool(obj["negated"], "negated")
    if "question" in obj:
        if not isinstance(obj["question"], str):
            raise ParseError('"question" must be a string such as "Is A connected to F?"')
        raw.question = obj["question"]


_BARE = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|(?P<bare>[^\s{}\[\],:"\'][^{}\[\],:"\']*)')


def _relaxed(block: str) -> Any | None:
    """JSON-like text with bare names (`{A: [B, C], New York: [Boston]}`) decoded by quoting each bare name;
    None if it still is not JSON."""

    def quote(m: re.Match[str]) -> str:
        bare = m.group("bare")
        if bare is None:
            return json.dumps(ast.literal_eval(m.group())) if m.group().startswith("'") else m.group()
        tok = bare.strip()
        return tok if tok in ("true", "false", "null") else json.dumps(tok) + bare[len(bare.rstrip()) :]

    try:
        return json.loads(_BARE.sub(quote, block))
    except (ValueError, SyntaxError, RecursionError):
        return None


def parse_literal(block: str) -> RawGraph:
    """A JSON or Python-literal block (the whole of `block`) -> RawGraph."""
    try:
        return graph_from_object(json.loads(block), "json")
    except json.JSONDecodeError as exc:
        json_error = exc
    try:
        value = ast.literal_eval(block)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        relaxed = _relaxed(block)
        if relaxed is not None:
            return graph_from_object(relaxed, "json-like")
        e = json_error
        raise ParseError(
            f"could not read the structured graph: {e.msg} at {where(block, e.pos)}; e.g. {JSON_EXAMPLE!r}"
        ) from None
    return graph_from_object(value, "python")


# ---------------------------------------------------------------------------------------------------------
# DOT

DOT_HEADER = re.compile(r"(?:strict\s+)?(?P<kind>digraph|graph)\b\s*(?:\"[^\"]*\"|[\w.]+)?\s*\{", re.I)
_DOT_TOKEN = re.compile(
    r'\s+|//[^\n]*|#[^\n]*|/\*.*?\*/|(?P<tok>->|--|"(?:[^"\\]|\\.)*"|<[^<>]*>|[\w.]+|[{}\[\];,=:])', re.S
)


def _dot_tokens(body: str) -> list[str]:
    out, pos = [], 0
    while pos < len(body):
        m = _DOT_TOKEN.match(body, pos)
        if not m:
            raise ParseError(f"DOT: unexpected {body[pos]!r} at {where(body, pos)}; e.g. {DOT_EXAMPLE!r}")
        if m.group("tok"):
            out.append(m.group("tok"))
        pos = m.end()
    return out


def _dot_id(tok: str) -> str:
    if tok.startswith('"'):
        return tok[1:-1].replace('\\"', '"').strip()
    return tok


def parse_dot(block: str) -> RawGraph:
    """A DOT graph (`graph {...}` or `digraph {...}`, the whole of `block`) -> RawGraph."""
    head = DOT_HEADER.match(block)
    if not head:
        raise ParseError(f"not a DOT graph; start with 'graph {{' or 'digraph {{', e.g. {DOT_EXAMPLE!r}")
    directed = head.group("kind").lower() == "digraph"
    toks = _dot_tokens(block[head.end() : -1])
    raw = RawGraph(directed=directed, form="dot")
    op = "->" if directed else "--"
    i = 0

    def skip_attrs() -> None:
        nonlocal i
        while i < len(toks) and toks[i] == "[":
            depth = 0
            while i < len(toks):
                depth += toks[i] == "["
                depth -= toks[i] == "]"
                i += 1
                if depth == 0:
                    break

    def endpoint() -> list[str]:
        """One node id (with an optional :port) or a { a b c } group."""
        nonlocal i
        if toks[i] == "subgraph":
            i += 1
            if i < len(toks) and toks[i] != "{":
                i += 1
        if toks[i] == "{":
            i += 1
            names: list[str] = []
            while i < len(toks) and toks[i] != "}":
                if toks[i] in (";", ","):
                    i += 1
                    continue
                names.extend(statement())
            i += 1
            return names
        tok = toks[i]
        if tok in "{}[];,=:" or tok in ("->", "--"):
            raise ParseError(f"DOT: expected a node name, got {tok!r}; e.g. {DOT_EXAMPLE!r}")
        i += 1
        if i + 1 < len(toks) and toks[i] == ":":  # port
            i += 2
        return [_dot_id(tok)]

    def statement() -> list[str]:
        """Read one statement; returns the node names it mentions (for groups)."""
        nonlocal i
        tok = toks[i]
        if tok.lower() in ("graph", "node", "edge") and i + 1 < len(toks) and toks[i + 1] == "[":
            i += 1
            skip_attrs()
            return []
        if i + 1 < len(toks) and toks[i + 1] == "=":
            i += 3
            return []
        left = endpoint()
        mentioned, had_edge = list(left), False
        while i < len(toks) and toks[i] in ("->", "--"):
            had_edge = True
            if toks[i] != op:
                kind = "digraph" if directed else "graph"
                raise ParseError(f"DOT: a {kind} uses '{op}' for edges, found {toks[i]!r}")
            i += 1
            right = endpoint()
            raw.edges.extend((a, b) for a in left for b in right)
            mentioned.extend(right)
            left = right
        if not had_edge:
            raw.nodes.extend(n for n in left if n)
        skip_attrs()
        return mentioned

    try:
        while i < len(toks):
            if toks[i] in (";", ","):
                i += 1
                continue
            if toks[i] == "}":
                i += 1
                continue
            statement()
    except IndexError:
        raise ParseError(f"DOT: the graph ends in the middle of a statement; e.g. {DOT_EXAMPLE!r}") from None
    return raw


def find_structured(text: str) -> tuple[RawGraph, str] | None:
    """If `text` holds a JSON/Python/DOT block (at its start or at the start of a line), parse it and
    return it with the remaining text (where a question may be); None if there is no such block."""
    for m in re.finditer(
        r"(?m)^[ \t]*(?:[A-Za-z_]\w{0,30}[ \t]*[:=][ \t]*){0,2}(?=[\[{]|(?:strict\s+)?(?:di)?graph\b)", text
    ):
        start = m.end()
        if start >= len(text):
            continue
        if text[start] in "[{":
            end = match_bracket(text, start)
            block = text[start:end]
            if text[start] == "[" and not re.match(r"\[\s*[\[({\"'\d\-]", block):
                continue  # prose in square brackets, not a literal
            raw = parse_literal(block)
        else:
            head = DOT_HEADER.match(text, start)
            if not head:
                continue
            end = match_bracket(text, head.end() - 1)
            raw = parse_dot(text[start:end])
        return raw, (text[: m.start()] + "\n" + text[end:]).strip()
    return _inline_literal(text)


_INLINE_OPEN = re.compile(r"(?<=[=:\s])[\[{](?=[ \t]*[\[(])")
_INLINE_LEAD = re.compile(
    r"(?:^|(?<=[.?!:;]\s)|(?<=\n))(?P<lead>[^.?!\n]{0,120})$"
)  # the sentence's words before the literal
_INLINE_LABEL = re.compile(r"\b(?:edges?|edge (?:set|list)|arcs?|links?|pairs?|[A-Z]\s*=)", re.I)


def _inline_literal(text: str) -> tuple[RawGraph, str] | None:
    """An edge list inside a sentence: "Undirected graph with edge set E = [(0, 5), (1, 4)]. Is there a path ...?",
    "Given the undirected edges [(8, 47), (32, 21)], decide whether ...". The words before it may only say what it
    is and its direction; they are dropped from the text (the direction is kept), anything else stays to be read."""
    from .lexicon_graph import DIRECTED_WORDS, NEGATION, UNDIRECTED_WORDS

    for m in _INLINE_OPEN.finditer(text):
        lead = _INLINE_LEAD.search(text, 0, m.start())
        if lead is None or not _INLINE_LABEL.search(lead.group("lead")):
            continue
        words = lead.group("lead")
        if NEGATION.search(words) or len(words.split()) > 12 or re.search(r"[=:(].*[=:(]", words):
            continue  # more than a label: left to the sentence reader
        try:
            end = match_bracket(text, m.start())
            raw = parse_literal(text[m.start() : end])
        except ParseError:
            continue
        if not raw.form.endswith("edge list"):
            continue
        one, two = DIRECTED_WORDS.search(UNDIRECTED_WORDS.sub(" ", words)), UNDIRECTED_WORDS.search(words)
        if one and two:
            raise ParseError(f"{clip(words)} says both directed and undirected; say one")
        if one or two:
            raw.directed = bool(one)
        raw.form = "inline edge list"
        after = re.sub(r"^[\s,;:.]*", "", text[end:])
        return raw, (text[: lead.start("lead")] + "\n" + after).strip()
    return None
