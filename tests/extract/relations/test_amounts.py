"""Amounts as written, normalised to yuan (relations/amounts.py)."""

from __future__ import annotations

import pytest

from kg.extract.relations import normalise_amount


@pytest.mark.parametrize(
    ("text", "yuan"),
    [
        ("10亿元", 1_000_000_000),
        ("3800万元", 38_000_000),
        ("1．2亿元", 120_000_000),
        ("5亿英镑", None),
        ("两亿元", 200_000_000),
        ("近亿元", None),
        ("数千万元", None),
    ],  # no figure stated: the written form only
)
def test_amounts_normalise_to_yuan(text, yuan):
    assert normalise_amount(text) == yuan
