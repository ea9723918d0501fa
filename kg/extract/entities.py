"""The entity component: tokens -> vetoes -> proposers -> merge -> annotations set once.

Every rule family (a splitter of tokens.py, a relabel or veto of vetoes.py, a proposer) has a
name and can be switched off (``Extractor(disable=...)``, ``KG_RULES_OFF=name,name``), so that each
one's effect can be measured on real text (benchmarks/ablation.py, docs/rules.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.lists import listed_enterprise_spans, listed_person_spans
from kg.extract.merge import merge_spans
from kg.extract.orgs import (
    company_short_names,
    cooperative_spans,
    long_body_spans,
    org_spans,
    sub_unit_spans,
)
from kg.extract.place_spans import country_spans, extended_places, own_place_spans, place_spans
from kg.extract.projects import project_spans
from kg.extract.rules import Rules, load_rules
from kg.extract.tokens import SPLITTERS, retokenize
from kg.extract.vetoes import KEEPERS, LATE_RELABELS, RELABELS, VETOES, clean_model_ents

Proposer = Callable[[Doc, Rules, list[Span]], list[Span]]

# Proposers see the Doc with the cleaned model entities set, and the ORG spans proposed before
# them (sub-units hang under any organisation, found by the model or by a rule).
PROPOSERS: dict[str, Proposer] = {
    "projects": lambda doc, rules, orgs: project_spans(doc, rules),
    "orgs": lambda doc, rules, orgs: org_spans(doc, rules),
    "company_short_names": lambda doc, rules, orgs: company_short_names(doc, rules),
    "sub_units": lambda doc, rules, orgs: sub_unit_spans(doc, rules, orgs),
    "long_bodies": lambda doc, rules, orgs: long_body_spans(doc, rules),
    "cooperatives": lambda doc, rules, orgs: cooperative_spans(doc),
    "listed_persons": lambda doc, rules, orgs: listed_person_spans(doc, rules),
    "listed_enterprises": lambda doc, rules, orgs: listed_enterprise_spans(doc, rules),
    "places": lambda doc, rules, orgs: place_spans(doc, rules),
    "extended_places": lambda doc, rules, orgs: extended_places(doc, rules),
    "own_places": lambda doc, rules, orgs: own_place_spans(doc),
    "country_names": lambda doc, rules, orgs: country_spans(doc),
}
FAMILIES: tuple[str, ...] = (*SPLITTERS, *RELABELS, *KEEPERS, *VETOES, *LATE_RELABELS, *PROPOSERS)


def check_families(names: Iterable[str]) -> frozenset[str]:
    """``names`` as a set, or a ValueError naming the unknown ones and the known ones."""
    names = frozenset(n.strip() for n in names if n.strip())
    unknown = sorted(names - set(FAMILIES))
    if unknown:
        raise ValueError(f"unknown rule family {', '.join(unknown)}; known: {', '.join(FAMILIES)}")
    return names


@Language.factory("kg_entities", default_config={"disable": []})
def make_entity_rules(nlp: Language, name: str, disable: list[str]) -> EntityRules:
    return EntityRules(disable=disable)


class EntityRules:
    """spaCy component: doc.ents := cleaned model entities + the spans of the proposers."""

    def __init__(self, rules: Rules | None = None, *, disable: Iterable[str] = ()) -> None:
        self.rules = rules if rules is not None else load_rules()
        self.disable = check_families(disable)

    def __call__(self, doc: Doc) -> Doc:
        off = self.disable
        doc, fixed, full_names = retokenize(doc, self.rules, disable=off)
        model, kept_names = clean_model_ents(doc, self.rules, disable=off)
        full_names.update(kept_names)
        # A short name (济滨 of 雄商、济滨等高铁) replaces what the model made of its words.
        model = [
            m for m in model if not any(m.start < s.end and s.start < m.end for s in fixed)
        ] + fixed
        model.sort(key=lambda span: span.start)
        doc.ents = model  # token.ent_type_ now reflects the cleaned entities for the proposers
        found: list[Span] = []
        orgs = [m for m in model if m.label_ == "ORG"]
        for name, propose in PROPOSERS.items():
            if name in off:
                continue
            spans = propose(doc, self.rules, orgs)
            found += spans
            if name in ("orgs", "company_short_names"):
                orgs = orgs + spans
        final = merge_spans(model, found, fixed=fixed)
        doc.ents = final
        full_names.update(_written_out_heads(final, kept_names, self.rules))
        doc.user_data["kg_full_names"] = full_names  # (start_char, end_char) -> 济滨高铁
        doc.spans["kg_inner"] = inner_mentions(model, final)
        return doc


def _written_out_heads(
    final: list[Span], kept: dict[tuple[int, int], str], rules: Rules
) -> dict[tuple[int, int], str]:
    """A body that opens with a one-character form kept as a country (俄|政府, 美|驻华大使馆) is
    named with the country written out: 俄罗斯政府, as the text would name it in full. Not a
    body of a pair (甲乙商会, 甲乙友好协会): its name is the pair's, as written."""
    out = {}
    for span in final:
        full = kept.get((span.start_char, span.start_char + 1))
        if (
            full is not None
            and span.label_ == "ORG"
            and len(span.text) > 1
            and not rules.is_one_char_country(span.text[1])
        ):
            out[(span.start_char, span.end_char)] = full + span.text[1:]
    return out


def inner_mentions(model: list[Span], final: list[Span]) -> list[Span]:
    """Model entities inside a final span that still mention themselves: a company inside a project
    named after it (鑫宏铝业年产…项目), a river inside its basin (弥河流域)."""
    projects = [s for s in final if s.label_ == "PROJECT"]
    basins = [s for s in final if s.label_ == "LOC" and s.text.endswith("流域")]
    return [
        m
        for m in model
        if m.label_ == "ORG"
        and any(p.start <= m.start and m.end <= p.end and p != m for p in projects)
    ] + [
        m
        for m in model
        if m.label_ == "LOC" and any(b.start == m.start and m.end < b.end for b in basins)
    ]
