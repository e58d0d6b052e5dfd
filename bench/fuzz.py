"""Fuzz every entry point with hypothesis and count what comes back.

    python bench/fuzz.py --n 20000 --model graph --out runs/fuzz20k/fuzz20k.json --per-input-timeout 60
    python bench/fuzz.py --quick        # a smoke run: 400 inputs and the fast huge inputs (about a minute)

Generated inputs (hypothesis, derandomized): random Unicode, binary junk, mutated graph / logic / relational
text, random JSON lines, typed problems and tool arguments. Then a huge-input suite sends every huge kind
(10,000-deep brackets, 100,000- and 250,000-edge graphs, multi-megabyte text, ...) through every target once.
Targets: `drt_agent.parsers.parse`, `Reasoner.solve` (text and typed), the CLI `solve --batch` path and the
LangChain tools (`drt_agent.tools`). The only acceptable outcomes are an answer or a documented `DrtError`
(tools: an error message that is not an "internal error"); anything else is counted as unhandled, with its
traceback, and an input still running after --per-input-timeout seconds counts as a timeout. Time per input and
the process's peak memory are reported, so "bounded" is a measured claim.

Issue 17 adds three scored targets. `negation` (`drt_agent.solve_many`) and `negation_cli` (`solve --batch`, no
--model) send texts generated from a structure whose truth an independent oracle knows: a networkx graph with
negated facts that hold, negated questions and contradictions (`graph_case`); an and/or/not expression evaluated by
Python, with negated framings, stacked `not` and a variable given two values (`logic_case`); a story rendered from
a generated family tree, scored by `kin_oracle` over the rendered facts, with negated facts, negated questions and
contradictions (`kinship_case`). Each is correct, refused (a documented DrtError), or WRONG: an answer that differs
from the oracle, or any answer to a contradictory text. `mcp` sends JSON-RPC lines (junk, bad versions, ids of
every type, missing and extra fields, list params, lone surrogates, tools/call with random arguments or a generated
case) to one long-lived `drt-agent mcp` subprocess: every reply the specification asks for must come within 1 s
(a tools/call: 30 s, it runs a model), with the error code it names; a missing reply is a HANG.
"""

from __future__ import annotations

import argparse
import atexit
import json
import random
import resource
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

# -- strategies ----------------------------------------------------------------------------------------------
PLAIN = st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,6}", fullmatch=True)
UNICODE_NAME = st.text(min_size=1, max_size=12)
NAME = st.one_of(PLAIN, PLAIN, st.integers(0, 99).map(str), UNICODE_NAME)
OPS = st.sampled_from(
    ["-", "->", " -- ", " → ", " is connected to ", " links to ", ": ", " ", " follows ", "<-"]
)
SEPS = st.sampled_from([", ", "; ", "\n", " and ", ",", ". ", "\t", " "])
QUESTIONS = st.sampled_from(
    [
        "Is {a} connected to {b}?",
        "Can you get from {a} to {b}?",
        "Is {b} reachable from {a}?",
        "Is there a path between node {a} and node {b}?",
        "Does {a} lead to {b}?",
        "Is {a} not connected to {b}?",
        "Are {a} and {b} connected?",
        "{a} to {b}?",
        "",
    ]
)
LOGIC_TOKENS = st.sampled_from(
    [
        "T",
        "F",
        "true",
        "false",
        "True",
        "and",
        "or",
        "not",
        "&",
        "|",
        "!",
        "(",
        ")",
        "x",
        "y",
        " ",
        "xor",
        "=",
        "1",
    ]
)
RELATIONS = st.sampled_from(
    ["mother", "father", "parent", "sister", "son", "boss", "reports to", "friend", "Ω"]
)


@st.composite
def mutated(draw: st.DrawFn, base: st.SearchStrategy[str]) -> str:
    """A text with random edits: inserted junk, deleted or duplicated slices, swapped case."""
    text = draw(base)
    for _ in range(draw(st.integers(0, 3))):
        if not text:
            break
        i = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "dup", "upper"]))
        if op == "insert":
            text = text[:i] + draw(st.text(max_size=5)) + text[i:]
        elif op == "delete":
            text = text[:i] + text[i + draw(st.integers(1, 8)) :]
        elif op == "dup":
            text = text[:i] + text[i : i + 10] * draw(st.integers(2, 4)) + text[i:]
        else:
            text = text.upper()
    return text


@st.composite
def graph_text(draw: st.DrawFn) -> str:
    names = draw(st.lists(NAME, min_size=1, max_size=8))
    pick = st.sampled_from(names)
    edges = draw(st.lists(st.tuples(pick, OPS, pick), max_size=16))
    body = draw(SEPS).join(f"{a}{op}{b}" for a, op, b in edges)
    question = draw(QUESTIONS).format(a=draw(pick), b=draw(pick))
    return f"{body}. {question}" if draw(st.booleans()) else f"{question} {body}"


@st.composite
def clean_graph_text(draw: st.DrawFn) -> str:
    """Well-formed graph problems, so a good share of inputs reaches the model and the exact check."""
    names = draw(st.lists(PLAIN, min_size=2, max_size=12, unique=True))
    pick = st.sampled_from(names)
    op = draw(st.sampled_from(["-", "->"]))
    edges = draw(st.lists(st.tuples(pick, pick).filter(lambda e: e[0] != e[1]), min_size=1, max_size=20))
    a, b = draw(pick), draw(pick)
    used = {x for e in edges for x in e}
    a, b = (a if a in used else edges[0][0]), (b if b in used else edges[-1][1])
    return ", ".join(f"{x}{op}{y}" for x, y in edges) + f". Is {a} connected to {b}?"


@st.composite
def logic_text(draw: st.DrawFn) -> str:
    depth = draw(st.integers(0, 12))
    core = " ".join(draw(st.lists(LOGIC_TOKENS, max_size=20)))
    return "(" * depth + core + ")" * draw(st.integers(0, depth + 1))


@st.composite
def relational_text(draw: st.DrawFn) -> str:
    people = draw(st.lists(PLAIN, min_size=2, max_size=6, unique=True))
    pick = st.sampled_from(people)
    facts = [
        f"{draw(pick)} is the {draw(RELATIONS)} of {draw(pick)}." for _ in range(draw(st.integers(0, 6)))
    ]
    q = draw(st.sampled_from(["How is {a} related to {b}?", "Is {a} the {r} of {b}?", "Who is {a}?"]))
    return " ".join(facts) + " " + q.format(a=draw(pick), b=draw(pick), r=draw(RELATIONS))


JUNK = st.one_of(
    st.text(max_size=200),
    st.binary(max_size=200).map(lambda b: b.decode("utf-8", errors="replace")),
    st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=50),
    st.text(alphabet=st.characters(min_codepoint=0x300, max_codepoint=0x36F), max_size=50),  # combining marks
    st.text(
        alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), max_size=10
    ),  # lone surrogates
    st.sampled_from(["", " ", "\n", "?", ".", "Is A connected to B?", "A-B", "\x00", "\ufeff", "\u202e"]),
)


@cache
def huge(kind: str) -> str:
    """Large inputs, built once per kind (deterministic: seeded by the kind)."""
    rng = random.Random(kind)
    q = ". Is n0 connected to n5?"
    if kind == "parens_10000":
        return "(" * 10_000 + "A-B" + ")" * 10_000 + q
    if kind == "logic_parens_10000":
        return "(" * 10_000 + "T" + ")" * 10_000
    if kind == "not_chain_10000":
        return "not " * 10_000 + "T"
    if kind == "edges_100000":  # 100,000 edges over 20,000 nodes: inside the default limits, parsed in full
        return ", ".join(f"n{rng.randrange(20_000)}-n{rng.randrange(20_000)}" for _ in range(100_000)) + q
    if kind == "edges_250000":  # past max_edges
        return ", ".join(f"n{rng.randrange(20_000)}-n{rng.randrange(20_000)}" for _ in range(250_000)) + q
    if kind == "chain_30000_nodes":
        return ", ".join(f"n{i}-n{i + 1}" for i in range(30_000)) + q
    if kind == "chars_3M":
        return "A-B, " * 600_000 + "Is A connected to B?"
    if kind == "long_name":
        return "A" * 5_000 + "-B. Is B connected to " + "A" * 5_000 + "?"
    if kind == "many_questions":
        return "A-B. Is A connected to B? " * 10_000
    if kind == "nul_100k":
        return "\x00" * 100_000
    if kind == "emoji_100k":
        return "".join(rng.choice("😀🧠🔥∀∃→←↔") for _ in range(100_000))
    if kind == "newlines_100k":
        return "A-B\n" * 50_000 + "\n" * 50_000 + "Is A connected to B?"
    raise KeyError(kind)


