"""Logic text, steps 3-4: find the expression in a segment, strip the framing around it, and read the polarity
of the question.

A segment's expression is a quoted span when one holds logic (`...`, "...", $...$ in LaTeX, the argument of
`println!("{}", x)`), else what remains once question words are stripped from both ends: `What is`, `Evaluate:`,
`Decide whether ... holds`, BBH's trailing ` is`, `print(...)`, `SELECT`, `= ?`, a preamble ending in ':' or ','
that holds no logic ("In C, ..."). A segment with no logic in it is framing, skipped and reported.

Polarity: `Is it false that X?`, `Is X false?`, `X is not true`, `Is this false?`, "... evaluate to FALSE?" ask for
not X and are read so. Any other negation or inversion cue in the framing (not, never, opposite, ...) is refused by
`check_framing`, never dropped.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from drt_agent.errors import ParseError

from .logic_expr import Tok, tokenize
from .logic_given import Piece

_MAX_STRIP = 24  # words of framing stripped from either end of one sentence: a long run is not framing
_NEG_PRED = r"(?:false|untrue|not\s+true|isn't\s+true|not\s+the\s+case|incorrect)"
_VERB = (
    r"(?:is|are|evaluates?\s+to|evaluated\s+to|equals?|returns?|gives?|yields?|comes?\s+out(?:\s+as|\s+to)?|"
    r"ends?\s+up(?:\s+as)?|turns?\s+out(?:\s+to\s+be)?)"
)
_LEAD_PHRASES = [
    (re.compile(r"(?:is\s+it|it\s+is|it's)\s+" + _NEG_PRED + r"\s+that\b", re.I), True),
    (re.compile(r"(?:is\s+it|it\s+is|it's)\s+(?:true|the\s+case|correct)\s+that\b", re.I), False),
    (re.compile(r"(?:true\s+or\s+false|true/false)\s*[:,\-–—]", re.I), False),
    (re.compile(r"whether\s+or\s+not\b", re.I), False),
]
_TRAIL_PHRASES = [
    (re.compile(r"\bis\s+(?:it\s+)?(?:true\s+or\s+false|false\s+or\s+true)\s*\??\s*$", re.I), False),
    (re.compile(r"[,:;?\-–—(]\s*(?:true\s+or\s+false|false\s+or\s+true)\s*\)?\s*[?.]?\s*$", re.I), False),
    (re.compile(r"\b" + _VERB + r"\s+true\s*[?.!]?\s*$", re.I), False),
    (re.compile(r"\bis\s+it\s+true\s*[?.!]?\s*$", re.I), False),
    (
        re.compile(
            r"\b(?:"
            + _VERB
            + r"\s+(?:false|untrue)|is\s+not\s+true|isn't\s+true|(?:does\s+not|doesn't)\s+hold)"
            r"\s*[?.!]?\s*$",
            re.I,
        ),
        True,
    ),
]
_TRAIL_WINDOW = 80  # characters searched for a trailing phrase
_QUESTION_VERBS = {"is", "are", "does", "do", "was", "did", "will", "would"}
_ABOUT = re.compile(  # a sentence about the expression: "Is this false?", "Decide whether the following is false:"
    r"\W*(?:(?:so|and|now|then)\s+)?(?:(?:decide|determine|say|tell\s+me|check)\s+)?(?:whether|if|is|does)\s+"
    r"(?:it|this|that|the\s+following|the\s+(?:\w+\s+)?(?:expression|statement|formula|result|proposition|claim))"
    r"(?:\s+(?:expression|statement|formula|proposition|claim))?\s+(?:is\s+)?(?P<pred>\w+(?:\s+\w+){0,2})"
    r"\s*[?:.!]?\s*$",
    re.I,
)
_NEGATING = re.compile(r"(?:false|untrue|not\s+true|not\s+hold|incorrect|fail|fails)$", re.I)
_NEUTRAL = re.compile(r"(?:true|hold|holds|correct|true\s+or\s+false)$", re.I)
# a framing sentence that asks about the expression: "... evaluate to TRUE for this row?"
_FRAMING_PREDICATE = re.compile(r"\b(?:" + _VERB + r"|hold)\s+(?P<v>true|false|untrue)\b", re.I)
_ASKS = re.compile(r"\?\s*$|\b(?:whether|determine|decide|check)\b", re.I)
# words of question scaffolding: understood, so not reported as skipped
_QUESTION_WORDS = {
    "what", "what's", "whats", "is", "are", "does", "do", "did", "will", "would", "evaluate", "evaluates",
    "compute", "calculate", "determine", "decide", "solve", "find", "whether", "if", "the", "truth",
    "value", "of", "following", "boolean", "logical", "logic", "expression", "formula", "statement", "result",
    "hold", "holds", "to", "equals", "equal", "please", "tell", "me", "print", "return", "assert", "select",
    "eval", "bool", "console", "log", "system", "out", "println", "printf", "q", "question", "answer", "this",
    "that", "it", "true", "come", "comes", "end", "ends", "up", "turn", "turns", "be", "an", "as",
}  # fmt: skip
_ANSWER_FORMAT = re.compile(
    r"\b(?:true|yes)(?:\s*\(\s*1\s*\))?\s*(?:or|/|\|)\s*(?:false|no)\b(?:\s*\(\s*0\s*\))?"
    r"|\b(?:false|no)\s*(?:or|/)\s*(?:true|yes)\b|\bT\s*/\s*F\b|\b1\s*/\s*0\b"
    r"|\(\s*(?:1\s+or\s+0|0\s+or\s+1|T\s+or\s+F|F\s+or\s+T)\s*\)",
    re.I,
)
_CUES = re.compile(
    r"\b(?:not|no|never|none|nor|neither|false|untrue|opposite|negat\w*|invert\w*|inverse|complement\w*|flip\w*|"
    r"revers\w*|wrong|incorrect|unless|except|contrary|den(?:y|ies)|fails?)\b|n't\b",
    re.I,
)
_OTHER_QUESTION = re.compile(  # framing that asks something other than the value
    r"\b(?:how\s+many|how\s+much|which\s+of|why|count|number\s+of|tautolog\w*|contradict\w*|satisfiab\w*|"
    r"unsatisfiab\w*|valid|invalid|equivalen\w*|truth\s+table\s+(?:for|of)|simplif\w*|rewrite|convert|translate|prove|proof|"
    r"minimi[sz]\w*|cnf|dnf|normal\s+form)\b",
    re.I,
)
_CONDITIONAL = re.compile(r"\bif\b[^.?!]*\bthen\b", re.I)  # "If X, then Y": an implication, not a value
_SAFE = re.compile(
    r"\b(?:do\s+not|don't|dont|never)\s+(?:explain|show|include|add|give|write|use|repeat|output|print|elaborate|"
    r"justify|provide|reason)\b|\bno\s+(?:explanation|reasoning|other\s+text|extra\s+text|additional\s+text|"
    r"markdown|code)\b|\bno\s+variables\b|\bwhether\s+or\s+not\b|\bor\s+not\b(?=\s*[?.:]?\s*$)",
    re.I,
)
_SINGLE_QUOTED = re.compile(r"(?<![A-Za-z])'([^'\n]+)'(?![A-Za-z])")
_SPANS = [  # quoted spans that may hold the expression: (pattern, group of the content)
    re.compile(r"`([^`\n]+)`"),
    re.compile(r"\*\*([^*\n]+)\*\*"),
    re.compile(r"\"([^\"\n]+)\""),
    re.compile(r"“([^”\n]+)”"),
    _SINGLE_QUOTED,
    re.compile(r"\$(?!\s)([^$\n]+?)(?<!\s)\$"),
    re.compile(  # an output call with a format string: println!("{}", x), printf("%d\n", x)
        r"(?:println!|print!|printf|fmt\.Printf|console\.log|print)\s*\(\s*(?:\"[^\"\n]*\"|'[^'\n]*')\s*,\s*"
        r"([^;\n]*?)\s*\)"
    ),
]
_PLACEHOLDER = "\x00expression"


@dataclass
class Found:
    """One piece read: an expression's tokens (with the negations its framing asks for), or framing."""

    body: str = ""  # the piece, verbatim
    tokens: list[Tok] = field(default_factory=list)
    negations: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # framing text: reported, and checked for negation cues
    understood: list[str] = field(
        default_factory=list
    )  # framing stripped, phrases blanked: checked by check_framing
    checked: list[str] | None = None  # what check_framing reads, where it is not skipped + understood
    logic: bool = False  # the piece holds an expression (or one that failed to read)
    odd: bool = False  # punctuation other than a question's (?.:!) or a number was stripped
    stray_values: bool = False  # framing that holds true/false/T/F: refused, not skipped
    stray_digits: bool = False  # framing that holds 1 or 0: refused where the expression uses 1/0


