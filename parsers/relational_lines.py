"""Family facts written one line at a time in a notation rather than in sentences, rewritten as the sentences
they stand for (each keeps its line, for quoting) before the sentence reader reads them:

    Ann --mother of--> Bob · Ann -[mother of]-> Bob · Ann -> Bob : mother (read as the text's legend says)
    <li><b>Ann</b> – mother of Bob</li> (HTML: tags dropped) · ANN, mother of Bob and wife of Cy. (a cast list)
    - Ann (f) ⚭ Bob (m)        an outline: the people indented under a line are the children of its people
        - Cy (m)
    1. Ann (f) married Bob (m). Children: i. Cy (m); ii. Di (f).       (a family group register)
    Student name: Ann / Contact: Bob — relationship to student: father   (a form: Bob is Ann's father)

Names written in capitals ('ANN') are read in ordinary capitalisation; '(f)' / '(m)' after a name is its sex.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from drt_agent.errors import ParseError

from .kinship_lexicon import kin_word


@dataclass
class Lines:
    """The text with its notation lines rewritten: sentence -> the line as written, and how it was read."""

    text: str
    sources: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)


_NAME = r"[A-Z][A-Za-z'’-]*(?: [A-Z][A-Za-z'’-]*){0,2}"
_SEX = r"\s*\((?P<sex>[fmFM]|female|male)\)"
_GENDER = {"f": "female", "m": "male", "female": "female", "male": "male"}


def _name(text: str) -> str:
    """'ANN' -> 'Ann'; 'Mary-Kate' stays."""
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in text.strip().split())


def _kin_of(phrase: str) -> str | None:
    """'mother of' / 'the mother of' -> 'mother' when it is a kinship word followed by 'of'."""
    m = re.fullmatch(r"(?:the |a |an )?([a-z][a-z -]*?)\s+(?:of|to)", phrase.strip().lower())
    if m and kin_word(m[1].replace(" ", "-")) is not None:
        return m[1].replace(" ", "-")
    return None


# -- arrows --------------------------------------------------------------------------------------------------------
_ARROW = re.compile(
    rf"^\s*(?P<a>{_NAME})\s*(?:--?\s*\[?(?P<r1>[A-Za-z][A-Za-z -]*?)\]?\s*-*>|-+>|→|=>)\s*(?P<b>{_NAME})"
    r"\s*(?:[:(,]\s*(?P<r2>[A-Za-z][A-Za-z -]*?)\s*\)?)?\s*\.?\s*$"
)
_LEGEND = re.compile(
    r"['\"](?P<example>[^'\"]*(?:-->|->|→)[^'\"]*)['\"][^'\"]*['\"](?P<meaning>[^'\"]+)['\"]"
)


def _arrow_legend(text: str) -> tuple[str, str] | None:
    """ "read 'A --mother--> B' as 'A is B's mother'": (the example's relation, its meaning as a template over
    {a}, {b}, {rel})."""
    for m in _LEGEND.finditer(text):
        ex = _ARROW.match(m["example"])
        if ex is None:
            continue
        rel = (ex["r1"] or ex["r2"] or "").strip()
        body = m["meaning"]
        for word, slot in ((ex["a"], "{a}"), (ex["b"], "{b}"), (rel, "{rel}")):
            body = re.sub(rf"\b{re.escape(word)}\b", slot, body, count=1)
        if all(k in body for k in ("{a}", "{b}", "{rel}")):
            return rel, body.rstrip(".") + "."
    return None


_CYPHER = re.compile(
    r"^\s*(?:MERGE|CREATE|MATCH)?\s*\(\s*(?P<a>\w+)(?::\w+)?(?:\s*\{[^}]*\})?\s*\)\s*-\s*\[\s*\w*\s*:\s*"
    r"(?P<rel>\w+)\s*\]\s*->\s*\(\s*(?P<b>\w+)(?::\w+)?(?:\s*\{[^}]*\})?\s*\)\s*;?\s*$"
)
_MERMAID = re.compile(r"^\s*(?P<a>\w+)\s*-+>\s*\|\s*(?P<rel>[^|]+?)\s*\|\s*(?P<b>\w+)\s*;?\s*$")
_DOT = re.compile(
    r"^\s*\"?(?P<a>\w+)\"?\s*->\s*\"?(?P<b>\w+)\"?\s*\[\s*label\s*=\s*\"?(?P<rel>[^\"\]]+?)\"?\s*\]\s*;?\s*$"
)


def _canonical_arrow(line: str) -> str:
    """Cypher '(ann)-[:MOTHER_OF]->(bob)', Mermaid 'Ann -->|mother of| Bob' and DOT 'ann -> bob
    [label="mother of"]' as 'Ann --mother of--> Bob'."""
    for pattern in (_CYPHER, _MERMAID, _DOT):
        m = pattern.match(line)
        if m:
            rel = m["rel"].replace("_", " ").strip().lower()
            return f"{m['a'][:1].upper() + m['a'][1:]} --{rel}--> {m['b'][:1].upper() + m['b'][1:]}"
    return line


