import re

import pytest

from kg.extract import Extractor
from kg.schema import Article, Sentence


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(
        backend="lac"
    )  # the rules' mechanisms on LAC's words; tests/extract/test_tagger_paths.py on the default


def make_article(text: str, *, dateline: str | None = None, article_id: str = "t#1") -> Article:
    sentences = [
        Sentence(m.start(), m.end(), m.group()) for m in re.finditer(r"[^。！？\n]+[。！？]?", text)
    ]
    return Article(id=article_id, source="test", text=text, dateline=dateline, sentences=sentences)


@pytest.fixture(scope="session")
def extract(extractor):
    def run(text: str, **kwargs):
        return extractor.extract(make_article(text, **kwargs))

    return run
