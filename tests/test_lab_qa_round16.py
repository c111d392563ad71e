"""Session 59's fixes: leftovers of lab QA round 15 (/work/qa15/lab) and what QA round 16
(/work/qa16) found."""

from __future__ import annotations

import pytest

from panelcli.check import CheckOptions, check_file
from panelcli.models import Issue, Status


def _sample_conflict(path: str) -> Issue:
    """A file's one sample-conflict warning."""
    [conflict] = [w for w in check_file(path).warnings if w.code == "sample-conflict"]
    return conflict


def test_a_sample_given_two_visits_names_them_visits(write_csv) -> None:
    """A sample id with two visits is a mix-up, and the warning called 'Day 8' a collection
    date."""
    path = write_csv(
        "Sample ID,Subject,Visit,Test,Result,Units\nS1,P1,Screening,IL-6,3.0,pg/mL\n"
        "S1,P1,Day 8,IL-6,30.0,pg/mL\n"
    )
    conflict = _sample_conflict(path)
    assert "with visit 'Day 8' here, but with visit 'Screening' on line 2" in conflict.message
    assert "collection date" not in conflict.message


def test_a_sample_given_two_dates_still_names_them_collection_dates(write_csv) -> None:
    path = write_csv(
        "Sample ID,Collected,Test,Result,Units\nS1,2026-03-02,IL-6,3.0,pg/mL\n"
        "S1,2026-03-09,IL-6,30.0,pg/mL\n"
    )
    conflict = _sample_conflict(path)
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


def test_an_sdtm_standardized_value_is_read_with_its_own_unit_and_range(write_csv) -> None:
    """Audit round 16 #1: LBSTRESN 0.009 (ng/mL) was judged in LBORRESU's pg/mL, and against
    LBORNRHI's range: normal, exit 0, for 9 pg/mL."""
    path = write_csv(
        "USUBJID,LBTEST,LBORRESU,LBORNRHI,LBSTRESN,LBSTRESU,LBSTNRHI\n"
        "U1,Interleukin 6,pg/mL,7,0.009,ng/mL,0.007\n"
    )
    report = check_file(path)
    [result] = report.panels[0].results
    assert (result.value, result.unit, result.status) == (9.0, "pg/mL", Status.HIGH)
    assert result.reference is not None and result.reference.high == 7.0
    said = {w.column: w.message for w in report.warnings if w.code == "column-ignored"}
    assert said["LBORRESU"] == (
        "column 'LBORRESU' was not read: it belongs to the study's result as collected, and the "
        "value is read from column 'LBSTRESN'"
    )
    assert set(said) == {"LBORRESU", "LBORNRHI"}


def test_an_sdtm_value_as_collected_takes_no_standardized_unit(write_csv) -> None:
    """... and LBORRES 2 beside LBSTRESU ng/mL alone was read as 2 ng/mL, high: its own unit
    is not given."""
    path = write_csv("USUBJID,LBTEST,LBORRES,LBSTRESN,LBSTRESU\nU1,Interleukin 6,2,0.002,ng/mL\n")
    report = check_file(path)
    assert [r for p in report.panels for r in p.results] == []
    assert [r.code for r in report.rejected] == ["unit-missing"]


@pytest.mark.parametrize("value", ["ND", "BLQ", "OOR <", "< LOD"])
def test_a_diluted_result_with_no_number_below_a_limit_is_refused(write_csv, value) -> None:
    """Audit round 16 #2: 'ND' under 'IL-6 x10' was judged by the set's undiluted limit of
    detection: critical, low or normal; '<2' there was refused."""
    path = write_csv(f"Sample ID,Test,Result,Units\nS1,IL-6 x10,{value},pg/mL\n")
    report = check_file(path)
    assert [r for p in report.panels for r in p.results] == []
    assert [r.code for r in report.rejected] == ["value-diluted-censored"]


