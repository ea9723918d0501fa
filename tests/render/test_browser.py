"""The pages in a real browser (Debian chromium through playwright), with the network cut off.

Skipped when playwright or chromium is missing (see the ``browser`` fixture).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote

import pytest

from kg.render import ego_filename, render_views

from .graphs import XSS, build_random_graph, build_small_graph

pytestmark = pytest.mark.browser

# Recorded before any page script runs, so a payload that fires early is still caught.
TRAP_DIALOGS = """
window.__kgDialogs = [];
for (const name of ["alert", "confirm", "prompt"]) {
  window[name] = (message) => { window.__kgDialogs.push(name + ":" + String(message)); };
}
"""


@dataclass
class Visit:
    page: object
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def open(self, path: Path, *, timeout_ms: int = 20_000, fragment: str = "") -> None:
        self.page.goto(path.as_uri() + fragment, timeout=timeout_ms)
        if self.js("document.body.classList.contains('kg-network-page')"):
            self.settled(timeout_ms)

    def settled(self, timeout_ms: int = 20_000) -> None:
        self.page.wait_for_selector(
            "body[data-stabilized=true]", state="attached", timeout=timeout_ms
        )

    def js(self, expression: str, arg: object = None) -> object:
        return self.page.evaluate(expression, arg)

    def assert_clean(self) -> None:
        assert self.blocked == [], f"requests left the page: {self.blocked}"
        local = ("file:", "data:", "blob:")
        assert all(url.startswith(local) for url in self.requests), self.requests
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"
        assert self.js("window.__kgDialogs") == []


@pytest.fixture
def visit(browser) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(TRAP_DIALOGS)
    page = context.new_page()
    state = Visit(page=page)

    def refuse_remote(route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            state.blocked.append(url)
            route.abort()

    context.route("**/*", refuse_remote)
    page.on("request", lambda request: state.requests.append(request.url))
    page.on("console", lambda msg: state.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: state.errors.append(str(error)))
    page.on("dialog", lambda dialog: (state.dialogs.append(dialog.message), dialog.dismiss()))
    yield state
    context.close()


def test_browser_every_page_loads_offline(rendered_small: Path, visit: Visit) -> None:
    pages = sorted(rendered_small.rglob("*.html"))
    assert len(pages) == 5 + 5 + 4  # index, tables, three views; ego pages; article pages
    for path in pages:
        visit.open(path)
        if path.parent.name == "ego" or path.name in ("graph.html", "officials.html"):
            assert visit.js("network.body.data.nodes.length") > 0, path.name
            assert visit.js("document.querySelectorAll('canvas').length") == 1
        elif path.parent.name == "articles":
            assert visit.js("document.querySelectorAll('.kg-sentence').length") > 0
    visit.assert_clean()


def test_browser_overview_draws_the_graph(rendered_small: Path, visit: Visit) -> None:
    visit.open(rendered_small / "graph.html")
    assert visit.js("network.body.data.nodes.length") == 8
    assert visit.js("network.body.data.edges.length") > 0
    # physics is switched off once laid out, so the page stays responsive
    assert visit.js("network.physics.options.enabled") is False
    legend = visit.js("document.getElementById('kg-type-filters').textContent")
    assert "PERSON" in legend and "PROJECT" in legend
    visit.assert_clean()


def test_browser_hover_counts_mentions_and_articles(tmp_path: Path, visit: Visit) -> None:
    graph = build_small_graph()
    graph.nodes["PERSON:李明华"].update(mentions=1, articles=1)
    render_views(graph, tmp_path)
    visit.open(tmp_path / "graph.html")
    hover = visit.js("(id) => network.body.data.nodes.get(id).title", "PERSON:李明华")
    assert "\n1 mention in 1 article" in hover
    crowded = visit.js("(id) => network.body.data.nodes.get(id).title", "PERSON:王建国")
    assert " mentions in " in crowded and " articles" in crowded
    visit.assert_clean()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("王建国", "PERSON:王建国"),  # label
        ("市政府", "ORG:江北市人民政府"),  # alias
        ("交通运输", "ORG:江北市交通运输局"),  # part of a label
        ("<script>", f"ORG:{XSS}"),  # markup is searched as text
    ],
)
def test_browser_search_selects_the_node(
    rendered_small: Path, visit: Visit, query: str, expected: str
) -> None:
    visit.open(rendered_small / "graph.html")
    visit.page.fill("#kg-search", query)
    visit.page.press("#kg-search", "Enter")
    assert visit.js("network.getSelectedNodes()") == [expected]
    label = visit.js("(id) => network.body.data.nodes.get(id).label", expected)
    assert label in visit.js("document.getElementById('kg-details').textContent")
    visit.assert_clean()


def test_browser_search_reports_a_miss(rendered_small: Path, visit: Visit) -> None:
    visit.open(rendered_small / "graph.html")
    visit.page.fill("#kg-search", "不存在的名字")
    visit.page.press("#kg-search", "Enter")
    assert visit.js("network.getSelectedNodes()") == []
    assert "not found" in visit.js("document.getElementById('kg-search-status').textContent")
    visit.assert_clean()


def test_browser_planted_markup_stays_text(rendered_small: Path, visit: Visit) -> None:
    visit.open(rendered_small / "graph.html")
    evil = f"ORG:{XSS}"
    # hover the planted node: the tooltip must show the markup as text
    x, y = visit.js(
        """(id) => {
          const p = network.canvasToDOM(network.getPositions([id])[id]);
          const box = document.getElementById('kg-network').getBoundingClientRect();
          return [box.left + p.x, box.top + p.y];
        }""",
        evil,
    )
    visit.page.mouse.move(x, y)
    visit.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    tooltip = visit.js("document.querySelector('div.vis-tooltip').textContent")
    assert XSS in tooltip
    # and the details panel, opened through search
    visit.page.fill("#kg-search", "onerror")
    visit.page.press("#kg-search", "Enter")
    assert XSS in visit.js("document.getElementById('kg-details').textContent")
    assert visit.js("document.querySelectorAll('img').length") == 0
    assert visit.js("document.querySelectorAll('script').length") == 3  # data, vis, explorer
    visit.page.wait_for_timeout(300)  # an onerror handler would have fired by now
    visit.assert_clean()


def test_browser_filters_and_community_colours(rendered_small: Path, visit: Visit) -> None:
    visit.open(rendered_small / "graph.html")
    hidden = "network.body.data.nodes.get({filter: (n) => n.hidden === true}).map((n) => n.kgType)"
    visit.page.uncheck("#kg-type-filters input[value=PERSON]")
    assert sorted(set(visit.js(hidden))) == ["PERSON"]
    visit.page.check("#kg-type-filters input[value=PERSON]")
    assert visit.js(hidden) == []
    visit.settled()
    visit.page.uncheck("#kg-relation-filters input[value=co_mention]")
    hidden_edges = visit.js(
        "network.body.data.edges.get({filter: (e) => e.hidden === true}).map((e) => e.kgRelation)"
    )
    assert set(hidden_edges) == {"co_mention"}
    visit.settled()
    visit.page.check("#kg-community-toggle")
    colours = visit.js(
        "network.body.data.nodes.get().map((n) => [n.color === n.kgCommunityColor, n.kgCommunity])"
    )
    assert all(same for same, _ in colours)
    assert len({community for _, community in colours}) >= 3
    visit.assert_clean()


def test_browser_ego_view_selects_its_centre(rendered_small: Path, visit: Visit) -> None:
    visit.open(rendered_small / "ego" / ego_filename("PERSON:王建国"))
    assert visit.js("network.getSelectedNodes()") == ["PERSON:王建国"]
    assert "市长王建国主持召开市政府常务会议" in visit.js(
        "document.getElementById('kg-details').textContent"
    )
    visit.assert_clean()


@pytest.mark.slow
def test_browser_large_overview_stabilises(tmp_path: Path, visit: Visit) -> None:
    render_views(build_random_graph(5000), tmp_path, top_n=5000, ego_count=0)
    start = time.perf_counter()
    visit.open(tmp_path / "graph.html", timeout_ms=60_000)
    elapsed = time.perf_counter() - start
    assert visit.js("network.body.data.nodes.length") == 5000
    assert visit.js("network.physics.options.enabled") is False
    visit.page.fill("#kg-search", "实体PERSON4")
    visit.page.press("#kg-search", "Enter")
    assert visit.js("network.getSelectedNodes()") == ["PERSON:实体PERSON4"]
    visit.assert_clean()
    assert elapsed < 60, f"stabilising took {elapsed:.1f}s"


SHOWN_EDGES = "network.body.data.edges.get({filter: (e) => !e.hidden}).length"


def test_browser_evidence_opens_the_article_at_its_sentence(
    rendered_small: Path, visit: Visit
) -> None:
    visit.open(rendered_small / "ego" / ego_filename("PERSON:王建国"))
    link = visit.page.locator("#kg-details a.kg-evidence-link", has_text="市长王建国主持召开")
    assert "市政府召开常务会议" in visit.js("document.getElementById('kg-details').textContent")
    link.first.click()
    visit.page.wait_for_load_state()
    assert visit.page.url.endswith("#s0")
    marked = visit.js("document.querySelector(':target').textContent")
    assert marked == "市长王建国主持召开市政府常务会议。"
    colour = visit.js("getComputedStyle(document.querySelector(':target')).backgroundColor")
    other = visit.js("getComputedStyle(document.getElementById('s1')).backgroundColor")
    assert colour != other  # the cited sentence is marked, its neighbour is not
    # and the article's entities lead back to their pages
    visit.page.locator("a.kg-entity", has_text="王建国").first.click()
    visit.page.wait_for_load_state()
    assert unquote(visit.page.url).endswith(ego_filename("PERSON:王建国"))
    visit.assert_clean()


def test_browser_threshold_cuts_edges(rendered_small: Path, visit: Visit) -> None:
    visit.open(rendered_small / "graph.html")
    before = visit.js(SHOWN_EDGES)
    visit.js(
        """() => { const s = document.getElementById('kg-min-weight'); s.value = '3';
                   s.dispatchEvent(new Event('change')); }"""
    )
    visit.settled()
    after = visit.js(SHOWN_EDGES)
    weights = visit.js(
        "network.body.data.edges.get({filter: (e) => !e.hidden}).map((e) => e.kgWeight)"
    )
    assert 0 < after < before and min(weights) >= 3
    # nodes left with no edge drop out too; Fit brings everything back
    assert visit.js("network.body.data.nodes.get({filter: (n) => !n.hidden}).length") == 2
    visit.page.click("#kg-fit")
    assert visit.js(SHOWN_EDGES) == before
    visit.assert_clean()


def test_browser_big_page_starts_at_its_min_weight(
    tmp_path: Path, visit: Visit, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kg.render.layout.EDGE_BUDGET", 40)
    render_views(build_random_graph(120), tmp_path, top_n=120, ego_count=0)
    visit.open(tmp_path / "graph.html")
    start = visit.js("JSON.parse(document.getElementById('kg-data').textContent).minWeight")
    assert start > 1
    assert visit.js("document.getElementById('kg-min-weight').value") == str(start)
    assert str(start) in visit.js("document.getElementById('kg-caption').textContent")
    shown = visit.js(SHOWN_EDGES)
    weights = visit.js(
        "network.body.data.edges.get({filter: (e) => !e.hidden}).map((e) => e.kgWeight)"
    )
    assert shown > 0 and min(weights) >= start
    visit.js(
        """() => { const s = document.getElementById('kg-min-weight'); s.value = '1';
                   s.dispatchEvent(new Event('change')); }"""
    )
    visit.settled()
    assert visit.js(SHOWN_EDGES) > shown  # the light edges come back on request
    visit.page.click("#kg-fit")  # and Fit returns to the page's starting weight
    assert visit.js(SHOWN_EDGES) == shown
    visit.assert_clean()


def test_browser_time_filter_keeps_dated_edges(rendered_small: Path, visit: Visit) -> None:
    visit.open(rendered_small / "officials.html")
    visit.page.fill("#kg-date-from", "2024-01-01")
    visit.page.fill("#kg-date-to", "2024-07-01")
    visit.js("document.getElementById('kg-date-to').dispatchEvent(new Event('change'))")
    visit.settled()
    shown = visit.js(
        "network.body.data.edges.get({filter: (e) => !e.hidden}).map((e) => e.kgTitle)"
    )
    assert shown == ["代市长"]
    visit.assert_clean()


def test_browser_search_by_post_lists_holders(rendered_small: Path, visit: Visit) -> None:
    visit.open(rendered_small / "graph.html")
    visit.page.fill("#kg-search", "局长")
    visit.page.press("#kg-search", "Enter")
    assert visit.js("network.getSelectedNodes()") == ["PERSON:李明华"]
    visit.page.fill("#kg-search", "市长")
    visit.page.click("#kg-go")
    assert visit.js("network.getSelectedNodes()") == ["PERSON:王建国"]
    visit.assert_clean()


def test_browser_second_search_by_enter_moves_the_map(rendered_small: Path, visit: Visit) -> None:
    visit.open(rendered_small / "graph.html")
    distance = """(id) => {
        const p = network.getPositions([id])[id], v = network.getViewPosition();
        return Math.hypot(p.x - v.x, p.y - v.y);
    }"""
    for name, node in (("王建国", "PERSON:王建国"), ("滨河大道", "PROJECT:滨河大道改造工程")):
        visit.page.fill("#kg-search", name)
        visit.page.press("#kg-search", "Enter")
        assert visit.js("network.getSelectedNodes()") == [node]
        # the map moves until the node is in the middle (a 400 ms animation, slower on a busy CPU)
        deadline = time.monotonic() + 10
        while visit.js(distance, node) >= 5 and time.monotonic() < deadline:
            visit.page.wait_for_timeout(100)
        assert visit.js(distance, node) < 5, name
    visit.assert_clean()


def test_browser_path_finder_shows_each_step(rendered_small: Path, visit: Visit) -> None:
    visit.open(rendered_small / "graph.html")
    visit.page.fill("#kg-path-from", "滨河大道改造工程")
    visit.page.fill("#kg-path-to", "王建国")
    visit.page.click("#kg-path-form button")
    steps = visit.js(
        "Array.from(document.querySelectorAll('.kg-path-steps > li > strong')).map((s) => s.textContent)"
    )
    assert steps == [
        "滨河大道改造工程 — 共现 co_mention — 李明华",
        "李明华 — 共现 co_mention — 王建国",
    ]
    panel = visit.js("document.getElementById('kg-details').textContent")
    assert "王建国听取李明华汇报。" in panel and "滨河大道改造工程进展" in panel
    assert sorted(visit.js("network.getSelectedNodes()")) == sorted(
        ["PROJECT:滨河大道改造工程", "PERSON:李明华", "PERSON:王建国"]
    )
    visit.assert_clean()


def test_browser_table_sorts_filters_and_exports_csv(rendered_small: Path, visit: Visit) -> None:
    visit.open(rendered_small / "tables.html")
    first_column = """() => Array.from(document.querySelectorAll(
        '#kg-table-officials tbody tr')).map((tr) => tr.children[4].textContent)"""
    visit.page.click("#kg-table-officials th[data-column='4']")  # first date, ascending
    dates = [d for d in visit.js(first_column) if d]
    assert dates == sorted(dates) and len(dates) >= 2
    visit.page.click("#kg-table-officials th[data-column='4']")  # and descending
    dates = [d for d in visit.js(first_column) if d]
    assert dates == sorted(dates, reverse=True)
    visit.page.fill("#kg-table-officials .kg-table-search", "王建国")
    rows = visit.js("document.querySelectorAll('#kg-table-officials tbody tr').length")
    assert rows == 2
    with visit.page.expect_download() as download:
        visit.page.click("#kg-table-officials .kg-csv")
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].startswith("人物 Person,职务 Post")
    assert len(lines) == 1 + 2 and all(line.startswith("王建国,") for line in lines[1:])
    visit.assert_clean()


def test_browser_relations_table_leads_to_the_sentence(rendered_small: Path, visit: Visit) -> None:
    visit.open(rendered_small / "index.html")
    visit.page.locator("a", has_text="投资 invests_in").click()
    visit.page.wait_for_load_state()
    assert unquote(visit.page.url).endswith("tables.html#kg-table-relations")
    visit.page.fill("#kg-table-relations .kg-table-search", "投资")
    rows = "document.querySelectorAll('#kg-table-relations tbody tr').length"
    assert visit.js(rows) == 1
    visit.page.locator("#kg-table-relations tbody a", has_text="投资2亿元").click()
    visit.page.wait_for_load_state()
    assert visit.page.url.endswith("#s3")
    marked = visit.js("document.querySelector(':target').textContent")
    assert marked == "市交通运输局投资2亿元建设滨河大道改造工程。"
    visit.assert_clean()


def test_browser_ego_page_shows_neighbours_edges_on_request(tmp_path: Path, visit: Visit) -> None:
    graph = build_small_graph()
    graph.add_edge(
        "PERSON:李明华", "ORG:江北市人民政府", key="co_mention", relation="co_mention", weight=1.0
    )
    render_views(graph, tmp_path, ego_count=5)
    visit.open(tmp_path / "ego" / ego_filename("PERSON:王建国"))
    spokes = visit.js(SHOWN_EDGES)
    assert spokes == len(visit.js("network.body.data.edges.get()")) - 1
    visit.page.check("#kg-all-edges")
    visit.settled()
    assert visit.js(SHOWN_EDGES) == spokes + 1
    visit.assert_clean()


def test_browser_overview_selects_the_node_its_address_names(
    rendered_small: Path, visit: Visit
) -> None:
    visit.open(rendered_small / "graph.html", fragment="#node=" + quote("PERSON:李明华", safe=""))
    assert visit.js("network.getSelectedNodes()") == ["PERSON:李明华"]
    visit.open(rendered_small / "index.html")  # a new load, not a jump within the page
    visit.open(rendered_small / "graph.html", fragment="#node=" + quote("ORG:无此机构", safe=""))
    assert visit.js("network.getSelectedNodes()") == []
    assert "not in this view" in visit.js("document.getElementById('kg-search-status').textContent")
    visit.assert_clean()
