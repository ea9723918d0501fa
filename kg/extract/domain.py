"""The domain layer as a spaCy pipeline (kg_entities -> kg_roles) run on any backend's Doc, and the
conversion of its annotations into schema records."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import entities as _entities  # noqa: F401  (registers kg_entities)
from kg.extract import titles as _titles  # noqa: F401  (registers kg_roles)
from kg.extract.relations import find_relations
from kg.extract.rules import load_rules, rules_fingerprint
from kg.extract.tokens import arrival_tail, modal_tail, verb_head
from kg.schema import Article, Extraction, Mention, Role

__all__ = ["annotate", "domain_pipeline", "rules_fingerprint"]

# Byline roles that are not posts a person holds.
UNTITLED_BYLINE_ROLES = frozenset({"作者", "撰稿"})


@lru_cache(maxsize=8)
def domain_pipeline(disable: frozenset[str] = frozenset()) -> Language:
    """kg_entities -> kg_roles, with the rule families in ``disable`` switched off."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    # before the entity rules: names only a title shows to be people
    nlp.add_pipe("kg_model_persons")
    nlp.add_pipe("kg_entities", config={"disable": sorted(disable)})
    nlp.add_pipe("kg_roles")
    return nlp


def annotate(doc: Doc, article: Article, *, disable: frozenset[str] = frozenset()) -> Extraction:
    # The model's own names, before the domain rules judge them: a foreign name (阿斯纳尔) has no
    # Chinese surname and is no entity of the graph, but can still be a relation's party.
    # Generic references (代表团, 公司: lexicons/not_entities.txt) are no party.
    rules = load_rules()
    model_names = [
        (e.start_char, e.end_char - cut, e.text[: len(e.text) - cut], e.label_)
        for e in doc.ents
        for cut in [arrival_tail(e.text)]
        if e.label_ in ("PERSON", "ORG", "LOC")
        and not rules.is_not_entity(e.text)
        and not verb_head(e.text)  # 拜会|甲办公室: the verb is the relation's, the name a mention
        and not modal_tail(e.text)  # 甲代表团会|出席: the 会 is the verb's
    ]
    for _name, proc in domain_pipeline(disable).pipeline:
        doc = proc(doc)
    starts = [s.start for s in article.sentences]

    def sentence_of(offset: int) -> int:
        i = bisect_right(starts, offset) - 1
        if i >= 0 and offset < article.sentences[i].end:
            return i
        return -1

    spans = sorted(
        [*doc.ents, *doc.spans.get("kg_inner", [])], key=lambda e: (e.start_char, -e.end_char)
    )
    # short names written out (雄商 -> 雄商高铁)
    full_names = doc.user_data.get("kg_full_names", {})
    mentions = [
        Mention(
            e.start_char,
            e.end_char,
            full_names.get((e.start_char, e.end_char), e.text),
            e.label_,
            sentence_of(e.start_char),
        )
        for e in spans
        if e.label_ in ("PERSON", "ORG", "LOC", "PROJECT")
    ]
    mentions = _complete_names(mentions, article.text)
    roles = [
        Role(
            person=r.person,
            title=r.title,
            org=r.org,
            org_type=r.org_type,
            sentence=sentence_of(r.person_start),
            person_start=r.person_start,
            org_start=r.org_start,
            status=r.status,
            date=stated_date(article.date, r.day),
        )
        for r in doc._.kg_roles or []
    ]
    seen = {(r.person, r.title) for r in roles}
    for person in article.byline:
        if person.role in UNTITLED_BYLINE_ROLES:
            # A bare credit (■ 王博) says who wrote it, not a post: a mention outside the text.
            mentions.append(Mention(-1, -1, person.name, "PERSON", -1, source="byline"))
        elif (person.name, person.role) not in seen:
            roles.append(
                Role(person=person.name, title=person.role, org=None, org_type=None, sentence=-1)
            )
    extraction = Extraction(article=article, mentions=mentions, roles=roles)
    extraction.relations = find_relations(extraction, model_names)
    return extraction


def stated_date(article_date: str | None, day: int | None) -> str | None:
    """The date of a role: the day the text states after the name (李强5日), in the article's
    month, or the month before when that day is still to come; else the article's date."""
    if article_date is None or day is None or len(article_date) != 10:
        return article_date
    try:
        published = date.fromisoformat(article_date)
        stated = published.replace(day=day)
        if stated > published:
            stated = (published.replace(day=1) - timedelta(days=1)).replace(day=day)
    except ValueError:  # 31日 in a month of 30 days
        return article_date
    return stated.isoformat()


def _complete_names(mentions: list[Mention], text: str) -> list[Mention]:
    """A name the model cut short (钱尊|付说) is completed from the same name found whole elsewhere
    in the article (钱尊付)."""
    names = {m.text for m in mentions if m.type == "PERSON"}
    out = []
    for m in mentions:
        if m.type == "PERSON" and m.start >= 0:
            longer = [n for n in names if len(n) > len(m.text) and n.startswith(m.text)]
            whole = next((n for n in sorted(longer, key=len) if text.startswith(n, m.start)), None)
            if whole is not None:
                m = Mention(m.start, m.start + len(whole), whole, m.type, m.sentence, m.source)
        out.append(m)
    return out