def test_a_diluted_result_above_its_limit_is_still_at_least_it(write_csv) -> None:
    path = write_csv("Sample ID,Test,Result,Units\nS1,IL-8 x10,>300,pg/mL\n")
    [result] = check_file(path).panels[0].results
    assert (result.comparator, result.status, result.note) == (">", Status.HIGH, None)


@pytest.mark.parametrize(
    ("low", "high", "text"),
    [("", "<7", "< 7 pg/mL"), ("", "<=7", "≤ 7 pg/mL"), ("", "7", "≤ 7 pg/mL")],
)
def test_a_limit_cell_with_its_own_sign_is_read_as_written(write_csv, low, high, text) -> None:
    """Audit round 16 #6: 'Ref High' (or SDTM's LBORNRHI) of '<7' was 'reference range '≤ <7'
    is not in a form panelcli reads'."""
    path = write_csv(f"Sample,Test,Result,Units,Ref Low,Ref High\nS1,IL-6,5,pg/mL,{low},{high}\n")
    report = check_file(path)
    [result] = report.panels[0].results
    assert result.reference is not None and result.reference.text == text
    assert "range-unreadable" not in [w.code for w in report.warnings]


def test_a_wide_dilution_column_says_the_values_were_judged_as_written(write_csv) -> None:
    path = write_csv("sample_id,IL-8 (pg/mL),IL-8 Dil\nS1,<2,10\n")
    [warning] = check_file(path).warnings
    assert warning.message.endswith("; IL-8's values were judged as written, not multiplied by it")


REDCAP_RAW = (
    "record_id,redcap_event_name,redcap_repeat_instrument,redcap_repeat_instance,il6_pgml,"
    "tnfa_pgml\n101,baseline_arm_1,,,,\n101,baseline_arm_1,cytokine_panel,1,1.2,5.0\n"
    "101,baseline_arm_1,cytokine_panel,2,35.0,9.0\n102,baseline_arm_1,,,,\n"
    "102,baseline_arm_1,cytokine_panel,1,1.0,5.0\n"
)


def test_a_redcap_export_of_a_repeating_form_is_read_whole(write_csv) -> None:
    """Lab QA round 16 #7: REDCap's row of each record's event (no form, no values) was
    refused, so every such export exited 2; and a form filled in twice at one event made one
    panel ('IL-6 tested more than once')."""
    report = check_file(write_csv(REDCAP_RAW))
    assert report.rejected == []
    assert [(p.patient_id, p.collected_at, len(p.results)) for p in report.panels] == [
        ("101", "baseline_arm_1 #1", 2),
        ("101", "baseline_arm_1 #2", 2),
        ("102", "baseline_arm_1 #1", 2),
    ]
    [said] = [w.message for w in report.warnings if w.column == "redcap_repeat_instrument"]
    assert "(REDCap's row of the record's event) is skipped" in said


def test_a_redcap_row_that_gives_more_than_its_ids_is_still_refused(write_csv) -> None:
    """Review: skipping any row with no marker values took an event row's date, age and sex
    with it, and a blank row of the cytokine form itself, unsaid; such rows are refused, named
    by their line, as before (another form's rows, 'adverse_events', are too)."""
    text = (
        "record_id,redcap_event_name,redcap_repeat_instrument,redcap_repeat_instance,"
        "redcap_data_access_group,age,il6_pgml\n101,baseline_arm_1,,,site_a,45,\n"
        "101,baseline_arm_1,cytokine_panel,1,site_a,,1.2\n"
        "101,baseline_arm_1,cytokine_panel,2,site_a,,\n"
        "101,baseline_arm_1,adverse_events,1,site_a,,\n102,baseline_arm_1,,,site_b,,\n"
    )
    report = check_file(write_csv(text))
    assert [(r.code, r.line) for r in report.rejected] == [
        ("row-no-values", 2),
        ("row-no-values", 4),
        ("row-no-values", 5),
    ]