HUGE_KINDS = [
    "parens_10000",
    "logic_parens_10000",
    "not_chain_10000",
    "edges_100000",
    "edges_250000",
    "chain_30000_nodes",
    "chars_3M",
    "long_name",
    "many_questions",
    "nul_100k",
    "emoji_100k",
    "newlines_100k",
]
TEXT = st.one_of(
    clean_graph_text(),
    clean_graph_text(),
    graph_text(),
    mutated(graph_text()),
    logic_text(),
    mutated(logic_text()),
    relational_text(),
    mutated(relational_text()),
    JUNK,
    JUNK,
)
DOMAIN = st.sampled_from([None, None, "graph", "logic", "relational", "chess", "", " GRAPH "])
_STEP_CHOICES = ["auto"] * 8 + [1, 2, 3, 5, 8, 16, 30] + [0, -1, 10**6, "many", 2.5, True, None]
STEPS = st.integers(0, len(_STEP_CHOICES) - 1).map(_STEP_CHOICES.__getitem__)  # ~30% invalid


@st.composite
def typed_graph(draw: st.DrawFn) -> Any:
    from drt_agent.problems import Edge, GraphProblem

    names = draw(st.lists(NAME, min_size=1, max_size=10))
    pick = st.sampled_from(names)
    edges = [Edge(src=a, dst=b) for a, b in draw(st.lists(st.tuples(pick, pick), max_size=20))]
    return GraphProblem(
        edges=edges,
        nodes=draw(st.lists(pick, max_size=3)),
        source=draw(NAME),
        target=draw(pick),
        directed=draw(st.booleans()),
        negated=draw(st.booleans()),
    )


@st.composite
def typed_other(draw: st.DrawFn) -> Any:
    from drt_agent.problems import Fact, LogicProblem, RelationalProblem

    if draw(st.booleans()):
        return LogicProblem(expression=draw(logic_text().filter(bool)), variables={"x": draw(st.booleans())})
    people = draw(st.lists(PLAIN, min_size=2, max_size=5, unique=True))
    pick = st.sampled_from(people)
    facts = [Fact(subject=draw(pick), relation=draw(RELATIONS), object=draw(pick)) for _ in range(3)]
    return RelationalProblem(facts=facts, subject=draw(pick), object=draw(pick))


JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)


@st.composite
def batch_line(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 9))
    if kind < 5:
        return draw(TEXT)
    if kind < 8:
        obj: dict[str, Any] = {"text": draw(st.one_of(TEXT, JSON_VALUE))}
        if draw(st.booleans()):
            obj["domain"] = draw(st.one_of(DOMAIN, JSON_VALUE))
        if draw(st.booleans()):
            obj[draw(st.text(max_size=5))] = draw(JSON_VALUE)
        return json.dumps(obj)
    if kind == 8:
        return "{" + draw(st.text(max_size=40))  # broken JSON
    depth = draw(st.sampled_from([10, 1_000, 10_000]))
    return '{"text": ' + "[" * depth + "]" * depth + "}"


TOOL_NAMES = ["graph_reachability", "boolean_logic", "relational_reasoning", "drt_solve"]
ANY = st.one_of(JSON_VALUE, TEXT)


