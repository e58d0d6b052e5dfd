"""Reading logic as others write it, checked against independent oracles: Python's own `eval` of the published
BBH items and of the re-implemented BBH grammar, Python's operators on the expression trees the notation suites
write, truth tables of xor/nand/nor/implies/iff. Never against the parser's own output.

The BBH sample below is from BIG-Bench Hard, `bbh/boolean_expressions.json`, MIT License, Copyright (c) 2022
suzgunmirac (github.com/suzgunmirac/BIG-Bench-Hard): the ten items the previous parser refused or answered
wrongly, and five more.
"""

from __future__ import annotations

import itertools
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from drt_agent.parsers.logic import looks_like_logic, parse_logic, read_logic

from drt_agent.domains.logic import LogicProblem, exact
from drt_agent.errors import DrtError, ParseError

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from external_suites import logic as suites  # noqa: E402

BLIND = ROOT / "tests" / "data" / "blind"
PUBLISHED = ROOT.parent / "shared" / "external" / "bbh_boolean_expressions.jsonl"

BBH_SAMPLE = [  # (text as published, label)
    ("not True and True and True or False is", False),
    ("not not not False and True or False is", True),
    ("True or False or not True or False is", True),
    ("not True or False and True or False is", False),
    ("False or False or not True or False is", False),
    ("True and False and not True or False is", False),
    ("False and not True and True or False is", False),
    ("not False and False or True or False is", True),
    ("not False and False and True or False is", False),
    ("not not False or False and not True is", False),
    ("not ( True ) and ( True ) is", False),
    ("True and not not ( not False ) is", True),
    ("not not not not not not not False is", True),
    ("( True and not True and False ) is", False),
    ("not True or ( True or False ) is", True),
]


def value(text: str, **kw: bool) -> bool:
    return bool(exact(parse_logic(text, **kw)))


def python_eval(expression: str) -> bool:
    """Python's own reading of a True/False/not/and/or/brackets expression (the oracle)."""
    assert set(expression.split()) <= {"True", "False", "not", "and", "or", "(", ")"}
    return bool(eval(expression))  # noqa: S307 - whitelisted tokens only


def equivalent(a: LogicProblem, b: LogicProblem) -> bool:
    """Same value under every assignment of the variables either names."""
    names = sorted(set(a.variables) | set(b.variables))
    for bits in itertools.product([False, True], repeat=len(names)):
        env = dict(zip(names, bits, strict=True))
        pa = LogicProblem(expression=a.expression, variables={k: env[k] for k in a.variables})
        pb = LogicProblem(expression=b.expression, variables={k: env[k] for k in b.variables})
        if exact(pa) != exact(pb):
            return False
    return True


# -- BIG-Bench Hard as published -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "label"), BBH_SAMPLE)
def test_bbh_sample_reads_to_pythons_value(text: str, label: bool) -> None:
    assert python_eval(text.removesuffix(" is")) is label  # the oracle agrees with the published label
    assert value(text) is label
    assert value(text, simplify_negations=True) is label


@pytest.mark.skipif(not PUBLISHED.is_file(), reason="the published BBH items are not on this machine")
def test_every_published_bbh_item_reads_to_its_label() -> None:
    items = [json.loads(line) for line in PUBLISHED.read_text().splitlines() if line.strip()]
    assert len(items) == 250
    for it in items:
        assert python_eval(it["text"].removesuffix(" is")) is it["expected"], it
        assert value(it["text"]) is it["expected"], it
        assert value(it["text"], simplify_negations=True) is it["expected"], it


def test_the_bbh_grammar_generator_matches_bigbench_form() -> None:
    rng = random.Random(5)
    for length in range(1, 15):
        for _ in range(20):
            expr = suites.bbh_expression(length, rng)
            assert len(expr.split()) == length
            assert value(f"{expr} is") is python_eval(expr), expr
    items = suites.bbh_generated(140, 0)
    assert {it["bucket"] for it in items} == {f"BBH grammar, length {n:02d}" for n in range(1, 15)}
    assert all(it["text"].endswith(" is") and it["expected"] is python_eval(it["text"][:-3]) for it in items)


