"""Is `confidence` the probability that the network's answer is right? Per domain, before and after calibration.

    python bench/calibration.py --fit            # fit each checkpoint's calibrator (seed 1), store it in its config
    python bench/calibration.py                  # measure (seed 2): ECE, reliability table, wrong at >= 0.99
    python bench/calibration.py --quick          # a small run for tests (seconds), JSON to runs/

Each domain is scored on fresh generated problems, half in the training complexity range and half beyond it
(graph hops 1-5 | 6-10, logic nesting depth 0-8 | 9-12 with half flat chains, kinship facts 1-4 | 5-8, paper
chain 2-5 | 6-10), at the checkpoint's `auto` depth with the exact check off: `confidence` is set against
whether the network's own answer (`model_answer`) equals an independent oracle (networkx for graphs, Python's
own `and`/`or`/`not` for logic, the exact kinship / generation solver on the generated story). "Before" is the
answer's probability (no calibrator); "after" is a fresh load of the checkpoint, so its stored calibrator is
what is measured. ECE: 15 equal-width bins of confidence, sum over bins of share x |accuracy - mean confidence|. Its floor: the
ECE a perfectly calibrated model with the same confidences shows on as many problems (outcomes drawn from the
confidences, median of 200 draws): binned ECE on 2,000 problems is biased upward by sampling noise wherever
many answers have middling confidence.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import torch

from drt_agent.calibration import Calibration, FitRecord, fit
from drt_agent.checkpoint import CONFIG, resolve
from drt_agent.reasoner import Reasoner

ROOT = Path(__file__).resolve().parent.parent
FIT_SEED, EVAL_SEED = 1, 2
BINS = 15


# (in-distribution complexities, beyond-training complexities) per shipped checkpoint
MIX: dict[str, tuple[list[int], list[int]]] = {
    "graph": (list(range(1, 6)), list(range(6, 11))),
    "logic": (list(range(0, 9)), list(range(9, 13))),
    "relational": (list(range(1, 5)), list(range(5, 9))),
    "relational-paper": (list(range(2, 6)), list(range(6, 11))),
}


# the fit may see further than the figures' mix: kinship stories are read up to 10 facts (CLUTRR's protocol)
FIT_MIX: dict[str, tuple[list[int], list[int]]] = {
    **MIX,
    "relational": (list(range(1, 5)), list(range(5, 11))),
}


def python_truth(expression: str) -> bool:
    """A canonical expression's value by Python's own operators (precedence not > and > or, as the canonical
    form's ! > & >): an oracle independent of the project's parser."""
    words = {"T": " True ", "F": " False ", "!": " not ", "&": " and ", "|": " or ", "(": "(", ")": ")"}
    return bool(eval("".join(words[c] for c in expression), {"__builtins__": {}}))  # only the 7 symbols above


def oracle(name: str, reasoner: Reasoner) -> Callable[[Any], Any]:
    if name == "logic":
        return lambda p: python_truth(p.expression)
    return reasoner.task.exact  # graph: networkx has_path; relational: the exact solver on the story


def problems_for(
    reasoner: Reasoner, name: str, buckets: list[int], n: int, seed: int
) -> list[tuple[int, Any]]:
    """n fresh problems per complexity bucket, (complexity, problem); logic: half of them flat chains."""
    rng = np.random.default_rng(seed)
    task = reasoner.task
    out: list[tuple[int, Any]] = []
    for c in buckets:
        if name == "logic":
            from drt_agent.problems import LogicProblem

            exprs = [task._one(rng, c, want=i % 2 == 0, min_len=0, flat=i % 4 >= 2) for i in range(n)]
            out += [
                (c, LogicProblem.model_construct(domain="logic", expression=e, variables={})) for e in exprs
            ]
        else:
            probs, _ = task.sample(n, c, rng, **task.bucket_knobs(c))
            out += [(c, p) for p in probs]
    return out


def collect(
    reasoner: Reasoner,
    name: str,
    n_total: int,
    seed: int,
    only: list[int] | None = None,
    fitting: bool = False,
) -> list[dict[str, Any]]:
    """Solve the domain's mix (or only the complexities `only`) at `auto` depth with the check off; one row per
    problem."""
    ind, beyond = (FIT_MIX if fitting else MIX)[name]
    rows: list[dict[str, Any]] = []
    parts = (("in", ind), ("beyond", beyond)) if only is None else (("only", only),)
    for part, buckets in parts:
        n = max(1, n_total // len(parts) // len(buckets))
        items = problems_for(reasoner, name, buckets, n, seed + (0 if part == "in" else 1000))
        truth = oracle(name, reasoner)
        sols = reasoner.solve_batch([p for _, p in items], steps="auto", check=False)
        for (c, p), s in zip(items, sols, strict=True):
            rows.append(
                {
                    "part": part,
                    "complexity": c,
                    "confidence": s.confidence,
                    "right": s.model_answer == truth(p),
                    "capped": s.stopped_by == "cap",
                    "needed": reasoner.task.needed_steps(p),
                    "steps": s.steps_used,
                }
            )
    return rows


def ece(conf: np.ndarray, right: np.ndarray, bins: int = BINS) -> tuple[float, list[dict[str, Any]]]:
    """Expected calibration error over equal-width bins, and the reliability table (non-empty bins)."""
    idx = np.minimum((conf * bins).astype(int), bins - 1)
    table, total = [], 0.0
    for b in range(bins):
        sel = idx == b
        if not sel.any():
            continue
        acc, mean = float(right[sel].mean()), float(conf[sel].mean())
        total += sel.sum() / len(conf) * abs(acc - mean)
        table.append(
            {
                "bin": f"{b / bins:.3f}-{(b + 1) / bins:.3f}",
                "n": int(sel.sum()),
                "confidence": mean,
                "accuracy": acc,
            }
        )
    return float(total), table


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    conf = np.array([r["confidence"] for r in rows])
    right = np.array([r["right"] for r in rows])
    e, table = ece(conf, right)
    high = conf >= 0.99
    by_c: dict[str, Any] = {}
    for c in sorted({r["complexity"] for r in rows}):
        sel = np.array([r["complexity"] == c for r in rows])
        by_c[str(c)] = {
            "n": int(sel.sum()),
            "accuracy": float(right[sel].mean()),
            "confidence": float(conf[sel].mean()),
        }
    # what a perfectly calibrated model with these confidences would score: outcomes drawn from the confidences
    rng = np.random.default_rng(0)
    floor = [ece(conf, rng.random(len(conf)) < conf)[0] for _ in range(200)]
    return {
        "n": len(rows),
        "accuracy": float(right.mean()),
        "ece": e,
        "ece_floor_median": float(np.median(floor)),
        "ece_floor_95": float(np.percentile(floor, 95)),
        "brier": float(np.mean((conf - right) ** 2)),
        "n_at_99": int(high.sum()),
        "wrong_at_99": int((high & ~right).sum()),
        "wrong_per_1000_at_99": float(1000 * (high & ~right).sum() / max(1, high.sum())),
        "reliability": table,
        "by_complexity": by_c,
    }


def load(name: str) -> Reasoner:
    torch.manual_seed(0)
    return Reasoner.load(name, device="cpu", threads=1)


def fit_one(name: str, n: int, seed: int, quick: bool) -> dict[str, Any]:
    """Fit the calibrator on fresh problems (seed `seed`) and store it in the checkpoint's config."""
    r = load(name)
    r.calibration = Calibration.identity()  # confidence = what the calibrator reads (Reasoner.confidences)
    rows = collect(r, name, n, seed, fitting=True)
    needed_in = [x["needed"] for x in rows if x["part"] == "in" and x["needed"] is not None]
    knot = float(max(needed_in)) if needed_in else 0.0
    ind, beyond = FIT_MIX[name]
    record = FitRecord(
        command=f"python bench/calibration.py --fit --only {name} --n-fit {n}",
        seed=seed,
        n=len(rows),
        complexities=ind + beyond,
        steps="auto",
    )
    cal = fit(
        [(x["confidence"], x["capped"], x["needed"]) for x in rows],
        [x["right"] for x in rows],
        knot,
        fitted=record,
    )
    if not quick:
        path = resolve(name) / CONFIG
        config = json.loads(path.read_text())
        config["calibration"] = cal.model_dump()
        path.write_text(json.dumps(config, indent=2) + "\n")
    return {
        "name": name,
        "calibration": cal.model_dump(),
        "accuracy": float(np.mean([x["right"] for x in rows])),
    }


def measure_one(
    name: str, n: int, seed: int, after_only: bool = False, only: list[int] | None = None
) -> dict[str, Any]:
    r = load(name)
    stored = r.calibration
    r.calibration = None
    t0 = time.time()
    after = collect(load(name), name, n, seed, only) if stored is not None else None
    before = after if after_only and after is not None else collect(r, name, n, seed, only)
    after = after if after is not None else before
    return {
        "name": name,
        "calibrated": stored is not None,
        "seconds": round(time.time() - t0, 1),
        "before": summary(before),
        "after": summary(after),
    }


def show(res: dict[str, Any]) -> None:
    b, a = res["before"], res["after"]
    print(
        f"{res['name']:<17} n={a['n']} acc={a['accuracy']:.4f}  ECE {b['ece']:.4f} -> {a['ece']:.4f}  "
        f"(floor {a['ece_floor_median']:.4f})  wrong at >=0.99: {b['wrong_at_99']}/{b['n_at_99']} -> "
        f"{a['wrong_at_99']}/{a['n_at_99']}  Brier {b['brier']:.4f} -> {a['brier']:.4f}"
    )


def markdown(results: list[dict[str, Any]]) -> str:
    """The figures as markdown tables: the summary, then per checkpoint the reliability table and the
    per-complexity accuracy against mean confidence, before and after calibration."""
    out = [
        "| checkpoint | problems | accuracy | ECE before | ECE after | ECE floor (median, 95%) | Brier before | "
        "Brier after | wrong / answers at confidence >= 0.99, before | after |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for res in results:
        b, a = res["before"], res["after"]
        out.append(
            f"| `{res['name']}` | {a['n']:,} | {a['accuracy']:.4f} | {b['ece']:.4f} | **{a['ece']:.4f}** | "
            f"{a['ece_floor_median']:.4f}, {a['ece_floor_95']:.4f} | {b['brier']:.4f} | {a['brier']:.4f} | "
            f"{b['wrong_at_99']} / {b['n_at_99']:,} | **{a['wrong_at_99']} / {a['n_at_99']:,}** |"
        )
    for res in results:
        b, a = res["before"], res["after"]
        out += ["", f"#### `{res['name']}`: reliability (15 bins; empty bins left out)", ""]
        out += [
            "| confidence bin | before: n | confidence | accuracy | after: n | confidence | accuracy |",
            "|---|---|---|---|---|---|---|",
        ]
        rows_b = {r["bin"]: r for r in b["reliability"]}
        rows_a = {r["bin"]: r for r in a["reliability"]}
        for key in sorted(set(rows_b) | set(rows_a)):
            cells = []
            for rows in (rows_b, rows_a):
                r = rows.get(key)
                cells += (
                    [str(r["n"]), f"{r['confidence']:.4f}", f"{r['accuracy']:.4f}"] if r else ["0", "", ""]
                )
            out.append(f"| {key} | " + " | ".join(cells) + " |")
        out += ["", "| complexity | n | accuracy | mean confidence before | after |", "|---|---|---|---|---|"]
        for c, row in a["by_complexity"].items():
            out.append(
                f"| {c} | {row['n']} | {row['accuracy']:.4f} | {b['by_complexity'][c]['confidence']:.4f} | "
                f"{row['confidence']:.4f} |"
            )
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fit", action="store_true", help="fit and store each checkpoint's calibrator")
    ap.add_argument("--only", nargs="*", default=list(MIX), help="checkpoints (default: all four)")
    ap.add_argument("--n", type=int, default=2000, help="problems per domain for the figures")
    ap.add_argument("--n-fit", type=int, default=8000, help="problems per domain for the fit")
    ap.add_argument("--quick", action="store_true", help="few problems, nothing stored, JSON to runs/")
    ap.add_argument("--out", default=None)
    ap.add_argument(
        "--after-only", action="store_true", help="measure the stored calibrator only (before = after)"
    )
    ap.add_argument("--complexities", default=None, help="measure only these, e.g. 10 (not the mix)")
    ap.add_argument("--markdown", default=None, help="print the tables of a results JSON and stop")
    args = ap.parse_args(argv)
    if args.markdown:
        print(markdown(json.loads(Path(args.markdown).read_text())["results"]), end="")
        return 0
    torch.set_num_threads(1)
    if args.quick:
        args.n, args.n_fit = 40, 80
    if args.fit:
        for name in args.only:
            out = fit_one(name, args.n_fit, FIT_SEED, args.quick)
            print(json.dumps(out))
        if not args.quick:
            return 0
    only = [int(c) for c in args.complexities.split(",")] if args.complexities else None
    results = [measure_one(name, args.n, EVAL_SEED, args.after_only, only) for name in args.only]
    for res in results:
        show(res)
    default = ROOT / ("runs/calibration_quick.json" if args.quick else "docs/results/calibration.json")
    out = Path(args.out) if args.out else default
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "command": " ".join(["python bench/calibration.py", *(argv or sys.argv[1:])]),
                "results": results,
            },
            indent=1,
        )
        + "\n"
    )
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
