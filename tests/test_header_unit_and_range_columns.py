"""A long file's value column that gives the unit in its header ('Concentration (pg/mL)'), and
the lab's range in a low and a high column ('Ref Low', 'Ref High'): core, both paths, CLI."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from panelcli.check import CheckOptions, Interpreter, ResultRow, StreamEvent, check_file
from panelcli.cli import app
from panelcli.models import Issue, Result, Status
from panelcli.ranges import load_ranges

RANGES = load_ranges("arup-3002601")  # IL-6: ≤ 2.5 pg/mL; IL-8: ≤ 9.4 pg/mL
runner = CliRunner()


def events(path: str, short: bool = True, **options: str) -> list[StreamEvent]:
    interpreter = Interpreter(RANGES, CheckOptions(**options), short_path=short)
    return list(interpreter.stream([path]))


def judged(path: str, short: bool = True) -> list[Result | Issue]:
    return [e.to_result() if isinstance(e, ResultRow) else e for e in events(path, short)]


def results(path: str) -> list[Result]:
    return [e for e in judged(path) if isinstance(e, Result)]


def results_of(path: Path, short: bool) -> list[Result]:
    return [e for e in judged(str(path), short) if isinstance(e, Result)]


def issues(path: str, code: str) -> list[Issue]:
    return [e for e in judged(path) if isinstance(e, Issue) and e.code == code]


# --- the unit in the value column's header ------------------------------------------------------


def test_a_value_columns_header_gives_the_unit_of_every_row(write_csv) -> None:
    path = write_csv("Sample,Analyte,Concentration (pg/mL)\nP1,IL-6,12.5\nP1,IL-8,4\n")
    found = results(path)
    assert [(r.marker, r.value, r.unit, r.status) for r in found] == [
        ("IL-6", 12.5, "pg/mL", Status.HIGH),
        ("IL-8", 4.0, "pg/mL", Status.NORMAL),
    ]
    assert [r.column for r in found] == ["Concentration (pg/mL)"] * 2
    assert [r.original_unit for r in found] == ["pg/mL", "pg/mL"]


def test_every_name_of_a_value_column_may_give_the_unit(write_csv) -> None:
    for header in ("Result [ng/L]", "Obs Conc (pg/ml)", "Calc. Concentration (pg/mL)",
                   "Value {pg/mL}", "Ergebnis (ng/mL)"):  # fmt: skip
        path = write_csv(f"Sample,Analyte,{header}\nP1,IL-6,2\n")
        assert [r.status for r in results(path)] == [
            Status.HIGH if "ng/mL" in header else Status.NORMAL
        ], header


def test_calc_concentration_with_a_unit_wins_over_a_bare_concentration(write_csv) -> None:
    """MSD: 'Concentration' is a standard's nominal value, 'Calc. Concentration' the result."""
    path = write_csv(
        "Sample,Analyte,Concentration,Calc. Concentration (pg/mL)\nX1,IL-6,100,98\nP1,IL-6,,2\n"
    )  # a row with the nominal value is a standard's, skipped
    assert [(r.value, r.column) for r in results(path)] == [(2.0, "Calc. Concentration (pg/mL)")]


def test_a_header_unit_panelcli_cannot_convert_refuses_the_rows_naming_the_column(
    write_csv,
) -> None:
    path = write_csv("Sample,Analyte,Result (IU/mL)\nP1,IL-6,12.5\n")
    [refused] = [e for e in judged(path) if isinstance(e, Issue) and e.severity == "error"]
    assert refused.code == "unit-not-convertible" and refused.column == "Result (IU/mL)"
    assert "IU/mL" in refused.message


def test_a_unit_column_beside_the_header_unit_must_agree_with_it(write_csv) -> None:
    path = write_csv(
        "Sample,Analyte,Result [ng/L],Unit\n"
        "P1,IL-6,12.5,pg/mL\n"  # the same unit by another name
        "P2,IL-6,3,ng/mL\n"  # another unit: either could be 1000 times off
        "P3,IL-6,4,\n"  # a blank cell: the header's
    )
    assert [(r.sample_id, r.original_unit) for r in results(path)] == [
        ("P1", "pg/mL"), ("P3", "ng/L")
    ]  # fmt: skip
    [conflict] = issues(path, "unit-conflict")
    assert (conflict.line, conflict.column, conflict.severity) == (3, "Unit", "error")
    assert "'Result [ng/L]' gives 'ng/L' but the unit column says 'ng/mL'" in conflict.message


def test_a_values_own_unit_wins_where_it_agrees_with_the_headers(write_csv) -> None:
    path = write_csv(
        "Sample,Analyte,Concentration (pg/mL)\nP1,IL-6,2 ng/L\nP2,IL-6,5 ng/mL\nP3,IL-6,<2\n"
    )
    assert [(r.sample_id, r.original_value) for r in results(path)] == [("P1", "2 ng/L"),
                                                                        ("P3", "<2")]  # fmt: skip
    [conflict] = issues(path, "unit-conflict")
    assert (conflict.line, conflict.column) == (3, "Concentration (pg/mL)")
    assert "the value '5 ng/mL' says 'ng/mL'" in conflict.message


