"""Safe loading: every tampered, foreign or malformed checkpoint is a CheckpointError, and no code in a file runs.

Each case starts from a valid tiny checkpoint (a freshly initialised model, no training) and breaks one thing.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
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


_CAL = {"logit": 1.0, "cap": 0.0, "excess": 0.0, "excess_logit": 0.0, "bias": 0.0, "knot": 4.0}


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


def _truncate(d: Path) -> None:
    data = (d / WEIGHTS).read_bytes()
    (d / WEIGHTS).write_bytes(data[: len(data) // 2])
    _reseal(d)


def _huge_shape(d: Path) -> None:
    """A header that declares a tensor of 10**12 floats (the data is not there): refused before allocating."""
    data = (d / WEIGHTS).read_bytes()
    n = int.from_bytes(data[:8], "little")
    header = json.loads(data[8 : 8 + n])
    name = next(k for k in header if k != "__metadata__")
    header[name]["shape"] = [10**6, 10**6]
    raw = json.dumps(header).encode()
    (d / WEIGHTS).write_bytes(struct.pack("<Q", len(raw)) + raw + data[8 + n :])
    _reseal(d)


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
    # settings of the right JSON type but out of bounds (pydantic on load), and sizes that would stall loading
    "task_knobs nodes 100,000": _set(("task_knobs", "nodes"), [100_000, 100_000]),
    "task_knobs nodes 3,000,000": _set(("task_knobs", "nodes"), [3_000_000, 3_000_000]),
    "task_knobs nodes negative": _set(("task_knobs", "nodes"), [-8, 16]),
    "task_knobs nodes as text": _set(("task_knobs", "nodes"), "8-16"),
    "task_knobs nodes three numbers": _set(("task_knobs", "nodes"), [8, 16, 32]),
    "final_threshold -1": _set(("task_knobs", "final_threshold"), -1),
    "final_threshold 1.5": _set(("task_knobs", "final_threshold"), 1.5),
    "final_threshold 1 (never final)": _set(("task_knobs", "final_threshold"), 1.0),
    "directed_fraction 5": _set(("task_knobs", "directed_fraction"), 5.0),
    "horizon_targets as text": _set(("task_knobs", "horizon_targets"), "yes"),
    "gate_bias 1e308": _set(("model", "core", "gate_bias"), 1e308),
    "gate_bias NaN": _set(("model", "core", "gate_bias"), float("nan")),
    "gate_bias infinite": _set(("model", "core", "gate_bias"), float("inf")),
    "dropout 2": _set(("model", "core", "dropout"), 2.0),
    "layerscale as text": _set(("model", "core", "layerscale"), "yes"),
    "layerscale_init 0": _set(("model", "core", "layerscale_init"), 0.0),
    "rope_base negative": _set(("model", "core", "rope_base"), -10.0),
    "n_heads does not divide d_model": _set(("model", "core", "n_heads"), 3),
    "d_model fractional": _set(("model", "core", "d_model"), 16.5),
    "vocab_size 10**12": _set(("model", "vocab_size"), 10**12),
    "n_classes zero": _set(("model", "n_classes"), 0),
    "n_roles as text": _set(("model", "n_roles"), "3"),
    "task empty": _set(("model", "task"), ""),
    "n_params negative": _set(("n_params",), -1),
    "sha256 too short": _set(("weights_sha256",), "abc123"),
    "config empty file": lambda d: (d / CONFIG).write_text(""),
    "config null": lambda d: (d / CONFIG).write_text("null"),
    "config symlinked to /dev/zero": lambda d: ((d / CONFIG).unlink(), os.symlink("/dev/zero", d / CONFIG)),
    "weights a FIFO": lambda d: ((d / WEIGHTS).unlink(), os.mkfifo(d / WEIGHTS)),
    "weights truncated, resealed": _truncate,
    "weights header claims a huge tensor": _huge_shape,
    # the stored calibrator of `confidence` (drt_agent.calibration): bounded, every key known
    "calibration weight 1e9": _set(("calibration",), {**_CAL, "logit": 1e9}),
    "calibration weight NaN": _set(("calibration",), {**_CAL, "bias": float("nan")}),
    "calibration unknown key": _set(("calibration",), {**_CAL, "temperature": 2.0}),
    "calibration weight missing": _set(("calibration",), {k: v for k, v in _CAL.items() if k != "excess"}),
    "calibration as text": _set(("calibration",), "identity"),
}


def test_valid_checkpoint_loads(ckpt: Path) -> None:
    loaded = load_checkpoint(ckpt)
    assert loaded.model.n_params() == _config(ckpt)["n_params"]


def test_the_table_is_large() -> None:
    assert len(CASES) >= 51


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_checkpoint_is_refused(ckpt: Path, case: str) -> None:
    CASES[case](ckpt)
    t0 = time.perf_counter()
    with pytest.raises(CheckpointError) as info:
        load_checkpoint(ckpt)
    assert time.perf_counter() - t0 < 2, "refusing a checkpoint must be fast"
    assert "\n" not in str(info.value), "one line"
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
        ("task_knobs nodes 100,000", "task setting nodes must be in [0, 1024], got 100000"),
        ("final_threshold -1", "final_threshold must be in (0, 1), got -1"),
        ("gate_bias 1e308", "core.gate_bias must be in [-30, 30]"),
        ("n_heads does not divide d_model", "n_heads=3 must divide core.d_model=16"),
        ("vocab_size 10**12", "model.vocab_size"),
        ("weights a FIFO", "regular file"),
    ]:
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(ckpt, work)
        CASES[case](work)
        with pytest.raises(CheckpointError, match=re.escape(needle)):
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


# -- atomic saves: a save stopped at any point leaves the previous checkpoint loadable -----------------------------
def _model(seed: int) -> tuple[DRTModel, object]:
    torch.manual_seed(seed)
    task = make_task("graph")
    cfg = ModelConfig(
        "graph", task.vocab_size, task.n_roles, task.n_classes, CoreConfig(d_model=16, n_heads=2, d_ff=32)
    )
    return DRTModel(cfg), task


def _same_weights(a: DRTModel, b: DRTModel) -> bool:
    sa, sb = a.state_dict(), b.state_dict()
    return all(torch.equal(sa[k], sb[k]) for k in sa)


def _leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("where", ["after the weights", "after the config", "at the rename"])
def test_interrupted_save_keeps_the_previous_checkpoint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    import drt_agent.checkpoint as ck

    old, task = _model(1)
    new, _ = _model(2)
    out = save_checkpoint(tmp_path / "ckpt", old, task)
    (out / "notes.txt").write_text("kept")
    real_save, real_text, real_publish = ck.save_file, ck._write_text, ck._publish

    def save_then_die(*args, **kwargs):
        real_save(*args, **kwargs)  # the weights are complete on disk...
        raise KeyboardInterrupt  # ...and the process is stopped before the config

    def text_then_die(*args, **kwargs):
        real_text(*args, **kwargs)
        raise KeyboardInterrupt

    def die(*args, **kwargs):
        raise KeyboardInterrupt

    patch = {"after the weights": ("save_file", save_then_die), "after the config": ("_write_text", text_then_die),
             "at the rename": ("_publish", die)}[where]  # fmt: skip
    monkeypatch.setattr(ck, *patch)
    with pytest.raises(KeyboardInterrupt):
        save_checkpoint(out, new, task)
    monkeypatch.setattr(ck, "save_file", real_save)
    monkeypatch.setattr(ck, "_write_text", real_text)
    monkeypatch.setattr(ck, "_publish", real_publish)
    assert _same_weights(load_checkpoint(out).model, old)  # the previous checkpoint, whole
    assert (out / "notes.txt").read_text() == "kept"
    assert _leftovers(tmp_path) == []  # the half-written copy was removed
    save_checkpoint(out, new, task)  # and the next save replaces it
    assert _same_weights(load_checkpoint(out).model, new)
    assert (out / "notes.txt").read_text() == "kept"  # other files are carried over
    assert _leftovers(tmp_path) == []


KILL_LOOP = """
import sys, torch
sys.path.insert(0, {tests!r})
from test_checkpoint_safety import _model
from drt_agent.checkpoint import save_checkpoint
models = [_model(1), _model(2)]
i = 0
print("ready", flush=True)
while True:
    m, task = models[i % 2]
    save_checkpoint({out!r}, m, task)
    i += 1
