"""Reading one kinship sentence: words -> roles (names, possessives, pronouns, relation words) -> facts and
questions found by spaCy's rule-based Matcher over those roles.

Roles: N a name, PR a personal pronoun (he, she, they, him, them, her as an object), POSS a possessive ("Bob's",
"his", "her" before a relation word, "their"), K / KS a relation word (singular / plural, from the kinship
lexicon), U a relation word this reader refuses by name (step-, half-, partner, ...), SEP a comma or "and",
X any other word. Constructions (each a Matcher pattern over roles and literal words):

    her daughter Heather · Ann's husband, Bob · their sons Tom and Jim        (apposition after a possessive)
    Heather, Ruth's daughter, ...                                            (apposition after a name)
    Ann is Bob's mother · Ann is the (proud) mother of Bob · Ann is mother to Bob
    Bob's mother is Ann · the mother of Bob is Ann
    Bob has a son named Cy · They have children called A, B and C · Ann has two daughters, Bea and Cy
    Ann and Bob are siblings · Ann, Bob and Cy are brothers · Ann and Bob are married
    Ann is married to Bob · Ann married Bob · Ann gave birth to Bob

A pattern yields facts whose people may be pronouns; the caller resolves them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .kinship_lexicon import MODIFIERS, NUMBER_WORDS, Kin, gender_of_term, kin_word, unsupported_word

PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "they": "p", "them": "p"}
POSSESSIVES = {"his": "m", "her": "f", "their": "p"}
BE = ["is", "was", "are", "were", "'s", "be", "been", "became", "becomes", "remains", "being"]
ADVERBS = [
    "not", "n't", "never", "also", "really", "actually", "indeed", "still", "no", "longer", "certainly",
    "definitely", "now", "truly", "clearly", "obviously", "of", "course", "in", "fact", "surely", "once",
]  # fmt: skip
MARRY = ["married", "wed", "wedded", "marries", "weds", "marry"]
NEGATIONS = {"not", "n't", "never", "no", "neither", "nor", "false", "untrue", "nobody", "none"}
# capitalised words that are never names, wherever they stand
NOT_NAMES = {
    "i", "is", "are", "was", "were", "how", "what", "who", "whom", "whose", "which", "why", "where", "when",
    "does", "do", "did", "the", "a", "an", "and", "or", "query", "in", "on", "at", "of", "to", "for", "from",
    "with", "her", "his", "their", "she", "he", "they", "it", "its", "yes", "no", "not", "then", "also", "so",
    "but", "that", "this", "these", "those", "there", "here", "we", "you", "your", "our", "my", "me", "us",
    "if", "given", "question", "questions", "story", "note", "answer", "respond", "provide", "consider",
    "read", "use", "using", "please", "each", "every", "all", "some", "one", "once", "after", "before",
    "yesterday", "today", "tomorrow", "later", "last", "next", "meanwhile", "afterwards", "finally", "first",
    "second", "however", "because", "since", "while", "although", "though", "both", "either",
    "neither", "nor", "whether", "only", "just", "even", "still", "again", "be", "been", "being",
    "has", "have", "had", "let", "lets", "suppose", "assume", "true", "false", "statement", "statements",
    "fact", "facts", "family", "relation", "relationship", "relationships", "context", "options", "option",
    "choose", "select", "output", "input", "task", "instructions", "example", "problem", "hint", "return",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "june", "july", "august", "september", "october", "november", "december", "mr", "mrs",
    "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "prof.", "christmas", "easter", "thanksgiving", "new", "year",
    "it's", "that's", "there's", "he's", "she's", "they're", "everyone", "everybody", "nobody", "someone",
    "sadly", "unfortunately", "fortunately", "luckily", "recently", "eventually", "soon", "now", "well", "oh",
    "yeah", "okay", "ok", "hello", "hi", "dear", "thanks", "thank", "good", "great", "happy", "little",
    "big", "old", "young", "many", "most", "several", "any", "yet", "thus", "hence", "therefore",
    "based", "according", "determine", "identify", "find", "tell", "say", "state", "explain", "write",
    "reply", "give", "format", "word", "words", "single", "what's", "who's", "how's",
}  # fmt: skip


@dataclass
class Word:
    """One word of a sentence as read: its text, role and value (a name, a pronoun's gender, a Kin)."""

    text: str
    role: str
    value: Any = None
    start: int = 0  # character offset in the text


@dataclass
class RawFact:
    """'subject is the <kin> of object', people given as ('name', 'Ann') or ('pronoun', index of the word)."""

    subject: tuple[str, Any]
    kin: Kin
    object: tuple[str, Any]
    span: tuple[int, int]  # the words the construction covers
    pattern: str


@dataclass
class Sentence:
    """One segment of the text and what was read in it."""

    text: str
    words: list[Word]
    facts: list[RawFact] = field(default_factory=list)
    genders: list[tuple[tuple[str, Any], str, str]] = field(default_factory=list)  # (person, f|m, the words)
    covered: set[int] = field(default_factory=set)  # the words the facts and genders were read from


# -- words and roles -------------------------------------------------------------------------------------------
def glue(tokens: list[Any]) -> list[tuple[str, int, bool]]:
    """(text, offset, followed by space) per word, with hyphenated compounds re-joined ('sister-in-law',
    'Jean-Luc') and spaced compounds read as one relation word ('mother in law', 'first cousin once removed',
    'great grandmother')."""
    out: list[tuple[str, int, bool]] = []
    join_next = False
    for tok in tokens:
        text, space = tok.text, bool(tok.whitespace_)
        if join_next and out:
            prev, start, _ = out[-1]
            out[-1] = (prev + text, start, space)
            join_next = False
            continue
        if text in ("-", "–") and out and not out[-1][2] and not space:
            prev, start, _ = out[-1]
            out[-1] = (prev + "-", start, False)
            join_next = True
            continue
        out.append((text, tok.idx, space))
    return _join_spaced_compounds(out)


_ORDINALS = {"first", "second", "third", "fourth", "fifth"}


def _join_spaced_compounds(words: list[tuple[str, int, bool]]) -> list[tuple[str, int, bool]]:
    out: list[tuple[str, int, bool]] = []
    i = 0
    while i < len(words):
        text, start, space = words[i]
        low = [w[0].lower() for w in words[i : i + 6]]
        take = 1
        if low[:1] and low[0] in ("great", "grand") and len(low) > 1 and kin_word(low[0] + "-" + low[1]):
            text, take = low[0] + "-" + low[1], 2
        elif len(low) >= 3 and low[1:3] == ["in", "law"] and kin_word(low[0]):
            text, take = low[0] + "-in-law", 3
        elif len(low) >= 3 and low[1:3] == ["in", "laws"] and kin_word(low[0]):
            text, take = low[0] + "s-in-law", 3
        elif low[0] in _ORDINALS and len(low) > 1 and low[1] in ("cousin", "cousins"):
            text, take = f"{low[0]} {low[1]}", 2
            if len(low) >= 4 and low[3] == "removed" and low[2] in ("once", "twice"):
                text, take = f"{text} {low[2]} removed", 4
            elif len(low) >= 5 and low[3:5] == ["times", "removed"]:
                text, take = f"{text} {low[2]} times removed", 5
        elif low[:3] in (["husband", "and", "wife"], ["wife", "and", "husband"]):
            text, take = "spouses", 3
        elif low[:3] in (["brother", "and", "sister"], ["sister", "and", "brother"]):
            text, take = "siblings", 3
        out.append((text, start, words[i + take - 1][2]))
        i += take
    return out


def name_runs(words: list[tuple[str, int, bool]], is_name: Any) -> list[tuple[int, int]]:
    """(start, end) of each run of name words ('Mary Ann')."""
    out = []
    i = 0
    while i < len(words):
        if _kin_phrase(words[i][0].lower()) is None and is_name(words[i][0], i):
            j = i + 1
            while j < len(words) and is_name(words[j][0], j) and not _kin_phrase(words[j][0].lower()):
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def split_run(run: list[str], known: dict[str, int]) -> list[str]:
    """Cut a run of name words into names seen on their own elsewhere ('Ann Bob' in 'Is Ann Bob's mother?'
    -> Ann, Bob), longest first; a run that cannot be cut so stays one name."""
    out, i = [], 0
    while i < len(run):
        for j in range(len(run), i, -1):
            piece = " ".join(run[i:j])
            if known.get(piece, 0) > 0 and (i, j) != (0, len(run)):
                out.append(piece)
                i = j
                break
        else:
            return [" ".join(run)]
    return out


def roles(
    words: list[tuple[str, int, bool]], is_name: Any, known: dict[str, int] | None = None
) -> list[Word]:
    """Give each word its role; `is_name(text, position)` decides capitalised words, `known` (name -> times
    seen as a whole run) cuts runs of several names."""
    runs = dict(name_runs(words, is_name))
    out: list[Word] = []
    i = 0
    while i < len(words):
        text, start, _ = words[i]
        low = text.lower()
        kin = _kin_phrase(low)
        if i in runs:
            j = runs[i]
            pieces = split_run([w[0] for w in words[i:j]], known or {})
            poss = j < len(words) and (
                words[j][0] in ("'s", "’s") or (words[j][0] in ("'", "’") and pieces[-1].endswith("s"))
            )
            for k, name in enumerate(pieces):
                last = k == len(pieces) - 1
                role = "POSS" if poss and last else "N"
                out.append(Word(name + ("'s" if role == "POSS" else ""), role, ("name", name), start))
            i = j + (1 if poss else 0)
            continue
        if kin is not None:
            out.append(Word(text, "KS" if kin.plural else "K", kin, start))
        elif unsupported_word(low):
            out.append(Word(text, "U", low, start))
        elif low in POSSESSIVES and (low != "her" or _relation_follows(words, i + 1)):
            out.append(Word(text, "POSS", ("pronoun", low), start))
        elif low in PRONOUNS:
            out.append(Word(text, "PR", ("pronoun", low), start))
        elif low in (",", "and", "&"):
            out.append(Word(text, "SEP", None, start))
        elif low in ("'s", "’s") and out and out[-1].role == "K":  # Ann's mother's sister
            out.append(Word(text, "CHAIN", None, start))
        else:
            out.append(Word(text, "X", None, start))
        i += 1
    return _titles(out)


def _titles(words: list[Word]) -> list[Word]:
    """A capitalised relation word before a name is a title ('Grandpa Joe', 'Aunt May'): role T, which says
    the person's gender but not whose relative they are."""
    out = list(words)
    for i, w in enumerate(out[:-1]):
        before = out[i - 1] if i else None
        if (
            w.role == "K"
            and w.text[:1].isupper()
            and out[i + 1].role in ("N", "POSS")
            and (
                before is None
                or (before.role != "POSS" and before.text.lower() not in ("the", "a", "an", "my"))
            )
        ):
            out[i] = Word(w.text, "T", w.value, w.start)
    return out


def relation_word(low: str) -> bool:
    """A kinship word, or one this reader refuses by name (stepmother, partner): the story is about kin."""
    return _kin_phrase(low) is not None or unsupported_word(low)


def _kin_phrase(low: str) -> Kin | None:
    if " cousin" in low:
        from drt_agent.domains.relational import KEY_OF_TERM

        ordinal, _, rest = low.partition(" ")
        plural = rest.startswith("cousins")
        term = ordinal + " " + rest.replace("cousins", "cousin", 1)
        return Kin(term, plural) if term in KEY_OF_TERM else None
    return kin_word(low)


def _relation_follows(words: list[tuple[str, int, bool]], i: int) -> bool:
    """'her' is a possessive when a relation word follows it, modifiers aside ('her younger brother')."""
    while i < len(words) and words[i][0].lower() in MODIFIERS:
        i += 1
    return i < len(words) and _kin_phrase(words[i][0].lower()) is not None


# -- the constructions -----------------------------------------------------------------------------------------
def _role(*names: str, op: str | None = None) -> dict[str, Any]:
    pat: dict[str, Any] = {"_": {"kin_role": {"IN": list(names)}}}
    if op:
        pat["OP"] = op
    return pat


def _lower(*words: str, op: str | None = None) -> dict[str, Any]:
    pat: dict[str, Any] = {"LOWER": {"IN": list(words)}}
    if op:
        pat["OP"] = op
    return pat


GENDER_NOUNS = {
    "boy": "m", "girl": "f", "man": "m", "woman": "f", "lady": "f", "gentleman": "m", "male": "m",
    "female": "f", "guy": "m", "gal": "f",
}  # fmt: skip
AUDIENCE = [
    "everyone",
    "everybody",
    "all",
    "us",
    "them",
    "the",
    "guests",
    "family",
    "friends",
    "group",
    "room",
]
PERSON = _role("N", "PR")
MORE_PEOPLE = _role("N", "PR", "SEP", op="*")
OWNERS = _role("N", "PR", "SEP", "POSS", "K", op="*")  # "Henry and his wife Georgia have a son"
MORE_NAMES = _role("N", "SEP", op="*")
REL = _role("K", "KS")
MOD = _lower(*MODIFIERS, op="*")
ADV = _lower(*ADVERBS, op="*")
BE_ = _lower(*BE)
COMMA = {"ORTH": ",", "OP": "?"}
COUNT = _lower(*NUMBER_WORDS, "a", "an", op="?")
DIGITS = {"LIKE_NUM": True, "OP": "?"}  # 'has 2 kids: ...'
ITEMS = _role("K", "KS", "N", "SEP", "LINK", op="+")  # a son named Cy, a daughter named Di and a son, Ed
# an owner: a possessive, then any chain of relations through unnamed people ("Ann's", "Ann's mother's")
CHAINS = _role("K", "CHAIN", op="*")
OWNER = [_role("POSS"), CHAINS]
# words set off by commas between a person and what is said of them: 'Ann, whose mother is Bea, is ...'
ASIDE = [{"ORTH": ","}, {"ORTH": {"NOT_IN": [",", ".", ";", ":", "!", "?"]}, "OP": "+"}, {"ORTH": ","}]
IS_POSSESSIVE = [BE_, ADV, _lower("one", op="?"), _lower("of", op="?"), *OWNER, MOD, REL]
IS_OF = [
    BE_,
    ADV,
    _lower("the", "a", "an", "one", op="?"),
    _lower("of", op="?"),
    _lower("the", op="?"),
    MOD,
    REL,
    _lower("of", "to"),
    _lower("both", op="?"),
    _role("POSS", op="?"),  # the mother of Carol's father, Adam
    CHAINS,
    MOD,
    _role("K", op="?"),
    COMMA,
    PERSON,
    MORE_NAMES,
]
# Bea is the sister of Ann's mother (an unnamed person)
IS_OF_CHAIN = [
    BE_,
    ADV,
    _lower("the", "a", "an", "one", op="?"),
    _lower("of", op="?"),
    _lower("the", op="?"),
    MOD,
    REL,
    _lower("of"),
    *OWNER,
    MOD,
    _role("K"),
]
HAS_NAMED = [
    _lower("has", "have", "had"),
    ADV,
    _lower("a", "an", "another", op="?"),
    DIGITS,
    MOD,
    REL,
    _lower("named", "called", ",", ":", "-", op="?"),
    _role("N"),
    MORE_NAMES,
]
LIST_TAIL = [COUNT, DIGITS, _role("KS", op="?"), _lower(":", op="?"), ITEMS]
HAVE_LIST = [_lower("have", "has", "had"), ADV, *LIST_TAIL]
PARENTS_OF_LIST = [BE_, ADV, _lower("the", op="?"), MOD, _lower("parents"), _lower("of"), *LIST_TAIL]
MARRIED_TO = [_lower(*BE, "got", "get", "gets", "getting", op="*"), ADV, _lower(*MARRY), _lower("to"), PERSON]
BORN_TO = [_lower(*BE, op="?"), ADV, _lower("born"), _lower("to"), PERSON, OWNERS]

PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "apposition": [[*OWNER, MOD, REL, COMMA, _role("N"), MORE_NAMES]],
    "apposition_after": [
        [_role("N"), {"ORTH": ","}, *OWNER, MOD, _role("K")],
        [_role("N"), {"ORTH": ","}, _lower("the", "a", "an"), MOD, _role("K"), _lower("of"), PERSON],
    ],
    "copula_possessive": [
        [PERSON, MORE_PEOPLE, *IS_POSSESSIVE],
        [PERSON, *ASIDE, *IS_POSSESSIVE],
        [PERSON, {"ORTH": ","}, _lower("who"), *IS_POSSESSIVE],  # Ann, who is Bob's mother, ...
    ],
    "copula_of": [
        [PERSON, MORE_PEOPLE, *IS_OF],
        [PERSON, *ASIDE, *IS_OF],
        [PERSON, {"ORTH": ","}, _lower("who"), *IS_OF],
    ],
    "copula_of_chain": [[PERSON, MORE_PEOPLE, *IS_OF_CHAIN], [PERSON, *ASIDE, *IS_OF_CHAIN]],
    "possessive_is": [
        [*OWNER, MOD, REL, BE_, ADV, _role("N"), MORE_NAMES],  # Ann's children are Bob and Eve
        [*OWNER, MOD, _role("K"), {"ORTH": ","}, _lower("who"), BE_, _lower("called", "named"), _role("N")],
        [_lower("the"), MOD, _role("K"), _lower("of"), PERSON, BE_, ADV, _role("N")],
    ],
    "has": [[PERSON, OWNERS, *HAS_NAMED], [PERSON, *ASIDE, *HAS_NAMED]],
    "pair": [
        [PERSON, MORE_PEOPLE, _lower("and", "&"), PERSON, BE_, ADV, _lower("both", op="?"), MOD, _role("KS")]
    ],
    "married_to": [[PERSON, *MARRIED_TO], [PERSON, *ASIDE, *MARRIED_TO]],
    "marries": [[PERSON, ADV, _lower(*MARRY), PERSON], [PERSON, *ASIDE, ADV, _lower(*MARRY), PERSON]],
    "married_pair": [
        [
            PERSON,
            MORE_PEOPLE,
            _lower("and", "&"),
            PERSON,
            _lower(*BE, "got", "have", "has", "had", op="*"),
            ADV,
            _lower(*MARRY),
        ]
    ],  # fmt: skip
    "birth": [
        [
            PERSON,
            _lower("gave", "gives", "give", "has", "had"),
            _lower("given", op="?"),
            _lower("birth"),
            _lower("to"),
            PERSON,
        ]
    ],  # fmt: skip
    # Tariq, whose mother is Fiona, ... · Ann, whose sons Bob and Cy ...
    "whose": [
        [PERSON, COMMA, _lower("whose"), MOD, REL, BE_, ADV, _role("N"), MORE_NAMES],
        [PERSON, COMMA, _lower("whose"), MOD, REL, COMMA, _role("N"), MORE_NAMES],
    ],
    # Nikolai, a baby boy, was born to Pedro and his wife Maya · Bob was born to Ann
    "born_to": [[PERSON, *BORN_TO], [PERSON, *ASIDE, *BORN_TO]],
    # Lucia introduced Bob to everyone as her father
    "introduced": [
        [
            PERSON,
            _lower("introduced", "introduces", "introduce", "presented", "presents"),
            PERSON,
            _lower("to", op="?"),
            _lower(*AUDIENCE, op="*"),
            _lower("as"),
            _role("POSS"),
            MOD,
            _role("K"),
        ]
    ],  # fmt: skip
    # Ann and her husband Bob are the proud parents of two children: a son named Cy and a daughter named Di
    # Ann and Bob have three kids: Cy, a son, ... · Ann has a son named Cy and a daughter named Di
    "children_list": [
        [PERSON, OWNERS, *HAVE_LIST],
        [PERSON, OWNERS, *PARENTS_OF_LIST],
        [PERSON, *ASIDE, *HAVE_LIST],
        [PERSON, *ASIDE, *PARENTS_OF_LIST],
    ],
    # Sakura: Karl's sister; Jane - Nadia's sister (a name, a dash or colon, a possessive relation word)
    "compact": [
        [_role("N"), _lower(":", "-", "—", "–"), *OWNER, MOD, _role("K")],
        [
            _role("N"),
            _lower(":", "-", "—", "–"),
            _lower("the", "a", "an", op="?"),
            MOD,
            _role("K"),
            _lower("of"),
            PERSON,
        ],
    ],
}
# statements of a person's gender that relate nobody: 'Nikolai, a baby boy, ...', 'Sam is a girl'
GENDER_PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "gender_apposition": [
        [PERSON, {"ORTH": ","}, _lower("a", "an"), MOD, _lower(*GENDER_NOUNS), {"ORTH": ","}]
    ],
    "gender_copula": [[PERSON, BE_, _lower("a", "an", op="?"), MOD, _lower(*GENDER_NOUNS)]],
}
# shapes of a relation statement whose relation word is not a kinship word ("Ann is Bob's boss")
IS_UNKNOWN_POSSESSIVE = [BE_, ADV, *OWNER, MOD, _role("X", "U")]
IS_UNKNOWN_OF = [BE_, ADV, _lower("the", "a", "an"), MOD, _role("X", "U"), _lower("of"), PERSON]
UNKNOWN_PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "unknown_possessive": [[PERSON, *IS_UNKNOWN_POSSESSIVE], [PERSON, *ASIDE, *IS_UNKNOWN_POSSESSIVE]],
    "unknown_of": [[PERSON, *IS_UNKNOWN_OF], [PERSON, *ASIDE, *IS_UNKNOWN_OF]],
}


