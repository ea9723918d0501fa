"""Page -> article drafts.

A page holds many articles. In the seed pages' layout an article is

    [byline ■/□]  [本报X讯（记者 …）] body paragraphs  [headline lines]  [■ credit]

i.e. the headline FOLLOWS its body, a byline may precede the body (□ 本报记者 …) or follow
a photo caption / headline (■ 本报记者 …, ■ 王博). Boundaries are therefore:

* a 本报X讯 lead (starts an article unless the open one has no body yet);
* a byline that does not belong to the article before it (see :func:`_byline_goes_back`);
* a headline group that titles the open article: followed by a boundary or the page end,
  carrying a "——" subtitle, or repeating the article's words (bigram overlap). Other short
  headline-like lines inside a body are subheads and stay in the text.

Pages whose first block is a headline followed by its body are read title-first instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from itertools import pairwise

from kg.ingest.layout import Paragraph, display_width, is_cjk
from kg.ingest.lead import Lead, parse_lead

MAX_HEADLINE_WIDTH = 40.0
# Bigram overlap of a headline with the article's first paragraph / first part of its body
# above which the headline is taken as that article's title rather than a subhead.
LEAD_OVERLAP = 0.5
BODY_OVERLAP = 0.8
BODY_CHARS = 3000
MAX_GROUP = 4
_NO_HEADLINE_END = "。！？!?；;，,、：:…"
_NOT_WORD = re.compile(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]+")


class Kind(Enum):
    LEAD = "lead"
    BYLINE = "byline"
    HEADLINE = "headline"
    BODY = "body"


@dataclass
class Draft:
    """An article being assembled from paragraphs."""

    paragraphs: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    lead: Lead | None = None
    title: str | None = None
    pending_title: str | None = None  # a headline seen before any body

    @property
    def final_title(self) -> str | None:
        return self.title if self.title is not None else self.pending_title


# The credit a photo's caption ends with (…。新华社记者 甲某摄)
_CAPTION_END = re.compile(r"摄\s*影?\s*$")


def is_headline(text: str) -> bool:
    t = text.strip()
    if not t or display_width(t) > MAX_HEADLINE_WIDTH:
        return False
    if "。" in t or t[-1] in _NO_HEADLINE_END:
        return False
    return sum(1 for ch in t if is_cjk(ch)) >= 2


def classify(p: Paragraph) -> Kind:
    if p.byline:
        return Kind.BYLINE
    if parse_lead(p.text) is not None:
        return Kind.LEAD
    if is_headline(p.text):
        return Kind.HEADLINE
    return Kind.BODY


def overlap(title: str, text: str) -> float:
    """Share of the title's character bigrams (punctuation ignored) found in ``text``."""
    words = _NOT_WORD.sub("", title)
    grams = {words[k : k + 2] for k in range(len(words) - 1)}
    if not grams:
        return 0.0
    return sum(1 for g in grams if g in text) / len(grams)


def join_title(parts: list[str]) -> str:
    """Headline lines -> one title: a wrapped line is glued, a deck/subtitle gets a space."""
    out = parts[0]
    for prev, part in pairwise(parts):
        if part.startswith("——"):
            out += part
            continue
        a, b = display_width(prev), display_width(part)
        # a deck ending in a figure ("同比增长23.9%") is its own line, not a wrapped one
        wrapped = (
            " " not in prev
            and min(a, b) / max(a, b) >= 0.6
            and a >= b
            and (is_cjk(prev[-1]) or prev[-1] in "）)”")
        )
        out += ("" if wrapped else " ") + part
    return out


def _headline_group(paras: list[Paragraph], kinds: list[Kind], at: int) -> int:
    """End (exclusive) of the headline group starting at ``at``; a subtitle ends a group."""
    end = at
    while end < len(paras) and kinds[end] is Kind.HEADLINE and end - at < MAX_GROUP:
        end += 1
        if paras[end - 1].text.startswith("——"):
            break
    return end


def _head(paragraphs: list[str], limit: int) -> str:
    """The first ``limit`` characters of the body, without joining all of a huge one."""
    out: list[str] = []
    size = 0
    for text in paragraphs:
        out.append(text)
        size += len(text)
        if size >= limit:
            break
    return "".join(out)[:limit]


