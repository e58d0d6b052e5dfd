"""Routing: decide which domain a piece of text belongs to (an explicit domain always wins)."""

from __future__ import annotations

from drt_agent.errors import DomainError
from drt_agent.limits import Limits
from drt_agent.limits import resolve as resolve_limits
from drt_agent.problems import GraphProblem, LogicProblem, RelationalProblem

DOMAINS = ("graph", "logic", "relational")


def detect_domain(text: str) -> str:
    """The domain of `text`: graph for now (other domains register their detectors as they land)."""
    return "graph"


def parse(
    text: str, domain: str | None = None, limits: Limits | None = None
) -> GraphProblem | LogicProblem | RelationalProblem:
    """Text -> typed problem. `domain` skips detection. Input sizes are checked against `limits`
    (default: `default_limits()`) before any regex runs and again on the parsed problem (LimitError)."""
    limits = resolve_limits(limits)
    problem = _parse(text, domain, limits)
    limits.check_problem(problem)
    return problem


def _parse(text: str, domain: str | None, limits: Limits) -> GraphProblem | LogicProblem | RelationalProblem:
    if isinstance(text, bytes | bytearray):
        text = bytes(text).decode("utf-8", errors="replace")
    if isinstance(text, str):
        limits.check_text(text)
    domain = domain or detect_domain(text)
    if domain == "graph":
        from .graph import parse_graph

        return parse_graph(text)
    raise DomainError(f"unknown or not yet supported domain {domain!r}; supported: graph")
