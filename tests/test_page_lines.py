"""A paginated LIMS export repeats its title and header on each page and numbers the pages:
those lines are skipped with a warning naming them (QA: 'Page 1 of 2' and the title were read
as samples with no results, refused, and the run exited 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_whose_rows import events_in, results, warnings

PAGES = (
    "Cytokine report,,,\n"
    "Sample ID,Analyte,Result,Units\n"
    "S1,IL-6,3.5,pg/mL\n"
    "Page 1 of 2,,,\n"
    "Cytokine report,,,\n"
    "Sample ID,Analyte,Result,Units\n"
    "S1,IL-8,20,pg/mL\n"
    "Page 2 of 2,,,\n"
)


@pytest.mark.parametrize("short", [True, False])
def test_page_numbers_and_a_repeated_title_are_skipped(tmp_path: Path, short: bool) -> None:
    events = events_in(tmp_path, PAGES, short)
    assert [(r.line, r.marker) for r in results(events)] == [(3, "IL-6"), (7, "IL-8")]
    skipped = warnings(events, "page-line-skipped")
    assert [(w.line, w.severity) for w in skipped] == [
        (4, "warning"),
        (5, "warning"),
        (8, "warning"),
    ]
    assert skipped[1].message == (
        "'Cytokine report' is a page's number, print line or title, not a sample's row; it was "
        "skipped"
    )
    assert [e for e in events if getattr(e, "severity", None) == "error"] == []


@pytest.mark.parametrize(
    "line",
    ["Printed by: jdoe 2024-12-26 10:00", "Seite 2 von 3", "- 2 -", "page 3", "End of report",
     "Printed 2024-12-26;Page 1 of 2"],  # review: a print line and a page number, two cells
)  # fmt: skip
def test_a_wide_file_s_print_line_is_skipped(tmp_path: Path, line: str) -> None:
    text = f"Sample;IL-6 (pg/mL);IL-8 (pg/mL)\nS1;2,1;5\n{line};;\nS2;3;4\n"
    events = events_in(tmp_path, text)
    assert [w.line for w in warnings(events, "page-line-skipped")] == [3]
    assert [r.sample_id for r in results(events)] == ["S1", "S1", "S2", "S2"]


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize(
    "row",
    [
        "S2,,,",  # a sample's row that lost its marker: still refused
        "Cytokine,,,",  # not the title above the header
        "Page 1 of 2,IL-6,3,pg/mL",  # more than one cell: a sample's row, oddly named
    ],
)
def test_other_rows_are_not_page_lines(tmp_path: Path, short: bool, row: str) -> None:
    events = events_in(tmp_path, PAGES.replace("Page 1 of 2,,,", row), short)
    assert [w.line for w in warnings(events, "page-line-skipped")] == [5, 8]
