"""The library API: ``run(inputs, out=...)`` wires ingest -> extract -> resolve -> graph -> outputs.

Stages report progress through a callback; only the CLI draws progress bars.
"""

from __future__ import annotations

import gc
import stat
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

import networkx as nx

from kg.extract import Extractor
from kg.extract.backends import DEFAULT_BACKEND
from kg.graph import analyze, build_graph
from kg.ingest import iter_files, path_text, read_articles, reader_fingerprint
from kg.ingest.dates import complete_date
from kg.resolve import resolve
from kg.runtime.lock import output_lock
from kg.runtime.parallel import beside, can_fork, extract_all, extract_beside, shared_counter
from kg.runtime.store import STORE_NAME, Store
from kg.schema import Article, Extraction

# progress(stage, advance, total): total is None while unknown.
# New text (characters) that pays for starting --jobs workers, each loading the model (about
# 1.5 s on two cores): less is extracted in this process. Measured with benchmarks/ articles.
POOL_MIN_CHARS = 30_000  # when this process would have to load the model too
POOL_MIN_CHARS_LOADED = 100_000  # when it holds the model already (kg watch): ~3 s of tagging
RACY_NS = 2_000_000_000  # files modified this recently are not trusted by their stat
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


@dataclass
class Resident:
    """What a long-lived process (``kg watch``) keeps from one run to the next: the loaded
    model, and the extractions of the input files it has seen. An update then costs the new
    pages and the graph, not a model load (1-1.5 s) and a store read (1 s at 10,000 articles).

    A file's extractions are reused only while its path, size, mtime, the reader and the
    extraction fingerprint are those they were made from, as the store's own check does.
    """

    extractors: dict[tuple[str, str | None], Extractor] = field(default_factory=dict)
    files: dict[tuple[str, int, int, str, str], list[Extraction]] = field(default_factory=dict)

    def extractor(self, backend: str, model: str | None) -> Extractor:
        key = (backend, model)
        if key not in self.extractors:
            self.extractors[key] = Extractor(backend=backend, model=model)
        return self.extractors[key]


class NoArticlesError(ValueError):
    """Nothing to read in the inputs; the output folder is left as it was."""


def no_articles_message(inputs: list[str | Path], *, written: str = "written") -> str:
    seen = sorted(
        {path_text(p.suffix or p.name) for i in map(Path, inputs) if i.is_dir() for p in i.rglob("*") if p.is_file()}
    )
    where = ", ".join(path_text(i) for i in inputs) or "(no input given)"
    hint = f" (found only: {', '.join(seen[:8])})" if seen else ""
    return f"no articles in {where}: kg reads .txt pages and .jsonl files{hint}; nothing was {written}"


