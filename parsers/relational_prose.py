"""Prose habits the sentence reader does not read as they stand, rewritten into plain sentences first:

- a chat transcript ('[Ann] Bob is my son btw', '[Ann] hi all, Ann here — Cy's wife'): first-person words are
  the sender ('my' -> "Ann's"), '<Name> here — <who>' introduces the sender, trailing asides with no relation
  (', for those who don't know me') are dropped, '[you]' marks the asker;
- note-taking shorthand in lower case ("rex = maria's hubby. priya's son: ray. q: is ray ...?"): names are the
  words that own a relation or stand beside '=', read capitalised; 'X = Y's R' and "Y's R: X" are 'X is Y's R';
- a place after a name ('Ann Lee, of Millbrook, died ...'): the place is no person;
- 'the bride' / 'the groom' of 'Ann and Bob were married': the one whose first name is usually female / male
  (an assumption, reported; refused when the names do not tell).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drt_agent.errors import ParseError

from .kinship_lexicon import gender_of_term, kin_word, name_gender


@dataclass
class Prose:
    text: str
    skipped: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)


_NAME = r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?"

# -- chat ----------------------------------------------------------------------------------------------------------
_CHAT = re.compile(r"^\s*[\[<](?P<who>[A-Za-z][\w'’-]*)[\]>]\s*:?\s+(?P<msg>.*?)\s*$")
_FIRST = [
    (r"\b(?:I am|I'm|I’m|im)\b", "{s} is"),
    (r"\b[Mm]y\b", "{s}'s"),
    (r"\b(?:me|myself)\b", "{s}"),
    (r"\bI\b", "{s}"),
]
_HERE = re.compile(
    rf"^(?:(?:hi|hey|hello|hiya)\b[^,—–]*[,!]\s*)?(?P<who>{_NAME}) here\s*(?:—|–|-|,|:)\s*(?P<rest>.+)$", re.I
)
_RELATIONAL = re.compile(r"'s\b|\bof\b")


def _has_kin(text: str) -> bool:
    return any(kin_word(w.lower()) is not None for w in re.findall(r"[A-Za-z-]+", text))


_COLON = re.compile(
    r"^\s*(?:\[?\d{1,2}:\d{2}(?:\s*[ap]m)?\]?\s*)?(?P<who>[A-Z][a-z]+)\s*:\s+(?P<msg>.*?)\s*$"
)
_NOT_SENDERS = {"question", "answer", "note", "notes", "q", "a", "hint", "task", "story", "context", "facts"}


def _chat(text: str, out: Prose) -> str:
    lines = text.split("\n")
    chat = [(k, m) for k, line in enumerate(lines) if (m := _CHAT.match(line))]
    if len(chat) < 2:  # 'Ann: Bob is my son' lines, when several senders speak in the first person
        chat = [
            (k, m)
            for k, line in enumerate(lines)
            if (m := _COLON.match(line)) and m["who"].lower() not in _NOT_SENDERS
        ]
        senders = {m["who"] for _, m in chat}
        first = sum(bool(re.search(r"\b(?:my|I'm|I am|me)\b", m["msg"])) for _, m in chat)
        if len(chat) < 3 or len(senders) < 2 or first < 2:
            return text
    for k, m in chat:
        who, msg = m["who"], m["msg"]
        if who.lower() in ("you", "me", "q", "question", "asker"):
            lines[k] = msg
            continue
        parts = [p for p in re.split(r"\s*,\s*", msg)]
        kept = [p for p in parts if _has_kin(p) or p is parts[0]]
        if len(kept) < len(parts):
            out.skipped += [p for p in parts if p not in kept]
        msg = ", ".join(kept)
        for pattern, repl in _FIRST:
            msg = re.sub(pattern, repl.format(s=who), msg)
        if h := _HERE.match(msg):
            msg = f"{h['who']} is {h['rest']}"
        msg = re.sub(r"\s+(?:btw|fyi|lol|haha|tbh)\.?$", "", msg, flags=re.I)
        msg = msg[:1].upper() + msg[1:]
        lines[k] = msg if msg.endswith((".", "?", "!")) else msg + "."
    out.forms.append(f"a chat of {len(chat)} messages (first-person words read as each sender)")
    return "\n".join(lines)


# -- lower-case shorthand -------------------------------------------------------------------------------------------
_STOP = {
    "q", "a", "an", "the", "is", "was", "what", "who", "how", "of", "to", "and", "or", "4", "for", "notes", "note",
    "would", "you", "call", "it", "true", "that", "false", "related", "relation", "kinship", "term", "describes",
    "with", "respect", "relationship", "me", "my", "i", "his", "her", "their", "he", "she", "they",
}  # fmt: skip


def _shorthand(text: str, out: Prose) -> str:
    """Lower-case notes: capitalise the names, and read "Y's R: X" and 'X = Y's R' as 'X is Y's R'."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    if len(words) < 8 or sum(w[:1].isupper() for w in words) > len(words) // 20:
        return text
    owners = set(re.findall(r"\b([a-z][a-z-]+)'s\b", text))
    sides = set(re.findall(r"\b([a-z][a-z-]+)\s*=", text)) | set(
        re.findall(r"[:=]\s*([a-z][a-z-]+)\s*[.;\n]", text)
    )
    names = {w for w in owners | sides if w not in _STOP and kin_word(w) is None}
    if len(names) < 2:
        return text
    text = _capitalise(text, names)
    # 'zoe is Ann's daughter', "Bob's son is cy": the other side of a relation to a name is a name too
    more = set(re.findall(r"\b([a-z][a-z-]+) (?:is|was|=) (?:the [a-z-]+ of )?[A-Z][a-z-]+'s\b", text))
    more |= set(re.findall(r"\b[A-Z][a-z-]+'s [a-z-]+ (?:is|=|:) ([a-z][a-z-]+)\b", text))
    more |= set(re.findall(r"\b([a-z][a-z-]+) is the [a-z-]+ of [A-Z]", text))
    text = _capitalise(text, {w for w in more if w not in _STOP and kin_word(w) is None})
    text = re.sub(rf"\b({_NAME})'s ([a-z-]+): ({_NAME})\b", r"\3 is \1's \2", text)
    text = re.sub(rf"\b({_NAME}) = ({_NAME})'s ([a-z-]+)\b", r"\1 is \2's \3", text)
    text = re.sub(r"(^|[.:]\s+)q\s*:\s*([a-z])", lambda m: m[1] + m[2].upper(), text)
    text = re.sub(r"(^|[.?!]\s+)([a-z])", lambda m: m[1] + m[2].upper(), text)
    out.forms.append("lower-case notes (names capitalised)")
    return text


