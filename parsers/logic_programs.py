"""Small programs and REPL sessions that print one boolean: Go, Lua, C++, Visual Basic, Lean 4, Python (with
any/all and the operator module), SymPy, bash `if (( ... ))`, an R console, the OCaml toplevel.

Each language is a short table (`Lang`): the lines it ignores (package, imports, `int main() {`), how it gives a
variable a value (`x := true`, `local x = true`, `Dim x As Boolean = True`, `x <- TRUE`, `def x : Bool := true`,
`let x = true and y = false in`), and how it prints (`fmt.Println(...)`, `print(...)`, `std::cout << x`,
`Console.WriteLine(...)`, `#eval ...`, the last `>` line of an R session, the OCaml phrase before `;;`). The
printed expression is read with the language's own precedence (parsers/logic_lang.py). Any line the table does
not know is refused, naming it: a statement that was not understood could change the value.

The question around the code must ask what is printed, with no truth value or negation of its own (a "what if
x were false?" is refused rather than dropped).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from drt_agent.domains.base import Reading
from drt_agent.errors import ParseError

from .logic_framing import check_plain_question
from .logic_lang import (
    BASH,
    CPP,
    GO,
    HASKELL,
    JAVA,
    JAVASCRIPT,
    KOTLIN,
    LEAN,
    LUA,
    MATLAB,
    OCAML,
    PYTHON,
    RUST,
    SWIFT,
    SYMPY,
    VB,
    Dialect,
    Expr,
    R,
    make_reading,
    parse_in,
)

_FENCE = re.compile(r"^[ \t]*```[ \t]*(?P<tag>[\w+#.-]*)[^\n]*\n(?P<code>.*?)\n[ \t]*```[ \t]*$", re.S | re.M)


@dataclass(frozen=True)
class Lang:
    """How one language assigns a boolean and prints one."""

    name: str
    dialect: Dialect
    tags: tuple[str, ...]
    cue: re.Pattern[str]  # content that names the language when the fence has no tag
    ignore: re.Pattern[str]  # boilerplate lines
    assign: re.Pattern[str]  # groups name, value
    show: re.Pattern[str]  # group expr: the printed expression
    flags: int = 0


def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


_COMMENT = r"|\s*(?://|--|#(?![!a-z])|').*"
LANGS = [
    Lang(
        "Go program",
        GO,
        ("go", "golang"),
        _rx(r"^\s*package\s+main\b.*fmt\.Print", re.S | re.M),
        _rx(
            r'\s*(?:package\s+\w+|import\s+(?:"fmt"|\(|"\w+")|"fmt"|\)|func\s+main\(\)\s*\{|\})\s*;?\s*'
            + r"|\s*//.*"
        ),
        _rx(r"\s*(?:var\s+)?(?P<name>[A-Za-z_]\w*)(?:\s+bool)?\s*:?=\s*(?P<value>.+?)\s*;?\s*"),
        _rx(r"\s*fmt\.Println\((?P<expr>.+)\)\s*;?\s*"),
    ),
    Lang(
        "Lua chunk",
        LUA,
        ("lua",),
        _rx(r"^\s*local\s+\w+\s*=.*^\s*print\(", re.S | re.M),
        _rx(r"\s*--.*"),
        _rx(r"\s*(?:local\s+)?(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<value>.+?)\s*;?\s*"),
        _rx(r"\s*print\((?P<expr>.+)\)\s*;?\s*"),
    ),
    Lang(
        "C++ program",
        CPP,
        ("cpp", "c++", "cxx", "cc"),
        _rx(r"#include\s*<iostream>.*std::cout", re.S),
        _rx(
            r"\s*(?:#include\s*<\w+>|int\s+main\s*\((?:void)?\)\s*\{|using\s+namespace\s+std\s*;|return\s+0\s*;|\})\s*"
            r"|\s*//.*"
        ),
        _rx(r"\s*(?:const\s+)?bool\s+(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<value>.+?)\s*;\s*"),
        _rx(
            r"\s*(?:std::)?cout\s*<<\s*(?:(?:std::)?boolalpha\s*<<\s*)?(?P<expr>[A-Za-z_]\w*|\(.+\))\s*"
            r"(?:<<\s*(?:'\\n'|\"\\n\"|(?:std::)?endl)\s*)?;\s*"
        ),
    ),
    Lang(
        "Visual Basic program",
        VB,
        ("vbnet", "vb", "vb.net", "visualbasic"),
        _rx(r"^\s*Module\s+\w+.*Console\.WriteLine", re.S | re.M | re.I),
        _rx(
            r"\s*(?:Module\s+\w+|Sub\s+Main\(\)|End\s+Sub|End\s+Module|Imports\s+System|Option\s+\w+\s+On)\s*|\s*'.*",
            re.I,
        ),
        _rx(r"\s*Dim\s+(?P<name>[A-Za-z_]\w*)\s+As\s+Boolean\s*=\s*(?P<value>.+?)\s*", re.I),
        _rx(r"\s*Console\.WriteLine\((?P<expr>.+)\)\s*", re.I),
    ),
    Lang(
        "Lean 4 #eval",
        LEAN,
        ("lean", "lean4"),
        _rx(r"^\s*#eval\b", re.M),
        _rx(r"\s*--.*"),
        _rx(r"\s*def\s+(?P<name>[A-Za-z_]\w*)\s*:\s*Bool\s*:=\s*(?P<value>.+?)\s*"),
        _rx(r"\s*#eval\s+(?P<expr>.+?)\s*"),
    ),
    Lang(
        "bash script",
        BASH,
        ("bash", "sh", "shell", "zsh"),
        _rx(r"^#!\s*/\S*(?:bash|sh)\b", re.M),
        _rx(r"\s*(?:#!.*|#.*|set\s+-\w+)\s*"),
        _rx(r"\s*(?:(?:declare|local|readonly)\s+(?:-i\s+)?)?(?P<name>[A-Za-z_]\w*)=(?P<value>\S+)\s*"),
        _rx(
            r"\s*if\s+\(\((?P<expr>.+)\)\)\s*;?\s*then\s+echo\s+(?P<yes>\"?\w+\"?)\s*;?\s*"
            r"else\s+echo\s+(?P<no>\"?\w+\"?)\s*;?\s*fi\s*"
        ),
    ),
    Lang(
        "Python program",
        PYTHON,
        ("python", "py", "python3"),
        _rx(r"^\s*print\(", re.M),
        _rx(r"\s*(?:import\s+operator|from\s+operator\s+import\s+xor)\s*|\s*#.*"),
        _rx(r"\s*(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<value>.+?)\s*"),
        _rx(r"\s*print\((?P<expr>.+)\)\s*"),
    ),
]
# Languages the general reader already reads when they use only && || ! (JavaScript, Java, C#, Rust, Swift): read
# here with their own precedence (so `==` and `!=` read too); a program this table cannot read is left to it.
SOFT = [
    Lang(
        "JavaScript program",
        JAVASCRIPT,
        ("javascript", "js", "node", "typescript", "ts"),
        _rx(r"^\s*console\.log\(", re.M),
        _rx(r"\s*(?:[\"']use strict[\"'];?)\s*|\s*//.*"),
        _rx(
            r"\s*(?:let|const|var)\s+(?P<name>[A-Za-z_$][\w$]*)(?:\s*:\s*boolean)?\s*=\s*(?P<value>.+?)\s*;?\s*"
        ),
        _rx(r"\s*console\.log\((?P<expr>.+)\)\s*;?\s*"),
    ),
    Lang(
        "Java program",
        JAVA,
        ("java",),
        _rx(r"System\.out\.println\("),
        _rx(
            r"\s*(?:(?:public\s+)?(?:final\s+)?class\s+\w+\s*\{|(?:public\s+)?static\s+void\s+main\s*\(\s*String\s*\[\]\s*\w+\s*\)"
            r"\s*\{|\{|\})\s*|\s*//.*"
        ),
        _rx(r"\s*(?:final\s+)?(?:boolean|var)\s+(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<value>.+?)\s*;\s*"),
        _rx(r"\s*System\.out\.println\((?P<expr>.+)\)\s*;\s*"),
    ),
    Lang(
        "C# program",
        JAVA,
        ("csharp", "c#", "cs"),
        _rx(r"Console\.WriteLine\(.*;"),
        _rx(
            r"\s*(?:using\s+System\s*;|namespace\s+[\w.]+\s*\{?|(?:(?:public|internal|static)\s+)*class\s+\w+\s*\{?"
            r"|(?:(?:public|private)\s+)?static\s+void\s+Main\s*\((?:\s*string\s*\[\]\s*\w+\s*)?\)\s*\{?|\{|\})\s*|\s*//.*"
        ),
        _rx(r"\s*(?:const\s+)?(?:bool|var)\s+(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<value>.+?)\s*;\s*"),
        _rx(r"\s*Console\.WriteLine\((?P<expr>.+)\)\s*;\s*"),
    ),
    Lang(
        "Rust program",
        RUST,
        ("rust", "rs"),
        _rx(r"^\s*fn\s+main\s*\(\s*\)", re.M),
        _rx(r"\s*(?:fn\s+main\s*\(\s*\)\s*\{|\{|\})\s*|\s*//.*"),
        _rx(r"\s*let\s+(?:mut\s+)?(?P<name>[A-Za-z_]\w*)(?:\s*:\s*bool)?\s*=\s*(?P<value>.+?)\s*;\s*"),
        _rx(r"\s*println!\(\s*\"\{(?::\?)?\}\"\s*,\s*(?P<expr>.+?)\s*\)\s*;\s*"),
    ),
    Lang(
        "Swift program",
        SWIFT,
        ("swift",),
        _rx(r"^\s*import\s+Foundation\b", re.M),
        _rx(r"\s*import\s+Foundation\s*|\s*//.*"),
        _rx(r"\s*(?:let|var)\s+(?P<name>[A-Za-z_]\w*)(?:\s*:\s*Bool)?\s*=\s*(?P<value>.+?)\s*;?\s*"),
        _rx(r"\s*print\((?P<expr>.+)\)\s*;?\s*"),
    ),
]
SOFT += [
    Lang(
        "Kotlin program",
        KOTLIN,
        ("kotlin", "kt"),
        _rx(r"^\s*fun\s+main\s*\(", re.M),
        _rx(r"\s*(?:fun\s+main\s*\([^)]*\)\s*\{|\{|\})\s*|\s*//.*"),
        _rx(r"\s*(?:val|var)\s+(?P<name>[A-Za-z_]\w*)(?:\s*:\s*Boolean)?\s*=\s*(?P<value>.+?)\s*;?\s*"),
        _rx(r"\s*println\((?P<expr>.+)\)\s*;?\s*"),
    ),
    Lang(
        "Haskell program",
        HASKELL,
        ("haskell", "hs"),
        _rx(r"^\s*main\s*=\s*print\b", re.M),
        _rx(r"\s*(?:[a-z_]\w*\s*::\s*(?:Bool|IO\s*\(\s*\))|module\s+\w+.*|import\s+.*)\s*|\s*--.*"),
        _rx(r"\s*(?:let\s+)?(?P<name>[a-z_]\w*)\s*=\s*(?P<value>.+?)\s*"),
        _rx(r"\s*main\s*=\s*print\s*(?P<expr>\$.+|\(.+\))\s*"),
    ),
    Lang(
        "MATLAB/Octave script",
        MATLAB,
        ("matlab", "octave"),
        _rx(r"^\s*disp\(", re.M),
        _rx(r"\s*%.*"),
        _rx(r"\s*(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<value>[^=].*?)\s*;?\s*"),
        _rx(r"\s*disp\((?P<expr>.+)\)\s*;?\s*"),
    ),
]
_BY_TAG = {t: lang for lang in LANGS for t in lang.tags}
_SOFT_BY_TAG = {t: lang for lang in SOFT for t in lang.tags}
_SYMPY = re.compile(r"^\s*from\s+sympy(?:\.logic(?:\.boolalg)?)?\s+import\b", re.M)


def read_program(text: str, limits: Any = None, simplify: bool = False) -> Reading | None:
    """A program or REPL session that prints one boolean -> its Reading; None when the text is not one."""
    fences = list(_FENCE.finditer(text))
    if len(fences) > 1:
        return None
    if fences:
        m = fences[0]
        tag, code = m.group("tag").lower(), m.group("code")
        outside = [text[: m.start()], text[m.end() :]]
    else:
        tag, code, outside = "", text, []
    for reader in (_read_r, _read_ocaml):
        found = reader(tag, code, text, fences != [])
        if found is not None:
            return found(limits, simplify)
    found_repl = _read_repl(tag, code, text, outside if fences else [], limits, simplify)
    if found_repl is not None:
        return found_repl
    if _SYMPY.search(code) and tag in ("", "python", "py", "python3"):
        return _read_sympy(code, outside, limits, simplify)
    lang = _BY_TAG.get(tag)
    if lang is None and fences and not tag:
        lang = next((x for x in LANGS if x.cue.search(code)), None)
    if lang is not None:
        return _read_lines(lang, code, outside, limits, simplify)
    soft = _SOFT_BY_TAG.get(tag)
    if soft is None and fences and not tag:
        soft = next((x for x in SOFT if x.cue.search(code)), None)
    if soft is None:
        return None
    try:
        return _read_lines(soft, code, outside, limits, simplify)
    except ParseError:
        return None  # not a program this table reads: the general reader tries it


@dataclass
class _Program:
    """What a program was read into."""

    values: dict[str, bool] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    definitions: list[tuple[str, Expr]] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)

    def assign(self, name: str, value: str, line: str, dialect: Dialect) -> None:
        if name in self.sources:
            raise ParseError(
                f"{name!r} is given a value twice: {self.sources[name]!r} and {line.strip()!r}; give each variable "
                "one value"
            )
        self.sources[name] = line.strip()
        names = set(self.values) | {n for n, _ in self.definitions}
        tree = parse_in(value, dialect, names)
        if tree[0] == "const":
            self.values[name] = bool(tree[1])
        else:
            self.definitions.append((name, tree))

    @property
    def names(self) -> set[str]:
        return set(self.values) | {n for n, _ in self.definitions}


def _check_question(outside: list[str], program: _Program, extra: str = "") -> list[str]:
    """The text around the code: it must ask what is printed, and hold no truth value, negation or variable of
    its own (a condition there would change the program). Returns it, to be reported as skipped."""
    kept = [s.strip() for s in outside if s.strip()]
    joined = " ".join(kept)
    cleaned = re.sub(extra, " ", joined, flags=re.I) if extra else joined
    cleaned = re.sub(
        r"\b(?:true|yes)\s*(?:\(\s*1\s*\)\s*)?(?:or|/)\s*(?:false|no)\b(?:\s*\(\s*0\s*\))?|\(\s*-\s*:\s*bool\s*=\s*\?\s*\)",
        " ",
        cleaned,
        flags=re.I,
    )
    check_plain_question(cleaned, "the text around the code")
    m = re.search(r"\b(?:true|false|yes|no|[01])\b", cleaned, re.I)
    if m is not None:
        raise ParseError(
            f"the text around the code says {m.group()!r} ({joined[:120]!r}); ask only what the code prints"
        )
    words = set(re.findall(r"[A-Za-z_]\w*", cleaned))
    clash = sorted(
        w for w in words & program.names if len(w) > 1 or re.search(rf"(?<![\w']){w}(?![\w'])", cleaned)
    )
    clash = [w for w in clash if w.lower() not in _QUESTION_WORDS]
    if clash:
        raise ParseError(
            f"the text around the code names {clash[0]!r} ({joined[:120]!r}); ask only what the code prints"
        )
    return kept


_QUESTION_WORDS = {"a", "i", "it", "is", "the", "what", "does", "do", "this", "print", "output", "show", "value",
                   "result", "expr", "expression", "answer", "out", "program", "code", "script"}  # fmt: skip


def _read_lines(lang: Lang, code: str, outside: list[str], limits: Any, simplify: bool) -> Reading:
    """A program of assignments and one print, line by line through the language's table."""
    prog = _Program()
    extra = ""
    for raw in code.splitlines():
        line = raw.rstrip()
        if not line.strip() or lang.ignore.fullmatch(line):
            continue
        m = lang.show.fullmatch(line)
        if m is not None:
            prog.shown.append(_argument(m.group("expr"), lang))
            if lang.dialect is BASH:
                extra = _bash_words(m)
            continue
        m = lang.assign.fullmatch(line)
        if m is not None:
            prog.assign(m.group("name"), m.group("value"), line, lang.dialect)
            continue
        raise ParseError(
            f"{lang.name}: the line {line.strip()[:120]!r} is not read (this reads boolean assignments and one "
            "printed boolean); remove it or write the value it computes"
        )
    if len(prog.shown) != 1:
        raise ParseError(
            f"{lang.name}: {'no' if not prog.shown else len(prog.shown)} printed values; print exactly one boolean"
        )
    tree = parse_in(prog.shown[0], lang.dialect, prog.names)
    negate = ""
    if lang.dialect is BASH:
        negate, extra = _bash_question(extra, outside)
    skipped = _check_question(outside, prog, extra)
    how = f"a {lang.name} printing {prog.shown[0].strip()[:80]!r} ({lang.dialect.name} precedence)"
    return make_reading(
        tree,
        prog.values,
        how,
        definitions=prog.definitions,
        skipped=skipped,
        limits=limits,
        simplify=simplify,
        negate=negate,
    )


