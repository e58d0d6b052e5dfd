"""Do the shipped checkpoints give the same answers before and after a change? Dump on one commit, compare on
another. 2,000 fresh problems per checkpoint (seeded, across each recipe's training range and two buckets past
it), solved at `auto` depth; problems are stored with the answers, so the comparison solves exactly them.

    git stash / checkout OLD;  python scripts/same_answers.py dump runs/answers_before.json
    git checkout NEW;          python scripts/same_answers.py compare runs/answers_before.json

`compare` reports, per checkpoint, how many answers (the network's own), steps and confidences differ. The
refactor that introduced the domain registry was checked this way (docs/RESULTS.md).
"""

from __future__ import annotations

import argparse
import json
import sys

import numpy as np

CHECKPOINTS = ("graph", "logic", "relational", "relational-paper")
N = 2000


def dump(path: str) -> None:
    from drt_agent.reasoner import Reasoner

    out = {}
    for name in CHECKPOINTS:
        r = Reasoner.load(name, device="cpu")
        rng = np.random.default_rng(20261130)
        lo, hi = r.task.train_defaults().get("complexity", (1, 5))
        problems = []
        for c in range(lo, hi + 3):
            problems += r.task.sample(N // (hi + 3 - lo) + 1, c, rng)[0]
        problems = problems[:N]
        sols = [r.solve(p) for p in problems]  # one at a time: no batch can change an answer
        out[name] = [
            {"problem": p.model_dump(mode="json"), "answer": getattr(s, "model_answer", s.answer), "steps": s.steps_used,
             "confidence": s.confidence}
            for p, s in zip(problems, sols, strict=True)
        ]  # fmt: skip
        print(f"{name}: {len(problems)} problems", file=sys.stderr)
    with open(path, "w") as fh:
        json.dump(out, fh)


def compare(path: str) -> int:
    from pydantic import TypeAdapter

    from drt_agent.problems import Problem
    from drt_agent.reasoner import Reasoner

    with open(path) as fh:
        before = json.load(fh)
    adapter = TypeAdapter(Problem)
    worst = 0
    for name, rows in before.items():
        r = Reasoner.load(name, device="cpu")
        sols = r.solve_batch(
            [adapter.validate_python(row["problem"]) for row in rows]
        )  # batched: same answers
        answers = sum(row["answer"] != s.model_answer for row, s in zip(rows, sols, strict=True))
        steps = sum(row["steps"] != s.steps_used for row, s in zip(rows, sols, strict=True))
        conf = sum(abs(row["confidence"] - s.confidence) > 1e-5 for row, s in zip(rows, sols, strict=True))
        print(
            f"{name:<18} {len(rows)} problems: {answers} answers, {steps} step counts, {conf} confidences differ"
        )
        worst = max(worst, answers)
    return 1 if worst else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["dump", "compare"])
    ap.add_argument("path")
    args = ap.parse_args()
    if args.mode == "dump":
        dump(args.path)
        return 0
    return compare(args.path)


if __name__ == "__main__":
    sys.exit(main())
