"""Boolean expressions in the notations people and programs write -> the canonical and/or/not form.

The lexicon below names every spelling read (Python, C/Java, SQL capitals, mathematical symbols, bits); `build`
turns the tokens of one expression into a tree over and/or/not only, rewriting xor, nand, nor, implication and
equivalence into equivalent and/or/not forms, and refuses where notations disagree on what a text means:

- `|` next to a logical `and`/`&&` (Python and C bind `|` tighter than `and`, this project's canonical form does
  not), and a word `not` in front of `&`, `|`, `^` or an operator without an agreed precedence (Python reads
  `not a & b` as `not (a & b)`);
- xor, nand and nor beside any other operator of the same bracket level, and chains of nand, nor, implication or
  equivalence (`a -> b -> c`): conventions differ, so the text must add brackets;
- `^` outside code (it is xor in C and Python, "and" in some hand-written logic).

Implication and equivalence bind looser than and/or, as in logic textbooks: `a and b -> c` is `(a and b) -> c`.
Everything here is iterative (no recursion), so nesting depth is bounded only by the limits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from drt_agent.domains.logic import check_syntax
from drt_agent.errors import LimitError, ParseError

# -- the lexicon ---------------------------------------------------------------------------------------------------
LITERAL_WORDS = {"true": "T", "false": "F", "t": "T", "f": "F", "⊤": "T", "⊥": "F"}
DIGITS = {"1": "T", "0": "F"}
NOT_SPELLINGS = {"not", "!", "~", "¬", "-not"}
BINARY = {  # spelling (lower case) -> operator kind
    "and": "and",
    "&&": "and",
    "∧": "and",
    "/\\": "and",
    "or": "or",
    "||": "or",
    "∨": "or",
    "\\/": "or",
    "-and": "and",  # PowerShell
    "-or": "or",
    "-xor": "xor",
    "&": "band",  # bitwise spellings: Python and C give them their own precedence (see module docstring)
    "|": "bor",
    "xor": "xor",
    "⊕": "xor",
    "⊻": "xor",
    "^": "xor",
    "nand": "nand",
    "⊼": "nand",
    "nor": "nor",
    "⊽": "nor",
    "↑": "nand",  # the Sheffer stroke
    "↓": "nor",  # the Peirce arrow
    "implies": "imp",
    "->": "imp",
    "=>": "imp",
    "→": "imp",
    "⇒": "imp",
    "⟹": "imp",
    "iff": "iff",
    "xnor": "iff",
    "<->": "iff",
    "<=>": "iff",
    "↔": "iff",
    "⇔": "iff",
    "⟺": "iff",
    "≡": "iff",
}
UNSUPPORTED = {  # symbols that look like operators but are not read, with what to write instead
    "==": "comparison: use 'iff' (or <->) for 'both have the same value'",
    "===": "comparison: use 'iff' (or <->) for 'both have the same value'",
    "!=": "comparison: use 'xor' for 'the values differ'",
    "!==": "comparison: use 'xor' for 'the values differ'",
    "=": "comparison or assignment: give variable values as 'a = True' before the expression or after 'where'",
    ":=": "assignment: give variable values as 'a = True' before the expression or after 'where'",
    "+": "arithmetic: use or (|) for a disjunction",
    "*": "arithmetic: use and (&) for a conjunction",
    "<": "comparison: this reads only true/false logic",
    ">": "comparison: this reads only true/false logic",
    "<=": "comparison: this reads only true/false logic",
    ">=": "comparison: this reads only true/false logic",
    "%": "arithmetic: this reads only true/false logic",
    "/": "arithmetic: this reads only true/false logic",
    "<-": "converse implication: write 'b -> a' instead of 'a <- b'",
    "←": "converse implication: write 'b -> a' instead of 'a <- b'",
}
EXTENDED = {"xor", "nand", "nor", "imp", "iff"}  # rewritten into and/or/not
NAMES = {
    "and": "and",
    "band": "&",
    "or": "or",
    "bor": "|",
    "xor": "xor",
    "nand": "nand",
    "nor": "nor",
    "imp": "implication",
    "iff": "equivalence",
}
REWRITES = {
    "xor": "a xor b as a & !b | !a & b",
    "nand": "a nand b as !(a & b)",
    "nor": "a nor b as !(a | b)",
    "imp": "a -> b as !a | b",
    "iff": "a <-> b as a & b | !a & !b",
}
TEX = {  # LaTeX commands: \\lor, \\land, ...
    "\\lor": "or",
    "\\vee": "or",
    "\\land": "and",
    "\\wedge": "and",
    "\\lnot": "not",
    "\\neg": "not",
    "\\oplus": "xor",
    "\\veebar": "xor",
    "\\to": "imp",
    "\\rightarrow": "imp",
    "\\Rightarrow": "imp",
    "\\implies": "imp",
    "\\leftrightarrow": "iff",
    "\\Leftrightarrow": "iff",
    "\\iff": "iff",
    "\\equiv": "iff",
    "\\top": "T",
    "\\bot": "F",
}
RESERVED = set(LITERAL_WORDS) | {w for w in BINARY if w.isalpha()} | {"not"}

_TOKEN = re.compile(
    r"(?P<space>\s+|\$(?=[A-Za-z_]))"  # a `$` sigil (PowerShell, shell) reads as nothing
    r"|(?P<iff>if\s+and\s+only\s+if\b)"
    r"|(?P<ps>(?<![\w-])-(?:and|or|xor|not)\b)"
    r"|(?P<tex>\\[A-Za-z]+)"
    r"|(?P<sym><->|<=>|->|=>|===|!==|==|!=|<=|>=|&&|\|\||/\\|\\/|:=|<-|[&|!~^()\[\]¬∧∨⊕⊻⊼⊽↑↓→⇒⟹↔⇔⟺≡⊤⊥=+*←<>%/])"
    r"|(?P<word>[A-Za-z_][A-Za-z0-9_]*(?:'[A-Za-z]+)?)"
    r"|(?P<num>\d+(?:\.\d+)?)"
    r"|(?P<quote>[`'\"“”‘’])"
    r"|(?P<punct>(?P<rep>[^\w\s])(?P=rep)*|.)",  # a run of one character ("-----", "???") is one token
    re.DOTALL | re.IGNORECASE,
)


class Tok(NamedTuple):
    """One token. kind: val (a constant; op T/F) · digit (op 1/0, read through the legend) · name · not ·
    bin (op: the operator kind) · lp / rp (op: the bracket) · bad (an operator not read) · num · quote · punct."""

    kind: str
    text: str
    start: int
    end: int
    op: str = ""


def tokenize(text: str, offset: int = 0, overrides: dict[str, str] | None = None) -> list[Tok]:
    """Text -> tokens (spaces dropped) with offsets into the text the caller holds (`offset` added).
    `overrides` (from a legend such as "& is AND, ^ is XOR") maps a spelling to "not" or an operator kind, or a
    one-letter constant given a value in code (`t = 0`) to "name"."""
    out: list[Tok] = []
    for m in _TOKEN.finditer(text):
        kind, tok = m.lastgroup, m.group()
        if kind == "rep":
            kind = "punct"
        start, end = offset + m.start(), offset + m.end()
        low = tok.lower()
        if kind == "space":
            continue
        if overrides and overrides.get(tok) == "name":  # `t = 0` in code: t is a variable here
            out.append(Tok("name", tok, start, end, tok))
        elif overrides and overrides.get(low) == "post":  # a complement after its operand: A'
            out.append(Tok("post", tok, start, end, "post"))
        elif overrides and low in overrides and overrides[low] != "name":
            meaning = overrides[low]
            out.append(
                Tok("not", tok, start, end, "sym")
                if meaning == "not"
                else Tok("bin", tok, start, end, meaning)
            )
        elif kind == "iff":
            out.append(Tok("bin", tok, start, end, "iff"))
        elif kind == "tex":
            meaning = TEX.get(tok)
            if meaning in ("T", "F"):
                out.append(Tok("val", tok, start, end, meaning))
            elif meaning == "not":
                out.append(Tok("not", tok, start, end, "sym"))
            elif meaning is not None:
                out.append(Tok("bin", tok, start, end, meaning))
            else:
                out.append(Tok("punct", tok, start, end))
        elif kind in ("sym", "word", "ps"):
            if low in LITERAL_WORDS:
                out.append(Tok("val", tok, start, end, LITERAL_WORDS[low]))
            elif low in NOT_SPELLINGS:
                out.append(Tok("not", tok, start, end, "word" if low in ("not", "-not") else "sym"))
            elif low in BINARY:
                out.append(Tok("bin", tok, start, end, BINARY[low]))
            elif tok in "([":
                out.append(Tok("lp", tok, start, end, tok))
            elif tok in ")]":
                out.append(Tok("rp", tok, start, end, tok))
            elif tok in UNSUPPORTED:
                out.append(Tok("bad", tok, start, end, UNSUPPORTED[tok]))
            else:
                out.append(Tok("name", tok, start, end, tok))
        elif kind == "num":
            out.append(Tok("digit", tok, start, end, tok) if tok in DIGITS else Tok("num", tok, start, end))
        else:
            out.append(Tok(kind or "punct", tok, start, end))
    return out


# -- the canonical tree --------------------------------------------------------------------------------------------
# Nodes are tuples: ("v", "T" | "F" | name) · ("!", child) · ("&", left, right) · ("|", left, right) ·
# ("()", child). Rewrites share subtrees (a DAG); `render` expands it iteratively under a size cap.
Node = tuple
ATOM, AND, OR = 9, 3, 2
_PREC = {"v": ATOM, "!": ATOM, "()": ATOM, "&": AND, "|": OR}
_BIND = {"and": 3, "band": 3, "or": 2, "bor": 2, "xor": 4, "nand": 4, "nor": 4, "imp": 1, "iff": 0}


@dataclass
class Notes:
    """What building changed: operators rewritten (kind -> count) and double negations cancelled."""

    rewrites: dict[str, int] = field(default_factory=dict)
    cancelled: int = 0


@dataclass
class Builder:
    """Builds canonical nodes; `simplify` cancels directly stacked negations (!!x -> x)."""

    simplify: bool = False
    notes: Notes = field(default_factory=Notes)

    def wrap(self, node: Node, prec: int) -> Node:
        return node if _PREC[node[0]] >= prec else ("()", node)

    def neg(self, node: Node) -> Node:
        """!x; with `simplify`, !!x and !(!x) (any brackets between) give x: an exact rewrite, counted."""
        if self.simplify:
            inner = node
            while inner[0] == "()":
                inner = inner[1]
            if inner[0] == "!":
                self.notes.cancelled += 1
                return inner[1]
        return ("!", self.wrap(node, ATOM))

    def conj(self, left: Node, right: Node) -> Node:
        return ("&", self.wrap(left, AND), self.wrap(right, AND))

    def disj(self, left: Node, right: Node) -> Node:
        return ("|", self.wrap(left, OR), self.wrap(right, OR))

    def xor_chain(self, operands: list[Node]) -> Node:
        """a xor b xor c ...: rewritten as a balanced tree (xor is associative and commutative), so each operand
        is written 2^log2(n) = n times rather than 2^n times along a left-deep chain."""
        if len(operands) == 1:
            return operands[0]
        mid = len(operands) // 2
        return self.binary("xor", self.xor_chain(operands[:mid]), self.xor_chain(operands[mid:]))

    def binary(self, kind: str, left: Node, right: Node) -> Node:
        if kind in EXTENDED:
            self.notes.rewrites[kind] = self.notes.rewrites.get(kind, 0) + 1
        if kind in ("and", "band"):
            return self.conj(left, right)
        if kind in ("or", "bor"):
            return self.disj(left, right)
        if kind == "xor":
            return self.disj(self.conj(left, self.neg(right)), self.conj(self.neg(left), right))
        if kind == "iff":
            return self.disj(self.conj(left, right), self.conj(self.neg(left), self.neg(right)))
        if kind == "nand":
            return self.neg(("()", self.conj(left, right)))
        if kind == "nor":
            return self.neg(("()", self.disj(left, right)))
        assert kind == "imp", kind
        return self.disj(self.neg(left), right)


def render(node: Node, cap: int, rewritten: bool = False) -> str:
    """Canonical text, `(a & !b) | c`, expanded iteratively; LimitError past `cap` tokens (the caller's
    max_tokens: a longer expression could not be solved anyway)."""
    out: list[str] = []
    stack: list[Node | str] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
        elif item[0] == "v":
            out.append(item[1])
        elif item[0] == "!":
            out.append("!")
            stack.append(item[1])
        elif item[0] == "()":
            out.append("(")
            stack.append(")")
            stack.append(item[1])
        else:
            stack.extend((item[2], f" {item[0]} ", item[1]))
        if len(out) > cap:
            why = (
                " once xor / equivalence are rewritten (each rewrite writes both operands twice)"
                if rewritten
                else ""
            )
            raise LimitError(
                f"the expression has over {cap} tokens in and/or/not form{why}, above the limit max_tokens={cap}; "
                "split it, or raise max_tokens"
            )
    return "".join(out)


# -- reading one expression ----------------------------------------------------------------------------------------
def _where(tok: Tok, source: str) -> str:
    return f"at column {tok.start + 1} ({tok.text!r}) of {source.strip()[:200]!r}"


def _check_brackets_and_syntax(tokens: list[Tok], source: str) -> None:
    """The canonical syntax check (shared with the solver) over these tokens, plus matching bracket kinds."""
    for k, t in enumerate(tokens):
        if t.kind == "post" and (k == 0 or tokens[k - 1].kind not in ("val", "digit", "name", "rp", "post")):
            raise ParseError(
                f"the complement {t.text!r} must follow a value or a bracket, {_where(t, source)}"
            )
    kept = [t for t in tokens if t.kind != "post"]
    shape = [{"bin": "&", "not": "!", "lp": "(", "rp": ")"}.get(t.kind, t.text) for t in kept]
    err = check_syntax(shape)
    if err is not None:
        i, msg = err
        raise ParseError(f"{msg}, {_where(kept[min(i, len(kept) - 1)], source)}")
    opened: list[Tok] = []
    for t in tokens:
        if t.kind == "lp":
            opened.append(t)
        elif t.kind == "rp":
            lp = opened.pop()
            if (lp.op == "(") != (t.op == ")"):
                raise ParseError(f"bracket {lp.text!r} is closed by {t.text!r}, {_where(t, source)}")


def _check_level(kinds: dict[str, list[Tok]], source: str) -> None:
    """Refuse operator mixes whose meaning differs between notations (see the module docstring)."""
    if "bor" in kinds and "and" in kinds:
        t = kinds["bor"][0]
        raise ParseError(
            f"'|' next to {kinds['and'][0].text!r} {_where(t, source)}: Python and C bind '|' tighter than "
            "and/&&, so the meaning depends on the language; add brackets, or use 'or' / '||' throughout"
        )
    for kind in ("xor", "nand", "nor"):
        if kind in kinds and len(kinds) > 1:
            other = next(k for k in kinds if k != kind)
            t = kinds[kind][0]
            raise ParseError(
                f"{kinds[kind][0].text!r} ({NAMES[kind]}) beside {kinds[other][0].text!r} without brackets "
                f"{_where(t, source)}: notations disagree on which binds tighter; add brackets, e.g. "
                f"'(a {t.text} b) {kinds[other][0].text} c'"
            )
    for kind in ("nand", "nor", "imp", "iff"):
        if len(kinds.get(kind, ())) > 1:
            t = kinds[kind][1]
            raise ParseError(
                f"a chain of {NAMES[kind]}s {_where(t, source)}: whether it groups from the left or the right "
                f"differs between notations; add brackets, e.g. 'a {t.text} (b {t.text} c)'"
            )
    if "imp" in kinds and "iff" in kinds:
        t = kinds["iff"][0]
        raise ParseError(
            f"implication beside equivalence without brackets {_where(t, source)}; add brackets to say which "
            "comes first"
        )


_OPERAND_END = ("val", "digit", "name", "rp", "post")
_OPERAND_START = ("val", "digit", "name", "lp", "not")


def _juxtaposed(tokens: list[Tok], leaf: dict[str, Node]) -> list[Tok]:
    """Boolean algebra: a word made of known one-letter variables is their product (`BCD` -> B·C·D, `A'B` ->
    A'·B), and operands side by side are anded."""
    split: list[Tok] = []
    for t in tokens:
        letters = re.findall(r"[A-Za-z]|'", t.text) if t.kind == "name" and t.text not in leaf else []
        if letters and "".join(letters) == t.text and all(x == "'" or x in leaf for x in letters):
            for k, x in enumerate(letters):
                kind = "post" if x == "'" else "name"
                split.append(Tok(kind, x, t.start + k, t.start + k + 1, kind if x == "'" else x))
        else:
            split.append(t)
    out: list[Tok] = []
    for t in split:
        if out and out[-1].kind in _OPERAND_END and t.kind in _OPERAND_START:
            out.append(Tok("bin", "·", t.start, t.start, "and"))
        out.append(t)
    return out


def build(
    tokens: list[Tok],
    source: str,
    leaf: dict[str, Node],
    builder: Builder,
    caret_is_xor: bool,
    juxtaposition: bool = False,
) -> Node:
    """Tokens of one expression -> a canonical node (shunting-yard, iterative). `leaf` maps the digits and names
    the caller resolved (through a legend, given values, definitions) to nodes; a name missing there is unknown.
    `juxtaposition` (Boolean algebra, where a legend says so): operands side by side are anded (`AB'C`)."""
    if juxtaposition:
        tokens = _juxtaposed(tokens, leaf)
    for t in tokens:
        if t.kind == "bad":
            raise ParseError(f"operator {t.text!r} is not read ({t.op}), {_where(t, source)}")
        if t.kind in ("num", "quote", "punct"):
            what = {"num": "number", "quote": "quote", "punct": "character"}[t.kind]
            extra = "; only 1 (true) and 0 (false) are values" if t.kind == "num" else ""
            raise ParseError(
                f"unexpected {what} {t.text!r} {_where(t, source)}{extra}; expressions use and/or/not (& | ! ~ ∧ ∨ ¬), xor, "
                "nand, nor, implies (->), iff (<->), True/False (T/F, 1/0), variables and brackets"
            )
        if t.kind == "bin" and t.text == "^" and not caret_is_xor:
            raise ParseError(
                f"'^' {_where(t, source)} is xor in C and Python but 'and' in some hand-written logic; write "
                "'xor' (or ⊕) or 'and' (or ∧)"
            )
    _check_brackets_and_syntax(tokens, source)
    out: list[Node] = []
    ops: list[Tok] = []
    levels: list[dict[str, list[Tok]]] = [{}]

    def apply(top: Tok, incoming: Tok | None) -> None:
        if top.kind == "not":
            if top.op == "word" and incoming is not None and incoming.text in ("&", "|", "^"):
                raise ParseError(
                    f"'{top.text} x {incoming.text} y' {_where(top, source)}: Python reads it as "
                    f"'{top.text} (x {incoming.text} y)', C and logic as '({top.text} x) {incoming.text} y'; "
                    "add brackets"
                )
            out.append(builder.neg(out.pop()))
        elif top.op == "xor":  # collect a chain; balanced when it closes (see Builder.xor_chain)
            right, left = out.pop(), out.pop()
            out.append(("xor*", [*left[1], right] if left[0] == "xor*" else [left, right]))
        else:
            right = out.pop()
            out.append(builder.binary(top.op, out.pop(), right))

    def close() -> None:
        if out[-1][0] == "xor*":
            out.append(builder.xor_chain(out.pop()[1]))

    for t in tokens:
        if t.kind == "val":
            out.append(("v", t.op))
        elif t.kind in ("digit", "name"):
            if t.text not in leaf:
                raise ParseError(
                    f"unknown variable {t.text!r} at column {t.start + 1}: give its value, e.g. "
                    f"'... where {t.text}=True'"
                )
            out.append(leaf[t.text])
        elif t.kind == "post":  # binds tightest: the operand just read
            out.append(builder.neg(out.pop()))
        elif t.kind in ("not", "lp"):
            ops.append(t)
            if t.kind == "lp":
                levels.append({})
        elif t.kind == "bin":
            levels[-1].setdefault(t.op, []).append(t)
            _check_level(levels[-1], source)
            while (
                ops and ops[-1].kind != "lp" and (ops[-1].kind == "not" or _BIND[ops[-1].op] >= _BIND[t.op])
            ):
                apply(ops.pop(), t)
            ops.append(t)
        else:  # rp
            while ops[-1].kind != "lp":
                apply(ops.pop(), None)
            ops.pop()
            _check_level(levels.pop(), source)
            close()
            out.append(("()", out.pop()))
    while ops:
        apply(ops.pop(), None)
    _check_level(levels.pop(), source)
    close()
    assert len(out) == 1
    return out[0]
