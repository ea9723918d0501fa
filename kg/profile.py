"""Entity profiles for ``kg show``: look a name up in a built graph and print what is known.

Works on the graph as ``build_graph`` makes it or ``kg.readwrite.read_graph`` reads it back:
names as lists, evidence as ``Evidence`` records, the article table in
``graph.graph["article_info"]``, and missing values as ``""`` or absent. Everything printed
from the graph goes through ``rich.text.Text``, so names that look like rich markup print
literally.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import networkx as nx
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from kg.graph.relations import Activity, activities
from kg.schema import ArticleInfo, Evidence

HOLDS = "holds_position"
CO_MENTION = "co_mention"
LOCATED_IN = "located_in"

_SPACE = re.compile(r"\s+")


class EntityRef(NamedTuple):
    id: str
    label: str
    type: str


class CoMention(NamedTuple):
    label: str
    type: str
    weight: float
    npmi: float | None  # None when the edge carries no NPMI


@dataclass
class RoleLine:
    """One holds_position edge: ``person_label`` holds ``title`` in ``org_label``."""

    title: str
    org_label: str
    date: str | None  # first stated (ISO), None when no article gave a date
    last_date: str | None
    article_ids: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    org_id: str = ""
    person_id: str = ""
    person_label: str = ""
    status: str = ""  # acting, former; "" for current (the edge's, as the latest article says)


@dataclass
class Profile:
    id: str
    label: str
    type: str
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    roles: list[RoleLine] = field(default_factory=list)  # positions this entity holds
    holders: list[RoleLine] = field(default_factory=list)  # people holding positions in it
    co_mentions: list[CoMention] = field(default_factory=list)  # top by weight
    places: list[EntityRef] = field(default_factory=list)  # where it is located (out-edges)
    contains: list[EntityRef] = field(default_factory=list)  # what is located in it (in-edges)
    articles: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    sources: dict[str, ArticleInfo] = field(default_factory=dict)  # the evidence's articles
    mentions: int = 0
    pagerank: float = 0.0
    degree: int = 0
    community: str = ""
    homonym: str = ""  # non-empty: the name may stand for more than one person
    activities: list[Activity] = field(default_factory=list)  # typed relations, by date


def normalise_name(name: str) -> str:
    """Lookup key: NFKC (full-width -> half-width), no whitespace, case-folded."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", name)).casefold()


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    return "" if value is None else str(value)


def _split(data: Mapping[str, Any], key: str) -> list[str]:
    value = data.get(key)
    if not isinstance(value, (list, tuple, set, frozenset)):
        return [value] if isinstance(value, str) and value.strip() else []
    return [str(part) for part in value if str(part).strip()]


def _evidence(data: Mapping[str, Any]) -> list[Evidence]:
    return [e for e in data.get("evidence") or () if isinstance(e, Evidence)]


def _number(data: Mapping[str, Any], key: str) -> float | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _date(data: Mapping[str, Any], key: str) -> str | None:
    return _text(data, key).strip() or None


def _names(data: Mapping[str, Any]) -> list[str]:
    return [_text(data, "label"), *_split(data, "aliases")]


def _label(graph: nx.MultiDiGraph, node: str) -> str:
    return _text(graph.nodes[node], "label") or str(node)


def _ref(graph: nx.MultiDiGraph, node: str) -> EntityRef:
    return EntityRef(str(node), _label(graph, node), _text(graph.nodes[node], "type"))


def find_entities(graph: nx.MultiDiGraph, name: str) -> list[str]:
    """Node ids for ``name``: exact matches of label or an alias (or the node id itself); only
    when there is none, the nodes whose label or alias contains it. Each list is ranked by
    pagerank, highest first (ties by id). Names are compared after ``normalise_name``.

    Substring matches are a fallback, not an addition, so that "聊城市" returns the city alone
    and not every 聊城市... organisation; a caller shows one result and lists several.
    """
    key = normalise_name(name)
    if not key:
        return []
    if name in graph:
        return [name]
    exact: list[str] = []
    partial: list[str] = []
    for node, data in graph.nodes(data=True):
        keys = [normalise_name(n) for n in _names(data) if n]
        if key in keys or key == normalise_name(str(node)):
            exact.append(node)
        elif any(key in k for k in keys):
            partial.append(node)

    def rank(node: str) -> tuple[float, str]:
        return (-(_number(graph.nodes[node], "pagerank") or 0.0), str(node))

    return sorted(exact or partial, key=rank)


def _timeline_key(line: RoleLine) -> tuple[bool, str, str, str, str]:
    # ISO strings sort as dates; undated roles go last.
    return (line.date is None, line.date or "", line.last_date or "", line.org_label, line.title)


