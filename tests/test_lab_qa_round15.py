"""Lab QA rounds 14 and 15 (/work/qa14/lab, /work/qa15/lab): study exports whose visits
were merged into one panel, and CDISC SDTM files that were refused."""

from __future__ import annotations

import pytest

from panelcli.check import check_file
from panelcli.models import Status


def _panels(path: str) -> list[tuple[str | None, str | None, list[str]]]:
    report = check_file(path)
    return [(p.patient_id, p.collected_at, [r.marker for r in p.results]) for p in report.panels]


@pytest.mark.parametrize("header", ["Visit", "Visit Name", "AVISIT", "redcap_event_name"])
def test_a_study_visit_names_the_collection_where_no_date_does(write_csv, header) -> None:
    """A subject's Screening TNF-α and Day 8 IL-6 made one panel, and 'both high at the same
    time' was said of results a week apart."""
    path = write_csv(
        f"Subject ID,{header},Analyte,Result,Unit\n1001-001,Screening,IL-6,2.1,pg/mL\n"
        "1001-001,Screening,TNF-alpha,20,pg/mL\n1001-001,Day 8,IL-6,45.0,pg/mL\n"
    )
    report = check_file(path)
    assert _panels(path) == [
        ("1001-001", "Screening", ["IL-6", "TNF-α"]),
        ("1001-001", "Day 8", ["IL-6"]),
    ]
    # a visit is no date: no date-unreadable warning, no column-ignored one
    assert [w.code for w in report.warnings] == []


def test_a_visit_is_read_before_its_timepoint(write_csv) -> None:
    """'Pre-dose' of Screening and of Day 8 made one panel (IL-6 'tested more than once')."""
    path = write_csv(
        "Subject ID,Visit,Timepoint,Analyte,Result,Unit\n"
        "1001-001,Screening,Pre-dose,IL-6,2.1,pg/mL\n"
        "1001-001,Day 1,4h post-dose,IL-6,150.0,pg/mL\n"
        "1001-001,Day 8,Pre-dose,IL-6,1.8,pg/mL\n"
        "1001-002,Screening,Pre-dose,IL-6,1.2,pg/mL\n"
    )
    report = check_file(path)
    assert [p.collected_at for p in report.panels] == [
        "Screening Pre-dose",
        "Day 1 4h post-dose",
        "Day 8 Pre-dose",
        "Screening Pre-dose",
    ]
    assert not report.warnings
    [trend] = report.trends
    assert [point.value for point in trend.markers[0].points] == [2.1, 150.0, 1.8]


def test_a_visit_beside_a_date_is_not_read_and_says_why(write_csv) -> None:
    """Dates tell the visits apart; 'Visit Date' stays the date (not the weaker 'Visit')."""
    path = write_csv(
        "Subject,Visit,Visit Date,Analyte,Result,Unit\nS1,Baseline,2026-03-02,IL-6,2.0,pg/mL\n"
        "S1,Week 4,2026-03-30,IL-6,40,pg/mL\n"
    )
    report = check_file(path)
    assert [p.collected_at for p in report.panels] == ["2026-03-02", "2026-03-30"]
    [warning] = report.warnings
    assert warning.code == "column-ignored" and "dates each collection" in warning.message


def test_a_wide_study_file_gives_each_visit_its_own_date_place(write_csv) -> None:
    path = write_csv(
        "Subject,Visit,IL-6 (pg/mL),TNF-alpha (pg/mL)\nS1,Baseline,2.0,20\nS1,Week 4,40,5\n"
    )
    assert [p.collected_at for p in check_file(path).panels] == ["Baseline", "Week 4"]


