"""Findings of the code review of round 9 (against the team's design rules)."""

from __future__ import annotations

import pytest
from judged import issues_of, results_of

#: IL-8's range for under 18 and for 18 and over (a set of one marker, ranges by age)
AGE_SET = (
    '[set]\nname = "ages"\ndescription = "IL-8 by age"\nsource = "a test"\nversion = "1"\n'
    '[markers."IL-8"]\nsource = "a test"\nunit = "pg/mL"\nintervals = [\n'
    "  { age_max = 18, high = 10 },\n  { age_min = 18, high = 20, high_exclusive = true },\n]\n"
)


@pytest.mark.parametrize("short_path", [True, False])
def test_an_age_cell_the_birth_date_disagrees_with_is_not_taken_as_certain(
    tmp_path, write_csv, short_path
) -> None:
    """Review round 9: age 17 beside a birth date giving 18 judged IL-8 15 high (exit 1) by
    the under-18 range, though by the birth date it is normal; a status is the severity that is
    certain."""
    ranges = tmp_path / "ages.toml"
    ranges.write_text(AGE_SET, encoding="utf-8")
    path = write_csv(
        "sample_id,collected_at,birth_date,age,marker,value,unit\n"
        "A1,2026-03-02,2008-03-02,17,IL-8,15,pg/mL\nA2,2026-03-02,2008-03-02,17,IL-8,25,pg/mL\n"
        "A3,2026-03-02,2008-03-02,17,IL-8,5,pg/mL\nA4,2026-03-02,2008-03-02,18,IL-8,15,pg/mL\n"
    )
    results = results_of(path, short_path, ranges)
    assert [(r.sample_id, r.status.value) for r in results] == [
        ("A1", "indeterminate"), ("A2", "high"), ("A3", "normal"), ("A4", "normal"),
    ]  # fmt: skip
    assert results[0].note == (
        "this set's range for IL-8 differs between age 17, as the age cell gives it, and age "
        "18, from the birth date '2008-03-02' to the collection date, which disagree"
    )
    assert results[1].note is not None and results[1].note.endswith(
        "it is high by each interval that could apply (age 17: ≤ 10 pg/mL; age 18: < 20 pg/mL)"
    )
    (conflict,) = issues_of(path, short_path, ranges)
    assert conflict.code == "person-conflict"
    assert "a result is judged only as far as both ranges agree" in conflict.message


@pytest.mark.parametrize("short_path", [True, False])
def test_where_one_of_the_two_ages_has_no_range_the_result_is_not_judged(
    write_csv, short_path
) -> None:
    """Review of round 9's fix: under mayo-adult (no range under 18) age 18 beside a birth
    date giving 17 was judged low by the adult range; the other way round, no_reference."""
    path = write_csv(
        "sample_id,collected_at,sex,age,birth_date,marker,value,unit\n"
        "S1,2026-03-01,M,18,2008-06-01,Ferritin,20,ug/L\n"
        "S2,2026-03-01,M,17,2008-01-01,Ferritin,20,ug/L\n"
        "S3,2026-03-01,M,40,1986-01-01,Ferritin,20,ug/L\n"
    )
    results = results_of(path, short_path, "mayo-adult")
    assert [(r.sample_id, r.status.value) for r in results] == [
        ("S1", "indeterminate"), ("S2", "indeterminate"), ("S3", "low"),
    ]  # fmt: skip
    assert results[0].note == (
        "this set has a range for Ferritin at age 18 but none at age 17; the age cell gives 18 "
        "and the birth date '2008-06-01' gives 17 on the collection date, which disagree, so it "
        "cannot be judged"
    )


@pytest.mark.parametrize("cell", ["2\u20285", "1\u20295.0", "1\u200b2.5", "1\u2060,5"])
def test_marks_that_show_nothing_between_characters_are_not_taken_off(cell) -> None:
    """Review of round 9's fix: a line separator between two digits was taken off and '2', '5'
    on two lines read as 25 (high, no word); so was a zero-width space between digits."""
    from panelcli.values import parse_value

    with pytest.raises(ValueError):
        parse_value(cell)


@pytest.mark.parametrize(
    ("text", "hour", "minute"),
    [("2026-03-13 08.30", 8, 30), ("2026-03-13T08.30", 8, 30), ("2026-03-13 8.30", 8, 30)],
)
def test_a_dotted_time_after_an_iso_day_is_hours_and_minutes(text, hour, minute) -> None:
    """Review of round 9: '2026-03-13 08.30' was read by ISO's rules as 08:00:00.3."""
    from panelcli.trends import read_date

    read = read_date(text)
    assert read is not None and (read.hour, read.minute, read.microsecond) == (hour, minute, 0)


def test_a_dotted_time_past_59_minutes_is_no_time() -> None:
    from panelcli.trends import read_date

    assert read_date("2026-03-13 12.60") is None


@pytest.mark.parametrize("short_path", [True, False])
def test_a_held_mean_rows_unread_status_is_said_too(write_csv, short_path) -> None:
    """Review of round 9's fix: mean rows held till their panel's end never got the note that
    their status could not be read, and FHIR sent them as 'final'."""
    from panelcli.models import STATUS_UNREAD_NOTE

    path = write_csv(
        "sample_id,marker,value,unit,result status\nS1,IL-6 Mean,9,pg/mL,Draft\n"
        "S1,IL-8 Mean,30,pg/mL,Draft\nS1,IL-10,30,pg/mL,Draft\nS2,IL-6 Mean,9,pg/mL,Draft\n"
        "S3,IL-6,9,pg/mL,F\n"
    )
    noted = {
        (r.sample_id, r.marker): (r.note or "").endswith(STATUS_UNREAD_NOTE)
        for r in results_of(path, short_path)
    }
    assert noted == {
        ("S1", "IL-6"): True, ("S1", "IL-8"): True, ("S1", "IL-10"): True, ("S2", "IL-6"): True,
        ("S3", "IL-6"): False,
    }  # fmt: skip


