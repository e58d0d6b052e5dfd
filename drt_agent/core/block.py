"""The shared Transformer block: pre-norm attention + MLP, each residual branch scaled by LayerScale.

Shapes: B batch, L tokens (nodes for graphs), D model width, H heads, Dh = D / H. Attention takes either a
dense (B, L, L) mask or, for large sparse graphs, an EdgeIndex (sparse.py): one block, two attention kernels.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from .config import CoreConfig
from .sparse import EdgeIndex, edge_attention

Structure = torch.Tensor | EdgeIndex  # who may attend to whom: a dense (B, L, L) bool mask or an edge list


class LayerScale(nn.Module):
    """Per-channel scale on a residual branch, initialised small so an untrained branch barely moves the state."""

    def __init__(self, dim: int, init_value: float) -> None:
        super().__init__()
        self.gamma = nn.Parameter(torch.full((dim,), float(init_value)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * self.gamma


def rotate_half(x: torch.Tensor) -> torch.Tensor:
    x1, x2 = x.chunk(2, dim=-1)
    return torch.cat((-x2, x1), dim=-1)


def apply_rope(x: torch.Tensor, positions: torch.Tensor, base: float) -> torch.Tensor:
    """Rotary position embedding. x: (B, H, L, Dh); positions: (B, L) integer positions."""
    dh = x.shape[-1]
    inv_freq = 1.0 / (base ** (torch.arange(0, dh, 2, device=x.device, dtype=torch.float32) / dh))
    angles = positions.to(torch.float32)[:, None, :, None] * inv_freq  # (B, 1, L, Dh/2)
    cos = torch.cat((angles.cos(), angles.cos()), dim=-1).to(x.dtype)
    sin = torch.cat((angles.sin(), angles.sin()), dim=-1).to(x.dtype)
    return x * cos + rotate_half(x) * sin


class SelfAttention(nn.Module):
    """Multi-head self-attention restricted by a task-supplied boolean mask (True = may attend)."""

    def __init__(self, cfg: CoreConfig) -> None:
        super().__init__()
        if cfg.d_model % cfg.n_heads:
            raise ValueError(f"d_model={cfg.d_model} must be divisible by n_heads={cfg.n_heads}")
        self.n_heads = cfg.n_heads
        self.rope = cfg.rope
        self.rope_base = cfg.rope_base
        self.qkv = nn.Linear(cfg.d_model, 3 * cfg.d_model)
        self.proj = nn.Linear(cfg.d_model, cfg.d_model)
        self.dropout = cfg.dropout

    def forward(
        self, x: torch.Tensor, mask: Structure, positions: torch.Tensor | None = None
    ) -> torch.Tensor:
        B, L, D = x.shape
        qkv = self.qkv(x).view(B, L, 3, self.n_heads, D // self.n_heads)
        if positions is None and self.rope:
            positions = torch.arange(L, device=x.device).expand(B, L)
        if isinstance(mask, EdgeIndex):  # sparse path: the same scores and softmax, per edge (no dropout)
            # head-major (3, H, B*L, Dh) in one copy: each head's q, k, v are contiguous for the CSR kernels
            q, k, v = qkv.permute(2, 3, 0, 1, 4).reshape(3, self.n_heads, B * L, -1)
            if self.rope:
                flat = positions.reshape(1, B * L)  # type: ignore[union-attr]
                q, k = (
                    apply_rope(q[None], flat, self.rope_base)[0],
                    apply_rope(k[None], flat, self.rope_base)[0],
                )
            y = edge_attention(q, k, v, mask)  # (H, B*L, Dh)
            return self.proj(y.permute(1, 0, 2).reshape(B, L, D))
        q, k, v = qkv.permute(2, 0, 3, 1, 4)  # (B, H, L, Dh) each
        if self.rope:
            q = apply_rope(q, positions, self.rope_base)
            k = apply_rope(k, positions, self.rope_base)
        y = F.scaled_dot_product_attention(
            q, k, v, attn_mask=mask[:, None], dropout_p=self.dropout if self.training else 0.0
        )  # (B, H, L, Dh)
        return self.proj(y.transpose(1, 2).reshape(B, L, D))


class MLP(nn.Module):
    def __init__(self, cfg: CoreConfig) -> None:
        super().__init__()
        self.fc = nn.Linear(cfg.d_model, cfg.d_ff)
        self.out = nn.Linear(cfg.d_ff, cfg.d_model)
        self.drop = nn.Dropout(cfg.dropout)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.drop(self.out(F.gelu(self.fc(x))))


class SharedBlock(nn.Module):
    """One pre-norm Transformer block; the recurrent core applies this same module at every step."""

    def __init__(self, cfg: CoreConfig) -> None:
        super().__init__()
        self.ln_attn = nn.LayerNorm(cfg.d_model)
        self.attn = SelfAttention(cfg)
        self.ln_mlp = nn.LayerNorm(cfg.d_model)
        self.mlp = MLP(cfg)
        if cfg.layerscale:
            self.scale_attn: nn.Module = LayerScale(cfg.d_model, cfg.layerscale_init)
            self.scale_mlp: nn.Module = LayerScale(cfg.d_model, cfg.layerscale_init)
        else:
            self.scale_attn = nn.Identity()
            self.scale_mlp = nn.Identity()

    def forward(
        self, x: torch.Tensor, mask: Structure, positions: torch.Tensor | None = None
    ) -> torch.Tensor:
        # x: (B, L, D); mask: (B, L, L) bool, row i lists the tokens that token i may attend to, or the same
        # relation as an EdgeIndex (sparse path for large graphs)
        x = x + self.scale_attn(self.attn(self.ln_attn(x), mask, positions))
        return x + self.scale_mlp(self.mlp(self.ln_mlp(x)))
