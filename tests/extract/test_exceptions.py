"""Every row of lexicons/exceptions.tsv is a test: its example gives `found` and not `not_found`."""

import pytest

from kg.extract.rules import RULES_DIR, load_rules, read_exceptions

ROWS = read_exceptions(RULES_DIR / "exceptions.tsv")


def test_exceptions_every_row_names_a_context_the_code_reads() -> None:
    import kg.extract

    code = "".join(p.read_text(encoding="utf-8") for p in kg.extract.__path__ and _extract_files())
    assert ROWS
    for row in ROWS:
        assert f'"{row.context}"' in code, f"{row.surface}: no rule reads context {row.context!r}"
        assert row.surface in row.example and row.surface in load_rules().exceptions(row.context)


def _extract_files():  # type: ignore[no-untyped-def]
    from pathlib import Path

    return sorted(Path(RULES_DIR).parent.glob("*.py"))


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.context}-{r.surface}" for r in ROWS])
def test_exceptions_row_example(extract, row) -> None:  # type: ignore[no-untyped-def]
    found = {f"{m.type}:{m.text}" for m in extract(row.example).mentions}
    assert row.found in found, (row.reason, sorted(found))
    assert row.not_found not in found, (row.reason, sorted(found))


def test_exceptions_bad_row_is_one_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "exceptions.tsv"
    path.write_text("surface\tcontext\n县级\tnot_relative\tonly three\n", encoding="utf-8")
    with pytest.raises(
        ValueError, match=r"exceptions.tsv:2: expected 6 tab-separated fields, got 3"
    ):
        read_exceptions(path)
