"""Offline HTML views of the knowledge graph.

pyvis builds the vis-network node/edge/option records; the page itself comes from our own
Jinja2 template, because pyvis 0.3.2 pulls vis-network, bootstrap and tom-select from CDNs
even with ``cdn_resources="local"``/``"in_line"`` (pyvis issues #228, #229). vis-network is
inlined from ``assets/`` so every page works with no network at all.

Escaping: article text (labels, titles, evidence) only ever enters a page as JSON inside
``<script type="application/json">`` with ``<``, ``>`` and ``&`` written as ``\\u003c`` ...,
or as Jinja2-autoescaped text. The page script builds tooltips and panels with
``textContent``; nothing from the data is ever parsed as HTML.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from urllib.parse import quote

import jinja2
import networkx as nx
from pyvis.network import Network

from kg.graph.analyze import importance
from kg.readwrite import json_text
from kg.readwrite.atomic import atomic_write
from kg.render.styles import (
    RELATION_STYLES,
    TYPE_STYLES,
    TYPED_RELATIONS,
    community_color,
    edge_style,
    node_style,
)

Progress = Callable[[str], None]

# Above this many nodes vis-network's improvedLayout (Kamada-Kawai seeding) takes minutes
# and the page must trade layout quality for responsiveness.
LARGE_GRAPH = 1000
# Above this many nodes the page starts from community-grouped positions computed here,
# so the browser needs a few dozen physics iterations instead of hundreds.
SEEDED_LAYOUT = 300
MAX_EVIDENCE = 3
EGO_NEIGHBOURS = 150  # a hub like the city itself touches thousands of nodes
INDEX_TOP = 10
LOUVAIN_SEED = 42
FONT_FACE = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
TYPE_ORDER = ("PERSON", "ORG", "PROJECT", "LOC")
_EVIDENCE_LINE = re.compile(r"^\[([^\]]*)\]\s?(.*)$")


@dataclass(frozen=True)
class _View:
    filename: str  # relative to out_dir, "/"-separated
    title: str
    caption: str
    nodes: list[str]
    center: str | None = None
    relations: frozenset[str] | None = None  # None: every relation among the nodes
    edge_labels: bool = False


def render_views(
    graph: nx.MultiDiGraph,
    out_dir: Path,
    *,
    top_n: int = 300,
    ego_count: int = 20,
    progress: Progress | None = None,
) -> list[Path]:
    """Write index.html, graph.html, officials.html, orgs.html and ego/<id>.html into out_dir.

    Every page is self-contained and makes no network request. Returns the paths written,
    index.html first.
    """
    plan = ViewPlan(graph, top_n=top_n, ego_count=ego_count)
    written = plan.write_pages(out_dir, progress=progress)
    return [plan.write_index(out_dir, progress=progress), *written]


class ViewPlan:
    """The pages ``render_views`` writes, decided once (scores, egos, what each view shows).

    The network pages are independent of one another, so more than one process forked after
    the plan is made can write them: each takes the next page from a shared counter.
    """

    def __init__(self, graph: nx.MultiDiGraph, *, top_n: int = 300, ego_count: int = 20) -> None:
        if top_n < 1:
            raise ValueError(f"top_n must be at least 1, got {top_n}")
        if ego_count < 0:
            raise ValueError(f"ego_count must be 0 or more, got {ego_count}")
        self.info = _GraphInfo(graph)
        egos = _pick_egos(self.info, ego_count)
        self.ego_files = {node: f"ego/{ego_filename(node)}" for node in egos}
        self.views = [
            *(make(self.info, top_n) for make in _FIXED_VIEWS),
            *(_ego(self.info, node, self.ego_files[node]) for node in egos),
        ]

    def write_pages(
        self, out_dir: Path, order: Iterable[int] | None = None, progress: Progress | None = None
    ) -> list[Path]:
        """Write every network page, or those ``order`` names: page indexes, which may run past
        the last page (a shared counter's ``iter(take, None)``: stops at the first)."""
        out_dir = Path(out_dir)
        (out_dir / "ego").mkdir(parents=True, exist_ok=True)
        report = progress if progress is not None else (lambda _message: None)
        written: list[Path] = []
        for index in range(len(self.views)) if order is None else order:
            if index >= len(self.views):
                break
            view = self.views[index]
            written.append(_write_view(self.info, out_dir, view, ego_files=self.ego_files))
            report(f"render: wrote {view.filename} ({len(view.nodes)} nodes)")
        return written

    @staticmethod
    def most_pages(ego_count: int) -> int:
        """An upper bound on the pages of a plan, known before it is made."""
        return len(_FIXED_VIEWS) + ego_count

    def write_index(self, out_dir: Path, progress: Progress | None = None) -> Path:
        index = _write_index(self.info, Path(out_dir), views=self.views, ego_files=self.ego_files)
        if progress is not None:
            progress("render: wrote index.html")
        return index


def ego_filename(node_id: str) -> str:
    """A file name for a node's ego view: readable, filesystem-safe and unique per id."""
    slug = re.sub(r"\W+", "_", node_id).strip("_")[:40]
    digest = hashlib.sha1(node_id.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}.html"


# --- what the graph holds -----------------------------------------------------------------


class _GraphInfo:
    """The input graph plus the scores the views need, computed once when absent."""

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.graph = graph
        self._evidence: dict[str, list[list[str]]] = {}
        self._node_options: dict[str, dict] = {}
        self._edge_options: dict[int, dict] = {}
        self.pagerank = self._pagerank()
        self.community = self._communities()
        self.ranked = sorted(
            graph.nodes,
            key=lambda n: (-self.pagerank[n], -_int(graph.nodes[n].get("mentions")), str(n)),
        )

    def evidence(self, node: str) -> list[list[str]]:
        """_node_evidence, once per node however many views show it."""
        found = self._evidence.get(node)
        if found is None:
            found = self._evidence[node] = _node_evidence(self.graph, node)
        return found

    def node_options(self, node: str) -> dict:
        """A node's vis record, less what depends on the view (border, ego link, position);
        built once per node however many views show it."""
        found = self._node_options.get(node)
        if found is None:
            attrs = self.graph.nodes[node]
            kind = self.type_of(node)
            style = node_style(kind)
            label = self.label_of(node)
            community = self.community.get(node, 0)
            found = self._node_options[node] = {
                "color": style.color,
                # sqrt: PageRank is heavy-tailed; raw values make one giant and many specks.
                "value": math.sqrt(self.pagerank[node]),
                "kgType": kind,
                "kgAliases": [a for a in _split(attrs.get("aliases")) if a != label],
                "kgTitles": _split(attrs.get("titles")),
                "kgMentions": _int(attrs.get("mentions")),
                "kgArticles": _int(attrs.get("articles")) or len(_split(attrs.get("article_ids"))),
                "kgArticleIds": _split(attrs.get("article_ids"))[:50],
                "kgPagerank": self.pagerank[node],
                "kgCommunity": community,
                "kgTypeColor": style.color,
                "kgCommunityColor": community_color(community),
                "kgEvidence": self.evidence(node),
                "id": str(node),
                "label": label,
                "shape": style.shape,
            }
        return found

    def edge_options(self, data: dict) -> dict:
        """An edge's vis record, less its id and label; once per edge (keyed by its data dict,
        which the graph keeps for as long as this object lives)."""
        found = self._edge_options.get(id(data))
        if found is None:
            relation = str(data.get("relation") or "")
            style = edge_style(relation)
            weight = _float(data.get("weight", 1.0))
            found = self._edge_options[id(data)] = {
                "color": style.color,
                "dashes": style.dashes,
                "arrows": "to" if style.arrows else "",
                "value": math.sqrt(max(weight, 0.0)) or 1.0,
                "kgRelation": relation,
                "kgWeight": weight,
                "kgTitle": str(data.get("title") or ""),
                "kgEvidence": _evidence(data.get("evidence"))[:MAX_EVIDENCE],
                "kgArticleIds": _split(data.get("article_ids"))[:50],
                "kgDate": str(data.get("date") or ""),
                "kgTrigger": str(data.get("trigger") or ""),  # typed relations: the verb as written
                "kgAmount": str(data.get("amount") or ""),
            }
        return found

    def type_of(self, node: str) -> str:
        return str(self.graph.nodes[node].get("type") or str(node).split(":", 1)[0])

    def label_of(self, node: str) -> str:
        label = self.graph.nodes[node].get("label")
        return str(label) if label not in (None, "") else str(node).split(":", 1)[-1]

    @cached_property
    def _importance(self) -> tuple[dict, dict]:
        # Computed here too, so a graph read back without its analysis still ranks and colours.
        return importance(self.graph, seed=LOUVAIN_SEED)

    def _pagerank(self) -> dict[str, float]:
        given = {n: self.graph.nodes[n].get("pagerank") for n in self.graph.nodes}
        if all(value is not None for value in given.values()):
            return {n: _float(value) for n, value in given.items()}
        return {n: _float(v) for n, v in self._importance[0].items()}

    def _communities(self) -> dict[str, int]:
        given = {n: self.graph.nodes[n].get("community") for n in self.graph.nodes}
        if all(value is not None for value in given.values()):
            return {n: _int(value) for n, value in given.items()}
        return self._importance[1]


def _split(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple, set, frozenset)):
        return sorted(str(v) for v in value if str(v))
    return [part for part in str(value).split("|") if part]


