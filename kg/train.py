"""Train and score the project's statistical NER models (CPU, reproducible, offline after
the one-time corpus fetch).

    python -m kg.train spacy --out models/zh_msra_ner --max-minutes 30
    python -m kg.train score --backend spacy --model models/zh_msra_ner
    python -m kg.train score --backend lac

The spaCy model is a blank ``zh`` pipeline with the character segmenter (one token per
character, so entity boundaries never fall inside a token), a hash-embedding + CNN
``tok2vec`` and the transition-based ``ner``. It is trained on MSRA train with a fixed
seed; the dev set is a held-out slice of train, the test set is only used for scoring.
"""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import typer

from kg.corpora import Example as CorpusExample
from kg.corpora import Span, msra

ENTITY_LABELS = ("PERSON", "LOC", "ORG")

# Small on purpose: one char per token, so ORTH (the character) and SHAPE (digit/latin/han)
# are the only useful lexical features; a window of 2 x depth 4 sees 8 chars each side.
SPACY_CONFIG = """
[paths]
train = null
dev = null

[system]
seed = {seed}
gpu_allocator = null

[nlp]
lang = "zh"
pipeline = ["tok2vec","ner"]
batch_size = 256

[nlp.tokenizer]
@tokenizers = "spacy.zh.ChineseTokenizer"
segmenter = "char"

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = ["ORTH","SHAPE"]
rows = [{rows},500]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = 2
maxout_pieces = 3

[components.ner]
factory = "ner"
moves = null
update_with_oracle_cut_size = 100
incorrect_spans_key = null
scorer = {{"@scorers":"spacy.ner_scorer.v1"}}

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${{components.tok2vec.model.encode.width}}
upstream = "*"

[training]
seed = {seed}
dropout = 0.1

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.001
"""


def spacy_config(*, seed: int = 0, width: int = 128, depth: int = 4, rows: int = 12000):
    """The training config as a ``thinc.Config`` (also saved with the model)."""
    from thinc.api import Config

    return Config().from_str(SPACY_CONFIG.format(seed=seed, width=width, depth=depth, rows=rows))


# ---------------------------------------------------------------- scoring


