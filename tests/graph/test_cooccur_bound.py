"""The co-mention bound: lists link to their context, a slot sees the next WINDOW slots, and
evidence from a run-on sentence is an excerpt. Data: tests/data/graph/ (benchmarks/hostile_pages.py)."""

from __future__ import annotations

import re
from pathlib import Path

from kg.graph.cooccur import LONG_SENTENCE, WINDOW, count_pairs, excerpt, slots

DATA = Path(__file__).resolve().parents[1] / "data" / "graph"


def _spans(sentence: str, names: list[str]) -> list[tuple[str, int, int]]:
    return [
        (f"PERSON:{m.group()}", m.start(), m.end()) for m in re.finditer("|".join(names), sentence)
    ]


def _honours() -> tuple[str, list[str]]:
    text = (DATA / "honours_list.txt").read_text(encoding="utf-8")
    sentence = text[text.index("先进个人名单如下") :].strip()
    listed = sentence.split("：", 1)[1].rstrip("。").split("、")
    return sentence, listed


def test_a_long_list_is_one_slot_and_its_names_are_not_paired():
    sentence, listed = _honours()
    assert len(listed) == 300
    spans = _spans(sentence, listed)
    assert [len(s) for s in slots(sentence, spans)] == [300]
    pairs, singles, n = count_pairs([("p#1", sentence, spans)])
    assert pairs == {} and n == 1 and len(singles) == 300  # counted as mentioned, not as pairs


def test_list_members_link_to_the_context_around_the_list():
    sentence, listed = _honours()
    head = "市政府"
    text = head + sentence
    spans = [("ORG:市政府", 0, 3), *((e, s + 3, t + 3) for e, s, t in _spans(sentence, listed))]
    pairs, _, _ = count_pairs([("p#1", text, spans)])
    assert len(pairs) == 300 and all("ORG:市政府" in key for key in pairs)
    assert all(len(ev) <= LONG_SENTENCE + 4 for p in pairs.values() for _, ev in p.evidence)


def test_a_short_list_is_still_paired():
    sentence = "张伟、李强、王芳出席。"
    spans = _spans(sentence, ["张伟", "李强", "王芳"])
    assert [len(s) for s in slots(sentence, spans)] == [1, 1, 1]
    assert len(count_pairs([("p#1", sentence, spans)])[0]) == 3


def test_a_sentence_of_up_to_window_plus_one_slots_is_counted_whole():
    names = [f"人{i:02d}" for i in range(WINDOW + 2)]
    sentence = "".join(f"{n}说话后" for n in names)  # no list separators: every name its own slot
    spans = _spans(sentence, names)
    pairs, _, _ = count_pairs([("p#1", sentence, spans[: WINDOW + 1])])
    assert len(pairs) == (WINDOW + 1) * WINDOW // 2
    pairs, _, _ = count_pairs([("p#1", sentence, spans)])
    first, last = spans[0][0], spans[-1][0]
    assert (first, last) not in pairs and (first, spans[-2][0]) in pairs  # beyond the window


def test_pairs_grow_linearly_without_punctuation():
    names = [f"人{i:03d}" for i in range(600)]
    sentence = "".join(f"{n}会见" for n in names)
    pairs, _, _ = count_pairs([("p#1", sentence, _spans(sentence, names))])
    assert 600 * WINDOW * 0.9 < len(pairs) <= 600 * WINDOW


def test_excerpt_keeps_both_mentions_of_a_run_on_sentence():
    sentence = "甲" * 1000 + "张伟" + "乙" * 20 + "李强" + "丙" * 1000
    cut = excerpt(sentence, (1000, 1002), (1022, 1024))
    assert "张伟" in cut and "李强" in cut and cut.startswith("…") and cut.endswith("…")
    far = excerpt(sentence, (10, 12), (1022, 1024))
    assert len(far) <= LONG_SENTENCE + 4 and far.count("…") == 2
    short = "张伟会见李强。"
    assert excerpt(short, (0, 2), (4, 6)) == short


def test_touching_mentions_are_one_list_item_and_keep_their_pairs():
    sentence = (DATA / "list_items.txt").read_text(encoding="utf-8").strip()
    provinces, cities = (
        ["山东", "河北", "河南", "江苏", "浙江", "湖北"],
        ["聊城", "保定", "洛阳", "苏州", "宁波", "宜昌"],
    )
    people = ["张伟", "李强", "王芳", "刘洋", "陈静", "赵磊"]
    spans = sorted(
        [
            (f"LOC:{m.group()}", m.start(), m.end())
            for m in re.finditer("|".join(provinces + cities), sentence)
        ]
        + _spans(sentence, people),
        key=lambda s: s[1],
    )
    (only,) = slots(sentence, spans)
    assert [len(item) for item in only] == [3] * 6  # province, city, person: one item each
    pairs, _, _ = count_pairs([("p#1", sentence, spans)])
    assert set(pairs) == {
        tuple(sorted(p))
        for a, b, c in zip(provinces, cities, people, strict=True)
        for p in (
            (f"LOC:{a}", f"LOC:{b}"),
            (f"LOC:{a}", f"PERSON:{c}"),
            (f"LOC:{b}", f"PERSON:{c}"),
        )
    }  # 聊城-张伟 kept, 张伟-李强 and 聊城-保定 not
