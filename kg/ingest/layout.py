"""Print-layout repair: wrapped column lines -> paragraphs, spaced glyphs -> words.

Newspaper pages come as narrow columns: a paragraph is wrapped into short lines, a blank line
may fall inside a sentence where a column breaks, and justified type leaves spaces between
glyphs ("本 报 记 者", "12 月 20 日"). The rules here are decided from the data:

* A paragraph starts at an indented line, a byline mark (■/□), a 本报X讯 lead, a "——"
  subtitle, after a headline that ends on its photo note (（附图）, （附图片1张）), or after a
  blank line -- unless the line before the blank is a full column line that stops mid-sentence
  (then the blank is a column break and the lines are joined).
* Lines of a paragraph are joined without inserting anything.
* A space between glyphs is removed when a side is a digit, punctuation, Latin letter next to
  CJK, or a lone CJK glyph; a space between two multi-glyph CJK words is kept, because it
  separates names in bylines ("记者 姜振 邵文琪") and phrases in headlines.

Text whose lines are long (median over :data:`UNWRAPPED_MEDIAN_WIDTH`) is not print layout:
each line is then a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

from kg.ingest.byline import BYLINE_MARKS, is_byline_line
from kg.ingest.lead import LEAD

UNWRAPPED_MEDIAN_WIDTH = 60.0
# A line this close to its column's width is "full": the text ran on to the next line.
FULL_LINE_RATIO = 0.8
# A line this much wider than its column spans several columns: a headline.
WIDE_LINE_RATIO = 1.25
_INNER_PUNCT = "，、：；,"
# Lines around a line used to estimate its column's width.
WIDTH_WINDOW = 8

# Sentence-final marks (and closers after them): a line ending so is a paragraph end candidate.
TERMINALS = "。！？!?；…"
CLOSERS = "”’」』）)】》"
CONTINUATION = re.compile(
    r"[（(]\s*(?:下\s*转|上\s*接|转\s*第?|接\s*第?)\s*第?\s*[0-9０-９一二三四五六七八九十]+\s*版\s*[)）]"
)
# The note a headline ends on when a photo goes with the story: （附图）, (附图片1张)
_PHOTO_NOTE_END = re.compile(
    r"[（(]\s*附图(?:片\s*[\d０-９一二三四五六七八九十]+\s*[张幅])?\s*[)）]\s*$"
)
_MID_LINE_MARK = re.compile(r"(?<=\S)[ ]+(?=[" + BYLINE_MARKS + r"])")
_SPACE_RUN = re.compile(r"(?<=\S) +(?=\S)")
_EDGE_SPACES = re.compile(r"^ +| +$")


def is_cjk(ch: str) -> bool:
    return (
        "\u4e00" <= ch <= "\u9fff"
        or "\u3400" <= ch <= "\u4dbf"
        or "\U00020000" <= ch <= "\U0002fa1f"
    )


def _is_cjk_punct(ch: str) -> bool:
    return (
        "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or "\u2010" <= ch <= "\u206f"  # dashes, quotes, ellipsis
        or ch in "■□●◆▲·"
    )


def _is_num(ch: str) -> bool:
    return ch.isdigit() or ch in "%.％‰"


def display_width(text: str) -> float:
    """Width in CJK glyphs: ASCII (digits, Latin, spaces) is set half-width in these pages."""
    ascii_count = len(text.encode("ascii", "ignore"))  # C speed: pages have ~1M lines
    return len(text) - ascii_count / 2


def _remove_space(s: str, i: int, j: int) -> bool:
    """Whether the space run s[i:j] sits between glyphs that print spacing pulled apart."""
    a, b = s[i - 1], s[j]
    if _is_cjk_punct(a) or _is_cjk_punct(b):
        return True
    a_cjk, b_cjk = is_cjk(a), is_cjk(b)
    if (_is_num(a) and (b_cjk or _is_num(b))) or (a_cjk and _is_num(b)):
        return True
    if (a_cjk and b.isascii() and b.isalpha()) or (b_cjk and a.isascii() and a.isalpha()):
        return True
    if a_cjk and b_cjk:
        lone_left = i - 1 == 0 or s[i - 2] == " "
        lone_right = j + 1 == len(s) or s[j + 1] == " "
        return lone_left or lone_right
    return False


def fix_spacing(text: str) -> str:
    """Remove spaces that justified print put between glyphs; keep word-separating ones.

    >>> fix_spacing("本 报 记 者 12 月 20 日")
    '本报记者12月20日'
    >>> fix_spacing("记者 姜振 邵文琪")
    '记者 姜振 邵文琪'
    """
    if " " not in text:
        return text
    text = _EDGE_SPACES.sub("", text)

    def repl(m: re.Match[str]) -> str:
        return "" if _remove_space(text, m.start(), m.end()) else " "

    return _SPACE_RUN.sub(repl, text)


def remove_continuations(text: str) -> str:
    """Drop jump marks such as "（下转7版）" and "（上接1版）"."""
    return CONTINUATION.sub("", text) if "版" in text else text


@dataclass(slots=True)
class Paragraph:
    """A repaired paragraph and the layout facts the article splitter needs."""

    text: str
    index: int  # position in the page
    line: int  # 1-based line number of its first line
    blank_before: bool  # a blank line separated it from the previous paragraph
    indented: bool
    byline: bool = False  # a ■/□ byline or a role line ("通讯员 张三 报道")


@dataclass(slots=True)
class _Line:
    text: str  # stripped content
    number: int
    indented: bool
    width: float
    jump: bool = False  # a "（下转7版）" mark was removed: the paragraph stops here


def _lines(text: str) -> list[_Line | None]:
    """Lines of the page (None for blank ones), with mid-line ■/□ credits split off."""
    out: list[_Line | None] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        if ("■" in raw or "□" in raw) and _MID_LINE_MARK.search(raw.strip()):
            parts = _MID_LINE_MARK.split(raw)
        else:
            parts = [raw]
        for k, part in enumerate(parts):
            content = remove_continuations(part).strip(" ")
            if not content:
                out.append(None)
                continue
            indented = part[:1] == " " and k == 0
            jump = len(content) < len(part.strip(" "))
            out.append(_Line(content, number, indented, display_width(content), jump))
    return out


def _column_width(lines: list[_Line | None], at: int) -> float:
    lo, hi = max(0, at - WIDTH_WINDOW), min(len(lines), at + WIDTH_WINDOW + 1)
    widths = [ln.width for ln in lines[lo:hi] if ln is not None and ln.width >= 4]
    return median(widths) if widths else 0.0


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINALS


def _column_break(lines: list[_Line | None], at: int, *, single: bool) -> bool:
    """Whether a blank line after line ``at`` is only a column break inside a paragraph.

    The line must fill its column (a wider one is a headline spanning columns) and stop
    mid-sentence; a lone line with no inner punctuation is a headline line, not prose.
    """
    line = lines[at]
    assert line is not None
    if line.jump:
        return False
    column = _column_width(lines, at)
    if not FULL_LINE_RATIO * column <= line.width <= WIDE_LINE_RATIO * column:
        return False
    if _ends_sentence(line.text):
        return False
    return not single or line.indented or any(ch in _INNER_PUNCT for ch in line.text)


def _starts_block(line: _Line) -> bool:
    first = line.text[0]
    return (
        line.indented
        or first in BYLINE_MARKS
        or line.text.startswith("——")
        or LEAD.match(line.text) is not None
    )


def paragraphs(text: str) -> list[Paragraph]:
    """Repair print layout and return the page's paragraphs in order."""
    lines = _lines(text)
    present = [ln for ln in lines if ln is not None]
    if not present:
        return []
    unwrapped = median(ln.width for ln in present) > UNWRAPPED_MEDIAN_WIDTH
    out: list[Paragraph] = []
    cur = _Open()
    prev: _Line | None = None
    prev_at = -1
    blank = False
    for at, line in enumerate(lines):
        if line is None:
            blank = True
            continue
        if _opens(line, prev, cur, blank=blank, unwrapped=unwrapped, lines=lines, prev_at=prev_at):
            cur.flush(out)
            cur = _Open(line, blank or not out, is_byline_line(line.text))
        cur.parts.append(line.text)
        prev, prev_at, blank = line, at, False
    cur.flush(out)
    return out


