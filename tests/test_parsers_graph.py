"""Graph parser: every accepted form, direction from the wording, questions and negations, Python objects."""

from __future__ import annotations

import networkx as nx
import pytest
from drt_agent.parsers.graph import match_question, parse_graph, problem_from_graph

from drt_agent.errors import LimitError, ParseError
from drt_agent.limits import Limits


def edges(p) -> set[tuple[str, str]]:
    return {(e.src, e.dst) for e in p.edges}


def undirected(p) -> set[frozenset[str]]:
    return {frozenset((e.src, e.dst)) for e in p.edges}


@pytest.mark.parametrize(
    "text",
    [
        "A-B, B-C. Is A connected to C?",
        "A -- B; B -- C; Is A connected to C?",
        "A - B\nB - C\nIs A connected to C?",
        "A – B – C. Is A connected to C?",  # en dash
        "A is connected to B. B is connected to C. Is A connected to C?",
        "A connects to B. B connects to C. Is A connected to C?",
        "There is a road from A to B. There is a road from B to C. Is A connected to C?",
        "There is a road between A and B, and a road between B and C. Is A connected to C?",
        "A and B are friends. B and C are friends. Is A connected to C?",
        "A: B\nB: C\nIs A connected to C?",
        "graph { A -- B; B -- C } Is A connected to C?",
        '{"edges": [["A", "B"], ["B", "C"]]} Is A connected to C?',
    ],
)
def test_undirected_forms(text: str) -> None:
    p = parse_graph(text)
    assert not p.directed
    assert undirected(p) == {frozenset("AB"), frozenset("BC")}
    assert (p.source, p.target, p.negated) == ("A", "C", False)


@pytest.mark.parametrize(
    "text",
    [
        "A -> B, B -> C. Does A lead to C?",
        "A → B → C. Does A lead to C?",
        "A links to B. B links to C. Does A lead to C?",
        "A follows B. B follows C. Does A lead to C?",
        "There is a one-way road from A to B. There is a one-way road from B to C. Does A lead to C?",
        "There is an edge from A to B and an edge from B to C. Does A lead to C?",
        "B <- A, C <- B. Does A lead to C?",
        "digraph { A -> B -> C } Does A lead to C?",
        '{"edges": [["A", "B"], ["B", "C"]], "directed": true} Does A lead to C?',
        "The graph is directed. A-B, B-C. Does A lead to C?",
        "Directed graph:\nA - B\nB - C\nDoes A lead to C?",
    ],
)
def test_directed_forms(text: str) -> None:
    p = parse_graph(text)
    assert p.directed
    assert edges(p) == {("A", "B"), ("B", "C")}
    assert (p.source, p.target) == ("A", "C")


def test_mixed_one_way_and_two_way_edges_become_a_directed_graph_with_both_directions() -> None:
    p = parse_graph("A <-> B, B -> C, C is connected to D. Can D reach A?")
    assert p.directed
    assert edges(p) == {("A", "B"), ("B", "A"), ("B", "C"), ("C", "D"), ("D", "C")}


def test_explicit_direction_overrides_wording() -> None:
    assert parse_graph("A -> B. Is B connected to A?", directed=False).directed is False
    assert parse_graph("A - B. Is B connected to A?", directed=True).directed is True
    assert parse_graph("The graph is undirected. A -> B. Is B connected to A?").directed is False


def test_numeric_tuple_and_pair_line_forms() -> None:
    for text in (
        "(0, 1), (1, 2), (2, 5). Is there a path between node 0 and node 5?",
        "[(0, 1), (1, 2), (2, 5)] Is there a path between node 0 and node 5?",
        "0 1\n1 2\n2 5\nIs there a path between node 0 and node 5?",
        "Edges: 0-1, 1-2, 2-5\nIs there a path between node 0 and node 5?",
    ):
        p = parse_graph(text)
        assert undirected(p) == {frozenset(("0", "1")), frozenset(("1", "2")), frozenset(("2", "5"))}, text
        assert (p.source, p.target) == ("0", "5")


def test_multi_word_names_and_lists() -> None:
    p = parse_graph(
        "New York connects to Boston, Chicago and Salt Lake City. Is Boston connected to Salt Lake City?"
    )
    assert undirected(p) == {frozenset(("New York", x)) for x in ("Boston", "Chicago", "Salt Lake City")}
    assert (p.source, p.target) == ("Boston", "Salt Lake City")
    p = parse_graph("Alice, Bob and Carol are friends. Is Alice connected to Carol?")
    assert undirected(p) == {frozenset(x) for x in (("Alice", "Bob"), ("Alice", "Carol"), ("Bob", "Carol"))}


@pytest.mark.parametrize(
    ("question", "source", "target", "negated"),
    [
        ("Is A connected to F?", "A", "F", False),
        ("Can you get from A to F?", "A", "F", False),
        ("Is F reachable from A?", "A", "F", False),
        ("Is there a path between node A and node F?", "A", "F", False),
        ("Does A lead to F?", "A", "F", False),
        ("Are A and F connected?", "A", "F", False),
        ("Can A reach F?", "A", "F", False),
        ("Can F be reached from A?", "A", "F", False),
        ("Is it possible to get from A to F?", "A", "F", False),
        ("Determine whether F is reachable from A.", "A", "F", False),
        ("Is A connected to F or not?", "A", "F", False),
        ("Is A not connected to F?", "A", "F", True),
        ("Isn't A connected to F?", "A", "F", True),
        ("Can't you get from A to F?", "A", "F", True),
        ("Is F unreachable from A?", "A", "F", True),
        ("Is F not reachable from A?", "A", "F", True),
        ("Is there no path between A and F?", "A", "F", True),
        ("Does A not lead to F?", "A", "F", True),
        ("Are A and F disconnected?", "A", "F", True),
        ("Is it impossible to get from A to F?", "A", "F", True),
        ("Is it true that A is not connected to F?", "A", "F", True),
    ],
)
def test_question_forms(question: str, source: str, target: str, negated: bool) -> None:
    q = match_question(question)
    assert q is not None, question
    assert (q.source, q.target, q.negated) == (source, target, negated)
    p = parse_graph(f"A-B, B-F. {question}")
    assert (p.source, p.target, p.negated) == (source, target, negated)


