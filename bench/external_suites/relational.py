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


# -- CLUTRR-style stories (re-implemented) -------------------------------------------------------------------
FEMALE_NAMES = [
    "Ruth",
    "Heather",
    "Amy",
    "Carolyn",
    "Amanda",
    "Linda",
    "Karen",
    "Betty",
    "Helen",
    "Sandra",
    "Donna",
    "Carol",
    "Sharon",
    "Michelle",
    "Laura",
    "Sarah",
    "Kimberly",
    "Deborah",
    "Jessica",
    "Shirley",
    "Cynthia",
    "Angela",
    "Melissa",
    "Brenda",
    "Anna",
    "Rebecca",
    "Kathleen",
    "Martha",
    "Debra",
    "Amber",
    "Stephanie",
    "Rachel",
    "Janet",
    "Catherine",
    "Frances",
    "Christine",
    "Joyce",
    "Diane",
    "Alice",
    "Julie",
    "Gloria",
    "Evelyn",
    "Cheryl",
    "Mildred",
]
MALE_NAMES = [
    "Dan",
    "Tom",
    "Michael",
    "James",
    "Robert",
    "John",
    "William",
    "David",
    "Richard",
    "Charles",
    "Joseph",
    "Thomas",
    "Christopher",
    "Paul",
    "Mark",
    "Donald",
    "George",
    "Kenneth",
    "Steven",
    "Edward",
    "Brian",
    "Ronald",
    "Anthony",
    "Kevin",
    "Jason",
    "Matthew",
    "Gary",
    "Timothy",
    "Jose",
    "Larry",
    "Jeffrey",
    "Frank",
    "Scott",
    "Eric",
    "Stephen",
    "Andrew",
    "Raymond",
    "Gregory",
    "Joshua",
    "Jerry",
    "Dennis",
    "Walter",
    "Patrick",
    "Peter",
    "Harold",
]
WORDS = {
    "U": ("mother", "father"),
    "D": ("daughter", "son"),
    "S": ("sister", "brother"),
    "P": ("wife", "husband"),
}
INVERSE_MOVE = {"U": "D", "D": "U", "S": "S", "P": "P"}
COMPOUNDS = {
    ("U", "U"): ("grandmother", "grandfather"),
    ("D", "D"): ("granddaughter", "grandson"),
    ("P", "U"): ("mother-in-law", "father-in-law"),
    ("D", "P"): ("daughter-in-law", "son-in-law"),
    ("P", "S"): ("sister-in-law", "brother-in-law"),
    ("U", "S"): ("aunt", "uncle"),
    ("S", "D"): ("niece", "nephew"),
}
# a move may not follow these (the story would not settle the relation: a child's other parent, a parent's
# spouse, a spouse's child, a second spouse)
FORBIDDEN = {("D", "U"), ("U", "P"), ("P", "D"), ("P", "P")}
# (x, y, rel): y is x's rel. Each template is one unit: sentences that stay together.
TEMPLATES = [
    "{x} baked a cake for {xp} {rel} {y}.",
    "{x} took {xp} {rel} {y} fishing.",
    "{x} went to the park with {xp} {rel}, {y}.",
    "{x} called {xp} {rel} {y} to say hello.",
    "{y} is {x}'s {rel}.",
    "{x}'s {rel} {y} came over for dinner.",
    "{x}'s {rel}, {y}, loves to read.",
    "{y}, {x}'s {rel}, was visiting for the weekend.",
    "{y} is the {rel} of {x}.",
    "{x} and {xp} {rel} {y} went shopping for groceries.",
    "{x} bought a present for {xp} {rel} {y}.",
    "{x} loves to garden. {X} and {xp} {rel} {y} planted roses in the spring.",
    "{x} was tired after work. {X} asked {xp} {rel} {y} to cook dinner.",
    "{x} has a {rel} named {y}.",
    "{x} has a {rel} called {y}.",
    "{x}'s {rel} is {y}.",
    "{x} drove {xp} {rel} {y} to the airport on Friday.",
    "{x} and {xp} {rel}, {y}, watched a movie together.",
]
INVERSE_TEMPLATES = [  # told from y's side: x is y's inverse relation
    "{y} made breakfast for {yp} {inv} {x}.",
    "{y} asked {yp} {inv} {x} for help with homework.",
    "{y} sent a letter to {yp} {inv}, {x}.",
]
SPOUSE_TEMPLATES = [
    "{x} is married to {y}.",
    "{x} and {y} got married last year.",
    "{x} married {y} in June.",
]
COUPLE_TEMPLATES = [
    "{x} is married to {w}. They have a child called {y}.",
    "{x} and {w} are married. They have a child named {y}.",
    "{x} and {xp} {wrel} {w} took their {rel} {y} to the zoo.",
]
OPEN_QUESTIONS = [
    "How is {z} related to {a}?",
    "What is {z} to {a}?",
    "Who is {z} to {a}?",
    "What relation is {z} to {a}? Answer with one word.",
    "{z} is {a}'s what?",
    "How is {z} related to {a}? Respond with the relationship only.",
]


