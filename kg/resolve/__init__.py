"""Resolution: mentions and roles of all articles -> one Entity per real-world entity.

Steps: (1) each mention gets a canonical name in its article's context (聊城 -> 聊城市, 市公安局 ->
聊城市公安局); (2) names meet under keys (abbreviations folded, company short forms linked to the one
full name they abbreviate); (3) a name's type is the one most mentions give it.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from kg.extract.places import (
    RELATIVE_LEVELS,
    Gazetteer,
    Place,
    country_names,
    gazetteer,
    world_countries,
    world_places,
)
from kg.extract.relations.lexicon import country_abbreviations
from kg.extract.rules import load_rules, read_list
from kg.resolve.home import article_home, detect_home_city, detect_homes, paper_of
from kg.resolve.names import (
    LEXICONS,
    HomePlace,
    company_core,
    expand_relative,
    national_bodies,
    normalize,
    org_key,
    strip_place_prefix,
)
from kg.resolve.people import Post, join_short_forms, make_post, split_people
from kg.schema import Entity, Extraction, Mention

__all__ = ["Resolution", "detect_home_city", "resolve"]


def _foreign_city(name: str, gaz: Gazetteer) -> str:
    """莫斯科市, 洛杉矶市: a foreign city written with 市 is the city news names without it; not a
    country's capital named for it (科威特市, 萨尔瓦多市), nor a place of China's map."""
    stem = name[:-1]
    if (
        name.endswith("市")
        and name not in gaz
        and stem in world_places()
        and stem not in world_countries()
    ):
        return stem
    return name


@dataclass
class ResolvedRole:
    person: str  # entity id
    title: str
    org: str | None  # entity id
    article: str
    sentence: int
    status: str = "current"  # current | former | acting
    date: str | None = None


@dataclass
class Resolution:
    entities: dict[str, Entity]
    # per article id: list parallel to Extraction.mentions with entity ids (None: not an entity)
    mention_ids: dict[str, list[str | None]] = field(default_factory=dict)
    roles: list[ResolvedRole] = field(default_factory=list)
    home_city: str | None = None
    places: dict[str, Place] = field(default_factory=dict)  # LOC entity id -> gazetteer place
    # sources (files, or sites: paper_of) read as another paper's: source -> their home
    other_homes: dict[str, str] = field(default_factory=dict)


class _Names:
    """Canonical names in context, and the votes needed to merge them afterwards."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.type_votes: dict[str, Counter[str]] = defaultdict(Counter)
        self.surfaces: dict[str, Counter[str]] = defaultdict(Counter)
        self.places: dict[str, Place] = {}
        self.declared: dict[str, set[str]] = defaultdict(set)  # short name -> full names
        # keyed by id(place): a Place hashes its whole parent chain, and places live as long as
        # the gazetteer that made them
        self._cache: dict[tuple[str, str, int], tuple[str | None, Place | None]] = {}

    def canonical(self, surface: str, etype: str, home: HomePlace) -> str | None:
        name, place = self._lookup(surface, etype, home)
        if name is None:
            return None
        if place is not None:
            self.places[place.name] = place
        self.type_votes[name][etype] += 1
        self.surfaces[name][normalize(surface)] += 1
        return name

    def _lookup(self, surface: str, etype: str, home: HomePlace) -> tuple[str | None, Place | None]:
        key = (surface, etype, id(home.place))
        if key not in self._cache:  # names repeat: the same (surface, type, home) resolves alike
            self._cache[key] = self._canonical(surface, etype, home)
        return self._cache[key]

    def declare(self, short: str, full: str, etype: str, home: HomePlace) -> None:
        """``full``（以下简称“``short``”）: the short form names that entity (counted nowhere)."""
        short_name, _ = self._lookup(short, etype, home)
        full_name, _ = self._lookup(full, etype, home)
        if short_name and full_name and short_name != full_name:
            self.declared[short_name].add(full_name)

    def _canonical(
        self, surface: str, etype: str, home: HomePlace
    ) -> tuple[str | None, Place | None]:
        name = normalize(surface)
        if etype == "LOC":
            return self._canonical_place(name, home)
        if etype in ("ORG", "PROJECT"):
            return self._canonical_body(name, etype, home), None
        return name, None

    def _canonical_place(self, name: str, home: HomePlace) -> tuple[str | None, Place | None]:
        """A place's full name, read near the article's home (我市, 高新区 -> 聊城高新区)."""
        if name.endswith("地区") and len(name) > 3:  # 京津冀地区 = 京津冀, 聊城地区 = 聊城
            name = name[:-2]
        name = country_names().get(name, name)  # 大韩民国 = 韩国
        name = _foreign_city(name, self.gaz)  # 莫斯科市 = 莫斯科
        place = self.gaz.resolve(name, near=home.place)
        if place is None and name.startswith(("我市", "本市")):
            place = home.fill_place("市")
        if place is None and name in _OWN_PLACES:
            place = home.fill_place(name[-1])
            if place is None:
                return None, None  # 我县 in a city paper: no county to name
        if place is not None:
            return place.name, place
        if len(name) == 1:
            # 中阿关系, 哥外长: a one-character form the extractor could not name in full (阿 of
            # 阿根廷 or 阿拉伯?) is no node; the forms it could are mentions of the full name
            return None, None
        return expand_relative(name, home, self.gaz), None  # 高新区 -> 聊城高新区

    def _canonical_body(self, name: str, etype: str, home: HomePlace) -> str | None:
        """A body's or project's name with the home city filled in (市公安局 -> 聊城市公安局);
        none for a zone's industry or a relative body with nothing to fill in."""
        if etype == "ORG":
            product = next(
                (w for w in product_words() if name.endswith(w) and len(name) >= len(w) + 2),
                None,
            )
            if product is not None:
                brand = name[: -len(product)]
                if brand in self.gaz or load_rules().is_zone(brand):
                    return None  # 柳东新区智能网联汽车: the zone's industry
                name = brand  # 甲牌新能源客车: the brand's product names the brand
            name = _without_country(_country_in_full(name))
            if name.endswith(_PARTY_GROUP) and len(name) > len(_PARTY_GROUP) + 1:
                # 市政协党组（扩大）会议: the body's party group is the body
                name = name[: -len(_PARTY_GROUP)]
        name = expand_relative(name, home, self.gaz)
        if etype == "ORG" and name in load_rules().org_names:
            return None  # 县委 in a city paper: no county to fill in, so no entity to name
        return name

    def merged(self) -> dict[str, str]:
        """canonical name -> representative name, after abbreviation keys and company short forms."""
        majority = {n: v.most_common(1)[0][0] for n, v in self.type_votes.items()}
        orgs = [n for n, t in majority.items() if t == "ORG"]
        rep: dict[str, str] = {}
        self._group(rep, orgs, org_key)
        self._link_companies(rep, orgs)
        self._link_units(rep, orgs)
        self._link_placed(rep, orgs)
        self._link_short_places(rep, orgs)
        self._link_zones(rep, [n for n, t in majority.items() if t == "LOC"])
        projects = [n for n, t in majority.items() if t == "PROJECT"]
        # 茌平区信发现代农业产业园 = 信发现代农业产业园: a project keeps its name without the place.
        self._group(rep, projects, lambda n: _project_key(strip_place_prefix(n, self.gaz), n))
        self._link_declared(rep)
        return rep

    def _link_units(self, rep: dict[str, str], orgs: list[str]) -> None:
        """华西医院 = 四川大学华西医院: a unit named without its parent institution joins the one
        organisation of the corpus named "<parent><unit>" (parent endings: parent_institutions.txt)."""
        endings = parent_institutions()
        self._join_one(
            rep,
            orgs,
            lambda full: (
                full[cut:]
                for cut in range(2, len(full) - MIN_UNIT + 1)
                if full[:cut].endswith(endings)
            ),
        )

    def _link_placed(self, rep: dict[str, str], orgs: list[str]) -> None:
        """公共资源交易中心 = 德州市公共资源交易中心: a body written without its place joins the one
        organisation of the corpus named "<place><body>"."""

        def body(full: str) -> list[str]:
            short = strip_place_prefix(full, self.gaz)
            return [short] if short != full and len(short) >= MIN_UNIT else []

        self._join_one(rep, orgs, body)

    def _link_short_places(self, rep: dict[str, str], orgs: list[str]) -> None:
        """上海人民政府 = 上海市人民政府, 河北高邑县委 = 河北省高邑县委: a body written with its
        place's short name joins the body of the corpus written with the place in full."""
        names = set(orgs)
        for name in orgs:
            full = next((f for f in self._with_place_in_full(name) if f in names), None)
            if full is not None and rep.get(name, name) != rep.get(full, full):
                _repoint(rep, name, {rep.get(name, name)}, rep.get(full, full))

    def _with_place_in_full(self, name: str) -> Iterable[str]:
        for cut in (2, 3, 4):
            short, rest = name[:cut], name[cut:]
            if len(rest) >= 2 and rest[0] not in RELATIVE_LEVELS:
                yield from (short + lv + rest for lv in RELATIVE_LEVELS if short + lv in self.gaz)

    @staticmethod
    def _join_one(
        rep: dict[str, str], orgs: list[str], shorts: Callable[[str], Iterable[str]]
    ) -> None:
        """Each organisation whose name is one of ``shorts(full)`` for exactly one full name of
        the corpus joins that full name; every spelling of a full name counts (香港特区临时立法会
        as well as 香港特别行政区临时立法会 gives 特区临时立法会)."""
        by_short: dict[str, set[str]] = defaultdict(set)
        for full in orgs:
            for short in shorts(full):
                by_short[short].add(rep.get(full, full))
        for name in orgs:
            current = rep.get(name, name)
            fits = by_short.get(current, set()) - {current}
            if len(fits) == 1:
                _repoint(rep, name, {current}, fits.pop())

    def _link_declared(self, rep: dict[str, str]) -> None:
        """A short form the text declares (（以下简称“长城特钢”）) joins its full name, when the
        corpus declares it for one entity only."""
        for short, fulls in self.declared.items():
            targets = {rep.get(full, full) for full in fulls}
            if len(targets) != 1:
                continue
            target = targets.pop()
            before = rep.get(short, short)
            if before == target:
                continue
            _repoint(rep, short, {short, before}, target)

    def _group(self, rep: dict[str, str], names: list[str], key) -> None:
        by_key: dict[str, list[str]] = defaultdict(list)
        for name in names:
            by_key[key(name)].append(name)
        for group in by_key.values():
            best = max(group, key=lambda n: (len(n), sum(self.surfaces[n].values()), n))
            for n in group:
                rep[n] = best

    def _link_zones(self, rep: dict[str, str], places: list[str]) -> None:
        """聊城开发区 (from a bare 开发区) = 聊城经济技术开发区 when that is the one zone of the corpus
        it abbreviates: same place, same kind of zone, words left out."""
        zones = [n for n in places if n.endswith("区") and n not in self.gaz]
        for short in zones:
            fits = [
                full
                for full in zones
                if len(full) > len(short)
                and full[:2] == short[:2]
                and full[-3:] == short[-3:]
                and _subsequence(short, full)
            ]
            if len(fits) == 1:
                rep[short] = fits[0]

    def _place_of_prefix(self, name: str, core: str) -> Place | None:
        prefix = name[: name.find(core)] if core in name else ""
        return self.gaz.resolve(prefix) if prefix else None

    def _link_companies(self, rep: dict[str, str], orgs: list[str]) -> None:
        """Company names meet by their core (中通客车股份有限公司 -> 中通客车): same core and
        compatible places merge; a short form goes to the one company whose core it starts."""
        fulls = sorted({rep.get(n, n) for n in orgs})
        core_of = {n: c for n in fulls if (c := company_core(n, self.gaz)) is not None}
        target = self._same_core(core_of)
        by_head: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for n, c in core_of.items():  # a short form shares its first two characters with the core
            by_head[c[:2]].append((n, c))
        for name, core in core_of.items():
            if len(core) >= 2 and name.endswith(("集团", "公司")) and not name.endswith("有限公司"):
                found = _unique_company(core, name[-2:], by_head, target)
                if found is not None:
                    target[name] = found
        for name in orgs:
            current = rep.get(name, name)
            if current in target:
                rep[name] = target[current]
            elif current not in core_of and current not in self.gaz:
                found = self._short_form_of(current, by_head, target)
                if found is not None:
                    rep[name] = found
        for name in list(rep):
            rep[name] = target.get(rep[name], rep[name])

    def _short_form_of(
        self, name: str, by_head: dict[str, list[tuple[str, str]]], target: dict[str, str]
    ) -> str | None:
        """The one company a name that is no company's full name is a short form of: its core
        exactly, else the one core it starts or spells with words left out."""
        short = strip_place_prefix(name, self.gaz)
        if len(short) < 2:
            return None
        exact = {target.get(n, n) for n, c in by_head.get(short[:2], []) if c == short}
        if len(exact) == 1:
            return next(iter(exact))
        if _a_body(short):
            return None  # 国务院 opens 国务院甲委负责人和乙总公司 but is no company's short form
        return _unique_company(short, None, by_head, target)

    def _same_core(self, core_of: dict[str, str]) -> dict[str, str]:
        """Companies of one core whose names' places agree are one, under the longest name
        (甲乙水务有限公司 = 甲县乙水务有限公司)."""
        by_core: dict[str, list[str]] = defaultdict(list)
        for name, core in core_of.items():
            by_core[core].append(name)
        target: dict[str, str] = {}
        for core, names in by_core.items():
            places = {p.name for n in names if (p := self._place_of_prefix(n, core)) is not None}
            if len(places) <= 1:
                best = max(names, key=len)
                for n in names:
                    target[n] = best
        return target


