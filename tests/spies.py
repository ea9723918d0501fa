"""Spies on the pipeline's costly calls, for tests of what a run reuses: which articles the
model is run on, and how often a model is loaded (in this process only)."""

from __future__ import annotations

import pytest

import kg.extract.pipeline
from kg.extract import Extractor


def count_extractions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Wrap Extractor.extract_many (which extract calls too), in this process, and return the
    ids of the articles it is called on."""
    calls: list[str] = []
    real = Extractor.extract_many

    def extract_many(self: Extractor, articles):  # type: ignore[no-untyped-def]
        calls.extend(a.id for a in articles)
        return real(self, articles)

    monkeypatch.setattr(Extractor, "extract_many", extract_many)
    return calls


def count_model_loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Wrap the extractor's get_backend and return the backend names it loads."""
    loads: list[str] = []
    real = kg.extract.pipeline.get_backend

    def get_backend(name, **kwargs):  # type: ignore[no-untyped-def]
        loads.append(name)
        return real(name, **kwargs)

    monkeypatch.setattr(kg.extract.pipeline, "get_backend", get_backend)
    return loads
