"""Quality floors on the annotated seed pages: a change that costs the graph more than a few
points of F1 fails here (scores at 0dac3c1: entities 0.923, roles 0.983, role organisation 0.969)."""

from pathlib import Path

import pytest

from kg.evaluate import ALL, evaluate_graph, load_gold

GOLD = Path(__file__).parent / "data" / "gold"


@pytest.fixture(scope="module")
def report(seeds_run):
    return evaluate_graph(seeds_run.graph, load_gold(GOLD))


def test_quality_entities_on_seed_pages(report):
    # kg's tagger (the default) scores 0.878 here, LAC 0.919: the rules were tuned on these pages
    # with LAC; on real annotated news the tagger is far ahead (docs/benchmarks.md)
    assert report.entities[ALL].f1 >= 0.86, report.entities[ALL]


def test_quality_roles_on_seed_pages(report):
    assert report.roles.f1 >= 0.95, report.roles
    assert report.role_org_accuracy is not None and report.role_org_accuracy >= 0.93


def test_quality_no_gold_entity_split_on_seed_pages(report):
    assert report.splits == []


@pytest.mark.parametrize("etype", ["PERSON", "ORG", "LOC"])
def test_quality_per_type_on_seed_pages(report, etype):
    assert report.entities[etype].f1 >= 0.75, (etype, report.entities[etype])