def _byline_goes_back(
    paras: list[Paragraph], kinds: list[Kind], at: int, *, after_title: bool
) -> bool:
    """Whether the byline at ``at`` belongs to the article before it (credit) or opens the next."""
    if after_title and not paras[at].blank_before:
        return True  # "headline\n■ 王博": the author line printed under the headline
    nxt = at + 1
    if nxt >= len(paras):
        return True
    if kinds[nxt] is Kind.BYLINE:
        return True  # the following byline is the next article's
    if kinds[nxt] is Kind.LEAD:
        lead = parse_lead(paras[nxt].text)
        return lead is not None and lead.byline is not None  # the lead names its own reporters
    return False


def _titles_first(kinds: list[Kind]) -> bool:
    """Whether the page prints headlines above bodies (its first block is a headline)."""
    for kind in kinds:
        if kind is Kind.BYLINE:
            continue
        return kind is Kind.HEADLINE
    return False


def split_page(paras: list[Paragraph]) -> list[Draft]:
    """Group a page's paragraphs into article drafts, in page order."""
    return _Splitter(paras).drafts()


class _Splitter:
    """One page's paragraphs read in order into drafts: a lead or byline may open one, a
    headline closes the draft it titles or opens the next."""

    def __init__(self, paras: list[Paragraph]) -> None:
        self.paras = paras
        self.kinds = [classify(p) for p in paras]
        self.titles_first = _titles_first(self.kinds)
        self.done: list[Draft] = []
        self.cur = Draft()
        # index of the last paragraph of the headline that closed done[-1]
        self.closed_by_title_at = -2

    def drafts(self) -> list[Draft]:
        i = 0
        while i < len(self.paras):
            kind = self.kinds[i]
            if kind is Kind.LEAD:
                self._lead(i)
            elif kind is Kind.BYLINE:
                self._byline(i)
            elif kind is Kind.HEADLINE:
                i = self._headline(i)
                continue
            else:
                self.cur.paragraphs.append(self.paras[i].text)
            i += 1
        self._close()
        return self.done

    def _close(self) -> None:
        if self.cur.paragraphs:
            self.done.append(self.cur)
        self.cur = Draft()

    def _lead(self, i: int) -> None:
        if not all(_CAPTION_END.search(p) for p in self.cur.paragraphs):
            self._close()  # a photo's caption alone is the story's, between its headline and lead
        lead = parse_lead(self.paras[i].text)
        self.cur.lead = lead
        if lead is not None and lead.rest:
            self.cur.paragraphs.append(lead.rest)

    def _byline(self, i: int) -> None:
        text, cur = self.paras[i].text, self.cur
        after_title = self.closed_by_title_at == i - 1
        back = _byline_goes_back(self.paras, self.kinds, i, after_title=after_title)
        if back and not cur.paragraphs and not cur.bylines and self.done:
            self.done[-1].bylines.append(text)
        elif back or not cur.paragraphs:
            cur.bylines.append(text)
        else:
            self._close()
            self.cur.bylines.append(text)

    def _headline(self, i: int) -> int:
        """Read the headline starting at paragraph ``i``; the index after it."""
        end = _headline_group(self.paras, self.kinds, i)
        parts = [self.paras[k].text for k in range(i, end)]
        title = join_title(parts)
        nxt = self.kinds[end] if end < len(self.kinds) else None
        boundary = nxt is None or nxt in (Kind.LEAD, Kind.BYLINE)
        dashed = any(x.startswith("——") for x in parts)
        cur = self.cur
        if not cur.paragraphs:
            cur.pending_title = title
        elif self.titles_first:
            if boundary or dashed:
                self._close()
                self.cur.pending_title = title
            else:
                cur.paragraphs.extend(parts)
        elif (
            boundary
            or dashed
            or overlap(title, cur.paragraphs[0]) >= LEAD_OVERLAP
            or overlap(title, _head(cur.paragraphs, BODY_CHARS)) >= BODY_OVERLAP
        ):
            cur.title = title
            self._close()
            self.closed_by_title_at = end - 1
        else:
            cur.paragraphs.extend(parts)  # a subhead inside the body
        return end