def _int(value: object) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0


def _float(value: object) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0


def _evidence(value: object) -> list[list[str]]:
    """'[article] sentence' lines -> [[article, sentence], ...]."""
    items: list[list[str]] = []
    for line in str(value or "").split("\n"):
        if not line.strip():
            continue
        match = _EVIDENCE_LINE.match(line)
        items.append([match.group(1), match.group(2)] if match else ["", line])
    return items


# --- choosing what each view shows ---------------------------------------------------------


def _fmt(count: int) -> str:
    return f"{count:,}"


def _overview(info: _GraphInfo, top_n: int) -> _View:
    shown = info.ranked[:top_n]
    total = len(info.ranked)
    return _View(
        filename="graph.html",
        title="知识图谱总览 Overview",
        caption=f"showing {_fmt(len(shown))} of {_fmt(total)} entities by PageRank",
        nodes=shown,
    )


def _officials(info: _GraphInfo, top_n: int) -> _View:
    graph = info.graph
    people = [n for n in info.ranked if info.type_of(n) == "PERSON"]
    officials = [
        n
        for n in people
        if any(d.get("relation") == "holds_position" for _, _, d in graph.out_edges(n, data=True))
    ]
    # Before the title extractor finds any position, show the people anyway.
    pool, what = (
        (officials, "officials (people with a position)") if officials else (people, "people")
    )
    chosen = pool[:top_n]
    keep = set(chosen)
    orgs: list[str] = []
    for person in chosen:
        for _, target, data in graph.out_edges(person, data=True):
            if data.get("relation") == "holds_position" and target not in keep:
                keep.add(target)
                orgs.append(target)
    return _View(
        filename="officials.html",
        title="官员与任职 Officials",
        caption=f"showing {_fmt(len(chosen))} of {_fmt(len(pool))} {what} by PageRank, "
        f"with the {_fmt(len(orgs))} organisations they hold positions in",
        nodes=chosen + orgs,
        relations=frozenset({"holds_position"}),
        edge_labels=True,
    )


