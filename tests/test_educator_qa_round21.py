"""Educator and patient-reader QA round 21 (/work/qa21/probe/report.md): summary wording."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.check import check_file
from panelcli.cli import app

runner = CliRunner()


def _summary(path: str) -> list[str]:
    """The first panel's summary sentences."""
    return check_file(path).panels[0].summary.text


def test_too_little_to_measure_is_not_called_common_beside_a_high_result(
    write_csv: Callable[..., str],
) -> None:
    """F1: an 'ND' was 'common in healthy people' beside IL-6 at 16 times its limit (a '<1.0'
    beside it was not): beside a result outside, it reads as an all-clear."""
    high = write_csv(
        "sample_id,marker,value,unit\nS1,IL-6,40,pg/mL\nS1,TNF-α,60,pg/mL\nS1,IL-8,ND,pg/mL\n"
        "S1,IL-10,<1.0,pg/mL\n"
    )
    text = " ".join(_summary(high))
    assert "IL-8 was below what the test can measure" in text
    assert "common in healthy people" not in text
    above = write_csv("sample_id,marker,value,unit\nS1,IL-8,ND,pg/mL\nS1,IL-6,OOR >,pg/mL\n")
    assert "common in healthy people" not in " ".join(_summary(above))
    # alone, or beside results inside the range, it is said as before
    alone = write_csv("sample_id,marker,value,unit\nS1,IL-8,ND,pg/mL\nS1,IL-6,1.0,pg/mL\n")
    assert "Too little to measure is common in healthy people." in " ".join(_summary(alone))


def test_not_final_is_said_before_the_all_clear(write_csv: Callable[..., str]) -> None:
    """F3: 'All the results are inside the reference range.' came before 'The IL-6 result is
    not final yet', though a preliminary result is said before the sentences that read it."""
    path = write_csv(
        "sample_id,marker,value,unit,status\nC,IL-6,1.0,pg/mL,preliminary\nC,IL-8,2.0,pg/mL,final\n"
    )
    assert _summary(path)[1:] == [
        "The IL-6 result is not final yet: the lab's number may still change.",
        "All the results are inside the reference range.",
    ]


def test_t_cells_are_said_to_be_white_blood_cells(write_csv: Callable[..., str]) -> None:
    """F4: 'the markers that show how busy the T cells are' told a reader nothing of what a T
    cell is (explain IL-2 says it)."""
    path = write_csv("sample_id,marker,value,unit\nS1,sIL-2R,5000,pg/mL\n")
    assert "show how busy T cells (a kind of white blood cell) are" in " ".join(_summary(path))


def test_strong_inflammation_needs_two_markers_far_up(write_csv: Callable[..., str]) -> None:
    """F2: IL-6 at 3.4 times beside a TNF-α just past its limit was 'a sign of strong
    inflammation', where IL-6 alone at 16 times had no such word. Strong where two markers are
    3 times up or more, mild where none is, no word where they differ."""
    rows = {
        "8.5,15": None,  # 3.4 and 1.03 times: no word
        "7.0,15": "mild",  # 2.8 and 1.03 times
        "8.5,50": "strong",  # 3.4 and 3.4 times
    }
    for values, strength in rows.items():
        il6, tnf = values.split(",")
        path = write_csv(
            f"sample_id,marker,value,unit\nS1,IL-6,{il6},pg/mL\nS1,TNF-α,{tnf},pg/mL\n"
        )
        text = " ".join(_summary(path))
        word = f"{strength} " if strength else ""
        assert f"this can be a sign of {word}inflammation in the body." in text, (values, text)


def test_explain_gives_a_critical_limit_its_unit_and_ranges_show_says_ug_as_the_others(
    tmp_path: Path,
) -> None:
    """F9: explain's range read '≤ 2.5 pg/mL, critical ≥ 100'; F10: ranges show wrote
    ferritin's unit 'ug/L', explain and check 'µg/L'."""
    ranges = tmp_path / "lab.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nhigh = 2.5\ncritical_high = 100\nsource = "test"\n',
        encoding="utf-8",
    )
    said = " ".join(runner.invoke(app, ["explain", "IL-6", "-r", str(ranges)],
                                  env={"COLUMNS": "200"}).stdout.split())  # fmt: skip
    assert "≤ 2.5 pg/mL, critical ≥ 100 pg/mL" in said
    shown = runner.invoke(app, ["ranges", "show", "mayo-adult"], env={"COLUMNS": "200"}).stdout
    assert "µg/L" in shown and "ug/L" not in shown.replace("mcg/L", "")


