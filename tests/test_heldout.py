"""Held-out pages from places other than Liaocheng, with gold annotations.

``tests/data/heldout/<stem>.txt`` are composed pages in the print layout of the seeds, from
other prefecture-level cities, counties, a province and an investment-promotion page;
``<stem>.json`` are their gold annotations (format: tests/data/gold). The gold files are
checked for consistency with their page, then the pipeline is run on each page and scored.
The score floor catches a regression on pages from other places; the printed report is what to read.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import networkx as nx
import pytest

from kg.evaluate import Report, evaluate_graph, format_report, load_gold

HELDOUT = Path(__file__).parent / "data" / "heldout"
STEMS = sorted(p.stem for p in HELDOUT.glob("*.json"))
TYPES = ("PERSON", "ORG", "LOC", "PROJECT")

# A few points under what the pipeline scores now (0.947 / 0.997): a rule change that costs more
# than that on pages from other places fails here.
ENTITY_F1_FLOOR = 0.92
ROLE_F1_FLOOR = 0.95

_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    # Same folding as the evaluator: NFKC, whitespace removed (names wrap across lines).
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def _page(stem: str) -> tuple[dict, str]:
    gold = json.loads((HELDOUT / f"{stem}.json").read_text(encoding="utf-8"))
    text = (HELDOUT / f"{stem}.txt").read_text(encoding="utf-8")
    return gold, _norm(text)


def test_heldout_has_pages() -> None:
    assert len(STEMS) >= 6
    assert sorted(p.stem for p in HELDOUT.glob("*.txt")) == STEMS


def test_heldout_gold_loads() -> None:
    gold = load_gold(HELDOUT)  # raises GoldError on a malformed file
    assert sorted(gold) == STEMS
    assert all(g["page"] == stem for stem, g in gold.items())


@pytest.mark.parametrize("stem", STEMS)
def test_heldout_page_size_and_home_city(stem: str) -> None:
    gold, text = _page(stem)
    raw = (HELDOUT / f"{stem}.txt").read_text(encoding="utf-8")
    assert 1500 <= len(raw) <= 4000
    assert gold["home_city"] and _norm(gold["home_city"][:2]) in text
    assert "聊城" not in text  # held out means: not from the seed city


@pytest.mark.parametrize("stem", STEMS)
def test_heldout_surface_forms_occur(stem: str) -> None:
    """Every alias is on the page; a name is on the page or is a canonical expansion of an
    alias on it; only a role's organisation may be implied by its title (市长 -> 人民政府)."""
    gold, text = _page(stem)
    role_orgs = {r["org"] for r in gold["roles"] if r["org"] is not None}
    problems = []
    for ent in gold["entities"]:
        missing = [a for a in ent["aliases"] if _norm(a) not in text]
        if missing:
            problems.append(f"{ent['name']}: aliases not on the page: {missing}")
        forms = [ent["name"], *ent["aliases"]]
        if not any(_norm(f) in text for f in forms) and ent["name"] not in role_orgs:
            problems.append(f"{ent['name']}: no surface form on the page")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("stem", STEMS)
def test_heldout_forms_are_unique(stem: str) -> None:
    """One surface form names one entity of a type (else the annotation is ambiguous)."""
    gold, _ = _page(stem)
    seen: dict[tuple[str, str], str] = {}
    clashes = []
    for ent in gold["entities"]:
        assert ent["type"] in TYPES, ent
        for form in {_norm(ent["name"]), *map(_norm, ent["aliases"])}:
            key = (ent["type"], form)
            if key in seen and seen[key] != ent["name"]:
                clashes.append(f"{form} ({ent['type']}): {seen[key]} / {ent['name']}")
            seen[key] = ent["name"]
    assert not clashes, "\n".join(clashes)


@pytest.mark.parametrize("stem", STEMS)
def test_heldout_roles_refer_to_entities(stem: str) -> None:
    gold, text = _page(stem)
    persons = {e["name"] for e in gold["entities"] if e["type"] == "PERSON"}
    orgs = {e["name"] for e in gold["entities"] if e["type"] in ("ORG", "LOC")}
    keys = [(r["person"], r["title"]) for r in gold["roles"]]
    assert len(keys) == len(set(keys)), "one role per (person, title)"
    for role in gold["roles"]:
        assert role["person"] in persons, role
        assert role["org"] is None or role["org"] in orgs, role
        assert _norm(role["title"]) in text, role  # titles are written as on the page
        if role["title"] in ("记者", "通讯员"):
            assert role["org"] is None, role


# ---------------------------------------------------------------- pipeline scores


@pytest.fixture(scope="module")
def heldout_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, dict[str, str]]:
    """Run the pipeline on each page on its own (each page is its own paper, so its home city
    is detected per page) and score the union of the graphs."""
    from kg.pipeline import run

    graphs = []
    detected: dict[str, str] = {}
    for stem in STEMS:
        out = tmp_path_factory.mktemp(f"heldout-{stem}")
        result = run([HELDOUT / f"{stem}.txt"], out=out, html=False)
        detected[stem] = str(result.graph.graph.get("home_city", ""))
        # Node ids may repeat across runs: prefix them so the union keeps pages apart.
        graphs.append(nx.relabel_nodes(result.graph, lambda n, s=stem: (s, n), copy=True))
    union = nx.compose_all(graphs) if len(graphs) > 1 else graphs[0]
    return evaluate_graph(union, load_gold(HELDOUT)), detected


def test_heldout_pipeline_scores_above_floor(
    heldout_report: tuple[Report, dict[str, str]],
) -> None:
    report, detected = heldout_report
    print()
    for stem in STEMS:
        print(f"home city {stem}: detected {detected[stem] or '-'}")
    print(format_report(report, show_errors=200))
    assert report.entities["ALL"].f1 >= ENTITY_F1_FLOOR
    assert report.roles.f1 >= ROLE_F1_FLOOR