"""


@pytest.mark.slow
def test_killed_saves_always_leave_a_whole_checkpoint(tmp_path: Path) -> None:
    """A process saving two models in turn into one directory is SIGKILLed at random moments: every time,
    the directory loads and holds one of the two models exactly."""
    import random
    import subprocess
    import sys

    out = tmp_path / "ckpt"
    models = [_model(1)[0], _model(2)[0]]
    save_checkpoint(out, *_model(1))
    script = KILL_LOOP.format(tests=str(Path(__file__).parent), out=str(out))
    rng = random.Random(0)
    for _ in range(5):
        proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.2, 1.0))
        proc.kill()
        proc.wait()
        loaded = load_checkpoint(out).model
        assert any(_same_weights(loaded, m) for m in models)
    for leftover in tmp_path.glob(
        ".ckpt.*"
    ):  # a kill can leave a hidden temporary copy: never the checkpoint
        assert leftover.name.startswith((".ckpt.tmp-", ".ckpt.old-"))


def test_save_refuses_a_directory_that_is_not_a_checkpoints_own(tmp_path: Path) -> None:
    (tmp_path / "project" / "src").mkdir(parents=True)
    with pytest.raises(CheckpointError, match="other directories"):
        save_checkpoint(tmp_path / "project", *_model(1))
    assert (tmp_path / "project" / "src").is_dir()
    (tmp_path / "file").write_text("x")
    with pytest.raises(CheckpointError, match="not a directory"):
        save_checkpoint(tmp_path / "file", *_model(1))


def test_saved_directory_has_ordinary_permissions(tmp_path: Path) -> None:
    out = save_checkpoint(tmp_path / "ckpt", *_model(1))
    umask = os.umask(0)
    os.umask(umask)
    assert (out.stat().st_mode & 0o777) == (0o777 & ~umask)
