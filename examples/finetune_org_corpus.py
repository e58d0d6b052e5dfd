"""Write a fine-tuning corpus for a relation family the base model never saw: who reports to whom.

Each line is a JSON object with `text` (a shuffled org-chart story), `question` and `answer`, e.g.
    {"text": "Dana reports to Omar. Omar manages Lee. ...", "question": "What is Omar to Dana?", "answer": "manager"}

Open questions are answered with manager, skip-level manager, direct report, peer, manager's peer, ...; yes/no
questions ("Is Omar Dana's skip-level manager?") with yes or no. The number of reporting lines between the two
people (1-3) is the complexity.

    python examples/finetune_org_corpus.py runs/org.jsonl --n 4000 --seed 0

`--people LO:HI` writes whole org charts instead (issue 15's family): a tree of LO..HI people, every reporting
line stated once ("X manages Y" or "Y works under X"), and questions answered with boss, grandboss, report,
grandreport or peer. The chart's size is the complexity: fine-tune on charts of <= 7 people, test on 14.

    python examples/finetune_org_corpus.py runs/org7.jsonl --n 3000 --people 4:7
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from drt_agent.tasks.relational import kin_step

TERMS = {
    "b1.0": "manager",
    "b2.0": "skip-level manager",
    "b3.0": "third-level manager",
    "b0.1": "direct report",
    "b0.2": "skip-level report",
    "b0.3": "third-level report",
    "b1.1": "peer",
    "b2.1": "manager's peer",
    "b1.2": "peer's report",
}
NAMES = [
    "Ada",
    "Ben",
    "Cleo",
    "Dana",
    "Eli",
    "Faye",
    "Gus",
    "Hana",
    "Ivan",
    "Jade",
    "Kofi",
    "Lena",
    "Milo",
    "Nia",
    "Omar",
    "Pia",
    "Quin",
    "Rosa",
    "Sami",
    "Tara",
    "Uma",
    "Vik",
    "Wren",
    "Xena",
    "Yuri",
    "Zoe",
    "Abe",
    "Bea",
    "Cal",
    "Dov",
    "Ema",
    "Fin",
    "Gia",
    "Hal",
    "Ida",
    "Jon",
    "Kai",
    "Liv",
    "Max",
    "Noa",
]


def edge_sentence(rng: np.random.Generator, a: str, b: str, move: str) -> str:
    """One sentence stating that, seen from a, b is one `move` away (U: b is a's manager, D: a's report)."""
    if move == "D":
        a, b, move = b, a, "U"
    if move == "U":
        return str(
            rng.choice(
                [
                    f"{a} reports to {b}.",
                    f"{b} manages {a}.",
                    f"{a} is managed by {b}.",
                    f"{b} is {a}'s boss.",
                ]
            )
        )
    return str(
        rng.choice([f"{a} and {b} are peers.", f"{a} and {b} share a manager.", f"{a} is a peer of {b}."])
    )


def example(rng: np.random.Generator, hops: int) -> dict[str, str]:
    while True:
        moves = [str(m) for m in rng.choice(list("UDS"), size=hops)]
        key = "self"
        for m in moves:
            key = kin_step(key, m)
        doubled = any(m == "U" and prev == "D" for prev, m in zip(moves, moves[1:], strict=False))
        if key in TERMS and not doubled:
            break
    people = [str(v) for v in rng.permutation(NAMES)][: hops + 1 + int(rng.integers(2, 6))]
    edges = [(people[i], people[i + 1], m) for i, m in enumerate(moves)]
    has_manager = {a for a, _, m in edges if m == "U"} | {b for _, b, m in edges if m == "D"}
    for p in people[hops + 1 :]:
        q = str(rng.choice(people[: people.index(p)]))
        m = str(rng.choice(list("UDS")))
        if m == "U" and q in has_manager:
            m = "D"
        edges.append((q, p, m))
        if m == "U":
            has_manager.add(q)
        elif m == "D":
            has_manager.add(p)
    sentences = [edge_sentence(rng, *e) for e in edges]
    text = " ".join(sentences[i] for i in rng.permutation(len(sentences)))
    return ask(rng, text, people[hops], people[0], TERMS[key], list(TERMS.values()))


def ask(
    rng: np.random.Generator, text: str, subject: str, anchor: str, term: str, terms: list[str]
) -> dict[str, str]:
    """One corpus line: an open question (half), or a yes/no one whose asked term is right half of the time."""
    if rng.random() < 0.5:
        return {"text": text, "question": f"What is {subject} to {anchor}?", "answer": term}
    asked = term if rng.random() < 0.5 else str(rng.choice([t for t in terms if t != term]))
    return {
        "text": text,
        "question": f"Is {subject} {anchor}'s {asked}?",
        "answer": "yes" if asked == term else "no",
    }


def ask_about_tree(
    rng: np.random.Generator, text: str, boss: dict[str, str], people: list[str], terms: dict[str, str]
) -> dict[str, str]:
    """A line about two people of a tree whose relation has a term, every term about equally often."""
    by_term: dict[str, list[tuple[str, str]]] = {}
    for s in people:
        for a in people:
            term = terms.get(tree_key(boss, s, a) or "") if s != a else None
            if term:
                by_term.setdefault(term, []).append((s, a))
    term = str(rng.choice(sorted(by_term)))
    subject, anchor = by_term[term][int(rng.integers(len(by_term[term])))]
    return ask(rng, text, subject, anchor, term, list(terms.values()))


CHART_TERMS = {"b1.0": "boss", "b2.0": "grandboss", "b0.1": "report", "b0.2": "grandreport", "b1.1": "peer"}


def tree_key(boss: dict[str, str], subject: str, anchor: str) -> str | None:
    """'b{up}.{down}': from `anchor`, up to the first common boss and down to `subject` (None: no common boss).
    The tree is given as each person's boss (or advisor, or parent folder)."""
    up = {anchor: 0}
    p, n = anchor, 0
    while p in boss:
        p, n = boss[p], n + 1
        up[p] = n
    q, m = subject, 0
    while q not in up:  # climb from the subject to the first common boss
        if q not in boss:
            return None
        q, m = boss[q], m + 1
    return f"b{up[q]}.{m}"


