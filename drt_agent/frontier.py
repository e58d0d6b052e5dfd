"""The computational frontier: accuracy over thinking steps x complexity, written as JSON, CSV and a heatmap.

A second panel shows the depth the `auto` policy chose against complexity.
"""

from __future__ import annotations

import csv
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .checkpoint import load_checkpoint
from .errors import DrtError
from .evaluate import accuracy_by_steps, evaluate_auto, sample_bucket

CHANCE = 0.5  # every shipped domain answers yes/no with balanced labels


@dataclass
class Frontier:
    model: str
    domain: str
    steps: list[int]
    complexities: list[int]
    n: int
    seed: int
    train_range: list[int]
    grid: list[list[float]]  # grid[i][j] = accuracy at complexities[i], steps[j]
    auto: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    knobs: dict[str, Any] = field(default_factory=dict)
    diagonal: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


def compute_frontier(
    model: str,
    steps: list[int],
    complexities: list[int],
    n: int = 500,
    seed: int = 1234,
    with_auto: bool = True,
    progress: bool = True,
    **knobs: Any,
) -> Frontier:
    """Score `model` on fresh problems for every (complexity, steps) cell."""
    from tqdm.auto import tqdm

    loaded = load_checkpoint(model)
    t0 = time.time()
    grid, auto = [], []
    for c in tqdm(complexities, desc="frontier", disable=not progress):
        _, batch = sample_bucket(loaded.task, c, n, seed, **knobs)
        acc = accuracy_by_steps(loaded.model, batch, steps)
        grid.append([round(acc[s], 4) for s in steps])
        if with_auto:
            auto.append(evaluate_auto(loaded.model, loaded.task, batch, c).to_dict())
    training = loaded.config.get("training", {})
    return Frontier(
        model=str(model),
        domain=loaded.task.name,
        steps=list(steps),
        complexities=list(complexities),
        n=n,
        seed=seed,
        train_range=list(training.get("complexity", [])),
        grid=grid,
        auto=auto,
        seconds=round(time.time() - t0, 1),
        knobs={k: v for k, v in knobs.items() if v is not None},
    )


def follow_diagonal(
    model: str, complexities: list[int], n: int = 500, seed: int = 1234, progress: bool = True, **knobs: Any
) -> list[dict[str, Any]]:
    """Accuracy one step short of the complexity, exactly at it, and at three times it (graphs: steps = hops)."""
    from tqdm.auto import tqdm

    loaded = load_checkpoint(model)
    rows = []
    for c in tqdm(complexities, desc="diagonal", disable=not progress):
        _, batch = sample_bucket(loaded.task, c, n, seed, **knobs)
        steps = sorted({max(1, c - 1), c, 3 * c})
        acc = accuracy_by_steps(loaded.model, batch, steps)
        rows.append(
            {
                "complexity": c,
                "nodes": [int(batch.valid.sum(-1).min()), int(batch.valid.sum(-1).max())],
                "acc_one_short": acc[max(1, c - 1)] if c > 1 else None,
                "acc_at_c": acc[c],
                "acc_at_3c": acc[3 * c],
            }
        )
    return rows


def write_frontier(fr: Frontier, out_dir: str | Path, plot: bool = True) -> list[Path]:
    """frontier.json, frontier.csv and (with matplotlib) frontier.png in out_dir."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "frontier.json", out / "frontier.csv"]
    paths[0].write_text(json.dumps(fr.to_dict(), indent=2) + "\n")
    with open(paths[1], "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["complexity", *[f"steps_{s}" for s in fr.steps]])
        for c, row in zip(fr.complexities, fr.grid, strict=True):
            w.writerow([c, *row])
    if fr.diagonal:
        with open(out / "diagonal.csv", "w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(
                [
                    "complexity",
                    "nodes_min",
                    "nodes_max",
                    "acc_one_step_short",
                    "acc_at_complexity",
                    "acc_at_3x",
                ]
            )
            for r in fr.diagonal:
                w.writerow([r["complexity"], *r["nodes"], r["acc_one_short"], r["acc_at_c"], r["acc_at_3c"]])
        paths.append(out / "diagonal.csv")
    if plot:
        paths.append(plot_frontier(fr, out / "frontier.png"))
    return paths


def plot_frontier(fr: Frontier, path: Path) -> Path:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise DrtError(
            "drawing the heatmap needs matplotlib: pip install 'drt-agent[plot]' (or pass --no-plot)"
        ) from None
    import numpy as np

    grid = np.asarray(fr.grid)
    from .tasks import task_class

    unit = task_class(fr.domain)
    label = unit.complexity_unit
    panels = 2 if fr.auto else 1
    fig, axes = plt.subplots(1, panels, figsize=(6.5 + 4.5 * (panels - 1), 0.42 * len(fr.complexities) + 2.2))
    axes = np.atleast_1d(axes)
    ax = axes[0]
    im = ax.imshow(grid, cmap="viridis", vmin=0.0, vmax=1.0, aspect="auto")
    ax.set_xticks(range(len(fr.steps)), [str(s) for s in fr.steps])
    ax.set_yticks(range(len(fr.complexities)), [str(c) for c in fr.complexities])
    ax.set_xlabel("thinking steps")
    ax.set_ylabel(label)
    for i in range(grid.shape[0]):
        for j in range(grid.shape[1]):
            v = grid[i, j]
            ax.text(
                j, i, f"{v:.2f}", ha="center", va="center", fontsize=7, color="white" if v < 0.75 else "black"
            )
    if fr.train_range:
        lo, hi = fr.train_range
        inside = [i for i, c in enumerate(fr.complexities) if lo <= c <= hi]
        if inside:
            ax.axhspan(
                inside[0] - 0.5,
                inside[-1] + 0.5,
                fill=False,
                edgecolor="red",
                lw=2,
                label=f"trained: {lo}-{hi}",
            )
            ax.legend(loc="upper right", fontsize=7, framealpha=0.8)
    cbar = fig.colorbar(im, ax=ax, fraction=0.04)
    cbar.set_label(f"accuracy (chance = {CHANCE:.2f})")
    cbar.ax.axhline(CHANCE, color="white", lw=2)
    ax.set_title(
        f"{fr.domain}: accuracy over steps x {label}\n({fr.n} fresh problems per cell, seed {fr.seed})",
        fontsize=9,
    )
    if fr.auto:
        ax2 = axes[1]
        xs = [a["complexity"] for a in fr.auto]
        ax2.plot(xs, [a["median_steps"] for a in fr.auto], "o-", label="median steps, all problems")
        pos = [
            (a["complexity"], a["median_steps_positive"])
            for a in fr.auto
            if a["median_steps_positive"] is not None
        ]
        if pos:
            ax2.plot(*zip(*pos, strict=True), "s--", label="median steps, 'yes' answers")
        if unit.steps_per_unit is not None:  # the steps the task needs, where it is known exactly
            ax2.plot(xs, [unit.steps_per_unit * x for x in xs], ":", color="grey", label=f"steps = {label}")
        ax2.set_xlabel(label)
        ax2.set_ylabel("steps chosen by auto")
        ax2.set_xscale("log", base=2)
        ax2.set_yscale("log", base=2)
        ax2.legend(fontsize=7)
        ax2.set_title("auto depth against complexity", fontsize=9)
        for a in fr.auto:
            ax2.annotate(
                f"{a['accuracy']:.3f}",
                (a["complexity"], a["median_steps"]),
                fontsize=6,
                xytext=(3, -9),
                textcoords="offset points",
            )
    fig.tight_layout()
    fig.savefig(path, dpi=130)
    plt.close(fig)
    return path