def _orgs(info: _GraphInfo, top_n: int) -> _View:
    pool = [n for n in info.ranked if info.type_of(n) in ("ORG", "PROJECT", "LOC")]
    chosen = pool[:top_n]
    return _View(
        filename="orgs.html",
        title="机构、项目与地点 Organisations, projects, places",
        caption=f"showing {_fmt(len(chosen))} of {_fmt(len(pool))} organisations, projects "
        "and places by PageRank",
        nodes=chosen,
    )


def _pick_egos(info: _GraphInfo, ego_count: int) -> list[str]:
    """The most important entities, taken in turn from each type so every type gets views."""
    queues = {t: [n for n in info.ranked if info.type_of(n) == t] for t in TYPE_ORDER}
    if "PERSON" in queues:  # officials (people with a title) before other people
        queues["PERSON"].sort(key=lambda n: not _split(info.graph.nodes[n].get("titles")))
    others = [n for n in info.ranked if info.type_of(n) not in TYPE_ORDER]
    if others:
        queues["OTHER"] = others
    picked: list[str] = []
    while len(picked) < ego_count and any(queues.values()):
        for queue in queues.values():
            if queue and len(picked) < ego_count:
                picked.append(queue.pop(0))
    return picked


# The views every run writes, in this order, before the ego pages.
_FIXED_VIEWS = (_overview, _officials, _orgs)


