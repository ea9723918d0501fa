"""Run an extractor over many articles: in-process, on a local process pool, or on dask.

Whatever the engine, results come back in input order, so the output of ``jobs=4`` is
identical to ``jobs=1``. Articles are submitted in batches with a bounded number in
flight, so memory stays flat on a corpus of any size.

The extractor must be picklable and load its model lazily: each worker process gets one
copy (through the pool initializer, or a dask scatter) and so loads the model once.

``beside`` runs one function in a forked process next to the main one (the outputs), and
``shared_counter`` hands out work items to both.
"""

from __future__ import annotations

import multiprocessing
import pickle
import sys
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from enum import Enum
from itertools import islice
from multiprocessing.connection import Connection
from typing import Any, Generic, Protocol, TypeVar

from kg.schema import Article, Extraction

_R = TypeVar("_R")


class ExtractorLike(Protocol):
    def fingerprint(self) -> str: ...

    def extract_many(self, articles: Sequence[Article]) -> list[Extraction]: ...


class Engine(str, Enum):
    local = "local"
    dask = "dask"


BATCH_SIZE = 32  # articles per task: amortises pickling, lets the model tag sentences together
IN_FLIGHT_PER_WORKER = 4  # batches queued per worker; bounds memory on big corpora

# --- worker side (module globals live once per worker process) -----------------------------

_worker_extractor: ExtractorLike | None = None


def _init_worker(extractor: ExtractorLike) -> None:
    global _worker_extractor
    _worker_extractor = extractor


def _extract_batch(batch: list[Article]) -> list[Extraction]:
    assert _worker_extractor is not None, "worker used without _init_worker"
    return _worker_extractor.extract_many(batch)


def _extract_batch_with(extractor: ExtractorLike, batch: list[Article]) -> list[Extraction]:
    # dask: `extractor` is the scattered copy held by the worker, so its model loads once.
    return extractor.extract_many(batch)


# --- driver side ------------------------------------------------------------------------------


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def _ordered(
    submit: Callable[[list[Article]], Future[Any]],
    batches: Iterator[list[Article]],
    window: int,
    progress: Callable[[int], None] | None,
) -> Iterator[Extraction]:
    """Keep ``window`` batches in flight; yield their results strictly in submission order."""
    pending: deque[Future[Any]] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield from _drain_one(pending, progress)
    while pending:
        yield from _drain_one(pending, progress)


def _drain_one(
    pending: deque[Future[Any]], progress: Callable[[int], None] | None
) -> Iterator[Extraction]:
    results = pending.popleft().result()
    if progress is not None:
        progress(len(results))
    yield from results


def extract_all(
    articles: Iterable[Article],
    extractor: ExtractorLike,
    *,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Callable[[int], None] | None = None,
    batch_size: int | None = None,
) -> Iterator[Extraction]:
    """Extract every article, yielding Extractions in input order.

    ``jobs``: worker processes (local) or workers of a LocalCluster (dask without a
    scheduler). ``engine``: "local" or "dask"; ``scheduler``: a dask scheduler address such
    as ``tcp://10.0.0.5:8786`` (dask only). ``progress`` is called with the number of
    articles just finished (an increment, as for ``rich.progress.Progress.advance``).
    ``batch_size``: articles per task (default ``BATCH_SIZE``), extracted together; a Ctrl-C
    loses the batches in flight, no more.
    """
    engine = Engine(engine)
    batch_size = BATCH_SIZE if batch_size is None else batch_size
    if jobs < 1:
        raise ValueError(f"jobs must be >= 1, got {jobs}")
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}")
    if scheduler is not None and engine is not Engine.dask:
        raise ValueError("a scheduler address needs engine='dask'")
    if engine is Engine.dask:
        return _extract_dask(articles, extractor, jobs, scheduler, progress, batch_size)
    if jobs == 1:
        return _extract_serial(articles, extractor, progress, batch_size)
    return _extract_pool(articles, extractor, jobs, progress, batch_size)


def _extract_serial(
    articles: Iterable[Article],
    extractor: ExtractorLike,
    progress: Callable[[int], None] | None,
    batch_size: int,
) -> Iterator[Extraction]:
    for batch in _batches(articles, batch_size):
        results = extractor.extract_many(batch)
        if progress is not None:
            progress(len(results))
        yield from results


def _pool_context() -> multiprocessing.context.BaseContext:
    # Not "fork": the driver may already hold an ONNX/BLAS thread pool, and forking a
    # process with live threads can deadlock the child. forkserver starts workers from a
    # clean process and is cheap on POSIX; spawn is the portable fallback.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _extract_pool(
    articles: Iterable[Article],
    extractor: ExtractorLike,
    jobs: int,
    progress: Callable[[int], None] | None,
    batch_size: int,
) -> Iterator[Extraction]:
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=_pool_context(),
        initializer=_init_worker,
        initargs=(extractor,),
    ) as pool:
        try:
            yield from _ordered(
                lambda batch: pool.submit(_extract_batch, batch),
                _batches(articles, batch_size),
                jobs * IN_FLIGHT_PER_WORKER,
                progress,
            )
        except BaseException:
            # Ctrl-C or a failing article: don't wait for the queued batches.
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _import_dask() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise RuntimeError("engine 'dask' needs dask.distributed: pip install 'kg[dask]'") from exc
    return distributed


