"""Boolean logic as people, programs and benchmarks write it -> a canonical LogicProblem, and how it was read.

Reading goes in steps, each with its own small lexicon rather than whole-input patterns:

1. segment: code fences, lines (a line that leaves a bracket open, or ends on an operator, continues on the
   next), list and prompt markers (`- `, `1. `, `>>> `), then sentences and `;`-separated statements;
2. given values: `a = True`, `let a be true`, `bool a = true;`, `where a=1, b=0`, `given x is false and y is
   yes`, `If a is true and b is false, ...`, definitions in code (`c = a and not b`), and legends for bits
   (`where 1 = true`, `1 means false`, `(1 = true, 0 = false)`); a name given two values is refused, quoting both;
3. the expression: in each remaining segment, question words around it are stripped (`What is`, `Evaluate:`,
   `Decide whether ... holds`, BBH's trailing ` is`, `print(...)`, `SELECT`, `= ?`); a segment with no logic in it
   is framing and skipped ("You are a helpful assistant."); exactly one expression must remain;
4. the question's polarity: `Is it false that X?`, `Is X false?`, `X is false`, `Is this false?` ask for not X and
   are read so; any other negation or inversion cue in the framing (not, never, opposite, ...) is refused, never
   dropped;
5. the operators (parsers/logic_expr.py): Python, C/Java, SQL capitals, mathematical symbols; xor, nand, nor,
   implication and equivalence rewritten into and/or/not with the same meaning; precedence NOT > AND > OR.

`read_logic` returns a Reading: the problem, `read_as` (the canonical expression and every rewrite), `skipped`
(framing, verbatim) and `assumptions` (e.g. "1 read as true and 0 as false: no legend was given").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from drt_agent.domains.base import Reading
from drt_agent.domains.logic import LogicProblem
from drt_agent.errors import ParseError

from .logic_expr import (
    DIGITS,
    LITERAL_WORDS,
    RESERVED,
    REWRITES,
    Builder,
    Node,
    Tok,
    build,
    render,
    tokenize,
)

EXAMPLE = "(a and not b) or c where a=True, b=False, c=False"
TRUTH = {"true": True, "t": True, "yes": True, "⊤": True, "false": False, "f": False, "no": False, "⊥": False}
_MAX_STRIP = 24  # words of framing stripped from either end of one sentence: a long run is not framing

# -- 1. segmentation -----------------------------------------------------------------------------------------------
_FENCE = re.compile(r"[ \t]*(?:```|~~~)")
_MARKER = re.compile(r"[ \t]*(?:>>>|\.\.\.|[-*•>]|\d{1,3}[.)])[ \t]+")
_OPEN_END = re.compile(
    r"(?:\b(?:and|or|not|xor|nand|nor|implies|iff)|&&|\|\||<->|<=>|->|=>|[&|!~¬∧∨⊕→↔⇒⇔(\[])[ \t]*$", re.I
)
_OPEN_START = re.compile(r"[ \t]*(?:&&|\|\||<->|<=>|->|=>|[&|∧∨⊕→↔⇒⇔)\]])")
_SENTENCE_END = re.compile(r"(?<=[.?])\s+|(?<=[A-Za-z0-9)\]]!)\s+|;")


@dataclass
class Piece:
    """A sentence, a statement or a line: text[start:end] of the input."""

    start: int
    end: int


def segments(text: str) -> list[Piece]:
    """Code fences dropped, lines joined while a bracket is open or an operator dangles, list markers
    stripped, then split into sentences and statements."""
    lines: list[list[int]] = []  # [start, end] of logical lines
    pos, depth = 0, 0
    for raw in text.splitlines(keepends=True):
        start, end = pos, pos + len(raw.rstrip("\r\n"))
        pos += len(raw)
        body = text[start:end]
        if _FENCE.match(body):
            depth = 0
            continue
        joined = lines and (depth > 0 or _OPEN_END.search(text[lines[-1][0] : lines[-1][1]]) is not None)
        if lines and not joined and _OPEN_START.match(body) and lines[-1][1] > lines[-1][0]:
            joined = True
        if joined:
            lines[-1][1] = end
        else:
            m = _MARKER.match(body)
            lines.append([start + (m.end() if m else 0), end])
        depth = max(0, depth + body.count("(") + body.count("[") - body.count(")") - body.count("]"))
    out = []
    for start, end in lines:
        at = start
        for m in _SENTENCE_END.finditer(text, start, end):
            out.append(Piece(at, m.start()))
            at = m.end()
        out.append(Piece(at, end))
    return [p for p in out if text[p.start : p.end].strip()]


# -- 2. given values -----------------------------------------------------------------------------------------------
_DECL = r"(?:(?:let|var|const|val|bool|boolean|auto|int|final|set)\s+)?"
_ENTRY = re.compile(
    _DECL + r"(?P<name>[A-Za-z_][A-Za-z0-9_]*|[01⊤⊥])"
    r"(?P<verb>\s*(?::=|=(?!=)|:)\s*|\s+(?:is\s+set\s+to|is\s+assigned|is\s+equal\s+to|is|be|equals|means|"
    r"stands\s+for|represents|denotes|for|as)\s+)"
    r"(?P<value>[A-Za-z0-9_⊤⊥]+)(?![\w(])",
    re.I,
)
_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|;\s*|\s+and\s+|\n\s*)", re.I)
_END = re.compile(r"\s*[.;,]?\s*$")
_KEYWORD = (
    r"(?:let|given(?:\s+that)?|suppose(?:\s+that)?|assume(?:\s+that)?|assuming(?:\s+that)?|if|when|where|with|"
    r"using|here|for)"
)
_LEAD_KEYWORD = re.compile(r"\s*" + _KEYWORD + r"\s+", re.I)
_TRAIL_KEYWORD = re.compile(r"(?:^|[\s,;:(])(" + _KEYWORD + r")\s+", re.I)
_DEFINITION = re.compile(
    _DECL + r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?::=|=(?!=))\s*(?P<expr>.+?)\s*[;.]?\s*$", re.S
)
_STOPWORDS = {"it", "this", "that", "there", "what", "which", "answer", "result", "expression", "statement"}
_QUOTES = re.compile(r"[`\"“”‘’]|(?<![A-Za-z])'|'(?![A-Za-z])")
_MAX_CLAUSE_TRIES = 8


@dataclass
class Given:
    """One stated value: `name` `verb` `value`, with the text that stated it (quoted in errors)."""

    name: str
    verb: str
    value: str
    source: str
    definition: bool = False  # value is an expression (code: `c = a and b`)
    start: int = 0  # offset of the value in the input (definitions are read from there)


def _entries(text: str, pos: int, end: int) -> list[re.Match[str]] | None:
    """A complete list of entries in text[pos:end] (`a = 1, b is false and c: T.`), else None."""
    out = []
    while True:
        m = _ENTRY.match(text, pos, end)
        if m is None:
            return None
        if m.group("verb").strip() not in ("=", ":="):
            if m.group("name").lower() in _STOPWORDS:
                return None  # "it is true" is a sentence about the question, not a variable named "it"
            if m.group("value").lower() not in TRUTH and m.group("value") not in DIGITS:
                return None  # "B: D", "Ann is Bob": a word other than a truth value is not a value
        out.append(m)
        pos = m.end()
        if _END.match(text, pos, end):
            return out
        sep = _SEP.match(text, pos, end)
        if sep is None:
            return None
        pos = sep.end()


def _given(m: re.Match[str]) -> Given:
    return Given(m.group("name"), m.group("verb").strip().lower(), m.group("value"), m.group().strip())


@dataclass
class Split:
    """What one piece holds: given values, the rest (still to read), framing skipped."""

    given: list[Given] = field(default_factory=list)
    rest: list[Piece] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _plain_words(tokens: list[Tok]) -> bool:
    """Whether tokens are words and punctuation only (a preamble such as "Here," or "In this notation:")."""
    return all(t.kind in ("name", "punct", "quote", "num") for t in tokens)


def _has_logic(tokens: list[Tok], known: set[str] | frozenset[str] = frozenset()) -> bool:
    """Whether tokens hold logic: an operator symbol, a known variable, or a constant beside an operator or a
    bracket ("You have 1 task" holds none; "1 AND 0" does)."""
    for i, t in enumerate(tokens):
        if t.kind in ("bin", "not") and not t.text.isalpha():
            return True
        if t.kind == "name" and t.text in known:
            return True
        if t.kind in ("val", "digit"):
            near = tokens[max(0, i - 1) : i] + tokens[i + 1 : i + 2]
            if any(n.kind in ("bin", "not", "lp", "rp") for n in near):
                return True
    return False


def split_given(text: str, piece: Piece, depth: int = 0) -> Split:
    """Given values in one piece: the whole piece, a leading `If ..., ` clause, a trailing `where ...` clause
    or `(...)` group, or a code definition; the rest is left to read."""
    u = _QUOTES.sub(" ", text[: piece.end])  # same length: offsets stay those of the input
    s, e = piece.start, piece.end
    while s < e and u[s].isspace():
        s += 1
    question = text[s:e].rstrip().endswith("?")
    # the whole piece, after an optional keyword or a plain-word preamble ending in ',' or ':'
    if not question:
        starts = [s]
        for m in re.finditer(r"[,:]\s*", u[s:e]):
            starts.append(s + m.end())
            break
        for at in starts:
            kw = _LEAD_KEYWORD.match(u, at, e)
            found = _entries(u, kw.end() if kw else at, e) or _entries(u, at, e)
            if found and (at == s or _plain_words(tokenize(text[s:at]))):
                return Split([_given(m) for m in found], [], [text[s:at].strip(" ,:")] if at > s else [])
    # a leading clause: "If a is true and b is false, what is ...?"
    kw = _LEAD_KEYWORD.match(u, s, e)
    if kw is not None:
        for n, comma in enumerate(re.finditer(",", u[kw.end() : e])):
            if n >= _MAX_CLAUSE_TRIES:
                break
            found = _entries(u, kw.end(), kw.end() + comma.start())
            if found:
                return _more([_given(m) for m in found], text, Piece(kw.end() + comma.end(), e), depth)
    # a trailing clause: "... where a=True, b=False" or "... (1 = true, 0 = false)"
    tail_end = e
    while tail_end > s and u[tail_end - 1] in " \t\r\n.?!)":
        tail_end -= 1
    keys = list(_TRAIL_KEYWORD.finditer(u, s, tail_end))[-_MAX_CLAUSE_TRIES:]
    opens = [m for m in re.finditer(r"\(", u[s:tail_end])][-_MAX_CLAUSE_TRIES:]
    tries = [(m.start(1), m.end()) for m in keys] + [(s + m.start(), s + m.end()) for m in opens]
    for cut, at in sorted(tries, reverse=True):
        found = _entries(u, at, tail_end)
        if found is None or cut <= s:
            continue
        opened = 1 if u[cut] == "(" or (cut > s and u[cut - 1] == "(") else 0
        if text[tail_end:e].count(")") != opened:
            continue  # a ')' that closes the expression's own bracket, not the clause's
        rest_end = cut - 1 if opened and u[cut] != "(" else cut
        return _more([_given(m) for m in found], text, Piece(s, rest_end), depth)
    # a definition in code: "c = a and not b", "boolean r = a && !b;"
    m = _DEFINITION.match(u, s, e)
    if (
        m is not None
        and m.group("name").lower() not in RESERVED
        and _operand_in(text[m.start("expr") : m.end("expr")])
    ):
        expr = text[m.start("expr") : m.end("expr")]
        return Split([Given(m.group("name"), "=", expr, text[s:e].strip(), True, m.start("expr"))])
    return Split(rest=[piece])


def _more(given: list[Given], text: str, rest: Piece, depth: int) -> Split:
    """Values found in a clause, and what the rest of the piece holds (a definition, another clause)."""
    if depth >= 2:
        return Split(given, [rest])
    more = split_given(text, rest, depth + 1)
    return Split(given + more.given, more.rest, more.skipped)


def _operand_in(text: str) -> bool:
    return any(t.kind in ("val", "digit", "name") for t in tokenize(text))


@dataclass
class Values:
    """The values given in a text: variables, definitions (in order), the legend for 1 and 0."""

    values: dict[str, bool] = field(default_factory=dict)
    definitions: list[Given] = field(default_factory=list)
    legend: dict[str, bool] = field(default_factory=dict)
    digit_values: list[Given] = field(default_factory=list)  # `a = 1`: resolved once the legend is known
    sources: dict[str, str] = field(default_factory=dict)
    legend_sources: dict[str, str] = field(default_factory=dict)


def _conflict(name: str, first: str, second: str) -> ParseError:
    return ParseError(
        f"{name!r} is given two values: {first!r} and {second!r}; give each variable one value"
        if first != second
        else f"{name!r} is given two values in {first!r}; give each variable one value"
    )


def resolve_given(given: list[Given]) -> Values:
    """Given entries -> values, definitions and legend, refusing reserved names, unknown values and any name
    (or digit) given two different values."""
    out = Values()
    seen: dict[str, Given] = {}
    for g in given:
        low, value = g.name.lower(), g.value.lower()
        if low in DIGITS or low in LITERAL_WORDS:  # a legend: "1 = true", "true = 1", "T = true"
            _legend_entry(out, g)
            continue
        if low in RESERVED:
            raise ParseError(
                f"{g.name!r} is a reserved word (an operator); rename the variable in {g.source!r}"
            )
        if g.name in seen:
            before = seen[g.name]
            if before.value.lower() != value or before.definition != g.definition:
                raise _conflict(g.name, before.source, g.source)
            continue
        seen[g.name] = g
        out.sources[g.name] = g.source
        if g.definition:
            out.definitions.append(g)
        elif value in TRUTH:
            out.values[g.name] = TRUTH[value]
        elif value in DIGITS:
            out.digit_values.append(g)
        elif g.verb in ("=", ":=") and re.fullmatch(r"[A-Za-z_]\w*", g.value):
            out.definitions.append(Given(g.name, g.verb, g.value, g.source, True, -1))  # `b = a`
            continue
        else:
            raise ParseError(
                f"variable {g.name!r} is given the value {g.value!r} in {g.source!r}; use True/False, T/F, 1/0 "
                "or yes/no"
            )
    names = set(seen)
    for g in out.definitions:
        if g.start < 0 and g.value not in names:
            raise ParseError(
                f"variable {g.name!r} is given the value {g.value!r} in {g.source!r}; use True/False, T/F, 1/0 "
                "or yes/no"
            )
    return out


def _legend_entry(out: Values, g: Given) -> None:
    """`1 = true` / `true = 1` set what a digit means; `T = true` restates a constant; `T = false` is refused."""
    name, value = g.name.lower(), g.value.lower()
    if name in LITERAL_WORDS and value in DIGITS:
        name, value = value, name
    if name in LITERAL_WORDS:
        if TRUTH.get(value) is None or TRUTH[value] != (LITERAL_WORDS[name] == "T"):
            raise ParseError(
                f"{g.name!r} is a reserved word (the constant {'true' if LITERAL_WORDS[name] == 'T' else 'false'}); "
                f"{g.source!r} contradicts it; rename the variable"
            )
        return
    if value not in TRUTH:
        raise ParseError(f"{g.source!r}: a legend gives {g.name} the value true or false, e.g. '1 = true'")
    if name in out.legend and out.legend[name] != TRUTH[value]:
        raise _conflict(name, out.legend_sources[name], g.source)
    out.legend[name] = TRUTH[value]
    out.legend_sources[name] = g.source
    if len(out.legend) == 2 and out.legend["1"] == out.legend["0"]:
        raise ParseError(
            f"the legend gives 1 and 0 the same value ({out.legend_sources['1']!r}, {out.legend_sources['0']!r})"
        )


# -- 3 and 4. the expression and the question's polarity -----------------------------------------------------------
_NEG_PRED = r"(?:false|untrue|not\s+true|isn't\s+true|not\s+the\s+case|incorrect)"
_LEAD_PHRASES = [
    (re.compile(r"(?:is\s+it|it\s+is|it's)\s+" + _NEG_PRED + r"\s+that\b", re.I), True),
    (re.compile(r"(?:is\s+it|it\s+is|it's)\s+(?:true|the\s+case|correct)\s+that\b", re.I), False),
    (re.compile(r"(?:true\s+or\s+false|true/false)\s*[:?\-–—]", re.I), False),
    (re.compile(r"whether\s+or\s+not\b", re.I), False),
]
_TRAIL_PHRASES = [
    (re.compile(r"\bis\s+(?:it\s+)?(?:true\s+or\s+false|false\s+or\s+true)\s*\??\s*$", re.I), False),
    (re.compile(r"[,:;?\-–—(]\s*(?:true\s+or\s+false|false\s+or\s+true)\s*\)?\s*[?.]?\s*$", re.I), False),
    (
        re.compile(r"\b(?:is|evaluates?\s+to|equals?|returns?|gives?|yields?)\s+true\s*[?.!]?\s*$", re.I),
        False,
    ),
    (re.compile(r"\bis\s+it\s+true\s*[?.!]?\s*$", re.I), False),
    (
        re.compile(
            r"\b(?:(?:is|evaluates?\s+to|equals?|returns?|gives?|yields?)\s+(?:false|untrue)|is\s+not\s+true|"
            r"isn't\s+true|(?:does\s+not|doesn't)\s+hold)\s*[?.!]?\s*$",
            re.I,
        ),
        True,
    ),
]
_TRAIL_WINDOW = 80  # characters searched for a trailing phrase
_QUESTION_VERBS = {"is", "are", "does", "do", "was"}
_ABOUT = re.compile(  # a sentence about the expression: "Is this false?", "Decide whether the following is false:"
    r"\W*(?:(?:so|and|now|then)\s+)?(?:(?:decide|determine|say|tell\s+me|check)\s+)?(?:whether|if|is|does)\s+"
    r"(?:it|this|that|the\s+following|the\s+(?:\w+\s+)?(?:expression|statement|formula|result|proposition|claim))"
    r"(?:\s+(?:expression|statement|formula|proposition|claim))?\s+(?:is\s+)?(?P<pred>\w+(?:\s+\w+){0,2})\s*[?:.!]?\s*$",
    re.I,
)
_NEGATING = re.compile(r"(?:false|untrue|not\s+true|not\s+hold|incorrect|fail|fails)$", re.I)
_NEUTRAL = re.compile(r"(?:true|hold|holds|correct|true\s+or\s+false)$", re.I)
# words of question scaffolding: understood, so not reported as skipped
_QUESTION_WORDS = {
    "what", "what's", "whats", "is", "are", "does", "do", "evaluate", "evaluates", "compute", "calculate",
    "determine", "decide", "simplify", "solve", "find", "whether", "if", "the", "truth", "value", "of",
    "following", "boolean", "logical", "logic", "expression", "formula", "statement", "result", "hold", "holds",
    "to", "equals", "equal", "please", "tell", "me", "print", "return", "assert", "select", "eval", "bool",
    "console", "log", "system", "out", "println", "printf", "q", "question", "answer", "this", "that", "it",
    "true",
}  # fmt: skip
_ANSWER_FORMAT = re.compile(
    r"\b(?:true|yes)\s*(?:or|/|\|)\s*(?:false|no)\b|\b(?:false|no)\s*(?:or|/)\s*(?:true|yes)\b|\bT\s*/\s*F\b|\b1\s*/\s*0\b",
    re.I,
)
_CUES = re.compile(
    r"\b(?:not|no|never|none|nor|neither|false|untrue|opposite|negat\w*|invert\w*|inverse|complement\w*|flip\w*|"
    r"revers\w*|wrong|incorrect|unless|except|contrary|den(?:y|ies)|fail\w*)\b|n't\b",
    re.I,
)
_SAFE = re.compile(
    r"\b(?:do\s+not|don't|dont|never)\s+(?:explain|show|include|add|give|write|use|repeat|output|print|elaborate|"
    r"justify|provide|reason)\b|\bno\s+(?:explanation|reasoning|other\s+text|extra\s+text|additional\s+text|"
    r"markdown|code)\b|\bwhether\s+or\s+not\b|\bor\s+not\b(?=\s*[?.:]?\s*$)",
    re.I,
)


@dataclass
class Found:
    """One piece read: an expression's tokens (with the negations its framing asks for), or framing."""

    body: str = ""  # the piece, verbatim
    tokens: list[Tok] = field(default_factory=list)
    negations: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # framing text: reported, and checked for negation cues
    understood: list[str] = field(default_factory=list)  # question words stripped: checked, not reported
    logic: bool = False  # the piece holds logic (an expression, or one that failed)
    odd: bool = False  # punctuation other than a question's (?.:!=, quotes) was stripped
    stray: bool = False  # framing that holds a constant (true/false/T/F/1/0): refused, not skipped