def test_export_titles_and_a_picture_s_name(tmp_path: Path) -> None:
    """F11: '--export s.png' offered '> s.png' for text; the overview's and the sample list's
    pages were titled 'panelcli report'."""
    refused = runner.invoke(app, ["demo", "storm", "--export", str(tmp_path / "s.png")])
    assert refused.exit_code == 2
    said = " ".join(refused.stderr.split())
    assert "for a picture, --export" in said and "s.svg" in said and "s.txt" in said
    for command, title in (
        (["explain"], "Cytokines explained (panelcli)"),
        (["demo"], "Sample panels (panelcli demo, synthetic)"),
    ):
        page = tmp_path / f"{command[0]}.html"
        assert runner.invoke(app, [*command, "--export", str(page)]).exit_code == 0
        assert f"<title>{title}</title>" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("words", [["interleukin"], ["immune", "system"], ["interleukins"]])
def test_a_student_s_words_for_the_topic_give_the_overview(words: list[str]) -> None:
    """F12: 'interleukin' and 'immune system' were refused with the list of markers."""
    run = runner.invoke(app, ["explain", *words])
    assert run.exit_code == 0
    assert run.stdout.startswith("Cytokines and the cytokine panel")


def test_a_subunit_is_not_sent_to_the_marker_s_text() -> None:
    """F12: 'IL-12 p40' was hinted to IL-12's text, though p40 is measured apart from it."""
    run = runner.invoke(app, ["explain", "IL-12", "p40"])
    assert run.exit_code == 2
    said = " ".join(run.stderr.split())
    assert "'p40' names one part of a protein, measured apart from IL-12" in said


def test_a_marker_judged_by_the_lab_s_range_alone_says_panelcli_cannot_read_it(
    write_csv: Callable[..., str],
) -> None:
    """F6: 'IL-18 is 1.3 times the upper limit.' stood alone, where every other high marker had
    what it can be a sign of; its table note said twice that the range was the file's."""
    from panelcli.render.table import result_cells

    path = write_csv("sample_id,marker,value,unit,reference_range\nS,IL-18,600,pg/mL,<=477\n")
    [panel] = check_file(path).panels
    assert panel.summary.text[1] == (
        "IL-18 is 1.3 times the upper limit. panelcli cannot say what a high IL-18 level can be "
        "a sign of; a healthcare provider can."
    )
    note = result_cells(panel.results[0], None)["Note"].plain
    assert note.count("file") == 1 and note.endswith("the lab's range in the file was used")


def test_a_trend_says_a_test_left_out_is_critical_either_way(
    write_csv: Callable[..., str], tmp_path: Path
) -> None:
    """Note 63's leftover: a trend whose last test is critical however its number is read (AA)
    said only that it was not compared, though the panel's summary calls it critical."""
    ranges = tmp_path / "qa15.toml"
    ranges.write_text(
        '[set]\nname = "qa15"\nversion = "1"\n[markers."IL-8"]\nunit = "pg/mL"\nlow = 2.0\n'
        'high = 50.0\ncritical_low = 1.0\ncritical_high = 500.0\nsource = "test"\n',
        encoding="utf-8",
    )
    path = write_csv(
        "patient_id;sample_id;collected;marker;value;unit\nP1;S1;2026-03-01;IL-8;20;pg/mL\n"
        "P1;S2;2026-03-02;IL-8;1.000;pg/mL\n"
    )
    [trend] = check_file(path, str(ranges)).trends
    assert (
        "IL-8's test on 2026-03-02 is at or past a critical limit however the number is read. A "
        "result like this should be talked over with a healthcare provider soon."
    ) in trend.text


def test_a_test_not_back_is_named_as_the_table_names_markers(
    write_csv: Callable[..., str],
) -> None:
    """Note 63's leftover: 'The IL6 result … is not back yet' beside a table of 'IL-6'; the
    warning keeps the file's spelling."""
    path = write_csv(
        "sample_id,marker,value,unit,status\nS1,IL6,,pg/mL,pending\nS1,IL-8,5,pg/mL,final\n"
    )
    report = check_file(path)
    assert (
        "The IL-6 result of this sample is not back yet (line 2)." in report.panels[0].summary.text
    )
    assert [w.marker for w in report.warnings if w.code == "result-not-given"] == ["IL6"]


def test_below_measure_is_not_called_common_beside_a_result_above_measure(
    write_csv: Callable[..., str],
) -> None:
    """Review of round 21: '<1.0' was 'common in healthy people' beside IL-6 'OOR >'."""
    path = write_csv("sample_id,marker,value,unit\nS1,IL-10,<1.0,pg/mL\nS1,IL-6,OOR >,pg/mL\n")
    text = " ".join(check_file(path).panels[0].summary.text)
    assert "1 result was too low for the test to measure (IL-10)." in text
    assert "common in healthy people" not in text