@lru_cache(maxsize=1)
def matcher() -> Any:
    """The Matcher holding every construction (built on first use; importing spaCy costs about a second)."""
    from spacy.matcher import Matcher
    from spacy.tokens import Token

    from .relational import nlp

    Token.set_extension("kin_role", default="", force=True)
    m = Matcher(nlp().vocab)
    for key, pats in {**PATTERNS, **GENDER_PATTERNS, **UNKNOWN_PATTERNS}.items():
        m.add(key, pats)  # every match: matches() trims lists and scans leftmost-longest
    return m


LINKS = {"a", "an", "named", "called", ":", "-"}  # the words between the items of a list of children


def doc_of(words: list[Word]) -> Any:
    """A spaCy Doc of the words, each token carrying its role."""
    from spacy.tokens import Doc

    from .relational import nlp

    m = matcher()  # registers the extension
    doc = Doc(nlp().vocab, words=[w.text for w in words])
    for tok, w in zip(doc, words, strict=True):
        tok._.kin_role = "LINK" if w.role == "X" and w.text.lower() in LINKS else w.role
    del m
    return doc


def matches(words: list[Word]) -> list[tuple[str, int, int]]:
    """Construction matches (key, start, end), leftmost-longest per construction as a scanner reads them (in
    'Sven has a son named Lars, and Bob has a daughter' the second 'has' starts at Bob, not at Lars); matches
    of different constructions may nest ('Henry and his wife Georgia have a son')."""
    if not words:
        return []
    doc = doc_of(words)
    raw = [(doc.vocab.strings[k], s, e) for k, s, e in matcher()(doc)]
    starts = {s for _, s, _ in raw}
    # 'her son Emil, her daughter Wanda': 'Emil, her daughter' is no apposition when a name follows it
    raw = [
        (k, s, e)
        for k, s, e in raw
        if not (
            k == "apposition_after" and e < len(words) and words[e].role == "N" and words[e - 1].role == "K"
        )
    ]
    found = sorted({_trim(words, k, s, e, starts) for k, s, e in raw}, key=lambda x: (x[1], -x[2]))
    out: list[tuple[str, int, int]] = []
    for key, s, e in found:
        if not any(k == key and s < e2 and s2 < e for k, s2, e2 in out):
            out.append((key, s, e))
    return out


