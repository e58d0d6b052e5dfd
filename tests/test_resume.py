"""Resumable training: an interrupted run continued with resume=True ends with exactly the weights of an
uninterrupted run under the same seed (data and dropout noise derive from (seed, iteration))."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from safetensors import safe_open
from safetensors.torch import save_file

import drt_agent.train as train_mod
from drt_agent.errors import CheckpointError
from drt_agent.train import STATE_JSON, STATE_WEIGHTS, TrainConfig, config_for, train


def tiny(**overrides) -> TrainConfig:
    base = dict(
        iters=8,
        batch_size=8,
        d_model=16,
        n_heads=2,
        d_ff=32,
        steps=(2, 4),
        complexity=(1, 2),
        threads=1,
        save_every=2,
        seed=3,
    )
    return config_for("graph", **{**base, **overrides})


def weights(model: torch.nn.Module) -> dict[str, torch.Tensor]:
    return {k: v.detach().clone() for k, v in model.state_dict().items()}


def same(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> bool:
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, torch.Tensor]:
    return weights(train(tiny(), tmp_path_factory.mktemp("ref"), progress=False))


def saved_iteration(out: Path) -> int:
    return json.loads((out / STATE_JSON).read_text())["iteration"]


def test_stop_and_resume_matches_uninterrupted(tmp_path: Path, reference: dict[str, torch.Tensor]) -> None:
    stopped = weights(train(tiny(), tmp_path, progress=False, stop_after=3))
    assert not same(stopped, reference)
    assert saved_iteration(tmp_path) == 2  # a graceful stop saves its state, even off the save_every grid
    resumed = weights(train(tiny(), tmp_path, progress=False, resume=True))
    assert same(resumed, reference)


def test_crash_resumes_from_last_periodic_state(
    tmp_path: Path, reference: dict[str, torch.Tensor], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = train_mod.global_batch

    def crash_at_5(task, cfg, it):
        if it == 5:
            raise KeyboardInterrupt  # the process dies mid-run: no graceful save
        return real(task, cfg, it)

    monkeypatch.setattr(train_mod, "global_batch", crash_at_5)
    with pytest.raises(KeyboardInterrupt):
        train(tiny(), tmp_path, progress=False)
    monkeypatch.setattr(train_mod, "global_batch", real)
    assert saved_iteration(tmp_path) == 3  # iterations 0..3 done, the last save_every=2 boundary
    resumed = weights(train(tiny(), tmp_path, progress=False, resume=True))
    assert same(resumed, reference)


def test_optimizer_moments_are_needed(tmp_path: Path, reference: dict[str, torch.Tensor]) -> None:
    """The test above can fail: a state without AdamW's moments resumes to different weights."""
    train(tiny(), tmp_path, progress=False, stop_after=4)
    path = tmp_path / STATE_WEIGHTS
    with safe_open(str(path), framework="pt") as fh:
        meta = fh.metadata()
        kept = {k: fh.get_tensor(k) for k in fh.keys() if k.startswith("model.")}  # noqa: SIM118
    save_file(kept, str(path), metadata=meta)
    resumed = weights(train(tiny(), tmp_path, progress=False, resume=True))
    assert not same(resumed, reference)


def test_resume_refuses_other_settings(tmp_path: Path) -> None:
    train(tiny(), tmp_path, progress=False, stop_after=2)
    with pytest.raises(CheckpointError, match="lr"):
        train(tiny(lr=1e-2), tmp_path, progress=False, resume=True)
    train(tiny(iters=10), tmp_path, progress=False, resume=True, stop_after=1)  # more iterations: allowed


def test_corrupt_state_is_a_checkpoint_error(tmp_path: Path) -> None:
    train(tiny(), tmp_path, progress=False, stop_after=2)
    (tmp_path / STATE_WEIGHTS).write_bytes(b"\x80\x04junk")
    with pytest.raises(CheckpointError, match="cannot resume"):
        train(tiny(), tmp_path, progress=False, resume=True)


def _default_signals() -> None:
    """In the child: SIGINT and SIGTERM at their default action, as in a terminal (a test run started in the
    background inherits SIGINT ignored, and training rightly leaves an ignored signal ignored)."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signal_stops_training_with_a_resumable_state(tmp_path: Path, sig: signal.Signals, code: int) -> None:
    """`drt-agent train` stopped by a signal finishes its iteration, saves the state (no half-updated
    weights), says how to resume, and exits 128 + signal; --resume then completes the run."""
    out = tmp_path / "run"
    args = ["train", "graph", "--out", str(out), "--d-model", "16", "--n-heads", "2", "--d-ff", "32",
            "--batch-size", "8", "--steps", "2:4", "--complexity", "1:2", "--save-every", "0", "--threads", "1"]  # fmt: skip
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONWARNINGS": "ignore"}
    cmd = [sys.executable, "-m", "drt_agent.cli", *args]
    proc = subprocess.Popen(
        [*cmd, "--iters", "100000"],
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        bufsize=1,
        preexec_fn=_default_signals,
    )
    assert proc.stderr is not None
    seen = ""
    while "it/s" not in seen and "s/it" not in seen:  # the progress bar shows iterations being done
        ch = proc.stderr.read(1)
        assert ch, seen
        seen += ch
    proc.send_signal(sig)
    try:
        _, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise AssertionError(f"{sig.name} did not stop training within 120 s") from None
    assert proc.returncode == code, err[-2000:]
    last = err.strip().splitlines()[-1]
    assert last.startswith(f"error: stopped by {sig.name} after iteration ") and "--resume" in last, last
    done = int(last.split("after iteration ")[1].split(";")[0])
    assert json.loads((out / STATE_JSON).read_text())["iteration"] == done - 1
    assert not (out / "config.json").exists()  # an interrupted run writes no checkpoint over anything
    proc = subprocess.run([*cmd, "--iters", str(done + 2), "--resume", "--no-progress"], env=env,
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (out / "config.json").is_file() and not (out / STATE_JSON).exists()
    assert json.loads((out / "config.json").read_text())["training"]["iters"] == done + 2
