"""The dispatcher and read_graph in kg/readwrite/__init__.py."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from kg.readwrite import FORMATS, export, read_graph
from kg.readwrite.clean import clean_graph, restore_types


@pytest.mark.parametrize(
    ("fmt", "out", "names"),
    [
        ("graphml", "run", ["graph.graphml"]),
        ("graphml", "run/kg.graphml", ["kg.graphml"]),
        ("GEXF", "run", ["graph.gexf"]),
        ("json", "run/x.json", ["x.json"]),
        ("csv", "run", ["entities.csv", "relations.csv"]),
        ("neo4j", "run/neo4j", ["nodes.csv", "relationships.csv", "import.cypher"]),
    ],
)
def test_export_dispatches_and_names_files(tmp_path: Path, small_graph, fmt, out, names) -> None:
    paths = export(small_graph, fmt, tmp_path / out)
    assert [p.name for p in paths] == names
    assert all(p.is_file() and p.stat().st_size > 0 for p in paths)


def test_export_rejects_unknown_format(tmp_path: Path, small_graph) -> None:
    with pytest.raises(ValueError, match="graphml"):
        export(small_graph, "dot", tmp_path)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_failure_leaves_no_partial_files(
    tmp_path: Path, small_graph, monkeypatch, fmt
) -> None:
    from kg.readwrite import atomic

    def broken_fsync(fd: int) -> None:  # fails after the bytes went to the temp file
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        export(small_graph, fmt, tmp_path / "out")
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


@pytest.mark.parametrize("fmt", ["graphml", "json"])
def test_export_read_graph_round_trip(tmp_path: Path, small_graph, fmt: str) -> None:
    (path,) = export(small_graph, fmt, tmp_path)
    back = read_graph(path)
    assert isinstance(back, nx.MultiDiGraph)
    expected = restore_types(clean_graph(small_graph).copy())  # lists and evidence typed again
    assert dict(back.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True), key=repr) == sorted(
        expected.edges(keys=True, data=True), key=repr
    )


@pytest.mark.parametrize(
    ("name", "error"), [("g.gexf", ValueError), ("missing.graphml", FileNotFoundError)]
)
def test_export_read_graph_refuses(tmp_path: Path, name: str, error: type) -> None:
    if error is ValueError:
        (tmp_path / name).write_text("<gexf/>", encoding="utf-8")
    with pytest.raises(error):
        read_graph(tmp_path / name)
