"""Inference cost against thinking steps: latency grows linearly, peak memory stays flat.

Beside it, the KV cache a token-generating model of the same width would hold for the same number of reasoning
tokens (analytic: 2 (K and V) x layers x (prompt + reasoning tokens) x width x bytes, per problem).
Peak memory is the resident-set peak of a fresh subprocess per step count (torch's own import included), so
the column to read is the increase over the smallest step count.

    python bench/inference_cost.py            # graph checkpoint, 64-node graphs, batch 64
    python bench/inference_cost.py --quick
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import torch


def measure(model_name: str, steps: int, batch: int, nodes: int, repeats: int) -> dict:
    from drt_agent.checkpoint import load_checkpoint

    loaded = load_checkpoint(model_name)
    model, task = loaded.model, loaded.task
    knobs = task.bucket_knobs(4)
    if task.name == "graph":
        knobs = {"nodes": (nodes, nodes)}
    _, b = task.sample(batch, 4, np.random.default_rng(0), **knobs)
    times = []
    with torch.no_grad():
        for _ in range(repeats + 1):
            t0 = time.perf_counter()
            model(b, steps)
            times.append(time.perf_counter() - t0)
    return {
        "steps": steps,
        "latency_ms": 1000 * statistics.median(times[1:]),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "tokens": int(b.tokens.shape[1]),
        "width": model.cfg.core.d_model,
    }


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="graph")
    ap.add_argument("--steps", default="1,2,4,8,16,32,64,128")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--nodes", type=int, default=64)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child is not None:
        print(json.dumps(measure(args.model, args.child, args.batch, args.nodes, args.repeats)))
        return {}
    steps = [1, 4, 16] if args.quick else [int(s) for s in args.steps.split(",")]
    if args.quick:
        args.batch, args.nodes, args.repeats = 4, 16, 1
    rows = []
    for t in steps:
        cmd = [
            sys.executable,
            __file__,
            "--model",
            args.model,
            "--batch",
            str(args.batch),
            "--nodes",
            str(args.nodes),
            "--repeats",
            str(args.repeats),
            "--child",
            str(t),
        ]
        rows.append(json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout))
    base = rows[0]
    print(
        f"## Inference cost: {args.model}, batch {args.batch}, {rows[0]['tokens']} tokens, width {rows[0]['width']}"
    )
    print(
        "| steps | latency ms | latency / steps-1 latency | peak RSS MB | RSS increase MB | KV cache MB, 1 layer fp16 | KV cache MB, 24 layers fp16 |"
    )
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        kv1 = 2 * 1 * (r["tokens"] + r["steps"]) * r["width"] * 2 * args.batch / 2**20
        r["kv_cache_mb_1layer_fp16"], r["kv_cache_mb_24layers_fp16"] = kv1, 24 * kv1
        print(
            f"| {r['steps']} | {r['latency_ms']:.2f} | {r['latency_ms'] / base['latency_ms']:.1f}x | "
            f"{r['peak_rss_mb']:.0f} | {r['peak_rss_mb'] - base['peak_rss_mb']:+.1f} | {kv1:.3f} | {24 * kv1:.2f} |"
        )
    slope = np.polyfit([r["steps"] for r in rows], [r["latency_ms"] for r in rows], 1)[0]
    print(
        f"\nlatency slope: {slope:.3f} ms per step (linear fit); peak memory spread: "
        f"{max(r['peak_rss_mb'] for r in rows) - min(r['peak_rss_mb'] for r in rows):.1f} MB"
    )
    out = {
        "rows": rows,
        "batch": args.batch,
        "slope_ms_per_step": slope,
        "command": " ".join(["python", *sys.argv]),
    }
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(out, indent=2) + "\n")
    return out


if __name__ == "__main__":
    main()