def _variable_like(word: str) -> bool:
    """A word that reads as a variable name, not as framing: one letter (bar 'a' and 'I'), or digits or '_'."""
    return (len(word) == 1 and word not in "aAI") or re.search(r"[\d_]", word) is not None


def _strippable_lead(tokens: list[Tok], k: int, known: set[str]) -> bool:
    """A leading token that cannot start the expression: punctuation, or a word that is not a known variable and
    not an operand (followed by an operator) nor a function applied to a bracket (`neg(T)`; `print(...)` is)."""
    t = tokens[k]
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if t.kind == "num":
        return nxt is None or nxt.kind not in ("bin", "rp")
    if t.kind in ("punct", "quote"):
        return True
    if t.kind == "name" and t.text not in known and not _variable_like(t.text):
        if nxt is not None and nxt.kind == "lp" and nxt.start == t.end:
            return t.text.lower() in _QUESTION_WORDS
        return nxt is None or nxt.kind not in ("bin", "rp")
    return t.kind == "bad" and t.text == "="


def _strippable_trail(tokens: list[Tok], k: int, known: set[str]) -> bool:
    t = tokens[k]
    prev = tokens[k - 1] if k > 0 else None
    if t.kind == "num":
        return prev is None or prev.kind not in ("bin", "not", "lp")
    if t.kind in ("punct", "quote"):
        return True
    if t.kind == "name" and t.text not in known and not _variable_like(t.text):
        return prev is None or prev.kind not in ("bin", "not", "lp")
    return t.kind == "bad" and t.text == "="


