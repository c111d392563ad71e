"""A lab technician's seventh QA round, and gaps the sixth left known."""

from __future__ import annotations

import pytest
from judged import issues_of, results_of
from typer.testing import CliRunner

from panelcli.check import EXCEL_ROUNDED_ID
from panelcli.cli import app

runner = CliRunner()


# --- ids Excel rounded ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rounded"),
    [
        ("1.23457E+11", True), ("1,23457E+11", True), ("9.9E+15", True), ("1E+12", True),
        ("1.23457e+11", True), ("1.2E+05", False), ("S-1E+11", False), ("123456789012", False),
        ("1.23457E-11", False), ("0.5E+11", False),
    ],
)  # fmt: skip
def test_an_id_excel_wrote_for_a_long_number_is_known(text: str, rounded: bool) -> None:
    assert (EXCEL_ROUNDED_ID.fullmatch(text) is not None) is rounded


@pytest.mark.parametrize("short_path", [True, False])
def test_an_id_excel_rounded_is_warned_of_once_a_file(write_csv, short_path: bool) -> None:
    """Two tubes' '123456789012' and '123457000001' both became '1.23457E+11' and were shown
    as one sample with only a marker-repeated warning."""
    path = write_csv(
        "sample_id,marker,value,unit\n1.23457E+11,IL-6,3.1,pg/mL\n1.23457E+11,IL-6,12.0,pg/mL\n"
        "2.34568E+11,IL-6,1.0,pg/mL\nS-3,IL-6,1.0,pg/mL\n"
    )
    issues = issues_of(path, short_path)
    (rounded,) = [i for i in issues if i.code == "sample-id-rounded"]
    assert (rounded.line, rounded.column, rounded.sample_id) == (2, "sample_id", "1.23457E+11")
    assert "Excel rounded" in rounded.message and "format the id column as Text" in rounded.message
    assert [r.value for r in results_of(path, short_path)] == [3.1, 12.0, 1.0, 1.0]


@pytest.mark.parametrize("short_path", [True, False])
def test_a_patient_id_excel_rounded_is_named_as_such(write_csv, short_path: bool) -> None:
    path = write_csv(
        "patient_id,collected,marker,value,unit\n4.56789E+12,2026-03-01,IL-6,3.1,pg/mL\n"
    )
    (rounded,) = [i for i in issues_of(path, short_path) if i.code == "sample-id-rounded"]
    assert rounded.column == "patient_id" and rounded.message.startswith("patient id '4.5678")


def test_ids_that_are_not_rounded_get_no_such_warning(write_csv) -> None:
    path = write_csv(
        "sample_id,marker,value,unit\n123456789012,IL-6,3.1,pg/mL\nA+B,IL-6,1.0,pg/mL\n"
    )
    assert "sample-id-rounded" not in {i.code for i in issues_of(path)}


def test_a_rounded_id_in_a_wide_excel_export_is_said_in_every_format(write_csv) -> None:
    path = write_csv("Sample ID;IL-6 (pg/mL);TNF-a (pg/mL)\n1,23457E+11;3,1;5\n")
    for fmt in ("table", "json", "ndjson", "csv"):
        result = runner.invoke(app, ["check", path, "--format", fmt])
        assert result.exit_code == 1, (fmt, result.output)
        assert "sample-id-rounded" in result.output, fmt


# --- a weekday that is not its date's ------------------------------------------------------


def test_a_weekday_that_is_not_its_dates_makes_the_date_unreadable_and_says_why() -> None:
    from panelcli.trends import read_date, why_no_date

    assert read_date("Wed, 25 Mar 2026") is not None
    assert read_date("Mon, 25 Mar 2026") is None
    assert why_no_date("Mon, 25 Mar 2026") == (
        "names a weekday that is not its day's: 25 March 2026 is a Wednesday, not a Monday"
    )
    assert why_no_date("Sat, 31 Feb 2026") == "is not a real day: February 2026 has no day 31"


def test_a_contradicting_weekday_is_warned_of_for_collection_and_birth_dates(write_csv) -> None:
    """The weekday was dropped unsaid: 'Mon, 25 Mar 2026' was read as the 25th (a Wednesday)."""
    path = write_csv(
        "sample_id,collected,marker,value,unit,birth_date\n"
        'S1,"Mon, 25 Mar 2026",IL-6,3.1,pg/mL,"Mon, 2 Jan 1980"\n'
    )
    result = runner.invoke(app, ["validate", path])
    assert result.exit_code == 0, result.output
    assert "collected date 'Mon, 25 Mar 2026' names a weekday that is not its day's" in (
        result.output
    )
    assert "2 January 1980 is a Wednesday, not a Monday; the age was treated as not given" in (
        result.output
    )


# --- a set for another fluid than blood ----------------------------------------------------

