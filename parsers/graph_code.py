"""Graphs written as code or configuration, each read by its own small grammar with its own direction convention.

- dependencies: Terraform `depends_on`, Makefile `target: prerequisites`, spreadsheet formulas (`B2: =A1+C3`):
  an edge X -> Y means "X depends on Y" (Y is created, built or computed first), so "does X depend on Y?" asks
  for a path X -> Y;
- git parent lists (`commit X (parents: Y Z)`): commit -> parent, the way "following parent links" walks;
- Mermaid flowcharts (`A --> B`, `A --- B`), Cypher scripts (`(a)-[:R]->(b)`) and HTML navigation blocks (the
  page's `<a href>`s): the arrow's or the link's own direction;
- networkx Python (`G = nx.DiGraph()`, `G.add_edge`, `print(nx.has_path(G, s, t))`): the constructor says the
  direction and the printed call is the question;
- LeetCode-style inputs (`n = 5, edges = [[0,1],[1,2]], source = 0, destination = 2`): nodes 0..n-1.

A reader returns None when the text is not in its notation, and raises ParseError when it is but holds what the
reader cannot honour exactly (a Make variable, a bounded Cypher path, a networkx call that is not modelled, a
Terraform reference outside depends_on), so a graph is never read with a part missing.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

from drt_agent.errors import ParseError

from .graph_structured import RawGraph, clip, match_bracket

Found = tuple[RawGraph, str]


def _fences(text: str, langs: tuple[str, ...]) -> list[tuple[int, int, int, int]]:
    """(fence start, body start, body end, fence end) of the ``` blocks tagged with one of `langs` ("" for none);
    fence lines pair in order, so a closing fence is never taken for an opening one."""
    out = []
    marks = list(re.finditer(r"(?m)^[ \t]*```[ \t]*([\w+-]*)[ \t]*$\n?", text))
    k = 0
    while k < len(marks):
        m = marks[k]
        close = marks[k + 1] if k + 1 < len(marks) else None
        if m.group(1).lower() in langs:
            end = close.start() if close else len(text)
            out.append((m.start(), m.end(), end, close.end() if close else len(text)))
        k += 2
    return out


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` without the spans (the notation), leaving the words around it to be read for the question."""
    out, pos = [], 0
    for a, b in sorted(spans):
        out.append(text[pos:a])
        pos = max(pos, b)
    out.append(text[pos:])
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()


# -- Terraform ----------------------------------------------------------------------------------------------------
_TF_BLOCK = re.compile(
    r'(?m)^[ \t]*(?P<kind>resource|data|module|variable|output|provider|locals|terraform)\b(?P<labels>(?:[ \t]+"[^"\n]*")*)'
    r"[ \t]*\{"
)
_TF_COMMENT = re.compile(r"(?m)^[ \t]*(?:#|//).*$")


def _terraform(text: str) -> Found | None:
    """`resource "T" "N" { depends_on = [T2.N2] }`: N's address -> each address it depends on."""
    if "depends_on" not in text or not re.search(r'(?m)^[ \t]*(?:resource|data|module)[ \t]+"', text):
        return None
    body_text = _TF_COMMENT.sub(lambda m: " " * len(m.group()), text)
    raw = RawGraph(directed=True, form="Terraform depends_on", family="dep+")
    spans, bodies = [], []
    for m in _TF_BLOCK.finditer(body_text):
        end = match_bracket(body_text, m.end() - 1)
        spans.append((m.start(), end))
        labels = re.findall(r'"([^"]*)"', m.group("labels"))
        kind = m.group("kind")
        if kind in ("resource", "data") and len(labels) == 2:
            address = ".".join(labels) if kind == "resource" else "data." + ".".join(labels)
        elif kind == "module" and len(labels) == 1:
            address = f"module.{labels[0]}"
        else:
            if "depends_on" in body_text[m.end() : end]:
                raise ParseError(f"a Terraform {kind} block has depends_on; only resource, data and module blocks "
                                 "are read as graph nodes")  # fmt: skip
            continue
        raw.nodes.append(address)
        bodies.append((address, body_text[m.end() : end - 1]))
    declared = set(raw.nodes)
    for address, body in bodies:
        rest = body
        for dep in re.finditer(r"\bdepends_on\s*=\s*\[", body):
            close = match_bracket(body, dep.end() - 1)
            for item in body[dep.end() : close - 1].split(","):
                target = item.strip().strip('"').strip()
                if not target:
                    continue
                if not re.fullmatch(r"[\w-]+(?:\.[\w-]+){1,2}", target):
                    raise ParseError(f"could not read {clip(target)} in depends_on of {address}; write addresses "
                                     "such as aws_instance.web")  # fmt: skip
                raw.edges.append((address, target))
            rest = rest.replace(body[dep.start() : close], " ")
        for other in declared - {address}:
            if re.search(rf"(?<![\w.]){re.escape(other)}(?![\w-])", rest):
                raise ParseError(
                    f"{address} refers to {other} outside depends_on (an implicit dependency); the question may "
                    "mean depends_on edges only, so say whether references count, or list them in depends_on"
                )
    if not raw.nodes:
        return None
    for _, b in raw.edges:
        if b not in declared:
            raw.nodes.append(b)
    return raw, _cut(text, spans)


# -- YAML dependency keys (docker-compose depends_on, CI needs) ------------------------------------------------
_YAML_KEY = re.compile(r"^(?P<ind>[ \t]*)(?P<key>[\w@./-]+)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")
_YAML_ITEM = re.compile(r"^(?P<ind>[ \t]*)-[ \t]+(?P<item>[^#]+?)[ \t]*$")
_YAML_DEP_KEYS = frozenset(["depends_on", "depends-on", "needs", "requires", "dependencies", "deps", "after"])


_YAML_DEP_LINE = re.compile(
    r"(?m)^[ \t]+(?:depends_on|depends-on|needs|requires|dependencies|deps|after)[ \t]*:"
)


def _yaml_items(value: str) -> list[str]:
    value = value.split(" #")[0].strip()
    if value.startswith("[") and value.endswith("]"):
        value = value[1:-1]
    return [v.strip().strip("'\"") for v in value.split(",") if v.strip()]


def _yaml_deps(text: str) -> Found | None:
    """`web:` / `  depends_on: [api, db]` (or a `- api` list, or a mapping of names) under sibling keys: each key
    -> each name it lists (docker-compose services, CI jobs' `needs`). Indentation says whose key it is."""
    if not _YAML_DEP_LINE.search(text):
        return None
    lines = text.splitlines()
    keys = [(i, _YAML_KEY.match(ln)) for i, ln in enumerate(lines)]
    deps = [(i, m) for i, m in keys if m and m.group("key").lower() in _YAML_DEP_KEYS]
    if not deps:
        return None
    raw = RawGraph(directed=True, form="YAML dependency keys", family="dep+")
    owner_indent: set[int] = set()
    used = set()
    for i, m in deps:
        ind = len(m.group("ind").expandtabs())
        owner = next(
            (
                k
                for j, k in reversed(keys[:i])
                if k and len(k.group("ind").expandtabs()) < ind and not k.group("value")
            ),
            None,
        )
        if owner is None:
            return None
        owner_indent.add(len(owner.group("ind").expandtabs()))
        names = _yaml_items(m.group("value")) if m.group("value") else []
        child: int | None = None
        for j in range(i + 1, len(lines)):
            ln = lines[j]
            if not ln.strip() or ln.strip().startswith("#"):
                continue
            lind = len(ln) - len(ln.lstrip())
            item = _YAML_ITEM.match(ln)
            if lind < ind or (lind == ind and item is None) or m.group("value"):
                break
            child = lind if child is None else child
            if lind == child:
                k = _YAML_KEY.match(ln)
                names.append(
                    (item.group("item") if item else k.group("key") if k else ln).strip().strip("'\"")
                )
            used.add(j)
        raw.edges.extend((owner.group("key"), n) for n in names)
        used.add(i)
    if len(owner_indent) != 1:
        raise ParseError(
            "dependency keys (depends_on / needs) sit at different depths; could not tell whose they are"
        )
    level = owner_indent.pop()
    raw.nodes = [
        m.group("key")
        for _, m in keys
        if m and len(m.group("ind").expandtabs()) == level and not m.group("value")
    ]
    fences = _fences(text, ("yaml", "yml", ""))
    if fences:
        return raw, _cut(text, [(a, d) for a, _, _, d in fences])
    yamlish = [i for i, m in keys if m] + [i for i, ln in enumerate(lines) if _YAML_ITEM.match(ln)]
    first, last = min(yamlish), max(yamlish)
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln) + 1)
    return raw, _cut(text, [(starts[first], starts[last + 1] - 1)])


# -- Makefile ----------------------------------------------------------------------------------------------------
_MAKE_RULE = re.compile(r"^(?P<targets>[^\s:#=][^:#=]*?)\s*::?(?!=)\s*(?P<prereqs>[^;#]*?)\s*(?:;.*)?$")
_MAKE_ASSIGN = re.compile(r"^[\w.-]+\s*(?:[:?+!]?=|::=)")
_MAKE_DIRECTIVE = re.compile(r"^(?:-?include|sinclude|ifeq|ifneq|ifdef|ifndef|else|endif|define|endef|export|"
                             r"unexport|override|vpath)\b")  # fmt: skip


def _makefile(text: str) -> Found | None:
    """```make blocks: `target: prerequisites` lines -> target -> each prerequisite; recipe lines are skipped."""
    fences = _fences(text, ("make", "makefile", "mk"))
    if not fences:
        return None
    raw = RawGraph(directed=True, form="Makefile", family="dep+")
    for _, start, end, _ in fences:
        for line in text[start:end].splitlines():
            if not line.strip() or line.lstrip().startswith("#") or line[:1] in " \t":
                continue  # blank, comment, recipe
            s = line.strip()
            if _MAKE_ASSIGN.match(s):
                continue
            if _MAKE_DIRECTIVE.match(s):
                raise ParseError(f"the Makefile line {clip(s)} is a directive this reader does not evaluate; "
                                 "give plain 'target: prerequisites' rules")  # fmt: skip
            m = _MAKE_RULE.match(s)
            if m is None:
                raise ParseError(f"could not read the Makefile line {clip(s)}; write 'target: prerequisites'")
            targets, prereqs = m.group("targets").split(), m.group("prereqs").replace("|", " ").split()
            if any("$" in w or "%" in w for w in targets + prereqs):
                raise ParseError(f"the Makefile rule {clip(s)} uses a variable or pattern ($, %); write the "
                                 "file names out")  # fmt: skip
            for t in targets:
                if t.startswith("."):
                    break  # .PHONY, .SUFFIXES: special targets, not dependencies
                raw.nodes.append(t)
                raw.edges.extend((t, p) for p in prereqs)
    if not raw.nodes:
        return None
    return raw, _cut(text, [(a, d) for a, _, _, d in fences])


# -- git parent lists --------------------------------------------------------------------------------------------
_GIT_LINE = re.compile(r"(?im)^[ \t]*(?:[-*][ \t]+)?commit[ \t]+(?P<c>[0-9a-f]{4,40})\b[ \t]*(?P<rest>.*)$")
_GIT_PARENTS = re.compile(
    r"^[(\[]?\s*(?:(?:merge|merged)\s+)?parents?\s*[:=]\s*(?P<ps>[0-9a-f]{4,40}(?:[\s,]+[0-9a-f]{4,40})*)\s*[)\]]?"
    r"\s*[.,;]?$|^[(\[]?\s*(?P<root>root(?: commit)?|no parents?|initial commit|parents?\s*:\s*(?:none|-)?)\s*[)\]]?$",
    re.I,
)


def _git(text: str) -> Found | None:
    """`commit X (parents: Y Z)` lines: X -> each parent (walking parent links goes towards the root)."""
    lines = list(_GIT_LINE.finditer(text))
    if not lines or not any("parent" in m.group("rest").lower() for m in lines):
        return None
    raw = RawGraph(directed=True, form="git parent list", family="parent")
    for m in lines:
        c, rest = m.group("c"), m.group("rest").strip()
        raw.nodes.append(c)
        if not rest:
            continue
        p = _GIT_PARENTS.match(rest)
        if p is None:
            raise ParseError(f"could not read {clip(m.group())} as a commit and its parents; write e.g. "
                             "'commit 1a2b3c4 (parents: 5d6e7f8)'")  # fmt: skip
        if p.group("ps"):
            raw.edges.extend((c, q) for q in re.split(r"[\s,]+", p.group("ps").strip()))
    rest = _cut(text, [(m.start(), m.end()) for m in lines])
    return raw, _ancestry_question(rest, raw)


_ANCESTRY = re.compile(
    r"(?im)^(?P<lead>.*?)\b(?:is|was) (?:commit )?(?P<x>[0-9a-f]{4,40}) (?P<neg>not )?(?:an? |the )?(?P<rel>ancestor|"
    r"descendant|descendent)(?: commit)? of (?:commit )?(?P<y>[0-9a-f]{4,40})\s*\?"
)


def _ancestry_question(rest: str, raw: RawGraph) -> str:
    """ "Is X an ancestor of Y?" in a parent list: X is reached from Y by parent links (a descendant, the other way)."""
    m = _ANCESTRY.search(rest)
    if m is None:
        return rest
    if m.group("lead").strip() and not re.fullmatch(
        r"(?:so|and|now|then|question|q)\W*", m.group("lead").strip(), re.I
    ):
        raise ParseError(f"could not read the question {clip(m.group())}; ask 'Is X an ancestor of Y?'")
    x, y = m.group("x"), m.group("y")
    raw.source, raw.target = (y, x) if m.group("rel").lower() == "ancestor" else (x, y)
    raw.negated = bool(m.group("neg"))
    return (rest[: m.start()] + rest[m.end() :]).strip()


# -- Mermaid -----------------------------------------------------------------------------------------------------
_MERMAID_HEAD = re.compile(
    r"(?m)^[ \t]*(?:(?:flowchart|graph)[ \t]+(?:LR|RL|TD|TB|BT)\b|(?P<state>stateDiagram(?:-v2)?))[ \t]*(?=;|$)"
)
_MERMAID_SKIP = re.compile(
    r"^(?:subgraph\b|end\b|style\b|classDef\b|class\b|click\b|linkStyle\b|direction\b|%%)"
)
_MERMAID_TEXT = re.compile(
    r"(?P<open>--|==|-\.)\s+(?P<text>[^-=.>|][^>|]*?)\s+(?P<close>-{2,}>|={2,}>|\.->|-{3,}|={3,}|\.-)"
)
_MERMAID_LINK = re.compile(r"\s*(?P<op><-->|<==>|<-\.->|-\.->|-{2,}>|={2,}>|-\.-|-{3,}|={3,}|--[ox]|[ox]--[ox])"
                           r"(?:\|[^|]*\|)?\s*")  # fmt: skip
_MERMAID_NODE = re.compile(
    r"^(?P<id>[\w-]+)(?:(?P<open>\[\[|\[\(|\(\(|\[/|\[\\|\(\[|\[|\(|\{\{|\{|>)(?P<label>.*?)"
    r"(?:\]\]|\)\]|\)\)|/\]|\\\]|\]\)|\]|\)|\}\}|\})?)?(?::::[\w-]+)?$"
)


def _mermaid_node(tok: str, labels: dict[str, str], where_: str) -> str:
    m = _MERMAID_NODE.match(tok.strip())
    if m is None:
        raise ParseError(f'{where_}: could not read {clip(tok)} as a Mermaid node; write id or id["label"]')
    ident, label = m.group("id"), m.group("label")
    if label is not None:
        label = label.strip().strip('"').strip()
        if labels.get(ident, label) != label:
            raise ParseError(f"{where_}: Mermaid node {ident} has two labels ({labels[ident]!r}, {label!r})")
        labels[ident] = label
    return ident


def _mermaid_statement(
    statement: str,
    state: bool,
    labels: dict[str, str],
    ids: list[str],
    links: list[tuple[str, str, str]],
    where_: str,
) -> None:
    """One Mermaid statement: node declarations and links, added to `ids` and `links`."""
    s = statement.strip()
    if not s or _MERMAID_SKIP.match(s) or (state and re.match(r"^(?:note\b|[\w-]+\s*:(?!::))", s)):
        return
    if state:
        if "{" in s or "<<" in s:
            raise ParseError(
                f"{where_}: composite or special states ({clip(s)}) are not read; list plain A --> B"
            )
        s = re.sub(r"\s*:[^:].*$", "", s)  # `A --> B : event`
    s = _MERMAID_TEXT.sub(lambda m: m.group("close") if m.group("close")[-1] in ">-." else m.group(), s)
    parts = _MERMAID_LINK.split(s)
    groups = [
        [None if state and t.strip() == "[*]" else _mermaid_node(t, labels, where_) for t in part.split("&")]
        for part in parts[::2]
    ]
    ids.extend(i for g in groups for i in g if i is not None)
    for k, op in enumerate(parts[1::2]):
        if op[-1] in "ox":
            raise ParseError(f"{where_}: the Mermaid link {op!r} has no arrow direction; use --> or ---")
        kind = "sym" if op.startswith("<") else "one" if op.endswith(">") else "two"
        # [*] is the start on the left of an arrow and the end on its right: two pseudo-states, never one node
        links.extend(
            (a, b, kind) for a in groups[k] for b in groups[k + 1] if a is not None and b is not None
        )


def _mermaid(text: str) -> Found | None:
    """`flowchart LR` blocks: `A --> B` (one-way), `A --- B` (no arrow: undirected), `A <--> B`, chains and `&`.
    Nodes are named by their labels where they have one (a question quotes what the reader sees)."""
    head = _MERMAID_HEAD.search(text)
    if head is None:
        return None
    fences = [f for f in _fences(text, ("mermaid", "")) if f[1] <= head.start() < f[2]]
    end = fences[0][2] if fences else len(text)
    start = fences[0][0] if fences else head.start()
    stop = fences[0][3] if fences else end
    labels: dict[str, str] = {}
    ids: list[str] = []
    links: list[tuple[str, str, str]] = []
    line_no = text.count("\n", 0, head.end())
    state = head.group("state") is not None
    pos = head.end()
    for line in text[head.end() : end].splitlines(keepends=True):
        line_no += 1
        try:
            for statement in line.split(";"):
                _mermaid_statement(statement, state, labels, ids, links, f"line {line_no}")
        except ParseError:
            if fences:
                raise
            end = stop = pos  # unfenced: the chart ends where its statements do
            break
        pos += len(line)
    names = {i: labels.get(i, i) for i in ids}
    seen: dict[str, str] = {}
    for i, n in names.items():
        if seen.setdefault(n, i) != i:
            raise ParseError(f"Mermaid nodes {seen[n]} and {i} are both labelled {n!r}; a question about {n!r} "
                             "could mean either")  # fmt: skip
    kinds = {k for _, _, k in links}
    raw = RawGraph(
        form="Mermaid state diagram" if state else "Mermaid flowchart",
        nodes=list(dict.fromkeys(names.values())),
        family="flow",
    )
    if kinds == {"two"}:
        raw.directed = False
    elif kinds:
        raw.directed = True
        if kinds - {"one"}:
            raw.edge_kinds = ["sym" if k == "two" else k for _, _, k in links]
    raw.edges = [(names[a], names[b]) for a, b, _ in links]
    return raw, _cut(text, [(start, stop)])


# -- Cypher ------------------------------------------------------------------------------------------------------
_CY_NODE = re.compile(r"\(\s*(?P<var>\w*)\s*(?P<labels>(?::\s*`?\w+`?\s*)*)(?P<props>\{[^{}]*\})?\s*\)")
_CY_REL = re.compile(
    r"\s*(?P<left><)?-\s*(?:\[\s*\w*\s*(?::\s*(?P<type>[\w|`]+))?\s*(?P<hops>\*[^\]{]*)?\s*(?:\{[^{}]*\})?\s*\])?\s*-"
    r"(?P<right>>)?\s*$"
)
_CY_PROP = re.compile(r"(?P<k>\w+)\s*:\s*(?P<v>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|-?\d+)")
_CY_WRITE = re.compile(r"\b(?:MERGE|CREATE)\b", re.I)
_CY_QUERY = re.compile(
    r"\bMATCH\b(?P<pattern>[^;]*?)\bRETURN\b(?P<ret>[^?;\n]*?)(?=\n|\?|;|$|\s(?:return|give|produce|yield) "
    r"(?:a|an|any|no|zero|nothing|at)\b)",
    re.I | re.S,
)
_CY_NAME_KEYS = ("name", "id", "title", "key", "label", "code", "sha", "url")


def _cy_name(props: str | None) -> str | None:
    if not props:
        return None
    found = {m.group("k"): m.group("v") for m in _CY_PROP.finditer(props)}
    for k in _CY_NAME_KEYS:
        if k in found:
            return found[k].strip("'\"")
    if found:
        raise ParseError(
            f"the Cypher node {clip(props)} has no name property ({', '.join(_CY_NAME_KEYS[:4])})"
        )
    return None


def _cy_pattern(
    stmt: str, scope: dict[str, str]
) -> tuple[list[str], list[tuple[str, str, str, str | None, str | None]]]:
    """Nodes and relationships (a, b, kind, type, hops) of one statement's patterns; `scope` binds variables."""
    nodes, rels = [], []
    matches = list(_CY_NODE.finditer(stmt))
    names: list[str | None] = []
    for m in matches:
        n = _cy_name(m.group("props"))
        var = m.group("var")
        if n is None and var:
            n = scope.get(var)
        elif n is not None and var:
            scope[var] = n
        names.append(n)
        if n is not None:
            nodes.append(n)
    for k in range(len(matches) - 1):
        rel = _CY_REL.match(stmt, matches[k].end(), matches[k + 1].start())
        if rel is None:
            continue
        a, b = names[k], names[k + 1]
        if a is None or b is None:
            raise ParseError(f"could not tell which nodes {clip(stmt[matches[k].start() : matches[k + 1].end()])} "
                             "joins (a variable bound nowhere in its statement)")  # fmt: skip
        left, right = bool(rel.group("left")), bool(rel.group("right"))
        if left and right:
            raise ParseError(f"the Cypher relationship in {clip(rel.group())} points both ways")
        kind = "one" if right else "rev" if left else "two"
        rels.append((a, b, kind, rel.group("type"), rel.group("hops")))
    return nodes, rels