def _arrow(line: str, legend: tuple[str, str] | None) -> str | None:
    written, line = line, _canonical_arrow(line)
    m = _ARROW.match(line)
    if m is None or not (m["r1"] or m["r2"]):
        return None
    rel = (m["r1"] or m["r2"]).strip()
    a, b = _name(m["a"]), _name(m["b"])
    kin = _kin_of(rel)
    if kin is not None and legend is not None and _kin_of(legend[0]) is not None:
        return legend[1].format(a=a, b=b, rel=rel.lower())  # the text's own legend for 'R of' arrows
    if kin is not None:  # 'mother of' says its direction itself
        return f"{a} is the {kin} of {b}."
    if rel.lower() in ("married", "married to", "spouse", "spouses", "spouse of"):
        return f"{a} is married to {b}."
    word = rel.lower().replace(" ", "-")
    if kin_word(word) is None:
        return None
    if legend is None or legend[0].lower().endswith(" of"):
        raise ParseError(
            f"{written.strip()!r} does not say which way it reads ({a} the {word} of {b}, or {b} the {word} of {a}); "
            f"write '{a} --{word} of--> {b}', or add a legend such as \"read 'A --mother--> B' as 'A is B's mother'\""
        )
    return legend[1].format(a=a, b=b, rel=word)


# -- entries: 'Ann – mother of Bob and wife of Cy' --------------------------------------------------------------
_ENTRY = re.compile(
    rf"^\s*(?:[-*•]\s*)?(?P<who>{_NAME}|[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)?)\s*(?:,|:|–|—|-|\|)\s*(?P<rest>.+?)\.?\s*$"
)
_ENTRY_PAREN = re.compile(  # 'MARCO (son of Peter and Ana)'
    rf"^\s*(?:[-*•]\s*)?(?P<who>{_NAME}|[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)?)\s*\((?P<rest>[^()]+)\)\s*[.,;]?\s*$"
)
_PART = re.compile(
    r"^(?:the |a |an )?(?P<rel>[a-z][a-z -]*?)\s+(?:of|to)\s+(?P<who>[A-Z][A-Za-z'’-]*(?: [A-Z][A-Za-z'’-]*)?)$"
)


_OWNED = re.compile(r"^(?P<who>[A-Z][A-Za-z-]*(?: [A-Z][A-Za-z-]*)?)['’]s (?P<rel>[a-z][a-z -]*)$")


def _entry(line: str) -> list[str] | None:
    """'ANN, daughter of Bob and wife of Cy.' -> 'Ann is the daughter of Bob.', 'Ann is the wife of Cy.'; every
    part must be '<relation> of <name>' ('daughter of Andre and Ruth' names two)."""
    m = _ENTRY.match(line) or _ENTRY_PAREN.match(line)
    if m is None:
        return None
    who = _name(m["who"])
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+(?=(?:the |a |an )?[a-z])", m["rest"].strip())
    out: list[str] = []
    for part in parts:
        p = _PART.match(part.strip())
        owned = _OWNED.match(part.strip())
        if p is None and owned is not None and kin_word(owned["rel"].replace(" ", "-")) is not None:
            out.append(
                f"{who} is {_name(owned['who'])}'s {owned['rel'].replace(' ', '-')}."
            )  # "Bob's mother"
            continue
        if p is None:
            pair = re.match(
                r"^(.*?\bof)\s+(\w+)\s+and\s+(\w+)$", part.strip()
            )  # 'daughter of Andre and Ruth'
            if pair and _kin_of(pair[1]) and pair[2][:1].isupper() and pair[3][:1].isupper():
                out += [f"{who} is the {_kin_of(pair[1])} of {_name(x)}." for x in (pair[2], pair[3])]
                continue
            return None
        rel = p["rel"].strip().replace(" ", "-")
        if kin_word(rel) is None:
            return None
        out.append(f"{who} is the {rel} of {_name(p['who'])}.")
    return out or None


# -- outline --------------------------------------------------------------------------------------------------------
_ITEM = re.compile(r"^(?P<indent>\s*)[-*•+]\s+(?P<body>.+?)\s*$")
_PERSON = re.compile(rf"^(?P<name>{_NAME})(?:{_SEX})?$")
_COUPLE = re.compile(r"\s*(?:⚭|∞|\+|&| m\. | married to | = )\s*")
_SEE = re.compile(r"\s*(?:—|–|-|\()\s*see above\)?\s*$", re.I)


