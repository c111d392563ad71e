"""What the code audit of round 19 (/work/qa19/audit) found."""

from __future__ import annotations

import pytest

from panelcli.check import check_file


def test_initials_that_name_a_summary_or_control_are_a_patient_s_beside_their_name(
    write_csv,
) -> None:
    """Audit F1: sample ids 'SD', 'CV', 'PC', 'NC', 'SE', 'Max' beside a named patient were
    skipped as summaries or controls, values up to 36 times the limit unjudged, exit 0."""
    path = write_csv(
        "sample_id,patient_id,marker,value,unit\nSD,Sarah Doe,IL-6,40,pg/mL\n"
        "CV,Carl Vance,TNF-α,90,pg/mL\nPC,Paul Chen,IL-6,35,pg/mL\nNC,Nina Cole,IL-8,300,pg/mL\n"
        "Max,Max Weber,IL-6,50,pg/mL\nSD,,IL-6,4.0,pg/mL\nNC,N/A,IL-6,1.0,pg/mL\n"
        "Mean,Plate 1,IL-6,12,pg/mL\n"
    )
    report = check_file(path)
    judged = [(p.sample_id, r.status.value) for p in report.panels for r in p.results]
    assert judged == [
        ("SD", "high"),
        ("CV", "high"),
        ("PC", "high"),
        ("NC", "high"),
        ("Max", "high"),
    ]
    assert [(w.code, w.line) for w in report.warnings if w.code == "control-skipped"] == [
        ("control-skipped", 7), ("control-skipped", 8), ("control-skipped", 9)
    ]  # fmt: skip


def test_explain_reads_a_question_without_the_cli() -> None:
    """Audit F4: explain's question reading and its 'no explanation' errors lived in cli.py,
    out of reach of a library caller and of tests without the CLI."""
    from panelcli import explain
    from panelcli.errors import NothingToExplain

    sets, _ = explain.sets_to_show(None)
    assert explain.question_read(["what", "is", "IL-6?"], sets)[0] == "IL-6"
    assert explain.question_read(["storm", "IL-6"], sets) == ("IL-6", ["IL-6"])
    assert explain.question_read(["what", "is", "a", "cytokine", "storm"], sets)[0] is not None
    [found] = explain.explanations_asked("IL-6", ["IL-6"], sets)
    assert found.marker == "IL-6"
    with pytest.raises(NothingToExplain, match=r"no explanation for 'IL-66' \(did you mean IL-6\?"):
        explain.explanations_asked("IL-66", ["IL-66"], sets)


def test_validate_names_the_marker_column_of_an_unknown_marker(tmp_path) -> None:
    """Next-step QA round 19 #5 (was developer QA round 13): validate's no-reference warning
    named the value column; the fix is in the marker's cell. A wide file's column is the
    marker's own."""
    from typer.testing import CliRunner

    from panelcli.cli import app

    runner = CliRunner()
    long = tmp_path / "long.csv"
    long.write_text("sample_id,Analyte,value,unit\nS1,IL-66,3,pg/mL\n", encoding="utf-8")
    wide = tmp_path / "wide.csv"
    wide.write_text("Sample,IL-66 (pg/mL)\nS1,3\n", encoding="utf-8")
    said = runner.invoke(app, ["validate", str(long), str(wide)]).stdout.splitlines()
    assert said[0].startswith(f"{long}:2: Analyte: warning no-reference:")
    assert said[1].startswith(f"{wide}:2: IL-66 (pg/mL): warning no-reference:")


def test_a_control_or_summary_beside_a_word_or_an_id_is_still_skipped(write_csv) -> None:
    """Review of round 19 (R1, R2): the initials rule took 'PC' beside 'Positive', 'QC1'
    beside 'Control', 'Std' beside 'Plate 1', and a patient's own 'SD' and 'CV' rows."""
    path = write_csv(
        "Sample,Patient ID,Analyte,Conc,Units\nPC,Positive,IL-6,55,pg/mL\n"
        "NC,Negative,IL-6,5,pg/mL\nQC1,Control,IL-6,60,pg/mL\nStd,Plate 1,IL-6,400,pg/mL\n"
        "NTC,Run 7,IL-6,9,pg/mL\nSD,P001,IL-6,0.14,pg/mL\nCV,P001,IL-6,12.9,%\n"
        "DS,Dana Smith,IL-6,40,pg/mL\n"
    )
    report = check_file(path)
    assert [(p.sample_id, r.status.value) for p in report.panels for r in p.results] == [
        ("DS", "high")
    ]
    assert [w.line for w in report.warnings if w.code == "control-skipped"] == [2, 3, 4, 5, 6, 7, 8]


def test_a_control_or_summary_named_in_the_patient_cell_is_still_skipped(write_csv) -> None:
    """Second review of round 19 (4): 'Blank' beside 'Reagent Blank', 'Mean' beside 'Group
    Mean', 'NTC' beside 'No Template Control', 'QC' beside 'Quality Control' were judged."""
    path = write_csv(
        "Sample,Patient,Analyte,Conc,Units\nBlank,Reagent Blank,IL-6,3,pg/mL\n"
        "Mean,Group Mean,IL-6,20,pg/mL\nMedian,Plate Median,IL-6,20,pg/mL\n"
        "Calibrator,Calibrator Lot,IL-6,300,pg/mL\nNTC,No Template Control,IL-6,8,pg/mL\n"
        "QC,Quality Control,IL-6,70,pg/mL\nMax,Max Weber,IL-6,50,pg/mL\n"
    )
    report = check_file(path)
    assert [p.sample_id for p in report.panels if p.results] == ["Max"]


def test_validate_names_the_value_s_column_where_a_person_s_range_is_missing(tmp_path) -> None:
    """Second review of round 19: an age-based no-reference pointed at the marker column."""
    from typer.testing import CliRunner

    from panelcli.cli import app

    path = tmp_path / "age.csv"
    path.write_text("sample_id,age,marker,value,unit\nK1,7,TNF-α,9.0,pg/mL\n", encoding="utf-8")
    said = CliRunner().invoke(app, ["validate", str(path), "--ranges", "mayo-adult"]).stdout
    assert said.startswith(f"{path}:2: value: warning no-reference: this set has no range for")