def _ego(info: _GraphInfo, center: str, filename: str) -> _View:
    graph = info.graph
    strength: Counter[str] = Counter()
    for u, v, data in [*graph.out_edges(center, data=True), *graph.in_edges(center, data=True)]:
        other = v if u == center else u
        if other != center:
            # Positions first: they are what a reader opens an official's page for.
            bonus = 1000.0 if data.get("relation") == "holds_position" else 0.0
            strength[other] += bonus + max(_float(data.get("weight", 1.0)), 1.0)
    neighbours = sorted(strength, key=lambda n: (-strength[n], -info.pagerank[n], str(n)))
    shown = neighbours[:EGO_NEIGHBOURS]
    cut = (
        f" (the strongest {_fmt(len(shown))} of {_fmt(len(neighbours))})"
        if len(neighbours) > len(shown)
        else ""
    )
    label = info.label_of(center)
    return _View(
        filename=filename,
        title=f"{label} 的关系 Neighbourhood",
        caption=f"{label} ({info.type_of(center)}) and its {_fmt(len(shown))} direct neighbours{cut}",
        nodes=[center, *shown],
        center=center,
        edge_labels=True,
    )


# --- building the page ------------------------------------------------------------------


def _write_view(
    info: _GraphInfo | nx.MultiDiGraph,
    out_dir: Path,
    view: _View,
    *,
    ego_files: dict[str, str] | None = None,
) -> Path:
    """Write one network page; exposed for tests and for callers that want a single view."""
    if not isinstance(info, _GraphInfo):
        info = _GraphInfo(info)
    net = _build_network(info, view, ego_files=ego_files or {})
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    depth = view.filename.count("/")
    payload = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "center": view.center,
        "types": _legend_types(nodes),
        "relations": _legend_relations(edges),
    }
    # The template gets stand-ins for the big parts (vis-network alone is 700 KB a page),
    # which go to the file as bytes: never copied into the page's text, escaped or encoded.
    big = {
        "data_json": json_for_script_bytes(payload),
        "vis_js": _asset_bytes("vis-network.min.js"),
        "vis_css": _asset_bytes("vis-network.css"),
        "page_js": _asset_bytes("explorer.js"),
        "page_css": _asset_bytes("explorer.css"),
    }
    text = (
        _environment()
        .get_template("network.html")
        .render(
            # NUL marks the stand-ins; article text never holds one past ingest, but a graph
            # read from a file may.
            title=view.title.replace("\x00", ""),
            caption=view.caption.replace("\x00", ""),
            root="../" * depth,
            **{name: _SLOT.format(name) for name in big},
        )
    )
    pieces = _SLOT_RE.split(text)  # text, slot name, text, slot name, ..., text
    path = out_dir / view.filename
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path, "wb") as handle:  # a crash never leaves half a page
        for i, piece in enumerate(pieces):
            handle.write(big[piece] if i % 2 else piece.encode("utf-8"))
    return path


# Stand-ins in a rendered page for what _write_view writes as bytes (NUL is in no template).
_SLOT = "\x00kg-slot:{}\x00"
_SLOT_RE = re.compile("\x00kg-slot:(\\w+)\x00")


def _build_network(info: _GraphInfo, view: _View, *, ego_files: dict[str, str]) -> Network:
    graph = info.graph
    depth = view.filename.count("/")
    big = len(view.nodes) > LARGE_GRAPH
    seeded = len(view.nodes) > SEEDED_LAYOUT
    positions = _community_seed_layout(info, view.nodes) if seeded else {}
    net = Network(directed=True)
    for node in view.nodes:
        ego = ego_files.get(node)
        options = {
            **info.node_options(node),
            "borderWidth": 3 if node == view.center else 1,
            "kgEgo": None if ego is None else "../" * depth + quote(ego),
        }
        if seeded:
            options["x"], options["y"] = positions[node]
        if node == view.center:
            # the ego view's subject stays in the middle; its neighbours arrange around it
            options.update(x=0, y=0, fixed=True)
        # pyvis' add_node checks membership in a list (quadratic on big views) and the nodes
        # of a view are distinct: append its records directly, as for edges below.
        node_id = options["id"]
        net.nodes.append(options)
        net.node_ids.append(node_id)
        net.node_map[node_id] = options
    members = set(view.nodes)
    undirected_seen: set[frozenset[str]] = set()
    # A pair with a typed relation (visits, meets ...) shows it instead of its co-mention.
    typed = {frozenset((u, v)) for u, v, d in _edges_among(graph, members) if d.get("relation") in TYPED_RELATIONS}
    for index, (u, v, data) in enumerate(_edges_among(graph, members)):
        static = info.edge_options(data)
        if view.relations is not None and static["kgRelation"] not in view.relations:
            continue
        if typed and static["kgRelation"] == "co_mention" and frozenset((u, v)) in typed:
            continue
        if static["arrows"] == "":
            # co-mention is symmetric; the graph may store it once per direction.
            pair = frozenset((u, v))
            if pair in undirected_seen:
                continue
            undirected_seen.add(pair)
        # pyvis' add_edge scans its node list twice per edge (quadratic on big graphs);
        # membership is already known here, so build the record its Edge would hold
        # (static "arrows" is always set, so directed=True adds nothing).
        options = {"id": f"e{index}", **static}
        if view.edge_labels and static["kgTitle"]:
            options["label"] = static["kgTitle"]
        options["from"], options["to"] = str(u), str(v)
        net.edges.append(options)
    net.options = _vis_options(len(view.nodes), big=big, seeded=seeded)
    return net