def test_a_repeated_header_with_a_unit_is_seen_as_the_header(write_csv) -> None:
    path = write_csv(
        "Sample,Analyte,Concentration (pg/mL)\nP1,IL-6,2\nSample,Analyte,Concentration (pg/mL)\n"
        "P2,IL-6,3\n"
    )
    assert [r.sample_id for r in results(path)] == ["P1", "P2"]
    assert [i.line for i in issues(path, "header-repeated")] == [3]


def test_wide_files_keep_reading_their_headers_units(write_csv) -> None:
    path = write_csv("Sample,IL-6 (pg/mL),IL-8 (ng/L)\nP1,3,4\n")
    assert [(r.marker, r.original_unit) for r in results(path)] == [("IL-6", "pg/mL"),
                                                                    ("IL-8", "ng/L")]  # fmt: skip


# --- the lab's range in a low and a high column -------------------------------------------------


def test_ref_low_and_ref_high_are_the_rows_printed_range(write_csv) -> None:
    path = write_csv(
        "Accession,Test Name,Result,Units,Ref Low,Ref High\n"
        "A0001,IL-8,8,pg/mL,0,5\n"  # the lab's 0-5, not the set's ≤ 9.4
        "A0002,IL-6,3,pg/mL,,7\n"  # blank low: ≤ 7
        "A0003,IL-6,3,pg/mL,4,\n"  # blank high: '≥ 4', with no upper limit: the set's
        "A0004,IL-6,3,pg/mL,,\n"  # no range printed: the set's
    )
    found = results(path)
    assert [(r.status, r.reference.origin) for r in found] == [  # type: ignore[union-attr]
        (Status.HIGH, "file"), (Status.NORMAL, "file"), (Status.HIGH, "set"), (Status.HIGH, "set")
    ]  # fmt: skip
    assert [(r.reference.low, r.reference.high) for r in found[:2]] == [  # type: ignore[union-attr]
        (0.0, 5.0), (None, 7.0)
    ]  # fmt: skip
    disagree = issues(path, "range-disagrees")
    assert [(i.line, i.column) for i in disagree] == [
        (2, "Ref Low / Ref High"), (3, "Ref Low / Ref High")
    ]  # fmt: skip
    assert "the file's range '0-5'" in disagree[0].message and "'≤ 7'" in disagree[1].message
    [open_above] = issues(path, "range-unreadable")
    assert (open_above.line, open_above.column) == (4, "Ref Low / Ref High")
    assert "'≥ 4' gives no upper limit, and its low limit is not below" in open_above.message


def test_other_names_of_the_low_and_high_columns(write_csv) -> None:
    for low, high in (("Reference Low", "Reference High"), ("Normal Low", "Normal High"),
                      ("Lower Limit", "Upper Limit"), ("ref_low", "ref_high")):  # fmt: skip
        path = write_csv(f"sample_id,marker,value,unit,{low},{high}\nS1,IL-8,8,pg/mL,0,5\n")
        assert [r.status for r in results(path)] == [Status.HIGH], low
        assert not issues(path, "column-ignored")


def test_one_limit_column_alone_gives_a_one_sided_range(write_csv) -> None:
    path = write_csv("sample_id,marker,value,unit,Ref High\nS1,IL-8,8,pg/mL,5\n")
    assert [r.status for r in results(path)] == [Status.HIGH]
    assert [i.column for i in issues(path, "range-disagrees")] == ["Ref High"]


def test_an_unusable_range_from_the_limit_columns_is_said_and_the_sets_used(write_csv) -> None:
    path = write_csv(
        "sample_id,marker,value,unit,Ref Low,Ref High\n"
        "S1,IL-8,8,pg/mL,7,3\n"  # low above high
        "S2,IL-8,8,pg/mL,abc,5\n"  # not a number
    )
    assert [(r.status, r.reference.origin) for r in results(path)] == [  # type: ignore[union-attr]
        (Status.NORMAL, "set"), (Status.NORMAL, "set")
    ]  # fmt: skip
    unusable = issues(path, "range-unreadable")
    assert [(i.line, i.column) for i in unusable] == [(2, "Ref Low / Ref High")] * 1 + [
        (3, "Ref Low / Ref High")
    ]
    assert "low limit above its high limit" in unusable[0].message
    assert "'abc-5' is not in a form panelcli reads" in unusable[1].message


def test_decimal_commas_in_the_limit_columns_of_a_semicolon_file(write_csv) -> None:
    path = write_csv(
        "sample_id;marker;value;unit;Ref Low;Ref High\nS1;IL-6;2,5;pg/mL;0,5;2,0\n"
        "S2;IL-6;1.500;pg/mL;0;7\n"  # after the file's '0,5': '1.500' may be 1500
    )
    [first] = results(path)
    assert (first.status, first.reference.low, first.reference.high) == (  # type: ignore[union-attr]
        Status.HIGH, 0.5, 2.0
    )  # fmt: skip
    assert [i.line for i in issues(path, "value-ambiguous-dot")] == [3]


def test_a_comma_only_in_the_limit_columns_shows_the_files_decimal_mark(write_csv) -> None:
    path = write_csv("sample_id;marker;value;unit;Ref Low;Ref High\nS1;IL-6;2;pg/mL;0;2,5\n"
                     "S2;IL-6;1.500;pg/mL;;\n")  # fmt: skip
    assert [i.line for i in issues(path, "value-ambiguous-dot")] == [3]


