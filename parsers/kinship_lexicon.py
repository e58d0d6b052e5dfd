"""The kinship lexicon for reading stories: relation words people write (mom, grandpa, cousins, sister-in-law)
mapped to the exact solver's terms, the words that modify them, and first names with the gender usually given.

Pure Python, no spaCy: the reader imports it, and so does the routing detector (which must stay cheap).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from drt_agent.domains.relational import FACT_WORDS, GENDER_OF_TERM, KEY_OF_TERM


@dataclass(frozen=True)
class Kin:
    """One relation word as read: the solver's term, whether it names several people, what was assumed."""

    term: str
    plural: bool = False
    note: str = ""  # an assumption the word carries ("cousin" taken as "first cousin")


# colloquial and variant spellings -> the solver's term
SYNONYMS = {
    "mom": "mother", "mum": "mother", "mommy": "mother", "mummy": "mother", "mama": "mother", "momma": "mother",
    "mamma": "mother", "dad": "father", "daddy": "father", "papa": "father", "hubby": "husband", "kid": "child",
    "grandma": "grandmother", "granny": "grandmother", "grandmom": "grandmother", "grandmama": "grandmother",
    "grandpa": "grandfather", "granddad": "grandfather", "grandad": "grandfather", "grandpapa": "grandfather",
    "granddaddy": "grandfather", "grandkid": "grandchild", "grand-mother": "grandmother",
    "grand-father": "grandfather", "grand-daughter": "granddaughter", "grand-son": "grandson",
    "grandaunt": "great-aunt", "granduncle": "great-uncle", "grand-aunt": "great-aunt",
    "grand-uncle": "great-uncle", "grandniece": "great-niece", "grandnephew": "great-nephew",
    "grand-niece": "great-niece", "grand-nephew": "great-nephew", "twin": "sibling", "sis": "sister",
    "bro": "brother", "sibs": "sibling", "wifey": "wife",
}  # fmt: skip
# relation words this reader refuses by name: they are not relations the exact solver knows
UNSUPPORTED = {
    "stepmother", "stepfather", "stepson", "stepdaughter", "stepbrother", "stepsister", "stepchild",
    "stepparent", "stepdad", "stepmom", "half-brother", "half-sister", "half-sibling", "godmother",
    "godfather", "godson", "goddaughter", "godchild", "fiance", "fiancé", "fiancee", "fiancée", "boyfriend",
    "girlfriend", "partner", "ex-wife", "ex-husband", "ex-partner", "foster", "guardian", "relative",
    "ancestor", "descendant", "in-law", "stepsibling", "widow", "widower", "family",
}  # fmt: skip
IRREGULAR_PLURALS = {"children": "child", "kids": "child", "grandchildren": "grandchild", "wives": "wife"}
# words that may stand between a possessive and its relation word ("her younger brother", "his only son")
MODIFIERS = {
    "proud", "younger", "older", "little", "big", "beloved", "only", "twin", "dear", "elder", "eldest",
    "youngest", "oldest", "new", "favorite", "favourite", "lovely", "sweet", "loving", "baby", "adult",
    "grown", "own", "wonderful", "kind", "caring", "happy", "late", "first", "second", "third", "middle",
    "two", "three", "four", "five", "six", "both", "adorable", "darling", "precious", "newborn", "infant",
    "teenage", "married", "biological", "very", "much", "older-", "younger-", "one", "other",
}  # fmt: skip
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}


def _singular(word: str) -> str | None:
    """A plural relation word's singular when it is one ('sisters-in-law' -> 'sister-in-law')."""
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word.endswith("-in-law"):
        head = word[: -len("-in-law")]
        single = _singular(head)
        return None if single is None else single + "-in-law"
    if word.endswith("ies"):
        return None
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return None


def _term(word: str) -> str | None:
    """The solver's term for one singular word, or None."""
    word = SYNONYMS.get(word, word)
    if not word:
        return None
    if word == "cousin":
        return "first cousin"
    if word in FACT_WORDS or word in KEY_OF_TERM:
        return word
    if word.startswith("great-") and word.count("great-") >= 1:
        # 'great-great-grandmother', 'great-uncle': the solver knows every depth it covers
        return word if word in KEY_OF_TERM else None
    return None


@lru_cache(maxsize=4096)
def kin_word(word: str) -> Kin | None:
    """A (hyphen-joined, lower-case) word read as a relation word, or None."""
    word = word.lower().replace("–", "-")
    term = _term(word)
    if term is not None:
        note = "'cousin' taken as 'first cousin'" if word == "cousin" else ""
        return Kin(term, False, note)
    single = _singular(word)
    if single is not None and _term(single) is not None:
        note = "'cousins' taken as 'first cousins'" if single == "cousin" else ""
        return Kin(_term(single) or "", True, note)
    return None


def unsupported_word(word: str) -> bool:
    """A relation-like word this reader knows it cannot read (step-, half-, god-, partner, ...)."""
    word = word.lower()
    single = _singular(word) or word
    if (
        word in UNSUPPORTED
        or single in UNSUPPORTED
        or word.startswith(("step-", "half-", "god-", "ex-", "foster-"))
    ):
        return True
    rest = word.removeprefix("step").removeprefix("half").removeprefix("god")
    return rest != word and kin_word(rest) is not None


def gender_of_term(term: str) -> str | None:
    """'f', 'm' or None (neutral) for a solver term."""
    return FACT_WORDS.get(term) or GENDER_OF_TERM.get(term)


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    from . import kinship_names as n

    out = dict.fromkeys(n.FEMALE.split(), "f")
    out.update(dict.fromkeys(n.MALE.split(), "m"))
    out.update(dict.fromkeys(n.UNISEX.split(), "?"))
    return out


def name_gender(name: str) -> str | None:
    """'f' / 'm' from a first name in the kept list, '?' when the list gives it to both, None if unknown."""
    first = name.split()[0].split("-")[0]
    return _names().get(first[:1].upper() + first[1:].lower())
