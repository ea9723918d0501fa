"""Administrative divisions of China (province > city > county > town) from jionlp's data file.

We read jionlp's ``dictionary/china_location.txt`` directly: importing jionlp itself prints a banner
and loads far more than we need. Villages are left out: their names repeat across the country.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import marshal
import re
import sys
import zipfile
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.cache import read_cached, write_cached
from kg.extract.rules import RULES_DIR, read_list

LEVELS = ("province", "city", "county", "town")
# The level words a paper uses for a place of its own without naming it (市委, 县公安局, 我区):
# the extractor reads them as the start of a name, resolve fills in which place (HomePlace.fill_place).
RELATIVE_LEVELS = ("市", "县", "区", "省")
# Short names that are also everyday words or too ambiguous to tag on their own (a lexicon).
_AMBIGUOUS_SHORT = frozenset(read_list(RULES_DIR / "ambiguous_short_places.txt"))
# a row: the name news writes, and where it is another name of a state of the world list, that
# state's name (印尼	印度尼西亚)
_MORE_COUNTRY_ROWS = [line.split("\t") for line in read_list(RULES_DIR / "more_countries.txt")]
_MORE_COUNTRIES = frozenset(row[0] for row in _MORE_COUNTRY_ROWS)
_MORE_PLACES = frozenset(read_list(RULES_DIR / "more_places.txt"))


@dataclass(frozen=True)
class Place:
    name: str  # full name: 聊城市
    level: str  # province | city | county | town
    short: str | None  # 聊城
    parent: Place | None

    def ancestors(self) -> list[Place]:
        out = []
        node = self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out

    def within(self, other: Place) -> bool:
        return other in self.ancestors()


def _dictionary_dir() -> Path:
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("administrative-division data needs jionlp: pip install jionlp")
    return Path(next(iter(spec.submodule_search_locations))) / "dictionary"


def _data_file(name: str) -> Path:
    """A jionlp dictionary file: it ships zipped and jionlp unpacks it on first use, so
    whichever is there (we never write into site-packages)."""
    folder = _dictionary_dir()
    for candidate in (folder / f"{name}.txt", folder / f"{name}.zip"):
        if candidate.is_file():
            return candidate
    raise RuntimeError(f"jionlp's {name} data is missing from {folder}: reinstall jionlp")


def _read_text(name: str) -> str:
    path = _data_file(name)
    if path.suffix == ".txt":
        return path.read_text(encoding="utf-8")
    with zipfile.ZipFile(path) as zf, zf.open(f"{name}.txt") as raw:
        return io.TextIOWrapper(raw, encoding="utf-8").read()  # newlines as read_text gives them


def _read_lines(name: str) -> Iterator[str]:
    """The file's lines, each with its newline."""
    return iter(io.StringIO(_read_text(name)))


class Gazetteer:
    def __init__(self, places: list[Place]) -> None:
        self.places = places
        self._by_name: dict[str, list[Place]] = {}
        self._full_names = frozenset(place.name for place in places)
        for place in places:
            self._by_name.setdefault(place.name, []).append(place)
            if (
                place.short
                and len(place.short) >= 2
                and place.short != place.name
                and place.level != "town"
                and place.short not in _AMBIGUOUS_SHORT
            ):
                self._by_name.setdefault(place.short, []).append(place)

    def lookup(self, surface: str) -> list[Place]:
        """Places a surface form can name: full names first, then short names."""
        found = self._by_name.get(surface, [])
        return sorted(found, key=lambda p: (p.name != surface, LEVELS.index(p.level)))

    def full_prefixes(self, name: str, max_len: int) -> Iterator[str]:
        """Leading parts of ``name`` that are a place's full name, longest first
        (临清市刘垓子镇党委 -> 临清市)."""
        for n in range(min(len(name), max_len), 1, -1):
            if name[:n] in self._full_names:
                yield name[:n]

    def __contains__(self, surface: str) -> bool:
        return surface in self._by_name

    def resolve(self, surface: str, *, near: Place | None = None) -> Place | None:
        """The one place ``surface`` names, preferring places inside or around ``near``."""
        found = self.lookup(surface)
        if not found:
            return None
        if len(found) == 1:
            return found[0]
        if near is not None:
            scope = [near, *near.ancestors()]
            for anchor in scope:
                local = [p for p in found if p == anchor or p.within(anchor)]
                if len(local) == 1:
                    return local[0]
                if local:
                    found = local
                    break
        exact = [p for p in found if p.name == surface]
        # Province and city level names are unique enough; towns repeat everywhere.
        top = [p for p in (exact or found) if p.level in ("province", "city")]
        if len(top) == 1:
            return top[0]
        return None


# A line of china_location.txt down to town level: tabs for the depth, then name, code, short
# name. Village lines (four tabs) are nine in ten of the file; the regex skips them in C.
_DIVISION_LINE = re.compile(
    r"^(\t{0,3})([^\t\r\n]+)(?:\t[^\t\r\n]*)?(?:\t([^\t\r\n]*))?", re.MULTILINE
)


