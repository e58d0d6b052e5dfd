"""Graph suites for bench/external.py: text written the way others write it, labelled by networkx (never by the
project's own solver).

- `graphqa_<encoding>`: GraphQA ("Talk like a Graph: Encoding Graphs for Large Language Models", Fatemi, Halcrow
  and Perozzi, ICLR 2024) reachability prompts, re-implemented from the paper: its graph generators (Erdos-Renyi,
  Barabasi-Albert, stochastic block, scale-free, star, path, complete; 5-20 nodes) and its text encoders
  (adjacency, incident, coauthorship, friendship, social network, expert, politician, GOT, South Park), the
  question "Q: Is there a path from node X to node Y?" and the answer slot "A:". The templates are written from
  memory of the paper and its released encoders, not copied from its code: the sentence frames below are the ones
  I recall ("G describes a graph among ...", "In this graph:", "We have the following edges in G:", "... wrote a
  paper together", "You are a graph analyst ...", "G has the following undirected edges:"); the name lists are
  close to, but may differ from, the released ones. `graphqa_cot_<encoding>` adds the zero-shot chain-of-thought
  cue ("A: Let's think step by step.").
- `rg_path_star`: reasoning-gym's `path_star` (third-party generator, as generated): it asks for a path, which
  the solve's witness answers. Each item carries `witness` (reasoning-gym's own label path) and `expected` True;
  `python bench/external_suites/graph.py` checks the reading's witness path against networkx and that label.
- `graph_notations`: the notations of issue 14 (one-way flights, titled adjacency lists, markdown tables, bullets,
  assistant and chat wrappers, DOT, JSON-like text, arrows of every kind, relation sentences, ids / lowercase /
  multi-word / numeric / keyword names). These phrasings are the project's own, so they show coverage, not
  evidence; the published and third-party suites are the evidence.
- `graph_negation`: negated facts (a constraint: the question is answered from the graph) and contradictions
  (expected "refuse": a refusal is the right outcome there, and any answer is wrong).

Run the reading alone against networkx (no model), these suites and the published NLGraph one:
    python bench/external_suites/graph.py [--suite NAME] [--n N] [--quiet]
"""

from __future__ import annotations

import random
import string
import sys
from collections.abc import Callable
from typing import Any

import networkx as nx

Item = dict[str, Any]

# -- GraphQA ---------------------------------------------------------------------------------------------------
_FIRST_NAMES = [
    "James",
    "Robert",
    "John",
    "Michael",
    "David",
    "Mary",
    "Patricia",
    "Jennifer",
    "Linda",
    "Elizabeth",
    "William",
    "Richard",
    "Joseph",
    "Thomas",
    "Christopher",
    "Barbara",
    "Susan",
    "Jessica",
    "Sarah",
    "Karen",
    "Daniel",
    "Paul",
    "Mark",
    "Donald",
    "Nancy",
    "Lisa",
    "Betty",
    "Sandra",
    "Margaret",
    "Ashley",
]
_POLITICIANS = [
    "Barack",
    "Jimmy",
    "Arnold",
    "Bernie",
    "Bill",
    "Kamala",
    "Hillary",
    "Elizabeth",
    "John",
    "Ben",
    "Joe",
    "Alexandria",
    "George",
    "Nancy",
    "Pete",
    "Madeleine",
    "Elijah",
    "Gabrielle",
    "Al",
    "Ted",
]
_GOT = [
    "Ned",
    "Cat",
    "Daenerys",
    "Jon",
    "Bran",
    "Sansa",
    "Arya",
    "Cersei",
    "Jaime",
    "Petyr",
    "Robert",
    "Jorah",
    "Viserys",
    "Joffrey",
    "Maester",
    "Theon",
    "Rodrik",
    "Lysa",
    "Stannis",
    "Osha",
]
_SOUTH_PARK = [
    "Eric",
    "Kenny",
    "Kyle",
    "Stan",
    "Tolkien",
    "Heidi",
    "Bebe",
    "Liane",
    "Sharon",
    "Linda",
    "Gerald",
    "Veronica",
    "Michael",
    "Jimbo",
    "Herbert",
    "Malcolm",
    "Gary",
    "Steve",
    "Chris",
    "Wendy",
]
_LETTERS = list(string.ascii_uppercase)


