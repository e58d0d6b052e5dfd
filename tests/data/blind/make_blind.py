#!/usr/bin/env python3
"""Generator for the BLIND reading corpus (graph reachability, boolean logic, kinship).

Run from the repository root:

    python tests/data/blind/make_blind.py

Only the standard library and networkx are used; nothing from the project is imported.
Every item is built from a structured representation (edge list, expression tree,
family facts) and rendered to text through hand-written templates.  The label is
computed by an independent solver (networkx for graphs, a tree evaluator plus a
Python ``eval`` cross-check for logic, a small family-tree solver for kinship).
All randomness comes from string-seeded ``random.Random`` instances and no set or
hash order is ever iterated, so the output files are reproduced byte for byte.
"""
import json
import os
import random
import re
from collections import defaultdict

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20250611
N_SHARED = 12          # items per shared style: first 6 -> dev, last 6 -> holdout
N_HOLDOUT_ONLY = 8     # items per holdout-only style (all -> holdout)
MAX_CHARS = 2950


def rng_for(*parts):
    return random.Random("blind|%d|%s" % (SEED, "|".join(str(p) for p in parts)))


# ---------------------------------------------------------------------------
# name pools
# ---------------------------------------------------------------------------
LETTERS = [chr(65 + i) for i in range(26)]

CITIES = ["Springfield", "Riverton", "Lakeside", "Fairview", "Oakdale", "Maplewood",
          "Brookfield", "Cedar Falls", "Ashford", "Bridgeport", "Clearwater", "Dover",
          "Easton", "Franklin", "Greenville", "Hampton", "Kingston", "Lancaster", "Milford",
          "Newport", "Oxford", "Plymouth", "Quincy", "Redmond", "Salem", "Trenton",
          "Union City", "Vernon", "Westfield", "Yorktown", "Zion", "Ashland", "Bristol",
          "Camden", "Denton", "Elgin", "Fremont", "Georgetown", "Hudson", "Irvine",
          "Jackson", "Kent", "Lexington", "Madison", "Norwood", "Orland", "Preston",
          "Rochester", "Sheffield", "Troy", "Port Ellis", "Silver Bay"]

AIRPORTS = ["ATL", "ORD", "DFW", "DEN", "JFK", "LAX", "SFO", "SEA", "MIA", "BOS", "PHX",
            "IAH", "LAS", "MSP", "DTW", "PHL", "CLT", "EWR", "SLC", "BWI", "SAN", "TPA",
            "PDX", "STL", "HNL", "AUS", "BNA", "MCI", "RDU", "LHR", "CDG", "FRA", "AMS",
            "MAD", "FCO", "DUB", "ZRH", "VIE", "CPH", "OSL", "ARN", "HEL", "IST", "DXB",
            "DOH", "SIN", "HKG", "NRT", "ICN", "SYD", "MEL", "AKL", "YYZ", "YVR", "MEX",
            "GRU", "EZE", "SCL", "LIM", "BOG", "JNB", "CAI", "NBO", "DEL", "BOM"]

STATIONS = ["Baker Street", "Kings Cross", "Canal Street", "Union Square", "Elm Park",
            "Harbor Point", "Queens Gate", "Mill Lane", "Central", "Riverside", "Old Town",
            "North Green", "South Quay", "West End", "Market Hall", "Cathedral", "University",
            "Stadium", "Airport", "Museum", "Fairground", "Bell Tower", "Copper Hill",
            "Glass Works", "Iron Bridge", "Lantern Row", "Maple Court", "Oak Terrace",
            "Pine Ridge", "Rose Garden", "Silver Lake", "Stone Cross", "Tanners Yard",
            "Victoria Docks", "Willow Bank", "Ashgrove", "Beacon Hill", "Cloverfield",
            "Dockside", "Eastgate", "Ferry Road", "Garden City", "Highbury", "Ivy Lane",
            "Junction Road", "Kelp Harbor", "Lighthouse", "Northgate", "Observatory",
            "Parkside"]

ROOMS = ["Kitchen", "Great Hall", "Library", "Study", "Pantry", "Wine Cellar", "Attic",
         "Guest Bedroom", "Master Bedroom", "Music Room", "Conservatory", "Gallery", "Armory",
         "Chapel", "Laundry Room", "Mud Room", "Foyer", "Billiard Room", "Ballroom",
         "Observatory", "Boiler Room", "Nursery", "Sun Room", "Dining Room", "Drawing Room",
         "Tower Stair", "Vault", "Scullery", "Greenhouse", "Trophy Room", "Map Room",
         "Servants Hall"]

ISLANDS = ["Korvo", "Tessaly", "Brannoch", "Ulmar", "Vesk", "Quillon", "Marrow Isle", "Pell",
           "Sarnet", "Ostra", "Drum Key", "Fenwick", "Gallow Rock", "Hestia", "Ivel", "Jorra",
           "Kestrel Isle", "Lunn", "Mabry", "Nettle Cay", "Orrin", "Pyke", "Rook Island",
           "Selkie", "Tamsin", "Umber", "Vail", "Wick", "Yarrow", "Zephyr Key", "Alder Isle",
           "Brine", "Corra", "Dunmore", "Eskal", "Farra", "Gorse Isle", "Holm", "Inch",
           "Jura Minor"]

WORDS = ["apple", "birch", "cobalt", "delta", "ember", "fjord", "garnet", "harbor", "iris",
         "jade", "kelp", "lumen", "maple", "nectar", "onyx", "pebble", "quartz", "raven",
         "sable", "tundra", "umber", "violet", "willow", "xenon", "yarrow", "zephyr", "acorn",
         "basil", "cedar", "dune", "echo", "fern", "glade", "heron", "indigo", "juniper",
         "kiwi", "lotus", "moss", "nova", "olive", "pine", "quill", "reed", "sage", "thistle",
         "ursa", "vale", "wren", "yew", "zinnia"]

PACKAGES = ["libcore", "yamlite", "fastjson", "netkit", "authlib", "logwise", "cryptox",
            "httpy", "dbconn", "cachekit", "uuidgen", "timefmt", "mathx", "imgproc", "pdfgen",
            "mailer", "queuepy", "configr", "clikit", "testrig", "mockery", "lintr", "buildx",
            "pathtools", "async-ext", "retryer", "metrics-core", "tracekit", "orm-lite",
            "template-engine", "i18n-utils", "geo-tools", "csv-lite", "xml-fast", "ssl-wrap",
            "zipstream", "colorlog", "pluginbase", "schema-check", "ratelimit"]

SERVICES = ["api-gateway", "auth-service", "user-db", "billing-api", "ledger-db", "notify-svc",
            "email-worker", "search-api", "index-builder", "cart-service", "inventory-svc",
            "pricing-engine", "session-cache", "audit-log", "report-gen", "payment-proxy",
            "fraud-check", "shipping-api", "tracking-svc", "profile-svc", "media-store",
            "thumbnailer", "feature-flags", "config-svc", "metrics-agent", "queue-broker",
            "recommender", "catalog-api", "review-svc", "geo-lookup"]

PORTAL_ROOMS = ["Crystal Cave", "Sunken Temple", "Ember Forge", "Frost Peak", "Mirror Hall",
                "Clockwork Tower", "Whispering Woods", "Bone Crypt", "Sky Garden", "Lava Pits",
                "Moon Well", "Rune Library", "Storm Spire", "Coral Maze", "Dust Bazaar",
                "Glass Desert", "Iron Keep", "Shadow Marsh", "Sun Altar", "Thorn Gate",
                "Void Chamber", "Amber Mines", "Bramble Den", "Cinder Vault", "Dragon Roost",
                "Echo Caverns", "Fungal Grotto", "Golden Hall", "Hollow Oak", "Ice Bridge"]

STREETS = ["Elm Street", "Oak Avenue", "Main Street", "Pine Road", "Harbor Lane", "Mill Road",
           "Church Street", "Station Road", "King Street", "Park Lane", "Bridge Street",
           "Market Street", "Chapel Row", "Queen Street", "Water Lane"]

FEMALE = ["Ann", "Beth", "Carol", "Diana", "Emma", "Fiona", "Grace", "Hannah", "Irene", "Julia",
          "Karen", "Laura", "Maria", "Nina", "Olivia", "Paula", "Rachel", "Sarah", "Tina",
          "Ursula", "Vera", "Wendy", "Yvonne", "Zoe", "Alice", "Bella", "Chloe", "Daisy", "Eva",
          "Freya", "Gina", "Helen", "Isla", "Jane", "Kate", "Lily", "Megan", "Nora", "Rosa",
          "Sofia", "Tara", "Uma", "Violet", "Amelia", "Brenda", "Clara", "Dora", "Edith",
          "Flora", "Gemma", "Hazel", "Joan", "Kira", "Lucy", "Mabel", "Naomi", "Orla", "Ruby",
          "Stella", "Thea", "Vivian", "Agnes", "Bianca", "Celia", "Delia", "Elena", "Greta",
          "Heidi", "Ingrid", "Lena", "Mia", "Nadia", "Priya", "Rita", "Sandra", "Tessa",
          "Valerie", "Wanda", "Yara", "Zara", "Aisha", "Beatrice", "Camila", "Dolores",
          "Esther", "Frances", "Gloria", "Harriet", "Judith", "Leah", "Martha", "Nell", "Olga",
          "Phoebe", "Ramona", "Sylvia", "Theresa", "Marisol", "Keiko", "Ayumi", "Fatima",
          "Leila", "Ana", "Carmen", "Lucia", "Ines", "Mei", "Anika", "Sunita", "Adaeze",
          "Ngozi", "Chiara", "Giulia", "Sakura", "Elif", "Zeynep", "Maya", "Noor", "Sienna",
          "Imogen", "Matilda", "Eleanor", "Georgia", "Rosalind", "Louisa", "Margaret",
          "Dorothy", "Janet", "Norma", "Audrey", "Bernice", "Cora", "Enid", "Lorna", "Myra"]

MALE = ["Bob", "Carl", "David", "Edward", "Frank", "George", "Henry", "Ian", "Jack", "Kevin",
        "Liam", "Mark", "Nathan", "Oscar", "Peter", "Quentin", "Robert", "Steve", "Tom",
        "Victor", "Walter", "Xavier", "Yusuf", "Zach", "Adam", "Ben", "Colin", "Dan", "Eric",
        "Fred", "Gary", "Hugo", "Isaac", "James", "Karl", "Leo", "Martin", "Neil", "Owen",
        "Paul", "Ralph", "Simon", "Tim", "Vince", "Wayne", "Aaron", "Brian", "Caleb",
        "Dennis", "Elliot", "Felix", "Gordon", "Harold", "Ivan", "Jonah", "Kenneth", "Lewis",
        "Miles", "Noah", "Otto", "Philip", "Roger", "Samuel", "Theo", "Umar", "Vernon",
        "Warren", "Alan", "Bruce", "Cedric", "Derek", "Ethan", "Floyd", "Glen", "Howard",
        "Igor", "Jasper", "Keith", "Lionel", "Marcus", "Nigel", "Oliver", "Patrick", "Reuben",
        "Stuart", "Trevor", "Arthur", "Bernard", "Cyril", "Douglas", "Ernest", "Gilbert",
        "Herbert", "Jerome", "Lloyd", "Malcolm", "Norman", "Percy", "Rupert", "Sidney",
        "Terence", "Wilfred", "Ahmed", "Kenji", "Hiroshi", "Raj", "Arjun", "Diego", "Mateo",
        "Luca", "Marco", "Pablo", "Chidi", "Emeka", "Kwame", "Tariq", "Omar", "Sven", "Lars",
        "Nikolai", "Dmitri", "Pedro", "Andre", "Rafael", "Tobias", "Jonas", "Felipe", "Hamza",
        "Ravi", "Sanjay", "Wei", "Tomas", "Emil", "Anton", "Boris", "Cormac", "Declan",
        "Finn", "Gareth", "Hector", "Julian", "Kurt", "Laurence", "Magnus"]

PEOPLE = FEMALE + MALE


def oxford(items, conj="and"):
    items = list(items)
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return "%s %s %s" % (items[0], conj, items[1])
    return "%s, %s %s" % (", ".join(items[:-1]), conj, items[-1])


# ---------------------------------------------------------------------------
# GRAPH domain
# ---------------------------------------------------------------------------
def pick_pair(rng, G, want, max_hops=12, min_hops=1, prefer_reverse=0.6):
    nodes = list(G.nodes())
    lengths = dict(nx.all_pairs_shortest_path_length(G))
    if want:
        cand = [(s, t) for s in nodes for t in nodes
                if s != t and t in lengths[s] and min_hops <= lengths[s][t] <= max_hops]
        if not cand:
            return None
        hops = sorted(set(lengths[s][t] for s, t in cand))
        h = rng.choices(hops, weights=[x if x > 1 else 0.4 for x in hops])[0]   # favour longer paths
        cand = [p for p in cand if lengths[p[0]][p[1]] == h]
    else:
        cand = [(s, t) for s in nodes for t in nodes if s != t and t not in lengths[s]]
        if G.is_directed():
            rev = [p for p in cand if p[0] in lengths[p[1]]]
            if rev and rng.random() < prefer_reverse:
                cand = rev
        if not cand:
            return None
    return rng.choice(cand)


