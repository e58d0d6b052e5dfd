"""Fresh problems for the tool tests, each with its ground truth from an exact solver (networkx, Python's own
boolean evaluation), generated from a fixed seed. Shared by the LangChain, standard, MCP and example tests.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pytest

from drt_agent.checkpoint import shipped_names


def need(domain: str) -> pytest.MarkDecorator:
    """Skip (saying why) when the domain's checkpoint is not shipped yet."""
    return pytest.mark.skipif(
        domain not in shipped_names(),
        reason=f"no shipped {domain!r} checkpoint in drt_agent/checkpoints/ yet (its domain has not landed)",
    )


@dataclass
class Case:
    tool: str  # the specialised tool's name
    args: dict[str, Any]  # its arguments
    text: str  # the same problem as text, for drt_solve
    answer: Any  # ground truth
    graph: nx.Graph | None = None
    hops: int | None = None
    ends: tuple[str, str] | None = None  # graph source and target


def graph_case(rng: random.Random, as_text: bool = False, directed: bool | None = None) -> Case:
    """Two random trees with a few extra edges; source in the first, target in either (about half reachable)."""
    n = rng.randint(6, 16)
    names = rng.sample([f"{a}{i}" for a in "PQRSTUVW" for i in range(10)], n)
    directed = rng.random() < 0.5 if directed is None else directed
    split = rng.randint(3, n - 3)
    groups = [names[:split], names[split:]]
    edges: list[tuple[str, str]] = []
    for group in groups:
        for i in range(1, len(group)):
            a, b = group[rng.randrange(i)], group[i]
            edges.append((a, b) if rng.random() < 0.5 else (b, a))
        for _ in range(rng.randint(0, 2)):
            a, b = rng.sample(group, 2)
            edges.append((a, b))
    rng.shuffle(edges)
    source = rng.choice(groups[0])
    target = rng.choice([v for v in groups[rng.randrange(2)] if v != source])
    g: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(names)
    g.add_edges_from(edges)
    reach = nx.has_path(g, source, target)
    arrow = "->" if directed else "-"
    text = ", ".join(f"{a}{arrow}{b}" for a, b in edges) + f". Is {source} connected to {target}?"
    args: dict[str, Any] = (
        {"text": text}
        if as_text
        else {
            "edges": [{"src": a, "dst": b} for a, b in edges],
            "source": source,
            "target": target,
            "directed": directed,
        }
    )
    hops = nx.shortest_path_length(g, source, target) if reach else None
    return Case("graph_reachability", args, text, reach, g, hops, (source, target))


def graph_cases(n: int, seed: int, as_text: bool = False) -> list[Case]:
    rng = random.Random(seed)
    return [graph_case(rng, as_text=as_text or i % 3 == 2) for i in range(n)]


def check_witness(case: Case, artifact: dict[str, Any]) -> None:
    """A reachable answer must carry a shortest path that is a real path of the graph."""
    if not case.answer:
        assert artifact["witness"] is None and artifact["hops"] is None
        return
    path = artifact["witness"]
    assert case.graph is not None and (path[0], path[-1]) == case.ends
    assert all(case.graph.has_edge(a, b) for a, b in zip(path, path[1:], strict=False)), path
    assert artifact["hops"] == len(path) - 1 == case.hops


# -- boolean logic -------------------------------------------------------------------------------------------
def _expr(rng: random.Random, depth: int) -> tuple[str, bool]:
    """A random canonical expression whose bracket nesting is exactly `depth`, and its value."""
    parts = []
    for i in range(rng.randint(2, 3)):
        if depth > 0 and i == 0:
            text, value = _expr(rng, depth - 1)
            text = f"({text})"
        else:
            value = rng.random() < 0.5
            text = "T" if value else "F"
        if rng.random() < 0.3:
            text, value = f"!{text}", not value
        parts.append((text, value))
    ops = [rng.choice("&|") for _ in parts[1:]]
    text = parts[0][0] + "".join(f" {op} {p[0]}" for op, p in zip(ops, parts[1:], strict=True))
    runs: list[list[bool]] = [[parts[0][1]]]  # & binds tighter than |: OR over runs of ANDs
    for op, (_, v) in zip(ops, parts[1:], strict=True):
        runs[-1].append(v) if op == "&" else runs.append([v])
    return text, any(all(run) for run in runs)


def logic_case(rng: random.Random) -> Case:
    text, value = _expr(rng, rng.randint(0, 3))
    return Case("boolean_logic", {"expression": text}, text, value)


