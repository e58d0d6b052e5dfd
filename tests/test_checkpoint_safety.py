"""Safe loading: every tampered, foreign or malformed checkpoint is a CheckpointError, and no code in a file runs.

Each case starts from a valid tiny checkpoint (a freshly initialised model, no training) and breaks one thing.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import struct
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import torch
from safetensors.torch import save_file

from drt_agent.checkpoint import CONFIG, WEIGHTS, load_checkpoint, save_checkpoint
from drt_agent.core import CoreConfig
from drt_agent.errors import CheckpointError, DrtError
from drt_agent.model import DRTModel, ModelConfig
from drt_agent.tasks import make_task

MARKER = "drt_pwned_marker"


@pytest.fixture
def ckpt(tmp_path: Path) -> Path:
    torch.manual_seed(0)
    task = make_task("graph")
    cfg = ModelConfig(
        task="graph",
        vocab_size=task.vocab_size,
        n_roles=task.n_roles,
        n_classes=task.n_classes,
        core=CoreConfig(d_model=16, n_heads=2, d_ff=32),
    )
    return save_checkpoint(tmp_path / "ckpt", DRTModel(cfg), task)


def _config(d: Path) -> dict:
    return json.loads((d / CONFIG).read_text())


def _write_config(d: Path, config: dict) -> None:
    (d / CONFIG).write_text(json.dumps(config))


def _reseal(d: Path) -> None:
    """Make the config's sha256 match whatever the weights file now holds (an attacker controls both)."""
    config = _config(d)
    config["weights_sha256"] = hashlib.sha256((d / WEIGHTS).read_bytes()).hexdigest()
    _write_config(d, config)


