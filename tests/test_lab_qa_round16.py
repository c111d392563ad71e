"""Session 59's fixes: leftovers of lab QA round 15 (/work/qa15/lab) and what QA round 16
(/work/qa16) found."""

from __future__ import annotations

import pytest

from panelcli.check import check_file
from panelcli.models import Status


def test_a_sample_given_two_visits_names_them_visits(write_csv) -> None:
    """A sample id with two visits is a mix-up, and the warning called 'Day 8' a collection
    date."""
    path = write_csv(
        "Sample ID,Subject,Visit,Test,Result,Units\nS1,P1,Screening,IL-6,3.0,pg/mL\n"
        "S1,P1,Day 8,IL-6,30.0,pg/mL\n"
    )
    [conflict] = [w for w in check_file(path).warnings if w.code == "sample-conflict"]
    assert "with visit 'Day 8' here, but with visit 'Screening' on line 2" in conflict.message
    assert "collection date" not in conflict.message


def test_a_sample_given_two_dates_still_names_them_collection_dates(write_csv) -> None:
    path = write_csv(
        "Sample ID,Collected,Test,Result,Units\nS1,2026-03-02,IL-6,3.0,pg/mL\n"
        "S1,2026-03-09,IL-6,30.0,pg/mL\n"
    )
    [conflict] = [w for w in check_file(path).warnings if w.code == "sample-conflict"]
    assert "with collection date '2026-03-09' here" in conflict.message


def test_a_visit_beside_a_time_of_day_alone_is_read_with_it(write_csv) -> None:
    """'Collection Time' (08:30) beside 'Visit' dated nothing: the visit was 'not read', and
    each time of day was a 'date-unreadable' collection date."""
    path = write_csv(
        "Subject,Visit,Collection Time,Test,Result,Units\nP1,Screening,08:30,IL-6,3.0,pg/mL\n"
        "P1,Day 8,09:00,IL-6,30.0,pg/mL\n"
    )
    report = check_file(path)
    assert [p.collected_at for p in report.panels] == ["Screening 08:30", "Day 8 09:00"]
    assert report.warnings == []


def test_a_visit_beside_a_time_column_of_full_dates_keeps_the_dates(write_csv) -> None:
    path = write_csv(
        "Subject,Visit,Collection Time,Test,Result,Units\n"
        "P1,Screening,2026-03-02 08:30,IL-6,3.0,pg/mL\nP1,Day 8,2026-03-09 09:00,IL-6,30.0,pg/mL\n"
    )
    assert [p.collected_at for p in check_file(path).panels] == [
        "2026-03-02 08:30",
        "2026-03-09 09:00",
    ]


def test_a_diluted_result_says_why_it_is_read_as_at_least_its_number(write_csv) -> None:
    """'≥5' with 'could be inside or outside the range' did not say it was a diluted sample's
    result: only the file's once-per-name warning did."""
    path = write_csv(
        "Sample ID,Test,Result,Units\nS1,IL-6 x10,1250,pg/mL\nS1,TNF-a 1:10,5.0,pg/mL\n"
    )
    il6, tnf = check_file(path).panels[0].results
    assert (il6.status, tnf.status) == (Status.HIGH, Status.INDETERMINATE)
    assert (
        il6.note == "'IL-6 x10' is a diluted sample's result, read as at least the number written"
    )
    assert tnf.note is not None
    assert tnf.note.startswith("'TNF-a 1:10' is a diluted sample's result, read as at least")
    assert "could be inside or outside the reference range" in tnf.note


def test_a_comment_naming_another_marker_is_not_said_to_be_on_this_one(write_csv) -> None:
    """A wide row's 'IL-8 QNS' (IL-8 blank) was "a comment on IL-6" (lab QA round 15 #10)."""
    path = write_csv("Sample ID,IL-6 (pg/mL),IL-8 (pg/mL),Comment\n26-2003,2.0,,IL-8 QNS\n")
    said = [t for t in check_file(path).panels[0].summary.text if "comment" in t]
    assert said == ["The lab left a comment next to the IL-6 result: 'IL-8 QNS'."]


def test_a_comment_naming_its_own_marker_is_said_to_be_on_it(write_csv) -> None:
    path = write_csv(
        "Sample ID,Test,Result,Units,Comment\nS1,IL-6,3.0,pg/mL,IL-10 hemolyzed\n"
        "S1,TNF-a,3.0,pg/mL,IL-10 hemolyzed\nS1,IL-8,3.0,pg/mL,IL-8 may be high\n"
    )
    said = [t for t in check_file(path).panels[0].summary.text if "comment" in t]
    assert said == [
        "The lab left a comment next to the IL-6 and TNF-α results: 'IL-10 hemolyzed'.",
        "The lab left a comment on IL-8: 'IL-8 may be high'.",
    ]


@pytest.mark.parametrize(
    "pair",
    [
        "Date,Time",
        "Collection Date,Time",
        "Collected Date,Hour",
        "Specimen Date,Specimen Time",
        "Fecha,Hora",
        "Date prélèvement,Heure prélèvement",
        "Datum,Zeit",
    ],
)
def test_a_time_column_beside_the_date_tells_two_draws_of_a_day_apart(write_csv, pair) -> None:
    """Lab QA round 16 #1: 'Time' beside 'Date' was ignored, and a high TNF-α at 08:00 and a
    high IL-6 at 14:30 were 'high at the same time' in one panel."""
    path = write_csv(
        f"MRN,{pair},Test,Result,Units\n001,2026-03-02,08:00,TNF-a,25.0,pg/mL\n"
        "001,2026-03-02,14:30,IL-6,52.0,pg/mL\n"
    )
    report = check_file(path)
    assert [p.collected_at for p in report.panels] == ["2026-03-02 08:00", "2026-03-02 14:30"]
    assert report.warnings == []


def test_a_time_column_alone_dates_nothing(write_csv) -> None:
    path = write_csv("MRN,Time,Test,Result,Units\n001,08:00,TNF-a,25.0,pg/mL\n")
    report = check_file(path)
    assert [p.collected_at for p in report.panels] == [None]
    assert [w.code for w in report.warnings] == ["column-ignored"]


def test_words_in_a_time_column_are_said_not_dropped(write_csv) -> None:
    """'Pre-dose' in 'Collection Time' was left out unsaid, and the two draws made one panel."""
    path = write_csv(
        "MRN,Collection Date,Collection Time,Test,Result,Units\n"
        "001,2026-03-02,Pre-dose,TNF-a,25.0,pg/mL\n001,2026-03-02,4h post,IL-6,52.0,pg/mL\n"
        "001,2026-03-03,N/A,IL-6,5.0,pg/mL\n"
    )
    [warning] = check_file(path).warnings
    assert warning.code == "time-unreadable"
    assert warning.message.startswith(
        "2 rows give a collection time (the first, line 2: 'Pre-dose') that is no time of day"
    )
