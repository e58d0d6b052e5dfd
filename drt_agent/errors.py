"""One exception family, so callers (CLI, tools, agents) can catch every documented failure at once.

Each message says what was wrong and what to do about it.
"""

from __future__ import annotations


class DrtError(Exception):
    """Base class of every error drt-agent raises on purpose."""

    kind = "error"

    def to_dict(self) -> dict[str, str]:
        """The JSON shape used by `--batch`, the tools and the MCP server."""
        return {"type": type(self).__name__, "message": str(self)}


class ParseError(DrtError, ValueError):
    """The input could not be turned into a typed problem."""

    kind = "parse_error"


class LimitError(DrtError, ValueError):
    """The input is larger than a configured limit (nodes, edges, characters, steps...)."""

    kind = "limit_error"


class CheckpointError(DrtError):
    """A checkpoint is missing, tampered with, or describes something this version cannot build."""

    kind = "checkpoint_error"


class DomainError(DrtError, ValueError):
    """A problem was given to a model trained for another domain, or the domain is unknown."""

    kind = "domain_error"
