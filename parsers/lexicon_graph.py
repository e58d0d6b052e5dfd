"""The graph domain's lexicon: the words and notations the graph reader knows, kept apart from the reading code.

Each table is one kind of knowledge, so a new wording is one entry here, not a new rule in the reader:
- notations: arrows and dashes (`OPERATORS`, with the unicode forms in `ARROWS`);
- relations: verbs between a subject and an object (`RELATIONS`), verbs of a plural subject (`PLURAL_RELATIONS`),
  nouns of "there is a road from X to Y" (`NOUNS`, one-way ones in `ONE_WAY_NOUNS`);
- direction cues (`DIRECTED_WORDS`, `UNDIRECTED_WORDS`) and negation cues (`NEGATION`);
- framing: sentences that say how to answer or who is asked (`FRAMING`), labels of answer slots and worked
  examples (`ANSWER_LABELS`, `EXAMPLE_LABELS`), chat-template tags (`CHAT_TAGS`);
- names: words that are grammar in a sentence (`NAME_STOP`), words before a name (`NAME_PREFIX`, `KEY_PREFIX`),
  and role words that stand for nodes named elsewhere ("the start node", `ROLE`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any


class Lazy:
    """A regular expression compiled on first use: importing the reader stays cheap, and a text that never needs a
    pattern (most need few of the clause and question forms) never pays for compiling it."""

    __slots__ = ("_args", "_rx")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args: tuple[str, int] = (pattern, flags)
        self._rx: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._rx is None:
            self._rx = re.compile(*self._args)
        return self._rx

    def match(self, *args: Any, **kw: Any) -> re.Match[str] | None:
        return (self._rx or self.compiled()).match(*args, **kw)

    def search(self, *args: Any, **kw: Any) -> re.Match[str] | None:
        return (self._rx or self.compiled()).search(*args, **kw)

    def sub(self, *args: Any, **kw: Any) -> str:
        return (self._rx or self.compiled()).sub(*args, **kw)

    def split(self, *args: Any, **kw: Any) -> list[Any]:
        return (self._rx or self.compiled()).split(*args, **kw)

    def finditer(self, *args: Any, **kw: Any) -> Iterator[re.Match[str]]:
        return (self._rx or self.compiled()).finditer(*args, **kw)

    def findall(self, *args: Any, **kw: Any) -> list[Any]:
        return (self._rx or self.compiled()).findall(*args, **kw)


lazy = Lazy

# -- notations -------------------------------------------------------------------------------------------------
ARROWS = {
    "→": "->", "⟶": "->", "➔": "->", "➜": "->", "⇒": "=>", "↦": "->", "⟹": "=>", "➝": "->", "➞": "->",
    "←": "<-", "⟵": "<-", "⇐": "<-",
    "↔": "<->", "⟷": "<->", "⇔": "<->", "⟺": "<->",
    "–": "--", "—": "--", "―": "--", "‒": "--", "−": "-",
    "“": '"', "”": '"', "‘": "'", "’": "'", "•": "*",
    "\u00a0": " ", "\t": " ", "\r": "", "\u200b": "",
}  # fmt: skip
# operator -> kind of edge: one (a->b), rev (b->a), two (undirected unless the text says directed),
# sym (both ways whatever the text says), any (follows the rest of the text)
OPERATORS = {
    "<-->": "sym", "<->": "sym", "<=>": "sym", "<~>": "any", "-->": "one", "->": "one", "=>": "one",
    "~>": "one", "<--": "rev", "<-": "rev", "--": "two", "-": "two", ">": "any",
}  # fmt: skip
STRONG_OP = re.compile(r"\s*(<-->|<->|<=>|<~>|-->|->|=>|~>|<--|<-|--|(?<=\s)>(?=\s))\s*")

# -- relations -------------------------------------------------------------------------------------------------
# a verb phrase between a subject and an object, the edge it makes (two / one / rev: object -> subject), and
# for relations with a converse wording, its family: "dep+" (X depends on Y) and "dep-" (X is a prerequisite for
# Y) say the same relation in opposite orders; a question that names the family is answered in its order
RELATIONS: list[tuple[str, str, str]] = [
    (
        r"is (?:directly |also |only )?(?:connected|linked|joined|attached|adjacent|next|tied|wired|hooked up|"
        r"plugged(?: in)?|cabled)(?: directly)? (?:to|with|into)",
        "two",
        "",
    ),
    (r"(?:connects|links up|joins up|hooks up|is paired) (?:to|with)", "two", ""),
    (
        r"are (?:all |both |also )?(?:directly )?(?:connected|linked|joined|attached|adjacent) (?:to|with)",
        "two",
        "",
    ),
    (r"(?:connect|link up) (?:to|with)|(?:know|border|neighbou?r|adjoin|touch|meet)", "two", ""),
    (r"(?:link|point|lead|go|flow|connect one-way|send|route|forward|feed|escalate) (?:in)?to", "one", ""),
    (r"report to", "one", "report+"),
    (r"depend on|require|import|need", "one", "dep+"),
    (r"follow|call|invoke|reference|cite|subscribe to", "one", ""),
    (r"is (?:friends|friendly|neighbou?rs|connected by (?:a |an )?\w+) (?:with|to)", "two", ""),
    (r"is (?:a |the )?(?:friend|neighbou?r|sibling|peer|co-?author|colleague) (?:of|to|with)", "two", ""),
    (
        r"(?:neighbou?rs|borders|adjoins|touches|knows|meets|is friends with|befriends|opens (?:onto|into|to))",
        "two",
        "",
    ),
    (
        r"(?:shares|has) (?:an? |one )?(?:(?:direct|two-way|private|dedicated|single|physical) )?(?:border|road|bridge|"
        r"path|connection|street|tunnel|railway|route|link|cable|wire|line|door|passage|corridor|highway) (?:to|with)",
        "two",
        "",
    ),
    (
        r"(?:has|sends|is) (?:an? )?(?:one-way |directed )?(?:edge|arc|arrow|pointer|flight|transition|"
        r"one-way (?:link|road|street|portal|door|passage|pipe)) (?:to|into|towards)",
        "one",
        "",
    ),
    (
        r"(?:links|points|leads|goes|flows|sends|routes|forwards|moves|travels|feeds|transitions|redirects|"
        r"connects one-way|drains|delegates|writes|passes|maps|escalates|flies) (?:in)?to(?:wards)?",
        "one",
        "",
    ),
    (r"(?:feeds|supplies|drains)", "one", ""),
    # who contacts whom (phone trees, alert chains): the caller -> the called
    (
        r"(?:rings|phones|texts|emails|e-mails|messages|pings|notifies|alerts|contacts|pages|tells|informs|dms|"
        r"radios|reaches out to|passes (?:it|the (?:message|news|word)) (?:on )?to|relays (?:it|the message) to)",
        "one",
        "",
    ),
    (r"(?:is|are|started|starts|began|begins|has been|have been) following", "one", ""),
    (
        r"(?:makes|sends|issues|forwards) (?:\w+ )?(?:requests?|calls?|rpcs?|queries|messages|traffic|data) to",
        "one",
        "",
    ),
    (r"reports to|answers to", "one", "report+"),
    (r"(?:manages|supervises|is the (?:manager|boss|supervisor) of|is in charge of)", "one", "report-"),
    (r"(?:depends on|requires|imports|needs|relies on)", "one", "dep+"),
    (
        r"(?:is a (?:pre-?requisite|prereq) (?:for|of|to)|is required by|is needed by|is imported by)",
        "one",
        "dep-",
    ),
    (
        r"(?:follows|calls|invokes|references|cites|subscribes to|is a parent of|is the parent of|precedes|owns|"
        r"trusts)",
        "one",
        "",
    ),
    (
        r"(?:is followed by|is pointed to by|is linked (?:to )?from|is reached from|is called by|is cited by|"
        r"is depended on by|is trusted by)",
        "rev",
        "",
    ),
]
# whole-clause frames (named groups a, b; {noun} is a NOUNS phrase): (frame, kind, family)
FRAMES: list[tuple[str, str, str]] = [
    (r"(?:you|one|we|people|cars|traffic) can (?:drive|walk|travel|go|fly|ride|cycle|sail|move|get) (?:directly )?"
     r"between {a} and {b}", "sym", ""),
    (r"from {a},? (?:you|one|we|people) can (?:drive|walk|travel|go|fly|ride|cycle|sail|move|get|take \w+) "
     r"(?:directly )?to {b}", "any", ""),  # the way back is not said
    (r"from {a},? (?:you|one|we|people|hikers|visitors) can (?:hike|walk|drive|ride|cycle|sail|take|follow|use) "
     r"(?:the |a )?(?:[\w-]+ ){{0,2}}{noun} (?:directly )?to {b}", "any", ""),
    (r"from {a},? (?:a|an|the|one) (?:[\w-]+ )?{noun} (?:leads|goes|runs|takes you|brings you) (?:directly )?"
     r"(?:to|into) {b}", "noun-from", ""),
    (r"(?:a|an|the|one) (?:[\w-]+ )?{noun} (?:in|at|from) {a} (?:leads|goes|takes you|sends you|brings you|opens) "
     r"(?:directly )?(?:to|into|onto) {b}", "noun-from", ""),
    (r"(?:stepping into|entering|using|taking|going through|touching|passing through) .+? (?:in|at) {a} "
     r"(?:sends|takes|brings|teleports|transports|moves) (?:you|the player|players) to {b}", "one", ""),
    (r"{a} (?:has|have) (?:an? |one )?(?:(?:direct|one-way|two-way|private|dedicated|single|physical) )?{noun} "
     r"(?:to|into|towards|with) {b}", "noun-from", ""),
    (r"{a} (?:and|&) {b} (?:are|were) (?:joined|connected|linked) by (?:an? |one |the )?(?:(?:[\w-]+) ){{0,2}}{noun}",
     "noun-between", ""),
    (r"(?:an? |the |one )?(?:(?:[\w-]+) ){{0,2}}{noun}s? (?:departs?|leaves?|leave) (?:from )?{a} (?:for|to|towards) "
     r"{b}", "one", ""),
    (r"[\w-]+(?: [\w-]+)? (?:flies|fly|operates flights|runs flights) (?:from )?{a} to {b}", "one", ""),
    (r"(?:(?:a|an|the) )?(?:round-trip|two-way|return|shuttle|daily|regular|direct) (?:[\w-]+ )?(?:service|flights?|"
     r"trains?|bus(?:es)?|ferr(?:y|ies)|connections?) (?:operates?|runs?|goes|go|exists?|is available) between {a} "
     r"and {b}", "sym", ""),
    (r"[\w-]+(?: [\w-]+){{0,2}} (?:is|runs) one-way,? (?:leading|running|going|heading) from {a} to {b}", "one", ""),
    (r"traffic (?:on|along) [\w-]+(?: [\w-]+){{0,2}} (?:may|can) only (?:go|flow|move|travel|run) from {a} to {b}",
     "one", ""),
    (r"[\w-]+(?: [\w-]+){{0,2}} runs (?:in both directions|both ways|two-way) between {a} and {b}", "sym", ""),
    (r"(?:the )?[\w-]+(?: [\w-]+){{0,2}} (?:runs|goes|operates|extends|shuttles) (?:only )?between {a} and {b}",
     "sym", ""),
    (r"from {a},? (?:you|one|we|players?) (?:can )?(?:slide|climb|walk|go|move|drive|get|travel|jump|fall|drop)"
     r"(?: down| up| back| over| across| along)? to {b}", "one", ""),
    (r"(?:an? |the |one )?(?:[\w-]+ )?{noun} (?:in|at|from) {a} (?:leads|goes|takes you|brings you|runs)"
     r"(?: back)?(?: up| down)? to {b}", "noun-from", ""),
    (r"the {noun} between {a} and {b} is (?:two-way|bidirectional|open both ways)", "sym", ""),
    (r"(?:a|an|the) {noun} carries (?:[\w-]+ )?from {a} (?:to|into) {b}", "one", ""),
    (r"(?:water|traffic|data|current|power|gas|oil|electricity|information|fluid) (?:flows|runs|travels|moves|goes) "
     r"from {a} (?:to|into|towards) {b}", "one", ""),
    (r"(?:students|you|one|everyone) (?:must|need to|have to|should) (?:pass|take|complete|finish) {a} before "
     r"(?:taking|starting|enrolling in|attempting) {b}", "one", "dep-"),
    (r"{a}'s (?:manager|boss|supervisor|superior|line manager) is {b}", "one", "report+"),
]  # fmt: skip
# trailing words that say how an edge may be used: ", usable in both directions", "(and back)", "but not the other
# way", "(there is no way back through it)", "through a one-way check valve"
BOTH_WAYS = re.compile(
    r"\b(?:both directions|both ways|either way|either direction|and back|two-way|round-trip|bidirectional|"
    r"in both directions)\b",
    re.I,
)
ONE_WAY = re.compile(
    r"\b(?:one-way|one way|no way back|not the other way|only goes|only one way|only in one direction|check valve|"
    r"never backwards?|not back)\b",
    re.I,
)
EDGE_TAIL = re.compile(
    r"(?:,?\s*\((?P<paren>[^()]*)\)|,\s*(?:but\s+)?(?P<comma>(?:usable|open|passable|traversable|running|not|only|"
    r"in both|both|one way|one-way|and back|nonstop|non-stop|daily)[^,()]*))\s*$",
    re.I,
)
# words that start a modifier after an object ("Omar from school", "Junction 1 through a one-way check valve")
OBJECT_TAIL = lazy(
    r"\s+(?P<tail>(?:through|via|from|for|with|using|since|nonstop|non-stop|daily|directly|every|each|along|over)\b.*)$",
    re.I,
)
# "A, B and C are friends": every pair of the subjects
PLURAL_RELATIONS = (
    r"are (?:all |both |also )?(?:directly )?(?:connected|linked|joined|adjacent|friends|neighbou?rs|"
    r"mutual friends|siblings|peers|co-?authors|colleagues|connected by (?:a |an )?\w+|married|partners)"
    r"(?: (?:to|with) (?:each other|one another))?(?: directly)?"
    r"|(?:follow|know|see|trust) (?:each other|one another)"
    r"|(?:have|had) been (?:close |good |best |old |long-time )?friends(?: for (?:years|ages|a long time|decades)"
    r"| since \w+)?"
    r"|(?:wrote|co-?wrote|co-?authored|published|authored) (?:a |one )?(?:paper|article|book)s?(?: together)?"
    r"|are (?:friends|connected|linked) with each other"
)
# a verb that agrees with a plural subject: "A and B are connected to C"
PLURAL_VERB = (
    r"are|were|link|point|lead|go|flow|follow|depend|call|know|connect|neighbou?r|border|have|share|wrote|"
    r"co-?wrote|co-?authored|send|feed|route|import|require|trust"
)
NOUNS = (
    r"road|street|path|route|edge|arc|link|connection|bridge|tunnel|flight|train|bus|ferry|highway|railway|"
    r"rail line|line|arrow|channel|pipe|cable|wire|door|passage|corridor|trail|track|way|friendship|"
    r"direct flight|hyperlink|pointer|transition|dependency|portal|slide|ladder|stairs?|staircase|stairway|elevator|"
    r"lift|hallway|gate|teleporter|valve|conduit|duct|canal|ramp|walkway|footpath|country road|ring road|road link|"
    r"cable car|service|shuttle|connection|connector|spur|cutoff|cut-off|loop"
)
ONE_WAY_NOUNS = frozenset(
    ["edge", "arc", "arrow", "link", "hyperlink", "pointer", "flight", "direct flight", "transition", "dependency", "pipe",
     "portal", "slide", "teleporter", "valve", "conduit"]
)  # fmt: skip
# of those, nouns just as often two-way ("srv-1 has a direct link to srv-2" among cables): an edge they make one-way
# decides an answer only where reading it two-way gives the same answer
LOOSE_ONE_WAY_NOUNS = frozenset(["link", "pipe", "conduit"])
# nouns whose "is there a road between A and B?" may ask for one road rather than a route
EDGE_NOUNS = frozenset(
    ["road", "street", "edge", "arc", "link", "bridge", "tunnel", "flight", "direct flight", "highway", "railway",
     "arrow", "channel", "cable", "wire", "door", "hyperlink", "pointer", "friendship"]
)  # fmt: skip
PATH_NOUNS = frozenset(
    ["path", "route", "way", "connection", "walk", "chain", "trail", "journey", "sequence"]
)

# -- direction ---------------------------------------------------------------------------------------------------
DIRECTED_WORDS = re.compile(
    r"\b(?:directed|one-way|one way|oriented|digraph|arrows|directional|direction only|only in (?:the|their|its) "
    r"direction|in (?:the|their|its) direction|(?:from|source) -> (?:to|target) direction|one direction|only forwards?|"
    r"(?:following|along|obeying|respecting) (?:the )?(?:edge |arrow |link )?directions?)\b",
    re.I,
)
UNDIRECTED_WORDS = re.compile(
    r"\b(?:undirected|un-directed|non-directed|two-way|two way|bidirectional|bi-directional|symmetric|both ways|"
    r"both directions|either direction|not directed|no direction)\b",
    re.I,
)

# -- negation ------------------------------------------------------------------------------------------------
# lower-case words only: an all-capitals NO or NOT in a mixed-case text is a node name
NEGATION = re.compile(
    r"\b(?:[Nn]ot|[Nn]o|[Nn]ever|[Nn]one|[Nn]either|[Nn]or|[Cc]annot|[Nn]othing|[Nn]obody|[Ww]ithout)\b"
    r"|n't\b|\b(?:[Uu]nreachable|[Dd]isconnected|[Uu]nconnected|[Ii]naccessible|[Ii]solated|[Ff]alse|[Dd]ifferent|"
    r"[Ss]eparated|[Cc]ut off|[Ii]mpossible)\b"
)
CONTRACTIONS = [
    (re.compile(r"\b(is|are|was|were|does|do|did|has|have|could|would|should)n't\b", re.I), r"\1 not"),
    (re.compile(r"\bcan't\b|\bcannot\b", re.I), "can not"),
    (re.compile(r"\bwon't\b", re.I), "will not"),
    (re.compile(r"\bthere's\b", re.I), "there is"),
    (re.compile(r"\bit's\b", re.I), "it is"),
]

# -- framing -------------------------------------------------------------------------------------------------
# sentences that tell the reader how to answer, who it is, or to think: skipped (and reported) wherever they are
FRAMING = lazy(
    r"^(?:"
    r"(?:you are|you're|act as|acting as|pretend (?:that )?you are|imagine (?:that )?you are|as) (?:an? |the )?"
    r"(?:[\w-]+ ){0,4}(?:assistant|analyst|expert|solver|reasoner|model|agent|bot|tutor|mathematician|"
    r"scientist|engineer|planner|teacher|helper|ai)\b[^.?!]*"
    r"|(?:please\s+)?(?:answer|respond|reply|output|return|write|say|print|give|provide|format|end|finish|start|"
    r"begin|put|use|separate|include)\b[^?]*\b(?:yes|no|true|false|only|format|words?|sentences?|briefly|"
    r"concise(?:ly)?|space|comma|json|labels?|sequence|letter|number|lowercase|uppercase|capital|quotes?|"
    r"explanation|reasoning|tags?|line|final answer|boxed)\b[^?]*"
    r"|(?:please\s+)?(?:answer|respond|reply)(?: (?:the|this|my|following|below) (?:question|query))?"
    r"|(?:let's|let us|please|now)?\s*(?:think|reason|work|go) (?:it )?(?:through )?(?:step[- ]by[- ]step|"
    r"carefully|this through)[^?]*"
    r"|(?:explain|justify|show|describe) (?:your|the|all)? ?(?:answer|reasoning|work|steps|thinking)[^?]*"
    r"|(?:solve|answer|do|complete|consider|read|use|look at|here is|here are|below is|see) (?:the )?"
    r"(?:following|this|next|below|given) (?:task|problem|question|exercise|puzzle|query|instructions?)s?"
    r"(?: below)?"
    r"|(?:here is|here's|this is) (?:the |a |my )?(?:task|problem|question|puzzle|exercise|query)"
    r"|(?:thanks?(?: you)?|thank you|hi|hello|hey|good luck|please help(?: me)?|help me(?: out)?|ok(?:ay)?)"
    r"(?: (?:so much|very much|in advance|there))?"
    r"|(?:be|stay) (?:brief|concise|careful|precise|accurate)"
    r"|do not (?:explain|show|include|add|give|write|output|repeat|use)\b[^?]*"
    r"|(?:no|without) (?:explanations?|reasoning|extra text|other text)\b[^?]*"
    r")[.!:]*$",
    re.I,
)
ANSWER_LABELS = frozenset(["a", "answer", "output", "assistant", "response", "your answer", "solution"])
EXAMPLE_LABELS = lazy(
    r"^(?:for )?(?:examples?|e\.g\.?|demo|sample|example (?:input|task|problem)s?)\s*\d*$", re.I
)
# labels whose content is the question, or a speaker's turn whose content is read as usual
QUESTION_LABELS = frozenset(["q", "question", "query", "task", "problem", "ask"])
SPEAKER_LABELS = frozenset(
    ["user", "human", "system", "input", "prompt", "context", "instruction", "instructions"]
)
CHAT_TAGS = lazy(
    r"<\|[A-Za-z_]+\|>(?:\s*(?:system|user|assistant)\b)?|\[/?INST\]|<</?SYS>>|</?s>|<start_of_turn>(?:user|model)?"
    r"|<end_of_turn>"
)

# -- names ---------------------------------------------------------------------------------------------------
# words that are grammar in a sentence: a name made of them needs the structure (a notation) to say it is one
NAME_STOP = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "to",
        "from",
        "between",
        "connected",
        "linked",
        "there",
        "path",
        "paths",
        "can",
        "could",
        "does",
        "do",
        "reach",
        "reachable",
        "if",
        "whether",
        "not",
        "no",
        "and",
        "or",
    ]
)
NAME_PREFIX = re.compile(r"^(?:nodes?|vertex|vertices)\s+(?=\S)", re.I)
KEY_PREFIX = re.compile(r"^(?:the|node|vertex|city|town|station|person|user|page|server|room|place)\s+", re.I)
# a role in the question ("the start node") that a later notation fills with a real name
ROLE = lazy(
    r"^(?:the |a |an |one |some )?(?P<role>start(?:ing)?|source|origin|begin(?:ning)?|initial|goal|target|end(?:ing)?"
    r"|destination|final|given|two|first|second|other)(?: (?:node|vertex|point|city|place|label))?s?$",
    re.I,
)
ROLE_FIRST = frozenset(["start", "starting", "source", "origin", "begin", "beginning", "initial", "first"])
ROLE_SECOND = frozenset(["goal", "target", "end", "ending", "destination", "final", "second"])

# -- scaffolding around the edges: "Consider the following directed graph", "The edges are:" ------------------
GRAPH_WORD = (
    r"(?:graph|network|digraph|map|diagram|edge list|edges|connections|links|roads|relationships|arcs|streets|"
    r"friendships|flights|routes|tree|bridges|doors|cables|pipes|passages|portals|corridors|wires|lines|trains|"
    r"tunnels|paths|connections)"
)
DIR_ADJ = (
    r"(?:directed|undirected|one-way|two-way|bidirectional|simple|small|following|social|road|computer|weighted|"
    r"unweighted|co-?authorship|friendship|social network|path-star|star|random|given)"
)
META = [
    lazy(
        rf"^(?:(?:consider|given|here is|here are|we have|take|look at|this is|below is|the following is|"
        rf"suppose we have|imagine|study|see|use)\s+)?(?:the |a |an |this |that |our )?(?:following |below |given )?"
        rf"(?:{DIR_ADJ}\s+)*{GRAPH_WORD}(?:\s+(?:below|above|here|G|of \w+(?: \w+)?|with \d+ (?:nodes|vertices)"
        rf"(?: and \d+ edges)?))?$",
        re.I,
    ),
    lazy(
        rf"^(?:the |this |our |that )?(?:graph|network|map|digraph|G)\s+(?:is|here is)\s+(?:an?\s+)?(?:{DIR_ADJ}\s*)+"
        rf"(?:graph|network)?$",
        re.I,
    ),
    lazy(
        r"^(?:all |the |its |every |each )?(?:edges?|roads?|links?|connections?|streets?|arcs?|paths?|bridges?|"
        r"friendships?|relationships?|flights?|routes?)(?:\s+(?:here|in this graph|in the graph|in G|below|above))?"
        r"\s+(?:are|is|go|goes|run|runs)\s+(?:all\s+)?(?:(?:one-way|one way|two-way|two way|directed|undirected|"
        r"bidirectional|both ways|symmetric|not directed)(?:\s+only)?)$",
        re.I,
    ),
    lazy(
        r"^(?:the |this )?(?:graph|network|G) has \d+ (?:nodes|vertices)(?: and \d+ (?:edges|links))?$", re.I
    ),
    lazy(
        r"^(?:in )?(?:this|the|our) (?:[\w-]+ ){0,2}(?:graph|network)$|^(?:we|you) have the following (?:[\w-]+ )?"
        r"(?:edges|links|connections)(?: in \w+)?$",
        re.I,
    ),
]
INTRO = lazy(
    r"^(?:"
    r"(?:in|on|within|across|throughout) [^,:]{1,60}[,:]\s+"
    r"|(?:the graph |the network |g )?is (?:an? )?(?:directed|undirected|one-way|two-way)?\s*(?:graph )?with "
    r"(?:the )?(?:following )?(?:edges|links|arcs)\s*:?\s*"
    r"|(?:in|on) (?:this|the|our|a|an) (?:\w+ )?(?:graph|network|map|city|town|country|kingdom|system|world|"
    r"village|office|company|school|club)[,:]?\s+"
    r"|(?:also|and|then|moreover|furthermore|finally|additionally|plus|next|besides|but|however|meanwhile|"
    r"similarly|likewise|lastly|first|firstly|second|secondly|third|thirdly|in addition|on top of that|too),?\s+"
    r"|(?:the |this |our |a |an )?(?:\w+ )?(?:graph|network|map|G) (?:has|contains|consists of|with)(?: the)?"
    r"(?: following)?(?: (?:directed|undirected|one-way|two-way))? (?:edges|links|connections|arcs|roads)\s*:?\s*"
    r"|(?:the )?(?:(?:directed|undirected) )?(?:edges|links|connections|arcs|roads|friendships)(?: in \w+)? "
    r"(?:are|is|include)\s*:?\s*"
    r"|(?:consider|given|take|suppose|imagine|let \w+ be) (?:the |a |an )?(?:(?:directed|undirected|following) )*"
    r"(?:graph|network|map) (?:with|where|in which|that has|having)(?: (?:the )?(?:edges|links|connections|arcs|"
    r"roads))?\s*:?\s*"
    r"|(?:we know that|it is known that|note that|suppose that|assume that|given that)\s+"
    r")",
    re.I,
)
LABEL_WORDS = lazy(
    rf"^(?:the )?(?:(?:{DIR_ADJ})\s+)*(?:graph|edges|edge list|links|connections|roads|arcs|network|input|data|"
    rf"facts|relations?|friendships|adjacency(?: list)?|flights|routes|pairs)(?:\s*\((?:{DIR_ADJ})\))?$",
    re.I,
)
# a sentence's lead-in label, not a node with neighbours: "Important: no edge exists between A and B."
NOTE_LABEL = lazy(
    r"^(?:important|note|nb|n\.b\.|warning|caution|fyi|update|edit|reminder|ps|p\.s\.|also|careful|heads up|"
    r"correction|clarification|context|remember|addendum|erratum)(?: (?:from|by) [\w .'-]{1,30})?$",
    re.I,
)
# a label that names a document, not a node: "Park ranger's trail notes:", "Follow data from the network:" (two
# words at least: "data: api, cache" is the adjacency line of a node named data)
DOC_LABEL = lazy(
    r"^(?:[\w'-]+ ){1,5}(?:notes|data|details|info|information|facts|rules|summary|description|log|overview|"
    r"records|setup|layout|contents|listing|table|map|sketch|excerpt|dump|export|config(?:uration)?)"
    r"(?: (?:from|for|of|about) (?:the |our |a |this )?(?:[\w'-]+ ){0,4}[\w'-]+)?(?:\s*\([^()]*\))?$",
    re.I,
)
NODE_LABEL = lazy(r"^(?:the )?(?:nodes|vertices|node list|isolated nodes|node set|vertex set)$", re.I)
