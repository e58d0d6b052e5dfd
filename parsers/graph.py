"""Graph input -> GraphProblem: edges and a reachability question, in the forms people and programs write.

Two tiers, both deterministic and dependency-free (spaCy is not needed):
- structured (structured.py): JSON edge lists / node-link / adjacency dicts, Python literals, DOT;
- text rules (this module): edge notations `A-B`, `A -> B`, `A → B`, `A -- B`, `A <-> B`, `(0, 1)`, `0 1` lines,
  `A: B, C` adjacency lines, and sentences ("A is connected to B", "A links to B", "there is a road from X to Y",
  "X and Y are friends", "X follows Y", "A connects to B, C and D"), with multi-word and numeric node names.

Direction comes from the wording and is stated in `GraphProblem.directed`:
- one-way: `->`, `<-`, "links to", "points to", "follows", "leads to", "depends on", "an edge/arc/arrow/link/flight
  from X to Y", "a one-way road from X to Y", `digraph`;
- two-way: `-`, `--`, `<->`, "is connected to", "connects to", "are friends", "a road from/between ...",
  "a two-way road", DOT `graph`; `(0, 1)` pairs, `0 1` lines, adjacency lines and JSON follow the rest of the
  input and default to undirected (networkx's convention);
- a sentence such as "The graph is directed." or a header "Directed graph:" (or `directed=`) decides for all;
- one-way and two-way edges mixed: a directed graph in which each two-way edge appears in both directions.

Every failure is a ParseError saying what was not understood, where, and showing an accepted example.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from drt_agent.domains.base import Reading
from drt_agent.domains.graph import Edge, GraphProblem
from drt_agent.errors import ParseError

from .structured import RawGraph, clip, find_structured, graph_from_object, where

EXAMPLE = "A-B, B-C, C-F. Is A connected to F?"
QUESTION_EXAMPLES = (
    "Is A connected to F?",
    "Can you get from A to F?",
    "Is F reachable from A?",
    "Is there a path between node 0 and node 5?",
    "Does A lead to F?",
)

# ---------------------------------------------------------------------------------------------------------
# limits and cleaning


def _limits(limits: Any) -> Any:
    """The Limits in force (drt_agent.limits, issue 8), or None if that module is absent."""
    try:
        from drt_agent.limits import resolve
    except ImportError:  # pragma: no cover - limits.py ships with the package
        return None
    return resolve(limits)


_REPLACE = {
    "→": "->", "⟶": "->", "➔": "->", "➜": "->", "⇒": "->", "↦": "->",
    "←": "<-", "⟵": "<-", "⇐": "<-",
    "↔": "<->", "⟷": "<->", "⇔": "<->",
    "–": "--", "—": "--",
    "“": '"', "”": '"', "‘": "'", "’": "'",
    "\u00a0": " ", "\t": " ", "\r": "",
}  # fmt: skip
_CLEAN = re.compile("|".join(map(re.escape, _REPLACE)))


def clean_text(text: str) -> str:
    """Reject binary input; map arrows, dashes and curly quotes to ASCII."""
    for i, ch in enumerate(text):
        code = ord(ch)
        if ch == "\ufffd" or (code < 32 and ch not in "\n\r\t") or 0x7F <= code < 0xA0:
            raise ParseError(
                f"the input contains binary or control characters ({ascii(ch)} at {where(text, i)}); "
                f"give plain text, e.g. {EXAMPLE!r}"
            )
    return _CLEAN.sub(lambda m: _REPLACE[m.group()], text)


# ---------------------------------------------------------------------------------------------------------
# names

_NAME_PREFIX = re.compile(r"^(?:nodes?|vertex|vertices)\s+(?=\S)", re.I)
_NAME_BAD = re.compile(r"[{}\[\]()<>=;:?!|\\\"`*]|->|<-|--")
_NAME_STOP = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "to",
        "from",
        "between",
        "connected",
        "linked",
        "there",
        "path",
        "paths",
        "can",
        "could",
        "does",
        "do",
        "reach",
        "reachable",
        "if",
        "whether",
        "not",
        "no",
    ]
)
_KEY_PREFIX = re.compile(
    r"^(?:the|node|vertex|city|town|station|person|user|page|server|room|place)\s+", re.I
)


def _name(raw: str) -> str | None:
    """A node name from a fragment, or None if the fragment is not one (sentence words, brackets...)."""
    return _name_cached(raw) if len(raw) <= 200 else _name_uncached(raw)


def _name_uncached(raw: str) -> str | None:
    name = raw.strip().strip(".,").strip()
    if len(name) >= 2 and name[0] == name[-1] and name[0] in "'\"":
        name = name[1:-1].strip()
    name = _NAME_PREFIX.sub("", name)
    name = " ".join(name.split())
    if not name or _NAME_BAD.search(name) or not _WORD_CHAR.search(name):
        return None
    words = name.split(" ")
    if len(words) > 5 or any(w.lower() in _NAME_STOP for w in words):
        return None
    return name


_WORD_CHAR = re.compile(r"\w")
_name_cached = functools.lru_cache(maxsize=1 << 16)(_name_uncached)  # big graphs repeat their names


def _key(name: str) -> str:
    key = name.casefold().strip()
    while True:
        new = _KEY_PREFIX.sub("", key)
        if new == key:
            return key
        key = new


# ---------------------------------------------------------------------------------------------------------
# questions

_A, _B = r"(?P<a>.+?)", r"(?P<b>.+?)"
_NOT = r"(?P<neg>not\s+|never\s+)?"
_YOU = (
    r"(?:you|i|we|one|someone|somebody|anyone|a (?:person|traveller|traveler|walker|message|packet|signal))"
)
_MOVE = r"(?:get|go|travel|walk|drive|move|navigate|ride|fly|make it|make your way|find a way|find a path)"
_PATH = r"(?:path|route|way|connection|walk|chain of (?:edges|links|roads)|sequence of (?:edges|links|roads)|road|series of (?:edges|links|roads)|link|trail|chain)"
_ART = r"(?P<art>(?:a|an|any|some|one|a direct|no|not a|not any)\s+)?"
_CONN = r"(?:connected|linked|joined|attached)"

_QUESTIONS = [
    rf"(?:is|are) {_A} {_NOT}(?:(?:directly|still|somehow|indirectly)\s+)?{_CONN} (?:to|with) {_B}",
    rf"(?:is|are) {_A} (?P<negw>disconnected|unconnected|cut off|separated|isolated) from {_B}",
    rf"are {_A} and {_B} {_NOT}(?:(?:directly|still|somehow|indirectly)\s+)?(?:connected|linked|joined|reachable from (?:one another|each other)|in the same (?:connected )?component|in the same group)(?: (?:to|with) (?:each other|one another))?",
    rf"are {_A} and {_B} (?P<negw>disconnected|unconnected|in different (?:connected )?components|separated)",
    rf"(?:can|could|may|will) {_YOU} {_NOT}{_MOVE} from {_A} to {_B}",
    rf"(?:can|could|may|will) {_YOU} {_NOT}(?:reach|get to|access|arrive at) {_B} (?:from|starting (?:from|at)) {_A}",
    rf"(?:can|could|may|will) {_B} {_NOT}be (?:reached|accessed) from {_A}",
    rf"(?:can|could|will) {_A} {_NOT}(?:reach|get to|access|arrive at|see|talk to|send (?:a message|messages|data) to) {_B}",
    rf"(?:does|do|did|will) {_A} {_NOT}(?:lead|connect|link|go|get|route|flow|point) (?:to|into|with|through to) {_B}",
    rf"(?:does|do|did|will) {_A} {_NOT}(?:reach|access) {_B}",
    rf"is {_B} {_NOT}(?:reachable|accessible|attainable|reached|accessable) from {_A}",
    rf"is {_B} (?P<negw>unreachable|inaccessible|unattainable) from {_A}",
    rf"(?:is|are) there {_ART}{_PATH}s? (?:from|between|linking|connecting|joining) {_A} (?:to|and|with) {_B}",
    rf"does there exist {_ART}{_PATH}s? (?:from|between) {_A} (?:to|and) {_B}",
    rf"(?:does|do) {_ART}{_PATH}s? {_NOT}exists? (?:from|between) {_A} (?:to|and) {_B}",
    rf"is it (?P<poss>possible|impossible) (?:for {_YOU} )?to {_MOVE} from {_A} to {_B}",
    rf"is it (?P<poss>possible|impossible) to (?:reach|get to) {_B} from {_A}",
]
_DECLARATIVE = [
    rf"{_A} (?:is|are) {_NOT}(?:(?:directly|still|somehow|indirectly)\s+)?{_CONN} (?:to|with) {_B}",
    rf"{_A} and {_B} are {_NOT}(?:connected|linked|joined|in the same component)",
    rf"{_A} (?:can|could) {_NOT}(?:reach|get to|access) {_B}",
    rf"{_A} (?P<neg>does not |doesn't |do not )?(?:leads?|connects?|links?|goes|go) to {_B}",
    rf"{_B} (?:is|can be) {_NOT}(?:reachable|reached|accessible) from {_A}",
    rf"{_B} is (?P<negw>unreachable|inaccessible) from {_A}",
    rf"there (?:is|exists) {_ART}{_PATH} (?:from|between) {_A} (?:to|and) {_B}",
    rf"{_YOU} (?:can|could) {_NOT}{_MOVE} from {_A} to {_B}",
    rf"{_A} is (?P<negw>disconnected|unconnected|cut off|separated) from {_B}",
]
_QUESTION_RE = [re.compile(rf"^{p}$", re.I) for p in _QUESTIONS]
_DECLARATIVE_RE = [re.compile(rf"^{p}$", re.I) for p in _DECLARATIVE]
_ASK_PREFIX = re.compile(
    r"^(?:(?:please|now|so|then|and|but|finally|question)[,:]?\s+)*"
    r"(?:(?:determine|check|decide|find out|tell me|say|verify|figure out|answer|work out|state)(?: for me)?"
    r"\s+(?:whether|if)(?: or not)?|is it (?:true|the case|correct) that|i (?:want|need) to know (?:whether|if)"
    r"|(?:do|can) you (?:know|tell me|say) (?:whether|if))\s+",
    re.I,
)
_CONTRACTIONS = [
    (re.compile(r"\bisn't\b", re.I), "is not"),
    (re.compile(r"\baren't\b", re.I), "are not"),
    (re.compile(r"\bcan't\b|\bcannot\b", re.I), "can not"),
    (re.compile(r"\bcouldn't\b", re.I), "could not"),
    (re.compile(r"\bdoesn't\b", re.I), "does not"),
    (re.compile(r"\bdon't\b", re.I), "do not"),
    (re.compile(r"\bwon't\b", re.I), "will not"),
    (re.compile(r"\bthere's\b", re.I), "there is"),
]
QUESTION_START = re.compile(
    r"\b(?:is|are|can|could|does|do|did|will|may|determine|check|decide|find|tell|verify|figure|question|"
    r"please|now|so|then|answer|work|state|i want|i need)\b",
    re.I,
)


_REQUEST_START = re.compile(
    r"\b(?:determine|check|decide|find out|tell me|verify|figure out|work out|is it true that)\b", re.I
)


@dataclass
class Question:
    """A reachability question as written: its two node names and whether it asks for the negation."""

    source: str
    target: str
    negated: bool
    text: str


def match_question(text: str) -> Question | None:
    """The question in `text` (the whole of it), or None if it is not a reachability question."""
    s = re.sub(r"\s+", " ", text.strip()).rstrip("?.! ").strip()
    s = re.sub(r"^(?:q|question)\s*[:.)-]\s*", "", s, flags=re.I)
    s = re.sub(r",?\s+(?:or not|yes or no)$", "", s, flags=re.I)
    for pattern, repl in _CONTRACTIONS:
        s = pattern.sub(repl, s)
    flip = False
    lead = re.match(r"^(is|are|can|could|does|do|did|will) not (?=\S)", s, re.I)
    if lead:  # "Isn't A connected to F?" -> "Is A connected to F?", negated
        s, flip = lead.group(1) + " " + s[lead.end() :], True
    prefix = _ASK_PREFIX.match(s)
    candidates = _DECLARATIVE_RE if prefix else _QUESTION_RE
    body = (
        s[prefix.end() :] if prefix else re.sub(r"^(?:so|and|then|now|but|finally),?\s+", "", s, flags=re.I)
    )
    for rx in candidates:
        m = rx.match(body)
        if not m:
            continue
        a, b = _name(m.group("a")), _name(m.group("b"))
        if a is None or b is None:
            continue
        groups = m.groupdict()
        negated = bool(groups.get("neg") or groups.get("negw"))
        negated ^= (groups.get("poss") or "").lower() == "impossible"
        art = (groups.get("art") or "").strip().lower()
        negated ^= art.startswith("no") or art.startswith("not")
        negated ^= flip
        return Question(source=a, target=b, negated=negated, text=text.strip())
    return None


# ---------------------------------------------------------------------------------------------------------
# edges in text

_DIRECTED_WORDS = re.compile(r"\b(?:directed|one-way|one way|oriented|digraph|arrows)\b", re.I)
_UNDIRECTED_WORDS = re.compile(
    r"\b(?:undirected|un-directed|non-directed|two-way|two way|bidirectional|bi-directional|symmetric|both ways)\b",
    re.I,
)
_GRAPH_WORD = r"(?:graph|network|digraph|map|diagram|edge list|edges|connections|links|roads|relationships|arcs|streets|friendships)"
_DIR_ADJ = r"(?:directed|undirected|one-way|two-way|bidirectional|simple|small|following|social|road|computer|weighted|unweighted)"
_META = [
    re.compile(
        rf"^(?:(?:consider|given|here is|here are|we have|take|look at|this is|below is|the following is|"
        rf"suppose we have|imagine|study|see)\s+)?(?:the |a |an |this |that |our )?(?:following |below |given )?"
        rf"(?:{_DIR_ADJ}\s+)*{_GRAPH_WORD}(?:\s+(?:below|above|here|of \w+(?: \w+)?|with \d+ (?:nodes|vertices)"
        rf"(?: and \d+ edges)?))?$",
        re.I,
    ),
    re.compile(
        rf"^(?:the |this |our |that )?(?:graph|network|map|digraph)\s+(?:is|here is)\s+(?:an?\s+)?(?:{_DIR_ADJ}\s*)+"
        rf"(?:graph|network)?$",
        re.I,
    ),
    re.compile(
        r"^(?:all |the |its |every |each )?(?:edges?|roads?|links?|connections?|streets?|arcs?|paths?|bridges?|"
        r"friendships?|relationships?)(?:\s+(?:here|in this graph|in the graph|below|above))?\s+(?:are|is|go|goes|run|runs)"
        r"\s+(?:all\s+)?(?:(?:one-way|one way|two-way|two way|directed|undirected|bidirectional|both ways|symmetric)"
        r"(?:\s+only)?)$",
        re.I,
    ),
    re.compile(
        r"^(?:the |this )?(?:graph|network) has \d+ (?:nodes|vertices)(?: and \d+ (?:edges|links))?$", re.I
    ),
    re.compile(  # instructions to a reader, not part of the graph
        r"^(?:please\s+)?(?:(?:answer|respond|reply)(?: with)?(?: (?:only )?(?:yes|no|true|false)"
        r"(?:\s*(?:or|/)\s*(?:yes|no|true|false))?)?(?: only)?|(?:think|reason) step by step"
        r"|explain(?: your (?:answer|reasoning))?|(?:show|give) (?:your|the) (?:work|reasoning|path))$",
        re.I,
    ),
]
_INTRO = re.compile(
    r"^(?:"
    r"(?:in|on|within|across|throughout) [^,]{1,60},\s+"
    r"|(?:in|on) (?:this|the|our|a|an) (?:\w+ )?(?:graph|network|map|city|town|country|kingdom|system|world|"
    r"village|office|company|school|club)[,:]?\s+"
    r"|(?:also|and|then|moreover|furthermore|finally|additionally|plus|next|besides|but|however|meanwhile|"
    r"similarly|likewise|lastly|first|firstly|second|secondly|third|thirdly|in addition|on top of that|too),?\s+"
    r"|(?:the |this |our |a |an )?(?:\w+ )?(?:graph|network|map) (?:has|contains|consists of|with)(?: the)?"
    r"(?: following)?(?: (?:directed|undirected|one-way|two-way))? (?:edges|links|connections|arcs|roads)\s*:?\s*"
    r"|(?:the )?(?:(?:directed|undirected) )?(?:edges|links|connections|arcs|roads|friendships) (?:are|is|include)\s*:?\s*"
    r"|(?:consider|given|take|suppose|imagine|let \w+ be) (?:the |a |an )?(?:(?:directed|undirected|following) )*"
    r"(?:graph|network|map) (?:with|where|in which|that has|having)(?: (?:the )?(?:edges|links|connections|arcs|roads))?\s*:?\s*"
    r"|(?:we know that|it is known that|note that|suppose that|assume that|given that)\s+"
    r")",
    re.I,
)
_LABEL_WORDS = re.compile(
    rf"^(?:the )?(?:(?:{_DIR_ADJ})\s+)*(?:graph|edges|edge list|links|connections|roads|arcs|network|input|data|"
    rf"facts|relations?|friendships|adjacency(?: list)?)(?:\s*\((?:{_DIR_ADJ})\))?$",
    re.I,
)
_NODE_LABEL = re.compile(r"^(?:the )?(?:nodes|vertices|node list|isolated nodes)$", re.I)
_TUPLE = re.compile(r"\(\s*([^(),\s][^(),]*?)\s*,\s*([^(),\s][^(),]*?)\s*\)")
_PAIR_LINE = re.compile(r"^(?P<a>[\w.]+)\s+(?P<b>[\w.]+)(?:\s+-?[\d.]+(?:e-?\d+)?)?$")
_SEP = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+and\s+|\s+&\s+|\s+as well as\s+", re.I)
_MERGE = re.compile(
    r"(?:\bbetween|\bconnecting|\bjoining|\b(?:road|bridge|street|edge|link|path|tunnel|line)s? (?:connects|joins|links))"
    r"\s+(?!to\b|with\b)\S[^,]*$",
    re.I,
)
_STRONG_OP = re.compile(r"\s*(<-->|<->|<=>|<~>|-->|->|=>|<--|<-|--)\s*")
_SPACED_DASH = re.compile(r"\s+(-)\s+")
_OP_KIND = {"<-->": "sym", "<->": "sym", "<=>": "sym", "<~>": "any", "-->": "one", "->": "one", "=>": "one",
            "<--": "rev", "<-": "rev", "--": "two", "-": "two"}  # fmt: skip

_ADJ = r"(?P<adj>one-way|one way|two-way|two way|directed|undirected|bidirectional|direct|single|new)"
_NOUN = (
    r"(?P<noun>road|street|path|route|edge|arc|link|connection|bridge|tunnel|flight|train|bus|ferry|highway|"
    r"railway|rail line|line|arrow|channel|pipe|cable|wire|door|passage|corridor|trail|track|way|friendship|"
    r"direct flight|hyperlink|pointer|transition|dependency)"
)
_ONE_WAY_NOUNS = {
    "edge",
    "arc",
    "arrow",
    "link",
    "hyperlink",
    "pointer",
    "flight",
    "direct flight",
    "transition",
    "dependency",
    "pipe",
}
_THERE = r"(?:there (?:is|are|exists?|was|were)\s+)?(?:also\s+)?(?:(?:a|an|one|some|another|\d+)\s+)?"
_SVO = [  # (regex, kind) with groups s, o; kind: two / one / rev
    (
        r"is (?:directly |also |only )?(?:connected|linked|joined|attached|adjacent|next|tied|wired|hooked up)(?: directly)? (?:to|with)",
        "two",
    ),
    (r"(?:connects|links up|joins up|hooks up|is paired) (?:to|with)", "two"),
    (
        r"are (?:all |both |also )?(?:directly )?(?:connected|linked|joined|attached|adjacent) (?:to|with)",
        "two",
    ),
    (r"(?:link|point|lead|go|flow|connect one-way) (?:in)?to|follow|depend on|call", "one"),
    (r"is (?:friends|friendly|neighbou?rs|connected by (?:a |an )?\w+) (?:with|to)", "two"),
    (r"is (?:a |the )?(?:friend|neighbou?r|sibling|peer) (?:of|to)", "two"),
    (r"(?:neighbou?rs|borders|adjoins|touches|knows|meets)", "two"),
    (
        r"(?:shares|has) (?:an? )?(?:border|road|bridge|path|connection|street|tunnel|railway|route) (?:to|with)",
        "two",
    ),
    (
        r"(?:has|sends|is) (?:an? )?(?:one-way |directed )?(?:edge|arc|link|arrow|pointer|flight|transition) (?:to|into|towards)",
        "one",
    ),
    (
        r"(?:links|points|leads|goes|flows|sends|routes|forwards|moves|travels|feeds|transitions|redirects|connects one-way|drains|reports|delegates|writes|passes|maps|escalates) (?:in)?to(?:wards)?",
        "one",
    ),
    (
        r"(?:follows|depends on|calls|imports|requires|invokes|references|cites|subscribes to|is a parent of|is the parent of|precedes|owns|manages|supervises)",
        "one",
    ),
    (
        r"(?:is followed by|is pointed to by|is linked (?:to )?from|is reached from|is called by|is imported by|is cited by)",
        "rev",
    ),
]
_SVO_RE = [(re.compile(rf"^(?P<s>.+?)\s+(?:{v})\s+(?P<o>.+)$", re.I), k) for v, k in _SVO]
_PLURAL_RE = re.compile(
    r"^(?P<s>.+?)\s+are\s+(?:all\s+|both\s+|also\s+)?(?:directly\s+)?(?:connected|linked|joined|adjacent|friends|"
    r"neighbou?rs|mutual friends|siblings|peers|connected by (?:a |an )?\w+|married|partners|colleagues)"
    r"(?:\s+(?:to|with)\s+(?:each other|one another))?$|^(?P<s2>.+?)\s+(?:follow|know|see|trust) (?:each other|one another)$",
    re.I,
)
_THERE_FROM = re.compile(
    rf"^{_THERE}(?:{_ADJ}\s+)?{_NOUN}s?\s+(?:(?:that\s+)?(?:goes|going|leading|leads|runs|running|pointing|points|"
    rf"directly)\s+)?from\s+(?P<a>.+?)\s+(?:to|into|towards)\s+(?P<b>.+)$",
    re.I,
)
_THERE_BETWEEN = re.compile(
    rf"^{_THERE}(?:{_ADJ}\s+)?{_NOUN}s?\s+(?:(?:that\s+)?(?:running|runs|directly)\s+)?(?:between|connecting|joining|linking)"
    rf"\s+(?P<a>.+?)\s+(?:and|with|to)\s+(?P<b>.+)$",
    re.I,
)
_PLURAL_VERB = re.compile(
    r"^.+?\s+(?:are|were|link|point|lead|go|flow|follow|depend|call|know|connect|neighbou?r|border|have|share)\b",
    re.I,
)
_FROM_TO = re.compile(r"^(?:also\s+)?from\s+(?P<a>.+?)\s+(?:to|into|towards)\s+(?P<b>.+)$", re.I)
_NOUN_VERB = re.compile(
    rf"^(?:(?:a|an|the|one)\s+)?(?:{_ADJ}\s+)?{_NOUN}\s+(?P<verb>connects|joins|links|goes from|runs from|leads from|points from)"
    rf"\s+(?P<a>.+?)\s+(?:and|to|with)\s+(?P<b>.+)$",
    re.I,
)


@dataclass
class _Edges:
    """Edges as written, each with its kind: one (a->b), two (undirected unless told), sym (always both ways),
    any (follows the rest); plus declared direction, extra nodes and the question found."""

    edges: list[tuple[str, str, str]] = field(default_factory=list)
    nodes: list[str] = field(default_factory=list)
    directed: bool | None = None
    questions: list[Question] = field(default_factory=list)


def _kind_of_noun(adj: str | None, noun: str, from_to: bool) -> str:
    adj = (adj or "").lower().replace(" ", "-")
    if adj in ("one-way", "directed"):
        return "one"
    if adj in ("two-way", "undirected", "bidirectional"):
        return "sym"
    if not from_to:
        return "sym"
    return "one" if noun.lower() in _ONE_WAY_NOUNS else "two"


def _note_direction(text: str, out: _Edges, where_: str) -> None:
    d = False if _UNDIRECTED_WORDS.search(text) else True if _DIRECTED_WORDS.search(text) else None
    if d is None:
        return
    if out.directed is not None and out.directed != d:
        raise ParseError(f"{where_}: the text says the graph is both directed and undirected; say it once")
    out.directed = d


def _names(fragment: str, where_: str, what: str) -> str:
    name = _name(fragment)
    if name is None:
        raise ParseError(
            f"{where_}: could not read {clip(fragment)} as {what}; node names are words or numbers "
            f"(up to 5 words, no brackets), e.g. {EXAMPLE!r}"
        )
    return name


def _op_edges(piece: str, where_: str) -> list[tuple[str, str, str]] | None:
    """`A-B`, `A -> B -> C`, `A <-> B`, `New York - Boston`: edges along the chain, or None if no operator."""
    if _STRONG_OP.search(piece):
        parts = _STRONG_OP.split(piece)
    elif _SPACED_DASH.search(piece):
        parts = _SPACED_DASH.split(piece)
    elif "-" in piece and " " not in piece.strip() and not piece.strip().startswith("-"):
        parts = re.split(r"(-)", piece.strip())
    else:
        return None
    names, ops = parts[0::2], parts[1::2]
    if len(names) < 2:
        return None
    nodes = [_names(n, where_, "a node name") for n in names]
    out = []
    for a, op, b in zip(nodes, ops, nodes[1:], strict=False):
        kind = _OP_KIND[op]
        out.append((b, a, "one") if kind == "rev" else (a, b, kind))
    return out


def _clause(piece: str) -> tuple[str, list[str], list[str], str] | None:
    """A sentence clause -> (shape, subjects, objects, kind); shape 'svo' or 'plural'. None if not one."""
    for rx, from_to in ((_THERE_FROM, True), (_THERE_BETWEEN, False), (_NOUN_VERB, None)):
        m = rx.match(piece)
        if m:
            ft = from_to if from_to is not None else "from" in m.group("verb").lower()
            a, b = _name(m.group("a")), _name(m.group("b"))
            if a and b:
                return "svo", [a], [b], _kind_of_noun(m.group("adj"), m.group("noun"), ft)
    m = _PLURAL_RE.match(piece)
    if m:
        s = _name(m.group("s") or m.group("s2"))
        if s:
            return "plural", [s], [], "sym"
    for rx, kind in _SVO_RE:
        m = rx.match(piece)
        if m:
            s, o = _name(m.group("s")), _name(m.group("o"))
            if s and o:
                return "svo", [s], [o], kind
    return None


def _sentence(sentence: str, out: _Edges, where_: str) -> None:
    """Edges from one sentence: clauses and operator edges separated by commas / 'and', with name lists."""
    s = sentence.strip().strip(".").strip()
    if not s:
        return
    for rx in _META:
        if rx.match(s):
            _note_direction(s, out, where_)
            return
    while True:
        m = _INTRO.match(s)
        if not m or m.end() == 0:
            break
        _note_direction(m.group(), out, where_)
        s = s[m.end() :].strip()
    if not s:
        return
    s = _TUPLE.sub(lambda m: f" {m.group(1)} <~> {m.group(2)} ", s).strip().strip("[]").strip()
    pieces = [p for p in _SEP.split(s) if p.strip()]
    merged: list[str] = []
    joined = False  # the last piece already took its "and": "between X and Y"
    for p in pieces:
        if merged and not joined and _MERGE.search(merged[-1]):
            merged[-1] = f"{merged[-1]} and {p}"
            joined = True
        else:
            merged.append(p)
            joined = False
    pending: list[str] = []
    last: tuple[str, list[str], list[str], str] | None = None
    there_kind: str | None = None  # kind of the last "there is a road from X to Y", for "and from Y to Z"
    for piece in merged:
        piece = piece.strip().strip("[]").strip()
        if not piece:
            continue
        op = _op_edges(piece, where_)
        if op is not None:
            if pending:
                raise ParseError(
                    f"{where_}: {clip(pending[0])} stands alone before {clip(piece)}; write every edge in full, e.g. {EXAMPLE!r}"
                )
            out.edges.extend(op)
            last = None
            continue
        m = _FROM_TO.match(piece)
        if m and there_kind and _name(m.group("a")) and _name(m.group("b")):  # "... and from B to C"
            out.edges.append((_name(m.group("a")), _name(m.group("b")), there_kind))  # type: ignore[arg-type]
            continue
        clause = _clause(piece)
        there_kind = clause[3] if clause is not None and _THERE_FROM.match(piece) else None
        if clause is not None:
            shape, subj, obj, kind = clause
            if pending and not _PLURAL_VERB.match(
                piece
            ):  # "Meanwhile, A is connected to B": not a subject list
                raise ParseError(
                    f"{where_}: could not understand {clip(pending[0])} before {clip(piece)}; a list of subjects "
                    f"needs a plural verb ('A and B are connected to C'), e.g. {EXAMPLE!r}"
                )
            subj = pending + subj
            pending = []
            last = (shape, subj, obj, kind)
            _emit(last, out)
            continue
        name = _name(piece)
        if name is not None and last is not None and last[0] == "svo":
            last[2].append(name)
            _emit(("svo", last[1], [name], last[3]), out)
            continue
        if name is not None and (last is None or last[0] == "plural"):  # a subject of the next clause
            pending.append(name)
            continue
        raise ParseError(
            f"{where_}: could not understand {clip(piece)}; write edges like 'A-B', 'A -> B' or "
            f"'A is connected to B', e.g. {EXAMPLE!r}"
        )
    if pending:
        shown = ", ".join(pending[:3])
        raise ParseError(
            f"{where_}: could not understand {clip(shown)} as an edge (no second node or relation); write e.g. 'A-B' or "
            f"'A is connected to B', e.g. {EXAMPLE!r}"
        )


def _emit(clause: tuple[str, list[str], list[str], str], out: _Edges) -> None:
    shape, subj, obj, kind = clause
    if shape == "plural":
        for i, a in enumerate(subj):
            for b in subj[i + 1 :]:
                out.edges.append((a, b, kind))
        return
    for a in subj:
        for b in obj:
            out.edges.append((b, a, "one") if kind == "rev" else (a, b, kind))


def _line(line: str, lineno: int, out: _Edges, pair_lines: int = 2) -> None:
    """One line of graph text: a label line, an adjacency line, a `0 1` pair line, or sentences.

    A two-word line is an edge only in an edge list (two or more such lines) or when it holds numbers or short
    ids, so a stray "Answer briefly" is not read as an edge."""
    where_ = f"line {lineno}"
    stripped = line.strip()
    m = _PAIR_LINE.match(stripped)
    ids = m is not None and all(len(x) <= 3 or any(c.isdigit() for c in x) for x in m.group("a", "b"))
    if (
        m
        and (pair_lines >= 2 or ids)
        and not {m.group("a").lower(), m.group("b").lower()} & (_NAME_STOP | {"and", "or", "graph", "edges"})
    ):
        out.edges.append((m.group("a").strip("."), m.group("b").strip("."), "any"))
        return
    for sentence in re.split(r"(?<=[^\s.])\.(?=\s|$)", stripped):
        rest = _labelled(sentence.strip(), where_, out)
        if rest is not None:
            for part in rest.split(";"):
                _sentence(part, out, where_)


def _labelled(sentence: str, where_: str, out: _Edges) -> str | None:
    """Handle `Label: rest`: a graph label or header (direction noted, rest returned), a node list, or an
    adjacency line `A: B, C` (both consumed: None). Text without such a label is returned unchanged."""
    label, colon, rest = sentence.partition(":")
    if not colon or "(" in label or len(label) > 60:
        return sentence
    label, rest = label.strip(), rest.strip()
    graph_label = re.search(rf"\b(?:{_GRAPH_WORD})\b", label, re.I) and _name(label) is None
    if _LABEL_WORDS.match(label) or any(rx.match(label) for rx in _META) or graph_label:
        _note_direction(label, out, where_)
        return rest
    if _NODE_LABEL.match(label):
        for piece in _SEP.split(rest.rstrip(".")):
            if piece.strip():
                out.nodes.append(_names(piece, where_, "a node name"))
        return None
    head = _name(label)
    if not rest or head is None or _op_edges(rest, where_) is not None or _clause(rest) is not None:
        return sentence
    if "," in rest or ";" in rest or " and " in rest:
        nbrs = [p for p in _SEP.split(rest.rstrip(".")) if p.strip()]
    else:
        nbrs = rest.rstrip(".").split()
    names = [_names(n, where_, f"a neighbour of {head!r}") for n in nbrs]
    out.nodes.append(head)
    out.edges.extend((head, n, "any") for n in names)
    return None


# ---------------------------------------------------------------------------------------------------------
# splitting text into graph and question


def _split_sentences(text: str) -> list[tuple[int, str]]:
    out = []
    for lineno, line in enumerate(text.split("\n"), 1):
        for part in re.split(r"(?<=[?!])\s+|(?<=[^\s.]\.)\s+(?=\S)", line):
            if part.strip():
                out.append((lineno, part.strip()))
    return out


def _find_question(sentence: str) -> tuple[str, Question] | None:
    """(graph text before the question, question) if the sentence holds a question, else None.

    A sentence ending in '?' may start with edges ("A-B, B-C, so is A connected to C?"); one without '?'
    counts only if the whole of it is a question or a request ("Determine whether A is connected to C.")."""
    q = match_question(sentence)
    if q is not None:
        return "", q
    starts = QUESTION_START if sentence.rstrip().endswith("?") else _REQUEST_START
    for m in starts.finditer(sentence):
        if m.start() == 0:
            continue
        q = match_question(sentence[m.start() :])
        if q is not None:
            head = re.sub(
                r"[\s,:;-]*(?:\b(?:so|and|then|now|but))?[\s,:;-]*$", "", sentence[: m.start()], flags=re.I
            )
            return head, q
    return None


def _text_graph(text: str, want_question: bool) -> _Edges:
    """Read edges (and, if `want_question`, the question) from text."""
    out = _Edges()
    graph_lines: dict[int, list[str]] = {}
    for lineno, sentence in _split_sentences(text):
        found = _find_question(sentence) if want_question else None
        if found is None and sentence.rstrip().endswith("?"):
            examples = "; ".join(QUESTION_EXAMPLES)
            raise ParseError(
                f"line {lineno}: could not understand the question {clip(sentence)}; ask one of: {examples}"
            )
        if found is None:
            graph_lines.setdefault(lineno, []).append(sentence)
            continue
        head, q = found
        out.questions.append(q)
        if head.strip():
            graph_lines.setdefault(lineno, []).append(head)
    pair_lines = sum(1 for parts in graph_lines.values() if _PAIR_LINE.match(" ".join(parts).strip()))
    for lineno, parts in graph_lines.items():
        _line(" ".join(parts), lineno, out, pair_lines)
    return out


# ---------------------------------------------------------------------------------------------------------
# assembling the problem


def _resolve(name: str, nodes: list[str], role: str, question: str) -> str:
    if name in nodes:
        return name
    key = _key(name)
    candidates = [n for n in nodes if _key(n) == key]
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        raise ParseError(
            f"the question's {role} {name!r} could mean any of {candidates[:5]}; use the exact name"
        )
    shown = ", ".join(repr(n) for n in nodes[:20]) + (", ..." if len(nodes) > 20 else "")
    raise ParseError(
        f"the question {question!r} names {name!r} as its {role}, but the graph has no such node "
        f"(nodes: {shown}); ask about nodes that appear in the edges, e.g. {EXAMPLE!r}"
    )


def _build(
    edges: list[tuple[str, str, str]],
    nodes: list[str],
    directed: bool | None,
    question: Question | None,
    source: str | None,
    target: str | None,
    negated: bool,
    limits: Any,
) -> GraphProblem:
    if not edges:
        raise ParseError(f"the text has a question but no edges; give the graph first, e.g. {EXAMPLE!r}")
    kinds = {k for _, _, k in edges}
    if directed is None:
        directed = "one" in kinds
    pairs: list[tuple[str, str]] = []
    for a, b, kind in edges:
        pairs.append((a, b))
        if directed and (kind == "sym" or (kind == "two" and "one" in kinds)):
            pairs.append((b, a))
    lim = _limits(limits)
    if lim is not None:  # names first (issue 8): an Edge with an over-long name cannot even be built
        for a, b in pairs:
            longer = a if len(a) >= len(b) else b
            lim.check("max_name_chars", len(longer), f"the length of node name {longer[:40]!r}...")
    seen: set[tuple[str, str]] = set()
    unique = []
    for a, b in pairs:
        if (a, b) in seen or (not directed and (b, a) in seen):
            continue
        seen.add((a, b))
        unique.append(Edge(src=a, dst=b))
    all_nodes = list(dict.fromkeys([*nodes, *(x for e in unique for x in (e.src, e.dst))]))
    if question is not None:
        source = _resolve(question.source, all_nodes, "source", question.text)
        target = _resolve(question.target, all_nodes, "target", question.text)
        negated = question.negated
    else:
        assert source is not None and target is not None
        for role, name in (("source", source), ("target", target)):
            if name not in all_nodes:
                raise ParseError(f"the {role} {name!r} is not a node of the graph; nodes: {all_nodes[:20]}")
    lim = _limits(limits)
    if lim is not None:
        lim.check("max_edges", len(unique), "the number of edges")
        lim.check("max_nodes", len(all_nodes), "the number of nodes")
        for n in all_nodes:
            lim.check("max_name_chars", len(n), f"the length of node name {n[:40]!r}...")
    extra = [n for n in dict.fromkeys(nodes) if n]
    try:
        return GraphProblem(
            edges=unique, nodes=extra, directed=directed, source=source, target=target, negated=negated
        )
    except ValueError as exc:  # pydantic: a name too long, empty...
        raise ParseError(f"the graph is not valid: {str(exc).splitlines()[-1].strip()}") from None


def _one_question(questions: list[Question]) -> Question | None:
    if len(questions) > 1:
        shown = "; ".join(clip(q.text) for q in questions[:3])
        raise ParseError(f"found {len(questions)} questions ({shown}); ask one question per problem")
    return questions[0] if questions else None


def _no_question(text: str) -> ParseError:
    examples = "; ".join(QUESTION_EXAMPLES)
    return ParseError(
        f"no reachability question found in {clip(text)}; end the text with one, e.g. {EXAMPLE!r} "
        f"(accepted questions: {examples})"
    )


def parse_graph(
    text: str, question: str | None = None, *, directed: bool | None = None, limits: Any = None
) -> GraphProblem:
    """Parse a graph plus a reachability question into a GraphProblem, or raise ParseError saying what failed.

    `question` may be given separately (then `text` is only the graph); `directed` overrides the wording.
    """
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
    q_sep = None
    if question is not None:
        q_sep = match_question(clean_text(question))
        if q_sep is None:
            examples = "; ".join(QUESTION_EXAMPLES)
            raise ParseError(f"could not understand the question {clip(question)}; ask one of: {examples}")

    found = find_structured(text)
    if found is not None:
        raw, rest = found
        return _from_raw(raw, rest, q_sep, directed, lim)

    out = _text_graph(text, want_question=q_sep is None)
    q = q_sep or _one_question(out.questions)
    if q is None:
        raise (
            _no_question(text)
            if out.edges
            else ParseError(f"could not find edges or a question in {clip(text)}; e.g. {EXAMPLE!r}")
        )
    return _build(
        out.edges, out.nodes, directed if directed is not None else out.directed, q, None, None, False, lim
    )


def _from_raw(raw: RawGraph, rest: str, q: Question | None, directed: bool | None, lim: Any) -> GraphProblem:
    """A structured graph plus the text around it (which may hold the question and a direction statement)."""
    texts = [t for t in (raw.question, rest) if t and t.strip()]
    notes = _Edges()
    for t in texts:
        extra = _text_graph(t, want_question=q is None)
        if extra.edges or extra.nodes:
            raise ParseError(
                f"text next to the {raw.form} graph holds more edges ({clip(t)}); put every edge in the "
                f"structured graph and only the question outside it"
            )
        notes.questions.extend(extra.questions)
        if extra.directed is not None:
            notes.directed = extra.directed
    q = q or _one_question(notes.questions)
    kind = "any" if raw.directed is None else "one" if raw.directed else "two"
    edges = [(a, b, kind) for a, b in raw.edges]
    if directed is None:
        directed = notes.directed if notes.directed is not None else raw.directed
    if q is None and (raw.source is None or raw.target is None):
        raise _no_question(rest or raw.form)
    return _build(edges, raw.nodes, directed, q, raw.source, raw.target, raw.negated, lim)


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


def read_graph(text: str, limits: Any = None) -> Reading:
    """Text -> Reading (the problem and how it was read)."""
    problem = parse_graph(text, limits=limits)
    kind = "directed" if problem.directed else "undirected"
    return Reading(
        problem=problem,
        read_as=f"{kind} graph, {len(problem.node_names())} nodes, {len(problem.edges)} edges; "
        f"is {problem.target!r} reachable from {problem.source!r}?",
    )