SDTM = (
    "STUDYID,DOMAIN,USUBJID,LBSEQ,LBTESTCD,LBTEST,LBORRES,LBORRESU,LBORNRLO,LBORNRHI,LBSTRESC,"
    "LBSTRESN,LBSTRESU,LBNRIND,VISITNUM,VISIT,LBDTC\n"
    "ST1,LB,ST1-001,1,IL6,Interleukin 6,2.0,pg/mL,0,5.0,2.0,2.0,ng/L,NORMAL,1,SCREENING,"
    "2026-03-02T08:15\n"
    "ST1,LB,ST1-001,2,TNFA,Tumor Necrosis Factor Alpha,30,pg/mL,0,8.1,30,30,ng/L,HIGH,1,"
    "SCREENING,2026-03-02T08:15\n"
    "ST1,LB,ST1-001,3,IL6,Interleukin 6,<1.5,pg/mL,0,5.0,<1.5,,ng/L,,2,WEEK 4,2026-03-30\n"
    "ST1,LB,ST1-002,1,IL6,Interleukin 6,0.012,ng/mL,0,0.005,12,12,pg/mL,HIGH,1,SCREENING,"
    "2026-03-03\n"
)


def test_a_cdisc_sdtm_lab_file_is_read_as_collected(write_csv) -> None:
    """SDTM's LB domain was refused ('no header'): the result, unit and range as collected
    (LBORRES, LBORRESU, LBORNRLO/HI) are read, the standardized ones said to be left."""
    report = check_file(write_csv(SDTM))
    results = [r for p in report.panels for r in p.results]
    assert [(r.patient_id, r.marker, r.value, r.status) for r in results] == [
        ("ST1-001", "IL-6", 2.0, Status.NORMAL),
        ("ST1-001", "TNF-α", 30.0, Status.HIGH),
        ("ST1-001", "IL-6", 1.5, Status.NORMAL),
        ("ST1-002", "IL-6", 12.0, Status.HIGH),
    ]
    assert all(r.reference.origin == "file" for r in results if r.value != 1.5)
    ignored = {w.column: w.message for w in report.warnings if w.code == "column-ignored"}
    assert "standardized result" in ignored["LBSTRESN"]
    assert "standardized result" in ignored["LBSTRESU"]
    assert "dates each collection" in ignored["VISIT"]


@pytest.mark.parametrize(
    "name",
    ["IL-6 x10", "IL-6 x100", "IL-6 10x", "IL-6 1:10", "IL-6 1/10", "IL-6 (1:10)",
     "IL-6 dil 1:10", "IL-6 diluted", "IL-6 DF10"],
)  # fmt: skip
def test_a_diluted_samples_result_is_at_least_the_number_written(write_csv, name) -> None:
    """Lab QA round 15: 'IL-6 x10' at 1250 pg/mL (500 times the limit) had no range, exit 0,
    and the summary said the one judged result was inside the range."""
    path = write_csv(
        f"Sample ID,Test,Result,Units\nA,{name},1250,pg/mL\nB,{name},1.2,pg/mL\n"
        f"C,{name},>5000,pg/mL\n"
    )
    report = check_file(path)
    results = [r for p in report.panels for r in p.results]
    assert [(r.marker, r.comparator, r.value, r.status) for r in results] == [
        ("IL-6", ">=", 1250.0, Status.HIGH),
        ("IL-6", ">=", 1.2, Status.INDETERMINATE),  # maybe 12 if not multiplied out
        ("IL-6", ">", 5000.0, Status.HIGH),
    ]
    [warning] = report.warnings
    assert warning.code == "value-diluted" and name in warning.message


def test_a_diluted_samples_censored_value_is_refused(write_csv) -> None:
    """'<2' of 'IL-6 x10' may be below 20, not 2: judged normal, it could hide a high."""
    report = check_file(write_csv("Sample ID,Test,Result,Units\nC,IL-6 x10,<2,pg/mL\n"))
    [rejected] = report.rejected
    assert rejected.code == "value-diluted-censored" and rejected.line == 2


