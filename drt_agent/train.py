"""Silent-thinking training: the loss reads only the final step's output.

The number of thinking steps is drawn per batch from a range, so the model learns to reach its answer and then
hold it. Data is generated on the fly from (seed, iteration), so a run is reproducible, resumable, and shards
the same global batch across `torchrun` processes (DDP: gloo on CPU, nccl on GPU).
"""

from __future__ import annotations

import json
import math
import os
import shlex
import sys
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
from .core import CoreConfig
from .errors import CheckpointError
from .model import DRTModel, ModelConfig
from .tasks import IGNORE, Batch, Task, make_task

DATA_VERSION = 1
STATE_WEIGHTS = "train_state.safetensors"
STATE_JSON = "train_state.json"


@dataclass
class TrainConfig:
    task: str = "graph"
    iters: int = 1500
    batch_size: int = 64
    lr: float = 3e-3
    weight_decay: float = 0.01
    warmup: float = 0.05  # fraction of iterations with a linear warm-up, then cosine decay
    clip: float = 1.0
    steps: tuple[int, int] = (6, 30)  # thinking steps drawn per batch, inclusive
    complexity: tuple[int, int] = (1, 5)  # hops / nesting depth / chain length, inclusive
    curriculum: float = 0.0  # fraction of iterations over which the top complexity ramps up
    dense_targets: bool = True  # every labelled token vs the answer token only (the paper)
    intermediate_weight: float = 0.0  # alpha: 0 = silent thinking, 1 = every step supervised
    seed: int = 0
    save_every: int = 250  # iterations between resumable training states
    threads: int = 0  # torch CPU threads, 0 = leave as is
    core: CoreConfig = field(default_factory=CoreConfig)
    task_knobs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def config_for(task: str, **overrides: Any) -> TrainConfig:
    """A TrainConfig from the task's defaults, with every non-None override applied (core fields included)."""
    from .tasks import TASKS, make_task

    make_task(task)  # a clear DomainError for unknown names
    defaults = TASKS[task].train_defaults()
    core_fields = {f.name for f in fields(CoreConfig)}
    given = {k: v for k, v in overrides.items() if v is not None}
    core = CoreConfig(**{**defaults.get("core", {}), **{k: v for k, v in given.items() if k in core_fields}})
    top = {k: v for k, v in defaults.items() if k != "core"}
    top.update({k: v for k, v in given.items() if k not in core_fields})
    # --knob settings refine the recipe's task settings rather than replace them all
    top["task_knobs"] = {**defaults.get("task_knobs", {}), **given.get("task_knobs", {})}
    return TrainConfig(task=task, core=core, **top)


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


def global_batch(task: Task, cfg: TrainConfig, it: int) -> tuple[Batch, int]:
    """The whole batch of iteration `it` and its step count: identical in every process."""
    rng = np.random.default_rng([cfg.seed, it, DATA_VERSION])
    steps = int(rng.integers(cfg.steps[0], cfg.steps[1] + 1))
    # the task may limit dense targets to what `steps` steps can know (graphs: reached within that many hops)
    _, batch = task.sample(cfg.batch_size, complexity_at(cfg, it), rng, steps=steps)
    if not cfg.dense_targets:  # the paper's single-output loss: only the answer token is supervised
        assert batch.labels is not None
        keep = torch.full_like(batch.labels, IGNORE)
        rows = torch.arange(len(batch))
        keep[rows, batch.answer_index] = batch.labels[rows, batch.answer_index]
        batch.labels = keep
    return batch, steps


def shard(batch: Batch, rank: int, world: int) -> Batch:
    if world == 1:
        return batch
    idx = torch.arange(rank, len(batch), world)
    return batch.select(idx)


def loss_fn(
    logits: list[torch.Tensor], labels: torch.Tensor, n_global: int, world: int, alpha: float
) -> torch.Tensor:
    """Cross-entropy summed over labelled tokens, normalised by the *global* count so DDP's gradient mean
    equals the single-process gradient. alpha > 0 adds the intermediate-supervision ablation."""

    def ce(lg: torch.Tensor) -> torch.Tensor:
        return F.cross_entropy(lg.flatten(0, 1), labels.flatten(), ignore_index=IGNORE, reduction="sum")

    final = ce(logits[-1])
    if alpha > 0:
        per_step = torch.stack([ce(lg) for lg in logits]).mean()
        final = (1 - alpha) * final + alpha * per_step
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