class Evil:
    """A pickle payload that would create a marker file if it were ever unpickled."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _pickle_as_weights(d: Path, reseal: bool) -> None:
    (d / WEIGHTS).write_bytes(pickle.dumps(Evil(d.parent / MARKER)))
    if reseal:
        _reseal(d)


def _torch_save_as_weights(d: Path) -> None:
    torch.save({"x": torch.zeros(2), "evil": Evil(d.parent / MARKER)}, d / WEIGHTS)
    _reseal(d)


def _flip_byte(d: Path) -> None:
    data = bytearray((d / WEIGHTS).read_bytes())
    data[-5] ^= 0x01  # inside the last tensor's data
    (d / WEIGHTS).write_bytes(bytes(data))


def _set(path: tuple[str, ...], value: object) -> Callable[[Path], None]:
    def apply(d: Path) -> None:
        config = _config(d)
        node = config
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        _write_config(d, config)

    return apply


def _state(d: Path) -> dict[str, torch.Tensor]:
    from safetensors.torch import load_file

    return load_file(str(d / WEIGHTS))


def _rewrite_tensors(change: Callable[[dict[str, torch.Tensor]], None]) -> Callable[[Path], None]:
    def apply(d: Path) -> None:
        state = _state(d)
        change(state)
        save_file(state, str(d / WEIGHTS))
        _reseal(d)

    return apply


def _nan(state: dict[str, torch.Tensor]) -> None:
    key = next(iter(state))
    state[key] = state[key].clone()
    state[key].view(-1)[0] = float("nan")


def _extra(state: dict[str, torch.Tensor]) -> None:
    state["backdoor.weight"] = torch.zeros(3)


def _missing(state: dict[str, torch.Tensor]) -> None:
    state.pop(next(iter(state)))


def _ints(state: dict[str, torch.Tensor]) -> None:
    key = next(iter(state))
    state[key] = state[key].to(torch.int64)


def _bad_header(d: Path) -> None:
    data = (d / WEIGHTS).read_bytes()
    (d / WEIGHTS).write_bytes(struct.pack("<Q", 1 << 40) + data[8:])
    _reseal(d)


def _symlink_to(target: str) -> Callable[[Path], None]:
    def apply(d: Path) -> None:
        (d / WEIGHTS).unlink()
        os.symlink(target, d / WEIGHTS)

    return apply


def _weights_dir(d: Path) -> None:
    (d / WEIGHTS).unlink()
    (d / WEIGHTS).mkdir()


def _nested_config(d: Path) -> None:
    (d / CONFIG).write_text("[" * 100_000 + "]" * 100_000)


def _huge_config(d: Path) -> None:
    config = _config(d)
    config["padding"] = "x" * (2 << 20)
    _write_config(d, config)


CASES: dict[str, Callable[[Path], None]] = {
    "tampered weights": _flip_byte,
    "pickle renamed to .safetensors": lambda d: _pickle_as_weights(d, reseal=False),
    "pickle renamed, sha256 resealed": lambda d: _pickle_as_weights(d, reseal=True),
    "torch.save zip renamed, sha256 resealed": _torch_save_as_weights,
    "unknown architecture": _set(("architecture",), "gpt-9"),
    "no architecture": _set(("architecture",), None),
    "future format version": _set(("format_version",), 99),
    "sha256 not a string": _set(("weights_sha256",), ["x"]),
    "unknown task": _set(("model", "task"), "chess"),
    "task as a list": _set(("model", "task"), ["graph"]),
    "d_model as a string": _set(("model", "core", "d_model"), "16"),
    "d_model as a bool": _set(("model", "core", "d_model"), True),
    "d_model enormous": _set(("model", "core", "d_model"), 10**9),
    "d_model not the weights' width": _set(("model", "core", "d_model"), 4096),
    "n_heads zero": _set(("model", "core", "n_heads"), 0),
    "negative vocab": _set(("model", "vocab_size"), -3),
    "unknown core key": _set(("model", "core", "exec"), "import os"),
    "unknown model key": _set(("model", "__class__"), "os.system"),
    "model not an object": _set(("model",), "DRTModel"),
    "task_knobs a list": _set(("task_knobs",), [1, 2]),
    "task_knobs unknown key": _set(("task_knobs",), {"exec": "rm -rf /"}),
    "task_knobs wrong meaning": _set(("task_knobs", "final_threshold"), "high"),
    "config not an object": lambda d: (d / CONFIG).write_text("[1, 2, 3]"),
    "config not JSON": lambda d: (d / CONFIG).write_text("architecture: drt-v1"),
    "config binary": lambda d: (d / CONFIG).write_bytes(bytes(range(256))),
    "config nested 100,000 deep": _nested_config,
    "config over 1 MiB": _huge_config,
    "NaN weights": _rewrite_tensors(_nan),
    "extra tensor": _rewrite_tensors(_extra),
    "missing tensor": _rewrite_tensors(_missing),
    "integer tensor": _rewrite_tensors(_ints),
    "bad header length": _bad_header,
    "weights symlinked to /dev/zero": _symlink_to("/dev/zero"),
    "weights symlink dangling": _symlink_to("/nonexistent/model.safetensors"),
    "weights a directory": _weights_dir,
    "weights missing": lambda d: (d / WEIGHTS).unlink(),
    "config missing": lambda d: (d / CONFIG).unlink(),
    "weights empty": lambda d: (d / WEIGHTS).write_bytes(b""),
}


def test_valid_checkpoint_loads(ckpt: Path) -> None:
    loaded = load_checkpoint(ckpt)
    assert loaded.model.n_params() == _config(ckpt)["n_params"]


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_checkpoint_is_refused(ckpt: Path, case: str) -> None:
    CASES[case](ckpt)
    t0 = time.perf_counter()
    with pytest.raises(CheckpointError) as info:
        load_checkpoint(ckpt)
    assert time.perf_counter() - t0 < 10, "refusing a checkpoint must be fast"
    assert str(ckpt) in str(info.value), "the message names the checkpoint"
    assert not (ckpt.parent / MARKER).exists(), "code from the file ran"


def test_specific_messages(ckpt: Path) -> None:
    work = ckpt.parent / "work"
    for case, needle in [
        ("tampered weights", "sha256"),
        ("pickle renamed, sha256 resealed", "not a safetensors file"),
        ("unknown architecture", "gpt-9"),
        ("d_model enormous", "cannot build"),
        ("d_model not the weights' width", "shape"),
    ]:
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(ckpt, work)
        CASES[case](work)
        with pytest.raises(CheckpointError, match=needle):
            load_checkpoint(work)


def test_symlink_to_a_valid_file_loads(ckpt: Path, tmp_path: Path) -> None:
    """A symlinked weights file is fine (model hubs store blobs that way): its content is still verified."""
    blob = tmp_path / "blob"
    shutil.move(ckpt / WEIGHTS, blob)
    os.symlink(blob, ckpt / WEIGHTS)
    load_checkpoint(ckpt)
    _flip_byte(ckpt)  # writes through the link
    with pytest.raises(CheckpointError, match="sha256"):
        load_checkpoint(ckpt)


def test_shipped_name_cannot_escape_the_package(tmp_path: Path) -> None:
    with pytest.raises(CheckpointError):
        load_checkpoint("../../" + str(tmp_path.name))
    with pytest.raises(DrtError):
        load_checkpoint("no-such-model")


def test_loaders_never_unpickle() -> None:
    """No loading path may call pickle-based loaders: weights and training state are safetensors + JSON."""
    import drt_agent.checkpoint as checkpoint
    import drt_agent.train as train

    for module in (checkpoint, train):
        source = Path(module.__file__).read_text()
        for banned in ("torch.load(", "import pickle", "pickle.load", "weights_only"):
            assert banned not in source, f"{module.__name__} mentions {banned}"
