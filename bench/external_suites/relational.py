"""Kinship stories the project did not write, scored as written against an independent genealogy oracle.

- `rg_family`: reasoning-gym's `family_relationships` generator (a third-party dev extra), its items verbatim.
  Expected answers come from the generator's own family tree (rebuilt from its seed) through `kinship_oracle`
  below, which reads ancestors and marriages, not the project's solver. Genders are those a reader can know:
  reasoning-gym's stories never state a gender, so the subject's gender comes from the first name through the
  kept list (parsers/kinship_names.py); a name the list gives to both genders or does not know gets the neutral
  term. Where reasoning-gym's own label differs, the item's bucket says why (its label is kept as "label"):
    * "rg label reversed (in-law)": for "What is X to Y?" with Y the parent of X's spouse it labels Y's relation
      to X (mother-in-law) instead of X's to Y (daughter-in-law / son-in-law);
    * "rg label gendered by the other person (niece/nephew)": it picks niece/nephew by Y's gender, not X's;
    * "gender only in rg's name list": the name is unisex or unknown to the kept list, so the text does not say.
- `clutrr_style`: a re-implementation (no CLUTRR code or data is used; CLUTRR is CC BY-NC) of CLUTRR-like
  stories: a chain of 2-10 kinship facts told through activities and varied verbs ("Ruth baked a cake for her
  daughter Heather."), appositions, pronouns, couples ("They have a child called ..."), in-laws and spouses,
  in sentences, lines and paragraphs, with open and yes/no questions. Expected answers: `kinship_oracle` on
  the generated tree.
"""

from __future__ import annotations

import random
import sys
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

Item = dict[str, Any]


# -- an independent oracle: relations read off a family tree -------------------------------------------------
@dataclass(eq=False)
class Person:
    name: str
    gender: str  # 'f' or 'm'
    parents: list[Person] = field(default_factory=list)
    children: list[Person] = field(default_factory=list)
    spouse: Person | None = None


def _ancestors(p: Person) -> dict[int, tuple[Person, int]]:
    """id -> (ancestor, generations up), self included at 0 (nearest first)."""
    out = {id(p): (p, 0)}
    queue = deque([p])
    while queue:
        u = queue.popleft()
        for par in u.parents:
            if id(par) not in out:
                out[id(par)] = (par, out[id(u)][1] + 1)
                queue.append(par)
    return out


def _word(gender: str | None, female: str, male: str, neutral: str) -> str:
    return female if gender == "f" else male if gender == "m" else neutral


def _blood(up: int, down: int, g: str | None) -> str | None:
    """The term for someone `down` generations below an ancestor `up` generations above the anchor."""
    greats = lambda n: "great-" * n  # noqa: E731
    if up == 0 and down == 0:
        return None
    if up == 0 or down == 0:
        n = up or down
        base = ("mother", "father", "parent") if down == 0 else ("daughter", "son", "child")
        word = _word(g, *base)
        return word if n == 1 else greats(n - 2) + "grand" + word
    if up == 1 and down == 1:
        return _word(g, "sister", "brother", "sibling")
    if down == 1:
        return greats(up - 2) + _word(g, "aunt", "uncle", "aunt or uncle")
    if up == 1:
        return greats(down - 2) + _word(g, "niece", "nephew", "niece or nephew")
    degree, removed = min(up, down) - 1, abs(up - down)
    ordinal = ["first", "second", "third", "fourth", "fifth", "sixth"][degree - 1]
    times = {0: "", 1: " once removed", 2: " twice removed"}.get(removed, f" {removed} times removed")
    return f"{ordinal} cousin{times}"


def _blood_key(subject: Person, anchor: Person) -> tuple[int, int] | None:
    """(generations up from the anchor, down to the subject) through their nearest common ancestor."""
    a_anc, s_anc = _ancestors(anchor), _ancestors(subject)
    common = [(a_anc[k][1], s_anc[k][1]) for k in a_anc if k in s_anc]
    return min(common, key=lambda t: (t[0] + t[1], t[0])) if common else None


def kinship_oracle(subject: Person, anchor: Person, gender: str | None) -> str | None:
    """How `subject` is related to `anchor` in the tree, worded with `gender` (None: the neutral term); None
    when the tree relates them in no way the terms below name (e.g. a spouse's cousin)."""
    key = _blood_key(subject, anchor)
    if key is not None:
        return _blood(*key, gender)
    if anchor.spouse is subject:
        return _word(gender, "wife", "husband", "spouse")
    spouse = anchor.spouse
    if spouse is not None and subject in spouse.parents:
        return _word(gender, "mother-in-law", "father-in-law", "parent-in-law")
    siblings = lambda p: {id(c) for par in p.parents for c in par.children if c is not p}  # noqa: E731
    if (spouse is not None and id(subject) in siblings(spouse)) or (
        subject.spouse is not None and id(subject.spouse) in siblings(anchor)
    ):
        return _word(gender, "sister-in-law", "brother-in-law", "sibling-in-law")
    if subject.spouse is not None and subject.spouse in anchor.children:
        return _word(gender, "daughter-in-law", "son-in-law", "child-in-law")
    if subject.spouse is not None:  # an aunt's husband is an uncle (by marriage)
        k = _blood_key(subject.spouse, anchor)
        if k is not None and k[1] == 1 and k[0] >= 2:
            return _blood(k[0], 1, gender)
    return None


def visible_gender(name: str) -> str | None:
    """The gender a reader can know from a first name alone (the kept list), else None."""
    from parsers.kinship_lexicon import name_gender

    g = name_gender(name)
    return g if g in ("f", "m") else None


# -- reasoning-gym --------------------------------------------------------------------------------------------
def _rg_tree(ds: Any, idx: int) -> dict[str, Person]:
    """The family reasoning-gym drew for item idx, rebuilt from its seed as its generator does."""
    rng = random.Random(ds.seed + idx)
    size = rng.randint(ds.config.min_family_size, ds.config.max_family_size)
    family = ds._generate_family(rng, size)
    people = {
        p.name: Person(p.name, "f" if getattr(p.gender, "value", p.gender) == "female" else "m")
        for p in family
    }
    for p in family:
        me = people[p.name]
        me.parents = [people[q.name] for q in p.parents]
        me.children = [people[q.name] for q in p.children]
        me.spouse = people[p.spouse.name] if p.spouse else None
    return people


def rg_family(n: int | None, seed: int) -> list[Item]:
    try:
        import reasoning_gym
    except ImportError as exc:  # a dev extra
        raise SystemExit("reasoning-gym is not installed: pip install -e '.[dev]'") from exc
    ds = reasoning_gym.create_dataset("family_relationships", size=n or 300, seed=seed)
    items = []
    for idx in range(len(ds)):
        it = ds[idx]
        meta = it["metadata"]
        tree = _rg_tree(ds, idx)
        subject, anchor = tree[meta["person1"]], tree[meta["person2"]]
        expected = kinship_oracle(subject, anchor, visible_gender(subject.name))
        label = it["answer"]
        true_gender = kinship_oracle(subject, anchor, subject.gender)
        if expected == label:
            bucket = "rg label agrees"
        elif label.endswith("-in-law") and true_gender and true_gender.endswith("-in-law"):
            bucket = "rg label reversed (in-law)"
        elif label in ("niece", "nephew") and true_gender in ("niece", "nephew"):
            bucket = "rg label gendered by the other person"
        elif true_gender == label:
            bucket = "gender only in rg's name list"
        else:
            bucket = "rg label differs (other)"
        items.append({"text": it["question"], "expected": expected, "bucket": bucket, "label": label})
    return items


SUITES = {"rg_family": rg_family}
