"""Facts in graph text: node names, edge notations, relation sentences and negated statements.

A fact segment yields edges (`Facts.edges`, each with the kind its wording gives: one / two / sym / any / rev, see
lexicon_graph.OPERATORS) and claims that are not edges (`Facts.claims`): "there is no road between A and B" (no
such edge), "B is unreachable from A" (no such path), "A is not connected to B" (no edge, and maybe no path),
"E is isolated". Claims are checked against the graph once it is complete (graph.py), so a negation is never
dropped and a contradiction is refused with both parts quoted.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from drt_agent.errors import ParseError

from . import lexicon_graph as lex
from .graph_structured import clip
from .lexicon_graph import lazy

EXAMPLE = "A-B, B-C, C-F. Is A connected to F?"

# -- names -----------------------------------------------------------------------------------------------------
_NAME_BAD = re.compile(r"[{}\[\]()<>=;:?!|\\\"`*]|->|<-|--")
_WORD_CHAR = re.compile(r"\w")


def _name_uncached(raw: str, loose: bool) -> str | None:
    name = raw.strip().strip(".,").strip()
    quoted = len(name) >= 2 and name[0] == name[-1] and name[0] in "'\""
    if quoted:
        name = name[1:-1].strip()
    name = lex.NAME_PREFIX.sub("", name)
    name = " ".join(name.split())
    if not name or _NAME_BAD.search(name) or not _WORD_CHAR.search(name):
        return None
    words = name.split(" ")
    if len(words) > 5:
        return None
    # grammar words are names only in capitals ("DO", "IS") or where a notation says so
    strict = not (loose or quoted)
    if strict and any(w.lower() in lex.NAME_STOP and not (len(w) > 1 and w.isupper()) for w in words):
        return None
    return name


_name_cached = functools.lru_cache(maxsize=1 << 16)(_name_uncached)  # big graphs repeat their names


def name(raw: str, loose: bool = False) -> str | None:
    """A node name from a fragment, or None if the fragment is not one (sentence words, brackets...).

    `loose`: the fragment stands where a notation puts a name (`DO-IS`, `(no, if)`), so grammar words count."""
    return _name_cached(raw, loose) if len(raw) <= 200 else _name_uncached(raw, loose)


def name_or_error(fragment: str, where_: str, what: str, loose: bool = False) -> str:
    found = name(fragment, loose)
    if found is None:
        raise ParseError(
            f"{where_}: could not read {clip(fragment)} as {what}; node names are words or numbers "
            f"(up to 5 words, no brackets), e.g. {EXAMPLE!r}"
        )
    return found


def key(name_: str) -> str:
    """The name without case and a leading 'the' / 'node' / 'city'...: how a question may refer to it."""
    k = name_.casefold().strip()
    while True:
        new = lex.KEY_PREFIX.sub("", k)
        if new == k:
            return k
        k = new


# -- what a text states -------------------------------------------------------------------------------------------
@dataclass(slots=True)
class Claim:
    """A statement that is not an edge, checked against the finished graph.

    kind: edge (no such edge), path (no such path, or: there is one), connected (no edge; "not connected" may also
    mean no path), isolated (no edge at `a`). ordered: about a -> b only. holds: False when the text denies it."""

    a: str
    b: str
    kind: str
    ordered: bool
    holds: bool
    text: str


@dataclass
class Facts:
    """Everything the fact segments stated, with where each edge came from (for contradiction messages)."""

    edges: list[tuple[str, str, str]] = field(default_factory=list)
    nodes: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    directed: bool | None = None
    direction_why: str = ""
    tuple_kind: str = "any"  # what `(i, j)` means: any / two / one, from an instruction
    hyphen_names: frozenset[str] = frozenset()  # names with '-' used elsewhere: `srv-01-srv-02` is ambiguous
    heads: frozenset[str] = frozenset()  # keys of the names that start adjacency lines ("Santa Fe: ...")
    adj_kind: str = "any"  # what `A: B, C` lines are: "any" (follows the text), or "one" under a legend ("its dependencies")
    adj_family: str = ""
    sentential: bool = False  # a clause (not only a notation) was read
    families: dict[int, str] = field(
        default_factory=dict
    )  # edge index -> relation family ("dep+", "report-")
    skipped: list[str] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _texts: list[str] = field(default_factory=list)

    def begin(self, text: str) -> None:
        """Edges added from now on come from `text`."""
        self._starts.append(len(self.edges))
        self._texts.append(text)

    def origin(self, i: int) -> str:
        j = bisect.bisect_right(self._starts, i) - 1
        return self._texts[j] if j >= 0 else ""

    def edge_origin(self, a: str, b: str, either_way: bool) -> str:
        for i, (x, y, _) in enumerate(self.edges):
            if (x, y) == (a, b) or (either_way and (x, y) == (b, a)):
                return self.origin(i)
        return ""


_SAFE_NEGATIONS = lazy(
    r"\bnot directed\b|\bno direction\b|\bnot undirected\b|\bwithout (?:breaking|violating|disobeying|ignoring) "
    r"(?:any|the|a)\b",
    re.I,
)


def note_direction(text: str, out: Facts, where_: str) -> bool:
    """Record a direction the text states ("directed", "one-way", "undirected"); True if it stated one."""
    d = False if lex.UNDIRECTED_WORDS.search(text) else True if lex.DIRECTED_WORDS.search(text) else None
    if d is None:
        return False
    for part in re.split(r"[;,()]|\bbut\b", text):  # "links are up (they carry traffic both ways; ...)"
        said = lex.DIRECTED_WORDS.search(part) or lex.UNDIRECTED_WORDS.search(part)
        denied = lex.NEGATION.search(_SAFE_NEGATIONS.sub("", part))
        if said and denied:
            raise ParseError(
                f"{where_}: could not tell which direction {clip(text)} states; say 'the graph is directed' or "
                f"'the graph is undirected'"
            )
    if out.directed is not None and out.directed != d:
        raise ParseError(
            f"{where_}: the text says the graph is both directed ({clip(out.direction_why)}) and "
            f"undirected ({clip(text)}); say it once"
            if out.directed
            else f"{where_}: the text says the graph is both undirected ({clip(out.direction_why)}) and "
            f"directed ({clip(text)}); say it once"
        )
    out.directed, out.direction_why = d, text
    return True


# -- notations -----------------------------------------------------------------------------------------------------
_TUPLE = lazy(r"\(\s*([^(),\s][^(),]*?)\s*,\s*([^(),\s][^(),]*?)\s*\)")
_TUPLE_OP = {"any": "<~>", "two": "--", "one": "->", "sym": "<->"}
PAIR_LINE = re.compile(r"^(?P<a>\w[\w.-]*)\s+(?P<b>\w[\w.-]*)(?:\s+-?[\d.]+(?:e-?\d+)?)?$")
# "and" in lower case (or "And"): an all-capitals AND in a mixed-case text is a node name
_SEP = re.compile(r"\s*,\s*(?:[Aa]nd\s+|&\s+)?|\s+[Aa]nd\s+|\s+&\s+|\s+as well as\s+")
_SPACED_DASH = re.compile(r"\s+(-)\s+")
_MERGE = lazy(
    rf"(?:\bbetween|\bconnecting|\bjoining|\b(?:{lex.NOUNS})s? (?:connects|joins|links))\s+(?!to\b|with\b)\S[^,]*$",
    re.I,
)


def tuples_to_ops(s: str, kind: str) -> str:
    """`(a, b)` pairs -> `a <op> b` pieces separated by commas, the operator saying what a pair means."""
    if "(" not in s:
        return s
    op = _TUPLE_OP[kind]
    return _TUPLE.sub(lambda m: f", {m.group(1)} {op} {m.group(2)}, ", s).strip(" ,")


_SPACED_EDGES = re.compile(r"^\s*\w[\w.]*(?:->|-|=>)\w[\w.]*(?:\s+\w[\w.]*(?:->|-|=>)\w[\w.]*)+\s*$")


_VERBISH = lazy(
    r"\b(?:runs|goes|connects|leads|links|has|have|had|was|were|is|are|be|been|flies|departs|serves|stops|calls|"
    r"joins|means|contains)\b",
    re.I,
)


# an arrow that carries a label (an event, a relation type): `A --resume--> B`, `A -[:NEXT]-> B`, `A -->|ok| B`,
# `A ==go==> B`; the label names the edge, not a node. Only the tight forms: `A -- B --> C` stays a chain.
_LABELLED_ARROW = lazy(
    r"(?<!\S)(?:(?P<d>--?|==?)(?:\[[^\[\]<>]*\]|\|[^|<>]*\||[A-Za-z_](?:[\w.:/ -]*?[\w.:/)])?)(?P=d)(?P<head>>)"
    r"|(?P<tail><)(?P<e>--?|==?)(?:\[[^\[\]<>]*\]|\|[^|<>]*\||[A-Za-z_](?:[\w.:/ -]*?[\w.:/)])?)(?P=e)"
    r"|(?P<m>-->|==>)\|[^|<>]*\|)(?!\S)"
)


_ARROW_VERB = lazy(
    r"(?P<op>->|=>)\s*(?:forwards?|forwarded|redirects?|relays?|sends?|routes?|goes|go|leads?|points?|"
    r"transitions?|maps?|links?|delivers?)(?: (?:on|onward|onwards))? to\s+",
    re.I,
)


def _unlabel(m: re.Match[str]) -> str:
    if m.group("m"):
        return m.group("m")
    if m.group("head"):
        return "=>" if m.group("d")[0] == "=" else "->"
    return "<-"


def op_edges(piece: str, where_: str, out: Facts) -> list[tuple[str, str, str]] | None:
    """`A-B`, `A -> B -> C`, `A <-> B`, `New York - Boston`: edges along the chain, or None if no operator."""
    if ("-" in piece or "=" in piece) and (">" in piece or "<" in piece):
        piece = _LABELLED_ARROW.sub(_unlabel, piece)
        if ">" in piece:  # `a -> forward to b`: the arrow's own verb, not part of the name
            piece = _ARROW_VERB.sub(r"\g<op> ", piece)
    if " " not in piece:  # one token: "A-B", "A->B", or no notation at all
        if "-" not in piece and ">" not in piece and "<" not in piece:
            return None
        if "-" in piece and not _STRONG_CHARS.search(piece):
            return _dash_token(piece, where_, out)
    elif _SPACED_EDGES.match(piece):  # "P-R  T-W  Y-K"
        return [e for token in piece.split() for e in (op_edges(token, where_, out) or [])]
    if lex.STRONG_OP.search(piece):
        parts = lex.STRONG_OP.split(piece)
    elif _SPACED_DASH.search(piece):
        parts = _SPACED_DASH.split(piece)
    elif "-" in piece and " " not in piece.strip():
        return _dash_token(piece, where_, out)
    else:
        return None
    return _chain(parts, where_)


_STRONG_CHARS = re.compile(r"--|[<>=~]")


def _dash_token(piece: str, where_: str, out: Facts) -> list[tuple[str, str, str]] | None:
    """`A-B-C` written as one token; a hyphenated name (`srv-01`) the text uses elsewhere is not an edge."""
    token = piece.strip().strip(".")
    if token.startswith("-") or token in out.hyphen_names:
        return None
    parts = token.split("-")
    if len(parts) == 2:  # the common case, "A-B", without the chain machinery
        a, b = name(parts[0], loose=True), name(parts[1], loose=True)
        if a is not None and b is not None:
            return [(a, b, "two")]
    if len(parts) > 2 and out.hyphen_names:
        joined = {f"{a}-{b}" for a, b in zip(parts, parts[1:], strict=False)} & out.hyphen_names
        if joined:
            raise ParseError(
                f"{where_}: {clip(token)} could be read several ways (the text also uses {sorted(joined)[0]!r} as "
                f"one name); put spaces around the dash of an edge, e.g. 'srv-01 - srv-02', or use '->'"
            )
    return _chain([x for p in parts for x in (p, "-")][:-1], where_)


def _chain(parts: list[str], where_: str) -> list[tuple[str, str, str]] | None:
    """Names and operators alternating -> the edges along the chain."""
    names, ops = parts[0::2], parts[1::2]
    if len(names) < 2:
        return None
    # one token may be any word ("DO-IS"); a name of several words must read as a name ("the line runs X" does not)
    nodes = [name_or_error(n, where_, "a node name", loose=" " not in n.strip()) for n in names]
    for n in nodes:
        if " " in n and _VERBISH.search(n):
            raise ParseError(
                f"{where_}: {clip(n)} reads as a phrase, not a node name; write edges like 'A - B'"
            )
    for k in range(len(ops) - 1):
        if ops[k] in ("--", "==", "-") and ops[k + 1] in ("-->", "->", "==>", "=>"):
            raise ParseError(
                f"{where_}: {clip(' '.join(parts))} could be an arrow labelled {nodes[k + 1]!r} (Mermaid's "
                f"'A -- label --> B') or a chain through a node {nodes[k + 1]!r}; write 'A --label--> B' or "
                f"'A - x, x -> B'"
            )
    edges = []
    for a, op, b in zip(nodes, ops, nodes[1:], strict=False):
        kind = lex.OPERATORS[op]
        edges.append((b, a, "one") if kind == "rev" else (a, b, kind))
    return edges


# -- sentences -----------------------------------------------------------------------------------------------------
_ADJ = r"(?P<adj>one-way|one way|two-way|two way|directed|undirected|bidirectional|direct|single|new)"
_NOUN = rf"(?P<noun>{lex.NOUNS})"
_THERE = r"(?:there (?:is|are|exists?|was|were)\s+)?(?:also\s+)?(?:(?:a|an|one|some|another|\d+)\s+)?"
_RELATIONS_RE = [(lazy(rf"^(?P<s>.+?)\s+(?:{v})\s+(?P<o>.+)$", re.I), k, f) for v, k, f in lex.RELATIONS]
_FRAMES_RE = [
    (
        lazy("^" + fr.format(a=r"(?P<a>.+?)", b=r"(?P<b>.+?)", noun=rf"(?P<noun>{lex.NOUNS})") + "$", re.I),
        k,
        f,
    )
    for fr, k, f in lex.FRAMES
]
_NAMEISH = lazy(r"\b(?:[A-Z][\w-]*|\w*\d\w*)\b")  # a word that could be a node's name
_PLURAL_RE = lazy(rf"^(?P<s>.+?)\s+(?:{lex.PLURAL_RELATIONS})$", re.I)
_THERE_FROM = lazy(
    rf"^{_THERE}(?:{_ADJ}\s+)?{_NOUN}s?\s+(?:(?:that\s+)?(?:goes|going|leading|leads|runs|running|pointing|points|"
    rf"directly|straight)\s+)?(?:(?:straight|directly)\s+)?from\s+(?P<a>.+?)\s+(?:to|into|towards)\s+(?P<b>.+)$",
    re.I,
)
_THERE_BETWEEN = lazy(
    rf"^{_THERE}(?:{_ADJ}\s+)?{_NOUN}s?\s+(?:(?:that\s+)?(?:running|runs|directly)\s+)?"
    rf"(?:between|connecting|joining|linking)\s+(?P<a>.+?)\s+(?:and|with|to)\s+(?P<b>.+)$",
    re.I,
)
_PLURAL_VERB = lazy(rf"^.+?\s+(?:{lex.PLURAL_VERB})\b", re.I)
_FROM_TO = lazy(r"^(?:also\s+)?from\s+(?P<a>.+?)\s+(?:to|into|towards)\s+(?P<b>.+)$", re.I)
_X_TO_Y = lazy(r"^(?P<a>[^\s].*?)\s+to\s+(?P<b>.+)$", re.I)
_NOUN_VERB = lazy(
    rf"^(?:(?:a|an|the|one)\s+)?(?:{_ADJ}\s+)?(?:[A-Z][\w-]*\s+){{0,2}}{_NOUN}\s+(?P<verb>connects|joins|links|"
    rf"goes from|runs from|"
    rf"leads from|points from)\s+(?P<a>.+?)\s+(?:and|to|with)\s+(?P<b>.+)$",
    re.I,
)
Clause = tuple[str, list[str], list[str], str, str]  # shape (svo / plural), subjects, objects, kind, family


def _kind_of_noun(adj: str | None, noun: str, from_to: bool) -> str:
    adj = (adj or "").lower().replace(" ", "-")
    if adj in ("one-way", "directed"):
        return "one"
    if adj in ("two-way", "undirected", "bidirectional"):
        return "sym"
    if not from_to:
        return "sym"
    return _noun_kind(noun)


def _noun_kind(noun: str) -> str:
    """'one' for a one-way noun, 'one~' where the noun is often two-way too (settled in graph.py), else 'two'."""
    noun = noun.lower()
    return ("one~" if noun in lex.LOOSE_ONE_WAY_NOUNS else "one") if noun in lex.ONE_WAY_NOUNS else "two"


def _object(raw: str) -> str | None:
    """An object's name, without a modifier that names nothing ("Omar from school", "Junction 1 through a one-way
    check valve", "LAS nonstop"); None if it is not a name."""
    raw = _ADVERB_TAIL.sub("", raw)
    found = name(raw)
    if found is not None or " " not in raw:
        return found
    m = lex.OBJECT_TAIL.search(raw)
    if m and m.start() > 0 and not _NAMEISH.search(m.group("tail")):
        return name(raw[: m.start()])
    return None