def find_expression(text: str, piece: Piece, known: set[str], force: bool = False) -> Found:
    """Strip framing around the expression in one piece and note the polarity the framing asks for. A piece
    with no logic in it (no operator symbol, known variable or constant beside an operator, and not a lone
    constant once framing is stripped) is framing; `force` reads it as an expression anyway (for errors)."""
    tokens = tokenize(text[piece.start : piece.end], piece.start)
    body = text[piece.start : piece.end].strip()
    about = _ABOUT.match(body)
    if about is not None and _NEGATING.match(about.group("pred")) and not force:
        return Found(body=body, negations=[body])
    if about is not None and _NEUTRAL.match(about.group("pred")) and not force:
        return Found(body=body)
    found = _strip(text, piece, tokens, known, Found(body=body, logic=True))
    core = [t for t in found.tokens if t.kind not in ("lp", "rp")]
    # a lone constant is an expression only under question words ("What is F?"), not in "Is node 0 reachable"
    lone = len(core) == 1 and core[0].kind in ("val", "digit") and not found.skipped and not found.odd
    if force or lone or _has_logic(tokens, known):
        return found
    fmt = _answer_format(text, tokens)
    stray = any(t.kind in ("val", "digit") for k, t in enumerate(tokens) if k not in fmt)
    return Found(body=body, skipped=[body], stray=stray)


