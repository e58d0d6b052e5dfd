"""Does the model's own halting rule decide the depth, with the parser's cap taken away? Logic and kinship.

    python bench/halting.py --only logic --n 300 --out docs/results/halting_logic.json
    python bench/halting.py --only relational --out docs/results/halting_relational.json
    python bench/halting.py --quick          # a small run for tests (seconds), JSON to runs/

Shipped `auto` on logic and relational text stops at a bound the parser computes (parse-tree height + 4; two
steps per fact + 8), and in practice that bound, not the convergence rule, ends every solve (`stopped_by` =
"cap"). Here every problem thinks to a loose safety bound (`--bound`, default 128 steps, the same for all) and
each halting rule is applied to the recorded steps: an example's dynamics do not depend on the rest of its batch
(tests/test_batching.py), so stopping it at step t gives the answer its step-t state holds. Rules:

- `state`: DepthPolicy's settle="state" (largest per-token relative state change < state_tol and the answer
  token's distribution change < readout_tol, for `patience` consecutive steps, or the task's own "final" signal);
- `task-final`: the task's final signal alone (a kinship model trained with `pending` says when the subject's
  relation has arrived; graph reachability's "reached" is monotone); never fires for a task without one;
- `readout-answer`: the answer token's distribution alone settles (< readout_tol for `patience` steps);
- `readout-all`: every watched token's readout settles (largest change over the tokens that carry targets,
  `Batch.watch`, < readout_tol for `patience` steps): with dense targets every such token holds its own answer
  (a node's value, a person's relation), so this asks whether anything in the problem is still being worked out.
  DepthPolicy's settle="readouts", logic's rule.
- `answer-in`: the answer token's readout names an answer (`Task.answered`: kinship's subject holds a relation,
  not the "other" it holds until the anchor's relations reach it) and moves < readout_tol, for `patience` steps.
  DepthPolicy's settle="answer", the relational tasks' rule since this session.

"shipped `auto`" is the task's own rule (`Task.settle`, plus its final signal) under its own cap
(`Task.step_limit`: a bound from the story for kinship, a token-count safety bound for logic and graphs).

Per complexity bucket: the steps the problem needs (Task.needed_steps: logic the parse-tree height, kinship 2 per
fact of the chain + 2), per rule the median steps used, how many halted before the bound, accuracy at that step;
accuracy at the shipped (capped) `auto` and at a fixed 3x the needed steps; compute (steps summed) against the
fixed budget of 3x the needed steps. Accuracy is the network's own answer against the exact solver. Logic
problems are half the paper's nested generator, half flat chains with stacked `not` (the training mix).
Must-show (issue 15): median steps_used <= needed + 2 and accuracy at auto >= accuracy at 3x needed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

from drt_agent.core import DepthPolicy
from drt_agent.core.halting import _relative_change
from drt_agent.problems import LogicProblem
from drt_agent.reasoner import Reasoner

ROOT = Path(__file__).resolve().parent.parent
SEED = 3
BUCKETS = {
    "logic": [1, 2, 4, 6, 8, 10, 12],
    "relational": [1, 2, 3, 4, 5, 6, 8],
    "relational-paper": [2, 3, 4, 5, 6, 8, 10],
}
RULES = ("state", "task-final", "readout-answer", "readout-all", "answer-in")
# the rule each task setting ships (`Task.settle`)
SHIPPED_RULE = {"state": "state", "readouts": "readout-all", "answer": "answer-in"}


@torch.no_grad()
def record(r: Reasoner, problems: list[Any], bound: int) -> dict[str, np.ndarray]:
    """Think `bound` steps; per step and example: the answer's correctness and the settling signals."""
    task, model = r.task, r.model
    batch = task.encode(problems)
    truth = [task.exact(p) for p in problems]
    rows = torch.arange(len(problems))
    valid = batch.valid
    watched = valid if batch.watch is None else batch.watch & valid  # what the readouts rule watches
    right, d_state, d_answer, d_all, final, answered = [], [], [], [], [], []
    prev_all = None
    for th in model.unroll(batch):
        all_p = F.softmax(model.readout(th.h), dim=-1)  # (B, L, C): every token's readout
        ans_p = all_p[rows, batch.answer_index]
        right.append([a == t for a, t in zip(task.decode(ans_p, problems), truth, strict=True)])
        final.append(task.is_final(ans_p).tolist())
        named = task.answered(ans_p)
        answered.append([True] * len(problems) if named is None else named.tolist())
        if prev_all is not None:
            d_state.append(_relative_change(th.h, th.h_prev, ~valid).tolist())
            change = (all_p - prev_all).abs().amax(-1)
            d_all.append(change.masked_fill(~watched, 0.0).amax(-1).tolist())
            d_answer.append(change[rows, batch.answer_index].tolist())
        else:  # step 1: nothing to compare with
            inf = [float("inf")] * len(problems)
            d_state.append(inf)
            d_all.append(inf)
            d_answer.append(inf)
        prev_all = all_p
        if th.t >= bound:
            break
    return {
        "right": np.array(right).T,  # (B, bound): right after step t+1
        "state": np.array(d_state).T,
        "answer": np.array(d_answer).T,
        "all": np.array(d_all).T,
        "final": np.array(final, dtype=bool).T,
        "answered": np.array(answered, dtype=bool).T,
    }


