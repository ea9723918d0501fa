"""Node-link JSON (networkx's ``node_link_data`` with ``edges="edges"``), UTF-8, CJK unescaped."""

from __future__ import annotations

import json
import os
from typing import IO, Any

import networkx as nx

from kg.readwrite._output import PathOrFile, write_text
from kg.readwrite.clean import clean_graph


def write_json(graph: nx.Graph, path_or_file: PathOrFile, *, indent: int | None = 1) -> None:
    """Write ``graph`` as node-link JSON to a path (atomically) or an open text/binary file."""
    data = nx.node_link_data(clean_graph(graph), edges="edges")
    # allow_nan=False: clean_graph dropped NaN/inf, so this only guards against regressions.
    text = json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    write_text(path_or_file, text + "\n")


def read_json(path_or_file: str | os.PathLike[str] | IO[Any]) -> nx.MultiDiGraph:
    """Read node-link JSON written by ``write_json`` back into a MultiDiGraph."""
    if hasattr(path_or_file, "read"):
        data = json.load(path_or_file)  # type: ignore[arg-type]
    else:
        with open(path_or_file, encoding="utf-8") as handle:  # type: ignore[arg-type]
            data = json.load(handle)
    if "edges" not in data:
        raise ValueError("not node-link JSON written by kg: no 'edges' list at the top level")
    graph = nx.node_link_graph(data, edges="edges")
    if not (graph.is_multigraph() and graph.is_directed()):
        graph = nx.MultiDiGraph(graph)
    return graph
