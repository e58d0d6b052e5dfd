"""The reasoning core: shapes, stabiliser initialisation, strict masking, and the depth policy."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from drt_agent.core import CoreConfig, DepthPolicy, DepthRecurrentCore, SharedBlock, think, unroll


def _chain_mask(L: int) -> torch.Tensor:
    """Token i may attend to itself and token i-1 (a directed chain 0 -> 1 -> ... -> L-1)."""
    mask = torch.eye(L, dtype=torch.bool)
    mask[torch.arange(1, L), torch.arange(L - 1)] = True
    return mask


def test_block_and_core_shapes():
    cfg = CoreConfig(d_model=32, n_heads=4, d_ff=64)
    x = torch.randn(3, 7, 32)
    mask = torch.ones(3, 7, 7, dtype=torch.bool)
    assert SharedBlock(cfg)(x, mask).shape == (3, 7, 32)
    core = DepthRecurrentCore(cfg)
    states = core(x, mask, steps=5, keep_all=True)
    assert len(states) == 5 and all(s.shape == (3, 7, 32) for s in states)


def test_stabilisers_start_where_the_paper_says():
    core = DepthRecurrentCore(CoreConfig(d_model=16, n_heads=2, d_ff=32))
    assert torch.allclose(core.block.scale_attn.gamma, torch.full((16,), 1e-4))
    assert torch.allclose(core.block.scale_mlp.gamma, torch.full((16,), 1e-4))
    assert torch.allclose(core.gate.proj.bias, torch.full((16,), -2.0))


@pytest.mark.parametrize("flag", ["layerscale", "gate", "reinject", "state_norm"])
def test_every_stabiliser_is_a_switch(flag):
    cfg = CoreConfig(d_model=16, n_heads=2, d_ff=32, **{flag: False})
    core = DepthRecurrentCore(cfg)
    out = core(torch.randn(2, 5, 16), torch.ones(2, 5, 5, dtype=torch.bool), steps=3)[0]
    assert out.shape == (2, 5, 16) and torch.isfinite(out).all()
    names = {n for n, _ in core.named_parameters()}
    marker = {"layerscale": "scale_attn", "gate": "gate.", "reinject": "inject", "state_norm": "state_norm"}[
        flag
    ]
    assert not any(marker in n for n in names)


def test_masking_changing_a_non_neighbour_leaves_one_step_state_unchanged():
    torch.manual_seed(0)
    cfg = CoreConfig(d_model=32, n_heads=4, d_ff=64)
    core = DepthRecurrentCore(cfg).eval()
    with torch.no_grad():  # make the branches matter, not just the 1e-4 LayerScale
        core.block.scale_attn.gamma.fill_(1.0)
        core.block.scale_mlp.gamma.fill_(1.0)
    L = 6
    mask = _chain_mask(L)[None]
    x = torch.randn(1, L, 32)
    x2 = x.clone()
    x2[0, 0] += 5.0  # token 0 is two hops upstream of token 2
    h1 = core(x, mask, steps=1)[0]
    h2 = core(x2, mask, steps=1)[0]
    assert torch.allclose(h1[0, 2:], h2[0, 2:], atol=1e-6), "one step must not carry information two hops"
    assert not torch.allclose(h1[0, 1], h2[0, 1]), "the direct neighbour must see the change"
    h1, h2 = core(x, mask, steps=2)[0], core(x2, mask, steps=2)[0]
    assert not torch.allclose(h1[0, 2], h2[0, 2]), "two steps carry it two hops"
    assert torch.allclose(h1[0, 3:], h2[0, 3:], atol=1e-6)


def test_fixed_policy_runs_exactly_n_steps_and_auto_respects_max_steps():
    torch.manual_seed(0)
    core = DepthRecurrentCore(CoreConfig(d_model=16, n_heads=2, d_ff=32)).eval()
    x = torch.randn(4, 5, 16)
    mask = torch.ones(4, 5, 5, dtype=torch.bool)
    valid = torch.ones(4, 5, dtype=torch.bool)
    readout = lambda h, ids: torch.softmax(h[:, 0, :2], dim=-1)  # noqa: E731
    fixed = think(unroll(core, x, mask), valid, readout, DepthPolicy(steps=7))
    assert fixed.steps_used.tolist() == [7] * 4
    assert all(t.shape == (7, 2) for t in fixed.traces)
    auto = think(unroll(core, x, mask), valid, readout, DepthPolicy(steps=None, max_steps=9))
    assert (auto.steps_used <= 9).all() and (auto.steps_used >= 1).all()


def test_auto_halts_examples_independently_and_matches_fixed_depth_answers():
    """An example halted early gets the same answer distribution as a fixed run of that many steps."""
    torch.manual_seed(1)
    core = DepthRecurrentCore(CoreConfig(d_model=16, n_heads=2, d_ff=32)).eval()
    x = torch.randn(3, 4, 16)
    mask = torch.ones(3, 4, 4, dtype=torch.bool)
    valid = torch.ones(3, 4, dtype=torch.bool)
    readout = lambda h, ids: torch.softmax(h[:, 0, :2], dim=-1)  # noqa: E731
    final_after_three = lambda p: torch.zeros(len(p), dtype=torch.bool)  # noqa: E731
    auto = think(
        unroll(core, x, mask),
        valid,
        readout,
        DepthPolicy(steps=None, max_steps=40),
        is_final=final_after_three,
    )
    for i in range(3):
        n = int(auto.steps_used[i])
        fixed = think(
            unroll(core, x[i : i + 1], mask[i : i + 1]), valid[i : i + 1], readout, DepthPolicy(steps=n)
        )
        assert torch.allclose(fixed.probs[0], auto.probs[i], atol=1e-5)


def test_readout_feedback_paths_agree_and_start_as_a_no_op():
    from drt_agent.model import DRTModel, ModelConfig
    from drt_agent.tasks import make_task

    task = make_task("relational-paper")
    _, batch = task.sample(6, 3, np.random.default_rng(0))
    torch.manual_seed(0)
    cfg = ModelConfig(task=task.name, vocab_size=task.vocab_size, n_roles=3, n_classes=task.n_classes,
                      core=CoreConfig(d_model=16, n_heads=2, d_ff=32, rope=True, feedback=True))  # fmt: skip
    model = DRTModel(cfg).eval()
    plain = DRTModel(
        ModelConfig(**{**cfg.__dict__, "core": CoreConfig(**{**cfg.core.__dict__, "feedback": False})})
    )
    plain.load_state_dict({k: v for k, v in model.state_dict().items() if not k.startswith("feedback")})
    with torch.no_grad():
        assert torch.allclose(model(batch, 5)[-1], plain.eval()(batch, 5)[-1], atol=1e-6)  # zero-initialised
        torch.nn.init.normal_(model.feedback.weight, std=0.5)
        fed = model(batch, 5)[-1]
        assert not torch.allclose(fed, plain(batch, 5)[-1], atol=1e-3)
        rows = torch.arange(len(batch))
        probs = torch.softmax(fed[rows, batch.answer_index], -1)
        assert torch.allclose(model.solve(batch, DepthPolicy(steps=5)).probs, probs, atol=1e-5)


def test_progress_hears_every_thinking_step_and_a_failing_listener_changes_nothing():
    torch.manual_seed(0)
    core = DepthRecurrentCore(CoreConfig(d_model=16, n_heads=2, d_ff=32)).eval()
    x, mask, valid = (
        torch.randn(2, 5, 16),
        torch.ones(2, 5, 5, dtype=torch.bool),
        torch.ones(2, 5, dtype=torch.bool),
    )
    readout = lambda h, ids: torch.softmax(h[:, 0, :2], dim=-1)  # noqa: E731
    seen: list[tuple[int, int]] = []
    quiet = think(unroll(core, x, mask), valid, readout, DepthPolicy(steps=6))
    heard = think(
        unroll(core, x, mask), valid, readout, DepthPolicy(steps=6), progress=lambda t, n: seen.append((t, n))
    )
    assert seen == [(t, 6) for t in range(1, 7)]

    def broken(t: int, n: int) -> None:
        raise RuntimeError("listener bug")

    failing = think(unroll(core, x, mask), valid, readout, DepthPolicy(steps=6), progress=broken)
    assert torch.equal(quiet.probs, heard.probs) and torch.equal(quiet.probs, failing.probs)
