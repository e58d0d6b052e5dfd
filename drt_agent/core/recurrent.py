"""The depth-recurrent core: one SharedBlock applied again and again, with an identity-biased gated update.

One step (B batch, L tokens, D width):
    u      = h + W_in x (+ extra)            (input re-injection, optional; extra: the model's readout feedback)
    h_new  = SharedBlock(u, mask)            (pre-norm attention + MLP with LayerScale)
    z      = sigmoid(W_z [h_new; h] + b_z)   (per-channel gate, b_z starts at -2: close to the identity)
    h      = LayerNorm(z * h_new + (1 - z) * h)   (state normalisation, optional)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice

import torch
from torch import nn

from .block import SharedBlock, Structure
from .config import CoreConfig


class IdentityBiasedGate(nn.Module):
    """h <- z*h_new + (1-z)*h with z starting near sigmoid(gate_bias): each step starts close to the identity."""

    def __init__(self, cfg: CoreConfig) -> None:
        super().__init__()
        self.proj = nn.Linear(2 * cfg.d_model, cfg.d_model)
        nn.init.constant_(self.proj.bias, cfg.gate_bias)

    def forward(self, h_new: torch.Tensor, h: torch.Tensor) -> torch.Tensor:
        z = torch.sigmoid(self.proj(torch.cat((h_new, h), dim=-1)))  # (B, L, D)
        return z * h_new + (1.0 - z) * h


class DepthRecurrentCore(nn.Module):
    """Task-invariant reasoning core. Depth is a run-time argument, never a parameter count."""

    def __init__(self, cfg: CoreConfig) -> None:
        super().__init__()
        self.cfg = cfg
        self.input_norm = nn.LayerNorm(cfg.d_model)
        self.block = SharedBlock(cfg)
        self.inject = nn.Linear(cfg.d_model, cfg.d_model) if cfg.reinject else None
        self.gate = IdentityBiasedGate(cfg) if cfg.gate else None
        self.state_norm = nn.LayerNorm(cfg.d_model) if cfg.state_norm else nn.Identity()

    def initial_state(self, x: torch.Tensor) -> torch.Tensor:
        """h(0) from the embedded input x: (B, L, D)."""
        return self.input_norm(x)

    def step(
        self,
        h: torch.Tensor,
        x: torch.Tensor,
        mask: Structure,
        positions: torch.Tensor | None = None,
        injected: torch.Tensor | None = None,
        extra: torch.Tensor | None = None,
    ) -> torch.Tensor:
        """One thinking step. h, x: (B, L, D); mask: (B, L, L) bool or an EdgeIndex (sparse graphs);
        injected: W_in x if the caller computed it once (it is the same at every step); extra: (B, L, D) more
        input for this step (the model's readout feedback)."""
        if injected is None and self.inject is not None:
            injected = self.inject(x)
        u = h + injected if injected is not None else h
        if extra is not None:
            u = u + extra
        h_new = self.block(u, mask, positions)
        h = self.gate(h_new, h) if self.gate is not None else h_new
        return self.state_norm(h)

    def forward(
        self,
        x: torch.Tensor,
        mask: Structure,
        steps: int,
        positions: torch.Tensor | None = None,
        keep_all: bool = False,
    ) -> list[torch.Tensor]:
        """Run `steps` steps. Returns the final state, or every state after step 1..steps if keep_all."""
        states = [th.h for th in islice(unroll(self, x, mask, positions), steps) if keep_all or th.t == steps]
        return states


@dataclass
class Thought:
    """A batch being thought about: the state after step `t` and what every step reads again. Between steps
    the consumer may drop finished examples with `keep`, so they stop costing compute."""

    h: torch.Tensor  # (b, L, D) state after step t
    h_prev: torch.Tensor  # (b, L, D) state before step t
    x: torch.Tensor  # (b, L, D) the embedded input
    mask: Structure  # (b, L, L) bool or an EdgeIndex
    positions: torch.Tensor | None  # (b, L) or None
    injected: torch.Tensor | None  # W_in x, computed once
    t: int = 0

    def keep(self, rows: torch.Tensor) -> None:
        """Keep only the examples where `rows` (b,) bool is True (a sparse mask renumbers its edges)."""
        self.h, self.h_prev, self.x, self.mask = (
            self.h[rows],
            self.h_prev[rows],
            self.x[rows],
            self.mask[rows],
        )
        if self.positions is not None:
            self.positions = self.positions[rows]
        if self.injected is not None:
            self.injected = self.injected[rows]


Feedback = Callable[[torch.Tensor], torch.Tensor | None]


def unroll(
    core: nn.Module,
    x: torch.Tensor,
    mask: Structure,
    positions: torch.Tensor | None = None,
    feedback: Feedback | None = None,
) -> Iterator[Thought]:
    """THE step loop, used by training, inference, halting, evaluation and the baselines: yields the batch's
    Thought after every step, forever (the consumer stops it). `feedback(h)` (the model's readout feedback) is
    added to the input of each step. A core with `fixed_steps` (a fixed-depth baseline) computes only that many
    steps; later steps repeat its output."""
    inject = getattr(core, "inject", None)
    h0 = core.initial_state(x)
    th = Thought(h=h0, h_prev=h0, x=x, mask=mask, positions=positions, injected=inject(x) if inject else None)
    cap = getattr(core, "fixed_steps", None)
    while True:
        th.t += 1
        th.h_prev = th.h
        if cap is None or th.t <= cap:
            extra = feedback(th.h) if feedback is not None else None
            if extra is None:  # baseline cores take no extra input
                th.h = core.step(th.h, th.x, th.mask, th.positions, injected=th.injected)
            else:
                th.h = core.step(th.h, th.x, th.mask, th.positions, injected=th.injected, extra=extra)
        yield th
