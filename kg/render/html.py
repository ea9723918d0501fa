"""Offline HTML views of the knowledge graph.

The node, edge and option records are vis-network's own (built here as dicts: pyvis, used
before, added only list scans, and its page template pulls vis-network, bootstrap and
tom-select from CDNs even with ``cdn_resources="local"``, pyvis issues #228, #229); the page is
our own Jinja2 template. vis-network,
the css and the page script are copied once into the output's ``assets/`` folder, which every
page loads by a relative path: the views work with no network at all, and twenty ego pages do
not carry twenty copies of vis-network.

The graph arrives typed (``kg.graph.build``): names as lists, evidence as ``Evidence``
records, the article table in ``graph.graph["article_info"]``. Each page holds the sentences
and the articles its evidence cites once, and its nodes and edges refer to them by number.

Escaping: article text (labels, titles, evidence) only ever enters a page as JSON inside
``<script type="application/json">`` with ``<``, ``>`` and ``&`` written as ``\\u003c`` ...,
or as Jinja2-autoescaped text. The page script builds tooltips and panels with
``textContent``; nothing from the data is ever parsed as HTML.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from urllib.parse import quote

import networkx as nx

from kg.graph.analyze import importance
from kg.readwrite.atomic import atomic_write
from kg.render.documents import Document
from kg.render.jinja import environment, json_for_script_bytes
from kg.render.layout import (
    LARGE_GRAPH,
    SEEDED_LAYOUT,
    community_seed_layout,
    hide_light_edges,
    spread_parallel,
    start_weight,
    vis_options,
)
from kg.render.styles import (
    RELATION_STYLES,
    TYPE_STYLES,
    TYPED_RELATIONS,
    community_color,
    edge_style,
    node_style,
    status_name,
)
from kg.render.tables import write_tables
from kg.render.values import as_float, as_int, names
from kg.schema import ArticleInfo, Evidence

Progress = Callable[[str], None]

MAX_EVIDENCE = 3
CENTRE_EVIDENCE = 40  # the subject of an ego page shows its evidence grouped by article
EGO_NEIGHBOURS = 150  # a hub like the city itself touches thousands of nodes
INDEX_TOP = 10
LOUVAIN_SEED = 42
TYPE_ORDER = ("PERSON", "ORG", "PROJECT", "LOC")
ASSETS = ("vis-network.min.js", "vis-network.css", "explorer.js", "explorer.css", "tables.js")


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
    documents: Iterable[Document] | None = None,
) -> list[Path]:
    """Write index.html, tables.html, graph.html, officials.html, orgs.html, ego/<id>.html,
    the assets/ folder and, given ``documents``, one articles/<id>.html per article.

    No page makes a network request. Returns the paths written, index.html first.
    """
    docs = None if documents is None else list(documents)
    plan = ViewPlan(graph, top_n=top_n, ego_count=ego_count, articles=docs is not None)
    written = plan.write_pages(out_dir, progress=progress)
    index = plan.write_index(out_dir, progress=progress)
    if docs is not None:
        written += plan.write_articles(out_dir, docs)
    return [index, Path(out_dir) / "tables.html", *written]


class ViewPlan:
    """The pages ``render_views`` writes, decided once (scores, egos, what each view shows).

    The network pages are independent of one another, so more than one process forked after
    the plan is made can write them: each takes the next page from a shared counter.
    ``articles``: whether article pages are written (evidence then links to them).
    """

    def __init__(
        self,
        graph: nx.MultiDiGraph,
        *,
        top_n: int = 300,
        ego_count: int = 20,
        articles: bool = False,
    ) -> None:
        if top_n < 1:
            raise ValueError(f"top_n must be at least 1, got {top_n}")
        if ego_count < 0:
            raise ValueError(f"ego_count must be 0 or more, got {ego_count}")
        self.info = _GraphInfo(graph)
        egos = _pick_egos(self.info, ego_count)
        self.ego_files = {node: f"ego/{ego_filename(node)}" for node in egos}
        self.article_files = (
            {a: f"articles/{article_filename(a)}" for a in self.info.article_info}
            if articles
            else {}
        )
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
            written.append(
                _write_view(
                    self.info,
                    out_dir,
                    view,
                    ego_files=self.ego_files,
                    article_files=self.article_files,
                )
            )
            report(f"render: wrote {view.filename} ({len(view.nodes)} nodes)")
        return written

    @staticmethod
    def most_pages(ego_count: int) -> int:
        """An upper bound on the pages of a plan, known before it is made."""
        return len(_FIXED_VIEWS) + ego_count

    def write_index(self, out_dir: Path, progress: Progress | None = None) -> Path:
        """The landing page, the tables page and the assets folder."""
        out_dir = Path(out_dir)
        write_assets(out_dir)
        index = _write_index(self.info, out_dir, views=self.views, ego_files=self.ego_files)
        write_tables(self.info, out_dir, ego_files=self.ego_files, article_files=self.article_files)
        if progress is not None:
            progress("render: wrote tables.html and index.html")
        return index

    def write_articles(self, out_dir: Path, documents: Iterable[Document]) -> list[Path]:
        """One page per article: its text, sentences addressable as #s<n>, entities linked."""
        from kg.render.articles import write_article_pages

        return write_article_pages(
            Path(out_dir),
            documents,
            self.info,
            ego_files=self.ego_files,
            article_files=self.article_files,
        )


