"""kg's trained tagger: loads offline from models/, tags deterministically, scores as its card
says on a fixed dev sample, and fails with one line when its files are missing or damaged."""

from __future__ import annotations

import json
import socket

import pytest

from kg.extract.backends import BackendError, get_backend
from kg.extract.backends.tagger import DEFAULT_MODEL, TAGS, spans_of, split_words
from kg.schema import Sentence

needs_model = pytest.mark.skipif(
    not (DEFAULT_MODEL / "head.onnx").is_file(),
    reason="models/kg_tagger is not built (kg train tagger)",
)


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network is off in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture(scope="module")
def tagger():
    return get_backend("tagger")


def _entities(backend, text: str):
    doc = backend.make_doc(text, [Sentence(0, len(text), text)])
    titles = [(t.text, "TITLE") for t in doc.spans.get("model_titles", ())]
    return sorted([(e.text, e.label_) for e in doc.ents] + titles)


@needs_model
def test_tagger_loads_offline_and_finds_people_bodies_places_and_posts(no_network):
    backend = get_backend("tagger")
    found = _entities(backend, "国务院总理李强5日在北京会见美国总统拜登。")
    assert ("李强", "PERSON") in found
    assert ("北京", "LOC") in found
    assert ("总理", "TITLE") in found or ("国务院总理", "TITLE") in found


@needs_model
def test_tagger_tags_are_deterministic(tagger):
    texts = [
        "聊城市人民政府副市长张三到中通客车股份有限公司调研。",
        "叶利钦总统和江泽民主席在莫斯科会谈。",
    ]
    first = [_entities(tagger, t) for t in texts]
    again = [_entities(get_backend("tagger"), t) for t in texts]
    assert first == again and all(first)


@needs_model
def test_tagger_entities_are_whole_tokens(tagger):
    text = "北京市长和上海市委书记出席了会议。"
    doc = tagger.make_doc(text, [Sentence(0, len(text), text)])
    assert "".join(t.text for t in doc) == text
    for ent in list(doc.ents) + list(doc.spans.get("model_titles", ())):
        assert doc.char_span(ent.start_char, ent.end_char) is not None


@needs_model
@pytest.mark.parametrize("corpus", ["msra", "cluener", "resume"])
def test_tagger_scores_its_card_on_the_fixed_dev_sample(tagger, corpus):
    from kg.corpora import CORPUS_LABELS, CorpusError, load
    from kg.evaluate import ALL, evaluate_backend
    from kg.train_tagger import CARD_SAMPLE

    card = json.loads((DEFAULT_MODEL / "card.json").read_text(encoding="utf-8"))
    try:
        examples = load(corpus, "dev")[: CARD_SAMPLE[corpus]]
    except CorpusError as exc:
        pytest.skip(f"{corpus} data not here: {exc}")
    report = evaluate_backend(examples, tagger, CORPUS_LABELS[corpus])
    for label, (_, _, f1) in card["sample"][corpus].items():
        assert report.entities[label].f1 == pytest.approx(f1, abs=0.005), label
    assert report.entities[ALL].f1 > 0.5


def test_tagger_missing_model_is_one_clear_line(tmp_path):
    with pytest.raises(BackendError, match="kg train tagger") as exc:
        get_backend("tagger", model=str(tmp_path))
    assert "\n" not in str(exc.value)


@needs_model
@pytest.mark.parametrize("damage", ["head.onnx", "crf.json"])
def test_tagger_damaged_model_is_one_clear_line(tmp_path, damage):
    for name in ("head.onnx", "crf.json"):
        (tmp_path / name).write_bytes((DEFAULT_MODEL / name).read_bytes())
    (tmp_path / damage).write_bytes(b"\x00not a model")
    with pytest.raises(BackendError, match="kg train tagger") as exc:
        get_backend("tagger", model=str(tmp_path))
    assert str(tmp_path) in str(exc.value)


