"""The one palette: colours per entity type and per relation, shared by the HTML views
(kg.render.styles) and the Gephi files (kg.readwrite.styles), so a node looks the same in both.
Plain data with no imports, so neither side pulls in the other."""

from __future__ import annotations

TYPE_HEX: dict[str, str] = {
    "PERSON": "#e15759",
    "ORG": "#4e79a7",
    "LOC": "#59a14f",
    "PROJECT": "#f28e2b",
}
OTHER_TYPE_HEX = "#9c9c9c"  # a type a later stage may add

RELATION_HEX: dict[str, str] = {
    "holds_position": "#b07aa1",
    "co_mention": "#bab0ac",
    "located_in": "#76b7b2",
    # typed relations between entities (visits, meetings, contracts, investment)
    "visits": "#edc948",
    "meets": "#ff9da7",
    "signs_with": "#9c755f",
    "invests_in": "#2f7f6f",
}
# A relation without its own entry still gets a colour of its own, picked by its name.
SPARE_RELATION_HEX: tuple[str, ...] = (
    "#d37295",
    "#8cd17d",
    "#b6992d",
    "#499894",
    "#e15759",
    "#79706e",
    "#86bcb6",
    "#f1ce63",
)


def rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def relation_hex(relation: str) -> str:
    if relation in RELATION_HEX:
        return RELATION_HEX[relation]
    # a stable pick (not hash(), which changes per process)
    return SPARE_RELATION_HEX[sum(relation.encode("utf-8")) % len(SPARE_RELATION_HEX)]
