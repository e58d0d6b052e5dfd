"""Kinship depth diagnostics and evaluation behind docs/results/relational_depth.md (not product code).

python scripts/kinship_depth.py eval MODEL [--facts 1,2,3,4,5,6,7,8,10] [--n 500] [--fixed 60]
    the model's own answer (task.decode, as `model_answer`) against solve_exact on fresh seeded stories,
    open and yes/no together, at auto depth and at a fixed depth
python scripts/kinship_depth.py diag MODEL --facts 8 --steps 40
    per-mention accuracy of the dense targets by the person's kinship key and by fact distance from the anchor,
    and how often each key is a (reached) target in training batches of 1-4 facts
python scripts/kinship_depth.py fit MODEL
    how well the model fits its own training batches (1-4 facts, 40 steps, the stored task settings): per-mention
    accuracy by the anchor's start key (anchor_key: "self", a shallow key, a key 3+ generations deep), and the
    subject mention's
python scripts/kinship_depth.py errors MODEL --facts 8,10
    the wrong answers at auto depth on the eval stories, by the true kinship key of the question's pair
python scripts/kinship_depth.py ceiling - --n 500
    no model: the share of eval stories whose term a per-fact rule over term classes gets right (a term such as
    'first cousin once removed' names two keys, b2.3 and b3.2, whose children differ)
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict, deque

import numpy as np
import torch
from relational_diagnostics import fact_distance  # a sibling script: facts from the anchor

from drt_agent.checkpoint import load_checkpoint
from drt_agent.core import DepthPolicy
from drt_agent.domains.relational import kin_keys, solve_exact
from drt_agent.tasks.relational import MENTION, kinship_problem


def stories(k: int, n: int, seed: int = 1234) -> list:
    rng = np.random.default_rng([seed, k, 7919])
    return [kinship_problem(rng, k) for _ in range(n)]


def solve(ld, batch, steps: int | None = None):
    """`steps` thinking steps, or the shipped `auto`: the task's own settling rule under its own cap."""
    task = ld.task
    if steps is not None:
        return ld.model.solve(batch, DepthPolicy(steps=steps))
    policy = DepthPolicy(steps=None, max_steps=task.step_limit(batch, 512), settle=task.settle)
    return ld.model.solve(batch, policy, is_final=task.is_final, answered=task.answered)


@torch.no_grad()
def accuracy(ld, problems: list, steps: int | None, chunk: int = 250) -> float:
    task, right = ld.task, 0
    for s in range(0, len(problems), chunk):
        part = problems[s : s + chunk]
        res = solve(ld, task.encode(part), steps)
        answers = task.decode(res.probs, part)
        right += sum(a == solve_exact(p) for a, p in zip(answers, part, strict=True))
    return right / len(problems)


def evaluate(ld, facts: list[int], n: int, fixed: int) -> dict:
    out = {}
    for k in facts:
        probs = stories(k, n)
        t = time.time()
        out[k] = {"auto": accuracy(ld, probs, None), f"fixed{fixed}": accuracy(ld, probs, fixed)}
        print(k, out[k], f"{time.time() - t:.0f}s", flush=True)
    return out


@torch.no_grad()
def diag(ld, k: int, steps: int, n: int) -> None:
    task = ld.task
    probs = stories(k, n, seed=99)
    batch = task.encode(probs, with_labels=True)
    pred = ld.model(batch, steps)[-1].argmax(-1)
    by_key: dict[str, list[int]] = defaultdict(list)
    by_dist: dict[int, list[int]] = defaultdict(list)
    for i, p in enumerate(probs):
        toks, _, ents, _, kind, people = task._layout(p, None)
        keys, dist = kin_keys(p.facts, p.object), fact_distance(p)
        names = {j: name for name, j in people.items()}
        for j in range(len(toks)):
            name = names.get(ents[j])
            if kind[j] == MENTION and name in dist:
                ok = int(pred[i, j] == batch.labels[i, j])
                by_key[keys.get(name, "other")].append(ok)
                by_dist[dist[name]].append(ok)
    # how often each key is a reached target in training batches (1-4 facts, horizon within the batch's steps)
    seen: Counter[str] = Counter()
    for it in range(200):
        rng = np.random.default_rng([0, it, 1])
        st = int(rng.integers(2, 41))
        ps, _ = task.sample(32, (1, 4), rng, steps=st)
        for p in ps:
            toks, _, ents, _, kind, people = task._layout(p, None)
            keys = kin_keys(p.facts, p.object)
            names = {j: name for name, j in people.items()}
            for name in {names[e] for e, kd in zip(ents, kind, strict=True) if kd == MENTION}:
                seen[keys.get(name, "other")] += 1
    print(f"{k} facts, {steps} steps: per-mention accuracy by fact distance from the anchor")
    for d in sorted(by_dist):
        print(f"  d={d}: n={len(by_dist[d])} acc={np.mean(by_dist[d]):.3f}")
    print("by key: n, accuracy, people with this key in 200 training batches")
    for key in sorted(by_key, key=lambda x: (-len(by_key[x]), x)):
        print(f"  {key}: n={len(by_key[key])} acc={np.mean(by_key[key]):.3f} train={seen[key]}")