def _trim(words: list[Word], key: str, s: int, e: int, starts: set[int]) -> tuple[str, int, int]:
    """A list of names ends before a name that opens a construction of its own: in 'Sven has a son named
    Lars, and Lars has a daughter named Freya' the first ends at the first 'Lars'."""
    while e - s > 2 and words[e - 1].role == "N" and e - 1 in starts and words[e - 2].role == "SEP":
        e -= 1
        while e - s > 1 and words[e - 1].role == "SEP":
            e -= 1
    return key, s, e


def _person(w: Word) -> tuple[str, Any]:
    return w.value if w.value[0] == "name" else ("pronoun", w.value[1])


def facts_of(key: str, words: list[Word], s: int, e: int) -> list[RawFact]:
    """The facts one construction states, people as names or (pronoun, word index)."""
    span = words[s:e]
    idx = list(range(s, e))

    def ref(i: int) -> tuple[str, Any]:
        """A person: a name, a pronoun (its index), or a chain through unnamed people from a possessive."""
        w = words[i]
        base = w.value if w.value[0] == "name" else ("pronoun", i)
        kins = []
        while w.role == "POSS" and i + 2 < e and words[i + 1].role == "K" and words[i + 2].role == "CHAIN":
            kins.append(words[i + 1].value)
            i += 2
        return ("chain", (base, tuple(kins))) if kins else base

    aside = _aside(words, s, e) if key in ASIDE_KEYS else None
    # "Kate's sister, Sunita, has ..." names its subject; 'Bea, is Cy's sister' ends 'Ann, whose mother is Bea,
    # is Cy's sister', whose subject is Ann
    named_by_apposition = s >= 2 and words[s - 1].text == "," and words[s - 2].role in ("K", "KS")
    comma_before_verb = any(words[i].text == "," and _verb(words, i + 1) for i in idx)
    if aside is None and key in ASIDE_KEYS and comma_before_verb and not named_by_apposition:
        return []
    idx = [i for i in idx if aside is None or i not in aside]
    rel_i = [i for i in idx if words[i].role in ("K", "KS") and not _chained(words, i)]
    if words[e - 1].role in ("K", "KS") and _chained(words, e - 1):
        return []  # 'as her son's friend': the relation goes on past the construction
    people = [i for i in idx if words[i].role in ("N", "PR")]
    poss = [i for i in idx if words[i].role == "POSS"]
    out: list[RawFact] = []

    def add(subject: int, kin: Kin, obj: int) -> None:
        out.append(RawFact(ref(subject), kin, ref(obj), (s, e), key))

    if key in ("married_to", "marries", "married_pair"):
        if len(people) != 2:
            return []
        spouse = Kin("spouse")
        add(people[0], spouse, people[1])
        return out
    if key == "birth":
        add(people[0], Kin("mother"), people[1])
        return out
    if key == "born_to":
        to = next(i for i in idx if words[i].text.lower() == "to")
        for parent in (i for i in people if i > to):
            add(people[0], Kin("child"), parent)
        return out
    if key == "children_list":
        head = next(i for i in idx if words[i].text.lower() in ("has", "have", "had", "of"))
        items = list_items(words, head + 1, e)
        parents_of = words[head].text.lower() == "of"
        if items is None or (
            parents_of and any(k.term not in ("son", "daughter", "child") for k, _ in items)
        ):
            return []
        for o in (i for i in people if i < head):
            for k, i in items:
                add(i, k, o)
        return out
    if key == "compact" and e < len(words) and words[e].text not in (";", ".", ",", "!"):
        return []  # 'Lucy: Karl's sister is Ann' states Ann, not Lucy
    if not rel_i:
        return []
    kin = words[rel_i[0]].value
    if key == "apposition":
        named = [i for i in people if i > rel_i[0]]
        for i in named if kin.plural else named[:1]:
            add(i, kin, poss[0])
    elif key == "apposition_after":
        owner = poss[0] if poss else people[-1]
        add(people[0], kin, owner)
    elif key in ("copula_possessive", "compact") and poss:
        for i in people:
            add(i, kin, poss[0])
    elif key == "compact":  # Ann: mother of Bob
        add(people[0], kin, people[-1])
    elif key == "whose":
        named = [i for i in people if i > rel_i[0]]
        for i in named if kin.plural else named[:1]:
            add(i, kin, people[0])
    elif key == "introduced":
        add(people[1], kin, poss[0])
    elif key == "copula_of":  # Ann and Bob are the parents of Cy · Ann is the mother of both Bob and Eve
        for i in (i for i in people if i < rel_i[0]):
            for o in (o for o in people if o > rel_i[0]):
                add(i, kin, o)
    elif key == "copula_of_chain":  # the last relation word ends the chain: the sister of Ann's mother
        named = [w.role for w in words[e : e + 2] if w.text != ","][:1] == ["N"]
        for i in people if not named else []:  # 'the son of Hugo's sister, Sienna' is copula_of's
            out.append(RawFact(ref(i), kin, _extend(ref(poss[0]), words[rel_i[-1]].value), (s, e), key))
    elif key == "possessive_is":
        owner = poss[0] if poss else people[0]
        named = [i for i in people if i > rel_i[0]]
        if len(named) > 1 and not kin.plural:
            return []  # "Ann's mother is Bea and Cy"
        for i in named:
            add(i, kin, owner)
    elif key == "has":
        verb = next(i for i in idx if words[i].text.lower() in ("has", "have", "had"))
        owners = [i for i in people if i < verb]  # "Carmen and her husband Keith had a son, Aaron"
        had = next(i for i in rel_i if i > verb)
        kin = words[had].value
        named = [i for i in people if i > had]
        for o in owners:
            for i in named if kin.plural else named[:1]:
                add(i, kin, o)
    elif key == "pair":
        for a in people:
            for b in people:
                if a != b:
                    add(a, kin, b)
    del span
    return out


