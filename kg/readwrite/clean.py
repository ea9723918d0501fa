"""Make a graph safe for the writers: flat scalar attributes, XML-legal strings, one type per key.

networkx's GraphML/GEXF writers refuse lists, dicts and None, and write whatever characters
they are given even when XML 1.0 forbids them (the file then cannot be parsed back). Every
writer in this package works on ``clean_graph(graph)``, a cleaned copy; the input is not
changed.
"""

from __future__ import annotations

import json
import math
import numbers
import re
import weakref
from collections import defaultdict
from collections.abc import Hashable, Mapping
from typing import Any

import networkx as nx

LIST_SEPARATOR = "|"

# XML 1.0 Char excludes C0 controls other than \t \n \r, surrogates (in a Python str these
# are always lone) and U+FFFE/U+FFFF.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

Scalar = str | int | float | bool


def clean_text(text: str) -> str:
    """Drop the characters XML 1.0 forbids and turn \r\n / \r into \n (XML parsers do that to
    element text anyway); everything else (CJK, quotes, <, &, tabs, newlines) stays."""
    if text.isprintable():  # most text: every forbidden character is unprintable
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _XML_FORBIDDEN.sub("", text)


def flatten_value(value: Any) -> Scalar | None:
    """One attribute value as a scalar, or None to drop it.

    Collections become "|"-joined strings (sets sorted, so output is stable), mappings JSON,
    non-finite floats are dropped (JSON and GraphML readers disagree on NaN/inf).
    """
    kind = type(value)
    # Fast paths for the common exact types (ABC isinstance checks are slow on big graphs).
    if kind is str:
        return clean_text(value)
    if kind is int or kind is bool:
        return value
    if kind is float:
        return value if math.isfinite(value) else None
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral):  # also numpy integers
        return int(value)
    if isinstance(value, numbers.Real):  # also numpy floats
        number = float(value)
        return number if math.isfinite(number) else None
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, bytes):
        return clean_text(value.decode("utf-8", errors="replace"))
    if isinstance(value, Mapping):
        return clean_text(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str))
    if isinstance(value, (set, frozenset)):
        parts = sorted(_part(v) for v in value if v is not None)
        return LIST_SEPARATOR.join(p for p in parts if p)
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(p for p in (_part(v) for v in value if v is not None) if p)
    return clean_text(str(value))


def _part(value: Any) -> str:
    flat = flatten_value(value)
    return "" if flat is None else str(flat)


def flatten_attrs(data: Mapping[Any, Any]) -> dict[str, Scalar]:
    """Flatten every value; drop None; keys become cleaned strings."""
    flat: dict[str, Scalar] = {}
    for key, value in data.items():
        scalar = flatten_value(value)
        if scalar is not None:
            flat[key if type(key) is str and key.isidentifier() else clean_text(str(key))] = scalar
    return flat


def _unify(records: list[dict[str, Scalar]]) -> None:
    """Give each attribute name a single type across records (in place).

    Writers declare one type per key: int and float mix -> float, bool with numbers -> the
    number type, anything with str -> str.
    """
    kinds: dict[str, set[type]] = defaultdict(set)
    for record in records:
        for key, value in record.items():
            kinds[key].add(type(value))
    for key, found in kinds.items():
        if len(found) < 2:
            continue
        if str in found:
            target: type = str
        elif float in found:
            target = float
        else:
            target = int
        for record in records:
            if key in record:
                value = record[key]
                if target is str and isinstance(value, bool):
                    record[key] = str(value).lower()
                else:
                    record[key] = target(value)


def _clean_node_id(node: Hashable) -> str:
    return clean_text(node) if isinstance(node, str) else clean_text(str(node))


def _clean_edge_key(key: Hashable) -> Hashable:
    if isinstance(key, bool) or not isinstance(key, (int, str)):
        return clean_text(str(key))
    return clean_text(key) if isinstance(key, str) else key


def clean_copy(graph: nx.Graph) -> nx.Graph:
    """A cleaned graph the caller may modify (writers that add styling use this)."""
    out = clean_graph(graph)
    return out.copy() if out is graph else out


# Graphs this module made: cleaning one again would copy it for nothing (``kg run`` cleans once
# and hands the copy to every writer).
_CLEANED: weakref.WeakSet[nx.Graph] = weakref.WeakSet()


def clean_graph(graph: nx.Graph) -> nx.Graph:
    """A cleaned copy of ``graph`` (same class): string node ids, flat XML-safe attributes.

    Raises ValueError when cleaning would merge two distinct node ids. A graph that is itself
    the result of clean_graph is returned as is; do not modify it afterwards.
    """
    if graph in _CLEANED:
        return graph
    mapping: dict[Hashable, str] = {}
    seen: dict[str, Hashable] = {}
    for node in graph.nodes:
        new_id = _clean_node_id(node)
        if new_id in seen and seen[new_id] != node:
            raise ValueError(
                f"node ids {seen[new_id]!r} and {node!r} both become {new_id!r} once "
                "characters XML forbids are removed; rename one before exporting"
            )
        seen[new_id] = node
        mapping[node] = new_id

    out = graph.__class__()
    # networkx keeps per-format defaults (node_default, edge_default) as dicts in graph.graph;
    # they are reader state, not data, and GEXF's writer breaks on a flattened one.
    graph_attrs = {k: v for k, v in graph.graph.items() if k not in ("node_default", "edge_default")}
    out.graph.update(flatten_attrs(graph_attrs))
    node_records = [flatten_attrs(data) for _, data in graph.nodes(data=True)]
    _unify(node_records)
    for node, record in zip(graph.nodes, node_records, strict=True):
        out.add_node(mapping[node], **record)

    if graph.is_multigraph():
        edges = [(u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True)]
    else:
        edges = [(u, v, None, d) for u, v, d in graph.edges(data=True)]
    edge_records = [flatten_attrs(d) for *_, d in edges]
    _unify(edge_records)
    for (u, v, k, _), record in zip(edges, edge_records, strict=True):
        if graph.is_multigraph():
            out.add_edge(mapping[u], mapping[v], key=_clean_edge_key(k), **record)
        else:
            out.add_edge(mapping[u], mapping[v], **record)
    _CLEANED.add(out)
    return out


def attribute_types(records: list[Mapping[str, Scalar]]) -> dict[str, type]:
    """Attribute name -> its (single, after cleaning) Python type, in first-seen order."""
    types: dict[str, type] = {}
    for record in records:
        for key, value in record.items():
            types.setdefault(key, type(value))
    return types