def test_a_range_column_wins_over_limit_columns_which_are_said_unread(write_csv) -> None:
    path = write_csv(
        "sample_id,marker,value,unit,Reference range,Ref Low,Ref High\nS1,IL-6,3,pg/mL,0-7,0,2\n"
    )
    assert [r.status for r in results(path)] == [Status.NORMAL]
    ignored = issues(path, "column-ignored")
    assert [i.column for i in ignored] == ["Ref Low", "Ref High"]
    assert "the reference range column gives the lab's range" in ignored[0].message


def test_a_wide_file_does_not_read_limit_columns(write_csv) -> None:
    path = write_csv("Sample,IL-6 (pg/mL),Ref Low,Ref High\nP1,3,0,5\n")
    assert [(r.status, r.reference.origin) for r in results(path)] == [  # type: ignore[union-attr]
        (Status.HIGH, "set")
    ]
    ignored = issues(path, "column-ignored")
    assert [i.column for i in ignored] == ["Ref Low", "Ref High"]
    assert "one cell per row cannot say which marker" in ignored[0].message


# --- the short path gives the general path's output ---------------------------------------------

LIMITS = st.sampled_from(["", "", "0", "5", "7", "2,5", "0,5", "abc", "1.500", " 3 ", "<4"])
ROWS = st.lists(
    st.tuples(
        st.sampled_from(["S1", "S2", "S3"]),
        st.sampled_from(["IL-6", "IL-8", "TNF-α", "IL-66"]),
        st.sampled_from(["3", "12.5", "<2", "2,5", "5 ng/L", "5 ng/mL", "abc", "", "1.234"]),
        st.sampled_from(["", "", "pg/mL", "ng/L", "ng/mL", "IU/mL"]),
        LIMITS,
        LIMITS,
    ),
    min_size=1,
    max_size=25,
)
HEADERS = st.tuples(
    st.sampled_from(["Result", "Concentration (pg/mL)", "Result [ng/mL]", "Value (IU/mL)"]),
    st.sampled_from([None, "Unit"]),
    st.sampled_from(
        [("Ref Low", "Ref High"), ("Ref Low", None), (None, "Normal High"), (None, None)]
    ),  # fmt: skip
)


@settings(max_examples=150, deadline=None)
@given(rows=ROWS, headers=HEADERS, delimiter=st.sampled_from([",", ";"]))
def test_both_paths_read_header_units_and_limit_columns_alike(
    tmp_path_factory, rows: list[tuple[str, ...]], headers: tuple, delimiter: str
) -> None:
    value, unit, (low, high) = headers
    keep = [True, True, True, unit is not None, low is not None, high is not None]
    names = ["sample_id", "marker", value, unit, low, high]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", delimiter=delimiter)
    writer.writerow([n for n, k in zip(names, keep, strict=True) if k])
    writer.writerows([c for c, k in zip(row, keep, strict=True) if k] for row in rows)
    path = Path(tmp_path_factory.mktemp("both")) / "rows.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    for assume in ({}, {"assume_unit": "range"}):
        short = events(str(path), True, **assume)
        general = events(str(path), False, **assume)
        assert [e.to_result() if isinstance(e, ResultRow) else e for e in short] == general


def test_rows_with_a_header_unit_and_limit_columns_take_the_short_path(write_csv) -> None:
    """Else the test above would compare the general path with itself."""
    path = write_csv(
        "sample_id,marker,Result (pg/mL),Ref Low,Ref High\n"
        "S1,IL-6,2,,\nS2,IL-6,3,0,5\nS3,IL-6,4,0,5\n"  # the second '0-5' has been warned about
    )
    kinds = [type(e).__name__ if type(e) is not Issue else e.code for e in events(path)]
    # (S1's blank limits beside S2's, at the file's end)
    assert kinds == ["ResultRow", "Result", "range-disagrees", "ResultRow", "range-missing"]


# --- the command line ---------------------------------------------------------------------------


def test_the_cli_judges_both_example_files(write_csv) -> None:
    unit = write_csv("Sample,Analyte,Concentration (pg/mL)\nP1,IL-6,12.5\nP1,IL-8,4\n", "u.csv")
    limits = write_csv(
        "Accession,Test Name,Result,Units,Ref Low,Ref High,Abnormal Flag\n"
        "A0001,IL-8,8,pg/mL,0,5,H\nA0002,IL-6,3,pg/mL,,7,\n",
        "l.csv",
    )
    result = runner.invoke(app, ["check", unit, limits, "--format", "csv"])
    assert result.exit_code == 1, result.output  # flagged, nothing refused
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    # warnings name their marker too: results only
    statuses = [
        (r["source"][-5:], r["marker"], r["status"])
        for r in rows
        if r["status"] not in ("warning", "rejected", "notice")
    ]
    assert statuses == [("u.csv", "IL-6", "high"), ("u.csv", "IL-8", "normal"),
                        ("l.csv", "IL-8", "high"), ("l.csv", "IL-6", "normal")]  # fmt: skip
    assert not any(r["issue_code"] == "column-ignored" for r in rows)


def test_a_value_whose_unit_is_not_the_unit_columns_says_how_far_off(tmp_path: Path) -> None:
    """QA: 'value says ng/mL but the unit column says pg/mL' did not say, as the header's
    conflict does, that either could be 1000 times off."""
    data = tmp_path / "t.csv"
    data.write_text(
        "sample_id,marker,value,unit\nS1,IL-6,5 ng/mL,pg/mL\nS1,IL-8,5 U/mL,pg/mL\n", "utf-8"
    )
    far, unknown = [e for e in judged(str(data)) if isinstance(e, Issue)]
    assert far.message == (
        "value says 'ng/mL' but the unit column says 'pg/mL'; either could be 1000 times off"
    )
    assert unknown.message.endswith("; the two units differ; panelcli cannot tell which is right")