def test_simplify_negations_is_an_exact_rewrite() -> None:
    r = read_logic("not not False or False and not True is", simplify_negations=True)
    assert r.problem.expression == "F | F & !T"
    assert "cancelled 1 double negation" in r.read_as
    plain = read_logic("not not False or False and not True is")
    assert plain.problem.expression == "!!F | F & !T"  # by default the expression is the one written
    rng = random.Random(2)
    for _ in range(200):
        tree = suites.random_tree(rng, rng.randint(1, 5), ["a", "b", "c"], True)
        text = suites.write(tree, suites.NOTATIONS["words"], rng) + " where a=1, b=0, c=1"
        assert equivalent(parse_logic(text), parse_logic(text, simplify_negations=True)), text


# -- notations, rewrites, negation and contradictions -----------------------------------------------------------
@pytest.mark.parametrize("suite", ["logic_notations", "logic_negated"])
def test_generated_suites_read_to_the_oracles_value(suite: str) -> None:
    items = suites.SUITES[suite](450, 3)
    assert len({it["bucket"] for it in items}) >= 8  # every notation / question form is exercised
    for it in items:
        assert value(it["text"]) is it["expected"], it["text"]


def test_boolean_algebra_matches_the_tree_it_was_written_from() -> None:
    rng = random.Random(9)
    for _ in range(300):
        tree = suites.random_tree(rng, rng.randint(1, 4), ["A", "B", "C"], False)
        env = {name: rng.random() < 0.5 for name in "ABC"}
        juxtapose = "('c'," not in repr(tree)
        legend = "' is complement, " + ("juxtaposition is AND" if juxtapose else "· is AND") + ", + is OR"
        given = ", ".join(f"{k} = {int(v)}" for k, v in env.items())
        text = f"Let {given}. Evaluate F = {suites.write_algebra(tree, juxtapose)} ({legend})."
        assert value(text) is suites.value(tree, env), text


@pytest.mark.parametrize(
    ("template", "truth"),
    [
        ("{a} xor {b}", lambda a, b: a != b),
        ("{a} ⊕ {b}", lambda a, b: a != b),
        ("`{a} ^ {b}`", lambda a, b: a != b),
        ("{a} nand {b}", lambda a, b: not (a and b)),
        ("{a} ⊼ {b}", lambda a, b: not (a and b)),
        ("{a} NOR {b}", lambda a, b: not (a or b)),
        ("{a} implies {b}", lambda a, b: (not a) or b),
        ("{a} -> {b}", lambda a, b: (not a) or b),
        ("{a} => {b}", lambda a, b: (not a) or b),
        ("{a} → {b}", lambda a, b: (not a) or b),
        ("{a} iff {b}", lambda a, b: a == b),
        ("{a} <-> {b}", lambda a, b: a == b),
        ("{a} if and only if {b}", lambda a, b: a == b),
        ("{a} ↔ {b}", lambda a, b: a == b),
        ("$a \\leftrightarrow b$", lambda a, b: a == b),
        ("$a \\oplus b$", lambda a, b: a != b),
        ("a -xor b", lambda a, b: a != b),
    ],
)
def test_extended_operators_keep_their_truth_table(template: str, truth) -> None:
    for a, b in itertools.product([False, True], repeat=2):
        words = {"a": "True" if a else "False", "b": "True" if b else "False"}
        if "{a}" in template:
            text = template.format(**words)
        else:
            text = f"{template} where a = {words['a']}, b = {words['b']}"
        r = read_logic(text)
        assert exact(r.problem) is truth(a, b), text
        assert "rewrote" in r.read_as


