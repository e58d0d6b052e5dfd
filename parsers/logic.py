"""Boolean-expression input: the spellings people and programs write -> a canonical LogicProblem.

Accepted:
- symbols `&` `&&` `∧` (and), `|` `||` `∨` (or), `!` `~` `¬` (not), brackets `( )`;
- words `and`, `or`, `not` in any case; literals `True/False`, `T/F`, `1/0` in any case;
- variables with values given in the text, Python style: `(a and not b) or c where a=True, b=False, c=False`
  (also `with` / `given`, values `True/False/T/F/1/0/yes/no`, `=`, `:` or `is`), or as `a = True` lines or
  sentences before the expression;
- question scaffolding around the expression: `What is ...?`, `Evaluate: ...`, `... is`, `... = ?`.

Precedence NOT > AND > OR, as in Python. XOR (`^`, `xor`), implication and comparison are not supported: a
ParseError names the operator, its column, and how to rewrite it. Unbalanced parentheses and unknown variables
raise a ParseError with the column as well.
"""

from __future__ import annotations

import re
from typing import Any

from drt_agent.domains.base import Reading
from drt_agent.domains.logic import LogicProblem, check_syntax
from drt_agent.errors import ParseError

EXAMPLE = "(a and not b) or c where a=True, b=False, c=False"
WORD_OPS = {"and": "&", "or": "|", "not": "!"}
LITERALS = {"true": "T", "t": "T", "1": "T", "false": "F", "f": "F", "0": "F"}
VALUES = {**{k: v == "T" for k, v in LITERALS.items()}, "yes": True, "no": False}
UNSUPPORTED = {
    "^": "xor",
    "xor": "xor",
    "->": "implication",
    "=>": "implication",
    "→": "implication",
    "<->": "equivalence",
    "<=>": "equivalence",
    "↔": "equivalence",
    "implies": "implication",
    "iff": "equivalence",
    "nand": "nand",
    "nor": "nor",
    "==": "comparison",
    "!=": "comparison",
    "=": "comparison",
    "+": "arithmetic",
    "*": "arithmetic",
}
REWRITE = {
    "xor": "rewrite a xor b as (a and not b) or (not a and b)",
    "implication": "rewrite a -> b as (not a) or b",
    "equivalence": "rewrite a <-> b as (a and b) or (not a and not b)",
    "nand": "rewrite a nand b as not (a and b)",
    "nor": "rewrite a nor b as not (a or b)",
    "comparison": "use and / or / not only, or give variable values after 'where'",
    "arithmetic": "use and (&) / or (|) instead",
}

_TOKEN = re.compile(
    r"(?P<op><->|<=>|->|=>|==|!=|&&|\|\||[&|!~^()=+*∧∨¬→↔])"
    r"|(?P<word>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<num>\d+)"
    r"|(?P<space>\s+)"
    r"|(?P<other>.)",
    re.DOTALL,
)
_SYMBOLS = {"&&": "&", "&": "&", "∧": "&", "||": "|", "|": "|", "∨": "|", "!": "!", "~": "!", "¬": "!"}
_CANONICAL = {"T", "F", "!", "&", "|", "(", ")"}
# the lookbehind starts a match only at the beginning of a separator run: long whitespace runs stay linear
_CLAUSE = re.compile(r"(?<![\s,;:])[\s,;:]+(?:where|with|given)\s+(?=\S)", re.IGNORECASE)
_ASSIGN = re.compile(
    r"^\s*(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:=|:=|:|\bis\b)\s*(?P<value>[A-Za-z0-9]+)\s*$"
)
_ASSIGN_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\n)\s*", re.IGNORECASE)
_LEAD = re.compile(
    r"^\s*(?:(?:what\s+is|what's|evaluate|compute|calculate|determine|simplify|solve|is\s+it\s+true\s+that|is|"
    r"the\s+(?:truth\s+)?value\s+of|truth\s+value\s+of|expression)\b\s*:?\s*|[:\-][\s:\-]*)",
    re.IGNORECASE,
)
_TRAIL = re.compile(
    r"(?:\s*(?:\?|\.|=|:)|\s+(?:is\s+it\s+true|is|equals|evaluates\s+to|true\s+or\s+false|is\s+true))\s*$",
    re.IGNORECASE,
)


