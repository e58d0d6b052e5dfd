"""The sparse (edge-list) attention path computes what the dense masked path computes, and scales to big graphs."""

from __future__ import annotations

import os

import numpy as np
import pytest
import torch

from drt_agent.checkpoint import load_checkpoint
from drt_agent.core import CoreConfig, DepthPolicy, DepthRecurrentCore
from drt_agent.core.sparse import EdgeIndex
from drt_agent.tasks.graph import _reachable, generate_graph, generate_large_graph

GRAPH_MODEL = os.environ.get("DRT_TEST_GRAPH_CHECKPOINT", "graph")  # the shipped checkpoint unless overridden


pytestmark = pytest.mark.usefixtures("one_thread")


@pytest.fixture(scope="module")
def shipped():
    return load_checkpoint(GRAPH_MODEL)


def random_graphs(rng: np.random.Generator, n: int, max_hops: int = 12, extra_nodes: int = 40):
    graphs, dirs = [], []
    for i in range(n):
        h = int(rng.integers(1, max_hops + 1))
        nodes = int(rng.integers(2 * h + 2, 2 * h + 2 + extra_nodes))
        d = bool(rng.random() < 0.5)
        graphs.append(generate_graph(rng, h, nodes, d, positive=i % 2 == 0))
        dirs.append(d)
    return graphs, dirs


@pytest.mark.parametrize("rope", [False, True])
@pytest.mark.parametrize("heads", [1, 4])
def test_core_steps_equal_on_random_masks(rope: bool, heads: int) -> None:
    """Any mask with a diagonal, any core config: 20 steps of the dense and sparse paths agree to 1e-5."""
    torch.manual_seed(0)
    cfg = CoreConfig(d_model=32, n_heads=heads, d_ff=64, rope=rope, layerscale_init=0.5)
    core = DepthRecurrentCore(cfg).eval()
    B, L = 3, 17
    mask = (torch.rand(B, L, L) < 0.2) | torch.eye(L, dtype=torch.bool)
    x = torch.randn(B, L, 32)
    positions = torch.randint(0, 50, (B, L))
    with torch.no_grad():
        dense = core(x, mask, 20, positions)[0]
        sparse = core(x, EdgeIndex.from_dense(mask), 20, positions)[0]
    assert (dense - sparse).abs().max().item() <= 1e-5


def test_shipped_checkpoint_dense_equals_sparse(shipped) -> None:
    """The issue's bar: on the shipped graph model, every step's answer distribution agrees to 1e-5, and
    `auto` halts at the same step, whichever path encodes the graphs."""
    model, task = shipped.model, shipped.task
    graphs, dirs = random_graphs(np.random.default_rng(3), 48)
    dense = task.encode_arrays(graphs, dirs, sparse=False)
    sparse = task.encode_arrays(graphs, dirs, sparse=True)
    assert isinstance(dense.mask, torch.Tensor) and isinstance(sparse.mask, EdgeIndex)
    out = []
    for batch in (dense, sparse):
        policy = DepthPolicy(steps=None, max_steps=task.step_limit(batch, 512))
        out.append(model.solve(batch, policy, is_final=task.is_final))
    d, s = out
    assert torch.equal(d.steps_used, s.steps_used)
    assert (d.probs - s.probs).abs().max().item() <= 1e-5
    assert d.history.shape == s.history.shape
    assert (d.history.nan_to_num(0) - s.history.nan_to_num(0)).abs().max().item() <= 1e-5
    truth = torch.tensor(
        [bool(_reachable(n, e, src, dr)[t]) for (n, e, src, t), dr in zip(graphs, dirs, strict=True)]
    )
    assert torch.equal(s.probs[:, 1] > 0.5, truth)


def test_edge_index_matches_the_dense_mask_and_renumbers_on_subsetting() -> None:
    rng = np.random.default_rng(0)
    graphs, dirs = random_graphs(rng, 6, max_hops=4, extra_nodes=6)
    # repeated edges and explicit self-edges must count once, as they do in a boolean mask
    n, e, s, t = graphs[0]
    graphs[0] = (n, np.concatenate([e, e[:3], np.array([[s, s]])]), s, t)
    from drt_agent.tasks.graph import GraphTask

    task = GraphTask()
    dense = task.encode_arrays(graphs, dirs, sparse=False).mask
    ei = task.encode_arrays(graphs, dirs, sparse=True).mask
    ref = EdgeIndex.from_dense(dense)
    assert torch.equal(ei.dst, ref.dst) and torch.equal(ei.src, ref.src)
    keep = torch.tensor([True, False, True, True, False, True])
    sub, ref_sub = ei[keep], EdgeIndex.from_dense(dense[keep])
    assert sub.batch_size == 4
    assert torch.equal(sub.dst, ref_sub.dst) and torch.equal(sub.src, ref_sub.src)
    assert torch.equal(sub.crow, ref_sub.crow)


