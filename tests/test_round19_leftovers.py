"""Items note 62 left open from QA round 19, done in the next session."""

from __future__ import annotations

import subprocess
from collections.abc import Callable

import pytest

from panelcli.check import check_file, check_files


@pytest.mark.parametrize("command", ["check", "validate"])
def test_rows_piped_in_with_no_file_named_get_the_dash_hint(
    start_panelcli: Callable[..., subprocess.Popen[bytes]], command: str
) -> None:
    """Next-step QA round 19 #4: `cat f | panelcli check` said only 'Missing argument'."""
    run = start_panelcli(command)
    out, err = run.communicate(b"sample_id,marker,value,unit\nS1,IL-6,40,pg/mL\n", timeout=60)
    said = err.decode()
    assert run.returncode == 2
    assert out == b""
    assert "Missing argument 'FILE'" in said
    assert (
        f"To read rows from standard input, name it '-': cat results.csv | panelcli {command} -"
        in (said)
    )


@pytest.mark.parametrize(
    ("name", "marker"),
    [
        ("Sérum IL-6", "IL-6"),
        ("Suero TNF-alfa", "TNF-α"),
        ("Siero IL-10", "IL-10"),
        ("Sangre IL-6", "IL-6"),
        ("Sangue IL-6", "IL-6"),
        ("Blut IL-6", "IL-6"),
        ("IL-6 (Blut)", "IL-6"),  # its second review
        ("IL-6 Sangre", "IL-6"),
    ],  # review of 20
)
def test_a_specimen_word_before_the_marker_in_another_language_is_read(
    write_csv: Callable[..., str], name: str, marker: str
) -> None:
    """Lab QA round 19: 'Sérum IL-6' (French, specimen first) was no_reference, with no hint."""
    report = check_file(write_csv(f"sample_id,marker,value,unit\nS1,{name},5000,pg/mL\n"))
    (result,) = report.panels[0].results
    assert (result.marker, result.status) == (marker, "high")


@pytest.mark.parametrize(
    ("first", "second", "why"),
    [
        ("03/02/2026", "03/02/2026 14:30", "and not every test gives a time of day"),
        ("2026-03-02", "2026-03-02 14:30", "and not every test gives a time of day"),
        ("2026-03-02", "2026-03-02", "with no time of day"),
    ],
)
def test_tests_of_one_day_that_cannot_be_put_in_order_say_why_there_is_no_trend(
    write_csv: Callable[..., str], first: str, second: str, why: str
) -> None:
    """Lab QA round 19 (H3 of its review): a test of a day with no time beside another of that
    day made one date, and no trend was shown with no word why."""
    path = write_csv(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        f"S1,P1,{first},IL-6,40,pg/mL\nS2,P1,{second},IL-6,2.0,pg/mL\n"
    )
    [trend] = check_file(path).trends
    assert not trend.markers
    day = first.split()[0]
    assert trend.text == [
        f"Patient P1 has 2 tests on {day}, {why}. Which came first is not known, so panelcli "
        "cannot show how the results changed over time."
    ]


def test_one_sample_of_one_day_in_two_files_is_one_test_with_nothing_to_say(
    write_csv: Callable[..., str],
) -> None:
    """The same sample in two files is one test: no 'cannot be put in order' for it."""
    rows = "sample_id,patient_id,collected_at,marker,value,unit\nS1,P1,2026-03-02,IL-6,40,pg/mL\n"
    report = check_files([write_csv(rows, "a.csv"), write_csv(rows, "b.csv")])
    assert report.trends == []


def test_two_samples_at_one_time_of_one_day_say_why_there_is_no_trend(
    write_csv: Callable[..., str],
) -> None:
    """Review of round 20 (#11): two samples both at '2026-03-01 08:00' had no trend and no
    word, where the same day with no time now says why."""
    path = write_csv(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "S1,P1,2026-03-01 08:00,IL-6,40,pg/mL\nS2,P1,2026-03-01 08:00,IL-6,2.0,pg/mL\n"
    )
    [trend] = check_file(path).trends
    assert trend.text == [
        "Patient P1 has 2 tests on 2026-03-01, at one time of day. Which came first is not "
        "known, so panelcli cannot show how the results changed over time."
    ]
