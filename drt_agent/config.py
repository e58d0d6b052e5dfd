"""Training settings, torch-free so the CLI builds its options from them without importing torch: each field
carries its default and its help text in one place."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from .core.config import CoreConfig


def _opt(default: Any, help: str, **kw: Any) -> Any:
    """A config field with its CLI help text (the CLI builds its options from these fields)."""
    if isinstance(default, list | dict | tuple) and not isinstance(default, tuple):
        return field(default_factory=lambda: type(default)(default), metadata={"help": help, **kw})
    return field(default=default, metadata={"help": help, **kw})


@dataclass
class TrainConfig:
    """Every training setting, with its default: the CLI's `train` and `finetune` options are these fields."""

    task: str = _opt("", "Task to train (a domain or one of its variants).", cli=False)
    iters: int = _opt(1500, "Training iterations (fine-tuning: derived from --epochs when not given).")
    batch_size: int = _opt(64, "Global batch (split across torchrun processes).")
    lr: float = _opt(3e-3, "Peak learning rate (AdamW, warm-up then cosine).")
    weight_decay: float = _opt(0.01, "AdamW weight decay.")
    warmup: float = _opt(0.05, "Fraction of iterations with a linear warm-up.")
    clip: float = _opt(1.0, "Gradient norm clip (0 = off).")
    steps: tuple[int, int] = _opt((6, 30), "Thinking steps drawn per batch, LO:HI.")
    complexity: tuple[int, int] = _opt((1, 5), "Training complexity LO:HI (hops, depth, facts).")
    curriculum: float = _opt(0.0, "Fraction of training over which complexity ramps up.")
    dense_targets: bool = _opt(True, "Supervise every token's final state, not only the answer's.")
    intermediate_weight: float = _opt(0.0, "Per-step loss weight alpha (0 = silent thinking).")
    seed: int = _opt(0, "Seed of the data, the split and the initialisation.")
    save_every: int = _opt(250, "Iterations between resumable training states (0 = only at a stop).")
    threads: int = _opt(0, "CPU threads for torch (0 = leave as is).")
    device: str = _opt("auto", "Where to train: auto (CUDA when available), cpu, cuda or cuda:N.")
    core: CoreConfig = field(default_factory=CoreConfig)
    task_knobs: dict[str, Any] = field(default_factory=dict)
    # fine-tuning: start from a checkpoint and learn from a corpus, in every domain
    base: str | None = _opt(None, "Checkpoint to start from (shipped name or directory).", cli=False)
    epochs: int = _opt(12, "Fine-tuning: passes over the corpus's training split.", finetune=True)
    holdout: float = _opt(
        0.2, "Fine-tuning: share of the corpus held out and scored before and after.", finetune=True
    )
    freeze_core: bool = _opt(
        False, "Fine-tuning: train only embeddings and readout; keep the core.", finetune=True
    )
    max_minutes: float | None = _opt(
        None, "Stop training after this many minutes (a resumable state is kept)."
    )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def config_for(task: str, **overrides: Any) -> TrainConfig:
    """A TrainConfig from the task's defaults, with every non-None override applied (core fields included)."""
    from .tasks import task_class

    defaults = task_class(task).train_defaults()
    core_fields = {f.name for f in fields(CoreConfig)}
    given = {k: v for k, v in overrides.items() if v is not None}
    core = CoreConfig(**{**defaults.get("core", {}), **{k: v for k, v in given.items() if k in core_fields}})
    top = {k: v for k, v in defaults.items() if k != "core"}
    top.update({k: v for k, v in given.items() if k not in core_fields})
    # --knob settings refine the recipe's task settings rather than replace them all
    top["task_knobs"] = {**defaults.get("task_knobs", {}), **given.get("task_knobs", {})}
    return TrainConfig(task=task, core=core, **top)
