"""Where a corpus is at home: the city (or county, or province) whose paper it is.

City-relative names (市公安局, 县委, 省政府) are expanded from the home place, so getting it
wrong renames every such organisation. The evidence is how the paper names places:

* places named in the text: LOC mentions, and the place an organisation's name starts with
  (牡丹江市公安局 names 牡丹江市);
* datelines (本报寿光讯) name where a story was filed: they vote for the region around that
  place, never for the place itself as home (a county's own paper writes 本报讯);
* a city paper names several of its counties; a county paper names its own towns and at most
  one other county of its city; a provincial paper names several cities of its province and
  none dominates; a national paper spreads its places over the provinces, none holding most of
  them, and has no home.

A folder may hold pages of several papers. Each source (a file or a JSONL record's ``source``,
split by the site of the records' ``url``: ``paper_of``) is read at the corpus home unless its own
places point clearly elsewhere: then it is another paper's, and its 市公安局 is its own city's.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from urllib.parse import urlsplit

from kg.extract.places import Gazetteer, Place
from kg.resolve.names import HomePlace, normalize
from kg.schema import Article, Extraction

# A provincial paper: at least this many cities of one province named, and the most named of
# them holds less than this share of their mentions.
PROVINCE_MIN_CITIES = 3
PROVINCE_TOP_SHARE = 0.5
# A county paper: its county (with its towns) named more than its city, and no more than this
# many other counties of the city named.
COUNTY_MAX_OTHER_COUNTIES = 1
DATELINE_WEIGHT = 2
# A paper is at home where most of the places it names are: its province holds at least this
# share of the votes of all provinces (the Liaocheng pages 0.94, Hong Kong government releases
# 0.82; People's Daily of 1998 and 2013, a national paper, 0.21 and 0.13: no home).
HOME_MIN_SHARE = 0.4
ORG_PREFIX_MAX = 10  # longest place name looked for at the start of an organisation
# A source is another paper's when the place its own text points to is outside the corpus home
# (and the corpus home not inside it), with at least this many votes, and this many times the
# votes it gives the corpus home: a page of the home paper names its own city's places too.
SOURCE_MIN_VOTES = 4
SOURCE_MARGIN = 3


def place_mentions(
    extractions: Iterable[Extraction], gaz: Gazetteer, looked_up: dict | None = None
) -> tuple[Counter[Place], Counter[Place]]:
    """(places named in the text, places named in datelines), with counts. ``looked_up``
    keeps each name's place between calls."""
    extractions = list(extractions)
    looked_up = {} if looked_up is None else looked_up
    # Looked up once per distinct name: names repeat, and a Place hashes its parent chain.
    names = Counter(
        (m.type, m.text) for ex in extractions for m in ex.mentions if m.type in ("LOC", "ORG")
    )
    named: Counter[Place] = Counter()
    for key, n in names.items():
        if key not in looked_up:
            looked_up[key] = _named_place(*key, gaz)
        place = looked_up[key]
        if place is not None:
            named[place] += n
    datelines: Counter[Place] = Counter()
    for ex in extractions:
        if ex.article.dateline:
            place = gaz.resolve(normalize(ex.article.dateline))
            if place is not None:
                datelines[place] += 1
    return named, datelines


def _named_place(etype: str, text: str, gaz: Gazetteer) -> Place | None:
    if etype == "LOC":
        return gaz.resolve(normalize(text))
    head = next(gaz.full_prefixes(normalize(text), ORG_PREFIX_MAX), None)  # 临清市刘垓子镇党委
    return gaz.resolve(head) if head else None


def _up(place: Place, level: str) -> Place | None:
    for p in (place, *place.ancestors()):
        if p.level == level:
            return p
    return None


def paper_of(article: Article) -> str:
    """The paper an article is from, as far as its home goes: its source, and within it the site
    its address is on (one JSONL file may hold a crawl of several papers' sites). Finer than
    either alone, so two papers never share a home by sharing a file or an aggregator's site."""
    host = urlsplit(article.url).hostname if article.url else None
    return f"{article.source} ({host})" if host else article.source


def detect_home_city(extractions: Iterable[Extraction], gaz: Gazetteer) -> Place | None:
    """The place the corpus is at home in (see the module docstring), or None."""
    return _home(*place_mentions(extractions, gaz))


