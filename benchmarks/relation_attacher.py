"""A learned attacher measured against the clause patterns: logistic regression over candidate
(trigger, party, party) triples of the dev draws, trained leave-one-draw-out, so every draw is
scored by a model that never saw it. Candidates are the head mentions within two clauses of a
trigger with the types the relation allows; features are the order and clause distance of the
three, the characters around each, the joiners and prepositions between them and whether another
trigger stands in between. `--with-rules` adds whether the patterns found the pair (then the
model leans on rules fitted on every draw, the held-out one included). `--context` adds the
tagger's BiGRU states at the trigger and over each party (standardised); `--pku` trains and scores
over the People's Daily draws too (dev19 stays unread); `-C` sets the regularisation;
`--fallback` counts what the attacher would add where the patterns found nothing of that type.

Needs scikit-learn, which kg does not depend on: ``pip install scikit-learn``.

    PYTHONPATH=. python benchmarks/relation_attacher.py --score dev9 dev10 dev11 dev12 dev13 dev14 dev15
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from kg.extract import Extractor
from kg.extract.relations import load_triggers
from kg.extract.relations.lexicon import _trigger_re
from kg.extract.relations.sentence import _Sentence
from kg.relation_eval import DEFAULT_GOLD, SETS, _matches, load_gold
from kg.schema import Article, Sentence

DRAWS = ["dev"] + [f"dev{n}" for n in range(2, 16)]
PKU_DRAWS = [f"dev{n}" for n in range(16, 26) if n != 19] + ["heldout"]  # dev19 is never read
TYPES = {
    "visits": (("PERSON", "ORG"), ("LOC", "ORG", "PROJECT")),
    "meets": (("PERSON", "ORG", "LOC"), ("PERSON", "ORG", "LOC")),
    "signs_with": (("PERSON", "ORG", "LOC"), ("PERSON", "ORG", "LOC")),
    "invests_in": (("PERSON", "ORG", "LOC"), ("LOC", "ORG", "PROJECT")),
}


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2-3" if n <= 3 else "4+"


def _features(s, rel: str, t0: int, t1: int, a, b) -> dict:
    text = s.text
    index = {c: i for i, c in enumerate(s.clauses)}
    ia, ib, it = (index.get(s.clause_of(p), 0) for p in (a.start, b.start, t0))
    order = "".join(x for _, x in sorted([(a.start, "a"), (b.start, "b"), (t0, "t")]))
    f = {
        "rel": rel,
        "types": f"{rel}_{a.type}_{b.type}",
        "order": f"{rel}_{order}",
        "da": _bucket(abs(ia - it)),
        "db": _bucket(abs(ib - it)),
    }
    for name, pos in (("a", a.start), ("b", b.start), ("t", t0)):
        f[f"{name}-1"] = text[pos - 1 : pos] or "^"
        f[f"{name}-2"] = text[max(0, pos - 2) : pos]
    f["a+1"], f["b+1"], f["t+2"] = (
        text[a.end : a.end + 1],
        text[b.end : b.end + 1],
        text[t1 : t1 + 2],
    )
    for name, m in (("a", a), ("b", b)):
        between = text[min(m.end, t0) : max(m.start, t1)]
        f[f"len_{name}"] = _bucket(len(between) // 4)
        for ch in "、和与同在到赴对的，率会":
            if ch in between:
                f[f"{name}_{ch}"] = 1
    before = [h for h in s.heads if h.end <= t0]
    after = [h for h in s.heads if h.start >= t1]
    f["a_nearest"] = bool(before) and before[-1] is a
    f["b_first"] = bool(after) and after[0] is b
    f["trigger_between"] = (
        _trigger_re().search(text, min(a.end, b.end, t1), max(a.start, b.start, t0)) is not None
    )
    return f


def encoder_states(texts: list[str]) -> dict[str, object]:
    """text -> the tagger's BiGRU output per character (chars x 256): the head's own reading of
    the sentence, the context a hand feature cannot name."""
    import numpy as np
    import onnx
    import onnxruntime as ort

    from kg.extract.backends.lac import LacBackend
    from kg.extract.backends.tagger import HEAD_PREFIX, compose

    model = onnx.load_from_string(
        compose(LacBackend._model_root(None), Path("models/kg_tagger/head.onnx"))
    )
    name = HEAD_PREFIX + "/Transpose_3_output_0"
    model.graph.output.append(
        onnx.helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, None)
    )
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    lac = LacBackend()._lac
    out = {}
    for text in dict.fromkeys(texts):
        ids = np.array(
            [[lac._vocab.get(lac._q2b.get(c, c), lac._oov_id) for c in text]], dtype=np.int64
        )
        state = session.run(
            [name], {"token_ids": ids, "length": np.array([len(text)], dtype=np.int64)}
        )[0]
        out[text] = state.reshape(len(text), -1)
    return out


def _dense(state, t0: int, a, b):
    """The BiGRU state at the trigger and averaged over each party."""
    import numpy as np

    return np.concatenate(
        [state[t0], state[a.start : a.end].mean(0), state[b.start : b.end].mean(0)]
    )


def _candidates(s, rules, gold, with_rules: bool):
    """(features, is gold, (relation, source, target)) for every trigger and pair of heads near it."""
    index = {c: i for i, c in enumerate(s.clauses)}
    for t in _trigger_re().finditer(s.text):
        if any(m.start <= t.start() < m.end for m in s.mentions):
            continue
        rel = load_triggers()[t.group()]
        sources, targets = TYPES[rel]
        it = index.get(s.clause_of(t.start()), 0)
        near = [h for h in s.heads if abs(index.get(s.clause_of(h.start), 0) - it) <= 2]
        for a in near:
            for b in near:
                if a is b or a.text == b.text or a.type not in sources or b.type not in targets:
                    continue
                if rel in ("meets", "signs_with") and b.start < a.start:
                    continue  # either direction matches: one candidate per pair
                key = (rel, a.text, b.text)
                f = _features(s, rel, t.start(), t.end(), a, b)
                if with_rules:
                    f["rule"] = f"{rel}_{any(_matches(key, x) for x in rules)}"
                yield f, any(_matches(key, g) for g in gold), key, (t.start(), a, b)


def _score(pred_by: dict, gold_by: dict, keys) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for key in keys:
        free = list(gold_by[key])
        for p in pred_by.get(key, ()):
            hit = next((g for g in free if _matches(p, g)), None)
            if hit is None:
                fp += 1
            else:
                free.remove(hit)
                tp += 1
        fn += len(free)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _fmt(prf: tuple[float, float, float]) -> str:
    return "P {:.2f} R {:.2f} F1 {:.2f}".format(*prf)


def _collect(draws: list[str], *, with_rules: bool):
    """Per draw, the candidate triples with their features; per sentence, the gold and the
    patterns' relations and the finder's own view of its text."""
    sentences = {}
    keep = _Sentence.__init__

    def capture(
        self, text, mentions
    ):  # the finder's own view of each sentence: its heads and clauses
        keep(self, text, mentions)
        sentences[text] = self

    _Sentence.__init__ = capture
    extractor = Extractor()
    data, gold_by, rules_by = defaultdict(list), {}, {}
    texts = {}
    for draw in draws:
        rows = [r for name in SETS[draw] for r in load_gold(DEFAULT_GOLD / name)]
        articles = [
            Article(
                id=f"{draw}|{i}",
                source="gold",
                text=r["text"],
                sentences=[Sentence(0, len(r["text"]), r["text"])],
            )
            for i, r in enumerate(rows)
        ]
        for ex, row in zip(extractor.extract_many(articles), rows, strict=True):
            key = ex.article.id
            gold_by[key] = [(g["relation"], g["source"], g["target"]) for g in row["relations"]]
            rules_by[key] = {(x.relation, x.source, x.target) for x in ex.relations}
            s = sentences.get(row["text"])
            if s is not None:
                texts[key] = s.text
                data[draw] += [
                    (key, *c) for c in _candidates(s, rules_by[key], gold_by[key], with_rules)
                ]
    _Sentence.__init__ = keep
    return data, gold_by, rules_by, texts


def _matrix(rows, vec, scaler, *, fit: bool, states, texts):
    """Hand features, then (``--context``: ``states``) the BiGRU states standardised on the
    training draws."""
    sparse = vec.fit_transform([x[1] for x in rows]) if fit else vec.transform([x[1] for x in rows])
    if states is None:
        return sparse
    from scipy.sparse import csr_matrix, hstack

    dense = [_dense(states[texts[x[0]]], *x[4]) for x in rows]
    scaled = scaler.fit_transform(dense) if fit else scaler.transform(dense)
    return hstack([sparse, csr_matrix(scaled / 8)]).tocsr()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--score",
        nargs="+",
        default=DRAWS,
        choices=DRAWS + PKU_DRAWS,
        help="the draws the figures pool",
    )
    parser.add_argument("--with-rules", action="store_true")
    parser.add_argument(
        "--context",
        action="store_true",
        help="add the tagger's BiGRU states at the trigger and each party",
    )
    parser.add_argument(
        "--pku", action="store_true", help="train and score over the People's Daily draws too"
    )
    parser.add_argument(
        "-C", type=float, default=1.0, help="inverse regularisation of the regression"
    )
    parser.add_argument(
        "--fallback",
        action="store_true",
        help="count what the attacher adds where the patterns found nothing of that type",
    )
    args = parser.parse_args()
    draws = DRAWS + PKU_DRAWS if args.pku else DRAWS
    data, gold_by, rules_by, texts = _collect(draws, with_rules=args.with_rules)
    states = encoder_states(list(texts.values())) if args.context else {}

    def matrix(rows, vec, scaler, fit: bool):
        return _matrix(
            rows, vec, scaler, fit=fit, states=states if args.context else None, texts=texts
        )

    probs: dict[str, list] = defaultdict(list)
    for draw in args.score:
        train = [x for other in draws if other != draw for x in data[other]]
        vec, scaler = DictVectorizer(), StandardScaler()
        model = LogisticRegression(max_iter=3000, C=args.C).fit(
            matrix(train, vec, scaler, True), [x[2] for x in train]
        )
        if data[draw]:
            p = model.predict_proba(matrix(data[draw], vec, scaler, False))[:, 1]
            for x, pp in zip(data[draw], p, strict=True):
                probs[x[0]].append((x[3], pp, x[4][0]))
    keys = [k for k in gold_by if k.split("|")[0] in args.score]
    print(f"patterns (fitted on every draw): {_fmt(_score(rules_by, gold_by, keys))}")
    for th in (0.5, 0.7, 0.9):
        model_by = {k: {c for c, pp, _ in v if pp > th} for k, v in probs.items()}
        union = {k: rules_by[k] | model_by.get(k, set()) for k in keys}
        print(
            f"p > {th}: attacher alone {_fmt(_score(model_by, gold_by, keys))} "
            f"| with the patterns {_fmt(_score(union, gold_by, keys))}"
        )
    if args.fallback:
        _fallback(probs, gold_by, rules_by, keys)


def _fallback(probs: dict, gold_by: dict, rules_by: dict, keys: list[str]) -> None:
    """The attacher where the patterns found no relation of the trigger's type in the sentence:
    its best pair per trigger over each threshold, counted right when it finds a gold relation
    the patterns missed."""
    for th in (0.5, 0.6, 0.7, 0.8, 0.9):
        right = wrong = 0
        for k in keys:
            found = {r[0] for r in rules_by[k]}
            best: dict[int, tuple] = {}
            for key, pp, t0 in probs.get(k, ()):
                if key[0] not in found and pp > th and pp > best.get(t0, (None, 0.0))[1]:
                    best[t0] = (key, pp)
            missed = [g for g in gold_by[k] if not any(_matches(r, g) for r in rules_by[k])]
            for key, _ in best.values():
                hit = any(_matches(key, g) for g in missed)
                right += hit
                wrong += not hit
        print(f"fallback p > {th}: {right} right, {wrong} wrong added")


if __name__ == "__main__":
    main()
