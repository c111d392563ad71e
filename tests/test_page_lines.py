"""A paginated LIMS export repeats its title and header on each page and numbers the pages:
those lines are skipped with a warning naming them (QA: 'Page 1 of 2' and the title were read
as samples with no results, refused, and the run exited 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_whose_rows import events_in, results, warnings

PAGES = (
    "Cytokine report,,,\n"
    "Sample ID,Analyte,Result,Units\n"
    "S1,IL-6,3.5,pg/mL\n"
    "Page 1 of 2,,,\n"
    "Cytokine report,,,\n"
    "Sample ID,Analyte,Result,Units\n"
    "S1,IL-8,20,pg/mL\n"
    "Page 2 of 2,,,\n"
)


@pytest.mark.parametrize("short", [True, False])
def test_page_numbers_and_a_repeated_title_are_skipped(tmp_path: Path, short: bool) -> None:
    events = events_in(tmp_path, PAGES, short)
    assert [(r.line, r.marker) for r in results(events)] == [(3, "IL-6"), (7, "IL-8")]
    skipped = warnings(events, "page-line-skipped")
    assert [(w.line, w.severity) for w in skipped] == [
        (4, "warning"),
        (5, "warning"),
        (8, "warning"),
    ]
    assert skipped[1].message == (
        "'Cytokine report' is a report's page number, print line, title, count, end or rule, "
        "not a sample's row; it was skipped"
    )
    assert [e for e in events if getattr(e, "severity", None) == "error"] == []


@pytest.mark.parametrize(
    "line",
    ["Printed by: jdoe 2024-12-26 10:00", "Seite 2 von 3", "- 2 -", "page 3", "End of report",
     "Printed 2024-12-26;Page 1 of 2",  # review: a print line and a page number, two cells
     # QA: decorated, German, French and Spanish ends, sign-offs and counts were samples
     "*** End of Report ***", "-- End of report --", "*** Ende des Befundes ***",
     "Ende des Berichts", "Fin du rapport", "Fin del informe", "Total results: 2",
     "Anzahl Befunde: 3", "Validated by: Dr. A", "Report generated 2026-03-02",
     "Gedruckt am 02.03.2026", "Imprimé le 02/03/2026",
     # QA: ends, counts and rules alone
     "End", "EOF", "*** END ***", "Records: 1", "Total: 1", "------------", "==========",
     "---;---;---"],
)  # fmt: skip
def test_a_wide_file_s_print_line_is_skipped(tmp_path: Path, line: str) -> None:
    text = f"Sample;IL-6 (pg/mL);IL-8 (pg/mL)\nS1;2,1;5\n{line};;\nS2;3;4\n"
    events = events_in(tmp_path, text)
    assert [w.line for w in warnings(events, "page-line-skipped")] == [3]
    assert [r.sample_id for r in results(events)] == ["S1", "S1", "S2", "S2"]


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize(
    "row",
    [
        "S2,,,",  # a sample's row that lost its marker: still refused
        "Cytokine,,,",  # not the title above the header
        "Page 1 of 2,IL-6,3,pg/mL",  # more than one cell: a sample's row, oddly named
        "Endo,,,",  # not an end
        "S3,IL-6,---,pg/mL",  # a value that is a rule: a sample's row, refused
    ],
)
def test_other_rows_are_not_page_lines(tmp_path: Path, short: bool, row: str) -> None:
    events = events_in(tmp_path, PAGES.replace("Page 1 of 2,,,", row), short)
    assert [w.line for w in warnings(events, "page-line-skipped")] == [5, 8]


@pytest.mark.parametrize("short", [True, False])
def test_a_pages_header_block_of_several_cells_is_skipped(tmp_path: Path, short: bool) -> None:
    """QA: a report's 'Patient:;Mustermann, Max' block, repeated above each page's header,
    became samples 'Patient:' and 'Geburtsdatum:', the name a marker, and the run exited 2."""
    block = "Patient:;Mustermann, Max;;\nGeburtsdatum:;01.02.1960;;\n"
    header = "Probe;Analyt;Ergebnis;Einheit\n"
    text = (
        f"{block}{header}L-1;IL-6;12,5;pg/ml\nSeite 1 von 2;;;\n{block}{header}L-1;IL-8;3;pg/ml\n"
    )
    events = events_in(tmp_path, text, short)
    assert [(r.line, r.marker) for r in results(events)] == [(4, "IL-6"), (9, "IL-8")]
    assert [w.line for w in warnings(events, "page-line-skipped")] == [5, 6, 7]
    assert [e for e in events if getattr(e, "severity", None) == "error"] == []


def test_batches_skip_a_pages_header_block_as_check_does(tmp_path: Path) -> None:
    """Review: batches took a page's repeated 'Patient:;…' row for a sample and could cut one
    sample's rows there, losing its marker-repeated warning."""
    from test_batches import batched_ndjson
    from typer.testing import CliRunner

    from panelcli.cli import app

    block = "Patient:;Mustermann, Max;;\nGeburtsdatum:;01.02.1960;;\n"
    header = "Probe;Analyt;Ergebnis;Einheit\n"
    path = tmp_path / "pages.csv"
    path.write_text(
        f"{block}{header}L-1;IL-6;12,5;pg/ml\nSeite 1 von 2;;;\n{block}{header}L-1;IL-6;3;pg/ml\n",
        encoding="utf-8",
    )
    cli = CliRunner().invoke(app, ["check", str(path), "--format", "ndjson"]).stdout
    assert "marker-repeated" in cli
    assert batched_ndjson(path, 1) == cli


