"""How each entity type and relation looks. Plain data: edit the tables to restyle the views.

Shapes are vis-network shapes whose label sits outside the shape, so that node size can
follow PageRank (boxes and ellipses size themselves to their label instead).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NodeStyle:
    color: str  # fill colour, CSS hex
    shape: str  # vis-network shape: dot, square, triangle, diamond, star, triangleDown
    glyph: str  # the same shape as a character, for the legend
    name: str  # legend text


@dataclass(frozen=True)
class EdgeStyle:
    color: str
    dashes: bool
    arrows: bool  # directed relations point from subject to object
    name: str


TYPE_STYLES: dict[str, NodeStyle] = {
    "PERSON": NodeStyle(color="#e15759", shape="dot", glyph="●", name="人物 PERSON"),
    "ORG": NodeStyle(color="#4e79a7", shape="square", glyph="■", name="机构 ORG"),
    "LOC": NodeStyle(color="#59a14f", shape="triangle", glyph="▲", name="地点 LOC"),
    "PROJECT": NodeStyle(color="#f28e2b", shape="diamond", glyph="◆", name="项目 PROJECT"),
}

# Unknown types (a future stage may add one) still render, in grey.
DEFAULT_NODE_STYLE = NodeStyle(color="#9c9c9c", shape="star", glyph="★", name="其他 OTHER")

RELATION_STYLES: dict[str, EdgeStyle] = {
    "holds_position": EdgeStyle(
        color="#b07aa1", dashes=False, arrows=True, name="任职 holds_position"
    ),
    "co_mention": EdgeStyle(color="#bab0ac", dashes=False, arrows=False, name="共现 co_mention"),
    "located_in": EdgeStyle(color="#76b7b2", dashes=True, arrows=True, name="位于 located_in"),
    # Typed relations (kg/graph/relations.py): drawn instead of the co-mention of the same pair.
    "visits": EdgeStyle(color="#2e7d32", dashes=False, arrows=True, name="调研考察 visits"),
    "meets": EdgeStyle(color="#1565c0", dashes=False, arrows=True, name="会见 meets"),
    "signs_with": EdgeStyle(color="#ef6c00", dashes=False, arrows=False, name="签约 signs_with"),
    "invests_in": EdgeStyle(color="#c62828", dashes=False, arrows=True, name="投资 invests_in"),
}
TYPED_RELATIONS = frozenset({"visits", "meets", "signs_with", "invests_in"})

DEFAULT_EDGE_STYLE = EdgeStyle(color="#cccccc", dashes=True, arrows=False, name="其他 other")

# Colour per community when the "colour by community" toggle is on (Tableau 20, cycled).
COMMUNITY_PALETTE: tuple[str, ...] = (
    "#4e79a7",
    "#a0cbe8",
    "#f28e2b",
    "#ffbe7d",
    "#59a14f",
    "#8cd17d",
    "#b6992d",
    "#f1ce63",
    "#499894",
    "#86bcb6",
    "#e15759",
    "#ff9d9a",
    "#79706e",
    "#bab0ac",
    "#d37295",
    "#fabfd2",
    "#b07aa1",
    "#d4a6c8",
    "#9d7660",
    "#d7b5a6",
)


def node_style(entity_type: str) -> NodeStyle:
    return TYPE_STYLES.get(entity_type, DEFAULT_NODE_STYLE)


def edge_style(relation: str) -> EdgeStyle:
    return RELATION_STYLES.get(relation, DEFAULT_EDGE_STYLE)


def community_color(community: int) -> str:
    return COMMUNITY_PALETTE[community % len(COMMUNITY_PALETTE)]
