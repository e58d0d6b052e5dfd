"""Start-up: the CLI imports only what a command needs, and a process loads each checkpoint once."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import drt_agent.reasoner as reasoner_mod
from drt_agent import api

GRAPH_MODEL = os.environ.get("DRT_TEST_GRAPH_CHECKPOINT", "graph")
OPTIONAL_HEAVY = ["langchain_core", "spacy", "matplotlib", "mcp", "torch._dynamo", "sympy"]


def imported_by(argv: list[str]) -> tuple[dict[str, bool], str]:
    """Run `drt-agent argv...` in a fresh interpreter; which modules did it import, and what did it print?"""
    watch = ["torch", "networkx", *OPTIONAL_HEAVY]
    probe = (
        f"import sys, json, runpy; sys.argv = {['drt-agent', *argv]!r}\n"
        "try:\n    runpy.run_module('drt_agent.cli', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        f"print(json.dumps({{m: m in sys.modules for m in {watch!r}}}), file=sys.stderr)\n"
    )
    res = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    return json.loads(res.stderr.strip().splitlines()[-1]), res.stdout


def test_help_imports_neither_torch_nor_optional_extras() -> None:
    mods, out = imported_by(["--help"])
    assert "solve" in out
    assert not any(mods.values()), {m for m, v in mods.items() if v}


def test_solve_imports_neither_networkx_nor_optional_extras() -> None:
    mods, out = imported_by(["solve", "A-B, B-C, C-F. Is A connected to F?", "--model", GRAPH_MODEL])
    assert "answer: yes" in out
    assert mods["torch"] and not mods["networkx"]
    assert not any(mods[m] for m in OPTIONAL_HEAVY), {m for m in OPTIONAL_HEAVY if mods[m]}


def test_checkpoint_loads_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reasoner_mod, "_cache", {})
    loads: list[str] = []
    real = reasoner_mod.load_checkpoint

    def counting(name, *args, **kwargs):
        loads.append(str(name))
        return real(name, *args, **kwargs)

    monkeypatch.setattr(reasoner_mod, "load_checkpoint", counting)
    first = api.solve("A-B, B-C. Is A connected to C?", model=GRAPH_MODEL, device="cpu")
    second = api.solve("A-B, C-D. Is A connected to D?", model=GRAPH_MODEL, device="cpu")
    many = api.solve_many(
        ["A-B. Is A connected to B?", "X-Y, Y-Z. Is X connected to Z?"], model=GRAPH_MODEL, device="cpu"
    )
    assert (first.answer, second.answer, [s.answer for s in many]) == (True, False, [True, True])
    assert loads == [GRAPH_MODEL]
    assert reasoner_mod.get_reasoner(GRAPH_MODEL, "cpu") is reasoner_mod.get_reasoner(GRAPH_MODEL, "cpu")


def test_auto_device_picks_what_torch_sees() -> None:
    import torch

    from drt_agent.errors import DrtError

    assert reasoner_mod.pick_device("auto").type == ("cuda" if torch.cuda.is_available() else "cpu")
    assert reasoner_mod.pick_device("cpu").type == "cpu"
    with pytest.raises(DrtError, match="device"):
        reasoner_mod.pick_device("no-such-device")
    if not torch.cuda.is_available():
        with pytest.raises(DrtError, match="no CUDA"):
            reasoner_mod.pick_device("cuda")


def test_bfs_check_agrees_with_networkx() -> None:
    """The exact check of every solve is a plain BFS (so no networkx import): same answers, same path lengths."""
    import networkx as nx
    import numpy as np

    from drt_agent.domains.graph import shortest_path
    from drt_agent.tasks.graph import _reachable, generate_graph, problem_from_arrays, to_networkx

    rng = np.random.default_rng(0)
    for i in range(60):
        directed = bool(i % 2)
        n, e, s, t = generate_graph(rng, int(rng.integers(1, 8)), 20, directed, positive=i % 4 < 2)
        p = problem_from_arrays(n, e, s, t, directed)
        g = to_networkx(p)
        path = shortest_path(p)
        if nx.has_path(g, p.source, p.target):
            assert path is not None and len(path) - 1 == nx.shortest_path_length(g, p.source, p.target)
            assert path[0] == p.source and path[-1] == p.target
            assert all(g.has_edge(a, b) for a, b in zip(path, path[1:], strict=False))
        else:
            assert path is None
        reach = nx.descendants(g, f"n{s}") if directed else nx.node_connected_component(g, f"n{s}")
        assert set(np.flatnonzero(_reachable(n, e, s, directed))) == {int(v[1:]) for v in reach} | {s}
