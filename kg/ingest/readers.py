"""Bytes -> text: encodings, empty/binary/huge files, and JSONL records.

Every failure is an :class:`IngestError` whose message is one line saying what is wrong,
so the caller can report it next to the path and go on with the other files. What is read
in spite of a flaw (a few undecodable bytes replaced, a lone surrogate in a record) is
reported as a warning: a one-line reason that starts with :data:`WARNING`.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
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
# A UTF-8 file with at most this share of undecodable characters (a page cut mid-character,
# a stray byte) is read with them replaced; more means another encoding, or not text.
MAX_BAD_SHARE = 0.01
# Characters text in UTF-16 is made of (ASCII, CJK, CJK and full-width punctuation): bytes
# with NULs in them decode to these when they are UTF-16 without a byte-order mark.
_UTF16_TEXT = re.compile(r"[\t\n\r\x20-\x7e\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Reasons that start so say what was read in spite of a flaw; the input was not skipped.
WARNING = "warning: "
Warn = Callable[[str], None]


def is_warning(reason: str) -> bool:
    return reason.startswith(WARNING)


def _ignore(_reason: str) -> None:
    return None


def path_text(path: str | os.PathLike[str]) -> str:
    """A path as text that can be printed and stored. A name that is not UTF-8 (a GBK name from
    a Windows archive) is read as GB18030 where that decodes it, else its bytes are escaped
    (``\\xb0``): Python keeps such bytes as lone surrogates, which no UTF-8 writer accepts."""
    parts = []
    for raw in os.fsencode(path).split(b"/"):
        try:
            parts.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                parts.append(raw.decode("gb18030"))
            except UnicodeDecodeError:
                parts.append(raw.decode("utf-8", "backslashreplace"))
    return "/".join(parts)


def without_surrogates(text: str) -> str:
    """``text`` with lone surrogates (``"\\ud800"`` in JSON) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


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


def decode_bytes(data: bytes, *, warn: Warn = _ignore) -> str:
    """Decode a text file's bytes: BOMs, UTF-8 (a few bad bytes replaced, with a warning),
    UTF-16 without a BOM, then GB18030/GBK (charset-normalizer).

    Raises IngestError for empty, binary (NUL bytes) or undecodable input.
    """
    if not data.strip():
        raise IngestError("empty file")
    text = _with_bom(data)
    if text is not None:
        return text
    nul = data.find(b"\x00", 0, SNIFF_BYTES)
    if nul >= 0:
        text = _utf16_without_bom(data)
        if text is None:
            raise IngestError(f"binary file (NUL byte at offset {nul}), not text")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    text = _mostly_utf8(data, utf8_error, warn)
    if text is not None:
        return text
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


def _with_bom(data: bytes) -> str | None:
    """The text after a byte-order mark, in its encoding; None without one."""
    for bom, encoding in _BOMS:
        if not data.startswith(bom):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as err:
            raise IngestError(
                f"not valid {encoding} after its byte-order mark: {err.reason} at byte {err.start}"
            ) from None
        if not text.strip():
            raise IngestError("empty file")
        return text
    return None


