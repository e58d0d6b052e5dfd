"""Generate tests/data/logic_corpus.jsonl and tests/data/relational_corpus.jsonl for the routing/parse corpus.

Expected parses come from the generator (the expression tree or the family facts it drew), never from the
parsers; answers from the tasks' exact solvers on the expected problem. Regenerate with:

    .venv/bin/python tests/data/make_other_corpora.py   # seed 6
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from drt_agent.problems import Fact, LogicProblem, RelationalProblem
from drt_agent.tasks import make_task

HERE = Path(__file__).parent

# --- logic -------------------------------------------------------------------------------------------------
# An expression tree: ("lit", bool) | ("var", name) | ("not", t) | ("and"|"or", a, b) | ("par", t)
SPELLINGS = {
    "symbols": {"and": " & ", "or": " | ", "not": "!", "T": "T", "F": "F"},
    "doubled": {"and": " && ", "or": " || ", "not": "~", "T": "True", "F": "False"},
    "words": {"and": " and ", "or": " or ", "not": "not ", "T": "True", "F": "False"},
    "upper_words": {"and": " AND ", "or": " OR ", "not": "NOT ", "T": "TRUE", "F": "FALSE"},
    "digits": {"and": " and ", "or": " or ", "not": "not ", "T": "1", "F": "0"},
}
CANON = {"and": " & ", "or": " | ", "not": "!", "T": "T", "F": "F"}
FRAMES = ["{e}", "What is {e}?", "Evaluate: {e}", "{e} is", "{e} = ?"]


def draw_tree(rng: random.Random, depth: int, names: list[str]) -> tuple:
    if depth == 0 or rng.random() < 0.2:
        if names and rng.random() < 0.5:
            return ("var", rng.choice(names))
        return ("lit", rng.random() < 0.5)
    kind = rng.choice(["and", "or", "not", "par"])
    if kind == "not":
        return ("not", ("par", draw_tree(rng, depth - 1, names)))
    if kind == "par":
        return ("par", draw_tree(rng, depth - 1, names))
    return (kind, draw_tree(rng, depth - 1, names), draw_tree(rng, depth - 1, names))


def render(t: tuple, sp: dict[str, str]) -> str:
    """Binary operands are bracketed, so the written tree is the evaluated one whatever the precedence."""
    kind = t[0]
    if kind == "lit":
        return sp["T"] if t[1] else sp["F"]
    if kind == "var":
        return t[1]
    if kind == "not":
        return sp["not"] + render(t[1], sp)
    if kind == "par":
        return "(" + render(t[1], sp) + ")"
    a, b = (
        render(x, sp) if x[0] in ("lit", "var", "par", "not") else "(" + render(x, sp) + ")" for x in t[1:]
    )
    return a + sp[kind] + b


def logic_rows(n: int, rng: random.Random) -> list[dict]:
    task = make_task("logic")
    rows = []
    for k in range(n):
        spelling = list(SPELLINGS)[k % len(SPELLINGS)]
        names = rng.sample(["a", "b", "c", "x", "y", "rain", "wet"], rng.randint(0, 3)) if k % 3 == 0 else []
        tree = draw_tree(rng, rng.randint(1, 4), names)
        used = sorted(
            {x for x in names if x in render(tree, CANON).replace("(", " ").replace(")", " ").split()}
        )
        values = {v: rng.random() < 0.5 for v in used}
        expr = render(tree, SPELLINGS[spelling])
        text = rng.choice(FRAMES).format(e=expr)
        if values:
            text += " where " + ", ".join(f"{v}={values[v]}" for v in used)
        expected = LogicProblem(expression=render(tree, CANON), variables=values)
        rows.append(
            {
                "id": f"logic-{spelling}-{k}",
                "domain": "logic",
                "form": spelling,
                "text": text,
                "expected": expected.model_dump(exclude={"domain"}),
                "answer": task.exact(expected),
            }
        )
    return rows


# --- relational ----------------------------------------------------------------------------------------------
PEOPLE = [("Alice", "f"), ("Bob", "m"), ("Carol", "f"), ("Dave", "m"), ("Erin", "f"), ("Frank", "m"),
          ("Grace", "f"), ("Henry", "m"), ("Iris", "f"), ("Jack", "m")]  # fmt: skip
PARENT = {"f": "mother", "m": "father"}
CHILD = {"f": "daughter", "m": "son"}


def parent_fact(rng: random.Random, parent: tuple[str, str], child: tuple[str, str]) -> tuple[str, Fact]:
    """One parent-child fact in one of the documented phrasings, with the fact it states."""
    (p, pg), (c, cg) = parent, child
    form = rng.randrange(4)
    if form == 0:
        return f"{p} is {c}'s {PARENT[pg]}.", Fact(subject=p, relation=PARENT[pg], object=c)
    if form == 1:
        return f"{p} is the {PARENT[pg]} of {c}.", Fact(subject=p, relation=PARENT[pg], object=c)
    if form == 2:
        return f"{p} has a {CHILD[cg]} named {c}.", Fact(subject=c, relation=CHILD[cg], object=p)
    return f"{c} is {p}'s {CHILD[cg]}.", Fact(subject=c, relation=CHILD[cg], object=p)


GRAND = {
    ("f", 2): "grandmother",
    ("m", 2): "grandfather",
    ("f", 3): "great-grandmother",
    ("m", 3): "great-grandfather",
}


def relational_rows(n: int, rng: random.Random) -> list[dict]:
    task = make_task("relational")
    rows = []
    for k in range(n):
        length = rng.randint(2, 3)
        chain = rng.sample(PEOPLE, length + 1)  # chain[0] is the eldest
        said = [parent_fact(rng, chain[i], chain[i + 1]) for i in range(length)]
        rng.shuffle(said)
        top, bottom = chain[0][0], chain[-1][0]
        if k % 2 == 0:
            question, relation = f"How is {top} related to {bottom}?", None
        else:
            relation = GRAND[(chain[0][1], length)]
            if rng.random() < 0.5:  # a wrong gender or a wrong generation: a no-answer
                relation = rng.choice([r for r in GRAND.values() if r != relation])
            question = f"Is {top} {bottom}'s {relation}?"
        text = " ".join(s for s, _ in said) + " " + question
        expected = RelationalProblem(
            facts=[f for _, f in said], subject=top, object=bottom, relation=relation
        )
        rows.append(
            {
                "id": f"relational-kinship-{k}",
                "domain": "relational",
                "form": "kinship-open" if relation is None else "kinship-yes-no",
                "text": text,
                "expected": expected.model_dump(exclude={"domain"}),
                "answer": task.exact(expected),
            }
        )
    return rows


if __name__ == "__main__":
    rng = random.Random(6)
    for name, rows in (
        ("logic_corpus", logic_rows(50, rng)),
        ("relational_corpus", relational_rows(30, rng)),
    ):
        out = HERE / f"{name}.jsonl"
        out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        print(f"wrote {len(rows)} rows to {out}")
