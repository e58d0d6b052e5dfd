"""Reading graph text as others write it, checked against independent oracles (networkx on the edges the text
states, the benchmark's own labels, reasoning-gym's label paths), never against the library's own solver.

Sources: a 40-item sample of NLGraph's connectivity main.json (MIT, tests/data/graph_nlgraph_sample.jsonl, each
line carrying its attribution); GraphQA-style prompts and reasoning-gym path_star items from
bench/external_suites/graph.py; the blind corpus's dev half (tests/data/blind/graph_dev.jsonl) when present.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest
from drt_agent.parsers.graph import parse_graph, read_graph

from drt_agent.errors import ParseError

DATA = Path(__file__).parent / "data"
_spec = importlib.util.spec_from_file_location(
    "graph_suites", Path(__file__).parents[1] / "bench" / "external_suites" / "graph.py"
)
suites = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(suites)  # type: ignore[union-attr]


def oracle(problem) -> bool:
    """networkx's answer on the problem's own edges (independent of drt_agent.domains.graph)."""
    g = nx.DiGraph() if problem.directed else nx.Graph()
    g.add_nodes_from(problem.node_names())
    g.add_edges_from((e.src, e.dst) for e in problem.edges)
    return nx.has_path(g, problem.source, problem.target) != problem.negated


def pairs(problem) -> set:
    if problem.directed:
        return {(e.src, e.dst) for e in problem.edges}
    return {frozenset((e.src, e.dst)) for e in problem.edges}


# -- published: NLGraph ---------------------------------------------------------------------------------------
NLGRAPH = [json.loads(line) for line in (DATA / "graph_nlgraph_sample.jsonl").read_text().splitlines()]


@pytest.mark.parametrize("item", NLGRAPH, ids=[str(it["index"]) for it in NLGRAPH])
def test_nlgraph_items_read_as_published(item: dict) -> None:
    reading = read_graph(item["text"])
    p = reading.problem
    graph_line = re.search(r"Graph: (.*)", item["text"]).group(1)  # type: ignore[union-attr]
    stated = {frozenset(t) for t in re.findall(r"\((\d+),(\d+)\)", graph_line)}
    assert pairs(p) == stated and not p.directed
    assert oracle(p) == item["expected"]
    assert "Determine if there is a path between two nodes in the graph." in reading.skipped
    assert "A:" in reading.skipped and reading.assumptions in (
        [],
        [a for a in reading.assumptions if "isolated" in a],
    )


def test_nlgraph_question_about_a_node_without_edges_is_an_isolated_node_stated_as_assumed() -> None:
    text = (
        "Determine if there is a path between two nodes in the graph. Note that (i,j) means that node i and node j "
        "are connected with an undirected edge.\nGraph: (0,4) (1,4) (2,4)\nQ: Is there a path between node 3 and "
        "node 0?\nA:"
    )
    reading = read_graph(text)
    assert oracle(reading.problem) is False
    assert any("node 3 appears in no edge" in a for a in reading.assumptions)
    with pytest.raises(ParseError, match="no such node"):  # a name that is not a number is a typo, not a node
        read_graph("A-B, B-C. Is A connected to Z?")
    with pytest.raises(
        ParseError, match="no such node"
    ):  # a number, where no notation says nodes are numbered
        read_graph("(0, 1), (1, 2). Is there a path between node 0 and node 9?")


# -- re-implemented public format: GraphQA ------------------------------------------------------------------------
@pytest.mark.parametrize("name", [n for n in suites.SUITES if n.startswith("graphqa_")])
def test_graphqa_encodings(name: str) -> None:
    for item in suites.SUITES[name](20, 3):
        assert oracle(read_graph(item["text"]).problem) == item["expected"], item["text"]


# -- third-party generator: reasoning-gym path_star -------------------------------------------------------------
def test_path_star_witness_is_the_label_path() -> None:
    reasoning_gym = pytest.importorskip("reasoning_gym")
    for item in reasoning_gym.create_dataset("path_star", size=30, seed=5):
        reading = read_graph(item["question"])
        p = reading.problem
        g = nx.Graph([(e.src, e.dst) for e in p.edges])
        path = nx.shortest_path(g, p.source, p.target)
        assert " ".join(path) == item["answer"]
        assert "asks for a path" in reading.read_as
        assert "|1 2|1 3|2 4|3 5/1 5 = 1 3 5" in reading.skipped  # the worked example is not the task


# -- notations -----------------------------------------------------------------------------------------------
U = False  # undirected
D = True  # directed


@pytest.mark.parametrize(
    ("text", "directed", "edges"),
    [
        ("One-way flights: Lima to Quito; Quito to Bogota. Can you fly from Lima to Bogota?", D,
         {("Lima", "Quito"), ("Quito", "Bogota")}),
        ("Adjacency list:\nA: B, C\nB: A\nC: A\nIs B connected to C?", U, {("A", "B"), ("A", "C")}),
        ("| from | to |\n|---|---|\n| srv-01 | srv-02 |\n| srv-02 | srv-03 |\nIs srv-01 connected to srv-03?", U,
         {("srv-01", "srv-02"), ("srv-02", "srv-03")}),
        ("Edges:\n- New York - Boston\n* Boston - Salt Lake City\nIs New York connected to Salt Lake City?", U,
         {("New York", "Boston"), ("Boston", "Salt Lake City")}),
        ("You are a helpful assistant.\n\nA -> B\nB -> C\n\nDoes A lead to C? Answer yes or no.", D,
         {("A", "B"), ("B", "C")}),
        ('digraph { "x 1" -> y; y -> z } Is z reachable from x 1?', D, {("x 1", "y"), ("y", "z")}),
        ("graph = {a: [b, c], b: [c]} (directed)\nCan a reach c?", D, {("a", "b"), ("a", "c"), ("b", "c")}),
        ("a → b ⇒ c ⟶ d --> e => f. Can a reach f?", D,
         {("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "f")}),
        ("a <-> b, b — c, c ↔ d. Is a connected to d?", U, {("a", "b"), ("b", "c"), ("c", "d")}),
        ("DO-IS, IS-TO, TO-NO. Is DO connected to NO?", U, {("DO", "IS"), ("IS", "TO"), ("TO", "NO")}),
        ("NOT -> IF, IF -> OR. Does NOT lead to OR?", D, {("NOT", "IF"), ("IF", "OR")}),
        ("There is a road between Paris and Lyon. Lyon and Nice are friends. Is Paris connected to Nice?", U,
         {("Paris", "Lyon"), ("Lyon", "Nice")}),
        ("Alice follows Bob. Bob depends on Carol. Can Alice reach Carol?", D, {("Alice", "Bob"), ("Bob", "Carol")}),
        ("Node 1 is a neighbour of node 2. Node 2 links to node 3. Can node 1 reach node 3?", D,
         {("1", "2"), ("2", "1"), ("2", "3")}),
        ("source,target\nmoss,fern\nfern,kelp\nRows are directed edges. Can moss reach kelp?", D,
         {("moss", "fern"), ("fern", "kelp")}),
        ("routes:\n  - from: hub-1\n    to: hub-2\n  - from: hub-2\n    to: hub-3\nRoutes are one-way. Can hub-1 reach "
         "hub-3?", D, {("hub-1", "hub-2"), ("hub-2", "hub-3")}),
        ("arc(a, b).\narc(b, c).\n?- path(a, c).", D, {("a", "b"), ("b", "c")}),
        ("INSERT INTO roads (city_a, city_b) VALUES ('Paris', 'Lyon'), ('Lyon', 'Nice');\nIs Paris connected to "
         "Nice?", U, {("Paris", "Lyon"), ("Lyon", "Nice")}),
        ("Adjacency matrix:\n  A B C\nA 0 1 0\nB 1 0 1\nC 0 1 0\nIs A connected to C?", U, {("A", "B"), ("B", "C")}),
        ("Let G = (V, E) be the directed graph with V = {1, 2, 3} and E = {(1, 2), (2, 3)}. Does G contain a path "
         "from 1 to 3?", D, {("1", "2"), ("2", "3")}),
        ("Metro (trains run both ways):\nRed Line: Kings Cross > Union Square > Stone Cross\nCan I get from Kings "
         "Cross to Stone Cross?", U, {("Kings Cross", "Union Square"), ("Union Square", "Stone Cross")}),
        ("The Hall has a one-way portal to the Crypt. The Crypt and the Tower are joined by a two-way road. Can the "
         "player get from the Hall to the Tower?", D,
         {("The Hall", "the Crypt"), ("the Crypt", "the Tower"), ("the Tower", "the Crypt")}),
    ],
)  # fmt: skip
def test_notations(text: str, directed: bool, edges: set) -> None:
    p = parse_graph(text)
    assert p.directed is directed
    got = {(e.src, e.dst) for e in p.edges}
    assert got == edges if directed else {frozenset(x) for x in got} == {frozenset(x) for x in edges}
    assert oracle(p) is True


def test_the_same_place_with_and_without_its_article_is_one_node() -> None:
    p = parse_graph("The Lava Pits has a one-way portal to the Moon Well. A one-way portal in the Moon Well leads "
                    "to the Lava Pits. Can you get from the Moon Well to the Lava Pits?")  # fmt: skip
    assert len(p.node_names()) == 2 and oracle(p)


# -- direction: stated, inferred, assumed ---------------------------------------------------------------------
def test_direction_defaults_to_undirected_as_a_stated_assumption() -> None:
    reading = read_graph("(1, 2), (2, 3). Is there a path from 3 to 1?")
    assert not reading.problem.directed and "undirected: no direction was stated" in reading.assumptions
    stated = read_graph("The graph is undirected. (1, 2), (2, 3). Is there a path from 3 to 1?")
    assert stated.assumptions == [] and "undirected as stated" in stated.read_as
    assert read_graph("The graph is not undirected. A - B. Can B reach A?").problem.directed


@pytest.mark.parametrize(
    "text",
    [
        "edge(a, b).\nedge(c, b).\nIs a connected to c?",  # Prolog edge/2: no convention says which way
        "INSERT INTO edges (src, dst) VALUES ('a', 'b'), ('c', 'b');\nIs there a path from a to c?",
    ],
)
def test_unstated_direction_refused_where_no_convention_says_and_the_answer_depends_on_it(text: str) -> None:
    with pytest.raises(ParseError, match="one-way"):
        parse_graph(text)


def test_adjacency_conventions() -> None:
    """An adjacency list or dict that lists an edge at one end only may be directed (out-neighbours, as code walks
    it) or undirected (networkx's reading): answered where both readings agree, with the assumption reported,
    refused where they differ (a blind-corpus Python dict was read undirected and answered wrongly); a matrix
    that is not symmetric is one-way by definition."""
    reading = read_graph("A: B\nB: C\nCan A reach C?")
    assert oracle(reading.problem) and "undirected: no direction was stated" in reading.assumptions
    assert oracle(parse_graph("A: B\nB: A, C\nC: B\nCan C reach A?"))  # listed at both ends: undirected
    for one_sided in (
        "A: B\nB: C\nCan C reach A?",
        "graph = {'a': ['b'], 'b': ['c'], 'c': []}\nCan c reach a?",
    ):
        with pytest.raises(ParseError, match="one-way"):
            parse_graph(one_sided)
    assert oracle(parse_graph("A: B\nB: C\nThe graph is undirected.\nCan C reach A?"))
    assert not oracle(parse_graph("A: B\nB: C\nThe graph is directed.\nCan C reach A?"))
    assert not oracle(parse_graph("   A B C\nA 0 1 0\nB 0 0 1\nC 0 0 0\nCan C reach A?"))
    assert not oracle(parse_graph("[[0,1,0],[0,0,1],[0,0,0]]\nCan node 2 reach node 0?"))


def test_a_denial_after_a_lead_in_label_is_read_not_taken_as_an_empty_adjacency_line() -> None:
    """'Important: no edge exists between A and B' was read as node 'Important' with no neighbours, dropping the
    denial and answering a contradictory text (blind2 dev)."""
    with pytest.raises(ParseError, match="contradiction"):
        parse_graph(
            "Undirected links:\nA - B\nImportant: no edge exists between A and C.\nC - A\nIs A connected to B?"
        )
    assert not oracle(
        parse_graph("A - B\nNote: no edge exists between B and C.\nC - D\nIs A connected to D?")
    )
    assert oracle(parse_graph("pkg-a: no dependencies\npkg-b: pkg-a\nIs pkg-b connected to pkg-a?"))


def test_links_that_may_go_either_way_decide_nothing_alone() -> None:
    """'X has a direct link to Y' among two-way cables: answered where reading the link both ways agrees, refused
    naming the link where it does not (a blind-corpus answer was wrong), read as the text says once it says."""
    cables = "s1 has a direct link to s2. There is a cable between s2 and s3. s4 is cabled to s3."
    assert oracle(parse_graph(cables + " Can s1 reach s4?"))
    with pytest.raises(ParseError, match="has a direct link to s2.*one-way or two-way"):
        parse_graph(cables + " Can s4 reach s1?")
    assert oracle(parse_graph(cables + " Every link is two-way. Can s4 reach s1?"))
    assert not oracle(parse_graph(cables + " Links are one-way. Can s4 reach s1?"))
    assert not oracle(
        parse_graph("A flight goes from X to Y. There is a road between Y and Z. Can Z reach X?")
    )


def test_direction_statements_with_negations_are_read_or_refused_never_guessed() -> None:
    assert not parse_graph("The graph is not directed. A -> B. Can B reach A?").directed
    with pytest.raises(ParseError, match="which direction"):
        parse_graph("Edges: A->B, B->C\nEdges cannot be traversed backwards.\nCan C reach A?")
    p = parse_graph("Unless a route is described as two-way, it only goes one way.\nA to B is two-way: A <-> B.\n"
                    "B -> C.\nCan C reach A?")  # fmt: skip
    assert p.directed and oracle(p) is False


# -- negation and contradiction ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A-B. B-C. There is no road between A and C. Is A connected to C?", True),
        ("A-B. C-D. B is not linked to C. Is A connected to D?", False),
        ("A->B. B->C. C does not link to A. Can C reach A?", False),
        ("A-B, B-C. A and C are not directly connected. Is A connected to C?", True),
        ("A-B. E is isolated. Is A connected to E?", False),
        ("Alice and Bob are friends. Bob and Carol are not friends. Are Alice and Carol friends?", False),
        ("There is no path from A to C. A-B. C-D. Is A connected to D?", False),
        ("A is connected to B but not to C. Is A connected to C?", False),
        ("A-B, C-D. Is A not connected to D?", True),
    ],
)
def test_negated_facts_are_constraints_and_the_question_is_answered_from_the_graph(
    text: str, expected: bool
) -> None:
    reading = read_graph(text)
    assert oracle(reading.problem) is expected
    assert "denied fact" in reading.read_as or "NOT" in reading.read_as


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("A-B. A is not linked to B. Is A connected to B?", "A is not linked to B", "A-B"),
        (
            "A-B, B-C. There is no path from A to C. Is A connected to C?",
            "There is no path from A to C",
            "A-B",
        ),
        ("A cannot reach C. A-B, B-C. Can A reach C?", "A can not reach C", "A-B, B-C"),
        ("A-B. A is isolated. Is A connected to B?", "A is isolated", "A-B"),
        ("A->B. B is unreachable from A. Is B reachable from A?", "B is unreachable from A", "A->B"),
        (
            "A-B, B-C. It is not true that A is connected to B. Is A connected to C?",
            "It is not true that",
            "A-B",
        ),
    ],
)
def test_contradictions_are_refused_quoting_both_parts(text: str, first: str, second: str) -> None:
    with pytest.raises(ParseError, match="contradiction") as info:
        parse_graph(text)
    assert first in str(info.value) and second in str(info.value)


def test_a_negation_is_never_dropped() -> None:
    with pytest.raises(ParseError, match="ambiguous"):  # "not connected": no edge, or no path?
        parse_graph("A-B, B-C. A is not connected to C. Is A connected to C?")
    with pytest.raises(ParseError, match="negated statement"):
        parse_graph("A-B. Neither A nor B is hardly ever unlinked from C. Is A connected to C?")
    with pytest.raises(ParseError):  # a condition that changes the graph is not skipped
        parse_graph("A-B, B-C, C-D. If B is removed, is A connected to D?")


# -- questions that may ask about one edge, and relations stated both ways ------------------------------------------
def test_a_question_about_one_edge_is_answered_only_where_both_readings_agree() -> None:
    assert oracle(parse_graph("A - B - C. Is there a road between A and B?"))
    with pytest.raises(ParseError, match="direct edge"):
        parse_graph("A - B - C. Is there a road between A and C?")
    with pytest.raises(ParseError, match="direct edge"):
        parse_graph("Alice knows Bob. Bob knows Carol. Does Alice know Carol?")
    assert oracle(parse_graph("X requires Y. Y requires Z. Does X depend on Z, directly or transitively?"))


def test_relations_stated_in_both_wordings_follow_the_question() -> None:
    text = "Ursula manages Marco. Bernard reports to Marco. Lena's manager is Ursula."
    p = parse_graph(text + " Does Bernard report to Ursula, directly or indirectly?")
    assert oracle(p) is True
    with pytest.raises(ParseError, match="both wordings"):
        parse_graph(text + " Can Bernard reach Ursula?")
    p = parse_graph("CS 101 is a prerequisite for CS 201. CS 301 requires CS 201. Is CS 101 a direct or indirect "
                    "prerequisite for CS 301?")  # fmt: skip
    assert oracle(p) is True


# -- the reading report ---------------------------------------------------------------------------------------------
def test_reading_reports_what_was_read_skipped_and_assumed() -> None:
    text = (
        "You are a helpful assistant that answers questions about graphs.\n\nSystem note: be concise.\n"
        "A-B, B-C, C-F.\nIs A connected to F? Let's think step by step."
    )
    reading = read_graph(text)
    assert reading.read_as.startswith("undirected graph, 4 nodes, 3 edges; is 'F' reachable from 'A'?")
    assert "You are a helpful assistant that answers questions about graphs." in reading.skipped
    assert "Let's think step by step." in reading.skipped
    assert reading.assumptions == ["undirected: no direction was stated"]
    for segment in reading.skipped:
        assert segment in text  # verbatim


def test_framing_that_names_a_node_is_refused_not_skipped() -> None:
    with pytest.raises(ParseError, match="names a node"):
        parse_graph("A-B, B-C. Begin at node A; a line connects A to D. Is A connected to D?")


# -- the blind corpus (dev half) -------------------------------------------------------------------------------------
BLIND = DATA / "blind" / "graph_dev.jsonl"


@pytest.mark.skipif(not BLIND.exists(), reason="no blind corpus in this tree")
def test_blind_dev_half_has_no_wrong_answer() -> None:
    items = [json.loads(line) for line in BLIND.read_text().splitlines() if line.strip()]
    correct = refused = 0
    for it in items:
        try:
            p = read_graph(it["text"]).problem
        except ParseError:
            refused += 1
            continue
        assert oracle(p) == it["expected"], it["text"][:300]
        correct += 1
    assert correct >= 0.95 * len(items), (correct, refused)


# -- cost ------------------------------------------------------------------------------------------------------
def test_reading_a_short_problem_is_cheap() -> None:
    text = "A-B, B-C, C-F. Is A connected to F?"
    read_graph(text)
    t0 = time.perf_counter()
    for _ in range(500):
        read_graph(text)
    assert (time.perf_counter() - t0) / 500 < 2e-3  # ~0.08 ms on a quiet machine; generous for shared CPUs


def test_the_graph_reader_imports_neither_torch_nor_spacy() -> None:
    code = (
        "import sys, drt_agent.parsers.graph as g; g.read_graph('A-B. Is A connected to B?'); "
        "print(sorted(m for m in ('torch', 'spacy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# -- the compact fast path ------------------------------------------------------------------------------------------
_TRICKY = ["A", "a", "B", "I", "Is", "to", "NO", "DO", "IF", "NOT", "T", "F", "True", "x1", "n10", "0", "7", "42",
           "the", "srv", "Node", "path", "edge"]  # fmt: skip


def _compact_texts(n: int, seed: int) -> list[str]:
    import random

    rng = random.Random(seed)
    out = []
    for _ in range(n):
        pool = rng.sample(_TRICKY, rng.choice([0, 0, 2, 4])) + [f"n{i}" for i in range(rng.randint(2, 8))]
        pairs = [
            (rng.choice(pool), rng.choice(pool), rng.choice(["-", "-", "->", " - "]))
            for _ in range(rng.randint(1, 9))
        ]
        names = [x for a, b, _ in pairs for x in (a, b)]
        a, b = rng.choice(names), rng.choice(names + ["zz"])
        q = rng.choice(
            [f"Is {a} connected to {b}?", f"Is there a path from {a} to {b}?", f"Can {a} reach {b}?"]
        )
        out.append(", ".join(f"{x}{op}{y}" for x, y, op in pairs) + rng.choice([". ", ".  "]) + q)
    return out


def test_the_compact_fast_path_reads_exactly_as_the_full_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """`a-b, c-d. Is a connected to d?` skips detection and the full reader: it must give the same Reading (or fall
    back), on texts with names the full reader treats specially (articles, keywords, digits)."""
    import drt_agent.parsers.graph as graph
    from drt_agent.parsers.graph_compact import read_compact

    texts = _compact_texts(400, seed=3)
    fast = [read_compact(t, None) for t in texts]
    monkeypatch.setattr(graph, "read_compact", lambda text, lim: None)
    taken = 0
    for text, got in zip(texts, fast, strict=True):
        try:
            full = read_graph(text)
        except ParseError:
            assert got is None, text  # what the full reader refuses, the fast path never answers
            continue
        if got is not None:
            taken += 1
            assert (got.problem, got.read_as, got.assumptions, got.skipped) == (
                full.problem, full.read_as, full.assumptions, full.skipped), text  # fmt: skip
    assert taken > 150  # the fast path does serve the common shape


# -- graphs written as code and configuration (parsers/graph_code.py), blind2 styles ---------------------------
BLIND2 = DATA / "blind2" / "graph_dev.jsonl"


def _random_dag(rng, names: list[str], k: int) -> list[tuple[str, str]]:
    """k edges u -> v with u after v in `names` (acyclic, as build and dependency graphs are)."""
    edges: set[tuple[str, str]] = set()
    while len(edges) < k:
        i, j = sorted(rng.sample(range(len(names)), 2))
        edges.add((names[j], names[i]))
    return sorted(edges)


def _nx_reach(edges, nodes, directed: bool, s: str, t: str) -> bool:
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    return nx.has_path(g, s, t)


WORDS = [
    "apple",
    "birch",
    "cobalt",
    "delta",
    "ember",
    "fjord",
    "garnet",
    "harbor",
    "iris",
    "jasper",
    "kelp",
    "lotus",
]


def _cases(render, n: int = 12, directed: bool = True, k: int = 8, seed: int = 7, declared: bool = False):
    """(text, networkx's answer) for random graphs over WORDS rendered by `render(edges, s, t)`."""
    import random

    rng = random.Random(seed)
    for _ in range(n):
        names = rng.sample(WORDS, 9)
        edges = _random_dag(rng, names, k)
        s, t = rng.sample(names, 2)
        named = set(names) if declared else {x for e in edges for x in e}
        yield render(edges, s, t), (_nx_reach(edges, names, directed, s, t) if {s, t} <= named else None)


def _check(render, **kw) -> None:
    """Each case answered as networkx answers it; a question naming a node the graph never mentions, refused."""
    for text, expected in _cases(render, **kw):
        if expected is None:
            with pytest.raises(ParseError):
                read_graph(text)
        else:
            assert _answer(text) == expected, text


def _answer(text: str) -> bool:
    return oracle(read_graph(text).problem)


def test_terraform_depends_on_is_read_as_dependency_edges() -> None:
    def render(edges, s, t):
        deps: dict[str, list[str]] = {}
        for a, b in edges:
            deps.setdefault(a, []).append(b)
        blocks = []
        for n in sorted({x for e in edges for x in e} | {s, t}):
            dep = f"\n  depends_on = [{', '.join('aws_instance.' + d for d in deps[n])}]" if n in deps else ""
            blocks.append(f'resource "aws_instance" "{n}" {{\n  name = "{n}"{dep}\n}}')
        body = "\n\n".join(blocks)
        return f"main.tf:\n\n```hcl\n{body}\n```\n\nDoes aws_instance.{s} depend on aws_instance.{t}, directly or through other resources?"

    _check(render, declared=True)


def test_terraform_reference_outside_depends_on_is_refused() -> None:
    text = (
        'resource "aws_vpc" "a" {\n  name = "a"\n}\nresource "aws_subnet" "b" {\n  vpc_id = aws_vpc.a.id\n}\n'
        'resource "aws_subnet" "c" {\n  depends_on = [aws_subnet.b]\n}\nDoes aws_subnet.c depend on aws_vpc.a?'
    )
    with pytest.raises(ParseError, match="outside depends_on"):
        read_graph(text)


def test_makefile_rules_read_target_to_prerequisites() -> None:
    def render(edges, s, t):
        pre: dict[str, list[str]] = {}
        for a, b in edges:
            pre.setdefault(a, []).append(b + ".o")
        lines = [f"{a}.o: {' '.join(bs)}\n\t$(CC) -o $@ $^" for a, bs in pre.items()]
        rules = "\n".join(lines)
        return f"```make\nCC = gcc\n{rules}\n```\nIf I run make {s}.o, will {t}.o get built along the way?"

    _check(render)


def test_makefile_variables_and_patterns_are_refused() -> None:
    with pytest.raises(ParseError, match="variable or pattern"):
        read_graph("```make\napp: $(OBJS)\n\tcc -o app\n%.o: %.c\n```\nDoes building app require main.o?")


def test_git_parent_lists_walk_towards_the_root() -> None:
    def render(edges, s, t):
        parents: dict[str, list[str]] = {}
        for a, b in edges:
            parents.setdefault(a, []).append(b)
        h = {n: f"{abs(hash(n)) % 0xFFFFFFF:07x}" for n in WORDS}
        lines = [f"commit {h[a]} ({'merge ' if len(ps) > 1 else ''}parents: {' '.join(h[p] for p in ps)})"
                 for a, ps in parents.items()]  # fmt: skip
        log = "\n".join(lines)
        return f"Each commit lists its parents:\n{log}\n\nStarting from commit {h[s]} and following parent links only, can you reach commit {h[t]}?"

    _check(render)


def test_mermaid_arrows_links_and_labels() -> None:
    def render(edges, s, t):
        ids = {n: f"n{i}" for i, n in enumerate(WORDS)}
        seen: set[str] = set()
        lines = []
        for a, b in edges:
            ends = []
            for n in (a, b):
                ends.append(ids[n] if n in seen else f'{ids[n]}["{n}"]')
                seen.add(n)
            lines.append(f"    {ends[0]} --> {ends[1]}")
        chart = "\n".join(lines)
        return f'```mermaid\nflowchart LR\n{chart}\n```\nIn this flowchart, can you get from "{s}" to "{t}" by following the arrows?'

    _check(render)
    # `---` is a link without an arrow: both ways; `-->|label|` and `-- label -->` are arrows
    assert (
        _answer('```mermaid\ngraph TD\n  A[x] --- B[y]\n  B -->|go| C[z]\n```\nCan you get from "z" to "x"?')
        is False
    )
    assert (
        _answer(
            '```mermaid\ngraph TD\n  A[x] --- B[y]\n  B -- go --> C[z]\n```\nCan you get from "y" to "x"?'
        )
        is True
    )
    with pytest.raises(ParseError, match="both labelled"):
        read_graph('```mermaid\ngraph TD\n  A["x"] --> B["x"]\n```\nCan you get from "x" to "x"?')


def test_cypher_scripts_and_match_questions() -> None:
    def render(edges, s, t):
        stmts = [
            f"MERGE (a:Stop {{name: '{a}'}}) MERGE (b:Stop {{name: '{b}'}}) MERGE (a)-[:NEXT]->(b);"
            for a, b in edges
        ]
        script = "\n".join(stmts)
        return (f"{script}\n\nAfter running the statements above, does\nMATCH (x:Stop {{name: '{s}'}})-[:NEXT*]->"
                f"(y:Stop {{name: '{t}'}}) RETURN y LIMIT 1\nreturn a row?")  # fmt: skip

    _check(render)
    base = "MERGE (a {name: 'p'}) MERGE (b {name: 'q'}) MERGE (a)-[:R]->(b);\n"
    assert _answer(base + "Does MATCH (x {name: 'q'})<-[:R*]-(y {name: 'p'}) RETURN x return a row?") is True
    assert (
        _answer(base + "Does MATCH (x {name: 'p'})-[:R*]->(y {name: 'q'}) RETURN y return no rows?") is False
    )
    assert (
        _answer(base + "Does MATCH (x {name: 'p'})-[:OTHER*]->(y {name: 'q'}) RETURN y return a row?")
        is False
    )
    with pytest.raises(ParseError, match="bounds the path length"):
        read_graph(base + "Does MATCH (x {name: 'p'})-[:R*1..2]->(y {name: 'q'}) RETURN y return a row?")


def test_html_navigation_and_a_start_told_before_the_question() -> None:
    def render(edges, s, t):
        links: dict[str, list[str]] = {}
        for a, b in edges:
            links.setdefault(a, []).append(b)
        anchor = '<a href="/{0}.html">{0}</a>'
        blocks = [
            f"<!-- /{a}.html -->\n<nav>{' '.join(anchor.format(b) for b in bs)}</nav>"
            for a, bs in links.items()
        ]
        pages = "\n".join(blocks)
        return (f"Nav blocks:\n\n{pages}\n\nA visitor lands on /{s}.html. Only clicking links (no typing URLs), "
                f"can they end up on /{t}.html?")  # fmt: skip

    _check(render)


def test_spreadsheet_formulas_are_dependencies() -> None:
    text = "A1: 5\nA2: =A1*2\nB1: =SUM(A1:A2)\nC1: =B1+7\nD1: 3\nDoes the value in C1 depend, directly or indirectly, on cell A1?"
    assert _answer(text) is True
    assert _answer(text.replace("on cell A1", "on cell D1")) is False
    assert _answer(text.replace("C1 depend", "A1 depend").replace("cell A1", "cell C1")) is False
    with pytest.raises(ParseError, match="another sheet"):
        read_graph("A1: 1\nA2: =Sheet2!A1\nA3: =A2\nDoes A3 depend on A1?")


def test_networkx_code_is_run_by_its_own_rules() -> None:
    def render(edges, s, t):
        return (f"```python\nimport networkx as nx\n\nG = nx.DiGraph()\nG.add_nodes_from({WORDS!r})\n"
                f"G.add_edges_from({edges!r})\nprint(nx.has_path(G, {s!r}, {t!r}))\n```\nDoes this print True?")  # fmt: skip

    _check(render, declared=True)
    undirected = "```python\nimport networkx as nx\nG = nx.Graph()\nG.add_edge('a', 'b')\nprint(nx.has_path(G, 'b', 'a'))\n```\n"
    assert _answer(undirected + "Does this print True?") is True
    assert _answer(undirected + "Does this print False?") is False
    assert _answer(undirected.replace("nx.Graph", "nx.DiGraph") + "What does this print?") is False
    removed = undirected.replace("print", "G.remove_edge('b', 'a')\nprint")
    assert _answer(removed + "What does this print?") is False
    with pytest.raises(ParseError, match="not a graph construction"):
        read_graph(undirected.replace("print", "G = G.reverse()\nprint") + "Does this print True?")


def test_leetcode_inputs_include_isolated_vertices() -> None:
    stem = ("There is a bi-directional graph with n vertices labeled 0 to n - 1. Return true if there is a valid path "
            "from source to destination, false otherwise.\n\n")  # fmt: skip
    assert (
        _answer(stem + "Input: n = 4, edges = [[0,1],[2,1]], source = 2, destination = 0\nOutput: ?") is True
    )
    assert (
        _answer(stem + "Input: n = 4, edges = [[0,1],[2,1]], source = 3, destination = 0\nOutput: ?") is False
    )
    with pytest.raises(ParseError, match="not one of the n"):
        read_graph(stem + "Input: n = 2, edges = [[0,5]], source = 0, destination = 5\nOutput: ?")


def test_tool_call_arguments_and_inline_edge_sets() -> None:
    call = ('{"tool": "graph.reachable", "arguments": {"directed": true, "edges": [["a", "b"], ["c", "b"]], '
            '"source": "%s", "target": "%s"}}')  # fmt: skip
    assert _answer("Simulate this call:\n" + call % ("a", "b")) is True
    assert _answer("Simulate this call:\n" + call % ("b", "a")) is False
    with pytest.raises(ParseError, match="not a reachability tool"):
        read_graph(
            '{"tool": "graph.shortest_path_length", "arguments": {"edges": [["a", "b"]], "source": "a", "target": "b"}}'
        )
    assert (
        _answer(
            "Undirected graph with edge set E = [(0, 5), (5, 2), (3, 4)]. Is there a path between 2 and 0?"
        )
        is True
    )
    text = "Given the undirected edges [(1, 2), (3, 4)], decide whether 1 and 4 are in the same connected component."
    assert _answer(text) is False


def test_labelled_arrows_are_one_edge_not_a_chain_through_the_label() -> None:
    text = "OPEN --fail--> ARCHIVED\nNEW --reset--> IDLE\nDRAFT --ack--> NEW\nStarting in state NEW, can the machine ever reach state DRAFT?"
    assert _answer(text) is False  # not NEW - reset - ... : 'reset' and 'ack' are events, not states
    assert _answer(text.replace("state NEW,", "state DRAFT,").replace("state DRAFT?", "state IDLE?")) is True


def test_questions_of_the_blind2_styles() -> None:
    g = "a -> b\nb -> c\n"
    for q, expected in [
        ("Using BFS from a, is c visited?", True),
        ("Using BFS from c, is a visited?", False),
        ("Is a (transitively) dependent on c?", True),
        ("Walking the arrows starting at a, do we ever hit c?", True),
        ("From c, by repeatedly following arrows, is a reachable?", False),
        ("Is state a able to reach state c through some sequence of events?", True),
        ("Is there a chain of arrows leading from c to a?", False),
        ("If someone emails a, can the message end up at c?", True),
        ("Do the rules route mail addressed to c (possibly after several hops) to a?", False),
        ("If a starts the phone tree, will c eventually hear the news?", True),
        ("The message starts with c. Does it reach a?", False),
    ]:
        assert _answer(g + q) == expected, q


def test_build_order_questions_need_dependency_edges() -> None:
    # plain arrows do not say which way a build order runs: refused; "depends on" edges do
    for q in (
        "Will we have to create c before a?",
        "If I build a, will c get built?",
        "Would changing c affect a?",
    ):
        with pytest.raises(ParseError, match="build or update order"):
            read_graph("a -> b\nb -> c\n" + q)
    deps = "a depends on b. b depends on c. "
    assert _answer(deps + "Will we have to create c before a?") is True
    assert _answer(deps + "Will we have to create a before c?") is False


def test_a_start_clause_that_changes_the_moves_is_refused() -> None:
    with pytest.raises(ParseError):
        read_graph("a -> b\nb -> c\nWalking the arrows backwards starting at c, do we ever hit a?")
    with pytest.raises(ParseError):
        read_graph("a -> b\nb -> c\nA visitor starts at c. Ignoring the arrows, can they reach a?")


def test_blind2_dev_half_has_no_wrong_answer() -> None:
    items = [json.loads(line) for line in BLIND2.read_text().splitlines() if line.strip()]
    correct = 0
    for it in items:
        try:
            p = read_graph(it["text"]).problem
        except ParseError:
            continue
        assert it["expected"] is not None, ("a contradictory text was answered", it["text"][:300])
        assert oracle(p) == it["expected"], it["text"][:300]
        correct += 1
    assert correct >= 0.85 * len(items), correct


def test_dependency_notations_answer_only_questions_that_say_which_way() -> None:
    make = "```make\napp: main.o util.o\nmain.o: util.o\nlib.o: app\n```\n"
    # hand-worked: app needs main.o and util.o; main.o needs util.o; lib.o needs app
    assert _answer(make + "Is util.o a prerequisite (direct or indirect) of lib.o?") is True
    assert _answer(make + "Is lib.o a prerequisite of util.o?") is False
    assert _answer(make + "Does lib.o depend on util.o, directly or indirectly?") is True
    assert _answer(make + "Would changing util.o affect lib.o?") is True
    for q in ("Is there a path from app to util.o?", "Is util.o downstream of app?", "Does util.o feed app?"):
        with pytest.raises(ParseError, match="which way"):
            read_graph(make + q)


def test_notation_edges_are_asked_about_in_their_own_sense() -> None:
    log = "commit aaaa111 (parents: bbbb222)\ncommit bbbb222 (parents: cccc333)\ncommit dddd444 (parents: cccc333)\n"
    assert _answer(log + "Is cccc333 an ancestor of aaaa111?") is True
    assert _answer(log + "Is aaaa111 an ancestor of cccc333?") is False
    assert _answer(log + "Is aaaa111 a descendant of commit cccc333?") is True
    assert _answer(log + "Is cccc333 reachable from dddd444?") is True
    with pytest.raises(ParseError, match="parents"):
        read_graph(log + "Is there a path from cccc333 to aaaa111?")
    chart = "```mermaid\nflowchart LR\n  A --> B\n  B --> C\n```\n"
    with pytest.raises(ParseError, match="relation"):
        read_graph(chart + "Does C depend on A?")


def test_mermaid_state_diagrams_keep_start_and_end_apart() -> None:
    text = (
        "```mermaid\nstateDiagram-v2\n  [*] --> Idle\n  Idle --> Running : start\n  Running --> Idle : stop\n"
        "  Running --> [*]\n  Done --> [*]\n```\n"
    )
    assert _answer(text + "Can the machine get from Idle to Running by following the arrows?") is True
    assert _answer(text + "Can the machine get from Running to Done by following the arrows?") is False
    assert _answer("graph TD; A-->B; B-->C\nCan you get from C to A by following the arrows?") is False


def test_networkx_literal_variables_and_keyword_arguments() -> None:
    code = (
        "```python\nimport networkx as nx\nedges = [('a', 'b'), ('b', 'c')]\nG = nx.DiGraph()\n"
        "G.add_edges_from(edges)\nprint(nx.has_path(G, source='%s', target='%s'))\n```\nWhat does this print?"
    )
    assert _answer(code % ("a", "c")) is True
    assert _answer(code % ("c", "a")) is False


def test_denials_behind_labels_parentheses_and_capitals_are_checked() -> None:
    links = "Undirected links:\nX - J\nX - G\nJ - AC\n"
    for denial in (
        "Note: G and X are NOT connected to each other directly.",
        "(correction from ops: there is no link between X and G)",
        "Important: no edge exists between G and X.",
    ):
        with pytest.raises(ParseError, match="contradiction"):
            read_graph(links + denial + "\nIs J reachable from G?")
    # hyphenated names in a denial stay whole (the spaced dash is the edge)
    text = "Undirected links:\ndb-26 - cache-22\ncache-50 - db-27\nNote: db-27 and cache-50 are NOT connected to each other directly.\nIs db-26 reachable from cache-22?"
    with pytest.raises(ParseError, match="contradiction"):
        read_graph(text)
    assert (
        _answer(
            "Roads (two-way): A road connects P and Q. No road runs straight from P to R. Can you travel from P to Q?"
        )
        is True
    )


def test_trail_prose_and_yaml_dependency_keys() -> None:
    trails = (
        "Park ranger's trail notes: From Low Rock you can hike the Ridge Trail to Deer Market (and back). The Creek "
        "Trail links Low Rock with East Camp. Pine Junction and Hawk Quarry are joined by the Fern Trail. All trails "
        "can be walked in both directions. "
    )
    assert (
        _answer(trails + "Is it possible to hike from Deer Market to East Camp using only these trails?")
        is True
    )
    assert (
        _answer(trails + "Is East Camp cut off from Hawk Quarry, i.e. is there no way to hike between them?")
        is True
    )
    compose = (
        "```yaml\nservices:\n  web:\n    image: nginx\n    depends_on:\n      - api\n  api:\n    depends_on: [db]\n"
        "  db:\n    image: postgres\n  cache:\n    image: redis\n```\n"
    )
    assert _answer(compose + "Does web depend on db, directly or indirectly?") is True
    assert _answer(compose + "Does db depend on web, directly or indirectly?") is False
    assert _answer(compose + "Does cache depend on db, directly or indirectly?") is False


def test_more_wordings_of_the_blind2_styles() -> None:
    machine = "IDLE --time-out--> FAILED\nFAILED --user retry--> IDLE\nDONE --archive--> ARCHIVED\n"
    assert _answer(machine + "Starting in state ARCHIVED, can the machine ever reach state IDLE?") is False
    assert _answer(machine + "Starting in state FAILED, can the machine ever reach state IDLE?") is True
    tree = "Phone tree: Karl calls Otto. Otto texts Uma. Uma tells Ivo.\n"
    assert _answer(tree + "Starting with Karl, does the message reach Ivo?") is True
    assert _answer(tree + "Will Karl hear the news if Uma starts the phone tree?") is False
    mail = "a@x.com -> forward to b@x.com\nb@x.com -> forward to c@x.com\n"
    assert _answer(mail + "Is mail sent to a@x.com eventually delivered to c@x.com?") is True
    assert _answer(mail + "Is mail sent to c@x.com eventually delivered to a@x.com?") is False


def test_a_lead_in_that_turns_the_arrows_is_refused() -> None:
    chart = "```mermaid\nflowchart LR\n  A --> B\n  B --> C\n```\n"
    assert _answer(chart + "Following arrow direction, can you get from A to C?") is True
    for lead in ("Following the arrows backwards", "Ignoring arrow direction"):
        with pytest.raises(ParseError):
            read_graph(chart + f"{lead}, can you get from C to A?")


def test_relative_links_and_undirected_cypher_relationships() -> None:
    nav = (
        '<!-- /docs/index.html -->\n<nav><a href="about.html">about</a></nav>\n'
        '<!-- /docs/about.html -->\n<nav><a href="../shop.html">shop</a></nav>\n'
    )
    assert (
        _answer(
            nav + "A visitor lands on /docs/index.html. Only clicking links, can they end up on /shop.html?"
        )
        is True
    )
    assert (
        _answer(
            nav + "A visitor lands on /shop.html. Only clicking links, can they end up on /docs/index.html?"
        )
        is False
    )
    script = "MERGE (a {name: 'p'}) MERGE (b {name: 'q'}) MERGE (a)-[:R]-(b);\n"
    with pytest.raises(ParseError, match="without a direction"):
        read_graph(script + "Does MATCH (x {name: 'q'})-[:R*]->(y {name: 'p'}) RETURN y return a row?")
    assert _answer(script + "Does MATCH (x {name: 'q'})-[:R*]-(y {name: 'p'}) RETURN y return a row?") is True
    assert _answer("State Street - Main. Street - Park.\nCan you get from State Street to Park?") is False


def test_networkx_script_outside_a_code_block() -> None:
    script = "import networkx as nx\nG = nx.DiGraph()\nG.add_edge('a', 'b')\nG.add_edge('b', 'c')\nprint(nx.has_path(G, '%s', '%s'))\n\n"
    assert _answer(script % ("a", "c") + "What does this print?") is True
    assert _answer(script % ("c", "a") + "Does this print True?") is False


def test_a_spaced_label_between_dashes_and_an_arrow_is_refused() -> None:
    # "IDLE -- start --> RUNNING" is Mermaid's labelled arrow or a chain through a node 'start': not guessed
    with pytest.raises(ParseError, match="labelled"):
        read_graph(
            "IDLE -- start --> RUNNING\nRUNNING -- stop --> IDLE\nCan the machine get from IDLE to RUNNING?"
        )