def test_a_wide_files_dilution_column_is_read_beside_the_neat_one(write_csv) -> None:
    path = write_csv(
        "Sample,IL-6 (pg/mL),IL-6 x10 (pg/mL),IL-6 neat (pg/mL)\n26-2301,1.2,,\n26-2302,,1250,\n"
        "26-2303,,,2.0\n"
    )
    results = [r for p in check_file(path).panels for r in p.results]
    assert [(r.marker, r.comparator, r.status) for r in results] == [
        ("IL-6", None, Status.NORMAL),
        ("IL-6", ">=", Status.HIGH),
        ("IL-6", None, Status.NORMAL),
    ]


def test_a_dilution_factor_column_of_a_marker_is_still_no_result(write_csv) -> None:
    """'IL-6 Dilution' gives the factor, not a value: as before, not read as IL-6."""
    path = write_csv("Sample,IL-6 (pg/mL),IL-6 Dilution\nS1,1.2,10\n")
    results = [r for p in check_file(path).panels for r in p.results]
    assert [(r.marker, r.value) for r in results] == [("IL-6", 1.2)]


def test_rows_taken_in_by_a_stray_quote_pair_are_an_error(write_csv) -> None:
    """IL-6 40 and TNF-α 30 were read as a comment of the row above: no panel, no rejection,
    only a row-spans-lines warning, exit 0."""
    path = write_csv(
        'Sample ID,Test,Result,Units,Comment\n26-4701,IL-6,1.0,pg/mL,"Recollect\n'
        '26-4702,IL-6,40.0,pg/mL,\n26-4703,TNF-α,30.0,pg/mL,"\n26-4704,IL-8,5.0,pg/mL,\n'
    )
    report = check_file(path)
    rejected, *inside = report.rejected
    assert (rejected.code, rejected.line) == ("row-holds-rows", 2)
    assert "lines 2-4 were not read" in rejected.message
    # each row taken in, with its sample (lab QA round 21)
    assert [(i.code, i.line, i.sample_id, i.marker) for i in inside] == [
        ("row-in-open-quote", 3, "26-4702", "IL-6"),
        ("row-in-open-quote", 4, "26-4703", "TNF-α"),
    ]
    assert [(p.sample_id, len(p.results)) for p in report.panels] == [
        ("26-4701", 0),
        ("26-4702", 0),  # a panel each, saying its result was lost (round 21)
        ("26-4703", 0),
        ("26-4704", 1),
    ]


def test_a_notes_line_breaks_are_still_only_a_warning(write_csv) -> None:
    """A comment over lines with a ',' in it is no row: read, with row-spans-lines."""
    path = write_csv(
        "Sample ID,Test,Result,Units,Comment\n"
        '26-4701,IL-6,1.0,pg/mL,"Hemolyzed,\nrecollect, please"\n26-4704,IL-8,5.0,pg/mL,\n'
    )
    report = check_file(path)
    assert not report.rejected
    assert [w.code for w in report.warnings] == ["row-spans-lines"]


def test_a_header_glued_to_the_last_row_is_named(write_csv) -> None:
    """Two exports joined, the first with no line break at its end: blamed on an unquoted ','."""
    path = write_csv(
        "Sample ID,Test,Result,Units\n26-0701,IL-6,12.0,pg/mL\n"
        "26-0702,IL-8,4.0,pg/mLSample ID,Test,Result,Units\n26-0703,IL-6,1.0,pg/mL\n"
    )
    [rejected] = check_file(path).rejected
    assert rejected.line == 3 and "the header follows on this line, after 'pg/mL'" in (
        rejected.message
    )


