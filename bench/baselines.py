"""Baselines beside the depth-recurrent model, trained on the same data with the same loss and budget:

- a fixed-depth Transformer: 6 distinct blocks (the same SharedBlock class), no recurrence;
- a Universal Transformer with ACT halting (Graves 2016): one shared plain block, per-token halting, ponder cost;
- for graphs, a fixed-depth message-passing GNN (mean over in-neighbours, 6 distinct layers).

Widths are chosen so parameter counts are close to the recurrent model's; the table prints them.

    python bench/baselines.py            # full: 3 seeds
    python bench/baselines.py --quick    # seconds
"""

from __future__ import annotations

from dataclasses import replace

import torch
from common import Variant, parse_args, run
from torch import nn

from drt_agent.core import CoreConfig, SharedBlock
from drt_agent.model import DRTModel, ModelConfig
from drt_agent.tasks import make_task


class FixedDepthCore(nn.Module):
    """`depth` distinct blocks applied once each; one 'step' runs the whole stack (its depth cannot grow)."""

    fixed_steps = 1  # the step loop runs the stack once; more steps repeat its output

    def __init__(self, cfg: CoreConfig, depth: int = 6) -> None:
        super().__init__()
        self.input_norm = nn.LayerNorm(cfg.d_model)
        self.blocks = nn.ModuleList(SharedBlock(cfg) for _ in range(depth))

    def initial_state(self, x: torch.Tensor) -> torch.Tensor:
        return self.input_norm(x)

    def step(self, h: torch.Tensor, x: torch.Tensor, mask: torch.Tensor, positions=None, **_) -> torch.Tensor:
        for block in self.blocks:
            h = block(h, mask, positions)
        return h


class MessagePassingCore(FixedDepthCore):
    """A GNN: each layer averages in-neighbour states (the attention mask is the adjacency) and updates."""

    def __init__(self, cfg: CoreConfig, depth: int = 6) -> None:
        nn.Module.__init__(self)
        d = cfg.d_model
        self.input_norm = nn.LayerNorm(d)
        self.msg = nn.ModuleList(nn.Linear(d, d) for _ in range(depth))
        self.upd = nn.ModuleList(
            nn.Sequential(nn.LayerNorm(2 * d), nn.Linear(2 * d, d), nn.GELU(), nn.Linear(d, d))
            for _ in range(depth)
        )

    def step(self, h, x, mask, positions=None, **_):
        adj = mask.float()  # (B, L, L): row v lists v's in-neighbours and itself
        adj = adj / adj.sum(-1, keepdim=True)
        for msg, upd in zip(self.msg, self.upd, strict=True):
            m = adj @ msg(h)  # (B, L, D) mean of in-neighbour messages
            h = h + upd(torch.cat((h, m), dim=-1))
        return h


class ACTCore(nn.Module):
    """Universal Transformer with Adaptive Computation Time: one plain shared block, per-token halting."""

    fixed_steps = 1  # one loop 'step' is ACT's whole adaptive pass

    def __init__(self, cfg: CoreConfig, max_steps: int = 48, ponder: float = 0.01, eps: float = 0.01) -> None:
        super().__init__()
        self.input_norm = nn.LayerNorm(cfg.d_model)
        self.block = SharedBlock(replace(cfg, layerscale=False))
        self.inject = nn.Linear(cfg.d_model, cfg.d_model)
        self.halt = nn.Linear(cfg.d_model, 1)
        nn.init.constant_(self.halt.bias, -1.0)
        self.max_steps, self.tau, self.eps = max_steps, ponder, eps
        self.aux_loss: torch.Tensor | None = None

    def initial_state(self, x):
        return self.input_norm(x)

    def step(self, h, x, mask, positions=None, **_):
        B, L, _ = h.shape
        halting = h.new_zeros(B, L)
        remainder = h.new_zeros(B, L)
        updates = h.new_zeros(B, L)
        out = torch.zeros_like(h)
        for _ in range(self.max_steps):
            h = self.block(h + self.inject(x), mask, positions)
            p = torch.sigmoid(self.halt(h)).squeeze(-1)
            running = halting < 1 - self.eps
            stop_now = running & (halting + p >= 1 - self.eps)
            go_on = running & ~stop_now
            remainder = remainder + stop_now * (1 - halting)
            w = p * go_on + (1 - halting) * stop_now
            halting = halting + p * go_on + (1 - halting) * stop_now
            updates = updates + running
            out = out + w.unsqueeze(-1) * h
            if not go_on.any():
                break
        self.aux_loss = self.tau * (updates + remainder).mean()
        self.mean_steps = float(updates.mean())
        return out


def with_core(factory, **core_over):
    """A DRTModel whose core is replaced by a baseline core (same embedding and readout)."""

    def build(cfg):
        task = make_task(cfg.task, cfg.task_knobs)
        core_cfg = replace(cfg.core, **core_over)
        model = DRTModel(ModelConfig(task.name, task.vocab_size, task.n_roles, task.n_classes, core_cfg))
        model.core = factory(core_cfg)
        return model

    return build


# Baselines whose depth is not the drawn step count learn plain reachability: "reached within T steps" targets
# would ask a 6-layer network (or ACT's own depth) for a horizon it does not run.
PLAIN = {"task_knobs": {"horizon_targets": False}}
VARIANTS = [
    Variant("depth-recurrent (ours)", {}),
    Variant(
        "fixed-depth Transformer, 6 layers",
        PLAIN,
        build=with_core(FixedDepthCore, d_model=32, n_heads=2, d_ff=64),
        fixed_depth=True,
    ),
    Variant("Universal Transformer + ACT", PLAIN, build=with_core(ACTCore), fixed_depth=True),
    Variant(
        "GNN, 6 message-passing layers",
        PLAIN,
        build=with_core(MessagePassingCore, d_model=40),
        fixed_depth=True,
    ),
]

if __name__ == "__main__":
    args, setting = parse_args(__doc__)
    variants = VARIANTS if args.domain == "graph" else VARIANTS[:3]
    run(variants, args, setting, "Baselines")
