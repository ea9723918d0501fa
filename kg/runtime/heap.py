"""The run's long-lived objects and the cyclic garbage collector."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_gc(*, freeze: bool = False) -> Iterator[None]:
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
def frozen_for_the_run() -> Iterator[None]:
    """What the run froze away from the cyclic GC (stored records, the graph) is the caller's
    heap again when it ends, however it ends."""
    frozen = gc.get_freeze_count()
    try:
        yield
    finally:
        if gc.get_freeze_count() > frozen:
            gc.unfreeze()
