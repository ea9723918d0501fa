"""HanLP (2.x, PyTorch) NER as a backend. Optional: ``pip install kg[hanlp]``.

``model`` is a saved HanLP component directory (what ``component.save``/``fit`` writes, with
``config.json``) or the name of a HanLP pretrained model that is *already* in HanLP's cache
(``~/.hanlp`` or ``$HANLP_HOME``): kg never downloads weights at run time. Character-level NER
models (HanLP's MSRA ones, ``python -m kg.train hanlp``) take characters; for a word-level
model pass a HanLP tokenizer as ``tokenizer``. Labels (NR/NS/NT, PERSON/GPE/ORG...) are
mapped to PERSON/LOC/ORG by :mod:`kg.extract.backends.doc`.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from kg.extract.backends import BackendError, models_dir
from kg.extract.backends.doc import doc_from_sentences, shared_vocab
from kg.schema import Sentence

DEFAULT_MODEL_NAME = "hanlp_ner"
MAX_TOKENS = 500  # HanLP taggers are sentence models; long runs are cut for them
INSTALL = "pip install kg[hanlp]"


def default_model_path() -> Path:
    return models_dir() / DEFAULT_MODEL_NAME


def _resolve(model: str | None) -> str:
    """A local directory for ``model``, or one clear BackendError line."""
    if model is None:
        path = default_model_path()
        if path.is_dir():
            return str(path)
        raise BackendError(
            f"the hanlp backend has no model: put a saved HanLP NER component at {path} "
            "or pass --model PATH (or the name of a HanLP model already in ~/.hanlp)"
        )
    if Path(model).exists():
        return str(model)
    import hanlp

    url = hanlp.pretrained.ALL.get(model)
    if url is None:
        raise BackendError(
            f"hanlp model {model!r} is neither a directory nor a HanLP pretrained name; "
            "pass --model PATH to a saved HanLP component"
        )
    from hanlp.utils.io_util import hanlp_home, path_from_url
    from hanlp_common.constant import HANLP_URL

    local = path_from_url(url, hanlp_home(), HANLP_URL, True)
    for candidate in (local, os.path.splitext(local)[0]):
        if os.path.isdir(candidate):
            return candidate
    raise BackendError(
        f"hanlp model {model!r} is not in {hanlp_home()} and kg does not download models at run "
        'time: fetch it once where there is internet (python -c "import hanlp; '
        f"hanlp.load('{model}')\") or pass --model PATH"
    )


def _load(path: str) -> Any:
    import hanlp

    try:
        return hanlp.load(path, verbose=False, devices=-1)
    except BackendError:
        raise
    except Exception as exc:
        reason = str(exc).strip().splitlines()
        raise BackendError(
            f"cannot load HanLP model at {path}: {type(exc).__name__}: "
            f"{reason[0] if reason else ''}"
        ) from exc


class HanlpBackend:
    name = "hanlp"

    def __init__(self, *, model: str | None = None, tokenizer: str | None = None) -> None:
        try:
            import hanlp  # noqa: F401
        except ImportError as exc:
            raise BackendError(f"the hanlp backend needs HanLP and PyTorch: {INSTALL}") from exc
        self._path = _resolve(model)
        self._ner = _load(self._path)
        self._tok_path = _resolve(tokenizer) if tokenizer is not None else None
        self._tok = _load(self._tok_path) if self._tok_path is not None else None
        self.vocab = shared_vocab()

    def fingerprint(self) -> str:
        import hanlp

        digest = hashlib.sha1()
        for root in (self._path, self._tok_path):
            if root is None:
                continue
            for f in sorted(Path(root).rglob("*")):
                if f.is_file() and f.suffix in (".pt", ".json", ".bin", ".safetensors"):
                    digest.update(f.name.encode())
                    digest.update(str(f.stat().st_size).encode())
        return f"hanlp-{hanlp.__version__}-{digest.hexdigest()[:12]}"

    def _tokens(self, text: str) -> list[tuple[int, int]]:
        """Char spans of the tokens HanLP sees: words from the tokenizer, else characters
        (whitespace is never a token: HanLP models have no embedding for it)."""
        spans: list[tuple[int, int]] = []
        if self._tok is not None:
            pos = 0
            for word in self._tok(text):
                start = text.find(word, pos)
                if start < 0:  # tokenizer normalised the text: fall back to characters
                    return [(i, i + 1) for i, ch in enumerate(text) if not ch.isspace()]
                spans.append((start, start + len(word)))
                pos = start + len(word)
            return [s for s in spans if text[s[0] : s[1]].strip()]
        return [(i, i + 1) for i, ch in enumerate(text) if not ch.isspace()]

    def tag(self, text: str) -> tuple[list[tuple[str, str]], list[tuple[int, int, str]]]:
        """(words, entity char spans) for one sentence-sized text."""
        spans = self._tokens(text)
        ents: list[tuple[int, int, str]] = []
        for cut in range(0, len(spans), MAX_TOKENS):
            chunk = spans[cut : cut + MAX_TOKENS]
            tokens = [text[s:e] for s, e in chunk]
            if not tokens:
                continue
            for item in self._ner(tokens) or []:
                # HanLP NER yields (text, label, token begin, token end exclusive)
                _, label, begin, end = item[:4]
                if 0 <= begin < end <= len(chunk):
                    ents.append((chunk[begin][0], chunk[end - 1][1], str(label)))
        words: list[tuple[str, str]] = []
        pos = 0
        for s, e in spans:
            if s > pos:
                words.append((text[pos:s], "w"))
            words.append((text[s:e], "x"))
            pos = e
        if pos < len(text):
            words.append((text[pos:], "w"))
        return words, ents

    def make_doc(self, text: str, sentences: list[Sentence]) -> Doc:
        return doc_from_sentences(self.vocab, text, sentences, self.tag)