CSF_SET = """[set]
name = "my-csf"
version = "1"
specimen = "CSF"

[markers."IL-6"]
unit = "pg/mL"
high = 10
source = "made up for a test"
"""


@pytest.mark.parametrize("short_path", [True, False])
def test_a_set_for_csf_does_not_judge_blood_nor_urine(
    write_csv, tmp_path, short_path: bool
) -> None:
    """A CSF set judged a serum row 'normal' with no word (known gap of the sixth round)."""
    ranges = tmp_path / "csf.toml"
    ranges.write_text(CSF_SET, encoding="utf-8")
    path = write_csv(
        "sample_id,specimen_type,marker,value,unit\nS1,CSF,IL-6,3.1,pg/mL\n"
        "S2,Serum,IL-6,3.1,pg/mL\nS3,Urine,IL-6,3.1,pg/mL\nS4,,IL-6,30,pg/mL\n"
    )
    csf, serum, urine, unnamed = results_of(path, short_path, ranges)
    assert (csf.status, unnamed.status) == ("normal", "high")
    assert serum.status == urine.status == "indeterminate"
    assert serum.note is not None and serum.note.startswith(
        "the sample is blood, but this set's range is for cerebrospinal fluid (CSF)"
    )
    assert urine.note is not None and urine.note.startswith("the sample is urine, but this set's")


@pytest.mark.parametrize("short_path", [True, False])
def test_blood_rows_under_a_blood_set_stay_judged(write_csv, short_path: bool) -> None:
    path = write_csv(
        "sample_id,specimen_type,marker,value,unit\nS1,Serum,IL-6,3.1,pg/mL\n"
        "S2,CSF,IL-6,3.1,pg/mL\n"
    )
    serum, csf = results_of(path, short_path)
    assert serum.status == "high"
    assert csf.status == "indeterminate" and "this set's range is for blood" in (csf.note or "")


# --- why a value is refused ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        ("1 500 pg/mL", "has a space inside; if it groups thousands"),
        ("1 500", "has a space inside; if it groups thousands"),
    ],
)
def test_a_refused_value_says_why(write_csv, cell: str, said: str) -> None:
    """'1 500 pg/mL' was only 'not a number' (a known gap of note 48)."""
    path = write_csv(f"sample_id,marker,value,unit\nS1,IL-6,{cell},pg/mL\n")
    (refused,) = issues_of(path)
    assert refused.code == "value-not-a-number" and said in refused.message
    assert results_of(path) == []


# --- a wide file's row with no sample id ---------------------------------------------------


@pytest.mark.parametrize("short_path", [True, False])
def test_a_wide_row_with_a_blank_id_is_warned_of_once(write_csv, short_path: bool) -> None:
    """Excel's averages under the samples (no label) were judged as sample 'line 4', flagged
    high, with no word: validate said '0 problems'."""
    path = write_csv(
        "Sample ID,IL-6 (pg/mL),IL-8 (pg/mL)\nS1,3.1,10\nS2,2.0,12\n,2.55,11\n,5.1,22\n"
    )
    (said,) = issues_of(path, short_path)
    assert (said.code, said.line, said.column, said.sample_id) == (
        "sample-id-missing",
        4,
        "Sample ID",
        "line 4",
    )
    assert "label it 'Mean' or delete it" in said.message
    assert [r.sample_id for r in results_of(path, short_path)] == [
        "S1", "S1", "S2", "S2", "line 4", "line 4", "line 5", "line 5"
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Sample ID,IL-6 (pg/mL)\nS1,3.1\nMean,3.1\n",  # labelled: skipped as a summary
        "Patient ID,Sample ID,IL-6 (pg/mL)\nP1,,3.1\n",  # the patient names it
        "Name,IL-6 (pg/mL)\nline 2,3.1\n",  # no id column: said of the header, not the row
        "Sample ID,IL-6 (pg/mL)\n,0-7\n",  # refused as a range: its line is named already
    ],
)
def test_rows_that_name_themselves_otherwise_get_no_such_warning(write_csv, text: str) -> None:
    path = write_csv(text)
    assert not [i for i in issues_of(path) if i.code == "sample-id-missing" and i.line != 1]


@pytest.mark.parametrize(
    "label", ["Σ", "∑", "Average of duplicates", "Mean of replicates", "Mittelwert der Proben"]
)
def test_more_summary_labels_are_skipped(write_csv, label: str) -> None:
    """A sheet's 'Σ' and 'Average of duplicates' rows were judged as samples (lab QA)."""
    path = write_csv(f"Sample ID,IL-6 (pg/mL)\nS1,3.1\nS2,2.0\n{label},5.1\n")
    assert [r.sample_id for r in results_of(path)] == ["S1", "S2"]
    (skipped,) = issues_of(path)
    assert skipped.code == "control-skipped" and "a summary of other rows" in skipped.message


