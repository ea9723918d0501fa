"""Resolution: mentions and roles of all articles -> one Entity per real-world entity.

Steps: (1) each mention gets a canonical name in its article's context (聊城 -> 聊城市, 市公安局 ->
聊城市公安局); (2) names meet under keys (abbreviations folded, company short forms linked to the one
full name they abbreviate); (3) a name's type is the one most mentions give it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.extract.places import Gazetteer, Place, gazetteer
from kg.resolve.names import HomePlace, company_core, expand_relative, normalize, org_key, strip_place_prefix
from kg.schema import Entity, Extraction

__all__ = ["Resolution", "resolve", "detect_home_city"]


@dataclass
class ResolvedRole:
    person: str  # entity id
    title: str
    org: str | None  # entity id
    article: str
    sentence: int


@dataclass
class Resolution:
    entities: dict[str, Entity]
    # per article id: list parallel to Extraction.mentions with entity ids
    mention_ids: dict[str, list[str]] = field(default_factory=dict)
    roles: list[ResolvedRole] = field(default_factory=list)
    home_city: str | None = None
    places: dict[str, Place] = field(default_factory=dict)  # LOC entity id -> gazetteer place


def detect_home_city(extractions: Iterable[Extraction], gaz: Gazetteer) -> Place | None:
    """The prefecture-level city the corpus talks about most (datelines count double)."""
    votes: Counter[Place] = Counter()
    for ex in extractions:
        surfaces = [m.text for m in ex.mentions if m.type == "LOC"]
        if ex.article.dateline:
            surfaces += [ex.article.dateline] * 2
        for surface in surfaces:
            place = gaz.resolve(normalize(surface))
            if place is None:
                continue
            city = place if place.level == "city" else next((a for a in place.ancestors() if a.level == "city"), None)
            if city is not None:
                votes[city] += 1
    return votes.most_common(1)[0][0] if votes else None


def _home(article_dateline: str | None, city: Place | None, gaz: Gazetteer) -> HomePlace:
    place = gaz.resolve(normalize(article_dateline), near=city) if article_dateline else None
    if place is None:
        return HomePlace(place=city, city=city)
    if place.level in ("city", "province"):
        return HomePlace(place=place, city=place if place.level == "city" else city)
    around = next((a for a in place.ancestors() if a.level == "city"), city)
    return HomePlace(place=place, city=around)


class _Names:
    """Canonical names in context, and the votes needed to merge them afterwards."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.type_votes: dict[str, Counter[str]] = defaultdict(Counter)
        self.surfaces: dict[str, Counter[str]] = defaultdict(Counter)
        self.places: dict[str, Place] = {}

    def canonical(self, surface: str, etype: str, home: HomePlace) -> str:
        name = normalize(surface)
        if etype == "LOC":
            place = self.gaz.resolve(name, near=home.place or home.city)
            if place is None and name.startswith(("我市", "本市")):
                place = home.city
            if place is not None:
                self.places[place.name] = place
                name = place.name
        elif etype in ("ORG", "PROJECT"):
            name = expand_relative(name, home)
        self.type_votes[name][etype] += 1
        self.surfaces[name][normalize(surface)] += 1
        return name

    def merged(self) -> dict[str, str]:
        """canonical name -> representative name, after abbreviation keys and company short forms."""
        orgs = [n for n, v in self.type_votes.items() if v.most_common(1)[0][0] == "ORG"]
        by_key: dict[str, list[str]] = defaultdict(list)
        for name in orgs:
            by_key[org_key(name)].append(name)
        rep: dict[str, str] = {}
        for names in by_key.values():
            best = max(names, key=lambda n: (len(n), sum(self.surfaces[n].values()), n))
            for n in names:
                rep[n] = best
        # Company short forms: 中通客车 / 中通 -> 中通客车股份有限公司 when exactly one company fits.
        cores: dict[str, set[str]] = defaultdict(set)
        for name in set(rep.values()):
            core = company_core(name, self.gaz)
            if core is not None:
                cores[core].add(name)
        for name in orgs:
            if company_core(name, self.gaz) is not None or name in self.gaz:
                continue
            short = strip_place_prefix(name, self.gaz)
            if len(short) < 2:
                continue
            fits = {full for core, fulls in cores.items() if core.startswith(short) for full in fulls}
            if len(fits) == 1:
                rep[name] = next(iter(fits))
            elif len(fits) > 1:
                exact = {full for full in cores.get(short, set())}
                if len(exact) == 1:
                    rep[name] = next(iter(exact))
        return rep


def resolve(extractions: list[Extraction], *, home_city: str | None = None) -> Resolution:
    gaz = gazetteer()
    city = gaz.resolve(home_city) if home_city else detect_home_city(extractions, gaz)
    names = _Names(gaz)
    homes = {ex.article.id: _home(ex.article.dateline, city, gaz) for ex in extractions}

    # Pass 1: canonical names in context.
    raw_mentions: dict[str, list[tuple[str, str]]] = {}
    raw_roles: list[tuple[str, str, str | None, str | None, str, int]] = []
    for ex in extractions:
        home = homes[ex.article.id]
        raw_mentions[ex.article.id] = [(names.canonical(m.text, m.type, home), m.text) for m in ex.mentions]
        for role in ex.roles:
            person = names.canonical(role.person, "PERSON", home)
            org = None
            if role.org is not None:
                org = names.canonical(role.org, role.org_type or "ORG", home)
            raw_roles.append((person, role.title, org, role.org_type, ex.article.id, role.sentence))

    # Pass 2: merge names, then fix each merged name's type by vote.
    rep = names.merged()
    type_of: dict[str, str] = {}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for name, v in names.type_votes.items():
        votes[rep.get(name, name)].update(v)
    for name, v in votes.items():
        # PERSON never merges with an organisation of the same spelling; ties prefer ORG.
        order = {"ORG": 3, "LOC": 2, "PROJECT": 1, "PERSON": 0}
        type_of[name] = max(v.items(), key=lambda kv: (kv[1], order[kv[0]]))[0]

    entities: dict[str, Entity] = {}

    def entity(name: str) -> Entity:
        name = rep.get(name, name)
        etype = type_of[name]
        eid = f"{etype}:{name}"
        ent = entities.get(eid)
        if ent is None:
            ent = entities[eid] = Entity(id=eid, label=name, type=etype)
        return ent

    resolution = Resolution(entities=entities, home_city=city.name if city else None)
    for ex in extractions:
        ids = []
        for (canon, surface), _m in zip(raw_mentions[ex.article.id], ex.mentions):
            ent = entity(canon)
            ent.aliases.add(normalize(surface))
            ent.mentions += 1
            ent.articles.add(ex.article.id)
            ids.append(ent.id)
        resolution.mention_ids[ex.article.id] = ids
    for person, title, org, _org_type, article_id, sentence in raw_roles:
        p = entity(person)
        p.titles.add(title)
        p.articles.add(article_id)
        p.aliases.add(person)
        org_id = None
        if org is not None:
            o = entity(org)
            o.articles.add(article_id)
            org_id = o.id
        resolution.roles.append(ResolvedRole(p.id, title, org_id, article_id, sentence))
    for ent in entities.values():
        ent.aliases.discard(ent.label)
        if ent.type == "LOC" and ent.label in names.places:
            resolution.places[ent.id] = names.places[ent.label]
    return resolution
