"""Silent-thinking training: the loss reads only the final step's output. ONE loop for training from scratch
and for fine-tuning.

The number of thinking steps is drawn per batch from a range, so the model learns to reach its answer and then
hold it. Batches come from a data source: a task's generator (training) or a user's corpus (fine-tuning, which
starts from a base checkpoint with rows for unseen words and answers appended). Either way batch `it` derives
from (seed, iteration), so a run is reproducible, resumable, and shards the same global batch across `torchrun`
processes (DDP: gloo on CPU, nccl on GPU).
"""

from __future__ import annotations

import json
import math
import os
import shlex
import signal
import sys
import threading
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F
from safetensors import SafetensorError, safe_open
from safetensors.torch import save_file
from tqdm.auto import tqdm

from .checkpoint import save_checkpoint
from .config import (  # noqa: F401 (config_for: part of the training API)
    ConfigError,
    TrainConfig,
    config_for,
    train_problems,
    validate,
)
from .errors import CheckpointError, DrtError
from .model import DRTModel, ModelConfig
from .problems import Answer
from .tasks import IGNORE, Batch, Task, make_task

DATA_VERSION = 1
STATE_WEIGHTS = "train_state.safetensors"
STATE_JSON = "train_state.json"


def lr_at(cfg: TrainConfig, it: int) -> float:
    warm = max(1, int(cfg.warmup * cfg.iters))
    if it < warm:
        return cfg.lr * (it + 1) / warm
    progress = (it - warm) / max(1, cfg.iters - warm)
    return cfg.lr * 0.5 * (1.0 + math.cos(math.pi * min(1.0, progress)))


def complexity_at(cfg: TrainConfig, it: int) -> tuple[int, int]:
    lo, hi = cfg.complexity
    if cfg.curriculum <= 0:
        return lo, hi
    frac = min(1.0, it / max(1.0, cfg.curriculum * cfg.iters))
    return lo, lo + round(frac * (hi - lo))


def _single_output(batch: Batch) -> Batch:
    """The paper's single-output loss: only the answer token keeps its label."""
    assert batch.labels is not None
    keep = torch.full_like(batch.labels, IGNORE)
    rows = torch.arange(len(batch))
    keep[rows, batch.answer_index] = batch.labels[rows, batch.answer_index]
    batch.labels = keep
    return batch


def global_batch(task: Task, cfg: TrainConfig, it: int) -> tuple[Batch, int]:
    """The whole generated batch of iteration `it` and its step count: identical in every process."""
    rng = np.random.default_rng([cfg.seed, it, DATA_VERSION])
    steps = int(rng.integers(cfg.steps[0], cfg.steps[1] + 1))
    # the task may limit dense targets to what `steps` steps can know (graphs: reached within that many hops)
    _, batch = task.sample(cfg.batch_size, complexity_at(cfg, it), rng, steps=steps)
    return (batch if cfg.dense_targets else _single_output(batch)), steps


@dataclass
class Corpus:
    """Fine-tuning data: typed problems and their answers (already split; this is the training part)."""

    problems: list[Any]
    answers: list[Answer]

    def batch(self, task: Task, cfg: TrainConfig, it: int) -> tuple[Batch, int]:
        """Batch `it`: a seeded draw from the corpus labelled at the answer token; identical in every process."""
        rng = np.random.default_rng([cfg.seed, it, DATA_VERSION])
        steps = int(rng.integers(cfg.steps[0], cfg.steps[1] + 1))
        idx = rng.choice(len(self.problems), size=min(cfg.batch_size, len(self.problems)), replace=False)
        batch = task.corpus_batch([self.problems[i] for i in idx], [self.answers[i] for i in idx], steps)
        return batch, steps


def shard(batch: Batch, rank: int, world: int) -> Batch:
    if world == 1:
        return batch
    idx = torch.arange(rank, len(batch), world)
    return batch.select(idx)


def n_targets(batch: Batch) -> int:
    """How many targets a batch holds: labelled tokens, plus answers a corpus's "no" rules out."""
    assert batch.labels is not None
    ruled_out = int(batch.avoid.any(-1).sum()) if batch.avoid is not None else 0
    return int((batch.labels != IGNORE).sum()) + ruled_out


