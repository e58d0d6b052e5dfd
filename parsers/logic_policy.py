"""Access policies: a rule over attributes (`grant = employee AND NOT suspended`) and facts about one person in
prose ("Fiona is not an employee. Fiona owns the repository."): is the person granted access?

Each fact sentence must name the person asked about and exactly one attribute of the rule, written as the word
itself ("admin", "VPN", "weekend") or its verb ("owns" for owner); `not` / `n't` in the sentence makes it false.
A sentence with any other negative word (no, never, without, disabled, revoked, ...), an attribute with no fact or
two, or a fact about someone else is refused: reading it would be a guess. The rule itself is read by the general
reader (operators as words: AND OR NOT XOR IMPLIES, with its refusals where notations disagree).
"""

from __future__ import annotations

import re
from typing import Any

from drt_agent.domains.base import Reading
from drt_agent.errors import ParseError

from .logic_framing import check_plain_question

_RULE = re.compile(
    r"^\s*(?P<what>grant|allow|allowed|access|permit)\s*(?:=|:=|\bif\b)\s*(?P<expr>.+?)\s*$", re.I | re.M
)
_ASK = re.compile(
    r"\b(?:[Ii]s|[Ww]as|[Ww]ill)\s+(?P<who>[A-Z][a-z]+)\s+(?:be\s+)?(?:granted|allowed|given|permitted)\s+access\b"
)
_FACTS = re.compile(r"^\s*Facts?\s*:\s*(?P<facts>.+?)(?=\n\s*\n|\Z)", re.M | re.I | re.S)
_OTHER_NEGATIVE = re.compile(
    r"\b(?:no|never|none|without|lacks?|lacking|missing|disabled|revoked|expired|denied|blocked|banned|off|"
    r"outside|former|ex|non|neither|nor|unless|except|cannot|can't|won't)\b",
    re.I,
)
_WORDS = {"and", "or", "not", "xor", "implies", "iff", "true", "false", "nand", "nor"}


def read_policy(text: str, limits: Any = None, simplify: bool = False) -> Reading | None:
    """The Reading of a policy with facts and the question whether one person is granted access; None when the
    text is not one."""
    rules = list(_RULE.finditer(text))
    facts = _FACTS.search(text)
    if not rules or facts is None or not re.search(r"\bpolic(?:y|ies)\b", text, re.I):
        return None
    if len(rules) != 1:
        raise ParseError("access policy: give one rule (`grant = ...`)")
    ask = list(_ASK.finditer(text))
    if len({m.group("who") for m in ask}) != 1:
        raise ParseError("access policy: ask about one person, e.g. 'Is Fiona granted access?'")
    who = ask[0].group("who")
    expr = rules[0].group("expr")
    attributes = sorted({w for w in re.findall(r"[A-Za-z_]\w*", expr) if w.lower() not in _WORDS})
    if any(a != a.lower() for a in attributes):
        raise ParseError(f"access policy: attribute names must be lower case in {expr!r}")
    body = facts.group("facts")
    question_at = body.find(ask[0].group())
    if question_at >= 0:
        body = body[:question_at]
    values: dict[str, bool] = {}
    source: dict[str, str] = {}
    for sentence in (s.strip() for s in re.split(r"(?<=[.!])\s+|\n+", body) if s.strip()):
        if not sentence.startswith(who + " "):
            raise ParseError(f"access policy: the fact {sentence!r} is not about {who}")
        matched = [a for a in attributes if _mentions(sentence, a)]
        if len(matched) != 1:
            raise ParseError(
                f"access policy: the fact {sentence!r} names {len(matched)} attributes of the rule "
                f"({', '.join(attributes)}); state one attribute per sentence"
            )
        other = _OTHER_NEGATIVE.search(sentence)
        if other is not None:
            raise ParseError(f"access policy: {other.group()!r} in {sentence!r}; write 'is' or 'is not'")
        value = re.search(r"\bnot\b|n't\b", sentence, re.I) is None
        if len(re.findall(r"\bnot\b|n't\b", sentence, re.I)) > 1:
            raise ParseError(f"access policy: {sentence!r} is negated twice; state the fact plainly")
        a = matched[0]
        if a in values:
            raise ParseError(f"access policy: {a!r} is stated twice: {source[a]!r} and {sentence!r}")
        values[a], source[a] = value, sentence
    missing = [a for a in attributes if a not in values]
    if missing:
        raise ParseError(f"access policy: no fact says whether {who} is {', '.join(missing)}; state each one")
    rest = text.replace(rules[0].group(), " ").replace(facts.group(), " ")
    rest = re.sub(r"\bAccess\s+policy\b|\(attribute names in lower case\)", " ", rest, flags=re.I)
    check_plain_question(rest, "access policy")
    from .logic import read_logic

    inner = f"{expr} where " + ", ".join(f"{k}={v}" for k, v in values.items())
    reading = read_logic(inner, limits, simplify_negations=simplify)
    shown = "; ".join(f"{k}={values[k]} from {source[k]!r}" for k in attributes)
    reading.read_as = (
        f"an access policy {rules[0].group('what')} = {expr!r} for {who} ({shown}): " + reading.read_as
    )
    reading.assumptions.append("each fact sentence read as one attribute, true unless it says 'not'")
    return reading


def _mentions(sentence: str, attribute: str) -> bool:
    """Whether a sentence names an attribute: the word itself (any case), or its verb (owner -> owns)."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", sentence)]
    if attribute.lower() in words:
        return True
    stem = re.sub(r"(?:er|or)$", "", attribute.lower())
    return (
        len(stem) >= 3
        and stem != attribute.lower()
        and any(w in (stem, stem + "s", stem + "ed") for w in words)
    )