def _strip(text: str, piece: Piece, tokens: list[Tok], known: set[str], found: Found) -> Found:
    """The stripping itself: a colon preamble, leading and trailing framing, a predicate after `Is ...`."""
    fmt = _answer_format(text, tokens)
    starts = [t.start for t in tokens]
    i, j = 0, len(tokens)
    colon = next((k for k, t in enumerate(tokens) if t.text == ":"), None)
    if colon is not None and 0 < colon < j - 1:
        before = [t for k, t in enumerate(tokens[:colon]) if k not in fmt]
        if not _has_logic(before, known):
            prefix = text[tokens[0].start : tokens[colon].end]
            about = _ABOUT.match(prefix)
            if about is not None and _NEGATING.match(about.group("pred")):
                found.negations.append(prefix)
            elif about is None or not _NEUTRAL.match(about.group("pred")):
                _note(found, prefix)
            i = colon + 1
    question = i < j and tokens[i].text.lower() in _QUESTION_VERBS
    # leading framing
    stripped = 0
    while i < j:
        for pattern, negates in _LEAD_PHRASES:
            m = pattern.match(text, tokens[i].start, piece.end)
            if m is not None:
                if negates:
                    found.negations.append(m.group())
                while i < j and tokens[i].start < m.end():
                    i += 1
                break
        else:
            if stripped < _MAX_STRIP and _strippable_lead(tokens, i, known):
                _note(found, tokens[i])
                i, stripped = i + 1, stripped + 1
                continue
            break
    # trailing framing
    stripped = 0
    while j > i:
        window = max(tokens[i].start, tokens[j - 1].end - _TRAIL_WINDOW)
        for pattern, negates in _TRAIL_PHRASES:
            m = pattern.search(text, window, tokens[j - 1].end)
            at = bisect.bisect_left(starts, m.start(), i + 1, j) if m is not None else j
            ends_operand = at < j and tokens[at - 1].kind not in ("bin", "not", "lp")
            if m is not None and ends_operand and tokens[at].start == m.start():
                if negates:
                    found.negations.append(m.group().strip())
                j = at
                break
        else:
            if stripped < _MAX_STRIP and _strippable_trail(tokens, j - 1, known):
                _note(found, tokens[j - 1])
                j, stripped = j - 1, stripped + 1
                continue
            break
    # "Is X true or false?", "Is X true?", "Is X false?": a predicate after an inverted question
    if question and j - i >= 4 and _answer_format_only(Found(tokens=tokens[j - 3 : j])):
        if tokens[j - 4].kind in ("val", "digit", "name", "rp"):
            j -= 3
    elif question and j - i >= 2 and tokens[j - 1].text.lower() in ("true", "false"):
        before = tokens[j - 2]
        if before.kind in ("val", "digit", "name", "rp"):
            if tokens[j - 1].text.lower() == "false":
                found.negations.append(tokens[j - 1].text)
            j -= 1
    found.tokens = tokens[i:j]
    return found


