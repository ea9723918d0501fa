"""Sentence splitting with exact offsets into the article text.

Splits on 。！？；!? and ellipses, and always at paragraph breaks ("\\n"). Closing quotes and
brackets stay with the sentence they close, and a quotation is not split inside
(“……。……。” is one sentence) as long as its quotes balance within the paragraph.
"""

from __future__ import annotations

import re

from kg.schema import Sentence

_TERMINAL = "。！？!?；…"
_OPEN = "“「『"
_CLOSE = "”」』"
# Closers that belong to the sentence just ended: quotes, brackets.
_TRAILING = re.compile(r"[”’」』）)】》\]]*")
_EVENTS = re.compile(r"[“「『”」』]|[。！？!?；…]+")
# A quotation longer than this is split anyway: its closing quote is probably lost.
MAX_QUOTED = 400


def _paragraph_cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets (absolute) where sentences of text[start:end] end."""
    segment = text[start:end]
    balanced = sum(segment.count(q) for q in _OPEN) == sum(segment.count(q) for q in _CLOSE)
    cuts: list[int] = []
    depth = 0
    last_cut = start
    for m in _EVENTS.finditer(text, start, end):
        token = m.group(0)
        if token in _OPEN:
            depth += 1 if balanced else 0
            continue
        if token in _CLOSE:
            if balanced and depth > 0:
                depth -= 1
                # “……。” ends a sentence when the quote closes right after a terminal
                if depth == 0 and m.start() > start and text[m.start() - 1] in _TERMINAL:
                    stop = _TRAILING.match(text, m.start(), end).end()
                    cuts.append(stop)
                    last_cut = stop
            continue
        if depth > 0 and m.end() - last_cut < MAX_QUOTED:
            continue
        stop = _TRAILING.match(text, m.end(), end).end()
        # a closing quote swallowed here closes the quotation too
        depth = max(0, depth - sum(text.count(q, m.end(), stop) for q in _CLOSE)) if depth else 0
        cuts.append(stop)
        last_cut = stop
    return cuts


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text``; ``text[s.start:s.end] == s.text``, none empty or blank."""
    out: list[Sentence] = []
    pos = 0
    length = len(text)
    while pos <= length:
        nl = text.find("\n", pos)
        end = length if nl < 0 else nl
        begin = pos
        for cut in [*_paragraph_cuts(text, pos, end), end]:
            _add(out, text, begin, cut)
            begin = max(begin, cut)
        if nl < 0:
            break
        pos = nl + 1
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start=start, end=end, text=text[start:end]))