def halt_steps(
    sig: dict[str, np.ndarray], rule: str, policy: DepthPolicy, caps: np.ndarray | None = None
) -> np.ndarray:
    """Per example, the step (1-based) at which `rule` stops it (the bound, or its cap, if it never settles)."""
    B, T = sig["right"].shape
    final = sig["final"] if rule in ("state", "task-final") else np.zeros_like(sig["final"])
    if rule == "state":
        settled = (sig["state"] < policy.state_tol) & (sig["answer"] < policy.readout_tol)
    elif rule == "task-final":
        settled = np.zeros_like(final)
    elif rule == "readout-answer":
        settled = sig["answer"] < policy.readout_tol
    elif rule == "answer-in":
        settled = (sig["answer"] < policy.readout_tol) & sig["answered"]
    else:
        settled = sig["all"] < policy.readout_tol
    out = np.full(B, T)
    for b in range(B):
        calm = 0
        for t in range(T):
            calm = calm + 1 if settled[b, t] else 0
            if (calm >= policy.patience or final[b, t]) and t + 1 >= policy.min_steps:
                out[b] = t + 1
                break
    return out if caps is None else np.minimum(out, caps)


def bucket_row(r: Reasoner, c: int, n: int, bound: int, policy: DepthPolicy) -> dict[str, Any]:
    rng = np.random.default_rng(SEED + c)
    if r.task.name == "logic":  # half nested (the paper's generator), half flat chains with stacked `not`
        problems = [
            LogicProblem.model_construct(
                domain="logic",
                expression=r.task._one(rng, c, want=i % 2 == 0, min_len=0, flat=i % 4 >= 2),
                variables={},
            )
            for i in range(n)
        ]
    else:
        problems, _ = r.task.sample(n, c, rng, **r.task.bucket_knobs(c))
    needed = np.array([r.task.needed_steps(p) or 1 for p in problems])
    sig = record(r, problems, bound)
    right = sig["right"]
    at = lambda steps: float(right[np.arange(len(steps)), np.minimum(steps, bound) - 1].mean())  # noqa: E731
    caps = r.task.step_limit(r.task.encode(problems), bound)
    caps = np.asarray(caps.tolist() if isinstance(caps, torch.Tensor) else [caps] * len(problems))
    shipped = halt_steps(sig, SHIPPED_RULE[r.task.settle], policy, caps)
    row: dict[str, Any] = {
        "complexity": c,
        "n": n,
        "needed_median": float(np.median(needed)),
        "acc_shipped_auto": at(shipped),
        "shipped_steps_median": float(np.median(shipped)),
        "shipped_capped": int((shipped == caps).sum()),
        "shipped_steps_sum": int(shipped.sum()),
        "acc_3x_needed": at(3 * needed),
        "steps_sum_3x": int((3 * needed).sum()),
        "acc_bound": float(right[:, -1].mean()),
    }
    for rule in RULES:
        steps = halt_steps(sig, rule, policy)
        row[rule] = {
            "steps_median": float(np.median(steps)),
            "halted": int((steps < bound).sum()),
            "accuracy": at(steps),
            "steps_sum": int(steps.sum()),
            "median_within_needed_plus_2": bool(np.median(steps) <= np.median(needed) + 2),
        }
    return row


