from itertools import pairwise

import pytest

from kg.ingest.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "会议召开。市长出席！是否可行？要落实；要推进",
            ["会议召开。", "市长出席！", "是否可行？", "要落实；", "要推进"],
        ),
        ("“我们要努力。一起加油。”张三说。", ["“我们要努力。一起加油。”", "张三说。"]),
        ("他说“好”，然后离开。", ["他说“好”，然后离开。"]),
        ("第一段没有句号\n第二段。", ["第一段没有句号", "第二段。"]),
        ("融洽有度……新学期伊始。", ["融洽有度……", "新学期伊始。"]),
        ("   \n\n  。\n", ["。"]),
        ("（完）。）结束", ["（完）。）", "结束"]),
        ("未闭合的“引号。后面的句子。", ["未闭合的“引号。", "后面的句子。"]),
        ("", []),
    ],
)
def test_sentences_split(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "本报讯 12月20日，聊城市召开会议。\n  副市长出席。 \n\n“要落实。”他说。？！",
        "a。b！c？\n\n\nd；e…f",
    ],
)
def test_sentences_offsets_exact_and_no_blank(text: str) -> None:
    sentences = split_sentences(text)
    assert sentences
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert s.text.strip() == s.text and s.text
    assert all(a.end <= b.start for a, b in pairwise(sentences))
