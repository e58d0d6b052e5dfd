"""Family data written in a file format rather than prose: GEDCOM (INDI / FAM records), SQL (CREATE TABLE and
INSERT rows with mother_id / father_id / spouse_id columns), Python (dataclass or class instances with
mother= / father= / spouse= fields and 'a.spouse = b' lines), RDF triples (':Ann :hasSon :Bob .',
':Ann :motherOf :Bob .') and an agent's tool log ('Action: lookup_relatives("Ann")' then
'Observation: {"mother": "Bea"}').

Each format is read by its own rules into records ({"name": "Ann", "sex": "F", "mother": "Bea"}: Bea is Ann's
mother, as in JSON records) or sentences ('Ann is the parent of Bob.'), which the sentence reader then reads
like any other text, so genders, contradictions and messages are handled in one place; every sentence keeps the
record it came from, for quoting.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from typing import Any

from drt_agent.errors import ParseError

from .kinship_lexicon import kin_word


@dataclass
class Doc:
    """One block read as a document: lines [start, end), what it says and how it was read."""

    end: int
    form: str
    records: list[tuple[dict[str, Any], str]] = field(default_factory=list)
    sentences: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)


# -- GEDCOM ------------------------------------------------------------------------------------------------------
_GED = re.compile(r"^\s*(\d+)\s+(@[^@\s]+@\s+)?([A-Z_][A-Z0-9_]*)(?:\s+(.*?))?\s*$")


def _gedcom(lines: list[str], i: int) -> Doc | None:
    """'0 HEAD' ... '0 TRLR': individuals (NAME, SEX) and families (HUSB, WIFE, CHIL, MARR). The children of a
    family are the children of its HUSB and WIFE; they are spouses when the family records a marriage (MARR)."""
    if not re.match(r"^\s*0\s+(HEAD|@[^@]+@\s+(INDI|FAM))\b", lines[i]):
        return None
    j = i
    recs: list[tuple[int, str | None, str, str]] = []
    while j < len(lines) and (m := _GED.match(lines[j])):
        recs.append((int(m[1]), (m[2] or "").strip() or None, m[3], m[4] or ""))
        j += 1
        if m[3] == "TRLR":
            break
    people: dict[str, dict[str, str]] = {}
    fams: dict[str, dict[str, Any]] = {}
    cur: dict[str, Any] | None = None
    for level, xref, tag, value in recs:
        if level == 0:
            cur = None
            if tag == "INDI" and xref:
                cur = people.setdefault(xref, {"id": xref})
            elif tag == "FAM" and xref:
                cur = fams.setdefault(xref, {"id": xref, "CHIL": []})
        elif level == 1 and cur is not None:
            if tag == "NAME":
                cur["name"] = " ".join(value.replace("/", " ").split())
            elif tag == "SEX":
                cur["sex"] = value.strip()
            elif tag in ("HUSB", "WIFE"):
                cur[tag] = value.strip()
            elif tag == "CHIL":
                cur["CHIL"].append(value.strip())
            elif tag in ("MARR", "DIV"):
                cur[tag] = True
    if not people:
        return None
    names = [p.get("name") for p in people.values()]
    twice = sorted({n for n in names if n and names.count(n) > 1})
    if twice:
        raise ParseError(f"the GEDCOM records hold two people named {twice[0]!r}; give them different names")

    def who(ref: str, fam: str) -> str:
        if ref not in people or not people[ref].get("name"):
            raise ParseError(f"the GEDCOM family {fam} refers to {ref}, which has no INDI record with a NAME")
        return people[ref]["name"]

    doc = Doc(j, f"GEDCOM ({len(people)} individuals, {len(fams)} families)")
    for p in people.values():
        if p.get("name") and p.get("sex", "").upper() in ("F", "M"):
            g = "female" if p["sex"].upper() == "F" else "male"
            doc.sentences.append((f"{p['name']} is {g}.", f"{p['id']} INDI {p['name']}, SEX {p['sex']}"))
    for fam in fams.values():
        fid = fam["id"]
        parents = [(tag, who(fam[tag], fid)) for tag in ("HUSB", "WIFE") if tag in fam]
        for tag, parent in parents:
            ref = fam[tag]
            if people[ref].get("sex", "").upper() not in ("F", "M"):  # the role says it (GEDCOM 5.5)
                g = "male" if tag == "HUSB" else "female"
                doc.sentences.append((f"{parent} is {g}.", f"{fid} FAM {tag} {ref} ({parent})"))
        if len(parents) == 2 and fam.get("MARR") and not fam.get("DIV"):
            src = (
                f"{fid} FAM HUSB {fam['HUSB']} ({parents[0][1]}), WIFE {fam['WIFE']} ({parents[1][1]}), MARR"
            )
            doc.sentences.append((f"{parents[0][1]} is married to {parents[1][1]}.", src))
        for ref in fam["CHIL"]:
            child = who(ref, fid)
            for tag, parent in parents:
                src = f"{fid} FAM {tag} {fam[tag]} ({parent}), CHIL {ref} ({child})"
                doc.sentences.append((f"{parent} is the parent of {child}.", src))
    doc.skipped = [x.strip() for x in lines[i:j] if re.match(r"^\s*0\s+(HEAD|TRLR)\b", x)]
    return doc


# -- SQL ---------------------------------------------------------------------------------------------------------
_CREATE = re.compile(
    r"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?[`\"]?(\w+)[`\"]?\s*\((.*?)\)\s*;", re.I | re.S
)
_INSERT = re.compile(r"INSERT\s+INTO\s+[`\"]?(\w+)[`\"]?\s*(?:\(([^)]*)\))?\s*VALUES\s*(.*?);", re.I | re.S)
_SQL_LITERAL = re.compile(r"'(?:[^']|'')*'|\bNULL\b", re.I)


def _sql_rows(values: str) -> list[tuple[Any, ...]]:
    """'(1, 'Ann', NULL), (2, ...)' as Python tuples."""
    py = _SQL_LITERAL.sub(
        lambda m: "None" if m[0].upper() == "NULL" else repr(m[0][1:-1].replace("''", "'")), values
    )
    out = ast.literal_eval("[" + py + "]")
    return [r if isinstance(r, tuple) else (r,) for r in out]


def _sql(lines: list[str], i: int) -> Doc | None:
    """A table of people whose columns say how rows relate: 'mother_id' holds the id of the row's mother (read
    as the record {"name": ..., "mother": ...}); a two-column table named for a relation ('parent_of (parent,
    child)', 'marriages') states it of each row; other columns are skipped or refused by the record reader."""
    if not re.match(r"^\s*(CREATE\s+TABLE|INSERT\s+INTO)\b", lines[i], re.I):
        return None
    j = i
    while j < len(lines) and (
        lines[j].strip() or any(re.match(r"^\s*(CREATE|INSERT)\b", x, re.I) for x in lines[j + 1 : j + 2])
    ):
        j += 1
    block = "\n".join(lines[i:j])
    tables = {m[1].lower(): m[2] for m in _CREATE.finditer("\n".join(lines))}
    inserts = list(_INSERT.finditer(block))
    if not inserts:
        return None
    doc = Doc(j, "SQL rows")
    people: list[tuple[dict[str, Any], str | None, str]] = []  # (row, id column, name column)
    for ins in inserts:
        table = ins[1].lower()
        if ins[2]:
            cols = [c.strip(' `"').lower() for c in ins[2].split(",")]
        elif table in tables:
            cols = [
                c.split()[0].strip('`"').lower()
                for c in re.split(r",(?![^(]*\))", tables[table])
                if c.split()
                and c.split()[0].upper() not in ("PRIMARY", "FOREIGN", "UNIQUE", "CONSTRAINT", "KEY")
            ]
        else:
            raise ParseError(
                f"the SQL {ins[0][:60]!r} names no columns and no CREATE TABLE gives them; name them"
            )
        try:
            rows = _sql_rows(ins[3])
        except (ValueError, SyntaxError) as e:
            raise ParseError(f"could not read the SQL values in {ins[0][:80]!r}: {e}") from None
        if any(len(r) != len(cols) for r in rows):
            raise ParseError(f"an SQL row of {ins[0][:60]!r} does not have the {len(cols)} columns {cols}")
        recs = [dict(zip(cols, r, strict=True)) for r in rows]
        key = next((c for c in cols if c in ("id", "person_id", "pid")), None)
        name_col = next((c for c in cols if c in ("name", "full_name", "person", "first_name")), None)
        if name_col is not None:
            people += [(r, key, name_col) for r in recs]
            continue
        words = table.replace("_", " ").split()
        kin = "-".join(w for w in words if w not in ("is", "of"))
        if len(cols) == 2 and words[-1:] == ["of"] and kin_word(kin) is not None:
            for r in recs:
                a, b = r.values()
                doc.sentences.append((f"{a} is the {kin} of {b}.", f"{table}: ({a!r}, {b!r})"))
        elif len(cols) == 2 and table in ("marriages", "marriage", "spouses", "married", "couples"):
            for r in recs:
                a, b = r.values()
                doc.sentences.append((f"{a} is married to {b}.", f"{table}: ({a!r}, {b!r})"))
        else:
            raise ParseError(
                f"the SQL table {table!r} ({', '.join(cols)}) has no name column and its name does not say the "
                "relation (e.g. 'parent_of (parent, child)')"
            )
    by_id = {r[key]: r[name] for r, key, name in people if key is not None}
    for r, key, name_col in people:
        rec: dict[str, Any] = {"name": r[name_col]}
        for c, v in r.items():
            base = re.sub(r"_?id$", "", c) if c != key else c
            if c in (key, name_col) or v is None:
                continue
            if base != c and kin_word(base) is not None:
                if v not in by_id:
                    raise ParseError(f"the SQL row {r!r} gives {c} = {v!r}, which is no row's {key}")
                rec[base] = by_id[v]
            else:
                rec[c] = v
        src = "(" + ", ".join("NULL" if v is None else repr(v) for v in r.values()) + ")"
        doc.records.append((rec, src))
    doc.form = f"SQL ({len(people)} people, {len(doc.sentences)} relation rows)"
    doc.skipped = [m[0].split("(")[0].strip() for m in _CREATE.finditer(block)]
    return doc


