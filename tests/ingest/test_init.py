import shutil
from pathlib import Path

import pytest

from kg.ingest import IngestError, is_warning, iter_files, read_articles

DATA = Path(__file__).parent.parent / "data" / "ingest"


def _collect(paths):
    errors: list[tuple[str, str]] = []
    arts = list(read_articles(paths, on_error=lambda p, why: errors.append((Path(p).name, why))))
    return arts, errors


def test_init_folder_is_walked_sorted_and_bad_files_reported() -> None:
    arts, errors = _collect([DATA])
    assert sorted(n for n, why in errors if not n.endswith(".jsonl") and not is_warning(why)) == [
        "binary.txt",
        "blank.txt",
        "empty.txt",
        "undecodable.txt",
    ]
    assert next(why for name, why in errors if name == "broken.jsonl").startswith("line 2:")
    sources = [Path(a.source).name for a in arts if a.source.endswith(".txt")]
    assert sources == sorted(sources)
    assert {"gbk.txt", "gb18030.txt", "utf8_bom.txt", "html.txt", "xml_forbidden.txt"} <= set(
        sources
    )
    assert {"cut_last_char.txt", "stray_byte.txt", "utf16le_nobom.txt"} <= set(sources)


def test_init_without_on_error_raises_with_path() -> None:
    with pytest.raises(IngestError, match=r"empty\.txt: empty file"):
        list(read_articles([DATA / "empty.txt"]))


def test_init_missing_path_reported() -> None:
    _, errors = _collect([DATA / "does-not-exist.txt"])
    assert errors == [("does-not-exist.txt", "no such file or folder")]


@pytest.mark.parametrize("name", ["gbk.txt", "gb18030.txt", "utf8_bom.txt"])
def test_init_encoded_page_becomes_article(name: str) -> None:
    arts, errors = _collect([DATA / name])
    assert errors == []
    a = arts[0]  # gb18030.txt has a second article with a GB18030-only glyph
    assert a.title == "某市工作推进会议召开"
    assert a.id == f"{Path(name).stem}#1"
    assert [(p.name, p.role) for p in a.byline] == [("张三", "记者"), ("李四", "记者")]
    assert a.text.startswith("12月20日，某市召开工作推进会议。会议要求，各部门要压实责任。")


def test_init_html_in_text_is_stripped() -> None:
    (a,), _ = _collect([DATA / "html.txt"])
    assert "<" not in a.text and "&" not in a.text.replace("情况&进展", "")
    assert "var x" not in a.text
    assert "某市举行 新闻发布会。" in a.text or "某市举行新闻发布会。" in a.text
    assert "“重点项目”" in a.text
    assert [(p.name, p.role) for p in a.byline] == [("王五", "记者")]


def test_init_xml_forbidden_characters_removed() -> None:
    (a,), _ = _collect([DATA / "xml_forbidden.txt"])
    assert a.text == "某市举行会议。会议强调落实。"
    assert all(ch in "\n\t" or ord(ch) >= 0x20 for ch in a.text)
    assert [(p.name, p.role) for p in a.byline] == [("赵六", "记者")]


def test_init_jsonl_records_and_ids() -> None:
    arts, errors = _collect([DATA / "broken.jsonl"])
    assert [a.id for a in arts] == ["a1", "broken#3"]
    assert arts[0].title == "会议召开" and arts[0].date == "2024-12-20"
    assert [s.text for s in arts[0].sentences] == ["某市召开会议。", "会议强调落实。"]
    assert arts[1].dateline == "聊城" and arts[1].date is None
    assert [(p.name, p.role) for p in arts[1].byline] == [("孙七", "记者")]
    assert [why.split(":")[0] for _, why in errors] == ["line 2", "line 5", "line 6"]


def test_init_jsonl_date_gives_the_year(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(
        '{"text": "12月19日，某区举行活动。", "date": "2024-12-20"}\n', encoding="utf-8"
    )
    (a,) = read_articles([path])
    assert a.date == "2024-12-20"  # the JSONL date wins over the text's month-day


def test_init_year_from_file_name(tmp_path: Path) -> None:
    path = tmp_path / "2024-12-21_p1.txt"
    path.write_text("本报讯（记者 张三）12月20日，某市召开会议。\n", encoding="utf-8")
    (a,) = read_articles([path])
    assert a.date == "2024-12-20"


def test_init_iter_files_recursive_sorted_skips_hidden_and_other_suffixes(tmp_path: Path) -> None:
    for rel in ["b/2.txt", "b/1.jsonl", "a.txt", ".hidden/x.txt", "c/readme.md", "B.TXT"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x", encoding="utf-8")
    got = [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])]
    assert got == ["B.TXT", "a.txt", "b/1.jsonl", "b/2.txt"]


def test_init_folder_files_of_other_kinds_are_one_warning(tmp_path: Path) -> None:
    for rel in ["a.txt", "page.html", "b/saved.HTML", "b/notes.docx", ".hidden.html"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("甲市乙县", encoding="utf-8")
    seen: list[tuple[Path, str]] = []
    got = list(iter_files([tmp_path], on_error=lambda p, why: seen.append((p, why))))
    assert [p.name for p in got] == ["a.txt"]
    [(where, why)] = seen
    assert where == tmp_path and is_warning(why)
    assert "3 file(s) not read (.docx 1, .html 2)" in why
    assert list(iter_files([tmp_path])) == got  # no handler: nothing to raise for a warning


def test_init_seed_folder_ingests(tmp_path: Path) -> None:
    seeds = Path(__file__).parent.parent.parent / "seeds"
    shutil.copytree(seeds, tmp_path / "seeds")
    arts, errors = _collect([tmp_path / "seeds"])
    assert errors == []
    assert len(arts) == 46
    assert len({a.id for a in arts}) == 46
