"""Third blind set: written and annotated by someone who had not read the extraction rules.

``tests/data/blind3/<stem>.txt`` are composed pages in the print layout of the seeds, from places
used nowhere else in the project (a Guizhou prefecture city, a Zhejiang county, a Foshan district's
investment page, Gansu province, an ecology/water page from a Hubei city); ``<stem>.json`` are
their gold annotations (format: tests/data/gold, guide: docs/annotation.md). The gold was final
before the extractor was first run on the pages (sha256 sums in docs/blind3.md). Whoever changes
the rules should not read these pages, or any error report on them, until the rules work is done.
docs/blind3.md says how the pages were made.

Only the gold checks are here for now: the scoring test (with floors) is added after the first
blind run, as for the second set.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from page_sets import PageSet

BLIND3 = PageSet(Path(__file__).parent / "data" / "blind3", min_pages=5)


def test_blind3_has_pages() -> None:
    BLIND3.check_pages()


@pytest.mark.parametrize("stem", BLIND3.stems)
def test_blind3_page_size_and_home_city(stem: str) -> None:
    BLIND3.check_size_and_home_city(stem)


@pytest.mark.parametrize("stem", BLIND3.stems)
def test_blind3_surface_forms_occur(stem: str) -> None:
    BLIND3.check_surface_forms_occur(stem)


@pytest.mark.parametrize("stem", BLIND3.stems)
def test_blind3_forms_are_unique(stem: str) -> None:
    BLIND3.check_forms_are_unique(stem)


@pytest.mark.parametrize("stem", BLIND3.stems)
def test_blind3_roles_refer_to_entities(stem: str) -> None:
    BLIND3.check_roles_refer_to_entities(stem)
