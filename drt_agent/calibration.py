"""Post-hoc calibration: turn the network's probability for its own answer into the probability that it is right.

The readout's probability is trained as a per-token label distribution, not as a chance of being right: on stories
longer than the model was trained on it says 0.99 for answers that are wrong one time in six. The calibrator is a
logistic regression on features of a solve, all known before any exact check:

- `logit`: the log-odds of the readout's probability for the answer (Task.answer_prob), or of its most likely
  class when that is lower (a "no" read from a subject whose relation the readout is unsure of), clipped to
  +-`logit_clip`;
- `cap`: 1 when `auto` thinking stopped at its safety bound rather than by settling;
- `excess`: thinking steps the problem needs (Task.needed_steps: parse-tree height, 2 per fact of the chain plus
  2) beyond `knot`, the most the fit's in-distribution problems needed (0 where a task cannot tell);
- `excess_logit`: how much the probability's weight shrinks per step past `knot` (never below 0), so the
  readout counts for less the further past training a problem is.

It is fitted by `python bench/calibration.py --fit` on fresh generated problems (a seed apart from the one the
figures are measured on) and stored in the checkpoint's config as `calibration`, a bounded, validated object;
a checkpoint without one reports the answer's probability as before.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

WEIGHT = Field(ge=-100.0, le=100.0, allow_inf_nan=False)


class FitRecord(BaseModel):
    """How a calibrator was fitted: the command, the data's seed and size, the complexity mix."""

    model_config = ConfigDict(extra="forbid", strict=True)

    command: str = Field(max_length=500)
    seed: int = Field(ge=0, le=2**32 - 1)
    n: int = Field(ge=1, le=10**8)
    complexities: list[int] = Field(max_length=100)
    steps: str = Field(max_length=20)


class Calibration(BaseModel):
    """A checkpoint's calibrator (config key `calibration`): weights and a bias, every number bounded.

    confidence = sigmoid(bias + max(0, logit + excess_logit * excess) * z + cap * capped + excess * excess)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    method: Literal["logistic"] = "logistic"
    logit: float = WEIGHT
    cap: float = WEIGHT
    excess: float = WEIGHT
    excess_logit: float = WEIGHT
    bias: float = WEIGHT
    knot: float = Field(ge=0.0, le=1e5, allow_inf_nan=False)
    logit_clip: float = Field(default=16.0, gt=0.0, le=30.0, allow_inf_nan=False)
    fitted: FitRecord | None = None

    @classmethod
    def identity(cls, knot: float = 0.0) -> Calibration:
        """The calibrator that changes nothing: confidence = the answer's probability (clipped)."""
        return cls(logit=1.0, cap=0.0, excess=0.0, excess_logit=0.0, bias=0.0, knot=knot)

    def score(self, prob: float, capped: bool, needed: int | None) -> float:
        """The calibrated log-odds. The probability's weight shrinks with the steps needed past `knot` but never
        below 0: a more confident readout never lowers the confidence."""
        z = _logit(prob, self.logit_clip)
        excess = max(0.0, float(needed) - self.knot) if needed is not None else 0.0
        slope = max(0.0, self.logit + self.excess_logit * excess)
        return self.bias + slope * z + self.cap * float(capped) + self.excess * excess

    def __call__(self, prob: float, capped: bool, needed: int | None) -> float:
        """The calibrated probability that the answer read with probability `prob` is right."""
        return _sigmoid(self.score(prob, capped, needed))


def _logit(p: float, clip: float) -> float:
    p = min(max(float(p), 1e-300), 1.0)
    if p >= 1.0:
        return clip
    return max(-clip, min(clip, math.log(p) - math.log1p(-p)))


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def from_config(config: dict[str, Any]) -> Calibration | None:
    """The stored calibrator of a (validated) checkpoint config, or None when it has none."""
    raw = config.get("calibration")
    return None if raw is None else Calibration.model_validate(raw)


def fit(
    rows: Sequence[tuple[float, bool, int | None]],
    correct: Sequence[bool],
    knot: float,
    prior: float = 1.0,
    fitted: FitRecord | None = None,
) -> Calibration:
    """Maximum-likelihood logistic weights, with an L2 pull of strength `prior` toward the identity calibrator
    (the raw probability is the prior: with few or no wrong answers in the data the weights stay near it
    rather than running off to certainty). rows: (answer probability, capped, needed steps)."""
    import torch

    base = Calibration.identity(knot)
    z = torch.tensor([_logit(p, base.logit_clip) for p, _, _ in rows], dtype=torch.float64)
    cap = torch.tensor([float(c) for _, c, _ in rows], dtype=torch.float64)
    ex = torch.tensor(
        [max(0.0, float(n) - knot) if n is not None else 0.0 for _, _, n in rows], dtype=torch.float64
    )
    y = torch.tensor([float(c) for c in correct], dtype=torch.float64)
    # logit, cap, excess, excess_logit, bias
    start = torch.tensor([1.0, 0.0, 0.0, 0.0, 0.0], dtype=torch.float64)
    theta = start.clone().requires_grad_(True)
    opt = torch.optim.LBFGS(
        [theta], lr=1.0, max_iter=500, tolerance_grad=1e-10, line_search_fn="strong_wolfe"
    )

    def loss_fn() -> torch.Tensor:
        opt.zero_grad()
        slope = (theta[0] + theta[3] * ex).clamp_min(0.0)
        score = theta[4] + slope * z + theta[1] * cap + theta[2] * ex
        loss = torch.nn.functional.binary_cross_entropy_with_logits(score, y, reduction="sum")
        loss = loss + prior * ((theta - start) ** 2).sum()
        loss.backward()
        return loss

    opt.step(loss_fn)
    w = [max(-100.0, min(100.0, float(v))) for v in theta.detach()]
    return Calibration(
        logit=w[0], cap=w[1], excess=w[2], excess_logit=w[3], bias=w[4], knot=knot, fitted=fitted
    )
