"""Educator QA round 14 (/work/qa14/edu): what a class met preparing a lesson."""

from __future__ import annotations

import json

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
    assert (
        "IL-1β is so far above the range" in text
        and "The sentences below that read the results together leave that result out." in (text)
    )
    assert "at the same time" not in text and "540,541" not in text
    assert "IL-6 is 1.8 times the upper limit." in text


@pytest.mark.parametrize(
    ("person", "args"),
    [("age\n8", []), ("age\n8 y", []), ("birth_date,collected_at\n2018-01-01,2026-03-01", []),
     ("", ["--age", "8"])],
)  # fmt: skip
def test_a_child_judged_by_a_range_for_no_age_is_told_so(tmp_path, person, args) -> None:
    """An 8-year-old's IL-6 of 4.0 was 'high' by the default set and 'normal' by mayo-adult,
    with no word that the default's range does not say it fits children."""
    header, _, cells = person.partition("\n")
    path = tmp_path / "child.csv"
    path.write_text(
        f"sample_id,marker,value,unit{',' + header if header else ''}\n"
        f"S1,IL-6,4.0,pg/mL{',' + cells if cells else ''}\n"
        f"S1,IL-10,3.0,pg/mL{',' + cells if cells else ''}\n"
    )
    document = json.loads(runner.invoke(app, ["check", str(path), "-f", "json", *args]).stdout)
    results = document["panels"][0]["results"]
    assert [r["status"] for r in results] == ["high", "normal"]  # kept: the note says why
    assert all("this range does not say if it fits children" in r["note"] for r in results)
    assert (
        "These ranges do not say if they fit children. A child's levels can be different, so "
        "ask the lab which ranges fit a child." in document["panels"][0]["summary"]["text"]
    )


def test_an_adults_results_get_no_note_about_children(tmp_path) -> None:
    path = tmp_path / "adult.csv"
    path.write_text("sample_id,marker,value,unit,age\nS1,IL-6,4.0,pg/mL,40\n")
    [result] = check_file(path).panels[0].results
    assert result.note is None


def test_no_range_for_a_childs_age_is_said_as_age_not_age_or_sex(tmp_path) -> None:
    """mayo-adult has no range for an 8-year-old: it said 'age or sex', though the sex did
    not matter."""
    path = tmp_path / "child.csv"
    path.write_text("sample_id,marker,value,unit,age\nS1,TNF-α,9,pg/mL,8\n")
    text = check_file(path, ranges="mayo-adult").panels[0].summary.text
    assert any("but no range that fits this person's age, so" in t for t in text)


def test_a_marker_of_ones_own_whose_name_starts_with_a_is_still_explained(tmp_path) -> None:
    """Review: 'explain A beta 42' of a set of one's own was read as the question 'a …'."""
    ranges = tmp_path / "csf.toml"
    ranges.write_text(
        '[set]\nname = "csf"\n\n[markers."A beta 42"]\nunit = "pg/mL"\nlow = 500\nsource = "x"\n'
    )
    result = runner.invoke(app, ["explain", "A", "beta", "42", "--ranges", str(ranges)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("A beta 42")


def test_a_marker_at_an_excluded_limit_twice_is_said_in_one_clause_each(tmp_path) -> None:
    """Review: '6.4 pg/mL. The range is below 6.4 pg/mL, so this is just outside it; 2 times
    the upper limit' garbled the sentence of a marker measured twice."""
    path = tmp_path / "x.csv"
    path.write_text("sample_id,marker,value,unit\nS1,IL-6,6.4,pg/mL\nS1,IL-6,12.8,pg/mL\n")
    text = check_file(path, ranges="mayo-adult").panels[0].summary.text
    assert (
        "IL-6 is above the range in 2 results: 6.4 pg/mL, just outside a range below 6.4 pg/mL; "
        "2 times the upper limit." in " ".join(text)
    )


def test_too_little_to_measure_is_not_called_common_where_the_range_has_a_low_limit(
    tmp_path,
) -> None:
    """Second review: 'common in healthy people' was said of sIL-2R's ND, whose range has a
    lower limit (too little may be low)."""
    path = tmp_path / "nd.csv"
    path.write_text("sample_id,marker,value,unit\nS1,sIL-2R,ND,pg/mL\nS2,IL-6,ND,pg/mL\n")
    report = check_file(path)
    low_limit, none = (" ".join(p.summary.text) for p in report.panels)
    assert "common in healthy people" not in low_limit
    assert "Too little to measure is common in healthy people." in none


@pytest.mark.parametrize("words", ["the IL-6 test", "an IL-6 test"])
def test_an_article_before_a_known_marker_is_still_a_question(words) -> None:
    """Second review: 'explain the IL-6 test' failed once articles were read only before the
    topic's words."""
    result = runner.invoke(app, ["explain", *words.split()])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("IL-6")


def test_a_child_judged_by_a_range_for_a_sex_alone_is_told_so_too(tmp_path) -> None:
    """Second review: a row by sex alone names no age either, but gave no note."""
    ranges = tmp_path / "kids.toml"
    ranges.write_text(
        '[set]\nname = "kids"\n\n[markers."IL-6"]\nunit = "pg/mL"\nsource = "x"\n'
        '[[markers."IL-6".intervals]]\nsex = "male"\nhigh = 3\n'
        '[[markers."IL-6".intervals]]\nsex = "female"\nhigh = 4\n'
    )
    path = tmp_path / "c.csv"
    path.write_text("sample_id,marker,value,unit,age,sex\nC1,IL-6,4.0,pg/mL,8,M\n")
    [result] = check_file(path, ranges=str(ranges)).panels[0].results
    assert result.note == "range for male; this range does not say if it fits children"


def test_the_child_sentence_is_said_in_full_once_in_a_table_of_many_children(tmp_path) -> None:
    """Second review: a file of 100 children's samples said the whole sentence 100 times."""
    path = tmp_path / "kids.csv"
    path.write_text(
        "sample_id,marker,value,unit,age\nC1,IL-6,4,pg/mL,8\nC2,IL-6,1,pg/mL,9\nC3,IL-6,1,pg/mL,7\n"
    )
    table = runner.invoke(app, ["check", str(path)], env={"COLUMNS": "250"}).stdout
    assert table.count("A child's levels can be different") == 1
    assert table.count("These ranges do not say if they fit children (as said above).") == 2