def _argument(expr: str, lang: Lang) -> str:
    """Haskell's `print (x) || y` applies print to (x) alone: the argument is `$ ...` or one bracketed group."""
    if lang.dialect is not HASKELL:
        return expr
    if expr.startswith("$"):
        return expr[1:]
    depth = 0
    for k, ch in enumerate(expr):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0 and k != len(expr) - 1:
            raise ParseError(
                f"Haskell: print applies to {expr[: k + 1]!r} alone; write print $ ... or bracket it"
            )
    return expr


def _bash_words(m: re.Match[str]) -> str:
    return f"{m.group('yes').strip(chr(34))}|{m.group('no').strip(chr(34))}"


def _bash_question(words: str, outside: list[str]) -> tuple[str, str]:
    """`if (( c )); then echo yes; else echo no; fi` prints `yes` when c holds: the question must ask whether it
    prints one of the two words (asking about the other reads as the negation); an "(answer true if it prints
    yes, false if no)" note must agree. Returns (negation note, pattern of the question parts understood)."""
    yes, no = words.split("|")
    joined = " ".join(outside)
    if yes.lower() == no.lower():
        raise ParseError(f"both branches echo {yes!r}; the output does not depend on the condition")
    words_rx = rf"(?:{re.escape(yes)}|{re.escape(no)})"
    note = re.compile(
        r"\(?\s*answer\s+(?P<t>true|1)\s+if\s+it\s+(?:prints|echoes|outputs)\s+(?P<tw>\w+)\s*,\s*"
        r"(?P<f>false|0)\s+if\s+(?:it\s+(?:prints|echoes|outputs)\s+)?(?P<fw>\w+)\s*\)?",
        re.I,
    )
    asked = re.compile(rf"\b(?:print|prints|echo|echoes|output|outputs|say|says)\s+(?P<w>{words_rx})\b", re.I)
    n = note.search(joined)
    if n is not None and {n.group("tw").lower(), n.group("fw").lower()} != {yes.lower(), no.lower()}:
        raise ParseError(f"the answer note {n.group().strip()!r} names words the script does not echo")
    asks = {a.group("w").lower() for a in asked.finditer(note.sub(" ", joined))}
    if n is not None:
        asks.add(n.group("tw").lower())
    if not asks and {yes.lower(), no.lower()} in ({"yes", "no"}, {"true", "false"}):
        # "What does the script print?": the words themselves say which branch is the true one
        asks = {yes.lower() if yes.lower() in ("yes", "true") else no.lower()}
    if len(asks) != 1:
        raise ParseError(
            f"ask whether the script echoes {yes!r} (or {no!r}), e.g. 'Does the script print {yes}?'"
            if not asks
            else f"the question asks about both {yes!r} and {no!r}; ask about one"
        )
    word = asks.pop()
    pattern = note.pattern + "|" + asked.pattern
    if word == yes.lower():
        return "", pattern
    return f"the question asks whether it echoes {no!r}, the else branch: read as the negation", pattern


