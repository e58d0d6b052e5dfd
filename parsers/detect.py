"""Routing: decide which domain a piece of text belongs to (an explicit domain always wins).

The domains and their detectors and readers come from the registry (`drt_agent.domains`); this module names none.
"""

from __future__ import annotations

from typing import Any

from drt_agent import domains
from drt_agent.domains.base import Reading
from drt_agent.errors import DomainError, DrtError, LimitError, ParseError
from drt_agent.limits import Limits
from drt_agent.limits import resolve as resolve_limits

_DETECT_CHARS = 50_000  # detectors see this much of the text
_TRY_ALL_CHARS = 10_000  # texts no detector recognises are tried with every parser only up to this length
# a reading wins over another that also parses when its detector score is this much higher
_CLEAR_MARGIN = 0.3


def _reader(name: str) -> domains.Domain:
    try:
        return domains.get(name)
    except DomainError:
        raise DomainError(f"unknown domain {name!r}; choose one of: {', '.join(domains.names())}") from None


def _glimpse(text: str) -> str:
    """What detectors see of a long text: its start and its end (where the question usually is); a hint is
    enough, and it keeps routing fast."""
    if len(text) <= _DETECT_CHARS:
        return text
    half = _DETECT_CHARS // 2
    return text[:half] + "\n" + text[-half:]


def _scores(text: str) -> dict[str, float]:
    """Detector score per domain, 0..1 (a detector may return a bool; one that is not installed scores 0)."""
    out: dict[str, float] = {}
    for dom in domains.all_domains():
        try:
            out[dom.name] = dom.detect(_glimpse(text))
        except Exception:  # a detector must never break routing (an optional parser may not be installed)
            out[dom.name] = 0.0
    return out


def _unknown_kind() -> ParseError:
    kinds = ", ".join(d.title for d in domains.all_domains())
    examples = " or ".join(repr(d.example) for d in domains.all_domains()[:2] if d.example)
    return ParseError(
        f"could not tell what kind of problem this is ({kinds}); pass domain=... (CLI: --domain), "
        f"or write e.g. {examples}"
    )


def _route(text: str, limits: Limits) -> tuple[str, Reading]:
    """(domain, reading): try every domain whose detector fires; one clear reading wins, else ParseError."""
    all_scores = _scores(text)
    scores = {d: s for d, s in all_scores.items() if s > 0}
    if not scores and len(text) <= _TRY_ALL_CHARS:  # no detector fired on a short text: try every parser
        scores = all_scores
    if not scores:
        raise _unknown_kind()
    ranked = sorted(scores, key=lambda d: -scores[d])
    readings: dict[str, Reading] = {}
    errors: dict[str, DrtError] = {}
    for name in ranked:
        try:
            readings[name] = domains.get(name).read(text, limits)
        except ParseError as exc:
            errors[name] = exc
        except ImportError as exc:  # an optional parser dependency (e.g. spaCy) is missing
            errors[name] = ParseError(f"the {name} reader needs a missing package ({exc})")
    if not readings:
        if not any(all_scores.values()):
            raise _unknown_kind()
        raise errors[ranked[0]]
    ok = [d for d in ranked if d in readings]
    if len(ok) > 1 and scores[ok[0]] - scores[ok[1]] < _CLEAR_MARGIN:
        shown = "; ".join(f"{d}: {_summary(readings[d].problem)}" for d in ok)
        raise ParseError(
            f"ambiguous input: it reads as {len(ok)} kinds of problem ({shown}); pass domain=... "
            f"(CLI: --domain {ok[0]}) to choose one"
        )
    return ok[0], readings[ok[0]]


def _summary(problem: Any) -> str:
    text = problem.model_dump_json(exclude_defaults=True)
    return text if len(text) <= 120 else text[:117] + "..."


def detect_domain(text: str, limits: Limits | None = None) -> str:
    """The domain `parse(text)` would choose; ParseError if none or several fit equally well."""
    return _route(text, resolve_limits(limits))[0]


def parse(text: str, domain: str | None = None, limits: Limits | None = None) -> Any:
    """Text -> typed problem. `domain` skips detection. Input sizes are checked against `limits`
    (default: `default_limits()`) before any regex runs and again on the parsed problem (LimitError)."""
    return read(text, domain, limits).problem


def read(text: str, domain: str | None = None, limits: Limits | None = None) -> Reading:
    """Text -> Reading: the typed problem and how the text was read (read_as, skipped, assumptions)."""
    limits = resolve_limits(limits)
    reading = _read(text, domain, limits)
    domains.of(reading.problem).check(limits, reading.problem)
    return reading


def _read(text: str, domain: str | None, limits: Limits) -> Reading:
    if isinstance(text, bytes | bytearray):
        text = bytes(text).decode("utf-8", errors="replace")
    if isinstance(text, str):
        limits.check_text(text)
    if not isinstance(text, str):
        raise ParseError(f"expected text, got {type(text).__name__}")
    if not text.strip():
        raise ParseError(
            "empty input; give a problem as text, e.g. "
            + " or ".join(repr(d.example) for d in domains.all_domains()[:2] if d.example)
        )
    try:
        from .graph import clean_text

        clean_text(text)  # binary junk is rejected the same way whatever the domain
        for d in domains.all_domains() if domain is None else [_reader(domain)]:
            fast = d.read_fast(text, limits)
            if fast is not None:
                return fast
        if domain is None:
            return _route(text, limits)[1]
        return _reader(domain).read(text, limits)
    except DrtError:
        raise
    except RecursionError:
        raise LimitError("the input is nested too deeply to parse; simplify it or split it") from None
    except Exception as exc:  # a parser bug must still reach the user as one clean message
        raise ParseError(f"could not parse the input ({type(exc).__name__}: {exc}); rephrase it") from None
