"""Typed relation edges in the seeds' graph and in every export format."""

from __future__ import annotations

import csv
import io

import networkx as nx

from kg.readwrite import export, read_graph
from kg.schema import RELATION_TYPES
from tests.test_cli import directed_gexf

TYPED = RELATION_TYPES


def _typed(graph: nx.MultiDiGraph) -> list[tuple[str, str, dict]]:
    return [(u, v, d) for u, v, d in graph.edges(data=True) if d.get("relation") in TYPED]


def test_visits_and_signs_with_edges_carry_trigger_evidence_and_articles(seeds_run):
    graph = seeds_run.graph
    edges = {
        (graph.nodes[u]["label"], d["relation"], graph.nodes[v]["label"]): d
        for u, v, d in _typed(graph)
    }
    visit = edges[("张百顺", "visits", "时风集团")]
    assert visit["trigger"] == ["调研"] and any(
        "时风集团进行调研" in e.sentence for e in visit["evidence"]
    )
    assert visit["article_ids"][0].startswith("004_8a114bd477087453#")
    assert ("中通客车股份有限公司", "signs_with", "怡和合发集团") in edges
    # Co-mention stays in the data beside the typed edge.
    u, v = next(
        (u, v)
        for u, v, d in _typed(graph)
        if d["relation"] == "visits" and graph.nodes[v]["label"] == "时风集团"
    )
    assert "co_mention" in graph[u][v] or "co_mention" in graph.get_edge_data(v, u, default={})


def test_the_home_citys_first_character_is_the_home_city(seeds_run):
    graph = seeds_run.graph
    edges = {
        (graph.nodes[u]["label"], d["relation"], graph.nodes[v]["label"])
        for u, v, d in _typed(graph)
    }
    assert ("葛慧君", "visits", "聊城市") in edges  # 省政协主席葛慧君来聊调研


def test_exports_keep_the_relation_types(seeds_run, tmp_path):
    graph = seeds_run.graph
    expected = {(u, v, d["relation"]) for u, v, d in _typed(graph)}
    assert expected
    for fmt in ("graphml", "gexf", "json"):
        (path,) = export(graph, fmt, tmp_path / fmt)
        # networkx refuses GEXF's mixed graph (undirected co-mentions), which Gephi reads
        back = nx.read_gexf(io.BytesIO(directed_gexf(path))) if fmt == "gexf" else read_graph(path)
        assert {(u, v, d["relation"]) for u, v, d in _typed(back)} == expected, fmt
    export(graph, "neo4j", tmp_path / "neo4j")
    with (tmp_path / "neo4j" / "relationships.csv").open(encoding="utf-8") as f:
        types = {row[":TYPE"] for row in csv.DictReader(f)}
    assert {"VISITS", "SIGNS_WITH"} <= types and "CO_MENTION" in types
    export(graph, "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "relations.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["relation"] == "visits"]
    assert rows and all(r["trigger"] for r in rows)


def test_show_lists_what_a_person_did(seeds_run):
    from io import StringIO

    from rich.console import Console

    from kg.profile import find_entities, profile, render_profile

    (node,) = find_entities(seeds_run.graph, "张百顺")
    found = profile(seeds_run.graph, node)
    assert {(a.relation, a.other) for a in found.activities} >= {
        ("visits", "时风集团"),
        ("visits", "高唐县"),
    }
    assert all(a.outgoing and a.evidence for a in found.activities)
    buffer = StringIO()
    render_profile(found, Console(file=buffer, width=200))
    assert "What it did" in buffer.getvalue() and "时风集团" in buffer.getvalue()
    # A body that was visited sees it from the other end.
    (firm,) = find_entities(seeds_run.graph, "时风集团")
    assert [
        (a.relation, a.outgoing, a.other) for a in profile(seeds_run.graph, firm).activities
    ] == [("visits", False, "张百顺")]


def _relation_graph(extractions, names: list[tuple[str, str]], **resolution) -> nx.MultiDiGraph:
    """The typed edges of ``extractions`` over entities named (label, type)."""
    from kg.graph.relations import add_relation_edges
    from kg.resolve import Resolution
    from kg.schema import Entity, Evidence

    entities = {f"{kind}:{label}": Entity(f"{kind}:{label}", label, kind) for label, kind in names}
    graph = nx.MultiDiGraph()
    evidence = lambda article, index: Evidence(article, "", index)
    add_relation_edges(graph, extractions, Resolution(entities=entities, **resolution), evidence)
    return graph


def test_each_papers_own_city_initial_is_that_city():
    """来X调研 stands for the city of the article's own paper; in a folder of two papers each
    source keeps its own (resolve's other_homes), and one paper's initial means nothing in the
    other's pages."""
    from kg.schema import Article, Extraction, Relation

    def page(source: str, place: str) -> Extraction:
        article = Article(id=f"{source}#0", source=source, text=f"甲乙丙来{place}调研。")
        rel = Relation("visits", "甲乙丙", place, "调研", 0, "PERSON", "LOC")
        return Extraction(article=article, relations=[rel])

    pages = [page("apple.txt", "苹"), page("pear.txt", "梨"), page("pear.txt", "苹")]
    graph = _relation_graph(
        pages,
        [("甲乙丙", "PERSON"), ("苹城市", "LOC"), ("梨州市", "LOC")],
        home_city="苹城市",
        other_homes={"pear.txt": "梨州市"},
    )
    assert {(u, v) for u, v, _ in graph.edges(keys=True)} == {
        ("PERSON:甲乙丙", "LOC:苹城市"),
        ("PERSON:甲乙丙", "LOC:梨州市"),
    }
    assert graph["PERSON:甲乙丙"]["LOC:苹城市"]["visits"]["article_ids"] == ["apple.txt#0"]


def test_only_an_amount_in_yuan_gives_a_sum_in_yuan():
    """An edge without a stated amount has no amount keys, and one stated in another currency
    keeps its written amount but no yuan sum: readers and Gephi see no amount, not 0 yuan."""
    from kg.schema import Article, Extraction, Relation

    article = Article(id="a#0", source="a.txt", text="甲公司投资乙项目。丙公司投资乙项目。")
    rels = [
        Relation("visits", "李红旗", "甲公司", "调研", 0, "PERSON", "ORG"),
        Relation(
            "invests_in",
            "甲公司",
            "乙项目",
            "投资",
            0,
            "ORG",
            "PROJECT",
            amount=10**9,
            amount_text="10亿元",
        ),
        Relation(
            "invests_in", "丙公司", "乙项目", "投资", 1, "ORG", "PROJECT", amount_text="2亿美元"
        ),
    ]
    graph = _relation_graph(
        [Extraction(article=article, relations=rels)],
        [("李红旗", "PERSON"), ("甲公司", "ORG"), ("丙公司", "ORG"), ("乙项目", "PROJECT")],
    )
    visit = graph["PERSON:李红旗"]["ORG:甲公司"]["visits"]
    assert "amount" not in visit and "amount_yuan" not in visit
    yuan = graph["ORG:甲公司"]["PROJECT:乙项目"]["invests_in"]
    assert yuan["amount"] == ["10亿元"] and yuan["amount_yuan"] == 1e9
    dollars = graph["ORG:丙公司"]["PROJECT:乙项目"]["invests_in"]
    assert dollars["amount"] == ["2亿美元"] and "amount_yuan" not in dollars
