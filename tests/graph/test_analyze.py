import random

import networkx as nx

from kg.graph import analyze


def _two_cliques() -> nx.MultiDiGraph:
    """A 4-clique and a triangle joined by one light edge, plus an isolated node and a self-loop."""
    g = nx.MultiDiGraph()
    big, small = ["a", "b", "c", "d"], ["x", "y", "z"]
    for group in (big, small):
        for i, u in enumerate(group):
            for v in group[i + 1 :]:
                g.add_edge(u, v, weight=3.0)
    g.add_edge("d", "x", weight=0.5)
    g.add_edge("a", "a", weight=9.0)
    g.add_node("alone")
    return g


def test_analyze_numbers_communities_largest_first_and_counts_neighbours():
    g = analyze(_two_cliques())
    community = {n: d["community"] for n, d in g.nodes(data=True)}
    assert {community[n] for n in "abcd"} == {0}
    assert {community[n] for n in "xyz"} == {1}
    assert community["alone"] == 2
    assert g.nodes["a"]["degree"] == 3  # the self-loop is no neighbour
    assert g.nodes["d"]["degree"] == 4 and g.nodes["alone"]["degree"] == 0
    assert abs(sum(d["pagerank"] for _, d in g.nodes(data=True)) - 1.0) < 1e-3
    assert g.nodes["d"]["pagerank"] > g.nodes["b"]["pagerank"] > g.nodes["alone"]["pagerank"]


def test_analyze_does_not_depend_on_the_global_random_state():
    results = []
    for state in (1, 2):
        random.seed(state)
        g = analyze(_two_cliques())
        results.append({n: (d["community"], d["pagerank"]) for n, d in g.nodes(data=True)})
    assert results[0] == results[1]


def test_analyze_leaves_the_callers_random_sequence_alone():
    random.seed(5)
    expected = random.random()
    random.seed(5)
    analyze(_two_cliques())
    assert random.random() == expected