# -- SymPy -----------------------------------------------------------------------------------------------------------
_SYMBOLS = re.compile(
    r"\s*(?P<names>[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*,?\s*=\s*symbols\((?P<q>['\"])(?P<list>[^'\"]*)(?P=q)\)\s*"
)
_SUBS = re.compile(r"\s*print\((?P<target>[A-Za-z_]\w*)\.subs\(\{(?P<subs>[^{}]*)\}\)\)\s*")


def _read_sympy(code: str, outside: list[str], limits: Any, simplify: bool) -> Reading:
    """`q, t = symbols('q t')`, `expr = And(q, Not(t))`, `print(expr.subs({q: True, t: False}))`."""
    symbols: set[str] = set()
    exprs: dict[str, Expr] = {}
    sources: dict[str, str] = {}
    shown: list[tuple[str, str]] = []
    for raw in code.splitlines():
        line = raw.rstrip()
        if not line.strip() or re.fullmatch(
            r"\s*(?:from\s+sympy[\w.]*\s+import\s+.+|import\s+sympy|#.*)", line
        ):
            continue
        m = _SYMBOLS.fullmatch(line)
        if m is not None:
            names = re.findall(r"[A-Za-z_]\w*", m.group("names"))
            declared = m.group("list").replace(",", " ").split()
            if names != declared:
                raise ParseError(
                    f"SymPy: {line.strip()!r} binds {names} to symbols {declared}; name them alike"
                )
            symbols |= set(names)
            continue
        m = _SUBS.fullmatch(line)
        if m is not None:
            shown.append((m.group("target"), m.group("subs")))
            continue
        m = re.fullmatch(r"\s*(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<value>.+?)\s*", line)
        if m is not None and m.group("name") not in sources:
            sources[m.group("name")] = line.strip()
            exprs[m.group("name")] = parse_in(m.group("value"), SYMPY, symbols)
            continue
        raise ParseError(
            f"SymPy: the line {line.strip()[:120]!r} is not read; remove it or simplify the program"
        )
    if len(shown) != 1 or shown[0][0] not in exprs:
        raise ParseError("SymPy: print exactly one expression with .subs({...}) giving every symbol a value")
    target, subs = shown[0]
    values: dict[str, bool] = {}
    for entry in filter(None, (e.strip() for e in subs.split(","))):
        k, _, v = (x.strip() for x in entry.partition(":"))
        if k not in symbols or v not in ("True", "False", "true", "false", "S.true", "S.false"):
            raise ParseError(f"SymPy: could not read the substitution {entry!r}; use {{x: True, y: False}}")
        if k in values:
            raise ParseError(f"SymPy: {k!r} is substituted twice in {subs!r}")
        values[k] = v.lower().endswith("true")
    tree = exprs[target]
    from .logic_lang import variables

    missing = sorted(variables(tree) - set(values))
    if missing:
        raise ParseError(
            f"SymPy: {', '.join(missing)} get no value in .subs, so the result is not a truth value"
        )
    prog = _Program(values=values, sources=sources)
    skipped = _check_question(outside, prog)
    return make_reading(
        tree,
        values,
        f"a SymPy expression {target} with .subs",
        skipped=skipped,
        limits=limits,
        simplify=simplify,
    )