def _unique_company(
    short: str,
    ending: str | None,
    by_head: dict[str, list[tuple[str, str]]],
    target: dict[str, str],
) -> str | None:
    """The one company whose core a short form starts (or, four characters or more, spells with
    words left out: 甲科家电 = 甲科智能家电); none when several fit."""
    candidates = by_head.get(short[:2], [])
    fits = {target.get(n, n) for n, c in candidates if c.startswith(short) and c != short}
    if not fits and len(short) >= 4:  # same brand, same trade, words left out
        fits = {
            target.get(n, n) for n, c in candidates if c[-1] == short[-1] and _subsequence(short, c)
        }
    if ending is not None:  # 国兴集团 -> a 集团, not a subsidiary 有限公司
        fits = {f for f in fits if ending in f}
    return next(iter(fits)) if len(fits) == 1 else None


# A newspaper's own name (人民日报, 甲晚报): a whole body's, as its press group's is
_PAPER_ENDS = ("日报", "晚报", "早报", "时报", "商报", "周报")


def _a_body(name: str) -> bool:
    """A name that is a whole body's, not a brand's (国务院, 全国政协, 市委, 人民日报; not 中通, nor
    鲁西集团, which a company's name may spell with words left out)."""
    end = load_rules().org_suffix_re.search(name)
    whole = end is not None and end.end() == len(name) and not name.endswith(("公司", "集团"))
    return whole or name.endswith(_PAPER_ENDS) or name in national_bodies()


