"""QA (lab round): reading a lab's file as it is written.

- A wide file's column named by a marker panelcli knows (any bundled set, the explanations)
  is a marker column under every set: a value the set has no range for is a no_reference
  result, as in the long layout, never a column dropped as 'not a known marker'.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from panelcli.check import CheckOptions, Interpreter, ResultRow, check_file
from panelcli.cli import app
from panelcli.models import Issue, Result, Status
from panelcli.ranges import ReferenceSet, load_ranges
from panelcli.reading import map_header

ARUP = load_ranges("arup-3002601")  # IL-6 ≤ 2.5 pg/mL; no GM-CSF, no IL-12 p70
MAYO = load_ranges("mayo-adult")  # no IL-8
runner = CliRunner()


def judged(path: str, ranges: ReferenceSet = ARUP, **options: str) -> list[Result | Issue]:
    interpreter = Interpreter(ranges, CheckOptions(**options))
    return [e.to_result() if isinstance(e, ResultRow) else e for e in interpreter.stream([path])]


# --- a wide column named by a marker the set in use has no range for ---------------------------


def test_every_marker_panelcli_knows_names_a_marker() -> None:
    from panelcli.explain import names_a_marker  # here: new with this fix

    for name in ("GM-CSF", "GMCSF", "IL-12 p70", "IL-8", "CXCL8", "CRP", "Ferritin", "IL-6"):
        assert names_a_marker(name), name
    for name in ("Comment", "Sample", "Plate", "Well", "Dilution", "IL-99"):
        assert not names_a_marker(name), name


def test_a_wide_header_reads_the_columns_of_markers_the_set_does_not_know() -> None:
    interpreter = Interpreter(ARUP, CheckOptions())
    layout = map_header(
        ["Sample", "IL-6", "GM-CSF", "IL-12 p70", "Plate"], interpreter.known_marker
    )
    assert layout is not None and layout.kind == "wide"
    assert [name for name, _ in layout.markers.values()] == ["IL-6", "GM-CSF", "IL-12 p70"]
    assert layout.ignored == ["Plate"]


def test_a_header_of_markers_no_set_in_use_knows_is_still_a_wide_header() -> None:
    # Under ARUP, not one column's marker has a range; each is read all the same.
    interpreter = Interpreter(ARUP, CheckOptions())
    layout = map_header(["Sample", "GM-CSF", "CRP"], interpreter.known_marker)
    assert layout is not None and layout.kind == "wide"
    assert len(layout.markers) == 2


def test_wide_columns_the_set_has_no_range_for_are_no_reference_results(write_csv) -> None:
    path = write_csv("Sample,IL-6,GM-CSF,IL-12 p70\nN1,3,30,5\n")
    found = judged(path, assume_unit="pg/mL")
    results = [e for e in found if isinstance(e, Result)]
    assert [(r.marker, r.value, r.status) for r in results] == [
        ("IL-6", 3.0, Status.HIGH),
        ("GM-CSF", 30.0, Status.NO_REFERENCE),
        ("IL-12 p70", 5.0, Status.NO_REFERENCE),
    ]
    assert not [e for e in found if isinstance(e, Issue) and e.code == "column-ignored"]


def test_an_il8_column_under_mayo_is_read_as_the_long_layout_reads_it(write_csv) -> None:
    wide = write_csv("Sample,IL-6,IL-8\nN1,3,20\n", name="wide.csv")
    long = write_csv("sample_id,marker,value\nN1,IL-6,3\nN1,IL-8,20\n", name="long.csv")

    def seen(path: str) -> list[tuple[str | None, float | None, Status]]:
        return [
            (r.marker, r.value, r.status)
            for r in judged(path, MAYO, assume_unit="pg/mL")
            if isinstance(r, Result)
        ]

    assert (
        seen(wide)
        == seen(long)
        == [
            ("IL-6", 3.0, Status.NORMAL),
            ("IL-8", 20.0, Status.NO_REFERENCE),
        ]
    )


def test_check_and_validate_name_every_marker_column(write_csv) -> None:
    path = write_csv("Sample,IL-6,GM-CSF,IL-12 p70\nN1,3,30,5\n")
    checked = runner.invoke(app, ["check", path, "--assume-unit", "pg/mL", "-f", "ndjson"])
    lines = [json.loads(line) for line in checked.stdout.splitlines()]
    assert [(r["marker"], r["status"]) for r in lines if "status" in r] == [
        ("IL-6", "high"),
        ("GM-CSF", "no_reference"),
        ("IL-12 p70", "no_reference"),
    ]
    assert "not a known marker" not in checked.stdout + checked.stderr
    validated = runner.invoke(app, ["validate", path, "--assume-unit", "pg/mL"])
    assert "not a known marker" not in validated.stdout + validated.stderr
    assert "GM-CSF" in validated.stdout  # its result has no range: said, not silent
    mayo = runner.invoke(
        app, ["check", path, "--ranges", "mayo-adult", "--assume-unit", "pg/mL", "-f", "ndjson"]
    )
    assert [json.loads(line).get("marker") for line in mayo.stdout.splitlines()][:3] == [
        "IL-6", "GM-CSF", "IL-12 p70",
    ]  # fmt: skip


# --- a range cell with its unit in brackets ------------------------------------------------------


def test_a_range_cells_unit_may_be_in_brackets_as_a_headers_is() -> None:
    from panelcli.values import LabRange, parse_lab_range

    for text in ("0-7 (pg/mL)", "0-7 [pg/mL]", "0-7 {pg/mL}", "0-7(pg/mL)", "0 - 7 ( pg/mL )"):
        assert parse_lab_range(text) == LabRange(0.0, 7.0, "pg/mL"), text
    assert parse_lab_range("<7,5 (pg/mL)", decimal_comma=True) == LabRange(
        None,
        7.5,
        "pg/mL",
        high_exclusive=True,  # '<' leaves its limit out
    )
    assert parse_lab_range(">=2 [ng/L]") == LabRange(2.0, None, "ng/L")
    # a remark, not a unit: still not read ('(serum)' is a blood specimen, left off since lab
    # QA round 9: see test_lab_qa_round9.py)
    assert parse_lab_range("0-7 (fasting)") is None
    # brackets that do not match are the unit as written: said, never read as pg/mL
    assert parse_lab_range("0-7 (pg/mL]") == LabRange(0.0, 7.0, "(pg/mL]")


def test_the_labs_range_with_a_bracketed_unit_judges_the_row(write_csv) -> None:
    path = write_csv(
        "sample_id;marker;value;unit;reference_range\n"
        "R4;IL-6;5;pg/mL;0-7 (pg/mL)\n"
        "R5;IL-6;5;pg/mL;0-7 [pg/mL]\n"
        "R6;IL-6;0,005;ng/mL;<0,007 (ng/mL)\n"
    )
    for short in (True, False):
        interpreter = Interpreter(ARUP, CheckOptions(), short_path=short)
        found = [
            e.to_result() if isinstance(e, ResultRow) else e for e in interpreter.stream([path])
        ]
        results = [e for e in found if isinstance(e, Result)]
        assert [(r.sample_id, r.status) for r in results] == [
            ("R4", Status.NORMAL), ("R5", Status.NORMAL), ("R6", Status.NORMAL),
        ]  # fmt: skip
        assert all(r.reference is not None and r.reference.origin == "file" for r in results)
        codes = {e.code for e in found if isinstance(e, Issue)}
        assert "range-unreadable" not in codes and "range-disagrees" in codes


# --- year-first slashed dates --------------------------------------------------------------------


def test_a_year_first_slashed_date_is_read_in_iso_order() -> None:
    from datetime import datetime

    from panelcli.trends import may_be_one_moment, read_date

    assert read_date("2026/03/14") == datetime(2026, 3, 14)
    assert read_date("2026/3/4") == datetime(2026, 3, 4)  # never 3 April read as 4 March
    assert read_date("2026/03/14 08:30") == datetime(2026, 3, 14, 8, 30)
    assert read_date("2026/03/14T08:30:15") == datetime(2026, 3, 14, 8, 30, 15)
    assert read_date("2026/3/4 8:30 PM") == datetime(2026, 3, 4, 20, 30)
    for impossible in ("2026/14/03", "2026/02/30", "2026/0/1", "26/03/14"):
        assert read_date(impossible) is None, impossible
    assert may_be_one_moment("2026/03/14", "14/03/2026")
    assert may_be_one_moment("2026/03/14", "2026-03-14T08:30")
    assert not may_be_one_moment("2026/03/04", "2026-04-03")


def test_one_sample_dated_year_first_and_day_first_is_no_conflict(write_csv) -> None:
    path = write_csv(
        "sample_id,patient_id,marker,value,unit,collected_at,birth_date\n"
        "S1,P1,IL-6,2,pg/mL,2026/03/14,1961/03/15\n"
        "S1,P1,IL-8,3,pg/mL,14/03/2026,1961/03/15\n"
    )
    found = judged(path)
    assert not [e for e in found if isinstance(e, Issue) and e.code == "sample-conflict"]
    assert not [e for e in found if isinstance(e, Issue) and e.code == "person-unreadable"]
    assert len([e for e in found if isinstance(e, Result)]) == 2
    validated = runner.invoke(app, ["validate", path])
    assert "sample-conflict" not in validated.stdout, validated.stdout
    assert validated.exit_code == 0


@pytest.mark.parametrize("assume_unit", [None, "pg/mL"])
def test_a_label_line_naming_a_marker_above_the_header_is_preamble(
    write_csv, assume_unit: str | None
) -> None:
    """QA (regression round): 'Panel:,IL-6' was taken for a wide header, so 'Dilution:,4' was
    judged as an IL-6 of 4 (high) and the real header and rows after it were lost."""
    path = write_csv(
        "Panel:,IL-6\nDilution:,4\nsample_id,marker,value,unit\nL1,IL-6,1,pg/mL\n"
        if assume_unit
        else "Panel:,IL-6\nsample_id,collected_at,IL-6 (pg/mL),IL-8 (pg/mL)\nS1,2026-01-01,3,4\n"
    )
    report = check_file(path, options=CheckOptions(assume_unit=assume_unit))
    assert report.rejected == []
    assert [w.code for w in report.warnings] == ["preamble-skipped"]
    expected = [("L1", "IL-6", 1.0)] if assume_unit else [("S1", "IL-6", 3.0), ("S1", "IL-8", 4.0)]
    assert [(r.sample_id, r.marker, r.value) for p in report.panels for r in p.results] == expected
