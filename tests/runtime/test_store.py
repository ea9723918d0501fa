from __future__ import annotations

import dataclasses
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kg.runtime.store import (
    SCHEMA_VERSION,
    STORE_NAME,
    Store,
    StoreError,
    content_hash,
    extraction_from_dict,
    to_dict,
)
from kg.schema import Article, BylinePerson, Extraction, Mention, Role, Sentence

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "store"
FP = "fp-1"


def make_extraction(
    article_id: str = "p1#1", text: str = "市长王某出席会议。甲公司开工。"
) -> Extraction:
    sentences = [Sentence(0, 9, text[0:9]), Sentence(9, len(text), text[9:])]
    article = Article(
        id=article_id,
        source="seeds/p1.txt",
        text=text,
        title="标题",
        dateline="某市",
        date="2024-12-20",
        byline=[BylinePerson("记者甲", "记者"), BylinePerson("通讯员乙", "通讯员")],
        sentences=sentences,
    )
    mentions = [
        Mention(2, 4, text[2:4], "PERSON", 0),
        Mention(9, 12, text[9:12], "ORG", 1, source="rule"),
    ]
    roles = [
        Role("王某", "市长", None, None, 0, person_start=2),
        Role("记者甲", "记者", "本报", "ORG", -1),
    ]
    return Extraction(article=article, mentions=mentions, roles=roles)


def test_store_round_trip_dict_is_exact() -> None:
    ex = make_extraction()
    back = extraction_from_dict(to_dict(ex))
    assert back == ex
    assert type(back.article.byline[0]) is BylinePerson
    assert type(back.article.sentences[0]) is Sentence
    assert type(back.roles[0]) is Role


def test_store_round_trip_through_sqlite_reopen(tmp_path: Path) -> None:
    ex = make_extraction()
    with Store(tmp_path) as store:
        store.put(ex, FP)
    with Store(tmp_path / STORE_NAME) as store:
        assert store.get(ex.article, FP) == ex
        assert list(store.all(FP)) == [ex]
        assert len(store) == 1


def changed(field: str, value: object) -> Article:
    return dataclasses.replace(make_extraction().article, **{field: value})


@pytest.mark.parametrize(
    ("article", "fingerprint", "hit"),
    [
        pytest.param(make_extraction().article, FP, True, id="same"),
        pytest.param(changed("source", "moved/p1.txt"), FP, True, id="moved-file-still-hits"),
        pytest.param(make_extraction().article, "fp-2", False, id="fingerprint"),
        pytest.param(changed("text", "市长王某出席会议。乙公司开工。"), FP, False, id="text"),
        pytest.param(changed("title", "新标题"), FP, False, id="title"),
        pytest.param(changed("date", "2024-12-21"), FP, False, id="date"),
        pytest.param(changed("dateline", None), FP, False, id="dateline"),
        pytest.param(changed("byline", [BylinePerson("记者甲", "记者")]), FP, False, id="byline"),
        pytest.param(changed("sentences", [Sentence(0, 15, "x")]), FP, False, id="sentences"),
        pytest.param(changed("id", "p1#2"), FP, False, id="other-id"),
    ],
)
def test_store_get_hit_and_miss(
    tmp_path: Path, article: Article, fingerprint: str, hit: bool
) -> None:
    ex = make_extraction()
    with Store(tmp_path) as store:
        store.put(ex, FP)
        got = store.get(article, fingerprint)
    if hit:
        assert got is not None
        assert got.article is article  # the caller's current article (e.g. its new source)
        assert (got.mentions, got.roles) == (ex.mentions, ex.roles)
    else:
        assert got is None


def test_store_content_hash_ignores_source_only() -> None:
    a = make_extraction().article
    assert content_hash(a) == content_hash(dataclasses.replace(a, source="elsewhere"))
    assert content_hash(a) != content_hash(dataclasses.replace(a, text=a.text + "。"))


