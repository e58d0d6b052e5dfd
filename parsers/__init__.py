"""Parsers: natural language and structured input -> typed problems (installed as `drt_agent.parsers`)."""

from .detect import detect_domain, parse, read
from .graph import parse_graph, problem_from_graph

__all__ = ["detect_domain", "parse", "parse_graph", "problem_from_graph", "read"]
