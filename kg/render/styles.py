"""How each entity type and relation looks. Plain data: edit the tables to restyle the views.

Shapes are vis-network shapes whose label sits outside the shape, so that node size can
follow PageRank (boxes and ellipses size themselves to their label instead).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kg.palette import OTHER_TYPE_HEX, TYPE_HEX, relation_hex
from kg.schema import RELATION_TYPES


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
    "PERSON": NodeStyle(color=TYPE_HEX["PERSON"], shape="dot", glyph="●", name="人物 PERSON"),
    "ORG": NodeStyle(color=TYPE_HEX["ORG"], shape="square", glyph="■", name="机构 ORG"),
    "LOC": NodeStyle(color=TYPE_HEX["LOC"], shape="triangle", glyph="▲", name="地点 LOC"),
    "PROJECT": NodeStyle(
        color=TYPE_HEX["PROJECT"], shape="diamond", glyph="◆", name="项目 PROJECT"
    ),
}

# Unknown types (a future stage may add one) still render, in grey.
DEFAULT_NODE_STYLE = NodeStyle(color=OTHER_TYPE_HEX, shape="star", glyph="★", name="其他 OTHER")

RELATION_STYLES: dict[str, EdgeStyle] = {
    "holds_position": EdgeStyle(
        color=relation_hex("holds_position"), dashes=False, arrows=True, name="任职 holds_position"
    ),
    "co_mention": EdgeStyle(
        color=relation_hex("co_mention"), dashes=False, arrows=False, name="共现 co_mention"
    ),
    "located_in": EdgeStyle(
        color=relation_hex("located_in"), dashes=True, arrows=True, name="位于 located_in"
    ),
    "visits": EdgeStyle(
        color=relation_hex("visits"), dashes=False, arrows=True, name="到访 visits"
    ),
    "meets": EdgeStyle(color=relation_hex("meets"), dashes=False, arrows=True, name="会见 meets"),
    "signs_with": EdgeStyle(  # symmetric: no arrow
        color=relation_hex("signs_with"), dashes=False, arrows=False, name="签约 signs_with"
    ),
    "invests_in": EdgeStyle(
        color=relation_hex("invests_in"), dashes=False, arrows=True, name="投资 invests_in"
    ),
}
TYPED_RELATIONS = frozenset(RELATION_TYPES)


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
    """A relation without an entry (a stage may add one) gets its own colour and legend row."""
    found = RELATION_STYLES.get(relation)
    if found is None:
        found = EdgeStyle(
            color=relation_hex(relation), dashes=False, arrows=True, name=relation or "其他 other"
        )
    return found


def community_color(community: int) -> str:
    return COMMUNITY_PALETTE[community % len(COMMUNITY_PALETTE)]


# How a post is held (kg.schema.Role.status; a holds_position edge keeps the latest article's),
# read from the edge, not its title, which neither 原甲市市长 nor 曾任 marks and 代表 or 前锋 would.
STATUS_NAMES = {"acting": "acting 代理", "former": "former 原任"}


def status_name(edge: Mapping[str, object]) -> str:
    """The edge's status as the views print it; "" for a current post or any other edge."""
    return STATUS_NAMES.get(str(edge.get("status") or ""), "")
