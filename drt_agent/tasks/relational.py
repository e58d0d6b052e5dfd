"""Relational text: how is one person related to another, given shuffled facts?

Two generators, each with an exact solver:
- **paper** (paper-notes 3.3): a chain "e_i is the parent/child of e_{i+1}" that goes down then up, shuffled among
  distractor facts; the yes/no question "is e_0 the <offset word> of e_K?" on the signed generation offset, with
  hard negatives at +-2 / +-4. Chain length K is the complexity.
- **kinship**: stories on consistent family trees (parents, children, siblings, spouses, gendered words); open
  questions answered with a kinship term (grandmother, uncle, niece, first cousin, sister-in-law, ...) and yes/no
  questions. The complexity is the number of facts on the path between the two people.

Names become entity slots (order of first appearance; shuffled in training), so the model is name-agnostic.

Two perceptual interfaces over the same reasoning core:
- **structured** (default): every fact is a short sentence `[subject] relation-words [object]`. A token attends
  within its own sentence, and every mention of a person attends to that person's other mentions, so one fact is
  one hop (two steps). The question's sentence reads the story's mentions but is never read by them, and only
  the anchor is marked in the story: relations can only spread outward from the anchor, fact by fact. Dense final-step targets: every mention holds its person's relation to the anchor (the
  question's second person) as a *bounded* class: for the paper protocol the generation offset modulo 8 (all eight
  residues and both +-1 moves occur in chains of 2-5, so the per-hop rule is fully trained and composes past the
  training range); for kinship the (up, down) position in the tree plus the in-law kinds. The question's relation
  word holds its own class, and the answer token (in the question sentence) says yes/no or names the term.
- **paper**: the paper's own word sequence (`X is the parent of Y .` ... `query : X is the R of Y`), full
  attention, relative positions (RoPE) only, the answer token supervised alone.
"""

from __future__ import annotations

from collections import deque
from typing import Any

import numpy as np
import torch

from ..domains.relational import (
    CHILD_WORDS,
    FACT_WORDS,
    GENDER_OF_TERM,
    INVERSE,
    KEY_OF_TERM,
    KIN_KEYS,
    KIN_TERMS,
    MAX_GEN,
    MOVE_OF_WORD,
    OFFSET_OF_WORD,
    PAPER_MAX_OFFSET,
    PARENT_WORDS,
    RESIDUES,
    SIBLING_WORDS,
    SPOUSE_WORDS,
    _moves,
    gender_of,
    generation_offsets,
    kin_keys,
    kin_step,
    offset_word,
    solve_exact,
    term_for,
)
from ..errors import LimitError, ParseError
from ..problems import Answer, Fact, RelationalProblem
from .base import IGNORE, Batch, Task


# -- generators ----------------------------------------------------------------------------------------------
def _names(n: int) -> list[str]:
    return [f"P{i}" for i in range(n)]


def paper_problem(
    rng: np.random.Generator, k: int, positive: bool, branch: int = 0, flip: float = 0.0
) -> RelationalProblem:
    """The paper's generator: chain e0..ek (u parent facts then child facts) among 2-4 distractor facts.

    branch > 0 (training only; the paper has none): a line of 1..branch more parent/child facts, each stated in
    either direction, hangs off a random person of the chain, so the anchor's relations travel further through
    the story than the question's chain is long. flip (training only; the paper has none): the chance that a chain
    fact is stated from its other side ("Y is the child of X" for "X is the parent of Y")."""
    n_branch = int(rng.integers(1, branch + 1)) if branch > 0 else 0
    names = [str(v) for v in rng.permutation(_names(max(20, k + n_branch + 7)))]
    chain, rest = names[: k + 1], names[k + 1 :]
    u = int(rng.integers(0, k + 1))
    facts = [
        Fact.model_construct(subject=chain[i], relation="parent" if i < u else "child", object=chain[i + 1])
        for i in range(k)
    ]
    inverse = {"parent": "child", "child": "parent"}
    facts = [
        Fact.model_construct(subject=f.object, relation=inverse[f.relation], object=f.subject)
        if flip and rng.random() < flip
        else f
        for f in facts
    ]
    if n_branch:
        line = [str(rng.choice(chain)), *rest[:n_branch]]
        rest = rest[n_branch:]
        for a, b in zip(line, line[1:], strict=False):
            a, b = (a, b) if rng.random() < 0.5 else (b, a)
            facts.append(
                Fact.model_construct(subject=a, relation=str(rng.choice(["parent", "child"])), object=b)
            )
    pairs: set[frozenset[str]] = set()
    while len(pairs) < int(rng.integers(2, 5)):
        a, b = (str(v) for v in rng.choice(rest, size=2, replace=False))
        if frozenset((a, b)) in pairs:
            continue
        pairs.add(frozenset((a, b)))
        facts.append(
            Fact.model_construct(
                subject=a, relation=str(rng.choice(["parent", "child", "sibling"])), object=b
            )
        )
    facts = [facts[i] for i in rng.permutation(len(facts))]
    offset = u - (k - u)
    asked = offset
    if not positive:
        options = [offset + d for d in (-4, -2, 2, 4) if abs(offset + d) <= PAPER_MAX_OFFSET]
        asked = int(rng.choice(options))
    return RelationalProblem.model_construct(
        domain="relational",
        facts=facts,
        subject=chain[0],
        object=chain[k],
        relation=offset_word(asked),
        family="paper",
    )


