"""Incremental store: one embedded SQLite file next to the outputs (``<out>/kg.sqlite``).

Each article's Extraction is kept as one JSON document, keyed by the article id, together
with the article's content hash and the extractor fingerprint that produced it. A later run
reuses a stored Extraction only when both still match, so an edited page, a new model or
changed domain rules re-extract exactly what they affect.

Alongside the JSON, plain tables (``articles``, ``mentions``, ``roles``) are written for
people who want to query the results with SQL::

    sqlite3 out/kg.sqlite "select text, count(*) from mentions where type='ORG' group by 1"

A ``sources`` table remembers, per input file, its size, modification time and the ids of
the articles read from it (with any problem reported), so a re-run skips reading and parsing
files that have not changed, the way ``make`` or ``git status`` trust a file's stat.

Every write happens inside a transaction: a crash or Ctrl-C leaves the previous content.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import sqlite3
import types
import typing
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import orjson  # reads records a third faster than json (the bulk of a re-run's store load)

from kg.ingest.readers import without_surrogates
from kg.schema import Article, BylinePerson, Extraction, Mention, Relation, Role, Sentence

if TYPE_CHECKING:
    from typing_extensions import Self

STORE_NAME = "kg.sqlite"
SCHEMA_VERSION = 1  # bump when the tables below change shape

_T = TypeVar("_T")

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    hash TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    title TEXT,
    date TEXT,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    sentence INTEGER NOT NULL,
    source TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
CREATE INDEX IF NOT EXISTS mentions_text ON mentions(text, type);
CREATE TABLE IF NOT EXISTS roles (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person TEXT NOT NULL,
    title TEXT NOT NULL,
    org TEXT,
    org_type TEXT,
    sentence INTEGER NOT NULL,
    person_start INTEGER NOT NULL,
    org_start INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS roles_article ON roles(article_id);
CREATE INDEX IF NOT EXISTS roles_person ON roles(person);
CREATE TABLE IF NOT EXISTS sources (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    reader TEXT NOT NULL,
    ids TEXT NOT NULL,
    problems TEXT NOT NULL
);
"""


class StoreError(RuntimeError):
    """The store file cannot be used (newer schema, not a kg store ...)."""


DAMAGED_SUFFIX = ".damaged"


def _safe(row: tuple) -> tuple:
    """A row's text without lone surrogates, which SQLite's UTF-8 cannot hold."""
    return tuple(without_surrogates(v) if isinstance(v, str) else v for v in row)


# --- (de)serialisation -----------------------------------------------------------------


def content_hash(article: Article) -> str:
    """sha256 of everything extraction reads from an article.

    Beyond id, text, title, date and byline this also covers the dateline and the sentence
    split: mentions point into sentences by index, so a changed splitter must re-extract.
    ``source`` is left out on purpose: moving a file does not change what it says.
    """
    payload = [
        article.id,
        article.text,
        article.title,
        article.date,
        article.url,
        article.dateline,
        [[p.name, p.role] for p in article.byline],
        [[s.start, s.end] for s in article.sentences],
    ]
    return hashlib.sha256(
        json.dumps(payload, ensure_ascii=False).encode("utf-8", "surrogatepass")
    ).hexdigest()


def to_dict(extraction: Extraction) -> dict[str, Any]:
    return dataclasses.asdict(extraction)


def _build(tp: Any, value: Any) -> Any:
    """Rebuild ``value`` (plain JSON) as type ``tp``: dataclasses, lists, sets, optionals."""
    if value is None:
        return None
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _build(inner[0], value) if len(inner) == 1 else value
    if origin in (list, set, frozenset, tuple):
        item = args[0] if args else Any
        return origin(_build(item, v) for v in value)
    return value