def test_a_redcap_labels_export_reads_its_event_and_collection_date(write_csv) -> None:
    path = write_csv(
        "Record ID,Event Name,Repeat Instrument,Repeat Instance,Date of sample collection,"
        "IL-6 (pg/mL)\n101,Baseline,,,,\n101,Baseline,Cytokine Panel,1,2026-03-02,1.2\n"
        "101,Baseline,Cytokine Panel,2,2026-03-09,35.0\n"
    )
    report = check_file(path)
    assert report.rejected == []
    assert [p.collected_at for p in report.panels] == ["2026-03-02", "2026-03-09"]


def test_an_analyzer_s_name_before_the_marker_gets_a_hint(write_csv) -> None:
    """'Elecsys IL-6', Roche's name of its test, had no 'did you mean' (a test of its own may
    need its own range: it is not read as IL-6)."""
    path = write_csv("Sample,Test,Result,Units\nS1,Elecsys IL-6,48,pg/mL\n")
    [result] = check_file(path).panels[0].results
    assert result.status is Status.NO_REFERENCE
    assert result.note is not None and result.note.endswith("(did you mean IL-6?)")


@pytest.mark.parametrize(
    ("header", "when"),
    [
        ("IL-6 Day 7 (pg/mL)", "Day 7"),
        ("IL-6 Baseline (pg/mL)", "Baseline"),
        ("IL-6 24h (pg/mL)", "24h"),
        ("il6_bl_pgml", "bl"),
        ("IL-6 pre-op (pg/mL)", "pre-op"),
    ],
)
def test_a_wide_column_of_a_marker_at_a_time_point_says_so(write_csv, header, when) -> None:
    """Lab QA round 16 #4: 'IL-6 Day 7 (pg/mL)' at 48 was no_reference with no word (after the
    unit, the same words are read)."""
    path = write_csv(f"Subject ID,IL-10 (pg/mL),{header}\n1001,2.0,48.0\n")
    result = check_file(path).panels[0].results[1]
    assert result.status is Status.NO_REFERENCE
    assert result.note is not None
    assert result.note.endswith(
        f"; it looks like IL-6 at '{when}': panelcli reads one collection per row, so put each "
        "time point in a row of its own, with its date"
    )


SDTM_TIMEPOINTS = (
    "USUBJID,LBTEST,LBORRES,LBORRESU,LBDTC,LBTPT\n"
    "U1,Tumor Necrosis Factor Alpha,25.0,pg/mL,2026-03-02,PRE-DOSE\n"
    "U1,Interleukin 6,1.2,pg/mL,2026-03-02,PRE-DOSE\n"
    "U1,Tumor Necrosis Factor Alpha,6.0,pg/mL,2026-03-02,4H POST-DOSE\n"
    "U1,Interleukin 6,52.0,pg/mL,2026-03-02,4H POST-DOSE\n"
)


def test_a_time_point_beside_a_day_says_its_results_are_one_panel(write_csv) -> None:
    """Lab QA round 16 #5: 'LBTPT' was 'not a known field', and a pre-dose TNF-α and a post-dose
    IL-6 of one day were 'high at the same time'."""
    report = check_file(write_csv(SDTM_TIMEPOINTS))
    [said] = [w.message for w in report.warnings if w.column == "LBTPT"]
    assert said.startswith(
        "column 'LBTPT' was not read: it names a time point, and column 'LBDTC' dates each "
        "collection: results of one day with no time of day are one panel"
    )
    [panel] = report.panels
    assert not any("at the same time" in text for text in panel.summary.text)
    assert any("Both of them are high in this sample." in text for text in panel.summary.text)


def test_markers_tested_once_each_are_still_high_at_the_same_time(write_csv) -> None:
    path = write_csv("Sample,Test,Result,Units\nS1,TNF-a,25.0,pg/mL\nS1,IL-6,52.0,pg/mL\n")
    [panel] = check_file(path).panels
    assert any("Both of them are high at the same time." in text for text in panel.summary.text)


