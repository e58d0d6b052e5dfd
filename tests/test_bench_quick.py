"""Every evidence benchmark runs end to end in --quick mode, so none of them rots."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.mark.parametrize(
    ("script", "domain"),
    [
        ("supervision.py", "graph"),
        ("ablations.py", "graph"),
        ("baselines.py", "graph"),
        ("supervision.py", "logic"),
    ],
)
def test_training_benchmarks_quick(script, domain, tmp_path):
    out = tmp_path / "r.json"
    res = subprocess.run(
        [sys.executable, str(BENCH / script), "--quick", "--domain", domain, "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    data = json.loads(out.read_text())
    assert data["summary"] and all(0.0 <= e["id_auto"] <= 1.0 for e in data["summary"])
    assert "| variant |" in res.stdout
    if domain == "logic":  # the fixed-step columns use the domain's step rule, not c steps
        assert data["setting"]["step_mult"] == 2 and data["rows"][0]["buckets"]["1"]["steps_at_c"] == 4


def test_paper_grid_quick(tmp_path):
    out = tmp_path / "g.json"
    res = subprocess.run(
        [sys.executable, str(BENCH / "paper_grid.py"), "--domain", "graph", "--quick", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    cells = json.loads(out.read_text())["cells"]
    assert [c["complexity"] for c in cells] == [1, 2, 3]
    assert cells[0]["ours"][-1] >= 0.9  # one hop at 20 steps is solved


def test_inference_cost_quick(tmp_path):
    out = tmp_path / "c.json"
    res = subprocess.run(
        [sys.executable, str(BENCH / "inference_cost.py"), "--quick", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    rows = json.loads(out.read_text())["rows"]
    assert [r["steps"] for r in rows] == [1, 4, 16]