def _role_line(graph: nx.MultiDiGraph, person: str, org: str, data: Mapping[str, Any]) -> RoleLine:
    return RoleLine(
        title=_text(data, "title"),
        org_label=_label(graph, org),
        date=_date(data, "date"),
        last_date=_date(data, "last_date"),
        article_ids=_split(data, "article_ids"),
        evidence=_evidence(data),
        org_id=str(org),
        person_id=str(person),
        person_label=_label(graph, person),
        status="" if _text(data, "status") == "current" else _text(data, "status"),
    )


def _edges(
    graph: nx.MultiDiGraph, node: str, relation: str, *, incoming: bool
) -> Iterable[tuple[str, str, dict]]:
    edges = graph.in_edges(node, data=True) if incoming else graph.out_edges(node, data=True)
    return ((u, v, d) for u, v, d in edges if d.get("relation") == relation)


def profile(graph: nx.MultiDiGraph, node_id: str, *, top: int = 15) -> Profile:
    """What the graph knows about ``node_id``; ``top`` caps co-mentions and evidence sentences.

    Raises KeyError when the node is not in the graph.
    """
    if node_id not in graph:
        raise KeyError(f"no entity {node_id!r} in the graph")
    data = graph.nodes[node_id]

    roles = sorted(
        (_role_line(graph, u, v, d) for u, v, d in _edges(graph, node_id, HOLDS, incoming=False)),
        key=_timeline_key,
    )
    holders = sorted(
        (_role_line(graph, u, v, d) for u, v, d in _edges(graph, node_id, HOLDS, incoming=True)),
        key=_timeline_key,
    )

    # co_mention is symmetric but stored once, in either direction: keep the heaviest edge per
    # neighbour so a pair stored both ways is not counted twice.
    best: dict[str, dict] = {}
    for u, v, d in [
        *_edges(graph, node_id, CO_MENTION, incoming=False),
        *_edges(graph, node_id, CO_MENTION, incoming=True),
    ]:
        other = v if u == node_id else u
        if other == node_id:
            continue
        if other not in best or (_number(d, "weight") or 0.0) > (
            _number(best[other], "weight") or 0.0
        ):
            best[other] = d
    ranked = sorted(
        best.items(),
        key=lambda item: (
            -(_number(item[1], "weight") or 0.0),
            -(_number(item[1], "npmi") or -1.0),
            item[0],
        ),
    )[:top]
    co_mentions = [
        CoMention(
            _label(graph, other),
            _text(graph.nodes[other], "type"),
            _number(d, "weight") or 0.0,
            _number(d, "npmi"),
        )
        for other, d in ranked
    ]

    places = sorted(
        {_ref(graph, v) for _, v, _ in _edges(graph, node_id, LOCATED_IN, incoming=False)},
        key=lambda r: (r.type, r.label),
    )
    contains = sorted(
        {_ref(graph, u) for u, _, _ in _edges(graph, node_id, LOCATED_IN, incoming=True)},
        key=lambda r: (r.type, r.label),
    )

    # Evidence: the roles first (they say who the entity is), then the heaviest co-mentions.
    evidence: list[Evidence] = []
    seen: set[Evidence] = set()
    sources = [line.evidence for line in (*roles, *holders)]
    sources += [_evidence(d) for _, d in ranked]
    for items in sources:
        for item in items:
            if item not in seen and item.sentence:
                seen.add(item)
                evidence.append(item)
    evidence = evidence[:top]

    degree = _number(data, "degree")
    known = graph.graph.get("article_info") or {}
    sources = {e.article: known[e.article] for e in evidence if e.article in known}
    return Profile(
        id=str(node_id),
        label=_label(graph, node_id),
        type=_text(data, "type"),
        aliases=_split(data, "aliases"),
        titles=_split(data, "titles"),
        roles=roles,
        holders=holders,
        co_mentions=co_mentions,
        places=places,
        contains=contains,
        articles=_split(data, "article_ids"),
        evidence=evidence,
        sources=sources,
        mentions=int(_number(data, "mentions") or 0),
        pagerank=_number(data, "pagerank") or 0.0,
        degree=int(graph.degree(node_id) if degree is None else degree),
        community=_text(data, "community"),
        homonym=_text(data, "homonym").strip(),
        activities=activities(graph, node_id),
    )


# --- rendering -------------------------------------------------------------------------------


def _dates(line: RoleLine) -> Text:
    if line.date is None:
        return Text("—", style="dim")
    if line.last_date is None or line.last_date == line.date:
        return Text(line.date)
    return Text(f"{line.date} … {line.last_date}")


def _articles(ids: list[str], *, limit: int = 3) -> Text:
    shown = ", ".join(ids[:limit])
    if len(ids) > limit:
        shown += f" (+{len(ids) - limit})"
    return Text(shown, style="cyan")


