"""Plain CSV tables: one row per node, one row per edge (UTF-8, RFC 4180 quoting).

Fields with newlines, quotes or commas are quoted; read them with ``csv`` (``newline=""``)
or pandas, not by splitting lines. For Excel on Windows pass ``encoding="utf-8-sig"``.

Spreadsheet-safe: a text cell that a spreadsheet would run as a formula (one starting with
``= + - @``, a tab or a carriage return) gets a leading ``'``, which Excel and LibreOffice show
as text; a text cell that itself starts with ``'`` gets one too, so :func:`unquote_cell` gives
every value back exactly. Numbers (a negative npmi) are written as numbers. ``raw=True``
writes every cell as it is, for programs that read the files themselves.
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


# Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP's
# CSV injection list), and the quote that marks a neutralised cell.
FORMULA_STARTS = frozenset("=+-@\t\r")
TEXT_MARK = "'"
_MARKED = FORMULA_STARTS | {TEXT_MARK}


def runs_as_formula(cell: str) -> bool:
    """Whether a spreadsheet would run a CSV cell as a formula (a number such as -0.3 is not)."""
    if not cell or cell[0] not in FORMULA_STARTS:
        return False
    try:
        float(cell)
    except ValueError:
        return True
    return False


def unquote_cell(cell: str) -> str:
    """The value behind a cell written by a spreadsheet-safe writer."""
    return cell[1:] if cell.startswith(TEXT_MARK) else cell


def safe_rows(rows: list[list]) -> list[list]:
    """``rows`` with every text cell made safe (in place; returns them)."""
    for row in rows:
        for i, value in enumerate(row):
            if value.__class__ is str and value and value[0] in _MARKED:
                row[i] = TEXT_MARK + value
    return rows


def ordered_columns(
    found: Sequence[str], preferred: Sequence[str], reserved: Sequence[str]
) -> list[str]:
    known = [c for c in preferred if c in found]
    rest = sorted(c for c in found if c not in preferred and c not in reserved)
    return known + rest


def cell_reader(
    columns: Sequence[str], types: Mapping[str, type]
) -> Callable[[Mapping[str, Scalar]], list]:
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
    path: Path, header: Sequence[str], rows: list[list], *, encoding: str, raw: bool = False
) -> None:
    """One CSV file; spreadsheet-safe cells unless ``raw``."""
    with atomic_write(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows if raw else safe_rows(rows))


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
    raw: bool = False,
) -> list[Path]:
    """Write node, edge and (when the graph has its article table) article tables into
    ``out_dir`` (created if missing); return their paths. Cells are spreadsheet-safe unless
    ``raw`` (see the module's notes)."""
    out = Path(out_dir)
    cleaned = clean_graph(graph)
    nodes_path, edges_path = out / nodes_name, out / edges_name
    write_rows(nodes_path, *node_rows(cleaned), encoding=encoding, raw=raw)
    write_rows(edges_path, *edge_rows(cleaned), encoding=encoding, raw=raw)
    if "article_info" not in cleaned.graph:
        return [nodes_path, edges_path]
    articles_path = out / articles_name
    write_rows(articles_path, *article_rows(cleaned), encoding=encoding, raw=raw)
    return [nodes_path, edges_path, articles_path]
