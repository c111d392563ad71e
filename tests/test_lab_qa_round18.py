"""What lab QA round 18 (/work/qa18/lab) found: real exports' ranges, footers and titles."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from panelcli.check import check_file
from panelcli.values import parse_lab_range


@pytest.mark.parametrize(
    ("text", "decimal_comma", "low", "high"),
    [
        ("240,0 - 1.200,0", True, 240.0, 1200.0),  # German Excel
        ("240,0 - 1\u00a0200,0", True, 240.0, 1200.0),  # French, a no-break space
        ("240,0 - 1\u202f200,0", True, 240.0, 1200.0),  # ... a narrow one
        ("240,0 - 1 200,0", True, 240.0, 1200.0),  # a plain space, before decimals
        ("240.0 - 1'200.0", False, 240.0, 1200.0),  # Swiss
        ("240.0 - 1,200.0", False, 240.0, 1200.0),  # US, quoted in a ',' file
        ("532.0-1,891.0 pg/mL", False, 532.0, 1891.0),
        ("1.234,5 - 12.000,0", False, 1234.5, 12000.0),  # '1.234,5' has one reading
    ],
)
def test_a_printed_range_whose_limits_group_thousands_is_read(
    text: str, decimal_comma: bool, low: float, high: float
) -> None:
    """Lab QA round 18 #1: unread, the set's range judged sIL-2R 1300 normal where the lab's
    range, 240 - 1200, said high."""
    read = parse_lab_range(text, decimal_comma)
    assert read is not None and (read.low, read.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "decimal_comma", "high"),
    [
        ("0,5 - 1.200", True, 1.2),  # a point in a ',' file is its decimal mark, as before
        ("< 1,200", True, 1.2),
        ("0 - 100 200", False, None),  # two numbers, or one: not read
    ],
)
def test_a_limit_that_may_not_group_thousands_is_not_read_as_grouped(
    text: str, decimal_comma: bool, high: float | None
) -> None:
    read = parse_lab_range(text, decimal_comma)
    assert (read.high if read else None) == high


@given(low=st.integers(0, 999), high=st.integers(1000, 999_999_999), decimals=st.integers(0, 3))
def test_a_grouped_range_reads_as_its_plain_one(low: int, high: int, decimals: int) -> None:
    fraction = "5" * decimals
    plain = f"{high}.{fraction}" if decimals else str(high)
    groups = f"{high:,}"
    for grouped, decimal_comma in (
        (f"{groups.replace(',', '.')},{fraction}" if decimals else None, True),
        (f"{groups}.{fraction}" if decimals else None, False),
        (groups.replace(",", "'") + (f".{fraction}" if decimals else ""), False),
        (groups.replace(",", "\u00a0") + (f",{fraction}" if decimals else ""), True),
    ):
        if grouped is None:
            continue
        read = parse_lab_range(f"{low} - {grouped}", decimal_comma)
        assert read is not None and read.high == float(plain), grouped


def test_the_lab_s_grouped_range_judges_the_value(write_csv) -> None:
    path = write_csv(
        "Probe;Analyt;Ergebnis;Einheit;Normbereich\nP-01;sIL-2R;1.300,0;pg/ml;240,0 - 1.200,0\n"
        "P-02;sIL-2R;400,0;pg/ml;532,0 - 1.891,0\n"
    )
    report = check_file(path)
    assert [r.status.value for p in report.panels for r in p.results] == ["high", "low"]
    assert {w.code for w in report.warnings} == {"range-disagrees"}
