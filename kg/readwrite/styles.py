"""Colours and sizes written into GraphML/GEXF so Gephi opens the graph already styled.

Kept here rather than imported from kg.render so the exporters do not depend on the HTML
renderer. The HTML palette (kg/render/styles.py) should use the same colours per type.
"""

from __future__ import annotations

from collections.abc import Iterable

# (r, g, b) per entity type; hex in comments for matching the HTML palette.
TYPE_COLORS: dict[str, tuple[int, int, int]] = {
    "PERSON": (231, 76, 60),  # #e74c3c red
    "ORG": (52, 152, 219),  # #3498db blue
    "LOC": (46, 204, 113),  # #2ecc71 green
    "PROJECT": (243, 156, 18),  # #f39c12 orange
}
DEFAULT_COLOR: tuple[int, int, int] = (149, 165, 166)  # #95a5a6 grey, unknown type

# Gephi node size range; pagerank is scaled linearly into it.
MIN_SIZE = 5.0
MAX_SIZE = 40.0


def type_color(entity_type: object) -> tuple[int, int, int]:
    return TYPE_COLORS.get(str(entity_type), DEFAULT_COLOR)


def scaled_sizes(
    values: Iterable[float | None], *, low: float = MIN_SIZE, high: float = MAX_SIZE
) -> list[float]:
    """Scale values linearly onto [low, high]; missing values get ``low``; all equal -> middle."""
    items = list(values)
    present = [v for v in items if v is not None]
    if not present:
        return [low for _ in items]
    vmin, vmax = min(present), max(present)
    if vmax == vmin:
        return [low if v is None else (low + high) / 2 for v in items]
    span = vmax - vmin
    return [low if v is None else low + (high - low) * (v - vmin) / span for v in items]
