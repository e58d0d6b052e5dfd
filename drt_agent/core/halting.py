"""Depth policy: think for a fixed number of steps, or let each example halt when its thinking has settled.

`auto` halts an example when, for `patience` consecutive steps, its thinking has settled, or as soon as the
task says the current answer can no longer change (e.g. "reachable" in graph search is monotone). Settled means
(`settle`): "state", its latent state barely moves (largest relative change of any token's state below
`state_tol`) and its answer distribution barely moves (below `readout_tol`); or "readouts", no token's readout
moves by `readout_tol` or more (with dense targets every token holds its own sub-answer, so nothing in the
problem is still being worked out; logic); or "answer", the answer token's readout names an answer (`answered`:
kinship's subject holds a relation, not "other", which it holds until the anchor's relations reach it) and moves
by less than `readout_tol`. Nothing runs past `max_steps`, a safety bound reported when it fires.
Halted examples leave the batch, so they stop costing compute.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import torch

from .recurrent import Thought

Readout = Callable[
    [torch.Tensor, torch.Tensor], torch.Tensor
]  # (h (b, L, D), example ids (b,)) -> probs (b, C)
TokenReadout = Callable[[torch.Tensor], torch.Tensor]  # h (b, L, D) -> every token's probs (b, L, C)
SETTLE_RULES = ("state", "readouts", "answer")
FinalTest = Callable[[torch.Tensor], torch.Tensor]  # probs (b, C) -> (b,) bool


@dataclass
class DepthPolicy:
    """How many steps to think. `steps=None` means auto."""

    steps: int | None = None
    max_steps: int | torch.Tensor = 256  # or (B,) per-example caps, so batching never changes an answer
    min_steps: int = 1
    state_tol: float = 0.02
    readout_tol: float = 0.01
    patience: int = 2
    settle: str = "state"  # or "readouts": see the module docstring

    def __post_init__(self) -> None:
        if self.settle not in SETTLE_RULES:
            raise ValueError(f"settle must be one of {SETTLE_RULES}, got {self.settle!r}")

    @property
    def auto(self) -> bool:
        return self.steps is None


STOP_REASONS = ("fixed", "halted", "cap")  # a fixed depth ran out; the model settled; a safety bound fired


@dataclass
class ThinkResult:
    """What thinking produced for a batch of B examples with C answer classes."""

    probs: torch.Tensor  # (B, C) answer distribution at the halting step
    steps_used: torch.Tensor  # (B,) long
    history: torch.Tensor  # (B, T, C): answer distribution after every step; rows past steps_used_i are NaN
    # (B,) long: why each example stopped, an index into STOP_REASONS
    stopped: torch.Tensor | None = None

    @property
    def traces(self) -> list[torch.Tensor]:
        """B tensors of shape (steps_used_i, C): each example's answer distribution step by step."""
        return [h[:n] for h, n in zip(self.history, self.steps_used.tolist(), strict=True)]


def _relative_change(h_new: torch.Tensor, h: torch.Tensor, padding: torch.Tensor) -> torch.Tensor:
    """Largest per-token relative state change of each example. h: (b, L, D); padding: (b, L) -> (b,)."""
    change = (h_new - h).norm(dim=-1) / h.norm(dim=-1).clamp_min(1e-6)  # (b, L)
    return change.masked_fill_(padding, 0.0).amax(dim=-1)