def _repoint(rep: dict[str, str], name: str, olds: set[str], target: str) -> None:
    """``name``, and every name merged into one of ``olds`` so far, now stands for ``target``."""
    for other, mapped in list(rep.items()):
        if mapped in olds:
            rep[other] = target
    rep[name] = target


MIN_UNIT = 4  # 华西医院: shorter tails (医院, 分院) name nothing on their own


@functools.cache
def product_words() -> tuple[str, ...]:
    return tuple(sorted(read_list(LEXICONS / "product_words.txt"), key=len, reverse=True))


@functools.cache
def parent_institutions() -> tuple[str, ...]:
    return tuple(read_list(LEXICONS / "parent_institutions.txt"))


# 公司（以下简称“长城特钢”）, （简称精研智能）, （下称：农综区）
_DECLARED = re.compile(
    r"[（(](?:以下)?(?:简称|下称)[:：]?\s*[“\"‘「『]?"
    r"([^（）()“”\"‘’「」『』，,。；;、\s]{2,15})[”\"’」』]?[）)]"
)
_DECLARABLE = ("ORG", "LOC", "PROJECT")


def declared_short_forms(ex: Extraction) -> list[tuple[Mention, Mention]]:
    """(short, full) pairs an article declares: the mention right before the bracket is the
    full name; the short one is made up as a mention of the same type."""
    if "称" not in ex.article.text:  # every declaration says 简称 or 下称; most articles none
        return []
    ends = {m.end: m for m in ex.mentions if m.type in _DECLARABLE}
    pairs = []
    for match in _DECLARED.finditer(ex.article.text):
        full = ends.get(match.start())
        if full is not None:
            short = Mention(
                match.start(1), match.end(1), match.group(1), full.type, full.sentence, "declared"
            )
            pairs.append((short, full))
    return pairs