@st.composite
def tool_call(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    name = draw(st.sampled_from(TOOL_NAMES))
    kind = draw(st.integers(0, 7))
    args: dict[str, Any]
    if name == "graph_reachability" and kind < 3:
        names = draw(st.lists(NAME, min_size=1, max_size=6))
        pick = st.sampled_from(names)
        args = {
            "edges": [{"src": a, "dst": b} for a, b in draw(st.lists(st.tuples(pick, pick), max_size=10))],
            "source": draw(pick),
            "target": draw(st.one_of(pick, NAME)),
            "directed": draw(st.booleans()),
        }
    elif kind < 6:
        field_name = {
            "graph_reachability": "text",
            "boolean_logic": "expression",
            "relational_reasoning": "story",
            "drt_solve": "text",
        }[name]
        args = {field_name: draw(st.one_of(clean_graph_text(), TEXT))}
    else:
        args = draw(
            st.dictionaries(st.sampled_from(["text", "edges", "source", "target", "steps", "x"]), ANY)
        )
    roll = draw(st.integers(0, 7))
    if roll == 0:
        args["steps"] = draw(st.one_of(STEPS, JSON_VALUE))  # mostly invalid for a tool
    elif roll < 3:
        args["steps"] = draw(st.integers(1, 12))
    return name, args


# -- negation and contradiction cases with independent oracles (issue 17) ------------------------------------
CONTRADICTION = "CONTRADICTION"  # the expected outcome of a contradictory input: a refusal, never an answer


@dataclass(frozen=True)
class Case:
    """One generated text with what an independent oracle says about it: the answer (a bool or a relation
    word), or CONTRADICTION (any answer is wrong). `strategy` names the generator and the kind of case."""

    text: str
    expected: Any
    strategy: str
    accept: tuple[Any, ...] = ()  # other right answers (a story that more than one reading leaves open)


GRAPH_NAMES = [
    "Oslo",
    "Rome",
    "Lima",
    "Bern",
    "Riga",
    "Doha",
    "Quito",
    "Sofia",
    "Accra",
    "Hanoi",
    "Perth",
    "Turin",
]
GRAPH_NAMES += ["Reims", "Malmo", "Porto", "Kyoto", "Dakar", "Minsk", "Split", "Tunis"]
LETTERS = list("ABCDEFGH")
EDGE_DENIALS = [  # "no such edge" (undirected graphs)
    "There is no road between {x} and {y}.",
    "{x} is not linked to {y}.",
    "No road connects {x} and {y}.",
    "{x} and {y} are not neighbours.",
    "{x} does not link to {y}.",
    "It is not true that there is a road between {x} and {y}.",
]
PATH_DENIALS = [  # "no such path" (either kind of graph: from x to y)
    "{y} is unreachable from {x}.",
    "{x} cannot reach {y}.",
    "There is no path from {x} to {y}.",
    "You can't get from {x} to {y}.",
]
PATH_DENIALS_UNDIRECTED = ["{x} and {y} are in different components.", "{x} and {y} are not connected."]
POSITIVE_Q = ["Is there a path from {s} to {t}?", "Can you get from {s} to {t}?"]
POSITIVE_Q_UNDIRECTED = ["Is {s} connected to {t}?", "Are {s} and {t} connected?"]
NEGATED_Q = ["Is there no path from {s} to {t}?", "Is {t} unreachable from {s}?"]
NEGATED_Q_UNDIRECTED = ["Are {s} and {t} disconnected?", "Is {s} not connected to {t}?"]


def graph_case(rng: random.Random) -> Case:
    """A random graph (networkx is the oracle), with negated facts that hold, a plain or negated question, and
    in a third of the cases a contradiction: a stated edge denied, or a path the edges give denied."""
    import networkx as nx

    directed = rng.random() < 0.35
    pool = rng.choice([GRAPH_NAMES, LETTERS])
    names = rng.sample(pool, rng.randint(3, min(8, len(pool))))
    g: Any = nx.DiGraph() if directed else nx.Graph()
    for _ in range(rng.randint(1, 2 * len(names))):
        a, b = rng.sample(names, 2)
        g.add_edge(a, b)
    used = sorted(g.nodes)
    op = " -> " if directed else rng.choice(["-", " - ", "-"])
    edges = list(g.edges)
    rng.shuffle(edges)
    if not directed and rng.random() < 0.25:
        body = " ".join(f"There is a road between {a} and {b}." for a, b in edges)
    else:
        body = rng.choice([", ", "; ", ", "]).join(f"{a}{op}{b}" for a, b in edges) + "."
    pairs = [(x, y) for x in used for y in used if x != y]
    facts: list[str] = []
    kind = "negated_fact"
    for _ in range(rng.randint(0, 2)):  # negated facts that hold
        x, y = rng.choice(pairs)
        if not directed and not g.has_edge(x, y) and rng.random() < 0.5:
            facts.append(rng.choice(EDGE_DENIALS).format(x=x, y=y))
        elif not nx.has_path(g, x, y):
            forms = PATH_DENIALS + ([] if directed else PATH_DENIALS_UNDIRECTED)
            facts.append(rng.choice(forms).format(x=x, y=y))
    expected_contradiction = False
    if rng.random() < 0.33:  # a contradiction
        expected_contradiction = True
        x, y = rng.choice(edges)
        if directed or rng.random() < 0.5:  # deny a path the edges give (possibly a longer one)
            reach = [t for t in used if t != x and nx.has_path(g, x, t)]
            y = rng.choice(reach)
            facts.append(
                rng.choice(PATH_DENIALS + ([] if directed else PATH_DENIALS_UNDIRECTED)).format(x=x, y=y)
            )
            kind = "contradiction_path"
        else:  # deny an edge that is stated
            facts.append(rng.choice(EDGE_DENIALS + ["{x} and {y} are not connected."]).format(x=x, y=y))
            kind = "contradiction_edge"
    rng.shuffle(facts)
    s, t = rng.choice(pairs)
    negated_q = rng.random() < 0.5
    forms = (
        (NEGATED_Q + ([] if directed else NEGATED_Q_UNDIRECTED))
        if negated_q
        else (POSITIVE_Q + ([] if directed else POSITIVE_Q_UNDIRECTED))
    )
    question = rng.choice(forms).format(s=s, t=t)
    reachable = nx.has_path(g, s, t)
    expected: Any = CONTRADICTION if expected_contradiction else (not reachable if negated_q else reachable)
    parts = [body, *facts] if rng.random() < 0.7 else [*facts, body]
    text = " ".join([*parts, question])
    if not expected_contradiction:
        kind = ("negated_question" if negated_q else "plain_question") + ("+negated_fact" if facts else "")
    return Case(text, expected, f"graph:{kind}")


LOGIC_VARS = ["a", "b", "c", "p", "q", "x", "y"]
_PREC = {"or": 1, "and": 2, "not": 3, "atom": 4}


def _logic_tree(rng: random.Random, depth: int, variables: list[str]) -> Any:
    if depth == 0 or rng.random() < 0.25:
        if variables and rng.random() < 0.5:
            return ("atom", rng.choice(variables))
        return ("atom", rng.choice(["True", "False"]))
    op = rng.choice(["and", "or", "not", "and", "or"])
    if op == "not":
        return ("not", _logic_tree(rng, depth - 1, variables))
    return (op, _logic_tree(rng, depth - 1, variables), _logic_tree(rng, depth - 1, variables))


def _render_words(node: Any, rng: random.Random) -> str:
    """Python syntax with the brackets precedence needs (and some it does not): Python's eval is the oracle."""
    if node[0] == "atom":
        return node[1]

    def sub(child: Any, need: int) -> str:
        text = _render_words(child, rng)
        if _PREC[child[0]] < need or (child[0] != "atom" and rng.random() < 0.2):
            return f"({text})"
        return text

    if node[0] == "not":
        return "not " + sub(node[1], 3)
    p = _PREC[node[0]]
    return f"{sub(node[1], p)} {node[0]} {sub(node[2], p + 1)}"


def _render_symbols(node: Any) -> str:
    """C-like symbols, every compound operand bracketed (the oracle evaluates the same tree in words)."""
    if node[0] == "atom":
        return node[1]
    if node[0] == "not":
        inner = _render_symbols(node[1])
        return "!" + (inner if node[1][0] == "atom" else f"({inner})")
    sym = {"and": "&", "or": "|"}[node[0]]
    parts = [_render_symbols(c) if c[0] in ("atom", "not") else f"({_render_symbols(c)})" for c in node[1:]]
    return f"{parts[0]} {sym} {parts[1]}"


def _full_words(node: Any) -> str:
    if node[0] == "atom":
        return node[1]
    if node[0] == "not":
        return f"(not {_full_words(node[1])})"
    return f"({_full_words(node[1])} {node[0]} {_full_words(node[2])})"


def _atoms(node: Any) -> set[str]:
    return {node[1]} if node[0] == "atom" else set().union(*(_atoms(c) for c in node[1:]))


NEGATED_FRAMES = [
    "Is it false that {e}?",
    "It is not the case that {e}.",
    "Is it not the case that {e}?",
    "Is {e} false?",
    "{e}\nIs this false?",
    "Decide whether the following is false: {e}",
    "Is {e} not true?",
]
PLAIN_FRAMES = ["{e}", "Evaluate: {e}", "{e} is", "Is {e} true?"]


def logic_case(rng: random.Random) -> Case:
    """A random and/or/not expression, Python's own evaluation as the oracle; negated framings, stacked `not`,
    and contradictions (a variable given two values)."""
    variables = rng.sample(LOGIC_VARS, rng.randint(0, 3))
    tree = _logic_tree(rng, rng.randint(1, 4), variables)
    names = sorted(_atoms(tree) & set(LOGIC_VARS))
    env = {v: rng.random() < 0.5 for v in names}
    symbols = rng.random() < 0.25
    expr = _render_symbols(tree) if symbols else _render_words(tree, rng)
    value = eval(_full_words(tree), {"__builtins__": {}}, dict(env))  # noqa: S307 (our own and/or/not text)
    if not symbols:  # the rendered text itself, evaluated by Python, must agree (a check of the renderer)
        assert eval(expr, {"__builtins__": {}}, dict(env)) == value, expr  # noqa: S307
    kind = "plain"
    stack = rng.random() < 0.3
    if stack:  # stacked not
        k = rng.randint(1, 3)
        inner = expr if tree[0] == "atom" else f"({expr})"
        expr = ("!" * k + inner) if symbols else ("not " * k + inner)
        value = value if k % 2 == 0 else not value
        kind = "stacked_not"
    negated = rng.random() < 0.5
    frame = rng.choice(NEGATED_FRAMES if negated else PLAIN_FRAMES)
    if negated:
        kind = "negated_question" + ("+stacked_not" if stack else "")
    expected: Any = (not value) if negated else value
    assign = [f"{v}={env[v]}" for v in names]
    if rng.random() < 0.25:  # a contradiction: one variable given two values
        v = rng.choice(names) if names else None
        if v is None:
            v = rng.choice(LOGIC_VARS)
            expr = f"{v} and ({expr})" if not symbols else f"{v} & ({expr})"
            assign.append(f"{v}=True")
            env[v] = True
        assign.append(f"{v}={not env[v]}")
        rng.shuffle(assign)
        expected, kind = CONTRADICTION, "contradiction_two_values"
    if assign:
        if rng.random() < 0.5:
            text = frame.format(e=f"{expr} where {', '.join(assign)}")
        else:
            text = ". ".join(a.replace("=", " = ") for a in assign) + ". " + frame.format(e=expr)
    else:
        text = frame.format(e=expr)
    return Case(text, expected, f"logic:{kind}")


FEMALE = [
    "Ann",
    "Mary",
    "Susan",
    "Linda",
    "Karen",
    "Nancy",
    "Betty",
    "Helen",
    "Sandra",
    "Donna",
    "Carol",
    "Ruth",
]
FEMALE += ["Sharon", "Laura", "Emma", "Julia", "Alice", "Clara", "Diana", "Irene"]
MALE = ["John", "Robert", "Michael", "David", "James", "William", "Richard", "Thomas", "Charles", "Daniel"]
MALE += ["Paul", "George", "Steven", "Edward", "Brian", "Kevin", "Jason", "Peter", "Henry", "Frank"]
KIN_WORDS = {  # (generations from X up to the nearest common ancestor, from Y up to it) -> X is Y's ...
    (0, 1): ("mother", "father"),
    (0, 2): ("grandmother", "grandfather"),
    (0, 3): ("great-grandmother", "great-grandfather"),
    (1, 0): ("daughter", "son"),
    (2, 0): ("granddaughter", "grandson"),
    (3, 0): ("great-granddaughter", "great-grandson"),
    (1, 1): ("sister", "brother"),
    (1, 2): ("aunt", "uncle"),
    (2, 1): ("niece", "nephew"),
    (2, 2): ("first cousin", "first cousin"),
}
ALL_KIN = sorted({w for pair in KIN_WORDS.values() for w in pair} | {"wife", "husband"})


@dataclass
class Family:
    """A generated family tree: the truth the stories are rendered from."""

    gender: dict[str, str] = field(default_factory=dict)  # name -> "f" | "m"
    parents: dict[str, list[str]] = field(default_factory=dict)
    spouse: dict[str, str] = field(default_factory=dict)


def _family(rng: random.Random) -> Family:
    fam = Family()
    females, males = rng.sample(FEMALE, len(FEMALE)), rng.sample(MALE, len(MALE))

    def person(g: str) -> str:
        name = (females if g == "f" else males).pop()
        fam.gender[name] = g
        fam.parents[name] = []
        return name

    def couple(a: str) -> str:
        b = person("m" if fam.gender[a] == "f" else "f")
        fam.spouse[a], fam.spouse[b] = b, a
        return b

    root = person(rng.choice("fm"))
    level = [(root, couple(root))]
    for _gen in range(rng.randint(1, 3)):
        nxt = []
        for a, b in level:
            for _ in range(rng.randint(1, 3)):
                if len(fam.gender) >= 12:
                    break
                child = person(rng.choice("fm"))
                fam.parents[child] = [a, b]
                if rng.random() < 0.6 and len(fam.gender) < 12:
                    nxt.append((child, couple(child)))
        level = nxt or level[:0]
        if not level:
            break
    return fam


def kin_oracle(facts: list[tuple[str, str, str]], x: str, y: str, gender: dict[str, str]) -> str | None:
    """Independent of the library: X's relation to Y from the rendered facts alone ("parent", p, c),
    ("sibling", a, b), ("spouse", a, b); None where the facts do not name one in KIN_WORDS (e.g. in-laws, a
    spouse's child). Siblings share every parent either has; children of one parent are siblings."""
    people = {p for f in facts for p in f[1:]}
    find, class_parents = _sibling_classes(facts)

    def ups(p: str) -> dict[str, int]:
        dist, frontier = {p: 0}, [p]
        while frontier:
            nxt = []
            for q in frontier:
                pars = class_parents.get(find(q)) or {f"<parent of class {find(q)}>"}
                for par in pars:
                    if par not in dist:
                        dist[par] = dist[q] + 1
                        if par in people:
                            nxt.append(par)
            frontier = nxt
        return dist

    if any(k == "spouse" and {a, b} == {x, y} for k, a, b in facts):
        return "wife" if gender[x] == "f" else "husband"
    ux, uy = ups(x), ups(y)
    common = [(ux[a] + uy[a], ux[a], uy[a]) for a in ux.keys() & uy.keys()]
    if not common:
        return None
    _, a, b = min(common)
    words = KIN_WORDS.get((a, b))
    return None if words is None else words[0 if gender[x] == "f" else 1]


def _render_fact(rng: random.Random, fact: tuple[str, str, str], gender: dict[str, str]) -> tuple[str, str]:
    """-> (the sentence, the person whose gender its relation word states)."""
    kind, a, b = fact
    if kind == "parent":
        if rng.random() < 0.5:
            word = "mother" if gender[a] == "f" else "father"
            return rng.choice(["{a} is {b}'s {w}.", "{a} is the {w} of {b}."]).format(a=a, b=b, w=word), a
        word = "daughter" if gender[b] == "f" else "son"
        return rng.choice(["{b} is {a}'s {w}.", "{b} is the {w} of {a}."]).format(a=a, b=b, w=word), b
    if kind == "sibling":
        a, b = (a, b) if rng.random() < 0.5 else (b, a)
        return f"{a} is {b}'s {'sister' if gender[a] == 'f' else 'brother'}.", a
    a, b = (a, b) if rng.random() < 0.5 else (b, a)
    return f"{a} is {b}'s {'wife' if gender[a] == 'f' else 'husband'}.", a


def _sibling_classes(facts: list[tuple[str, str, str]]) -> tuple[Callable[[str], str], dict[str, set[str]]]:
    """(class of a person, parents of each class): siblings share every parent either has, and children of one
    parent are one sibling class (union-find over the rendered facts, to a fixpoint)."""
    people = {p for f in facts for p in f[1:]}
    root = {p: p for p in people}

    def find(p: str) -> str:
        while root[p] != p:
            root[p] = root[root[p]]
            p = root[p]
        return p

    for kind, a, b in facts:
        if kind == "sibling":
            root[find(a)] = find(b)
    stated: dict[str, set[str]] = {p: set() for p in people}
    for kind, p, c in facts:
        if kind == "parent":
            stated[c].add(p)
    changed = True
    while changed:
        changed = False
        by_parent: dict[str, str] = {}
        for c in people:
            for p in stated[c]:
                cls = find(c)
                if p in by_parent and find(by_parent[p]) != cls:
                    root[cls] = find(by_parent[p])
                    changed = True
                by_parent.setdefault(p, c)
    class_parents: dict[str, set[str]] = {}
    for c in people:
        class_parents.setdefault(find(c), set()).update(stated[c])
    return find, class_parents


def _parent_classes(facts: list[tuple[str, str, str]]) -> list[set[str]]:
    """The parents of each sibling class, as kin_oracle reads them."""
    return [parents for parents in _sibling_classes(facts)[1].values() if parents]


def gender_readings(
    facts: list[tuple[str, str, str]],
    gender: dict[str, str],
    fixed: set[str],
    denials: list[tuple[str, str, str]],
) -> list[dict[str, str]]:
    """The consistent readings that change the fewest first-name genders: the people in `fixed` have a gender a
    relation word states; anyone else may be of the other gender than the name suggests. Consistent: at most one
    mother and one father per child, and every denial (n is not m's word) holds. [] if none exists (up to two
    changed names)."""
    from itertools import combinations

    free = sorted({p for f in facts for p in f[1:]} - fixed)
    classes = _parent_classes(facts)
    for k in range(3):
        found = []
        for flips in combinations(free, k):
            g = dict(gender)
            for p in flips:
                g[p] = "m" if g[p] == "f" else "f"
            if any(len(ps) > 2 or len({g[p] for p in ps}) < len(ps) for ps in classes):
                continue
            if any(kin_oracle(facts, n, m, g) == w for n, m, w in denials):
                continue
            found.append(g)
        if found:
            return found
    return []


def kinship_case(rng: random.Random) -> Case:
    """A story rendered from a generated family tree; the oracle (kin_oracle) reads the rendered facts only.
    Negated facts that hold, negated questions (refusal expected, or a right answer), and contradictions:
    a denied fact the others imply, two people each other's mother, two mothers, two genders, siblings who are
    spouses, someone their own relative. Where a contradiction rests only on the gender a first name suggests
    (classes `*_name_gender`), the reading that changes the fewest such genders (gender_readings) is the truth:
    its answer is right, and if no reading is consistent, any answer is wrong."""
    fam = _family(rng)
    every: list[tuple[str, str, str]] = []
    for c, ps in fam.parents.items():
        every += [("parent", p, c) for p in ps]
    for a, b in fam.spouse.items():
        if a < b:
            every.append(("spouse", a, b))
    kids: dict[tuple[str, ...], list[str]] = {}
    for c, ps in fam.parents.items():
        if ps:
            kids.setdefault(tuple(ps), []).append(c)
    for sibs in kids.values():
        every += [("sibling", a, b) for i, a in enumerate(sibs) for b in sibs[i + 1 :]]
    facts = [f for f in every if f[0] != "sibling" or rng.random() < 0.5]
    facts = rng.sample(facts, max(1, round(len(facts) * rng.uniform(0.5, 1.0))))
    people = sorted({p for f in facts for p in f[1:]})
    pairs = [(x, y) for x in people for y in people if x != y]
    rng.shuffle(pairs)
    known = [(x, y, r) for x, y in pairs[:40] if (r := kin_oracle(facts, x, y, fam.gender)) is not None]
    if not known:
        return kinship_case(rng)
    x, y, rel = known[0]
    rendered = [_render_fact(rng, f, fam.gender) for f in facts]
    sentences = [text for text, _ in rendered]
    stated_gender = {who for _, who in rendered}  # the others' gender comes from their first name only
    gender = dict(fam.gender)
    kind = "plain"
    contradiction = False
    name_gender: list[tuple[str, str, str]] | None = None  # the denials of a first-name-gender case
    all_facts = list(facts)
    roll = rng.random()
    if (
        roll < 0.35 and len(known) > 1
    ):  # a negated fact that holds (a relation the facts rule out, or a wrong gender)
        n, m, r = rng.choice(known)
        other = rng.choice([w for w in ALL_KIN if w != r])
        tmpl = rng.choice(["{n} is not {m}'s {w}.", "It is false that {n} is {m}'s {w}.", "{n} isn't {m}'s {w}.",
                           "{n} is not the {w} of {m}."])  # fmt: skip
        sentences.insert(rng.randint(0, len(sentences)), tmpl.format(n=n, m=m, w=other))
        kind = "negated_fact"
    elif roll < 0.65:  # contradictions
        sub = rng.choice(["deny", "deny", "cycle", "two_mothers", "two_genders", "sibling_spouse", "self"])
        spare_f = [p for p in FEMALE if p not in fam.gender]
        spare_m = [p for p in MALE if p not in fam.gender]
        n, m, r = rng.choice(known)
        contradiction = True
        if sub == "deny":
            tmpl = rng.choice(
                ["{n} is not {m}'s {w}.", "It is false that {n} is {m}'s {w}.", "{n} isn't {m}'s {w}."]
            )
            extra = [tmpl.format(n=n, m=m, w=r)]
            if n not in stated_gender and r != "first cousin":  # it may hold if n's first name misleads
                sub, name_gender = "deny_name_gender", [(n, m, r)]
        elif sub == "cycle":
            p, q = rng.sample(spare_f, 2)
            extra = [f"{p} is {q}'s mother.", f"{q} is {p}'s mother.", f"{p} is {n}'s sister."]
        elif sub == "two_mothers":
            moms = [p for kind_, p, c in facts if kind_ == "parent" and c == m and fam.gender[p] == "f"]
            extra = []
            if not moms:
                moms = [rng.choice(spare_f)]
                extra.append(f"{moms[0]} is {m}'s mother.")
                spare_f.remove(moms[0])
                all_facts.append(("parent", moms[0], m))
                stated_gender.add(moms[0])
            elif not set(moms) & stated_gender:  # two mothers only if her first name gives her gender
                sub, name_gender = "two_mothers_name_gender", []
            new = rng.choice(spare_f)
            extra.append(f"{new} is {m}'s mother.")
            all_facts.append(("parent", new, m))
            stated_gender.add(new)
            gender.update({p: "f" for p in moms + [new]})
        elif sub == "two_genders":
            q1, q2 = rng.sample(spare_m + spare_f, 2)
            extra = [f"{n} is {q1}'s mother.", f"{n} is {q2}'s father."]
        elif sub == "sibling_spouse":
            q = rng.choice(spare_m if fam.gender[n] == "f" else spare_f)
            word = "sister" if fam.gender[n] == "f" else "brother"
            wife = "wife" if fam.gender[n] == "f" else "husband"
            extra = [f"{n} is {q}'s {word}.", f"{n} is {q}'s {wife}."]
        else:
            words = (
                ["mother", "sister", "aunt", "grandmother"] if fam.gender[n] == "f" else ["father", "brother"]
            )
            extra = [f"{n} is {n}'s {rng.choice(words)}."]
        for e in extra:
            sentences.insert(rng.randint(0, len(sentences)), e)
        kind = f"contradiction_{sub}"
    q_roll = rng.random()
    word = ""
    if q_roll < 0.5:
        question = rng.choice(["How is {x} related to {y}?", "Who is {x} to {y}?", "What is {x} to {y}?"])
        question = question.format(x=x, y=y)
    else:
        word = rel if rng.random() < 0.5 else rng.choice([w for w in ALL_KIN if w != rel])
        if q_roll < 0.85:
            question = f"Is {x} {y}'s {word}?"
        else:  # a negated question: answered as its negation, or refused
            question = rng.choice([f"Is {x} not {y}'s {word}?", f"Is {x} not the {word} of {y}?"])
            kind += "+negated_question"

    def answer(g: dict[str, str]) -> Any:
        r = kin_oracle(all_facts, x, y, g)
        if not word:
            return r
        return (r != word) if q_roll >= 0.85 else (r == word)

    text = " ".join([*sentences, question])
    if name_gender is not None:
        readings = gender_readings(all_facts, gender, stated_gender, name_gender)
        answers = sorted({answer(g) for g in readings}, key=repr)
        if answers:
            return Case(text, answers[0], f"kinship:{kind}", accept=tuple(answers))
    if contradiction:
        return Case(text, CONTRADICTION, f"kinship:{kind}")
    return Case(text, answer(gender), f"kinship:{kind}")


CASE_MAKERS = {"graph": graph_case, "logic": logic_case, "kinship": kinship_case}


@st.composite
def negation_case(draw: st.DrawFn, domain: str | None = None, salt: int = 0) -> Case:
    """One Case from a seed drawn by hypothesis (the generators above use the seeded random.Random); `salt`
    gives a target its own cases (derandomized hypothesis draws the same seeds for every target)."""
    name = domain or draw(st.sampled_from(sorted(CASE_MAKERS)))
    return CASE_MAKERS[name](random.Random(draw(st.integers(0, 2**32 - 1)) ^ salt))


NEGATION_BATCH = st.lists(negation_case(), min_size=1, max_size=24)


def score(case: Case, answer: Any = None, error: str | None = None) -> str:
    """correct / refused:<ErrorType> / WRONG: any answer but the oracle's, any answer to a contradiction."""
    if error is not None:
        return f"refused:{error}"
    if case.expected == CONTRADICTION:
        return "WRONG"
    return "correct" if answer == case.expected or answer in case.accept else "WRONG"


# -- targets -------------------------------------------------------------------------------------------------
def _documented() -> set[str]:
    """Names of DrtError and all its subclasses: the only error types an entry point may report."""
    from drt_agent.errors import DrtError

    found, todo = set(), [DrtError]
    while todo:
        cls = todo.pop()
        found.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return found


DOCUMENTED = _documented()


class Unhandled(Exception):
    """An outcome that is neither an answer nor a documented error (raised by the checks below)."""


class Timeout(BaseException):
    """An input ran past the per-input time limit. A BaseException, so no `except Exception` swallows it."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block after `seconds` (SIGALRM; main thread only, Python code between C calls)."""

    def fire(signum: int, frame: Any) -> None:
        raise Timeout(f"no result within {seconds:g} s")

    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# -- MCP: JSON-RPC lines to one long-lived server (issue 17) -------------------------------------------------
MCP_METHODS = ["tools/list", "ping", "tools/call", "tools/call", "tools/call", "nope/nope", "resources/list",
               "prompts/list", "notifications/bogus", "notifications/cancelled", "", "initialize"]  # fmt: skip
MCP_IDS = st.one_of(
    st.integers(-(2**63), 2**63),
    st.integers(2**64, 2**80),
    st.text(max_size=8),
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.just("\ud800"),
)


@dataclass(frozen=True)
class McpLine:
    """One line for the server, the id its reply must carry (None: a reply with id null), whether a reply is
    due at all, and for a tools/call of a generated Case the case (its answer is scored against the oracle)."""

    raw: bytes
    reply_due: bool
    reply_id: Any = None
    code: int | None = None  # the error code the specification names, where it names one
    case: Case | None = None
    kind: str = ""


def _reject(name: str) -> Any:
    raise ValueError(name)


def mcp_expect(raw: bytes, case: Case | None = None, kind: str = "") -> McpLine:
    """What JSON-RPC 2.0 asks of a server for this line, worked out here (not by the server's screen())."""
    line = raw.strip()
    if not line:
        return McpLine(raw, False, kind=_k(kind, "blank"))
    try:
        obj = json.loads(line.decode("utf-8"), parse_constant=_reject)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return McpLine(raw, True, None, -32700, kind=_k(kind, "junk"))
    if not isinstance(obj, dict):
        return McpLine(raw, True, None, -32600, kind=_k(kind, "not_an_object"))
    id_ = obj.get("id")
    good_id = isinstance(id_, str | int) and not isinstance(id_, bool) and not _has_surrogate(id_)
    if "id" in obj and not good_id:
        return McpLine(raw, True, None, -32600, kind=_k(kind, "bad_id"))
    reply_id = id_ if good_id else None
    if obj.get("jsonrpc") != "2.0":
        return McpLine(raw, True, reply_id, -32600, kind=_k(kind, "bad_version"))
    method = obj.get("method")
    if "method" in obj and (not isinstance(method, str) or not method or _has_surrogate(method)):
        return McpLine(raw, True, reply_id, -32600, kind=_k(kind, "bad_method"))
    if "method" not in obj:
        if "id" in obj and (("result" in obj) != ("error" in obj)):
            error = obj.get("error")
            valid = set(obj) <= {"jsonrpc", "id", "result", "error"} and (
                isinstance(obj.get("result"), dict)  # MCP: a result is an object
                or (isinstance(error, dict) and isinstance(error.get("code"), int) and "message" in error)
            )
            if valid:
                return McpLine(raw, False, kind=_k(kind, "response"))  # a response to nothing: dropped
            # neither a valid response (extra members, a result that is no object, an error without code and
            # message) nor a request: dropped, or answered -32600 (both fine)
            return McpLine(raw, False, reply_id, -32600, kind=_k(kind, "invalid_response"))
        return McpLine(raw, True, reply_id, -32600, kind=_k(kind, "no_method"))
    if "id" not in obj:
        return McpLine(raw, False, kind=_k(kind, "notification"))
    params = obj.get("params")
    if "params" in obj and not isinstance(params, dict):
        return McpLine(raw, True, reply_id, -32602, kind=_k(kind, "params_not_object"))
    if _has_surrogate(params):
        return McpLine(raw, True, reply_id, -32602, kind=_k(kind, "surrogate_in_params"))
    named = method if method in MCP_METHODS else "other"
    return McpLine(raw, True, reply_id, None, case=case, kind=_k(kind, f"request:{named}"))


def _k(generator: str, spec_class: str) -> str:
    """An MCP line's kind: the generator that made it / what the specification makes of it."""
    return f"{generator}/{spec_class}" if generator else spec_class


def _has_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return any(0xD800 <= ord(c) <= 0xDFFF for c in value)
    if isinstance(value, dict):
        return any(_has_surrogate(k) or _has_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_surrogate(v) for v in value)
    return False


def _dump(obj: Any, ascii_only: bool) -> bytes:
    if ascii_only:
        return json.dumps(obj, ensure_ascii=True).encode()
    return json.dumps(obj, ensure_ascii=False).encode("utf-8", errors="surrogatepass")  # may be invalid UTF-8


@st.composite
def mcp_line(draw: st.DrawFn) -> McpLine:
    """Junk, non-objects, random envelopes (versions, ids of every type, missing and extra fields, list
    params, lone surrogates) and well-formed tools/call requests, many with a generated Case to score."""
    roll = draw(st.integers(0, 19))
    serial = draw(st.integers(0, 10**9))
    if roll == 0:
        raw = draw(st.binary(max_size=120).filter(lambda b: b"\n" not in b and b"\r" not in b))
        return mcp_expect(raw, kind="junk_bytes")
    if roll == 1:
        text = draw(JUNK).replace("\n", " ").replace("\r", " ")
        return mcp_expect(text.encode("utf-8", errors="surrogatepass"), kind="junk_text")
    if roll == 2:  # a valid request cut short, or with NaN
        full = json.dumps({"jsonrpc": "2.0", "id": serial, "method": "tools/list"})
        if draw(st.booleans()):
            return mcp_expect(full[: draw(st.integers(1, len(full) - 1))].encode(), kind="cut_short")
        return mcp_expect(full.replace(str(serial), "NaN").encode(), kind="nan")
    if roll == 3:
        return mcp_expect(_dump(draw(JSON_VALUE), draw(st.booleans())), kind="random_json")
    if roll < 12:  # a random envelope
        obj: dict[str, Any] = {}
        if draw(st.integers(0, 5)):
            obj["jsonrpc"] = draw(st.sampled_from(["2.0"] * 6 + ["1.0", "2", 2.0, None, ""]))
        if draw(st.integers(0, 3)):
            obj["id"] = serial if draw(st.integers(0, 2)) else draw(MCP_IDS)
        if draw(st.integers(0, 5)):
            obj["method"] = draw(st.one_of(st.sampled_from(MCP_METHODS), st.integers(), st.text(max_size=10)))
        if draw(st.integers(0, 2)):
            obj["params"] = draw(st.one_of(
                st.dictionaries(st.sampled_from(["name", "arguments", "cursor", "_meta", "x"]), ANY, max_size=3),
                JSON_VALUE,
                st.just({"name": "drt_solve", "arguments": {"text": "A-B \ud800. Is A connected to B?"}}),
            ))  # fmt: skip
        for _ in range(draw(st.integers(0, 1))):
            obj[draw(st.sampled_from(["result", "error", "extra", "jsonrpc2"]))] = draw(JSON_VALUE)
        return mcp_expect(_dump(obj, draw(st.integers(0, 4)) > 0), kind="envelope")
    # a well-formed tools/call
    name = draw(st.sampled_from(TOOL_NAMES + ["no_such_tool"]))
    case = None
    if roll < 17:
        case = draw(negation_case(salt=0x3C9))
        name = {"graph": "graph_reachability", "logic": "boolean_logic", "kinship": "relational_reasoning"}[
            case.strategy.split(":")[0]
        ] if draw(st.booleans()) else "drt_solve"  # fmt: skip
        field_name = {"graph_reachability": "text", "boolean_logic": "expression"}.get(name, "text")
        if name == "relational_reasoning":
            field_name = "story"
        args: Any = {field_name: case.text}
    else:
        args = draw(st.one_of(st.dictionaries(st.sampled_from(["text", "story", "expression", "steps", "x"]), ANY),
                              JSON_VALUE))  # fmt: skip
    msg = {
        "jsonrpc": "2.0",
        "id": serial,
        "method": "tools/call",
        "params": {"name": name, "arguments": args},
    }
    return mcp_expect(_dump(msg, True), case=case, kind="tools/call:case" if case else "tools/call:random")


MCP_INIT = {
    "jsonrpc": "2.0",
    "id": "init",
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-06-18",
        "capabilities": {},
        "clientInfo": {"name": "fuzz", "version": "1"},
    },
}


