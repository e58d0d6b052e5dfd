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


# -- blind2 families: programs in many languages, prefix/postfix, netlists, CNF, tables, tool calls ---------------
def _py(expression: str, **values: bool) -> bool:
    """The oracle: Python's own value of an expression written with explicit brackets for the other language's
    precedence (hand-translated, never produced by the reader)."""
    return bool(eval(expression, {}, dict(values)))  # noqa: S307 - test-written expressions only


def _fence(tag: str, body: str, question: str) -> str:
    return f"```{tag}\n{body}\n```\n{question}"


_JAVA = (
    "```java\npublic class Main {\n    public static void main(String[] args) {\n        boolean a = false;\n"
    "        boolean b = false;\n        System.out.println(a & b == b);\n    }\n}\n```\nWhat does it print?"
)
_RUST = '```rust\nfn main() {\n    let a = false;\n    let b = false;\n    println!("{}", a & b == b);\n}\n```\nOutput?'
SOFT_PROGRAMS = [  # Java binds == tighter than &, Rust the other way round: the same line, two values
    (  # Kotlin's named infix functions share one level, left to right: (a or b) and b
        "```kotlin\nfun main() {\n    val a = true\n    val b = false\n    println(a or b and b)\n}\n```\nOutput?",
        "(a or b) and b",
        {"a": True, "b": False},
    ),
    (
        "```kotlin\nfun main() {\n    val a = false\n    val b = false\n    println(a and b == b)\n}\n```\nOutput?",
        "(a and b) == b",
        {"a": False, "b": False},
    ),
    (
        "```haskell\na :: Bool\na = True\nb :: Bool\nb = False\nmain :: IO ()\nmain = print (not a == b || b)\n```\n"
        "What is printed?",
        "((not a) == b) or b",
        {"a": True, "b": False},
    ),
    (
        "```matlab\na = true;\nb = false;\ndisp(~a == b | a & b)\n```\nWhat is displayed?",
        "((not a) == b) or (a and b)",
        {"a": True, "b": False},
    ),
    (_JAVA, "a and (b == b)", {"a": False, "b": False}),
    (_RUST, "(a and b) == b", {"a": False, "b": False}),
    (
        "```javascript\nconst a = true;\nconst b = false;\nconsole.log(!a === b || b);\n```\nWhat is logged?",
        "((not a) == b) or b",
        {"a": True, "b": False},
    ),
    (
        "```swift\nlet a = true\nlet b = false\nprint(a == b || !b)\n```\nWhat is printed?",
        "(a == b) or not b",
        {"a": True, "b": False},
    ),
]


@pytest.mark.parametrize(("text", "oracle", "values"), SOFT_PROGRAMS)
def test_c_family_programs_keep_their_own_precedence(text: str, oracle: str, values: dict) -> None:
    assert value(text) is _py(oracle, **values)


