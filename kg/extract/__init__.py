"""Extraction: a backend's Doc plus the domain layer -> Mentions and Roles per article."""

from __future__ import annotations

from kg.extract.pipeline import Extractor

__all__ = ["Extractor"]
