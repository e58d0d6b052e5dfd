"""Graph data laid out as records rather than prose: CSV rows under a header, YAML `from:`/`to:` pairs, Prolog
facts and queries, SQL INSERT statements and adjacency matrices.

Each record names its two nodes by position or by key, so it is read exactly; what a record layout seldom says is
whether its edges are one-way. Where the layout's words do not say and no convention does (a table called `edges`,
a predicate `edge/2`), the edges get the kind "adj": graph.py then answers only where the one-way and two-way
readings agree. CSV and YAML pairs follow the text like any edge list (undirected unless said, an assumption); an
adjacency matrix that is not symmetric is one-way by definition.
"""

from __future__ import annotations

import re
from typing import Any

from drt_agent.errors import ParseError

from .graph_facts import PAIR_LINE, name, name_or_error
from .graph_questions import Question
from .graph_segments import Segment
from .lexicon_graph import lazy

# columns that hold an edge's first and second node
FROM_KEYS = frozenset(
    ["source", "src", "from", "start", "u", "origin", "caller", "parent", "node1", "node_1", "a", "x", "tail"]
)
TO_KEYS = frozenset(
    [
        "target",
        "dst",
        "to",
        "end",
        "v",
        "destination",
        "dest",
        "callee",
        "child",
        "node2",
        "node_2",
        "b",
        "y",
        "head",
    ]
)
_CSV_HEADER = lazy(r"^\s*[A-Za-z_][\w ]*(?:\s*,\s*[A-Za-z_][\w ]*)+\s*$")
_YAML_PAIR = lazy(r"^(?:-\s+)?(?P<key>[a-z_]+)\s*:\s*(?P<value>\S.*?)\s*$", re.I)

# Prolog: pred(a, b). facts, ?- pred(a, b). queries
_PROLOG = lazy(
    r"^\s*(?P<pred>[a-z][a-z0-9_]*)\(\s*(?P<a>[^(),]+?)\s*,\s*(?P<b>[^(),]+?)\s*\)\s*\.\s*(?:%.*)?$"
)
_PROLOG_QUERY = lazy(
    r"^\s*\?-\s*(?P<pred>[a-z][a-z0-9_]*)\(\s*(?P<a>[^(),]+?)\s*,\s*(?P<b>[^(),]+?)\s*\)\s*\.?\s*$"
)
_PRED_ONE = frozenset(
    [
        "arc",
        "directed_edge",
        "dedge",
        "flight",
        "flies",
        "arrow",
        "one_way",
        "oneway",
        "follows",
        "depends_on",
        "depends",
        "requires",
        "calls",
        "parent",
        "parent_of",
        "points_to",
        "links_to",
        "manages",
        "reports_to",
        "feeds",
        "flows_to",
        "leads_to",
        "goes_to",
        "next",
        "successor",
    ]
)
_PRED_TWO = frozenset(
    [
        "connected",
        "adjacent",
        "adj",
        "neighbor",
        "neighbour",
        "neighbors",
        "neighbours",
        "friend",
        "friends",
        "road",
        "bridge",
        "undirected_edge",
        "uedge",
        "linked",
        "knows",
        "married",
        "connection",
        "cable",
        "wire",
        "door",
        "passage",
    ]
)
_PRED_UNSAID = frozenset(["edge", "link", "path", "route", "e", "rail", "line", "street", "connects"])
_PRED_ASK = frozenset(
    ["path", "reachable", "reach", "connected", "route", "can_reach", "linked", "conn", "tc", "reaches"]
)


def read_record(seg: Segment, st: Any) -> bool:
    """One line of a record layout (CSV row or header, YAML pair, Prolog fact or query, an announced header line);
    True if the line was one."""
    text = seg.text
    if st.csv is not None and _csv_row(seg, st):
        return True
    if "," in text and _CSV_HEADER.match(text) and _csv_header(seg, st):
        return True
    if ":" in text and _yaml_pair(seg, st):
        return True
    if "(" in text and _prolog(seg, st):
        return True
    if st.skip_header and PAIR_LINE.match(text):
        st.skip_header = False
        st.facts.skipped.append(text)
        return True
    return False


