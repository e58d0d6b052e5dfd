"""Typed problems and solutions: the one vocabulary shared by parsers, tasks, CLI, tools and MCP.

Every model forbids extra fields, so strict function-calling APIs accept their JSON Schema, and every field
carries a description because a language model reads it.
"""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import BaseModel, ConfigDict, Field, SerializeAsAny

from . import domains
from .domains.base import Answer, Strict
from .domains.graph import Edge, GraphProblem
from .domains.logic import LogicProblem
from .domains.relational import Fact, RelationalProblem

SCHEMA_VERSION = 2


def problem_union() -> Any:
    """The registered problem types as one discriminated union (on `domain`), for schemas and validation."""
    types = domains.problem_types()
    return Annotated[Union[types], Field(discriminator="domain")] if len(types) > 1 else types[0]  # noqa: UP007


Problem = problem_union()


class Solution(BaseModel):
    """The reasoner's answer, how deep it thought, and how sure it is."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: int = Field(default=SCHEMA_VERSION, description="Version of this result schema.")
    domain: str = Field(description="Which domain answered (see `drt-agent schema`).")
    answer: Answer = Field(
        description="The answer: a JSON boolean for yes/no questions, a word otherwise. The model's own answer, "
        "unless an exact solver exists and disagrees: then the exact answer (see answered_by)."
    )
    model_answer: Answer = Field(
        default=None, description="What the neural model answered, whatever the check."
    )
    answered_by: str = Field(
        default="model",
        description="'model' (the network's answer, checked by the exact solver where one exists or not checked) "
        "or 'exact' (the exact solver's answer: the network disagreed with it).",
    )
    steps_used: int = Field(description="Thinking steps the recurrent core ran for this problem.")
    confidence: float = Field(
        description="The probability that `answer` is right. For the network's answer (answered_by 'model'): its "
        "calibrated estimate that its own answer is right, from the network alone (the answer's probability, the "
        "steps the problem needs past training, whether the step cap fired; never the exact check), so it means "
        "the same with the check on or off. For an exact answer (answered_by 'exact'): 1.0, right by construction."
    )
    trace: list[float] = Field(
        default_factory=list,
        description="Per-step probability of the final answer's class as the readout gives it (not calibrated), "
        "one entry per step.",
    )
    exact: Answer = Field(default=None, description="The exact solver's answer, when it is computable.")
    agrees_with_exact: bool | None = Field(
        default=None, description="Whether the model's answer equals the exact one (None if not computed)."
    )
    witness: list[str] | None = Field(
        default=None, description="For reachable graph targets: a shortest path from source to target."
    )
    hops: int | None = Field(default=None, description="For graphs: length of the shortest path, if any.")
    model: str = Field(default="", description="The checkpoint that answered.")
    problem: SerializeAsAny[BaseModel] | None = Field(
        default=None, description="The typed problem that was solved."
    )
    read_as: str = Field(default="", description="For text input: what the parser understood, in one line.")
    skipped: list[str] = Field(default_factory=list, description="For text input: parts ignored, verbatim.")
    assumptions: list[str] = Field(
        default_factory=list, description="For text input: what was assumed without being stated."
    )
    stopped_by: str = Field(
        default="",
        description="Why thinking stopped: 'halted' (the model settled), 'fixed' or 'cap' (a bound).",
    )


__all__ = [
    "Answer",
    "Edge",
    "Fact",
    "GraphProblem",
    "LogicProblem",
    "Problem",
    "RelationalProblem",
    "Solution",
    "Strict",
]
