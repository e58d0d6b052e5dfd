"""The source paper's published accuracy grids beside ours, cell by cell, on fresh problems.

Paper grids are from paper-notes section 4 (graph: seed 42, d=128; logic: grid B; relational: grid A).

    python bench/paper_grid.py --domain graph            # 500 problems per cell
    python bench/paper_grid.py --domain graph --quick
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from drt_agent.checkpoint import shipped_names
from drt_agent.frontier import compute_frontier

PAPER = {
    "graph": {
        "steps": [1, 2, 3, 5, 8, 12, 15, 20],
        "rows": {
            1: [0.97, 0.97, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00],
            2: [0.51, 0.98, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00],
            3: [0.51, 0.54, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00],
            4: [0.52, 0.54, 0.50, 1.00, 1.00, 1.00, 1.00, 1.00],
            6: [0.50, 0.52, 0.50, 0.50, 1.00, 1.00, 1.00, 1.00],
            8: [0.51, 0.54, 0.50, 0.50, 0.50, 0.97, 1.00, 1.00],
            10: [0.51, 0.52, 0.50, 0.50, 0.50, 0.50, 0.50, 0.50],
            12: [0.51, 0.53, 0.50, 0.50, 0.50, 0.50, 0.50, 0.50],
        },
        "train": "hops 1-5",
    },
    "logic": {
        "steps": [1, 2, 4, 6, 8, 10, 12, 16, 20, 24],
        "rows": {
            2: [0.64, 0.83, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00],
            4: [0.53, 0.75, 0.96, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00],
            6: [0.57, 0.68, 0.90, 0.97, 0.99, 1.00, 1.00, 1.00, 1.00, 1.00],
            8: [0.60, 0.72, 0.93, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99],
            10: [0.56, 0.66, 0.88, 0.94, 0.95, 0.96, 0.96, 0.97, 0.97, 0.96],
            12: [0.58, 0.67, 0.87, 0.94, 0.96, 0.96, 0.96, 0.96, 0.95, 0.95],
            14: [0.57, 0.68, 0.86, 0.90, 0.92, 0.94, 0.93, 0.93, 0.92, 0.93],
        },
        "train": "depth 1-8",
    },
    "relational": {
        "steps": [1, 2, 4, 6, 8, 10, 12, 16, 20],
        "rows": {
            2: [0.801, 0.856, 0.858, 0.861, 0.861, 0.863, 0.862, 0.860, 0.861],
            3: [0.724, 0.834, 0.839, 0.833, 0.835, 0.834, 0.833, 0.829, 0.825],
            4: [0.658, 0.811, 0.833, 0.835, 0.827, 0.824, 0.826, 0.824, 0.822],
            5: [0.638, 0.791, 0.812, 0.819, 0.818, 0.819, 0.817, 0.806, 0.806],
            6: [0.536, 0.661, 0.682, 0.687, 0.688, 0.690, 0.691, 0.691, 0.687],
            7: [0.527, 0.632, 0.651, 0.657, 0.665, 0.667, 0.671, 0.671, 0.674],
            8: [0.460, 0.507, 0.524, 0.530, 0.543, 0.550, 0.552, 0.568, 0.571],
            9: [0.448, 0.492, 0.518, 0.525, 0.531, 0.535, 0.543, 0.548, 0.557],
        },
        "train": "chains 2-5",
    },
}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--domain", default="graph", choices=sorted(PAPER))
    ap.add_argument("--model", default=None, help="checkpoint (default: the shipped one for the domain)")
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--quick", action="store_true", help="20 problems per cell, first 3 rows")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    paper = PAPER[args.domain]
    model = args.model or args.domain
    if args.model is None and args.domain not in shipped_names():
        sys.exit(f"no shipped checkpoint for {args.domain!r} yet; pass --model DIR")
    rows = sorted(paper["rows"])[: 3 if args.quick else None]
    n = 20 if args.quick else args.n
    t0 = time.time()
    fr = compute_frontier(model, paper["steps"], rows, n=n, seed=args.seed, with_auto=False, progress=False)
    lines = [
        f"## {args.domain}: ours / paper, accuracy per cell (paper trained on {paper['train']})",
        f"{n} fresh problems per cell, seed {args.seed}; model {model}",
        "",
        "| complexity \\ steps | " + " | ".join(str(s) for s in paper["steps"]) + " |",
        "|---" * (len(paper["steps"]) + 1) + "|",
    ]
    cells = []
    for c, ours in zip(rows, fr.grid, strict=True):
        theirs = paper["rows"][c]
        lines.append(
            f"| {c} | " + " | ".join(f"{o:.2f} / {p:.2f}" for o, p in zip(ours, theirs, strict=True)) + " |"
        )
        cells.append({"complexity": c, "ours": ours, "paper": theirs})
    print("\n".join(lines))
    out = {
        "domain": args.domain,
        "model": model,
        "n": n,
        "seed": args.seed,
        "steps": paper["steps"],
        "cells": cells,
        "seconds": round(time.time() - t0, 1),
        "command": " ".join(["python", *sys.argv]),
    }
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(out, indent=2) + "\n")
    return out


if __name__ == "__main__":
    main()
