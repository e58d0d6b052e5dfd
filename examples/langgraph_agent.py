"""A LangGraph agent (model node + `ToolNode`) with the drt-agent tools, run offline, streaming progress.

The graph is the classic loop: the model either calls tools or answers; `ToolNode` runs the calls (a bad call
comes back as an error ToolMessage, so the loop goes on). `astream_events` shows each tool's `drt_progress`
events while it reads and thinks. A scripted chat model stands in for a real LLM; replace it with any
tool-calling chat model (`model.bind_tools(tools)`) and keep the rest:

    pip install "drt-agent[langchain]" langgraph
    python examples/langgraph_agent.py
"""

from __future__ import annotations

import asyncio
from typing import Any

from drt_agent.tools.langchain import PROGRESS_EVENT, get_tools
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode, tools_condition


class ScriptedModel(GenericFakeChatModel):
    """Replays scripted tool calls; once they run out, answers with the tool results it has seen."""

    disable_streaming: bool = True  # answer whole messages, also under astream_events

    def bind_tools(self, tools: Any, **kwargs: Any) -> ScriptedModel:
        return self

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> ChatResult:
        try:
            return super()._generate(messages, *args, **kwargs)
        except StopIteration:
            seen = [m.content for m in messages if isinstance(m, ToolMessage) and m.status == "success"]
            answer = AIMessage("From the tools: " + " / ".join(str(s).split(". Depth")[0] for s in seen))
            return ChatResult(generations=[ChatGeneration(message=answer)])


def build_agent(model: Any, tools: list[Any]) -> Any:
    """model -> (tools -> model)* -> end."""
    bound = model.bind_tools(tools)

    def call_model(state: MessagesState) -> dict[str, list[BaseMessage]]:
        return {"messages": [bound.invoke(state["messages"])]}

    graph = StateGraph(MessagesState)
    graph.add_node("model", call_model)
    graph.add_node("tools", ToolNode(tools))
    graph.add_edge(START, "model")
    graph.add_conditional_edges("model", tools_condition, ["tools", END])
    graph.add_edge("tools", "model")
    return graph.compile()


async def main() -> None:
    story = "Ann is the mother of Bob. Bob is the father of Cy. Dee is the sister of Ann."
    script = [
        AIMessage("", tool_calls=[{"name": "relational_reasoning", "id": "call_1", "type": "tool_call",
                                   "args": {"story": story, "question": "How is Dee related to Cy?", "steps": None}}]),
        AIMessage("", tool_calls=[{"name": "drt_solve", "id": "call_2", "type": "tool_call",
                                   "args": {"text": "A-B, B-C, C-D, D-E. Is A connected to E?", "domain": None,
                                            "steps": None}}]),
    ]  # fmt: skip
    agent = build_agent(ScriptedModel(messages=iter(script)), get_tools())
    final: list[BaseMessage] = []
    async for event in agent.astream_events(
        {"messages": [("user", "How is Dee related to Cy?")]}, version="v2"
    ):
        if event["event"] == "on_custom_event" and event["name"] == PROGRESS_EVENT:
            data = event["data"]
            print(f"  progress [{data['phase']}] {data['message']}")
        elif event["event"] == "on_tool_end":
            msg = event["data"]["output"]
            print(f"tool {msg.name} [{msg.status}]: {msg.content}")
        elif event["event"] == "on_chain_end" and event["name"] == "LangGraph":
            final = event["data"]["output"]["messages"]
    print(f"answer: {final[-1].content}")


if __name__ == "__main__":
    asyncio.run(main())
