"""What reading costs: short graph problems as text against the same problems already typed, in one run.

    python bench/reading_speed.py            # 1,024 problems, 5 repeats
    python bench/reading_speed.py --quick    # a few, for tests

Rows: the reader alone (`drt_agent.parsers.read`, ms per problem), the whole text path (`drt_agent.solve_many`
on the texts, what `drt-agent solve --batch` runs: reading, routing, solving, the exact check) and the typed path
(`Reasoner.solve_batch` on the parsed problems), in problems per second, with their ratio. Medians of the
repeats; one CPU thread for the model (the `auto` choice for chunks this small). Compare against the machine's
load, printed first: a busy machine slows every row.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np


def texts(n: int, seed: int = 0) -> list[str]:
    """Short graph problems as people write them: 'a-b, b-c, ... Is a connected to f?' (8-12 nodes)."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        k = int(rng.integers(8, 13))
        names = [f"n{i}" for i in rng.permutation(k)]
        edges = [(names[i], names[int(rng.integers(0, i))]) for i in range(1, k)]
        edges = [edges[i] for i in rng.permutation(len(edges))]
        body = ", ".join(f"{a}-{b}" for a, b in edges)
        out.append(f"{body}. Is {names[0]} connected to {names[int(rng.integers(1, k))]}?")
    return out


def median_time(fn, reps: int) -> tuple[float, float]:
    """Median wall seconds and median CPU seconds of this process (the model runs on one thread here, so on a
    quiet machine the two agree; on a busy one the CPU time is what the work itself costs)."""
    wall, cpu = [], []
    for _ in range(reps):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall), statistics.median(cpu)


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--n", type=int, default=1024)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--out", type=Path, default=Path("runs/reading_speed.json"))
    args = ap.parse_args(argv)
    n, reps = (32, 2) if args.quick else (args.n, args.reps)

    import torch
    from drt_agent.parsers import read

    import drt_agent
    from drt_agent.reasoner import get_reasoner

    items = texts(n)
    typed = [read(t).problem for t in items]
    reasoner = get_reasoner("graph")
    reasoner.solve_batch(typed[:8])  # warm-up: the model is loaded, first calls compiled
    drt_agent.solve_many(items[:8])
    torch.set_num_threads(1)
    read_s, read_cpu = median_time(lambda: [read(t) for t in items], reps)
    text_s, text_cpu = median_time(lambda: drt_agent.solve_many(items), reps)
    typed_s, typed_cpu = median_time(lambda: reasoner.solve_batch(typed), reps)
    res = {
        "command": "python bench/" + " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]),
        "load_before": os.getloadavg(),
        "n": n,
        "read_ms_per_problem": 1000 * read_s / n,
        "text_problems_per_s": n / text_s,
        "typed_problems_per_s": n / typed_s,
        "text_over_typed": typed_s / text_s,
        "cpu": {
            "read_ms_per_problem": 1000 * read_cpu / n,
            "text_problems_per_s": n / text_cpu,
            "typed_problems_per_s": n / typed_cpu,
            "text_over_typed": typed_cpu / text_cpu,
        },
    }
    cpu = res["cpu"]
    print(f"load average {res['load_before'][0]:.1f}; {n} short graph problems, median of {reps}; one thread")
    print(f"{'':21s}{'wall':>10s}{'CPU time':>12s}")
    print(
        f"reading alone        {res['read_ms_per_problem']:8.3f}  {cpu['read_ms_per_problem']:10.3f}  ms per problem"
    )
    print(
        f"text path (--batch)  {res['text_problems_per_s']:8.0f}  {cpu['text_problems_per_s']:10.0f}  problems/s"
    )
    print(
        f"typed path           {res['typed_problems_per_s']:8.0f}  {cpu['typed_problems_per_s']:10.0f}  problems/s"
    )
    print(f"text / typed         {res['text_over_typed']:8.2f}  {cpu['text_over_typed']:10.2f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=2) + "\n")
    return res


if __name__ == "__main__":
    main()