def test_a_censored_value_high_by_each_age_row_keeps_its_may_be_higher_note(write_csv) -> None:
    """Status audit, QA round 15: '>25' (no age) was high by both rows, as it should be, but
    the note lost "may be higher … critical limit" in every machine format."""
    ranges = write_csv(
        '[set]\nname = "qa-ages"\nversion = "1"\n\n[markers."IL-8"]\nunit = "pg/mL"\n'
        'source = "qa"\n[[markers."IL-8".intervals]]\nage_max = 18\nhigh = 20.0\n'
        'critical_high = 100\n[[markers."IL-8".intervals]]\nage_min = 18\nlow = 2\n'
        "high = 10.0\ncritical_high = 300\n",
        name="qa3.toml",
    )
    path = write_csv("sample_id,marker,value,unit\nS1,IL-8,>25,pg/mL\n")
    [result] = check_file(path, ranges).panels[0].results
    assert result.status is Status.HIGH
    assert result.note is not None
    assert "the true value may be higher; it could reach the critical limit of 100 pg/mL" in (
        result.note
    )
    assert "or 300 pg/mL for age 18 and over" in result.note


def test_a_column_marking_reruns_says_why_it_is_not_read(write_csv) -> None:
    """Lab QA round 15: 'Rerun' Y/N was 'not a known field'; both runs were judged, the
    first's 48 pg/mL setting exit 1, with no word of how to have the rerun replace it."""
    path = write_csv(
        "Sample ID,Test,Result,Units,Rerun\n26-0401,IL-6,48.0,pg/mL,N\n26-0401,IL-6,2.2,pg/mL,Y\n"
    )
    report = check_file(path)
    ignored = [w for w in report.warnings if w.code == "column-ignored"]
    assert [w.column for w in ignored] == ["Rerun"]
    assert "Rerun Result" in ignored[0].message and "Corrected" in ignored[0].message


def test_the_tables_values_keep_the_decimals_the_lab_wrote() -> None:
    """Developer QA round 15: the README's own '<4.0' was shown '<4', and '3.0' as '3'."""
    from panelcli.render.table import as_written

    assert as_written("<4.0", 4.0) == "4.0"
    assert as_written("3,0", 3.0) == "3.0"
    assert as_written("4.20 H", 4.2) == "4.20"
    # not where the cell's number is not the value, or is grouped or in powers of ten
    assert as_written("1.234,5", 1234.5) is None
    assert as_written("2,500", 2500.0) is None
    assert as_written("3.40E+01", 34.0) is None
    assert as_written("4", 4.0) is None


def test_a_df_column_is_said_to_be_a_dilution_not_applied(write_csv) -> None:
    """Lab QA round 15 (#7): 'DF' was 'not a known field'; 'Dil' said the values were judged
    as written, not multiplied by a dilution."""
    report = check_file(write_csv("Sample ID,Test,Result,Units,DF\n26-0511,IL-6,2.0,pg/mL,10\n"))
    [warning] = report.warnings
    assert warning.column == "DF" and "not multiplied by a dilution" in warning.message


# --- review of this round's change (/work/qa15/review/review.md) -------------------------


def test_a_visit_beside_a_timepoint_of_dates_keeps_the_dates(write_csv) -> None:
    """Review #1: 'Baseline 2026-03-02 08:15' was no date: no age from the birth date (an
    adult's IL-2 of 100 went from high to indeterminate, exit 0) and trends in file order."""
    path = write_csv(
        "Subject ID,Date of Birth,Visit,Timepoint,Analyte,Result,Unit\n"
        "1002,1980-01-01,Week 4,2026-03-30 08:10,IL-2,100,pg/mL\n"
        "1002,1980-01-01,Baseline,2026-03-02 08:15,IL-2,100,pg/mL\n"
    )
    report = check_file(path, "mayo-adult")
    assert [(p.collected_at, p.results[0].status) for p in report.panels] == [
        ("2026-03-30 08:10", Status.HIGH),
        ("2026-03-02 08:15", Status.HIGH),
    ]
    [trend] = report.trends
    assert trend.dates == ["2026-03-02 08:15", "2026-03-30 08:10"]


