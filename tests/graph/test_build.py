import math

import networkx as nx
import pytest

from kg.graph import analyze, build_graph
from kg.graph.cooccur import count_pairs, npmi
from kg.resolve import resolve
from kg.schema import Article, Evidence, Extraction, Mention, Role, Sentence


def make(article_id: str, sentences: list[str], mentions, roles=(), date=None) -> Extraction:
    text, spans = "", []
    for s in sentences:
        spans.append(Sentence(len(text), len(text) + len(s), s))
        text += s
    article = Article(id=article_id, source="t", text=text, date=date, sentences=spans)
    ms = []
    for surface, etype, index in mentions:
        start = text.index(surface, spans[index].start)
        ms.append(Mention(start, start + len(surface), surface, etype, index))
    return Extraction(article=article, mentions=ms, roles=list(roles))


@pytest.fixture()
def graph() -> nx.MultiDiGraph:
    exs = [
        make(
            "p#1",
            ["副市长、市公安局局长李强在东昌府区调研。", "李强指出，要保障安全。"],
            [
                ("市公安局", "ORG", 0),
                ("李强", "PERSON", 0),
                ("东昌府区", "LOC", 0),
                ("李强", "PERSON", 1),
            ],
            roles=[
                Role("李强", "局长", "市公安局", "ORG", 0),
                Role("李强", "副市长", "市政府", "ORG", 0),
            ],
            date="2024-12-20",
        ),
        make("p#2", ["聊城市召开会议，李强出席。"], [("聊城市", "LOC", 0), ("李强", "PERSON", 0)]),
    ]
    return analyze(build_graph(exs, resolve(exs)))


def test_build_node_attributes_are_typed(graph):
    for _, data in graph.nodes(data=True):
        assert data["type"] in {"PERSON", "ORG", "LOC", "PROJECT"}
        assert all(isinstance(v, (str, int, float, list)) for v in data.values())
    li = graph.nodes["PERSON:李强"]
    assert li["titles"] == ["副市长", "局长"] and li["mentions"] == 3 and li["articles"] == 2
    assert li["article_ids"] == ["p#1", "p#2"]


def test_build_keeps_every_articles_metadata(graph):
    info = graph.graph["article_info"]
    assert set(info) == {"p#1", "p#2"}
    assert info["p#1"].date == "2024-12-20" and info["p#2"].date == ""


def test_build_evidence_is_one_record_per_sentence(graph):
    first = [
        e
        for _, _, d in graph.edges(data=True)
        for e in d["evidence"]
        if (e.article, e.index) == ("p#1", 0)
    ]
    assert len(first) >= 3  # two positions and the co-mentions of that sentence
    assert all(e is first[0] for e in first)
    assert first[0] == Evidence("p#1", "副市长、市公安局局长李强在东昌府区调研。", 0)


def test_build_holds_position_edges_carry_title_date_and_evidence(graph):
    edges = {
        (v, d["title"]): d
        for _, v, d in graph.out_edges("PERSON:李强", data=True)
        if d["relation"] == "holds_position"
    }
    assert set(edges) == {("ORG:聊城市公安局", "局长"), ("ORG:聊城市人民政府", "副市长")}
    edge = edges[("ORG:聊城市公安局", "局长")]
    assert edge["date"] == "2024-12-20" and edge["article_ids"] == ["p#1"]
    assert edge["evidence"][0].sentence.startswith("副市长、市公安局局长李强")


def test_build_co_mentions_count_sentences(graph):
    data = graph.get_edge_data("ORG:聊城市公安局", "PERSON:李强") or graph.get_edge_data(
        "PERSON:李强", "ORG:聊城市公安局"
    )
    co = data["co_mention"]
    assert co["weight"] == 1.0 and co["evidence"][0].article == "p#1"
    assert -1.0 <= co["npmi"] <= 1.0


def test_build_located_in_from_gazetteer_and_names(graph):
    located = {(u, v) for u, v, d in graph.edges(data=True) if d["relation"] == "located_in"}
    assert ("LOC:东昌府区", "LOC:聊城市") in located
    assert ("ORG:聊城市公安局", "LOC:聊城市") in located


def test_build_analyze_adds_importance(graph):
    assert math.isclose(sum(d["pagerank"] for _, d in graph.nodes(data=True)), 1.0, abs_tol=1e-3)
    assert all(isinstance(d["community"], int) for _, d in graph.nodes(data=True))


def test_cooccur_counts_pairs_once_per_window():
    pairs, singles, n = count_pairs(
        [
            ("a", "s1", [("X", 0, 1), ("Y", 5, 6), ("X", 8, 9)]),
            ("a", "s2", [("X", 0, 1), ("Y", 1, 2)]),
        ]
    )
    assert n == 2 and singles["X"] == 2
    assert pairs[("X", "Y")].count == 2
    assert pairs[("X", "Y")].closeness == pytest.approx(
        1 / (1 + 2 / 10) + 1
    )  # nearest pair distance 2


@pytest.mark.parametrize(("c", "a", "b", "n", "expected"), [(5, 5, 5, 10, 1.0), (0, 5, 5, 10, 0.0)])
def test_cooccur_npmi_bounds(c, a, b, n, expected):
    assert npmi(c, a, b, n) == pytest.approx(expected)
