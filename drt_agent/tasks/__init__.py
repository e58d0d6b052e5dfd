"""Tasks: each domain's perceptual interface over the shared reasoning core, found through the registry."""

from __future__ import annotations

from typing import Any

from .. import domains
from ..errors import DomainError
from .base import IGNORE, Batch, Task


def task_class(name: str) -> type[Task]:
    """The Task class registered under `name` (a domain's default task or one of its variants)."""
    owners = domains.task_names()
    if name not in owners:
        raise DomainError(f"unknown task {name!r}; known tasks: {', '.join(owners)}")
    return owners[name].task_class(name)


def make_task(name: str, knobs: dict[str, Any] | None = None) -> Task:
    """Build a task by name with its stored settings."""
    return task_class(name)(**(knobs or {}))


__all__ = ["IGNORE", "Batch", "Task", "make_task", "task_class"]