@pytest.mark.parametrize("label", ["Sumo-1", "Meanwell 3", "Average"])
def test_ids_that_only_start_like_a_summary_stay_samples_or_are_one(write_csv, label: str) -> None:
    path = write_csv(f"Sample ID,IL-6 (pg/mL)\n{label},3.1\n")
    assert [r.sample_id for r in results_of(path)] == ([] if label == "Average" else [label])


@pytest.mark.parametrize(
    ("cell", "why"),
    [
        ("NR", "the lab gave no result"), ("N/R", "the lab gave no result"),
        ("n.r.", "the lab gave no result"), ("DNR", "the lab gave no result"),
        ("Not Reportable", "the lab gave no result"),
        ("Unable to report", "the lab gave no result"),
        ("Canc", "this result was cancelled"), ("Sent out", "sent to another lab"),
        ("Referred", "sent to another lab"), ("Invalid", "not valid"),
        ("Duplicate order", "ordered twice"), ("TBD", "still to come"),
    ],
)  # fmt: skip
def test_lis_words_for_no_result_are_read_so(write_csv, cell: str, why: str) -> None:
    """Lab QA round 7: these were refused as no number, and a clean export exited 2."""
    path = write_csv(f"sample_id,marker,value,unit\nS1,IL-6,{cell},pg/mL\nS1,IL-8,2.0,pg/mL\n")
    (said,) = issues_of(path)
    assert said.code == "result-not-given" and said.severity == "warning"
    assert why in said.message
    assert [r.marker for r in results_of(path)] == ["IL-8"]
    result = runner.invoke(app, ["check", path, "--format", "json"])
    assert result.exit_code == 0, result.output


# --- result statuses -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "code"),
    [
        ("Auth (Verified)", None), ("Authorized", None), ("Modified", "result-corrected"),
        ("Edited Result - FINAL", "result-corrected"),
    ],
)  # fmt: skip
def test_cerner_and_epic_statuses_are_read(write_csv, status: str, code: str | None) -> None:
    """Cerner's everyday 'Auth (Verified)' gave a warning on every row; 'Modified' and Epic's
    'Edited Result - FINAL' were not read as corrections (lab QA round 7)."""
    path = write_csv(f"sample_id,marker,value,unit,Result Status\nS1,IL-6,2.0,pg/mL,{status}\n")
    assert [i.code for i in issues_of(path)] == ([code] if code else [])
    assert [r.status for r in results_of(path)] == ["normal"]


@pytest.mark.parametrize("short_path", [True, False])
def test_an_unread_status_is_said_once_for_each_text(write_csv, short_path: bool) -> None:
    rows = "".join(f"S{i},IL-6,2.0,pg/mL,{s}\n" for i, s in enumerate(["Odd"] * 4 + ["Rare"] * 2))
    path = write_csv(f"sample_id,marker,value,unit,Result Status\n{rows}")
    said = [(i.code, i.line) for i in issues_of(path, short_path)]
    assert said == [("result-status-unread", 2), ("result-status-unread", 6)]
    (first, _) = [i for i in issues_of(path, short_path)]
    assert first.message.endswith("as is any other row of this file with this status")
    assert len(results_of(path, short_path)) == 6


# --- US LIS column names -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sample", "date"),
    [
        ("Acc#", "Coll Date"), ("Accession Nbr", "Coll Dt/Tm"), ("SID", "Date Drawn"),
        ("Lab Accession", "Date of Collection"), ("Spec ID", "Collect Date"),
        ("Acc No", "Spec Coll Dt"),
    ],
)  # fmt: skip
def test_us_lis_abbreviations_name_the_sample_and_its_date(
    write_csv, sample: str, date: str
) -> None:
    """Lab QA round 7: 'Acc#' and 'Coll Date' were ignored, and two days of one patient made
    one undated panel, with no trend."""
    path = write_csv(
        f"MRN,{sample},{date},Test,Result,Units\nM1,W1,2026-03-30 06:10,IL-6,12.1,pg/mL\n"
        "M1,W2,2026-03-31 06:05,IL-6,25.3,pg/mL\n"
    )
    assert [(r.sample_id, r.collected_at) for r in results_of(path)] == [
        ("W1", "2026-03-30 06:10"), ("W2", "2026-03-31 06:05")
    ]  # fmt: skip
    assert issues_of(path) == []


def test_a_weak_abbreviation_beside_the_full_name_is_not_read(write_csv) -> None:
    path = write_csv(
        "Sample ID,Acc#,Collection Date,Coll Date,Test,Result,Units\n"
        "S1,A9,2026-03-30,2026-03-01,IL-6,2.0,pg/mL\n"
    )
    (result,) = results_of(path)
    assert (result.sample_id, result.collected_at) == ("S1", "2026-03-30")


