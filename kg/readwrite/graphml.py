"""GraphML for Gephi, igraph and networkx.

Gephi matches GraphML keys by their ``id``: networkx's default ids (d0, d1, ...) collide
with Gephi's built-in associations (a ``d`` key gets read as the label), so keys are named
after their attribute (``named_key_ids``). When a node and an edge attribute share a name
(``article_ids``) the edge key gets id ``edge_<name>`` so ids stay unique; readers use
``attr.name``, so the attribute name is unchanged. Graph-level keys are ``graph_<name>``.
Nodes and edges also get integer ``r``, ``g``, ``b`` (colour per entity type or relation,
from kg.palette as in the HTML views), which Gephi reads.

Edge ids must be unique in the document (Gephi refuses a second edge with an id it has
seen), but a MultiDiGraph key is only unique per node pair (two ``co_mention`` edges from
different pairs). So edges get ids ``e0``, ``e1``, ... and the key travels as the edge
attribute ``key``; ``read_graphml`` turns it back into the edge key.

A symmetric relation (co-mention) is one edge per pair with ``directed="false"`` in the
directed graph: GraphML's mixed graph, which Gephi draws without an arrow. networkx's own
reader refuses such a file ("directed=false edge found in directed graph"), so
``read_graphml`` here reads it with networkx's reader minus that check; igraph reads it as
all-directed (``relation`` still says which edges are symmetric).

The document is streamed (a few lines per node or edge) rather than built as an ElementTree
the way networkx's writer does: at 10,000 articles that tree has half a million elements and
took 5 s of a 20 s re-run. networkx still reads every file back in the tests.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import IO
from xml.sax.saxutils import escape, quoteattr

import networkx as nx
from networkx.readwrite.graphml import GraphMLReader

from kg.readwrite._output import PathOrFile, open_binary
from kg.readwrite.clean import Scalar, clean_graph, restore_types
from kg.readwrite.styles import UNDIRECTED_RELATIONS, relation_color, type_color

# Node and edge attributes added for Gephi only; read_graphml drops them again.
STYLE_KEYS = ("r", "g", "b")
# Edge attribute carrying the MultiDiGraph edge key.
KEY_ATTR = "key"

_NS = (
    'xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"'
)
# After clean_graph every attribute has one Python type; bool before int (bool is an int).
_XML_TYPES = ((bool, "boolean"), (int, "long"), (float, "double"), (str, "string"))
_ENTITIES = {"\n": "&#10;", "\t": "&#9;"}  # keep them through attribute-value normalisation


def _xml_type(kinds: set[type]) -> str:
    for python, xml in _XML_TYPES:
        if kinds == {python}:
            return xml
    return "double" if kinds <= {int, float} else "string"


def _text(value: Scalar) -> str:
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, str):
        return escape(value) if "&" in value or "<" in value or ">" in value else value
    return repr(value)


class _Keys:
    """GraphML <key> declarations: ids named after attributes, unique across scopes."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str], str] = {}
        self.declarations: list[str] = []
        # scope -> attribute -> its <data> start tag, indented: made once, used per record
        self._starts: dict[str, dict[str, str]] = {}

    def declare(self, scope: str, records: Iterable[Mapping[str, Scalar]]) -> None:
        kinds: dict[str, set[type]] = {}
        for record in records:
            for name, value in record.items():
                kinds.setdefault(name, set()).add(type(value))
        used = set(self.ids.values())
        starts = self._starts.setdefault(scope, {})
        for name, found in kinds.items():
            base = f"graph_{name}" if scope == "graph" else name
            if base in used:
                base = f"{scope}_{name}"
            key_id, n = base, 1
            while key_id in used:
                n += 1
                key_id = f"{base}_{n}"
            used.add(key_id)
            self.ids[(scope, name)] = key_id
            self.declarations.append(
                f'  <key id={quoteattr(key_id)} for="{scope}" attr.name={quoteattr(name)}'
                f' attr.type="{_xml_type(found)}"/>\n'
            )
            starts[name] = f"{_INDENT[scope]}<data key={quoteattr(key_id)}>"

    def data(self, scope: str, record: Mapping[str, Scalar]) -> str:
        """A record's <data> elements, one per line."""
        starts = self._starts[scope]
        return "".join([f"{starts[name]}{_text(value)}</data>\n" for name, value in record.items()])


_INDENT = {"graph": "    ", "node": "      ", "edge": "      "}


