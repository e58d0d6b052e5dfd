"""drt_agent.solve routes each typed problem to the checkpoint that was trained for its form."""

from __future__ import annotations

from drt_agent.parsers import parse

import drt_agent
from drt_agent.api import checkpoint_for

PAPER = "Ann is the parent of Bob . Bob is the parent of Cy . query : Ann is the grandparent of Cy"


def test_paper_protocol_text_goes_to_the_paper_checkpoint():
    problem = parse(PAPER)
    assert problem.family == "paper" and checkpoint_for(problem) == "relational-paper"
    sol = drt_agent.solve(PAPER)
    assert sol.model == "relational-paper" and sol.answer is True and sol.agrees_with_exact


def test_other_problems_go_to_their_domain():
    assert checkpoint_for(parse("A-B, B-C. Is A connected to C?")) == "graph"
    assert checkpoint_for(parse("not (True and False) or False")) == "logic"
    assert checkpoint_for(parse("Ann is Bob's mother. How is Ann related to Bob?")) == "relational"
