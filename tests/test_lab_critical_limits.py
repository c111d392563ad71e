"""A long file's `Critical Low` / `Critical High` columns give each row the lab's critical
(panic) limits, in place of the reference set's (QA: they were only warned about, so a value
past the lab's panic limit was 'high' and `--fail-on critical` gave exit 0)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.batches import read_batches
from panelcli.check import CheckOptions, Interpreter
from panelcli.cli import app
from panelcli.models import (
    FILE_CRITICAL_SOURCE,
    FILE_RANGE_AND_CRITICAL_SOURCE,
    Issue,
    Result,
)
from panelcli.ranges import load_ranges
from panelcli.render.ndjson import ndjson_batch, ndjson_join

RANGES = load_ranges(None)
runner = CliRunner()

LONG = (
    "Sample,Test,Result,Units,Ref Range,Critical Low,Critical High\n"
    "S1,IL-6,150,pg/mL,0-7,,100\n"  # past the lab's panic limit, beside its own range
    "S1,IL-8,40,pg/mL,0-62,,\n"  # no critical limit given
    "S1,IL-2,4,pg/mL,,,3\n"  # the set's range, the lab's critical limit
    "S1,IL-4,4,pg/mL,,,abc\n"  # no number: not used
    "S1,IL-10,6,pg/mL,0-7,,5\n"  # inside the lab's own range: not used
    "S1,IL-17,3,pg/mL,,N/A,-\n"  # says no limit
)


def events(text: str, tmp_path: Path, name: str = "crit.csv") -> list[Result | Issue]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return list(Interpreter(RANGES, CheckOptions()).events([str(path)]))


def test_the_lab_s_critical_limits_judge_each_row(tmp_path: Path) -> None:
    found = events(LONG, tmp_path)
    results = {e.marker: e for e in found if isinstance(e, Result)}
    il6 = results["IL-6"]
    assert il6.status == "critical" and il6.flag == "HH"
    assert il6.reference is not None
    assert (il6.reference.high, il6.reference.critical_high) == (7.0, 100.0)
    assert il6.reference.text == "0 - 7 pg/mL, critical ≥ 100"
    assert il6.reference.source == FILE_RANGE_AND_CRITICAL_SOURCE
    il2 = results["IL-2"]  # the set's range (≤ 2.1) with the lab's critical limit
    assert il2.status == "critical" and il2.reference is not None
    assert il2.reference.origin == "set" and il2.reference.critical_high == 3.0
    assert (il2.reference.source or "").endswith(FILE_CRITICAL_SOURCE)
    # none given, or none usable: as before, by the ranges alone (the set has none)
    assert [results[m].status for m in ("IL-8", "IL-4", "IL-10", "IL-17")] == [
        "normal", "high", "normal", "high"
    ]  # fmt: skip
    for marker in ("IL-8", "IL-4", "IL-10", "IL-17"):
        reference = results[marker].reference
        assert reference is not None and reference.critical_high is None
    unusable = [e for e in found if isinstance(e, Issue) and e.code == "critical-limit-unusable"]
    assert [(i.line, i.column, i.marker, i.message) for i in unusable] == [
        (5, "Critical High", "IL-4",
         "IL-4: the file's critical high limit 'abc' is not a number; it was not used"),
        (6, "Critical High", "IL-10",
         "IL-10: the file's critical high limit 5 pg/mL was not used: it is not above the range "
         "used (0 - 7 pg/mL)"),
    ]  # fmt: skip
    # the columns are read: no 'column-ignored' for them
    assert not [e for e in found if isinstance(e, Issue) and e.code == "column-ignored"]


def test_a_limit_in_another_unit_or_with_a_decimal_comma_is_converted(tmp_path: Path) -> None:
    found = events(
        "Sample;Test;Result;Units;Critical High (ng/mL);Panic Low\n"
        "S1;IL-6;150,5;pg/mL;0,1;\nS1;IL-8;40;pg/mL;;\nS1;IL-10;90;pg/mL;200 pg/mL;\n",
        tmp_path,
    )
    results = {e.marker: e for e in found if isinstance(e, Result)}
    read = [(m, r.status, r.reference and r.reference.critical_high) for m, r in results.items()]
    assert read == [
        ("IL-6", "critical", 100.0), ("IL-8", "high", None), ("IL-10", "high", 200.0)
    ]  # fmt: skip


def test_a_critical_low_limit_is_read_too(tmp_path: Path) -> None:
    found = events(
        "Sample,Test,Result,Units,Ref Low,Ref High,Crit Lo,Crit Hi\n"
        "S1,IL-6,0.5,pg/mL,2,7,1,100\nS1,IL-8,1.5,pg/mL,2,62,1,\n",
        tmp_path,
    )
    results = [(e.marker, e.status, e.flag) for e in found if isinstance(e, Result)]
    assert results == [("IL-6", "critical", "LL"), ("IL-8", "low", "L")]


def test_a_wide_file_s_one_critical_column_is_not_read_and_says_why(tmp_path: Path) -> None:
    found = events("Sample,IL-6 (pg/mL),Critical High\nS1,150,100\n", tmp_path)
    result = next(e for e in found if isinstance(e, Result))
    assert result.status == "high"
    ignored = [e.message for e in found if isinstance(e, Issue) and e.code == "column-ignored"]
    assert ignored == [
        "column 'Critical High' was not read: in a file with a column per marker, one cell per "
        "row cannot say which marker it is for"
    ]


def test_fail_on_critical_counts_the_lab_s_limits_and_the_table_says_whose(
    tmp_path: Path,
) -> None:
    path = tmp_path / "crit.csv"
    path.write_text(
        "Sample,Test,Result,Units,Ref Range,Critical High\nS1,IL-6,150,pg/mL,0-7,100\n",
        encoding="utf-8",
    )
    done = runner.invoke(app, ["check", str(path), "--fail-on", "critical"])
    assert done.exit_code == 1, done.output
    said = " ".join(done.stdout.replace("│", " ").split())  # a note wrapped in its cell
    assert "range and critical limits from the file" in said
    assert "0 - 7, critical ≥ 100" in said
    # without the column the same value is only high
    path.write_text("Sample,Test,Result,Units,Ref Range\nS1,IL-6,150,pg/mL,0-7\n", encoding="utf-8")
    assert runner.invoke(app, ["check", str(path), "--fail-on", "critical"]).exit_code == 0


@pytest.mark.parametrize("rows_per_batch", [1, 2, 10_000])
def test_batches_give_what_one_process_gives(tmp_path: Path, rows_per_batch: int) -> None:
    path = tmp_path / "crit.csv"
    path.write_text(LONG + LONG.split("\n", 1)[1].replace("S1,", "S2,"), encoding="utf-8")
    done = runner.invoke(app, ["check", str(path), "--format", "ndjson"])
    parts = [ndjson_batch(b, RANGES) for b in read_batches(str(path), RANGES, rows_per_batch)]
    assert "".join(ndjson_join(parts, RANGES.info)) == done.stdout
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert lines[-1]["totals"]["by_status"]["critical"] == 4