def _cypher(text: str) -> Found | None:
    """`MERGE (a:Stop {name: 'X'}) ... MERGE (a)-[:NEXT]->(b);` statements, and the question as a
    `MATCH (x {name: 'S'})-[:NEXT*]->(y {name: 'T'}) RETURN ...` asked whether it returns a row."""
    if not _CY_WRITE.search(text) or not re.search(
        r"\)[ \t]*<?-[ \t]*(?:\[[^\]\n]{0,200}\][ \t]*)?->?[ \t]*\(", text
    ):
        return None
    query = _CY_QUERY.search(text)
    data = text[: query.start()] if query else text
    raw = RawGraph(form="Cypher script", family="flow")
    types: list[str | None] = []
    kinds: list[str] = []
    for stmt in re.split(r";", data):
        if not _CY_WRITE.search(stmt):
            continue
        nodes, rels = _cy_pattern(stmt, {})
        raw.nodes.extend(nodes)
        for a, b, kind, typ, hops in rels:
            if hops:
                raise ParseError(f"a variable-length relationship in {clip(stmt)} cannot be created")
            raw.edges.append((b, a) if kind == "rev" else (a, b))
            kinds.append("two" if kind == "two" else "one")
            types.append(typ)
    if not raw.nodes:
        return None
    raw.nodes = list(dict.fromkeys(raw.nodes))
    if set(kinds) == {"two"}:
        raw.directed = False
    else:
        raw.directed = True
        if "two" in kinds:
            raw.edge_kinds = ["sym" if k == "two" else k for k in kinds]
    rest_end = len(text)
    if query is not None:
        _cy_question(raw, query, types)
        tail = text[query.end() :]
        ask = re.match(r"\s*(?P<ask>[^?]*)\??", tail)
        words = (ask.group("ask") if ask else "").strip().lower()
        if re.fullmatch(r"(?:return|give|produce|yield|find|output) (?:a|any|at least one|one or more) "
                        r"(?:rows?|results?|records?|match(?:es)?)|(?:return|give|produce) anything", words):  # fmt: skip
            pass
        elif re.fullmatch(r"(?:return|give|produce|yield) (?:no|zero) (?:rows?|results?|records?)|"
                          r"(?:return|give|produce) (?:nothing|an empty result(?: set)?)", words):  # fmt: skip
            raw.negated = True
        else:
            raise ParseError(f"could not tell what is asked about the MATCH query ({clip(words or '(nothing)')}); "
                             "ask e.g. 'does it return a row?'")  # fmt: skip
        start = text.rfind("\n", 0, query.start())
        lead = text[start + 1 : query.start()]
        if re.search(r"[.?!]", lead):  # the question sentence starts after the last full stop before MATCH
            start += 1 + max(lead.rfind(c) for c in ".?!") + 1
        rest_end = start
        tail_end = query.end() + (ask.end() if ask else 0)
        rest = text[:rest_end] + "\n" + text[tail_end:]
    else:
        rest = text
    kept = [ln for ln in rest.splitlines() if not _CY_WRITE.search(ln) and not ln.strip().startswith("//")]
    return raw, "\n".join(kept).strip()