def chart_relation(boss: dict[str, str], subject: str, anchor: str) -> str | None:
    """What `subject` is to `anchor` in a chart (None: no term for it)."""
    return CHART_TERMS.get(tree_key(boss, subject, anchor) or "")


def chart_example(rng: np.random.Generator, n_people: int) -> dict[str, str]:
    """A chart of n_people (each but the head reports to an earlier one), stated shuffled, and one question
    about two people with a term: open (half) or yes/no, the asked term right half of the time."""
    people = [str(v) for v in rng.permutation(NAMES)][:n_people]
    boss = {people[i]: people[int(rng.integers(0, i))] for i in range(1, n_people)}
    sentences = [
        f"{b} manages {a}." if rng.random() < 0.5 else f"{a} works under {b}." for a, b in boss.items()
    ]
    text = " ".join(sentences[i] for i in rng.permutation(len(sentences)))
    return ask_about_tree(rng, text, boss, people, CHART_TERMS)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=4000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--hops", default="1:3", help="reporting lines between the two people, LO:HI")
    ap.add_argument("--people", default=None, help="write whole charts of LO:HI people instead (see above)")
    args = ap.parse_args()
    lo, hi = (int(v) for v in (args.people or args.hops).split(":"))
    make = chart_example if args.people else example
    rng = np.random.default_rng(args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        for _ in range(args.n):
            fh.write(json.dumps(make(rng, int(rng.integers(lo, hi + 1)))) + "\n")
    print(f"wrote {args.n} examples to {args.out}")


if __name__ == "__main__":
    main()