# The paper's own place, as spans.own_place_spans finds it: 我县 is the home county.
_OWN_PLACES = frozenset("我" + level for level in RELATIVE_LEVELS)
# A body's party group, as the annotators give its posts (党组书记 @ the body).
_PARTY_GROUP = "党组"
# After a country, words that make a body national (韩国国际新闻传媒交流协会, 日本驻华大使馆).
_NATIONAL = ("国际", "国家", "国立", "全国", "中央", "驻", "联邦", "皇家", "政府")


@functools.cache
def _foreign_countries() -> frozenset[str]:
    # not 中国, nor 中非 (中非合作论坛 is no body of the Central African Republic)
    return frozenset(c for c in country_names().values() if not c.startswith("中"))


def _without_country(name: str) -> str:
    """日本大阪文化馆 -> 大阪文化馆: a local body abroad is named without its country, as
    Chinese bodies are named without 中国 (a national one keeps it: 韩国国际…协会)."""
    for n in (2, 3, 4):
        country, rest = name[:n], name[n:]
        if country in _foreign_countries() and len(rest) >= 4 and not rest.startswith(_NATIONAL):
            return rest
    return name


def _surface(m: Mention, ex: Extraction) -> str:
    """The words as written: a mention written out in full (管委会 -> X开发区管委会, 济滨 ->
    济滨高铁) keeps its written form as an alias."""
    text = ex.article.text
    return text[m.start : m.end] if 0 <= m.start < m.end <= len(text) else m.text