def _cy_question(raw: RawGraph, query: re.Match[str], types: list[str | None]) -> None:
    nodes, rels = _cy_pattern(query.group("pattern"), {})
    if len(rels) != 1 or len(nodes) != 2:
        raise ParseError(f"the MATCH pattern {clip(query.group('pattern'))} is not one path between two named "
                         "nodes; write MATCH (a {name: 'X'})-[:R*]->(b {name: 'Y'})")  # fmt: skip
    a, b, kind, typ, hops = rels[0]
    if not hops or not re.fullmatch(r"\*\s*(?:[01]?\s*\.\.\s*)?", hops):
        raise ParseError(f"the MATCH pattern {clip(query.group('pattern'))} bounds the path length "
                         f"({hops or 'one hop'}); only unbounded [*] paths are reachability")  # fmt: skip
    if kind == "two":
        raw.directed = False
        raw.edge_kinds = None
    elif raw.edge_kinds is not None or raw.directed is False:
        raise ParseError("the script creates relationships without a direction (Neo4j stores each one way, in an "
                         "order the text does not fix) and the MATCH follows a direction; give every relationship "
                         "an arrow, or MATCH without one")  # fmt: skip
    if a == b:
        raise ParseError(f"the MATCH pattern starts and ends at {a!r}; ask about two different nodes")
    raw.source, raw.target = (b, a) if kind == "rev" else (a, b)
    if typ:
        allowed = set(typ.replace("`", "").split("|"))
        keep = [i for i, t in enumerate(types) if t is not None and t.replace("`", "") in allowed]
        raw.edges = [raw.edges[i] for i in keep]
        if raw.edge_kinds is not None:
            raw.edge_kinds = [raw.edge_kinds[i] for i in keep]


