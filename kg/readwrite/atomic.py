"""Atomic file writes: write a temp file beside the target, then ``os.replace`` it; and a
run's outputs as one generation (``generation``): all of them replace the previous ones, or
none does.

A crash or an exception midway leaves the previous file (or no file) in place, never a
half-written one. Reusable by any stage that writes files.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any


def _target_mode(path: Path) -> int:
    """Permission bits the final file should get (mkstemp creates 0600 files)."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)  # reading the umask means setting it; put it straight back
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def atomic_write(
    path: str | os.PathLike[str],
    mode: str = "w",
    *,
    encoding: str = "utf-8",
    newline: str | None = None,
) -> Iterator[IO[Any]]:
    """Open a temp file in ``path``'s folder for writing; move it onto ``path`` on success.

    ``mode`` is ``"w"`` (text, with ``encoding``/``newline``) or ``"wb"`` (bytes). The parent
    folder is created if missing. On any exception the temp file is removed and the
    exception propagates; ``path`` is untouched.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_write mode must be 'w' or 'wb', not {mode!r}")
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    final_mode = _target_mode(target)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        if mode == "wb":
            handle: IO[Any] = os.fdopen(fd, "wb")
        else:
            handle = os.fdopen(fd, "w", encoding=encoding, newline=newline)
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, final_mode)
        os.replace(tmp_name, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


# --- one generation of outputs --------------------------------------------------------------
#
# A run writes its outputs into <out>/.kg-next/, then writes .kg-next/.kg-manifest (the
# commit point), then moves each top-level entry into <out> (ego/ as a whole folder), removes
# what the previous generation wrote and this one did not, and moves the manifest to
# <out>/.kg-manifest. A crash before the commit point leaves the previous generation as
# it was; a crash after it is finished by the next kg command on the folder (``settle``).

STAGE = ".kg-next"
OLD = ".kg-old"
MANIFEST = ".kg-manifest"  # JSON: {"files": [...]}
# tempfile.mkstemp names of atomic_write: .<name>.<8 characters>.tmp
_ORPHAN = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        with suppress(FileNotFoundError):
            path.unlink()


def generation_files(out: str | os.PathLike[str]) -> list[str]:
    """The files (relative, "/"-separated) of the generation now in ``out``; [] when none."""
    try:
        return list(json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8"))["files"])
    except (OSError, ValueError, KeyError, TypeError):
        return []


def settle(out: str | os.PathLike[str]) -> None:
    """Leave ``out`` holding one complete generation: finish a committed one a crash cut
    short, drop an uncommitted one, and remove temp files a killed writer left. Call it while
    holding the folder's lock."""
    out = Path(out)
    stage = out / STAGE
    if (stage / MANIFEST).is_file():
        _apply(out)
    elif stage.exists():
        _remove(stage)
    if (out / OLD).exists():
        _remove(out / OLD)
    for folder in (out, out / "ego"):
        with suppress(OSError):
            for entry in os.scandir(folder):
                if entry.is_file(follow_symlinks=False) and _ORPHAN.match(entry.name):
                    with suppress(FileNotFoundError):
                        os.unlink(entry.path)


def _apply(out: Path) -> None:
    """Move a committed generation from the stage into ``out`` (safe to repeat after a crash)."""
    stage, old = out / STAGE, out / OLD
    files = json.loads((stage / MANIFEST).read_text(encoding="utf-8"))["files"]
    tops = sorted({name.split("/", 1)[0] for name in files})
    old.mkdir(exist_ok=True)
    for top in tops:
        source, target = stage / top, out / top
        if not os.path.lexists(source):
            continue  # moved before a crash
        if source.is_dir() and os.path.lexists(target):
            if os.path.lexists(old / top):
                _remove(old / top)
            os.replace(target, old / top)  # a folder cannot replace a folder that has files
        os.replace(source, target)
    for name in generation_files(out):
        if name.split("/", 1)[0] not in tops:  # the previous generation's, not written again
            _remove(out / name.split("/", 1)[0])
    os.replace(stage / MANIFEST, out / MANIFEST)
    _fsync_dir(out)
    _remove(stage)
    _remove(old)


@contextmanager
def generation(out: str | os.PathLike[str]) -> Iterator[Path]:
    """A folder to write a run's outputs into; when the block ends without an exception they
    become ``out``'s outputs together, replacing the previous generation's. On an exception
    (a full disk, Ctrl-C) they are removed and ``out`` keeps the previous generation."""
    out = Path(out)
    settle(out)
    stage = out / STAGE
    stage.mkdir(parents=True)
    try:
        yield stage
        files = sorted(p.relative_to(stage).as_posix() for p in stage.rglob("*") if p.is_file())
        for folder in {stage, *(p.parent for p in stage.rglob("*") if p.is_file())}:
            _fsync_dir(folder)
        with atomic_write(stage / MANIFEST) as handle:  # the commit point
            json.dump({"files": files}, handle, ensure_ascii=False, indent=0)
    except BaseException:
        with suppress(OSError):
            _remove(stage)
        raise
    _apply(out)
