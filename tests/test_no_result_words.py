"""Words in a result cell that say the lab gives no result ('Cancelled', 'QNS', 'TNP',
'pending', 'see comment', 'hemolyzed') are read as a result status column's are: a
`result-not-given` warning, the row not judged (QA: each was an error, exit 2, 'not a
number', where the same words in a status column are a warning)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.check import CheckOptions, Interpreter
from panelcli.cli import app
from panelcli.models import Issue
from panelcli.ranges import load_ranges
from panelcli.values import value_says_no_result

RANGES = load_ranges(None)
runner = CliRunner()

LONG = (
    "Specimen ID|Patient|Collected|Test|Result|Unit\n"
    "X1|P1|2026-03-02|IL-6|TNP|pg/mL\nX1|P1|2026-03-02|IL-8|See comment|pg/mL\n"
    "X1|P1|2026-03-02|IL-10|Cancelled|pg/mL\nX1|P1|2026-03-02|TNF-a|QNS|pg/mL\n"
    "X1|P1|2026-03-02|IFN-g|hemolyzed|pg/mL\nX1|P1|2026-03-02|IL-2|pending|pg/mL\n"
    "X1|P1|2026-03-02|IL-17|2.0|pg/mL\n"
)


@pytest.mark.parametrize(
    ("cell", "why"),
    [
        ("Cancelled", "this result was cancelled (no result)"),
        ("Test not performed", "the test was not performed"),
        ("TNP", "the test was not performed"),
        ("qns", "there was not enough of the specimen to test"),
        # QA round 2: refused beside their neighbours
        ("en attente", "this result is still pending"),
        ("In Bearbeitung", "this result is still pending"),
        ("entered-in-error", "this result was reported in error"),
        ("Incorrect", "this result was reported in error"),
        ("Specimen hemolyzed", "the specimen could not be used"),
        ("hémolysé", "the specimen could not be used"),
        ("Quantity not sufficient", "there was not enough of the specimen to test"),
        ("cancelado", "this result was cancelled (no result)"),
        ("Not tested", "the test was not performed"),
        ("nicht bestimmt", "the test was not performed"),
        ("see comment below", "the result is given in words elsewhere, not as a number"),
        # QA round 3: refused as no number
        ("kein Material", "there was no specimen to test"),
        ("Specimen not received", "there was no specimen to test"),
        ("zu wenig Material", "there was not enough of the specimen to test"),
        ("Matériel insuffisant", "there was not enough of the specimen to test"),
        ("No result", "the lab gave no result"),
        # a lone dash or 'n/a': no such words (a wide file's cell so marked is a blank one)
        ("-", None),
        ("n/a", None),
        ("#N/A", None),
        # a number with them is no such cell; nor a word denied, nor an instrument's error
        ("Cancelled 12", None),
        ("12 pending", None),
        ("no hemolysis", None),
        ("Instrument error", None),
        ("Pending", "this result is still pending"),
        ("see comment.", "the result is given in words elsewhere, not as a number"),
        ("Hämolytisch", "the specimen could not be used"),
        # a number, a value below detection, an instrument's error, other words: not these
        ("3.5", None),
        ("<2.0", None),
        ("ND", None),
        ("not detected", None),
        ("Error", None),
        ("NEG", None),
        ("abc", None),
        ("", None),
        ("not cancelled", None),
    ],
)
def test_what_a_result_cell_says_of_no_result(cell: str, why: str | None) -> None:
    assert value_says_no_result(cell) == why


@pytest.mark.parametrize("short", [True, False])
def test_a_long_file_s_no_result_words_are_warnings_and_the_row_is_not_judged(
    tmp_path: Path, short: bool
) -> None:
    path = tmp_path / "words.csv"
    path.write_text(LONG, encoding="utf-8")
    found = list(Interpreter(RANGES, CheckOptions(), short_path=short).events([str(path)]))
    issues = [e for e in found if isinstance(e, Issue)]
    assert [(i.line, i.code, i.severity, i.marker) for i in issues] == [
        (line, "result-not-given", "warning", marker)
        for line, marker in enumerate(["IL-6", "IL-8", "IL-10", "TNF-a", "IFN-g", "IL-2"], 2)
    ]
    assert issues[2].message == (
        "the value 'Cancelled' says this result was cancelled (no result); this result was "
        "not judged"
    )
    assert {(i.sample_id, i.patient_id, i.column) for i in issues} == {("X1", "P1", "Result")}
    assert [e.line for e in found if not isinstance(e, Issue)] == [8]


def test_a_wide_file_s_cell_so_written_is_a_warning_too(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(
        "Sample,IL-6 (pg/mL),IL-8 (pg/mL),IL-10 (pg/mL)\nW1,QNS,5,Cancelled\n", encoding="utf-8"
    )
    found = list(Interpreter(RANGES, CheckOptions()).events([str(path)]))
    assert [(e.line, e.code, e.column, e.marker) for e in found if isinstance(e, Issue)] == [
        (2, "result-not-given", "IL-6 (pg/mL)", "IL-6"),
        (2, "result-not-given", "IL-10 (pg/mL)", "IL-10"),
    ]
    assert [e.marker for e in found if not isinstance(e, Issue)] == ["IL-8"]


def test_a_wide_file_s_dash_or_n_a_is_a_blank_cell_not_a_value_refused(tmp_path: Path) -> None:
    """QA: a wide row's '-' or 'n/a' under a marker not run was refused as not a number (exit
    2); it is read as a blank cell is, and counted with them. A long file's stays refused:
    its row is there to give a result (QA: beside 'Above Detection Range' it hid one)."""
    path = tmp_path / "wide.csv"
    path.write_text(
        "Sample,IL-6 (pg/mL),IL-8 (pg/mL),IL-10 (pg/mL)\nW1,-,5,n/a\nW2,2,,4\nW3,NA,—,--\n",
        encoding="utf-8",
    )
    done = runner.invoke(app, ["check", str(path), "--format", "ndjson"])
    assert done.exit_code == 2, done.output  # W3 has no value at all: as a row of blanks
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [x["marker"] for x in lines if "status" in x] == ["IL-8", "IL-6", "IL-10"]
    assert [(x["rejected"]["line"], x["rejected"]["code"]) for x in lines if "rejected" in x] == [
        (4, "row-no-values")
    ]
    assert [x["warning"]["message"] for x in lines if "warning" in x] == [
        "3 marker cells left blank or marked '-' or 'n/a' were read as 'not measured' (the "
        "first on line 2)"
    ]
    long = tmp_path / "long.csv"
    long.write_text("sample_id,marker,value,unit\nS1,IL-6,-,pg/mL\n", encoding="utf-8")
    refused = runner.invoke(app, ["check", str(long), "--format", "ndjson"])
    assert refused.exit_code == 2 and '"code":"value-not-a-number"' in refused.stdout


def test_validate_and_check_exit_by_the_results_alone(tmp_path: Path) -> None:
    path = tmp_path / "words.csv"
    path.write_text(LONG, encoding="utf-8")
    validated = runner.invoke(app, ["validate", str(path)])
    assert validated.exit_code == 0, validated.output
    assert "6 warnings" in validated.output
    checked = runner.invoke(app, ["check", str(path)])
    assert checked.exit_code == 0, checked.output  # IL-17 2.0 is normal; nothing refused
    said = " ".join(checked.stdout.split())
    assert "The IL-2 result of this sample is not back yet (line 7)." in said
    assert (
        "The lab gave no result for IL-6, IL-8, IL-10, TNF-α and IFN-γ of this sample (lines 2, "
        "3, 4, 5 and 6)" in said
    )  # each test by its name, as the table gives it (educator QA round 20, note 63)