def kinship_problem(
    rng: np.random.Generator,
    k: int,
    open_fraction: float = 0.5,
    extra: tuple[int, int] = (2, 6),
    line: float = 0.0,
    straight: float = 0.0,
) -> RelationalProblem:
    """A story on a consistent family tree whose question's two people are k facts apart.

    line (training only): the chance that an extra relative hangs off the one added just before (not a random
    person), so extra relatives form lines that reach further from the anchor than the question's path.
    straight (training only): the chance that such a line keeps going up (or down) when its last fact did, so
    lines of ancestors and descendants reach the deep keys (b5.0, b4.3, b0.6) that short stories seldom hold."""
    while True:  # draw a path of k moves that names a relation
        moves = [str(m) for m in rng.choice(list("UDSP"), size=k, p=[0.3, 0.3, 0.25, 0.15])]
        key = "self"
        for m in moves:
            key = kin_step(key, m)
        # a person reached as someone's child has that parent already: no second parent on the path
        doubled = any(m == "U" and prev == "D" for prev, m in zip(moves, moves[1:], strict=False))
        if key != "other" and not doubled:
            break
    n_people = k + 1 + int(rng.integers(extra[0], extra[1] + 1))
    people = [str(v) for v in rng.permutation(_names(max(24, n_people)))][:n_people]
    gender = {p: str(rng.choice(["f", "m"])) for p in people}
    edges: list[tuple[str, str, str]] = []  # (a, b, move from a to b)
    has_parent: set[str] = set()
    has_spouse: set[str] = set()
    in_sibling: set[str] = set()

    def link(a: str, b: str, move: str) -> None:
        edges.append((a, b, move))
        if move == "U":
            has_parent.add(a)
        elif move == "D":
            has_parent.add(b)
        elif move == "P":
            has_spouse.update((a, b))
        else:
            in_sibling.update((a, b))

    for i, m in enumerate(moves):
        link(people[i], people[i + 1], m)
    last = ""  # the move of the extra relative added just before
    for p in people[k + 1 :]:  # distractors hang off the tree: the question's path never changes
        for _ in range(20):
            j = people.index(p)
            in_line = bool(line) and rng.random() < line
            q = people[j - 1] if in_line else str(rng.choice(people[:j]))
            m = str(rng.choice(list("UDSP")))
            if in_line and last in ("U", "D") and straight and rng.random() < straight:
                m = last
            if m == "U" and (q in has_parent or q in in_sibling):
                continue
            if m == "P" and q in has_spouse:
                continue
            link(q, p, m)
            last = m
            break
        else:
            link(q, p, "D")
            last = "D"
    facts = []
    for a, b, m in edges:
        # state it from either side: "a is b's <word>" (the move from a to b) or "b is a's <word>"
        subj, obj, mv = (a, b, m) if rng.random() < 0.5 else (b, a, INVERSE[m])
        facts.append(_fact(rng, subj, obj, mv, gender[subj]))
    subject, anchor = people[k], people[0]
    if gender_of(facts, subject) is None and rng.random() < 0.9:
        for i, f in enumerate(facts):  # restate one fact so the subject's gender is visible
            if subject in (f.subject, f.object):
                move = MOVE_OF_WORD[f.relation]
                other = f.object if f.subject == subject else f.subject
                move = move if f.subject == subject else INVERSE[move]
                facts[i] = _fact(rng, subject, other, move, gender[subject], neutral=0.0)
                break
    facts = [facts[i] for i in rng.permutation(len(facts))]
    relation = None
    if rng.random() >= open_fraction:
        true_term = term_for(kin_keys(facts, anchor)[subject], gender_of(facts, subject))
        relation = true_term if rng.random() < 0.5 else _near_miss(rng, true_term)
    return RelationalProblem.model_construct(
        domain="relational", facts=facts, subject=subject, object=anchor, relation=relation, family="kinship"
    )


def _fact(rng: np.random.Generator, subj: str, obj: str, move: str, g: str, neutral: float = 0.1) -> Fact:
    """'subj is the <word> of obj', where `move` is the step from subj to obj (D: subj is obj's parent)."""
    words = {"D": PARENT_WORDS, "U": CHILD_WORDS, "S": SIBLING_WORDS, "P": SPOUSE_WORDS}[move]
    f_word, m_word, n_word = list(words)
    word = n_word if rng.random() < neutral else (f_word if g == "f" else m_word)
    return Fact.model_construct(subject=subj, relation=word, object=obj)


def _near_miss(rng: np.random.Generator, term: str) -> str:
    """A wrong term close to the right one: other gender, or a neighbouring generation / branch."""
    key, g = KEY_OF_TERM[term], GENDER_OF_TERM[term]
    options = set()
    if g is not None:
        options.add(term_for(key, "m" if g == "f" else "f"))
    if key.startswith("b"):
        a, b = (int(v) for v in key[1:].split("."))
        for da, db in ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, -1)):
            na, nb = a + da, b + db
            if 0 <= na <= MAX_GEN and 0 <= nb <= MAX_GEN and na + nb > 0:
                options.add(term_for(f"b{na}.{nb}", g))
    else:
        options.update(term_for(k, g) for k in ("spouse", "parent-in-law", "sibling-in-law", "child-in-law"))
    options.discard(term)
    return str(rng.choice(sorted(options)))


