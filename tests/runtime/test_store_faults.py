"""The store keeps text safely and survives damage: lone surrogates are stored as U+FFFD, and
``Store.fresh`` moves a damaged file aside (tests/data/faults/damaged.sqlite) instead of failing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.runtime.store import DAMAGED_SUFFIX, Store, StoreError
from kg.schema import Article, Extraction, Mention, Sentence

DAMAGED = Path(__file__).resolve().parents[1] / "data" / "faults" / "damaged.sqlite"


def test_lone_surrogates_are_stored_as_replacement_characters(tmp_path: Path) -> None:
    text = "李强\ud800出席。"
    article = Article(
        id="a\udc80", source="s\ud800.txt", text=text, sentences=[Sentence(0, len(text), text)]
    )
    ex = Extraction(article=article, mentions=[Mention(0, 2, "李强", "PERSON", 0)])
    with Store(tmp_path) as store:
        store.put(ex, "fp")
        store.put_sources([("p\ud800", 1, 2, "r", ["a\udc80"], ["bad \ud800"])])
        assert store.ids() == {"a\ufffd"}
        (got,) = store.all("fp")
        assert got.article.text == "李强\ufffd出席。" and got.mentions[0].text == "李强"
        assert store.source("p\ud800", 1, 2, "r") == (["a\ufffd"], ["bad \ufffd"])


def test_a_damaged_store_is_refused_with_the_way_out(tmp_path: Path) -> None:
    shutil.copy(DAMAGED, tmp_path / "kg.sqlite")
    with pytest.raises(StoreError, match="--fresh"):
        Store(tmp_path / "kg.sqlite")


def test_fresh_moves_a_damaged_store_aside(tmp_path: Path) -> None:
    path = tmp_path / "kg.sqlite"
    shutil.copy(DAMAGED, path)
    store, aside = Store.fresh(path)
    with store:
        assert len(store) == 0
    assert aside == tmp_path / f"kg.sqlite{DAMAGED_SUFFIX}"
    assert aside.read_bytes() == DAMAGED.read_bytes()
    again, aside = Store.fresh(path)  # a good store is only cleared
    again.close()
    assert aside is None
