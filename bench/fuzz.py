"""Fuzz every entry point with hypothesis and count what comes back.

    python bench/fuzz.py --n 10000 --model DIR --out runs/fuzz/fuzz10k.json
    python bench/fuzz.py --quick        # a smoke run: 400 inputs and the fast huge inputs (about a minute)

Generated inputs (hypothesis, derandomized): random Unicode, binary junk, mutated graph / logic / relational
text, random JSON lines, typed problems and tool arguments. Then a huge-input suite sends every huge kind
(10,000-deep brackets, 100,000- and 250,000-edge graphs, multi-megabyte text, ...) through every target once.
Targets: `drt_agent.parsers.parse`, `Reasoner.solve` (text and typed), the CLI `solve --batch` path and the
LangChain tools (`drt_agent.tools`). The only acceptable outcomes are an answer or a documented `DrtError`
(tools: an error message that is not an "internal error"); anything else is counted as unhandled, with its
traceback, and an input still running after --per-input-timeout seconds counts as a timeout. Time per input and
the process's peak memory are reported, so "bounded" is a measured claim.
"""

from __future__ import annotations

import argparse
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

    return {
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
    return {
        "inputs": total,
        "generated_inputs": total - len(report.huge),
        "huge_inputs": len(report.huge),
        "unhandled": unhandled,
        "timeouts": timeouts,
        "per_target": per_target,
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
    shares = {"parse": 0.3, "solve": 0.25, "cli_batch": 0.25, "tools": 0.2}
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
        f"{summary['unhandled']} unhandled, {summary['timeouts']} timeouts, "
        f"peak RSS {summary['peak_rss_mb']} MB, {summary['wall_seconds']} s"
    )
    for target, outcomes in summary["per_target"].items():
        print(f"  {target:10s} " + ", ".join(f"{k}={v}" for k, v in outcomes.items()))
    for f in summary["failures"][:10]:
        print(f"UNHANDLED in {f['target']}: {f['error']}\n  input: {f['input']}\n{f['traceback']}")
    sys.exit(1 if summary["unhandled"] or summary["timeouts"] else 0)


if __name__ == "__main__":
    main()