# -- REPL sessions ---------------------------------------------------------------------------------------------------
_REPLS = [  # (name, prompt, dialect, assignment, output lines allowed between commands, trigger)
    (
        "Python REPL",
        re.compile(r"^\s*>>>\s?"),
        PYTHON,
        re.compile(r"(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<value>[^=].*?)"),
        set(),
        re.compile(r"^\s*>>>\s", re.M),
    ),
    (
        "Node.js REPL",
        re.compile(r"^\s*>\s?"),
        JAVASCRIPT,
        re.compile(r"(?:let|const|var)\s+(?P<name>[A-Za-z_$][\w$]*)\s*=\s*(?P<value>.+?)\s*;?"),
        {"undefined"},
        re.compile(r"\bnode(?:\.js)?\b|\bjavascript\s+console\b", re.I),
    ),
    (
        "GHCi session",
        re.compile(r"^\s*(?:ghci|Prelude|λ|\*?Main)>\s?"),
        HASKELL,
        re.compile(r"(?:let\s+)?(?P<name>[a-z_]\w*)\s*=\s*(?P<value>.+?)"),
        set(),
        re.compile(r"^\s*(?:ghci|Prelude|λ|\*?Main)>\s", re.M),
    ),
]
_PLACEHOLDER = re.compile(r"\s*(?:\?+|\.\.\.|<\s*output\s*>|_+)\s*")


