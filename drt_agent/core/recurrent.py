"""The depth-recurrent core: one SharedBlock applied again and again, with an identity-biased gated update.

One step (B batch, L tokens, D width):
    u      = h + W_in x (+ extra)            (input re-injection, optional; extra: the model's readout feedback)
    h_new  = SharedBlock(u, mask)            (pre-norm attention + MLP with LayerScale)
    z      = sigmoid(W_z [h_new; h] + b_z)   (per-channel gate, b_z starts at -2: close to the identity)
    h      = LayerNorm(z * h_new + (1 - z) * h)   (state normalisation, optional)
"""

from __future__ import annotations

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
        h = self.initial_state(x)
        states = []
        for _ in range(steps):
            h = self.step(h, x, mask, positions)
            if keep_all:
                states.append(h)
        return states if keep_all else [h]