def piece_tokens(text: str, start: int, end: int, overrides: dict[str, str] | None = None) -> list[Tok]:
    """The tokens of text[start:end] (shared, do not modify): a piece is read, and on a refusal read again to
    name what is wrong, without tokenizing it twice."""
    return _piece_tokens(text, start, end, tuple(sorted((overrides or {}).items())))


@functools.lru_cache(maxsize=4)  # a few texts at a time: entries hold their tokens
def _piece_tokens(text: str, start: int, end: int, overrides: tuple[tuple[str, str], ...]) -> list[Tok]:
    return tokenize(text[start:end], start, dict(overrides))


def has_logic(tokens: list[Tok], known: set[str] | frozenset[str] = frozenset()) -> bool:
    """Whether tokens hold logic: an operator symbol, a known variable, or a constant beside an operator or in
    brackets of its own ("Problem 1 (3 pts)" holds none; "1 AND 0" and "(T)" do)."""
    for i, t in enumerate(tokens):
        if t.kind in ("bin", "not", "post") and not t.text.isalpha():
            return True
        if t.kind == "name" and t.text in known:
            return True
        if t.kind in ("val", "digit"):
            before = tokens[i - 1] if i > 0 else None
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            if any(n is not None and n.kind in ("bin", "not") for n in (before, after)):
                return True
            if before is not None and after is not None and before.kind == "lp" and after.kind == "rp":
                return True
    return False


