"""Questions about a graph: "Is A connected to F?", "Can you get from A to F?", "Find a path from A to F.".

A question names two nodes (or two roles, "the start node" and "the goal node", that a notation fills in later),
says whether it asks for the negation ("Is F unreachable from A?"), whether it asks for a path (answered by the
witness path), and whether its words may ask about one edge rather than a route ("Is there a road between A and
B?", "Are A and B friends?"): such a question is answered only where both readings agree.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field

from . import lexicon_graph as lex
from .graph_facts import expand_contractions, key, name
from .lexicon_graph import lazy

EXAMPLES = (
    "Is A connected to F?",
    "Can you get from A to F?",
    "Is F reachable from A?",
    "Is there a path between node 0 and node 5?",
    "Does A lead to F?",
    "Find a path from A to F.",
)

_A, _B = r"(?P<a>.+?)", r"(?P<b>.+?)"
_NOT = r"(?P<neg>not\s+|never\s+)?"  # after a subject: "Is NOT connected to DO?" takes NOT as the subject
# who or what moves: "you", "a car", "a request that", "the player"; then an adverb or two
_YOU = (
    r"(?:(?:you|i|we|one|it|they|someone|somebody|anyone|(?:a|an|the|my|our|your|this|that|each)\s+"
    r"(?:[\w-]+\s+){0,2}?[\w-]+)(?:\s+(?:legally|ever|still|actually|safely|eventually|somehow|really|also|"
    r"then|even))*)"
)
_MOVE = (
    r"(?:get|go|travel|walk|drive|move|navigate|ride|fly|make it|make your way|find a way|find a path|commute|"
    r"sail|cycle|hike|route|pass|flow|be (?:sent|delivered|shipped|routed|forwarded|carried|moved|taken|"
    r"transported|driven))"
)
_PATH = (
    r"(?:path|route|way|connection|walk|chain of (?:edges|links|roads)|sequence of (?:edges|links|roads)|road|"
    r"series of (?:edges|links|roads)|link|trail|chain|edge|flight|bridge|street|(?:network )?connectivity)"
)
_ART = (
    r"(?P<art>(?:a|an|any|some|one|a direct|no|not a|not any)\s+)?(?:(?:directed|undirected|valid|possible|single|"
    r"continuous|complete)\s+)?"
)
_CONN = r"(?:connected|linked|joined|attached|adjacent)"
_FIND = r"(?:find|give|show|list|return|output|compute|determine|identify|name|provide|print|write|trace|get|state)"
_A_PATH = (
    r"(?:(?:a|the|one|any|some)\s+)?(?:(?:shortest|valid|possible|single|simple)\s+)?(?:path|route|way|walk)"
)

# (pattern, asks for a path)
_QUESTIONS: list[tuple[str, bool]] = [
    (rf"(?:is|are) {_A} {_NOT}(?:(?:directly|still|somehow|indirectly)\s+)?{_CONN} (?:to|with) {_B}", False),
    (rf"(?:is|are) {_A} (?P<negw>disconnected|unconnected|cut off|separated|isolated) from {_B}", False),
    (
        rf"are {_A} and {_B} {_NOT}(?:(?:directly|still|somehow|indirectly)\s+)?(?:connected|linked|joined|adjacent|"
        rf"neighbou?rs|friends|reachable from (?:one another|each other)|in the same (?:connected )?component|"
        rf"in the same group)(?: (?:to|with) (?:each other|one another))?",
        False,
    ),
    (
        rf"are {_A} and {_B} (?P<negw>disconnected|unconnected|in different (?:connected )?components|separated)",
        False,
    ),
    (rf"is {_A} {_NOT}(?:a |the )?(?:friend|neighbou?r) (?:of|to|with) {_B}", False),
    (rf"(?:can|could|may|will|would) {_YOU} {_NOT}{_MOVE} from {_A} to {_B}", False),
    (
        rf"(?:can|could|may|will|would) {_YOU} {_NOT}{_MOVE} (?:by [\w-]+ |on foot )?between {_A} and {_B}",
        False,
    ),
    (
        rf"(?:can|could|may|will) {_YOU} {_NOT}(?:reach|get to|access|arrive at) {_B} (?:from|starting (?:from|at)) {_A}",
        False,
    ),
    (rf"(?:can|could|may|will) {_B} {_NOT}be (?:reached|accessed) from {_A}", False),
    (
        rf"(?:can|could|will) {_A} {_NOT}(?:reach|get to|access|arrive at|see|talk to|send (?:a message|messages|"
        rf"data) to) {_B}",
        False,
    ),
    (
        rf"(?:does|do|did|will) {_A} {_NOT}(?:lead|connect|link|go|get|route|flow|point) (?:to|into|with|through to) {_B}",
        False,
    ),
    (rf"(?:does|do|did|will) {_A} {_NOT}(?:reach|access) {_B}", False),
    (rf"(?:does|do) {_A} {_NOT}(?:know|follow|trust|border|neighbou?r) {_B}", False),
    (
        rf"(?:does|do|did) {_A} {_NOT}(?:(?:directly|indirectly|transitively|ultimately|eventually|still|also) )*"
        rf"(?:depend on|require|import|need|rely on|report to|answer to|call|invoke|use|feed|supply|manage|supervise)"
        rf" {_B}",
        False,
    ),
    (
        rf"is {_A} {_NOT}(?:an? )?(?:(?:direct|indirect|direct or indirect|transitive|possibly indirect|required) )?"
        rf"(?:pre-?requisite|prereq|requirement) (?:for|of|to) {_B}",
        False,
    ),
    (
        rf"is {_B} {_NOT}(?:an? )?(?:(?:direct|indirect|direct or indirect|transitive) )?dependency of {_A}",
        False,
    ),
    (rf"is {_B} (?:somewhere |anywhere )?in the dependency (?:tree|graph|closure|chain|list) of {_A}", False),
    (
        rf"is {_B} (?:\((?:transitively|indirectly|possibly indirectly)\) |transitively |indirectly |somewhere )?"
        rf"downstream (?:of|from) {_A}",
        False,
    ),
    (
        rf"is {_A} (?:\((?:transitively|indirectly|possibly indirectly)\) |transitively |indirectly |somewhere )?"
        rf"upstream (?:of|from) {_B}",
        False,
    ),
    (
        rf"(?:can|could|will|would|does|do) {_YOU} from {_A} (?:ever |still |eventually )?(?:get|go|travel|make it|flow|"
        rf"pass|be (?:sent|delivered|routed|forwarded)) to {_B}",
        False,
    ),
    (
        rf"(?:can|could|will|would|does|do) {_YOU} from {_A} (?:ever |still |eventually )?(?:reach|arrive at) {_B}",
        False,
    ),
    (
        rf"if (?:i|you|we|one) (?:install|add|deploy|import) {_A},? (?:will|would|does|do|is) {_B} (?:also )?"
        rf"(?:be |get |being )?(?:pulled in|installed|included|brought in|required|needed)",
        False,
    ),
    (
        rf"is {_B} above {_A} in the (?:reporting|management|org(?:ani[sz]ation(?:al)?)?) (?:chain|hierarchy|tree|"
        rf"structure|line)",
        False,
    ),
    (
        rf"is {_B} {_NOT}(?:reachable|accessible|attainable|reached|accessable)(?: by [\w-]+| on foot| via [\w-]+)? "
        rf"from {_A}",
        False,
    ),
    (rf"is {_B} (?P<negw>unreachable|inaccessible|unattainable) from {_A}", False),
    (
        rf"(?:is|are) there {_ART}{_PATH}s? (?:from|between|linking|connecting|joining) {_A} (?:to|and|with) {_B}",
        False,
    ),
    (rf"does there exist {_ART}{_PATH}s? (?:from|between) {_A} (?:to|and) {_B}", False),
    (rf"(?:does|do) {_ART}{_PATH}s? {_NOT}exists? (?:from|between) {_A} (?:to|and) {_B}", False),
    (rf"is it (?P<poss>possible|impossible) (?:for {_YOU} )?to {_MOVE} from {_A} to {_B}", False),
    (
        rf"is it (?P<poss>possible|impossible) (?:for {_YOU} )?to (?:reach|get to|arrive at) {_B} from {_A}",
        False,
    ),
    (rf"is it (?P<poss>possible|impossible) to (?:reach|get to) {_B} from {_A}", False),
    (
        rf"(?:does|do|did) {_A} (?:still |even |ever |now )?(?:have|has) {_ART}{_PATH}s? (?:to|towards|into) {_B}",
        False,
    ),
    (
        rf"(?:does|do) (?:g|the graph|the network|it|this graph|the map) (?:contain|have|has|include) "
        rf"{_ART}{_PATH}s? from {_A} to {_B}",
        False,
    ),
    (rf"(?:is|are) there {_ART}(?:[\w-]+ )?{_PATH}s? (?:for {_YOU} )?to {_MOVE} from {_A} to {_B}", False),
    (
        rf"(?:can|could|will|would|does|do) {_YOU} (?:that |which |who )?(?:enters|starts|begins|originates|is sent|is "
        rf"injected|leaves|departs) (?:at|in|from) {_A},? (?:ever |eventually |still )?(?:end up |eventually )?"
        rf"(?:reach|reaching|get to|arrive at|arriving at|make it to) {_B}",
        False,
    ),
    (
        rf"(?:starting|beginning|if you start|if i start|leaving|departing) (?:at|in|from) {_A}(?: and [^,]+)?,? "
        rf"(?:can|could|will|would|do|does|is it possible (?:for {_YOU} )?to)(?: {_YOU})? (?:ever |eventually |still |"
        rf"then )*(?:get back to|get to|reach|arrive at|end up (?:at|in)|return to|make it to|come back to|"
        rf"go back to) {_B}",
        False,
    ),
    (
        rf"(?:if|when|once) (?:[\w-]+ ){{0,3}}(?:is|are|gets?|was|were) (?:added|injected|inserted|placed|dropped|"
        rf"released|put|poured|started|sent|introduced) (?:at|in|into) {_A}, (?:can|could|will|does|would) "
        rf"(?:it|they) (?:ever |eventually )?(?:reach|get to|arrive at|flow to|end up (?:at|in)|make it to) {_B}",
        False,
    ),
    (
        rf"following (?:the )?[^,]*? (?:links|edges|arrows|roads|routes|connections|pointers) (?:upward |downward |"
        rf"forward |onward |up |down )?from {_A}, (?:do|can|will|would|does) (?:you|we|i|one) (?:eventually |ever )?"
        rf"(?:reach|get to|arrive at|come to) {_B}",
        False,
    ),
    (
        rf"{_FIND} (?:me |us )?{_A_PATH}s? (?:from|between|that (?:goes|leads) from|leading from) {_A} (?:to|and) {_B}",
        True,
    ),
    (rf"(?:what|which) (?:is|are) {_A_PATH}s? (?:from|between) {_A} (?:to|and) {_B}", True),
    (rf"how (?:can|do|could|would|should|might) {_YOU} {_MOVE} from {_A} to {_B}", True),
    (rf"how (?:do|does|can|could) {_A} (?:reach|get to) {_B}", True),
]
_DECLARATIVE = [
    rf"{_A} (?:is|are) {_NOT}(?:(?:directly|still|somehow|indirectly)\s+)?{_CONN} (?:to|with) {_B}",
    rf"{_A} and {_B} are {_NOT}(?:connected|linked|joined|in the same component)",
    rf"{_A} (?:can|could) {_NOT}(?:reach|get to|access) {_B}",
    rf"{_A} (?P<neg>does not |do not )?(?:leads?|connects?|links?|goes|go) to {_B}",
    rf"{_B} (?:is|can be) {_NOT}(?:reachable|reached|accessible) from {_A}",
    rf"{_B} is (?P<negw>unreachable|inaccessible) from {_A}",
    rf"there (?:is|exists) {_ART}{_PATH} (?:from|between) {_A} (?:to|and) {_B}",
    rf"{_YOU} (?:can|could) {_NOT}{_MOVE} from {_A} to {_B}",
    rf"{_A} is (?P<negw>disconnected|unconnected|cut off|separated) from {_B}",
]
_QUESTION_RE = [(lazy(rf"^{p}$", re.I), path) for p, path in _QUESTIONS]
_DECLARATIVE_RE = [(lazy(rf"^{p}$", re.I), False) for p in _DECLARATIVE]
_ASK_PREFIX = re.compile(
    r"^(?:(?:please|now|so|then|and|but|finally|question)[,:]?\s+)*"
    r"(?:(?:determine|check|decide|find out|tell me|say|verify|figure out|answer|work out|state)(?: for me)?"
    r"\s+(?:whether|if)(?: or not)?|is it (?:true|the case|correct) that|i (?:want|need) to know (?:whether|if)"
    r"|(?:do|can) you (?:know|tell me|say) (?:whether|if))\s+",
    re.I,
)
_LEAD = re.compile(r"^(?:so|and|then|now|but|finally|please),?\s+", re.I)
_TRAIL = re.compile(
    r"(?:\s+(?:in|within|on|of|using|for) (?:the|this|that|our|a|an|graph) (?:(?:following|given|above|below|same|"
    r"whole)\s+)?(?:[\w-]+\s+){0,2}(?:graph|network|map|digraph|tree|diagram)(?: G| below| above)?"
    r"|\s+in G|\s*,?\s+(?:or not|yes or no)|\s*\((?:yes|no|true|false)[^()]*\)|\s+(?:below|above)"
    r"|\s+by (?:any|a|some) (?:path|route|chain|sequence)(?: of [\w-]+)?"
    r"|,?\s+(?:either\s+)?(?:directly or )?(?:indirectly|transitively)|,?\s+as an? (?:\([^()]*\) )?(?:[\w-]+ )?"
    r"(?:dependency|requirement))$",
    re.I,
)
# words of a question that may ask about one edge rather than a route
_EDGE_WORDS = lazy(
    r"\b(?:roads?|streets?|edges?|arcs?|links?|linked|bridges?|tunnels?|flights?|highways?|railways?|arrows?|"
    r"channels?|hyperlinks?|friends?|friendship|neighbou?rs?|adjacent|directly|direct|know|follow|trust|border|"
    r"depend|require|import|need|rely|report|answer|call|invoke|use|feed|supply|manage|supervise|pre-?requisite|"
    r"prereq|requirement|dependency)\b",
    re.I,
)
_BY_MEANS = lazy(r"\b(?:by|via|using|over|along|following|through) (?:the |these |those |any |its |their )?"
                       r"(?:roads?|rail|metro|train|bus|air|flights?|links?|cables?|bridges?|streets?|edges?|arrows?|"
                       r"routes?|portals?|pipes?)\b", re.I)  # fmt: skip
# words that ask about any chain of edges, not one edge ("directly or transitively", "eventually")
_TRANSITIVE = lazy(
    r"\b(?:directly or (?:indirectly|transitively)|indirect(?:ly)?|transitive(?:ly)?|eventually|ever|any chain|"
    r"somewhere|at all|chain of|through any|possibly indirect)\b",
    re.I,
)
QUESTION_START = re.compile(
    r"\b(?:is|are|can|could|does|do|did|will|would|may|determine|check|decide|find|tell|verify|figure|question|"
    r"please|now|so|then|answer|work|state|i want|i need|what|which|how|give|show|starting|beginning|following|"
    r"if|when|once)\b",
    re.I,
)
_REQUEST_START = lazy(
    r"\b(?:determine|check|decide|find out|tell me|verify|figure out|work out|is it true that|find|give|show)\b",
    re.I,
)


@dataclass
class Question:
    """A reachability question as written. `source`/`target` are names, or roles ("@first", "@second") that a
    notation names later; `wants_path`: it asks for a path; `edge_like`: it may ask about one edge."""

    source: str
    target: str
    negated: bool
    text: str
    wants_path: bool = False
    edge_like: bool = False
    context: list[str] = field(
        default_factory=list
    )  # modifiers read around the names ("following the arrows")


# what may follow the target of a question: "along these routes", "using only portals", ", directly or
# transitively", "following the arrows", "without breaking any one-way rule"
_MODIFIER = lazy(
    r"^(?:,\s*)?(?:along|using|via|by|through|over|following|on|within|across|obeying|respecting|with|under|only|"
    r"at all|ever|somehow|again|and back|as|in (?:this|the|that|these|our|a) |(?:either )?directly or (?:indirectly|"
    r"transitively)|without (?:breaking|violating|disobeying|ignoring) (?:any|the|a)\b)",
    re.I,
)


def _end(raw: str, known: Container[str] | None, context: list[str]) -> str | None:
    """A question's end: a role, a name, or with `known` node keys a grammar word that is a node's name, or a
    node's name followed by a modifier ("Silver Bay along these routes"; the modifier goes to `context`)."""
    role = lex.ROLE.match(raw.strip())
    if role:
        word = role.group("role").lower()
        return "@first" if word in lex.ROLE_FIRST else "@second" if word in lex.ROLE_SECOND else None
    found = name(raw)
    if known is None or (found is not None and key(found) in known):
        return found
    loose = name(raw, loose=True)
    if loose is not None and key(loose) in known:
        return loose
    words = raw.split()
    for i in range(len(words) - 1, 0, -1):
        head, tail = " ".join(words[:i]), " ".join(words[i:])
        n = name(head, loose=True)
        if n is None or key(n) not in known or not _MODIFIER.match(tail):
            continue
        others = any(key(w.strip(",.'\"")) in known for w in tail.split())
        denies = lex.NEGATION.search(tail) and not re.match(
            r",?\s*without (?:breaking|violating|disobeying)", tail
        )
        if not others and not denies:
            context.append(tail)
            return n
    return found