# --- times of day without a colon ----------------------------------------------------------


@pytest.mark.parametrize(
    ("time", "when"),
    [
        ("0610", "2026-03-30 06:10"), ("610", "2026-03-30 6:10"),
        ("1845 hrs", "2026-03-30 18:45"), ("1845h", "2026-03-30 18:45"),
        ("T06:10", "2026-03-30 06:10"),
    ],
)  # fmt: skip
def test_a_time_column_of_four_digits_is_read(write_csv, time: str, when: str) -> None:
    """Epic's and Cerner's '0610' was dropped with no word (lab QA round 7): two draws of a
    day came in no known order, while '06:10' made a trend."""
    path = write_csv(
        "Specimen ID,Patient MRN,Collection Date,Collection Time,Component,Value,Units\n"
        f"S1,E1,2026-03-30,{time},IL-6,12.0,pg/mL\n"
    )
    (result,) = results_of(path)
    assert result.collected_at == when
    assert issues_of(path) == []


@pytest.mark.parametrize("time", ["2400", "1261", "0675 hrs"])
def test_a_time_column_past_the_clock_is_said(write_csv, time: str) -> None:
    path = write_csv(
        "Specimen ID,Patient MRN,Collection Date,Collection Time,Component,Value,Units\n"
        f"S1,E1,2026-03-30,{time},IL-6,12.0,pg/mL\n"
    )
    (result,) = results_of(path)
    assert result.collected_at == "2026-03-30"
    (said,) = issues_of(path)
    assert said.code == "time-unreadable" and f"'{time}'" in said.message


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("03/30/2026 0610", "2026-03-30 06:10"), ("2026-03-30 1845", "2026-03-30 18:45"),
        ("30 Mar 2026", "2026-03-30 00:00"), ("03/30/2026 2460", None),
    ],
)  # fmt: skip
def test_a_date_with_a_four_digit_time_is_read(text: str, read: str | None) -> None:
    """Epic Beaker's '03/30/2026 0610' made the whole date unreadable."""
    from panelcli.trends import read_date

    day = read_date(text)
    assert (day.strftime("%Y-%m-%d %H:%M") if day else None) == read


# --- time zones by name --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("2026-03-31 06:10:00 UTC", "2026-03-31 06:10"),
        ("03/31/2026 06:10 GMT", "2026-03-31 06:10"),
        ("2026-03-31T06:10Z", "2026-03-31 06:10"), ("2026-03-31 06:10 CEST", None),
    ],
)  # fmt: skip
def test_utc_by_its_name_is_read_and_other_zone_letters_are_said(
    text: str, read: str | None
) -> None:
    """Lab QA round 7: ' UTC' and ' CEST' after a date made it unreadable, unsaid why."""
    from panelcli.trends import read_date, why_no_date

    day = read_date(text)
    assert (day.strftime("%Y-%m-%d %H:%M") if day else None) == read
    if read is None:
        assert (why_no_date(text) or "").startswith("gives its time zone by letters ('CEST')")


def test_a_utc_time_is_ordered_with_offsets(write_csv) -> None:
    """06:10 UTC comes after 07:00+02:00 (05:00 UTC) in a trend."""
    from panelcli.trends import read_date

    earlier, later = read_date("2026-03-31T07:00+02:00"), read_date("2026-03-31 06:10 UTC")
    assert earlier is not None and later is not None and earlier < later


# --- an instrument's alarm column ------------------------------------------------------------


@pytest.mark.parametrize("short_path", [True, False])
@pytest.mark.parametrize("header", ["Data Alarm", "Errors", "Exception String", "Sampling Errors"])
def test_a_result_with_an_instrument_alarm_is_not_judged(
    write_csv, header: str, short_path: bool
) -> None:
    """Lab QA round 7: cobas' 'Cal.E', Simoa's 'Bubble detected', Alinity's 'Calibration
    expired' were judged and flagged as good values; the alarm column was only 'ignored'."""
    path = write_csv(
        f"Sample ID,Test,Result,Unit,{header}\nS1,IL-6,3.1,pg/mL,\nS2,IL-6,12.9,pg/mL,Cal.E\n"
        "S3,IL-6,1.0,pg/mL,None\nS4,IL-6,>5000,pg/mL,>Test\n"
    )
    quiet, alarmed, none, past = results_of(path, short_path)
    assert (quiet.status, none.status, past.status) == ("high", "normal", "high")
    assert alarmed.status == "indeterminate"
    assert alarmed.note == (
        f"the instrument marked it ('Cal.E' in '{header}'), so it was not judged: ask the lab "
        "whether it can be reported"
    )
    assert not [i for i in issues_of(path, short_path) if i.code == "column-ignored"]


