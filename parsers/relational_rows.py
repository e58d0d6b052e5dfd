"""Kinship facts written as data instead of prose: markdown tables, CSV or pipe rows, JSON records and
profiles, indented profiles ('Ann:' then '  mother: Bea'), key-value lines ('Ann.mother = Bea'), Prolog facts
('mother(ann, bob).'). Each row is rewritten as the sentence it stands for ('Ann is the
daughter of Laura.'), which the sentence reader then reads like any other sentence, so unknown relation words,
names, genders and contradictions are handled in one place, and its messages quote the row as written.

Which cell is the person, which the relation and which the relative comes from the text itself: a header whose
words make the sentence ('person | is the | of', 'Person | Relationship | Related to'), a legend ('Each row
means: <Person> is the <Relationship> of <Related to>', 'X.mother = Y means Y is X's mother'), or a record's own
keys ({"name": "Ann", "mother": "Bea"}: Bea is Ann's mother). A bare row ('Ann | mother | Bob') reads either
way, so rows whose header does not say are refused, never guessed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from drt_agent.errors import ParseError

from .kinship_lexicon import kin_word, unsupported_word
from .relational_documents import Doc, document

# header words, normalised (lower case, '_' and '-' as spaces), by the part of 'S is the R of O' they name
SUBJECT = {"person", "name", "who", "individual", "member", "family member", "person name"}
RELATION = {
    "relation",
    "relationship",
    "rel",
    "is",
    "is the",
    "is a",
    "role",
    "kinship",
    "kin",
    "relation type",
}
RELATION |= {"relationship type"}
OBJECT = {"of", "related to", "relative of", "of whom", "is related to"}
GENDER = {"sex", "gender"}
GENDER_VALUES = {"f": "female", "female": "female", "woman": "female", "girl": "female", "m": "male"}
GENDER_VALUES |= {"male": "male", "man": "male", "boy": "male"}
# words of headers that do not say the direction alone ('person1 | relation | person2' reads either way)
HEADER_WORDS = SUBJECT | RELATION | OBJECT | GENDER
HEADER_WORDS |= {"relative", "person1", "person2", "person 1", "person 2", "subject", "object", "from", "to"}
FIX = "use a header such as 'person | is the | of', or add a line 'Each row means: <Person> is the <Relation> of <Relative>'"

_PLACEHOLDER = re.compile(r"<([^<>\n]{1,40})>")
_KV = re.compile(
    r"^\s*(?P<who>[A-Za-z][\w'-]*)\.(?P<attr>[A-Za-z][\w-]*)\s*[=:]\s*(?P<val>[^=]+?)\s*[;,]?\s*$"
)
_KV_LEGEND = re.compile(r"\b(\w+)\.(\w+)\s*=\s*(\w+)\s+means\s+(.+?)\s*(?:\)|$|\.(?:\s|$))", re.MULTILINE)
_FENCE = re.compile(r"^\s*(```|~~~)")
_FACT = re.compile(r"^\s*(?P<pred>[a-z]\w*)\(\s*(?P<args>[a-z]\w*(?:\s*,\s*[a-z]\w*)?)\s*\)\s*\.\s*(?:%.*)?$")
_FACT_LEGEND = re.compile(
    r"\b([a-z]\w*)\(\s*([A-Z]\w*)\s*,\s*([A-Z]\w*)\s*\)\s*(?:means|:|=|-+|—)?\s*(.+?)\s*\.?\s*$"
)
_YAML = re.compile(
    r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[A-Za-z][\w ]{0,30}?)\s*:(?:\s+(?P<val>\S.*?))?\s*$"
)
_HEAD = re.compile(r"^relat\w* to (the )?head( of (the )?(household|family|house))?$")
_SIMPLE = re.compile(r"^[\w\s,'\"\[\]-]+$")  # a value that is a name, a word or a list, not a sentence
# record fields that are not relations: skipped (reported), never read as people
ATTRIBUTES = {
    "age", "born", "birth", "birthday", "birth year", "died", "death", "occupation", "job", "profession", "city",
    "town", "lives in", "hometown", "email", "phone", "id", "note", "notes", "address", "country", "hobby", "year",
    "dob", "date of birth", "nationality", "works as", "pet",
}  # fmt: skip


@dataclass
class Rows:
    """The text with its data rewritten as sentences, and how: sentence -> the row as written."""

    text: str
    sources: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)  # 'a table of 4 rows', for read_as


def _norm(header: str) -> str:
    return " ".join(header.lower().replace("_", " ").replace("-", " ").split())


def _person(value: Any) -> str | None:
    """A cell as a person's name (capitalised when written all in lower case), or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    v = " ".join(value.split())
    return v[:1].upper() + v[1:] if v.islower() else v