@contextmanager
def _no_gc(*, freeze: bool = False) -> Iterator[None]:
    """Loading the store and building the graph make millions of long-lived objects and no
    garbage cycles, and the cyclic GC would rescan them again and again (a third of the
    loading time). ``freeze`` then moves them out of its reach for the rest of the run, which
    also keeps a forked writer from copying pages only to count references."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


@contextmanager
def _frozen_for_the_run() -> Iterator[None]:
    """What the run froze away from the cyclic GC (stored records, the graph) is the caller's
    heap again when it ends, however it ends."""
    frozen = gc.get_freeze_count()
    try:
        yield
    finally:
        if gc.get_freeze_count() > frozen:
            gc.unfreeze()


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
    if engine == "local" and not _pool_pays(todo, extractor):
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


def _unique_ids(pairs: list[tuple[str, str]]) -> tuple[list[str | None], list[tuple[str, str]]]:
    """Final article ids for (id, source) pairs, and the problems found.

    Article ids are unique: pages with one file name in two folders (2024-05-01/A01.txt,
    2024-05-02/A01.txt) get their folder in front; a repeated id within one file is dropped
    (None)."""
    seen: dict[str, str] = {}  # final id -> source
    final: list[str | None] = []
    problems: list[tuple[str, str]] = []
    for article_id, source in pairs:
        if article_id in seen:
            if seen[article_id] == source:
                problems.append((source, f"duplicate article id {article_id!r}; keeping the first"))
                final.append(None)
                continue
            base = f"{Path(source).parent.name}/{article_id}"
            new_id, n = base, 2
            while new_id in seen:
                new_id, n = f"{base}~{n}", n + 1
            article_id = new_id
        seen[article_id] = source
        final.append(article_id)
    return final, problems


@dataclass
class _Source:
    """One input file: what was read from it this run, or only its article ids when the
    store says it is unchanged since a run that read it."""

    path: Path
    where: str  # the resolved path: the store's and a Resident's key for the file
    size: int
    mtime_ns: int
    ids: list[str]  # as read, before _unique_ids
    problems: list[str]
    articles: list[Article] | None = None  # None: not read this run
    final: list[str | None] = field(default_factory=list)
    regular: bool = True  # a pipe is read every run, never looked up in the store


def _read(source: _Source) -> None:
    problems: list[str] = []
    source.articles = list(read_articles([source.path], on_error=lambda _p, why: problems.append(why)))
    source.ids = [a.id for a in source.articles]
    source.problems = problems


def _scan(inputs: list[str | Path], store: Store | None, report: Callable[[Path, str], None]) -> list[_Source]:
    """Every input file, read unless the store knows it unchanged (same size, mtime, reader)."""
    reader = reader_fingerprint()
    sources: list[_Source] = []
    for path in iter_files(inputs, on_error=report):
        try:
            info = path.stat()
        except OSError as err:
            report(path, f"cannot read: {err.strerror or err}")
            continue
        source = _Source(path, path_text(path.resolve()), info.st_size, info.st_mtime_ns, [], [],
                         regular=stat.S_ISREG(info.st_mode))
        known = store.source(source.where, source.size, source.mtime_ns, reader) if store and source.regular else None
        if known is None:
            _read(source)
        else:
            source.ids, source.problems = known
        sources.append(source)
    return sources


def _assign_ids(sources: list[_Source]) -> list[tuple[str, str]]:
    pairs = [(i, path_text(s.path)) for s in sources for i in s.ids]
    final, problems = _unique_ids(pairs)
    it = iter(final)
    for source in sources:
        source.final = [next(it) for _ in source.ids]
        for article, new_id in zip(source.articles or (), source.final):
            if new_id is not None:
                article.id = new_id
    return problems


def _pool_pays(articles: list[Article], extractor: Extractor) -> bool:
    """Whether extracting ``articles`` on a pool of workers beats doing it in this process."""
    chars = sum(len(a.text) for a in articles)
    return chars >= (POOL_MIN_CHARS_LOADED if extractor.loaded else POOL_MIN_CHARS)


def _extract_early(
    sources: list[_Source], store: Store | None, extractor: Extractor, fingerprint: str, *, jobs: int, engine: str
) -> Callable[[], list[Extraction]] | None:
    """A few new articles on a re-run, with a second core: extract them in a forked process
    while this one loads the store (loading the model for them costs about a second). Not
    when this process holds the model already (``Resident``): extracting here is quicker."""
    if store is None or jobs < 2 or engine != "local" or extractor.loaded or not can_fork():
        return None
    new = [a for s in sources if s.articles is not None for a, i in zip(s.articles, s.final, strict=True) if i is not None]
    if _pool_pays(new, extractor):
        return None  # extract_articles starts its pool for these
    todo = [a for a in new if store.get(a, fingerprint) is None]
    return extract_beside(todo, extractor) if todo else None


def _warm_up() -> None:
    """Load what resolving and writing need whatever the articles say: the place data and
    the writers' modules. Called while this process would otherwise wait."""
    from kg.extract.places import country_names, gazetteer
    from kg.readwrite import write_graphml  # noqa: F401
    from kg.render import render_views  # noqa: F401

    with _no_gc():
        gazetteer()
        country_names()


def _file_key(source: _Source, fingerprint: str) -> tuple[str, int, int, str, str]:
    return (source.where, source.size, source.mtime_ns, reader_fingerprint(), fingerprint)


def _kept(sources: list[_Source], resident: Resident | None, fingerprint: str) -> dict[str, Extraction]:
    """Extractions a resident process kept of the unchanged files (same ids as this run gives)."""
    if resident is None:
        return {}
    hits: dict[str, Extraction] = {}
    for source in sources:
        kept = None if source.articles is not None else resident.files.get(_file_key(source, fingerprint))
        if kept is not None and [ex.article.id for ex in kept] == [i for i in source.final if i is not None]:
            hits.update((ex.article.id, ex) for ex in kept)
    return hits