def test_a_marker_s_own_columns_under_a_units_row_are_not_said_ignored(write_csv) -> None:
    """QA: with a units row (and a replicate mean column), 'IL-8 Reference Range' was said to
    be 'not a known marker or field and was not read' while its range judged IL-8."""
    path = write_csv(
        "Sample,IL-6 Rep 1,IL-6 Rep 2,IL-6 Mean,IL-8 (pg/mL),IL-8 Reference Range,IL-8 Flag\n"
        ",pg/mL,pg/mL,pg/mL,,,\nA,3,3,3,9.8,0-10,N\n"
    )
    ignored = [issue.column for issue in issues(path, "column-ignored")]
    assert ignored == ["IL-6 Mean"]
    (il8,) = [r for r in results(path) if r.marker == "IL-8"]
    assert (il8.status, il8.reference.origin if il8.reference else None) == ("normal", "file")


@pytest.mark.parametrize("short", [True, False])
def test_a_range_column_s_range_in_brackets_is_read(tmp_path: Path, short: bool) -> None:
    """QA: '(1.5-7.0)' in a range column was 'not in a form panelcli reads' and IL-6 0.8 normal
    by the set, while a wide file's range row read the same text, and 0.8 was low."""
    path = tmp_path / "ranges.csv"
    path.write_text(
        "Sample ID,Analyte,Result,Units,Reference range\n"
        "R1,IL-6,0.8,pg/mL,(1.5-7.0)\nR2,IL-6,8,pg/mL,[<7.0]\n",
        encoding="utf-8",
    )
    events = list(
        Interpreter(load_ranges(None), CheckOptions(), short_path=short).events([str(path)])
    )
    judged = [
        (r.sample_id, r.status.value, r.reference and r.reference.origin)
        for r in events
        if isinstance(r, Result)
    ]
    assert judged == [("R1", "low", "file"), ("R2", "high", "file")]
    assert [e.code for e in events if isinstance(e, Issue) and e.code == "range-unreadable"] == []


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize(
    ("header", "cell", "value", "expected"),
    [
        ("Reference Range (pg/mL)", "<7", "7", ("high", 7.0)),
        ("Referenzbereich [pg/ml]", "0-7", "5", ("normal", 7.0)),
        ("Reference Range (ng/mL)", "<0.007", "7", ("high", 7.0)),
        ("Reference Range (ng/mL)", "<9 pg/mL", "5", ("normal", 9.0)),  # the cell's unit wins
    ],
)
def test_a_range_column_whose_header_gives_a_unit_is_read_in_that_unit(
    tmp_path: Path, short: bool, header: str, cell: str, value: str, expected: tuple[str, float]
) -> None:
    """QA: the lab's range under 'Reference Range (pg/mL)' was lost, and the set's judged the
    rows; later it was still not read, and a warning asked to rename the column."""
    path = tmp_path / "ranged.csv"
    path.write_text(
        f"Sample ID,Analyte,Result,Units,{header}\nS1,IL-6,{value},pg/mL,{cell}\n",
        encoding="utf-8",
    )
    found = judged(str(path), short)
    (result,) = [e for e in found if isinstance(e, Result)]
    assert result.reference is not None and result.reference.origin == "file"
    assert (result.status.value, result.reference.high) == expected
    assert [e.code for e in found if isinstance(e, Issue) and e.code == "column-ignored"] == []


@pytest.mark.parametrize("short", [True, False])
def test_low_and_high_columns_whose_headers_give_a_unit_are_read_in_it(
    tmp_path: Path, short: bool
) -> None:
    """'Ref Low (ng/L)', 'Ref High (ng/L)': their cells are in ng/L (a pg/mL each), and a
    value in ng/mL is compared with them converted."""
    path = tmp_path / "limits.csv"
    path.write_text(
        "Sample ID,Analyte,Result,Units,Ref Low (ng/L),Ref High (ng/L)\n"
        "S1,IL-6,3,pg/mL,0,2\nS1,TNF-a,0.005,ng/mL,,8\n",
        encoding="utf-8",
    )
    read = [
        (e.marker, e.status.value, e.reference and e.reference.text)
        for e in results_of(path, short)
    ]
    assert read == [("IL-6", "high", "0 - 2 pg/mL"), ("TNF-α", "normal", "≤ 8 pg/mL")]


