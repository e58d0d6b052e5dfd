#!/usr/bin/python3
"""Blind relational-story corpora generator (standard library only).

Writes, into the directory of this script:
  org_train.jsonl  (3000, 4-7 people)    org_test7.jsonl  (500, 7)   org_test14.jsonl  (500, 14)
  fam2_train.jsonl (3000, 4-7 members)   fam2_test7.jsonl (500, 7)   fam2_test14.jsonl (500, 14)

Each line: {"text": story, "question": q, "answer": a}.
Then runs a self-check that re-parses every story from its TEXT (not from the
generator's tree), rebuilds ancestor sets, and recomputes every answer.
"""
import json
import os
import random
import re
import sys

OUT = os.path.dirname(os.path.abspath(__file__))

NAMES = [
    "Ann", "Bob", "Carl", "Dana", "Eve", "Frank", "Grace", "Hank", "Ivy", "Jack",
    "Kate", "Leo", "Mona", "Nick", "Olga", "Paul", "Quinn", "Rosa", "Sam", "Tina",
    "Uma", "Victor", "Wendy", "Xavier", "Yara", "Zack", "Alice", "Ben", "Clara", "David",
    "Ella", "Felix", "Gina", "Henry", "Iris", "James", "Laura", "Mark", "Nora", "Oscar",
    "Peter", "Rachel", "Simon", "Tara", "Walter", "Emma", "Hugo", "Lucy", "Martin", "Sofia",
    "Omar", "Julia", "Ruth", "Tom", "Vera", "Adam", "Beth", "Colin", "Diane", "Ethan",
]
assert len(set(NAMES)) == len(NAMES) >= 40

# --------------------------------------------------------------------------
# Families.  Relation keys are structural; each family names them.
#   down1: X is parent of Y; down2: X is grandparent of Y
#   up1:   X is child of Y;  up2:   X is grandchild of Y
#   sib:   X and Y share a parent
#   cousin: X and Y share a grandparent but not a parent (fam2 only)
# --------------------------------------------------------------------------
FAMILIES = {
    "org": {
        "terms": {"down1": "boss", "down2": "grandboss", "up1": "report",
                  "up2": "grandreport", "sib": "peer"},
        # (template, uses parent P and child C)
        "phrasings": ["{P} manages {C}.", "{C} works under {P}.",
                      "{C} reports to {P}."],
    },
    "fam2": {
        "terms": {"down1": "advisor", "down2": "grand-advisor", "up1": "student",
                  "up2": "grand-student", "sib": "academic sibling",
                  "cousin": "academic cousin"},
        "phrasings": ["{P} advised {C}.", "{C} was a doctoral student of {P}.",
                      "{C} wrote a thesis under {P}."],
    },
}


def random_tree(rng, n):
    """Return parent list (parent[0] = None) with a randomly chosen shape style."""
    style = rng.choice(["deep", "bushy", "uniform", "mixed"])
    parent = [None]
    depth = [0]
    for i in range(1, n):
        if style == "deep":
            # favour the most recently added / deepest nodes -> long chains
            w = [(depth[j] + 1) ** 2 * (3.0 if j == i - 1 else 1.0) for j in range(i)]
        elif style == "bushy":
            # favour shallow nodes -> wide, flat trees
            w = [1.0 / (depth[j] + 1) ** 3 for j in range(i)]
        elif style == "uniform":
            w = [1.0] * i
        else:  # mixed: preferential attachment by child count
            kids = [0] * i
            for c in range(1, i):
                kids[parent[c]] += 1
            w = [kids[j] + 1.0 for j in range(i)]
        p = rng.choices(range(i), weights=w)[0]
        parent.append(p)
        depth.append(depth[p] + 1)
    return parent


