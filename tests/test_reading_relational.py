"""Reading kinship text as others write it: third-party stories (reasoning-gym), CLUTRR-style stories, pronouns,
appositions, couples, names, negation and contradictions. Answers are checked against independent oracles (a
genealogy read off the generator's own family tree, or answers worked out by hand), never the library's flag."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from drt_agent.domains.relational import solve_exact
from drt_agent.errors import ParseError

pytest.importorskip("spacy")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from drt_agent.parsers.relational import read_relational  # noqa: E402
from external_suites.relational import clutrr_style, rg_family  # noqa: E402


def exact(text: str) -> object:
    return solve_exact(read_relational(text).problem)


# -- third-party and re-implemented stories, against the genealogy oracle ----------------------------------------
def test_reasoning_gym_family_relationships_read_exactly():
    pytest.importorskip("reasoning_gym")
    items = rg_family(80, seed=3)
    got = [exact(it["text"]) for it in items]
    assert got == [it["expected"] for it in items]
    # its own labels differ only where the oracle explains why (reversed in-law labels, names it alone genders)
    assert {it["bucket"] for it in items if it["label"] != it["expected"]} <= {
        "rg label reversed (in-law)",
        "rg label gendered by the other person",
        "gender only in rg's name list",
    }


def test_clutrr_style_stories_read_exactly_or_refused():
    """Never a wrong reading; refused only where the text does not settle the answer (an unnamed person a
    grand- or in-law word implies may be someone the story names) or past the solver's generations."""
    items = clutrr_style(120, seed=7)
    right = 0
    for it in items:
        try:
            got = exact(it["text"])
        except ParseError as err:
            assert "does not say whether" in str(err) or "generations" in str(err), str(err)
            continue
        assert got == it["expected"], it["text"]  # never a wrong reading
        right += 1
    assert right >= 0.9 * len(items)


def test_reasoning_gym_end_to_end_with_the_shipped_model():
    pytest.importorskip("reasoning_gym")
    import drt_agent

    items = rg_family(24, seed=11)
    sols = drt_agent.solve_many([it["text"] for it in items])
    assert [s.answer for s in sols] == [it["expected"] for it in items]


# -- constructions ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("story", "subject", "anchor", "answer"),
    [
        ("Ruth baked a cake for her daughter Heather.", "Heather", "Ruth", "daughter"),
        ("Ruth baked a cake for her daughter Heather.", "Ruth", "Heather", "mother"),
        ("Dan took his son Tom fishing.", "Dan", "Tom", "father"),
        ("Dan went to the park with his son, John.", "John", "Dan", "son"),
        ("Heather, Ruth's daughter, was visiting.", "Heather", "Ruth", "daughter"),
        ("Bob's mother is Ann. Ann's mother is Cy.", "Cy", "Bob", "grandmother"),
        ("Ethan is married to Jennifer. They have a child called Liam.", "Jennifer", "Liam", "mother"),
        ("Ann and Bob are married. They have children called Cy, Dee and Eve.", "Eve", "Cy", "sister"),
        ("Ann loves to garden. She and her son Bob planted roses.", "Bob", "Ann", "son"),
        ("Ann and her husband Bob took their son Carl to the zoo.", "Bob", "Carl", "father"),
        ("Ann married Bob in June. Bob's sister is Cy. Cy's mother is Dee.", "Dee", "Ann", "mother-in-law"),
        ("Ann is Bob's grandma. Cy is Bob's brother.", "Ann", "Cy", "grandmother"),
        ("Ann is Bob's mom.\n\nBob has two sisters, Cy and Dee.", "Dee", "Ann", "daughter"),
        ("Ann is the proud mother of Bob.\nBob is married to Carol.", "Carol", "Ann", "daughter-in-law"),
        (
            "Ann is the proud mother of Bob.\nBob is married to Cy.",
            "Cy",
            "Ann",
            "child-in-law",
        ),  # Cy: no gender
    ],
)
def test_constructions(story, subject, anchor, answer):
    assert exact(f"{story} How is {subject} related to {anchor}?") == answer


def test_reading_reports_framing_and_assumptions():
    text = (
        "Jayden is married to Elizabeth. They have a child called Edward.\n\n"
        "What relation is Edward to Elizabeth? Answer with a single word."
    )
    r = read_relational(text)
    assert solve_exact(r.problem) == "son"
    assert r.skipped == ["Answer with a single word."]
    assert "Edward taken as male from the first name" in r.assumptions
    assert "facts" in r.read_as


