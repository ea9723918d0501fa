"""json_text.dumps: json's compact text, faster; numpy numbers as plain numbers; NaN as null."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from kg.readwrite import json_text


def test_json_text_matches_json_on_plain_values() -> None:
    value = {
        "id": "ORG:聊城市公安局",
        "weight": 3.0,
        "n": 2,
        "ok": True,
        "tags": ["a", None],
        "t": (1, 2),
    }
    assert json.loads(json_text.dumps(value)) == json.loads(json.dumps(value))
    assert "聊城市公安局" in json_text.dumps(value)  # CJK unescaped
    assert " " not in json_text.dumps([1, 2, {"a": 1}])  # compact


def test_json_text_numpy_numbers_are_plain_numbers() -> None:
    text = json_text.dumps({"x": np.float64(1.5), "y": np.int64(2), "z": np.float32(0.25)})
    assert json.loads(text) == {"x": 1.5, "y": 2, "z": 0.25}


def test_json_text_nan_is_null_and_sets_fail_as_in_json() -> None:
    assert json_text.dumps([math.nan, math.inf]) == "[null,null]"
    with pytest.raises(TypeError):
        json_text.dumps({1, 2})