def _variable_like(word: str) -> bool:
    """A word that reads as a variable name, not as framing: one letter (bar 'a' and 'I'), or digits or '_'."""
    return (len(word) == 1 and word not in "aAI") or re.search(r"[\d_]", word) is not None


def _strippable_lead(tokens: list[Tok], k: int, known: set[str], fmt: set[int]) -> bool:
    """A leading token that cannot start the expression: punctuation, an answer format, or a word that is not a
    known variable, not an operand (followed by an operator) nor a function applied to a bracket (`neg(T)`;
    `print(...)` is framing)."""
    t = tokens[k]
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if t.kind == "punct" and t.text == "-" and nxt is not None and nxt.start == t.end:
        return False  # "-1 and T": a minus sign, not a dash
    if t.kind in ("punct", "quote"):
        return True
    if t.kind == "num":  # "Question 2: ...", not "2 > 1 and T"
        return nxt is None or nxt.kind == "name" or (nxt.kind == "punct" and nxt.text in ".:,?)")
    if t.kind == "name" and t.text not in known and not _variable_like(t.text):
        if nxt is not None and nxt.kind == "lp" and nxt.start == t.end:
            return t.text.lower() in _QUESTION_WORDS
        return nxt is None or nxt.kind not in ("bin", "rp")
    return t.kind == "bad" and t.text == "="


