"""Logic text the parser was not written around, labelled by Python's own evaluation (never by the parser).

- `bbh_generated`: BIG-Bench Hard's boolean_expressions grammar re-implemented (constants True/False, `not`,
  `and`/`or`, brackets, a trailing " is"; an expression is a sequence of exactly L tokens, brackets counted, as in
  BIG-bench's task, which allows lengths 1-14; published BBH items have L = 8). Expressions are drawn uniformly
  among all valid ones of each length 1-14; the label is `eval` of the expression in Python.
- `logic_notations`: random expression trees written the ways people and programs write them (Python, C/Java in
  backticks and code fences, SQL capitals, mathematical symbols, bits with a legend, code with assignments,
  framing sentences, xor/nand/nor/implies/iff with the brackets a careful writer puts); labelled by evaluating
  the tree in Python.
- `logic_negated`: questions that ask whether an expression is false ("Is it false that ...?", "Is ... false?",
  "... is not true", "Is this false?"); the label is Python's `not` of the value.
- `logic_contradictions`: a variable or a digit given two values, a question negated twice; every item must be
  refused (expected None: "refused" is the right outcome, any answer is wrong).
- `logic_blind_dev`: tests/data/blind/logic_dev.jsonl, written without reading the parser (when present).

    python bench/external.py --suite bbh_generated --suite logic_notations --show-wrong 10
    python bench/external_suites/logic.py --suite bbh          # read with simplify_negations=True, then solve
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BLIND = ROOT / "tests" / "data" / "blind" / "logic_dev.jsonl"
Item = dict[str, Any]

# -- BIG-Bench Hard's grammar ------------------------------------------------------------------------------------
# States: "want" (a value is expected: at the start, after an operator or '(') and "have" (after a value or ')').
_MOVES = {
    "want": [("True", "have", 0), ("False", "have", 0), ("not", "want", 0), ("(", "want", 1)],
    "have": [("and", "want", 0), ("or", "want", 0), (")", "have", -1)],
}
_PYTHON_TOKENS = {"True", "False", "not", "and", "or", "(", ")"}


@cache
def _count(left: int, depth: int, state: str) -> int:
    """How many valid token sequences of `left` more tokens complete this state (depth: open brackets)."""
    if left == 0:
        return int(depth == 0 and state == "have")
    if depth > left:
        return 0
    return sum(_count(left - 1, depth + dd, nxt) for _, nxt, dd in _MOVES[state] if depth + dd >= 0)


def bbh_expression(length: int, rng: random.Random) -> str:
    """One expression of exactly `length` tokens, uniform among all valid ones (BBH spacing: '( True )')."""
    out, depth, state = [], 0, "want"
    for left in range(length, 0, -1):
        moves = [(t, n, dd) for t, n, dd in _MOVES[state] if depth + dd >= 0]
        weights = [_count(left - 1, depth + dd, n) for _, n, dd in moves]
        tok, state, dd = rng.choices(moves, weights=weights)[0]
        out.append(tok)
        depth += dd
    return " ".join(out)


def python_value(expression: str) -> bool:
    """Python's own evaluation of a True/False/not/and/or/brackets expression (the label)."""
    assert set(expression.split()) <= _PYTHON_TOKENS, expression
    return bool(eval(expression))  # noqa: S307 - only the whitelisted tokens above reach eval


def bbh_generated(n: int | None, seed: int) -> list[Item]:
    """n items (default 1,400: 100 per length), lengths 1-14 in turn."""
    rng = random.Random(seed)
    out = []
    for k in range(1400 if n is None else n):
        length = 1 + k % 14
        expr = bbh_expression(length, rng)
        out.append(
            {
                "text": f"{expr} is",
                "expected": python_value(expr),
                "bucket": f"BBH grammar, length {length:02d}",
            }
        )
    return out


# -- expression trees and the notations they are written in ------------------------------------------------------
# A tree: ("c", bool) · ("v", name) · ("not", t) · (op, left, right) with op in and/or/xor/nand/nor/imp/iff.
Tree = tuple
_BASIC = ("and", "or")
_EXTENDED = ("xor", "nand", "nor", "imp", "iff")


def value(tree: Tree, env: dict[str, bool]) -> bool:
    """The tree's value, computed by Python's own operators (the oracle)."""
    kind = tree[0]
    if kind == "c":
        return tree[1]
    if kind == "v":
        return env[tree[1]]
    if kind == "not":
        return not value(tree[1], env)
    a, b = value(tree[1], env), value(tree[2], env)
    return {
        "and": a and b,
        "or": a or b,
        "xor": a != b,
        "nand": not (a and b),
        "nor": not (a or b),
        "imp": (not a) or b,
        "iff": a == b,
    }[kind]


