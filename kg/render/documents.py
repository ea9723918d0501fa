"""The article text the article pages show, with where each entity is named in it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from kg.schema import Extraction


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    sentences: tuple[tuple[int, int], ...]  # (start, end) per sentence index
    links: tuple[tuple[int, int, str], ...]  # (start, end, entity id), sorted, not overlapping


def documents(
    extractions: Iterable[Extraction], mention_ids: Mapping[str, Sequence[str | None]]
) -> Iterator[Document]:
    """One Document per extraction; ``mention_ids`` (the resolver's) names each mention's
    entity, None for a mention that became none."""
    for ex in extractions:
        ids = mention_ids.get(ex.article.id, ())
        spans = sorted(
            (m.start, m.end, eid)
            for m, eid in zip(ex.mentions, ids, strict=False)
            if eid is not None and 0 <= m.start < m.end <= len(ex.article.text)
        )
        links: list[tuple[int, int, str]] = []
        for start, end, eid in spans:
            if not links or start >= links[-1][1]:  # the first of overlapping spans wins
                links.append((start, end, eid))
        yield Document(
            id=ex.article.id,
            text=ex.article.text,
            sentences=tuple((s.start, s.end) for s in ex.article.sentences),
            links=tuple(links),
        )