def _extract_dask(
    articles: Iterable[Article],
    extractor: ExtractorLike,
    jobs: int,
    scheduler: str | None,
    progress: Callable[[int], None] | None,
    batch_size: int,
) -> Iterator[Extraction]:
    distributed = _import_dask()
    # Import failures must surface at the call, not at the first next(): check eagerly and
    # hand back a generator for the rest.
    return _on_client(
        distributed,
        jobs,
        scheduler,
        lambda client: extract_all_with_client(
            articles, extractor, client, progress=progress, batch_size=batch_size
        ),
    )


def _on_client(
    distributed: Any, jobs: int, scheduler: str | None, work: Callable[[Any], Iterator[Extraction]]
) -> Iterator[Extraction]:
    """``work``'s results on a client of ``scheduler``, or of a local cluster of ``jobs``
    processes, held for as long as they are read."""
    cluster = None
    if scheduler is None:
        cluster = distributed.LocalCluster(
            n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = distributed.Client(cluster)
    else:
        client = distributed.Client(scheduler)
    try:
        yield from work(client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def extract_all_with_client(
    articles: Iterable[Article],
    extractor: ExtractorLike,
    client: Any,
    *,
    progress: Callable[[int], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Extraction]:
    """Like ``extract_all(engine="dask")`` on a Client you already hold (tests, notebooks)."""
    workers = max(1, sum(client.nthreads().values()))
    remote_extractor = client.scatter(extractor, broadcast=True, hash=False)
    yield from _ordered(
        lambda batch: client.submit(_extract_batch_with, remote_extractor, batch, pure=False),
        _batches(articles, batch_size),
        workers * IN_FLIGHT_PER_WORKER,
        progress,
    )


# --- one more core for the outputs -------------------------------------------------------------


def can_fork() -> bool:
    """Linux only: a forked child shares the parent's graph without pickling it (macOS
    frameworks are not fork-safe, Windows cannot fork)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


class _Forked(Generic[_R]):
    """A function running in a forked process; call the object to wait for its value."""

    def __init__(self, work: Callable[[], _R], what: str) -> None:
        self.what = what
        self._receive, send = multiprocessing.Pipe(duplex=False)
        self._child = multiprocessing.get_context("fork").Process(
            target=_run_child, args=(work, send), daemon=True
        )
        self._child.start()
        send.close()

    def __call__(self) -> _R:
        try:
            ok, payload = self._receive.recv()
        except EOFError:
            ok, payload = False, f"it ended without a word (exit code {self._child.exitcode})"
        finally:
            self._child.join()
            self._receive.close()
        if not ok:
            text, error = payload
            if (
                error is not None
            ):  # as from this process: kg watch goes on after an OSError, the CLI prints a BackendError
                raise error from RuntimeError(f"{self.what} failed:\n{text}")
            raise RuntimeError(f"{self.what} failed:\n{text}")
        return payload

    def cancel(self) -> None:
        self._child.terminate()
        self._child.join()
        self._receive.close()


def _run_child(work: Callable[[], object], conn: Connection) -> None:
    try:
        value = work()
    except BaseException as exc:  # noqa: BLE001 -- Ctrl-C included: the parent decides
        text = "".join(traceback.format_exception(exc)).rstrip()
        conn.send((False, (text, _portable(exc))))
        raise SystemExit(1) from None
    conn.send((True, value))


def _portable(exc: BaseException) -> Exception | None:
    """The error itself for the parent to raise (an OSError, a BackendError ... that the
    caller handles), when it survives pickling as the same type; else None (its text goes)."""
    if not isinstance(exc, Exception):  # Ctrl-C, SystemExit: the parent decides
        return None
    try:
        copy = pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001 -- an error whose arguments do not pickle
        return None
    return copy if type(copy) is type(exc) else None


@contextmanager
def beside(work: Callable[[], None], *, enabled: bool = True) -> Iterator[None]:
    """Run ``work`` in a forked process while the ``with`` body runs here; re-raise its error.

    Used to share the outputs (GraphML, JSON, CSV, the HTML views) between two processes when
    the user gave kg more than one core. Without fork (or ``enabled=False``) ``work`` runs here
    first.
    """
    if not (enabled and can_fork()):
        work()
        yield
        return
    forked = _Forked(work, "the process writing beside this one")
    try:
        yield
    except BaseException:
        forked.cancel()
        raise
    forked()


def shared_counter() -> Callable[[], int]:
    """A function that returns 0, 1, 2 ... across this process and the processes it forks
    afterwards (``beside``): each number once, whoever asks. Work shared this way balances
    itself, however long each item takes."""
    value = multiprocessing.get_context("fork").Value("q", 0)

    def take() -> int:
        with value.get_lock():
            number = value.value
            value.value = number + 1
        return number

    return take


def extract_beside(
    articles: list[Article], extractor: ExtractorLike
) -> Callable[[], list[Extraction]]:
    """Start extracting a few articles in a forked process; call the result to wait for them.

    A re-run with one new page spends a second loading spaCy and the model for it; with a
    second core that happens while this process loads the stored extractions.
    """
    return _Forked(lambda: extractor.extract_many(articles), "extraction in the second process")
