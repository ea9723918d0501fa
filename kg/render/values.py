"""Graph attribute values read leniently for the pages: a list of names, an int, a finite float
(anything else reads as none, 0 or 0.0, so a page never fails on one odd attribute)."""

from __future__ import annotations

import math


def names(value: object) -> list[str]:
    """A typed name list (aliases, titles, article ids) as strings; anything else is none."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return sorted(str(v) for v in value if str(v))
    return []


def as_int(value: object) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0


def as_float(value: object) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0