def loss_fn(
    logits: list[torch.Tensor], batch: Batch, n_global: int, world: int, alpha: float
) -> torch.Tensor:
    """Cross-entropy summed over labelled tokens, normalised by the *global* count so DDP's gradient mean
    equals the single-process gradient. alpha > 0 adds the intermediate-supervision ablation. A corpus's
    yes/no answer that only rules classes out adds -log(1 - p(ruled out)) at the answer token."""
    labels = batch.labels
    assert labels is not None

    def ce(lg: torch.Tensor) -> torch.Tensor:
        return F.cross_entropy(lg.flatten(0, 1), labels.flatten(), ignore_index=IGNORE, reduction="sum")

    final = ce(logits[-1])
    if alpha > 0:
        per_step = torch.stack([ce(lg) for lg in logits]).mean()
        final = (1 - alpha) * final + alpha * per_step
    if batch.avoid is not None and bool(batch.avoid.any()):
        at = logits[-1][torch.arange(len(batch)), batch.answer_index]  # (B, C)
        ruled_out = (F.softmax(at, -1) * batch.avoid).sum(-1)
        final = final - torch.log1p(-ruled_out.clamp(max=1 - 1e-6))[batch.avoid.any(-1)].sum()
    return final * world / max(1, n_global)


def _dist_info() -> tuple[int, int]:
    if dist.is_available() and dist.is_initialized():
        return dist.get_rank(), dist.get_world_size()
    return 0, 1


# settings a resumed run may change; any other difference would silently train a different model
RESUMABLE_CHANGES = {"iters", "save_every", "threads"}


def save_state(out: Path, model: DRTModel, opt: torch.optim.Optimizer, it: int, cfg: TrainConfig) -> None:
    """A resumable training state after iteration `it`: weights and AdamW moments as safetensors, with the
    iteration, optimizer settings and config in the same file's metadata, so one atomic rename publishes all
    of it (train_state.json is a readable copy). Data and dropout noise derive from (seed, iteration), so
    nothing else is needed to continue bit for bit."""
    tensors = {f"model.{k}": v.detach().cpu().contiguous() for k, v in model.state_dict().items()}
    opt_state = opt.state_dict()
    for pid, st in opt_state["state"].items():
        for name, val in st.items():
            tensors[f"opt.{pid}.{name}"] = torch.as_tensor(val).detach().cpu().contiguous()
    meta = {"iteration": it, "param_groups": opt_state["param_groups"], "config": cfg.to_dict()}
    text = json.dumps(meta, indent=2)
    tmp = out / (STATE_WEIGHTS + ".tmp")
    save_file(tensors, str(tmp), metadata={"train_state": text})
    os.replace(tmp, out / STATE_WEIGHTS)
    (out / (STATE_JSON + ".tmp")).write_text(text)
    os.replace(out / (STATE_JSON + ".tmp"), out / STATE_JSON)


def load_state(out: Path, model: DRTModel, opt: torch.optim.Optimizer, cfg: TrainConfig | None = None) -> int:
    """Restore a training state; returns the next iteration to run. A missing, corrupt or incompatible
    state (another config than `cfg`, beyond RESUMABLE_CHANGES) is a CheckpointError."""
    path = out / STATE_WEIGHTS
    try:
        with safe_open(str(path), framework="pt") as fh:
            meta = json.loads((fh.metadata() or {})["train_state"])
            tensors = {k: fh.get_tensor(k) for k in fh.keys()}  # noqa: SIM118 (safe_open has no __iter__)
    except (OSError, SafetensorError, KeyError, ValueError) as exc:
        raise CheckpointError(
            f"cannot resume from {path}: {exc}; delete it to start over, or train without --resume"
        ) from None
    if cfg is not None:
        saved = meta.get("config", {})
        now = json.loads(json.dumps(cfg.to_dict()))  # tuples as lists, like the saved copy
        diff = sorted(
            k for k in set(saved) | set(now) if k not in RESUMABLE_CHANGES and saved.get(k) != now.get(k)
        )
        if diff:
            raise CheckpointError(
                f"cannot resume from {path}: it was trained with other settings ({', '.join(diff)}); "
                f"resume with the same settings (only {', '.join(sorted(RESUMABLE_CHANGES))} may change) "
                "or use another --out"
            )
    state: dict[int, dict[str, torch.Tensor]] = {}
    for k, v in tensors.items():
        if k.startswith("opt."):
            _, pid, name = k.split(".", 2)
            state.setdefault(int(pid), {})[name] = v
    try:
        model.load_state_dict({k[6:]: v for k, v in tensors.items() if k.startswith("model.")})
        opt.load_state_dict({"state": state, "param_groups": meta["param_groups"]})
    except (RuntimeError, KeyError, ValueError) as exc:
        raise CheckpointError(f"cannot resume from {path}: it does not fit this model ({exc})") from None
    return int(meta["iteration"]) + 1


class TrainingInterrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM stopped training after a whole iteration; its state was saved for --resume."""

    def __init__(self, signum: int, iterations: int, out: Path | None) -> None:
        super().__init__(signum)
        self.signum, self.iterations, self.out = signum, iterations, out


class _SignalCatcher:
    """While training, SIGINT and SIGTERM only set a flag: the loop finishes its iteration (an optimizer step
    cut in half would save half-updated weights), saves a resumable state and stops. Only in the main thread,
    only where the signal still has its default action."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.signum: int | None = None
        self.old: dict[int, Any] = {}

    def _catch(self, signum: int, frame: Any) -> None:
        self.signum = signum

    def __enter__(self) -> _SignalCatcher:
        if not self.enabled or threading.current_thread() is not threading.main_thread():
            return self
        for sig in (signal.SIGINT, signal.SIGTERM):
            if signal.getsignal(sig) in (signal.SIG_DFL, signal.default_int_handler):
                self.old[sig] = signal.signal(sig, self._catch)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self.old.items():
            signal.signal(sig, handler)


def _command(world: int) -> str:
    """The command line that produced this run, as the user would retype it."""
    args = shlex.join(sys.argv[1:])
    if world > 1:
        return f"torchrun --nproc-per-node {world} -m drt_agent.cli {args}"
    if Path(sys.argv[0]).name.startswith("drt-agent") or Path(sys.argv[0]).name == "cli.py":
        return f"drt-agent {args}"
    return shlex.join([Path(sys.argv[0]).name, *sys.argv[1:]])


def _device(cfg: TrainConfig, rank: int) -> torch.device:
    """The training device: `cfg.device`, with each torchrun rank on its own GPU."""
    if cfg.device == "auto":
        return (
            torch.device("cuda", rank % torch.cuda.device_count())
            if torch.cuda.is_available()
            else torch.device("cpu")
        )
    dev = torch.device(cfg.device)
    if dev.type == "cuda" and not torch.cuda.is_available():
        raise DrtError(f"--device {cfg.device} was asked for but torch sees no CUDA GPU; use auto or cpu")
    if dev.type == "cuda" and dev.index is None:
        dev = torch.device("cuda", rank % torch.cuda.device_count())
    return dev