@functools.cache
def _plan(cls: type) -> tuple[tuple[str, Any], ...]:
    """(field name, resolved type) of a dataclass: typing.get_type_hints is slow (it compiles
    the annotations each call) and a 10,000-article store calls this a third of a million times."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls) if f.init)


def from_dict(cls: type[_T], data: dict[str, Any]) -> _T:
    """Inverse of ``dataclasses.asdict`` for the schema's dataclasses.

    Unknown keys are ignored and missing ones take the field default, so an older record
    still loads; the store wipes records whose record layout changed anyway.
    """
    kwargs = {name: _build(tp, data[name]) for name, tp in _plan(cls) if name in data}
    return cls(**kwargs)


def _record(cls: type[_T], data: dict[str, Any]) -> _T:
    """A frozen dataclass from its own ``asdict`` output, without the frozen ``__init__``
    (one ``object.__setattr__`` per field: most of a re-run's loading time)."""
    obj = object.__new__(cls)
    obj.__dict__.update(data)
    return obj


def extraction_from_dict(data: dict[str, Any]) -> Extraction:
    """Fast path for the one record the store holds: no type introspection, no frozen
    ``__init__`` (a 10,000-article re-run spends its time here). Records of another layout never
    reach this: the store drops them when it opens (``record_layout``)."""
    a = data["article"]
    article = Article(
        id=a["id"],
        source=a["source"],
        text=a["text"],
        title=a.get("title"),
        dateline=a.get("dateline"),
        date=a.get("date"),
        date_source=a.get("date_source"),
        url=a.get("url"),
        byline=[_record(BylinePerson, b) for b in a.get("byline", ())],
        sentences=[_record(Sentence, x) for x in a.get("sentences", ())],
    )
    return Extraction(
        article=article,
        mentions=[_record(Mention, m) for m in data.get("mentions", ())],
        roles=[_record(Role, r) for r in data.get("roles", ())],
        relations=[_record(Relation, r) for r in data.get("relations", ())],
    )


def _layout(cls: Any, seen: set[str] | None = None) -> str:
    """A string describing the dataclass fields reachable from ``cls`` (names and types)."""
    seen = set() if seen is None else seen
    if cls.__name__ in seen:
        return cls.__name__
    seen.add(cls.__name__)
    parts = []
    for name, tp in typing.get_type_hints(cls).items():
        nested = [a for a in _walk_types(tp) if dataclasses.is_dataclass(a)]
        parts.append(f"{name}:{tp!r}" + "".join(_layout(n, seen) for n in nested))
    return f"{cls.__name__}({','.join(parts)})"


def _walk_types(tp: Any) -> Iterator[Any]:
    yield tp
    for arg in typing.get_args(tp):
        yield from _walk_types(arg)


def record_layout() -> str:
    """Hash of the Extraction record layout; stored rows are dropped when it changes."""
    return hashlib.sha1(_layout(Extraction).encode()).hexdigest()[:16]


# --- the store ----------------------------------------------------------------------------


class Store:
    """``with Store(out_dir) as store: ...`` — ``path`` is the .sqlite file or its folder."""

    def __init__(self, path: str | Path) -> None:
        path = Path(path)
        if path.is_dir():
            path = path / STORE_NAME
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a transaction is exactly
        # what `transaction()` wraps, nothing more and nothing less.
        self._db = sqlite3.connect(path, isolation_level=None)
        self._depth = 0
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL is still crash-safe
            self._db.execute("PRAGMA foreign_keys=ON")
            self._init_schema()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(
                f"{path} is not a usable kg store ({exc}); run with --fresh to move it aside "
                "and start a new one"
            ) from exc

    @classmethod
    def fresh(cls, path: str | Path) -> tuple[Store, Path | None]:
        """An empty store at ``path`` (``--fresh``). A store that cannot be opened or cleared
        (damaged, written by a newer kg) is moved aside to ``<name>.damaged``, not lost;
        returns the store and where the old one went (None when it was only cleared)."""
        path = Path(path)
        try:
            store = cls(path)
            try:
                store.clear()
            except sqlite3.DatabaseError:
                store.close()
                raise
            return store, None
        except (StoreError, sqlite3.DatabaseError):
            aside = path.with_name(path.name + DAMAGED_SUFFIX)
            for suffix in ("", "-wal", "-shm"):
                if os.path.lexists(f"{path}{suffix}"):
                    os.replace(f"{path}{suffix}", f"{aside}{suffix}")
            return cls(path), aside

    # context manager -------------------------------------------------------------------
    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all (nesting joins the outer one).

        Wrap many ``put`` calls in one transaction to write a batch fast.
        """
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:  # Ctrl-C included: nothing half-written survives
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")
        finally:
            self._depth = 0

    def _init_schema(self) -> None:
        with self.transaction():
            for statement in filter(str.strip, _TABLES.split(";")):
                self._db.execute(statement)
            meta = dict(self._db.execute("SELECT key, value FROM meta"))
            version = int(meta.get("schema_version", SCHEMA_VERSION))
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} was written by a newer kg (store schema {version}, "
                    f"this kg reads {SCHEMA_VERSION}); delete it or run with --fresh"
                )
            layout = record_layout()
            if meta.get("record_layout") not in (None, layout):
                # The Extraction dataclasses changed shape: stored JSON may not rebuild.
                self.clear()
            self._db.executemany(
                "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                [("schema_version", str(SCHEMA_VERSION)), ("record_layout", layout)],
            )

    # reads -----------------------------------------------------------------------------
    def get(self, article: Article, fingerprint: str) -> Extraction | None:
        """The stored Extraction for ``article``, or None when missing or out of date.

        On a hit the returned Extraction carries the given ``article`` object (same content,
        but e.g. its current ``source`` path).
        """
        row = self._db.execute(
            "SELECT hash, fingerprint, data FROM articles WHERE id = ?", _safe((article.id,))
        ).fetchone()
        if row is None or row[0] != content_hash(article) or row[1] != fingerprint:
            return None
        stored = extraction_from_dict(orjson.loads(row[2]))
        return Extraction(
            article=article,
            mentions=stored.mentions,
            roles=stored.roles,
            relations=stored.relations,
        )

    def get_many(self, ids: Iterable[str], fingerprint: str) -> dict[str, Extraction]:
        """Stored Extractions by article id, made with ``fingerprint``; no content check (the
        caller knows the files they came from are unchanged). Missing ids are left out."""
        wanted = set(ids)
        found: dict[str, Extraction] = {}
        rows = self._db.execute(
            "SELECT id, data FROM articles WHERE fingerprint = ?", (fingerprint,)
        )
        for article_id, data in rows:
            if article_id in wanted:
                found[article_id] = extraction_from_dict(orjson.loads(data))
        return found

    def source(
        self, path: str, size: int, mtime_ns: int, reader: str
    ) -> tuple[list[str], list[str]] | None:
        """(article ids, problems) read from ``path`` when it had this size and mtime and was
        read by the same reader; None otherwise."""
        row = self._db.execute(
            "SELECT size, mtime_ns, reader, ids, problems FROM sources WHERE path = ?",
            _safe((path,)),
        ).fetchone()
        if row is None or tuple(row[:3]) != (size, mtime_ns, reader):
            return None
        return json.loads(row[3]), json.loads(row[4])

    def put_sources(self, rows: Iterable[tuple[str, int, int, str, list[str], list[str]]]) -> None:
        """Remember (path, size, mtime_ns, reader, article ids, problems) per input file."""
        with self.transaction():
            self._write(
                "INSERT OR REPLACE INTO sources(path, size, mtime_ns, reader, ids, problems)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        path,
                        size,
                        mtime,
                        reader,
                        json.dumps(ids, ensure_ascii=False),
                        json.dumps(problems, ensure_ascii=False),
                    )
                    for path, size, mtime, reader, ids, problems in rows
                ],
            )

    def all(self, fingerprint: str) -> Iterator[Extraction]:
        """Every stored Extraction made with ``fingerprint``, ordered by article id."""
        rows = self._db.execute(
            "SELECT data FROM articles WHERE fingerprint = ? ORDER BY id", (fingerprint,)
        )
        for (data,) in rows:
            yield extraction_from_dict(orjson.loads(data))

    def ids(self) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT id FROM articles")}

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]

    # writes ----------------------------------------------------------------------------
    def put(self, extraction: Extraction, fingerprint: str) -> None:
        """Store (or replace) one article's Extraction."""
        self.put_many([extraction], fingerprint)

    def put_many(self, extractions: Iterable[Extraction], fingerprint: str) -> int:
        """Store many Extractions in one transaction; returns how many."""
        n = 0
        with self.transaction():
            for ex in extractions:
                self._put(ex, fingerprint)
                n += 1
        return n

    def _put(self, ex: Extraction, fingerprint: str) -> None:
        a = ex.article
        data = json.dumps(to_dict(ex), ensure_ascii=False, separators=(",", ":"))
        # Explicit deletes rather than relying on REPLACE: REPLACE does not fire cascades
        # unless recursive triggers are on.
        self._write("DELETE FROM mentions WHERE article_id = ?", [(a.id,)])
        self._write("DELETE FROM roles WHERE article_id = ?", [(a.id,)])
        self._write(
            "INSERT OR REPLACE INTO articles(id, source, hash, fingerprint, title, date, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(a.id, a.source, content_hash(a), fingerprint, a.title, a.date, data)],
        )
        self._write(
            'INSERT INTO mentions(article_id, start, "end", text, type, sentence, source)'
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(a.id, m.start, m.end, m.text, m.type, m.sentence, m.source) for m in ex.mentions],
        )
        self._write(
            "INSERT INTO roles(article_id, person, title, org, org_type, sentence,"
            " person_start, org_start) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    a.id,
                    r.person,
                    r.title,
                    r.org,
                    r.org_type,
                    r.sentence,
                    r.person_start,
                    r.org_start,
                )
                for r in ex.roles
            ],
        )

    def _write(self, sql: str, rows: list[tuple]) -> None:
        """``executemany``; text with lone surrogates (from a caller that did not read it
        through kg.ingest) is stored with U+FFFD in their place instead of failing."""
        try:
            self._db.executemany(sql, rows)
        except UnicodeEncodeError:
            self._db.executemany(sql, [_safe(row) for row in rows])

    def prune(self, keep_ids: Iterable[str]) -> int:
        """Delete articles whose id is not in ``keep_ids`` (pages removed from the input)."""
        with self.transaction():
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS keep(id TEXT PRIMARY KEY)")
            self._db.execute("DELETE FROM keep")
            self._db.executemany(
                "INSERT OR IGNORE INTO keep(id) VALUES (?)", ((i,) for i in keep_ids)
            )
            gone = "SELECT id FROM articles WHERE id NOT IN (SELECT id FROM keep)"
            self._db.execute(f"DELETE FROM mentions WHERE article_id IN ({gone})")
            self._db.execute(f"DELETE FROM roles WHERE article_id IN ({gone})")
            n = self._db.execute(
                "DELETE FROM articles WHERE id NOT IN (SELECT id FROM keep)"
            ).rowcount
            self._db.execute("DELETE FROM keep")
        return n

    def clear(self) -> None:
        """Forget every stored extraction (``--fresh``)."""
        with self.transaction():
            for table in ("mentions", "roles", "articles", "sources"):
                self._db.execute(f"DELETE FROM {table}")