def _read_repl(
    tag: str, code: str, text: str, outside: list[str], limits: Any, simplify: bool
) -> Reading | None:
    """An interactive session: assignments at the prompt, then one expression whose echo is asked ("?"). A
    session this cannot read is left to the general reader."""
    for name, prompt, dialect, assign, between, trigger in _REPLS:
        tags = {"Python REPL": ("", "python", "py", "pycon", "python3"), "Node.js REPL": ("", "js", "javascript",
                "node", "nodejs"), "GHCi session": ("", "haskell", "hs", "ghci")}[name]  # fmt: skip
        if tag not in tags or not trigger.search(text):
            continue
        lines = code.splitlines()
        prompts = [k for k, ln in enumerate(lines) if prompt.match(ln)]
        if len(prompts) < 1:
            continue
        try:
            return _repl_reading(
                name, prompt, dialect, assign, between, lines, prompts, text, outside, limits, simplify
            )
        except ParseError:
            return None
    return None


def _repl_reading(
    name: str,
    prompt: re.Pattern[str],
    dialect: Dialect,
    assign: re.Pattern[str],
    between: set[str],
    lines: list[str],
    prompts: list[int],
    text: str,
    outside: list[str],
    limits: Any,
    simplify: bool,
) -> Reading:
    prog = _Program()
    first, last = prompts[0], prompts[-1]
    for k in range(first, last):
        line = lines[k]
        if k in prompts:
            stmt = prompt.sub("", line, count=1).strip()
            m = assign.fullmatch(stmt)
            if m is None:
                raise ParseError(f"{name}: {stmt!r} is not an assignment")
            prog.assign(m.group("name"), m.group("value"), stmt, dialect)
        elif line.strip() and line.strip() not in between:
            raise ParseError(f"{name}: the output {line.strip()!r} between commands is not read")
    expr = prompt.sub("", lines[last], count=1).strip().rstrip(";")
    m = re.fullmatch(r"print\((?P<e>.+)\)", expr) if dialect is PYTHON else None
    expr = m.group("e") if m else expr
    if assign.fullmatch(expr):
        raise ParseError(f"{name}: the last command assigns a value; end with the expression")
    tail = [ln for ln in lines[last + 1 :] if ln.strip()]
    if tail and _PLACEHOLDER.fullmatch(tail[0]):
        tail = tail[1:]
    if outside and tail:
        raise ParseError(f"{name}: the output {tail[0].strip()!r} after the expression is not a placeholder")
    tree = parse_in(expr, dialect, prog.names)
    around = outside or [*lines[:first], *tail]
    skipped = _check_question(around, prog)
    return make_reading(
        tree,
        prog.values,
        f"a {name} echoing {expr[:80]!r} ({dialect.name} precedence)",
        definitions=prog.definitions,
        skipped=skipped,
        limits=limits,
        simplify=simplify,
    )


