"""Graph input: edge-list text with a reachability question -> GraphProblem.

Accepted (minimal form): edges as `A-B`, `A->B`, `A is connected to B`, separated by commas, semicolons or
newlines, and one question such as `Is A connected to F?`. `->` makes the graph directed.
"""

from __future__ import annotations

import re

from drt_agent.errors import ParseError
from drt_agent.problems import Edge, GraphProblem

NODE = r"[A-Za-z0-9_]+"
_QUESTION = re.compile(
    rf"(?:is|are)\s+(?:node\s+)?(?P<a>{NODE})\s+(?P<neg>not\s+)?(?:connected|linked)\s+(?:to|with)\s+"
    rf"(?:node\s+)?(?P<b>{NODE})\s*\??\s*$",
    re.IGNORECASE,
)
_EDGE = re.compile(
    rf"^(?:node\s+)?(?P<a>{NODE})\s*(?P<op>->|-|\s+is\s+connected\s+to\s+)\s*(?:node\s+)?(?P<b>{NODE})$",
    re.IGNORECASE,
)
EXAMPLE = "A-B, B-C, C-F. Is A connected to F?"


def parse_graph(text: str) -> GraphProblem:
    """Parse edge-list text plus a question into a GraphProblem, or raise ParseError saying what failed."""
    text = text.strip()
    if not text:
        raise ParseError(f"empty input; expected edges and a question, e.g. {EXAMPLE!r}")
    parts = re.split(r"(?<=[.?!])\s+|\n", text)
    question = None
    edge_text = []
    for part in parts:
        m = _QUESTION.search(part.strip())
        if m and part.strip().endswith("?"):
            question = m
            head = part[: m.start()].strip()
            if head:
                edge_text.append(head)
        else:
            edge_text.append(part)
    if question is None:
        raise ParseError(f"no reachability question found; end the text with one, e.g. {EXAMPLE!r}")
    edges: list[Edge] = []
    directed = False
    for chunk in re.split(r"[,;\n]|\.(?:\s|$)", " ".join(edge_text)):
        chunk = chunk.strip().rstrip(".")
        if not chunk:
            continue
        chunk = re.sub(r"^and\s+", "", chunk, flags=re.IGNORECASE)
        m = _EDGE.match(chunk)
        if not m:
            raise ParseError(
                f"could not read {chunk!r} as an edge; write edges like 'A-B' or 'A->B', e.g. {EXAMPLE!r}"
            )
        directed |= m.group("op") == "->"
        edges.append(Edge(src=m.group("a"), dst=m.group("b")))
    if not edges:
        raise ParseError(f"the text has a question but no edges; give the graph first, e.g. {EXAMPLE!r}")
    source, target = question.group("a"), question.group("b")
    known = {e.src for e in edges} | {e.dst for e in edges}
    for role, name in (("source", source), ("target", target)):
        if name not in known:
            raise ParseError(
                f"the question's {role} {name!r} is not a node of the graph (nodes: {', '.join(sorted(known)[:20])})"
            )
    return GraphProblem(
        edges=edges, directed=directed, source=source, target=target, negated=bool(question.group("neg"))
    )
