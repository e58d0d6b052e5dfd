"""Checkpoints: `.safetensors` weights plus a JSON config. Never pickles, so loading runs no code from the file.

The config records the architecture, the task and its settings, the training command and seed, and a sha256 of
the weights that is checked on every load.
"""

from __future__ import annotations

import hashlib
import json
import stat
from dataclasses import MISSING, dataclass, fields
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import torch
from safetensors import SafetensorError
from safetensors.torch import load as safetensors_load
from safetensors.torch import save_file
from torch.overrides import TorchFunctionMode

from .core import DepthPolicy
from .errors import CheckpointError, DomainError
from .model import DRTModel, ModelConfig
from .tasks import Task, make_task

FORMAT_VERSION = 1
ARCHITECTURE = "drt-v1"
WEIGHTS = "model.safetensors"
CONFIG = "config.json"


def shipped_dir() -> Path:
    return Path(str(resources.files("drt_agent") / "checkpoints"))


def shipped_names() -> list[str]:
    root = shipped_dir()
    return sorted(p.name for p in root.iterdir() if (p / CONFIG).is_file()) if root.is_dir() else []


def resolve(name_or_path: str | Path) -> Path:
    """A checkpoint directory from a shipped name ('graph') or a path."""
    path = Path(name_or_path)
    if path.is_dir():
        return path
    if path.name == CONFIG and path.is_file():
        return path.parent
    name = str(name_or_path)
    shipped = shipped_dir() / name
    if name.replace("-", "").replace("_", "").isalnum() and (shipped / CONFIG).is_file():
        return shipped  # a shipped name is a bare word: never a path out of the package
    raise CheckpointError(
        f"no checkpoint at {str(name_or_path)!r}: pass a directory holding {CONFIG} and {WEIGHTS}, "
        f"or one of the shipped names: {', '.join(shipped_names()) or '(none installed)'}"
    )


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def save_checkpoint(
    directory: str | Path, model: DRTModel, task: Task, extra: dict[str, Any] | None = None
) -> Path:
    """Write weights and config; returns the directory."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().contiguous().cpu() for k, v in model.state_dict().items()}
    save_file(state, str(out / WEIGHTS), metadata={"format": "pt", "architecture": ARCHITECTURE})
    config = {
        "format_version": FORMAT_VERSION,
        "architecture": ARCHITECTURE,
        "model": model.cfg.to_dict(),
        "task_knobs": task.knobs(),
        "n_params": model.n_params(),
        "weights_sha256": sha256_file(out / WEIGHTS),
        **(extra or {}),
    }
    (out / CONFIG).write_text(json.dumps(config, indent=2) + "\n")
    return out


@dataclass
class Loaded:
    model: DRTModel
    task: Task
    config: dict[str, Any]
    path: Path


MAX_CONFIG_BYTES = 1 << 20  # a config is a few KB; anything this large is not one
MAX_WEIGHTS_BYTES = 1 << 30  # shipped checkpoints are a few MB
FLOAT_DTYPES = {"F16", "BF16", "F32", "F64"}


def _read_regular(path: Path, max_bytes: int, what: str) -> bytes:
    """The bytes of a regular file no larger than max_bytes. A symlink is followed (its content is still
    checked), but a device, FIFO or directory is refused before it is opened, so /dev/zero cannot hang a load."""
    try:
        st = path.stat()
    except OSError as exc:
        raise CheckpointError(f"{path}: {what} is missing or unreadable ({exc.strerror})") from None
    if not stat.S_ISREG(st.st_mode):
        raise CheckpointError(f"{path}: {what} must be a regular file")
    if st.st_size > max_bytes:
        raise CheckpointError(f"{path}: {what} is {st.st_size:,} bytes, above the {max_bytes:,} accepted")
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise CheckpointError(f"{path}: cannot read {what} ({exc.strerror})") from None
    if len(data) > max_bytes:
        raise CheckpointError(f"{path}: {what} grew past {max_bytes:,} bytes while being read")
    return data


def read_config(directory: Path) -> dict[str, Any]:
    raw = _read_regular(directory / CONFIG, MAX_CONFIG_BYTES, "the config")
    try:
        config = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise CheckpointError(f"cannot read {directory / CONFIG} as JSON: {exc}") from None
    if not isinstance(config, dict):
        raise CheckpointError(f"{directory / CONFIG} must hold a JSON object")
    return config


def _safetensors_header(data: bytes, where: Path) -> dict[str, Any]:
    """The JSON header of a safetensors file (8-byte little-endian length, then JSON), parsed by hand so a
    malformed file is refused before any tensor is allocated."""
    if len(data) < 8:
        raise CheckpointError(f"{where} is not a safetensors file (too short)")
    n = int.from_bytes(data[:8], "little")
    if n < 2 or 8 + n > len(data):
        raise CheckpointError(
            f"{where} is not a safetensors file (bad header length); was it saved as a pickle?"
        )
    try:
        header = json.loads(data[8 : 8 + n].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise CheckpointError(f"{where} is not a safetensors file (unreadable header)") from None
    if not isinstance(header, dict):
        raise CheckpointError(f"{where} is not a safetensors file (header is not an object)")
    header.pop("__metadata__", None)
    return header


def _check_tensors(header: dict[str, Any], expected: dict[str, torch.Size], where: Path) -> None:
    """Names, shapes and dtypes of the stored tensors against the model the config describes."""
    missing = sorted(set(expected) - set(header))
    extra = sorted(set(header) - set(expected))
    if missing or extra:
        raise CheckpointError(
            f"{where} does not fit the architecture in {CONFIG}: missing {missing[:5]}, unexpected {extra[:5]}"
        )
    for name, shape in expected.items():
        info = header[name]
        if not isinstance(info, dict) or info.get("dtype") not in FLOAT_DTYPES:
            raise CheckpointError(f"{where}: tensor {name!r} is not stored as a float tensor")
        if list(info.get("shape", [])) != list(shape):
            raise CheckpointError(
                f"{where}: tensor {name!r} has shape {info.get('shape')}, the config's model needs {list(shape)}"
            )


def _describe(config: dict[str, Any], directory: Path) -> tuple[ModelConfig, Task]:
    """The model config and task a checkpoint's config names, validated without allocating weights."""
    model = config.get("model")
    if not isinstance(model, dict) or not isinstance(model.get("core", {}), dict):
        raise CheckpointError(f"{directory / CONFIG}: 'model' must be an object with a 'core' object")
    knobs = config.get("task_knobs") or {}
    if not isinstance(knobs, dict):
        raise CheckpointError(f"{directory / CONFIG}: 'task_knobs' must be an object")
    try:
        model_cfg = ModelConfig.from_dict(model)
        for name in ("vocab_size", "n_roles", "n_classes"):
            value = getattr(model_cfg, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a whole number >= 1, got {value!r}")
        for f in fields(model_cfg.core):
            value, default = getattr(model_cfg.core, f.name), f.default
            if default is None or default is MISSING:
                continue
            if type(value) is not type(default) and not (type(default) is float and type(value) is int):
                raise ValueError(f"core.{f.name} must be {type(default).__name__}, got {value!r}")
        task = make_task(model_cfg.task, knobs)
    except (KeyError, TypeError, ValueError, DomainError) as exc:
        raise CheckpointError(f"{directory / CONFIG}: cannot build the model it describes: {exc}") from None
    return model_cfg, task


class _SkipInit(TorchFunctionMode):
    """Parameter initialisers do nothing: meta tensors hold no values, and initialising them goes through
    torch's Python reference kernels, which import torch._dynamo (seconds of cold start for every solve)."""

    def __torch_function__(self, func: Any, types: Any, args: Any = (), kwargs: Any = None) -> Any:
        kwargs = kwargs or {}
        if getattr(func, "__module__", None) == "torch.nn.init":
            return args[0] if args else kwargs["tensor"]
        return func(*args, **kwargs)


def _expected_shapes(model_cfg: ModelConfig, directory: Path) -> dict[str, torch.Size]:
    """Parameter shapes of the described model, built on the meta device: no memory, however large."""
    try:
        with torch.device("meta"), _SkipInit():
            meta = DRTModel(model_cfg)
    except Exception as exc:  # any failure to construct means the config is not a buildable model
        raise CheckpointError(f"{directory / CONFIG}: cannot build the model it describes: {exc}") from None
    return {k: v.shape for k, v in meta.state_dict().items()}


def load_checkpoint(name_or_path: str | Path, device: str | torch.device = "cpu") -> Loaded:
    """Load and verify a checkpoint. In order, each failure a CheckpointError: the config is a small JSON
    object naming a known architecture; the weights are a regular file whose sha256 matches the config; the
    safetensors header lists exactly the float tensors, with the shapes, of the model the config describes;
    every value is finite. Weights are only ever parsed as safetensors, so no code in the file can run."""
    directory = resolve(name_or_path)
    config = read_config(directory)
    if config.get("architecture") != ARCHITECTURE or config.get("format_version") != FORMAT_VERSION:
        raise CheckpointError(
            f"{directory}: architecture {config.get('architecture')!r} / format "
            f"{config.get('format_version')!r} is not one this version builds "
            f"({ARCHITECTURE!r} / {FORMAT_VERSION}); retrain it or upgrade drt-agent"
        )
    weights = directory / WEIGHTS
    data = _read_regular(weights, MAX_WEIGHTS_BYTES, WEIGHTS)
    expected = config.get("weights_sha256")
    actual = hashlib.sha256(data).hexdigest()
    if not isinstance(expected, str) or expected.lower() != actual:
        raise CheckpointError(
            f"{weights}: sha256 {actual[:12]}... does not match the config's {str(expected)[:12]}...; "
            "the file was modified or belongs to another checkpoint"
        )
    model_cfg, task = _describe(config, directory)
    shapes = _expected_shapes(model_cfg, directory)
    _check_tensors(_safetensors_header(data, weights), shapes, weights)
    try:
        state = safetensors_load(data)
    except (SafetensorError, OSError, ValueError) as exc:
        raise CheckpointError(f"{weights} is not a valid safetensors file: {exc}") from None
    bad = [k for k, v in state.items() if not torch.isfinite(v).all()]
    if bad:
        raise CheckpointError(f"{weights}: tensors {bad[:5]} hold NaN or infinite values")
    model = DRTModel(model_cfg)
    try:
        model.load_state_dict({k: v.to(torch.float32) for k, v in state.items()}, strict=True)
    except RuntimeError as exc:
        raise CheckpointError(f"{weights} does not fit the architecture in {CONFIG}: {exc}") from None
    model.eval()
    _smoke_test(model, task, directory)
    model.to(device)
    return Loaded(model=model, task=task, config=config, path=directory)


def _smoke_test(model: DRTModel, task: Task, directory: Path) -> None:
    """Solve one generated problem for two steps (the first asks is_final), so settings of the right type but wrong meaning (task
    knobs a task cannot use) fail here, as a CheckpointError, not later inside an agent's call."""
    try:
        lo = task.train_defaults().get("complexity", (1, 1))[0]
        problems, batch = task.sample(1, max(1, int(lo)), np.random.default_rng(0))
        result = model.solve(batch, DepthPolicy(steps=None, max_steps=2), is_final=task.is_final)
        task.decode(result.probs, problems)
    except Exception as exc:  # whatever the stored settings break is a property of this checkpoint
        raise CheckpointError(
            f"{directory / CONFIG}: the model it describes fails on a generated problem "
            f"({type(exc).__name__}: {exc}); retrain the checkpoint or fix its task_knobs"
        ) from None
