"""What a re-run can skip: scan the inputs, look each file up in the store, read only what is
new, and reuse the stored extractions of the rest.

A file is known unchanged when the store holds its path, size, mtime and the reader that read
it (``make``'s and ``git status``'s trust in a file's stat); its articles are then not read,
only their stored extractions loaded. A new or changed file is read once. An article read this
run is looked up by its content hash, so a page moved or copied is not extracted again.
"""

from __future__ import annotations

import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.extract import Extractor
from kg.ingest import iter_files, path_text, read_articles, reader_fingerprint
from kg.runtime.heap import no_gc
from kg.runtime.store import Store
from kg.schema import Article, Extraction

RACY_NS = 2_000_000_000  # files modified this recently are not trusted by their stat
Report = Callable[[Path, str], None]


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


@dataclass
class Source:
    """One input file: what was read from it this run, or only its article ids when the
    store says it is unchanged since a run that read it."""

    path: Path
    where: str  # the resolved path: the store's and a Resident's key for the file
    size: int
    mtime_ns: int
    regular: bool = True  # a pipe is read every run, never looked up in the store
    known: bool = False  # the store holds its ids and problems
    ids: list[str] = field(default_factory=list)  # as read, before assign_ids
    problems: list[str] = field(default_factory=list)
    articles: list[Article] | None = None  # None: not read this run
    final: list[str | None] = field(default_factory=list)

    def read(self) -> None:
        problems: list[str] = []
        self.articles = list(
            read_articles([self.path], on_error=lambda _p, why: problems.append(why))
        )
        self.ids = [a.id for a in self.articles]
        self.problems = problems

    def new_articles(self) -> list[Article]:
        """The articles read this run that keep an id (a repeated id within a file does not)."""
        if self.articles is None:
            return []
        return [a for a, i in zip(self.articles, self.final, strict=True) if i is not None]

    def key(self, fingerprint: str) -> tuple[str, int, int, str, str]:
        return (self.where, self.size, self.mtime_ns, reader_fingerprint(), fingerprint)


def open_store(path: Path, *, fresh: bool) -> Store | None:
    """The store of an earlier run, to read from; None when there is none or ``fresh``. It is
    created or cleared only once there are articles (``writable_store``): a mistyped path
    leaves an earlier run's outputs as they were."""
    return Store(path) if path.exists() and not fresh else None


def writable_store(store: Store | None, path: Path, *, fresh: bool, report: Report) -> Store:
    if store is not None:
        return store
    if not fresh:
        return Store(path)
    store, aside = Store.fresh(path)
    if aside is not None:
        report(path, f"warning: the store could not be used; moved aside to {aside.name}")
    return store


def scan(inputs: list[str | Path], report: Report) -> list[Source]:
    """Every input file with its stat; nothing is read."""
    sources: list[Source] = []
    for path in iter_files(inputs, on_error=report):
        try:
            info = path.stat()
        except OSError as err:
            report(path, f"cannot read: {err.strerror or err}")
            continue
        where = path_text(path.resolve())
        regular = stat.S_ISREG(info.st_mode)
        sources.append(Source(path, where, info.st_size, info.st_mtime_ns, regular=regular))
    return sources


def look_up(sources: list[Source], store: Store | None) -> None:
    """The files the store knows unchanged (same size, mtime, reader) get its ids and problems."""
    if store is None:
        return
    reader = reader_fingerprint()
    for source in sources:
        known = (
            store.source(source.where, source.size, source.mtime_ns, reader)
            if source.regular
            else None
        )
        if known is not None:
            source.known = True
            source.ids, source.problems = known


def ingest(sources: list[Source]) -> None:
    """Read what the store does not know."""
    for source in sources:
        if not source.known and source.articles is None:
            source.read()


def unique_ids(pairs: list[tuple[str, str]]) -> tuple[list[str | None], list[tuple[str, str]]]:
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


def assign_ids(sources: list[Source]) -> list[tuple[str, str]]:
    """Every file's final article ids (renaming the articles read); the problems found."""
    pairs = [(i, path_text(s.path)) for s in sources for i in s.ids]
    final, problems = unique_ids(pairs)
    it = iter(final)
    for source in sources:
        source.final = [next(it) for _ in source.ids]
        for article, new_id in zip(source.articles or (), source.final):
            if new_id is not None:
                article.id = new_id
    return problems


def split(
    articles: list[Article], store: Store | None, fingerprint: str
) -> tuple[dict[str, Extraction], list[Article]]:
    """Articles read this run: the stored extractions of those the store has (same id, content
    and fingerprint), and the others, to extract."""
    if store is None:
        return {}, list(articles)
    stored: dict[str, Extraction] = {}
    for article in articles:
        if (hit := store.get(article, fingerprint)) is not None:
            stored[article.id] = hit
    return stored, [a for a in articles if a.id not in stored]


def _kept(
    sources: list[Source], resident: Resident | None, fingerprint: str
) -> dict[str, Extraction]:
    """Extractions a resident process kept of the unchanged files (same ids as this run gives)."""
    if resident is None:
        return {}
    hits: dict[str, Extraction] = {}
    for source in sources:
        kept = None if source.articles is not None else resident.files.get(source.key(fingerprint))
        final = [i for i in source.final if i is not None]
        if kept is not None and [ex.article.id for ex in kept] == final:
            hits.update((ex.article.id, ex) for ex in kept)
    return hits


def reuse(
    sources: list[Source], store: Store | None, fingerprint: str, resident: Resident | None
) -> tuple[dict[str, Extraction], list[Article]]:
    """Extractions of the unchanged files, from ``resident`` or else the store, and the
    articles of the files that had to be read after all: a file with an article missing from
    both (new rules, an interrupted run) is read now, once, and extracted like a new one."""
    if store is None:
        return {}, []
    kept = _kept(sources, resident, fingerprint)
    late: list[Source] = []
    while True:
        unread = [s for s in sources if s.articles is None]
        missing = [i for s in unread for i in s.final if i is not None and i not in kept]
        found = kept
        if missing:
            with no_gc(freeze=True):  # kept for the run: the first collection would scan them all
                found = kept | store.get_many(missing, fingerprint)
        stale = [s for s in unread if any(i is not None and i not in found for i in s.final)]
        if not stale:
            break
        for source in stale:
            source.read()
        late += stale
        assign_ids(sources)  # their ids as read now
    hits: dict[str, Extraction] = {}
    for source in unread:
        for i in source.final:
            if i is not None:
                hits[i] = found[i]
                # a record may name the file by another path
                hits[i].article.source = path_text(source.path)
    return hits, [a for s in late for a in s.new_articles()]


def record(
    sources: list[Source],
    store: Store,
    fingerprint: str,
    resident: Resident | None,
    by_id: dict[str, Extraction],
) -> None:
    """Remember the files read this run, once all their extractions are stored; a resident
    process keeps this run's extractions per file instead of the last run's."""
    reader, now = reader_fingerprint(), time.time_ns()
    store.put_sources(
        (s.where, s.size, s.mtime_ns, reader, s.ids, s.problems)
        for s in sources
        # A file changed within the last seconds could change again with the same
        # size and mtime (coarse clocks): read it again next time (git's racy rule).
        if s.articles is not None and s.regular and now - s.mtime_ns > RACY_NS
    )
    if resident is not None:  # what this run gave replaces what was kept: removed files go
        resident.files = {
            s.key(fingerprint): [by_id[i] for i in s.final if i is not None]
            for s in sources
            if s.regular and now - s.mtime_ns > RACY_NS
        }