_RESTATED = lazy(
    r"\s*\((?:i\.?\s?e\.?|e\.?\s?g\.?|that is|in other words|namely|meaning)\b[^()]*\)"
    r"|,\s*(?:i\.\s?e\.?|that is|in other words|meaning)\s.*$",
    re.I,
)


def _normalise(text: str) -> tuple[str, bool]:
    """The question without its '?', 'Q:' label, tails and a leading "Isn't" (returned as a flip)."""
    s = " ".join(text.split()).rstrip("?.! ").strip()
    if "(" in s or "," in s:
        s = _RESTATED.sub("", s).rstrip("?.! ").strip()
    if s[:1] in "Qq":
        s = re.sub(r"^(?:q|question|query)\s*[:.)-]\s*", "", s, flags=re.I)
    s = expand_contractions(s)
    while True:
        t = _TRAIL.sub("", s)
        if t == s:
            break
        s = t
    lead = re.match(r"^((?i:is|are|can|could|does|do|did|will)) not (?=\S)", s)
    if lead:  # "Isn't A connected to F?" -> "Is A connected to F?", negated
        return lead.group(1) + " " + s[lead.end() :], True
    return s, False


def match_question(text: str, known: Container[str] | None = None) -> Question | None:
    """The question in `text` (the whole of it), or None if it is not a reachability question.

    `known`: node keys of the graph; a grammar word ("is", "do") then counts as a name if a node has it."""
    s, flip = _normalise(text)
    prefix = _ASK_PREFIX.match(s)
    candidates = _DECLARATIVE_RE if prefix else _QUESTION_RE
    body = s[prefix.end() :] if prefix else _LEAD.sub("", s)
    for rx, wants_path in candidates:
        m = rx.match(body)
        if not m:
            continue
        context: list[str] = []
        a, b = _end(m.group("a"), known, context), _end(m.group("b"), known, context)
        if a is None or b is None:
            continue
        groups = m.groupdict()
        negated = bool(groups.get("neg") or groups.get("negw"))
        negated ^= (groups.get("poss") or "").lower() == "impossible"
        art = (groups.get("art") or "").strip().lower()
        negated ^= art.startswith("no") or art.startswith("not")
        negated ^= flip
        words = body[: m.start("a")] + " " + body[m.end("a") : m.start("b")] + " " + body[m.end("b") :]
        words = _BY_MEANS.sub(" ", words)  # "reachable by road": how one travels, not one road
        transitive = _TRANSITIVE.search(text) is not None
        edge_like = bool(_EDGE_WORDS.search(words)) and not transitive
        return Question(a, b, negated, text.strip(), wants_path, edge_like, context)
    return None


def find_question(sentence: str, known: Container[str] | None = None) -> tuple[str, Question] | None:
    """(graph text before the question, question) if the sentence holds a question, else None.

    A sentence ending in '?' may start with edges ("A-B, B-C, so is A connected to C?"); one without '?'
    counts only if the whole of it is a question or a request ("Determine whether A is connected to C.")."""
    q = match_question(sentence, known)
    if q is not None:
        return "", q
    starts = QUESTION_START if sentence.rstrip().endswith("?") else _REQUEST_START
    for m in starts.finditer(sentence):
        if m.start() == 0:
            continue
        q = match_question(sentence[m.start() :], known)
        if q is not None:
            head = re.sub(
                r"[\s,:;-]*(?:\b(?:so|and|then|now|but))?[\s,:;-]*$", "", sentence[: m.start()], flags=re.I
            )
            return head, q
    return None