@dataclass
class _Open:
    """The paragraph being read: its first line, whether a blank line or the page's top stood
    before it, whether it is a byline, and its lines so far."""

    first: _Line | None = None
    blank_before: bool = False
    is_byline: bool = False
    parts: list[str] = field(default_factory=list)

    def flush(self, out: list[Paragraph]) -> None:
        if self.first is None:
            return
        joined = (" " if self.is_byline else "").join(self.parts)
        body = joined if self.is_byline else fix_spacing(joined)
        if body.strip():
            out.append(
                Paragraph(
                    text=body.strip(),
                    index=len(out),
                    line=self.first.number,
                    blank_before=self.blank_before,
                    indented=self.first.indented,
                    byline=self.is_byline,
                )
            )


def _opens(
    line: _Line,
    prev: _Line | None,
    cur: _Open,
    *,
    blank: bool,
    unwrapped: bool,
    lines: list[_Line | None],
    prev_at: int,
) -> bool:
    """Whether ``line`` starts a new paragraph rather than continuing ``cur``."""
    if cur.first is None or prev is None:
        return True
    if cur.is_byline:
        # a byline goes on only with a role line ("本报通讯员 杨洁 范宪昊") right below it
        return blank or line.text[0] in BYLINE_MARKS or not is_byline_line(line.text)
    if unwrapped or _starts_block(line) or prev.text.startswith("——") or prev.jump:
        return True  # a "——" subtitle is one line: what follows it is the body
    if blank:
        return not _column_break(lines, prev_at, single=len(cur.parts) == 1)
    return _PHOTO_NOTE_END.search(prev.text) is not None  # a headline's (附图): the body follows