_ADVERB_TAIL = lazy(
    r"\s+(?-i:nonstop|non-stop|daily|weekly|hourly|directly|twice daily|every day|each day|too|as well|again|only)$"
)


def _frame_kind(kind: str, m: re.Match[str]) -> str | None:
    """The kind a frame gives, where it depends on its noun and words ("a one-way portal", "a two-way road")."""
    if kind not in ("noun-from", "noun-between"):
        return kind
    said = m.string[: m.start("a")] + " " + m.string[m.end("a") : m.start("b")] + " " + m.string[m.end("b") :]
    if lex.BOTH_WAYS.search(said):
        return "sym"
    if lex.ONE_WAY.search(said):
        return "one" if kind == "noun-from" else None  # "A and B are joined by a one-way road": which way?
    if kind == "noun-between":
        return "sym"
    return _noun_kind(m.group("noun"))


# one scan says whether any frame or relation verb can match: most clauses then try a handful of patterns
_FRAME_WORD = lazy(
    r"\b(?:between|from|has|have|joined|connected|linked|departs?|leaves?|leave|fl(?:y|ies)|flights|operates?|runs?|"
    r"goes|go|one-way|traffic|carries|flows?|runs|must|need|have to|should|manager|boss|supervisor|superior|"
    r"stepping|entering|using|taking|going|touching|passing|service|shuttle|trains?|bus(?:es)?|ferr(?:y|ies)|leads?|"
    r"takes|sends|brings|opens)\b|'s\b",
    re.I,
)
_RELATION_WORD = lazy(r"\s(?:" + "|".join(v for v, _, _ in lex.RELATIONS) + r")\s", re.I)


