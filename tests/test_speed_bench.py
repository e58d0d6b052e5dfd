"""bench/speed.py --quick runs end to end and reports every figure the full run reports, side by side."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GRAPH_MODEL = os.environ.get("DRT_TEST_GRAPH_CHECKPOINT", "graph")


def test_quick_speed_bench(tmp_path: Path) -> None:
    out = tmp_path / "speed.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    res = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "speed.py"),
            "--quick",
            "--model",
            GRAPH_MODEL,
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    r = json.loads(out.read_text())
    assert r["matmul_peak_gflops"] > 0 and len(r["load_before"]) == 3
    single = r["single"]
    assert single["accuracy"] == 1.0 and single["drt"]["median_ms"] > 0
    assert single["networkx_build_and_bfs"]["median_ms"] > 0 and single["ratio_drt_to_networkx"] > 0
    assert [row["batch"] for row in r["throughput"]] == [1, 8, 64]
    for row in r["throughput"]:
        assert row["accuracy"] == 1.0 and row["drt_problems_per_s"] > 0 and row["networkx_problems_per_s"] > 0
        assert 0 < row["fraction_of_matmul_peak"] < 1
    assert all(row["correct"] for row in r["big_query"]) and len(r["big_query"]) == 4
    assert all(row["correct"] for row in r["vs_nodes"] + r["vs_hops"])
    assert {"slope", "intercept", "r2", "loglog_slope"} <= set(r["step_vs_edges"]["fit_ms_vs_pairs"])
    assert [row["steps"] for row in r["vs_steps"]["rows"]] == [1, 2, 4]
    assert not any(r["cli_startup"]["imported_by_help"].values())
    reading = r["reading"]  # issue 14's figures: the reader alone, the text and typed paths side by side
    assert reading["read_ms_per_problem"] > 0 and reading["cpu"]["text_problems_per_s"] > 0
    assert reading["text_over_typed"] > 0 and reading["typed_problems_per_s"] > 0
    assert "drt-agent" in res.stdout and "networkx" in res.stdout
