"""The task-invariant reasoning core: a shared block, its depth recurrence, and the depth policy."""

from .block import LayerScale, SharedBlock
from .config import CoreConfig
from .halting import DepthPolicy, ThinkResult, think
from .recurrent import DepthRecurrentCore, IdentityBiasedGate, Thought, unroll

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