def _strippable_trail(tokens: list[Tok], k: int, known: set[str], fmt: set[int]) -> bool:
    t = tokens[k]
    prev = tokens[k - 1] if k > 0 else None
    if t.kind in ("punct", "quote"):
        return True
    if t.kind == "num":
        return prev is None or prev.kind == "name" or (prev.kind == "punct" and prev.text in ".:,?(")
    if t.kind == "name" and t.text not in known and not _variable_like(t.text):
        return prev is None or prev.kind not in ("bin", "not", "lp")
    return t.kind == "bad" and t.text == "="


def find_expression(
    text: str,
    piece: Piece,
    known: set[str],
    definitions: set[str] | frozenset[str] = frozenset(),
    overrides: dict[str, str] | None = None,
    force: bool = False,
    juxtaposition: bool = False,
) -> Found:
    """Read one piece: the expression with the polarity its framing asks for, or framing. A lone value is an
    expression only under question words ("What is F?"; not "Is node 0 reachable", nor "You are a helpful
    assistant" with a variable named a), or when it names a definition ("Is result true?"). `force` reads any
    piece as an expression (to name what is wrong in it)."""
    body = text[piece.start : piece.end].strip()
    about = _ABOUT.match(body)
    if about is not None and not force:
        if _NEGATING.match(about.group("pred")):
            return Found(body=body, negations=[body])
        if _NEUTRAL.match(about.group("pred")):
            return Found(body=body)
    tokens = piece_tokens(text, piece.start, piece.end, overrides)
    if juxtaposition:  # Boolean algebra: `BCD` is the product of known B, C and D
        known = known | {t.text for t in tokens if t.kind == "name" and _product(t.text, known)}
    found = _quoted(text, piece, tokens, known, overrides) or _strip(text, tokens, known, Found(body=body))
    core = [t for t in found.tokens if t.kind not in ("lp", "rp")]
    lone = len(core) == 1 and core[0].kind in ("val", "digit", "name")
    clean = not found.skipped and not found.odd
    if (
        force
        or (lone and (clean or core[0].text in definitions))
        or (not lone and has_logic(found.tokens, known))
    ):
        found.logic = True
        return found
    return _framing(text, body, tokens)


def _framing(text: str, body: str, tokens: list[Tok]) -> Found:
    """A piece with no expression: skipped, unless it asks about the expression ("... evaluate to TRUE for this
    row?", read for its polarity) or holds a constant outside an answer format (refused by the caller)."""
    found = Found(body=body, skipped=[body])
    rest = _ANSWER_FORMAT.sub(_blank, body)  # blanked to the same length: token offsets still apply
    if _ASKS.search(body):
        for m in _FRAMING_PREDICATE.finditer(rest):
            if m.group("v").lower() != "true":
                found.negations.append(m.group())
        rest = _FRAMING_PREDICATE.sub(_blank, rest)
    found.checked = [rest]
    if not tokens:
        return found
    # constants left once answer formats and predicates are blanked (`rest` keeps the body's offsets)
    start = tokens[0].start  # the body starts at its first token
    for t in tokens:
        if t.kind in ("val", "digit") and rest[t.start - start : t.end - start].strip():
            found.stray_values = found.stray_values or t.kind == "val"
            found.stray_digits = found.stray_digits or t.kind == "digit"
    return found


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _quoted(
    text: str, piece: Piece, tokens: list[Tok], known: set[str], overrides: dict[str, str] | None
) -> Found | None:
    """The expression as a quoted span (`...`, "...", $...$, an output call's argument) when exactly one span
    holds logic and the rest of the piece strips away as framing around it."""
    spans = []
    for pattern in _SPANS:
        if pattern is _SINGLE_QUOTED and overrides and "'" in overrides:
            continue  # ' is an operator here (a complement), not a quote
        for m in pattern.finditer(text, piece.start, piece.end):
            inner = tokenize(m.group(1), m.start(1), overrides)
            if inner and (has_logic(inner, known) or (len(inner) == 1 and inner[0].text in known)):
                spans.append((m, inner))
    # a span inside another (a quote in an output call) is the same expression
    spans = [(m, inner) for m, inner in spans if not any(_inside(m, o) for o, _ in spans)]
    if len(spans) != 1:
        return None
    m, inner = spans[0]
    marker = Tok("name", _PLACEHOLDER, m.start(), m.end(), _PLACEHOLDER)
    outside = [t for t in tokens if t.end <= m.start() or t.start >= m.end()]
    at = bisect.bisect_left([t.start for t in outside], m.start())
    body = text[piece.start : piece.end].strip()
    found = _strip(text, [*outside[:at], marker, *outside[at:]], known | {_PLACEHOLDER}, Found(body=body))
    if [t.text for t in found.tokens] != [_PLACEHOLDER]:
        return None
    found.tokens = inner
    return found


