"""tables.html: officials (person × post × body × status × first/last date × articles), typed
relations (who visited, met, signed with or invested in whom, when, with the sentence) and
entities, sortable and searchable, with the rows on screen downloadable as CSV."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from kg.readwrite.atomic import atomic_write
from kg.render.jinja import environment, json_for_script
from kg.render.styles import TYPED_RELATIONS, edge_style, status_name
from kg.render.values import as_float, as_int, names
from kg.schema import Evidence

OFFICIALS_COLUMNS = (
    ("人物 Person", "link"),
    ("职务 Post", "text"),
    ("机构 Body", "link"),
    ("状态 Status", "text"),
    ("首次 First date", "date"),
    ("最近 Last date", "date"),
    ("文章 Articles", "number"),
)
RELATIONS_COLUMNS = (
    ("首次 First date", "date"),
    ("最近 Last date", "date"),
    ("主体 Source", "link"),
    ("关系 Relation", "text"),
    ("对象 Target", "link"),
    ("动词 Trigger", "text"),
    ("金额 Amount", "text"),
    ("金额（元） Yuan", "number"),
    ("证据 Evidence", "link"),
    ("文章 Articles", "number"),
)
ENTITIES_COLUMNS = (
    ("名称 Name", "link"),
    ("类型 Type", "text"),
    ("别名 Aliases", "text"),
    ("职务 Titles", "text"),
    ("提及 Mentions", "number"),
    ("文章 Articles", "number"),
    ("PageRank", "number"),
)


def _officials(graph, link: Callable[[str], list]) -> list[list]:
    rows = []
    for u, v, data in graph.edges(data=True):
        if data.get("relation") != "holds_position":
            continue
        title = str(data.get("title") or "")
        rows.append(
            [
                link(u),
                title,
                link(v),
                status_name(data),
                str(data.get("date") or ""),
                str(data.get("last_date") or data.get("date") or ""),
                len(names(data.get("article_ids"))),
            ]
        )
    rows.sort(key=lambda r: (r[0][0], r[4] == "", r[4], r[2][0], r[1]))
    return rows


def _relations(graph, link: Callable[[str], list], cite: Callable[[Evidence], object]) -> list:
    """One row per typed edge (its first evidence sentence), by date, undated last."""
    rows = []
    for u, v, data in graph.edges(data=True):
        relation = str(data.get("relation") or "")
        if relation not in TYPED_RELATIONS:
            continue
        evidence = [e for e in data.get("evidence") or () if isinstance(e, Evidence)]
        yuan = as_float(data.get("amount_yuan"))
        rows.append(
            [
                str(data.get("date") or ""),
                str(data.get("last_date") or data.get("date") or ""),
                link(u),
                edge_style(relation).name,
                link(v),
                "、".join(names(data.get("trigger"))),
                "、".join(a for a in names(data.get("amount")) if a),
                round(yuan) if yuan else "",
                cite(evidence[0]) if evidence else "",
                len(names(data.get("article_ids"))),
            ]
        )
    rows.sort(key=lambda r: (r[0] == "", r[0], r[3], r[2][0], r[4][0]))
    return rows


def _entities(info, link: Callable[[str], list]) -> list[list]:
    graph = info.graph
    return [
        [
            link(n),
            info.type_of(n),
            "、".join(a for a in names(graph.nodes[n].get("aliases")) if a != info.label_of(n)),
            "、".join(names(graph.nodes[n].get("titles"))),
            as_int(graph.nodes[n].get("mentions")),
            as_int(graph.nodes[n].get("articles")) or len(names(graph.nodes[n].get("article_ids"))),
            round(as_float(info.pagerank.get(n)), 6),
        ]
        for n in info.ranked
    ]


def _table(table_id: str, title: str, columns: tuple, rows: list) -> dict:
    return {
        "id": table_id,
        "title": title,
        "columns": [{"name": name, "kind": kind} for name, kind in columns],
        "rows": rows,
    }


def table_data(
    info, *, ego_files: dict[str, str], article_files: dict[str, str] | None = None, root: str = ""
) -> dict:
    """The tables as columns and rows of plain values ([text, href] for links). An evidence
    sentence links to its place in the article's page where ``article_files`` has one."""

    def link(node: str) -> list:
        ego = ego_files.get(node)
        href = root + (quote(ego) if ego else "graph.html#node=" + quote(str(node), safe=""))
        return [info.label_of(node), href]

    def cite(item: Evidence) -> object:
        page = (article_files or {}).get(item.article)
        if page is None:
            return item.sentence
        anchor = f"#s{item.index}" if item.index >= 0 else ""
        return [item.sentence, root + quote(page) + anchor]

    return {
        "tables": [
            _table(
                "officials",
                "官员任职 Officials and posts",
                OFFICIALS_COLUMNS,
                _officials(info.graph, link),
            ),
            _table(
                "relations",
                "事件 Visits, meetings, signings, investments",
                RELATIONS_COLUMNS,
                _relations(info.graph, link, cite),
            ),
            _table("entities", "实体 Entities", ENTITIES_COLUMNS, _entities(info, link)),
        ]
    }


def write_tables(info, out_dir: Path, *, ego_files: dict[str, str], article_files=None) -> Path:

    payload = table_data(info, ego_files=ego_files, article_files=article_files)
    html = (
        environment()
        .get_template("tables.html")
        .render(
            root="",
            data_json=json_for_script(payload),
            counts=[(t["title"], len(t["rows"])) for t in payload["tables"]],
        )
    )
    path = Path(out_dir) / "tables.html"
    with atomic_write(path, "w") as handle:
        handle.write(html)
    return path
