"""Typed relations between the entities of a sentence: visits, meets, signs_with, invests_in.

Run after entities and roles, on the Extraction: match (a trigger verb of
lexicons/relation_triggers.tsv, outside any entity), then annotate (attach arguments by clause
structure). A clause is a stretch of the sentence between commas, semicolons, colons or a news
dateline (新华社…电). Arguments are *head* mentions: a place or body right before a title and a
person (甲国首相乙某, 丙委副书记丁某) only qualifies that person.

- source: the nearest head before the trigger that no preposition governs (a list joined by 、 和 及
  counts whole); when the clause has none, the subject of the previous clause of the same sentence
  (not after 说/表示…, never through a pronoun). After 的 the verb qualifies a noun: 在甲国访问的A.
- visits: the places and bodies after 到/赴/在/前往… before the trigger (that list may run over
  commas: 先后到A、B，C进行调研), between 对 and a nominal 访问 (对印度的访问), or right after it.
- meets: A 会见 B; A 与/同 B 会谈.  signs_with: A 与/同/和 B 签署; A和B签订 (two named parties).
- invests_in: A 在/向/对 B 投资; A 投资(兴建) B; 由A、B共同投资的C. The amount after the trigger
  is kept as written and, when in 元, as yuan.
Negated triggers (未/没有/不/拒绝…) give nothing; escorts (A陪同) and witnesses (见证) are no party.
Every pattern, with its example and the dev draw it was measured on: docs/relations.md.
"""

from kg.extract.relations.amounts import normalise_amount
from kg.extract.relations.finder import RelationFinder, find_relations
from kg.extract.relations.lexicon import (
    FRAMES,
    LEXICONS,
    country_abbreviations,
    country_pairs,
    frame_triggers,
    load_triggers,
    trigger_pattern,
    triggers_of,
)

__all__ = [
    "FRAMES",
    "LEXICONS",
    "RelationFinder",
    "country_abbreviations",
    "country_pairs",
    "find_relations",
    "frame_triggers",
    "load_triggers",
    "normalise_amount",
    "trigger_pattern",
    "triggers_of",
]
