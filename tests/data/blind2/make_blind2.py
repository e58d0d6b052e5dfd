#!/usr/bin/env python3
"""Generator for the blind2 evaluation corpus (graph / logic / kinship).

Written without reading the library's parsers.  Every label is computed by the
small solvers in this file from the exact structure that was rendered
(networkx for graphs, a tree evaluator cross-checked with Python eval for
logic, a fact-based kinship solver for families).

Run:  python make_blind2.py          (writes the six jsonl files next to it)
      python make_blind2.py --check  (regenerates in memory and compares)
"""
import json
import os
import random
import sys
from collections import deque, OrderedDict

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_CHARS = 3000


def R(*parts):
    """String-seeded RNG (random.Random(str) uses sha512: no hash randomisation)."""
    return random.Random("blind2|" + "|".join(str(p) for p in parts))


# ---------------------------------------------------------------------------
# name pools
# ---------------------------------------------------------------------------
FEMALE = """Abigail Ada Agnes Alice Amara Amelia Ana Anita Ann Audrey Beatrice Bella Bianca Brenda
Camille Carla Carmen Celia Clara Daisy Dana Daria Delia Diane Dora Edith Elena Eliza Ella Elsa
Emma Erin Esther Eva Fatima Fiona Flora Freya Gemma Gloria Grace Greta Hana Hazel Helen Hilda
Ida Imogen Inez Irene Iris Isla Ivy Jana Jane Joan Judith Julia June Karen Kate Keiko Lara
Laura Leah Lena Lila Linda Lisa Lucy Lydia Mabel Maeve Maria Marta Maya Mei Mila Mina Miriam
Nadia Naomi Nell Nina Nora Olga Olive Paula Pearl Petra Priya Quinn Rita Rosa Ruth Sara Selma
Sofia Stella Tara Tess Thea Uma Vera Viola Wanda Yara Zara Zoe""".split()
MALE = """Aaron Abel Adam Adrian Ahmed Alan Albert Alex Amir Andre Arthur Axel Barry Basil Ben Boris
Bruno Caleb Carl Cedric Chen Colin Conrad Dale Dan David Dean Derek Diego Dmitri Eddie Edgar
Elias Emil Eric Evan Felix Finn Frank Fred Gabe George Glen Gordon Hank Hans Harold Hugo Ian
Igor Isaac Ivan Jack Jake James Jasper Joel Jonas Jorge Karl Kenji Kevin Kurt Lars Leo Leon
Liam Louis Luca Luke Malik Marco Mark Martin Max Miles Milo Nate Neil Nico Noah Omar Oscar
Otto Owen Pablo Paul Pedro Peter Quentin Ravi Ray Rex Rick Robert Rolf Rory Ruben Sam Seth
Simon Stan Theo Tim Tom Victor Vince Walter Wes Yuri Zack""".split()
SURNAMES = """Abbott Alvarez Baker Barros Bell Brandt Carver Cole Dalton Dorn Duarte Ellis Evans
Falk Fischer Garner Grant Hale Hayes Ibarra Jansen Kemp Kowalski Lang Lowe Marsh Moreau Nakamura
Novak Okafor Ortiz Pike Reyes Rowe Sato Shaw Stone Tran Varga Wade Webb Young""".split()
assert len(set(FEMALE) & set(MALE)) == 0
assert not (set(SURNAMES) & (set(FEMALE) | set(MALE)))

PLACE_A = """North South East West Old New Upper Lower Little Great High Low Red White Black Green
Silver Golden Stony Windy Misty Quiet Cedar Maple Pine Oak Willow Birch Fox Crow Hawk Eagle
Bear Wolf Deer Otter""".split()
PLACE_B = """Gate Mill Bridge Ford Harbor Cross Market Hill Field Wood Lake Creek Point Rock Hollow
Ridge Falls Meadow Springs Crossing Landing Junction Station Square Park Camp Lookout Pass Bay
Dock Quarry Chapel Tower Valley Grove""".split()
WORDS = """apple birch cobalt delta ember falcon garnet harbor indigo juniper kestrel lumen maple
nectar onyx pepper quartz raven saffron tundra umber velvet walnut xenon yarrow zephyr anchor
bramble cinder drift echo fjord glacier heron iris jasper kelp lotus marble nimbus orchid""".split()


