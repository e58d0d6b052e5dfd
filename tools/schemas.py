"""The argument model of the general `drt_solve` tool. Each domain's own tool arguments live with the domain
(`drt_agent/domains/<name>.py`) and are bound by the registry.

Written for strict function-calling APIs: no free-form dicts, every string bounded, no extra fields, and a
description on every field because the model that fills them in reads it.
"""

from __future__ import annotations

import functools
from typing import Any, Literal

from pydantic import Field, create_model

from drt_agent import domains
from drt_agent.domains.base import Strict

MAX_TEXT = 20_000
MAX_STEPS = 512


@functools.cache
def solve_args() -> type[Strict]:
    """`drt_solve`'s arguments; `domain` is an enum of the registered domains."""
    names = tuple(domains.names())
    return create_model(
        "SolveArgs",
        __base__=Strict,
        __doc__="Any supported problem written as text; the domain is detected when not given.",
        text=(
            str,
            Field(
                min_length=1,
                max_length=MAX_TEXT,
                description="The whole problem as text: "
                + "; ".join(f"{d.title}, e.g. {d.example!r}" for d in domains.all_domains()),
            ),
        ),
        domain=(
            Literal[names] | None,  # type: ignore[valid-type]
            Field(default=None, description="Force a domain; null to detect it from the text."),
        ),
        steps=(
            int | None,
            Field(
                default=None,
                ge=1,
                le=MAX_STEPS,
                description="Thinking steps for the recurrent core. Leave null (recommended) to let the model "
                "choose its own depth per problem.",
            ),
        ),
    )


def __getattr__(name: str) -> Any:
    if name == "SolveArgs":
        return solve_args()
    raise AttributeError(name)