def test_unisex_or_unknown_names_get_the_neutral_term_and_say_so():
    r = read_relational("Ann has a child named Jordan. How is Jordan related to Ann?")
    assert solve_exact(r.problem) == "child"
    assert any("does not say whether Jordan" in a for a in r.assumptions)
    with pytest.raises(ParseError, match="female or male"):
        read_relational("Ann has a child named Jordan. Is Jordan Ann's son?")


def test_short_names_that_look_like_abbreviations_end_sentences():
    assert exact("Zoe is the aunt of Mo. What is Mo to Zoe?") == "niece or nephew"
    assert exact("Ivy is the mother of Mo.\nZoe is Ivy's sister.\nWhat is Zoe to Mo?") == "aunt"


def test_cousin_means_first_cousin_and_other_cousins_are_refused():
    story = "Carolyn is Dan's daughter. Amanda is Dan's niece."
    r = read_relational(story + " Is Carolyn Amanda's cousin?")
    assert r.problem.relation == "first cousin" and solve_exact(r.problem) is True
    assert any("first cousin" in a for a in r.assumptions)
    assert exact("Carolyn is Dan's daughter. Dan is Amanda's uncle. Is Carolyn Amanda's cousin?") is True
    second = "Cy is Bob's first cousin. Dee is Bob's son. Is Dee Cy's cousin?"  # first cousin once removed
    with pytest.raises(ParseError, match="depends on usage"):
        read_relational(second)


# -- forms others write: data rows, clauses, lists, chains, wrappers (answers worked out by hand) -------------------
TABLE = "| Person | Relationship | Related to |\n|---|---|---|\n"


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        # rows as facts: the direction from the legend, the header's words or the record's keys
        ("Each row means: <Person> is the <Relationship> of <Related to>.\n\n" + TABLE
         + "| Mia | daughter | Omar |\n| Omar | son | Rita |\n\nHow is Rita related to Mia?", "grandmother"),
        ("Each row means: <Related to> is the <Relationship> of <Person>.\n\n" + TABLE
         + "| Mia | mother | Jo |\n\nHow is Mia related to Jo?", "daughter"),
        ("people.csv:\nperson,is_the,of\nLena,wife,Omar\nOmar,brother,Sue\nHow is Lena related to Sue?", "sister-in-law"),
        ('[{"person": "Ivo", "is": "father", "of": "Nell"}, {"person": "Nell", "is": "mother", "of": "Pia"}]\n'
         "What is Ivo to Pia?", "grandfather"),
        ('```json\n{"Nell": {"mother": "Ruth", "sons": ["Al", "Ben"]}}\n```\nHow is Al related to Ruth?', "grandson"),
        ("Ann.father = Carl\nCarl.sister = Dora\n\nHow is Dora related to Ann?", "aunt"),
        ("# X.mother = Y means X is Y's mother\nAnn.mother = Bea\nHow is Bea related to Ann?", "daughter"),
        ("father(tom, bob).\nmother(ann, bob).\nfather(bob, liz).\n\nWhat is Ann to Liz?", "grandmother"),
        ("% mother(X, Y) means Y is the mother of X\nmother(bob, ann).\nmother(liz, bob).\nHow is Ann related to Liz?",
         "grandmother"),
        ("Ann:\n  sex: female\n  mother: Bea\n  children: [Cy, Di]\n\nHow is Bea related to Cy?", "grandmother"),
        ("- name: Ann\n  father: Dan\n- name: Dan\n  sister: Eve\n\nHow is Eve related to Ann?", "aunt"),
        ("Name: Ann\nSex: F\nRelation to head: Wife\n\nName: Bob\nRelation to head: Head\n\nName: Cy\n"
         "Relation to head: Son\n\nHow is Ann related to Bob?", "wife"),
        # clauses
        ("Hugo, whose wife is Ines, teaches. Ines, whose brother is Jon, sings. How is Jon related to Hugo?",
         "brother-in-law"),
        ("Hugo, whose mother is Ines, is Jon's brother. How is Jon related to Ines?", "son"),
        ("Tara, a baby girl, was born to Ken and his wife Lou. Sam, a baby boy, was born to Lou. "
         "How is Sam related to Tara?", "brother"),
        ("Vera introduced Walt as her father. Walt introduced Yara to everyone as his sister. "
         "How is Yara related to Vera?", "aunt"),
        ("Ann, whose father was Dan, married Bob. How is Dan related to Bob?", "father-in-law"),
        ("Ann, who is Bob's mother, loves tea. Bob's mother, who is called Ann, sings. How is Bob related to Ann?",
         "son"),
        ("Ann is the mother of both Bob and Eve. Eve is Cy's mother. How is Bob related to Cy?", "uncle"),
        ("Ann: mother of Bob; Bob: father of Cy.\nHow is Ann related to Cy?", "grandmother"),
        # quoted words read with their speaker
        ('"Bob is my brother," Ann said. Bob said, "Cy is my son." How is Ann related to Cy?', "aunt"),
        ('Ann told Bob, "Cy is your sister." How is Cy related to Bob?', "sister"),
        # lists of relatives
        ("Ann's children are Bob and Eve. Eve is Cy's mother. How is Bob related to Cy?", "uncle"),
        ("Ann has 2 kids: Bob and Eve. Eve is Cy's mother. How is Bob related to Cy?", "uncle"),
        ("Gus and his wife Hana are the proud parents of three children: a son named Ian, a daughter named Jill "
         "and a son named Kurt. How is Jill related to Kurt?", "sister"),
        ("Gus has two daughters, Hana and Ida, and a son, Jack. How is Jack related to Ida?", "brother"),
        ("Sven has a son named Lars, and Lars has a daughter named Freya. How is Freya related to Sven?",
         "granddaughter"),
        # possessives through other people, named or not
        ("Lola is the mother of Max's wife, Nora. How is Lola related to Max?", "mother-in-law"),
        ("Max's mother's brother is Otto. How is Otto related to Max?", "uncle"),
        ("Otto is the brother of Max's mother. Pam is Otto's daughter. How is Pam related to Max?", "first cousin"),
        ("Max's mother's brother is Otto. Max's mother is Nina. How is Otto related to Nina?", "brother"),
        # compact rows, titles, wrappers, labels
        ("Quinn: Rosa's son; Rosa: Sara's daughter.\nHow is Sara related to Quinn?", "grandmother"),
        ("Grandpa Tom has a daughter named Uma. Uma's son is Vic. How is Tom related to Vic?", "grandfather"),
        ("Subject: quick question\n\nHi Ana,\n\nWe found some notes. Ben is Cal's father. Cal is Dan's father.\n\n"
         "So my question is: What is Ben to Dan?\n\nThanks,\nEve", "grandfather"),
        ("Ben is Cal's father.\n\nStatement: Cal is Ben's son.\nBased on the facts above, is this statement true "
         "or false?", True),
        ("Ben is Cal's father.\nQuestion: Fill in the blank: Cal is Ben's ____.", "son"),
        ("System: You answer questions about family relationships.\nUser: Here is a family.\nBen is Cal's father. "
         "True or false: Cal is Ben's daughter.", False),
    ],
)  # fmt: skip
def test_forms_others_write(text, answer):
    assert exact(text) == answer


