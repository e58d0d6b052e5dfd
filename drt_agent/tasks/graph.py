"""Graph reachability: is the target reachable from the source?

Perceptual interface: one token per node; the source and target are marked by role embeddings; attention is
masked to the graph (a node attends only to its in-neighbours and itself), so one thinking step moves
information exactly one hop. Dense targets: every node's own final state says whether it is reachable.

Generator: a chain of `hops` edges from the source, and a decoy chain of the same length (when the node budget
allows) in a second component, both dressed with tree branches and extra edges that never shorten either chain.
A positive asks for the end of the source's chain, a negative for the end of the decoy chain: one graph
distribution for both labels, so no local statistic separates them; only information that travelled from the
source does.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Any

import numpy as np
import torch

from ..core.sparse import EdgeIndex
from ..domains.graph import Edge, GraphProblem
from ..problems import Answer
from .base import IGNORE, Batch, Task

if TYPE_CHECKING:
    import networkx as nx

ROLE_OTHER, ROLE_SOURCE, ROLE_TARGET = 0, 1, 2
SPARSE_MIN_NODES = 256  # graphs this large are encoded as edge lists: bench/speed.py measured the crossover


def default_nodes(hops: int, max_nodes: int = 160) -> tuple[int, int]:
    """Node-count range for a hop bucket: room for two chains while it fits, else one chain and a shorter decoy."""
    lo = 2 * hops + 2 if 2 * hops + 2 <= max_nodes else hops + 3
    lo = max(lo, 8)
    return lo, min(max(lo + 8, 16), max_nodes)


def _bfs(adj: list[list[int]], start: int) -> list[int]:
    dist = [-1] * len(adj)
    dist[start] = 0
    queue = deque([start])
    while queue:
        u = queue.popleft()
        for v in adj[u]:
            if dist[v] < 0:
                dist[v] = dist[u] + 1
                queue.append(v)
    return dist


def generate_graph(
    rng: np.random.Generator, hops: int, n_nodes: int, directed: bool, positive: bool
) -> tuple[int, np.ndarray, int, int]:
    """One graph: (n_nodes, edges (E, 2) as src->dst, source, target). Node ids are shuffled."""
    if hops < 1:
        raise ValueError("hops must be >= 1")
    if n_nodes < hops + 3:
        raise ValueError(f"{n_nodes} nodes cannot hold a {hops}-hop chain and a decoy; use >= {hops + 3}")
    decoy = min(hops, n_nodes - hops - 2)
    main_nodes = list(range(hops + 1))
    decoy_nodes = list(range(hops + 1, hops + decoy + 2))
    comp = [0] * (hops + 1) + [1] * (decoy + 1)
    edges = [(i, i + 1) for i in range(hops)] + [(decoy_nodes[i], decoy_nodes[i + 1]) for i in range(decoy)]
    members = [list(main_nodes), list(decoy_nodes)]
    for v in range(hops + decoy + 2, n_nodes):  # tree branches: a new leaf never shortens a chain
        c = int(rng.integers(2))
        u = members[c][int(rng.integers(len(members[c])))]
        comp.append(c)
        members[c].append(v)
        edges.append((u, v) if rng.random() < 0.5 else (v, u))

    ends = [(0, hops, hops), (decoy_nodes[0], decoy_nodes[-1], decoy)]

    def chains_intact(edge_list: list[tuple[int, int]]) -> bool:
        out: list[list[int]] = [[] for _ in range(n_nodes)]
        for a, b in edge_list:
            out[a].append(b)
            if not directed:
                out[b].append(a)
        return all(_bfs(out, s)[t] == d for s, t, d in ends)

    present = set(edges) | ({(b, a) for a, b in edges} if not directed else set())
    for _ in range(int(rng.integers(n_nodes // 4, n_nodes // 2 + 1))):
        c = int(rng.integers(2))
        if len(members[c]) < 3:
            continue
        a, b = (int(v) for v in rng.choice(members[c], size=2, replace=False))
        if (a, b) in present:
            continue
        if chains_intact(edges + [(a, b)]):
            edges.append((a, b))
            present.add((a, b))
            if not directed:
                present.add((b, a))

    perm = rng.permutation(n_nodes)
    arr = perm[np.asarray(edges, dtype=np.int64)]
    arr = arr[rng.permutation(len(arr))]
    source = int(perm[0])
    target = int(perm[hops] if positive else perm[decoy_nodes[-1]])
    return n_nodes, arr, source, target


def generate_large_graph(
    rng: np.random.Generator, n_nodes: int, n_edges: int, hops: int, directed: bool, positive: bool
) -> tuple[int, np.ndarray, int, int]:
    """A big graph in O(E log E) time (generate_graph checks each extra edge with a BFS: too slow here).

    Two components, each a BFS-layered graph: every node at level l > 0 hangs off a node at level l - 1, and
    the other edges join levels at most one apart (pointing at most one level down when directed), so no
    edge shortens a path: the target sits exactly `hops` hops from the source (positive) or is unreachable
    (negative: a node at the same level of the decoy component). About n_edges distinct edges; ids shuffled.
    """
    depth = max(2 * hops, hops + 2)  # the graph runs deeper than the question
    if hops < 1 or n_nodes < 2 * (depth + 1):
        raise ValueError(f"need hops >= 1 and n_nodes >= {2 * (depth + 1)} for {hops} hops, got {n_nodes}")
    comp = np.arange(n_nodes) % 2  # component 0 holds the source (node 0), 1 the decoy (root: node 1)
    level = np.zeros(n_nodes, dtype=np.int64)
    level[2 : 2 * depth + 2] = 1 + np.arange(2 * depth) // 2  # every level of both components is occupied
    level[2 * depth + 2 :] = rng.integers(1, depth + 1, size=n_nodes - 2 * depth - 2)
    key = comp * (depth + 1) + level  # (component, level) bucket of every node
    order = np.argsort(key, kind="stable")
    starts = np.searchsorted(key[order], np.arange(2 * (depth + 1) + 1))

    def pick(bucket: np.ndarray) -> np.ndarray:
        """A random node from each requested bucket (every bucket in use is non-empty)."""
        lo, hi = starts[bucket], starts[bucket + 1]
        return order[lo + (rng.random(len(bucket)) * (hi - lo)).astype(np.int64)]

    child = np.arange(2, n_nodes)
    tree = np.stack([pick(key[child] - 1), child], axis=1)  # parent one level up, same component
    u = rng.integers(0, n_nodes, size=int(max(0, n_edges - len(tree)) * 1.2) + 16)
    dl = rng.integers(-1, 2, size=len(u))
    ok = (level[u] + dl >= 0) & (level[u] + dl <= depth)
    u = u[ok]
    v = pick(key[u] + dl[ok])
    extra = np.stack([u, v], axis=1)[u != v]
    edges = np.concatenate([tree, extra])
    canon = np.sort(edges, axis=1) if not directed else edges  # an undirected edge is one edge either way
    _, first = np.unique(canon[:, 0] * n_nodes + canon[:, 1], return_index=True)
    first = np.sort(first)  # keeps every tree edge (they come first), then extras up to the budget
    edges = edges[first[: max(n_edges, len(tree))]]
    target = order[starts[(0 if positive else depth + 1) + hops]]
    perm = rng.permutation(n_nodes)
    arr = perm[edges][rng.permutation(len(edges))]
    return n_nodes, arr, int(perm[0]), int(perm[target])


def problem_from_arrays(
    n_nodes: int, edges: np.ndarray, source: int, target: int, directed: bool
) -> GraphProblem:
    """A typed problem over nodes named n0..n{N-1}, built without re-validation (the arrays are trusted)."""
    return GraphProblem.model_construct(
        domain="graph",
        edges=[Edge.model_construct(src=f"n{a}", dst=f"n{b}") for a, b in edges.tolist()],
        nodes=[f"n{i}" for i in range(n_nodes)],
        directed=directed,
        source=f"n{source}",
        target=f"n{target}",
        negated=False,
    )


def to_arrays(problem: GraphProblem) -> tuple[list[str], np.ndarray, int, int]:
    """Node names, edges as index pairs (E, 2), and the source and target indices."""
    names = problem.node_names()
    index = {name: i for i, name in enumerate(names)}
    flat = (index[name] for e in problem.edges for name in (e.src, e.dst))
    edges = np.fromiter(flat, dtype=np.int64, count=2 * len(problem.edges)).reshape(-1, 2)
    return names, edges, index[problem.source], index[problem.target]


def to_networkx(problem: GraphProblem) -> nx.Graph:
    import networkx as nx  # the exact baseline; imported only where used

    g: nx.Graph = nx.DiGraph() if problem.directed else nx.Graph()
    g.add_nodes_from(problem.node_names())
    g.add_edges_from((e.src, e.dst) for e in problem.edges)
    return g


class GraphTask(Task):
    """Reachability over directed or undirected graphs."""

    complexity_unit = "hops"
    steps_per_unit = 1

    name = "graph"
    vocab_size = 2  # 0 = padding, 1 = node
    n_roles = 3  # other, source, target
    n_classes = 2  # unreachable, reachable

    def __init__(
        self,
        nodes: tuple[int, int] = (8, 16),
        directed_fraction: float = 0.5,
        final_threshold: float = 0.98,
        sparse_min_nodes: int = SPARSE_MIN_NODES,
        horizon_targets: bool = False,
    ) -> None:
        self.nodes = nodes
        # dense targets say "reached within the steps this batch thinks", so that exactly one hop per step is
        # what training asks for (and 1 step already answers 1 hop); False: plain reachability
        self.horizon_targets = horizon_targets
        self.directed_fraction = directed_fraction
        self.final_threshold = final_threshold
        self.sparse_min_nodes = sparse_min_nodes

    def knobs(self) -> dict[str, Any]:
        return {
            "horizon_targets": self.horizon_targets,
            "nodes": list(self.nodes),
            "directed_fraction": self.directed_fraction,
            "final_threshold": self.final_threshold,
        }  # sparse_min_nodes is left out: a property of the kernels and machine, not of the trained weights

    # -- encoding ------------------------------------------------------------------------------------------
    def encode_arrays(
        self,
        graphs: list[tuple[int, np.ndarray, int, int]],
        directed: list[bool],
        with_labels: bool = False,
        within: int | None = None,
        sparse: bool | None = None,
    ) -> Batch:
        """Padded batch; attention structure as a dense (B, L, L) mask, or as an EdgeIndex when `sparse`
        (None: sparse once the largest graph has `sparse_min_nodes` nodes, where O(L^2) work stops paying)."""
        B = len(graphs)
        L = max(g[0] for g in graphs)
        n_nodes = torch.tensor([g[0] for g in graphs])
        tokens = (torch.arange(L)[None, :] < n_nodes[:, None]).long()  # 1 = node, 0 = padding
        roles = torch.zeros(B, L, dtype=torch.long)
        answer = torch.tensor([g[3] for g in graphs], dtype=torch.long)
        rows = torch.arange(B)
        roles[rows, answer] = ROLE_TARGET
        roles[rows, torch.tensor([g[2] for g in graphs], dtype=torch.long)] = ROLE_SOURCE
        if sparse is None:
            sparse = self.sparse_min_nodes <= L
        mask: torch.Tensor | EdgeIndex
        if sparse:
            mask = EdgeIndex.from_graphs([(n, e) for n, e, _, _ in graphs], directed, n_tokens=L)
        else:
            mask = torch.eye(L, dtype=torch.bool).repeat(B, 1, 1)
            parts = [np.asarray(g[1], dtype=np.int64).reshape(-1, 2) for g in graphs]
            counts = torch.tensor([len(e) for e in parts])
            if int(counts.sum()):
                e = torch.from_numpy(np.concatenate(parts))
                b = torch.repeat_interleave(rows, counts)
                undirected = ~torch.tensor(list(directed), dtype=torch.bool)[b]
                mask[b, e[:, 1], e[:, 0]] = True  # dst attends to src: information flows along the edge
                mask[b[undirected], e[undirected, 0], e[undirected, 1]] = True
        labels = None
        if with_labels:
            labels = torch.full((B, L), IGNORE, dtype=torch.long)
            for b, ((n, edges, s, _), d) in enumerate(zip(graphs, directed, strict=True)):
                labels[b, :n] = torch.from_numpy(_reachable(n, edges, s, d, within).astype(np.int64))
        return Batch(
            tokens=tokens, roles=roles, mask=mask, valid=tokens > 0, answer_index=answer, labels=labels
        )

    def encode(self, problems: list[GraphProblem]) -> Batch:
        graphs, directed = [], []
        for p in problems:
            names, edges, s, t = to_arrays(p)
            graphs.append((len(names), edges, s, t))
            directed.append(p.directed)
        return self.encode_arrays(graphs, directed)

    def decode(self, probs: torch.Tensor, problems: list[GraphProblem]) -> list[Answer]:
        return [bool(pr[1] > 0.5) != p.negated for pr, p in zip(probs, problems, strict=True)]

    def answer_targets(
        self, problems: list[GraphProblem], answers: list[Answer]
    ) -> tuple[torch.Tensor, torch.Tensor | None]:
        """Class 1 at the target means "reached": a negated question's answer is flipped back."""
        gold, _ = super().answer_targets(problems, answers)
        flip = torch.tensor([p.negated for p in problems], dtype=torch.long)
        return gold ^ flip, None

    def corpus_batch(self, problems: list[GraphProblem], answers: list[Answer], steps: int) -> Batch:
        """Dense targets as in training (every node: reached or not, within `steps` hops with horizon
        targets); the corpus answers agree with them (corpus.py drops lines the exact solver contradicts)."""
        graphs = [(len(n), e, s, t) for n, e, s, t in map(to_arrays, problems)]
        within = steps if self.horizon_targets else None
        return self.encode_arrays(graphs, [p.directed for p in problems], with_labels=True, within=within)

    def length(self, problem: GraphProblem) -> int:
        return len(problem.node_names())  # one token per node

    def is_final(self, probs: torch.Tensor) -> torch.Tensor:
        # reachability is monotone in thinking steps: once the target is confidently reached it stays reached
        return probs[:, 1] > self.final_threshold

    def step_limit(self, batch: Batch, max_steps: int) -> torch.Tensor:
        # no shortest path is longer than the graph has nodes; per example, so batching never changes an answer
        return (batch.valid.sum(-1) + 4).clamp(max=max_steps)

    def bucket_knobs(self, complexity: int) -> dict[str, Any]:
        return {"nodes": default_nodes(complexity)}

    @classmethod
    def train_defaults(cls) -> dict[str, Any]:
        return {
            "iters": 1500,
            "batch_size": 64,
            "lr": 3e-3,
            "steps": (1, 30),
            "complexity": (1, 5),
            "core": {"d_model": 64, "n_heads": 4, "d_ff": 128, "rope": False},
            "task_knobs": {"horizon_targets": True},
        }

    def exact(self, problem: GraphProblem) -> Answer:
        import networkx as nx

        return nx.has_path(to_networkx(problem), problem.source, problem.target) != problem.negated

    # -- data ----------------------------------------------------------------------------------------------
    def sample(
        self,
        n: int,
        complexity: int | tuple[int, int],
        rng: np.random.Generator,
        nodes: tuple[int, int] | None = None,
        directed: bool | None = None,
        steps: int | None = None,
        **_: Any,
    ) -> tuple[list[GraphProblem], Batch]:
        """n graphs, half positive, with hops fixed or drawn from an inclusive range.

        steps: the thinking steps the batch will be trained with; with `horizon_targets` a node's label is
        whether the source reaches it within that many hops (the answer label stays plain reachability when
        steps is None, as in every evaluation)."""
        lo, hi = (complexity, complexity) if isinstance(complexity, int) else complexity
        graphs, dirs, hop_list = [], [], []
        for i in range(n):
            hops = int(rng.integers(lo, hi + 1))
            n_lo, n_hi = nodes if nodes is not None else self.nodes
            n_lo = max(n_lo, 2 * hops + 2 if 2 * hops + 2 <= n_hi else hops + 3)
            n_nodes = int(rng.integers(n_lo, max(n_lo, n_hi) + 1))
            d = bool(rng.random() < self.directed_fraction) if directed is None else directed
            graphs.append(generate_graph(rng, hops, n_nodes, d, positive=i % 2 == 0))
            dirs.append(d)
            hop_list.append(hops)
        within = steps if self.horizon_targets else None
        batch = self.encode_arrays(graphs, dirs, with_labels=True, within=within)
        batch.complexity = torch.tensor(hop_list)
        problems = [problem_from_arrays(*g, directed=d) for g, d in zip(graphs, dirs, strict=True)]
        return problems, batch


def _reachable(
    n: int, edges: np.ndarray, source: int, directed: bool, within: int | None = None
) -> np.ndarray:
    """Which nodes `source` reaches (within `within` hops if given): breadth-first search, exact."""
    adj: list[list[int]] = [[] for _ in range(n)]
    for a, b in np.asarray(edges, dtype=np.int64).reshape(-1, 2).tolist():
        adj[a].append(b)
        if not directed:
            adj[b].append(a)
    dist = np.asarray(_bfs(adj, source))
    return (dist >= 0) & (dist <= within) if within is not None else dist >= 0
