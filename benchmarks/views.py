"""Page size and time to settle of the HTML views on a generated corpus (a benchmark, not a test).

Makes a corpus of N articles with make_corpus.py (cached under benchmarks/out/), runs
``kg run`` on it, then opens the overview, the officials view, the largest ego page, the
tables page and one article page in Debian's chromium (network cut) and times each until it
has settled (``body[data-stabilized=true]``; load for pages without a network).

    PYTHONPATH=. python benchmarks/views.py 2000 [--jobs 2]
    PYTHONPATH=. python benchmarks/views.py 2000 --no-run             # time an earlier run's pages
    PYTHONPATH=. python benchmarks/views.py 2000 --no-run --render    # ... re-rendered from its
                                                                      # graph.graphml by this code

Prints the output folder's size, the largest pages, and seconds per page.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


def corpus(n: int) -> Path:
    path = HERE / "out" / f"corpus-{n}.jsonl"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, str(HERE / "make_corpus.py"), str(n), "-o", str(path)],
            check=True,
            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        )
    return path


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def settle_times(out: Path, pages: list[Path]) -> list[tuple[str, float]]:
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        context.route(
            "**/*",
            lambda r: (
                r.continue_()
                if r.request.url.startswith(("file:", "data:", "blob:"))
                else r.abort()
            ),
        )
        page = context.new_page()
        for path in pages:
            start = time.perf_counter()
            page.goto(path.as_uri())
            if page.evaluate("document.body.classList.contains('kg-network-page')"):
                page.wait_for_selector(
                    "body[data-stabilized=true]", state="attached", timeout=120_000
                )
            times.append((str(path.relative_to(out)), time.perf_counter() - start))
            print(f"  settle {times[-1][0]}: {times[-1][1]:.2f} s", flush=True)
        browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="articles in the corpus")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--no-run", action="store_true", help="time the pages of an earlier run")
    parser.add_argument(
        "--render",
        action="store_true",
        help="first write that run's network pages again from its graph.graphml "
        "with this code (no extraction: a new extractor would redo them all)",
    )
    parser.add_argument("--repeat", type=int, default=1, help="time each page this many times")
    args = parser.parse_args()
    out = args.out or HERE / "out" / f"views-{args.n}"
    if not args.no_run:
        source = corpus(args.n)
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "kg.cli",
                "run",
                str(source),
                "--out",
                str(out),
                "--jobs",
                str(args.jobs),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        )
        print(f"kg run: {time.perf_counter() - start:.1f} s", flush=True)
    if args.render:
        render_network_pages(out)
    store = out / "kg.sqlite"
    total = size(out) - (store.stat().st_size if store.exists() else 0)
    print(
        f"output folder: {total / 1e6:.1f} MB without the store "
        f"(html {sum(p.stat().st_size for p in out.rglob('*.html')) / 1e6:.1f} MB, "
        f"assets {size(out / 'assets') / 1e6:.2f} MB)"
    )
    egos = sorted((out / "ego").glob("*.html"), key=lambda p: p.stat().st_size)
    articles = sorted((out / "articles").glob("*.html"))
    for page in [out / "graph.html", out / "officials.html", egos[-1]]:
        print(f"  {page.relative_to(out)}: {page.stat().st_size / 1e3:.0f} KB")
    pages = [
        out / "graph.html",
        out / "officials.html",
        out / "orgs.html",
        egos[-1],
        out / "tables.html",
        articles[len(articles) // 2],
    ]
    for _ in range(args.repeat):
        settle_times(out, pages)


def render_network_pages(out: Path) -> None:
    """The overview, officials, orgs and ego pages of ``out`` again, from its graph.graphml."""
    from kg.readwrite import read_graph
    from kg.render.html import ViewPlan

    start = time.perf_counter()
    graph = read_graph(out / "graph.graphml")
    egos = len(list((out / "ego").glob("*.html")))
    plan = ViewPlan(graph, ego_count=egos, articles=(out / "articles").is_dir())
    plan.write_pages(out)
    print(f"rendered {len(plan.views)} network pages again: {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
