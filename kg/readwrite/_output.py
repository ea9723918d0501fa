"""Path-or-open-file handling shared by the single-file writers."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from kg.readwrite.atomic import atomic_write

PathOrFile = str | os.PathLike[str] | IO[Any]


def is_file_object(target: object) -> bool:
    return hasattr(target, "write")


@contextmanager
def open_binary(target: PathOrFile) -> Iterator[IO[bytes]]:
    """A binary stream for ``target``: the open file itself, or an atomic temp file."""
    if is_file_object(target):
        if isinstance(target, io.TextIOBase):
            raise TypeError("XML writers need a path or a file opened in binary mode ('wb')")
        yield target  # type: ignore[misc]
        return
    with atomic_write(target, "wb") as handle:  # type: ignore[arg-type]
        yield handle


def write_text(target: PathOrFile, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to a path (atomically) or to an open text or binary file."""
    if is_file_object(target):
        if isinstance(target, io.TextIOBase):
            target.write(text)  # type: ignore[union-attr]
        else:
            target.write(text.encode(encoding))  # type: ignore[union-attr]
        return
    with atomic_write(target, "w", encoding=encoding, newline="\n") as handle:  # type: ignore[arg-type]
        handle.write(text)