def test_an_alarm_column_beside_a_comment_column_is_not_read_as_one(write_csv) -> None:
    path = write_csv(
        "Sample ID,Test,Result,Unit,Comment,Data Alarm\nS2,IL-6,12.9,pg/mL,fine,Cal.E\n"
    )
    (result,) = results_of(path)
    assert result.status == "high" and "comment from the lab: 'fine'" in (result.note or "")


# --- more LIS column names -----------------------------------------------------------------


def test_cerners_event_result_val_and_normalcy_columns_are_read(write_csv) -> None:
    """Lab QA round 7: Cerner's 'Event' was not read, and the file was refused as having no
    marker column; its 'Normalcy' flag and 'Clinical Event Dt/Tm' were ignored."""
    path = write_csv(
        "Accession Nbr,MRN,Event,Result Val,Units of Measure,Normalcy,Clinical Event Dt/Tm\n"
        "26-1,00012,Interleukin 6,15.2,pg/mL,H,03/30/2026 06:10\n"
    )
    (result,) = results_of(path)
    assert (result.marker, result.value, result.unit, result.status) == (
        "IL-6",
        15.2,
        "pg/mL",
        "high",
    )
    assert (result.sample_id, result.patient_id, result.collected_at) == (
        "26-1",
        "00012",
        "03/30/2026 06:10",
    )
    assert not [i for i in issues_of(path) if i.code == "column-ignored"]


@pytest.mark.parametrize("name", ["Numeric Value", "Measured Value", "Reportable Result"])
def test_more_lis_value_names_are_read_where_no_other_column_gives_the_value(
    write_csv, name: str
) -> None:
    path = write_csv(f"Sample ID,Lab Test,{name},Measurement Unit\nS1,IL-6,3.1,pg/mL\n")
    assert [(r.marker, r.value) for r in results_of(path)] == [("IL-6", 3.1)]


def test_ellas_calc_mean_is_the_value_where_its_replicates_are_not_read(write_csv) -> None:
    path = write_csv(
        "Sample Name,Analyte,Calc Conc 1,Calc Conc 2,Calc Mean,Unit\n"
        "PT-11,IL-6,3.10,3.22,3.12,pg/mL\n"
    )
    assert [(r.marker, r.value) for r in results_of(path)] == [("IL-6", 3.12)]


def test_a_dilution_column_says_the_values_were_not_multiplied(write_csv) -> None:
    path = write_csv("Sample ID,Test,Result,Unit,Dilution Factor\nS1,IL-6,2.0,pg/mL,10\n")
    (said,) = issues_of(path)
    assert said.code == "column-ignored"
    assert "the values were judged as written, not multiplied by a dilution" in said.message


# --- ages given as their least --------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "age"),
    [(">89", 90.0), ("90+", 90.0), ("≥90", 90.0), ("over 89", 90.0), ("> 89 y", 90.0),
     (">5", None), (">200", None)],
)  # fmt: skip
def test_a_de_identified_top_age_is_read_as_its_least(cell: str, age: float | None) -> None:
    """Lab QA round 7: HIPAA's '>89' was 'not something panelcli reads', and an adult's
    result under Mayo's adult ranges was indeterminate."""
    from panelcli.check import parse_age

    assert parse_age(cell) == age


def test_an_age_over_89_picks_the_adult_range(write_csv) -> None:
    path = write_csv("sample_id,age,marker,value,unit\nS1,>89,IL-6,3.0,pg/mL\n")
    (result,) = results_of(path, ranges="mayo-adult")
    assert result.status == "normal" and issues_of(path, ranges="mayo-adult") == []


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        ("12..5", "has two points in a row; a typing slip?"),
        ("(0.35)", "is a negative number as accounting and some lab systems write one"),
        ("0.35-", "is a negative number as accounting and some lab systems write one"),
        ('"1,200"', "or with a decimal point (1200 or 1.2)"),
    ],
)
def test_more_refused_values_say_what_is_wrong(write_csv, cell: str, said: str) -> None:
    """Lab QA round 7: '12..5' was called a range, the rest only 'not a number', and '1,200'
    got no way to write it."""
    path = write_csv(f"sample_id,marker,value,unit\nS1,IL-6,{cell},pg/mL\n")
    (refused,) = issues_of(path)
    assert refused.severity == "error" and said in refused.message