def ego_filename(node_id: str) -> str:
    """A file name for a node's ego view: readable, filesystem-safe and unique per id."""
    return _filename(node_id)


def article_filename(article_id: str) -> str:
    """A file name for an article's page, like ``ego_filename``."""
    return _filename(article_id)


def _filename(key: str) -> str:
    slug = re.sub(r"\W+", "_", key).strip("_")[:40]
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}.html"


def write_assets(out_dir: Path) -> Path:
    """Copy vis-network, the css and the page scripts into ``out_dir/assets`` once per output
    (a file already there with the same bytes is left alone)."""
    folder = Path(out_dir) / "assets"
    folder.mkdir(parents=True, exist_ok=True)
    for name in ASSETS:
        data = _asset_bytes(name)
        target = folder / name
        try:
            if target.stat().st_size == len(data) and target.read_bytes() == data:
                continue
        except OSError:
            pass
        with atomic_write(target, "wb") as handle:
            handle.write(data)
    return folder


# --- what the graph holds -----------------------------------------------------------------


class _GraphInfo:
    """The input graph plus the scores the views need, computed once when absent."""

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.graph = graph
        self._evidence: dict[str, list[Evidence]] = {}
        self._node_options: dict[str, dict] = {}
        self._edge_options: dict[int, dict] = {}
        self.pagerank = self._pagerank()
        self.community = self._communities()
        self.article_info: dict[str, ArticleInfo] = dict(graph.graph.get("article_info") or {})
        self.ranked = sorted(
            graph.nodes,
            key=lambda n: (-self.pagerank[n], -as_int(graph.nodes[n].get("mentions")), str(n)),
        )

    def evidence(self, node: str) -> list[Evidence]:
        """_node_evidence, once per node however many views show it."""
        found = self._evidence.get(node)
        if found is None:
            found = self._evidence[node] = _node_evidence(self.graph, node)
        return found

    def node_options(self, node: str) -> dict:
        """A node's vis record, less what depends on the view (border, ego link, position,
        evidence numbers); built once per node however many views show it."""
        found = self._node_options.get(node)
        if found is None:
            attrs = self.graph.nodes[node]
            kind = self.type_of(node)
            style = node_style(kind)
            label = self.label_of(node)
            community = self.community.get(node, 0)
            article_ids = names(attrs.get("article_ids"))
            found = self._node_options[node] = {
                "color": style.color,
                # sqrt: PageRank is heavy-tailed; raw values make one giant and many specks.
                "value": math.sqrt(self.pagerank[node]),
                "kgType": kind,
                "kgAliases": [a for a in names(attrs.get("aliases")) if a != label],
                "kgTitles": names(attrs.get("titles")),
                "kgMentions": as_int(attrs.get("mentions")),
                "kgArticles": as_int(attrs.get("articles")) or len(article_ids),
                "kgPagerank": self.pagerank[node],
                "kgCommunity": community,
                "kgTypeColor": style.color,
                "kgCommunityColor": community_color(community),
                "id": str(node),
                "label": label,
                "shape": style.shape,
            }
        return found

    def edge_options(self, data: dict) -> dict:
        """An edge's vis record, less its id, label and evidence numbers; once per edge (keyed
        by its data dict, which the graph keeps for as long as this object lives)."""
        found = self._edge_options.get(id(data))
        if found is None:
            relation = str(data.get("relation") or "")
            style = edge_style(relation)
            weight = as_float(data.get("weight", 1.0))
            found = self._edge_options[id(data)] = {
                "color": style.color,
                "dashes": style.dashes,
                "arrows": "to" if style.arrows else "",
                "value": math.sqrt(max(weight, 0.0)) or 1.0,
                "kgRelation": relation,
                "kgWeight": weight,
                "kgTitle": str(data.get("title") or ""),
                "kgBasis": str(data.get("basis") or ""),
                "kgDate": str(data.get("date") or ""),
                "kgLastDate": str(data.get("last_date") or data.get("date") or ""),
                "kgArticles": len(names(data.get("article_ids"))),
                "kgTrigger": "、".join(
                    names(data.get("trigger"))
                ),  # typed relations: verbs as written
                "kgAmount": "、".join(names(data.get("amount"))),
            }
            if status := status_name(data):  # only where a post is not current: no bytes else
                found["kgStatus"] = status
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
            return {n: as_float(value) for n, value in given.items()}
        return {n: as_float(v) for n, v in self._importance[0].items()}

    def _communities(self) -> dict[str, int]:
        given = {n: self.graph.nodes[n].get("community") for n in self.graph.nodes}
        if all(value is not None for value in given.values()):
            return {n: as_int(value) for n, value in given.items()}
        return self._importance[1]


