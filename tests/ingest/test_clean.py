import pytest

from kg.ingest.clean import clean_text, normalize_spaces, remove_xml_forbidden, strip_html


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<p>聊城</p><p>东昌府</p>", "\n聊城\n\n东昌府\n"),
        ("市&nbsp;政府&ldquo;项目&rdquo;&amp;", "市\u00a0政府“项目”&"),
        ("<script>var a=1;</script>正文<b>加粗</b>", "正文加粗"),
        ("增长<5%的部分", "增长<5%的部分"),  # not a tag
        ("&amp;nbsp;双重转义", "\u00a0双重转义"),
    ],
)
def test_clean_strip_html(raw: str, expected: str) -> None:
    assert strip_html(raw) == expected


def test_clean_removes_xml_forbidden_but_keeps_newline_and_tab() -> None:
    assert (
        remove_xml_forbidden("a\x00b\x01c\x0bd\x1fe\x7f\x85f\ufffeg\u200bh\n\ti") == "abcdefgh\n\ti"
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\u3000\u3000□记者", "  □记者"),
        ("１２月２０日", "12月20日"),
        ("ＡＢｃ，。", "ABc，。"),  # full-width punctuation stays
        ("a\u00a0b\tc", "a b c"),
    ],
)
def test_clean_normalize_spaces(raw: str, expected: str) -> None:
    assert normalize_spaces(raw) == expected


def test_clean_text_chain_normalises_newlines() -> None:
    assert clean_text("一\r\n二\r三\u2028四") == "一\n二\n三\n四"
