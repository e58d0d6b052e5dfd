"""Relational text (kinship, the paper's generation offsets): the typed problem, the relation-word
tables and the exact solvers. Pure Python, no torch: the parser and the tools read it."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, StrictInt

from .base import Answer, Domain, Strict

if TYPE_CHECKING:
    from ..limits import Limits


class Fact(Strict):
    """One relation between two people: `subject` is the `relation` of `object`."""

    subject: str = Field(description="The first person.")
    relation: str = Field(description="The relation word, e.g. 'mother', 'parent', 'reports to'.")
    object: str = Field(description="The second person.")


class RelationalProblem(Strict):
    """How is one person related to another, given shuffled facts? Open question or yes/no."""

    domain: Literal["relational"] = "relational"
    facts: list[Fact] = Field(description="Facts in the story, in any order.", min_length=1)
    subject: str = Field(description="The person the question is about.", min_length=1)
    object: str = Field(description="The person the relation is relative to (the anchor).", min_length=1)
    relation: str | None = Field(
        default=None,
        description="For a yes/no question, the relation asked about ('Is X the R of Y?'); None for an open question.",
    )
    family: Literal["kinship", "paper", "custom"] = Field(
        default="kinship",
        description="Which relation family the facts use: 'kinship' (family trees, answered with kinship terms), "
        "'paper' (the source paper's parent/child chains, yes/no on the generation offset) or 'custom' (relation "
        "words a fine-tuned model learned; no exact solver).",
    )


# -- relation words ------------------------------------------------------------------------------------------
PARENT_WORDS = {"mother": "f", "father": "m", "parent": None}
CHILD_WORDS = {"daughter": "f", "son": "m", "child": None}
SIBLING_WORDS = {"sister": "f", "brother": "m", "sibling": None}
SPOUSE_WORDS = {"wife": "f", "husband": "m", "spouse": None}
FACT_WORDS = {**PARENT_WORDS, **CHILD_WORDS, **SIBLING_WORDS, **SPOUSE_WORDS}
MOVE_OF_WORD = {
    **dict.fromkeys(PARENT_WORDS, "D"),  # "X is the mother of Y": from X, Y is one generation down
    **dict.fromkeys(CHILD_WORDS, "U"),
    **dict.fromkeys(SIBLING_WORDS, "S"),
    **dict.fromkeys(SPOUSE_WORDS, "P"),
}
INVERSE = {"U": "D", "D": "U", "S": "S", "P": "P"}
MAX_GEN = 6  # kinship keys cover up to this many generations up and down
PAPER_MAX_OFFSET = 12
RESIDUES = 8  # paper offsets are held modulo 8: +-2 and +-4 (the hard negatives) stay distinguishable
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth"]


def offset_word(k: int) -> str:
    """The paper's single-token name of a signed generation offset (+1 parent, -2 grandchild, 0 sibling)."""
    if k == 0:
        return "sibling"
    base = "parent" if k > 0 else "child"
    n = abs(k)
    if n == 1:
        return base
    return "great-" * (n - 2) + "grand" + base


OFFSET_OF_WORD = {offset_word(k): k for k in range(-PAPER_MAX_OFFSET, PAPER_MAX_OFFSET + 1)}


def _gendered(female: str, male: str, neutral: str, gender: str | None) -> str:
    return female if gender == "f" else male if gender == "m" else neutral


