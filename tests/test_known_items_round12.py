"""Items known but not done at the end of session 54 (note54), done in session 55."""

from __future__ import annotations

from datetime import datetime

import pytest
from judged import batch_results_of, issues_of, results_of

from panelcli.models import Result
from panelcli.render import fhir
from panelcli.trends import read_date, two_days, why_no_date
from panelcli.values import ValueProblem, parse_value

# --- dates: a weekday before digits, an offset after a day that is not ISO ----------------------


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("Thu 02/04/2026", datetime(2026, 4, 2)),  # a Thursday: 2 April, not 4 February
        ("Wed 02/04/2026", datetime(2026, 2, 4)),  # a Wednesday: 4 February
        ("Thu, 02/04/2026 07:40", datetime(2026, 4, 2, 7, 40)),
        ("Thursday 02.04.2026", datetime(2026, 4, 2)),
        ("Thu 2026-04-02", datetime(2026, 4, 2)),
        ("Mon 13/04/2026", datetime(2026, 4, 13)),
        ("Tue 03/03/2026", datetime(2026, 3, 3)),
    ],
)
def test_a_weekday_before_a_date_of_digits_tells_its_day(written: str, day: datetime) -> None:
    """Lab QA round 11: 'Thu 02/04/2026' was unreadable; its weekday also tells which of the
    slashed date's two days is meant."""
    assert read_date(written) == day
    assert two_days(written) is None
    assert why_no_date(written) is None


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("Mon 02/04/2026", "neither 2 April 2026 nor 4 February 2026 is a Monday"),
        ("Fri 2026-04-02", "2 April 2026 is a Thursday, not a Friday"),
        ("Tue 13/04/2026 08:00 +02:00", "13 April 2026 is a Monday, not a Tuesday"),
        ("Thu 03/03/2026", "3 March 2026 is a Tuesday, not a Thursday"),
    ],
)
def test_a_weekday_that_is_no_reading_of_its_date_is_said(written: str, why: str) -> None:
    assert read_date(written) is None
    assert why_no_date(written) == f"names a weekday that is not its day's: {why}"


@pytest.mark.parametrize(
    ("written", "moment", "as_written"),
    [
        ("13-04-2026 07:40:00 +02:00", datetime(2026, 4, 13, 5, 40), datetime(2026, 4, 13, 7, 40)),
        ("02.04.2026 07:40 +0200", datetime(2026, 4, 2, 5, 40), datetime(2026, 4, 2, 7, 40)),
        (
            "Thu, 02 Apr 2026 07:40:00 +0200",  # RFC 2822, as mail and some LIS audit logs write
            datetime(2026, 4, 2, 5, 40),
            datetime(2026, 4, 2, 7, 40),
        ),
        ("13/04/2026 7:40 PM -05:00", datetime(2026, 4, 14, 0, 40), datetime(2026, 4, 13, 19, 40)),
        ("2 Apr 2026 07:40Z", datetime(2026, 4, 2, 7, 40), datetime(2026, 4, 2, 7, 40)),
    ],
)
def test_an_offset_after_a_day_that_is_not_iso_is_read(
    written: str, moment: datetime, as_written: datetime
) -> None:
    """Lab QA round 11: '02-04-2026 07:40:00 +02:00' was unreadable where '2026-04-02 07:40:00
    +02:00' was read."""
    assert read_date(written) == moment
    assert read_date(written, in_utc=False) == as_written


def test_a_slashed_date_with_an_offset_is_still_two_days() -> None:
    written = "02-04-2026 07:40:00 +02:00"
    assert read_date(written) is None
    assert why_no_date(written) is None
    assert [day.isoformat() for day in two_days(written) or ()] == ["2026-04-02", "2026-02-04"]
    assert read_date("13/04/2026 07:40 +25:00") is None  # no such offset