@pytest.mark.parametrize(
    "tags, spans",
    [
        (["B-PERSON", "I-PERSON", "O", "B-LOC"], [(0, 2, "PERSON"), (3, 4, "LOC")]),
        (["I-ORG", "I-ORG", "B-TITLE", "I-TITLE"], [(0, 2, "ORG"), (2, 4, "TITLE")]),
        (["B-ORG", "I-LOC", "O"], [(0, 1, "ORG"), (1, 2, "LOC")]),
        (["O", "O"], []),
    ],
)
def test_tagger_spans_of_bio_paths(tags, spans):
    assert spans_of([TAGS.index(t) for t in tags], TAGS) == spans


def test_tagger_split_words_at_entity_edges_keeps_text_and_pos():
    words = [("北京市长", "n"), ("张三", "PER")]
    assert split_words(words, {0, 2, 4}) == [("北京", "n"), ("市长", "n"), ("张三", "PER")]
    assert split_words(words, set()) == words


def test_tagger_training_masks_leave_unannotated_labels_open():
    from kg.train_tagger import Sentence as TrainSentence
    from kg.train_tagger import allowed

    sentence = TrainSentence("msra", "张三任市长", [(0, 2, "PERSON")])
    mask = allowed(sentence, frozenset({"PERSON", "LOC", "ORG"}))
    assert mask[0].tolist() == [t == "B-PERSON" for t in TAGS]
    # MSRA does not annotate posts: 市长 may be O or TITLE, never a PERSON/ORG/LOC it would have marked
    assert {TAGS[i] for i in mask[3].nonzero()[0]} == {"O", "B-TITLE", "I-TITLE"}


def test_tagger_training_masks_leave_any_span_free():
    from kg.train_tagger import Sentence as TrainSentence
    from kg.train_tagger import allowed

    sentence = TrainSentence(
        "pku1998", "中美张三", [(0, 1, "ANY"), (1, 2, "ANY"), (2, 4, "PERSON")]
    )
    mask = allowed(sentence, frozenset({"PERSON", "LOC"}))
    assert mask[0].all() and mask[1].all()
    assert mask[2].tolist() == [t == "B-PERSON" for t in TAGS]


def test_tagger_training_chunks_never_cut_an_entity():
    from kg.train_tagger import MAX_CHARS, chunks

    text = "甲" * (MAX_CHARS - 2) + "北京大学" + "，" + "乙" * 50
    spans = [(MAX_CHARS - 2, MAX_CHARS + 2, "ORG")]
    pieces = chunks(text, spans)
    assert "".join(p for p, _ in pieces) == text
    assert any(
        ("北京大学" in p and s == [(p.index("北京大学"), p.index("北京大学") + 4, "ORG")])
        for p, s in pieces
    )


def test_tagger_training_swaps_names_and_moves_the_spans_after_them():
    from kg.train_tagger import Sentence as TrainSentence
    from kg.train_tagger import swapped_names

    items = [
        TrainSentence(
            "msra", "甲国总统张三会见了李四。", [(0, 2, "LOC"), (4, 6, "PERSON"), (9, 11, "PERSON")]
        ),
        TrainSentence("msra", "司马相如在乙市。", [(0, 4, "PERSON"), (5, 7, "LOC")]),
        TrainSentence("cluener", "王五在丙公司。", [(0, 2, "PERSON"), (3, 6, "ORG")]),
    ]
    copies = swapped_names(items, 1.0, seed=0)
    assert copies == swapped_names(items, 1.0, seed=0)  # the same copies for a seed
    assert len(copies) == 2 and all(c.corpus == "msra" for c in copies)  # MSRA's only
    names = {"张三", "李四", "司马相如"}
    first, second = copies
    assert (first.text, second.text) != (items[0].text, items[1].text)  # some name was swapped
    (_, _, loc), (a, b, _), (c, d, _) = first.spans
    assert first.text[:a] == "甲国总统" and first.text[b:c] == "会见了" and first.text[d:] == "。"
    assert {first.text[a:b], first.text[c:d]} <= names and loc == "LOC"
    (a, b, _), (c, d, label) = second.spans
    assert second.text[a:b] in names and second.text[c:d] == "乙市" and label == "LOC"
    assert swapped_names(items, 0.0, seed=0) == []
