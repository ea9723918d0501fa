"""The HanLP backend's loading path, on a tiny model the project trained itself
(``python -m kg.train hanlp --out tests/data/extract/backends/hanlp_tiny --epochs 5``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.backends import BackendError, get_backend
from kg.schema import Sentence

pytest.importorskip("hanlp", reason="HanLP is optional: pip install kg[hanlp]")

TINY = Path(__file__).parents[2] / "data" / "extract" / "backends" / "hanlp_tiny"


def test_hanlp_backend_loads_saved_component() -> None:
    backend = get_backend("hanlp", model=str(TINY))
    text = "市长张百顺在北京市会见了客人。\n 华为技术有限公司董事长说 。"
    sentences = [Sentence(0, 15, text[:15]), Sentence(17, len(text), text[17:])]
    doc = backend.make_doc(text, sentences)
    assert doc.text == text
    assert {e.label_ for e in doc.ents} <= {"PERSON", "ORG", "LOC"}
    assert backend.fingerprint().startswith("hanlp-")


@pytest.mark.parametrize(
    ("model", "message"),
    [
        ("no_such_hanlp_model", "neither a directory nor a HanLP pretrained name"),
        ("MSRA_NER_BERT_BASE_ZH", "does not download"),  # a real name, never fetched at run time
        (str(Path(__file__).parent), "cannot load HanLP model"),  # a directory without a model
    ],
)
def test_hanlp_backend_bad_model_is_one_line(
    model: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HANLP_HOME", str(tmp_path))  # an empty HanLP cache
    with pytest.raises(BackendError) as info:
        get_backend("hanlp", model=model)
    assert "\n" not in str(info.value)
    assert message in str(info.value)
