from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kg.runtime.lock import LOCK_NAME, LockedError, output_lock

REPO = Path(__file__).resolve().parents[2]


def hold_lock_in_child(out: Path, *, release: bool) -> subprocess.Popen[str]:
    """A child process that takes the lock, says 'ready', then waits for a line on stdin."""
    end = "" if release else "os._exit(0)"
    code = textwrap.dedent(
        f"""
        import os, sys
        sys.path.insert(0, {str(REPO)!r})
        from kg.runtime.lock import output_lock
        with output_lock({str(out)!r}):
            print("ready", flush=True)
            sys.stdin.readline()
            {end}
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    return child


def test_lock_second_holder_in_same_process_fails(tmp_path: Path) -> None:
    with output_lock(tmp_path) as path:
        assert path == tmp_path / LOCK_NAME
        with pytest.raises(LockedError) as info, output_lock(tmp_path):
            pass
    assert str(info.value).startswith(f"another kg run is using {tmp_path} (pid {os.getpid()})")
    assert info.value.pid == os.getpid()


@pytest.mark.parametrize("release", [True, False], ids=["clean-exit", "killed"])
def test_lock_other_process_blocks_until_it_ends(tmp_path: Path, release: bool) -> None:
    out = tmp_path / "out"
    child = hold_lock_in_child(out, release=release)
    try:
        with (
            pytest.raises(LockedError, match=rf"another kg run is using .*out \(pid {child.pid}\)"),
            output_lock(out),
        ):
            pass
    finally:
        child.communicate("go\n", timeout=30)
    # Released on exit, and also when the holder dies without cleanup (kernel drops flocks).
    with output_lock(out):
        pass


def test_lock_is_reusable_and_creates_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "new" / "out"
    for _ in range(2):
        with output_lock(out):
            assert (out / LOCK_NAME).read_text().strip() == str(os.getpid())
    assert (out / LOCK_NAME).read_text() == ""


def test_lock_released_when_block_raises(tmp_path: Path) -> None:
    with pytest.raises(ValueError), output_lock(tmp_path):
        raise ValueError("boom")
    with output_lock(tmp_path):
        pass
