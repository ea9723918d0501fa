from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest

from kg.readwrite import read_graph, write_json
from kg.readwrite.clean import clean_graph, restore_types

from .conftest import CASES


@pytest.mark.parametrize("case", CASES)
def test_node_link_round_trip(tmp_path: Path, load_case, case: str) -> None:
    graph = load_case(case)
    path = tmp_path / "g.json"
    write_json(graph, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    back = nx.node_link_graph(data, edges="edges")
    expected = clean_graph(graph)
    assert back.is_multigraph() and back.is_directed()
    assert dict(back.nodes(data=True)) == dict(expected.nodes(data=True))
    assert list(back.edges(keys=True, data=True)) == list(expected.edges(keys=True, data=True))
    for node, attrs in expected.nodes(data=True):
        assert {k: type(v) for k, v in back.nodes[node].items()} == {
            k: type(v) for k, v in attrs.items()
        }
    assert list(read_graph(path).edges(keys=True, data=True)) == list(
        restore_types(back).edges(keys=True, data=True)
    )


def test_node_link_keeps_cjk_unescaped(tmp_path: Path, small_graph) -> None:
    path = tmp_path / "g.json"
    write_json(small_graph, path)
    text = path.read_text(encoding="utf-8")
    assert "聊城市人民政府" in text and "\\u" not in text
    assert set(json.loads(text)) >= {"nodes", "edges", "directed", "multigraph"}


@pytest.mark.parametrize("buffer_type", [io.StringIO, io.BytesIO])
def test_node_link_writes_to_open_files(small_graph, buffer_type) -> None:
    buffer = buffer_type()
    write_json(small_graph, buffer)
    value = buffer.getvalue()
    text = value.decode("utf-8") if isinstance(value, bytes) else value
    assert len(json.loads(text)["edges"]) == small_graph.number_of_edges()


def test_node_link_read_rejects_other_json(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"nodes": [], "links": []}', encoding="utf-8")
    with pytest.raises(ValueError, match="edges"):
        read_graph(path)


def test_node_link_one_node_or_edge_per_line(tmp_path: Path, small_graph) -> None:
    path = tmp_path / "g.json"
    write_json(small_graph, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line.rstrip(",")) for line in lines if line.startswith('{"')]
    assert len(records) == small_graph.number_of_nodes() + small_graph.number_of_edges()
    indented = tmp_path / "indented.json"
    write_json(small_graph, indented, indent=2)
    assert json.loads(indented.read_text(encoding="utf-8")) == json.loads("\n".join(lines))