def _honorifics(ex: Extraction) -> dict[str, str]:
    """江主席 / 李市长: surname + title, for the one person of the article with that surname who
    holds that title (江泽民, 主席); 克雷库, for the article's one 马蒂厄·克雷库."""
    rules = load_rules()
    people: dict[str, set[str]] = defaultdict(set)
    for role in ex.roles:
        surname = rules.surname_of(role.person)
        if surname is not None:
            people[surname + role.title].add(role.person)
            for base in _base_titles(role.title):  # 党组书记 -> 李书记 too
                people[surname + base].add(role.person)
    # 李总 ("boss Li"): the article's one full name of that surname, whatever post it gives.
    for m in ex.mentions:
        surname = rules.surname_of(m.text) if m.type == "PERSON" else None
        if surname is not None and len(m.text) > len(surname) and not m.text.endswith(_BOSS):
            people[surname + _BOSS].add(m.text)
        if m.type == "PERSON" and "·" in m.text:
            # 克雷库 after 马蒂厄·克雷库: a foreign name's last part, the article's one such name
            people[m.text.rsplit("·", 1)[1]].add(m.text)
    return _the_one(people)


_BOSS = "总"


def _the_one(named: dict[str, set[str]]) -> dict[str, str]:
    """Each short form that one name of the article alone can stand for, to that name."""
    return {form: next(iter(names)) for form, names in named.items() if len(names) == 1}


