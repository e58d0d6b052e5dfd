"""Routing between graph, logic and relational text; the explicit domain override (API and CLI); ambiguity;
graceful degradation while a domain's parser is missing; the CLI input paths and `drt-agent schema`."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from drt_agent.parsers import detect_domain, parse
from typer.testing import CliRunner

from drt_agent import domains
from drt_agent.checkpoint import load_checkpoint
from drt_agent.cli import app
from drt_agent.domains import Domain
from drt_agent.errors import CheckpointError, DomainError, ParseError
from drt_agent.problems import GraphProblem, LogicProblem

runner = CliRunner()


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("A-B, B-C. Is A connected to C?", "graph"),
        ("Alice and Bob are friends. Bob and Carol are friends. Is Alice connected to Carol?", "graph"),
        ("digraph { a -> b } Is b reachable from a?", "graph"),
        ('{"edges": [["A", "B"]]} Is A connected to B?', "graph"),
        ("0 1\n1 2\nIs there a path between node 0 and node 2?", "graph"),
        ("There is a road from Paris to Lyon. Can you get from Paris to Lyon?", "graph"),
        ("not (True and False) or False", "logic"),
        ("(a and not b) or c where a=True, b=False, c=False", "logic"),
        ("T & !F | F", "logic"),
        ("Alice is Bob's mother. Bob is Carol's father. How is Alice related to Carol?", "relational"),
        ("Ann has a son named Ben. Ben has a daughter named Cat. Is Ann Cat's grandmother?", "relational"),
    ],
)
def test_detects_the_domain(text: str, domain: str) -> None:
    assert detect_domain(text) == domain
    assert parse(text).domain == domain


def test_explicit_domain_wins() -> None:
    text = "A-B, B-C. Is A connected to C?"
    assert parse(text, domain="graph").domain == "graph"
    assert parse(text, domain=" Graph ").domain == "graph"
    with pytest.raises(ParseError):  # read as logic because we said so, and it is not logic
        parse(text, domain="logic")
    with pytest.raises(DomainError, match="choose one of: graph, logic, relational"):
        parse(text, domain="astrology")


def _fake(name: str, score: float, problem: object | Exception) -> Domain:
    """A registry entry for `name` whose detector scores `score` and whose reader returns `problem`."""

    def reader(text: str, limits: object = None) -> object:
        if isinstance(problem, Exception):
            raise problem
        return problem

    return dataclasses.replace(domains.get(name), reader=reader, detector=lambda t: score)


def _use(monkeypatch: pytest.MonkeyPatch, fakes: dict[str, Domain | None]) -> None:
    """Route through these registry entries only (None: a domain that is not installed)."""
    monkeypatch.setattr(domains, "_registry", {n: d for n, d in fakes.items() if d is not None})


def test_ambiguous_text_lists_the_readings(monkeypatch: pytest.MonkeyPatch) -> None:
    g = GraphProblem(edges=[{"src": "a", "dst": "b"}], source="a", target="b")
    lp = LogicProblem(expression="a | b", variables={"a": True, "b": False})
    fakes = {"graph": _fake("graph", 0.6, g), "logic": _fake("logic", 0.5, lp), "relational": None}
    _use(monkeypatch, fakes)
    with pytest.raises(ParseError) as info:
        parse("a or b")
    msg = str(info.value)
    assert "ambiguous" in msg and "graph:" in msg and "logic:" in msg and "--domain" in msg
    assert parse("a or b", domain="logic") == lp  # the override resolves it
    _use(
        monkeypatch, {**fakes, "logic": _fake("logic", 0.2, lp)}
    )  # a clear margin: the stronger reading wins
    assert parse("a or b") == g


def test_a_failing_reading_does_not_make_text_ambiguous(monkeypatch: pytest.MonkeyPatch) -> None:
    g = GraphProblem(edges=[{"src": "a", "dst": "b"}], source="a", target="b")
    fakes = {
        "graph": _fake("graph", 0.5, g),
        "logic": _fake("logic", 0.9, ParseError("not logic")),
        "relational": None,
    }
    _use(monkeypatch, fakes)
    assert parse("whatever") == g
    _use(monkeypatch, {**fakes, "graph": _fake("graph", 0.5, ParseError("not a graph"))})
    with pytest.raises(ParseError, match="not logic"):  # the most likely domain's error is the one shown
        parse("whatever")


def test_works_while_other_parsers_are_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    _use(monkeypatch, {"graph": domains.get("graph")})
    assert parse("A-B. Is A connected to B?").domain == "graph"
    with pytest.raises(DomainError, match="unknown domain"):
        parse("not True", domain="logic")
    with pytest.raises(ParseError):
        parse("not (True and False) or False")


def test_a_crashing_detector_does_not_break_routing(monkeypatch: pytest.MonkeyPatch) -> None:
    crashing = dataclasses.replace(
        domains.get("logic"), reader=lambda t, limits=None: 1 / 0, detector=lambda t: 1 / 0
    )
    _use(monkeypatch, {"graph": domains.get("graph"), "logic": crashing})
    assert parse("A-B. Is A connected to B?").domain == "graph"


def test_cli_domain_option_is_respected() -> None:
    result = runner.invoke(app, ["solve", "--domain", "logic", "A-B. Is A connected to B?"])
    assert result.exit_code == 2 and result.stderr.startswith("error: ")


def test_schema_command() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert set(schema) == {"problem", "solution"}
    assert {"GraphProblem", "LogicProblem", "RelationalProblem"} <= set(schema["problem"]["$defs"])
    graph = json.loads(runner.invoke(app, ["schema", "graph"]).stdout)
    assert "directed" in graph["properties"] and graph["additionalProperties"] is False
    bad = runner.invoke(app, ["schema", "nonsense"])
    assert bad.exit_code == 2 and "unknown schema" in bad.stderr


def _graph_model() -> bool:
    try:
        load_checkpoint("graph")
    except CheckpointError:
        return False
    return True


@pytest.mark.skipif(not _graph_model(), reason="no shipped graph checkpoint in this tree")
def test_cli_input_paths_agree(tmp_path: Path) -> None:
    """Text argument, --file, stdin, --graph FILE QUESTION and --batch give the same answer."""
    graph, question = "A -> B\nB -> C\nD -> A", "Is A reachable from C?"
    (tmp_path / "edges.txt").write_text(graph)
    (tmp_path / "problem.txt").write_text(f"{graph}\n{question}")
    (tmp_path / "batch.txt").write_text(json.dumps({"text": f"{graph}\n{question}"}) + "\n")
    runs = [
        ["solve", "--json", f"{graph}\n{question}"],
        ["solve", "--json", "--file", str(tmp_path / "problem.txt")],
        ["solve", "--json", "--graph", str(tmp_path / "edges.txt"), question],
        ["solve", "--batch", str(tmp_path / "batch.txt")],
    ]
    answers = []
    for args in runs:
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.output)
        sol = json.loads(result.stdout.splitlines()[0])
        assert sol["problem"]["directed"] is True and sol["exact"] is False
        answers.append(sol["answer"])
    result = runner.invoke(app, ["solve", "--json"], input=f"{graph}\n{question}")
    answers.append(json.loads(result.stdout)["answer"])
    assert len(set(answers)) == 1
    human = runner.invoke(app, ["solve", f"{graph}\n{question}"])
    assert "read as: directed graph, 4 nodes, 3 edges" in human.stdout


def test_version_option_and_command_print_the_installed_version() -> None:
    from importlib.metadata import version

    for argv in (["--version"], ["version"]):
        result = runner.invoke(app, argv)
        assert result.exit_code == 0 and result.output.strip() == version("drt-agent")
