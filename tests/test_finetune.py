"""A tiny fine-tuning run end to end: corpus -> extended checkpoint -> Reasoner.load / drt-agent solve --model."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest
import torch
from typer.testing import CliRunner

from drt_agent import domains
from drt_agent.checkpoint import load_checkpoint
from drt_agent.cli import app
from drt_agent.corpus import read_corpus
from drt_agent.errors import ParseError
from drt_agent.evaluate import answer_accuracy
from drt_agent.reasoner import Reasoner
from drt_agent.train import config_for, finetune, train

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


def read(path):
    problems, answers, _ = read_corpus(path, domains.get("relational"), max_bad_lines=0.0)
    return problems, answers


def test_corpus_generator_answers_are_consistent(corpus):
    problems, answers = read(corpus)
    assert len(problems) == 48 and all(p.family == "custom" for p in problems)
    assert {a for a in answers if isinstance(a, str)} <= set(_org_module().TERMS.values())
    assert any(a is True for a in answers) and any(a is False for a in answers)


@pytest.mark.parametrize("freeze", [True, False])
def test_tiny_finetune_end_to_end(base, corpus, tmp_path, freeze):
    out = tmp_path / "ft"
    res = finetune(
        corpus, out, base=str(base), freeze_core=freeze, epochs=2, batch_size=12, steps=3, holdout=0.25, seed=1,
        threads=1, progress=False,
    )  # fmt: skip
    assert res.n_train + res.n_holdout <= 48 and res.n_holdout >= 1
    assert {"reports", "manages", "peer"} <= set(res.new_words)
    assert "manager" in res.new_answers

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
    assert loaded.config["training"]["freeze_core"] is freeze and loaded.config["training"]["base"] == str(
        base
    )

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
        read(path)
    path.write_text('{"text": "Bob reports to Ann.", "question": "What is Zed to Bob?", "answer": "x"}\n')
    with pytest.raises(ParseError, match="Zed"):
        read(path)
    result = CliRunner().invoke(
        app, ["finetune", str(path), "--base", str(base), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code != 0 and "Zed" in result.output


# -- fine-tuning is training from a base, in every domain ------------------------------------------------------------
def _weak_base(task: str, out: Path) -> Path:
    """A briefly trained model: fine-tuning has room to improve it."""
    cfg = config_for(
        task, iters=25, batch_size=16, d_model=16, n_heads=2, d_ff=32, save_every=0, threads=1, seed=3
    )
    train(cfg, out, progress=False)
    return out


def _graph_line(rng: np.random.Generator) -> dict:
    """A chain a0 - ... - a{k} with a decoy chain, as text; the answer from networkx."""
    import networkx as nx

    k = int(rng.integers(2, 5))
    names = [f"v{i}" for i in rng.permutation(2 * k + 2)]
    a, b = names[: k + 1], names[k + 1 :]
    edges = list(zip(a, a[1:], strict=False)) + list(zip(b, b[1:], strict=False))
    target = a[-1] if rng.random() < 0.5 else b[-1]
    g = nx.Graph(edges)
    text = ", ".join(f"{u}-{v}" for u, v in (edges[i] for i in rng.permutation(len(edges))))
    return {"text": f"{text}. Is {a[0]} connected to {target}?", "answer": nx.has_path(g, a[0], target)}


def _logic_line(rng: np.random.Generator) -> dict:
    """A nested expression as Python text; the answer from Python's own evaluation."""
    from drt_agent.tasks.logic import generate_expr

    expr = generate_expr(rng, int(rng.integers(1, 4)))
    py = (
        expr.replace("!", " not ")
        .replace("&", " and ")
        .replace("|", " or ")
        .replace("T", "True")
        .replace("F", "False")
    )
    return {"text": py, "answer": bool(eval(py))}  # noqa: S307 (our own generated constants)


@pytest.mark.parametrize(
    ("task", "line", "n", "epochs"), [("graph", _graph_line, 400, 12), ("logic", _logic_line, 1200, 16)]
)
def test_finetune_improves_held_out_accuracy_in_every_domain(tmp_path, task, line, n, epochs):
    """A weak base fine-tuned on a corpus of its domain (answers from networkx / Python evaluation) gets
    better on the held-out part (measured here: graph 0.67 -> 1.00, logic 0.73 -> 0.96)."""
    base = _weak_base(task, tmp_path / "base")
    rng = np.random.default_rng(7)
    corpus = tmp_path / f"{task}.jsonl"
    corpus.write_text("".join(json.dumps(line(rng)) + "\n" for _ in range(n)))
    res = finetune(
        corpus, tmp_path / "ft", base=str(base), epochs=epochs, batch_size=32, holdout=0.25, seed=0, threads=1,
        lr=3e-3, progress=False,
    )  # fmt: skip
    assert res.n_holdout >= 60 and not res.new_words and not res.new_answers  # repeated lines are kept once
    assert res.holdout_after >= res.holdout_before + 0.1, (res.holdout_before, res.holdout_after)
    # the result is a checkpoint of the same domain: the CLI and API load it
    sol = Reasoner.load(tmp_path / "ft").solve(json.loads(corpus.read_text().splitlines()[0])["text"])
    assert sol.domain == task


