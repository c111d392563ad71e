"""A wide row cut off before the header's last columns is said, by line and marker.

QA: a row that stopped after 3 of 6 marker columns had its missing cells counted as blank,
'not measured', among the file's other blank cells: nothing said the row was short. A long
file's short row is said too ("value is empty (row has 4 of 6 cells)").
"""

from __future__ import annotations

import json
from collections.abc import Callable

from typer.testing import CliRunner

from panelcli.check import check_file
from panelcli.cli import app
from panelcli.models import Issue

HEADER = (
    "sample_id,IL-6 (pg/mL),TNF-α (pg/mL),IL-10 (pg/mL),IL-8 (pg/mL),IFN-γ (pg/mL),IL-2 (pg/mL)"
)
CUT = (
    "row has 4 cells but the header has 7; it ends before the columns of IL-8, IFN-γ and IL-2, "
    "which give no result for it (was the row cut off?)"
)


def _short(report_warnings: list[Issue]) -> list[Issue]:
    return [w for w in report_warnings if w.code == "row-too-few-cells"]


def test_a_cut_off_row_is_warned_of_and_its_cells_are_still_judged(
    write_csv: Callable[..., str],
):
    path = write_csv(f"{HEADER}\nS1,1,2,3,4,5,6\nS2,1,2,3\n")
    report = check_file(path)
    assert _short(report.warnings) == [
        Issue(
            severity="warning",
            code="row-too-few-cells",
            source=path,
            line=3,
            sample_id="S2",
            message=CUT,
        )  # fmt: skip
    ]
    # Not also counted as blank cells, 'not measured': the row says why they are missing.
    assert [w.code for w in report.warnings] == ["row-too-few-cells"]
    s2 = [p for p in report.panels if p.sample_id == "S2"]
    assert [r.marker for r in s2[0].results] == ["IL-6", "TNF-α", "IL-10"]
    assert report.rejected == []


def test_a_blank_cell_of_a_cut_off_row_is_still_counted_as_blank(write_csv: Callable[..., str]):
    report = check_file(write_csv(f"{HEADER}\nS1,1,,3,4,5,6\nS2,1,,3,4,5\n"))
    (blank,) = [w for w in report.warnings if w.code == "cells-blank"]
    assert blank.message.startswith("2 blank marker cells were read as 'not measured'")
    (cut,) = _short(report.warnings)
    assert cut.line == 3
    assert cut.message.startswith("row has 6 cells but the header has 7; it ends before the ")
    assert "the column of IL-2, which gives no result for it" in cut.message


def test_a_full_row_of_blank_cells_is_not_cut_off(write_csv: Callable[..., str]):
    report = check_file(write_csv(f"{HEADER}\nS1,1,2,3,,,\n"))
    assert _short(report.warnings) == []
    assert [w.code for w in report.warnings] == ["cells-blank"]


def test_a_row_cut_off_before_every_value_says_how_short_it_is(write_csv: Callable[..., str]):
    report = check_file(write_csv(f"{HEADER}\nS1,1,2,3,4,5,6\nS2\n"))
    (refused,) = report.rejected
    assert (refused.code, refused.line, refused.sample_id) == ("row-no-values", 3, "S2")
    assert refused.message == "row has no marker values (row has 1 of 7 cells)"
    assert _short(report.warnings) == []  # the rejection says it: not twice


def test_many_markers_cut_off_are_named_the_first_few(write_csv: Callable[..., str]):
    markers = ["IL-1β", "IL-2", "IL-4", "IL-5", "IL-6", "IL-8", "IL-10", "IL-12", "IL-13"]
    header = "sample_id," + ",".join(f"{m} (pg/mL)" for m in markers)
    (cut,) = _short(check_file(write_csv(f"{header}\nS1,1\n")).warnings)
    assert "it ends before the columns of IL-2, IL-4, IL-5, IL-6 and 4 more," in cut.message


def test_validate_and_ndjson_name_the_cut_off_row(write_csv: Callable[..., str]):
    path = write_csv(f"{HEADER}\nS1,1,2,3,4,5,6\nS2,1,2,3\n")
    runner = CliRunner()
    validated = runner.invoke(app, ["validate", path])
    assert validated.exit_code == 0  # a warning: the cells it has are used
    line = f"{path}:3: warning row-too-few-cells: {CUT} (sample 'S2')"
    assert line in validated.stdout.splitlines()
    streamed = runner.invoke(app, ["check", path, "--format", "ndjson", "--fail-on", "never"])
    lines = [json.loads(line) for line in streamed.stdout.splitlines()]
    warned = [line["warning"] for line in lines if "warning" in line]
    assert [(w["code"], w["line"], w["sample_id"]) for w in warned] == [
        ("row-too-few-cells", 3, "S2")
    ]
    table = runner.invoke(app, ["check", path, "--fail-on", "never"], env={"COLUMNS": "300"})
    assert f"line 3, sample 'S2': {CUT} [row-too-few-cells]" in table.stdout
    assert "not measured" not in table.stdout
