"""Boolean S-expressions: Scheme / Racket, Common Lisp / Emacs Lisp, Clojure and SMT-LIB.

Prefix lists need no precedence, but each family spells truth and equality its own way, so the family is taken
from the code fence's tag or a name in the text (never guessed from the operators): `#t`/`#f` (Scheme), `t`/`nil`
(Lisp), `true`/`false` (Clojure, SMT-LIB). Values come from `(define a #t)`, `(def a true)`, `(setq a t)`,
`(defvar a nil)`, `(define-fun a () Bool true)`, `(declare-const a Bool)` with `(assert (= a true))` or
`(assert a)`, and `(let ((a #t)) ...)` / `(let [a true] ...)`. One expression is asked about: the one printed
(`display`, `print`, `println`, `prn`, `eval`, `simplify`), or the only top-level expression.

Read: and, or, not (and `null` in Lisp), implication (`=>` in SMT-LIB, right-associative; `implies` in Racket),
xor (parity in SMT-LIB; two arguments in Racket), nand/nor (Racket), equality (`=` in Clojure and SMT-LIB,
`eq?`/`equal?` in Scheme, `eq`/`equal` in Lisp, `not=` in Clojure, `distinct` of two in SMT-LIB), `ite` (SMT-LIB).
Anything else (numbers, `=` in Scheme, which is numeric) is refused.
"""

from __future__ import annotations

import re
from typing import Any

from drt_agent.domains.base import Reading
from drt_agent.errors import ParseError

from .logic_framing import check_plain_question
from .logic_lang import Expr, make_reading

_FAMILY_TAGS = {
    "scheme": "scheme",
    "racket": "scheme",
    "rkt": "scheme",
    "guile": "scheme",
    "lisp": "lisp",
    "common-lisp": "lisp",
    "commonlisp": "lisp",
    "cl": "lisp",
    "elisp": "lisp",
    "emacs-lisp": "lisp",
    "clojure": "clojure",
    "clj": "clojure",
    "smt": "smt",
    "smt2": "smt",
    "smtlib": "smt",
    "smt-lib": "smt",
    "z3": "smt",
}
_FAMILY_NAMES = [
    (re.compile(r"\b(?:Scheme|Racket|Guile)\b"), "scheme"),  # capitalised: "scheme" is also an English word
    (re.compile(r"\b(?:Common\s+Lisp|Emacs\s+Lisp|Elisp|SBCL|CLISP)\b"), "lisp"),
    (re.compile(r"\bClojure\b"), "clojure"),
    (re.compile(r"\b(?:SMT-?LIB(?:\s*2)?|Z3|CVC5|CVC4)\b", re.I), "smt"),
]
_LITERALS = {
    "scheme": {"#t": True, "#f": False, "#true": True, "#false": False},
    "lisp": {"t": True, "nil": False, "T": True, "NIL": False},
    "clojure": {"true": True, "false": False},
    "smt": {"true": True, "false": False},
}
_OPS = {  # family -> operator -> (kind, arity: -1 any, 2 exactly two, 1 one)
    "scheme": {"and": ("and", -1), "or": ("or", -1), "not": ("not", 1), "xor": ("xor", 2), "implies": ("imp", 2),
               "nand": ("nand", -1), "nor": ("nor", -1), "eq?": ("iff", 2), "equal?": ("iff", 2), "eqv?": ("iff", 2)},
    "lisp": {"and": ("and", -1), "or": ("or", -1), "not": ("not", 1), "null": ("not", 1), "eq": ("iff", 2),
             "eql": ("iff", 2), "equal": ("iff", 2)},
    "clojure": {"and": ("and", -1), "or": ("or", -1), "not": ("not", 1), "=": ("eqall", -1), "not=": ("ne", 2)},
    "smt": {"and": ("and", -1), "or": ("or", -1), "not": ("not", 1), "xor": ("xor", -1), "=>": ("impchain", -1),
            "=": ("eqall", -1), "distinct": ("ne", 2), "ite": ("ite", 3)},
}  # fmt: skip
_SHOW = {"display", "displayln", "print", "println", "prn", "princ", "prin1", "write", "eval", "simplify"}
_FENCE = re.compile(r"^[ \t]*```[ \t]*(?P<tag>[\w+#.-]*)[^\n]*\n(?P<code>.*?)\n[ \t]*```[ \t]*$", re.S | re.M)
_TOKEN = re.compile(r"\s+|;[^\n]*|(?P<open>[(\[])|(?P<close>[)\]])|(?P<atom>[^\s()\[\];]+)")


def read_sexpr(text: str, limits: Any = None, simplify: bool = False) -> Reading | None:
    """The Reading of a Lisp-family or SMT-LIB program that asks one boolean; None when the text is not one."""
    fences = list(_FENCE.finditer(text))
    family = None
    if len(fences) == 1:
        family = _FAMILY_TAGS.get(fences[0].group("tag").lower())
        code = fences[0].group("code")
        outside = text[: fences[0].start()] + " " + text[fences[0].end() :]
    else:
        code, outside = text, ""
    if family is None:  # named in the text only: a text this cannot read is left to the general reader
        try:
            return _named(text, code, outside, fences != [], limits, simplify)
        except ParseError:
            return None
    return _Reader(family).read(_parse(code), outside, limits, simplify)