# -- HTML navigation ---------------------------------------------------------------------------------------------
_HTML_PAGE = re.compile(r"(?m)^[ \t]*<!--\s*(?:page:?\s*)?(?P<page>[^\s<>]+?)\s*:?\s*-->[ \t]*$")
_HTML_HREF = re.compile(r"<a\b[^>]*?\bhref\s*=\s*[\"'](?P<href>[^\"'#]*)(?:#[^\"']*)?[\"']", re.I)


def _resolve_href(page: str, href: str) -> str:
    """A link as the browser follows it: `about.html` on `/docs/index.html` is `/docs/about.html`."""
    if page.startswith("/") or re.match(r"^[a-z][a-z0-9+.-]*://", page, re.I):
        from urllib.parse import urljoin

        return urljoin(page, href)
    return href


def _html(text: str) -> Found | None:
    """`<!-- /page.html -->` headers, each followed by that page's markup: page -> each `<a href>` target."""
    pages = list(_HTML_PAGE.finditer(text))
    if not pages or not _HTML_HREF.search(text, pages[0].end()):
        return None
    if _HTML_HREF.search(text, 0, pages[0].start()):
        raise ParseError(
            "links appear before the first page header (<!-- /page.html -->); say whose links they are"
        )
    raw = RawGraph(directed=True, form="HTML navigation", family="flow")
    spans = []
    for k, m in enumerate(pages):
        end = pages[k + 1].start() if k + 1 < len(pages) else len(text)
        page = m.group("page")
        raw.nodes.append(page)
        block_end = m.end()
        for line in text[m.end() : end].splitlines(keepends=True):
            if line.strip() and not line.strip().startswith("<"):
                break
            raw.edges.extend((page, _resolve_href(page, h.group("href"))) for h in _HTML_HREF.finditer(line)
                             if h.group("href"))  # fmt: skip
            block_end += len(line)
        spans.append((m.start(), block_end))
    return raw, _cut(text, spans)


