"""The blind corpora (tests/data/blind/ and tests/data/blind2/): inputs written by helper sessions that never read
the parsers, labels from their own independent solvers (networkx, Python evaluation, a family-tree solver). The
*_dev halves were used to find general causes; the *_holdout halves were kept unseen until the final evaluation.
In blind2, `expected: null` marks a text that contradicts itself: the right outcome is a refusal."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"


def _read(name: str, n: int | None, corpus: str = "blind") -> list[dict[str, Any]]:
    path = DATA / corpus / f"{name}.jsonl"
    items = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return items if n is None else items[:: max(1, len(items) // n)][:n]


SUITES = {
    f"blind_{domain}_{half}": (lambda n, seed, name=f"{domain}_{half}": _read(name, n))
    for domain in ("graph", "logic", "kinship")
    for half in ("dev", "holdout")
} | {
    f"blind2_{domain}_{half}": (lambda n, seed, name=f"{domain}_{half}": _read(name, n, "blind2"))
    for domain in ("graph", "logic", "kinship")
    for half in ("dev", "holdout")
}
