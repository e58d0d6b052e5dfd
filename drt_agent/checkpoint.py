"""Checkpoints: `.safetensors` weights plus a JSON config. Never pickles, so loading runs no code from the file.

The config records the architecture, the task and its settings, the training command and seed, and a sha256 of
the weights that is checked on every load.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import json
import os
import secrets
import shutil
import signal
import stat
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import torch
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from safetensors import SafetensorError
from safetensors.torch import load as safetensors_load
from safetensors.torch import save_file
from torch.overrides import TorchFunctionMode

from .calibration import Calibration
from .config import core_problems, knob_problems
from .core import DepthPolicy
from .errors import CheckpointError, DomainError, DrtError
from .model import DRTModel, ModelConfig
from .tasks import Task, task_class

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
    """Write weights and config atomically; returns the directory.

    Both files go to a temporary directory next to the target, which then takes the target's place in one
    rename (an atomic exchange where one already exists), so a stop at any moment leaves the old checkpoint
    or the new one, never a mix. Other files in the target (a resumable training state) are carried over."""
    out = Path(directory)
    if out.exists() and not out.is_dir():
        raise CheckpointError(f"cannot write a checkpoint to {out}: it exists and is not a directory")
    if out.is_dir() and any(p.is_dir() and not p.is_symlink() for p in out.iterdir()):
        raise CheckpointError(
            f"cannot write a checkpoint to {out}: it holds other directories, so it is not a checkpoint's "
            f"own directory; choose a new one, e.g. {out / 'model'}"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = _fresh_dir(out, "tmp")
    try:
        state = {k: v.detach().contiguous().cpu() for k, v in model.state_dict().items()}
        save_file(state, str(tmp / WEIGHTS), metadata={"format": "pt", "architecture": ARCHITECTURE})
        _fsync(tmp / WEIGHTS)
        config = {
            "format_version": FORMAT_VERSION,
            "architecture": ARCHITECTURE,
            "model": model.cfg.to_dict(),
            "task_knobs": task.knobs(),
            "n_params": model.n_params(),
            "weights_sha256": sha256_file(tmp / WEIGHTS),
            **(extra or {}),
        }
        _write_text(tmp / CONFIG, json.dumps(config, indent=2) + "\n")
        if out.is_dir():
            _carry_over(out, tmp)
        _fsync(tmp)
        _publish(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # after a publish: the replaced checkpoint
    return out


def _fresh_dir(out: Path, kind: str) -> Path:
    """A new hidden directory beside `out` (same file system, so renames are atomic; mode from the umask)."""
    for _ in range(100):
        path = out.parent / f".{out.name}.{kind}-{secrets.token_hex(4)}"
        try:
            path.mkdir()
            return path
        except FileExistsError:
            continue
    raise CheckpointError(f"cannot create a temporary directory next to {out}")


def _write_text(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def _fsync(path: Path) -> None:
    """Flush a file or directory to disk, so a rename never publishes data still only in memory."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems cannot fsync a directory
        pass
    finally:
        os.close(fd)


def _carry_over(old: Path, new: Path) -> None:
    """Files of the old directory that the new checkpoint does not replace (hard links where possible)."""
    for entry in old.iterdir():
        target = new / entry.name
        if entry.name in (WEIGHTS, CONFIG) or target.exists():
            continue
        if entry.is_symlink():
            os.symlink(os.readlink(entry), target)
            continue
        try:
            os.link(entry, target)
        except OSError:
            shutil.copy2(entry, target)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2 with RENAME_EXCHANGE); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _publish(new: Path, out: Path) -> None:
    """Put the complete directory `new` at `out`; afterwards `new` holds whatever `out` held before."""
    if not out.exists():
        os.rename(new, out)
        return
    if _exchange(new, out):
        return
    # no atomic exchange here: move the old one aside first, so a stop between the renames keeps it
    aside = _fresh_dir(out, "old")
    os.rename(out, aside / "checkpoint")
    os.rename(new, out)
    os.rename(aside / "checkpoint", new)
    aside.rmdir()


@dataclass
class Loaded:
    model: DRTModel
    task: Task
    config: dict[str, Any]
    path: Path


MAX_CONFIG_BYTES = 1 << 20  # a config is a few KB; anything this large is not one
MAX_WEIGHTS_BYTES = 1 << 30  # shipped checkpoints are a few MB
FLOAT_DTYPES = {"F16", "BF16", "F32", "F64"}
MAX_VOCAB = 1_000_000  # words or answer classes of one model
SMOKE_MAX_LENGTH = 2048  # the load-time check's generated problem: bounded in memory whatever the config says
SMOKE_SECONDS = 20.0


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


