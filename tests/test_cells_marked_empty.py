"""Cells a spreadsheet marks as left empty ('-', 'n/a') where a value, comparator or unit
would be: read as blank where a blank means something (QA, lab-staff round of stop 44)."""

from __future__ import annotations

from pathlib import Path

from panelcli.check import CheckOptions, Interpreter
from panelcli.models import Issue, Result
from panelcli.ranges import load_ranges

RANGES = load_ranges(None)


def events(tmp_path: Path, text: str) -> list[Result | Issue]:
    path = tmp_path / "marked.csv"
    path.write_text(text, encoding="utf-8")
    return list(Interpreter(RANGES, CheckOptions()).events([str(path)]))


def errors(found: list[Result | Issue]) -> list[tuple[int | None, str]]:
    return [(e.line, e.code) for e in found if isinstance(e, Issue) and e.severity == "error"]


def test_a_dash_past_the_detection_range_is_no_number_its_words_are_read(tmp_path: Path) -> None:
    """MSD writes no number past the fit curve: a '-' there was 'not a number' (exit 2), as
    a blank or 'NaN' is not."""
    found = events(
        tmp_path,
        "Sample,Assay,Calc. Concentration,Detection Range,Conc. Unit\n"
        "P-03,IL-6,-,Above Detection Range,pg/mL\nP-03,IL-8,n/a,Below Detection Range,pg/mL\n"
        "P-03,IL-10,-,In Detection Range,pg/mL\n",
    )
    read = [(e.marker, e.comparator, e.status) for e in found if isinstance(e, Result)]
    assert read == [("IL-6", ">", "indeterminate"), ("IL-8", "<", "indeterminate")]
    assert errors(found) == [(4, "value-not-a-number")]  # measured, yet no number: refused


def test_a_comparator_cell_marked_empty_says_there_is_none(tmp_path: Path) -> None:
    found = events(
        tmp_path,
        "Sample ID,Test,Operator,Result,Units\nS1,IL-6,-,12,pg/mL\nS1,IL-8,n/a,3,pg/mL\n"
        "S1,IL-10,<,2,pg/mL\nS1,IL-2,~,2,pg/mL\n",
    )
    read = [(e.marker, e.value, e.comparator) for e in found if isinstance(e, Result)]
    assert read == [("IL-6", 12.0, None), ("IL-8", 3.0, None), ("IL-10", 2.0, "<")]
    assert errors(found) == [(5, "comparator-unreadable")]


def test_a_units_row_with_a_cell_marked_empty_is_still_the_units_row(tmp_path: Path) -> None:
    found = events(tmp_path, "Sample ID,IL-6,TNF-α,IL-8\nUnits,pg/mL,-,pg/mL\nS1,8.0,20,1.0\n")
    assert [(e.sample_id, e.marker, e.unit) for e in found if isinstance(e, Result)] == [
        ("S1", "IL-6", "pg/mL"), ("S1", "IL-8", "pg/mL")
    ]  # fmt: skip
    assert errors(found) == [(3, "unit-missing")]  # TNF-α: the units row gave it none
    # a row of marks alone is no units row: a sample's row of no values
    found = events(tmp_path, "Sample ID,IL-6,IL-8\nS0,-,-\nS1,8.0 pg/mL,1.0 pg/mL\n")
    assert errors(found) == [(2, "row-no-values")]


def test_a_status_unit_or_detection_range_cell_marked_empty_gives_none(tmp_path: Path) -> None:
    """QA: a status '-' got a result-status-unread warning on every row; a unit '-' was
    'not convertible, check its spelling'; a detection range 'n/a' was refused ('-' not)."""
    found = events(
        tmp_path,
        "Sample ID,Test,Result,Units,Result Status\nS1,IL-6,1,pg/mL,-\nS1,IL-8,3,n/a,n/a\n",
    )
    assert [e.marker for e in found if isinstance(e, Result)] == ["IL-6"]
    assert [(e.line, e.code) for e in found if isinstance(e, Issue)] == [(3, "unit-missing")]
    found = events(
        tmp_path,
        "Sample,Assay,Calc. Concentration,Detection Range,Conc. Unit\n"
        "P1,IL-6,12,-,pg/mL\nP1,IL-8,3,n/a,pg/mL\n",
    )
    assert [(e.marker, e.value) for e in found if isinstance(e, Result)] == [
        ("IL-6", 12.0), ("IL-8", 3.0)
    ]  # fmt: skip
    assert errors(found) == []


def test_no_result_words_are_quoted_as_the_cell_writes_them(tmp_path: Path) -> None:
    """QA: 'Cancelled' beside a flag column's '-' was quoted as 'Cancelled N'."""
    found = events(
        tmp_path,
        "Sample ID,Test,Result,Units,Flag\nS1,IL-6,Cancelled,pg/mL,-\nS1,IL-8,not run,pg/mL,\n",
    )
    said = [e.message for e in found if isinstance(e, Issue) and e.code == "result-not-given"]
    assert said == [
        "the value 'Cancelled' says this result was cancelled (no result); this result was not "
        "judged",
        "the value 'not run' says the test was not performed; this result was not judged",
    ]


def test_a_wide_marker_s_own_critical_column_says_what_it_is(tmp_path: Path) -> None:
    found = events(tmp_path, "Sample ID,IL-6 (pg/mL),IL-6 Critical High,IL-8 Panic\nS1,150,100,5\n")
    ignored = [e.message for e in found if isinstance(e, Issue) and e.code == "column-ignored"]
    assert len(ignored) == 2 and all(
        "it gives the lab's critical (panic) limits or marks" in message for message in ignored
    )


def test_a_long_row_s_dash_is_refused_with_a_hint_and_quoted_as_written(tmp_path: Path) -> None:
    """A long row is there to give a result: its '-' is refused (QA: as 'no result' it hid a
    result past the detection range, and withdrew a preliminary one), with a hint to say why
    in words; quoted with the flag written in the cell, not one a flag column gave (QA: '- H'
    was quoted '-', and '-' beside a flag column's 'N' as '- N')."""
    found = events(
        tmp_path,
        "sample_id,marker,value,unit,flag\nS1,IL-6,- H,pg/mL,\nS1,IL-8,-,pg/mL,N\n"
        "S1,IL-10,abc,pg/mL,H\n",
    )
    refused = [e.message for e in found if isinstance(e, Issue) and e.severity == "error"]
    hint = (
        "is not a number; a row with no result can say so in words ('Not tested', 'Cancelled'), "
        "which are read as the lab giving none"
    )
    assert refused == [
        f"value '- H' {hint}", f"value '-' {hint}", "value 'abc' is not a number"
    ]  # fmt: skip


def test_a_wide_cell_marked_empty_beside_a_flag_marked_empty_is_a_blank_cell(
    tmp_path: Path,
) -> None:
    """Review: '-' under 'IL-6 (pg/mL)' beside '-' under 'IL-6 Flag' (a flag column's 'no
    flag') was refused as a flagged value with none; an 'H' there still is."""
    found = events(tmp_path, "Sample,IL-6 (pg/mL),IL-6 Flag,IL-8 (pg/mL)\nS1,-,-,3\nS2,-,H,3\n")
    assert errors(found) == [(3, "value-missing")]
    blank = [e.message for e in found if isinstance(e, Issue) and e.code == "cells-blank"]
    assert blank == [
        "1 marker cell left blank or marked '-' was read as 'not measured' (the first on line 2)"
    ]
