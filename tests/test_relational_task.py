"""The relational task: exact solvers, generators, the structured interface, and name-agnosticism."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from drt_agent.core import CoreConfig, DepthPolicy
from drt_agent.model import DRTModel, ModelConfig
from drt_agent.problems import Fact, RelationalProblem
from drt_agent.tasks import make_task
from drt_agent.tasks.relational import (
    IGNORE,
    KEY_OF_TERM,
    OFFSET_OF_WORD,
    RelationalTask,
    kin_step,
    offset_word,
    solve_exact,
    term_for,
)


def story(
    *facts: tuple[str, str, str], subject: str, anchor: str, relation: str | None = None, family="kinship"
):
    return RelationalProblem(
        facts=[Fact(subject=s, relation=r, object=o) for s, r, o in facts],
        subject=subject,
        object=anchor,
        relation=relation,
        family=family,
    )


@pytest.mark.parametrize(
    ("facts", "subject", "anchor", "term"),
    [
        ([("Ann", "mother", "Bob")], "Ann", "Bob", "mother"),
        ([("Ann", "mother", "Bob")], "Bob", "Ann", "child"),  # no fact says whether Bob is male
        ([("Ann", "mother", "Bob"), ("Cy", "brother", "Ann")], "Cy", "Bob", "uncle"),
        ([("Ann", "mother", "Bob"), ("Cy", "brother", "Ann")], "Bob", "Cy", "niece or nephew"),
        ([("Bob", "son", "Ann"), ("Cy", "brother", "Ann")], "Bob", "Cy", "nephew"),
        ([("Ann", "mother", "Bob"), ("Dee", "mother", "Ann")], "Dee", "Bob", "grandmother"),
        (
            [("Ann", "mother", "Bob"), ("Dee", "mother", "Ann"), ("Eve", "mother", "Dee")],
            "Eve",
            "Bob",
            "great-grandmother",
        ),
        ([("Ann", "sister", "Bob"), ("Cid", "son", "Ann")], "Cid", "Bob", "nephew"),
        ([("Ann", "wife", "Bob"), ("Cid", "brother", "Ann")], "Cid", "Bob", "brother-in-law"),
        ([("Ann", "wife", "Bob"), ("Dot", "mother", "Ann")], "Dot", "Bob", "mother-in-law"),
        ([("Ann", "daughter", "Bob"), ("Cal", "husband", "Ann")], "Cal", "Bob", "son-in-law"),
        (
            [("Ann", "sister", "Bob"), ("Cid", "son", "Ann"), ("Ed", "son", "Bob")],
            "Cid",
            "Ed",
            "first cousin",
        ),
        ([("Ann", "mother", "Bob"), ("Cy", "sister", "Ann"), ("Di", "husband", "Cy")], "Di", "Bob", "uncle"),
        ([("Ann", "sister", "Bob"), ("Bob", "son", "Cy")], "Cy", "Ann", "parent"),  # a sibling's parent
        ([("Ann", "great-grandmother", "Bob"), ("Bob", "brother", "Jo")], "Ann", "Jo", "great-grandmother"),
    ],
)
def test_kinship_exact_solver(facts, subject, anchor, term):
    p = story(*facts, subject=subject, anchor=anchor)
    assert solve_exact(p) == term
    assert solve_exact(p.model_copy(update={"relation": term})) is True
    assert solve_exact(p.model_copy(update={"relation": "great-aunt"})) is False


def test_unlinked_person_is_unrelated():
    p = story(("Ann", "mother", "Bob"), ("Cy", "brother", "Dee"), subject="Cy", anchor="Bob")
    assert solve_exact(p) == "unrelated"


def test_terms_and_keys_round_trip():
    for term, key in KEY_OF_TERM.items():
        assert term_for(key, {"f": "f", "m": "m", None: None}[_gender(term)]) == term


def _gender(term: str) -> str | None:
    from drt_agent.tasks.relational import GENDER_OF_TERM

    return GENDER_OF_TERM[term]


def test_kin_step_composes_generations():
    key = "self"
    for _ in range(5):
        key = kin_step(key, "U")
    assert key == "b5.0" and term_for(key, "f") == "great-great-great-grandmother"
    assert kin_step("b2.0", "S") == "b3.1" and term_for("b3.1", "m") == "great-uncle"
    assert kin_step("b0.2", "U") == "other"  # a grandchild's other parent is no blood relation


def test_paper_offsets():
    # e0 parent of e1, e1 parent of e2, e2 child of e3: offset of e0 relative to e3 = 2 - 1 = +1
    facts = [("e0", "parent", "e1"), ("e1", "parent", "e2"), ("e2", "child", "e3"), ("x", "sibling", "y")]
    p = story(*facts, subject="e0", anchor="e3", relation="parent", family="paper")
    assert solve_exact(p) is True
    assert solve_exact(p.model_copy(update={"relation": "great-grandparent"})) is False
    assert OFFSET_OF_WORD[offset_word(-7)] == -7 and offset_word(3) == "great-grandparent"


@pytest.mark.parametrize("name", ["relational", "relational-paper", "relational-paper-seq"])
def test_generated_labels_match_the_exact_solver(name):
    task = make_task(name)
    rng = np.random.default_rng(3)
    for k in (1, 2, 4, 7) if task.family == "kinship" else (2, 5, 9):
        problems, batch = task.sample(40, k, rng)
        gold = batch.labels[torch.arange(len(problems)), batch.answer_index]
        for p, g in zip(problems, gold.tolist(), strict=True):
            exact = solve_exact(p)
            want = ("yes" if exact else "no") if isinstance(exact, bool) else exact
            assert task.classes[g] == want
        if task.family == "paper":  # the paper's labels alternate: exactly balanced
            assert sum(solve_exact(p) is True for p in problems) == len(problems) // 2
        assert (batch.complexity == k).all()


def test_paper_generator_uses_hard_negatives():
    task = make_task("relational-paper")
    problems, _ = task.sample(200, 5, np.random.default_rng(0))
    from drt_agent.tasks.relational import generation_offsets

    for p in problems:
        true = generation_offsets(p.facts, p.object)[p.subject]
        assert abs(OFFSET_OF_WORD[p.relation] - true) in (0, 2, 4)


def test_structured_mask_links_sentences_and_mentions():
    task = RelationalTask(family="kinship")
    p = story(("Ann", "mother", "Bob"), ("Cy", "brother", "Ann"), subject="Cy", anchor="Bob")
    b = task.encode([p])
    m = b.mask[0]
    # layout: [Ann mother Bob] [Cy brother Ann] [Q Cy Bob ANS]
    assert m[0, 2] and m[2, 0] and not m[0, 3]  # own sentence only...
    assert m[0, 5] and m[5, 0]  # ...and the other mention of Ann
    assert not m[1, 5]  # a relation word does not see other sentences
    assert m[9, 7] and m[9, 8] and not m[9, 0]  # the answer token sees the question sentence
    assert m[7, 3] and not m[3, 7]  # the question reads Cy's fact mention; the story never reads the question
    assert b.roles[0].tolist() == [
        0,
        0,
        2,
        0,
        0,
        0,
        0,
        1,
        2,
        0,
    ]  # the anchor everywhere, the subject in the question
    assert b.answer_index[0] == 9 and int(b.valid.sum()) == 10


def test_paper_interface_is_plain_sequence():
    task = make_task("relational-paper-seq")
    problems, b = task.sample(4, 3, np.random.default_rng(1))
    n = b.valid.sum(-1)
    for i in range(4):
        assert b.mask[i, : n[i], : n[i]].all()  # full attention
        assert b.positions[i, : n[i]].tolist() == list(range(int(n[i])))
        assert (b.roles[i] == 0).all()  # no structural hints
        assert (b.labels[i] != IGNORE).sum() >= 1


def _rename(p: RelationalProblem, mapping: dict[str, str]) -> RelationalProblem:
    return p.model_copy(
        update={
            "facts": [
                Fact(subject=mapping[f.subject], relation=f.relation, object=mapping[f.object])
                for f in p.facts
            ],
            "subject": mapping[p.subject],
            "object": mapping[p.object],
        }
    )


@pytest.mark.parametrize("name", ["relational", "relational-paper"])
def test_renaming_every_person_changes_nothing(name):
    task = make_task(name)
    torch.manual_seed(0)
    cfg = ModelConfig(task=name, vocab_size=task.vocab_size, n_roles=3, n_classes=task.n_classes,
                      core=CoreConfig(d_model=32, n_heads=4, d_ff=64, rope=True))  # fmt: skip
    model = DRTModel(cfg).eval()
    problems, _ = task.sample(30, 3, np.random.default_rng(5))
    rng = np.random.default_rng(9)
    fancy = ["Zoë", "Jean-Luc", "Mary Ann", "Ng", "O'Brien", "X Æ A-12"] + [f"Person{i}" for i in range(40)]
    renamed = []
    for p in problems:
        people = sorted({f.subject for f in p.facts} | {f.object for f in p.facts})
        new = [str(v) for v in rng.permutation(fancy)[: len(people)]]
        renamed.append(_rename(p, dict(zip(people, new, strict=True))))
    a, b = task.encode(problems), task.encode(renamed)
    assert torch.equal(a.tokens, b.tokens) and torch.equal(a.mask, b.mask)
    pa = model.solve(a, DepthPolicy(steps=6)).probs
    pb = model.solve(b, DepthPolicy(steps=6)).probs
    assert task.decode(pa, problems) == task.decode(pb, renamed)
    assert [solve_exact(p) for p in problems] == [solve_exact(p) for p in renamed]


def test_too_many_people_is_a_limit_error():
    from drt_agent.errors import LimitError

    facts = [(f"P{i}", "sibling", f"P{i + 1}") for i in range(40)]
    with pytest.raises(LimitError, match="at most"):
        RelationalTask().encode([story(*facts, subject="P0", anchor="P40")])


@pytest.mark.parametrize("family", ["paper", "kinship"])
def test_horizon_targets_follow_the_frontier(family):
    # a chain of k facts: the subject's question mention is 2k hops from the anchor's story mentions, the
    # answer one more; with fewer steps the answer is "no" so far (yes/no) or unlabelled (open questions)
    task = RelationalTask(family=family, horizon_targets=True)
    full = RelationalTask(family=family)
    k = 4
    for steps in (1, 2 * k, 2 * k + 1, 20):
        rng = np.random.default_rng([11, steps])
        problems, batch = task.sample(30, k, rng, steps=steps)
        plain = full.encode(problems, with_labels=True, rng=np.random.default_rng([11, steps]))
        ans = batch.labels[torch.arange(len(problems)), batch.answer_index]
        gold = plain.labels[torch.arange(len(problems)), plain.answer_index]
        other = task.class_id["other"]
        # labels only ever drop to "other" (not reached yet); they never name a different relation
        changed = batch.labels != plain.labels
        changed[torch.arange(len(problems)), batch.answer_index] = False
        assert (batch.labels[changed] == other).all()
        if steps > 2 * k:
            assert torch.equal(ans, gold)
        else:
            for p, a in zip(problems, ans.tolist(), strict=True):
                assert a == (task.class_id["no"] if p.relation is not None else IGNORE)
    assert not torch.equal(*(task.sample(8, 5, np.random.default_rng(0), steps=s)[1].labels for s in (3, 30)))


def test_branch_facts_hang_off_the_chain_and_keep_the_answer():
    task = RelationalTask(family="paper", branch=4)
    problems, batch = task.sample(60, 3, np.random.default_rng(4))
    from drt_agent.tasks.relational import generation_offsets

    longest = 0
    for p in problems:
        offsets = generation_offsets(p.facts, p.object)
        linked = sum(v is not None for v in offsets.values())
        assert linked >= 3 + 2  # the chain's four people and at least one on the branch
        longest = max(longest, linked - 4)
    assert longest == 4
    gold = batch.labels[torch.arange(len(problems)), batch.answer_index]
    assert all(
        task.classes[g] == ("yes" if solve_exact(p) else "no")
        for p, g in zip(problems, gold.tolist(), strict=True)
    )


@pytest.mark.parametrize("family", ["paper", "kinship"])
def test_subject_readout_decodes_the_subjects_relation(family):
    # the answer is read at the question's subject mention: holding the right relation must decode to the
    # exact answer (open: the term; yes/no: is it the asked relation), and accept says exactly that
    task = RelationalTask(family=family, readout="subject")
    problems, batch = task.sample(120, 3, np.random.default_rng(2))
    rows = torch.arange(len(problems))
    assert (batch.tokens[rows, batch.answer_index] >= 5).all()  # an entity slot, not [ANS]
    assert not (batch.tokens == task.word_id["[ANS]"]).any()
    held = batch.labels[rows, batch.answer_index]
    onehot = torch.nn.functional.one_hot(held, task.n_classes).float()
    assert task.decode(onehot, problems) == [solve_exact(p) for p in problems]
    assert batch.is_correct(held).all()
    wrong = (held + 1) % task.n_classes
    decoded = task.decode(torch.nn.functional.one_hot(wrong, task.n_classes).float(), problems)
    assert batch.is_correct(wrong).tolist() == [
        d == solve_exact(p) for d, p in zip(decoded, problems, strict=True)
    ]
    with pytest.raises(ValueError, match="readout"):
        RelationalTask(interface="paper", readout="subject")


def test_flip_states_chain_facts_from_either_side_in_training_batches_only():
    from drt_agent.tasks.relational import generation_offsets

    task = RelationalTask(
        family="paper", flip=0.5, anchor_shift=True, horizon_targets=True, readout="subject"
    )
    train_problems, train = task.sample(40, 4, np.random.default_rng(1), steps=12)
    eval_problems, _ = task.sample(40, 4, np.random.default_rng(1))
    # the paper's orientation: every chain fact is "e_i is the parent/child of e_i+1", subject before object
    relations = [f.relation for p in train_problems for f in p.facts]
    assert "parent" in relations and "child" in relations
    for p in train_problems + eval_problems:  # flipping never changes who is related how
        offsets = generation_offsets(p.facts, p.object)
        assert offsets[p.subject] is not None
    assert not (train.roles[train.roles >= 2] == 2).all()  # shifted anchors in training
    plain = RelationalTask(family="paper")
    same, _ = plain.sample(40, 4, np.random.default_rng(1))
    assert [p.facts for p in same] == [p.facts for p in eval_problems]  # evaluation is the paper's generator


@pytest.mark.parametrize("flip", [0.0, 1.0])
def test_flip_turns_every_chain_fact_around(flip):
    from drt_agent.tasks.relational import paper_problem

    rng = np.random.default_rng(3)
    for _ in range(20):
        p = paper_problem(rng, 4, positive=True, flip=flip)
        roles = {
            ("subject" if f.subject == p.subject else "object")
            for f in p.facts
            if p.subject in (f.subject, f.object)
        }
        assert roles == ({"object"} if flip else {"subject"})  # e0 starts the chain's first fact, or ends it
        assert solve_exact(p) is True


def test_anchor_key_starts_training_anchors_at_random_keys_only_in_training_batches():
    from drt_agent.tasks.relational import ROLE_ANCHOR, START_KEYS

    plain = RelationalTask(horizon_targets=True, readout="subject")
    assert plain.n_roles == 3 and "anchor_key" not in plain.knobs()  # off: today's task, today's config
    task = RelationalTask(horizon_targets=True, readout="subject", anchor_key=1.0)
    assert task.n_roles == ROLE_ANCHOR + len(START_KEYS) and task.knobs()["anchor_key"] == 1.0
    problems, batch = task.sample(16, (1, 3), np.random.default_rng(3), steps=40)
    shifted = 0
    for b, p in enumerate(problems):
        shift = int(batch.roles[b].max()) - ROLE_ANCHOR
        shifted += shift > 0
        # the anchor holds its start key, and every target is composed from it by the per-fact rule
        assert shift >= 0
        per, _, _ = task._targets(p, shift)
        start = START_KEYS[shift]
        expect = "self" if start == "self" else term_for(start, None)
        anchor_cls = task.classes[per[p.object]]
        assert anchor_cls == expect or KEY_OF_TERM.get(anchor_cls) == start
    assert shifted == 16
    _, evaluation = task.sample(16, (1, 3), np.random.default_rng(3))
    assert int(evaluation.roles.max()) == ROLE_ANCHOR  # evaluation batches keep the anchor at "self"
    with pytest.raises(ValueError, match="anchor_key"):
        RelationalTask(readout="answer", anchor_key=0.5)


def test_anchor_from_ancestors_starts_only_at_ancestor_keys():
    from drt_agent.tasks.relational import ROLE_ANCHOR, START_KEYS

    task = RelationalTask(horizon_targets=True, readout="subject", anchor_key=1.0, anchor_from="ancestors")
    assert task.knobs()["anchor_from"] == "ancestors"
    assert (
        "anchor_from" not in RelationalTask(horizon_targets=True, readout="subject", anchor_key=1.0).knobs()
    )
    _, batch = task.sample(64, (1, 3), np.random.default_rng(3), steps=40)
    starts = {START_KEYS[int(r.max()) - ROLE_ANCHOR] for r in batch.roles}
    assert starts <= {f"b{a}.0" for a in range(1, 7)} and len(starts) >= 4
    with pytest.raises(ValueError, match="anchor_from"):
        RelationalTask(readout="subject", anchor_key=0.5, anchor_from="cousins")


def test_kin_keys_from_a_start_key_compose_the_per_fact_rule():
    from drt_agent.domains.relational import kin_keys

    facts = [
        Fact(subject="A", relation="mother", object="B"),
        Fact(subject="C", relation="sister", object="A"),
    ]
    assert kin_keys(facts, "B") == {"A": "b1.0", "B": "self", "C": "b2.1"}
    assert kin_keys(facts, "B", "b2.0") == {"A": "b3.0", "B": "b2.0", "C": "b4.1"}


def test_distractor_lines_only_in_training_batches():
    from drt_agent.tasks.relational import kinship_problem

    plain = RelationalTask(horizon_targets=True, readout="subject")
    assert "distractors" not in plain.knobs() and "line" not in plain.knobs()
    # off: the generator draws exactly today's stories
    a = kinship_problem(np.random.default_rng(4), 3)
    b = kinship_problem(np.random.default_rng(4), 3, 0.5, (2, 6), 0.0)
    assert a == b
    task = RelationalTask(horizon_targets=True, readout="subject", distractors=12, line=1.0)
    problems, _ = task.sample(8, 2, np.random.default_rng(0), steps=30)
    assert max(len(p.facts) for p in problems) > 8  # more extra relatives in training
    problems, _ = task.sample(8, 2, np.random.default_rng(0))
    assert max(len(p.facts) for p in problems) <= 8  # evaluation keeps today's stories
    for p in problems:
        assert solve_exact(p) is not None


def test_straight_lines_reach_deeper_keys_in_training_batches_only():
    from drt_agent.domains.relational import kin_keys

    def deep(task: RelationalTask, steps: int | None) -> int:
        """People five or more generations from the anchor's line in 20 batches of 2-fact questions."""
        rng = np.random.default_rng(5)
        n = 0
        for _ in range(20):
            problems, _ = task.sample(16, 2, rng, steps=steps)
            for p in problems:
                keys = kin_keys(p.facts, p.object).values()
                n += sum(k.startswith("b") and max(int(v) for v in k[1:].split(".")) >= 5 for k in keys)
        return n

    lines = RelationalTask(horizon_targets=True, readout="subject", distractors=14, line=0.6)
    straight = RelationalTask(horizon_targets=True, readout="subject", distractors=14, line=0.6, straight=0.8)
    assert "straight" not in lines.knobs() and straight.knobs()["straight"] == 0.8
    assert deep(straight, 30) > 2 * deep(lines, 30)
    assert deep(straight, None) == deep(lines, None)  # evaluation batches: today's stories


