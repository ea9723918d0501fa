"""The one Jinja2 environment of the pages, and JSON safe to put inside <script>."""

from __future__ import annotations

from functools import cache

import jinja2

from kg.readwrite import json_text


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("kg.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def json_for_script(value: object) -> str:
    """JSON that is safe inside <script>: no '<', '>', '&' or line separators appear raw."""
    return json_for_script_bytes(value).decode("utf-8")


# In UTF-8 these byte sequences are these characters and nothing else, so bytes can be
# escaped as they come from orjson, without decoding a page's megabytes of JSON.
_SCRIPT_ESCAPES = (
    (b"<", b"\\u003c"),
    (b">", b"\\u003e"),
    (b"&", b"\\u0026"),
    ("\u2028".encode(), b"\\u2028"),
    ("\u2029".encode(), b"\\u2029"),
)


def json_for_script_bytes(value: object) -> bytes:
    """``json_for_script`` as UTF-8 bytes, for writing straight to a page.

    Through orjson (json_text): a 10,000-article run's views hold 30 MB of JSON (evidence on
    every edge), which json's encoder took half a second over. NaN becomes null (vis: unset)."""
    data = json_text.dumps_bytes(value)
    for raw, escaped in _SCRIPT_ESCAPES:
        data = data.replace(raw, escaped)
    return data
