"""Input limits, checked before any tensor is built, so no input can exhaust memory or time.

drt-agent sits behind language models that can emit anything: a megabyte of text, a 100,000-edge graph,
10,000 nested brackets. Every entry point (`drt_agent.parsers.parse`, `Reasoner.solve_batch`, the CLI, the
tools) checks its input against a `Limits` and raises `LimitError` naming the limit and how to raise it.

Three ways to raise a limit, most local first:
- pass `limits=Limits(max_nodes=5000)` (or `default_limits().replace(max_nodes=5000)`) to the call;
- set an environment variable, e.g. `DRT_AGENT_MAX_NODES=5000` (read by `default_limits()`);
- on the command line, `drt-agent solve --limit max_nodes=5000 ...`.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from .errors import LimitError

ENV_PREFIX = "DRT_AGENT_"
SCHEMA_NAME_CHARS = 200  # drt_agent.problems.Edge's max_length: a limit above it could not be honoured


@dataclass(frozen=True)
class Limits:
    """The largest input drt-agent accepts. The defaults admit graphs of 10,000 nodes and 100,000 edges
    (the sparse path's target) and keep any one dense batch under ~1 GB."""

    max_chars: int = 2_000_000  # characters of one text input, before any parser or regex sees it
    max_nodes: int = 20_000  # graph nodes / people of one problem (its sequence length L)
    max_edges: int = 200_000  # graph edges or relational facts of one problem
    max_tokens: int = 4_096  # tokens of one encoded sequence problem (logic expressions, relational text)
    max_depth: int = 256  # bracket nesting depth of one text or expression
    max_steps: int = 512  # thinking steps, fixed or the cap of `auto`
    max_batch: int = 100_000  # problems in one solve_batch / --batch call
    max_name_chars: int = 200  # characters of one node or person name
    # dense attention holds a (B, L, L) mask and (B, heads, L, L) scores: batches are split to stay under this
    # many cells, and one problem above it needs a sparse path (or a raised limit and the memory to match)
    max_dense_cells: int = 1 << 24

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise LimitError(f"Limits.{f.name} must be a whole number >= 1, got {value!r}")
        if self.max_name_chars > SCHEMA_NAME_CHARS:
            raise LimitError(
                f"Limits.max_name_chars cannot exceed {SCHEMA_NAME_CHARS}: the problem schema (Edge) caps names there"
            )

    def replace(self, **changes: int) -> Limits:
        """A copy with some limits changed (unknown names raise LimitError listing the known ones)."""
        unknown = set(changes) - set(names())
        if unknown:
            raise LimitError(f"unknown limit(s) {sorted(unknown)}; known limits: {', '.join(names())}")
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """Defaults overridden by DRT_AGENT_MAX_* environment variables."""
        env = os.environ if environ is None else environ
        changes: dict[str, int] = {}
        for name in names():
            raw = env.get(env_var(name))
            if raw is None or not raw.strip():
                continue
            try:
                changes[name] = int(raw.strip().replace("_", ""))
            except ValueError:
                raise LimitError(f"{env_var(name)}={raw!r} is not a whole number") from None
        return cls(**changes)

    @classmethod
    def from_pairs(cls, pairs: Iterable[str], base: Limits | None = None) -> Limits:
        """Parse CLI `--limit NAME=N` options (NAME with or without the `max_` prefix)."""
        changes: dict[str, int] = {}
        for pair in pairs:
            key, sep, raw = pair.partition("=")
            key = key.strip().lower().replace("-", "_")
            key = key if key.startswith("max_") else f"max_{key}"
            if not sep:
                raise LimitError(f"--limit takes NAME=N (e.g. max_nodes=5000), got {pair!r}")
            try:
                changes[key] = int(raw.strip().replace("_", ""))
            except ValueError:
                raise LimitError(f"--limit {pair!r}: {raw!r} is not a whole number") from None
        return (base or default_limits()).replace(**changes)

    def to_dict(self) -> dict[str, int]:
        return dataclasses.asdict(self)

    # -- checks ------------------------------------------------------------------------------------------
    def check(self, name: str, value: int, what: str) -> None:
        """Raise LimitError if `value` (the size of `what`) is above the limit `name`."""
        limit = getattr(self, name)
        if name == "max_name_chars" and value > SCHEMA_NAME_CHARS:
            raise LimitError(
                f"{what} is {value:,}; names longer than {SCHEMA_NAME_CHARS} characters are not supported, shorten it"
            )
        if value > limit:
            raise LimitError(
                f"{what} is {value:,}, above the limit {name}={limit:,}; to allow it pass "
                f"limits=Limits({name}={value}), set {env_var(name)}={value}, "
                f"or use `drt-agent solve --limit {name}={value}`"
            )

    def check_text(self, text: str, what: str = "the input text's length in characters") -> None:
        """Length and bracket nesting of raw text, before a parser or regex sees it."""
        self.check("max_chars", len(text), what)
        self.check("max_depth", nesting_depth(text), "the bracket nesting depth of the input")

    def check_steps(self, steps: int) -> None:
        self.check("max_steps", steps, "the number of thinking steps")

    def check_batch(self, n: int) -> None:
        self.check("max_batch", n, "the number of problems in one batch")

    def check_problem(self, problem: Any) -> None:
        """Sizes of a typed problem, before it is encoded into tensors (each domain says what it counts)."""
        from . import domains

        domains.of(problem).check(self, problem)

    def check_dense(self, batch: int, length: int) -> None:
        """One dense-attention batch of `batch` problems padded to `length` tokens."""
        self.check("max_dense_cells", batch * length * length, "the dense attention size B*L*L")


def names() -> list[str]:
    """The names of all limits, e.g. ['max_chars', 'max_nodes', ...]."""
    return [f.name for f in fields(Limits)]


def env_var(name: str) -> str:
    return ENV_PREFIX + name.upper()


def default_limits() -> Limits:
    """The limits in force when a call passes none: the defaults, overridden by DRT_AGENT_MAX_* variables (read
    on every call, so a changed variable takes effect at once; the Limits built from them are cached)."""
    return _limits_from(tuple(os.environ.get(var) for var in _env_vars()))


@functools.cache
def _env_vars() -> tuple[str, ...]:
    return tuple(env_var(name) for name in names())


@functools.lru_cache(maxsize=16)
def _limits_from(values: tuple[str | None, ...]) -> Limits:
    return Limits.from_env({var: v for var, v in zip(_env_vars(), values, strict=True) if v is not None})


def resolve(limits: Limits | None) -> Limits:
    return default_limits() if limits is None else limits


def nesting_depth(text: str) -> int:
    """The deepest bracket nesting in text, counting (), [] and {} alike; linear time, no recursion."""
    if "(" not in text and "[" not in text and "{" not in text:
        return 0
    depth = best = 0
    for ch in text:
        if ch in "([{":
            depth += 1
            if depth > best:
                best = depth
        elif ch in ")]}" and depth:
            depth -= 1
    return best