def _named(text: str, code: str, outside: str, fenced: bool, limits: Any, simplify: bool) -> Reading | None:
    """A program whose family is named in the text ("In Scheme, ..."), fenced without a tag or inline."""
    named = {f for rx, f in _FAMILY_NAMES if rx.search(text)}
    if len(named) != 1 or not re.search(r"\(\s*(?:and|or|not|xor|=>)\s", code):
        return None
    family = named.pop()
    if not fenced:  # the program is the lines that start with '(' (after an optional REPL prompt)
        lines = text.splitlines()
        kept = [ln for ln in lines if re.match(r"\s*(?:[\w-]*>\s*)?\(", ln)]
        if not kept:
            span = _inline(text)
            if span is None:
                return None
            code, outside = text[span[0] : span[1]], text[: span[0]] + " " + text[span[1] :]
            return _Reader(family).read(_parse(code), outside, limits, simplify)
        code = "\n".join(re.sub(r"^\s*[\w-]*>\s*", "", ln) for ln in kept)
        outside = "\n".join(ln for ln in lines if ln not in kept)
    return _Reader(family).read(_parse(code), outside, limits, simplify)


def _inline(text: str) -> tuple[int, int] | None:
    """The one S-expression written inside a sentence ("In Scheme, (and #t #f) is what?"), as (start, end)."""
    m = re.search(r"\(\s*(?:and|or|not|xor|=>|implies)\s", text)
    if m is None:
        return None
    depth = 0
    for k in range(m.start(), len(text)):
        depth += {"(": 1, ")": -1}.get(text[k], 0)
        if depth == 0:
            rest = text[k + 1 :]
            return (
                None
                if "(" in rest and re.search(r"\(\s*(?:and|or|not|xor|=>)\s", rest)
                else (m.start(), k + 1)
            )
    return None


def _parse(code: str) -> list[Any]:
    """Text -> nested lists of atoms (strings)."""
    stack: list[list[Any]] = [[]]
    opener: list[str] = []
    for m in _TOKEN.finditer(code):
        if m.group("open"):
            stack.append([])
            opener.append(m.group("open"))
        elif m.group("close"):
            if not opener or {"(": ")", "[": "]"}[opener.pop()] != m.group("close"):
                raise ParseError(f"S-expression: unbalanced {m.group('close')!r} at column {m.start() + 1}")
            done = stack.pop()
            stack[-1].append(done)
        elif m.group("atom"):
            stack[-1].append(m.group("atom"))
    if opener:
        raise ParseError("S-expression: a '(' is never closed")
    return stack[0]