def _division_rows() -> list[tuple[str, str, str]]:
    """(tabs, name, short name) for every line down to town level. Parsing the 12 MB file
    takes 0.3 s in each process that extracts or resolves, so the rows are cached, keyed by
    the data file, the pattern and the Python version (marshal's format)."""
    source = _data_file("china_location")
    stat = source.stat()
    key = f"{source}|{stat.st_size}|{stat.st_mtime_ns}|{_DIVISION_LINE.pattern}|{sys.version_info[:2]}"
    name = f"places/china_location-{hashlib.sha1(key.encode()).hexdigest()[:16]}.marshal"
    cached = read_cached(name)
    if cached is not None:
        with suppress(ValueError, EOFError, TypeError):
            rows = marshal.loads(cached)
            if isinstance(rows, list) and all(isinstance(r, tuple) and len(r) == 3 for r in rows):
                return rows
    rows = _DIVISION_LINE.findall(_read_text("china_location"))
    write_cached(name, marshal.dumps(rows), replaces="china_location-")
    return rows


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    places: list[Place] = []
    stack: list[Place | None] = [None] * len(LEVELS)
    for tabs, name, short in _division_rows():
        depth = len(tabs)
        parent = stack[depth - 1] if depth > 0 else None
        place = Place(name=name, level=LEVELS[depth], short=short or None, parent=parent)
        # Municipalities repeat themselves as their own city (上海市 > 上海市): keep one.
        if parent is not None and parent.name == place.name:
            stack[depth] = parent
            continue
        stack[depth] = place
        places.append(place)
    return Gazetteer(places)


@lru_cache(maxsize=1)
def _world_location() -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """jionlp's world_location.txt: its continents, and a row of tab fields for each country
    (short name, full name, capital, "/"-joined cities)."""
    continents: list[str] = []
    rows: list[tuple[str, ...]] = []
    for line in _read_lines("world_location"):
        line = line.strip()
        if line.endswith(":"):
            continents.append(line[:-1])
        elif line:
            rows.append(tuple(line.split("\t")))
    return tuple(continents), tuple(rows)


@lru_cache(maxsize=1)
def world_countries() -> frozenset[str]:
    """The countries of jionlp's world_location.txt, short and full names (日本, 日本国), and those of
    lexicons/more_countries.txt (印尼, 苏联)."""
    return frozenset(x for row in _world_location()[1] for x in row[:2] if x) | _MORE_COUNTRIES


@lru_cache(maxsize=1)
def country_full_names() -> re.Pattern[str]:
    """The full names of jionlp's world list that are longer than the short ones (汤加王国,
    巴布亚新几内亚独立国, 瓦努阿图共和国), the short ones of four characters or more, which the
    model may cut too (哥斯达黎|加), and the world's places with 的 in their name, which it cuts
    at 的 (波罗|的海, 的黎波里), longest first. Shorter ones are words' parts too often."""
    rows = _world_location()[1]
    names = {row[1] for row in rows if len(row) > 1 and len(row[1]) > len(row[0])}
    names |= {row[0] for row in rows if len(row[0]) >= 4 and "(" not in row[0]}
    names |= {place for place in world_places() if "的" in place and len(place) >= 4}
    return re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))


def country_prefix(text: str, longest: int | None = None) -> str | None:
    """The longest country of the world list that ``text`` opens with (甲国议会 -> 甲国), of at most
    ``longest`` characters."""
    top = len(text) if longest is None else min(len(text), longest)
    return next((text[:n] for n in range(top, 1, -1) if text[:n] in world_countries()), None)


@lru_cache(maxsize=1)
def world_places() -> frozenset[str]:
    """Countries (short and full names), continents and major foreign cities, from jionlp's
    world_location.txt, the countries of lexicons/more_countries.txt and the places of
    lexicons/more_places.txt."""
    continents, rows = _world_location()
    places = frozenset(x for row in rows for field in row for x in field.split("/") if x)
    return frozenset(continents) | places | _MORE_COUNTRIES | _MORE_PLACES


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Everyday words of jionlp's Chinese word dictionary (中华, 东风): a two-character organisation
    that is one of them is a model error far more often than a brand."""
    return frozenset(
        line.split("\t", 1)[0].strip()
        for line in _read_lines("chinese_word_dictionary")
        if line.strip()
    )


@lru_cache(maxsize=1)
def two_char_words() -> frozenset[str]:
    """The two-character words of jionlp's IDF table (about 270,000 words of news and web text):
    抗日, 中药, 美得. Wider than the word dictionary, which lacks such everyday compounds."""
    words = (line.split("\t", 1)[0].strip() for line in _read_lines("idf"))
    return frozenset(w for w in words if len(w) == 2)


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Official country names -> the short name a newspaper uses (大韩民国 -> 韩国), and the other
    names of lexicons/more_countries.txt -> the state they name (印尼 -> 印度尼西亚, 澳洲 -> 澳大利亚)."""
    names = {row[1]: row[0] for row in _world_location()[1] if len(row) > 1 and row[0] and row[1]}
    names |= {row[0]: row[1] for row in _MORE_COUNTRY_ROWS if len(row) > 1}  # 印尼 -> 印度尼西亚
    return names
