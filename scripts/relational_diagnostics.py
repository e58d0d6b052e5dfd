"""Diagnostics behind docs/results/relational.md (not product code).

python scripts/relational_diagnostics.py offsets relational-paper --chain 8 --steps 32
    per-person accuracy by distance from the anchor and by |generation offset| >= 6 (paper protocol)
python scripts/relational_diagnostics.py flipped relational-paper --steps 20
    accuracy when half the chain facts are stated from their other side ("Y is the child of X")
python scripts/relational_diagnostics.py errors relational --chain 1 --steps 20
    where wrong answers come from: open vs yes/no, and whether the subject's own mention was right
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict, deque

import numpy as np
import torch

from drt_agent.checkpoint import load_checkpoint
from drt_agent.core import DepthPolicy
from drt_agent.problems import Fact
from drt_agent.tasks.relational import MENTION, generation_offsets, solve_exact


def fact_distance(p) -> dict[str, int]:
    adj: dict[str, set[str]] = defaultdict(set)
    for f in p.facts:
        adj[f.subject].add(f.object)
        adj[f.object].add(f.subject)
    dist, queue = {p.object: 0}, deque([p.object])
    while queue:
        u = queue.popleft()
        for v in adj[u] - dist.keys():
            dist[v] = dist[u] + 1
            queue.append(v)
    return dist


def offsets(ld, chain: int, steps: int, n: int) -> None:
    task = ld.task
    problems, batch = task.sample(n, chain, np.random.default_rng(7))
    with torch.no_grad():
        pred = ld.model(batch, steps)[-1].argmax(-1)
    acc: dict[tuple[int, bool], list[int]] = defaultdict(list)
    for i, p in enumerate(problems):
        toks, _, ents, _, kind, people = task._layout(p, None)
        offs, dist = generation_offsets(p.facts, p.object), fact_distance(p)
        names = {j: name for name, j in people.items()}
        for j in range(len(toks)):
            name = names.get(ents[j])
            if kind[j] == MENTION and offs.get(name) is not None:
                acc[(dist[name], abs(offs[name]) >= 6)].append(int(pred[i, j] == batch.labels[i, j]))
    print("facts from anchor, |offset| >= 6: mentions, accuracy")
    for key in sorted(acc):
        print(key, len(acc[key]), round(float(np.mean(acc[key])), 3))


def flipped(ld, steps: int, n: int) -> None:
    task, rng = ld.task, np.random.default_rng(5)
    inverse = {"parent": "child", "child": "parent", "sibling": "sibling"}
    for chain in (3, 5, 7):
        problems, _ = task.sample(n, chain, rng)
        turned = []
        for p in problems:
            facts = [
                Fact.model_construct(subject=f.object, relation=inverse[f.relation], object=f.subject)
                if rng.random() < 0.5
                else f
                for f in p.facts
            ]
            turned.append(p.model_copy(update={"facts": facts}))
        res = ld.model.solve(task.encode(turned), DepthPolicy(steps=max(steps, 2 * chain + 6)))
        answers = task.decode(res.probs, turned)
        print(
            chain,
            round(float(np.mean([a == solve_exact(p) for a, p in zip(answers, turned, strict=True)])), 3),
        )


def errors(ld, chain: int, steps: int, n: int) -> None:
    task = ld.task
    problems, batch = task.sample(n, chain, np.random.default_rng([1234, chain]))
    answers = task.decode(ld.model.solve(batch, DepthPolicy(steps=steps)).probs, problems)
    with torch.no_grad():
        pred = ld.model(batch, steps)[-1].argmax(-1)
    kinds: Counter[tuple[str, bool]] = Counter()
    for i, (p, a) in enumerate(zip(problems, answers, strict=True)):
        j = int((batch.roles[i] == 1).nonzero()[0])  # the subject's mention in the question
        if a != solve_exact(p):
            kinds[("open" if p.relation is None else "yes/no", bool(pred[i, j] == batch.labels[i, j]))] += 1
    right = np.mean([a == solve_exact(p) for a, p in zip(answers, problems, strict=True)])
    print(
        "accuracy", round(float(right), 3), "errors by (question kind, subject mention right):", dict(kinds)
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["offsets", "flipped", "errors"])
    ap.add_argument("model")
    ap.add_argument("--chain", type=int, default=8)
    ap.add_argument("--steps", type=int, default=32)
    ap.add_argument("--n", type=int, default=300)
    args = ap.parse_args()
    torch.set_num_threads(1)
    ld = load_checkpoint(args.model)
    if args.what == "offsets":
        offsets(ld, args.chain, args.steps, args.n)
    elif args.what == "flipped":
        flipped(ld, args.steps, args.n)
    else:
        errors(ld, args.chain, args.steps, args.n)


if __name__ == "__main__":
    main()
