"""Generate tests/data/graph_corpus.jsonl: graph problems rendered into every accepted form, with the expected parse.

The expected parse comes from the generator (the graph it drew), never from the parser, and the expected answer
from networkx on that graph. Regenerate with:

    .venv/bin/python tests/data/make_graph_corpus.py   # seed 6, writes tests/data/graph_corpus.jsonl
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

import networkx as nx

HERE = Path(__file__).parent
LETTERS = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
CITIES = ["New York", "San Francisco", "Los Angeles", "Salt Lake City", "Boston", "Chicago", "Denver", "Austin",
          "Mexico City", "Buenos Aires", "Cape Town", "Hong Kong", "Tel Aviv", "Kuala Lumpur", "Oslo", "Lima"]  # fmt: skip
PEOPLE = ["Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy", "Mallory", "Niaj",
          "Olivia", "Peggy", "Rupert", "Sybil", "Trent", "Victor", "Walter", "Zoe"]  # fmt: skip


def draw_graph(rng: random.Random, names: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """A small random graph over some of `names`: a random forest plus a few extra edges (no isolated nodes)."""
    n = rng.randint(3, min(9, len(names)))
    nodes = rng.sample(names, n)
    edges: list[tuple[str, str]] = []
    for i in range(1, n):
        if rng.random() < 0.8:  # sometimes start a new component, so some questions are negative
            edges.append(
                (nodes[rng.randrange(i)], nodes[i])
                if rng.random() < 0.5
                else (nodes[i], nodes[rng.randrange(i)])
            )
    for _ in range(rng.randint(0, 2)):
        a, b = rng.sample(nodes, 2)
        if (a, b) not in edges and (b, a) not in edges:
            edges.append((a, b))
    if not edges:
        edges.append((nodes[0], nodes[1]))
    used = {x for e in edges for x in e}
    return [v for v in nodes if v in used], edges


def answer(edges: list[tuple[str, str]], directed: bool, s: str, t: str, negated: bool) -> bool:
    g: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    g.add_edges_from(edges)
    return nx.has_path(g, s, t) != negated


# --- questions: (template, negated); {s} source, {t} target; `node` prefix applied by the caller --------------
QUESTIONS = [
    ("Is {s} connected to {t}?", False),
    ("Can you get from {s} to {t}?", False),
    ("Is {t} reachable from {s}?", False),
    ("Is there a path between {s} and {t}?", False),
    ("Is there a path from {s} to {t}?", False),
    ("Does {s} lead to {t}?", False),
    ("Can {s} reach {t}?", False),
    ("Determine whether {t} is reachable from {s}.", False),
    ("Is {s} not connected to {t}?", True),
    ("Is it impossible to get from {s} to {t}?", True),
    ("Is {t} unreachable from {s}?", True),
    ("Is there no path from {s} to {t}?", True),
    ("Can't you get from {s} to {t}?", True),
    ("Does {s} not lead to {t}?", True),
]


def _join_and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# --- forms: name -> (render(edges, rng) -> text, directed, name pool, node prefix in questions) ----------------
def r_dash(e, rng):
    return ", ".join(f"{a}-{b}" for a, b in e) + "."


def r_arrow(e, rng):
    return "\n".join(f"{a} -> {b}" for a, b in e)


def r_unicode(e, rng):
    return ", ".join(f"{a} → {b}" for a, b in e) + "."


def r_dashdash(e, rng):
    return "; ".join(f"{a} -- {b}" for a, b in e) + ";"


def r_tuples(e, rng):
    return ", ".join(f"({a}, {b})" for a, b in e)


def r_pylist(e, rng):
    return "[" + ", ".join(f"({a}, {b})" for a, b in e) + "]"


def r_pairs(e, rng):
    return "\n".join(f"{a} {b}" for a, b in e)


def r_adjacency(e, rng):
    heads: dict[str, list[str]] = {}
    for a, b in e:
        heads.setdefault(a, []).append(b)
    return "\n".join(f"{a}: {', '.join(bs)}" for a, bs in heads.items())


def r_connected(e, rng):
    verb = rng.choice(
        ["is connected to", "is linked to", "is adjacent to", "connects to", "is connected with"]
    )
    return " ".join(f"{a} {verb} {b}." for a, b in e)


def r_links(e, rng):
    verb = rng.choice(["links to", "points to", "leads to"])
    return " ".join(f"{a} {verb} {b}." for a, b in e)


def r_road(e, rng):
    return " ".join(f"There is a road from {a} to {b}." for a, b in e)


def r_road_between(e, rng):
    first = f"There is a road between {e[0][0]} and {e[0][1]}"
    return first + "".join(f", and a road between {a} and {b}" for a, b in e[1:]) + "."


def r_oneway(e, rng):
    return " ".join(f"There is a one-way road from {a} to {b}." for a, b in e)


def r_friends(e, rng):
    return " ".join(f"{a} and {b} are friends." for a, b in e)


def r_follows(e, rng):
    return " ".join(f"{a} follows {b}." for a, b in e)


def r_grouped(e, rng):
    heads: dict[str, list[str]] = {}
    for a, b in e:
        heads.setdefault(a, []).append(b)
    return " ".join(f"{a} connects to {_join_and(bs)}." for a, bs in heads.items())


def r_directed_dash(e, rng):
    return "The graph is directed. " + ", ".join(f"{a}-{b}" for a, b in e) + "."


def r_header(e, rng):
    kind = rng.choice(["directed", "one-way"])
    return f"Consider the following {kind} graph:\n" + "\n".join(f"{a} - {b}" for a, b in e)


def r_edges_label(e, rng):
    return "Edges: " + ", ".join(f"{a}-{b}" for a, b in e)


def _q(name: str) -> str:
    return json.dumps(name)


def r_dot(e, rng):
    return "digraph G {\n" + "".join(f"  {_q(a)} -> {_q(b)};\n" for a, b in e) + "}"


def r_dot_undirected(e, rng):
    return "graph {" + " ".join(f"{_q(a)} -- {_q(b)};" for a, b in e) + " }"


def r_json(e, rng):
    return json.dumps({"edges": [[a, b] for a, b in e]})


def r_json_directed(e, rng):
    return json.dumps({"edges": [{"source": a, "target": b} for a, b in e], "directed": True})


def r_nodelink(e, rng):
    nodes = list(dict.fromkeys(x for ab in e for x in ab))
    return json.dumps(
        {
            "directed": True,
            "multigraph": False,
            "graph": {},
            "nodes": [{"id": v} for v in nodes],
            "links": [{"source": a, "target": b} for a, b in e],
        }  # fmt: skip
    )


def r_json_adj(e, rng):
    heads: dict[str, list[str]] = {}
    for a, b in e:
        heads.setdefault(a, []).append(b)
    return json.dumps(heads)


Form = tuple[Callable[..., str], bool, str]
FORMS: dict[str, Form] = {
    "dash": (r_dash, False, "letters"),
    "arrow": (r_arrow, True, "letters"),
    "unicode_arrow": (r_unicode, True, "letters"),
    "dashdash": (r_dashdash, False, "letters"),
    "tuples": (r_tuples, False, "numbers"),
    "python_list": (r_pylist, False, "numbers"),
    "pair_lines": (r_pairs, False, "numbers"),
    "adjacency": (r_adjacency, False, "letters"),
    "sentence_connected": (r_connected, False, "cities"),
    "sentence_links": (r_links, True, "letters"),
    "sentence_road": (r_road, False, "cities"),
    "sentence_road_between": (r_road_between, False, "cities"),
    "sentence_oneway_road": (r_oneway, True, "cities"),
    "sentence_friends": (r_friends, False, "people"),
    "sentence_follows": (r_follows, True, "people"),
    "sentence_grouped": (r_grouped, False, "letters"),
    "directed_statement": (r_directed_dash, True, "letters"),
    "directed_header": (r_header, True, "letters"),
    "edges_label": (r_edges_label, False, "numbers"),
    "dot_digraph": (r_dot, True, "cities"),
    "dot_graph": (r_dot_undirected, False, "letters"),
    "json_edges": (r_json, False, "people"),
    "json_directed": (r_json_directed, True, "letters"),
    "json_node_link": (r_nodelink, True, "numbers"),
    "json_adjacency": (r_json_adj, False, "letters"),
}
POOLS = {"letters": LETTERS, "numbers": [str(i) for i in range(30)], "cities": CITIES, "people": PEOPLE}


def make(n_per_form: int = 10, seed: int = 6) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for form, (render, directed, pool) in FORMS.items():
        for k in range(n_per_form):
            nodes, edges = draw_graph(rng, POOLS[pool])
            s = rng.choice(nodes)
            t = rng.choice([v for v in nodes if v != s])
            template, negated = rng.choice(QUESTIONS)
            prefix = "node " if pool == "numbers" and rng.random() < 0.5 else ""
            question = template.format(s=prefix + s, t=prefix + t)
            question = question[0].upper() + question[1:]
            graph = render(edges, rng)
            text = (
                f"{question}\n{graph}"
                if k % 5 == 4
                else f"{graph}\n{question}"
                if "\n" in graph or graph.startswith(("{", "[", "digraph", "graph"))
                else f"{graph} {question}"
            )
            rows.append(
                {
                    "id": f"graph-{form}-{k}",
                    "domain": "graph",
                    "form": form,
                    "text": text,
                    "expected": {
                        "edges": [[a, b] for a, b in edges],
                        "directed": directed,
                        "source": s,
                        "target": t,
                        "negated": negated,
                    },
                    "answer": answer(edges, directed, s, t, negated),
                }
            )
    return rows


if __name__ == "__main__":
    rows = make()
    out = HERE / "graph_corpus.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} rows to {out}")
