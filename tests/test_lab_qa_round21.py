"""Lab staff QA round 21 (/work/qa21/lab/report.md): real exports read wrong."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from typer.testing import CliRunner

from panelcli.cli import app

runner = CliRunner()


def _check_json(path: str, *options: str) -> tuple[int, dict]:
    """Exit code and JSON document of `panelcli check path -f json`."""
    run = runner.invoke(app, ["check", path, "-f", "json", *options])
    return run.exit_code, json.loads(run.stdout)


def test_a_censored_value_under_an_alarm_is_said_to_be_marked(
    write_csv: Callable[..., str],
) -> None:
    """F1: '>5000' under the alarm 'Cal.E' 'could be inside or outside the range' of ≤ 2.5, and
    '<2.0' under 'Bubble detected' was one the test 'could not measure low enough': the summary
    says the instrument or the lab's check marked them, as their notes do."""
    from panelcli.check import check_file

    alarm = write_csv(
        "Sample ID,Marker,Result,Units,Data Alarm\nS1,IL-6,>5000,pg/mL,Cal.E\n"
        "S1,IL-8,<2.0,pg/mL,Bubble detected\n"
    )
    qc = write_csv("Sample ID,Marker,Result,Units,Flag\nS1,IL-6,>5000,pg/mL,QCF\n", "qc.csv")
    assert check_file(alarm).panels[0].summary.text[1] == (
        "2 results could not be judged. The instrument or the lab's quality check marked the "
        "IL-6 and IL-8 results, so panelcli did not judge them. Ask the lab if they can be used."
    )
    text = " ".join(check_file(qc).panels[0].summary.text)
    assert "marked the IL-6 result, so panelcli did not judge it." in text
    assert "inside or outside" not in text


def test_a_flag_glued_to_the_number_is_said_as_one_after_a_space(
    write_csv: Callable[..., str],
) -> None:
    """F2: '150HH' and '1.0H' were read (a warning said so), but the table's note and the
    summary left the lab's mark out, as they said it for '150 HH' and '1.0 H'."""
    from panelcli.check import check_file
    from panelcli.summary import lab_mark_note

    path = write_csv(
        "Sample ID,Marker,Result,Unit\nS1,IL-6,150HH,pg/mL\nS3,IL-8,1.0H,pg/mL\n"
        "S5,IL-6,1.0N,pg/mL\n"
    )
    critical, high, normal = check_file(path).panels
    assert lab_mark_note(critical.results[0]) == "lab: 'HH' (critically high)"
    assert "The lab marked IL-6 as critically high." in " ".join(critical.summary.text)
    assert lab_mark_note(high.results[0]) == "lab: 'H' (high)"
    assert "The lab marked IL-8 as high." in " ".join(high.summary.text)
    assert lab_mark_note(normal.results[0]) is None  # the lab's 'N' agrees


def test_a_wide_header_s_range_with_its_words_is_read(write_csv: Callable[..., str]) -> None:
    """F4: 'IL-2 (pg/ml) (bis 2,1)' and 'IL-10 (pg/ml) (Ref: < 5,3)' were not read, their high
    values unsaid and exit 0 ('1 marker was tested'): a range in brackets with the words a
    range column reads is the lab's range; a bare number ('(19)') is a bead region, as before."""
    path = write_csv(
        "Probe;IL-6 (pg/ml);IL-2 (pg/ml) (bis 2,1);IL-10 (pg/ml) (Ref: < 5,3);"
        "IL-4 (pg/ml) (0,0-2,1 pg/ml);IL-8 (pg/ml) (19)\nA;1,0;2,2;9,0;9,0;1,0\n"
    )
    code, document = _check_json(path)
    assert code == 1
    [panel] = document["panels"]
    read = {r["marker"]: (r["status"], r["reference"]["text"]) for r in panel["results"]}
    assert read == {
        "IL-6": ("normal", "≤ 2.5 pg/mL"),
        "IL-2": ("high", "≤ 2.1 pg/mL"),
        "IL-10": ("high", "< 5.3 pg/mL"),
        "IL-4": ("high", "0 - 2.1 pg/mL"),
        "IL-8": ("normal", "≤ 9.4 pg/mL"),
    }
    assert not [w for w in document["warnings"] if w["code"] == "column-ignored"]


@pytest.mark.parametrize(
    "header",
    [
        "Muestra;Analito;Resultado;Unidades",
        "Probe;Messgröße;Ergebnis;Einheit",
    ],
)
def test_more_names_of_the_marker_column(write_csv: Callable[..., str], header: str) -> None:
    """P6: 'Analito' and 'Messgröße' were refused ('no marker column'). ('Untersuchung' and
    'Examen' are not read so: beside 'Analyt' they name the panel, review of round 21.)"""
    code, document = _check_json(write_csv(f"{header}\nA1;IL-6;12,0;pg/ml\n"))
    assert code == 1
    [panel] = document["panels"]
    assert [(r["marker"], r["status"]) for r in panel["results"]] == [("IL-6", "high")]


