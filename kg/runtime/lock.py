"""One kg run per output folder: an exclusive ``flock`` on ``<out>/.kg.lock``.

The kernel drops the lock when the process dies, so a crashed run never leaves a stale lock
behind; the file itself stays (deleting it would race with a run that just opened it).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".kg.lock"


class LockedError(RuntimeError):
    """Another kg run holds the output folder."""

    def __init__(self, out_dir: Path, pid: int | None) -> None:
        who = f"pid {pid}" if pid is not None else "pid unknown"
        super().__init__(
            f"another kg run is using {out_dir} ({who}); wait for it to finish or choose "
            "another output folder"
        )
        self.out_dir = out_dir
        self.pid = pid


def _read_pid(fd: int) -> int | None:
    try:
        raw = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        return int(raw) if raw else None
    except (OSError, ValueError):
        return None


@contextmanager
def output_lock(out_dir: str | Path) -> Iterator[Path]:
    """Hold ``out_dir`` exclusively for the ``with`` block; raise LockedError at once if taken.

    Yields the lock file's path. The folder is created when missing.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / LOCK_NAME
    # O_RDWR without O_TRUNC: the holder's pid must survive our open so we can report it.
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockedError(out_dir, _read_pid(fd)) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield path
        finally:
            os.ftruncate(fd, 0)  # no pid left behind for a lock nobody holds
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
