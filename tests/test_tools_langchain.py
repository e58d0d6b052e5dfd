"""LangChain tools: correct answers through invoke and ainvoke, concurrency, strict schemas, errors as messages."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from typing import Any

import pytest
from _tool_cases import Case, assert_accuracy, check_result, graph_cases, logic_cases, need, relational_cases
from drt_agent.tools.langchain import DrtToolkit, get_tools, tool_for
from langchain_core.messages import AIMessage, HumanMessage, ToolMessage

from drt_agent.checkpoint import shipped_names

# the tool classes the registry generates, one per domain, and the general one
GraphReachabilityTool, LogicTool, RelationalTool, SolveTool = (
    tool_for(name) for name in ("graph", "logic", "relational", "drt_solve")
)


def call(name: str, args: dict[str, Any], i: int = 0) -> dict[str, Any]:
    return {"type": "tool_call", "id": f"call_{i}", "name": name, "args": args}


def check(case: Case, msg: ToolMessage) -> bool:
    """A successful ToolMessage whose content and artifact describe this case's problem truthfully."""
    assert isinstance(msg, ToolMessage) and msg.status == "success", msg.content
    assert isinstance(msg.content, str) and isinstance(msg.artifact, dict)
    return check_result(case, msg.content, msg.artifact)


def cases_for(domain: str, n: int, seed: int) -> list[Case]:
    return {"graph": graph_cases, "logic": logic_cases, "relational": relational_cases}[domain](n, seed)


DOMAIN_TOOLS = [
    pytest.param("graph", GraphReachabilityTool, marks=need("graph")),
    pytest.param("logic", LogicTool, marks=need("logic")),
    pytest.param("relational", RelationalTool, marks=need("relational")),
]
DOMAINS = [pytest.param(d, marks=need(d)) for d in ("graph", "logic", "relational")]


@pytest.mark.parametrize(("domain", "tool_cls"), DOMAIN_TOOLS)
def test_domain_tool_invoke(domain: str, tool_cls: type) -> None:
    tool = tool_cls()
    cases = cases_for(domain, 12, seed=11)
    assert len({repr(c.answer) for c in cases}) >= 2  # a constant answer cannot pass
    correct = [check(case, tool.invoke(call(tool.name, case.args, i))) for i, case in enumerate(cases)]
    assert_accuracy(cases, correct)


@pytest.mark.parametrize(("domain", "tool_cls"), DOMAIN_TOOLS)
async def test_domain_tool_ainvoke(domain: str, tool_cls: type) -> None:
    tool = tool_cls()
    cases = cases_for(domain, 8, seed=12)
    correct = [check(case, await tool.ainvoke(call(tool.name, case.args, i))) for i, case in enumerate(cases)]
    assert_accuracy(cases, correct)


@pytest.mark.parametrize("domain", DOMAINS)
async def test_drt_solve_routes_text(domain: str) -> None:
    """drt_solve detects the domain from text alone and answers as the specialised tool does."""
    tool = SolveTool()
    cases, correct = cases_for(domain, 6, seed=13), []
    for i, case in enumerate(cases):
        msg = tool.invoke(call(tool.name, {"text": case.text}, i))
        assert msg.artifact["domain"] == domain
        correct.append(check(case, msg))
        amsg = await tool.ainvoke(call(tool.name, {"text": case.text, "domain": domain}, i))
        assert check(case, amsg) == correct[-1] and amsg.artifact["answer"] == msg.artifact["answer"]
    assert_accuracy(cases, correct)


@need("graph")
def test_plain_inputs_return_content_only() -> None:
    """Invoked without a ToolCall, a tool returns its sentence; a bare string fills the text field."""
    tool = GraphReachabilityTool()
    out = tool.invoke("X1-X2, X2-X3, X3-X4. Is X1 connected to X4?")
    assert out.startswith("Yes: X1 is connected to X4, path X1 -> X2 -> X3 -> X4 (3 hops)")
    out = tool.invoke({"text": "X1-X2, X3-X4. Is X1 not connected to X4?"})
    assert out.startswith("Yes: X1 is not connected to X4")


