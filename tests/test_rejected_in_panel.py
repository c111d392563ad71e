"""A rejected row names its sample and marker (QA: a script could not pick out a sample's)."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from panelcli.check import check_file
from panelcli.cli import app
from panelcli.models import Issue

HEADER_LONG = "sample_id,marker,value,unit\n"
QA_FILE = (
    HEADER_LONG + "S1,IL-6,1.0,pg/mL\nS1,IL-8,*950,pg/mL\nS1,TNF-α,5000,pmol/L\nS2,IL-6,1.0,pg/mL\n"
)


def _row_fields(issue: Issue) -> tuple[str | None, ...]:
    return (issue.sample_id, issue.patient_id, issue.collected_at, issue.marker)


def test_rejected_rows_of_a_long_file_name_their_sample_and_marker(write_csv):
    report = check_file(write_csv(QA_FILE))
    assert [(i.line, _row_fields(i)) for i in report.rejected] == [
        (3, ("S1", None, None, "IL-8")),
        (4, ("S1", None, None, "TNF-α")),
    ]


def test_rejected_rows_go_to_the_panel_of_their_patient_and_date(write_csv):
    path = write_csv(
        "patient_id,collected_at,marker,value,unit\n"
        "P1,2026-01-01,IL-6,1.0,pg/mL\n"
        "P1,2026-01-01,IL-8,abc,pg/mL\n"
        "P1,2026-02-01,IL-6,1.0,pg/mL\n"
        "P1,2026-02-01,IL-8,3,pg/mL\n"
    )
    report = check_file(path)
    assert [_row_fields(i) for i in report.rejected] == [(None, "P1", "2026-01-01", "IL-8")]


def test_a_rejected_cell_of_a_wide_row_names_the_row_sample_and_column_marker(write_csv):
    path = write_csv(
        "Sample,IL-6 (pg/mL),IL-8 (pg/mL),TNF-α (pg/mL)\nS1,1.0,*950,2\nS2,1.0,3,0.5\n"
    )
    report = check_file(path)
    (issue,) = report.rejected
    assert (issue.line, issue.column, _row_fields(issue)) == (
        2, "IL-8 (pg/mL)", ("S1", None, None, "IL-8")
    )  # fmt: skip


def test_a_row_with_no_marker_still_names_its_sample(write_csv):
    report = check_file(write_csv(HEADER_LONG + "S1,IL-6,1.0,pg/mL\nS1,,4.4,pg/mL\nS1,IL-8\n"))
    assert [(i.code, _row_fields(i)) for i in report.rejected] == [
        ("marker-missing", ("S1", None, None, None)),
        ("value-missing", ("S1", None, None, "IL-8")),
    ]


def test_a_row_too_broken_to_tell_its_sample_names_none(write_csv):
    report = check_file(write_csv("marker,value,unit\nIL-6,1.0,pg/mL\nIL-8,3,pg/mL,x,y\n"))
    (issue,) = report.rejected
    assert issue.code == "row-too-many-cells" and _row_fields(issue) == (None,) * 4


def test_csv_and_ndjson_rows_of_rejected_rows_carry_the_sample_and_marker(write_csv):
    path = write_csv(QA_FILE)
    rows = list(csv.DictReader(io.StringIO(_run(path, "csv"))))
    rejected = [r for r in rows if r["status"] == "rejected"]
    assert [
        (r["line"], r["sample_id"], r["marker"], r["marker_as_written"], r["issue_code"])
        for r in rejected
    ] == [
        ("3", "S1", "IL-8", "IL-8", "value-extrapolated"),
        ("4", "S1", "TNF-α", "TNF-α", "unit-molar"),
    ]
    lines = [json.loads(line) for line in _run(path, "ndjson").splitlines()]
    issues = [line["rejected"] for line in lines if "rejected" in line]
    assert [(i["sample_id"], i["marker"]) for i in issues] == [("S1", "IL-8"), ("S1", "TNF-α")]


def _run(path: str, fmt: str) -> str:
    return CliRunner().invoke(app, ["check", path, "--format", fmt]).stdout