def _edges_among(graph: nx.MultiDiGraph, members: set[str]) -> Iterator[tuple[str, str, dict]]:
    """The edges of ``graph.subgraph(members)`` in the same order, without the subgraph view's
    per-edge filtering (most of a big view's build time)."""
    succ = graph._succ  # the dicts behind graph.succ: its read-only views cost a wrapper per node
    for u in graph:
        if u in members:
            for v, by_key in succ[u].items():
                if v in members:
                    for data in by_key.values():
                        yield u, v, data


def _community_seed_layout(info: _GraphInfo, nodes: list[str]) -> dict[str, tuple[float, float]]:
    """Starting positions: each community a disc, discs on a sunflower spiral, O(n).

    Members sit on a sunflower inside their disc, highest PageRank in the middle; physics
    then only has to settle the local structure.
    """
    golden = math.pi * (3 - math.sqrt(5))
    spacing = 60.0  # px between neighbouring nodes, near vis' spring length
    groups: dict[int, list[str]] = {}
    for node in nodes:  # nodes arrive in PageRank order within each view
        groups.setdefault(info.community.get(node, 0), []).append(node)
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


def _node_evidence(graph: nx.MultiDiGraph, node: str) -> list[list[str]]:
    """Up to three sentences about the node: its positions first, then its strongest ties."""
    incident = [
        data
        for neighbours in (graph.succ[node], graph.pred[node])
        for by_key in neighbours.values()
        for data in by_key.values()
    ]

    def order(data: dict) -> tuple[bool, float]:
        return (data.get("relation") != "holds_position", -_float(data.get("weight", 1.0)))

    # A hub has thousands of ties and needs only its first few: take the strongest first and
    # sort everything only when those repeat one sentence.
    for take in (4 * MAX_EVIDENCE, None):
        whole = take is None or take >= len(incident)
        ranked = sorted(incident, key=order) if whole else heapq.nsmallest(take, incident, key=order)
        seen: set[str] = set()
        chosen: list[list[str]] = []
        for data in ranked:
            for article, sentence in _evidence(data.get("evidence")):
                if sentence not in seen:
                    seen.add(sentence)
                    chosen.append([article, sentence])
                if len(chosen) == MAX_EVIDENCE:
                    return chosen
        if whole:
            return chosen
    return []


