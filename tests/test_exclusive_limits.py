"""Exclusive limits: a lab that prints '< 20' means 20 itself is outside the range.

Found by a medical-content review: Mayo prints most limits as '< x', but mayo-adult stored x as
an inclusive high, so IL-1β = 20.0 pg/mL was normal beside its source's '<20.0 pg/mL', and the
range showed as '≤ 20 pg/mL'.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError
from typer.testing import CliRunner

from panelcli.cli import app
from panelcli.interpret import (
    Bounds,
    Zone,
    bounds_text,
    interpret,
    zone_limits,
    zone_of,
    zone_within,
)
from panelcli.models import Status
from panelcli.ranges import Interval, MarkerRange, bundled_sets, check_ranges_bytes, load_ranges

runner = CliRunner()
WIDE = {"COLUMNS": "250"}

BELOW_20 = Bounds(high=20.0, critical_high=500.0, high_exclusive=True)
ABOVE_5 = Bounds(low=5.0, high=20.0, critical_low=1.0, low_exclusive=True)
ONLY_ABOVE_5 = Bounds(low=5.0, low_exclusive=True)

EDGE = (
    "sample_id,marker,value,unit\n"
    "S1,IL-1β,20.0,pg/mL\n"
    "S1,IL-6,6.4,pg/mL\n"
    "S1,CRP,5.0,mg/L\n"
    "S1,TNF-α,10,pg/mL\n"
)


# --- judging -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "comparator", "bounds", "status", "flag"),
    [
        (20.0, None, BELOW_20, Status.HIGH, "H"),  # equal to an exclusive high: high
        (19.99, None, BELOW_20, Status.NORMAL, "N"),
        (20.0, None, BELOW_20._replace(high_exclusive=False), Status.NORMAL, "N"),  # as before
        (500.0, None, BELOW_20, Status.CRITICAL, "HH"),  # critical limits are as they were
        (20.0, "<", BELOW_20, Status.NORMAL, "N"),  # '<20' under '< 20': certainly normal
        (20.0, "<=", BELOW_20, Status.INDETERMINATE, "IND"),  # 20 itself would be high
        (19.0, "<=", BELOW_20, Status.NORMAL, "N"),
        (20.0, ">=", BELOW_20, Status.HIGH, "H"),  # at least 20: certainly high, maybe critical
        (20.0, ">", BELOW_20, Status.HIGH, "H"),
        (19.0, ">", BELOW_20, Status.INDETERMINATE, "IND"),
        (21.0, "<", BELOW_20, Status.INDETERMINATE, "IND"),
        (5.0, None, ABOVE_5, Status.LOW, "L"),  # equal to an exclusive low: low
        (5.01, None, ABOVE_5, Status.NORMAL, "N"),
        (5.0, ">", ONLY_ABOVE_5, Status.NORMAL, "N"),  # '>5' over '> 5': certainly normal
        (5.0, ">=", ONLY_ABOVE_5, Status.INDETERMINATE, "IND"),  # 5 itself would be low
        (5.0, "<=", ABOVE_5, Status.LOW, "L"),  # at most 5: certainly low, maybe critical
        (5.0, "<", ABOVE_5, Status.LOW, "L"),
        (1.0, None, ABOVE_5, Status.CRITICAL, "LL"),
    ],
)
def test_a_value_at_an_exclusive_limit_is_outside_the_range(
    value, comparator, bounds, status, flag
):
    judged = interpret(value, comparator, bounds, "pg/mL")
    assert (judged.status, judged.flag) == (status, flag)


def test_a_value_at_an_exclusive_high_is_one_time_the_upper_limit() -> None:
    judged = interpret(20.0, None, BELOW_20, "pg/mL")
    assert judged.times_upper_limit == 1.0


LIMIT = st.one_of(st.none(), st.floats(min_value=0, max_value=1e6, allow_nan=False))


@given(
    value=st.floats(min_value=0, max_value=1e7, allow_nan=False),
    low=LIMIT, high=LIMIT, critical_low=LIMIT, critical_high=LIMIT,
    low_exclusive=st.booleans(), high_exclusive=st.booleans(),
)  # fmt: skip
def test_zone_rules_with_exclusive_limits(
    value: float,
    low: float | None,
    high: float | None,
    critical_low: float | None,
    critical_high: float | None,
    low_exclusive: bool,
    high_exclusive: bool,
) -> None:
    """The fast comparison (`zone_within`, the float next to an exclusive limit) is the rule."""
    if critical_low is not None and value <= critical_low:
        expected = Zone.CRITICAL_LOW
    elif low is not None and (value <= low if low_exclusive else value < low):
        expected = Zone.LOW
    elif critical_high is not None and value >= critical_high:
        expected = Zone.CRITICAL_HIGH
    elif high is not None and (value >= high if high_exclusive else value > high):
        expected = Zone.HIGH
    else:
        expected = Zone.NORMAL
    bounds = Bounds(low, high, critical_low, critical_high, low_exclusive, high_exclusive)
    assert zone_of(value, bounds) == expected
    assert zone_within(value, zone_limits(bounds)) == expected


# --- display -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bounds", "text"),
    [
        (Bounds(high=20.0, high_exclusive=True), "< 20 pg/mL"),
        (Bounds(high=20.0), "≤ 20 pg/mL"),
        (Bounds(low=5.0, low_exclusive=True), "> 5 pg/mL"),
        (Bounds(low=5.0), "≥ 5 pg/mL"),
        (Bounds(low=5.0, high=20.0), "5 - 20 pg/mL"),
        # 'x - y' reads as inclusive, so a range with an exclusive side says each side
        (Bounds(low=5.0, high=20.0, high_exclusive=True), "≥ 5 and < 20 pg/mL"),
        (Bounds(low=5.0, high=20.0, low_exclusive=True), "> 5 and ≤ 20 pg/mL"),
    ],
)
def test_an_exclusive_limit_is_shown_with_less_or_greater_than(bounds: Bounds, text: str) -> None:
    assert bounds_text(bounds, "pg/mL") == text


# --- ranges files --------------------------------------------------------------------------------


NOT_A_BOOLEAN = "marker 'IL-6': high_exclusive: must be true or false"


def _toml(body: str) -> bytes:
    return ('[markers."IL-6"]\nunit = "pg/mL"\nsource = "x"\n' + body).encode()


def test_an_exclusive_flag_is_read_from_a_marker_and_from_its_rows() -> None:
    assert check_ranges_bytes(_toml("high = 7\nhigh_exclusive = true\n")) == []
    assert check_ranges_bytes(_toml("low = 1\nlow_exclusive = true\n")) == []
    row = '[[markers."IL-6".intervals]]\nage_min = 18\nhigh = 7\nhigh_exclusive = true\n'
    assert check_ranges_bytes(_toml(row)) == []
    assert Interval(high=7.0, high_exclusive=True).bounds.high_exclusive
    assert MarkerRange(unit="pg/mL", high=7.0).bounds.high_exclusive is False  # the default


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("high_exclusive = true\n",
         "marker 'IL-6': high_exclusive is true but there is no high to exclude (add high, or "
         "remove high_exclusive)"),
        ("high = 7\nlow_exclusive = true\n",
         "marker 'IL-6': low_exclusive is true but there is no low to exclude (add low, or "
         "remove low_exclusive)"),
        ("high = 7\n[[markers.\"IL-6\".intervals]]\nage_min = 18\nhigh_exclusive = true\n",
         "marker 'IL-6': interval 1: high_exclusive is true but there is no high to exclude "
         "(add high, or remove high_exclusive) (the marker's own low and high are not its "
         "rows')"),
        ("high = 0\nhigh_exclusive = true\n",
         "marker 'IL-6': high_exclusive with high = 0 leaves no value normal (no concentration "
         "is below 0)"),
        ("low = 3\nhigh = 3\nhigh_exclusive = true\n",
         "marker 'IL-6': low and high are both 3, and high_exclusive leaves that value out, so "
         "no value is normal"),
        ("high = 7\nhigh_exclusive = \"yes\"\n", NOT_A_BOOLEAN),
        ("high = 7\nhigh_exclusive = 1\n", NOT_A_BOOLEAN),
        ("high = 7\nhigh_exclusiv = true\n",
         "marker 'IL-6': unknown key 'high_exclusiv' (did you mean 'high_exclusive'?)"),
    ],
)  # fmt: skip
def test_an_exclusive_flag_that_cannot_hold_is_a_problem_naming_it(body: str, problem: str) -> None:
    assert check_ranges_bytes(_toml(body)) == [problem]


def test_a_false_flag_on_a_missing_limit_is_no_problem() -> None:
    """false is the default: writing it out changes nothing."""
    assert check_ranges_bytes(_toml("high = 7\nlow_exclusive = false\n")) == []


def test_the_models_refuse_an_exclusive_flag_with_no_limit_too() -> None:
    """The library API (a MarkerRange built in code) is checked as a file is."""
    with pytest.raises(ValidationError, match="no high to exclude"):
        MarkerRange(unit="pg/mL", low=1.0, high_exclusive=True)
    with pytest.raises(ValidationError, match="no low to exclude"):
        Interval(high=1.0, low_exclusive=True)


def test_validate_names_the_exclusive_flag_and_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "lab.toml"
    path.write_bytes(_toml("high_exclusive = true\n"))
    result = runner.invoke(app, ["ranges", "validate", str(path)])
    assert result.exit_code == 2
    assert "high_exclusive is true but there is no high to exclude" in result.output


def test_the_ranges_schema_offers_the_exclusive_flags() -> None:
    schema = json.loads(runner.invoke(app, ["schema", "ranges"]).stdout)
    for table in ("MarkerRange", "Interval"):
        properties = schema["$defs"][table]["properties"]
        assert properties["high_exclusive"]["type"] == "boolean"
        assert properties["low_exclusive"]["type"] == "boolean"
    output = json.loads(runner.invoke(app, ["schema", "output"]).stdout)
    assert output["$defs"]["ReferenceUsed"]["properties"]["high_exclusive"]["type"] == "boolean"


# --- the bundled sets ----------------------------------------------------------------------------

#: A limit as a source prints it: '<20.0 pg/mL', '<=959 pg/mL', '>=18 y' is an age, not a limit.
_PRINTED_LIMIT = re.compile(r"(<=|<)\s*(\d+(?:\.\d+)?)\s*(?:pg/mL|mg/L|mcg/L|ug/L|ng/mL)")


@pytest.mark.parametrize("set_name", ["mayo-adult", "arup-3002601"])
def test_each_limit_is_exclusive_exactly_where_its_source_prints_less_than(set_name: str) -> None:
    document = tomllib.loads(bundled_sets()[set_name].read_text(encoding="utf-8"))
    checked = 0
    for name, entry in document["markers"].items():
        printed = _PRINTED_LIMIT.findall(entry["source"])
        tables = entry.get("intervals") or [entry]
        for table in tables:
            if "high" not in table or not printed:
                continue
            (comparator, limit), *_ = printed
            assert float(limit) == table["high"], name
            assert table.get("high_exclusive", False) == (comparator == "<"), name
            checked += 1
    assert checked >= 10 if set_name == "mayo-adult" else checked >= 1


def test_mayo_keeps_its_inclusive_limits_inclusive() -> None:
    mayo = load_ranges("mayo-adult")
    assert mayo.select("sIL-2R", "male", 40).bounds == Bounds(high=959.0)  # '<=959'
    ferritin = mayo.select("Ferritin", "female", 40).bounds
    assert ferritin == Bounds(low=6.0, high=175.0)  # printed as a range
    assert mayo.select("IL-1β", "male", 40).bounds == Bounds(high=20.0, high_exclusive=True)


def test_check_flags_values_at_mayos_less_than_limits_as_high(tmp_path: Path) -> None:
    """The reviewer's file: each value equals a limit Mayo prints as '< x'."""
    path = tmp_path / "edge.csv"
    path.write_text(EDGE, encoding="utf-8")
    args = ["check", str(path), "--ranges", "mayo-adult", "--age", "40"]
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 1, result.stderr  # flagged
    results = json.loads(result.stdout)["panels"][0]["results"]
    assert [(r["marker"], r["status"], r["flag"]) for r in results] == [
        ("IL-1β", "high", "H"), ("IL-6", "high", "H"), ("CRP", "high", "H"), ("TNF-α", "high", "H"),
    ]  # fmt: skip
    reference = results[0]["reference"]
    assert (reference["high"], reference["high_exclusive"], reference["low_exclusive"]) == (
        20.0, True, False,
    )  # fmt: skip
    assert reference["text"] == "< 20 pg/mL"
    assert results[2]["reference"]["text"] == "< 5 mg/L"

    table = runner.invoke(app, args, env=WIDE).output
    il1b = next(line for line in table.splitlines() if "IL-1β" in line and "pg/mL" in line)
    assert "< 20" in il1b and "≤ 20" not in il1b and "high" in il1b
    # not "just above": 20 is the limit (four rows say so: once, under the table)
    assert "¹" in il1b and "¹ at upper limit, counts as high" in table


