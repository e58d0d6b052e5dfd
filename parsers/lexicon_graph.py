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
    "~>": "one", "<--": "rev", "<-": "rev", "--": "two", "-": "two",
}  # fmt: skip
STRONG_OP = re.compile(r"\s*(<-->|<->|<=>|<~>|-->|->|=>|~>|<--|<-|--)\s*")

# -- relations -------------------------------------------------------------------------------------------------
# a verb phrase between a subject and an object, and the edge it makes: two / one / rev (object -> subject)
RELATIONS: list[tuple[str, str]] = [
    (
        r"is (?:directly |also |only )?(?:connected|linked|joined|attached|adjacent|next|tied|wired|hooked up)"
        r"(?: directly)? (?:to|with)",
        "two",
    ),
    (r"(?:connects|links up|joins up|hooks up|is paired) (?:to|with)", "two"),
    (
        r"are (?:all |both |also )?(?:directly )?(?:connected|linked|joined|attached|adjacent) (?:to|with)",
        "two",
    ),
    (r"(?:connect|link up) (?:to|with)|(?:know|border|neighbou?r|adjoin|touch|meet)", "two"),
    (r"(?:link|point|lead|go|flow|connect one-way|send|route|forward|feed|report|escalate) (?:in)?to", "one"),
    (r"follow|depend on|call|import|require|invoke|reference|cite|subscribe to", "one"),
    (r"is (?:friends|friendly|neighbou?rs|connected by (?:a |an )?\w+) (?:with|to)", "two"),
    (r"is (?:a |the )?(?:friend|neighbou?r|sibling|peer|co-?author|colleague) (?:of|to|with)", "two"),
    (r"(?:neighbou?rs|borders|adjoins|touches|knows|meets|is friends with|befriends)", "two"),
    (
        r"(?:shares|has) (?:an? )?(?:border|road|bridge|path|connection|street|tunnel|railway|route|link|edge) "
        r"(?:to|with)",
        "two",
    ),
    (
        r"(?:has|sends|is) (?:an? )?(?:one-way |directed )?(?:edge|arc|link|arrow|pointer|flight|transition) "
        r"(?:to|into|towards)",
        "one",
    ),
    (
        r"(?:links|points|leads|goes|flows|sends|routes|forwards|moves|travels|feeds|transitions|redirects|"
        r"connects one-way|drains|reports|delegates|writes|passes|maps|escalates|flies) (?:in)?to(?:wards)?",
        "one",
    ),
    (
        r"(?:follows|depends on|calls|imports|requires|invokes|references|cites|subscribes to|is a parent of|"
        r"is the parent of|precedes|owns|manages|supervises|trusts|reports to)",
        "one",
    ),
    (
        r"(?:is followed by|is pointed to by|is linked (?:to )?from|is reached from|is called by|is imported by|"
        r"is cited by|is required by|is depended on by|is trusted by)",
        "rev",
    ),
]
# "A, B and C are friends": every pair of the subjects
PLURAL_RELATIONS = (
    r"are (?:all |both |also )?(?:directly )?(?:connected|linked|joined|adjacent|friends|neighbou?rs|"
    r"mutual friends|siblings|peers|co-?authors|colleagues|connected by (?:a |an )?\w+|married|partners)"
    r"(?: (?:to|with) (?:each other|one another))?"
    r"|(?:follow|know|see|trust) (?:each other|one another)"
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
    r"direct flight|hyperlink|pointer|transition|dependency"
)
ONE_WAY_NOUNS = frozenset(
    [
        "edge",
        "arc",
        "arrow",
        "link",
        "hyperlink",
        "pointer",
        "flight",
        "direct flight",
        "transition",
        "dependency",
        "pipe",
    ]
)
# nouns whose "is there a road between A and B?" may ask for one road rather than a route
EDGE_NOUNS = frozenset(
    ["road", "street", "edge", "arc", "link", "bridge", "tunnel", "flight", "direct flight", "highway", "railway",
     "arrow", "channel", "cable", "wire", "door", "hyperlink", "pointer", "friendship"]
)  # fmt: skip
PATH_NOUNS = frozenset(
    ["path", "route", "way", "connection", "walk", "chain", "trail", "journey", "sequence"]
)