def clause(piece: str) -> Clause | None:
    """A sentence clause -> (shape, subjects, objects, kind, family); None if it is not one."""
    for rx, from_to in ((_THERE_FROM, True), (_THERE_BETWEEN, False), (_NOUN_VERB, None)):
        m = rx.match(piece)
        if m:
            ft = from_to if from_to is not None else "from" in m.group("verb").lower()
            a, b = name(m.group("a")), _object(m.group("b"))
            if a and b:
                return "svo", [a], [b], _kind_of_noun(m.group("adj"), m.group("noun"), ft), ""
    for rx, kind, family in _FRAMES_RE if _FRAME_WORD.search(piece) else ():
        m = rx.match(piece)
        if m:
            a, b = name(m.group("a")), _object(m.group("b"))
            k = _frame_kind(kind, m)
            if a and b and k:
                return "svo", [a], [b], k, family
    m = _PLURAL_RE.match(piece)
    if m:
        subj = name(m.group("s"))
        if subj:
            return "plural", [subj], [], "sym", ""
    for rx, kind, family in _RELATIONS_RE if _RELATION_WORD.search(piece) else ():
        m = rx.match(piece)
        if m:
            subj, obj = name(m.group("s")), _object(m.group("o"))
            if subj and obj:
                return "svo", [subj], [obj], kind, family
    return None