@torch.no_grad()
def fit(ld, batches: int = 40) -> None:
    from drt_agent.tasks.relational import IGNORE, ROLE_ANCHOR, START_KEYS

    task = ld.task
    acc: dict[str, list[float]] = defaultdict(list)
    subj: dict[str, list[int]] = defaultdict(list)
    for it in range(batches):
        ps, b = task.sample(32, (1, 4), np.random.default_rng([5, it]), steps=40)
        pred = ld.model(b, 40)[-1].argmax(-1)
        for i in range(len(ps)):
            s = int(b.roles[i].max()) - ROLE_ANCHOR
            key = START_KEYS[s]
            deep = key.startswith("b") and max(int(x) for x in key[1:].split(".")) >= 3
            group = "self" if s == 0 else "deep" if deep else "shallow"
            m = b.labels[i] != IGNORE
            acc[group].append((pred[i][m] == b.labels[i][m]).float().mean().item())
            j = int(b.answer_index[i])
            subj[group].append(int(pred[i, j] == b.labels[i, j]))
    for g, v in acc.items():
        print(
            f"start {g}: stories={len(v)} mentions right={np.mean(v):.3f} subject right={np.mean(subj[g]):.3f}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["eval", "diag", "fit", "errors", "ceiling"])
    ap.add_argument("model")
    ap.add_argument("--facts", default="1,2,3,4,5,6,7,8,10")
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--fixed", type=int, default=60)
    ap.add_argument("--steps", type=int, default=40)
    ap.add_argument("--out")
    args = ap.parse_args()
    torch.set_num_threads(1)
    facts = [int(v) for v in args.facts.split(",")]
    if args.what == "ceiling":  # no model: the best a per-fact rule over term classes can do
        term_state_ceiling(facts, args.n)
        return
    ld = load_checkpoint(args.model)
    if args.what == "eval":
        res = evaluate(ld, facts, args.n, args.fixed)
        if args.out:
            with open(args.out, "w") as fh:
                json.dump({"model": args.model, "n": args.n, "results": res}, fh, indent=1)
    elif args.what == "fit":
        fit(ld)
    elif args.what == "errors":
        for k in facts:
            errors_by_key(ld, k, args.n)
    else:
        for k in facts:
            diag(ld, k, args.steps, args.n)


@torch.no_grad()
def errors_by_key(ld, k: int, n: int) -> None:
    """Which answers are wrong at auto depth: per true key of (subject, anchor), wrong / asked."""
    task, problems = ld.task, stories(k, n)
    batch = task.encode(problems)
    res = solve(ld, batch)
    asked: dict[str, int] = {}
    wrong: dict[str, int] = {}
    for p, a in zip(problems, task.decode(res.probs, problems), strict=True):
        key = kin_keys(p.facts, p.object).get(p.subject, "other")
        asked[key] = asked.get(key, 0) + 1
        wrong[key] = wrong.get(key, 0) + (a != solve_exact(p))
    print(f"{k} facts: {sum(wrong.values())} wrong of {n}")
    for key in sorted(asked, key=lambda x: -wrong[x]):
        if wrong[key]:
            print(f"  {key}: {wrong[key]} / {asked[key]}")


def term_state_ceiling(facts_list=(1, 2, 3, 4, 5, 6, 7, 8, 10), n: int = 500) -> None:
    """Share of eval stories a per-fact rule over *terms* gets right: each hop composes kin_step from the key
    its term names (KEY_OF_TERM: 'first cousin once removed' -> b2.3, though b3.2 has the same term)."""
    from drt_agent.domains.relational import KEY_OF_TERM, _moves, kin_step, term_for

    def canon(key: str) -> str:
        return key if key in ("self", "other") else KEY_OF_TERM[term_for(key, None)]

    for k in facts_list:
        right = 0
        for p in stories(k, n):
            adj, keys = _moves(p.facts), {p.object: "self"}
            queue = deque([p.object])
            while queue:
                u = queue.popleft()
                for v, moves in adj.get(u, []):
                    if v not in keys:
                        key = keys[u]
                        for m in moves:
                            key = kin_step(canon(key), m)
                        keys[v] = key
                        queue.append(v)
            exact = kin_keys(p.facts, p.object).get(p.subject, "other")
            right += term_for(keys.get(p.subject, "other"), None) == term_for(exact, None)
        print(f"{k} facts: a per-fact rule on term classes names the right term in {right / n:.3f}")


if __name__ == "__main__":
    main()
