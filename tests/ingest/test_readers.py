from pathlib import Path

import pytest

from kg.ingest.readers import IngestError, decode_bytes, iter_jsonl, read_text

DATA = Path(__file__).parent.parent / "data" / "ingest"


@pytest.mark.parametrize("name", ["gbk.txt", "gb18030.txt", "utf8_bom.txt"])
def test_readers_decodes_chinese_encodings(name: str) -> None:
    text = read_text(DATA / name)
    assert text.startswith("本报讯（记者 张三 李四）")
    assert "\ufeff" not in text


def test_readers_gb18030_keeps_characters_outside_gbk() -> None:
    assert "㐀" in read_text(DATA / "gb18030.txt")


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("blank.txt", "empty file"),
        ("binary.txt", "binary file (NUL byte"),
        ("undecodable.txt", "cannot decode"),
    ],
)
def test_readers_bad_file_is_a_clear_error(name: str, reason: str) -> None:
    with pytest.raises(IngestError) as err:
        read_text(DATA / name)
    assert str(err.value).startswith(reason)
    assert "\n" not in str(err.value)


def test_readers_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("聊城" * 100, encoding="utf-8")
    with pytest.raises(IngestError, match="too large"):
        read_text(path, max_bytes=100)


def test_readers_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="cannot read"):
        read_text(tmp_path / "nope.txt")


def test_readers_utf16_with_bom() -> None:
    assert decode_bytes("本报讯".encode("utf-16")) == "本报讯"


def test_readers_broken_jsonl_line_reported_with_number_others_kept() -> None:
    errors: list[tuple[int, str]] = []
    text = (DATA / "broken.jsonl").read_text(encoding="utf-8")
    records = list(iter_jsonl(text, on_line_error=lambda n, why: errors.append((n, why))))
    assert [r.line for r in records] == [1, 3]
    assert (
        records[0].id == "a1" and records[0].date == "2024-12-20" and records[0].title == "会议召开"
    )
    assert records[1].id is None
    assert [n for n, _ in errors] == [2, 5, 6]
    assert errors[0][1].startswith("line 2: invalid JSON")
    assert "empty" in errors[1][1]
    assert "JSON object" in errors[2][1]