def test_a_banner_naming_another_patient_starts_that_patients_rows(write_csv) -> None:
    """Lab QA round 7: a report of one block per patient ('Patient: … MRN: …' above each
    table) was summed up as one person's panel; the skipped banner said nothing of it. Since
    lab QA round 9 each block is its patient's (see test_lab_qa_round9.py)."""
    block = "Test,Result,Units,Flag\nIL-6,12.0,pg/mL,H\nTNF-alpha,20.0,pg/mL,H\nIL-10,1.0,pg/mL,\n"
    path = write_csv(
        f"Patient: DOE JANE   MRN: 100   Collected: 2026-03-30\n{block}"
        f"Patient: ROE RICH   MRN: 200   Collected: 2026-03-30\n{block}"
    )
    (banner,) = [i for i in issues_of(path) if i.code == "page-line-skipped"]
    assert banner.line == 6 and banner.message.startswith("this line names patient '200'")
    assert {r.patient_id for r in results_of(path)} == {"100", "200"}
    # a banner with no table's header of its own between: still a block of its own
    path = write_csv(
        "Patient: DOE JANE   MRN: 100\nTest,Result,Units\nIL-6,12.0,pg/mL\n"
        "Patient: ROE RICH   MRN: 200\nIL-6,1.0,pg/mL\n"
    )
    assert [(r.patient_id, r.value) for r in results_of(path)] == [("100", 12.0), ("200", 1.0)]
    with_ids = write_csv(
        "Sample ID,Test,Result,Units\nS1,IL-6,12.0,pg/mL\nPatient: ROE RICH\nS2,IL-6,1.0,pg/mL\n"
    )
    assert not [i for i in issues_of(with_ids) if "seems to name a patient" in i.message]


@pytest.mark.parametrize(
    "name", ["Event", "Lab Test", "Result Name", "Test Performed", "Clinical Event"]
)
def test_a_wide_files_event_column_is_no_marker_column(write_csv, name: str) -> None:
    """Review: with 'Event' read as Cerner's test name, a study's wide file with a visit column
    ('Sample ID,Event,IL-6 (pg/mL)') was refused; it is read as before, the column ignored."""
    path = write_csv(f"Sample ID,{name},IL-6 (pg/mL),IL-8 (pg/mL)\nS1,Baseline,3,4\n")
    assert [(r.marker, r.value) for r in results_of(path)] == [("IL-6", 3.0), ("IL-8", 4.0)]
    (said,) = issues_of(path)
    assert said.code == "column-ignored" and said.column == name


@pytest.mark.parametrize(
    "comment",
    ["Invalid sample id format corrected", "Referred to Dr Smith for review", "Patient DNR",
     "Probe Nr fehlt", "Duplicate test ordered by mistake; this one is valid"],
)  # fmt: skip
def test_the_new_no_result_words_in_a_longer_comment_leave_a_blank_value_refused(
    write_csv, comment: str
) -> None:
    """Review: such words anywhere in a comment beside a blank value made it 'the lab gave no
    result' with an invented reason, and the row was no longer refused."""
    path = write_csv(f"sample_id,marker,value,unit,comment\nS1,IL-6,,pg/mL,{comment}\n")
    (refused,) = issues_of(path)
    assert refused.code == "value-missing"
    whole = write_csv("sample_id,marker,value,unit,comment\nS1,IL-6,,pg/mL,NR\nS1,IL-8,2,pg/mL,\n")
    assert [i.code for i in issues_of(whole)] == ["result-not-given"]


@pytest.mark.parametrize("short_path", [True, False])
@pytest.mark.parametrize(
    "cell", ["", "None", "OK", "No alarms", "Passed", "0.0", "Valid", "No flags", "-", "n/a"]
)
def test_an_alarm_cell_that_says_there_is_none_leaves_the_result_judged(
    write_csv, cell: str, short_path: bool
) -> None:
    """Review: 'No alarms', 'Passed', '0.0', 'Valid' made good results indeterminate."""
    path = write_csv(f"sample_id,marker,value,unit,Errors\nS1,IL-6,3,pg/mL,{cell}\n")
    (result,) = results_of(path, short_path)
    assert result.status == "high" and "instrument" not in (result.note or "")


def test_an_alarm_column_beside_a_comment_column_says_its_alarms_are_not_applied(
    write_csv,
) -> None:
    path = write_csv(
        "sample_id,marker,value,unit,Notes,Data Alarm\nS1,IL-6,3,pg/mL,hemolysed slightly,Cal.E\n"
    )
    (said,) = [i for i in issues_of(path) if i.code == "column-ignored"]
    assert "the instrument's alarms in this column are not applied" in said.message


def test_an_alarm_column_of_none_keeps_rows_on_the_short_path(write_csv) -> None:
    """Review: 'None' in every row of 'Data Alarm' sent every row to the general path."""
    from panelcli.check import CheckOptions, Interpreter
    from panelcli.ranges import load_ranges

    rows = "".join(f"S{n},IL-6,{n % 5}.5,pg/mL,None\n" for n in range(50))
    path = write_csv(f"sample_id,marker,value,unit,Data Alarm\n{rows}")
    interpreter = Interpreter(load_ranges(), CheckOptions())
    calls = []
    judge = interpreter._judge

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[0].line)
        return judge(*args, **kwargs)

    interpreter._judge = counted  # type: ignore[method-assign]
    assert len(list(interpreter.events([path]))) == 50
    assert calls == []


