"""Checks shared by the annotated page sets of other places (held-out, blind, blind2).

Each set is a folder of ``<stem>.txt`` pages in the print layout of the seeds with ``<stem>.json``
gold annotations (format: tests/data/gold, guide: docs/annotation.md). The gold is checked for
consistency with its page; then the pipeline runs on each page on its own (each page is its own
paper, so its home place is detected per page) and the union of the graphs is scored.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cached_property
from pathlib import Path

import networkx as nx
import pytest

from kg.evaluate import Report, evaluate_graph, format_report, load_gold

TYPES = ("PERSON", "ORG", "LOC", "PROJECT")
_SPACE = re.compile(r"\s+")


def norm(text: str) -> str:
    # Same folding as the evaluator: NFKC, whitespace removed (names wrap across lines).
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


class PageSet:
    def __init__(self, folder: Path, *, min_pages: int) -> None:
        self.folder = folder
        self.min_pages = min_pages
        self.stems = sorted(p.stem for p in folder.glob("*.json"))

    def page(self, stem: str) -> tuple[dict, str, str]:
        """(gold, raw text, folded text) of one page."""
        gold = json.loads((self.folder / f"{stem}.json").read_text(encoding="utf-8"))
        raw = (self.folder / f"{stem}.txt").read_text(encoding="utf-8")
        return gold, raw, norm(raw)

    # ------------------------------------------------------------ the gold and its pages

    def check_pages(self) -> None:
        assert len(self.stems) >= self.min_pages
        assert sorted(p.stem for p in self.folder.glob("*.txt")) == self.stems
        gold = load_gold(self.folder)  # raises GoldError on a malformed file
        assert sorted(gold) == self.stems
        assert all(g["page"] == stem for stem, g in gold.items())

    def check_size_and_home_city(self, stem: str) -> None:
        gold, raw, text = self.page(stem)
        assert 1500 <= len(raw) <= 4000
        assert gold["home_city"] and norm(gold["home_city"][:2]) in text
        assert "聊城" not in text  # held out means: not from the seed city

    def check_surface_forms_occur(self, stem: str) -> None:
        """Every alias is on the page; a name is on the page or is a canonical expansion of an
        alias on it; only a role's organisation may be implied by its title (市长 -> 人民政府)."""
        gold, _, text = self.page(stem)
        role_orgs = {r["org"] for r in gold["roles"] if r["org"] is not None}
        problems = []
        for ent in gold["entities"]:
            missing = [a for a in ent["aliases"] if norm(a) not in text]
            if missing:
                problems.append(f"{ent['name']}: aliases not on the page: {missing}")
            forms = [ent["name"], *ent["aliases"]]
            if not any(norm(f) in text for f in forms) and ent["name"] not in role_orgs:
                problems.append(f"{ent['name']}: no surface form on the page")
        assert not problems, "\n".join(problems)

    def check_forms_are_unique(self, stem: str) -> None:
        """One surface form names one entity of a type (else the annotation is ambiguous)."""
        gold, _, _ = self.page(stem)
        seen: dict[tuple[str, str], str] = {}
        clashes = []
        for ent in gold["entities"]:
            assert ent["type"] in TYPES, ent
            for form in {norm(ent["name"]), *map(norm, ent["aliases"])}:
                key = (ent["type"], form)
                if key in seen and seen[key] != ent["name"]:
                    clashes.append(f"{form} ({ent['type']}): {seen[key]} / {ent['name']}")
                seen[key] = ent["name"]
        assert not clashes, "\n".join(clashes)

    def check_roles_refer_to_entities(self, stem: str) -> None:
        gold, _, text = self.page(stem)
        persons = {e["name"] for e in gold["entities"] if e["type"] == "PERSON"}
        orgs = {e["name"] for e in gold["entities"] if e["type"] in ("ORG", "LOC")}
        keys = [(r["person"], r["title"]) for r in gold["roles"]]
        assert len(keys) == len(set(keys)), "one role per (person, title)"
        for role in gold["roles"]:
            assert role["person"] in persons, role
            assert role["org"] is None or role["org"] in orgs, role
            assert norm(role["title"]) in text, role  # titles are written as on the page
            if role["title"] in ("记者", "通讯员"):
                assert role["org"] is None, role

    # ------------------------------------------------------------ pipeline scores

    def score(self, out_root: Path) -> Scored:
        """Run the pipeline on each page into ``out_root/<stem>`` and score the union."""
        from kg.pipeline import run

        graphs = []
        detected: dict[str, str] = {}
        for stem in self.stems:
            result = run([self.folder / f"{stem}.txt"], out=out_root / stem, html=False)
            detected[stem] = str(result.graph.graph.get("home_city", ""))
            # Node ids may repeat across runs: prefix them so the union keeps pages apart.
            graphs.append(nx.relabel_nodes(result.graph, lambda n, s=stem: (s, n), copy=True))
        union = nx.compose_all(graphs) if len(graphs) > 1 else graphs[0]
        return Scored(self.stems, union, load_gold(self.folder), detected)