def detect_homes(
    extractions: Iterable[Extraction], gaz: Gazetteer
) -> tuple[Place | None, dict[str, Place | None]]:
    """The corpus home, and each source's: the corpus home, or its own where it is another
    paper's. The places are counted once per source; the corpus counts are their sums."""
    by_source: dict[str, list[Extraction]] = defaultdict(list)
    for ex in extractions:
        by_source[paper_of(ex.article)].append(ex)
    looked_up: dict = {}
    counts = {s: place_mentions(group, gaz, looked_up) for s, group in by_source.items()}
    named: Counter[Place] = Counter()
    datelines: Counter[Place] = Counter()
    for source_named, source_datelines in counts.values():
        named.update(source_named)
        datelines.update(source_datelines)
    home = _home(named, datelines)
    if len(counts) < 2:
        return home, dict.fromkeys(counts, home)
    out: dict[str, Place | None] = {}
    for source, (source_named, source_datelines) in counts.items():
        own = _home(source_named, source_datelines)
        out[source] = own if _elsewhere(own, home, source_named, source_datelines) else home
    return home, out


def _elsewhere(
    own: Place | None, home: Place | None, named: Counter[Place], datelines: Counter[Place]
) -> bool:
    if own is None or own == home:
        return False
    if home is not None and (own.within(home) or home.within(own)):
        return False
    votes = _votes_in(own, named, datelines)
    against = 0 if home is None else _votes_in(home, named, datelines)
    return votes >= SOURCE_MIN_VOTES and votes >= SOURCE_MARGIN * against


def _votes_in(place: Place, named: Counter[Place], datelines: Counter[Place]) -> int:
    return sum(
        n * weight
        for votes, weight in ((named, 1), (datelines, DATELINE_WEIGHT))
        for p, n in votes.items()
        if p == place or p.within(place)
    )


def _home(named: Counter[Place], datelines: Counter[Place]) -> Place | None:
    region: Counter[Place] = Counter()  # city or province -> votes from everything inside it
    for votes, weight in ((named, 1), (datelines, DATELINE_WEIGHT)):
        for place, n in votes.items():
            for level in ("city", "province"):
                up = _up(place, level)
                if up is not None:
                    region[up] += n * weight
    provinces = [p for p in region if p.level == "province"]
    top = max(provinces, key=lambda p: (region[p], p.name), default=None)
    if top is None or region[top] < HOME_MIN_SHARE * sum(region[p] for p in provinces):
        return None  # a national paper: no city or province is home to it
    cities = [p for p in region if p.level == "city"]
    if not cities:
        return top
    city = max(cities, key=lambda p: (region[p], p.name))
    return _province_home(city, cities, region, named) or _county_home(city, named) or city


def _province_home(
    city: Place, cities: list[Place], region: Counter[Place], named: Counter[Place]
) -> Place | None:
    """The province, when it is named more than its top city or its cities share the votes."""
    province = _up(city, "province")
    if province is None:
        return None
    siblings = [c for c in cities if _up(c, "province") == province]
    share = region[city] / sum(region[c] for c in siblings)
    if named[province] > region[city] or (
        len(siblings) >= PROVINCE_MIN_CITIES and share < PROVINCE_TOP_SHARE
    ):
        return province
    return None


def _county_home(city: Place, named: Counter[Place]) -> Place | None:
    """A county of the city, when it is named more than the city and than its other counties."""
    counties: Counter[Place] = Counter()  # county of this city -> its own and its towns' votes
    for place, n in named.items():
        county = _up(place, "county")
        if county is not None and county.parent == city:
            counties[county] += n
    if counties and len(counties) <= COUNTY_MAX_OTHER_COUNTIES + 1:
        county, n = max(counties.items(), key=lambda kv: (kv[1], kv[0].name))
        others = sum(counties.values()) - n
        if n > named[city] and n > others:
            return county
    return None


def article_home(
    dateline: str | None, home: Place | None, gaz: Gazetteer, *, national: bool = False
) -> HomePlace:
    """An article's home: its dateline place when that lies in its paper's home (本报临清讯 in a
    聊城 paper), else the paper's home (a 本报上海讯 story still speaks of its own city's 市政府).
    In a ``national`` corpus (no home of its own) a story filed from a place is at home there
    (新华社甲市电: its 省乙委 is 甲市's province's), whatever one page's places lean to."""
    if dateline:
        place = gaz.resolve(normalize(dateline), near=home)
        if place is not None and (home is None or national or place == home or place.within(home)):
            return HomePlace(place=place)
    return HomePlace(place=home)
