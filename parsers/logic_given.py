"""Logic text, steps 1-2: segments, and the values a text gives (variables, definitions, legends).

Segments are code-fence lines, lines (a line that leaves a bracket open or ends on an operator continues on the
next), and sentences and `;` statements within them, with list and prompt markers stripped. A segment can give
values in many ways: `a = True`, `let a be true`, `bool a = true;`, `where a=1, b=0`, `given x is false and y is
yes`, `If a is true and b is false, ...`, `we had `a = true`, `b = false``, YAML (`a: true`), code definitions
(`c = a and not b`, `rule: "a or b"`), legends for bits (`1 = true`, `1 means false`, `(1 = true, 0 = false)`) and
for operators (`& is AND, ^ is XOR, ~ is NOT`). A name, digit or symbol given two meanings is refused, quoting
both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drt_agent.errors import ParseError

from .logic_expr import DIGITS, LITERAL_WORDS, RESERVED, Tok, tokenize

TRUTH = {"true": True, "t": True, "yes": True, "⊤": True, "false": False, "f": False, "no": False, "⊥": False}

# -- 1. segmentation -----------------------------------------------------------------------------------------------
_FENCE = re.compile(r"[ \t]*(?:```|~~~)")
# list items, quotes, and REPL prompts: >>> (Python), PS> (PowerShell), ghci> / irb> / sqlite>, In [1]:, $
_MARKER = re.compile(r"[ \t]*(?:>>>|\.\.\.|PS>|[A-Za-z]{2,8}>|In \[\d+\]:|\$|[-*•>]|\d{1,3}[.)])[ \t]+")
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
_NEG_ENTRY = re.compile(  # "q is not true", "it is not the case that u is true", "s isn't false"
    r"(?P<case>it\s+is\s+(?:not\s+the\s+case|false|untrue|not\s+true)\s+that\s+)?(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"(?P<verb>\s+is\s+(?P<neg>not\s+)?|\s+(?P<negc>isn't|is\s+not)\s+)(?P<value>true|false|T|F)(?![\w(])",
    re.I,
)
_OPERATOR_NAMES = {
    "and": "and",
    "conjunction": "and",
    "or": "or",
    "disjunction": "or",
    "xor": "xor",
    "exclusive or": "xor",
    "not": "not",
    "negation": "not",
    "complement": "not",
    "nand": "nand",
    "nor": "nor",
    "sheffer stroke": "nand",
    "peirce arrow": "nor",
    "implies": "imp",
    "implication": "imp",
    "iff": "iff",
    "equivalence": "iff",
}
_OPERATOR_ENTRY = re.compile(  # "& is AND", "^ means XOR", "~ = NOT", "' is complement", "juxtaposition is AND"
    r"(?P<name>&&|\|\||<->|<=>|->|=>|[&|^~!¬∧∨⊕↑↓→↔+*·'’]|juxtaposition)\s*"
    r"(?P<verb>is|means|=|:|stands\s+for|denotes|represents)\s*"
    r"(?:the\s+)?(?:logical\s+|boolean\s+)?(?:sheffer\s+stroke\s*/\s*(?=nand)|peirce\s+arrow\s*/\s*(?=nor))?"
    r"(?P<value>sheffer\s+stroke|peirce\s+arrow|exclusive\s+or|conjunction|disjunction|negation|complement|"
    r"implication|equivalence|and|or|xor|not|nand|nor|implies|iff)\b",
    re.I,
)
_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|;\s*|\s+and\s+|\n\s*)", re.I)
_END = re.compile(r"\s*[.;,?]?\s*$")
_KEYWORD = (
    r"(?:let|given(?:\s+that)?|(?:we\s+)?know\s+that|suppose(?:\s+that)?|assume(?:\s+that)?|assuming(?:\s+that)?|if|when|where|with|"
    r"using|here|for)"
)
_LEAD_KEYWORD = re.compile(r"\s*" + _KEYWORD + r"\s+", re.I)
_TRAIL_KEYWORD = re.compile(r"(?:^|[\s,;:(])(" + _KEYWORD + r")\s+", re.I)
_DEFINITION = re.compile(
    _DECL + r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?::=|=(?!=))\s*(?P<expr>.+?)\s*[;.]?\s*$", re.S
)
_QUOTED_DEFINITION = re.compile(
    r"(?P<name>[A-Za-z_]\w*)\s*[:=]\s*(?P<q>[\"'])(?P<expr>[^\"'\n]+)(?P=q)\s*[,;]?\s*$"
)
_STOPWORDS = {"it", "this", "that", "there", "what", "which", "answer", "result", "expression", "statement"}
_ENTRY_START = re.compile(r"(?<!\w)" + _ENTRY.pattern, re.I)
_LEGEND_AHEAD = r"(?!\s+(?:is|means|denotes)\b)"  # "' is complement" keeps its quote
_QUOTES = re.compile(
    r"[`\"“”‘$]|’" + _LEGEND_AHEAD + r"|(?<![A-Za-z])'" + _LEGEND_AHEAD + r"|'(?![A-Za-z])" + _LEGEND_AHEAD
)
_MAX_CLAUSE_TRIES = 8


@dataclass
class Given:
    """One stated value: `name` `verb` `value`, with the text that stated it (quoted in errors)."""

    name: str
    verb: str
    value: str
    source: str
    definition: bool = False  # value is an expression (code: `c = a and b`)
    start: int = 0  # offset of the value in the input (definitions are read from there; -1: `b = a`)
    operator: bool = False  # a legend for an operator symbol: `^ is XOR`


def _entries(text: str, pos: int, end: int) -> list[re.Match[str]] | None:
    """A complete list of entries in text[pos:end] (`a = 1, b is false and c: T.`, `& is AND, | is OR`), else
    None."""
    out = []
    while True:
        m = _OPERATOR_ENTRY.match(text, pos, end) or _negated(text, pos, end) or _ENTRY.match(text, pos, end)
        if m is None:
            return None
        negated = m.re is _NEG_ENTRY
        if negated and m.group("name").lower() in _STOPWORDS:
            return None
        if not negated:
            value = m.group("value").lower()
            name = m.group("name")
            output = value not in DIGITS or name in ("T", "F")  # "F = C + A", "F = 0'": F names an output
            if m.re is _ENTRY and name.lower() in LITERAL_WORDS and value not in TRUTH and output:
                return None  # Boolean algebra's output name is given no value here
            if m.re is _ENTRY and m.group("verb").strip() not in ("=", ":="):
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
        if negated and m.group("case") and re.search(r"\band\b", sep.group(), re.I):
            return None  # "it is not the case that a is true and b is false": the scope is unclear
        pos = sep.end()


def _negated(text: str, pos: int, end: int) -> re.Match[str] | None:
    """A value stated through a negation (`q is not true`, `it is not the case that u is true`); None when the
    entry has no negation (the plain entry grammar reads it)."""
    m = _NEG_ENTRY.match(text, pos, end)
    if m is None or not (m.group("case") or m.group("neg") or m.group("negc")):
        return None
    return m


def negated_value(m: re.Match[str]) -> str:
    """The value an entry states once its negations are counted: 'not true' is false."""
    flips = sum(1 for g in ("case", "neg", "negc") if m.group(g))
    value = TRUTH[m.group("value").lower()]
    return "true" if value != (flips % 2 == 1) else "false"


def _given(m: re.Match[str]) -> Given:
    if m.re is _NEG_ENTRY:
        return Given(m.group("name"), "is", negated_value(m), m.group().strip())
    return Given(
        m.group("name"),
        m.group("verb").strip().lower(),
        m.group("value"),
        m.group().strip(),
        operator=m.re is _OPERATOR_ENTRY,
    )


@dataclass
class Split:
    """What one piece holds: given values, the rest (still to read), framing skipped."""

    given: list[Given] = field(default_factory=list)
    rest: list[Piece] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def plain_words(tokens: list[Tok]) -> bool:
    """Whether tokens are words and punctuation only (a preamble such as "Here," or "we had")."""
    return all(t.kind in ("name", "punct", "quote", "num") for t in tokens)


def unquoted(text: str) -> str:
    """The text with quotes and `$` blanked (same length, so offsets stay those of the input): given values are
    read through `x = true` in backticks, $x$ in LaTeX, 'x' in prose."""
    return _QUOTES.sub(" ", text)


def split_given(text: str, piece: Piece, depth: int = 0, u: str | None = None) -> Split:
    """Given values in one piece: the whole piece, a leading `If ..., ` clause, a trailing `where ...` clause
    or `(...)` group, a list after plain words, or a code definition; the rest is left to read. `u` is
    `unquoted(text)` (pass it when reading many pieces of one text)."""
    if u is None:
        u = unquoted(text)
    s, e = piece.start, piece.end
    while s < e and u[s].isspace():
        s += 1
    for attempt in (_whole, _leading, _trailing, _bracketed, _after_words, _definition):
        out = attempt(text, u, s, e, depth)
        if out is not None:
            return out
    return Split(rest=[piece])


def _whole(text: str, u: str, s: int, e: int, depth: int) -> Split | None:
    """The whole piece, after an optional keyword or a plain-word preamble ending in ',' or ':' ("x = 1?" is a
    value, "x is true?" a question)."""
    if text[s:e].rstrip().endswith("?") and not re.fullmatch(r"[^?]*?\s*(?::=|=(?!=))[^?=]*\?\s*", text[s:e]):
        return None
    starts = [s]
    first = re.search(r"[,:]\s*", u[s:e])
    if first is not None:
        starts.append(s + first.end())
    for at in starts:
        kw = _LEAD_KEYWORD.match(u, at, e)
        found = _entries(u, kw.end() if kw else at, e) or _entries(u, at, e)
        if found and (at == s or plain_words(tokenize(text[s:at]))):
            return Split([_given(m) for m in found], [], [text[s:at].strip(" ,:")] if at > s else [])
    return None


def _leading(text: str, u: str, s: int, e: int, depth: int) -> Split | None:
    """A leading clause: "If a is true and b is false, what is ...?", also after plain words ("In the row where
    A = 0, B = 1, what is ...?"): the longest list before a ',' or ':'."""
    kw = _LEAD_KEYWORD.match(u, s, e)
    starts = [kw.end() if kw is not None else s]
    starts += [m.end() for m in list(_TRAIL_KEYWORD.finditer(u, s, e))[:_MAX_CLAUSE_TRIES] if m.start(1) > s]
    for at in starts:
        best = None
        for n, stop in enumerate(re.finditer("[,:]", u[at:e])):
            if n >= _MAX_CLAUSE_TRIES:
                break
            found = _entries(u, at, at + stop.start())
            if found:
                best = (found, at + stop.end())
        if best is None:
            continue
        prefix = text[s:at]
        if at != starts[0] and not plain_words(tokenize(prefix)):
            continue
        more = _more([_given(m) for m in best[0]], text, Piece(best[1], e), depth, u)
        if at != starts[0]:
            more.skipped.insert(0, prefix.strip())
        return more
    return None


def _trailing(text: str, u: str, s: int, e: int, depth: int) -> Split | None:
    """A trailing clause: "... where a=True, b=False" or "... (1 = true, 0 = false)"."""
    tail_end = e
    while tail_end > s and u[tail_end - 1] in " \t\r\n.?!)":
        tail_end -= 1
    keys = list(_TRAIL_KEYWORD.finditer(u, s, tail_end))[-_MAX_CLAUSE_TRIES:]
    opens = list(re.finditer(r"\(", u[s:tail_end]))[-_MAX_CLAUSE_TRIES:]
    tries = [(m.start(1), m.end()) for m in keys] + [(s + m.start(), s + m.end()) for m in opens]
    for cut, at in sorted(tries, reverse=True):
        found = _entries(u, at, tail_end)
        if found is None or cut <= s:
            continue
        opened = 1 if u[cut] == "(" or (cut > s and u[cut - 1] == "(") else 0
        if text[tail_end:e].count(")") != opened:
            continue  # a ')' that closes the expression's own bracket, not the clause's
        rest_end = cut - 1 if opened and u[cut] != "(" else cut
        return _more([_given(m) for m in found], text, Piece(s, rest_end), depth, u)
    return None


def _bracketed(text: str, u: str, s: int, e: int, depth: int) -> Split | None:
    """A bracketed list anywhere: "... (' is complement, · is AND, + is OR) Give the answer as ..."."""
    for n, m in enumerate(re.finditer(r"\(", u[s:e])):
        if n >= _MAX_CLAUSE_TRIES:
            break
        open_at = s + m.start()
        close = u.find(")", open_at, e)
        if close < 0:
            break
        found = _entries(u, open_at + 1, close)
        if found:
            given = [_given(x) for x in found]
            rest = [p for p in (Piece(s, open_at), Piece(close + 1, e)) if text[p.start : p.end].strip()]
            if depth >= 2:
                return Split(given, rest)
            parts = [split_given(text, p, depth + 1, u) for p in rest]
            return Split(
                given + [g for p in parts for g in p.given],
                [r for p in parts for r in p.rest],
                [k for p in parts for k in p.skipped],
            )
    return None


def _after_words(text: str, u: str, s: int, e: int, depth: int) -> Split | None:
    """A list that ends the piece after plain words: "In the failing request we had `a = true`, `b = false`."."""
    for n, m in enumerate(_ENTRY_START.finditer(u, s, e)):
        if n >= _MAX_CLAUSE_TRIES:
            break
        found = _entries(u, m.start(), e)
        if found and m.start() > s and plain_words(tokenize(text[s : m.start()])):
            return Split([_given(x) for x in found], [], [text[s : m.start()].strip()])
    return None


def _definition(text: str, u: str, s: int, e: int, depth: int) -> Split | None:
    """A definition in code: "c = a and not b", "boolean r = a && !b;", YAML `rule: "a or b"`."""
    m = _QUOTED_DEFINITION.match(text, s, e) or _DEFINITION.match(u, s, e)
    if m is None or m.group("name").lower() in RESERVED:
        return None
    expr = text[m.start("expr") : m.end("expr")]
    if not any(t.kind in ("val", "digit", "name") for t in tokenize(expr)):
        return None
    return Split([Given(m.group("name"), "=", expr, text[s:e].strip(), True, m.start("expr"))])


def _more(given: list[Given], text: str, rest: Piece, depth: int, u: str) -> Split:
    """Values found in a clause, and what the rest of the piece holds (a definition, another clause)."""
    if depth >= 2:
        return Split(given, [rest])
    more = split_given(text, rest, depth + 1, u)
    return Split(given + more.given, more.rest, more.skipped)


@dataclass
class Values:
    """The values given in a text: variables, definitions (in order), legends for 1 / 0 and for operators."""

    values: dict[str, bool] = field(default_factory=dict)
    definitions: list[Given] = field(default_factory=list)
    legend: dict[str, bool] = field(default_factory=dict)
    digit_values: list[Given] = field(default_factory=list)  # `a = 1`: resolved once the legend is known
    operators: dict[str, str] = field(default_factory=dict)  # symbol -> "not" or an operator kind
    letters: set[str] = field(
        default_factory=set
    )  # one-letter constants given a value (`t = 0`): variables here
    sources: dict[str, str] = field(default_factory=dict)
    legend_sources: dict[str, str] = field(default_factory=dict)

    @property
    def lexicon(self) -> dict[str, str]:
        """What the tokenizer reads differently in this text: operator legends, letters that are variables."""
        operators = {k: v for k, v in self.operators.items() if k != "juxtaposition"}
        return {**operators, **{letter: "name" for letter in self.letters}}

    @property
    def juxtaposition(self) -> bool:
        """Whether a legend says operands side by side are anded (Boolean algebra: `AB + C'`)."""
        return self.operators.get("juxtaposition") == "and"

    @property
    def names(self) -> set[str]:
        """Every variable name given (by value, digit or definition)."""
        return set(self.values) | {g.name for g in self.definitions} | {g.name for g in self.digit_values}


def _conflict(name: str, first: str, second: str) -> ParseError:
    return ParseError(
        f"{name!r} is given two values: {first!r} and {second!r}; give each variable one value"
        if first != second
        else f"{name!r} is given two values in {first!r}; give each variable one value"
    )


def _bad_value(g: Given) -> ParseError:
    return ParseError(
        f"variable {g.name!r} is given the value {g.value!r} in {g.source!r}; use True/False, T/F, 1/0 or yes/no"
    )


def resolve_given(given: list[Given]) -> Values:
    """Given entries -> values, definitions and legends, refusing reserved names, unknown values and any name,
    digit or symbol given two different meanings."""
    out = Values()
    seen: dict[str, Given] = {}
    for g in given:
        low, value = g.name.lower(), g.value.lower()
        if g.operator:
            _operator_entry(out, g)
            continue
        if g.name in ("t", "f") and g.verb in ("=", ":=", ":"):  # `t = 0` in code names a variable t
            out.letters.add(g.name)
        elif low in DIGITS or low in LITERAL_WORDS:  # a legend: "1 = true", "true = 1", "T = true"
            _legend_entry(out, g)
            continue
        elif low in RESERVED:
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
        else:
            raise _bad_value(g)
    for g in out.definitions:
        if g.start < 0 and g.value not in seen:
            raise _bad_value(g)
    return out


def _operator_entry(out: Values, g: Given) -> None:
    """`& is AND`: the symbol reads as that operator (a second, different meaning is refused)."""
    meaning = _OPERATOR_NAMES[re.sub(r"\s+", " ", g.value.lower())]
    symbol = g.name.lower()
    if symbol in ("'", "’"):  # a complement written after its operand: A'
        meaning = "post" if meaning == "not" else meaning
    if symbol == "juxtaposition" and meaning != "and":
        raise ParseError(f"{g.source!r}: writing operands side by side can only mean and")
    if symbol in out.operators and out.operators[symbol] != meaning:
        raise _conflict(g.name, out.legend_sources[symbol], g.source)
    out.operators[symbol] = meaning
    out.legend_sources[symbol] = g.source


def _legend_entry(out: Values, g: Given) -> None:
    """`1 = true` / `true = 1` set what a digit means; `T = true` restates a constant; `T = false` is refused."""
    name, value = g.name.lower(), g.value.lower()
    if (
        name in ("true", "false") and value in DIGITS
    ):  # "true = 1"; a one-letter name (`T = 1`) may be a variable
        name, value = value, name
    if name in LITERAL_WORDS:
        if TRUTH.get(value) is None or TRUTH[value] != (LITERAL_WORDS[name] == "T"):
            meaning = "true" if LITERAL_WORDS[name] == "T" else "false"
            raise ParseError(
                f"{g.name!r} is a reserved word (the constant {meaning}); {g.source!r} contradicts it; rename the "
                "variable"
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


_PLAIN_VALUE = re.compile(
    r"(?<![\w.$])(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?::=|=(?!=)|\s+is\s+)\s*(?P<value>true|false|T|F|[01])(?![\w(])",
    re.I,
)


def conflicting_values(text: str) -> None:
    """Refuse a text that states one variable's value twice with different values anywhere ("p := F ... Later:
    p := T"), quoting both, even where the statements are not in a list the reader takes apart."""
    seen: dict[str, tuple[str, bool, str]] = {}
    negated = [m for m in _NEG_ENTRY.finditer(text) if m.group("case") or m.group("neg") or m.group("negc")]
    plain = [
        m for m in _PLAIN_VALUE.finditer(text) if not any(n.start() <= m.start() < n.end() for n in negated)
    ]
    for m in sorted(negated + plain, key=lambda x: x.start()):
        name = m.group("name")
        if (
            name.lower() in _STOPWORDS
            or (name.lower() in RESERVED and name not in ("t", "f"))
            or name in ("T", "F")
        ):
            continue
        raw = m.group("value").lower()
        kind = "digit" if raw in DIGITS else "word"
        value = (
            TRUTH[negated_value(m)] if m.re is _NEG_ENTRY else (raw == "1" if kind == "digit" else TRUTH[raw])
        )
        if m.re is _NEG_ENTRY and not (m.group("case") or m.group("neg") or m.group("negc")):
            continue
        if name in seen and seen[name][0] == kind and seen[name][1] != value:
            raise _conflict(name, seen[name][2], m.group().strip())
        seen.setdefault(name, (kind, value, m.group().strip()))