def test_the_next_patients_block_on_a_page_is_skipped_too(tmp_path: Path) -> None:
    """Review: only a block repeated word for word was skipped; a report's next patient's
    'Patient:;Musterfrau, Erika' made a marker of the name, and the run exited 2."""
    text = (
        "Patient:;Mustermann, Max;;\nProbe;Analyt;Ergebnis;Einheit\nS1;IL-6;5,0;pg/ml\n"
        "Patient:;Musterfrau, Erika;;\nProbe;Analyt;Ergebnis;Einheit\nS2;IL-6;4,0;pg/ml\n"
    )
    events = events_in(tmp_path, text)
    assert [(r.line, r.sample_id) for r in results(events)] == [(3, "S1"), (6, "S2")]
    assert [w.line for w in warnings(events, "page-line-skipped")] == [4]
    assert [e for e in events if getattr(e, "severity", None) == "error"] == []


@pytest.mark.parametrize("short", [True, False])
def test_a_long_row_of_the_lab_s_comment_is_a_note_not_a_test(tmp_path: Path, short: bool) -> None:
    """QA: 'Comment' and 'Interpretation' rows were refused as values that are not numbers
    (exit 2), or counted as tests the lab gave no result for ('Sample slightly hemolyzed')."""
    text = (
        "Sample ID,Test,Result,Units\nS1,IL-6,4.1,pg/mL\nS1,Comment,Sample slightly hemolyzed,\n"
        "S1,IL-8,3,pg/mL\nS1,Interpretation,Results consistent with inflammation,\n"
        "S1,Lab Comment,Verified by JD,\nS1,Befundkommentar:,12,\nS1,Note,,\n"
        "S1,IL-10,2,pg/mL\n"
    )
    events = events_in(tmp_path, text, short)
    assert [(r.line, r.marker) for r in results(events)] == [(2, "IL-6"), (4, "IL-8"), (9, "IL-10")]
    skipped = warnings(events, "note-row-skipped")
    assert [(w.line, w.sample_id, w.column) for w in skipped] == [
        (3, "S1", "Test"), (5, "S1", "Test"), (6, "S1", "Test"), (7, "S1", "Test"),
        (8, "S1", "Test"),
    ]  # fmt: skip
    assert skipped[0].message == (
        "this row is the lab's 'Comment': 'Sample slightly hemolyzed', not a result; it was not "
        "read as one, but it may be about the results near it"
    )
    assert [e for e in events if getattr(e, "severity", None) == "error"] == []
    assert warnings(events, "result-not-given") == []


def test_a_value_left_out_as_a_dash_is_no_rule(tmp_path: Path) -> None:
    """Review: a wide row of '-' in each marker cell was skipped as a rule, its values unsaid
    (exit 0); a rule is three marks or more."""
    events = events_in(tmp_path, "IL-6 (pg/mL),IL-8 (pg/mL)\n3,4\n-,-\n")
    assert warnings(events, "page-line-skipped") == []
    # each '-' is a cell left empty (README): a row of no values, not a rule
    assert [e.code for e in events if getattr(e, "severity", None) == "error"] == ["row-no-values"]


def test_a_spaced_rule_is_a_rule(tmp_path: Path) -> None:
    """Differential review: '- - - - -' and '* * *' alone on a line were samples, refused."""
    for rule in ("- - - - - - - - - -", "* * *,,,"):
        events = events_in(tmp_path, f"Sample ID,Test,Result,Units\nS1,IL-6,3,pg/mL\n{rule}\n")
        assert [w.line for w in warnings(events, "page-line-skipped")] == [3]
