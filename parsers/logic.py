"""Boolean logic as people, programs and benchmarks write it -> a canonical LogicProblem, and how it was read.

Reading goes in steps, each with its own small lexicon rather than whole-input patterns:

1. segments (parsers/logic_given.py): code fences, lines, list and prompt markers, sentences, `;` statements;
2. given values (logic_given.py): `a = True`, `let a be true`, `where a=1, b=0`, `If a is true, ...`, code and
   YAML definitions, legends for bits (`1 = true`) and operators (`^ is XOR`); a name given two values is refused,
   quoting both;
3. the expression (parsers/logic_framing.py): a quoted span holding logic, else what remains once question words
   are stripped from a segment; segments with no logic are framing, skipped and reported; exactly one expression
   must remain;
4. the polarity (logic_framing.py): `Is it false that X?`, `Is X false?`, `Is this false?` ask for not X and are
   read so; any other negation or inversion cue in the framing is refused, never dropped;
5. the operators (parsers/logic_expr.py): Python, C/Java, SQL capitals, mathematical symbols, LaTeX, PowerShell;
   xor, nand, nor, implication and equivalence rewritten into and/or/not with the same meaning; precedence NOT >
   AND > OR; refusals where notations disagree.

`read_logic` returns a Reading: the problem, `read_as` (the canonical expression and every rewrite), `skipped`
(framing, verbatim) and `assumptions` (e.g. "1 read as true and 0 as false: no legend was given").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from drt_agent.domains.base import Reading
from drt_agent.domains.logic import LogicProblem
from drt_agent.errors import LimitError, ParseError

from .logic_expr import RESERVED, REWRITES, Builder, Node, Tok, build, render, tokenize
from .logic_formats import read_structured
from .logic_framing import Found, check_framing, check_question, find_expression, piece_tokens
from .logic_given import (
    Given,
    Piece,
    Values,
    conflicting_values,
    resolve_given,
    segments,
    split_given,
    unquoted,
)

EXAMPLE = "(a and not b) or c where a=True, b=False, c=False"
_CODE_CUES = re.compile(r"&&|\|\||!(?!=)|`|\bTrue\b|\bFalse\b|;\s*$", re.M)
_INSTRUCTION = {"answer", "respond", "reply", "say", "choose", "pick", "output", "with", "either"}
_ANSWER_QUESTION = re.compile(r"\s*(?:true|yes)\s+or\s+(?:false|no)\s*\?\s*", re.IGNORECASE)


@dataclass
class _Parts:
    """What the text was read into, before the problem is made."""

    candidates: list[Found]
    framing: list[Found]
    values: Values
    skipped: list[str]
    rest: list[Piece]  # the pieces left once given values were taken out


def _read_parts(text: str) -> _Parts:
    given: list[Given] = []
    rest: list[Piece] = []
    skipped: list[str] = []
    u = unquoted(text)
    for p in segments(text):
        sp = split_given(text, p, u=u)
        given += sp.given
        rest += sp.rest
        skipped += [s for s in sp.skipped if s]
    values = resolve_given(given)
    definitions = {g.name for g in values.definitions}
    founds = [
        find_expression(
            text, p, values.names, definitions, values.lexicon, juxtaposition=values.juxtaposition
        )
        for p in rest
    ]
    # "is this statement true or false?" asks about something else: "true or false" there is the answer format
    founds = [
        Found(body=f.body, skipped=[f.body]) if _answer_format_only(f) and _about_other(f) else f
        for f in founds
    ]
    candidates = [f for f in founds if f.logic and f.tokens]
    framing = [f for f in founds if not f.logic or not f.tokens]
    if len(candidates) > 1:  # "True or False?" beside an expression is the answer format
        answer = [f for f in candidates if _answer_format_only(f)]
        others = [f for f in candidates if not _answer_format_only(f)]
        if not others:  # "Answer True or False. Expression: true or false": the one not under an instruction
            others = [f for f in answer if not _instructed(f)]
            answer = [f for f in answer if _instructed(f)]
        if others:
            framing += [Found(body=f.body, skipped=[f.body]) for f in answer]
            candidates = others
    return _Parts(candidates, framing, values, skipped, rest)


def _instructed(found: Found) -> bool:
    """Whether a candidate is an answer format: under an instruction ("Answer ...", "Reply with"), or a
    question of its own ("True or false?")."""
    words = re.findall(r"[A-Za-z]+", " ".join(found.skipped + found.understood))
    return any(w.lower() in _INSTRUCTION for w in words) or _ANSWER_QUESTION.fullmatch(found.body) is not None


_ABOUT_WORDS = {
    "this",
    "it",
    "that",
    "statement",
    "claim",
    "following",
    "above",
    "below",
    "answer",
    "sentence",
}


def _about_other(found: Found) -> bool:
    """Whether a piece refers to something other than the words it holds ("is this statement ...", "Based on the
    facts above, ..."), or skipped words around them, or instructs an answer."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", " ".join(found.skipped + found.understood))}
    return bool(found.skipped) or bool(words & _ABOUT_WORDS) or _instructed(found)


def _answer_format_only(found: Found) -> bool:
    """Whether a candidate is just "true or false" (also "yes or no", "true (1) or false (0)")."""
    inner = [t for t in found.tokens if t.kind not in ("lp", "rp", "digit")]
    return (
        len(inner) == 3
        and inner[1].op == "or"
        and {t.text.lower() for t in (inner[0], inner[2])} in ({"true", "false"}, {"yes", "no"})
    )


def read_logic(text: str, limits: Any = None, *, simplify_negations: bool = False) -> Reading:
    """Text -> Reading (the problem and how it was read). `simplify_negations` cancels double negations
    (`not not x`, `!(!x)` -> `x`), an exact rewrite reported in read_as; off by default, so the expression the
    model sees is the one written."""
    if not text or not text.strip():
        raise ParseError(f"empty input; give a boolean expression, e.g. {EXAMPLE!r}")
    structured = read_structured(text, limits, simplify_negations)
    if structured is not None:
        return structured
    conflicting_values(text)
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
    _check_stray(text, found, parts)
    negations = found.negations + [n for f in parts.framing for n in f.negations]
    if len(negations) > 1:
        raise ParseError(
            f"the question is negated more than once ({', '.join(repr(n) for n in negations)}); ask it once, "
            "e.g. 'Is it false that X?'"
        )
    checked = found.understood + parts.skipped
    for f in parts.framing:
        checked += f.checked if f.checked is not None else f.skipped
    check_framing(checked)
    check_question(found.body)
    builder = Builder(simplify=simplify_negations)
    assumptions: list[str] = []
    caret = _caret_is_xor(text, parts.values)
    leaf = _leaves(text, parts.values, found.tokens, builder, assumptions, caret)
    node = build(
        found.tokens, text, leaf, builder, caret_is_xor=caret, juxtaposition=parts.values.juxtaposition
    )
    if any(t.text == "^" and t.op == "xor" for t in found.tokens) and "^" not in parts.values.operators:
        assumptions.append("'^' read as xor, as in C and Python")
    letters = sorted({t.text for t in found.tokens if t.kind == "val" and t.text in ("t", "f")})
    if letters:
        assumptions.append(
            f"{' and '.join(repr(x) for x in letters)} read as constants (t = true, f = false)"
        )
    asked = _span(text, found.tokens)
    if negations:
        node = builder.neg(("()", node))
    expression = render(node, _cap(limits), rewritten=bool({"xor", "iff"} & set(builder.notes.rewrites)))
    problem = LogicProblem(expression=expression, variables=dict(parts.values.values))
    return Reading(
        problem=problem,
        read_as=_read_as(problem, builder, parts.values, negations, asked),
        skipped=parts.skipped + found.skipped + [s for f in parts.framing for s in f.skipped],
        assumptions=assumptions,
    )


def _check_stray(text: str, found: Found, parts: _Parts) -> None:
    """Refuse framing that holds a constant (true/false/T/F; 1/0 where the expression uses bits): it may be
    part of the problem that was not read ("A -- T", "0 1")."""
    bits = any(t.kind == "digit" for t in found.tokens) or bool(parts.values.legend)
    for f in parts.framing:
        if f.stray_values or (bits and f.stray_digits):
            raise ParseError(
                f"could not read {f.body[:120]!r}: it holds true/false or 1/0 but is neither the expression nor a "
                f"value given to a variable; the expression read is {_span(text, found.tokens)!r}"
            )


def _read_as(
    problem: LogicProblem, builder: Builder, values: Values, negations: list[str], asked: str
) -> str:
    """One line: the canonical expression, its values, and every rewrite made to get there."""
    out = f"boolean expression {problem.expression}"
    if problem.variables:
        out += " where " + ", ".join(f"{k}={v}" for k, v in problem.variables.items())
    notes = [f"rewrote {REWRITES[k]}" for k in builder.notes.rewrites]
    if builder.notes.cancelled:
        notes.append(f"cancelled {builder.notes.cancelled} double negation(s) (not not x as x)")
    if negations:
        notes.append(f"the question {negations[0]!r} asks whether {asked!r} is false: read as its negation")
    if values.definitions:
        notes.append("substituted " + ", ".join(g.source for g in values.definitions))
    if values.operators:
        notes.append("operators as stated: " + ", ".join(values.legend_sources[s] for s in values.operators))
    return out + (" (" + "; ".join(notes) + ")" if notes else "")


def _caret_is_xor(text: str, values: Values) -> bool:
    """'^' is xor in code (C, Python) or where a legend says so; elsewhere it may mean 'and'."""
    if "^" in values.operators:
        return values.operators["^"] == "xor"
    return bool(_CODE_CUES.search(text))


def _span(text: str, tokens: list[Tok]) -> str:
    return text[tokens[0].start : tokens[-1].end] if tokens else ""


def _cap(limits: Any) -> int:
    from drt_agent.limits import resolve

    return int(resolve(limits).max_tokens)


def _leaves(
    text: str, values: Values, tokens: list[Tok], builder: Builder, assumptions: list[str], caret: bool
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
            toks = tokenize(text[g.start : g.start + len(g.value)], g.start, values.lexicon)
        node = build(toks, source, leaf, builder, caret_is_xor=caret, juxtaposition=values.juxtaposition)
        leaf[g.name] = builder.wrap(node, 9)
    return leaf


def _no_expression(text: str, parts: _Parts) -> ParseError:
    """The most useful error when no expression was found: what is wrong in a definition, or in the piece that
    looks most like an expression, or that values were given but nothing asked about them."""
    caret = _caret_is_xor(text, parts.values)
    _leaves(text, parts.values, [], Builder(), [], caret)  # a definition's own error comes first
    known = parts.values.names
    for p in parts.rest:
        toks = piece_tokens(text, p.start, p.end, parts.values.lexicon)
        if any(t.kind in ("bin", "not", "val", "digit") for t in toks):
            names = known | {t.text for t in toks if t.kind == "name"}
            f = find_expression(text, p, names, overrides=parts.values.lexicon, force=True)
            if f.tokens:
                try:
                    build(f.tokens, text, {}, Builder(), caret_is_xor=caret)
                except ParseError as exc:
                    return exc
    if known:
        return ParseError(
            f"values are given for {', '.join(sorted(known))} but no expression is asked about; add one, e.g. "
            f"'What is {sorted(known)[-1]}?'"
        )
    return ParseError(f"no boolean expression found in {text.strip()[:200]!r}; e.g. {EXAMPLE!r}")


def parse_logic(text: str, *, simplify_negations: bool = False) -> LogicProblem:
    """Parse a boolean expression (with optional variable values) into a LogicProblem, or raise ParseError."""
    return read_logic(text, simplify_negations=simplify_negations).problem


_CUE = re.compile(
    r"\b(?:true|false)\s+(?:and|or|xor)\b|\b(?:and|or|not|xor)\s+(?:true|false)\b|\b(?:xor|nand|nor)\b"
    r"|&&|\|\||[&|~^¬∧∨⊕]|(?<![\w)])!(?=[\w(])|\bwhere\s+\w+\s*="
    r"|^\s*[A-Za-z_]\w*\s*=\s*(?:not\b|[01]\b|true\b|false\b)",
    re.IGNORECASE | re.MULTILINE,
)
_ANSWER_WORDS = re.compile(r"\b(?:true|yes)\s*(?:or|/)\s*(?:false|no)\b", re.IGNORECASE)
_GRAPH_CUE = re.compile(
    r"connect|reach|path|edge|node|link|road|lead|route|->|→|--|\b\w+\s*-\s*\w+\b", re.IGNORECASE
)


_LOGIC_ONLY = re.compile(r"[∧∨¬⊕↑↓↔⊼⊽]")
# anything an expression in any accepted notation must hold: a truth value, an operator word or symbol
_ANY_LOGIC = re.compile(
    r"\b(?:true|false|and|or|not|xor|nand|nor|implies|iff)\b|(?<![\w-])[TF01](?![\w-])|[&|!~^¬∧∨⊕→↔⊤⊥]",
    re.IGNORECASE,
)


def looks_like_logic(text: str) -> bool:
    """Whether text is a boolean expression: it reads as one, or it carries boolean cues (true/false, logic
    symbols) and no graph cues, so a malformed expression still gets the logic parser's error message. Text
    with no truth value and no operator at all is not logic: routing skips the full read for it."""
    if not _ANY_LOGIC.search(text):
        return False
    try:
        read_logic(text)
        return True
    except LimitError:
        return True  # it is logic, too large: the parser's LimitError says so
    except ParseError:
        pass
    words = [w.lower() for w in re.findall(r"[A-Za-z_]\w*", text)]
    vocab = RESERVED | {"where", "with", "given", "is", "what", "evaluate"}
    if words and all(w in vocab for w in words) and not _GRAPH_CUE.search(text):
        return True  # only logic words (a bracket or operator must be wrong): the logic parser explains
    if _LOGIC_ONLY.search(text):  # ∧ ∨ ¬ ⊕ ↑ ↓ ↔ beside an arrow: the arrow is an implication, not an edge
        text = text.replace("→", " ").replace("->", " ")
    return bool(_CUE.search(_ANSWER_WORDS.sub(" ", text))) and not _GRAPH_CUE.search(text)
