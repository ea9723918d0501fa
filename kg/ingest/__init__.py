"""Ingest: files -> :class:`kg.schema.Article` records.

    from kg.ingest import read_articles
    for article in read_articles(["seeds/"], on_error=lambda path, why: print(path, why)):
        ...

``.txt`` files are newspaper pages (split into articles, ids ``<stem>#<n>``); ``.jsonl`` files
hold one article per line (``text`` plus optional ``id``, ``title``, ``date``, ``source``).
Folders are walked recursively in sorted order, following links to folders (each folder
once). A bad file, or a bad JSONL line, is reported through ``on_error(path, reason)`` and
skipped; without ``on_error`` it raises IngestError. A file read in spite of a flaw (a few
undecodable bytes) is reported the same way, with a reason that ``is_warning``.
"""

from __future__ import annotations

import functools
import hashlib
import os
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePath

from kg.ingest.byline import parse_byline
from kg.ingest.clean import clean_text
from kg.ingest.dates import article_date, normalize_date, year_from_name, year_of
from kg.ingest.layout import paragraphs
from kg.ingest.lead import parse_lead
from kg.ingest.readers import (
    WARNING,
    IngestError,
    Record,
    decode_bytes,
    is_warning,
    iter_jsonl,
    jsonl_lines,
    path_text,
    read_bytes,
)
from kg.ingest.sentences import split_sentences
from kg.ingest.split import Draft, Kind, classify, is_headline, join_title, split_page
from kg.schema import Article, BylinePerson

__all__ = [
    "SUFFIXES",
    "IngestError",
    "articles_from_page",
    "articles_from_record",
    "is_warning",
    "iter_files",
    "path_text",
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
    """Files named (regular files and pipes), and *.txt / *.jsonl under folders named
    (recursive, following links to folders, sorted, no hidden)."""
    for raw in paths:
        path = Path(raw)
        try:
            mode = path.stat().st_mode
        except OSError as err:
            missing = isinstance(err, FileNotFoundError)
            _report(
                path,
                "no such file or folder" if missing else f"cannot read: {err.strerror}",
                on_error,
            )
            continue
        if stat.S_ISDIR(mode):
            found = list(_walk(path, on_error))
            yield from sorted(found, key=lambda f: f.relative_to(path).as_posix())
        elif stat.S_ISREG(mode) or stat.S_ISFIFO(mode):  # a pipe: kg run <(zcat pages.txt.gz)
            yield path
        else:
            _report(path, "not a regular file, folder or pipe", on_error)


def _walk(root: Path, on_error: ErrorHandler | None) -> Iterator[Path]:
    """*.txt / *.jsonl under ``root``. Links to folders are followed, each folder read once
    (a link back up would loop); a folder that cannot be read is reported, and so are, in one
    warning, the files of other kinds it holds."""
    seen: set[tuple[int, int]] = set()

    def unreadable(err: OSError) -> None:
        _report(Path(err.filename), f"cannot read folder: {err.strerror}", on_error)

    others: Counter[str] = Counter()
    for folder, dirs, files in os.walk(root, onerror=unreadable, followlinks=True):
        here = Path(folder)
        try:
            info = here.stat()
        except OSError as err:
            unreadable(err)
            dirs[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            file = here / name
            if name.startswith(".") or not file.is_file():
                continue
            if file.suffix.lower() in SUFFIXES:
                yield file
            else:
                others[path_text(file.suffix.lower() or file.name)] += 1
    if others and on_error is not None:
        # saved web pages or documents beside the pages: say so, or they vanish without a word
        kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(others.items())[:8])
        on_error(
            root,
            f"{WARNING}{others.total()} file(s) not read ({kinds}): kg reads .txt pages and .jsonl "
            "files in a folder",
        )


def read_articles(
    paths: Iterable[str | Path], *, on_error: ErrorHandler | None = None
) -> Iterator[Article]:
    """Articles of every file in ``paths``, in order; bad input goes to ``on_error``."""
    for path in iter_files(paths, on_error=on_error):

        def problem(reason: str, path: Path = path) -> None:
            if is_warning(reason) and on_error is None:
                return  # read all the same: nothing to raise
            _report(path, reason, on_error)

        source = path_text(path)
        stem = PurePath(source).stem
        try:
            data = read_bytes(path)
            if path.suffix.lower() == ".jsonl":
                lines = jsonl_lines(data, on_line_error=lambda _n, why: problem(why), warn=problem)
            else:
                text = decode_bytes(data, warn=problem)
        except IngestError as err:
            problem(str(err))
            continue
        if path.suffix.lower() == ".jsonl":
            for record in iter_jsonl(
                lines, on_line_error=lambda _n, why: problem(why), warn=problem
            ):
                try:
                    yield articles_from_record(record, source=source, stem=stem)
                except IngestError as err:
                    problem(str(err))
        else:
            articles = articles_from_page(text, source=source, stem=stem)
            if not articles:
                problem("no article text found")
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
