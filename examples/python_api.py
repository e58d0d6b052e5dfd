"""The Python API in five steps: solve text, solve a typed problem, batch, control depth, handle errors.

python examples/python_api.py
"""

from __future__ import annotations

import drt_agent
from drt_agent import Edge, GraphProblem, ParseError, Reasoner
from drt_agent.checkpoint import shipped_names


def main() -> None:
    # 1. Text in, Solution out. The domain is detected; the shipped checkpoint loads once per process.
    sol = drt_agent.solve("A-B, B-C, C-F. Is A connected to F?")
    print(f"1. answer={sol.answer} steps_used={sol.steps_used} confidence={sol.confidence:.3f}")
    print(
        f"   exact check agrees: {sol.agrees_with_exact}; witness: {' -> '.join(sol.witness or [])} ({sol.hops} hops)"
    )

    # 2. A typed problem (what an agent's structured output or a JSON payload turns into).
    problem = GraphProblem(
        edges=[Edge(src=f"s{i}", dst=f"s{i + 1}") for i in range(40)],
        directed=True,
        source="s0",
        target="s40",
    )
    reasoner = Reasoner.load("graph")
    sol = reasoner.solve(problem)
    print(f"2. a 40-hop chain: answer={sol.answer}, the model chose {sol.steps_used} thinking steps")

    # 3. Many problems at once (batched per domain; a bad item yields its error, the rest are still answered).
    results = drt_agent.solve_many(
        ["X-Y. Is X connected to Y?", "X-Y, Z-W. Is X connected to W?", "nonsense"]
    )
    print("3.", [r.answer if isinstance(r, drt_agent.Solution) else type(r).__name__ for r in results])

    # 4. Fixed depth: too few steps cannot carry information 40 hops, enough steps can.
    shallow, deep = reasoner.solve(problem, steps=5), reasoner.solve(problem, steps=48)
    print(f"4. steps=5 -> {shallow.model_answer}, steps=48 -> {deep.model_answer}")  # the network, unchecked

    # 5. Errors are DrtError subclasses whose message says what to fix.
    try:
        drt_agent.solve("A-B, B-C. Which way to the station?", domain="graph")
    except ParseError as exc:
        print(f"5. ParseError: {exc}")

    # Other domains, when their checkpoints ship with this install.
    if "logic" in shipped_names():
        sol = drt_agent.solve("(T & !F) | (F & T)", domain="logic")
        print(f"logic: (T & !F) | (F & T) = {sol.answer} after {sol.steps_used} steps")
    if "relational" in shipped_names():
        sol = drt_agent.solve(
            "Ann is the mother of Bob. Bob is the father of Cy. How is Ann related to Cy?",
            domain="relational",
        )
        print(f"relational: Ann is Cy's {sol.answer} ({sol.steps_used} steps)")


if __name__ == "__main__":
    main()
