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
    r"(?:path|route|way|connection|walk|chain of [\w-]+|sequence of [\w-]+|(?:[\w-]+ )?(?:path|chain|route)|road|"
    r"series of (?:edges|links|roads)|link|trail|chain|edge|flight|bridge|street|(?:network )?connectivity)"
)
_ART = (
    r"(?P<art>(?:a|an|any|some|one|a direct|no|not a|not any)\s+)?(?:(?:directed|undirected|valid|possible|single|"
    r"continuous|complete)\s+)?"
)
_CONN = r"(?:connected|linked|joined|attached|adjacent)"
_SEARCH = (
    r"(?:bfs|dfs|breadth[- ]first(?: search)?|depth[- ]first(?: search)?|(?:graph )?search|traversal|flood fill)"
    r"(?: traversal| search)?"
)
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
        rf"(?:is|are) there {_ART}{_PATH}s? (?:at all )?(?:from|between|linking|connecting|joining|leading from|"
        rf"going from|running from) {_A} (?:to|and|with) {_B}",
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
        rf"(?:starting|beginning|if you start|if i start|leaving|departing) (?:at|in|from|with) {_A}(?: and [^,]+)?,? "
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
    # graph searches: "Using BFS from 4, is 9 visited?"
    (
        rf"(?:using|with|if (?:we|you|i) (?:run|do|perform|start)|running|doing|performing|after(?: running)?) "
        rf"(?:an? |the )?{_SEARCH} (?:starting |beginning )?(?:from|at) {_A},? (?:is|will|would|does|do) {_B} "
        rf"{_NOT}(?:ever |eventually |still )?(?:get |be )?(?:visited|reached|discovered|found|explored|seen|marked)",
        False,
    ),
    (
        rf"(?:starting|beginning|if (?:we|you|i) start) (?:an? |the )?{_SEARCH} (?:from|at) {_A},? (?:does|will|would) "
        rf"(?:it|the search|the traversal|bfs|dfs) {_NOT}(?:ever |eventually )?(?:visit|reach|discover|find|explore) {_B}",
        False,
    ),
    (
        rf"(?:does|do|will|would|can|could) (?:an? |the )?{_SEARCH} (?:starting |beginning )?(?:from|at) {_A} "
        rf"{_NOT}(?:ever |eventually )?(?:visit|reach|discover|find|explore) {_B}",
        False,
    ),
    # "Would changing A affect B?": B depends on A
    (
        rf"(?:does|do|will|would|can|could) (?:changing|editing|updating|modifying|altering|touching) {_B} {_NOT}"
        rf"(?:ever |eventually |ultimately )?(?:affect|change|update|alter|influence|trigger a rebuild of|"
        rf"invalidate) (?:the value (?:in|of) )?{_A}",
        False,
    ),
    # dependencies: "is A (transitively) dependent on B", "does building A require B",
    # "will terraform have to create B before A" (A depends on B)
    (
        rf"(?:is|are) {_A} {_NOT}(?:(?:directly|indirectly|transitively|ultimately|eventually) )*dependent on {_B}",
        False,
    ),
    (
        rf"(?:does|do|will|would) (?:building|making|compiling|deploying|installing|creating|running|evaluating|"
        rf"computing) {_A} {_NOT}(?:(?:directly|indirectly|transitively|ultimately|eventually) )*(?:require|need|"
        rf"depend on|pull in|trigger|involve) (?:(?:building|making|compiling|a build of|a rebuild of) )?{_B}",
        False,
    ),
    (
        rf"(?:will|would|does|do|must|can) (?:[\w-]+ ){{1,2}}(?:have to|need to|must|be required to) (?:create|build|"
        rf"make|compile|deploy|provision|install|apply|run|evaluate|compute) {_B} (?:before|ahead of|prior to) "
        rf"(?:creating |building |making |deploying |provisioning |installing |computing )?{_A}",
        False,
    ),
    (
        rf"if {_YOU} (?:run |type |execute |invoke |call )?(?:make|build|compile|deploy|install|create|provision|"
        rf"apply|run|make target|build target) {_A},? (?:will|would|does|do|is|are) {_B} {_NOT}(?:also |then )?"
        rf"(?:get |be |being )?(?:built|rebuilt|made|compiled|deployed|installed|created|provisioned|run|pulled in|"
        rf"included|brought in|required|needed|triggered)(?: along the way| too| as well| first| also| in the process)?",
        False,
    ),
    # walks written as a clause first: "Walking parent pointers starting at A, do we ever hit B?"
    (
        rf"(?:walking|following|traversing|crawling|moving|going|hopping|stepping|navigating|clicking|starting|"
        rf"beginning)(?: [\w-]+){{0,3}}? (?:from|at|in|on) {_A}(?: and (?P<how>[^,]+))?, (?:do|does|can|could|will|"
        rf"would) {_YOU} {_NOT}(?:ever |eventually |still |then )*(?:hit|reach|get to|arrive at|end up (?:at|on|in)|"
        rf"discover|find|visit|encounter|come to|come across|land on|see) {_B}",
        False,
    ),
    (
        rf"from {_A},? (?:(?:by|through|via|after|when|following) [^,]+,\s*)?(?:is|are) {_B} {_NOT}(?:still |ever |"
        rf"eventually |also )?(?:reachable|accessible|reached)",
        False,
    ),
    (
        rf"(?:is|are) {_A} {_NOT}(?:ever |still |eventually )?able to (?:reach|get to|access|arrive at|hit|visit) {_B}",
        False,
    ),
    (
        rf"(?:can|could|will|would) {_YOU} (?:starting|beginning|who starts|that starts) (?:at|from|in) {_A},? "
        rf"{_NOT}(?:ever |eventually |still )?(?:reach|get to|arrive at|make it to|end up (?:at|in|on)) {_B}",
        False,
    ),
    # messages: "Do the rules route mail addressed to A to B?", "If someone emails A, can the message end up at B?"
    (
        rf"(?:do|does|will|would) (?:the |these |those |our )?(?:[\w-]+ )?(?:rules?|config(?:uration)?|setup|"
        rf"system|server|network|aliases|routing) {_NOT}(?:route|forward|send|deliver|redirect|relay|pass) "
        rf"(?:mail|messages?|e-?mails?|traffic|packets?|requests?|calls?)? ?(?:addressed to|sent to|for|"
        rf"arriving at|destined for|that arrives at) {_A} (?:on |onward |onwards )?to {_B}",
        False,
    ),
    (
        rf"if {_YOU} (?:e-?mails?|mails?|messages?|writes to|pings|calls|texts|sends (?:mail|a message|an e-?mail|"
        rf"something) to) {_A},? (?:can|could|will|would|does|do) (?:it|they|the (?:message|mail|e-?mail|call|"
        rf"request)) {_NOT}(?:ever |eventually |still )*(?:end up (?:at|in|on|with)|reach|get to|arrive at|"
        rf"be (?:delivered|forwarded|routed|passed) to|land (?:at|in)) {_B}",
        False,
    ),
    (
        rf"if {_A} (?:starts|begins|kicks off|initiates|launches) (?:the |a |an )?[\w -]{{0,30}}?,? (?:will|would|"
        rf"does|can|could) {_B} {_NOT}(?:ever |eventually |still |also )*(?:hear|get|receive|learn|be (?:called|"
        rf"contacted|reached|notified|told|phoned|informed))(?: (?:the|about the) (?:news|message|word|call|alert))?"
        rf"(?: (?:of|about) it)?",
        False,
    ),
    (
        rf"(?:will|would|does|can|could) {_B} {_NOT}(?:ever |eventually |still |also )*(?:hear|get|receive|learn|be "
        rf"(?:called|contacted|reached|notified|told|phoned|informed))(?: (?:the|about the) (?:news|message|word|call|"
        rf"alert))?(?: (?:of|about) it)? (?:if|when|once) {_A} (?:starts|begins|kicks off|initiates|launches) "
        rf"(?:the |a |an )?[\w -]{{0,30}}?",
        False,
    ),
    (
        rf"(?:is|are|will|would) (?:mail|a message|messages|an? e-?mail|e-?mails|a letter) (?:sent|addressed|delivered)"
        rf" to {_A} {_NOT}(?:ever |eventually |still )?(?:be )?(?:delivered|forwarded|routed|passed|sent|redirected)"
        rf" (?:on |onward |onwards )?to {_B}",
        False,
    ),
    # a start, then a question about it: "A visitor lands on A. Only clicking links, can they end up on B?"
    (
        rf"(?:(?:the|a|an|our|this|some) )?[\w -]{{0,30}}? (?:lands|starts|begins|arrives|is|enters|opens|begin|"
        rf"start|land|arrive) (?:on|at|in|with|from) {_A}\. (?:(?P<how>[^?]{{1,120}}?),\s*)?(?:can|could|will|"
        rf"would|does|do|is it possible for) (?:it|they|he|she|you|the [\w-]+) {_NOT}(?:ever |eventually |still |"
        rf"then )*(?:end up (?:on|at|in|with)|reach|get to|arrive at|hear|make it to|land on|visit|get through to|"
        rf"be (?:heard|received|passed) by) {_B}",
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
    rf"{_A} and {_B} (?:are|lie|belong) {_NOT}(?:connected|linked|joined|in the same (?:connected )?component|"
    rf"to the same (?:connected )?component)",
    rf"{_A} and {_B} (?:are|lie|belong) (?P<negw>in different (?:connected )?components|disconnected)",
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
_BY_MEANS = lazy(r"\b(?:by|via|using|over|along|following|through|clicking|taking|walking|hiking|moving along) "
                       r"(?:the |these |those |any |its |their )?(?:[\w-]+ )?"
                       r"(?:roads?|rail|metro|train|bus|air|flights?|links?|cables?|bridges?|streets?|edges?|arrows?|"
                       r"routes?|portals?|pipes?|pointers?|hrefs?|references?)\b", re.I)  # fmt: skip
# words that ask about any chain of edges, not one edge ("directly or transitively", "eventually")
_TRANSITIVE = lazy(
    r"\b(?:directly or (?:indirectly|transitively|through)|indirect(?:ly)?|transitive(?:ly)?|eventually|ever|"
    r"any chain|somewhere|at all|chain of|through any|possibly indirect|ultimately|along the way|several hops|"
    r"any number of|sequence of|some sequence|in the process|repeatedly)\b",
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
    kind = _KIND.match(raw.strip())
    whole = name(raw, loose=True) if kind and known is not None else None
    if kind and not (
        whole is not None and known is not None and key(whole) in known
    ):  # "State Street" is a node
        inner = raw.strip()[kind.end() :]
        inner_name = name(inner, loose=True)
        quoted = inner.strip()[:1] in "'\"" and inner_name is not None
        if quoted or (known is not None and inner_name is not None and key(inner_name) in known):
            return inner_name
    found = name(raw)
    if known is None or (found is not None and key(found) in known):
        return found
    loose = name(raw, loose=True)
    if loose is not None and key(loose) in known:
        return loose
    words = raw.split()
    for i in range(len(words) - 1, 0, -1):
        head, tail = " ".join(words[:i]), " ".join(words[i:])
        kind = _KIND.match(head)
        n = name(head[kind.end() :] if kind and len(words[:i]) > 1 else head, loose=True)
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


_ONLY_EDGES = lazy(
    r"^(?:by )?(?:only|just|solely) (?:by )?(?:clicking|following|using|taking|walking|moving along|going along) "
    r"(?:the |these |those |its |their )?(?:[\w-]+ )?(?:links|hyperlinks|hrefs|edges|arrows|roads|trails|routes|"
    r"pointers|rules|connections)\b[^()]*(?:\([^()]*\))?$",
    re.I,
)
# a lead-in that turns or drops the edges' direction: refused rather than read as "following the arrows"
_AGAINST = lazy(
    r"\b(?:backwards?|revers\w*|ignor\w*|against|opposite|inverted?|either (?:way|direction)|both (?:ways|directions)|"
    r"any direction|undirected|bidirectional|two-way)\b",
    re.I,
)
_DIRECTION_WORDS = lazy(
    r"\b(?:direct\w*|revers\w*|backwards?|ignor\w*|against|either way|both ways|undirected|any direction)\b",
    re.I,
)
# a kind noun before a name: "state ARCHIVED", "the box \"db-32\"", "commit 7749242", "the value in F7"
_KIND = lazy(
    r"^(?:the |a )?(?:value (?:in|of)|contents? of|building|making|compiling|deploying|installing|creating|box|state|commit|cell|resource|target|page|account|step|stage|"
    r"job|task|module|file|service|package|node|vertex|address|mailbox|inbox|user|person|site|url|rule|stop)\s+"
    r"(?=\S)",
    re.I,
)
_RESTATED = lazy(
    r"\s*\((?:i\.?\s?e\.?|e\.?\s?g\.?|that is|in other words|namely|meaning)\b[^()]*\)"
    r"|,\s*(?:i\.\s?e\.?|that is|in other words|meaning)\s.*$",
    re.I,
)


# asides inside a question that only say "by any chain": "(transitively)", ", directly or indirectly,",
# "(possibly after several hops)", "(as a direct or indirect prerequisite)"
_ASIDE = lazy(
    r"\s*\((?:(?:either )?directly or (?:indirectly|transitively)|direct or (?:indirect|transitive)|transitively|"
    r"indirectly|possibly indirectly|"
    r"possibly (?:after|via|through) [^()]*|(?:either )?directly or through [^()]*|as an? (?:direct or indirect|"
    r"direct or transitive|transitive|possibly indirect) [\w -]+|via any number of [\w -]+|after any number of "
    r"[\w -]+|(?:in )?one or more (?:steps|hops))\)"
    r"|,\s*(?:either\s+)?directly or (?:indirectly|transitively|through [\w -]+),(?=\s)"
    r"|,\s*(?:either\s+)?directly or (?:indirectly|transitively|through (?:other|intermediate|any) [\w -]+)$",
    re.I,
)
# a lead-in that says where or how to look, kept as context: "In this mermaid flowchart,", "Following arrow
# direction,", "With this Makefile,", "Following cell references,"
_LEAD_IN = lazy(
    r"^(?P<lead>(?:(?:in|within|for|with|using|given|on|according to) (?:this|the|that|these|those|our|the above|"
    r"the given|the following) [^,]{1,50}|(?:following|obeying|respecting|along) (?:the |its |their )?[^,]{1,40})),\s+",
    re.I,
)


def _normalise(text: str) -> tuple[str, bool]:
    """The question without its '?', 'Q:' label, tails and a leading "Isn't" (returned as a flip)."""
    s = " ".join(text.split()).rstrip("?.! ").strip()
    if "`" in s:  # `jasper.o`: code quotes around a name
        s = re.sub(r"`([^`]+)`", r"\1", s)
    if "(" in s or "," in s:
        s = _RESTATED.sub("", s).rstrip("?.! ").strip()
        s = _ASIDE.sub("", s).rstrip("?.! ").strip()
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
    q = _match(text, s, flip, known, "")
    lead_in = _LEAD_IN.match(s) if q is None else None
    if (
        lead_in
        and not lex.NEGATION.search(lead_in.group("lead"))
        and not _AGAINST.search(lead_in.group("lead"))
    ):
        q = _match(text, s[lead_in.end() :], flip, known, lead_in.group("lead"))
    return q


def _match(text: str, s: str, flip: bool, known: Container[str] | None, lead: str) -> Question | None:
    """match_question on the normalised text `s`, after a lead-in (`lead`, kept as context) was taken off."""
    prefix = _ASK_PREFIX.match(s)
    candidates = _DECLARATIVE_RE if prefix else _QUESTION_RE
    body = s[prefix.end() :] if prefix else _LEAD.sub("", s)
    for rx, wants_path in candidates:
        m = rx.match(body)
        if not m:
            continue
        context: list[str] = [lead] if lead else []
        a, b = _end(m.group("a"), known, context), _end(m.group("b"), known, context)
        if a is None or b is None:
            continue
        groups = m.groupdict()
        how = groups.get("how") or ""
        if how and _ONLY_EDGES.match(how):  # "Only clicking links (no typing URLs)": the graph's edges alone
            how = re.sub(r"\([^()]*\)", "", how)
        if how and (lex.NEGATION.search(how) or _DIRECTION_WORDS.search(how)):
            continue  # "Ignoring the arrows, can they ...": how one moves changes the graph; refuse, not guess
        if how:
            context.append(how)
        negated = bool(groups.get("neg") or groups.get("negw"))
        negated ^= (groups.get("poss") or "").lower() == "impossible"
        art = (groups.get("art") or "").strip().lower()
        negated ^= art.startswith("no") or art.startswith("not")
        negated ^= flip
        words = f"{lead} {body[: m.start('a')]} {body[m.end('a') : m.start('b')]} {body[m.end('b') :]}"
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