def random_tree(rng: random.Random, depth: int, names: list[str], extended: bool) -> Tree:
    if depth == 0:
        return ("v", rng.choice(names)) if names and rng.random() < 0.7 else ("c", rng.random() < 0.5)
    if rng.random() < 0.2:
        return ("not", random_tree(rng, depth - 1, names, extended))
    op = rng.choice(_BASIC + _EXTENDED) if extended and rng.random() < 0.5 else rng.choice(_BASIC)
    sub = rng.randrange(depth)
    left, right = random_tree(rng, depth - 1, names, extended), random_tree(rng, sub, names, extended)
    return (op, left, right) if rng.random() < 0.5 else (op, right, left)


# notation -> spelling of constants, operators and brackets
NOTATIONS: dict[str, dict[str, Any]] = {
    "python": {"T": "True", "F": "False", "not": "not ", "and": " and ", "or": " or "},
    "c": {"T": "true", "F": "false", "not": "!", "and": " && ", "or": " || "},
    "sql": {"T": "TRUE", "F": "FALSE", "not": "NOT ", "and": " AND ", "or": " OR "},
    "math": {
        "T": "⊤",
        "F": "⊥",
        "not": "¬",
        "and": " ∧ ",
        "or": " ∨ ",
        "xor": " ⊕ ",
        "imp": " → ",
        "iff": " ↔ ",
        "nand": " ⊼ ",
        "nor": " ⊽ ",
    },
    "words": {
        "T": "true",
        "F": "false",
        "not": "not ",
        "and": " and ",
        "or": " or ",
        "xor": " xor ",
        "imp": " implies ",
        "iff": " iff ",
        "nand": " nand ",
        "nor": " nor ",
    },
    "arrows": {"T": "T", "F": "F", "not": "~", "and": " & ", "or": " | ", "imp": " -> ", "iff": " <-> "},
    "bits": {"T": "1", "F": "0", "not": "NOT ", "and": " AND ", "or": " OR ", "xor": " XOR "},
}


def write(
    tree: Tree, spelling: dict[str, Any], rng: random.Random, bits: dict[bool, str] | None = None
) -> str:
    """Text of a tree in one notation, with the brackets a careful writer puts: around any compound operand of
    an extended operator or of a negation, around an `or` under an `and`, and (at random) around an `and` under
    an `or`, where precedence already groups it."""
    kind = tree[0]
    if kind == "c":
        if bits is not None:
            return bits[tree[1]]
        return spelling["T" if tree[1] else "F"]
    if kind == "v":
        return tree[1]
    if kind == "not":
        inner = write(tree[1], spelling, rng, bits)
        return spelling["not"] + (inner if tree[1][0] in ("c", "v", "not") else f"({inner})")
    parts = []
    for child in tree[1:]:
        text = write(child, spelling, rng, bits)
        word_not = child[0] == "not" and spelling["not"].strip().isalpha() and kind in _EXTENDED
        simple = child[0] in ("c", "v", "not") and not word_not
        same_assoc = child[0] == kind and kind in ("and", "or")
        grouped_by_precedence = kind == "or" and child[0] == "and" and rng.random() < 0.5
        parts.append(text if simple or same_assoc or grouped_by_precedence else f"({text})")
    return parts[0] + spelling[kind] + parts[1]


def _names(rng: random.Random) -> list[str]:
    return rng.sample(["a", "b", "c", "p", "q", "r", "x", "y", "rain", "wet", "door_open"], rng.randint(0, 3))


def _fits(tree: Tree, spelling: dict[str, Any]) -> bool:
    kind = tree[0]
    if kind in ("c", "v"):
        return True
    if kind != "not" and kind not in spelling:
        return False
    return all(_fits(child, spelling) for child in tree[1:])


def _env_text(env: dict[str, bool], form: str, rng: random.Random) -> str:
    word = {"python": ("True", "False"), "c": ("true", "false"), "sql": ("TRUE", "FALSE")}.get(
        form, ("true", "false")
    )
    pairs = [f"{k} = {word[0] if v else word[1]}" for k, v in env.items()]
    return rng.choice([", ", " and ", "; "]).join(pairs)


FRAMES: list[Callable[[str, str, random.Random], str]] = [
    lambda e, g, r: f"{e}{' where ' + g if g else ''}",
    lambda e, g, r: f"What is {e}?{' Here ' + g + '.' if g else ''}",
    lambda e, g, r: f"{'Given ' + g + ', d' if g else 'D'}ecide whether the following holds: {e}",
    lambda e, g, r: (
        f"You are a helpful assistant that evaluates boolean expressions. Answer True or False.\n"
        f"{'Let ' + g + '.' if g else ''}\nExpression: {e}"
    ),
    lambda e, g, r: f"{('Let ' + g + '. ') if g else ''}Evaluate {e}. What does this evaluate to?",
    lambda e, g, r: f"Is it true that {e}{', given ' + g if g else ''}?",
]


