"""How a network page stays readable at thousands of nodes: the vis-network physics and
styling options for its size, starting positions grouped by community, the lightest edges hidden
past a budget, and parallel edges curved apart. Pure functions on vis records (dicts)."""

from __future__ import annotations

import math
from collections import Counter

# Above this many nodes vis-network's improvedLayout (Kamada-Kawai seeding) takes minutes
# and the page must trade layout quality for responsiveness.
LARGE_GRAPH = 1000
# Above this many nodes the page starts from community-grouped positions computed here,
# so the browser skips Kamada-Kawai seeding and needs 150 physics iterations instead of 300:
# the 300-node overview at 2,000 articles settled in 1.4 s instead of 2.5 s. Ego pages (at
# most kg.render.html.EGO_NEIGHBOURS + 1 nodes) keep vis' own seeding around their fixed centre.
SEEDED_LAYOUT = 200
# A page with more edges than this starts with the lightest hidden: the smallest whole
# min weight that leaves at most this many (the overview at 2,000 articles: weight 2, 1,760
# of 4,056 edges). The caption states the weight; the min-weight control brings them back.
EDGE_BUDGET = 2000
MAX_WEIGHT_CONTROL = 50  # the min-weight control's top (explorer.js caps it there too)

FONT_FACE = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"


def start_weight(edges: list[dict]) -> int:
    """The min weight a page starts with: 1, or the smallest that leaves at most EDGE_BUDGET
    of the edges it would show (on an ego page, the centre's own), at most the heaviest."""
    floors = Counter(math.floor(e["kgWeight"]) for e in edges if not e.get("hidden"))
    # never past the heaviest edge: some edges always stay
    top = min(max(floors, default=1), MAX_WEIGHT_CONTROL)
    total = remaining = sum(count for floor, count in floors.items() if floor >= 1)
    for weight in range(1, top):
        if remaining <= EDGE_BUDGET:
            return weight
        remaining -= floors.get(weight, 0)  # now: the edges of weight >= weight + 1
    return top if remaining < total else 1  # a cut that hides nothing is no cut


def hide_light_edges(nodes: list[dict], edges: list[dict], weight: int, center: str | None) -> int:
    """Hide the edges below ``weight`` and the nodes left without an edge, as the page's
    min-weight control does; returns how many edges were hidden."""
    touched: set[str] = set()
    hidden = 0
    for edge in edges:
        if edge.get("hidden"):
            continue
        if edge["kgWeight"] < weight:
            edge["hidden"] = True
            hidden += 1
        else:
            touched.update((edge["from"], edge["to"]))
    for node in nodes:
        if node["id"] not in touched and node["id"] != center:
            node["hidden"] = True
    return hidden


def spread_parallel(by_pair: dict[frozenset[str], list[dict]]) -> None:
    """Edges that share a pair of nodes (市长 and 代市长 of one government) curve apart, each
    by its own amount, so none hides another."""
    for pair, group in by_pair.items():
        if len(group) < 2:
            continue
        first = min(pair)
        for rank, options in enumerate(group):
            side = rank % 2 == 0
            if options["from"] != first:  # the same side seen from the other end
                side = not side
            options["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if side else "curvedCCW",
                "roundness": round(0.15 + 0.2 * (rank // 2), 2),
            }


def community_seed_layout(
    community: dict[str, int], nodes: list[str]
) -> dict[str, tuple[float, float]]:
    """Starting positions: each community a disc, discs on a sunflower spiral, O(n).

    Members sit on a sunflower inside their disc, highest PageRank in the middle; physics
    then only has to settle the local structure.
    """
    golden = math.pi * (3 - math.sqrt(5))
    spacing = 60.0  # px between neighbouring nodes, near vis' spring length
    groups: dict[int, list[str]] = {}
    for node in nodes:  # nodes arrive in PageRank order within each view
        groups.setdefault(community.get(node, 0), []).append(node)
    ordered = sorted(groups.values(), key=lambda members: (-len(members), members[0]))
    positions: dict[str, tuple[float, float]] = {}
    placed = 0
    for index, members in enumerate(ordered):
        # area-proportional spiral: the disc lands just outside the ones already placed
        radius = spacing * 1.15 * math.sqrt(placed + len(members) / 2)
        cx, cy = radius * math.cos(index * golden), radius * math.sin(index * golden)
        for rank, node in enumerate(members):
            r = spacing * 0.5 * math.sqrt(rank)
            positions[node] = (
                round(cx + r * math.cos(rank * golden), 1),
                round(cy + r * math.sin(rank * golden), 1),
            )
        placed += len(members)
    return positions


def vis_options(count: int, *, big: bool, seeded: bool) -> dict:
    physics: dict = {
        "enabled": True,
        "minVelocity": 0.75,
        "stabilization": {
            "enabled": True,
            "iterations": 40 if big else 150 if seeded else 500 if count <= 100 else 300,
            "updateInterval": 25,
            "fit": True,
        },
    }
    if big:
        physics |= {
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -8000,
                "springLength": 120,
                "springConstant": 0.04,
                "avoidOverlap": 0.1,
            },
        }
    else:
        physics |= {
            "solver": "forceAtlas2Based",
            # Small views (ego pages) get room for labels; a few hundred nodes are packed
            # tighter so the fitted view is not zoomed out past every label.
            "forceAtlas2Based": {
                "gravitationalConstant": -60 if count <= 60 else -45,
                "centralGravity": 0.01 if count <= 60 else 0.02,
                "springLength": 110 if count <= 60 else 80,
                "springConstant": 0.06,
                "avoidOverlap": 0.4 if count <= 60 else 0.3,
            },
        }
    return {
        "autoResize": True,
        "layout": {"improvedLayout": not big and count > 0, "randomSeed": 7},
        "physics": physics,
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "navigationButtons": False,
            "keyboard": False,
        },
        "nodes": {
            "borderWidth": 1,
            "font": {"face": FONT_FACE, "size": 14, "color": "#222222"},
            "scaling": {
                "min": 6,
                "max": 42,
                "label": {"enabled": True, "min": 10, "max": 36, "drawThreshold": 7},
            },
        },
        "edges": {
            "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.3},
            # min == max: labels keep one size, and drawThreshold hides them when zoomed out
            "scaling": {
                "min": 1,
                "max": 8,
                "label": {"enabled": True, "min": 11, "max": 11, "drawThreshold": 8},
            },
            "selectionWidth": 2,
            "font": {
                "face": FONT_FACE,
                "size": 11,
                "align": "middle",
                "color": "#555555",
                "strokeWidth": 3,
            },
            "color": {"inherit": False, "opacity": 0.75},
        },
    }
