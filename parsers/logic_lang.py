"""Boolean expressions in a named programming language, read with that language's own precedence.

Each `Dialect` is a small table: operator spellings with their binding power and associativity, prefix negations
with the binding power of their operand, literals and functions. One precedence-climbing parser reads them all
into a small tree (`Expr`), which `to_node` turns into the canonical and/or/not form through the same Builder as
every other notation (so xor, equivalence, nand, nor and implication are rewritten and named the same way).

Precedences as each language defines them (higher binds tighter):

- Python: or < and < not < comparisons (chains refused) < | < ^ < &;
- C, C++ (with the alternative tokens and/or/not/xor/bitand/bitor/not_eq) and bash `(( ))`: || < && < | < ^ < & <
  == != < ! ;
- Go: || < && < == != < ! ;  Lua: or < and < == ~= < not ;  OCaml: || < && < = <> == != < not (application);
- R: | || < & && < ! < == != (so `!a == b` is `!(a == b)`; comparison chains are a syntax error in R);
- Visual Basic: Xor < Or OrElse < And AndAlso < Not < = <> (so `Not a = b` is `Not (a = b)`);
- Lean 4: || (30) < && (35) < `!` (operand at 40) < == (50), so `!a == b` is `!(a == b)`.

A prefix operator met where its own precedence level cannot stand (`a == not b` in Python) is refused, as is any
operator the table does not name (a comparison of numbers, a bitwise complement that turns true into -2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drt_agent.domains.base import Reading
from drt_agent.errors import ParseError

from .logic_expr import AND, ATOM, OR, Builder, Node

# -- the tree ------------------------------------------------------------------------------------------------------
# ("const", bool) · ("var", name) · ("not", x) · (kind, [operands]) for and/or/xor/nand/nor/eqall (n-ary, xor is
# parity, eqall "all equal") · ("iff"|"imp", [a, b])
Expr = tuple

_N_ARY = {"and", "or", "xor", "nand", "nor", "eqall"}


def evaluate(expr: Expr, values: dict[str, bool]) -> bool:
    """The value of a tree (for tests and self-checks; the model answers from the canonical form)."""
    kind = expr[0]
    if kind == "const":
        return bool(expr[1])
    if kind == "var":
        return values[expr[1]]
    if kind == "not":
        return not evaluate(expr[1], values)
    vals = [evaluate(x, values) for x in expr[1]]
    if kind == "and":
        return all(vals)
    if kind == "or":
        return any(vals)
    if kind == "xor":
        return sum(vals) % 2 == 1
    if kind == "nand":
        return not all(vals)
    if kind == "nor":
        return not any(vals)
    if kind == "eqall":
        return len(set(vals)) == 1
    if kind == "iff":
        return vals[0] == vals[1]
    assert kind == "imp", kind
    return (not vals[0]) or vals[1]


def variables(expr: Expr) -> set[str]:
    """Names a tree uses."""
    out: set[str] = set()
    stack = [expr]
    while stack:
        e = stack.pop()
        if e[0] == "var":
            out.add(e[1])
        elif e[0] == "not":
            stack.append(e[1])
        elif e[0] != "const":
            stack.extend(e[1])
    return out


def to_node(expr: Expr, builder: Builder, leaf: dict[str, Node] | None = None) -> Node:
    """A tree -> a canonical node (shared subtrees stay shared: `leaf` maps a name to a node already built)."""
    kind = expr[0]
    if kind == "const":
        return ("v", "T" if expr[1] else "F")
    if kind == "var":
        if leaf is not None and expr[1] in leaf:
            return leaf[expr[1]]
        return ("v", expr[1])
    if kind == "not":
        return builder.neg(to_node(expr[1], builder, leaf))
    kids = [to_node(x, builder, leaf) for x in expr[1]]
    if kind in ("and", "nand"):
        node = kids[0]
        for k in kids[1:]:
            node = builder.conj(node, k)
        if kind == "nand":
            builder.notes.rewrites["nand"] = builder.notes.rewrites.get("nand", 0) + 1
            return builder.neg(builder.wrap(node, ATOM))
        return builder.wrap(node, AND) if len(kids) == 1 else node
    if kind in ("or", "nor"):
        node = kids[0]
        for k in kids[1:]:
            node = builder.disj(node, k)
        if kind == "nor":
            builder.notes.rewrites["nor"] = builder.notes.rewrites.get("nor", 0) + 1
            return builder.neg(builder.wrap(node, ATOM))
        return builder.wrap(node, OR) if len(kids) == 1 else node
    if kind == "xor":
        return builder.xor_chain(kids) if len(kids) > 1 else kids[0]
    if kind == "eqall":
        if len(kids) == 2:
            return builder.binary("iff", kids[0], kids[1])
        builder.notes.rewrites["iff"] = builder.notes.rewrites.get("iff", 0) + 1
        every, none = kids[0], builder.neg(kids[0])
        for k in kids[1:]:
            every, none = builder.conj(every, k), builder.conj(none, builder.neg(k))
        return builder.disj(every, none)
    assert kind in ("iff", "imp"), kind
    return builder.binary(kind, kids[0], kids[1])


# -- dialects ------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Dialect:
    """One language's boolean expression syntax.

    binary: spelling -> (kind, binding power, associativity 'left' | 'right' | 'none'); kinds: and, or, xor, eq
    (equality of two booleans), ne, imp, iff. prefix: spelling -> binding power of its operand (100: an atom).
    calls: function name -> (kind, arity or -1 for any); kinds as the tree's, plus 'list' forms any/all that take
    one list. apply: functions are applied by juxtaposition (`Bool.xor a b`), not `f(a, b)`."""

    name: str
    binary: dict[str, tuple[str, int, str]]
    prefix: dict[str, int]
    literals: dict[str, bool]
    calls: dict[str, tuple[str, int]] = field(default_factory=dict)
    apply: bool = False
    ignore_case: bool = False
    bits: bool = False  # 1 and 0 are the values (shell arithmetic)
    sigil: bool = False  # `$x` reads as x (shell)
    no_double_not: bool = False  # `not not x` is a type error (OCaml applies not to the function not)
    bad: dict[str, str] = field(default_factory=dict)  # spellings refused, with why


_CMP_REFUSED = {
    "<": "a comparison of numbers",
    ">": "a comparison of numbers",
    "<=": "a comparison of numbers",
    ">=": "a comparison of numbers",
    "+": "arithmetic",
    "-": "arithmetic",
    "*": "arithmetic",
    "/": "arithmetic",
    "%": "arithmetic",
}

PYTHON = Dialect(
    "Python",
    binary={
        "or": ("or", 10, "left"),
        "and": ("and", 20, "left"),
        "==": ("eq", 40, "none"),
        "!=": ("ne", 40, "none"),
        "is": ("eq", 40, "none"),
        "|": ("or", 50, "left"),
        "^": ("xor", 60, "left"),
        "&": ("and", 70, "left"),
    },
    prefix={"not": 30},
    literals={"True": True, "False": False},
    calls={
        "any": ("anylist", 1),
        "all": ("alllist", 1),
        "bool": ("id", 1),
        "operator.xor": ("xor", 2),
        "operator.and_": ("and", 2),
        "operator.or_": ("or", 2),
        "operator.not_": ("notf", 1),
        "operator.truth": ("id", 1),
        "operator.eq": ("eq", 2),
        "operator.ne": ("ne", 2),
        "xor": ("xor", 2),
    },
    bad={"~": "Python's ~ on a bool gives an integer (~True is -2)", **_CMP_REFUSED},
)
SYMPY = Dialect(
    "SymPy",
    binary={"|": ("or", 10, "left"), "^": ("xor", 20, "left"), "&": ("and", 30, "left")},
    prefix={"~": 100},
    literals={"True": True, "False": False, "true": True, "false": False},
    calls={
        "And": ("and", -1),
        "Or": ("or", -1),
        "Not": ("notf", 1),
        "Xor": ("xor", -1),
        "Nand": ("nand", -1),
        "Nor": ("nor", -1),
        "Implies": ("imp", 2),
        "Equivalent": ("eqall", -1),
        "Xnor": ("xnor2", 2),
    },
    bad=dict(_CMP_REFUSED),
)
_C_LIKE = {
    "||": ("or", 10, "left"),
    "&&": ("and", 20, "left"),
    "|": ("or", 30, "left"),
    "^": ("xor", 40, "left"),
    "&": ("and", 50, "left"),
    "==": ("eq", 60, "left"),
    "!=": ("ne", 60, "left"),
}
CPP = Dialect(
    "C++",
    binary={
        **_C_LIKE,
        "or": ("or", 10, "left"),
        "and": ("and", 20, "left"),
        "bitor": ("or", 30, "left"),
        "xor": ("xor", 40, "left"),
        "bitand": ("and", 50, "left"),
        "not_eq": ("ne", 60, "left"),
    },
    prefix={"!": 100, "not": 100},
    literals={"true": True, "false": False},
    bad={
        "~": "~ on a bool gives an integer (~true is -2)",
        "compl": "compl on a bool gives an integer",
        **_CMP_REFUSED,
    },
)
BASH = Dialect(
    "bash arithmetic",
    binary=dict(_C_LIKE),
    prefix={"!": 100},
    literals={},
    bits=True,
    sigil=True,
    bad={"~": "~ is a bitwise complement (~1 is -2)", **_CMP_REFUSED},
)
GO = Dialect(
    "Go",
    binary={
        "||": ("or", 10, "left"),
        "&&": ("and", 20, "left"),
        "==": ("eq", 30, "left"),
        "!=": ("ne", 30, "left"),
    },
    prefix={"!": 100},
    literals={"true": True, "false": False},
    bad=dict(_CMP_REFUSED),
)
JAVA = Dialect(  # Java and C#: the C levels; & | ^ on booleans are logical and give booleans
    "Java/C#",
    binary=dict(_C_LIKE),
    prefix={"!": 100},
    literals={"true": True, "false": False},
    bad={"~": "~ on a bool is not a boolean operator", **_CMP_REFUSED},
)
JAVASCRIPT = Dialect(
    "JavaScript",
    binary={
        "||": ("or", 10, "left"),
        "&&": ("and", 20, "left"),
        "==": ("eq", 60, "left"),
        "!=": ("ne", 60, "left"),
        "===": ("eq", 60, "left"),
        "!==": ("ne", 60, "left"),
    },
    prefix={"!": 100},
    literals={"true": True, "false": False},
    bad={
        "&": "JavaScript's & on booleans gives a number",
        "|": "JavaScript's | on booleans gives a number",
        "^": "JavaScript's ^ on booleans gives a number",
        "~": "~ on a boolean gives a number",
        **_CMP_REFUSED,
    },
)
RUST = Dialect(  # & ^ | bind tighter than == in Rust; comparisons do not chain
    "Rust",
    binary={
        "||": ("or", 10, "left"),
        "&&": ("and", 20, "left"),
        "==": ("eq", 25, "none"),
        "!=": ("ne", 25, "none"),
        "|": ("or", 30, "left"),
        "^": ("xor", 40, "left"),
        "&": ("and", 50, "left"),
    },
    prefix={"!": 100},
    literals={"true": True, "false": False},
    bad=dict(_CMP_REFUSED),
)
SWIFT = Dialect(
    "Swift",
    binary={
        "||": ("or", 10, "left"),
        "&&": ("and", 20, "left"),
        "==": ("eq", 30, "none"),
        "!=": ("ne", 30, "none"),
    },
    prefix={"!": 100},
    literals={"true": True, "false": False},
    bad={
        "&": "Swift has no & on Bool",
        "|": "Swift has no | on Bool",
        "^": "Swift has no ^ on Bool",
        **_CMP_REFUSED,
    },
)
KOTLIN = Dialect(  # named infix functions (and, or, xor) share one level, above == and left-associative
    "Kotlin",
    binary={
        "||": ("or", 10, "left"),
        "&&": ("and", 20, "left"),
        "==": ("eq", 30, "left"),
        "!=": ("ne", 30, "left"),
        "and": ("and", 40, "left"),
        "or": ("or", 40, "left"),
        "xor": ("xor", 40, "left"),
    },
    prefix={"!": 100},
    literals={"true": True, "false": False},
    bad=dict(_CMP_REFUSED),
)
HASKELL = Dialect(
    "Haskell",
    binary={
        "||": ("or", 10, "right"),
        "&&": ("and", 20, "right"),
        "==": ("eq", 30, "none"),
        "/=": ("ne", 30, "none"),
    },
    prefix={"not": 100},
    literals={"True": True, "False": False},
    calls={"xor": ("xor", 2)},
    apply=True,
    no_double_not=True,
    bad=dict(_CMP_REFUSED),
)
MATLAB = Dialect(
    "MATLAB/Octave",
    binary={
        "||": ("or", 10, "left"),
        "&&": ("and", 20, "left"),
        "|": ("or", 30, "left"),
        "&": ("and", 40, "left"),
        "==": ("eq", 50, "left"),
        "~=": ("ne", 50, "left"),
        "!=": ("ne", 50, "left"),
    },
    prefix={"~": 100, "!": 100},
    literals={"true": True, "false": False},
    calls={"xor": ("xor", 2), "not": ("notf", 1), "and": ("and", 2), "or": ("or", 2)},
    bad=dict(_CMP_REFUSED),
)
SPREADSHEET = Dialect(  # Excel, Google Sheets, LibreOffice: functions, case-insensitive; XOR is parity
    "spreadsheet",
    binary={"=": ("eq", 10, "none"), "<>": ("ne", 10, "none")},
    prefix={},
    literals={"true": True, "false": False},
    calls={"and": ("and", -1), "or": ("or", -1), "not": ("notf", 1), "xor": ("xor", -1), "if": ("ite", 3)},
    ignore_case=True,
    bad={"&": "& joins text in a spreadsheet", **_CMP_REFUSED},
)
LUA = Dialect(
    "Lua",
    binary={
        "or": ("or", 10, "left"),
        "and": ("and", 20, "left"),
        "==": ("eq", 30, "left"),
        "~=": ("ne", 30, "left"),
    },
    prefix={"not": 100},
    literals={"true": True, "false": False},
    bad={"nil": "nil is not a boolean", **_CMP_REFUSED},
)
OCAML = Dialect(
    "OCaml",
    binary={
        "||": ("or", 10, "right"),
        "&&": ("and", 20, "right"),
        "=": ("eq", 30, "left"),
        "<>": ("ne", 30, "left"),
        "==": ("eq", 30, "left"),
        "!=": ("ne", 30, "left"),
    },
    prefix={"not": 100},
    literals={"true": True, "false": False},
    calls={"Bool.not": ("notf", 1), "Bool.equal": ("eq", 2)},
    apply=True,
    no_double_not=True,
    bad={"&": "OCaml's deprecated '&'", "or": "OCaml's deprecated 'or'", **_CMP_REFUSED},
)
R = Dialect(
    "R",
    binary={
        "||": ("or", 10, "left"),
        "|": ("or", 10, "left"),
        "&&": ("and", 20, "left"),
        "&": ("and", 20, "left"),
        "==": ("eq", 40, "none"),
        "!=": ("ne", 40, "none"),
    },
    prefix={"!": 30},
    literals={"TRUE": True, "FALSE": False, "T": True, "F": False},
    calls={
        "xor": ("xor", 2),
        "isTRUE": ("id", 1),
        "isFALSE": ("notf", 1),
        "any": ("or", -1),
        "all": ("and", -1),
        "identical": ("eq", 2),
    },
    bad=dict(_CMP_REFUSED),
)
VB = Dialect(
    "Visual Basic",
    binary={
        "xor": ("xor", 5, "left"),
        "or": ("or", 10, "left"),
        "orelse": ("or", 10, "left"),
        "and": ("and", 20, "left"),
        "andalso": ("and", 20, "left"),
        "=": ("eq", 40, "left"),
        "<>": ("ne", 40, "left"),
    },
    prefix={"not": 30},
    literals={"true": True, "false": False},
    ignore_case=True,
    bad=dict(_CMP_REFUSED),
)
LEAN = Dialect(
    "Lean 4",
    binary={
        "||": ("or", 30, "left"),
        "^^": ("xor", 33, "left"),
        "&&": ("and", 35, "left"),
        "==": ("eq", 50, "none"),
        "!=": ("ne", 50, "none"),
    },
    prefix={"!": 40},
    literals={"true": True, "false": False},
    calls={
        "Bool.xor": ("xor", 2),
        "xor": ("xor", 2),
        "Bool.and": ("and", 2),
        "Bool.or": ("or", 2),
        "and": ("and", 2),
        "or": ("or", 2),
        "not": ("notf", 1),
        "Bool.not": ("notf", 1),
    },
    apply=True,
    bad=dict(_CMP_REFUSED),
)

_TOKEN = re.compile(
    r"\s+|(?P<word>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)|(?P<num>\d+)"
    r"|(?P<sym>\^\^|&&|\|\||===|!==|==|!=|~=|/=|<>|<=|>=|[!&|^~=<>()\[\],+\-*/%$])|(?P<bad>.)",
    re.S,
)


@dataclass
class _Tok:
    kind: str  # word num sym end
    text: str
    pos: int


class _Parser:
    """Precedence climbing over one dialect's table."""

    def __init__(self, text: str, dialect: Dialect, names: set[str]) -> None:
        self.text, self.d, self.names = text, dialect, names
        self.toks: list[_Tok] = []
        for m in _TOKEN.finditer(text):
            if m.lastgroup is None:
                continue
            if m.lastgroup == "bad":
                raise self.error(f"unexpected character {m.group()!r}", m.start())
            tok = m.group()
            if m.lastgroup == "sym" and tok == "$" and dialect.sigil:
                continue
            self.toks.append(_Tok(m.lastgroup, tok, m.start()))
        self.toks.append(_Tok("end", "", len(text)))
        self.i = 0

    def error(self, what: str, pos: int) -> ParseError:
        return ParseError(f"{self.d.name}: {what} at column {pos + 1} of {self.text.strip()[:160]!r}")

    def key(self, tok: _Tok) -> str:
        return tok.text.lower() if self.d.ignore_case and tok.kind == "word" else tok.text

    def peek(self) -> _Tok:
        return self.toks[self.i]

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def expect(self, text: str) -> None:
        tok = self.take()
        if tok.text != text:
            raise self.error(f"expected {text!r} but found {tok.text or 'the end'!r}", tok.pos)

    def parse(self) -> Expr:
        expr = self.expr(0)
        tok = self.peek()
        if tok.kind != "end":
            raise self.error(f"unexpected {tok.text!r}", tok.pos)
        return expr

    def binary_of(self, tok: _Tok) -> tuple[str, int, str] | None:
        if tok.kind in ("word", "sym"):
            return self.d.binary.get(self.key(tok))
        return None

    def expr(self, min_bp: int) -> Expr:
        left = self.unary(min_bp)
        last: tuple[str, int, str] | None = None
        while True:
            tok = self.peek()
            self.refuse_bad(tok)
            op = self.binary_of(tok)
            if op is None or op[1] < min_bp:
                return left
            kind, bp, assoc = op
            if last is not None and assoc == "none" and last[1] == bp:
                raise self.error(
                    f"a chain of comparisons ({tok.text!r}); {self.d.name} does not read it as nested "
                    "equalities: add brackets",
                    tok.pos,
                )
            self.take()
            right = self.expr(bp if assoc == "right" else bp + 1)
            left = _combine(kind, left, right)
            last = op

    def refuse_bad(self, tok: _Tok) -> None:
        k = self.key(tok)
        if tok.kind in ("word", "sym") and k in self.d.bad:
            raise self.error(f"{tok.text!r} is not read ({self.d.bad[k]})", tok.pos)

    def unary(self, min_bp: int) -> Expr:
        tok = self.peek()
        self.refuse_bad(tok)
        k = self.key(tok)
        if tok.kind in ("word", "sym") and k in self.d.prefix:
            bp = self.d.prefix[k]
            if bp < 100 and min_bp > bp:
                raise self.error(
                    f"{tok.text!r} where {self.d.name} does not allow it without brackets; add brackets",
                    tok.pos,
                )
            self.take()
            if self.d.no_double_not and self.key(self.peek()) in self.d.prefix:
                raise self.error(
                    f"'{tok.text} {self.peek().text}' applies not to a function; add brackets", tok.pos
                )
            return ("not", self.expr(bp) if bp < 100 else self.unary(100))
        return self.atom()

    def atom(self) -> Expr:
        tok = self.take()
        k = self.key(tok)
        if tok.text == "(":
            inner = self.expr(0)
            self.expect(")")
            return inner
        if tok.kind == "num":
            if self.d.bits and tok.text in ("0", "1"):
                return ("const", tok.text == "1")
            raise self.error(f"the number {tok.text!r} is not a truth value", tok.pos)
        if tok.kind == "word":
            lit = self.d.literals.get(k)
            if lit is not None and tok.text not in self.names:
                return ("const", lit)
            if tok.text in self.names:
                return ("var", tok.text)
            call = self.d.calls.get(k)
            if call is not None:
                return self.call(tok, call)
            raise self.error(f"unknown name {tok.text!r} (no value is given for it)", tok.pos)
        raise self.error(f"expected a value but found {tok.text or 'the end'!r}", tok.pos)

    def call(self, tok: _Tok, call: tuple[str, int]) -> Expr:
        kind, arity = call
        args: list[Expr] = []
        if self.d.apply:
            for _ in range(arity):
                nxt = self.peek()
                if nxt.text != "(" and nxt.kind != "word":
                    raise self.error(f"{tok.text!r} needs {arity} arguments", nxt.pos)
                args.append(self.atom())
        else:
            self.expect("(")
            if kind in ("anylist", "alllist"):
                self.expect("[")
                args = self.items("]")
                self.expect(")")
            else:
                args = self.items(")")
            if arity >= 0 and len(args) != arity and kind not in ("anylist", "alllist"):
                raise self.error(f"{tok.text!r} takes {arity} argument(s), got {len(args)}", tok.pos)
        return _apply(kind, args, tok.text, self, tok.pos)

    def items(self, close: str) -> list[Expr]:
        out: list[Expr] = []
        while self.peek().text != close:
            out.append(self.expr(0))
            if self.peek().text == ",":
                self.take()
            elif self.peek().text != close:
                raise self.error(f"expected ',' or {close!r}", self.peek().pos)
        self.take()
        return out