class McpServer:
    """`drt-agent mcp` as a subprocess, one line at a time: every reply that is due must come within
    `limit_s` (a tools/call: `call_limit_s`, it runs the model); no reply is a hang, and the server is restarted."""

    def __init__(self, limit_s: float = 1.0, call_limit_s: float = 30.0) -> None:
        self.limit_s, self.call_limit_s = limit_s, call_limit_s
        self.proc: Any = None
        self.pending = b""
        self.latency: dict[str, float] = {}
        self.pings = 0
        self.restarts = -1

    def start(self) -> None:
        import os
        import subprocess

        self.close()
        self.restarts += 1
        env = {**os.environ, "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1")}
        self.proc = subprocess.Popen([sys.executable, "-m", "drt_agent.cli", "mcp"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)  # fmt: skip
        self.pending = b""
        self._send(json.dumps(MCP_INIT).encode())
        if self._wait_for("init", 120.0) is None:
            raise RuntimeError("the MCP server did not answer initialize within 120 s")
        self._send(b'{"jsonrpc":"2.0","method":"notifications/initialized"}')
        for i, text in enumerate(WARM_TEXTS):  # load every model before timing anything
            self._send(json.dumps({"jsonrpc": "2.0", "id": f"warm{i}", "method": "tools/call",
                                   "params": {"name": "drt_solve", "arguments": {"text": text}}}).encode())  # fmt: skip
            self._wait_for(f"warm{i}", 120.0)

    def close(self) -> None:
        if self.proc is not None:
            try:
                self.proc.stdin.close()
                self.proc.wait(timeout=10)
            except Exception:
                self.proc.kill()
                self.proc.wait()
            self.proc = None

    def _send(self, raw: bytes) -> None:
        self.proc.stdin.write(raw + b"\n")
        self.proc.stdin.flush()

    def _lines(self, deadline: float) -> Iterator[dict[str, Any] | None]:
        """Replies as they come until the deadline (None once it passes); a line that is not JSON raises."""
        import os
        import select

        fd = self.proc.stdout.fileno()
        while True:
            while b"\n" in self.pending:
                line, self.pending = self.pending.split(b"\n", 1)
                yield json.loads(line)
            left = deadline - time.monotonic()
            if left <= 0:
                yield None
                return
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    raise Unhandled(f"the MCP server exited (code {self.proc.wait()})")
                self.pending += chunk

    def _wait_for(self, id_: Any, limit: float, extra: list | None = None) -> dict[str, Any] | None:
        for reply in self._lines(time.monotonic() + limit):
            if reply is None or (reply.get("id") == id_ and type(reply.get("id")) is type(id_)):
                return reply
            if extra is not None:
                extra.append(reply)
        return None

    def ask(self, item: McpLine) -> str:
        """Send one line; the outcome: ok / error:<code> / tool_error / a Case score / HANG / WRONG:<why>."""
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        t0 = time.monotonic()
        self._send(item.raw)
        strays: list[dict[str, Any]] = []
        outcome = "no_reply_due"
        if item.reply_due:
            limit = self.call_limit_s if "tools/call" in item.kind else self.limit_s  # a call runs a model
            reply = self._wait_for(item.reply_id, limit, strays)
            if reply is None:
                self.start()
                return "HANG"
            self.latency[item.kind] = max(self.latency.get(item.kind, 0.0), time.monotonic() - t0)
            outcome = self._judge(item, reply)
        self.pings += 1  # a ping after each line: the server still serves, and no stray reply came
        ping_id = f"ping{self.pings}"
        self._send(json.dumps({"jsonrpc": "2.0", "id": ping_id, "method": "ping"}).encode())
        if self._wait_for(ping_id, self.call_limit_s, strays) is None:
            self.start()
            return "HANG"
        if strays and not item.reply_due and item.code is not None and len(strays) == 1:
            stray = strays[0]  # an optional reply (see mcp_expect): only the named error, to this id
            if stray.get("id") == item.reply_id and (stray.get("error") or {}).get("code") == item.code:
                return f"error:{item.code}"
        if strays:
            return f"WRONG:unexpected reply {json.dumps(strays[0])[:200]}"
        return outcome

    def _judge(self, item: McpLine, reply: dict[str, Any]) -> str:
        if reply.get("jsonrpc") != "2.0":
            return "WRONG:reply without jsonrpc 2.0"
        if "error" in reply:
            code = reply["error"].get("code")
            if not reply["error"].get("message"):
                return "WRONG:error without a message"
            if item.code is not None and code != item.code:
                return f"WRONG:code {code}, the specification names {item.code}"
            if item.case is not None:
                return f"WRONG:tools/call of a valid case answered with error {code}"
            return f"error:{code}"
        if item.code is not None:
            return f"WRONG:a result where the specification names error {item.code}"
        result = reply.get("result")
        if not isinstance(result, dict):
            return "WRONG:result is not an object"
        if result.get("isError"):
            text = " ".join(str(c.get("text", "")) for c in result.get("content", []))
            if "internal error (" in text:
                raise Unhandled(f"MCP tool internal error: {text[:300]}")
            if item.case is not None:
                err = text.split(":", 1)[0] if text.split(":", 1)[0] in DOCUMENTED else "InvalidArguments"
                return score(item.case, error=err)
            return "tool_error"
        if item.case is not None:
            answer = (result.get("structuredContent") or {}).get("solution", {}).get("answer")
            return score(item.case, answer)
        return "ok"


WARM_TEXTS = [
    "A-B, B-C. Is A connected to C?",
    "Is it false that True and False?",
    "Ann is Bob's mother. Carol is Ann's sister. Who is Carol to Bob?",
]


@dataclass
class Report:
    counts: Counter = field(default_factory=Counter)  # per target: outcome -> count
    failures: list[dict[str, str]] = field(default_factory=list)
    slowest: dict[str, tuple[float, str]] = field(default_factory=dict)
    wrapped: Counter = field(default_factory=Counter)  # DrtErrors that wrap an unexpected exception
    examples: dict[str, list[str]] = field(default_factory=dict)  # a few messages per (target, outcome)
    huge: list[dict[str, Any]] = field(
        default_factory=list
    )  # the huge-input suite: one row per (target, kind)
    last: tuple[float, dict[str, int]] = (0.0, {})
    strategies: Counter = field(default_factory=Counter)  # (generator:kind, outcome) -> count (issue 17)
    wrong: list[dict[str, Any]] = field(default_factory=list)  # every wrong answer, with its input


def _describe(x: Any) -> str:
    text = repr(x)
    return text if len(text) <= 300 else f"{text[:200]}... ({len(text):,} chars)"


def make_targets(
    model_dir: str, report: Report
) -> dict[str, tuple[st.SearchStrategy[Any], Callable[[Any], Counter]]]:
    """name -> (strategy, run). run returns its outcomes (one per input consumed: a CLI batch holds many
    inputs) and raises on an unhandled one."""
    from drt_agent.parsers import parse
    from typer.testing import CliRunner

    from drt_agent.cli import app
    from drt_agent.reasoner import Reasoner

    reasoner = Reasoner.load(model_dir)
    runner = CliRunner()
    tmp = Path(tempfile.mkdtemp(prefix="drt-fuzz-"))

    def run_parse(x: tuple[Any, Any]) -> Counter:
        parse(*x)
        return Counter(answered=1)

    def run_solve(x: tuple[Any, Any]) -> Counter:
        problem, steps = x
        reasoner.solve(problem, steps=steps)
        return Counter(answered=1)

    def run_batch(lines: list[str]) -> Counter:
        path = tmp / "batch.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
        # one output line per input line, blank lines included (issue 17)
        # a line ends at "\n" only (as `wc -l` counts; \x85, \u2028, \x0c... are characters inside a line)
        expected = path.read_bytes().split(b"\n")[:-1]
        res = runner.invoke(app, ["solve", "--batch", str(path), "--model", model_dir, "--steps", "auto"])
        if res.exception is not None and not isinstance(res.exception, SystemExit):
            raise res.exception
        if res.exit_code != 0:
            raise Unhandled(f"exit code {res.exit_code}: {res.output[-500:]}")
        out = res.stdout.split("\n")[:-1]
        if len(out) != len(expected):
            raise Unhandled(f"{len(expected)} input lines but {len(out)} output lines")
        outcomes: Counter = Counter()
        for line in out:
            obj = json.loads(line)
            if "error" in obj:
                if obj["error"]["type"] not in DOCUMENTED:
                    raise Unhandled(f"undocumented error type in {line[:200]}")
                outcomes[obj["error"]["type"]] += 1
            elif "answer" in obj:
                outcomes["answered"] += 1
            else:
                raise Unhandled(f"neither answer nor error: {line[:200]}")
        return outcomes or Counter(empty_batch=1)

    tools = _tools(model_dir)
    examples = report.examples

    def run_tool(call: tuple[str, dict[str, Any]]) -> Counter:
        name, args = call
        msg = tools[name].invoke({"type": "tool_call", "id": "1", "name": name, "args": args})
        content = str(msg.content)
        if "internal error (" in content:
            raise Unhandled(content[:500])
        if getattr(msg, "status", "success") == "error":
            kind = content.split(":", 1)[0] if content.split(":", 1)[0] in DOCUMENTED else "InvalidArguments"
            examples.setdefault(kind, []).append(content[:200])
            return Counter({f"tool_error:{kind}": 1})
        return Counter(answered=1)

    def record(target: str, case: Case, outcome: str, got: Any = None) -> str:
        """Count a scored case under its generator; keep every wrong one with its input. -> the target's key."""
        key = "WRONG" if outcome.startswith("WRONG") else outcome
        report.strategies[(case.strategy, key)] += 1
        if key == "WRONG":
            report.wrong.append(
                {
                    "target": target,
                    "strategy": case.strategy,
                    "input": case.text,
                    "expected": case.expected,
                    "got": _describe(got)[:300],
                    "detail": outcome,
                }  # fmt: skip
            )
        return key

    def run_negation(cases: list[Case]) -> Counter:
        """The negation and contradiction cases through drt_agent.solve_many (the shipped model per domain)."""
        import drt_agent

        sols = drt_agent.solve_many([c.text for c in cases])
        if len(sols) != len(cases):
            raise Unhandled(f"solve_many returned {len(sols)} results for {len(cases)} inputs")
        out: Counter = Counter()
        for case, sol in zip(cases, sols, strict=True):
            if isinstance(sol, BaseException):
                if type(sol).__name__ not in DOCUMENTED:
                    raise Unhandled(f"solve_many returned {type(sol).__name__}: {sol}")
                out[record("negation", case, score(case, error=type(sol).__name__), sol)] += 1
            else:
                out[record("negation", case, score(case, sol.answer), sol.answer)] += 1
        return out

    def run_negation_cli(cases: list[Case]) -> Counter:
        """The same cases through `drt-agent solve --batch` (no --model: each line goes to its domain's model),
        as raw lines or JSON lines; each output line is scored against its case's oracle."""
        path = tmp / "negation.txt"
        lines = [
            c.text if "\n" not in c.text and i % 2 else json.dumps({"text": c.text})
            for i, c in enumerate(cases)
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        res = runner.invoke(app, ["solve", "--batch", str(path), "--steps", "auto"])
        if res.exception is not None and not isinstance(res.exception, SystemExit):
            raise res.exception
        if res.exit_code != 0:
            raise Unhandled(f"exit code {res.exit_code}: {res.output[-500:]}")
        out_lines = res.stdout.split("\n")[:-1]
        if len(out_lines) != len(cases):
            raise Unhandled(f"{len(cases)} input lines but {len(out_lines)} output lines")
        out: Counter = Counter()
        for case, line in zip(cases, out_lines, strict=True):
            obj = json.loads(line)
            if "error" in obj:
                if obj["error"]["type"] not in DOCUMENTED:
                    raise Unhandled(f"undocumented error type in {line[:200]}")
                out[record("negation_cli", case, score(case, error=obj["error"]["type"]), obj["error"])] += 1
            elif "answer" in obj:
                out[record("negation_cli", case, score(case, obj["answer"]), obj["answer"])] += 1
            else:
                raise Unhandled(f"neither answer nor error: {line[:200]}")
        return out

    server: list[McpServer] = []

    def run_mcp(lines: list[McpLine]) -> Counter:
        """JSON-RPC lines to one long-lived `drt-agent mcp` subprocess (started on first use)."""
        if not server:
            server.append(McpServer())
            atexit.register(server[0].close)
        out: Counter = Counter()
        for item in lines:
            outcome = server[0].ask(item)
            if item.case is not None and not outcome.startswith(("HANG", "WRONG:unexpected", "WRONG:reply")):
                key = record("mcp", item.case, outcome, outcome)
            elif outcome.startswith("WRONG"):
                key = "WRONG"
                report.wrong.append({"target": "mcp", "strategy": f"mcp:{item.kind}", "input": _describe(item.raw),
                                     "expected": item.code, "got": outcome, "detail": outcome})  # fmt: skip
            else:
                key = outcome
            if key == "HANG":
                report.failures.append({"target": "mcp", "input": _describe(item.raw), "error": "no reply",
                                        "traceback": ""})  # fmt: skip
            report.strategies[(f"mcp:{item.kind}", key)] += 1
            out[key] += 1
        report.examples["mcp_latency_max_s"] = [f"{k}: {v:.3f}" for k, v in sorted(server[0].latency.items())]
        return out

    return {
        "negation": (NEGATION_BATCH, run_negation),
        "negation_cli": (st.lists(negation_case(salt=0x5EED), min_size=1, max_size=16), run_negation_cli),
        "mcp": (st.lists(mcp_line(), min_size=1, max_size=8), run_mcp),
        "parse": (st.tuples(TEXT, DOMAIN), run_parse),
        "solve": (
            st.tuples(
                st.one_of(clean_graph_text(), TEXT, typed_graph(), typed_graph(), typed_other()),
                STEPS,
            ),
            run_solve,
        ),
        "cli_batch": (st.lists(batch_line(), min_size=1, max_size=40), run_batch),
        "tools": (tool_call(), run_tool),
    }


def _tools(model_dir: str) -> dict[str, Any]:
    from drt_agent.tools.langchain import get_tools

    from drt_agent import domains

    models = {"graph": model_dir}
    return {tool.name: tool for tool in get_tools(models=models, domains=domains.names())}


def _runner(
    name: str,
    run: Callable[[Any], Counter],
    budget: int,
    done: Counter,
    report: Report,
    limit_s: float = 60.0,
    label: Callable[[Any], str] = lambda x: _describe(x),
) -> Callable[[Any], None]:
    """The hypothesis test body for one target: run, classify the outcome, never raise."""
    from drt_agent.errors import DrtError

    def once(x: Any) -> None:
        if done["inputs"] >= budget:
            return
        t0 = time.perf_counter()
        try:
            with time_limit(limit_s):
                outcomes = run(x)
        except Timeout as exc:
            outcomes = Counter(TIMEOUT=1)
            report.failures.append({"target": name, "input": label(x), "error": str(exc), "traceback": ""})
        except DrtError as exc:
            outcomes = Counter({type(exc).__name__: 1})
            report.examples.setdefault(f"{name}:{type(exc).__name__}", []).append(str(exc)[:200])
            if "could not parse the input (" in str(exc) or "internal" in str(exc).lower():
                report.wrapped[f"{name}: {str(exc)[:120]}"] += 1
        except Exception as exc:  # the thing this whole file looks for
            outcomes = Counter(UNHANDLED=1)
            report.failures.append(
                {
                    "target": name,
                    "input": label(x),
                    "error": f"{type(exc).__name__}: {exc}"[:500],
                    "traceback": traceback.format_exc()[-2000:],
                }
            )
        dt = time.perf_counter() - t0
        done["inputs"] += sum(outcomes.values())
        for outcome, k in outcomes.items():
            report.counts[(name, outcome)] += k
        if dt > report.slowest.get(name, (0.0, ""))[0]:
            report.slowest[name] = (dt, label(x)[:120])
        report.last = (round(dt, 3), dict(outcomes))

    return once


# the huge kinds a --quick run sends: each is refused (or read) in well under a second
QUICK_HUGE_KINDS = ["parens_10000", "logic_parens_10000", "edges_250000", "chars_3M", "long_name", "nul_100k"]


def huge_inputs(target: str, quick: bool = False) -> Iterator[tuple[str, Any]]:
    """The huge-input suite for one target: (kind, input) pairs, every kind once (--quick: the fast ones)."""
    for kind in QUICK_HUGE_KINDS if quick else HUGE_KINDS:
        text = huge(kind)
        if target == "parse":
            yield kind, (text, None)
        elif target == "solve":
            yield kind, (text, "auto")
        elif target == "cli_batch":  # as a JSON line (one input, newlines and all), and as a raw line
            yield f"{kind}_json", [json.dumps({"text": text})]
            if "\n" not in text:
                yield kind, [text]
        elif target == "tools":
            yield kind, ("drt_solve", {"text": text})
    if quick:
        return
    if target == "solve":
        for kind, n_edges in (("typed_100k_edges", 100_000), ("typed_250k_edges", 250_000)):
            yield kind, (_typed_big(n_edges), "auto")
    if target == "tools":
        yield "tool_100k_edges", ("graph_reachability", _tool_big(100_000))
    if target == "cli_batch":
        yield "json_nested_10000", ['{"text": ' + "[" * 10_000 + "]" * 10_000 + "}"]


@cache
def _typed_big(n_edges: int) -> Any:
    """A random graph of n_edges edges over 10,000 nodes (the sparse path's territory)."""
    from drt_agent.problems import Edge, GraphProblem

    rng = random.Random(n_edges)
    edges = [Edge(src=f"v{rng.randrange(10_000)}", dst=f"v{rng.randrange(10_000)}") for _ in range(n_edges)]
    return GraphProblem(edges=edges, source="v0", target="v1")


def _tool_big(n_edges: int) -> dict[str, Any]:
    g = _typed_big(n_edges)
    return {"edges": [e.model_dump() for e in g.edges], "source": g.source, "target": g.target}


def fuzz(
    model_dir: str,
    n: int,
    shares: dict[str, float],
    verbose: bool = True,
    limit_s: float = 60.0,
    with_huge: bool = True,
    quick: bool = False,
) -> Report:
    """Run about n generated inputs across the targets (a CLI batch counts each of its lines), then the
    huge-input suite (every kind through every target once). Each input gets `limit_s` seconds."""
    report = Report()
    targets = make_targets(model_dir, report)
    if with_huge:
        for name in shares:
            _, run = targets[name]
            for kind, x in huge_inputs(name, quick):
                once = _runner(
                    name, run, 10**9, Counter(), report, limit_s, label=lambda _x, k=kind: f"huge:{k}"
                )
                once(x)
                seconds, outcomes = report.last
                report.huge.append({"target": name, "kind": kind, "seconds": seconds, "outcome": outcomes})
                if verbose:
                    print(
                        f"huge {name:10s} {kind:20s} {seconds:8.2f} s {outcomes}", file=sys.stderr, flush=True
                    )
    for name, share in shares.items():
        strategy, run = targets[name]
        budget = max(1, round(n * share))
        done = Counter()

        once = _runner(name, run, budget, done, report, limit_s)

        # enough examples to fill the budget (once() ignores any drawn after it is filled)
        examples = budget
        prop = settings(
            max_examples=examples * 2,
            deadline=None,
            database=None,
            derandomize=True,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )(given(strategy)(once))
        t0 = time.perf_counter()
        prop()
        if verbose:
            print(
                f"{name:10s} {done['inputs']:6d} inputs in {time.perf_counter() - t0:7.1f} s", file=sys.stderr
            )
    return report


def summarise(report: Report, seconds: float) -> dict[str, Any]:
    per_target: dict[str, dict[str, int]] = {}
    for (target, outcome), k in sorted(report.counts.items()):
        per_target.setdefault(target, {})[outcome] = k
    total = sum(report.counts.values())
    unhandled = sum(k for (_, o), k in report.counts.items() if o == "UNHANDLED")
    timeouts = sum(k for (_, o), k in report.counts.items() if o == "TIMEOUT")
    per_strategy: dict[str, dict[str, int]] = {}
    for (strategy, outcome), k in sorted(report.strategies.items()):
        per_strategy.setdefault(strategy, {})[outcome] = k
    latency = report.examples.pop("mcp_latency_max_s", [])
    return {
        "inputs": total,
        "generated_inputs": total - len(report.huge),
        "huge_inputs": len(report.huge),
        "unhandled": unhandled,
        "timeouts": timeouts,
        "wrong": sum(k for (_, o), k in report.counts.items() if o == "WRONG"),
        "hangs": sum(k for (_, o), k in report.counts.items() if o == "HANG"),
        "per_target": per_target,
        "per_strategy": per_strategy,
        "mcp_latency_max_s": latency,
        "wrong_answers": report.wrong[:100],
        "slowest_seconds": {t: round(s, 3) for t, (s, _) in report.slowest.items()},
        "slowest_input": {t: d for t, (_, d) in report.slowest.items()},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "wall_seconds": round(seconds, 1),
        "wrapped_internal_errors": dict(report.wrapped.most_common(20)),
        "example_messages": {k: v[:3] for k, v in sorted(report.examples.items())},
        "huge": report.huge,
        "failures": report.failures[:50],
    }


QUICK_N = 400
# the share of --n each target gets; the last three are issue 17's negation, contradiction and MCP cases
SHARES = {"parse": 0.15, "solve": 0.13, "cli_batch": 0.12, "tools": 0.1, "negation": 0.25, "negation_cli": 0.1,
          "mcp": 0.15}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=None, help="total inputs across targets (default 10,000)")
    ap.add_argument("--model", default="graph", help="graph checkpoint: shipped name or directory")
    ap.add_argument("--out", type=Path, default=None, help="write the JSON summary here")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument(
        "--per-input-timeout", type=float, default=60.0, help="seconds before an input counts as hung"
    )
    ap.add_argument("--no-huge", action="store_true", help="skip the huge-input suite")
    ap.add_argument(
        "--quick",
        action="store_true",
        help=f"a smoke run: --n {QUICK_N} unless given, only the fast huge inputs",
    )
    args = ap.parse_args()
    if args.n is None:
        args.n = QUICK_N if args.quick else 10_000
    import torch

    torch.set_num_threads(args.threads)
    from drt_agent.checkpoint import resolve

    model_dir = str(resolve(args.model))
    shares = dict(SHARES)
    t0 = time.perf_counter()
    report = fuzz(
        model_dir,
        args.n,
        shares,
        limit_s=args.per_input_timeout,
        with_huge=not args.no_huge,
        quick=args.quick,
    )
    summary = summarise(report, time.perf_counter() - t0)
    summary["command"] = "python " + " ".join(sys.argv)
    summary["model"] = model_dir
    text = json.dumps(summary, indent=2, ensure_ascii=True)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n")
    print(
        f"{summary['inputs']} inputs ({summary['generated_inputs']} generated + {summary['huge_inputs']} huge), "
        f"{summary['unhandled']} unhandled, {summary['timeouts']} timeouts, {summary['hangs']} MCP hangs, "
        f"{summary['wrong']} wrong, "
        f"peak RSS {summary['peak_rss_mb']} MB, {summary['wall_seconds']} s"
    )
    for target, outcomes in summary["per_target"].items():
        print(f"  {target:10s} " + ", ".join(f"{k}={v}" for k, v in outcomes.items()))
    for f in summary["failures"][:10]:
        print(f"UNHANDLED in {f['target']}: {f['error']}\n  input: {f['input']}\n{f['traceback']}")
    for w in summary["wrong_answers"][:10]:
        print(
            f"WRONG in {w['target']} ({w['strategy']}): expected {w['expected']!r}, got {w['got']}\n  {w['input']!r}"
        )
    sys.exit(1 if summary["unhandled"] or summary["timeouts"] or summary["wrong"] or summary["hangs"] else 0)


if __name__ == "__main__":
    main()
