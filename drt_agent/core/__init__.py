"""The task-invariant reasoning core: a shared block, its depth recurrence, and the depth policy.

Names load on first use, so `drt_agent.core.config` (CoreConfig) is importable without torch."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .block import LayerScale, SharedBlock
    from .config import CoreConfig
    from .halting import DepthPolicy, ThinkResult, think
    from .recurrent import DepthRecurrentCore, IdentityBiasedGate, Thought, unroll

_WHERE = {
    "LayerScale": "block",
    "SharedBlock": "block",
    "CoreConfig": "config",
    "DepthPolicy": "halting",
    "ThinkResult": "halting",
    "think": "halting",
    "DepthRecurrentCore": "recurrent",
    "IdentityBiasedGate": "recurrent",
    "Thought": "recurrent",
    "unroll": "recurrent",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'drt_agent.core' has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)


__all__ = [
    "CoreConfig",
    "DepthPolicy",
    "DepthRecurrentCore",
    "IdentityBiasedGate",
    "LayerScale",
    "SharedBlock",
    "ThinkResult",
    "Thought",
    "think",
    "unroll",
]