def _csv_header(seg: Segment, st: Any) -> bool:
    cols = [c.strip().lower() for c in seg.text.split(",")]
    i = next((k for k, c in enumerate(cols) if c in FROM_KEYS), None)
    j = next((k for k, c in enumerate(cols) if c in TO_KEYS), None)
    if i is None or j is None:
        return False
    st.csv, st.csv_form = (i, j, len(cols)), seg.form
    st.facts.skipped.append(seg.text)
    return True


def _csv_row(seg: Segment, st: Any) -> bool:
    cells = [c.strip().strip("'\"") for c in seg.text.split(",")]
    ends = [name(cells[i], loose=True) for i in st.csv[:2]] if len(cells) == st.csv[2] else [None]
    if seg.form != st.csv_form or not all(ends):
        st.csv = None
        return False
    st.facts.begin(seg.text)
    st.facts.edges.append((ends[0], ends[1], "any"))
    return True


def _yaml_pair(seg: Segment, st: Any) -> bool:
    m = _YAML_PAIR.match(seg.text)
    if not m:
        return False
    key, value = m.group("key").lower(), m.group("value").strip("'\"")
    where_ = f"line {seg.line}"
    listed = seg.form == "item" or seg.text.startswith("- ")
    if key in FROM_KEYS and listed and key not in ("a", "x", "u", "tail"):
        st.pending_from = name_or_error(value, where_, "a node name", loose=True)
        return True
    if key in TO_KEYS and st.pending_from is not None:
        st.facts.begin(seg.text)
        st.facts.edges.append(
            (st.pending_from, name_or_error(value, where_, "a node name", loose=True), "any")
        )
        st.pending_from = None
        return True
    return False


def _prolog(seg: Segment, st: Any) -> bool:
    text, where_ = seg.text, f"line {seg.line}"
    if ":-" in text:  # a rule: how the program reasons, not an edge
        st.facts.skipped.append(text)
        return True
    q = _PROLOG_QUERY.match(text)
    if q and q.group("pred") in _PRED_ASK:
        a, b = (_atom(q.group(g), where_) for g in ("a", "b"))
        st.questions.append(Question(a, b, False, text))
        return True
    m = _PROLOG.match(text)
    if not m:
        return False
    pred = m.group("pred")
    kind = (
        "one"
        if pred in _PRED_ONE
        else "two"
        if pred in _PRED_TWO
        else "adj"
        if pred in _PRED_UNSAID
        else None
    )
    if kind is None:
        return False
    st.facts.begin(text)
    st.facts.edges.append((_atom(m.group("a"), where_), _atom(m.group("b"), where_), kind))
    return True


def _atom(raw: str, where_: str) -> str:
    return name_or_error(raw.strip().strip("'\""), where_, "a node name", loose=True)


# -- SQL ----------------------------------------------------------------------------------------------------------
_SQL_INSERT = lazy(
    r"insert\s+into\s+[`\"\[]?(?P<table>\w+)[`\"\]]?\s*(?:\((?P<cols>[^()]*)\))?\s*values\s*"
    r"(?P<vals>\((?:[^()'\"]|'[^']*'|\"[^\"]*\")*\)(?:\s*,\s*\((?:[^()'\"]|'[^']*'|\"[^\"]*\")*\))*)\s*;?",
    re.I,
)
_SQL_CREATE = lazy(r"create\s+table\s+[^;]*?\)\s*;", re.I | re.S)
_SQL_TUPLE = lazy(r"\(((?:[^()'\"]|'[^']*'|\"[^\"]*\")*)\)")
_SQL_VALUE = lazy(r"\s*('(?:[^']|'')*'|\"[^\"]*\"|[^,]+)\s*(?:,|$)")
_SQL_ONE = lazy(r"directed|one_?way|arc|flight|depend|requires|calls|follows|parent", re.I)
_SQL_TWO = lazy(r"undirected|two_?way|road|friend|bridge|connection|adjacen|neighbo|link", re.I)


