"""Shared fixtures: shipped checkpoints are loaded once per test session."""

from __future__ import annotations

import pytest
import torch

torch.set_num_threads(max(1, min(2, torch.get_num_threads())))


@pytest.fixture(scope="session")
def graph_reasoner():
    from drt_agent.reasoner import get_reasoner

    return get_reasoner("graph")


@pytest.fixture(scope="module")
def one_thread():
    """Tiny tensors: one thread is fastest, and on a shared machine extra threads only wait for a core."""
    old = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(old)
