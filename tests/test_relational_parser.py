"""parse_relational: phrasings, names, the paper's format, custom relation words, and clear errors."""

from __future__ import annotations

import pytest
from drt_agent.parsers.relational import looks_like_relational, parse_relational

from drt_agent.errors import ParseError
from drt_agent.tasks.relational import solve_exact

pytest.importorskip("spacy")


def facts(text: str) -> set[tuple[str, str, str]]:
    return {(f.subject, f.relation, f.object) for f in parse_relational(text).facts}


Q = " How is Ann related to Bob?"


@pytest.mark.parametrize(
    "sentence",
    [
        "Ann is Bob's mother.",
        "Bob's mother is Ann.",
        "Ann is the mother of Bob.",
        "Bob has a mother named Ann.",
        "Bob has a mother called Ann.",
    ],
)
def test_one_fact_many_phrasings(sentence):
    assert facts(sentence + Q) == {("Ann", "mother", "Bob")}
    assert solve_exact(parse_relational(sentence + Q)) == "mother"


def answer(story: str, subject: str = "Ann", anchor: str = "Bob") -> object:
    """The exact answer for the story read, asked about two of its people."""
    return solve_exact(parse_relational(f"{story} How is {subject} related to {anchor}?"))


def test_has_a_child_named():
    assert answer("Ann has a son named Bob.", "Bob", "Ann") == "son"
    assert answer("Ann has a son named Bob.") == "mother"  # Ann: female from the first name


def test_symmetric_phrasings_and_compounds():
    assert answer("Zorb and Quil are siblings.", "Zorb", "Quil") == "sibling"  # names the list does not know
    assert answer("Ann and Bob are sisters.", "Bob", "Ann") == "sister"
    assert answer("Ann is married to Bob.") == "wife"
    assert answer("Ann and Bob are married.", "Bob", "Ann") == "husband"
    assert answer("Ann is Bob's great-grandmother.") == "great-grandmother"
    assert answer("Ann is the sister-in-law of Bob.") == "sister-in-law"


def test_clauses_joined_by_and_or_commas():
    story = "Ann is Cy's mother, and Cy is Bob's father; Dee is Bob's sister."
    assert answer(story) == "grandmother"
    assert answer(story, "Dee", "Cy") == "daughter"
    assert answer(story, "Cy", "Dee") == "father"


@pytest.mark.parametrize(
    ("question", "subject", "anchor", "relation"),
    [
        ("How is Ann related to Bob?", "Ann", "Bob", None),
        ("What is Ann to Bob?", "Ann", "Bob", None),
        ("Who is Ann to Bob?", "Ann", "Bob", None),
        ("Is Ann Bob's grandmother?", "Ann", "Bob", "grandmother"),
        ("Is Ann the grandmother of Bob?", "Ann", "Bob", "grandmother"),
        ("Is Ann Bob's great-aunt?", "Ann", "Bob", "great-aunt"),
    ],
)
def test_questions(question, subject, anchor, relation):
    p = parse_relational("Ann is Cy's mother. Cy is Bob's father. " + question)
    assert (p.subject, p.object, p.relation, p.family) == (subject, anchor, relation, "kinship")


def test_multiword_and_unusual_names():
    p = parse_relational(
        "Mary Ann is Jean-Luc's mother. Jean-Luc is Zoë's father. Is Mary Ann Zoë's grandmother?"
    )
    assert p.subject == "Mary Ann" and p.object == "Zoë"
    assert solve_exact(p) is True


def test_adjacent_names_in_a_question_are_split_by_the_story():
    p = parse_relational("Frank is Bob's father. Is Frank Bob's father?")
    assert (p.subject, p.object, p.relation) == ("Frank", "Bob", "father")


def test_paper_format():
    text = "Ann is the parent of Bob . Cy is the child of Bob . query : Ann is the grandparent of Cy"
    p = parse_relational(text)
    assert p.family == "paper" and p.relation == "grandparent"
    assert solve_exact(p) is True


def test_unknown_relation_words_make_a_custom_family():
    p = parse_relational("Bob reports to Ann. Ann manages Cy. What is Ann to Bob?")
    assert p.family == "custom"
    assert {(f.subject, f.relation, f.object) for f in p.facts} == {
        ("Bob", "reports to", "Ann"),
        ("Ann", "manages", "Cy"),
    }
    assert solve_exact(p) is None


def test_detector():
    assert looks_like_relational("Ann is Bob's mother. How is Ann related to Bob?")
    assert looks_like_relational("Ann is the parent of Bob . query : Ann is the parent of Bob")
    assert not looks_like_relational("A-B, B-C. Is A connected to C?")
    assert not looks_like_relational("not (True and False) or False")


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("", "empty input"),
        ("   ", "empty input"),
        ("Ann is Bob's mother.", "no question"),
        ("Ann is Bob's mother. How is Zed related to Bob?", "'Zed', who is never mentioned"),
        ("Ann is Bob's mother. How is Ann related to Zed?", "'Zed', who is never mentioned"),
        ("It rained all day. How is Ann related to Bob?", "no usable fact"),
        ("Ann is Bob's mother. How is Ann related?", "could not read the question"),
    ],
)
def test_bad_inputs(text, match):
    with pytest.raises(ParseError, match=match):
        parse_relational(text)


def test_routing_through_parse():
    from drt_agent.parsers import parse

    p = parse("Ann is Bob's mother. How is Ann related to Bob?", domain="relational")
    assert p.domain == "relational" and p.subject == "Ann"


def test_long_story_routes_by_its_question_and_too_long_is_a_limit_error():
    from drt_agent.parsers import parse

    from drt_agent.errors import LimitError

    story = "Ann is Bob's mother. " * 3000  # the question sits past what detectors read of the start
    assert parse(story + "How is Ann related to Bob?").domain == "relational"
    with pytest.raises(LimitError, match="at most 1,000,000"):
        parse_relational("Ann is Bob's mother. " * 50_000 + "How is Ann related to Bob?")
