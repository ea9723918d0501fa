"""Node-link JSON (networkx's ``node_link_data`` with ``edges="edges"``), UTF-8, CJK unescaped.

Written one node or edge per line: a pager, ``grep`` and ``diff`` work on it, and each line
goes through orjson (``indent`` uses json's pure-Python indenting encoder instead, several
times slower on a 10,000-article graph).

Each evidence sentence is written once, in the top-level table ``"evidence"``
(``{"article#index": sentence}``); an edge's ``evidence`` is the list of its keys (at 2,000
articles a sentence backed a dozen edges on average). ``read_json`` turns the keys back into
Evidence records.
"""

from __future__ import annotations

import json
import os
from typing import IO, Any

import networkx as nx

from kg.readwrite import json_text
from kg.readwrite._output import PathOrFile, write_text
from kg.readwrite.clean import clean_graph, resolve_evidence, restore_types, share_evidence

# The top-level table of evidence sentences, beside networkx's "nodes" and "edges".
EVIDENCE_TABLE = "evidence"


def write_json(graph: nx.Graph, path_or_file: PathOrFile, *, indent: int | None = None) -> None:
    """Write ``graph`` as node-link JSON to a path (atomically) or an open text/binary file.

    By default one node or edge per line; ``indent`` gives json's indented layout instead.
    """
    data = nx.node_link_data(clean_graph(graph), edges="edges")
    # node_link_data made new edge dicts: keys replace the text there, not in the graph
    data[EVIDENCE_TABLE] = share_evidence(data["edges"])
    if indent is not None:
        write_text(path_or_file, _dumps(data, indent=indent) + "\n")
        return
    lines = ["{"]
    fields = list(data.items())
    for index, (name, value) in enumerate(fields):
        comma = "," if index < len(fields) - 1 else ""
        if isinstance(value, list) and value:
            lines.append(f"{_dumps(name)}: [")
            lines.extend(_dumps(item) + "," for item in value[:-1])
            lines.append(_dumps(value[-1]))
            lines.append(f"]{comma}")
        elif name == EVIDENCE_TABLE and value:
            entries = [f"{_dumps(key)}: {_dumps(text)}" for key, text in value.items()]
            lines.append(f"{_dumps(name)}: {{")
            lines.append(",\n".join(entries))
            lines.append(f"}}{comma}")
        else:
            lines.append(f"{_dumps(name)}: {_dumps(value)}{comma}")
    lines.append("}")
    write_text(path_or_file, "\n".join(lines) + "\n")


def _dumps(value: Any, indent: int | None = None) -> str:
    if indent is not None:
        # allow_nan=False: clean_graph dropped NaN/inf, so this only guards against regressions.
        return json.dumps(value, ensure_ascii=False, indent=indent, allow_nan=False)
    return json_text.dumps(value)


def read_json(path_or_file: str | os.PathLike[str] | IO[Any]) -> nx.MultiDiGraph:
    """Read node-link JSON written by ``write_json`` back into a MultiDiGraph."""
    if hasattr(path_or_file, "read"):
        data = json.load(path_or_file)  # type: ignore[arg-type]
    else:
        with open(path_or_file, encoding="utf-8") as handle:  # type: ignore[arg-type]
            data = json.load(handle)
    if "edges" not in data:
        raise ValueError("not node-link JSON written by kg: no 'edges' list at the top level")
    table = data.get(EVIDENCE_TABLE, {})
    if not isinstance(table, dict):
        raise TypeError(f"not node-link JSON written by kg: {EVIDENCE_TABLE!r} is not an object")
    resolve_evidence(data["edges"], table)
    graph = nx.node_link_graph(data, edges="edges")
    if not (graph.is_multigraph() and graph.is_directed()):
        graph = nx.MultiDiGraph(graph)
    return restore_types(graph)
