"""A rejected row names its sample and marker, and its sample's panel says it is missing.

QA with lab staff: a panel said "The result is inside the reference range." while the same
sample's IL-8 at about 100 times its limit was rejected and listed only at the end of the run.
"""

from __future__ import annotations

import csv
import io
import json

from made_up import made_up_result
from typer.testing import CliRunner

from panelcli.check import check_file
from panelcli.cli import app
from panelcli.models import Issue, Panel, Status
from panelcli.summary import summarise_panel

HEADER_LONG = "sample_id,marker,value,unit\n"
QA_FILE = (
    HEADER_LONG + "S1,IL-6,1.0,pg/mL\nS1,IL-8,*950,pg/mL\nS1,TNF-α,5000,pmol/L\nS2,IL-6,1.0,pg/mL\n"
)


def _row_fields(issue: Issue) -> tuple[str | None, ...]:
    return (issue.sample_id, issue.patient_id, issue.collected_at, issue.marker)


def _lost_nothing(panel: Panel) -> bool:
    """A panel none of whose rows was rejected reads as before: no word of rows left out."""
    text = " ".join(panel.summary.text)
    return "could not be used" not in text and "that could be used" not in text


def test_rejected_rows_of_a_long_file_name_their_sample_and_marker(write_csv):
    report = check_file(write_csv(QA_FILE))
    assert [(i.line, _row_fields(i)) for i in report.rejected] == [
        (3, ("S1", None, None, "IL-8")),
        (4, ("S1", None, None, "TNF-α")),
    ]


def test_a_panel_says_which_of_its_rows_could_not_be_used(write_csv):
    s1, s2 = check_file(write_csv(QA_FILE)).panels
    assert s1.summary.text == [
        "1 marker was tested.",
        "2 more results of this sample could not be used (lines 3 and 4). The list of what "
        "could not be used says why.",
        "The result that could be used is inside the reference range.",
    ]
    assert s1.summary.measured == 1  # results only
    assert s1.summary.by_status == {s.value: int(s == Status.NORMAL) for s in Status}
    assert _lost_nothing(s2)


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
    january, february = report.panels
    assert "1 more result of this sample could not be used (line 3)." in " ".join(
        january.summary.text
    )
    assert _lost_nothing(february)


def test_a_rejected_cell_of_a_wide_row_names_the_row_sample_and_column_marker(write_csv):
    path = write_csv(
        "Sample,IL-6 (pg/mL),IL-8 (pg/mL),TNF-α (pg/mL)\nS1,1.0,*950,2\nS2,1.0,3,0.5\n"
    )
    report = check_file(path)
    (issue,) = report.rejected
    assert (issue.line, issue.column, _row_fields(issue)) == (
        2, "IL-8 (pg/mL)", ("S1", None, None, "IL-8")
    )  # fmt: skip
    s1, s2 = report.panels
    assert s1.summary.text[1:] == [
        "1 more result of this sample could not be used (line 2). The list of what could not "
        "be used says why.",
        "All the results that could be used are inside the reference range.",
    ]
    assert _lost_nothing(s2)


def test_a_row_with_no_marker_still_names_its_sample(write_csv):
    report = check_file(write_csv(HEADER_LONG + "S1,IL-6,1.0,pg/mL\nS1,,4.4,pg/mL\nS1,IL-8\n"))
    assert [(i.code, _row_fields(i)) for i in report.rejected] == [
        ("marker-missing", ("S1", None, None, None)),
        ("value-missing", ("S1", None, None, "IL-8")),
    ]
    assert "2 more results of this sample could not be used (lines 3 and 4)." in " ".join(
        report.panels[0].summary.text
    )


def test_a_row_too_broken_to_tell_its_sample_belongs_to_no_panel(write_csv):
    # No id columns: every result is in one panel, which a broken row must not be counted in.
    report = check_file(write_csv("value,marker,unit\n1.0,IL-6,pg/mL\n3,5,IL-8,pg/mL\n"))
    (issue,) = report.rejected
    assert issue.code == "row-too-many-cells" and _row_fields(issue) == (None,) * 4
    assert _lost_nothing(report.panels[0])


def test_a_split_row_whose_marker_is_in_place_counts_in_the_sample_less_panel(write_csv):
    # The marker stands left of the value, where a split by ',' has not moved it: the row is
    # the one panel's, as a row with an unreadable value is.
    report = check_file(write_csv("marker,value,unit\nIL-6,1.0,pg/mL\nIL-8,3,5,pg/mL\n"))
    (issue,) = report.rejected
    assert _row_fields(issue) == (None, None, None, "IL-8")
    # of no sample: the file names none (QA)
    assert "1 more result could not be used (line 3)" in " ".join(report.panels[0].summary.text)


def test_a_panel_names_a_few_lines_and_counts_the_rest():
    rejected = [
        Issue(code="value-not-a-number", source="a.csv", line=n, sample_id="S1", message="x")
        for n in range(3, 11)
    ]
    text = summarise_panel([made_up_result("IL-6", Status.NORMAL, 1.0)], rejected).text
    assert text[1].startswith(
        "8 more results of this sample could not be used (lines 3, 4, 5, 6 and 4 more)."
    )


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


def test_a_panel_of_no_ones_rows_speaks_of_no_sample(tmp_path) -> None:
    """QA: a file with no id column ('Results' in the table) was told '1 more result of this
    sample could not be used', and 'IL-6 was tested more than once in this sample'."""
    path = tmp_path / "none.csv"
    path.write_text("marker,value,unit\nIL-6,40,pg/mL\nTNF-a,abc,pg/mL\nIL-6,3,pg/mL\n")
    (panel,) = check_file(str(path)).panels
    text = " ".join(panel.summary.text)
    assert "1 more result could not be used (line 3)." in text
    assert "IL-6 was tested more than once here; each result is shown." in text
    assert "this sample" not in text
    named = tmp_path / "named.csv"
    named.write_text("sample_id,marker,value,unit\nS1,IL-6,40,pg/mL\nS1,TNF-a,abc,pg/mL\n")
    (panel,) = check_file(str(named)).panels
    assert "1 more result of this sample could not be used" in " ".join(panel.summary.text)
