"""kg's cache folder: ``$KG_CACHE``, else ``~/.cache/kg``.

It holds what kg derives from installed data once and reuses in later processes (the MSRA
corpus, the parsed administrative divisions). Nothing in it is needed: a cache that cannot
be read or written only costs time.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path


def cache_root() -> Path:
    env = os.environ.get("KG_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "kg"


def read_cached(name: str) -> bytes | None:
    """The bytes stored under ``name`` (a "/"-separated path in the cache), or None."""
    try:
        return (cache_root() / name).read_bytes()
    except OSError:
        return None


def write_cached(name: str, data: bytes, *, replaces: str | None = None) -> None:
    """Store ``data`` under ``name`` atomically (a reader never sees half a file), and remove
    the files beside it whose names start with ``replaces`` (older versions of the same data).
    Failures are ignored: a read-only home only means the work is done again next time."""
    # Imported here: kg.readwrite brings the graph writers (networkx) into a process that
    # extracts, and a write happens only when the cache missed.
    from kg.readwrite.atomic import atomic_write

    path = cache_root() / name
    with suppress(OSError):
        with atomic_write(path, "wb") as handle:
            handle.write(data)
        if replaces is not None:
            for old in path.parent.glob(f"{replaces}*"):
                if old != path:
                    with suppress(OSError):
                        old.unlink()
