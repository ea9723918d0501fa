from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest

from kg.readwrite import read_graph, write_json
from kg.readwrite.clean import clean_graph, restore_types
from kg.schema import Evidence

from .conftest import CASES


@pytest.mark.parametrize("case", CASES)
def test_node_link_round_trip(tmp_path: Path, load_case, case: str) -> None:
    graph = load_case(case)
    path = tmp_path / "g.json"
    write_json(graph, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    back = nx.node_link_graph(data, edges="edges")  # a plain networkx reader: keys for evidence
    expected = clean_graph(graph)
    assert back.is_multigraph() and back.is_directed()
    assert dict(back.nodes(data=True)) == dict(expected.nodes(data=True))
    assert list(back.edges(keys=True)) == list(expected.edges(keys=True))
    for node, attrs in expected.nodes(data=True):
        assert {k: type(v) for k, v in back.nodes[node].items()} == {
            k: type(v) for k, v in attrs.items()
        }
    typed = restore_types(expected.copy())  # what read_graph gives: typed evidence records
    assert list(read_graph(path).edges(keys=True, data=True)) == list(
        typed.edges(keys=True, data=True)
    )


def _evidence_graph() -> nx.MultiDiGraph:
    """Two edges backed by one sentence, one of them by a second sentence too."""
    shared = Evidence("001_a", "市长张伟会见李明。", 3)
    graph = nx.MultiDiGraph()
    graph.add_edge(
        "PERSON:张伟", "PERSON:李明", key="co_mention", relation="co_mention", evidence=[shared]
    )
    graph.add_edge(
        "PERSON:张伟",
        "ORG:市政府",
        key="holds_position:市长",
        relation="holds_position",
        evidence=[shared, Evidence("002_b", "张伟说|好。", 0)],
    )
    return graph


def test_node_link_writes_each_evidence_sentence_once(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    write_json(_evidence_graph(), path)
    text = path.read_text(encoding="utf-8")
    assert text.count("市长张伟会见李明。") == 1
    data = json.loads(text)
    assert data["evidence"] == {"001_a#3": "市长张伟会见李明。", "002_b#0": "张伟说|好。"}
    assert [e["evidence"] for e in data["edges"]] == [["001_a#3"], ["001_a#3", "002_b#0"]]
    back = read_graph(path)
    edge = back.edges["PERSON:张伟", "ORG:市政府", "holds_position:市长"]
    assert edge["evidence"] == [
        Evidence("001_a", "市长张伟会见李明。", 3),
        Evidence("002_b", "张伟说|好。", 0),
    ]
    assert (
        back.edges["PERSON:张伟", "PERSON:李明", "co_mention"]["evidence"][0] is edge["evidence"][0]
    )
    indented = tmp_path / "indented.json"
    write_json(_evidence_graph(), indented, indent=2)
    assert json.loads(indented.read_text(encoding="utf-8")) == data


def test_node_link_evidence_without_index_keeps_each_sentence(tmp_path: Path) -> None:
    # Graphs from other tools: no article, no index; two sentences must not share a key.
    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b", key=0, evidence=[Evidence("", "第一句"), Evidence("", "第二句")])
    path = tmp_path / "g.json"
    write_json(graph, path)
    assert json.loads(path.read_text(encoding="utf-8"))["evidence"] == {
        "#-1": "第一句",
        "#-1~2": "第二句",
    }
    assert read_graph(path).edges["a", "b", 0]["evidence"] == [
        Evidence("", "第一句"),
        Evidence("", "第二句"),
    ]


def test_node_link_evidence_key_missing_from_the_table_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    write_json(_evidence_graph(), path)
    assert read_graph(path).number_of_edges() == 2
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["evidence"]["002_b#0"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="002_b#0"):
        read_graph(path)


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
