"""One bad input costs only itself: bad names, bad bytes, bad records, pipes, linked and
unreadable folders. Each case reads its own file in tests/data/ingest/."""

from __future__ import annotations

import json
import os
import shutil
import threading
from pathlib import Path

import pytest

from kg.ingest import is_warning, iter_files, path_text, read_articles
from kg.ingest.readers import decode_bytes, read_text

DATA = Path(__file__).parent.parent / "data" / "ingest"


def _read(paths) -> tuple[list, list[tuple[str, str]]]:
    problems: list[tuple[str, str]] = []
    articles = list(
        read_articles(paths, on_error=lambda p, why: problems.append((path_text(p), why)))
    )
    return articles, problems


def test_jsonl_line_with_a_bad_byte_costs_only_that_line() -> None:
    articles, problems = _read([DATA / "jsonl_bad_byte.jsonl"])
    assert [a.id for a in articles] == ["r1", "r2", "r4"]
    assert len(problems) == 1 and problems[0][1].startswith("line 3: not UTF-8")


def test_page_cut_mid_character_is_read_with_a_warning() -> None:
    articles, problems = _read([DATA / "cut_last_char.txt"])
    assert articles and "平安医院" in articles[0].text
    (reason,) = [why for _, why in problems]
    assert is_warning(reason) and "1 undecodable byte sequence replaced" in reason
    assert (
        f"byte {(DATA / 'cut_last_char.txt').stat().st_size - 2}" in reason and "(line 3)" in reason
    )


def test_stray_byte_position_is_given() -> None:
    warnings: list[str] = []
    text = read_text(DATA / "stray_byte.txt", warn=warnings.append)
    first_line = (DATA / "stray_byte.txt").read_bytes().index(b"\n")
    assert "\ufffd" in text and "会议要求" in text.replace("\ufffd", "")
    expected = (
        "warning: 1 undecodable byte sequence replaced with U+FFFD, "
        f"the first at byte {first_line + 7} (line 2)"
    )
    assert warnings == [expected]


def test_many_bad_bytes_still_refuse_the_file() -> None:
    _, problems = _read([DATA / "undecodable.txt"])
    assert (
        len(problems) == 1
        and problems[0][1].startswith("cannot decode")
        and not is_warning(problems[0][1])
    )


@pytest.mark.parametrize("name", ["utf16le_nobom.txt", "utf16be_nobom.txt"])
def test_utf16_without_bom_is_text_not_binary(name: str) -> None:
    assert read_text(DATA / name).startswith("本报讯（记者 张三）")
    with pytest.raises(Exception, match="binary file"):
        decode_bytes((DATA / "binary.txt").read_bytes())  # real binary still is


def test_lone_surrogates_in_a_record_are_replaced_and_reported() -> None:
    articles, problems = _read([DATA / "surrogate.jsonl"])
    assert [a.id for a in articles] == ["a\ufffdb", "ok"] and articles[0].source == "\ufffd"
    assert (
        all(is_warning(why) and "lone surrogate" in why for _, why in problems)
        and len(problems) == 2
    )
    json.dumps([a.id for a in articles], ensure_ascii=False).encode("utf-8")  # writable


def test_file_name_that_is_not_utf8_is_read(tmp_path: Path) -> None:
    gbk = os.fsdecode("版面".encode("gbk") + b".txt")
    junk = os.fsdecode(b"A\xff\xfe.txt")  # neither UTF-8 nor GB18030
    shutil.copy(DATA / "gbk_name.txt", tmp_path / gbk)
    shutil.copy(DATA / "gbk_name.txt", tmp_path / junk)
    articles, problems = _read([tmp_path])
    assert problems == []
    assert sorted(a.id for a in articles) == ["A\\xff\\xfe#1", "版面#1"]
    assert all(a.source.encode("utf-8") for a in articles)


def test_fifo_named_directly_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "page.txt"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes((DATA / "fifo.txt").read_bytes()))
    writer.start()
    articles, problems = _read([fifo])
    writer.join()
    assert problems == [] and "平安医院" in articles[0].text


def test_linked_folders_are_followed_once_and_a_loop_ends(tmp_path: Path) -> None:
    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    shutil.copy(DATA / "linked.txt", real / "sub" / "linked.txt")
    top = tmp_path / "top"
    top.mkdir()
    (top / "link").symlink_to(real, target_is_directory=True)
    (real / "sub" / "back").symlink_to(real, target_is_directory=True)  # a loop
    files = list(iter_files([top]))
    assert files == [top / "link" / "sub" / "linked.txt"]


def test_unreadable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(DATA / "unreadable.txt", tmp_path / "ok.txt")
    locked = tmp_path / "locked"
    locked.mkdir()
    shutil.copy(DATA / "unreadable.txt", locked / "hidden.txt")
    if os.geteuid() == 0:  # root reads any folder: the kernel's refusal is played by scandir
        scandir = os.scandir

        def refuse(path="."):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return scandir(path)

        monkeypatch.setattr(os, "scandir", refuse)
    locked.chmod(0)
    problems: list[tuple[str, str]] = []
    try:
        found = list(iter_files([tmp_path], on_error=lambda p, why: problems.append((p.name, why))))
    finally:
        locked.chmod(0o755)
    assert problems == [("locked", "cannot read folder: Permission denied")]
    assert found == [tmp_path / "ok.txt"]
