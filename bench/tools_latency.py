"""Agent-tool latency: building the tools, first call (model load included), warm calls, N concurrent ainvoke
calls, an MCP stdio round trip with progress, and (optionally) `langchain-mcp-adapters` on `mcp` 1.x loading and
calling the server from its own environment. Every answer is checked against an exact solver (networkx /
Python's boolean evaluation / the exact kinship solver).

    python bench/tools_latency.py [--n 32] [--seed 0] [--quick]
    python bench/tools_latency.py --quick --adapters-env /tmp/drt-adapters   # creates that venv on first use

Prints a table; compares the tools' cost with the bare Reasoner call they wrap.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from _tool_cases import graph_cases, logic_cases, relational_cases  # noqa: E402
from drt_agent.tools.core import shipped_names  # noqa: E402

# the adapters' own environment: its 0.3.2 needs mcp<2, which cannot share an environment with drt-agent[mcp]
ADAPTERS = ["langchain-mcp-adapters>=0.3,<0.4", "mcp>=1.20,<2"]


def call(name: str, args: dict, i: int) -> dict:
    return {"type": "tool_call", "id": f"c{i}", "name": name, "args": args}


def build_time() -> tuple[float, bool]:
    """Import + get_tools() in a fresh process, after langchain-core itself is imported."""
    code = (
        "import sys, time\nfrom langchain_core.tools import BaseTool\nt = time.perf_counter()\n"
        "from drt_agent.tools.langchain import get_tools\nget_tools()\n"
        "print(time.perf_counter() - t, 'torch' in sys.modules)"
    )
    runs = []
    torch = False
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
        runs.append(float(out[0]))
        torch = torch or out[1] == "True"
    return min(runs), torch


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


async def mcp_round_trip(cases: list) -> tuple[float, float, int, int]:
    from mcp import Client, StdioServerParameters

    t0 = time.perf_counter()
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "drt_agent.cli", "mcp"], env=dict(os.environ)
    )
    events: list[float] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        events.append(progress)

    async with Client(params, read_timeout_seconds=120) as client:
        await client.list_tools()
        ready = time.perf_counter() - t0
        t1 = time.perf_counter()
        results = [await client.call_tool(c.tool, c.args, progress_callback=on_progress) for c in cases]
        per_call = (time.perf_counter() - t1) / len(cases)
    correct = sum(
        not r.is_error and r.structured_content["solution"]["answer"] == c.answer
        for r, c in zip(results, cases, strict=True)
    )
    return ready, per_call, correct, len(events)


ADAPTER_CLIENT = """
import asyncio, json, sys, time
from langchain_mcp_adapters.client import MultiServerMCPClient

async def main():
    cases = json.loads(sys.argv[1])
    t0 = time.perf_counter()
    client = MultiServerMCPClient({"drt": {"command": sys.argv[2], "args": sys.argv[3:], "transport": "stdio"}})
    tools = {t.name: t for t in await client.get_tools()}
    loaded = time.perf_counter() - t0
    out = []
    for name, args in cases:
        msg = await tools[name].ainvoke({"type": "tool_call", "id": "1", "name": name, "args": args})
        out.append([msg.status, msg.artifact["structured_content"]["solution"]["answer"] if msg.status == "success"
                    else None, msg.content[0]["text"] if isinstance(msg.content, list) else msg.content])
    bad = await tools["graph_reachability"].ainvoke(
        {"type": "tool_call", "id": "2", "name": "graph_reachability", "args": {"text": "A-B", "weight": 3}})
    print(json.dumps({"tools": sorted(tools), "loaded_s": loaded, "results": out,
                      "bad": bad.content[0]["text"] if isinstance(bad.content, list) else bad.content}))

asyncio.run(main())
"""


def adapters_python(env_dir: Path) -> Path:
    """The adapters' venv (created with pip on first use): langchain-mcp-adapters on mcp 1.x."""
    py = env_dir / "bin" / "python"
    if not py.exists():
        venv.EnvBuilder(with_pip=True).create(env_dir)
        subprocess.run([str(py), "-m", "pip", "install", "-q", *ADAPTERS], check=True)
    return py


