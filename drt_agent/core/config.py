"""Architecture switches for the reasoning core. Every stabiliser is a flag, so an ablation is a config."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass
class CoreConfig:
    """Shape and stabilisers of the shared block and its recurrence."""

    d_model: int = 64
    n_heads: int = 4
    d_ff: int = 128
    dropout: float = 0.0
    layerscale: bool = True  # residual branches scaled by a learned per-channel vector ...
    layerscale_init: float = 1e-4  # ... initialised this small
    gate: bool = True  # identity-biased gated update h <- z*h_new + (1-z)*h ...
    gate_bias: float = -2.0  # ... whose gate starts nearly closed: sigmoid(-2) ~ 0.12
    reinject: bool = True  # the encoded input is added back every step
    state_norm: bool = True  # LayerNorm on the state after every update: its scale cannot drift
    rope: bool = False  # rotary relative positions in attention (sequence tasks)
    rope_base: float = 10000.0
    # readout feedback: each step also re-injects the readout's class distribution of every token (a learned
    # embedding of it), so a token's discrete answer so far is an attractor its continuous state cannot blur away
    # from; lives in the model, which owns the readout
    feedback: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CoreConfig:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown core config keys {sorted(unknown)}; known: {sorted(known)}")
        return cls(**data)
