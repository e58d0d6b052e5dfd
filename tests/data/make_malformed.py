"""Write tests/data/malformed.jsonl: malformed inputs with the error class and message fragment each must give.

Run: .venv/bin/python tests/data/make_malformed.py"""

import json
from pathlib import Path

M = []


def add(cat, text, contains, args=None, error="ParseError"):
    M.append(
        {
            "id": f"{cat}-{sum(1 for m in M if m['category'] == cat)}",
            "category": cat,
            "text": text,
            "args": args or [],
            "error": error,
            "contains": contains,
        }
    )


# empty
for t in ["", "   ", "\n\n\n", " \n \t "]:
    add("empty", t, "empty input")
# only a question
for t in [
    "Is A connected to B?",
    "Can you get from X to Y?",
    "Is node 5 reachable from node 0?",
    "Does A lead to F?",
    "Is there a path between node 0 and node 5?",
]:
    add("only-question", t, "no edges")
# only edges
for t in [
    "A-B, B-C.",
    "A -> B\nB -> C",
    "0 1\n1 2\n2 3",
    "A is connected to B. B is connected to C.",
    "There is a road from X to Y.",
    "(0, 1), (1, 2)",
]:
    add("only-edges", t, "no reachability question")
for t in ["digraph { a -> b }", '{"edges": [["A", "B"]]}', "A: B, C\nB: D"]:
    add("only-edges", t, "no reachability question")
# unknown node in the question
for t, n in [
    ("A-B. Is A connected to Z?", "'Z'"),
    ("A->B, B->C. Can Q reach A?", "'Q'"),
    ("(0, 1), (1, 2). Is there a path between node 0 and node 9?", "'9'"),
    ("digraph { a -> b } Is c reachable from a?", "'c'"),
    ('{"edges": [["A", "B"]]} Is A connected to C?', "'C'"),
    ("Alice follows Bob. Does Alice lead to Carol?", "'Carol'"),
]:
    add("unknown-node", t, f"names {n} as its")
# unbalanced brackets
for t in [
    '{"edges": [["A", "B"]} Is A connected to B?',
    "[(0, 1), (1, 2) Is 0 connected to 2?",
    "digraph { a -> b  Is a connected to b?",
    '{"edges": [["A", "B"]]\nIs A connected to B?',
    '{"edges": [["A", "B"]]]} Is A connected to B?',
]:
    add("unbalanced-brackets", t, "unbalanced brackets")
# a question missing its node
for t in [
    "A-B. Is A connected to?",
    "A-B. Is connected to B?",
    "A-B. Can you get from A to?",
    "A-B. Is there a path between A and?",
    "A-B. Does A lead to?",
    "A-B. Is reachable from A?",
]:
    add("question-missing-node", t, "could not understand the question")
# not a reachability question
for t in [
    "A-B. Is A frobnicated with B?",
    "A-B. What is the capital of France?",
    "A-B, B-C. How many edges are there?",
    "A-B. Why?",
]:
    add("bad-question", t, "could not understand the question")
add("two-questions", "A-B. Is A connected to B? Is B connected to A?", "2 questions")
# binary junk and control characters (as text; raw bytes via stdin are in test_malformed.py)
for t in [
    "\x00\x01\x02\x03",
    "A-B\x07. Is A connected to B?",
    "A-B. Is A connected to B?\x1b[31m",
    "\ufffd\ufffdPNG\x1a",
]:
    add("binary", t, "binary or control characters")
# sentences the graph reader does not understand
for t in [
    "A-B, the quick brown fox jumps over it. Is A connected to B?",
    "A-B, B. Is A connected to B?",
    "A is connected. Is A connected to A?",
    "A-B, C-. Is A connected to B?",
]:
    add("bad-edge", t, "could not ")
# bad structured graphs
add("bad-json", '{"edges": "A-B"} Is A connected to B?', '"edges" must be a list')
add("bad-json", '{"edges": [["A"]]} Is A connected to A?', "edge #1")
add("bad-json", '{"edges": [[true, "B"]]} Is A connected to B?', "must be a string or a number")
add("bad-json", '{"foo": 1} Is A connected to B?', "has no edges")
add(
    "bad-json",
    '{"edges": [["A", "B"]], "directed": "yes"} Is A connected to B?',
    '"directed" must be true or false',
)
add("bad-json", '{"edges": [["A", "B"]], "source": "A"}', 'give both "source" and "target"')
add("bad-dot", "digraph { A -> B -- C } Is A connected to C?", "DOT: a digraph uses '->'")
add("bad-dot", "graph { A -- } Is A connected to A?", "DOT:")
add("bad-dot", "digraph { -> B } Is B connected to B?", "DOT: expected a node name")
# junk that is no kind of problem
for t in ["hello world", "lorem ipsum dolor sit amet", "The weather is nice today.", "12345"]:
    add("junk", t, "could not")
# domain override errors
add(
    "domain",
    "A-B. Is A connected to B?",
    "unknown domain 'astrology'",
    args=["--domain", "astrology"],
    error="DomainError",
)
# limits
add("limit", "(" * 300 + "A-B" + ")" * 300 + " Is A connected to B?", "max_depth", error="LimitError")
add("limit", "A-B. Is A connected to B?", "max_chars", args=["--limit", "max_chars=10"], error="LimitError")
out = Path(__file__).with_name("malformed.jsonl")
out.write_text("".join(json.dumps(m, ensure_ascii=True) + "\n" for m in M))
print(len(M))
