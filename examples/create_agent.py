"""A `langchain.agents.create_agent` agent with the drt-agent tools, run offline.

A scripted chat model stands in for a real LLM. It calls the tools the way a strict-mode model does (every field
sent, null for the ones it does not use), makes one mistake (edges as pairs instead of {src, dst} objects), reads
the error message, corrects the call, checks a logic expression, and answers from what the tools returned. For a
real model, replace `ScriptedModel(...)` with e.g. `init_chat_model("openai:gpt-4.1")` and keep the rest:

    pip install "drt-agent[langchain]" langchain
    python examples/create_agent.py
"""

from __future__ import annotations

from typing import Any

from drt_agent.tools.langchain import get_tools
from langchain.agents import create_agent
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatResult


class ScriptedModel(GenericFakeChatModel):
    """Replays scripted tool calls; once they run out, answers with the tool results it has seen."""

    disable_streaming: bool = True  # answer whole messages, also under astream_events

    def bind_tools(self, tools: Any, **kwargs: Any) -> ScriptedModel:
        return self

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> ChatResult:
        try:
            return super()._generate(messages, *args, **kwargs)
        except StopIteration:  # script exhausted: the final answer quotes the successful tool results
            seen = [m.content for m in messages if isinstance(m, ToolMessage) and m.status == "success"]
            answer = AIMessage("From the tools: " + " / ".join(str(s).split(". Depth")[0] for s in seen))
            return ChatResult(generations=[ChatGeneration(message=answer)])


def call(name: str, call_id: str, **args: Any) -> AIMessage:
    return AIMessage("", tool_calls=[{"name": name, "args": args, "id": call_id, "type": "tool_call"}])


def main() -> None:
    edges = [("gateway", "auth"), ("auth", "users_db"), ("gateway", "cache"), ("billing", "ledger")]
    unused = {"text": None, "nodes": None, "steps": None}  # a strict-mode model sends every field
    script = [
        call(
            "graph_reachability",
            "call_1",
            edges=[list(e) for e in edges],
            source="gateway",
            target="users_db",
            directed=True,
            **unused,
        ),  # fmt: skip
        call(
            "graph_reachability",
            "call_2",
            edges=[{"src": a, "dst": b} for a, b in edges],
            source="gateway",
            target="users_db",
            directed=True,
            **unused,
        ),  # fmt: skip
        call(
            "boolean_logic",
            "call_3",
            expression="deploy and not (frozen or failing)",
            variables=[
                {"name": "deploy", "value": True},
                {"name": "frozen", "value": False},
                {"name": "failing", "value": False},
            ],
            steps=None,
        ),  # fmt: skip
    ]
    agent = create_agent(ScriptedModel(messages=iter(script)), tools=get_tools())
    state = agent.invoke({"messages": [("user", "Can the gateway reach users_db, and may we deploy?")]})
    for m in state["messages"]:
        if isinstance(m, ToolMessage):
            print(f"tool {m.name} [{m.status}]: {m.content}")
        elif isinstance(m, AIMessage) and m.tool_calls:
            print(f"model calls {m.tool_calls[0]['name']}")
        else:
            print(f"{m.type}: {m.content}")


if __name__ == "__main__":
    main()
