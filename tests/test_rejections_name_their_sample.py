"""Rejections made as a row is read (a unit that conflicts with the header's, a comparator or
flag column panelcli cannot use) name the row's sample, patient, date and marker, as those
made when it is judged do, so that the sample's panel counts them (QA, lab round: a2.csv's
`unit-conflict` had no sample, and its panel left line 3 out)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.check import CheckOptions, Interpreter
from panelcli.cli import app
from panelcli.models import Issue
from panelcli.ranges import load_ranges
from panelcli.units import how_far_apart

RANGES = load_ranges(None)
runner = CliRunner()

A2 = "Sample,Test,Result (ng/mL),Units\nX1,IL-6,0.004,\nX1,IL-8,5,pg/mL\nX1,IL-10,-1,\n"


def rejections(tmp_path: Path, text: str) -> list[tuple[object, ...]]:
    path = tmp_path / "rows.csv"
    path.write_text(text, encoding="utf-8")
    return [
        (e.line, e.code, e.sample_id, e.patient_id, e.collected_at, e.marker)
        for e in Interpreter(RANGES, CheckOptions()).events([str(path)])
        if isinstance(e, Issue) and e.severity == "error"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (A2, [(3, "unit-conflict", "X1", None, None, "IL-8"),
              (4, "value-negative", "X1", None, None, "IL-10")]),
        # a wide header against the row's Unit column
        ("Sample,Patient,Date,IL-6 (ng/mL),IL-8 (pg/mL),Unit\nX1,P1,2026-01-02,0.004,5,pg/mL\n",
         [(2, "unit-conflict", "X1", "P1", "2026-01-02", "IL-6")]),
        # a wide header against its units row
        ("Sample,Patient,Date,IL-6 (ng/mL),IL-8\n,,,pg/mL,pg/mL\nX1,P1,2026-01-02,0.004,5\n",
         [(3, "unit-conflict", "X1", "P1", "2026-01-02", "IL-6")]),
        # the value's own unit against the header's
        ("Sample,Patient,Date,Test,Result (ng/mL)\nX1,P1,2026-01-02,IL-6,5 pg/mL\n",
         [(2, "unit-conflict", "X1", "P1", "2026-01-02", "IL-6")]),
        # comparator and flag columns refused as the row is read
        ("Sample,Patient,Date,Test,Result,Units,Flag,Sign\n"
         "X1,P1,2026-01-02,IL-8,2,pg/mL,Zz,\nX1,P1,2026-01-02,IL-10,2,pg/mL,,~\n"
         "X1,P1,2026-01-02,IL-17,<2,pg/mL,,>\nX1,P1,2026-01-02,IFN-γ,ND,pg/mL,H,\n",
         [(3, "comparator-unreadable", "X1", "P1", "2026-01-02", "IL-10"),
          (4, "comparator-conflict", "X1", "P1", "2026-01-02", "IL-17"),
          (5, "flag-conflict", "X1", "P1", "2026-01-02", "IFN-γ")]),
        # a wide row that names its sample but has no values (QA: no sample, no panel)
        ("Sample,IL-6 (pg/mL),TNF-α (pg/mL)\nS1,4.2,3\n,,\nS2,,\n",
         [(4, "row-no-values", "S2", None, None, None)]),
        # split by an unquoted decimal comma: the cells left of the value are in their place
        ("sample_id,patient_id,marker,value,unit\nS1,P1,IL-6,12,5,pg/mL\n",
         [(2, "row-too-many-cells", "S1", "P1", None, "IL-6")]),
        # ... and of the first marker column; a date may be what split (not trusted)
        ("Sample,Date,IL-6 (pg/mL)\nS1,\"Mar 1\", 2026,4\nS2,2026-01-02,4,5\n",
         [(2, "row-too-many-cells", "S1", None, None, None),
          (3, "row-too-many-cells", "S2", None, None, None)]),
    ],
    ids=["a2", "wide-unit-column", "wide-units-row", "value-unit", "sign-and-flag",
         "wide-no-values", "long-too-many-cells", "wide-too-many-cells"],
)  # fmt: skip
def test_a_rejection_made_as_the_row_is_read_names_its_sample_and_marker(
    tmp_path: Path, text: str, expected: list[tuple[object, ...]]
) -> None:
    assert rejections(tmp_path, text) == expected


def test_the_panel_counts_the_unit_conflict(tmp_path: Path) -> None:
    path = tmp_path / "a2.csv"
    path.write_text(A2, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "-f", "json"])
    document = json.loads(result.stdout)
    rejected = [(r["line"], r["code"], r["sample_id"], r["marker"]) for r in document["rejected"]]
    assert rejected == [(3, "unit-conflict", "X1", "IL-8"), (4, "value-negative", "X1", "IL-10")]
    [panel] = document["panels"]
    assert "2 more results of this sample could not be used (lines 3 and 4)" in " ".join(
        panel["summary"]["text"]
    )
    table = runner.invoke(app, ["check", str(path), "-f", "csv"]).stdout
    rows = {row["line"]: row for row in csv.DictReader(io.StringIO(table)) if row["line"]}
    assert (rows["3"]["issue_code"], rows["3"]["sample_id"], rows["3"]["marker"]) == (
        "unit-conflict", "X1", "IL-8",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("units", "words"),
    [
        (("ng/mL", "pg/mL"), "either could be 1000 times off"),
        (("ng/mL", "mg/dL"), "either could be 10000 times off"),
        (("pg/mL", "µg/mL"), "either could be 1000000 times off"),
        (("ng/mL", "U/mL"), "the two units differ; panelcli cannot tell which is right"),
        (("pmol/L", "ng/mL"), "the two units differ; panelcli cannot tell which is right"),
        (("IU/mL", "U/mL"), "the two units differ; panelcli cannot tell which is right"),
    ],
)
def test_how_far_apart_two_units_are_is_said_only_for_mass_per_volume(
    units: tuple[str, str], words: str
) -> None:
    assert how_far_apart(*units) == words


@pytest.mark.parametrize(
    "text",
    [
        "Sample,Test,Result (ng/mL),Units\nX1,IL-6,5,U/mL\nX1,IL-8,5,pmol/L\n",
        "Sample,Test,Result (ng/mL)\nX1,IL-6,5 U/mL\nX1,IL-8,5 pmol/L\n",
        "Sample,IL-6 (ng/mL),IL-8 (ng/mL),Unit\nX1,1,2,U/mL\nX2,1,2,pmol/L\n",
    ],
    ids=["unit-column", "value-unit", "wide-unit-column"],
)
def test_a_unit_conflict_with_no_known_factor_says_no_factor(tmp_path: Path, text: str) -> None:
    """QA: 'Result (ng/mL)' against 'U/mL' or 'pmol/L' said 'either could be 1000 times off'."""
    path = tmp_path / "units.csv"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "-f", "json"])
    messages = [r["message"] for r in json.loads(result.stdout)["rejected"]]
    assert messages and all(r.endswith("panelcli cannot tell which is right") for r in messages)
    assert "times off" not in result.stdout


def test_a_mass_unit_conflict_still_says_the_factor(tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    path.write_text(A2, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "-f", "json"])
    [conflict] = [r for r in json.loads(result.stdout)["rejected"] if r["code"] == "unit-conflict"]
    assert conflict["message"] == (
        "the header 'Result (ng/mL)' gives 'ng/mL' but the unit column says 'pg/mL'; either "
        "could be 1000 times off"
    )


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Sample,IL-6 (pg/mL),TNF-α (pg/mL)\nS1,4.2,3\nS2,,\nS1,,\n",
         {"S1": "1 more row of this sample has no values at all (line 4).",
          "S2": "The row of this sample has no values at all (line 3)."}),
        ("Sample,IL-6 (pg/mL),TNF-α (pg/mL)\nS1,4,2,3\nS2,1,1\n",
         {"S1": "The row of this sample could not be used (line 2). The list of what could not "
                "be used says why."}),
        ("sample_id,marker,value,unit\nS1,IL-6,12,5,pg/mL\nS1,TNF-a,3,pg/mL\n",
         {"S1": "1 more result of this sample could not be used (line 2). The list of what "
                "could not be used says why."}),
    ],
    ids=["no-values", "wide-too-many-cells", "long-too-many-cells"],
)  # fmt: skip
def test_the_panel_says_a_row_of_its_sample_was_refused_whole(
    tmp_path: Path, text: str, sentences: dict[str, str]
) -> None:
    """A wide row with no values, or one a comma split, is said of rows (it held several
    results, or none); a long row split by a comma, of its one result."""
    path = tmp_path / "rows.csv"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "-f", "json"])
    panels = json.loads(result.stdout)["panels"]
    said = {p["sample_id"]: " ".join(p["summary"]["text"]) for p in panels}
    for sample, sentence in sentences.items():
        assert sentence in said[sample]
    assert result.exit_code == 2


def test_a_row_with_no_values_is_not_also_counted_as_blank_cells(tmp_path: Path) -> None:
    """Its cells were said to be read as 'not measured' while the row itself was refused."""
    path = tmp_path / "rows.csv"
    path.write_text("Sample,IL-6 (pg/mL),TNF-α (pg/mL)\nS1,4.2,3\nS2,,\n", encoding="utf-8")
    codes = [
        e.code for e in Interpreter(RANGES, CheckOptions()).events([str(path)])
        if isinstance(e, Issue)
    ]  # fmt: skip
    assert codes == ["row-no-values"]


def test_warnings_about_a_sample_name_it_so_scripts_can_group_them(tmp_path: Path) -> None:
    """QA (developer round): sample-conflict and control-skipped named their sample only in
    their message, with `sample_id` null; they and date-unreadable name the row's marker too,
    as the README says (regression QA)."""
    path = tmp_path / "rows.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "S1,P1,2026-01-05,IL-6,30,pg/mL\nS1,P2,2026-01-01,IL-8,50,pg/mL\n"
        "Standard1,,,IL-6,3,pg/mL\nS3,,yesterday,IL-10,3,pg/mL\n",
        encoding="utf-8",
    )
    warned = [
        (e.code, e.sample_id, e.patient_id, e.collected_at, e.marker)
        for e in Interpreter(RANGES, CheckOptions()).events([str(path)])
        if isinstance(e, Issue) and e.severity == "warning"
    ]
    assert warned == [
        ("sample-conflict", "S1", "P2", "2026-01-01", "IL-8"),
        ("control-skipped", "Standard1", None, None, "IL-6"),
        ("date-unreadable", "S3", None, "yesterday", "IL-10"),
    ]


def test_a_split_row_in_a_file_naming_samples_right_of_the_split_is_no_panel(
    tmp_path: Path,
) -> None:
    """Regression QA: the marker alone (left of the value) made S1's and S2's split rows one
    panel of no sample, 'None of the 2 results of this sample could be used'."""
    path = tmp_path / "m6.csv"
    path.write_text(
        "marker,value,unit,sample_id\nIL-6,12,5,pg/mL,S1\nIL-8,1,5,pg/mL,S2\n"
        "IL-6,3,pg/mL,S1\nIL-8,3,pg/mL,S2\n",
        encoding="utf-8",
    )
    assert rejections(tmp_path, path.read_text()) == [
        (2, "row-too-many-cells", None, None, None, None),
        (3, "row-too-many-cells", None, None, None, None),
    ]
    document = json.loads(runner.invoke(app, ["check", str(path), "-f", "json"]).stdout)
    assert [p["sample_id"] for p in document["panels"]] == ["S1", "S2"]


def test_a_split_wide_row_without_a_sample_column_is_named_by_its_line(tmp_path: Path) -> None:
    """Regression QA: its panel was 'Results · patient P1' where its rows are 'Sample line N'."""
    text = "Patient,IL-6 (pg/mL),IL-8 (pg/mL)\nP1,12,5,4\nP1,1,2\n"
    assert rejections(tmp_path, text) == [(2, "row-too-many-cells", "line 2", "P1", None, None)]


@pytest.mark.parametrize("short", [True, False])
def test_a_date_cell_saying_none_is_known_reads_as_a_blank_one(tmp_path: Path, short: bool) -> None:
    """Regression QA: 'unknown' beside '2026-03-14' for one sample was a sample-conflict
    ('are two specimens mixed up?'), and a date 'that cannot be read' in trends."""
    path = tmp_path / "na.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\nS1,P1,2026-03-14,IL-6,3,pg/mL\n"
        "S1,P1,unknown,IL-8,3,pg/mL\nS2,P1,N/A,IL-6,5,pg/mL\nS3,P1, - ,IL-6,9,pg/mL\n",
        encoding="utf-8",
    )
    interpreter = Interpreter(RANGES, CheckOptions(), short_path=short)
    events = list(interpreter.events([str(path)]))
    assert [e.code for e in events if isinstance(e, Issue)] == []
    # a blank one of S1 states its sample's date (filled down), as a blank cell would
    assert [e.collected_at for e in events if not isinstance(e, Issue)] == [
        "2026-03-14", "2026-03-14", None, None,
    ]  # fmt: skip


def test_the_table_and_validate_name_a_rejected_rows_sample_and_marker(tmp_path: Path) -> None:
    """QA: the README says a rejected row is listed with its sample and marker where the row
    gives them; the table and `validate` said only 'line 3: value 'abc' is not a number'."""
    path = tmp_path / "rows.csv"
    path.write_text(
        "sample_id,marker,value,unit\nS-1,IL-6,4.2,pg/mL\nS-1,IL-8,abc,pg/mL\n"
        "S-2,IL-99,1.2,pg/mL\n",
        encoding="utf-8",
    )
    table = runner.invoke(app, ["check", str(path)], env={"COLUMNS": "200"})
    assert "line 3, column 'value', sample 'S-1', marker 'IL-8': value 'abc'" in table.stdout
    lines = runner.invoke(app, ["validate", str(path)]).stdout.splitlines()
    assert lines[0].endswith(
        "rows.csv:3: value: error value-not-a-number: value 'abc' is not a number "
        "(sample 'S-1', marker 'IL-8')"
    )
    # a name the message says already is not said twice
    assert lines[1].endswith(
        "4: marker: warning no-reference: no reference range for 'IL-99' in this set (sample 'S-2')"
    )


@pytest.mark.parametrize("short", [True, False])
def test_warnings_about_a_filled_down_row_state_its_patient_and_date(
    tmp_path: Path, short: bool
) -> None:
    """QA: a filled-down row's result and rejection stated the patient and date its rows
    before give, but its warnings (a lab's flag, a repeated marker) left them blank, so a
    script filtering on the patient missed them; a flag refused as read too."""
    path = tmp_path / "filled.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit,flag\n"
        "FD-1,P-100,2026-03-02,IL-6,3.0,pg/mL,\nFD-1,,,IL-6,4.0,pg/mL,\n"
        "FD-1,,,IL-10,2.0,pg/mL,H\nFD-1,,,TNF-α,2.0,pg/mL,?\nFD-1,,,IL-8,ND,pg/mL,H\n",
        encoding="utf-8",
    )
    interpreter = Interpreter(RANGES, CheckOptions(), short_path=short)
    found = [e for e in interpreter.stream([str(path)]) if isinstance(e, Issue)]
    assert {e.code for e in found} >= {
        "marker-repeated", "value-flag-disagrees", "flag-unreadable", "flag-conflict",
    }  # fmt: skip
    assert {(e.line, e.patient_id, e.collected_at) for e in found} == {
        (line, "P-100", "2026-03-02") for line in (3, 4, 5, 6)
    }


@pytest.mark.parametrize("short", [True, False])
def test_a_filled_down_rows_warning_in_a_file_with_a_name_column(
    tmp_path: Path, short: bool
) -> None:
    """Review: a reader's warning on a filled-down row of a file with a patient name column
    stopped the run (an internal error, no report)."""
    path = tmp_path / "named.csv"
    path.write_text(
        "sample_id,patient_id,patient_name,marker,value,unit,result_status\n"
        "S1,P1,Ann Lee,IL-6,3,pg/mL,F\nS1,,Ann Lee,IL-8,3,pg/mL,P\n"
        "S1,,,IL-10,3,pg/mL,C\n",
        encoding="utf-8",
    )
    interpreter = Interpreter(RANGES, CheckOptions(), short_path=short)
    found = [e for e in interpreter.stream([str(path)]) if isinstance(e, Issue)]
    assert [(e.line, e.code, e.patient_id) for e in found if e.code.startswith("result")] == [
        (3, "result-preliminary", "P1"), (4, "result-corrected", "P1"),
    ]  # fmt: skip
