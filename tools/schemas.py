"""Argument models of the agent tools, shared by LangChain (`args_schema`) and MCP (input schema).

Written for strict function-calling APIs (OpenAI strict mode, Gemini): no tuples (edges are objects with named
fields), no free-form dicts (variable values are a list of objects), every list and string bounded, no extra
fields, and a description on every field because the model that fills them in reads it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from drt_agent.problems import Edge

MAX_EDGES = 2000
MAX_NODES = 2000
MAX_TEXT = 20_000
MAX_NAME = 200
MAX_STEPS = 512

StepsArg = int | None
_STEPS = Field(
    default=None,
    ge=1,
    le=MAX_STEPS,
    description="Thinking steps for the recurrent core. Leave null (recommended) to let the model choose its own "
    "depth per problem.",
)


class _Args(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GraphReachabilityArgs(_Args):
    """Either a graph given as `edges` + `source` + `target`, or the same thing written as `text`."""

    text: str | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_TEXT,
        description="Instead of edges/source/target: the graph and question as text, e.g. "
        "'A-B, B-C, C-F. Is A connected to F?' ('A->B' for one-way edges).",
    )
    edges: list[Edge] | None = Field(
        default=None,
        max_length=MAX_EDGES,
        description="The graph's edges as objects {src, dst}. Give edges, source and target together, or use text.",
    )
    source: str | None = Field(
        default=None, min_length=1, max_length=MAX_NAME, description="The node the path starts from."
    )
    target: str | None = Field(
        default=None, min_length=1, max_length=MAX_NAME, description="The node to reach."
    )
    directed: bool = Field(default=False, description="True if edges are one-way, from src to dst.")
    nodes: list[str] = Field(
        default_factory=list,
        max_length=MAX_NODES,
        description="Names of isolated nodes that appear in no edge (optional).",
    )
    steps: StepsArg = _STEPS

    @model_validator(mode="after")
    def _one_form(self) -> GraphReachabilityArgs:
        structured = [self.edges is not None, self.source is not None, self.target is not None]
        if self.text is not None:
            if any(structured):
                raise ValueError("give either text, or edges + source + target, not both")
        elif not all(structured):
            missing = [
                n for n, have in zip(("edges", "source", "target"), structured, strict=True) if not have
            ]
            raise ValueError(
                f"missing {', '.join(missing)}: give edges (a list of {{src, dst}}), source and target, or text"
            )
        return self


class VariableValue(_Args):
    """The truth value of one variable used in a logic expression."""

    name: str = Field(
        min_length=1,
        max_length=MAX_NAME,
        pattern=r"^[A-Za-z_][A-Za-z0-9_]*$",
        description="The variable's name as written in the expression (letters, digits, _), e.g. 'x' or 'rain'.",
    )
    value: bool = Field(description="Its truth value.")


class LogicArgs(_Args):
    """A boolean expression to evaluate, in symbols or words."""

    expression: str = Field(
        min_length=1,
        max_length=MAX_TEXT,
        description="The boolean expression, e.g. '(T & !F) | (F & T)' or 'true and not (false or true)'. "
        "May also be a whole question in words that sets variable values.",
    )
    variables: list[VariableValue] = Field(
        default_factory=list,
        max_length=MAX_NODES,
        description="Values of the variables the expression names (optional; empty if it uses only true/false).",
    )
    steps: StepsArg = _STEPS


class RelationalArgs(_Args):
    """A short story of relations between people, and a question about two of them."""

    story: str = Field(
        min_length=1,
        max_length=MAX_TEXT,
        description="The facts as sentences, in any order, e.g. 'Ann is the mother of Bob. Bob is the father of Cy.'",
    )
    question: str | None = Field(
        default=None,
        max_length=2000,
        description="The question, e.g. 'How is Ann related to Cy?' or 'Is Ann the grandmother of Cy?'. "
        "Null if the story already ends with it.",
    )
    steps: StepsArg = _STEPS


class SolveArgs(_Args):
    """Any supported problem written as text; the domain is detected when not given."""

    text: str = Field(
        min_length=1,
        max_length=MAX_TEXT,
        description="The whole problem as text: a graph with a reachability question, a boolean expression, or a "
        "story of relations with a question.",
    )
    domain: Literal["graph", "logic", "relational"] | None = Field(
        default=None, description="Force a domain; null to detect it from the text."
    )
    steps: StepsArg = _STEPS