def _answer_format(text: str, tokens: list[Tok]) -> set[int]:
    """Indices of tokens that spell an answer format ("True or False", "yes/no") with no operator beside it:
    in `True or False or not True` the same words are an expression."""
    out: set[int] = set()
    if not tokens:
        return out
    starts = [t.start for t in tokens]
    for m in _ANSWER_FORMAT.finditer(text, tokens[0].start, tokens[-1].end):
        lo, hi = bisect.bisect_left(starts, m.start()), bisect.bisect_left(starts, m.end())
        inside = [k for k in range(lo, hi) if tokens[k].end <= m.end()]
        if not inside:
            continue
        near = tokens[max(0, inside[0] - 1) : inside[0]] + tokens[inside[-1] + 1 : inside[-1] + 2]
        if not any(t.kind in ("bin", "not") for t in near):
            out.update(inside)
    return out


def _note(found: Found, stripped: str | Tok) -> None:
    """Stripped framing: question words are understood, anything else is reported as skipped."""
    if isinstance(stripped, Tok):
        found.odd = (
            found.odd or stripped.kind == "num" or (stripped.kind == "punct" and stripped.text not in "?.:!")
        )
        words = stripped.text
    else:
        words = stripped
    if all(w.lower() in _QUESTION_WORDS for w in re.findall(r"[A-Za-z_']+", words)):
        found.understood.append(words)
    else:
        found.skipped.append(words)