def _stored(
    sources: list[_Source], store: Store | None, fingerprint: str, kept: dict[str, Extraction]
) -> dict[str, Extraction]:
    """Extractions of the unchanged files, from ``kept`` or else the store; a file with any
    article missing from both (new rules, an interrupted run) is read again instead."""
    if store is None:
        return {}
    while True:
        unread = [s for s in sources if s.articles is None]
        missing = [i for s in unread for i in s.final if i is not None and i not in kept]
        found = kept
        if missing:
            with _no_gc(freeze=True):  # kept for the run: the first collection would scan them all
                found = kept | store.get_many(missing, fingerprint)
        stale = [s for s in unread if any(i is not None and i not in found for i in s.final)]
        if not stale:
            hits: dict[str, Extraction] = {}
            for source in unread:
                for i in source.final:
                    if i is not None:
                        hits[i] = found[i]
                        hits[i].article.source = path_text(source.path)  # a record may name the file by another path
            return hits
        for source in stale:
            _read(source)
        _assign_ids(sources)


def _extractions(
    inputs: list[str | Path], out: Path, extractor: Extractor, *, fresh: bool, jobs: int, engine: str,
    scheduler: str | None, progress: Progress, report: Callable[[Path, str], None], resident: Resident | None,
) -> tuple[list[Extraction], int]:
    """Ingest and extract: every article's Extraction in input order, and how many came from
    the store. Unchanged files are not read again; only new or changed articles are extracted."""
    progress("ingest", 0, None)
    store_path = out / STORE_NAME
    # The store is opened for reading only when it exists, and created or cleared only
    # once there are articles: a mistyped path leaves an earlier run's outputs as they were.
    store = Store(store_path) if store_path.exists() and not fresh else None
    try:
        sources = _scan(inputs, store, report)
        problems = _assign_ids(sources)
        fingerprint = extractor.fingerprint()
        early = _extract_early(sources, store, extractor, fingerprint, jobs=jobs, engine=engine)
        stored = _stored(sources, store, fingerprint, _kept(sources, resident, fingerprint))
        extracted_early = 0
        if early is not None and store is not None:
            _warm_up()  # while the other process loads the model
            extracted_early = store.put_many(early(), fingerprint)  # found stored below
        for source in sources:
            for problem in source.problems:
                report(source.path, problem)
        for where, problem in problems:
            report(Path(where), problem)
        ids = [i for s in sources for i in s.final if i is not None]
        progress("ingest", len(ids), len(ids))
        if not ids:
            # Never replace the graph of an earlier run with an empty one for a mistyped path.
            raise NoArticlesError(no_articles_message(inputs))
        if store is None and fresh:
            store, aside = Store.fresh(store_path)
            if aside is not None:
                report(store_path, f"warning: the store could not be used; moved aside to {aside.name}")
        elif store is None:
            store = Store(store_path)
        to_read = [
            a
            for s in sources
            if s.articles is not None
            for a, i in zip(s.articles, s.final, strict=True)
            if i is not None
        ]
        progress("extract", len(stored), len(ids))
        fresh_extractions, reused = extract_articles(
            to_read, extractor, store=store, jobs=jobs, engine=engine, scheduler=scheduler,
            progress=lambda stage, n, _total: progress(stage, n, len(ids)),
        )
        by_id = {**stored, **{ex.article.id: ex for ex in fresh_extractions}}
        extractions = [by_id[i] for i in ids]
        reused += len(stored) - extracted_early
        reader, now = reader_fingerprint(), time.time_ns()
        store.put_sources(  # only now: the files' extractions are all stored
            (s.where, s.size, s.mtime_ns, reader, s.ids, s.problems)
            for s in sources
            # A file changed within the last seconds could change again with the same
            # size and mtime (coarse clocks): read it again next time (git's racy rule).
            if s.articles is not None and s.regular and now - s.mtime_ns > RACY_NS
        )
        if resident is not None:  # what this run gave replaces what was kept: removed files go
            resident.files = {
                _file_key(s, fingerprint): [by_id[i] for i in s.final if i is not None]
                for s in sources
                if s.regular and now - s.mtime_ns > RACY_NS
            }
    finally:
        if store is not None:
            store.close()
    return extractions, reused


