from __future__ import annotations

from pathlib import Path

import pytest

from kg.readwrite import atomic
from kg.readwrite.atomic import atomic_write


@pytest.mark.parametrize(("mode", "payload"), [("w", "文本\n"), ("wb", "文本\n".encode())])
def test_atomic_write_replaces_target(tmp_path: Path, mode: str, payload: str | bytes) -> None:
    target = tmp_path / "sub" / "out.txt"
    with atomic_write(target, mode) as handle:
        handle.write(payload)
    assert target.read_bytes() == "文本\n".encode()
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.txt"]


@pytest.mark.parametrize("existing", [None, "old content"])
def test_atomic_write_leaves_no_partial_file_when_writer_raises(
    tmp_path: Path, existing: str | None
) -> None:
    target = tmp_path / "out.txt"
    if existing is not None:
        target.write_text(existing, encoding="utf-8")
    with pytest.raises(RuntimeError, match="midway"), atomic_write(target) as handle:
        handle.write("half of the ")
        raise RuntimeError("writer failed midway")
    if existing is None:
        assert not target.exists()
    else:
        assert target.read_text(encoding="utf-8") == existing
    assert [p.name for p in tmp_path.iterdir()] == ([] if existing is None else ["out.txt"])


def test_atomic_write_keeps_permissions_of_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("x")
    target.chmod(0o640)
    with atomic_write(target) as handle:
        handle.write("y")
    assert target.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("mode", ["a", "r", "w+"])
def test_atomic_write_rejects_other_modes(tmp_path: Path, mode: str) -> None:
    with pytest.raises(ValueError, match="mode"), atomic_write(tmp_path / "x", mode):
        pass


def test_atomic_write_fsync_failure_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"), atomic_write(tmp_path / "out.txt") as handle:
        handle.write("content")
    assert list(tmp_path.iterdir()) == []