def test_a_long_file_s_replicate_columns_say_what_they_are(write_csv) -> None:
    """Lab QA round 16 #9: 'CV%' and 'Conc Rep1' beside a mean were 'not a known field'."""
    path = write_csv(
        "Sample,Analyte,Conc Rep1,Conc Rep2,Mean Conc,CV%,Unit\nP-01,IL-6,2.5,2.7,2.6,37.0,pg/mL\n"
    )
    said = {w.column: w.message for w in check_file(path).warnings}
    assert said["CV%"] == (
        "column 'CV%' was not read: it gives the spread of the replicates, not a result; column "
        "'Mean Conc' is read (a wide spread can make a result less sure: check it in the file)"
    )
    assert said["Conc Rep2"] == (
        "column 'Conc Rep2' was not read: it gives one replicate's value; column 'Mean Conc' is "
        "read"
    )


def test_a_censored_value_critical_by_one_row_may_reach_the_others(write_csv) -> None:
    """Audit round 16 #4: '>80' (no sex or age), critical for women 18 to 50 only, lost "may
    be higher … critical limit" of the other rows."""
    ranges = write_csv(
        '[set]\nname = "qa-rows"\nversion = "1"\n\n[markers."TNF-α"]\nunit = "pg/mL"\n'
        'source = "qa"\n[[markers."TNF-α".intervals]]\nage_max = 18\nhigh = 20.0\n'
        'critical_high = 300\n[[markers."TNF-α".intervals]]\nage_min = 18\nhigh = 10.0\n'
        'critical_high = 100\n[[markers."TNF-α".intervals]]\nsex = "female"\nage_min = 18\n'
        "age_max = 50\nhigh = 8.0\ncritical_high = 80\n",
        name="rows.toml",
    )
    path = write_csv("sample_id,marker,value,unit\nS1,TNF-α,>80,pg/mL\n")
    [tnf] = check_file(path, ranges).panels[0].results
    assert tnf.status is Status.HIGH
    assert tnf.note is not None
    assert (
        "it could reach the critical limit of 300 pg/mL for under age 18 or 100 pg/mL for age "
        "18 and over; it is high by each interval that could apply, and critical by the one for "
        "female"
    ) in tnf.note


# --- the first review of this session's changes (/work/qa16/review) ----------------------


@pytest.mark.parametrize(
    "header", ["MRN,Date,Time,Draw Time", "MRN,Time,Collection Date,Collection Time"]
)
def test_a_named_time_column_wins_over_a_bare_time(write_csv, header) -> None:
    """Review #2: the first time column won: a bare 'Time' (the report's, 16:45) over 'Draw
    Time', or the whole file refused."""
    rows = [("2026-03-02", "16:45", "08:00"), ("2026-03-02", "16:45", "14:30")]
    cells = {
        "MRN,Date,Time,Draw Time": lambda d, t, draw: f"{d},{t},{draw}",
        "MRN,Time,Collection Date,Collection Time": lambda d, t, draw: f"{t},{d},{draw}",
    }[header]
    text = f"{header},Test,Result,Units\n" + "".join(
        f"001,{cells(*row)},{test},30.0,pg/mL\n" for row, test in zip(rows, ["TNF-a", "IL-6"])
    )
    report = check_file(write_csv(text))
    assert [p.collected_at for p in report.panels] == ["2026-03-02 08:00", "2026-03-02 14:30"]


@pytest.mark.parametrize(
    ("time", "read"),
    [
        ("2026-03-02 08:00", "2026-03-02 08:00"),
        ("1899-12-30 08:00:00", "2026-03-02 08:00:00"),
        ("08.00", "2026-03-02 08:00"),
    ],
)
def test_a_time_column_s_date_and_time_or_dotted_time_gives_its_time(write_csv, time, read):
    """Review #3, #13: a date and time in a 'Time' column was dropped unsaid; German '14.30'
    was no time of day."""
    path = write_csv(f"MRN,Date,Time,Test,Result,Units\n001,2026-03-02,{time},IL-6,3,pg/mL\n")
    report = check_file(path)
    assert [p.collected_at for p in report.panels] == [read]
    assert report.warnings == []