def hops_from(mask: torch.Tensor, sources: torch.Tensor) -> torch.Tensor:
    """(B, L) attention hops from the source tokens to every token (a large number where none leads): token i
    reads token j when mask[b, i, j], so what a source holds reaches i after that many thinking steps."""
    B, L, _ = mask.shape
    far = L + 1
    hops = torch.where(sources, 0, far)
    reached = sources.clone()
    m = mask.float()
    for h in range(1, L + 1):
        nxt = (m @ reached.float().unsqueeze(-1)).squeeze(-1) > 0
        new = nxt & ~reached
        if not new.any():
            break
        hops[new] = h
        reached |= nxt
    return hops


# -- the task ------------------------------------------------------------------------------------------------
SPECIAL = ["[PAD]", "[UNK]", "[ANS]", "[Q]", "[QO]"]
PAPER_TEXT = ["is", "the", "of", ".", "query", ":"]
N_SLOTS = 32
PAD, UNK, ANS, Q_YESNO, Q_OPEN = range(5)
ROLE_OTHER, ROLE_SUBJECT, ROLE_ANCHOR = 0, 1, 2
# anchor_key: the anchor role ROLE_ANCHOR + i says the anchor holds START_KEYS[i]
START_KEYS = ["self", *KIN_KEYS]
# key_targets: the second key of every term that names two keys, as its own class
KEY_CLASSES = {
    key: f"{term_for(key, None)}@{key}"
    for key in KIN_KEYS
    if key.startswith("b") and KEY_OF_TERM.get(term_for(key, None)) != key
}
MENTION, QUERY_WORD = 1, 2


def kinship_factors(classes: list[str]) -> list[list[int]]:
    """Each class as shared factors: a blood term is (blood, generations up, generations down) and the gender its
    word names, an in-law term its kind and gender; every other class ("other", yes/no, a fine-tuned answer) a
    factor of its own. Factor ids follow first use, so classes appended later (fine-tuning) add factors after
    the base's and a grown model keeps every old row."""
    ids: dict[tuple[str, str], int] = {}

    def f(kind: str, value: str) -> int:
        return ids.setdefault((kind, value), len(ids))

    out: list[list[int]] = []
    for c in classes:
        term, _, key = c.partition("@")
        key = key or ("b0.0" if c == "self" else KEY_OF_TERM.get(c, ""))
        if not key or key not in KIN_KEYS + ["b0.0"]:
            out.append([f("class", c)])
            continue
        if key.startswith("b"):
            up, down = key[1:].split(".")
            fs = [f("kind", "blood"), f("up", up), f("down", down)]
        else:
            fs = [f("kind", key)]
        female, male = term_for(key, "f"), term_for(key, "m")
        if (
            female != male and c != "self"
        ):  # a word that names a gender (or the neutral one, "parent", "sibling")
            fs.append(f("gender", "f" if term == female else "m" if term == male else "n"))
        out.append(fs)
    return out


def base_vocab() -> list[str]:
    words = SPECIAL + PAPER_TEXT + [f"[E{i}]" for i in range(N_SLOTS)]
    words += list(FACT_WORDS) + list(OFFSET_OF_WORD) + KIN_TERMS
    return list(dict.fromkeys(words))


def base_classes(family: str) -> list[str]:
    if family == "paper":
        return ["other"] + [f"r{i}" for i in range(RESIDUES)] + ["no", "yes"]
    return ["other", "self"] + KIN_TERMS + ["no", "yes"]


def relation_words(relation: str) -> list[str]:
    """How a relation string is cut into vocabulary words: whole if known, else word by word."""
    rel = relation.lower().strip()
    if rel in _BASE_WORDS:
        return [rel]
    return rel.replace("'s", " 's").split()


_BASE_WORDS = set(base_vocab())