def _role_table(title: str, lines: list[RoleLine], *, who: str) -> Table:
    table = Table(title=title, title_justify="left", expand=False)
    table.add_column("Date", no_wrap=True)
    table.add_column("Title")
    table.add_column("Person" if who == "person" else "Organisation")
    table.add_column("Articles", overflow="fold")
    for line in lines:
        other = line.person_label if who == "person" else line.org_label
        title = Text(line.title, style="bold")
        if line.status:
            title.append(f" ({line.status})", style="dim")
        table.add_row(_dates(line), title, Text(other), _articles(line.article_ids))
    return table


# How a typed relation reads from its source (outgoing) and from its target.
_ACTIVITY_WORDS = {
    "visits": ("visited", "visited by"),
    "meets": ("met (host)", "met (guest)"),
    "signs_with": ("signed with", "signed with"),
    "invests_in": ("invested in", "investment from"),
}


def _activity_table(lines: list[Activity]) -> Table:
    table = Table(title="What it did", title_justify="left", expand=False)
    table.add_column("Date", no_wrap=True)
    table.add_column("Relation")
    table.add_column("With")
    table.add_column("Verb")
    table.add_column("Evidence", overflow="fold")
    for a in lines:
        word = _ACTIVITY_WORDS.get(a.relation, (a.relation, a.relation))[0 if a.outgoing else 1]
        other = Text(a.other + (f" ({a.amount})" if a.amount else ""))
        table.add_row(
            Text(a.date or "—"), Text(word, style="bold"), other, Text(a.trigger), Text(a.evidence)
        )
    return table


def render_profile(profile: Profile, console: Console, *, max_articles: int = 20) -> None:
    """Print ``profile``: a header panel, then tables for roles, people, places, co-mentions and
    evidence (each only when it has rows). ``max_articles`` caps the article list in the header."""
    console.print(Panel(Group(*_header(profile, max_articles)), expand=False))
    if profile.roles:
        console.print(_role_table("Positions held", profile.roles, who="org"))
    if profile.activities:
        console.print(_activity_table(profile.activities))
    if profile.holders:
        console.print(_role_table("People holding positions here", profile.holders, who="person"))
    if profile.contains:
        console.print(_contains_table(profile))
    if profile.co_mentions:
        console.print(_co_mention_table(profile))
    if profile.evidence:
        console.print(_evidence_table(profile))


def _header(profile: Profile, max_articles: int) -> list[Text]:
    """Name, type and id; aliases, titles, numbers, places, articles; a namesake warning."""
    header = Text()
    header.append(profile.label, style="bold")
    header.append(f"  {profile.type}", style="magenta")
    header.append(f"  ({profile.id})", style="dim")
    facts: list[Text] = [header]
    if profile.aliases:
        facts.append(Text.assemble(("aliases: ", "dim"), "、".join(profile.aliases)))
    if profile.titles:
        facts.append(Text.assemble(("titles: ", "dim"), "、".join(profile.titles)))
    stats = (
        f"mentions {profile.mentions} · articles {len(profile.articles)} · degree {profile.degree}"
    )
    stats += f" · pagerank {profile.pagerank:.4f}"
    if profile.community:
        stats += f" · community {profile.community}"
    facts.append(Text(stats, style="dim"))
    if profile.places:
        facts.append(
            Text.assemble(("located in: ", "dim"), "、".join(r.label for r in profile.places))
        )
    if profile.articles:
        shown = ", ".join(profile.articles[:max_articles])
        if len(profile.articles) > max_articles:
            shown += f" … and {len(profile.articles) - max_articles} more"
        facts.append(Text.assemble(("in articles: ", "dim"), (shown, "cyan")))
    if profile.homonym:
        facts.append(
            Text(
                f"⚠ this name may stand for more than one person: {profile.homonym}",
                style="bold yellow",
            )
        )
    return facts


def _contains_table(profile: Profile) -> Table:
    table = Table(title="Located here", title_justify="left")
    table.add_column("Name")
    table.add_column("Type")
    for ref in profile.contains:
        table.add_row(Text(ref.label), Text(ref.type, style="magenta"))
    return table


def _co_mention_table(profile: Profile) -> Table:
    table = Table(title="Mentioned with", title_justify="left")
    table.add_column("Name")
    table.add_column("Type")
    table.add_column("Weight", justify="right")
    table.add_column("NPMI", justify="right")
    for item in profile.co_mentions:
        npmi = "—" if item.npmi is None else f"{item.npmi:.2f}"
        table.add_row(
            Text(item.label),
            Text(item.type, style="magenta"),
            Text(f"{item.weight:g}"),
            Text(npmi),
        )
    return table


def _evidence_table(profile: Profile) -> Table:
    table = Table(title="Evidence", title_justify="left")
    table.add_column("Article", style="cyan", no_wrap=True)
    table.add_column("Title, date", overflow="fold")
    table.add_column("Sentence", overflow="fold")
    for item in profile.evidence:
        info = profile.sources.get(item.article)
        cited = "" if info is None else " · ".join(x for x in (info.title, info.date) if x)
        table.add_row(Text(item.article), Text(cited), Text(item.sentence))
    return table