def _untree(line: str) -> str:
    """'│   └── Cy (m)' (a drawn tree) as '    - Cy (m)': the branch's column is its depth."""
    return re.sub(r"[├└]──+\s*", "  - ", line.replace("│", " "))


def _person(text: str) -> tuple[str, str | None] | None:
    m = _PERSON.match(text.strip())
    if m is None:
        return None
    return _name(m["name"]), _GENDER.get((m["sex"] or "").lower())


def _outline(lines: list[str], i: int, out: Lines) -> tuple[int, list[str]] | None:
    """A bulleted outline of people (and couples) nested at least two levels deep: each item's people are the
    parents of the items indented under it (the usual reading of a family outline, reported)."""
    j = i
    items: list[tuple[int, list[tuple[str, str | None]], str]] = []
    view = [_untree(x) for x in lines]
    if not _ITEM.match(view[i]) and i + 1 < len(lines) and re.match(r"^[\s│]*[├└]", lines[i + 1]):
        view[i] = "- " + view[i].strip()  # a drawn tree's root
    while j < len(lines) and (m := _ITEM.match(view[j])):
        body = _SEE.sub("", m["body"])
        people = [_person(p) for p in _COUPLE.split(body)]
        if not people or None in people or len(people) > 2:
            return None
        items.append((len(m["indent"].expandtabs(4)), people, lines[j].strip()))  # type: ignore[arg-type]
        j += 1
    if len(items) < 2 or len({d for d, _, _ in items}) < 2:
        return None
    said: list[str] = []
    stack: list[tuple[int, list[tuple[str, str | None]], str]] = []
    for depth, people, src in items:
        while stack and stack[-1][0] >= depth:
            stack.pop()
        for name, g in people:
            if g:
                said.append(_emit(out, f"{name} is {g}.", src))
        if len(people) == 2:
            said.append(_emit(out, f"{people[0][0]} is married to {people[1][0]}.", src))
        if stack:
            for parent, _ in stack[-1][1]:
                said.append(
                    _emit(out, f"{parent} is the parent of {people[0][0]}.", f"{stack[-1][2]} / {src}")
                )
        stack.append((depth, people, src))
    out.forms.append(f"an outline of {len(items)} lines")
    out.assumptions.append(
        "the outline read as a family tree: people indented under a line are its people's children"
    )
    return j, said


# -- family group register -----------------------------------------------------------------------------------------
_REGISTER = re.compile(
    rf"^\s*\d+[.)]\s+(?P<a>{_NAME}){_SEX.replace('sex', 'sa')}?(?:\s+married\s+(?P<b>{_NAME}){_SEX.replace('sex', 'sb')}?)?"
    r"\s*\.\s*(?:Children\s*:\s*(?P<kids>.+?)|No children(?: recorded)?)\s*\.?\s*$"
)
_CHILD = re.compile(rf"^\s*(?:[ivxlc]+|\d+)[.)]\s+(?P<name>{_NAME}){_SEX}?\s*$")


def _register(line: str, out: Lines) -> list[str] | None:
    """'1. Ann Lee (f) married Bob Lee (m). Children: i. Cy Lee (m); ii. Di Lee (f).': the children are the
    couple's; 'No children recorded.' states none."""
    m = _REGISTER.match(line)
    if m is None:
        return None
    src = line.strip()
    a, b = _name(m["a"]), _name(m["b"]) if m["b"] else None
    said: list[str] = []
    for name, g in ((a, m["sa"]), (b, m["sb"])):
        if name and g:
            said.append(_emit(out, f"{name} is {_GENDER[g.lower()]}.", src))
    if b:
        said.append(_emit(out, f"{a} is married to {b}.", src))
    for kid in re.split(r"\s*[;,]\s*(?:and\s+)?", m["kids"]) if m["kids"] else []:
        k = _CHILD.match(kid)
        if k is None:
            raise ParseError(f"could not read the child {kid!r} in {src!r}; write it like 'i. Ann Lee (f)'")
        child = _name(k["name"])
        if k["sex"]:
            said.append(_emit(out, f"{child} is {_GENDER[k['sex'].lower()]}.", src))
        for parent in (a, b):
            if parent:
                said.append(_emit(out, f"{parent} is the parent of {child}.", src))
    return said