Finish = Callable[[Any, bool], Reading]


def _read_r(tag: str, code: str, text: str, fenced: bool) -> Finish | None:
    """An R console: `> x <- TRUE` lines, then `> expression` and its `[1] ?` output."""
    body = code if fenced else text
    named = tag == "r" or re.search(r"\bR\s+(?:console|session)\b", text, re.I) is not None
    prompted = tag == "" and re.search(r"^>\s*\w+\s*<-\s*(?:TRUE|FALSE|T|F)\b", body, re.M) is not None
    if not (named or prompted):
        return None
    lines = body.splitlines()
    prompts = [k for k, ln in enumerate(lines) if re.match(r"\s*>\s", ln)]
    if not prompts:
        return None
    first, last = prompts[0], prompts[-1]
    outside = lines[:first] + lines[last + 1 :]
    prog = _Program()
    for k in prompts[:-1]:
        stmt = re.sub(r"^\s*>\s", "", lines[k]).strip()
        m = re.fullmatch(r"(?P<name>[A-Za-z_.][\w.]*)\s*(?:<-|=)\s*(?P<value>.+)", stmt)
        if m is None:
            raise ParseError(
                f"R: the line {stmt!r} is not read (this reads `x <- TRUE` and one printed expression)"
            )
        prog.assign(m.group("name"), m.group("value"), stmt, R)
    for k in range(first, last):
        if k not in prompts and lines[k].strip():
            raise ParseError(f"R: the output line {lines[k].strip()!r} between commands is not read")
    expr_text = re.sub(r"^\s*>\s", "", lines[last]).strip()
    if re.fullmatch(r"[A-Za-z_.][\w.]*\s*<-.*", expr_text):
        raise ParseError("R: the last command assigns a value and prints nothing; end with the expression")
    tail = [ln for ln in lines[last + 1 :] if ln.strip()]
    if fenced:
        outside = [text[: text.find(code)], text[text.find(code) + len(code) :]]
    else:
        outside = lines[:first] + [ln for ln in lines[last + 1 :]]
    if tail and re.fullmatch(r"\s*\[1\]\s*\?\s*", tail[0]) is None and not fenced:
        raise ParseError(f"R: the output {tail[0].strip()!r} is not a placeholder '[1] ?'")
    outside = [re.sub(r"^\s*\[1\]\s*\?\s*$", " ", s, flags=re.M) for s in outside]
    outside = [re.sub(r"\bR\s+(?:console|session)(?:\s+session)?\s*:?", " ", s, flags=re.I) for s in outside]
    outside = [re.sub(r"in\s+place\s+of\s+the\s+\?", " ", s, flags=re.I) for s in outside]
    tree = parse_in(expr_text, R, prog.names)

    def finish(limits: Any, simplify: bool) -> Reading:
        skipped = _check_question(outside, prog)
        return make_reading(
            tree,
            prog.values,
            f"an R console printing {expr_text[:80]!r} (R precedence: ! below ==, & above |)",
            definitions=prog.definitions,
            skipped=skipped,
            limits=limits,
            simplify=simplify,
        )

    return finish