def markdown(data: dict[str, Any]) -> str:
    """The per-bucket table of a results JSON."""
    out = []
    for name, rows in data["results"].items():
        out += [
            "",
            f"#### `{name}` (loose bound {data['bound']} steps; {rows[0]['n']} problems per bucket)",
            "",
            "| complexity | needed (median) | state rule: median steps, halted, accuracy | task-final | "
            "readout-answer | readout-all | answer-in | shipped `auto` (its rule, its cap): accuracy, median steps | "
            "fixed 3x needed: accuracy | compute / 3x budget: shipped `auto`, readout-all |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for r in rows:
            cells = [
                f"{r[k]['steps_median']:g}, {r[k]['halted']}/{r['n']}, {r[k]['accuracy']:.3f}"
                if k in r
                else "-"
                for k in RULES
            ]
            out.append(
                f"| {r['complexity']} | {r['needed_median']:g} | " + " | ".join(cells) + f" | "
                f"{r['acc_shipped_auto']:.3f}, {r['shipped_steps_median']:g} | {r['acc_3x_needed']:.3f} | "
                f"{r['shipped_steps_sum'] / r['steps_sum_3x']:.2f}, "
                f"{r['readout-all']['steps_sum'] / r['steps_sum_3x']:.2f} |"
            )
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--only", nargs="*", default=list(BUCKETS), help="checkpoints: shipped names or directories"
    )
    ap.add_argument("--n", type=int, default=100, help="problems per bucket")
    ap.add_argument("--buckets", default=None, help="complexities, e.g. 6,8 (default: the domain's list)")
    ap.add_argument("--bound", type=int, default=128, help="the loose safety bound, steps")
    ap.add_argument("--state-tol", type=float, default=DepthPolicy.state_tol)
    ap.add_argument("--readout-tol", type=float, default=DepthPolicy.readout_tol)
    ap.add_argument("--patience", type=int, default=DepthPolicy.patience)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--out", default=None)
    ap.add_argument("--markdown", default=None, help="print the tables of a results JSON and stop")
    args = ap.parse_args(argv)
    if args.markdown:
        print(markdown(json.loads(Path(args.markdown).read_text())), end="")
        return 0
    torch.set_num_threads(1)
    policy = DepthPolicy(state_tol=args.state_tol, readout_tol=args.readout_tol, patience=args.patience)
    if args.quick:
        args.n, args.bound = 8, 24
    results = {}
    for name in args.only:
        r = Reasoner.load(name, device="cpu", threads=1)
        buckets = BUCKETS[r.task.name][:2] if args.quick else BUCKETS[r.task.name]
        if args.buckets:
            buckets = [int(c) for c in args.buckets.split(",")]
        rows = []
        for c in buckets:
            t0 = time.time()
            row = bucket_row(r, c, args.n, args.bound, policy)
            row["seconds"] = round(time.time() - t0, 1)
            rows.append(row)
            rules = " | ".join(
                f"{rule}: {row[rule]['steps_median']:g} steps, halted {row[rule]['halted']}, acc {row[rule]['accuracy']:.3f}"
                for rule in RULES
            )
            print(
                f"{name} c={c} needed {row['needed_median']:g}: {rules} || shipped auto {row['acc_shipped_auto']:.3f} "
                f"({row['shipped_steps_median']:g} steps) | 3x needed {row['acc_3x_needed']:.3f}",
                flush=True,
            )
        results[name] = rows
    default = ROOT / (
        "runs/halting_quick.json" if args.quick else f"docs/results/halting_{'_'.join(args.only)}.json"
    )
    out = Path(args.out) if args.out else default
    out.parent.mkdir(parents=True, exist_ok=True)
    command = " ".join(["python bench/halting.py", *(argv if argv is not None else sys.argv[1:])])
    policy_out = {
        "state_tol": policy.state_tol,
        "readout_tol": policy.readout_tol,
        "patience": policy.patience,
    }
    out.write_text(
        json.dumps(
            {"command": command, "policy": policy_out, "bound": args.bound, "results": results}, indent=1
        )
        + "\n"
    )
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
