"""The house style holds in the suite, so CI keeps it: ruff's checks (line length and complexity
included, pyproject.toml) and its formatter, over the code, the tests and the benchmarks."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PATHS = ["kg", "tests", "benchmarks"]


def _ruff(*args: str) -> subprocess.CompletedProcess:
    exe = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if exe is None:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    return subprocess.run(
        [exe, *args, *PATHS], check=False, cwd=ROOT, capture_output=True, text=True
    )


def test_ruff_check_is_clean():
    done = _ruff("check", "--output-format", "concise")
    assert done.returncode == 0, done.stdout[-3000:]


def test_ruff_format_leaves_every_file_as_it_is():
    done = _ruff("format", "--check")
    assert done.returncode == 0, done.stdout[-3000:]
