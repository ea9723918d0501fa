"""Build the graph: nodes are entities; edges are holds_position, co_mention, located_in and the
typed relations (visits, meets, signs_with, invests_in: kg/graph/relations.py).

Attributes stay typed here: names are sorted lists of strings, evidence is a list of
``Evidence`` records (one object per sentence, shared by every edge it supports), and
``graph.graph["article_info"]`` maps each article id to its ``ArticleInfo`` (title, date and
its source, file, URL, byline). Only ``kg.readwrite`` flattens them, for the files it writes.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from kg.graph.cooccur import count_pairs, npmi
from kg.graph.relations import add_relation_edges
from kg.resolve import Resolution
from kg.schema import ArticleInfo, Evidence, Extraction

MAX_EVIDENCE = 3


def article_info(ex: Extraction) -> ArticleInfo:
    a = ex.article
    return ArticleInfo(
        id=a.id,
        title=a.title or "",
        date=a.date or "",
        date_source=(a.date_source or "") if a.date else "",
        source=a.source or "",
        url=a.url or "",
        byline=tuple(f"{p.role} {p.name}".strip() for p in a.byline),
    )


class _Sentences:
    """One Evidence object per (article, sentence index): edges share it instead of copying."""

    def __init__(self, by_id: dict[str, Extraction]) -> None:
        self.by_id = by_id
        self.known: dict[tuple[str, int], Evidence] = {}

    def __call__(self, article: str, index: int) -> Evidence:
        key = (article, index)
        found = self.known.get(key)
        if found is None:
            text = self.by_id[article].sentence_text(index)
            found = self.known[key] = Evidence(article, text, index)
        return found


def build_graph(extractions: list[Extraction], resolution: Resolution) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(
        home_city=resolution.home_city or "",
        articles=len(extractions),
        article_info={ex.article.id: article_info(ex) for ex in extractions},
    )
    if resolution.other_homes:  # other papers' files or sites -> the place they are read at
        graph.graph["other_homes"] = dict(resolution.other_homes)
    by_id = {ex.article.id: ex for ex in extractions}
    sentence = _Sentences(by_id)
    dates = {ex.article.id: ex.article.date or "" for ex in extractions}
    for ent in sorted(resolution.entities.values(), key=lambda e: e.id):
        graph.add_node(
            ent.id,
            label=ent.label,
            type=ent.type,
            aliases=sorted(ent.aliases),
            mentions=ent.mentions,
            articles=len(ent.articles),
            article_ids=sorted(ent.articles),
            titles=sorted(ent.titles),
            homonym=ent.homonym,
        )

    _add_roles(graph, resolution, sentence, dates)
    _add_co_mentions(graph, extractions, resolution, sentence, dates)
    _located_in(graph, resolution)
    add_relation_edges(graph, extractions, resolution, sentence)
    return graph


def _add_roles(
    graph: nx.MultiDiGraph, resolution: Resolution, sentence: _Sentences, dates: dict[str, str]
) -> None:
    """holds_position: one edge per (person, title, organisation)."""
    roles: dict[tuple[str, str, str], list] = defaultdict(list)
    for role in resolution.roles:
        if role.org is not None:
            roles[(role.person, role.title, role.org)].append(role)
    for (person, title, org), found in sorted(roles.items()):
        evidence: list[Evidence] = []
        for role in found:
            item = sentence(role.article, role.sentence)
            if item.sentence and item not in evidence and len(evidence) < MAX_EVIDENCE:
                evidence.append(item)
        articles = sorted({r.article for r in found})
        stated = sorted(d for d in (dates[a] for a in articles) if d)
        graph.add_edge(
            person,
            org,
            key=f"holds_position:{title}",
            relation="holds_position",
            title=title,
            weight=float(len(found)),
            evidence=evidence,
            article_ids=articles,
            date=stated[0] if stated else "",
            last_date=stated[-1] if stated else "",
            status=max(found, key=lambda r: r.date or "").status,  # as the latest article states it
        )


def _windows(extractions: list[Extraction], resolution: Resolution, sentence: _Sentences):
    """Each sentence's resolved mentions, with offsets into the sentence. The window's "sentence"
    handed to count_pairs is the shared Evidence record, so a pair's evidence comes back typed."""
    for ex in extractions:
        ids = resolution.mention_ids.get(ex.article.id, [])
        per_sentence: dict[int, list[tuple[str, int, int]]] = defaultdict(list)
        sentences = ex.article.sentences
        for mention, eid in zip(ex.mentions, ids, strict=True):
            if eid is not None and 0 <= mention.sentence < len(sentences):
                base = sentences[mention.sentence].start  # offsets into the sentence
                per_sentence[mention.sentence].append(
                    (eid, mention.start - base, mention.end - base)
                )
        for index, spans in per_sentence.items():
            yield ex.article.id, sentence(ex.article.id, index), spans


def _add_co_mentions(
    graph: nx.MultiDiGraph,
    extractions: list[Extraction],
    resolution: Resolution,
    sentence: _Sentences,
    dates: dict[str, str],
) -> None:
    """co_mention: entities in the same sentence, weighted, with closeness and NPMI."""
    pairs, singles, n = count_pairs(_windows(extractions, resolution, sentence))
    for (a, b), pair in sorted(pairs.items()):
        articles = sorted(pair.articles)
        stated = sorted(d for d in (dates[x] for x in articles) if d)
        graph.add_edge(
            a,
            b,
            key="co_mention",
            relation="co_mention",
            weight=float(pair.count),
            closeness=round(pair.closeness, 4),
            npmi=round(npmi(pair.count, singles[a], singles[b], n), 4),
            evidence=[item for _article, item in pair.evidence],
            article_ids=articles,
            date=stated[0] if stated else "",
            last_date=stated[-1] if stated else "",
        )


def _located_in(graph: nx.MultiDiGraph, resolution: Resolution) -> None:
    """Place -> nearest place around it that is in the graph; organisation or project -> the place
    its name starts with (聊城市公安局 -> 聊城市). ``basis`` says which: no sentence states it."""
    by_place = {place.name: eid for eid, place in resolution.places.items()}
    for eid, place in resolution.places.items():
        parent = next((by_place[a.name] for a in place.ancestors() if a.name in by_place), None)
        if parent is not None and parent != eid:
            graph.add_edge(
                eid,
                parent,
                key="located_in",
                relation="located_in",
                weight=1.0,
                basis="administrative division",
                evidence=[],
                article_ids=[],
                date="",
            )
    names = sorted(by_place, key=len, reverse=True)
    for eid, data in graph.nodes(data=True):
        if data["type"] not in ("ORG", "PROJECT"):
            continue
        label = data["label"].removeprefix("中共").removeprefix("政协")
        place = next((n for n in names if label.startswith(n) and len(label) > len(n)), None)
        if place is not None:
            graph.add_edge(
                eid,
                by_place[place],
                key="located_in",
                relation="located_in",
                weight=1.0,
                basis=f"name: {data['label']}",
                evidence=[],
                article_ids=[],
                date="",
            )