def test_key_targets_give_a_terms_second_key_its_own_class():
    plain = RelationalTask(horizon_targets=True, readout="subject")
    task = RelationalTask(horizon_targets=True, readout="subject", key_targets=True)
    assert "key_targets" not in plain.knobs() and task.classes[: plain.n_classes] == plain.classes
    # A's grandparent's sibling's child's child's child: b3.3 would be reached from b3.2, not b2.3
    p = story(
        ("G", "mother", "A"),
        ("H", "mother", "G"),
        ("I", "sister", "H"),
        ("J", "daughter", "I"),
        subject="J",
        anchor="A",
    )
    per, _, _ = task._targets(p)
    assert task.classes[per["J"]] == "first cousin once removed@b3.2"
    assert plain.classes[plain._targets(p)[0]["J"]] == "first cousin once removed"
    probs = torch.zeros(1, task.n_classes)
    probs[0, per["J"]] = 1.0
    assert task.decode(probs, [p]) == ["first cousin once removed"] == [solve_exact(p)]
    # the named term's probability counts both of its classes (it was the first key's alone: near 0 here)
    assert task.answer_prob(probs, [p]).item() == pytest.approx(1.0)
    asked = p.model_copy(update={"relation": "first cousin once removed"})
    assert task.decode(probs, [asked]) == [True]


