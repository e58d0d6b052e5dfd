"""What a domain is: one object that binds everything domain-specific, so nothing else names a domain.

A `Domain` holds its typed problem class and pure-Python parts directly (exact solver, size, limits, rendering,
tool arguments), and names its heavier parts (the parser, the torch task) as "module:attribute" strings that load
on first use. Routing text therefore imports no torch, and `import drt_agent` stays fast.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from ..limits import Limits

Answer = bool | str | None


class Strict(BaseModel):
    """Base of every typed problem and tool argument model: unknown fields are refused (strict tool calling)."""

    model_config = ConfigDict(extra="forbid")


@dataclass
class Reading:
    """A parsed text: the typed problem, and how the text was read, so a caller can check the reading.

    read_as: one line of what was understood; skipped: segments ignored, verbatim; assumptions: what was taken
    without being stated (e.g. "undirected: no direction was stated")."""

    problem: Any
    read_as: str = ""
    skipped: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)


def load_ref(ref: str | Any) -> Any:
    """'package.module:attribute' -> the attribute (imported on first use); anything else is returned as is."""
    return _load_str(ref) if isinstance(ref, str) else ref


@functools.lru_cache(maxsize=512)
def _load_str(ref: str) -> Any:
    module, _, attr = ref.partition(":")
    obj: Any = importlib.import_module(module)
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj


Ref = str | Callable[..., Any] | type


@dataclass
class Domain:
    """One domain: problem type, reading, solving, limits, rendering and tool interface.

    Required: `name`, `problem` (a pydantic model with `domain: Literal[name]`), `reader` (text, limits ->
    Reading or problem), `tasks` (task name -> Task class; the first is the default), `exact` (problem -> answer).
    Everything else has a default that suits a simple domain."""

    name: str
    title: str  # a few words for help texts and tool lists, e.g. "graph reachability"
    problem: type[BaseModel]
    reader: Ref  # (text: str, limits: Limits | None) -> Reading | problem
    tasks: dict[str, Ref]  # task name -> Task class ("module:Class"); the first is this domain's default
    exact: Callable[[Any], Answer]  # the ground truth of a problem, None where no exact solver applies
    detector: Ref | None = None  # (text) -> 0..1, how much the text looks like this domain
    # (text, limits) -> Reading or None: the commonest inputs, in a shape no other domain writes, read before any
    # detector runs (None: the text takes the detectors and the full reader)
    fast_reader: Ref | None = None
    # (facts text, question, limits) -> Reading or problem: facts and question given apart (CLI --facts FILE)
    parts_reader: Ref | None = None
    example: str = ""  # one example input, shown in errors and help
    # sizes: check a problem against the limits before any tensor is built
    check_limits: Callable[[Limits, Any], None] | None = None
    # witness: problem -> extra Solution fields (e.g. a path and its hops), or {} when there is none
    witness: Callable[[Any], dict[str, Any]] | None = None
    # both at once, where one search gives both (a graph's BFS): problem -> (exact answer, witness fields)
    exact_witness: Callable[[Any], tuple[Answer, dict[str, Any]]] | None = None
    # people: lines describing a solved problem ("read as: ...", "path: ..."); tools: one sentence
    describe: Callable[[Any, Any], list[str]] | None = None
    summarize: Callable[[Any, Any], str] | None = None
    # which shipped checkpoint answers a problem (default: the one named like the domain)
    checkpoint: Callable[[Any], str] | None = None
    # the agent tool: name, description (when to use it, when not, limits), argument model, args -> problem
    tool_name: str = ""
    tool_description: str = ""
    tool_args: type[BaseModel] | None = None
    tool_problem: Callable[[Any, Callable[[str], Any]], Any] | None = None
    # fine-tuning corpora: a corpus line's answer -> the answer type this domain returns
    corpus_answer: Callable[[Any], Answer] | None = None

    # -- loading the heavier parts ----------------------------------------------------------------------------
    def read(self, text: str, limits: Limits | None = None) -> Reading:
        """Text -> Reading, with the caller's limits (always passed on)."""
        out = load_ref(self.reader)(text, limits=limits)
        return out if isinstance(out, Reading) else Reading(problem=out)

    @property
    def read_parts(self) -> Callable[[str, str, Limits | None], Reading] | None:
        """Facts and question given apart -> Reading, when the domain has a reader for that."""
        if self.parts_reader is None:
            return None

        def read(facts: str, question: str, limits: Limits | None = None) -> Reading:
            out = load_ref(self.parts_reader)(facts, question=question, limits=limits)
            return out if isinstance(out, Reading) else Reading(problem=out)

        return read

    def read_fast(self, text: str, limits: Limits) -> Reading | None:
        return None if self.fast_reader is None else load_ref(self.fast_reader)(text, limits)

    def detect(self, text: str) -> float:
        if self.detector is None:
            return 0.0
        return float(load_ref(self.detector)(text))

    def task_class(self, task_name: str | None = None) -> type:
        return load_ref(self.tasks[task_name or self.default_task])

    @property
    def default_task(self) -> str:
        return next(iter(self.tasks))

    def checkpoint_for(self, problem: Any) -> str:
        return self.checkpoint(problem) if self.checkpoint is not None else self.name

    def check(self, limits: Limits, problem: Any) -> None:
        if self.check_limits is not None:
            self.check_limits(limits, problem)

    def witness_of(self, problem: Any) -> dict[str, Any]:
        return self.witness(problem) if self.witness is not None else {}

    def exact_and_witness(self, problem: Any) -> tuple[Answer, dict[str, Any]]:
        """The exact answer and the witness fields, from one search where the domain offers it."""
        if self.exact_witness is not None:
            return self.exact_witness(problem)
        return self.exact(problem), self.witness_of(problem)

    def lines(self, problem: Any, solution: Any) -> list[str]:
        return self.describe(problem, solution) if self.describe is not None else []

    def normalise_answer(self, answer: Any) -> Answer:
        if self.corpus_answer is not None:
            return self.corpus_answer(answer)
        return default_answer(answer)


def default_answer(answer: Any) -> Answer:
    """A corpus answer as a bool for yes/no words, else a lower-case term."""
    if isinstance(answer, bool):
        return answer
    text = str(answer).strip().lower()
    return {"yes": True, "true": True, "no": False, "false": False}.get(text, text)