def _vis_options(count: int, *, big: bool, seeded: bool) -> dict:
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
                "label": {"enabled": True, "min": 10, "max": 36, "drawThreshold": 6},
            },
        },
        "edges": {
            "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.3},
            "scaling": {"min": 1, "max": 8, "label": {"enabled": False}},
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


def _counted(values: Iterable[str], known: Iterable[str]) -> tuple[list[str], Counter[str]]:
    """The values present, in the style table's order then alphabetically, and their counts."""
    counts = Counter(values)
    known = list(known)
    return [k for k in known if k in counts] + sorted(k for k in counts if k not in known), counts


def _legend_types(nodes: list[dict]) -> list[dict]:
    ordered, counts = _counted((node["kgType"] for node in nodes), TYPE_STYLES)
    return [
        {
            "key": t,
            "name": node_style(t).name,
            "color": node_style(t).color,
            "glyph": node_style(t).glyph,
            "count": counts[t],
        }
        for t in ordered
    ]


def _legend_relations(edges: list[dict]) -> list[dict]:
    ordered, counts = _counted((edge["kgRelation"] for edge in edges), RELATION_STYLES)
    return [
        {
            "key": r,
            "name": edge_style(r).name,
            "color": edge_style(r).color,
            "dashes": edge_style(r).dashes,
            "count": counts[r],
        }
        for r in ordered
    ]


def json_for_script(value: object) -> str:
    """JSON that is safe inside <script>: no '<', '>', '&' or line separators appear raw."""
    return json_for_script_bytes(value).decode("utf-8")


# In UTF-8 these byte sequences are these characters and nothing else, so bytes can be
# escaped as they come from orjson, without decoding a page's megabytes of JSON.
_SCRIPT_ESCAPES = (
    (b"<", b"\\u003c"),
    (b">", b"\\u003e"),
    (b"&", b"\\u0026"),
    ("\u2028".encode(), b"\\u2028"),
    ("\u2029".encode(), b"\\u2029"),
)


def json_for_script_bytes(value: object) -> bytes:
    """``json_for_script`` as UTF-8 bytes, for writing straight to a page.

    Through orjson (json_text): a 10,000-article run's views hold 30 MB of JSON (evidence on
    every edge), which json's encoder took half a second over. NaN becomes null (vis: unset)."""
    data = json_text.dumps_bytes(value)
    for raw, escaped in _SCRIPT_ESCAPES:
        data = data.replace(raw, escaped)
    return data


@cache
def _asset(name: str) -> str:
    text = (resources.files("kg.render") / "assets" / name).read_text(encoding="utf-8")
    lowered = text.lower()
    # Inlined code must not be able to close its own <script>/<style> element.
    if "</script" in lowered or "</style" in lowered or "<!--" in lowered:
        raise ValueError(f"asset {name} cannot be inlined safely")
    return text


@cache
def _asset_bytes(name: str) -> bytes:
    return _asset(name).encode("utf-8")


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("kg.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


# --- the landing page ---------------------------------------------------------------------


def _write_index(
    info: _GraphInfo, out_dir: Path, *, views: list[_View], ego_files: dict[str, str]
) -> Path:
    graph = info.graph
    type_counts = Counter(info.type_of(n) for n in graph.nodes)
    relation_counts = Counter(str(d.get("relation") or "") for _, _, d in graph.edges(data=True))

    def top(kind: str) -> list[dict]:
        rows = []
        ranked = [n for n in info.ranked if info.type_of(n) == kind]
        if kind == "PERSON":  # officials first: people with a title, then the others
            ranked.sort(key=lambda n: not _split(graph.nodes[n].get("titles")))
        for node in ranked[:INDEX_TOP]:
            attrs = graph.nodes[node]
            rows.append(
                {
                    "label": info.label_of(node),
                    "href": quote(ego_files[node]) if node in ego_files else None,
                    "titles": "、".join(_split(attrs.get("titles"))[:4]),
                    "mentions": _int(attrs.get("mentions")),
                    "pagerank": f"{info.pagerank[node]:.4f}",
                }
            )
        return rows

    html = (
        _environment()
        .get_template("index.html")
        .render(
            articles=_fmt(_article_count(graph)),
            entities=_fmt(graph.number_of_nodes()),
            edges=_fmt(graph.number_of_edges()),
            types=[
                {
                    "name": node_style(t).name,
                    "color": node_style(t).color,
                    "glyph": node_style(t).glyph,
                    "count": _fmt(c),
                }
                for t, c in _ordered_counts(type_counts, TYPE_STYLES)
            ],
            relations=[
                {"name": edge_style(r).name, "color": edge_style(r).color, "count": _fmt(c)}
                for r, c in _ordered_counts(relation_counts, RELATION_STYLES)
            ],
            views=[
                {"href": quote(v.filename), "title": v.title, "caption": v.caption}
                for v in views
                if v.center is None
            ],
            egos=[
                {
                    "href": quote(v.filename),
                    "label": info.label_of(v.center),
                    "type": info.type_of(v.center),
                }
                for v in views
                if v.center is not None
            ],
            top_people=top("PERSON"),
            top_orgs=top("ORG"),
            top_projects=top("PROJECT"),
            page_css=_asset("explorer.css"),
        )
    )
    path = out_dir / "index.html"
    with atomic_write(path, "w") as handle:  # a crash never leaves half a page
        handle.write(html)
    return path


def _ordered_counts(counts: Counter[str], known: Iterable[str]) -> list[tuple[str, int]]:
    known = list(known)
    return [(k, counts[k]) for k in known if counts[k]] + sorted(
        (k, c) for k, c in counts.items() if k not in known
    )


def _article_count(graph: nx.MultiDiGraph) -> int:
    stated = graph.graph.get("articles")
    if isinstance(stated, int) and not isinstance(stated, bool):
        return stated
    ids: set[str] = set()
    for _, attrs in graph.nodes(data=True):
        ids.update(_split(attrs.get("article_ids")))
    return len(ids)
