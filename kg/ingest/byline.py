"""Bylines: "■ 本报记者 许金松", "□记 者 高田 通讯员 张迪 报道", "记者 姜振 邵文琪".

Roles come from ``data/byline_roles.txt`` (a person can extend it); a name is a 2-4 glyph CJK
token (longer with a middle dot), so stray words never become people.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from kg.schema import BylinePerson

BYLINE_MARKS = "■□"
# Role given to names that come without one ("■ 王博" under a commentary, photo credits).
DEFAULT_ROLE = "作者"
PHOTO_ROLE = "摄影"
_NAME = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}(?:[·•][\u4e00-\u9fff]{1,6}){1,2})$"
)
# Words after the names that are not names: "报道" (reported), "摄" / "摄影" (photographed).
_TAIL = re.compile(r"(?:\s*(报\s*道|摄\s*影|摄|文\s*/\s*图|图\s*/\s*文))+\s*$")
_SEPARATORS = re.compile(r"[\s、，,／/]+")
# A two-glyph name printed to the width of three (张  三): one name, not two glyphs
_SPREAD_NAME = re.compile(
    r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff])\s+([\u4e00-\u9fff])(?![\u4e00-\u9fff])"
)


def _spaced(word: str) -> str:
    """Regex for a word whose glyphs may be spread by print spacing ("记 者")."""
    return r"\s*".join(re.escape(ch) for ch in word)


def _data_words(name: str) -> set[str]:
    """The words of a list in kg/ingest/data, one per line, without comments (#)."""
    text = resources.files("kg.ingest").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return {ln.split("#")[0].strip() for ln in text.splitlines()} - {""}


@lru_cache(maxsize=1)
def roles() -> tuple[str, ...]:
    """The roles a byline names (记者, 通讯员), longest first."""
    return tuple(sorted(_data_words("byline_roles.txt"), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def column_words() -> frozenset[str]:
    """The words of a column's heading after a role (记者手记, 记者观察): no names."""
    return frozenset(_data_words("column_words.txt"))


# A paper, agency, station or site a role works for, written before it (大众日报记者, 人民网记者)
_OUTLET = (
    r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{1,8}?"
    r"(?:日报|晚报|早报|时报|商报|军报|周报|导报|报社|通讯社|新闻社|电视台|电台|网)"
)


def _role_pattern() -> str:
    alternatives = "|".join(_spaced(r) for r in roles())
    # the paper or agency the role works for goes with it (本报记者, 新华社记者, 甲日报记者): no
    # name of its own
    return rf"(?:(?:本\s*[报刊]|新\s*华\s*社|中\s*新\s*社|{_OUTLET})\s*)?(" + alternatives + r")"


ROLE = re.compile(_role_pattern())
ROLE_START = re.compile(r"^\s*" + _role_pattern())


def _canonical(role: str) -> str:
    return re.sub(r"\s+", "", role)


def parse_byline(text: str) -> list[BylinePerson]:
    """People named in a byline, each with the role written before them.

    >>> [(p.name, p.role) for p in parse_byline("□记者 高田 通讯员 张迪 报道")]
    [('高田', '记者'), ('张迪', '通讯员')]
    """
    text = text.strip().lstrip(BYLINE_MARKS).strip()
    photo = False
    tail = _TAIL.search(text)
    if tail is not None:
        photo = "摄" in tail.group(0)
        text = text[: tail.start()]
    people: list[BylinePerson] = []
    seen: set[tuple[str, str]] = set()
    matches = list(ROLE.finditer(text))
    segments: list[tuple[str, str]] = []  # (role, names text)
    if not matches or matches[0].start() > 0:
        end = matches[0].start() if matches else len(text)
        segments.append((PHOTO_ROLE if photo else DEFAULT_ROLE, text[:end]))
    for k, m in enumerate(matches):
        end = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        segments.append((_canonical(m.group(1)), text[m.end() : end]))
    for role, names in segments:
        names = _SPREAD_NAME.sub(r"\1\2", names)
        for token in _SEPARATORS.split(names):
            if not _NAME.match(token) or token in column_words():
                continue
            key = (token, role)
            if key not in seen:
                seen.add(key)
                people.append(BylinePerson(name=token, role=role))
    return people


def is_byline_line(text: str) -> bool:
    """A whole line that is a byline: a ■/□ mark, or a role followed by names only."""
    stripped = text.strip()
    if not stripped:
        return False
    if stripped[0] in BYLINE_MARKS:
        return True
    if "。" in stripped or "，" in stripped:
        return False
    m = ROLE_START.match(stripped)
    if m is None:
        # A photo credit: names and 摄 (郜南摄, 郜南 摄影), no role before them.
        tail = _TAIL.search(stripped)
        if tail is None or "摄" not in tail.group(0):
            return False
        rest = stripped[: tail.start()]
    else:
        rest = _TAIL.sub("", stripped[m.end() :])
    # Role words may repeat, with or without spaces ("记者 甲 通讯员 乙", "记者甲通讯员乙"); every
    # other token must look like a name.
    tokens = [t for t in _SEPARATORS.split(_SPREAD_NAME.sub(r"\1\2", ROLE.sub(" ", rest))) if t]
    return bool(tokens) and all(_NAME.match(t) and t not in column_words() for t in tokens)
