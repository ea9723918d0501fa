"""``kg watch``: one process that keeps the graph up to date while pages arrive.

The first update is an ordinary ``kg run``. After it the process keeps the model and every
unchanged file's extractions in memory (``kg.runtime.incremental.Resident``) and waits for file events
(watchfiles: inotify, FSEvents or polling); each batch of changes to input files re-runs the
pipeline, so an update costs the new pages and the graph, not a model load and a store read.
Its outputs are those ``kg run`` would write over the same files.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from threading import Event

from kg.ingest import SUFFIXES
from kg.pipeline import NoArticlesError, RunResult, run
from kg.runtime.incremental import Resident
from kg.runtime.lock import LockedError

Changes = Iterable[set[tuple[object, str]]]  # batches of (change, path), as watchfiles yields them
TICK_MS = 2_000  # how often an update that could not run (output folder locked) is tried again


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during an update: each output file is whole, but some may be the last update's."""


@dataclass
class Update:
    """What one update did: its result, or why it did not happen (``problem``)."""

    result: RunResult | None
    seconds: float
    problem: str | None = None


def relevant(path: str | Path, inputs: list[Path], out: Path, *, modified: bool = False) -> bool:
    """Could a change to this path change what ``kg run`` reads? Pages and feeds; folders
    added or removed (a folder moved in brings pages no event names); not a folder's own
    modification, not what ``kg run`` skips (hidden files and folders under an input folder)
    and not the outputs."""
    path = Path(path).resolve()
    if path.is_relative_to(out.resolve()):
        return False
    for folder in (i.resolve() for i in inputs):
        if folder == path:  # a file named as an input, whatever its suffix, or an input folder
            return not (modified and path.is_dir())
        if path.is_relative_to(folder) and any(
            p.startswith(".") for p in path.relative_to(folder).parts
        ):
            return False
    return path.suffix.lower() in SUFFIXES or not (path.suffix or modified)


def file_changes(
    inputs: list[Path], out: Path, *, poll: bool = False, stop: Event | None = None
) -> Iterator[set[tuple[object, str]]]:
    """Batches of relevant file changes under ``inputs``; an empty batch every TICK_MS."""
    from watchfiles import Change, watch

    watched = [p for p in inputs if p.exists()]  # a missing input is reported by each run
    yield from watch(
        *watched,
        watch_filter=lambda change, path: relevant(
            path, inputs, out, modified=change == Change.modified
        ),
        force_polling=poll or None,
        stop_event=stop,
        rust_timeout=TICK_MS,
        yield_on_timeout=True,
    )


def watch(
    inputs: list[Path],
    *,
    out: Path,
    on_update: Callable[[Update], None],
    changes: Changes | None = None,
    poll: bool = False,
    **options: object,
) -> None:
    """Run once, then again after every batch of ``changes`` (default: file events under
    ``inputs``) until they end or Ctrl-C. ``options`` are ``kg.pipeline.run``'s.

    An update that cannot start (another ``kg run`` holds the folder) is tried again at the
    next tick. One that finds no articles leaves the outputs as they were, one that cannot
    write (a full disk) leaves each output file whole; both are reported and the next change
    tries again.
    """
    resident = Resident()
    pending = _update(inputs, out, resident, on_update, options)
    if changes is None:
        changes = file_changes(inputs, out, poll=poll)
    for batch in changes:
        if batch or pending:
            pending = _update(inputs, out, resident, on_update, options)


def _update(
    inputs: list[Path],
    out: Path,
    resident: Resident,
    on_update: Callable[[Update], None],
    options: dict,
) -> bool:
    """One run; True when it has to be tried again."""
    start = time.perf_counter()
    try:
        result = run(inputs, out=out, resident=resident, **options)  # type: ignore[arg-type]
    except LockedError as exc:
        on_update(Update(None, time.perf_counter() - start, f"{exc}; trying again"))
        return True
    except (NoArticlesError, OSError) as exc:  # OSError: a full disk, a folder made read-only
        on_update(Update(None, time.perf_counter() - start, str(exc)))
        return False  # tried again at the next change
    except KeyboardInterrupt:
        raise Interrupted(
            "each output file is whole, some may be from the update before; `kg run` brings all up to date"
        ) from None
    on_update(Update(result, time.perf_counter() - start))
    _load_model(resident)
    return False


def _load_model(resident: Resident) -> None:
    """An update that found every page stored loaded no model; load it now, while waiting,
    so that the next new page does not wait for it."""
    for extractor in resident.extractors.values():
        extractor.load()