PROGRAMS = [  # (text, oracle expression, values): each checks one precedence rule of its language
    (
        _fence(
            "go",
            'package main\n\nimport "fmt"\n\nfunc main() {\n\ta := true\n\tb := false\n\tfmt.Println(!a == b || b)\n}',
            "What's the output?",
        ),
        "((not a) == b) or b",
        {"a": True, "b": False},
    ),
    (
        _fence("lua", "local a = true\nlocal b = true\nprint(not a == b)", "What does this Lua chunk print?"),
        "(not a) == b",
        {"a": True, "b": True},
    ),
    (
        _fence(
            "cpp",
            "#include <iostream>\nint main() {\n    bool a = true;\n    bool b = false;\n    bool c = true;\n"
            "    bool result = a and b xor c;\n    std::cout << std::boolalpha << result << '\\n';\n}",
            "What does the program print?",
        ),
        "a and (b != c)",
        {"a": True, "b": False, "c": True},
    ),
    (
        _fence(
            "cpp",
            "#include <iostream>\nint main() {\n    bool a = false;\n    bool b = false;\n"
            "    bool result = a == b xor a;\n    std::cout << result << '\\n';\n}",
            "What does the program print?",
        ),
        "(a == b) != a",
        {"a": False, "b": False},
    ),
    (
        _fence(
            "vbnet",
            "Module Program\n    Sub Main()\n        Dim a As Boolean = True\n        Dim b As Boolean = True\n"
            "        Console.WriteLine(Not a = b OrElse a Xor b)\n    End Sub\nEnd Module",
            "What does the console show?",
        ),
        "((not (a == b)) or a) != b",
        {"a": True, "b": True},
    ),
    (
        _fence(
            "lean",
            "def a : Bool := false\ndef b : Bool := true\n#eval !a == b && b",
            "What does `#eval` output (Lean 4)?",
        ),
        "(not (a == b)) and b",
        {"a": False, "b": True},
    ),
    (
        _fence(
            "lean",
            "def a : Bool := true\n#eval !Bool.xor a false || false",
            "What does `#eval` output (Lean 4)?",
        ),
        "(not (a != False)) or False",
        {"a": True},
    ),
    (
        "R console session:\n> a <- TRUE\n> b <- FALSE\n> !a == b & xor(a, b)\n[1] ?\nWhat does R print in place of the ?",
        "not ((a == b) and (a != b))",
        {"a": True, "b": False},
    ),
    (
        "OCaml toplevel:\n```ocaml\n# let a = true and b = false in\n  not a = b || a && b;;\n```\nWhat value does the toplevel print?",
        "((not a) == b) or (a and b)",
        {"a": True, "b": False},
    ),
    (
        _fence(
            "python",
            "import operator\n\na = True\nb = False\n\nprint(not a == b and any([b, operator.xor(a, b)]))",
            "What gets printed?",
        ),
        "(not (a == b)) and (b or (a != b))",
        {"a": True, "b": False},
    ),
    (
        _fence(
            "python",
            "from sympy import symbols, And, Or, Not, Xor, Equivalent, Nand\na, b, c = symbols('a b c')\n"
            "expr = Or(Equivalent(a, b, c), Xor(a, b, c), Nand(a))\nprint(expr.subs({a: True, b: True, c: False}))",
            "What is printed?",
        ),
        "(a == b == c) or ((a + b + c) % 2 == 1) or (not a)",
        {"a": True, "b": True, "c": False},
    ),
    (
        _fence(
            "bash",
            "#!/usr/bin/env bash\na=1\nb=0\nif (( a ^ b && !b == a )); then echo yes; else echo no; fi",
            "Does this script print yes?",
        ),
        "((a != b) and ((not b) == a))",
        {"a": True, "b": False},
    ),
    (
        _fence(
            "bash",
            "#!/usr/bin/env bash\na=1\nb=1\nif (( a && b )); then echo yes; else echo no; fi",
            "Does this script print no?",
        ),
        "not (a and b)",
        {"a": True, "b": True},
    ),
]


@pytest.mark.parametrize(("text", "oracle", "values"), PROGRAMS)
def test_programs_are_read_with_their_languages_precedence(text: str, oracle: str, values: dict) -> None:
    assert value(text) is _py(oracle, **values)


PROGRAM_REFUSALS = [
    (_fence("python", "a = True\nb = True\nc = True\nprint(a == b == c)", "What gets printed?"), "chain"),
    (
        _fence(
            "cpp",
            "#include <iostream>\nint main() {\n    bool a = true;\n    bool result = compl a;\n    std::cout << result;\n}",
            "What does it print?",
        ),
        "compl",
    ),
    ("OCaml toplevel:\n```ocaml\n# let a = true in not not a;;\n```\nWhat does it print?", "not"),
    (
        _fence(
            "go",
            'package main\n\nimport "fmt"\n\nfunc main() {\n\ta := true\n\ta = false\n\tfmt.Println(a)\n}',
            "What's the output?",
        ),
        "twice",
    ),
    (_fence("lua", "local a = true\nx.y = 3\nprint(a)", "What does it print?"), "not read"),
    (_fence("lua", "local a = true\nprint(a)", "What would it print if a were false?"), "false"),
    (
        _fence(
            "bash",
            "#!/usr/bin/env bash\na=2\nif (( a )); then echo yes; else echo no; fi",
            "Does it print yes?",
        ),
        "truth value",
    ),
    (_fence("python", "a = True\nprint(~a)", "What gets printed?"), "integer"),
]


@pytest.mark.parametrize(("text", "why"), PROGRAM_REFUSALS)
def test_programs_that_could_mislead_are_refused_with_a_reason(text: str, why: str) -> None:
    with pytest.raises(ParseError, match=why):
        read_logic(text)


