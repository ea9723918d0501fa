"""GraphML for Gephi, igraph and networkx.

Gephi matches GraphML keys by their ``id``: networkx's default ids (d0, d1, ...) collide
with Gephi's built-in associations (a ``d`` key gets read as the label), so keys are named
after their attribute (``named_key_ids``). When a node and an edge attribute share a name
(``article_ids``) the edge key gets id ``edge_<name>`` so ids stay unique; readers use
``attr.name``, so the attribute name is unchanged. Graph-level keys are ``graph_<name>``.
Nodes also get integer ``r``, ``g``, ``b`` (colour per entity type), which Gephi reads.

Edge ids must be unique in the document (Gephi refuses a second edge with an id it has
seen), but a MultiDiGraph key is only unique per node pair (two ``co_mention`` edges from
different pairs). So edges get ids ``e0``, ``e1``, ... and the key travels as the edge
attribute ``key``; ``read_graphml`` turns it back into the edge key.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

from kg.readwrite._output import PathOrFile, open_binary
from kg.readwrite.clean import clean_copy
from kg.readwrite.styles import type_color

# Node attributes added for Gephi only; read_graph drops them again.
STYLE_KEYS = ("r", "g", "b")
# Edge attribute carrying the MultiDiGraph edge key.
KEY_ATTR = "key"


class _UniqueNamedKeyWriter(GraphMLWriter):
    """networkx's writer with named key ids that stay unique across node/edge/graph scope."""

    def get_key(self, name: str, attr_type: str, scope: str, default: Any) -> str:
        existing = self.keys.get((name, attr_type, scope))
        if existing is not None:
            return existing
        used = set(self.keys.values())
        base = f"graph_{name}" if scope == "graph" else name
        if base in used:
            base = f"{scope}_{name}"
        key_id, n = base, 1
        while key_id in used:
            n += 1
            key_id = f"{base}_{n}"
        self.keys[(name, attr_type, scope)] = key_id
        key_element = self.myElement(
            "key", **{"id": key_id, "for": scope, "attr.name": name, "attr.type": attr_type}
        )
        if default is not None:
            default_element = self.myElement("default")
            default_element.text = str(default)
            key_element.append(default_element)
        self.xml.insert(0, key_element)
        return key_id

    def add_edges(self, G: nx.Graph, graph_element: Any) -> None:
        default = G.graph.get("edge_default", {})
        for index, (u, v, data) in enumerate(G.edges(data=True)):
            edge_element = self.myElement("edge", source=str(u), target=str(v), id=f"e{index}")
            self.add_attributes("edge", edge_element, data, default)
            graph_element.append(edge_element)


def styled_for_gephi(graph: nx.Graph) -> nx.Graph:
    """Cleaned copy with r, g, b node attributes from the entity type and edge keys as data."""
    out = clean_copy(graph)  # styling is added to it: never to a graph shared with other writers
    for _, data in out.nodes(data=True):
        data["r"], data["g"], data["b"] = type_color(data.get("type"))
    if out.is_multigraph():
        keys = [k for _, _, k in out.edges(keys=True)]
        # One declared type per GraphML key: all ints stay ints, anything else becomes str.
        as_int = all(isinstance(k, int) for k in keys)
        for u, v, k, data in out.edges(keys=True, data=True):
            data[KEY_ATTR] = k if as_int else str(k)
    return out


def write_graphml(graph: nx.Graph, path_or_file: PathOrFile) -> None:
    """Write ``graph`` as GraphML (UTF-8); a path is written atomically, a file must be binary."""
    writer = _UniqueNamedKeyWriter(
        encoding="utf-8", prettyprint=True, infer_numeric_types=True, named_key_ids=True
    )
    writer.add_graph_element(styled_for_gephi(graph))
    with open_binary(path_or_file) as handle:
        writer.dump(handle)


def read_graphml(path_or_file: PathOrFile) -> nx.MultiDiGraph:
    """Read GraphML written by ``write_graphml`` back into a MultiDiGraph, minus Gephi styling."""
    read = nx.read_graphml(path_or_file, force_multigraph=True)
    graph = nx.MultiDiGraph()
    graph.graph.update(read.graph)
    for node, data in read.nodes(data=True):
        graph.add_node(node, **{k: v for k, v in data.items() if k not in STYLE_KEYS})
    for u, v, key, data in read.edges(keys=True, data=True):
        attrs = dict(data)
        key = attrs.pop(KEY_ATTR, key)  # files from other tools have no key attribute
        graph.add_edge(u, v, key=key, **attrs)
        if not read.is_directed():
            graph.add_edge(v, u, key=key, **attrs)
    return graph
