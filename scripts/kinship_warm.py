"""Continue a kinship checkpoint with task settings that add anchor roles (e.g. anchor_key), not product code.

python scripts/kinship_warm.py drt_agent/checkpoints/relational runs/kin/warm --iters 1500 --lr 1e-3 \
    --knob anchor_key=0.5
    the base's weights, grown to the new task (role rows for the new anchor roles, freshly initialised), then
    the base's own training recipe (steps, complexity, knobs) with these iterations, peak lr and extra knobs
"""

from __future__ import annotations

import argparse
import json

import torch

from drt_agent.checkpoint import load_checkpoint
from drt_agent.config import TrainConfig, config_for
from drt_agent.model import DRTModel, ModelConfig
from drt_agent.tasks import make_task
from drt_agent.train import grown, train


def grown_roles(base: DRTModel, n_roles: int) -> DRTModel:
    cfg = ModelConfig(
        task=base.cfg.task,
        vocab_size=base.cfg.vocab_size,
        n_roles=n_roles,
        n_classes=base.cfg.n_classes,
        core=base.cfg.core,
        class_factors=base.cfg.class_factors,
    )
    model = DRTModel(cfg)
    state = {k: v.detach().clone() for k, v in base.state_dict().items()}
    roles = model.role_emb.weight.detach().clone()
    roles[: base.cfg.n_roles] = state["role_emb.weight"]
    state["role_emb.weight"] = roles
    model.load_state_dict(state)
    return model


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("base")
    ap.add_argument("out")
    ap.add_argument("--iters", type=int, default=1500)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--knob", action="append", default=[])
    args = ap.parse_args()
    ld = load_checkpoint(args.base)
    stored = ld.model.cfg
    knobs = {**ld.task.knobs()}
    for pair in args.knob:
        name, value = pair.split("=", 1)
        knobs[name] = json.loads(value)
    task = make_task(stored.task, knobs)
    # new anchor-role rows (anchor_key), then new answer classes (key_targets) as fine-tuning grows them
    model = grown_roles(ld.model, task.n_roles)
    if task.n_classes != stored.n_classes:
        model = grown(model, task)
    cfg: TrainConfig = config_for(
        stored.task, iters=args.iters, lr=args.lr, threads=1, task_knobs=knobs, **vars(ld.model.cfg.core)
    )
    torch.manual_seed(cfg.seed)
    train(cfg, out_dir=args.out, progress=False, init_from=model, task=task, extra={"base": args.base})


if __name__ == "__main__":
    main()
