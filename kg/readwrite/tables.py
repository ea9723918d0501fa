"""Plain CSV tables: one row per node, one row per edge (UTF-8, RFC 4180 quoting).

Fields with newlines, quotes or commas are quoted; read them with ``csv`` (``newline=""``)
or pandas, not by splitting lines. For Excel on Windows pass ``encoding="utf-8-sig"``.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import networkx as nx

from kg.readwrite.atomic import atomic_write
from kg.readwrite.clean import Scalar, attribute_types, clean_graph

# Column order people expect first; any other attribute follows, sorted by name.
NODE_COLUMNS = (
    "label", "type", "aliases", "mentions", "articles", "article_ids", "titles",
    "pagerank", "community", "degree",
)  # fmt: skip
EDGE_COLUMNS = ("relation", "weight", "title", "evidence", "article_ids", "date")
NODE_ID_COLUMNS = ("id",)
EDGE_ID_COLUMNS = ("source", "target", "key")


def ordered_columns(
    found: Sequence[str], preferred: Sequence[str], reserved: Sequence[str]
) -> list[str]:
    known = [c for c in preferred if c in found]
    rest = sorted(c for c in found if c not in preferred and c not in reserved)
    return known + rest


def cell_reader(columns: Sequence[str], types: Mapping[str, type]) -> Callable[[Mapping[str, Scalar]], list]:
    """The cells of a row, in ``columns`` order, for the csv module: values as they are (it writes
    None empty and numbers as their repr), booleans lower-case. One C-level map per row instead
    of a call per cell."""
    flags = [i for i, c in enumerate(columns) if types.get(c) is bool]

    def cells(data: Mapping[str, Scalar]) -> list:
        row = list(map(data.get, columns))
        for i in flags:
            if row[i] is not None:
                row[i] = "true" if row[i] else "false"
        return row

    return cells


def node_rows(graph: nx.Graph) -> tuple[list[str], list[list]]:
    """Header and rows for nodes of an already cleaned graph."""
    types = attribute_types([d for _, d in graph.nodes(data=True)])
    columns = ordered_columns(list(types), NODE_COLUMNS, NODE_ID_COLUMNS)
    cells = cell_reader(columns, types)
    rows = [[str(n), *cells(d)] for n, d in graph.nodes(data=True)]
    return list(NODE_ID_COLUMNS) + columns, rows


def edge_rows(graph: nx.Graph) -> tuple[list[str], list[list]]:
    """Header and rows for edges of an already cleaned graph (key empty for simple graphs)."""
    if graph.is_multigraph():
        edges = list(graph.edges(keys=True, data=True))
    else:
        edges = [(u, v, None, d) for u, v, d in graph.edges(data=True)]
    types = attribute_types([d for *_, d in edges])
    columns = ordered_columns(list(types), EDGE_COLUMNS, EDGE_ID_COLUMNS)
    cells = cell_reader(columns, types)
    rows = [[str(u), str(v), "" if k is None else str(k), *cells(d)] for u, v, k, d in edges]
    return list(EDGE_ID_COLUMNS) + columns, rows


def write_rows(
    path: Path, header: Sequence[str], rows: Sequence[Sequence[str]], *, encoding: str
) -> None:
    with atomic_write(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


ARTICLE_COLUMNS = ("id", "title", "date", "date_source", "source", "url", "byline")


def article_rows(graph: nx.Graph) -> tuple[list[str], list[list]]:
    """Header and rows for the graph's article table (title, date and its source, file, URL,
    byline), read typed or, from a cleaned graph, as the JSON clean_graph made of it."""
    from kg.readwrite.clean import LIST_SEPARATOR, restore_types

    info = graph.graph.get("article_info")
    if isinstance(info, str):
        info = restore_types(nx.MultiDiGraph(article_info=info)).graph["article_info"]
    rows = [
        [a.id, a.title, a.date, a.date_source, a.source, a.url, LIST_SEPARATOR.join(a.byline)]
        for _, a in sorted((info or {}).items())
    ]
    return list(ARTICLE_COLUMNS), rows


def write_csv(
    graph: nx.Graph,
    out_dir: str | Path,
    *,
    nodes_name: str = "entities.csv",
    edges_name: str = "relations.csv",
    articles_name: str = "articles.csv",
    encoding: str = "utf-8",
) -> list[Path]:
    """Write node, edge and (when the graph has its article table) article tables into
    ``out_dir`` (created if missing); return their paths."""
    out = Path(out_dir)
    cleaned = clean_graph(graph)
    nodes_path, edges_path = out / nodes_name, out / edges_name
    write_rows(nodes_path, *node_rows(cleaned), encoding=encoding)
    write_rows(edges_path, *edge_rows(cleaned), encoding=encoding)
    if "article_info" not in cleaned.graph:
        return [nodes_path, edges_path]
    articles_path = out / articles_name
    write_rows(articles_path, *article_rows(cleaned), encoding=encoding)
    return [nodes_path, edges_path, articles_path]