FORMATS = [  # (text, expected by hand)
    # Polish: N K p q with p=1, q=0 -> not (p and q) = True
    (
        "Polish notation, with N = not, K = and, A = or. Evaluate the formula NKpq where p = 1, q = 0. Is it true?",
        True,
    ),
    # C p q = p -> q; with p=1, q=0 false; A with 0: false
    (
        "Łukasiewicz (Polish) notation, with C = implies, A = or. Evaluate the formula ACpq0 where p = 1, q = 0. Is it true?",
        False,
    ),
    # postfix: p q IMP with p=1, q=0 -> False; NOT -> True
    (
        "Evaluate the reverse Polish (postfix) Boolean program\n  p q IMP NOT\nwith p=1; q=0. What is left on the stack: 1 (true) or 0 (false)?",
        True,
    ),
    (
        "Evaluate the reverse Polish (postfix) Boolean program\n  p q EQV q XOR\nwith p=0; q=1. What is left on the stack: 1 (true) or 0 (false)?",
        True,
    ),
    # netlist: g1 = NAND(A, B) = 0 (A=B=1); g2 = XOR(A, B, g1) = parity(1,1,0) = 0; Y = NOR(g1, g2) = 1
    (
        "INPUT A = 1\nINPUT B = 1\ng1 = NAND(A, B)\ng2 = XOR(A, B, g1)\ng3 = NOR(g1, g2)\nOUTPUT Y = g3\n\nIs output Y at logic 1?",
        True,
    ),
    ("INPUT A = 1\nINPUT B = 1\ng1 = NAND(A, B)\nOUTPUT Y = g1\n\nIs output Y at logic 0?", True),
    # DIMACS: (x1 | -x2) & (x2 | x3) with x1=0, x2=0, x3=1 -> (T) & (T) = True; with x3=0 -> False
    (
        "```\np cnf 3 2\n1 -2 0\n2 3 0\n```\nCandidate model (positive = true, negative = false): v -1 -2 3 0\nDoes this assignment satisfy every clause of the CNF above?",
        True,
    ),
    (
        "```\np cnf 3 2\n1 -2 0\n2 3 0\n```\nCandidate model (positive = true, negative = false): v -1 -2 -3 0\nDoes this assignment satisfy every clause of the CNF above?",
        False,
    ),
    # truth-table row: p=T, q=F: (p ↑ q) ↓ q = NOR(NAND(1,0)=1, 0) = 0
    (
        "Complete the missing entry of this truth-table row (T or F):\n\n| p | q | (p ↑ q) ↓ q |\n|---|---|---|\n| T | F | ? |",
        False,
    ),
    # tool call: (a nor b) iff c with a=0,b=0,c=1 -> 1 iff 1 = True
    (
        'Agent log: the model requested\n{"name": "evaluate_boolean", "arguments": {"expression": "(a nor b) iff c", "variables": {"a": false, "b": false, "c": true}}}\nReturn the boolean the tool should produce.',
        True,
    ),
    # Sheffer / Peirce: 1 ↑ 1 = 0; 0 ↓ 0 = 1; 0 ∨ 1 = 1
    ("Digital logic quiz: with ↑ = NAND and ↓ = NOR, what does (1 ↑ 1) ∨ (0 ↓ 0) evaluate to?", True),
    (
        "Compute the value (1 or 0): (1 ↑ 1) ∨ 0   (↑ is the Sheffer stroke / NAND, ↓ is the Peirce arrow / NOR)",
        False,
    ),
    # negated facts: q is not true -> q=F; it is not the case that u is false -> u=T
    ("Suppose q is not true, it is not the case that u is false. Is the following true: u ∧ ¬q?", True),
    ("Suppose s is not false, r is not true. Is the following true: s → r?", False),
    ("pls help, whats false xor true ?? no variables just constants, need it for a quiz", True),
]


@pytest.mark.parametrize(("text", "expected"), FORMATS)
def test_structured_notations_read_to_the_hand_worked_value(text: str, expected: bool) -> None:
    assert value(text) is expected


FORMAT_REFUSALS = [
    ("INPUT A = 1\ng1 = NOT(A)\nOUTPUT Y = g1\n\nIs output Y at logic 1 if A were 0?", "condition"),
    (
        "Polish notation, with N = not. Evaluate the formula Np where p = 1. Is it true when p is flipped?",
        "flip",
    ),
    (
        '{"arguments": {"expression": "a and b", "variables": {"a": true, "b": true}}}\nWhat if a were false?',
        "were false",
    ),
    (
        "INPUT A = 1\nINPUT B = 0\nINPUT C = 1\ng1 = XNOR(A, B, C)\nOUTPUT Y = g1\n\nIs output Y at logic 1?",
        "XNOR",
    ),
    ("INPUT A = 1\ng1 = MUX(A, A)\nOUTPUT Y = g1\n\nIs output Y at logic 1?", "MUX"),
    (
        "```\np cnf 3 2\n1 -2 0\n2 3 0\n```\nCandidate model: v 1 2 0\nDoes this assignment satisfy every clause?",
        "no value",
    ),
    ("Polish notation, with N = not, K = and. Evaluate the formula NKp where p = 1. Is it true?", "missing"),
    (
        "Evaluate the reverse Polish (postfix) Boolean program\n  p q AND q\nwith p=1; q=0. What is left?",
        "alone on one line",
    ),
    ("Complete the truth-table row (T or F):\n\n| p | q | p ∧ q |\n|---|---|---|\n| T | ? | F |", "last"),
]