def gen_graph(rng, n, directed, want, dag=False, extra=0.35, max_hops=12,
              allow_isolated=False, two_way=0.0, forward_bias=0.75):
    """Random graph on nodes 0..n-1 plus a query pair (s, t) whose reachability == want."""
    for _ in range(3000):
        if want:
            ncomp = rng.choice([1, 1, 2, 3])
        elif directed:
            ncomp = rng.choice([1, 1, 2])
        else:
            ncomp = rng.choice([2, 2, 3, 4])
        minsize = 1 if allow_isolated else 2
        ncomp = max(1, min(ncomp, n // minsize))
        if not directed and not want and ncomp < 2:
            continue
        nodes = list(range(n))
        rng.shuffle(nodes)
        sizes = [minsize] * ncomp
        for _ in range(n - minsize * ncomp):
            sizes[rng.randrange(ncomp)] += 1
        window = rng.choice([1, 1, 2, 3, 4])
        pairs, seen, order = [], set(), {}
        pos = 0
        for sz in sizes:
            comp = nodes[pos:pos + sz]
            pos += sz
            for i, v in enumerate(comp):
                order[v] = i
            for i in range(1, sz):
                j = rng.randrange(max(0, i - window), i)
                pairs.append((comp[j], comp[i]))
                seen.add(frozenset((comp[j], comp[i])))
            if sz >= 3:
                for _ in range(int(round(extra * sz * rng.random()))):
                    a, b = rng.sample(comp, 2)
                    if frozenset((a, b)) in seen:
                        continue
                    seen.add(frozenset((a, b)))
                    if order[a] > order[b]:
                        a, b = b, a
                    pairs.append((a, b))
        G = nx.DiGraph() if directed else nx.Graph()
        G.add_nodes_from(range(n))
        for a, b in pairs:
            if directed:
                if dag:
                    G.add_edge(a, b)
                else:
                    if rng.random() > forward_bias:
                        a, b = b, a
                    G.add_edge(a, b)
                    if rng.random() < two_way:
                        G.add_edge(b, a)
            else:
                G.add_edge(a, b)
        if not allow_isolated and any(G.degree(v) == 0 for v in G):
            continue
        p = pick_pair(rng, G, want, max_hops)
        if p is None:
            continue
        return G, p[0], p[1]
    raise RuntimeError("graph generation failed")


def shuffled_edges(rng, G):
    es = list(G.edges())
    rng.shuffle(es)
    if not G.is_directed():
        es = [(a, b) if rng.random() < 0.5 else (b, a) for a, b in es]
    return es


def relabel(G, lab):
    return nx.relabel_nodes(G, {i: lab[i] for i in G.nodes()}, copy=True)


def q_und(rng, a, b):
    return rng.choice([
        "Is there a path between %s and %s?" % (a, b),
        "Are %s and %s connected?" % (a, b),
        "Can you get from %s to %s?" % (a, b),
        "Is %s reachable from %s?" % (b, a),
        "Is there any route from %s to %s?" % (a, b),
        "Are %s and %s in the same connected component?" % (a, b),
    ])


def q_dir(rng, a, b):
    return rng.choice([
        "Is there a directed path from %s to %s?" % (a, b),
        "Can %s reach %s?" % (a, b),
        "Following the edge directions, can you get from %s to %s?" % (a, b),
        "Is %s reachable from %s?" % (b, a),
        "Starting at %s and only moving along edges in their direction, is it possible to arrive at %s?" % (a, b),
    ])


def two_way_groups(G):
    """For a DiGraph: list of ('one', a, b) / ('two', a, b) in edge order, two-way pairs merged."""
    done, out = set(), []
    for a, b in G.edges():
        if (a, b) in done:
            continue
        if G.has_edge(b, a):
            out.append(("two", a, b))
            done.add((b, a))
        else:
            out.append(("one", a, b))
        done.add((a, b))
    return out


# --- styles ----------------------------------------------------------------
def g_dash_edge_list(rng, want):
    n = rng.randint(4, 26)
    G, s, t = gen_graph(rng, n, False, want)
    lab = rng.sample(LETTERS, n)
    sep = rng.choice([", ", "; ", "  ", ", "])
    body = sep.join("%s-%s" % (lab[a], lab[b]) for a, b in shuffled_edges(rng, G))
    intro = rng.choice(["Undirected graph. Edges:", "Edges of an undirected graph:",
                        "Consider the undirected graph with the edges", "G is undirected with edges"])
    q = q_und(rng, lab[s], lab[t])
    if rng.random() < 0.3:
        text = "%s\n%s %s" % (q, intro, body)
    else:
        text = "%s %s\n%s" % (intro, body, q)
    return text, relabel(G, lab), lab[s], lab[t], False


def g_arrow_lines(rng, want):
    n = rng.randint(3, 40)
    G, s, t = gen_graph(rng, n, True, want, two_way=0.1)
    lab = rng.sample(WORDS, n) if (rng.random() < 0.6 or n > 26) else rng.sample(LETTERS, n)
    arrow = rng.choice(["->", "->", "→", "=>"])
    lines = ["%s %s %s" % (lab[a], arrow, lab[b]) for a, b in shuffled_edges(rng, G)]
    head = rng.choice(["Directed graph, one edge per line:", "Edges (directed):", "Here are the arcs:",
                       "Given this digraph:"])
    q = q_dir(rng, lab[s], lab[t])
    if rng.random() < 0.5:
        text = "%s\n```\n%s\n```\n%s" % (head, "\n".join(lines), q)
    else:
        text = "%s\n%s\n\n%s" % (head, "\n".join(lines), q)
    return text, relabel(G, lab), lab[s], lab[t], False


def g_road_sentences(rng, want):
    n = rng.randint(5, 30)
    G, s, t = gen_graph(rng, n, False, want)
    lab = rng.sample(CITIES, n)
    tpls = ["There is a road between {a} and {b}.", "A highway connects {a} and {b}.",
            "{a} and {b} are joined by a two-way road.", "You can drive directly between {a} and {b}.",
            "A country road links {a} with {b}.", "{a} has a direct road to {b}, usable in both directions."]
    sents = [rng.choice(tpls).format(a=lab[a], b=lab[b]) for a, b in shuffled_edges(rng, G)]
    intro = rng.choice(["Here is a description of the regional road network.",
                        "Road map notes for the county:", "", "The following roads exist (and no others)."])
    q = rng.choice(["Can someone drive from {a} to {b} using only these roads?",
                    "Is {b} reachable by road from {a}?",
                    "Is there a way to drive from {a} to {b}?",
                    "Starting in {a}, can you get to {b} by car?"]).format(a=lab[s], b=lab[t])
    text = (intro + " " if intro else "") + " ".join(sents) + "\n\n" + q
    return text, relabel(G, lab), lab[s], lab[t], False


def g_one_way_streets(rng, want):
    n = rng.randint(5, 22)
    G, s, t = gen_graph(rng, n, True, want, two_way=0.2)
    nums = rng.sample(range(1, 80), n)
    lab = ["Junction %d" % k for k in nums]
    sents = []
    for kind, a, b in two_way_groups(G):
        if kind == "two":
            sents.append(rng.choice(["The street between {a} and {b} is two-way.",
                                     "{s} runs in both directions between {a} and {b}."]).format(
                a=lab[a], b=lab[b], s=rng.choice(STREETS)))
        else:
            sents.append(rng.choice(["A one-way street runs from {a} to {b}.",
                                     "Traffic on {s} may only go from {a} to {b}.",
                                     "From {a} you can drive to {b}, but not the other way.",
                                     "{s} is one-way, leading from {a} to {b}."]).format(
                a=lab[a], b=lab[b], s=rng.choice(STREETS)))
    rng.shuffle(sents)
    q = rng.choice(["Obeying every one-way restriction, can a driver get from {a} to {b}?",
                    "Can a car legally travel from {a} to {b}?",
                    "Is it possible to drive from {a} to {b} without breaking any one-way rule?"]).format(
        a=lab[s], b=lab[t])
    text = "City traffic plan:\n" + "\n".join(sents) + "\n" + q if rng.random() < 0.5 else \
        " ".join(sents) + " " + q
    return text, relabel(G, lab), lab[s], lab[t], False


def g_flight_routes(rng, want):
    n = rng.randint(5, 25)
    G, s, t = gen_graph(rng, n, True, want, two_way=0.25)
    lab = rng.sample(AIRPORTS, n)
    lines = []
    for kind, a, b in two_way_groups(G):
        if kind == "two":
            lines.append(rng.choice(["Round-trip service operates between {a} and {b}.",
                                     "There are direct flights in both directions between {a} and {b}."]).format(
                a=lab[a], b=lab[b]))
        else:
            lines.append(rng.choice(["There is a direct flight from {a} to {b}.",
                                     "{al} flies {a} to {b} nonstop.",
                                     "A daily flight departs {a} for {b}."]).format(
                a=lab[a], b=lab[b], al=rng.choice(["SkyJet", "AeroNorth", "BlueWing", "Polar Air"])))
    rng.shuffle(lines)
    note = rng.choice(["Flights only operate in the direction stated.",
                       "Unless a route is described as two-way, it only goes one way.", ""])
    q = rng.choice(["Using only these flights (connections allowed), can a traveler get from {a} to {b}?",
                    "Is it possible to fly from {a} to {b}, possibly with layovers?",
                    "Can I get from {a} to {b} with these routes?"]).format(a=lab[s], b=lab[t])
    body = "\n".join("- " + x for x in lines) if rng.random() < 0.5 else " ".join(lines)
    text = "Route map for this season:\n%s\n%s\n%s" % (body, note, q) if note else \
        "Route map for this season:\n%s\n%s" % (body, q)
    return text, relabel(G, lab), lab[s], lab[t], False


def g_python_adjacency_dict(rng, want):
    n = rng.randint(3, 26)
    G, s, t = gen_graph(rng, n, True, want, two_way=0.1)
    lab = rng.sample(WORDS, n) if rng.random() < 0.5 else [c.lower() for c in rng.sample(LETTERS, n)]
    qt = rng.choice(["'", '"'])
    keys = list(range(n))
    rng.shuffle(keys)
    lines = []
    for k in keys:
        succ = list(G.successors(k))
        rng.shuffle(succ)
        lines.append("    %s%s%s: [%s]," % (qt, lab[k], qt, ", ".join(qt + lab[x] + qt for x in succ)))
    code = "```python\ngraph = {\n%s\n}\n```" % "\n".join(lines)
    a, b = qt + lab[s] + qt, qt + lab[t] + qt
    q = rng.choice(["Is there a path from {a} to {b} in this directed graph (each key points to the nodes in its list)?",
                    "Treating every key -> list entry as a directed edge, can {a} reach {b}?",
                    "Quick check before I write the DFS: starting from {a}, can I reach {b}?"]).format(a=a, b=b)
    text = "%s\n\n%s" % (code, q) if rng.random() < 0.6 else "%s\n\n%s" % (q, code)
    return text, relabel(G, lab), lab[s], lab[t], False


def g_json_edge_object(rng, want):
    directed = rng.random() < 0.5
    n = rng.randint(3, 40)
    G, s, t = gen_graph(rng, n, directed, want, allow_isolated=True, two_way=0.1)
    style = rng.choice(["int0", "int1", "str"])
    if style == "int0":
        lab = list(range(n))
    elif style == "int1":
        lab = list(range(1, n + 1))
    else:
        lab = ["n%d" % i for i in rng.sample(range(1, 60), n)]
    obj = {"directed": directed, "nodes": [lab[i] for i in range(n)],
           "edges": [[lab[a], lab[b]] for a, b in shuffled_edges(rng, G)]}
    js = json.dumps(obj, indent=2 if rng.random() < 0.3 else None)
    js = re.sub(r"\[\n\s+([^\[\]]+?)\n\s+\]", lambda m: "[" + " ".join(m.group(1).split()) + "]", js)
    q = rng.choice(["Given the graph above, is there a path from node {a} to node {b}?",
                    "Is {b} reachable from {a} in this graph?",
                    "Can node {a} reach node {b}?"]).format(a=lab[s], b=lab[t])
    text = "```json\n%s\n```\n%s" % (js, q)
    Gl = relabel(G, lab)
    return text, Gl, lab[s], lab[t], False


def server_names(rng, n):
    out, seen = [], set()
    prefixes = rng.choice([["srv"], ["srv"], ["web", "db", "app", "cache"], ["node"]])
    while len(out) < n:
        name = "%s-%02d" % (rng.choice(prefixes), rng.randint(1, 64))
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


def g_server_cables(rng, want):
    n = rng.randint(4, 36)
    G, s, t = gen_graph(rng, n, False, want)
    lab = server_names(rng, n)
    es = shuffled_edges(rng, G)
    if rng.random() < 0.5:
        body = "\n".join("%s <-> %s" % (lab[a], lab[b]) for a, b in es)
        head = "Physical links in rack B (all links are bidirectional):"
    else:
        body = " ".join(rng.choice(["{a} is cabled to {b}.", "{a} has a direct link to {b}.",
                                    "There is a cable between {a} and {b}."]).format(a=lab[a], b=lab[b])
                        for a, b in es)
        head = "Cabling notes from today's audit."
    q = rng.choice(["Can {a} reach {b} over these links?", "Is there network connectivity between {a} and {b}?",
                    "Can a packet from {a} get to {b}?"]).format(a=lab[s], b=lab[t])
    text = "%s\n%s\n%s" % (head, body, q)
    return text, relabel(G, lab), lab[s], lab[t], False


def g_package_dependencies(rng, want):
    n = rng.randint(4, 22)
    G, s, t = gen_graph(rng, n, True, want, dag=True)   # edge a -> b : a depends on b
    lab = rng.sample(PACKAGES, n)
    if rng.random() < 0.5:
        sents = [rng.choice(["{a} depends on {b}.", "{a} requires {b}.", "{a} imports {b}."]).format(
            a=lab[a], b=lab[b]) for a, b in shuffled_edges(rng, G)]
        body = " ".join(sents)
    else:
        rows = []
        ks = list(range(n))
        rng.shuffle(ks)
        for k in ks:
            deps = [lab[x] for x in G.successors(k)]
            rows.append("%s: %s" % (lab[k], ", ".join(deps) if deps else "(no dependencies)"))
        body = "Dependency manifest (package: its direct dependencies)\n" + "\n".join(rows)
    q = rng.choice(["Does {a} depend on {b}, directly or transitively?",
                    "If I install {a}, will {b} be pulled in as a (possibly indirect) dependency?",
                    "Is {b} somewhere in the dependency tree of {a}?"]).format(a=lab[s], b=lab[t])
    text = "%s\n\n%s" % (body, q)
    return text, relabel(G, lab), lab[s], lab[t], False


def g_friendship_prose(rng, want):
    n = rng.randint(5, 22)
    G, s, t = gen_graph(rng, n, False, want)
    lab = rng.sample(PEOPLE, n)
    tpls = ["{a} is friends with {b}.", "{a} and {b} are friends.", "{a} knows {b} from school; they are friends.",
            "{a} and {b} have been close friends for years.", "{a} is a friend of {b}."]
    sents = [rng.choice(tpls).format(a=lab[a], b=lab[b]) for a, b in shuffled_edges(rng, G)]
    q = rng.choice(["If a rumor can only pass between friends, can it travel from {a} to {b}?",
                    "Is {a} connected to {b} through a chain of friendships?",
                    "Can {a} get a message to {b} by passing it only from friend to friend?"]).format(
        a=lab[s], b=lab[t])
    text = "In a small club: " + " ".join(sents) + " " + q
    return text, relabel(G, lab), lab[s], lab[t], False


def g_markdown_table_directed(rng, want):
    n = rng.randint(3, 40)
    G, s, t = gen_graph(rng, n, True, want, two_way=0.1)
    lab = ["N%d" % k for k in rng.sample(range(1, 99), n)]
    rows = ["| %s | %s |" % (lab[a], lab[b]) for a, b in shuffled_edges(rng, G)]
    table = "| From | To |\n|------|----|\n" + "\n".join(rows)
    q = rng.choice(["Treating each row as a one-way link from the From column to the To column, is there a route from {a} to {b}?",
                    "Each row is a directed edge (From -> To). Can {a} reach {b}?"]).format(a=lab[s], b=lab[t])
    text = "%s\n\n%s" % (table, q)
    return text, relabel(G, lab), lab[s], lab[t], False


def g_adjacency_matrix(rng, want):
    directed = rng.random() < 0.5
    n = rng.randint(4, 9)
    G, s, t = gen_graph(rng, n, directed, want, allow_isolated=True)
    lab = LETTERS[:n]
    lines = ["   " + " ".join(lab)]
    for i in range(n):
        lines.append(" %s " % lab[i] + " ".join("1" if G.has_edge(i, j) else "0" for j in range(n)))
    if directed:
        head = ("Adjacency matrix of a directed graph (the entry in row X, column Y is 1 when there is "
                "an edge from X to Y):")
    else:
        head = "Adjacency matrix of an undirected graph (symmetric; 1 = edge):"
    q = (q_dir if directed else q_und)(rng, lab[s], lab[t])
    text = "%s\n```\n%s\n```\n%s" % (head, "\n".join(lines), q)
    return text, relabel(G, lab), lab[s], lab[t], False


def g_competitive_input(rng, want):
    n = rng.randint(3, 40)
    G, s, t = gen_graph(rng, n, False, want, allow_isolated=True)
    lab = list(range(1, n + 1))
    es = shuffled_edges(rng, G)
    inp = "%d %d\n" % (n, len(es)) + "\n".join("%d %d" % (lab[a], lab[b]) for a, b in es)
    text = ("You are given an undirected graph. The first line contains N (vertices, numbered 1..N) and M "
            "(edges); each of the next M lines contains an edge u v.\n\nInput:\n%s\n\n"
            "Are vertices %d and %d in the same connected component?") % (inp, lab[s], lab[t])
    return text, relabel(G, lab), lab[s], lab[t], False


def g_graphviz_dot(rng, want):
    directed = rng.random() < 0.6
    n = rng.randint(4, 22)
    G, s, t = gen_graph(rng, n, directed, want, two_way=0.05)
    if rng.random() < 0.5:
        lab = rng.sample(WORDS, n)
        shown = lab
    else:
        lab = rng.sample(STATIONS, n)
        shown = ['"%s"' % x for x in lab]
    op = "->" if directed else "--"
    lines = ["  %s %s %s;" % (shown[a], op, shown[b]) for a, b in shuffled_edges(rng, G)]
    kw = "digraph" if directed else "graph"
    dot = "```dot\n%s %s {\n%s\n}\n```" % (kw, rng.choice(["G", "net", "deps", "map"]), "\n".join(lines))
    if directed:
        q = "In the graph above, is there a path from %s to %s following the arrows?" % (shown[s], shown[t])
    else:
        q = "In the graph above, is %s connected to %s?" % (shown[s], shown[t])
    text = "%s\n%s" % (dot, q)
    return text, relabel(G, lab), lab[s], lab[t], False


def g_assistant_wrapper(rng, want):
    directed = rng.random() < 0.5
    n = rng.randint(4, 40)
    G, s, t = gen_graph(rng, n, directed, want, two_way=0.1)
    lab = list(range(n)) if rng.random() < 0.5 else list(range(1, n + 1))
    es = ", ".join("(%d, %d)" % (lab[a], lab[b]) for a, b in shuffled_edges(rng, G))
    kind = "a directed" if directed else "an undirected"
    meaning = "(u, v) means an edge from u to v" if directed else "each pair is an undirected edge"
    sys_line = rng.choice(["You are a helpful assistant.", "You are a helpful assistant that answers graph questions precisely.",
                           "System: You are an expert in graph algorithms."])
    text = ("%s\n\nUser: I have %s graph with the following edges, where %s: [%s].\n"
            "Is there a path from node %d to node %d? Please answer yes or no.") % (
        sys_line, kind, meaning, es, lab[s], lab[t])
    return text, relabel(G, lab), lab[s], lab[t], False


def g_microservice_ticket(rng, want):
    n = rng.randint(4, 20)
    G, s, t = gen_graph(rng, n, True, want, two_way=0.05)
    lab = rng.sample(SERVICES, n)
    es = shuffled_edges(rng, G)
    if rng.random() < 0.5:
        body = "Call graph (caller -> callee):\n" + "\n".join("  %s -> %s" % (lab[a], lab[b]) for a, b in es)
    else:
        body = " ".join(rng.choice(["{a} calls {b}.", "{a} makes requests to {b}.", "{a} sends RPCs to {b}."]).format(
            a=lab[a], b=lab[b]) for a, b in es)
    tid = rng.randint(1000, 9999)
    q = rng.choice(["Can a request that enters at {a} end up reaching {b} through any chain of calls?",
                    "Is {b} (transitively) downstream of {a}, i.e. can traffic from {a} reach {b}?"]).format(
        a=lab[s], b=lab[t])
    text = ("OPS-%d: Blast-radius check before the maintenance window\n\nReporter: on-call\nDescription:\n"
            "%s\n\n%s") % (tid, body, q)
    return text, relabel(G, lab), lab[s], lab[t], False


def g_yaml_routes(rng, want):
    n = rng.randint(4, 18)
    G, s, t = gen_graph(rng, n, True, want, two_way=0.1)
    pool = ["hub-%d" % i for i in range(1, 30)] + ["depot-%s" % c.lower() for c in LETTERS[:12]] + \
        ["dc-north", "dc-south", "dc-east", "dc-west", "port-1", "port-2", "yard-7"]
    lab = rng.sample(pool, n)
    lines = ["routes:"]
    for a, b in shuffled_edges(rng, G):
        lines.append("  - from: %s\n    to: %s" % (lab[a], lab[b]))
    q = rng.choice(["Routes are one-way (from -> to). Can a shipment travel from {a} to {b}?",
                    "Following the routes in the from -> to direction only, is {b} reachable from {a}?"]).format(
        a=lab[s], b=lab[t])
    text = "```yaml\n%s\n```\n%s" % ("\n".join(lines), q)
    return text, relabel(G, lab), lab[s], lab[t], False


def g_rooms_doors(rng, want):
    n = rng.randint(4, 20)
    G, s, t = gen_graph(rng, n, False, want)
    lab = rng.sample(ROOMS, n)
    tpls = ["A door connects the {a} and the {b}.", "The {a} opens onto the {b}.",
            "There is a passage between the {a} and the {b}.", "From the {a} a corridor leads to the {b} (and back)."]
    sents = [rng.choice(tpls).format(a=lab[a], b=lab[b]) for a, b in shuffled_edges(rng, G)]
    q = rng.choice(["Using only these doors and passages, can you walk from the {a} to the {b}?",
                    "Is the {b} reachable from the {a}?"]).format(a=lab[s], b=lab[t])
    text = "Floor plan of the old manor. " + " ".join(sents) + " All other walls are solid.\n" + q
    return text, relabel(G, lab), lab[s], lab[t], False


def g_subway_lines(rng, want):
    colors = ["Red", "Blue", "Green", "Yellow", "Purple", "Orange", "Silver", "Brown"]
    for _ in range(2000):
        pool = rng.sample(STATIONS, rng.randint(8, 30))
        nlines = rng.randint(2, 5)
        lines, used = [], []
        for li in range(nlines):
            ln = rng.randint(3, 7)
            seq = []
            if used and rng.random() < 0.75:
                seq.append(rng.choice(used))
            while len(seq) < ln and pool:
                seq.append(pool.pop())
            if len(seq) < 2:
                break
            rng.shuffle(seq)
            for x in seq:
                if x not in used:
                    used.append(x)
            lines.append(seq)
        if len(lines) < 2:
            continue
        G = nx.Graph()
        for seq in lines:
            G.add_nodes_from(seq)
            for a, b in zip(seq, seq[1:]):
                G.add_edge(a, b)
        p = pick_pair(rng, G, want)
        if p is None:
            continue
        s, t = p
        names = rng.sample(colors, len(lines))
        sep = rng.choice([" - ", " – ", " > ", ", "])
        body = "\n".join("%s Line: %s" % (nm, sep.join(seq)) for nm, seq in zip(names, lines))
        q = rng.choice(["Can a passenger ride from {a} to {b} on this network (changing lines is allowed)?",
                        "Is it possible to get from {a} to {b} by metro?"]).format(a=s, b=t)
        text = ("Metro network (trains run both ways; stations listed in order along each line):\n%s\n\n%s"
                % (body, q))
        return text, G, s, t, False
    raise RuntimeError


def g_neighbor_sentences(rng, want):
    n = rng.randint(4, 34)
    G, s, t = gen_graph(rng, n, False, want)
    lab = rng.sample(range(1, 60), n)
    ks = list(range(n))
    rng.shuffle(ks)
    sents = []
    for k in ks:
        nb = sorted(lab[x] for x in G.neighbors(k))
        words = [str(x) for x in nb]
        if len(words) == 1:
            sents.append("Node %d is adjacent to node %s." % (lab[k], words[0]))
        else:
            sents.append("Node %d is adjacent to nodes %s." % (lab[k], oxford(words)))
    q = q_und(rng, "node %d" % lab[s], "node %d" % lab[t])
    q = q[0].upper() + q[1:]
    text = "Undirected graph described by neighbourhoods. " + " ".join(sents) + "\n" + q
    return text, relabel(G, lab), lab[s], lab[t], False


def g_csv_edges(rng, want):
    n = rng.randint(3, 40)
    G, s, t = gen_graph(rng, n, True, want, two_way=0.1)
    lab = rng.sample(WORDS, n) if rng.random() < 0.5 else server_names(rng, n)
    rows = ["source,target"] + ["%s,%s" % (lab[a], lab[b]) for a, b in shuffled_edges(rng, G)]
    text = ("edges.csv (each row is a directed edge from source to target):\n```\n%s\n```\n%s"
            % ("\n".join(rows), q_dir(rng, lab[s], lab[t])))
    return text, relabel(G, lab), lab[s], lab[t], False


def g_homework_set_notation(rng, want):
    directed = rng.random() < 0.6
    n = rng.randint(3, 24)
    G, s, t = gen_graph(rng, n, directed, want, allow_isolated=True, two_way=0.1)
    lab = list(range(1, n + 1))
    V = "{" + ", ".join(str(x) for x in lab) + "}"
    if directed:
        E = "{" + ", ".join("(%d, %d)" % (lab[a], lab[b]) for a, b in shuffled_edges(rng, G)) + "}"
        kind = "directed graph"
    else:
        E = "{" + ", ".join("{%d, %d}" % (lab[a], lab[b]) for a, b in shuffled_edges(rng, G)) + "}"
        kind = "undirected graph"
    pno = rng.randint(1, 9)
    q = rng.choice(["Is vertex {b} reachable from vertex {a}?", "Does G contain a path from {a} to {b}?"]).format(
        a=lab[s], b=lab[t])
    text = "Problem %d. Let G = (V, E) be the %s with V = %s and E = %s. %s Justify your answer." % (
        pno, kind, V, E, q)
    return text, relabel(G, lab), lab[s], lab[t], False


def g_water_pipes(rng, want):
    n = rng.randint(4, 20)
    G, s, t = gen_graph(rng, n, True, want, forward_bias=0.85)
    kinds = ["Tank", "Valve", "Junction", "Pump", "Filter", "Basin", "Outlet"]
    lab, seen = [], set()
    while len(lab) < n:
        nm = "%s %d" % (rng.choice(kinds), rng.randint(1, 12))
        if nm not in seen:
            seen.add(nm)
            lab.append(nm)
    tpls = ["Water flows from {a} into {b}.", "A pipe carries water from {a} to {b}.", "{a} drains into {b}.",
            "{a} feeds {b} through a one-way check valve."]
    sents = [rng.choice(tpls).format(a=lab[a], b=lab[b]) for a, b in shuffled_edges(rng, G)]
    q = rng.choice(["If dye is added at {a}, can it reach {b}?",
                    "Could water that starts at {a} ever end up in {b}?"]).format(a=lab[s], b=lab[t])
    text = "Plant schematic (water never flows backwards through a pipe):\n" + "\n".join(sents) + "\n\n" + q
    return text, relabel(G, lab), lab[s], lab[t], False


def g_disconnected_question(rng, want):
    # want == expected answer to "are they disconnected?"
    n = rng.randint(4, 22)
    G, s, t = gen_graph(rng, n, False, not want)
    lab = rng.sample(WORDS, n)
    sym = rng.choice([" ~ ", "—", " -- ", " <-> "])
    es = ", ".join("%s%s%s" % (lab[a], sym, lab[b]) for a, b in shuffled_edges(rng, G))
    q = rng.choice(["Are {a} and {b} disconnected (that is, is there no path at all between them)?",
                    "Is it true that {a} and {b} are NOT connected by any path?"]).format(a=lab[s], b=lab[t])
    text = "Undirected edges: %s.\n%s" % (es, q)
    return text, relabel(G, lab), lab[s], lab[t], True


def g_reports_to_chain(rng, want):
    for _ in range(2000):
        n = rng.randint(5, 24)
        people = rng.sample(PEOPLE, n)
        G = nx.DiGraph()
        G.add_nodes_from(people)
        w = rng.choice([1, 2, 3])
        for i in range(1, n):
            if rng.random() < 0.1:
                continue
            mgr = people[rng.randrange(max(0, i - w), i)]
            G.add_edge(people[i], mgr)
        if any(G.degree(v) == 0 for v in G):
            continue
        p = pick_pair(rng, G, want, prefer_reverse=0.5)
        if p is None:
            continue
        s, t = p
        es = list(G.edges())
        rng.shuffle(es)
        sents = [rng.choice(["{a} reports to {b}.", "{a}'s manager is {b}.", "{b} manages {a}."]).format(a=a, b=b)
                 for a, b in es]
        q = ("Following the 'reports to' links upward from %s, do you eventually reach %s "
             "(i.e. is %s above %s in the reporting chain)?") % (s, t, t, s)
        text = "Org chart notes (each person has at most one direct manager):\n" + "\n".join(sents) + "\n\n" + q
        return text, G, s, t, False
    raise RuntimeError


def g_maze_forum_post(rng, want):
    for _ in range(2000):
        r, c = rng.randint(3, 6), rng.randint(3, 6)
        cells = ["%s%d" % (LETTERS[j], i + 1) for i in range(r) for j in range(c)]
        grid = nx.grid_2d_graph(r, c)
        name = {(i, j): "%s%d" % (LETTERS[j], i + 1) for i in range(r) for j in range(c)}
        # randomized DFS spanning tree
        start = (rng.randrange(r), rng.randrange(c))
        seen, stack, tree = {start}, [start], []
        while stack:
            cur = stack[-1]
            nb = [x for x in sorted(grid.neighbors(cur)) if x not in seen]
            if not nb:
                stack.pop()
                continue
            nx_ = rng.choice(nb)
            seen.add(nx_)
            tree.append((cur, nx_))
            stack.append(nx_)
        rng.shuffle(tree)
        k = rng.randint(0, 2) if want else rng.randint(1, 4)
        kept = tree[k:]
        extra = [e for e in sorted(grid.edges()) if rng.random() < 0.05]
        G = nx.Graph()
        G.add_nodes_from(cells)
        for a, b in kept + extra:
            G.add_edge(name[a], name[b])
        if any(G.degree(v) == 0 for v in G):
            continue
        p = pick_pair(rng, G, want)
        if p is None:
            continue
        s, t = p
        es = shuffled_edges(rng, G)
        passages = ", ".join("%s-%s" % (a, b) for a, b in es)
        text = ("Title: maze solver gives a weird answer\n\nHi all, I'm writing a maze solver for a %dx%d grid "
                "(columns A-%s, rows 1-%d). The open passages are (you can move both ways through a passage): %s. "
                "Every other wall is closed. My program says one thing and my friend's says another, so I just "
                "want the ground truth: is there a way to get from %s to %s? Thanks in advance!") % (
            r, c, LETTERS[c - 1], r, passages, s, t)
        return text, G, s, t, False
    raise RuntimeError


def g_prolog_facts(rng, want):
    n = rng.randint(4, 20)
    G, s, t = gen_graph(rng, n, True, want, dag=True)
    lab = rng.sample(WORDS, n)
    facts = "\n".join("edge(%s, %s)." % (lab[a], lab[b]) for a, b in shuffled_edges(rng, G))
    text = ("```prolog\n%s\n\npath(X, Y) :- edge(X, Y).\npath(X, Y) :- edge(X, Z), path(Z, Y).\n```\n"
            "Under the usual logical reading of this program, is path(%s, %s) true?") % (facts, lab[s], lab[t])
    return text, relabel(G, lab), lab[s], lab[t], False


def g_sql_inserts(rng, want):
    n = rng.randint(4, 20)
    G, s, t = gen_graph(rng, n, True, want, two_way=0.1)
    lab = rng.sample(WORDS, n) if rng.random() < 0.5 else server_names(rng, n)
    ins = "\n".join("INSERT INTO links (src, dst) VALUES ('%s', '%s');" % (lab[a], lab[b])
                    for a, b in shuffled_edges(rng, G))
    text = ("```sql\nCREATE TABLE links (src TEXT, dst TEXT);  -- one row = one directed link src -> dst\n%s\n```\n"
            "Following links only in the src -> dst direction, is there a chain of rows leading from '%s' to '%s'?"
            % (ins, lab[s], lab[t]))
    return text, relabel(G, lab), lab[s], lab[t], False


def g_island_bridges(rng, want):
    n = rng.randint(4, 20)
    G, s, t = gen_graph(rng, n, False, want)
    lab = rng.sample(ISLANDS, n)
    tpls = ["A footbridge joins {a} and {b}.", "A stone bridge spans the channel between {a} and {b}.",
            "{a} and {b} are linked by a rope bridge.", "You can cross from {a} to {b} (or back) on the old bridge."]
    sents = [rng.choice(tpls).format(a=lab[a], b=lab[b]) for a, b in shuffled_edges(rng, G)]
    q = "There are no ferries. Can a hiker walk from %s to %s using only the bridges?" % (lab[s], lab[t])
    text = "The archipelago. " + " ".join(sents) + "\n" + q
    return text, relabel(G, lab), lab[s], lab[t], False


def g_email_network_outage(rng, want):
    n = rng.randint(4, 22)
    G, s, t = gen_graph(rng, n, False, want)
    lab, seen = [], set()
    while len(lab) < n:
        nm = "%s-%d" % (rng.choice(["core", "agg", "edge", "dist", "fw"]), rng.randint(1, 15))
        if nm not in seen:
            seen.add(nm)
            lab.append(nm)
    links = "\n".join("  * %s <--> %s" % (lab[a], lab[b]) for a, b in shuffled_edges(rng, G))
    text = ("From: noc@example.net\nTo: infra-team@example.net\nSubject: link status after the storm\n\n"
            "Hi all,\n\nAfter last night's outage only the following links are up (links carry traffic both ways; "
            "everything not listed is down):\n%s\n\nBefore I page the carrier: does %s still have a path to %s?\n\n"
            "Thanks,\nMorgan") % (links, lab[s], lab[t])
    return text, relabel(G, lab), lab[s], lab[t], False


def g_bullet_list_unicode(rng, want):
    directed = rng.random() < 0.5
    n = rng.randint(4, 20)
    G, s, t = gen_graph(rng, n, directed, want, two_way=0.1)
    lab = rng.sample(CITIES, n)
    sym = "→" if directed else rng.choice(["↔", "—"])
    bullets = "\n".join("- %s %s %s" % (lab[a], sym, lab[b]) for a, b in shuffled_edges(rng, G))
    if directed:
        head = "Courier routes (one-way, in the direction of the arrow):"
        q = "Can a parcel be sent from %s to %s along these routes?" % (lab[s], lab[t])
    else:
        head = "Rail connections (trains run both ways):"
        q = "Can you travel by rail between %s and %s?" % (lab[s], lab[t])
    text = "%s\n%s\n\n%s" % (head, bullets, q)
    return text, relabel(G, lab), lab[s], lab[t], False


def g_teleport_portals(rng, want):
    n = rng.randint(4, 20)
    G, s, t = gen_graph(rng, n, True, want, two_way=0.15)
    lab = rng.sample(PORTAL_ROOMS, n)
    sents = []
    for kind, a, b in two_way_groups(G):
        if kind == "two":
            sents.append("A two-way portal links the %s and the %s." % (lab[a], lab[b]))
        else:
            sents.append(rng.choice(["A one-way portal in the {a} leads to the {b}.",
                                     "Stepping into the glowing rune in the {a} sends you to the {b} (there is no way back through it).",
                                     "The {a} has a one-way portal to the {b}."]).format(a=lab[a], b=lab[b]))
    rng.shuffle(sents)
    q = "The zones are otherwise sealed. Can the player get from the %s to the %s using only portals?" % (
        lab[s], lab[t])
    text = "Level design doc, act II:\n" + "\n".join(sents) + "\n" + q
    return text, relabel(G, lab), lab[s], lab[t], False


def g_course_prereqs(rng, want):
    n = rng.randint(4, 20)
    G, s, t = gen_graph(rng, n, True, want, dag=True)   # a -> b : a is a prerequisite for b
    lab, seen = [], set()
    while len(lab) < n:
        nm = "%s %d" % (rng.choice(["CS", "MATH", "PHYS", "STAT", "ECON", "BIO"]), rng.randint(100, 499))
        if nm not in seen:
            seen.add(nm)
            lab.append(nm)
    sents = [rng.choice(["{a} is a prerequisite for {b}.", "Students must pass {a} before taking {b}.",
                         "{b} requires {a}."]).format(a=lab[a], b=lab[b]) for a, b in shuffled_edges(rng, G)]
    q = "Is %s a direct or indirect prerequisite for %s?" % (lab[s], lab[t])
    text = "From the course catalogue: " + " ".join(sents) + "\n" + q
    return text, relabel(G, lab), lab[s], lab[t], False


GRAPH_STYLES = [
    # name, function, holdout_only
    ("dash_edge_list", g_dash_edge_list, False),
    ("arrow_lines", g_arrow_lines, False),
    ("road_sentences", g_road_sentences, False),
    ("one_way_streets", g_one_way_streets, False),
    ("flight_routes", g_flight_routes, False),
    ("python_adjacency_dict", g_python_adjacency_dict, False),
    ("json_edge_object", g_json_edge_object, False),
    ("server_cables", g_server_cables, False),
    ("package_dependencies", g_package_dependencies, False),
    ("friendship_prose", g_friendship_prose, False),
    ("markdown_table_directed", g_markdown_table_directed, False),
    ("competitive_input", g_competitive_input, False),
    ("graphviz_dot", g_graphviz_dot, False),
    ("assistant_wrapper", g_assistant_wrapper, False),
    ("microservice_ticket", g_microservice_ticket, False),
    ("yaml_routes", g_yaml_routes, False),
    ("rooms_doors", g_rooms_doors, False),
    ("subway_lines", g_subway_lines, False),
    ("neighbor_sentences", g_neighbor_sentences, False),
    ("csv_edges", g_csv_edges, False),
    ("homework_set_notation", g_homework_set_notation, False),
    ("water_pipes", g_water_pipes, False),
    ("disconnected_question", g_disconnected_question, False),
    ("reports_to_chain", g_reports_to_chain, False),
    ("maze_forum_post", g_maze_forum_post, False),
    ("email_network_outage", g_email_network_outage, False),
    ("bullet_list_unicode", g_bullet_list_unicode, False),
    ("teleport_portals", g_teleport_portals, False),
    ("course_prereqs", g_course_prereqs, False),
    ("adjacency_matrix", g_adjacency_matrix, True),
    ("prolog_facts", g_prolog_facts, True),
    ("sql_inserts", g_sql_inserts, True),
    ("island_bridges", g_island_bridges, True),
]


def make_graph_item(fn, rng, want):
    for _ in range(200):
        text, G, s, t, negated = fn(rng, want)
        reach = nx.has_path(G, s, t)
        expected = (not reach) if negated else reach
        assert expected == want, (fn.__name__, want, reach)
        assert s != t
        if len(text) <= MAX_CHARS:
            return text, expected
    raise RuntimeError("could not fit %s under %d chars" % (fn.__name__, MAX_CHARS))


# ---------------------------------------------------------------------------
# LOGIC domain
# ---------------------------------------------------------------------------
# expression tree: ('c', bool) | ('v', name) | (op, [children]) with op in
# not, and, or, xor, nand, nor, imp, iff
BINOPS = ("and", "or", "xor", "nand", "nor", "imp", "iff")
STD = {"or": 1, "and": 2}


def ev(e, env):
    op = e[0]
    if op == "c":
        return e[1]
    if op == "v":
        return env[e[1]]
    k = [ev(x, env) for x in e[1]]
    if op == "not":
        return not k[0]
    if op == "and":
        return all(k)
    if op == "or":
        return any(k)
    if op == "xor":
        return k[0] != k[1] if len(k) == 2 else (sum(k) % 2 == 1)
    if op == "nand":
        return not (k[0] and k[1])
    if op == "nor":
        return not (k[0] or k[1])
    if op == "imp":
        return (not k[0]) or k[1]
    if op == "iff":
        return k[0] == k[1]
    raise ValueError(op)


def depth(e):
    if e[0] in ("c", "v"):
        return 0
    return 1 + max(depth(x) for x in e[1])


def ops_used(e, acc=None):
    acc = set() if acc is None else acc
    if e[0] not in ("c", "v"):
        acc.add(e[0])
        for x in e[1]:
            ops_used(x, acc)
    return acc


def gen_expr(rng, d, ops, leaf, max_arity=3, side_cap=2):
    if d <= 0:
        return leaf()
    op = rng.choice(ops)
    if op == "not":
        return ("not", [gen_expr(rng, d - 1, ops, leaf, max_arity, side_cap)])
    k = 2
    if op in ("and", "or") and max_arity > 2 and rng.random() < 0.3:
        k = rng.randint(3, max_arity)
    deep = rng.randrange(k)
    kids = []
    for i in range(k):
        dd = d - 1 if i == deep else rng.randint(0, min(d - 1, side_cap))
        kids.append(gen_expr(rng, dd, ops, leaf, max_arity, side_cap))
    return (op, kids)


def gen_target(rng, target, env, depth_range, ops, leaf, max_arity=3, side_cap=2, need=None):
    for _ in range(200000):
        d = rng.randint(*depth_range)
        e = gen_expr(rng, d, ops, leaf, max_arity, side_cap)
        if e[0] in ("c", "v"):
            continue
        if need and not (need & ops_used(e)):
            continue
        if ev(e, env) == target:
            return e
    raise RuntimeError("no expression found")


def needs_paren(op, cop, N):
    if cop in ("c", "v"):
        return False
    if cop == "not":
        return op in N.get("not_paren", ())
    if cop == op and op in ("and", "or", "xor"):
        return False
    prec = N.get("prec", {})
    if op in prec and cop in prec and prec[cop] > prec[op]:
        return bool(N.get("full"))
    return True


def render(e, N, rng=None, redund=0.0, top=True):
    op = e[0]
    if op == "c":
        s = N["T"] if e[1] else N["F"]
    elif op == "v":
        s = N.get("var", lambda x: x)(e[1])
    elif op == "not":
        c = e[1][0]
        inner = render(c, N, rng, redund, False)
        if c[0] not in ("c", "v") and not (c[0] == "not" and not N.get("wrap_not")):
            inner = "(" + inner + ")"
        s = N["NOT"] + inner
    else:
        parts = []
        for c in e[1]:
            r = render(c, N, rng, redund, False)
            if needs_paren(op, c[0], N):
                r = "(" + r + ")"
            parts.append(r)
        s = N["ops"][op].join(parts)
    if not top and rng is not None and redund and rng.random() < redund:
        s = "(" + s + ")"
    return s


def desugar_for_check(e):
    op = e[0]
    if op in ("c", "v"):
        return e
    kids = [desugar_for_check(x) for x in e[1]]
    if op == "nand":
        return ("not", [("and", kids)])
    if op == "nor":
        return ("not", [("or", kids)])
    return (op, kids)


def python_check(e, env, prec):
    """Render with the same parenthesisation policy in Python syntax and eval it."""
    N = {"T": "True", "F": "False", "NOT": "not ", "prec": prec,
         "ops": {"and": " and ", "or": " or ", "xor": " ^ ", "imp": " <= ", "iff": " == "},
         "not_paren": {"xor", "imp", "iff"}}
    src = render(desugar_for_check(e), N)
    return bool(eval(src, {"__builtins__": {}}, dict(env)))


# notations -----------------------------------------------------------------
PY = {"T": "True", "F": "False", "NOT": "not ", "prec": STD, "not_paren": {"xor"},
      "ops": {"and": " and ", "or": " or ", "xor": " ^ "}}
CLIKE = {"T": "true", "F": "false", "NOT": "!", "prec": STD,
         "ops": {"and": " && ", "or": " || ", "xor": " ^ "}}
SQL = {"T": "TRUE", "F": "FALSE", "NOT": "NOT ", "prec": STD, "ops": {"and": " AND ", "or": " OR "}}
MATH = {"T": "⊤", "F": "⊥", "NOT": "¬", "prec": STD,
        "ops": {"and": " ∧ ", "or": " ∨ ", "xor": " ⊕ ", "imp": " → ", "iff": " ↔ "}}
MATH_TF = dict(MATH, T="T", F="F")
WORDS_LC = {"T": "true", "F": "false", "NOT": "not ", "prec": {},
            "ops": {"and": " and ", "or": " or ", "xor": " xor ", "nand": " nand ", "nor": " nor ",
                    "imp": " implies ", "iff": " iff "}}
WORDS_UC = {"T": "TRUE", "F": "FALSE", "NOT": "NOT ", "prec": {},
            "ops": {"and": " AND ", "or": " OR ", "xor": " XOR ", "nand": " NAND ", "nor": " NOR ",
                    "imp": " IMPLIES ", "iff": " IFF "}}
BIN = {"T": "1", "F": "0", "NOT": "NOT ", "prec": {}, "ops": {"and": " AND ", "or": " OR ", "xor": " XOR "}}
PS = {"T": "$true", "F": "$false", "NOT": "-not ", "prec": {}, "var": lambda x: "$" + x,
      "ops": {"and": " -and ", "or": " -or ", "xor": " -xor "}}
LATEX = {"T": r"\top", "F": r"\bot", "NOT": r"\lnot ", "prec": STD,
         "ops": {"and": r" \land ", "or": r" \lor ", "xor": r" \oplus ", "imp": r" \rightarrow ",
                 "iff": r" \leftrightarrow "}}
HASKELL = {"T": "True", "F": "False", "NOT": "not ", "prec": STD, "wrap_not": True,
           "ops": {"and": " && ", "or": " || "}}
ASCII = {"T": "T", "F": "F", "NOT": "~", "prec": {}, "ops": {"and": " & ", "or": " | ", "xor": " ^ "}}

SNAKE_VARS = ["is_admin", "has_token", "is_active", "debug", "verbose", "cache_hit", "ready", "done",
              "found", "valid", "enabled", "logged_in", "is_empty", "retry", "dry_run", "paid",
              "expired", "is_owner", "has_quota", "locked"]
CAMEL_VARS = ["isReady", "hasError", "isVisible", "canEdit", "isLoggedIn", "hasAccess", "isDirty",
              "isValid", "isAdmin", "useCache", "isOpen", "hasChildren", "isLocked", "shouldRetry"]
SHORT_VARS = ["a", "b", "c", "d", "x", "y", "z", "p", "q", "r", "s", "t", "u", "w"]


def make_env(rng, names, k):
    vs = rng.sample(names, k)
    env = {}
    for v in vs:
        env[v] = rng.random() < 0.5
    return vs, env


def leaf_const(rng):
    return lambda: ("c", rng.random() < 0.5)


def leaf_vars(rng, vs, p_const=0.0):
    def f():
        if p_const and rng.random() < p_const:
            return ("c", rng.random() < 0.5)
        return ("v", rng.choice(vs))
    return f


def tf(b, T="True", F="False"):
    return T if b else F


def fence(code, lang=""):
    return "```%s\n%s\n```" % (lang, code)


# styles ---------------------------------------------------------------------
# Every style returns (text, expr, env, negated, prec_for_check)

def l_python_literal_expr(rng, want):
    ops = ["and", "and", "or", "or", "not"] + (["xor"] if rng.random() < 0.2 else [])
    e = gen_target(rng, want, {}, (1, 6), ops, leaf_const(rng))
    x = render(e, PY, rng, 0.1)
    text = rng.choice([
        "What does the Python expression `%s` evaluate to?" % x,
        ">>> %s\n\nWhat will the Python REPL print for that line?" % x,
        "Evaluate in Python:\n\n    %s\n\nIs the result True or False?" % x,
    ])
    return text, e, {}, False, STD


def l_python_vars_code(rng, want):
    vs, env = make_env(rng, SNAKE_VARS, rng.randint(2, 5))
    e = gen_target(rng, want, env, (2, 7), ["and", "or", "not", "and", "or"], leaf_vars(rng, vs, 0.1))
    lines = ["%s = %s" % (v, tf(env[v])) for v in vs]
    res = rng.choice(["result", "ok", "allowed", "flag"])
    code = "\n".join(lines) + "\n\n%s = %s\nprint(%s)" % (res, render(e, PY, rng, 0.1), res)
    text = rng.choice(["What does this script print?\n\n%s", "%s\n\nWhat gets printed?",
                       "I'm reviewing this snippet:\n\n%s\n\nWhat is printed, True or False?"]) % fence(code, "python")
    return text, e, env, False, STD


def l_c_bool_vars(rng, want):
    vs, env = make_env(rng, SHORT_VARS, rng.randint(2, 4))
    e = gen_target(rng, want, env, (1, 5), ["and", "or", "not", "and", "or"], leaf_vars(rng, vs))
    x = render(e, CLIKE, rng, 0.1)
    if rng.random() < 0.5:
        decl = "#include <stdbool.h>\n\n" + "\n".join("bool %s = %s;" % (v, tf(env[v], "true", "false")) for v in vs)
        code = decl + "\nbool result = %s;" % x
        q = "After these declarations, is result true or false?"
    else:
        decl = "int " + ", ".join("%s = %d" % (v, 1 if env[v] else 0) for v in vs) + ";"
        code = decl + "\nint result = %s;" % x
        q = "Does result end up true (1) or false (0)?"
    text = "%s\n%s" % (fence(code, "c"), q)
    return text, e, env, False, STD


def l_js_console(rng, want):
    vs, env = make_env(rng, CAMEL_VARS + SHORT_VARS[:6], rng.randint(2, 4))
    e = gen_target(rng, want, env, (1, 5), ["and", "or", "not", "and", "or"], leaf_vars(rng, vs, 0.15))
    decl = "> let " + ", ".join("%s = %s" % (v, tf(env[v], "true", "false")) for v in vs)
    text = "In the browser console:\n\n```\n%s\nundefined\n> %s\n```\n\nWhat does the console print for the last line?" % (
        decl, render(e, CLIKE, rng, 0.05))
    return text, e, env, False, STD


def l_sql_select(rng, want):
    if rng.random() < 0.5:
        e = gen_target(rng, want, {}, (1, 5), ["and", "or", "not", "and", "or"], leaf_const(rng))
        text = "%s\nWhat value does this query return in the result column, TRUE or FALSE?" % fence(
            "SELECT %s AS result;" % render(e, SQL, rng, 0.1), "sql")
        return text, e, {}, False, STD
    cols = ["is_active", "is_deleted", "has_paid", "is_verified", "opted_in", "is_trial", "archived"]
    vs, env = make_env(rng, cols, rng.randint(2, 4))
    e = gen_target(rng, want, env, (1, 4), ["and", "or", "not", "and", "or"], leaf_vars(rng, vs))
    row = ", ".join("%s = %s" % (v, tf(env[v], "TRUE", "FALSE")) for v in vs)
    text = ("Consider a row of the users table with %s. Does the condition in\n\n"
            "    SELECT id FROM users WHERE %s;\n\nevaluate to TRUE for this row?") % (row, render(e, SQL, rng, 0.1))
    return text, e, env, False, STD


def l_math_symbols_consts(rng, want):
    N = MATH if rng.random() < 0.6 else MATH_TF
    ops = ["and", "or", "not", "and", "or"] + (["xor"] if rng.random() < 0.3 else [])
    e = gen_target(rng, want, {}, (1, 6), ops, leaf_const(rng))
    legend = "(⊤ denotes true and ⊥ denotes false)" if N is MATH else "(T = true, F = false)"
    text = rng.choice(["What is the truth value of %s %s?", "Evaluate %s %s. Is it true or false?"]) % (
        render(e, N, rng, 0.05), legend)
    return text, e, {}, False, STD


def l_math_vars_assignment(rng, want):
    vs, env = make_env(rng, ["p", "q", "r", "s"], rng.randint(2, 4))
    e = gen_target(rng, want, env, (1, 5), ["and", "or", "not", "and", "or"], leaf_vars(rng, vs))
    asg = ", ".join("%s = %s" % (v, tf(env[v], "T", "F")) for v in vs)
    text = "Let %s. What is the truth value of %s?" % (asg, render(e, MATH, rng, 0.05))
    return text, e, env, False, STD


def l_binary_digits_legend(rng, want):
    ops = ["and", "or", "not", "and", "or"] + (["xor"] if rng.random() < 0.3 else [])
    if rng.random() < 0.5:
        e = gen_target(rng, want, {}, (1, 5), ops, leaf_const(rng))
        env = {}
        text = "Legend: 1 = true, 0 = false.\nExpression: %s\nWhat does the expression evaluate to?" % render(e, BIN)
    else:
        vs, env = make_env(rng, ["A", "B", "C", "D"], rng.randint(2, 4))
        e = gen_target(rng, want, env, (1, 5), ops, leaf_vars(rng, vs))
        asg = ", ".join("%s=%d" % (v, 1 if env[v] else 0) for v in vs)
        text = "Using 1 for true and 0 for false, with %s: what is the value of %s?" % (asg, render(e, BIN))
    return text, e, env, False, {}


def l_plain_words(rng, want):
    e = gen_target(rng, want, {}, (1, 3), ["and", "or", "not"], leaf_const(rng))
    x = render(e, WORDS_LC)
    text = rng.choice(["Evaluate: %s", "What is the value of: %s?", "Is the expression \"%s\" true or false?",
                       "true or false, what does %s come out to?"]) % x
    return text, e, {}, False, {}


def l_prose_assignment(rng, want):
    vs, env = make_env(rng, ["A", "B", "C", "D"], rng.randint(2, 4))
    e = gen_target(rng, want, env, (1, 4), ["and", "or", "not"], leaf_vars(rng, vs))
    parts = ["%s be %s" % (v, tf(env[v], "true", "false")) for v in vs]
    text = "Let %s. What is the value of %s?" % (oxford(parts), render(e, WORDS_LC))
    if rng.random() < 0.4:
        text = "Suppose %s. Is the statement \"%s\" true?" % (
            oxford(["%s is %s" % (v, tf(env[v], "true", "false")) for v in vs]), render(e, WORDS_LC))
    return text, e, env, False, {}


def l_xor_nand_nor_words(rng, want):
    vs, env = make_env(rng, ["X", "Y", "Z", "W"], rng.randint(2, 3))
    e = gen_target(rng, want, env, (1, 4), ["xor", "nand", "nor", "and", "or", "not"],
                   leaf_vars(rng, vs, 0.2), max_arity=2, need={"xor", "nand", "nor"})
    asg = ", ".join("%s = %s" % (v, tf(env[v], "TRUE", "FALSE")) for v in vs)
    text = "Given %s, compute %s. Answer TRUE or FALSE." % (asg, render(e, WORDS_UC))
    return text, e, env, False, {}


def l_implication_textbook(rng, want):
    vs, env = make_env(rng, ["p", "q", "r"], rng.randint(2, 3))
    e = gen_target(rng, want, env, (1, 4), ["imp", "iff", "and", "or", "not", "xor"], leaf_vars(rng, vs),
                   max_arity=2, need={"imp", "iff"})
    facts = oxford(["%s is %s" % (v, tf(env[v], "true", "false")) for v in vs])
    text = "Suppose %s. What is the truth value of %s?" % (facts, render(e, MATH))
    return text, e, env, False, STD


def l_redundant_brackets(rng, want):
    e = gen_target(rng, want, {}, (3, 8), ["and", "or", "not", "and", "or", "not"], leaf_const(rng))
    x = render(e, PY, rng, 0.5)
    if rng.random() < 0.5:
        x = "(" + x + ")"
    text = rng.choice(["Evaluate this Python expression: %s", "What is the value of %s ?",
                       "Someone wrote this with way too many brackets: %s\nWhat does it evaluate to?"]) % x
    return text, e, {}, False, STD


def l_flat_chain(rng, want):
    op = rng.choice(["and", "or", "xor", "and", "or"])
    k = rng.randint(6, 14)
    notation = rng.choice(["py", "c", "words", "sql"]) if op != "xor" else rng.choice(["py", "wordsuc"])
    for _ in range(100000):
        leaves = []
        for _ in range(k):
            lf = ("c", rng.random() < (0.8 if op == "and" and want else 0.5))
            if rng.random() < 0.25:
                lf = ("not", [lf])
            leaves.append(lf)
        e = (op, leaves)
        if ev(e, {}) == want:
            break
    N = {"py": PY, "c": CLIKE, "words": WORDS_LC, "sql": SQL, "wordsuc": WORDS_UC}[notation]
    x = render(e, N)
    text = rng.choice(["Evaluate the following chain:\n%s", "%s\n\nWhat is the result?",
                       "What does this long expression evaluate to? %s"]) % x
    return text, e, {}, False, STD


def l_stacked_negations(rng, want):
    N = rng.choice([PY, CLIKE, MATH, SQL])
    for _ in range(100000):
        core = gen_expr(rng, rng.randint(0, 2), ["and", "or", "not"], leaf_const(rng), 2)
        e = core
        for _ in range(rng.randint(2, 7)):
            e = ("not", [e])
        if ev(e, {}) == want:
            break
    x = render(e, N)
    if N is MATH:
        x += "   (⊤ = true, ⊥ = false)"
    text = rng.choice(["How many negations is that... anyway, what does %s evaluate to?",
                       "Evaluate: %s", "What is the truth value of %s ?"]) % x
    return text, e, {}, False, STD


def l_rust_let(rng, want):
    vs, env = make_env(rng, SHORT_VARS + ["ready", "done", "ok_a", "ok_b"], rng.randint(2, 4))
    ops = ["and", "or", "not", "and", "or"] + (["xor"] if rng.random() < 0.3 else [])
    e = gen_target(rng, want, env, (1, 5), ops, leaf_vars(rng, vs, 0.1))
    body = "\n".join("    let %s = %s;" % (v, tf(env[v], "true", "false")) for v in vs)
    code = "fn main() {\n%s\n    let out = %s;\n    println!(\"{}\", out);\n}" % (body, render(e, CLIKE))
    text = "%s\nWhat does this Rust program print?" % fence(code, "rust")
    return text, e, env, False, STD


def l_assistant_wrapper(rng, want):
    N = rng.choice([PY, CLIKE, WORDS_LC, SQL])
    e = gen_target(rng, want, {}, (1, 6), ["and", "or", "not", "and", "or"], leaf_const(rng))
    sysmsg = rng.choice(["You are a helpful assistant.", "You are a careful assistant that evaluates boolean logic.",
                         "SYSTEM: You are a precise reasoning assistant. Think step by step, then answer."])
    text = "%s\n\nUSER: Evaluate the boolean expression below and tell me whether it is true or false.\n\n%s\n\nASSISTANT:" % (
        sysmsg, render(e, N, rng, 0.1))
    return text, e, {}, False, STD if N.get("prec") else {}


def l_homework_problem(rng, want):
    vs, env = make_env(rng, ["p", "q", "r", "s"], rng.randint(2, 4))
    ops = ["and", "or", "not", "and", "or"] + (["imp"] if rng.random() < 0.5 else [])
    e = gen_target(rng, want, env, (2, 5), ops, leaf_vars(rng, vs))
    N = MATH if rng.random() < 0.5 else dict(MATH, ops={"and": " ∧ ", "or": " ∨ ", "imp": " ⇒ "})
    asg = ", ".join("%s = %s" % (v, tf(env[v], "T", "F")) for v in vs)
    text = "Problem %d (%d pts). Given %s, determine the truth value of\n\n    %s\n\nShow your work." % (
        rng.randint(1, 12), rng.choice([2, 3, 5]), asg, render(e, N))
    return text, e, env, False, STD


def render_ba(e, juxt):
    op = e[0]
    if op == "c":
        return "1" if e[1] else "0"
    if op == "v":
        return e[1]
    if op == "not":
        c = e[1][0]
        inner = render_ba(c, juxt)
        if c[0] in ("c", "v", "not"):
            return inner + "'"
        return "(" + inner + ")'"
    if op == "and":
        parts = []
        for c in e[1]:
            r = render_ba(c, juxt)
            if c[0] in ("or", "xor"):
                r = "(" + r + ")"
            parts.append(r)
        return ("" if juxt else "·").join(parts)
    if op == "or":
        parts = []
        for c in e[1]:
            r = render_ba(c, juxt)
            if c[0] == "xor":
                r = "(" + r + ")"
            parts.append(r)
        return " + ".join(parts)
    raise ValueError(op)


def parse_ba(s, env):
    """Tiny independent parser for the Boolean-algebra rendering (used as a check)."""
    toks = [c for c in s.replace(" ", "")]
    pos = [0]

    def peek():
        return toks[pos[0]] if pos[0] < len(toks) else None

    def eat():
        pos[0] += 1
        return toks[pos[0] - 1]

    def p_or():
        v = p_and()
        while peek() == "+":
            eat()
            w = p_and()
            v = v or w
        return v

    def p_and():
        v = p_post()
        while peek() is not None and (peek() == "·" or peek() == "(" or peek().isalnum()):
            if peek() == "·":
                eat()
            w = p_post()
            v = v and w
        return v

    def p_post():
        c = eat()
        if c == "(":
            v = p_or()
            assert eat() == ")"
        elif c in "01":
            v = c == "1"
        else:
            v = env[c]
        while peek() == "'":
            eat()
            v = not v
        return v

    v = p_or()
    assert pos[0] == len(toks)
    return v


def l_boolean_algebra(rng, want):
    vs, env = make_env(rng, ["A", "B", "C", "D"], rng.randint(2, 4))
    juxt = rng.random() < 0.5
    e = gen_target(rng, want, env, (1, 4), ["and", "or", "not", "and", "or"],
                   leaf_vars(rng, vs, 0.0 if juxt else 0.1))
    x = render_ba(e, juxt)
    assert parse_ba(x, env) == want
    asg = ", ".join("%s = %d" % (v, 1 if env[v] else 0) for v in vs)
    note = "(' is complement, %s is AND, + is OR)" % ("juxtaposition" if juxt else "·")
    text = "In the row of the truth table where %s, what is the value of F = %s? %s Give the answer as true (1) or false (0)." % (
        asg, x, note)
    return text, e, env, False, STD


def l_feature_flags_config(rng, want):
    flags = ["enable_beta", "legacy_mode", "dark_launch", "eu_region", "new_checkout", "kill_switch",
             "ab_test_b", "maintenance", "premium_user", "mobile_client"]
    vs, env = make_env(rng, flags, rng.randint(2, 5))
    e = gen_target(rng, want, env, (1, 4), ["and", "or", "not", "and", "or"], leaf_vars(rng, vs))
    rule = render(e, WORDS_LC)
    target = rng.choice(["show_new_ui", "serve_v2_api", "send_digest", "allow_export"])
    y = "flags:\n" + "\n".join("  %s: %s" % (v, tf(env[v], "true", "false")) for v in vs)
    y += "\nrules:\n  %s: \"%s\"" % (target, rule)
    text = "%s\nWith these flag values, does the rule for %s evaluate to true?" % (fence(y, "yaml"), target)
    return text, e, env, False, {}


def l_email_question(rng, want):
    vs, env = make_env(rng, SNAKE_VARS, rng.randint(2, 4))
    e = gen_target(rng, want, env, (2, 5), ["and", "or", "not", "and", "or"], leaf_vars(rng, vs))
    sender = rng.choice(["Priya", "Tom", "Jules", "Marta", "Ken"])
    asg = ", ".join("`%s = %s`" % (v, tf(env[v], "true", "false")) for v in vs)
    text = ("Subject: quick sanity check on the guard condition\n\nHi %s,\n\nBefore I merge I'd like a second pair "
            "of eyes on this. In the failing request we had %s. The guard in the handler is\n\n    if (%s) { ... }\n\n"
            "so does the guard condition evaluate to true or false for that request?\n\nCheers,\n%s") % (
        rng.choice(["Dana", "Alex", "Sam", "Robin"]), asg, render(e, CLIKE), sender)
    return text, e, env, False, STD


def l_haskell_ghci(rng, want):
    vs, env = make_env(rng, ["a", "b", "c", "d", "x", "y"], rng.randint(2, 3))
    e = gen_target(rng, want, env, (1, 5), ["and", "or", "not", "and", "or"], leaf_vars(rng, vs, 0.1))
    lets = "; ".join("%s = %s" % (v, tf(env[v])) for v in vs)
    text = "```\nghci> let %s\nghci> %s\n```\nWhat does GHCi print?" % (lets, render(e, HASKELL))
    return text, e, env, False, STD


def l_mixed_precedence_chain(rng, want):
    lang = rng.choice(["Python", "C", "SQL"])
    N = {"Python": PY, "C": CLIKE, "SQL": SQL}[lang]
    for _ in range(100000):
        disj = []
        for _ in range(rng.randint(2, 5)):
            conj = []
            for _ in range(rng.randint(1, 4)):
                lf = ("c", rng.random() < 0.55)
                if rng.random() < 0.3:
                    lf = ("not", [lf])
                conj.append(lf)
            disj.append(conj[0] if len(conj) == 1 else ("and", conj))
        e = ("or", disj)
        if ev(e, {}) == want and any(d[0] == "and" for d in disj):
            break
    x = render(e, N)
    text = "Using normal %s operator precedence, what does `%s` evaluate to?" % (lang, x)
    return text, e, {}, False, STD


def l_latex_expr(rng, want):
    vs, env = make_env(rng, ["p", "q", "r"], rng.randint(2, 3))
    ops = ["and", "or", "not", "and", "or"] + (["imp", "iff", "xor"] if rng.random() < 0.5 else [])
    e = gen_target(rng, want, env, (1, 5), ops, leaf_vars(rng, vs), max_arity=2)
    asg = oxford(["$%s$ be %s" % (v, tf(env[v], "true", "false")) for v in vs])
    text = "Let %s. Is the formula $%s$ true or false?" % (asg, render(e, LATEX))
    return text, e, env, False, STD


def l_is_it_false_question(rng, want):
    # expected answer == (expression evaluates to False)
    e = gen_target(rng, not want, {}, (1, 4), ["and", "or", "not"], leaf_const(rng))
    if rng.random() < 0.5:
        text = "Does the Python expression `%s` evaluate to False?" % render(e, PY)
    else:
        text = "Is it correct that the expression %s evaluates to false?" % render(e, WORDS_LC)
    return text, e, {}, True, STD


def l_java_if_statement(rng, want):
    vs, env = make_env(rng, CAMEL_VARS, rng.randint(2, 4))
    ops = ["and", "or", "not", "and", "or"] + (["xor"] if rng.random() < 0.25 else [])
    e = gen_target(rng, want, env, (1, 5), ops, leaf_vars(rng, vs))
    decl = "\n".join("boolean %s = %s;" % (v, tf(env[v], "true", "false")) for v in vs)
    code = "%s\nif (%s) {\n    System.out.println(\"granted\");\n}" % (decl, render(e, CLIKE))
    text = "%s\nDoes this Java snippet print \"granted\"?" % fence(code, "java")
    return text, e, env, False, STD


def l_powershell(rng, want):
    vs, env = make_env(rng, ["a", "b", "c", "ok", "flag", "done"], rng.randint(2, 3))
    ops = ["and", "or", "not", "and", "or"] + (["xor"] if rng.random() < 0.25 else [])
    e = gen_target(rng, want, env, (1, 4), ops, leaf_vars(rng, vs, 0.15))
    lines = "\n".join("PS> $%s = %s" % (v, tf(env[v], "$true", "$false")) for v in vs)
    text = "```\n%s\nPS> %s\n```\nWhat does the last command output?" % (lines, render(e, PS))
    return text, e, env, False, {}


def l_ascii_symbols(rng, want):
    ops = ["and", "or", "not", "and", "or"] + (["xor"] if rng.random() < 0.2 else [])
    e = gen_target(rng, want, {}, (1, 5), ops, leaf_const(rng))
    text = "T means true and F means false; & is AND, | is OR, ^ is XOR, ~ is NOT.\n%s\nWhat's the result?" % render(e, ASCII)
    return text, e, {}, False, {}


def render_lisp(e):
    op = e[0]
    if op == "c":
        return "t" if e[1] else "nil"
    if op == "v":
        return e[1]
    return "(%s %s)" % (op, " ".join(render_lisp(x) for x in e[1]))


def l_lisp_sexpr(rng, want):
    vs, env = make_env(rng, ["a", "b", "c", "d"], rng.randint(2, 4))
    e = gen_target(rng, want, env, (2, 8), ["and", "or", "not", "and", "or"], leaf_vars(rng, vs, 0.2))
    binds = " ".join("(%s %s)" % (v, "t" if env[v] else "nil") for v in vs)
    text = "```lisp\n(let (%s)\n  %s)\n```\nIn Common Lisp, does this form return T or NIL?" % (binds, render_lisp(e))
    return text, e, env, False, STD


def render_excel(e, cell):
    op = e[0]
    if op == "c":
        return "TRUE" if e[1] else "FALSE"
    if op == "v":
        return cell[e[1]]
    return "%s(%s)" % (op.upper(), ", ".join(render_excel(x, cell) for x in e[1]))


def l_excel_formula(rng, want):
    vs, env = make_env(rng, ["v1", "v2", "v3", "v4"], rng.randint(2, 4))
    cell = {v: "%s%d" % (rng.choice("ABC"), i + 1) for i, v in enumerate(vs)}
    ops = ["and", "or", "not", "and", "or"] + (["xor"] if rng.random() < 0.3 else [])
    e = gen_target(rng, want, env, (1, 5), ops, leaf_vars(rng, vs, 0.15))
    vals = "\n".join("%s: %s" % (cell[v], tf(env[v], "TRUE", "FALSE")) for v in vs)
    text = "Spreadsheet cells:\n%s\n\nCell E1 contains the formula =%s\nWhat does E1 display?" % (vals, render_excel(e, cell))
    return text, e, env, False, STD


def render_verilog(e, vmap):
    N = {"T": "1'b1", "F": "1'b0", "NOT": "~", "prec": {}, "var": lambda x: x,
         "ops": {"and": " & ", "or": " | ", "xor": " ^ "}}
    return render(e, N)


def l_verilog_assign(rng, want):
    vs, env = make_env(rng, ["a", "b", "c", "d", "en", "sel"], rng.randint(2, 4))
    ops = ["and", "or", "not", "and", "or"] + (["xor"] if rng.random() < 0.3 else [])
    e = gen_target(rng, want, env, (1, 5), ops, leaf_vars(rng, vs, 0.1))
    wires = "\n".join("  wire %s = 1'b%d;" % (v, 1 if env[v] else 0) for v in vs)
    code = "module top;\n%s\n  wire y;\n  assign y = %s;\nendmodule" % (wires, render_verilog(e, None))
    text = "%s\nIs y 1 (true) or 0 (false)?" % fence(code, "verilog")
    return text, e, env, False, {}


def to_json_ast(e):
    op = e[0]
    if op == "c":
        return e[1]
    if op == "v":
        return {"var": e[1]}
    name = {"imp": "implies"}.get(op, op)
    return {"op": name, "args": [to_json_ast(x) for x in e[1]]}


def l_json_ast(rng, want):
    vs, env = make_env(rng, ["x", "y", "z"], rng.randint(1, 3))
    e = gen_target(rng, want, env, (1, 5), ["and", "or", "not", "xor", "nand", "nor", "imp"],
                   leaf_vars(rng, vs, 0.4), max_arity=2)
    obj = {"vars": {v: env[v] for v in vs}, "expr": to_json_ast(e)}
    text = "Evaluate this boolean expression tree (\"vars\" gives the variable values):\n%s\nIs the result true or false?" % (
        fence(json.dumps(obj), "json"))
    return text, e, env, False, STD


LOGIC_STYLES = [
    # name, fn, holdout_only, count (None = default)
    ("python_literal_expr", l_python_literal_expr, False, None),
    ("python_vars_code", l_python_vars_code, False, None),
    ("c_bool_vars", l_c_bool_vars, False, None),
    ("js_console", l_js_console, False, None),
    ("sql_select", l_sql_select, False, None),
    ("math_symbols_consts", l_math_symbols_consts, False, None),
    ("math_vars_assignment", l_math_vars_assignment, False, None),
    ("binary_digits_legend", l_binary_digits_legend, False, None),
    ("plain_words", l_plain_words, False, None),
    ("prose_assignment", l_prose_assignment, False, None),
    ("xor_nand_nor_words", l_xor_nand_nor_words, False, None),
    ("implication_textbook", l_implication_textbook, False, None),
    ("redundant_brackets", l_redundant_brackets, False, None),
    ("flat_chain", l_flat_chain, False, None),
    ("stacked_negations", l_stacked_negations, False, None),
    ("rust_let", l_rust_let, False, None),
    ("assistant_wrapper", l_assistant_wrapper, False, None),
    ("homework_problem", l_homework_problem, False, None),
    ("boolean_algebra", l_boolean_algebra, False, None),
    ("feature_flags_config", l_feature_flags_config, False, None),
    ("email_question", l_email_question, False, None),
    ("haskell_ghci", l_haskell_ghci, False, None),
    ("mixed_precedence_chain", l_mixed_precedence_chain, False, None),
    ("latex_expr", l_latex_expr, False, None),
    ("is_it_false_question", l_is_it_false_question, False, 8),
    ("java_if_statement", l_java_if_statement, False, None),
    ("powershell", l_powershell, False, None),
    ("ascii_symbols", l_ascii_symbols, False, None),
    ("lisp_sexpr", l_lisp_sexpr, True, None),
    ("excel_formula", l_excel_formula, True, None),
    ("verilog_assign", l_verilog_assign, True, None),
    ("json_ast", l_json_ast, True, None),
]



def make_logic_item(name, fn, rng, want):
    for _ in range(200):
        text, e, env, negated, prec = fn(rng, want)
        value = ev(e, env)
        assert python_check(e, env, prec) == value, (name, e)
        expected = (not value) if negated else value
        assert expected == want, (name, want, value)
        if len(text) <= MAX_CHARS:
            return text, expected
    raise RuntimeError("could not fit %s" % name)


# ---------------------------------------------------------------------------
# KINSHIP domain
# ---------------------------------------------------------------------------
# A fact (A, term, B) always means "A is B's <term>", term in
# mother father son daughter sister brother wife husband (so it genders A).
PARENT_T = {"F": "mother", "M": "father"}
CHILD_T = {"F": "daughter", "M": "son"}
SIB_T = {"F": "sister", "M": "brother"}
SPOUSE_T = {"F": "wife", "M": "husband"}
SUBJ_PRON = {"F": "She", "M": "He"}
POSS_PRON = {"F": "her", "M": "his"}


def opp(g):
    return "M" if g == "F" else "F"


KIN_TERM = {
    "parent": {"F": "mother", "M": "father"},
    "child": {"F": "daughter", "M": "son"},
    "sibling": {"F": "sister", "M": "brother"},
    "spouse": {"F": "wife", "M": "husband"},
    "grandparent": {"F": "grandmother", "M": "grandfather"},
    "grandchild": {"F": "granddaughter", "M": "grandson"},
    "great-grandparent": {"F": "great-grandmother", "M": "great-grandfather"},
    "great-grandchild": {"F": "great-granddaughter", "M": "great-grandson"},
    "auntuncle": {"F": "aunt", "M": "uncle"},
    "niecenephew": {"F": "niece", "M": "nephew"},
    "great-auntuncle": {"F": "great-aunt", "M": "great-uncle"},
    "first cousin": {"F": "first cousin", "M": "first cousin"},
    "first cousin once removed": {"F": "first cousin once removed", "M": "first cousin once removed"},
    "second cousin": {"F": "second cousin", "M": "second cousin"},
    "parent-in-law": {"F": "mother-in-law", "M": "father-in-law"},
    "child-in-law": {"F": "daughter-in-law", "M": "son-in-law"},
    "sibling-in-law": {"F": "sister-in-law", "M": "brother-in-law"},
}

BLOOD = {(1, 0): "parent", (0, 1): "child", (1, 1): "sibling", (2, 0): "grandparent", (0, 2): "grandchild",
         (3, 0): "great-grandparent", (0, 3): "great-grandchild", (2, 1): "auntuncle", (1, 2): "niecenephew",
         (3, 1): "great-auntuncle", (2, 2): "first cousin", (2, 3): "first cousin once removed",
         (3, 2): "first cousin once removed", (3, 3): "second cousin"}

# (neutral relation, spouse-at-start, up, down, spouse-at-end)
KINDS = [("parent", 0, 1, 0, 0), ("child", 0, 0, 1, 0), ("sibling", 0, 1, 1, 0), ("grandparent", 0, 2, 0, 0),
         ("grandchild", 0, 0, 2, 0), ("great-grandparent", 0, 3, 0, 0), ("great-grandchild", 0, 0, 3, 0),
         ("auntuncle", 0, 2, 1, 0), ("niecenephew", 0, 1, 2, 0), ("great-auntuncle", 0, 3, 1, 0),
         ("first cousin", 0, 2, 2, 0), ("first cousin once removed", 0, 3, 2, 0),
         ("first cousin once removed", 0, 2, 3, 0), ("second cousin", 0, 3, 3, 0), ("spouse", 1, 0, 0, 0),
         ("parent-in-law", 1, 1, 0, 0), ("child-in-law", 0, 0, 1, 1), ("sibling-in-law", 1, 1, 1, 0),
         ("sibling-in-law", 0, 1, 1, 1)]

NEAR = {
    "mother": ["grandmother", "aunt", "sister", "mother-in-law"],
    "father": ["grandfather", "uncle", "brother", "father-in-law"],
    "daughter": ["granddaughter", "niece", "sister", "daughter-in-law"],
    "son": ["grandson", "nephew", "brother", "son-in-law"],
    "sister": ["first cousin", "aunt", "niece", "sister-in-law", "mother"],
    "brother": ["first cousin", "uncle", "nephew", "brother-in-law", "father"],
    "wife": ["sister-in-law", "sister", "daughter-in-law"],
    "husband": ["brother-in-law", "brother", "son-in-law"],
    "grandmother": ["great-grandmother", "mother", "great-aunt", "aunt"],
    "grandfather": ["great-grandfather", "father", "great-uncle", "uncle"],
    "granddaughter": ["great-granddaughter", "daughter", "niece"],
    "grandson": ["great-grandson", "son", "nephew"],
    "great-grandmother": ["grandmother", "great-aunt"],
    "great-grandfather": ["grandfather", "great-uncle"],
    "great-granddaughter": ["granddaughter", "niece"],
    "great-grandson": ["grandson", "nephew"],
    "aunt": ["niece", "great-aunt", "first cousin", "mother", "sister"],
    "uncle": ["nephew", "great-uncle", "first cousin", "father", "brother"],
    "niece": ["aunt", "first cousin", "granddaughter", "daughter"],
    "nephew": ["uncle", "first cousin", "grandson", "son"],
    "great-aunt": ["aunt", "grandmother", "first cousin once removed"],
    "great-uncle": ["uncle", "grandfather", "first cousin once removed"],
    "mother-in-law": ["mother", "aunt", "grandmother", "sister-in-law"],
    "father-in-law": ["father", "uncle", "grandfather", "brother-in-law"],
    "daughter-in-law": ["daughter", "niece", "sister-in-law"],
    "son-in-law": ["son", "nephew", "brother-in-law"],
    "sister-in-law": ["sister", "wife", "first cousin", "daughter-in-law"],
    "brother-in-law": ["brother", "husband", "first cousin", "son-in-law"],
    ("first cousin", "F"): ["second cousin", "first cousin once removed", "sister", "aunt", "niece"],
    ("first cousin", "M"): ["second cousin", "first cousin once removed", "brother", "uncle", "nephew"],
    ("first cousin once removed", "F"): ["first cousin", "second cousin", "aunt", "niece"],
    ("first cousin once removed", "M"): ["first cousin", "second cousin", "uncle", "nephew"],
    ("second cousin", "F"): ["first cousin", "first cousin once removed", "sister"],
    ("second cousin", "M"): ["first cousin", "first cousin once removed", "brother"],
}

ANSWER_TERMS = sorted(set(v for d in KIN_TERM.values() for v in d.values()))


def solve_kin(facts, subj, anchor):
    """Independent solver: relation (neutral key) of subj to anchor from the rendered facts."""
    parents, spouse, sibs, people = defaultdict(set), defaultdict(set), [], []
    for A, t, B in facts:
        for p in (A, B):
            if p not in people:
                people.append(p)
        if t in ("mother", "father"):
            parents[B].add(A)
        elif t in ("son", "daughter"):
            parents[A].add(B)
        elif t in ("sister", "brother"):
            sibs.append((A, B))
        elif t in ("wife", "husband"):
            spouse[A].add(B)
            spouse[B].add(A)
        else:
            raise ValueError(t)
    uf = {p: p for p in people}

    def find(x):
        while uf[x] != x:
            x = uf[x]
        return x
    for a, b in sibs:
        ra, rb = find(a), find(b)
        if ra != rb:
            uf[ra] = rb
    groups = defaultdict(list)
    for p in people:
        groups[find(p)].append(p)
    gpar = {}
    for r, mem in groups.items():
        ps = set()
        for m in mem:
            ps |= parents[m]
        if not ps and len(mem) > 1:
            ps = {("VP", r)}
        gpar[r] = ps

    def par(x):
        return gpar[find(x)] if x in uf else set()

    def anc(x):
        dist, frontier = {x: 0}, [x]
        while frontier:
            nxt = []
            for y in frontier:
                for p in par(y):
                    if p not in dist:
                        dist[p] = dist[y] + 1
                        nxt.append(p)
            frontier = nxt
        return dist

    def blood(s, a):
        da, ds = anc(a), anc(s)
        common = [c for c in da if c in ds]
        if not common:
            return None
        best = min(da[c] + ds[c] for c in common)
        opts = set((da[c], ds[c]) for c in common if da[c] + ds[c] == best)
        if len(opts) != 1:
            return "AMBIG"
        return opts.pop()

    b = blood(subj, anchor)
    if b == "AMBIG":
        return None
    if b is not None:
        return BLOOD.get(b)
    if anchor in spouse[subj]:
        return "spouse"
    for sp in sorted(spouse[subj]):
        bb = blood(sp, anchor)
        if bb == (0, 1):
            return "child-in-law"
        if bb == (1, 1):
            return "sibling-in-law"
    for sp in sorted(spouse[anchor]):
        bb = blood(subj, sp)
        if bb == (1, 0):
            return "parent-in-law"
        if bb == (1, 1):
            return "sibling-in-law"
    return None


class Family:
    def __init__(self, rng):
        self.rng = rng
        self.gender = {}
        self.pool = {"F": rng.sample(FEMALE, len(FEMALE)), "M": rng.sample(MALE, len(MALE))}

    def new(self, g):
        name = self.pool[g].pop()
        self.gender[name] = g
        return name

    def spare_name(self):
        return self.new(self.rng.choice("FM"))


class Story:
    pass


def kind_steps(ss, u, d, se):
    steps = ["spouse"] if ss else []
    if u and d:
        steps += ["up"] * (u - 1) + ["sib"] + ["down"] * (d - 1)
    else:
        steps += ["up"] * u + ["down"] * d
    if se:
        steps.append("spouse")
    return steps


def build_story(rng, kind, orient="random", n_extra=None):
    label, ss, u, d, se = kind
    steps = kind_steps(ss, u, d, se)
    k = len(steps)
    genders = [rng.choice("FM") for _ in range(k + 1)]
    if se:
        genders[k - 1] = opp(genders[k])
    if ss:
        genders[0] = opp(genders[1])
    fam = Family(rng)
    P = [fam.new(g) for g in genders]
    G = fam.gender
    core = []
    for i, st in enumerate(steps):
        a, b = P[i], P[i + 1]
        fwd = (i == k - 1) or orient == "forward" or (orient == "random" and rng.random() < 0.6)
        if st == "up":
            f = (b, PARENT_T[G[b]], a) if fwd else (a, CHILD_T[G[a]], b)
        elif st == "down":
            f = (b, CHILD_T[G[b]], a) if fwd else (a, PARENT_T[G[a]], b)
        elif st == "sib":
            f = (b, SIB_T[G[b]], a) if fwd else (a, SIB_T[G[a]], b)
        else:
            f = (b, SPOUSE_T[G[b]], a) if fwd else (a, SPOUSE_T[G[a]], b)
        core.append(f)
    married = set()
    for i, st in enumerate(steps):
        if st == "spouse":
            married.add(P[i])
            married.add(P[i + 1])
    if n_extra is None:
        n_extra = rng.randint(max(0, 2 - k), max(0, min(3, 8 - k)))
    extras = []
    for _ in range(n_extra):
        x = rng.choice(P)
        typ = rng.choice(["child", "sibling", "spouse"])
        if typ == "spouse" and x in married:
            typ = "child"
        if typ == "spouse":
            z = fam.new(opp(G[x]))
            married.add(x)
            married.add(z)
            f = (z, SPOUSE_T[G[z]], x) if rng.random() < 0.5 else (x, SPOUSE_T[G[x]], z)
        elif typ == "child":
            z = fam.new(rng.choice("FM"))
            f = (z, CHILD_T[G[z]], x) if rng.random() < 0.6 else (x, PARENT_T[G[x]], z)
        else:
            z = fam.new(rng.choice("FM"))
            f = (z, SIB_T[G[z]], x) if rng.random() < 0.6 else (x, SIB_T[G[x]], z)
        extras.append(f)
    st = Story()
    st.fam, st.G, st.P, st.steps, st.core, st.extras = fam, G, P, steps, core, extras
    st.anchor, st.subject = P[0], P[-1]
    st.label = label
    st.term = KIN_TERM[label][G[P[-1]]]
    return st


def all_facts(rng, st, shuffle=True):
    fs = list(st.core) + list(st.extras)
    if shuffle:
        rng.shuffle(fs)
    return fs


def q_open(rng, S, A):
    return rng.choice(["How is {S} related to {A}?", "What is {S} to {A}?", "Who is {S} to {A}?",
                       "What relation is {S} to {A}?", "{S} is {A}'s what?", "What is {S}'s relationship to {A}?",
                       "Fill in the blank: {S} is {A}'s ____.", "In what way is {S} related to {A}?",
                       "What relationship does {S} have to {A}?"]).format(S=S, A=A)


def q_yn(rng, S, A, t):
    return rng.choice(["Is {S} {A}'s {t}?", "True or false: {S} is {A}'s {t}.", "Is it true that {S} is the {t} of {A}?",
                       "Would it be correct to call {S} {A}'s {t}?", "Is {S} the {t} of {A}?"]).format(S=S, A=A, t=t)


def ask(rng, st, q, name=lambda x: x):
    S, A = name(st.subject), name(st.anchor)
    if q[0] == "open":
        return q_open(rng, S, A)
    return q_yn(rng, S, A, q[1])


# sentence templates ---------------------------------------------------------
PREDS = ["works as a pharmacist", "lives in Leeds", "loves jazz", "runs a small bakery", "is training for a marathon",
         "collects old maps", "teaches high-school chemistry", "just bought a sailboat", "grows tomatoes every summer",
         "volunteers at the library", "plays in a brass band", "rarely misses a football match", "speaks four languages",
         "restores vintage radios"]
ACTS = [("baked a cake for", ""), ("went fishing with", ""), ("drove", " to the airport"), ("called", " on Sunday"),
        ("knitted a scarf for", ""), ("took", " to the zoo"), ("helped", " move house"),
        ("wrote a long letter to", ""), ("plays chess with", " every Friday"), ("taught", " to ride a bike"),
        ("sent a postcard to", ""), ("bought a new bicycle for", ""), ("went hiking with", " last weekend")]
JOBS = ["nurse", "carpenter", "pharmacist", "teacher", "pilot", "librarian", "chef", "plumber", "dentist",
        "architect", "journalist", "software engineer", "florist", "vet", "bus driver"]
PLACES = ["Lisbon", "Denver", "Kyoto", "Cape Town", "Oslo", "Montreal", "Perth", "Seville", "Bruges", "Galway"]
HOBBIES = ["birdwatching", "pottery", "rock climbing", "chess", "gardening", "salsa dancing", "photography",
           "sudoku", "woodworking", "baking bread"]
PETS = ["Biscuit", "Pepper", "Ziggy", "Mochi", "Rusty", "Noodle", "Pickles", "Sprocket"]


def t_plain(A, t, B, G, rng):
    return "%s is %s's %s." % (A, B, t)


def t_reverse(A, t, B, G, rng):
    return "%s's %s is %s." % (B, t, A)


def t_of(A, t, B, G, rng):
    return "%s is the %s of %s." % (A, t, B)


def t_has(A, t, B, G, rng):
    return rng.choice(["%s has a %s named %s.", "%s has a %s called %s.", "%s has a %s, %s."]) % (B, t, A)


def t_appos(A, t, B, G, rng):
    return "%s's %s, %s, %s." % (B, t, A, rng.choice(PREDS))


def t_activity(A, t, B, G, rng):
    verb, tail = rng.choice(ACTS)
    return "%s %s %s %s %s%s." % (B, verb, POSS_PRON[G[B]], t, A, tail)


def t_intro(A, t, B, G, rng):
    return rng.choice(["At the reunion, {B} introduced {A} as {p} {t}.",
                       "{B} introduced {A} to everyone as {p} {t}.",
                       "During the toast, {B} pointed out {p} {t}, {A}."]).format(A=A, B=B, t=t, p=POSS_PRON[G[B]])


def t_whose(A, t, B, G, rng):
    return "%s, whose %s is %s, %s." % (B, t, A, rng.choice(PREDS))


MIXED = [t_plain, t_reverse, t_of, t_has, t_appos]


def filler(rng, st, k):
    out = []
    people = st.P
    for tpl in rng.sample(range(9), min(k, 9)):
        X = rng.choice(people)
        if tpl == 0:
            s = "%s works as a %s." % (X, rng.choice(JOBS))
        elif tpl == 1:
            s = "%s lives in %s." % (X, rng.choice(PLACES))
        elif tpl == 2:
            s = "%s has a dog named %s." % (X, rng.choice(PETS))
        elif tpl == 3:
            s = "%s enjoys %s." % (X, rng.choice(HOBBIES))
        elif tpl == 4:
            s = "%s drives a %s car." % (X, rng.choice(["red", "blue", "silver", "green", "black"]))
        elif tpl == 5:
            s = "Last summer %s visited %s." % (X, rng.choice(PLACES))
        elif tpl == 6:
            s = "%s's neighbor, %s, is a %s." % (X, st.fam.spare_name(), rng.choice(JOBS))
        elif tpl == 7:
            Y = rng.choice([p for p in people if p != X])
            s = "%s and %s went to the cinema together last week." % (X, Y)
        else:
            s = "%s has never liked %s." % (X, rng.choice(["olives", "thunderstorms", "karaoke", "early mornings"]))
        out.append(s)
    return out


def interleave(rng, a, b):
    """Insert items of b at random positions in a (order of a kept)."""
    out = list(a)
    for x in b:
        out.insert(rng.randint(0, len(out)), x)
    return out


def tail_instr(rng, q):
    if q[0] == "open":
        return rng.choice(["", " Answer with a single relationship term.", " Reply with one kinship word or phrase."])
    return rng.choice(["", " Answer yes or no.", " Please answer yes or no."])


# expansion: sibling facts -> shared parents (for parent-record styles) ----------
def expand_to_parents(rng, st, facts, co_parent_all):
    fam, G = st.fam, st.G
    chain = set(st.P)
    parents = defaultdict(list)
    spouse_of = defaultdict(list)
    spouse_facts = []
    order = []

    def note(p):
        if p not in order:
            order.append(p)
    for A, t, B in facts:
        note(A)
        note(B)
        if t in ("mother", "father"):
            if A not in parents[B]:
                parents[B].append(A)
        elif t in ("son", "daughter"):
            if B not in parents[A]:
                parents[A].append(B)
        elif t in ("wife", "husband"):
            spouse_facts.append((A, t, B))
            spouse_of[A].append(B)
            spouse_of[B].append(A)
    for A, t, B in facts:
        if t not in ("sister", "brother"):
            continue
        ps = list(parents[A]) + [p for p in parents[B] if p not in parents[A]]
        assert not (parents[A] and parents[B] and set(parents[A]) != set(parents[B]))
        if not ps:
            m, f = fam.new("F"), fam.new("M")
            note(m)
            note(f)
            ps = [m, f]
            spouse_facts.append((f, "husband", m))
            spouse_of[m].append(f)
            spouse_of[f].append(m)
        for x in (A, B):
            for p in ps:
                if p not in parents[x]:
                    parents[x].append(p)
    for c in list(order):
        ps = parents.get(c, [])
        if len(ps) == 1 and (co_parent_all or rng.random() < 0.5):
            p = ps[0]
            cands = [s for s in spouse_of[p] if s not in chain]
            if cands:
                co = cands[0]
            elif not spouse_of[p]:
                co = fam.new(opp(G[p]))
                note(co)
                spouse_facts.append((co, SPOUSE_T[G[co]], p))
                spouse_of[p].append(co)
                spouse_of[co].append(p)
            else:
                continue
            # give co-parent to all children of p that have only p
            for c2 in order:
                if parents.get(c2) == [p]:
                    parents[c2].append(co)
    for c, ps in parents.items():
        if len(ps) == 2:
            assert G[ps[0]] != G[ps[1]], (c, ps)
    out = []
    for c in order:
        for p in parents.get(c, []):
            out.append((c, CHILD_T[G[c]], p))
    out += spouse_facts
    return out, parents, spouse_facts, order


def couple_phrase(rng, ps, G):
    if len(ps) == 1:
        return ps[0], set()  # single parent: caller uses singular verb
    m = ps[0] if G[ps[0]] == "F" else ps[1]
    f = ps[1] if m == ps[0] else ps[0]
    if rng.random() < 0.5:
        return "%s and her husband %s" % (m, f), {m, f}
    return "%s and his wife %s" % (f, m), {m, f}


def children_phrase(rng, kids, G):
    if len(kids) == 1:
        return rng.choice(["a %s, %s", "a %s named %s"]) % (CHILD_T[G[kids[0]]], kids[0])
    parts = ["a %s named %s" % (CHILD_T[G[k]], k) for k in kids]
    num = ["two", "three", "four", "five", "six", "seven"][len(kids) - 2]
    return "%s children: %s" % (num, oxford(parts))


# styles ---------------------------------------------------------------------
# each returns (text, rendered_facts, extra_gendered_names)

def simple_style(tpl_fn, fillers=(0, 1), shuffle=0.6, sep=" "):
    def fn(rng, st, q):
        facts = all_facts(rng, st, rng.random() < shuffle)
        sents = [tpl_fn(A, t, B, st.G, rng) for A, t, B in facts]
        sents = interleave(rng, sents, filler(rng, st, rng.randint(*fillers)))
        qt = ask(rng, st, q)
        text = sep.join(sents) + "\n" + qt + ("" if qt.startswith("True or false") else tail_instr(rng, q))
        return text, facts, set()
    return fn


k_plain_possessive = simple_style(t_plain)
k_reverse_possessive = simple_style(t_reverse)
k_of_phrasing = simple_style(t_of)
k_has_a_named = simple_style(t_has)
k_appositive = simple_style(t_appos, fillers=(0, 0))
k_whose_clauses = simple_style(t_whose, fillers=(0, 0))
k_introductions = simple_style(t_intro, fillers=(0, 1))


def k_activities(rng, st, q):
    facts = all_facts(rng, st)
    sents = [(t_activity if rng.random() < 0.8 else t_plain)(A, t, B, st.G, rng) for A, t, B in facts]
    sents = interleave(rng, sents, filler(rng, st, rng.randint(0, 1)))
    return " ".join(sents) + " " + ask(rng, st, q), facts, set()


def k_pronoun_narrative(rng, st, q):
    P, G = st.P, st.G
    sents = []
    for i, (A, t, B) in enumerate(st.core):
        topic, other = P[i], P[i + 1]
        pron = i > 0 and G[P[i]] != G[P[i - 1]]
        if A == other:   # other is topic's t
            if pron:
                s = rng.choice(["%s has a %s named %s." % (SUBJ_PRON[G[topic]], t, A),
                                "%s %s is %s." % (POSS_PRON[G[topic]].capitalize(), t, A)])
            else:
                s = rng.choice(["%s has a %s named %s." % (topic, t, A), "%s's %s is %s." % (topic, t, A)])
        else:            # topic is other's t
            if pron:
                s = rng.choice(["%s is %s's %s." % (SUBJ_PRON[G[topic]], B, t),
                                "%s is the %s of %s." % (SUBJ_PRON[G[topic]], t, B)])
            else:
                s = "%s is %s's %s." % (topic, B, t)
        sents.append(s)
    sents += [t_plain(A, t, B, G, rng) for A, t, B in st.extras]
    sents += filler(rng, st, rng.randint(0, 1))
    return " ".join(sents) + "\n\n" + ask(rng, st, q), list(st.core) + list(st.extras), set()


def k_couples_children(rng, st, q):
    facts, parents, spouse_facts, order = expand_to_parents(rng, st, st.core + st.extras, True)
    G = st.G
    groups = []
    for c in order:
        ps = parents.get(c)
        if not ps:
            continue
        key = tuple(sorted(ps))
        for g in groups:
            if g[0] == key:
                g[1].append(c)
                break
        else:
            groups.append((key, [c], list(ps)))
    sents, gendered, covered = [], set(), set()
    for key, kids, ps in groups:
        cp, gd = couple_phrase(rng, ps, G)
        gendered |= gd
        covered.add(frozenset(ps))
        if len(ps) == 1:
            sents.append("%s has %s." % (cp, children_phrase(rng, kids, G)))
        else:
            sents.append(rng.choice(["%s have %s." % (cp, children_phrase(rng, kids, G)),
                                     "%s are the proud parents of %s." % (cp, children_phrase(rng, kids, G))]))
    for A, t, B in spouse_facts:
        if frozenset((A, B)) in covered:
            continue
        sents.append(rng.choice(["%s is %s's %s." % (A, B, t), "%s's %s is %s." % (B, t, A)]))
    rng.shuffle(sents)
    qt = ask(rng, st, q)
    return " ".join(sents) + "\n" + qt + ("" if qt.startswith("True or false") else tail_instr(rng, q)), facts, gendered


def k_born_to(rng, st, q):
    facts, parents, spouse_facts, order = expand_to_parents(rng, st, st.core + st.extras, True)
    G = st.G
    sents, gendered, covered = [], set(), set()
    for c in order:
        ps = parents.get(c)
        if not ps:
            continue
        cp, gd = couple_phrase(rng, ps, G)
        gendered |= gd
        covered.add(frozenset(ps))
        girl = "girl" if G[c] == "F" else "boy"
        sents.append(rng.choice(["%s, a baby %s, was born to %s." % (c, girl, cp),
                                 "%s had a %s, %s." % (cp, CHILD_T[G[c]], c)]))
    for A, t, B in spouse_facts:
        if frozenset((A, B)) in covered:
            continue
        sents.append("%s is %s's %s." % (A, B, t))
    rng.shuffle(sents)
    return "From the parish register: " + " ".join(sents) + "\n" + ask(rng, st, q), facts, gendered


def k_bullet_facts(rng, st, q):
    facts = all_facts(rng, st)
    b = rng.choice(["-", "*", "•"])
    lines = ["%s %s" % (b, rng.choice(MIXED[:4])(A, t, B, st.G, rng).rstrip(".")) for A, t, B in facts]
    qt = ask(rng, st, q)
    text = "Facts:\n%s\n\nQuestion: %s%s" % ("\n".join(lines), qt, "" if qt.startswith("True or false") else tail_instr(rng, q))
    return text, facts, set()


def k_markdown_table(rng, st, q):
    facts = all_facts(rng, st)
    rows = ["| %s | %s | %s |" % (A, t, B) for A, t, B in facts]
    text = ("Each row means: <Person> is the <Relationship> of <Related to>.\n\n| Person | Relationship | Related to |\n"
            "|---|---|---|\n%s\n\n%s") % ("\n".join(rows), ask(rng, st, q))
    return text, facts, set()


def k_json_facts(rng, st, q):
    facts = all_facts(rng, st)
    arr = [{"person": A, "is": t, "of": B} for A, t, B in facts]
    js = json.dumps({"facts": arr}, indent=2) if rng.random() < 0.4 else json.dumps(arr)
    text = "%s\n%s" % (fence(js, "json"), ask(rng, st, q))
    return text, facts, set()


def k_csv_rows(rng, st, q):
    facts = all_facts(rng, st)
    rows = "person,is_the,of\n" + "\n".join("%s,%s,%s" % f for f in facts)
    text = "family.csv:\n%s\n%s" % (fence(rows), ask(rng, st, q))
    return text, facts, set()


def k_filler_heavy(rng, st, q):
    facts = all_facts(rng, st)
    sents = [rng.choice(MIXED)(A, t, B, st.G, rng) for A, t, B in facts]
    sents = interleave(rng, sents, filler(rng, st, rng.randint(3, 6)))
    return " ".join(sents) + " " + ask(rng, st, q), facts, set()


def k_assistant_wrapper(rng, st, q):
    facts = all_facts(rng, st)
    sents = [rng.choice(MIXED)(A, t, B, st.G, rng) for A, t, B in facts]
    sysmsg = rng.choice(["You are a helpful assistant.", "You are a helpful assistant that answers questions about family relationships.",
                         "You are a genealogy expert. Be concise."])
    instr = "Answer with a single kinship term." if q[0] == "open" else "Answer yes or no."
    text = "System: %s\n\nUser: Here is some information about a family.\n%s\n\n%s %s" % (
        sysmsg, " ".join(sents), ask(rng, st, q), instr)
    return text, facts, set()


def k_puzzle_site(rng, st, q):
    facts = all_facts(rng, st)
    sents = [rng.choice(MIXED)(A, t, B, st.G, rng) for A, t, B in facts]
    text = "Family Tree Puzzle #%d  (difficulty: %s)\n\n%s\n\nQ: %s" % (
        rng.randint(10, 400), rng.choice(["easy", "medium", "hard"]), "\n".join(sents), ask(rng, st, q))
    return text, facts, set()


def k_homework_exercise(rng, st, q):
    facts = all_facts(rng, st)
    lines = ["%d. %s" % (i + 1, rng.choice(MIXED[:4])(A, t, B, st.G, rng)) for i, (A, t, B) in enumerate(facts)]
    text = "Exercise %d. Read the statements below and answer the question.\n\n%s\n\nQuestion: %s" % (
        rng.randint(1, 20), "\n".join(lines), ask(rng, st, q))
    return text, facts, set()


def k_true_or_false_statement(rng, st, q):
    facts = all_facts(rng, st)
    sents = [rng.choice(MIXED)(A, t, B, st.G, rng) for A, t, B in facts]
    text = "%s\n\nStatement: %s is %s's %s.\nBased on the facts above, is this statement true or false?" % (
        " ".join(sents), st.subject, st.anchor, q[1])
    return text, facts, set()


def k_email_letter(rng, st, q):
    facts = all_facts(rng, st)
    sents = [rng.choice(MIXED + [t_activity])(A, t, B, st.G, rng) for A, t, B in facts]
    to, frm = st.fam.spare_name(), st.fam.spare_name()
    text = ("Subject: seating plan for Saturday\n\nHi %s,\n\nI'm finishing the seating plan and want to get the family "
            "right this time. %s\n\nOne thing I'm unsure about: %s\n\nBest,\n%s") % (
        to, " ".join(sents), ask(rng, st, q), frm)
    return text, facts, set()


def k_forum_post(rng, st, q):
    facts = all_facts(rng, st)
    sents = [rng.choice(MIXED)(A, t, B, st.G, rng) for A, t, B in facts]
    sents = interleave(rng, sents, filler(rng, st, rng.randint(0, 2)))
    text = ("Posted by genealogy_newbie in r/Genealogy\n\nI'm going through some old letters from my grandmother's "
            "attic and trying to piece together a family I don't know. Here is everything I've figured out so far. "
            "%s\n\nSo my question is: %s Thanks in advance!") % (" ".join(sents), ask(rng, st, q))
    return text, facts, set()


def k_semicolon_compact(rng, st, q):
    facts = all_facts(rng, st)
    dash = rng.choice([" — ", " - ", ": "])
    body = "; ".join("%s%s%s's %s" % (A, dash, B, t) for A, t, B in facts)
    return "%s.\n%s" % (body, ask(rng, st, q)), facts, set()


def k_diary_entry(rng, st, q):
    facts = all_facts(rng, st)
    G = st.G
    sents = []
    for A, t, B in facts:
        r = rng.randrange(4)
        if r == 0:
            sents.append("Had lunch with %s and %s %s, %s." % (B, POSS_PRON[G[B]], t, A))
        elif r == 1:
            sents.append("Ran into %s, %s's %s, at the market." % (A, B, t))
        elif r == 2:
            sents.append("Learned today that %s is %s's %s." % (A, B, t))
        else:
            sents.append(t_activity(A, t, B, G, rng))
    sents = interleave(rng, sents, ["The weather was awful.", "Forgot my umbrella again."][:rng.randint(0, 2)])
    text = "Dear diary,\n\n%s\n\nStill puzzling over one thing before bed. %s" % (" ".join(sents), ask(rng, st, q))
    return text, facts, set()


def k_numbered_clues(rng, st, q):
    facts = all_facts(rng, st)
    lines = ["Clue %d: %s" % (i + 1, rng.choice(MIXED)(A, t, B, st.G, rng)) for i, (A, t, B) in enumerate(facts)]
    text = "%s\n\n%s" % ("\n".join(lines), ask(rng, st, q))
    return text, facts, set()


def k_key_value_lines(rng, st, q):
    facts = all_facts(rng, st)
    lines = ["%s.%s = %s" % (B, t, A) for A, t, B in facts]
    text = "# format: <person>.<relation> = <relative>   (X.mother = Y means Y is X's mother)\n%s\n\n%s" % (
        "\n".join(lines), ask(rng, st, q))
    return text, facts, set()


def k_nested_possessive(rng, st, q):
    P, G = st.P, st.G
    core = st.core   # built with orient="forward": core[i] = (P[i+1], t_i, P[i])
    sents, i = [], 0
    while i < len(core):
        if i + 1 < len(core) and rng.random() < 0.75:
            (A1, t1, B1), (A2, t2, B2) = core[i], core[i + 1]
            assert B2 == A1
            sents.append(rng.choice(["%s is the %s of %s's %s, %s." % (A2, t2, B1, t1, A1),
                                     "%s's %s, %s, has a %s named %s." % (B1, t1, A1, t2, A2)]))
            i += 2
        else:
            A, t, B = core[i]
            sents.append(t_plain(A, t, B, G, rng))
            i += 1
    sents += [t_plain(A, t, B, G, rng) for A, t, B in st.extras]
    return " ".join(sents) + "\n" + ask(rng, st, q), list(core) + list(st.extras), set()


k_nested_possessive.orient = "forward"


def k_prolog_facts(rng, st, q):
    facts = all_facts(rng, st)
    low = lambda x: x.lower()
    terms = sorted(set(t for _, t, _ in facts))
    hdr = "\n".join("%% %s(X, Y): X is the %s of Y." % (t, t) for t in terms)
    body = "\n".join("%s(%s, %s)." % (t, low(A), low(B)) for A, t, B in facts)
    text = "```prolog\n%s\n%s\n```\n%% Question: %s" % (hdr, body, ask(rng, st, q, low))
    text = text.replace("```\n% Question:", "```\nQuestion:")
    return text, facts, set()


k_prolog_facts.lower = True


def k_quoted_speech(rng, st, q):
    facts = all_facts(rng, st)
    sents = []
    for A, t, B in facts:
        sents.append(rng.choice(["\"%s is my %s,\" said %s." % (A, t, B),
                                 "%s told us, \"%s is my %s.\"" % (B, A, t),
                                 "\"Meet my %s, %s,\" %s said proudly." % (t, A, B)]))
    return " ".join(sents) + "\n" + ask(rng, st, q), facts, set()


def k_census_records(rng, st, q):
    facts, parents, spouse_facts, order = expand_to_parents(rng, st, st.core + st.extras, False)
    G = st.G
    sp = defaultdict(list)
    for A, t, B in spouse_facts:
        sp[A].append(B)
        sp[B].append(A)
    recs = list(order)
    rng.shuffle(recs)
    blocks = []
    for i, p in enumerate(recs):
        ps = parents.get(p, [])
        fa = [x for x in ps if G[x] == "M"]
        mo = [x for x in ps if G[x] == "F"]
        blocks.append("Record %d\n  Name: %s\n  Sex: %s\n  Father: %s\n  Mother: %s\n  Spouse: %s" % (
            i + 1, p, G[p], fa[0] if fa else "unknown", mo[0] if mo else "unknown", sp[p][0] if sp[p] else "-"))
    text = "Transcribed household records:\n\n%s\n\n%s" % ("\n\n".join(blocks), ask(rng, st, q))
    return text, facts, set(order)


def k_yaml_profiles(rng, st, q):
    facts = all_facts(rng, st)
    by = defaultdict(list)
    owners = []
    for A, t, B in facts:
        if B not in owners:
            owners.append(B)
        by[B].append((t, A))
    lines = ["# each entry lists the named person's relatives: <relation>: <name>"]
    for B in owners:
        lines.append("%s:" % B)
        seen = []
        for t, A in by[B]:
            if t in seen:
                continue
            seen.append(t)
            names = [a for tt, a in by[B] if tt == t]
            lines.append("  %s: %s" % (t, names[0] if len(names) == 1 else "[" + ", ".join(names) + "]"))
    text = "%s\n%s" % (fence("\n".join(lines), "yaml"), ask(rng, st, q))
    return text, facts, set()


KIN_STYLES = [
    ("plain_possessive", k_plain_possessive, False),
    ("reverse_possessive", k_reverse_possessive, False),
    ("of_phrasing", k_of_phrasing, False),
    ("has_a_named", k_has_a_named, False),
    ("appositive", k_appositive, False),
    ("activities", k_activities, False),
    ("pronoun_narrative", k_pronoun_narrative, False),
    ("couples_children", k_couples_children, False),
    ("bullet_facts", k_bullet_facts, False),
    ("markdown_table", k_markdown_table, False),
    ("json_facts", k_json_facts, False),
    ("csv_rows", k_csv_rows, False),
    ("filler_heavy", k_filler_heavy, False),
    ("assistant_wrapper", k_assistant_wrapper, False),
    ("puzzle_site", k_puzzle_site, False),
    ("homework_exercise", k_homework_exercise, False),
    ("true_or_false_statement", k_true_or_false_statement, False),
    ("email_letter", k_email_letter, False),
    ("forum_post", k_forum_post, False),
    ("introductions", k_introductions, False),
    ("whose_clauses", k_whose_clauses, False),
    ("born_to", k_born_to, False),
    ("semicolon_compact", k_semicolon_compact, False),
    ("diary_entry", k_diary_entry, False),
    ("numbered_clues", k_numbered_clues, False),
    ("key_value_lines", k_key_value_lines, False),
    ("nested_possessive", k_nested_possessive, False),
    ("prolog_facts", k_prolog_facts, True),
    ("quoted_speech", k_quoted_speech, True),
    ("census_records", k_census_records, True),
    ("yaml_profiles", k_yaml_profiles, True),
]


def make_kin_item(name, fn, rng, kind, qtype, yn_answer):
    for _ in range(200):
        st = build_story(rng, kind, orient=getattr(fn, "orient", "random"))
        g = st.G[st.subject]
        if qtype == "open":
            q, expected = ("open", None), st.term
        else:
            if yn_answer:
                term = st.term
            else:
                near = NEAR.get(st.term) or NEAR[(st.term, g)]
                term = rng.choice([x for x in near if x != st.term])
            q, expected = ("yn", term), yn_answer
        text, facts, gendered = fn(rng, st, q)
        rel = solve_kin(facts, st.subject, st.anchor)
        assert rel is not None and KIN_TERM[rel][g] == st.term, (name, st.label, rel, facts)
        assert any(A == st.subject for A, t, B in facts) or st.subject in gendered, (name, facts)
        low = getattr(fn, "lower", False)
        for p in (st.subject, st.anchor):
            assert (p.lower() if low else p) in text
        if len(text) <= MAX_CHARS:
            return text, expected
    raise RuntimeError("could not fit %s" % name)


# ---------------------------------------------------------------------------
# Hand-written free-form items.  Each carries the structure it was written
# from; the hand label is asserted against the independent solver.
# ---------------------------------------------------------------------------
HAND_GRAPH = [
    # (text, directed, edges, source, target, negated_question, hand_label)
    ("My cat knocked over the whiteboard and all I have left is a blurry photo of the office network diagram. "
     "From what I can read: the router is wired to switch-A and to switch-B; switch-A feeds the printer and the NAS; "
     "switch-B feeds the lab PCs. The security camera sits on its own PoE injector, which isn't plugged into "
     "anything else. Can the NAS reach the security camera?",
     False, [("router", "switch-A"), ("router", "switch-B"), ("switch-A", "printer"), ("switch-A", "NAS"),
             ("switch-B", "lab PCs"), ("camera", "PoE injector")], "NAS", "camera", False, False),
    ("The Wren flows into the Alder, and the Alder flows into the Marrow, which empties into the sea. The Sedge is "
     "a small stream that flows into the Wren. Could a paper boat dropped into the Sedge drift (downstream only) "
     "into the Marrow?",
     True, [("Wren", "Alder"), ("Alder", "Marrow"), ("Marrow", "sea"), ("Sedge", "Wren")], "Sedge", "Marrow",
     False, True),
    ("In the game, rooms are linked by one-way slides: from the Attic you slide down to the Loft, from the Loft to "
     "the Hall, and from the Hall to the Cellar. A ladder in the Cellar leads back up to the Loft (the ladder only "
     "goes up). Starting in the Cellar, can you ever get back to the Attic?",
     True, [("Attic", "Loft"), ("Loft", "Hall"), ("Hall", "Cellar"), ("Cellar", "Loft")], "Cellar", "Attic",
     False, False),
    ("git log --graph, summarised: commit c5's parent is c4, c4's parent is c2, c3's parent is c2, and c2's parent "
     "is c1. Following parent pointers, is c3 reachable from c5 (in other words, is c3 an ancestor of c5)?",
     True, [("c5", "c4"), ("c4", "c2"), ("c3", "c2"), ("c2", "c1")], "c5", "c3", False, False),
    ("Lines: the Blue line runs Airport – Central – Museum – Harbor. The Green line runs University – Museum – "
     "Stadium. The Orange shuttle runs only between Old Town and Riverside. All trains run in both directions. "
     "Can I ride from the Airport to the Stadium?",
     False, [("Airport", "Central"), ("Central", "Museum"), ("Museum", "Harbor"), ("University", "Museum"),
             ("Museum", "Stadium"), ("Old Town", "Riverside")], "Airport", "Stadium", False, True),
    ("adjacency list (directed):\n1: 2 3\n2: 4\n3:\n4: 1\n5: 6\n6: 5\n\nIs node 3 reachable from node 4?",
     True, [(1, 2), (1, 3), (2, 4), (4, 1), (5, 6), (6, 5)], 4, 3, False, True),
    ("Bridges: North Isle–Middle Isle, Middle Isle–South Isle, East Key–West Key. Every bridge can be crossed "
     "either way. Are North Isle and West Key disconnected?",
     False, [("North Isle", "Middle Isle"), ("Middle Isle", "South Isle"), ("East Key", "West Key")],
     "North Isle", "West Key", True, True),
    ("hey quick q about our services. A calls B and C. C calls D. D doesn't call anything. E calls A. "
     "Does D ever end up calling A, directly or indirectly?",
     True, [("A", "B"), ("A", "C"), ("C", "D"), ("E", "A")], "D", "A", False, False),
    ("a > b > c > d > e > f > g > h > i > j > k > l > m\n(each '>' is a one-way edge from left to right)\n"
     "Is m reachable from a?",
     True, [(x, y) for x, y in zip("abcdefghijkl", "bcdefghijklm")], "a", "m", False, True),
    ("Ana and Ben are friends. Ben's only other friend is Caro. Dev is friends with both Eli and Fay. Nobody else "
     "is friends with anyone. Is there a chain of friendships linking Ana to Fay?",
     False, [("Ana", "Ben"), ("Ben", "Caro"), ("Dev", "Eli"), ("Dev", "Fay")], "Ana", "Fay", False, False),
    ("Direct flights (one-way only): Lima → Quito, Quito → Bogotá, Bogotá → Lima, Bogotá → Panama City. "
     "Can you fly from Quito to Panama City?",
     True, [("Lima", "Quito"), ("Quito", "Bogotá"), ("Bogotá", "Lima"), ("Bogotá", "Panama City")],
     "Quito", "Panama City", False, True),
    ("E = {(x1, x2), (x2, x3), (x3, x4), (x5, x4)} is the edge set of a directed graph. "
     "Is there a directed path from x1 to x4?",
     True, [("x1", "x2"), ("x2", "x3"), ("x3", "x4"), ("x5", "x4")], "x1", "x4", False, True),
]

HAND_LOGIC = [
    # (text, python expression, env, hand_label)
    ("raining = True\nhave_umbrella = False\n\nDoes `raining and not have_umbrella` come out True or False?",
     "raining and not have_umbrella", {"raining": True, "have_umbrella": False}, True),
    ("What is the truth value of ¬(⊤ → ⊥)?", "not ((not True) or False)", {}, True),
    ("In C, is !!(1 && 0) || !(0 || 0) true or false?", "(not not (1 and 0)) or (not (0 or 0))", {}, True),
    ("SELECT NOT (TRUE AND (FALSE OR TRUE)) AS r;\n-- what does r come back as?",
     "not (True and (False or True))", {}, False),
    ("Evaluate: true xor (false nor false)", "True != (not (False or False))", {}, False),
    ("boolean a = false;\nif (a || !a && !a) {\n    System.out.println(\"yes\");\n}\nDoes this print yes?",
     "a or ((not a) and (not a))", {"a": False}, True),
    ("Evaluate in Python: not not not (False or (True and not True))",
     "not not not (False or (True and not True))", {}, True),
    ("If p is false and q is false, is (p → q) ∧ (q → p) true or false?",
     "((not p) or q) and ((not q) or p)", {"p": False, "q": False}, True),
    ("What is (TRUE NAND TRUE) OR FALSE?", "(not (True and True)) or False", {}, False),
    ("A = 1, B = 1, C = 0 and F = (A + B)' + C, where ' is complement and + is OR. Is F 1 (true) or 0 (false)?",
     "(not (A or B)) or C", {"A": 1, "B": 1, "C": 0}, False),
    ("True and True and True and True and True and True and True and True and False and True -- true or false?",
     "True and True and True and True and True and True and True and True and False and True", {}, False),
    ("Let x = True and y = True. What does (x or y) and not (x and y) evaluate to?",
     "(x or y) and not (x and y)", {"x": True, "y": True}, False),
]

HAND_KIN = [
    # (text, facts, subject, anchor, subject_gender, asked_term_or_None, hand_label)
    ("Ruth baked a cake for her daughter Heather. Heather's son, Liam, ate most of it before the party even "
     "started. How is Ruth related to Liam?",
     [("Heather", "daughter", "Ruth"), ("Liam", "son", "Heather")], "Ruth", "Liam", "F", None, "grandmother"),
    ("Marcus and his wife Jolene have two kids, Tariq and Amara. A few years ago Amara married a man named Felix. "
     "What is Felix to Jolene?",
     [("Jolene", "wife", "Marcus"), ("Tariq", "son", "Jolene"), ("Tariq", "son", "Marcus"),
      ("Amara", "daughter", "Jolene"), ("Amara", "daughter", "Marcus"), ("Felix", "husband", "Amara")],
     "Felix", "Jolene", "M", None, "son-in-law"),
    ("Grandpa Joe has a sister named Edna. Joe's son is Peter, and Peter has a daughter, Molly. "
     "Is Edna Molly's great-aunt?",
     [("Edna", "sister", "Joe"), ("Peter", "son", "Joe"), ("Molly", "daughter", "Peter")],
     "Edna", "Molly", "F", "great-aunt", True),
    ("Oscar is Nina's brother. Nina is the mother of Ivy, and Ivy's daughter is Pearl. What is Oscar to Pearl?",
     [("Oscar", "brother", "Nina"), ("Nina", "mother", "Ivy"), ("Pearl", "daughter", "Ivy")],
     "Oscar", "Pearl", "M", None, "great-uncle"),
    ("Lena and Dora are sisters. Lena's son is Kai; Dora's daughter is Mira. Who is Mira to Kai?",
     [("Lena", "sister", "Dora"), ("Kai", "son", "Lena"), ("Mira", "daughter", "Dora")],
     "Mira", "Kai", "F", None, "first cousin"),
    ("Dinner at the Okafors' tonight. Chidi sat next to his wife Ngozi, and their son Emeka brought his fiancée "
     "along. Ngozi's brother Obi told stories all night. How is Obi related to Emeka?",
     [("Ngozi", "wife", "Chidi"), ("Emeka", "son", "Ngozi"), ("Emeka", "son", "Chidi"), ("Obi", "brother", "Ngozi")],
     "Obi", "Emeka", "M", None, "uncle"),
    ("Harold walked his daughter Sylvia down the aisle when she married Bernard last spring. "
     "Is Harold Bernard's father-in-law?",
     [("Sylvia", "daughter", "Harold"), ("Sylvia", "wife", "Bernard")], "Harold", "Bernard", "M",
     "father-in-law", True),
    ("Rosa is Tomás's mother. Tomás's wife is Lucía. What is Rosa to Lucía?",
     [("Rosa", "mother", "Tomás"), ("Lucía", "wife", "Tomás")], "Rosa", "Lucía", "F", None, "mother-in-law"),
    ("Ingrid and her brother Sven grew up in Bergen. Sven has a son named Lars, and Lars has a daughter named "
     "Freya. Is Ingrid Freya's aunt?",
     [("Sven", "brother", "Ingrid"), ("Lars", "son", "Sven"), ("Freya", "daughter", "Lars")],
     "Ingrid", "Freya", "F", "aunt", False),
    ("The Patels: Raj and Sunita have a son, Arjun, and a daughter, Priya. Priya's husband is Omar. "
     "How is Omar related to Arjun?",
     [("Arjun", "son", "Raj"), ("Arjun", "son", "Sunita"), ("Priya", "daughter", "Raj"),
      ("Priya", "daughter", "Sunita"), ("Omar", "husband", "Priya")], "Omar", "Arjun", "M", None, "brother-in-law"),
    ("Carmen's father is Diego. Diego's father is Mateo, and Mateo's mother is Lucia. What is Lucia to Carmen?",
     [("Diego", "father", "Carmen"), ("Mateo", "father", "Diego"), ("Lucia", "mother", "Mateo")],
     "Lucia", "Carmen", "F", None, "great-grandmother"),
    ("Eliza and Ruth are sisters. Eliza has a daughter, Maeve, and Ruth has a son, Colm. Colm has a son of his own "
     "named Finn. What is Finn to Maeve?",
     [("Eliza", "sister", "Ruth"), ("Maeve", "daughter", "Eliza"), ("Colm", "son", "Ruth"), ("Finn", "son", "Colm")],
     "Finn", "Maeve", "M", None, "first cousin once removed"),
    ("Beatrice is the wife of Edmund. Edmund's sister is Clara. Is Beatrice Clara's sister?",
     [("Beatrice", "wife", "Edmund"), ("Clara", "sister", "Edmund")], "Beatrice", "Clara", "F", "sister", False),
]


def hand_items(domain):
    out = []
    if domain == "graph":
        for text, directed, edges, s, t, neg, label in HAND_GRAPH:
            G = nx.DiGraph() if directed else nx.Graph()
            G.add_edges_from(edges)
            reach = nx.has_path(G, s, t)
            assert ((not reach) if neg else reach) == label, text
            out.append((text, label))
    elif domain == "logic":
        for text, src, env, label in HAND_LOGIC:
            assert bool(eval(src, {"__builtins__": {}}, dict(env))) == label, text
            out.append((text, label))
    else:
        for text, facts, S, A, g, asked, label in HAND_KIN:
            rel = solve_kin(facts, S, A)
            term = KIN_TERM[rel][g]
            if asked is None:
                assert term == label, (text, term)
            else:
                assert (term == asked) == label, (text, term)
            out.append((text, label))
    return out


# ---------------------------------------------------------------------------
# assembly
# ---------------------------------------------------------------------------
def record(domain, style, text, expected):
    return {"text": text, "expected": expected, "bucket": "%s blind %s" % (domain, style), "style": style}


def build_graph():
    dev, hold = [], []
    for name, fn, hold_only in GRAPH_STYLES:
        rng = rng_for("graph", name)
        n = N_HOLDOUT_ONLY if hold_only else N_SHARED
        items = []
        for i in range(n):
            text, exp = make_graph_item(fn, rng, i % 2 == 0)
            items.append(record("graph", name, text, exp))
        if hold_only:
            hold += items
        else:
            dev += items[:n // 2]
            hold += items[n // 2:]
    return dev, hold


def build_logic():
    dev, hold = [], []
    for name, fn, hold_only, count in LOGIC_STYLES:
        rng = rng_for("logic", name)
        n = count or (N_HOLDOUT_ONLY if hold_only else N_SHARED)
        items = []
        for i in range(n):
            text, exp = make_logic_item(name, fn, rng, i % 2 == 0)
            items.append(record("logic", name, text, exp))
        if hold_only:
            hold += items
        else:
            dev += items[:n // 2]
            hold += items[n // 2:]
    return dev, hold


def build_kinship():
    dev, hold = [], []
    for si, (name, fn, hold_only) in enumerate(KIN_STYLES):
        rng = rng_for("kinship", name)
        n = N_HOLDOUT_ONLY if hold_only else N_SHARED
        items, n_yn = [], 0
        for i in range(n):
            kind = KINDS[(si * 7 + i) % len(KINDS)]
            if name == "true_or_false_statement" or i % 3 == 2:
                qtype, yn = "yn", (n_yn % 2 == 0)
                n_yn += 1
            else:
                qtype, yn = "open", None
            text, exp = make_kin_item(name, fn, rng, kind, qtype, yn)
            items.append(record("kinship", name, text, exp))
        if hold_only:
            hold += items
        else:
            dev += items[:n // 2]
            hold += items[n // 2:]
    return dev, hold


def add_hand(domain, dev, hold):
    for i, (text, label) in enumerate(hand_items(domain)):
        (dev if i % 2 == 0 else hold).append(record(domain, "handwritten", text, label))


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def validate(domain, path, holdout_only_styles, is_holdout):
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    assert len(rows) >= 130, (path, len(rows))
    for r in rows:
        assert set(r) == {"text", "expected", "bucket", "style"}, r
        assert r["bucket"] == "%s blind %s" % (domain, r["style"]), r
        assert isinstance(r["text"], str) and 0 < len(r["text"]) <= 3000, r
        if domain == "kinship":
            assert isinstance(r["expected"], bool) or r["expected"] in ANSWER_TERMS, r
        else:
            assert isinstance(r["expected"], bool), r
        if not is_holdout:
            assert r["style"] not in holdout_only_styles, r
    texts = [r["text"] for r in rows]
    assert len(set(texts)) == len(texts), "duplicate text in %s" % path
    return rows


def main():
    out_dir = HERE
    summary = {}
    for domain, builder, styles in (("graph", build_graph, GRAPH_STYLES),
                                    ("logic", build_logic, LOGIC_STYLES),
                                    ("kinship", build_kinship, KIN_STYLES)):
        dev, hold = builder()
        add_hand(domain, dev, hold)
        hold_only = {s[0] for s in styles if s[2]}
        pd = os.path.join(out_dir, "%s_dev.jsonl" % domain)
        ph = os.path.join(out_dir, "%s_holdout.jsonl" % domain)
        write_jsonl(pd, dev)
        write_jsonl(ph, hold)
        rd = validate(domain, pd, hold_only, False)
        rh = validate(domain, ph, hold_only, True)
        dev_styles = {r["style"] for r in rd}
        hold_styles = {r["style"] for r in rh}
        assert hold_only <= hold_styles and not (hold_only & dev_styles)
        assert dev_styles <= hold_styles
        assert not ({r["text"] for r in rd} & {r["text"] for r in rh})
        for nm, rows in (("dev", rd), ("holdout", rh)):
            exp = [r["expected"] for r in rows]
            nb = [e for e in exp if isinstance(e, bool)]
            summary["%s_%s" % (domain, nm)] = (len(rows), len({r["style"] for r in rows}),
                                               sum(1 for e in nb if e), sum(1 for e in nb if not e),
                                               len(exp) - len(nb))
    for k, (n, ns, t, f, terms) in summary.items():
        print("%-18s items=%4d styles=%2d true=%3d false=%3d terms=%3d" % (k, n, ns, t, f, terms))


if __name__ == "__main__":
    main()
