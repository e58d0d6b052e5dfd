"""Architecture switches for the reasoning core. Every stabiliser is a flag, so an ablation is a config."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class CoreConfig:
    """Shape and stabilisers of the shared block and its recurrence."""

    d_model: int = field(default=64, metadata={"help": "Width of the shared block."})
    n_heads: int = field(default=4, metadata={"help": "Attention heads."})
    d_ff: int = field(default=128, metadata={"help": "Width of the MLP."})
    dropout: float = field(default=0.0, metadata={"help": "Dropout in the block."})
    # residual branches scaled by a learned per-channel vector, initialised this small
    layerscale: bool = field(default=True, metadata={"help": "LayerScale on residual branches."})
    layerscale_init: float = field(default=1e-4, metadata={"help": "LayerScale's initial value."})
    # identity-biased gated update h <- z*h_new + (1-z)*h, the gate starting nearly closed: sigmoid(-2) ~ 0.12
    gate: bool = field(default=True, metadata={"help": "Identity-biased gated update."})
    gate_bias: float = field(default=-2.0, metadata={"help": "The gate's initial bias."})
    reinject: bool = field(default=True, metadata={"help": "Re-inject the encoded input every step."})
    state_norm: bool = field(default=True, metadata={"help": "LayerNorm on the state after each update."})
    rope: bool = field(default=False, metadata={"help": "Rotary relative positions in attention."})
    rope_base: float = field(default=10000.0, metadata={"help": "RoPE's base."})
    # readout feedback: each step also re-injects the readout's class distribution of every token (a learned
    # embedding of it), so a token's discrete answer so far is an attractor its continuous state cannot blur away
    # from; lives in the model, which owns the readout
    feedback: bool = field(
        default=False, metadata={"help": "Feed each token's readout distribution back every step."}
    )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CoreConfig:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown core config keys {sorted(unknown)}; known: {sorted(known)}")
        return cls(**data)