@need("graph")
async def test_32_concurrent_ainvoke_calls_get_their_own_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    """32 concurrent calls on different problems, across tools, starting from an empty model cache: every call
    gets its own answer (the one a lone sequential call gets, for the problem it sent), the answers are right,
    and each checkpoint is loaded exactly once."""
    import drt_agent.reasoner as reasoner_mod

    loads: list[str] = []
    original = reasoner_mod.Reasoner.load.__func__  # type: ignore[attr-defined]

    def counting_load(cls: type, name: Any = "graph", *a: Any, **kw: Any) -> Any:
        loads.append(str(name))
        return original(cls, name, *a, **kw)

    monkeypatch.setattr(reasoner_mod.Reasoner, "load", classmethod(counting_load))
    monkeypatch.setattr(reasoner_mod, "_cache", {})
    domains = [d for d in ("graph", "logic", "relational") if d in shipped_names()]
    pool = [c for d in domains for c in cases_for(d, 32, seed=14)]
    cases = [pool[(i * 7) % len(pool)] for i in range(32)]
    tools = {t.name: t for t in get_tools()}
    calls = []
    for i, case in enumerate(cases):
        if i % 4 == 3:  # some go through the router
            calls.append(tools["drt_solve"].ainvoke(call("drt_solve", {"text": case.text}, i)))
        else:
            calls.append(tools[case.tool].ainvoke(call(case.tool, case.args, i)))
    msgs = await asyncio.gather(*calls)
    assert sorted(loads) == sorted(set(loads)) and set(loads) <= set(domains), loads
    correct = []
    for i, (case, msg) in enumerate(zip(cases, msgs, strict=True)):
        assert msg.tool_call_id == f"call_{i}"
        correct.append(check(case, msg))
        alone = tools[case.tool].invoke(call(case.tool, case.args, i))
        assert alone.artifact["answer"] == msg.artifact["answer"]
    assert_accuracy(cases, correct)


# -- errors come back as messages ----------------------------------------------------------------------------
BAD_GRAPH_CALLS = [
    ({"edges": [["a", "b"]], "source": "a", "target": "b"}, "edges.0"),  # tuples instead of objects
    ({"edges": [{"src": "a", "dst": "b"}], "source": "a"}, "missing target"),
    ({"edges": [{"src": "a", "to": "b"}], "source": "a", "target": "b"}, "edges.0.dst"),
    ({"edges": [{"src": "a", "dst": "b"}], "source": "a", "target": "zz"}, "target 'zz' is not a node"),
    ({"text": "A-B, B-C. Is A connected to C?", "source": "A"}, "not both"),
    ({"text": "A-B, B-C. Is A connected to C?", "steps": 0}, "steps"),
    ({"text": "A-B, B-C. Is A connected to C?", "colour": "red"}, "colour"),
    ({"text": "A-B, B-C, and then some?"}, "ParseError"),
    ({"text": "hello there"}, "ParseError"),
    ({"text": ""}, "text"),
]


@need("graph")
@pytest.mark.parametrize(("args", "needle"), BAD_GRAPH_CALLS)
async def test_bad_arguments_become_error_messages(args: dict[str, Any], needle: str) -> None:
    tool = GraphReachabilityTool()
    msg = tool.invoke(call(tool.name, args))
    assert isinstance(msg, ToolMessage) and msg.status == "error"
    assert needle in msg.content, msg.content
    amsg = await tool.ainvoke(call(tool.name, args))
    assert amsg.status == "error" and amsg.content == msg.content
    assert needle in tool.invoke(args)  # without a ToolCall: the message is returned, nothing is raised


OTHER_BAD_CALLS = [
    pytest.param(LogicTool, {"expression": "(T & F"}, "ParseError", marks=need("logic")),
    pytest.param(LogicTool, {"expression": "a & b"}, "unknown variable 'a'", marks=need("logic")),
    pytest.param(
        LogicTool,
        {"expression": "a & b", "variables": [{"name": "a b", "value": True}]},
        "variables.0.name",
        marks=need("logic"),
    ),
    pytest.param(LogicTool, {"expr": "T"}, "expression: Field required", marks=need("logic")),
    pytest.param(
        RelationalTool, {"story": "Ann is the mother of Bob."}, "question", marks=need("relational")
    ),
    pytest.param(
        RelationalTool,
        {"story": "Ann is the mother of Bob.", "question": "How is Ann related to Zed?"},
        "Zed",
        marks=need("relational"),
    ),
    pytest.param(SolveTool, {"text": "the weather is nice today"}, "ParseError", marks=need("graph")),
    pytest.param(
        SolveTool, {"text": "A-B. Is A connected to B?", "domain": "chess"}, "domain", marks=need("graph")
    ),
    pytest.param(SolveTool, {"text": "x" * 20_001}, "at most 20000 characters", marks=need("graph")),
]


