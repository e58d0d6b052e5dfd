"""Training settings, torch-free so the CLI builds its options from them without importing torch: each field
carries its default and its help text in one place."""

from __future__ import annotations

import inspect
import json
import math
import re
import typing
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from .core.config import CoreConfig
from .errors import DrtError


class ConfigError(DrtError, ValueError):
    """A training setting, or a setting stored in a checkpoint's config, is of the wrong type or out of bounds."""

    kind = "config_error"


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
    return validate(TrainConfig(task=task, core=core, **top))


# -- validation: every setting bounded, the same rules for the CLI, the API and a stored checkpoint's config ----
MAX_KNOB_INT = 1024  # a task setting that is a size (nodes, lengths, counts) sizes generated problems
MAX_KNOB_TEXT = 200
MAX_KNOB_ITEMS = 100_000  # e.g. a fine-tuned relational model's extra words

# (low, high, low inclusive, high inclusive) for every number in CoreConfig; a test checks none is missing
CORE_BOUNDS: dict[str, tuple[float, float, bool, bool]] = {
    "d_model": (1, 4096, True, True),
    "n_heads": (1, 256, True, True),
    "d_ff": (1, 16384, True, True),
    "dropout": (0.0, 1.0, True, False),
    "layerscale_init": (0.0, 1.0, False, True),
    "gate_bias": (-30.0, 30.0, True, True),
    "rope_base": (1.0, 1e9, False, True),
}
# TrainConfig numbers: (low, high, low inclusive, high inclusive); ranges (LO:HI) bound both ends
TRAIN_BOUNDS: dict[str, tuple[float, float, bool, bool]] = {
    "iters": (1, 10**8, True, True),
    "batch_size": (1, 65_536, True, True),
    "lr": (0.0, 10.0, False, True),
    "weight_decay": (0.0, 10.0, True, True),
    "warmup": (0.0, 1.0, True, True),
    "clip": (0.0, 1e6, True, True),
    "steps": (1, 512, True, True),
    "complexity": (0, 1024, True, True),
    "curriculum": (0.0, 1.0, True, True),
    "intermediate_weight": (0.0, 1.0, True, True),
    "seed": (0, 2**32 - 1, True, True),
    "save_every": (0, 10**8, True, True),
    "threads": (0, 1024, True, True),
    "epochs": (1, 100_000, True, True),
    "holdout": (0.0, 1.0, True, False),
    "max_minutes": (0.0, 10**7, False, True),
}


def _bounded(name: str, value: Any, bounds: tuple[float, float, bool, bool], whole: bool) -> str | None:
    """Why `value` is not a valid `name` (None when it is): its type, finiteness, then its bounds."""
    lo, hi, lo_in, hi_in = bounds
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"{name} must be a {'whole number' if whole else 'number'}, got {value!r}"
    if whole and not isinstance(value, int):
        return f"{name} must be a whole number, got {value!r}"
    if not math.isfinite(value):
        return f"{name} must be a finite number, got {value!r}"
    if value < lo or value > hi or (value == lo and not lo_in) or (value == hi and not hi_in):
        left, right = "[" if lo_in else "(", "]" if hi_in else ")"
        return f"{name} must be in {left}{lo:g}, {hi:g}{right}, got {value!r}"
    return None


def core_problems(core: dict[str, Any]) -> list[str]:
    """Everything wrong with a core config (as a dict, e.g. read from a checkpoint): unknown keys, types,
    bounds, and heads that do not divide the width."""
    known = {f.name: f for f in fields(CoreConfig)}
    out = [f"unknown core setting {k!r}" for k in core if k not in known]
    for name, f in known.items():
        if name not in core:
            continue
        value, default = core[name], f.default
        if isinstance(default, bool):
            if not isinstance(value, bool):
                out.append(f"core.{name} must be true or false, got {value!r}")
        elif name in CORE_BOUNDS:
            problem = _bounded(f"core.{name}", value, CORE_BOUNDS[name], isinstance(default, int))
            if problem:
                out.append(problem)
    d, h = core.get("d_model", CoreConfig.d_model), core.get("n_heads", CoreConfig.n_heads)
    if not out and d % h:
        out.append(f"core.n_heads={h} must divide core.d_model={d}")
    return out


# arguments of Task.sample that are not generator settings
_SAMPLE_ARGS = {"self", "n", "complexity", "rng", "steps"}


