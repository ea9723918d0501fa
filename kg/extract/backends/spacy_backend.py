"""spaCy pipelines as a backend: the project's own MSRA model (models/zh_msra_ner) by
default, or any installed package / path (``zh_core_web_sm`` ...) through ``spacy.load``."""

from __future__ import annotations

import hashlib
from pathlib import Path

from spacy.tokens import Doc

from kg.extract.backends import BackendError, models_dir
from kg.extract.backends.doc import doc_from_sentences, shared_vocab
from kg.schema import Sentence

DEFAULT_MODEL_NAME = "zh_msra_ner"
MAX_CHARS = 2000  # the transition-based NER is linear, but keep pathological "sentences" bounded


def default_model_path() -> Path:
    """models/zh_msra_ner next to the package (a source checkout or an install with models/)."""
    return models_dir() / DEFAULT_MODEL_NAME


class SpacyBackend:
    name = "spacy"

    def __init__(self, *, model: str | None = None) -> None:
        import spacy

        target: str | Path
        if model is None:
            target = default_model_path()
            if not (target / "config.cfg").exists():
                raise BackendError(
                    f"the spacy backend has no model: put a trained pipeline at {target} "
                    "(python -m kg.train spacy --out models/zh_msra_ner) or pass --model NAME|PATH"
                )
        else:
            target = Path(model) if Path(model).exists() else model
        try:
            # Only the parts that tag entities; parsers, lemmatizers etc. are not used here.
            self._nlp = spacy.load(target, exclude=["parser", "lemmatizer", "textcat"])
        except ImportError as exc:  # zh pipelines with the pkuseg segmenter need spacy-pkuseg
            raise BackendError(
                f"the spacy model {model or target} needs {exc.name or exc}: pip install kg[spacy]"
            ) from exc
        except OSError as exc:
            raise BackendError(
                f"cannot load spacy model {model!r}: not an installed package or a pipeline "
                "directory; pass --model PATH to a trained pipeline (pip install kg[spacy])"
            ) from exc
        self._target = target
        self.vocab = shared_vocab()

    def fingerprint(self) -> str:
        meta = self._nlp.meta
        digest = hashlib.sha1()
        path = Path(self._nlp.path) if self._nlp.path is not None else None
        if path is not None:  # weights of each component: retraining changes the fingerprint
            for f in sorted(path.glob("*/model")):
                digest.update(f.read_bytes())
        name = f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"
        return f"spacy-{name}-{digest.hexdigest()[:12]}"

    def tag(self, text: str) -> tuple[list[tuple[str, str]], list[tuple[int, int, str]]]:
        """(words with POS when the model has a tagger, entity char spans) for one sentence."""
        words: list[tuple[str, str]] = []
        ents: list[tuple[int, int, str]] = []
        for chunk_start in range(0, len(text), MAX_CHARS):
            chunk = text[chunk_start : chunk_start + MAX_CHARS]
            doc = self._nlp(chunk)
            for tok in doc:
                words.append((tok.text, tok.tag_ or "x"))
                if tok.whitespace_:
                    words.append((tok.whitespace_, "w"))
            ents.extend(
                (chunk_start + e.start_char, chunk_start + e.end_char, e.label_) for e in doc.ents
            )
        return words, ents

    def make_doc(self, text: str, sentences: list[Sentence]) -> Doc:
        return doc_from_sentences(self.vocab, text, sentences, self.tag)