def adapters_round_trip(py: Path, cases: list) -> dict:
    version = subprocess.run(
        [
            str(py),
            "-c",
            "import importlib.metadata as m; print(m.version('langchain-mcp-adapters'), m.version('mcp'))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    payload = json.dumps([[c.tool, c.args] for c in cases])
    out = subprocess.run(
        [str(py), "-c", ADAPTER_CLIENT, payload, sys.executable, "-m", "drt_agent.cli", "mcp"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    if out.returncode != 0:
        raise SystemExit(f"the adapters client failed:\n{out.stderr[-3000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["versions"] = version
    result["correct"] = sum(r[1] == c.answer for r, c in zip(result["results"], cases, strict=True))
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=32)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--quick", action="store_true", help="4 problems per domain: seconds, not minutes")
    ap.add_argument(
        "--adapters-env",
        type=Path,
        default=None,
        help="a venv for langchain-mcp-adapters on mcp 1.x (created with pip when missing)",
    )
    args = ap.parse_args()
    n = 4 if args.quick else args.n

    seconds, torch_loaded = build_time()
    print(
        f"building the tools (fresh process, after langchain-core): {seconds:.3f} s; torch imported: {torch_loaded}"
    )

    from drt_agent.parsers import parse
    from drt_agent.tools.langchain import get_tools

    from drt_agent.reasoner import get_reasoner

    tools = {t.name: t for t in get_tools()}
    makers = {"graph": graph_cases, "logic": logic_cases, "relational": relational_cases}
    domains = [d for d in makers if d in shipped_names()]
    print(f"domains: {domains}; tools: {list(tools)}; torch threads: {__import__('torch').get_num_threads()}")
    print(f"{'domain':<11} {'first call s':>12} {'warm call ms':>13} {'bare solve ms':>14} {'correct':>8}")
    for d in domains:
        cases = makers[d](n, args.seed)
        t0 = time.perf_counter()
        first = tools[cases[0].tool].invoke(call(cases[0].tool, cases[0].args, 0))
        first_s = time.perf_counter() - t0
        times, correct = [], int(first.artifact["answer"] == cases[0].answer)
        for i, c in enumerate(cases[1:], 1):
            t = time.perf_counter()
            m = tools[c.tool].invoke(call(c.tool, c.args, i))
            times.append(time.perf_counter() - t)
            correct += m.status == "success" and m.artifact["answer"] == c.answer
        reasoner = get_reasoner(d)
        problems = [parse(c.text, domain=d) for c in cases]
        bare = []
        for p in problems:
            t = time.perf_counter()
            reasoner.solve(p)
            bare.append(time.perf_counter() - t)
        print(
            f"{d:<11} {first_s:12.2f} {1000 * statistics.median(times):13.1f} "
            f"{1000 * statistics.median(bare):14.1f} {correct:>5}/{len(cases)}"
        )
    mixed = [c for d in domains for c in makers[d](n, args.seed + 1)]
    mixed = [mixed[(i * 7) % len(mixed)] for i in range(n)]
    wall, correct = asyncio.run(concurrent(tools, mixed))
    print(f"{n} concurrent ainvoke calls (mixed domains): {wall:.2f} s wall, {correct}/{n} correct")
    few = mixed[: min(8, n)]
    ready, per_call, correct, events = asyncio.run(mcp_round_trip(few))
    print(
        f"MCP stdio: server ready (spawn + list_tools) {ready:.2f} s; {1000 * per_call:.0f} ms per call; "
        f"{correct}/{len(few)} correct; {events} progress notifications"
    )
    if args.adapters_env is not None:
        res = adapters_round_trip(adapters_python(args.adapters_env), few)
        print(
            f"langchain-mcp-adapters {res['versions'][0]} on mcp {res['versions'][1]} (own venv) -> drt-agent mcp: "
            f"{len(res['tools'])} tools loaded in {res['loaded_s']:.2f} s; {res['correct']}/{len(few)} correct; "
            f"a bad call returns: {res['bad']!r}"
        )
    else:
        print("langchain-mcp-adapters: skipped (pass --adapters-env DIR to run it in its own venv)")


if __name__ == "__main__":
    main()
