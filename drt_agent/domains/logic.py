"""Nested boolean logic: the typed problem and the canonical syntax check. Pure Python, no torch."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, StrictInt

from ..errors import ParseError
from .base import Answer, Domain, Strict

if TYPE_CHECKING:
    from ..limits import Limits


class LogicProblem(Strict):
    """What is the truth value of a boolean expression?"""

    domain: Literal["logic"] = "logic"
    expression: str = Field(
        description="Canonical expression over T, F, variable names, ! (not), & (and), | (or) and brackets; "
        "precedence ! > & > |.",
        min_length=1,
    )
    variables: dict[str, bool] = Field(
        default_factory=dict, description="Values of the variables named in the expression."
    )


# -- canonical syntax ---------------------------------------------------------------------------------------------
OPERATORS = {"!", "&", "|", "(", ")"}
_LEX = re.compile(r"\s*(?:(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<sym>[()!&|])|(?P<bad>\S))")


def lex(expression: str) -> list[tuple[str, int]]:
    """Canonical text -> (token, column) pairs; names other than T/F are variables."""
    out = []
    for m in _LEX.finditer(expression):
        if m.group("bad") is not None:
            col = m.start("bad")
            raise ParseError(
                f"unsupported character {m.group('bad')!r} at column {col + 1}; canonical expressions use "
                "T, F, variable names, !, &, |, ( and )"
            )
        kind = "name" if m.group("name") is not None else "sym"
        out.append((m.group(kind), m.start(kind)))
    return out


def check_syntax(tokens: list[str]) -> tuple[int, str] | None:
    """The first syntax error as (token index, message), or None. Tokens are canonical (T, F, names, symbols)."""
    expect_operand = True
    opened: list[int] = []
    for i, tok in enumerate(tokens):
        operand = tok not in OPERATORS
        if expect_operand:
            if operand:
                expect_operand = False
            elif tok == "(":
                opened.append(i)
            elif tok != "!":
                what = (
                    "')' closes an empty group or follows an operator" if tok == ")" else f"operator {tok!r}"
                )
                return i, f"expected a value, 'not' or '(' but found {what}"
        else:
            if tok in ("&", "|"):
                expect_operand = True
            elif tok == ")":
                if not opened:
                    return i, "unbalanced parentheses: this ')' has no matching '('"
                opened.pop()
            else:
                return i, f"missing operator (and/or) before {tok!r}"
    if not tokens:
        return 0, "empty expression"
    if opened:
        return opened[-1], "unbalanced parentheses: this '(' is never closed"
    if expect_operand:
        return len(tokens) - 1, "the expression ends with an operator; a value is missing"
    return None


def tokens_of(problem: LogicProblem) -> list[str]:
    """The expression's canonical tokens with variables replaced by T/F; ParseError on bad syntax or names."""
    pairs = lex(problem.expression)
    toks = [t for t, _ in pairs]
    err = check_syntax(toks)
    if err is not None:
        i, msg = err
        col = pairs[i][1] + 1 if pairs else 1
        raise ParseError(f"{msg} (token {i + 1}, column {col} of {problem.expression!r})")
    out = []
    for tok, col in pairs:
        if tok in OPERATORS or tok in ("T", "F"):
            out.append(tok)
        elif tok in problem.variables:
            out.append("T" if problem.variables[tok] else "F")
        else:
            known = ", ".join(sorted(problem.variables)) or "none given"
            raise ParseError(
                f"unknown variable {tok!r} at column {col + 1}; give its value (known variables: {known})"
            )
    return out


def exact(problem: LogicProblem) -> Answer:
    """The value by operator precedence (! > & > |), with an explicit stack: any nesting depth, no recursion."""
    values: list[list[bool]] = [[]]  # per open group: the values of its finished disjuncts
    conj: list[bool | None] = [None]  # per open group: the value of the conjunction being read
    negs: list[int] = [0]  # per open group: the `!`s waiting for the next operand
    stack_negs: list[int] = []  # the `!`s in front of each open group

    def push(v: bool) -> None:
        v = v != bool(negs[-1] % 2)
        negs[-1] = 0
        conj[-1] = v if conj[-1] is None else (conj[-1] and v)

    for tok in tokens_of(problem):
        if tok == "!":
            negs[-1] += 1
        elif tok in ("T", "F"):
            push(tok == "T")
        elif tok == "&":
            pass
        elif tok == "|":
            assert conj[-1] is not None
            values[-1].append(conj[-1])
            conj[-1] = None
        elif tok == "(":
            stack_negs.append(negs[-1])
            negs[-1] = 0
            values.append([])
            conj.append(None)
            negs.append(0)
        else:  # ")"
            assert conj[-1] is not None
            group = any([*values.pop(), conj.pop()])
            negs.pop()
            negs[-1] = stack_negs.pop()
            push(group)
    assert conj[-1] is not None
    return any([*values[-1], conj[-1]])


