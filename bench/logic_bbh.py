"""Logic on BIG-Bench Hard's grammar by nesting depth, the 250 published items, and the project's generator.

Model answers only (`model_answer`, the exact check off), at `auto` depth:
- BIG-Bench Hard's `boolean_expressions` grammar (True, False, not, and, or, brackets), expressions drawn uniformly
  per token length 3-160 and bucketed by bracket nesting depth 1-14, up to 400 per depth, against Python's own
  evaluation (issue 15: >= 99.5% at depths 1-8, >= 99% at 10-14);
- the 250 published items, as released (../shared/external; $DRT_EXTERNAL_DIR);
- the project's generator (seed 1234, 500 per nesting depth): accuracy and median steps at `auto`, and at 3x them.

    python bench/logic_bbh.py --out docs/results/logic_bbh_eval_readouts.json
    python bench/logic_bbh.py --model DIR --per-depth 100    # another checkpoint, fewer items
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))

from external_suites.logic import bbh_expression  # noqa: E402
from external_suites.published import _read  # noqa: E402

from drt_agent.checkpoint import load_checkpoint  # noqa: E402
from drt_agent.evaluate import evaluate_auto, sample_bucket  # noqa: E402
from drt_agent.problems import LogicProblem  # noqa: E402
from drt_agent.reasoner import Reasoner  # noqa: E402

CANON = {"True": "T", "False": "F", "not": "!", "and": "&", "or": "|", "(": "(", ")": ")"}


def nesting(expr: str) -> int:
    d = best = 0
    for t in expr.split():
        d += (t == "(") - (t == ")")
        best = max(best, d)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="logic")
    ap.add_argument("--per-depth", type=int, default=400)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    torch.set_num_threads(1)
    rng = random.Random(0)
    by_depth: dict[int, list[str]] = {}
    for _ in range(150_000):
        e = bbh_expression(rng.randint(3, 160), rng)
        d = nesting(e)
        if 1 <= d <= 14 and len(by_depth.setdefault(d, [])) < args.per_depth:
            by_depth[d].append(e)
        if all(len(by_depth.get(k, [])) >= args.per_depth for k in range(1, 15)):
            break
    r = Reasoner.load(args.model, device="cpu")
    out: dict = {"command": "python " + " ".join(sys.argv), "bbh_by_depth": {}, "generator": []}
    for d in sorted(by_depth):
        exprs = by_depth[d]
        sols = r.solve_batch(
            [LogicProblem(expression="".join(CANON[t] for t in e.split())) for e in exprs], check=False
        )
        right = sum(s.model_answer == bool(eval(e)) for s, e in zip(sols, exprs, strict=True))  # noqa: S307
        halted = sum(s.stopped_by == "halted" for s in sols)
        steps = statistics.median(s.steps_used for s in sols)
        out["bbh_by_depth"][d] = {
            "n": len(exprs),
            "acc": right / len(exprs),
            "median_steps": steps,
            "halted": halted,
        }
        print(
            f"BBH grammar depth {d}: {right}/{len(exprs)}, median {steps} steps, {halted} halted", flush=True
        )
    published = _read("bbh_boolean_expressions.jsonl", None)
    exprs = [it["text"].removesuffix(" is") for it in published]
    sols = r.solve_batch(
        [LogicProblem(expression="".join(CANON[t] for t in e.split())) for e in exprs], check=False
    )
    out["published"] = sum(s.model_answer == it["expected"] for s, it in zip(sols, published, strict=True))
    print(f"published: {out['published']}/{len(published)}", flush=True)
    loaded = load_checkpoint(args.model)
    for c in (1, 2, 4, 6, 8, 10, 12, 14):
        _, batch = sample_bucket(loaded.task, c, 500, 1234)
        res = evaluate_auto(loaded.model, loaded.task, batch, c)
        out["generator"].append(res.to_dict())
        print(
            f"generator depth {c}: {res.accuracy:.3f}, median {res.median_steps} steps, 3x {res.accuracy_at_3x:.3f}"
        )
    if args.out:
        args.out.write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
