"""Made-up results for tests that need one exact case rather than a whole sample file."""

from __future__ import annotations

from panelcli.models import ReferenceUsed, Result, Status


def made_up_result(
    marker: str = "IL-6",
    status: Status = Status.NORMAL,
    value: float | None = 1.0,
    *,
    category: str | None = None,
    times: float | None = None,
    comparator: str | None = None,
    low: float | None = None,
    high: float | None = 2.5,
    flag: str | None = None,
    reference: bool = True,
) -> Result:
    """A result in pg/mL judged against `low`/`high` (no reference at all if `reference` is off)."""
    ref = ReferenceUsed(low=low, high=high, unit="pg/mL", text="-") if reference else None
    return Result(
        source="t.csv", line=2, marker=marker, marker_as_written=marker, category=category,
        value=value, comparator=comparator, unit="pg/mL", original_value=str(value),  # type: ignore[arg-type]
        status=status, flag=flag, times_upper_limit=times, reference=ref,
    )  # fmt: skip


#: A lab's set with critical limits on both sides, and IL-10 to make the storm-like pattern
CRITICAL_SET_TOML = """[set]
name = "crit-test"
version = "1"
[markers."IL-6"]
unit = "pg/mL"
high = 7.0
critical_high = 100
source = "made up"
[markers."IFN-γ"]
unit = "pg/mL"
high = 10
critical_high = 200
source = "made up"
[markers."IL-10"]
unit = "pg/mL"
high = 5
source = "made up"
[markers."sIL-2R"]
unit = "pg/mL"
low = 200
high = 1000
critical_low = 50
source = "made up"
"""