@pytest.mark.parametrize(
    ("day", "time"),
    [("2026-03-02", "2026-03-05 08:00"), ("03/02/2026", "02/03/2026 08:00")],  # review 5
)
def test_a_time_column_s_date_of_another_day_is_said(write_csv, day, time) -> None:
    path = write_csv(f"MRN,Date,Time,Test,Result,Units\n001,{day},{time},IL-6,3,pg/mL\n")
    report = check_file(path)
    assert [p.collected_at for p in report.panels] == [day]
    assert "time-unreadable" in [w.code for w in report.warnings]


def test_a_signed_high_beside_a_low_of_zero_is_read(write_csv) -> None:
    """Review #4: 'Ref Low' 0 and 'Ref High' '<7' (SDTM's usual shape) was '0-<7', unreadable,
    and 5 pg/mL judged high by the set's range."""
    path = write_csv("Sample,Test,Result,Units,Ref Low,Ref High\nS1,IL-6,5,pg/mL,0,<7\n")
    [result] = check_file(path).panels[0].results
    assert result.status is Status.NORMAL
    assert result.reference is not None and result.reference.text == "< 7 pg/mL"


def test_a_diluted_name_read_as_a_form_keeps_both_notes(write_csv) -> None:
    """Review #8: 'IL-12 x10' lost "read as IL-12 p70" (mayo-adult names IL-12 so)."""
    path = write_csv("Sample,Test,Result,Units\nS1,IL-12 x10,500,pg/mL\n")
    [result] = check_file(path, "mayo-adult", CheckOptions(age=40)).panels[0].results
    assert result.note is not None
    assert result.note.startswith(
        "'IL-12 x10' is read as IL-12 p70, as this set names it; 'IL-12 x10' is a diluted "
        "sample's result"
    )


def test_a_visit_file_s_dates_are_said_as_dates(write_csv) -> None:
    """Review #12: 'visit '09-Mar-2026 08:15'' of a timepoint read alone as the date."""
    path = write_csv(
        "Sample ID,Visit,Timepoint,Test,Result,Units\nS1,Day 1,02-Mar-2026 08:15,IL-6,3,pg/mL\n"
        "S1,Day 8,09-Mar-2026 08:15,IL-6,30,pg/mL\n"
    )
    conflict = _sample_conflict(path)
    assert "with collection date '09-Mar-2026 08:15' here" in conflict.message


def test_a_long_file_s_marker_at_a_time_point_is_told_to_name_it_apart(write_csv) -> None:
    """Review #11: rows of their own already were told to 'put each time point in a row of
    its own'."""
    path = write_csv("Sample,Test,Result,Units\nS1,IL-6 Day 7,48,pg/mL\n")
    [result] = check_file(path).panels[0].results
    assert result.note is not None and result.note.endswith(
        "it looks like IL-6 at 'Day 7': name the test IL-6 and give the time point in a date or "
        "visit column"
    )


@pytest.mark.parametrize("visit", ["VISIT,", ""])
def test_an_sdtm_time_point_is_read_after_its_visit_or_alone(write_csv, visit) -> None:
    """Review #7: 'LBTPT' after a visit was not read where 'Timepoint' was; the two time
    points made one panel."""
    day = "DAY 1," if visit else ""
    path = write_csv(
        f"USUBJID,{visit}LBTEST,LBORRES,LBORRESU,LBTPT\n"
        f"U1,{day}Interleukin 6,1.2,pg/mL,PRE-DOSE\nU1,{day}Interleukin 6,52,pg/mL,4H POST-DOSE\n"
    )
    report = check_file(path)
    assert [p.collected_at for p in report.panels] == [
        f"{day.rstrip(',')} PRE-DOSE".strip(),
        f"{day.rstrip(',')} 4H POST-DOSE".strip(),
    ]
    assert report.warnings == []


