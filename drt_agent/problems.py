"""Typed problems and solutions: the one vocabulary shared by parsers, tasks, CLI, tools and MCP.

Every model forbids extra fields, so strict function-calling APIs accept their JSON Schema, and every field
carries a description because a language model reads it.
"""

from __future__ import annotations

from itertools import chain
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Edge(_Strict):
    """One edge. In a directed graph it points from `src` to `dst`."""

    src: str = Field(description="Name of the node the edge starts at.", min_length=1, max_length=200)
    dst: str = Field(description="Name of the node the edge ends at.", min_length=1, max_length=200)


class GraphProblem(_Strict):
    """Is `target` reachable from `source` by following edges?"""

    domain: Literal["graph"] = "graph"
    edges: list[Edge] = Field(description="The graph's edges.")
    nodes: list[str] = Field(
        default_factory=list, description="Extra node names, for nodes that have no edges (optional)."
    )
    directed: bool = Field(default=False, description="True if edges are one-way (src -> dst).")
    source: str = Field(description="The node the path starts from.", min_length=1)
    target: str = Field(description="The node to reach.", min_length=1)
    negated: bool = Field(
        default=False,
        description="True if the question asks whether the nodes are NOT connected; the answer is flipped.",
    )

    def node_names(self) -> list[str]:
        """All node names in first-seen order: explicit nodes, then edge endpoints, then source and target."""
        ends = (name for e in self.edges for name in (e.src, e.dst))  # one pass, no per-name method call
        return list(dict.fromkeys(chain(self.nodes, ends, (self.source, self.target))))


class LogicProblem(_Strict):
    """What is the truth value of a boolean expression?"""

    domain: Literal["logic"] = "logic"
    expression: str = Field(
        description="Canonical expression over T, F, variable names, ! (not), & (and), | (or) and brackets; "
        "precedence ! > & > |.",
        min_length=1,
    )
    variables: dict[str, bool] = Field(
        default_factory=dict, description="Values of the variables named in the expression."
    )


class Fact(_Strict):
    """One relation between two people: `subject` is the `relation` of `object`."""

    subject: str = Field(description="The first person.")
    relation: str = Field(description="The relation word, e.g. 'mother', 'parent', 'reports to'.")
    object: str = Field(description="The second person.")


class RelationalProblem(_Strict):
    """How is one person related to another, given shuffled facts? Open question or yes/no."""

    domain: Literal["relational"] = "relational"
    facts: list[Fact] = Field(description="Facts in the story, in any order.", min_length=1)
    subject: str = Field(description="The person the question is about.", min_length=1)
    object: str = Field(description="The person the relation is relative to (the anchor).", min_length=1)
    relation: str | None = Field(
        default=None,
        description="For a yes/no question, the relation asked about ('Is X the R of Y?'); None for an open question.",
    )
    family: Literal["kinship", "paper", "custom"] = Field(
        default="kinship",
        description="Which relation family the facts use: 'kinship' (family trees, answered with kinship terms), "
        "'paper' (the source paper's parent/child chains, yes/no on the generation offset) or 'custom' (relation "
        "words a fine-tuned model learned; no exact solver).",
    )


Problem = Annotated[GraphProblem | LogicProblem | RelationalProblem, Field(discriminator="domain")]
Answer = bool | str | None


class Solution(BaseModel):
    """The reasoner's answer, how deep it thought, and how sure it is."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: int = Field(default=SCHEMA_VERSION, description="Version of this result schema.")
    domain: Literal["graph", "logic", "relational"] = Field(description="Which domain answered.")
    answer: Answer = Field(description="The answer: a JSON boolean for yes/no questions, a word otherwise.")
    steps_used: int = Field(description="Thinking steps the recurrent core ran for this problem.")
    confidence: float = Field(description="The model's probability for its answer, 0.5-1.0 for yes/no.")
    trace: list[float] = Field(
        default_factory=list, description="Per-step probability of the final answer, one entry per step."
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
    problem: GraphProblem | LogicProblem | RelationalProblem | None = Field(
        default=None, description="The typed problem that was solved."
    )