def _value(text: str, name: str) -> bool:
    key = text.lower()
    if key not in VALUES:
        raise ParseError(f"variable {name!r} is given the value {text!r}; use True/False, T/F, 1/0 or yes/no")
    return VALUES[key]


def _assignments(clause: str) -> dict[str, bool]:
    """`a=True, b=False and c is 1` -> {'a': True, 'b': False, 'c': True}."""
    out: dict[str, bool] = {}
    for part in _ASSIGN_SPLIT.split(clause.strip().rstrip(".?")):
        if not part.strip():
            continue
        m = _ASSIGN.match(part)
        if m is None:
            raise ParseError(f"could not read {part.strip()!r} as a variable value; write e.g. {EXAMPLE!r}")
        name = m.group("name")
        if name.lower() in LITERALS or name.lower() in WORD_OPS:
            raise ParseError(f"{name!r} is a reserved word (a constant or an operator); rename the variable")
        out[name] = _value(m.group("value"), name)
    return out


def _split(text: str) -> tuple[str, int, dict[str, bool]]:
    """Separate the expression from given values. Returns (expression text, its offset in `text`, values)."""
    values: dict[str, bool] = {}
    clauses = list(_CLAUSE.finditer(text))
    clause = clauses[-1] if clauses else None  # the last `where` starts the values
    start, end = 0, len(text)
    if clause is not None:
        values.update(_assignments(text[clause.end() :]))
        end = clause.start()
    # leading `name = value` lines or sentences
    while True:
        m = re.match(
            r"\s*(?:let\s+)?([A-Za-z_]\w*\s*(?:=|:=)\s*[A-Za-z0-9]+)\s*(?:[,;.\n]|\band\b)", text[start:end]
        )
        if m is None:
            break
        values.update(_assignments(m.group(1)))
        start += m.end()
    return text[start:end], start, values


_MAX_SCAFFOLD = 16  # question words and punctuation stripped per end: a bound keeps hostile input linear
_TAIL_CHARS = 200  # trailing scaffolding ("is it true?", "= ?") is searched for in this many last characters


def _strip_scaffolding(expr: str, offset: int) -> tuple[str, int]:
    for _ in range(_MAX_SCAFFOLD):
        m = _LEAD.match(expr)
        if m is None or m.end() == 0:
            break
        expr, offset = expr[m.end() :], offset + m.end()
    for _ in range(_MAX_SCAFFOLD):
        tail = expr[-_TAIL_CHARS:]  # searching only the end keeps long whitespace runs linear
        m = _TRAIL.search(tail)
        if m is None or m.start() == len(tail):
            break
        expr = expr[: len(expr) - len(tail) + m.start()]
    return expr, offset


def tokenize(text: str, offset: int = 0) -> list[tuple[str, int]]:
    """Expression text -> canonical tokens (T, F, &, |, !, (, ), names) with 1-based columns."""
    out: list[tuple[str, int]] = []
    for m in _TOKEN.finditer(text):
        kind, tok, col = m.lastgroup, m.group(), offset + m.start() + 1
        if kind == "space":
            continue
        low = tok.lower()
        if kind == "op":
            if tok in _SYMBOLS:
                out.append((_SYMBOLS[tok], col))
            elif tok in "()":
                out.append((tok, col))
            else:
                what = UNSUPPORTED[tok]
                raise ParseError(
                    f"unsupported operator {tok!r} ({what}) at column {col}; supported: and (&, &&), or (|, ||), "
                    f"not (!, ~) and brackets; {REWRITE[what]}"
                )
        elif kind == "word":
            if low in WORD_OPS:
                out.append((WORD_OPS[low], col))
            elif low in LITERALS:
                out.append((LITERALS[low], col))
            elif low in UNSUPPORTED:
                what = UNSUPPORTED[low]
                raise ParseError(
                    f"unsupported operator {tok!r} ({what}) at column {col}; supported: and, or, not; {REWRITE[what]}"
                )
            else:
                out.append((tok, col))
        elif kind == "num":
            if tok not in ("0", "1"):
                raise ParseError(
                    f"unexpected number {tok!r} at column {col}; only 1 (true) and 0 (false) are values"
                )
            out.append((LITERALS[tok], col))
        else:
            raise ParseError(
                f"unexpected character {tok!r} at column {col}; expressions use and/or/not (& | ! ~), "
                "True/False (T/F, 1/0), variables and brackets"
            )
    return out