def _inside(m: re.Match[str], other: re.Match[str]) -> bool:
    return other is not m and other.start() <= m.start() and m.end() <= other.end()


def _strip(text: str, tokens: list[Tok], known: set[str], found: Found) -> Found:
    """Strip framing: a preamble ending in ':' or ',' with no logic in it, leading and trailing question words
    and phrases, and a predicate after `Is ...`. What was stripped is reported as one region before and one
    after the expression, with the phrases it recognised (polarity, answer format, a label) left out of it."""
    fmt = _answer_format(text, tokens)
    starts = [t.start for t in tokens]
    phrases: list[tuple[int, int]] = []  # recognised: neither reported nor checked for cues
    i, j = 0, len(tokens)
    sep = next((k for k, t in enumerate(tokens) if t.text in (":", ",")), None)
    if sep is not None and 0 < sep < j - 1:
        prefix = text[tokens[0].start : tokens[sep].end]
        about = _ABOUT.match(prefix)
        if about is not None and (
            _NEGATING.match(about.group("pred")) or _NEUTRAL.match(about.group("pred"))
        ):
            if _NEGATING.match(about.group("pred")):
                found.negations.append(prefix)
            phrases.append((tokens[0].start, tokens[sep].end))
            i = sep + 1
        elif _plain_preamble(tokens[:sep], fmt, known):
            i = sep + 1
    question = False
    stripped = 0
    while i < j:  # leading framing
        for pattern, negates in _LEAD_PHRASES:
            m = pattern.match(text, tokens[i].start, tokens[j - 1].end)
            if m is not None:
                if negates:
                    found.negations.append(m.group())
                phrases.append(m.span())
                while i < j and tokens[i].start < m.end():
                    i += 1
                break
        else:
            if _label(tokens, i, j, known):  # "the value of F = C + A": F names the output
                phrases.append((tokens[i].start, tokens[i + 1].end))
                i += 2
                continue
            if stripped < _MAX_STRIP and _strippable_lead(tokens, i, known, fmt):
                question = question or tokens[i].text.lower() in _QUESTION_VERBS
                found.odd = found.odd or _odd(tokens[i])
                i, stripped = i + 1, stripped + 1
                continue
            break
    stripped = 0
    while j > i:  # trailing framing
        window = max(tokens[i].start, tokens[j - 1].end - _TRAIL_WINDOW)
        for pattern, negates in _TRAIL_PHRASES:
            m = pattern.search(text, window, tokens[j - 1].end)
            at = bisect.bisect_left(starts, m.start(), i + 1, j) if m is not None else j
            ends_operand = at < j and tokens[at - 1].kind not in ("bin", "not", "lp")
            if m is not None and ends_operand and tokens[at].start == m.start():
                if negates:
                    found.negations.append(m.group().strip())
                phrases.append(m.span())
                j = at
                break
        else:
            if j - 1 in fmt:  # "X ... true or false?" after an expression: the answer format
                start = _run_start(fmt, j - 1)
                if start > i:
                    phrases.append((tokens[start].start, tokens[j - 1].end))
                    j = start
                    continue
                break
            exclaimed = (
                tokens[j - 1].text == "!" and j - 1 > i and tokens[j - 2].kind in ("val", "name", "rp")
            )
            if stripped < _MAX_STRIP and (exclaimed or _strippable_trail(tokens, j - 1, known, fmt)):
                found.odd = found.odd or _odd(tokens[j - 1])
                j, stripped = j - 1, stripped + 1
                continue
            break
    if question:  # "Is X true?", "Is X false?", "Is X not true?": a predicate after an inverted question
        end = _predicate(tokens, i, j, found)
        if end < j:
            phrases.append((tokens[end].start, tokens[j - 1].end))
        j = end
    found.tokens = tokens[i:j]
    if tokens and i > 0:
        _region(found, text, tokens[0].start, tokens[i].start if i < len(tokens) else tokens[-1].end, phrases)
    if tokens and j < len(tokens):
        _region(found, text, tokens[j].start, tokens[-1].end, phrases)
    return found


