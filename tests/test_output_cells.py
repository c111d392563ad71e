"""Small pure pieces of the machine formats: CSV cells, UCUM codes, FHIR dates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from panelcli.render.csv import FORMULA_STARTS, HARMLESS, neutralise
from panelcli.render.fhir import fhir_datetime
from panelcli.units import ucum_code
from panelcli.values import is_plain_number


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTAB", "'\tTAB"),
        ("\r=1", "'\r=1"),
        ("-", "-"),  # standard input's source; no spreadsheet runs it
        ("--", "'--"),
        ("- ", "'- "),
        ("-\n", "'-\n"),
        ("-A1", "'-A1"),
        ("-1+1", "'-1+1"),
        ("=-", "'=-"),
        ("+", "'+"),
        ("=", "'="),
        ("@", "'@"),
        ("-0", "-0"),
        ("-12", "-12"),
        ("-.5", "-.5"),
        ("-2.5e-3", "-2.5e-3"),
        ("-2.5", "-2.5"),
        ("+7", "+7"),
        ("-1e3", "-1e3"),
        ("IL-6", "IL-6"),
        ("<4,0", "<4,0"),
        ("", ""),
    ],
)
def test_neutralise_quotes_formulas_but_not_numbers(cell: str, expected: str) -> None:
    assert neutralise(cell) == expected


@given(st.text())
def test_no_cell_starts_like_a_formula_unless_it_is_a_plain_number(text: str) -> None:
    cell = neutralise(text)
    assert not cell.startswith(FORMULA_STARTS) or is_plain_number(cell) or cell in HARMLESS
    assert cell in (text, "'" + text)


@pytest.mark.parametrize("text", ["-1\n", "-1\n=cmd", "1 ", "--1", "-.", "-inf", "-nan"])
def test_only_a_whole_bare_number_is_plain(text: str) -> None:
    assert not is_plain_number(text)


@pytest.mark.parametrize(
    ("unit", "code"),
    [
        ("pg/mL", "pg/mL"), ("pg/ml", "pg/mL"), ("ng/L", "ng/L"), ("ng/mL", "ng/mL"),
        ("µg/L", "ug/L"), ("μg/l", "ug/L"), ("mcg/L", "ug/L"), ("ug/L", "ug/L"),
        ("mg/L", "mg/L"), ("mg/dL", "mg/dL"), ("g/L", "g/L"), ("pmol/L", "pmol/L"),
        ("U/mL", "U/mL"), ("IU/mL", "[IU]/mL"), ("kU/L", "kU/L"), ("%", "%"),
        ("cells/uL", None), ("copies", None), ("", None),
    ],
)  # fmt: skip
def test_ucum_codes(unit: str, code: str | None) -> None:
    assert ucum_code(unit) == code


@pytest.mark.parametrize(
    ("collected_at", "effective", "note"),
    [
        ("2026-05-20", "2026-05-20", None),
        ("2026-05", "2026-05", None),
        ("2026", "2026", None),
        ("2026-05-20T06:30:00Z", "2026-05-20T06:30:00Z", None),
        ("2026-05-20T06:30:00.25+02:00", "2026-05-20T06:30:00.25+02:00", None),
        ("2026-05-20T06:30", "2026-05-20", "without a time zone"),
        ("2026-05-20 06:30:15", "2026-05-20", "without a time zone"),
        ("2026-02-30", None, "is not a real day: February 2026 has no day 30, so"),
        ("2026-02-30T06:30", None, "is not a real day"),
        # read as every other output reads it (QA: left out though it is one date, certain)
        ("20.05.2026", "2026-05-20", "holds it as 2026-05-20."),
        ("2026/03/14", "2026-03-14", "holds it as 2026-03-14."),
        ("1 Mar 2026", "2026-03-01", "holds it as 2026-03-01."),
        ("14/03/2026 08:30", "2026-03-14", "without the time, which has no time zone"),
        # why, as its date-ambiguous warning says it (QA: 'not a date FHIR accepts')
        ("03/04/2026", None, "may be 3 April or 4 March 2026, as the day or the month may"),
        # A time that is no time of day: the cell is no date, as in every other output (QA:
        # FHIR kept the day the trends left out), and the note says why.
        ("2026-05-20T24:00:00Z", None, "is not a time of day"),
        ("2026-05-20T25:00", None, "is not a time of day"),
        ("2026-05-20T10:61", None, "is not a time of day"),
        ("2026-05-20 06:30:75Z", None, "is not a time of day"),
        # With a zone only the seconds are missing: FHIR gets the whole time.
        ("2026-05-20T06:30+02:00", "2026-05-20T06:30:00+02:00", None),
        ("2026-05-20 6:30Z", "2026-05-20T06:30:00Z", None),
        ("2026-05-20 06:30:00+0200", "2026-05-20T06:30:00+02:00", None),
        ("2026-05-20T06:30+15:00", "2026-05-20", "a time zone FHIR does not accept"),
        ("yesterday", None, "is not a date panelcli can read"),
        # as every other output reads them (review: sent though they were date-unreadable)
        ("2026-05-20T23:59:60Z", None, "is not a time of day"),
        ("2026-05-20T10:00:00+25:00", None, "is not a time of day"),
        # QA: a spreadsheet's placeholder for an empty cell is no day a sample was taken
        ("1900-01-01", None, "is a placeholder date"),
        ("1899-12-30T00:00:00Z", None, "is a placeholder date"),
        ("00/00/0000", None, "is a placeholder date"),
        ("1850-01-01", None, "is before 1900"),
        ("1900-01-02", "1900-01-02", None),
    ],
)
def test_fhir_datetime(collected_at: str, effective: str | None, note: str | None) -> None:
    got, why = fhir_datetime(collected_at)
    assert got == effective
    assert (why is None) if note is None else (why is not None and note in why)
