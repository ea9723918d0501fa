"""Leads: "本报讯（记者 甲某 乙某）12月2日，...", "本报某县讯 街道整洁一新...", and the dated
leads of national papers and the wire: "本报上海6月4日电（记者甲某）...", "新华社某地五月六日电..."."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.ingest.byline import ROLE

# 本报X讯 where X is a place of at most six glyphs (本报聊城讯 -> 聊城); spaces from print allowed.
# A date may follow the place, and 电 (a dispatch) stand for 讯: 本报上海6月4日电, 新华社东京五月四日电;
# 据 before the wire's marker is a story the paper reprints from it (据新华社某地1月2日电).
_DAY = r"[\d０-９〇一二三四五六七八九十]{1,4}\s*"
LEAD = re.compile(
    r"^\s*(?:据\s*)?(?:本\s*报|新\s*华\s*社)\s*((?:[\u4e00-\u9fff]\s*){0,6}?)"
    rf"(?:(?:{_DAY}年\s*)?{_DAY}月\s*)?(?:{_DAY}日\s*)?(?:讯|电(?![视话子报力影台脑网器站]))"
)
_PAREN = re.compile(r"\s*[（(]([^（）()\n]{1,80})[）)]")
# The byline a dispatch writes out: 记者甲某、乙某报道：
_REPORTED = re.compile(r"\s*((?:本报)?(?:记者|通讯员)[^，,。；;：:（）()\n]{2,30}?)报道\s*[：:]?")


@dataclass(frozen=True)
class Lead:
    dateline: str | None  # 聊城 for 本报聊城讯, None for 本报讯
    byline: str | None  # "记者 甲某 乙某" from the parenthesis, when there is one
    rest: str  # the paragraph after the marker and the parenthesis


def parse_lead(text: str) -> Lead | None:
    """Split a lead paragraph into dateline, byline text and the body; None if not a lead."""
    m = LEAD.match(text)
    if m is None:
        return None
    place = re.sub(r"\s+", "", m.group(1))
    if ROLE.search(place):  # "本报记者从…通讯" is prose, not a dateline
        return None
    rest = text[m.end() :]
    byline = None
    p = _PAREN.match(rest) or _REPORTED.match(rest)
    if p is not None and ROLE.search(p.group(1)):
        byline = p.group(1).strip()
        rest = rest[p.end() :]
    return Lead(dateline=place or None, byline=byline, rest=rest.strip())