def _is_kin(word: str) -> bool:
    word = _norm(word).replace(" in law", "-in-law")
    return (
        kin_word(word) is not None or kin_word(word.replace(" ", "-")) is not None or unsupported_word(word)
    )


def _values(value: Any) -> list[str]:
    """A cell holding one name or several ('[Bob, Cy]', 'Bob, Cy', 'Bob and Cy')."""
    if isinstance(value, list):
        return [p for v in value if (p := _person(v))]
    if not isinstance(value, str):
        return []
    text = value.strip().strip("[]")
    return [p for v in re.split(r"\s*,\s*|\s+and\s+", text) if (p := _person(v.strip("'\" ")))]


class _Reader:
    """Rewrites the structured blocks of one text."""

    def __init__(self, text: str) -> None:
        self.out = Rows(text)
        self.templates = [line for line in text.split("\n") if len(_PLACEHOLDER.findall(line)) >= 2]
        self.kv_legend = self._kv_legend(text)
        self.fact_legend = self._fact_legend(text)

    # -- legends ----------------------------------------------------------------------------------------------
    def _template(self, keys: list[str]) -> str | None:
        """The legend whose placeholders are these column names, as a format string, or None."""
        want = {_norm(k) for k in keys}
        for line in self.templates:
            found = _PLACEHOLDER.findall(line)
            if {_norm(f) for f in found} == want:
                start = line.index("<" + found[0] + ">")
                body = line[start:].strip().replace("{", "{{").replace("}", "}}")
                for f in found:
                    body = body.replace(f"<{f}>", "{" + _norm(f) + "}", 1)
                return body if body.endswith(".") else body + "."
        return None

    @staticmethod
    def _kv_legend(text: str) -> str | None:
        """'X.mother = Y means Y is X's mother' as a format string over who, attr and val, or None."""
        m = _KV_LEGEND.search(text)
        if not m:
            return None
        who, attr, val, meaning = m.groups()
        body = re.sub(rf"\b{re.escape(who)}\b", "{who}", meaning.replace("{", "{{").replace("}", "}}"))
        body = re.sub(rf"\b{re.escape(val)}\b", "{val}", body)
        body = re.sub(rf"\b{re.escape(attr)}\b", "{attr}", body)
        if not all(k in body for k in ("{who}", "{val}", "{attr}")):
            raise ParseError(
                f"could not read the legend {m.group(0)!r}; write it like 'X.mother = Y means Y is X's mother'"
            )
        return body.rstrip(".") + "."

    @staticmethod
    def _fact_legend(text: str) -> str | None:
        """'% mother(X, Y): X is the mother of Y' as a format string over a, rel and b, or None."""
        for line in text.split("\n"):
            if not line.lstrip().startswith(("%", "#", "//")):
                continue
            m = _FACT_LEGEND.search(line)
            if not m:
                continue
            pred, a, b, meaning = m.groups()
            body = meaning.replace("{", "{{").replace("}", "}}")
            for word, slot in ((a, "{a}"), (b, "{b}"), (pred, "{rel}")):
                body = re.sub(rf"\b{re.escape(word)}\b", slot, body)
            if not all(k in body for k in ("{a}", "{b}", "{rel}")):
                raise ParseError(
                    f"could not read the legend {line.strip()!r}; write it like '% mother(X, Y): X is the mother of Y'"
                )
            return body.rstrip(".") + "."
        return None

    # -- records ----------------------------------------------------------------------------------------------
    def record(self, rec: dict[str, Any], source: str) -> list[str] | None:
        """The sentences one record stands for, or None when its keys do not say how it reads."""
        keys = {_norm(k): v for k, v in rec.items()}
        template = self._template(list(rec))
        if template is not None:
            cells = {k: " ".join(str(v).split()) for k, v in keys.items()}
            cells = {k: v.lower() if _is_kin(v) else v for k, v in cells.items()}
            return [template.format(**cells)] if all(cells.values()) else None
        subj = [k for k in keys if k in SUBJECT]
        rel = [k for k in keys if k in RELATION]
        obj = [k for k in keys if k in OBJECT]
        if len(subj) != 1:
            return None
        who = _person(keys[subj[0]])
        if who is None:
            return None
        out: list[str] = []
        if rel or obj:
            if len(rel) != 1 or len(obj) != 1:
                return None
            relation, other = str(keys[rel[0]]).strip().lower(), _person(keys[obj[0]])
            if not relation or other is None:
                return None
            out.append(f"{who} is the {relation} of {other}.")
        for k, v in keys.items():
            if k in GENDER and isinstance(v, str) and v.strip().lower() in GENDER_VALUES:
                out.append(f"{who} is {GENDER_VALUES[v.strip().lower()]}.")
            elif k not in SUBJECT | RELATION | OBJECT and _is_kin(k):  # {"name": "Ann", "mother": "Bea"}
                out += [self._attribute(who, k, val) for val in _values(v)]
            elif k in ATTRIBUTES or (isinstance(v, (int, float)) and not isinstance(v, bool)):
                self.out.skipped.append(f"{k}: {v}")
            elif k not in SUBJECT | RELATION | OBJECT | GENDER:
                return None  # a field this reader does not know ('relation to head') is not skipped silently
        return out or None

    def _attribute(self, who: str, attr: str, val: str) -> str:
        """'Ann.mother = Bea': Bea is Ann's mother (or as the text's legend says)."""
        kin = kin_word(attr.replace(" ", "-"))
        word = kin.term if kin is not None and kin.plural else attr
        return (self.kv_legend or "{val} is {who}'s {attr}.").format(who=who, attr=word, val=val)

    def doc(self, doc: Doc, lines: list[str]) -> list[str]:
        """The sentences of a document (GEDCOM, SQL, Python, RDF, a tool log), its records read as records."""
        out: list[str] = []
        for sentence, source in doc.sentences:
            out += self.emit([sentence], source)
        for rec, source in doc.records:
            said = self.record(rec, source)
            if said is None:
                raise ParseError(
                    f"could not read the record {source!r}: a field of it is neither a name, a sex nor a kinship "
                    "relation this reader knows"
                )
            out += self.emit(said, source)
        self.out.skipped += doc.skipped
        self.out.assumptions += doc.assumptions
        self.out.forms.append(doc.form)
        return out

    def emit(self, sentences: list[str], source: str) -> list[str]:
        for s in sentences:
            self.out.sources[s] = source
        return sentences

    # -- blocks -------------------------------------------------------------------------------------------------
    def table(self, rows: list[list[str]], lines: list[str], form: str) -> list[str] | None:
        """Rows of cells, the first a header: sentences, None when not a table of kin, or ParseError."""
        header, body = rows[0], [(r, line) for r, line in zip(rows[1:], lines[1:], strict=True)]
        body = [(r, line) for r, line in body if not all(re.fullmatch(r":?-{2,}:?", c) for c in r if c)]
        kin = any(_is_kin(c) for r, _ in body for c in r) or any(_is_kin(c) for c in header)
        if not body:
            return None
        out: list[str] = []
        for r, line in body:
            if len(r) != len(header):
                return None
            said = self.record(dict(zip(header, r, strict=True)), line)
            if said is None:
                if not kin:
                    return None
                shown = " | ".join(header)
                if not any(_norm(c) in HEADER_WORDS for c in header):
                    raise ParseError(
                        f"the rows {lines[0].strip()!r}, {line.strip()!r} have no header saying which way they read "
                        f"({r[0]!r} could be the {r[1]!r} of {r[-1]!r} or the other way round); {FIX}"
                    )
                raise ParseError(
                    f"the {form} header {shown!r} does not say which column is the person, which the relation and "
                    f"which the relative; {FIX}"
                )
            out += self.emit(said, line.strip())
        self.out.skipped.append(lines[0].strip())
        self.out.forms.append(f"a {form} of {len(body)} rows")
        return out

    def json_block(self, obj: Any, source: str) -> list[str] | None:
        """The sentences of the records in a JSON value: lists of records, one record, or profiles keyed by
        name ({"Ann": {"mother": "Bea"}})."""
        out: list[str] = []
        records = _records(obj)
        to_head = self.household(records)
        if to_head is None:
            return None
        for rec in records:
            said = self.record({k: v for k, v in rec.items() if not _HEAD.match(_norm(k))}, json.dumps(rec))
            said = [*(said or []), *to_head.get(id(rec), [])]
            if not said and not any(_HEAD.match(_norm(k)) for k in rec):  # the head says nothing of their own
                return None
            out += self.emit(said, json.dumps(rec))
        if out:
            self.out.forms.append(f"JSON ({len(out)} facts)")
        return out or None

    def household(self, records: list[dict[str, Any]]) -> dict[int, list[str]] | None:
        """Census-style records, each with its relation to the head of the household ('Relation to head:
        Wife'): the sentence each states about the one head (id of the record -> sentences); None when the
        records name no head or several."""
        keyed = [(r, next((k for k in r if _HEAD.match(_norm(k))), None)) for r in records]
        keyed = [(r, k) for r, k in keyed if k is not None]
        if not keyed:
            return {}
        name = lambda r: next((_person(v) for k, v in r.items() if _norm(k) in SUBJECT), None)  # noqa: E731
        heads = [r for r, k in keyed if _norm(str(r[k])) in ("head", "self", "head of household")]
        if len(heads) != 1 or name(heads[0]) is None:
            return None
        out: dict[int, list[str]] = {}
        for r, k in keyed:
            who = name(r)
            if r is not heads[0] and who is not None:
                out[id(r)] = [f"{who} is {name(heads[0])}'s {_norm(str(r[k]))}."]
        self.out.forms.append("census records (relations to the head of the household)")
        return out

    def kv_block(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        for line in lines:
            m = _KV.match(line)
            assert m is not None
            who, attr, val = _person(m["who"]) or m["who"], m["attr"].lower(), m["val"]
            rec = {"name": who, attr: val}
            said = self.record(rec, line)
            if (
                said is None and _norm(attr) not in ATTRIBUTES
            ):  # 'Ann.boss = Bob': the sentence reader judges it
                said = [self._attribute(who, attr, v) for v in _values(val)]
            out += self.emit(said or [], line.strip())
        if self.kv_legend is None:
            self.out.assumptions.append(
                "key-value lines read as attributes: 'X.mother = Y' as 'Y is X's mother' (no legend says otherwise)"
            )
        self.out.forms.append(f"{len(lines)} key-value lines")
        return out


def _prolog(reader: _Reader, lines: list[str]) -> list[str]:
    """Prolog facts: 'mother(ann, bob).' read as the text's legend says, else as Prolog's textbooks write them
    ('X is the mother of Y', an assumption reported); 'female(ann).' states a gender."""
    out: list[str] = []
    for line in lines:
        m = _FACT.match(line)
        assert m is not None
        args = [_person(a.strip()) or a for a in m["args"].split(",")]
        pred = re.sub(r"^(is_|has_)|_of$|_to$", "", m["pred"]).replace("_", "-")
        if len(args) == 1:
            said = [f"{args[0]} is {GENDER_VALUES[pred]}."] if pred in GENDER_VALUES else []
            if not said:
                reader.out.skipped.append(line.strip())
        elif pred in ("married", "spouses", "spouse"):
            said = [f"{args[0]} is married to {args[1]}."]
        else:
            said = [(reader.fact_legend or "{a} is the {rel} of {b}.").format(a=args[0], rel=pred, b=args[1])]
        out += reader.emit(said, line.strip())
    if reader.fact_legend is None and any(_FACT.match(x) and "," in x for x in lines):
        reader.out.assumptions.append(
            "Prolog facts read as Prolog textbooks write them: 'mother(X, Y)' as 'X is the mother of Y' (no comment "
            "says otherwise)"
        )
    reader.out.forms.append(f"{len(lines)} Prolog facts")
    return out


def _yaml(lines: list[str]) -> Any | None:
    """An indented block of 'key: value' lines and '- ' items (a small part of YAML) as dicts and lists, or None
    when any line is not of that shape or any value reads like a sentence. Blocks separated by blank lines that
    repeat their keys ('Name: Ann ... Name: Bob ...') are a list of records."""
    groups = "\n".join(lines).strip().split("\n\n")
    if len(groups) > 1:
        parts = [_yaml(g.split("\n")) for g in groups]
        return parts if all(isinstance(p, dict) for p in parts) else None
    parsed = [(_YAML.match(x), x) for x in lines if x.strip()]
    if not parsed or any(m is None for m, _ in parsed):
        return None
    rows = [
        (len(m["indent"]) + (2 if m["dash"] else 0), bool(m["dash"]), m["key"].strip(), m["val"])
        for m, _ in parsed
    ]  # type: ignore[index]
    if any(v is not None and (not _SIMPLE.match(v) or len(v.split()) > 6) for *_, v in rows):
        return None

    def value(v: str) -> Any:
        v = v.strip()
        if v.startswith("[") and v.endswith("]"):
            return [x.strip().strip("'\"") for x in v[1:-1].split(",") if x.strip()]
        return v.strip("'\"")

    def block(i: int, indent: int) -> tuple[Any, int]:
        if rows[i][1]:  # a list of mappings
            items: list[Any] = []
            while i < len(rows) and rows[i][0] == indent and rows[i][1]:
                item, i = mapping(i, indent, first_dash=True)
                items.append(item)
            return items, i
        return mapping(i, indent)

    def mapping(i: int, indent: int, first_dash: bool = False) -> tuple[dict[str, Any], int]:
        out: dict[str, Any] = {}
        while i < len(rows) and rows[i][0] == indent and (not rows[i][1] or (first_dash and not out)):
            _, _, key, val = rows[i]
            if key in out:
                raise TypeError(f"{key!r} twice")  # not one record
            i += 1
            if val is not None:
                out[key] = value(val)
            elif i < len(rows) and rows[i][0] > indent:
                out[key], i = block(i, rows[i][0])
            else:
                out[key] = None
        return out, i

    try:
        obj, end = block(0, rows[0][0])
    except (IndexError, TypeError):
        return None
    return obj if end == len(rows) else None


def _flat(value: Any) -> bool:
    """A record's field: a scalar or a list of scalars."""
    if isinstance(value, list):
        return not any(isinstance(x, (dict, list)) for x in value)
    return not isinstance(value, dict)


def _records(obj: Any) -> list[dict[str, Any]]:
    """Flat records anywhere in a JSON value; profiles keyed by name become records with a 'name'."""
    if isinstance(obj, list):
        return [r for item in obj for r in _records(item)]
    if not isinstance(obj, dict):
        return []
    if all(_flat(v) for v in obj.values()):
        return [obj]
    if all(isinstance(v, dict) and k[:1].isupper() for k, v in obj.items()):
        return [r for k, v in obj.items() for r in _records({"name": k, **v})]
    return [r for v in obj.values() for r in _records(v)]


def _cells(line: str) -> list[str] | None:
    """The cells of a table or delimited row ('| Ann | daughter | Laura |', 'Ann,daughter,Laura'), or None."""
    raw = re.sub(r"^\s*(?:[-*•]|\d+[.)])\s+", "", line)
    s = raw.strip()
    if s.endswith((".", "?", "!")):
        return None
    for sep in ("|", "\t", ","):
        if (raw if sep == "\t" else s).count(sep) >= 2 or (sep == "|" and s.startswith("|")):
            cells = (
                [c.strip() for c in s.strip("|").split(sep)]
                if sep == "|"
                else [c.strip() for c in raw.strip(" \r").split(sep)]  # empty last cells are cells
                if sep == "\t"
                else [c.strip() for c in s.split(sep)]
            )
            if len(cells) >= 3 and all(len(c.split()) <= 4 for c in cells):
                return cells
    return None


def rewrite(text: str) -> Rows:
    """The text with each structured block of kinship facts replaced by the sentences it stands for."""
    reader = _Reader(text)
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line in reader.templates or line.lstrip().startswith(("#", "//")):
            reader.out.skipped.append(line.strip())
            i += 1
            continue
        if _FENCE.match(line):
            end = next((j for j in range(i + 1, len(lines)) if _FENCE.match(lines[j])), len(lines))
            reader.out.skipped.append(line.strip())
            block = lines[i + 1 : end]
            doc = document(lines, i + 1, line.strip().strip("`~").strip())
            said = reader.doc(doc, block) if doc is not None else _block(reader, block)
            out += said if said is not None else block
            i = end + 1
            continue
        doc = document(lines, i)
        if doc is not None:
            out += reader.doc(doc, lines[i : doc.end])
            i = max(doc.end, i + 1)
            continue
        j = _run(lines, i)
        j = next((k for k in range(i + 1, j) if document(lines, k) is not None), j)  # a document starts
        if j > i:
            said = _block(reader, lines[i:j])
            out += said if said is not None else lines[i:j]
            i = j
            continue
        out.append(line)
        i += 1
    reader.out.text = "\n".join(out)
    return reader.out


def _run(lines: list[str], i: int) -> int:
    """The end of a block of data lines starting at line i (JSON, table rows, key-value lines), else i."""
    s = lines[i].strip()
    if s.startswith(("{", "[")):
        try:
            json.JSONDecoder().raw_decode("\n".join(lines[i:]).lstrip())
        except ValueError:
            return i
        j = i + 1
        while j <= len(lines):
            try:
                json.loads("\n".join(lines[i:j]))
                return j
            except ValueError:
                j += 1
        return i
    tests = (
        (lambda x: _cells(x) is not None, 2),
        (lambda x: _KV.match(x) is not None, 1),
        (lambda x: _FACT.match(x) is not None or x.strip().startswith("%") or ":-" in x, 1),
        (lambda x: _YAML.match(x) is not None, 2),
    )
    for test, least in tests:
        j = i
        while j < len(lines) and (
            test(lines[j]) or (not lines[j].strip() and j + 1 < len(lines) and test(lines[j + 1]))
        ):
            j += 1
        if j - i >= least and test(lines[i]):
            return j
    return i


def _block(reader: _Reader, block: list[str]) -> list[str] | None:
    """A block of lines as sentences (JSON, a table or delimited rows, key-value lines), or None."""
    body = [b for b in block if b.strip()]
    if not body:
        return None
    try:
        obj = json.loads("\n".join(body))
    except ValueError:
        obj = None
    if obj is not None and isinstance(obj, (dict, list)):
        return reader.json_block(obj, "\n".join(body))
    rows = [_cells(b) for b in body]
    if all(r is not None for r in rows) and len(rows) >= 2:
        first = body[0].strip()
        form = (
            "table"
            if first.startswith("|") or "|" in first
            else "CSV"
            if "," in first
            else "tab-separated table"
        )
        return reader.table([r for r in rows if r is not None], body, form)
    if all(_KV.match(b) for b in body):
        return reader.kv_block(body)
    facts = [b for b in body if _FACT.match(b)]
    if facts and all(_FACT.match(b) or b.strip().startswith("%") or ":-" in b for b in body):
        reader.out.skipped += [b.strip() for b in body if not _FACT.match(b)]
        return _prolog(reader, facts)
    profiles = _yaml(block)
    if profiles is not None and _records(profiles):
        said = reader.json_block(profiles, "\n".join(body))
        if said is not None:
            reader.out.forms[-1] = f"profiles ({len(said)} facts)"
        return said
    return None