def test_csv_and_fhir_say_the_limit_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "edge.csv"
    path.write_text(EDGE, encoding="utf-8")
    args = ["check", str(path), "--ranges", "mayo-adult", "--age", "40", "--format"]
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, [*args, "csv"]).stdout)))
    assert (rows[0]["marker"], rows[0]["reference_high"], rows[0]["reference_text"]) == (
        "IL-1β", "20.0", "< 20 pg/mL",
    )  # fmt: skip
    bundle = json.loads(runner.invoke(app, [*args, "fhir"]).stdout)
    (ranged,) = bundle["entry"][0]["resource"]["referenceRange"]
    assert ranged["high"]["value"] == 20.0  # FHIR's high is inclusive: the words say the rest
    assert ranged["text"].startswith("< 20 pg/mL (reference set mayo-adult")
    assert "a value of exactly 20 pg/mL is high" in ranged["text"]


def test_explain_and_ranges_show_print_less_than_beside_the_source() -> None:
    explained = runner.invoke(app, ["explain", "IL-1β"], env=WIDE).output
    mayo = next(line for line in explained.splitlines() if "mayo-adult" in line)
    assert "age 18 and over: < 20 pg/mL" in mayo and "<20.0 pg/mL" in mayo
    arup = next(line for line in explained.splitlines() if "arup-3002601" in line)
    assert "≤ 7.4 pg/mL" in arup  # ARUP prints '<=': inclusive, as before
    shown = runner.invoke(app, ["ranges", "show", "mayo-adult"], env=WIDE).output
    assert "│ < 6.4 pg/mL" in shown
    assert "age 18 and over: ≤ 959 pg/mL" in shown
    as_json = json.loads(runner.invoke(app, ["ranges", "show", "mayo-adult", "-f", "json"]).stdout)
    assert as_json["markers"]["IL-6"]["high_exclusive"] is True