@functools.cache
def state_bodies() -> frozenset[str]:
    return frozenset(read_list(LEXICONS / "state_bodies.txt"))


@functools.cache
def _ministries() -> frozenset[str]:
    return state_bodies() | frozenset(read_list(LEXICONS / "ministries.txt"))


def _country_in_full(name: str) -> str:
    """甲外交部 -> 甲国外交部, 甲国防部 -> 甲国国防部 (甲 a country's one-character form, 甲国 its
    name): a state's body after its country's one-character form is the body named with the
    country in full (not 甲国政府: 国政府 is no body)."""
    country = country_abbreviations().get(name[:1])
    if country is None or country == "中国" or name[1:] not in _ministries():
        return name
    return country + name[1:]


def _state_bodies(ex: Extraction) -> dict[str, str]:
    """国会 -> 美国国会, 内阁 -> 泰国内阁: a foreign state's body named bare, for the article's one
    name of that body with its country before it (a country's name or its one-character form)."""
    rules = load_rules()
    named: dict[str, set[str]] = defaultdict(set)
    for m in ex.mentions:
        if m.type != "ORG":
            continue
        for body in state_bodies():
            country = m.text[: -len(body)] if m.text.endswith(body) else ""
            if country in world_countries() or (
                len(country) == 1 and rules.is_one_char_country(country)
            ):
                named[body].add(m.text)
    return _the_one(named)


@functools.lru_cache(maxsize=4096)
def _base_titles(title: str) -> tuple[str, ...]:
    """The lexicon's titles that ``title`` ends with, other than itself (党组书记 -> 书记)."""
    return tuple(base for base in load_rules().titles if base != title and title.endswith(base))


def _subsequence(short: str, full: str) -> bool:
    chars = iter(full)
    return all(c in chars for c in short)


def _project_key(key: str, name: str) -> str:
    """A project's name without its place, when what is left still names it: a modifier of
    three characters or more before the head. 海口美兰国际机场 and 三亚凤凰国际机场 both lose two
    places (美兰, 凤凰 are districts) and would meet as 国际机场."""
    head = load_rules().project_head_re.search(key)
    modifier = key[: head.start()] if head is not None else key
    return key if len(key) >= 4 and len(modifier) >= 3 else name


_RawRole = tuple[str, str, str | None, str | None, str, int, str, str | None]
# PERSON never merges with an organisation of the same spelling; ties prefer ORG.
_TYPE_ORDER = {"ORG": 3, "LOC": 2, "PROJECT": 1, "PERSON": 0}


def resolve(extractions: list[Extraction], *, home_city: str | None = None) -> Resolution:
    gaz = gazetteer()
    city, at = _homes(extractions, gaz, home_city)
    names = _Names(gaz)
    homes = {
        ex.article.id: article_home(
            ex.article.dateline, at[paper_of(ex.article)], gaz, national=city is None
        )
        for ex in extractions
    }
    # Pass 1: canonical names in context. Pass 2: merge names, then fix each one's type by vote.
    raw_mentions, raw_roles = _canonical_pass(extractions, names, homes)
    rep = names.merged()
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for name, v in names.type_votes.items():
        votes[rep.get(name, name)].update(v)
    type_of = {name: _voted_type(name, v, gaz) for name, v in votes.items()}
    labels = _person_labels(extractions, raw_mentions, raw_roles, rep, type_of, names, homes, gaz)
    nodes = _Nodes(rep, type_of, labels)
    resolution = Resolution(
        entities=nodes.entities,
        home_city=city.name if city else None,
        other_homes={s: p.name for s, p in sorted(at.items()) if p is not None and p != city},
    )
    for ex in extractions:
        ids = []
        for canon, surface in raw_mentions[ex.article.id]:
            if canon is None:
                ids.append(None)
                continue
            ent = nodes.node(canon, ex.article.id)
            ent.aliases.add(normalize(surface))
            ent.mentions += 1
            ent.articles.add(ex.article.id)
            ids.append(ent.id)
        resolution.mention_ids[ex.article.id] = ids
    for person, title, org, _org_type, article_id, sentence, status, date in raw_roles:
        p = nodes.node(person, article_id)
        p.titles.add(title)
        p.articles.add(article_id)
        p.aliases.add(person)
        org_id = None
        if org is not None:
            o = nodes.entity(org)
            o.articles.add(article_id)
            org_id = o.id
        resolution.roles.append(
            ResolvedRole(p.id, title, org_id, article_id, sentence, status, date)
        )
    _flag_homonyms(resolution, gaz)
    for ent in nodes.entities.values():
        ent.aliases.discard(ent.label)
        if ent.type == "LOC" and ent.label in names.places:
            resolution.places[ent.id] = names.places[ent.label]
    return resolution