def _emit(c: Clause, out: Facts) -> None:
    shape, subj, obj, kind, family = c
    start = len(out.edges)
    if shape == "plural":
        for i, a in enumerate(subj):
            for b in subj[i + 1 :]:
                out.edges.append((a, b, kind))
    else:
        for a in subj:
            for b in obj:
                out.edges.append((b, a, "one") if kind == "rev" else (a, b, kind))
    if family:
        out.families.update(dict.fromkeys(range(start, len(out.edges)), family))


_REPEATED_PREP = lazy(r"^(?:to|with|into|onto)\s+(?P<rest>.+)$", re.I)
_LINE_RUNS = lazy(
    r"^(?:the )?[\w-]+(?: [\w-]+)? (?:line|route|service|shuttle|train|bus|path|trail|loop|tram)s? (?:runs|goes|stops at|"
    r"serves|visits|connects|calls at)(?: through| via| along)?\s+(?P<chain>.+)$",
    re.I,
)


def _joined_frames(pieces: list[str]) -> list[str]:
    """Pieces re-joined where a comma or 'and' sits inside one clause ("King Street is one-way, leading from A to
    B", "Union City and Yorktown are joined by a two-way road"). Only sentences with words are tried."""
    if len(pieces) < 2 or not any(p.count(" ") >= 2 for p in pieces):
        return pieces
    out: list[str] = []
    i = 0
    while i < len(pieces):
        p = pieces[i]
        nxt = pieces[i + 1] if i + 1 < len(pieces) else ""
        p_name = name(p) if nxt else None
        fails = nxt and not lex.STRONG_OP.search(p) and clause(p) is None
        if fails and (p_name is None or (" " in nxt.strip() and clause(nxt) is None)):
            joined = next((j for j in (f"{p}, {nxt}", f"{p} and {nxt}") if clause(j)), None)
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(p)
        i += 1
    return out


