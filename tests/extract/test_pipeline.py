"""Extractor.extract_many: many articles at once give what each gives alone, with a backend that
tags them together (LAC) or one that only knows make_doc."""

from __future__ import annotations

from pathlib import Path

from kg.extract import Extractor
from kg.ingest import read_articles

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


class OneByOne:
    """A backend without make_docs."""

    name = "one-by-one"

    def __init__(self, inner) -> None:  # type: ignore[no-untyped-def]
        self.inner = inner

    def make_doc(self, text, sentences):  # type: ignore[no-untyped-def]
        return self.inner.make_doc(text, sentences)


def test_extract_many_same_as_one_by_one(extractor: Extractor) -> None:
    articles = list(read_articles(sorted(SEEDS.glob("*.txt"))[:10]))
    alone = [extractor.extract(a) for a in articles]
    assert sum(len(e.mentions) for e in alone) > 100
    assert extractor.extract_many(articles) == alone
    assert extractor.extract_many([]) == []
    plain = Extractor()
    plain._backend = OneByOne(extractor.backend)
    assert plain.extract_many(articles) == alone