def _capitalise(text: str, names: set[str]) -> str:
    if not names:
        return text
    pattern = r"\b(" + "|".join(sorted(names, key=len, reverse=True)) + r")\b"
    return re.sub(pattern, lambda m: m[0].capitalize(), text)


# -- places and wedding roles ---------------------------------------------------------------------------------------
_WHO = r"(?<![\w'’])[A-Z][a-z]+(?: [A-Z][a-z]+)?"  # a name in prose (not 'M' of "'M', 4,")
_AGE = re.compile(rf"(?P<who>{_WHO}), (?:aged? )?(?P<age>\d{{1,3}}),(?=\s+[a-z])")
_PLACE = re.compile(rf"(?P<who>{_WHO}), of (?P<place>(?:the )?[A-Z][a-z]+(?: [A-Z][a-z]+)?),")
_COUPLE = re.compile(
    rf"\b(?P<a>{_NAME}) (?:and|&) (?P<b>{_NAME}) (?:were|are|got|have been|will be) (?:married|wed)\b"
    rf"|\b(?:marriage|wedding) of (?P<c>{_NAME}) (?:and|&|to) (?P<d>{_NAME})\b"
    rf"|\b(?P<e>{_NAME}) (?:married|wed) (?P<f>{_NAME})\b"
)
_ROLE = re.compile(r"\b([Tt]he) (bride|groom)\b")


def _places(text: str, out: Prose) -> str:
    def drop(m: re.Match[str]) -> str:
        if _has_kin(m["place"]):
            return m[0]
        out.skipped.append(f"of {m['place']}")
        return m["who"] + ","

    def age(m: re.Match[str]) -> str:
        out.skipped.append(f"{m['who']}, {m['age']}")
        return m["who"] + ","

    return _PLACE.sub(drop, _AGE.sub(age, text))


def _wedding(text: str, out: Prose) -> str:
    if not _ROLE.search(text):
        return text
    m = _COUPLE.search(text)
    if m is None:
        return text
    pair = [p for p in m.groups() if p]
    stated = {p: _stated_gender(text, p) for p in pair}
    genders = {p: stated[p] or name_gender(p.split()[0]) for p in pair}
    female = [p for p, g in genders.items() if g == "f"]
    male = [p for p, g in genders.items() if g == "m"]
    if len(female) != 1 or len(male) != 1:
        raise ParseError(
            f"{m[0]!r}: neither the text nor the first names tell who is the bride and who the groom; name them "
            "instead of 'the bride' / 'the groom'"
        )
    role = {"bride": female[0], "groom": male[0]}
    for word in sorted({r[2] for r in _ROLE.finditer(text)}):
        how = "from what the text says of them" if all(stated.values()) else "from the first names"
        out.assumptions.append(f"the {word} taken as {role[word]} ({how})")
    return _ROLE.sub(lambda r: role[r[2]], text)


_OWNER = r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?"


def _stated_gender(text: str, person: str) -> str | None:
    """The gender the text's relation words give a person ('Miriam is the mother of Agnes', "Bob's wife is
    Miriam"), by full name or first name; None when it says none or both."""
    found: set[str] = set()
    for n in {re.escape(person), re.escape(person.split()[0])}:
        for pattern in (
            rf"\b{n} is (?:the |a |an )?(?:{_OWNER}'s )?(?P<w>[a-z-]+)\b",
            rf"\b{_OWNER}'s (?P<w>[a-z-]+) is {n}\b",
            rf"\bthe (?P<w>[a-z-]+) of {_OWNER} is {n}\b",
        ):
            for w in re.finditer(pattern, text):
                kin = kin_word(w["w"])
                g = gender_of_term(kin.term) if kin is not None else None
                if g is not None:
                    found.add(g)
    return found.pop() if len(found) == 1 else None


def rewrite_prose(text: str) -> Prose:
    out = Prose(text)
    text = _chat(text, out)
    text = _shorthand(text, out)
    text = _places(text, out)
    text = _wedding(text, out)
    out.text = text
    return out
