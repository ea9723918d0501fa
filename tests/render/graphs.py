"""Synthetic graphs shaped like the graph stage's output (see kg.render.html's contract)."""

from __future__ import annotations

import random

import networkx as nx

from kg.readwrite.clean import restore_types
from kg.render.documents import Document
from kg.schema import ArticleInfo

XSS = "<script>alert(1)</script>\"'&<img src=x onerror=alert(2)>"


def _node(graph: nx.MultiDiGraph, kind: str, label: str, **attrs: object) -> str:
    node_id = f"{kind}:{label}"
    base = {
        "label": label,
        "type": kind,
        "aliases": label,
        "mentions": 1,
        "articles": 1,
        "article_ids": "a#1",
        "titles": "",
        "pagerank": 0.01,
        "community": 0,
        "degree": 0,
    }
    base.update(attrs)
    graph.add_node(node_id, **base)
    return node_id


def _edge(graph: nx.MultiDiGraph, u: str, v: str, relation: str, **attrs: object) -> None:
    base = {
        "relation": relation,
        "weight": 1.0,
        "title": "",
        "evidence": "",
        "article_ids": "a#1",
        "date": "",
    }
    base.update(attrs)
    graph.add_edge(u, v, key=relation, **base)


def build_small_graph(*, with_scores: bool = True) -> nx.MultiDiGraph:
    """A dozen entities of every type, every relation, and one planted hostile name."""
    g = nx.MultiDiGraph()
    city = _node(
        g,
        "LOC",
        "江北市",
        aliases="江北市|江北",
        mentions=40,
        articles=6,
        pagerank=0.2,
        community=0,
    )
    district = _node(g, "LOC", "东河区", mentions=8, articles=3, pagerank=0.06, community=1)
    gov = _node(
        g,
        "ORG",
        "江北市人民政府",
        aliases="江北市人民政府|市政府",
        mentions=12,
        articles=4,
        pagerank=0.12,
        community=0,
    )
    bureau = _node(
        g,
        "ORG",
        "江北市交通运输局",
        aliases="江北市交通运输局|市交通运输局",
        mentions=6,
        articles=2,
        pagerank=0.08,
        community=1,
    )
    mayor = _node(
        g,
        "PERSON",
        "王建国",
        titles="市长|市委副书记",
        mentions=9,
        articles=4,
        article_ids="a#1|a#2|a#3|a#4",
        pagerank=0.1,
        community=0,
    )
    chief = _node(
        g, "PERSON", "李明华", titles="局长", mentions=4, articles=2, pagerank=0.05, community=1
    )
    project = _node(
        g, "PROJECT", "滨河大道改造工程", mentions=3, articles=2, pagerank=0.04, community=1
    )
    evil = _node(
        g,
        "ORG",
        XSS,
        aliases=XSS + "|" + XSS[:10],
        titles=XSS,
        mentions=2,
        pagerank=0.03,
        community=2,
    )
    _edge(
        g,
        mayor,
        gov,
        "holds_position",
        title="市长",
        date="2024-12-20",
        evidence="[a#1]@0 市长王建国主持召开市政府常务会议。\n[a#2]@0 王建国市长到东河区调研。",
        article_ids="a#1|a#2",
        last_date="2025-03-02",
    )
    # a second post on the same pair: both edges must stay visible
    g.add_edge(
        mayor,
        gov,
        key="holds_position:代市长",
        relation="holds_position",
        weight=1.0,
        title="代市长",
        status="acting",
        evidence="[a#4]@0 代市长王建国出席会议。",
        article_ids="a#4",
        date="2024-06-01",
        last_date="2024-06-01",
    )
    _edge(
        g,
        chief,
        bureau,
        "holds_position",
        title="局长",
        evidence="[a#3]@0 市交通运输局局长李明华介绍了工程进展。",
    )
    _edge(g, mayor, chief, "co_mention", weight=3.0, evidence="[a#3]@1 王建国听取李明华汇报。")
    _edge(
        g,
        chief,
        project,
        "co_mention",
        weight=2.0,
        evidence="[a#3]@2 李明华表示滨河大道改造工程年底完工。",
    )
    _edge(
        g,
        mayor,
        district,
        "visits",
        trigger="调研",
        evidence="[a#2]@0 王建国市长到东河区调研。",
        article_ids="a#2",
        date="2025-03-02",
        last_date="2025-03-02",
    )
    _edge(
        g,
        bureau,
        project,
        "invests_in",
        trigger="投资",
        amount="2亿元",
        amount_yuan=200000000.0,
        evidence="[a#3]@3 市交通运输局投资2亿元建设滨河大道改造工程。",
        article_ids="a#3",
    )
    _edge(g, project, district, "located_in", evidence="[a#3] 东河区滨河大道改造工程")
    _edge(g, bureau, city, "located_in")
    _edge(g, gov, city, "located_in")
    _edge(g, district, city, "located_in")
    _edge(g, evil, mayor, "co_mention", weight=1.0, evidence=f"[{XSS}] {XSS}", article_ids=XSS)
    _edge(g, evil, city, "holds_position", title=XSS, evidence=f"[a#9] {XSS}")
    if not with_scores:
        for _, attrs in g.nodes(data=True):
            del attrs["pagerank"], attrs["community"]
    g.graph["articles"] = 6
    g.graph["article_info"] = {
        article: ArticleInfo(
            id=article, title=title, date=date, date_source="text", source=f"pages/{article[0]}.txt"
        )
        for article, (title, date) in SMALL_ARTICLES.items()
    }
    return restore_types(g)


