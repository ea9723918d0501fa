"""The pages in a real browser (Debian chromium through playwright), with the network cut off.

Skipped when playwright or chromium is missing (see the ``browser`` fixture).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kg.render import ego_filename, render_views

from .graphs import XSS, build_random_graph

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

    def open(self, path: Path, *, timeout_ms: int = 20_000) -> None:
        self.page.goto(path.as_uri())
        if path.name != "index.html":
            self.page.wait_for_selector(
                "body[data-stabilized=true]", state="attached", timeout=timeout_ms
            )

    def js(self, expression: str, arg: object = None) -> object:
        return self.page.evaluate(expression, arg)

    def assert_clean(self) -> None:
        assert self.blocked == [], f"requests left the page: {self.blocked}"
        assert all(url.startswith(("file:", "data:")) for url in self.requests), self.requests
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
        if url.startswith(("file:", "data:")):
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
    assert len(pages) == 4 + 5
    for path in pages:
        visit.open(path)
        if path.name != "index.html":
            assert visit.js("network.body.data.nodes.length") > 0, path.name
            assert visit.js("document.querySelectorAll('canvas').length") == 1
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
    visit.page.uncheck("#kg-relation-filters input[value=co_mention]")
    hidden_edges = visit.js(
        "network.body.data.edges.get({filter: (e) => e.hidden === true}).map((e) => e.kgRelation)"
    )
    assert set(hidden_edges) == {"co_mention"}
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
