"""A long file's value column that gives the unit in its header ('Concentration (pg/mL)'):
core and both paths."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from panelcli.check import CheckOptions, Interpreter, ResultRow, StreamEvent
from panelcli.models import Issue, Result, Status
from panelcli.ranges import load_ranges

RANGES = load_ranges("arup-3002601")  # IL-6: ≤ 2.5 pg/mL; IL-8: ≤ 9.4 pg/mL


def events(path: str, short: bool = True, **options: str) -> list[StreamEvent]:
    interpreter = Interpreter(RANGES, CheckOptions(**options), short_path=short)
    return list(interpreter.stream([path]))


def judged(path: str) -> list[Result | Issue]:
    return [e.to_result() if isinstance(e, ResultRow) else e for e in events(path)]


def results(path: str) -> list[Result]:
    return [e for e in judged(path) if isinstance(e, Result)]


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
    path = write_csv("Sample,Analyte,Concentration,Calc. Concentration (pg/mL)\nP1,IL-6,100,2\n")
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


# --- the short path gives the general path's output ---------------------------------------------

ROWS = st.lists(
    st.tuples(
        st.sampled_from(["S1", "S2", "S3"]),
        st.sampled_from(["IL-6", "IL-8", "TNF-α", "IL-66"]),
        st.sampled_from(["3", "12.5", "<2", "2,5", "5 ng/L", "5 ng/mL", "abc", "", "1.234"]),
        st.sampled_from(["", "", "pg/mL", "ng/L", "ng/mL", "IU/mL"]),
    ),
    min_size=1,
    max_size=25,
)
HEADERS = st.tuples(
    st.sampled_from(["Result", "Concentration (pg/mL)", "Result [ng/mL]", "Value (IU/mL)"]),
    st.sampled_from([None, "Unit"]),
)


@settings(max_examples=150, deadline=None)
@given(rows=ROWS, headers=HEADERS, delimiter=st.sampled_from([",", ";"]))
def test_both_paths_read_header_units_alike(
    tmp_path_factory, rows: list[tuple[str, ...]], headers: tuple, delimiter: str
) -> None:
    value, unit = headers
    keep = [True, True, True, unit is not None]
    names = ["sample_id", "marker", value, unit]
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


def test_rows_with_a_header_unit_take_the_short_path(write_csv) -> None:
    """Else the test above would compare the general path with itself."""
    path = write_csv("sample_id,marker,Result (pg/mL)\nS1,IL-6,2\nS2,IL-6,3\n")
    assert [type(e) for e in events(path)] == [ResultRow, ResultRow]