# -- spreadsheet formulas ----------------------------------------------------------------------------------------
_CELL_LINE = re.compile(
    r"(?m)^[ \t]*(?:[-*][ \t]+)?\$?(?P<cell>[A-Z]{1,3}\$?[1-9]\d{0,6})[ \t]*[:=][ \t]*(?P<value>.+?)[ \t]*$"
)
_CELL_REF = re.compile(
    r"(?<![\w$!.:])\$?(?P<c1>[A-Z]{1,3})\$?(?P<r1>\d{1,7})(?::\$?(?P<c2>[A-Z]{1,3})\$?(?P<r2>\d{1,7}))?(?![\w(!])"
)
_FUNCTION = re.compile(r"\b[A-Z][A-Z0-9.]*\s*\(")
_MAX_RANGE = 2000


def _col(c: str) -> int:
    n = 0
    for ch in c:
        n = n * 26 + ord(ch) - 64
    return n


def _col_name(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def _refs(formula: str, cell: str) -> list[str]:
    body = re.sub(r'"[^"]*"', " ", formula[1:])
    if "!" in body or "[" in body:
        raise ParseError(f"{cell}'s formula {clip(formula)} refers to another sheet or book; only same-sheet "
                         "references are read")  # fmt: skip
    out = []
    for m in _CELL_REF.finditer(body):
        if m.group("c2") is None:
            out.append(m.group("c1") + m.group("r1"))
            continue
        c1, c2 = sorted((_col(m.group("c1")), _col(m.group("c2"))))
        r1, r2 = sorted((int(m.group("r1")), int(m.group("r2"))))
        if (c2 - c1 + 1) * (r2 - r1 + 1) > _MAX_RANGE:
            raise ParseError(f"{cell}'s range {m.group()} is too large to list")
        out.extend(f"{_col_name(c)}{r}" for c in range(c1, c2 + 1) for r in range(r1, r2 + 1))
    leftover = _FUNCTION.sub(" ", _CELL_REF.sub(" ", body))
    if re.search(r"[A-Za-z_]", leftover):
        raise ParseError(f"{cell}'s formula {clip(formula)} uses a name that is not a cell reference; write "
                         "cells such as A1 or A1:B3")  # fmt: skip
    return out


def _spreadsheet(text: str) -> Found | None:
    """`B2: =SUM(A1, C3)` lines (three or more, one formula at least): cell -> each cell it refers to."""
    lines = list(_CELL_LINE.finditer(text))
    if len(lines) < 3 or not any(m.group("value").startswith("=") for m in lines):
        return None
    raw = RawGraph(directed=True, form="spreadsheet formulas", family="dep+")
    for m in lines:
        cell, value = m.group("cell").replace("$", ""), m.group("value")
        if cell in raw.nodes:
            raise ParseError(f"cell {cell} is given twice")
        raw.nodes.append(cell)
        if value.startswith("="):
            raw.edges.extend((cell, r) for r in _refs(value, cell))
    return raw, _cut(text, [(m.start(), m.end()) for m in lines])


# -- networkx Python ---------------------------------------------------------------------------------------------
_NX_CLASSES = {"Graph": False, "DiGraph": True, "MultiGraph": False, "MultiDiGraph": True}


def _lit(node: ast.expr, what: str, env: dict[str, ast.expr] | None = None) -> object:
    if isinstance(node, ast.Name) and env is not None and node.id in env:
        node = env[node.id]
    try:
        return ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError):
        raise ParseError(
            f"{what} is not a literal ({clip(ast.unparse(node))}); write the values out"
        ) from None


