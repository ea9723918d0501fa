"""Entity spans: clean the model's entities, add organisations, projects and places found by the
lexicons, and merge them. Rule spans may fill gaps or wrap a model entity, never cut one (HanLP's
trie plugins follow the same principle)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.extract.places import gazetteer
from kg.extract.rules import Rules, load_rules

_DATELINE = re.compile(r"^本报.{0,6}讯$")
_JUNK = re.compile(r"^[\d\W_a-zA-Z]*$")  # digits, punctuation, bare latin letters
# POS tags (LAC / PKU style) of words that may sit inside a name before its head word.
_NAME_POS = {"n", "nz", "ns", "nt", "nr", "nw", "vn", "an", "j", "LOC", "ORG", "PER", "x", "NN", "NR"}
_OPEN_QUOTES = "“‘《「"
_CLOSE_QUOTES = "”’》」"
MAX_NAME_CHARS = 24


def clean_model_ents(doc: Doc, rules: Rules) -> list[Span]:
    """Drop what the model tagged that is not an entity for us; relabel projects."""
    kept: list[Span] = []
    for ent in doc.ents:
        text = ent.text
        if (
            text in rules.not_entities
            or len(text.strip()) < 2
            or _DATELINE.match(text)
            or _JUNK.match(text)
            or any(c.isspace() for c in text)
        ):
            continue
        if ent.label_ in ("ORG", "LOC") and is_project_name(text, rules):
            ent = Span(doc, ent.start, ent.end, label="PROJECT")
        kept.append(ent)
    return kept


def is_project_name(text: str, rules: Rules) -> bool:
    head = rules.project_head_re.search(text)
    if head is None:
        return False
    modifier = text[: head.start()].strip(_OPEN_QUOTES + _CLOSE_QUOTES)
    return bool(modifier) and modifier not in rules.project_generic


def _is_name_part(token: Token) -> bool:
    return token.tag_ in _NAME_POS or token.ent_type_ in ("ORG", "LOC") or token.text in _CLOSE_QUOTES


def _left_name(doc: Doc, head: Token, *, limit: int = 5) -> int:
    """Index of the first token of the name that ends with ``head``."""
    start = head.i
    chars = len(head.text)
    while start > 0 and head.i - start < limit:
        prev = doc[start - 1]
        if prev.text in _OPEN_QUOTES:
            start -= 1
            break
        if not _is_name_part(prev) or chars + len(prev.text) > MAX_NAME_CHARS:
            break
        start -= 1
        chars += len(prev.text)
    return start


def _has_proper_part(span: Span, rules: Rules) -> bool:
    """A name needs something that distinguishes it: a place/org/person, a proper noun or quotes."""
    gaz = gazetteer()
    for token in span[:-1]:
        if token.ent_type_ in ("ORG", "LOC", "PERSON", "PROJECT") or token.tag_ in ("nz", "ns", "nt", "nr"):
            return True
        if token.text in _OPEN_QUOTES or token.text in gaz:
            return True
    return False


def project_spans(doc: Doc, rules: Rules) -> list[Span]:
    spans = []
    for token in doc:
        if not rules.project_head_re.search(token.text):
            continue
        start = _left_name(doc, token)
        # Generic words and numbers at the left edge are not part of the name (一批重点项目).
        while start < token.i and (doc[start].text in rules.project_generic or doc[start].tag_ in ("m", "q")):
            start += 1
        span = Span(doc, start, token.i + 1, label="PROJECT")
        if start < token.i and _has_proper_part(span, rules) and is_project_name(span.text, rules):
            spans.append(span)
    return spans


def org_spans(doc: Doc, rules: Rules) -> list[Span]:
    """A place or organisation followed by name words ending in an organisation suffix."""
    spans = []
    for token in doc:
        if not rules.org_suffix_re.search(token.text) or token.tag_ in ("v", "w"):
            continue
        start = _left_name(doc, token, limit=4)
        if start == token.i:
            continue
        span = Span(doc, start, token.i + 1, label="ORG")
        first = doc[start]
        if first.ent_type_ in ("LOC", "ORG") and span.text not in rules.not_entities:
            spans.append(span)
    return spans


def place_spans(doc: Doc, rules: Rules) -> list[Span]:
    """Administrative-division names the model did not tag (full names only: short ones are words)."""
    gaz = gazetteer()
    spans = []
    for token in doc:
        text = token.text
        if len(text) < 2 or token.ent_type_ or text in rules.not_entities:
            continue
        if any(p.name == text for p in gaz.lookup(text)):
            spans.append(Span(doc, token.i, token.i + 1, label="LOC"))
    return spans


def merge_spans(model: list[Span], extra: list[Span]) -> list[Span]:
    """Model spans stand; an extra span is kept only if it does not cut one (it may contain it)."""
    out = list(model)
    for span in extra:
        cuts = any(
            span.start < m.end and m.start < span.end and not (span.start <= m.start and m.end <= span.end)
            for m in model
        )
        if not cuts:
            out.append(span)
    return filter_spans(out)


@Language.factory("kg_entities", default_config={})
def make_entity_rules(nlp: Language, name: str) -> EntityRules:
    return EntityRules()


class EntityRules:
    """spaCy component: doc.ents := cleaned model entities + lexicon organisations/projects/places."""

    def __init__(self, rules: Rules | None = None) -> None:
        self.rules = rules if rules is not None else load_rules()

    def __call__(self, doc: Doc) -> Doc:
        model = clean_model_ents(doc, self.rules)
        doc.ents = model  # token.ent_type_ now reflects the cleaned entities for the rules below
        extra = project_spans(doc, self.rules) + org_spans(doc, self.rules) + place_spans(doc, self.rules)
        doc.ents = merge_spans(model, extra)
        return doc
