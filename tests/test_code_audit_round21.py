"""Code audit round 21 (/work/qa21/audit/report.md): the short path's own number checks, and
rules no test could fail on (each checked against its mutant)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from panelcli.check import check_file
from panelcli.ranges import CHILD_RANGE_NOTE


@pytest.mark.parametrize(
    "rows",
    [
        "S1,sIL-2R,9999999,pg/mL\n",  # sIL-2R's far-past ceiling is above 9999999
        "S1,IL-6,1000000,pg/mL\nS2,IL-6,9999999,pg/mL\n",  # after the far-past warning
        "S1,IL-6,99999999,fg/mL\n",
    ],
)
def test_epics_placeholder_is_no_result_on_the_short_path(
    write_csv: Callable[..., str], rows: str
) -> None:
    """F1: Epic's 9999999 was judged high (exit 1) where the short path took it: refused as a
    placeholder, as the general path refuses it (with a comment beside it, say)."""
    report = check_file(write_csv("sample_id,marker,value,unit\n" + rows))
    [rejected] = report.rejected
    assert rejected.code == "value-placeholder"
    assert all(r.value not in (9999999.0, 99999999.0) for p in report.panels for r in p.results)


def test_the_short_path_refuses_a_number_past_a_kilogram_a_litre_after_the_far_warning(
    write_csv: Callable[..., str],
) -> None:
    """Mutant A: past the far-past warning, 2e15 pg/mL (2 kg/L) was left to the short path's
    own check, which no test reached."""
    report = check_file(write_csv("sample_id,marker,value,unit\nS1,IL-6,1000000,pg/mL\n"
                                  "S2,IL-6,2e15,pg/mL\n"))  # fmt: skip
    assert [(i.line, i.code) for i in report.rejected] == [(3, "value-impossible")]


def test_a_value_exactly_the_far_past_factor_is_warned_of(write_csv: Callable[..., str]) -> None:
    """Mutant M: IL-6 250000 pg/mL, exactly 100,000 times its limit, is far past the range: the
    short path stops a little below the factor so that the general path warns."""
    report = check_file(write_csv("sample_id,marker,value,unit\nS1,IL-6,250000,pg/mL\n"))
    assert [w.code for w in report.warnings] == ["value-far-past-range"]


@pytest.mark.parametrize(("age", "child"), [("17", True), ("18", False)])
def test_eighteen_is_no_child(write_csv: Callable[..., str], age: str, child: bool) -> None:
    """Mutant D: an 18-year-old's range was said not to say whether it fits children."""
    [panel] = check_file(
        write_csv(f"sample_id,age,marker,value,unit\nS1,{age},IL-6,2,pg/mL\n")
    ).panels
    [result] = panel.results
    assert (CHILD_RANGE_NOTE in (result.note or "")) is child


def test_a_bare_critical_limit_beside_a_range_whose_unit_is_in_doubt_is_not_used(
    write_csv: Callable[..., str],
) -> None:
    """F2: beside 0.15 ng/mL of IL-6, the range '0-7' (2,800 times the set's limit in ng/mL,
    2.8 times in pg/mL) was in doubt, yet its row's critical high '100' was read as 100 ng/mL,
    with no word; with the range's unit written it was not used. Neither is it now."""
    path = write_csv(
        "Sample,Test,Result,Units,Ref Range,Critical High\n"
        "S1,IL-6,0.15,ng/mL,0-7,100\n"
        "S2,IL-6,15,pg/mL,0-7,100\n"  # the value in the set's unit: one reading, used
        "S3,IL-6,0.15,ng/mL,0-0.007,0.1\n"  # a range in the value's unit beyond doubt: used
    )
    report = check_file(path)
    unusable = [w for w in report.warnings if w.code == "critical-limit-unusable"]
    assert [(w.line, w.column) for w in unusable] == [(2, "Critical High")]
    assert "whose unit is in doubt" in unusable[0].message
    first, second, third = (p.results[0] for p in report.panels)
    assert first.reference is not None and first.reference.critical_high is None
    assert second.reference is not None and second.reference.critical_high == 100
    assert third.reference is not None and third.reference.critical_high == 100