def test_xor_chains_stay_small_and_exact() -> None:
    terms = [bool(i % 3) for i in range(14)]
    text = " XOR ".join("TRUE" if t else "FALSE" for t in terms)
    r = read_logic(text)
    assert exact(r.problem) is (sum(terms) % 2 == 1)
    assert len(r.problem.expression) < 4000  # balanced: n^2 operands written, not 2^n


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Is it false that T and F?", True),
        ("Is T or F false?", False),
        ("Is True and not False not true?", False),
        ("It is not the case that T and F.", True),
        ("T and F is false", True),
        ("T or F\nIs this false?", False),
        ("Decide whether the following is false: not (T and F)", False),
        ("Is it true that F or not F?", True),
        (
            "Does the condition in\n\nSELECT id FROM users WHERE a OR b;\n\nevaluate to FALSE for this row? a = TRUE, b = FALSE",
            False,
        ),
    ],
)
def test_negated_questions_are_read_not_dropped(text: str, expected: bool) -> None:
    r = read_logic(text)
    assert exact(r.problem) is expected, r.read_as


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("a where a=True, a=False", ["a=True", "a=False"]),
        ("x = 1\nx = 0\nx or y where y = True", ["x = 1", "x = 0"]),
        ("Let p be true. Let p be false. Is p and q true, given q is true?", ["p be true", "p be false"]),
        ("1 AND 0 where 1 = true, 1 = false", ["1 = true", "1 = false"]),
        ("`a = true; b = false; a = false; a && !b`", ["a = true", "a = false"]),
        ("bool flag = true;\nbool flag = false;\nflag || false", ["flag = true", "flag = false"]),
        ("T and F. & is AND, & is OR.", ["& is AND", "& is OR"]),
    ],
)
def test_contradictions_are_refused_quoting_both_parts(text: str, quoted: list[str]) -> None:
    with pytest.raises(ParseError) as info:
        read_logic(text)
    message = str(info.value)
    assert all(q in message for q in quoted), message


@pytest.mark.parametrize(
    "text",
    [
        "Is it false that T and F is false?",  # negated twice: ask once
        "The answer is the opposite of T and F.",
        "Say true only if T and F does not come out true.",
        "T and F is wrong",
        "Invert the result of T or F.",
        "x = not x\nx",
        "1 OR 0 (1 = true, 0 = true)",
        "T or b where T=False, b=True",
        "How many operators are in T and F?",  # asks something other than the value
        "Let p = true and q = false. Is p or q a tautology?",
        "Simplify T and F.",
        "Which of these holds: T and F?",
        "2 < 1 or T",  # a comparison is not stripped as framing
        "10 - 1 and F",
        "-1 and T",
        "Is T and F ever true?",
        "If T and F, what then?",  # a conditional, not a value
    ],
)
def test_negation_cues_and_nonsense_are_refused(text: str) -> None:
    with pytest.raises(DrtError):
        read_logic(text)


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("not T & F", "Python reads it"),
        ("T | F and T", "bind '|' tighter"),
        ("T xor F and T", "xor"),
        ("T -> F -> T", "chain of implications"),
        ("T nand F nand T", "chain of nands"),
        ("T -> F <-> T", "implication beside equivalence"),
        ("p ^ q where p = 1, q = 0", "'^'"),
        ("T and F. T or F.", "found 2 expressions"),
    ],
)
def test_notations_that_disagree_are_refused_with_a_reason(text: str, what: str) -> None:
    with pytest.raises(ParseError, match=None) as info:
        read_logic(text)
    assert what in str(info.value)


