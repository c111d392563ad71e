"""Interpretation of exact and censored values against inclusive bounds (core, no CLI)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from panelcli.interpret import Bounds, Zone, interpret, zone_limits, zone_of, zone_within
from panelcli.models import Status

UPPER = Bounds(high=7.0, critical_high=500.0)
BOTH = Bounds(low=10.0, high=20.0, critical_low=2.0, critical_high=50.0)


@pytest.mark.parametrize(
    ("value", "comparator", "bounds", "status", "flag"),
    [
        (7.0, None, UPPER, Status.NORMAL, "N"),  # bounds are inclusive
        (7.01, None, UPPER, Status.HIGH, "H"),
        (500.0, None, UPPER, Status.CRITICAL, "HH"),  # value >= critical_high is critical
        (0.0, None, UPPER, Status.NORMAL, "N"),
        (10.0, None, BOTH, Status.NORMAL, "N"),
        (9.99, None, BOTH, Status.LOW, "L"),
        (2.0, None, BOTH, Status.CRITICAL, "LL"),
        (2.0, "<", UPPER, Status.NORMAL, "N"),  # below detection, under the limit
        (7.0, "<", UPPER, Status.NORMAL, "N"),
        (7.0, "<=", UPPER, Status.NORMAL, "N"),
        (8.0, "<", UPPER, Status.INDETERMINATE, "IND"),  # could be either side of 7
        (7.0, ">", UPPER, Status.HIGH, "H"),
        (7.0, ">=", UPPER, Status.INDETERMINATE, "IND"),  # 7 itself is normal
        (100.0, ">", UPPER, Status.HIGH, "H"),  # certainly high, maybe critical
        (500.0, ">", UPPER, Status.CRITICAL, "HH"),
        (9.0, "<", BOTH, Status.LOW, "L"),  # certainly low, maybe critical
        (15.0, "<", BOTH, Status.INDETERMINATE, "IND"),
        # at a critical limit (code audit round 20: a mutant '<' for '<=' passed every test)
        (2.0, "<", BOTH, Status.CRITICAL, "LL"),  # every value under 2 is at or past it
        (100.0, "<", Bounds(critical_high=100.0), Status.NORMAL, "N"),  # never reaches it
        (500.0, ">=", UPPER, Status.CRITICAL, "HH"),
    ],
)
def test_status_and_flag(value, comparator, bounds, status, flag):
    judged = interpret(value, comparator, bounds, "pg/mL")
    assert (judged.status, judged.flag) == (status, flag)


def test_censored_high_keeps_both_flags_and_says_it_may_be_higher():
    judged = interpret(100.0, ">", UPPER, "pg/mL")
    assert judged.flags == [">", "H"]
    assert judged.note and "may be higher" in judged.note and "500" in judged.note


def test_straddling_value_gives_a_reason():
    judged = interpret(8.0, "<", UPPER, "pg/mL")
    assert judged.note and "cannot be judged" in judged.note


def test_a_censored_value_s_note_names_the_critical_limits_it_may_reach() -> None:
    """Code audit round 20 (T2, T3): docs/output.md promises 'it could even be past the
    critical limit' for a one-sided range; a '<500' cannot reach a critical high of 500."""
    one_sided = interpret(200.0, "<", Bounds(high=7.0, critical_high=100.0), "pg/mL")
    assert one_sided.note is not None
    assert one_sided.note.endswith("It could even be past the critical limit of 100 pg/mL")
    both = Bounds(low=2.0, high=50.0, critical_low=1.0, critical_high=500.0)
    under = interpret(500.0, "<", both, "pg/mL")
    assert under.note is not None
    assert under.note.endswith("It could even be past the critical limit of 1 pg/mL")


def test_times_upper_limit_only_for_high_values():
    assert interpret(14.0, None, UPPER, "pg/mL").times_upper_limit == 2.0
    assert interpret(3.0, None, UPPER, "pg/mL").times_upper_limit is None


LIMIT = st.one_of(st.none(), st.floats(min_value=0, max_value=1e6, allow_nan=False))


@given(
    value=st.floats(min_value=0, max_value=1e7, allow_nan=False),
    low=LIMIT, high=LIMIT, critical_low=LIMIT, critical_high=LIMIT,
)  # fmt: skip
def test_zone_rules_with_any_limits_missing(
    value: float,
    low: float | None,
    high: float | None,
    critical_low: float | None,
    critical_high: float | None,
) -> None:
    """Bounds are inclusive, critical limits count as critical, a missing limit is open."""
    if critical_low is not None and value <= critical_low:
        expected = Zone.CRITICAL_LOW
    elif low is not None and value < low:
        expected = Zone.LOW
    elif critical_high is not None and value >= critical_high:
        expected = Zone.CRITICAL_HIGH
    elif high is not None and value > high:
        expected = Zone.HIGH
    else:
        expected = Zone.NORMAL
    bounds = Bounds(low, high, critical_low, critical_high)
    assert zone_of(value, bounds) == expected
    assert zone_within(value, zone_limits(bounds)) == expected


def test_times_the_upper_limit_that_overflows_is_none_not_inf() -> None:
    """JSON wrote null, CSV 'inf', the summary 'inf times the upper limit' (found in review)."""
    judged = interpret(9e11, None, Bounds(high=1e-300), "pg/mL")
    assert (judged.status, judged.times_upper_limit) == (Status.HIGH, None)
    assert interpret(10.0, None, Bounds(high=2.5), "pg/mL").times_upper_limit == 4.0


def test_times_the_upper_limit_is_none_only_when_too_big_for_a_float() -> None:
    """Rounding a floor down first multiplied by 100, which overflowed past 1.8e306 and made a
    finite figure None (found in review)."""
    from panelcli.interpret import times_upper_limit

    assert times_upper_limit(100, 14.5, at_least=True) == 6.89
    assert times_upper_limit(100, 14.5) == 6.9
    assert times_upper_limit(1e307, 1.0) == 1e307
    assert times_upper_limit(1e307, 1.0, at_least=True) == 1e307
    assert times_upper_limit(1e308, 1e-300) is None


def test_reachable_critical_limits_of_a_censored_value() -> None:
    """One rule for the note, the summary and the rows that may be the person's (review: it
    was written three times)."""
    from panelcli.interpret import reachable_critical

    both = Bounds(low=2.0, high=10.0, critical_low=0.5, critical_high=100.0)
    assert reachable_critical(200.0, "<", both) == [0.5, 100.0]
    assert reachable_critical(50.0, ">", both) == [100.0]
    assert reachable_critical(50.0, None, both) == []  # a number is where it is
    assert reachable_critical(150.0, ">", both) == []  # certainly critical: nothing in doubt
    assert reachable_critical(5.0, "<", Bounds(high=10.0, critical_high=100.0)) == []
