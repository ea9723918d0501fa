"""Title chains -> roles: "市委副书记、市长张百顺", "副市长、市公安局局长李强",
"市人大常委会党组成员、副主任杨广平、刘东昌、马广朋" (every person gets every title of the chain).

A chain is a run of [organisation] title items joined by 、, followed by one or more names joined by
、. A title without its own organisation belongs to the previous title's organisation, unless the title
names one by itself (市长 -> 市政府; see lexicons/implicit_orgs.tsv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.extract.backends.doc import doc_text
from kg.extract.places import gazetteer
from kg.extract.rules import Rules, load_rules

if not Doc.has_extension("kg_roles"):
    Doc.set_extension("kg_roles", default=None)

_SPACE = re.compile(r"\s*")
_DEPARTMENT_ENDINGS = ("部", "办", "办公室", "室")  # not 委: 中央军委 is a body of its own
_RELATIVE = ("市", "县", "区", "省")
# What may follow a name that a title chain introduced (so that 2-3 characters are a name).
_AFTER_NAME = re.compile(r"(?:$|[、，,。；;：:！!？?（(“\"\s]|同志|出席|参加|表示|指出|介绍|主持|讲话|强调|说|在|带队|一行|等|到|来|率|会见|调研|检查|督导|宣读|作|对|就|陪同|看望|慰问|与|和|及)")
_NAME_CHARS = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
# Appointments and elections name the person before the post: "任命张宏为市教育局局长",
# "选举王芳为市人大常委会主任", and the next one of a list after a comma ("，李明为…").
_APPOINT = re.compile(r"(?:任命|选举|提名|聘任|决定任命|同意任命)$")
_NEXT_APPOINTMENT = ("，", "、", "；", ",", ";")
# A short form declared between an organisation and its title.
_DECLARED_BEFORE = re.compile(r"[（(](?:以下)?(?:简称|下称)[^（）()]{1,20}[）)]$")


# Words before 负责人 that make it no post: 相关负责人, 有关负责人.
_VAGUE_BEFORE = ("相关", "有关")
# 该公司 / 该集团 / 该院 ...: the body of that kind the article named last.
_ANAPHORA = {"该公司": ("公司",), "该企业": ("公司", "集团"), "该集团": ("集团",), "该医院": ("医院",), "该院": ("医院", "院"), "该校": ("学校", "中学", "小学", "大学", "学院")}


def _antecedent(doc: Doc, text: str, s: int) -> Span | None:
    for word, endings in _ANAPHORA.items():
        if text.endswith(word, 0, s):
            before = [e for e in doc.ents if e.label_ == "ORG" and e.end_char <= s - len(word) and e.text.endswith(endings)]
            return before[-1] if before else None
    return None


@dataclass(frozen=True)
class TitleItem:
    start: int
    end: int
    title: str
    org: str | None
    org_type: str | None
    org_start: int
    explicit_org: bool


@dataclass(frozen=True)
class FoundRole:
    person: str
    person_start: int
    person_end: int
    title: str
    org: str | None
    org_type: str | None
    org_start: int


def _starts_with_place(name: str) -> bool:
    gaz = gazetteer()
    return any(name[:n] in gaz for n in range(2, min(len(name), 6)))


class TitleChains:
    def __init__(self, rules: Rules | None = None) -> None:
        self.rules = rules if rules is not None else load_rules()

    def _titles(
        self, span: Span, starts: set[int], ends: set[int], covered: set[int]
    ) -> list[tuple[int, int]]:
        text = span.text
        base = span.start_char
        out = []
        for m in self.rules.title_re.finditer(text):
            s, e = base + m.start(), base + m.end()
            # A title is whole words, outside any entity (主任 in 居委会主任 is fine, 市长 in 市长江路 is not).
            if s in starts and e in ends and not any(i in covered for i in range(s, e)):
                out.append((s, e))
        return out

    def _name_at(self, doc: Doc, text: str, pos: int, persons: dict[int, Span]) -> tuple[int, int] | None:
        """A person name starting at ``pos``: a PERSON entity, or surname + 1-3 chars before a delimiter."""
        if pos in persons:
            return persons[pos].start_char, persons[pos].end_char
        for length in (3, 2, 4):
            cand = text[pos : pos + length]
            if not _NAME_CHARS.match(cand) or self.rules.surname_of(cand) is None:
                continue
            if cand in self.rules.titles or self.rules.title_re.fullmatch(cand):
                continue
            end = pos + length
            if _AFTER_NAME.match(text, end) and (end >= len(text) or doc.char_span(pos, end) is not None):
                return pos, end
        return None

    def find(self, doc: Doc) -> list[FoundRole]:
        text = doc_text(doc)
        ents_at_end = {e.end_char: e for e in doc.ents if e.label_ in ("ORG", "LOC", "PROJECT")}
        persons = {e.start_char: e for e in doc.ents if e.label_ == "PERSON"}
        covered = {i for e in doc.ents for i in range(e.start_char, e.end_char)}
        owners = {e.start_char: e for e in doc.spans.get("kg_inner", []) if e.label_ == "ORG"}
        starts = {t.idx for t in doc}
        ends = {t.idx + len(t.text) for t in doc}
        roles: list[FoundRole] = []
        for sent in doc.sents:
            chain: list[TitleItem] = []
            last_end = -1
            # The last chain's organisation, for "副主任A、B，秘书长C" and "X医院党委书记A、院长B"
            # (C and B serve the same body).
            before: TitleItem | None = None
            names_end = -1
            appointed_end = -1  # end of the last "任命A为…" post in this sentence
            for s, e in self._titles(sent, starts, ends, covered):
                title = text[s:e]
                if text.endswith(_VAGUE_BEFORE, 0, s) and title == "负责人":
                    continue  # 相关负责人: "an official concerned", no post
                org_ent = ents_at_end.get(s)
                if org_ent is None:  # 江西红都油茶科技有限公司（以下简称“红都油茶”）总经理谢永福
                    aside = _DECLARED_BEFORE.search(text, max(0, s - 24), s)
                    org_ent = ents_at_end.get(aside.start()) if aside is not None else None
                if org_ent is None:  # 该公司总经理A: the last company the article named
                    org_ent = _antecedent(doc, text, s)
                body = self._chain_body(text, s, last_end, chain) if org_ent is None else None
                if org_ent is not None and org_ent.label_ == "PROJECT":
                    # 国兴集团…示范园项目负责人: the project's people work for the body it is named after.
                    org_ent = owners.get(org_ent.start_char, org_ent)
                item_start = org_ent.start_char if org_ent is not None else s if body is None else body.org_start
                # Does this item continue the chain? Only 、 (or nothing) may separate it from the last one.
                # 、 joins a chain; so does a comma before any name ("A局党组成员，B中心主任张三").
                if chain and text[last_end:item_start].strip() not in ("、", "", "，"):
                    chain = []
                prev = chain[-1] if chain else None
                if not chain and before is not None and text[names_end:item_start].strip() in ("，", ",", "；", "、"):
                    prev = before
                item = self._item(title, s, e, org_ent, prev, chain) if body is None else TitleItem(
                    body.org_start, e, title, body.org, "ORG", body.org_start, True
                )
                chain.append(item)
                last_end = e
                names = self._names_after(doc, text, e, persons)
                if not names and len(chain) == 1:
                    appointed = self._appointed(doc, text, item.start, persons, appointed_end)
                    if appointed is not None:
                        ps, pe = appointed
                        roles.append(FoundRole(text[ps:pe], ps, pe, item.title, item.org, item.org_type, item.org_start))
                        appointed_end = e
                        chain = []
                        continue
                if names:
                    for ps, pe in names:
                        for it in chain:
                            roles.append(FoundRole(text[ps:pe], ps, pe, it.title, it.org, it.org_type, it.org_start))
                    explicit = [it for it in chain if it.explicit_org]
                    before = explicit[-1] if explicit else None
                    names_end = names[-1][1]
                    chain = []
        return roles

    def _chain_body(self, text: str, s: int, last_end: int, chain: list[TitleItem]) -> TitleItem | None:
        """"X开发区党工委书记、管委会主任": a bare body word (lexicons/chain_bodies.txt) after 、 in a
        chain whose last organisation is a place is that place's body."""
        if not chain or chain[-1].org is None or chain[-1].org_type != "LOC":
            return None
        between = text[last_end:s].strip()
        if not between.startswith("、") or between[1:].strip() not in self.rules.chain_bodies:
            return None
        word = between[1:].strip()
        start = s - len(word)
        return TitleItem(start, s, "", chain[-1].org + word, "ORG", start, True)

    def _item(
        self, title: str, s: int, e: int, org_ent: Span | None, prev: TitleItem | None, chain: list[TitleItem]
    ) -> TitleItem:
        if org_ent is not None and org_ent.label_ == "LOC":
            place = org_ent.text
            implicit = self.rules.implicit_org(title, place)
            if implicit is not None and implicit != place:
                return TitleItem(org_ent.start_char, e, title, implicit, "ORG", org_ent.start_char, True)
            return TitleItem(org_ent.start_char, e, title, place, "LOC", org_ent.start_char, True)
        if org_ent is not None and org_ent.label_ == "PROJECT":
            return TitleItem(org_ent.start_char, e, title, org_ent.text, "PROJECT", org_ent.start_char, True)
        if org_ent is not None:
            org = org_ent.text
            # 市委常委、宣传部部长: a department named inside a chain belongs to the body before it.
            if (
                prev is not None
                and prev.explicit_org
                and prev.org_type == "ORG"
                and len(org) <= 4
                and org.endswith(_DEPARTMENT_ENDINGS)
                and not org.startswith(_RELATIVE)
                and not _starts_with_place(org)
                and prev.org is not None
                and prev.org.endswith(("委", "委员会", "政府"))  # a party committee or a government
            ):
                org = prev.org + org
            return TitleItem(org_ent.start_char, e, title, org, "ORG", org_ent.start_char, True)
        # 来安县委副书记、县长: the county of the chain names the government of 县长.
        place = self._chain_place(chain)
        implicit = self.rules.implicit_org(title, place)
        if implicit is not None:
            return TitleItem(s, e, title, implicit, "LOC" if implicit == place else "ORG", -1, False)
        if prev is not None and prev.explicit_org:
            return TitleItem(s, e, title, prev.org, prev.org_type, prev.org_start, True)
        return TitleItem(s, e, title, None, None, -1, False)

    def _appointed(
        self, doc: Doc, text: str, item_start: int, persons: dict[int, Span], last_end: int
    ) -> tuple[int, int] | None:
        """The person of "任命A为<post>" (or of "，B为<post>" right after such a post)."""
        if item_start < 3 or text[item_start - 1] != "为":
            return None
        end = item_start - 1
        candidates = [(p.start_char, end) for p in persons.values() if p.end_char == end]
        candidates += [(end - n, end) for n in (3, 2, 4)]
        for ps, pe in candidates:
            name = text[ps:pe]
            if ps < 0 or not _NAME_CHARS.match(name) or self.rules.surname_of(name) is None:
                continue
            if (ps, pe) not in [(p.start_char, p.end_char) for p in persons.values()] and doc.char_span(ps, pe) is None:
                continue
            lead = text[max(0, ps - 4) : ps]
            follows_post = last_end >= 0 and text[last_end:ps].strip() in _NEXT_APPOINTMENT
            if _APPOINT.search(lead) or follows_post:
                return ps, pe
        return None

    @staticmethod
    def _chain_place(chain: list[TitleItem]) -> str | None:
        gaz = gazetteer()
        for it in reversed(chain):
            if it.org is None:
                continue
            head = next((h for h in gaz.full_prefixes(it.org, 8) if h[-1] in "市县区镇乡"), None)
            if head is not None:
                return head
        return None

    def _names_after(self, doc: Doc, text: str, pos: int, persons: dict[int, Span]) -> list[tuple[int, int]]:
        # text is the Doc's text, passed in: Doc.text joins every token on each access.
        pos = _SPACE.match(text, pos).end()
        names = []
        while True:
            found = self._name_at(doc, text, pos, persons)
            if found is None:
                break
            names.append(found)
            nxt = found[1]
            # Another name after 、 (or a space, as in bylines) continues the list.
            m = re.compile(r"\s*、\s*|\s+").match(text, nxt)
            if m is None or m.end() == nxt:
                break
            pos = m.end()
        return names


