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
