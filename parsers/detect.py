"""Routing: decide which domain a piece of text belongs to (an explicit domain always wins)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from drt_agent.errors import DomainError, DrtError, LimitError, ParseError
from drt_agent.limits import Limits
from drt_agent.limits import resolve as resolve_limits
from drt_agent.problems import GraphProblem, LogicProblem, RelationalProblem

DOMAINS = ("graph", "logic", "relational")


# Each domain: (module, parse function, detector). Modules are imported lazily, and a domain whose parser is
# not installed yet simply does not take part in routing.
_PARSERS = {
    "graph": ("graph", "parse_graph", "looks_like_graph"),
    "logic": ("logic", "parse_logic", "looks_like_logic"),
    "relational": ("relational", "parse_relational", "looks_like_relational"),
}
_DETECT_CHARS = 50_000  # detectors see this much of the text
_TRY_ALL_CHARS = 10_000  # texts no detector recognises are tried with every parser only up to this length
# a reading wins over another that also parses when its detector score is this much higher
_CLEAR_MARGIN = 0.3


def _module(domain: str) -> Any | None:
    try:
        return importlib.import_module(f"{__package__}.{_PARSERS[domain][0]}")
    except ImportError:
        return None


def _parser(domain: str) -> Callable[[str], Any]:
    if domain not in _PARSERS:
        raise DomainError(f"unknown domain {domain!r}; choose one of: {', '.join(DOMAINS)}")
    mod = _module(domain)
    fn = getattr(mod, _PARSERS[domain][1], None) if mod is not None else None
    if fn is None:
        raise DomainError(f"the {domain!r} parser is not available in this installation; use another domain")
    return fn


def _glimpse(text: str) -> str:
    """What detectors see of a long text: its start and its end (where the question usually is); a hint is
    enough, and it keeps routing fast."""
    if len(text) <= _DETECT_CHARS:
        return text
    half = _DETECT_CHARS // 2
    return text[:half] + "\n" + text[-half:]


def _scores(text: str) -> dict[str, float]:
    """Detector score per available domain, 0..1 (a detector may return a bool)."""
    out: dict[str, float] = {}
    for domain in DOMAINS:
        mod = _module(domain)
        detector = getattr(mod, _PARSERS[domain][2], None) if mod is not None else None
        if detector is None:
            continue
        try:
            out[domain] = float(detector(_glimpse(text)))
        except Exception:  # a detector must never break routing
            out[domain] = 0.0
    return out


def _route(text: str) -> tuple[str, Any]:
    """(domain, problem): try every domain whose detector fires; one clear reading wins, else ParseError."""
    all_scores = _scores(text)
    scores = {d: s for d, s in all_scores.items() if s > 0}
    if not scores and len(text) <= _TRY_ALL_CHARS:  # no detector fired on a short text: try every parser
        scores = all_scores
    if not scores:
        raise ParseError(
            "could not tell what kind of problem this is (graph, logic or relational); pass domain=... "
            "(CLI: --domain), or write e.g. 'A-B, B-C. Is A connected to C?' or 'not (True and False) or False'"
        )
    ranked = sorted(scores, key=lambda d: -scores[d])
    readings: dict[str, Any] = {}
    errors: dict[str, ParseError] = {}
    for domain in ranked:
        try:
            readings[domain] = _parser(domain)(text)
        except ParseError as exc:
            errors[domain] = exc
    if not readings:
        if not any(all_scores.values()):
            raise ParseError(
                "could not tell what kind of problem this is (graph, logic or relational); pass domain=... "
                "(CLI: --domain), or write e.g. 'A-B, B-C. Is A connected to C?' or 'not (True and False) or False'"
            )
        raise errors[ranked[0]]
    ok = [d for d in ranked if d in readings]
    if len(ok) > 1 and scores[ok[0]] - scores[ok[1]] < _CLEAR_MARGIN:
        shown = "; ".join(f"{d}: {_summary(readings[d])}" for d in ok)
        raise ParseError(
            f"ambiguous input: it reads as {len(ok)} kinds of problem ({shown}); pass domain=... "
            f"(CLI: --domain {ok[0]}) to choose one"
        )
    return ok[0], readings[ok[0]]


def _summary(problem: Any) -> str:
    text = problem.model_dump_json(exclude_defaults=True)
    return text if len(text) <= 120 else text[:117] + "..."


def detect_domain(text: str) -> str:
    """The domain `parse(text)` would choose; ParseError if none or several fit equally well."""
    return _route(text)[0]


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
    if not isinstance(text, str):
        raise ParseError(f"expected text, got {type(text).__name__}")
    if not text.strip():
        raise ParseError(
            "empty input; give a problem as text, e.g. 'A-B, B-C. Is A connected to C?' "
            "or 'not (True and False) or False'"
        )
    try:
        from .graph import clean_text

        clean_text(text)  # binary junk is rejected the same way whatever the domain
        if domain is None:
            return _route(text)[1]
        return _parser(domain.strip().lower())(text)
    except DrtError:
        raise
    except RecursionError:
        raise LimitError("the input is nested too deeply to parse; simplify it or split it") from None
    except Exception as exc:  # a parser bug must still reach the user as one clean message
        raise ParseError(f"could not parse the input ({type(exc).__name__}: {exc}); rephrase it") from None