def _read_ocaml(tag: str, code: str, text: str, fenced: bool) -> Finish | None:
    """The OCaml toplevel: `# let a = true and b = false in <expression>;;` (or `let a = true;;` phrases first)."""
    body = code if fenced else text
    if tag not in ("ocaml", "ml") and not (tag == "" and re.search(r"^\s*#\s*let\b.*;;", body, re.M | re.S)):
        return None
    if not re.search(r";;", body):
        return None
    src = re.sub(r"^\s*#\s", " ", body, flags=re.M)
    phrases = [p.strip() for p in src.split(";;") if p.strip()]
    prog = _Program()
    shown: list[str] = []
    for p in phrases:
        m = re.fullmatch(r"let\s+(?P<binds>.+?)\s+in\s+(?P<expr>.+)", p, re.S)
        binds, expr = (m.group("binds"), m.group("expr")) if m else (None, None)
        if m is None:
            m2 = re.fullmatch(r"let\s+(?P<binds>.+)", p, re.S)
            if m2 is not None:
                binds = m2.group("binds")
            else:
                expr = p
        if binds is not None:
            for b in re.split(r"\s+and\s+", binds):
                bm = re.fullmatch(
                    r"(?P<name>[a-z_][\w']*)\s*(?::\s*bool\s*)?=\s*(?P<value>.+)", b.strip(), re.S
                )
                if bm is None:
                    raise ParseError(
                        f"OCaml: the binding {b.strip()!r} is not read; write `let x = true and y = false in`"
                    )
                value = bm.group("value").strip()
                if value not in ("true", "false"):
                    raise ParseError(f"OCaml: {b.strip()!r}: only `true`/`false` are read in a let binding")
                prog.assign(bm.group("name"), value, b, OCAML)
        if expr is not None:
            shown.append(expr)
    if len(shown) != 1:
        raise ParseError(f"OCaml: {len(shown)} expressions evaluated; give exactly one")
    tree = parse_in(shown[0], OCAML, prog.names)
    outside = [text[: text.find(code)], text[text.find(code) + len(code) :]] if fenced else []
    outside = [re.sub(r"OCaml\s+toplevel\s*:?", " ", s, flags=re.I) for s in outside]

    def finish(limits: Any, simplify: bool) -> Reading:
        skipped = _check_question(outside, prog)
        return make_reading(
            tree,
            prog.values,
            f"an OCaml toplevel phrase {shown[0].strip()[:80]!r} (OCaml precedence: not applies to one operand, "
            "= and <> above && above ||)",
            skipped=skipped,
            limits=limits,
            simplify=simplify,
        )

    return finish
