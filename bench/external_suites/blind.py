"""The blind corpus (tests/data/blind/): inputs written by a helper session that never read the parsers, labels
from its own independent solvers (networkx, Python evaluation, a family-tree solver). The *_dev halves were used
to find general causes; the *_holdout halves were kept unseen until the final evaluation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

BLIND = Path(__file__).resolve().parents[2] / "tests" / "data" / "blind"


def _read(name: str, n: int | None) -> list[dict[str, Any]]:
    items = [json.loads(line) for line in (BLIND / f"{name}.jsonl").read_text().splitlines() if line.strip()]
    return items if n is None else items[:: max(1, len(items) // n)][:n]


SUITES = {
    f"blind_{domain}_{half}": (lambda n, seed, name=f"{domain}_{half}": _read(name, n))
    for domain in ("graph", "logic", "kinship")
    for half in ("dev", "holdout")
}