def test_low_and_high_columns_in_two_units_are_not_read_and_say_why(tmp_path: Path) -> None:
    """No one unit reads both cells: the set judges, and the warning says what to change."""
    path = tmp_path / "two-units.csv"
    path.write_text(
        "Sample ID,Analyte,Result,Units,Ref Low (pg/mL),Ref High (ng/mL)\n"
        "S1,IL-6,2,pg/mL,0,0.001\n",
        encoding="utf-8",
    )
    ignored = [w for w in check_file(str(path)).warnings if w.code == "column-ignored"]
    assert [w.column for w in ignored] == ["Ref Low (pg/mL)", "Ref High (ng/mL)"]
    assert all("headers give two units (ng/mL, pg/mL)" in w.message for w in ignored)
    (result,) = results(str(path))
    assert result.reference is not None and result.reference.origin == "set"


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize(
    ("cell", "high"),
    [
        ("up to 0.007", 7.0),  # review: words kept the header's unit out: ≤ 0.007 pg/mL, high
        ("bis 0,007", 7.0),
        ("(0-0.007)", 7.0),  # ... and brackets round the whole made the range unreadable
        ("[<0.007]", 7.0),
        ("0-9 pg/mL", 9.0),  # the cell's own unit wins
    ],
)
def test_a_header_unit_reaches_a_range_in_words_or_brackets(
    tmp_path: Path, short: bool, cell: str, high: float
) -> None:
    path = tmp_path / "worded.csv"
    path.write_text(
        f'Sample ID,Analyte,Result,Units,Reference range (ng/mL)\nS1,IL-6,3,pg/mL,"{cell}"\n',
        encoding="utf-8",
    )
    (result,) = results_of(path, short)
    assert result.reference is not None and result.reference.origin == "file"
    assert (result.reference.high, result.status.value) == (high, "normal")


def test_a_second_range_column_is_left_unread_not_the_file_refused(tmp_path: Path) -> None:
    """Review: 'Reference range (pg/mL)' beside 'Reference range (ng/mL)' (or beside
    'Reference range') refused the whole file as naming two range columns."""
    path = tmp_path / "two.csv"
    path.write_text(
        "sample_id,marker,value,unit,Reference range (pg/mL),Reference range (ng/mL)\n"
        "S1,IL-6,3,pg/mL,0-7,0-0.001\n",
        encoding="utf-8",
    )
    report = check_file(str(path))
    (result,) = report.panels[0].results
    assert result.reference is not None and result.reference.high == 7.0
    (ignored,) = [w for w in report.warnings if w.code == "column-ignored"]
    assert ignored.column == "Reference range (ng/mL)"
    assert "column 'Reference range (pg/mL)' gives the lab's range already" in ignored.message


def test_words_in_brackets_that_are_no_unit_do_not_make_a_range_column(tmp_path: Path) -> None:
    """Review: 'Normal range (M/F)' was read as a range in the unit 'M/F'."""
    path = tmp_path / "mf.csv"
    path.write_text(
        "sample_id,marker,value,unit,Normal range (M/F)\nS1,IL-6,3,pg/mL,0-7\n", encoding="utf-8"
    )
    report = check_file(str(path))
    assert report.panels[0].results[0].reference.origin == "set"  # type: ignore[union-attr]
    (ignored,) = report.warnings  # not 'range-unreadable', and saying why and what to do
    assert ignored.code == "column-ignored"
    assert "'M/F' is no unit panelcli knows; name it 'Normal range' to read" in ignored.message
    assert "M/F" not in report.panels[0].results[0].reference.text  # type: ignore[union-attr]


def test_a_wide_file_s_second_range_column_is_not_read_as_a_marker_s(tmp_path: Path) -> None:
    """Review: in a wide file the second of two range columns giving units was read as a
    marker's value column, and every row was refused ('0-7' is a range, not a result)."""
    path = tmp_path / "w2.csv"
    path.write_text(
        "Sample ID,IL-6 (pg/mL),IL-8 (pg/mL),Reference range (pg/mL),Reference range (ng/L)\n"
        "S1,5,3,0-7,0-7\n",
        encoding="utf-8",
    )
    report = check_file(str(path))
    assert report.rejected == []
    assert [r.marker for r in report.panels[0].results] == ["IL-6", "IL-8"]
    assert [w.column for w in report.warnings if w.code == "column-ignored"] == [
        "Reference range (pg/mL)", "Reference range (ng/L)"
    ]  # fmt: skip


@pytest.mark.parametrize("unit_first", [True, False])
def test_of_two_range_columns_the_one_giving_its_unit_is_read(
    tmp_path: Path, unit_first: bool
) -> None:
    """'Reference range' beside 'Reference range (ng/mL)': the unit says how to read it."""
    columns = ["Reference range (ng/mL)", "Reference range"]
    cells = ["0-0.009", "0-7"]
    if not unit_first:
        columns.reverse()
        cells.reverse()
    path = tmp_path / "two.csv"
    path.write_text(
        f"sample_id,marker,value,unit,{','.join(columns)}\nS1,IL-6,3,pg/mL,{','.join(cells)}\n",
        encoding="utf-8",
    )
    report = check_file(str(path))
    (result,) = report.panels[0].results
    assert result.reference is not None and result.reference.high == 9.0
    (ignored,) = [w for w in report.warnings if w.code == "column-ignored"]
    assert ignored.column == "Reference range"


@pytest.mark.parametrize("short", [True, False])
def test_low_and_high_columns_need_one_unit_from_both_headers(tmp_path: Path, short: bool) -> None:
    """QA: 'Ref Low (ng/mL)' beside 'Ref High' read High's 3 as 3 ng/mL, and IL-6 150 pg/mL
    was normal; 'Ref Low (pg/mL)' beside 'Ref High (ng/L)' (one size) was refused as two."""
    one = tmp_path / "one.csv"
    one.write_text(
        "sample_id,marker,value,unit,Ref Low (ng/mL),Ref High\nS1,IL-6,150,pg/mL,0.001,3\n",
        encoding="utf-8",
    )
    (result,) = results_of(one, short)
    assert result.reference is not None and result.reference.origin == "set"
    same = tmp_path / "same.csv"
    same.write_text(
        "sample_id,marker,value,unit,Ref Low (pg/mL),Ref High (ng/L)\nS1,IL-6,0.002,ng/mL,0,3\n",
        encoding="utf-8",
    )
    (result,) = results_of(same, short)
    assert result.reference is not None and result.reference.origin == "file"
    assert (result.reference.high, result.status.value) == (3.0, "normal")


