"""The one place where spans compete: the model's entities stand, a rule span may fill a gap or
wrap a model entity but never cut one, and the longest span wins (spaCy's filter_spans)."""

from __future__ import annotations

import itertools
from bisect import bisect_right

from spacy.tokens import Span
from spacy.util import filter_spans


def _extends(span: Span, fixed: Span) -> bool:
    """A project that contains a fixed project: the route's section or upgrade (成绵高速公路 ->
    成绵高速公路复线, 沈海高速公路福州段扩容工程)."""
    return (
        span.label_ == fixed.label_ == "PROJECT"
        and span.start <= fixed.start
        and fixed.end <= span.end
    )


def merge_spans(model: list[Span], extra: list[Span], fixed: list[Span] = ()) -> list[Span]:
    """Model spans stand; an extra span is kept only if it does not cut one (it may contain it), and
    does not overlap a ``fixed`` span at all (a place chain cut off a company stays cut off)."""
    out = list(model)
    near_model, near_fixed = _overlapping(model), _overlapping(fixed)
    for span in extra:
        cuts = any(
            span.start < m.end
            and m.start < span.end
            and not (span.start <= m.start and m.end <= span.end)
            for m in near_model(span)
        ) or any(
            span.start < f.end and f.start < span.end and span != f and not _extends(span, f)
            for f in near_fixed(span)
        )
        if not cuts:
            out.append(span)
    return filter_spans(out)


def _overlapping(spans: list[Span]):
    """span -> the ``spans`` that may overlap it. Entities do not overlap one another, so sorted
    by start their ends are sorted too and a bisection finds the few near a span (checking every
    pair made a long article quadratic); spans that overlap are all returned."""
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    ends = [s.end for s in ordered]
    if any(b.start < a.end for a, b in itertools.pairwise(ordered)):
        return lambda span: ordered

    def near(span: Span) -> list[Span]:
        first = bisect_right(ends, span.start)  # the first that ends after span starts
        last = first
        while last < len(ordered) and ordered[last].start < span.end:
            last += 1
        return ordered[first:last]

    return near