def _nx_names(value: object, what: str) -> list[str]:
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return [str(value)]
    raise ParseError(f"{what} {value!r} is not a node name (a string or a number)")


def _networkx(text: str) -> Found | None:
    """A networkx script: the graph class, add_edge / add_edges_from / add_node(s) / nx.add_path / remove_edge /
    remove_node calls, run in order, and one `print(nx.has_path(G, s, t))` (or `t in nx.descendants(G, s)`)."""
    if "networkx" not in text and "nx." not in text:
        return None
    fences = _fences(text, ("python", "py", "python3", ""))
    span = next(((a, b, c, d) for a, b, c, d in fences if "nx." in text[b:c]), None)
    if span is None:
        span = _unfenced_code(text)
    if span is None:
        return None
    code = text[span[1] : span[2]]
    try:
        tree = ast.parse(code)
    except SyntaxError as exc:
        raise ParseError(f"could not parse the Python code: {exc.msg} at line {exc.lineno}") from None
    env: dict[str, ast.expr] = {}  # `edges = [...]`: literal values named before use
    graphs: dict[str, bool] = {}
    edges: dict[str, list[tuple[str, str]]] = {}
    nodes: dict[str, list[str]] = {}
    asked: list[tuple[str, str, str, bool]] = []

    def graph_of(node: ast.expr) -> str:
        if isinstance(node, ast.Name) and node.id in graphs:
            return node.id
        raise ParseError(f"{clip(ast.unparse(node))} is not a graph built in the code")

    def add_edges(g: str, items: object, what: str) -> None:
        if not isinstance(items, (list, tuple, set)):
            raise ParseError(f"{what} is not a list of edges")
        for e in items:
            if not isinstance(e, (list, tuple)) or len(e) not in (2, 3):
                raise ParseError(f"{what} holds {e!r}, not an edge (u, v)")
            edges[g].append((_nx_names(e[0], "an edge end")[0], _nx_names(e[1], "an edge end")[0]))
            nodes[g].extend(edges[g][-1])

    def ask(call: ast.expr, negated: bool) -> None:
        if isinstance(call, ast.UnaryOp) and isinstance(call.op, ast.Not):
            ask(call.operand, not negated)
            return
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "has_path"
        ):
            kw = {k.arg: k.value for k in call.keywords}
            args = [*call.args, *(kw.pop(k) for k in ("G", "source", "target")[len(call.args) :] if k in kw)]
            if len(args) != 3 or kw:
                raise ParseError(
                    f"could not read the call {clip(ast.unparse(call))}; write nx.has_path(G, s, t)"
                )
            g = graph_of(args[0])
            s, t = (_nx_names(_lit(x, "has_path's node", env), "has_path's node")[0] for x in args[1:])
            asked.append((g, s, t, negated))
            return
        if (
            isinstance(call, ast.Compare)
            and len(call.ops) == 1
            and isinstance(call.ops[0], (ast.In, ast.NotIn))
            and isinstance(call.comparators[0], ast.Call)
            and isinstance(call.comparators[0].func, ast.Attribute)
            and call.comparators[0].func.attr in ("descendants", "ancestors")
        ):
            inner = call.comparators[0]
            g = graph_of(inner.args[0])
            x = _nx_names(_lit(call.left, "the node", env), "the node")[0]
            y = _nx_names(_lit(inner.args[1], "the node", env), "the node")[0]
            if x == y:
                raise ParseError(
                    "a node is never its own descendant in networkx; ask about two different nodes"
                )
            s, t = (y, x) if inner.func.attr == "descendants" else (x, y)
            asked.append((g, s, t, negated ^ isinstance(call.ops[0], ast.NotIn)))
            return
        raise ParseError(f"the printed value {clip(ast.unparse(call))} is not nx.has_path(G, s, t); this reader "
                         "answers reachability only")  # fmt: skip

    for stmt in tree.body:
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            continue
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            v = stmt.value
            if stmt.targets[0].id not in graphs and not isinstance(v, ast.Call):
                try:
                    ast.literal_eval(v)
                except (ValueError, SyntaxError, TypeError):
                    pass
                else:
                    env[stmt.targets[0].id] = v
                    continue
            if (
                isinstance(v, ast.Call)
                and isinstance(v.func, ast.Attribute)
                and v.func.attr in _NX_CLASSES
                and not v.keywords
                and len(v.args) <= 1
            ):
                g = stmt.targets[0].id
                graphs[g], edges[g], nodes[g] = _NX_CLASSES[v.func.attr], [], []
                if v.args:
                    add_edges(g, _lit(v.args[0], "the graph's edge list", env), "the graph's edge list")
                continue
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
            call = stmt.value
            f = call.func
            if isinstance(f, ast.Name) and f.id == "print" and len(call.args) == 1 and not call.keywords:
                ask(call.args[0], False)
                continue
            if isinstance(f, ast.Attribute) and not call.keywords:
                if f.attr == "add_path" and isinstance(f.value, ast.Name) and len(call.args) == 2:
                    g = graph_of(call.args[0])
                    path = _lit(call.args[1], "add_path's nodes", env)
                    if not isinstance(path, (list, tuple)):
                        raise ParseError("add_path needs a list of nodes")
                    names = [_nx_names(x, "a path node")[0] for x in path]
                    nodes[g].extend(names)
                    edges[g].extend(zip(names, names[1:], strict=False))
                    continue
                if isinstance(f.value, ast.Name) and f.value.id in graphs:
                    g = f.value.id
                    args = [_lit(a, f"{f.attr}'s argument", env) for a in call.args]
                    if f.attr == "add_edge" and len(args) == 2:
                        add_edges(g, [args], "add_edge's arguments")
                        continue
                    if f.attr in ("add_edges_from", "add_weighted_edges_from") and len(args) == 1:
                        add_edges(g, args[0], f"{f.attr}'s argument")
                        continue
                    if f.attr == "add_node" and len(args) == 1:
                        nodes[g].extend(_nx_names(args[0], "a node"))
                        continue
                    if (
                        f.attr == "add_nodes_from"
                        and len(args) == 1
                        and isinstance(args[0], (list, tuple, set))
                    ):
                        nodes[g].extend(n for x in args[0] for n in _nx_names(x, "a node"))
                        continue
                    multi = f.attr in ("remove_edge",) and "Multi" in ast.unparse(tree)
                    if f.attr == "remove_edge" and len(args) == 2 and not multi:
                        u, w = (_nx_names(x, "an edge end")[0] for x in args)
                        gone = {(u, w)} | (set() if graphs[g] else {(w, u)})
                        if not any(e in gone for e in edges[g]):
                            raise ParseError(f"remove_edge({u!r}, {w!r}) removes an edge the graph does not have "
                                             "(networkx raises an error)")  # fmt: skip
                        edges[g] = [e for e in edges[g] if e not in gone]
                        continue
        raise ParseError(f"the code line {clip(ast.unparse(stmt))} is not a graph construction this reader "
                         "models (Graph/DiGraph, add_edge(s_from), add_node(s_from), remove_edge, print(has_path))")  # fmt: skip
    if not graphs or not asked:
        return None
    if len(asked) > 1:
        raise ParseError(f"the code prints {len(asked)} values; ask about one has_path call")
    g, s, t, negated = asked[0]
    raw = RawGraph(edges=edges[g], nodes=list(dict.fromkeys(nodes[g])), directed=graphs[g], form="networkx code",
                   source=s, target=t, negated=negated)  # fmt: skip
    for n in (s, t):
        if n not in raw.nodes:
            raise ParseError(f"nx.has_path raises an error: node {n!r} is not in the graph")
    rest = _cut(text, [(span[0], span[3])])
    return raw, _printed_question(rest, raw)