def test_unreadable_lines_are_skipped_and_reported(tmp_path):
    base = _weak_base("logic", tmp_path / "base")
    rng = np.random.default_rng(1)
    lines = [json.dumps(_logic_line(rng)) for _ in range(40)]
    lines[5] = '{"text": "not a boolean ((", "answer": true}'
    lines[9] = "{broken json"
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(lines) + "\n")
    res = finetune(corpus, tmp_path / "ft", base=str(base), epochs=1, progress=False)
    assert [s.split(": ")[0] for s in res.skipped_lines] == [f"{corpus}:6", f"{corpus}:10"]
    with pytest.raises(ParseError, match="2 of 40 lines"):
        finetune(corpus, tmp_path / "ft2", base=str(base), epochs=1, progress=False, max_bad_lines=0.0)


# -- corpora: repeats, bad lines, resuming ---------------------------------------------------------------------
def test_repeated_lines_are_kept_once_and_never_split(base, corpus, tmp_path):
    """Repeats (also with other spacing) count once, so no held-out problem is also a training problem."""
    lines = corpus.read_text().splitlines()
    spaced = [
        json.dumps({**json.loads(x), "text": "  " + json.loads(x)["text"].replace(" ", "   ")}) for x in lines
    ]
    doubled = tmp_path / "doubled.jsonl"
    doubled.write_text("\n".join(lines + lines[::-1] + spaced) + "\n")
    problems, answers = read(doubled)
    unique, _ = read(corpus)
    assert len(problems) == len(unique) == 48
    from drt_agent.corpus import split

    (train_p, _), (hold_p, _) = split(problems, answers, 0.25, 0)
    assert not {p.model_dump_json() for p in train_p} & {p.model_dump_json() for p in hold_p}
    conflicting = tmp_path / "conflict.jsonl"
    first = json.loads(lines[0])
    conflicting.write_text(lines[0] + "\n" + json.dumps({**first, "answer": "skip-level manager"}) + "\n")
    with pytest.raises(ParseError, match="another answer"):
        read(conflicting)


