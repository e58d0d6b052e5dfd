"""Accuracy at fixed thinking steps per nesting depth, for a logic checkpoint (quick ablation scoring).

    python scripts/logic_quickeval.py CHECKPOINT [N] [DEPTHS] [STEPS]
    python scripts/logic_quickeval.py runs/logic/abl_base 200 2,8,14,20 8,16,24,48

Fresh problems from `sample_bucket(task, depth, N, seed=999)`, scored against the exact evaluator.
"""

from __future__ import annotations

import sys
import time

import torch

from drt_agent.checkpoint import load_checkpoint
from drt_agent.evaluate import accuracy_by_steps, sample_bucket


def main(argv: list[str]) -> None:
    torch.set_num_threads(1)
    ck = argv[0]
    n = int(argv[1]) if len(argv) > 1 else 100
    depths = [int(x) for x in (argv[2] if len(argv) > 2 else "2,4,8,10,14,20").split(",")]
    steps = [int(x) for x in (argv[3] if len(argv) > 3 else "8,16,24,32,48,64,96").split(",")]
    loaded = load_checkpoint(ck)
    print(ck, loaded.config.get("train_seconds"), loaded.config.get("final_loss"))
    for d in depths:
        t0 = time.time()
        _, batch = sample_bucket(loaded.task, d, n, 999)
        acc = accuracy_by_steps(loaded.model, batch, steps)
        print(d, " ".join(f"{s}:{a:.3f}" for s, a in acc.items()), f"({time.time() - t0:.0f}s)", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