def test_factored_readout_builds_every_kinship_term_from_shared_factors():
    task = RelationalTask(horizon_targets=True, readout="subject", key_targets=True, factored=True)
    plain = RelationalTask(horizon_targets=True, readout="subject", key_targets=True)
    assert task.classes == plain.classes and plain.class_factors() is None
    factors = dict(zip(task.classes, task.class_factors(), strict=True))
    # a deep term shares its "generations up" with the ancestor and its "down" with the near cousin
    deep = set(factors["first cousin 3 times removed@b5.2"])
    assert deep == set(factors["great-great-great-grandmother"][:2]) | {factors["first cousin"][2]}
    assert factors["mother"][:3] == factors["father"][:3] != factors["aunt"][:3]
    assert factors["mother"][3] == factors["wife"][1]  # "female" is one factor, whatever the relation
    assert len(factors["first cousin"]) == 3  # a word that names no gender has no gender factor
    assert len({tuple(f) for f in factors.values()}) == task.n_classes  # no two classes are the same sum
    assert {len(factors[c]) for c in ("other", "yes", "no")} == {1}


def test_factored_readout_sums_factor_scores_and_survives_growing(tmp_path):
    from drt_agent.checkpoint import load_checkpoint, save_checkpoint
    from drt_agent.train import grown

    task = RelationalTask(horizon_targets=True, readout="subject", key_targets=True, factored=True)
    torch.manual_seed(0)
    model = DRTModel(ModelConfig.for_task(task, CoreConfig(d_model=16, n_heads=2, d_ff=32))).eval()
    n_factors = 1 + max(i for fs in task.class_factors() for i in fs)
    assert model.readout.net[-1].out_features == n_factors < task.n_classes
    h = torch.randn(3, 16)
    scores = model.readout.net(h)
    logits = model.readout(h)
    for c, fs in enumerate(task.class_factors()):
        assert torch.allclose(logits[:, c], scores[:, fs].sum(-1), atol=1e-6)
    # save and load: the factors follow from the task's knobs, the weights are the factor scores
    loaded = load_checkpoint(save_checkpoint(tmp_path / "ckpt", model, task))
    assert loaded.task.knobs()["factored"] is True
    assert torch.allclose(loaded.model.readout(h), logits, atol=1e-6)
    # fine-tuning grows it by new answers: each adds a factor after the base's, and old classes keep their logits
    bigger = task.extended([story(("A", "manages", "B"), subject="A", anchor="B")], ["boss"])
    big = grown(model, bigger).eval()
    assert big.readout.net[-1].out_features == n_factors + 1
    out = big.readout(h)
    assert torch.allclose(out[:, : task.n_classes], logits, atol=1e-6)
    assert torch.allclose(out[:, bigger.class_id["boss"]], torch.zeros(3), atol=1e-6)


def test_the_readouts_rule_watches_mentions_not_relation_words():
    task = RelationalTask(horizon_targets=True, readout="subject")
    p = story(("A", "mother", "B"), ("C", "brother", "B"), subject="C", anchor="A")
    batch = task.encode([p])
    words = [task.vocab[int(t)] for t in batch.tokens[0]]
    watched = [w for w, on in zip(words, batch.watch[0].tolist(), strict=True) if on]
    assert watched and all(w.startswith("[E") for w in watched)
    assert len(watched) == 6  # two people per fact, and the question's two
