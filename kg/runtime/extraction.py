"""Extract what is new: in this process, on a pool of workers, or in a process beside this one
while it loads the stored extractions; stored as it comes, so an interrupted run keeps its work."""

from __future__ import annotations

from collections.abc import Callable

from kg.extract import Extractor
from kg.runtime.parallel import can_fork, extract_all, extract_beside
from kg.runtime.store import Store
from kg.schema import Article, Extraction

# New text (characters) that pays for starting --jobs workers, each loading the model (about
# 1.5 s on two cores): less is extracted in this process. Measured with benchmarks/ articles.
POOL_MIN_CHARS = 30_000  # when this process would have to load the model too
POOL_MIN_CHARS_LOADED = 100_000  # when it holds the model already (kg watch): ~3 s of tagging
COMMIT_EVERY = 200  # extractions per store transaction


def pool_pays(articles: list[Article], extractor: Extractor) -> bool:
    """Whether extracting ``articles`` on a pool of workers beats doing it in this process."""
    chars = sum(len(a.text) for a in articles)
    return chars >= (POOL_MIN_CHARS_LOADED if extractor.loaded else POOL_MIN_CHARS)


def start_beside(
    todo: list[Article], store: Store | None, extractor: Extractor, *, jobs: int, engine: str
) -> Callable[[], list[Extraction]] | None:
    """A few new articles on a re-run, with a second core: extract them in a forked process
    while this one loads the store (loading the model for them costs about a second). Not
    when this process holds the model already (``Resident``): extracting here is quicker.
    Returns what to call for them, or None when they are extracted with the rest."""
    if store is None or jobs < 2 or engine != "local" or extractor.loaded or not can_fork():
        return None
    if not todo or pool_pays(todo, extractor):
        return None  # extract_new starts its pool for these
    return extract_beside(todo, extractor)


def extract_new(
    todo: list[Article],
    extractor: Extractor,
    store: Store,
    *,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[Extraction]:
    """Extract ``todo`` in order, storing the extractions as they come."""
    fingerprint = extractor.fingerprint()
    if engine == "local" and not pool_pays(todo, extractor):
        jobs = 1  # starting workers (a model each) costs more than a few articles
    done: list[Extraction] = []
    batch: list[Extraction] = []
    try:
        for ex in extract_all(
            todo, extractor, jobs=jobs, engine=engine, scheduler=scheduler, progress=progress
        ):
            done.append(ex)
            batch.append(ex)
            if len(batch) >= COMMIT_EVERY:  # commit as we go: an interrupted run keeps its work
                store.put_many(batch, fingerprint)
                batch = []
    finally:  # Ctrl-C or a crash: what was extracted is kept for the next run
        if batch:
            store.put_many(batch, fingerprint)
    return done