def _merged_pieces(s: str) -> list[str]:
    """Pieces of a sentence split at commas and 'and', re-joined where 'and' belongs to 'between X and Y'."""
    merged: list[str] = []
    joined = False  # the last piece already took its "and"
    for p in _SEP.split(s):
        if not p.strip():
            continue
        if merged and not joined and " " in merged[-1] and _MERGE.search(merged[-1]):
            merged[-1] = f"{merged[-1]} and {p}"
            joined = True
        else:
            merged.append(p)
            joined = False
    return merged


_GRAPH_WORD_RE = re.compile(rf"\b{lex.GRAPH_WORD}|\bG\b", re.I)  # scaffolding names the graph
_OPENER_WORD = re.compile(r"[A-Za-z]+[ ,:]")  # an opener starts with a plain word: "In this graph, ..."
# an opener never holds an edge notation, and does not shout: "ON -> AT, ..." starts with node ON
_NOT_AN_OPENER = lazy(r"->|<-|--|\s-\s|[()=<>]|^[A-Z]{2,}\b")


def strip_scaffolding(s: str, out: Facts, where_: str) -> str | None:
    """The sentence without its openers ("In this graph, ", "The edges are: "); None if it is only scaffolding
    ("Consider the following directed graph"), whose direction is noted."""
    if len(s) < 300 and _GRAPH_WORD_RE.search(s):  # scaffolding is a short sentence
        for rx in lex.META:
            if rx.match(s):
                if not note_direction(s, out, where_):
                    out.skipped.append(s)
                return None
    while _OPENER_WORD.match(s):
        m = lex.INTRO.match(s)
        if not m or m.end() == 0 or _NOT_AN_OPENER.search(m.group()):
            return s
        note_direction(m.group(), out, where_)
        s = s[m.end() :].strip()
        if not s:
            return None
    return s


_BOTH_WAYS_MID = re.compile(
    r"\s+(?:in both directions|in either direction|both ways)(?=\s+(?:between|from|connecting)\b)", re.I
)


def _edge_tail(s: str) -> tuple[str, str | None]:
    """The sentence without a trailing "(and back)", ", usable in both directions", ", but not the other way",
    and the kind it gives its edges (sym / one); (s, None) when there is none."""
    mid = _BOTH_WAYS_MID.search(s[:2000])
    if mid:  # "There are direct flights in both directions between X and Y"
        return " ".join((s[: mid.start()] + " " + s[mid.end() :]).split()), "sym"
    offset = max(0, len(s) - 400)  # a tail is at the end: look there only
    m = lex.EDGE_TAIL.search(s, offset)
    if not m:
        return s, None
    tail = m.group("paren") or m.group("comma") or ""
    if lex.BOTH_WAYS.search(tail):
        return s[: m.start()].strip(), "sym"
    if lex.ONE_WAY.search(tail):
        return s[: m.start()].strip(), "one"
    return s, None


_HAS_LOWER = re.compile(r"[a-z]")


def read_sentence(sentence: str, out: Facts, where_: str, under: str | None = None) -> None:
    """Edges and claims from one fact sentence. A sentence with a negation word is read as a negated statement
    unless every part of it is a notation (then the word is a name: `NO-NOT`)."""
    s = sentence.strip().strip(".").strip()
    if not s:
        return
    if not _HAS_LOWER.search(s) and "(" not in s:  # a notation: no tails, scaffolding or negation words
        _positive(s, out, where_, under)
        return
    s, override = _edge_tail(s)
    if override is not None:
        start = len(out.edges)
        read_sentence(s, out, where_, under)
        out.edges[start:] = [
            (a, b, override if k in ("two", "any", "sym", "one") else k) for a, b, k in out.edges[start:]
        ]
        return
    body = strip_scaffolding(s, out, where_)
    if body is None:
        return
    if lex.NEGATION.search(body):
        trial = Facts(tuple_kind=out.tuple_kind, hyphen_names=out.hyphen_names, heads=out.heads)
        try:
            _positive(body, trial, where_, under)
        except ParseError:
            trial.sentential = True
        if trial.sentential:
            read_negated(body, out, where_)
            return
    _positive(body, out, where_, under)