def term_for(key: str, gender: str | None) -> str:
    """The kinship term of a key ('b2.1' = two generations up, one down: aunt/uncle) and a gender."""
    if not key.startswith("b"):
        if key == "spouse":
            return _gendered("wife", "husband", "spouse", gender)
        if key in ("parent-in-law", "sibling-in-law", "child-in-law"):
            base = key.split("-")[0]
            words = {
                "parent": ("mother", "father"),
                "sibling": ("sister", "brother"),
                "child": ("daughter", "son"),
            }
            f, m = words[base]
            return _gendered(f + "-in-law", m + "-in-law", key, gender)
        return "unrelated"
    a, b = (int(v) for v in key[1:].split("."))
    if b == 0:
        words = ("mother", "father", "parent")
    elif a == 0:
        words = ("daughter", "son", "child")
    else:
        words = ()
    if words:
        n = a or b
        word = _gendered(*words, gender)
        if n == 1:
            return word
        return "great-" * (n - 2) + "grand" + word
    if a == 1 and b == 1:
        return _gendered("sister", "brother", "sibling", gender)
    if b == 1:
        return "great-" * (a - 2) + _gendered("aunt", "uncle", "aunt or uncle", gender)
    if a == 1:
        return "great-" * (b - 2) + _gendered("niece", "nephew", "niece or nephew", gender)
    degree, removed = min(a, b) - 1, abs(a - b)
    times = {0: "", 1: " once removed", 2: " twice removed"}.get(removed, f" {removed} times removed")
    return f"{ORDINALS[degree - 1]} cousin{times}"


KIN_KEYS = [f"b{a}.{b}" for a in range(MAX_GEN + 1) for b in range(MAX_GEN + 1) if a + b > 0] + [
    "spouse",
    "parent-in-law",
    "sibling-in-law",
    "child-in-law",
]
KEY_OF_TERM: dict[str, str] = {}
GENDER_OF_TERM: dict[str, str | None] = {}
for _key in KIN_KEYS:
    for _g in ("f", "m", None):
        _t = term_for(_key, _g)
        KEY_OF_TERM.setdefault(_t, _key)
        GENDER_OF_TERM.setdefault(_t, _g)
KIN_TERMS = list(KEY_OF_TERM)


def kin_step(key: str, move: str) -> str:
    """Compose a kinship key with one move (U parent, D child, S sibling, P spouse): the per-hop rule."""
    if key == "self":
        return {"U": "b1.0", "D": "b0.1", "S": "b1.1", "P": "spouse"}[move]
    if key == "spouse":
        return {"U": "parent-in-law", "S": "sibling-in-law"}.get(move, "other")
    if not key.startswith("b"):
        return "other"
    a, b = (int(v) for v in key[1:].split("."))
    if b == 0:
        a, b = {"U": (a + 1, 0), "D": (a, 1), "S": (a + 1, 1)}.get(move, (-1, -1))
    elif move == "D":
        b += 1
    elif move == "P":
        if b == 1 and a >= 2:
            return key  # an aunt's husband is an uncle (by marriage)
        return {(0, 1): "child-in-law", (1, 1): "sibling-in-law"}.get((a, b), "other")
    elif move == "U":
        if b == 1 and a >= 1:
            a, b = a, 0  # a sibling's (aunt's...) parent is one's own parent (grandparent...)
        else:
            return "other"  # one's child's or nephew's other parent: not a blood relation
    if a < 0 or a > MAX_GEN or b > MAX_GEN:
        return "other"
    return f"b{a}.{b}"


# -- exact solvers -------------------------------------------------------------------------------------------
def moves_of(word: str) -> list[str] | None:
    """The moves from a fact's object to its subject that a relation word states ('aunt': U U D), or None."""
    word = word.lower()
    if word in MOVE_OF_WORD:
        return [INVERSE[MOVE_OF_WORD[word]]]
    if word in OFFSET_OF_WORD and word not in KEY_OF_TERM:
        k = OFFSET_OF_WORD[word]
        return ["U"] * k if k > 0 else ["D"] * -k
    key = KEY_OF_TERM.get(word)
    if key is None:
        return None
    if not key.startswith("b"):
        return {"spouse": ["P"], "parent-in-law": ["P", "U"], "sibling-in-law": ["P", "S"]}.get(
            key, ["D", "P"]
        )
    a, b = (int(v) for v in key[1:].split("."))
    if a and b:
        return ["U"] * (a - 1) + ["S"] + ["D"] * (b - 1)
    return ["U"] * a + ["D"] * b


