"""Structured boolean notations that are not one infix expression, and the entry point that tries them all.

- programs and REPL sessions (parsers/logic_programs.py), S-expressions (parsers/logic_sexpr.py);
- prefix (Polish, Łukasiewicz letters from a stated legend) and postfix (RPN, operator words) formulas;
- gate netlists (`INPUT A = 1`, `g1 = NAND(A, B)`, `OUTPUT Y = g1`);
- DIMACS CNF with a candidate model (`v 1 -2 3 0`);
- a truth-table row with its result cell `?`;
- a JSON tool call with `expression` and `variables` arguments;
- a spreadsheet formula (`=AND(A1, NOT(B1))`) with the cells' values stated;
- an access policy with facts about one person (parsers/logic_policy.py).

`read_structured` tries each family in turn; a family that recognises the text answers or refuses, the others
return None and the general reader (parsers/logic.py) takes the text. Each family's question must ask for the
value as written (a question about logic 0, or with a negation, is read as the negation or refused).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from drt_agent.domains.base import Reading
from drt_agent.errors import ParseError

from .logic_framing import check_plain_question
from .logic_lang import SPREADSHEET, Expr, make_reading, parse_in, variables
from .logic_policy import read_policy
from .logic_programs import read_program
from .logic_sexpr import read_sexpr

_BOOL_WORDS = {"1": True, "0": False, "true": True, "false": False, "t": True, "f": False}
_VALUE = re.compile(r"(?<![\w.])(?P<name>[a-z_]\w*)\s*(?:=|:=)\s*(?P<value>[01]|true|false|T|F)\b", re.I)
_OPERATOR_WORDS = {  # operator words of postfix and legends -> (tree kind, arity)
    "not": ("not", 1),
    "and": ("and", 2),
    "or": ("or", 2),
    "xor": ("xor", 2),
    "nand": ("nand", 2),
    "nor": ("nor", 2),
    "imp": ("imp", 2),
    "implies": ("imp", 2),
    "iff": ("iff", 2),
    "eqv": ("iff", 2),
    "equiv": ("iff", 2),
    "xnor": ("iff", 2),
}


def read_structured(text: str, limits: Any = None, simplify: bool = False) -> Reading | None:
    """The Reading of a text in one of the structured families, or None when it is in none of them."""
    readers: list[Callable[[str, Any, bool], Reading | None]] = [
        read_program,
        read_sexpr,
        _read_polish,
        _read_postfix,
        _read_netlist,
        _read_dimacs,
        _read_truth_row,
        _read_tool_call,
        _read_spreadsheet,
        read_policy,
    ]
    for reader in readers:
        found = reader(text, limits, simplify)
        if found is not None:
            return found
    return None


def _values(text: str) -> dict[str, bool]:
    """`p = 0, q = 1` / `p=0; q=1` -> values; a name given two values is refused, quoting both."""
    out: dict[str, bool] = {}
    source: dict[str, str] = {}
    for m in _VALUE.finditer(text):
        name, value = m.group("name"), _BOOL_WORDS[m.group("value").lower()]
        if name in out and out[name] != value:
            raise ParseError(
                f"{name!r} is given two values: {source[name]!r} and {m.group()!r}; give each one value"
            )
        out[name], source[name] = value, m.group()
    return out


def _check_asks(question: str, what: str) -> None:
    """The question must ask for the value as written: no negation, no other question."""
    check_plain_question(question, what)


def _leaf(tok: str, values: dict[str, bool], what: str) -> Expr:
    if tok in ("0", "1"):
        return ("const", tok == "1")
    if tok not in values:
        raise ParseError(f"{what}: no value is given for {tok!r}")
    return ("var", tok)


def _combine(kind: str, args: list[Expr]) -> Expr:
    return ("not", args[0]) if kind == "not" else (kind, args)


# -- Polish (prefix) -------------------------------------------------------------------------------------------------
_POLISH = re.compile(r"\b(?:polish|prefix|łukasiewicz|lukasiewicz)\b", re.I)
_LEGEND_ENTRY = re.compile(r"\b(?P<letter>[A-Z])\s*(?:=|is|:)\s*(?P<word>[a-z]+)\b")


def _read_polish(text: str, limits: Any, simplify: bool) -> Reading | None:
    """`NAKpqr` with a stated legend (N = not, K = and, ...): operators are capitals, variables lower case."""
    if not _POLISH.search(text) or re.search(r"\breverse\s+polish|postfix\b", text, re.I):
        return None
    legend: dict[str, tuple[str, int]] = {}
    for m in _LEGEND_ENTRY.finditer(text):
        meaning = _OPERATOR_WORDS.get(m.group("word").lower())
        if meaning is None:
            continue
        if m.group("letter") in legend and legend[m.group("letter")] != meaning:
            raise ParseError(f"Polish notation: {m.group('letter')!r} is given two meanings")
        legend[m.group("letter")] = meaning
    if not legend:
        raise ParseError("Polish notation: state what each capital means, e.g. 'N = not, K = and, A = or'")
    letters = "".join(legend)
    formulas = [
        m.group()
        for m in re.finditer(rf"\b[{letters}][{letters}a-z01]*\b", text)
        if re.search(r"[a-z01]", m.group()) and len(m.group()) > 1
    ]
    values = _values(text)
    formulas = [f for f in formulas if all(c.isupper() or c in "01" or c in values for c in f)]
    if len(set(formulas)) != 1:
        raise ParseError(
            f"Polish notation: expected one formula of legend capitals and variables, found {formulas[:3]}"
        )
    formula = formulas[0]
    stack: list[tuple[str, int, list[Expr]]] = []
    result: Expr | None = None
    for k, ch in enumerate(formula):
        if result is not None:
            raise ParseError(f"Polish notation: {formula!r} is complete before {formula[k:]!r}")
        if ch in legend:
            kind, arity = legend[ch]
            stack.append((kind, arity, []))
            continue
        node = _leaf(ch, values, "Polish notation")
        while True:
            if not stack:
                result = node
                break
            stack[-1][2].append(node)
            kind, arity, args = stack[-1]
            if len(args) < arity:
                break
            stack.pop()
            node = _combine(kind, args)
    if result is None:
        raise ParseError(f"Polish notation: {formula!r} ends with operators missing operands")
    question = text[text.find(formula) + len(formula) :]
    question = _VALUE.sub(" ", question)
    _check_asks(re.sub(r"^\s*where\b", " ", question.strip(), flags=re.I), "Polish notation")
    shown = ", ".join(f"{c} = {legend[c][0]}" for c in legend)
    return make_reading(
        result,
        values,
        f"a prefix (Polish) formula {formula!r} with {shown} as stated",
        limits=limits,
        simplify=simplify,
    )


# -- postfix (RPN) ---------------------------------------------------------------------------------------------------
_POSTFIX = re.compile(r"\b(?:reverse\s+polish|postfix|rpn|stack\s+machine)\b", re.I)


def _read_postfix(text: str, limits: Any, simplify: bool) -> Reading | None:
    """`p q AND r OR` (operator words in capitals), values `with p=0; q=1`."""
    if not _POSTFIX.search(text):
        return None
    ops = "|".join(w.upper() for w in _OPERATOR_WORDS)
    runs = [
        m
        for m in re.finditer(rf"(?m)^[ \t]*((?:(?:[a-z]\w*|[01]|{ops})[ \t]+)*(?:{ops}))[ \t]*$", text)
        if m.group(1).strip()
    ]
    if len(runs) != 1:
        raise ParseError("postfix: put the program alone on one line, operands first, e.g. 'p q AND'")
    program = runs[0].group(1).split()
    values = _values(text[runs[0].end() :])
    stack: list[Expr] = []
    for tok in program:
        if tok.lower() in _OPERATOR_WORDS and tok.isupper():
            kind, arity = _OPERATOR_WORDS[tok.lower()]
            if len(stack) < arity:
                raise ParseError(
                    f"postfix: {tok} needs {arity} operand(s) on the stack in {' '.join(program)!r}"
                )
            args = stack[-arity:]
            del stack[-arity:]
            stack.append(_combine(kind, args))
        else:
            stack.append(_leaf(tok, values, "postfix"))
    if len(stack) != 1:
        raise ParseError(f"postfix: {len(stack)} values are left on the stack; the program must leave one")
    after = text[runs[0].end() :]
    after = re.sub(
        r"\(\s*(?:IMP|EQV)\s*=\s*\w+\s*,\s*(?:IMP|EQV)\s*=\s*\w+\s*\.?\s*\)", " ", _VALUE.sub(" ", after)
    )
    _check_asks(after, "postfix")
    return make_reading(
        stack[0],
        values,
        f"a postfix (RPN) program {' '.join(program)[:80]!r}",
        limits=limits,
        simplify=simplify,
    )


# -- gate netlists ---------------------------------------------------------------------------------------------------
_GATE = re.compile(r"^\s*(?P<out>[A-Za-z_]\w*)\s*=\s*(?P<op>[A-Za-z]+)\s*\((?P<args>[^()]*)\)\s*$")
_INPUT = re.compile(r"^\s*INPUT\s+(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<value>[01])\s*$", re.I)
_OUTPUT = re.compile(r"^\s*OUTPUT\s+(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<src>[A-Za-z_]\w*)\s*$", re.I)
_GATES = {"AND": "and", "OR": "or", "NAND": "nand", "NOR": "nor", "XOR": "xor", "XNOR": "xnor", "NOT": "not",
          "INV": "not", "BUF": "buf"}  # fmt: skip


def _read_netlist(text: str, limits: Any, simplify: bool) -> Reading | None:
    """Gates over named wires; XOR of many inputs is parity, XNOR is read only with two inputs."""
    if not re.search(r"^\s*INPUT\s+\w+\s*=", text, re.M | re.I) or not re.search(
        r"^\s*OUTPUT\s+\w+", text, re.M | re.I
    ):
        return None
    values: dict[str, bool] = {}
    wires: dict[str, Expr] = {}
    order: list[tuple[str, Expr]] = []
    outputs: dict[str, str] = {}
    question: list[str] = []
    lines_of: dict[str, str] = {}
    constants = {}
    if re.search(r"\bVDD\s+is\s+logic\s+1\b", text):
        constants["VDD"] = ("const", True)
    if re.search(r"\bGND\s+is\s+logic\s+0\b", text):
        constants["GND"] = ("const", False)
    for line in text.splitlines():
        if not line.strip() or line.strip().startswith(("#", "//")):
            continue
        m = _INPUT.match(line)
        if m is not None:
            if m.group("name") in lines_of:
                raise _twice(m.group("name"), lines_of[m.group("name")], line)
            values[m.group("name")] = m.group("value") == "1"
            lines_of[m.group("name")] = line.strip()
            continue
        m = _GATE.match(line)
        if m is not None:
            name, op = m.group("out"), m.group("op").upper()
            if op not in _GATES:
                raise ParseError(
                    f"netlist: gate {op!r} in {line.strip()!r} is not read (AND OR NAND NOR XOR XNOR NOT)"
                )
            args = [a.strip() for a in m.group("args").split(",") if a.strip()]
            if name in lines_of:
                raise _twice(name, lines_of[name], line)
            lines_of[name] = line.strip()
            ins: list[Expr] = []
            for a in args:
                if a in constants:
                    ins.append(constants[a])
                elif a in values or a in wires:
                    ins.append(("var", a))
                else:
                    raise ParseError(f"netlist: {a!r} in {line.strip()!r} is not an input or an earlier gate")
            kind = _GATES[op]
            if kind in ("not", "buf") and len(ins) != 1 or kind not in ("not", "buf") and len(ins) < 2:
                raise ParseError(f"netlist: {op} with {len(ins)} input(s) in {line.strip()!r}")
            if kind == "xnor" and len(ins) != 2:
                raise ParseError(
                    f"netlist: {line.strip()!r}: XNOR of more than two inputs means 'even parity' to some tools and "
                    "'all equal' to others; split it into two-input gates"
                )
            tree: Expr = ins[0] if kind == "buf" else ("iff", ins) if kind == "xnor" else _combine(kind, ins)
            wires[name] = tree
            order.append((name, tree))
            continue
        m = _OUTPUT.match(line)
        if m is not None:
            outputs[m.group("name")] = m.group("src")
            continue
        question.append(line)
    q = " ".join(question)
    asked = re.findall(
        r"\b(?:output|is|of)\s+([A-Za-z_]\w*)\s+(?:at\s+)?(?:logic\s+)?(?:high|low|[01])\b", q, re.I
    )
    asked = [a for a in asked if a in outputs]
    value_of = (
        r"\bwhat\s+is\s+(?:the\s+(?:value|level)\s+of\s+|the\s+)?(?:output\s+)?(?P<o>[A-Za-z_]\w*)\s*\?"
    )
    plain = [m.group("o") for m in re.finditer(value_of, q, re.I) if m.group("o") in outputs]
    if len(set(asked + plain)) != 1 or (asked and plain):
        raise ParseError("netlist: ask about one output, e.g. 'Is output Y at logic 1?'")
    out = (asked + plain)[0]
    level = re.search(rf"\b{out}\s+(?:at\s+)?(?:logic\s+)?(high|low|[01])\b", q, re.I)
    low = level is not None and level.group(1).lower() in ("low", "0")
    if not asked:
        q = re.sub(value_of, " ", q, flags=re.I)
    src = outputs[out]
    if src not in wires and src not in values:
        raise ParseError(f"netlist: output {out!r} is driven by {src!r}, which is not defined")
    _check_asks(
        re.sub(rf"\b{out}\s+(?:at\s+)?(?:logic\s+)?(?:high|low|[01])\b", " ", q, flags=re.I), "netlist"
    )
    definitions = [(n, t) for n, t in order]
    return make_reading(
        ("var", src),
        values,
        f"a gate netlist, output {out} = {src}",
        definitions=definitions,
        limits=limits,
        simplify=simplify,
        negate=f"the question asks whether {out} is at logic 0: read as its negation" if low else "",
    )


def _twice(name: str, first: str, second: str) -> ParseError:
    return ParseError(
        f"netlist: {name!r} is given two values: {first!r} and {second.strip()!r}; drive each wire once"
    )


# -- DIMACS CNF ------------------------------------------------------------------------------------------------------
def _read_dimacs(text: str, limits: Any, simplify: bool) -> Reading | None:
    """`p cnf V C`, clauses ending in 0, and a model `v 1 -2 3 0`: does the model satisfy every clause?"""
    header = re.search(r"^\s*p\s+cnf\s+(\d+)\s+(\d+)\s*$", text, re.M)
    if header is None:
        return None
    n_vars, n_clauses = int(header.group(1)), int(header.group(2))
    rest = text[header.end() :]
    lines = rest.splitlines()
    clauses: list[list[int]] = []
    k = 0
    while k < len(lines):
        line = lines[k].strip()
        k += 1
        if not line or line.startswith("c "):
            continue
        if not re.fullmatch(r"(?:-?\d+\s+)*0", line):
            k -= 1
            break
        clauses.append([int(x) for x in line.split()[:-1]])
    if len(clauses) != n_clauses:
        raise ParseError(f"DIMACS: the header says {n_clauses} clauses, {len(clauses)} are written")
    tail = "\n".join(lines[k:])
    models = re.findall(r"(?:^|[\s:])v((?:\s+-?\d+)+)\s+0\b", tail)
    if len(models) != 1:
        raise ParseError("DIMACS: give one model as 'v 1 -2 3 0'")
    model = [int(x) for x in models[0].split()]
    if not re.search(r"positive\s*=\s*true\s*,\s*negative\s*=\s*false", tail, re.I) and not re.search(
        r"\bv\s+-?\d", tail
    ):
        return None
    values: dict[str, bool] = {}
    for lit in model:
        name = f"x{abs(lit)}"
        if lit == 0 or abs(lit) > n_vars:
            raise ParseError(f"DIMACS: the model names variable {lit}, outside 1..{n_vars}")
        if name in values and values[name] != (lit > 0):
            raise ParseError(f"DIMACS: the model gives variable {abs(lit)} both signs")
        values[name] = lit > 0
    for clause in clauses:
        for lit in clause:
            if lit == 0 or abs(lit) > n_vars:
                raise ParseError(f"DIMACS: clause {clause} names variable {lit}, outside 1..{n_vars}")
            if f"x{abs(lit)}" not in values:
                raise ParseError(f"DIMACS: the model gives no value to variable {abs(lit)}")
    question = re.sub(r"\bv(?:\s+-?\d+)+\s+0\b", " ", tail)
    question = re.sub(r"\(\s*positive\s*=\s*true\s*,\s*negative\s*=\s*false\s*\)", " ", question, flags=re.I)
    if not re.search(r"\bsatisf(?:y|ies|ied)\b", question, re.I):
        raise ParseError("DIMACS: ask whether the model satisfies every clause")
    _check_asks(
        re.sub(r"\b(?:of\s+)?the\s+CNF(?:\s+above|\s+below)?\b", " ", question.replace("```", " ")), "DIMACS"
    )
    if not clauses:
        tree: Expr = ("const", True)
    else:
        tree = (
            "and",
            [
                ("or", [("var", f"x{abs(v)}") if v > 0 else ("not", ("var", f"x{abs(v)}")) for v in c])
                if len(c) > 1
                else (("var", f"x{abs(c[0])}") if c[0] > 0 else ("not", ("var", f"x{abs(c[0])}")))
                if c
                else ("const", False)
                for c in clauses
            ],
        )
        if len(clauses) == 1:
            tree = tree[1][0]
    return make_reading(
        tree,
        values,
        f"a DIMACS CNF of {len(clauses)} clause(s) over {n_vars} variable(s) (variable i as xi), checked against the model",
        limits=limits,
        simplify=simplify,
    )


# -- a truth-table row -----------------------------------------------------------------------------------------------
def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _read_truth_row(text: str, limits: Any, simplify: bool) -> Reading | None:
    """| p | q | p ∧ q | / |---|---|---| / | T | F | ? |: the variables' columns, and the expression column asked."""
    lines = text.splitlines()
    rows = [k for k, ln in enumerate(lines) if ln.strip().startswith("|") and ln.strip().endswith("|")]
    if len(rows) < 3 or not re.search(r"truth[- ]table", text, re.I):
        return None
    from .logic import read_logic

    header, sep, data = rows[0], rows[1], rows[2:]
    if not all(re.fullmatch(r":?-+:?", c) for c in _cells(lines[sep])) or rows != list(
        range(header, header + len(rows))
    ):
        raise ParseError("truth table: write a header row, a |---| row and the rows under it")
    names = _cells(lines[header])
    asked = [k for k in data if "?" in _cells(lines[k])]
    if len(asked) != 1:
        raise ParseError("truth table: mark the one entry asked with '?'")
    row = _cells(lines[asked[0]])
    if len(row) != len(names) or row.count("?") != 1 or row[-1] != "?":
        raise ParseError("truth table: the row asked must fill every column and leave only the last as '?'")
    values: dict[str, str] = {}
    for name, cell in zip(names[:-1], row[:-1], strict=True):
        if not re.fullmatch(r"[A-Za-z_]\w*", name) or cell.lower() not in _BOOL_WORDS:
            raise ParseError(f"truth table: column {name!r} = {cell!r} is not a variable with a truth value")
        if name in values:
            raise ParseError(f"truth table: column {name!r} appears twice")
        values[name] = "True" if _BOOL_WORDS[cell.lower()] else "False"
    outside = "\n".join(ln for k, ln in enumerate(lines) if k not in rows)
    _check_asks(re.sub(r"\(\s*T\s+or\s+F\s*\)", " ", outside), "truth table")
    expr = names[-1]
    inner = f"{expr} where " + ", ".join(f"{k}={v}" for k, v in values.items())
    reading = read_logic(inner, limits, simplify_negations=simplify)
    reading.read_as = (
        f"a truth-table row ({', '.join(f'{k}={v}' for k, v in values.items())}) of {expr!r}: "
        + reading.read_as
    )
    reading.skipped = [s.strip() for s in outside.splitlines() if s.strip()]
    return reading


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are all different: a key given twice (`{"q": true, "q": false}`) is refused,
    quoting both, where json would keep the last silently."""
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise ParseError(
                f"{k!r} is given two values in the JSON: {json.dumps(out[k])} and {json.dumps(v)}"
            )
        out[k] = v
    return out


# -- a JSON tool call ------------------------------------------------------------------------------------------------
def _read_tool_call(text: str, limits: Any, simplify: bool) -> Reading | None:
    """{"arguments": {"expression": "...", "variables": {...}}}: the expression read as any other, values from JSON."""
    start = text.find("{")
    if start < 0 or '"expression"' not in text:
        return None
    try:
        obj, end = json.JSONDecoder(object_pairs_hook=_unique_keys).raw_decode(text[start:])
    except ParseError:
        raise
    except ValueError:
        return None
    args = obj.get("arguments", obj) if isinstance(obj, dict) else None
    if isinstance(args, str):
        try:
            args = json.loads(args, object_pairs_hook=_unique_keys)
        except ParseError:
            raise
        except ValueError:
            return None
    if not isinstance(args, dict) or not isinstance(args.get("expression"), str):
        return None
    from .logic import read_logic

    variables = args.get("variables", {})
    if not isinstance(variables, dict) or not all(isinstance(v, bool) for v in variables.values()):
        raise ParseError("tool call: 'variables' must map names to true/false")
    if set(args) - {"expression", "variables"}:
        raise ParseError(
            f"tool call: arguments {sorted(set(args) - {'expression', 'variables'})} are not read"
        )
    outside = text[:start] + " " + text[start + end :]
    _check_asks(outside, "tool call")
    expr = args["expression"]
    if re.search(r"\bwhere\b", expr, re.I):
        raise ParseError("tool call: the expression holds 'where'; give values only in 'variables'")
    inner = expr + (" where " + ", ".join(f"{k}={v}" for k, v in variables.items()) if variables else "")
    reading = read_logic(inner, limits, simplify_negations=simplify)
    reading.read_as = f"a tool call's expression {expr[:80]!r} with its variables: " + reading.read_as
    reading.skipped = [s.strip() for s in outside.splitlines() if s.strip()]
    return reading


# -- a spreadsheet formula -------------------------------------------------------------------------------------------
_SHEET = re.compile(r"\b(?:excel|spreadsheet|google\s+sheets|libreoffice|calc\s+sheet|worksheet)\b", re.I)
_CELL_VALUE = re.compile(
    r"\b(?:cell\s+)?(?P<name>\$?[A-Z]{1,2}\$?[0-9]{1,5})\s*(?:=|:|is|contains|holds|has)\s*(?P<value>TRUE|FALSE)\b(?!\s*\()",
    re.I,
)
_FORMULA = re.compile(r"=\s*(?P<f>(?:AND|OR|NOT|XOR|IF)\s*\()", re.I)


def _read_spreadsheet(text: str, limits: Any, simplify: bool) -> Reading | None:
    """`=AND(A1, NOT(B1))` with `A1 = TRUE, B1 = FALSE` stated: functions AND OR NOT XOR (parity) IF, `=` and `<>`
    between two values."""
    if not _SHEET.search(text):
        return None
    formulas = list(_FORMULA.finditer(text))
    if not formulas:
        return None
    if len(formulas) != 1:
        raise ParseError("spreadsheet: give one formula")
    start = formulas[0].start("f")
    depth, end = 0, -1
    for k in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[k], 0)
        if depth == 0 and text[k] == ")":
            end = k + 1
            break
    if end < 0:
        raise ParseError("spreadsheet: the formula's brackets do not close")
    formula = text[start:end]
    values: dict[str, bool] = {}
    source: dict[str, str] = {}
    for m in _CELL_VALUE.finditer(text):
        name = m.group("name").replace("$", "").upper()
        value = m.group("value").upper() == "TRUE"
        if name in values and values[name] != value:
            raise ParseError(
                f"{name!r} is given two values: {source[name]!r} and {m.group()!r}; give each cell one value"
            )
        values[name], source[name] = value, m.group()
    body = re.sub(r"\$", "", formula)
    tree = parse_in(body, SPREADSHEET, set(values))
    missing = sorted(variables(tree) - set(values))
    if missing:
        raise ParseError(f"spreadsheet: no value is given for {', '.join(missing)}")
    outside = text[: formulas[0].start()] + " " + text[end:]
    outside = _CELL_VALUE.sub(" ", outside)
    outside = re.sub(r"\b(?:cell\s+)?[A-Z]{1,2}[0-9]{1,5}\b", " ", outside)
    _check_asks(outside.replace("`", " "), "spreadsheet")
    return make_reading(
        tree, values, f"a spreadsheet formula {formula[:80]!r}", limits=limits, simplify=simplify
    )
