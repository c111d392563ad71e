"""Educator QA round 14 (/work/qa14/edu): what a class met preparing a lesson."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from panelcli.check import check_file
from panelcli.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    "words", ["what is a cytokine storm", "a cytokine storm", "inflammation",
              "what is the cytokine panel"],
)  # fmt: skip
def test_a_question_about_the_topic_without_a_question_mark_gets_the_overview(words) -> None:
    """'explain what is a cytokine storm' (no '?') was 'no explanation for 'a''."""
    result = runner.invoke(app, ["explain", *words.split()])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Cytokines and the cytokine panel")


def test_an_export_to_pdf_is_told_how_to_make_one(tmp_path) -> None:
    """'--export x.pdf' was told '> x.pdf', a text file no PDF reader opens."""
    result = runner.invoke(app, ["demo", "cytokine-storm", "--export", str(tmp_path / "x.pdf")])
    assert result.exit_code == 2
    said = " ".join(result.stderr.replace("│", " ").split())
    assert "panelcli does not write PDF files ('x.pdf'); for a PDF, export a page" in said
    assert "print it to PDF" in said and "> " not in said


def test_a_rows_note_writes_micrograms_as_its_unit_column_does(tmp_path) -> None:
    """Ferritin's unit was 'µg/L' in its Unit column and 'ug/L' in its note."""
    path = tmp_path / "f.csv"
    path.write_text("sample_id,marker,value,unit,age\nS1,Ferritin,500,ug/L,40\n")
    [result] = check_file(path, ranges="mayo-adult").panels[0].results
    assert "31 - 409 µg/L" in (result.note or "") and "ug/L" not in (result.note or "")


def test_a_handouts_legends_are_dark_enough_to_read_on_paper(tmp_path) -> None:
    """The how-to-read legends were #7f7f7f on white (4.0:1), under the 4.5:1 minimum."""
    page = tmp_path / "storm.html"
    assert runner.invoke(app, ["demo", "cytokine-storm", "--export", str(page)]).exit_code == 0
    text = page.read_text(encoding="utf-8")
    assert "#7f7f7f" not in text and "#595959" in text


def test_a_value_whose_unit_may_be_wrong_makes_no_pattern_with_another(tmp_path) -> None:
    """IL-1β '4 mg/L' (a unit slip, 540,541 times the limit) was said to be 'high at the same
    time' as IL-6, a sign of strong inflammation."""
    path = tmp_path / "u.csv"
    path.write_text("sample_id,marker,value,unit\nS1,IL-6,4.5,pg/mL\nS1,IL-1β,4,mg/L\n")
    text = " ".join(check_file(path).panels[0].summary.text)
    assert "IL-1β is so far above the range" in text and "What follows leaves that result out." in (
        text
    )
    assert "at the same time" not in text and "540,541" not in text
    assert "IL-6 is 1.8 times the upper limit." in text
