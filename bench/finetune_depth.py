"""Does a fine-tuned model go deeper? Fine-tune on small cases of a relation family, score cases twice as large.

Writes a corpus of small cases with a family's generator from `examples/` (org charts of <= 7 people, ...),
fine-tunes the shipped `relational` checkpoint on it (`drt_agent.train.finetune`, the CLI's code path), then
scores freshly generated held-out cases per size, the answers coming from each generator's own tree (not from
the library). One row per family and fine-tuning setting, with the training seconds.

    python bench/finetune_depth.py --family org --out docs/results/finetune_depth_org.json
    python bench/finetune_depth.py --quick    # tiny, for a smoke test
    python bench/finetune_depth.py --train-file A.jsonl --eval-files B7.jsonl B14.jsonl   # corpora you did not write
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "examples")]  # the generators import each other

from drt_agent import domains  # noqa: E402
from drt_agent.checkpoint import load_checkpoint  # noqa: E402
from drt_agent.corpus import read_corpus  # noqa: E402
from drt_agent.evaluate import answer_accuracy  # noqa: E402
from drt_agent.train import finetune  # noqa: E402


def _example_module(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, ROOT / "examples" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def family_generator(family: str) -> Callable[[np.random.Generator, int], dict[str, str]]:
    """A family's case generator: (rng, size) -> {"text", "question", "answer"}."""
    if family == "org":
        return _example_module("finetune_org_corpus").chart_example
    if family == "lineage":
        return _example_module("finetune_lineage_corpus").tree_example
    raise SystemExit(f"unknown family {family!r}: use org or lineage")


def write_cases(path: Path, make: Callable, sizes: tuple[int, int], n: int, seed: int) -> Path:
    rng = np.random.default_rng(seed)
    with open(path, "w", encoding="utf-8") as fh:
        for _ in range(n):
            fh.write(json.dumps(make(rng, int(rng.integers(sizes[0], sizes[1] + 1)))) + "\n")
    return path


def score(out: Path, path: Path, label: str) -> dict[str, Any]:
    """Accuracy of checkpoint `out` at auto depth on a corpus file (unreadable lines counted as refusals)."""
    loaded = load_checkpoint(out)
    problems, answers, bad = read_corpus(path, domains.get("relational"), max_bad_lines=1.0)
    torch.set_num_threads(1)
    acc = answer_accuracy(loaded.model, loaded.task, problems, answers)
    n = len(problems) + len(bad)
    return {"cases": label, "n": n, "unreadable": len(bad), "accuracy": round(acc * len(problems) / n, 4)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--family", default="org", choices=["org", "lineage"])
    ap.add_argument("--train-file", type=Path, default=None, help="fine-tune on this corpus instead")
    ap.add_argument("--eval-files", type=Path, nargs="*", default=None, help="score these corpora instead")
    ap.add_argument("--base", default="relational")
    ap.add_argument("--train-sizes", default="4:7", help="case sizes in the corpus, LO:HI")
    ap.add_argument("--eval-sizes", default="7,10,14", help="sizes scored after fine-tuning")
    ap.add_argument("--n-train", type=int, default=3000)
    ap.add_argument("--n-eval", type=int, default=500)
    ap.add_argument("--freeze-core", action="store_true")
    ap.add_argument("--epochs", type=int, default=None)
    ap.add_argument("--steps", default=None, help="fine-tuning thinking steps, N or LO:HI")
    ap.add_argument("--max-minutes", type=float, default=9.5)
    ap.add_argument(
        "--workdir", type=Path, default=None, help="keep the checkpoint here (default: a temp dir)"
    )
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    if args.quick:
        args.n_train, args.n_eval, args.epochs, args.eval_sizes = 48, 16, 1, "7,14"
    make = family_generator(args.family)
    lo, hi = (int(v) for v in args.train_sizes.split(":"))
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        work = args.workdir or tmp / "ft"
        corpus = args.train_file or write_cases(tmp / "corpus.jsonl", make, (lo, hi), args.n_train, seed=0)
        steps = None
        if args.steps:
            steps = tuple(int(v) for v in args.steps.split(":")) if ":" in args.steps else int(args.steps)
        t0 = time.time()
        res = finetune(
            corpus, work, base=args.base, progress=not args.quick, freeze_core=args.freeze_core,
            epochs=args.epochs, steps=steps, max_minutes=args.max_minutes, threads=1,
        )  # fmt: skip
        seconds = time.time() - t0
        evals = [(p, p.name) for p in args.eval_files or []] or [
            (
                write_cases(tmp / f"eval_{s}.jsonl", make, (int(s), int(s)), args.n_eval, 1000 + int(s)),
                f"size {s}",
            )
            for s in args.eval_sizes.split(",")
        ]
        rows = [score(work, path, label) for path, label in evals]
    report = {
        "command": "python " + " ".join(sys.argv),
        "family": str(args.train_file) if args.train_file else args.family,
        "train_sizes": None if args.train_file else [lo, hi],
        "n_train": res.n_train,
        "holdout_before": res.holdout_before,
        "holdout_after": res.holdout_after,
        "finetune_seconds": round(seconds, 1),
        "train_seconds": res.train_seconds,
        "freeze_core": args.freeze_core,
        "scores": rows,
    }
    print(json.dumps(report, indent=1))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=1) + "\n")


if __name__ == "__main__":
    main()
