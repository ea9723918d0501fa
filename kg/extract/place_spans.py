"""Places the model missed or cut: administrative divisions of the gazetteer (于|集镇), a place +
an extension (济南都市圈) or a zone ending (柳叶湖旅游度假区), and the paper's own place (我县)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.extract.places import country_full_names, gazetteer, two_char_words
from kg.extract.rules import Rules
from kg.extract.words import RELATIVE_PREFIX, counted, generic_project

# Characters that start a function word: 和县 in "项目和县一级" is not the county.
_FUNCTION_CHARS = set("和与及在从向对于把被为")


def place_spans(doc: Doc, rules: Rules) -> list[Span]:
    """Administrative-division names the model missed or cut (于|集镇, 潘庄|镇): one to three words
    whose text is a full name in the gazetteer (short names are words too often)."""
    gaz = gazetteer()
    spans = []
    # Plain lists: indexing a Doc builds a Token object each time, which dominated this loop.
    texts, tags, ent_types = (
        zip(*((t.text, t.tag_, t.ent_type_) for t in doc)) if len(doc) else ((), (), ())
    )
    for i in range(len(texts)):
        if tags[i] in ("c", "p", "u", "v", "d", "r", "w"):
            continue
        text = ""
        for j in range(i, min(i + 3, len(texts))):
            text += texts[j]
            if tags[j] == "w" or len(text) > 12:
                break
            if len(text) < (3 if j > i else 2) or text not in gaz or rules.is_not_entity(text):
                continue
            if j == i and ent_types[i]:
                continue
            if _names_a_division(doc, i, text, rules) and any(
                p.name == text for p in gaz.lookup(text)
            ):
                spans.append(Span(doc, i, j + 1, label="LOC"))
    return spans


def _names_a_division(doc: Doc, i: int, text: str, rules: Rules) -> bool:
    """A gazetteer name starting at token ``i`` names a place here: not a zone the gazetteer
    lists as a town (特色产业园区), zones counted (N个县级开发区), a function word's name, or an
    everyday word that a county or town is also called (郊区, 农场)."""
    if generic_project(text, rules):
        return False
    if text in rules.zone_suffixes and i > 0 and counted(doc[i - 1]):
        return False
    if text[0] in _FUNCTION_CHARS and len(text) <= 2:
        return False
    return not (
        len(text) == 2
        and text in two_char_words()
        and all(p.level in ("county", "town") for p in gazetteer().lookup(text))
    )


# Words that make a larger place of the place before them (济南 + 都市圈, 黄河 + 流域).
_PLACE_EXTENSIONS = ("都市圈", "经济圈", "城市群", "流域", "经济带", "片区", "故道")


_ZONE_WORD_TAGS = {"n", "vn", "nz", "j", "LOC", "ORG"}


def own_place_spans(doc: Doc) -> list[Span]:
    """我县, 我市, 我区, 我省: the paper's own place, resolved to the article's home place."""
    return [
        Span(doc, t.i, t.i + 2, label="LOC")
        for t in doc[:-1]
        if t.text == "我" and doc[t.i + 1].text in RELATIVE_PREFIX and not doc[t.i + 1].ent_type_
    ]


def extended_places(doc: Doc, rules: Rules) -> list[Span]:
    spans = [
        Span(doc, ent.start, ent.end + 1, label="LOC")
        for ent in doc.ents
        if ent.label_ == "LOC" and ent.end < len(doc) and doc[ent.end].text in _PLACE_EXTENSIONS
    ]
    # A place or brand, then up to three words ending like a zone (lexicons/zone_suffixes.txt):
    # 柳叶湖 + 旅游度假区, 博鳌乐城国际医疗 + 旅游 + 先行 + 区 (the model cut the name).
    for ent in doc.ents:
        if ent.label_ not in ("LOC", "ORG") or rules.is_zone(ent.text):
            continue
        words = ""
        first = ent.end
        # 中国（绵阳）科技城: a place in brackets after the first one belongs to the zone's name
        if (
            first + 2 < len(doc)
            and doc[first].text in ("（", "(")
            and doc[first + 1].ent_type_ == "LOC"
            and doc[first + 2].text in ("）", ")")
        ):
            first += 3
        for k in range(first, min(first + 3, len(doc))):
            token = doc[k]
            if token.tag_ not in _ZONE_WORD_TAGS and token.ent_type_ not in ("LOC", "ORG"):
                break
            if token.ent_type_ and not token.text.endswith(rules.zone_suffixes):
                break  # 雪堰镇 | 太湖湾旅游度假区: another name starts, the town is not the zone's
            words += token.text
            if len(words) > 8:
                break
            if words.endswith(rules.zone_suffixes):
                spans.append(Span(doc, ent.start, k + 1, label="LOC"))
                break
    return spans


def country_spans(doc: Doc) -> list[Span]:
    """A country's full name that the model cut or missed (甲乙联合王国 as 甲乙联合|王国, or
    巴布亚新几内亚独立国): one place, where the name starts and ends on word boundaries (not 以色列国 of
    以色列|国防部)."""
    spans = (doc.char_span(*m.span(), label="LOC") for m in country_full_names().finditer(doc.text))
    return [span for span in spans if span is not None]
