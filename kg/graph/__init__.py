"""Graph stage: resolved extractions -> a NetworkX MultiDiGraph with evidence on every edge."""

from kg.graph.analyze import analyze
from kg.graph.build import build_graph

__all__ = ["analyze", "build_graph"]