class RelationalTask(Task):
    """Relational text over one reasoning core; `family` picks the generator, `interface` the perception."""

    complexity_unit = "facts"
    steps_per_unit = None

    name = "relational"
    domain = "relational"
    n_roles = 3

    def __init__(
        self,
        family: str = "kinship",
        interface: str = "structured",
        extra_words: list[str] | None = None,
        extra_classes: list[str] | None = None,
        open_fraction: float = 0.5,
        unreached_target: bool = True,
        horizon_targets: bool = False,
        branch: int = 0,
        readout: str = "answer",
        anchor_shift: bool = False,
        flip: float = 0.0,
        pending: bool = False,
        anchor_key: float = 0.0,
        distractors: int = 6,
        line: float = 0.0,
        key_targets: bool = False,
        straight: float = 0.0,
        anchor_from: str = "all",
        factored: bool = False,
    ) -> None:
        if family not in ("paper", "kinship"):
            raise ValueError(f"family must be 'paper' or 'kinship', got {family!r}")
        if interface not in ("structured", "paper"):
            raise ValueError(f"interface must be 'structured' or 'paper', got {interface!r}")
        if readout not in ("answer", "subject") or (readout == "subject" and interface != "structured"):
            raise ValueError(
                f"readout must be 'answer', or 'subject' with the structured interface, got {readout!r}"
            )
        # "answer": an answer token after the question is trained to say yes/no or name the term; "subject": the
        # answer is read from the question's subject mention, which holds its relation to the anchor like every
        # other mention (as a graph's answer is the target node's own state); yes/no = is that the asked relation
        self.readout = readout
        # paper family, training batches: the anchor holds a random residue c (told by one of 8 anchor roles) and
        # every target moves by c, so no person's class is a count of hops from the anchor: the per-fact rule must
        # be the cyclic +-1 that holds at any distance (without it, offsets past +-5 were never represented)
        self.anchor_shift = anchor_shift and family == "paper"
        self.n_roles = 3 + (RESIDUES - 1 if self.anchor_shift else 0)
        # kinship family, training batches: this share of stories start the anchor at a random kinship key (told by
        # its own anchor role) instead of "self", and every target is composed from it with the same per-fact rule
        # (kin_step): each key's step and each term is then trained next to the anchor, not only at the distances
        # short stories reach (without it, keys such as b4.3 or b6.0 were never a target and never answered)
        self.anchor_key = anchor_key if family == "kinship" else 0.0
        # which keys a shifted anchor may start from: "all" 52, or "ancestors" (b1.0-b6.0) only: the anchor is
        # taken as someone's a-th ancestor, so every key a generations further up (b5.1, b6.2, ...) is a target at
        # short distances while the start state stays a small choice
        if anchor_from not in ("all", "ancestors"):
            raise ValueError(f"anchor_from must be 'all' or 'ancestors', got {anchor_from!r}")
        self.anchor_from = anchor_from
        self.start_ids = [
            i for i, k in enumerate(START_KEYS) if i and (anchor_from == "all" or k.endswith(".0"))
        ]
        if self.anchor_key:
            if readout != "subject":
                raise ValueError(
                    "anchor_key needs readout='subject' (the answer token's target is not composed)"
                )
            self.n_roles = 3 + len(KIN_KEYS)
        # kinship family, training batches: up to this many extra relatives (2-6 by default), each hanging off the
        # one added before it with chance `line`: the anchor's relations reach deeper keys within short questions
        self.distractors = distractors if family == "kinship" else 6
        self.line = line if family == "kinship" else 0.0
        self.straight = straight if family == "kinship" else 0.0  # lines that keep going up or down
        if self.distractors < 2 or self.distractors > N_SLOTS - 6:
            raise ValueError(f"distractors must be in 2..{N_SLOTS - 6}, got {distractors}")
        self.flip = (
            flip  # paper family, training batches: state this share of chain facts from the other side
        )
        self.family = family
        self.interface = interface
        self.extra_words = list(extra_words or [])
        self.extra_classes = list(extra_classes or [])
        self.open_fraction = open_fraction
        self.unreached_target = (
            unreached_target  # ablation: False leaves people the anchor never reaches unlabelled
        )
        # dense targets say what the anchor's relations can reach within the steps this batch thinks (one token
        # hop per step, as on graphs): training then asks for a frontier that moves at a fixed pace and for every
        # reached mention to hold its class, which is what can carry past the trained chain lengths
        self.horizon_targets = horizon_targets
        self.branch = (
            branch  # paper family: a line of up to this many facts hangs off the chain (training data)
        )
        self.vocab = base_vocab() + self.extra_words
        self.word_id = {w: i for i, w in enumerate(self.vocab)}
        # a class for "not reached yet": with horizon targets a mention the anchor's relations have not reached
        # within the steps is labelled pending (not "other"), so the subject says when its answer is in and the
        # model decides when to stop (is_final); fine-tuning appends its classes after it
        self.pending = pending
        self.classes = base_classes(family) + (["pending"] if pending else [])
        # kinship: a term such as "first cousin once removed" names two keys (b2.3, b3.2) whose children differ
        # (b2.4 vs b3.3): with key_targets the second key of each such term is its own class ("term@b3.2"), so the
        # dense targets say which it is and the per-fact rule on classes is well defined; answers drop the "@..."
        self.key_targets = key_targets and family == "kinship"
        self.key_classes = KEY_CLASSES if self.key_targets else {}
        # the key classes come before fine-tuning's: a fine-tuned copy keeps every class of its base in place
        self.classes += list(self.key_classes.values()) + self.extra_classes
        self.class_id = {c: i for i, c in enumerate(self.classes)}
        # kinship: the readout scores factors (generations up, down, in-law kind, gender) and sums them into terms,
        # so a term no short story names (b5.2) is built from factors other terms train (b5.0, b1.2, ...)
        self.factored = factored and family == "kinship"
        # halting: a subject read out of its own mention holds "other" until the anchor's relations reach it (horizon
        # targets), then its relation: `auto` stops once that has arrived and sits still ("answer"), bounded only
        # by a safety cap from the token count
        self.settle = "answer" if readout == "subject" and not pending else "state"
        self.vocab_size = len(self.vocab)
        self.n_classes = len(self.classes)

    def knobs(self) -> dict[str, Any]:
        return {
            "family": self.family,
            "interface": self.interface,
            "extra_words": self.extra_words,
            "extra_classes": self.extra_classes,
            "open_fraction": self.open_fraction,
            "unreached_target": self.unreached_target,
            "horizon_targets": self.horizon_targets,
            "branch": self.branch,
            "readout": self.readout,
            "anchor_shift": self.anchor_shift,
            "flip": self.flip,
            "pending": self.pending,
            **({"anchor_key": self.anchor_key} if self.anchor_key else {}),
            **({"anchor_from": self.anchor_from} if self.anchor_from != "all" else {}),
            **({"distractors": self.distractors} if self.distractors != 6 else {}),
            **({"line": self.line} if self.line else {}),
            **({"key_targets": True} if self.key_targets else {}),
            **({"straight": self.straight} if self.straight else {}),
            **({"factored": True} if self.factored else {}),
        }

    def class_factors(self) -> list[list[int]] | None:
        return kinship_factors(self.classes) if self.factored else None

    # -- encoding ------------------------------------------------------------------------------------------
    def unknown_words(self, problem: RelationalProblem) -> set[str]:
        """Relation words this model has no embedding for (fine-tuning adds them)."""
        rels = [f.relation for f in problem.facts] + ([problem.relation] if problem.relation else [])
        return {w for r in rels for w in relation_words(r) if w not in self.word_id}

    def _rel_ids(self, relation: str) -> list[int]:
        return [self.word_id.get(w, UNK) for w in relation_words(relation)]

    def _layout(
        self, p: RelationalProblem, slot_order: np.ndarray | None
    ) -> tuple[list[int], list[int], list[int], list[int], list[int], dict[str, int]]:
        """tokens, sentence ids, entity ids (-1 for words), in-sentence positions, token kinds; and the slots."""
        people: dict[str, int] = {}
        for f in p.facts:
            people.setdefault(f.subject, len(people))
            people.setdefault(f.object, len(people))
        people.setdefault(p.subject, len(people))
        people.setdefault(p.object, len(people))
        if len(people) > N_SLOTS:
            raise LimitError(f"the story names {len(people)} people; this model handles at most {N_SLOTS}")
        order = slot_order if slot_order is not None else np.arange(N_SLOTS)
        slot = {name: int(order[i]) for name, i in people.items()}
        toks: list[int] = []
        sent: list[int] = []
        ent: list[int] = []
        pos: list[int] = []
        kind: list[int] = []
        paper = self.interface == "paper"

        def emit(sentence: list[tuple[int, int, int]], sid: int) -> None:
            for i, (t, e, k) in enumerate(sentence):
                toks.append(t)
                sent.append(sid)
                ent.append(e)
                pos.append(len(pos) if paper else i)
                kind.append(k)

        def person(name: str) -> tuple[int, int, int]:
            return (self.word_id[f"[E{slot[name]}]"], people[name], MENTION)

        w = self.word_id
        for sid, f in enumerate(p.facts):
            rel = [(t, -1, 0) for t in self._rel_ids(f.relation)]
            if paper:
                is_the = [(w["is"], -1, 0), (w["the"], -1, 0)]
                emit(
                    [person(f.subject), *is_the, *rel, (w["of"], -1, 0), person(f.object), (w["."], -1, 0)],
                    sid,
                )
            else:
                emit([person(f.subject), *rel, person(f.object)], sid)
        qrel = [(t, -1, QUERY_WORD) for t in self._rel_ids(p.relation)] if p.relation else []
        if paper:
            head = [(w["query"], -1, 0), (w[":"], -1, 0)]
            mid = [(w["is"], -1, 0), (w["the"], -1, 0), *(qrel or [(Q_OPEN, -1, 0)]), (w["of"], -1, 0)]
            emit([*head, person(p.subject), *mid, person(p.object), (ANS, -1, 0)], len(p.facts))
        else:
            q = Q_YESNO if p.relation else Q_OPEN
            tail = [(ANS, -1, 0)] if self.readout == "answer" else []
            emit([(q, -1, 0), person(p.subject), *qrel, person(p.object), *tail], len(p.facts))
        return toks, sent, ent, pos, kind, people

    def _targets(self, p: RelationalProblem, shift: int = 0) -> tuple[dict[str, int], int | None, int | None]:
        """Class of every person, of the question's relation word, and of the answer (paper residues moved by
        the anchor's shift)."""
        cid = self.class_id
        per: dict[str, int] = {}
        word_cls = ans_cls = None
        if p.family == "paper" or self.family == "paper":
            offsets = generation_offsets(p.facts, p.object)
            for name, off in offsets.items():
                per[name] = cid["other"] if off is None else cid[f"r{(off + shift) % RESIDUES}"]
            if p.relation is not None and p.relation.lower() in OFFSET_OF_WORD:
                word_cls = cid[f"r{(OFFSET_OF_WORD[p.relation.lower()] + shift) % RESIDUES}"]
        else:
            # every mention holds its person's term relative to the anchor, gendered when a fact says how
            start = START_KEYS[shift]
            for name, key in kin_keys(p.facts, p.object, start).items():
                term = "self" if key == "self" else term_for(key, gender_of(p.facts, name))
                term = self.key_classes.get(key, term)
                per[name] = cid.get(term, cid["other"])
            if p.relation is not None:
                word_cls = cid.get(p.relation.lower())
        exact = solve_exact(p)
        if isinstance(exact, bool):
            ans_cls = cid["yes" if exact else "no"]
        elif exact is not None:
            ans_cls = cid.get(exact)
        return per, word_cls, ans_cls

    def encode(
        self,
        problems: list[RelationalProblem],
        with_labels: bool = False,
        rng: np.random.Generator | None = None,
        within: int | None = None,
        shifts: list[int] | None = None,
    ) -> Batch:
        """Tokens, roles and attention mask; with labels, the dense final-step targets, limited to what the
        anchor reaches within `within` steps when given (training with `horizon_targets`)."""
        layouts = [self._layout(p, rng.permutation(N_SLOTS) if rng is not None else None) for p in problems]
        shifts = shifts or [0] * len(problems)
        B, L = len(problems), max(len(lay[0]) for lay in layouts)
        tokens = torch.zeros(B, L, dtype=torch.long)
        sent = torch.full((B, L), -1, dtype=torch.long)
        ent = torch.full((B, L), -1, dtype=torch.long)
        positions = torch.zeros(B, L, dtype=torch.long)
        roles = torch.zeros(B, L, dtype=torch.long)
        answer = torch.zeros(B, dtype=torch.long)
        for b, (p, (toks, sids, ents, pos, _kind, people)) in enumerate(zip(problems, layouts, strict=True)):
            n = len(toks)
            tokens[b, :n] = torch.tensor(toks)
            sent[b, :n] = torch.tensor(sids)
            ent[b, :n] = torch.tensor(ents)
            positions[b, :n] = torch.tensor(pos)
            # the question sentence is last: [Q] subject relation anchor [ANS]
            answer[b] = n - 1 if self.readout == "answer" else sids.index(len(p.facts)) + 1
            if self.interface == "structured":
                e, in_q = ent[b, :n], sent[b, :n] == len(p.facts)
                roles[b, :n][(e == people[p.subject]) & in_q] = ROLE_SUBJECT
                roles[b, :n][e == people[p.object]] = ROLE_ANCHOR + shifts[b]
        valid = tokens > 0
        if self.interface == "structured":
            same_sent = sent[:, :, None] == sent[:, None, :]
            same_ent = (ent[:, :, None] == ent[:, None, :]) & (ent[:, :, None] >= 0)
            # the question reads the story but never writes into it: facts alone carry relations outward
            # from the anchor (otherwise the question's sentence would link its two people in one step)
            in_q = sent == sent.max(dim=1, keepdim=True).values
            same_ent &= ~(~in_q[:, :, None] & in_q[:, None, :])
            mask = (same_sent | same_ent) & valid[:, None, :] & valid[:, :, None]
        else:
            mask = valid[:, None, :] & valid[:, :, None]
        mask |= torch.eye(L, dtype=torch.bool)
        labels = accept = None
        if with_labels:
            hops = self._hops(mask, roles, sent) if within is not None else None
            labels = torch.full((B, L), IGNORE, dtype=torch.long)
            for b, (p, lay) in enumerate(zip(problems, layouts, strict=True)):
                reached = hops[b] <= within if hops is not None else None
                self._label(labels[b], p, lay, reached, shifts[b])
            accept = self._accept(problems) if self.readout == "subject" else None
        return Batch(
            tokens=tokens,
            roles=roles,
            mask=mask,
            valid=valid,
            answer_index=answer,
            positions=positions,
            labels=labels,
            accept=accept,
            watch=ent >= 0,  # mentions hold their person's relation; relation words hold no target
        )

    def _hops(self, mask: torch.Tensor, roles: torch.Tensor, sent: torch.Tensor) -> torch.Tensor:
        """Thinking steps before each token can hold its relation to the anchor: hops from the anchor's story
        mentions over the story's attention (then one more for an answer token after the question's subject)."""
        in_q = sent == sent.max(dim=1, keepdim=True).values
        story_mask = mask & ~(in_q[:, :, None] & in_q[:, None, :]) | torch.eye(
            mask.shape[1], dtype=torch.bool
        )
        hops = hops_from(story_mask, (roles >= ROLE_ANCHOR) & ~in_q)
        if self.readout != "answer":
            return hops
        subject = torch.where((roles == ROLE_SUBJECT) & in_q, hops, hops.new_tensor(mask.shape[1] + 1))
        answer = (sent >= 0).sum(-1) - 1
        hops[torch.arange(len(hops)), answer] = subject.min(-1).values + 1
        return hops

    def _label(
        self,
        row: torch.Tensor,
        p: RelationalProblem,
        layout: tuple,
        reached: torch.Tensor | None,
        shift: int = 0,
    ) -> None:
        """Fill one example's labels in place: every mention, the question's relation word, the answer."""
        toks, _sids, ents, _pos, kind, people = layout
        per, word_cls, ans_cls = self._targets(p, shift)
        other = self.class_id["other"]
        names = {i: name for name, i in people.items()}
        for i in range(len(toks)):
            if kind[i] == MENTION:
                row[i] = per.get(names[ents[i]], other)
                if reached is not None and not reached[i]:  # the anchor's relations have not arrived here yet
                    row[i] = self.class_id["pending"] if self.pending and row[i] != other else other
                if row[i] == other and not self.unreached_target:
                    row[i] = IGNORE
            elif kind[i] == QUERY_WORD and word_cls is not None:
                row[i] = word_cls
        n = len(toks)
        if ans_cls is not None and self.readout == "answer":
            row[n - 1] = ans_cls
            if reached is not None and not reached[n - 1]:
                # the subject is not reached yet: a yes/no question is "no" so far, an open one has no answer
                row[n - 1] = self.class_id["no"] if p.relation is not None else IGNORE

    def matching(self, asked: str) -> list[int]:
        """The classes a subject may hold for "Is X Y's <asked>?" to be yes (a neutral word accepts every gender)."""
        ids = self._matching(asked)
        if self.key_targets:  # a term's second key ("term@b3.2") answers to the term too
            terms = {self.classes[i] for i in ids}
            ids += [self.class_id[c] for c in self.key_classes.values() if c.split("@")[0] in terms]
        return ids

    def _matching(self, asked: str) -> list[int]:
        asked = asked.lower()
        if self.family == "paper":
            k = OFFSET_OF_WORD.get(asked)
            return [] if k is None else [self.class_id[f"r{k % RESIDUES}"]]
        if GENDER_OF_TERM.get(asked, "?") is None:
            key = KEY_OF_TERM[asked]
            return [self.class_id[t] for t in KIN_TERMS if KEY_OF_TERM[t] == key and t in self.class_id]
        return [self.class_id[asked]] if asked in self.class_id else []

    def _accept(self, problems: list[RelationalProblem]) -> torch.Tensor:
        """(B, C): the subject classes that make each decoded answer equal the exact one."""
        accept = torch.zeros(len(problems), self.n_classes, dtype=torch.bool)
        for b, p in enumerate(problems):
            exact = solve_exact(p)
            if isinstance(exact, bool):
                accept[b, self.matching(p.relation or "")] = True
                if not exact:
                    accept[b] = ~accept[b]
            elif exact in self.class_id:
                accept[b, self.matching(exact) if self.key_targets else self.class_id[exact]] = True
        return accept

    def decode(self, probs: torch.Tensor, problems: list[RelationalProblem]) -> list[Answer]:
        """Open questions name the most likely term; yes/no asks the answer token (readout "answer") or whether
        the subject holds the asked relation (readout "subject")."""
        yes, no = self.class_id["yes"], self.class_id["no"]
        answers = (
            set(KIN_TERMS if self.family == "kinship" else [])
            | set(self.extra_classes)
            | set(self.key_classes.values())
        ) - {"yes", "no"}
        open_ids = torch.tensor([self.class_id[c] for c in self.classes if c in answers], dtype=torch.long)
        out: list[Answer] = []
        held = self.answer_class(probs).tolist()
        for pr, p, cls in zip(probs, problems, held, strict=True):
            if p.relation is not None and self.readout == "subject":
                out.append(cls in self.matching(p.relation))
            elif p.relation is not None:
                out.append(bool(pr[yes] > pr[no]))
            elif len(open_ids):
                out.append(self.classes[int(open_ids[pr[open_ids].argmax()])].split("@")[0])
            else:
                out.append(None)
        return out

    def answer_prob(self, probs: torch.Tensor, problems: list[RelationalProblem]) -> torch.Tensor:
        """The probability of the decoded answer: for a yes/no question read from the subject, the mass of every
        class that gives that answer (all the asked relation's terms for "yes", all others but "pending" for
        "no"), not only the most likely class's; for an open question, the named term's."""
        out = super().answer_prob(probs, problems).clone()
        answers = self.decode(probs, problems)
        pending = self.class_id.get("pending") if self.pending else None
        for b, (p, a) in enumerate(zip(problems, answers, strict=True)):
            if p.relation is not None and self.readout == "subject":
                match = torch.zeros(self.n_classes, dtype=torch.bool, device=probs.device)
                match[self.matching(p.relation)] = True
                if not a:
                    match = ~match
                    if pending is not None:
                        match[pending] = False
                out[b] = probs[b][match].sum()
            elif p.relation is not None:
                out[b] = probs[b, self.class_id["yes" if a else "no"]]
            elif isinstance(a, str) and a in self.class_id:  # the term's own class and its second key's
                same = [self.class_id[a]] + [
                    self.class_id[c] for c in self.key_classes.values() if c.split("@")[0] == a
                ]
                out[b] = probs[b, same].sum()
        return out.clamp(0.0, 1.0)

    def needed_steps(self, problem: RelationalProblem) -> int | None:
        """Two steps per fact on the shortest chain between the two people, plus two for the question (None
        when no chain links them)."""
        adj = _moves(problem.facts)
        dist = {problem.object: 0}
        queue = deque([problem.object])
        while queue:
            u = queue.popleft()
            for v, _ in adj.get(u, []):
                if v not in dist:
                    dist[v] = dist[u] + 1
                    queue.append(v)
        hops = dist.get(problem.subject)
        return None if hops is None else 2 * hops + 2

    def answer_class(self, probs: torch.Tensor) -> torch.Tensor:
        """The class the answer token holds; "pending" is never an answer."""
        if not self.pending:
            return probs.argmax(-1)
        return probs.index_fill(
            1, torch.tensor([self.class_id["pending"]], device=probs.device), -1.0
        ).argmax(-1)

    def exact(self, problem: RelationalProblem) -> Answer:
        return solve_exact(problem)

    def check(self, problem: RelationalProblem) -> None:
        """Relation words this model never learned would be guesses: refuse them, naming the words."""
        unknown = sorted(self.unknown_words(problem))
        if unknown:
            raise ParseError(
                f"this model does not know the relation word(s) {', '.join(map(repr, unknown[:8]))}; state the "
                "facts with family words (mother, son, sister, husband, ...) or fine-tune a model on your "
                "relations (drt-agent finetune)"
            )

    def extended(self, problems: list[RelationalProblem], answers: list[Answer]) -> RelationalTask:
        """A copy with embeddings for unseen relation words and readout classes for unseen answers."""
        words = list(dict.fromkeys(w for p in problems for w in sorted(self.unknown_words(p))))
        labels = [("yes" if a else "no") if isinstance(a, bool) else str(a) for a in answers]
        if (
            self.readout == "subject"
        ):  # yes/no questions are answered by the subject holding the asked relation
            asked = [
                p.relation.lower() for p, a in zip(problems, answers, strict=True) if a is True and p.relation
            ]
            labels = [str(a) for a in answers if not isinstance(a, bool)] + asked
        new_answers = [a for a in dict.fromkeys(labels) if a not in self.class_id]
        if not words and not new_answers:
            return self
        knobs = {
            **self.knobs(),
            "extra_words": self.extra_words + words,
            "extra_classes": self.extra_classes + new_answers,
        }
        return type(self)(**knobs)

    def answer_targets(
        self, problems: list[RelationalProblem], answers: list[Answer]
    ) -> tuple[torch.Tensor, torch.Tensor | None]:
        """Subject readout: an open answer or a "yes" labels the subject with the (asked) relation; a "no" only
        says the subject does not hold the asked relation, which the second tensor carries."""
        gold = torch.full((len(problems),), IGNORE, dtype=torch.long)
        avoid = torch.zeros(len(problems), self.n_classes, dtype=torch.bool)
        for b, (p, a) in enumerate(zip(problems, answers, strict=True)):
            if self.readout == "answer":
                gold[b] = self.class_id[("yes" if a else "no") if isinstance(a, bool) else str(a)]
            elif not isinstance(a, bool):
                gold[b] = self.class_id[str(a)]
            else:
                match = self.matching(p.relation or "")
                if not a:
                    avoid[b, match] = True
                elif len(match) == 1:
                    gold[b] = match[0]
        return gold, avoid

    def length(self, problem: RelationalProblem) -> int:
        return len(self._layout(problem, None)[0])  # every word and mention of every fact, and the question

    def answered(self, probs: torch.Tensor) -> torch.Tensor | None:
        """The subject names a relation: the anchor's relations have reached it ("other" until then)."""
        return self.answer_class(probs) != self.class_id["other"] if self.settle == "answer" else None

    def is_final(self, probs: torch.Tensor) -> torch.Tensor:
        """With a pending class the subject says when its relation is in; without one no answer is monotone
        in thinking steps and only the state-settling rule stops."""
        if not self.pending:
            return torch.zeros(len(probs), dtype=torch.bool, device=probs.device)
        return probs[:, self.class_id["pending"]] < 0.5

    def step_limit(self, batch: Batch, max_steps: int) -> torch.Tensor:
        # one fact is one hop, two steps; the question adds two; per example, so batching never changes an answer
        if self.pending or self.settle == "answer":  # a safety bound only: the model says when it is done
            return (batch.valid.sum(-1) + 8).clamp(max=max_steps)
        n_facts = batch.valid.sum(-1) // 3 + 1
        return (2 * n_facts + 8).clamp(max=max_steps)

    # -- data ----------------------------------------------------------------------------------------------
    def sample(
        self,
        n: int,
        complexity: int | tuple[int, int],
        rng: np.random.Generator,
        steps: int | None = None,
        **_: Any,
    ) -> tuple[list[RelationalProblem], Batch]:
        lo, hi = (complexity, complexity) if isinstance(complexity, int) else complexity
        ks = [int(rng.integers(lo, hi + 1)) for _ in range(n)]
        if self.family == "paper":
            flip = self.flip if steps else 0.0  # evaluation batches keep the paper's own orientation
            problems = [paper_problem(rng, k, i % 2 == 0, self.branch, flip) for i, k in enumerate(ks)]
        else:
            # training batches only: more extra relatives, in lines (defaults: today's stories)
            extra, line, straight = (
                ((2, self.distractors), self.line, self.straight) if steps else ((2, 6), 0.0, 0.0)
            )
            problems = [kinship_problem(rng, k, self.open_fraction, extra, line, straight) for k in ks]
        within = steps if self.horizon_targets else None
        # a step count marks a training batch; evaluation batches keep the anchor at residue 0
        shifts = (
            [int(v) for v in rng.integers(0, RESIDUES, len(problems))]
            if self.anchor_shift and steps
            else None
        )
        if self.anchor_key and steps:  # kinship: some anchors start at a random key (0 = "self")
            shifts = [
                int(rng.choice(self.start_ids)) if rng.random() < self.anchor_key else 0 for _ in problems
            ]
        batch = self.encode(problems, with_labels=True, rng=rng, within=within, shifts=shifts)
        batch.complexity = torch.tensor(ks)
        return problems, batch

    @classmethod
    def train_defaults(cls) -> dict[str, Any]:
        return {
            "iters": 4000,
            "batch_size": 32,
            "lr": 2e-3,
            "steps": (2, 40),
            "complexity": (1, 4),
            "core": {"d_model": 64, "n_heads": 4, "d_ff": 128, "rope": True},
            # lines of extra relatives carry the anchor's relations past the question's 1-4 facts, and the second
            # key of a two-key term is its own class (docs/results/relational_depth.md: 5-10 facts .97-.34 -> .99-.71)
            "task_knobs": {
                "horizon_targets": True,
                "readout": "subject",
                "distractors": 14,
                "line": 0.6,
                "key_targets": True,
            },
        }