def _edge_evidence(data: dict) -> list[Evidence]:
    return [e for e in data.get("evidence") or () if isinstance(e, Evidence)]


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
        queues["PERSON"].sort(key=lambda n: not names(info.graph.nodes[n].get("titles")))
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
    strength = _strengths(info, center)
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


def _strengths(info: _GraphInfo, center: str) -> Counter[str]:
    graph = info.graph
    strength: Counter[str] = Counter()
    for u, v, data in [*graph.out_edges(center, data=True), *graph.in_edges(center, data=True)]:
        other = v if u == center else u
        if other != center:
            # Positions first: they are what a reader opens an official's page for.
            bonus = 1000.0 if data.get("relation") == "holds_position" else 0.0
            strength[other] += bonus + max(as_float(data.get("weight", 1.0)), 1.0)
    return strength


# --- building the page ------------------------------------------------------------------


class _Cited:
    """The sentences and articles one page cites, each written once: nodes and edges hold
    numbers into ``sentences``, whose first item keys ``articles``."""

    def __init__(self, info: _GraphInfo, article_files: dict[str, str], root: str) -> None:
        self.info = info
        self.article_files = article_files
        self.root = root
        self.sentences: list[list] = []  # [article id, sentence index, text]
        self.articles: dict[str, dict] = {}
        self._numbers: dict[Evidence, int] = {}

    def refs(self, items: Iterable[Evidence]) -> list[int]:
        numbers = []
        for item in items:
            number = self._numbers.get(item)
            if number is None:
                number = self._numbers[item] = len(self.sentences)
                self.sentences.append([item.article, item.index, item.sentence])
                self.article(item.article)
            numbers.append(number)
        return numbers

    def article(self, article_id: str) -> dict | None:
        if not article_id:
            return None
        found = self.articles.get(article_id)
        if found is None:
            info = self.info.article_info.get(article_id)
            page = self.article_files.get(article_id)
            found = self.articles[article_id] = {
                "title": info.title if info else "",
                "date": info.date if info else "",
                "dateSource": info.date_source if info else "",
                "url": info.url if info else "",
                "href": None if page is None else self.root + quote(page),
            }
        return found


