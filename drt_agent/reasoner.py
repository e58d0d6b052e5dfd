"""The Python API: load a checkpoint once, then solve typed problems or text, one at a time or batched."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import networkx as nx
import torch

from .checkpoint import Loaded, load_checkpoint
from .core import DepthPolicy
from .errors import DomainError, LimitError
from .problems import GraphProblem, Solution
from .tasks.graph import to_networkx

Steps = int | Literal["auto"]
DEFAULT_MAX_STEPS = 512


def pick_device(device: str | torch.device = "auto") -> torch.device:
    if str(device) == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(device)


def policy_for(steps: Steps, max_steps: int = DEFAULT_MAX_STEPS) -> DepthPolicy:
    if steps == "auto":
        return DepthPolicy(steps=None, max_steps=max_steps)
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 1:
        raise LimitError(f"steps must be 'auto' or a whole number >= 1, got {steps!r}")
    if steps > max_steps:
        raise LimitError(
            f"steps={steps} is above the limit max_steps={max_steps}; raise max_steps to allow it"
        )
    return DepthPolicy(steps=steps, max_steps=max_steps)


class Reasoner:
    """A loaded depth-recurrent model for one domain.

    >>> r = Reasoner.load("graph")
    >>> r.solve("A-B, B-C. Is A connected to C?").answer
    True
    """

    def __init__(
        self, loaded: Loaded, device: str | torch.device = "cpu", max_steps: int = DEFAULT_MAX_STEPS
    ):
        self.loaded = loaded
        self.device = pick_device(device)
        self.model = loaded.model.to(self.device).eval()
        self.task = loaded.task
        self.domain = loaded.task.name
        self.name = loaded.config.get("name", loaded.path.name)
        self.max_steps = max_steps
        self._lock = threading.Lock()  # torch modules are not re-entrant across threads for our think loop

    @classmethod
    def load(
        cls,
        name_or_path: str | Path = "graph",
        device: str | torch.device = "cpu",
        max_steps: int = DEFAULT_MAX_STEPS,
    ) -> Reasoner:
        """Load a shipped checkpoint by domain name ('graph') or a checkpoint directory."""
        return cls(load_checkpoint(name_or_path), device=device, max_steps=max_steps)

    # -- solving ---------------------------------------------------------------------------------------------
    def solve(self, problem: GraphProblem | str, steps: Steps = "auto", check: bool = True) -> Solution:
        """Solve one problem (typed, or text for the parser)."""
        return self.solve_batch([problem], steps=steps, check=check)[0]

    def solve_batch(
        self,
        problems: Sequence[GraphProblem | str],
        steps: Steps = "auto",
        check: bool = True,
        batch_size: int = 256,
    ) -> list[Solution]:
        """Solve many problems; answers do not depend on batch size or position."""
        typed = [self._typed(p) for p in problems]
        policy = policy_for(steps, self.max_steps)
        out: list[Solution] = []
        for start in range(0, len(typed), batch_size):
            out.extend(self._solve_chunk(typed[start : start + batch_size], policy, check))
        return out

    def _typed(self, problem: GraphProblem | str) -> GraphProblem:
        if isinstance(problem, str):
            from .parsers import parse

            problem = parse(problem, domain=self.domain)
        if getattr(problem, "domain", None) != self.domain:
            raise DomainError(
                f"this reasoner was trained for {self.domain!r} problems, got a {getattr(problem, 'domain', type(problem).__name__)!r} "
                f"problem; load the matching checkpoint with Reasoner.load({getattr(problem, 'domain', '...')!r})"
            )
        return problem

    def _solve_chunk(self, problems: list[GraphProblem], policy: DepthPolicy, check: bool) -> list[Solution]:
        batch = self.task.encode(problems).to(self.device)
        if policy.auto:
            policy.max_steps = self.task.step_limit(batch, policy.max_steps)
        with self._lock:
            result = self.model.solve(batch, policy, is_final=self.task.is_final)
        answers = self.task.decode(result.probs.cpu(), problems)
        sols = []
        for i, (p, ans) in enumerate(zip(problems, answers, strict=True)):
            probs = result.probs[i].cpu()
            cls = int(probs.argmax())
            sols.append(
                Solution(
                    domain=self.domain,  # type: ignore[arg-type]
                    answer=ans,
                    steps_used=int(result.steps_used[i]),
                    confidence=round(float(probs[cls]), 6),
                    trace=[round(float(v), 6) for v in result.traces[i][:, cls].cpu()],
                    model=self.name,
                    problem=p,
                    **(self._check(p, ans) if check else {}),
                )
            )
        return sols

    def _check(self, problem: GraphProblem, answer: object) -> dict[str, object]:
        exact = self.task.exact(problem)
        extra: dict[str, object] = {"exact": exact, "agrees_with_exact": exact == answer}
        if isinstance(problem, GraphProblem):
            g = to_networkx(problem)
            if nx.has_path(g, problem.source, problem.target):
                path = nx.shortest_path(g, problem.source, problem.target)
                extra.update(witness=[str(v) for v in path], hops=len(path) - 1)
        return extra


_cache: dict[str, Reasoner] = {}
_cache_lock = threading.Lock()


def get_reasoner(domain_or_path: str) -> Reasoner:
    """A process-wide Reasoner per checkpoint, loaded once on first use."""
    with _cache_lock:
        if domain_or_path not in _cache:
            _cache[domain_or_path] = Reasoner.load(domain_or_path)
        return _cache[domain_or_path]