def test_one_bad_line_is_reported_and_the_rest_used(base, corpus, tmp_path):
    """Line 3 is not UTF-8 and line 7 has a number for an answer: both are reported, the rest fine-tune."""
    lines = [x.encode() for x in corpus.read_text().splitlines()]
    lines[2] = b'{"text": "Bob reports to \xff Ann.", "answer": "manager"}'
    lines[6] = json.dumps({**json.loads(lines[6]), "answer": 5}).encode()
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "ft"
    result = CliRunner().invoke(
        app, ["finetune", str(path), "--base", str(base), "--out", str(out), "--iters", "2", "--no-progress",
              "--threads", "1"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    skipped = [x for x in result.stderr.splitlines() if x.startswith("skipped ")]
    assert [x.split(": ")[0] for x in skipped] == [f"skipped {path}:3", f"skipped {path}:7"]
    assert "not UTF-8" in skipped[0] and "got 5" in skipped[1]
    assert "46 trained" in result.stdout or "on " in result.stdout
    load_checkpoint(out)


def _weights(path: Path) -> dict:
    return {k: v.clone() for k, v in load_checkpoint(path).model.state_dict().items()}


def test_finetune_resumes_from_its_last_save(base, corpus, tmp_path, monkeypatch):
    """An interrupted fine-tune continued with --resume ends with exactly the weights of an uninterrupted one."""
    import drt_agent.train as train_mod

    args = dict(epochs=3, batch_size=12, steps=3, holdout=0.25, seed=1, threads=1, progress=False)
    finetune(corpus, tmp_path / "ref", base=str(base), **args)
    reference = _weights(tmp_path / "ref")

    out = tmp_path / "ft"
    real = train_mod.Corpus.batch

    def crash_at_7(self, task, cfg, it):
        if it == 7:
            raise KeyboardInterrupt  # killed mid-run: only the per-epoch saves survive
        return real(self, task, cfg, it)

    monkeypatch.setattr(train_mod.Corpus, "batch", crash_at_7)
    with pytest.raises(KeyboardInterrupt):
        finetune(corpus, out, base=str(base), **args)
    monkeypatch.setattr(train_mod.Corpus, "batch", real)
    state = json.loads((out / train_mod.STATE_JSON).read_text())
    assert state["iteration"] == 5  # 3 iterations per epoch (36 training lines / 12): saved after 3 and 6
    assert not (out / "config.json").exists()  # no checkpoint until the run ends

    result = CliRunner().invoke(
        app, ["finetune", str(corpus), "--base", str(base), "--out", str(out), "--resume", "--epochs", "3",
              "--batch-size", "12", "--steps", "3", "--holdout", "0.25", "--seed", "1", "--threads", "1",
              "--no-progress"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    resumed = _weights(out)
    assert all(torch.equal(resumed[k], reference[k]) for k in reference)
    assert not (out / train_mod.STATE_JSON).exists()  # a finished run leaves only its checkpoint


def test_resume_refuses_other_settings(base, corpus, tmp_path, monkeypatch):
    import drt_agent.train as train_mod

    real = train_mod.Corpus.batch

    def crash_at_4(self, task, cfg, it):
        if it == 4:
            raise KeyboardInterrupt
        return real(self, task, cfg, it)

    monkeypatch.setattr(train_mod.Corpus, "batch", crash_at_4)
    args = dict(epochs=3, batch_size=12, steps=3, holdout=0.25, seed=1, threads=1, progress=False)
    with pytest.raises(KeyboardInterrupt):
        finetune(corpus, tmp_path / "ft", base=str(base), **args)
    monkeypatch.setattr(train_mod.Corpus, "batch", real)
    result = CliRunner().invoke(
        app, ["finetune", str(corpus), "--base", str(base), "--out", str(tmp_path / "ft"), "--resume",
              "--epochs", "3", "--batch-size", "12", "--steps", "3", "--holdout", "0.25", "--seed", "1",
              "--lr", "0.01", "--no-progress"],
    )  # fmt: skip
    assert result.exit_code == 2 and "other settings (lr)" in result.stderr, result.output


# -- a fine-tuned model goes deeper: small org charts in, charts twice as large out (issue 15) ---------------------
def test_finetuned_org_chart_model_answers_charts_twice_as_large(tmp_path):
    """The shipped kinship checkpoint fine-tuned briefly on org charts of 4-7 people answers charts of 14 it
    never saw: the answers come from the generator's own tree (`tree_key`), not from the library. Measured:
    1.000 at 14 people here (540 training charts, 20 epochs, ~55 s); the full run (bench/finetune_depth.py: 2,400 charts,
    12 epochs, 152 s) scores 1.000 at 7, 10 and 14 people, and 1.000 on a blind corpus written by another hand."""
    org = _org_module()
    rng = np.random.default_rng(0)
    corpus = tmp_path / "org7.jsonl"
    corpus.write_text(
        "".join(json.dumps(org.chart_example(rng, int(rng.integers(4, 8)))) + "\n" for _ in range(600))
    )
    res = finetune(
        corpus, tmp_path / "ft", base="relational", epochs=20, batch_size=32, holdout=0.1, seed=0, threads=1,
        progress=False,
    )  # fmt: skip
    assert {"boss", "grandboss", "report", "grandreport", "peer"} <= set(res.new_answers)
    big = tmp_path / "org14.jsonl"
    rng = np.random.default_rng(14)
    big.write_text("".join(json.dumps(org.chart_example(rng, 14)) + "\n" for _ in range(150)))
    problems, answers = read(big)
    assert len(problems) == 150 and max(len(p.facts) for p in problems) == 13
    loaded = load_checkpoint(tmp_path / "ft")
    acc = answer_accuracy(loaded.model, loaded.task, problems, answers)
    assert acc >= 0.97, acc


def test_lineage_corpus_is_read_whole_terms_with_kinship_words_included(tmp_path):
    """The second family (examples/finetune_lineage_corpus.py): every line reads, as a custom story, even
    questions whose term holds a kinship word ('Is Dov Ann's academic uncle?'), and every term is asked."""
    import sys

    sys.path.insert(0, str(ROOT / "examples"))
    spec = importlib.util.spec_from_file_location("lineage", ROOT / "examples" / "finetune_lineage_corpus.py")
    lineage = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(lineage)  # type: ignore[union-attr]
    rng = np.random.default_rng(3)
    lines = [lineage.tree_example(rng, int(rng.integers(4, 15))) for _ in range(300)]
    with_kin_word = [x for x in lines if any(w in x["question"] for w in ("uncle", "nephew", "sibling"))]
    assert with_kin_word
    path = tmp_path / "lineage.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines))
    problems, answers = read(path)  # strict: no line may be skipped
    assert all(p.family == "custom" for p in problems)
    asked = {p.relation for p in problems if p.relation} | {a for a in answers if isinstance(a, str)}
    assert asked == set(lineage.TERMS.values())