@pytest.mark.parametrize(("tool_cls", "args", "needle"), OTHER_BAD_CALLS)
def test_every_tool_reports_bad_input_as_a_message(tool_cls: type, args: dict[str, Any], needle: str) -> None:
    tool = tool_cls()
    msg = tool.invoke(call(tool.name, args))
    assert msg.status == "error" and needle in msg.content, msg.content


@need("graph")
def test_agent_loop_recovers_from_a_bad_call() -> None:
    """A model that first sends tuple edges gets an error message naming the field, retries, and finishes."""
    from langchain_core.language_models.fake_chat_models import GenericFakeChatModel

    class FakeToolModel(GenericFakeChatModel):
        def bind_tools(self, tools: Any, **kw: Any) -> FakeToolModel:
            return self

    bad = {"edges": [["A", "B"], ["B", "C"]], "source": "A", "target": "C"}
    good = {"edges": [{"src": "A", "dst": "B"}, {"src": "B", "dst": "C"}], "source": "A", "target": "C"}
    model = FakeToolModel(
        messages=iter(
            [
                AIMessage("", tool_calls=[call("graph_reachability", bad, 1)]),
                AIMessage("", tool_calls=[call("graph_reachability", good, 2)]),
                AIMessage("done"),
            ]
        )
    ).bind_tools(get_tools())
    tools = {t.name: t for t in get_tools()}
    messages: list[Any] = [HumanMessage("Can A reach C?")]
    ai = model.invoke(messages)
    results = []
    while ai.tool_calls:
        messages.append(ai)
        for tc in ai.tool_calls:
            results.append(tools[tc["name"]].invoke(tc))
            messages.append(results[-1])
        ai = model.invoke(messages)
    assert [r.status for r in results] == ["error", "success"]
    assert "edges.0" in results[0].content and results[1].artifact["answer"] is True
    assert ai.content == "done"


# -- progress -----------------------------------------------------------------------------------------------
@need("graph")
async def test_progress_arrives_as_custom_events() -> None:
    """astream_events sees drt_progress events: reading, thinking, done (with the depth the answer reports)."""
    from drt_agent.tools.langchain import PROGRESS_EVENT

    tool = GraphReachabilityTool()
    events = [
        e
        async for e in tool.astream_events({"text": "A-B, B-C, C-D. Is A connected to D?"}, version="v2")
        if e["event"] == "on_custom_event" and e["name"] == PROGRESS_EVENT
    ]
    phases = [e["data"]["phase"] for e in events]
    assert phases[0] == "reading" and "thinking" in phases and phases[-1] == "done", phases
    done = events[-1]["data"]
    assert done["progress"] == done["total"] and done["step"] >= 3
    values = [e["data"]["progress"] for e in events]
    assert values == sorted(values)
    # a sync run with a callback handler gets the same events
    from langchain_core.callbacks import BaseCallbackHandler

    seen: list[str] = []

    class Listener(BaseCallbackHandler):
        def on_custom_event(self, name: str, data: Any, **kw: Any) -> None:
            seen.append(data["phase"])

    tool.invoke({"text": "A-B. Is A connected to B?"}, config={"callbacks": [Listener()]})
    assert seen[0] == "reading" and seen[-1] == "done"


def test_get_tools_covers_landed_domains_and_loads_nothing() -> None:
    """One tool per shipped domain plus drt_solve; building them loads no model (checked in a fresh process)."""
    names = [t.name for t in get_tools()]
    expected = {"graph": "graph_reachability", "logic": "boolean_logic", "relational": "relational_reasoning"}
    assert names == [expected[d] for d in ("graph", "logic", "relational") if d in shipped_names()] + [
        "drt_solve"
    ]
    assert [t.name for t in DrtToolkit(domains=["graph"]).get_tools()] == ["graph_reachability", "drt_solve"]
    code = (
        "from drt_agent.tools.langchain import get_tools; import drt_agent.reasoner as r; "
        "tools = get_tools(); print(len(tools), len(r._cache))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.split()[1] == "0"
    with pytest.raises(Exception, match="unknown domain"):
        get_tools(domains=["chess"])
