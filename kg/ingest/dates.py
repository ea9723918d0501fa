"""Dates stated in news text: "12月20日" with the year from the article, the page or the file name.

A month-day without any known year gives no date: guessing the year is worse than None.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

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


def year_option(value: str) -> int:
    """``--date``: a year ("2024") or a date whose year is taken ("2024-12-20")."""
    text = value.strip()
    if re.fullmatch(r"(?:19|20)\d{2}", text):
        return int(text)
    date = normalize_date(text)
    if date is None:
        raise ValueError(f"--date {value!r}: give a year (2024) or a date (2024-12-20)")
    return int(date[:4])


def complete_date(article, *, year: int | None = None) -> None:
    """Date an article the page left undated (a month and day, no year), in place: with the
    year of a folder it sits in ("2024-12-20/A01.txt"), else ``year`` (``--date``); records
    which in ``article.date_source``."""
    if article.date is not None:
        return
    for folder in Path(article.source).parents:
        found = year_from_name(folder.name)
        if found is not None:
            date, _ = article_date(article.text, year=found, year_source="folder name")
            if date is not None:
                article.date, article.date_source = date, "folder name"
                return
            break
    if year is not None:
        date, _ = article_date(article.text, year=year, year_source="option")
        if date is not None:
            article.date, article.date_source = date, "option"
