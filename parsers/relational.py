"""Relational text -> RelationalProblem: a story of facts about people and one question, read as people write it.

Reading, in order:
1. **Segment** the text into sentences, lines and paragraphs (spaCy's tokenizer on a blank English pipeline,
   with its abbreviation rules kept only for titles, so "the boss of Mo. What is ..." ends at "Mo").
2. **Roles**: names, possessives, pronouns and relation words (parsers/kinship_lexicon.py), then **classify**
   each segment: the question, facts, or framing that is skipped and reported ("Answer with a single word.").
3. **Extract** facts with spaCy's rule-based Matcher (parsers/relational_extract.py): "her daughter Heather",
   "Ann is Bob's mother", "They have a child called Liam", "Ann and Bob are siblings", "Ann married Bob", ...
   Pronouns resolve to the one person they can mean (his/her by gender, they/their to a couple); when two could
   be meant the text is refused, never guessed.
4. **Check**: gender from relation words and pronouns, else from the first name through a kept list (an
   assumption, reported), else the neutral term; a negated fact ("Ann is not Bob's mother") is a constraint,
   never a relation; contradictions (a person their own ancestor, two genders, a negated fact the story
   implies) are refused with the facts quoted. Relation words of several generations ("grandmother", "aunt",
   "sister-in-law") become chains of one-step facts through unnamed people, which is how the model reads.

Stories with no kinship word at all keep their relation words as written (family "custom", for fine-tuned
checkpoints that learned them); in a kinship story an unknown relation word is a ParseError, never a guess.
The paper's format (`X is the parent of Y . ... query : X is the R of Y`) is read as written (family "paper").
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from drt_agent.domains.base import Reading
from drt_agent.domains.relational import (
    FACT_WORDS,
    KEY_OF_TERM,
    MAX_GEN,
    OFFSET_OF_WORD,
    Fact,
    RelationalProblem,
    kin_keys,
    moves_of,
    term_for,
)
from drt_agent.errors import LimitError, ParseError

from .kinship_lexicon import Kin, gender_of_term, name_gender
from .relational_extract import (
    ADVERBS,
    BE,
    GENDER_PATTERNS,
    NOT_NAMES,
    PATTERNS,
    POSSESSIVES,
    PRONOUNS,
    TRUTH_LABELS,
    UNKNOWN_PATTERNS,
    RawFact,
    Sentence,
    Word,
    facts_of,
    genders_of,
    glue,
    is_blank,
    is_question,
    labels,
    matches,
    name_runs,
    negation_cues,
    relation_word,
    roles,
    titles,
)
from .relational_lines import rewrite_lines
from .relational_prose import rewrite_prose
from .relational_rows import rewrite

EXAMPLE = "Alice is Bob's mother. Carol is Alice's sister. How is Carol related to Bob?"
TITLES = {"Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Jr.", "Sr.", "Rev.", "Messrs.", "Mt."}
KNOWN_RELATIONS = set(FACT_WORDS) | set(KEY_OF_TERM) | set(OFFSET_OF_WORD)
_RELATIONAL_HINT = re.compile(
    r"\b(mother|father|parent|son|daughter|child|children|kids?|brother|sister|sibling|husband|wife|spouse|"
    r"grand\w*|aunt|uncle|niece|nephew|cousin|in-law|related to|married|mom|dad|mum)s?(?:\b|_)|\bquery\s*:|"
    r"\b(?:mother|father|spouse|parent)_?(?:id|Of)\b|\bhas(?:Mother|Father|Son|Daughter|Wife|Husband|Child)\b",
    re.IGNORECASE,
)
KIND_OF_MOVE = {"U": "parent", "D": "child", "S": "sibling", "P": "spouse"}
INVERSE_KIND = {"parent": "child", "child": "parent", "sibling": "sibling", "spouse": "spouse"}
WORDS_OF_KIND = {
    "parent": ("mother", "father", "parent"),
    "child": ("daughter", "son", "child"),
    "sibling": ("sister", "brother", "sibling"),
    "spouse": ("wife", "husband", "spouse"),
}
_TASK = re.compile(r"\bquery\s*:|fill in the blank|true or false|_{3,}", re.IGNORECASE)
GENERATION = {"parent": 1, "child": -1, "sibling": 0, "spouse": 0}
GENDER_WORD = {"f": "female", "m": "male"}
FRAME_WORDS = {*BE, *ADVERBS, "the", "a", "an", "of"}
_DATA_LIKE = re.compile(r"\t|\|| -+>|-\[|→|=>|^\s*[:<@]|\w\s*=\s*\w")  # rows, arrows, triples, a = b
MONTH_NAMES = {"april", "june", "july", "august"}  # months that are also first names (and in NOT_NAMES)
SURNAME_WORDS = {"young", "little", "good", "great", "old", "big", "happy", "dear", "new", "well"}


@lru_cache(maxsize=1)
def nlp() -> Any:
    """Blank English (tokenizer only; nothing to download), its abbreviation rules kept for titles alone."""
    import spacy  # lazy: importing spaCy costs about a second

    out = spacy.blank("en")
    out.tokenizer.rules = {
        k: v
        for k, v in out.tokenizer.rules.items()
        if not (k.endswith(".") and k[:1].isupper() and k not in TITLES)
    }
    return out


def looks_like_relational(text: str) -> bool:
    """A cheap test (no spaCy) for routing: kinship words, and a question or a task (fill in the blank, true
    or false, the paper's query line)."""
    return bool(_RELATIONAL_HINT.search(text)) and ("?" in text or _TASK.search(text) is not None)


# -- segmentation --------------------------------------------------------------------------------------------
def _clean(text: str) -> str:
    """CLUTRR-style [Name] brackets dropped, typographic quotes made plain."""
    text = re.sub(r"\[([A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3})\]", r"\1", text)  # not JSON's ["Cy", "Di"]
    return text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')


_SPEECH = (
    r"(?:said|says|told|tells|asked|asks|replied|replies|explained|explains|added|adds|wrote|writes|"
    r"mentioned|mentions|remarked|remarks|announced|announces|whispered|shouted|noted|notes)"
)
_NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_SPEAKER_BEFORE = re.compile(rf"\b(?P<who>{_NAME})\s+{_SPEECH}(?:\s+(?:to\s+)?(?P<to>{_NAME}))?\s*[,:]?\s*$")
_SPEAKER_AFTER = re.compile(
    rf"^\s*,?\s*(?:{_SPEECH}\s+(?P<who1>{_NAME})|(?P<who2>{_NAME})\s+{_SPEECH})\s*[.!;]"
)
_FIRST_PERSON = [
    (r"\bI am\b|\bI'm\b", "{s} is"),
    (r"\bmy\b|\bMy\b", "{s}'s"),
    (r"\bme\b", "{s}"),
    (r"\bI\b", "{s}"),
]
_SECOND_PERSON = [(r"\byou are\b|\byou're\b|\bYou are\b|\bYou're\b", "{s} is"), (r"\b[Yy]our\b", "{s}'s")]


def _speech(text: str) -> tuple[str, list[str]]:
    """Quoted words read with their speaker: in 'Ann said, "Bob is my brother."' my is Ann's (and your is the
    person spoken to, when named: 'Ann told Bob, "Cy is your aunt."'). Returns the text and what was read so."""
    notes: list[str] = []

    def swap(m: re.Match[str]) -> str:
        before = _SPEAKER_BEFORE.search(text[max(0, m.start() - 80) : m.start()])
        after = _SPEAKER_AFTER.match(text[m.end() : m.end() + 80])
        who = before["who"] if before else (after["who1"] or after["who2"]) if after else None
        to = before["to"] if before else None
        quote = m.group(1)
        if who is None or (before and after) or who.lower() in NOT_NAMES or (to or "x").lower() in NOT_NAMES:
            return m.group(0)  # no speaker, two, or a pronoun ('He said, ...')
        for pattern, repl in _FIRST_PERSON:
            quote = re.sub(pattern, repl.format(s=who), quote)
        for pattern, repl in _SECOND_PERSON if to else []:
            quote = re.sub(pattern, repl.format(s=to), quote)
        if quote != m.group(1):
            notes.append(
                f"first-person words in {who}'s quoted words read as {who}"
                + (f", 'you' as {to}" if to else "")
            )
        return f'"{quote}"'

    return re.sub(r'"([^"\n]{1,400})"', swap, text), notes


def _segments(text: str) -> list[tuple[str, list[Any]]]:
    """(verbatim text, tokens) per sentence: ends at . ! ? and at line breaks that start a new statement."""
    doc = nlp()(text)
    out: list[tuple[str, list[Any]]] = []
    cur: list[Any] = []

    def close() -> None:
        if cur:
            out.append((text[cur[0].idx : cur[-1].idx + len(cur[-1].text)], list(cur)))
            cur.clear()

    for i, tok in enumerate(doc):
        if tok.is_space or "\n" in tok.whitespace_ or (not tok.text.strip()):
            if tok.text.strip():
                cur.append(tok)
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if "\n\n" in tok.text + tok.whitespace_ or (
                "\n" in tok.text + tok.whitespace_ and (nxt is None or not nxt.text[:1].islower())
            ):
                close()
            continue
        cur.append(tok)
        if tok.text in (".", "!", "?") or tok.text.endswith(("?", "!")):
            close()
    close()
    return out


# -- the reader ------------------------------------------------------------------------------------------------
@dataclass
class Edge:
    """'a is b's <kind>' (kind: parent, child, sibling, spouse), with the sentence that says it."""

    a: str
    kind: str
    b: str
    source: str


@dataclass
class Told:
    """A fact between two named people, as told: 'subject is the <term> of object'."""

    subject: str
    term: str
    object: str
    source: str
    negated: bool = False
    note: str = ""


@dataclass
class _Reader:
    """The state of reading one text: segments, people, genders and their evidence, facts, what was skipped."""

    text: str
    sources: dict[str, str] = field(default_factory=dict)  # a sentence rewritten from a row -> the row
    forms: list[str] = field(default_factory=list)  # the data read as rows ('a table of 4 rows')
    unnamed_people: dict[str, tuple[str, str]] = field(
        default_factory=dict
    )  # "Ann's mother" -> (Ann, mother)
    sentences: list[Sentence] = field(default_factory=list)
    questions: list[Sentence] = field(default_factory=list)
    genders: dict[str, tuple[str, str]] = field(
        default_factory=dict
    )  # person -> (f|m, the words that say so)
    told: list[Told] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    _resolved: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    _hints: dict[int, dict[str, str]] = field(default_factory=dict)

    # -- words ---------------------------------------------------------------------------------------------
    def segment(self) -> None:
        segs = [(t, glue(toks)) for t, toks in _segments(self.text)]
        heading = [_heading(words) and not _DATA_LIKE.search(t) for t, words in segs]  # not 'Ann -> Bob'
        self.skipped.extend(t for (t, _), h in zip(segs, heading, strict=True) if h)
        segs = [seg for seg, h in zip(segs, heading, strict=True) if not h]
        # a story with no relation word at all (family custom) takes every capitalised word as a name
        custom = not any(relation_word(w.lower()) for _, words in segs for w, _, _ in words)
        mid = {
            w
            for _, words in segs
            for i, (w, _, _) in enumerate(words)
            if not _opens(words, i) and _capitalised(w) and w.lower() not in NOT_NAMES
        }
        deciders = [_name_test(words, mid, custom) for _, words in segs]
        mid |= {
            w[i][0]
            for (_, w), is_name in zip(segs, deciders, strict=True)
            for i in range(len(w))
            if _opens(w, i) and is_name(w[i][0], i)
        }
        deciders = [_name_test(words, mid, custom) for _, words in segs]
        known: dict[str, int] = {}
        for (_, words), is_name in zip(segs, deciders, strict=True):
            for i, j in name_runs(words, is_name):
                run = " ".join(w[0] for w in words[i:j])
                known[run] = known.get(run, 0) + 1
        for k, ((seg_text, words), is_name) in enumerate(zip(segs, deciders, strict=True)):
            sent = Sentence(self.sources.get(seg_text, seg_text), roles(words, is_name, known))
            if is_question(sent.words, last=k == len(segs) - 1):
                self.questions.append(sent)
            else:
                self.sentences.append(sent)
        named = [q for q in self.questions if any(w.role in ("N", "POSS", "PR") for w in q.words)]
        if len(named) == 1 and len(self.questions) > 1:  # 'Is this statement true or false?', 'Any ideas?'
            self.skipped.extend(q.text for q in self.questions if q is not named[0])
            self.questions = named

    def skip_labels(self, sent: Sentence) -> None:
        """Report a segment's leading labels ('One thing I'm unsure about:') as skipped, as written."""
        n = len(sent.words) - len(labels(sent.words)[0])
        if n:
            last = sent.words[n - 1]
            self.skipped.append(self.text[sent.words[0].start : last.start + len(last.text)])

    # -- pronouns --------------------------------------------------------------------------------------------
    def mentions(self, si: int, upto: int) -> list[str]:
        """People mentioned in sentence si before word `upto` (names, and pronouns that resolve), in order."""
        out: list[str] = []
        for wi, w in enumerate(self.sentences[si].words[:upto]):
            if w.value is None or not isinstance(w.value, tuple):
                continue
            if w.value[0] == "name":
                people = [w.value[1]]
            else:
                try:
                    people = self.resolve(si, wi)
                except ParseError:
                    continue
            out.extend(p for p in people if p not in out)
        return out

    def gender(self, person: str, si: int | None = None) -> str | None:
        """What is known of a person's gender: the story's words, this sentence's relation words, the name."""
        if person in self.genders:
            return self.genders[person][0]
        if si is not None and person in self._hints.get(si, {}):
            return self._hints[si][person]
        g = name_gender(person)
        return g if g in ("f", "m") else None

    def resolve(self, si: int, wi: int, other: str | None = None) -> list[str]:
        """The people a pronoun means: the one earlier person of its gender in the sentence (else in the
        sentence before), never `other`, the person the fact relates it to (in 'Robert introduced Yusuf as his
        brother' his is not Yusuf); 'his' right after 'Pedro and' is Pedro ('Pedro and his wife Maya');
        'they' / 'their': the two people just mentioned. Anything else is refused."""
        if (si, wi) in self._resolved:
            return self._resolved[(si, wi)]
        sent = self.sentences[si]
        word = sent.words[wi]
        pron = word.value[1]
        g = PRONOUNS.get(pron) if word.role == "PR" else POSSESSIVES.get(pron)
        if word.role == "POSS":  # 'his mother Rita, his son Jack and his wife Mila': one owner for the list
            k = wi - 1
            while k >= 0 and (sent.words[k].role in ("K", "KS", "N", "SEP") or sent.words[k].text == ","):
                k -= 1
            if k >= 0 and k < wi - 1 and sent.words[k].role == "POSS" and sent.words[k].value == word.value:
                return self.resolve(si, k, other)
        cands = [p for p in self.mentions(si, wi) if p != other]
        before = sent.words[wi - 2 : wi]
        if g != "p" and len(before) == 2 and before[1].text.lower() in ("and", "&") and before[0].role == "N":
            first = before[0].value[1]
            cands = [first] if first != other and self.gender(first, si) in (g, None) else cands
        sj = si
        while not cands and sj > 0:
            sj -= 1
            cands = self.mentions(sj, len(self.sentences[sj].words))
        if g == "p":
            if len(cands) != 2:
                raise ParseError(
                    f"could not tell who {word.text!r} means in {sent.text!r} "
                    f"({'nobody' if not cands else ', '.join(cands)} mentioned before it); name the people"
                )
            out = cands
        else:
            fit = [p for p in cands if self.gender(p, sj) in (g, None)]
            if len(fit) != 1:
                who = ", ".join(fit or cands) or "nobody"
                raise ParseError(
                    f"could not tell who {word.text!r} means in {sent.text!r} (it could be: {who}); "
                    "write the name instead of the pronoun"
                )
            out = fit
            self.note_gender(fit[0], g or "", f"{word.text!r} in {sent.text!r}")
        if other is None:
            self._resolved[(si, wi)] = out
        return out

    def people(self, si: int, ref: tuple[str, Any], other: tuple[str, Any] | None = None) -> list[str]:
        """The people a fact's reference means; `other`: the person the fact relates it to, when named."""
        if ref[0] == "name":
            return [ref[1]]
        if ref[0] == "chain":
            base, kins = ref[1]
            return [self.unnamed(si, owner, kins) for owner in self.people(si, base)]
        return self.resolve(si, ref[1], other[1] if other and other[0] == "name" else None)

    def unnamed(self, si: int, owner: str, kins: tuple[Kin, ...]) -> str:
        """The unnamed person a chain of possessives means ("Ann's mother's sister"), linked to the owner by
        facts of their own; whether they may be someone named is checked once the story is read."""
        person = owner
        for kin in kins:
            if kin.plural:
                raise ParseError(
                    f"{self.sentences[si].text!r} relates a group through a possessive ({kin.term}s); name them"
                )
            inner = f"{person}'s {kin.term}"
            link = Told(inner, kin.term, person, self.sentences[si].text)
            if link not in self.told:
                self.told.append(link)
            self.unnamed_people[inner] = (person, kin.term)
            person = inner
        return person

    # -- genders ---------------------------------------------------------------------------------------------
    def note_gender(self, person: str, g: str, because: str) -> None:
        """Record what the text says of a person's gender; two genders for one person is a contradiction."""
        if g not in ("f", "m"):
            return
        known = self.genders.get(person)
        if known is None:
            self.genders[person] = (g, because)
        elif known[0] != g:
            raise ParseError(
                f"contradiction: {known[1]} makes {person} {GENDER_WORD[known[0]]}, but {because} makes "
                f"{person} {GENDER_WORD[g]}; correct one of them"
            )

    # -- facts -------------------------------------------------------------------------------------------------
    def read_facts(self) -> bool:
        """Read every fact segment; returns whether the story is a kinship story (any relation word in it)."""
        kinship = False
        for si, sent in enumerate(self.sentences):
            found = matches(sent.words)
            kin_found = [(k, s, e) for k, s, e in found if k in PATTERNS]
            kinship |= bool(kin_found) or any(w.role in ("K", "KS", "U", "T") for w in sent.words)
            sent.facts = [f for k, s, e in kin_found for f in facts_of(k, sent.words, s, e)]
            sent.genders = [
                g for k, s, e in found if k in GENDER_PATTERNS for g in genders_of(k, sent.words, s, e)
            ]
            sent.genders += titles(sent.words)
            sent.covered = {i for f in sent.facts for i in range(*f.span)}
            sent.covered |= {i for k, s, e in found if k in GENDER_PATTERNS for i in range(s, e)}
            self._hints[si] = {
                f.subject[1]: g
                for f in sent.facts
                if f.subject[0] == "name" and (g := gender_of_term(f.kin.term)) is not None
            }
            self._hints[si].update({ref[1]: g for ref, g, _ in sent.genders if ref[0] == "name"})
        return kinship

    def check_sentence(self, si: int) -> None:
        """Refuse what a kinship sentence says that this reader cannot take as facts. A sentence that names
        nobody states no fact about the story's people ('Here is some information about a family.', 'I found
        letters in my grandmother's attic.'): it is framing."""
        sent = self.sentences[si]
        if not any(w.role in ("N", "POSS", "PR") for w in sent.words):
            return
        found = matches(sent.words)
        covered = sent.covered
        label = len(sent.words) - len(labels(sent.words)[0])  # 'The family would also like to note: ...'
        for i, w in enumerate(sent.words):
            if (
                w.role == "U" and i not in covered and i >= label
            ):  # 'introduced Bob to the family as her husband'
                raise ParseError(
                    f"{w.text!r} in {sent.text!r} is not a relation this reader can reason with (it knows parents, "
                    "children, siblings, spouses and the relations they make: grandmother, aunt, cousin, "
                    "sister-in-law, ...); rephrase with those"
                )
        for key, s, e in found:
            said = [
                i
                for i in range(s, e)
                if sent.words[i].role in ("X", "U")
                and sent.words[i].text.lower() not in FRAME_WORDS
                and sent.words[i].text.isalpha()
            ]
            if key in UNKNOWN_PATTERNS and said and said[-1] not in covered:
                word = sent.words[said[-1]].text
                raise ParseError(
                    f"{word!r} in {sent.text!r} is not a kinship relation this reader knows; state the relation "
                    "with a kinship word (mother, son, sister, husband, aunt, cousin, ...)"
                )
        for i, w in enumerate(sent.words):
            if w.role in ("K", "KS") and i not in covered:
                raise ParseError(
                    f"could not read how {w.text!r} relates two named people in {sent.text!r}; write it like "
                    "'Ann is Bob's mother', 'Ann has a son named Bob' or 'her daughter Heather'"
                )

    def tell(self) -> None:
        """Resolve each sentence's facts to named people; negated sentences give negated facts."""
        for si, sent in enumerate(self.sentences):
            self.check_sentence(si)
            cues = negation_cues(sent.words)
            for ref, g, said in sent.genders if not cues else []:
                for person in self.people(si, ref):
                    self.note_gender(person, g, f"{said!r} in {sent.text!r}")
            if not sent.facts:
                names = {w.value[1] for w in sent.words if w.role in ("N", "POSS") and w.value[0] == "name"}
                if len(names) >= 2 and _DATA_LIKE.search(sent.text):
                    raise ParseError(
                        f"could not read {sent.text!r}: it names {', '.join(sorted(names))} in a notation this "
                        "reader does not know; write the relation as a sentence ('Ann is Bob's mother.') or give "
                        "the rows a header"
                    )
                if not sent.genders:
                    self.skipped.append(sent.text)
                continue
            if cues and len({(f.subject, f.kin, f.object) for f in sent.facts}) != 1:
                raise ParseError(
                    f"{sent.text!r} negates ({', '.join(repr(c) for c in cues)}) but states several relations; "
                    "say each negated relation in a sentence of its own"
                )
            if len(cues) > 1:
                raise ParseError(
                    f"{sent.text!r} holds several negations ({', '.join(repr(c) for c in cues)}); state the "
                    "relation plainly"
                )
            if cues and any(r.subject[0] == "chain" or r.object[0] == "chain" for r in sent.facts):
                raise ParseError(
                    f"{sent.text!r} negates a relation of an unnamed person; name the people it is about"
                )
            for raw in sent.facts:
                for subject in self.people(si, raw.subject, raw.object):
                    for obj in self.people(si, raw.object, raw.subject):
                        told = Told(
                            subject, raw.kin.term, obj, sent.text, negated=bool(cues), note=raw.kin.note
                        )
                        if told not in self.told:
                            self.told.append(told)

    def note_genders(self) -> None:
        for t in self.told:
            if not t.negated:
                self.note_gender(t.subject, gender_of_term(t.term) or "", repr(t.source))


def _name_test(words: list[tuple[str, int, bool]], mid: set[str], custom: bool = False) -> Any:
    """Whether a capitalised word of this segment is (part of) a name. A segment's first word counts when it
    is also capitalised mid-sentence somewhere, is a known first name, or is followed by what follows names;
    in a custom story ('Noa reports to Max') any capitalised word does."""

    def is_name(word: str, i: int) -> bool:
        low = word.lower()
        if low in MONTH_NAMES and _capitalised(word):
            return _month_is_name(words, i)
        if low in SURNAME_WORDS and _capitalised(word) and i > 0 and not _opens(words, i):
            prev = words[i - 1][0]  # 'Ella Young': a surname after a first name
            if _capitalised(prev) and prev.isalpha() and prev.lower() not in NOT_NAMES:
                return True
        if not _capitalised(word) or word.lower() in NOT_NAMES:
            return False
        if not _opens(words, i) or custom or word in mid or name_gender(word) is not None:
            return True
        nxt = words[i + 1][0].lower() if i + 1 < len(words) else ""
        return nxt in ("'s", "is", "was", "and", "has", "had", "married", ",")

    return is_name


_DATE_WORDS = {
    "in", "on", "since", "until", "till", "during", "early", "late", "mid", "last", "next", "this", "every", "of",
    "by", "from", "through", "before", "after", "around", "each",
}  # fmt: skip


def _month_is_name(words: list[tuple[str, int, bool]], i: int) -> bool:
    """'April', 'June', 'July', 'August' are first names in kinship text except where they date something: next to
    a number ('June 14', '3 June') or after a date preposition ('in June', 'since July'); 'the wife of June' is
    a name."""
    nxt = words[i + 1][0] if i + 1 < len(words) else ""
    prev = words[i - 1][0].lower() if i > 0 else ""
    if nxt[:1].isdigit() or prev[:1].isdigit():
        return False
    if prev in _DATE_WORDS:
        return prev in ("of", "by") and i > 1 and relation_word(words[i - 2][0].lower())
    return True


def _heading(words: list[tuple[str, int, bool]]) -> bool:
    """A title ('Family Tree Puzzle #344 (difficulty: easy)'): two or more words, every word outside brackets
    capitalised, no sentence end, no possessive."""
    depth, alpha = 0, []
    for w, _, _ in words:
        depth += (w in ("(", "[")) - (w in (")", "]"))
        if depth == 0 and any(c.isalpha() for c in w):
            alpha.append(w)
    ends = words[-1][0] in (".", "?", "!", ":") if words else True
    possessive = any(w in ("'s", "'") for w, _, _ in words)
    return len(alpha) >= 2 and all(w[:1].isupper() for w in alpha) and not ends and not possessive


def _opens(words: list[tuple[str, int, bool]], i: int) -> bool:
    """Whether word i opens a sentence, where any word is capitalised: the segment's first word, the first
    after a label's colon ('Question: Fill in ...'), or after a bullet or number ('• The', '1. The')."""
    if i > 0 and words[i - 1][0] == ":":
        return True
    return not any(c.isalpha() for w, _, _ in words[:i] for c in w)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word.replace("-", "").replace("'", "").isalnum()


# -- questions -----------------------------------------------------------------------------------------------
@dataclass
class Question:
    subject: str
    anchor: str
    relation: str | None  # a solver term for yes/no, None for an open question
    text: str
    note: str = ""
    paper: bool = False


_OPEN = [
    # (words before subject, words between subject and anchor): "How is X related to Y", "What is X to Y", ...
    (("how", "is"), ("related", "to")),
    (("how", "was"), ("related", "to")),
    (("how", "exactly", "is"), ("related", "to")),
    (("in", "what", "way", "is"), ("related", "to")),
    (("what", "is"), ("to",)),
    (("what", "was"), ("to",)),
    (("who", "is"), ("to",)),
    (("who", "is"), ("for",)),
    (("what", "relation", "is"), ("to",)),
    (("what", "relationship", "is"), ("to",)),
    (("what", "relative", "is"), ("to",)),
    (("what", "kind", "of", "relative", "is"), ("to",)),
    (("what", "is", "the", "relationship", "of"), ("to",)),
    (("what", "is", "the", "relation", "of"), ("to",)),
    (("what", "relationship", "does"), ("have", "to")),
    (("what", "relationship", "does"), ("have", "with")),
    (("what", "relation", "does"), ("have", "to")),
    (("what", "kinship", "term", "describes"), ("with", "respect", "to")),
    (("which", "kinship", "term", "describes"), ("with", "respect", "to")),
    (("what", "term", "describes"), ("with", "respect", "to")),
    (("what", "kinship", "term", "describes"), ("in", "relation", "to")),
    (("what", "kinship", "term", "describes"), ("relative", "to")),
    ((), ("is", "what", "to")),
    ((), ("is", "related", "to", "how")),
]
_OPEN_POSS = [  # "What is X's relation to Y", "X is Y's what"
    (("what", "is"), ("relation", "to")),
    (("what", "is"), ("relationship", "to")),
    (("what", "is"), ("relation", "with")),
    (("what", "is"), ("relationship", "with")),
]
_PAIR = [  # direction not said: the first person named is taken as the one asked about (an assumption)
    (("what", "is", "the", "relationship", "between"), ("and",)),
    (("what", "is", "the", "relation", "between"), ("and",)),
    (("how", "are"), ("and", "related")),
]


_TRUTH_LEADS = (
    ["true", "or", "false"],
    ["is", "it", "true", "that"],
    ["is", "it", "the", "case", "that"],
    ["is", "it", "true", "or", "false", "that"],
)


def _task(words: list[Word]) -> tuple[list[Word], bool]:
    """The question's words without its labels ('Question:', 'So my question is:'), punctuation and blank
    ('____'), and whether it asks to check a statement ('True or false: ...', 'Is it true that ...')."""
    words, found = labels(words)
    stated = any(label in TRUTH_LABELS for label in found)
    low = [w.text.lower() for w in words]
    for lead in _TRUTH_LEADS:
        if low[: len(lead)] == lead:
            words, stated = words[len(lead) :], True
            break
    kept = [
        w
        for w in words
        if w.role != "X" or (w.text not in ("?", ".", "!", '"', "'", ":", ",") and not is_blank(w))
    ]
    return kept, stated


def read_question(sent: Sentence) -> Question:
    """The question's two people and what it asks; ParseError saying how to ask otherwise."""
    paper = sent.words[0].text.lower() == "query" and len(sent.words) > 1 and sent.words[1].text == ":"
    if paper:
        words, stated = [w for w in sent.words[2:] if w.text not in (".", "?")], True
    else:
        words, stated = _task(sent.words)
    low = [w.text.lower() for w in words]
    cues = negation_cues(words)
    if cues:
        raise ParseError(
            f"the question {sent.text!r} is negated ({', '.join(repr(c) for c in cues)}); ask it plainly, e.g. "
            "'Is Ann Bob's mother?'"
        )
    people = [(i, w) for i, w in enumerate(words) if w.role in ("N", "POSS")]
    if any(w.role == "PR" for w in words):
        raise ParseError(f"the question {sent.text!r} uses a pronoun; name both people")
    if len(people) == 2:
        (i, a), (j, b) = people
        head, mid, tail = tuple(low[:i]), tuple(low[i + 1 : j]), tuple(low[j + 1 :])
        if a.role == "N" and b.role == "N" and not tail:
            if (head, mid) in _OPEN:
                return Question(a.value[1], b.value[1], None, sent.text, paper=paper)
            if (head, mid) in _PAIR:
                return Question(
                    a.value[1],
                    b.value[1],
                    None,
                    sent.text,
                    note=f"{sent.text!r} names no direction: read as how {a.value[1]} is related to {b.value[1]}",
                )
        if a.role == "POSS" and b.role == "N" and not tail and (head, mid) in _OPEN_POSS:
            return Question(a.value[1], b.value[1], None, sent.text)
        if a.role == "N" and b.role == "POSS" and not head and mid == ("is",) and tail in (("what",), ()):
            return Question(a.value[1], b.value[1], None, sent.text)
    told = _yes_no(words, stated)
    if told is not None:
        return Question(told[0], told[2], told[1].term, sent.text, note=told[1].note, paper=paper)
    raise ParseError(
        f"could not read the question {sent.text!r}; ask e.g. 'How is Carol related to Bob?', 'What is Carol "
        "to Bob?' or 'Is Carol Bob's aunt?' with exactly two names"
    )


def _yes_no(words: list[Word], stated: bool) -> tuple[str, Kin, str] | None:
    """'Is X Y's R' -> (X, R, Y): the question turned into the statement it asks about, then read as a fact;
    `stated`: the words are already the statement ('True or false: X is Y's R')."""
    low = [w.text.lower() for w in words]
    for lead in (
        ["would", "it", "be", "correct", "to", "call"],
        ["is", "it", "correct", "to", "call"],
        ["would", "you", "call"],
        ["could", "you", "call"],
        ["can", "you", "call"],
        ["should", "we", "call"],
        ["would", "we", "call"],
    ):
        if low[: len(lead)] == lead and len(words) > len(lead) + 1:  # "call X Y's R" -> "X is Y's R"
            rest = words[len(lead) :]
            words, low, stated = [rest[0], Word("is", "X"), *rest[1:]], [], True
    if stated:
        statement = words
    elif low[:1] in (["is"], ["was"]) and len(words) > 1:
        statement = [words[1], words[0], *words[2:]]
    elif low[:1] in (["are"], ["were"]):
        k = next((i for i, w in enumerate(words) if i > 1 and w.role not in ("N", "SEP")), len(words))
        statement = [*words[1:k], words[0], *words[k:]]
    elif low[:1] in (["does"], ["did"]) and low[2:3] == ["have"]:
        statement = [words[1], Word("has", "X"), *words[3:]]
    else:
        return None
    found = [(k, s, e) for k, s, e in matches(statement) if k in PATTERNS]
    covered = sum(e - s for _, s, e in found)
    if len(found) != 1 or covered != len(statement):
        return None
    key, s, e = found[0]
    facts: list[RawFact] = facts_of(key, statement, s, e)
    if not facts or any(f.subject[0] != "name" or f.object[0] != "name" for f in facts):
        return None
    first = facts[0]
    if key == "pair" and gender_of_term(first.kin.term) is not None:
        return None  # "Are Ann and Bob sisters?" asks two things; ask about one person
    return first.subject[1], first.kin, first.object[1]


# -- the problem ---------------------------------------------------------------------------------------------
def _edges(told: list[Told]) -> tuple[list[Edge], list[str]]:
    """One-step edges for the told facts: 'Ann is Bob's grandmother' -> Ann is the parent of Bob's parent,
    through an unnamed person; returns the edges and the unnamed people they needed."""
    from drt_agent.domains.relational import kin_step

    edges: list[Edge] = []
    names = {t.subject for t in told} | {t.object for t in told}
    hidden: list[str] = []
    for t in told:
        moves = moves_of(t.term)
        if moves is None:  # not a kinship term (cannot happen for lexicon words)
            raise ParseError(f"{t.term!r} in {t.source!r} is not a kinship relation this reader knows")
        chain = [t.object]
        key = "self"
        for move in moves[:-1]:
            key = kin_step(key, move)
            base = f"{t.object}'s {term_for(key, None)}"
            name, n = base, 1
            while name in names:
                n += 1
                name = f"{base} ({n})"
            names.add(name)
            hidden.append(name)
            chain.append(name)
        chain.append(t.subject)
        for (x, y), move in zip(zip(chain, chain[1:], strict=False), moves, strict=True):
            edges.append(Edge(y, KIND_OF_MOVE[move], x, t.source))
    return edges, hidden


def _infer(edges: list[Edge]) -> list[Edge]:
    """The sibling facts the story implies, made explicit: children of one parent are siblings, a sibling's
    sibling is a sibling, and a sibling's parent is one's parent (the exact solver's own conventions, which it
    applies along a path but cannot apply backwards: without them "Ann married Bob. Bob's sister is Cy. Cy's
    mother is Dee." would not make Dee Ann's mother-in-law)."""
    group: dict[str, str] = {}

    def find(x: str) -> str:
        while group.setdefault(x, x) != x:
            x = group[x]
        return x

    parents: dict[str, set[str]] = {}
    why_of: dict[str, list[str]] = {}  # person -> the sentences making them someone's sibling or child
    for e in edges:
        if e.kind == "sibling":
            group[find(e.a)] = find(e.b)
            why_of.setdefault(e.a, []).append(e.source)
        elif e.kind in ("parent", "child"):
            parent, child = (e.a, e.b) if e.kind == "parent" else (e.b, e.a)
            parents.setdefault(child, set()).add(parent)
            why_of.setdefault(child, []).append(e.source)
            find(child)
    by_parent: dict[str, list[str]] = {}
    for child, ps in parents.items():
        for p in ps:
            by_parent.setdefault(p, []).append(child)
    for children in by_parent.values():
        for c in children[1:]:
            group[find(c)] = find(children[0])
    members: dict[str, list[str]] = {}
    for x in list(group):
        members.setdefault(find(x), []).append(x)
    have = {(e.a, e.kind, e.b) for e in edges} | {(e.b, INVERSE_KIND[e.kind], e.a) for e in edges}
    out: list[Edge] = []
    for sibs in members.values():
        if len(sibs) < 2:
            continue
        shared = sorted({p for x in sibs for p in parents.get(x, ())})
        said = list(dict.fromkeys(x for p in sibs for x in why_of.get(p, []) if not x.startswith("inferred")))
        why = (
            "inferred: "
            + ", ".join(sibs)
            + " are siblings"
            + (f" (from {'; '.join(said[:6])})" if said else "")
        )
        for i, x in enumerate(sibs):
            for y in sibs[i + 1 :]:
                if (x, "sibling", y) not in have:
                    out.append(Edge(x, "sibling", y, why))
            for p in shared:
                if (p, "parent", x) not in have:
                    out.append(Edge(p, "parent", x, why))
    return out


def _check_consistent(edges: list[Edge]) -> None:
    """Refuse a story whose facts cannot all hold: a person related to themself, or a loop of facts whose
    generations do not add up (Ann is Bob's mother and Bob is Ann's mother)."""
    level: dict[str, tuple[str, int]] = {}  # union-find: person -> (parent in the forest, generation offset)
    adj: dict[str, list[tuple[str, Edge]]] = {}

    def find(x: str) -> tuple[str, int]:
        root, off = x, 0
        while level.get(root, (root, 0))[0] != root:
            parent, d = level[root]
            off += d
            root = parent
        return root, off

    for e in edges:
        if e.a == e.b:
            raise ParseError(f"contradiction: {e.source!r} relates {e.a} to themself; correct the names")
        for x in (e.a, e.b):
            level.setdefault(x, (x, 0))
        (ra, oa), (rb, ob) = find(e.a), find(e.b)
        want = GENERATION[e.kind]  # generation of a minus generation of b
        if ra == rb and oa - ob != want:
            path = _path(adj, e.b, e.a)
            quoted = "; ".join(dict.fromkeys(repr(s) for s in [*path, e.source]))
            raise ParseError(
                f"contradiction: these facts cannot all hold (their generations do not add up): {quoted}; "
                "correct one of them"
            )
        if ra != rb:
            level[ra] = (rb, ob - oa + want)
        adj.setdefault(e.a, []).append((e.b, e))
        adj.setdefault(e.b, []).append((e.a, e))
    kinds: dict[frozenset[str], Edge] = {}
    for e in edges:
        pair = frozenset((e.a, e.b))
        other = kinds.setdefault(pair, e)
        if {other.kind, e.kind} == {"sibling", "spouse"}:
            raise ParseError(
                f"contradiction: {other.source!r} and {e.source!r} make {e.a} and {e.b} both siblings and "
                "spouses; correct one of them"
            )


def _path(adj: dict[str, list[tuple[str, Edge]]], start: str, goal: str) -> list[str]:
    """The sentences along a path of facts from start to goal (for quoting a contradiction)."""
    prev: dict[str, tuple[str, Edge] | None] = {start: None}
    queue = deque([start])
    while queue:
        u = queue.popleft()
        if u == goal:
            break
        for v, e in adj.get(u, []):
            if v not in prev:
                prev[v] = (u, e)
                queue.append(v)
    out: list[str] = []
    node = goal
    while prev.get(node) is not None:
        u, e = prev[node]  # type: ignore[misc]
        out.append(e.source)
        node = u
    return out[::-1]


def _facts(edges: list[Edge], genders: dict[str, str], subject: str) -> list[Fact]:
    """The one-step facts the model reads, each with its first person's gendered word where known; facts about
    the question's subject are told from the subject's side, so the answer's gender is in the facts."""
    out: list[Fact] = []
    seen: set[tuple[str, str, str]] = set()
    for e in edges:
        a, kind, b = e.a, e.kind, e.b
        if b == subject or (kind in ("sibling", "spouse") and (b, kind, a) in seen):
            a, kind, b = b, INVERSE_KIND[kind], a
        if (a, kind, b) in seen:
            continue
        seen.add((a, kind, b))
        f_word, m_word, n_word = WORDS_OF_KIND[kind]
        g = genders.get(a)
        out.append(Fact(subject=a, relation=f_word if g == "f" else m_word if g == "m" else n_word, object=b))
    return out


def _custom_problem(reader: _Reader, family: str | None) -> RelationalProblem:
    """A story with no kinship word: each clause's words between two names are its relation, as written."""
    from .relational_custom import custom_facts, custom_question

    facts = [f for s in reader.sentences for f in custom_facts(s.words)]
    if len(reader.questions) != 1:
        _no_question(reader)
    q = custom_question(reader.questions[0])
    if not facts:
        _no_facts()
    people = {f.subject for f in facts} | {f.object for f in facts}
    _check_mentioned(q[0], q[1], people, [])
    relations = {f.relation.lower() for f in facts} | ({q[2].lower()} if q[2] else set())
    odd = sorted(r for r in relations if re.search(r"\d|[:;|=()\[\]{}]", r) or len(r.split()) > 6)
    if odd:  # 'CS 125 is a prerequisite for PHYS 263': codes, not people, and no relation between two names
        raise ParseError(
            f"this does not read as relations between named people ({odd[0]!r} between two names); write "
            "'Ann reports to Bob' or 'Ann is Bob's mother'"
        )
    fam = family or ("kinship" if relations <= KNOWN_RELATIONS else "custom")
    return RelationalProblem(facts=facts, subject=q[0], object=q[1], relation=q[2], family=fam)


def _no_question(reader: _Reader) -> None:
    if not reader.questions:
        raise ParseError(f"no question found; end the story with one, e.g. {EXAMPLE!r}")
    raise ParseError(
        f"the text asks {len(reader.questions)} questions ("
        + "; ".join(repr(q.text) for q in reader.questions)
        + "); ask one question per problem"
    )


def _no_facts() -> None:
    raise ParseError(
        "the story holds no usable fact; state facts about two named people each, e.g. "
        "'Alice is Bob's mother.' or 'Bob has a daughter named Carol.'"
    )


def _check_mentioned(
    subject: str, anchor: str, people: set[str], negated_only: list[Told], sentences: Sequence[Sentence] = ()
) -> None:
    """Refuse a question about someone no fact was read about, saying where they do appear."""
    for role, name in (("asks about", subject), ("relates to", anchor)):
        if name in people:
            continue
        neg = [t.source for t in negated_only if name in (t.subject, t.object)]
        if neg:
            raise ParseError(
                f"the question {role} {name!r}, who appears only in negated facts ({'; '.join(map(repr, neg))}): a "
                "negated fact rules a relation out but gives none to reason over; state how they are related"
            )
        unread = [s.text for s in sentences if any(w.value == ("name", name) for w in s.words)]
        if unread:
            raise ParseError(
                f"the question {role} {name!r}, who appears only where no relation was read: "
                f"{'; '.join(map(repr, unread))}; state how {name} is related, e.g. 'Ann is Bob's mother'"
            )
        raise ParseError(
            f"the question {role} {name!r}, who is never mentioned in the story "
            f"(people in it: {', '.join(sorted(people)[:20])})"
        )
    if subject == anchor:
        raise ParseError(f"the question relates {subject} to themself; ask about two different people")


def _read(text: str, family: str | None = None) -> Reading:
    if not text or not text.strip():
        raise ParseError(f"empty input; give a story and a question, e.g. {EXAMPLE!r}")
    if len(text) > nlp().max_length:
        raise LimitError(
            f"the story has {len(text):,} characters; the relational parser reads at most {nlp().max_length:,} "
            "(spaCy's limit): split it into smaller stories"
        )
    lined = rewrite_lines(text.strip())
    prose = rewrite_prose(lined.text)
    spoken, heard = _speech(_clean(prose.text))
    rows = rewrite(spoken)
    reader = _Reader(
        rows.text,
        sources={**lined.sources, **rows.sources},
        skipped=[*lined.skipped, *prose.skipped, *rows.skipped],
        assumptions=[*lined.assumptions, *prose.assumptions, *rows.assumptions, *heard],
    )
    reader.forms = [*lined.forms, *prose.forms, *rows.forms]
    reader.segment()
    kinship = reader.read_facts()
    if len(reader.questions) != 1:
        _no_question(reader)
    reader.skip_labels(reader.questions[0])
    question = _kinship_question(reader.questions[0], custom_possible=not kinship)
    if question is None or (not kinship and not question.relation and not question.paper):
        problem = _custom_problem(reader, family)
        return Reading(problem=problem, read_as=f"{len(problem.facts)} facts ({problem.family}), as written")
    reader.tell()
    reader.note_genders()
    question = _aliases(reader, question)
    if question.paper or family == "paper":
        return _paper(reader, question)
    return _kinship(reader, question)


def _aliases(reader: _Reader, q: Question) -> Question:
    """A first name used alone for someone the text also names in full ('Student name: Robert Novak' ...
    'Liam is Robert's uncle') is that person when exactly one full name starts with it (an assumption,
    reported); when several do, a question that uses it is refused."""
    named = {t.subject for t in reader.told} | {t.object for t in reader.told} | {q.subject, q.anchor}
    named = {p for p in named if p not in reader.unnamed_people and "'s " not in p}
    alias: dict[str, str] = {}
    for short in sorted(p for p in named if " " not in p):
        full = sorted(p for p in named if " " in p and p.split()[0] == short)
        if len(full) == 1:
            alias[short] = full[0]
        elif len(full) > 1 and short in (q.subject, q.anchor):
            raise ParseError(
                f"the question names {short}, and the text names {', '.join(full)}: write the full name"
            )
    if not alias:
        return q
    for short, full in alias.items():
        reader.assumptions.append(f"{short} taken as {full} (the one person of that first name)")
        if short in reader.genders:
            g, because = reader.genders.pop(short)
            reader.note_gender(full, g, because)
    reader.told = [
        replace(t, subject=alias.get(t.subject, t.subject), object=alias.get(t.object, t.object))
        for t in reader.told
    ]
    return replace(q, subject=alias.get(q.subject, q.subject), anchor=alias.get(q.anchor, q.anchor))


def _kinship_question(sent: Sentence, custom_possible: bool) -> Question | None:
    """The question read with kinship words; in a story with no kinship word, a question this cannot read
    ('Is Faye Yuri's peer's report?', 'Is Dov Ann's academic uncle?') is None: it is asked in the story's own
    relation words (family custom), whose model knows the term or refuses it."""
    try:
        return read_question(sent)
    except ParseError:
        if custom_possible:
            return None
        raise


def _paper(reader: _Reader, q: Question) -> Reading:
    """The paper's format: facts and the asked offset word exactly as written."""
    facts = [Fact(subject=t.subject, relation=t.term, object=t.object) for t in reader.told if not t.negated]
    if not facts:
        _no_facts()
    _check_mentioned(q.subject, q.anchor, {f.subject for f in facts} | {f.object for f in facts}, [])
    problem = RelationalProblem(
        facts=facts, subject=q.subject, object=q.anchor, relation=q.relation, family="paper"
    )
    return Reading(problem=problem, read_as=f"{len(facts)} facts (paper format)", skipped=reader.skipped)


def _kinship(reader: _Reader, q: Question) -> Reading:
    positive = [t for t in reader.told if not t.negated]
    negated = [t for t in reader.told if t.negated]
    if not positive:
        if negated:
            raise ParseError(
                "the story states only negated facts ("
                + "; ".join(repr(t.source) for t in negated)
                + "): a negated fact rules a relation out but gives none to reason over; state how they are related"
            )
        _no_facts()
    edges, hidden = _edges(positive)
    genders = {p: g for p, (g, _) in reader.genders.items()}
    edges = _named_unnamed(edges, reader.unnamed_people, genders)
    _check_consistent(edges)
    _check_one_of_each(edges, genders)  # two mothers are said plainly before siblings are inferred
    inferred = _infer(edges)
    told_edges, edges = edges, edges + inferred
    _check_consistent(edges)  # siblings by inference who are also spouses
    _check_one_of_each(edges, genders)
    denial_genders = _genders_from_denials(negated, edges, genders)
    people = {e.a for e in told_edges} | {e.b for e in told_edges}
    people -= set(hidden)
    _check_mentioned(q.subject, q.anchor, people, negated, reader.sentences)
    assumptions = [*reader.assumptions, *(t.note for t in positive if t.note), *denial_genders]
    assumptions += [q.note] if q.note else []
    subject_gender = genders.get(q.subject)
    if subject_gender is None:
        g = name_gender(q.subject)
        if g in ("f", "m"):
            genders[q.subject] = g
            subject_gender = g
            assumptions.append(f"{q.subject} taken as {GENDER_WORD[g]} from the first name")
            try:  # a guess must not contradict the facts ('Laura is Henry's mother' beside a female Donna)
                _check_one_of_each(edges, genders)
            except ParseError as e:
                raise ParseError(
                    f"{e}, if {q.subject} is {GENDER_WORD[g]} as the first name suggests; the story never says "
                    f"whether {q.subject} is female or male: state it"
                ) from None
    facts = _facts(edges, genders, q.subject)
    keys = kin_keys(facts, q.anchor)
    key = keys.get(q.subject, "other")
    for t in negated:
        _check_negated(t, facts, genders, edges)
    if key == "other":
        _unconnected(reader, q, facts, negated)
    unnamed = [*hidden, *(p for p in reader.unnamed_people if p in people)]
    _check_unnamed(told_edges, unnamed, genders, q, key)
    if q.relation is not None:
        _check_yes_no(q, key, subject_gender)
    elif subject_gender is None:
        assumptions.append(
            f"the story does not say whether {q.subject} is female or male, and the first name does not tell: "
            "the answer is the neutral term"
        )
    ask = (
        f"is {q.subject} the {q.relation} of {q.anchor}?"
        if q.relation
        else f"how is {q.subject} related to {q.anchor}?"
    )
    read_as = (
        f"{len(positive)} facts about {len(people) - len(unnamed) + len(hidden)} people (kinship); {ask}"
    )
    if reader.forms:
        read_as += "; read from " + ", ".join(reader.forms)
    if unnamed:
        read_as += (
            f"; {len(unnamed)} unnamed people ({', '.join(unnamed[:6])}), none of whom could be anyone else "
        )
        read_as += "in the story in a way that changes the answer"
    if inferred:
        read_as += (
            f"; {len(inferred)} facts inferred (children of one parent are siblings, and share parents)"
        )
    if negated:
        read_as += "; negated, checked against the story: " + "; ".join(repr(t.source) for t in negated)
    problem = RelationalProblem(
        facts=facts, subject=q.subject, object=q.anchor, relation=q.relation, family="kinship"
    )
    return Reading(
        problem=problem, read_as=read_as, skipped=reader.skipped, assumptions=list(dict.fromkeys(assumptions))
    )


# -- unnamed people ('Ann's mother's sister', the parent between a grandmother and her grandchild) ---------------
FUNCTIONAL = {"mother": "parent", "father": "parent", "wife": "spouse", "husband": "spouse"}


def _rename(edges: list[Edge], old: str, new: str) -> list[Edge]:
    out: list[Edge] = []
    for e in edges:
        renamed = Edge(new if e.a == old else e.a, e.kind, new if e.b == old else e.b, e.source)
        if renamed not in out:
            out.append(renamed)
    return out


def _named_unnamed(
    edges: list[Edge], unnamed: dict[str, tuple[str, str]], genders: dict[str, str]
) -> list[Edge]:
    """An unnamed mother, father, wife or husband is the one the story names, if it names one: 'Bea is Ann's
    mother's sister. Cy is Ann's mother.' makes Bea Cy's sister (a person has one mother, one spouse)."""
    for person, (owner, term) in unnamed.items():
        kind = FUNCTIONAL.get(term)
        if kind is None:
            continue
        same = {e.a for e in edges if e.kind == kind and e.b == owner} | {
            e.b for e in edges if e.kind == INVERSE_KIND[kind] and e.a == owner
        }
        named = sorted(
            p for p in same - {person} if p not in unnamed and genders.get(p) == gender_of_term(term)
        )
        if len(named) > 1:
            raise ParseError(
                f"contradiction: the story gives {owner} more than one {term} ({', '.join(named)})"
            )
        if named:
            edges = _rename(edges, person, named[0])
            genders.pop(person, None)
    return edges


def _answer_key(edges: list[Edge], genders: dict[str, str], q: Question) -> str:
    """The relation key the exact solver gives for these one-step edges (ParseError when they contradict)."""
    _check_consistent(edges)
    edges = edges + _infer(edges)
    _check_consistent(edges)
    _check_one_of_each(edges, genders)
    return kin_keys(_facts(edges, genders, q.subject), q.anchor).get(q.subject, "other")


def _check_one_of_each(edges: list[Edge], genders: dict[str, str]) -> None:
    """Refuse facts giving someone more than two parents, two parents of one gender, or two spouses."""
    parents: dict[str, set[str]] = {}
    spouses: dict[str, set[str]] = {}
    said: dict[tuple[str, str], list[str]] = {}  # (person, parent|spouse) -> the sentences that say so
    for e in edges:
        if e.kind in ("parent", "child"):
            parent, child = (e.a, e.b) if e.kind == "parent" else (e.b, e.a)
            parents.setdefault(child, set()).add(parent)
            said.setdefault((child, "parent"), []).append(e.source)
        elif e.kind == "spouse":
            spouses.setdefault(e.a, set()).add(e.b)
            spouses.setdefault(e.b, set()).add(e.a)
            said.setdefault((e.a, "spouse"), []).append(e.source)
            said.setdefault((e.b, "spouse"), []).append(e.source)

    def quoted(key: tuple[str, str]) -> str:
        return "; ".join(dict.fromkeys(repr(x) for x in said.get(key, [])))

    for child, ps in parents.items():
        known = [genders[p] for p in ps if p in genders]
        if len(ps) > 2 or len(known) != len(set(known)):
            raise ParseError(
                f"contradiction: the facts give {child} the parents {', '.join(sorted(ps))} "
                f"({quoted((child, 'parent'))})"
            )
    for person, ss in spouses.items():
        if len(ss) > 1:
            raise ParseError(
                f"contradiction: the facts give {person} the spouses {', '.join(sorted(ss))} "
                f"({quoted((person, 'spouse'))})"
            )


def _check_unnamed(
    edges: list[Edge], unnamed: list[str], genders: dict[str, str], q: Question, key: str
) -> None:
    """An unnamed person may be someone the story names, or another unnamed person: refuse when the answer
    depends on it. 'Ann is Bob's grandmother. Dee is Ann's daughter.' does not say whether Dee is the parent
    between Ann and Bob (Bob's mother) or another child (his aunt)."""
    everyone = sorted({e.a for e in edges} | {e.b for e in edges})
    for person in unnamed:
        for other in everyone:
            g1, g2 = genders.get(person), genders.get(other) or _name_gender(other, unnamed)
            if other == person or (g1 and g2 and g1 != g2):
                continue
            merged_genders = {k: v for k, v in genders.items() if k != person}
            if g1:
                merged_genders[other] = g1
            try:
                merged = _answer_key(_rename(edges, person, other), merged_genders, q)
            except ParseError:
                continue  # they cannot be the same person
            if merged != key:
                said = [_said(k, gs.get(q.subject)) for k, gs in ((key, genders), (merged, merged_genders))]
                raise ParseError(
                    f"the story does not say whether {person} (unnamed) is {other}: {q.subject} is {q.anchor}'s "
                    f"{said[0]} if not, {said[1]} if so; name that person"
                )


def _said(key: str, gender: str | None) -> str:
    return term_for(key, gender) if key != "other" else "relative by a path the exact solver cannot name"


def _name_gender(person: str, unnamed: list[str]) -> str | None:
    g = None if person in unnamed or "'s " in person else name_gender(person)
    return g if g in ("f", "m") else None


def _check_negated(t: Told, facts: list[Fact], genders: dict[str, str], edges: list[Edge]) -> None:
    """A negated fact the other facts imply is a contradiction; the message quotes both."""
    if t.subject == t.object:
        return
    key = kin_keys(facts, t.object).get(t.subject, "other")
    g = gender_of_term(t.term)
    if KEY_OF_TERM.get(t.term) == key and (g is None or genders.get(t.subject) == g):
        adj: dict[str, list[tuple[str, Edge]]] = {}
        for e in edges:
            adj.setdefault(e.a, []).append((e.b, e))
            adj.setdefault(e.b, []).append((e.a, e))
        implied = "; ".join(dict.fromkeys(repr(x) for x in _path(adj, t.object, t.subject)))
        raise ParseError(
            f"contradiction: {t.source!r} denies what the other facts imply ({t.subject} is the {t.term} of "
            f"{t.object}: {implied}); correct one of them"
        )


def _genders_from_denials(negated: list[Told], edges: list[Edge], genders: dict[str, str]) -> list[str]:
    """'Donna is not Michael's mother' where the facts make Donna a parent of Michael: Donna is his father.
    The gender so inferred is recorded (it outranks a first-name guess) and the one-of-each checks rerun, so
    'Richard is Michael's father' next to it is refused as two fathers. Returns what was inferred."""
    out: list[str] = []
    for t in negated:
        g = gender_of_term(t.term)
        if g is None or t.subject == t.object or genders.get(t.subject) is not None:
            continue
        facts = _facts(edges, genders, t.subject)
        if kin_keys(facts, t.object).get(t.subject) != KEY_OF_TERM.get(t.term):
            continue
        other = "m" if g == "f" else "f"
        genders[t.subject] = other
        out.append(
            f"{t.subject} taken as {GENDER_WORD[other]}: the facts make {t.subject} {t.object}'s "
            f"{term_for(KEY_OF_TERM[t.term], None)}, and {t.source!r} denies {GENDER_WORD[g]}"
        )
    if out:
        try:
            _check_one_of_each(edges, genders)
        except ParseError as e:
            raise ParseError(f"{e} (with {'; '.join(out)})") from None
    return out


def _unconnected(reader: _Reader, q: Question, facts: list[Fact], negated: list[Told]) -> None:
    """People the facts do not link by a named relation: refuse when something unread might have linked them."""
    connected = _reachable(facts, q.anchor)
    if q.subject in connected:
        raise ParseError(
            f"the facts link {q.subject} to {q.anchor}, but not by a relation the exact solver can name (for "
            "example through a spouse's child, who may be a stepchild, or a child's other parent, or across more "
            f"than {MAX_GEN} generations); state how they are related directly"
        )
    unread = [s.text for s in reader.sentences if _unread_people(s)]
    if unread or negated:
        shown = "; ".join(repr(s) for s in (unread or [t.source for t in negated]))
        raise ParseError(
            f"the facts read do not connect {q.subject} to {q.anchor}, and these sentences were not read as "
            f"relations: {shown}; state how they are related"
        )


def _unread_people(sent: Sentence) -> list[str]:
    """People a sentence mentions outside the words its facts were read from ('Bob was born to Ann's daughter
    Cy' read only as 'Cy is Ann's daughter' leaves Bob unread): an unread relation might link anyone."""
    return [
        w.text
        for i, w in enumerate(sent.words)
        if w.role in ("N", "POSS", "PR")
        and i not in sent.covered
        and (w.role != "POSS" or w.value[0] == "name")
    ]


def _reachable(facts: list[Fact], start: str) -> set[str]:
    adj: dict[str, set[str]] = {}
    for f in facts:
        adj.setdefault(f.subject, set()).add(f.object)
        adj.setdefault(f.object, set()).add(f.subject)
    seen = {start}
    queue = deque([start])
    while queue:
        for v in adj.get(queue.popleft(), ()):
            if v not in seen:
                seen.add(v)
                queue.append(v)
    return seen


def _check_yes_no(q: Question, key: str, subject_gender: str | None) -> None:
    """Refuse yes/no questions the facts cannot settle: a gendered word for a person of unknown gender, or
    'cousin' for a cousin other than a first cousin."""
    asked_key = KEY_OF_TERM.get(q.relation or "")
    if asked_key is None:
        raise ParseError(f"the question {q.text!r} asks about {q.relation!r}, which is not a kinship term")
    if asked_key == key and gender_of_term(q.relation or "") is not None and subject_gender is None:
        raise ParseError(
            f"the story makes {q.subject} the {term_for(key, None)} of {q.anchor} but never says whether "
            f"{q.subject} is female or male, and the first name does not tell; ask with the neutral word "
            f"('Is {q.subject} {q.anchor}'s {term_for(key, None)}?') or state the gender"
        )
    cousin = key.startswith("b") and min(int(v) for v in key[1:].split(".")) >= 2
    if q.note and "cousin" in q.note and cousin and key != "b2.2":
        raise ParseError(
            f"{q.subject} is {q.anchor}'s {term_for(key, None)}: whether that counts as a 'cousin' depends on "
            "usage; ask about the exact degree, e.g. 'first cousin' or 'second cousin'"
        )


def parse_relational(text: str, family: str | None = None) -> RelationalProblem:
    """Parse a story and its question; raises ParseError saying what is missing or wrong."""
    return _read(text, family).problem


def read_relational(text: str, limits: Any = None) -> Reading:
    """Text -> Reading: the problem, how it was read, the segments skipped and what was assumed."""
    return _read(text)
