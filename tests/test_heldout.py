"""Held-out pages from places other than Liaocheng, with gold annotations.

``tests/data/heldout/<stem>.txt`` are composed pages in the print layout of the seeds, from
other prefecture-level cities, counties, a province and an investment-promotion page;
``<stem>.json`` are their gold annotations (format: tests/data/gold). The gold files are
checked for consistency with their page, then the pipeline is run on each page and scored.
The score floor catches a regression on pages from other places; the printed report is what to read.
"""

from __future__ import annotations

from pathlib import Path

from page_sets import PageSet, PageSetTests


class TestHeldout(PageSetTests):
    page_set = PageSet(Path(__file__).parent / "data" / "heldout", min_pages=6)
    # A few points under what the pipeline scores now (0.958 / 1.000 at 0dac3c1): a rule change
    # that costs more than that on pages from other places fails here.
    # kg's tagger became the default; its entities on these in-house pages are 1-2 points under
    # LAC's, whose rules were tuned on them, and 14 points over it on MSRA (docs/benchmarks.md).
    entity_f1_floor = 0.91
    role_f1_floor = 0.97
    show_errors = 200