def test_wrappers_and_rows_are_reported():
    r = read_relational(
        "Subject: quick question\n\nHi Ana,\n\nBen is Cal's father.\n\n"
        "So my question is: What is Ben to Cal?\n\nThanks,\nEve"
    )
    assert {"Subject: quick question", "Hi Ana,", "So my question is:", "Thanks,", "Eve"} <= set(r.skipped)
    r = read_relational("person,is_the,of\nLena,wife,Omar\nHow is Lena related to Omar?")
    assert "CSV of 1 rows" in r.read_as and "person,is_the,of" in r.skipped
    r = read_relational("Ann.father = Carl\nHow is Carl related to Ann?")
    assert any("key-value" in a for a in r.assumptions)


def test_a_row_quoted_as_written_when_refused():
    with pytest.raises(ParseError, match=r"Ann,boss,Bob"):
        read_relational("person,is_the,of\nAnn,boss,Bob\nCy,son,Bob\nHow is Ann related to Cy?")


def test_genders_stated_by_appositions_and_titles():
    assert exact("Sam, a baby girl, was born to Ken. Is Sam Ken's daughter?") is True
    with pytest.raises(ParseError, match="contradiction"):
        read_relational("Sam, a baby girl, was born to Ken. Sam is Lou's son. Is Sam Ken's daughter?")
    assert exact("Aunt Jo has a son named Peter. What is Jo to Peter?") == "mother"


def test_blind_dev_corpus_reads_without_a_wrong_answer():
    """The blind corpus's dev half (written without reading the parser): nothing read wrong."""
    path = ROOT / "tests" / "data" / "blind" / "kinship_dev.jsonl"
    items = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    right = 0
    for it in items:
        try:
            got = exact(it["text"])
        except ParseError:
            continue
        assert got == it["expected"], it["text"]
        right += 1
    assert right >= 0.95 * len(items)


