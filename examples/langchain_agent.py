"""An agent loop with the drt-agent LangChain tools that runs offline.

A fake chat model from langchain-core stands in for a real LLM: it first sends a malformed tool call (edges as
pairs instead of {src, dst} objects), reads the tool's error message, sends a corrected call, and finally
answers from what the tool returned. Swap `ScriptedModel(...)` for any tool-calling chat model
(`ChatOpenAI(...)`, `ChatAnthropic(...)`) and the loop stays the same.

    python examples/langchain_agent.py
"""

from __future__ import annotations

from typing import Any

from drt_agent.tools.langchain import get_tools
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatResult


class ScriptedModel(GenericFakeChatModel):
    """Replays scripted tool calls; once they run out, answers with the last tool result (as an LLM would)."""

    def bind_tools(self, tools: Any, **kwargs: Any) -> ScriptedModel:
        return self

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> ChatResult:
        try:
            return super()._generate(messages, *args, **kwargs)
        except StopIteration:  # script exhausted: the final answer quotes the tool's sentence
            last = next(m for m in reversed(messages) if isinstance(m, ToolMessage))
            return ChatResult(
                generations=[ChatGeneration(message=AIMessage(f"According to the tool: {last.content}"))]
            )


def run_agent(question: str, model: Any, tools: list[Any], max_turns: int = 5) -> list[BaseMessage]:
    """The classic tool loop: ask the model, run the tools it calls, feed the results back, until it answers."""
    by_name = {t.name: t for t in tools}
    messages: list[BaseMessage] = [HumanMessage(question)]
    for _ in range(max_turns):
        ai = model.invoke(messages)
        messages.append(ai)
        if not ai.tool_calls:
            break
        for call in ai.tool_calls:
            messages.append(
                by_name[call["name"]].invoke(call)
            )  # errors come back as ToolMessage(status="error")
    return messages


def main() -> None:
    tools = get_tools()
    edges = [("gateway", "auth"), ("auth", "users_db"), ("gateway", "cache"), ("billing", "ledger")]
    bad_call = {
        "edges": [list(e) for e in edges],
        "source": "gateway",
        "target": "users_db",
        "directed": True,
    }
    good_call = {**bad_call, "edges": [{"src": a, "dst": b} for a, b in edges]}
    model = ScriptedModel(
        messages=iter(
            [
                AIMessage("", tool_calls=[{"name": "graph_reachability", "args": bad_call, "id": "call_1"}]),
                AIMessage("", tool_calls=[{"name": "graph_reachability", "args": good_call, "id": "call_2"}]),
            ]
        )
    ).bind_tools(tools)

    messages = run_agent("Does a request to the gateway ever reach users_db?", model, tools)
    for m in messages:
        kind = type(m).__name__
        if isinstance(m, ToolMessage):
            print(f"{kind} [{m.status}]: {m.content}")
            if m.status == "success":
                print(
                    f"  artifact: answer={m.artifact['answer']} witness={m.artifact['witness']} hops={m.artifact['hops']}"
                )
        elif isinstance(m, AIMessage) and m.tool_calls:
            print(f"{kind}: calls {m.tool_calls[0]['name']}")
        else:
            print(f"{kind}: {m.content}")


if __name__ == "__main__":
    main()
