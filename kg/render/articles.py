"""Article pages: the text a journalist cites, with each evidence sentence addressable
(``#s<n>``, marked when it is the link's target) and every resolved entity linked to its
page. Text is escaped piece by piece (markupsafe) before it is wrapped in markup."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

from markupsafe import Markup, escape

from kg.readwrite.atomic import atomic_write
from kg.render.documents import Document
from kg.render.jinja import environment  # the one Jinja2 environment


def write_article_pages(
    out_dir: Path,
    docs: Iterable[Document],
    info,  # kg.render.html._GraphInfo
    *,
    ego_files: dict[str, str],
    article_files: dict[str, str],
) -> list[Path]:
    template = environment().get_template("article.html")
    written: list[Path] = []
    (out_dir / "articles").mkdir(parents=True, exist_ok=True)
    for doc in docs:
        filename = article_files.get(doc.id)
        if filename is None:
            continue
        meta = info.article_info.get(doc.id)
        entities = sorted(
            {eid for _, _, eid in doc.links if eid in info.graph},
            key=lambda e: (info.type_of(e), -info.pagerank.get(e, 0.0), e),
        )
        html = template.render(
            root="../",
            id=doc.id,
            title=(meta.title if meta else "") or doc.id,
            date=meta.date if meta else "",
            date_source=meta.date_source if meta else "",
            source=meta.source if meta else "",
            url=meta.url if meta else "",
            byline="、".join(meta.byline) if meta else "",
            body=_body(doc, lambda eid: _entity_href(eid, info, ego_files)),
            entities=[
                {
                    "label": info.label_of(e),
                    "type": info.type_of(e),
                    "href": _entity_href(e, info, ego_files),
                }
                for e in entities
            ],
        )
        path = out_dir / filename
        with atomic_write(path, "w") as handle:
            handle.write(html)
        written.append(path)
    return written


def _entity_href(eid: str, info, ego_files: dict[str, str]) -> str | None:
    if eid not in info.graph:
        return None
    ego = ego_files.get(eid)
    # An entity without its own page opens the overview with it selected (when it is shown).
    return "../" + (quote(ego) if ego is not None else "graph.html#node=" + quote(eid, safe=""))


def _body(doc: Document, href) -> Markup:
    """Paragraphs of escaped text; sentences as <span id="s<n>">, entities as links (a link
    that would cross a sentence's edge is left out)."""
    text = doc.text
    out: list[str] = ["<p>"]

    def segment(start: int, end: int) -> None:
        position = start
        for link_start, link_end, eid in doc.links:
            if link_start < position or link_end > end:
                continue
            out.append(_plain(text[position:link_start]))
            target = href(eid)
            inner = escape(text[link_start:link_end])
            out.append(
                f'<a class="kg-entity" href="{escape(target)}">{inner}</a>'
                if target
                else f'<span class="kg-entity">{inner}</span>'
            )
            position = link_end
        out.append(_plain(text[position:end]))

    position = 0
    for number, (start, end) in enumerate(doc.sentences):
        if start < position or end <= start:
            continue
        segment(position, start)
        out.append(f'<span class="kg-sentence" id="s{number}">')
        segment(start, end)
        out.append("</span>")
        position = end
    segment(position, len(text))
    out.append("</p>")
    return Markup("".join(out))


def _plain(text: str) -> str:
    return str(escape(text)).replace("\n", "</p>\n<p>")
