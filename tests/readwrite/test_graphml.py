from __future__ import annotations

import io
import math
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from kg.readwrite import read_graph, write_graphml
from kg.readwrite.clean import clean_graph, restore_types
from kg.readwrite.styles import DEFAULT_COLOR, TYPE_COLORS
from kg.schema import Evidence

from .conftest import CASES

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


def networkx_read(path: Path, **kwargs) -> nx.Graph:
    """networkx's own reader on our file, co-mentions taken as directed: it refuses the mixed
    graph (per-edge directed="false") that Gephi reads."""
    data = Path(path).read_bytes().replace(b' directed="false"', b"")
    return nx.read_graphml(io.BytesIO(data), **kwargs)


def _edges(graph: nx.MultiDiGraph) -> list:
    return sorted(graph.edges(keys=True, data=True), key=repr)


@pytest.mark.parametrize("case", CASES)
def test_graphml_round_trip_through_read_graph(tmp_path: Path, load_case, case: str) -> None:
    graph = load_case(case)
    path = tmp_path / "g.graphml"
    write_graphml(graph, path)
    back = read_graph(path)
    expected = restore_types(clean_graph(graph).copy())  # read_graph types lists again
    assert isinstance(back, nx.MultiDiGraph)
    assert dict(back.nodes(data=True)) == dict(expected.nodes(data=True))
    assert _edges(back) == _edges(expected)
    for node, data in expected.nodes(data=True):
        assert {k: type(v) for k, v in back.nodes[node].items()} == {
            k: type(v) for k, v in data.items()
        }


@pytest.mark.parametrize("case", CASES)
def test_graphml_read_by_networkx_keeps_counts_and_types(
    tmp_path: Path, load_case, case: str
) -> None:
    graph = load_case(case)
    path = tmp_path / "g.graphml"
    write_graphml(graph, path)
    back = networkx_read(path, force_multigraph=True)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    expected = clean_graph(graph)
    for node, data in expected.nodes(data=True):
        read = back.nodes[node]
        for key, value in data.items():
            assert type(read[key]) is type(value), key
        assert isinstance(read["r"], int) and isinstance(read["g"], int)


def _co_mention_graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_node("PERSON:甲", label="甲", type="PERSON")
    graph.add_node("ORG:乙", label="乙", type="ORG")
    graph.add_edge("PERSON:甲", "ORG:乙", key="co_mention", relation="co_mention", weight=2.0)
    graph.add_edge(
        "PERSON:甲", "ORG:乙", key="holds_position:市长", relation="holds_position", title="市长"
    )
    return graph


