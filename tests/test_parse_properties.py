"""Property tests: any generated graph, rendered into any accepted text form, parses back to the same graph.

The renderers are the corpus generator's (tests/data/make_graph_corpus.py), so the corpus and these properties
exercise the same forms. Names are drawn per form: forms that join names with a bare '-' need one-token names;
sentence and structured forms also get multi-word names.
"""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import networkx as nx
import pytest
from drt_agent.parsers import parse
from drt_agent.parsers.graph import _NAME_STOP, parse_graph, problem_from_graph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drt_agent.errors import ParseError

_spec = importlib.util.spec_from_file_location(
    "make_graph_corpus", Path(__file__).parent / "data" / "make_graph_corpus.py"
)
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)  # type: ignore[union-attr]

# Words that the text rules read as grammar (verbs, connectives, labels) are not generated as names.
RESERVED = set(_NAME_STOP) | {
    "and",
    "or",
    "also",
    "then",
    "next",
    "finally",
    "plus",
    "besides",
    "but",
    "moreover",
    "furthermore",
    "additionally",
    "so",
    "now",
    "the",
    "a",
    "an",
    "in",
    "on",
    "of",
    "edges",
    "edge",
    "graph",
    "nodes",
    "node",
    "vertex",
    "vertices",
    "question",
    "q",
    "links",
    "roads",
    "it",
    "all",
}
word = st.from_regex(r"[A-Z][a-z]{1,6}[0-9]?", fullmatch=True).filter(lambda w: w.lower() not in RESERVED)
number = st.integers(0, 999).map(str)
one_token = st.one_of(word, number)
multi_word = st.lists(word, min_size=1, max_size=3).map(" ".join)

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MULTI_WORD_FORMS = {"sentence_connected", "sentence_road", "sentence_road_between", "sentence_oneway_road",
                    "sentence_friends", "sentence_follows", "sentence_links", "sentence_grouped", "dot_digraph",
                    "dot_graph", "json_edges", "json_directed", "json_node_link", "json_adjacency"}  # fmt: skip
NUMERIC_ONLY = {"tuples", "python_list", "pair_lines"}  # a lone two-word line needs ids (documented)


@st.composite
def graphs(draw, names):
    """(edges, source, target): a simple graph (no self-loops, no repeated pair) and two distinct nodes."""
    nodes = draw(st.lists(names, min_size=2, max_size=8, unique_by=str.casefold))
    pairs = [(a, b) for i, a in enumerate(nodes) for b in nodes[i + 1 :]]
    chosen = draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=10, unique=True))
    edges = [(b, a) if draw(st.booleans()) else (a, b) for a, b in chosen]
    used = list(dict.fromkeys(x for e in edges for x in e))
    s = draw(st.sampled_from(used))
    t = draw(st.sampled_from([v for v in used if v != s]))
    return edges, s, t


def canon(edge_list, directed: bool):
    return sorted(edge_list) if directed else sorted(tuple(sorted(e)) for e in edge_list)


def _direction_decides(edges: list[tuple[str, str]], s: str, t: str) -> bool:
    """Whether reading the edges one-way, as listed, changes reachability (networkx, independent of the parser)."""
    reach = []
    for g in (nx.DiGraph(edges), nx.Graph(edges)):
        g.add_nodes_from((s, t))
        reach.append(nx.has_path(g, s, t))
    return reach[0] != reach[1]


def check_form(form: str, data) -> None:
    render, directed, _ = corpus.FORMS[form]
    names = number if form in NUMERIC_ONLY else multi_word if form in MULTI_WORD_FORMS else one_token
    edges, s, t = data.draw(graphs(names))
    template, negated = data.draw(st.sampled_from(corpus.QUESTIONS))
    wording = random.Random(data.draw(st.integers(0, 2**16), label="wording seed"))  # verb choice etc.
    text = render(edges, wording) + "\n" + template.format(s=s, t=t)
    if "adjacency" in form and not directed and _direction_decides(edges, s, t):
        # a one-sided adjacency list with no word on direction: refused exactly where one-way changes the answer
        with pytest.raises(ParseError, match="whether its edges are one-way"):
            parse(text)
        return
    p = parse(text)
    got = [(e.src, e.dst) for e in p.edges]
    assert p.directed == directed, text
    assert canon(got, directed) == canon(edges, directed), text
    assert (p.source, p.target, p.negated) == (s, t, negated), text


FORMS = sorted(corpus.FORMS)


def make_test(form: str):
    @SETTINGS
    @given(st.data())
    def test(data) -> None:
        check_form(form, data)

    test.__name__ = f"test_roundtrip_{form}"
    return test


for _form in FORMS:
    globals()[f"test_roundtrip_{_form}"] = make_test(_form)


@SETTINGS
@given(graphs(multi_word), st.booleans())
def test_question_given_separately_matches_inline(g, directed) -> None:
    edges, s, t = g
    graph_text = ("\n".join(f"{a} -> {b}" for a, b in edges)) if directed else json.dumps({"edges": edges})
    a = parse_graph(graph_text, question=f"Is {t} reachable from {s}?")
    b = parse_graph(graph_text + f"\nIs {t} reachable from {s}?")
    assert a == b
    assert a.directed == directed and (a.source, a.target) == (s, t)


@SETTINGS
@given(graphs(one_token), st.booleans())
def test_problem_from_graph_matches_networkx(g, directed) -> None:
    import networkx as nx

    edges, s, t = g
    G = nx.DiGraph(edges) if directed else nx.Graph(edges)
    p = problem_from_graph(G, s, t)
    assert p.directed == directed
    assert canon([(e.src, e.dst) for e in p.edges], directed) == canon(edges, directed)


FRAGMENTS = list("AB01 ,.;:-><()[]{}\"'?\n\x00") + [
    "->", "--", "→", "<->", " is connected to ", " and ", "Is ", " connected to ", "digraph {", "graph {", "}",
    '{"edges": ', "[[", "]]", " node ", "There is a road from ", " to ", "Can you get from ", " not ", "Nodes: ",
    "Is it true that ", "{'a': ", "(0, 1)", "\ufffd",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join))
def test_any_text_gives_a_problem_or_a_documented_error(text: str) -> None:
    """Fuzz: the graph parser returns a GraphProblem or raises a DrtError; nothing else escapes."""
    from drt_agent.errors import DrtError
    from drt_agent.problems import GraphProblem

    try:
        assert isinstance(parse_graph(text), GraphProblem)
    except DrtError as exc:
        assert str(exc) and "\n" not in str(exc).strip()