def test_two_range_columns_with_no_unit_are_not_a_refused_file(tmp_path: Path) -> None:
    """QA: 'Reference range' beside 'Normal range' refused the file ('both look like the
    reference range column'), though README says a second range column is not read."""
    path = tmp_path / "two.csv"
    path.write_text(
        "sample_id,marker,value,unit,Reference range,Normal range\nS1,IL-6,5,pg/mL,0-7,0-3\n",
        encoding="utf-8",
    )
    report = check_file(str(path))
    assert report.panels[0].results[0].reference.high == 7.0  # type: ignore[union-attr]
    (ignored,) = [w for w in report.warnings if w.code == "column-ignored"]
    assert ignored.column == "Normal range"


@pytest.mark.parametrize("short", [True, False])
def test_a_limit_cell_saying_none_is_known_is_a_blank_one(write_csv, short: bool) -> None:
    """QA: 'N/A' or '-' in 'Ref Low' made the range 'N/A-4', unreadable: the set's ≤ 2.5 judged
    3.0 high, though the lab's range is ≤ 4 (a range cell saying 'N/A' is a blank one)."""
    path = write_csv(
        "sample_id,marker,value,unit,Ref Low,Ref High\nS1,IL-6,3.0,pg/mL,N/A,4\n"
        "S2,IL-6,3.0,pg/mL,-,4\nS3,IL-6,3.0,pg/mL,n.a.,4\nS4,IL-6,3.0,pg/mL,—,4\n"
        "S5,IL-6,3.0,pg/mL,k.A.,4\nS6,IL-6,3.0,pg/mL,k.a,4\nS7,IL-6,3.0,pg/mL,n. a.,4\n"
    )  # review: 'n.a.', a dash and German 'k.A.' (keine Angabe) were still unreadable
    found = [e for e in judged(path, short) if isinstance(e, Result)]
    assert [(r.status, r.reference and r.reference.text) for r in found] == [
        (Status.NORMAL, "≤ 4 pg/mL")
    ] * 7


@pytest.mark.parametrize("short", [True, False])
def test_a_low_of_0_with_no_high_is_no_range(write_csv, short: bool) -> None:
    """QA: 'Ref Low' 0 beside a blank or 'N/A' 'Ref High' (or a range cell '≥ 0') read as
    '≥ 0', which every concentration passes: IL-6 250 was normal, exit 0. The set's range
    judges it, with a warning saying why the file's was not used."""
    path = write_csv(
        "sample_id,marker,value,unit,Ref Low,Ref High\nS1,IL-6,250,pg/mL,0,N/A\n"
        "S2,IL-6,250,pg/mL,0,\nS3,IL-6,250,pg/mL,1.5,\n"
    )
    found = judged(path, short)
    statuses = [
        (r.status, r.reference and r.reference.text) for r in found if isinstance(r, Result)
    ]
    assert statuses == [(Status.HIGH, "≤ 2.5 pg/mL")] * 2 + [(Status.HIGH, "1.5 - 2.5 pg/mL")]
    [unused] = [i for i in found if isinstance(i, Issue) and i.code == "range-unreadable"]
    assert (
        "gives no upper limit, and no concentration is below its low limit of 0" in unused.message
    )
    # open above: the lab's low with the set's upper limit (QA: 250 was normal by '≥ 1.5')
    [joined] = [i for i in found if isinstance(i, Issue) and i.code == "range-disagrees"]
    assert joined.line == 4 and joined.message == (
        "IL-6: the file's range '≥ 1.5' gives no upper limit, so the reference set's upper "
        "limit was used with its low limit: 1.5 - 2.5 pg/mL"
    )


@pytest.mark.parametrize("short", [True, False])
def test_a_range_open_above_keeps_its_low_limit_with_the_sets_upper_one(
    write_csv, short: bool
) -> None:
    """Review: refused whole, the lab's '> 400' lost its low limit too: 300 pg/mL of sIL-2R,
    low by the lab, was normal by the set's 266.5 - 1410.4. A low limit not below the set's
    upper one is no range with it: the set's is used, saying so."""
    path = write_csv(
        "sample_id,marker,value,unit,reference_range\nS1,sIL-2R,300,pg/mL,>400\n"
        "S2,sIL-2R,500,pg/mL,>400\nS3,sIL-2R,2000,pg/mL,>400\nS4,IL-6,3,pg/mL,>4\n"
    )
    found = judged(path, short)
    statuses = [
        (r.status, r.reference and r.reference.text) for r in found if isinstance(r, Result)
    ]
    assert statuses == [
        (Status.LOW, "> 400 and ≤ 1410.4 pg/mL"), (Status.NORMAL, "> 400 and ≤ 1410.4 pg/mL"),
        (Status.HIGH, "> 400 and ≤ 1410.4 pg/mL"), (Status.HIGH, "≤ 2.5 pg/mL"),
    ]  # fmt: skip
    [past] = [i for i in found if isinstance(i, Issue) and i.code == "range-unreadable"]
    assert past.message == (
        "reference range '>4' gives no upper limit, and its low limit is not below the "
        "reference set's upper limit; the reference set's range was used"
    )


