"""torch.distributed set-up for `torchrun`: gloo on CPU, nccl on GPU. A no-op in a plain process."""

from __future__ import annotations

import os

import torch
import torch.distributed as dist


def maybe_init_distributed() -> bool:
    """Join the process group that torchrun describes in the environment; False when not under torchrun."""
    if int(os.environ.get("WORLD_SIZE", "1")) <= 1 or dist.is_initialized():
        return dist.is_initialized()
    backend = "nccl" if torch.cuda.is_available() else "gloo"
    dist.init_process_group(backend=backend)
    return True


def shutdown_distributed() -> None:
    if dist.is_available() and dist.is_initialized():
        dist.destroy_process_group()
