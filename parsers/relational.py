"""Relational text -> RelationalProblem: a story of facts about people and one question.

Tokenisation and sentence splitting use spaCy (a blank English pipeline with a sentencizer, so nothing is
downloaded; a trained pipeline such as `en_core_web_sm` is used when installed). Names are runs of capitalised
words that are not question or function words. Facts and questions are read by rule-based patterns over
each clause with the names replaced by a NAME symbol:

    X is Y's mother .            Y's mother is X .           X is the mother of Y .
    X has a son named Y .        X and Y are siblings .      X is married to Y .
    How is X related to Y ?      What is X to Y ?            Is X Y's grandmother ?      Is X the parent of Y ?
    query : X is the great-grandparent of Y          (the paper's format)

A clause with two names that no pattern knows becomes a fact with the words between the names as its relation
("Bob reports to Alice." -> Bob / "reports to" / Alice): a fine-tuned model learns such words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from drt_agent.domains.base import Reading
from drt_agent.domains.relational import FACT_WORDS, KEY_OF_TERM, OFFSET_OF_WORD, Fact, RelationalProblem
from drt_agent.errors import LimitError, ParseError

EXAMPLE = "Alice is Bob's mother. Carol is Alice's sister. How is Carol related to Bob?"
NOT_NAMES = {
    "is", "are", "was", "how", "what", "who", "whom", "which", "does", "do", "did", "the", "a", "an", "and", "query",
    "in", "of", "to", "her", "his", "their", "she", "he", "they", "it", "yes", "no", "then", "also", "so", "but",
    "that", "this", "there", "i", "we", "you", "if", "given", "question", "story", "note",
}  # fmt: skip
PLURALS = {
    "siblings": "sibling", "brothers": "brother", "sisters": "sister", "spouses": "spouse",
    "married": "spouse", "a couple": "spouse",
}  # fmt: skip
KNOWN_RELATIONS = set(FACT_WORDS) | set(KEY_OF_TERM) | set(OFFSET_OF_WORD)
_RELATIONAL_HINT = re.compile(
    r"\b(mother|father|parent|son|daughter|child|brother|sister|sibling|husband|wife|spouse|grand\w*|aunt|uncle|"
    r"niece|nephew|cousin|in-law|related to)\b|\bquery\s*:",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _nlp() -> Any:
    """A spaCy pipeline: a trained English one when the user has it, else blank English + sentencizer."""
    import spacy  # lazy: importing spaCy costs about a second

    for name in ("en_core_web_sm", "en_core_web_md"):
        if spacy.util.is_package(name):
            return spacy.load(name, exclude=["ner", "lemmatizer", "textcat"])
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def looks_like_relational(text: str) -> bool:
    """A cheap test (no spaCy) for routing: kinship words or the paper's query format, and a question."""
    return bool(_RELATIONAL_HINT.search(text)) and (
        "?" in text or re.search(r"\bquery\s*:", text, re.I) is not None
    )


def _words(sentence: Any) -> list[str]:
    """Token texts with hyphenated compounds re-joined ('great-grandmother', 'sister-in-law')."""
    out: list[str] = []
    glue = False
    prev_space = " "
    for tok in sentence:
        if glue:
            out[-1] += tok.text
            glue = False
        elif tok.text == "-" and out and not prev_space and not tok.whitespace_:
            out[-1] += "-"
            glue = True
        else:
            out.append(tok.text)
        prev_space = tok.whitespace_
    return out


def _is_name_word(word: str, first: bool) -> bool:
    if word.lower() in NOT_NAMES or not word[:1].isupper():
        return False
    return word.lower() not in KNOWN_RELATIONS and not (first and word.lower() in NOT_NAMES)


def _split_run(run: list[str], known: set[str]) -> list[str]:
    """Cut a run of capitalised words into known names, longest first ('Frank Bob' -> 'Frank', 'Bob')."""
    out, i = [], 0
    while i < len(run):
        for j in range(len(run), i, -1):
            if " ".join(run[i:j]) in known:
                out.append(" ".join(run[i:j]))
                i = j
                break
        else:
            return [" ".join(run)]
    return out


def _symbols(words: list[str], known: set[str] | None = None) -> tuple[list[str], list[str]]:
    """Replace each run of name words by NAME; returns the symbols and the names in order."""
    syms: list[str] = []
    names: list[str] = []
    i = 0
    while i < len(words):
        if _is_name_word(words[i], i == 0):
            j = i
            while j + 1 < len(words) and _is_name_word(words[j + 1], False):
                j += 1
            parts = _split_run(words[i : j + 1], known) if known else [" ".join(words[i : j + 1])]
            names.extend(parts)
            syms.extend(["NAME"] * len(parts))
            i = j + 1
        else:
            syms.append(words[i].lower())
            i += 1
    return syms, names