def test_a_visit_column_that_holds_dates_warns_of_a_typo(write_csv) -> None:
    """Review #7: a visit read as the date, '2026-13-45', dropped out of the trend unsaid."""
    path = write_csv(
        "Subject,Visit,Analyte,Result,Unit\nS1,2026-03-02,IL-6,2.0,pg/mL\n"
        "S1,2026-13-45,IL-6,3.0,pg/mL\n"
    )
    codes = [w.code for w in check_file(path).warnings]
    assert codes == ["date-unreadable"]


@pytest.mark.parametrize("name", ["IL-6 Dil", "IL-6 Dil.", "IL-6 dil"])
def test_a_bare_dil_after_a_marker_is_the_factors_column(write_csv, name) -> None:
    """Review #2: a wide 'IL-6 Dil' of 10 was read as IL-6 ≥10, high, exit 1."""
    path = write_csv(f"Sample,IL-6 (pg/mL),{name}\nS1,1.2,10\n")
    report = check_file(path)
    results = [r for p in report.panels for r in p.results]
    assert [(r.marker, r.value) for r in results] == [("IL-6", 1.2)]
    assert [w.code for w in report.warnings] == ["column-ignored"]


@pytest.mark.parametrize("name", ["IL-6 1x", "IL-6 x1", "IL-6 1:1", "IL-6 x0", "IL-6 DF1"])
def test_a_factor_of_one_is_no_dilution(write_csv, name) -> None:
    """Review #4: '1x', '1:1' (the sample neat) made a value inside the range indeterminate."""
    path = write_csv(f"Sample ID,Test,Result,Units\nS1,{name},1.2,pg/mL\n")
    [result] = check_file(path).panels[0].results
    assert result.comparator is None


def test_a_wide_diluted_columns_censored_value_is_refused(write_csv) -> None:
    path = write_csv("Sample,IL-6 x10 (pg/mL),TNF-α (pg/mL)\nS1,<2,9.0\n")
    report = check_file(path)
    assert [i.code for i in report.rejected] == ["value-diluted-censored"]


def test_a_short_path_file_reads_a_diluted_marker_on_the_general_path(write_csv) -> None:
    """Review #8: with the short path's exclusion removed, a long file's rows of one unit
    and marker took the short path and lost the '≥'."""
    rows = "".join(f"S{i},IL-6 x10,{1250 + i},pg/mL\nS{i},IL-6,1.0,pg/mL\n" for i in range(40))
    report = check_file(write_csv("Sample ID,Test,Result,Units\n" + rows))
    diluted = [r for p in report.panels for r in p.results if r.marker_as_written == "IL-6 x10"]
    assert len(diluted) == 40 and all(r.comparator == ">=" for r in diluted)


@pytest.mark.parametrize(
    "note",
    [
        "Sample hemolyzed.\nPlease also repeat IL-8, TNF-a, IL-10, IL-1b, IFN-g on recollection.",
        "Call the ward.\nDr. Smith, Dr. Jones, the lab, the nurse, or the desk",
    ],
)
def test_a_note_listing_words_over_lines_is_no_swallowed_row(write_csv, note) -> None:
    """Review #3: a note with as many commas as the header was refused, IL-6 48 lost, exit 2:
    a swallowed row has a number in it."""
    path = write_csv(
        f'Sample ID,Test,Result,Units,Comment\n26-4701,IL-6,48.0,pg/mL,"{note}"\n'
        "26-4702,IL-8,5.0,pg/mL,\n"
    )
    report = check_file(path)
    assert not report.rejected
    assert [w.code for w in report.warnings] == ["row-spans-lines"]
    assert report.panels[0].results[0].status is Status.HIGH


