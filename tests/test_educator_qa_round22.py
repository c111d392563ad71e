"""Educator and patient-reader QA round 22 (/work/qa22/probe/report.md) and round 21's leftovers."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.cli import app

runner = CliRunner()


def test_explain_gives_each_group_its_own_range_line() -> None:
    """Round 21's probe 8: at 60 columns `explain ferritin` broke '11 - 328 µg/L' at its ' - ',
    the next line starting '- 328' (a negative number to a reader): each group of people's
    range is a line of its own, as `ranges show` gives them."""
    for columns in ("60", "100"):
        shown = runner.invoke(app, ["explain", "ferritin"], env={"COLUMNS": columns}).stdout
        lines = [line.strip(" │•") for line in shown.splitlines()]
        assert not any(line.startswith("- ") for line in lines), shown
        assert any(line.startswith("female, age 51 and over: 11 - 328") for line in lines), shown


def test_a_trends_range_writes_micrograms_as_its_numbers_do(tmp_path: Path) -> None:
    """Probe 3: the trend's range said '11 - 328 ug/L' beside '200 → 205 µg/L'."""
    from panelcli.check import check_file

    path = tmp_path / "ferritin.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit,sex,birth_date\n"
        "A,P1,2026-01-10,Ferritin,200,ug/L,F,1975-03-01\n"
        "B,P1,2026-06-10,Ferritin,205,ug/L,F,1975-03-01\n",
        encoding="utf-8",
    )
    (trend,) = check_file(path, "mayo-adult").trends
    assert (trend.markers[0].reference or "").startswith("11 - 328 µg/L (the last test's")


def test_results_too_low_to_tell_share_one_sentence(tmp_path: Path) -> None:
    """Probe 4: 'The test could not measure IL-6 low enough …' was said once a marker, four
    times alike, where every other sentence names its markers together."""
    from panelcli.check import check_file

    path = tmp_path / "censored.csv"
    path.write_text(
        "sample_id,marker,value,unit\nC,IL-6,<20,pg/mL\nC,IL-10,<20,pg/mL\nC,TNF-α,<30,pg/mL\n"
        "C,IFN-γ,<30,pg/mL\nD,IL-6,<20,pg/mL\n",
        encoding="utf-8",
    )
    four, one = (p.summary.text for p in check_file(path).panels)
    assert four[1] == (
        "4 results could not be judged. The test could not measure IL-6, IL-10, TNF-α and "
        "IFN-γ low enough to tell if they are in range."
    )
    assert one[-1].endswith("The test could not measure IL-6 low enough to tell if it is in range.")


@pytest.mark.parametrize(
    "question",
    ["normal IL-6", "what is a normal IL-6 level", "normal range for IL-6",
     "what is the normal range for IL-6"],
)  # fmt: skip
def test_explain_reads_a_question_about_a_normal_level(question: str) -> None:
    """Probe 5: 'normal IL-6' and 'normal range for IL-6' were refused (exit 2), where 'high
    IL-6' and 'IL-6 normal range' were read: the first questions a class asks."""
    run = runner.invoke(app, ["explain", *question.split()])
    assert run.exit_code == 0, run.output
    assert run.stdout.startswith("IL-6\n")


def test_demo_help_names_every_sample() -> None:
    """Probe 9: `demo --help` named no sample; only `demo` with no name listed them."""
    from panelcli.cli import DEMO_SAMPLE_NAMES
    from panelcli.samples import list_samples

    assert tuple(sample.name for sample in list_samples()) == DEMO_SAMPLE_NAMES
    shown = " ".join(runner.invoke(app, ["demo", "--help"]).stdout.split())
    assert ", ".join(DEMO_SAMPLE_NAMES) in shown.replace("- ", "-")  # help wraps at hyphens


def test_demo_commands_stay_whole_at_60_columns() -> None:
    """Probe 7: at 60 columns 'panelcli demo below-detection --csv prints it' broke before
    '--csv', and 'for example: panelcli demo all-in-range' before 'demo'."""
    one = runner.invoke(app, ["demo", "below-detection"], env={"COLUMNS": "60"}).stdout
    assert "\npanelcli demo below-detection --csv\n" in one
    listed = runner.invoke(app, ["demo"], env={"COLUMNS": "60"}).stdout
    assert "\nFor example: panelcli demo all-in-range\n" in listed