def _moves(facts: list[Fact]) -> dict[str, list[tuple[str, list[str]]]]:
    """Adjacency: person -> [(neighbour, the moves from person to neighbour)]."""
    adj: dict[str, list[tuple[str, list[str]]]] = {}
    for f in facts:
        adj.setdefault(f.subject, [])
        adj.setdefault(f.object, [])
        moves = moves_of(f.relation)
        if moves is None:
            continue
        # "X is the <word> of Y": from Y, the word's moves lead to X; from X, the inverse path leads to Y
        adj[f.object].append((f.subject, moves))
        adj[f.subject].append((f.object, [INVERSE[m] for m in reversed(moves)]))
    return adj


def kin_keys(facts: list[Fact], anchor: str, start: str = "self") -> dict[str, str]:
    """Every person's kinship key relative to `anchor`, along shortest fact paths ('other' if unnamed/unlinked).

    start: the key the anchor itself holds ("self"); training may start from another key, so that every key's
    per-fact step (kin_step) is composed near the anchor (the kinship counterpart of the paper's anchor shift)."""
    adj = _moves(facts)
    keys = dict.fromkeys(adj, "other")
    keys[anchor] = start
    seen = {anchor}
    queue = deque([anchor])
    while queue:
        u = queue.popleft()
        for v, moves in adj.get(u, []):
            if v not in seen:
                seen.add(v)
                key = keys[u]
                for move in moves:
                    key = kin_step(key, move)
                keys[v] = key
                queue.append(v)
    return keys


def generation_offsets(facts: list[Fact], anchor: str) -> dict[str, int | None]:
    """Every person's generation minus the anchor's (the paper's signed offset); None if not linked."""
    delta = {"U": 1, "D": -1, "S": 0, "P": 0}
    adj = _moves(facts)
    out: dict[str, int | None] = dict.fromkeys(adj)
    out[anchor] = 0
    queue = deque([anchor])
    while queue:
        u = queue.popleft()
        for v, moves in adj.get(u, []):
            if out.get(v) is None and v != anchor:
                out[v] = out[u] + sum(delta[m] for m in moves)  # type: ignore[operator]
                queue.append(v)
    return out


def gender_of(facts: list[Fact], person: str) -> str | None:
    """A person's gender from the gendered words that describe them (None if no fact says)."""
    for f in facts:
        word = f.relation.lower()
        if f.subject == person and (FACT_WORDS.get(word) or GENDER_OF_TERM.get(word)):
            return FACT_WORDS.get(word) or GENDER_OF_TERM.get(word)
    return None


def solve_exact(problem: RelationalProblem) -> Answer:
    """The exact answer: a kinship term for open questions, a bool for yes/no; None for unknown families."""
    if problem.family == "paper":
        offset = generation_offsets(problem.facts, problem.object).get(problem.subject)
        if problem.relation is None:
            return offset_word(offset) if offset is not None else "unrelated"
        asked = OFFSET_OF_WORD.get(problem.relation.lower())
        return offset is not None and asked == offset
    if problem.family != "kinship":
        return None
    key = kin_keys(problem.facts, problem.object).get(problem.subject, "other")
    term = term_for(key, gender_of(problem.facts, problem.subject))
    if problem.relation is None:
        return term
    asked = problem.relation.lower()
    if GENDER_OF_TERM.get(asked, "?") is None:  # a gender-neutral question ("Is X Y's parent?")
        return KEY_OF_TERM.get(asked) == key
    return asked == term


# -- the domain ----------------------------------------------------------------------------------------------------
def check_limits(limits: Limits, problem: RelationalProblem) -> None:
    limits.check("max_edges", len(problem.facts), "the number of facts")
    people = {f.subject for f in problem.facts} | {f.object for f in problem.facts}
    limits.check("max_nodes", len(people), "the number of people")
    limits.check("max_name_chars", max(map(len, people), default=0), "the longest name")


