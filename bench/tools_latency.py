"""Agent-tool latency: first call (model load included), warm calls, N concurrent ainvoke calls, and an MCP stdio
round trip. Every answer is checked against the exact solver (networkx / Python's boolean evaluation).

    python bench/tools_latency.py [--n 32] [--seed 0]

Prints a table; compares the tools' cost with the bare Reasoner call they wrap.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from _tool_cases import graph_cases, logic_cases, relational_cases  # noqa: E402

from drt_agent.checkpoint import shipped_names  # noqa: E402


def call(name: str, args: dict, i: int) -> dict:
    return {"type": "tool_call", "id": f"c{i}", "name": name, "args": args}


async def concurrent(tools: dict, cases: list) -> tuple[float, int]:
    t0 = time.perf_counter()
    msgs = await asyncio.gather(
        *(tools[c.tool].ainvoke(call(c.tool, c.args, i)) for i, c in enumerate(cases))
    )
    wall = time.perf_counter() - t0
    correct = sum(
        m.status == "success" and m.artifact["answer"] == c.answer for m, c in zip(msgs, cases, strict=True)
    )
    return wall, correct


async def mcp_round_trip(cases: list) -> tuple[float, float, int]:
    from mcp import Client, StdioServerParameters

    t0 = time.perf_counter()
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "drt_agent.cli", "mcp"], env=dict(os.environ)
    )
    async with Client(params, read_timeout_seconds=120) as client:
        await client.list_tools()
        ready = time.perf_counter() - t0
        t1 = time.perf_counter()
        results = [await client.call_tool(c.tool, c.args) for c in cases]
        per_call = (time.perf_counter() - t1) / len(cases)
    correct = sum(
        not r.is_error and r.structured_content["solution"]["answer"] == c.answer
        for r, c in zip(results, cases, strict=True)
    )
    return ready, per_call, correct


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=32)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    from drt_agent.tools.langchain import get_tools

    from drt_agent.reasoner import get_reasoner

    tools = {t.name: t for t in get_tools()}
    makers = {"graph": graph_cases, "logic": logic_cases, "relational": relational_cases}
    domains = [d for d in makers if d in shipped_names()]
    print(f"domains: {domains}; tools: {list(tools)}; torch threads: {__import__('torch').get_num_threads()}")
    print(f"{'domain':<11} {'first call s':>12} {'warm call ms':>13} {'bare solve ms':>14} {'correct':>8}")
    for d in domains:
        cases = makers[d](args.n, args.seed)
        t0 = time.perf_counter()
        first = tools[cases[0].tool].invoke(call(cases[0].tool, cases[0].args, 0))
        first_s = time.perf_counter() - t0
        times, correct = [], int(first.artifact["answer"] == cases[0].answer)
        for i, c in enumerate(cases[1:], 1):
            t = time.perf_counter()
            m = tools[c.tool].invoke(call(c.tool, c.args, i))
            times.append(time.perf_counter() - t)
            correct += m.artifact["answer"] == c.answer
        reasoner = get_reasoner(d)
        from drt_agent.tools.core import parse_text

        problems = [parse_text(c.text, d) for c in cases]
        bare = []
        for p in problems:
            t = time.perf_counter()
            reasoner.solve(p)
            bare.append(time.perf_counter() - t)
        print(
            f"{d:<11} {first_s:12.2f} {1000 * statistics.median(times):13.1f} "
            f"{1000 * statistics.median(bare):14.1f} {correct:>5}/{len(cases)}"
        )
    mixed = [c for d in domains for c in makers[d](args.n, args.seed + 1)]
    mixed = [mixed[(i * 7) % len(mixed)] for i in range(args.n)]
    wall, correct = asyncio.run(concurrent(tools, mixed))
    print(f"{args.n} concurrent ainvoke calls (mixed domains): {wall:.2f} s wall, {correct}/{args.n} correct")
    ready, per_call, correct = asyncio.run(mcp_round_trip(mixed[:8]))
    print(
        f"MCP stdio: server ready (spawn + list_tools) {ready:.2f} s; {1000 * per_call:.0f} ms per call; {correct}/8 correct"
    )


if __name__ == "__main__":
    main()