# -- the reading report -------------------------------------------------------------------------------------------
def test_reading_reports_framing_assumptions_and_rewrites() -> None:
    r = read_logic("You are a helpful assistant. Decide whether the following holds: 1 AND NOT 0")
    assert r.problem.expression == "T & !F"
    assert r.skipped == ["You are a helpful assistant."]
    assert r.assumptions == ["1 read as true and 0 as false: no legend was given"]
    r = read_logic("1 AND 0 OR 0 (1 = false, 0 = true)")
    assert r.problem.expression == "F & T | T" and r.assumptions == []  # the stated legend is read, inverted
    r = read_logic("True ^ False")
    assert "'^' read as xor, as in C and Python" in r.assumptions
    r = read_logic("T means true and F means false; & is AND, | is OR, ^ is XOR, ~ is NOT.\n~(T ^ F)")
    assert exact(r.problem) is False and r.assumptions == [] and "operators as stated" in r.read_as
    r = read_logic("a xor b where a = True, b = True")
    assert r.read_as.startswith("boolean expression a & !b | !a & b where a=True, b=True (rewrote a xor b")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("```python\na = True\nb = False\nprint(a and not b)\n```\nWhat does this print?", True),
        ("boolean a = true;\nboolean b = false;\nSystem.out.println(a && !b);", True),
        ("SELECT TRUE AND NOT FALSE;", True),
        ("¬(⊤ ∧ ⊥) ∨ ⊥", True),
        ("Let $q$ be true and $p$ be false. Is the formula $\\lnot (p \\land q)$ true or false?", True),
        ("```\nPS> $ok = $true\nPS> $ok -and -not $ok\n```\nWhat does the last command output?", False),
        (
            '```rust\nfn main() {\n    let b = false;\n    let out = !b;\n    println!("{}", out);\n}\n```',
            True,
        ),
        (
            'flags:\n  beta: true\n  eu: false\nrules:\n  serve: "beta and not eu"\nDoes serve evaluate to true?',
            True,
        ),
        ("In C, is !!(1 && 0) || !(0 || 0) true or false?", True),
        ('Suppose D is true and C is false. Is the statement "D and not C" true?', True),
        ("int d = 1, t = 0;\nint r = d && t;\nIs r true or false?", False),  # `t` is a variable here
        ("Given W = FALSE, Z = TRUE, compute NOT (Z NAND W) XOR Z. Answer TRUE or FALSE.", True),
        ("Evaluate **True and not False**.", True),
        ("```\nghci> let y = True; d = False\nghci> y && not d\n```\nWhat does GHCi print?", True),
        ("Question 2: T and not F", True),
        ("With A = 1, B = 0, what is F = AB' + B? (' is complement, juxtaposition is AND, + is OR)", True),
        ("Let A = 0, B = 1. Evaluate F = (A + B·B)' (' is complement, · is AND, + is OR).", False),
    ],
)
def test_notations_people_and_programs_write(text: str, expected: bool) -> None:
    assert value(text) is expected


# -- routing and the blind corpus ----------------------------------------------------------------------------------
def _rows(name: str) -> list[dict]:
    path = BLIND / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.skipif(not (BLIND / "logic_dev.jsonl").is_file(), reason="the blind dev corpus is not present")
def test_blind_dev_corpus_has_no_wrong_reading() -> None:
    read = wrong = 0
    rows = _rows("logic_dev.jsonl")
    for r in rows:
        try:
            got = value(r["text"])
        except DrtError:
            continue
        read += 1
        wrong += got is not r["expected"]
    assert wrong == 0
    assert read >= 0.95 * len(rows)


@pytest.mark.skipif(not (BLIND / "graph_dev.jsonl").is_file(), reason="the blind dev corpus is not present")
def test_graph_and_kinship_texts_are_not_read_as_logic() -> None:
    for name in ("graph_dev.jsonl", "kinship_dev.jsonl"):
        for r in _rows(name):
            with pytest.raises(ParseError):
                read_logic(r["text"])
            assert not looks_like_logic(r["text"]), r["text"][:80]


def test_importing_the_reader_imports_no_torch() -> None:
    code = "import sys, drt_agent.parsers.logic; assert 'torch' not in sys.modules, 'torch imported'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_shipped_model_answers_the_bbh_items_the_old_parser_refused() -> None:
    import drt_agent

    texts = [t for t, _ in BBH_SAMPLE[:9]]
    answers = [s.answer for s in drt_agent.solve_many(texts)]
    assert answers == [label for _, label in BBH_SAMPLE[:9]]
    stacked = read_logic(BBH_SAMPLE[9][0], simplify_negations=True)
    assert drt_agent.solve_many([stacked])[0].answer is BBH_SAMPLE[9][1]