@dataclass
class _Story:
    people: dict[str, Person]
    units: list[str]


def _draw_names(rng: random.Random) -> tuple[list[str], list[str]]:
    f = [n for n in FEMALE_NAMES if visible_gender(n) == "f"]
    m = [n for n in MALE_NAMES if visible_gender(n) == "m"]
    rng.shuffle(f)
    rng.shuffle(m)
    return f, m


def _moves(rng: random.Random, k: int) -> list[str]:
    while True:
        moves = [rng.choice("UDSP") for _ in range(k)]
        if not any((a, b) in FORBIDDEN for a, b in zip(moves, moves[1:], strict=False)):
            return moves


def _materialise(people: dict[str, Person], x: Person, move: str, y: Person) -> None:
    """Make y x's parent / child / sibling / spouse in the tree (siblings share one parents list)."""
    if move == "U":
        hidden = [p for p in x.parents if p.name.startswith("_")]
        if hidden:
            x.parents[x.parents.index(hidden[0])] = y
        else:
            x.parents.append(y)
    elif move == "D":
        y.parents = [x]
    elif move == "S":
        if not x.parents:
            h = Person(f"_p{len(people)}", "f")
            people[h.name] = h
            x.parents.append(h)
        y.parents = x.parents
    else:
        x.spouse, y.spouse = y, x


def _story(rng: random.Random, k: int, compound: float = 0.0) -> tuple[_Story, Person, Person]:
    """A chain of k moves between named people (CLUTRR's protocol: every fact one edge of the family tree);
    with `compound` > 0 two moves are sometimes told as one word ('grandmother') whose middle person is unnamed."""
    females, males = _draw_names(rng)

    def new(gender: str | None = None) -> Person:
        g = gender or rng.choice("fm")
        return Person((females if g == "f" else males).pop(), g)

    moves = _moves(rng, k)
    chain = [new()]
    people = {chain[0].name: chain[0]}
    for m in moves:
        y = new()
        people[y.name] = y
        _materialise(people, chain[-1], m, y)
        chain.append(y)
    units: list[str] = []
    i = 0
    while i < len(moves):
        x, m = chain[i], moves[i]
        pair = tuple(moves[i : i + 2])
        if compound and len(pair) == 2 and pair in COMPOUNDS and rng.random() < compound:
            z = chain[i + 2]
            rel = COMPOUNDS[pair][z.gender == "m"]  # type: ignore[index]
            units.append(_render(rng, x, rel, z, TEMPLATES[4:5] + TEMPLATES[8:9] + TEMPLATES[15:16]))
            del people[chain[i + 1].name]  # the middle person is never named
            chain[i + 1].name = f"_{chain[i + 1].name}"
            people[chain[i + 1].name] = chain[i + 1]
            i += 2
            continue
        units.append(_fact_unit(rng, people, x, m, chain[i + 1], new))
        i += 1
    for _ in range(rng.randint(0, 2)):  # distractors hang off named people: no new path between the two asked
        x = rng.choice([p for p in chain if not p.name.startswith("_")])
        m = rng.choice("DS" if x.spouse else "DSP")
        y = new()
        people[y.name] = y
        _materialise(people, x, m, y)
        units.append(_fact_unit(rng, people, x, m, y, new))
    if rng.random() < 0.5:
        rng.shuffle(units)
    for p in people.values():
        p.children = [c for c in people.values() if p in c.parents]
    return _Story(people, units), chain[-1], chain[0]


def _render(rng: random.Random, x: Person, rel: str, y: Person, templates: list[str]) -> str:
    t = rng.choice(templates)
    xp = "her" if x.gender == "f" else "his"
    return t.format(x=x.name, y=y.name, rel=rel, xp=xp, X="She" if x.gender == "f" else "He")