def sql_inserts(text: str) -> tuple[list[tuple[str, str, str]], list[str], str] | None:
    """Edges from `INSERT INTO t (src, dst) VALUES ('a', 'b'), ...;` statements, the statements (for the report),
    and the text without them; None if there are none."""
    if "insert" not in text.lower():
        return None
    found = list(_SQL_INSERT.finditer(text))
    if not found:
        return None
    edges: list[tuple[str, str, str]] = []
    for m in found:
        cols = [c.strip().strip('`"[]').lower() for c in (m.group("cols") or "").split(",") if c.strip()]
        i, j = _columns(cols)
        words = f"{m.group('table')} {' '.join(cols)}"
        kind = "one" if _SQL_ONE.search(words) else "two" if _SQL_TWO.search(words) else "adj"
        for row in _SQL_TUPLE.findall(m.group("vals")):
            values = [v.strip().strip("'\"").replace("''", "'") for v in _SQL_VALUE.findall(row)]
            if len(values) <= max(i, j):
                raise ParseError(
                    f"the SQL row ({row}) has no column {max(i, j) + 1}; give both nodes of each edge"
                )
            a, b = (name_or_error(values[k], "an SQL row", "a node name", loose=True) for k in (i, j))
            edges.append((a, b, kind))
    rest = _SQL_CREATE.sub(" ", _SQL_INSERT.sub(" ", text))
    return edges, [m.group().strip()[:80] for m in found], rest


def _columns(cols: list[str]) -> tuple[int, int]:
    """Which columns hold the two nodes: named ones (src/dst, from_city/to_city...), else the first two."""
    first = next(
        (k for k, c in enumerate(cols) if c in FROM_KEYS or re.search(r"src|source|from|origin|start", c)), 0
    )
    second = next(
        (
            k
            for k, c in enumerate(cols)
            if c in TO_KEYS or re.search(r"dst|target|dest|\bto\b|to_|_to|end", c)
        ),
        1,
    )
    return (first, second) if first != second else (0, 1)


# -- adjacency matrices ---------------------------------------------------------------------------------------------
_CELLS = lazy(r"\s*\|\s*|\s*,\s*|\s+")


def _cells(text: str) -> list[str]:
    return [c for c in _CELLS.split(text.strip().strip("|")) if c != ""]


def matrix_at(segs: list[Segment], i: int) -> tuple[int, list[tuple[str, str, str]], list[str]] | None:
    """An adjacency matrix starting at segment i: a header of k labels, then k rows of 0/1 (each optionally led by
    its label). Returns (segments used, edges, labels) or None. A symmetric matrix is undirected; otherwise its edges
    are row -> column, one-way (a matrix that is not symmetric says so)."""
    labels = _cells(segs[i].text)
    k = len(labels)
    if k < 2 or any(c in ("0", "1") for c in labels) or len(set(labels)) != k:
        return None
    rows: list[list[str]] = []
    used = 1
    for seg in segs[i + 1 :]:
        if len(rows) == k:
            break
        used += 1
        if seg.form == "tag" and seg.text.startswith("|"):  # | --- | --- | under a markdown header
            continue
        cells = _cells(seg.text)
        if len(cells) == k + 1 and cells[0] == labels[len(rows)]:
            cells = cells[1:]
        if len(cells) != k or any(c not in ("0", "1") for c in cells):
            return None
        rows.append(cells)
    if len(rows) != k:
        return None
    names = [name_or_error(x, f"line {segs[i].line}", "a node name", loose=True) for x in labels]
    ones = {(r, c) for r in range(k) for c in range(k) if rows[r][c] == "1" and r != c}
    symmetric = all((c, r) in ones for r, c in ones)
    edges = [
        (names[r], names[c], "sym" if symmetric else "one") for r, c in sorted(ones) if not symmetric or r < c
    ]
    return used, edges, names
