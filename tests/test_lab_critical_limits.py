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
    Issue,
    Result,
)
from panelcli.ranges import load_ranges
from panelcli.render.ndjson import ndjson_batch, ndjson_join
from panelcli.render.table import range_origin

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


def unusable(found: list[Result | Issue]) -> list[str]:
    """The messages of the `critical-limit-unusable` warnings found."""
    return [
        e.message for e in found if isinstance(e, Issue) and e.code == "critical-limit-unusable"
    ]


def test_the_lab_s_critical_limits_judge_each_row(tmp_path: Path) -> None:
    found = events(LONG, tmp_path)
    results = {e.marker: e for e in found if isinstance(e, Result)}
    il6 = results["IL-6"]
    assert il6.status == "critical" and il6.flag == "HH"
    assert il6.reference is not None
    assert (il6.reference.high, il6.reference.critical_high) == (7.0, 100.0)
    assert il6.reference.text == "0 - 7 pg/mL, critical ≥ 100"
    assert il6.reference.source == "the lab's range and critical limit printed in the file"
    il2 = results["IL-2"]  # the set's range (≤ 2.1) with the lab's critical limit
    assert il2.status == "critical" and il2.reference is not None
    assert il2.reference.origin == "set" and il2.reference.critical_high == 3.0
    assert (il2.reference.source or "").endswith(
        "with the lab's critical high limit printed in the file"
    )
    assert (il2.reference.critical_low_origin, il2.reference.critical_high_origin) == (None, "file")
    # none given, or none usable: as before, by the ranges alone (the set has none)
    assert [results[m].status for m in ("IL-8", "IL-4", "IL-10", "IL-17")] == [
        "normal", "high", "normal", "high"
    ]  # fmt: skip
    for marker in ("IL-8", "IL-4", "IL-10", "IL-17"):
        reference = results[marker].reference
        assert reference is not None and reference.critical_high is None
    not_used = [e for e in found if isinstance(e, Issue) and e.code == "critical-limit-unusable"]
    assert [(i.line, i.column, i.marker, i.message) for i in not_used] == [
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


def test_a_limit_with_no_unit_is_not_guessed_where_value_and_range_differ(
    tmp_path: Path,
) -> None:
    """Review: '100' beside a value in ng/mL and a range in pg/mL was read as 100 ng/mL
    (100,000 pg/mL), so 150 pg/mL was only high; it may be either unit: not used, with a
    word. A unit in the cell, or the same unit in other words (ng/L), reads as before."""
    found = events(
        "Sample,Test,Result,Units,Ref Range,Critical High\n"
        "S1,IL-6,0.15,ng/mL,0-7 pg/mL,100\n"
        "S2,IL-6,0.15,ng/mL,0-7 pg/mL,100 pg/mL\n"
        "S3,IL-6,150,ng/L,0-7 pg/mL,100\n"
        "S4,IL-6,0.15,ng/mL,0-0.007,0.1\n",
        tmp_path,
    )
    read = [
        (e.sample_id, e.status, e.reference and e.reference.critical_high)
        for e in found
        if isinstance(e, Result)
    ]
    assert read == [
        ("S1", "high", None), ("S2", "critical", 100.0), ("S3", "critical", 100.0),
        ("S4", "critical", 100.0),
    ]  # fmt: skip
    assert unusable(found) == [
        "IL-6: the file's critical high limit '100' has no unit, and the value (ng/mL) and the "
        "printed range (pg/mL) differ in unit, so it may be in either: write its unit in the "
        "cell; it was not used"
    ]


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
    assert "range and critical limit from the file" in said
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


#: A set with critical limits of its own, and a marker whose range depends on sex
CRITICAL_SET = """[set]
name = "crit"
version = "1"
description = "critical limits"
source = "test set"

[markers."IL-6"]
unit = "pg/mL"
low = 2.0
high = 7.0
critical_low = 1.0
critical_high = 50.0
source = "t"

[markers."IL-8"]
unit = "pg/mL"
critical_high = 500.0
source = "t"

[[markers."IL-8".intervals]]
sex = "female"
high = 5.0

[[markers."IL-8".intervals]]
sex = "male"
high = 10.0
"""


def with_set(text: str, tmp_path: Path) -> list[Result | Issue]:
    ranges = tmp_path / "crit.toml"
    ranges.write_text(CRITICAL_SET, encoding="utf-8")
    path = tmp_path / "crit.csv"
    path.write_text(text, encoding="utf-8")
    return list(Interpreter(load_ranges(str(ranges)), CheckOptions()).events([str(path)]))


def test_a_lab_limit_not_used_leaves_the_set_s_in_place(tmp_path: Path) -> None:
    """Review: a lab limit inside the range was not used, and the set's on that side was left
    off too: 60 past the set's 50 was only high."""
    found = with_set(
        "Sample,Sex,Test,Result,Units,Ref Range,Critical High\n"
        "S1,F,IL-6,60,pg/mL,2-10,8\nS2,F,IL-6,60,pg/mL,,5\nS3,F,IL-6,60,pg/mL,,abc\n"
        "S5,,IL-8,60,pg/mL,,8\nS6,,IL-8,600,pg/mL,,8\nS7,,IL-8,60,pg/mL,,20\n",
        tmp_path,
    )
    read = [(e.sample_id, e.status) for e in found if isinstance(e, Result)]
    assert read == [
        ("S1", "critical"), ("S2", "critical"), ("S3", "critical"),
        ("S5", "high"), ("S6", "critical"), ("S7", "critical"),
    ]  # fmt: skip
    not_used = [
        (e.line, e.message)
        for e in found
        if isinstance(e, Issue) and e.code == "critical-limit-unusable"
    ]
    assert [line for line, _ in not_used] == [2, 3, 4, 5]
    assert not_used[3][1] == (  # the lab's 8 is inside a man's range (≤ 10): not used at all
        "IL-8: the file's critical high limit 8 pg/mL was not used: it is not above the range "
        "for male (≤ 10 pg/mL), which may be the person's"
    )
    s7 = next(e for e in found if isinstance(e, Result) and e.sample_id == "S7")
    assert "critical by each interval that could apply" in (s7.note or "")  # by the lab's 20


def test_each_critical_limit_is_cited_by_whose_it_is(tmp_path: Path) -> None:
    """Review: the set's critical low kept beside the lab's critical high was cited as the
    file's; a joined range's lab limit as the set's."""
    found = with_set(
        "Sample,Test,Result,Units,Ref Range,Critical High\nS1,IL-6,0.5,pg/mL,1.5-8,100\n",
        tmp_path,
    )
    result = next(e for e in found if isinstance(e, Result))
    assert result.status == "critical" and result.flag == "LL"  # by the set's critical ≤ 1
    assert result.reference is not None
    assert result.reference.source == (
        "the lab's range and critical high limit printed in the file, with the critical low "
        "limit of the reference set (t)"
    )
    assert range_origin(result.reference) == (
        "range and critical high limit from the file; critical low limit from the set"
    )
    assert (result.reference.critical_low_origin, result.reference.critical_high_origin) == (
        "set", "file"
    )  # fmt: skip
    joined = events(
        "Sample,Test,Result,Units,Ref Low,Ref High,Critical High\nS1,IL-6,150,pg/mL,0.1,,100\n",
        tmp_path,
    )
    result = next(e for e in joined if isinstance(e, Result))
    assert result.status == "critical" and result.reference is not None
    assert range_origin(result.reference) == (
        "range from the file and the set; critical limit from the file"
    )
    bundle = json.loads(
        runner.invoke(app, ["check", str(tmp_path / "crit.csv"), "--format", "fhir"]).stdout
    )
    texts = [
        e["resource"]["referenceRange"][0]["text"]
        for e in bundle["entry"]
        if e["resource"].get("referenceRange")
    ]
    assert texts and all("the lab's critical limit printed in the file" in t for t in texts)


def test_limits_are_read_with_the_file_s_doubts_and_its_header_unit(tmp_path: Path) -> None:
    """Review: '1.500' in a ';' file was read as 1.5 (its value '1.500' is refused as maybe
    1500); '.05' under 'Critical High (ng/mL)' was read in pg/mL."""
    found = events(
        "Sample;Test;Result;Units;Ref Range;Critical High\nS1;IL-6;2;pg/mL;0-1;1.500\n",
        tmp_path,
    )
    assert next(e for e in found if isinstance(e, Result)).status == "high"
    assert unusable(found) == [
        "IL-6: the file's critical high limit '1.500' may group thousands with its '.', as ',' "
        "is the decimal mark (1.500 meaning 1500); it was not used"
    ]
    found = events(
        "Sample,Test,Result,Units,Ref Range,Critical High (ng/mL)\nS1,IL-6,60,pg/mL,0-7,.05\n"
        "S2,IL-6,60,pg/mL,0-7,5e-2\n",
        tmp_path,
    )
    results = [e for e in found if isinstance(e, Result)]
    assert [(e.status, e.reference and e.reference.critical_high) for e in results] == [
        ("critical", 50.0), ("critical", 50.0)
    ]  # fmt: skip


def test_a_limit_with_no_range_to_judge_by_is_said_not_used(tmp_path: Path) -> None:
    """Review: an unknown marker's limit beside no usable range was dropped with no word (with
    no range printed at all, the limit judges alone: see the test of critical limits alone)."""
    found = events(
        "Sample,Test,Result,Units,Ref Range,Critical High\nS1,IL-99,150,pg/mL,see note,100\n",
        tmp_path,
    )
    assert unusable(found) == [
        "IL-99: the file's critical high limit '100' was not used: there is no range to judge "
        "the value by"
    ]


def test_the_hh_advice_names_a_column_only_where_one_would_be_read(tmp_path: Path) -> None:
    """Review: a wide file (whose 'Critical High' is not read), or a long one whose column is
    there but unusable, was told to add a 'Critical High' column."""
    for text in (
        "Sample,IL-6 (pg/mL),IL-6 Flag,IL-6 Ref Range\nS1,60,HH,0-7\n",
        "Sample,Test,Result,Units,Ref Range,Flag,Critical High\nS1,IL-6,60,pg/mL,0-7,HH,abc\n",
    ):
        found = events(text, tmp_path)
        said = [
            e.message for e in found if isinstance(e, Issue) and e.code == "value-flag-disagrees"
        ]
        assert len(said) == 1 and said[0].endswith(
            "give the lab's critical limit (critical_high in your ranges file) to have it judged "
            "critical"
        )


def test_a_wide_file_s_row_of_critical_limits_is_no_sample(tmp_path: Path) -> None:
    """QA: 'Critical High,100,500' under a wide header was judged as a sample's results."""
    found = events(
        "Sample ID,IL-6 (pg/mL),IL-8 (pg/mL)\nCritical High,100,500\nPanic Limits,>100,>500\n"
        "S1,150,3\n",
        tmp_path,
    )
    assert [e.sample_id for e in found if isinstance(e, Result)] == ["S1", "S1"]
    skipped = [e for e in found if isinstance(e, Issue) and e.code == "range-row-skipped"]
    assert [e.line for e in skipped] == [2, 3]
    assert skipped[0].message.endswith(
        "its ranges were not used: they are the lab's critical limits, which panelcli reads only "
        "in a long file's 'Critical Low' and 'Critical High' columns"
    )


def test_more_names_and_forms_of_a_critical_limit(tmp_path: Path) -> None:
    """QA: 'Critical Max', 'Critical Min' were not known; '+0.1' under '(ng/mL)' was read in
    pg/mL; '-5' was said to be 'not a number'."""
    found = events(
        "sample_id,marker,value,unit,Ref Range,Critical Max (ng/mL),Critical Min\n"
        "S1,IL-6,150,pg/mL,2-7,+0.1,\nS2,IL-6,1,pg/mL,2-7,,1.5\nS3,IL-6,150,pg/mL,2-7,-5,\n",
        tmp_path,
    )
    assert [e.status for e in found if isinstance(e, Result)] == ["critical", "critical", "high"]
    assert unusable(found) == [
        "IL-6: the file's critical high limit '-5' is below 0; it was not used"
    ]


def test_a_note_of_the_person_s_possible_ranges_names_the_lab_s_limit(tmp_path: Path) -> None:
    """QA: 'critical by the reference set's range for male' where the limit was the file's."""
    found = with_set("Sample,Test,Result,Units,Critical High\nS1,IL-8,60,pg/mL,20\n", tmp_path)
    result = next(e for e in found if isinstance(e, Result))
    assert result.status == "critical"
    assert "critical by each interval that could apply" in (result.note or "")
    # QA: the intervals' words listed the lab's limit as theirs
    assert (result.note or "").endswith("the critical high limit is the lab's, printed in the file")
    found = with_set("Sample,Test,Result,Units,Critical High\nS1,IL-8,<30,pg/mL,20\n", tmp_path)
    result = next(e for e in found if isinstance(e, Result))
    assert "it could be past the lab's critical limit beside the set's range for" in (
        result.note or ""
    )


@pytest.mark.parametrize("cell", ["", "-", "N/A", " "])
def test_rows_that_give_no_critical_limit_stay_on_the_short_path(tmp_path: Path, cell: str) -> None:
    """Review: a blank, '-' or 'N/A' Critical High column sent every row down the general
    path (2.5 times slower); only a row that gives a limit goes there."""
    from panelcli.check import ResultRow

    rows = "".join(f"S{i},IL-6,{i % 9 + 1},pg/mL,{cell}\n" for i in range(50))
    path = tmp_path / "crit.csv"
    path.write_text(
        "sample_id,marker,value,unit,Critical High\n" + rows + "T1,IL-6,150,pg/mL,100\n",
        encoding="utf-8",
    )
    found = list(Interpreter(RANGES, CheckOptions()).stream([str(path)]))
    assert sum(isinstance(e, ResultRow) for e in found) == 50  # all but the one with a limit
    last = found[-1]
    assert isinstance(last, Result) and last.status == "critical"


def test_a_limit_is_quoted_as_its_cell_writes_it(tmp_path: Path) -> None:
    """Review: the header's unit was quoted as part of the cell ('1.500 ng/mL')."""
    found = events(
        "Sample;Test;Result;Units;Ref Range;Critical High (ng/mL)\nS1;IL-6;2;pg/mL;0-1;1.500\n",
        tmp_path,
    )
    said = unusable(found)
    assert len(said) == 1 and said[0].startswith("IL-6: the file's critical high limit '1.500' has")


def test_the_summary_names_the_lab_s_critical_limit_where_it_decides(tmp_path: Path) -> None:
    """QA: 'By the range panelcli uses, IL-6 is only high. Ranges differ between labs' where
    the lab's own limit in the file kept it from being critical; 'the critical limit of 100'
    read as the set's."""
    from panelcli.summary import summarise_panel

    found = with_set(
        "Sample,Test,Result,Units,Flag,Critical High\nS2,IL-6,60,pg/mL,HH,100\n"
        "S3,IL-6,150,pg/mL,,100\n",
        tmp_path,
    )
    results = [e for e in found if isinstance(e, Result)]
    said = [" ".join(summarise_panel([r]).text) for r in results]
    assert (
        "The lab marked IL-6 as critically high. By the range panelcli uses and the lab's "
        "critical limit in the file, IL-6 is only high. Ask the lab which is right." in said[0]
    )
    assert "Ranges differ between labs" not in said[0]
    assert "IL-6 is at or above the lab's critical limit of 100 pg/mL." in said[1]


def test_a_limit_not_used_is_quoted_with_what_it_was_read_as(tmp_path: Path) -> None:
    found = events(
        'Sample,Test,Result,Units,Ref Range,Critical High (ng/mL)\nS1,IL-6,150,pg/mL,0-7,"0,001"\n'
        "S2,IL-6,150,pg/mL,0-7,0.001\n",
        tmp_path,
    )
    said = unusable(found)
    assert said[-1] == (
        "IL-6: the file's critical high limit '0.001' (read as 1 pg/mL) was not used: it is not "
        "above the range used (0 - 7 pg/mL)"
    )


def test_a_limit_with_a_comma_in_a_point_file_is_said_to_be_in_doubt(tmp_path: Path) -> None:
    """Review: '1,000' in a file whose decimal mark is '.' was 'not a number'."""
    found = events(
        'Sample,Test,Result,Units,Ref Range,Critical High\nS1,IL-6,1200.5,pg/mL,0-7,"1,000"\n',
        tmp_path,
    )
    said = unusable(found)
    assert said == [
        "IL-6: the file's critical high limit '1,000' has a ',', which may group thousands or be "
        "the decimal mark; write the limit without it; it was not used"
    ]


def test_a_marker_the_set_lacks_is_judged_by_the_lab_s_critical_limits_alone(
    tmp_path: Path,
) -> None:
    """Review: IL-99 150 past the lab's critical limit of 100, with no range printed, was only
    'no reference' (the limit said not to be used), where a set's critical-only limits judge."""
    found = events(
        "sample_id,marker,value,unit,Critical Low,Critical High\n"
        "S1,IL-99,150,pg/mL,,100\nS2,IL-99,50,pg/mL,,100\nS3,IL-99,<200,pg/mL,,100\n"
        "S4,IL-99,5,pg/mL,10,100\nS5,IL-99,5,,,100\n",
        tmp_path,
    )
    results = [e for e in found if isinstance(e, Result)]
    assert [(r.sample_id, r.status, r.flag) for r in results] == [
        ("S1", "critical", "HH"), ("S2", "no_reference", None), ("S3", "indeterminate", "IND"),
        ("S4", "critical", "LL"), ("S5", "no_reference", None),
    ]  # fmt: skip
    reference = results[0].reference
    assert reference is not None
    assert (reference.text, reference.origin, reference.critical_high_origin) == (
        "no range; critical ≥ 100 pg/mL",
        "file",
        "file",
    )
    assert reference.source == "the lab's critical high limit printed in the file, with no range"
    assert range_origin(reference) == "critical limit from the file"
    assert "not past the lab's critical high limit in the file" in (results[1].note or "")
    assert "could be past the critical limit or short of it" in (results[2].note or "")
    assert results[4].reference is None
    assert unusable(found) == [
        "IL-99: the file's critical high limit '100' was not used: the value's unit is missing"
    ]
    done = runner.invoke(app, ["check", str(tmp_path / "crit.csv"), "--fail-on", "critical"])
    assert done.exit_code == 1
    assert "IL-99 is at or above the lab's critical limit of 100 pg/mL." in done.stdout
    assert "A level this low can have many causes." in done.stdout
    fhir = json.loads(
        runner.invoke(app, ["check", str(tmp_path / "crit.csv"), "-f", "fhir"]).stdout
    )
    first = next(
        e["resource"] for e in fhir["entry"] if e["resource"]["resourceType"] == "Observation"
    )
    assert first["referenceRange"][0]["text"].startswith(
        "no range; critical ≥ 100 pg/mL (judged with reference set arup-3002601"
    )
    assert first["referenceRange"][0]["text"].endswith(
        "which has no range for it, and the lab's critical limit printed in the file)"
    )


def test_crossed_critical_limits_and_a_limit_said_once(tmp_path: Path) -> None:
    """Review: 'Critical Low 200, Critical High 100' made 150 critically low (a ranges file
    with them is refused); and a limit in a unit panelcli cannot convert was said unusable
    twice, the second time as 'no range to judge the value by'."""
    found = events(
        "sample_id,marker,value,unit,Critical Low,Critical High\n"
        "S1,IL-99,150,pg/mL,200,100\nS2,IL-99,150,pg/mL,,100 IU/mL\nS3,IL-6,150,pg/mL,200,100\n",
        tmp_path,
    )
    results = [(e.sample_id, e.status) for e in found if isinstance(e, Result)]
    assert results == [("S1", "no_reference"), ("S2", "no_reference"), ("S3", "high")]
    assert unusable(found) == [
        "IL-99: the file's critical low limit 200 pg/mL is not below its critical high limit "
        "100 pg/mL; neither was used",
        "IL-99: the file's critical high limit '100 IU/mL' has the unit 'IU/mL', which "
        "panelcli cannot convert to pg/mL; it was not used",
        "IL-6: the file's critical low limit 200 pg/mL is not below its critical high limit "
        "100 pg/mL; neither was used",
    ]


def test_a_censored_value_beside_critical_limits_alone_is_not_said_in_or_out_of_range(
    tmp_path: Path,
) -> None:
    """Review: '>50' beside only the lab's critical limit of 100 was 'it could be inside or
    outside the range' in the summary, where there is no range."""
    path = tmp_path / "c.csv"
    path.write_text(
        "sample_id,marker,value,unit,Critical High\nS4,IL-99,>50,pg/mL,100\n", encoding="utf-8"
    )
    done = runner.invoke(app, ["check", str(path)], env={"COLUMNS": "200"})
    assert "inside or outside the range" not in done.stdout
    assert "IL-99 has no range, only a critical limit, and the test does not give its exact " in (
        done.stdout
    )


def test_qa_round_two_critical_limits_of_a_marker_the_set_lacks(tmp_path: Path) -> None:
    """QA: a limit of 0 (what exports write where none is set) made every IL-18 critical; the
    lab's 'HH' short of its own limit was 'the only judgement'; an 'N' past it was judged 'by
    the lab's own range', where none is printed; 'ND' lost the limit, said unusable."""
    found = events(
        "sample_id,marker,value,unit,Critical Low,Critical High,flag\n"
        "S1,IL-18,0.01,pg/mL,,0,\nS2,IL-18,0,pg/mL,0,,\nS3,IL-18,50,pg/mL,,100,HH\n"
        "S4,IL-18,150,pg/mL,,100,N\nS5,IL-18,ND,pg/mL,,100,\n",
        tmp_path,
    )
    results = [e for e in found if isinstance(e, Result)]
    assert [(r.sample_id, r.status) for r in results] == [
        ("S1", "no_reference"), ("S2", "no_reference"), ("S3", "no_reference"),
        ("S4", "critical"), ("S5", "no_reference"),
    ]  # fmt: skip
    assert unusable(found) == [
        "IL-18: the file's critical high limit '0' is what labs write where they set no limit; "
        "it was not used",
        "IL-18: the file's critical low limit '0' is what labs write where they set no limit; "
        "it was not used",
    ]
    assert results[4].reference is not None and results[4].reference.critical_high == 100.0
    flags = [e.message for e in found if isinstance(e, Issue) and e.code == "value-flag-disagrees"]
    assert flags == [
        "the lab flagged IL-18 '50' as 'HH' (critically high), but it is not past the lab's "
        "critical limit in the row (no range; critical ≥ 100 pg/mL): check the flag and the limit",
        "the lab flagged IL-18 '150' as 'N' (normal), but by the lab's critical limit in the row "
        "(there is no range) it is critically high: check the flag and the limit",
    ]
    done = runner.invoke(app, ["check", str(tmp_path / "crit.csv")], env={"COLUMNS": "250"})
    assert (
        "The lab marked IL-18 as critically high. IL-18 is not past the lab's critical limit of "
        "100 pg/mL. Ask the lab which is right." in done.stdout
    )
    assert "the only judgement" not in done.stdout
    assert "By the lab's critical limit in the file (it gives no range), IL-18 is" in done.stdout


def test_a_crit_mark_short_of_the_lab_s_limits_alone_takes_their_side_or_none(
    tmp_path: Path,
) -> None:
    """Review: a 'CRIT' short of the lab's limit was 'the only judgement' in the summary while
    its warning disagreed; beside both limits it was said to be 'critically high', a guess."""
    found = events(
        "sample_id,marker,value,unit,flag,Critical Low,Critical High\n"
        "S2,IL-18,80,pg/mL,CRIT,,100\nS3,IP-10,50,pg/mL,CRIT,5,500\n",
        tmp_path,
    )
    said = [e.message for e in found if isinstance(e, Issue) and e.code == "value-flag-disagrees"]
    assert said == [
        "the lab flagged IL-18 '80' as 'CRIT' (critically high), but it is not past the lab's "
        "critical limit in the row (no range; critical ≥ 100 pg/mL): check the flag and the limit",
        "the lab flagged IP-10 '50' as 'CRIT' (critical), but it is not past the lab's critical "
        "limits in the row (no range; critical ≤ 5, critical ≥ 500 pg/mL): check the flag and "
        "the limit",
    ]
    done = runner.invoke(app, ["check", str(tmp_path / "crit.csv")], env={"COLUMNS": "250"})
    assert "only judgement" not in done.stdout
    assert "IP-10 is not past the lab's critical limits of 5 and 500 pg/mL." in done.stdout


def test_a_marker_judged_by_critical_limits_alone_has_no_trend_but_its_past_days_are_said(
    tmp_path: Path,
) -> None:
    """QA: IL-18 (the set lacks it) tested three times beside the lab's critical limit alone,
    past it once, was 'a result that can be compared on only one date': there is no range to
    compare by, and the day past the limit is said."""
    from panelcli.check import check_file

    rows = ["sample_id,patient_id,collected_at,marker,value,unit,critical_low,critical_high"]
    for sample, day, value in (("S1", "01", 80), ("S2", "05", 150), ("S3", "09", 90)):
        rows.append(f"{sample},P1,2026-03-{day},IL-18,{value},pg/mL,,100")
        rows.append(f"{sample},P1,2026-03-{day},IL-6,{value / 10},pg/mL,,")
    path = tmp_path / "trend.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    (trend,) = check_file(str(path)).trends
    assert [m.marker for m in trend.markers] == ["IL-6"]
    assert trend.text[-1] == (
        "IL-18 has no range, only the lab's critical limit, so its results are not compared "
        "from test to test. It was past that limit on 2026-03-05."
    )
    # both limits, none passed: the plural, and no day
    path.write_text("\n".join(row.replace(",,100", ",1,200") for row in rows) + "\n")
    (trend,) = check_file(str(path)).trends
    assert trend.text[-1] == (
        "IL-18 has no range, only the lab's critical limits, so its results are not compared "
        "from test to test."
    )


def test_the_summary_says_a_value_is_short_of_the_lab_s_critical_limits_alone(write_csv) -> None:
    """QA: a marker the set lacks, beside the lab's critical limit alone and short of it, was
    only 'could not be judged' in the summary (the note said the rest); its 'HH' beside it is
    said once, with the lab's marks, and a censored value is left to its note."""
    from panelcli.check import check_file

    said = (
        check_file(
            write_csv(
                "sample_id,marker,value,unit,critical_low,critical_high,flag\n"
                "S1,IL-18,80,pg/mL,,100,HH\nS1,IL-33,<5,pg/mL,,100,\nS1,IL-17F,7,pg/mL,2,100,\n"
            )
        )
        .panels[0]
        .summary.text
    )
    assert said[-1] == (
        "IL-18, IL-33 and IL-17F have no reference range in the ranges used, so panelcli could not "
        "judge them. IL-17F is not past the lab's critical limits of 2 and 100 pg/mL. Check "
        "that the names are spelled right. If they are, another list of ranges (a reference set), "
        "or the lab's own range, can be used."
    )
    assert sum("IL-18 is not past" in sentence for sentence in said) == 1


@pytest.mark.parametrize(
    ("low", "high"),
    [("Kritisch niedrig", "Kritisch hoch"), ("Panikwert niedrig", "Panikwert hoch"),
     ("Seuil critique bas", "Seuil critique haut")],
)  # fmt: skip
def test_german_and_french_critical_limit_columns_are_read(
    tmp_path: Path, low: str, high: str
) -> None:
    """QA: a German export's 'Kritisch hoch' of 80 beside IL-6 at 85 was ignored, and IL-6 was
    only high; with 'Critical High' it was critical."""
    found = events(
        f"Auftragsnr.;Analyt;Ergebnis;Einheit;Referenzbereich;{low};{high}\n"
        "K1;IL-6;85,0;pg/ml;< 7,0;;80\n",
        tmp_path,
    )
    (result,) = [e for e in found if isinstance(e, Result)]
    assert (result.status.value, result.reference and result.reference.critical_high) == (
        "critical", 80.0,
    )  # fmt: skip


def test_the_set_s_critical_limit_alone_is_called_the_set_s_in_trends(
    tmp_path: Path,
) -> None:
    """Review: a ranges file's IL-18 with only critical_high = 100 was 'only the lab's critical
    limit' in the trend."""
    from panelcli.check import check_file

    ranges = tmp_path / "crit.toml"
    ranges.write_text('[markers."IL-18"]\nunit = "pg/mL"\ncritical_high = 100\n', encoding="utf-8")
    path = tmp_path / "co.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "A,P-1,2026-05-01,IL-18,50,pg/mL\nB,P-1,2026-05-02,IL-18,150,pg/mL\n"
        "C,P-1,2026-05-03,IL-18,60,pg/mL\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(path), str(ranges)).trends
    assert trend.text[-1] == (
        "IL-18 has no range, only the reference set's critical limit, so its results are not "
        "compared from test to test. It was past that limit on 2026-05-02."
    )
