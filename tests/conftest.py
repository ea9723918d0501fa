"""Shared fixtures: one real pipeline run over seeds/ per test session (the LAC model and the
46 seed articles take ~10 s), and output folders that start from its store so later runs
reuse its extractions instead of paying for them again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: long-running test (deselect with -m 'not slow')")


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory: pytest.TempPathFactory):
    """RunResult of ``kg.pipeline.run([seeds/])``; its folder must be treated as read-only."""
    from kg.pipeline import run

    problems: list[tuple[Path, str]] = []
    result = run(
        [SEEDS],
        out=tmp_path_factory.mktemp("seeds_run"),
        on_error=lambda p, m: problems.append((p, m)),
    )
    assert problems == [], problems
    return result


@pytest.fixture
def seeded_out(seeds_run, tmp_path: Path) -> Path:
    """A fresh output folder holding a copy of the seeds run's store (and nothing else)."""
    from kg.runtime.store import STORE_NAME

    out = tmp_path / "out"
    out.mkdir()
    for path in seeds_run.out.glob(f"{STORE_NAME}*"):  # the .sqlite plus any WAL files
        shutil.copy2(path, out / path.name)
    return out


@pytest.fixture
def small_disk(tmp_path: Path):
    """``mount(options)``: a 1 MiB tmpfs under tmp_path mounted with ``options`` ("ro" for a
    read-only one). Needs root and mount(2); the test is skipped where the machine refuses."""
    import subprocess

    mounted: list[Path] = []

    def mount(options: str = "") -> Path:
        disk = tmp_path / f"disk{len(mounted)}"
        disk.mkdir()
        opts = ",".join(filter(None, [options, "size=1m"]))
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(disk)],
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.decode().strip()}")
        mounted.append(disk)
        return disk

    yield mount
    for disk in mounted:
        subprocess.run(["umount", "-l", str(disk)], check=False)
