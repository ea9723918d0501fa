"""The library API: ``run(inputs, out=...)`` wires ingest -> extract -> resolve -> graph -> outputs.

Stages report progress through a callback; only the CLI draws progress bars.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.extract import Extractor
from kg.graph import analyze, build_graph
from kg.ingest import read_articles
from kg.lock import output_lock
from kg.parallel import extract_all
from kg.resolve import resolve
from kg.schema import Article, Extraction
from kg.store import STORE_NAME, Store

# progress(stage, advance, total): total is None while unknown.
SMALL_BATCH = 8  # fewer new articles than this are extracted in-process
Progress = Callable[[str, int, int | None], None]


@dataclass
class RunResult:
    out: Path
    graph: nx.MultiDiGraph
    articles: int
    reused: int  # articles whose extraction came from the store
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, problem)
    outputs: dict[str, Path] = field(default_factory=dict)

    @property
    def entity_counts(self) -> Counter[str]:
        return Counter(d["type"] for _, d in self.graph.nodes(data=True))

    @property
    def relation_counts(self) -> Counter[str]:
        return Counter(d["relation"] for _, _, d in self.graph.edges(data=True))


class NoArticlesError(ValueError):
    """Nothing to read in the inputs; the output folder is left as it was."""


def _no_articles_message(inputs: list[str | Path]) -> str:
    seen = sorted(
        {p.suffix or p.name for i in map(Path, inputs) if i.is_dir() for p in i.rglob("*") if p.is_file()}
    )
    where = ", ".join(str(i) for i in inputs) or "(no input given)"
    hint = f" (found only: {', '.join(seen[:8])})" if seen else ""
    return f"no articles in {where}: kg reads .txt pages and .jsonl files{hint}; nothing was written"


def _noop(stage: str, advance: int, total: int | None) -> None:
    return None


def extract_articles(
    articles: list[Article],
    extractor: Extractor,
    *,
    store: Store | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Progress = _noop,
) -> tuple[list[Extraction], int]:
    """Extractions in article order; stored ones are reused, new ones stored. Returns (all, reused)."""
    fingerprint = extractor.fingerprint()
    cached: dict[str, Extraction] = {}
    if store is not None:
        for article in articles:
            hit = store.get(article, fingerprint)
            if hit is not None:
                cached[article.id] = hit
    todo = [a for a in articles if a.id not in cached]
    progress("extract", len(cached), len(articles))
    if engine == "local" and len(todo) < SMALL_BATCH:
        jobs = 1  # starting workers (a model each) costs more than a few articles

    def fresh() -> Iterator[Extraction]:
        yield from extract_all(
            todo, extractor, jobs=jobs, engine=engine, scheduler=scheduler,
            progress=lambda n: progress("extract", n, len(articles)),
        )

    done: dict[str, Extraction] = dict(cached)
    batch: list[Extraction] = []
    try:
        for ex in fresh():
            done[ex.article.id] = ex
            batch.append(ex)
            if store is not None and len(batch) >= 200:  # commit as we go: an interrupted run keeps its work
                store.put_many(batch, fingerprint)
                batch = []
    finally:  # Ctrl-C or a crash: what was extracted is kept for the next run
        if store is not None and batch:
            store.put_many(batch, fingerprint)
    return [done[a.id] for a in articles], len(cached)


def _dedupe(articles: Iterable[Article], on_error: Callable[[Path, str], None]) -> list[Article]:
    """Article ids are unique: pages with one file name in two folders (2024-05-01/A01.txt,
    2024-05-02/A01.txt) get their folder in front; a repeated id within one file is dropped."""
    seen: dict[str, Article] = {}
    for article in articles:
        if article.id in seen:
            if seen[article.id].source == article.source:
                on_error(Path(article.source), f"duplicate article id {article.id!r}; keeping the first")
                continue
            base = f"{Path(article.source).parent.name}/{article.id}"
            new_id, n = base, 2
            while new_id in seen:
                new_id, n = f"{base}~{n}", n + 1
            article.id = new_id
        seen[article.id] = article
    return list(seen.values())


def run(
    inputs: Iterable[str | Path],
    *,
    out: str | Path = "outputs",
    backend: str = "lac",
    model: str | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    fresh: bool = False,
    home_city: str | None = None,
    top_n: int = 300,
    ego_count: int = 20,
    html: bool = True,
    progress: Progress = _noop,
    on_error: Callable[[Path, str], None] | None = None,
) -> RunResult:
    """Run the whole pipeline over files/folders and write the outputs into ``out``."""
    from kg.readwrite import write_csv, write_graphml, write_json
    from kg.readwrite.clean import clean_graph

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    skipped: list[tuple[str, str]] = []

    def report(path: Path, problem: str) -> None:
        skipped.append((str(path), problem))
        if on_error is not None:
            on_error(path, problem)

    with output_lock(out):
        progress("ingest", 0, None)
        inputs = list(inputs)
        articles = _dedupe(read_articles(inputs, on_error=report), report)
        progress("ingest", len(articles), len(articles))
        if not articles:
            # Never replace the graph of an earlier run with an empty one for a mistyped path.
            raise NoArticlesError(_no_articles_message(inputs))
        extractor = Extractor(backend=backend, model=model)
        store_path = out / STORE_NAME
        if fresh and store_path.exists():
            store_path.unlink()
        with Store(store_path) as store:
            extractions, reused = extract_articles(
                articles, extractor, store=store, jobs=jobs, engine=engine, scheduler=scheduler,
                progress=progress,
            )
        progress("graph", 0, None)
        resolution = resolve(extractions, home_city=home_city)
        graph = analyze(build_graph(extractions, resolution))
        progress("graph", 1, 1)

        outputs: dict[str, Path] = {}
        flat = clean_graph(graph)  # once for all writers
        outputs["graphml"] = out / "graph.graphml"
        write_graphml(flat, outputs["graphml"])
        outputs["json"] = out / "graph.json"
        write_json(flat, outputs["json"])
        entities_csv, relations_csv = write_csv(flat, out, nodes_name="entities.csv", edges_name="relations.csv")
        outputs["entities"], outputs["relations"] = entities_csv, relations_csv
        if html:
            from kg.render import render_views

            progress("render", 0, None)
            pages = render_views(graph, out, top_n=top_n, ego_count=ego_count)
            outputs["html"] = out / "graph.html"
            outputs["index"] = out / "index.html"
            progress("render", len(pages), len(pages))
    return RunResult(out=out, graph=graph, articles=len(articles), reused=reused, skipped=skipped, outputs=outputs)


def extract_only(
    inputs: Iterable[str | Path],
    *,
    backend: str = "lac",
    model: str | None = None,
    on_error: Callable[[Path, str], None] | None = None,
) -> Iterator[Extraction]:
    """Mentions and roles per article, without building a graph (``kg extract``)."""
    extractor = Extractor(backend=backend, model=model)
    for article in read_articles(list(inputs), on_error=on_error):
        yield extractor.extract(article)
