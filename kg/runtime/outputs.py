"""The run's outputs: GraphML, JSON and CSV for programs, the HTML views for people; with a
second core, shared out between this process and one forked beside it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import chain
from pathlib import Path

import networkx as nx

from kg.runtime.heap import no_gc
from kg.runtime.parallel import beside, can_fork, shared_counter
from kg.schema import Extraction

# progress(stage, advance, total): total is None while unknown
Progress = Callable[[str, int, int | None], None]


def warm_up() -> None:
    """Load what resolving and writing need whatever the articles say: the place data and
    the writers' modules. Called while this process would otherwise wait."""
    from kg.extract.places import country_names, gazetteer
    from kg.readwrite import write_graphml  # noqa: F401
    from kg.render import render_views  # noqa: F401

    with no_gc():
        gazetteer()
        country_names()


def write_outputs(
    graph: nx.MultiDiGraph,
    out: Path,
    *,
    html: bool,
    jobs: int,
    engine: str,
    top_n: int,
    ego_count: int,
    progress: Progress,
    articles: tuple[list[Extraction], dict] | None = None,
) -> dict[str, Path]:
    """GraphML, JSON, CSV and the HTML views (with a page per article, given the extractions
    and the resolver's mention ids); returns what was written."""
    from kg.readwrite import write_csv, write_graphml, write_json
    from kg.readwrite.clean import clean_graph

    outputs = {
        "graphml": out / "graph.graphml",
        "json": out / "graph.json",
        "entities": out / "entities.csv",
        "relations": out / "relations.csv",
        "articles_csv": out / "articles.csv",
    }

    # Cleaned once for all writers, here: with a second process the outputs are shared out
    # between the two (the graph is shared by fork, not copied through a pipe).
    flat = clean_graph(graph)
    tables = (  # longest first: at 10,000 articles GraphML takes 0.9 s, CSV 0.65, JSON 0.35
        lambda: write_graphml(flat, outputs["graphml"]),
        lambda: write_csv(
            flat, out, nodes_name=outputs["entities"].name, edges_name=outputs["relations"].name
        ),
        lambda: write_json(flat, outputs["json"]),
    )
    # Given more than one core, each process takes the next output from a counter in shared
    # memory, tables first, then the pages: the work balances itself whatever each costs.
    two = html and jobs > 1 and engine == "local" and can_fork()
    take = shared_counter() if two else None

    def pages_of(tasks: Iterator[int]) -> Iterator[int]:
        """Writes the tables among ``tasks`` as they come; yields the page numbers."""
        for task in tasks:
            if task < len(tables):
                tables[task]()
            else:
                yield task - len(tables)

    def write_beside() -> None:
        if take is None:
            for write in tables:
                write()
            return
        from kg.render import ViewPlan

        pages = pages_of(iter(take, None))  # endless: the counter never runs out
        first = next(pages)
        if first < ViewPlan.most_pages(ego_count):  # else every page is taken: no plan needed
            ViewPlan(
                graph, top_n=top_n, ego_count=ego_count, articles=articles is not None
            ).write_pages(out, chain([first], pages))

    with beside(write_beside, enabled=two):
        if html:
            from kg.render import ViewPlan

            progress("render", 0, None)
            # the same plan in both processes
            plan = ViewPlan(graph, top_n=top_n, ego_count=ego_count, articles=articles is not None)
            plan.write_pages(out, None if take is None else pages_of(iter(take, None)))
    if html:
        outputs.update(_finish_pages(plan, out, articles))
        progress("render", len(plan.views) + 1, len(plan.views) + 1)
    return outputs


def _finish_pages(plan, out: Path, articles: tuple[list[Extraction], dict] | None) -> dict:
    """The index and (given the extractions) a page per article, after the views."""
    plan.write_index(out)
    written = {}
    if articles is not None:
        from kg.render.documents import documents

        plan.write_articles(out, documents(*articles))
        written["articles"] = out / "articles"
    return written | {
        "html": out / "graph.html",
        "tables": out / "tables.html",
        "index": out / "index.html",
    }