def genders_of(key: str, words: list[Word], s: int, e: int) -> list[tuple[tuple[str, Any], str, str]]:
    """What a gender statement says ('Nikolai, a baby boy,'; 'Sam is a girl'): (person, f|m, the words)."""
    person = next(i for i in range(s, e) if words[i].role in ("N", "PR"))
    noun = next(w.text.lower() for w in words[s:e] if w.text.lower() in GENDER_NOUNS)
    ref = words[person].value if words[person].value[0] == "name" else ("pronoun", person)
    return [(ref, GENDER_NOUNS[noun], " ".join(w.text for w in words[s:e]))]


def titles(words: list[Word]) -> list[tuple[tuple[str, Any], str, str]]:
    """Genders said by titles ('Grandpa Joe'): (person, f|m, the words)."""
    out = []
    for w, nxt in zip(words, words[1:], strict=False):
        g = gender_of_term(w.value.term) if w.role == "T" else None
        if g is not None and isinstance(nxt.value, tuple) and nxt.value[0] == "name":
            out.append((nxt.value, g, f"{w.text} {nxt.value[1]}"))
    return out


def _chained(words: list[Word], i: int) -> bool:
    """A relation word that is itself an owner ("mother" in "Ann's mother's sister")."""
    return i + 1 < len(words) and words[i + 1].role == "CHAIN"


