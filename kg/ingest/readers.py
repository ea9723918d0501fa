"""Bytes -> text: encodings, empty/binary/huge files, and JSONL records.

Every failure is an :class:`IngestError` whose message is one line saying what is wrong,
so the caller can report it next to the path and go on with the other files.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

# Anything above this is refused rather than read into memory at once.
MAX_FILE_BYTES = 512 * 1024 * 1024
# Bytes looked at for NUL bytes and handed to charset-normalizer (detection is slow on MBs).
SNIFF_BYTES = 64 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset-normalizer names of the simplified-Chinese family; GB18030 decodes all of them.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936", "euc_cn"}


class IngestError(ValueError):
    """A file (or a line of it) cannot be read; ``str(error)`` is one line saying why."""


@dataclass(frozen=True)
class Record:
    """One JSONL line: ``text`` plus whatever optional fields it carried."""

    line: int
    text: str
    id: str | None = None
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None


def decode_bytes(data: bytes) -> str:
    """Decode a text file's bytes: BOMs, UTF-8, then GB18030/GBK (charset-normalizer).

    Raises IngestError for empty, binary (NUL bytes) or undecodable input.
    """
    if not data.strip():
        raise IngestError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as err:
                raise IngestError(
                    f"not valid {encoding} after its byte-order mark: {err.reason} at byte {err.start}"
                ) from None
            if not text.strip():
                raise IngestError("empty file")
            return text
    nul = data.find(b"\x00", 0, SNIFF_BYTES)
    if nul >= 0:
        raise IngestError(f"binary file (NUL byte at offset {nul}), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    encoding = _detect(data)
    if encoding is not None:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    raise IngestError(
        "cannot decode: neither UTF-8 nor GB18030/GBK text "
        f"(UTF-8 fails at byte {utf8_error.start}); binary file?"
    )


def _detect(data: bytes) -> str | None:
    """Best encoding for non-UTF-8 bytes; the GB family is decoded as GB18030 (its superset)."""
    from charset_normalizer import from_bytes  # lazy: only non-UTF-8 files pay the import

    sample = data[:SNIFF_BYTES]
    best = from_bytes(sample).best()
    if best is None:
        # Detection gives up on short samples; GB18030 is the likely encoding of Chinese news.
        return "gb18030"
    name = best.encoding.lower().replace("-", "_")
    if name in _GB_FAMILY or name.startswith("gb"):
        return "gb18030"
    if name in {"big5", "big5hkscs", "cp950", "utf_16", "utf_32"}:
        return name
    # Western single-byte guesses on Chinese bytes are wrong far more often than GB18030.
    return "gb18030"


def read_text(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The decoded text of a file; IngestError when it is missing, empty, binary or too big."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise IngestError(f"cannot read: {err.strerror or err}") from None
    if size > max_bytes:
        raise IngestError(f"file too large ({size} bytes > limit {max_bytes}); split it first")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise IngestError(f"cannot read: {err.strerror or err}") from None
    return decode_bytes(data)


def _field(obj: dict, name: str, line: int) -> str | None:
    value = obj.get(name)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and name == "id":
        return str(value)
    if not isinstance(value, str):
        raise IngestError(
            f"line {line}: field {name!r} must be a string, not {type(value).__name__}"
        )
    return value


def parse_jsonl_line(raw: str, line: int) -> Record | None:
    """One JSONL line as a Record; None for a blank line; IngestError when it is broken."""
    if not raw.strip():
        return None
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as err:
        raise IngestError(f"line {line}: invalid JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(obj, dict):
        raise IngestError(f"line {line}: expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise IngestError(f"line {line}: missing string field 'text'")
    if not text.strip():
        raise IngestError(f"line {line}: field 'text' is empty")
    return Record(
        line=line,
        text=text,
        id=_field(obj, "id", line),
        title=_field(obj, "title", line),
        date=_field(obj, "date", line),
        source=_field(obj, "source", line),
        url=_field(obj, "url", line),
    )


def iter_jsonl(text: str, *, on_line_error: Callable[[int, str], None]) -> Iterator[Record]:
    """Records of a decoded JSONL file; a broken line goes to ``on_line_error`` and is skipped."""
    # split("\n"), not splitlines(): U+2028 and friends may sit raw inside JSON strings.
    for number, raw in enumerate(text.split("\n"), start=1):
        try:
            record = parse_jsonl_line(raw, number)
        except IngestError as err:
            on_line_error(number, str(err))
            continue
        if record is not None:
            yield record