def _notation_item(rng: random.Random, form: str) -> Item:
    spelling = NOTATIONS[form]
    extended = any(k in spelling for k in _EXTENDED)
    while True:
        names = [] if form in ("bits", "sql") else _names(rng)
        tree = random_tree(rng, rng.randint(1, 5), names, extended)
        if _fits(tree, spelling):
            break
    env = {name: rng.random() < 0.5 for name in names}
    expected = value(tree, env)
    if form == "bits":  # a legend, sometimes the inverted convention
        flip = rng.random() < 0.3
        bits = {True: "0" if flip else "1", False: "1" if flip else "0"}
        expr = write(tree, spelling, rng, bits)
        legend = f"{bits[True]} = true and {bits[False]} = false"
        text = rng.choice(
            [f"{expr}, where {legend}", f"{expr} ({legend})", f"Here {legend}. Evaluate: {expr}"]
        )
        return {
            "text": text,
            "expected": expected,
            "bucket": f"notation: bits{' (inverted legend)' if flip else ''}",
        }
    expr = write(tree, spelling, rng)
    given = _env_text(env, form, rng)
    if form == "python" and rng.random() < 0.5:
        lines = [f"{k} = {v}" for k, v in env.items()]
        text = "```python\n" + "\n".join([*lines, f"print({expr})"]) + "\n```\nWhat does this print?"
        return {"text": text, "expected": expected, "bucket": "notation: python code"}
    if form == "c" and rng.random() < 0.5:
        decl = [f"boolean {k} = {str(v).lower()};" for k, v in env.items()]
        text = "\n".join([*decl, f"System.out.println({expr});"])
        return {"text": text, "expected": expected, "bucket": "notation: java code"}
    if form == "c":
        expr = f"`{expr}`"
        given = ", ".join(f"`{k} = {str(v).lower()}`" for k, v in env.items())
    if form == "sql":
        return {"text": f"SELECT {expr};", "expected": expected, "bucket": "notation: sql"}
    text = rng.choice(FRAMES)(expr, given, rng)
    return {"text": text, "expected": expected, "bucket": f"notation: {form}"}


def write_algebra(tree: Tree, juxtapose: bool) -> str:
    """Boolean algebra as taught in digital logic: + for or, · (or operands side by side) for and, a postfix '
    for the complement, brackets where precedence (' > · > +) needs them."""
    kind = tree[0]
    if kind == "c":
        return "1" if tree[1] else "0"
    if kind == "v":
        return tree[1]
    if kind == "not":
        inner = write_algebra(tree[1], juxtapose)
        return inner + "'" if tree[1][0] in ("c", "v", "not") else f"({inner})'"
    left, right = (write_algebra(child, juxtapose) for child in tree[1:])
    if kind == "or":
        return f"{left} + {right}"
    left, right = (
        f"({t})" if child[0] == "or" else t for t, child in zip((left, right), tree[1:], strict=True)
    )
    return left + ("" if juxtapose else "·") + right


def _algebra_item(rng: random.Random) -> Item:
    names = rng.sample(["A", "B", "C", "D"], rng.randint(1, 4))
    tree = random_tree(rng, rng.randint(1, 4), names, False)
    env = {name: rng.random() < 0.5 for name in names}
    juxtapose = rng.random() < 0.5 and "('c'," not in repr(tree)  # nobody writes B0 for B·0
    legend = "' is complement, " + ("juxtaposition is AND" if juxtapose else "· is AND") + ", + is OR"
    given = ", ".join(f"{k} = {int(v)}" for k, v in env.items())
    expr = write_algebra(tree, juxtapose)
    text = rng.choice(
        [
            f"Let {given}. Evaluate F = {expr} ({legend}).",
            f"With {given}, what is F = {expr}? ({legend})",
            f"{legend}.\nGiven {given}, find the value of {expr}.",
        ]
    )
    bucket = "notation: boolean algebra" + (" (juxtaposition)" if juxtapose else "")
    return {"text": text, "expected": value(tree, env), "bucket": bucket}


def logic_notations(n: int | None, seed: int) -> list[Item]:
    rng = random.Random(seed)
    forms = [*NOTATIONS, "algebra"]
    out = []
    for k in range(800 if n is None else n):
        form = forms[k % len(forms)]
        out.append(_algebra_item(rng) if form == "algebra" else _notation_item(rng, form))
    return out