def test_a_childs_crp_by_mayos_all_ages_range_gets_no_child_note(tmp_path: Path) -> None:
    """Probe 8: a boy of 10's CRP was 'this range does not say if it fits children' while
    Mayo's source for it, shown beside it, says '(all ages)'."""
    from panelcli.check import check_file
    from panelcli.ranges import CHILD_RANGE_NOTE

    path = tmp_path / "crp.csv"
    path.write_text("sample_id,marker,value,unit,age,sex\nK,CRP,12,mg/L,10,M\n", encoding="utf-8")
    (panel,) = check_file(path, "mayo-adult").panels
    (result,) = panel.results
    assert (result.status, result.note) == ("high", None)
    assert CHILD_RANGE_NOTE not in " ".join(panel.summary.text)
    shown = runner.invoke(app, ["ranges", "show", "mayo-adult"], env={"COLUMNS": "200"}).stdout
    assert "all ages: < 5 mg/L" in shown


def test_an_unreadable_sex_is_said_as_the_sex_alone(tmp_path: Path) -> None:
    """Probe 6: sex 'X' with age 40 said 'depends on sex or age … could not tell them', where
    a blank sex said 'depends on sex … could not tell it'."""
    from panelcli.check import check_file

    path = tmp_path / "x.csv"
    path.write_text(
        "sample_id,marker,value,unit,sex,age\nE,Ferritin,30,ug/L,X,40\nG,Ferritin,30,ug/L,,40\n",
        encoding="utf-8",
    )
    said = "The range for Ferritin depends on sex, and panelcli could not tell it from the file."
    for panel in check_file(path, "mayo-adult").panels:
        assert said in " ".join(panel.summary.text), panel.sample_id


def test_another_molecule_or_test_is_not_hinted_as_the_marker(tmp_path: Path) -> None:
    """Probe 2: 'hs-CRP … did you mean CRP?' and 'IL-2 receptor beta … did you mean sIL-2R?'
    told a patient a correct name may be misspelled; explain sent 'IL-6 receptor' and 'IFN-γ
    release assay' (a TB test) to IL-6's and IFN-γ's texts."""
    from panelcli.check import check_file

    path = tmp_path / "other.csv"
    path.write_text(
        "sample_id,marker,value,unit\nA,hs-CRP,2,mg/L\nA,IL-2 receptor beta,300,pg/mL\n"
        "A,Interleukn 6,3,pg/mL\n",
        encoding="utf-8",
    )
    (panel,) = check_file(path, "mayo-adult").panels
    notes = [r.note or "" for r in panel.results]
    assert "did you mean" not in notes[0] + notes[1]
    assert "did you mean IL-6?" in notes[2]  # a misspelling still gets its hint
    for words, marker in (("IL-6 receptor", "IL-6"), ("IFN-γ release assay", "IFN-γ")):
        run = runner.invoke(app, ["explain", *words.split()])
        assert run.exit_code == 2
        assert f"it names another molecule or test than {marker}" in " ".join(run.stderr.split())
    assert runner.invoke(app, ["explain", "soluble", "IL-2", "receptor"]).exit_code == 0


def test_one_sample_with_two_collection_dates_is_said_and_not_read_as_one_draw(
    tmp_path: Path,
) -> None:
    """Probe 1: S1's rows dated 2026-03-01 and 2026-03-05 were read as one pattern ('strong
    inflammation'), its two IL-6 results said to 'disagree', the second date said only in a
    lab-staff warning."""
    from panelcli.check import check_file

    path = tmp_path / "dates.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "S1,P1,2026-03-01,IL-6,<1.5,pg/mL\nS1,P1,2026-03-01,TNF-α,20,pg/mL\n"
        "S1,P1,2026-03-05,IL-6,30,pg/mL\nS1,P1,2026-03-05,IL-1β,30,pg/mL\n"
        "S2,P2,2026-03-01,IL-6,30,pg/mL\nS2,P2,2026-03-01 08:00,IL-1β,30,pg/mL\n",
        encoding="utf-8",
    )
    two, one = (" ".join(p.summary.text) for p in check_file(path).panels)
    assert (
        "These results have one sample ID, but the file gives it 2 collection dates (2026-03-01 "
        "and 2026-03-05). Some of the results may be from another blood draw." in two
    )
    assert "not read together as a pattern" in two
    assert "strong" not in two and "disagree" not in two
    assert "collection dates" not in one  # one day, once with its time