def train(
    cfg: TrainConfig,
    out_dir: str | Path | None = None,
    resume: bool = False,
    progress: bool = True,
    stop_after: int | None = None,
    init_from: DRTModel | None = None,
    task: Task | None = None,
    corpus: Corpus | None = None,
    extra: dict[str, Any] | None = None,
) -> DRTModel:
    """Train a model for `cfg.task` (or fine-tune `init_from` on `corpus`); writes a checkpoint to out_dir
    (rank 0) when given, plus `extra` in its config.

    stop_after: end early after this many iterations (simulates an interruption; used by tests).
    """
    validate(cfg)  # ConfigError: a setting out of bounds never reaches the loop
    rank, world = _dist_info()
    if cfg.batch_size < world:
        raise DrtError(
            f"batch_size={cfg.batch_size} is smaller than the {world} processes; raise --batch-size"
        )
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    torch.manual_seed(cfg.seed)
    task = task or make_task(cfg.task, cfg.task_knobs)
    model_cfg = ModelConfig.for_task(task, cfg.core)
    model = init_from if init_from is not None else DRTModel(model_cfg)
    device = _device(cfg, rank)
    model.to(device)
    if cfg.freeze_core:  # fine-tuning the task interface only: the reasoning core is reused as is
        for p in model.core.parameters():
            p.requires_grad_(False)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=cfg.lr, weight_decay=cfg.weight_decay)
    out = Path(out_dir) if out_dir is not None else None
    start = 0
    if resume and out is not None and (out / STATE_WEIGHTS).is_file():
        start = load_state(out, model, opt, cfg)
    elif resume and rank == 0:
        print(f"no training state in {out}; starting from iteration 0", file=sys.stderr)
    ddp_model: torch.nn.Module = model
    if world > 1:
        ddp_model = torch.nn.parallel.DistributedDataParallel(model, find_unused_parameters=cfg.freeze_core)
    model.train()
    t0 = time.time()
    ema = None
    stopped = False
    signals = _SignalCatcher(enabled=world == 1)  # under torchrun, ranks cannot agree on where to stop
    with signals:  # caught from before the progress bar first shows: no signal falls between the two
        bar = tqdm(
            range(start, cfg.iters),
            initial=start,
            total=cfg.iters,
            disable=not progress or rank != 0,
            desc=f"{'finetune' if corpus is not None else 'train'} {cfg.task}",
            dynamic_ncols=True,
        )
        for it in bar:
            batch, steps = corpus.batch(task, cfg, it) if corpus is not None else global_batch(task, cfg, it)
            n_global = n_targets(batch)
            mine = shard(batch, rank, world).to(device)
            for group in opt.param_groups:
                group["lr"] = lr_at(cfg, it)
            torch.manual_seed(cfg.seed * 1_000_003 + it)  # dropout noise depends on the iteration only
            logits = ddp_model(mine, steps, keep_all=cfg.intermediate_weight > 0)
            loss = loss_fn(logits, mine, n_global, world, cfg.intermediate_weight)
            aux = getattr(model.core, "aux_loss", None)  # e.g. a baseline's ACT ponder cost
            if aux is not None:
                loss = loss + aux
            opt.zero_grad(set_to_none=True)
            loss.backward()
            if cfg.clip:
                torch.nn.utils.clip_grad_norm_(params, cfg.clip)
            opt.step()
            value = loss.detach().clone()
            if world > 1:  # each rank holds its shard's share of the global loss: sum them for the log
                dist.all_reduce(value)
            value = value.item() / world
            ema = value if ema is None else 0.95 * ema + 0.05 * value
            bar.set_postfix(loss=f"{ema:.4f}", steps=steps)
            done = it + 1
            if out is not None and rank == 0 and cfg.save_every and done % cfg.save_every == 0:
                out.mkdir(parents=True, exist_ok=True)
                save_state(out, model, opt, it, cfg)
            out_of_time = cfg.max_minutes is not None and time.time() - t0 > 60 * cfg.max_minutes
            if (stop_after is not None and done - start >= stop_after) or out_of_time:
                if out is not None and rank == 0 and done % max(1, cfg.save_every) != 0:
                    out.mkdir(parents=True, exist_ok=True)
                    save_state(out, model, opt, it, cfg)  # a graceful stop resumes exactly where it ended
                stopped = True
                break
            if signals.signum is not None:  # SIGINT / SIGTERM: keep this iteration's state, then stop
                if out is not None and rank == 0:
                    out.mkdir(parents=True, exist_ok=True)
                    save_state(out, model, opt, it, cfg)
                raise TrainingInterrupted(signals.signum, done, out)
    bar.close()
    model.eval()
    if out is not None and rank == 0:
        save_checkpoint(
            out,
            model,
            task,
            extra={
                "training": cfg.to_dict(),
                "data_version": DATA_VERSION,
                "command": _command(world),
                "train_seconds": round(time.time() - t0, 1),
                "final_loss": ema,
                "torch": torch.__version__,
                **(extra or {}),
            },
        )
        if not stopped:  # a finished run needs no resumable state (removed once the checkpoint is in place)
            for name in (STATE_WEIGHTS, STATE_JSON):
                (out / name).unlink(missing_ok=True)
    return model


# -- fine-tuning: the same loop, started from a base checkpoint on a user's corpus -------------------------------
@dataclass
class FinetuneResult:
    out: str
    n_train: int
    n_holdout: int
    new_words: list[str]
    new_answers: list[str]
    holdout_before: float
    holdout_after: float
    train_seconds: float
    trainable_params: int
    skipped_lines: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def grown(base: DRTModel, task: Task) -> DRTModel:
    """A copy of `base` sized for `task`: embedding rows for new words (freshly initialised) and readout rows
    for new answers (zero, so the base's answers keep their probabilities until training moves them)."""
    model = DRTModel(ModelConfig.for_task(task, base.cfg.core))
    state = {k: v.detach().clone() for k, v in base.state_dict().items()}
    emb = model.token_emb.weight.detach().clone()
    emb[: base.cfg.vocab_size] = state["token_emb.weight"]
    state["token_emb.weight"] = emb
    last = model.readout.net[-1]  # a row per class, or per factor (new answers add factors after the base's)
    w, b = torch.zeros_like(last.weight), torch.zeros_like(last.bias)
    n_old = base.readout.net[-1].out_features
    w[:n_old], b[:n_old] = (
        state["readout.net.3.weight"],
        state["readout.net.3.bias"],
    )
    state["readout.net.3.weight"], state["readout.net.3.bias"] = w, b
    if model.feedback is not None:  # new answers feed back nothing until fine-tuning teaches them to
        fb = torch.zeros_like(model.feedback.weight)
        fb[:, : base.cfg.n_classes] = state["feedback.weight"]
        state["feedback.weight"] = fb
    model.load_state_dict(state)
    return model


