"""GEXF is read back by networkx (and Gephi); igraph has no GEXF reader, so no igraph check."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from kg.readwrite import write_gexf
from kg.readwrite.clean import clean_graph
from kg.readwrite.styles import DEFAULT_COLOR, MAX_SIZE, MIN_SIZE, TYPE_COLORS

from .conftest import CASES


def _read(path: Path) -> nx.MultiDiGraph:
    # networkx refuses the mixed graph Gephi reads: take co-mentions as directed here
    data = Path(path).read_bytes().replace(b' type="undirected"', b"")
    return nx.read_gexf(io.BytesIO(data), node_type=str)


def test_gexf_co_mention_is_undirected_for_gephi(tmp_path: Path) -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("a", label="a", type="PERSON")
    graph.add_node("b", label="b", type="ORG")
    graph.add_edge("a", "b", key="co_mention", relation="co_mention", weight=2.0)
    graph.add_edge("a", "b", key="holds_position:市长", relation="holds_position", title="市长")
    write_gexf(graph, tmp_path / "g.gexf")
    edges = [e for e in ET.parse(tmp_path / "g.gexf").iter() if e.tag.endswith("}edge")]
    kinds = sorted(e.get("type", "") for e in edges)
    assert kinds == ["", "undirected"]  # co-mention undirected, the post directed
    root = next(e for e in ET.parse(tmp_path / "g.gexf").iter() if e.tag.endswith("}graph"))
    assert root.get("defaultedgetype") == "directed"


@pytest.mark.parametrize("case", CASES)
def test_gexf_round_trip_counts_values_and_types(tmp_path: Path, load_case, case: str) -> None:
    graph = load_case(case)
    path = tmp_path / "g.gexf"
    write_gexf(graph, path)
    back = _read(path)
    expected = clean_graph(graph)
    assert back.number_of_nodes() == expected.number_of_nodes()
    assert back.number_of_edges() == expected.number_of_edges()
    for node, data in expected.nodes(data=True):
        read = {k: v for k, v in back.nodes[node].items() if k != "viz"}
        assert read == data
        assert {k: type(v) for k, v in read.items()} == {k: type(v) for k, v in data.items()}
    # read_gexf returns a DiGraph when no node pair has parallel edges (keys are then lost).
    if back.is_multigraph():
        read_edges = {(u, v, k): d for u, v, k, d in back.edges(keys=True, data=True)}
    else:
        read_edges = {(u, v, None): d for u, v, d in back.edges(data=True)}
    for u, v, k, data in expected.edges(keys=True, data=True):
        edge = read_edges[(u, v, k if back.is_multigraph() else None)]
        read = {a: b for a, b in edge.items() if a != "id"}  # reader adds the GEXF edge id
        assert read == {**data, "weight": float(data["weight"])}


def test_gexf_small_multiline_evidence_survives(tmp_path: Path, small_graph) -> None:
    path = tmp_path / "g.gexf"
    write_gexf(small_graph, path)
    back = _read(path)
    assert back.edges["PERSON:张伟", "ORG:聊城市人民政府", "holds_position"]["evidence"] == (
        '副市长张伟说："要抓好<落实>& 推进"。\n第二段\t制表'
    )


@pytest.mark.parametrize("case", CASES)
def test_gexf_viz_colour_from_type_and_size_from_pagerank(
    tmp_path: Path, load_case, case: str
) -> None:
    graph = load_case(case)
    path = tmp_path / "g.gexf"
    write_gexf(graph, path)
    back = _read(path)
    for _, data in back.nodes(data=True):
        colour = data["viz"]["color"]
        assert (colour["r"], colour["g"], colour["b"]) == TYPE_COLORS.get(
            data["type"], DEFAULT_COLOR
        )
        assert MIN_SIZE <= data["viz"]["size"] <= MAX_SIZE


def test_gexf_size_ranks_follow_pagerank(tmp_path: Path, small_graph) -> None:
    path = tmp_path / "g.gexf"
    write_gexf(small_graph, path)
    back = _read(path)
    by_rank = sorted(back.nodes(data=True), key=lambda item: item[1]["pagerank"])
    sizes = [d["viz"]["size"] for _, d in by_rank]
    assert sizes == sorted(sizes)
    assert sizes[0] == MIN_SIZE and sizes[-1] == MAX_SIZE


def test_gexf_control_chars_stripped_and_xml_valid(tmp_path: Path, load_case) -> None:
    path = tmp_path / "g.gexf"
    write_gexf(load_case("control_chars"), path)
    root = ET.parse(path).getroot()
    labels = sorted(n.get("label") for n in root.iter() if n.tag.endswith("}node"))
    assert labels == sorted(["李明", "某局"])


def test_gexf_writes_to_binary_file(small_graph) -> None:
    buffer = io.BytesIO()
    write_gexf(small_graph, buffer)
    assert b"viz:color" in buffer.getvalue()
