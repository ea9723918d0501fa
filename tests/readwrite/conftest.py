"""Shared helpers: build test graphs from the small JSON cases in tests/data/readwrite/."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "readwrite"
CASES = ("small", "control_chars", "nested_values", "mixed_types")


def load_case(name: str) -> nx.MultiDiGraph:
    """A MultiDiGraph from tests/data/readwrite/<name>.json ({"nodes": [...], "edges": [...]})."""
    spec = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    graph = nx.MultiDiGraph()
    for node in spec["nodes"]:
        attrs = dict(node)
        graph.add_node(attrs.pop("id"), **attrs)
    for edge in spec["edges"]:
        attrs = dict(edge)
        graph.add_edge(attrs.pop("source"), attrs.pop("target"), key=attrs.pop("key"), **attrs)
    return graph


def attr_types(items: list[dict]) -> dict[str, set[type]]:
    """Attribute name -> set of Python types seen."""
    found: dict[str, set[type]] = {}
    for data in items:
        for key, value in data.items():
            found.setdefault(key, set()).add(type(value))
    return found


@pytest.fixture
def small_graph() -> nx.MultiDiGraph:
    return load_case("small")


@pytest.fixture(name="load_case")
def load_case_fixture():
    """The ``load_case`` function, for tests that build several cases."""
    return load_case