# -- a form about one person ---------------------------------------------------------------------------------------
_FORM_NAME = re.compile(
    r"^\s*(?P<role>[A-Z]?[a-z]+)(?:'s)? (?:full )?name\s*:\s*(?P<name>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)\s*$"
)
_FORM_SEX = re.compile(r"^\s*(?:sex|gender)\s*:\s*(?P<sex>female|male|f|m)\s*$", re.I)
_FORM_PAREN = re.compile(
    r"^\s*[A-Z][\w /]{0,30}:\s*(?P<who>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)\s*\((?P<rel>[a-z][a-z -]*)\)\s*\.?\s*$"
)
_FORM_CONTACT = re.compile(
    r"^\s*[A-Z][\w ]{0,30}:\s*(?P<who>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)\s*(?:—|–|-|,)\s*relationship to (?:the )?"
    r"(?P<role>\w+)\s*:\s*(?P<rel>[a-z][a-z -]*?)\s*\.?\s*$",
    re.I,
)


def _form(lines: list[str], out: Lines) -> dict[int, list[str]]:
    """'Student name: Ann Lee' / 'Sex: Female' / 'Contact: Bob — relationship to student: father': Bob is Ann
    Lee's father; line index -> its sentences."""
    subject: dict[str, str] = {}
    said: dict[int, list[str]] = {}
    last = None
    for k, line in enumerate(lines):
        if m := _FORM_NAME.match(line):
            last = _name(m["name"])
            subject[m["role"].lower()] = last
            said[k] = []
            continue
        if (m := _FORM_SEX.match(line)) and last is not None:
            said[k] = [_emit(out, f"{last} is {_GENDER[m['sex'].lower()[0]]}.", line.strip())]
            continue
        if (m := _FORM_PAREN.match(line)) and len(subject) == 1:  # 'Contact: Bob (father)'
            rel = m["rel"].strip().replace(" ", "-")
            if kin_word(rel) is not None:
                who = next(iter(subject.values()))
                said[k] = [_emit(out, f"{_name(m['who'])} is {who}'s {rel}.", line.strip())]
            continue
        if m := _FORM_CONTACT.match(line):
            who = subject.get(m["role"].lower())
            rel = m["rel"].strip().replace(" ", "-")
            if who is None or kin_word(rel) is None:
                continue
            said[k] = [_emit(out, f"{_name(m['who'])} is {who}'s {rel}.", line.strip())]
            last = None
    if any(said.values()):
        out.forms.append("a form")
    return {k: v for k, v in said.items() if v} if any(said.values()) else {}


def _emit(out: Lines, sentence: str, source: str) -> str:
    out.sources.setdefault(sentence, source)
    return sentence


def _html(text: str) -> str:
    """HTML as lines of text: list items and block ends break lines, tags are dropped, entities decoded."""
    if not re.search(r"<(li|ul|ol|p|div|h\d|br|b|tr|td|span)\b[^>]*>", text, re.I):
        return text
    text = re.sub(r"</?(li|ul|ol|p|div|h\d|br|tr|table|dt|dd|dl)\b[^>]*>", "\n", text, flags=re.I)
    text = re.sub(r"</t[dh]>[ \t]*<t[dh]\b[^>]*>", " | ", text, flags=re.I)  # table cells as pipe rows
    text = re.sub(r"<[^<>\n]+>", "", text)
    return "\n".join(line.strip() for line in html.unescape(text).split("\n"))


def rewrite_lines(text: str) -> Lines:
    """The text with its notation lines (arrows, entries, outlines, registers, forms) rewritten as sentences."""
    text = _html(text)
    out = Lines(text)
    lines = text.split("\n")
    legend = _arrow_legend(text)
    found = _LEGEND.search(text)
    legend_line = found[0] if found is not None and legend is not None else None
    form = _form(lines, out)
    result: list[str] = []
    counts: dict[str, int] = {}
    i = 0
    while i < len(lines):
        line = lines[i]
        if legend_line is not None and legend_line in line:
            out.skipped.append(line.strip())
            i += 1
            continue
        if i in form:
            result += form[i]
            i += 1
            continue
        outline = _outline(lines, i, out)
        if outline is not None:
            i, said = outline
            if result and result[-1].rstrip().endswith(":"):  # its caption ('Family outline (...):')
                out.skipped.append(result.pop().strip())
            result += said
            continue
        said: list[str] | None = None
        if (s := _arrow(line, legend)) is not None:
            said, kind = [s], "arrows"
        elif (r := _register(line, out)) is not None:
            said, kind = r, "register entries"
        elif not line.rstrip().endswith("?") and (e := _entry(line)) is not None:
            said, kind = e, "entries"
        if said is None:
            result.append(line)
        else:
            result.append(" ".join(_emit(out, s, line.strip()) for s in said))
            counts[kind] = counts.get(kind, 0) + 1
        i += 1
    out.forms += [f"{n} {kind}" for kind, n in counts.items()]
    out.text = "\n".join(result)
    return out
