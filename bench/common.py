"""Shared harness for the evidence benchmarks: train a variant, score it on fresh problems, tabulate.

Every script prints a table and writes JSON. `--quick` uses a tiny model and few problems so a test can run it
in seconds; the full mode trains the shipped recipe's size for 3 seeds and reports mean and std.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as `python bench/x.py` from anywhere

from drt_agent.evaluate import accuracy_by_steps, evaluate_auto, sample_bucket  # noqa: E402
from drt_agent.tasks import make_task  # noqa: E402
from drt_agent.train import config_for, train  # noqa: E402


@dataclass
class Variant:
    """One row of a comparison: TrainConfig/CoreConfig overrides, or a factory for a baseline model."""

    name: str
    overrides: dict[str, Any] = field(default_factory=dict)
    build: Callable[[Any], torch.nn.Module] | None = None  # given the TrainConfig, returns a model to train
    fixed_depth: bool = False  # a baseline whose depth cannot change at test time: no auto policy


@dataclass
class Setting:
    """Sizes for one mode (quick or full)."""

    iters: int
    n: int
    seeds: list[int]
    id_buckets: list[int]
    ood_buckets: list[int]
    shortcut_bucket: int
    overrides: dict[str, Any] = field(default_factory=dict)


QUICK = Setting(
    iters=40,
    n=40,
    seeds=[0],
    id_buckets=[1, 2],
    ood_buckets=[4],
    shortcut_bucket=4,
    overrides={
        "d_model": 16,
        "n_heads": 2,
        "d_ff": 32,
        "batch_size": 16,
        "steps": (2, 6),
        "complexity": (1, 2),
    },
)
FULL = Setting(
    iters=250,
    n=100,
    seeds=[0, 1, 2],
    id_buckets=[1, 2, 3, 4, 5],
    ood_buckets=[6, 8, 12, 16, 24],
    shortcut_bucket=12,
)


def parse_args(description: str, argv: Sequence[str] | None = None) -> tuple[argparse.Namespace, Setting]:
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument(
        "--quick", action="store_true", help="tiny model and data: finishes in seconds (for tests)"
    )
    ap.add_argument("--seeds", type=str, default=None, help="comma-separated training seeds (full: 0,1,2)")
    ap.add_argument("--iters", type=int, default=None, help="training iterations per run")
    ap.add_argument("--n", type=int, default=None, help="test problems per bucket")
    ap.add_argument("--domain", default="graph", help="graph (logic and relational where the task exists)")
    ap.add_argument("--out", type=Path, default=None, help="JSON output path")
    ap.add_argument("--threads", type=int, default=1, help="torch CPU threads per run")
    args = ap.parse_args(argv)
    s = QUICK if args.quick else FULL
    s = Setting(**{**s.__dict__})
    if args.seeds:
        s.seeds = [int(x) for x in args.seeds.split(",")]
    if args.iters:
        s.iters = args.iters
    if args.n:
        s.n = args.n
    return args, s


@torch.no_grad()
def score(
    model: torch.nn.Module, domain: str, s: Setting, fixed_depth: bool, seed: int = 4242
) -> dict[str, Any]:
    """Per-bucket accuracy at exactly `c` steps, at 3c steps, under auto; plus the one-step shortcut probe."""
    task = make_task(domain)
    model.eval()
    per: dict[int, dict[str, float]] = {}
    for c in sorted(set(s.id_buckets + s.ood_buckets)):
        _, batch = sample_bucket(task, c, s.n, seed)
        if fixed_depth:
            acc = accuracy_by_steps(model, batch, [1])[1]
            per[c] = {"at_c": acc, "at_3c": acc, "auto": acc, "best": acc}
            continue
        by = accuracy_by_steps(model, batch, [c, 3 * c])
        auto = evaluate_auto(model, task, batch, c).accuracy
        per[c] = {"at_c": by[c], "at_3c": by[3 * c], "auto": auto, "best": max(by[c], by[3 * c], auto)}
    _, probe = sample_bucket(task, s.shortcut_bucket, s.n, seed + 1)
    shortcut = accuracy_by_steps(model, probe, [1])[1]
    mean = lambda keys, k: statistics.fmean(per[c][k] for c in keys)  # noqa: E731
    return {
        "buckets": {str(c): v for c, v in per.items()},
        "id_auto": mean(s.id_buckets, "auto"),
        "ood_auto": mean(s.ood_buckets, "auto"),
        "ood_best": mean(s.ood_buckets, "best"),
        "ood_at_3c": mean(s.ood_buckets, "at_3c"),
        "step1_shortcut": shortcut,
    }


def run(variants: list[Variant], args: argparse.Namespace, s: Setting, title: str) -> dict[str, Any]:
    """Train every variant for every seed, score it, print a table, write JSON."""
    rows = []
    for v in variants:
        for seed in s.seeds:
            over = {**s.overrides, **v.overrides}
            cfg = config_for(
                args.domain, iters=s.iters, seed=seed, threads=args.threads, save_every=0, **over
            )
            model = v.build(cfg) if v.build else None
            t0 = time.time()
            model = train(cfg, progress=False, init_from=model)
            secs = time.time() - t0
            res = score(model, args.domain, s, v.fixed_depth)
            n_params = sum(p.numel() for p in model.parameters() if p.requires_grad)
            rows.append(
                {"variant": v.name, "seed": seed, "params": n_params, "train_seconds": round(secs, 1), **res}
            )
            print(
                f"  {v.name:<28} seed {seed}: id {res['id_auto']:.3f}  ood {res['ood_auto']:.3f}  "
                f"step-1 probe {res['step1_shortcut']:.3f}  ({secs:.0f} s)",
                file=sys.stderr,
                flush=True,
            )
    summary = summarise(rows, [v.name for v in variants])
    print(table(summary, title, s))
    out = {
        "title": title,
        "command": " ".join(["python", *sys.argv]),
        "setting": s.__dict__,
        "rows": rows,
        "summary": summary,
        "torch_threads": args.threads,
    }
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(out, indent=2) + "\n")
    return out


def summarise(rows: list[dict[str, Any]], names: list[str]) -> list[dict[str, Any]]:
    keys = ["id_auto", "ood_auto", "ood_best", "ood_at_3c", "step1_shortcut", "train_seconds"]
    out = []
    for name in names:
        mine = [r for r in rows if r["variant"] == name]
        entry: dict[str, Any] = {"variant": name, "params": mine[0]["params"], "seeds": len(mine)}
        for k in keys:
            vals = [r[k] for r in mine]
            entry[k] = round(statistics.fmean(vals), 4)
            entry[k + "_std"] = round(statistics.stdev(vals), 4) if len(vals) > 1 else 0.0
        out.append(entry)
    return out


def table(summary: list[dict[str, Any]], title: str, s: Setting) -> str:
    lines = [
        f"## {title}",
        f"ID buckets {s.id_buckets}, OOD buckets {s.ood_buckets}, {s.n} problems each, seeds {s.seeds}, {s.iters} iterations",
        "",
        "| variant | params | ID acc (auto) | OOD acc (auto) | OOD acc (best) | step-1 acc on "
        f"{s.shortcut_bucket}-hop | train s |",
        "|---|---|---|---|---|---|---|",
    ]

    def pm(e: dict[str, Any], k: str) -> str:
        return f"{e[k]:.3f} ± {e[k + '_std']:.3f}" if e["seeds"] > 1 else f"{e[k]:.3f}"

    for e in summary:
        lines.append(
            f"| {e['variant']} | {e['params']:,} | {pm(e, 'id_auto')} | {pm(e, 'ood_auto')} | {pm(e, 'ood_best')} | "
            f"{pm(e, 'step1_shortcut')} | {e['train_seconds']:.0f} |"
        )
    return "\n".join(lines)