def _mostly_utf8(data: bytes, error: UnicodeDecodeError, warn: Warn) -> str | None:
    """UTF-8 with a few bad bytes: replaced with U+FFFD, with a warning; None when too many."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    if bad > max(1, len(text) * MAX_BAD_SHARE):
        return None
    line = data.count(b"\n", 0, error.start) + 1
    warn(
        f"{WARNING}{bad} undecodable byte sequence{'s' if bad > 1 else ''} replaced with "
        f"U+FFFD, the first at byte {error.start} (line {line})"
    )
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 bytes without a byte-order mark; None when they do not read as text."""
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data[: len(data) // 2 * 2].decode(encoding)
        except UnicodeDecodeError:
            continue
        if text.strip() and len(_UTF16_TEXT.findall(text)) >= 0.95 * len(text):
            return text
    return None


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


def read_bytes(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """A file's bytes (a regular file or a pipe); IngestError when missing or too big."""
    too_large = f"file too large (more than {max_bytes} bytes); split it first"
    try:
        info = path.stat()
        if info.st_size > max_bytes:
            raise IngestError(too_large)
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
            raise IngestError("not a regular file, folder or pipe")
        if stat.S_ISREG(info.st_mode):
            data = path.read_bytes()
        else:
            with path.open(
                "rb"
            ) as handle:  # a pipe's size is unknown: read one byte past the limit
                data = handle.read(max_bytes + 1)
    except OSError as err:
        raise IngestError(f"cannot read: {err.strerror or err}") from None
    if len(data) > max_bytes:
        raise IngestError(too_large)
    return data


def read_text(path: Path, *, max_bytes: int = MAX_FILE_BYTES, warn: Warn = _ignore) -> str:
    """The decoded text of a file; IngestError when it is missing, empty, binary or too big."""
    return decode_bytes(read_bytes(path, max_bytes=max_bytes), warn=warn)


def jsonl_lines(
    data: bytes, *, on_line_error: Callable[[int, str], None], warn: Warn = _ignore
) -> list[str]:
    """The lines of a JSONL file, decoded one by one: a line that is not UTF-8 is reported and
    left blank, and the others are kept. A file most of whose lines are not UTF-8 (GB18030,
    UTF-16) is decoded as a whole."""
    if not data.strip():
        raise IngestError("empty file")
    raw = data.removeprefix(codecs.BOM_UTF8)
    if b"\x00" in raw[:SNIFF_BYTES]:
        return decode_bytes(data, warn=warn).split("\n")
    lines: list[str] = []
    bad: list[tuple[int, UnicodeDecodeError]] = []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError as err:
            bad.append((number, err))
            lines.append("")
    if len(bad) * 2 > sum(1 for line in lines if line.strip()) + len(bad):
        return decode_bytes(data, warn=warn).split("\n")
    for number, err in bad:
        on_line_error(
            number, f"line {number}: not UTF-8 ({err.reason} at byte {err.start} of the line)"
        )
    return lines


def _field(obj: dict, name: str, line: int, warn: Warn) -> str | None:
    value = obj.get(name)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and name == "id":
        return str(value)
    if not isinstance(value, str):
        raise IngestError(
            f"line {line}: field {name!r} must be a string, not {type(value).__name__}"
        )
    clean = without_surrogates(value)
    if clean != value:
        warn(f"{WARNING}line {line}: field {name!r} holds a lone surrogate; replaced with U+FFFD")
    return clean


def parse_jsonl_line(raw: str, line: int, warn: Warn = _ignore) -> Record | None:
    """One JSONL line as a Record; None for a blank line; IngestError when it is broken."""
    if not raw.strip():
        return None
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as err:
        raise IngestError(f"line {line}: invalid JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(obj, dict):
        raise IngestError(f"line {line}: expected a JSON object, got {type(obj).__name__}")
    if not isinstance(obj.get("text"), str):
        raise IngestError(f"line {line}: missing string field 'text'")
    text = _field(obj, "text", line, warn) or ""
    if not text.strip():
        raise IngestError(f"line {line}: field 'text' is empty")
    return Record(
        line=line,
        text=text,
        id=_field(obj, "id", line, warn),
        title=_field(obj, "title", line, warn),
        date=_field(obj, "date", line, warn),
        source=_field(obj, "source", line, warn),
        url=_field(obj, "url", line, warn),
    )


def iter_jsonl(
    text: str | Iterable[str], *, on_line_error: Callable[[int, str], None], warn: Warn = _ignore
) -> Iterator[Record]:
    """Records of a decoded JSONL file (its text or its lines); a broken line goes to
    ``on_line_error`` and is skipped."""
    # split("\n"), not splitlines(): U+2028 and friends may sit raw inside JSON strings.
    lines = text.split("\n") if isinstance(text, str) else text
    for number, raw in enumerate(lines, start=1):
        try:
            record = parse_jsonl_line(raw, number, warn)
        except IngestError as err:
            on_line_error(number, str(err))
            continue
        if record is not None:
            yield record