def letter_names(n):
    out = []
    for i in range(n):
        if i < 26:
            out.append(chr(65 + i))
        else:
            out.append(chr(65 + (i // 26) - 1) + chr(65 + i % 26))
    return out


def place_names(rng, n):
    combos = [a + " " + b for a in PLACE_A for b in PLACE_B]
    return rng.sample(combos, n)


def id_names(rng, n, prefixes):
    out = set()
    while len(out) < n:
        p = rng.choice(prefixes)
        out.add("%s-%02d" % (p, rng.randint(1, 60)))
    out = sorted(out)
    rng.shuffle(out)
    return out


# ===========================================================================
# GRAPH
# ===========================================================================

def build_graph(rng, nodes, directed, want, extra_ratio=0.3, allow_isolated=False):
    """Random graph on `nodes` with a (s, t) pair whose reachability == want.

    Returns dict or None if no fitting pair exists (caller retries)."""
    n = len(nodes)
    order = list(nodes)
    rng.shuffle(order)
    # split into 1-3 groups (components before random extra edges)
    k = 1 if (want and rng.random() < 0.5) else rng.randint(2, 3)
    if n < 2 * k:
        k = 1
    cuts = sorted(rng.sample(range(2, n - 1), k - 1)) if k > 1 and n > 4 else []
    groups, prev = [], 0
    for c in cuts + [n]:
        if c - prev >= 2:
            groups.append(order[prev:c])
            prev = c
    if prev < n:
        groups[-1].extend(order[prev:])
    edges = set()
    for grp in groups:
        for i in range(1, len(grp)):
            # bias towards recent nodes -> longer paths
            j = rng.randint(max(0, i - 3), i - 1) if rng.random() < 0.7 else rng.randint(0, i - 1)
            u, v = grp[j], grp[i]
            if directed and rng.random() < 0.25:
                u, v = v, u
            edges.add((u, v))
        for _ in range(int(len(grp) * extra_ratio * rng.random())):
            u, v = rng.sample(grp, 2)
            if (u, v) in edges or (v, u) in edges:
                continue
            edges.add((u, v))
    if allow_isolated and n >= 6 and rng.random() < 0.5:
        # detach one node entirely
        victim = rng.choice(order)
        edges = {e for e in edges if victim not in e}
    edges = sorted(edges, key=lambda e: (order.index(e[0]), order.index(e[1])))
    rng.shuffle(edges)
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(nodes)
    G.add_edges_from(edges)
    if not allow_isolated and any(G.degree(x) == 0 for x in nodes):
        return None
    dist = {u: nx.single_source_shortest_path_length(G, u) for u in order}
    cands = []
    for u in order:
        for v in order:
            if u == v:
                continue
            d = dist[u].get(v)
            if want:
                if d is not None and 1 <= d <= 12:
                    cands.append((d, u, v))
            else:
                if d is None:
                    rev = dist[v].get(u) is not None
                    if allow_isolated or (G.degree(u) > 0 and G.degree(v) > 0):
                        cands.append((1 if (directed and rev) else 0, u, v))
    if not cands:
        return None
    if want:
        ds = sorted(set(c[0] for c in cands))
        # prefer multi-hop answers
        pool = [d for d in ds if d >= 2] or ds
        d = rng.choice(pool)
        pick = rng.choice([c for c in cands if c[0] == d])
    else:
        best = max(c[0] for c in cands)
        pick = rng.choice([c for c in cands if c[0] == best])
    _, s, t = pick
    return {"nodes": list(nodes), "edges": edges, "directed": directed, "s": s, "t": t, "G": G}


def graph_label(nodes, edges, directed, s, t, denied=(), negq=False):
    """Independent recomputation from the rendered structure."""
    und = {frozenset(e) for e in edges}
    for a, b in denied:
        if directed:
            if (a, b) in set(edges):
                return None
        elif frozenset((a, b)) in und:
            return None
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(nodes)
    G.add_edges_from(edges)
    r = nx.has_path(G, s, t)
    return (not r) if negq else r


def nonedges(rng, g, k):
    nodes = g["nodes"]
    es = {frozenset(e) for e in g["edges"]}
    out = []
    tries = 0
    while len(out) < k and tries < 200:
        tries += 1
        a, b = rng.sample(nodes, 2)
        if frozenset((a, b)) in es or (a, b) in out or (b, a) in out:
            continue
        out.append((a, b))
    return out


# ---- graph styles ----------------------------------------------------------
# each: (nodes_fn(rng) -> list, directed(rng) -> bool, render(rng, g) -> text, negq_prob)

def q(s):
    return s


def g_terraform(rng, g):
    by = OrderedDict()
    for u, v in g["edges"]:
        by.setdefault(u, []).append(v)
    allnodes = list(g["nodes"])
    rng.shuffle(allnodes)
    blocks = []
    for x in allnodes:
        typ, name = x.split(".")
        lines = ['resource "%s" "%s" {' % (typ, name)]
        if typ == "aws_instance":
            lines.append('  instance_type = "t3.%s"' % rng.choice(["micro", "small", "medium"]))
        elif typ == "aws_s3_bucket":
            lines.append('  bucket = "%s-%d"' % (name, rng.randint(10, 99)))
        else:
            lines.append('  name = "%s"' % name)
        if x in by:
            lines.append("  depends_on = [%s]" % ", ".join(by[x]))
        lines.append("}")
        blocks.append("\n".join(lines))
    s, t = g["s"], g["t"]
    ask = rng.choice([
        "Does %s depend on %s, directly or through other resources?",
        "Following depends_on edges, is %s (transitively) dependent on %s?",
        "Will terraform have to create %s before %s? In other words, does %s depend on %s transitively?",
    ])
    if ask.count("%s") == 4:
        ask = "Will terraform have to create %s before %s? In other words, does %s depend on %s transitively?" % (t, s, s, t)
    else:
        ask = ask % (s, t)
    intro = rng.choice(["Here's part of our main.tf:", "Terraform config below (trimmed).", "main.tf:"])
    return "%s\n\n```hcl\n%s\n```\n\n%s" % (intro, "\n\n".join(blocks), ask)


def g_makefile(rng, g):
    by = OrderedDict()
    for u, v in g["edges"]:
        by.setdefault(u, []).append(v)
    lines = []
    for x in by:
        lines.append("%s: %s" % (x, " ".join(by[x])))
        lines.append("\t$(CC) -o $@ $^" if rng.random() < 0.5 else "\t@echo building $@")
    s, t = g["s"], g["t"]
    ask = rng.choice([
        "With this Makefile, does building `%s` require `%s` (as a direct or indirect prerequisite)?",
        "Is `%s` in the prerequisite closure of target `%s`? Answer for running `make %s`.",
        "If I run make %s, will %s get built along the way?",
    ])
    if "closure" in ask:
        ask = "Is `%s` in the prerequisite closure of target `%s`? I.e. starting from `%s`, is `%s` reachable through prerequisites?" % (t, s, s, t)
    else:
        ask = ask % (s, t)
    return "```make\n%s\n```\n%s" % ("\n".join(lines), ask)


def g_git(rng, g):
    lines = []
    by = OrderedDict()
    for u, v in g["edges"]:
        by.setdefault(u, []).append(v)
    for x in by:
        ps = by[x]
        kind = "merge " if len(ps) > 1 else ""
        lines.append("commit %s (%sparents: %s)" % (x, kind, " ".join(ps)))
    s, t = g["s"], g["t"]
    ask = rng.choice([
        "Starting from commit %s and following parent links only, can you reach commit %s?",
        "Is %s an ancestor of... wait, let me ask it properly: walking parent pointers from %s, do we ever hit %s?",
        "From %s, by repeatedly going to a parent commit, is %s reachable?",
    ])
    if "wait" in ask:
        ask = "Walking parent pointers starting at %s, do we ever hit %s?" % (s, t)
    else:
        ask = ask % (s, t)
    return "Output of a custom log script (each commit lists its parent commits):\n%s\n\n%s" % ("\n".join(lines), ask)


def g_follows(rng, g):
    verbs = ["follows", "follows", "is following", "started following"]
    lines = ["%s %s %s" % (u, rng.choice(verbs), v) for u, v in g["edges"]]
    s, t = g["s"], g["t"]
    ask = rng.choice([
        "Is there a chain of follows leading from %s to %s?",
        "If %s reposts something, could it reach %s's feed through a chain of follows? (Posts travel from a followed account to its followers, so I'm really asking: is there a follow path from %s to %s?)",
        "Can you get from %s to %s by only moving from an account to an account it follows?",
    ])
    ask = ask % ((s, t, s, t) if ask.count("%s") == 4 else (s, t))
    return "Follow data from the mini social network:\n" + "\n".join(lines) + "\n\n" + ask


def g_mermaid(rng, g):
    ids = {}
    for i, x in enumerate(g["nodes"]):
        ids[x] = "n%d" % i
    lines = ["flowchart " + rng.choice(["LR", "TD"])]
    shown = set()
    for u, v in g["edges"]:
        def lab(x):
            if x in shown:
                return ids[x]
            shown.add(x)
            return '%s["%s"]' % (ids[x], x)
        lines.append("    %s --> %s" % (lab(u), lab(v)))
    s, t = g["s"], g["t"]
    ask = rng.choice([
        'In this mermaid flowchart, can you get from "%s" to "%s" by following the arrows?',
        'Following arrow direction, is the box "%s" able to reach the box "%s"?',
    ]) % (s, t)
    return "```mermaid\n%s\n```\n%s" % ("\n".join(lines), ask)


def g_cypher(rng, g):
    lines = []
    for u, v in g["edges"]:
        lines.append("MERGE (a:Stop {name: '%s'}) MERGE (b:Stop {name: '%s'}) MERGE (a)-[:NEXT]->(b);" % (u, v))
    s, t = g["s"], g["t"]
    ask = ("After running the statements above, does\n"
           "MATCH (x:Stop {name: '%s'})-[:NEXT*]->(y:Stop {name: '%s'}) RETURN y LIMIT 1\n"
           "return a row?" % (s, t))
    return "// load script\n" + "\n".join(lines) + "\n\n" + ask


def g_html(rng, g):
    by = OrderedDict()
    for u, v in g["edges"]:
        by.setdefault(u, []).append(v)
    blocks = []
    for x in by:
        links = " ".join('<a href="%s">%s</a>' % (y, y.split("/")[-1].replace(".html", "")) for y in by[x])
        blocks.append("<!-- %s -->\n<nav>%s</nav>" % (x, links))
    s, t = g["s"], g["t"]
    ask = rng.choice([
        "A visitor lands on %s. Only clicking links (no typing URLs, no back button tricks), can they end up on %s?",
        "Crawling from %s and following hrefs, would the crawler discover %s?",
    ]) % (s, t)
    return "Navigation markup of each page on the site (only the nav block is shown; pages not listed have no links):\n\n" + "\n".join(blocks) + "\n\n" + ask


def g_fsm(rng, g):
    events = ["start", "stop", "pause", "resume", "fail", "retry", "ack", "timeout", "reset", "commit", "abort", "tick"]
    lines = ["%s --%s--> %s" % (u, rng.choice(events), v) for u, v in g["edges"]]
    s, t = g["s"], g["t"]
    ask = rng.choice([
        "Starting in state %s, can the machine ever reach state %s?",
        "Is state %s able to reach state %s through some sequence of events?",
    ]) % (s, t)
    return "Transition table of the order-processing state machine:\n" + "\n".join(lines) + "\n" + ask


def g_cells(rng, g):
    by = OrderedDict()
    for u, v in g["edges"]:
        by.setdefault(u, []).append(v)
    lines = []
    for x in g["nodes"]:
        if x in by:
            refs = by[x]
            f = rng.choice(["=SUM(%s)", "=%s", "=MAX(%s)", "=AVERAGE(%s)"])
            if f == "=%s":
                body = "=" + "+".join(refs)
            else:
                body = f % ",".join(refs)
            lines.append("%s: %s" % (x, body))
        else:
            lines.append("%s: %d" % (x, rng.randint(1, 500)))
    s, t = g["s"], g["t"]
    ask = rng.choice([
        "Does the value in %s depend, directly or indirectly, on cell %s?",
        "If I change %s... no wait, other way round: is %s's formula (following references) dependent on %s?",
    ])
    ask = ask % (s, t) if "wait" not in ask else "Following cell references, does %s ultimately depend on %s?" % (s, t)
    return "Sheet1 contents:\n" + "\n".join(lines) + "\n\n" + ask


def g_phone(rng, g):
    verbs = ["calls", "phones", "rings", "texts"]
    lines = ["- %s %s %s" % (u, rng.choice(verbs), v) for u, v in g["edges"]]
    s, t = g["s"], g["t"]
    ask = rng.choice([
        "If %s starts the phone tree, will %s eventually hear the news?",
        "Snow-day phone tree: the message starts with %s. Does it reach %s?",
    ]) % (s, t)
    return "Our phone tree (each person only contacts the people listed after their name):\n" + "\n".join(lines) + "\n" + ask


def g_mail(rng, g):
    lines = ["%s -> forward to %s" % (u, v) for u, v in g["edges"]]
    s, t = g["s"], g["t"]
    ask = rng.choice([
        "If someone emails %s, can the message end up at %s through these forwarding rules?",
        "Do the rules route mail addressed to %s (possibly after several hops) to %s?",
    ]) % (s, t)
    return "Mail server forwarding rules (one-way):\n" + "\n".join(lines) + "\n\n" + ask


def g_river(rng, g):
    verbs = ["drains into", "flows into", "empties into", "feeds"]
    sents = ["The %s %s the %s." % (u, rng.choice(verbs), v) for u, v in g["edges"]]
    s, t = g["s"], g["t"]
    ask = rng.choice([
        "Could a log dropped into the %s drift downstream to the %s?",
        "Following the current only, can water from the %s reach the %s?",
    ]) % (s, t)
    return "Hydrology notes for the valley. " + " ".join(sents) + " " + ask


def g_rdf(rng, g):
    lines = ["@prefix ex: <http://example.org/net#> ."]
    for u, v in g["edges"]:
        lines.append("ex:%s ex:linksTo ex:%s ." % (u, v))
    s, t = g["s"], g["t"]
    ask = "Is ex:%s reachable from ex:%s by following ex:linksTo triples (subject to object)?" % (t, s)
    ask = rng.choice([ask, "Starting at ex:%s and following ex:linksTo from subject to object, can you reach ex:%s?" % (s, t)])
    return "```turtle\n%s\n```\n%s" % ("\n".join(lines), ask)


def g_tsv(rng, g):
    lines = ["endpoint_a\tendpoint_b\tlatency_ms"]
    for u, v in g["edges"]:
        lines.append("%s\t%s\t%d" % (u, v, rng.randint(1, 90)))
    s, t = g["s"], g["t"]
    ask = rng.choice([
        "Links are bidirectional. Is there any route between %s and %s?",
        "All links work both ways. Can %s reach %s over these links?",
    ]) % (s, t)
    return "links.tsv\n" + "\n".join(lines) + "\n\n" + ask


def g_nx(rng, g):
    ctor = "nx.DiGraph()" if g["directed"] else "nx.Graph()"
    def lit(x):
        return repr(x)
    es = ", ".join("(%s, %s)" % (lit(u), lit(v)) for u, v in g["edges"])
    iso = [x for x in g["nodes"] if g["G"].degree(x) == 0]
    code = ["import networkx as nx", "", "G = %s" % ctor]
    if iso:
        code.append("G.add_nodes_from(%r)" % (iso,))
    code.append("G.add_edges_from([%s])" % es)
    code.append("print(nx.has_path(G, %s, %s))" % (lit(g["s"]), lit(g["t"])))
    ask = rng.choice(["What does this print?", "Does this print True?", "Output? (True/False)"])
    return "```python\n%s\n```\n%s" % ("\n".join(code), ask)


def g_tuples(rng, g):
    es = ", ".join("(%s, %s)" % (u, v) for u, v in g["edges"])
    s, t = g["s"], g["t"]
    ask = rng.choice([
        "Undirected graph with edge set E = [%s]. Is there a path between %s and %s?",
        "Given the undirected edges [%s], decide whether %s and %s are in the same connected component.",
    ]) % (es, s, t)
    return ask


def g_leetcode(rng, g):
    idx = {x: i for i, x in enumerate(g["nodes"])}
    es = ",".join("[%d,%d]" % (idx[u], idx[v]) for u, v in g["edges"])
    s, t = idx[g["s"]], idx[g["t"]]
    return ("There is a bi-directional graph with n vertices labeled 0 to n - 1. Return true if there is a valid "
            "path from source to destination, false otherwise.\n\nInput: n = %d, edges = [%s], source = %d, destination = %d\nOutput: ?"
            % (len(g["nodes"]), es, s, t))


def g_trails(rng, g):
    trail_names = ["Ridge", "Creek", "Fern", "Summit", "Lakeshore", "Boulder", "Larch", "Switchback", "Meadow", "Canyon", "Spruce", "Heron"]
    sents = []
    for i, (u, v) in enumerate(g["edges"]):
        tn = trail_names[i % len(trail_names)] + (" Trail" if i < len(trail_names) else " Connector")
        sents.append(rng.choice([
            "The %s links %s with %s." % (tn, u, v),
            "From %s you can hike the %s to %s (and back)." % (u, tn, v),
            "%s and %s are joined by the %s." % (u, v, tn),
        ]))
    s, t = g["s"], g["t"]
    ask = rng.choice([
        "Is it possible to hike from %s to %s using only these trails?",
        "Can a hiker starting at %s reach %s on marked trails?",
    ]) % (s, t)
    if g.get("negq"):
        ask = "Is %s cut off from %s, i.e. is there no way to hike between them on these trails?" % (s, t)
    return "Park ranger's trail notes: " + " ".join(sents) + " All trails can be walked in both directions. " + ask


def g_netlist(rng, g):
    lines = ["* netlist exported from the bench schematic"]
    kinds = [("R", ["1k", "4k7", "10k", "220"]), ("C", ["100n", "10u", "1n"]), ("L", ["10u", "2m2"])]
    counts = {"R": 0, "C": 0, "L": 0}
    for u, v in g["edges"]:
        k, vals = rng.choice(kinds)
        counts[k] += 1
        lines.append("%s%d %s %s %s" % (k, counts[k], u, v, rng.choice(vals)))
    lines.append(".end")
    s, t = g["s"], g["t"]
    ask = ("Treating every component as a two-terminal link between the nets it touches, is net %s connected to net %s "
           "through some chain of components?" % (s, t))
    return "\n".join(lines) + "\n\n" + ask


def g_tooljson(rng, g):
    call = {"tool": "graph.reachable",
            "arguments": {"directed": g["directed"], "edges": [[u, v] for u, v in g["edges"]],
                          "source": g["s"], "target": g["t"]}}
    intro = rng.choice(["The planner emitted this tool call. Compute what the tool should return (true or false):",
                        "Simulate this function call and give the boolean result:"])
    return intro + "\n" + json.dumps(call)


def g_adjlist(rng, g):
    adj = OrderedDict((x, []) for x in g["nodes"])
    for u, v in g["edges"]:
        adj[u].append(v)
        adj[v].append(u)
    lines = ["%s: %s" % (x, " ".join(str(y) for y in adj[x])) for x in adj]
    s, t = g["s"], g["t"]
    ask = rng.choice([
        "The adjacency list of an undirected graph is given below (vertex: neighbours).\n%s\nIs vertex %s reachable from vertex %s?",
        "Undirected graph, adjacency lists:\n%s\nUsing BFS from %s, is %s visited?",
    ])
    if "BFS" in ask:
        return ask % ("\n".join(lines), s, t)
    return ask % ("\n".join(lines), t, s)


def g_slack(rng, g):
    people = ["dana", "lee", "priya", "marco", "sven", "ola", "kit"]
    msgs = ["#infra  — thread: which racks are patched together?"]
    for i, (u, v) in enumerate(g["edges"]):
        who = people[i % len(people)]
        msgs.append("%s: %s" % (who, rng.choice([
            "%s is patched to %s" % (u, v),
            "%s <-> %s, confirmed" % (u, v),
            "there's a cable between %s and %s" % (u, v),
            "also %s ↔ %s" % (u, v),
        ])))
    s, t = g["s"], g["t"]
    msgs.append("you: thanks all. cables go both ways, so: can traffic get from %s to %s over these patches?" % (s, t))
    return "\n".join(msgs)


def g_negated(rng, g):
    sents = []
    for u, v in g["edges"]:
        sents.append(rng.choice(["A road connects %s and %s." % (u, v), "%s and %s are linked by a road." % (u, v),
                                 "There is a road between %s and %s." % (u, v)]))
    for a, b in g["denied"]:
        sents.insert(rng.randint(0, len(sents)), rng.choice([
            "There is no direct road between %s and %s." % (a, b),
            "%s and %s are not directly connected." % (a, b),
            "No road runs straight from %s to %s." % (a, b)]))
    s, t = g["s"], g["t"]
    if g.get("negq"):
        ask = rng.choice(["Are %s and %s disconnected?", "Is there no route at all from %s to %s?"]) % (s, t)
    else:
        ask = rng.choice(["Can you travel from %s to %s?", "Is %s connected to %s by some sequence of roads?"]) % (s, t)
    return "Roads (two-way): " + " ".join(sents) + " " + ask


def g_contra(rng, g):
    lines = []
    for u, v in g["edges"]:
        lines.append("%s - %s" % (u, v))
    a, b = g["denied"][0]
    deny = rng.choice(["Note: %s and %s are NOT connected to each other directly.",
                       "(correction from ops: there is no link between %s and %s)",
                       "Important: no edge exists between %s and %s."]) % (a, b)
    lines.insert(rng.randint(len(lines) // 2, len(lines)), deny)
    s, t = g["s"], g["t"]
    return "Undirected links:\n" + "\n".join(lines) + "\nIs %s reachable from %s?" % (t, s)


def nodes_tf(rng, n):
    types = ["aws_instance", "aws_s3_bucket", "aws_iam_role", "aws_lambda_function", "aws_vpc", "aws_subnet",
             "aws_security_group", "aws_db_instance"]
    out = set()
    while len(out) < n:
        out.add("%s.%s" % (rng.choice(types), rng.choice(WORDS)))
    out = sorted(out)
    rng.shuffle(out)
    return out


def nodes_words(rng, n, suffix=""):
    return [w + suffix for w in rng.sample(WORDS, n)]


def nodes_hex(rng, n):
    out = set()
    while len(out) < n:
        out.add("%07x" % rng.randint(0, 16 ** 7 - 1))
    out = sorted(out)
    rng.shuffle(out)
    return out


def nodes_people(rng, n, fmt="%s"):
    pool = FEMALE + MALE
    return [fmt % x for x in rng.sample(pool, n)]


def nodes_cells(rng, n):
    out = set()
    while len(out) < n:
        out.add("%s%d" % (chr(65 + rng.randint(0, 7)), rng.randint(1, 30)))
    out = sorted(out)
    rng.shuffle(out)
    return out


def nodes_pages(rng, n):
    base = ["index", "about", "contact", "blog", "pricing", "faq", "team", "careers", "docs", "support",
            "login", "signup", "terms", "privacy", "news", "events", "shop", "cart", "help", "status"]
    out = []
    for w in rng.sample(base + [b + "2" for b in base], n):
        out.append("/" + w + ".html")
    return out


def nodes_states(rng, n):
    base = ["IDLE", "NEW", "PENDING", "PAID", "PACKED", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED", "HOLD",
            "REVIEW", "FAILED", "RETRYING", "ARCHIVED", "OPEN", "CLOSED", "ESCALATED", "DRAFT", "LOCKED", "EXPIRED"]
    return rng.sample(base, n)


def nodes_emails(rng, n):
    boxes = ["sales", "ops", "support", "billing", "hr", "ceo", "info", "alerts", "noc", "legal", "press", "jobs",
             "team-a", "team-b", "oncall", "audit", "finance", "it"]
    dom = rng.choice(["acme.io", "example.com", "corp.local"])
    return ["%s@%s" % (b, dom) for b in rng.sample(boxes, n)]


def nodes_rivers(rng, n):
    names = ["Ash", "Berr", "Cole", "Dunn", "Esk", "Frome", "Gade", "Hull", "Isis", "Kennet", "Lune", "Mole",
             "Nene", "Ouse", "Parrett", "Rother", "Stour", "Tees", "Ure", "Wey", "Yeo", "Alde", "Brue", "Calder"]
    return rng.sample(names, n)


def nodes_nets(rng, n):
    out = ["N%03d" % i for i in rng.sample(range(1, 120), n)]
    if rng.random() < 0.5:
        out[0] = "GND"
    if rng.random() < 0.5 and n > 2:
        out[1] = "VCC"
    return out


def nodes_racks(rng, n):
    return id_names(rng, n, ["rack", "sw", "pp"])


def nodes_mixed(rng, n):
    kind = rng.randint(0, 3)
    if kind == 0:
        return letter_names(40)[:n] if rng.random() < 0.5 else rng.sample(letter_names(40), n)
    if kind == 1:
        return [str(x) for x in rng.sample(range(1, 100), n)]
    if kind == 2:
        return nodes_words(rng, n)
    return id_names(rng, n, ["db", "web", "cache", "api"])


def nodes_ints(rng, n):
    return rng.sample(range(0, 60), n)


GRAPH_STYLES = [
    # name, nodes(rng,n), n range, directed(rng), render, negq_prob, holdout_only
    ("terraform_depends_on", nodes_tf, (4, 14), lambda r: True, g_terraform, 0, False),
    ("makefile_targets", lambda r, n: nodes_words(r, n, rng_ext(r)), (4, 16), lambda r: True, g_makefile, 0, False),
    ("git_parent_links", nodes_hex, (5, 20), lambda r: True, g_git, 0, False),
    ("social_follows", lambda r, n: nodes_people(r, n, "@%s"), (5, 24), lambda r: True, g_follows, 0, False),
    ("mermaid_flowchart", nodes_mixed, (4, 22), lambda r: True, g_mermaid, 0, False),
    ("cypher_match", lambda r, n: place_names(r, n), (4, 16), lambda r: True, g_cypher, 0, False),
    ("html_nav_links", nodes_pages, (4, 18), lambda r: True, g_html, 0, False),
    ("state_machine", nodes_states, (4, 16), lambda r: True, g_fsm, 0, False),
    ("spreadsheet_refs", nodes_cells, (4, 25), lambda r: True, g_cells, 0, False),
    ("phone_tree", lambda r, n: nodes_people(r, n), (5, 30), lambda r: True, g_phone, 0, False),
    ("mail_forwarding", nodes_emails, (4, 16), lambda r: True, g_mail, 0, False),
    ("tsv_links", nodes_mixed, (5, 40), lambda r: False, g_tsv, 0, False),
    ("networkx_code", lambda r, n: nodes_ints(r, n) if r.random() < 0.5 else nodes_words(r, n), (4, 30),
     lambda r: r.random() < 0.5, g_nx, 0, False),
    ("edge_tuple_set", lambda r, n: nodes_ints(r, n), (5, 40), lambda r: False, g_tuples, 0, False),
    ("leetcode_find_path", lambda r, n: list(range(n)), (3, 40), lambda r: False, g_leetcode, 0, False),
    ("hiking_trails", lambda r, n: place_names(r, n), (4, 20), lambda r: False, g_trails, 0.3, False),
    ("agent_tool_call_json", nodes_mixed, (4, 30), lambda r: r.random() < 0.5, g_tooljson, 0, False),
    ("textbook_adjacency_list", lambda r, n: [str(i + 1) for i in range(n)], (5, 30), lambda r: False, g_adjlist, 0, False),
    ("negated_facts", lambda r, n: place_names(r, n), (4, 16), lambda r: False, g_negated, 0.4, False),
    ("contradiction", nodes_mixed, (4, 16), lambda r: False, g_contra, 0, False),
    # holdout-only
    ("river_drainage", nodes_rivers, (4, 20), lambda r: True, g_river, 0, True),
    ("rdf_turtle_links", lambda r, n: nodes_words(r, n), (4, 24), lambda r: True, g_rdf, 0, True),
    ("spice_netlist", nodes_nets, (4, 30), lambda r: False, g_netlist, 0, True),
    ("chat_thread_cabling", nodes_racks, (4, 20), lambda r: False, g_slack, 0, True),
]


def rng_ext(r):
    return r.choice(["", ".o", ".a"])


def make_graph_item(style, idx, want):
    name, nfn, (lo, hi), dfn, render, negq_p, _ = style
    for attempt in range(400):
        rng = R("graph", name, idx, attempt)
        n = rng.randint(lo, hi)
        nodes = nfn(rng, n)
        if len(set(map(str, nodes))) != len(nodes):
            continue
        directed = dfn(rng)
        negq = rng.random() < negq_p
        reach_want = (not want) if negq else want
        g = build_graph(rng, nodes, directed, reach_want,
                        allow_isolated=name in ("leetcode_find_path", "networkx_code"))
        if g is None:
            continue
        g["negq"] = negq
        g["denied"] = []
        if name == "negated_facts":
            g["denied"] = nonedges(rng, g, rng.randint(1, 3))
            if not g["denied"]:
                continue
        if name == "contradiction":
            e = rng.choice(g["edges"])
            g["denied"] = [e if rng.random() < 0.5 else (e[1], e[0])]
        text = render(rng, g)
        lab = graph_label(g["nodes"], g["edges"], directed, g["s"], g["t"], g["denied"], negq)
        if name == "contradiction":
            assert lab is None
        else:
            assert lab == want, (name, idx)
            # independent double check
            assert (nx.has_path(g["G"], g["s"], g["t"]) != negq) == want
        if len(text) > MAX_CHARS:
            continue
        return text, lab
    raise RuntimeError("could not build graph item %s %d" % (name, idx))


# ===========================================================================
# LOGIC
# ===========================================================================
BIN = ("and", "or", "xor", "nand", "nor", "implies", "iff")
ATOM = 100


def ev(e, env):
    k = e[0]
    if k == "const":
        return e[1]
    if k == "var":
        return env[e[1]]
    if k == "not":
        return not ev(e[1], env)
    vals = [ev(c, env) for c in e[1]]
    if k == "and":
        return all(vals)
    if k == "or":
        return any(vals)
    if k == "xor":
        return sum(vals) % 2 == 1
    a, b = vals
    if k == "nand":
        return not (a and b)
    if k == "nor":
        return not (a or b)
    if k == "implies":
        return (not a) or b
    if k == "iff":
        return a == b
    raise ValueError(k)


def py_full(e):
    """Fully parenthesised Python rendering used to cross-check ev()."""
    k = e[0]
    if k == "const":
        return "True" if e[1] else "False"
    if k == "var":
        return e[1]
    if k == "not":
        return "(not %s)" % py_full(e[1])
    cs = [py_full(c) for c in e[1]]
    if k == "and":
        return "(" + " and ".join(cs) + ")"
    if k == "or":
        return "(" + " or ".join(cs) + ")"
    if k == "xor":
        return "(" + " ^ ".join("bool(%s)" % c for c in cs) + ")"
    a, b = cs
    return {"nand": "(not (%s and %s))", "nor": "(not (%s or %s))", "implies": "((not %s) or %s)",
            "iff": "(%s == %s)"}[k] % (a, b)


def depth(e):
    if e[0] in ("const", "var"):
        return 0
    if e[0] == "not":
        return 1 + depth(e[1])
    return 1 + max(depth(c) for c in e[1])


def gen_expr(rng, d, atoms, ops, chain_p=0.2, stack_p=0.1):
    if d <= 0:
        return rng.choice(atoms)
    op = rng.choice(ops)
    if op == "not":
        if rng.random() < stack_p and d >= 3:
            k = rng.randint(2, min(4, d))
            x = gen_expr(rng, d - k, atoms, ops, chain_p, stack_p)
            for _ in range(k):
                x = ("not", x)
            return x
        return ("not", gen_expr(rng, d - 1, atoms, ops, chain_p, stack_p))
    if op in ("and", "or", "xor") and rng.random() < chain_p:
        k = rng.randint(3, 6)
        kids = [gen_expr(rng, rng.randint(0, max(0, min(d - 1, 2))), atoms, ops, chain_p, stack_p) for _ in range(k)]
        kids[rng.randrange(k)] = gen_expr(rng, d - 1, atoms, ops, chain_p, stack_p)
        return (op, kids)
    a = gen_expr(rng, d - 1, atoms, ops, chain_p, stack_p)
    b = gen_expr(rng, rng.randint(0, d - 1), atoms, ops, chain_p, stack_p)
    if rng.random() < 0.5:
        a, b = b, a
    return (op, [a, b])


def lower(e, ok):
    """Rewrite operators that a notation lacks into ones it has (same value)."""
    k = e[0]
    if k in ("const", "var"):
        return e
    if k == "not":
        return ("not", lower(e[1], ok))
    cs = [lower(c, ok) for c in e[1]]
    if k in ok:
        return (k, cs)
    if k in ("and", "or") and k not in ok:
        raise ValueError("notation lacks " + k)
    if k == "xor":
        x = cs[0]
        for y in cs[1:]:
            if "iff" in ok:
                x = ("not", ("iff", [x, y]))
            else:
                x = ("or", [("and", [x, ("not", y)]), ("and", [("not", x), y])])
        return x
    a, b = cs
    if k == "nand":
        return ("not", ("and", [a, b]))
    if k == "nor":
        return ("not", ("or", [a, b]))
    if k == "implies":
        return ("or", [("not", a), b])
    if k == "iff":
        if "xor" in ok:
            return ("not", ("xor", [a, b]))
        return ("or", [("and", [a, b]), ("and", [("not", a), ("not", b)])])
    raise ValueError(k)


def binarize(e, nary_ok):
    k = e[0]
    if k in ("const", "var"):
        return e
    if k == "not":
        return ("not", binarize(e[1], nary_ok))
    cs = [binarize(c, nary_ok) for c in e[1]]
    if len(cs) > 2 and k not in nary_ok:
        x = (k, cs[:2])
        for c in cs[2:]:
            x = (k, [x, c])
        return x
    return (k, cs)


def render(e, N, atom):
    """Generic precedence-aware renderer.  N: notation spec."""
    k = e[0]
    if k in ("const", "var"):
        return atom(e), ATOM
    if k == "not":
        s, p = render(e[1], N, atom)
        if N.get("not_func"):
            if e[1][0] in ("const", "var"):
                return N["not"][0] + s, 90
            return N["not"][0] + "(" + s + ")", 90
        tok, np_ = N["not"]
        if p < np_ or (N.get("safe_not") and p != ATOM) or (N.get("nest_paren") and e[1][0] == "not"):
            s = "(" + s + ")"
        return tok + s, np_
    if k in N.get("nfunc", {}):
        return N["nfunc"][k] % ", ".join(render(c, N, atom)[0] for c in e[1]), ATOM
    if k in N.get("func", {}):
        tpl = N["func"][k]
        args = []
        for c in e[1]:
            s, p = render(c, N, atom)
            if N.get("func_wrap") and p != ATOM:
                s = "(" + s + ")"
            args.append(s)
        return tpl % tuple(args), ATOM - 5
    tok, prec, chain = N["bin"][k]
    parts = []
    for c in e[1]:
        s, p = render(c, N, atom)
        need = p < prec or (p == prec and not (chain and c[0] == k))
        if N.get("safe_not") and c[0] == "not" and k in N.get("cmp_ops", ()):
            need = True
        parts.append("(" + s + ")" if need else s)
    return tok.join(parts), prec


N_PY = {"bin": {"or": (" or ", 1, True), "and": (" and ", 2, True), "xor": (" ^ ", 6, True),
                "iff": (" == ", 4, False)}, "not": ("not ", 3)}
N_PYANY = {"nfunc": {"and": "all([%s])", "or": "any([%s])"}, "func": {"xor": "operator.xor(%s, %s)"},
           "bin": {"iff": (" == ", 4, False)}, "not": ("not ", 3)}
N_C = {"bin": {"or": (" || ", 4, True), "and": (" && ", 5, True), "xor": (" ^ ", 7, True),
               "iff": (" == ", 9, False)}, "not": ("!", 14), "nest_paren": True}
N_CPP = {"bin": {"or": (" or ", 4, True), "and": (" and ", 5, True), "xor": (" xor ", 7, True),
                 "iff": (" == ", 9, False)}, "not": ("not ", 14)}
N_OCAML = {"bin": {"or": (" || ", 4, True), "and": (" && ", 5, True), "xor": (" <> ", 9, True),
                   "iff": (" = ", 9, False)}, "not": ("not ", 90), "not_func": True}
N_LUA = {"bin": {"or": (" or ", 1, True), "and": (" and ", 2, True), "xor": (" ~= ", 3, True),
                 "iff": (" == ", 3, False)}, "not": ("not ", 8)}
N_GO = {"bin": {"or": (" || ", 1, True), "and": (" && ", 2, True), "xor": (" != ", 3, True),
                "iff": (" == ", 3, False)}, "not": ("!", 5)}
N_R = {"bin": {"or": (" | ", 1, True), "and": (" & ", 2, True), "iff": (" == ", 4, False)},
       "not": ("!", 3), "func": {"xor": "xor(%s, %s)"}}
N_VB = {"bin": {"xor": (" Xor ", 1, True), "or": (" OrElse ", 2, True), "and": (" AndAlso ", 3, True),
                "iff": (" = ", 6, False)}, "not": ("Not ", 4)}
N_SYMPY = {"nfunc": {"and": "And(%s)", "or": "Or(%s)", "xor": "Xor(%s)"},
           "func": {"nand": "Nand(%s, %s)", "nor": "Nor(%s, %s)", "implies": "Implies(%s, %s)",
                    "iff": "Equivalent(%s, %s)"}, "not": ("Not", 90), "not_func": True, "bin": {}}
N_LEAN = {"bin": {"or": (" || ", 30, True), "and": (" && ", 35, True), "iff": (" == ", 50, False)},
          "not": ("!", 40), "func": {"xor": "Bool.xor %s %s"}, "func_wrap": True, "nest_paren": True}
N_KOTLIN = {"bin": {"or": (" || ", 2, True), "and": (" and ", 7, True), "xor": (" xor ", 7, True),
                    "iff": (" == ", 4, False)}, "not": ("!", 10), "nest_paren": True}
N_KOTLIN["bin"]["or"] = (" or ", 7, True)
N_MATLAB = {"bin": {"or": (" || ", 1, True), "and": (" && ", 2, True), "iff": (" == ", 4, False),
                    "xor": (" ~= ", 4, True)}, "not": ("~", 6)}
N_PERL = {"bin": {"or": (" or ", 1, True), "xor": (" xor ", 1, True), "and": (" and ", 2, True)},
          "not": ("not ", 3)}
N_ELIXIR = {"bin": {"or": (" or ", 3, True), "and": (" and ", 4, True), "iff": (" == ", 6, False),
                    "xor": (" != ", 6, True)}, "not": ("not ", 9), "safe_not": True, "cmp_ops": ("iff", "xor")}


def flat_math(tokens, not_tok):
    """All binary operators share one level: mixed operators are always bracketed."""
    return {"bin": {k: (v, 5, k in ("and", "or", "xor")) for k, v in tokens.items()}, "not": (not_tok, 10)}


N_MATH = flat_math({"and": " ∧ ", "or": " ∨ ", "xor": " ⊕ ", "implies": " → ", "iff": " ↔ ", "nand": " ↑ ",
                    "nor": " ↓ "}, "¬")
N_WORDS = flat_math({"and": " and ", "or": " or ", "xor": " xor ", "implies": " implies ", "iff": " iff ",
                     "nand": " nand ", "nor": " nor "}, "not ")
N_UPPER = flat_math({"and": " AND ", "or": " OR ", "xor": " XOR ", "implies": " IMPLIES ",
                     "iff": " IFF ", "nand": " NAND ", "nor": " NOR "}, "NOT ")


def ops_of(N):
    return set(N.get("bin", {})) | set(N.get("func", {})) | set(N.get("nfunc", {}))


def nary_of(N):
    out = set(N.get("nfunc", {}))
    for k, (tok, p, chain) in N.get("bin", {}).items():
        if chain:
            out.add(k)
    return out


def prep(e, N):
    return binarize(lower(e, ops_of(N)), nary_of(N))


def vatom(fmt_true, fmt_false, varfmt="%s"):
    def f(e):
        if e[0] == "const":
            return fmt_true if e[1] else fmt_false
        return varfmt % e[1]
    return f


VARS_SHORT = ["p", "q", "r", "s", "t", "u"]
VARS_LONG = ["a", "b", "c", "d", "x", "y", "z", "w", "ok", "idle", "flag", "ready", "valid", "busy", "dirty",
             "cached", "locked", "armed", "stale", "full"]


def pick_vars(rng, pool, lo=2, hi=5):
    return rng.sample(pool, rng.randint(lo, min(hi, len(pool))))


ALL_OPS = ["not", "and", "or", "xor", "nand", "nor", "implies", "iff", "and", "or"]


def tf(b, t="true", f="false"):
    return t if b else f


def assign_lines(env, fmt, t="true", f="false", order=None):
    names = order or list(env)
    return [fmt % (n, tf(env[n], t, f)) for n in names]


# ---- logic style renderers: (rng, e, env) -> text -------------------------

def l_python_any(rng, e, env):
    ee = prep(e, N_PYANY)
    body = render(ee, N_PYANY, vatom("True", "False"))[0]
    lines = ["import operator", ""] + assign_lines(env, "%s = %s", "True", "False") + ["", "print(%s)" % body]
    code = "\n".join(lines)
    # cross-check: the actual program
    ns = {}
    import io, contextlib
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(code, ns)
    assert buf.getvalue().strip() == str(ev(e, env)), code
    return "```python\n%s\n```\n%s" % (code, rng.choice(["What gets printed?", "Output of this snippet?",
                                                         "Will this print True or False?"]))


def l_bash(rng, e, env):
    ee = prep(e, N_C)
    body = render(ee, N_C, vatom("1", "0"))[0]
    lines = ["#!/usr/bin/env bash"] + assign_lines(env, "%s=%s", "1", "0")
    lines.append("if (( %s )); then echo yes; else echo no; fi" % body)
    return "```bash\n%s\n```\n%s" % ("\n".join(lines), rng.choice(
        ["Does this script print yes?", "Will the script echo yes? (answer true if it prints yes, false if no)"]))


def l_cpp(rng, e, env):
    ee = prep(e, N_CPP)
    body = render(ee, N_CPP, vatom("true", "false"))[0]
    lines = ["#include <iostream>", "int main() {"]
    lines += ["    bool " + x for x in assign_lines(env, "%s = %s;")]
    lines += ["    bool result = %s;" % body, "    std::cout << std::boolalpha << result << '\\n';", "}"]
    return "```cpp\n%s\n```\nWhat does the program print?" % "\n".join(lines)


def l_truth_table(rng, e, env):
    ee = prep(e, N_MATH)
    body = render(ee, N_MATH, vatom("⊤", "⊥"))[0]
    names = sorted(env)
    head = "| " + " | ".join(names) + " | " + body + " |"
    sep = "|" + "---|" * (len(names) + 1)
    row = "| " + " | ".join(tf(env[n], "T", "F") for n in names) + " | ? |"
    return ("Complete the missing entry of this truth-table row (T or F):\n\n%s\n%s\n%s" % (head, sep, row))


def l_polish(rng, e, env):
    sym = {"and": "K", "or": "A", "implies": "C", "iff": "E", "xor": "J", "nand": "D", "nor": "X"}
    ee = binarize(e, set())

    def pol(x):
        if x[0] == "const":
            return "1" if x[1] else "0"
        if x[0] == "var":
            return x[1]
        if x[0] == "not":
            return "N" + pol(x[1])
        return sym[x[0]] + pol(x[1][0]) + pol(x[1][1])
    s = pol(ee)
    vals = ", ".join("%s = %d" % (n, int(env[n])) for n in sorted(env))
    legend = "N = not, K = and, A = or, C = implies, E = iff, J = xor, D = nand, X = nor"
    return ("Łukasiewicz (Polish) notation, with %s. Evaluate the formula %s where %s. Is it true?"
            % (legend, s, vals if vals else "no variables occur"))


def l_rpn(rng, e, env):
    ee = binarize(e, set())
    names = {"and": "AND", "or": "OR", "xor": "XOR", "nand": "NAND", "nor": "NOR", "implies": "IMP", "iff": "EQV"}

    def post(x):
        if x[0] == "const":
            return ["1" if x[1] else "0"]
        if x[0] == "var":
            return [x[1]]
        if x[0] == "not":
            return post(x[1]) + ["NOT"]
        return post(x[1][0]) + post(x[1][1]) + [names[x[0]]]
    toks = " ".join(post(ee))
    vals = "; ".join("%s=%d" % (n, int(env[n])) for n in sorted(env))
    return ("Stack machine exercise. Evaluate the reverse Polish (postfix) Boolean program\n  %s\n"
            "with %s. (IMP = implication, EQV = equivalence.) What is left on the stack: 1 (true) or 0 (false)?"
            % (toks, vals or "no inputs"))


def l_ocaml(rng, e, env):
    ee = prep(e, N_OCAML)
    body = render(ee, N_OCAML, vatom("true", "false"))[0]
    if env:
        binds = " and ".join("%s = %s" % (n, tf(env[n])) for n in env)
        src = "# let %s in\n  %s;;" % (binds, body)
    else:
        src = "# %s;;" % body
    return "OCaml toplevel:\n```ocaml\n%s\n```\nWhat value (- : bool = ?) does the toplevel print?" % src


def l_lua(rng, e, env):
    ee = prep(e, N_LUA)
    body = render(ee, N_LUA, vatom("true", "false"))[0]
    lines = ["local %s = %s" % (n, tf(env[n])) for n in env] + ["print(%s)" % body]
    return "```lua\n%s\n```\nWhat does this Lua chunk print?" % "\n".join(lines)


def l_go(rng, e, env):
    ee = prep(e, N_GO)
    body = render(ee, N_GO, vatom("true", "false"))[0]
    lines = ["package main", "", 'import "fmt"', "", "func main() {"]
    lines += ["\t%s := %s" % (n, tf(env[n])) for n in env]
    lines += ["\tfmt.Println(%s)" % body, "}"]
    return "```go\n%s\n```\nWhat's the output?" % "\n".join(lines)


def l_r(rng, e, env):
    ee = prep(e, N_R)
    N = N_R
    if rng.random() < 0.5:
        N = dict(N_R)
        N["bin"] = {"or": (" || ", 1, True), "and": (" && ", 2, True), "iff": (" == ", 4, False)}
    body = render(ee, N, vatom("TRUE", "FALSE"))[0]
    lines = ["> %s <- %s" % (n, tf(env[n], "TRUE", "FALSE")) for n in env] + ["> " + body, "[1] ?"]
    return "R console session:\n" + "\n".join(lines) + "\nWhat does R print in place of the ?"


def gate_lines(rng, e, env):
    gates = []
    counter = [0]
    gname = {"and": "AND", "or": "OR", "xor": "XOR", "nand": "NAND", "nor": "NOR", "iff": "XNOR"}
    ee = lower(e, {"and", "or", "xor", "nand", "nor", "iff"})

    def walk(x):
        if x[0] == "var":
            return x[1]
        if x[0] == "const":
            return "VDD" if x[1] else "GND"
        if x[0] == "not":
            a = walk(x[1])
            counter[0] += 1
            g = "g%d" % counter[0]
            gates.append("%s = NOT(%s)" % (g, a))
            return g
        args = [walk(c) for c in x[1]]
        counter[0] += 1
        g = "g%d" % counter[0]
        gates.append("%s = %s(%s)" % (g, gname[x[0]], ", ".join(args)))
        return g
    out = walk(ee)
    return gates, out


def l_gates(rng, e, env):
    gates, out = gate_lines(rng, e, env)
    lines = ["# inputs"] + ["INPUT %s = %d" % (n, int(env[n])) for n in sorted(env)]
    lines += ["# VDD is logic 1, GND is logic 0", "# gates"] + gates + ["OUTPUT Y = %s" % out]
    return "\n".join(lines) + "\n\nSimulate the netlist. Is output Y at logic 1?"


POLICY_ATTRS = [("admin", "is an admin"), ("employee", "is an employee"), ("suspended", "is suspended"),
                ("mfa", "has MFA enabled"), ("vpn", "is on the VPN"), ("contractor", "is a contractor"),
                ("weekend", "is logging in on a weekend"), ("owner", "owns the repository")]


def l_policy(rng, e, env):
    ee = prep(e, N_UPPER)
    body = render(ee, N_UPPER, vatom("TRUE", "FALSE"))[0]
    who = rng.choice(FEMALE + MALE)
    facts = []
    desc = dict(POLICY_ATTRS)
    for n in sorted(env):
        if env[n]:
            facts.append("%s %s." % (who, desc[n]))
        else:
            facts.append("%s %s." % (who, desc[n].replace("is ", "is not ", 1).replace("has ", "does not have ", 1)
                                     .replace("owns ", "does not own ", 1)))
    return ("Access policy (attribute names in lower case):\n  grant = %s\n\nFacts: %s\n\nIs %s granted access?"
            % (body, " ".join(facts), who))


def l_tooljson(rng, e, env):
    ee = prep(e, N_WORDS)
    body = render(ee, N_WORDS, vatom("true", "false"))[0]
    call = {"name": "evaluate_boolean", "arguments": {"expression": body, "variables": env}}
    return ("Agent log: the model requested\n" + json.dumps(call, ensure_ascii=False) +
            "\nReturn the boolean the tool should produce.")


def l_lean(rng, e, env):
    ee = prep(e, N_LEAN)
    body = render(ee, N_LEAN, vatom("true", "false"))[0]
    lines = ["def %s : Bool := %s" % (n, tf(env[n])) for n in env] + ["#eval %s" % body]
    return "```lean\n%s\n```\nWhat does `#eval` output (Lean 4)?" % "\n".join(lines)


def l_sympy(rng, e, env):
    ee = prep(e, N_SYMPY)
    body = render(ee, N_SYMPY, vatom("True", "False"))[0]
    names = sorted(env)
    lines = ["from sympy import symbols, And, Or, Not, Xor, Nand, Nor, Implies, Equivalent"]
    if names:
        lines.append("%s = symbols('%s')" % (", ".join(names) + ("," if len(names) == 1 else ""), " ".join(names)))
        lines.append("expr = %s" % body)
        lines.append("print(expr.subs({%s}))" % ", ".join("%s: %s" % (n, env[n]) for n in names))
    else:
        lines.append("print(%s)" % body)
    return "```python\n%s\n```\nWhat is printed?" % "\n".join(lines)


N_SP = flat_math({"and": " ∧ ", "or": " ∨ ", "nand": " ↑ ", "nor": " ↓ "}, "¬")


def l_sheffer(rng, e, env):
    ee = prep(e, N_SP)
    body = render(ee, N_SP, vatom("1", "0"))[0]
    return rng.choice(["Compute the value (1 or 0): %s   (↑ is the Sheffer stroke / NAND, ↓ is the Peirce arrow / NOR)",
                       "Digital logic quiz: with ↑ = NAND and ↓ = NOR, what does %s evaluate to?"]) % body


def l_slang(rng, e, env):
    ee = prep(e, N_WORDS)
    body = render(ee, N_WORDS, vatom("true", "false"))[0]
    vals = ", ".join("%s is %s" % (n, tf(env[n], rng.choice(["true", "T", "1"]), rng.choice(["false", "F", "0"])))
                     for n in env)
    pre = rng.choice(["ok so", "quick one,", "pls help,", "hey,"])
    if vals:
        return "%s %s. whats %s ?? need it for a quiz lol" % (pre, vals, body)
    return "%s whats %s ?? no variables just constants, need it for a quiz" % (pre, body)


def l_vb(rng, e, env):
    ee = prep(e, N_VB)
    body = render(ee, N_VB, vatom("True", "False"))[0]
    lines = ["Module Program", "    Sub Main()"]
    lines += ["        Dim %s As Boolean = %s" % (n, tf(env[n], "True", "False")) for n in env]
    lines += ["        Console.WriteLine(%s)" % body, "    End Sub", "End Module"]
    return "```vbnet\n%s\n```\nWhat does the console show?" % "\n".join(lines)


def l_matlab(rng, e, env):
    ee = prep(e, N_MATLAB)
    body = render(ee, N_MATLAB, vatom("true", "false"))[0]
    lines = [">> %s = %s;" % (n, tf(env[n])) for n in env] + [">> r = %s" % body]
    return "MATLAB command window:\n" + "\n".join(lines) + "\nIs r displayed as logical 1 (true) or logical 0 (false)?"


def l_kotlin(rng, e, env):
    ee = prep(e, N_KOTLIN)
    body = render(ee, N_KOTLIN, vatom("true", "false"))[0]
    lines = ["fun main() {"] + ["    val %s = %s" % (n, tf(env[n])) for n in env] + ["    println(%s)" % body, "}"]
    return "```kotlin\n%s\n```\nWhat is printed? (remember Kotlin's infix functions and/or/xor)" % "\n".join(lines)


def l_perl(rng, e, env):
    ee = prep(e, N_PERL)
    body = render(ee, N_PERL, vatom("1", "0", "$%s"))[0]
    lines = ["use strict;"] + ["my $%s = %d;" % (n, int(env[n])) for n in env]
    lines.append('print( (%s) ? "yes\\n" : "no\\n" );' % body)
    return "```perl\n%s\n```\nDoes this print yes?" % "\n".join(lines)


def l_elixir(rng, e, env):
    ee = prep(e, N_ELIXIR)
    body = render(ee, N_ELIXIR, vatom("true", "false"))[0]
    lines = ["iex(%d)> %s = %s" % (i + 1, n, tf(env[n])) for i, n in enumerate(env)]
    lines.append("iex(%d)> %s" % (len(env) + 1, body))
    return "\n".join(lines) + "\nWhat does iex return for the last line?"


def l_negated(rng, e, env):
    ee = prep(e, N_MATH)
    facts = []
    for n in env:
        facts.append(rng.choice(["%s is not %s" % (n, tf(not env[n])), "%s is %s" % (n, tf(env[n])),
                                 "it is not the case that %s is %s" % (n, tf(not env[n]))]))
    wrap = rng.random() < 0.5
    askfalse = rng.random() < 0.3
    if wrap:
        e2 = ("not", e)
        body = "it is not the case that [%s]" % render(ee, N_MATH, vatom("⊤", "⊥"))[0]
    else:
        e2 = e
        body = render(ee, N_MATH, vatom("⊤", "⊥"))[0]
    fs = ("Suppose " + ", ".join(facts) + ". ") if facts else ""
    if askfalse:
        return fs + "Is the following false: %s?" % body, ("not", e2)
    return fs + "Is the following true: %s?" % body, e2


def l_contra(rng, e, env):
    names = list(env)
    x = rng.choice(names)
    ee = prep(e, N_MATH)
    body = render(ee, N_MATH, vatom("1", "0"))[0]
    kind = rng.randint(0, 2)
    if kind == 0:
        facts = ["%s = %d" % (n, int(env[n])) for n in names]
        facts.insert(rng.randint(0, len(facts)), "%s = %d" % (x, int(not env[x])))
        return "Given %s, evaluate %s." % (", ".join(facts), body)
    if kind == 1:
        facts = ["%s is %s" % (n, tf(env[n])) for n in names]
        facts.append("%s is not %s" % (x, tf(env[x])))
        return "We know that %s. What is the value of %s?" % ("; ".join(facts), body)
    facts = ["%s := %s" % (n, tf(env[n], "T", "F")) for n in names]
    return ("Assignment: %s. Later in the same problem statement: %s := %s (no reassignment is intended; "
            "both are premises). Evaluate %s." % (", ".join(facts), x, tf(not env[x], "T", "F"), body))


def l_dimacs(rng, want, attempt_seed):
    pass  # handled separately in make_logic_item


LOGIC_STYLES = [
    # name, renderer, var pool (None = constants only), depth range, const prob, holdout_only
    ("python_any_all", l_python_any, VARS_LONG, (1, 6), 0.1, False),
    ("bash_arith_if", l_bash, VARS_LONG, (1, 6), 0.1, False),
    ("cpp_alt_tokens", l_cpp, VARS_LONG, (1, 7), 0.1, False),
    ("truth_table_row", l_truth_table, VARS_SHORT, (1, 5), 0.0, False),
    ("dimacs_cnf", None, None, (2, 2), 0.0, False),
    ("polish_notation", l_polish, VARS_SHORT, (1, 7), 0.15, False),
    ("rpn_postfix", l_rpn, VARS_SHORT, (1, 7), 0.15, False),
    ("ocaml_toplevel", l_ocaml, VARS_LONG, (1, 6), 0.1, False),
    ("lua_print", l_lua, VARS_LONG, (1, 7), 0.1, False),
    ("go_program", l_go, VARS_LONG, (1, 6), 0.1, False),
    ("r_console", l_r, VARS_LONG, (1, 6), 0.1, False),
    ("gate_netlist", l_gates, ["A", "B", "C", "D", "E", "F"], (1, 7), 0.0, False),
    ("access_policy", l_policy, [a for a, _ in POLICY_ATTRS], (1, 4), 0.0, False),
    ("agent_tool_json", l_tooljson, VARS_SHORT + ["x", "y", "z"], (1, 8), 0.15, False),
    ("lean_eval", l_lean, VARS_LONG, (1, 6), 0.1, False),
    ("sympy_code", l_sympy, VARS_SHORT + ["x", "y", "z"], (1, 7), 0.1, False),
    ("sheffer_peirce", l_sheffer, None, (1, 6), 1.0, False),
    ("chat_slang", l_slang, VARS_SHORT, (1, 5), 0.2, False),
    ("visual_basic", l_vb, VARS_LONG, (1, 6), 0.1, False),
    ("negated_facts", l_negated, VARS_SHORT, (1, 5), 0.0, False),
    ("contradiction", l_contra, VARS_SHORT, (1, 5), 0.0, False),
    # holdout-only
    ("matlab_logical", l_matlab, VARS_LONG, (1, 6), 0.1, True),
    ("kotlin_infix", l_kotlin, VARS_LONG, (1, 6), 0.1, True),
    ("perl_low_precedence", l_perl, VARS_LONG, (1, 6), 0.1, True),
    ("elixir_iex", l_elixir, VARS_LONG, (1, 6), 0.1, True),
]


def vars_in(e, out):
    if e[0] == "var":
        out.add(e[1])
    elif e[0] == "not":
        vars_in(e[1], out)
    elif e[0] != "const":
        for c in e[1]:
            vars_in(c, out)
    return out


def make_dimacs(rng, want):
    nv = rng.randint(3, 8)
    clauses = []
    for _ in range(rng.randint(2, 9)):
        k = rng.randint(1, 4)
        vs = rng.sample(range(1, nv + 1), min(k, nv))
        clauses.append([v if rng.random() < 0.5 else -v for v in vs])
    env = {v: rng.random() < 0.5 for v in range(1, nv + 1)}
    e = ("and", [("or", [("var", "v%d" % abs(l)) if l > 0 else ("not", ("var", "v%d" % abs(l))) for l in c])
                 for c in clauses])
    venv = {"v%d" % k: b for k, b in env.items()}
    lines = ["c generated instance", "p cnf %d %d" % (nv, len(clauses))]
    lines += [" ".join(str(l) for l in c) + " 0" for c in clauses]
    asg = " ".join(str(v if env[v] else -v) for v in range(1, nv + 1))
    text = ("```\n%s\n```\nCandidate model (positive = true, negative = false): v %s 0\n"
            "Does this assignment satisfy every clause of the CNF above?" % ("\n".join(lines), asg))
    return text, e, venv


def make_logic_item(style, idx, want):
    name, fn, pool, (dlo, dhi), constp, _ = style
    for attempt in range(600):
        rng = R("logic", name, idx, attempt)
        if name == "dimacs_cnf":
            text, e, env = make_dimacs(rng, want)
            lab = ev(e, env)
            if lab != want:
                continue
            assert eval(py_full(e), {}, dict(env)) == lab
            return text, lab
        d = rng.randint(dlo, dhi)
        if pool is None:
            atoms = [("const", True), ("const", False)]
            names = []
        else:
            names = pick_vars(rng, pool, 3 if name == "access_policy" else (1 if d <= 2 else 2), min(5, len(pool)))
            atoms = [("var", n) for n in names]
            if constp and rng.random() < constp * 3:
                atoms = atoms + [("const", True), ("const", False)]
            if constp >= 1.0:
                atoms = [("const", True), ("const", False)]
        ops = ALL_OPS
        if name == "access_policy":
            ops = ["not", "and", "or", "and", "or", "implies", "xor"]
        e = gen_expr(rng, d, atoms, ops)
        used = vars_in(e, set())
        env = OrderedDict((n, rng.random() < 0.5) for n in names if n in used)
        order = list(env)
        rng.shuffle(order)
        env = OrderedDict((n, env[n]) for n in order)
        if name == "negated_facts":
            text, e_eff = fn(rng, e, env)
        else:
            text = fn(rng, e, env)
            e_eff = e
        val = ev(e_eff, env)
        # cross-checks: fully parenthesised python, and python minimal-bracket rendering
        assert eval(py_full(e_eff), {}, dict(env)) == val
        assert eval(render(prep(e_eff, N_PY), N_PY, vatom("True", "False"))[0], {}, dict(env)) == val
        for N in (N_C, N_LUA, N_R, N_VB, N_MATH, N_SYMPY, N_KOTLIN):
            assert ev(prep(e_eff, N), env) == val
        if name == "contradiction":
            if not env:
                continue
            lab = None
        else:
            lab = val
            if lab != want:
                continue
        if len(text) > MAX_CHARS:
            continue
        return text, lab
    raise RuntimeError("logic item %s %d" % (name, idx))


# ===========================================================================
# KINSHIP
# ===========================================================================
KIN_LABELS = ["mother", "father", "daughter", "son", "sister", "brother", "wife", "husband", "grandmother",
              "grandfather", "granddaughter", "grandson", "great-grandmother", "great-grandfather",
              "great-granddaughter", "great-grandson", "aunt", "uncle", "niece", "nephew", "great-aunt",
              "great-uncle", "first cousin", "first cousin once removed", "second cousin", "mother-in-law",
              "father-in-law", "daughter-in-law", "son-in-law", "sister-in-law", "brother-in-law"]
FEM_LABELS = [l for l in KIN_LABELS if any(w in l for w in ("mother", "daughter", "sister", "wife", "aunt", "niece"))]
MALE_LABELS = [l for l in KIN_LABELS if any(w in l for w in ("father", "son", "brother", "husband", "uncle", "nephew"))
               and l not in FEM_LABELS]
NEUTRAL_LABELS = ["first cousin", "first cousin once removed", "second cousin"]
assert set(FEM_LABELS) | set(MALE_LABELS) | set(NEUTRAL_LABELS) == set(KIN_LABELS)
assert not (set(FEM_LABELS) & set(MALE_LABELS))

WORD = {"parent": {"f": "mother", "m": "father"}, "child": {"f": "daughter", "m": "son"},
        "spouse": {"f": "wife", "m": "husband"}, "sibling": {"f": "sister", "m": "brother"}}
BLOOD = {("anc", 1): ("mother", "father"), ("anc", 2): ("grandmother", "grandfather"),
         ("anc", 3): ("great-grandmother", "great-grandfather"), ("desc", 1): ("daughter", "son"),
         ("desc", 2): ("granddaughter", "grandson"), ("desc", 3): ("great-granddaughter", "great-grandson"),
         ("coll", 1, 1): ("sister", "brother"), ("coll", 1, 2): ("aunt", "uncle"),
         ("coll", 2, 1): ("niece", "nephew"), ("coll", 1, 3): ("great-aunt", "great-uncle"),
         ("coll", 2, 2): ("first cousin",), ("coll", 2, 3): ("first cousin once removed",),
         ("coll", 3, 2): ("first cousin once removed",), ("coll", 3, 3): ("second cousin",)}


class Contradiction(Exception):
    pass


class KinModel:
    """Solver over rendered facts: ('parent', p, c), ('spouse', a, b), ('sibling', a, b),
    ('sex', x, 'f'|'m'), ('not', x, label, y)."""

    def __init__(self, facts):
        self.sex = {}
        self.parents = {}
        self.spouses = {}
        negs = []
        sib_pairs = []
        for f in facts:
            k = f[0]
            if k == "sex":
                if self.sex.get(f[1], f[2]) != f[2]:
                    raise Contradiction("sex")
                self.sex[f[1]] = f[2]
            elif k == "parent":
                if f[1] == f[2]:
                    raise Contradiction("self parent")
                self.parents.setdefault(f[2], set()).add(f[1])
            elif k == "spouse":
                if f[1] == f[2]:
                    raise Contradiction("self spouse")
                self.spouses.setdefault(f[1], set()).add(f[2])
                self.spouses.setdefault(f[2], set()).add(f[1])
            elif k == "sibling":
                sib_pairs.append((f[1], f[2]))
            elif k == "not":
                negs.append(f)
            else:
                raise ValueError(f)
        # sibling groups -> shared (possibly virtual) parents
        root = {}

        def find(x):
            while root.get(x, x) != x:
                x = root[x]
            return x
        for a, b in sib_pairs:
            if a == b:
                raise Contradiction("self sibling")
            ra, rb = find(a), find(b)
            if ra != rb:
                root[ra] = rb
        groups = {}
        for a, b in sib_pairs:
            for x in (a, b):
                groups.setdefault(find(x), set()).add(x)
        for r, mem in sorted(groups.items()):
            ps = set()
            for m in mem:
                ps |= self.parents.get(m, set())
            if len(ps) > 2:
                raise Contradiction("sibling parents")
            ps = sorted(ps)
            i = 0
            while len(ps) < 2:
                ps.append("?%s#%d" % (r, i))
                i += 1
            for m in mem:
                self.parents[m] = set(ps)
        for c, ps in self.parents.items():
            if len(ps) > 2:
                raise Contradiction("three parents")
            sx = [self.sex.get(p) for p in ps]
            if len(ps) == 2 and sx[0] is not None and sx[0] == sx[1]:
                raise Contradiction("two mothers/fathers")
        for x, sp in self.spouses.items():
            if len(sp) > 1:
                raise Contradiction("two spouses")
        self._anc = {}
        for x in list(self.parents):
            if x in self.anc(x) and self.anc(x)[x] > 0:
                raise Contradiction("cycle")
        for f in negs:
            if f[2] in self.relations(f[1], f[3]):
                raise Contradiction("negated fact holds")

    def anc(self, x):
        if x in self._anc:
            return self._anc[x]
        d = {x: 0}
        dq = deque([x])
        while dq:
            u = dq.popleft()
            for p in sorted(self.parents.get(u, ())):
                if p not in d:
                    d[p] = d[u] + 1
                    dq.append(p)
                elif p == x:
                    d[p] = -1
        self._anc[x] = d
        return d

    def blood(self, x, y):
        ax, ay = self.anc(x), self.anc(y)
        if x == y:
            return ("self",)
        if y in ax:
            return ("desc", ax[y])
        if x in ay:
            return ("anc", ay[x])
        common = set(ax) & set(ay)
        if not common:
            return None
        best = min(ax[c] + ay[c] for c in common)
        splits = {(ax[c], ay[c]) for c in common if ax[c] + ay[c] == best}
        if len(splits) != 1:
            return ("weird",)
        dx, dy = splits.pop()
        return ("coll", dx, dy)

    def lab(self, key, x):
        if key not in BLOOD:
            return "other"
        opts = BLOOD[key]
        if len(opts) == 1:
            return opts[0]
        s = self.sex.get(x)
        if s is None:
            return "nosex"
        return opts[0] if s == "f" else opts[1]

    def relations(self, x, y):
        out = set()
        b = self.blood(x, y)
        if b is not None:
            out.add(self.lab(b, x))
        if y in self.spouses.get(x, ()):
            out.add({"f": "wife", "m": "husband"}.get(self.sex.get(x), "nosex"))
        for z in sorted(self.spouses.get(y, ())):
            bz = self.blood(x, z)
            if bz == ("anc", 1):
                out.add({"f": "mother-in-law", "m": "father-in-law"}.get(self.sex.get(x), "nosex"))
            elif bz == ("coll", 1, 1):
                out.add({"f": "sister-in-law", "m": "brother-in-law"}.get(self.sex.get(x), "nosex"))
        for z in sorted(self.spouses.get(x, ())):
            bz = self.blood(z, y)
            if bz == ("desc", 1):
                out.add({"f": "daughter-in-law", "m": "son-in-law"}.get(self.sex.get(x), "nosex"))
            elif bz == ("coll", 1, 1):
                out.add({"f": "sister-in-law", "m": "brother-in-law"}.get(self.sex.get(x), "nosex"))
        return out


def kin_answer(facts, S, A, asked=None):
    """Label: relation string for open questions, bool for yes/no, None on contradiction.
    Raises ValueError when the facts do not determine a single relation."""
    try:
        m = KinModel(facts)
    except Contradiction:
        return None
    rels = m.relations(S, A)
    if len(rels) != 1:
        raise ValueError("undetermined %r" % (rels,))
    r = rels.pop()
    if r not in KIN_LABELS:
        raise ValueError("unlabelled %r" % r)
    if asked is None:
        return r
    return r == asked


# ---- family trees ----------------------------------------------------------

def gen_family(rng):
    fem, mal = list(FEMALE), list(MALE)
    rng.shuffle(fem)
    rng.shuffle(mal)
    P = {}

    def new(sex, surname, parents=()):
        name = (fem if sex == "f" else mal).pop()
        P[name] = {"sex": sex, "surname": surname, "parents": list(parents), "spouse": None, "gen": 0}
        return name

    def marry(a, b):
        P[a]["spouse"] = b
        P[b]["spouse"] = a

    sur = list(SURNAMES)
    rng.shuffle(sur)
    h = new("m", sur.pop())
    w = new("f", P[h]["surname"])
    marry(h, w)
    couples = [(h, w)]
    for gen in (1, 2, 3):
        nxt = []
        for a, b in couples:
            fa, mo = (a, b) if P[a]["sex"] == "m" else (b, a)
            k = rng.randint(2, 3) if gen == 1 else rng.randint(1, 3 if gen == 2 else 2)
            for _ in range(k):
                c = new(rng.choice("fm"), P[fa]["surname"], (mo, fa))
                P[c]["gen"] = gen
                if gen < 3 and rng.random() < 0.8:
                    sp = new("m" if P[c]["sex"] == "f" else "f", sur.pop())
                    P[sp]["gen"] = gen
                    marry(c, sp)
                    if rng.random() < 0.4:
                        pf = new("m", P[sp]["surname"])
                        pm = new("f", P[sp]["surname"])
                        marry(pf, pm)
                        P[pf]["gen"] = P[pm]["gen"] = gen - 1
                        P[sp]["parents"] = [pm, pf]
                        if rng.random() < 0.5:
                            sib = new(rng.choice("fm"), P[pf]["surname"], (pm, pf))
                            P[sib]["gen"] = gen
                    if P[c]["sex"] == "m":
                        P[sp]["surname"] = P[c]["surname"]
                    nxt.append((c, sp))
        couples = nxt
    return P


def full_facts(P, people=None):
    people = set(P) if people is None else set(people)
    facts = []
    for x in sorted(people):
        facts.append(("sex", x, P[x]["sex"]))
        for p in P[x]["parents"]:
            if p in people:
                facts.append(("parent", p, x))
        sp = P[x]["spouse"]
        if sp in people and x < sp:
            facts.append(("spouse", x, sp))
    return facts


def up_path(P, x, target):
    """Persons on a parent-path from x up to target (inclusive)."""
    prev = {x: None}
    dq = deque([x])
    while dq:
        u = dq.popleft()
        if u == target:
            break
        for p in P[u]["parents"]:
            if p not in prev:
                prev[p] = u
                dq.append(p)
    out = []
    u = target
    while u is not None:
        out.append(u)
        u = prev[u]
    return out  # target ... x


def explain(P, M, S, A):
    """Minimal set of people whose links establish S's relation to A (+ sibling-collapse info)."""
    need = {S, A}
    collapse = None
    pairs = [(S, A)]
    if A in (P[S]["spouse"],):
        return need, None
    for z in [P[A]["spouse"]]:
        if z and M.blood(S, z) in (("anc", 1), ("coll", 1, 1)):
            need.add(z)
            pairs = [(S, z)]
    for z in [P[S]["spouse"]]:
        if z and M.blood(z, A) in (("desc", 1), ("coll", 1, 1)):
            need.add(z)
            pairs = [(z, A)]
    x, y = pairs[0]
    b = M.blood(x, y)
    if b[0] == "anc":
        need.update(up_path(P, y, x))
    elif b[0] == "desc":
        need.update(up_path(P, x, y))
    else:
        ax, ay = M.anc(x), M.anc(y)
        best = min(ax[c] + ay[c] for c in set(ax) & set(ay))
        cas = sorted(c for c in set(ax) & set(ay) if ax[c] + ay[c] == best)
        px = up_path(P, x, cas[0])
        py = up_path(P, y, cas[0])
        need.update(px)
        need.update(py)
        need.update(cas)
        # children of the common ancestors on each side
        collapse = (cas, px[1], py[1])
    return need, collapse


def pick_people(rng, P, M, S, A, allow_collapse, n_extra):
    need, collapse = explain(P, M, S, A)
    sib_edge = None
    banned = set()
    if allow_collapse and collapse and rng.random() < 0.4:
        cas, cx, cy = collapse
        if not (set(cas) & {S, A}) and cx != cy:
            need -= set(cas)
            banned = set(cas)
            sib_edge = (cx, cy)
    kept = set(need)
    for _ in range(n_extra):
        cand = set()
        for x in kept:
            for p in P[x]["parents"]:
                cand.add(p)
            if P[x]["spouse"]:
                cand.add(P[x]["spouse"])
        for y in P:
            if any(p in kept for p in P[y]["parents"]):
                cand.add(y)
        cand -= kept | banned
        if sib_edge:
            # never re-link the collapsed siblings through a parent
            cand = {c for c in cand if not (set(P[c]["parents"]) & banned)}
        if not cand:
            break
        kept.add(rng.choice(sorted(cand)))
    return kept, sib_edge


class KinCtx:
    def __init__(self, rng, P, kept, sib_edge, S, A):
        self.rng, self.P, self.S, self.A = rng, P, S, A
        self.kept = sorted(kept)
        rng.shuffle(self.kept)
        self.edges = []
        for x in self.kept:
            for p in P[x]["parents"]:
                if p in kept:
                    self.edges.append(("parent", p, x))
            sp = P[x]["spouse"]
            if sp in kept and x < sp:
                self.edges.append(("spouse", x, sp))
        if sib_edge:
            self.edges.append(("sibling",) + tuple(sib_edge))
        rng.shuffle(self.edges)
        self.facts = []

    def sex(self, x):
        return self.P[x]["sex"]

    def say(self, x, kind, y):
        """x is y's <kind-word>; records the structural fact and x's sex."""
        w = WORD[kind][self.sex(x)]
        self.facts.append(("sex", x, self.sex(x)))
        if kind == "parent":
            self.facts.append(("parent", x, y))
        elif kind == "child":
            self.facts.append(("parent", y, x))
        elif kind == "spouse":
            self.facts.append(("spouse", x, y))
        else:
            self.facts.append(("sibling", x, y))
        return w

    def orient(self, e, first=None):
        """Return (x, kind, y) for an edge, x = first if given and involved."""
        k, a, b = e
        opts = []
        if k == "parent":
            opts = [(a, "parent", b), (b, "child", a)]
        elif k == "spouse":
            opts = [(a, "spouse", b), (b, "spouse", a)]
        else:
            opts = [(a, "sibling", b), (b, "sibling", a)]
        if first is not None:
            f = [o for o in opts if o[0] == first]
            if f:
                return f[0]
        return self.rng.choice(opts)

    def triples(self):
        """Oriented triples; the question subject gets a gendered word at least once."""
        out = []
        s_done = False
        for e in self.edges:
            first = None
            if not s_done and self.S in e[1:]:
                first = self.S
                s_done = True
            out.append(self.orient(e, first))
        return out

    def table_facts(self):
        for x in self.kept:
            self.facts.append(("sex", x, self.sex(x)))
        for e in self.edges:
            assert e[0] != "sibling"
            self.facts.append(e)

    def families(self):
        """[(father|None, mother|None, married, [children])] from kept parent/spouse links."""
        fam = OrderedDict()
        for x in self.kept:
            ps = [p for p in self.P[x]["parents"] if p in self.kept]
            if ps:
                fa = [p for p in ps if self.sex(p) == "m"]
                mo = [p for p in ps if self.sex(p) == "f"]
                key = (fa[0] if fa else None, mo[0] if mo else None)
                fam.setdefault(key, []).append(x)
        out = []
        for (fa, mo), kids in fam.items():
            out.append([fa, mo, fa is not None and mo is not None and self.P[fa]["spouse"] == mo, kids])
        for e in self.edges:
            if e[0] == "spouse":
                a, b = e[1], e[2]
                fa, mo = (a, b) if self.sex(a) == "m" else (b, a)
                if not any(f[0] == fa and f[1] == mo for f in out):
                    out.append([fa, mo, True, []])
                else:
                    for f in out:
                        if f[0] == fa and f[1] == mo:
                            f[2] = True
        for f in out:
            if f[0] is not None and f[1] is not None and not f[2]:
                f[2] = self.P[f[0]]["spouse"] == f[1]
        return out

    def fam_facts(self, fams):
        seen = set()
        for x in self.kept:
            self.facts.append(("sex", x, self.sex(x)))
        for fa, mo, married, kids in fams:
            if married and fa and mo:
                self.facts.append(("spouse", fa, mo))
            for k in kids:
                for p in (fa, mo):
                    if p:
                        self.facts.append(("parent", p, k))

    def full(self, x):
        return "%s %s" % (x, self.P[x]["surname"])


def q_open(rng, S, A):
    return rng.choice(["How is %s related to %s?", "What is %s to %s?", "What relation is %s to %s?",
                       "%s is %s's what?", "What is %s's relationship to %s?",
                       "What kinship term describes %s with respect to %s?"]) % (S, A)


def q_yes(rng, S, A, lab):
    art = "an" if lab[0] in "aeiou" else "a"
    return rng.choice(["Is %s %s's %s?" % (S, A, lab), "Is it true that %s is the %s of %s?" % (S, lab, A),
                       "True or false: %s is %s's %s." % (S, A, lab),
                       "Would you call %s %s %s of %s?" % (S, art, lab, A)])


# ---- kinship renderers -----------------------------------------------------
# each: (ctx) -> body text ; ctx.facts collects what was stated

def k_gedcom(c):
    fams = c.families()
    ids = {x: "@I%d@" % (i + 1) for i, x in enumerate(c.kept)}
    fids = {}
    lines = ["0 HEAD", "1 GEDC", "2 VERS 5.5.1", "1 CHAR UTF-8"]
    famc, fams_of = {}, {}
    for i, f in enumerate(fams):
        fid = "@F%d@" % (i + 1)
        for k in f[3]:
            famc[k] = fid
        for p in f[:2]:
            if p and (f[2] or f[3]):
                fams_of.setdefault(p, []).append(fid)
        fids[i] = fid
    for x in c.kept:
        lines += ["0 %s INDI" % ids[x], "1 NAME %s /%s/" % (x, c.P[x]["surname"]),
                  "1 SEX %s" % c.sex(x).upper()]
        if x in famc:
            lines.append("1 FAMC %s" % famc[x])
        for fid in fams_of.get(x, []):
            lines.append("1 FAMS %s" % fid)
    for i, (fa, mo, married, kids) in enumerate(fams):
        lines.append("0 %s FAM" % fids[i])
        if fa:
            lines.append("1 HUSB %s" % ids[fa])
        if mo:
            lines.append("1 WIFE %s" % ids[mo])
        if married and fa and mo:
            lines.append("1 MARR")
        for k in kids:
            lines.append("1 CHIL %s" % ids[k])
    lines.append("0 TRLR")
    c.fam_facts([(fa, mo, married and fa and mo, kids) for fa, mo, married, kids in fams])
    c.qname = c.full
    return "GEDCOM export:\n" + "\n".join(lines)


def k_sql(c):
    ids = {x: i + 1 for i, x in enumerate(c.kept)}
    rows = []
    for x in c.kept:
        ps = [p for p in c.P[x]["parents"] if p in c.kept]
        mo = [p for p in ps if c.sex(p) == "f"]
        fa = [p for p in ps if c.sex(p) == "m"]
        sp = c.P[x]["spouse"] if c.P[x]["spouse"] in c.kept else None
        rows.append("(%d, '%s', '%s', %s, %s, %s)" % (
            ids[x], c.full(x), c.sex(x).upper(), ids[mo[0]] if mo else "NULL", ids[fa[0]] if fa else "NULL",
            ids[sp] if sp else "NULL"))
    c.table_facts()
    c.qname = c.full
    return ("CREATE TABLE person (id INT PRIMARY KEY, name TEXT, sex CHAR(1), mother_id INT, father_id INT, spouse_id INT);\n"
            "INSERT INTO person VALUES\n  " + ",\n  ".join(rows) + ";")


def k_python(c):
    order = []
    seen = set()

    def visit(x):
        if x in seen:
            return
        seen.add(x)
        for p in c.P[x]["parents"]:
            if p in c.kept:
                visit(p)
        order.append(x)
    for x in c.kept:
        visit(x)
    lines = ["from dataclasses import dataclass, field", "", "@dataclass", "class Person:", "    name: str",
             "    sex: str  # 'F' or 'M'", "    mother: 'Person | None' = None", "    father: 'Person | None' = None",
             "    spouse: 'Person | None' = None", ""]
    var = {x: x.lower() for x in c.kept}
    for x in order:
        ps = [p for p in c.P[x]["parents"] if p in c.kept]
        args = ['"%s"' % x, '"%s"' % c.sex(x).upper()]
        for p in ps:
            args.append("%s=%s" % ("mother" if c.sex(p) == "f" else "father", var[p]))
        lines.append("%s = Person(%s)" % (var[x], ", ".join(args)))
    for e in c.edges:
        if e[0] == "spouse":
            lines.append("%s.spouse, %s.spouse = %s, %s" % (var[e[1]], var[e[2]], var[e[2]], var[e[1]]))
    c.table_facts()
    return "```python\n" + "\n".join(lines) + "\n```"


def k_tsv(c):
    lines = ["Name\tSex\tMother\tFather\tSpouse"]
    for x in c.kept:
        ps = [p for p in c.P[x]["parents"] if p in c.kept]
        mo = [p for p in ps if c.sex(p) == "f"]
        fa = [p for p in ps if c.sex(p) == "m"]
        sp = c.P[x]["spouse"] if c.P[x]["spouse"] in c.kept else ""
        lines.append("%s\t%s\t%s\t%s\t%s" % (x, c.sex(x).upper(), mo[0] if mo else "", fa[0] if fa else "", sp))
    c.table_facts()
    return "(pasted from the family spreadsheet)\n" + "\n".join(lines)


def k_outline(c):
    fams = c.families()
    is_child = {}
    for i, f in enumerate(fams):
        for k in f[3]:
            is_child[k] = i
    printed = set()
    lines = []
    emitted = []

    def fam_of_parent(x):
        return [i for i, f in enumerate(fams) if x in f[:2]]

    def show(x, ind, famidx):
        f = fams[famidx] if famidx is not None else None
        sx = c.sex(x)
        s = "%s- %s (%s)" % ("  " * ind, x, sx)
        if f is not None:
            other = f[1] if f[0] == x else f[0]
            if other and f[2]:
                s += " ⚭ %s (%s)" % (other, c.sex(other))
        lines.append(s)

    def rec(fi, ind):
        printed.add(fi)
        fa, mo, married, kids = fams[fi]
        for k in kids:
            own = [j for j in fam_of_parent(k)]
            if own and own[0] not in printed:
                show(k, ind, own[0])
                rec(own[0], ind + 1)
            elif own:
                lines.append("%s- %s (%s) — see above" % ("  " * ind, k, c.sex(k)))
            else:
                show(k, ind, None)
    roots = [i for i, f in enumerate(fams) if not any(p in is_child for p in f[:2] if p)]
    for i in roots:
        fa, mo = fams[i][0], fams[i][1]
        head = fa or mo
        if fa and mo:
            lines.append("- %s (m) %s %s (f)" % (fa, "⚭" if fams[i][2] else "&", mo))
        else:
            lines.append("- %s (%s)" % (head, c.sex(head)))
        rec(i, 1)
    for i in range(len(fams)):
        assert i in printed, "outline missed a family"
    c.fam_facts(fams)
    return ("Family outline (⚭ = married; children are indented under their parents; m/f = male/female):\n"
            + "\n".join(lines))


def k_register(c):
    fams = c.families()
    out = []
    for i, (fa, mo, married, kids) in enumerate(fams):
        if fa and mo:
            head = "%d. %s (m) %s %s (f)." % (i + 1, c.full(fa), "married" if married else "and", c.full(mo))
        else:
            p = fa or mo
            head = "%d. %s (%s)." % (i + 1, c.full(p), c.sex(p))
        if kids:
            roman = ["i", "ii", "iii", "iv", "v", "vi"]
            head += " Children: " + "; ".join("%s. %s (%s)" % (roman[j], c.full(k), c.sex(k)) for j, k in enumerate(kids)) + "."
        else:
            head += " No children recorded."
        out.append(head)
    c.fam_facts(fams)
    c.qname = c.full
    return "Family group register (compiled from parish records):\n" + "\n".join(out)


def k_rdf(c):
    pred = {"mother": "hasMother", "father": "hasFather", "daughter": "hasDaughter", "son": "hasSon",
            "wife": "hasWife", "husband": "hasHusband", "sister": "hasSister", "brother": "hasBrother"}
    lines = ["@prefix : <http://example.org/family#> ."]
    for x, k, y in c.triples():
        w = c.say(x, k, y)
        lines.append(":%s :%s :%s ." % (y, pred[w], x))
    return "```turtle\n" + "\n".join(lines) + "\n```"


def k_arrows(c):
    lines = []
    for x, k, y in c.triples():
        w = c.say(x, k, y)
        lines.append(c.rng.choice(["%s --%s of--> %s", "%s -[%s of]-> %s"]) % (x, w, y))
    return "Edges (read 'A --mother of--> B' as 'A is the mother of B'):\n" + "\n".join(lines)


CHAT_FILLER = ["lol ok", "brb", "who's bringing the cake?", "can't wait for sunday", "👍", "send pics!",
               "is the barbecue still on?", "traffic is terrible"]


def k_chat(c):
    msgs = []
    for x, k, y in c.triples():
        w = c.say(x, k, y)
        if c.rng.random() < 0.5:
            msgs.append("[%s] I'm %s's %s, for those who don't know me" % (x, y, w)
                        if c.rng.random() < 0.5 else "[%s] hi all, %s here — %s's %s" % (x, x, y, w))
        else:
            msgs.append("[%s] %s is my %s btw" % (y, x, w) if c.rng.random() < 0.5
                        else "[%s] adding my %s %s to the chat" % (y, w, x))
        if c.rng.random() < 0.3:
            msgs.append("[%s] %s" % (c.rng.choice(c.kept), c.rng.choice(CHAT_FILLER)))
    return "Family group chat (each line is [sender] message):\n" + "\n".join(msgs)


def k_cast(c):
    by = OrderedDict()
    for x, k, y in c.triples():
        w = c.say(x, k, y)
        by.setdefault(x, []).append("%s of %s" % (w, y))
    lines = ["DRAMATIS PERSONAE", ""]
    for x in c.kept:
        if x in by:
            lines.append("%s, %s." % (x.upper(), " and ".join(by[x])))
        else:
            lines.append("%s." % x.upper())
    return "\n".join(lines) + "\n\nThe scene is a country house in autumn. (Names in the play are written in capitals; answer with ordinary capitalisation.)"


def k_scratch(c):
    by = OrderedDict()
    for x, k, y in c.triples():
        w = c.say(x, k, y)
        by.setdefault(y, OrderedDict()).setdefault(w, []).append(x)
    lines = []
    for y, d in by.items():
        obs = {w: (v[0] if len(v) == 1 else v) for w, v in d.items()}
        lines.append("Action: lookup_relatives(%s)" % json.dumps(y))
        lines.append("Observation: " + json.dumps(obs))
    return ("Thought: I need the family links before I can answer. Each observation maps a relation word to the "
            "person who holds that relation to the looked-up person.\n" + "\n".join(lines) +
            "\nThought: that should be everything we have.")


SHORT = {"mother": "mom", "father": "dad", "daughter": "daughter", "son": "son", "wife": "wife",
         "husband": "hubby", "sister": "sis", "brother": "bro"}


def k_short(c):
    parts = []
    for x, k, y in c.triples():
        w = c.say(x, k, y)
        sw = SHORT[w]
        parts.append(c.rng.choice(["%s = %s's %s" % (x.lower(), y.lower(), sw),
                                   "%s's %s: %s" % (y.lower(), sw, x.lower()),
                                   "%s is %s's %s" % (x.lower(), y.lower(), sw)]))
    c.qlower = True
    return "notes 4 the reunion seating: " + ". ".join(parts) + "."


def center_pick(c, want_child=False):
    cands = [x for x in c.kept if any(x in e[1:] for e in c.edges)]
    if want_child:
        cc = [x for x in cands if any(p in c.kept for p in c.P[x]["parents"])]
        cands = cc or cands
    return c.rng.choice(sorted(cands))


def center_split(c, ctr):
    mine, other = [], []
    for e in c.edges:
        (mine if ctr in e[1:] else other).append(e)
    return mine, other


def rel_of_other(c, e, ctr):
    """For an edge with the centre: (other person, kind of other relative to centre)."""
    k, a, b = e
    o = b if a == ctr else a
    if k == "parent":
        return o, ("parent" if a == o else "child")
    return o, k


def plain_sentence(c, x, k, y):
    w = c.say(x, k, y)
    return c.rng.choice(["%s is %s's %s." % (x, y, w), "%s's %s is %s." % (y, w, x), "%s is the %s of %s." % (x, w, y)])


def others_sentences(c, edges):
    out = []
    sdone = False
    for e in edges:
        first = None
        if not sdone and c.S in e[1:]:
            first, sdone = c.S, True
        x, k, y = c.orient(e, first)
        out.append(plain_sentence(c, x, k, y))
    return out


def k_school(c):
    ctr = center_pick(c, True)
    mine, other = center_split(c, ctr)
    c.facts.append(("sex", ctr, c.sex(ctr)))
    lines = ["GREENFIELD PRIMARY — STUDENT CONTACT FORM", "Student name: %s %s" % (ctr, c.P[ctr]["surname"]),
             "Sex: %s" % {"f": "Female", "m": "Male"}[c.sex(ctr)]]
    for e in mine:
        o, k = rel_of_other(c, e, ctr)
        w = c.say(o, k, ctr)
        lines.append("Contact: %s — relationship to student: %s" % (o, w))
    if other:
        lines.append("Office notes: " + " ".join(others_sentences(c, other)))
    return "\n".join(lines)


def k_hospital(c):
    ctr = center_pick(c)
    mine, other = center_split(c, ctr)
    c.facts.append(("sex", ctr, c.sex(ctr)))
    lines = ["PATIENT: %s %s (%s)" % (ctr, c.P[ctr]["surname"], c.sex(ctr).upper()),
             "ADMITTED: %d/%d  WARD: %s" % (c.rng.randint(1, 28), c.rng.randint(1, 12), c.rng.choice(["4B", "Cardio", "ICU-2"]))]
    lines.append("NEXT OF KIN / FAMILY:")
    for e in mine:
        o, k = rel_of_other(c, e, ctr)
        w = c.say(o, k, ctr)
        lines.append("  - %s (%s)" % (o, w))
    if other:
        lines.append("SOCIAL HX: " + " ".join(others_sentences(c, other)))
    return "\n".join(lines)


def k_obit(c):
    ctr = center_pick(c)
    mine, other = center_split(c, ctr)
    c.facts.append(("sex", ctr, c.sex(ctr)))
    he, his = ("She", "her") if c.sex(ctr) == "f" else ("He", "his")
    parts = []
    for e in mine:
        o, k = rel_of_other(c, e, ctr)
        w = c.say(o, k, ctr)
        parts.append("%s %s %s" % (his, w, o))
    txt = ("%s %s, of %s, passed away peacefully on %s. %s is survived by %s." %
           (ctr, c.P[ctr]["surname"], c.rng.choice(["Millbrook", "Ashford", "Port Ellen", "Dunmore"]),
            c.rng.choice(["Tuesday", "March 3", "the 14th"]), he, ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]))
    if other:
        txt += " The family would also like to note: " + " ".join(others_sentences(c, other))
    txt += " In lieu of flowers, donations may be made to the local library."
    return txt


def k_wedding(c):
    sp = [e for e in c.edges if e[0] == "spouse"]
    parts = []
    used = set()
    if sp:
        e = c.rng.choice(sp)
        a, b = e[1], e[2]
        bride, groom = (a, b) if c.sex(a) == "f" else (b, a)
        c.say(bride, "spouse", groom)
        c.say(groom, "spouse", bride)
        used.add(e)
        s = "%s %s and %s %s were married on Saturday at %s." % (
            bride, c.P[bride]["surname"], groom, c.P[groom]["surname"], c.rng.choice(["St. Anne's", "the town hall", "Lakeview Barn"]))
        parts.append(s)
        for who, role in ((bride, "bride"), (groom, "groom")):
            pe = [f for f in c.edges if f[0] == "parent" and f[2] == who]
            if pe:
                ps = [f[1] for f in pe]
                for f in pe:
                    used.add(f)
                    c.facts.append(("parent", f[1], who))
                c.facts.append(("sex", who, c.sex(who)))
                parts.append("The %s is the %s of %s." % (role, WORD["child"][c.sex(who)], " and ".join(ps)))
    rest = [e for e in c.edges if e not in used]
    if rest:
        parts.append("Among the guests: " + " ".join(others_sentences(c, rest)))
    return "Wedding announcements — " + " ".join(parts)


def k_html(c):
    items = []
    for x, k, y in c.triples():
        w = c.say(x, k, y)
        items.append("  <li><b>%s</b> – %s of %s</li>" % (x, w, y))
    return '<h2>Our family</h2>\n<ul class="kin">\n' + "\n".join(items) + "\n</ul>"


def k_will(c):
    ctr = center_pick(c)
    mine, other = center_split(c, ctr)
    c.facts.append(("sex", ctr, c.sex(ctr)))
    parts = []
    for e in mine:
        o, k = rel_of_other(c, e, ctr)
        w = c.say(o, k, ctr)
        parts.append(c.rng.choice(["to my %s, %s, I leave %s" % (w, o, c.rng.choice(["my watch", "the cottage", "my books", "the piano"])),
                                   "my %s %s shall receive %s" % (w, o, c.rng.choice(["one half of my savings", "the car", "my paintings"]))]))
    txt = ("LAST WILL AND TESTAMENT. I, %s %s, a %s of sound mind, declare as follows: %s." %
           (ctr, c.P[ctr]["surname"], "woman" if c.sex(ctr) == "f" else "man", "; ".join(parts)))
    if other:
        txt += " For the avoidance of doubt regarding the family: " + " ".join(others_sentences(c, other))
    return txt


def k_royal(c):
    sents = []
    yr = c.rng.randint(1100, 1400)
    for x, k, y in c.triples():
        w = c.svy = c.say(x, k, y)
        yr += c.rng.randint(1, 9)
        sents.append(c.rng.choice(["In %d, %s, %s's %s, came to court." % (yr, x, y, w),
                                   "The chroniclers record %s as the %s of %s." % (x, w, y),
                                   "%s was %s's %s." % (x, y, w)]))
    return "From a history of the House of %s: %s" % (c.rng.choice(SURNAMES), " ".join(sents))


def k_dot(c):
    lines = ["digraph family {"]
    for x in c.kept:
        pass
    for x, k, y in c.triples():
        w = c.say(x, k, y)
        lines.append('  "%s" -> "%s" [label="%s"];' % (x, y, w))
    lines.append("}")
    return ("```dot\n" + "\n".join(lines) + "\n```\n(An edge X -> Y labelled L means X is Y's L.)")


def k_negated(c):
    sents = others_sentences(c, c.edges)
    # "X is not Y's mother; Z is." with Z the true one, and extra true negations
    pe = [e for e in c.edges if e[0] == "parent"]
    extra = []
    if pe:
        e = c.rng.choice(pe)
        p, ch = e[1], e[2]
        w = WORD["parent"][c.sex(p)]
        wrong = [x for x in c.kept if x not in (p, ch) and c.sex(x) == c.sex(p)]
        if wrong:
            x = c.rng.choice(sorted(wrong))
            c.facts.append(("not", x, w, ch))
            c.facts.append(("sex", x, c.sex(x)))
            c.facts.append(("parent", p, ch))
            c.facts.append(("sex", p, c.sex(p)))
            extra.append("%s is not %s's %s; %s is." % (x, ch, w, p))
    for _ in range(c.rng.randint(1, 2)):
        x, y = c.rng.sample(c.kept, 2)
        lab = c.rng.choice(FEM_LABELS if c.sex(x) == "f" else MALE_LABELS)
        c.facts.append(("not", x, lab, y))
        extra.append(c.rng.choice(["%s is not %s's %s." % (x, y, lab), "It is not true that %s is %s's %s." % (x, y, lab)]))
    allp = sents + extra
    c.rng.shuffle(allp)
    return " ".join(allp)


def k_contra(c):
    sents = []
    trip = c.triples()
    for x, k, y in trip:
        w = c.say(x, k, y)
        sents.append("%s is %s's %s." % (x, y, w))
    kind = c.rng.randint(0, 2)
    if kind == 0:
        x, k, y = c.rng.choice(trip)
        w = WORD[k][c.sex(x)]
        c.facts.append(("not", x, w, y))
        sents.insert(c.rng.randint(0, len(sents)), c.rng.choice(["%s is not %s's %s." % (x, y, w),
                                                                  "But %s is definitely not %s's %s." % (x, y, w)]))
    elif kind == 1:
        ch = [x for x in c.kept if any(p in c.kept for p in c.P[x]["parents"])]
        if not ch:
            return None
        child = c.rng.choice(sorted(ch))
        p = [p for p in c.P[child]["parents"] if p in c.kept][0]
        others = [x for x in c.kept if x not in (p, child) and c.sex(x) == c.sex(p)
                  and x not in c.P[child]["parents"]]
        if not others:
            return None
        o = c.rng.choice(sorted(others))
        w = WORD["parent"][c.sex(p)]
        c.facts += [("parent", p, child), ("sex", p, c.sex(p)), ("parent", o, child), ("sex", o, c.sex(o))]
        sents.append("%s is %s's %s." % (p, child, w))
        sents.insert(c.rng.randint(0, len(sents)), "%s is %s's %s." % (o, child, w))
    else:
        x = c.rng.choice(c.kept)
        y = c.rng.choice([z for z in c.kept if z != x])
        wrongsex = "m" if c.sex(x) == "f" else "f"
        w = WORD["sibling"][wrongsex]
        c.facts += [("sibling", x, y), ("sex", x, wrongsex)]
        sents.insert(c.rng.randint(0, len(sents)), "%s is %s's %s." % (x, y, w))
    return " ".join(sents)


KIN_STYLES = [
    # name, renderer, mode ('table' | 'triple'), holdout_only
    ("gedcom_records", k_gedcom, "table", False),
    ("sql_people_table", k_sql, "table", False),
    ("python_dataclass", k_python, "table", False),
    ("spreadsheet_paste", k_tsv, "table", False),
    ("indented_outline", k_outline, "table", False),
    ("register_report", k_register, "table", False),
    ("rdf_triples", k_rdf, "triple", False),
    ("relation_arrows", k_arrows, "triple", False),
    ("group_chat", k_chat, "triple", False),
    ("play_cast_list", k_cast, "triple", False),
    ("agent_scratchpad", k_scratch, "triple", False),
    ("text_shorthand", k_short, "triple", False),
    ("school_contact_form", k_school, "triple", False),
    ("obituary", k_obit, "triple", False),
    ("wedding_announcement", k_wedding, "triple", False),
    ("html_family_page", k_html, "triple", False),
    ("negated_facts", k_negated, "triple", False),
    ("contradiction", k_contra, "triple", False),
    # holdout-only
    ("legal_will", k_will, "triple", True),
    ("royal_chronicle", k_royal, "triple", True),
    ("graphviz_family", k_dot, "triple", True),
    ("hospital_chart", k_hospital, "triple", True),
]


def make_kin_item(style, idx, qkind):
    """qkind: 'open' | True | False (yes/no with that answer)."""
    name, fn, mode, _ = style
    for attempt in range(300):
        rng = R("kin", name, idx, attempt)
        P = gen_family(rng)
        M = KinModel(full_facts(P))
        people = sorted(P)
        pairs_by = {}
        for x in people:
            for y in people:
                if x == y:
                    continue
                rs = M.relations(x, y)
                if len(rs) == 1:
                    r = next(iter(rs))
                    if r in KIN_LABELS:
                        pairs_by.setdefault(r, []).append((x, y))
        if not pairs_by:
            continue
        target = rng.choice(sorted(pairs_by))
        S, A = rng.choice(pairs_by[target])
        kept, sib = pick_people(rng, P, M, S, A, mode == "triple", rng.randint(2, 6))
        if len(kept) > 16:
            continue
        c = KinCtx(rng, P, kept, sib, S, A)
        c.qname = lambda x: x
        c.qlower = False
        body = fn(c)
        if body is None:
            continue
        qs, qa = c.qname(S), c.qname(A)
        if c.qlower:
            qs, qa = qs.lower(), qa.lower()
        if name == "contradiction":
            lab = kin_answer(c.facts, S, A)
            if lab is not None:
                continue
            question = q_open(rng, qs, qa) if rng.random() < 0.5 else q_yes(rng, qs, qa, target)
        else:
            try:
                truth = kin_answer(c.facts, S, A)
            except ValueError:
                continue
            if truth != target:
                continue
            if qkind == "open":
                lab = truth
                question = q_open(rng, qs, qa)
            else:
                if qkind:
                    asked = truth
                else:
                    pool = (FEM_LABELS if c.sex(S) == "f" else MALE_LABELS) + NEUTRAL_LABELS
                    asked = rng.choice([l for l in pool if l != truth])
                lab = kin_answer(c.facts, S, A, asked)
                assert lab == qkind
                question = q_yes(rng, qs, qa, asked)
        if name in ("group_chat",):
            text = body + "\n[you] " + question
        elif name == "text_shorthand":
            text = body + " q: " + question.lower().replace("true or false", "t/f")
        elif name == "agent_scratchpad":
            text = "Question: " + question + "\n" + body + "\nFinal Answer:"
        else:
            text = body + "\n\n" + question
        if len(text) > MAX_CHARS:
            continue
        return text, lab
    raise RuntimeError("kin item %s %d" % (name, idx))


# ===========================================================================
# assembly, split, validation
# ===========================================================================
GRAPH_HALF, LOGIC_HALF, KIN_HALF = 7, 7, 8
NEG_HALF, CONTRA_HALF, HOLDOUT_ONLY_N = 8, 6, 7


def n_half(domain, name):
    if name == "negated_facts":
        return NEG_HALF
    if name == "contradiction":
        return CONTRA_HALF
    return {"graph": GRAPH_HALF, "logic": LOGIC_HALF, "kinship": KIN_HALF}[domain]


def build():
    files = OrderedDict()
    seen = {}
    domains = [("graph", GRAPH_STYLES, make_graph_item), ("logic", LOGIC_STYLES, make_logic_item),
               ("kinship", KIN_STYLES, make_kin_item)]
    for domain, styles, maker in domains:
        dev, hold = [], []
        for si, st in enumerate(styles):
            name, ho = st[0], st[-1]
            plan = [("holdout", k) for k in range(HOLDOUT_ONLY_N)] if ho else \
                [("dev", None)] * n_half(domain, name) + [("holdout", None)] * n_half(domain, name)
            counters = {"dev": 0, "holdout": 0}
            for split, _ in plan:
                k = counters[split]
                counters[split] += 1
                bump = 0
                while True:
                    key = "%s-%d-%d" % (split, k, bump)
                    if domain == "kinship":
                        qkind = "open" if k % 2 == 0 else ((k // 2 + si) % 2 == 0)
                        text, lab = maker(st, key, qkind)
                    else:
                        text, lab = maker(st, key, (k + si) % 2 == 0)
                    if text not in seen:
                        break
                    bump += 1
                seen[text] = (domain, split)
                rec = OrderedDict([("text", text), ("expected", lab),
                                   ("bucket", "%s blind2 %s" % (domain, name)), ("style", name)])
                (dev if split == "dev" else hold).append(rec)
        files["%s_dev.jsonl" % domain] = dev
        files["%s_holdout.jsonl" % domain] = hold
    validate(files)
    return files


TASK_WORDS = ("?", "Compute", "Simulate", "Return", "Evaluate", "Complete", "Output", "decide whether", "true or false", "t/f:")


def validate(files):
    texts = {}
    for fn, rows in files.items():
        domain = fn.split("_")[0]
        assert len(rows) >= 120, (fn, len(rows))
        for r in rows:
            t = r["text"]
            assert len(t) < MAX_CHARS, (fn, r["style"])
            assert t not in texts, ("duplicate text", fn, texts.get(t))
            texts[t] = fn
            assert r["bucket"] == "%s blind2 %s" % (domain, r["style"])
            assert any(w.lower() in t.lower() for w in TASK_WORDS), (fn, r["style"])
            lab = r["expected"]
            if r["style"] == "contradiction":
                assert lab is None
            elif domain == "kinship":
                assert isinstance(lab, bool) or lab in KIN_LABELS, lab
            else:
                assert isinstance(lab, bool), (fn, r["style"], lab)
    for domain, styles in (("graph", GRAPH_STYLES), ("logic", LOGIC_STYLES), ("kinship", KIN_STYLES)):
        assert len(styles) >= 20
        dev, hold = files["%s_dev.jsonl" % domain], files["%s_holdout.jsonl" % domain]
        devst = {r["style"] for r in dev}
        holdst = {r["style"] for r in hold}
        ho = [s[0] for s in styles if s[-1]]
        assert len(ho) == 4
        for s in ho:
            assert s not in devst and sum(r["style"] == s for r in hold) >= 6
        assert len(devst | holdst) == len(styles)
        for rows in (dev, hold):
            neg = sum(r["style"] in ("negated_facts", "contradiction") for r in rows)
            assert 0.07 <= neg / len(rows) <= 0.14, (domain, neg, len(rows))
            # within each style boolean answers alternate
            by = {}
            for r in rows:
                if isinstance(r["expected"], bool):
                    by.setdefault(r["style"], []).append(r["expected"])
            for st, seq in by.items():
                assert all(seq[i] != seq[i + 1] for i in range(len(seq) - 1)), (domain, st, seq)


def dump(rows):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def main():
    files = build()
    check = "--check" in sys.argv
    bad = 0
    for fn, rows in files.items():
        path = os.path.join(HERE, fn)
        data = dump(rows)
        if check:
            with open(path, encoding="utf-8") as f:
                if f.read() != data:
                    print("MISMATCH", fn)
                    bad += 1
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(data)
        nt = sum(r["expected"] is True for r in rows)
        nf = sum(r["expected"] is False for r in rows)
        nn = sum(r["expected"] is None for r in rows)
        print("%-24s %4d items  true=%d false=%d null=%d other=%d styles=%d" % (
            fn, len(rows), nt, nf, nn, len(rows) - nt - nf - nn, len({r["style"] for r in rows})))
    if bad:
        sys.exit(1)


if __name__ == "__main__":
    main()