def _extend(owner: tuple[str, Any], kin: Kin) -> tuple[str, Any]:
    """An owner's relative as a chain: (Ann's mother) + sister -> Ann's mother's sister."""
    base, kins = owner[1] if owner[0] == "chain" else (owner, ())
    return ("chain", (base, (*kins, kin)))


ASIDE_KEYS = (
    "copula_possessive", "copula_of", "copula_of_chain", "has", "born_to", "children_list", "married_to", "marries",
)  # fmt: skip


def _verb(words: list[Word], i: int) -> bool:
    return i < len(words) and words[i].text.lower() in (*BE, *MARRY, "has", "have", "had", "born", "got")


def _aside(words: list[Word], s: int, e: int) -> range | None:
    """The words set off by commas right after a construction's first person, when the verb follows them
    ('Ann, whose mother is Bea, is Cy's sister': 'whose mother is Bea'), else None."""
    if s + 1 >= e or words[s + 1].text != ",":
        return None
    close = next((i for i in range(s + 2, e) if words[i].text == ","), None)
    if close is None or not _verb(words, close + 1):
        return None
    return range(s + 1, close + 1)


def list_items(words: list[Word], start: int, end: int) -> list[tuple[Kin, int]] | None:
    """The (relation, name) items of a list of relatives, else None: groups of a relation word and its names
    ('a son named Cy and a daughter, Di'; 'two sons, Bob and Cy, and a daughter, Di'), after an optional plural
    heading ('two children: ...'). Names before any relation word ('Cy, a son, Di, a daughter') are refused:
    whether 'a son' describes the name before or after it is not said."""
    skip = {"a", "an", ":", "named", "called", "-", *NUMBER_WORDS}
    toks = [
        (i, words[i])
        for i in range(start, end)
        if words[i].role != "SEP" and words[i].text.lower() not in skip and not words[i].text.isdigit()
    ]
    if len(toks) > 1 and toks[0][1].role == "KS" and toks[1][1].role in ("K", "KS"):
        toks = toks[1:]  # the heading: 'two children: a son named ...'
    items: list[tuple[Kin, int]] = []
    group: tuple[Word, int] | None = None  # the relation word and how many names it has
    for i, w in toks:
        if w.role in ("K", "KS"):
            if group is not None and group[1] == 0:
                return None
            group = (w, 0)
        elif w.role == "N" and group is not None and (group[0].role == "KS" or group[1] == 0):
            items.append((group[0].value, i))
            group = (group[0], group[1] + 1)
        else:
            return None
    return items if group is not None and group[1] > 0 else None


