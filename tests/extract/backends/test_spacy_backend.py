"""The spaCy backend on the model the project ships (models/zh_msra_ner)."""

from __future__ import annotations

from itertools import pairwise

import pytest

from kg.extract.backends import get_backend
from kg.extract.backends.spacy_backend import SpacyBackend, default_model_path
from kg.schema import Sentence

LABELS = {"PERSON", "ORG", "LOC"}


@pytest.fixture(scope="module")
def backend() -> SpacyBackend:
    return get_backend("spacy")  # type: ignore[return-value]


def _sentences(text: str, cuts: list[int]) -> list[Sentence]:
    bounds = [0, *cuts, len(text)]
    return [Sentence(s, e, text[s:e]) for s, e in pairwise(bounds) if e > s]


def test_spacy_backend_default_model_is_shipped() -> None:
    assert (default_model_path() / "config.cfg").exists()


@pytest.mark.parametrize(
    ("text", "cuts"),
    [
        ("市委副书记、市长张百顺在北京市会见了华为技术有限公司董事长。", []),
        ("市长张百顺在北京市会见了客人。\n 他说, 今年 GDP 增长5%。", [15, 17]),
        ("", []),
    ],
)
def test_spacy_backend_doc_keeps_text(backend: SpacyBackend, text: str, cuts: list[int]) -> None:
    sentences = _sentences(text, cuts)
    doc = backend.make_doc(text, sentences)
    assert doc.text == text
    assert {e.label_ for e in doc.ents} <= LABELS
    starts = {t.idx for t in doc if t.is_sent_start}
    assert {s.start for s in sentences} <= starts


def test_spacy_backend_finds_entities(backend: SpacyBackend) -> None:
    text = "市委副书记、市长张百顺在北京市会见了华为技术有限公司董事长。"
    doc = backend.make_doc(text, _sentences(text, []))
    found = {(e.text, e.label_) for e in doc.ents}
    # robust facts only: a name after 市长 is a person, the capital is a place
    assert any(label == "PERSON" and "张百顺" in t for t, label in found), found
    assert any(label == "LOC" and "北京" in t for t, label in found), found


def test_spacy_backend_fingerprint_is_stable(backend: SpacyBackend) -> None:
    fp = backend.fingerprint()
    assert fp.startswith("spacy-zh_") and fp == backend.fingerprint()
