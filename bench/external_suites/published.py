"""Published benchmark items as released (MIT-licensed; see ../shared/external/SOURCES.md): NLGraph's
connectivity `main.json` (2,232 prompts) and BIG-Bench Hard's `boolean_expressions.json` (250 items)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

# a local copy of the published items: $DRT_EXTERNAL_DIR, else the workspace's shared/external beside the repo
LOCAL = Path(os.environ.get("DRT_EXTERNAL_DIR", Path(__file__).resolve().parents[3] / "shared" / "external"))


def _read(name: str, n: int | None) -> list[dict[str, Any]]:
    path = LOCAL / name
    if not path.is_file():
        raise SystemExit(f"{path} not found: set DRT_EXTERNAL_DIR to a folder holding {name}")
    items = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return items if n is None else items[:: max(1, len(items) // n)][:n]


SUITES = {
    "nlgraph": lambda n, seed: _read("nlgraph_connectivity.jsonl", n),
    "bbh": lambda n, seed: _read("bbh_boolean_expressions.jsonl", n),
}