def test_path_is_chosen_by_graph_size(shipped) -> None:
    task = shipped.task
    rng = np.random.default_rng(1)
    small = [generate_graph(rng, 3, 20, False, True)]
    big = [generate_large_graph(rng, task.sparse_min_nodes, 4 * task.sparse_min_nodes, 3, False, True)]
    assert isinstance(task.encode_arrays(small, [False]).mask, torch.Tensor)
    assert isinstance(task.encode_arrays(big, [False]).mask, EdgeIndex)


def test_large_graph_generator_puts_the_target_exactly_hops_away() -> None:
    import networkx as nx

    rng = np.random.default_rng(2)
    for directed in (False, True):
        for positive in (True, False):
            n, e, s, t = generate_large_graph(rng, 3_000, 20_000, 7, directed, positive)
            g = nx.DiGraph() if directed else nx.Graph()
            g.add_nodes_from(range(n))
            g.add_edges_from(e.tolist())
            assert g.number_of_edges() == len(e) >= 19_000  # distinct edges, about as many as asked
            if positive:
                assert nx.shortest_path_length(g, s, t) == 7
            else:
                assert not nx.has_path(g, s, t)


def test_ten_thousand_nodes_ten_hops_on_the_sparse_path(shipped) -> None:
    """10,000 nodes, 100,000 edges, the target 10 hops away (and an unreachable decoy in the same batch):
    `auto` answers both correctly, the positive in about 10 steps, and the finished one leaves the batch."""
    model, task = shipped.model, shipped.task
    rng = np.random.default_rng(4)
    graphs = [generate_large_graph(rng, 10_000, 100_000, 10, True, positive) for positive in (True, False)]
    batch = task.encode_arrays(graphs, [True, True])
    assert isinstance(batch.mask, EdgeIndex) and batch.mask.n_edges == 2 * (100_000 + 10_000)
    seen: list[int] = []
    think_readout = model.readout.forward

    def spy(h: torch.Tensor) -> torch.Tensor:
        seen.append(h.shape[0])
        return think_readout(h)

    model.readout.forward = spy  # type: ignore[method-assign]
    try:
        res = model.solve(
            batch, DepthPolicy(steps=None, max_steps=task.step_limit(batch, 512)), task.is_final
        )
    finally:
        del model.readout.forward
    assert (res.probs[:, 1] > 0.5).tolist() == [True, False]
    assert 10 <= int(res.steps_used[0]) <= 12
    assert int(res.steps_used[1]) > int(res.steps_used[0])
    assert seen[-1] == 1 and seen[0] == 2  # the answered example stopped costing compute


def test_batch_to_device_carries_the_edge_index() -> None:
    from drt_agent.tasks.graph import GraphTask

    rng = np.random.default_rng(5)
    batch = GraphTask().encode_arrays([generate_graph(rng, 3, 12, True, True)], [True], sparse=True)
    moved = batch.to("cpu")
    assert isinstance(moved.mask, EdgeIndex)
    assert torch.equal(moved.mask.crow, batch.mask.crow) and moved.mask.n_edges == batch.mask.n_edges


def test_portable_gather_kernel_equals_the_csr_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Devices without CSR kernels (MPS) take the gather formulation: same numbers."""
    from drt_agent.core import sparse

    torch.manual_seed(1)
    mask = (torch.rand(2, 30, 30) < 0.15) | torch.eye(30, dtype=torch.bool)
    ei = EdgeIndex.from_dense(mask)
    q, k, v = (torch.randn(4, 60, 8) for _ in range(3))
    csr = sparse.edge_attention(q, k, v, ei)
    monkeypatch.setattr(sparse, "CSR_DEVICES", ())
    gathered = sparse.edge_attention(q, k, v, ei)
    assert (csr - gathered).abs().max().item() <= 1e-5