def test_an_sdtm_file_of_standardized_results_reads_them_and_not_done(write_csv) -> None:
    """Review #5: 'NOT DONE' in LBSTAT was refused as a missing value (exit 2), and LBSTRESN's
    warning called LBSTRESC the result 'as the lab gave it'."""
    path = write_csv(
        "USUBJID,LBTESTCD,LBSTRESC,LBSTRESN,LBSTRESU,LBSTAT,LBDTC\n"
        "ST1-001,IL6,2.0,2.0,pg/mL,,2026-03-02\nST1-001,IL8,,,,NOT DONE,2026-03-02\n"
    )
    report = check_file(path)
    assert not report.rejected
    assert [(r.marker, r.value) for p in report.panels for r in p.results] == [("IL-6", 2.0)]
    messages = {w.column: w.message for w in report.warnings}
    assert "standardized result is read from column 'LBSTRESC'" in messages["LBSTRESN"]
    assert "NOT DONE" in messages["LBSTAT"]


# --- second review (/work/qa15/review2/review.md) ----------------------------------------


@pytest.mark.parametrize("when", ["02-Mar-2026 08:15", "20260302", "Mar 2, 2026"])
def test_a_visit_beside_a_timepoint_of_dates_in_any_form_keeps_them(write_csv, when) -> None:
    """Second review #2: month-name dates were joined to their visit and lost (no age, an
    adult's IL-2 of 100 indeterminate, exit 0)."""
    path = write_csv(
        "Subject ID,Date of Birth,Visit,Timepoint,Analyte,Result,Unit\n"
        f'1002,1980-01-01,Baseline,"{when}",IL-2,100,pg/mL\n'
    )
    [panel] = check_file(path, "mayo-adult").panels
    assert (panel.collected_at, panel.results[0].status) == (when, Status.HIGH)


def test_a_timepoint_interval_is_no_date(write_csv) -> None:
    """Second review #3: '0.5-1.5 h' had a date's shape: three visits made one panel, with a
    false date-unreadable warning; 'V1.2.3' was warned of as a date."""
    path = write_csv(
        "Subject ID,Visit,Timepoint,Analyte,Result,Unit\n1001,Day 1,0.5-1.5 h,IL-6,2.0,pg/mL\n"
        "1001,Day 8,0.5-1.5 h,IL-6,40,pg/mL\n1001,V1.2.3,,IL-6,9,pg/mL\n"
    )
    assert _panels(path) == [
        ("1001", "Day 1 0.5-1.5 h", ["IL-6"]),
        ("1001", "Day 8 0.5-1.5 h", ["IL-6"]),
        ("1001", "V1.2.3", ["IL-6"]),
    ]
    assert not check_file(path).warnings


@pytest.mark.parametrize(
    ("header", "note"),
    [
        ("Sample ID,Test,Result,Units,Comment", "Re-assayed at\n2, 10, 100, 1000, 10000 - agree"),
        ("Sample,IL-6 (pg/mL),Comment", "Hemolyzed.\nAliquots 1, 2, 3 used"),
        (
            "Sample ID,Test,Result,Units,Comment",
            "Call\nDr. Smith, ext. 1234, room 5, ward 3, bed 2",
        ),
    ],
)
def test_a_note_listing_numbers_over_lines_is_no_swallowed_row(write_csv, header, note) -> None:
    """Second review #4a: a note line of bare numbers was refused as a row, IL-6 48 lost."""
    value = "48.0" if "Test" not in header else "IL-6,48.0,pg/mL"
    path = write_csv(f'{header}\nS1,{value},"{note}"\n')
    report = check_file(path)
    assert not report.rejected
    assert report.panels[0].results[0].status is Status.HIGH


def test_swallowed_rows_of_censored_and_flagged_values_are_refused(write_csv) -> None:
    """Second review #4b: rows of '<2', '612.0 H', '>500' taken in by a stray quote were not
    seen as rows (no plain number): the highs went unjudged with a warning, exit 0."""
    path = write_csv(
        'Sample ID,Test,Result,Units,Comment\n26-4701,IL-6,1.0,pg/mL,"Recollect\n'
        '26-4702,IL-6,<2,pg/mL,\n26-4703,IL-6,612.0 H,pg/mL,\n26-4704,IL-6,>500,pg/mL,"\n'
        "26-4706,IL-8,5.0,pg/mL,\n"
    )
    rejected, *inside = check_file(path).rejected
    assert (rejected.code, rejected.line) == ("row-holds-rows", 2)
    assert [(i.code, i.line) for i in inside] == [("row-in-open-quote", n) for n in (3, 4, 5)]


