"""LAC's own PER words against the head's PERSON spans, on MSRA dev: would LAC's word fix the names
the head cuts or runs on (科科|申应 for 科科申, 科科申感谢李鹏 as one name)? Both come from the one
model call of the default tagger. Prints PERSON precision, recall and F1 of the head alone and of
three ways of giving LAC's word (three characters or more) the say:

- inside: where the head's spans lie inside LAC's word and cut it, LAC's word instead;
- wide: also where a head span runs across the word's edge;
- gaps: inside, and LAC's word where the head found nothing there.

    PYTHONPATH=. python benchmarks/lac_person_words.py
"""

from __future__ import annotations

from kg import corpora
from kg.extract.backends.lac import _in_parts
from kg.extract.backends.tagger import TaggerBackend, spans_of

Span = tuple[int, int, str]


def raw_outputs(texts: list[str]) -> list[tuple[list[tuple[str, str]], list[Span]]]:
    """Each text's LAC words and the head's spans, before any rule."""
    backend = TaggerBackend()

    def predict(part):
        outputs = backend._predict_outputs(part)
        filled = [i for i, text in enumerate(part) if text]
        paths = iter(backend._crf.decode([outputs[i][1][1] for i in filled]))
        return [
            (words, spans_of(next(paths), backend._crf.tags) if text else [])
            for text, (words, _) in zip(part, outputs, strict=True)
        ]

    return _in_parts(texts, predict)


def lac_persons(words: list[tuple[str, str]]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for word, tag in words:
        if tag == "PER" and len(word) >= 3:
            out.append((pos, pos + len(word)))
        pos += len(word)
    return out


def given_say(spans: list[Span], words: list[tuple[str, str]], way: str) -> list[Span]:
    out = list(spans)
    for start, end in lac_persons(words):
        inside = [s for s in out if s[0] < end and s[1] > start]
        if any(s[:2] == (start, end) for s in inside):
            continue
        within = all(start <= s[0] and s[1] <= end for s in inside)
        if (inside and (within or way == "wide")) or (not inside and way == "gaps"):
            out = [s for s in out if s not in inside] + [(start, end, "PERSON")]
    return out


def person_scores(gold: list[set[Span]], predicted: list[list[Span]]) -> str:
    tp = fp = fn = 0
    for g, p in zip(gold, predicted, strict=True):
        g = {s for s in g if s[2] == "PERSON"}
        p = {s for s in p if s[2] == "PERSON"}
        tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    return f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f} ({tp} right, {fp} wrong, {fn} missed)"


def main() -> None:
    examples = corpora.load("msra", "dev")
    texts, gold = [t for t, _ in examples], [set(s) for _, s in examples]
    outputs = raw_outputs(texts)
    print("head alone", person_scores(gold, [spans for _, spans in outputs]))
    for way in ("inside", "wide", "gaps"):
        predicted = [given_say(spans, words, way) for words, spans in outputs]
        print(f"LAC's word, {way}", person_scores(gold, predicted))


if __name__ == "__main__":
    main()
