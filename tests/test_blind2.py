"""Second blind set: written and annotated by someone who had not read the extraction rules.

``tests/data/blind2/<stem>.txt`` are composed pages in the print layout of the seeds, from places
used nowhere else in the project (a Guangxi prefecture city, a Shanxi county, a Chengdu district's
investment page, Hainan province, an education/culture/health page from a Hunan city);
``<stem>.json`` are their gold annotations (format: tests/data/gold, guide: docs/annotation.md).
The gold was final before the extractor was first run on the pages (sha256 sums in
docs/blind2.md), and was not changed after. Whoever changes the rules should not read these
pages or the printed error report until the rules work is done: the figures are only worth
something while the rules are not fitted to them. docs/blind2.md says how the pages were made
and what they scored.
"""

from __future__ import annotations

from pathlib import Path

from page_sets import PageSet, PageSetTests


class TestBlind2(PageSetTests):
    page_set = PageSet(Path(__file__).parent / "data" / "blind2", min_pages=5)
    # Floors a few points under the figures at 0dac3c1 (0.964 / 1.000 / 0.985). The blind runs
    # (docs/blind2.md) gave 0.900 / 0.971 / 0.877 (8e0e424) and 0.911 / 0.987 / 0.937 (82448c6);
    # its errors were read afterwards, so it is development data since.
    # kg's tagger became the default; its entities on these in-house pages are 1-2 points under
    # LAC's, whose rules were tuned on them, and 14 points over it on MSRA (docs/benchmarks.md).
    entity_f1_floor = 0.91
    role_f1_floor = 0.97
    role_org_accuracy_floor = 0.95
