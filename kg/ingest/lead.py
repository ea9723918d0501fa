"""Leads: "本报讯（记者 姜振 邵文琪）12月20日，..." and "本报聊城讯 环境干净整洁..."."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.ingest.byline import ROLE

# 本报X讯 where X is a place of at most six glyphs (本报聊城讯 -> 聊城); spaces from print allowed.
LEAD = re.compile(r"^\s*本\s*报\s*((?:[\u4e00-\u9fff]\s*){0,6}?)讯")
_PAREN = re.compile(r"\s*[（(]([^（）()\n]{1,80})[）)]")


@dataclass(frozen=True)
class Lead:
    dateline: str | None  # 聊城 for 本报聊城讯, None for 本报讯
    byline: str | None  # "记者 姜振 邵文琪" from the parenthesis, when there is one
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
    p = _PAREN.match(rest)
    if p is not None and ROLE.search(p.group(1)):
        byline = p.group(1).strip()
        rest = rest[p.end() :]
    return Lead(dateline=place or None, byline=byline, rest=rest.strip())
