"""Where the generic halting rule stops on the shipped logic checkpoint when the task's cap is lifted.

python scripts/logic_halt.py        # 100 problems per depth, seed 4321, rule capped at 120 steps
"""

from __future__ import annotations

import statistics

import torch

from drt_agent.checkpoint import load_checkpoint
from drt_agent.core import DepthPolicy
from drt_agent.evaluate import sample_bucket


def main() -> None:
    torch.set_num_threads(1)
    loaded = load_checkpoint("logic")
    for d in [2, 8, 14]:
        _, batch = sample_bucket(loaded.task, d, 100, 4321)
        cap = loaded.task.step_limit(batch, 512)
        res = loaded.model.solve(batch, DepthPolicy(steps=None, max_steps=120), is_final=loaded.task.is_final)
        used = res.steps_used.tolist()
        acc = (res.probs.argmax(-1) == batch.labels[:, 0]).float().mean().item()
        print(
            f"depth {d}: cap {cap}; rule alone: median {statistics.median(used)} steps, "
            f"{sum(x < cap for x in used)} of 100 stop before the cap, {sum(x == 120 for x in used)} never stop "
            f"by 120; acc {acc:.3f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