def test_hl7_s_name_of_the_observation_time_and_a_german_range_column(
    write_csv: Callable[..., str],
) -> None:
    """P7: 'Date/Time of the Observation' (OBX-14 by name) was not read, so two draws a week
    apart made one panel; a German 'Referenz' column was 'not a known field'."""
    code, document = _check_json(
        write_csv(
            "Patient;Date/Time of the Observation;Test;Wert;Einheit;Referenz\n"
            "P1;2026-03-02;IL-6;12,0;pg/ml;< 7,0\nP1;2026-03-09;IL-6;5,0;pg/ml;< 7,0\n"
        )
    )
    assert code == 1
    panels = document["panels"]
    assert [(p["collected_at"], p["results"][0]["status"]) for p in panels] == [
        ("2026-03-02", "high"),
        ("2026-03-09", "normal"),
    ]
    assert {p["results"][0]["reference"]["text"] for p in panels} == {"< 7 pg/mL"}
    assert not [w for w in document["warnings"] if w["code"] == "column-ignored"]


def test_a_trend_s_title_says_hl7_s_dates_as_its_sentences_do(
    write_csv: Callable[..., str],
) -> None:
    """P9: the title read '2 dates, 20260310 to 2026-06-01' over 'from 2026-03-10 to …'."""
    from panelcli.check import check_file
    from panelcli.render.table import trend_title

    path = write_csv(
        "Patient ID,Sample ID,Collected,Marker,Result,Unit\nP1,B,20260310,IL-6,2.0,pg/mL\n"
        "P1,F,2026-06-01,IL-6,6.0,pg/mL\n"
    )
    [trend] = check_file(path).trends
    assert trend_title(trend).plain.endswith("2 dates, 2026-03-10 to 2026-06-01")
    assert "from 2026-03-10 to 2026-06-01" in trend.text[0]


def test_two_points_can_only_group_thousands(write_csv: Callable[..., str]) -> None:
    """P8: '1.234.567' in a ';' file was 'not a number' with no reason, though '1.234.567,0'
    was read; in a ',' file it is refused, saying its points may group thousands."""
    from panelcli.check import check_file

    semicolons = check_file(
        write_csv("Probe;Analyt;Ergebnis;Einheit\nS1;IL-10;3,0;pg/ml\nS2;sIL-2R;1.234.567;fg/ml\n")
    )
    assert not semicolons.rejected
    assert [r.value for p in semicolons.panels for r in p.results] == [3.0, 1234.567]
    commas = check_file(
        write_csv("sample_id,marker,value,unit\nS,IL-6,1.234.567,pg/mL\n", "commas.csv")
    )
    [refused] = commas.rejected
    assert refused.code == "value-thousands-separator"
    assert "'.' more than once, which may group thousands (1234567)" in refused.message


def test_rows_inside_an_open_quote_are_counted_in_their_samples(
    write_csv: Callable[..., str],
) -> None:
    """F5: a stray quote from line 2 to 5 took S1's IL-8 and IL-10 and S2's IL-6 (12, high):
    S1 said 'the one result … could not be used', S2 read as an all-clear."""
    from panelcli.check import check_file

    path = write_csv(
        'Sample ID,Marker,Result,Unit,Comment\nS1,IL-6,3.0,pg/mL,"hemolysed\nS1,IL-8,50,pg/mL,\n'
        'S1,IL-10,9.0,pg/mL,\nS2,IL-6,12,pg/mL,repeat 2x"\nS2,IL-8,5,pg/mL,\n'
    )
    report = check_file(path)
    assert [(i.code, i.line, i.sample_id) for i in report.rejected] == [
        ("row-holds-rows", 2, "S1"),
        ("row-in-open-quote", 3, "S1"),
        ("row-in-open-quote", 4, "S1"),
        ("row-in-open-quote", 5, "S2"),
    ]
    first, second = report.panels
    assert first.summary.text == [
        "None of the 3 results of this sample could be used (lines 2, 3 and 4). The list of what "
        "could not be used says why."
    ]
    assert "1 more result of this sample could not be used (line 5)." in " ".join(
        second.summary.text
    )
    assert "All the results" not in " ".join(second.summary.text)


@pytest.mark.parametrize(
    ("written", "marker"),
    [
        ("IL-6 (Suero)", "IL-6"),
        ("IL-8 (Siero)", "IL-8"),
        ("TNF-α (Sérum)", "TNF-α"),
        ("IL-1β (Soro)", "IL-1β"),
        ("IL-10 Vollblut", "IL-10"),
        ("Vollblut IL-2", "IL-2"),
    ],
)
def test_blood_words_after_a_marker_in_other_languages(
    write_csv: Callable[..., str], written: str, marker: str
) -> None:
    """Note 63's leftover: '(Suero)', '(Siero)', '(Sérum)' after a marker and 'Vollblut' were
    no marker panelcli knows (no_reference)."""
    from panelcli.check import check_file

    [panel] = check_file(write_csv(f"sample_id,marker,value,unit\nS,{written},1,pg/mL\n")).panels
    assert [(r.marker, r.status.value) for r in panel.results] == [(marker, "normal")]
