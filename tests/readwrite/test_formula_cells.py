"""Spreadsheet-safe CSV: no text cell of entities.csv, relations.csv or the Neo4j CSVs starts a
formula; numbers stay numbers; the raw form and unquote_cell give the values back exactly."""

from __future__ import annotations

import csv
from pathlib import Path

from kg.readwrite import export
from kg.readwrite.clean import clean_graph
from kg.readwrite.tables import runs_as_formula, unquote_cell

from .conftest import load_case


def _cells(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))[1:]


def _values(graph) -> set[str]:
    found = {str(n) for n in graph}
    for _, data in graph.nodes(data=True):
        found.update(v for v in data.values() if isinstance(v, str))
    for _, _, data in graph.edges(data=True):
        found.update(v for v in data.values() if isinstance(v, str))
    return found


def test_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    graph = load_case("formula_cells")
    for fmt in ("csv", "neo4j"):
        paths = [p for p in export(graph, fmt, tmp_path / fmt) if p.suffix == ".csv"]
        cells = [c for p in paths for row in _cells(p) for c in row]
        assert not [c for c in cells if runs_as_formula(c)], fmt
        assert '\'=HYPERLINK("http://evil.example/","x")' in cells  # the JSONL id, as text
        assert "'+HYP有限公司" in cells
        assert "-0.3" in cells  # a negative number stays a number
        assert _values(clean_graph(graph)) <= {unquote_cell(c) for c in cells}  # all come back


def test_raw_csv_keeps_cells_as_they_are(tmp_path: Path) -> None:
    graph = load_case("formula_cells")
    (nodes, _edges) = export(graph, "csv", tmp_path, raw=True)
    labels = {row[1] for row in _cells(nodes)}
    assert {"+HYP有限公司", "-2+3", "'quoted"} <= labels
    assert "'+HYP有限公司" not in labels
    assert {c for c in labels if runs_as_formula(c)} == {
        "+HYP有限公司",
        "-2+3",
    }  # the check can fail


def test_neo4j_script_takes_the_mark_off_unless_raw(tmp_path: Path) -> None:
    graph = load_case("formula_cells")
    safe = export(graph, "neo4j", tmp_path / "safe")[-1].read_text(encoding="utf-8")
    raw = export(graph, "neo4j", tmp_path / "raw", raw=True)[-1].read_text(encoding="utf-8")
    assert "STARTS WITH '\\''" in safe and "substring(row.`label`, 1)" in safe
    assert "STARTS WITH" not in raw and "n.`label` = row.`label`" in raw
