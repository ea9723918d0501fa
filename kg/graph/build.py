"""Build the graph: nodes are entities; edges are holds_position, co_mention and located_in.

Every attribute is a flat scalar (str/int/float) so GraphML, GEXF and CSV writers take it as is;
lists are joined with "|". Every edge carries the articles it came from and evidence sentences.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from kg.graph.cooccur import count_pairs, npmi
from kg.resolve import Resolution
from kg.schema import Extraction

SEP = "|"


def _evidence(items: list[tuple[str, str]]) -> str:
    return "\n".join(f"[{article}] {sentence}" for article, sentence in items)


def build_graph(extractions: list[Extraction], resolution: Resolution) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(home_city=resolution.home_city or "", articles=len(extractions))
    by_id = {ex.article.id: ex for ex in extractions}
    dates = {ex.article.id: ex.article.date or "" for ex in extractions}
    for ent in sorted(resolution.entities.values(), key=lambda e: e.id):
        graph.add_node(
            ent.id,
            label=ent.label,
            type=ent.type,
            aliases=SEP.join(sorted(ent.aliases)),
            mentions=ent.mentions,
            articles=len(ent.articles),
            article_ids=SEP.join(sorted(ent.articles)),
            titles=SEP.join(sorted(ent.titles)),
            homonym=ent.homonym,
        )

    # holds_position: one edge per (person, title, organisation).
    roles: dict[tuple[str, str, str], list] = defaultdict(list)
    for role in resolution.roles:
        if role.org is not None:
            roles[(role.person, role.title, role.org)].append(role)
    for (person, title, org), found in sorted(roles.items()):
        evidence = []
        for role in found:
            sentence = by_id[role.article].sentence_text(role.sentence)
            if sentence and len(evidence) < 3:
                evidence.append((role.article, sentence))
        articles = sorted({r.article for r in found})
        stated = sorted(d for d in (dates[a] for a in articles) if d)
        graph.add_edge(
            person,
            org,
            key=f"holds_position:{title}",
            relation="holds_position",
            title=title,
            weight=float(len(found)),
            evidence=_evidence(evidence),
            article_ids=SEP.join(articles),
            date=stated[0] if stated else "",
            last_date=stated[-1] if stated else "",
            status=max(found, key=lambda r: r.date or "").status,  # as the latest article states it
        )

    # co_mention: entities in the same sentence.
    def windows():
        for ex in extractions:
            ids = resolution.mention_ids.get(ex.article.id, [])
            per_sentence: dict[int, list[tuple[str, int, int]]] = defaultdict(list)
            for mention, eid in zip(ex.mentions, ids, strict=True):
                if eid is not None and mention.sentence >= 0:
                    per_sentence[mention.sentence].append((eid, mention.start, mention.end))
            for index, spans in per_sentence.items():
                yield ex.article.id, ex.sentence_text(index), spans

    pairs, singles, n = count_pairs(windows())
    for (a, b), pair in sorted(pairs.items()):
        graph.add_edge(
            a,
            b,
            key="co_mention",
            relation="co_mention",
            weight=float(pair.count),
            closeness=round(pair.closeness, 4),
            npmi=round(npmi(pair.count, singles[a], singles[b], n), 4),
            evidence=_evidence(pair.evidence),
            article_ids=SEP.join(sorted(pair.articles)),
            date="",
        )

    _located_in(graph, resolution)
    return graph


def _located_in(graph: nx.MultiDiGraph, resolution: Resolution) -> None:
    """Place -> nearest place around it that is in the graph; organisation or project -> the place
    its name starts with (聊城市公安局 -> 聊城市)."""
    by_place = {place.name: eid for eid, place in resolution.places.items()}
    for eid, place in resolution.places.items():
        parent = next((by_place[a.name] for a in place.ancestors() if a.name in by_place), None)
        if parent is not None and parent != eid:
            graph.add_edge(eid, parent, key="located_in", relation="located_in", weight=1.0,
                           evidence="administrative division", article_ids="", date="")
    names = sorted(by_place, key=len, reverse=True)
    for eid, data in graph.nodes(data=True):
        if data["type"] not in ("ORG", "PROJECT"):
            continue
        label = data["label"].removeprefix("中共").removeprefix("政协")
        place = next((n for n in names if label.startswith(n) and len(label) > len(n)), None)
        if place is not None:
            graph.add_edge(eid, by_place[place], key="located_in", relation="located_in", weight=1.0,
                           evidence=f"name: {data['label']}", article_ids="", date="")