def _positive(s: str, out: Facts, where_: str, under: str | None) -> None:
    """Clauses and operator edges separated by commas / 'and', with name lists ('A connects to B, C and D')."""
    s = tuples_to_ops(s, out.tuple_kind).strip().strip("[]").strip()
    pending: list[str] = []
    last: Clause | None = None
    last_op: tuple[str, str] | None = None  # "A -> B, C": more targets of A
    there_kind: str | None = None  # kind of the last "there is a road from X to Y", for "and from Y to Z"
    for piece in _joined_frames(_merged_pieces(s)):
        piece = piece.strip().strip("[]").strip()
        if not piece:
            continue
        runs = _LINE_RUNS.match(piece) if " " in piece else None  # "the Blue line runs Airport - Central"
        if runs and lex.STRONG_OP.search(runs.group("chain")):
            piece = runs.group("chain")
        op = op_edges(piece, where_, out)
        if op is not None:
            if pending:
                raise ParseError(
                    f"{where_}: {clip(pending[0])} stands alone before {clip(piece)}; write every edge in full, "
                    f"e.g. {EXAMPLE!r}"
                )
            out.edges.extend(op)
            last = None
            last_op = (op[0][0], op[0][2]) if len(op) == 1 and op[0][2] == "one" else None
            continue
        m = _FROM_TO.match(piece)
        if m and there_kind and name(m.group("a")) and name(m.group("b")):  # "... and from B to C"
            out.edges.append((name(m.group("a")), name(m.group("b")), there_kind))  # type: ignore[arg-type]
            continue
        c = clause(piece)
        if c is None and under is not None:  # "Flights: A to B; B to C"
            m = _X_TO_Y.match(piece) or _FROM_TO.match(piece)
            if m and name(m.group("a")) and name(m.group("b")):
                out.edges.append((name(m.group("a")), name(m.group("b")), under))  # type: ignore[arg-type]
                continue
        if (
            c is None and last is not None and last[0] == "svo"
        ):  # "wired to A and to B": the verb's preposition
            c2 = _REPEATED_PREP.match(piece)
            n2 = name(c2.group("rest")) if c2 else None
            if n2 is not None:
                last[2].append(n2)
                _emit(("svo", last[1], [n2], last[3], last[4]), out)
                continue
        there_kind = c[3] if c is not None and re.search(r"\bfrom\b.+\bto\b", piece, re.I) else None
        if c is not None:
            out.sentential = True
            shape, subj, obj, kind, family = c
            if pending and not _PLURAL_VERB.match(piece):  # "Meanwhile, A is connected to B": not a list
                raise ParseError(
                    f"{where_}: could not understand {clip(pending[0])} before {clip(piece)}; a list of subjects "
                    f"needs a plural verb ('A and B are connected to C'), e.g. {EXAMPLE!r}"
                )
            last = (shape, pending + subj, obj, kind, family)
            pending = []
            _emit(last, out)
            continue
        n = name(piece, loose=last_op is not None)
        if n is not None and last_op is not None:
            out.edges.append((last_op[0], n, last_op[1]))
            continue
        if n is not None and last is not None and last[0] == "svo":
            last[2].append(n)
            _emit(("svo", last[1], [n], last[3], last[4]), out)
            continue
        if n is not None and (last is None or last[0] == "plural"):  # a subject of the next clause
            pending.append(n)
            continue
        raise ParseError(
            f"{where_}: could not understand {clip(piece)}; write edges like 'A-B', 'A -> B' or "
            f"'A is connected to B', e.g. {EXAMPLE!r}"
        )
    if pending:
        shown = ", ".join(pending[:3])
        raise ParseError(
            f"{where_}: could not understand {clip(shown)} as an edge (no second node or relation); write e.g. "
            f"'A-B' or 'A is connected to B', e.g. {EXAMPLE!r}"
        )


# -- negated statements -------------------------------------------------------------------------------------------
_A, _B = r"(?P<a>.+?)", r"(?P<b>.+?)"
_MOVE = r"(?:get|go|travel|walk|drive|move|fly|ride|navigate|make it)"
_NEG_PATH = [  # (pattern, ordered): statements that there is no path
    (
        rf"{_A} (?:can|could|will|does|do) not (?:reach|get to|access|arrive at|lead to|get through to) {_B}",
        True,
    ),
    (
        rf"{_B} (?:is|are|was|can not be|could not be) (?:not )?(?:reachable|accessible|reached) from {_A}",
        True,
    ),
    (rf"{_B} (?:is|are) (?:unreachable|inaccessible) from {_A}", True),
    (rf"{_A} (?:is|are) (?:disconnected|unconnected|cut off|separated|isolated) from {_B}", False),
    (
        rf"{_A} and {_B} are (?:disconnected|unconnected|not in the same (?:connected )?component|in different "
        rf"(?:connected )?components|separated|not reachable from (?:each other|one another))",
        False,
    ),
    (rf"(?:you|one|we|i|someone|anyone) (?:can|could) not {_MOVE} from {_A} to {_B}", True),
    (rf"it is (?:impossible|not possible) to {_MOVE} from {_A} to {_B}", True),
    (
        rf"there (?:is|are|exists?) (?:no|not (?:a|an|any)) (?:path|route|way|walk|chain)s? from {_A} to {_B}",
        True,
    ),
    (
        rf"there (?:is|are|exists?) (?:no|not (?:a|an|any)) (?:path|route|way|walk|chain)s? between {_A} and {_B}",
        False,
    ),
]
_NEG_PATH_RE = [(lazy(rf"^{p}$", re.I), o) for p, o in _NEG_PATH]
_ISOLATED = lazy(
    rf"^{_A} (?:is|are) (?:an? )?(?:isolated(?: node| vertex)?|not (?:connected|linked|adjacent|joined) "
    r"(?:to|with) (?:anything|anyone|any(?: other)? (?:node|vertex|city|place|one)s?|any)|connected to nothing)$"
    r"|^(?P<a2>.+?) (?:has|have) no (?:edges|neighbou?rs|connections|links|friends|roads|neighbou?r|edge)$",
    re.I,
)
_NOT_TRUE = lazy(r"^it is (?:not true|false|not the case|untrue) that (?P<rest>.+)$", re.I)
_BUT_NOT = lazy(
    r",?\s+(?:but|and|yet)\s+not\s+(?:to\s+|with\s+)?(?P<neg>.+)$|,\s+not\s+(?:to\s+|with\s+)?(?P<neg2>.+)$",
    re.I,
)
_TO_POSITIVE = [
    (lazy(r"^there (?:is|are|exists?|was|were) (?:no|not (?:a|an|any|one)|none|never (?:a|an|any)) ", re.I), "there is a "),
    # "No edge exists between A and B", "no direct road runs between A and B"
    (lazy(rf"^no ((?:(?:direct|one-way|two-way|single) )?(?:{lex.NOUNS}))s? (?:exists?|is present|runs|goes|leads)"
          r"(?: straight| directly)? ", re.I),
     r"there is a \1 "),
    (lazy(rf"^no (?=(?:(?:direct|one-way|two-way|single) )?(?:{lex.NOUNS})s? )", re.I), "a "),
    (lazy(r"\b(is|are|was|were) not\b", re.I), r"\1"),
    (lazy(r"\b(?:does|do|did|will|would) not (?:ever )?", re.I), ""),
    (lazy(r"\bnever ", re.I), ""),
]  # fmt: skip


