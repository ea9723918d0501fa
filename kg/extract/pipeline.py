"""Extractor: backend Doc -> domain components -> Extraction (mentions + roles)."""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from kg.extract.backends import DEFAULT_BACKEND, Backend, get_backend, model_fingerprint
from kg.schema import Article, Extraction


class Extractor:
    """Picklable recipe: the model is loaded lazily, once per process."""

    def __init__(
        self,
        *,
        backend: str = DEFAULT_BACKEND.value,
        model: str | None = None,
        disable: Iterable[str] | None = None,
    ) -> None:
        """``disable``: rule families to switch off (kg.extract.entities.FAMILIES); default
        ``$KG_RULES_OFF`` (comma-separated), normally empty."""
        if disable is None:
            disable = os.environ.get("KG_RULES_OFF", "").split(",")
        self.backend_name = backend
        self.model = model
        self.disable = frozenset(name.strip() for name in disable if name.strip())
        if self.disable:  # unknown names fail here, not at the first article
            from kg.extract.entities import check_families

            check_families(self.disable)
        self._backend: Backend | None = None

    def __getstate__(self) -> dict:
        return {
            "backend_name": self.backend_name,
            "model": self.model,
            "disable": self.disable,
            "_backend": None,
        }

    @property
    def loaded(self) -> bool:
        """Whether this process has loaded the model (extracting here costs no load)."""
        return self._backend is not None

    def load(self) -> None:
        """Load the model and the domain pipeline now instead of at the first article."""
        from kg.extract.domain import domain_pipeline

        domain_pipeline(self.disable)
        self.backend  # noqa: B018 -- loads it

    @property
    def backend(self) -> Backend:
        if self._backend is None:
            self._backend = get_backend(self.backend_name, model=self.model)
        return self._backend

    def fingerprint(self) -> str:
        """Changes when the backend model or the domain rules change: the lexicons, and the
        code that applies them (an edited kg/extract/*.py re-extracts too)."""
        from kg.extract.rules import rules_fingerprint

        model = (
            None if self._backend is not None else model_fingerprint(self.backend_name, self.model)
        )
        if model is None:  # this backend must be loaded to tell
            model = self.backend.fingerprint()
        h = hashlib.sha1(model.encode())
        h.update(rules_fingerprint().encode())
        h.update(code_fingerprint().encode())
        if self.disable:  # a run with families off extracts other mentions
            h.update(",".join(sorted(self.disable)).encode())
        return h.hexdigest()[:16]

    def extract(self, article: Article) -> Extraction:
        return self.extract_many([article])[0]

    def extract_many(self, articles: Sequence[Article]) -> list[Extraction]:
        """``extract`` of each article, in order. A backend that tags many texts at once
        (``make_docs``: LAC runs sentences of one length together) gets them all."""
        from kg.extract import domain

        backend = self.backend
        make_docs = getattr(backend, "make_docs", None)
        items = [(a.text, a.sentences) for a in articles]
        docs = (
            make_docs(items)
            if make_docs is not None
            else (backend.make_doc(*item) for item in items)
        )
        return [
            domain.annotate(doc, article, disable=self.disable)
            for doc, article in zip(docs, articles, strict=True)
        ]


def code_fingerprint(package: Path | None = None) -> str:
    """Hash of the extraction code: every .py file under kg/extract (or ``package``)."""
    return _installed_code() if package is None else _hash_code(package)


@functools.cache
def _installed_code() -> str:  # read once per process
    return _hash_code(Path(__file__).parent)


def _hash_code(package: Path) -> str:
    h = hashlib.sha1()
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]