# -- direction ---------------------------------------------------------------------------------------------------
DIRECTED_WORDS = re.compile(r"\b(?:directed|one-way|one way|oriented|digraph|arrows|directional)\b", re.I)
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
FRAMING = re.compile(
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
ANSWER_LABELS = frozenset(["a", "answer", "output", "assistant", "response", "your answer", "solution", "ai"])
EXAMPLE_LABELS = re.compile(
    r"^(?:for )?(?:examples?|e\.g\.?|demo|sample|example (?:input|task|problem)s?)\s*\d*$", re.I
)
# labels whose content is the question, or a speaker's turn whose content is read as usual
QUESTION_LABELS = frozenset(["q", "question", "query", "task", "problem", "ask"])
SPEAKER_LABELS = frozenset(
    ["user", "human", "system", "input", "prompt", "context", "instruction", "instructions"]
)
CHAT_TAGS = re.compile(
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
    ]
)
NAME_PREFIX = re.compile(r"^(?:nodes?|vertex|vertices)\s+(?=\S)", re.I)
KEY_PREFIX = re.compile(r"^(?:the|node|vertex|city|town|station|person|user|page|server|room|place)\s+", re.I)
# a role in the question ("the start node") that a later notation fills with a real name
ROLE = re.compile(
    r"^(?:the |a |an |one |some )?(?P<role>start(?:ing)?|source|origin|begin(?:ning)?|initial|goal|target|end(?:ing)?"
    r"|destination|final|given|two|first|second|other)(?: (?:node|vertex|point|city|place|label))?s?$",
    re.I,
)
ROLE_FIRST = frozenset(["start", "starting", "source", "origin", "begin", "beginning", "initial", "first"])
ROLE_SECOND = frozenset(["goal", "target", "end", "ending", "destination", "final", "second"])

# -- scaffolding around the edges: "Consider the following directed graph", "The edges are:" ------------------
GRAPH_WORD = (
    r"(?:graph|network|digraph|map|diagram|edge list|edges|connections|links|roads|relationships|arcs|streets|"
    r"friendships|flights|routes|tree)"
)
DIR_ADJ = (
    r"(?:directed|undirected|one-way|two-way|bidirectional|simple|small|following|social|road|computer|weighted|"
    r"unweighted|co-?authorship|friendship|social network|path-star|star|random|given)"
)
META = [
    re.compile(
        rf"^(?:(?:consider|given|here is|here are|we have|take|look at|this is|below is|the following is|"
        rf"suppose we have|imagine|study|see|use)\s+)?(?:the |a |an |this |that |our )?(?:following |below |given )?"
        rf"(?:{DIR_ADJ}\s+)*{GRAPH_WORD}(?:\s+(?:below|above|here|G|of \w+(?: \w+)?|with \d+ (?:nodes|vertices)"
        rf"(?: and \d+ edges)?))?$",
        re.I,
    ),
    re.compile(
        rf"^(?:the |this |our |that )?(?:graph|network|map|digraph|G)\s+(?:is|here is)\s+(?:an?\s+)?(?:{DIR_ADJ}\s*)+"
        rf"(?:graph|network)?$",
        re.I,
    ),
    re.compile(
        r"^(?:all |the |its |every |each )?(?:edges?|roads?|links?|connections?|streets?|arcs?|paths?|bridges?|"
        r"friendships?|relationships?|flights?|routes?)(?:\s+(?:here|in this graph|in the graph|in G|below|above))?"
        r"\s+(?:are|is|go|goes|run|runs)\s+(?:all\s+)?(?:(?:one-way|one way|two-way|two way|directed|undirected|"
        r"bidirectional|both ways|symmetric|not directed)(?:\s+only)?)$",
        re.I,
    ),
    re.compile(
        r"^(?:the |this )?(?:graph|network|G) has \d+ (?:nodes|vertices)(?: and \d+ (?:edges|links))?$", re.I
    ),
    re.compile(
        r"^(?:in )?(?:this|the|our) (?:[\w-]+ ){0,2}(?:graph|network)$|^(?:we|you) have the following (?:[\w-]+ )?"
        r"(?:edges|links|connections)(?: in \w+)?$",
        re.I,
    ),
]
INTRO = re.compile(
    r"^(?:"
    r"(?:in|on|within|across|throughout) [^,]{1,60},\s+"
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
LABEL_WORDS = re.compile(
    rf"^(?:the )?(?:(?:{DIR_ADJ})\s+)*(?:graph|edges|edge list|links|connections|roads|arcs|network|input|data|"
    rf"facts|relations?|friendships|adjacency(?: list)?|flights|routes|pairs)(?:\s*\((?:{DIR_ADJ})\))?$",
    re.I,
)
NODE_LABEL = re.compile(r"^(?:the )?(?:nodes|vertices|node list|isolated nodes|node set|vertex set)$", re.I)
