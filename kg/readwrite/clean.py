"""Make a graph safe for the writers: flat scalar attributes, XML-legal strings, one type per key.

networkx's GraphML/GEXF writers refuse lists, dicts and None, and write whatever characters
they are given even when XML 1.0 forbids them (the file then cannot be parsed back). Every
writer in this package works on ``clean_graph(graph)``, a cleaned copy; the input is not
changed.
"""

from __future__ import annotations

import dataclasses
import json
import math
import numbers
import re
import weakref
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import networkx as nx

from kg.schema import ArticleInfo, Evidence

# The one place typed records become text: names in a list are joined with LIST_SEPARATOR;
# evidence (sentences, which may hold a "|") is one "[article]@index sentence" per line.
LIST_SEPARATOR = "|"
EVIDENCE_SEPARATOR = "\n"
_EVIDENCE_LINE = re.compile(r"^\[([^\]\n]*)\](?:@(\d+))?\s?(.*)$")

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


def _same(value: Scalar) -> Scalar:
    return value


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


_EXACT = {str: clean_text, int: _same, bool: _same, float: _finite}


def flatten_value(value: Any) -> Scalar | None:
    """One attribute value as a scalar, or None to drop it.

    Collections become "|"-joined strings (sets sorted, so output is stable), mappings JSON,
    non-finite floats are dropped (JSON and GraphML readers disagree on NaN/inf).
    """
    # Fast paths for the common exact types (ABC isinstance checks are slow on big graphs).
    fast = _EXACT.get(type(value))
    if fast is not None:
        return fast(value)
    if value is None:
        return None
    if isinstance(value, numbers.Real):  # bool, numpy integers and floats
        return _number(value)
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, bytes):
        return clean_text(value.decode("utf-8", errors="replace"))
    if isinstance(value, Mapping):
        return clean_text(json.dumps(value, ensure_ascii=False, sort_keys=True, default=_jsonable))
    if isinstance(value, (set, frozenset, list, tuple)):
        return _joined(value)
    if dataclasses.is_dataclass(value):
        return clean_text(json.dumps(_jsonable(value), ensure_ascii=False, sort_keys=True))
    return clean_text(str(value))


def _number(value: numbers.Real) -> Scalar | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    number = float(value)
    return number if math.isfinite(number) else None


def _joined(value: set | frozenset | list | tuple) -> str:
    """A collection as one "|"-joined string (a set sorted), evidence one line each."""
    if isinstance(value, (set, frozenset)):
        parts = sorted(_part(v) for v in value if v is not None)
        return LIST_SEPARATOR.join(p for p in parts if p)
    if value and isinstance(value[0], Evidence):
        return EVIDENCE_SEPARATOR.join(clean_text(evidence_line(e)) for e in value)
    return LIST_SEPARATOR.join(p for p in (_part(v) for v in value if v is not None) if p)


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return str(value)


def evidence_line(item: Evidence) -> str:
    where = f"@{item.index}" if item.index >= 0 else ""
    return f"[{item.article}]{where} {item.sentence}"


def parse_evidence(text: str) -> list[Evidence]:
    """Evidence written by ``flatten_value``; a line without ``[article]`` keeps article ""."""
    found: list[Evidence] = []
    for line in text.split(EVIDENCE_SEPARATOR):
        if not line.strip():
            continue
        match = _EVIDENCE_LINE.match(line)
        if match is None:
            found.append(Evidence("", line.strip()))
        else:
            index = int(match.group(2)) if match.group(2) is not None else -1
            found.append(Evidence(match.group(1).strip(), match.group(3).strip(), index))
    return found


def share_evidence(edges: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Each sentence once (graph.json): every edge's flattened evidence becomes a list of keys
    ("article#index") into the returned table of sentences; the edge dicts change in place.

    A key already taken by another sentence (an index unknown, -1) gets "~2", "~3" ...
    """
    table: dict[str, str] = {}
    keys: dict[str, str] = {}  # evidence line -> its key: each line is parsed once
    for edge in edges:
        text = edge.get("evidence")
        if not isinstance(text, str):
            continue
        refs = []
        for line in text.split(EVIDENCE_SEPARATOR):
            if not line.strip():
                continue
            key = keys.get(line)
            if key is None:
                (item,) = parse_evidence(line)
                key = base = f"{item.article}#{item.index}"
                copy = 1
                while table.get(key, item.sentence) != item.sentence:
                    copy += 1
                    key = f"{base}~{copy}"
                table[key] = item.sentence
                keys[line] = key
            refs.append(key)
        edge["evidence"] = refs
    return table


def resolve_evidence(edges: Iterable[dict[str, Any]], table: Mapping[str, Any]) -> None:
    """Undo ``share_evidence`` (in place): each edge's keys become Evidence records."""
    records: dict[str, Evidence] = {}
    for edge in edges:
        refs = edge.get("evidence")
        if not isinstance(refs, list):
            continue
        found = []
        for key in refs:
            item = records.get(key)
            if item is None:
                if key not in table:
                    raise ValueError(f"edge evidence {key!r} is not in the evidence table")
                article, _, where = str(key).rpartition("#")
                index = where.split("~")[0]
                number = int(index) if index.lstrip("-").isdigit() else -1
                item = records[key] = Evidence(article, str(table[key]), number)
            found.append(item)
        edge["evidence"] = found


# Attributes that are lists in memory, by scope; restore_types turns them back into lists.
NODE_LISTS = ("aliases", "titles", "article_ids")
EDGE_LISTS = ("article_ids", "trigger", "amount")


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [part for part in value.split(LIST_SEPARATOR) if part.strip()]
    if isinstance(value, (list, tuple, set, frozenset)):
        return sorted(str(v) for v in value if str(v).strip())
    return [] if value is None else [str(value)]


def _article_info(value: Any) -> dict[str, ArticleInfo]:
    if isinstance(value, Mapping):
        items = value
    else:
        try:
            items = json.loads(value) if isinstance(value, str) and value else {}
        except json.JSONDecodeError:
            return {}
    fields = {f.name for f in dataclasses.fields(ArticleInfo)}
    info: dict[str, ArticleInfo] = {}
    for key, record in items.items() if isinstance(items, Mapping) else ():
        if isinstance(record, ArticleInfo):
            info[str(key)] = record
        elif isinstance(record, Mapping):
            kept = {k: v for k, v in record.items() if k in fields}
            kept["byline"] = tuple(kept.get("byline") or ())
            info[str(key)] = ArticleInfo(**{"id": str(key), **kept})
    return info


def restore_types(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Undo ``flatten_value`` on a graph read back from a file (in place): name lists,
    Evidence records and the article table become typed again, as ``build_graph`` made them."""
    if "article_info" in graph.graph:
        graph.graph["article_info"] = _article_info(graph.graph["article_info"])
    for _, data in graph.nodes(data=True):
        for name in NODE_LISTS:
            if name in data:
                data[name] = _names(data[name])
    for _, _, data in graph.edges(data=True):
        for name in EDGE_LISTS:
            if name in data:
                data[name] = _names(data[name])
        if "evidence" in data and isinstance(data["evidence"], str):
            data["evidence"] = parse_evidence(data["evidence"])
    return graph


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
    graph_attrs = {
        k: v for k, v in graph.graph.items() if k not in ("node_default", "edge_default")
    }
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
