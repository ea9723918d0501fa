"""Leads: the dateline and byline a paragraph opens with, taken out of the body."""

from __future__ import annotations

import pytest

from kg.ingest.lead import Lead, parse_lead


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # a local paper's 讯, with and without a place
        (
            "本报讯（记者 甲某 乙某）12月2日，会议召开。",
            Lead(None, "记者 甲某 乙某", "12月2日，会议召开。"),
        ),
        ("本报东昌讯 街道干净整洁。", Lead("东昌", None, "街道干净整洁。")),
        # a national paper's or the wire's dispatch: a date, then 电 (or 讯)
        (
            "本报上海6月4日电（记者甲某）今天，会议召开。",
            Lead("上海", "记者甲某", "今天，会议召开。"),
        ),
        ("新华社东京５月４日电 某某今天抵达。", Lead("东京", None, "某某今天抵达。")),
        ("新华社某地五月六日电某某今天会见了乙某。", Lead("某地", None, "某某今天会见了乙某。")),
        ("本报北京1998年1月2日讯 会议召开。", Lead("北京", None, "会议召开。")),
        # a story the paper reprints from the wire
        ("据新华社某地1月2日电（记者甲某）会议召开。", Lead("某地", "记者甲某", "会议召开。")),
        # the byline written out before the body
        (
            "本报巴黎1月4日电记者甲某、乙某报道：会议召开。",
            Lead("巴黎", "记者甲某、乙某", "会议召开。"),
        ),
    ],
)
def test_a_lead_gives_its_dateline_byline_and_body(text, lead):
    assert parse_lead(text) == lead


@pytest.mark.parametrize(
    "text",
    [
        "本报记者从市里获悉，会议召开。",  # prose about the paper's reporter
        "新华社记者日前来到甲村采访。",
        "据报道，会议召开。",
        "据新华社记者了解，会议召开。",
        "会议召开。",
    ],
)
def test_prose_is_no_lead(text):
    assert parse_lead(text) is None


def test_a_word_that_starts_with_dian_is_no_dispatch():
    # 本报电视台讯: the marker is 讯, the place is 电视台, not a dispatch (电) then 视台讯
    assert parse_lead("本报电视台讯 节目开播。") == Lead("电视台", None, "节目开播。")