class Scored:
    """The scores of one run over a page set, overall and per page."""

    def __init__(
        self, stems: list[str], union: nx.Graph, gold: dict, detected: dict[str, str]
    ) -> None:
        self.stems, self.union, self.gold, self.detected = stems, union, gold, detected

    @cached_property
    def report(self) -> Report:
        return evaluate_graph(self.union, self.gold)

    def print(self, *, show_errors: int) -> None:
        print()
        print(
            f"{'page':<28}{'home city':<12}{'ent F1':>8}{'roles F1':>10}{'org acc':>9}{'splits':>8}"
        )
        for stem in self.stems:
            page = evaluate_graph(self.union, self.gold, pages=[stem])
            acc = "-" if page.role_org_accuracy is None else f"{page.role_org_accuracy:.3f}"
            print(
                f"{stem:<28}{self.detected[stem] or '-':<12}{page.entities['ALL'].f1:>8.3f}"
                f"{page.roles.f1:>10.3f}{acc:>9}{len(page.splits):>8}"
            )
        print(format_report(self.report, show_errors=show_errors))


class PageSetTests:
    """The tests every page set runs: subclass as ``TestX`` with the set and its floors.

    The gold is checked against its pages; then the pipeline's scores must stay above the floors
    (a few points under what the set scored when they were set)."""

    page_set: PageSet
    entity_f1_floor: float
    role_f1_floor: float
    role_org_accuracy_floor: float | None = None
    show_errors = 300

    def pytest_generate_tests(self, metafunc: pytest.Metafunc) -> None:
        if "stem" in metafunc.fixturenames:
            metafunc.parametrize("stem", self.page_set.stems)

    def test_has_pages(self) -> None:
        self.page_set.check_pages()

    def test_page_size_and_home_city(self, stem: str) -> None:
        self.page_set.check_size_and_home_city(stem)

    def test_surface_forms_occur(self, stem: str) -> None:
        self.page_set.check_surface_forms_occur(stem)

    def test_forms_are_unique(self, stem: str) -> None:
        self.page_set.check_forms_are_unique(stem)

    def test_roles_refer_to_entities(self, stem: str) -> None:
        self.page_set.check_roles_refer_to_entities(stem)

    def test_pipeline_scores_above_floor(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        scored = self.page_set.score(tmp_path_factory.mktemp(self.page_set.folder.name))
        scored.print(show_errors=self.show_errors)
        report = scored.report
        assert report.entities["ALL"].f1 >= self.entity_f1_floor
        assert report.roles.f1 >= self.role_f1_floor
        if self.role_org_accuracy_floor is not None:
            assert report.role_org_accuracy is not None
            assert report.role_org_accuracy >= self.role_org_accuracy_floor
