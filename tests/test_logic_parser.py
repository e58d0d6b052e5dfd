"""The logic parser: every accepted spelling gives the value Python computes; bad input gives a ParseError that
says what and where."""

from __future__ import annotations

import numpy as np
import pytest
from drt_agent.parsers import parse
from drt_agent.parsers.logic import looks_like_logic, parse_logic

from drt_agent.errors import ParseError
from drt_agent.tasks.logic import evaluate, generate_expr


def python_value(expr: str) -> bool:
    """Python's own evaluation of a canonical T/F expression (not/and/or share our precedence)."""
    words = {"T": " True ", "F": " False ", "&": " and ", "|": " or ", "!": " not ", "(": "(", ")": ")"}
    return bool(eval("".join(words[c] for c in expr)))  # noqa: S307 - only T F & | ! ( ) reach here


def spell(expr: str, style: str, rng: np.random.Generator) -> tuple[str, dict[str, bool] | None]:
    """Write a canonical T/F expression in one of the spellings users write."""
    pick = lambda options: options[rng.integers(len(options))]  # noqa: E731
    out, values = [], {}
    for c in expr:
        if style == "symbols":
            out.append(c + pick(["", " "]))
        elif style == "doubled":
            out.append({"&": " && ", "|": " || ", "!": pick(["!", "~"])}.get(c, c))
        elif style == "words":
            out.append(
                {
                    "&": pick([" and ", " AND ", " And "]),
                    "|": pick([" or ", " OR ", " Or "]),
                    "!": pick(["not ", "NOT ", "Not "]),
                    "T": pick(["True", "TRUE", "true", "T", "t"]),
                    "F": pick(["False", "FALSE", "false", "F", "f"]),
                }.get(c, c)
            )
        elif style == "digits":
            out.append({"&": " AND ", "|": " OR ", "!": "NOT ", "T": "1", "F": "0"}.get(c, c))
        elif style == "python":
            if c in "TF":
                name = f"v{len(values)}"
                values[name] = c == "T"
                out.append(name)
            else:
                out.append({"&": " and ", "|": " or ", "!": "not "}.get(c, c))
    text = "".join(out)
    if style == "python":
        text += " where " + ", ".join(
            f"{k}={pick(['True', 'T', '1']) if v else pick(['False', 'F', '0'])}" for k, v in values.items()
        )
        return text, values
    return text, None


@pytest.mark.parametrize("style", ["symbols", "doubled", "words", "digits", "python"])
def test_every_spelling_matches_python(style: str) -> None:
    rng = np.random.default_rng(11)
    for depth in range(0, 7):
        for _ in range(25):
            expr = generate_expr(rng, depth)
            text, values = spell(expr, style, rng)
            problem = parse_logic(text)
            assert evaluate(problem.expression, problem.variables) == python_value(expr), (text, problem)
            if values is not None:
                assert problem.variables == values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("not (True and False) or False", True),
        ("(a and not b) or c where a=True, b=False, c=False", True),
        ("(a and not b) or c where a=False, b=False, c=False", False),
        ("x or y with x is false and y is yes", True),
        ("a = 1\nb = 0\na and b", False),
        ("What is (T && F) || ~T?", False),
        ("TRUE AND false is", False),
        ("Evaluate: !(T|F)&T", False),
        ("Is it true that F or not F?", True),
        ("T and F = ?", False),
        ("¬T ∨ (T ∧ T)", True),
        ("not not True", True),
        ("T or F and F", True),  # AND binds tighter than OR
        ("(T or F) and F", False),
        ("not T and F", False),  # NOT binds tighter than AND
    ],
)
def test_examples(text: str, expected: bool) -> None:
    p = parse_logic(text)
    assert evaluate(p.expression, p.variables) is expected


@pytest.mark.parametrize(
    ("text", "what", "column"),
    [
        ("T ^ F", "xor", 3),  # '^' outside code: xor in C/Python, 'and' in some hand-written logic
        ("not T & F", "Python reads it", 1),  # Python: not (T & F); C and logic: (not T) & F
        ("T | F and T", "bind '|' tighter", 3),
        ("T xor F and T", "xor", 3),
        ("T -> F -> T", "chain of implications", 8),
        ("a == b where a=1, b=0", "comparison", 3),
        ("(T and F", "never closed", 1),
        ("T and F)", "no matching", 8),
        ("((T) or F", "never closed", 1),
        ("a and b where a=True", "unknown variable 'b'", 7),
        ("T and and F", "expected a value", 7),
        ("T F", "missing operator", 3),
        ("T and", "ends with an operator", 3),
        ("(T & F) | 2", "unexpected number", 11),
        ("T # F", "unexpected character", 3),
    ],
)
def test_errors_say_what_and_where(text: str, what: str, column: int) -> None:
    with pytest.raises(ParseError) as info:
        parse_logic(text)
    assert what in str(info.value)
    assert f"column {column}" in str(info.value)


def test_bad_values_and_reserved_names() -> None:
    with pytest.raises(ParseError, match="value 'maybe'"):
        parse_logic("a or b where a=maybe, b=True")
    with pytest.raises(ParseError, match="reserved"):
        parse_logic("T or b where T=False, b=True")
    with pytest.raises(ParseError, match="empty"):
        parse_logic("   ")


def test_routing_between_graph_and_logic() -> None:
    for text in ["not (True and False) or False", "T & F | !F", "(a and not b) or c where a=1, b=0, c=0"]:
        assert looks_like_logic(text)
        assert parse(text).domain == "logic"
    for text in ["A-B, B-C. Is A connected to C?", "A -> B\nB -> C\nIs C reachable from A?"]:
        assert not looks_like_logic(text)
        assert parse(text).domain == "graph"
    # malformed logic still reaches the logic parser's message
    with pytest.raises(ParseError, match="never closed"):
        parse("(True and False or True")
    with pytest.raises(ParseError, match="ends with an operator"):
        parse("True xor")
    assert parse("True xor False").domain == "logic"


def test_long_expression_round_trips() -> None:
    rng = np.random.default_rng(3)
    expr = generate_expr(rng, 40)
    text, _ = spell(expr, "words", rng)
    p = parse_logic(text)
    assert evaluate(p.expression) == evaluate(expr)


@pytest.mark.parametrize("text", ["-" * 400_000, "T" + "?" * 400_000, "T" + " is" * 100_000 + " x"])
def test_long_runs_of_scaffolding_are_a_clean_error(text):
    # these took minutes when scaffolding was stripped one character per pass (docs/results/parsers.md)
    with pytest.raises(ParseError):
        parse_logic(text)
