"""The `langchain-tests` standard suites (unit + integration) for every drt-agent tool.

The "integration" suites need no network: they invoke each tool with a ToolCall and check the ToolMessage, sync
and async. A tool whose domain has no shipped checkpoint yet is skipped with that reason.
"""

from __future__ import annotations

from typing import Any

from _tool_cases import need
from drt_agent.tools.langchain import tool_for
from langchain_tests.integration_tests import ToolsIntegrationTests
from langchain_tests.unit_tests import ToolsUnitTests

GraphReachabilityTool, LogicTool, RelationalTool, SolveTool = (
    tool_for(name) for name in ("graph", "logic", "relational", "drt_solve")
)

GRAPH_ARGS = {
    "edges": [{"src": "A", "dst": "B"}, {"src": "B", "dst": "C"}, {"src": "C", "dst": "D"}],
    "source": "A",
    "target": "D",
    "directed": True,
}
LOGIC_ARGS = {"expression": "(T & !F) | (F & T)"}
RELATIONAL_ARGS = {
    "story": "Ann is the mother of Bob. Bob is the father of Cy.",
    "question": "How is Ann related to Cy?",
}
SOLVE_ARGS = {"text": "A-B, B-C, C-F. Is A connected to F?"}


class _Base:
    tool_cls: type
    example: dict[str, Any]

    @property
    def tool_constructor(self) -> type:
        return self.tool_cls

    @property
    def tool_constructor_params(self) -> dict[str, Any]:
        return {}

    @property
    def tool_invoke_params_example(self) -> dict[str, Any]:
        return self.example


@need("graph")
class TestGraphUnit(_Base, ToolsUnitTests):
    tool_cls, example = GraphReachabilityTool, GRAPH_ARGS


@need("graph")
class TestGraphIntegration(_Base, ToolsIntegrationTests):
    tool_cls, example = GraphReachabilityTool, GRAPH_ARGS


@need("logic")
class TestLogicUnit(_Base, ToolsUnitTests):
    tool_cls, example = LogicTool, LOGIC_ARGS


@need("logic")
class TestLogicIntegration(_Base, ToolsIntegrationTests):
    tool_cls, example = LogicTool, LOGIC_ARGS


@need("relational")
class TestRelationalUnit(_Base, ToolsUnitTests):
    tool_cls, example = RelationalTool, RELATIONAL_ARGS


@need("relational")
class TestRelationalIntegration(_Base, ToolsIntegrationTests):
    tool_cls, example = RelationalTool, RELATIONAL_ARGS


@need("graph")
class TestSolveUnit(_Base, ToolsUnitTests):
    tool_cls, example = SolveTool, SOLVE_ARGS


@need("graph")
class TestSolveIntegration(_Base, ToolsIntegrationTests):
    tool_cls, example = SolveTool, SOLVE_ARGS