def logic_cases(n: int, seed: int) -> list[Case]:
    rng = random.Random(seed)
    return [logic_case(rng) for _ in range(n)]


# -- relations in a story ------------------------------------------------------------------------------------
# names whose gender agrees with the relation words that describe each person, and unisex names for people no word
# genders (the reader takes a gender from a first name where the story gives none, so a story must not call Maya
# someone's brother, nor leave a "sibling" named Keiko)
FEMALE = ["Alice", "Chloe", "Elena", "Greta", "Ines", "Keiko", "Maya", "Olga", "Rosa", "Tara", "Vera", "Xenia"]  # fmt: skip
MALE = ["Bruno", "Dmitri", "Farid", "Hugo", "Jonas", "Liam", "Nils", "Pavel", "Sven", "Umar", "Wade", "Oscar"]  # fmt: skip
NEUTRAL = ["Quinn", "Robin", "Kim", "Jordan", "Taylor", "Morgan", "Casey", "Jamie", "Rowan", "Kai", "Noel", "Reese"]  # fmt: skip
NAMES = FEMALE + MALE + NEUTRAL


def relational_case(rng: random.Random) -> Case:
    """A kinship story from the task's generator, written out as sentences; truth from the exact solver."""
    import numpy as np

    from drt_agent.domains.relational import gender_of
    from drt_agent.tasks.relational import kinship_problem, solve_exact

    p = kinship_problem(np.random.default_rng(rng.randrange(2**31)), rng.randint(1, 3))
    people = sorted({f.subject for f in p.facts} | {f.object for f in p.facts})
    pools = {
        "f": rng.sample(FEMALE, len(FEMALE)),
        "m": rng.sample(MALE, len(MALE)),
        None: rng.sample(NEUTRAL, len(NEUTRAL)),
    }
    name = {person: pools[gender_of(p.facts, person)].pop() for person in people}
    story = " ".join(f"{name[f.subject]} is the {f.relation} of {name[f.object]}." for f in p.facts)
    s, o = name[p.subject], name[p.object]
    question = f"How is {s} related to {o}?" if p.relation is None else f"Is {s} the {p.relation} of {o}?"
    return Case(
        "relational_reasoning", {"story": story, "question": question}, f"{story} {question}", solve_exact(p)
    )


def relational_cases(n: int, seed: int) -> list[Case]:
    rng = random.Random(seed)
    return [relational_case(rng) for _ in range(n)]


# -- checking a tool's result --------------------------------------------------------------------------------
# Every tool is held to a floor on fresh problems: graph and relational to every answer (the shipped kinship
# checkpoint is 1.000 on 1-4 facts; these stories have 1-3), logic to its own tests' published floor.
FLOOR: dict[str, float | None] = {
    "graph_reachability": 1.0,
    "boolean_logic": 0.95,
    "relational_reasoning": 1.0,
}


def check_result(case: Case, summary: str, solution: dict[str, Any]) -> bool:
    """One successful result: it solved this case's problem (the exact solver's answer is the case's truth), states
    the depth, flags any disagreement with the exact solver, and for graphs carries a checked witness path.
    Returns whether the model's answer is right."""
    assert solution["exact"] == case.answer, (
        case.text,
        summary,
    )  # the problem the tool solved is this case's
    correct = solution["model_answer"] == case.answer  # the network, not the exact fallback
    assert solution["agrees_with_exact"] is correct
    assert ("WARNING: the exact solver disagrees" in summary) is (not correct), summary
    assert f"{solution['steps_used']} thinking step" in summary
    if case.tool == "graph_reachability":
        assert summary.startswith("Yes" if solution["answer"] else "No")
        check_witness(case, solution)
    if FLOOR[case.tool] is None:  # the tool's answer is the model's own
        from drt_agent.parsers import parse

        from drt_agent.reasoner import get_reasoner

        domain = solution["domain"]
        assert get_reasoner(domain).solve(parse(case.text, domain=domain)).answer == solution["answer"]
    return correct


def assert_accuracy(cases: list[Case], correct: list[bool]) -> None:
    """Per tool, the share of right answers reaches that domain's floor."""
    for tool in {c.tool for c in cases} - {t for t, floor in FLOOR.items() if floor is None}:
        floor = FLOOR[tool]
        assert floor is not None
        marks = [ok for c, ok in zip(cases, correct, strict=True) if c.tool == tool]
        assert sum(marks) >= floor * len(marks), f"{tool}: {sum(marks)}/{len(marks)} right"
