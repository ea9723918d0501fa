"""Build a spaCy Doc from (word, tag) sequences produced per sentence."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

# Model label -> our label. Anything not listed is not an entity (TIME, nr/ns/nt POS etc).
LABELS = {
    "PER": "PERSON",
    "PERSON": "PERSON",
    "NR": "PERSON",
    "LOC": "LOC",
    "GPE": "LOC",
    "NS": "LOC",
    "ORG": "ORG",
    "NT": "ORG",
    "ORGANIZATION": "ORG",
    "LOCATION": "LOC",
}

# Posts and job titles a model tags (kg's tagger): kept beside the entities, for the roles.
TITLE = "TITLE"
TITLE_GROUP = "model_titles"

_VOCAB: Vocab | None = None


def shared_vocab() -> Vocab:
    global _VOCAB
    if _VOCAB is None:
        import spacy

        _VOCAB = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}}).vocab
    return _VOCAB


def build_doc(
    vocab: Vocab,
    pieces: Iterable[tuple[str, Sequence[tuple[str, str]], Sequence[tuple[int, int, str]]]],
) -> Doc:
    """``pieces`` is, in text order, (segment text, [(word, pos)], [(start, end, label)])
    where entity offsets are character offsets inside the segment. A segment whose words
    do not concatenate to its text is re-tokenised character by character (never lose text).
    The first word of each segment starts a sentence.
    """
    words: list[str] = []
    tags: list[str] = []
    sent_starts: list[bool] = []
    char_ents: list[tuple[int, int, str]] = []
    offset = 0
    for seg_text, seg_words, seg_ents in pieces:
        if not seg_text:
            continue
        seg = list(seg_words)
        if "".join(w for w, _ in seg) != seg_text:
            seg = [(ch, "x") for ch in seg_text]
        for i, (w, t) in enumerate(seg):
            if not w:
                continue
            words.append(w)
            tags.append(t or "x")
            sent_starts.append(i == 0)
        for s, e, label in seg_ents:
            char_ents.append((offset + s, offset + e, label))
        offset += len(seg_text)
    doc = Doc(vocab, words=words, spaces=[False] * len(words), tags=tags, sent_starts=sent_starts)
    _set_entities(doc, char_ents)
    return doc


def _set_entities(doc: Doc, char_ents: list[tuple[int, int, str]]) -> None:
    """The model's entities as doc.ents (overlaps resolved by spaCy's filter_spans), its titles
    as the TITLE span group; a span is widened to the tokens it touches."""
    from spacy.util import filter_spans

    spans: list[Span] = []
    titles: list[Span] = []
    for s, e, label in char_ents:
        if label == TITLE:
            title = doc.char_span(s, e, label=TITLE, alignment_mode="expand")
            if title is not None:
                titles.append(title)
            continue
        mapped = LABELS.get(label.upper())
        if mapped is None:
            continue
        span = doc.char_span(s, e, label=mapped, alignment_mode="expand")
        if span is not None and span.text.strip():
            spans.append(span)
    doc.ents = filter_spans(spans)
    if titles:
        doc.spans[TITLE_GROUP] = titles


Tagger = Callable[[str], tuple[Sequence[tuple[str, str]], Sequence[tuple[int, int, str]]]]


def doc_from_sentences(vocab: Vocab, text: str, sentences: Sequence, tag: Tagger) -> Doc:
    """Tag each sentence with ``tag`` (text -> words with POS, entity char spans) and build one Doc
    for the whole text."""
    return doc_from_tagged(vocab, text, sentences, [tag(sent.text) for sent in sentences])


def doc_from_tagged(
    vocab: Vocab,
    text: str,
    sentences: Sequence,
    tagged: Sequence[tuple[Sequence[tuple[str, str]], Sequence[tuple[int, int, str]]]],
) -> Doc:
    """One Doc for the whole text from each sentence's (words with POS, entity char spans); what
    lies between sentences (newlines, spaces) becomes whitespace tokens."""
    pieces = []
    cursor = 0
    for sent, (words, ents) in zip(sentences, tagged, strict=True):
        if sent.start > cursor:
            gap = text[cursor : sent.start]
            pieces.append((gap, [(gap, "w")], []))
        pieces.append((sent.text, words, ents))
        cursor = sent.end
    if cursor < len(text):
        tail = text[cursor:]
        pieces.append((tail, [(tail, "w")], []))
    return build_doc(vocab, pieces)


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc: spaCy joins every token on each access, and the rules
    ask for it per entity (it was a fifth of extraction time)."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text
