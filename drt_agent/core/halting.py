"""Depth policy: think for a fixed number of steps, or let each example halt when its thinking has settled.

`auto` halts an example when, for `patience` consecutive steps, its latent state barely moves (largest relative
change of any token's state below `state_tol`) and its answer distribution barely moves (below `readout_tol`),
or as soon as the task says the current answer can no longer change (e.g. "reachable" in graph search is
monotone). Nothing runs past `max_steps`. Halted examples leave the batch, so they stop costing compute.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import torch

from .recurrent import DepthRecurrentCore

Readout = Callable[
    [torch.Tensor, torch.Tensor], torch.Tensor
]  # (h (b, L, D), example ids (b,)) -> probs (b, C)
FinalTest = Callable[[torch.Tensor], torch.Tensor]  # probs (b, C) -> (b,) bool


@dataclass
class DepthPolicy:
    """How many steps to think. `steps=None` means auto."""

    steps: int | None = None
    max_steps: int = 256
    min_steps: int = 1
    state_tol: float = 0.02
    readout_tol: float = 0.01
    patience: int = 2

    @property
    def auto(self) -> bool:
        return self.steps is None


@dataclass
class ThinkResult:
    """What thinking produced for a batch of B examples with C answer classes."""

    probs: torch.Tensor  # (B, C) answer distribution at the halting step
    steps_used: torch.Tensor  # (B,) long
    traces: list[torch.Tensor] = field(default_factory=list)  # B tensors of shape (steps_used_i, C)


def _relative_change(h_new: torch.Tensor, h: torch.Tensor, valid: torch.Tensor) -> torch.Tensor:
    """Largest per-token relative state change of each example. h: (b, L, D); valid: (b, L) -> (b,)."""
    change = (h_new - h).norm(dim=-1) / h.norm(dim=-1).clamp_min(1e-6)  # (b, L)
    return change.masked_fill(~valid, 0.0).amax(dim=-1)


@torch.no_grad()
def think(
    core: DepthRecurrentCore,
    x: torch.Tensor,
    mask: torch.Tensor,
    valid: torch.Tensor,
    readout: Readout,
    policy: DepthPolicy,
    positions: torch.Tensor | None = None,
    is_final: FinalTest | None = None,
) -> ThinkResult:
    """Run the core on x: (B, L, D) under `policy`, halting each example on its own."""
    B = x.shape[0]
    limit = policy.steps if policy.steps is not None else policy.max_steps
    if limit < 1:
        raise ValueError("at least one thinking step is needed")
    ids = torch.arange(B, device=x.device)  # examples still thinking
    h = core.initial_state(x)
    calm = torch.zeros(B, dtype=torch.long, device=x.device)
    prev_p: torch.Tensor | None = None
    out_probs: torch.Tensor | None = None
    steps_used = torch.zeros(B, dtype=torch.long, device=x.device)
    history: list[tuple[torch.Tensor, torch.Tensor]] = []  # (ids, probs) per step

    for t in range(1, limit + 1):
        h_new = core.step(h, x, mask, positions)
        p = readout(h_new, ids)  # (b, C)
        if out_probs is None:
            out_probs = torch.zeros(B, p.shape[-1], device=x.device, dtype=p.dtype)
        history.append((ids, p))
        if t == limit:
            done = torch.ones_like(ids, dtype=torch.bool)
        elif not policy.auto:
            done = torch.zeros_like(ids, dtype=torch.bool)
        else:
            settled = _relative_change(h_new, h, valid) < policy.state_tol
            if prev_p is not None:
                settled &= (p - prev_p).abs().amax(dim=-1) < policy.readout_tol
            else:
                settled &= False
            calm = torch.where(settled, calm + 1, torch.zeros_like(calm))
            done = calm >= policy.patience
            if is_final is not None:
                done |= is_final(p)
            done &= t >= policy.min_steps
        if done.any():
            out_probs[ids[done]] = p[done]
            steps_used[ids[done]] = t
            keep = ~done
            ids, h_new, x, mask, valid, calm, p = (
                ids[keep],
                h_new[keep],
                x[keep],
                mask[keep],
                valid[keep],
                calm[keep],
                p[keep],
            )
            if positions is not None:
                positions = positions[keep]
        if ids.numel() == 0:
            break
        h, prev_p = h_new, p

    assert out_probs is not None
    traces: list[list[torch.Tensor]] = [[] for _ in range(B)]
    for step_ids, step_p in history:
        for i, row in zip(step_ids.tolist(), step_p, strict=True):
            traces[i].append(row)
    return ThinkResult(probs=out_probs, steps_used=steps_used, traces=[torch.stack(tr) for tr in traces])