def test_reading_raises_only_parse_errors_on_damaged_text():
    """Words dropped, swapped or inserted into third-party stories: a reading or a ParseError, never a crash."""
    import random

    rng = random.Random(5)
    texts = [it["text"] for it in clutrr_style(30, seed=2)]
    noise = [",", "and", "'s", "whose", "her", ":", "|", "{", "[", "mother", "sister's", "of", "not", "\n"]
    for _ in range(300):
        words = rng.choice(texts).split(" ")
        i = rng.randrange(len(words))
        words.insert(i, rng.choice(noise)) if rng.random() < 0.5 else words.pop(i)
        with contextlib.suppress(ParseError):
            exact(" ".join(words))


# -- refusals: unknown words, ambiguity --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("Ann is Bob's mother. Cy is Bob's boss. How is Cy related to Ann?", "'boss'"),
        ("Ann is Bob's stepmother. How is Ann related to Bob?", "'stepmother'"),
        ("Ann is Bob's partner. How is Ann related to Bob?", "'partner'"),
        ("Ann told Beth about her son Cy. How is Cy related to Ann?", "could not tell who 'her' means"),
        ("Ann has a son. How is Ann related to Bob?", "could not read how 'son'"),
        ("Ann is Bob's mother. Is Ann Bob's mother? How is Ann related to Bob?", "2 questions"),
        ("Ann is Bob's mother. Are Ann and Bob sisters?", "could not read the question"),
        # the parent between a grandmother and her grandchild may be the son the story names
        (
            "Ann is Bob's grandma. Cy is Ann's son. How is Cy related to Bob?",
            "does not say whether Bob's parent",
        ),
        ("Ann and Bob have two children: Cy, a son, and Di, a daughter. How is Cy related to Ann?", "'son'"),
        ("Ann introduced Bob as her son's friend. How is Bob related to Ann?", "'son'"),
        (
            "Bob is the son of Ann's sister. Cy is Ann's sister. How is Bob related to Cy?",
            "nephew if not, son",
        ),
        ("Ann, whose mother is Bea, is Cy's friend. Cy is Bea's son. How is Ann related to Cy?", "'friend'"),
        ("Ann | mother | Bob\nCy | son | Bob\nHow is Ann related to Cy?", "no header saying which way"),
        ("name,relation,relative\nAnn,mother,Bob\nHow is Ann related to Bob?", "does not say which column"),
        (
            "Name: Ann\nRelation to head: Wife\n\nName: Cy\nRelation to head: Son\n\nHow is Cy related to Ann?",
            "no usable fact",
        ),  # no head named: the census rows are not read
        ('He said, "Bob is my brother." How is Bob related to Ann?', "could not read how 'brother'"),
        (
            "Ann:\n  mother: Bea\n  employer: Cy\nHow is Bea related to Ann?",
            "'mother'",
        ),  # a field not understood
    ],
)
def test_refusals_say_what_was_not_understood(text, match):
    with pytest.raises(ParseError, match=match):
        read_relational(text)


def test_custom_relation_words_stay_as_written_outside_kinship_stories():
    p = read_relational("Ivy is the boss of Mo. Zoe manages Ivy. What is Mo to Zoe?").problem
    assert p.family == "custom" and (p.subject, p.object) == ("Mo", "Zoe")


def test_codes_are_not_a_custom_family():
    """Course codes ('CS 125') are not people: such text is left to the graph reader, not read as relations."""
    text = "CS 125 is a prerequisite for PHYS 263. PHYS 263 requires MATH 101. Is MATH 101 a prerequisite for CS 125?"
    with pytest.raises(ParseError, match="does not read as relations between named people"):
        read_relational(text)


# every sentence examples/finetune_org_corpus.py writes, with the fact it states (subject, relation, object)
_ORG_SENTENCES = [
    (r"(\w+) reports to (\w+)\.", lambda a, b: (a, "reports to", b)),
    (r"(\w+) manages (\w+)\.", lambda a, b: (a, "manages", b)),
    (r"(\w+) is managed by (\w+)\.", lambda a, b: (a, "is managed by", b)),
    (r"(\w+) is (\w+)'s boss\.", lambda a, b: (a, "boss", b)),
    (r"(\w+) and (\w+) are peers\.", lambda a, b: (a, "are peers", b)),
    (r"(\w+) and (\w+) share a manager\.", lambda a, b: (a, "and share a manager", b)),
    (r"(\w+) is a peer of (\w+)\.", lambda a, b: (a, "peer", b)),
]


def _org_oracle(text: str) -> list[tuple[str, str, str]]:
    """The facts of an org-chart story, read off the generator's own sentence templates."""
    out = []
    for sentence in re.findall(r"[^.]+\.", text):
        hits = [f(*m.groups()) for pat, f in _ORG_SENTENCES if (m := re.fullmatch(pat, sentence.strip()))]
        assert len(hits) == 1, sentence
        out.append(hits[0])
    return out