def _clauses(syms: list[str], names: list[str]) -> list[tuple[list[str], list[str]]]:
    """Split at ';', ',' or 'and' once the clause so far holds two names ('X and Y are siblings' stays whole)."""
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
    """The facts one clause states (empty if it states none)."""
    s = [w for w in syms if w not in (".", "!")]
    if s.count("NAME") != 2:
        return []
    a, b = names
    i, j = (k for k, w in enumerate(s) if w == "NAME")
    mid, head, tail = s[i + 1 : j], s[:i], s[j + 1 :]
    if head:
        rel = _join(head + mid + tail)
        return [Fact(subject=a, relation=rel, object=b)] if rel else []
    # X and Y are siblings / married
    if mid == ["and"] and tail and tail[0] in ("are", "were"):
        word = PLURALS.get(_join(tail[1:]))
        if word is None:
            return [Fact(subject=a, relation=_join(tail), object=b)]
        if word in ("brother", "sister"):
            return [Fact(subject=a, relation=word, object=b), Fact(subject=b, relation=word, object=a)]
        return [Fact(subject=a, relation=word, object=b)]
    # X is Y's <rel>
    if mid[:1] in (["is"], ["was"]) and tail[:1] == ["'s"]:
        return [Fact(subject=a, relation=_join(tail[1:]), object=b)]
    # X is (the|a) <rel> of Y
    if mid[:1] in (["is"], ["was"]) and mid[-1:] == ["of"] and len(mid) >= 3:
        rel = mid[1:-1]
        if rel[:1] in (["the"], ["a"], ["an"]):
            rel = rel[1:]
        return [Fact(subject=a, relation=_join(rel), object=b)] if rel else []
    # X's <rel> is Y
    if mid[:1] == ["'s"] and mid[-1:] in (["is"], ["was"]) and len(mid) >= 3:
        return [Fact(subject=b, relation=_join(mid[1:-1]), object=a)]
    # X has a <rel> named Y
    if mid[:1] == ["has"] and mid[-1:] in (["named"], ["called"]) and len(mid) >= 4:
        return [Fact(subject=b, relation=_join(mid[2:-1]), object=a)]
    # X is married to Y
    if mid in (["is", "married", "to"], ["was", "married", "to"]):
        return [Fact(subject=a, relation="spouse", object=b)]
    rel = _join(mid + tail)
    return [Fact(subject=a, relation=rel, object=b)] if rel else []


def _question(syms: list[str], names: list[str]) -> tuple[str, str, str | None] | None:
    """(subject, anchor, relation or None for an open question) if the clause is a question."""
    s = [w for w in syms if w not in ("?", ".")]
    if s[:2] == ["query", ":"]:
        s = s[2:]
    if s.count("NAME") != 2:
        return None
    a, b = names
    i, j = (k for k, w in enumerate(s) if w == "NAME")
    head, mid = s[:i], s[i + 1 : j]
    if head and head[0] in ("how", "what", "who", "which"):
        return a, b, None
    if head in ([], ["is"], ["was"]) and mid[-1:] == ["of"]:  # (query:) X is the R of Y / Is X the R of Y
        rel = mid[1:-1] if not head else mid[:-1]
        if rel[:1] in (["the"], ["a"], ["an"]):
            rel = rel[1:]
        return a, b, _join(rel) if rel else None
    if head in (["is"], ["was"]) and not mid and s[j + 1 : j + 2] == ["'s"]:  # Is X Y's R
        return a, b, _join(s[j + 2 :])
    if head and head[0] in ("is", "does", "do", "are"):
        return a, b, _join(head[1:] + mid + s[j + 1 :])
    return None


def parse_relational(text: str, family: str | None = None) -> RelationalProblem:
    """Parse a story and its question; raises ParseError saying what is missing or wrong."""
    if not text or not text.strip():
        raise ParseError(f"empty input; give a story and a question, e.g. {EXAMPLE!r}")
    nlp = _nlp()
    if len(text) > nlp.max_length:
        raise LimitError(
            f"the story has {len(text):,} characters; the relational parser reads at most {nlp.max_length:,} "
            "(spaCy's limit): split it into smaller stories"
        )
    doc = nlp(text.strip())
    facts: list[Fact] = []
    questions = []
    for sent in doc.sents:
        words = _words(sent)
        syms, names = _symbols(words)
        if "?" in syms or syms[:2] == ["query", ":"]:
            questions.append((sent.text.strip(), words))
            continue
        for clause, clause_names in _clauses(syms, names):
            facts.extend(_fact(clause, clause_names))
    known = {f.subject for f in facts} | {f.object for f in facts}
    question: tuple[str, str, str | None] | None = None
    paper = False
    for text_q, words in questions:
        syms, names = _symbols(words, known)
        paper |= syms[:2] == ["query", ":"]
        question = _question(syms, names)
        if question is None:
            raise ParseError(
                f"could not read the question {text_q!r}; ask e.g. 'How is Carol related to Bob?' "
                "or 'Is Carol Bob's aunt?' with exactly two names"
            )
    if question is None:
        raise ParseError(f"no question found; end the story with one, e.g. {EXAMPLE!r}")
    if not facts:
        raise ParseError(
            "the story holds no usable fact; state facts about two named people each, e.g. "
            "'Alice is Bob's mother.' or 'Bob has a daughter named Carol.'"
        )
    people = {f.subject for f in facts} | {f.object for f in facts}
    subject, anchor, relation = question
    for role, name in (("asks about", subject), ("relates to", anchor)):
        if name not in people:
            raise ParseError(
                f"the question {role} {name!r}, who is never mentioned in the story "
                f"(people in it: {', '.join(sorted(people)[:20])})"
            )
    if family is None:
        relations = {f.relation.lower() for f in facts} | ({relation.lower()} if relation else set())
        if paper:
            family = "paper"
        elif relations <= KNOWN_RELATIONS:
            family = "kinship"
        else:
            family = "custom"
    return RelationalProblem(facts=facts, subject=subject, object=anchor, relation=relation, family=family)


def read_relational(text: str, limits: Any = None) -> Reading:
    """Text -> Reading (the problem and how it was read)."""
    problem = parse_relational(text)
    return Reading(problem=problem, read_as=f"{len(problem.facts)} facts ({problem.family})")