def _fact_unit(rng: random.Random, people: dict[str, Person], x: Person, m: str, y: Person, new: Any) -> str:
    rel = WORDS[m][y.gender == "m"]
    if m == "P":
        return rng.choice(SPOUSE_TEMPLATES).format(x=x.name, y=y.name)
    if m == "D" and x.spouse is None and rng.random() < 0.3:
        w = new("m" if x.gender == "f" else "f")
        people[w.name] = w
        x.spouse, w.spouse = w, x
        y.parents.append(w)
        t = rng.choice(COUPLE_TEMPLATES)
        return t.format(
            x=x.name, y=y.name, w=w.name, rel=rel, xp="her" if x.gender == "f" else "his",
            wrel=WORDS["P"][w.gender == "m"],
        )  # fmt: skip
    if rng.random() < 0.2:
        inv = WORDS[INVERSE_MOVE[m]][x.gender == "m"]
        t = rng.choice(INVERSE_TEMPLATES)
        return t.format(x=x.name, y=y.name, inv=inv, yp="her" if y.gender == "f" else "his")
    return _render(rng, x, rel, y, TEMPLATES)


def _near_miss(rng: random.Random, term: str) -> str:
    swaps = {
        "mother": "father", "father": "mother", "son": "daughter", "daughter": "son", "aunt": "uncle",
        "uncle": "aunt", "niece": "nephew", "nephew": "niece", "brother": "sister", "sister": "brother",
        "wife": "husband", "husband": "wife", "grandmother": "mother", "grandfather": "father",
    }  # fmt: skip
    if term in swaps:
        return swaps[term]
    return rng.choice(["grandmother", "uncle", "niece", "sister", "father-in-law"])


def clutrr_style(n: int | None, seed: int, compound: float = 0.0) -> list[Item]:
    rng = random.Random(seed)
    items: list[Item] = []
    while len(items) < (n or 300):
        k = rng.randint(2, 10)
        story, subject, anchor = _story(rng, k, compound)
        term = kinship_oracle(subject, anchor, visible_gender(subject.name))
        if term is None:
            continue
        sep = rng.choice([" ", " ", "\n", "\n\n"])
        body = sep.join(story.units)
        if rng.random() < 0.35:
            asked = term if rng.random() < 0.5 else _near_miss(rng, term)
            word = "cousin" if asked == "first cousin" else asked
            question, expected = f"Is {subject.name} {anchor.name}'s {word}?", asked == term
            bucket = "yes/no"
        else:
            question = rng.choice(OPEN_QUESTIONS).format(z=subject.name, a=anchor.name)
            expected, bucket = term, "open"
        gap = rng.choice([" ", "\n", "\n\n"])
        items.append(
            {"text": f"{body}{gap}{question}", "expected": expected, "bucket": f"{bucket}, {k} moves"}
        )
    return items


SUITES["clutrr_style"] = clutrr_style
# a harder variant: a quarter of adjacent move pairs told as one word with an unnamed middle person ("Ann is Bob's
# grandmother"); a story is then refused where a named person could be that middle person and change the answer
SUITES["clutrr_compounds"] = lambda n, seed: clutrr_style(n, seed, compound=0.25)


# -- the blind corpus (written without reading the parsers; only the dev half is scored here) --------------------
def blind_kinship_dev(n: int | None, seed: int) -> list[Item]:
    path = ROOT / "tests" / "data" / "blind" / "kinship_dev.jsonl"
    if not path.is_file():
        raise SystemExit(f"{path} not found")
    import json

    items = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    items = [{"text": it["text"], "expected": it["expected"], "bucket": it["bucket"]} for it in items]
    return items if n is None else items[:n]


SUITES["kinship_dev"] = blind_kinship_dev


def reading_figures(names: list[str], n: int = 300, seed: int = 0) -> dict[str, dict[str, int]]:
    """Reading alone: the text read, then the exact solver on what was read, against each item's label."""
    from drt_agent.parsers.relational import read_relational

    from drt_agent.domains.relational import solve_exact
    from drt_agent.errors import ParseError

    out: dict[str, dict[str, int]] = {}
    for name in names:
        tally = {"correct": 0, "refused": 0, "wrong": 0}
        for it in SUITES[name](n, seed):
            try:
                got = solve_exact(read_relational(it["text"]).problem)
            except ParseError:
                tally["refused"] += 1
                continue
            tally["correct" if got == it["expected"] else "wrong"] += 1
        out[name] = tally
    return out


if __name__ == "__main__":  # python bench/external_suites/relational.py rg_family clutrr_style kinship_dev
    for suite, tally in reading_figures(sys.argv[1:] or sorted(SUITES)).items():
        print(f"{suite:<14} reading: {tally}")
