"""tables.html: officials (person × post × body × status × first/last date × articles) and
entities, sortable and searchable, with the rows on screen downloadable as CSV."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from kg.readwrite.atomic import atomic_write
from kg.render.jinja import environment, json_for_script
from kg.render.values import as_float, as_int, names

# Titles that say the post is held in an acting capacity (代市长) or was held (原局长).
STATUS_PREFIXES = (("代", "acting 代理"), ("原", "former 原任"), ("前", "former 前任"))


def _status(title: str) -> str:
    return next((name for prefix, name in STATUS_PREFIXES if title.startswith(prefix)), "")


def table_data(info, *, ego_files: dict[str, str], root: str = "") -> dict:
    """The two tables as columns and rows of plain values ([text, href] for links)."""
    graph = info.graph

    def link(node: str) -> list:
        ego = ego_files.get(node)
        href = root + (quote(ego) if ego else "graph.html#node=" + quote(str(node), safe=""))
        return [info.label_of(node), href]

    officials = []
    for u, v, data in graph.edges(data=True):
        if data.get("relation") != "holds_position":
            continue
        title = str(data.get("title") or "")
        officials.append(
            [
                link(u),
                title,
                link(v),
                _status(title),
                str(data.get("date") or ""),
                str(data.get("last_date") or data.get("date") or ""),
                len(names(data.get("article_ids"))),
            ]
        )
    officials.sort(key=lambda r: (r[0][0], r[4] == "", r[4], r[2][0], r[1]))
    entities = [
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
    return {
        "tables": [
            {
                "id": "officials",
                "title": "官员任职 Officials and posts",
                "columns": [
                    {"name": "人物 Person", "kind": "link"},
                    {"name": "职务 Post", "kind": "text"},
                    {"name": "机构 Body", "kind": "link"},
                    {"name": "状态 Status", "kind": "text"},
                    {"name": "首次 First date", "kind": "date"},
                    {"name": "最近 Last date", "kind": "date"},
                    {"name": "文章 Articles", "kind": "number"},
                ],
                "rows": officials,
            },
            {
                "id": "entities",
                "title": "实体 Entities",
                "columns": [
                    {"name": "名称 Name", "kind": "link"},
                    {"name": "类型 Type", "kind": "text"},
                    {"name": "别名 Aliases", "kind": "text"},
                    {"name": "职务 Titles", "kind": "text"},
                    {"name": "提及 Mentions", "kind": "number"},
                    {"name": "文章 Articles", "kind": "number"},
                    {"name": "PageRank", "kind": "number"},
                ],
                "rows": entities,
            },
        ]
    }


def write_tables(info, out_dir: Path, *, ego_files: dict[str, str], article_files=None) -> Path:

    payload = table_data(info, ego_files=ego_files)
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