def _combine(kind: str, left: Expr, right: Expr) -> Expr:
    if kind in ("and", "or", "xor"):
        return (kind, [left, right])
    if kind == "eq":
        return ("iff", [left, right])
    if kind == "ne":
        return ("xor", [left, right])
    return (kind, [left, right])


def _apply(kind: str, args: list[Expr], name: str, parser: _Parser, pos: int) -> Expr:
    if kind in ("anylist", "alllist"):
        if not args:  # any([]) is False, all([]) is True
            return ("const", kind == "alllist")
        return ("or" if kind == "anylist" else "and", args)
    if not args:
        raise parser.error(f"{name!r} with no arguments", pos)
    if kind == "id":
        return args[0]
    if kind == "notf":
        return ("not", args[0])
    if kind == "ite":  # IF(c, a, b)
        c, a, b = args
        return ("or", [("and", [c, a]), ("and", [("not", c), b])])
    if kind in ("eq", "ne"):
        return _combine(kind, args[0], args[1])
    if kind == "xnor2":
        return ("iff", args)
    if kind == "eqall" and len(args) == 1:  # SymPy: Equivalent(x) is true
        return ("const", True)
    if kind in _N_ARY:
        return (kind, args) if len(args) > 1 or kind in ("nand", "nor") else args[0]
    return (kind, args)