def test_dates_with_weekdays_and_offsets_in_a_file(write_csv) -> None:
    path = write_csv(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "S1,P1,Thu 02/04/2026,IL-6,4.2,pg/mL\n"
        "S2,P1,13-04-2026 07:40:00 +02:00,IL-6,9.2,pg/mL\n"
        "S3,P2,Mon 02/04/2026,IL-6,3,pg/mL\n"
    )
    assert [r.sample_id for r in results_of(path)] == ["S1", "S2", "S3"]
    [unread] = [i for i in issues_of(path) if i.code == "date-unreadable"]
    assert (unread.line, unread.sample_id) == (4, "S3")
    assert "neither 2 April 2026 nor 4 February 2026 is a Monday" in unread.message
    assert not [i for i in issues_of(path) if i.code == "date-ambiguous"]
    assert fhir.fhir_datetime("13-04-2026 07:40:00 +02:00") == ("2026-04-13T05:40:00Z", None)
    assert fhir.fhir_datetime("Thu 02/04/2026")[0] == "2026-04-02"


# --- flags glued before a number, and Dutch, Italian, Portuguese, Spanish flag words ------------


@pytest.mark.parametrize(
    ("cell", "number", "flag"),
    [
        ("H12,5", 12.5, "H"),
        ("HH120.5", 120.5, "HH"),
        ("L0,5", 0.5, "L"),
        ("12,5 hoog", 12.5, "H"),
        ("0,5 laag", 0.5, "L"),
        ("12,5 verhoogd", 12.5, "H"),
        ("12,5 aumentato", 12.5, "H"),
        ("0,5 basso", 0.5, "L"),
        ("3,1 diminuído", 3.1, "L"),
        ("12,5 aumentado", 12.5, "H"),
        ("0,5 disminuido", 0.5, "L"),
    ],
)
def test_flags_glued_before_or_in_other_languages_after_a_number(
    cell: str, number: float, flag: str
) -> None:
    """Lab QA round 11: each was refused as not a number."""
    parsed = parse_value(cell, decimal_comma=True)
    assert (parsed.number, parsed.flag) == (number, flag)


@pytest.mark.parametrize("cell", ["H12", "L12", "A1.5", "h12.5", "X12,5"])
def test_a_well_or_other_letters_glued_before_a_number_are_no_flag(cell: str) -> None:
    """'H12' is a plate's well; only H, L, HH, LL before a number with a decimal mark flag it."""
    with pytest.raises(ValueProblem):
        parse_value(cell, decimal_comma=True)


DUTCH_FLAGS = (
    "Monster;Parameter;Resultaat;Eenheid;Vlag\n"
    "S1;IL-6;H12,5;pg/mL;\n"
    "S1;TNF-α;12,5 hoog;pg/mL;\n"
    "S1;IL-10;0,5 laag;pg/mL;\n"
    "S2;IL-8;3,0;pg/mL;normaal\n"
    "S2;IL-6;1,0;pg/mL;verhoogd\n"
)


@pytest.mark.parametrize("short_path", [True, False])
def test_dutch_flags_in_a_file(write_csv, short_path) -> None:
    path = write_csv(DUTCH_FLAGS)
    results = results_of(path, short_path)
    assert [(r.marker, r.value, r.status.value, r.flag) for r in results] == [
        ("IL-6", 12.5, "high", "H"), ("TNF-α", 12.5, "normal", "N"),
        ("IL-10", 0.5, "normal", "N"), ("IL-8", 3.0, "normal", "N"),
        ("IL-6", 1.0, "normal", "N"),
    ]  # fmt: skip
    codes = [(i.code, i.line) for i in issues_of(path, short_path)]
    assert ("value-flag-ignored", 2) in codes
    assert [line for code, line in codes if code == "value-flag-disagrees"] == [3, 4, 6]
    assert not [code for code, _ in codes if code.startswith("value-not")]
    [ignored] = [i for i in issues_of(path, short_path) if i.code == "value-flag-ignored"]
    assert ignored.message.startswith("value 'H12,5' starts with a lab's flag ('H')")


def test_batches_read_glued_flags_as_the_file_reader_does(write_csv) -> None:
    path = write_csv(DUTCH_FLAGS)
    assert [(r.marker, r.value) for r in batch_results_of(path, 2) if isinstance(r, Result)] == [
        (r.marker, r.value) for r in results_of(path)
    ]
