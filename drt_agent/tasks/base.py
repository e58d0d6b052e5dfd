"""The perceptual interface every domain provides to the one reasoning core."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, fields
from typing import Any

import numpy as np
import torch

from ..core.sparse import EdgeIndex
from ..domains.base import Answer
from ..errors import ParseError

IGNORE = -100  # label of tokens that carry no target


@dataclass
class Batch:
    """Tensors for B problems padded to L tokens."""

    tokens: torch.Tensor  # (B, L) long
    roles: torch.Tensor  # (B, L) long
    mask: torch.Tensor | EdgeIndex  # (B, L, L) bool, row i = what token i may attend to; or an EdgeIndex
    valid: torch.Tensor  # (B, L) bool: real tokens, not padding
    answer_index: torch.Tensor  # (B,) long: the token whose readout is the answer
    positions: torch.Tensor | None = None  # (B, L) long, for relative-position tasks
    labels: torch.Tensor | None = None  # (B, L) long targets, IGNORE where none
    complexity: torch.Tensor | None = None  # (B,) long: hops, nesting depth, chain length
    # (B, C) bool: the classes at the answer token that count as a right answer, where more than the label does
    # (a yes/no question read from the subject's relation: every relation but the asked one means "no")
    accept: torch.Tensor | None = None
    # (B, C) bool: classes the answer token must NOT hold (a corpus's "no" to "Is X Y's R?" rules R out)
    avoid: torch.Tensor | None = None
    # (B, L) bool: the tokens whose readouts the "readouts" settling rule watches, those trained to hold an answer
    # of their own (a story's mentions; not the relation words, whose readouts carry no target and drift); None:
    # every real token
    watch: torch.Tensor | None = None

    def is_correct(self, pred: torch.Tensor, idx: torch.Tensor | None = None) -> torch.Tensor:
        """(b,) bool: whether the predicted answer classes of examples `idx` (all if None) are right."""
        rows = torch.arange(len(self), device=pred.device) if idx is None else idx
        if self.accept is not None:
            return self.accept[rows, pred]
        assert self.labels is not None
        return pred == self.labels[rows, self.answer_index[rows]]

    def to(self, device: torch.device | str) -> Batch:
        moved = {
            f.name: (v.to(device) if isinstance(v, torch.Tensor | EdgeIndex) else v)
            for f in fields(self)
            for v in [getattr(self, f.name)]
        }
        return Batch(**moved)

    def __len__(self) -> int:
        return int(self.tokens.shape[0])

    def select(self, idx: torch.Tensor) -> Batch:
        """The examples at positions `idx` (1-D long), in that order; a sparse mask is renumbered."""
        keep = torch.zeros(len(self), dtype=torch.bool, device=self.tokens.device)
        keep[idx] = True
        if isinstance(self.mask, EdgeIndex) and not bool((idx.diff() > 0).all()):
            raise ValueError("a sparse batch can only be selected in increasing order")
        return Batch(
            **{
                f.name: (
                    v[keep] if isinstance(v, EdgeIndex) else v[idx] if isinstance(v, torch.Tensor) else v
                )
                for f in fields(self)
                for v in [getattr(self, f.name)]
            }
        )


class Task(ABC):
    """encode problems into tensors, decode answers, generate labelled data, and solve exactly."""

    name: str
    vocab_size: int
    n_roles: int
    n_classes: int
    complexity_unit: str = "complexity"  # what a complexity bucket counts, for tables and plots
    steps_per_unit: int | None = None  # thinking steps one unit needs, where that is exact
    # what `auto` waits to settle: the state and the answer, every token's readout, or the answer once it is in
    settle: str = "state"

    @abstractmethod
    def encode(self, problems: list[Any]) -> Batch:
        """Typed problems -> a padded batch (no labels)."""

    @abstractmethod
    def decode(self, probs: torch.Tensor, problems: list[Any]) -> list[Answer]:
        """Answer distributions (B, C) at the answer tokens -> answers."""

    @abstractmethod
    def exact(self, problem: Any) -> Answer:
        """The ground truth, from an exact solver."""

    @abstractmethod
    def sample(
        self, n: int, complexity: int | tuple[int, int], rng: np.random.Generator, **knobs: Any
    ) -> tuple[list[Any], Batch]:
        """n fresh problems (complexity fixed or drawn from an inclusive range) and their labelled batch."""

    def check(self, problem: Any) -> None:  # noqa: B027 (a hook: most tasks accept every problem)
        """Refuse (DrtError) a problem this model cannot answer faithfully, e.g. words it never learned."""

    def answer_targets(
        self, problems: list[Any], answers: list[Answer]
    ) -> tuple[torch.Tensor, torch.Tensor | None]:
        """A corpus's answers as targets at the answer token: (B,) classes (IGNORE where an answer names no
        single class) and optionally (B, C) classes ruled out. Yes/no tasks: class 1 is "yes" (the default)."""
        bad = [a for a in answers if not isinstance(a, bool)]
        if bad:
            raise ParseError(f"{self.name} answers are true/false (or yes/no), got {bad[0]!r}")
        return torch.tensor([int(a) for a in answers], dtype=torch.long), None

    def corpus_batch(self, problems: list[Any], answers: list[Answer], steps: int) -> Batch:
        """A labelled batch from a corpus: the answers at the answer token (and classes they rule out). A task
        whose answers follow from the problem's structure may label every token, as its generator does."""
        batch = self.encode(problems)
        gold, avoid = self.answer_targets(problems, answers)
        labels = torch.full_like(batch.tokens, IGNORE)
        labels[torch.arange(len(batch)), batch.answer_index] = gold
        batch.labels, batch.avoid = labels, avoid
        return batch

    def extended(self, problems: list[Any], answers: list[Answer]) -> Task:
        """This task grown by the words and answers a fine-tuning corpus needs (default: nothing new)."""
        return self

    def length(self, problem: Any) -> int:
        """The padded sequence length L this problem needs: what batching and the memory guard count. The
        default encodes the problem; a task overrides it with a cheaper count."""
        return int(self.encode([problem]).tokens.shape[1])

    def class_factors(self) -> list[list[int]] | None:
        """Each class as a list of shared factor ids (a factored readout sums their scores), or None: one
        independent readout row per class."""
        return None

    def answer_class(self, probs: torch.Tensor) -> torch.Tensor:
        """(B,) the class each decoded answer stands for (its confidence and trace are read there)."""
        return probs.argmax(-1)

    def answer_prob(self, probs: torch.Tensor, problems: list[Any]) -> torch.Tensor:
        """(B,) the probability the readout gives the decoded answer itself: what a calibrator turns into the
        chance that the answer is right. Default: the answer class's probability."""
        return probs.gather(1, self.answer_class(probs)[:, None])[:, 0]

    def needed_steps(self, problem: Any) -> int | None:
        """Thinking steps this problem needs, from its structure alone (None where the task cannot tell without
        solving it): how far past its training a problem is, for the calibrator and the halting bench."""
        return None

    def answered(self, probs: torch.Tensor) -> torch.Tensor | None:
        """Which answer distributions name an answer yet, for the "answer" settling rule (None: all do)."""
        return None

    def is_final(self, probs: torch.Tensor) -> torch.Tensor | None:
        """Which answers can no longer change with more thinking (None: no such shortcut)."""
        return None

    def step_limit(self, batch: Batch, max_steps: int) -> int | torch.Tensor:
        """The most thinking steps `auto` may spend on this batch, or (B,) per example (a task may know a
        tighter bound; per example, batching never changes an answer)."""
        return max_steps

    def bucket_knobs(self, complexity: int) -> dict[str, Any]:
        """Generator settings for a test bucket of this complexity."""
        return {}

    @classmethod
    def train_defaults(cls) -> dict[str, Any]:
        """TrainConfig fields (and `core` fields) that suit this task; the CLI's options override them."""
        return {}

    def knobs(self) -> dict[str, Any]:
        """Task settings stored in a checkpoint's config."""
        return {}