def check_limits(limits: Limits, problem: LogicProblem) -> None:
    from ..limits import nesting_depth

    expr = problem.expression
    limits.check("max_chars", len(expr), "the expression's length in characters")
    limits.check("max_tokens", len(expr), "the expression's length in tokens")
    limits.check("max_depth", nesting_depth(expr), "the bracket nesting depth of the expression")
    limits.check("max_nodes", len(problem.variables), "the number of variables")


def describe(problem: LogicProblem, solution: Any) -> list[str]:
    given = ", ".join(f"{k}={v}" for k, v in problem.variables.items())
    return [f"read as: {problem.expression}" + (f" where {given}" if given else "")]


def summarize(problem: LogicProblem, solution: Any) -> str:
    answer = solution.answer
    return f"The expression is {str(answer).lower() if isinstance(answer, bool) else 'unknown'}."


# -- the agent tool ------------------------------------------------------------------------------------------------
class VariableValue(Strict):
    """The truth value of one variable used in a logic expression."""

    name: str = Field(
        min_length=1,
        max_length=200,
        pattern=r"^[A-Za-z_][A-Za-z0-9_]*$",
        description="The variable's name as written in the expression (letters, digits, _), e.g. 'x' or 'rain'.",
    )
    value: bool = Field(description="Its truth value.")


MAX_TOOL_EXPRESSION = 20_000
MAX_TOOL_VARIABLES = 2000


class LogicToolArgs(Strict):
    """A boolean expression to evaluate, in symbols or words."""

    expression: str = Field(
        min_length=1,
        max_length=MAX_TOOL_EXPRESSION,
        description="The boolean expression, e.g. '(T & !F) | (F & T)' or 'true and not (false or true)'. "
        "May also be a whole question in words that sets variable values ('a and not b where a=True, b=False').",
    )
    variables: list[VariableValue] | None = Field(
        default=None,
        max_length=MAX_TOOL_VARIABLES,
        description="Values of the variables the expression names. Null or [] if it uses only true/false or "
        "sets its variables itself.",
    )
    steps: StrictInt | None = Field(
        default=None,
        ge=1,
        le=512,
        description="Thinking steps for the recurrent core. Null (recommended) lets the model choose its own "
        "depth per problem.",
    )


_WHERE = re.compile(r"\bwhere\b", re.IGNORECASE)


def tool_problem(args: LogicToolArgs, read: Callable[[str], Any]) -> LogicProblem:
    """Variable values are handed to the reader as `where a=True, ...`."""
    text = args.expression
    if args.variables:
        names = [v.name for v in args.variables]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ParseError(
                f"variables gives {', '.join(twice)} more than once; give each variable one value"
            )
        values = ", ".join(f"{v.name}={v.value}" for v in args.variables)
        text = f"{text}{', ' if _WHERE.search(text) else ' where '}{values}"
    return read(text)


DOMAIN = Domain(
    name="logic",
    title="nested boolean logic",
    problem=LogicProblem,
    reader="drt_agent.parsers.logic:read_logic",
    detector="drt_agent.parsers.logic:looks_like_logic",
    tasks={"logic": "drt_agent.tasks.logic:LogicTask"},
    exact=exact,
    example="not (True and False) or False",
    check_limits=check_limits,
    describe=describe,
    summarize=summarize,
    tool_name="boolean_logic",
    tool_description=(
        "Evaluate a nested boolean expression and return true or false: and/or/not, brackets of any depth, "
        "true/false constants and named variables with given values, in symbols ('(T & !F) | F') or words "
        "('true and not (false or true)'). Use it when a question reduces to the truth value of such an "
        "expression, especially a deeply nested one that is easy to misread. Do not use it to find values "
        "that make an expression true (satisfiability), for truth tables, for arithmetic or comparisons "
        "('x > 3'), or when a variable has no given value: every variable needs one. Limits: "
        f"{MAX_TOOL_EXPRESSION} characters, bracket nesting up to 256, {MAX_TOOL_VARIABLES} variables. Every "
        "answer is checked by exact evaluation."
    ),
    tool_args=LogicToolArgs,
    tool_problem=tool_problem,
)
