"""How fast is drt-agent, and how does its cost grow with the problem? Side by side with the exact solvers.

    python bench/speed.py                        # full run on the CPU, JSON to docs/results/speed.json
    python bench/speed.py --device cuda          # the same on a GPU (one short script)
    python bench/speed.py --quick                # a small run for tests (seconds), JSON to runs/

Every drt-agent figure is measured on the same generated problems as its baseline (networkx BFS for graphs,
Python evaluation for logic), and reported as a ratio as well as an absolute time. Problems are generated
from fixed seeds; answers are scored against the exact solver. FLOP counts are analytic (matrix products
and attention only) and are set against a large matrix product timed in the same run on the same device.
The machine's load (os.getloadavg) is recorded before and after: on a shared CPU every time is pessimistic.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import torch

from drt_agent.problems import GraphProblem
from drt_agent.reasoner import Reasoner, cpu_threads
from drt_agent.tasks.graph import (
    generate_graph,
    generate_large_graph,
    problem_from_arrays,
    to_networkx,
)

ROOT = Path(__file__).resolve().parent.parent
CLI = str(Path(sys.executable).parent / "drt-agent")
QUESTION = "A-B, B-C, C-F. Is A connected to F?"


# -- measuring ----------------------------------------------------------------------------------------------
def sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def timed(fn: Callable[[], Any], device: torch.device) -> tuple[float, Any]:
    sync(device)
    t = time.perf_counter()
    out = fn()
    sync(device)
    return time.perf_counter() - t, out


def stats_ms(seconds: list[float]) -> dict[str, float]:
    ms = sorted(1000 * s for s in seconds)
    return {
        "median_ms": statistics.median(ms),
        "p95_ms": ms[min(len(ms) - 1, math.ceil(0.95 * len(ms)) - 1)],
        "n": len(ms),
    }


def load() -> list[float]:
    return [round(v, 2) for v in os.getloadavg()]


def matmul_flops(device: torch.device, n: int, reps: int) -> float:
    """FLOP/s of an n x n float32 matrix product: the machine's attainable peak for this comparison."""
    a, b = torch.randn(n, n, device=device), torch.randn(n, n, device=device)
    a @ b
    best = min(timed(lambda: a @ b, device)[0] for _ in range(reps))
    return 2 * n**3 / best


def block_flops(d: int, f: int, tokens: int, attended: int) -> float:
    """Matrix-product FLOPs of one thinking step: per token the re-injection, qkv, output projection, MLP and
    gate (14 d^2 + 4 d f), plus 4 d per attended pair (scores and weighted sum)."""
    return tokens * (14 * d * d + 4 * d * f) + 4 * d * attended


def chunk_flops(r: Reasoner, sizes: list[tuple[int, int]], steps_used: list[int], sparse: bool) -> float:
    """FLOPs of solving problems (nodes, attended pairs incl. self-loops) that think steps_used steps.
    Batches pad to the longest graph: dense attention costs L^2 per example, the sparse path its edges."""
    d, f = r.model.cfg.core.d_model, r.model.cfg.core.d_ff
    L = max(n for n, _ in sizes)
    return sum(
        s * block_flops(d, f, L, pairs if sparse else L * L)
        for (_, pairs), s in zip(sizes, steps_used, strict=True)
    )


def attended_pairs(p: GraphProblem) -> int:
    n = len(p.node_names())
    return n + len(p.edges) * (1 if p.directed else 2)


