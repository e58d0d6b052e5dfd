"""drt-agent: a depth-recurrent Transformer reasoner for agent pipelines.

>>> import drt_agent
>>> drt_agent.solve("A-B, B-C, C-F. Is A connected to F?").answer
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import CheckpointError, DomainError, DrtError, LimitError, ParseError
from .limits import Limits
from .problems import Edge, Fact, GraphProblem, LogicProblem, RelationalProblem, Solution

if TYPE_CHECKING:
    from .api import solve, solve_many
    from .reasoner import Reasoner

__version__ = "0.1.0"
__all__ = [
    "CheckpointError",
    "DomainError",
    "DrtError",
    "Edge",
    "Fact",
    "GraphProblem",
    "LimitError",
    "Limits",
    "LogicProblem",
    "ParseError",
    "Reasoner",
    "RelationalProblem",
    "Solution",
    "solve",
    "solve_many",
]


def __getattr__(name: str) -> Any:  # torch is imported only when the reasoner is first needed
    if name in ("solve", "solve_many"):
        from . import api

        return getattr(api, name)
    if name == "Reasoner":
        from .reasoner import Reasoner

        return Reasoner
    raise AttributeError(f"module 'drt_agent' has no attribute {name!r}")