def test_a_copy_made_by_ranges_init_keeps_the_exclusive_limits(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ranges", "init", str(tmp_path / "mayo"), "--from", "mayo-adult"])
    assert result.exit_code == 0, result.stderr
    copy = load_ranges(tmp_path / "mayo")
    assert copy.markers["IL-6"].bounds == Bounds(high=6.4, high_exclusive=True)
    (crp,) = copy.markers["CRP"].intervals  # 'all ages', a row from age 0 (educator QA round 22)
    assert (crp.age_min, crp.high, crp.high_exclusive) == (0, 5.0, True)
    validated = runner.invoke(app, ["ranges", "validate", str(tmp_path / "mayo")])
    assert validated.exit_code == 0, validated.output


# --- a lab's range printed in the row ------------------------------------------------------------


def test_a_printed_less_than_range_agrees_with_mayos_and_keeps_its_critical_limits(
    tmp_path: Path,
) -> None:
    """'<6.4' beside IL-6 is Mayo's own interval now: judged by the set's, with no warning."""
    path = tmp_path / "lab.csv"
    path.write_text(
        "sample_id,marker,value,unit,reference_range\nS1,IL-6,6.4,pg/mL,<6.4\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["check", str(path), "-r", "mayo-adult", "-f", "json"])
    document = json.loads(result.stdout)
    (judged,) = document["panels"][0]["results"]
    assert (judged["status"], judged["reference"]["origin"]) == ("high", "set")
    assert document["warnings"] == []


def test_a_printed_less_than_range_beside_an_inclusive_set_is_the_files(tmp_path: Path) -> None:
    """ARUP's IL-6 is '≤ 2.5'; a row printing '<2.5' leaves 2.5 out: the row's lab decides."""
    path = tmp_path / "lab.csv"
    path.write_text(
        "sample_id,marker,value,unit,reference_range\nS1,IL-6,2.5,pg/mL,<2.5\n"
        "S2,IL-6,2.5,pg/mL,<=2.5\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", str(path), "-f", "json"])
    document = json.loads(result.stdout)
    (less,), (at_most,) = (panel["results"] for panel in document["panels"])
    assert (less["status"], less["reference"]["origin"], less["reference"]["text"]) == (
        "high", "file", "< 2.5 pg/mL",
    )  # fmt: skip
    assert (at_most["status"], at_most["reference"]["origin"]) == ("normal", "set")
    (warning,) = document["warnings"]
    assert warning["code"] == "range-disagrees"
    assert (
        "(read as < 2.5 pg/mL, the limit excluded) differs from the reference set's ≤ 2.5"
        in (warning["message"])
    )


@pytest.mark.parametrize("value", ["2.0", "<=2"])
def test_a_value_at_an_exclusive_low_is_said_to_be_at_it_not_under_it(
    tmp_path: Path, value: str
) -> None:
    """QA (regression round): 'IL-10 is 2 pg/mL, under the lower limit of 2 pg/mL' against a
    printed '>2', and no note, where the high side said 'at upper limit'. (A marker the set
    has no range for: beside the set's IL-10 '≤ 2.8', a range open above is not used.)"""
    path = tmp_path / "low.csv"
    path.write_text(
        f"sample_id,marker,value,unit,reference_range\nR1,Adiponectin,{value},pg/mL,>2\n"
    )
    result = runner.invoke(app, ["check", str(path), "-f", "json"])
    (panel,) = json.loads(result.stdout)["panels"]
    assert panel["results"][0]["status"] == "low"
    text = " ".join(panel["summary"]["text"])
    said = "2 pg/mL, right at the lower limit" if value == "2.0" else "at most 2 pg/mL"
    assert f"Adiponectin is {said}, which counts as below the range." in text
    assert "under the lower limit of 2" not in text
    table = runner.invoke(app, ["check", str(path)], env={"COLUMNS": "200"}).stdout
    # '<=2' is not at 2 but at most 2 (QA: the note read as the value being 2)
    assert ("at lower limit, counts as low" in table) == (value == "2.0")


@pytest.mark.parametrize("ranges", ["mayo-adult", "own"])
def test_a_value_at_an_exclusive_high_is_said_to_count_as_above(
    tmp_path: Path, ranges: str
) -> None:
    """Black-box test: IL-6 = 6.4 against mayo-adult's '< 6.4' was 'above the range' and then
    'IL-6 is at the upper limit.', which a lay reader takes as still inside it; the table's
    note said only 'at upper limit'. Likewise a set of one's own with high_exclusive."""
    path = tmp_path / "at.csv"
    path.write_text("sample_id,marker,value,unit\nS1,IL-6,6.4,pg/mL\n", encoding="utf-8")
    if ranges == "own":
        ranges = str(tmp_path / "own.toml")
        Path(ranges).write_text(
            '[markers."IL-6"]\nunit = "pg/mL"\nhigh = 6.4\nhigh_exclusive = true\nsource = "x"\n',
            encoding="utf-8",
        )
    document = json.loads(
        runner.invoke(app, ["check", str(path), "-r", ranges, "-f", "json"]).stdout
    )
    (panel,) = document["panels"]
    assert panel["results"][0]["status"] == "high"
    text = " ".join(panel["summary"]["text"])
    assert "IL-6 is 6.4 pg/mL. The range is below 6.4 pg/mL, so this is just outside it." in text
    assert "is at the upper limit" not in text
    table = runner.invoke(app, ["check", str(path), "-r", ranges], env=WIDE).stdout
    assert "at upper limit, counts as high" in table
    export = tmp_path / "at.html"
    runner.invoke(app, ["check", str(path), "-r", ranges, "--export", str(export)])
    html = " ".join(export.read_text(encoding="utf-8").split())
    assert "The range is below 6.4 pg/mL, so this is just outside it." in html


def test_a_value_at_an_inclusive_limit_is_normal_with_no_note(tmp_path: Path) -> None:
    """The inclusive twin of the above: 20 against '≤ 20' is inside, said as nothing more."""
    path = tmp_path / "in.csv"
    path.write_text("sample_id,marker,value,unit,reference_range\nS1,IL-6,20,pg/mL,<=20\n")
    table = runner.invoke(app, ["check", str(path)], env=WIDE).stdout
    assert "normal" in table and "limit" not in table.split("How to read")[0]
    assert "The result is inside the reference range." in table


def test_at_least_an_excluded_upper_limit_is_not_said_to_be_above_it(tmp_path: Path) -> None:
    """Regression QA: '>=20' beside a printed '<20' was 'above the upper limit', though it may
    be 20 itself (which the range leaves out, so high all the same)."""
    path = tmp_path / "r.csv"
    path.write_text(
        "sample_id,marker,value,unit,reference_range\nR,IL-6,>=20,pg/mL,<20\n", encoding="utf-8"
    )
    document = json.loads(runner.invoke(app, ["check", str(path), "-f", "json"]).stdout)
    (panel,) = document["panels"]
    assert panel["results"][0]["status"] == "high"
    text = " ".join(panel["summary"]["text"])
    assert "IL-6 is 20 pg/mL or more. The range is below 20 pg/mL, so this is outside it." in text
    table = runner.invoke(app, ["check", str(path)], env={"COLUMNS": "200"}).stdout
    assert "at or above upper limit, counts as high" in table