def expand_contractions(s: str) -> str:
    if "'" not in s and "cannot" not in s.lower():
        return s
    for rx, repl in lex.CONTRACTIONS:
        s = rx.sub(repl, s)
    return s


_EDGE_WORD = lazy(
    r"\b(?:"
    + "|".join(sorted(lex.EDGE_NOUNS, key=len, reverse=True))
    + r")s?\b|\bdirect(?:ly)?\b|\badjacent\b|"
    r"\blinked\b|\bneighbou?rs?\b|\bfriends?\b",
    re.I,
)


def _claim_kind(wording: str) -> str:
    """What a denied relation denies: a path (path / route / reach), an edge (a road, a link, friends, directly...),
    or 'connected' (an edge, and maybe a path: checked for both)."""
    if re.search(r"\b(?:path|route|way|walk|reach\w*)\b", wording, re.I):
        return "path"
    if _EDGE_WORD.search(wording):
        return "edge"
    return "connected" if re.search(r"\bconnect(?:ed|ion|s)?\b", wording, re.I) else "edge"


def read_negated(s: str, out: Facts, where_: str) -> None:
    """Claims from a sentence that denies something; a denial that cannot be read is refused, never dropped."""
    s = expand_contractions(s)
    m = _NOT_TRUE.match(s)
    if m:
        _deny(m.group("rest"), out, where_, s)
        return
    for rx, ordered in _NEG_PATH_RE:
        m = rx.match(s)
        if m:
            a, b = name(m.group("a")), name(m.group("b"))
            if a and b:
                out.nodes.extend((a, b))
                out.claims.append(Claim(a, b, "path", ordered, False, s))
                return
    m = _ISOLATED.match(s)
    if m:
        a = name(m.group("a") or m.group("a2") or "")
        if a:
            out.nodes.append(a)
            out.claims.append(Claim(a, a, "isolated", False, False, s))
            return
    m = _BUT_NOT.search(s)
    if m and not lex.NEGATION.search(s[: m.start()]):
        head = s[: m.start()]
        c = clause(head)
        if c is not None and c[0] == "svo":
            read_sentence(head, out, where_)
            denied = [
                p for p in re.split(r"\s*,\s*|\s+(?:and|or|nor)\s+", m.group("neg") or m.group("neg2")) if p
            ]
            kind = _claim_kind(head)
            for piece in denied:
                other = name_or_error(piece, where_, "a node name")
                out.nodes.append(other)
                for subj in c[1]:
                    a, b = (other, subj) if c[3] == "rev" else (subj, other)
                    out.claims.append(Claim(a, b, kind, c[3] in ("one", "one~", "rev"), False, s))
            return
    positive = s
    for rx, repl in _TO_POSITIVE:
        positive = rx.sub(repl, positive, count=1)
    if positive != s:
        _deny(positive, out, where_, s)
        return
    raise ParseError(
        f"{where_}: could not read the negated statement {clip(s)}; write e.g. 'There is no road between A and B', "
        f"'A is not linked to B' or 'B is unreachable from A' (or remove it)"
    )


def _deny(positive: str, out: Facts, where_: str, said: str) -> None:
    """Read `positive` as facts and record each of its edges as denied by `said`."""
    if lex.NEGATION.search(positive):
        raise ParseError(
            f"{where_}: {clip(said)} denies a statement that is itself negative; state the graph plainly, e.g. "
            f"'A is connected to B'"
        )
    trial = Facts(tuple_kind=out.tuple_kind, hyphen_names=out.hyphen_names, heads=out.heads)
    try:
        _positive(positive, trial, where_, None)
    except ParseError:
        raise ParseError(
            f"{where_}: could not read the negated statement {clip(said)}; write e.g. 'There is no road between "
            f"A and B', 'A is not linked to B' or 'B is unreachable from A' (or remove it)"
        ) from None
    if not trial.edges:
        raise ParseError(f"{where_}: {clip(said)} denies no edge that could be read; rephrase it")
    kind = _claim_kind(said)
    from_to = bool(re.search(r"\bfrom\b.+\b(?:to|into)\b", positive, re.I))
    for a, b, k in trial.edges:
        out.nodes.extend((a, b))  # a denied fact still names nodes of the graph
        ordered = k == "one" or (kind == "path" and from_to)
        out.claims.append(Claim(a, b, kind, ordered, False, said))


# -- adjacency lines and labels -------------------------------------------------------------------------------------
_PROSE_WORDS = frozenset(
    [
        "let's",
        "let",
        "the",
        "an",
        "by",
        "step",
        "think",
        "of",
        "in",
        "on",
        "with",
        "please",
        "answer",
        "yes",
        "no",
        "is",
        "are",
        "it",
        "this",
        "that",
        "be",
    ]
)
_INTRO_LABEL = lazy(
    r"^(?:(?:in|on|at|within|for|from|across|inside) [^:]{1,60}|(?:the |all |our |its )?(?:[\w-]+ ){1,4}(?:are|is|"
    r"include|includes|were)(?:\s*\([^()]*\))?)$",
    re.I,
)
_CHAIN_TITLE = lazy(r"\b(?:line|route|path|chain|loop|circuit|service|track|trail|lane)\b", re.I)
_LABEL_NOTE = lazy(r"\([\w -]+\)\s*$")  # "Adjacency list (directed)"


def _spaced_neighbours(rest: str, out: Facts, where_: str) -> list[str]:
    """`A: B C`: neighbours separated by spaces when each is an id (short, numbered or in capitals) or a name the
    text uses elsewhere; one neighbour when the whole is such a name ("Los Angeles: Santa Fe")."""
    words = rest.split()
    if len(words) == 1 or key(rest) in out.heads:
        return [rest]
    if all(len(w) <= 3 or any(c.isdigit() for c in w) or w.isupper() or key(w) in out.heads for w in words):
        return words
    raise ParseError(
        f"{where_}: {clip(rest)} could be one name or several; separate neighbours with commas, e.g. 'A: B, C'"
    )