@pytest.mark.parametrize("short_path", [True, False])
def test_a_blood_specimen_in_the_marker_name_is_not_judged_by_a_csf_set(
    write_csv, tmp_path, short_path: bool
) -> None:
    """Review: 'IL-6, Serum' is read as IL-6 (d338d66), and a CSF set then judged it by its
    range with no word, where a 'Specimen' column's 'Serum' made it indeterminate."""
    ranges = tmp_path / "csf.toml"
    ranges.write_text(CSF_SET, encoding="utf-8")
    path = write_csv(
        'sample_id,marker,value,unit\nS1,"IL-6, Serum",3,pg/mL\nS2,Plasma IL-6,3,pg/mL\n'
        "S3,IL-6,30,pg/mL\n"
    )
    serum, plasma, unnamed = results_of(path, short_path, ranges)
    assert serum.status == plasma.status == "indeterminate"
    assert (serum.note or "").startswith("the sample is blood, but this set's range is for")
    assert unnamed.status == "high"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("2026-03-30 06:10 STAT", "is not a date panelcli can read"),
        ("03/30/2026 0610 HRS", "is not a date panelcli can read"),
        ("2026-03-31 06:10 EST", "gives its time zone by letters ('EST')"),
        ("Tue, 30 Mar 2026 08:15", "names a weekday that is not its day's"),
        ("Sun, 30 Mar 2026 06:10:00 GMT", "names a weekday that is not its day's"),
    ],
)
def test_dates_with_words_after_them_are_said_to_be_what_they_are(text: str, said: str) -> None:
    """Review: 'STAT' (urgent, in LIS exports) was said to be a time zone, with advice to
    write an offset; a wrong weekday before a date with a time got the generic message."""
    from panelcli.trends import why_no_date

    assert (why_no_date(text) or "").startswith(said)


def test_a_wide_marker_level_column_with_no_unit_says_how_to_have_it_read(write_csv) -> None:
    """Review: 'IL-8 Level' beside read columns was 'not a known marker or field', untrue."""
    path = write_csv("Sample ID,IL-6 (pg/mL),IL-8 Level\nS1,3,High\n")
    (said,) = issues_of(path)
    assert said.column == "IL-8 Level" and "it names IL-8, but with no unit" in said.message
    assert "such as 'IL-8 (pg/mL)'" in said.message


def test_bare_hl7_segments_are_named_as_such(write_csv) -> None:
    """Lab QA round 7: OBX lines cut from an HL7 message got the generic 'no header'."""
    path = write_csv("OBX|1|NM|IL-6^Interleukin 6||12.5|pg/mL|0.0-7.0|H|||F\n")
    (refused,) = issues_of(path)
    assert refused.code == "file-unreadable"
    assert "a part of an HL7 v2 message (OBX segments, one result each)" in refused.message


# --- second review --------------------------------------------------------------------------


@pytest.mark.parametrize("short_path", [True, False])
def test_an_alarm_column_right_after_the_value_reads_alarms_not_decimals(
    write_csv, short_path: bool
) -> None:
    """Second review: after the value, 'None' and 'Passed' made results indeterminate on the
    general path only (read there as a comment after the value). A bare number there may be
    the value's decimals ('4,1' unquoted), and is refused as a split value, as for a comment
    column (third review: reading it as an alarm's count hid a real split)."""
    path = write_csv(
        "sample_id,IL-6 (pg/mL),IL-8 (pg/mL),Data Alarm\nS1,3,4,None\nS2,3,4,Passed\n"
        "S3,3,4,1\nS4,3,4,Cal.E\n"
    )
    statuses = [(r.sample_id, r.marker, r.status) for r in results_of(path, short_path)]
    assert statuses == [
        ("S1", "IL-6", "high"), ("S1", "IL-8", "normal"), ("S2", "IL-6", "high"),
        ("S2", "IL-8", "normal"), ("S3", "IL-6", "high"), ("S4", "IL-6", "indeterminate"),
        ("S4", "IL-8", "indeterminate"),
    ]  # fmt: skip
    assert [(i.code, i.line) for i in issues_of(path, short_path)] == [("value-split-by-comma", 4)]


@pytest.mark.parametrize(
    "cell",
    ["none detected", "No Error(s)", "OK - no alarm", "0 errors", "No issues found", "null",
     "NaN", "#N/A", "<none>", "[]", "0/0"],
)  # fmt: skip
def test_more_ways_of_saying_no_alarm(cell: str) -> None:
    from panelcli.reading import says_no_alarm

    assert says_no_alarm(cell)
    assert not says_no_alarm("Cal.E") and not says_no_alarm("1") and not says_no_alarm("Noise")


