"""Blind pages: written and annotated by someone who had not read the extraction rules.

``tests/data/blind/<stem>.txt`` are composed pages in the print layout of the seeds, from places
used nowhere else in the project (a Sichuan prefecture city, a Jiangxi county, a Jiangsu district's
investment page, Fujian province, a public-security/court/hospital page from Heilongjiang);
``<stem>.json`` are their gold annotations (format: tests/data/gold, guide: docs/annotation.md).
The gold was final before the extractor was first run on the pages, and was not changed after.
Whoever changes the rules should not read these pages or tune rules to single lines of the
printed report: the figures are only worth something while the rules are not fitted to them.
docs/blind.md says how the pages were made, what they scored, and summarises the error kinds.
"""

from __future__ import annotations

from pathlib import Path

from page_sets import PageSet, PageSetTests


class TestBlind(PageSetTests):
    page_set = PageSet(Path(__file__).parent / "data" / "blind", min_pages=5)
    # Floors: a few points under the figures now (docs/blind.md). The blind runs gave entity F1
    # 0.878 (de57b1c) and 0.882 (eca3f66); the pages were then used to fix general errors, so they
    # are development data now (0.947, roles 1.000, role org accuracy 0.986 at 0dac3c1).
    # kg's tagger became the default; its entities on these in-house pages are 1-2 points under
    # LAC's, whose rules were tuned on them, and 14 points over it on MSRA (docs/benchmarks.md).
    entity_f1_floor = 0.90
    role_f1_floor = 0.97
    role_org_accuracy_floor = 0.95
