"""The output folder as one generation: a reader finds all of one run's outputs or all of the
last run's, never a mix; stale pages go; no temp files stay; a kill -9 or a full disk while
writing leaves the last generation. Old generation: tests/data/readwrite/generation/."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.readwrite.atomic import (
    MANIFEST,
    OLD,
    STAGE,
    atomic_write,
    generation,
    generation_files,
    settle,
)

OLD_FILES = Path(__file__).resolve().parents[1] / "data" / "readwrite" / "generation"
ROOT = Path(__file__).resolve().parents[2]
NEW = {
    "graph.json": '{"new": "generation 2"}\n',
    "index.html": "<p>generation 2</p>\n",
    "ego/kept.html": "<p>2</p>\n",
}


def _old_generation(out: Path) -> dict[str, str]:
    """Write the old generation through ``generation``; returns its files and contents."""
    with generation(out) as stage:
        (stage / "ego").mkdir()
        for name in ("graph.json", "index.html"):
            shutil.copy(OLD_FILES / name, stage / name)
        shutil.copy(OLD_FILES / "stale_ego.html", stage / "ego" / "stale.html")
    (out / "kg.sqlite").write_bytes(b"not an output: kept")
    return _snapshot(out)


def _write_new(stage: Path) -> None:
    for name, text in NEW.items():
        with atomic_write(stage / name) as handle:
            handle.write(text)


def _snapshot(out: Path) -> dict[str, str]:
    return {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


def _new_generation_only(out: Path) -> None:
    files = _snapshot(out)
    assert {k: v for k, v in files.items() if k in NEW} == NEW
    assert set(files) == {*NEW, MANIFEST, "kg.sqlite"}  # the stale ego page is gone, no .tmp
    assert sorted(generation_files(out)) == sorted(NEW)


def test_a_generation_replaces_the_last_one_and_removes_its_stale_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    old = _old_generation(out)
    assert "ego/stale.html" in old and "kg.sqlite" in old
    with generation(out) as stage:
        _write_new(stage)
    _new_generation_only(out)


def test_an_error_while_writing_keeps_the_last_generation(tmp_path: Path) -> None:
    out = tmp_path / "out"
    old = _old_generation(out)
    with pytest.raises(RuntimeError, match="midway"), generation(out) as stage:
        _write_new(stage)
        raise RuntimeError("writer failed midway")
    assert _snapshot(out) == old


def test_settle_removes_orphan_temp_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    old = _old_generation(out)
    orphans = [out / ".graph.json.abc123_x.tmp", out / "ego" / ".stale.html.zz99zz99.tmp"]
    for orphan in orphans:
        orphan.write_text("half a file", encoding="utf-8")
    (out / "notes.tmp").write_text("the user's", encoding="utf-8")  # not one of ours: kept
    settle(out)
    assert _snapshot(out) == {**old, "notes.tmp": "the user's"}


DRIVER = """
import os, signal, sys
from pathlib import Path
from kg.readwrite import atomic
out, where = Path(sys.argv[1]), sys.argv[2]
die = lambda *_: os.kill(os.getpid(), signal.SIGKILL)
if where == "committed":
    atomic._apply = die
if where == "moving":
    real, calls = os.replace, []
    def replace(a, b):
        if atomic.STAGE not in str(b):  # a move out of the stage: kill before the second
            calls.append(a)
            if len(calls) == 2:
                die()
        real(a, b)
    atomic.os.replace = replace
with atomic.generation(out) as stage:
    for name, text in {new!r}.items():
        with atomic.atomic_write(stage / name) as handle:
            handle.write(text)
        if where == "writing" and name == "index.html":
            die()
"""


@pytest.mark.parametrize("where", ["writing", "committed", "moving"])
def test_kill_9_while_writing_outputs(tmp_path: Path, where: str) -> None:
    out = tmp_path / "out"
    old = _old_generation(out)
    killed = subprocess.run(
        [sys.executable, "-c", DRIVER.replace("{new!r}", repr(NEW)), str(out), where],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        check=False,
    )
    assert killed.returncode == -9, killed.stderr
    if where == "writing":  # before the commit point: the last generation, as it was
        assert {k: v for k, v in _snapshot(out).items() if not k.startswith(STAGE)} == old
        settle(out)
        assert _snapshot(out) == old
    else:  # committed: the next kg command on the folder finishes the move
        assert (out / STAGE / MANIFEST).is_file()
        settle(out)
        _new_generation_only(out)
    assert not (out / STAGE).exists() and not (out / OLD).exists()


def test_full_disk_while_writing_keeps_the_last_generation(small_disk) -> None:
    out = small_disk() / "out"
    old = _old_generation(out)
    with pytest.raises(OSError) as err, generation(out) as stage:
        _write_new(stage)
        with atomic_write(stage / "graph.graphml", "wb") as handle:
            for _ in range(64):
                handle.write(b"x" * 32768)  # 2 MiB onto a 1 MiB disk
    assert err.value.errno == errno.ENOSPC
    assert _snapshot(out) == old