_CODE_LINE = re.compile(r"^(?:\s*$|\s*#|(?:import|from)\s|[A-Za-z_][\w.]*\s*(?:=|\.|\()|print\s*\()")


def _unfenced_code(text: str) -> tuple[int, int, int, int] | None:
    """The run of code lines from `import networkx` on, when the script is not in a ``` block."""
    m = re.search(r"(?m)^import networkx\b.*$|^from networkx\b.*$", text)
    if m is None:
        return None
    end = m.start()
    for line in text[m.start() :].splitlines(keepends=True):
        if not _CODE_LINE.match(line):
            break
        end += len(line)
    return m.start(), m.start(), end, end


_PRINTS = re.compile(
    r"(?im)^[ \t]*(?:(?:does|will|would) (?:this|it|the (?:code|snippet|script|program)) (?:print|output|"
    r"display|show) (?P<value>true|false)|what (?:does|will|would) (?:this|it|the (?:code|snippet|script|program))"
    r" (?:print|output|display)|what is (?:the|its) (?:output|printed value))\s*\??[ \t]*$"
)


def _printed_question(rest: str, raw: RawGraph) -> str:
    """'Does this print True?' / 'What does this print?' about the printed has_path: taken, and dropped."""
    m = _PRINTS.search(rest)
    if m is None:
        return rest
    if (m.group("value") or "true").lower() == "false":
        raw.negated = not raw.negated
    return (rest[: m.start()] + rest[m.end() :]).strip()


