"""The library API: ``run(inputs, out=...)`` wires ingest -> extract -> resolve -> graph -> outputs.

What makes a re-run cheap (the store, reading only new files, processes beside this one) is
in ``kg.runtime``; here is the order of the stages. They report progress through a callback;
only the CLI draws progress bars.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.extract import Extractor
from kg.extract.backends import DEFAULT_BACKEND
from kg.graph import analyze, build_graph
from kg.ingest import path_text, read_articles
from kg.ingest.dates import complete_date
from kg.resolve import resolve
from kg.runtime import incremental
from kg.runtime.extraction import extract_new, start_beside
from kg.runtime.heap import frozen_for_the_run, no_gc
from kg.runtime.incremental import Report, Resident, Source
from kg.runtime.lock import output_lock
from kg.runtime.outputs import Progress, warm_up, write_outputs
from kg.runtime.parallel import extract_all
from kg.runtime.store import STORE_NAME
from kg.schema import Extraction

__all__ = ["NoArticlesError", "Progress", "Resident", "RunResult", "extract_only", "run"]


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


def no_articles_message(inputs: list[str | Path], *, written: str = "written") -> str:
    seen = sorted(
        {
            path_text(p.suffix or p.name)
            for i in map(Path, inputs)
            if i.is_dir()
            for p in i.rglob("*")
            if p.is_file()
        }
    )
    where = ", ".join(path_text(i) for i in inputs) or "(no input given)"
    hint = f" (found only: {', '.join(seen[:8])})" if seen else ""
    return (
        f"no articles in {where}: kg reads .txt pages and .jsonl files{hint}; nothing was {written}"
    )


def _noop(stage: str, advance: int, total: int | None) -> None:
    return None


def _extractions(
    inputs: list[str | Path],
    out: Path,
    extractor: Extractor,
    *,
    fresh: bool,
    jobs: int,
    engine: str,
    scheduler: str | None,
    progress: Progress,
    report: Report,
    resident: Resident | None,
) -> tuple[list[Extraction], int]:
    """Every article's Extraction in input order, and how many were reused: scan -> look up ->
    ingest what is new -> extract it -> store. Unchanged files are not read; a file is read
    once; only new or changed articles are extracted."""
    progress("ingest", 0, None)
    fingerprint = extractor.fingerprint()
    store = incremental.open_store(out / STORE_NAME, fresh=fresh)
    try:
        sources = incremental.scan(inputs, report)
        incremental.look_up(sources, store)
        incremental.ingest(sources)
        problems = incremental.assign_ids(sources)
        new = [a for s in sources for a in s.new_articles()]
        ready, todo = incremental.split(new, store, fingerprint)
        # A few new articles go to a process beside this one (it loads the model for them)
        # while this one loads the stored extractions of the unchanged files.
        beside = start_beside(todo, store, extractor, jobs=jobs, engine=engine)
        reused, late = incremental.reuse(sources, store, fingerprint, resident)
        late_ready, late_todo = incremental.split(late, store, fingerprint)
        ready |= reused | late_ready
        reused_n = len(ready)
        if beside is not None and store is not None:
            warm_up()  # while the other process loads the model
            done = beside()
            store.put_many(done, fingerprint)
            ready |= {ex.article.id: ex for ex in done}
            todo = []
        todo += late_todo
        ids = _report(sources, problems, report)
        progress("ingest", len(ids), len(ids))
        if not ids:
            # Never replace the graph of an earlier run with an empty one for a mistyped path.
            raise NoArticlesError(no_articles_message(inputs))
        store = incremental.writable_store(store, out / STORE_NAME, fresh=fresh, report=report)
        progress("extract", len(ready), len(ids))
        extracted = extract_new(
            todo,
            extractor,
            store,
            jobs=jobs,
            engine=engine,
            scheduler=scheduler,
            progress=lambda n: progress("extract", n, len(ids)),
        )
        by_id = ready | {ex.article.id: ex for ex in extracted}
        incremental.record(sources, store, fingerprint, resident, by_id)  # only now: all stored
    finally:
        if store is not None:
            store.close()
    return [by_id[i] for i in ids], reused_n


def _report(sources: list[Source], problems: list[tuple[str, str]], report: Report) -> list[str]:
    """Report each file's problems (those of unread files too, as the store kept them) and
    the repeated ids; returns the final ids in input order."""
    for source in sources:
        for problem in source.problems:
            report(source.path, problem)
    for where, problem in problems:
        report(Path(where), problem)
    return [i for s in sources for i in s.final if i is not None]


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

    with output_lock(out), frozen_for_the_run():
        if resident is None:
            extractor = Extractor(backend=backend, model=model)
        else:
            extractor = resident.extractor(backend, model)
        extractions, reused = _extractions(  # scan -> look up -> ingest -> extract -> store
            inputs,
            out,
            extractor,
            fresh=fresh,
            jobs=jobs,
            engine=engine,
            scheduler=scheduler,
            progress=progress,
            report=report,
            resident=resident,
        )
        progress("graph", 0, None)
        for ex in extractions:  # before the graph: a stored article keeps the date it was read with
            complete_date(ex.article, year=year)
        with no_gc(freeze=True):
            resolution = resolve(extractions, home_city=home_city)
            graph = analyze(build_graph(extractions, resolution))
        progress("graph", 1, 1)
        from kg.readwrite.atomic import generation

        with generation(out) as stage:  # all of this run's outputs replace the last run's, or none
            written = write_outputs(
                graph,
                stage,
                html=html,
                jobs=jobs,
                engine=engine,
                top_n=top_n,
                ego_count=ego_count,
                progress=progress,
                articles=(extractions, resolution.mention_ids),
            )
        outputs = {name: out / path.relative_to(stage) for name, path in written.items()}
    return RunResult(
        out=out,
        graph=graph,
        articles=len(extractions),
        reused=reused,
        skipped=skipped,
        outputs=outputs,
    )


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