@torch.no_grad()
def think(
    thoughts: Iterator[Thought],
    valid: torch.Tensor,
    readout: Readout,
    policy: DepthPolicy,
    is_final: FinalTest | None = None,
    progress: Callable[[int, int], None] | None = None,
    token_readout: TokenReadout | None = None,
    watch: torch.Tensor | None = None,
    answered: FinalTest | None = None,
) -> ThinkResult:
    """Follow the step loop (`unroll`) under `policy`, halting each example on its own; valid: (B, L) bool.
    `progress(step, limit)` is called after every step (a listener's failure never stops thinking);
    `token_readout` is needed by the "readouts" settling rule, which watches the tokens in `watch` ((B, L)
    bool; default: every valid token); the "answer" rule asks `answered` whether a readout names an answer yet
    (default: every readout does)."""
    if policy.auto and policy.settle == "readouts" and token_readout is None:
        raise ValueError("the 'readouts' settling rule needs token_readout")
    B = valid.shape[0]
    caps = policy.max_steps if isinstance(policy.max_steps, torch.Tensor) and policy.auto else None
    limit = policy.steps if policy.steps is not None else int(torch.as_tensor(policy.max_steps).max())
    if limit < 1 or (caps is not None and int(caps.min()) < 1):
        raise ValueError("at least one thinking step is needed")
    device = valid.device
    if caps is not None:
        caps = caps.to(device)  # then narrowed with the batch, like every per-example tensor below
    padding = ~valid
    unwatched = ~(watch.to(device) & valid) if watch is not None else padding  # (B, L): ignored by "readouts"
    ids = torch.arange(B, device=device)  # examples still thinking
    calm = torch.zeros(B, dtype=torch.long, device=device)
    prev_p: torch.Tensor | None = None
    prev_all: torch.Tensor | None = None  # (b, L, C): every token's readout, for settle="readouts"
    out_probs: torch.Tensor | None = None
    steps_used = torch.zeros(B, dtype=torch.long, device=device)
    stopped = torch.zeros(B, dtype=torch.long, device=device)
    history: list[tuple[torch.Tensor, torch.Tensor]] = []  # (ids, probs) per step

    # the halting test runs every step on tiny tensors, so it is written in few ops: at 20 nodes it cost as
    # much as a third of a solve before
    for th in thoughts:
        t = th.t
        if progress is not None:
            with contextlib.suppress(Exception):  # a progress listener must never break a solve
                progress(t, limit)
        p = readout(th.h, ids)  # (b, C)
        all_p = token_readout(th.h) if policy.auto and policy.settle == "readouts" else None  # type: ignore[misc]
        if out_probs is None:
            out_probs = torch.zeros(B, p.shape[-1], device=device, dtype=p.dtype)
        history.append((ids, p))
        done: torch.Tensor | None = None  # fixed depth: nobody halts before the limit
        reason: torch.Tensor | None = None  # (b,) long, for the examples that stop now
        if t == limit:
            done = torch.ones_like(ids, dtype=torch.bool)
            reason = torch.full_like(ids, 2 if policy.auto else 0)
        elif policy.auto:
            if prev_p is None:  # nothing to compare with yet: nobody is calm
                calm = torch.zeros_like(calm)
            elif all_p is not None and prev_all is not None:  # no token's readout moves
                moved = (all_p - prev_all).abs().amax(dim=-1).masked_fill(unwatched, 0.0).amax(dim=-1)
                calm = (calm + 1) * (moved < policy.readout_tol)
            elif policy.settle == "answer":  # the answer has arrived and sits still
                settled = (p - prev_p).abs().amax(dim=-1) < policy.readout_tol
                if answered is not None:
                    settled &= answered(p)
                calm = (calm + 1) * settled
            else:
                settled = (_relative_change(th.h, th.h_prev, padding) < policy.state_tol) & (
                    (p - prev_p).abs().amax(dim=-1) < policy.readout_tol
                )
                calm = (calm + 1) * settled  # consecutive calm steps, reset by any movement
            done = calm >= policy.patience
            final = is_final(p) if is_final is not None else None  # a task may have no such shortcut
            if final is not None:
                done |= final
            if t < policy.min_steps:
                done = torch.zeros_like(done)
            reason = torch.ones_like(ids)
            if caps is not None:
                capped = (caps <= t) & ~done
                reason = reason + capped.long()
                done |= capped
        n_done = 0 if done is None else int(done.sum())
        if n_done == ids.numel():  # everyone left is finished: record them and stop
            out_probs[ids] = p
            steps_used[ids] = t
            assert reason is not None
            stopped[ids] = reason
            break
        if n_done:
            assert done is not None and reason is not None
            out_probs[ids[done]] = p[done]
            steps_used[ids[done]] = t
            stopped[ids[done]] = reason[done]
            keep = ~done
            th.keep(keep)
            ids, padding, calm, p = ids[keep], padding[keep], calm[keep], p[keep]
            unwatched = unwatched[keep]
            all_p = all_p[keep] if all_p is not None else None
            if caps is not None:
                caps = caps[keep]
        prev_p = p
        prev_all = all_p

    assert out_probs is not None
    # one scatter per step, not per example: bookkeeping stays small next to the thinking itself
    trace = torch.full(
        (B, len(history), out_probs.shape[-1]), float("nan"), device=device, dtype=out_probs.dtype
    )
    for t, (step_ids, step_p) in enumerate(history):
        trace[step_ids, t] = step_p
    return ThinkResult(probs=out_probs, steps_used=steps_used, history=trace, stopped=stopped)
