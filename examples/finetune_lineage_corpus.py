"""Write a fine-tuning corpus of academic lineages: who advised whose doctorate (a family the base never saw).

A lineage is a tree of LO..HI researchers; each one's advisor is stated once ("Ada advised Ben", "Ben studied
under Ada", "Ben is a student of Ada") or, for a researcher whose advisor has an earlier student, sometimes
only as "Ben and Cleo share an advisor". Questions are answered with advisor, grand-advisor, student,
grand-student, academic sibling, academic uncle (the advisor's academic sibling) or academic nephew; half are
open, half yes/no. The lineage's size is the complexity: fine-tune on <= 7 researchers, test on 14.

    python examples/finetune_lineage_corpus.py runs/lineage7.jsonl --n 3000 --people 4:7
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from finetune_org_corpus import NAMES, ask_about_tree

TERMS = {
    "b1.0": "advisor",
    "b2.0": "grand-advisor",
    "b0.1": "student",
    "b0.2": "grand-student",
    "b1.1": "academic sibling",
    "b2.1": "academic uncle",
    "b1.2": "academic nephew",
}


def tree_example(rng: np.random.Generator, n_people: int) -> dict[str, str]:
    """A lineage of n_people, stated shuffled, and one question about two of them with a term."""
    people = [str(v) for v in rng.permutation(NAMES)][:n_people]
    advisor = {people[i]: people[int(rng.integers(0, i))] for i in range(1, n_people)}
    sentences = []
    for i, (student, adv) in enumerate(advisor.items()):
        elder = [s for s in list(advisor)[:i] if advisor[s] == adv]
        if elder and rng.random() < 0.3:
            sentences.append(f"{student} and {rng.choice(elder)} share an advisor.")
            continue
        form = int(rng.integers(3))
        sentences.append(
            [
                f"{adv} advised {student}.",
                f"{student} studied under {adv}.",
                f"{student} is a student of {adv}.",
            ][form]
        )
    text = " ".join(sentences[i] for i in rng.permutation(len(sentences)))
    return ask_about_tree(rng, text, advisor, people, TERMS)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--people", default="4:7", help="researchers per lineage, LO:HI")
    args = ap.parse_args()
    lo, hi = (int(v) for v in args.people.split(":"))
    rng = np.random.default_rng(args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        for _ in range(args.n):
            fh.write(json.dumps(tree_example(rng, int(rng.integers(lo, hi + 1)))) + "\n")
    print(f"wrote {args.n} examples to {args.out}")


if __name__ == "__main__":
    main()