def test_a_cell_longer_than_any_header_is_not_searched_for_words_after_a_unit() -> None:
    """Fuzzing round 16: an 80,000-character cell took the pattern 48 s."""
    from panelcli.names import MAX_HEADER_LENGTH, any_words_after_unit

    assert any_words_after_unit("IL-6 (pg/mL) Day 7") == ("IL-6", "pg/mL", "Day 7")
    assert any_words_after_unit("IL-6 (pg/mL) " + "x" * MAX_HEADER_LENGTH) is None


# --- the second review (/work/qa16/review2) ------------------------------------------------


@pytest.mark.parametrize(
    ("day", "time", "read"),
    [
        ("03/02/2026", "03/02/2026 8:00 AM", "03/02/2026 8:00 AM"),
        ("2026-03-02", "02 Mar 2026 08:00", "2026-03-02 08:00"),
        ("2026-03-02", "12/30/1899 08:00:00", "2026-03-02 08:00:00"),
        ("2026-03-02", "30.12.1899 08:00", "2026-03-02 08:00"),
        ("2026-03-02", "2026-03-02 0800", "2026-03-02 08:00"),  # Epic's (review 3)
        ("3/2/2026", "1/0/1900 8:00", "3/2/2026 8:00"),  # Excel's day 0 (review 3)
        ("2026-03-02", "2026-03-02T08:00:00Z", "2026-03-02 08:00:00Z"),  # its zone kept
        ("03/02/2026", "2026-03-02 08:00", "03/02/2026 08:00"),  # a day it may be (review 4)
        ("3/2/2026", "03/02/2026 8:00 AM", "3/2/2026 8:00 AM"),
    ],
)
def test_a_time_column_s_date_and_time_in_other_forms(write_csv, day, time, read) -> None:
    """Review 2 #8: a date and time of the date's day, written otherwise than ISO, was 'no time
    of day', and two draws made one panel."""
    path = write_csv(f"MRN,Date,Time,Test,Result,Units\n001,{day},{time},IL-6,3,pg/mL\n")
    report = check_file(path)
    assert [p.collected_at for p in report.panels] == [read]
    assert "time-unreadable" not in [w.code for w in report.warnings]


def test_an_xponent_row_longer_than_its_header_keeps_the_other_wells_alarms(tmp_path) -> None:
    """Review 2 #4, review 3 #1: a row one cell too long fitted the header widened for the
    alarms and was read one column over; then the block was left as it was, and every well
    lost its alarm; then its note was an alarm. The row is refused, as before this session."""
    from test_xponent import _with_alarms, full_batch

    lines = full_batch(wells=4).split("\r\n")
    lines = [line + ',"rerun"' if line.startswith('"4(1,A4)"') else line for line in lines]
    path = tmp_path / "batch.csv"
    path.write_text(
        _with_alarms("\r\n".join(lines), '"3(1,A3)","Error","not valid"'), encoding="utf-8"
    )
    report = check_file(str(path))
    by_sample = {p.sample_id: {r.status for r in p.results} for p in report.panels}
    assert by_sample["Pat-003"] == {Status.INDETERMINATE}
    assert by_sample["Pat-004"] == set()
    assert Status.HIGH in by_sample["Pat-002"]
    assert [(r.code, r.sample_id) for r in report.rejected] == [("row-too-many-cells", "Pat-004")]


# --- the fuzzing round (/work/qa16/fuzz) ---------------------------------------------------