def check_framing(texts: list[str]) -> None:
    """Refuse framing that could negate or invert the question (never drop a negation)."""
    for t in texts:
        cleaned = _SAFE.sub(" ", _ANSWER_FORMAT.sub(" ", t))
        m = _CUES.search(cleaned)
        if m is not None:
            raise ParseError(
                f"the text around the expression says {t.strip()[:120]!r}, and {m.group()!r} could negate or change "
                "what is asked; ask about the expression alone, e.g. 'What is X?' or 'Is it false that X?'"
            )


# -- 5. assembly ----------------------------------------------------------------------------------------------------
_CODE_CUES = re.compile(r"&&|\|\||!(?!=)|`|\bTrue\b|\bFalse\b|;\s*$", re.M)


@dataclass
class _Parts:
    """What the text was read into, before the problem is made."""

    candidates: list[Found]
    framing: list[Found]
    values: Values
    skipped: list[str]
    rest: list[Piece]  # the pieces left once given values were taken out


def _read_parts(text: str) -> _Parts:
    pieces = segments(text)
    given: list[Given] = []
    rest: list[Piece] = []
    skipped: list[str] = []
    for p in pieces:
        sp = split_given(text, p)
        given += sp.given
        rest += sp.rest
        skipped += [s for s in sp.skipped if s]
    values = resolve_given(given)
    known = set(values.values) | {g.name for g in values.definitions} | {g.name for g in values.digit_values}
    founds = [find_expression(text, p, known) for p in rest]
    candidates = [f for f in founds if f.logic and f.tokens]
    framing = [f for f in founds if not f.logic or not f.tokens]
    if len(candidates) > 1:  # "True or False?" beside an expression is the answer format
        framing += [Found(body=f.body, skipped=[f.body]) for f in candidates if _answer_format_only(f)]
        candidates = [f for f in candidates if not _answer_format_only(f)]
    return _Parts(candidates, framing, values, skipped, rest)


