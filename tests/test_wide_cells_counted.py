"""A rejected cell of a wide row (a column per marker) is a value, not a row.

QA: one bad IL-6 cell in a wide file was summed up as "1 row could not be used" and "1 row has
no unit", though the rest of its row was judged. Long files, one result a row, keep "row".
"""

from __future__ import annotations

from collections.abc import Callable

from typer.testing import CliRunner

from panelcli.check import check_file, check_files
from panelcli.cli import app
from panelcli.summary import report_sentences

WIDE = "sample_id,IL-6,TNF-α (pg/mL),IL-10 (pg/mL)\nS1,2,3,4\nS2,,abc,6\n"
LONG = "sample_id,marker,value,unit\nS1,IL-6,2,\nS1,TNF-α,abc,pg/mL\n"


def _said(*args: str) -> str:
    result = CliRunner().invoke(app, ["check", *args], env={"COLUMNS": "200"})
    assert result.exit_code == 2, result.output
    return " ".join(result.stdout.split())


def test_the_core_says_a_wide_files_rejected_cells_as_values(write_csv: Callable[..., str]):
    wide = write_csv(WIDE, "wide.csv")
    report = check_file(wide)
    assert report.wide_sources == [wide]
    assert report_sentences(report.rejected, report.wide_sources) == [
        "2 values could not be used. Each one is listed with its line and the reason.",
        "1 value has no unit.",
        "1 value has a word or sign where a number should be.",
    ]
    # Not a field of any output: JSON stays as it was.
    assert "wide_sources" not in report.model_dump(mode="json")


def test_a_long_files_rejections_stay_rows_beside_a_wide_files(write_csv: Callable[..., str]):
    long = write_csv(LONG, "long.csv")
    report = check_file(long)
    assert report.wide_sources == []
    assert report_sentences(report.rejected, report.wide_sources) == [
        "2 rows could not be used. Each one is listed with its line and the reason.",
        "1 row has no unit.",
        "1 row has a word or sign where a number should be.",
    ]
    both = check_files([write_csv(WIDE, "wide.csv"), long])
    assert report_sentences(both.rejected, both.wide_sources)[:3] == [
        "2 values and 2 whole rows could not be used. Each one is listed with its line and the "
        "reason.",
        "1 value has no unit.",
        "1 row has no unit.",
    ]


def test_the_table_heads_and_sums_up_one_rejected_wide_cell_as_a_value(
    write_csv: Callable[..., str],
):
    said = _said(write_csv("sample_id,IL-6 (pg/mL),IL-8 (pg/mL)\nS1,abc,3\n", "one.csv"))
    assert "Values that could not be used (1):" in said
    assert "1 value could not be used. It is listed with its line and the reason." in said
    assert "1 value has a word or sign where a number should be." in said
    assert "1 row" not in said
    said = _said(write_csv(LONG, "long.csv"))
    assert "Rows that could not be used (2):" in said
    assert "2 rows could not be used." in said


def test_the_table_of_a_wide_file_and_a_long_one_names_values_and_rows(
    write_csv: Callable[..., str],
):
    said = _said(write_csv(WIDE, "wide.csv"), write_csv(LONG, "long.csv"))
    assert "Values and rows that could not be used (4):" in said


def test_a_big_wide_files_overview_counts_values(write_csv: Callable[..., str]):
    """Past 1,000 results the table counts rejections by code: still values, and a row with
    no values at all still a row."""
    rows = [f"S{n},{'abc' if n % 100 == 0 else 1},2,3,4,5,6" for n in range(200)]
    rows[7] = "S7,,,,,,"
    header = "sample_id," + ",".join(
        f"{m} (pg/mL)" for m in ("IL-6", "TNF-α", "IL-10", "IL-8", "IFN-γ", "IL-2")
    )
    said = _said(write_csv("\n".join([header, *rows]) + "\n", "big.csv"), "--fail-on", "never")
    assert "one line per sample" in said  # the overview, not the full table
    assert "Values and rows that could not be used (3):" in said
    assert "2 values and 1 whole row could not be used." in said
    assert "2 values have a word or sign where a number should be." in said
    assert "1 row has no values at all." in said