def _names(kind: str, n: int) -> list[str]:
    table = {
        "integer": [str(i) for i in range(n)],
        "letters": _LETTERS,
        "first": _FIRST_NAMES,
        "politician": _POLITICIANS,
        "got": _GOT,
        "south_park": _SOUTH_PARK,
    }[kind]
    return table[:n]


def _node_list(names: list[str]) -> str:
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _enc_adjacency(g: nx.Graph, nm: list[str]) -> str:
    out = "In an undirected graph, (i,j) means that node i and node j are connected with an undirected edge. "
    out += f"G describes a graph among nodes {_node_list(nm)}.\n"
    if g.edges():
        out += "The edges in G are: " + " ".join(f"({nm[i]}, {nm[j]})" for i, j in g.edges())
    return out.strip() + ".\n"


def _enc_incident(g: nx.Graph, nm: list[str]) -> str:
    out = f"G describes a graph among {_node_list(nm)}.\nIn this graph:\n"
    for v in g.nodes():
        nbrs = [nm[u] for u in g.neighbors(v)]
        if nbrs:
            out += f"Node {nm[v]} is connected to nodes {', '.join(nbrs)}.\n"
    return out


def _enc_pairs(head: str, intro: str, line: str) -> Callable[[nx.Graph, list[str]], str]:
    def enc(g: nx.Graph, nm: list[str]) -> str:
        out = head.format(nodes=_node_list(nm)) + "\n"
        if g.edges():
            out += intro + "\n"
        return out + "".join(line.format(a=nm[i], b=nm[j]) + "\n" for i, j in g.edges())

    return enc


_ENCODINGS: dict[str, tuple[str, Callable[[nx.Graph, list[str]], str]]] = {
    "adjacency": ("integer", _enc_adjacency),
    "incident": ("integer", _enc_incident),
    "coauthorship": (
        "first",
        _enc_pairs(
            "G describes a coauthorship graph among {nodes}.",
            "In this coauthorship graph:",
            "{a} and {b} wrote a paper together.",
        ),
    ),
    "friendship": (
        "first",
        _enc_pairs(
            "G describes a friendship graph among {nodes}.",
            "We have the following edges in G:",
            "{a} and {b} are friends.",
        ),
    ),
    "social_network": (
        "first",
        _enc_pairs(
            "G describes a social network graph among {nodes}.",
            "We have the following edges in G:",
            "{a} and {b} are connected.",
        ),
    ),
    "expert": (
        "letters",
        _enc_pairs(
            "You are a graph analyst and you have been given a graph G among {nodes}.",
            "G has the following undirected edges:",
            "{a} -> {b}",
        ),
    ),
    "politician": (
        "politician",
        _enc_pairs(
            "G describes a social network graph among {nodes}.",
            "We have the following edges in G:",
            "{a} and {b} are connected.",
        ),
    ),
    "got": (
        "got",
        _enc_pairs(
            "G describes a friendship graph among {nodes}.",
            "We have the following edges in G:",
            "{a} and {b} are friends.",
        ),
    ),
    "south_park": (
        "south_park",
        _enc_pairs(
            "G describes a friendship graph among {nodes}.",
            "We have the following edges in G:",
            "{a} and {b} are friends.",
        ),
    ),
}


