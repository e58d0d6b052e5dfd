"""Routing: decide which domain a piece of text belongs to (an explicit domain always wins)."""

from __future__ import annotations

from drt_agent.errors import DomainError
from drt_agent.problems import GraphProblem, LogicProblem, RelationalProblem

DOMAINS = ("graph", "logic", "relational")


def detect_domain(text: str) -> str:
    """The domain of `text`: graph for now (other domains register their detectors as they land)."""
    return "graph"


def parse(text: str, domain: str | None = None) -> GraphProblem | LogicProblem | RelationalProblem:
    """Text -> typed problem. `domain` skips detection."""
    domain = domain or detect_domain(text)
    if domain == "graph":
        from .graph import parse_graph

        return parse_graph(text)
    raise DomainError(f"unknown or not yet supported domain {domain!r}; supported: graph")
