"""torch.distributed set-up for `torchrun`: gloo on CPU, nccl on GPU. A no-op in a plain process."""

from __future__ import annotations

import os
from datetime import timedelta

import torch
import torch.distributed as dist

# how long a rank waits at the final barrier for the others (rank 0 may still be writing the checkpoint)
SHUTDOWN_TIMEOUT = timedelta(minutes=5)


def maybe_init_distributed() -> bool:
    """Join the process group that torchrun describes in the environment; False when not under torchrun."""
    if int(os.environ.get("WORLD_SIZE", "1")) <= 1 or dist.is_initialized():
        return dist.is_initialized()
    backend = "nccl" if torch.cuda.is_available() else "gloo"
    dist.init_process_group(backend=backend)
    return True


def shutdown_distributed() -> None:
    """Leave the process group cleanly: every rank first waits for the others (so no rank tears down its
    connections while rank 0 is still writing, which aborted a gloo rank with 'terminate called without an
    active exception'), then the group is destroyed before the interpreter exits."""
    if not (dist.is_available() and dist.is_initialized()):
        return
    try:
        if dist.get_backend() == "gloo":
            dist.monitored_barrier(timeout=SHUTDOWN_TIMEOUT)  # names a rank that never arrives
        else:
            dist.barrier()
    except Exception:  # a rank that failed or left: still release this one's resources
        pass
    finally:
        dist.destroy_process_group()
