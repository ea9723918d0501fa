from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest

from kg.readwrite import write_csv
from kg.readwrite.clean import clean_graph
from kg.readwrite.tables import unquote_cell

from .conftest import CASES


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("case", CASES)
def test_tables_round_trip(tmp_path: Path, load_case, case: str) -> None:
    graph = load_case(case)
    nodes_path, edges_path = write_csv(graph, tmp_path)
    expected = clean_graph(graph)
    nodes, edges = _read(nodes_path), _read(edges_path)
    assert len(nodes) == expected.number_of_nodes()
    assert len(edges) == expected.number_of_edges()
    by_id = {row["id"]: row for row in nodes}
    for node, data in expected.nodes(data=True):
        for key, value in data.items():
            cell = by_id[node][key]
            if isinstance(value, bool):
                assert cell == str(value).lower()
            elif isinstance(value, (int, float)):
                assert type(value)(cell) == value  # numbers parse back to the same value
            else:
                assert unquote_cell(cell) == value
    rows = {(r["source"], r["target"], r["key"]): r for r in edges}
    for u, v, k, data in expected.edges(keys=True, data=True):
        row = rows[(u, v, str(k))]
        assert float(row["weight"]) == data["weight"]
        assert unquote_cell(row.get("evidence", "")) == data.get("evidence", "")


def test_tables_headers_and_default_names(tmp_path: Path, small_graph) -> None:
    paths = write_csv(small_graph, tmp_path)
    assert [p.name for p in paths] == ["entities.csv", "relations.csv"]
    with paths[0].open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == [
        "id",
        "label",
        "type",
        "aliases",
        "mentions",
        "articles",
        "article_ids",
        "titles",
        "pagerank",
        "community",
        "degree",
    ]
    with paths[1].open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == [
        "source",
        "target",
        "key",
        "relation",
        "weight",
        "title",
        "evidence",
        "article_ids",
        "date",
    ]


def test_tables_custom_names_and_multiline_cells(tmp_path: Path, small_graph) -> None:
    paths = write_csv(small_graph, tmp_path / "out", nodes_name="nodes.csv", edges_name="edges.csv")
    assert [p.name for p in paths] == ["nodes.csv", "edges.csv"]
    evidence = [r["evidence"] for r in _read(paths[1]) if r["key"] == "holds_position"]
    assert evidence == ['副市长张伟说："要抓好<落实>& 推进"。\n第二段\t制表']


def test_tables_excel_encoding_writes_bom(tmp_path: Path, small_graph) -> None:
    nodes_path, _ = write_csv(small_graph, tmp_path, encoding="utf-8-sig")
    assert nodes_path.read_bytes().startswith(b"\xef\xbb\xbfid,")


def test_tables_write_the_article_table(tmp_path: Path) -> None:
    from kg.schema import ArticleInfo

    graph = nx.MultiDiGraph(
        article_info={
            "p#1": ArticleInfo(
                "p#1",
                "标题",
                "2024-12-20",
                "text",
                "pages/p.txt",
                "https://x.cn/1",
                ("记者 姜振", "通讯员 高田"),
            ),
            "p#2": ArticleInfo("p#2"),
        }
    )
    graph.add_node("PERSON:李强", label="李强", type="PERSON")
    paths = write_csv(graph, tmp_path)
    assert [p.name for p in paths] == ["entities.csv", "relations.csv", "articles.csv"]
    with (tmp_path / "articles.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["id", "title", "date", "date_source", "source", "url", "byline"]
    assert rows[1] == [
        "p#1",
        "标题",
        "2024-12-20",
        "text",
        "pages/p.txt",
        "https://x.cn/1",
        "记者 姜振|通讯员 高田",
    ]
    assert rows[2][0] == "p#2" and rows[2][1:] == ["", "", "", "", "", ""]
    assert write_csv(nx.MultiDiGraph(), tmp_path / "bare")[-1].name == "relations.csv"
