"""Colours and sizes written into GraphML/GEXF so Gephi opens the graph already styled.

The colours come from kg.palette, which the HTML views use too: one palette for both.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.palette import OTHER_TYPE_HEX, TYPE_HEX, relation_hex, rgb

# (r, g, b) per entity type.
TYPE_COLORS: dict[str, tuple[int, int, int]] = {kind: rgb(hex_) for kind, hex_ in TYPE_HEX.items()}
DEFAULT_COLOR: tuple[int, int, int] = rgb(OTHER_TYPE_HEX)  # unknown type

# Relations that hold both ways: undirected edges in GEXF (a mixed graph for Gephi).
UNDIRECTED_RELATIONS = frozenset({"co_mention"})

# Gephi node size range; pagerank is scaled linearly into it.
MIN_SIZE = 5.0
MAX_SIZE = 40.0


def type_color(entity_type: object) -> tuple[int, int, int]:
    return TYPE_COLORS.get(str(entity_type), DEFAULT_COLOR)


def relation_color(relation: object) -> tuple[int, int, int]:
    return rgb(relation_hex(str(relation or "")))


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
