"""Surface forms -> canonical names: normalisation, city-relative expansion, abbreviation keys."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.extract.places import Gazetteer, Place
from kg.extract.rules import read_list

LEXICONS = Path(__file__).parent / "lexicons"
_QUOTES = re.compile(r"[“”‘’\"'「」《》]")
_PLACEHOLDER = re.compile(r"\{(市名|市|县|区|省)\}")


_SPACES = re.compile(r"\s+")
# Between two Latin letters or digits a space parts words (Wilhelm Molterer): it stays, one
_LATIN_SPACE = re.compile(r"(?<=[A-Za-z0-9À-ɏ])\s+(?=[A-Za-z0-9À-ɏ])")


@lru_cache(maxsize=1 << 16)  # a corpus repeats its names: half a million calls at 10,000 articles
def normalize(surface: str) -> str:
    """Width, spaces and quotes do not make another name; a space between Latin words is one."""
    text = unicodedata.normalize("NFKC", surface)
    text = _SPACES.sub("", _LATIN_SPACE.sub("\x00", text)).replace("\x00", " ")
    return _QUOTES.sub("", text)


@dataclass(frozen=True)
class HomePlace:
    """Where an article is "at home": 市公安局 means this place's bureau."""

    place: Place | None  # the dateline place (临清市) or the corpus home (聊城市)

    def chain(self) -> list[Place]:
        return [] if self.place is None else [self.place, *self.place.ancestors()]

    def fill_place(self, key: str) -> Place | None:
        """The place a relative level (places.RELATIVE_LEVELS: 市/县/区/省) refers to from here (a
        town's 市 is its county-level city)."""
        for p in self.chain():
            if key == "省" and p.level == "province":
                return p
            if key == "市" and p.level in ("city", "county", "province") and p.name.endswith("市"):
                return p
            if key in ("县", "区") and p.level == "county" and p.name.endswith(key):
                return p
        return None

    def fill(self, key: str) -> str | None:
        if key == "市名":
            place = self.fill_place("市")
            return None if place is None else (place.short or place.name)
        place = self.fill_place(key)
        return None if place is None else place.name


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    template: str


@lru_cache(maxsize=1)
def relative_rules() -> tuple[_Rule, ...]:
    rules = []
    for line in read_list(LEXICONS / "relative_names.tsv"):
        pattern, template = line.split("\t")
        rules.append(_Rule(re.compile(pattern), template))
    return tuple(rules)


def expand_relative(name: str, home: HomePlace, gaz: Gazetteer | None = None) -> str:
    """市公安局 -> 聊城市公安局, 市委 -> 中共聊城市委员会 (first matching rule in the lexicon)."""
    for rule in relative_rules():
        m = rule.pattern.match(name)
        if m is None:
            continue
        place = m.groupdict().get("place")
        if place is not None and (gaz is None or place not in gaz):
            continue
        missing = False

        def fill(ph: re.Match[str]) -> str:
            nonlocal missing
            value = home.fill(ph.group(1))
            if value is None:
                missing = True
                return ""
            return value

        filled = _PLACEHOLDER.sub(fill, rule.template)
        if missing:
            continue
        return m.expand(filled)
    return name


@lru_cache(maxsize=1)
def abbreviations() -> tuple[tuple[str, str], ...]:
    pairs = []
    for line in read_list(LEXICONS / "abbreviations.tsv"):
        variant, key = line.split("\t")
        pairs.append((variant, key))
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


@lru_cache(maxsize=1)
def national_bodies() -> tuple[str, ...]:
    """How the names of the state's and the party's national bodies start (lexicons)."""
    return tuple(read_list(LEXICONS / "national_bodies.txt"))


@lru_cache(maxsize=1)
def china_named() -> tuple[str, ...]:
    """How a national body's name says it is China's (中国…, 中共…; lexicons)."""
    return tuple(read_list(LEXICONS / "china_named.txt"))


@lru_cache(maxsize=1)
def unnamed_bodies() -> frozenset[str]:
    """Words for the body of a post that name no body (政府, 内阁; lexicons)."""
    return frozenset(read_list(LEXICONS / "unnamed_bodies.txt"))


@lru_cache(maxsize=1)
def legal_suffixes() -> tuple[str, ...]:
    return tuple(sorted(read_list(LEXICONS / "legal_suffixes.txt"), key=len, reverse=True))


def org_key(name: str) -> str:
    """Key under which spellings of one organisation meet: abbreviations folded."""
    key = name
    for variant, short in abbreviations():
        key = key.replace(variant, short)
    return key


def company_core(name: str, gaz: Gazetteer) -> str | None:
    """中通客车股份有限公司 -> 中通客车; 山东信发集团有限公司 -> 信发集团. None if not a company name."""
    for suffix in legal_suffixes():
        if name.endswith(suffix) and len(name) > len(suffix):
            core = name[: -len(suffix)]
            break
    else:
        return None
    core = strip_place_prefix(core, gaz)
    return core if len(core) >= 2 else None


def strip_place_prefix(name: str, gaz: Gazetteer) -> str:
    """Drop leading place names (山东, 聊城市, 东阿县) that a short form leaves out."""
    changed = True
    while changed:
        changed = False
        for n in range(min(len(name) - 2, 6), 1, -1):
            head = name[:n]
            if head in gaz:
                name = name[n:]
                changed = True
                break
    return name
