"""A tiny fine-tuning run end to end: corpus -> extended checkpoint -> Reasoner.load / drt-agent solve --model."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest
import torch
from typer.testing import CliRunner

from drt_agent.checkpoint import load_checkpoint
from drt_agent.cli import app
from drt_agent.errors import ParseError
from drt_agent.finetune import FinetuneConfig, finetune, read_corpus
from drt_agent.reasoner import Reasoner
from drt_agent.train import config_for, train

ROOT = Path(__file__).resolve().parents[1]


def _org_module():
    spec = importlib.util.spec_from_file_location("org", ROOT / "examples" / "finetune_org_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("base")
    cfg = config_for(
        "relational",
        iters=2,
        batch_size=4,
        d_model=16,
        n_heads=2,
        d_ff=32,
        steps=(2, 3),
        save_every=0,
        threads=1,
    )
    train(cfg, out, progress=False)
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    org = _org_module()
    rng = np.random.default_rng(0)
    path = tmp_path_factory.mktemp("corpus") / "org.jsonl"
    path.write_text("".join(json.dumps(org.example(rng, int(rng.integers(1, 3)))) + "\n" for _ in range(48)))
    return path


def test_corpus_generator_answers_are_consistent(corpus):
    problems, answers = read_corpus(corpus)
    assert len(problems) == 48 and all(p.family == "custom" for p in problems)
    assert {a for a in answers if isinstance(a, str)} <= set(_org_module().TERMS.values())
    assert any(a is True for a in answers) and any(a is False for a in answers)


@pytest.mark.parametrize("freeze", [True, False])
def test_tiny_finetune_end_to_end(base, corpus, tmp_path, freeze):
    out = tmp_path / "ft"
    cfg = FinetuneConfig(
        base=str(base), freeze_core=freeze, epochs=2, batch_size=12, steps=3, holdout=0.25, seed=1, threads=1
    )
    res = finetune(corpus, out, cfg, progress=False)
    assert res.n_train == 36 and res.n_holdout == 12
    assert {"reports", "manages", "peer"} <= set(res.new_words)
    assert "manager" in res.new_answers
    assert 0.0 <= res.holdout_before <= 1.0 and 0.0 <= res.holdout_after <= 1.0
    assert res.history[-1]["loss"] < res.history[0]["loss"] * 1.5  # it trained without blowing up

    loaded = load_checkpoint(out)
    before = load_checkpoint(base)
    assert loaded.task.vocab_size == before.task.vocab_size + len(res.new_words)
    same_core = all(
        torch.equal(a, b)
        for a, b in zip(
            loaded.model.core.state_dict().values(), before.model.core.state_dict().values(), strict=True
        )
    )
    assert same_core == freeze  # frozen: the reasoning core is the base's, bit for bit
    # the base's own vocabulary rows are kept when frozen... and the new rows exist either way
    assert loaded.config["finetune"]["freeze_core"] is freeze

    r = Reasoner.load(out)
    sol = r.solve("Bob reports to Ann. Cy reports to Bob. What is Ann to Cy?", steps=3)
    assert isinstance(sol.answer, str) and sol.exact is None and sol.agrees_with_exact is None
    yes_no = r.solve("Bob reports to Ann. Is Ann Bob's manager?", steps=3)
    assert isinstance(yes_no.answer, bool)

    result = CliRunner().invoke(
        app, ["solve", "--model", str(out), "--domain", "relational", "--steps", "3", "--json",
              "Bob reports to Ann. What is Ann to Bob?"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["domain"] == "relational"
    # without --domain the model's own domain reads the text (it has no kinship word for routing to find)
    result = CliRunner().invoke(
        app,
        ["solve", "--model", str(out), "--steps", "3", "--json", "Kai is Nia's boss. Is Kai Nia's manager?"],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["domain"] == "relational"


def test_cli_finetune(base, corpus, tmp_path):
    out = tmp_path / "cli_ft"
    result = CliRunner().invoke(
        app, ["finetune", str(corpus), "--base", str(base), "--out", str(out), "--epochs", "1", "--steps", "2",
              "--freeze-core", "--no-progress", "--threads", "1"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "held-out accuracy" in result.output and (out / "config.json").is_file()


def test_bad_corpus_lines_name_the_line(tmp_path, base):
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"text": "Bob reports to Ann.", "question": "What is Ann to Bob?", "answer": "manager"}\n{"text": 1}\n'
    )
    with pytest.raises(ParseError, match=r"bad.jsonl:2"):
        read_corpus(path)
    path.write_text('{"text": "Bob reports to Ann.", "question": "What is Zed to Bob?", "answer": "x"}\n')
    with pytest.raises(ParseError, match="Zed"):
        read_corpus(path)
    result = CliRunner().invoke(
        app, ["finetune", str(path), "--base", str(base), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code != 0 and "Zed" in result.output
