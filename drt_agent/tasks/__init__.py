"""Domains: each one a perceptual interface over the shared reasoning core."""

from __future__ import annotations

from typing import Any

from ..errors import DomainError
from .base import IGNORE, Batch, Task
from .graph import GraphTask
from .logic import LogicTask
from .relational import PaperRelationalTask, PaperSequenceTask, RelationalTask

TASKS: dict[str, type[Task]] = {
    "graph": GraphTask,
    "logic": LogicTask,
    "relational": RelationalTask,
    "relational-paper": PaperRelationalTask,
    "relational-paper-seq": PaperSequenceTask,
}


def make_task(name: str, knobs: dict[str, Any] | None = None) -> Task:
    """Build a task by name with its stored settings."""
    if name not in TASKS:
        raise DomainError(f"unknown domain {name!r}; known domains: {', '.join(sorted(TASKS))}")
    return TASKS[name](**(knobs or {}))


__all__ = ["IGNORE", "TASKS", "Batch", "GraphTask", "LogicTask", "RelationalTask", "Task", "make_task"]