def test_a_range_open_above_is_not_used_where_the_persons_row_is_not_known(write_csv) -> None:
    """QA: under Mayo's set, whose limits are in rows by age, 'Ref Low' 0.1 with no 'Ref High'
    judged IL-2 250 and Ferritin 1000 normal where no age is given (exit 0): as without the
    lab's range, they cannot be judged."""
    path = write_csv(
        "sample_id,marker,value,unit,Ref Low,Ref High\nS1,IL-2,250,pg/mL,0.1,\n"
        "S2,Ferritin,1000,ug/L,5,\n"
    )
    interpreter = Interpreter(load_ranges("mayo-adult"), CheckOptions(), short_path=False)
    found = [e.to_result() if isinstance(e, ResultRow) else e for e in interpreter.stream([path])]
    assert [r.status for r in found if isinstance(r, Result)] == [Status.INDETERMINATE] * 2
    assert [i.code for i in found if isinstance(i, Issue)].count("range-unreadable") == 2


@pytest.mark.parametrize("short", [True, False])
def test_a_low_only_range_is_used_where_the_set_has_no_high(write_csv, short: bool) -> None:
    """A low-only range ('> 60', as labs print for markers where low is the concern) judges a
    marker the set has no range for, and one whose set range has critical limits only."""
    path = write_csv(
        "sample_id,marker,value,unit,Ref Low,Ref High\nS1,Vitamin D,20,ng/mL,30,\n"
        "S2,Vitamin D,45,ng/mL,30,\n"
    )
    statuses = [(r.status, r.reference and r.reference.text) for r in results_of(path, short)]
    assert statuses == [(Status.LOW, "≥ 30 ng/mL"), (Status.NORMAL, "≥ 30 ng/mL")]


@pytest.mark.parametrize("short", [True, False])
def test_a_range_open_above_that_joins_into_the_sets_is_the_sets(write_csv, short: bool) -> None:
    """Review: '≥ 266.5' joined with the set's 1410.4 is the set's own interval, yet it was
    said to disagree and judged as the file's."""
    path = write_csv(
        "sample_id,marker,value,unit,reference_range\nS1,sIL-2R,300,pg/mL,>=266.5\n"
        "S2,sIL-2R,200,pg/mL,>=266.5\n"
    )
    found = judged(path, short)
    origins = [
        (r.status, r.reference and r.reference.origin) for r in found if isinstance(r, Result)
    ]
    assert origins == [(Status.NORMAL, "set"), (Status.LOW, "set")]
    assert not [i for i in found if isinstance(i, Issue)]


def test_a_range_open_above_is_the_lab_s_where_the_set_has_no_row_for_the_person(
    write_csv,
) -> None:
    """Review: age 10 under Mayo's adults-only rows (no range for the person) refused the
    lab's '≥ 0.1' as if the set had one, and the result was no_reference."""
    path = write_csv(
        "sample_id,marker,value,unit,Ref Low,Ref High,age\nS6,IL-2,0.05,pg/mL,0.1,,10\n"
    )
    interpreter = Interpreter(load_ranges("mayo-adult"), CheckOptions(), short_path=False)
    found = [e.to_result() if isinstance(e, ResultRow) else e for e in interpreter.stream([path])]
    [result] = [r for r in found if isinstance(r, Result)]
    assert (result.status, result.reference and result.reference.origin) == (Status.LOW, "file")


@pytest.mark.parametrize("short", [True, False])
def test_a_joined_range_cites_the_set_for_its_upper_limit(write_csv, short: bool) -> None:
    """Self-review: a range open above, joined with the set's upper limit, cited only 'the
    lab's range printed in the file', and the table said 'range from the file', though its
    upper limit is the set's; a lab's own range still cites the file alone."""
    path = write_csv(
        "sample_id,marker,value,unit,reference_range\nS1,IL-6,30,pg/mL,>1.0\nS2,IL-6,30,pg/mL,0-7\n"
    )
    joined, own = results_of(path, short)
    assert joined.reference is not None and own.reference is not None
    assert joined.reference.origin == own.reference.origin == "file"
    assert joined.reference.source == (
        "the lab's range printed in the file, with the upper limit of the reference set "
        "(ARUP 3002601 Cytokine Panel 13 Analytes, Plasma - multiplex bead; <=2.5 pg/mL)"
    )
    assert own.reference.source == "the lab's range printed in the file"
    table = runner.invoke(app, ["check", path], env={"COLUMNS": "200"}).stdout
    assert "range from the file and the set" in table
    assert table.count("range from the file") == 2


