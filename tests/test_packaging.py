"""A built wheel carries what kg reads at run time: every data file under kg/ matches a
package-data glob, and every file under models/ a data-files entry (pyproject.toml)."""

from __future__ import annotations

import fnmatch
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

ROOT = Path(__file__).resolve().parents[1]
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "setuptools"
]


def _source_data(folder: Path) -> list[Path]:
    return [
        path
        for path in folder.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    ]


def test_every_data_file_of_the_package_is_package_data():
    globs = SETUPTOOLS["package-data"]["kg"]
    package = ROOT / "kg"
    # setuptools' "**/*.tsv" matches at any depth, the top folder included
    missing = [
        path.relative_to(package).as_posix()
        for path in _source_data(package)
        if not any(fnmatch.fnmatch(path.name, glob.split("/")[-1]) for glob in globs)
    ]
    assert missing == []


def test_every_model_file_is_installed_by_data_files():
    listed = {
        (ROOT / name).resolve()
        for patterns in SETUPTOOLS["data-files"].values()
        for pattern in patterns
        for name in (p.relative_to(ROOT) for p in ROOT.glob(pattern))
    }
    missing = [
        path.relative_to(ROOT).as_posix()
        for path in _source_data(ROOT / "models")
        if path.resolve() not in listed
    ]
    assert missing == []


def test_models_dir_is_the_checkouts_models_folder():
    from kg.extract.backends import models_dir

    assert models_dir() == ROOT / "models"
