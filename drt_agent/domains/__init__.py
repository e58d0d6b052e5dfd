"""The domain registry: the one list of domains. Everything else asks it; nothing else names a domain.

Adding a built-in domain is one module (see `docs/ARCHITECTURE.md`) plus one line in `BUILTIN`. A domain that
lives outside this package (a plugin, or a test's toy domain) is one module named in the environment variable
`DRT_AGENT_DOMAINS` (comma-separated module names, each with a `DOMAIN` attribute), or passed to `register()`.
"""

from __future__ import annotations

import importlib
import os
import threading

from ..errors import DomainError
from .base import Answer, Domain, Reading, Strict, default_answer, load_ref

BUILTIN = (
    "drt_agent.domains.graph",
    "drt_agent.domains.logic",
    "drt_agent.domains.relational",
)
PLUGINS_ENV = "DRT_AGENT_DOMAINS"

_registry: dict[str, Domain] = {}
_lock = threading.Lock()
_loaded = False


def _load() -> dict[str, Domain]:
    global _loaded
    if _loaded:
        return _registry
    with _lock:
        if not _loaded:
            plugins = [m.strip() for m in os.environ.get(PLUGINS_ENV, "").split(",") if m.strip()]
            for module in (*BUILTIN, *plugins):
                try:
                    dom = importlib.import_module(module).DOMAIN
                except (ImportError, AttributeError) as exc:
                    raise DomainError(
                        f"cannot load the domain module {module!r} ({exc}); it must define DOMAIN = Domain(...)"
                    ) from None
                _registry.setdefault(dom.name, dom)
            _loaded = True
    return _registry


def register(domain: Domain | str) -> Domain:
    """Add a domain (a Domain, or a module name whose DOMAIN is one) for this process; returns it."""
    dom = importlib.import_module(domain).DOMAIN if isinstance(domain, str) else domain
    _load()
    with _lock:
        _registry[dom.name] = dom
    return dom


def all_domains() -> list[Domain]:
    return list(_load().values())


def names() -> list[str]:
    return list(_load())


def get(name: str) -> Domain:
    """The domain called `name` (case and surrounding space ignored); DomainError naming the known ones."""
    reg = _load()
    key = str(name).strip().lower()
    if key not in reg:
        raise DomainError(f"unknown domain {name!r}; choose one of: {', '.join(reg)}")
    return reg[key]


def of(problem: object) -> Domain:
    """The domain of a typed problem (by its `domain` field)."""
    name = getattr(problem, "domain", None)
    if not isinstance(name, str):
        raise DomainError(f"expected a typed problem with a 'domain' field, got {type(problem).__name__}")
    return get(name)


def task_names() -> dict[str, Domain]:
    """Every task name any domain offers (e.g. a domain's variants) -> its domain."""
    return {task: dom for dom in _load().values() for task in dom.tasks}


def problem_types() -> tuple[type, ...]:
    return tuple(d.problem for d in _load().values())


__all__ = [
    "Answer",
    "Domain",
    "Reading",
    "Strict",
    "all_domains",
    "default_answer",
    "get",
    "load_ref",
    "names",
    "of",
    "problem_types",
    "register",
    "task_names",
]