def _answer_format_only(found: Found) -> bool:
    inner = [t for t in found.tokens if t.kind not in ("lp", "rp")]
    return (
        len(inner) == 3
        and inner[1].op == "or"
        and {t.text.lower() for t in (inner[0], inner[2])} in ({"true", "false"}, {"yes", "no"})
    )


def read_logic(text: str, limits: Any = None, *, simplify_negations: bool = False) -> Reading:
    """Text -> Reading (the problem and how it was read). `simplify_negations` cancels directly stacked
    negations (`not not x` -> `x`), an exact rewrite reported in read_as."""
    if not text or not text.strip():
        raise ParseError(f"empty input; give a boolean expression, e.g. {EXAMPLE!r}")
    parts = _read_parts(text)
    if not parts.candidates:
        raise _no_expression(text, parts)
    if len(parts.candidates) > 1:
        shown = " and ".join(repr(_span(text, f.tokens)) for f in parts.candidates[:3])
        raise ParseError(
            f"found {len(parts.candidates)} expressions: {shown}; give one expression per problem "
            "(several problems go on separate lines with --batch)"
        )
    found = parts.candidates[0]
    builder = Builder(simplify=simplify_negations)
    assumptions: list[str] = []
    leaf = _leaves(text, parts.values, found.tokens, builder, assumptions)
    caret = any(t.text == "^" for t in found.tokens)
    node = build(found.tokens, text, leaf, builder, caret_is_xor=bool(_CODE_CUES.search(text)))
    if caret:
        assumptions.append("'^' read as xor, as in C and Python")
    stray = next((f for f in parts.framing if f.stray), None)
    if stray is not None:
        raise ParseError(
            f"could not read {stray.body[:120]!r}: it holds true/false or 1/0 but is not an expression or a value "
            f"given to a variable; the expression read is {_span(text, found.tokens)!r}"
        )
    negations = found.negations + [n for f in parts.framing for n in f.negations]
    if len(negations) > 1:
        raise ParseError(
            f"the question is negated more than once ({', '.join(repr(n) for n in negations)}); ask it once, "
            "e.g. 'Is it false that X?'"
        )
    check_framing(
        parts.skipped + found.skipped + found.understood + [s for f in parts.framing for s in f.skipped]
    )
    asked = _span(text, found.tokens)
    if negations:
        node = builder.neg(("()", node))
    cap = _cap(limits)
    expression = render(node, cap)
    problem = LogicProblem(expression=expression, variables=dict(parts.values.values))
    read_as = f"boolean expression {expression}"
    if problem.variables:
        read_as += " where " + ", ".join(f"{k}={v}" for k, v in problem.variables.items())
    notes = [f"rewrote {REWRITES[k]}" for k in builder.notes.rewrites]
    if builder.notes.cancelled:
        notes.append(f"cancelled {builder.notes.cancelled} double negation(s) (not not x as x)")
    if negations:
        notes.append(f"the question {negations[0]!r} asks whether {asked!r} is false: read as its negation")
    if parts.values.definitions:
        notes.append("substituted " + ", ".join(g.source for g in parts.values.definitions))
    if notes:
        read_as += " (" + "; ".join(notes) + ")"
    skipped = parts.skipped + found.skipped + [s for f in parts.framing for s in f.skipped]
    return Reading(problem=problem, read_as=read_as, skipped=skipped, assumptions=assumptions)


