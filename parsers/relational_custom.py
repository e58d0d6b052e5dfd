"""Stories with no kinship word: a clause with two names states the words between them as its relation, kept
as written ("Bob reports to Ann." -> Bob / "reports to" / Ann), for checkpoints fine-tuned on such words."""

from __future__ import annotations

from drt_agent.domains.relational import Fact
from drt_agent.errors import ParseError

from .relational_extract import Sentence, Word

_COPULA = (["is"], ["was"])


def _symbols(words: list[Word]) -> tuple[list[str], list[str]]:
    """Each name becomes NAME (a possessive: NAME 's); returns the symbols and the names in order."""
    syms: list[str] = []
    names: list[str] = []
    for w in words:
        if w.role in ("N", "POSS") and isinstance(w.value, tuple) and w.value[0] == "name":
            names.append(w.value[1])
            syms.extend(["NAME", "'s"] if w.role == "POSS" else ["NAME"])
        else:
            syms.append(w.text.lower())
    return syms, names


def _clauses(syms: list[str], names: list[str]) -> list[tuple[list[str], list[str]]]:
    """Split at ';', ',' or 'and' once the clause so far holds two names."""
    out = []
    cur: list[str] = []
    cur_names: list[str] = []
    it = iter(names)
    for s in syms:
        if s in (";", ",", "and") and cur.count("NAME") >= 2:
            out.append((cur, cur_names))
            cur, cur_names = [], []
            continue
        if s in (";", ",", "and") and not cur:
            continue
        cur.append(s)
        if s == "NAME":
            cur_names.append(next(it))
    if cur:
        out.append((cur, cur_names))
    return out


def _join(words: list[str]) -> str:
    return " ".join(words).replace(" 's", "'s").strip()


def _fact(syms: list[str], names: list[str]) -> list[Fact]:
    """The fact one clause states (none unless it names exactly two people)."""
    s = [w for w in syms if w not in (".", "!")]
    if s.count("NAME") != 2:
        return []
    a, b = names
    i, j = (k for k, w in enumerate(s) if w == "NAME")
    mid, head, tail = s[i + 1 : j], s[:i], s[j + 1 :]
    if head:
        rel = _join(head + mid + tail)
    elif mid == ["and"] and tail[:1] in (["are"], ["were"]):  # X and Y are <rel>
        rel = _join(tail)
    elif mid[:1] in _COPULA and tail[:1] == ["'s"]:  # X is Y's <rel>
        rel = _join(tail[1:])
    elif mid[:1] in _COPULA and mid[-1:] == ["of"] and len(mid) >= 3:  # X is the <rel> of Y
        rel = _join(mid[2:-1] if mid[1] in ("the", "a", "an") else mid[1:-1])
    elif mid[:1] == ["'s"] and mid[-1:] in _COPULA and len(mid) >= 3:  # X's <rel> is Y
        return [Fact(subject=b, relation=_join(mid[1:-1]), object=a)]
    elif mid[:1] == ["has"] and mid[-1:] in (["named"], ["called"]) and len(mid) >= 4:  # X has a R named Y
        return [Fact(subject=b, relation=_join(mid[2:-1]), object=a)]
    else:
        rel = _join(mid + tail)
    return [Fact(subject=a, relation=rel, object=b)] if rel else []


def custom_facts(words: list[Word]) -> list[Fact]:
    syms, names = _symbols(words)
    return [f for clause, clause_names in _clauses(syms, names) for f in _fact(clause, clause_names)]


def custom_question(sent: Sentence) -> tuple[str, str, str | None]:
    """(subject, anchor, relation or None for an open question)."""
    syms, names = _symbols(sent.words)
    s = [w for w in syms if w not in ("?", ".")]
    if s.count("NAME") == 2:
        a, b = names
        i, j = (k for k, w in enumerate(s) if w == "NAME")
        head, mid = s[:i], s[i + 1 : j]
        if head and head[0] in ("how", "what", "who", "which"):
            return a, b, None
        if head in ([], ["is"], ["was"]) and mid[-1:] == ["of"]:  # Is X the <rel> of Y
            rel = mid[1:-1] if not head else mid[:-1]
            rel = rel[1:] if rel[:1] in (["the"], ["a"], ["an"]) else rel
            return a, b, _join(rel) or None
        if head in (["is"], ["was"]) and not mid and s[j + 1 : j + 2] == ["'s"]:  # Is X Y's <rel>
            return a, b, _join(s[j + 2 :]) or None
        if head and head[0] in ("is", "does", "do", "are", "was", "did"):
            rel = _join(head[1:] + mid + s[j + 1 :])
            return a, b, rel or None
    raise ParseError(
        f"could not read the question {sent.text!r}; ask e.g. 'How is Carol related to Bob?' "
        "or 'Is Carol Bob's aunt?' with exactly two names"
    )
