"""The relation lexicons: trigger verbs (lexicons/relation_triggers.tsv) with their frames, and
the one-character country forms that name a pair of parties (中美, 中日).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

from kg.extract.places import gazetteer
from kg.extract.relations.patterns import _DATE_DIGIT
from kg.extract.rules import load_rules, read_list
from kg.schema import RELATION_TYPES

LEXICONS = Path(__file__).parents[1] / "lexicons"


# the lexicon's frame column: pair where both parties may come first, talks as pair with
# countries as parties, tour for a visit whose own object after a place gone to is visited too
FRAMES = ("-", "pair", "talks", "tour")


@functools.cache
def _trigger_rows() -> tuple[tuple[str, str, str, tuple[str, ...]], ...]:
    """(trigger, relation, frame, words it is only a part of) from
    lexicons/relation_triggers.tsv."""
    out = []
    path = LEXICONS / "relation_triggers.tsv"
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not 4 <= len(cells) <= 5:
            raise ValueError(f"{path.name}:{n}: {len(cells)} columns, not 4 or 5: {line!r}")
        trigger, relation, frame, _notes, *rest = cells
        if relation not in RELATION_TYPES:
            raise ValueError(f"{path.name}:{n}: unknown relation {relation!r}")
        if frame not in FRAMES:
            raise ValueError(f"{path.name}:{n}: unknown frame {frame!r} (one of {FRAMES})")
        words = tuple(w for w in (rest[0] if rest else "").split(",") if w)
        if any(trigger not in w or all(w.split(trigger, 1)) for w in words):
            # a lookbehind or a lookahead keeps it out: the word starts or ends with the trigger
            raise ValueError(f"{path.name}:{n}: {words} must each start or end with {trigger!r}")
        out.append((trigger, relation, frame, words))
    return tuple(out)


@functools.cache
def load_triggers() -> dict[str, str]:
    """trigger -> relation, from lexicons/relation_triggers.tsv."""
    return {trigger: relation for trigger, relation, _, _ in _trigger_rows()}


@functools.cache
def triggers_of(relation: str) -> frozenset[str]:
    """The triggers of one relation."""
    return frozenset(t for t, r, _, _ in _trigger_rows() if r == relation)


@functools.cache
def frame_triggers(*frames: str) -> frozenset[str]:
    """The triggers of the lexicon's frames: ("pair", "talks") for verbs whose two parties may
    stand together before them (A与B会谈, 中美签署), ("talks",) where a country is a party."""
    return frozenset(t for t, _, frame, _ in _trigger_rows() if frame in frames)


def trigger_pattern(triggers: Iterable[str]) -> str:
    """The triggers as one alternation, longest first, each kept out of the words the lexicon
    says it is only a part of (到访 of 谈到访问, 拜会 of 团拜会)."""
    words = {trigger: not_in for trigger, _, _, not_in in _trigger_rows()}

    def one(trigger: str) -> str:
        around = [w.split(trigger, 1) for w in words.get(trigger, ())]
        behind = "".join(f"(?<!{re.escape(before)})" for before, _ in around if before)
        ahead = "|".join(re.escape(after) for before, after in around if not before)
        return behind + re.escape(trigger) + (f"(?!{ahead})" if ahead else "")

    return "|".join(one(t) for t in sorted(triggers, key=len, reverse=True))


@functools.cache
def country_abbreviations() -> dict[str, str]:
    """One-character country forms (华 -> 中国), from lexicons/country_abbreviations.tsv."""
    return dict(load_rules().one_char_countries)


@functools.cache
def country_pairs() -> dict[str, tuple[str, str]]:
    """Pairs whose one-character forms are ambiguous alone (巴以 -> 巴勒斯坦, 以色列), from
    lexicons/country_pairs.tsv."""
    return {pair: (first, second) for pair, first, second in load_rules().country_pairs}


# After a pair of country forms that are the parties of an event: 中美两国, 俄日要想…签署. Not
# where they only name a treaty (甲乙友好条约签订), their leaders (甲乙首脑会谈) or a noun's
# owners (甲乙双方的有关公司).
@functools.cache
def _pair_after() -> re.Pattern[str]:
    return re.compile(
        rf"(?:于?(?:{_DATE_DIGIT}+[年月日号])+)?"  # 甲乙于1997年1月15日签署: a date first
        r"(?!洲)(?:(?:两国|双方|政府|之间)(?!(?:国家|政府)?(?:首脑|领导人|元首)|总统|总理|首相|外长|外相|国防部长|部长|议长|高层|[^，,。；;]{0,6}的|[^，,。；;]{0,10}级)"
        r"|(?:(?!条约|协定|协议|公约|宣言|首脑|总统|总理|领导人|元首|首相|外长|高层|级|和平|问题|冲突|争端|关系)[^，,。；;]){0,10}"
        rf"(?:{trigger_pattern(frame_triggers('pair', 'talks'))}))"
    )


@functools.cache
def _city_initials() -> frozenset[str]:
    """First characters of the prefecture-level cities of the administrative map (聊 of 聊城市)."""
    words = set(read_list(LEXICONS / "city_initial_words.txt"))
    return frozenset(p.name[0] for p in gazetteer().places if p.level == "city") - words


@functools.cache
def _trigger_re() -> re.Pattern[str]:
    return re.compile(trigger_pattern(load_triggers()))


@functools.cache
def _after_trigger() -> re.Pattern[str]:
    """A lead that ends in a trigger verb: the head after it is that verb's object (结束访问A和B)."""
    return re.compile(f"(?:{_trigger_re().pattern})了?$")


@functools.cache
def _visit_verbs() -> str:
    """The lexicon's visit verbs as one alternation."""
    return trigger_pattern(triggers_of("visits"))


@functools.cache
def _after_visit() -> re.Pattern[str]:
    """A lead that ends in a visit verb (访问了): the place after it is its object."""
    return re.compile(f"(?:{_visit_verbs()})[了过]?$")
