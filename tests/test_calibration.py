"""Calibrated confidence: the stored calibrator is what a loaded reasoner reports, old checkpoints load as before,
`confidence` is read at the answer's own probability, and the fit moves a distorted probability to the truth."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import numpy as np
import pytest
import torch
from pydantic import ValidationError

from drt_agent.calibration import Calibration, fit
from drt_agent.checkpoint import CONFIG, resolve
from drt_agent.problems import Fact, RelationalProblem
from drt_agent.reasoner import Reasoner
from drt_agent.tasks import make_task

STORY = RelationalProblem(
    facts=[
        Fact(subject="Ann", relation="mother", object="Bob"),
        Fact(subject="Bob", relation="father", object="Cid"),
    ],
    subject="Ann",
    object="Cid",
)


@pytest.fixture
def kin_copy(tmp_path: Path, one_thread: None) -> Path:
    """The shipped kinship checkpoint, copied so its config can be edited (the weights and their hash stay)."""
    out = tmp_path / "kin"
    shutil.copytree(resolve("relational"), out)
    return out


def _edit(d: Path, calibration: dict | None) -> None:
    config = json.loads((d / CONFIG).read_text())
    config.pop("calibration", None)
    if calibration is not None:
        config["calibration"] = calibration
    (d / CONFIG).write_text(json.dumps(config))


def test_stored_calibrator_is_what_solve_reports(kin_copy: Path) -> None:
    """A calibrator that ignores the network (weight 0, bias -3) must show in every confidence after a load."""
    _edit(
        kin_copy,
        Calibration(logit=0.0, cap=0.0, excess=0.0, excess_logit=0.0, bias=-3.0, knot=10.0).model_dump(),
    )
    sols = Reasoner.load(kin_copy, device="cpu").solve_batch(
        [STORY, STORY.model_copy(update={"relation": "grandmother"})], check=False
    )
    assert [s.confidence for s in sols] == pytest.approx([1 / (1 + math.exp(3.0))] * 2, abs=1e-6)


def test_checkpoint_without_calibrator_reports_the_answer_probability(kin_copy: Path) -> None:
    _edit(kin_copy, None)
    r = Reasoner.load(kin_copy, device="cpu")
    assert r.calibration is None
    sol = r.solve(STORY, check=False)
    assert sol.model_answer == "grandmother" and sol.confidence == pytest.approx(sol.trace[-1], abs=1e-6)


def test_identity_calibrator_changes_nothing() -> None:
    cal = Calibration.identity(knot=10.0)
    for p in (0.03, 0.5, 0.9, 0.999):
        assert cal(p, True, 30) == pytest.approx(p, abs=1e-9)


def test_confidence_is_the_answers_probability_for_yes_no() -> None:
    """Subject readout: "no" to "Is X Y's grandmother?" is every class but the asked one, not the top class."""
    task = make_task("relational", {"readout": "subject"})
    probs = torch.zeros(1, task.n_classes)
    asked, others = task.class_id["grandmother"], [task.class_id[c] for c in ("mother", "aunt", "sister")]
    probs[0, asked], probs[0, others] = 0.1, torch.tensor([0.4, 0.3, 0.2])
    question = STORY.model_copy(update={"relation": "grandmother"})
    assert task.decode(probs, [question]) == [False]
    assert float(task.answer_prob(probs, [question])[0]) == pytest.approx(0.9)
    yes = STORY.model_copy(update={"relation": "mother"})
    assert task.decode(probs, [yes]) == [True]
    assert float(task.answer_prob(probs, [yes])[0]) == pytest.approx(0.4)


def test_needed_steps_follow_the_structure() -> None:
    assert make_task("relational").needed_steps(STORY) == 2 * 2 + 2  # two facts apart
    assert (
        make_task("logic").needed_steps(make_task("logic").sample(1, 3, np.random.default_rng(0))[0][0]) >= 4
    )


def test_fit_corrects_an_overconfident_probability() -> None:
    """Answers right with probability sigmoid(logit / 3) but reported at p: the fit must find the factor."""
    rng = np.random.default_rng(0)
    z = rng.normal(3.0, 3.0, 6000)
    p = 1 / (1 + np.exp(-z))
    right = rng.random(6000) < 1 / (1 + np.exp(-z / 3))
    cal = fit([(float(x), True, None) for x in p], right.tolist(), knot=0.0, prior=0.1)
    assert cal.logit == pytest.approx(1 / 3, abs=0.05)
    conf = np.array([cal(float(x), True, None) for x in p])
    assert abs(conf.mean() - right.mean()) < 0.01 < abs(p.mean() - right.mean())


@pytest.mark.parametrize(
    "bad",
    [{"logit": float("nan")}, {"bias": 1e9}, {"knot": -1.0}, {"temperature": 1.0}, {"logit_clip": 0.0}],
)
def test_calibrator_fields_are_bounded(bad: dict) -> None:
    good = Calibration.identity(4.0).model_dump()
    with pytest.raises(ValidationError):
        Calibration.model_validate({**good, **bad})
