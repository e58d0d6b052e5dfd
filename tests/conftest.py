"""Shared fixtures: shipped checkpoints are loaded once per test session."""

from __future__ import annotations

import pytest
import torch

torch.set_num_threads(max(1, min(2, torch.get_num_threads())))


@pytest.fixture(scope="session")
def graph_reasoner():
    from drt_agent.reasoner import get_reasoner

    return get_reasoner("graph")
