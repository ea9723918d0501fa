"""get_backend: unknown names and missing models fail with one clear BackendError line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.backends import BackendError, get_backend, spacy_backend


def test_registry_unknown_backend_name() -> None:
    with pytest.raises(ValueError, match="nope"):
        get_backend("nope")


@pytest.mark.parametrize(
    "model",
    ["zh_no_such_pipeline_sm", "tests/data/extract/backends/does_not_exist"],
)
def test_registry_spacy_missing_model_is_one_line(model: str) -> None:
    with pytest.raises(BackendError) as info:
        get_backend("spacy", model=model)
    message = str(info.value)
    assert "\n" not in message
    assert "--model" in message and model in message


def test_registry_spacy_without_default_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spacy_backend, "default_model_path", lambda: tmp_path / "zh_msra_ner")
    with pytest.raises(BackendError) as info:
        get_backend("spacy")
    message = str(info.value)
    assert "\n" not in message
    assert str(tmp_path / "zh_msra_ner") in message and "python -m kg.train spacy" in message
