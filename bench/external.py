"""Reading and accuracy on text the project did not write: published benchmark items, third-party generators,
re-implemented public formats and blind corpora, scored as written against independent labels.

    python bench/external.py                 # every suite, full size
    python bench/external.py --quick         # a few items per suite (a test runs this)
    python bench/external.py --suite nlgraph --suite bbh --show-wrong 5

Each suite module in `bench/external_suites/` defines `SUITES = {name: make}`, where `make(n, seed)` returns
items {"text", "expected", "bucket"} (n: items wanted, None = all; seed: for generators). Each item is solved by
`drt_agent.solve_many` exactly as written; an answer is correct when it equals `expected`, a refusal is an error
with a message, and anything else is wrong. Wrong answers are the failure that matters: a refusal says what to
change, a wrong answer misleads an agent. Writes JSON to --out (default: runs/external.json; the committed
figures in docs/results/reading.md name the command that produced them).
"""

from __future__ import annotations

import argparse
import collections
import importlib
import json
import pkgutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

Item = dict[str, Any]
Maker = Callable[[int | None, int], list[Item]]


def suites() -> dict[str, Maker]:
    """Every suite of every module in bench/external_suites/, by name."""
    import external_suites

    out: dict[str, Maker] = {}
    for info in pkgutil.iter_modules(external_suites.__path__):
        mod = importlib.import_module(f"external_suites.{info.name}")
        out.update(getattr(mod, "SUITES", {}))
    return out


def score(items: list[Item], strict: bool = False) -> dict[str, Any]:
    """Solve each item as written; tally correct / refused / wrong per bucket, keep the failures."""
    import drt_agent

    t0 = time.perf_counter()
    results = drt_agent.solve_many([it["text"] for it in items])
    seconds = time.perf_counter() - t0
    tally: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    failures: list[dict[str, Any]] = []
    for it, res in zip(items, results, strict=True):
        if isinstance(res, Exception):
            kind, got = "refused", f"{type(res).__name__}: {res}"
        else:
            kind, got = ("correct" if res.answer == it["expected"] else "wrong"), res.answer
        tally[it["bucket"]][kind] += 1
        if kind != "correct":
            failures.append(
                {
                    "kind": kind,
                    "bucket": it["bucket"],
                    "text": it["text"],
                    "expected": it["expected"],
                    "got": got,
                }
            )
    return {
        "n": len(items),
        "seconds": round(seconds, 2),
        "buckets": {b: dict(c) for b, c in sorted(tally.items())},
        "failures": failures,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="a few items per suite")
    ap.add_argument("--suite", action="append", help="run only these suites (repeatable)")
    ap.add_argument(
        "--n", type=int, default=None, help="items per suite (default: all, or 300 for generators)"
    )
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--show-wrong", type=int, default=3, help="print this many failures of each kind per suite"
    )
    ap.add_argument("--out", type=Path, default=Path("runs/external.json"))
    ap.add_argument("--markdown", type=Path, help="also write a per-suite markdown table here")
    args = ap.parse_args(argv)
    available = suites()
    chosen = args.suite or sorted(available)
    unknown = [s for s in chosen if s not in available]
    if unknown:
        ap.error(f"unknown suite(s) {unknown}; known: {', '.join(sorted(available))}")
    n = 12 if args.quick else args.n
    report: dict[str, Any] = {
        "command": "python bench/" + " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]),
        "suites": {},
    }
    print(f"{'suite':<28} {'bucket':<34} {'n':>5} {'correct':>8} {'refused':>8} {'wrong':>6}")
    for name in chosen:
        items = available[name](n, args.seed)
        res = score(items)
        report["suites"][name] = res
        for bucket, c in res["buckets"].items():
            total = sum(c.values())
            print(
                f"{name:<28} {bucket[:34]:<34} {total:>5} {c.get('correct', 0) / total:>8.3f} "
                f"{c.get('refused', 0):>8} {c.get('wrong', 0):>6}"
            )
        for kind in ("wrong", "refused"):
            for f in [f for f in res["failures"] if f["kind"] == kind][: args.show_wrong]:
                print(
                    f"    {kind}: expected {f['expected']!r}, got {str(f['got'])[:160]!r} <- {f['text'][:200]!r}"
                )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2))
    if args.markdown is not None:
        args.markdown.write_text(markdown(report))
    return 0


def markdown(report: dict[str, Any]) -> str:
    """One row per suite: items, correct, refused, wrong (the buckets summed)."""
    lines = [
        f"`{report['command']}`",
        "",
        "| suite | n | correct | refused | wrong |",
        "|---|---|---|---|---|",
    ]
    for name, res in report["suites"].items():
        tot = collections.Counter()
        for counts in res["buckets"].values():
            tot.update(counts)
        lines.append(f"| {name} | {res['n']} | {tot['correct']} | {tot['refused']} | {tot['wrong']} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