def parse_in(text: str, dialect: Dialect, names: set[str]) -> Expr:
    """One expression in `dialect` -> a tree; `names` are the variables given values (they shadow literals)."""
    return _Parser(text, dialect, names).parse()


# -- the reading ---------------------------------------------------------------------------------------------------
_RESERVED_NAMES = {"T", "F"}  # canonical constants: a variable so named is renamed


def make_reading(
    expr: Expr,
    values: dict[str, bool],
    how: str,
    *,
    definitions: list[tuple[str, Expr]] | None = None,
    skipped: list[str] | None = None,
    assumptions: list[str] | None = None,
    limits: object = None,
    simplify: bool = False,
    negate: str = "",
) -> Reading:
    """A tree, the values of its variables and the names defined before it (substituted, shared) -> a Reading.
    `how` says what was read ("a Go program's fmt.Println"); `negate` names a question that asks for the opposite
    value (the tree is negated and the reason given)."""
    from drt_agent.domains.logic import LogicProblem
    from drt_agent.limits import resolve

    from .logic_expr import REWRITES, render

    builder = Builder(simplify=simplify)
    rename = {n: f"{n}_" for n in values if n in _RESERVED_NAMES}
    leaf: dict[str, Node] = {n: ("v", rename.get(n, n)) for n in values}
    for name, body in definitions or []:
        leaf[name] = builder.wrap(to_node(body, builder, leaf), ATOM)
    node = to_node(expr, builder, leaf)
    if negate:
        node = builder.neg(("()", node))
    cap = int(resolve(limits).max_tokens)
    expression = render(node, cap, rewritten=bool({"xor", "iff"} & set(builder.notes.rewrites)))
    used = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", expression)) - _RESERVED_NAMES
    problem = LogicProblem(
        expression=expression,
        variables={rename.get(n, n): v for n, v in values.items() if rename.get(n, n) in used},
    )
    notes = [f"rewrote {REWRITES[k]}" for k in builder.notes.rewrites]
    if builder.notes.cancelled:
        notes.append(f"cancelled {builder.notes.cancelled} double negation(s) (not not x as x)")
    if definitions:
        notes.append("substituted " + ", ".join(n for n, _ in definitions))
    if rename:
        notes.append(
            "renamed " + ", ".join(f"{a} as {b}" for a, b in rename.items()) + " (T and F are constants)"
        )
    if negate:
        notes.append(negate)
    read_as = f"{how}: boolean expression {problem.expression}"
    if problem.variables:
        read_as += " where " + ", ".join(f"{k}={v}" for k, v in problem.variables.items())
    if notes:
        read_as += " (" + "; ".join(notes) + ")"
    return Reading(
        problem=problem, read_as=read_as, skipped=list(skipped or []), assumptions=list(assumptions or [])
    )