# -- Python ------------------------------------------------------------------------------------------------------
def _python(lines: list[str], i: int) -> Doc | None:
    """Instances of a person class: 'ann = Person("Ann", "F", mother=bea)' (positional arguments in the order
    the class declares its fields) and 'ann.spouse = bob' (tuple assignments too): each instance is a record."""
    j = i
    while j < len(lines) and not re.match(r"^\s*(```|~~~)", lines[j]):
        j += 1
    src = "\n".join(lines[i:j])
    if "(" not in src or "=" not in src:
        return None
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return None
    fields: dict[str, list[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            fields[node.name] = [
                s.target.id
                for s in node.body
                if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
            ]
            init = next(
                (s for s in node.body if isinstance(s, ast.FunctionDef) and s.name == "__init__"), None
            )
            if init is not None:
                fields[node.name] = [a.arg for a in init.args.args[1:]]
    var: dict[str, dict[str, Any]] = {}
    order: list[tuple[dict[str, Any], str]] = []
    links: list[tuple[str, str, ast.expr, str]] = []
    for stmt in tree.body:
        text = ast.get_source_segment(src, stmt) or ""
        if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call) and len(stmt.targets) == 1:
            target, call = stmt.targets[0], stmt.value
            if not isinstance(target, ast.Name) or not isinstance(call.func, ast.Name):
                continue
            names = fields.get(call.func.id)
            if names is None and call.args:
                return None  # positional arguments of a class the text does not declare
            rec: dict[str, Any] = {}
            for k, arg in [
                *zip(names or [], call.args, strict=False),
                *((kw.arg, kw.value) for kw in call.keywords),
            ]:
                if k is not None:
                    rec[k] = arg
            var[target.id] = rec
            order.append((rec, text))
        elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            targets = stmt.targets[0].elts if isinstance(stmt.targets[0], ast.Tuple) else [stmt.targets[0]]
            values = stmt.value.elts if isinstance(stmt.value, ast.Tuple) else [stmt.value]
            if len(targets) != len(values):
                return None
            for t, v in zip(targets, values, strict=True):
                if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name):
                    links.append((t.value.id, t.attr, v, text))
    if not var:
        return None

    def person(node: ast.expr, where: str) -> Any:
        if isinstance(node, ast.Name):
            if node.id not in var:
                raise ParseError(f"{where!r} refers to {node.id!r}, which is not defined before it")
            return name_of(var[node.id], node.id)
        if isinstance(node, (ast.List, ast.Tuple)):
            return [person(e, where) for e in node.elts]
        if isinstance(node, ast.Constant):
            return node.value
        raise ParseError(f"could not read {ast.unparse(node)!r} in {where!r} as a person")

    def name_of(rec: dict[str, Any], variable: str) -> str:
        node = rec.get("name")
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        raise ParseError(f"the Python instance {variable!r} has no name string")

    doc = Doc(j, f"Python ({len(var)} instances)")
    for rec, text in order:
        doc.records.append(({k: person(v, text) for k, v in rec.items()}, text))
    for owner, attr, value, text in links:
        if owner not in var:
            raise ParseError(f"{text!r} sets {attr!r} of {owner!r}, which is not defined")
        doc.records.append(({"name": name_of(var[owner], owner), attr: person(value, text)}, text))
    return doc