def _node_records(graph: nx.Graph) -> Iterator[tuple[str, dict[str, Scalar]]]:
    for node, data in graph.nodes(data=True):
        r, g, b = type_color(data.get("type"))
        yield node, {**data, "r": r, "g": g, "b": b}


def _edge_records(graph: nx.Graph) -> Iterator[tuple[str, str, dict[str, Scalar]]]:
    if not graph.is_multigraph():
        yield from graph.edges(data=True)
        return
    keys = [k for _, _, k in graph.edges(keys=True)]
    # One declared type per GraphML key: all ints stay ints, anything else becomes str.
    as_int = all(isinstance(k, int) for k in keys)
    for u, v, k, data in graph.edges(keys=True, data=True):
        r, g, b = relation_color(data.get("relation"))
        yield u, v, {**data, KEY_ATTR: k if as_int else str(k), "r": r, "g": g, "b": b}


def _document(graph: nx.Graph) -> Iterator[str]:
    graph_data = dict(graph.graph)
    keys = _Keys()
    keys.declare("graph", [graph_data])
    keys.declare("node", (data for _, data in _node_records(graph)))
    keys.declare("edge", (data for *_, data in _edge_records(graph)))
    yield "<?xml version='1.0' encoding='utf-8'?>\n"
    yield f"<graphml {_NS}>\n"
    yield from keys.declarations
    edgedefault = "directed" if graph.is_directed() else "undirected"
    yield f'  <graph edgedefault="{edgedefault}">\n'
    yield keys.data("graph", graph_data)
    quoted: dict[str, str] = {}  # node id -> its attribute value, for the node and its edges
    for node, data in _node_records(graph):
        quoted[node] = source = quoteattr(node, _ENTITIES)
        yield f"    <node id={source}>\n{keys.data('node', data)}    </node>\n"
    mixed = graph.is_directed()  # an undirected graph's edges are all undirected already
    for index, (u, v, data) in enumerate(_edge_records(graph)):
        both = ' directed="false"' if mixed and data.get("relation") in UNDIRECTED_RELATIONS else ""
        yield (
            f'    <edge source={quoted[u]} target={quoted[v]} id="e{index}"{both}>\n'
            f"{keys.data('edge', data)}    </edge>\n"
        )
    yield "  </graph>\n</graphml>\n"


def write_graphml(graph: nx.Graph, path_or_file: PathOrFile) -> None:
    """Write ``graph`` as GraphML (UTF-8); a path is written atomically, a file must be binary."""
    flat = clean_graph(graph)  # string ids, flat XML-legal values, one type per attribute
    with open_binary(path_or_file) as handle:
        _write_chunks(handle, _document(flat))


def _write_chunks(handle: IO[bytes], parts: Iterator[str]) -> None:
    buffer: list[str] = []
    size = 0
    for part in parts:
        buffer.append(part)
        size += len(part)
        if size > 1 << 20:
            handle.write("".join(buffer).encode("utf-8"))
            buffer, size = [], 0
    handle.write("".join(buffer).encode("utf-8"))


def read_graphml(path_or_file: PathOrFile) -> nx.MultiDiGraph:
    """Read GraphML written by ``write_graphml`` back into a MultiDiGraph, minus Gephi styling."""
    graphs = list(_MixedReader(node_type=str, force_multigraph=True)(path=path_or_file))
    if not graphs:
        raise ValueError("no <graph> element in the GraphML file")
    read = graphs[0]
    graph = nx.MultiDiGraph()
    graph.graph.update(read.graph)
    for node, data in read.nodes(data=True):
        graph.add_node(node, **{k: v for k, v in data.items() if k not in STYLE_KEYS})
    for u, v, key, data in read.edges(keys=True, data=True):
        attrs = {k: v for k, v in data.items() if k not in STYLE_KEYS}
        key = attrs.pop(KEY_ATTR, key)  # files from other tools have no key attribute
        graph.add_edge(u, v, key=key, **attrs)
        if not read.is_directed():
            graph.add_edge(v, u, key=key, **attrs)
    return restore_types(graph)


class _MixedReader(GraphMLReader):
    """networkx's GraphML reader, taking an undirected edge of a mixed graph as its one stored
    direction: kg keeps a symmetric relation once per pair, as it wrote it."""

    def add_edge(self, graph, edge_element, graphml_keys):
        if graph.is_directed() and edge_element.get("directed") == "false":
            del edge_element.attrib["directed"]
        super().add_edge(graph, edge_element, graphml_keys)
