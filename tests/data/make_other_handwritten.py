"""Write tests/data/other_handwritten.jsonl: hand-written logic and relational inputs in the spellings and
phrasings their parsers document, with the expected parse written by hand here and the answer from the tasks'
exact solvers. Run: .venv/bin/python tests/data/make_other_handwritten.py"""

from __future__ import annotations

import json
from pathlib import Path

from drt_agent.problems import Fact, LogicProblem, RelationalProblem
from drt_agent.tasks import make_task

LOGIC = [  # (text, canonical expression, variables)
    ("not (True and False) or False", "!(T & F) | F", {}),
    ("NOT (TRUE AND FALSE) OR FALSE", "!(T & F) | F", {}),
    ("¬(T ∧ F) ∨ F", "!(T & F) | F", {}),
    ("!(1 && 0) || 0", "!(T & F) | F", {}),
    (
        "(a and not b) or c where a=True, b=False, c=False",
        "(a & !b) | c",
        {"a": True, "b": False, "c": False},
    ),
    ("x = True\ny = False\nx and y is", "x & y", {"x": True, "y": False}),
    ("What is (1 or 0) and not 1?", "(T | F) & !T", {}),
    ("Evaluate: ~(F | ~T)", "!(F | !T)", {}),
    (
        "(rain or sprinkler) and not covered given rain=yes, sprinkler=no, covered=no",
        "(rain | sprinkler) & !covered",
        {"rain": True, "sprinkler": False, "covered": False},
    ),
    ("((T))", "((T))", {}),
    ("true & false | true", "T & F | T", {}),
    ("not not not False", "!!!F", {}),
]
RELATIONAL = [  # (text, facts, subject, object, relation, family)
    ("Alice is Bob's mother. Bob is Carol's father. How is Alice related to Carol?",
     [("Alice", "mother", "Bob"), ("Bob", "father", "Carol")], "Alice", "Carol", None, "kinship"),
    ("Bob's mother is Alice. Carol's father is Bob. What is Alice to Carol?",
     [("Alice", "mother", "Bob"), ("Bob", "father", "Carol")], "Alice", "Carol", None, "kinship"),
    ("Alice is the mother of Bob. Bob is the father of Carol. Is Alice Carol's grandmother?",
     [("Alice", "mother", "Bob"), ("Bob", "father", "Carol")], "Alice", "Carol", "grandmother", "kinship"),
    ("Ann has a son named Ben. Ben has a daughter named Cat. Is Ann Cat's grandfather?",
     [("Ben", "son", "Ann"), ("Cat", "daughter", "Ben")], "Ann", "Cat", "grandfather", "kinship"),
    ("Dan is the parent of Eve . Eve is the parent of Fay . query : Dan is the grandparent of Fay",
     [("Dan", "parent", "Eve"), ("Eve", "parent", "Fay")], "Dan", "Fay", "grandparent", "paper"),
    ("Gus is Hal's father. Hal is Ivy's father. Ivy is Jo's mother. How is Gus related to Jo?",
     [("Gus", "father", "Hal"), ("Hal", "father", "Ivy"), ("Ivy", "mother", "Jo")], "Gus", "Jo", None, "kinship"),
    ("Kim is Lee's daughter. Lee is Max's son. Is Max the grandparent of Kim?",
     [("Kim", "daughter", "Lee"), ("Lee", "son", "Max")], "Max", "Kim", "grandparent", "kinship"),
]  # fmt: skip


def rows() -> list[dict]:
    logic, rel = make_task("logic"), make_task("relational")
    out = []
    for i, (text, expr, values) in enumerate(LOGIC):
        p = LogicProblem(expression=expr, variables=values)
        out.append({"id": f"logic-hand-{i}", "domain": "logic", "form": "handwritten", "text": text,
                    "expected": p.model_dump(exclude={"domain"}), "answer": logic.exact(p)})  # fmt: skip
    for i, (text, facts, s, o, r, family) in enumerate(RELATIONAL):
        p = RelationalProblem(
            facts=[Fact(subject=a, relation=b, object=c) for a, b, c in facts],
            subject=s, object=o, relation=r, family=family,
        )  # fmt: skip
        out.append({"id": f"relational-hand-{i}", "domain": "relational", "form": "handwritten", "text": text,
                    "expected": p.model_dump(exclude={"domain"}), "answer": rel.exact(p)})  # fmt: skip
    return out


if __name__ == "__main__":
    data = rows()
    path = Path(__file__).with_name("other_handwritten.jsonl")
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in data), encoding="utf-8")
    print(f"wrote {len(data)} rows to {path}")
