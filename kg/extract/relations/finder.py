"""RelationFinder: match a trigger verb outside any entity, then annotate it with the arguments
its relation type takes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.relations.amounts import normalise_amount
from kg.extract.relations.invests import _invests
from kg.extract.relations.lexicon import _trigger_re, load_triggers
from kg.extract.relations.pairs import _meets, _pairs
from kg.extract.relations.parties import ArticleFacts, _title_scope, sentence_parties
from kg.extract.relations.patterns import _PARTIES
from kg.extract.relations.sentence import _Sentence
from kg.extract.relations.visits import _visits
from kg.schema import Extraction, Mention, Relation, Sentence

# Words that say the event did not happen (planned ones, 将访问, do count).
_NEGATION = re.compile(
    r"(?:没有|没|未|不|拒绝|取消|推迟|无法|不再|不会|不能|反对)(?:再|曾|能|会|去|来)?$"
)

# The verb as the noun that is conveyed, ending its clause (表示慰问, 致以节日的慰问, 转达了甲的慰问);
# not 表示将访问, nor a visit that goes on (表示…对甲国的访问将…)
_CONVEYED = re.compile(
    r"(?:表示|致以|转达|表达|送去|带去|捎去|带来|送来)了?(?:[^，,。；;]{0,10}[的和])?$"
)

# A treaty right before its signing verb (甲乙和平友好条约缔结, 协议签订后) is its subject: who
# signed it is not said.
_TREATY_SIGNED = re.compile(r"(?:条约|协定|公约|协议|议定书)$")

# 签约国, 签署方 (not 签署国内…, 签订方案)
_SIGNATORY = re.compile(r"国(?![内际外家有营企])|方(?![案面式法向针])|者")

# An event only possible (会晤的前景, 访问的前提), or a place for one (会谈场所): none held
_ONLY_POSSIBLE = re.compile(r"的(?:可能性?|前景|条件|前提|障碍)|场所|地点")

# 会 + 谈起 (都会谈起): a modal verb and "talk of", no 会谈
_MODAL_SPLIT = re.compile(r"会谈[起及]")

# Between a list of subjects and the verb: each acts on the item of the object list in the same
# place (A、B分别入股C、D). 先后 says so of deals only (A、B、C先后入股D、E、F): of visits and
# meetings it is the order in which a group goes from place to place together (A、B先后来到甲厂、乙厂).
_RESPECTIVELY = re.compile(r"分别")
_RESPECTIVELY_OF_DEALS = re.compile(r"分别|先后")


class RelationFinder:
    def __init__(self) -> None:
        self.triggers = load_triggers()

    def find(
        self, extraction: Extraction, model_names: Sequence[tuple[int, int, str, str]] = ()
    ) -> list[Relation]:
        """``model_names``: (start, end, text, label) the model found that are no mention (a
        foreign name without a Chinese surname); they may be parties where no mention overlaps."""
        pattern = _trigger_re()
        facts = ArticleFacts.of(extraction)
        by_sentence: dict[int, list[Mention]] = {}
        for m in extraction.mentions:
            if m.sentence >= 0 and m.start >= 0:
                by_sentence.setdefault(m.sentence, []).append(m)
        out: list[Relation] = []
        for index, sentence in enumerate(extraction.article.sentences):
            if pattern.search(sentence.text) is None:
                continue
            args = sentence_parties(sentence, by_sentence.get(index, []), model_names, facts)
            out += self._relations_in(_Sentence(sentence.text, args), sentence, index)
        return out

    def _relations_in(self, sent: _Sentence, sentence: Sentence, index: int) -> list[Relation]:
        """Match every trigger outside a name, then annotate it with its arguments; each
        (relation, source, target) once per sentence."""
        out: list[Relation] = []
        seen: set[tuple[str, str, str]] = set()
        for t in _trigger_re().finditer(sentence.text):
            if any(a.start <= t.start() < a.end for a in sent.mentions):
                continue  # part of a name (某某投资集团)
            if _MODAL_SPLIT.match(sentence.text, t.start()):
                continue
            relation = self.triggers[t.group()]
            where, off = _title_scope(sent, t.start())
            for source, target, amount in self._arguments(
                where, relation, t.start() - off, t.end() - off
            ):
                key = (relation, source.text, target.text)
                if source.text == target.text or key in seen:
                    continue
                seen.add(key)
                out.append(
                    Relation(
                        relation=relation,
                        source=source.text,
                        target=target.text,
                        trigger=t.group(),
                        sentence=index,
                        source_type=source.type,
                        target_type=target.type,
                        source_start=sentence.start + off + source.start,
                        target_start=sentence.start + off + target.start,
                        trigger_start=sentence.start + t.start(),
                        amount=normalise_amount(amount) if amount else None,
                        amount_text=amount,
                    )
                )
        return out

    def _arguments(self, s: _Sentence, relation: str, t0: int, t1: int):
        found = self._all_arguments(s, relation, t0, t1)
        word = _RESPECTIVELY if relation in ("visits", "meets") else _RESPECTIVELY_OF_DEALS
        return _respectively(s, found, t0, word)

    def _all_arguments(self, s: _Sentence, relation: str, t0: int, t1: int):
        text = s.text
        if _NEGATION.search(text[max(0, t0 - 4) : t0]):
            return []
        clause = s.clause_of(t0)
        if _CONVEYED.search(text, clause[0], t0) and re.match(
            r"[和与及]|之情|$", text[t1 : clause[1]]
        ):
            return []  # 对甲地表示慰问, 致以节日的慰问和祝福: greetings sent, no one went
        if _ONLY_POSSIBLE.match(text, t1) or (
            re.search(r"(?:探讨|研究|考虑)$", text[clause[0] : t0])
            and re.search(r"的可能性?$", text[t1 : clause[1]])
        ):
            return []  # A与B会晤的前景, 探讨签订甲协定的可能性: what may happen, no event
        if relation == "visits":
            return _visits(s, clause, t0, t1)
        if relation == "meets":
            return _meets(s, clause, t0, t1)
        if relation == "signs_with":
            if _SIGNATORY.match(text, t1) or re.search(r"(?:有关|关于)$", text[:t0]):
                return []  # 签约国, 签署方: a signatory named as a kind, no event
            if re.search(r"(?:参与|参加)$", text[:t0]):
                return []  # 甲乙两国参与签署了…文件: signatories of a text for many, not with each other
            if _TREATY_SIGNED.search(text[clause[0] : t0]):
                return []  # 甲乙友好条约缔结N周年: the names are the treaty's, its parties unstated
            return _pairs(s, clause, t0, t1, _PARTIES, objects=False)
        return _invests(s, clause, t0, t1)


def _respectively(s: _Sentence, found: list, t0: int, word: re.Pattern[str]) -> list:
    """A、B分别入股C、D, A、B分别与C、D签约: a list of subjects, ``word`` (分别) and a list of as
    many objects or partners after it pair in order (A in C, B in D), not each with each. Lists of
    two or more of unequal length do not say who with whom: no pair stands. One party on either
    side pairs with all (A、B分别入股C)."""
    sources = list(dict.fromkeys(a for a, _, _ in found))
    targets = list(dict.fromkeys(b for _, b, _ in found))
    said = word.search(s.text, sources[-1].end, t0) if sources else None
    if (
        len(sources) < 2
        or len(targets) < 2
        or len(found) != len(sources) * len(targets)
        or said is None
        or any(b.start < said.end() for b in targets)
    ):
        return found
    if len(sources) != len(targets):
        return []
    return [f for f in found if sources.index(f[0]) == targets.index(f[1])]


_FINDER: RelationFinder | None = None


def find_relations(
    extraction: Extraction, model_names: Sequence[tuple[int, int, str, str]] = ()
) -> list[Relation]:
    global _FINDER
    if _FINDER is None:
        _FINDER = RelationFinder()
    return _FINDER.find(extraction, model_names)
