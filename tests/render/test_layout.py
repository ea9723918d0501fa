"""The readability rules of a network page (kg/render/layout.py), on vis records built by hand."""

from __future__ import annotations

import pytest

from kg.render import layout


def _edges(weights: list[float]) -> list[dict]:
    return [{"kgWeight": w, "from": f"a{i}", "to": f"b{i}"} for i, w in enumerate(weights)]


def test_start_weight_is_one_when_the_edges_fit_the_budget() -> None:
    assert layout.start_weight(_edges([1.0, 1.0, 3.0])) == 1


def test_start_weight_is_the_smallest_that_fits_the_budget(monkeypatch) -> None:
    monkeypatch.setattr(layout, "EDGE_BUDGET", 2)
    assert layout.start_weight(_edges([1.0, 1.0, 1.0, 2.0, 3.0])) == 2


def test_start_weight_never_hides_every_edge(monkeypatch) -> None:
    monkeypatch.setattr(layout, "EDGE_BUDGET", 1)
    assert layout.start_weight(_edges([4.0, 4.0, 4.0])) == 1  # a cut that hides nothing


def test_hiding_light_edges_hides_the_nodes_they_leave_alone() -> None:
    nodes = [{"id": n} for n in ("a0", "b0", "a1", "b1", "c")]
    hidden = layout.hide_light_edges(nodes, _edges([1.0, 3.0]), 2, center="c")
    assert hidden == 1
    assert [n["id"] for n in nodes if n.get("hidden")] == ["a0", "b0"]  # the centre stays


def test_parallel_edges_curve_to_either_side() -> None:
    group = [{"from": "x", "to": "y"}, {"from": "x", "to": "y"}, {"from": "y", "to": "x"}]
    layout.spread_parallel({frozenset(("x", "y")): group})
    kinds = [e["smooth"]["type"] for e in group]
    assert kinds[0] != kinds[1]
    assert kinds[2] == "curvedCCW"  # the third, seen from the other end, on the first's side
    assert group[2]["smooth"]["roundness"] > group[0]["smooth"]["roundness"]


def test_communities_start_apart() -> None:
    community = {f"n{i}": i % 2 for i in range(40)}
    positions = layout.community_seed_layout(community, list(community))
    assert len(positions) == 40

    def centre(c: int) -> tuple[float, float]:
        xs = [positions[n] for n in community if community[n] == c]
        return sum(x for x, _ in xs) / len(xs), sum(y for _, y in xs) / len(xs)

    (x0, y0), (x1, y1) = centre(0), centre(1)
    assert ((x0 - x1) ** 2 + (y0 - y1) ** 2) ** 0.5 > 60


@pytest.mark.parametrize(("count", "big"), [(50, False), (5000, True)])
def test_big_pages_use_the_cheap_solver(count: int, big: bool) -> None:
    options = layout.vis_options(count, big=big, seeded=count > layout.SEEDED_LAYOUT)
    assert options["physics"]["solver"] == ("barnesHut" if big else "forceAtlas2Based")
    assert options["interaction"]["hideEdgesOnDrag"] is big