def _graphqa_graph(rng: random.Random) -> nx.Graph:
    """One of GraphQA's random graph families, 5-20 nodes, undirected and simple."""
    n = rng.randint(5, 20)
    seed = rng.randrange(1 << 30)
    family = rng.choice(["er", "ba", "sbm", "sfn", "star", "path", "complete"])
    if family == "er":
        g = nx.erdos_renyi_graph(n, rng.uniform(0.05, 0.5), seed=seed)
    elif family == "ba":
        g = nx.barabasi_albert_graph(n, rng.randint(1, min(3, n - 1)), seed=seed)
    elif family == "sbm":
        k = rng.randint(2, 3)
        sizes = [n // k + (1 if i < n % k else 0) for i in range(k)]
        across = rng.uniform(0.0, 0.05)
        probs = [[rng.uniform(0.3, 0.7) if i == j else across for j in range(k)] for i in range(k)]
        probs = [[probs[min(i, j)][max(i, j)] for j in range(k)] for i in range(k)]
        g = nx.Graph(nx.stochastic_block_model(sizes, probs, seed=seed))
    elif family == "sfn":
        g = nx.Graph(nx.scale_free_graph(n, seed=seed).to_undirected())
        g.remove_edges_from(nx.selfloop_edges(g))
    elif family == "star":
        g = nx.star_graph(n - 1)
    elif family == "path":
        g = nx.path_graph(n)
    else:
        g = nx.complete_graph(n)
    return nx.convert_node_labels_to_integers(g)


def _pair(g: nx.Graph, rng: random.Random, want: bool | None) -> tuple[int, int]:
    """A source and target: connected or not as `want` asks where the graph allows it."""
    nodes = list(g.nodes())
    for _ in range(50):
        s, t = rng.sample(nodes, 2)
        if want is None or nx.has_path(g, s, t) == want:
            return s, t
    return rng.sample(nodes, 2)  # type: ignore[return-value]


def graphqa(encoding: str, cot: bool = False) -> Callable[[int | None, int], list[Item]]:
    names_kind, encode = _ENCODINGS[encoding]

    def make(n: int | None, seed: int) -> list[Item]:
        rng = random.Random(f"graphqa-{encoding}-{seed}")
        items = []
        for i in range(n or 300):
            g = _graphqa_graph(rng)
            nm = _names(names_kind, g.number_of_nodes())
            s, t = _pair(g, rng, want=i % 2 == 0)
            text = encode(g, nm) + f"Q: Is there a path from node {nm[s]} to node {nm[t]}?\nA: "
            if cot:
                text += "Let's think step by step."
            bucket = f"GraphQA {encoding}{' cot' if cot else ''}"
            items.append({"text": text, "expected": nx.has_path(g, s, t), "bucket": bucket})
        return items

    return make


# -- reasoning-gym path_star ------------------------------------------------------------------------------------
def rg_path_star(n: int | None, seed: int) -> list[Item]:
    import reasoning_gym

    ds = reasoning_gym.create_dataset("path_star", size=n or 300, seed=seed)
    return [
        {
            "text": it["question"],
            "expected": True,
            "bucket": "reasoning-gym path_star",
            "witness": it["answer"].split(),
        }
        for it in ds
    ]


# -- notations ----------------------------------------------------------------------------------------------
_CITY = [
    "Paris",
    "Lyon",
    "Nice",
    "Lille",
    "Brest",
    "Metz",
    "Dijon",
    "Tours",
    "Nantes",
    "Rouen",
    "Reims",
    "Caen",
    "Pau",
    "Albi",
    "Agen",
]
_MULTI = [
    "New York",
    "Los Angeles",
    "San Francisco",
    "Salt Lake City",
    "Las Vegas",
    "El Paso",
    "St Louis",
    "Kansas City",
    "New Orleans",
    "Des Moines",
    "Santa Fe",
    "Green Bay",
]
_KEYWORDS = ["DO", "IS", "TO", "NO", "IF", "NOT", "OR", "AND", "IN", "ON", "AT", "BE"]


def _label_set(rng: random.Random, k: int) -> list[str]:
    style = rng.choice(["ids", "lower", "multi", "numbers", "keywords", "cities", "letters"])
    if style == "ids":
        pool = [f"srv-{i:02d}" for i in range(1, 40)]
    elif style == "lower":
        pool = [
            "alpha",
            "bravo",
            "delta",
            "echo",
            "golf",
            "hotel",
            "india",
            "kilo",
            "lima",
            "mike",
            "oscar",
            "papa",
        ]
    elif style == "multi":
        pool = list(_MULTI)
    elif style == "numbers":
        pool = [str(x) for x in rng.sample(range(1, 500), 30)]
    elif style == "keywords":
        pool = list(_KEYWORDS)
    elif style == "cities":
        pool = list(_CITY)
    else:
        pool = list(string.ascii_uppercase)
    rng.shuffle(pool)
    return pool[:k]


def _random_graph(rng: random.Random, directed: bool) -> tuple[nx.Graph, list[str]]:
    k = rng.randint(4, 9)
    labels = _label_set(rng, k)
    k = len(labels)
    g: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(labels)
    m = rng.randint(k - 2, k + 2)
    while g.number_of_edges() < m:
        a, b = rng.sample(labels, 2)
        g.add_edge(a, b)
    return g, labels


def _ask(g: nx.Graph, rng: random.Random, want: bool) -> tuple[str, str, bool]:
    nodes = [v for v in g.nodes() if g.degree(v) > 0]
    for _ in range(60):
        s, t = rng.sample(nodes, 2)
        if nx.has_path(g, s, t) == want:
            return s, t, want
    s, t = rng.sample(nodes, 2)
    return s, t, nx.has_path(g, s, t)


_SAFE = {"ids", "lower", "cities", "letters"}  # names that may stand bare in a sentence


def _question(s: str, t: str, directed: bool, rng: random.Random) -> str:
    if directed:
        forms = [f"Can you get from {s} to {t}?", f"Is {t} reachable from {s}?", f"Does {s} lead to {t}?"]
    else:
        forms = [
            f"Is {s} connected to {t}?",
            f"Is there a path between {s} and {t}?",
            f"Are {s} and {t} connected?",
        ]
    return rng.choice(forms)


def _atom(v: object) -> str:
    """A Prolog atom: quoted unless a lower-case word."""
    text = str(v)
    return text if text.replace("_", "").isalnum() and text[:1].islower() else f"'{text}'"


def _edges_text(g: nx.Graph, form: str, rng: random.Random) -> str:
    e = list(g.edges())
    rng.shuffle(e)
    if form == "flights":
        return "One-way flights: " + "; ".join(f"{a} to {b}" for a, b in e) + "."
    if form == "adjacency":
        lines = [
            f"{v}: {', '.join(str(u) for u in g.neighbors(v))}" for v in g.nodes() if list(g.neighbors(v))
        ]
        title = "Adjacency list (directed):" if g.is_directed() else "Adjacency list:"
        return title + "\n" + "\n".join(lines)
    if form == "table":
        head = "| from | to |\n|------|----|\n" if g.is_directed() else "| node A | node B |\n|---|---|\n"
        body = "\n".join(f"| {a} | {b} |" for a, b in e)
        return ("Directed edges:\n" if g.is_directed() else "") + head + body
    if form == "bullets":
        op = "->" if g.is_directed() else "-"
        return "Edges:\n" + "\n".join(f"{rng.choice('-*•')} {a} {op} {b}" for a, b in e)
    if form == "dot":
        kind, op = ("digraph", "->") if g.is_directed() else ("graph", "--")
        return f"{kind} G {{\n" + "\n".join(f'  "{a}" {op} "{b}";' for a, b in e) + "\n}"
    if form == "json_like":
        adj = {v: list(g.neighbors(v)) for v in g.nodes() if list(g.neighbors(v))}
        return (
            "graph = {"
            + ", ".join(f"{v}: [{', '.join(map(str, n))}]" for v, n in adj.items())
            + "}"
            + (" (directed)" if g.is_directed() else "")
        )
    if form.startswith("arrow:"):
        op = form.split(":", 1)[1]
        return ", ".join(f"{a} {op} {b}" for a, b in e) + "."
    if form == "prolog":
        pred = "arc" if g.is_directed() else "connected"
        return "\n".join(f"{pred}({_atom(a)}, {_atom(b)})." for a, b in e)
    if form == "sql":
        table = "one_way_links" if g.is_directed() else "roads"
        rows = ", ".join(f"('{a}', '{b}')" for a, b in e)
        return f"CREATE TABLE {table} (src TEXT, dst TEXT);\nINSERT INTO {table} (src, dst) VALUES {rows};"
    if form == "matrix":
        nodes = [str(v) for v in g.nodes()]
        if any(" " in v for v in nodes):
            return _edges_text(g, "arrow:->" if g.is_directed() else "arrow:--", rng)
        rows = [" ".join("1" if g.has_edge(a, b) else "0" for b in g.nodes()) for a in g.nodes()]
        head = (
            "Adjacency matrix of a directed graph (row -> column):"
            if g.is_directed()
            else "Adjacency matrix:"
        )
        return (
            head
            + "\n  "
            + " ".join(nodes)
            + "\n"
            + "\n".join(f"{v} {r}" for v, r in zip(nodes, rows, strict=True))
        )
    if form == "csv":
        head = "each row is a directed edge" if g.is_directed() else "each row is an undirected edge"
        return f"edges.csv ({head}):\n```\nsource,target\n" + "\n".join(f"{a},{b}" for a, b in e) + "\n```"
    if form == "yaml":
        tail = (
            "Routes are one-way (from -> to)."
            if g.is_directed()
            else "Routes can be used in both directions."
        )
        return "```yaml\nroutes:\n" + "".join(f"  - from: {a}\n    to: {b}\n" for a, b in e) + "```\n" + tail
    if form == "sets":
        kind = "directed" if g.is_directed() else "undirected"
        pairs = ", ".join((f"({a}, {b})" if g.is_directed() else f"{{{a}, {b}}}") for a, b in e)
        nodes = ", ".join(map(str, g.nodes()))
        return f"Let G = (V, E) be the {kind} graph with V = {{{nodes}}} and E = {{{pairs}}}."
    if form == "code":
        op = "->" if g.is_directed() else "--"
        return "```\n" + "\n".join(f"{a} {op} {b}" for a, b in e) + "\n```"
    raise ValueError(form)


_SENTENCES = {  # (template, directed)
    "roads": ("There is a road between {a} and {b}.", False),
    "oneway_roads": ("There is a one-way road from {a} to {b}.", True),
    "links": ("{a} links to {b}.", True),
    "flights": ("There is a flight from {a} to {b}.", True),
    "friends": ("{a} and {b} are friends.", False),
    "neighbours": ("{a} is a neighbour of {b}.", False),
    "follows": ("{a} follows {b}.", True),
    "depends": ("{a} depends on {b}.", True),
    "connected": ("{a} is connected to {b}.", False),
}
_WRAPPERS = [
    "You are a helpful assistant that answers questions about graphs.\n\n{body}\n\nAnswer with yes or no.",
    "System: You are a careful reasoning assistant.\nUser: {body}\nAssistant:",
    "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\n{body}<|im_end|>\n"
    "<|im_start|>assistant",
    "Here is the problem:\n{body}\nThink step by step, then give your final answer.",
    "{body}\nPlease answer with only yes or no.",
]


def graph_notations(n: int | None, seed: int) -> list[Item]:
    rng = random.Random(f"notations-{seed}")
    forms = [
        "flights", "adjacency", "table", "bullets", "dot", "json_like", "code", "prolog", "sql", "matrix", "csv",
        "yaml", "sets", "arrow:->", "arrow:→", "arrow:=>", "arrow:-->", "arrow:<->", "arrow:—",
    ]  # fmt: skip
    items: list[Item] = []
    for i in range(n or 600):
        kind = rng.choice(["form", "sentence", "wrapper"])
        want = i % 2 == 0
        if kind == "sentence":
            sname = rng.choice(sorted(_SENTENCES))
            template, directed = _SENTENCES[sname]
            g, _ = _random_graph(rng, directed)
            while not (set(map(str, g.nodes())) <= set(_CITY) | set(string.ascii_uppercase) | set(_MULTI)):
                g, _ = _random_graph(rng, directed)  # sentences: names that read as names in prose
            body = " ".join(template.format(a=a, b=b) for a, b in g.edges())
            bucket = f"sentences: {sname}"
        else:
            form = rng.choice(forms)
            directed = form in ("flights",) or (form not in ("arrow:<->", "arrow:—") and rng.random() < 0.5)
            if form.startswith("arrow:"):
                directed = form in ("arrow:->", "arrow:→", "arrow:=>", "arrow:-->")
            g, _ = _random_graph(rng, directed)
            body = _edges_text(g, form, rng)
            bucket = f"notation: {form}" if kind == "form" else f"wrapped: {form}"
        s, t, answer = _ask(g, rng, want)
        body = f"{body}\n{_question(s, t, g.is_directed(), rng)}"
        if kind == "wrapper":
            body = rng.choice(_WRAPPERS).format(body=body)
        items.append({"text": body, "expected": answer, "bucket": bucket})
    return items


# -- negation and contradiction --------------------------------------------------------------------------------
_DENY_EDGE = [
    "There is no road between {a} and {b}.",
    "{a} is not linked to {b}.",
    "{a} isn't adjacent to {b}.",
    "There is no direct edge between {a} and {b}.",
    "No road connects {a} and {b}.",
    "{a} and {b} are not neighbours.",
]
_DENY_PATH = [
    "{b} is unreachable from {a}.",
    "There is no path between {a} and {b}.",
    "{a} cannot reach {b}.",
    "You can't get from {a} to {b}.",
    "{a} and {b} are in different components.",
]


def graph_negation(n: int | None, seed: int) -> list[Item]:
    """Negated facts that hold (answered from the graph) and ones that contradict the edges (refused)."""
    rng = random.Random(f"negation-{seed}")
    items: list[Item] = []
    for i in range(n or 400):
        g = nx.Graph()
        labels = rng.sample(list(string.ascii_uppercase) + _CITY, rng.randint(5, 8))
        g.add_nodes_from(labels)
        while g.number_of_edges() < len(labels) - 2:
            g.add_edge(*rng.sample(labels, 2))
        edges = [f"{a}-{b}" for a, b in g.edges()]
        non_edges = [(a, b) for a in labels for b in labels if a < b and not g.has_edge(a, b)]
        apart = [(a, b) for a, b in non_edges if not nx.has_path(g, a, b)]
        mode = i % 4
        s, t, _ = _ask(g, rng, want=i % 8 < 4)
        question = _question(s, t, False, rng)
        if mode == 0 and non_edges:  # a denied edge that holds: a constraint, the answer comes from the graph
            a, b = rng.choice(non_edges)
            text = f"{', '.join(edges)}. {rng.choice(_DENY_EDGE).format(a=a, b=b)} {question}"
            items.append(
                {"text": text, "expected": nx.has_path(g, s, t), "bucket": "negated edge, consistent"}
            )
        elif mode == 1 and apart:  # a denied path that holds
            a, b = rng.choice(apart)
            text = f"{', '.join(edges)}. {rng.choice(_DENY_PATH).format(a=a, b=b)} {question}"
            items.append(
                {"text": text, "expected": nx.has_path(g, s, t), "bucket": "negated path, consistent"}
            )
        elif mode == 2:  # a denied edge the text also states: a contradiction
            a, b = rng.choice(list(g.edges()))
            text = f"{', '.join(edges)}. {rng.choice(_DENY_EDGE).format(a=a, b=b)} {question}"
            items.append({"text": text, "expected": "refuse", "bucket": "contradiction: edge"})
        else:  # a denied path the edges give: a contradiction
            pairs = [
                (a, b)
                for a in labels
                for b in labels
                if a < b and nx.has_path(g, a, b) and not g.has_edge(a, b)
            ]
            if not pairs:
                continue
            a, b = rng.choice(pairs)
            text = f"{', '.join(edges)}. {rng.choice(_DENY_PATH).format(a=a, b=b)} {question}"
            items.append({"text": text, "expected": "refuse", "bucket": "contradiction: path"})
    return items


# -- the blind corpus (written without reading the parsers; only its dev half is used while working) -------------
def blind_graph_dev(n: int | None, seed: int) -> list[Item]:
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "tests" / "data" / "blind" / "graph_dev.jsonl"
    items = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return items if n is None else items[:n]


SUITES: dict[str, Callable[[int | None, int], list[Item]]] = {
    **{f"graphqa_{e}": graphqa(e) for e in _ENCODINGS},
    **{f"graphqa_cot_{e}": graphqa(e, cot=True) for e in ("adjacency", "friendship", "expert")},
    "rg_path_star": rg_path_star,
    "graph_notations": graph_notations,
    "graph_negation": graph_negation,
    "blind_graph_dev": blind_graph_dev,
}


# -- reading alone, against networkx ---------------------------------------------------------------------------
def score_reading(items: list[Item]) -> dict[str, dict[str, int]]:
    """Read each item and answer it from the reading with networkx (no model): correct / refused / wrong per
    bucket. Path items are correct only when the witness is a valid path from start to goal (and it is compared
    with the label)."""
    from drt_agent.parsers.graph import read_graph

    from drt_agent.errors import DrtError

    tally: dict[str, dict[str, int]] = {}
    for it in items:
        row = tally.setdefault(it["bucket"], {"correct": 0, "refused": 0, "wrong": 0, "label_differs": 0})
        try:
            p = read_graph(it["text"]).problem
        except DrtError as exc:
            row["correct" if it["expected"] == "refuse" else "refused"] += 1
            if it["expected"] != "refuse" and "--quiet" not in sys.argv:
                print(f"  refused [{it['bucket']}]: {str(exc)[:160]} <- {it['text'][:160]!r}")
            continue
        g = (nx.DiGraph if p.directed else nx.Graph)()
        g.add_nodes_from(p.node_names())
        g.add_edges_from((e.src, e.dst) for e in p.edges)
        answer = nx.has_path(g, p.source, p.target) != p.negated
        ok = answer == it["expected"]
        if ok and "witness" in it:
            path = nx.shortest_path(g, p.source, p.target)
            valid = path[0] == it["witness"][0] and path[-1] == it["witness"][-1] and nx.is_path(g, path)
            ok = valid
            row["label_differs"] += path != it["witness"]
        row["correct" if ok else "wrong"] += 1
        if not ok:
            print(
                f"  WRONG [{it['bucket']}]: expected {it['expected']!r} got {answer!r} <- {it['text'][:200]!r}"
            )
    return tally


def main(argv: list[str]) -> int:
    import argparse

    ap = argparse.ArgumentParser(description="score the graph reading alone (networkx answers the reading)")
    ap.add_argument("--suite", action="append")
    ap.add_argument("--n", type=int, default=None)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from external_suites.published import SUITES as PUBLISHED  # NLGraph (and BBH, not a graph suite)

    available = {"nlgraph": PUBLISHED["nlgraph"], **SUITES}
    print(f"{'suite':<26} {'bucket':<34} {'n':>5} {'correct':>8} {'refused':>8} {'wrong':>6}")
    for name in args.suite or sorted(available):
        for bucket, row in score_reading(available[name](args.n, args.seed)).items():
            total = row["correct"] + row["refused"] + row["wrong"]
            extra = f"  (witness differs from label: {row['label_differs']})" if row["label_differs"] else ""
            print(
                f"{name:<26} {bucket[:34]:<34} {total:>5} {row['correct'] / total:>8.3f} {row['refused']:>8} "
                f"{row['wrong']:>6}{extra}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
