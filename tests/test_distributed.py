"""Data-parallel training: `torchrun --nproc-per-node 2 -m drt_agent.cli train ...` on CPU (gloo) ends with the
weights of a single-process run on the same global batch.

The global batch of 7 splits unevenly (4 + 3): the loss is normalised by the global label count, so DDP's
gradient mean equals the single-process gradient even then.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

from drt_agent.checkpoint import CONFIG, WEIGHTS
from drt_agent.model import DRTModel
from drt_agent.train import config_for, train

ARGS = {
    "iters": 5,
    "batch_size": 7,
    "d_model": 16,
    "n_heads": 2,
    "d_ff": 32,
    "steps": (2, 4),
    "complexity": (1, 2),
    "seed": 11,
    "threads": 1,
}


def cli_args() -> list[str]:
    out = []
    for key, value in ARGS.items():
        flag = "--" + key.replace("_", "-")
        out += [flag, f"{value[0]}:{value[1]}" if isinstance(value, tuple) else str(value)]
    return out


@pytest.mark.slow
def test_two_process_ddp_matches_single_process(tmp_path: Path) -> None:
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc-per-node", "2"]
    cmd += ["-m", "drt_agent.cli", "train", "graph", "--out", str(tmp_path / "ddp"), "--no-progress"]
    proc = subprocess.run(cmd + cli_args(), env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]

    single = train(config_for("graph", **ARGS), tmp_path / "single", progress=False)
    ddp = load_file(str(tmp_path / "ddp" / WEIGHTS))
    ref = single.state_dict()
    assert ddp.keys() == ref.keys()
    worst = max(float((ddp[k] - ref[k]).abs().max()) for k in ref)
    assert worst < 1e-5, f"DDP and single-process weights differ by {worst}"

    torch.manual_seed(ARGS["seed"])  # the weights moved: the comparison is not of two untrained models
    init = DRTModel(single.cfg).state_dict()
    assert max(float((init[k] - ref[k]).abs().max()) for k in ref) > 1e-3

    config = json.loads((tmp_path / "ddp" / CONFIG).read_text())
    assert config["command"].startswith("torchrun --nproc-per-node 2 -m drt_agent.cli train graph")
    single_loss = json.loads((tmp_path / "single" / CONFIG).read_text())["final_loss"]
    assert config["final_loss"] == pytest.approx(single_loss, rel=1e-4)  # the logged loss is the global one


TINY = ["--iters", "2", "--batch-size", "8", "--d-model", "16", "--n-heads", "2", "--d-ff", "32", "--steps", "2:3",
        "--complexity", "1:2", "--threads", "1", "--no-progress"]  # fmt: skip


@pytest.mark.slow
def test_consecutive_ddp_runs_shut_down_cleanly(tmp_path: Path) -> None:
    """Several 2-process runs in a row all exit 0 with nothing on stderr but the final line: every rank waits
    for the others at the end, then destroys the process group (no 'terminate called', no abort). The
    20-run version is in docs/results/reliability.md."""
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONWARNINGS": "ignore"}
    cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc-per-node", "2"]
    for i in range(3):
        out = tmp_path / f"run{i}"
        proc = subprocess.run([*cmd, "-m", "drt_agent.cli", "train", "graph", "--out", str(out), *TINY],
                              env=env, capture_output=True, text=True, timeout=300)  # fmt: skip
        assert proc.returncode == 0, proc.stderr[-3000:]
        assert proc.stderr.strip().splitlines() == [f"checkpoint written to {out}"], proc.stderr[-3000:]
        assert (out / CONFIG).is_file()


def test_shutdown_destroys_the_group(tmp_path: Path) -> None:
    import torch.distributed as dist

    from drt_agent.distributed import shutdown_distributed

    dist.init_process_group("gloo", init_method=f"file://{tmp_path / 'store'}", rank=0, world_size=1)
    assert dist.is_initialized()
    shutdown_distributed()
    assert not dist.is_initialized()
    shutdown_distributed()  # outside a group: nothing to do