# --- labelled lines among the rows (review of 68cc08f) ------------------------------------------

TWO_PRINTS = (
    "Patient ID:,100\nDOB:,1961-03-14\nSex:,F\nCollected:,2026-03-01\nTest,Result,Units\n"
    "Ferritin,250,ug/L\nPatient ID:,200\nDOB:,1996-01-01\nSex:,M\nCollected:,2026-03-01\n"
    "Test,Result,Units\nFerritin,20,ug/L\n"
)


@pytest.mark.parametrize("short_path", [True, False])
def test_the_next_patients_lines_give_their_rows_fields(write_csv, short_path) -> None:
    """Review: 'Patient ID:' among the rows was no banner, and patient 200's Ferritin 20 (a man
    of 30: low) was judged as patient 100's, a woman of 65: normal, exit 0."""
    path = write_csv(TWO_PRINTS)
    results = results_of(path, short_path, "mayo-adult")
    assert [(r.patient_id, r.value, r.status.value) for r in results] == [
        ("100", 250.0, "normal"), ("200", 20.0, "low"),
    ]  # fmt: skip
    said = [(i.line, i.message) for i in issues_of(path, short_path, "mayo-adult")][1:4]
    assert said == [
        (7, "this line names patient '200': the rows below it, up to the next line naming a "
         "patient, are read as that patient's (no field of the patient above is kept)"),
        (8, "this line gives the birth date '1996-01-01', read as the rows' below it"),
        (9, "this line gives the sex 'M', read as the rows' below it"),
    ]  # fmt: skip


@pytest.mark.parametrize("rows_per_batch", [1, 2, 3, 100])
def test_the_next_patients_lines_read_alike_in_batches(write_csv, rows_per_batch) -> None:
    from panelcli.batches import interpret_batch, read_batches
    from panelcli.check import ResultRow
    from panelcli.models import Result

    path = write_csv(TWO_PRINTS)
    batched = [
        (e.patient_id, e.value, e.status.value)
        for batch in read_batches(path, "mayo-adult", rows_per_batch=rows_per_batch)
        for events in interpret_batch(batch, "mayo-adult").events
        for e in (events if isinstance(events, list) else [events])
        if isinstance(e, Result | ResultRow)
    ]
    assert batched == [("100", 250.0, "normal"), ("200", 20.0, "low")]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        # a remark after 'Pt:' is no patient
        ("MRN:,100\nTest,Result,Units\nIL-6,1,pg/mL\nPt: hemolysed - redraw advised\n"
         "IL-8,2,pg/mL\n", ["100", "100"]),
        # the same patient by name on the next page keeps the fields
        ("Patient: DOE, JANE   MRN: 100\nTest,Result,Units\nIL-6,1,pg/mL\nPatient: DOE, JANE\n"
         "IL-8,2,pg/mL\n", ["100", "100"]),
        # the same banner again keeps them
        ("MRN:,100\nTest,Result,Units\nIL-6,1,pg/mL\nMRN:,100\nIL-8,2,pg/mL\n", ["100", "100"]),
        # 'MRN #:' and a banner over several cells
        ("MRN #: 100\nTest,Result,Units\nIL-6,1,pg/mL\nPatient:,ROE RICH,MRN:,200\n"
         "IL-8,2,pg/mL\n", ["100", "200"]),
    ],
)  # fmt: skip
def test_who_a_line_among_the_rows_names(write_csv, content, expected) -> None:
    assert [r.patient_id for r in results_of(write_csv(content))] == expected


def test_a_line_naming_another_patient_keeps_no_field_of_the_one_before(write_csv) -> None:
    path = write_csv(
        "MRN:,100\nSex:,F\nCollected:,2026-03-01\nTest,Result,Units\nIL-6,1,pg/mL\n"
        "MRN:,200\nIL-8,2,pg/mL\n"
    )
    assert [(r.patient_id, r.collected_at) for r in results_of(path)] == [
        ("100", "2026-03-01"), ("200", None),
    ]  # fmt: skip


def test_a_negative_value_with_a_mark_after_it_says_it_is_negative() -> None:
    """Review of round 9: '-5!' was 'not a number', where '-5' says what it means."""
    from panelcli.values import ValueProblem, parse_value

    with pytest.raises(ValueProblem) as refused:
        parse_value("-5!")
    assert refused.value.code == "value-negative"
    assert str(refused.value).startswith("value '-5!' is negative")


def test_a_marker_measured_twice_for_a_patient_named_above_the_table_is_said_so(write_csv):
    """Review of round 9: it said 'the file has no sample or patient id column, so its rows are
    read as one sample' where the lines above the table name the patient."""
    path = write_csv("MRN:,100\nTest,Result,Units\nIL-6,1,pg/mL\nIL-6,2,pg/mL\n")
    (repeated,) = [i for i in issues_of(path) if i.code == "marker-repeated"]
    assert repeated.message == (
        "IL-6 is measured again on line 4 (first on line 3); every result is kept"
    )
