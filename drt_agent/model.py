"""The whole network: a task's input embedding, the shared reasoning core, and a per-token readout.

Minimal on purpose (training lives in train.py, checkpoint I/O in checkpoint.py). The readout classifies every
token's final state; the task picks which token answers (the target node, the CLS token, ...), so the paper's
single-output loss and dense final-step targets differ only in which labels are set.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from .core import CoreConfig, DepthPolicy, DepthRecurrentCore, ThinkResult, Thought, think, unroll
from .tasks.base import Batch, Task


@dataclass
class ModelConfig:
    """Everything needed to rebuild the network (stored as JSON beside the weights)."""

    task: str
    vocab_size: int
    n_roles: int
    n_classes: int
    core: CoreConfig = field(default_factory=CoreConfig)
    # a factored readout (a task's `class_factors`): class c's logit is the sum of its factors' scores, so
    # classes that share a factor (every "three generations up" kinship term) share what they learn. Derived
    # from the task's classes by whoever builds the model from a task, never stored in the config
    class_factors: list[list[int]] | None = None

    @classmethod
    def for_task(cls, task: Task, core: CoreConfig) -> ModelConfig:
        """The network a task needs: its vocabulary, roles and classes (and their factors) over this core."""
        return cls(
            task=task.name,
            vocab_size=task.vocab_size,
            n_roles=task.n_roles,
            n_classes=task.n_classes,
            core=core,
            class_factors=task.class_factors(),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "vocab_size": self.vocab_size,
            "n_roles": self.n_roles,
            "n_classes": self.n_classes,
            "core": self.core.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModelConfig:
        data = dict(data)
        core = CoreConfig.from_dict(data.pop("core", {}))
        return cls(core=core, **data)


class Readout(nn.Module):
    """Per-token classifier on the final state; with class factors, a score per factor summed into classes."""

    def __init__(self, d_model: int, n_classes: int, factors: list[list[int]] | None = None) -> None:
        super().__init__()
        n_out = n_classes
        self.factors: torch.Tensor | None
        if factors is None:
            self.register_buffer("factors", None, persistent=False)
        else:
            if len(factors) != n_classes:
                raise ValueError(f"class_factors lists {len(factors)} classes, the readout has {n_classes}")
            n_out = 1 + max(i for fs in factors for i in fs)
            m = torch.zeros(n_classes, n_out)
            for c, fs in enumerate(factors):
                m[c, fs] = 1.0
            self.register_buffer("factors", m, persistent=False)  # (C, F) 0/1, rebuilt from the task
        self.net = nn.Sequential(
            nn.LayerNorm(d_model), nn.Linear(d_model, d_model), nn.GELU(), nn.Linear(d_model, n_out)
        )

    def forward(self, h: torch.Tensor) -> torch.Tensor:
        out = self.net(h)  # (..., D) -> (..., C), or (..., F) factor scores
        return out if self.factors is None else out @ self.factors.T  # (..., F) -> (..., C)


class DRTModel(nn.Module):
    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.cfg = cfg
        d = cfg.core.d_model
        self.token_emb = nn.Embedding(cfg.vocab_size, d)
        self.role_emb = nn.Embedding(cfg.n_roles, d)
        nn.init.normal_(self.token_emb.weight, std=0.02)
        nn.init.normal_(self.role_emb.weight, std=0.02)
        self.core = DepthRecurrentCore(cfg.core)
        self.readout = Readout(d, cfg.n_classes, cfg.class_factors)
        # readout feedback (CoreConfig.feedback): class distribution (C) -> input (D), zero at first (a no-op)
        self.feedback = nn.Linear(cfg.n_classes, d, bias=False) if cfg.core.feedback else None
        if self.feedback is not None:
            nn.init.zeros_(self.feedback.weight)

    def embed(self, batch: Batch) -> torch.Tensor:
        return self.token_emb(batch.tokens) + self.role_emb(batch.roles)  # (B, L, D)

    def fed_back(self, h: torch.Tensor) -> torch.Tensor | None:
        """What readout feedback adds to the next step's input: (B, L, D), or None without feedback."""
        if self.feedback is None:
            return None
        return self.feedback(F.softmax(self.readout(h), dim=-1))

    def unroll(self, batch: Batch) -> Iterator[Thought]:
        """The core's step loop on this batch (with readout feedback when the model has it)."""
        fb = self.fed_back if self.feedback is not None else None
        return unroll(self.core, self.embed(batch), batch.mask, batch.positions, feedback=fb)

    def forward(self, batch: Batch, steps: int, keep_all: bool = False) -> list[torch.Tensor]:
        """Per-token logits (B, L, C) after `steps` steps; one tensor per step if keep_all."""
        return [self.readout(th.h) for th in islice(self.unroll(batch), steps) if keep_all or th.t == steps]

    @torch.no_grad()
    def solve(
        self,
        batch: Batch,
        policy: DepthPolicy,
        is_final: Any = None,
        progress: Any = None,
        answered: Any = None,
    ) -> ThinkResult:
        """Think under `policy`; the answer distribution is read at each example's answer token."""

        def answer_probs(h: torch.Tensor, ids: torch.Tensor) -> torch.Tensor:
            idx = batch.answer_index[ids]
            return F.softmax(self.readout(h[torch.arange(len(ids), device=h.device), idx]), dim=-1)

        def token_probs(h: torch.Tensor) -> torch.Tensor:
            return F.softmax(self.readout(h), dim=-1)

        return think(
            self.unroll(batch),
            batch.valid,
            answer_probs,
            policy,
            is_final=is_final,
            progress=progress,
            token_readout=token_probs,
            watch=batch.watch,
            answered=answered,
        )

    def n_params(self) -> int:
        return sum(p.numel() for p in self.parameters() if p.requires_grad)
