"""A value in a unit with no fixed factor to the set's (sIL-2R in U/mL, pmol/L) is judged by
the lab's own range in the row, in that unit; without one it is rejected saying why."""

from __future__ import annotations

from typer.testing import CliRunner

from panelcli.check import CheckOptions, Interpreter, ResultRow
from panelcli.cli import app
from panelcli.models import Issue, Result, Status
from panelcli.ranges import load_ranges
from panelcli.units import UnitProblem, conversion_exponent

RANGES = load_ranges("arup-3002601")  # sIL-2R: 266.5-1410.4 pg/mL
runner = CliRunner()

FILE = (
    "Sample ID,Marker,Value,Unit,Reference Range\n"
    "S1,sIL-2R,900,U/mL,158-623\n"
    "S2,IL-2R,400,U/mL,158-623 U/mL\n"
    "S3,sIL-2R,900,U/mL,\n"
    "S4,sIL-2R,900,U/mL,266.5-1410.4 pg/mL\n"
    "S5,IL-6,9,pmol/L,0-5 pmol/L\n"
)


def judged(path: str, short: bool) -> list[Result | Issue]:
    interpreter = Interpreter(RANGES, CheckOptions(), short_path=short)
    return [e.to_result() if isinstance(e, ResultRow) else e for e in interpreter.stream([path])]


def test_a_row_range_in_the_values_own_unit_judges_it(write_csv) -> None:
    path = write_csv(FILE)
    for short in (True, False):
        found = {r.sample_id: r for r in judged(path, short) if isinstance(r, Result)}
        assert sorted(found) == ["S1", "S2", "S5"]
        s1, s2, s5 = found["S1"], found["S2"], found["S5"]
        assert (s1.marker, s1.value, s1.unit, s1.status) == ("sIL-2R", 900.0, "U/mL", Status.HIGH)
        assert s1.category == "T-cell activation"
        assert s1.reference is not None and s1.reference.origin == "file"
        assert (s1.reference.low, s1.reference.high, s1.reference.unit) == (158.0, 623.0, "U/mL")
        assert s1.note is not None and "pg/mL" in s1.note and "lab's range" in s1.note
        assert (s2.marker, s2.status) == ("sIL-2R", Status.NORMAL)
        assert (s5.marker, s5.status, s5.unit) == ("IL-6", Status.HIGH, "pmol/L")


def test_without_a_usable_row_range_the_row_is_still_rejected(write_csv) -> None:
    path = write_csv(FILE)
    rejected = [i for i in judged(path, True) if isinstance(i, Issue) and i.severity == "error"]
    assert [(i.line, i.code) for i in rejected] == [
        (4, "unit-not-convertible"),
        (5, "unit-not-convertible"),
    ]
    # S4's range is in pg/mL, which U/mL cannot be changed into either: said, then rejected
    warnings = [
        i for i in judged(path, True) if isinstance(i, Issue) and i.code == "range-unreadable"
    ]
    assert [i.line for i in warnings] == [5]


def test_an_activity_unit_is_not_called_a_spelling_mistake() -> None:
    try:
        conversion_exponent("U/mL", "pg/mL")
    except UnitProblem as problem:
        assert problem.code == "unit-not-convertible"
        assert "spelling" not in str(problem)
        assert "range" in str(problem)
    else:
        raise AssertionError("U/mL was converted to pg/mL")
    try:
        # (not 'pg/ml2': a number in a unit may be a factor, lab QA round 9)
        conversion_exponent("pg/mll", "pg/mL")
    except UnitProblem as problem:
        assert "spelling" in str(problem)
    else:  # (code audit round 20: with no else, a converted 'pg/mll' passed)
        raise AssertionError("pg/mll was converted to pg/mL")


def test_cli_exit_codes_follow_the_judgement(write_csv) -> None:
    path = write_csv("Sample ID,Marker,Value,Unit,Reference Range\nS1,sIL-2R,300,U/mL,158-623\n")
    result = runner.invoke(app, ["check", path, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"origin": "file"' in result.stdout
    high = write_csv("Sample ID,Marker,Value,Unit,Reference Range\nS1,sIL-2R,900,U/mL,158-623\n")
    assert runner.invoke(app, ["check", high, "--format", "ndjson"]).exit_code == 1


def test_both_paths_give_the_same_events_with_an_unusable_row_range(write_csv) -> None:
    """hypothesis found the short path losing the warning of a range that did not help."""
    path = write_csv(FILE + "S6,IL-6,0.00,pmol/L,odd\nS6,TNF-α,0.00,pg/mL,\n")
    short, general = judged(path, True), judged(path, False)
    assert short == general
    assert [(i.line, i.code) for i in general if isinstance(i, Issue) and i.line == 7] == [
        (7, "unit-molar"),
        (7, "range-unreadable"),
    ]


def test_a_number_that_may_group_thousands_is_doubted_as_on_the_set_path(write_csv) -> None:
    """QA: '3.500' pmol/L in a ';' file was normal by the lab's range (as 3500 it is high)."""
    path = write_csv(
        "Probe;Analyt;Ergebnis;Einheit;Referenzbereich\nS4;IL-6;3.500;pmol/L;0-20\n"
        "S5;sIL-2R;1.500;U/mL;158-623\n"
    )
    for short in (True, False):
        found = [r for r in judged(path, short) if isinstance(r, Result)]
        assert [r.status for r in found] == [Status.INDETERMINATE] * 2
        assert ["3500" in (found[0].note or ""), "1500" in (found[1].note or "")] == [True, True]


def test_no_number_beside_the_labs_range_is_indeterminate_not_rejected(write_csv) -> None:
    """QA: 'ND' in U/mL was rejected though the row gave the range the message asked for."""
    path = write_csv("Sample ID,Marker,Value,Unit,Reference Range\nS4,sIL-2R,ND,U/mL,158-623\n")
    (result,) = judged(path, False)
    assert isinstance(result, Result)
    assert (result.status, result.unit) == (Status.INDETERMINATE, "U/mL")
    assert result.note is not None and result.note.startswith("'ND' has no number")


def test_units_of_activity_convert_between_themselves_only() -> None:
    """QA: 158-623 U/mL beside a value in kU/L (the same unit) was refused."""
    assert conversion_exponent("kU/L", "U/mL") == 0
    assert conversion_exponent("U/L", "U/mL") == -3
    assert conversion_exponent("mIU/mL", "IU/L") == 0
    for other in ("IU/mL", "pg/mL"):
        try:
            conversion_exponent("U/mL", other)
        except UnitProblem:
            continue
        raise AssertionError(f"U/mL was converted to {other}")


def test_a_kU_per_L_value_is_judged_by_a_U_per_mL_range(write_csv) -> None:
    path = write_csv(
        "Sample ID,Marker,Value,Unit,Reference Range\nS1,sIL-2R,900,kU/L,158-623 U/mL\n"
    )
    (result,) = judged(path, True)
    assert isinstance(result, Result) and result.status is Status.HIGH


def test_a_range_that_did_not_help_names_its_row(write_csv) -> None:
    """QA: the range-unreadable warning had no sample or marker, unlike the rejection."""
    path = write_csv("Sample ID,Marker,Value,Unit,Reference Range\nS4,sIL-2R,9,U/mL,odd\n")
    (warning,) = [i for i in judged(path, True) if isinstance(i, Issue) and i.severity == "warning"]
    assert (warning.code, warning.sample_id, warning.marker) == ("range-unreadable", "S4", "sIL-2R")