SMALL_ARTICLES = {
    "a#1": ("市政府召开常务会议", "2024-12-20"),
    "a#2": ("市长到东河区调研", "2025-03-02"),
    "a#3": ("滨河大道改造工程进展", ""),
    "a#4": ("代市长出席会议", "2024-06-01"),
}
SMALL_TEXTS = {
    "a#1": ["市长王建国主持召开市政府常务会议。", f"会议研究了{XSS}。"],
    "a#2": ["王建国市长到东河区调研。"],
    "a#3": [
        "市交通运输局局长李明华介绍了工程进展。",
        "王建国听取李明华汇报。",
        "李明华表示滨河大道改造工程年底完工。",
        "市交通运输局投资2亿元建设滨河大道改造工程。",
    ],
    "a#4": ["代市长王建国出席会议。"],
}


def small_documents() -> list[Document]:
    """The small graph's articles, with 王建国 and 李明华 linked where they are named."""
    people = {"王建国": "PERSON:王建国", "李明华": "PERSON:李明华", XSS: f"ORG:{XSS}"}
    found = []
    for article, sentences in SMALL_TEXTS.items():
        text, spans, links = "", [], []
        for sentence in sentences:
            spans.append((len(text), len(text) + len(sentence)))
            for name, node in people.items():
                at = sentence.find(name)
                if at >= 0:
                    links.append((len(text) + at, len(text) + at + len(name), node))
            text += sentence
        found.append(Document(article, text, tuple(spans), tuple(sorted(links))))
    return found


def build_random_graph(count: int, *, seed: int = 7) -> nx.MultiDiGraph:
    """A large graph with a power-law-ish degree spread, like a big corpus's co-mentions."""
    rng = random.Random(seed)
    kinds = ("PERSON", "ORG", "LOC", "PROJECT")
    g = nx.MultiDiGraph()
    ids = []
    for i in range(count):
        kind = kinds[i % 4]
        ids.append(
            _node(
                g,
                kind,
                f"实体{kind}{i}",
                mentions=rng.randint(1, 50),
                pagerank=rng.paretovariate(2.0) / count,
                community=i % 37,
                titles="主任" if kind == "PERSON" else "",
            )
        )
    skeleton = nx.barabasi_albert_graph(count, 2, seed=seed)
    for u, v in skeleton.edges:
        a, b = ids[u], ids[v]
        relation = (
            "holds_position" if a.startswith("PERSON") and b.startswith("ORG") else "co_mention"
        )
        _edge(
            g, a, b, relation, weight=float(rng.randint(1, 5)), evidence=f"[a#{u}] 句子{u}和{v}。"
        )
    return restore_types(g)