def test_a_lab_range_with_the_sets_critical_limits_cites_both(write_csv, tmp_path) -> None:
    """Self-review: the set's critical limits kept beyond a lab's printed range were cited as
    the file's alone."""
    toml = (Path(RANGES.path).read_text(encoding="utf-8") if RANGES.path else "").replace(
        '[markers."IL-6"]', '[markers."IL-6"]\ncritical_high = 100', 1
    )
    assert "critical_high = 100" in toml
    ranges = tmp_path / "mine.toml"
    ranges.write_text(toml, encoding="utf-8")
    path = write_csv("sample_id,marker,value,unit,reference_range\nS1,IL-6,150,pg/mL,0-7\n")
    for short in (True, False):
        interpreter = Interpreter(load_ranges(str(ranges)), CheckOptions(), short_path=short)
        found = [
            e.to_result() if isinstance(e, ResultRow) else e for e in interpreter.stream([path])
        ]
        [result] = [e for e in found if isinstance(e, Result)]
        assert result.status is Status.CRITICAL and result.reference is not None
        assert result.reference.source == (
            "the lab's range printed in the file, with the critical high limit of the "
            "reference set (ARUP 3002601 Cytokine Panel 13 Analytes, Plasma - multiplex bead; "
            "<=2.5 pg/mL)"
        )


@pytest.mark.parametrize(
    "columns",
    [("Panic", "Alert"), ("Crit Flag", "Critical Value"), ("Critical Range", "Panic Limits")],
)
def test_a_column_of_the_lab_s_critical_marks_says_it_is_not_read(
    tmp_path: Path, columns: tuple[str, str]
) -> None:
    """QA: 'Critical High' was 'not a known marker or field', and IL-6 150 past the lab's
    critical 100 was only high: '--fail-on critical' exited 0 with no word of why. ('Critical
    Low' and 'Critical High' are now read: tests/test_lab_critical_limits.py.)"""
    path = tmp_path / "critical.csv"
    path.write_text(
        f"Sample ID,Test,Result,Units,{columns[0]},{columns[1]}\nS1,IL-6,150,pg/mL,,100\n",
        encoding="utf-8",
    )
    report = check_file(str(path))
    ignored = [(w.column, w.message) for w in report.warnings if w.code == "column-ignored"]
    assert [column for column, _ in ignored] == list(columns)
    assert all(
        message.endswith(
            "was not read: it gives the lab's critical (panic) limits or marks, which panelcli "
            "reads only as a long file's two columns, 'Critical Low' and 'Critical High'; a "
            "value is critical only by those or the ranges' critical limits (add critical_low or "
            "critical_high to your ranges file: 'panelcli ranges init'), and a flag column's "
            "'HH' or 'LL' is shown beside the result, not used to judge it"
        )
        for _, message in ignored
    )


@pytest.mark.parametrize(
    "limits", ["Range Low,Range High", "Normal Min,Normal Max", "Ref Min,Ref Max", "LRR,URR"]
)
@pytest.mark.parametrize("flag", ["H/L", "Hi/Lo"])
def test_more_names_of_the_lab_s_range_limits_and_flag_are_read(
    tmp_path: Path, limits: str, flag: str
) -> None:
    """QA: these were ignored, and IL-6 5 was judged high by the set (≤ 2.5) though the lab's
    0-7 says normal; the lab's 'HH' beside it was dropped."""
    path = tmp_path / "limits.csv"
    path.write_text(
        f"Sample ID,Test,Result,Units,{limits},{flag}\nS1,IL-6,5,pg/mL,0,7,HH\n", encoding="utf-8"
    )
    report = check_file(str(path))
    [result] = [r for p in report.panels for r in p.results]
    assert (result.status.value, result.reference.low, result.reference.high) == ("normal", 0, 7)
    assert "value-flag-disagrees" in [w.code for w in report.warnings]
    assert "column-ignored" not in [w.code for w in report.warnings]


@pytest.mark.parametrize("limits", ["Low,High", "Low Limit,High Limit", "Lo,Hi"])
def test_a_low_and_high_alone_are_not_read_but_the_warning_says_how(
    tmp_path: Path, limits: str
) -> None:
    """Review: 'Low Limit' and 'High Limit' are often an assay's limits of quantitation (0.5
    and 5000): read as the range, IL-6 3 was normal where the set says high."""
    path = tmp_path / "limits.csv"
    path.write_text(
        f"Sample ID,Test,Result,Units,{limits}\nS1,IL-6,3,pg/mL,0.5,5000\n", encoding="utf-8"
    )
    report = check_file(str(path))
    assert report.panels[0].results[0].status.value == "high"
    said = [w.message for w in report.warnings if w.code == "column-ignored"]
    assert said[1] == (
        f"column '{limits.split(',')[1]}' was not read: a low or high alone may be a control's "
        "level or the assay's limit; if it is the lab's reference range, call it 'Ref High' to "
        "have it read"
    )


@pytest.mark.parametrize(
    ("limits", "flag"), [("Reference Min,Reference Max", "High/Low"), ("LLN,ULN", "L/H")]
)
def test_reference_min_max_and_lln_uln_are_the_lab_s_range(
    tmp_path: Path, limits: str, flag: str
) -> None:
    """QA round 2: 'Reference Min/Max' and the lower and upper limits of normal ('LLN',
    'ULN') were ignored, IL-6 5 judged high by the set though the lab's 0-10 says normal."""
    path = tmp_path / "limits.csv"
    path.write_text(
        f"Sample ID,Test,Result,Units,{limits},{flag}\nS1,IL-6,5,pg/mL,0,10,H\n", encoding="utf-8"
    )
    report = check_file(str(path))
    [result] = [r for p in report.panels for r in p.results]
    assert (result.status.value, result.reference.high) == ("normal", 10)
    assert "value-flag-disagrees" in [w.code for w in report.warnings]