# -- RDF triples ---------------------------------------------------------------------------------------------------
_PREFIX = re.compile(r"^\s*@?prefix\b", re.I)


def _local(term: str) -> str | None:
    """':Ann', 'ex:Ann', '<http://x.org/f#Ann>' -> 'Ann'; a literal '"F"' -> 'F'."""
    term = term.strip()
    if term == "a":  # Turtle's rdf:type
        return "a"
    if term.startswith('"'):
        return term.strip('"')
    m = re.match(r"^(?:<[^>]*[#/]([\w-]+)>|[\w-]*:([\w-]+))$", term)
    return (m[1] or m[2]) if m else None


def _words(camel: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", camel.replace("_", " "))]


def _turtle(lines: list[str], i: int) -> tuple[int, list[tuple[str, str, str, str]]] | None:
    """Triples from line i on ('S P O .', 'S P O1, O2 .', and 'S P O ;' continued by 'P O .'), with the line of
    each; None when line i holds none."""
    triples: list[tuple[str, str, str, str]] = []
    subject: str | None = None
    j = i
    while j < len(lines):
        body = lines[j].strip()
        if _PREFIX.match(body):
            j += 1
            continue
        if not body:
            break
        end = body[-1] if body[-1] in ".;," else ""
        terms = body.rstrip(".;, ").split(None, 1 if subject else 2)
        if len(terms) < (2 if subject else 3):
            break
        if subject is None:
            subject, terms = terms[0], terms[1:]
        pred, objs = terms[0], [o.strip() for o in terms[1].split(",")]
        parts = [_local(subject), _local(pred), *(_local(o) for o in objs)]
        if None in parts or any(" " in str(x) for x in parts):
            break
        triples += [(parts[0], parts[1], o, body) for o in parts[2:]]  # type: ignore[misc]
        subject = subject if end == ";" else None
        j += 1
        if end not in (".", ";"):
            break
    if not triples:
        return None
    return j, triples


def _rdf(lines: list[str], i: int) -> Doc | None:
    """':Edgar :hasWife :Lisa .' (Lisa is Edgar's wife), ':Ann :motherOf :Bob .' / ':isMotherOf' (Ann is the
    mother of Bob), ':Ann :marriedTo :Bob', ':Ann :gender "F"', ':Ann a :Woman'. A bare ':Ann :mother :Bob'
    reads either way: refused."""
    if not (
        lines[i].lstrip().startswith((":", "<", "@prefix", "PREFIX")) or re.match(r"^\s*\w+:\w", lines[i])
    ):
        return None
    found = _turtle(lines, i)
    if found is None:
        return None
    j, triples = found
    doc = Doc(j, f"RDF ({len(triples)} triples)")
    doc.skipped = [x.strip() for x in lines[i:j] if _PREFIX.match(x)]
    for s, p, o, src in triples:
        words = _words(p) if p != "a" else ["type"]
        s_name, o_name = s[:1].upper() + s[1:], o[:1].upper() + o[1:]
        sex = {
            "f": "female",
            "female": "female",
            "woman": "female",
            "m": "male",
            "male": "male",
            "man": "male",
        }
        if words and words[-1] in ("gender", "sex", "type") and o.lower() in sex:
            doc.sentences.append((f"{s_name} is {sex[o.lower()]}.", src))
            continue
        if words[:1] in (["has"], ["have"]) and len(words) > 1:
            rel = "-".join(words[1:])
            if kin_word(rel) is None:
                raise ParseError(f"{p!r} in {src!r} is not a kinship relation this reader knows")
            doc.sentences.append((f"{o_name} is {s_name}'s {rel}.", src))
            continue
        core = words[1:] if words[:1] == ["is"] else words
        if core in (["married", "to"], ["spouse", "of"], ["married", "with"], ["spouse"], ["married"]):
            doc.sentences.append((f"{s_name} is married to {o_name}.", src))
            continue
        if core in (["sibling"], ["sibling", "of"], ["siblings"]):  # the same read either way
            doc.sentences.append((f"{s_name} and {o_name} are siblings.", src))
            continue
        if ("schema:" in src or "schema.org/" in src) and core in (
            ["parent"],
            ["parents"],
            ["children"],
            ["child"],
        ):
            rel = (
                "parent" if core[0].startswith("parent") else "child"
            )  # schema.org: 'a parent of this person'
            doc.sentences.append((f"{o_name} is {s_name}'s {rel}.", src))
            continue
        if len(core) > 1 and core[-1] == "of" and kin_word("-".join(core[:-1])) is not None:
            doc.sentences.append((f"{s_name} is the {'-'.join(core[:-1])} of {o_name}.", src))
            continue
        if kin_word("-".join(core)) is not None:
            raise ParseError(
                f"{src!r} does not say which way {p!r} reads ({s_name} the {'-'.join(core)} of {o_name}, or the "
                f"other way round); name the property like ':has{core[0].title()}' or ':{core[0]}Of'"
            )
        doc.skipped.append(src)
    return doc


# -- an agent's tool log -----------------------------------------------------------------------------------------
_ACTION = re.compile(r"^\s*Action\s*:\s*\w+\(\s*[\"']([^\"']+)[\"']\s*\)\s*$", re.I)
_OBSERVATION = re.compile(r"^\s*Observation\s*:\s*(\{.*\})\s*$", re.I)


def _tool_log(lines: list[str], i: int) -> Doc | None:
    """'Action: lookup_relatives("Ann")' then 'Observation: {"mother": "Bea", "son": ["Cy", "Di"]}': the record
    of Ann ({"name": "Ann", "mother": "Bea", ...}: Bea is Ann's mother)."""
    if not _ACTION.match(lines[i]):
        return None
    doc = Doc(i, "an agent's tool log")
    j = i
    while j + 1 < len(lines) and (a := _ACTION.match(lines[j])) and (o := _OBSERVATION.match(lines[j + 1])):
        try:
            obs = json.loads(o[1])
        except ValueError:
            return None
        if not isinstance(obs, dict) or "name" in {k.lower() for k in obs}:
            return None
        src = f"{lines[j].strip()} -> {lines[j + 1].strip()}"
        named = all(k[:1].isupper() and kin_word(k.lower()) is None for k in obs)
        if (
            obs
            and named
            and all(isinstance(v, str) and kin_word(v.lower()) is not None for v in obs.values())
        ):
            for who, rel in obs.items():  # {"Ivy": "mother"}: Ivy is the looked-up person's mother
                doc.sentences.append((f"{who} is {a[1]}'s {rel.lower()}.", src))
        else:
            doc.records.append(({"name": a[1], **obs}, src))
        j += 2
        while (
            j < len(lines)
            and re.match(r"^\s*Thought\s*:", lines[j], re.I)
            and j + 1 < len(lines)
            and _ACTION.match(lines[j + 1])
        ):
            doc.skipped.append(lines[j].strip())
            j += 1
    if not doc.records and not doc.sentences:
        return None
    doc.end = j
    doc.form = f"an agent's tool log ({len(doc.records) + len(doc.sentences)} observations)"
    return doc


# -- XML ----------------------------------------------------------------------------------------------------------
def _xml(lines: list[str], i: int) -> Doc | None:
    """People as XML elements: <person id="p1" name="Ann" sex="F" mother="p2"/> or <person><name>Ann</name>
    <mother>Bea</mother></person>; a value that is another element's id means that person. Each element with a
    name is a record ({"name": "Ann", "mother": "Bea"}: Bea is Ann's mother)."""
    import xml.etree.ElementTree as ET

    if not re.match(r"^\s*<(\?xml|[A-Za-z][\w-]*)[\s>]", lines[i]) or re.match(
        r"^\s*<(li|ul|ol|h\d|p|div|b|table|tr)\b", lines[i], re.I
    ):
        return None
    j = i + 1
    while j <= len(lines):
        try:
            root = ET.fromstring("\n".join(lines[i:j]).strip())
            break
        except ET.ParseError:
            j += 1
    else:
        return None

    def fields(el: ET.Element) -> dict[str, Any]:
        out: dict[str, Any] = dict(el.attrib)
        for child in el:
            if len(child) == 0 and (child.text or "").strip():
                key = child.tag
                out[key] = [*_as_list(out[key]), child.text.strip()] if key in out else child.text.strip()
        return out

    people = [(el, fields(el)) for el in root.iter() if "name" in fields(el)]
    if not people:
        return None
    ids = {f[k]: f["name"] for _, f in people for k in ("id", "xml:id") if k in f}
    doc = Doc(j, f"XML ({len(people)} people)")
    for el, f in people:
        rec: dict[str, Any] = {}
        for k, v in f.items():
            if k in ("id", "xml:id"):
                continue
            vals = [ids.get(x, x) for x in _as_list(v)]
            rec[k] = vals if len(vals) > 1 else vals[0]
        doc.records.append((rec, ET.tostring(el, encoding="unicode").strip()[:200]))
    return doc


def _as_list(v: Any) -> list[Any]:
    if isinstance(v, list):
        return v
    return (
        [x for x in re.split(r"\s*[,;]\s*|\s+", v) if x]
        if isinstance(v, str) and " " not in v.strip()
        else [v]
    )


_CODE_START = re.compile(r"^(?:from dataclasses\b|@dataclass|class \w+|\w+ = [A-Z]\w*\()")
_CODE_LINE = re.compile(r"^(?:\s+\S|[\w.]+(?:\s*,\s*[\w.]+)*\s*=|from |import |class |@|#|def |\s*$)")


def _python_unfenced(lines: list[str], i: int) -> Doc | None:
    """Python written without a code fence: from a 'class' / 'from dataclasses' / 'x = Person(...)' line to the
    last line that reads as code."""
    if not _CODE_START.match(lines[i]):
        return None
    j = i
    while j < len(lines) and _CODE_LINE.match(lines[j]):
        j += 1
    while j > i and not lines[j - 1].strip():
        j -= 1
    doc = _python(lines[:j] + ["```"], i)
    if doc is not None:
        doc.end = j
    return doc


READERS = (_gedcom, _sql, _rdf, _tool_log, _python_unfenced, _xml)


def document(lines: list[str], i: int, fenced: str = "") -> Doc | None:
    """The document starting at line i, if one of the formats reads it; `fenced`: the code fence's language
    ('python', 'turtle'), whose block is read whole."""
    if fenced.lower() in ("python", "py"):
        return _python(lines, i)
    for read in READERS:
        doc = read(lines, i)
        if doc is not None:
            return doc
    return None