# leading labels that make the rest of a segment a claim to check ("True or false: Ann is Bob's aunt.")
TRUTH_LABELS = {"true or false", "true/false", "statement", "claim", "hypothesis", "is it true or false"}
BLANK_LABELS = {"fill in the blank", "fill in the blanks", "complete", "complete the sentence"}
QUESTION_WORDS = ("how", "what", "who", "which", "is", "are", "does", "did", "was", "were", "would", "in")


def labels(words: list[Word]) -> tuple[list[Word], list[str]]:
    """A segment's leading labels cut off ('Question:', 'Clue 1:', 'One thing I'm unsure about:', 'True or
    false:'): words before a colon that name nobody and hold no relation word. Returns the rest and the
    labels, lower-case."""
    out: list[str] = []
    while True:
        k = next((i for i, w in enumerate(words) if w.text in (":", "-", "—", "–")), None)
        if k is None or k + 1 >= len(words) or any(w.role not in ("X", "SEP", "U") for w in words[:k]):
            return words, out
        out.append(" ".join(w.text.lower() for w in words[:k]))
        words = words[k + 1 :]


def is_blank(w: Word) -> bool:
    """Part of a blank to fill ('____', which the tokenizer may cut into single '_')."""
    return bool(w.text) and set(w.text) <= {"_"}


def is_question(words: list[Word], last: bool) -> bool:
    """A question: ends with '?', is the paper's 'query :' line, holds a blank ('Ann is Bob's ____.'), is a
    claim to check ('True or false: ...', 'Statement: ...'), or (the text's last segment) opens like one."""
    if not words:
        return False
    if words[0].text.lower() == "query" and len(words) > 1 and words[1].text == ":":
        return True
    rest, found = labels(words)
    if words[-1].text == "?" or "__" in "".join(w.text for w in words):
        return True
    if any(label in TRUTH_LABELS or label in BLANK_LABELS for label in found) and rest:
        return True
    low = [w.text.lower() for w in rest]
    if low[:3] == ["true", "or", "false"] or low[:4] == ["is", "it", "true", "that"]:
        return True
    return last and bool(low) and low[0] in QUESTION_WORDS[:-2] and words[-1].text not in (".", "!")


def negation_cues(words: list[Word]) -> list[str]:
    """The negating words of a segment ('not', "n't", 'never', 'false', ...)."""
    return [w.text for w in words if w.text.lower() in NEGATIONS]


def number_word(text: str) -> bool:
    return text.lower() in NUMBER_WORDS