class _StoredModel(BaseModel):
    """The `model` object of a stored config: what the network is built from, every number bounded."""

    model_config = ConfigDict(extra="forbid", strict=True)

    task: str = Field(min_length=1, max_length=100)
    vocab_size: int = Field(ge=1, le=MAX_VOCAB)
    n_roles: int = Field(ge=1, le=1024)
    n_classes: int = Field(ge=1, le=MAX_VOCAB)
    core: dict[str, Any] = Field(default_factory=dict)

    @field_validator("core")
    @classmethod
    def _core(cls, core: dict[str, Any]) -> dict[str, Any]:
        problems = core_problems(core)
        if problems:
            raise ValueError("; ".join(problems))
        return core


class StoredConfig(BaseModel):
    """A checkpoint's config.json, validated on every load before anything is built from it. Fields beyond
    these (the training settings, the command, timings) are records, kept as they are."""

    model_config = ConfigDict(extra="allow", strict=True)

    format_version: int
    architecture: str
    model: _StoredModel
    task_knobs: dict[str, Any] = Field(default_factory=dict)
    n_params: int | None = Field(default=None, ge=0, le=1 << 40)
    weights_sha256: str = Field(pattern=r"^[0-9a-fA-F]{64}$")
    name: str | None = Field(default=None, max_length=200)
    # the post-hoc calibrator of `confidence` (drt_agent.calibration); absent in older checkpoints
    calibration: Calibration | None = None


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(x) for x in err["loc"])
    shown = repr(err.get("input"))
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    message = err["msg"].removeprefix("Value error, ")
    return f"{where}: {message}" + ("" if err["type"] == "value_error" else f" (got {shown})")


def _describe(config: dict[str, Any], directory: Path) -> tuple[ModelConfig, Task]:
    """The model config and task a checkpoint's config names, validated (types and bounds of every field, the
    task's settings against its constructor) without allocating weights."""
    where = directory / CONFIG
    try:
        stored = StoredConfig.model_validate(config)
    except ValidationError as exc:
        raise CheckpointError(f"{where}: cannot build the model it describes: {_first_error(exc)}") from None
    try:
        cls = task_class(stored.model.task)
    except DomainError as exc:
        raise CheckpointError(f"{where}: cannot build the model it describes: {exc}") from None
    problems = knob_problems(cls, stored.task_knobs)
    if problems:
        raise CheckpointError(f"{where}: task_knobs: {'; '.join(problems)}")
    try:
        model_cfg = ModelConfig.from_dict(stored.model.model_dump())
        task = cls(**stored.task_knobs)
        model_cfg.class_factors = task.class_factors()  # a factored readout follows from the task's classes
    except (KeyError, TypeError, ValueError, DrtError) as exc:
        raise CheckpointError(f"{where}: cannot build the model it describes: {exc}") from None
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
    model_cfg, task = _describe(config, directory)  # before the weights: a bad config fails fast
    weights = directory / WEIGHTS
    data = _read_regular(weights, MAX_WEIGHTS_BYTES, WEIGHTS)
    expected = config.get("weights_sha256")
    actual = hashlib.sha256(data).hexdigest()
    if not isinstance(expected, str) or expected.lower() != actual:
        raise CheckpointError(
            f"{weights}: sha256 {actual[:12]}... does not match the config's {str(expected)[:12]}...; "
            "the file was modified or belongs to another checkpoint"
        )
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
    """Solve one small generated problem for two steps (the first asks is_final), so settings of the right type
    but wrong meaning fail here, as a CheckpointError, not later inside an agent's call. Bounded: the problem
    has the smallest trained complexity at a test bucket's size (not the stored generator sizes), at most
    SMOKE_MAX_LENGTH tokens, and the check is stopped after SMOKE_SECONDS where a timer can be set."""
    try:
        with _time_limit(SMOKE_SECONDS):
            lo = task.train_defaults().get("complexity", (1, 1))[0]
            lo = max(1, int(lo))
            problems, batch = task.sample(1, lo, np.random.default_rng(0), **task.bucket_knobs(lo))
            length = max(task.length(p) for p in problems)
            if length > SMOKE_MAX_LENGTH:
                raise ValueError(f"a generated problem is {length} tokens long, above {SMOKE_MAX_LENGTH}")
            result = model.solve(batch, DepthPolicy(steps=None, max_steps=2), is_final=task.is_final)
            task.decode(result.probs, problems)
    except Exception as exc:  # whatever the stored settings break is a property of this checkpoint
        raise CheckpointError(
            f"{directory / CONFIG}: the model it describes fails on a generated problem "
            f"({type(exc).__name__}: {exc}); retrain the checkpoint or fix its task_knobs"
        ) from None


class _Timeout(Exception):
    pass


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise _Timeout after `seconds` (SIGALRM): only in the main thread, and only when no one else uses the
    timer; elsewhere the bounds on sizes are the only limit."""
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise _Timeout(f"the check took longer than {seconds:g} s")

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
