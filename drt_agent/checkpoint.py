"""Checkpoints: `.safetensors` weights plus a JSON config. Never pickles, so loading runs no code from the file.

The config records the architecture, the task and its settings, the training command and seed, and a sha256 of
the weights that is checked on every load.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file

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
    shipped = shipped_dir() / str(name_or_path)
    if (shipped / CONFIG).is_file():
        return shipped
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


def read_config(directory: Path) -> dict[str, Any]:
    try:
        config = json.loads((directory / CONFIG).read_text())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CheckpointError(f"cannot read {directory / CONFIG}: {exc}") from exc
    if not isinstance(config, dict):
        raise CheckpointError(f"{directory / CONFIG} must hold a JSON object")
    return config


def load_checkpoint(name_or_path: str | Path, device: str | torch.device = "cpu") -> Loaded:
    """Load and verify a checkpoint: architecture known, sha256 matching, tensors matching the config."""
    directory = resolve(name_or_path)
    config = read_config(directory)
    if config.get("architecture") != ARCHITECTURE or config.get("format_version") != FORMAT_VERSION:
        raise CheckpointError(
            f"{directory}: architecture {config.get('architecture')!r} / format "
            f"{config.get('format_version')!r} is not one this version builds "
            f"({ARCHITECTURE!r} / {FORMAT_VERSION}); retrain it or upgrade drt-agent"
        )
    weights = directory / WEIGHTS
    if not weights.is_file():
        raise CheckpointError(f"{directory}: {WEIGHTS} is missing")
    expected = config.get("weights_sha256")
    actual = sha256_file(weights)
    if expected != actual:
        raise CheckpointError(
            f"{weights}: sha256 {actual[:12]}... does not match the config's {str(expected)[:12]}...; "
            "the file was modified or belongs to another checkpoint"
        )
    try:
        model_cfg = ModelConfig.from_dict(config["model"])
        task = make_task(model_cfg.task, config.get("task_knobs"))
        model = DRTModel(model_cfg)
    except (KeyError, TypeError, ValueError, DomainError) as exc:
        raise CheckpointError(f"{directory / CONFIG}: cannot build the model it describes: {exc}") from exc
    try:
        state = load_file(str(weights))
    except (SafetensorError, OSError, ValueError) as exc:
        raise CheckpointError(f"{weights} is not a valid safetensors file: {exc}") from exc
    try:
        model.load_state_dict(state, strict=True)
    except RuntimeError as exc:
        raise CheckpointError(f"{weights} does not fit the architecture in {CONFIG}: {exc}") from exc
    model.to(device).eval()
    return Loaded(model=model, task=task, config=config, path=directory)