class _Reader:
    def __init__(self, family: str) -> None:
        self.family = family
        self.literals = _LITERALS[family]
        self.ops = _OPS[family]
        self.values: dict[str, bool] = {}
        self.sources: dict[str, str] = {}
        self.declared: set[str] = set()

    def read(self, forms: list[Any], outside: str, limits: Any, simplify: bool) -> Reading:
        asked: list[Any] = []
        for form in forms:
            if not isinstance(form, list) or not form:
                raise ParseError(f"S-expression: {_show(form)!r} at top level is not read")
            head = form[0]
            if (
                head in ("define", "def", "defvar", "defparameter", "defconst", "setq", "setf")
                and len(form) == 3
            ):
                self.assign(form[1], form[2], form)
            elif head == "define-fun" and len(form) == 5 and form[2] == [] and form[3] == "Bool":
                self.assign(form[1], form[4], form)
            elif head in ("declare-const", "declare-fun") and form[-1] == "Bool":
                self.declared.add(form[1])
            elif head == "assert" and len(form) == 2:
                self.assertion(form[1], form)
            elif head in ("check-sat", "get-model", "exit", "set-logic", "set-option"):
                if head == "check-sat" and not any(h == "eval" for h in _heads(forms)):
                    raise ParseError(
                        "SMT-LIB: (check-sat) asks about satisfiability; ask (eval ...) for a value"
                    )
            elif head in _SHOW and len(form) == 2:
                asked.append(form[1])
            else:
                asked.append(form)
        if len(asked) != 1:
            raise ParseError(f"S-expression: {len(asked)} expressions asked; ask about exactly one")
        missing = self.declared - set(self.values)
        tree = self.expr(asked[0], {})
        from .logic_lang import variables

        unknown = sorted((variables(tree) & missing) | (variables(tree) - set(self.values)))
        if unknown:
            raise ParseError(f"S-expression: no value is given for {', '.join(unknown)}")
        check_plain_question(outside.replace("```", " "), "the text around the S-expression")
        return make_reading(
            tree,
            self.values,
            f"a {self.family} S-expression {_show(asked[0])[:80]!r}",
            limits=limits,
            simplify=simplify,
        )

    def assign(self, name: Any, value: Any, form: list[Any]) -> None:
        if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z_]\w*", name) or name in self.literals:
            raise ParseError(f"S-expression: cannot read {_show(form)!r}")
        tree = self.expr(value, {})
        if tree[0] != "const":
            raise ParseError(
                f"S-expression: {_show(form)!r}: only true/false values are read in a definition"
            )
        self.set(name, bool(tree[1]), form)

    def set(self, name: str, value: bool, form: list[Any]) -> None:
        if name in self.values and self.values[name] != value:
            raise ParseError(
                f"{name!r} is given two values: {self.sources[name]!r} and {_show(form)!r}; give each variable one value"
            )
        self.values[name] = value
        self.sources[name] = _show(form)

    def assertion(self, body: Any, form: list[Any]) -> None:
        """`(assert a)`, `(assert (not a))`, `(assert (= a true))`: a value for a declared constant."""
        if isinstance(body, str) and body in self.declared:
            return self.set(body, True, form)
        if isinstance(body, list) and body[:1] == ["not"] and len(body) == 2 and body[1] in self.declared:
            return self.set(body[1], False, form)
        if isinstance(body, list) and len(body) == 3 and body[0] == "=":
            a, b = body[1], body[2]
            if a in self.declared and b in self.literals:
                return self.set(a, self.literals[b], form)
            if b in self.declared and a in self.literals:
                return self.set(b, self.literals[a], form)
        raise ParseError(
            f"SMT-LIB: the assertion {_show(form)!r} is not a value for one constant; this reads values only"
        )

    def expr(self, form: Any, bound: dict[str, bool]) -> Expr:
        if isinstance(form, str):
            if form in self.literals:
                return ("const", self.literals[form])
            if form in bound:
                return ("const", bound[form])
            if re.fullmatch(r"[A-Za-z_]\w*", form) and form not in self.ops:
                return ("var", form)
            raise ParseError(f"S-expression ({self.family}): {form!r} is not a truth value or a name")
        if not form:
            raise ParseError("S-expression: an empty list () is not a truth value")
        head = form[0]
        if head == "let" and len(form) == 3:
            return self.let(form, bound)
        if not isinstance(head, str) or head not in self.ops:
            raise ParseError(f"S-expression ({self.family}): the operator {_show(head)!r} is not read")
        kind, arity = self.ops[head]
        args = [self.expr(a, bound) for a in form[1:]]
        if arity >= 0 and len(args) != arity:
            raise ParseError(f"S-expression: ({head} ...) takes {arity} argument(s), got {len(args)}")
        if kind in ("and", "or") and not args:
            return ("const", kind == "and")
        if kind in ("and", "or", "xor") and len(args) == 1:
            return args[0]
        if kind == "not":
            return ("not", args[0])
        if kind == "ne":
            return ("xor", args)
        if kind == "eqall":
            if len(args) < 2:
                raise ParseError(f"S-expression: ({head} ...) needs two arguments")
            return ("iff", args) if len(args) == 2 else ("eqall", args)
        if kind == "impchain":  # SMT-LIB: (=> a b c) is a => (b => c)
            if len(args) < 2:
                raise ParseError("SMT-LIB: (=> ...) needs two arguments")
            out = args[-1]
            for a in reversed(args[:-1]):
                out = ("imp", [a, out])
            return out
        if kind == "ite":
            c, a, b = args
            return ("or", [("and", [c, a]), ("and", [("not", c), b])])
        if kind in ("nand", "nor") and not args:
            raise ParseError(f"S-expression: ({head}) with no arguments")
        return (kind, args)

    def let(self, form: list[Any], bound: dict[str, bool]) -> Expr:
        pairs = form[1]
        if not isinstance(pairs, list):
            raise ParseError(f"S-expression: cannot read the let bindings {_show(pairs)!r}")
        if self.family == "clojure":  # (let [a true b false] ...)
            if len(pairs) % 2:
                raise ParseError("Clojure: let takes name/value pairs")
            items = [(pairs[k], pairs[k + 1]) for k in range(0, len(pairs), 2)]
        else:  # (let ((a #t) (b #f)) ...)
            if not all(isinstance(p, list) and len(p) == 2 for p in pairs):
                raise ParseError(f"S-expression: cannot read the let bindings {_show(pairs)!r}")
            items = [(p[0], p[1]) for p in pairs]
        inner = dict(bound)
        names = [n for n, _ in items]
        if len(set(names)) != len(names):
            raise ParseError(f"S-expression: a name is bound twice in {_show(pairs)!r}")
        for name, value in items:
            tree = self.expr(value, bound)  # `let` binds in parallel: values see only the outer names
            if not isinstance(name, str) or tree[0] != "const":
                raise ParseError(f"S-expression: let binds only true/false here, not {_show(value)!r}")
            inner[name] = bool(tree[1])
        return self.expr(form[2], inner)


def _heads(forms: list[Any]) -> list[str]:
    return [f[0] for f in forms if isinstance(f, list) and f and isinstance(f[0], str)]


def _show(form: Any) -> str:
    if isinstance(form, list):
        return "(" + " ".join(_show(x) for x in form) + ")"
    return str(form)