def score_mentions(
    gold: Iterable[Sequence[Span]], pred: Iterable[Sequence[Span]]
) -> dict[str, dict[str, float]]:
    """Mention-level P/R/F1 per label and micro ``ALL``: a hit is an exact (start, end, label)."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(g), set(p)
        for _, _, label in gs:
            n_gold[label] += 1
        for span in ps:
            n_pred[span[2]] += 1
            if span in gs:
                tp[span[2]] += 1
    result: dict[str, dict[str, float]] = {}
    labels = sorted(set(n_gold) | set(n_pred))
    for label in [*labels, "ALL"]:
        t = sum(tp.values()) if label == "ALL" else tp[label]
        ng = sum(n_gold.values()) if label == "ALL" else n_gold[label]
        np_ = sum(n_pred.values()) if label == "ALL" else n_pred[label]
        p = t / np_ if np_ else 0.0
        r = t / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        result[label] = {"p": p, "r": r, "f": f, "gold": ng, "pred": np_}
    return result


def format_scores(scores: dict[str, dict[str, float]]) -> str:
    lines = ["| type | P | R | F1 | gold | pred |", "|---|---|---|---|---|---|"]
    for label, s in scores.items():
        lines.append(
            f"| {label} | {s['p']:.1%} | {s['r']:.1%} | {s['f']:.1%} | {s['gold']:.0f} | {s['pred']:.0f} |"
        )
    return "\n".join(lines)


def backend_tagger(name: str, *, model: str | None = None) -> Callable[[str], list[Span]]:
    """A function sentence -> entity spans (our labels) through a registered backend."""
    from kg.extract.backends import get_backend
    from kg.schema import Sentence

    backend = get_backend(name, model=model)

    def tag(text: str) -> list[Span]:
        doc = backend.make_doc(text, [Sentence(0, len(text), text)])
        return [(e.start_char, e.end_char, e.label_) for e in doc.ents]

    return tag


def score_tagger(
    tag: Callable[[str], list[Span]], examples: Sequence[CorpusExample]
) -> tuple[dict[str, dict[str, float]], float]:
    """Scores and speed (characters per second) of ``tag`` on ``examples``."""
    start = time.perf_counter()
    preds = [[s for s in tag(text) if s[2] in ENTITY_LABELS] for text, _ in examples]
    elapsed = time.perf_counter() - start
    chars = sum(len(text) for text, _ in examples)
    return score_mentions([g for _, g in examples], preds), chars / max(elapsed, 1e-9)


# ---------------------------------------------------------------- training


def train_spacy(
    out: Path,
    *,
    max_minutes: float = 30.0,
    max_epochs: int = 30,
    seed: int = 0,
    n_dev: int = 2000,
    max_train: int | None = None,
    eval_every: int = 400,
    batch_size: int = 32,
    cache_dir: Path | None = None,
    log: Callable[[str], None] = print,
) -> dict:
    """Train a char-level spaCy NER on MSRA train; the best dev-F1 checkpoint is saved at
    ``out``. Stops after ``max_epochs`` or ``max_minutes`` (checked between batches)."""
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, load_model_from_config, minibatch

    fix_random_seed(seed)
    data = msra("train", cache_dir=cache_dir)
    rng = random.Random(seed)
    rng.shuffle(data)
    dev_data, train_data = data[:n_dev], data[n_dev:]
    if max_train is not None:
        train_data = train_data[:max_train]

    config = spacy_config(seed=seed)
    nlp = load_model_from_config(config, auto_fill=True, validate=True)

    def to_examples(items: Sequence[CorpusExample]) -> list[Example]:
        return [Example.from_dict(nlp.make_doc(t), {"entities": list(s)}) for t, s in items]

    train_ex = to_examples(train_data)
    optimizer = nlp.initialize(lambda: train_ex[:2000])
    log(f"train {len(train_ex)} sentences, dev {len(dev_data)}, seed {seed}")

    started = time.monotonic()
    deadline = started + max_minutes * 60
    best_f, step, epoch = -1.0, 0, 0
    history: list[dict] = []

    def evaluate() -> float:
        with nlp.select_pipes(enable=["tok2vec", "ner"]), nlp.use_params(optimizer.averages):
            preds = [[(e.start_char, e.end_char, e.label_) for e in d.ents]
                     for d in nlp.pipe((t for t, _ in dev_data), batch_size=256)]
        scores = score_mentions([s for _, s in dev_data], preds)
        return scores["ALL"]["f"]

    out = Path(out)
    stop = False
    while epoch < max_epochs and not stop:
        epoch += 1
        rng.shuffle(train_ex)
        losses: dict[str, float] = {}
        for batch in minibatch(train_ex, size=batch_size):
            nlp.update(batch, drop=0.1, sgd=optimizer, losses=losses)
            step += 1
            if step % eval_every == 0:
                f = evaluate()
                mins = (time.monotonic() - started) / 60
                history.append({"epoch": epoch, "step": step, "minutes": round(mins, 1),
                                "loss": round(float(losses.get("ner", 0.0)), 1), "dev_f": round(float(f), 4)})
                log(f"epoch {epoch} step {step} {mins:.1f} min loss {losses.get('ner', 0):.0f} dev F1 {f:.4f}")
                losses = {}
                if f > best_f:
                    best_f = f
                    with nlp.use_params(optimizer.averages):
                        nlp.to_disk(out)
            if time.monotonic() > deadline:
                stop = True
                break
    f = evaluate()
    if f > best_f:
        best_f = f
        with nlp.use_params(optimizer.averages):
            nlp.to_disk(out)
    info = {
        "seed": seed, "epochs": epoch, "steps": step, "train_sentences": len(train_ex),
        "dev_sentences": len(dev_data), "best_dev_f": round(float(best_f), 4),
        "minutes": round((time.monotonic() - started) / 60, 1), "history": history,
        "spacy": spacy.__version__,
    }
    (out / "training.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    return info


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


# ---------------------------------------------------------------- command line

app = typer.Typer(add_completion=False, help="Train and score kg's statistical NER models.")


@app.command("spacy")
def spacy_cmd(
    out: Path = typer.Option(Path("models/zh_msra_ner"), help="Where to save the pipeline."),
    max_minutes: float = typer.Option(30.0, help="Stop training after this long."),
    max_epochs: int = typer.Option(30),
    max_train: int | None = typer.Option(None, help="Use only this many training sentences."),
    seed: int = typer.Option(0),
) -> None:
    """Train the char-level spaCy NER on MSRA train (best dev checkpoint kept)."""
    info = train_spacy(out, max_minutes=max_minutes, max_epochs=max_epochs, seed=seed,
                       max_train=max_train)
    typer.echo(f"saved {out} ({dir_size(out) / 1e6:.1f} MB), best dev F1 {info['best_dev_f']}")


@app.command("score")
def score_cmd(
    backend: str = typer.Option("lac", help="lac | spacy | hanlp"),
    model: str | None = typer.Option(None, help="Model path or name for the backend."),
    limit: int | None = typer.Option(None, help="Score only the first N test sentences."),
) -> None:
    """Mention-level P/R/F1 (exact span and type) on MSRA test, and speed in chars/s."""
    test = msra("test")
    if limit is not None:
        test = test[:limit]
    scores, speed = score_tagger(backend_tagger(backend, model=model), test)
    typer.echo(format_scores(scores))
    typer.echo(f"{len(test)} sentences, {speed:,.0f} chars/s")


if __name__ == "__main__":
    app()