def test_graphml_co_mention_is_an_undirected_edge_in_a_directed_graph(tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    write_graphml(_co_mention_graph(), path)
    root = _parse(path)
    assert root.find("g:graph", NS).get("edgedefault") == "directed"
    directed = {
        e.find("g:data[@key='relation']", NS).text: e.get("directed")
        for e in root.iter(f"{{{NS['g']}}}edge")
    }
    assert directed == {"co_mention": "false", "holds_position": None}
    back = read_graph(path)  # kg reads the mixed graph: the co-mention once, as written
    assert sorted(k for *_, k in back.edges(keys=True)) == ["co_mention", "holds_position:市长"]
    assert back.edges["PERSON:甲", "ORG:乙", "co_mention"]["weight"] == 2.0


def test_graphml_mixed_graph_as_other_readers_see_it(tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    write_graphml(_co_mention_graph(), path)
    # networkx's reader refuses a mixed graph: read it with kg.readwrite.read_graph instead.
    with pytest.raises(nx.NetworkXError, match="directed=false edge found in directed graph"):
        nx.read_graphml(path)
    igraph = pytest.importorskip("igraph")
    ig = igraph.Graph.Read_GraphML(str(path))  # igraph takes every edge as directed
    assert ig.is_directed() and ig.ecount() == 2
    assert sorted(ig.es["relation"]) == ["co_mention", "holds_position"]


def test_graphml_undirected_graph_writes_no_per_edge_direction(tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    write_graphml(nx.MultiGraph(_co_mention_graph()), path)
    root = _parse(path)
    assert root.find("g:graph", NS).get("edgedefault") == "undirected"
    edges = list(root.iter(f"{{{NS['g']}}}edge"))
    assert len(edges) == 2 and all(e.get("directed") is None for e in edges)
    assert nx.read_graphml(path, force_multigraph=True).number_of_edges() == 2


def test_graphml_small_values_survive(tmp_path: Path, small_graph: nx.MultiDiGraph) -> None:
    path = tmp_path / "g.graphml"
    write_graphml(small_graph, path)
    back = read_graph(path)
    evidence = back.edges["PERSON:张伟", "ORG:聊城市人民政府", "holds_position"]["evidence"]
    assert evidence == [
        Evidence("", '副市长张伟说："要抓好<落实>& 推进"。'),
        Evidence("", "第二段\t制表"),
    ]
    assert back.nodes["PROJECT:“AT&T <测试>”项目"]["label"] == "“AT&T <测试>”项目 \"引号\" 'x'"
    assert back.nodes["PERSON:张伟"]["mentions"] == 4
    assert back.nodes["PERSON:张伟"]["pagerank"] == 0.31


@pytest.mark.parametrize("case", CASES)
def test_graphml_read_by_igraph(tmp_path: Path, load_case, case: str) -> None:
    igraph = pytest.importorskip("igraph")
    graph = load_case(case)
    path = tmp_path / "g.graphml"
    write_graphml(graph, path)
    ig = igraph.Graph.Read_GraphML(str(path))
    expected = clean_graph(graph)
    assert ig.is_directed()
    assert ig.vcount() == expected.number_of_nodes()
    assert ig.ecount() == expected.number_of_edges()
    # igraph keeps numbers as float (its attribute store is double); strings stay strings.
    node_types = {k: type(v) for _, d in expected.nodes(data=True) for k, v in d.items()}
    for name, kind in node_types.items():
        values = [v for v in ig.vs[name] if v not in ("", None) and not _is_nan(v)]
        wanted = str if kind is str else float
        assert all(type(v) is wanted for v in values), name
    assert sorted(ig.vs["label"]) == sorted(d["label"] for _, d in expected.nodes(data=True))
    assert ig.es["weight"] == [d["weight"] for *_, d in expected.edges(keys=True, data=True)]


def _is_nan(value: object) -> bool:
    return isinstance(value, float) and math.isnan(value)


def _parse(path: Path) -> ET.Element:
    return ET.parse(path).getroot()  # raises ParseError on invalid XML


def test_graphml_named_key_ids_are_unique_and_gephi_ready(tmp_path: Path, small_graph) -> None:
    path = tmp_path / "g.graphml"
    write_graphml(small_graph, path)
    keys = _parse(path).findall("g:key", NS)
    ids = [k.get("id") for k in keys]
    assert len(ids) == len(set(ids))
    by_id = {k.get("id"): (k.get("for"), k.get("attr.name"), k.get("attr.type")) for k in keys}
    assert by_id["label"] == ("node", "label", "string")
    assert by_id["weight"] == ("edge", "weight", "double")
    assert by_id["mentions"] == ("node", "mentions", "long")
    assert by_id["pagerank"] == ("node", "pagerank", "double")
    assert by_id["article_ids"] == ("node", "article_ids", "string")
    assert by_id["edge_article_ids"] == ("edge", "article_ids", "string")
    assert {by_id[c] for c in "rgb"} == {("node", c, "long") for c in "rgb"}
    assert not any(i.startswith("d") and i[1:].isdigit() for i in ids)


def test_graphml_edge_ids_unique_across_document(tmp_path: Path, small_graph) -> None:
    path = tmp_path / "g.graphml"
    write_graphml(small_graph, path)
    edge_ids = [e.get("id") for e in _parse(path).iter(f"{{{NS['g']}}}edge")]
    assert len(edge_ids) == small_graph.number_of_edges() == len(set(edge_ids))


@pytest.mark.parametrize("case", CASES)
def test_graphml_node_colours_follow_type(tmp_path: Path, load_case, case: str) -> None:
    graph = load_case(case)
    path = tmp_path / "g.graphml"
    write_graphml(graph, path)
    back = networkx_read(path)
    for node, data in back.nodes(data=True):
        assert (data["r"], data["g"], data["b"]) == TYPE_COLORS.get(data["type"], DEFAULT_COLOR)


def test_graphml_control_chars_stripped_and_xml_valid(tmp_path: Path, load_case) -> None:
    path = tmp_path / "g.graphml"
    write_graphml(load_case("control_chars"), path)
    root = _parse(path)
    labels = sorted(d.text for d in root.iter(f"{{{NS['g']}}}data") if d.get("key") == "label")
    assert labels == sorted(["李明", "某局"])


def test_graphml_raw_networkx_output_would_be_invalid(tmp_path: Path, load_case) -> None:
    # Guards the premise of the cleaning: without it the file cannot be parsed back.
    path = tmp_path / "raw.graphml"
    nx.write_graphml(load_case("control_chars"), path)
    with pytest.raises(ET.ParseError):
        _parse(path)


def test_graphml_writes_to_binary_file_and_refuses_text(small_graph) -> None:
    buffer = io.BytesIO()
    write_graphml(small_graph, buffer)
    assert buffer.getvalue().startswith(b"<?xml")
    with pytest.raises(TypeError, match="binary"):
        write_graphml(small_graph, io.StringIO())


def test_graphml_does_not_change_input(tmp_path: Path, small_graph) -> None:
    before = (dict(small_graph.nodes(data=True)), _edges(small_graph))
    write_graphml(small_graph, tmp_path / "g.graphml")
    assert (dict(small_graph.nodes(data=True)), _edges(small_graph)) == before


def test_graphml_attribute_names_with_quotes_stay_valid_xml(tmp_path: Path) -> None:
    # A graph read from another tool may name an attribute anything: the key id is quoted.
    graph = nx.MultiDiGraph()
    graph.add_node("ORG:甲", **{'say "hi"': "x", "it's": 1})
    graph.add_node("ORG:乙")
    graph.add_edge("ORG:甲", "ORG:乙", key="co_mention", **{'w&"': 2.0})
    path = tmp_path / "g.graphml"
    write_graphml(graph, path)
    back = nx.read_graphml(path)
    assert back.nodes["ORG:甲"]['say "hi"'] == "x" and back.nodes["ORG:甲"]["it's"] == 1
    assert next(iter(back.edges(data=True)))[2]['w&"'] == 2.0