def test_a_wide_file_with_an_event_and_a_mean_column_is_still_wide(write_csv) -> None:
    """Second review: 'Mean' counted as a value column, so 'Event' was read as the marker and
    the visit 'Baseline' judged at the row's mean; the IL-6 column was ignored, exit 0."""
    path = write_csv("Sample ID,Event,IL-6 (pg/mL),IL-8 (pg/mL),Mean\nS1,Baseline,3,4,3.5\n")
    assert [(r.marker, r.value) for r in results_of(path)] == [("IL-6", 3.0), ("IL-8", 4.0)]


def test_a_name_the_set_gives_in_full_is_not_read_as_naming_a_fluid(write_csv, tmp_path) -> None:
    """Second review: under a urine set, 'Serum amyloid A' (an alias of the set) was said to be
    blood, 'Tissue inhibitor of metalloproteinases 2' tissue: both indeterminate."""
    ranges = tmp_path / "urine.toml"
    ranges.write_text(
        '[set]\nname = "my-urine"\nspecimen = "urine"\n'
        '[markers."TIMP-2"]\nunit = "ng/mL"\nhigh = 5\nsource = "x"\n'
        'aliases = ["Tissue inhibitor of metalloproteinases 2"]\n'
        '[markers."SAA"]\nunit = "mg/L"\nhigh = 5\nsource = "x"\naliases = ["Serum amyloid A"]\n',
        encoding="utf-8",
    )
    path = write_csv(
        "sample_id,marker,value,unit\nU1,Tissue inhibitor of metalloproteinases 2,7,ng/mL\n"
        "U1,Serum amyloid A,7,mg/L\n"
    )
    assert [r.status for r in results_of(path, True, ranges)] == ["high", "high"]
    assert [r.status for r in results_of(path, False, ranges)] == ["high", "high"]


def test_day_first_dotted_dates_take_a_four_digit_time_too() -> None:
    from panelcli.trends import read_date

    day = read_date("30.03.2026 0610")
    assert day is not None and day.strftime("%Y-%m-%d %H:%M") == "2026-03-30 06:10"


# --- third review ---------------------------------------------------------------------------


@pytest.mark.parametrize("short_path", [True, False])
@pytest.mark.parametrize("cell", ["*", "!", "⚠", "Ошибка", "エラー"])
def test_an_alarm_of_signs_or_other_scripts_is_an_alarm(
    write_csv, cell: str, short_path: bool
) -> None:
    """Third review: a cell with no Latin letter or digit counted as no alarm, and was judged."""
    path = write_csv(f"sample_id,marker,value,unit,Data Alarm\nS1,IL-6,3,pg/mL,{cell}\n")
    (result,) = results_of(path, short_path)
    assert result.status == "indeterminate"


def test_a_decimal_comma_split_into_an_alarm_column_is_still_refused(write_csv) -> None:
    """Third review: '12,5' unquoted before a blank alarm column was read as 12 with an alarm
    '5', where it was refused as a value split by a comma."""
    path = write_csv("sample_id,marker,unit,value,Data Alarm\nS1,IL-6,pg/mL,12,5\n")
    assert [i.code for i in issues_of(path)] == ["value-split-by-comma"]


@pytest.mark.parametrize("value", ["Mean", "Average", "Calc Mean"])
def test_a_long_files_mean_value_beside_a_weak_marker_name_is_read(write_csv, value: str) -> None:
    """Third review: 'Sample,Lab Test,Mean,Unit' was refused once 'Mean' stopped counting as a
    value column (kept so in a wide file, where it is the row's own figure)."""
    path = write_csv(f"Sample,Lab Test,{value},Unit\nS1,IL-6,3.1,pg/mL\n")
    assert [(r.marker, r.value) for r in results_of(path)] == [("IL-6", 3.1)]


@pytest.mark.parametrize("short_path", [True, False])
def test_a_fluid_in_a_name_is_read_as_resolve_reads_the_name(
    write_csv, tmp_path, short_path: bool
) -> None:
    """Third review: 'Hu Serum IL-6' under a CSF set was judged by the CSF range, and 'Serum
    amyloid A (45)', an alias with a bead region, was said to be blood."""
    ranges = tmp_path / "csf.toml"
    ranges.write_text(
        CSF_SET + '[markers."SAA"]\nunit = "mg/L"\nhigh = 2\nsource = "x"\n'
        'aliases = ["Serum amyloid A"]\n',
        encoding="utf-8",
    )
    path = write_csv(
        "sample_id,marker,value,unit\nS1,Hu Serum IL-6,3,pg/mL\nS2,Serum amyloid A (45),3,mg/L\n"
    )
    assert [r.status for r in results_of(path, short_path, ranges)] == ["indeterminate", "high"]