@pytest.mark.parametrize(("text", "why"), FORMAT_REFUSALS)
def test_structured_notations_refuse_what_they_cannot_read(text: str, why: str) -> None:
    with pytest.raises(ParseError, match=why):
        read_logic(text)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            "We know that p is true; s is true; p is not true. What is the value of p ∧ s?",
            ["p is true", "p is not true"],
        ),
        (
            "Assignment: p := F, q := T. Later in the same problem statement: p := T (no reassignment is intended). "
            "Evaluate p ∨ q.",
            ["p := F", "p := T"],
        ),
        ("Given q = 0, r = 0, q = 1, evaluate q ∨ r.", ["q = 0", "q = 1"]),
    ],
)
def test_values_stated_twice_anywhere_are_refused_quoting_both(text: str, quoted: list[str]) -> None:
    with pytest.raises(ParseError) as err:
        read_logic(text)
    for q in quoted:
        assert q in str(err.value)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            '{"arguments": {"expression": "q or s", "variables": {"q": true, "s": false, "q": false}}}\nResult?',
            ["true", "false"],
        ),
        (
            "INPUT A = 1\nINPUT A = 0\ng1 = NOT(A)\nOUTPUT Y = g1\n\nIs output Y at logic 1?",
            ["INPUT A = 1", "INPUT A = 0"],
        ),
        (
            "Polish notation, with N = not. Evaluate the formula Np where p = 1, p = 0. Is it true?",
            ["p = 1", "p = 0"],
        ),
    ],
)
def test_structured_notations_refuse_a_value_given_twice_quoting_both(text: str, quoted: list[str]) -> None:
    with pytest.raises(ParseError) as err:
        read_logic(text)
    for q in quoted:
        assert q in str(err.value)


def test_blind2_dev_corpus_has_no_wrong_reading() -> None:
    rows = [
        json.loads(x)
        for x in (ROOT / "tests/data/blind2/logic_dev.jsonl").read_text().splitlines()
        if x.strip()
    ]
    read = 0
    for row in rows:
        try:
            got = value(row["text"])
        except DrtError:
            continue
        assert row["expected"] is not None, row["text"]
        assert got is row["expected"], row["text"]
        read += 1
    assert read >= 120


_POLICY = (
    "Access policy (attribute names in lower case):\n  grant = (admin OR owner) AND NOT suspended\n\n"
    "Facts: Ann is an admin. Ann owns the repository. Ann is not suspended.\n\nIs Ann granted access?"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_POLICY, True),  # (T or T) and not F
        (_POLICY.replace("Ann is not suspended.", "Ann is suspended."), False),
        (_POLICY.replace("Ann is an admin. Ann owns", "Ann is not an admin. Ann does not own"), False),
    ],
)
def test_access_policies_read_each_fact_as_one_attribute(text: str, expected: bool) -> None:
    assert value(text) is expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (_POLICY.replace("Ann is not suspended.", "Ann is never suspended."), "never"),
        (_POLICY.replace("Ann is not suspended.", "Bob is not suspended."), "not about Ann"),
        (_POLICY.replace(" Ann is not suspended.", ""), "no fact says"),
        (_POLICY.replace("Ann is not suspended.", "Ann is an admin who is not suspended."), "2 attributes"),
        (_POLICY.replace("Is Ann granted access?", "Is Ann denied access?"), "one person"),
    ],
)
def test_access_policies_refuse_facts_they_cannot_map(text: str, why: str) -> None:
    with pytest.raises(ParseError, match=why):
        read_logic(text)


def test_a_reserved_letter_stated_both_ways_is_refused_quoting_both() -> None:
    with pytest.raises(ParseError) as err:
        read_logic("We know that s is false; t is true; t is not true. What is the value of t ↓ s?")
    assert "t is true" in str(err.value) and "t is not true" in str(err.value)


