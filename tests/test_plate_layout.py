"""A plate reader's grid of wells refused as one (lab QA round 16 #8: its title was read as a
header and each row blamed on 'a decimal comma?', or the file got the generic 'no header')."""

from __future__ import annotations

import re

import pytest

from panelcli.check import check_file


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("IL-6 (pg/mL) plate 1,,,,\n,1,2,3,4\nA,12.1,3.4,45.0,1.1\nB,2.2,3.3,4.4,5.5\n", 2),
        (",1,2,3,4\nA,12.1,3.4,45.0,1.1\nB,2.2,3.3,4.4,5.5\nC,1,1,1,1\n", 1),
        ("Plate 7 read 2026-03-02\n\n<>;1;2;3\nA;1,1;2;3\nB;1;2;3\n", 3),
    ],
)
def test_a_plate_layout_is_refused_as_one(write_csv, text: str, line: int) -> None:
    """Lab QA round 16 #8: a plate reader's grid was blamed on 'a decimal comma?' (its title
    read as a header) or got the generic 'no header'."""
    [refused] = check_file(write_csv(text)).rejected
    assert (refused.code, refused.line) == ("file-unreadable", line)
    assert re.search(r"starts a plate layout \(rows A-[BC], columns 1-[34]", refused.message)
    assert "decimal comma" not in refused.message


def test_a_sample_row_of_one_two_three_is_no_plate(write_csv) -> None:
    path = write_csv("Sample,IL-6 (pg/mL),IL-8 (pg/mL),IL-10 (pg/mL)\nS0,1,2,3\nA,5,6,7\nB,5,6,7\n")
    assert [p.sample_id for p in check_file(path).panels] == ["S0", "A", "B"]


@pytest.mark.parametrize(
    "header", ["Sample,IL-6 (pg/mL),IL-8 (pg/mL),IL-10 (pg/mL)", "Sample,IL-6,IL-6,IL-6"]
)
def test_a_header_of_columns_over_a_row_of_one_two_three_is_no_plate(write_csv, header) -> None:
    """Review: a wide file whose first row had no id and 1, 2, 3 (or replicate numbers under
    one marker's columns), over samples A and B, was refused as a plate: only a title (one
    named cell) over a grid is one."""
    report = check_file(write_csv(f"{header}\n,1,2,3\nA,5,6,7\nB,5,6,7\n"))
    assert not [r for r in report.rejected if r.code == "file-unreadable"]
