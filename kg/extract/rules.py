"""The domain rules as data: titles, organisation suffixes, project heads, stop lists.

Each rule list is a plain text file in ``kg/extract/lexicons/`` (one entry a line, ``#`` comments), so a
person can read and extend them without reading the engine.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

RULES_DIR = Path(__file__).parent / "lexicons"


def read_list(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _alternation(words: list[str]) -> str:
    # Longest first so that 副市长 wins over 市长 and 股份有限公司 over 公司.
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class ImplicitOrg:
    pattern: re.Pattern[str]
    with_place: str
    without_place: str


@dataclass(frozen=True)
class ExceptionRow:
    """A word a rule leaves alone, with where (``context``: the rule), why and an example that
    the test suite runs (``found``: a mention the example must give, ``not_found``: one it must not)."""

    surface: str
    context: str
    reason: str
    example: str
    found: str
    not_found: str


def read_exceptions(path: Path) -> tuple[ExceptionRow, ...]:
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith(("#", "surface\t")):
            continue
        fields = line.split("\t")
        if len(fields) != 6:
            raise ValueError(f"{path}:{lineno}: expected 6 tab-separated fields, got {len(fields)}")
        rows.append(ExceptionRow(*fields))
    return tuple(rows)


@dataclass(frozen=True)
class Rules:
    titles: frozenset[str]
    title_re: re.Pattern[str]
    implicit_orgs: tuple[ImplicitOrg, ...]
    org_suffixes: tuple[str, ...]
    org_suffix_re: re.Pattern[str]
    project_heads: tuple[str, ...]
    project_head_re: re.Pattern[str]
    project_generic: frozenset[str]
    not_entities: frozenset[str]
    not_entity_endings: tuple[str, ...]
    surnames: frozenset[str]
    title_prefixes: tuple[str, ...]
    org_names: frozenset[str]
    company_words: frozenset[str]
    geo_suffixes: tuple[str, ...]
    regions: frozenset[str]
    not_org_words: frozenset[str]
    org_suffixes_direct: tuple[str, ...]
    project_words: frozenset[str]
    place_abbreviations: frozenset[str]
    list_heads: tuple[tuple[str, str], ...]  # (head, kind): kind is "route" or "place"
    sub_units: frozenset[str]
    capacity_words: frozenset[str]
    sub_unit_modifiers: frozenset[str]
    zone_suffixes: tuple[str, ...]
    chain_bodies: frozenset[str]
    title_bodies: frozenset[str]
    not_titles: frozenset[str]
    long_bodies: tuple[str, ...]
    campaign_words: tuple[str, ...]
    quoted_campaign_words: frozenset[str]
    generic_org_heads: tuple[str, ...]
    capacity_units: tuple[str, ...]
    exception_rows: tuple[ExceptionRow, ...] = ()
    # one-character forms of countries, provinces and continents -> the full name (美 -> 美国)
    one_char_places: tuple[tuple[str, str], ...] = ()
    # the countries' alone (华 -> 中国): the parties of typed relations
    one_char_countries: tuple[tuple[str, str], ...] = ()
    # pairs whose one-character forms are ambiguous alone (巴以 -> 巴勒斯坦, 以色列)
    country_pairs: tuple[tuple[str, str, str], ...] = ()
    # every pair of one-character forms -> its two countries: the listed ones and any two countries'
    # forms (中美); built once, looked up for every two characters of a sentence with a trigger
    pair_table: Mapping[str, tuple[str, str]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    def exceptions(self, context: str) -> tuple[str, ...]:
        """The surfaces of lexicons/exceptions.tsv listed for ``context``."""
        return tuple(row.surface for row in self.exception_rows if row.context == context)

    def implicit_org(self, title: str, place: str | None) -> str | None:
        for rule in self.implicit_orgs:
            if rule.pattern.search(title):
                return rule.with_place.format(place=place) if place else rule.without_place
        return None

    def is_zone(self, text: str) -> bool:
        """A named zone, park or port (lexicons/zone_suffixes.txt): a place, not a body."""
        return any(text.endswith(z) and len(text) > len(z) + 1 for z in self.zone_suffixes)

    def one_char_place(self, char: str) -> str | None:
        """The place a one-character form stands for (美 -> 美国), or None."""
        return next((full for short, full in self.one_char_places if short == char), None)

    def is_one_char_country(self, char: str) -> bool:
        """Whether a one-character form stands for a country (俄, 美), not a province (鲁)."""
        return any(short == char for short, _ in self.one_char_countries)

    def pair_places(self, pair: str) -> tuple[str, str] | None:
        """The two countries a pair of one-character forms names (印巴 -> 印度, 巴基斯坦; 中美 ->
        中国, 美国), or None."""
        return self.pair_table.get(pair)

    def is_not_entity(self, text: str) -> bool:
        return text in self.not_entities or text.endswith(self.not_entity_endings)

    def surname_of(self, name: str) -> str | None:
        if name[:2] in self.surnames:
            return name[:2]
        if name[:1] in self.surnames:
            return name[:1]
        return None


@lru_cache(maxsize=4)
def load_rules(rules_dir: Path = RULES_DIR) -> Rules:
    titles = read_list(rules_dir / "titles.txt")
    prefixes = read_list(rules_dir / "title_prefixes.txt")
    implicit = []
    for line in read_list(rules_dir / "implicit_orgs.tsv"):
        pattern, with_place, without_place = line.split("\t")
        implicit.append(ImplicitOrg(re.compile(pattern), with_place, without_place))
    suffixes = read_list(rules_dir / "org_suffixes.txt")
    countries, provinces = (
        tuple(
            (row[0], row[1]) for row in (line.split("\t") for line in read_list(rules_dir / name))
        )
        for name in ("country_abbreviations.tsv", "province_abbreviations.tsv")
    )
    heads = read_list(rules_dir / "project_heads.txt")
    pairs = tuple(
        (row[0], row[1], row[2])
        for row in (line.split("\t") for line in read_list(rules_dir / "country_pairs.tsv"))
    )
    sub_units = [line.split("\t") for line in read_list(rules_dir / "sub_units.tsv")]
    return Rules(
        titles=frozenset(titles),
        title_re=re.compile(f"(?:{_alternation(prefixes)})*(?:{_alternation(titles)})"),
        implicit_orgs=tuple(implicit),
        org_suffixes=tuple(sorted(suffixes, key=len, reverse=True)),
        org_suffix_re=re.compile(f"(?:{_alternation(suffixes)})$"),
        project_heads=tuple(sorted(heads, key=len, reverse=True)),
        project_head_re=re.compile(f"(?:{_alternation(heads)})$"),
        project_generic=frozenset(read_list(rules_dir / "project_generic.txt")),
        not_entities=frozenset(read_list(rules_dir / "not_entities.txt")),
        not_entity_endings=tuple(read_list(rules_dir / "not_entity_endings.txt")),
        surnames=frozenset(read_list(rules_dir / "surnames.txt")),
        title_prefixes=tuple(sorted(prefixes, key=len, reverse=True)),
        org_names=frozenset(read_list(rules_dir / "org_names.txt")),
        company_words=frozenset(read_list(rules_dir / "company_words.txt")),
        geo_suffixes=tuple(read_list(rules_dir / "geo_suffixes.txt")),
        regions=frozenset(read_list(rules_dir / "regions.txt")),
        not_org_words=frozenset(read_list(rules_dir / "not_org_words.txt")),
        org_suffixes_direct=tuple(read_list(rules_dir / "org_suffixes_direct.txt")),
        project_words=frozenset(read_list(rules_dir / "project_words.txt")),
        place_abbreviations=frozenset(read_list(rules_dir / "place_abbreviations.txt")),
        list_heads=tuple(
            tuple(line.split("\t")) for line in read_list(rules_dir / "list_heads.tsv")
        ),
        sub_units=frozenset(w for w, kind in sub_units if kind == "unit"),
        capacity_words=frozenset(read_list(rules_dir / "capacity_words.txt")),
        sub_unit_modifiers=frozenset(w for w, kind in sub_units if kind == "modifier"),
        zone_suffixes=tuple(
            sorted(read_list(rules_dir / "zone_suffixes.txt"), key=len, reverse=True)
        ),
        chain_bodies=frozenset(read_list(rules_dir / "chain_bodies.txt")),
        title_bodies=frozenset(read_list(rules_dir / "title_bodies.txt")),
        not_titles=frozenset(read_list(rules_dir / "not_titles.txt")),
        long_bodies=tuple(read_list(rules_dir / "long_bodies.txt")),
        campaign_words=tuple(read_list(rules_dir / "campaign_words.txt")),
        quoted_campaign_words=frozenset(read_list(rules_dir / "quoted_campaign_words.txt")),
        generic_org_heads=tuple(read_list(rules_dir / "generic_org_heads.txt")),
        capacity_units=tuple(read_list(rules_dir / "capacity_units.txt")),
        exception_rows=read_exceptions(rules_dir / "exceptions.tsv"),
        one_char_places=countries + provinces,
        one_char_countries=countries,
        country_pairs=pairs,
        pair_table=_pair_table(pairs, countries),
    )


def _pair_table(
    pairs: tuple[tuple[str, str, str], ...], countries: tuple[tuple[str, str], ...]
) -> dict[str, tuple[str, str]]:
    """Two different countries' forms side by side (中美), then the listed pairs (巴以), which win."""
    table = {
        a + b: (full_a, full_b) for a, full_a in countries for b, full_b in countries if a != b
    }
    table.update({pair: (first, second) for pair, first, second in pairs})
    return table


def rules_fingerprint(rules_dir: Path = RULES_DIR) -> str:
    h = hashlib.sha1()
    for path in sorted(rules_dir.glob("*")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]