@pytest.mark.parametrize(
    "row",
    [
        "S1,Screening,{digits},IL-6,612,pg/mL",  # a timepoint after its visit
        "S1,Screening,2026-03-02 <{spaces}2,IL-6,612,pg/mL",
    ],
)
def test_a_huge_date_or_timepoint_cell_is_no_date_and_no_error(write_csv, row) -> None:
    """F1: a cell of 4,301 digits was past int()'s limit, an internal error that lost the run;
    F4: 10,000 spaces took the date patterns 18 s."""
    cells = row.format(digits="1" * 5000, spaces=" " * 10_000)
    report = check_file(write_csv(f"Subject,Visit,Timepoint,Analyte,Result,Unit\n{cells}\n"))
    [result] = report.panels[0].results
    assert result.status is Status.HIGH


def test_a_huge_collection_date_is_unreadable(write_csv) -> None:
    report = check_file(
        write_csv(f"Sample,Collected,Test,Result,Units\nS1,{'1' * 5000},IL-6,3,pg/mL\n")
    )
    assert [w.code for w in report.warnings] == ["date-unreadable"]


@pytest.mark.parametrize(
    "text",
    [
        "Sample ID,IL-6,DF,TNF-alpha\n,pg/mL,pg/mL,pg/mL\nS1,2.0,10,5\n",
        "Sample ID,IL-6 (pg/mL),Dilution Factor (pg/mL),TNF-alpha (pg/mL)\nS1,2.0,10,5\n",
    ],
)
def test_a_wide_dilution_column_with_a_unit_is_no_marker(write_csv, text) -> None:
    """F6: 'DF' with a unit in the units row was a marker, a no_reference 'DF' of 10 pg/mL."""
    report = check_file(write_csv(text))
    assert [r.marker for r in report.panels[0].results] == ["IL-6", "TNF-α"]
    [said] = [w.message for w in report.warnings if w.code == "column-ignored"]
    assert "the values were judged as written, not multiplied by a dilution" in said


def test_rows_of_cytokines_no_set_knows_swallowed_by_a_quote_are_refused(write_csv) -> None:
    """F3: rows of 'VEGF' and 'G-CSF' taken in by a stray quote were only a row-spans-lines
    warning, exit 0 (names of letters and digits were caught)."""
    path = write_csv(
        "Sample ID,Analyte,Result,Units,Reference Range,Comment\n"
        'S1,IL-6,2.0,pg/mL,0-7,"see note\nS2,VEGF,612,pg/mL,0-115,\nS3,G-CSF,950,pg/mL,0-100,"\n'
        "S4,IL-8,3,pg/mL,0-5,\n"
    )
    assert [(r.code, r.line) for r in check_file(path).rejected] == [
        ("row-holds-rows", 2),
        ("row-in-open-quote", 3),
        ("row-in-open-quote", 4),
    ]


def test_a_pipe_s_cr_only_file_is_read_as_the_same_file_named(tmp_path) -> None:
    """F2: a CR-only file on standard input had no line at hand, so its columns were decided
    by its first row: LBSTAT not read, a NOT DONE row refused (exit 2; named: exit 0)."""
    import subprocess
    import sys

    from panelcli.reading import _line_ends

    assert _line_ends(b"a\rb\r\nc\nd") == 3
    text = (
        "USUBJID,LBTEST,LBORRES,LBORRESU,LBSTAT,Status\r1,IL-6,2,pg/mL,,Final\r"
        "1,TNF-alpha,,pg/mL,NOT DONE,Final\r1,IL-8,3,pg/mL,,unknown\r"
    )
    path = tmp_path / "cr.csv"
    path.write_bytes(text.encode())
    named, piped = (
        subprocess.run(
            [sys.executable, "-m", "panelcli", "check", *args, "-f", "csv"],
            input=text.encode(),
            capture_output=True,
            check=False,
        )
        for args in ([str(path)], ["-"])
    )
    assert (named.returncode, piped.returncode) == (0, 0)
    assert named.stdout.replace(str(path).encode(), b"-") == piped.stdout