def _command(world: int) -> str:
    """The command line that produced this run, as the user would retype it."""
    args = shlex.join(sys.argv[1:])
    if world > 1:
        return f"torchrun --nproc-per-node {world} -m drt_agent.cli {args}"
    if Path(sys.argv[0]).name.startswith("drt-agent") or Path(sys.argv[0]).name == "cli.py":
        return f"drt-agent {args}"
    return shlex.join([Path(sys.argv[0]).name, *sys.argv[1:]])


def train(
    cfg: TrainConfig,
    out_dir: str | Path | None = None,
    resume: bool = False,
    progress: bool = True,
    stop_after: int | None = None,
    init_from: DRTModel | None = None,
) -> DRTModel:
    """Train a model for `cfg.task`; writes a checkpoint to out_dir (rank 0) when given.

    stop_after: end early after this many iterations (simulates an interruption; used by tests).
    """
    rank, world = _dist_info()
    if cfg.batch_size < world:
        raise ValueError(
            f"batch_size={cfg.batch_size} is smaller than the {world} processes; raise --batch-size"
        )
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    torch.manual_seed(cfg.seed)
    task = make_task(cfg.task, cfg.task_knobs)
    model_cfg = ModelConfig(
        task=task.name,
        vocab_size=task.vocab_size,
        n_roles=task.n_roles,
        n_classes=task.n_classes,
        core=cfg.core,
    )
    model = init_from if init_from is not None else DRTModel(model_cfg)
    device = torch.device("cuda", rank % torch.cuda.device_count()) if torch.cuda.is_available() else None
    if device is not None:
        model.to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    out = Path(out_dir) if out_dir is not None else None
    start = 0
    if resume and out is not None and (out / STATE_WEIGHTS).is_file():
        start = load_state(out, model, opt, cfg)
    elif resume and rank == 0:
        print(f"no training state in {out}; starting from iteration 0", file=sys.stderr)
    ddp_model: torch.nn.Module = model
    if world > 1:
        ddp_model = torch.nn.parallel.DistributedDataParallel(model)
    model.train()
    t0 = time.time()
    bar = tqdm(
        range(start, cfg.iters),
        initial=start,
        total=cfg.iters,
        disable=not progress or rank != 0,
        desc=f"train {cfg.task}",
        dynamic_ncols=True,
    )
    ema = None
    stopped = False
    for it in bar:
        batch, steps = global_batch(task, cfg, it)
        assert batch.labels is not None
        n_global = int((batch.labels != IGNORE).sum())
        mine = shard(batch, rank, world)
        if device is not None:
            mine = mine.to(device)
        for group in opt.param_groups:
            group["lr"] = lr_at(cfg, it)
        torch.manual_seed(cfg.seed * 1_000_003 + it)  # dropout noise depends on the iteration only
        logits = ddp_model(mine, steps, keep_all=cfg.intermediate_weight > 0)
        loss = loss_fn(logits, mine.labels, n_global, world, cfg.intermediate_weight)
        aux = getattr(model.core, "aux_loss", None)  # e.g. a baseline's ACT ponder cost
        if aux is not None:
            loss = loss + aux
        opt.zero_grad(set_to_none=True)
        loss.backward()
        if cfg.clip:
            torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.clip)
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
        if stop_after is not None and done - start >= stop_after:
            if out is not None and rank == 0 and done % max(1, cfg.save_every) != 0:
                out.mkdir(parents=True, exist_ok=True)
                save_state(out, model, opt, it, cfg)  # a graceful stop resumes exactly where it ended
            stopped = True
            break
    bar.close()
    model.eval()
    if out is not None and rank == 0:
        if not stopped:  # a finished run needs no resumable state: leave only the checkpoint
            for name in (STATE_WEIGHTS, STATE_JSON):
                (out / name).unlink(missing_ok=True)
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
            },
        )
    return model