_NO_NEIGHBOURS = lazy(
    r"^\(?\s*(?:none|nothing|-|n/a|empty|\(\s*\))\s*\)?$|^\(?\s*no (?:[\w-]+ ){0,2}(?:dependencies|neighbou?rs|edges|"
    r"links|connections|successors|children|requirements|prerequisites|prereqs|targets|imports|outgoing(?: \w+)?|"
    r"out-?neighbou?rs|callees|subordinates|reports|friends|followers|routes|roads|flights|exits|doors)\s*\)?$",
    re.I,
)


def title_kind(title: str) -> str | None:
    """The edge kind a title or label gives "X to Y" items under it: 'one' for one-way flights, 'sym' for two-way
    roads, 'any' for other graph nouns; None if it is not about edges."""
    if lex.UNDIRECTED_WORDS.search(title):
        return "sym"
    if lex.DIRECTED_WORDS.search(title):
        return "one"
    if re.search(r"\b(?:flights?|arcs?|arrows?|hyperlinks?|pointers?|transitions?)\b", title, re.I):
        return "one"
    if re.search(
        rf"\b{lex.GRAPH_WORD}\b|\b(?:roads?|routes?|connections?|pairs?|trains?|buses)\b", title, re.I
    ):
        return "any"
    return None


def labelled(sentence: str, where_: str, out: Facts) -> tuple[str | None, str | None]:
    """Handle `Label: rest`: a graph label or header (direction noted; the rest returned with the kind the label
    gives "X to Y" items), a node list, or an adjacency line `A: B, C` (both consumed: None). Text without such a
    label is returned unchanged."""
    label, colon, rest = sentence.partition(":")
    if not colon or ("(" in label and not _LABEL_NOTE.search(label)) or len(label) > 150:
        return sentence, None
    label, rest = label.strip(), rest.strip()
    graph_label = re.search(rf"\b(?:{lex.GRAPH_WORD})\b", label, re.I) and (
        name(label) is None or " " in label
    )
    if lex.NOTE_LABEL.match(label):  # "Important: no edge exists between A and B": read the sentence
        return rest, None
    if (
        lex.LABEL_WORDS.match(label)
        or any(rx.match(label) for rx in lex.META)
        or graph_label
        or _INTRO_LABEL.match(label)
        or lex.DOC_LABEL.match(label)
    ):
        note_direction(label, out, where_)
        return rest, title_kind(label)
    if lex.NODE_LABEL.match(label):
        for piece in _SEP.split(rest.rstrip(".").strip("[]{}")):
            if piece.strip():
                out.nodes.append(name_or_error(piece, where_, "a node name", loose=True))
        return None, None
    head = name(label, loose=True)
    if not rest or head is None or clause(rest) is not None:
        return sentence, None
    hyphenated = "-" in head and not lex.STRONG_OP.search(rest) and not _SPACED_DASH.search(rest)
    if not hyphenated and op_edges(rest, where_, out) is not None:  # "srv-11: srv-06": names like the head's
        # "Red Line: A - B - C" names a chain; "A: B-C" is unclear
        return (rest, title_kind(label)) if " " in label or _CHAIN_TITLE.search(label) else (sentence, None)
    rest = rest.rstrip(".").strip().strip("[]{}").strip()
    if _NO_NEIGHBOURS.match(rest):  # "httpy: (no dependencies)", "E: none"
        out.nodes.append(head)
        return None, None
    if "," in rest or ";" in rest or " and " in rest:
        nbrs = [p for p in re.split(r"\s*;\s*|" + _SEP.pattern, rest) if p and p.strip()]
    elif lex.FRAMING.match(rest) or any(w in _PROSE_WORDS for w in rest.split()):
        return sentence, None  # "Answer: think step by step" is not node "Answer" with neighbours
    else:
        nbrs = _spaced_neighbours(rest, out, where_)
    names = [name_or_error(n, where_, f"a neighbour of {head!r}", loose=True) for n in nbrs]
    out.nodes.append(head)
    start = len(out.edges)
    # a one-sided adjacency list may be a directed graph: "adj" edges are answered where both readings agree
    out.edges.extend((head, n, "adj" if out.adj_kind == "any" else out.adj_kind) for n in names)
    if out.adj_family:
        out.families.update(dict.fromkeys(range(start, len(out.edges)), out.adj_family))
    return None, None


def read_line(line: str, where_: str, out: Facts, pair_lines: int, kind: str | None = None) -> None:
    """One line of graph text: a `0 1` pair line, a label or adjacency line, or sentences.

    A two-word line is an edge only in an edge list (two or more such lines) or when it holds numbers or short
    ids, so a stray "Answer briefly" is not read as an edge."""
    stripped = line.strip()
    m = PAIR_LINE.match(stripped)
    if m:
        a, b = m.group("a").strip("."), m.group("b").strip(".")
        ids = all(len(x) <= 3 or any(c.isdigit() for c in x) for x in (a, b))
        if (pair_lines >= 2 or ids) and not {a.lower(), b.lower()} & (
            lex.NAME_STOP | {"and", "or", "graph", "edges"}
        ):
            out.edges.append((a, b, "any"))
            return
    for sentence in re.split(r"(?<=[^\s.])\.(?=\s|$)", stripped):
        rest, label_kind = labelled(sentence.strip(), where_, out)
        if rest is not None:
            for part in rest.split(";"):
                read_sentence(part, out, where_, label_kind or kind)
