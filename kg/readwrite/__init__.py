"""Exports of the knowledge graph: GraphML, GEXF, node-link JSON, CSV tables, Neo4j.

Every writer works on a cleaned copy (see ``kg.readwrite.clean``) and writes files
atomically (``kg.readwrite.atomic``). ``read_graph`` reads our own GraphML or JSON back.
"""

from __future__ import annotations

import os
from pathlib import Path

import networkx as nx

from kg.readwrite.atomic import atomic_write
from kg.readwrite.gexf import write_gexf
from kg.readwrite.graphml import read_graphml, write_graphml
from kg.readwrite.neo4j import write_neo4j
from kg.readwrite.node_link import read_json, write_json
from kg.readwrite.tables import write_csv

# Single-file formats and their file suffix; the others write a folder of files.
FILE_SUFFIXES: dict[str, str] = {"graphml": ".graphml", "gexf": ".gexf", "json": ".json"}
FORMATS: tuple[str, ...] = ("graphml", "gexf", "json", "csv", "neo4j")
DEFAULT_STEM = "graph"

__all__ = [
    "FORMATS",
    "atomic_write",
    "export",
    "read_graph",
    "write_csv",
    "write_gexf",
    "write_graphml",
    "write_json",
    "write_neo4j",
]


def export(
    graph: nx.Graph, fmt: str, out: str | os.PathLike[str], *, raw: bool = False
) -> list[Path]:
    """Write ``graph`` in format ``fmt`` and return the files written.

    For graphml/gexf/json, ``out`` is the file when its suffix matches the format
    (``run/graph.graphml``), otherwise a folder that gets ``graph.<suffix>``. For csv and
    neo4j, ``out`` is the folder for their files, spreadsheet-safe unless ``raw``.
    """
    name = fmt.lower().strip()
    if name not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    target = Path(out)
    if name == "csv":
        return write_csv(graph, target, raw=raw)
    if name == "neo4j":
        return write_neo4j(graph, target, raw=raw)
    suffix = FILE_SUFFIXES[name]
    path = target if target.suffix.lower() == suffix else target / f"{DEFAULT_STEM}{suffix}"
    writer = {"graphml": write_graphml, "gexf": write_gexf, "json": write_json}[name]
    writer(graph, path)
    return [path]


def read_graph(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Read a graph written by ``write_graphml`` (.graphml) or ``write_json`` (.json)."""
    source = Path(path)
    suffix = source.suffix.lower()
    if not source.is_file():
        raise FileNotFoundError(f"no graph file at {source}")
    if suffix in (".graphml", ".xml"):
        return read_graphml(source)
    if suffix == ".json":
        return read_json(source)
    raise ValueError(f"cannot read {source.name}: read_graph reads .graphml or .json files")