def _homes(
    extractions: list[Extraction], gaz: Gazetteer, home_city: str | None
) -> tuple[Place | None, dict[str, Place | None]]:
    """The corpus home and each source's: --home-city holds for every page; a detected home
    only for the papers it was found in."""
    if not home_city:
        return detect_homes(extractions, gaz)
    city = gaz.resolve(home_city)
    if city is None:
        raise ValueError(
            f"--home-city {home_city!r} is not a place in the administrative-division data"
        )
    return city, {paper_of(ex.article): city for ex in extractions}


def _canonical_pass(
    extractions: list[Extraction], names: _Names, homes: dict
) -> tuple[dict[str, list[tuple[str | None, str]]], list[_RawRole]]:
    """Each mention's and role's canonical name in its article's context (its home city, the
    short forms it declares, 江主席 for its one 江)."""
    raw_mentions: dict[str, list[tuple[str | None, str]]] = {}
    raw_roles: list[_RawRole] = []
    for ex in extractions:
        home = homes[ex.article.id]
        for short, full in declared_short_forms(ex):
            names.declare(short.text, full.text, full.type, home)
        honorific = _honorifics(ex)
        bodies = _state_bodies(ex)
        in_full = {"PERSON": honorific, "ORG": bodies}
        raw_mentions[ex.article.id] = [
            (
                names.canonical(in_full.get(m.type, {}).get(m.text, m.text), m.type, home),
                _surface(m, ex),
            )
            for m in ex.mentions
        ]
        for role in ex.roles:
            person = names.canonical(honorific.get(role.person, role.person), "PERSON", home)
            org = None
            if role.org is not None:
                full = bodies.get(role.org, role.org) if role.org_type != "LOC" else role.org
                org = names.canonical(full, role.org_type or "ORG", home)
            raw_roles.append(
                (
                    person,
                    role.title,
                    org,
                    role.org_type,
                    ex.article.id,
                    role.sentence,
                    role.status,
                    role.date,
                )
            )
    return raw_mentions, raw_roles


def _voted_type(name: str, v: Counter[str], gaz: Gazetteer) -> str:
    """A merged name's type: its mentions' vote, then what its spelling says of a place."""
    voted = max(v.items(), key=lambda kv: (kv[1], _TYPE_ORDER[kv[0]]))[0]
    if voted != "ORG":
        return voted
    # A tie between place and body goes to the place when the name ends like one (洋浦港).
    if v["LOC"] == v["ORG"] and name.endswith(load_rules().geo_suffixes):
        return "LOC"
    # 小关镇 of 小关镇党委书记 is read as a body, but a place's full name names the place.
    if any(p.name == name for p in gaz.lookup(name)):
        return "LOC"
    # 柳东新区 of 柳东新区党工委书记 too: a named zone or port is a place (lexicons/zone_suffixes.txt).
    return "LOC" if load_rules().is_zone(name) else "ORG"


