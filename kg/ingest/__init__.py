"""Ingest: files -> :class:`kg.schema.Article` records.

    from kg.ingest import read_articles
    for article in read_articles(["seeds/"], on_error=lambda path, why: print(path, why)):
        ...

``.txt`` files are newspaper pages (split into articles, ids ``<stem>#<n>``); ``.jsonl`` files
hold one article per line (``text`` plus optional ``id``, ``title``, ``date``, ``source``).
Folders are walked recursively in sorted order. A bad file, or a bad JSONL line, is reported
through ``on_error(path, reason)`` and skipped; without ``on_error`` it raises IngestError.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.ingest.byline import parse_byline
from kg.ingest.clean import clean_text
from kg.ingest.dates import article_date, normalize_date, year_from_name, year_of
from kg.ingest.layout import paragraphs
from kg.ingest.lead import parse_lead
from kg.ingest.readers import IngestError, Record, iter_jsonl, read_text
from kg.ingest.sentences import split_sentences
from kg.ingest.split import Draft, Kind, classify, is_headline, join_title, split_page
from kg.schema import Article, BylinePerson

__all__ = [
    "SUFFIXES",
    "IngestError",
    "articles_from_page",
    "articles_from_record",
    "iter_files",
    "read_articles",
    "reader_fingerprint",
]

SUFFIXES = (".txt", ".jsonl")
ErrorHandler = Callable[[Path, str], None]


@functools.cache
def reader_fingerprint() -> str:
    """Changes when the code or data that turn a file into articles change: a run may then
    not reuse what an earlier run read from an unchanged file."""
    h = hashlib.sha1()
    package = Path(__file__).parent
    for path in sorted([*package.glob("*.py"), *package.glob("data/*")]):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _report(path: Path, reason: str, on_error: ErrorHandler | None) -> None:
    if on_error is None:
        raise IngestError(f"{path}: {reason}")
    on_error(path, reason)


def iter_files(
    paths: Iterable[str | Path], *, on_error: ErrorHandler | None = None
) -> Iterator[Path]:
    """Files named, and *.txt / *.jsonl under folders named (recursive, sorted, no hidden)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = [
                f
                for f in path.rglob("*")
                if f.is_file()
                and f.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(path).parts)
            ]
            yield from sorted(found, key=lambda f: f.relative_to(path).as_posix())
        elif path.is_file():
            yield path
        else:
            _report(path, "no such file or folder", on_error)


def read_articles(
    paths: Iterable[str | Path], *, on_error: ErrorHandler | None = None
) -> Iterator[Article]:
    """Articles of every file in ``paths``, in order; bad input goes to ``on_error``."""
    for path in iter_files(paths, on_error=on_error):
        try:
            text = read_text(path)
        except IngestError as err:
            _report(path, str(err), on_error)
            continue
        if path.suffix.lower() == ".jsonl":

            def line_error(line: int, reason: str, path: Path = path) -> None:
                _report(path, reason, on_error)

            for record in iter_jsonl(text, on_line_error=line_error):
                try:
                    yield articles_from_record(record, source=str(path), stem=path.stem)
                except IngestError as err:
                    line_error(record.line, str(err))
        else:
            articles = articles_from_page(text, source=str(path), stem=path.stem)
            if not articles:
                _report(path, "no article text found", on_error)
            yield from articles


def _people(draft: Draft) -> list[BylinePerson]:
    texts = (
        [draft.lead.byline] if draft.lead is not None and draft.lead.byline else []
    ) + draft.bylines
    people: list[BylinePerson] = []
    for text in texts:
        for person in parse_byline(text):
            if person not in people:
                people.append(person)
    return people


def _build(
    draft: Draft,
    *,
    id: str,
    source: str,
    year: int | None,
    year_source: str = "file name",
    date: str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> Article:
    text = "\n".join(p.strip() for p in draft.paragraphs if p.strip())
    if date is not None:
        date_source: str | None = "field"
    else:
        date, date_source = article_date(text, year=year, year_source=year_source)
    return Article(
        id=id,
        source=source,
        text=text,
        title=title if title is not None else draft.final_title,
        dateline=draft.lead.dateline if draft.lead is not None else None,
        date=date,
        date_source=date_source,
        url=url,
        byline=_people(draft),
        sentences=split_sentences(text),
    )


def articles_from_page(text: str, *, source: str, stem: str) -> list[Article]:
    """A newspaper page's articles (ids ``<stem>#1``, ``#2`` ... in page order)."""
    cleaned = clean_text(text)
    year, year_source = year_from_name(stem), "file name"
    if year is None:
        year, year_source = year_of(cleaned), "text"
    drafts = split_page(paragraphs(cleaned))
    return [
        _build(d, id=f"{stem}#{n}", source=source, year=year, year_source=year_source)
        for n, d in enumerate(drafts, start=1)
    ]


def _single_draft(text: str) -> Draft:
    """All of a text as one article: lead, bylines and a leading headline taken out."""
    draft = Draft()
    paras = paragraphs(text)
    for k, p in enumerate(paras):
        kind = classify(p)
        if kind is Kind.BYLINE:
            draft.bylines.append(p.text)
        elif kind is Kind.LEAD and draft.lead is None and not draft.paragraphs:
            draft.lead = parse_lead(p.text)
            if draft.lead is not None and draft.lead.rest:
                draft.paragraphs.append(draft.lead.rest)
        elif k == 0 and len(paras) > 1 and is_headline(p.text):
            draft.pending_title = join_title([p.text])
        else:
            draft.paragraphs.append(p.text)
    return draft


def articles_from_record(record: Record, *, source: str, stem: str) -> Article:
    """One JSONL record as an article; its own id, title, date and source win."""
    cleaned = clean_text(record.text)
    draft = _single_draft(cleaned)
    date = normalize_date(record.date) if record.date is not None else None
    year = int(date[:4]) if date is not None else year_from_name(stem)
    title = clean_text(record.title).strip() if record.title is not None else None
    if not any(p.strip() for p in draft.paragraphs):
        raise IngestError(f"line {record.line}: no article text (only a byline or headline)")
    return _build(
        draft,
        id=record.id if record.id is not None else f"{stem}#{record.line}",
        source=record.source if record.source is not None else source,
        year=year,
        date=date,
        title=title or None,
        url=record.url,
    )
