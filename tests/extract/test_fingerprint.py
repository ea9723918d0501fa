"""The extractor fingerprint decides which stored extractions a run may reuse."""

from __future__ import annotations

import shutil
from pathlib import Path

from kg.extract import Extractor
from kg.extract.pipeline import code_fingerprint

PACKAGE = Path(__file__).resolve().parents[2] / "kg" / "extract"


def test_code_fingerprint_changes_with_the_extraction_code(tmp_path: Path) -> None:
    copy = tmp_path / "extract"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "lexicons"))
    before = code_fingerprint(copy)
    assert code_fingerprint(copy) == before
    spans = copy / "spans.py"
    spans.write_text(spans.read_text(encoding="utf-8") + "\n# a rule changed\n", encoding="utf-8")
    assert code_fingerprint(copy) != before


def test_extractor_fingerprint_is_stable_and_names_the_code() -> None:
    assert Extractor().fingerprint() == Extractor().fingerprint()
    assert code_fingerprint() == code_fingerprint(PACKAGE)
