"""Train the project's statistical NER models (CPU, reproducible, offline after
the one-time corpus fetch).

    python -m kg.train spacy --out models/zh_msra_ner --max-minutes 30
    python -m kg.train hanlp --out DIR            # tiny HanLP model (tests the loading path)
    kg eval --corpus msra --backend spacy --model models/zh_msra_ner   # scores: kg.evaluate

The spaCy model is a blank ``zh`` pipeline with the character segmenter (one token per
character, so entity boundaries never fall inside a token), a hash-embedding + CNN
``tok2vec`` and the transition-based ``ner``. It is trained on MSRA train with a fixed
seed; the dev set is a held-out slice of train, the test set is only used for scoring.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Annotated

import typer

from kg.corpora import Example as CorpusExample
from kg.corpora import msra
from kg.evaluate import ALL, evaluate_mentions

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


MODEL_META = {
    "name": "msra_ner",
    "version": "0.1.0",
    "description": "kg: char-level Chinese NER (PERSON/LOC/ORG) trained on MSRA train "
    "(python -m kg.train spacy)",
    "license": "MIT (weights); MSRA data: research use, see models/README.md",
}


def spacy_config(*, seed: int = 0, width: int = 128, depth: int = 4, rows: int = 12000):
    """The training config as a ``thinc.Config`` (also saved with the model)."""
    from thinc.api import Config

    return Config().from_str(SPACY_CONFIG.format(seed=seed, width=width, depth=depth, rows=rows))


# ---------------------------------------------------------------- training


def train_spacy(
    out: Path,
    *,
    max_minutes: float = 30.0,
    max_epochs: int = 30,
    max_steps: int | None = None,
    seed: int = 0,
    n_dev: int = 2000,
    max_train: int | None = None,
    eval_every: int = 400,
    batch_size: int = 32,
    cache_dir: Path | None = None,
    log: Callable[[str], None] = print,
) -> dict:
    """Train a char-level spaCy NER on MSRA train; the best dev-F1 checkpoint is saved at
    ``out``. Stops after ``max_epochs``, ``max_steps`` batches or ``max_minutes`` (checked
    between batches). The time cap keeps the budget on a slow machine; ``max_steps`` with a
    large ``max_minutes`` replays a run exactly (same seed, same batches)."""
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
    nlp.meta.update(MODEL_META)

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
            preds = [
                [(e.start_char, e.end_char, e.label_) for e in d.ents]
                for d in nlp.pipe((t for t, _ in dev_data), batch_size=256)
            ]
        report = evaluate_mentions(preds, [s for _, s in dev_data])
        return report.entities[ALL].f1

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
                history.append(
                    {
                        "epoch": epoch,
                        "step": step,
                        "minutes": round(mins, 1),
                        "loss": round(float(losses.get("ner", 0.0)), 1),
                        "dev_f": round(float(f), 4),
                    }
                )
                log(
                    f"epoch {epoch} step {step} {mins:.1f} min loss {losses.get('ner', 0):.0f} dev F1 {f:.4f}"
                )
                losses = {}
                if f > best_f:
                    best_f = f
                    with nlp.use_params(optimizer.averages):
                        nlp.to_disk(out)
            if time.monotonic() > deadline or (max_steps is not None and step >= max_steps):
                stop = True
                break
    f = evaluate()
    if f > best_f:
        best_f = f
        with nlp.use_params(optimizer.averages):
            nlp.to_disk(out)
    info = {
        "seed": seed,
        "epochs": epoch,
        "steps": step,
        "train_sentences": len(train_ex),
        "dev_sentences": len(dev_data),
        "best_dev_f": round(float(best_f), 4),
        "minutes": round((time.monotonic() - started) / 60, 1),
        "history": history,
        "spacy": spacy.__version__,
    }
    (out / "training.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    return info


def write_bio_tsv(examples: Iterable[CorpusExample], path: Path) -> Path:
    """``char<TAB>tag`` lines (BIO tags), blank line between sentences: HanLP's TSV format.
    BIO rather than IOBES: HanLP's BIO decoder tolerates the ill-formed sequences a small
    model emits, its IOBES decoder raises on them."""
    with Path(path).open("w", encoding="utf-8") as f:
        for text, spans in examples:
            tags = ["O"] * len(text)
            for s, e, label in spans:
                tags[s] = f"B-{label}"
                tags[s + 1 : e] = [f"I-{label}"] * (e - s - 1)
            for ch, tag in zip(text, tags, strict=True):
                if ch.strip():  # HanLP's reader splits on whitespace: a space cannot be a token
                    f.write(f"{ch}\t{tag}\n")
            f.write("\n")
    return Path(path)


def train_hanlp(
    out: Path,
    *,
    n_train: int = 400,
    n_dev: int = 100,
    epochs: int = 3,
    embed: int = 32,
    hidden: int = 32,
    seed: int = 0,
    cache_dir: Path | None = None,
) -> Path:
    """A deliberately tiny HanLP char-level BiLSTM-CRF NER (RNNNamedEntityRecognizer, random
    embeddings, so nothing is downloaded) on a slice of MSRA train. It exists to test the
    HanLP loading path with a model the project can make offline, not to be accurate."""
    import tempfile

    import torch
    from hanlp.components.ner.rnn_ner import RNNNamedEntityRecognizer

    torch.manual_seed(seed)
    data = msra("train", cache_dir=cache_dir)
    random.Random(seed).shuffle(data)
    with tempfile.TemporaryDirectory() as tmp:
        trn = write_bio_tsv(data[n_dev : n_dev + n_train], Path(tmp) / "train.tsv")
        dev = write_bio_tsv(data[:n_dev], Path(tmp) / "dev.tsv")
        ner = RNNNamedEntityRecognizer()
        ner.fit(
            str(trn),
            str(dev),
            str(out),
            epochs=epochs,
            embed=embed,
            rnn_hidden=hidden,
            rnn_input=None,
            batch_size=32,
            devices=[-1],
            tagging_scheme="BIO",
            verbose=False,
        )
    return Path(out)


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


# ---------------------------------------------------------------- command line

app = typer.Typer(
    add_completion=False, rich_markup_mode=None, help="Train kg's statistical NER models."
)


@app.command("spacy")
def spacy_cmd(
    out: Annotated[Path, typer.Option(help="Where to save the pipeline.")] = Path(
        "models/zh_msra_ner"
    ),
    max_minutes: Annotated[float, typer.Option(help="Stop training after this long.")] = 30.0,
    max_epochs: Annotated[int, typer.Option(help="Stop after this many epochs.")] = 30,
    max_steps: Annotated[int | None, typer.Option(help="Stop after N batches of 32.")] = None,
    max_train: Annotated[int | None, typer.Option(help="Use only N training sentences.")] = None,
    seed: Annotated[int, typer.Option(help="Random seed (shuffle, dev split, init).")] = 0,
) -> None:
    """Train the char-level spaCy NER on MSRA train (best dev checkpoint kept)."""
    info = train_spacy(
        out,
        max_minutes=max_minutes,
        max_epochs=max_epochs,
        max_steps=max_steps,
        seed=seed,
        max_train=max_train,
    )
    typer.echo(f"saved {out} ({dir_size(out) / 1e6:.1f} MB), best dev F1 {info['best_dev_f']}")


@app.command("tagger")
def tagger_cmd(
    out: Annotated[Path, typer.Option(help="Where to save the tagger.")] = Path("models/kg_tagger"),
    data: Annotated[
        Path | None, typer.Option(help="The folder holding cluener/ and resume/.")
    ] = None,
    epochs: Annotated[int, typer.Option(min=1, help="Epochs; the best dev epoch is kept.")] = 6,
    seed: Annotated[int, typer.Option(help="Random seed (batches, dropout, init).")] = 0,
    limit: Annotated[int | None, typer.Option(min=1, help="Use only N training sentences.")] = None,
    threads: Annotated[int, typer.Option(min=1, help="CPU threads torch may use.")] = 2,
    with_pku: Annotated[
        bool,
        typer.Option(
            help="Also train on People's Daily of January 1998 (PERSON and LOC, partial labels); "
            "measured, not the default: see models/kg_tagger/README.md."
        ),
    ] = False,
    swap_names: Annotated[
        float,
        typer.Option(
            min=0.0,
            max=1.0,
            help="Add copies of this share of the MSRA sentences that name a person, each name "
            "swapped for another of the set's; measured, not the default (models/kg_tagger).",
        ),
    ] = 0.0,
) -> None:
    """Train kg's default entity tagger (PERSON/ORG/LOC/TITLE) on MSRA, CLUENER and Resume:
    a head on LAC's encoder, exported as ONNX (needs torch and onnx: pip install kg\\[train])."""
    try:
        from kg.train_tagger import train as train_tagger
    except ImportError as exc:
        raise typer.BadParameter(
            f"training needs torch: pip install torch==2.13.0 ({exc})"
        ) from exc
    card = train_tagger(
        out,
        data_dir=data,
        epochs=epochs,
        seed=seed,
        limit=limit,
        threads=threads,
        with_pku=with_pku,
        swap_names=swap_names,
        progress=typer.echo,
    )
    typer.echo(
        f"saved {out} ({dir_size(out) / 1e6:.1f} MB), best mean dev F1 {card['best_mean_dev_f1']:.3f}"
    )


@app.command("hanlp")
def hanlp_cmd(
    out: Annotated[Path, typer.Option(help="Where to save the HanLP component.")],
    n_train: Annotated[int, typer.Option(help="Training sentences.")] = 400,
    epochs: Annotated[int, typer.Option(help="Epochs.")] = 3,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
) -> None:
    """Train a tiny HanLP NER (needs pip install kg\\[hanlp]) to exercise its loading path."""
    train_hanlp(out, n_train=n_train, epochs=epochs, seed=seed)
    typer.echo(f"saved {out} ({dir_size(out) / 1e6:.2f} MB)")


if __name__ == "__main__":
    app()
