"""Static checks of the written pages: files, links, offline-ness and escaping."""

from __future__ import annotations

import json
import re
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import networkx as nx
import pytest

from kg.render import ego_filename, render_views
from kg.render.html import article_filename
from kg.render.jinja import json_for_script
from kg.schema import Evidence

from .graphs import XSS, build_random_graph, build_small_graph

DATA = Path(__file__).parent.parent / "data" / "render"
URL_ATTRS = {"src", "href", "action", "data", "poster", "srcset", "formaction", "background"}
REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//|^\s*(?:https?|ftp|ws|wss):", re.IGNORECASE)
CSS_REMOTE_URL = re.compile(r"url\(\s*['\"]?\s*(?!data:)[^)'\"\s]", re.IGNORECASE)
CSS_IMPORT = re.compile(r"@import", re.IGNORECASE)


class _Tags(HTMLParser):
    """Start tags and their attributes; script and style bodies are not parsed as markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def _parse(path: Path) -> _Tags:
    parser = _Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def _pages(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def test_html_writes_every_view(tmp_path: Path) -> None:
    written = render_views(build_small_graph(), tmp_path, top_n=300, ego_count=5)
    names = {p.relative_to(tmp_path).as_posix() for p in written}
    assert {"index.html", "graph.html", "officials.html", "orgs.html"} <= names
    egos = sorted(n for n in names if n.startswith("ego/"))
    assert len(egos) == 5
    assert f"ego/{ego_filename('PERSON:王建国')}" in egos
    assert written[0] == tmp_path / "index.html"
    assert all(p.is_file() and p.stat().st_size > 0 for p in written)
    assert set(_pages(tmp_path)) == set(written)


def test_html_pages_load_nothing_remote(rendered_small: Path) -> None:
    for page in _pages(rendered_small):
        parsed = _parse(page)
        for tag, attrs in parsed.tags:
            for name, value in attrs.items():
                if name in URL_ATTRS:
                    assert not REMOTE.search(value), f"{page.name}: <{tag} {name}={value!r}>"
            # scripts and styles come from the output's own assets/ folder, nowhere else
            source = attrs.get("src") if tag == "script" else None
            if tag == "link" and attrs.get("rel") == "stylesheet":
                source = attrs.get("href")
            if source:
                target = (page.parent / unquote(source)).resolve()
                assert target.parent == (rendered_small / "assets").resolve(), (page.name, source)
                assert target.is_file(), (page.name, source)
        css = "\n".join(parsed.styles)
        assert not CSS_IMPORT.search(css)
        assert not CSS_REMOTE_URL.search(css), CSS_REMOTE_URL.search(css)
        text = page.read_text(encoding="utf-8")
        for library in ("bootstrap", "tom-select", "cdn.jsdelivr", "unpkg.com", "cdnjs"):
            assert library not in text, f"{page.name} mentions {library}"


def test_html_planted_markup_is_only_escaped(rendered_small: Path) -> None:
    for page in _pages(rendered_small):
        text = page.read_text(encoding="utf-8")
        assert XSS not in text, page.name
        assert "<script>alert" not in text, page.name
        tags = [tag for tag, _ in _parse(page).tags]
        assert "img" not in tags, page.name
        assert all("onerror" not in attrs for _, attrs in _parse(page).tags)
    overview = (rendered_small / "graph.html").read_text(encoding="utf-8")
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in overview
    index = (rendered_small / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in index


def test_html_index_counts_one_mention_in_the_singular(tmp_path: Path) -> None:
    graph = build_small_graph()
    listed = next(n for n, a in graph.nodes(data=True) if a["mentions"] == 4)
    graph.nodes[listed]["mentions"] = 1
    render_views(graph, tmp_path)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "· 1 mention ·" in index
    assert "· 12 mentions ·" in index
    assert "1 mentions" not in index


def test_html_index_links_resolve(rendered_small: Path) -> None:
    for page in _pages(rendered_small):
        links = [
            attrs["href"] for tag, attrs in _parse(page).tags if tag == "a" and "href" in attrs
        ]
        if page.name == "index.html":
            assert len(links) >= 3 + 5  # views + ego pages
        for link in links:
            target = (page.parent / unquote(urlsplit(link).path)).resolve()
            assert target.is_file(), f"{page.relative_to(rendered_small)} links to missing {link}"


def _data(page: Path) -> dict:
    match = re.search(
        r'<script type="application/json" id="kg-data">(.*?)</script>',
        page.read_text(encoding="utf-8"),
        re.DOTALL,
    )
    assert match is not None
    return json.loads(match.group(1))


def test_html_node_ego_links_resolve(rendered_small: Path) -> None:
    for page in [rendered_small / "graph.html", *sorted((rendered_small / "ego").glob("*.html"))]:
        for node in _data(page)["nodes"]:
            if node["kgEgo"] is not None:
                assert (page.parent / unquote(node["kgEgo"])).is_file(), (page.name, node["kgEgo"])


@pytest.mark.parametrize(
    ("top_n", "caption"),
    [(3, "showing 3 of 8 entities by PageRank"), (300, "showing 8 of 8 entities by PageRank")],
)
def test_html_overview_states_cut_off(tmp_path: Path, top_n: int, caption: str) -> None:
    render_views(build_small_graph(), tmp_path, top_n=top_n, ego_count=0)
    page = tmp_path / "graph.html"
    assert caption in page.read_text(encoding="utf-8")
    labels = [n["label"] for n in _data(page)["nodes"]]
    assert len(labels) == min(top_n, 8)
    assert labels[0] == "江北市"  # highest PageRank first


def test_html_big_page_starts_with_light_edges_hidden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    render_views(build_small_graph(), tmp_path / "all", ego_count=0)
    full = _data(tmp_path / "all" / "graph.html")
    weights = sorted(e["kgWeight"] for e in full["edges"])
    assert full["minWeight"] == 1 and not any(e.get("hidden") for e in full["edges"])
    heavy = sum(1 for w in weights if w >= 2)
    assert 0 < heavy < len(weights)
    monkeypatch.setattr("kg.render.layout.EDGE_BUDGET", heavy)  # weight 2 leaves just enough
    render_views(build_small_graph(), tmp_path / "cut", ego_count=0)
    page = tmp_path / "cut" / "graph.html"
    data = _data(page)
    assert data["minWeight"] == 2
    shown = [e for e in data["edges"] if not e.get("hidden")]
    assert len(shown) == heavy and all(e["kgWeight"] >= 2 for e in shown)
    light = len(weights) - heavy
    assert f"{light} of {len(weights)} edges below weight 2 hidden" in page.read_text(
        encoding="utf-8"
    )
    ends = {e["from"] for e in shown} | {e["to"] for e in shown}
    assert all(n.get("hidden", False) == (n["id"] not in ends) for n in data["nodes"])


def test_html_officials_view_holds_positions_only(rendered_small: Path) -> None:
    data = _data(rendered_small / "officials.html")
    assert {e["kgRelation"] for e in data["edges"]} == {"holds_position"}
    by_id = {n["id"]: n for n in data["nodes"]}
    assert by_id["PERSON:王建国"]["kgTitles"] == ["市委副书记", "市长"]
    assert {"ORG:江北市人民政府", "ORG:江北市交通运输局"} <= set(by_id)
    labels = [e.get("label") for e in data["edges"] if e["from"] == "PERSON:王建国"]
    assert sorted(labels) == ["代市长", "市长"]
    # a post held acting says so on its card; a current one carries no status at all
    status = {
        e.get("label"): e.get("kgStatus") for e in data["edges"] if e["from"] == "PERSON:王建国"
    }
    assert status == {"代市长": "acting 代理", "市长": None}


def test_html_parallel_posts_curve_apart(rendered_small: Path) -> None:
    edges = [
        e
        for e in _data(rendered_small / "officials.html")["edges"]
        if (e["from"], e["to"]) == ("PERSON:王建国", "ORG:江北市人民政府")
    ]
    assert len(edges) == 2
    shapes = {(e["smooth"]["type"], e["smooth"]["roundness"]) for e in edges}
    assert len(shapes) == 2  # two curves, not one line over the other
    single = [e for e in _data(rendered_small / "officials.html")["edges"] if e not in edges]
    assert single and all("smooth" not in e for e in single)


def test_html_orgs_view_has_no_people(rendered_small: Path) -> None:
    data = _data(rendered_small / "orgs.html")
    assert {n["kgType"] for n in data["nodes"]} == {"ORG", "LOC", "PROJECT"}
    assert "located_in" in {e["kgRelation"] for e in data["edges"]}


def test_html_ego_view_is_the_neighbourhood(rendered_small: Path) -> None:
    data = _data(rendered_small / "ego" / ego_filename("PERSON:王建国"))
    assert data["center"] == "PERSON:王建国"
    ids = {n["id"] for n in data["nodes"]}
    assert ids == {
        "PERSON:王建国",
        "ORG:江北市人民政府",
        "PERSON:李明华",
        "LOC:东河区",  # he visited it
        f"ORG:{XSS}",
    }
    position = next(
        e
        for e in data["edges"]
        if e["kgRelation"] == "holds_position" and e["from"] == "PERSON:王建国"
    )
    first = data["sentences"][position["kgEvidence"][0]]
    assert first == ["a#1", 0, "市长王建国主持召开市政府常务会议。"]
    assert data["articles"]["a#1"]["title"] == "市政府召开常务会议"
    assert data["articles"]["a#1"]["date"] == "2024-12-20"
    assert position["kgDate"] == "2024-12-20"
    # the centre's own edges are drawn; those between its neighbours wait to be asked for
    spokes = [e for e in data["edges"] if not e["hidden"]]
    assert spokes and all("PERSON:王建国" in (e["from"], e["to"]) for e in spokes)
    posts = [(p["title"], p["date"]) for p in data["centre"]["posts"]]
    assert posts == [("代市长", "2024-06-01"), ("市长", "2024-12-20")]  # a timeline


def test_html_ego_view_hides_edges_between_neighbours(tmp_path: Path) -> None:
    graph = build_small_graph()
    graph.add_edge(
        "PERSON:李明华", "ORG:江北市人民政府", key="co_mention", relation="co_mention", weight=1.0
    )
    render_views(graph, tmp_path, ego_count=5)
    edges = _data(tmp_path / "ego" / ego_filename("PERSON:王建国"))["edges"]
    between = [e for e in edges if "PERSON:王建国" not in (e["from"], e["to"])]
    assert len(between) == 1 and between[0]["hidden"] and not between[0]["kgSpoke"]
    assert all(e["kgSpoke"] and not e["hidden"] for e in edges if e not in between)


def test_html_sentences_are_written_once_per_page(rendered_small: Path) -> None:
    data = _data(rendered_small / "graph.html")
    texts = [tuple(s) for s in data["sentences"]]
    assert len(texts) == len(set(texts)) > 0
    refs = [r for item in data["nodes"] + data["edges"] for r in item["kgEvidence"]]
    assert set(refs) == set(range(len(texts)))


def test_html_article_page_marks_sentences_and_links_entities(rendered_small: Path) -> None:
    page = rendered_small / "articles" / article_filename("a#1")
    text = page.read_text(encoding="utf-8")
    assert "<h1>市政府召开常务会议</h1>" in text and "2024-12-20" in text
    tags = _parse(page).tags
    assert ("span", {"class": "kg-sentence", "id": "s0"}) in tags
    links = [
        attrs["href"] for tag, attrs in tags if tag == "a" and "kg-entity" in attrs.get("class", "")
    ]
    assert f"../ego/{quote(ego_filename('PERSON:王建国'))}" in links
    assert XSS not in text and "&lt;script&gt;" in text  # article text is escaped
    evidence = _data(rendered_small / "graph.html")["articles"]["a#1"]["href"]
    assert evidence == f"articles/{quote(article_filename('a#1'))}"


def test_html_without_documents_evidence_has_no_link(tmp_path: Path) -> None:
    render_views(build_small_graph(), tmp_path, ego_count=0)
    articles = _data(tmp_path / "graph.html")["articles"]
    assert articles["a#1"]["title"] == "市政府召开常务会议"
    assert all(a["href"] is None for a in articles.values())
    assert not (tmp_path / "articles").exists()


def test_html_tables_list_every_post(rendered_small: Path) -> None:
    tables = {t["id"]: t for t in _data(rendered_small / "tables.html")["tables"]}
    rows = {(r[0][0], r[1], r[2][0]): r for r in tables["officials"]["rows"]}
    assert ("王建国", "代市长", "江北市人民政府") in rows
    acting = rows[("王建国", "代市长", "江北市人民政府")]
    assert acting[3].startswith("acting") and acting[4] == "2024-06-01"
    assert rows[("王建国", "市长", "江北市人民政府")][3] == ""
    assert len(tables["entities"]["rows"]) == 8


def test_html_tables_status_is_the_edges_not_the_titles(tmp_path: Path) -> None:
    """原甲市市长 holds 市长 `former`; a 代表 is no acting post."""
    graph = build_small_graph()
    for _, _, data in graph.edges(data=True):
        if data.get("title") == "市长":
            data["status"] = "former"
        if data.get("title") == "局长":
            data["title"], data["status"] = "代表", "current"
    render_views(graph, tmp_path, ego_count=0)
    tables = {t["id"]: t for t in _data(tmp_path / "tables.html")["tables"]}
    status = {(r[0][0], r[1]): r[3] for r in tables["officials"]["rows"]}
    assert status[("王建国", "市长")].startswith("former")
    assert status[("李明华", "代表")] == ""


def test_html_tables_list_typed_relations_by_date_with_their_sentence(
    rendered_small: Path,
) -> None:
    tables = {t["id"]: t for t in _data(rendered_small / "tables.html")["tables"]}
    assert [t["id"] for t in _data(rendered_small / "tables.html")["tables"]] == [
        "officials",
        "relations",
        "entities",
    ]
    rows = tables["relations"]["rows"]
    # dated first, undated last; holds_position and co_mention are not events
    assert [(r[2][0], r[3], r[4][0]) for r in rows] == [
        ("王建国", "到访 visits", "东河区"),
        ("江北市交通运输局", "投资 invests_in", "滨河大道改造工程"),
    ]
    visit, invest = rows
    assert visit[0] == visit[1] == "2025-03-02" and visit[5] == "调研"
    assert visit[8] == [
        "王建国市长到东河区调研。",
        f"articles/{quote(article_filename('a#2'))}#s0",
    ]
    assert (rendered_small / unquote(visit[8][1].split("#")[0])).is_file()
    assert invest[0] == "" and invest[6] == "2亿元" and invest[7] == 200_000_000
    assert invest[8][1].endswith("#s3") and invest[9] == 1


def test_html_tables_without_article_pages_give_the_sentence_unlinked(tmp_path: Path) -> None:
    render_views(build_small_graph(), tmp_path, ego_count=0)
    tables = {t["id"]: t for t in _data(tmp_path / "tables.html")["tables"]}
    assert tables["relations"]["rows"][0][8] == "王建国市长到东河区调研。"
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert index.count('href="tables.html#kg-table-relations"') == 2  # visits, invests_in


def test_html_co_mentions_are_drawn_once(tmp_path: Path) -> None:
    graph = build_small_graph()
    graph.add_edge(
        "PERSON:李明华", "PERSON:王建国", key="co_mention", relation="co_mention", weight=3.0
    )
    render_views(graph, tmp_path, ego_count=0)
    pairs = [
        frozenset((e["from"], e["to"]))
        for e in _data(tmp_path / "graph.html")["edges"]
        if e["kgRelation"] == "co_mention"
    ]
    assert len(pairs) == len(set(pairs))


def test_html_computes_missing_scores(tmp_path: Path) -> None:
    render_views(build_small_graph(with_scores=False), tmp_path, ego_count=2)
    nodes = _data(tmp_path / "graph.html")["nodes"]
    assert all(n["kgPagerank"] > 0 for n in nodes)
    communities = {n["kgCommunity"] for n in nodes}
    assert len(communities) >= 2


@pytest.mark.parametrize("case", sorted(p.name for p in DATA.glob("*.graphml")))
def test_html_survives_odd_graphs(tmp_path: Path, case: str) -> None:
    graph = nx.read_graphml(DATA / case, force_multigraph=True)
    written = render_views(nx.MultiDiGraph(graph), tmp_path, ego_count=3)
    assert all(p.is_file() for p in written)
    assert (tmp_path / "graph.html").read_text(encoding="utf-8").count('id="kg-data"') == 1


@pytest.mark.parametrize(("top_n", "ego_count"), [(0, 1), (-5, 1), (10, -1)])
def test_html_rejects_bad_counts(tmp_path: Path, top_n: int, ego_count: int) -> None:
    with pytest.raises(ValueError):
        render_views(build_small_graph(), tmp_path, top_n=top_n, ego_count=ego_count)


def test_html_reports_progress(tmp_path: Path) -> None:
    messages: list[str] = []
    render_views(build_small_graph(), tmp_path, ego_count=1, progress=messages.append)
    assert any("graph.html" in m for m in messages)
    assert messages[-1].endswith("index.html")


@pytest.mark.parametrize(
    "value",
    [
        "</script><script>alert(1)</script>",
        "<!-- x",
        "a\u2028b\u2029c",
        "&amp; & <b>",
        {"k</": ["</style>"]},
    ],
)
def test_html_json_for_script_never_closes_the_element(value: object) -> None:
    text = json_for_script(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == value


@pytest.mark.parametrize(
    "node_id",
    [
        "PERSON:王建国",
        "ORG:a/b\\c",
        "LOC:..",
        "ORG:" + XSS,
        "PROJECT:" + "长" * 200,
        "ORG:市政府 办公室",
    ],
)
def test_html_ego_filename_is_safe(node_id: str) -> None:
    name = ego_filename(node_id)
    assert re.fullmatch(r"[\w-]+\.html", name), name
    assert len(name.encode("utf-8")) < 200
    assert name != ego_filename(node_id + "x")


@pytest.mark.slow
def test_html_large_overview_writes_quickly(tmp_path: Path) -> None:
    graph = build_random_graph(5000)
    start = time.perf_counter()
    render_views(graph, tmp_path, top_n=5000, ego_count=2)
    elapsed = time.perf_counter() - start
    data = _data(tmp_path / "graph.html")
    assert len(data["nodes"]) == 5000
    assert data["options"]["layout"]["improvedLayout"] is False
    assert elapsed < 30, f"render took {elapsed:.1f}s"


def test_html_planted_markup_in_ego_page_title_is_escaped(tmp_path: Path) -> None:
    render_views(build_small_graph(), tmp_path, ego_count=20)
    page = tmp_path / "ego" / ego_filename(f"ORG:{XSS}")
    text = page.read_text(encoding="utf-8")
    assert XSS not in text
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;&#34;&#39;&amp;&lt;img" in text
    assert "img" not in [tag for tag, _ in _parse(page).tags]


def test_html_page_parts_stay_in_place_whatever_a_label_holds(tmp_path: Path) -> None:
    # The page is written in parts (vis-network as bytes); a label shaped like the stand-in
    # that marks where a part goes must stay text in the title and pull in nothing.
    graph = build_small_graph()
    hub = max(graph.nodes, key=lambda n: graph.degree(n))
    graph.nodes[hub]["label"] = "江北\x00kg-slot:vis_js\x00市"
    render_views(graph, tmp_path, ego_count=20)
    page = tmp_path / "ego" / ego_filename(hub)
    text = page.read_text(encoding="utf-8")
    assert "<title>江北kg-slot:vis_js市 的关系 Neighbourhood</title>" in text
    assert "\x00" not in text.split("<script", 1)[0]
    assert _data(page)["center"] == hub


def test_html_vis_network_is_written_once(rendered_small: Path) -> None:
    vis = (
        Path(__file__).parents[2] / "kg" / "render" / "assets" / "vis-network.min.js"
    ).read_bytes()
    copies = [p for p in rendered_small.rglob("*") if p.is_file() and vis[:2000] in p.read_bytes()]
    assert copies == [rendered_small / "assets" / "vis-network.min.js"]
    for page in _pages(rendered_small):
        if page.parent.name == "ego" or page.name == "graph.html":
            assert page.stat().st_size < 60_000, page  # the data, not the library


def test_html_typed_relation_replaces_the_co_mention_of_its_pair(tmp_path: Path) -> None:
    graph = build_small_graph()
    pair = next((u, v) for u, v, d in graph.edges(data=True) if d["relation"] == "co_mention")
    graph.add_edge(
        *pair,
        key="visits",
        relation="visits",
        weight=1.0,
        evidence=[Evidence("a#1", "甲到乙调研。", 0)],
        article_ids=["a#1"],
        trigger=["调研"],
        date="2024-12-20",
    )
    render_views(graph, tmp_path, ego_count=0)
    edges = _data(tmp_path / "graph.html")["edges"]
    between = [e for e in edges if frozenset((e["from"], e["to"])) == frozenset(pair)]
    assert [e["kgRelation"] for e in between] == ["visits"]
    assert between[0]["kgTrigger"] == "调研" and between[0]["kgEvidence"]
    # Pairs without a typed relation keep their co-mention; the graph keeps it too.
    assert any(e["kgRelation"] == "co_mention" for e in edges)
    assert "co_mention" in graph[pair[0]][pair[1]]
