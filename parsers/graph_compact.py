"""The fast path for the commonest graph text: a list of `a-b` (or `a->b`) pairs and one plain question.

"A-B, B-C, C-F. Is A connected to F?" is what agents and people most often send, and the full reader (segments,
sentence patterns, detectors for every domain) spends a fraction of a millisecond on it. This module matches
that whole shape with one regular expression and builds the same Reading through the full reader's own
`_direction`, `_build` and `_read_as`, so the two cannot drift apart (tests/test_reading_graph.py compares them
on generated texts). Anything else, including a question naming a node no pair has, returns None and takes the
full path.
"""

from __future__ import annotations

import re
from typing import Any

from drt_agent.domains.base import Reading

_NAME = r"[A-Za-z][A-Za-z0-9_]{0,39}|[0-9]{1,9}"
_PAIR = rf"(?:{_NAME})[ \t]*(?:->|-)[ \t]*(?:{_NAME})"
_TEXT = re.compile(
    rf"[ \t]*(?P<pairs>{_PAIR}(?:[ \t]*,[ \t]*{_PAIR})*)[ \t]*\.[ \t]+"
    rf"(?P<q>Is (?P<a1>{_NAME}) connected to (?P<b1>{_NAME})|Is there a path from (?P<a2>{_NAME}) to (?P<b2>{_NAME})"
    rf"|Can (?P<a3>{_NAME}) reach (?P<b3>{_NAME}))\?[ \t]*\n?"
)
_SPLIT_PAIR = re.compile(r"[ \t]*(->|-)[ \t]*")
# words the full reader may take as something other than a node name in these places (articles, pronouns,
# keywords, yes/no): such texts take the full path
_WORDS = frozenset(
    ["a", "an", "the", "i", "is", "it", "to", "of", "and", "or", "not", "no", "yes", "true", "false", "t", "f", "do",
     "if", "in", "on", "at", "by", "as", "be", "are", "can", "there", "path", "from", "connected", "reach", "edge",
     "edges", "node", "nodes", "graph", "directed", "undirected"]
)  # fmt: skip


def read_compact(text: str, lim: Any) -> Reading | None:
    """The Reading of `a-b, c-d. Is a connected to d?`-shaped text, or None where the text has another shape."""
    m = _TEXT.fullmatch(text)
    if m is None:
        return None
    from .graph import _build, _direction, _read_as
    from .graph_facts import Facts
    from .graph_questions import Question

    source = m["a1"] or m["a2"] or m["a3"]
    target = m["b1"] or m["b2"] or m["b3"]
    edges: list[tuple[str, str, str]] = []
    for pair in m["pairs"].split(","):
        a, op, b = _SPLIT_PAIR.split(pair.strip())
        edges.append((a, b, "one" if op == "->" else "two"))
    names = {x for a, b, _ in edges for x in (a, b)}
    if source not in names or target not in names or any(n.lower() in _WORDS for n in names):
        return None
    facts = Facts(edges=edges)
    facts.begin(m["pairs"])
    question = Question(source, target, False, m["q"] + "?")
    directed, assumptions = _direction(edges, facts, None)
    problem = _build(edges, [], directed, question, None, None, False, lim)
    return Reading(problem=problem, read_as=_read_as(problem, question, [], facts), assumptions=assumptions)