def test_lbstat_is_the_status_only_where_no_lims_status_is(write_csv) -> None:
    """Second review #1: a blank LBSTAT took the status role from a LIMS 'Status' beside it:
    a corrected IL-10 and a cancelled TNF-α 999 were judged high, exit 1."""
    path = write_csv(
        "USUBJID,LBREFID,LBTEST,LBORRES,LBORRESU,LBDTC,LBSTAT,Status\n"
        "ST1,S1,IL-10,48.0,pg/mL,2026-03-02,,Final\nST1,S1,IL-10,2.2,pg/mL,2026-03-02,,Corrected\n"
        "ST1,S1,TNF-alpha,999,pg/mL,2026-03-02,,Cancelled\n"
    )
    report = check_file(path)
    assert [(r.marker, r.value) for p in report.panels for r in p.results] == [("IL-10", 2.2)]


def test_the_table_shows_the_decimals_the_lab_wrote(write_csv) -> None:
    """Developer QA round 15 (end to end): the README's '<4.0' was shown '<4', '3.0' as '3'."""
    from typer.testing import CliRunner

    from panelcli.cli import app

    path = write_csv("sample_id,marker,value,unit\nS-1,TNF-α,<4.0,pg/mL\nS-1,IL-8,3.0,pg/mL\n")
    shown = CliRunner().invoke(app, ["check", path], env={"COLUMNS": "120"}).stdout
    rows = {line.split("│")[1].strip(): line.split("│")[2].strip() for line in shown.splitlines()
            if line.startswith("│ ") and line.count("│") > 3}  # fmt: skip
    assert rows["TNF-α"] == "<4.0" and rows["IL-8"] == "3.0"


def test_reworded_messages_say_what_to_do(write_csv) -> None:
    """The rerun mark's warning promised a marker-repeated warning a wide file does not
    give; value-diluted-censored did not say why the limit may be higher."""
    report = check_file(write_csv("Sample ID,Test,Result,Units\nC,IL-6 x10,<2,pg/mL\n"))
    assert "the true limit is that many times higher" in report.rejected[0].message
    marks = check_file(write_csv("Sample,IL-6 (pg/mL),Rerun\nS1,48,N\nS1,2.2,Y\n"))
    [ignored] = [w for w in marks.warnings if w.code == "column-ignored"]
    assert "marker-repeated" not in ignored.message and "each on its own line" in ignored.message


# --- third review (/work/qa15/review3/review.md) -----------------------------------------


@pytest.mark.parametrize(
    "rows",
    [
        # a blank sample id, a patient id blank, a short row: internal error (IndexError)
        'Sample ID,Test,Result,Units,Comment\n,IL-6,48.0,pg/mL,"a\nb, c"\nS2,IL-8,5.0,pg/mL,\n',
        'Test,Result,Units,Comment,Sample ID\nIL-6,48.0,pg/mL,"a\nb, c, d"\n',
        'Patient ID,Test,Result,Units,Comment\n,IL-6,48.0,pg/mL,"a\nb, c, d, e"\n',
    ],
)
def test_a_multi_line_note_beside_a_blank_or_missing_id_is_read(write_csv, rows) -> None:
    report = check_file(write_csv(rows))
    assert not report.rejected
    assert report.panels[0].results[0].value == 48.0