def test_a_contradiction_with_arrows_reaches_the_user_as_the_logic_readers_message() -> None:
    from drt_agent.parsers.detect import parse

    with pytest.raises(ParseError) as err:  # '→' beside '↑': an implication, not a graph edge
        parse("Given q = 0, r = 0, q = 1, evaluate ((q → r) → r) ∨ (r ↑ q).")
    assert "q = 0" in str(err.value) and "q = 1" in str(err.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # hand-worked: a=T, b=F throughout
        ("```scheme\n(define a #t)\n(define b #f)\n(display (and a (not b)))\n```\nWhat is displayed?", True),
        ("```racket\n(let ((a #t) (b #f)) (nand a (xor a b)))\n```\nWhat does it return?", False),
        ("```clojure\n(def a true)\n(def b false)\n(println (= a b (not a)))\n```\nWhat is printed?", False),
        (
            "```smt2\n(declare-const a Bool)\n(declare-const b Bool)\n(assert (= a true))\n(assert (not b))\n"
            "(eval (=> a b a))\n```\nWhat does the solver print?",
            True,  # a => (b => a)
        ),
        ("```smt2\n(define-fun a () Bool true)\n(eval (ite a false true))\n```\nWhat is printed?", False),
        ("```lisp\n(defvar a t)\n(defvar b nil)\n(print (or b (not a)))\n```\nWhat is printed?", False),
        ("In Scheme: (and #t (or #f #t)) evaluates to what?", True),
    ],
)
def test_s_expressions_read_with_their_familys_literals(text: str, expected: bool) -> None:
    assert value(text) is expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("```scheme\n(define a #t)\n(display (= a #t))\n```\nWhat is displayed?", "'=' is not read"),
        (
            "```smt2\n(declare-const a Bool)\n(assert (= a true))\n(assert (= a false))\n(eval a)\n```",
            "two values",
        ),
        (
            "```smt2\n(declare-const a Bool)\n(assert a)\n(check-sat)\n```\nWhat is the result?",
            "satisfiability",
        ),
        ("```clojure\n(def a true)\n(println (and a nil))\n```\nWhat is printed?", "nil"),
        ("```scheme\n(display (and #t #f))\n```\nWhat is displayed if it were flipped?", "flip"),
    ],
)
def test_s_expressions_refuse_what_their_family_does_not_say(text: str, why: str) -> None:
    with pytest.raises(ParseError, match=why):
        read_logic(text)


def test_asking_what_runs_print_is_not_a_condition() -> None:
    code = "```lua\nlocal a = true\nprint(not a)\n```\n"
    assert value(code + "What is printed when it runs?") is False
    with pytest.raises(ParseError):
        read_logic(code + "What is printed when a is false?")


@pytest.mark.parametrize(
    ("text", "oracle", "values"),
    [
        (
            "Python REPL:\n>>> a = True\n>>> b = False\n>>> not a == b\n?\nWhat does Python echo?",
            "not (a == b)",
            {"a": True, "b": False},
        ),
        (
            "Node.js session:\n> const a = true;\nundefined\n> const b = false;\nundefined\n> !a === b\n?\nWhat does node print?",
            "(not a) == b",
            {"a": True, "b": False},
        ),
        (
            "ghci> let a = True\nghci> not a == False\n?\nWhat does GHCi print?",
            "(not a) == False",
            {"a": True},
        ),
    ],
)
def test_repl_sessions_read_the_echoed_expression_at_their_languages_precedence(
    text: str, oracle: str, values: dict
) -> None:
    assert value(text) is _py(oracle, **values)


def test_scope_of_it_is_not_the_case_before_and_is_not_guessed() -> None:
    with pytest.raises(ParseError):
        read_logic("Suppose it is not the case that a is true and b is false. Is the following true: a ∨ b?")


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # hand-worked
        ("In Excel, A1 = TRUE and B1 = FALSE. Cell C1 contains =AND(A1, NOT(B1)). What does C1 show?", True),
        (
            "Spreadsheet: A1 is TRUE, B1 is TRUE, A2 is FALSE. The formula =XOR(A1, B1, A2) is in C1. What does it return?",
            False,
        ),
        ("Google Sheets: A1 is FALSE. What does =IF(A1, FALSE, OR(A1, TRUE)) return?", True),
    ],
)
def test_spreadsheet_formulas_read_with_parity_xor(text: str, expected: bool) -> None:
    assert value(text) is expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("In Excel, A1 = TRUE. C1 holds =OR(A1, B1). What does C1 show?", "B1"),
        ("In Excel, A1 = TRUE, A1 = FALSE. C1 holds =NOT(A1). What does C1 show?", "two values"),
        ("In Excel, A1 = TRUE. C1 holds =NOT(A1). What does C1 show if A1 were FALSE?", "FALSE"),
    ],
)
def test_spreadsheet_formulas_refuse_missing_or_conflicting_cells(text: str, why: str) -> None:
    with pytest.raises(ParseError, match=why):
        read_logic(text)