def _write_view(
    info: _GraphInfo | nx.MultiDiGraph,
    out_dir: Path,
    view: _View,
    *,
    ego_files: dict[str, str] | None = None,
    article_files: dict[str, str] | None = None,
) -> Path:
    """Write one network page; exposed for tests and for callers that want a single view."""
    if not isinstance(info, _GraphInfo):
        info = _GraphInfo(info)
    depth = view.filename.count("/")
    root = "../" * depth
    cited = _Cited(info, article_files or {}, root)
    nodes, edges = _build_network(info, view, ego_files=ego_files or {}, cited=cited)
    min_weight = start_weight(edges)
    caption = view.caption
    if min_weight > 1:
        hidden = hide_light_edges(nodes, edges, min_weight, view.center)
        caption += (
            f"; {_fmt(hidden)} of {_fmt(len(edges))} edges below weight {min_weight} hidden"
            " (lower min weight to show them)"
        )
    payload = {
        "nodes": nodes,
        "edges": edges,
        "minWeight": min_weight,
        "options": vis_options(
            len(view.nodes),
            big=len(view.nodes) > LARGE_GRAPH,
            seeded=len(view.nodes) > SEEDED_LAYOUT,
        ),
        "center": view.center,
        "centre": None if view.center is None else _centre(info, view, cited, ego_files or {}),
        "types": _legend_types(nodes),
        "relations": _legend_relations(edges),
        "sentences": cited.sentences,
        "articles": cited.articles,
        "root": root,
    }
    # The template gets a stand-in for the data (megabytes on big views), which goes to the
    # file as bytes: never copied into the page's text, escaped or encoded again.
    big = {"data_json": json_for_script_bytes(payload)}
    text = (
        environment()
        .get_template("network.html")
        .render(
            # NUL marks the stand-ins; article text never holds one past ingest, but a graph
            # read from a file may.
            title=view.title.replace("\x00", ""),
            caption=caption.replace("\x00", ""),
            root=root,
            ego=view.center is not None,
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


def _node_records(
    info: _GraphInfo, view: _View, *, ego_files: dict[str, str], cited: _Cited
) -> list[dict]:
    """The vis records of a view's nodes, seeded by community on a large view."""
    seeded = len(view.nodes) > SEEDED_LAYOUT
    positions = community_seed_layout(info.community, view.nodes) if seeded else {}
    nodes: list[dict] = []
    for node in view.nodes:
        ego = ego_files.get(node)
        options = {
            **info.node_options(node),
            "kgEvidence": cited.refs(info.evidence(node)),
            "borderWidth": 3 if node == view.center else 1,
            "kgEgo": None if ego is None else cited.root + quote(ego),
        }
        if seeded:
            options["x"], options["y"] = positions[node]
        if node == view.center:
            # the ego view's subject stays in the middle; its neighbours arrange around it
            options.update(x=0, y=0, fixed=True)
        nodes.append(options)
    return nodes


def _build_network(
    info: _GraphInfo, view: _View, *, ego_files: dict[str, str], cited: _Cited
) -> tuple[list[dict], list[dict]]:
    """The vis records of a view's nodes and edges. On an ego page only the centre's own
    edges are shown at first (``kgSpoke``); the others wait for the reader to ask."""
    graph = info.graph
    nodes = _node_records(info, view, ego_files=ego_files, cited=cited)
    members = set(view.nodes)
    undirected_seen: set[frozenset[str]] = set()
    edges: list[dict] = []
    by_pair: dict[frozenset[str], list[dict]] = {}
    # A pair with a typed relation (visits, meets ...) shows it instead of its co-mention.
    typed = {
        frozenset((u, v))
        for u, v, d in _edges_among(graph, members)
        if d.get("relation") in TYPED_RELATIONS
    }
    for index, (u, v, data) in enumerate(_edges_among(graph, members)):
        static = info.edge_options(data)
        if view.relations is not None and static["kgRelation"] not in view.relations:
            continue
        pair = frozenset((u, v))
        if typed and static["kgRelation"] == "co_mention" and pair in typed:
            continue
        if static["kgRelation"] == "co_mention":
            # co-mention is symmetric; the graph may store it once per direction.
            if pair in undirected_seen:
                continue
            undirected_seen.add(pair)
        options = {"id": f"e{index}", **static}
        options["kgEvidence"] = cited.refs(_edge_evidence(data)[:MAX_EVIDENCE])
        if view.edge_labels and static["kgTitle"]:
            options["label"] = static["kgTitle"]
        if view.center is not None:
            options["kgSpoke"] = view.center in pair
            options["hidden"] = not options["kgSpoke"]
        options["from"], options["to"] = str(u), str(v)
        edges.append(options)
        by_pair.setdefault(pair, []).append(options)
    spread_parallel(by_pair)
    return nodes, edges


def _centre(info: _GraphInfo, view: _View, cited: _Cited, ego_files: dict[str, str]) -> dict:
    """What an ego page tells about its subject: posts as a timeline, neighbours ranked, and
    the evidence grouped by article."""
    graph = info.graph
    center = view.center
    assert center is not None
    posts = []
    for u, v, data in [*graph.out_edges(center, data=True), *graph.in_edges(center, data=True)]:
        if data.get("relation") != "holds_position":
            continue
        other = v if u == center else u
        posts.append(
            {
                "title": str(data.get("title") or ""),
                "person": info.label_of(u),
                "body": info.label_of(v),
                "other": str(other),
                "date": str(data.get("date") or ""),
                "lastDate": str(data.get("last_date") or data.get("date") or ""),
                "articles": len(names(data.get("article_ids"))),
            }
        )
    posts.sort(key=lambda p: (p["date"] == "", p["date"], p["lastDate"], p["body"], p["title"]))
    strength = _strengths(info, center)
    shown = set(view.nodes)
    neighbours = [
        {
            "id": str(n),
            "label": info.label_of(n),
            "type": info.type_of(n),
            "strength": round(strength[n] % 1000.0, 2),
            "ego": ego_files.get(n) is not None,
        }
        for n in view.nodes[1:]
        if n in shown
    ][:50]
    evidence = _node_evidence(graph, center, CENTRE_EVIDENCE)
    return {
        "posts": posts,
        "neighbours": neighbours,
        "evidence": cited.refs(evidence),
    }


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


def _node_evidence(graph: nx.MultiDiGraph, node: str, limit: int = MAX_EVIDENCE) -> list[Evidence]:
    """Up to ``limit`` sentences about the node: its positions first, then its strongest ties."""
    incident = [
        data
        for neighbours in (graph.succ[node], graph.pred[node])
        for by_key in neighbours.values()
        for data in by_key.values()
    ]

    def order(data: dict) -> tuple[bool, float]:
        return (data.get("relation") != "holds_position", -as_float(data.get("weight", 1.0)))

    # A hub has thousands of ties and needs only its first few: take the strongest first and
    # sort everything only when those repeat one sentence.
    for take in (4 * limit, None):
        whole = take is None or take >= len(incident)
        ranked = (
            sorted(incident, key=order) if whole else heapq.nsmallest(take, incident, key=order)
        )
        seen: set[Evidence] = set()
        chosen: list[Evidence] = []
        for data in ranked:
            for item in _edge_evidence(data):
                if item not in seen:
                    seen.add(item)
                    chosen.append(item)
                if len(chosen) == limit:
                    return chosen
        if whole:
            return chosen
    return []


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


@cache
def _asset_bytes(name: str) -> bytes:
    return (resources.files("kg.render") / "assets" / name).read_bytes()


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
            ranked.sort(key=lambda n: not names(graph.nodes[n].get("titles")))
        for node in ranked[:INDEX_TOP]:
            attrs = graph.nodes[node]
            rows.append(
                {
                    "label": info.label_of(node),
                    # without an ego page: the overview, with the entity selected
                    "href": quote(ego_files[node])
                    if node in ego_files
                    else "graph.html#node=" + quote(str(node), safe=""),
                    "titles": "、".join(names(attrs.get("titles"))[:4]),
                    "mentions": as_int(attrs.get("mentions")),
                    "pagerank": f"{info.pagerank[node]:.4f}",
                }
            )
        return rows

    html = (
        environment()
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
                {
                    "name": edge_style(r).name,
                    "color": edge_style(r).color,
                    "count": _fmt(c),
                    # the typed ones are listed, with dates and evidence, in the tables page
                    "href": "tables.html#kg-table-relations" if r in TYPED_RELATIONS else "",
                }
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
        ids.update(names(attrs.get("article_ids")))
    return len(ids)