def test_question_may_come_first_or_separately() -> None:
    a = parse_graph("Is A connected to C? A-B, B-C.")
    b = parse_graph("A-B\nB-C", question="Is A connected to C?")
    assert edges(a) == edges(b) and (a.source, a.target) == (b.source, b.target) == ("A", "C")


def test_question_names_resolve_case_and_node_prefix() -> None:
    p = parse_graph("Node 1 - Node 2. Is node 1 connected to node 2?")
    assert (p.source, p.target) == ("1", "2")
    p = parse_graph("Alpha-Beta. Is alpha connected to beta?")
    assert (p.source, p.target) == ("Alpha", "Beta")


def test_isolated_nodes_from_node_list_and_json() -> None:
    p = parse_graph("Nodes: A, B, C\nEdges: A-B\nIs A connected to C?")
    assert "C" in p.node_names() and (p.source, p.target) == ("A", "C")
    p = parse_graph('{"nodes": ["A", "B", "C"], "edges": [["A", "B"]], "source": "A", "target": "C"}')
    assert p.nodes == ["A", "B", "C"]


def test_dot_features() -> None:
    text = """strict digraph "roads" {
      // a comment
      node [shape=box]; rankdir=LR
      "New York" -> {Boston "LA"} [weight=2];
      LA -> Denver; Lonely;
    }
    Is Denver reachable from New York?"""
    p = parse_graph(text)
    assert p.directed and edges(p) == {("New York", "Boston"), ("New York", "LA"), ("LA", "Denver")}
    assert "Lonely" in p.nodes


def test_json_variants() -> None:
    node_link = nx.node_link_data(nx.path_graph(4), edges="links")
    import json

    p = parse_graph(json.dumps(node_link) + "\nIs node 0 connected to node 3?")
    assert undirected(p) == {frozenset(("0", "1")), frozenset(("1", "2")), frozenset(("2", "3"))}
    p = parse_graph('{"graph": {"edges": [["x", "y"]]}, "question": "Is x connected to y?"}')
    assert (p.source, p.target) == ("x", "y")
    p = parse_graph("{'a': ['b'], 'b': ['c']}\nIs a connected to c?")
    assert undirected(p) == {frozenset("ab"), frozenset("bc")}


def test_problem_from_networkx_and_lists() -> None:
    g = nx.DiGraph([(1, 2), (2, 3)])
    p = problem_from_graph(g, 1, 3)
    assert p.directed and edges(p) == {("1", "2"), ("2", "3")} and (p.source, p.target) == ("1", "3")
    p = problem_from_graph([("a", "b"), ("b", "c")], "c", "a", negated=True)
    assert not p.directed and p.negated
    p = problem_from_graph({"a": ["b"], "b": []}, "a", "b", directed=True)
    assert p.directed and edges(p) == {("a", "b")}
    with pytest.raises(ParseError, match="not a node"):
        problem_from_graph(g, 1, 99)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty input"),
        ("Is A connected to B?", "no edges"),
        ("A-B, B-C.", "no reachability question"),
        ("A-B. Is A connected to Z?", "no such node"),
        ("A-B. Is A frobnicated with B?", "could not understand the question"),
        ("A-B. Is A connected to B? Is B connected to A?", "2 questions"),
        ("A-B, the quick brown fox jumps. Is A connected to B?", "line 1: could not understand"),
        ('{"edges": [["A", "B"]} Is A connected to B?', "unbalanced brackets"),
        ("digraph { A -> B -- C } Is A connected to C?", "uses '->'"),
        ("A-B\x00C. Is A connected to B?", "binary or control characters"),
    ],
)
def test_errors_say_what_and_show_an_example(text: str, fragment: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_graph(text)
    assert fragment in str(info.value)


def test_limits_apply() -> None:
    with pytest.raises(LimitError, match="max_chars"):
        parse_graph("A-B. " * 50 + "Is A connected to B?", limits=Limits(max_chars=100))
    with pytest.raises(LimitError, match="max_edges"):
        parse_graph("A-B, B-C, C-D. Is A connected to D?", limits=Limits(max_edges=2))


def test_no_silent_misreadings_of_leading_words() -> None:
    """A stray word before a singular clause is an error, not an extra subject; known openers are skipped."""
    with pytest.raises(ParseError, match="plural verb"):
        parse_graph("Foo, A is connected to B. Is A connected to B?")
    p = parse_graph(
        "Meanwhile, A is connected to B. In the land of Oz, B is connected to C. Is A connected to C?"
    )
    assert undirected(p) == {frozenset("AB"), frozenset("BC")}
    p = parse_graph("There is a path from A to B and from B to C. Is A connected to C? Answer yes or no.")
    assert undirected(p) == {frozenset("AB"), frozenset("BC")}
