"""Statistical backends: each turns text into a spaCy ``Doc`` with words, POS tags and
PERSON/ORG/LOC entities. The domain layer (kg.extract.domain) runs on top of any of them.

Backends are imported lazily so that the default install stays light; a missing optional
dependency fails with one line naming the install command (the shape of spacy.lang.zh).
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kg.schema import Sentence


class BackendName(str, Enum):
    tagger = "tagger"
    lac = "lac"
    spacy = "spacy"
    hanlp = "hanlp"


DEFAULT_BACKEND = BackendName.tagger


def models_dir() -> Path:
    """The project's models: ``models/`` beside the package in a source checkout, else where a
    built wheel installs them (``<prefix>/share/kg/models``, pyproject's data-files)."""
    checkout = Path(__file__).resolve().parents[3] / "models"
    if checkout.is_dir():
        return checkout
    return Path(sys.prefix) / "share" / "kg" / "models"


class BackendError(RuntimeError):
    """A backend cannot be loaded; the message says what to install or where to put it."""


class Backend(Protocol):
    name: str

    def make_doc(self, text: str, sentences: list[Sentence]) -> Doc:
        """Tokenise and tag ``text``; token texts concatenate to ``text`` exactly,
        sentence starts follow ``sentences`` and ``doc.ents`` use PERSON/ORG/LOC."""
        ...

    def fingerprint(self) -> str:
        """Identifies the model, so stored extractions can be invalidated when it changes."""
        ...


def model_fingerprint(name: str | BackendName, model: str | None = None) -> str | None:
    """The model's fingerprint without loading it, for the backends whose files say it; None for
    the others (they must be loaded to tell)."""
    name = BackendName(name)
    if name is BackendName.tagger:
        from kg.extract.backends.tagger import TaggerBackend

        return TaggerBackend.model_fingerprint(model)
    if name is BackendName.lac:
        from kg.extract.backends.lac import LacBackend

        return LacBackend.model_fingerprint(model)
    return None


def get_backend(name: str | BackendName = DEFAULT_BACKEND, *, model: str | None = None) -> Backend:
    name = BackendName(name)
    if name is BackendName.tagger:
        from kg.extract.backends.tagger import TaggerBackend

        return TaggerBackend(model_dir=model)
    if name is BackendName.lac:
        from kg.extract.backends.lac import LacBackend

        return LacBackend(model_dir=model)
    if name is BackendName.spacy:
        from kg.extract.backends.spacy_backend import SpacyBackend

        return SpacyBackend(model=model)
    from kg.extract.backends.hanlp_backend import HanlpBackend

    return HanlpBackend(model=model)
