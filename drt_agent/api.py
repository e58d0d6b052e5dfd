"""Module-level conveniences for agent workflows: `drt_agent.solve("...")` with models loaded once per process."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from . import domains
from .domains.base import Reading
from .errors import DrtError
from .limits import Limits
from .limits import resolve as resolve_limits
from .problems import Solution
from .reasoner import Steps, get_reasoner


def _read(item: Any, domain: str | None, limits: Limits | None = None) -> Reading:
    """Text -> Reading through the parsers; a typed problem is taken as given."""
    if isinstance(item, str | bytes):
        from .parsers import read

        return read(item, domain=domain, limits=limits)
    return item if isinstance(item, Reading) else Reading(problem=item)


def checkpoint_for(problem: Any) -> str:
    """The shipped checkpoint that answers a typed problem (its domain decides, e.g. by the problem's family)."""
    return domains.of(problem).checkpoint_for(problem)


def solve(
    problem: Any,
    domain: str | None = None,
    steps: Steps = "auto",
    model: str | None = None,
    limits: Limits | None = None,
    device: str = "auto",
) -> Solution:
    """Solve text or a typed problem with the shipped checkpoint of its domain (or `model`, a directory).

    Raises a DrtError subclass (ParseError, LimitError, ...) whose message says what to fix; `limits`
    (default: drt_agent.limits.default_limits()) bounds the input's size; `device` is 'auto' (CUDA when
    available), 'cpu' or 'cuda[:N]'.
    """
    if model is not None and domain is None:  # a model answers one domain: read the text as that domain's
        domain = get_reasoner(model, device).domain
    reading = _read(problem, domain, limits)
    reasoner = get_reasoner(model or checkpoint_for(reading.problem), device)
    return reasoner.solve(reading, steps=steps, limits=limits)  # type: ignore[arg-type]


def solve_many(
    items: Sequence[Any],
    steps: Steps = "auto",
    model: str | None = None,
    limits: Limits | None = None,
    device: str = "auto",
) -> list[Solution | DrtError]:
    """Solve many problems, batched per domain; a bad item yields its error and the rest are still answered."""
    resolved = resolve_limits(limits)  # once for the batch, not once per text
    resolved.check_batch(len(items))
    out: list[Solution | DrtError | None] = [None] * len(items)
    groups: dict[str, list[tuple[int, Reading]]] = defaultdict(list)
    model_domain = get_reasoner(model, device).domain if model is not None else None
    for i, item in enumerate(items):
        text, domain = item if isinstance(item, tuple) else (item, None)
        domain = domain or model_domain
        try:
            reading = _read(text, domain, resolved)
            groups[model or checkpoint_for(reading.problem)].append((i, reading))
        except DrtError as exc:
            out[i] = exc
    for key, members in groups.items():
        try:
            sols = get_reasoner(key, device).solve_batch([p for _, p in members], steps=steps, limits=limits)
        except DrtError as exc:
            for i, _ in members:
                out[i] = exc
            continue
        for (i, _), sol in zip(members, sols, strict=True):
            out[i] = sol
    return [o for o in out if o is not None]