def _odd(t: Tok) -> bool:
    """Stripping a number or punctuation other than a question's: a lone value there is not asked about."""
    return t.kind == "num" or (t.kind == "punct" and t.text not in "?.:!")


def _region(found: Found, text: str, start: int, end: int, phrases: list[tuple[int, int]]) -> None:
    """Framing text[start:end]: the recognised phrases in it blanked; reported as skipped unless it is question
    words only; kept (blanked) for check_framing either way."""
    chars = list(text[start:end])
    for a, b in phrases:
        for k in range(max(a, start), min(b, end)):
            chars[k - start] = " "
    blanked = "".join(chars)
    found.understood.append(blanked)
    if not all(w.lower() in _QUESTION_WORDS for w in re.findall(r"[A-Za-z_']+", blanked)):
        found.skipped.append(text[start:end].strip())


def _run_start(marked: set[int], k: int) -> int:
    while k - 1 in marked:
        k -= 1
    return k


def _label(tokens: list[Tok], i: int, j: int, known: set[str]) -> bool:
    """`F = <expression>` inside a question, the expression holding an operator or a known variable: F names
    the result (Boolean algebra, code)."""
    return (
        i + 2 < j
        and tokens[i].kind in ("val", "name")
        and tokens[i].text not in known
        and tokens[i + 1].text == "="
        and any(t.kind in ("bin", "not", "post") or t.text in known for t in tokens[i + 2 : j])
    )


def _product(word: str, known: set[str]) -> bool:
    """Whether a word is known one-letter variables side by side (complements allowed): `BCD`, `A'B`."""
    letters = [c for c in word if c != "'"]
    return len(letters) > 1 and all(c in known for c in letters)


def _plain_preamble(tokens: list[Tok], fmt: set[int], known: set[str]) -> bool:
    """Whether tokens before a ':' or ',' hold no logic: words, numbers, punctuation, 'and'/'or' as English, an
    answer format ("In C", "Question 1", "Answer True or False", "Evaluate this and tell me")."""
    for k, t in enumerate(tokens):
        if k in fmt or t.kind in ("punct", "quote", "num"):
            continue
        if (t.kind == "name" and t.text not in known) or (t.kind == "bin" and t.text.isalpha()):
            continue
        return False
    return True


def _predicate(tokens: list[Tok], i: int, j: int, found: Found) -> int:
    """Cut a trailing predicate (true / false / not true) after a complete operand; a predicate saying false
    negates the question. Returns the new end."""
    words = [t.text.lower() for t in tokens[max(i, j - 2) : j]]
    for pred, negates in ((["not", "true"], True), (["true"], False), (["false"], True)):
        n = len(pred)
        if j - i > n and words[-n:] == pred and tokens[j - n - 1].kind in ("val", "digit", "name", "rp"):
            if negates:
                found.negations.append(" ".join(t.text for t in tokens[j - n : j]))
            return j - n
    return j


