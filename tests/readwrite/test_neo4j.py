from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kg.readwrite import write_neo4j
from kg.readwrite.neo4j import relationship_type

from .conftest import CASES


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def test_neo4j_headers_are_typed(tmp_path: Path, small_graph) -> None:
    nodes_path, edges_path, cypher_path = write_neo4j(small_graph, tmp_path)
    assert [p.name for p in (nodes_path, edges_path, cypher_path)] == [
        "nodes.csv",
        "relationships.csv",
        "import.cypher",
    ]
    node_header, node_rows = _read(nodes_path)
    assert node_header == [
        "id:ID",
        "label",
        "type",
        "aliases",
        "mentions:long",
        "articles:long",
        "article_ids",
        "titles",
        "pagerank:double",
        "community:long",
        "degree:long",
        ":LABEL",
    ]
    edge_header, edge_rows = _read(edges_path)
    assert edge_header == [
        ":START_ID",
        ":END_ID",
        ":TYPE",
        "key",
        "relation",
        "weight:double",
        "title",
        "evidence",
        "article_ids",
        "date",
    ]
    assert {row[-1] for row in node_rows} == {
        "Entity;PERSON",
        "Entity;ORG",
        "Entity;LOC",
        "Entity;PROJECT",
    }
    assert sorted(row[2] for row in edge_rows) == [
        "CO_MENTION",
        "CO_MENTION",
        "HOLDS_POSITION",
        "LOCATED_IN",
    ]


@pytest.mark.parametrize("case", CASES)
def test_neo4j_rows_match_graph(tmp_path: Path, load_case, case: str) -> None:
    graph = load_case(case)
    nodes_path, edges_path, cypher_path = write_neo4j(graph, tmp_path)
    node_header, node_rows = _read(nodes_path)
    _, edge_rows = _read(edges_path)
    assert len(node_rows) == graph.number_of_nodes()
    assert len(edge_rows) == graph.number_of_edges()
    assert all(len(row) == len(node_header) for row in node_rows)
    ids = {row[0] for row in node_rows}
    assert all(row[0] in ids and row[1] in ids for row in edge_rows)  # every endpoint is a node
    script = cypher_path.read_text(encoding="utf-8")
    assert script.count("LOAD CSV WITH HEADERS") == 1 + len({row[2] for row in edge_rows})
    for rel in {row[2] for row in edge_rows}:
        assert f"MERGE (a)-[r:`{rel}`" in script


@pytest.mark.parametrize(
    ("relation", "expected"),
    [
        ("holds_position", "HOLDS_POSITION"),
        ("co-mention", "CO_MENTION"),
        (None, "RELATED_TO"),
        ("", "RELATED_TO"),
        ("1st", "_1ST"),
        ("任职", "任职"),
    ],
)
def test_neo4j_relationship_type(relation: object, expected: str) -> None:
    assert relationship_type(relation) == expected


def test_neo4j_cypher_casts_numbers(tmp_path: Path, small_graph) -> None:
    *_, cypher_path = write_neo4j(small_graph, tmp_path)
    script = cypher_path.read_text(encoding="utf-8")
    assert "n.`mentions` = toInteger(row.`mentions:long`)" in script
    assert "r.`weight` = toFloat(row.`weight:double`)" in script
    assert "--multiline-fields=true" in script
