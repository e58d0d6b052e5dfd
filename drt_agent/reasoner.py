"""The Python API: load a checkpoint once, then solve typed problems or text, one at a time or batched."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import torch

from . import domains
from .calibration import Calibration
from .calibration import from_config as calibration_from_config
from .checkpoint import Loaded, load_checkpoint
from .core import DepthPolicy
from .core.halting import STOP_REASONS
from .core.sparse import EdgeIndex
from .domains.base import Reading
from .errors import DomainError, DrtError, LimitError
from .limits import Limits
from .limits import resolve as resolve_limits
from .problems import Solution
from .tasks.base import Batch

Steps = int | Literal["auto"]
Progress = Callable[[int, int], None]  # (thinking step, the most steps this chunk may take)
DEFAULT_MAX_STEPS = 512


# below this much work per chunk (token slots + edges) one CPU thread beats several: the model is tiny, and
# on a shared machine every extra thread waits at each op's barrier for a core (measured in bench/speed.py)
SMALL_WORK = 16_384


def pick_device(device: str | torch.device = "auto") -> torch.device:
    """'auto' is CUDA when available, else the CPU; anything else is handed to torch.device."""
    if str(device) == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    try:
        dev = torch.device(device)
    except (RuntimeError, TypeError) as exc:
        raise DrtError(f"unknown device {device!r} ({exc}); use 'auto', 'cpu', 'cuda' or 'cuda:N'") from None
    if dev.type == "cuda" and not torch.cuda.is_available():
        raise DrtError(f"device {device!r} was asked for but torch sees no CUDA GPU; use 'auto' or 'cpu'")
    return dev


@contextmanager
def cpu_threads(n: int | None) -> Iterator[None]:
    """Run with n intra-op threads (None: leave torch's setting), then restore the previous count."""
    if n is None or n == torch.get_num_threads():
        yield
        return
    old = torch.get_num_threads()
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(old)


def policy_for(steps: Steps, max_steps: int = DEFAULT_MAX_STEPS) -> DepthPolicy:
    if steps == "auto":
        return DepthPolicy(steps=None, max_steps=max_steps)
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 1:
        raise LimitError(f"steps must be 'auto' or a whole number >= 1, got {steps!r}")
    Limits(max_steps=max_steps).check_steps(steps)
    return DepthPolicy(steps=steps, max_steps=max_steps)


class Reasoner:
    """A loaded depth-recurrent model for one domain.

    >>> r = Reasoner.load("graph")
    >>> r.solve("A-B, B-C. Is A connected to C?").answer
    True
    """

    def __init__(
        self,
        loaded: Loaded,
        device: str | torch.device = "auto",
        max_steps: int | None = None,
        limits: Limits | None = None,
        threads: int | Literal["auto"] = "auto",
    ):
        self.loaded = loaded
        self.device = pick_device(device)
        # CPU threads per solve: 'auto' = one for small chunks, torch's count (all cores) for large ones
        self.threads = threads
        self._max_threads = torch.get_num_threads()
        self.model = loaded.model.to(self.device).eval()
        self.task = loaded.task
        self.domain = domains.task_names()[loaded.task.name].name  # task variants share a domain
        self.name = loaded.config.get("name", loaded.path.name)
        # input limits (drt_agent.limits): checked in solve_batch before any tensor is built
        self.limits = resolve_limits(limits)
        if max_steps is not None:
            self.limits = self.limits.replace(max_steps=max_steps)
        self.max_steps = self.limits.max_steps
        # the stored calibrator (None: confidence is the answer's probability); a bench may set it to None
        self.calibration: Calibration | None = calibration_from_config(loaded.config)
        self._lock = threading.Lock()  # torch modules are not re-entrant across threads for our think loop

    @classmethod
    def load(
        cls,
        name_or_path: str | Path,
        device: str | torch.device = "auto",
        max_steps: int | None = None,
        limits: Limits | None = None,
        threads: int | Literal["auto"] = "auto",
    ) -> Reasoner:
        """Load a shipped checkpoint by name (`drt-agent schema` lists the domains) or a checkpoint directory.

        device: 'auto' (CUDA when available, else CPU), 'cpu', 'cuda', 'cuda:1', ...
        threads: CPU threads per solve, or 'auto' (one for small problems, all for large ones)."""
        return cls(
            load_checkpoint(name_or_path), device=device, max_steps=max_steps, limits=limits, threads=threads
        )

    # -- solving ---------------------------------------------------------------------------------------------
    def solve(
        self,
        problem: Any,
        steps: Steps = "auto",
        check: bool = True,
        limits: Limits | None = None,
        progress: Progress | None = None,
    ) -> Solution:
        """Solve one problem (typed, or text for the parser); `progress(step, cap)` hears every thinking step."""
        return self.solve_batch([problem], steps=steps, check=check, limits=limits, progress=progress)[0]

    def solve_batch(
        self,
        problems: Sequence[Any],
        steps: Steps = "auto",
        check: bool = True,
        batch_size: int = 256,
        limits: Limits | None = None,
        progress: Progress | None = None,
    ) -> list[Solution]:
        """Solve many problems; answers do not depend on batch size or position.

        Every size is checked against `limits` (default: this reasoner's) before a tensor is built."""
        lim = self.limits if limits is None else limits
        lim.check_batch(len(problems))
        policy_for(steps, lim.max_steps)  # a bad `steps` fails before any parsing
        readings = [self._typed(p, lim) for p in problems]
        typed = [r.problem for r in readings]
        # similar sizes share a chunk, so little work goes to padding; answers come back in input order
        lengths = [self.task.length(p) for p in typed]
        order = sorted(range(len(typed)), key=lengths.__getitem__)
        solved: list[Solution] = []
        sparse_from = getattr(self.task, "sparse_min_nodes", None)
        for chunk in _chunks(
            [typed[i] for i in order], batch_size, lim, sparse_from, [lengths[i] for i in order]
        ):
            # a fresh policy per chunk: `auto` narrows its cap to the chunk, which must not leak to the next
            said = [readings[i] for i in order[len(solved) : len(solved) + len(chunk)]]
            solved.extend(
                self._solve_chunk(chunk, policy_for(steps, lim.max_steps), check, progress, readings=said)
            )
        out: list[Solution] = [None] * len(typed)  # type: ignore[list-item]
        for i, sol in zip(order, solved, strict=True):
            out[i] = sol
        return out

    def _typed(self, problem: Any, limits: Limits) -> Reading:
        """A Reading of text (read as this model's domain), or of a typed problem as given."""
        if isinstance(problem, Reading):
            reading = problem
            limits.check_problem(reading.problem)
        elif isinstance(problem, str | bytes):
            from .parsers import read

            reading = read(problem, domain=self.domain, limits=limits)
        else:
            limits.check_problem(problem)
            reading = Reading(problem=problem)
        problem = reading.problem
        if getattr(problem, "domain", None) != self.domain:
            raise DomainError(
                f"this reasoner was trained for {self.domain!r} problems, got a {getattr(problem, 'domain', type(problem).__name__)!r} "
                f"problem; load the matching checkpoint with Reasoner.load({getattr(problem, 'domain', '...')!r})"
            )
        self.task.check(problem)
        return reading

    def threads_for(self, batch: Batch) -> int | None:
        """CPU threads for thinking on this batch (None off the CPU), by its work: token slots + edges."""
        mask = batch.mask
        return self.threads_for_work(
            batch.valid.numel() + (mask.n_edges if isinstance(mask, EdgeIndex) else 0)
        )

    def threads_for_work(self, work: int) -> int | None:
        if self.device.type != "cpu":
            return None
        if self.threads != "auto":
            return int(self.threads)
        if work < SMALL_WORK:
            return 1
        # big work: as many threads as there are idle cores (plus our own). On a busy machine a second thread
        # spends each op waiting for a core at the barrier: measured 10x slower, not 2x faster, at load 14
        try:
            idle = (os.cpu_count() or 1) - os.getloadavg()[0]
        except OSError:  # no load average on this platform
            idle = float(self._max_threads)
        return max(1, min(self._max_threads, int(idle) + 1))

    def _solve_chunk(
        self,
        problems: list[Any],
        policy: DepthPolicy,
        check: bool,
        progress: Progress | None = None,
        readings: list[Reading] | None = None,
    ) -> list[Solution]:
        """Solutions for one chunk; `readings` (text input) say how each problem was read."""
        batch = self.task.encode(problems).to(self.device)
        if policy.auto:
            policy.max_steps = self.task.step_limit(batch, policy.max_steps)
            policy.settle = self.task.settle
        with self._lock, cpu_threads(self.threads_for(batch)):
            result = self.model.solve(
                batch, policy, is_final=self.task.is_final, progress=progress, answered=self.task.answered
            )
        probs = result.probs.cpu()
        answers = self.task.decode(probs, problems)
        # one transfer for the whole chunk: each example's trace is the chosen class's probability per step
        cls = self.task.answer_class(probs)
        confidence = self.confidences(probs, problems, result.stopped)
        history = result.history.cpu()
        traces = history.gather(2, cls[:, None, None].expand(-1, history.shape[1], 1))[..., 0].tolist()
        steps_used = result.steps_used.tolist()
        stopped = result.stopped.tolist() if result.stopped is not None else [0] * len(problems)
        sols = []
        for i, (p, ans) in enumerate(zip(problems, answers, strict=True)):
            checked = self._check(p, ans) if check else {}
            exact = checked.get("exact")
            overruled = (
                exact is not None and exact != ans
            )  # never hand out an answer the exact solver refutes
            sols.append(
                Solution(
                    domain=self.domain,
                    answer=exact if overruled else ans,
                    model_answer=ans,
                    answered_by="exact" if overruled else "model",
                    steps_used=steps_used[i],
                    confidence=1.0 if overruled else round(confidence[i], 6),
                    trace=[round(v, 6) for v in traces[i][: steps_used[i]]],
                    model=self.name,
                    problem=p,
                    stopped_by=STOP_REASONS[stopped[i]],
                    **_how_read(readings[i] if readings is not None else None),
                    **checked,
                )
            )
        return sols

    def confidences(
        self, probs: torch.Tensor, problems: list[Any], stopped: torch.Tensor | None
    ) -> list[float]:
        """Per example, the probability that the network's own answer is right: the answer's probability, through
        the checkpoint's calibrator when it has one. Only what the network did counts (never the exact check), so
        it means the same with the check on or off."""
        raw = self.task.answer_prob(probs, problems)
        if self.calibration is None:
            return raw.tolist()
        # the calibrator reads the answer's probability, or its most likely class's where lower
        top = probs.gather(1, self.task.answer_class(probs)[:, None])[:, 0]
        read = torch.minimum(raw, top).tolist()
        capped = (
            [False] * len(raw) if stopped is None else (stopped.cpu() == STOP_REASONS.index("cap")).tolist()
        )
        return [
            self.calibration(p, c, self.task.needed_steps(q))
            for p, c, q in zip(read, capped, problems, strict=True)
        ]

    def _check(self, problem: Any, answer: object) -> dict[str, object]:
        """The exact solver's answer and whether the model agrees, plus the domain's witness (a path...)."""
        exact, witness = domains.of(problem).exact_and_witness(problem)
        return {"exact": exact, "agrees_with_exact": None if exact is None else exact == answer, **witness}


def _how_read(reading: Reading | None) -> dict[str, Any]:
    """A text input's Solution says how it was read; a typed one keeps the defaults."""
    if reading is None or not (reading.read_as or reading.skipped or reading.assumptions):
        return {}
    return {"read_as": reading.read_as, "skipped": reading.skipped, "assumptions": reading.assumptions}


def _chunks(
    problems: list[Any],
    batch_size: int,
    limits: Limits,
    sparse_from: int | None,
    lengths: list[int],
) -> list[list[Any]]:
    """Consecutive chunks of at most batch_size problems whose attention fits the memory budget: B*L*L mask
    cells for a dense chunk, sum(nodes + 2*edges) <= max_dense_cells/16 message vectors for a sparse one (a
    chunk is sparse once its longest problem reaches the task's `sparse_from` length)."""
    chunks: list[list[Any]] = []
    current: list[Any] = []
    longest = messages = 0
    for k, p in enumerate(problems):
        n = lengths[k]
        m = n + 2 * len(getattr(p, "edges", ()))
        grown = max(longest, n)
        sparse = sparse_from is not None and grown >= sparse_from
        if not (sparse_from is not None and n >= sparse_from):
            limits.check_dense(1, n)  # one dense problem alone must fit
        over = (
            messages + m > limits.max_dense_cells // 16
            if sparse
            else (len(current) + 1) * grown * grown > limits.max_dense_cells
        )
        if current and (len(current) >= batch_size or over):
            chunks.append(current)
            current, grown, messages = [], n, 0
        current.append(p)
        longest, messages = grown, messages + m
    if current:
        chunks.append(current)
    return chunks


_cache: dict[str, Reasoner] = {}
_cache_lock = threading.Lock()


def get_reasoner(domain_or_path: str, device: str = "auto") -> Reasoner:
    """A process-wide Reasoner per checkpoint and device, loaded once on first use."""
    key = f"{domain_or_path}@{device}"
    with _cache_lock:
        if key not in _cache:
            _cache[key] = Reasoner.load(domain_or_path, device=device)
        return _cache[key]