def _answer_format(text: str, tokens: list[Tok]) -> set[int]:
    """Indices of tokens that spell an answer format ("True or False", "true (1) or false (0)", "yes/no") with no
    operator beside it: in `True or False or not True` the same words are an expression."""
    out: set[int] = set()
    if not tokens:
        return out
    starts = [t.start for t in tokens]
    for m in _ANSWER_FORMAT.finditer(text, tokens[0].start, tokens[-1].end):
        lo, hi = bisect.bisect_left(starts, m.start()), bisect.bisect_left(starts, m.end())
        inside = [k for k in range(lo, hi) if tokens[k].end <= m.end()]
        if not inside:
            continue
        near = tokens[max(0, inside[0] - 1) : inside[0]] + tokens[inside[-1] + 1 : inside[-1] + 2]
        if not any(t.kind in ("bin", "not") for t in near):
            out.update(inside)
    return out


def check_question(body: str) -> None:
    """Refuse a conditional question ("If X, then Y?", "If X, what then?"): write it as an implication."""
    m = _CONDITIONAL.search(body)
    if m is not None:
        raise ParseError(
            f"{m.group()!r} is a conditional; ask for the value of an implication instead, e.g. 'What is X -> Y?'"
        )


def check_framing(texts: list[str]) -> None:
    """Refuse framing that could negate or invert the question (never drop a negation), or that asks something
    other than the value ("How many operators are in ...", "Is ... a tautology?")."""
    for t in texts:
        cleaned = _SAFE.sub(" ", _ANSWER_FORMAT.sub(" ", t))
        m = _CUES.search(cleaned)
        if m is not None:
            raise ParseError(
                f"the text around the expression says {t.strip()[:120]!r}, and {m.group()!r} could negate or change "
                "what is asked; ask about the expression alone, e.g. 'What is X?' or 'Is it false that X?'"
            )
        m = _OTHER_QUESTION.search(cleaned)
        if m is not None:
            raise ParseError(
                f"the text around the expression says {t.strip()[:120]!r}: {m.group()!r} asks something other than "
                "the expression's truth value, which is all this reads; ask 'What is X?'"
            )


_ASKED_FORMATS = re.compile(
    r"\b1\s*\(\s*true\s*\)\s*or\s*0\s*\(\s*false\s*\)|\bis\s+it\s+true\b|\b(?:true|yes)\s*(?:or|/)\s*(?:false|no)\b"
    r"|\(\s*(?:T\s+or\s+F|1\s+or\s+0)\s*\)",
    re.I,
)
_HYPOTHETICAL = re.compile(
    r"\b(?:if|when|whenever|assuming|assume|suppose|supposing|were|had|instead|unless|otherwise|but)\b"
    r"|(?<![\w.])[01](?![\w.])|\b(?:true|false|high|low)\b",
    re.I,
)


_RUN_PHRASES = re.compile(  # "when it runs", "if you run it": about running the code, not a condition
    r"\b(?:when|if|once)\s+(?:(?:it|this|the\s+\w+)\s+)?(?:is\s+)?(?:run|runs|executed|compiled|evaluated|called|invoked)\b"
    r"|\b(?:when|if|once)\s+(?:you|we|i)\s+(?:run|execute|evaluate|compile)\s+(?:it|this|the\s+\w+)\b",
    re.I,
)


def check_plain_question(text: str, what: str) -> None:
    """The words around a structured problem (a netlist, a formula, a policy) must only ask for its value: no
    negation or other question (check_framing), and no condition or value of their own ("Is Y at 1 if A were
    0?"), which would change the problem rather than ask about it."""
    cleaned = _RUN_PHRASES.sub(" ", _ASKED_FORMATS.sub(" ", text))
    check_framing([cleaned])
    m = _HYPOTHETICAL.search(cleaned)
    if m is not None:
        raise ParseError(
            f"{what}: the question says {m.group()!r} ({' '.join(text.split())[:120]!r}); it may add a condition "
            "or value of its own: ask only for the value, e.g. 'Is it true?'"
        )