def run(
    inputs: Iterable[str | Path],
    *,
    out: str | Path = "outputs",
    backend: str = DEFAULT_BACKEND.value,
    model: str | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    fresh: bool = False,
    home_city: str | None = None,
    top_n: int = 300,
    ego_count: int = 20,
    year: int | None = None,
    html: bool = True,
    progress: Progress = _noop,
    on_error: Callable[[Path, str], None] | None = None,
    resident: Resident | None = None,
) -> RunResult:
    """Run the whole pipeline over files/folders and write the outputs into ``out``.

    ``resident``: what a long-lived caller keeps between runs (the model, unchanged files'
    extractions); the outputs are those of a run without it. ``year`` (``--date``) dates the
    articles that print a month and day but no year, where no folder name gives one."""
    out = Path(out)
    inputs = list(inputs)
    if not any(Path(i).exists() for i in inputs):  # before the lock: a mistyped path writes nothing
        raise NoArticlesError(no_articles_message(inputs))
    skipped: list[tuple[str, str]] = []

    def report(path: Path, problem: str) -> None:
        skipped.append((path_text(path), problem))
        if on_error is not None:
            on_error(path, problem)

    with output_lock(out), _frozen_for_the_run():
        extractor = Extractor(backend=backend, model=model) if resident is None else resident.extractor(backend, model)
        extractions, reused = _extractions(
            inputs, out, extractor, fresh=fresh, jobs=jobs, engine=engine, scheduler=scheduler,
            progress=progress, report=report, resident=resident,
        )
        progress("graph", 0, None)
        for ex in extractions:  # before the graph: a stored article keeps the date it was read with
            complete_date(ex.article, year=year)
        with _no_gc(freeze=True):
            resolution = resolve(extractions, home_city=home_city)
            graph = analyze(build_graph(extractions, resolution))
        progress("graph", 1, 1)
        from kg.readwrite.atomic import generation

        with generation(out) as stage:  # all of this run's outputs replace the last run's, or none
            written = _write_outputs(graph, stage, html=html, jobs=jobs, engine=engine, top_n=top_n,
                                     ego_count=ego_count, progress=progress,
                                     articles=(extractions, resolution.mention_ids))
        outputs = {name: out / path.relative_to(stage) for name, path in written.items()}

    return RunResult(
        out=out, graph=graph, articles=len(extractions), reused=reused, skipped=skipped, outputs=outputs
    )


def _write_outputs(
    graph: nx.MultiDiGraph, out: Path, *, html: bool, jobs: int, engine: str, top_n: int,
    ego_count: int, progress: Progress, articles: tuple[list[Extraction], dict] | None = None,
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
        lambda: write_csv(flat, out, nodes_name=outputs["entities"].name, edges_name=outputs["relations"].name),
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
            ViewPlan(graph, top_n=top_n, ego_count=ego_count, articles=articles is not None).write_pages(
                out, chain([first], pages)
            )

    with beside(write_beside, enabled=two):
        if html:
            from kg.render import ViewPlan

            progress("render", 0, None)
            # the same plan in both processes
            plan = ViewPlan(graph, top_n=top_n, ego_count=ego_count, articles=articles is not None)
            plan.write_pages(out, None if take is None else pages_of(iter(take, None)))
    if html:
        plan.write_index(out)
        if articles is not None:
            from kg.render.documents import documents

            plan.write_articles(out, documents(*articles))
            outputs["articles"] = out / "articles"
        outputs["html"] = out / "graph.html"
        outputs["tables"] = out / "tables.html"
        outputs["index"] = out / "index.html"
        progress("render", len(plan.views) + 1, len(plan.views) + 1)
    return outputs


def extract_only(
    inputs: Iterable[str | Path],
    *,
    backend: str = DEFAULT_BACKEND.value,
    model: str | None = None,
    on_error: Callable[[Path, str], None] | None = None,
) -> Iterator[Extraction]:
    """Mentions and roles per article, without building a graph (``kg extract``)."""
    extractor = Extractor(backend=backend, model=model)
    yield from extract_all(read_articles(list(inputs), on_error=on_error), extractor)