def relation(parent, x, y):
    """Structural relation of x to y using parent pointers (primary method)."""
    px, py = parent[x], parent[y]
    gx = parent[px] if px is not None else None
    gy = parent[py] if py is not None else None
    if py == x:
        return "down1"
    if gy is not None and gy == x:
        return "down2"
    if px == y:
        return "up1"
    if gx is not None and gx == y:
        return "up2"
    if px is not None and px == py:
        return "sib"
    if gx is not None and gx == gy and px != py:
        return "cousin"
    return None


def make_example(rng, fam, sizes, kind, key, asked_key):
    """kind: 'open' or 'yn'. key: true structural relation wanted.
    asked_key: term asked in a yes/no question."""
    spec = FAMILIES[fam]
    while True:
        # size is redrawn on every attempt, so a relation impossible at some
        # size (academic cousin needs >= 5 members) cannot loop forever
        n = rng.choice(sizes)
        parent = random_tree(rng, n)
        pairs = [(x, y) for x in range(n) for y in range(n)
                 if x != y and relation(parent, x, y) == key]
        if pairs:
            break
    # relabel with random names (random permutation so node 0 isn't always first)
    names = rng.sample(NAMES, n)
    x, y = rng.choice(pairs)
    facts = []
    for c in range(1, n):
        tmpl = rng.choice(spec["phrasings"])
        facts.append(tmpl.format(P=names[parent[c]], C=names[c]))
    rng.shuffle(facts)
    text = " ".join(facts)
    X, Y = names[x], names[y]
    if kind == "open":
        q = f"What is {X} to {Y}?"
        a = spec["terms"][key]
    else:
        q = f"Is {X} {Y}'s {spec['terms'][asked_key]}?"
        a = "yes" if asked_key == key else "no"
    return {"text": text, "question": q, "answer": a}


def make_file(fam, count, sizes, seed):
    rng = random.Random(seed)
    keys = list(FAMILIES[fam]["terms"])
    T = len(keys)
    rows = []
    # exact halves: open / yes-no; yes-no split exactly yes / no
    n_open = count // 2
    n_yn = count - n_open
    n_yes = n_yn // 2
    plan = []
    for i in range(n_open):
        plan.append(("open", keys[i % T], None))
    for i in range(n_yes):
        k = keys[i % T]
        plan.append(("yn", k, k))
    for i in range(n_yn - n_yes):
        asked = keys[i % T]
        true = rng.choice([k for k in keys if k != asked])
        plan.append(("yn", true, asked))
    rng.shuffle(plan)
    seen = set()
    for kind, key, asked in plan:
        while True:
            ex = make_example(rng, fam, sizes, kind, key, asked)
            sig = (ex["text"], ex["question"])
            if sig not in seen:
                seen.add(sig)
                break
        rows.append(ex)
    return rows


def write(name, rows):
    with open(os.path.join(OUT, name), "w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")


# --------------------------------------------------------------------------
# Independent self-check: parse TEXT back into edges, use ancestor sets.
# --------------------------------------------------------------------------
def parse_story(fam, text):
    spec = FAMILIES[fam]
    regs = []
    for t in spec["phrasings"]:
        pat = re.escape(t).replace(r"\{P\}", r"(?P<P>[A-Z][a-z]+)").replace(
            r"\{C\}", r"(?P<C>[A-Z][a-z]+)")
        regs.append(re.compile("^" + pat + "$"))
    sentences = re.findall(r"[^.]+\.", text)
    assert " ".join(s.strip() for s in sentences) == text, "bad sentence join"
    par = {}
    for s in sentences:
        s = s.strip()
        ms = [m for m in (r.match(s) for r in regs) if m]
        assert len(ms) == 1, ("unparsed/ambiguous sentence", s)
        P, C = ms[0].group("P"), ms[0].group("C")
        assert C not in par, ("two managers", C)
        par[C] = P
    people = set(par) | set(par.values())
    roots = people - set(par)
    assert len(roots) == 1, "not a single-rooted tree"
    assert len(par) == len(people) - 1 == len(sentences)
    return par, people


