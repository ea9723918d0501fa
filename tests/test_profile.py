"""Entity profiles on a small synthetic graph (tests/data/profile/graph.json, node-link JSON
written by kg.readwrite.write_json), read back as JSON and after a GraphML round trip."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from rich.console import Console

from kg.profile import (
    CoMention,
    find_entities,
    normalise_name,
    profile,
    render_profile,
)
from kg.readwrite import read_graph, write_graphml
from kg.readwrite.clean import parse_evidence
from kg.schema import Evidence

GRAPH_JSON = Path(__file__).resolve().parent / "data" / "profile" / "graph.json"


@pytest.fixture(params=["json", "graphml"])
def graph(request: pytest.FixtureRequest, tmp_path: Path) -> nx.MultiDiGraph:
    loaded = read_graph(GRAPH_JSON)
    if request.param == "json":
        return loaded
    path = tmp_path / "graph.graphml"
    write_graphml(loaded, path)
    return read_graph(path)


def rendered(graph: nx.MultiDiGraph, node_id: str, *, top: int = 15) -> str:
    console = Console(record=True, width=120)
    render_profile(profile(graph, node_id, top=top), console)
    return console.export_text()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("张百顺", ["PERSON:张百顺"]),
        ("张 百顺", ["PERSON:张百顺"]),  # spaces ignored
        ("聊城", ["LOC:聊城市"]),  # alias
        ("市政府", ["ORG:聊城市人民政府"]),  # alias
        ("市委", ["ORG:中共聊城市委员会"]),  # alias; exact, so no substring 市委员会 match is added
        ("ＬＯＣ:聊城市", ["LOC:聊城市"]),  # an id after NFKC (full-width letters)
        ("ORG:东昌湖", ["ORG:东昌湖"]),  # a node id picks that node
        ("天津", []),
        ("  ", []),
    ],
)
def test_profile_find_entities_by_label_alias_and_id(
    graph: nx.MultiDiGraph, name: str, expected: list[str]
) -> None:
    assert find_entities(graph, name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Same label, two types: higher pagerank first although its id sorts later.
        ("东昌湖", ["LOC:东昌湖", "ORG:东昌湖"]),
        # No exact match: substring matches, by pagerank (the id order is the other way round).
        ("人民政府", ["ORG:聊城市人民政府", "ORG:东昌府区人民政府"]),
        # Exact match wins over the substring matches 聊城市人民政府, 中共聊城市委员会 ...
        ("聊城市", ["LOC:聊城市"]),
        (
            "东昌",
            ["LOC:东昌府区", "ORG:东昌府区人民政府", "LOC:东昌湖", "ORG:东昌湖"],
        ),  # 0.04 > 0.03 > ...
    ],
)
def test_profile_find_entities_ranking(
    graph: nx.MultiDiGraph, name: str, expected: list[str]
) -> None:
    assert find_entities(graph, name) == expected


@pytest.mark.parametrize(
    ("raw", "key"), [("张 百顺", "张百顺"), ("ＡＢＣ\u3000局", "abc局"), ("\t", "")]
)
def test_profile_normalise_name(raw: str, key: str) -> None:
    assert normalise_name(raw) == key


def test_profile_roles_read_as_timeline(graph: nx.MultiDiGraph) -> None:
    roles = profile(graph, "PERSON:张百顺").roles
    assert [(r.title, r.org_label, r.date, r.last_date) for r in roles] == [
        ("代市长", "聊城市人民政府", "2023-01-10", "2023-01-10"),
        ("市长", "聊城市人民政府", "2024-12-20", "2025-01-05"),
        ("副书记", "中共聊城市委员会", None, None),  # undated roles last
    ]
    assert roles[1].article_ids == ["a2", "a3"]
    assert roles[1].evidence == [
        Evidence("a2", "市委副书记、市长张百顺出席会议。"),
        Evidence("a3", "市长张百顺调研防汛工作。"),
    ]


def test_profile_org_lists_people_holding_positions(graph: nx.MultiDiGraph) -> None:
    found = profile(graph, "ORG:聊城市人民政府")
    assert found.roles == []
    assert [(r.person_label, r.title, r.date) for r in found.holders] == [
        ("张百顺", "代市长", "2023-01-10"),
        ("王芳", "副市长", "2024-03-01"),
        ("张百顺", "市长", "2024-12-20"),
    ]
    assert found.aliases == ["市政府", "聊城市政府"]
    assert [p.label for p in found.places] == ["聊城市"]


def test_profile_loc_lists_what_is_located_in_it(graph: nx.MultiDiGraph) -> None:
    found = profile(graph, "LOC:聊城市")
    assert [(r.id, r.type) for r in found.contains] == [
        ("LOC:东昌府区", "LOC"),
        ("ORG:聊城市人民政府", "ORG"),
    ]
    assert found.places == []


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        (
            15,
            [
                ("聊城市", "LOC", 3.0, 0.2),
                ("[bold]x[/]", "PERSON", 2.0, 0.5),
                ("王芳", "PERSON", 1.0, 0.8),
            ],
        ),
        (2, [("聊城市", "LOC", 3.0, 0.2), ("[bold]x[/]", "PERSON", 2.0, 0.5)]),
    ],
)
def test_profile_co_mentions_by_weight_in_both_directions(
    graph: nx.MultiDiGraph, top: int, expected: list[tuple]
) -> None:
    co_mentions = profile(graph, "PERSON:张百顺", top=top).co_mentions
    assert co_mentions == [CoMention(*item) for item in expected]


def test_profile_evidence_roles_first_without_duplicates(graph: nx.MultiDiGraph) -> None:
    evidence = profile(graph, "PERSON:张百顺").evidence
    assert evidence[0] == Evidence("a1", "代市长张百顺主持会议。")
    assert len(evidence) == len(set(evidence)) == 6
    assert profile(graph, "PERSON:张百顺", top=2).evidence == evidence[:2]


def test_profile_unknown_id_raises(graph: nx.MultiDiGraph) -> None:
    with pytest.raises(KeyError, match="PERSON:nobody"):
        profile(graph, "PERSON:nobody")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[a1] 一句。\n[a2] 两句。", [Evidence("a1", "一句。"), Evidence("a2", "两句。")]),
        ("administrative division", [Evidence("", "administrative division")]),
        ("", []),
        ("[a1] [b] 句中有方括号。", [Evidence("a1", "[b] 句中有方括号。")]),
        ("[a1]@4 第五句。", [Evidence("a1", "第五句。", 4)]),
    ],
)
def test_profile_parse_evidence(text: str, expected: list[Evidence]) -> None:
    assert parse_evidence(text) == expected


def test_profile_render_person(graph: nx.MultiDiGraph) -> None:
    text = rendered(graph, "PERSON:张百顺")
    for expected in (
        "张百顺",
        "PERSON",
        "Positions held",
        "聊城市人民政府",
        "中共聊城市委员会",
        "2023-01-10",
        "2024-12-20 … 2025-01-05",
        "a2, a3",
        "Mentioned with",
        "0.80",
        "Evidence",
        "代市长张百顺主持会议。",
    ):
        assert expected in text
    lines = text.splitlines()
    row = {
        title: next(i for i, line in enumerate(lines) if f"│ {title} " in line)
        for title in ("代市长", "市长", "副书记")
    }
    assert row["代市长"] < row["市长"] < row["副书记"]
    assert "代市长 (acting)" in text and "市长 (" not in text.replace("代市长 (", "")
    assert "more than one person" not in text


def test_profile_render_org_and_homonym_warning(graph: nx.MultiDiGraph) -> None:
    org = rendered(graph, "ORG:聊城市人民政府")
    assert "People holding positions here" in org and "王芳" in org and "副市长" in org
    person = rendered(graph, "PERSON:王芳")
    assert (
        "this name may stand for more than one person: a4 and a5 give different posts for 王芳"
        in person
    )


def test_profile_render_loc_contents(graph: nx.MultiDiGraph) -> None:
    text = rendered(graph, "LOC:聊城市")
    assert "Located here" in text and "东昌府区" in text and "aliases: 聊城" in text


@pytest.mark.parametrize("node_id", ["PERSON:[bold]x[/]", "PERSON:张百顺"])
def test_profile_render_prints_markup_literally(graph: nx.MultiDiGraph, node_id: str) -> None:
    text = rendered(graph, node_id)
    assert "[bold]x[/]" in text
    assert "[red]未完[/red]" in text
