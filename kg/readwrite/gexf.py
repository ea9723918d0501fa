"""GEXF 1.2 for Gephi, with viz colour (from entity type) and size (from pagerank).

igraph cannot read GEXF; networkx and Gephi can. networkx's GEXF writer moves the node
``label`` and edge ``weight`` into the element's own attributes and stores multigraph edge
keys as the ``networkx_key`` attribute; ``nx.read_gexf`` undoes both.

A symmetric relation (co-mention) is written as an undirected edge (``type="undirected"``) in
the directed graph: Gephi reads the file as a mixed graph and draws co-mentions without
arrows. networkx's GEXF reader refuses mixed files, so kg reads its graphs back from GraphML
(the same mixed graph, read with networkx's reader minus that check) or JSON.
"""

from __future__ import annotations

import networkx as nx

from kg.readwrite._output import PathOrFile, open_binary
from kg.readwrite.clean import clean_copy
from kg.readwrite.styles import UNDIRECTED_RELATIONS, scaled_sizes, type_color


def _pagerank(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def write_gexf(graph: nx.Graph, path_or_file: PathOrFile, *, version: str = "1.2draft") -> None:
    """Write ``graph`` as GEXF (UTF-8); a path is written atomically, a file must be binary."""
    out = clean_copy(graph)  # styling is added to it: never to a graph shared with other writers
    nodes = list(out.nodes(data=True))
    sizes = scaled_sizes(_pagerank(data.get("pagerank")) for _, data in nodes)
    for (_, data), size in zip(nodes, sizes, strict=True):
        r, g, b = type_color(data.get("type"))
        data["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}, "size": size}
    if out.is_directed():
        for _, _, data in out.edges(data=True):
            if data.get("relation") in UNDIRECTED_RELATIONS:
                data["type"] = "undirected"  # networkx writes it as the edge's own attribute
    with open_binary(path_or_file) as handle:
        nx.write_gexf(out, handle, encoding="utf-8", prettyprint=True, version=version)