class _Nodes:
    """The graph's entities by id, made on first use: one per merged name, and one per person
    (people.py splits namesakes with incompatible posts)."""

    def __init__(
        self,
        rep: dict[str, str],
        type_of: dict[str, str],
        person_label: dict[tuple[str, str], str],
    ) -> None:
        self.rep, self.type_of, self.person_label = rep, type_of, person_label
        self.entities: dict[str, Entity] = {}

    def entity(self, name: str) -> Entity:
        name = self.rep.get(name, name)
        etype = self.type_of[name]
        eid = f"{etype}:{name}"
        ent = self.entities.get(eid)
        if ent is None:
            ent = self.entities[eid] = Entity(id=eid, label=name, type=etype)
        return ent

    def node(self, name: str, article_id: str) -> Entity:
        label = self.person_label.get((article_id, name))
        if label is None or label == name:
            return self.entity(name)
        eid = f"PERSON:{label}"
        ent = self.entities.get(eid)
        if ent is None:
            ent = self.entities[eid] = Entity(id=eid, label=label, type="PERSON")
        ent.aliases.add(name)  # 李强（国务院总理） is written 李强
        return ent


def _person_labels(
    extractions: list[Extraction],
    raw_mentions: dict[str, list[tuple[str | None, str]]],
    raw_roles: list[_RawRole],
    rep: dict[str, str],
    type_of: dict[str, str],
    names: _Names,
    homes: dict,
    gaz: Gazetteer,
) -> dict[tuple[str, str], str]:
    """One node per person, not per name (people.py): namesakes with incompatible posts split."""

    def place_of(org: str) -> Place | None:
        if type_of.get(org) == "LOC":
            return names.places.get(org) or gaz.resolve(org)
        return _place_of_org(org, gaz)

    posts: dict[tuple[str, str], list[Post]] = defaultdict(list)
    countries = sorted(set(country_names().values()), key=len, reverse=True)
    for person, title, org, _org_type, article_id, *_rest in raw_roles:
        if person is None or type_of.get(rep.get(person, person)) != "PERSON":
            continue
        org_name = rep.get(org, org) if org is not None else None
        place = place_of(org_name) if org_name is not None else None
        posts[(article_id, person)].append(make_post(title, org_name, place, countries))
    mentioned = [
        (ex.article.id, canon)
        for ex in extractions
        for (canon, _), m in zip(raw_mentions[ex.article.id], ex.mentions, strict=True)
        if canon is not None and m.type == "PERSON"
    ]
    dates = {ex.article.id: ex.article.date or "" for ex in extractions}
    labels = split_people(
        posts, mentioned, home_place=lambda a: homes[a].place, order=lambda a: dates.get(a, "")
    )
    return join_short_forms(labels, posts)


def _place_of_org(label: str, gaz: Gazetteer) -> Place | None:
    """The place an organisation's name starts with (中共临清市委员会 -> 临清市)."""
    name = label.removeprefix("中共").removeprefix("政协")
    for head in gaz.full_prefixes(name, 10):
        place = gaz.resolve(head)
        if place is not None:
            return place
    return None


def _city_of(place: Place) -> Place:
    for p in (place, *place.ancestors()):
        if p.level in ("city", "province"):
            return p
    return place


def _flag_homonyms(resolution: Resolution, gaz: Gazetteer) -> None:
    """One name, posts in unrelated places (a 局长 in 聊城 and a 县长 in 潍坊): most likely two
    people. We cannot tell their other mentions apart, so the node is flagged, not split."""
    cities: dict[str, set[str]] = defaultdict(set)
    for role in resolution.roles:
        if role.org is None:
            continue
        org = resolution.entities[role.org]
        place = (
            resolution.places.get(org.id) if org.type == "LOC" else _place_of_org(org.label, gaz)
        )
        if place is not None:
            cities[role.person].add(_city_of(place).name)
    for person, names in cities.items():
        if len(names) > 1:
            where = "、".join(sorted(names))
            resolution.entities[
                person
            ].homonym = f"holds posts in {where}: may be more than one person"