@Language.factory("kg_roles", default_config={})
def make_title_chains(nlp: Language, name: str) -> TitleChainsComponent:
    return TitleChainsComponent()


class TitleChainsComponent:
    """spaCy component: doc._.kg_roles := roles; names found only through a title become PERSON ents."""

    def __init__(self, rules: Rules | None = None) -> None:
        self.chains = TitleChains(rules)

    def __call__(self, doc: Doc) -> Doc:
        roles = self.chains.find(doc)
        doc._.kg_roles = roles
        new = []
        # A bare body of a chain (管委会 after X开发区党工委书记) is a mention of its full name.
        full_names = doc.user_data.setdefault("kg_full_names", {})
        text = doc_text(doc)
        for role in roles:
            if role.org is None or role.org_start < 0 or text.startswith(role.org, role.org_start):
                continue
            word = next((w for w in self.chains.rules.chain_bodies if text.startswith(w, role.org_start)), None)
            span = doc.char_span(role.org_start, role.org_start + len(word), label="ORG") if word else None
            if span is not None and role.org.endswith(word):
                new.append(span)
                full_names[(span.start_char, span.end_char)] = role.org
        for role in roles:
            span = doc.char_span(role.person_start, role.person_end, label="PERSON")
            if span is not None:
                new.append(span)
        if new:
            existing = list(doc.ents)
            taken = {i for e in existing for i in range(e.start, e.end)}
            new = [s for s in new if not any(i in taken for i in range(s.start, s.end))]
            doc.ents = filter_spans(existing + new)
        return doc
