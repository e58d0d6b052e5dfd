"""Graph input -> GraphProblem, read the way people and benchmarks write it, with a report of how it was read.

Reading, in order:
1. structured blocks (structured.py): JSON / Python literals / DOT, parsed by real grammars;
2. layout (graph_segments.py): lines, code blocks, table rows, list items, titles, worked examples, sentences;
3. each sentence is classified (this module): the question (graph_questions.py), an instruction that changes the
   reading ("The graph is directed", "(i,j) means that node i and node j are connected with an undirected edge",
   "G describes a graph among nodes 0, 1, 2", "The edges are separated by a vertical bar '|'"), framing that is
   skipped ("You are a helpful assistant", "Answer yes or no", "A:"), or facts (graph_facts.py: notations,
   relation sentences from the lexicon in lexicon_graph.py, negated statements);
4. a segment that cannot be read is skipped only if it names no node of the graph and no direction: otherwise it
   could hold a fact, and the text is refused with what was not understood;
5. denied facts ("There is no road between A and B") are checked against the finished graph: a contradiction is
   refused quoting both parts; a question whose words may ask about one edge ("Are A and B friends?") is answered
   only where that reading and reachability agree.

Direction comes from the wording (`->`, "one-way", "links to", "flight from X to Y", "The graph is directed"); with
no cue the graph is undirected, and the Reading says so in `assumptions`. Every failure is a ParseError saying what
was not understood, where, and showing an accepted example.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

from drt_agent.domains.base import Reading
from drt_agent.domains.graph import GraphProblem, shortest_path
from drt_agent.errors import ParseError

from . import lexicon_graph as lex
from .graph_code import find_code, looks_like_code
from .graph_compact import read_compact
from .graph_facts import (
    EXAMPLE,
    PAIR_LINE,
    Facts,
    key,
    name,
    name_or_error,
    note_direction,
    read_line,
    title_kind,
)
from .graph_questions import EXAMPLES as QUESTION_EXAMPLES
from .graph_questions import QUESTION_START, Question, find_question, match_question
from .graph_records import matrix_at, read_record, sql_inserts
from .graph_segments import Segment, segment, sentences
from .graph_structured import RawGraph, clip, find_structured, graph_from_object, where
from .lexicon_graph import lazy

__all__ = [
    "EXAMPLE",
    "QUESTION_EXAMPLES",
    "Question",
    "clean_text",
    "looks_like_graph",
    "match_question",
    "parse_graph",
    "problem_from_graph",
    "read_graph",
]
_NAME_STOP = lex.NAME_STOP  # the words that are grammar, not names, in sentences (tests generate around them)


_DEFAULT_LIMITS: dict[tuple[Any, ...], Any] = {}
_ENV_KEYS: list[Any] = []


def _limits(limits: Any) -> Any:
    """The Limits in force (drt_agent.limits): the ones given, else the defaults for the current DRT_AGENT_*
    environment, kept per environment so a short text does not pay for building them each time."""
    from drt_agent.limits import Limits, env_var, names, resolve

    if isinstance(limits, Limits):
        return limits
    if limits is not None:
        return resolve(limits)
    data = getattr(os.environ, "_data", None)  # CPython's raw mapping: lookups without decoding
    if not _ENV_KEYS:
        encode = getattr(os.environ, "encodekey", lambda k: k)
        _ENV_KEYS.extend(encode(env_var(n)) if data is not None else env_var(n) for n in names())
    env = tuple(map((data if data is not None else os.environ).get, _ENV_KEYS))
    found = _DEFAULT_LIMITS.get(env)
    if found is None:
        found = _DEFAULT_LIMITS[env] = resolve(None)
    return found


_CLEAN = re.compile("|".join(map(re.escape, lex.ARROWS)))
_BINARY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")


def clean_text(text: str) -> str:
    """Reject binary input; map arrows, dashes and curly quotes to ASCII."""
    bad = _BINARY.search(text)
    if bad:
        raise ParseError(
            f"the input contains binary or control characters ({ascii(bad.group())} at {where(text, bad.start())}); "
            f"give plain text, e.g. {EXAMPLE!r}"
        )
    return _CLEAN.sub(lambda m: lex.ARROWS[m.group()], text) if _CLEAN.search(text) else text


# ---------------------------------------------------------------------------------------------------------
# instructions: sentences that change how the rest is read

_TUPLE_MEANS = lazy(
    r"\(\s*(?P<i>\w+)\s*,\s*(?P<j>\w+)\s*\)\s+(?:means|denotes|indicates|represents|stands for|is)\b(?P<rest>.*)$",
    re.I,
)
_AMONG = lazy(
    r"\b(?:graph|network|digraph)(?: G| \w)?\s+(?:among|between|over|on|of|with)\s+(?:the\s+)?"
    r"(?P<noun>(?:(?:following )?(?:nodes|vertices|people|persons|users|authors|politicians|characters|members|"
    r"cities|individuals|accounts)\s*:?\s+)?)(?P<list>[^.;:]+?)\.?$",
    re.I,
)
_RANGE = lazy(
    r"\b(?:nodes|vertices) (?:are )?(?:numbered |labell?ed )?(?:from )?(?P<lo>\d+) (?:to|through|-) (?P<hi>\d+)\b",
    re.I,
)
_SEPARATED = lazy(
    r"\b(?:the )?(?:edges|pairs)\b[^.]*?\bseparated (?:by|with) (?:a |an |the )?(?:[\w-]+ ){0,3}"
    r"['\"`](?P<c>[^'\"`\s\w]{1,3})['\"`]",
    re.I,
)
_QUERY_AFTER = lazy(
    r"\b(?:start(?:ing)?|source) and (?:goal|end|target|destination) nodes? (?:are|is) (?:specified|given|listed|"
    r"written|placed|put) after (?:a |an |the )?(?:[\w-]+ ){0,3}['\"`](?P<c>[^'\"`\s\w]{1,3})['\"`]",
    re.I,
)
_DIRECTION_NOTE = lazy(
    r"^\(?\s*(?:directed|undirected|one-way|two-way|bidirectional)(?: graph| edges)?\s*\)?\.?$", re.I
)
_NOT_DIRECTED = lazy(
    r"^(?:the |this |all |every |each )?(?:graph|network|edges?|roads?|links?|connections?) (?:is|are) not "
    r"(?P<what>directed|undirected|one-way|two-way|bidirectional|symmetric)$",
    re.I,
)


@dataclass
class _State:
    """What the segments said so far, beyond the facts: questions, instructions, framing, unread parts."""

    facts: Facts
    want_question: bool
    questions: list[Question] = field(default_factory=list)
    unread_questions: list[tuple[str, str]] = field(default_factory=list)
    residue: list[tuple[str, ParseError]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    edge_sep: str | None = None
    query_mark: str | None = None
    query: tuple[str, str] | None = None
    declared: bool = False  # the text listed its nodes ("among nodes 0, 1, 2")
    pair_lines: int = 0
    csv: tuple[int, int, int] | None = None  # (from column, to column, columns) of a CSV edge list
    csv_form: str = ""
    pending_from: str | None = None  # YAML "- from: X" waiting for its "to: Y"
    skip_header: bool = False  # "The first line contains N and M": the next pair line is a header
    numbered: bool = False  # the text says its nodes are numbered ("vertices, numbered 1..N")
    edge_sense: tuple[str, str] | None = None  # (family, form) of a notation that fixes what its edges mean
    raw_question: str = ""  # the text of a question the notation itself asked


_SET_E = lazy(r"\bE\s*=\s*\{(?P<e>(?:[^{}]|\{[^{}]*\})*)\}")
_SET_V = lazy(r"\bV\s*=\s*\{(?P<v>[^{}]*)\}")
_SET_PAIR = lazy(r"\{\s*([^{},]+?)\s*,\s*([^{},]+?)\s*\}")
_FIRST_LINE = lazy(r"\bthe first (?:line|row) (?:contains|gives|has|holds|lists|is|states)\b", re.I)
_LEGEND = lazy(
    r"\(\s*[\w -]+:\s*(?:its|their|the)?\s*(?:direct\s+)?(?P<rel>dependencies|prerequisites|requirements|imports|"
    r"successors|children|callees|targets|out-?neighbou?rs|subordinates|direct reports|outgoing (?:edges|links))\s*\)",
    re.I,
)
_LEGEND_FAMILY = {"dependencies": "dep+", "prerequisites": "dep+", "requirements": "dep+", "imports": "dep+",
                  "subordinates": "report-", "direct reports": "report-"}  # fmt: skip


def _set_notation(s: str, st: _State, where_: str) -> bool:
    """ "G = (V, E) ... V = {1, 2, 3} and E = {(1, 2), (2, 3)}": (a, b) is an ordered pair, {a, b} an unordered one."""
    out = st.facts
    rest = _SET_E.sub(" ", _SET_V.sub(" ", s))
    note_direction(rest, out, where_)
    kind = "one" if out.directed else "two" if out.directed is False else "any"
    out.begin(s)
    body = _SET_E.search(s).group("e")  # type: ignore[union-attr]
    for a, b in _TUPLE_PAIRS.findall(body):
        out.edges.append(
            (
                name_or_error(a, where_, "a node name", loose=True),
                name_or_error(b, where_, "a node name", loose=True),
                kind,
            )
        )
    for a, b in _SET_PAIR.findall(body):
        out.edges.append(
            (
                name_or_error(a, where_, "a node name", loose=True),
                name_or_error(b, where_, "a node name", loose=True),
                "sym",
            )
        )
    v = _SET_V.search(s)
    if v:
        out.nodes.extend(
            name_or_error(p, where_, "a node name", loose=True) for p in v.group("v").split(",") if p.strip()
        )
        st.declared = True
    st.notes.append("set notation V = {...}, E = {...}")
    return True


_TUPLE_PAIRS = lazy(r"\(\s*([^(),]+?)\s*,\s*([^(),]+?)\s*\)")


def _instruction(s: str, st: _State, where_: str) -> bool:
    """Apply an instruction in sentence `s`; True if it was one."""
    out = st.facts
    if _SET_E.search(s):
        return _set_notation(s, st, where_)
    if _FIRST_LINE.search(
        s
    ):  # "The first line contains N and M; each of the next M lines contains an edge u v."
        st.skip_header = True
        st.numbered = st.numbered or bool(re.search(r"\bnumbered\b", s, re.I))
        st.notes.append("the first pair line read as the header N M")
        return True
    legend = _LEGEND.search(s)
    if legend:  # "Dependency manifest (package: its direct dependencies)"
        out.adj_kind, out.adj_family = "one", _LEGEND_FAMILY.get(legend.group("rel").lower(), "")
        st.notes.append(f"adjacency lines read as 'node: its {legend.group('rel').lower()}'")
        return True
    m = _TUPLE_MEANS.search(s)
    if m:
        rest, i, j = m.group("rest").lower(), re.escape(m.group("i").lower()), re.escape(m.group("j").lower())
        one_way = re.search(
            rf"\bfrom (?:node )?{i} to (?:node )?{j}\b|\bdirected edge\b|{i} (?:points|links|leads) to", rest
        )
        if one_way and "undirected" not in rest:
            out.tuple_kind = "one"
        elif re.search(
            rf"\bundirected\b|\bbetween\b|{i} and (?:node )?{j} are (?:connected|linked|adjacent)", rest
        ):
            out.tuple_kind = "two"
        else:
            raise ParseError(f"{where_}: could not tell what {clip(m.group())} says an edge is; e.g. '(i,j) means "
                             f"that node i and node j are connected with an undirected edge'")  # fmt: skip
        note_direction(s, out, where_)
        after = m.group("rest").partition(":")[2].strip()  # "... means an edge from u to v: [(3, 18), ...]"
        if after:
            _facts(after, where_, st, None)
        st.notes.append(
            f"(i,j) read as {'an edge from i to j' if out.tuple_kind == 'one' else 'an undirected edge'}"
        )
        return True
    if _DIRECTION_NOTE.match(s):  # "(directed)" after a graph
        return note_direction(s, out, where_)
    m = _NOT_DIRECTED.match(s.rstrip("."))
    if m:
        flip = {"directed": "undirected", "one-way": "two-way"}.get(m.group("what").lower(), "directed")
        note_direction(flip, out, where_)
        out.direction_why = s
        return True
    m = _SEPARATED.search(s)
    if m:
        st.edge_sep = m.group("c")
        st.notes.append(f"edges separated by {st.edge_sep!r}")
        q = _QUERY_AFTER.search(s)
        if q:
            st.query_mark = q.group("c")
        return True
    m = _QUERY_AFTER.search(s)
    if m:
        st.query_mark = m.group("c")
        st.notes.append(f"start and goal after {st.query_mark!r}")
        return True
    m = _RANGE.search(s)
    if m and not re.search(r"\bedges?\b|->|-\s*\w", s[: m.start()]):
        lo, hi = int(m.group("lo")), int(m.group("hi"))
        if hi - lo > 100_000:
            return False
        out.nodes.extend(str(k) for k in range(lo, hi + 1))
        st.declared = True
        note_direction(s, out, where_)
        return True
    m = _AMONG.search(s)
    if m and re.search(r"\bamong\b", s, re.I) or (m and m.group("noun")):
        names = [p for p in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("list")) if p.strip()]
        if names and all(name(p, loose=True) for p in names):
            out.nodes.extend(name(p, loose=True) for p in names)  # type: ignore[misc]
            st.declared = True
            note_direction(s[: m.start("list")], out, where_)
            return True
    return False


# ---------------------------------------------------------------------------------------------------------
# layout forms: titles, table rows, answer slots, separator notations

_TABLE_SKIP = lazy(
    r"^(?:weight|weights|cost|distance|length|capacity|label|type|id|#|no\.?|time|km|miles)$", re.I
)
_ADJ_HEAD = lazy(
    r"\b(?:neighbou?rs?|adjacent|connected|connections|links?|edges|successors|targets|friends)\b", re.I
)


def _title(seg: Segment, st: _State) -> None:
    title = seg.text.rstrip(":").strip()
    low = title.lower()
    if low in lex.ANSWER_LABELS or low in lex.SPEAKER_LABELS or low in lex.QUESTION_LABELS:
        st.facts.skipped.append(seg.raw.strip())
        return
    if _instruction(title, st, f"line {seg.line}"):
        return
    if not note_direction(title, st.facts, f"line {seg.line}"):
        st.facts.skipped.append(seg.raw.strip())


def _cells(seg: Segment) -> list[str]:
    return [c.strip() for c in seg.text.strip().strip("|").split("|")]


def _row(seg: Segment, st: _State, header: list[str] | None) -> None:
    """A table row: an edge (two node columns), or a node and its neighbours (a list in the second column)."""
    where_ = f"line {seg.line}"
    cells = _cells(seg)
    cols = list(range(len(cells)))
    if header is not None:
        cols = [i for i, h in enumerate(header) if i < len(cells) and not _TABLE_SKIP.match(h)]
    cells = [cells[i] for i in cols]
    head2 = header[cols[1]] if header is not None and len(cols) > 1 and cols[1] < len(header) else ""
    kind = (
        "one"
        if re.search(r"\b(?:links? to|points? to|leads? to|successors|targets|depends on)\b", head2, re.I)
        else "any"
    )
    out = st.facts
    out.begin(seg.raw.strip())
    if len(cells) == 2 and (_ADJ_HEAD.search(head2) or re.search(r",|;", cells[1])):
        a = name_or_error(cells[0], where_, "a node name", loose=True)
        out.nodes.append(a)
        for piece in re.split(r"\s*[,;]\s*|\s+and\s+", cells[1]):
            if piece.strip() and piece.strip() not in ("-", "—", "none", "(none)"):
                out.edges.append(
                    (
                        a,
                        name_or_error(piece, where_, f"a neighbour of {a!r}", loose=True),
                        "adj" if kind == "any" else kind,
                    )
                )
        return
    if len(cells) != 2:
        raise ParseError(
            f"{where_}: a table row needs two node columns (from, to) or a node and its neighbours; got "
            f"{clip(seg.raw)}; name the columns in a header row, e.g. '| from | to |'"
        )
    a, b = (name_or_error(c, where_, "a node name", loose=True) for c in cells)
    out.edges.append((a, b, kind))


def _sep_notation(seg: Segment, st: _State) -> bool:
    """A line in the notation the instructions described ("|a b|c d/s g = "); False if it is not one."""
    text = seg.text
    assert st.edge_sep is not None
    body, mark, tail = text.partition(st.query_mark) if st.query_mark else (text, "", "")
    if st.edge_sep not in body:
        return False
    where_ = f"line {seg.line}"
    query, eq, answer = tail.partition("=")
    if answer.strip():  # a worked answer after '=': an example, not the task
        st.facts.skipped.append(seg.raw.strip())
        return True
    out = st.facts
    out.begin(text)
    for pair in body.split(st.edge_sep):
        parts = pair.replace(",", " ").split()
        if not parts:
            continue
        if len(parts) != 2:
            raise ParseError(
                f"{where_}: {clip(pair)} is not an edge of two node labels, as the text described"
            )
        out.edges.append((parts[0], parts[1], "any"))
    if mark:
        ends = query.replace(",", " ").split()
        if len(ends) != 2:
            raise ParseError(
                f"{where_}: after {st.query_mark!r} expected the start and goal nodes, got {clip(query)}"
            )
        st.query = (ends[0], ends[1])
    return True


_LINE_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z ]{0,20}?)\s*:\s*(?P<rest>.*)$")
_ANSWER_WORDS = lazy(r"^(?:yes|no|true|false|there is|there are|it is)\b", re.I)


def _line_label(text: str) -> tuple[str, str] | None:
    """(label, rest) for a known label word at the start of a line ("Q:", "A:", "User:"), else None.

    "A: B, C" and "Q: N" are adjacency lines: an answer label counts only before nothing or a yes/no, a question
    or speaker label only before a sentence (not a bare list of names)."""
    m = _LINE_LABEL.match(text)
    if not m:
        return None
    label, rest = m.group("label").strip().lower(), m.group("rest").strip()
    if label in lex.ANSWER_LABELS:
        return (label, rest) if not rest or _ANSWER_WORDS.match(rest) or lex.FRAMING.match(rest) else None
    if label in lex.QUESTION_LABELS or label in lex.SPEAKER_LABELS:
        return None if _NAME_LIST.match(rest) else (label, rest)
    return None


_NAME_LIST = lazy(r"^[\w.'-]+(?:\s*(?:,|;|\band\b|\s)\s*[\w.'-]+)*\.?$")


# ---------------------------------------------------------------------------------------------------------
# the reading loop


# a sentence without '?' is a question only if it starts like one or holds a request ("Determine whether ...")
_MAY_ASK = re.compile(
    r"^(?:q\s*[:.)-]|question|is|are|can|could|does|do|did|will|may|isn't|aren't|can't|doesn't|so|and|then|now|"
    r"but|finally|please|what|which|how|find|give|show|tell|check|decide|determine|verify|figure|work|state|say|"
    r"answer|i)\b|\b(?:determine|check|decide|find out|tell me|verify|figure out|work out|is it true that|find|"
    r"give|show)\b",
    re.I,
)


_NUMBERED = re.compile(
    r"^(?:problem|exercise|question|task|example|part|step|item|case|puzzle|q|ticket|issue)\s*#?\d+[a-z]?[.:)]?$",
    re.I,
)


# what an instruction starts with: a long sentence (an edge list) without one in its first part is facts
# every instruction holds one of these: a sentence without any is not tried as one (most sentences are facts)
_INSTRUCTION_CUE = re.compile(
    r"E\s*=\s*\{|\bthe first (?:line|row)\b|\(\s*[\w -]+:|\)\s+(?:means|denotes|indicates|represents|stands for|is)\b|"
    r"separated (?:by|with)|(?:specified|given|listed|written|placed|put) after|\b(?:among|numbered|labell?ed|nodes|"
    r"vertices|people|persons|users|authors|politicians|characters|members|cities|individuals|accounts)\b|directed|"
    r"one-way|two-way|bidirectional|symmetric",
    re.I,
)


_LOWER = re.compile(r"[a-z]")  # questions, instructions and framing are written in words; "A-B, B-C" is not


_ASIDE_SENTENCE = lazy(
    r"^\((?P<inner>[^()]+)\)[.!]?$"
)  # "(correction from ops: there is no link between M and B)"
_WORDS_IN = re.compile(r"[A-Za-z]{2,}")
_SHOUTED_NOT = lazy(
    r"\b(is|are|was|were|do|does|did)\s+NOT\b(?=\s+(?:directly\s+|actually\s+)?(?:connected|linked|joined|adjacent|"
    r"reachable|neighbou?rs|friends)\b)"
)  # "G and X are NOT connected": emphasis, not a node named NOT


def _sentence(s: str, where_: str, st: _State, under: str | None) -> None:
    """Classify one sentence as question / instruction / framing / facts, and apply it."""
    aside = _ASIDE_SENTENCE.match(s)
    if aside and len(_WORDS_IN.findall(aside.group("inner"))) >= 2:  # prose in brackets, not a pair "(0, 1)"
        s = aside.group("inner").strip()
    if "NOT" in s:
        s = _SHOUTED_NOT.sub(r"\1 not", s)
    if not _LOWER.search(s) and not s.endswith("?"):  # "A-B, B-C, C-F.": notation only, no words to classify
        _facts(s, where_, st, under)
        return
    if st.want_question and (s.endswith("?") or _MAY_ASK.search(s[:300])):
        found = find_question(s)
        if found is not None:
            head, q = found
            st.questions.append(q)
            if head.strip():
                _facts(head, where_, st, under)
            return
        if s.rstrip().endswith("?"):
            st.unread_questions.append((where_, s))
            return
    if _INSTRUCTION_CUE.search(s[:2000]) and _instruction(s, st, where_):
        return
    if _NUMBERED.match(s):  # "Problem 5." numbers the problem, not a node
        st.facts.skipped.append(s)
        return
    if lex.FRAMING.match(s):  # skipped like residue: only if it names no node
        error = ParseError(
            f"{where_}: {clip(s)} reads as an instruction to the reader but names a node of the graph; state "
            f"edges and the question plainly, e.g. {EXAMPLE!r}"
        )
        st.residue.append((s, error))
        return
    _facts(s, where_, st, under)


def _facts(s: str, where_: str, st: _State, under: str | None) -> None:
    """Read a fact sentence; if it cannot be read, keep it as residue (judged once the graph is known)."""
    out = st.facts
    sizes = len(out.edges), len(out.nodes), len(out.claims), len(out.skipped)
    out.begin(s)
    try:
        read_line(s, where_, out, st.pair_lines, under)
    except ParseError as exc:
        del out.edges[sizes[0] :], out.nodes[sizes[1] :], out.claims[sizes[2] :], out.skipped[sizes[3] :]
        for i in [i for i in out.families if i >= sizes[0]]:
            del out.families[i]
        st.residue.append((s, exc))


_MATRIX_ROW = re.compile(r"^\|?\s*(?:[^\s|,]+[\s|,]+)?(?:[01][\s|,]+)+[01]\s*\|?$")


def _read_segments(text: str, st: _State) -> None:
    segs = segment(text)
    st.pair_lines = sum(1 for g in segs if g.form in ("line", "item", "code") and PAIR_LINE.match(g.text))
    header: list[str] | None = None
    skip_to = 0
    for index, seg in enumerate(segs):
        if index < skip_to:
            continue
        where_ = f"line {seg.line}"
        after = next((g for g in segs[index + 1 : index + 3] if g.form != "tag"), None)
        if after is not None and _MATRIX_ROW.match(after.text):
            matrix = matrix_at(segs, index)
            if matrix is not None:  # a header of labels, then rows of 0/1
                used, edges, labels = matrix
                st.facts.begin(f"adjacency matrix over {', '.join(labels[:5])}")
                st.facts.edges.extend(edges)
                st.facts.nodes.extend(labels)
                st.notes.append("an adjacency matrix (row -> column)")
                skip_to = index + used
                continue
        if seg.form in ("tag", "example"):
            if seg.form == "example" or not seg.text.startswith(("```", "~~~", "|")):
                st.facts.skipped.append(seg.raw.strip())
            continue
        if seg.form == "title":
            _title(seg, st)
            continue
        if seg.form == "header":
            header = [c.lower() for c in _cells(seg)]
            st.facts.skipped.append(seg.raw.strip())
            continue
        if seg.form == "row" and not (st.edge_sep and st.edge_sep != "|"):
            _row(seg, st, header)
            continue
        if st.edge_sep and _sep_notation(seg, st):
            continue
        if seg.form in ("line", "code", "item") and read_record(seg, st):
            continue
        text_ = seg.text
        labelled = _line_label(text_)
        if labelled is not None:
            label, rest = labelled
            if label in lex.ANSWER_LABELS:
                st.facts.skipped.append(seg.raw.strip())
                continue
            if label in lex.SPEAKER_LABELS:
                st.facts.skipped.append(f"{label}:")
            text_ = rest
        under = title_kind(seg.title) if seg.title else None
        if seg.form == "code":
            _facts(text_, where_, st, under)
            continue
        for s in _paired(sentences(text_), st) if st.want_question else sentences(text_):
            _sentence(s, where_, st, under)


_START_SAID = lazy(
    r"\b(?:lands|starts|begins|arrives|enters|opens|land|start|begin|arrive)(?: out)? (?:on|at|in|with|from)\b",
    re.I,
)


_PRONOUNS = frozenset(["it", "they", "he", "she", "this", "that", "them"])


def _asks_about_it(s: str) -> bool:
    """The sentence is no question on its own, or one whose subject is a pronoun ("Does it reach Otto?")."""
    found = find_question(s)
    return found is None or found[1].source.casefold() in _PRONOUNS


def _paired(sents: list[str], st: _State) -> list[str]:
    """A start told in one sentence and asked about in the next ("A visitor lands on /a.html. Only clicking links,
    can they end up on /b.html?"): the two read as one question, when the second is no question on its own. A
    lead-in label of the first ("Snow-day phone tree: the message starts with Karl.") is reported as skipped."""
    out: list[str] = []
    i = 0
    while i < len(sents):
        s = sents[i]
        nxt = sents[i + 1] if i + 1 < len(sents) else ""
        if (
            nxt.rstrip().endswith("?")
            and not s.rstrip().endswith("?")
            and _START_SAID.search(s)
            and _asks_about_it(nxt)
        ):
            label = re.match(r"^[^:.?!]{1,40}:\s+", s)
            for head in (s, s[label.end() :] if label else None):
                if head is not None and match_question(f"{head.rstrip()} {nxt.strip()}") is not None:
                    if head is not s:
                        st.facts.skipped.append(s[: label.end()].strip())  # type: ignore[union-attr]
                    out.append(f"{head.rstrip()} {nxt.strip()}")
                    i += 2
                    break
            else:
                out.append(s)
                i += 1
            continue
        out.append(s)
        i += 1
    return out


def _heads(text: str) -> frozenset[str]:
    """Keys of the names that start lines as `Name:` or stand in their comma lists: for adjacency lists whose
    neighbours are separated by spaces."""
    if ":" not in text:
        return frozenset()
    found = set()
    for head, rest in re.findall(r"(?m)^[ \t]*(?:[-*+][ \t]+)?([^:\n]{1,60}):([^\n]*)", text):
        found.add(key(head))
        if "," in rest:  # the items of comma lists are names too
            found.update(key(p.strip(" .[]{}")) for p in rest.split(","))
    return frozenset(found)


_HYPHENATED = r"\w+(?:-\w+)+"
_HYPHEN_BY_NOTATION = lazy(
    rf"(?<![\w-])({_HYPHENATED})(?=\s*(?:->|<-|<->|--|=>|:)|[ \t]+-[ \t])"
    rf"|(?:->|<-|<->|--|=>|[ \t]-[ \t]+)\s*({_HYPHENATED})(?![\w-])"
)  # `srv-01 -> x`, `srv-01: ...`, `cache-50 - db-27` (a spaced dash is the edge, the unspaced ones are names)


# a hyphenated word in a question sentence, next to a notation, or a word with two hyphens
_MAY_HYPHEN = lazy(r"\w-\w+(?:\s*(?:->|<-|--|=>|:)|[ \t]+-[ \t])|(?:->|<-|--|=>|[ \t]-[ \t]+)\s*\w+-\w")
_CHUNK = re.compile(r"[^.?!\n]+")  # a run up to a sentence end: each character is scanned once


def _questions_chunks(text: str) -> list[str]:
    """The runs of text that end with '?' (in linear time: a pattern like '[^.?]*\\?' would rescan long runs)."""
    return [m.group() for m in _CHUNK.finditer(text) if text[m.end() : m.end() + 1] == "?"]


def _hyphen_names(text: str) -> frozenset[str]:
    """Hyphenated words used as names (`srv-01`) by the question or next to a spaced notation (`srv-01 -> x`,
    `srv-01: ...`): an unspaced `srv-01-srv-02` is then ambiguous, and `srv-06` alone is a name, not an edge."""
    if "-" not in text:
        return frozenset()
    asked = [c for c in _questions_chunks(text) if "-" in c] if "?" in text else []
    notation = ":" in text or ">" in text or "<-" in text or "--" in text or " - " in text
    if not asked and not (notation and _MAY_HYPHEN.search(text)):
        return frozenset()
    found: set[str] = set()
    for m in _HYPHEN_BY_NOTATION.finditer(text):
        found.add(m.group(1) or m.group(2))
    for chunk in asked:
        start = QUESTION_START.search(chunk)
        if start:
            found.update(re.findall(rf"(?<![\w-]){_HYPHENATED}(?![\w-])", chunk[start.start() :]))
    return frozenset(found)


# ---------------------------------------------------------------------------------------------------------
# after reading: unread parts, the question, the problem, the claims


def _article_before(word: str) -> bool:
    """Whether a sentence-initial 'A' / 'I' before `word` is an article or pronoun ("A graph", "I think"), not a
    node ("A is connected", "A links to B")."""
    low = word.lower()
    return (
        word[:1].islower()
        and low not in lex.NAME_STOP
        and low not in ("and", "has", "have", "or")
        and not (low.endswith("s") and not low.endswith("ss"))
    )


def _mentioned(text: str, names: dict[str, str]) -> str | None:
    """A node name (by key) that `text` mentions, or None. An article ('a directed edge', 'A graph') or the pronoun
    'I' before a word is not a mention of node a / A / I."""
    words = re.findall(r"\w+", text)
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        article = w in ("a", "an") or (w == "A" and i == 0)  # "a directed edge", "A graph is given"
        if (article and nxt.casefold() not in names and _article_before(nxt)) or (
            w == "I" and nxt[:1].islower()
        ):
            continue
        k = w.casefold()
        if k in names and (w == names[k] or len(w) >= 3):
            return names[k]
    low = text.casefold()
    for k, n in names.items():
        if not k.isalnum() and re.search(rf"(?<!\w){re.escape(k)}(?!\w)", low):
            return n
    return None


def _settle_unread(st: _State, known: dict[str, str], in_graph: dict[str, str]) -> None:
    """Questions read with the graph's names known, then residue: skipped as framing if it names no node and no
    direction, else refused (it could hold a fact that was not understood)."""
    unread = []
    for where_, s in st.unread_questions:
        found = find_question(s, in_graph)
        if found is not None:
            head, q = found
            st.questions.append(q)
            if head.strip():
                _facts(head, where_, st, None)
        elif _mentioned(s, known) is None and not re.search(
            r"\b(?:path|reach\w*|connected|route)\b", s, re.I
        ):
            unread.append((where_, s))  # "Ready?": framing, if a question is found elsewhere
        else:
            raise _unread_question(where_, s)
    if unread and not st.questions:
        raise _unread_question(*unread[0])
    st.facts.skipped.extend(s for _, s in unread)
    for s, exc in st.residue:
        if _mentioned(s, known) is not None:
            raise exc
        if lex.DIRECTED_WORDS.search(s) or lex.UNDIRECTED_WORDS.search(s) or _DIRECTION_TOPIC.search(s):
            _direction_statement(s, st, exc)
            continue
        st.facts.skipped.append(s)


_DIRECTION_TOPIC = lazy(r"\bdirections?\b|\bbackwards?\b|\breverse\b", re.I)  # never skipped unread
_UNLESS = lazy(r"^(?:unless|except (?:where|when|if)|if not)\b[^,]*,\s*", re.I)


def _direction_statement(s: str, st: _State, exc: ParseError) -> None:
    """A sentence that names no node but speaks of direction ("Treating every entry as a directed edge", "Unless a
    route is described as two-way, it only goes one way"): its main clause says the direction; a sentence that
    denies, or says both, is refused."""
    main = _UNLESS.sub("", s)
    both = lex.DIRECTED_WORDS.search(main) and lex.UNDIRECTED_WORDS.search(main)
    neither = not lex.DIRECTED_WORDS.search(main) and not lex.UNDIRECTED_WORDS.search(main)
    backwards = re.search(r"\b(?:backwards?|reverse\w*|against|opposite|inverted?|upstream)\b", main, re.I)
    if both or neither or backwards or lex.NEGATION.search(main.replace("no direction", "")):
        raise ParseError(f"could not tell which direction {clip(s)} states; say 'the graph is directed' or "
                         f"'the graph is undirected'") from exc  # fmt: skip
    note_direction(main, st.facts, "a direction statement")
    st.notes.append(f"read as a direction statement: {clip(s, 50)}")


def _unread_question(where_: str, s: str) -> ParseError:
    return ParseError(
        f"{where_}: could not understand the question {clip(s)}; ask one of: {'; '.join(QUESTION_EXAMPLES)}"
    )


_ROLES = ("@first", "@second")


def _same_question(a: Question, b: Question) -> bool:
    """Two wordings of one question ("Will terraform create X before Y? In other words, does Y depend on X?")."""
    return (key(a.source), key(a.target), a.negated, a.wants_path, a.edge_like) == (
        key(b.source),
        key(b.target),
        b.negated,
        b.wants_path,
        b.edge_like,
    )


def _one_question(st: _State) -> Question | None:
    concrete = [q for q in st.questions if q.source not in _ROLES and q.target not in _ROLES]
    if len(concrete) > 1 and all(_same_question(concrete[0], q) for q in concrete[1:]):
        st.facts.skipped.extend(q.text for q in concrete[1:])
        concrete = concrete[:1]
    if concrete:  # "Find a path from the start node to the goal node" is then only a task description
        st.facts.skipped.extend(q.text for q in st.questions if q not in concrete)
        questions = concrete
    else:
        questions = st.questions
    if len(questions) > 1:
        shown = "; ".join(clip(q.text) for q in questions[:3])
        raise ParseError(f"found {len(questions)} questions ({shown}); ask one question per problem")
    q = questions[0] if questions else None
    if q is not None and (q.source in _ROLES or q.target in _ROLES):
        if st.query is None:
            raise ParseError(
                f"the question {clip(q.text)} names roles (start, goal) but the text never says which nodes they are; "
                f"name the nodes, e.g. 'Find a path from A to F.'"
            )
        ends = {"@first": st.query[0], "@second": st.query[1]}
        q = Question(
            ends.get(q.source, q.source),
            ends.get(q.target, q.target),
            q.negated,
            q.text,
            q.wants_path,
            q.edge_like,
        )
    if q is None and st.query is not None:  # the instructions said the start and goal come after a mark
        q = Question(
            st.query[0], st.query[1], False, "the start and goal given after the notation", True, False
        )
    return q


def _resolve(name_: str, nodes: list[str], role: str, question: str) -> str:
    if name_ in nodes:  # (a list: short graphs are quick to scan, long ones rarely miss)
        return name_
    k = key(name_)
    candidates = [n for n in nodes if key(n) == k]
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        raise ParseError(
            f"the question's {role} {name_!r} could mean any of {candidates[:5]}; use the exact name"
        )
    shown = ", ".join(repr(n) for n in nodes[:20]) + (", ..." if len(nodes) > 20 else "")
    raise ParseError(
        f"the question {question!r} names {name_!r} as its {role}, but the graph has no such node "
        f"(nodes: {shown}); ask about nodes that appear in the edges, e.g. {EXAMPLE!r}"
    )


_ARTICLE = lazy(r"^(?:the|The|THE)\s+")


def _unify_articles(facts: Facts) -> None:
    """ "The Lava Pits" at the start of a sentence and "the Lava Pits" elsewhere are one node: names that differ
    only by a leading article take the first spelling seen."""
    names = [*facts.nodes, *(x for a, b, _ in facts.edges for x in (a, b))]
    if not any(n[:4] in ("the ", "The ", "THE ") for n in names):
        return
    canon: dict[str, str] = {}
    for n in names:
        canon.setdefault(_ARTICLE.sub("", n), n)
    one = {n: canon[_ARTICLE.sub("", n)] for n in names}
    facts.edges = [(one[a], one[b], k) for a, b, k in facts.edges]
    facts.nodes = [one[n] for n in facts.nodes]
    for c in facts.claims:
        c.a, c.b = one.get(c.a, c.a), one.get(c.b, c.b)


# the family a question follows, and in which of its two wordings ("+": depends on / reports to)
_QUESTION_FAMILY = [
    ("dep", "-", lazy(r"\bpre-?requisites?\b|\bprereqs?\b|\bbefore taking\b", re.I)),
    ("dep", "+", lazy(r"\bdepend|\brequire|\bimport|\bdependenc|\bpulled in\b|\binstall|\brel(?:y|ies) on", re.I)),
    ("report", "+", lazy(r"\breport(?:s|ing|ed)?\b|\banswers? to\b|\babove\b", re.I)),
    ("report", "-", lazy(r"\bmanages?\b|\bsupervises?\b|\bin charge of\b|\bbelow\b", re.I)),
]  # fmt: skip


# words that say which way a dependency question runs: "does X depend on / require / need Y", "is Y a
# prerequisite of X", "must Y be created before X", "will Y get built", "would changing Y affect X"
_DEPENDENCY_SENSE = lazy(
    r"\bdepend|\brequire|\bneeds?\b|\bimport|\bdependenc|\brel(?:y|ies) on\b|\bpre-?requisite|\bprereq|"
    r"\b(?:create|build|make|compile|deploy|provision|install|compute|evaluate)\b.* before\b|\b(?:get|be|being) "
    r"(?:built|rebuilt|made|compiled|created|deployed|installed|provisioned)\b|\b(?:changing|editing|updating|"
    r"modifying|altering|touching)\b.*\b(?:affect|change|update|alter|influence|invalidate)",
    re.I,
)
# questions whose sense is a build or update order: answered only over edges that say "depends on"
_BUILD_ORDER = lazy(
    r"\b(?:create|build|make|compile|deploy|provision|install|compute|evaluate)\b.* (?:before|ahead of|prior to)\b|"
    r"\b(?:get|be|being) (?:built|rebuilt|made|compiled|created|deployed|installed|provisioned)\b|\b(?:changing|"
    r"editing|updating|modifying|altering|touching)\b.*\b(?:affect|change|update|alter|influence|invalidate)",
    re.I,
)
_DEPENDENCY_CONFUSED = lazy(r"\b(?:up|down)stream\b|\bfeeds?\b|\bsuppl(?:y|ies)\b|\bafter\b|\bflows?\b", re.I)


_PARENT_SENSE = lazy(r"\bparents?\b|\bancestor|\bdescendant|\breachable\b|\bhistory\b", re.I)
_RELATION_WORDS = lazy(
    r"\bdepend|\brequire|\bimport|\bdependenc|\bpre-?requisite|\bprereq|\breports? to\b|\bmanages?\b|"
    r"\b(?:up|down)stream\b|\bancestor|\bdescendant|\bparent|\bchild|\bbefore\b|\bafter\b",
    re.I,
)


def _check_edge_sense(q: Question, family: str, form: str) -> None:
    """A question must ask along what the notation's edges mean. Over dependencies ("depends on": a drawn arrow,
    data flow and build order point the other way) it must say which way it runs; over parent links, speak of
    parents, ancestry or reachability; over arrows one moves along, not of dependencies or hierarchy."""
    if family == "dep+":
        if _DEPENDENCY_SENSE.search(q.text) and not _DEPENDENCY_CONFUSED.search(q.text):
            return
        raise ParseError(
            f"the {form} graph's edges say 'depends on', and the question {clip(q.text)} does not say which way "
            f"it runs; ask e.g. 'Does X depend on Y (directly or indirectly)?' or 'Is Y a prerequisite of X?'"
        )
    if family == "parent" and not _PARENT_SENSE.search(q.text):
        raise ParseError(
            f"the {form} graph's edges go from a commit to its parents, and the question {clip(q.text)} does not "
            f"say it follows them; ask e.g. 'Following parent links from X, can you reach Y?'"
        )
    if family == "flow" and _RELATION_WORDS.search(q.text):
        raise ParseError(
            f"the {form} graph's arrows are moves (links, transitions), and the question {clip(q.text)} asks about "
            f"a relation they do not state; ask e.g. 'Can you get from X to Y by following the arrows?'"
        )


def _orient_families(facts: Facts, q: Question) -> None:
    """Relations stated in both wordings ("X manages Y", "Y reports to X") point one way: the way the question
    names. A question that names neither wording, over a text that uses both, is refused."""
    used: dict[str, set[str]] = {}
    for family in facts.families.values():
        used.setdefault(family[:-1], set()).add(family[-1])
    plain = re.sub(r"\([^()]*\)", " ", q.text)  # "(as a direct or indirect prerequisite)" is an aside
    asked = {(f, sign) for f, sign, rx in _QUESTION_FAMILY if rx.search(plain)}
    for family, signs in used.items():
        wanted = {sign for f, sign in asked if f == family}
        if len(wanted) > 1 or (not wanted and len(signs) > 1):
            raise ParseError(
                f"the text states the same relation in both wordings (e.g. 'manages' and 'reports to', or "
                f"'requires' and 'is a prerequisite for'), and the question {clip(q.text)} does not say which way "
                f"to follow; ask along one wording, e.g. 'Does X report (directly or indirectly) to Y?'"
            )
        if not wanted:
            continue
        sign = wanted.pop()
        facts.edges = [
            (b, a, k)
            if facts.families.get(i, "")[:-1] == family and facts.families[i][-1] != sign
            else (a, b, k)
            for i, (a, b, k) in enumerate(facts.edges)
        ]


def _named(n: str, names: dict[str, None], in_graph: dict[str, str]) -> bool:
    """Whether a question's end names a node (or a role to be filled)."""
    return n in _ROLES or n in names or key(n) in in_graph or n.isdigit()


def _implied_nodes(q: Question, names: dict[str, None], st: _State) -> list[str]:
    """Numbers the question names that no edge has, where the text defines a numbered notation ("(i,j) means that
    node i and node j are connected", NLGraph; "vertices, numbered 1..N"): isolated nodes of the numbering, not
    typos. Nothing when the text listed its nodes, or said nothing about its notation."""
    ends = [n for n in dict.fromkeys((q.source, q.target)) if n.isdigit() and n not in names]
    notation = st.facts.tuple_kind != "any" or st.numbered
    if not ends or st.declared or not notation or not names or not all(n.isdigit() for n in names):
        return []
    return ends


def _direction(
    edges: list[tuple[str, str, str]], facts: Facts, directed: bool | None
) -> tuple[bool, list[str]]:
    """(directed, assumptions): an explicit argument, then what the text says, then the edges' own wording."""
    kinds = {k for _, _, k in edges}
    if directed is not None:
        return directed, []
    if facts.directed is not None:
        return facts.directed, []
    if "one" in kinds:
        mixed = ["two-way edges taken in both directions"] if kinds & {"two", "any"} else []
        return True, mixed
    if kinds <= {"sym"}:
        return False, []
    return False, ["undirected: no direction was stated"]


def _build(
    edges: list[tuple[str, str, str]],
    nodes: list[str],
    directed: bool,
    question: Question | None,
    source: str | None,
    target: str | None,
    negated: bool,
    limits: Any,
) -> GraphProblem:
    if not edges and not nodes:  # listed nodes without edges are a graph: nothing is reachable
        raise ParseError(f"the text has a question but no edges; give the graph first, e.g. {EXAMPLE!r}")
    kinds = {k for _, _, k in edges}
    pairs: list[tuple[str, str]] = []
    for a, b, kind in edges:
        pairs.append((a, b))
        if directed and (kind == "sym" or (kind == "two" and "one" in kinds)):
            pairs.append((b, a))
    lim = _limits(limits)
    names = dict.fromkeys(nodes)
    for a, b in pairs:
        names[a] = names[b] = None
    longest = max(names, key=len, default="")
    lim.check("max_name_chars", len(longest), f"the length of node name {longest[:40]!r}...")
    seen: set[tuple[str, str]] = set()
    unique = []
    for a, b in pairs:
        if (a, b) in seen or (not directed and (b, a) in seen):
            continue
        seen.add((a, b))
        unique.append({"src": a, "dst": b})
    all_nodes = list(names)
    if question is not None:
        source = _resolve(question.source, all_nodes, "source", question.text)
        target = _resolve(question.target, all_nodes, "target", question.text)
        negated = question.negated
    else:
        assert source is not None and target is not None
        for role, n in (("source", source), ("target", target)):
            if n not in names:
                raise ParseError(f"the {role} {n!r} is not a node of the graph; nodes: {all_nodes[:20]}")
    lim.check("max_edges", len(unique), "the number of edges")
    lim.check("max_nodes", len(all_nodes), "the number of nodes")
    extra = [n for n in dict.fromkeys(nodes) if n]
    try:
        return GraphProblem.model_validate(
            {
                "edges": unique,
                "nodes": extra,
                "directed": directed,
                "source": source,
                "target": target,
                "negated": negated,
            }
        )
    except ValueError as exc:  # pydantic: a name too long, empty...
        raise ParseError(f"the graph is not valid: {str(exc).splitlines()[-1].strip()}") from None


def _path(problem: GraphProblem, a: str, b: str, ordered: bool) -> list[str] | None:
    """A path a -> b (or b -> a too when not `ordered`) in the problem's graph, or None."""
    names = set(problem.node_names())
    if a not in names or b not in names:
        return None
    for s, t in ((a, b), (b, a)) if not ordered else ((a, b),):
        path = shortest_path(problem.model_copy(update={"source": s, "target": t, "negated": False}))
        if path is not None:
            return path
    return None


def _has_edge(problem: GraphProblem, a: str, b: str, ordered: bool) -> bool:
    either = not ordered or not problem.directed
    return any((e.src, e.dst) == (a, b) or (either and (e.src, e.dst) == (b, a)) for e in problem.edges)


def _path_sources(problem: GraphProblem, facts: Facts, path: list[str]) -> str:
    said = [
        facts.edge_origin(x, y, not problem.directed) or facts.edge_origin(y, x, True)
        for x, y in zip(path, path[1:], strict=False)
    ]
    shown = "; ".join(dict.fromkeys(clip(s, 40) for s in said if s))
    return f"{' - '.join(path)}" + (f" (from {shown})" if shown else "")


def _check_claims(problem: GraphProblem, facts: Facts) -> None:
    """Refuse a text whose denied (or asserted) facts contradict its edges, quoting both parts."""
    touched = {x for e in problem.edges for x in (e.src, e.dst)}
    parts = {p for n in touched if "-" in n for p in n.split("-")}
    for c in facts.claims:
        a, b = c.a, c.b
        split = [n for n in (a, b) if n not in touched and n in parts]
        if split:  # "db-27 and cache-50 are not ..." read as 'db' - '27': a name cut at its hyphen
            raise ParseError(
                f"could not tell which nodes {clip(c.text)} names ({split[0]!r} is part of a hyphenated name of the "
                f"graph); write the names with spaces around an edge's dash, e.g. 'db-27 - cache-50'"
            )
        if c.kind == "isolated":
            touching = [e for e in problem.edges if c.a in (e.src, e.dst)]
            if touching:
                e = touching[0]
                raise ParseError(
                    f"contradiction: {clip(c.text)} but {clip(facts.edge_origin(e.src, e.dst, True) or f'{e.src}-{e.dst}')} "
                    f"gives {c.a!r} an edge; remove one of them"
                )
            continue
        if c.kind in ("edge", "connected") and _has_edge(problem, a, b, c.ordered):
            said = facts.edge_origin(a, b, not c.ordered or not problem.directed)
            raise ParseError(
                f"contradiction: {clip(c.text)} but {clip(said or f'{a}-{b}')} says there is an edge between {a!r} and "
                f"{b!r}; remove one of them"
            )
        if c.kind in ("path", "connected"):
            path = _path(problem, a, b, c.ordered and problem.directed)
            if path is not None and c.kind == "path":
                raise ParseError(
                    f"contradiction: {clip(c.text)} but the edges give the path {_path_sources(problem, facts, path)}; "
                    f"remove one of them"
                )
            if path is not None:
                raise ParseError(
                    f"{clip(c.text)} is ambiguous here: if it means no direct edge it holds, but if it means no path it "
                    f"contradicts the path {_path_sources(problem, facts, path)}; say 'there is no direct edge between "
                    f"{a} and {b}' or remove it"
                )


def _check_adjacency_direction(problem: GraphProblem, facts: Facts, q: Question, lim: Any) -> None:
    """An adjacency list that lists an edge at one end only, with no word on direction, may be a directed graph:
    answer only where the directed and undirected readings agree."""
    pairs = {(a, b) for a, b, _ in facts.edges}
    if all((b, a) in pairs for a, b in pairs):
        return  # every edge is listed at both ends: undirected either way
    as_directed = _build(facts.edges, facts.nodes, True, q, None, None, False, lim)
    if (shortest_path(as_directed) is None) == (shortest_path(problem) is None):
        return
    raise ParseError(
        f"the graph (an adjacency list, matrix or table of pairs) does not say whether its edges are one-way, and "
        f"the answer depends on it: "
        f"{problem.target!r} is reachable from {problem.source!r} only if edges go both ways; add 'directed' or "
        f"'undirected' (e.g. 'The graph is directed.')"
    )


def _check_loose_direction(
    problem: GraphProblem, facts: Facts, loose: set[int], q: Question, lim: Any
) -> None:
    """Edges one-way only by a noun that is often two-way ("srv-1 has a direct link to srv-2", among cables) decide
    nothing on their own: answer only where reading them two-way gives the same answer."""
    edges = [(a, b, "two" if i in loose else k) for i, (a, b, k) in enumerate(facts.edges)]
    as_two_way = _build(edges, facts.nodes, any(k == "one" for _, _, k in edges), q, None, None, False, lim)
    if (shortest_path(as_two_way) is None) == (shortest_path(problem) is None):
        return
    said = facts.origin(min(loose))
    raise ParseError(
        f"{clip(said)} may be one-way or two-way, no direction was stated, and the answer depends on it: "
        f"{problem.target!r} is reachable from {problem.source!r} only if such links go both ways; say which "
        f"(e.g. 'Every link is two-way.' or 'The graph is directed.')"
    )


def _check_edge_question(problem: GraphProblem, q: Question, facts: Facts) -> None:
    """A question that may ask about one edge ("Is there a road between A and B?") is answered only where that
    reading and reachability agree: a direct edge (yes, yes) or no path at all (no, no)."""
    if not q.edge_like or _has_edge(problem, problem.source, problem.target, True):
        return
    path = shortest_path(problem.model_copy(update={"negated": False}))
    if path is None:
        return
    raise ParseError(
        f"the question {clip(q.text)} may ask about a direct edge (there is none between {problem.source!r} and "
        f"{problem.target!r}) or about a route (there is one: {_path_sources(problem, facts, path)}); ask 'Is there "
        f"a path from {problem.source} to {problem.target}?' for a route"
    )


def _read_as(problem: GraphProblem, q: Question | None, notes: list[str], facts: Facts) -> str:
    kind = "directed" if problem.directed else "undirected"
    ask = "NOT reachable" if problem.negated else "reachable"
    line = (
        f"{kind} graph, {len(problem.node_names())} nodes, {len(problem.edges)} edges; "
        f"is {problem.target!r} {ask} from {problem.source!r}?"
    )
    if q is not None and q.wants_path:
        line += " (asks for a path: the witness path answers it)"
    if facts.claims:
        line += f"; {len(facts.claims)} denied fact{'s' if len(facts.claims) > 1 else ''} checked"
    if notes:
        line += "; " + "; ".join(notes)
    return line


# ---------------------------------------------------------------------------------------------------------
# public API


def _no_question(text: str) -> ParseError:
    examples = "; ".join(QUESTION_EXAMPLES)
    return ParseError(
        f"no reachability question found in {clip(text)}; end the text with one, e.g. {EXAMPLE!r} "
        f"(accepted questions: {examples})"
    )


def _read(text: str, question: str | None, directed: bool | None, limits: Any) -> Reading:
    if not isinstance(text, str):
        raise ParseError(
            f"expected text, got {type(text).__name__}; for Python graphs use problem_from_graph()"
        )
    lim = _limits(limits)
    if lim is not None:
        lim.check_text(text)
        if question is not None:
            lim.check_text(question, "the question's length in characters")
    text = clean_text(text)
    if not text.strip():
        raise ParseError(f"empty input; expected edges and a question, e.g. {EXAMPLE!r}")
    if question is None and directed is None:
        fast = read_compact(text, lim)  # "A-B, B-C. Is A connected to C?": the same Reading, sooner
        if fast is not None:
            return fast
    q_sep = None
    if question is not None:
        q_sep = match_question(clean_text(question))
        if q_sep is None:
            examples = "; ".join(QUESTION_EXAMPLES)
            raise ParseError(f"could not understand the question {clip(question)}; ask one of: {examples}")
    found = find_code(text) or find_structured(text)
    if found is not None:
        raw, rest = found
        return _from_raw(raw, rest, q_sep, directed, lim)
    st = _State(Facts(hyphen_names=_hyphen_names(text), heads=_heads(text)), want_question=q_sep is None)
    sql = sql_inserts(text)
    if sql is not None:  # INSERT INTO edges (src, dst) VALUES ...;
        edges, statements, text = sql
        st.facts.begin(statements[0])
        st.facts.edges.extend(edges)
        st.notes.append(f"{len(statements)} SQL INSERT statement{'s' if len(statements) > 1 else ''}")
    _read_segments(text, st)
    return _finish(st, q_sep, directed, lim, text)


def _finish(st: _State, q_sep: Question | None, directed: bool | None, lim: Any, text: str) -> Reading:
    facts = st.facts
    _unify_articles(facts)
    names = dict.fromkeys([*facts.nodes, *(x for a, b, _ in facts.edges for x in (a, b))])
    asked = [*st.questions, *([q_sep] if q_sep is not None else [])]
    resolved = not (st.unread_questions or st.residue) and all(
        n in names for q_ in asked for n in (q_.source, q_.target)
    )
    in_graph = (
        {} if resolved else {key(n): n for n in reversed(names)} | {n.casefold(): n for n in reversed(names)}
    )
    if st.unread_questions or st.residue:  # judged against every name the text uses
        known = dict(in_graph)
        for q in st.questions:
            for n in (q.source, q.target):
                if n not in _ROLES:
                    known.setdefault(n.casefold(), n)
        _settle_unread(st, known, in_graph)
    q = q_sep or _one_question(st)
    if q is not None and not all(_named(n, names, in_graph) for n in (q.source, q.target)):
        again = match_question(q.text, in_graph)  # with the graph's names: "Silver Bay along these routes"
        if again is not None and all(_named(n, names, in_graph) for n in (again.source, again.target)):
            q = again
    if q is not None:
        for ctx in q.context:  # "following the arrows", "in this directed graph"
            if lex.DIRECTED_WORDS.search(ctx) or lex.UNDIRECTED_WORDS.search(ctx):
                note_direction(ctx, facts, "the question")
    if q is None:
        raise (
            _no_question(text)
            if facts.edges
            else ParseError(f"could not find edges or a question in {clip(text)}; e.g. {EXAMPLE!r}")
        )
    if st.edge_sense is not None and q.text != st.raw_question:
        _check_edge_sense(q, *st.edge_sense)
    if _BUILD_ORDER.search(q.text) and not any(f.startswith("dep") for f in facts.families.values()):
        raise ParseError(
            f"the question {clip(q.text)} asks about build or update order, but the graph's edges do not say "
            f"'depends on' (an arrow may point either way in a build order); state the edges as 'X depends on Y' "
            f"or ask 'Can you get from X to Y?'"
        )
    loose = {i for i, (_, _, k) in enumerate(facts.edges) if k == "one~"}
    facts.edges = [(a, b, "one" if k == "one~" else k) for a, b, k in facts.edges]
    if facts.families:
        _orient_families(facts, q)
    is_directed, assumptions = _direction(facts.edges, facts, directed)
    for n in _implied_nodes(q, names, st):
        facts.nodes.append(n)
        assumptions.append(f"node {n} appears in no edge: taken as an isolated node (the nodes are numbered)")
    problem = _build(facts.edges, facts.nodes, is_directed, q, None, None, False, lim)
    if assumptions and not is_directed and any(k == "adj" for _, _, k in facts.edges):
        _check_adjacency_direction(problem, facts, q, lim)
    if loose and is_directed and directed is None and facts.directed is None:
        _check_loose_direction(problem, facts, loose, q, lim)
    _check_claims(problem, facts)
    _check_edge_question(problem, q, facts)
    notes = list(st.notes)
    if facts.direction_why and directed is None:
        notes.insert(
            0, f"{'directed' if is_directed else 'undirected'} as stated ({clip(facts.direction_why, 50)})"
        )
    return Reading(
        problem=problem,
        read_as=_read_as(problem, q, notes, facts),
        skipped=list(dict.fromkeys(facts.skipped)),
        assumptions=assumptions,
    )


def _from_raw(raw: RawGraph, rest: str, q: Question | None, directed: bool | None, lim: Any) -> Reading:
    """A structured graph plus the text around it (which may hold the question, a direction statement and framing):
    read like text whose facts are the structured edges."""
    st = _State(Facts(), want_question=q is None)
    for t in (raw.question, rest):
        if t and t.strip():
            _read_segments(t, st)
            if st.facts.edges or st.facts.nodes or st.facts.claims:
                raise ParseError(
                    f"text next to the {raw.form} graph holds more edges ({clip(t)}); put every edge in the "
                    f"structured graph and only the question outside it"
                )
    kind = (
        ("adj" if raw.form.endswith(("adjacency", "adjacency matrix")) else "any")
        if raw.directed is None
        else "one"
        if raw.directed
        else "two"
    )
    st.facts.edges = (
        [(a, b, kind) for a, b in raw.edges]
        if raw.edge_kinds is None
        else [(a, b, k) for (a, b), k in zip(raw.edges, raw.edge_kinds, strict=True)]
    )
    st.facts.nodes = list(raw.nodes)
    if st.facts.directed is None and raw.directed is not None:
        st.facts.directed, st.facts.direction_why = raw.directed, f"the {raw.form} graph"
    st.notes.append(f"{'an' if raw.form[:1].lower() in 'aeiou' else 'a'} {raw.form} graph")
    if raw.family == "dep+":
        st.facts.families.update(dict.fromkeys(range(len(st.facts.edges)), raw.family))
    st.edge_sense = (raw.family, raw.form) if raw.family else None
    if q is None and not st.questions and not st.unread_questions and raw.source is not None:
        assert raw.target is not None
        q = Question(raw.source, raw.target, raw.negated, f"the {raw.form} question fields")
        st.raw_question = q.text  # asked in the notation's own terms (MATCH, has_path, source/target)
    if q is None and not st.questions and not st.unread_questions:
        raise _no_question(rest or raw.form)
    return _finish(st, q, directed, lim, rest or raw.form)


def read_graph(text: str, limits: Any = None) -> Reading:
    """Text -> Reading: the problem, what was understood (read_as), framing skipped (verbatim) and assumptions."""
    return _read(text, None, None, limits)


def parse_graph(
    text: str, question: str | None = None, *, directed: bool | None = None, limits: Any = None
) -> GraphProblem:
    """Parse a graph plus a reachability question into a GraphProblem, or raise ParseError saying what failed.

    `question` may be given separately (then `text` is only the graph); `directed` overrides the wording."""
    return _read(text, question, directed, limits).problem


def problem_from_graph(
    graph: Any,
    source: Any,
    target: Any,
    *,
    negated: bool = False,
    directed: bool | None = None,
    limits: Any = None,
) -> GraphProblem:
    """A Python graph -> GraphProblem: a networkx (Di)Graph, an edge list [(u, v), ...], an adjacency dict
    {u: [v, ...]}, or node-link data. Node names are turned into strings; `directed` defaults to the graph's own
    (networkx) or False."""
    nodes: list[str] = []
    if hasattr(graph, "edges") and hasattr(graph, "is_directed") and callable(graph.is_directed):
        raw = RawGraph(edges=[(str(a), str(b)) for a, b in graph.edges()], directed=bool(graph.is_directed()))
        nodes = [str(n) for n in graph.nodes()]
    else:
        raw = graph_from_object(graph, "python")
        nodes = raw.nodes
    if directed is None:
        directed = bool(raw.directed)
    edges = [(a, b, "one" if directed else "two") for a, b in raw.edges]
    if not edges:
        raise ParseError("the graph has no edges; give at least one edge, e.g. [('A', 'B'), ('B', 'C')]")
    return _build(edges, nodes, directed, None, str(source), str(target), negated, limits)


_DETECT_WORDS = re.compile(
    r"\b(?:connected|connects?|(?:un)?reachable|reach|path|route|road|links? to|leads? to|points? to|get from|"
    r"edges?|nodes?|graph|follows|friends|neighbou?rs|adjacent)\b"
)
_DETECT_STRONG = re.compile(r"(?:^|\s)(?:strict\s+)?(?:di)?graph\s*\w*\s*\{|\"(?:edges|links)\"\s*:")
_DETECT_OPS = re.compile(r"\w[ \t]*(?:->|<->|--|\u2192)[ \t]*\w|\([ \t]*\w+[ \t]*,[ \t]*\w+[ \t]*\)")
_DETECT_DASH_LIST = re.compile(r"(?<![\w-])\w+ ?- ?\w+(?:[ \t]*[,;\n][ \t]*\w+ ?- ?\w+)+")
_DETECT_DASH = re.compile(r"(?<![\w-])\w+ ?- ?\w+(?![\w-])")
_DETECT_ADJ_LINE = re.compile(r"(?m)^[ \t]*\w[\w ]{0,40}:[ \t]*\w+(?:(?:[ \t]*,[ \t]*|[ \t]+)\w+)*[ \t]*$")
_DETECT_PAIR_LINE = re.compile(r"(?m)^[ \t]*\w+[ \t]+\w+[ \t]*$")


def looks_like_graph(text: str) -> float:
    """How strongly `text` reads as a graph problem, 0..1 (used by detect.py to route).

    Looks at the first 10,000 characters only, with regexes that stay linear on any input."""
    head = text[:10_000]
    low = head.lower()
    score = 0.0
    if _DETECT_STRONG.search(low):
        score = 1.0
    if looks_like_code(head):  # Terraform, Makefile, Mermaid, Cypher, networkx, spreadsheet formulas...
        score = max(score, 0.8)
    if _DETECT_OPS.search(head):
        score = max(score, 0.8)
    if _DETECT_DASH_LIST.search(head):  # A-B, B-C
        score = max(score, 0.7)
    if _DETECT_WORDS.search(low):
        score = max(score, 0.6)
    if len(_DETECT_ADJ_LINE.findall(head)) >= 2 or len(_DETECT_PAIR_LINE.findall(head)) >= 2:  # A: B, C / 0 1
        score = max(score, 0.5)
    if "?" in head and (_DETECT_DASH.search(head) or _DETECT_ADJ_LINE.search(head)):  # A-B. Is ...?
        score = max(score, 0.4)
    return score
