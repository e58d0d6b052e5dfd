"""A toy fourth domain in ONE module: is the number of 1s in a bit string odd?

It shows what adding a domain takes (docs/ARCHITECTURE.md): a typed problem, a reader and detector, a task (the
perceptual interface over the shared core), an exact solver, limits, rendering and a tool, bound by one
`Domain`. Registered by one line: `DRT_AGENT_DOMAINS=toy_parity` (or `drt_agent.domains.register("toy_parity")`).
tests/test_domain_registry.py drives it through the CLI, the Python API, the tools, the MCP server, the limits,
`drt-agent train` and `drt-agent finetune` without changing any other file.

Interface: one token per bit and a CLS token at the end; token i attends to itself and to token i-1, so one
thinking step carries the running parity one bit further (complexity = the string's length).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Literal

import numpy as np
import torch
from pydantic import Field

from drt_agent.domains.base import Answer, Domain, Reading, Strict
from drt_agent.errors import ParseError
from drt_agent.limits import Limits
from drt_agent.tasks.base import IGNORE, Batch, Task


class ParityProblem(Strict):
    """Is the number of 1s in `bits` odd?"""

    domain: Literal["parity"] = "parity"
    bits: str = Field(pattern=r"^[01]+$", description="The bit string, e.g. '10110'.")


_BITS = re.compile(r"\b[01]{2,}\b")


def looks_like_parity(text: str) -> float:
    return 0.9 if "parity" in text.lower() and _BITS.search(text) else 0.0


def read_parity(text: str, limits: Limits | None = None) -> Reading:
    found = _BITS.findall(text)
    if len(found) != 1 or "parity" not in text.lower():
        raise ParseError("give one bit string and ask for its parity, e.g. 'What is the parity of 10110?'")
    return Reading(problem=ParityProblem(bits=found[0]), read_as=f"parity of {found[0]}")


def exact(problem: ParityProblem) -> Answer:
    return problem.bits.count("1") % 2 == 1


def check_limits(limits: Limits, problem: ParityProblem) -> None:
    limits.check("max_tokens", len(problem.bits), "the bit string's length")


PAD, ZERO, ONE, CLS = range(4)


class ParityTask(Task):
    name = "parity"
    vocab_size = 4
    n_roles = 1
    n_classes = 2
    complexity_unit = "bits"
    steps_per_unit = 1

    def encode(self, problems: list[ParityProblem]) -> Batch:
        L = max(len(p.bits) for p in problems) + 1
        B = len(problems)
        tokens = torch.full((B, L), PAD, dtype=torch.long)
        valid = torch.zeros(B, L, dtype=torch.bool)
        mask = torch.eye(L, dtype=torch.bool).repeat(B, 1, 1)  # (B, L, L): itself ...
        answer = torch.zeros(B, dtype=torch.long)
        for b, p in enumerate(problems):
            n = len(p.bits)
            tokens[b, :n] = torch.tensor([ONE if c == "1" else ZERO for c in p.bits])
            tokens[b, n] = CLS
            valid[b, : n + 1] = True
            idx = torch.arange(1, n + 1)
            mask[b, idx, idx - 1] = True  # ... and the token before it
            answer[b] = n
        return Batch(
            tokens=tokens, roles=torch.zeros_like(tokens), mask=mask, valid=valid, answer_index=answer
        )

    def decode(self, probs: torch.Tensor, problems: list[ParityProblem]) -> list[Answer]:
        return [bool(pr[1] > 0.5) for pr in probs]

    def exact(self, problem: ParityProblem) -> Answer:
        return exact(problem)

    def length(self, problem: ParityProblem) -> int:
        return len(problem.bits) + 1

    def sample(
        self, n: int, complexity: int | tuple[int, int], rng: np.random.Generator, **knobs: Any
    ) -> tuple[list[ParityProblem], Batch]:
        lo, hi = (complexity, complexity) if isinstance(complexity, int) else complexity
        problems = [
            ParityProblem(bits="".join(rng.choice(["0", "1"], size=int(rng.integers(lo, hi + 1)))))
            for _ in range(n)
        ]
        batch = self.encode(problems)
        labels = torch.full_like(batch.tokens, IGNORE)
        for b, p in enumerate(problems):  # dense targets: every token holds the parity so far
            running = np.cumsum([c == "1" for c in p.bits]) % 2
            labels[b, : len(p.bits)] = torch.from_numpy(running)
            labels[b, len(p.bits)] = int(running[-1])
        batch.labels = labels
        return problems, batch

    @classmethod
    def train_defaults(cls) -> dict[str, Any]:
        return {"steps": (2, 10), "complexity": (2, 6), "core": {"d_model": 16, "n_heads": 2, "d_ff": 32}}


class ParityToolArgs(Strict):
    """A bit string whose parity to decide."""

    bits: str = Field(pattern=r"^[01]+$", max_length=512, description="The bit string, e.g. '10110'.")
    steps: int | None = Field(default=None, ge=1, le=512, description="Thinking steps; null for auto.")


def tool_problem(args: ParityToolArgs, read: Callable[[str], Any]) -> ParityProblem:
    return ParityProblem(bits=args.bits)


DOMAIN = Domain(
    name="parity",
    title="bit-string parity",
    problem=ParityProblem,
    reader=read_parity,
    detector=looks_like_parity,
    tasks={"parity": ParityTask},
    exact=exact,
    example="What is the parity of 10110?",
    check_limits=check_limits,
    describe=lambda p, s: [f"read as: parity of {p.bits}"],
    summarize=lambda p, s: f"The number of 1s in {p.bits} is {'odd' if s.answer else 'even'}.",
    tool_name="bit_parity",
    tool_description="Decide whether a bit string holds an odd number of 1s. Use it for parity checks.",
    tool_args=ParityToolArgs,
    tool_problem=tool_problem,
)
