"""Importance and communities, computed with NetworkX on the undirected weighted projection."""

from __future__ import annotations

import networkx as nx


def undirected_weights(graph: nx.MultiDiGraph) -> nx.Graph:
    """One undirected edge per pair, weights summed; a missing, bad or non-positive weight counts 1
    (graphs read back from files may carry anything)."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    for a, b, data in graph.edges(data=True):
        if a == b:
            continue
        try:
            w = float(data.get("weight", 1.0))
        except (TypeError, ValueError):
            w = 1.0
        w = w if w > 0 else 1.0
        if simple.has_edge(a, b):
            simple[a][b]["weight"] += w
        else:
            simple.add_edge(a, b, weight=w)
    return simple


def analyze(graph: nx.MultiDiGraph, *, seed: int = 0) -> nx.MultiDiGraph:
    """Adds pagerank, degree and community to every node (in place) and returns the graph."""
    if graph.number_of_nodes() == 0:
        return graph
    simple = undirected_weights(graph)
    rank = nx.pagerank(simple, weight="weight")
    communities = nx.community.louvain_communities(simple, weight="weight", seed=seed)
    community_of = {}
    for index, members in enumerate(sorted(communities, key=lambda c: (-len(c), min(c)))):
        for node in members:
            community_of[node] = index
    for node, data in graph.nodes(data=True):
        data["pagerank"] = round(float(rank.get(node, 0.0)), 6)
        data["degree"] = int(simple.degree(node))
        data["community"] = int(community_of.get(node, -1))
    return graph
