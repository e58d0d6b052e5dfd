"""The one schema source for every tool: what LangChain sends to a chat model and what MCP lists are the same dict.

A tool's arguments are a pydantic model (each domain's lives with the domain, `drt_agent/domains/<name>.py`; the
general `drt_solve` model is built here). The model is what validates a call, over both LangChain and MCP, so
both give the same error text. The JSON schema a model *sees* is derived from it by `tool_schema`, in the
shape that OpenAI strict, Azure OpenAI strict and Anthropic strict tool use all accept as it is:

- every object closed (`additionalProperties: false`) and every property listed in `required`; an optional
  field is nullable instead (`anyOf: [..., {"type": "null"}]`), and null means "not given";
- only `type`, `properties`, `required`, `additionalProperties`, `items`, `enum`, `anyOf` and `description`:
  no `$ref`/`$defs` (inlined), no `default`, no bounds (`minLength`, `maxLength`, `minimum`, `maximum`,
  `minItems`, `maxItems`, `pattern`) and no `title`. Bounds and defaults move into the description text,
  where the calling model reads them, and the pydantic model still enforces them.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, Field, StrictInt, create_model

from drt_agent import domains
from drt_agent.domains.base import Strict

MAX_TEXT = 20_000
MAX_STEPS = 512

# the keywords a tool schema may hold (the intersection of what the three strict modes accept)
KEEP = ("type", "properties", "required", "additionalProperties", "items", "enum", "anyOf", "description")


@functools.cache
def solve_args(scope: tuple[str, ...] | None = None) -> type[Strict]:
    """`drt_solve`'s arguments; `domain` is an enum of the domains in scope (default: every registered one)."""
    names = scope or tuple(domains.names())
    kinds = [domains.get(n) for n in names]
    return create_model(
        "SolveArgs",
        __base__=Strict,
        __doc__="Any supported problem written as text; the domain is detected when not given.",
        text=(
            str,
            Field(
                min_length=1,
                max_length=MAX_TEXT,
                description="The whole problem as text, facts and question together: "
                + "; ".join(f"{d.title}, e.g. {d.example!r}" for d in kinds),
            ),
        ),
        domain=(
            Literal[names] | None,  # type: ignore[valid-type]
            Field(default=None, description="Force a domain; null to detect it from the text."),
        ),
        steps=(
            StrictInt | None,
            Field(
                default=None,
                ge=1,
                le=MAX_STEPS,
                description="Thinking steps for the recurrent core. Null (recommended) lets the model choose its "
                "own depth per problem.",
            ),
        ),
    )


def _bounds(node: dict[str, Any]) -> list[str]:
    """The validation keywords of one schema node, as words for its description."""
    words = []
    lo, hi = node.get("minLength"), node.get("maxLength")
    if hi is not None:
        words.append(f"{lo or 0}-{hi} characters" if lo and lo > 1 else f"at most {hi} characters")
    elif lo and lo > 1:
        words.append(f"at least {lo} characters")
    lo, hi = node.get("minimum"), node.get("maximum")
    if lo is not None and hi is not None:
        words.append(f"an integer from {lo} to {hi}" if node.get("type") == "integer" else f"{lo} to {hi}")
    elif lo is not None:
        words.append(f"at least {lo}")
    elif hi is not None:
        words.append(f"at most {hi}")
    if node.get("maxItems") is not None:
        words.append(f"at most {node['maxItems']} items")
    if node.get("minItems"):
        words.append(f"at least {node['minItems']} items")
    if node.get("pattern"):
        words.append(f"matching {node['pattern']}")
    return words


def _clean(node: Any, defs: dict[str, Any]) -> Any:
    """One schema node in the strict shape (see the module docstring)."""
    if isinstance(node, list):
        return [_clean(v, defs) for v in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target = defs[node["$ref"].rsplit("/", 1)[-1]]
        merged = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        return _clean(merged, defs)
    words = _bounds(node)
    for alt in node.get("anyOf", []):  # bounds written on a nullable field's non-null branch
        if isinstance(alt, dict):
            words += _bounds(alt)
    out: dict[str, Any] = {}
    for key in KEEP:
        if key not in node:
            continue
        if key == "properties":
            out[key] = {name: _clean(sub, defs) for name, sub in node[key].items()}
        elif key in ("items", "anyOf"):
            out[key] = _clean(node[key], defs)
        else:
            out[key] = copy.deepcopy(node[key])
    if "const" in node and "enum" not in out:  # a one-value Literal
        out["enum"] = [node["const"]]
    if "properties" in out or out.get("type") == "object":
        out["type"] = "object"
        out.setdefault("properties", {})
        out["additionalProperties"] = False
        out["required"] = list(out["properties"])
    if words and "description" in out:
        text = out["description"].rstrip()
        out["description"] = f"{text}{'' if text.endswith('.') else '.'} Allowed: {', '.join(words)}."
    return out


@functools.cache
def _cached_schema(args: type[BaseModel]) -> dict[str, Any]:
    raw = args.model_json_schema()
    schema = _clean({k: v for k, v in raw.items() if k not in ("$defs", "title")}, raw.get("$defs", {}))
    schema.pop("description", None)  # the tool's description says what the call is for
    return schema


def tool_schema(args: type[BaseModel]) -> dict[str, Any]:
    """The JSON schema of a tool's arguments that both LangChain and MCP advertise (a fresh copy)."""
    return copy.deepcopy(_cached_schema(args))


def scope_key(names: Sequence[str] | None) -> tuple[str, ...] | None:
    """A hashable scope for `solve_args` (None: every registered domain)."""
    return None if names is None else tuple(names)


def __getattr__(name: str) -> Any:
    if name == "SolveArgs":
        return solve_args()
    raise AttributeError(name)
