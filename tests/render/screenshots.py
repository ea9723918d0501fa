"""Screenshots of the overview and one ego view for docs/screenshots/ (not a test).

    PYTHONPATH=. python tests/render/screenshots.py [--graph outputs/graph.graphml]
    PYTHONPATH=. python tests/render/screenshots.py --run outputs --ego PERSON:张百顺

Without --graph or --run it draws the synthetic fixture graph. --run shoots the pages of a
``kg run`` output folder: overview, an ego page, an article opened at a cited sentence, a
search by post and the tables. Needs playwright and /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.render import ego_filename, render_views
from render.graphs import build_random_graph, build_small_graph

ROOT = Path(__file__).resolve().parents[2]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


def _wait_ready(page, timeout_s: float = 90.0) -> None:
    deadline = time.monotonic() + timeout_s
    while page.evaluate("document.body.dataset.stabilized") != "true":
        if time.monotonic() > deadline:
            raise TimeoutError("the page did not stabilise")
        time.sleep(0.3)
    page.wait_for_timeout(400)  # let the final frame paint


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--graph", type=Path, help="a GraphML written by kg run")
    parser.add_argument("--random", type=int, help="draw a random graph of this many nodes")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--prefix", default="")
    parser.add_argument("--top-n", type=int, default=300)
    parser.add_argument(
        "--ego", help="node id of the entity whose ego view to shoot (default: a person)"
    )
    parser.add_argument("--run", type=Path, help="the output folder of a kg run")
    args = parser.parse_args()
    if args.run is not None:
        _shoot_run(args.run, args.out, args.prefix, args.ego)
        return
    if args.graph is not None:
        from kg.readwrite import read_graph

        graph = read_graph(args.graph)
    elif args.random is not None:
        graph = build_random_graph(args.random)
    else:
        graph = build_small_graph()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        pages = render_views(graph, Path(tmp), top_n=args.top_n, ego_count=40)
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 900})
        page.route(
            "**/*",
            lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort(),
        )
        page.goto((Path(tmp) / "graph.html").as_uri())
        _wait_ready(page)
        page.screenshot(path=str(args.out / f"{args.prefix}overview.png"))
        people = [n for n in graph.nodes if graph.nodes[n].get("type") == "PERSON"]
        egos = [p for p in pages if p.parent.name == "ego"]
        wanted = {ego_filename(args.ego)} if args.ego else {ego_filename(n) for n in people}
        chosen = next((e for e in egos if e.name in wanted), egos[0])
        page.goto(chosen.as_uri())
        _wait_ready(page)
        page.screenshot(path=str(args.out / f"{args.prefix}ego.png"))
        page.goto((Path(tmp) / "index.html").as_uri())
        page.screenshot(path=str(args.out / f"{args.prefix}index.png"), full_page=True)
        browser.close()
    print("wrote", *sorted(args.out.glob(f"{args.prefix}*.png")))


def _shoot_run(run: Path, out: Path, prefix: str, ego: str | None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 900})
        page.route(
            "**/*",
            lambda r: (
                r.continue_()
                if r.request.url.startswith(("file:", "data:", "blob:"))
                else r.abort()
            ),
        )
        page.goto((run / "graph.html").as_uri())
        _wait_ready(page)
        page.screenshot(path=str(out / f"{prefix}overview.png"))
        page.fill("#kg-search", "市长")
        page.press("#kg-search", "Enter")
        page.wait_for_timeout(800)
        page.screenshot(path=str(out / f"{prefix}search.png"))
        egos = sorted((run / "ego").glob("*.html"))
        chosen = next((e for e in egos if ego and e.name == ego_filename(ego)), egos[0])
        page.goto(chosen.as_uri())
        _wait_ready(page)
        page.screenshot(path=str(out / f"{prefix}ego.png"))
        link = page.locator("#kg-details a.kg-evidence-link").first
        link.click()
        page.wait_for_load_state()
        page.wait_for_timeout(300)
        page.screenshot(path=str(out / f"{prefix}article.png"))
        page.goto((run / "tables.html").as_uri())
        page.screenshot(path=str(out / f"{prefix}tables.png"))
        page.goto((run / "index.html").as_uri())
        page.screenshot(path=str(out / f"{prefix}index.png"), full_page=True)
        browser.close()
    print("wrote", *sorted(out.glob(f"{prefix}*.png")))


if __name__ == "__main__":
    main()
