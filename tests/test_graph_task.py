"""The graph generator and encoder, checked against networkx."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
import torch

from drt_agent.tasks import IGNORE
from drt_agent.tasks.graph import GraphTask, generate_graph, to_networkx


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("hops", [1, 3, 5, 12])
def test_generator_hops_and_labels_are_exact(hops, directed):
    rng = np.random.default_rng(hops)
    for i in range(20):
        positive = i % 2 == 0
        n = 2 * hops + 2 + int(rng.integers(0, 8))
        n_nodes, edges, s, t = generate_graph(rng, hops, n, directed, positive)
        g = nx.DiGraph() if directed else nx.Graph()
        g.add_nodes_from(range(n_nodes))
        g.add_edges_from(edges.tolist())
        if positive:
            assert nx.shortest_path_length(g, s, t) == hops
        else:
            assert not nx.has_path(g, s, t)
            # the decoy target sits at the end of a chain of the same length from some other node
            to_t = nx.single_target_shortest_path_length(g, t) if directed else nx.shortest_path_length(g, t)
            assert max(dict(to_t).values()) >= min(hops, n_nodes - hops - 2)


def test_positive_and_negative_targets_look_alike_locally():
    """Degree of the target (one-step view) has the same distribution for both labels."""
    rng = np.random.default_rng(0)
    deg = {True: [], False: []}
    for i in range(2000):
        positive = i % 2 == 0
        n, edges, s, t = generate_graph(rng, 4, 14, False, positive)
        deg[positive].append(int((edges == t).sum()))
    assert abs(np.mean(deg[True]) - np.mean(deg[False])) < 0.1


def test_sample_labels_match_networkx_reachability():
    task = GraphTask()
    problems, batch = task.sample(32, (1, 5), np.random.default_rng(3))
    for b, p in enumerate(problems):
        g = to_networkx(p)
        names = p.node_names()
        for i, name in enumerate(names):
            assert int(batch.labels[b, i]) == int(nx.has_path(g, p.source, name))
        assert int(batch.labels[b, batch.answer_index[b]]) == int(task.exact(p))
        assert (batch.labels[b, len(names) :] == IGNORE).all()
    assert batch.labels[torch.arange(32), batch.answer_index].float().mean() == 0.5


def test_encoding_masks_in_neighbours_only():
    task = GraphTask()
    from drt_agent.problems import Edge, GraphProblem

    p = GraphProblem(
        edges=[Edge(src="a", dst="b"), Edge(src="b", dst="c")], directed=True, source="a", target="c"
    )
    batch = task.encode([p])
    m = batch.mask[0]
    assert m.tolist() == [[True, False, False], [True, True, False], [False, True, True]]
    undirected = task.encode([p.model_copy(update={"directed": False})]).mask[0]
    assert undirected.tolist() == [[True, True, False], [True, True, True], [False, True, True]]


def test_horizon_targets_label_what_the_steps_can_know():
    """With horizon targets a node is labelled reached iff the source is at most `steps` hops away."""
    task = GraphTask(horizon_targets=True)
    problems, batch = task.sample(24, (2, 5), np.random.default_rng(11), steps=2)
    for b, p in enumerate(problems):
        g = to_networkx(p)
        dist = nx.single_source_shortest_path_length(g, p.source)
        for i, name in enumerate(p.node_names()):
            assert int(batch.labels[b, i]) == int(dist.get(name, 99) <= 2)
    # evaluation (no steps given) keeps plain reachability as the answer label
    problems, batch = task.sample(24, (2, 5), np.random.default_rng(11))
    gold = batch.labels[torch.arange(24), batch.answer_index]
    assert gold.tolist() == [int(task.exact(p)) for p in problems]
