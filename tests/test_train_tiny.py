"""A tiny CPU training run learns 2-hop reachability in seconds (silent thinking: final step only)."""

from __future__ import annotations

import numpy as np
import torch

from drt_agent.core import CoreConfig
from drt_agent.evaluate import accuracy_by_steps
from drt_agent.tasks import make_task
from drt_agent.train import TrainConfig, config_for, train


def test_tiny_training_learns_two_hop_reachability(tmp_path):
    cfg = TrainConfig(
        task="graph",
        iters=300,
        batch_size=32,
        lr=3e-3,
        steps=(1, 4),
        complexity=(1, 2),
        core=CoreConfig(d_model=32, n_heads=2, d_ff=64),
        task_knobs={"nodes": (6, 8), "horizon_targets": True},
        seed=0,
        save_every=0,
    )
    model = train(cfg, out_dir=tmp_path / "ckpt", progress=False)
    task = make_task("graph", {"nodes": (6, 8)})
    _, batch = task.sample(200, 2, np.random.default_rng(99))
    acc = accuracy_by_steps(model, batch, [1, 4])
    assert acc[4] >= 0.95, acc
    assert acc[1] <= 0.7, "one step cannot see two hops: the untrained depth must sit near chance"
    assert (tmp_path / "ckpt" / "model.safetensors").is_file()


def test_config_for_takes_task_defaults_and_overrides():
    cfg = config_for("graph", iters=10, d_model=32, gate=False)
    assert cfg.iters == 10 and cfg.core.d_model == 32 and cfg.core.gate is False
    assert cfg.steps == (1, 30) and cfg.core.n_heads == 4 and cfg.task_knobs == {"horizon_targets": True}


def test_single_output_loss_supervises_only_the_answer_token():
    from drt_agent.train import global_batch

    task = make_task("graph")
    batch, _ = global_batch(task, TrainConfig(dense_targets=False, batch_size=8), 0)
    labelled = (batch.labels != -100).sum(dim=1)
    assert labelled.tolist() == [1] * 8
    assert torch.equal(
        batch.labels[torch.arange(8), batch.answer_index] >= 0, torch.ones(8, dtype=torch.bool)
    )