def ancestors(par, v):
    out = []  # ordered list: parent, grandparent, ...
    while v in par:
        v = par[v]
        assert v not in out, "cycle"
        out.append(v)
    return out


def check_relation(par, x, y):
    ax, ay = ancestors(par, x), ancestors(par, y)
    # distance via lowest common ancestor in the ancestor chains
    chain_x, chain_y = [x] + ax, [y] + ay
    common = [v for v in chain_x if v in set(chain_y)]
    lca = common[0]
    up = chain_x.index(lca)    # steps from x up to lca
    down = chain_y.index(lca)  # steps from y up to lca
    table = {(0, 1): "down1", (0, 2): "down2", (1, 0): "up1", (2, 0): "up2",
             (1, 1): "sib", (2, 2): "cousin"}
    return table.get((up, down))


def self_check(fam, rows, sizes, n_sample=None, seed=0):
    spec = FAMILIES[fam]
    name2key = {v: k for k, v in spec["terms"].items()}
    idx = list(range(len(rows)))
    if n_sample is not None:
        idx = random.Random(seed).sample(idx, min(n_sample, len(rows)))
    for i in idx:
        r = rows[i]
        par, people = parse_story(fam, r["text"])
        assert len(people) in sizes, (len(people), sizes)
        m = re.match(r"^What is ([A-Z][a-z]+) to ([A-Z][a-z]+)\?$", r["question"])
        if m:
            x, y = m.groups()
            rel = check_relation(par, x, y)
            assert rel is not None and spec["terms"][rel] == r["answer"], (r, rel)
            continue
        m = re.match(r"^Is ([A-Z][a-z]+) ([A-Z][a-z]+)'s (.+)\?$", r["question"])
        assert m, r["question"]
        x, y, term = m.groups()
        assert term in name2key, term
        rel = check_relation(par, x, y)
        assert rel is not None and rel in spec["terms"], (r, rel)
        assert r["answer"] == ("yes" if rel == name2key[term] else "no"), (r, rel)
    return len(idx)


def stats(rows):
    from collections import Counter
    c_open = Counter(r["answer"] for r in rows if r["question"].startswith("What"))
    c_yn = Counter(r["answer"] for r in rows if r["question"].startswith("Is"))
    sizes = Counter(len(re.findall(r"[^.]+\.", r["text"])) + 1 for r in rows)
    return dict(c_open), dict(c_yn), dict(sorted(sizes.items()))


SPECS = [
    # (file, family, count, sizes, seed)
    ("org_train.jsonl", "org", 3000, [4, 5, 6, 7], 1001),
    ("org_test7.jsonl", "org", 500, [7], 2002),
    ("org_test14.jsonl", "org", 500, [14], 3003),
    ("fam2_train.jsonl", "fam2", 3000, [4, 5, 6, 7], 4004),
    ("fam2_test7.jsonl", "fam2", 500, [7], 5005),
    ("fam2_test14.jsonl", "fam2", 500, [14], 6006),
]


def main():
    texts = {}
    for fname, fam, count, sizes, seed in SPECS:
        rows = make_file(fam, count, sizes, seed)
        assert len(rows) == count
        write(fname, rows)
        # full check of every row, plus the required 200-row sampled check
        self_check(fam, rows, sizes)
        self_check(fam, rows, sizes, n_sample=200, seed=seed)
        texts[fname] = {r["text"] for r in rows}
        o, y, sz = stats(rows)
        print(f"{fname}: {count} lines, open={o}, yes/no={y}, sizes={sz}")
    for fam in ("org", "fam2"):
        tr = texts[f"{fam}_train.jsonl"]
        ov = len(tr & texts[f"{fam}_test7.jsonl"])
        print(f"{fam}: test7 stories also present in train: {ov}")
    print("self-check OK")


if __name__ == "__main__":
    sys.exit(main())