def test_store_new_fingerprint_replaces_rows(tmp_path: Path) -> None:
    old = make_extraction()
    new = dataclasses.replace(old, mentions=old.mentions[:1], roles=[])
    with Store(tmp_path) as store:
        store.put(old, FP)
        store.put(new, "fp-2")
        assert list(store.all(FP)) == []
        assert list(store.all("fp-2")) == [new]
        db = sqlite3.connect(store.path)
        assert db.execute("select count(*) from mentions").fetchone() == (1,)
        assert db.execute("select count(*) from roles").fetchone() == (0,)
        db.close()


def test_store_tables_are_queryable(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        store.put(make_extraction("a#1"), FP)
        store.put(make_extraction("a#2"), FP)
    db = sqlite3.connect(tmp_path / STORE_NAME)
    assert db.execute("select id, source, title, date from articles order by id").fetchall() == [
        ("a#1", "seeds/p1.txt", "标题", "2024-12-20"),
        ("a#2", "seeds/p1.txt", "标题", "2024-12-20"),
    ]
    rows = db.execute(
        "select text, type, count(*) from mentions group by text, type order by text"
    ).fetchall()
    assert rows == [("王某", "PERSON", 2), ("甲公司", "ORG", 2)]
    assert db.execute("select person, title from roles where org is null").fetchall() == [
        ("王某", "市长"),
        ("王某", "市长"),
    ]
    db.close()


@pytest.mark.parametrize("error", [RuntimeError("boom"), KeyboardInterrupt()])
def test_store_failed_transaction_keeps_previous_content(
    tmp_path: Path, error: BaseException
) -> None:
    old = make_extraction()
    new = dataclasses.replace(old, mentions=[], roles=[])
    with Store(tmp_path) as store:
        store.put(old, FP)
        with pytest.raises(type(error)), store.transaction():
            store.put(new, "fp-2")
            store.put(make_extraction("other#1"), FP)
            raise error
        assert store.get(old.article, FP) == old
        assert store.ids() == {old.article.id}


def test_store_killed_process_leaves_previous_content(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        store.put(make_extraction(), FP)
    # A real crash: the child dies (no cleanup, no rollback) in the middle of a transaction.
    child = textwrap.dedent(
        f"""
        import os, sys
        sys.path.insert(0, {str(REPO)!r}); sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_store import make_extraction
        from kg.runtime.store import Store
        store = Store({str(tmp_path)!r})
        with store.transaction():
            store.put(make_extraction("new#1"), "fp-2")
            store.put(make_extraction(), "fp-2")
            os._exit(3)
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", child], check=False, capture_output=True, text=True
    )
    assert proc.returncode == 3, proc.stderr
    with Store(tmp_path) as store:
        assert store.ids() == {"p1#1"}
        assert store.get(make_extraction().article, FP) == make_extraction()


def test_store_prune_removes_unlisted_articles(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        for i in range(3):
            store.put(make_extraction(f"a#{i}"), FP)
        assert store.prune(["a#0", "a#2", "missing"]) == 1
        assert store.ids() == {"a#0", "a#2"}
        db = sqlite3.connect(store.path)
        assert db.execute("select distinct article_id from mentions order by 1").fetchall() == [
            ("a#0",),
            ("a#2",),
        ]
        db.close()


def test_store_clear_forgets_everything(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        store.put(make_extraction(), FP)
        store.clear()
        assert len(store) == 0
        assert store.get(make_extraction().article, FP) is None


def test_store_changed_record_layout_drops_rows(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        store.put(make_extraction(), FP)
    db = sqlite3.connect(tmp_path / STORE_NAME)
    db.execute("update meta set value = 'older-layout' where key = 'record_layout'")
    db.commit()
    db.close()
    with Store(tmp_path) as store:
        assert len(store) == 0


def test_store_refuses_newer_schema(tmp_path: Path) -> None:
    Store(tmp_path).close()
    db = sqlite3.connect(tmp_path / STORE_NAME)
    db.execute("update meta set value = ? where key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer kg"):
        Store(tmp_path)


def test_store_refuses_a_file_that_is_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / STORE_NAME
    path.write_bytes((DATA / "not_sqlite.sqlite").read_bytes())
    with pytest.raises(StoreError, match="not a usable kg store"):
        Store(path)