def parse_logic(text: str) -> LogicProblem:
    """Parse a boolean expression (with optional variable values) into a LogicProblem, or raise ParseError."""
    if not text or not text.strip():
        raise ParseError(f"empty input; give a boolean expression, e.g. {EXAMPLE!r}")
    expr, offset, values = _split(text)
    expr, offset = _strip_scaffolding(expr, offset)
    tokens = tokenize(expr, offset)
    if not tokens:
        raise ParseError(f"no expression found in {text!r}; e.g. {EXAMPLE!r}")
    err = check_syntax([t for t, _ in tokens])
    if err is not None:
        i, msg = err
        col = tokens[i][1]
        written = _TOKEN.match(text, col - 1)
        shown = written.group() if written is not None else tokens[i][0]
        raise ParseError(f"{msg}, at column {col} ({shown!r}) of {text.strip()!r}")
    for tok, col in tokens:
        if tok not in _CANONICAL and tok not in values:
            given = ", ".join(sorted(values)) or "none"
            raise ParseError(
                f"unknown variable {tok!r} at column {col}: give its value, e.g. '... where {tok}=True' "
                f"(values given: {given})"
            )
    return LogicProblem(expression=render([t for t, _ in tokens]), variables=values)


def render(tokens: list[str]) -> str:
    """Canonical text: `(a & !b) | c`."""
    out = []
    for tok in tokens:
        if tok in "&|":
            out.append(f" {tok} ")
        else:
            out.append(tok)
    return "".join(out)


_CUE = re.compile(r"\b(?:true|false|xor|nand|nor)\b|&&|\|\||[&|!~^¬∧∨]|\bwhere\s+\w+\s*=", re.IGNORECASE)
_GRAPH_CUE = re.compile(
    r"connect|reach|path|edge|node|link|road|lead|route|->|→|--|\b\w+\s*-\s*\w+\b", re.IGNORECASE
)


def looks_like_logic(text: str) -> bool:
    """Whether text is a boolean expression: it parses as one, or it carries boolean cues (true/false, logic
    symbols) and no graph cues, so a malformed expression still gets the logic parser's error message."""
    try:
        parse_logic(text)
        return True
    except ParseError:
        pass
    try:
        expr, offset, values = _split(text)
    except ParseError:
        return bool(_CUE.search(text))
    expr, _ = _strip_scaffolding(expr, offset)
    words = [w.lower() for w in re.findall(r"[A-Za-z_]\w*", expr)]
    vocab = (
        set(WORD_OPS) | set(LITERALS) | {w for w in UNSUPPORTED if w.isalpha()} | {v.lower() for v in values}
    )
    if words and all(w in vocab for w in words):
        return True  # only logic words (a bracket or operator must be wrong): the logic parser explains
    return bool(_CUE.search(text)) and not _GRAPH_CUE.search(text)


def read_logic(text: str, limits: Any = None) -> Reading:
    """Text -> Reading (the problem and how it was read)."""
    problem = parse_logic(text)
    return Reading(problem=problem, read_as=f"boolean expression {problem.expression}")