# -- problems -----------------------------------------------------------------------------------------------
def small_graphs(n: int, seed: int, nodes: int = 20, hops: tuple[int, int] = (1, 5)) -> list[GraphProblem]:
    """Training-sized problems: `nodes` nodes, 1-5 hops, half positive, half directed."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        h = int(rng.integers(hops[0], hops[1] + 1))
        d = bool(rng.random() < 0.5)
        out.append(problem_from_arrays(*generate_graph(rng, h, nodes, d, positive=i % 2 == 0), directed=d))
    return out


def large_graph(nodes: int, edges: int, hops: int, directed: bool, positive: bool, seed: int) -> GraphProblem:
    rng = np.random.default_rng(seed)
    return problem_from_arrays(
        *generate_large_graph(rng, nodes, edges, hops, directed, positive), directed=directed
    )


def nx_answer(p: GraphProblem) -> bool:
    """The exact baseline as a user would run it: build the networkx graph, then BFS (has_path)."""
    return nx.has_path(to_networkx(p), p.source, p.target) != p.negated


# -- sections -----------------------------------------------------------------------------------------------
def single_latency(r: Reasoner, problems: list[GraphProblem]) -> dict[str, Any]:
    """One problem per call, warm (model loaded, caches hot)."""
    for p in problems[:5]:
        r.solve(p, check=False)
    model_t, cpu_t, checked_t, base_t, base_only_t, right, steps = [], [], [], [], [], 0, []
    for p in problems:
        c0 = time.process_time()
        dt, sol = timed(lambda p=p: r.solve(p, check=False), r.device)
        cpu_t.append(time.process_time() - c0)
        model_t.append(dt)
        checked_t.append(timed(lambda p=p: r.solve(p, check=True), r.device)[0])
        dt, truth = timed(lambda p=p: nx_answer(p), torch.device("cpu"))
        base_t.append(dt)
        g = to_networkx(p)
        base_only_t.append(timed(lambda g=g, p=p: nx.has_path(g, p.source, p.target), torch.device("cpu"))[0])
        right += sol.answer == truth
        steps.append(sol.steps_used)
    out = {
        "drt": stats_ms(model_t),
        "drt_cpu_time": stats_ms(cpu_t),  # CPU seconds of this process: what an idle core would take
        "drt_with_exact_check": stats_ms(checked_t),
        "networkx_build_and_bfs": stats_ms(base_t),
        "networkx_bfs_only": stats_ms(base_only_t),
        "accuracy": right / len(problems),
        "mean_steps": statistics.mean(steps),
    }
    out["ratio_drt_to_networkx"] = out["drt"]["median_ms"] / out["networkx_build_and_bfs"]["median_ms"]
    return out


def throughput(
    r: Reasoner, problems: list[GraphProblem], batch: int, peak: float, reps: int
) -> dict[str, Any]:
    """Problems per second when `batch` problems go to solve_batch at once (no exact check)."""
    work = problems[: max(batch, min(len(problems), 256))]  # at least 256 problems, at most what is given
    r.solve_batch(work[:batch], check=False, batch_size=batch)  # warm
    best, best_cpu, sols = math.inf, math.inf, None
    for _ in range(reps):
        c0 = time.process_time()
        dt, sols = timed(lambda: r.solve_batch(work, check=False, batch_size=batch), r.device)
        best, best_cpu = min(best, dt), min(best_cpu, time.process_time() - c0)
    base_dt, truths = timed(lambda: [nx_answer(p) for p in work], torch.device("cpu"))
    assert sols is not None
    flops = sum(
        chunk_flops(
            r,
            [(len(p.node_names()), attended_pairs(p)) for p in work[i : i + batch]],
            [s.steps_used for s in sols[i : i + batch]],
            sparse=False,
        )
        for i in range(0, len(work), batch)
    )
    return {
        "batch": batch,
        "problems": len(work),
        "drt_problems_per_s": len(work) / best,
        "drt_problems_per_cpu_s": len(work) / best_cpu,  # per second of CPU time, all threads together
        "threads": r.threads_for_work(batch * 20),
        "networkx_problems_per_s": len(work) / base_dt,
        "ratio_drt_to_networkx": (len(work) / best) / (len(work) / base_dt),
        "accuracy": sum(s.answer == t for s, t in zip(sols, truths, strict=True)) / len(work),
        "mean_steps": statistics.mean(s.steps_used for s in sols),
        "achieved_gflops": flops / best / 1e9,
        "fraction_of_matmul_peak": flops / best / peak,
    }


def big_query(r: Reasoner, nodes: int, edges: int, hops: int, reps: int) -> list[dict[str, Any]]:
    """The 10-hop question in a 10,000-node, 100,000-edge graph: both directions, both answers."""
    rows = []
    for directed in (False, True):
        for positive in (True, False):
            p = large_graph(nodes, edges, hops, directed, positive, seed=7 + 2 * directed + positive)
            r.solve(p, check=False)  # warm (first sparse call allocates)
            times, sol = [], None
            for _ in range(reps):
                dt, sol = timed(lambda p=p: r.solve(p, check=False), r.device)
                times.append(dt)
            checked_dt, _ = timed(lambda p=p: r.solve(p, check=True), r.device)
            base_dt, truth = timed(lambda p=p: nx_answer(p), torch.device("cpu"))
            g = to_networkx(p)
            bfs_dt, _ = timed(lambda g=g, p=p: nx.has_path(g, p.source, p.target), torch.device("cpu"))
            assert sol is not None
            rows.append(
                {
                    "directed": directed,
                    "positive": positive,
                    "nodes": nodes,
                    "edges": len(p.edges),
                    "answer": sol.answer,
                    "correct": sol.answer == truth,
                    "steps_used": sol.steps_used,
                    "drt_s": min(times),
                    "drt_with_exact_check_s": checked_dt,
                    "networkx_build_and_bfs_s": base_dt,
                    "networkx_bfs_only_s": bfs_dt,
                    "ratio_drt_to_networkx": min(times) / base_dt,
                }
            )
    return rows


def step_time(r: Reasoner, p: GraphProblem | list[GraphProblem], sparse: bool, reps: int) -> float:
    """Seconds for one thinking step on these problems (the core alone: no encoding, readout or halting)."""
    ps = p if isinstance(p, list) else [p]
    batch = r.task.encode_arrays([_arrays(q) for q in ps], [q.directed for q in ps], sparse=sparse).to(
        r.device
    )
    core = r.model.core
    with torch.no_grad(), cpu_threads(r.threads_for(batch)):
        x = r.model.embed(batch)
        h = core.initial_state(x)
        core.step(h, x, batch.mask)
        return min(timed(lambda: core.step(h, x, batch.mask), r.device)[0] for _ in range(reps))


def _arrays(p: GraphProblem) -> tuple[int, np.ndarray, int, int]:
    from drt_agent.tasks.graph import to_arrays

    names, edges, s, t = to_arrays(p)
    return len(names), edges, s, t


def fit(xs: list[float], ys: list[float]) -> dict[str, float]:
    """Least squares y = a + b x, its R^2, and the log-log slope (1 = linear growth)."""
    x, y = np.asarray(xs, float), np.asarray(ys, float)
    b, a = np.polyfit(x, y, 1)
    pred = a + b * x
    r2 = 1 - float(((y - pred) ** 2).sum() / max(((y - y.mean()) ** 2).sum(), 1e-30))
    loglog = float(np.polyfit(np.log(x), np.log(y), 1)[0])
    return {"intercept": float(a), "slope": float(b), "r2": r2, "loglog_slope": loglog}


def scaling_edges(r: Reasoner, nodes: int, edge_counts: list[int], reps: int) -> dict[str, Any]:
    """Time per step on the sparse path as edges grow at a fixed node count (directed graphs)."""
    rows = []
    for e in edge_counts:
        p = large_graph(nodes, e, 8, True, True, seed=e)
        pairs = attended_pairs(p)
        rows.append(
            {
                "nodes": nodes,
                "edges": len(p.edges),
                "attended_pairs": pairs,
                "step_ms": 1000 * step_time(r, p, sparse=True, reps=reps),
            }
        )
    f = fit([row["attended_pairs"] for row in rows], [row["step_ms"] for row in rows])
    return {"rows": rows, "fit_ms_vs_pairs": f, "ns_per_edge_per_step": f["slope"] * 1e6}


def crossover(r: Reasoner, sizes: list[int], batches: list[int], reps: int) -> list[dict[str, Any]]:
    """Dense vs sparse step time for training-like graphs (about 3 edges per node) as they grow: where the
    sparse path starts to pay, which is what the task's sparse_min_nodes threshold should be."""
    rows = []
    for n in sizes:
        for b in batches:
            ps = [
                large_graph(n, 3 * n, max(1, min(8, n // 8 - 1)), False, True, seed=n + i) for i in range(b)
            ]
            dense, sparse = step_time(r, ps, False, reps), step_time(r, ps, True, reps)
            rows.append(
                {
                    "nodes": n,
                    "batch": b,
                    "dense_step_ms": 1000 * dense,
                    "sparse_step_ms": 1000 * sparse,
                    "sparse_over_dense": sparse / dense,
                }
            )
    return rows


def scaling_nodes(
    r: Reasoner, node_counts: list[int], hops: int, reps: int, dense_upto: int
) -> list[dict[str, Any]]:
    """Whole solves as the graph grows (10 edges per node, `hops` deep): drt (auto path), dense path where
    it fits, and networkx."""
    rows = []
    for n in node_counts:
        p = large_graph(n, 10 * n, hops, False, True, seed=n)
        r.solve(p, check=False)
        times, sol = [], None
        for _ in range(reps):
            dt, sol = timed(lambda p=p: r.solve(p, check=False), r.device)
            times.append(dt)
        base_dt, truth = timed(lambda p=p: nx_answer(p), torch.device("cpu"))
        assert sol is not None
        row = {
            "nodes": n,
            "edges": len(p.edges),
            "path": "sparse" if n >= r.task.sparse_min_nodes else "dense",
            "drt_ms": 1000 * min(times),
            "steps_used": sol.steps_used,
            "correct": sol.answer == truth,
            "networkx_ms": 1000 * base_dt,
            "ratio_drt_to_networkx": min(times) / base_dt,
            "sparse_step_ms": 1000 * step_time(r, p, sparse=True, reps=reps),
        }
        if n <= dense_upto:
            row["dense_step_ms"] = 1000 * step_time(r, p, sparse=False, reps=reps)
        rows.append(row)
    return rows


def scaling_hops(r: Reasoner, nodes: int, hop_counts: list[int], reps: int) -> list[dict[str, Any]]:
    """Whole solves as the question gets deeper in a graph of fixed size: `auto` depth follows the hops."""
    rows = []
    for h in hop_counts:
        p = large_graph(nodes, 10 * nodes, h, True, True, seed=100 + h)
        r.solve(p, check=False)
        times, sol = [], None
        for _ in range(reps):
            dt, sol = timed(lambda p=p: r.solve(p, check=False), r.device)
            times.append(dt)
        base_dt, truth = timed(lambda p=p: nx_answer(p), torch.device("cpu"))
        assert sol is not None
        rows.append(
            {
                "nodes": nodes,
                "hops": h,
                "steps_used": sol.steps_used,
                "correct": sol.answer == truth,
                "drt_ms": 1000 * min(times),
                "networkx_ms": 1000 * base_dt,
                "ratio_drt_to_networkx": min(times) / base_dt,
            }
        )
    return rows


def scaling_steps(r: Reasoner, p: GraphProblem, step_counts: list[int], reps: int) -> dict[str, Any]:
    """Whole solves with a fixed number of steps: cost is linear in thinking steps."""
    rows = []
    for s in step_counts:
        r.solve(p, steps=s, check=False)
        dt = min(timed(lambda s=s: r.solve(p, steps=s, check=False), r.device)[0] for _ in range(reps))
        rows.append({"steps": s, "drt_ms": 1000 * dt})
    return {
        "nodes": len(p.node_names()),
        "edges": len(p.edges),
        "rows": rows,
        "fit_ms_vs_steps": fit([row["steps"] for row in rows], [row["drt_ms"] for row in rows]),
    }


def cli_startup(reps: int, model: str, solve: bool = True) -> dict[str, Any]:
    """Cold processes: `drt-agent --help`, `drt-agent solve` on a small graph, and the networkx equivalent;
    plus which heavy modules each one imported."""
    solve_argv = ["solve", QUESTION, "--model", model]

    cpu: dict[str, list[float]] = {}

    def run(argv: list[str], key: str = "") -> float:
        """Wall seconds of one cold process; its CPU seconds (user + system) go to cpu[key]."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, env=_env())
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.setdefault(key, []).append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        return wall

    heavy = ["torch", "torch._dynamo", "networkx", "langchain_core", "spacy", "matplotlib", "mcp", "sympy"]

    def imported(argv: list[str]) -> dict[str, bool]:
        """Run the CLI in a fresh interpreter and report which heavy modules ended up in sys.modules."""
        probe = (
            f"import sys, json, runpy; sys.argv = {argv!r}\n"
            "try:\n    runpy.run_module('drt_agent.cli', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            f"print(json.dumps({{m: m in sys.modules for m in {heavy!r}}}), file=sys.stderr)\n"
        )
        res = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=_env())
        lines = [line for line in res.stderr.splitlines() if line.startswith("{")]
        if not lines:
            raise RuntimeError(f"drt-agent {' '.join(argv)} failed: {res.stderr[-1000:]}")
        return json.loads(lines[-1])

    nx_script = "import networkx as nx; print(nx.has_path(nx.Graph([('A','B'),('B','C'),('C','F')]),'A','F'))"
    out: dict[str, Any] = {
        "runs": reps,
        "help_s": statistics.median(run([CLI, "--help"]) for _ in range(reps)),
        "imported_by_help": imported(["drt-agent", "--help"]),
    }
    if solve:  # each of these pays for `import torch`: seconds on a loaded machine
        out["solve_s"] = statistics.median(run([CLI, *solve_argv], "solve") for _ in range(reps))
        out["networkx_script_s"] = statistics.median(
            run([sys.executable, "-c", nx_script], "nx") for _ in range(reps)
        )
        out["import_torch_alone_s"] = statistics.median(
            run([sys.executable, "-c", "import torch"], "torch") for _ in range(reps)
        )
        # CPU seconds: what the cold start costs on an idle machine (the wall time waits for a shared core)
        out["solve_cpu_s"] = statistics.median(cpu["solve"])
        out["networkx_script_cpu_s"] = statistics.median(cpu["nx"])
        out["import_torch_alone_cpu_s"] = statistics.median(cpu["torch"])
        out["ratio_solve_to_networkx_script"] = out["solve_s"] / out["networkx_script_s"]
        out["imported_by_solve"] = imported(["drt-agent", *solve_argv])
    return out


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def peak_memory(args: argparse.Namespace, scenario: str) -> dict[str, float]:
    """Peak resident memory of a fresh process running one scenario, and its rise over the idle process."""
    cmd = [
        sys.executable,
        __file__,
        "--memory-probe",
        scenario,
        "--model",
        args.model,
        "--device",
        args.device,
    ]
    res = subprocess.run(cmd, capture_output=True, text=True, env=_env())
    if res.returncode:
        return {"error": res.stderr.strip().splitlines()[-1] if res.stderr else "failed"}
    return json.loads(res.stdout.strip().splitlines()[-1])


def memory_probe(args: argparse.Namespace) -> None:
    """Child process of peak_memory: load the model, build the scenario's problems, note the resident size,
    solve, and report the peak and its rise over that: the memory the solve itself needed."""
    r = Reasoner.load(args.model, device=args.device)
    r.solve(small_graphs(1, 0)[0], check=False)
    kind = args.memory_probe
    problems = {
        "single20": lambda: small_graphs(1, 1),
        "batch1024": lambda: small_graphs(1024, 2),
        "big10k": lambda: [large_graph(10_000, 100_000, 10, False, True, seed=7)],
        "networkx10k": lambda: [large_graph(10_000, 100_000, 10, False, True, seed=7)],
    }[kind]()
    idle = _rss_kib("VmRSS")  # resident now; the high-water mark may hold a construction-time spike
    if kind == "networkx10k":
        nx_answer(problems[0])
    else:
        r.solve_batch(problems, check=False, batch_size=len(problems))
    peak = _rss_kib("VmHWM")
    out = {"peak_mib": peak / 1024, "rise_mib": (peak - idle) / 1024}
    if r.device.type == "cuda":
        out["cuda_peak_mib"] = torch.cuda.max_memory_allocated() / 2**20
    print(json.dumps(out))


def _rss_kib(field: str) -> int:
    """VmRSS (resident now) or VmHWM (high-water mark) of this process. VmHWM starts afresh at exec, whereas
    ru_maxrss can carry the forking parent's peak into the child (it showed the benchmark's own 830 MiB)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def logic_section(args: argparse.Namespace, n: int) -> dict[str, Any]:
    """Logic: drt-agent against Python evaluation, if a logic checkpoint is installed."""
    try:
        r = Reasoner.load("logic", device=args.device)
    except Exception as exc:  # no shipped logic model yet: say so, measure the rest
        return {"skipped": f"no logic checkpoint ({type(exc).__name__}: {exc})"[:200]}
    rng = np.random.default_rng(11)
    problems, _ = r.task.sample(n, (1, 4), rng)
    for p in problems[:3]:
        r.solve(p, check=False)
    drt_t, base_t, right = [], [], 0
    for p in problems:
        dt, sol = timed(lambda p=p: r.solve(p, check=False), r.device)
        drt_t.append(dt)
        bt, truth = timed(lambda p=p: r.task.exact(p), torch.device("cpu"))
        base_t.append(bt)
        right += sol.answer == truth
    batch_dt, _ = timed(lambda: r.solve_batch(problems, check=False, batch_size=len(problems)), r.device)
    out = {
        "drt": stats_ms(drt_t),
        "python_eval": stats_ms(base_t),
        "accuracy": right / len(problems),
        "batched_drt_problems_per_s": len(problems) / batch_dt,
        "python_eval_problems_per_s": len(problems) / sum(base_t),
    }
    out["ratio_drt_to_python"] = out["drt"]["median_ms"] / out["python_eval"]["median_ms"]
    return out


# -- main -----------------------------------------------------------------------------------------------------
FULL = {
    "single": 300,
    "batches": [1, 64, 1024],
    "pool": 1024,
    "reps": 3,
    "big": (10_000, 100_000),
    "edge_sweep": (10_000, [20_000, 50_000, 100_000, 200_000, 400_000]),
    "crossover": ([32, 64, 128, 256, 512, 1024], [1, 16]),
    "node_sweep": ([100, 300, 1_000, 3_000, 10_000], 10, 3_000),  # node counts, hops, dense path up to
    "hop_sweep": (1_000, [2, 4, 8, 16, 32, 64]),
    "step_sweep": (1_000, [1, 2, 4, 8, 16, 32, 64]),
    "logic": 200,
    "cli_runs": 5,
}
QUICK = {
    "single": 10,
    "batches": [1, 8, 64],
    "pool": 64,
    "reps": 1,
    "big": (1_000, 5_000),
    "edge_sweep": (1_000, [2_000, 4_000, 8_000]),
    "crossover": ([32, 128], [1, 4]),
    "node_sweep": ([100, 300], 4, 300),
    "hop_sweep": (200, [2, 4]),
    "step_sweep": (300, [1, 2, 4]),
    "logic": 10,
    "cli_runs": 1,
}


def reading_section(quick: bool, folder: Path) -> dict[str, Any]:
    """What reading text costs beside solving typed problems: bench/reading_speed.py, run in this process."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from reading_speed import main as reading_speed

    return reading_speed([*(["--quick"] if quick else []), "--out", str(folder / "reading_speed.json")])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--device", default="cpu", help="cpu, cuda, cuda:N or auto")
    ap.add_argument("--model", default="graph", help="graph checkpoint: shipped name or directory")
    ap.add_argument("--quick", action="store_true", help="small sizes, for tests")
    ap.add_argument(
        "--out",
        type=Path,
        default=None,
        help="JSON file (default docs/results/speed_<device>.json; with --quick runs/speed_<device>_quick.json)",
    )
    ap.add_argument("--threads", default="auto", help="CPU threads per solve: a number or 'auto'")
    ap.add_argument("--memory-probe", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--markdown", type=Path, default=None, help="print a result JSON's tables as Markdown")
    args = ap.parse_args()
    if args.markdown:
        print(markdown(json.loads(args.markdown.read_text())))
        return
    if args.memory_probe:
        memory_probe(args)
        return
    quick = args.quick
    z = QUICK if quick else FULL
    threads: int | str = args.threads if args.threads == "auto" else int(args.threads)
    wall0 = time.perf_counter()
    r = Reasoner.load(args.model, device=args.device, threads=threads)  # type: ignore[arg-type]
    device = r.device
    res: dict[str, Any] = {
        "command": " ".join(["python", *sys.argv]),
        "device": str(device),
        "device_name": torch.cuda.get_device_name(device) if device.type == "cuda" else _cpu_name(),
        "cpu_count": os.cpu_count(),
        "torch_threads": torch.get_num_threads(),
        "threads_setting": threads,
        "torch": torch.__version__,
        "model": str(r.loaded.path),
        "model_params": r.model.n_params(),
        "model_weights_sha256": r.loaded.config.get("weights_sha256"),
        "sparse_min_nodes": r.task.sparse_min_nodes,
        "load_before": load(),
        "seeds": "numpy default_rng seeds fixed in bench/speed.py",
    }

    def show(title: str) -> None:
        print(f"\n== {title}  (load {load()[0]})", flush=True)

    # the machine's attainable FLOP/s: a large matrix product, with all threads and with one
    n_mm = 1024 if quick else 2048
    res["matmul_peak_gflops"] = matmul_flops(device, n_mm, 3) / 1e9
    with cpu_threads(1 if device.type == "cpu" else None):
        res["matmul_peak_gflops_1_thread"] = matmul_flops(device, n_mm, 3) / 1e9
    show(
        f"large matmul: {res['matmul_peak_gflops']:.1f} GFLOP/s ({res['torch_threads']} threads), "
        f"{res['matmul_peak_gflops_1_thread']:.1f} GFLOP/s (1 thread)"
    )

    res["single"] = s = single_latency(r, small_graphs(z["single"], seed=1))
    show("warm single solve, 20 nodes, 1-5 hops (median / p95 ms)")
    for name, key in (
        ("drt-agent", "drt"),
        ("drt-agent CPU time", "drt_cpu_time"),
        ("drt-agent + check", "drt_with_exact_check"),
        ("networkx build+BFS", "networkx_build_and_bfs"),
        ("networkx BFS only", "networkx_bfs_only"),
    ):
        print(f"{name:19s} {s[key]['median_ms']:8.3f} / {s[key]['p95_ms']:8.3f}")
    print(
        f"accuracy {s['accuracy']:.3f}, mean steps {s['mean_steps']:.1f}, "
        f"drt/networkx(build+BFS) = {s['ratio_drt_to_networkx']:.1f}x"
    )

    # batch 1 runs at one thread; the matmul peak compared against is the one with the threads used
    pool = small_graphs(z["pool"], seed=2)
    res["throughput"] = []
    for b in z["batches"]:
        peak_b = res[
            "matmul_peak_gflops_1_thread" if r.threads_for_work(b * 20) == 1 else "matmul_peak_gflops"
        ]
        res["throughput"].append(throughput(r, pool, b, peak_b * 1e9, z["reps"]))
    show("batched throughput, 20 nodes (problems/s)")
    print("batch threads  drt-agent  per CPU-s   networkx   drt/nx  accuracy  steps  GFLOP/s  of matmul peak")
    for row in res["throughput"]:
        print(
            f"{row['batch']:5d} {row['threads']!s:7} {row['drt_problems_per_s']:10.0f} "
            f"{row['drt_problems_per_cpu_s']:10.0f} {row['networkx_problems_per_s']:10.0f} "
            f"{row['ratio_drt_to_networkx']:8.2f} {row['accuracy']:9.3f} {row['mean_steps']:6.1f} "
            f"{row['achieved_gflops']:8.2f} {row['fraction_of_matmul_peak']:8.1%}"
        )

    big_n, big_e = z["big"]
    res["big_query"] = big_query(r, big_n, big_e, 10, z["reps"])
    show(f"10 hops deep in {big_n:,} nodes / {big_e:,} edges (seconds)")
    print("directed positive answer correct steps   drt_s  +check_s  nx_build+bfs_s  nx_bfs_s  drt/nx")
    for row in res["big_query"]:
        print(
            f"{row['directed']!s:8} {row['positive']!s:8} {row['answer']!s:6} {row['correct']!s:7} "
            f"{row['steps_used']:5d} {row['drt_s']:7.3f} {row['drt_with_exact_check_s']:9.3f} "
            f"{row['networkx_build_and_bfs_s']:15.3f} {row['networkx_bfs_only_s']:9.4f} "
            f"{row['ratio_drt_to_networkx']:7.1f}"
        )

    n_e, edge_counts = z["edge_sweep"]
    res["step_vs_edges"] = sve = scaling_edges(r, n_e, edge_counts, 2 * z["reps"] + 1)
    f = sve["fit_ms_vs_pairs"]
    show("sparse path: time per step vs edges (directed)")
    for row in sve["rows"]:
        print(
            f"nodes {row['nodes']:6d}  edges {row['edges']:7d}  attended pairs {row['attended_pairs']:7d}  "
            f"{row['step_ms']:8.2f} ms/step"
        )
    print(
        f"fit: {sve['ns_per_edge_per_step']:.1f} ns per edge per step + {f['intercept']:.2f} ms, "
        f"R^2 {f['r2']:.3f}, log-log slope {f['loglog_slope']:.2f} (1 = linear)"
    )

    sizes, cross_batches = z["crossover"]
    res["crossover"] = crossover(r, sizes, cross_batches, 2 * z["reps"] + 1)
    show(
        f"dense vs sparse step (3 edges per node; the task switches to sparse at {r.task.sparse_min_nodes} nodes)"
    )
    for row in res["crossover"]:
        print(
            f"nodes {row['nodes']:5d}  batch {row['batch']:3d}  dense {row['dense_step_ms']:8.2f} ms  "
            f"sparse {row['sparse_step_ms']:8.2f} ms  sparse/dense {row['sparse_over_dense']:5.2f}"
        )

    node_counts, hops, dense_upto = z["node_sweep"]
    res["vs_nodes"] = scaling_nodes(r, node_counts, hops, z["reps"], dense_upto)
    show(f"whole solve vs nodes ({hops} hops, 10 edges per node, undirected)")
    print("nodes   edges  path    drt_ms  steps  correct  networkx_ms  drt/nx  sparse_step_ms  dense_step_ms")
    for row in res["vs_nodes"]:
        print(
            f"{row['nodes']:5d} {row['edges']:7d}  {row['path']:6} {row['drt_ms']:8.1f} {row['steps_used']:6d}  "
            f"{row['correct']!s:7} {row['networkx_ms']:11.1f} {row['ratio_drt_to_networkx']:7.1f} "
            f"{row['sparse_step_ms']:15.2f} {row.get('dense_step_ms', float('nan')):14.2f}"
        )

    n_h, hop_counts = z["hop_sweep"]
    res["vs_hops"] = scaling_hops(r, n_h, hop_counts, z["reps"])
    show(f"whole solve vs hops ({n_h:,} nodes, 10 edges per node, directed)")
    for row in res["vs_hops"]:
        print(
            f"hops {row['hops']:3d}  steps {row['steps_used']:3d}  correct {row['correct']!s:5}  "
            f"drt {row['drt_ms']:8.1f} ms  networkx {row['networkx_ms']:7.2f} ms  "
            f"drt/nx {row['ratio_drt_to_networkx']:6.1f}"
        )

    n_s, step_counts = z["step_sweep"]
    res["vs_steps"] = vs = scaling_steps(
        r, large_graph(n_s, 10 * n_s, 8, True, True, seed=3), step_counts, z["reps"]
    )
    f = vs["fit_ms_vs_steps"]
    show(f"whole solve vs fixed steps ({n_s:,} nodes, {10 * n_s:,} edges)")
    print("  ".join(f"{row['steps']}: {row['drt_ms']:.1f} ms" for row in vs["rows"]))
    print(
        f"fit: {f['slope']:.2f} ms per step + {f['intercept']:.2f} ms, R^2 {f['r2']:.3f}, "
        f"log-log slope {f['loglog_slope']:.2f}"
    )

    res["logic"] = logic_section(args, z["logic"])
    show("logic: drt-agent vs Python evaluation")
    print(json.dumps(res["logic"], indent=1))

    show("reading: short graph texts, the reader alone, the text path and the typed path (one thread)")
    res["reading"] = reading_section(quick, ROOT / "runs")

    res["cli_startup"] = c = cli_startup(z["cli_runs"], args.model, solve=not quick)
    show("cold start (seconds, median)")
    print(
        f"drt-agent --help {c['help_s']:.2f}; imported: {[m for m, v in c['imported_by_help'].items() if v]}"
    )
    if "solve_s" in c:
        print(
            f"drt-agent solve {c['solve_s']:.2f}   networkx script {c['networkx_script_s']:.2f}   "
            f"import torch alone {c['import_torch_alone_s']:.2f}"
        )
        print(
            f"CPU seconds: drt-agent solve {c['solve_cpu_s']:.2f}   networkx script {c['networkx_script_cpu_s']:.2f}"
            f"   import torch alone {c['import_torch_alone_cpu_s']:.2f}"
        )
        print(f"imported by solve: {[m for m, v in c['imported_by_solve'].items() if v]}")

    if not quick:  # a fresh process per scenario, so one scenario's high-water mark cannot hide another's
        res["peak_memory"] = {
            k: peak_memory(args, k) for k in ("single20", "batch1024", "big10k", "networkx10k")
        }
        show("peak resident memory of a fresh process (MiB: peak, rise over the idle loaded process)")
        for k, v in res["peak_memory"].items():
            print(f"{k:12s} {v}")

    res["load_after"] = load()
    res["wall_s"] = time.perf_counter() - wall0
    # a quick run is a smoke test: it never replaces the committed full results unless --out says so
    default = ROOT / "runs" / f"speed_{device.type}_quick.json" if quick else None
    out = args.out or default or ROOT / "docs" / "results" / f"speed_{device.type}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2, default=str) + "\n")
    print(
        f"\nwall {res['wall_s']:.0f} s; load before {res['load_before']}, after {res['load_after']}; wrote {out}"
    )


def markdown(res: dict[str, Any]) -> str:
    """The run's tables as Markdown (for docs/results/speed.md): `python bench/speed.py --markdown FILE.json`."""
    out: list[str] = []

    def table(head: list[str], rows: list[list[Any]]) -> None:
        out.append("| " + " | ".join(head) + " |")
        out.append("|" + "---|" * len(head))
        out.extend("| " + " | ".join(str(c) for c in row) + " |" for row in rows)
        out.append("")

    s = res["single"]
    out.append(
        f"Load before {res['load_before']}, after {res['load_after']}; {res['device_name']}, torch "
        f"{res['torch']}; weights {str(res.get('model_weights_sha256'))[:12]}...; wall {res['wall_s']:.0f} s.\n"
    )
    out.append("**Warm single solve** (20 nodes, 1-5 hops, ms)\n")
    table(
        ["", "median", "p95"],
        [
            [name, f"{s[k]['median_ms']:.3f}", f"{s[k]['p95_ms']:.3f}"]
            for name, k in (
                ("drt-agent", "drt"),
                ("drt-agent, CPU time", "drt_cpu_time"),
                ("drt-agent + exact check", "drt_with_exact_check"),
                ("networkx build + BFS", "networkx_build_and_bfs"),
                ("networkx BFS only", "networkx_bfs_only"),
            )
        ],
    )
    out.append(
        f"accuracy {s['accuracy']:.3f}; mean steps {s['mean_steps']:.1f}; drt / networkx {s['ratio_drt_to_networkx']:.0f}x\n"
    )
    out.append("**Batched throughput** (20 nodes, problems/s)\n")
    table(
        [
            "batch",
            "threads",
            "drt-agent",
            "per CPU-second",
            "networkx",
            "drt / nx",
            "mean steps",
            "GFLOP/s",
            "of matmul peak",
        ],
        [
            [
                t["batch"],
                t["threads"],
                f"{t['drt_problems_per_s']:,.0f}",
                f"{t['drt_problems_per_cpu_s']:,.0f}",
                f"{t['networkx_problems_per_s']:,.0f}",
                f"{t['ratio_drt_to_networkx']:.3f}",
                f"{t['mean_steps']:.1f}",
                f"{t['achieved_gflops']:.2f}",
                f"{t['fraction_of_matmul_peak']:.1%}",
            ]
            for t in res["throughput"]
        ],
    )
    out.append(
        f"matmul peak: {res['matmul_peak_gflops']:.1f} GFLOP/s ({res['torch_threads']} threads), "
        f"{res['matmul_peak_gflops_1_thread']:.1f} GFLOP/s (1 thread)\n"
    )
    out.append("**10 hops deep** (seconds)\n")
    table(
        [
            "directed",
            "target reachable",
            "answer",
            "correct",
            "steps",
            "drt-agent",
            "+ exact check",
            "networkx build+BFS",
            "BFS only",
            "drt / nx",
        ],
        [
            [
                b["directed"],
                b["positive"],
                b["answer"],
                b["correct"],
                b["steps_used"],
                f"{b['drt_s']:.3f}",
                f"{b['drt_with_exact_check_s']:.3f}",
                f"{b['networkx_build_and_bfs_s']:.3f}",
                f"{b['networkx_bfs_only_s']:.4f}",
                f"{b['ratio_drt_to_networkx']:.1f}",
            ]
            for b in res["big_query"]
        ],
    )
    e = res["step_vs_edges"]
    out.append("**Sparse path, one step vs edges**\n")
    table(
        ["nodes", "edges", "attended pairs", "ms per step"],
        [
            [r["nodes"], f"{r['edges']:,}", f"{r['attended_pairs']:,}", f"{r['step_ms']:.1f}"]
            for r in e["rows"]
        ],
    )
    f = e["fit_ms_vs_pairs"]
    out.append(
        f"fit: {f['intercept']:.1f} ms + {e['ns_per_edge_per_step']:.0f} ns x attended pairs, R^2 {f['r2']:.3f}\n"
    )
    out.append("**Dense vs sparse step** (ms)\n")
    table(
        ["nodes", "batch", "dense", "sparse", "sparse / dense"],
        [
            [
                c["nodes"],
                c["batch"],
                f"{c['dense_step_ms']:.2f}",
                f"{c['sparse_step_ms']:.2f}",
                f"{c['sparse_over_dense']:.2f}",
            ]
            for c in res["crossover"]
        ],
    )
    out.append("**Whole solve vs nodes**\n")
    table(
        [
            "nodes",
            "edges",
            "path",
            "drt-agent ms",
            "steps",
            "correct",
            "networkx ms",
            "drt / nx",
            "sparse step ms",
            "dense step ms",
        ],
        [
            [
                n["nodes"],
                f"{n['edges']:,}",
                n["path"],
                f"{n['drt_ms']:.1f}",
                n["steps_used"],
                n["correct"],
                f"{n['networkx_ms']:.1f}",
                f"{n['ratio_drt_to_networkx']:.1f}",
                f"{n['sparse_step_ms']:.2f}",
                f"{n['dense_step_ms']:.2f}" if "dense_step_ms" in n else "-",
            ]
            for n in res["vs_nodes"]
        ],
    )
    out.append("**Whole solve vs hops**\n")
    table(
        ["nodes", "hops", "steps", "correct", "drt-agent ms", "networkx ms", "drt / nx"],
        [
            [
                h["nodes"],
                h["hops"],
                h["steps_used"],
                h["correct"],
                f"{h['drt_ms']:.1f}",
                f"{h['networkx_ms']:.1f}",
                f"{h['ratio_drt_to_networkx']:.1f}",
            ]
            for h in res["vs_hops"]
        ],
    )
    v = res["vs_steps"]
    out.append(
        f"**Fixed steps** ({v['nodes']:,} nodes, {v['edges']:,} edges): "
        + ", ".join(f"{r['steps']}: {r['drt_ms']:.1f} ms" for r in v["rows"])
        + f"; fit {v['fit_ms_vs_steps']['slope']:.2f} ms per step + {v['fit_ms_vs_steps']['intercept']:.1f} ms, "
        f"R^2 {v['fit_ms_vs_steps']['r2']:.3f}\n"
    )
    lg = res.get("logic", {})
    if "drt" in lg:
        out.append(
            f"**Logic**: drt-agent {lg['drt']['median_ms']:.2f} ms median (p95 {lg['drt']['p95_ms']:.2f}), Python "
            f"evaluation {lg['python_eval']['median_ms']:.3f} ms ({lg['ratio_drt_to_python']:.0f}x); batched "
            f"{lg['batched_drt_problems_per_s']:,.0f}/s vs {lg['python_eval_problems_per_s']:,.0f}/s; accuracy "
            f"{lg['accuracy']:.3f}\n"
        )
    rd = res.get("reading")
    if rd is not None:
        out.append(
            f"**Reading** ({rd['n']} short graph texts, one thread; load {rd['load_before'][0]:.1f})\n"
        )
        cpu = rd["cpu"]
        table(
            ["", "wall", "CPU time"],
            [
                ["reader alone, ms per problem", f"{rd['read_ms_per_problem']:.3f}", f"{cpu['read_ms_per_problem']:.3f}"],
                ["text path (`--batch`), problems/s", f"{rd['text_problems_per_s']:,.0f}", f"{cpu['text_problems_per_s']:,.0f}"],
                ["typed path, problems/s", f"{rd['typed_problems_per_s']:,.0f}", f"{cpu['typed_problems_per_s']:,.0f}"],
                ["text / typed", f"{rd['text_over_typed']:.2f}", f"{cpu['text_over_typed']:.2f}"],
            ],
        )  # fmt: skip
    c = res["cli_startup"]
    if "solve_s" in c:
        out.append(f"**Cold start** (median of {c['runs']})\n")
        table(
            ["", "wall s", "CPU s"],
            [
                ["drt-agent --help", f"{c['help_s']:.2f}", "-"],
                ["drt-agent solve", f"{c['solve_s']:.2f}", f"{c['solve_cpu_s']:.2f}"],
                [
                    "import torch alone",
                    f"{c['import_torch_alone_s']:.2f}",
                    f"{c['import_torch_alone_cpu_s']:.2f}",
                ],
                ["networkx script", f"{c['networkx_script_s']:.2f}", f"{c['networkx_script_cpu_s']:.2f}"],
            ],
        )
    if "peak_memory" in res:
        out.append("**Peak memory** (MiB, fresh process per scenario)\n")
        table(
            ["scenario", "peak RSS", "rise"],
            [
                [k, f"{m.get('peak_mib', 0):.0f}", f"{m.get('rise_mib', 0):.0f}"]
                for k, m in res["peak_memory"].items()
            ],
        )
    return "\n".join(out)


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


if __name__ == "__main__":
    main()
