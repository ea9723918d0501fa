"""Dates stated in news text: "12月20日" with the year from the article, the page or the file name.

A month-day without any known year gives no date: guessing the year is worse than None.
"""

from __future__ import annotations

import datetime as dt
import re

_FULL = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")
# How far into an article its event date is looked for ("12月20日，聊城市…").
LEAD_CHARS = 80


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def year_of(text: str) -> int | None:
    """The year of the first full date ("2024年12月20日") written in ``text``."""
    m = _FULL.search(text)
    return int(m.group(1)) if m is not None else None


def year_from_name(name: str) -> int | None:
    """The year of a date in a file name ("2024-12-20_p1.txt", "20241220.txt")."""
    m = _ISO.search(name)
    if m is None or _iso(int(m.group(1)), int(m.group(2)), int(m.group(3))) is None:
        return None
    return int(m.group(1))


def normalize_date(value: str) -> str | None:
    """A date field as ISO "YYYY-MM-DD" where it can be read, else None."""
    value = value.strip()
    m = _FULL.search(value) or _ISO.search(value)
    if m is None:
        return None
    return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def article_date(
    text: str, *, year: int | None, year_source: str = "file name"
) -> tuple[str | None, str | None]:
    """ISO date of the event in the article's opening, using ``year`` (found in
    ``year_source``) when it states none; and where the date came from (None: no date)."""
    head = text[:LEAD_CHARS]
    full = _FULL.search(head)
    md = _MONTH_DAY.search(head)
    if full is not None and (md is None or full.start() <= md.start()):
        return _iso(int(full.group(1)), int(full.group(2)), int(full.group(3))), "text"
    if md is None:
        return None, None
    source = year_source
    if year is None:
        year, source = year_of(text), "text"
    if year is None:
        return None, None
    date = _iso(year, int(md.group(1)), int(md.group(2)))
    return date, source if date is not None else None