def knob_problems(task_cls: type, knobs: dict[str, Any], method: str = "__init__") -> list[str]:
    """Everything wrong with a task's settings (method "__init__") or generator settings ("sample", the
    --knob of evaluate and frontier): names the method does not take, values of the wrong type (checked
    against its annotations), and generic bounds: a whole number is a size in [0, MAX_KNOB_INT], any other
    number a share in [0, 1] (a threshold strictly inside), text is short."""
    from pydantic import TypeAdapter, ValidationError

    hints: dict[str, Any] = {}
    owners = reversed(task_cls.__mro__) if method == "__init__" else [task_cls]  # **kw reaches the parent's
    for cls in owners:
        fn = cls.__dict__.get(method) if method == "__init__" else getattr(cls, method, None)
        if fn is None:
            continue
        try:
            annotations = typing.get_type_hints(fn)
        except Exception:  # an annotation that cannot be resolved: check that setting by bounds only
            annotations = {}
        for p in inspect.signature(fn).parameters.values():
            if p.name not in _SAMPLE_ARGS and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL):
                hints[p.name] = annotations.get(p.name, Any)
    out = []
    for name, value in knobs.items():
        if name not in hints:
            takes = ", ".join(sorted(hints)) or "none"
            out.append(f"task setting {name!r} is not one {task_cls.__name__} takes (it takes: {takes})")
            continue
        try:
            TypeAdapter(hints[name]).validate_json(json.dumps(value, allow_nan=False), strict=True)
        except (ValidationError, ValueError, TypeError):
            out.append(f"task setting {name}={value!r} is not a {_type_name(hints[name])}")
            continue
        share = "float" in str(hints[name]) and "int" not in str(hints[name])  # -1 is a float's value too
        out += _knob_bounds(name, value, share)
    return out


def _type_name(tp: Any) -> str:
    return getattr(tp, "__name__", None) or str(tp).replace("typing.", "")


def _knob_bounds(name: str, value: Any, share: bool = False) -> list[str]:
    if isinstance(value, list | tuple):
        if len(value) > MAX_KNOB_ITEMS:
            return [f"task setting {name} holds {len(value):,} items, above {MAX_KNOB_ITEMS:,}"]
        return [p for v in value for p in _knob_bounds(name, v, share)][:1]
    if isinstance(value, str):
        return (
            [f"task setting {name} is longer than {MAX_KNOB_TEXT} characters"]
            if len(value) > MAX_KNOB_TEXT
            else []
        )
    if isinstance(value, bool) or value is None:
        return []
    if isinstance(value, int) and not share:
        problem = _bounded(f"task setting {name}", value, (0, MAX_KNOB_INT, True, True), True)
    else:
        strict = "threshold" in name  # a threshold of 0 or 1 never (or always) fires
        problem = _bounded(f"task setting {name}", value, (0.0, 1.0, not strict, not strict), False)
    return [problem] if problem else []


def train_problems(cfg: TrainConfig) -> list[str]:
    """Everything wrong with a training configuration (each message names the CLI option)."""
    out = []
    for name, bounds in TRAIN_BOUNDS.items():
        value = getattr(cfg, name)
        if value is None and name == "max_minutes":
            continue
        option = "--" + name.replace("_", "-")
        whole = isinstance(getattr(TrainConfig, name, None), int) or name in ("steps", "complexity")
        if name in ("steps", "complexity"):
            if not isinstance(value, tuple | list) or len(value) != 2:
                out.append(f"{option} takes LO:HI, got {value!r}")
                continue
            out += [p for v in value if (p := _bounded(option, v, bounds, True))][:1]
            if not out and value[0] > value[1]:
                out.append(f"{option}: LO must be <= HI, got {value[0]}:{value[1]}")
            continue
        problem = _bounded(option, value, bounds, whole)
        if problem:
            out.append(problem)
    core = cfg.core.to_dict() if isinstance(cfg.core, CoreConfig) else cfg.core
    if cfg.task:
        from .tasks import task_class  # torch: only once a task is named

        try:
            out += knob_problems(task_class(cfg.task), dict(cfg.task_knobs or {}))
        except DrtError as exc:  # an unknown task
            out.append(str(exc))
    option = re.compile(r"core\.(\w+)")
    out += [option.sub(lambda m: "--" + m.group(1).replace("_", "-"), p) for p in core_problems(core)]
    return out


def validate(cfg: TrainConfig) -> TrainConfig:
    """`cfg`, or a ConfigError naming every setting out of bounds (the CLI prints it as one line, exit 2)."""
    problems = train_problems(cfg)
    if problems:
        raise ConfigError("; ".join(problems))
    return cfg