def test_swallowed_rows_are_seen_whatever_their_ids(write_csv) -> None:
    """Third review #3: ids of another length ('S9' then 'S10') or a quote opened in the id
    cell hid swallowed rows: 612.0 and >500 were not judged, exit 0."""
    for text in (
        'Sample ID,Test,Result,Units,Comment\nS9,IL-6,1.0,pg/mL,"x\nS10,IL-6,612.0,pg/mL,\n'
        'S11,IL-6,>500,pg/mL,"\nS12,IL-8,5.0,pg/mL,\n',
        'Sample ID,Test,Result,Units,Comment\n"26-4701,IL-6,1.0,pg/mL,ok\n'
        '26-4702,IL-6,612.0,pg/mL,ok\n26-4703",IL-6,2.0,pg/mL,ok\n26-4704,IL-8,5.0,pg/mL,ok\n',
    ):
        codes = [i.code for i in check_file(write_csv(text)).rejected]
        assert codes[0] == "row-holds-rows" and set(codes[1:]) == {"row-in-open-quote"}


@pytest.mark.parametrize("when", ["03/02/2026 08:15", "3/2/26", "2026-02-30"])
def test_a_timepoint_written_as_a_date_is_never_joined_to_its_visit(write_csv, when) -> None:
    """Third review #2 and #6: a day-or-month date ('03/02/2026') was joined to its visit (no
    age: an adult's IL-2 of 100 indeterminate, exit 0), and a typo date's warning was lost."""
    path = write_csv(
        "Subject ID,Date of Birth,Visit,Timepoint,Analyte,Result,Unit\n"
        f'1002,1980-01-01,Baseline,"{when}",IL-2,100,pg/mL\n'
    )
    report = check_file(path, "mayo-adult")
    assert report.panels[0].collected_at == when
    if when == "2026-02-30":
        assert [w.code for w in report.warnings] == ["date-unreadable"]
    elif when == "03/02/2026 08:15":  # either day, an adult's: judged ('3/2/26' says no year)
        assert report.panels[0].results[0].status is Status.HIGH


# --- fourth review (/work/qa15/review4/review.md) ----------------------------------------


@pytest.mark.parametrize("marker", ["hIL-6", "Serum IL-6", "MCP-1"])
def test_swallowed_rows_of_any_markers_name_are_refused(write_csv, marker) -> None:
    """Fourth review #1: swallowed rows of names the bundled sets lack ('hIL-6', a lab's
    MCP-1 beside its own range) were missed: 612 pg/mL unjudged, exit 0."""
    path = write_csv(
        'Sample ID,Test,Result,Units,Comment\nS1,IL-6,1.0,pg/mL,"x\n'
        f'S2,{marker},612.0,pg/mL,"\nS3,IL-8,5.0,pg/mL,\n'
    )
    assert [i.code for i in check_file(path).rejected] == ["row-holds-rows", "row-in-open-quote"]


def test_a_note_of_timed_draws_is_no_swallowed_row(write_csv) -> None:
    """Third review #4: 'pre-dose, 2 h, 4 h, 8 h post' is a note ('2 h' reads as a value)."""
    path = write_csv(
        'Analyte,Result,Unit,Comment\nIL-6,48.0,pg/mL,"Timed draws taken:\n'
        'pre-dose, 2 h, 4 h, 8 h post"\nIL-8,5.0,pg/mL,ok\n'
    )
    report = check_file(path)
    assert not report.rejected and report.panels[0].results[0].status is Status.HIGH


@pytest.mark.parametrize("nothing", ["-", "N/A", "unknown"])
def test_a_timepoint_that_says_nothing_leaves_the_visit(write_csv, nothing) -> None:
    """Fourth review #3: 'N/A' and '-' read as 'no date known' merged Screening's 1.0 and
    Week 4's 612 into one undated panel."""
    path = write_csv(
        "Subject ID,Visit,Timepoint,Analyte,Result,Unit\n"
        f"1001,Screening,{nothing},IL-6,1.0,pg/mL\n1001,Week 4,{nothing},IL-6,612,pg/mL\n"
    )
    assert [p.collected_at for p in check_file(path).panels] == ["Screening", "Week 4"]