def test_round_23_a_markers_results_of_two_draws_or_both_sides(tmp_path: Path) -> None:
    """Educator QA round 23: IL-6 2.0 (03-01) and 300 (03-05) were '150 times another … a unit
    written wrong'; Ferritin 5 and 200 of one draw were 'too much' and 'too little' iron with
    no word that they disagree; two results of 03-05 beside one of 03-01 were not said to
    disagree; one patient's two dates were 'maybe not from one person'."""
    from panelcli.check import check_file

    path = tmp_path / "draws.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit,sex,age\n"
        "S1,P1,2026-03-01,IL-6,2.0,pg/mL,F,40\nS1,P1,2026-03-05,IL-6,300,pg/mL,F,40\n"
        "S2,P2,2026-03-01,Ferritin,5,ug/L,F,40\nS2,P2,2026-03-01,Ferritin,200,ug/L,F,40\n"
        "S3,P3,2026-03-01,IL-6,2.0,pg/mL,F,40\nS3,P3,2026-03-05,IL-6,2.0,pg/mL,F,40\n"
        "S3,P3,2026-03-05,IL-6,3.0,pg/mL,F,40\nS3,P3,2026-03-05,TNF-α,30,pg/mL,F,40\n",
        encoding="utf-8",
    )
    two_dates, both_sides, one_draw = (
        " ".join(p.summary.text) for p in check_file(path, "arup-3002601").panels
    )
    assert "written wrong" not in two_dates and "disagree" not in two_dates
    assert (
        "One result for Ferritin is above the range and another is below it, so they disagree."
        in " ".join(check_file(path, "mayo-adult").panels[1].summary.text)
    )
    assert "On 2026-03-05, one result for IL-6 is inside the range and another is above it" in (
        one_draw
    )
    assert "may not all be from one blood draw, so they are not read together" in one_draw
    assert "one person" not in one_draw


def test_round_23_a_critical_result_beside_a_normal_one_is_above_not_near(
    tmp_path: Path,
) -> None:
    """Educator QA round 23: a critical high beside a normal result was 'outside it'; close
    results with a critical one are not 'near the range's limit'."""
    from panelcli.check import check_file

    ranges = tmp_path / "set.toml"
    ranges.write_text(
        '[set]\nname = "t"\nversion = "1"\ndescription = "t"\n\n[markers."IL-6"]\n'
        'unit = "pg/mL"\nhigh = 10.0\ncritical_high = 11.0\nsource = "x"\n',
        encoding="utf-8",
    )
    path = tmp_path / "crit.csv"
    path.write_text(
        "sample_id,marker,value,unit\nS1,IL-6,5,pg/mL\nS1,IL-6,50,pg/mL\n"
        "S2,IL-6,10,pg/mL\nS2,IL-6,11.5,pg/mL\n",
        encoding="utf-8",
    )
    far, close = (" ".join(p.summary.text) for p in check_file(path, ranges).panels)
    assert "One result for IL-6 is inside the range and another is above it" in far
    assert "near the range's limit" not in close
    assert "One result for IL-6 is inside the range and another is above it" in close


@pytest.mark.parametrize(
    ("name", "said"),
    [("IL-6 receptor", "it names another molecule or test than IL-6"),
     ("IFN-γ release assay", "it names another molecule or test than IFN-γ"),
     ("IL-12 p40", "'p40' names one part of a protein, measured apart from IL-12")],
)  # fmt: skip
def test_round_23_a_quoted_name_is_said_as_its_words_are(name: str, said: str) -> None:
    """Educator QA round 23: quoted, '"IL-6 receptor"', '"IL-12 p40"' got the bare refusal,
    where the same words unquoted said what they name."""
    run = runner.invoke(app, ["explain", name])
    assert run.exit_code == 2
    assert said in " ".join(run.stderr.split())


@pytest.mark.parametrize("question", ["IL-6 normal", "is my IL-6 normal", "abnormal IL-6"])
def test_round_23_more_normal_questions_are_read(question: str) -> None:
    """Educator QA round 23 (probe 8): these were refused where 'normal IL-6' was read."""
    run = runner.invoke(app, ["explain", *question.split()])
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith("IL-6\n")