def test_custom_family_org_corpus_reads_every_line_as_written():
    """Fine-tuning on a user's own relations: every line of the org-chart corpus generator reads as custom,
    with names at the start of a sentence ('Noa reports to Max') and questions in the story's own words ('Is
    Faye Yuri's peer's report?'); the facts and the question are those the generator wrote."""
    spec = importlib.util.spec_from_file_location("org", ROOT / "examples" / "finetune_org_corpus.py")
    org = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(org)  # type: ignore[union-attr]
    rng = np.random.default_rng(0)
    for _ in range(300):
        ex = org.example(rng, int(rng.integers(1, 4)))
        p = read_relational(f"{ex['text']} {ex['question']}").problem
        assert p.family == "custom"
        assert sorted((f.subject, f.relation, f.object) for f in p.facts) == sorted(_org_oracle(ex["text"]))
        open_q = re.fullmatch(r"What is (\w+) to (\w+)\?", ex["question"])
        yes_no = re.fullmatch(r"Is (\w+) (\w+)'s (.+)\?", ex["question"])
        want = (*open_q.groups(), None) if open_q else yes_no.groups()  # type: ignore[union-attr]
        assert (p.subject, p.object, p.relation) == want


# -- negation (issue 17, item 1) -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "negated",
    ["Ann is not Bob's mother.", "Ann isn't Bob's mother.", "Ann was never Bob's mother.",
     "It is false that Ann is Bob's mother."],
)  # fmt: skip
def test_a_negated_fact_is_never_a_relation(negated):
    with pytest.raises(ParseError, match="negated") as err:
        read_relational(f"{negated} Is Ann Bob's mother?")
    assert negated in str(err.value)
    # with other facts, the question about exactly the negated fact is answered from them: no
    r = read_relational(f"{negated} Ann is Bob's aunt. Is Ann Bob's mother?")
    assert solve_exact(r.problem) is False and negated in r.read_as
    assert all(f.relation not in ("mother", "parent") or f.subject != "Ann" for f in r.problem.facts)


def test_negated_questions_are_refused():
    with pytest.raises(ParseError, match="negated"):
        read_relational("Ann is Bob's mother. Is Ann not Bob's mother?")


# -- contradictions (issue 17, item 2) -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Ann is Bob's mother. Bob is Ann's mother. How is Ann related to Bob?", ["Ann is Bob's mother.", "Bob is Ann's mother."]),
        ("Ann is Ann's mother. Ann is Bob's aunt. How is Ann related to Bob?", ["Ann is Ann's mother."]),
        ("Ann is Bob's mother. Ann is Cy's father. How is Ann related to Bob?", ["Ann is Bob's mother.", "Ann is Cy's father."]),
        ("Ann is Bob's mother. Cy is Ann's mother. Bob is Cy's father. How is Ann related to Bob?", ["Bob is Cy's father."]),
        ("Ann is Bob's mother. It is false that Ann is Bob's mother. Is Ann Bob's mother?", ["It is false that Ann is Bob's mother."]),
        ("Ann is Bob's sister. Ann is Bob's wife. How is Ann related to Bob?", ["Ann is Bob's sister.", "Ann is Bob's wife."]),
    ],
)  # fmt: skip
def test_contradictions_are_refused_quoting_the_facts(text, quoted):
    with pytest.raises(ParseError, match="contradiction") as err:
        read_relational(text)
    for q in quoted:
        assert q in str(err.value)


