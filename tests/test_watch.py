"""``kg watch``: updates after file changes, what it keeps between them, and its failures."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from spies import count_extractions, count_model_loads
from typer.testing import CliRunner

from kg.cli import app
from kg.extract.backends import DEFAULT_BACKEND
from kg.pipeline import run
from kg.runtime.lock import output_lock
from kg.runtime.parallel import can_fork
from kg.watch import Update, file_changes, relevant, watch

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "pipeline"
PAGES = [DATA / "good.txt", DATA / "gbk.txt", DATA / "utf8_bom.txt"]  # one article each


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    then = time.time() - 60  # files changed seconds ago are read again on purpose
    for page in PAGES:
        shutil.copy(page, folder / page.name)
        os.utime(folder / page.name, (then, then))
    return folder


def edges(graph) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {(u, v, d["relation"]) for u, v, d in graph.edges(data=True)}


def test_watch_updates_after_each_batch_like_a_fresh_run(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    updates: list[Update] = []
    calls = count_extractions(monkeypatch)
    seen: list[list[str]] = []

    def changes() -> Iterator[set[tuple[object, str]]]:
        seen.append(list(calls))
        shutil.copy(DATA / "gb18030.txt", pages / "new.txt")
        yield {("added", str(pages / "new.txt"))}
        seen.append(list(calls))
        (pages / "gbk.txt").unlink()
        yield {("deleted", str(pages / "gbk.txt"))}

    watch([pages], out=out, on_update=updates.append, changes=changes(), html=False)
    assert [u.problem for u in updates] == [None, None, None]
    first, added, removed = (u.result for u in updates)
    assert first.articles == 3 and added.articles == 4 and removed.articles == 3
    assert sorted(seen[0]) == ["gbk#1", "good#1", "utf8_bom#1"]
    assert seen[1][3:] == ["new#1"] and calls[4:] == []  # only the new page, then nothing
    fresh = run([pages], out=tmp_path / "fresh", html=False)
    assert edges(removed.graph) == edges(fresh.graph)
    assert (out / "graph.graphml").is_file()


def test_watch_ticks_alone_do_not_run(pages: Path, tmp_path: Path) -> None:
    updates: list[Update] = []
    watch(
        [pages], out=tmp_path / "out", on_update=updates.append, changes=[set(), set()], html=False
    )
    assert len(updates) == 1


def test_watch_keeps_the_outputs_when_the_pages_are_gone(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    updates: list[Update] = []

    def changes() -> Iterator[set[tuple[object, str]]]:
        for page in list(pages.iterdir()):
            page.unlink()
        yield {("deleted", str(pages))}

    watch(
        [pages],
        out=out,
        on_update=updates.append,
        changes=changes(),
        html=False,
        on_error=lambda p, m: None,
    )
    assert updates[0].result is not None and updates[1].result is None
    assert "no articles" in (updates[1].problem or "")
    assert updates[0].result.graph.number_of_nodes() > 0
    assert "ORG" in (out / "graph.graphml").read_text(encoding="utf-8")  # the first update's graph


def test_watch_retries_an_update_while_another_run_holds_the_folder(
    pages: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    updates: list[Update] = []

    def changes() -> Iterator[set[tuple[object, str]]]:
        with output_lock(out):  # another `kg run` is writing
            shutil.copy(DATA / "gb18030.txt", pages / "new.txt")
            yield {("added", str(pages / "new.txt"))}
        yield set()  # the next tick

    watch([pages], out=out, on_update=updates.append, changes=changes(), html=False)
    assert [u.result is None for u in updates] == [False, True, False]
    assert "another kg run" in (updates[1].problem or "")
    assert updates[2].result is not None and updates[2].result.articles == 4


def test_relevant_paths(tmp_path: Path) -> None:
    pages, out, one = tmp_path / "pages", tmp_path / "pages" / "out", tmp_path / "feed.md"
    inputs = [pages, one]
    assert relevant(pages / "2024" / "a.txt", inputs, out)
    assert relevant(pages / "b.JSONL", inputs, out)
    assert relevant(pages / "2024", inputs, out)  # a folder: added or removed with its pages
    assert not relevant(
        pages / "2024", inputs, out, modified=True
    )  # its mtime: a page's own event follows
    assert relevant(one, inputs, out)  # named as an input: read whatever its suffix
    pages.mkdir()
    assert relevant(pages, inputs, out) and not relevant(pages, inputs, out, modified=True)
    assert not relevant(pages / "photo.png", inputs, out)
    assert not relevant(pages / ".git" / "a.txt", inputs, out)  # kg run skips hidden folders
    assert not relevant(out / "graph.json", inputs, out)
    assert not relevant(out / "csv" / "a.txt", inputs, out)


def test_file_changes_reports_a_new_page(tmp_path: Path) -> None:
    pages, out = tmp_path / "pages", tmp_path / "pages" / "out"
    out.mkdir(parents=True)
    stop = threading.Event()
    batches: list[set] = []

    def listen() -> None:
        for batch in file_changes([pages], out, poll=True, stop=stop):
            if batch:
                batches.append(batch)
                stop.set()

    listener = threading.Thread(target=listen)
    listener.start()
    time.sleep(0.5)  # the poller's first scan
    (out / "graph.json").write_text("{}", encoding="utf-8")  # an output: ignored
    (pages / "photo.png").write_bytes(b"\x89PNG")  # not a page: ignored
    (pages / "a.txt").write_text("本报讯 市长张三到市公安局调研。", encoding="utf-8")
    listener.join(timeout=20)
    stop.set()
    assert not listener.is_alive()
    assert [{Path(p).name for _, p in batch} for batch in batches] == [{"a.txt"}]


def test_cli_watch_prints_each_update(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.watch

    def changes(inputs, out, *, poll=False, stop=None):  # type: ignore[no-untyped-def]
        shutil.copy(DATA / "gb18030.txt", pages / "new.txt")
        yield {("added", str(pages / "new.txt"))}

    monkeypatch.setattr(kg.watch, "file_changes", changes)
    result = CliRunner().invoke(app, ["watch", str(pages), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if " updated " in line]
    assert len(lines) == 2
    assert "3 articles (3 extracted)" in lines[0] and "4 articles (1 extracted)" in lines[1]


def test_cli_watch_missing_input_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["watch", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 2
    assert "no such file or folder" in result.output


def test_watch_loads_the_model_while_it_waits(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every page stored: the first update needs no model, but the next new page should not wait for it.
    out = tmp_path / "out"
    run([pages], out=out, html=False)
    loads = count_model_loads(monkeypatch)
    updates: list[Update] = []

    def changes() -> Iterator[set[tuple[object, str]]]:
        assert (
            loads == [DEFAULT_BACKEND.value]
            and updates[0].result is not None
            and updates[0].result.reused == 3
        )
        shutil.copy(DATA / "gb18030.txt", pages / "new.txt")
        yield {("added", str(pages / "new.txt"))}

    watch([pages], out=out, on_update=updates.append, changes=changes(), html=False)
    assert loads == [DEFAULT_BACKEND.value] and len(updates) == 2


@pytest.mark.parametrize(
    ("html", "jobs"),
    [
        (False, 1),
        pytest.param(True, 2, marks=pytest.mark.skipif(not can_fork(), reason="needs fork")),
    ],
)
def test_watch_reports_an_update_that_cannot_write_and_goes_on(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, html: bool, jobs: int
) -> None:
    # with two jobs either process may write the GraphML: the error must arrive as it is
    import kg.readwrite

    real = kg.readwrite.write_graphml
    updates: list[Update] = []

    def full_disk(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    def changes() -> Iterator[set[tuple[object, str]]]:
        monkeypatch.setattr(kg.readwrite, "write_graphml", full_disk)
        shutil.copy(DATA / "gb18030.txt", pages / "new.txt")
        yield {("added", str(pages / "new.txt"))}
        monkeypatch.setattr(kg.readwrite, "write_graphml", real)
        yield {("modified", str(pages / "new.txt"))}

    out = tmp_path / "out"
    watch([pages], out=out, on_update=updates.append, changes=changes(), html=html, jobs=jobs)
    assert [u.result is None for u in updates] == [False, True, False]
    assert "No space left" in (updates[1].problem or "")
    assert updates[2].result is not None and updates[2].result.articles == 4
