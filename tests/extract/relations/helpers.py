"""Hand-made mentions in one or two sentences, and the relations found over them."""

from __future__ import annotations

from kg.extract.relations import find_relations
from kg.schema import Article, Extraction, Mention, Sentence


def _extraction(text: str, names: list[tuple[str, str]]) -> Extraction:
    """The text as one sentence, each (surface, type) a mention at its first place after the last."""
    mentions, pos = [], 0
    for surface, etype in names:
        start = text.index(surface, pos)
        mentions.append(Mention(start, start + len(surface), surface, etype, 0))
        pos = start + len(surface)
    return Extraction(article=_one_sentence(text), mentions=mentions)


def _found(text: str, names: list[tuple[str, str]]) -> set[tuple[str, str, str]]:
    return _triples(_extraction(text, names))


def _triples(extraction: Extraction) -> set[tuple[str, str, str]]:
    return {(r.relation, r.source, r.target) for r in find_relations(extraction)}


def _one_sentence(text: str) -> Article:
    return Article(id="t#0", source="t", text=text, sentences=[Sentence(0, len(text), text)])


def _two_sentences(text: str, cut: int) -> Article:
    return Article(
        id="t#0",
        source="t",
        text=text,
        sentences=[Sentence(0, cut, text[:cut]), Sentence(cut, len(text), text[cut:])],
    )
