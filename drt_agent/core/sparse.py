"""Sparse attention for graphs: each token attends over its in-edges (and itself) only, as message passing.

With strict adjacency masking, dense attention spends O(L^2) work per step on pairs that are masked out. Here
the same scores, softmax and weighted sum are computed per edge, so a step costs O(E) and a 10,000-node,
100,000-edge graph fits in a few hundred MB. The block's parameters and the rest of its math (norms, MLP, gate)
are the dense path's; only the attention kernel differs (see SelfAttention in block.py).

Layout: token slot (b, i) of a padded (B, L, D) batch is the flat row b * L + i. An `EdgeIndex` lists the
(receiver, sender) pairs over those rows, deduplicated, with a self-loop on every slot (the dense path's mask
diagonal), so padding slots attend to themselves exactly as in the dense path.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch


@dataclass
class EdgeIndex:
    """Which token may attend to which, as flat (dst, src) pairs over B * L slots: dst receives from src.

    Stands in for the dense (B, L, L) boolean mask wherever the core takes a mask.
    """

    dst: torch.Tensor  # (E,) long: receiving slot b * L + i, sorted
    src: torch.Tensor  # (E,) long: sending slot b * L + j (same b)
    batch_size: int  # B
    n_tokens: int  # L

    @classmethod
    def from_graphs(
        cls,
        graphs: Sequence[tuple[int, np.ndarray]],
        directed: Sequence[bool],
        n_tokens: int | None = None,
    ) -> EdgeIndex:
        """From per-example (n_nodes, edges (E_b, 2) as src->dst); undirected edges go both ways."""
        L = n_tokens if n_tokens is not None else max((n for n, _ in graphs), default=1)
        B = len(graphs)
        dst_parts: list[np.ndarray] = [np.arange(B * L, dtype=np.int64)]  # self-loops, padding included
        src_parts: list[np.ndarray] = [np.arange(B * L, dtype=np.int64)]
        for b, ((_, edges), d) in enumerate(zip(graphs, directed, strict=True)):
            e = np.asarray(edges, dtype=np.int64).reshape(-1, 2) + b * L
            dst_parts.append(e[:, 1])
            src_parts.append(e[:, 0])
            if not d:
                dst_parts.append(e[:, 0])
                src_parts.append(e[:, 1])
        dst = np.concatenate(dst_parts)
        src = np.concatenate(src_parts)
        # the dense mask is boolean, so repeated edges count once: deduplicate, sorted by receiver
        key = np.sort(dst * (B * L) + src)
        key = key[np.concatenate(([True], key[1:] != key[:-1]))]
        return cls(
            dst=torch.from_numpy(key // (B * L)),
            src=torch.from_numpy(key % (B * L)),
            batch_size=B,
            n_tokens=L,
        )

    @classmethod
    def from_dense(cls, mask: torch.Tensor) -> EdgeIndex:
        """From a (B, L, L) boolean mask (row i lists what token i may attend to). For tests and small inputs."""
        B, L, _ = mask.shape
        b, i, j = mask.nonzero(as_tuple=True)
        return cls(dst=b * L + i, src=b * L + j, batch_size=B, n_tokens=L)

    def __post_init__(self) -> None:
        # CSR row pointers over the receivers (dst is sorted): where each slot's in-edges start and end
        counts = torch.bincount(self.dst, minlength=self.batch_size * self.n_tokens)
        self.crow = torch.zeros(counts.numel() + 1, dtype=torch.long, device=self.dst.device)
        torch.cumsum(counts, 0, out=self.crow[1:])

    def __len__(self) -> int:
        return self.batch_size

    @property
    def n_edges(self) -> int:
        return int(self.dst.numel())

    def __getitem__(self, keep: torch.Tensor) -> EdgeIndex:
        """The examples where `keep` (B,) bool is True, renumbered: how finished examples leave the batch."""
        L = self.n_tokens
        keep = keep.to(self.dst.device)
        new_pos = torch.cumsum(keep.long(), 0) - 1  # new example index of each kept example
        ex = self.dst // L
        sel = keep[ex]
        ex = ex[sel]
        offset = (new_pos[ex] - ex) * L
        return EdgeIndex(
            dst=self.dst[sel] + offset,
            src=self.src[sel] + offset,
            batch_size=int(keep.sum()),
            n_tokens=L,
        )

    def to(self, device: torch.device | str) -> EdgeIndex:
        return EdgeIndex(self.dst.to(device), self.src.to(device), self.batch_size, self.n_tokens)


def edge_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, edges: EdgeIndex) -> torch.Tensor:
    """softmax(q k^T / sqrt(Dh)) v restricted to the edges, with a segment softmax per receiving token.

    q, k, v: (H, N, Dh) with N = B * L flat slots -> (H, N, Dh). Equal to scaled_dot_product_attention
    under the matching dense mask up to float rounding. The edge list is a CSR matrix (rows = receivers), so
    the scores are a sampled matrix product and the weighted sum a sparse-dense product (MKL / cuSPARSE):
    no (E, H, Dh) gathers, whose memory traffic and page faults made a step several times slower. Devices
    without these CSR kernels (MPS, ...) take the gather formulation of the same sums.
    """
    if q.device.type not in CSR_DEVICES:
        return _gather_attention(q, k, v, edges)
    H, N, Dh = q.shape
    crow, col, dst = edges.crow, edges.src, edges.dst

    def csr(values: torch.Tensor) -> torch.Tensor:
        with warnings.catch_warnings():  # torch calls CSR tensors "beta"; the two products used are stable
            warnings.filterwarnings("ignore", message="Sparse CSR tensor support is in beta state")
            return torch.sparse_csr_tensor(crow, col, values, size=(N, N), check_invariants=False)

    pattern = csr(torch.zeros(col.numel(), device=q.device, dtype=q.dtype))
    heads = []
    for h in range(H):  # one head at a time: its (E,) vectors stay in cache
        scores = torch.sparse.sampled_addmm(pattern, q[h], k[h].T, beta=0.0).values()
        scores = scores.mul_(1.0 / math.sqrt(Dh))  # (E,): q_dst . k_src / sqrt(Dh) per edge
        top = torch.segment_reduce(scores, "max", offsets=crow)  # (N,) row maxima, for a stable softmax
        weights = scores.sub_(top[dst]).exp_()  # every row has its self-loop, so no row sum below is 0
        weights = weights.div_(torch.segment_reduce(weights, "sum", offsets=crow)[dst])
        heads.append(csr(weights) @ v[h])  # softmax first, then the weighted sum, as in the dense path
    return torch.stack(heads)


CSR_DEVICES = ("cpu", "cuda")  # devices with sampled_addmm and CSR @ dense kernels


def _gather_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, edges: EdgeIndex) -> torch.Tensor:
    """The same segment softmax with per-edge gathers and scatter-adds: portable, O(E * D) memory."""
    H, N, Dh = q.shape
    dst, src = edges.dst, edges.src
    scores = (q[:, dst] * k[:, src]).sum(-1) * (1.0 / math.sqrt(Dh))  # (H, E)
    index = dst[None].expand(H, -1)
    top = torch.full((H, N), float("-inf"), device=q.device, dtype=scores.dtype)
    top = top.scatter_reduce(1, index, scores, reduce="amax", include_self=True)
    weights = (scores - top[:, dst]).exp_()
    denom = torch.zeros((H, N), device=q.device, dtype=scores.dtype).index_add_(1, dst, weights)
    weights = weights / denom[:, dst]
    return torch.zeros_like(q).index_add_(1, dst, weights[..., None] * v[:, src])
