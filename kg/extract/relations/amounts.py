"""Amounts of money as written (10亿元, 三千万美元), normalised to yuan where the unit is 元."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from kg.extract.relations.patterns import _AMOUNT

_MULT = {"": 1, "千": 10**3, "万": 10**4, "百万": 10**6, "千万": 10**7, "亿": 10**8, "万亿": 10**12}


_CN_DIGIT = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def normalise_amount(text: str) -> int | None:
    """ "10亿元" -> 1000000000; None for other currencies or a number it cannot read."""
    m = _AMOUNT.fullmatch(text.strip())
    if m is None or not m.group("unit").startswith("元") or m.group("num") is None:
        return None
    num = m.group("num").replace("．", ".").replace("·", ".")
    try:
        value = Decimal(num) if num[0].isdigit() else Decimal(_chinese_number(num))
    except (InvalidOperation, ValueError):
        return None
    return int(value * _MULT[m.group("mult") or ""])


def _count(text: str) -> int | None:
    """A count written in digits (4, ４) or Chinese numerals (五, 十二); None for one that names no
    number (几国)."""
    if text.isdigit():
        return int(text)
    return _chinese_number(text) if all(ch in _CN_DIGIT or ch in "十百千" for ch in text) else None


def _chinese_number(text: str) -> int:
    total, digit = 0, 0
    for ch in text:
        if ch in _CN_DIGIT:
            digit = _CN_DIGIT[ch]
        else:
            total += (digit or 1) * {"十": 10, "百": 100, "千": 1000}[ch]
            digit = 0
    return total + digit