# -- LeetCode-style inputs ---------------------------------------------------------------------------------------
_LC_EDGES = re.compile(r"\bedges\s*=\s*(?=\[)")
_LC_N = re.compile(r"\bn\s*=\s*(?P<n>\d{1,6})\b")
_LC_SOURCE = re.compile(r"\b(?:source|src|start)\s*=\s*(?P<v>-?\d+|\"[^\"]*\"|'[^']*')")
_LC_TARGET = re.compile(r"\b(?:destination|dest|dst|target|end)\s*=\s*(?P<v>-?\d+|\"[^\"]*\"|'[^']*')")
_LC_OUTPUT = re.compile(r"(?im)^[ \t]*(?:output|expected(?: output)?|answer|result)\s*:\s*\??[ \t]*$")


def _leetcode(text: str) -> Found | None:
    """`n = 5, edges = [[0,1],[1,2]], source = 0, destination = 2` (nodes 0..n-1); the problem statement around it
    gives the direction ("bi-directional graph") and is otherwise reported as skipped."""
    from .lexicon_graph import DIRECTED_WORDS, NEGATION, UNDIRECTED_WORDS

    e = _LC_EDGES.search(text)
    if e is None:
        return None
    s, t = _LC_SOURCE.search(text), _LC_TARGET.search(text)
    if s is None or t is None:
        return None
    end = match_bracket(text, e.end())
    try:
        items = ast.literal_eval(text[e.end() : end])
    except (ValueError, SyntaxError):
        raise ParseError(f"could not read the edges {clip(text[e.end() : end])}") from None
    raw = RawGraph(form="LeetCode-style input")
    if not isinstance(items, list) or not all(isinstance(x, (list, tuple)) and len(x) == 2 for x in items):
        raise ParseError("edges must be a list of pairs, e.g. edges = [[0,1],[1,2]]")
    raw.edges = [(str(a), str(b)) for a, b in items]
    n = _LC_N.search(text)
    if n is not None:
        raw.nodes = [str(i) for i in range(int(n.group("n")))]
        bad = [x for a, b in raw.edges for x in (a, b) if not x.isdigit() or int(x) >= int(n.group("n"))]
        if bad:
            raise ParseError(f"edge end {bad[0]} is not one of the n = {n.group('n')} vertices 0..n-1")
    raw.source, raw.target = s.group("v").strip("'\""), t.group("v").strip("'\"")
    lines = [ln for ln in text.splitlines() if ln.strip()]
    data = [ln for ln in lines if _LC_EDGES.search(ln) or _LC_OUTPUT.match(ln)]
    statement = " ".join(ln for ln in lines if ln not in data)
    one, two = DIRECTED_WORDS.search(UNDIRECTED_WORDS.sub(" ", statement)), UNDIRECTED_WORDS.search(statement)
    if one and two:
        raise ParseError("the problem statement says both directed and undirected; say one")
    if NEGATION.search(statement.replace("false otherwise", "")):
        raise ParseError(f"the problem statement {clip(statement)} holds a negation this reader would drop; "
                         "state the graph and the question plainly")  # fmt: skip
    if one or two:
        raw.directed = bool(one)
    raw.question = None
    if statement:
        raw.form = f"LeetCode-style input (statement skipped: {clip(statement, 50)})"
    return raw, ""


READERS: list[Callable[[str], Found | None]] = [
    _terraform,
    _makefile,
    _yaml_deps,
    _git,
    _mermaid,
    _cypher,
    _html,
    _networkx,
    _leetcode,
    _spreadsheet,
]


def find_code(text: str) -> Found | None:
    """The first notation that recognises `text`: its graph, and the words around it (framing and the question)."""
    for reader in READERS:
        found = reader(text)
        if found is not None:
            return found
    return None


def looks_like_code(text: str) -> bool:
    """Cheap cues of these notations, for routing."""
    return bool(
        re.search(
            r"depends_on|^[ \t]+needs[ \t]*:|```(?:make|makefile|mermaid)\b|^[ \t]*(?:flowchart|graph)[ \t]+(?:LR|RL|TD|TB|BT)\b|"
            r"\bMERGE\s*\(|\bCREATE\s*\(|<a\b[^>]*href|\bnx\.|\bcommit[ \t]+[0-9a-f]{6,40}\b.*parent|"
            r"\bedges\s*=\s*\[|^[ \t]*[A-Z]{1,3}\d{1,7}[ \t]*:[ \t]*=",
            text,
            re.M,
        )
    )