def _span(text: str, tokens: list[Tok]) -> str:
    return text[tokens[0].start : tokens[-1].end] if tokens else ""


def _cap(limits: Any) -> int:
    from drt_agent.limits import resolve

    return int(resolve(limits).max_tokens) * 4


def _leaves(
    text: str, values: Values, tokens: list[Tok], builder: Builder, assumptions: list[str]
) -> dict[str, Node]:
    """Nodes for the digits and names the expression may use: the legend, given values, then definitions in the
    order given (a definition may use only what is given before it)."""
    legend = dict(values.legend) or {"1": True, "0": False}
    other = "0" if "1" in values.legend else "1"  # the digit a one-entry legend leaves out
    if len(legend) == 1:
        legend[other] = not legend["1" if other == "0" else "0"]
    digits_used = bool(values.digit_values) or any(t.kind == "digit" for t in tokens)
    digits_used = digits_used or any(re.search(r"\b[01]\b", g.value) for g in values.definitions)
    if digits_used and not values.legend:
        assumptions.append("1 read as true and 0 as false: no legend was given")
    elif digits_used and len(values.legend) == 1:
        stated = next(iter(values.legend))
        assumptions.append(
            f"{other} read as {str(legend[other]).lower()}: only {values.legend_sources[stated]!r} was stated"
        )
    for g in values.digit_values:
        values.values[g.name] = legend[g.value]
    leaf: dict[str, Node] = {d: ("v", "T" if v else "F") for d, v in legend.items()}
    leaf.update({name: ("v", name) for name in values.values})
    for g in values.definitions:
        if g.start < 0:  # `b = a`
            toks = [Tok("name", g.value, 0, len(g.value), g.value)]
            source = g.source
        else:
            source = text
            toks = tokenize(text[g.start : g.start + len(g.value)], g.start)
        node = build(toks, source, leaf, builder, caret_is_xor=bool(_CODE_CUES.search(text)))
        leaf[g.name] = builder.wrap(node, 9)
    return leaf


def _no_expression(text: str, parts: _Parts) -> ParseError:
    """The most useful error when no expression was found: what is wrong in a definition, or in the piece that
    looks most like an expression, or that values were given but nothing asked about them."""
    _leaves(text, parts.values, [], Builder(), [])  # a definition's own error comes first
    known = set(parts.values.values) | {g.name for g in parts.values.definitions}
    for p in parts.rest:
        toks = tokenize(text[p.start : p.end], p.start)
        if any(t.kind in ("bin", "not", "val", "digit") for t in toks):
            f = find_expression(text, p, known | {t.text for t in toks if t.kind == "name"}, force=True)
            if f.tokens:
                try:
                    build(f.tokens, text, {}, Builder(), caret_is_xor=bool(_CODE_CUES.search(text)))
                except ParseError as exc:
                    return exc
    names = sorted(known | {g.name for g in parts.values.digit_values})
    if names:
        return ParseError(
            f"values are given for {', '.join(names)} but no expression is asked about; add one, e.g. "
            f"'What is {names[-1]}?'"
        )
    return ParseError(f"no boolean expression found in {text.strip()[:200]!r}; e.g. {EXAMPLE!r}")


def parse_logic(text: str, *, simplify_negations: bool = False) -> LogicProblem:
    """Parse a boolean expression (with optional variable values) into a LogicProblem, or raise ParseError."""
    return read_logic(text, simplify_negations=simplify_negations).problem


_CUE = re.compile(r"\b(?:true|false|xor|nand|nor)\b|&&|\|\||[&|!~^¬∧∨⊕]|\bwhere\s+\w+\s*=", re.IGNORECASE)
_GRAPH_CUE = re.compile(
    r"connect|reach|path|edge|node|link|road|lead|route|->|→|--|\b\w+\s*-\s*\w+\b", re.IGNORECASE
)


def looks_like_logic(text: str) -> bool:
    """Whether text is a boolean expression: it reads as one, or it carries boolean cues (true/false, logic
    symbols) and no graph cues, so a malformed expression still gets the logic parser's error message."""
    try:
        read_logic(text)
        return True
    except ParseError:
        pass
    words = [w.lower() for w in re.findall(r"[A-Za-z_]\w*", text)]
    vocab = RESERVED | {"where", "with", "given", "is", "what", "evaluate"}
    if words and all(w in vocab for w in words) and not _GRAPH_CUE.search(text):
        return True  # only logic words (a bracket or operator must be wrong): the logic parser explains
    return bool(_CUE.search(text)) and not _GRAPH_CUE.search(text)