NEGATED: list[Callable[[str], str]] = [
    lambda e: f"Is it false that {e}?",
    lambda e: f"Is {e} false?",
    lambda e: f"Is {e} not true?",
    lambda e: f"It is not the case that {e}. True or false?",
    lambda e: f"{e} is false",
    lambda e: f"{e}\nIs this false?",
    lambda e: f"Decide whether the following is false: {e}",
    lambda e: f"Is it not the case that {e}?",
]


def logic_negated(n: int | None, seed: int) -> list[Item]:
    """Questions that ask whether an expression is false: the label is Python's `not` of its value."""
    rng = random.Random(seed)
    out = []
    for k in range(240 if n is None else n):
        form = rng.choice(["python", "words", "math", "c"])
        spelling = NOTATIONS[form]
        while True:
            tree = random_tree(rng, rng.randint(1, 4), [], form in ("words", "math"))
            if _fits(tree, spelling):
                break
        expr = write(tree, spelling, rng)
        frame = k % len(NEGATED)
        out.append(
            {
                "text": NEGATED[frame](expr),
                "expected": not value(tree, {}),
                "bucket": f"negated: form {frame}",
            }
        )
    return out


def logic_contradictions(n: int | None, seed: int) -> list[Item]:
    """Inputs that contradict themselves: each must be refused (expected None)."""
    rng = random.Random(seed)
    makers: list[Callable[[random.Random], str]] = [
        lambda r: "a where a=True, a=False",
        lambda r: (
            f"x = {r.choice(['True', '1'])}\nx = {r.choice(['False', '0'])}\nx or y where y = {r.choice(['True', 'False'])}"
        ),
        lambda r: f"Let p be true. Let p be false. Is p {r.choice(['and', 'or'])} q true, given q is true?",
        lambda r: f"1 AND 0 where 1 = true, 1 = false, 0 = {r.choice(['true', 'false'])}",
        lambda r: "1 OR 0 (1 = true, 0 = true)",
        lambda r: f"Is it false that {r.choice(['True', 'False'])} and not False is false?",
        lambda r: "`a = true; b = false; a = false; a && !b`",
        lambda r: f"T or b where T=False, b={r.choice(['True', 'False'])}",
        lambda r: "bool flag = true;\nbool flag = false;\nflag || false",
        lambda r: "x = not x\nx",
    ]
    return [
        {
            "text": makers[k % len(makers)](rng),
            "expected": None,
            "bucket": f"contradiction: form {k % len(makers)}",
        }
        for k in range(60 if n is None else n)
    ]


def logic_blind_dev(n: int | None, seed: int) -> list[Item]:
    """The blind development corpus as written (keys text and expected or answer; bucket from its style)."""
    rows = [json.loads(line) for line in BLIND.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for r in rows:
        expected = r.get("expected", r.get("answer"))
        bucket = r.get("bucket") or r.get("style") or r.get("form") or "blind dev"
        out.append({"text": r["text"], "expected": expected, "bucket": f"blind: {bucket}"})
    return out if n is None else out[:n]


SUITES: dict[str, Callable[[int | None, int], list[Item]]] = {
    "bbh_generated": bbh_generated,
    "logic_notations": logic_notations,
    "logic_negated": logic_negated,
    "logic_contradictions": logic_contradictions,
}
if BLIND.is_file():
    SUITES["logic_blind_dev"] = logic_blind_dev


def main(argv: list[str] | None = None) -> int:
    """Score suites with the logic reader's `simplify_negations=True` (the lead's choice; see read_logic)."""
    import argparse

    sys.path.insert(0, str(ROOT / "bench"))
    import external
    from drt_agent.parsers.logic import read_logic

    import drt_agent
    from drt_agent.errors import DrtError

    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("--suite", action="append", required=True)
    ap.add_argument("--n", type=int, default=None)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    available = external.suites()
    for name in args.suite:
        items = available[name](args.n, args.seed)
        readings: list[Any] = []
        for it in items:
            try:
                readings.append(read_logic(it["text"], simplify_negations=True))
            except DrtError as exc:
                readings.append(exc)
        todo = [r for r in readings if not isinstance(r, Exception)]
        solved = iter(drt_agent.solve_many(todo))
        counts = {"correct": 0, "refused": 0, "wrong": 0}
        for it, r in zip(items, readings, strict=True):
            res = r if isinstance(r, Exception) else next(solved)
            kind = (
                "refused"
                if isinstance(res, Exception)
                else ("correct" if res.answer == it["expected"] else "wrong")
            )
            counts[kind] += 1
            if kind == "wrong":
                print(f"    wrong: expected {it['expected']!r}, got {res.answer!r} <- {it['text'][:200]!r}")
        total = len(items)
        print(
            f"{name} (simplify_negations=True): n={total} correct={counts['correct'] / total:.3f} "
            f"refused={counts['refused']} wrong={counts['wrong']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
