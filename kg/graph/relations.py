"""Typed relation edges (visits, meets, signs_with, invests_in) from the extractions' relations.

One edge per (source entity, target entity, relation), keyed by the relation, with the trigger
verbs as written, evidence sentences, article ids, first and last date, and for invests_in the
amounts as written and the sum of those stated in yuan. A party that is no entity of the graph (a foreign name
the domain rules set aside) gives no edge.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import NamedTuple

import networkx as nx

from kg.resolve import Resolution
from kg.resolve.home import paper_of
from kg.schema import RELATION_TYPES, Evidence, Extraction, Relation

MAX_EVIDENCE = 3


def _party_ids(ex: Extraction, resolution: Resolution) -> dict[tuple[int, str], str]:
    """(mention start, surface) -> entity id for the article's mentions."""
    ids = resolution.mention_ids.get(ex.article.id, [])
    out = {}
    for mention, eid in zip(ex.mentions, ids, strict=False):
        if eid is not None and mention.start >= 0:
            out[(mention.start, mention.text)] = eid
    return out


def _find(
    found: dict[tuple[int, str], str], names: dict[str, str], start: int, text: str
) -> str | None:
    return found.get((start, text)) or names.get(text)


def _unique_names(resolution: Resolution) -> dict[str, str]:
    """Labels and aliases naming exactly one entity, for parties written without a mention
    (华 -> 中国)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for ent in resolution.entities.values():
        for name in (ent.label, *ent.aliases):
            owners[name].add(ent.id)
    return {name: next(iter(ids)) for name, ids in owners.items() if len(ids) == 1}


def _with_home_initial(names: dict[str, str], home: str | None) -> dict[str, str]:
    """来聊调研: the first character of the paper's own city is that city. Each source has its
    paper's home (a folder may hold several papers), so 来德调研 in a 德州 paper is 德州市."""
    if not home or home not in names or home[0] in names:
        return names
    return {**names, home[0]: names[home]}


def add_relation_edges(
    graph: nx.MultiDiGraph,
    extractions: list[Extraction],
    resolution: Resolution,
    sentence: Callable[[str, int], Evidence],
) -> None:
    """``sentence(article id, index)`` gives the shared Evidence record of a sentence."""
    unique = _unique_names(resolution)
    by_home: dict[str | None, dict[str, str]] = {}
    grouped: dict[tuple[str, str, str], list[tuple[Extraction, Relation]]] = defaultdict(list)
    for ex in extractions:
        if not ex.relations:
            continue
        home = resolution.other_homes.get(paper_of(ex.article), resolution.home_city)
        if home not in by_home:
            by_home[home] = _with_home_initial(unique, home)
        names = by_home[home]
        found = _party_ids(ex, resolution)
        for rel in ex.relations:
            source = _find(found, names, rel.source_start, rel.source)
            target = _find(found, names, rel.target_start, rel.target)
            if source is not None and target is not None and source != target:
                grouped[(source, target, rel.relation)].append((ex, rel))
    for (source, target, relation), items in sorted(grouped.items()):
        evidence: list[Evidence] = []
        for ex, rel in items:
            record = sentence(ex.article.id, rel.sentence)
            if record.sentence and record not in evidence and len(evidence) < MAX_EVIDENCE:
                evidence.append(record)
        articles = sorted({ex.article.id for ex, _ in items})
        dates = sorted(d for d in {ex.article.date for ex, _ in items} if d)
        graph.add_edge(
            source,
            target,
            key=relation,
            relation=relation,
            weight=float(len(items)),
            trigger=sorted({rel.trigger for _, rel in items}),
            evidence=evidence,
            article_ids=articles,
            date=dates[0] if dates else "",
            last_date=dates[-1] if dates else "",
        )
        graph.edges[source, target, relation].update(_amounts(rel for _, rel in items))


def _amounts(relations: Iterable[Relation]) -> dict[str, object]:
    """The amounts as written and the sum of those in yuan; none where none was stated, so a
    visit, or an investment stated in dollars, shows no sum rather than one of 0 yuan."""
    stated = [rel for rel in relations if rel.amount_text]
    attrs: dict[str, object] = {}
    if stated:
        attrs["amount"] = [rel.amount_text for rel in stated]
    in_yuan = [rel.amount for rel in stated if rel.amount is not None]
    if in_yuan:
        attrs["amount_yuan"] = float(sum(in_yuan))
    return attrs


class Activity(NamedTuple):
    """One typed edge seen from one of its ends, for ``kg show``: what the entity did (or had
    done to it) with whom, when, as which verb, in which articles."""

    date: str  # first stated date, "" when no article gave one
    relation: str
    outgoing: bool  # True: the entity is the source (visits, hosts, invests)
    other: str  # the other end's label
    trigger: str
    amount: str
    article_ids: list[str]
    evidence: str  # the first evidence sentence


def activities(graph: nx.MultiGraph, node: str) -> list[Activity]:
    """The typed relation edges at ``node``, by date (undated last), then relation and name."""
    out = []
    for edges, outgoing in (
        (graph.out_edges(node, data=True), True),
        (graph.in_edges(node, data=True), False),
    ):
        for u, v, d in edges:
            if d.get("relation") not in RELATION_TYPES:
                continue
            other = v if outgoing else u
            evidence = d.get("evidence") or []
            out.append(
                Activity(
                    date=str(d.get("date") or ""),
                    relation=str(d["relation"]),
                    outgoing=outgoing,
                    other=str(graph.nodes[other].get("label") or other),
                    trigger="、".join(d.get("trigger") or ()),
                    amount="、".join(d.get("amount") or ()),
                    article_ids=list(d.get("article_ids") or ()),
                    evidence=evidence[0].sentence if evidence else "",
                )
            )
    return sorted(out, key=lambda a: (a.date == "", a.date, a.relation, a.other))