def _check_overrides(overrides: dict[str, Any], max_bad_lines: float) -> None:
    """Fine-tuning settings, checked by the same rules as training's (ConfigError naming the option)."""
    names = {f.name for f in fields(TrainConfig)}
    unknown = sorted(set(overrides) - names)
    if unknown:
        raise ConfigError(f"unknown fine-tuning settings {unknown}; known: {', '.join(sorted(names))}")
    given = {k: v for k, v in overrides.items() if v is not None and k not in ("core", "task_knobs")}
    steps = given.get("steps")
    if isinstance(steps, int) and not isinstance(steps, bool):
        given["steps"] = (steps, steps)
    try:
        probe = TrainConfig(**given)
    except TypeError as exc:
        raise ConfigError(str(exc)) from None
    problems = train_problems(probe)
    if not (isinstance(max_bad_lines, int | float) and 0.0 <= max_bad_lines <= 1.0):
        problems.append(f"--max-bad-lines is a share of the corpus in [0, 1], got {max_bad_lines!r}")
    if problems:
        raise ConfigError("; ".join(problems))


def finetune(
    corpus_path: str | Path,
    out: str | Path,
    base: str | Path,
    progress: bool = True,
    resume: bool = False,
    max_bad_lines: float = 0.1,
    **overrides: Any,
) -> FinetuneResult:
    """Fine-tune checkpoint `base` (any domain) on a JSONL corpus and write a checkpoint to `out`.

    The corpus is read as the base's domain; unreadable lines are reported and skipped (refused above
    `max_bad_lines` of the corpus). A held-out split is scored before (by the base) and after, at `auto` depth.
    `overrides` are TrainConfig fields (lr, epochs, batch_size, steps, freeze_core, holdout, seed, ...)."""
    from . import domains
    from .checkpoint import load_checkpoint
    from .corpus import read_corpus, split
    from .evaluate import answer_accuracy

    _check_overrides(overrides, max_bad_lines)  # bad settings fail before any loading or reading
    loaded = load_checkpoint(base)
    training = loaded.config.get("training", {})
    training = training if isinstance(training, dict) else {}
    domain = domains.task_names()[loaded.task.name]
    problems, answers, bad = read_corpus(corpus_path, domain, max_bad_lines=max_bad_lines)
    holdout = overrides.get("holdout") if overrides.get("holdout") is not None else TrainConfig.holdout
    seed = overrides.get("seed") if overrides.get("seed") is not None else 0
    (train_p, train_a), (hold_p, hold_a) = split(problems, answers, holdout, seed)
    task = loaded.task.extended(train_p + hold_p, train_a + hold_a)
    frozen = bool(overrides.get("freeze_core"))
    given = {k: v for k, v in overrides.items() if v is not None}
    batch_size = given.get("batch_size", 32)
    epochs = given.get("epochs", TrainConfig.epochs)
    steps = given.get("steps", tuple(training.get("steps", (8, 16))))
    cfg = TrainConfig(
        **{
            **{k: v for k, v in given.items() if k not in ("steps",)},
            "task": loaded.task.name,
            "base": str(base),
            "core": loaded.model.cfg.core,
            "task_knobs": task.knobs(),
            "batch_size": batch_size,
            "steps": (steps, steps) if isinstance(steps, int) else tuple(steps),
            "iters": given.get("iters", epochs * max(1, -(-len(train_p) // batch_size))),
            "lr": given.get("lr", 3e-3 if frozen else 2e-3),
            # a resumable state once per epoch, so `finetune ... --resume` continues from the last one
            "save_every": given.get("save_every", max(1, -(-len(train_p) // batch_size))),
        }
    )
    validate(cfg)
    before = answer_accuracy(loaded.model, loaded.task, hold_p, hold_a)
    torch.manual_seed(cfg.seed)  # new words' rows start from the seed: a rerun (or a resume) is the same run
    model = grown(loaded.model, task)
    t0 = time.time()
    model = train(
        cfg,
        out,
        resume=resume,
        progress=progress,
        init_from=model,
        task=task,
        corpus=Corpus(train_p, train_a),
        extra={"name": Path(out).name, "base_path": str(loaded.path), "base_training": training},
    )
    seconds = time.time() - t0
    after = answer_accuracy(model, task, hold_p, hold_a)
    old_words, old_classes = loaded.task.vocab_size, loaded.task.n_classes
    return FinetuneResult(
        out=str(out),
        n_train=len(train_p),
        n_holdout=len(hold_p),
        new_words=list(getattr(task, "vocab", [])[old_words:]),
        new_answers=list(getattr(task, "classes", [])[old_classes:]),
        holdout_before=before,
        holdout_after=after,
        train_seconds=round(seconds, 1),
        trainable_params=sum(p.numel() for p in model.parameters() if p.requires_grad),
        skipped_lines=bad,
    )