class PaperRelationalTask(RelationalTask):
    """The paper's protocol (chains of parent/child facts, yes/no on the offset) with the structured interface."""

    name = "relational-paper"

    def __init__(self, family: str = "paper", interface: str = "structured", **kw: Any) -> None:
        super().__init__(family=family, interface=interface, **kw)

    @classmethod
    def train_defaults(cls) -> dict[str, Any]:
        return {
            "iters": 1500,
            "batch_size": 32,
            "lr": 2e-3,
            "steps": (2, 32),
            "complexity": (2, 5),
            "core": {"d_model": 64, "n_heads": 4, "d_ff": 128, "rope": True, "feedback": True},
            "task_knobs": {"horizon_targets": True, "readout": "subject", "anchor_shift": True},
        }


class PaperSequenceTask(PaperRelationalTask):
    """The paper's own interface: its word sequence, full attention, relative positions, answer token only."""

    name = "relational-paper-seq"

    def __init__(self, family: str = "paper", interface: str = "paper", **kw: Any) -> None:
        super().__init__(family=family, interface=interface, **kw)

    @classmethod
    def train_defaults(cls) -> dict[str, Any]:
        # the paper's recipe: no horizon, answer token, no feedback, no anchor shift
        base = super().train_defaults()
        return {
            **base,
            "steps": (1, 12),
            "dense_targets": False,
            "task_knobs": {},
            "core": {**base["core"], "feedback": False},
        }
