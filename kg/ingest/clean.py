"""Text cleaning as a chain of ``str -> str`` functions (the textacy shape).

Each step is small and testable on its own; :func:`clean_text` runs the default chain.
None of them joins lines: print-layout repair is :mod:`kg.ingest.layout`'s job.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence

Step = Callable[[str], str]

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
# Tags need a letter, "/" or "!" after "<" so that "<5%" in prose survives.
_SCRIPT = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK_TAG = re.compile(
    r"<\s*(?:br|/p|p|/div|div|/li|li|/h[1-6]|tr|/tr)\b[^<>]{0,500}>", re.IGNORECASE
)
_TAG = re.compile(r"<[A-Za-z!/][^<>]{0,500}>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# XML 1.0 forbids C0 controls except \t \n \r, surrogates and U+FFFE/U+FFFF; C1 controls and
# DEL are allowed but never meaningful in news text and break some GraphML readers.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")
# Full-width (ideographic) and other typographic spaces become ASCII spaces; layout decides later.
_SPACES = re.compile("[\u3000\u00a0\u2000-\u200a\u202f\u205f\t]")
# Full-width digits and Latin letters (１２月 -> 12月); punctuation stays full-width on purpose.
_FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")


def normalize_newlines(text: str) -> str:
    return _NEWLINES.sub("\n", text)


def strip_html(text: str) -> str:
    """Remove pasted HTML: scripts/styles, tags (block tags become line breaks), entities."""
    if "<" in text:
        text = _SCRIPT.sub("", text)
        text = _BLOCK_TAG.sub("\n", text)
        text = _TAG.sub("", text)
    if "&" in text:
        # unescape twice at most: "&amp;nbsp;" is a common double escape in scraped pages
        for _ in range(2):
            if not _ENTITY.search(text):
                break
            text = html.unescape(text)
    return text


def remove_xml_forbidden(text: str) -> str:
    """Drop characters XML 1.0 cannot hold (control characters except \\n and \\t)."""
    return _ZERO_WIDTH.sub("", _XML_FORBIDDEN.sub("", text))


def normalize_spaces(text: str) -> str:
    """Full-width/no-break/typographic spaces and tabs -> " "; full-width digits/letters -> ASCII."""
    text = _SPACES.sub(" ", text)
    # str.translate with a dict is slow on MBs; rewrite only the (rare) full-width runs
    return _FULLWIDTH_ALNUM.sub(lambda m: "".join(chr(ord(c) - 0xFEE0) for c in m.group(0)), text)


DEFAULT_CHAIN: tuple[Step, ...] = (
    normalize_newlines,
    strip_html,
    remove_xml_forbidden,
    normalize_spaces,
)


def clean_text(text: str, *, steps: Sequence[Step] = DEFAULT_CHAIN) -> str:
    for step in steps:
        text = step(text)
    return text