def checkpoint(problem: RelationalProblem) -> str:
    """Stories in the paper's generation-offset words go to the paper-protocol checkpoint."""
    return "relational-paper" if problem.family == "paper" else "relational"


def describe(problem: RelationalProblem, solution: Any) -> list[str]:
    ask = (
        f"is {problem.subject} the {problem.relation} of {problem.object}?"
        if problem.relation
        else (f"how is {problem.subject} related to {problem.object}?")
    )
    return [f"read as: {len(problem.facts)} facts ({problem.family}); {ask}"]


def summarize(problem: RelationalProblem, solution: Any) -> str:
    answer = solution.answer
    if problem.relation is not None and isinstance(answer, bool):
        return (
            f"{'Yes' if answer else 'No'}: {problem.subject} is {'' if answer else 'not '}the {problem.relation} "
            f"of {problem.object}."
        )
    if answer in (None, "other", "unrelated", "unknown"):
        return (
            f"No known relation: the story does not connect {problem.subject} to {problem.object} by a named "
            "relation."
        )
    return f"{problem.subject} is the {answer} of {problem.object}."


MAX_TOOL_STORY = 20_000
MAX_TOOL_QUESTION = 2000


class RelationalToolArgs(Strict):
    """A short story of relations between people, and a question about two of them."""

    story: str = Field(
        min_length=1,
        max_length=MAX_TOOL_STORY,
        description="The facts as sentences, in any order, e.g. 'Ann is the mother of Bob. Bob is the father of Cy.'",
    )
    question: str | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_TOOL_QUESTION,
        description="The question, e.g. 'How is Ann related to Cy?' or 'Is Ann the grandmother of Cy?'. "
        "Null if the story already ends with it.",
    )
    steps: StrictInt | None = Field(
        default=None,
        ge=1,
        le=512,
        description="Thinking steps for the recurrent core. Null (recommended) lets the model choose its own "
        "depth per problem.",
    )


def tool_problem(args: RelationalToolArgs, read: Callable[[str], Any]) -> RelationalProblem:
    story = args.story.strip()
    if not args.question:
        return read(story)
    return read(f"{story}{'' if story.endswith(('.', '?', '!')) else '.'} {args.question}")


DOMAIN = Domain(
    name="relational",
    title="relational text",
    problem=RelationalProblem,
    reader="drt_agent.parsers.relational:read_relational",
    detector="drt_agent.parsers.relational:looks_like_relational",
    tasks={
        "relational": "drt_agent.tasks.relational:RelationalTask",
        "relational-paper": "drt_agent.tasks.relational:PaperRelationalTask",
        "relational-paper-seq": "drt_agent.tasks.relational:PaperSequenceTask",
    },
    exact=solve_exact,
    example="Ann is Bob's mother. Carol is Ann's sister. How is Carol related to Bob?",
    check_limits=check_limits,
    describe=describe,
    summarize=summarize,
    checkpoint=checkpoint,
    tool_name="relational_reasoning",
    tool_description=(
        "Answer how two people in a short story are related by chaining its family facts (the mother of "
        "someone's father is their grandmother), or whether a stated relation holds. Use it when a story states "
        "kinship between named people (mother, son, sister, husband, grandparent, ...) and the question asks "
        "how two of them are related or whether a named relation holds. Do not use it for relations the story "
        "does not state (world knowledge), for non-family relations such as friends or colleagues (unless a "
        "model fine-tuned on them is loaded), or for ages, dates and counting relatives. Give the facts as "
        "sentences and the question, e.g. story='Ann is the mother of Bob. Bob is the father of Cy.', "
        "question='How is Ann related to Cy?'. Limits: kinship terms up to six generations apart (cousins, "
        "in-laws, great-...), one question per call, "
        f"{MAX_TOOL_STORY} characters of story; the shipped model is reliable up to four facts between the two "
        "people, and an exact solver checks every answer."
    ),
    tool_args=RelationalToolArgs,
    tool_problem=tool_problem,
)
