"""A lab technician's ninth QA round, and gaps the eighth left known."""

from __future__ import annotations

import pytest
from judged import issues_of, results_of

from panelcli.values import parse_value

# --- a mark after a value: '12.3!', '12.3 ABN' ------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "number", "comparator", "flag"),
    [
        ("12.3!", 12.3, None, "A"), ("12.3 !", 12.3, None, "A"), ("12.3!!", 12.3, None, "A"),
        ("12.3 H!", 12.3, None, "H"), ("<2!", 2.0, "<", "A"), ("12.3 ABN", 12.3, None, "A"),
        ("12.3 Abnl", 12.3, None, "A"),
    ],
)  # fmt: skip
def test_a_mark_after_a_value_is_a_flag(cell, number, comparator, flag) -> None:
    """Known from round 8: '12.3!' and '12.3 ABN' were refused as not a number."""
    parsed = parse_value(cell)
    assert (parsed.number, parsed.comparator, parsed.flag) == (number, comparator, flag)


@pytest.mark.parametrize("cell", ["!", "!12", "ND!", "abc!", "12.3 H*"])
def test_a_mark_after_no_number_is_still_refused(cell) -> None:
    with pytest.raises(ValueError):
        parse_value(cell)


@pytest.mark.parametrize("short_path", [True, False])
def test_a_marked_value_is_judged_and_its_mark_quoted(write_csv, short_path) -> None:
    path = write_csv(
        "sample_id,marker,value,unit\nS1,IL-6,12.3 H!,pg/mL\nS1,TNF-a,12.3!,pg/mL\n"
        "S1,IL-10,12.3 ABN,pg/mL\n"
    )
    statuses = [(r.marker, r.value, r.status.value) for r in results_of(path, short_path)]
    assert statuses == [("IL-6", 12.3, "high"), ("TNF-α", 12.3, "normal"), ("IL-10", 12.3, "high")]
    said = [(i.code, i.line, i.message.split(";")[0]) for i in issues_of(path, short_path)]
    assert said == [
        ("value-flag-ignored", 2, "value '12.3 H!' ends in a lab's flag ('H!')"),
        ("value-flag-disagrees", 3, "the lab flagged TNF-α '12.3' as '!' (abnormal), but by the "
         "range panelcli uses it is normal"),
    ]  # fmt: skip