# -- routing stays cheap -------------------------------------------------------------------------------------------
def test_detector_imports_no_spacy():
    code = (
        "import sys; from drt_agent.parsers.relational import looks_like_relational as f; "
        "assert f('Ethan is married to Jennifer. They have a child called Liam.\\n\\nWhat is Liam to Ethan?'); "
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- blind2 notations: one hand-worked family written as people write family data --------------------------------
# Ann Lee (f) married Bob Lee (m); their children Cy Lee (m) and Di Lee (f); Di married Ed Fox (m); their daughter
# Flo Fox (f). Worked by hand: Flo is Ann's granddaughter, Cy is Flo's uncle, Ed is Ann's son-in-law and Cy's
# brother-in-law, Ann is Ed's mother-in-law, Bob is Flo's grandfather.
GEDCOM = """0 HEAD
0 @I1@ INDI
1 NAME Ann /Lee/
1 SEX F
0 @I2@ INDI
1 NAME Bob /Lee/
1 SEX M
0 @I3@ INDI
1 NAME Cy /Lee/
1 SEX M
0 @I4@ INDI
1 NAME Di /Lee/
1 SEX F
0 @I5@ INDI
1 NAME Ed /Fox/
1 SEX M
0 @I6@ INDI
1 NAME Flo /Fox/
1 SEX F
0 @F1@ FAM
1 HUSB @I2@
1 WIFE @I1@
1 MARR
1 CHIL @I3@
1 CHIL @I4@
0 @F2@ FAM
1 HUSB @I5@
1 WIFE @I4@
1 MARR
1 CHIL @I6@
0 TRLR"""
SQL = """CREATE TABLE person (id INT PRIMARY KEY, name TEXT, sex CHAR(1), mother_id INT, father_id INT, spouse_id INT);
INSERT INTO person VALUES
  (1, 'Ann Lee', 'F', NULL, NULL, 2),
  (2, 'Bob Lee', 'M', NULL, NULL, 1),
  (3, 'Cy Lee', 'M', 1, 2, NULL),
  (4, 'Di Lee', 'F', 1, 2, 5),
  (5, 'Ed Fox', 'M', NULL, NULL, 4),
  (6, 'Flo Fox', 'F', 4, 5, NULL);"""
PYTHON = """```python
@dataclass
class Person:
    name: str
    sex: str
    mother: "Person | None" = None
    father: "Person | None" = None
    spouse: "Person | None" = None

ann = Person("Ann", "F")
bob = Person("Bob", "M")
cy = Person("Cy", "M", mother=ann, father=bob)
di = Person("Di", "F", mother=ann, father=bob)
ed = Person("Ed", "M")
flo = Person("Flo", "F", mother=di, father=ed)
ann.spouse, bob.spouse = bob, ann
di.spouse, ed.spouse = ed, di
```"""
RDF = """```turtle
@prefix : <http://example.org/family#> .
:Ann :hasHusband :Bob .
:Ann :hasSon :Cy ;
     :hasDaughter :Di .
:Bob :fatherOf :Cy, :Di .
:Ed :isHusbandOf :Di .
:Di :hasDaughter :Flo .
:Flo :hasFather :Ed .
```"""
ARROWS = """Edges (read 'A --mother of--> B' as 'A is the mother of B'):
Ann --wife of--> Bob
Ann --mother of--> Cy
Bob -[father of]-> Di
Cy -[brother of]-> Di
Ed --husband of--> Di
Flo --daughter of--> Di
Ed --father of--> Flo"""
HTML = """<ul>
  <li><b>Ann</b> – wife of Bob</li>
  <li><b>Cy</b> – son of Ann and son of Bob</li>
  <li><b>Di</b> – daughter of Ann and Bob</li>
  <li><b>Ed</b> &ndash; husband of Di</li>
  <li><b>Flo</b> – daughter of Di and daughter of Ed</li>
</ul>"""
CAST = """DRAMATIS PERSONAE
ANN, wife of Bob and mother of Cy and mother of Di.
BOB, father of Cy and father of Di.
CY.
DI, wife of Ed.
ED, father of Flo.
FLO, Di's daughter."""
OUTLINE = """Family outline (children are indented under their parents):
- Ann (f) ⚭ Bob (m)
  - Cy (m)
  - Di (f) ⚭ Ed (m)
    - Flo (f)"""
REGISTER = """Family group register:
1. Bob Lee (m) married Ann Lee (f). Children: i. Cy Lee (m); ii. Di Lee (f).
2. Ed Fox (m) married Di Lee (f). Children: i. Flo Fox (f).
3. Cy Lee (m). No children recorded."""
CHAT = """Family group chat:
[Ann] hi all, Ann here — Bob's wife
[Cy] is the barbecue still on?
[Bob] Cy is my son btw
[Di] I'm Bob's daughter, for those who don't know me
[Ann] Di is my daughter btw
[Ann] adding my son Cy to the chat
[Ed] hi all, Ed here — Di's husband
[Flo] Ed is my dad btw
[Di] Flo is my daughter btw"""
SHORTHAND = (
    "notes for the party: ann's hubby: bob. cy = ann's son. di = bob's daughter. ann is di's mom. "
    "ed = di's hubby. flo is ed's daughter. di's daughter: flo. cy = bob's son."
)
FORM = """SCHOOL CONTACT FORM
Student name: Flo Fox
Sex: Female
Contact: Ed — relationship to student: father
Contact: Di — relationship to student: mother
Office notes: Ann is Di's mother. Bob is Ann's husband. Bob is Cy's father. Ann is Cy's mother."""
OBITUARY = (
    "Ann Lee, 84, of Millbrook, passed away peacefully on Tuesday. She is survived by her husband Bob, her son Cy "
    "and her daughter Di. The family would also like to note: Ed is Di's husband. Flo is the daughter of Di. Ed is "
    "Flo's father. Bob is Di's father. Bob is Cy's father."
)
WEDDING = (  # the same family with first names that tell the bride (Diana for Di, Edward for Ed)
    "Wedding announcements — Diana Lee and Edward Fox were married on Saturday at St. Anne's. The bride is the "
    "daughter of Ann and Bob. Among the guests: Cy is Ann's son. Bob is Cy's father. Flo is Edward's daughter. "
    "Diana is Flo's mother. Ann is Bob's wife."
)
TOOL_LOG = """Thought: I need the family links.
Action: lookup_relatives("Ann")
Observation: {"husband": "Bob", "son": "Cy", "daughter": "Di"}
Action: lookup_relatives("Flo")
Observation: {"mother": "Di", "father": "Ed"}
Action: lookup_relatives("Di")
Observation: {"husband": "Ed", "father": "Bob"}
Action: lookup_relatives("Bob")
Observation: {"son": "Cy"}
Final Answer:"""
SHEET = "Name\tSex\tMother\tFather\tSpouse\nAnn\tF\t\t\tBob\nBob\tM\t\t\tAnn\nCy\tM\tAnn\tBob\t\nDi\tF\tAnn\tBob\tEd\nEd\tM\t\t\tDi\nFlo\tF\tDi\tEd\t"


@pytest.mark.parametrize(
    ("story", "question", "expected"),
    [
        (GEDCOM, "What is Flo Fox to Ann Lee?", "granddaughter"),
        (GEDCOM, "Is it true that Ed Fox is the brother-in-law of Cy Lee?", True),
        (SQL, "What kinship term describes Cy Lee with respect to Flo Fox?", "uncle"),
        (SQL, "Would you call Ann Lee a mother-in-law of Ed Fox?", True),
        (PYTHON, "Is it true that Ed is the son-in-law of Ann?", True),
        (PYTHON, "What relation is Cy to Flo?", "uncle"),
        (RDF, "How is Bob related to Flo?", "grandfather"),
        (RDF, "Is Cy Di's brother?", True),
        (ARROWS, "What is Cy to Flo?", "uncle"),
        (HTML, "What is Flo to Ann?", "granddaughter"),
        (CAST, "Flo is Bob's what?", "granddaughter"),
        (OUTLINE, "What relation is Ann to Ed?", "mother-in-law"),
        (REGISTER, "Is Cy Lee Flo Fox's uncle?", True),
        (CHAT, "[you] What is Ed's relationship to Ann?", "son-in-law"),
        (SHORTHAND, "q: what is cy to flo?", "uncle"),
        (FORM, "How is Ann related to Flo?", "grandmother"),
        (FORM, "How is Cy related to Flo?", "aunt or uncle"),  # nothing says whether Cy is female or male
        (OBITUARY, "What is Cy's relationship to Flo?", "uncle"),
        (WEDDING, "What is Ann to Flo?", "grandmother"),
        (TOOL_LOG.replace("Thought:", "Question: What is Flo to Bob?\nThought:"), "", "granddaughter"),
        (SHEET, "Is it true that Ed is the son-in-law of Bob?", True),
        ("(ann)-[:WIFE_OF]->(bob)\n(ann)-[:MOTHER_OF]->(di)\n(bob)-[:FATHER_OF]->(di)\n(di)-[:MOTHER_OF]->(flo)",
         "What is Bob to Flo?", "grandfather"),  # Cypher
        ("graph TD\nAnn -->|mother of| Di\nDi -->|mother of| Flo", "What is Ann to Flo?", "grandmother"),  # Mermaid
        ('digraph {\n  bob -> di [label="father of"];\n  di -> flo [label="mother of"];\n}', "What is Bob to Flo?",
         "grandfather"),  # DOT
        ("Family tree (children under their parents):\nAnn (f) ⚭ Bob (m)\n├── Cy (m)\n└── Di (f) ⚭ Ed (m)\n"
         "    └── Flo (f)", "What is Cy to Flo?", "uncle"),  # a drawn tree
        ('<family>\n  <person id="p1" name="Ann" sex="F"/>\n  <person id="p2" name="Bob" sex="M" spouse="p1"/>\n'
         '  <person id="p4" name="Di" sex="F" mother="p1" father="p2"/>\n  <person id="p6" name="Flo" sex="F" '
         'mother="p4"/>\n</family>', "What is Bob to Flo?", "grandfather"),  # XML with id references
        ("Wedding announcements — Yara Stone and Igor Young were married on Saturday. The bride is the daughter of "
         "Ann. Among the guests: Igor is the father of Flo. Yara is the mother of Flo.", "What is Ann to Flo?",
         "grandmother"),  # the bride known from what the text says of her (the names list knows neither name)
        ("April Fox is Ed Fox's mother. In June, Ed Fox married Di. Flo is the daughter of Ed Fox.",
         "What is April Fox to Flo?", "grandmother"),  # a month as a name and as a date
        ("CREATE TABLE people (name TEXT, sex TEXT);\nINSERT INTO people VALUES ('Ann', 'F'), ('Bob', 'M');\n\n"
         "CREATE TABLE parent_of (parent TEXT, child TEXT);\nINSERT INTO parent_of VALUES ('Ann', 'Di'), ('Di', 'Flo');",
         "What is Ann to Flo?", "grandmother"),  # SQL: a relation table named for its relation
        ('Question: What is Di to Flo?\nAction: lookup_relatives("Flo")\nObservation: {"Di": "mother", "Ed": "father"}\n'
         'Action: lookup_relatives("Di")\nObservation: {"Ann": "mother"}\nFinal Answer:', "", "mother"),
        ("Edges (read 'A --mother of--> B' as 'B is the mother of A'):\nDi --mother of--> Ann\nFlo --mother of--> Di",
         "What is Ann to Flo?", "grandmother"),  # a legend that reverses the arrows is followed
        ('@prefix schema: <http://schema.org/> .\n:Ann schema:children :Di .\n:Flo schema:parent :Di .\n'
         ':Ann schema:gender "F" .', "What is Ann to Flo?", "grandmother"),  # schema.org's parent / children
        ("notes: ann's hubby: bob. di is ann's daughter. bob is cy's dad. cy is ann's son. flo = di's daughter.",
         "q: what is cy to flo?", "uncle"),
    ],
)  # fmt: skip
def test_blind2_notations_read_one_family(story, question, expected):
    assert exact(f"{story}\n\n{question}".rstrip()) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # a bare relation on an arrow or an RDF property reads either way
        ("Ann --mother--> Bob\n\nWhat is Ann to Bob?", "which way"),
        (":Ann :mother :Bob .\n\nWhat is Ann to Bob?", "which way"),
        # a row-like line the reader cannot read is not skipped silently
        ("Ann -> Bob\nAnn is Cy's mother.\n\nWhat is Ann to Cy?", "notation"),
        # bride and groom whose first names do not tell which is which
        ("Sam Lee and Alex Fox were married. The bride is the daughter of Ann.\n\nWhat is Ann to Sam Lee?", "bride"),
        # a first name that two full names share
        ("Ann Lee is Bob's mother. Ann Fox is Bob's aunt.\n\nWhat is Ann to Bob?", "full name"),
        # issue 17 (fuzzing): a denial that leaves two fathers, a first-name guess that gives two mothers
        ("Michael is Donna's son. Richard is Michael's father. Donna is not Michael's mother. Who is Richard to "
         "Michael?", "Donna is not Michael's mother"),
        ("Henry is Donna's son. Laura is Henry's mother. Who is Donna to Henry?", "Laura is Henry's mother"),
        # contradictions quote both parts
        ("Walter is Rosa's son. Rosa is not Colin's wife. Rosa is Colin's wife. How is Walter related to Colin?",
         "Rosa is Colin's wife."),
        ("Ann is Bob's mother. Cy is Bob's mother. How is Ann related to Bob?", "Cy is Bob's mother."),
    ],
)  # fmt: skip
def test_blind2_notations_refuse_what_they_cannot_settle(text, message):
    with pytest.raises(ParseError, match=re.escape(message)):
        read_relational(text)


def test_a_denial_fixes_a_gender():
    """'Donna is not Bob's mother' where the facts make Donna Bob's parent: Donna is his father (worked by hand)."""
    reading = read_relational("Bob is Donna's son. Donna is not Bob's mother. Who is Donna to Bob?")
    assert solve_exact(reading.problem) == "father"
    assert any("Donna taken as male" in a for a in reading.assumptions)


def test_months_and_word_surnames_are_names():
    assert exact(
        "June Varga is Ella Young's mother. Ella Young is Cy's mother. What is June Varga to Cy?"
    ) == ("grandmother")
    assert exact("Rosa's daughter is June. June is Cy's mother. What is Rosa to Cy?") == "grandmother"


def test_a_first_name_stands_for_the_one_full_name():
    reading = read_relational(
        "Student name: Robert Novak\nContact: Frank (father)\nLiam is Frank's brother.\n\nHow is Liam related to Robert?"
    )
    assert solve_exact(reading.problem) == "uncle"
    assert any("Robert taken as Robert Novak" in a for a in reading.assumptions)
