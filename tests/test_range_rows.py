"""A wide export's row of the lab's ranges ('Reference range,<5,0-20') judges the rows below it.

It was skipped with "its ranges were not used", so each value was judged by the reference
set's range though the file printed the lab's own (open item from QA).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.batches import read_batches
from panelcli.check import CheckOptions, Interpreter, Tally
from panelcli.cli import app
from panelcli.models import Issue, Result
from panelcli.ranges import load_ranges
from panelcli.render.ndjson import ndjson_batch, ndjson_join, ndjson_texts

RANGES = load_ranges(None)  # IL-6 ≤ 2.5, IL-8 ≤ 9.4 pg/mL
runner = CliRunner()


def read(tmp_path: Path, text: str) -> list[Result | Issue]:
    path = tmp_path / "wide.csv"
    path.write_text(text, encoding="utf-8")
    return list(Interpreter(RANGES, CheckOptions()).events([str(path)]))


def judged(events: list[Result | Issue]) -> list[tuple[str | None, str, str, str | None]]:
    return [
        (r.sample_id, r.marker, r.status, r.reference.origin if r.reference else None)
        for r in events if isinstance(r, Result)
    ]  # fmt: skip


def test_the_rows_below_a_range_row_are_judged_by_its_ranges_and_those_above_by_the_set(
    tmp_path: Path,
) -> None:
    events = read(
        tmp_path,
        "Sample ID,IL-6 (pg/mL),IL-8 (pg/mL)\nA,4,15\nReference range,<5,0-20\nB,4,15\nC,6,\n",
    )
    assert judged(events) == [
        ("A", "IL-6", "high", "set"), ("A", "IL-8", "high", "set"),
        ("B", "IL-6", "normal", "file"), ("B", "IL-8", "normal", "file"),
        ("C", "IL-6", "high", "file"),
    ]  # fmt: skip
    (row,) = [e for e in events if isinstance(e, Issue) and e.code == "range-row-skipped"]
    assert row.line == 3 and "its ranges are used for the rows below it" in row.message
    assert "(not for rows above it: a file is read in one pass)" in row.message
    disagree = [e for e in events if isinstance(e, Issue) and e.code == "range-disagrees"]
    assert {(e.line, e.column) for e in disagree} == {(4, "IL-6 (pg/mL)"), (4, "IL-8 (pg/mL)")}


def test_a_row_s_own_range_column_wins_and_a_blank_cell_keeps_the_set_s_range(
    tmp_path: Path,
) -> None:
    events = read(
        tmp_path,
        "Sample ID,IL-6 (pg/mL),IL-6 Reference Range,IL-8 (pg/mL)\n"
        "Reference range,<5,,N/A\nB,4,<3,15\nC,4,,15\n",
    )
    assert judged(events) == [
        ("B", "IL-6", "high", "file"), ("B", "IL-8", "high", "set"),  # its own '<3' wins
        ("C", "IL-6", "normal", "file"), ("C", "IL-8", "high", "set"),  # the range row's '<5'
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("label", "cells", "statuses"),
    [
        ("Upper limit", "5,20", ["normal", "normal"]),  # a bare number is the upper limit
        ("ULN", "3,10", ["high", "high"]),
        ("Reference range", "0-2.5,20", ["high", "normal"]),  # an upper limit beside a range
        # review: a row of lower limits alone ('>= 5') judged IL-6 at 500 normal: not used;
        # nor is a row labelled so that a control sample may be (by the set: both high)
        ("Lower limit", "5,20", ["high", "high"]),
        ("Normal", "0-7,0-20", ["high", "high"]),
        ("Reference", "<5,<20", ["high", "high"]),
    ],
)
def test_a_row_of_limits_gives_each_marker_that_limit(
    tmp_path: Path, label: str, cells: str, statuses: list[str]
) -> None:
    events = read(tmp_path, f"Sample ID,IL-6 (pg/mL),IL-8 (pg/mL)\n{label},{cells}\nB,4,15\n")
    assert [status for _, _, status, _ in judged(events)] == statuses


def test_a_cut_off_row_is_not_used_and_says_why(tmp_path: Path) -> None:
    """A cut-off may be a positive test's threshold, not where a normal range ends."""
    events = read(tmp_path, "Sample ID,IL-6 (pg/mL)\nCut-off,5\nB,4\n")
    assert judged(events) == [("B", "IL-6", "high", "set")]
    (row,) = [e for e in events if isinstance(e, Issue)]
    assert row.message.endswith(
        "its ranges were not used: a cut-off may not be the end of a normal range"
    )


def test_a_later_range_row_replaces_the_earlier_one(tmp_path: Path) -> None:
    events = read(
        tmp_path,
        "Sample ID,IL-6 (pg/mL)\nReference range,<5\nA,4\nReference range,<3\nB,4\n",
    )
    assert judged(events) == [("A", "IL-6", "normal", "file"), ("B", "IL-6", "high", "file")]


def batches_agree(path: Path) -> str:
    """`panelcli check`'s NDJSON of `path`, checked to be what batches of 1 and 7 rows give."""
    expected = runner.invoke(app, ["check", str(path), "--format", "ndjson"]).stdout
    for rows_per_batch in (1, 7):
        parts = [ndjson_batch(b, RANGES) for b in read_batches(str(path), RANGES, rows_per_batch)]
        assert "".join(ndjson_join(parts, RANGES.info)) == expected, rows_per_batch
    return expected


def big_file(tmp_path: Path, range_row_at: int) -> Path:
    rows = [f"S{i},{i % 7}.5,{i % 13}" for i in range(6000)]
    rows.insert(range_row_at, "Reference range,<5,0-12")
    path = tmp_path / "big.csv"
    path.write_text("Sample ID,IL-6 (pg/mL),IL-8 (pg/mL)\n" + "\n".join(rows) + "\n")
    return path


def one_process(path: Path) -> str:
    batches = Interpreter(RANGES, CheckOptions()).stream_batches([str(path)])
    return "".join(
        t.decode() if isinstance(t, bytes) else t  # type: ignore[misc]
        for t in ndjson_texts(batches, RANGES.info, Tally())
    )


@pytest.mark.parametrize("range_row_at", [0, 10, 5000])
def test_batches_read_a_range_row_as_check_does(tmp_path: Path, range_row_at: int) -> None:
    """Batches after a range row start with its ranges; its own batch's reader reads it."""
    path = big_file(tmp_path, range_row_at)
    expected = one_process(path)
    assert expected.count('"origin":"file"') > 1000
    for rows_per_batch in (1, 7, 1000):
        parts = [ndjson_batch(b, RANGES) for b in read_batches(str(path), RANGES, rows_per_batch)]
        assert "".join(ndjson_join(parts, RANGES.info)) == expected


def test_check_exits_by_the_range_row_s_judgement(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("Sample ID,IL-6 (pg/mL)\nReference range,0-7\nS1,3\n")
    assert runner.invoke(app, ["check", str(path), "-q"]).exit_code == 0


@pytest.mark.parametrize(
    "text",
    [
        # differential test: a decimal comma shown only in a marker's own range column
        'sample_id,IL-17 (pg/mL),IL-17 Reference Range\nS1,3.1,"<7,0"\nS2,2.500,\n',
        "sample_id;IL-17 (pg/mL);IL-17 Reference Range\nS1;3.1;<7,0\nS2;2.500;\n",
        # ... or in a range row's
        'sample_id,IL-17 (pg/mL)\nReference range,"<7,0"\nS1,3.1\nS2,2.500\n',
    ],
)
def test_batches_see_a_decimal_comma_shown_in_a_wide_row_s_own_range(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(text, encoding="utf-8")
    assert '"value-ambiguous-dot"' in batches_agree(path)  # '2.500' after the decimal comma


def test_a_unit_in_the_range_row_s_label_is_its_cells_unit(tmp_path: Path) -> None:
    """Review: 'Reference Range (ng/mL),<0.005' was read in pg/mL, and IL-6 4 was high."""
    events = read(
        tmp_path,
        "Sample ID,IL-6 (pg/mL),IL-8 (pg/mL)\nReference Range (ng/mL),<0.005,<0.02\nB,4,15\n",
    )
    results = [e for e in events if isinstance(e, Result)]
    assert [(r.status, r.reference.text if r.reference else None) for r in results] == [
        ("normal", "< 5 pg/mL"), ("normal", "< 20 pg/mL")
    ]  # fmt: skip


@pytest.mark.parametrize("rows_per_batch", [1, 7])
def test_batches_keep_the_units_row_under_a_range_row(tmp_path: Path, rows_per_batch: int) -> None:
    """Review: in batches every row after the first batch was refused as unit-missing."""
    rows = "".join(f"S{i},{i % 7},{i % 13}\n" for i in range(30))
    path = tmp_path / "wide.csv"
    path.write_text("Sample ID,IL-6,IL-8\nReference range,<5,0-20\n,pg/mL,pg/mL\n" + rows)
    expected = one_process(path)
    assert '"unit-missing"' not in expected
    parts = [ndjson_batch(b, RANGES) for b in read_batches(str(path), RANGES, rows_per_batch)]
    assert "".join(ndjson_join(parts, RANGES.info)) == expected


def test_a_repeated_header_ends_the_range_row_s_ranges(tmp_path: Path) -> None:
    """Review: two exports joined: the first one's range row judged the second one's rows."""
    events = read(
        tmp_path,
        "Sample ID,IL-6 (pg/mL)\nReference range,<5\nA,4\nSample ID,IL-6 (pg/mL)\nB,4\n",
    )
    assert judged(events) == [("A", "IL-6", "normal", "file"), ("B", "IL-6", "high", "set")]


@pytest.mark.parametrize(
    "text",
    [
        # differential test: a range row between a repeated header and its units row
        "Sample,IL-6,IL-8\nUnits,pg/mL,pg/mL\nS1,3,4\nSample,IL-6,IL-8\nReference range,<7,<9\n"
        "Units,pg/mL,pg/mL\nS2,3,4\n",
        # ... and a repeated header under a range row with a decimal comma
        'Probe,IL-6 (pg/mL),IL-10 (pg/mL)\nUpper Limit,,"<9,4"\nProbe,IL-6 (pg/mL),IL-10 (pg/mL)\n'
        "S1,27.464,7.9\n",
    ],
)
def test_batches_of_one_row_agree_around_a_repeated_header(tmp_path: Path, text: str) -> None:
    path = tmp_path / "joined.csv"
    path.write_text(text, encoding="utf-8")
    batches_agree(path)


def test_a_sample_s_blank_person_cells_are_filled_down_from_its_rows_before(tmp_path) -> None:
    """QA: 'F,40' on a sample's first row only: its IL-6 of 60 on the next row was judged as of
    no known sex ('high', where it is critical for women), and --sex M would have judged that
    one sample as two people."""
    from panelcli.check import CheckOptions, check_file

    ranges = tmp_path / "set.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\n[[markers."IL-6".intervals]]\nsex = "female"\n'
        'high = 5.0\ncritical_high = 50\n[[markers."IL-6".intervals]]\nsex = "male"\nhigh = 6.0\n',
        encoding="utf-8",
    )
    data = tmp_path / "fill-down.csv"
    data.write_text(
        "sample_id,patient_id,collected_at,sex,age,marker,value,unit\n"
        "S1,P1,2026-03-02,F,40,IL-6,3,pg/mL\nS1,,,,,IL-6,60,pg/mL\n"
        "S2,P2,2026-03-02,,,IL-6,60,pg/mL\n"  # no sex anywhere: still unknown
        # review: an age slip ('41' beside '40') is no other person: the sex is still filled
        "S3,P3,2026-03-02,F,40,IL-6,3,pg/mL\nS3,P3,2026-03-02,,41,IL-6,60,pg/mL\n",
        encoding="utf-8",
    )
    for options in (CheckOptions(), CheckOptions(sex="male")):
        results = [r for p in check_file(str(data), str(ranges), options).panels for r in p.results]
        assert results[1].status.value == "critical", results[1].note
        assert results[1].note == "range for female"
    panels = check_file(str(data), str(ranges)).panels
    unknown = panels[1].results[0]
    assert unknown.status.value == "high" and "depends on sex" in (unknown.note or "")
    assert panels[2].results[1].status.value == "critical"


def test_fill_down_takes_no_disputed_cell_and_no_age_beside_a_birth_date(tmp_path) -> None:
    """QA: a blank row under 'M' took the sample's first row's 'F' (a low Ferritin read
    normal); and another row's age 40 overrode the row's own birth date of 1950, silently."""
    from panelcli.check import check_file

    data = tmp_path / "rows.csv"
    data.write_text(
        "sample_id,patient_id,collected_at,sex,age,birth_date,marker,value,unit\n"
        "S1,P1,2026-03-02,F,40,,IL-6,4.2,pg/mL\nS1,P1,2026-03-02,M,,,Ferritin,25,ug/L\n"
        "S1,P1,2026-03-02,,,,Ferritin,20,ug/L\n"
        "S2,P2,2026-03-02,F,40,,IL-6,4.2,pg/mL\nS2,P2,2026-03-02,,,1950-05-05,Ferritin,200,ug/L\n",
        encoding="utf-8",
    )
    first, second = check_file(str(data), ranges="mayo-adult").panels
    disputed = first.results[2]
    assert disputed.status.value == "indeterminate" and "depends on sex" in (disputed.note or "")
    own_birth = second.results[1]
    assert (own_birth.status.value, own_birth.note) == (
        "normal",
        "range for female, age 51 and over",
    )


def test_beside_a_printed_range_a_value_past_every_rows_critical_limit_is_critical(
    tmp_path,
) -> None:
    """QA: 120 beside the lab's '0-7', sex unknown, where the women's critical limit is 50 and
    the men's 100, was only high (exit 0 under --fail-on critical): only limits every row
    gave alike were kept."""
    from panelcli.check import check_file

    ranges = tmp_path / "set.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\n[[markers."IL-6".intervals]]\nsex = "female"\n'
        'high = 5.0\ncritical_high = 50\n[[markers."IL-6".intervals]]\nsex = "male"\n'
        "high = 6.0\ncritical_high = 100\n",
        encoding="utf-8",
    )
    data = tmp_path / "printed.csv"
    data.write_text(
        "sample_id,sex,marker,value,unit,reference_range\n"
        "V1,,IL-6,120,pg/mL,0-7\nV3,,IL-6,60,pg/mL,0-7\n",
        encoding="utf-8",
    )
    first, second = (p.results[0] for p in check_file(str(data), str(ranges)).panels)
    assert (first.status.value, second.status.value) == ("critical", "high")


def test_a_value_that_may_be_past_a_critical_limit_says_so_beside_a_printed_range_or_censored(
    tmp_path,
) -> None:
    """QA: 60 beside the lab's '0-7', sex unknown, critical for women (50) but not for men
    (100), was a plain high; '<200' where the critical limit is 100 read as a shrug, whether
    the range was known or depended on the unknown sex."""
    from panelcli.check import check_file

    by_sex = tmp_path / "set.toml"
    by_sex.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\n[[markers."IL-6".intervals]]\nsex = "female"\n'
        'high = 5.0\ncritical_high = 50\n[[markers."IL-6".intervals]]\nsex = "male"\n'
        "high = 6.0\ncritical_high = 100\n",
        encoding="utf-8",
    )
    one = tmp_path / "one.toml"
    one.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nsource = "x"\nhigh = 5.0\ncritical_high = 100\n',
        encoding="utf-8",
    )
    data = tmp_path / "panel.csv"
    data.write_text(
        "sample_id,sex,marker,value,unit,reference_range\n"
        "V3,,IL-6,60,pg/mL,0-7\nV6,,IL-6,<200,pg/mL,\nV7,,IL-6,<200,pg/mL,0-7\n"
        "V8,,IL-6,<40,pg/mL,0-7\n",
        encoding="utf-8",
    )
    printed, by_sex_unknown, censored, short = check_file(str(data), str(by_sex)).panels
    assert printed.results[0].status.value == "high"
    assert "critical by the reference set's range for female" in (printed.results[0].note or "")
    assert "By the range for female, it is past it" in " ".join(printed.summary.text)
    assert "IL-6 is less than 200 pg/mL, so it could be past the critical limit." in " ".join(
        by_sex_unknown.summary.text
    )
    assert "IL-6 is less than 200 pg/mL, so it could be past the critical limit" in " ".join(
        censored.summary.text
    )
    assert "critical" not in " ".join(short.summary.text)  # '<40' is short of both limits
    (alone,) = check_file(str(data), str(one)).panels[2:3]
    assert alone.results[0].status.value == "indeterminate"
    assert "It could even be past the critical limit of 100 pg/mL" in (alone.results[0].note or "")
    assert any(
        "could be past the critical limit of 100 pg/mL" in s and "talked over" in s
        for s in alone.summary.text
    )


def test_an_age_cell_in_whole_years_does_not_choose_between_rows_that_part_within_the_year(
    tmp_path,
) -> None:
    """QA: age '0' was taken as exactly 0 and judged by the row for babies under 6 months,
    where a baby of 8 months has another range."""
    from panelcli.check import check_file

    ranges = tmp_path / "infant.toml"
    ranges.write_text(
        '[markers.Ferritin]\nunit = "µg/L"\nsource = "made up"\n'
        "[[markers.Ferritin.intervals]]\nage_max = 0.5\nlow = 50\nhigh = 400\n"
        "[[markers.Ferritin.intervals]]\nage_min = 0.5\nage_max = 1\nlow = 20\nhigh = 200\n"
        "[[markers.Ferritin.intervals]]\nage_min = 1\nlow = 10\nhigh = 150\n",
        encoding="utf-8",
    )
    data = tmp_path / "babies.csv"
    data.write_text(
        "sample_id,age,birth_date,collected_at,marker,value,unit\n"
        "A,0,,,Ferritin,300,µg/L\nB,0,,,Ferritin,100,µg/L\n"
        "C,0,2026-01-01,2026-03-01,Ferritin,300,µg/L\nD,6 mo,,,Ferritin,300,µg/L\n"
        "E,0.4,,,Ferritin,300,µg/L\nF,3,,,Ferritin,300,µg/L\n",
        encoding="utf-8",
    )
    panels = check_file(str(data), str(ranges)).panels
    assert [p.results[0].status.value for p in panels] == [
        "indeterminate",  # under 6 months normal, from 6 months high
        "normal",  # normal by both rows
        "normal",  # the birth date gives 2 months
        "high",  # '6 mo' lies wholly in the row from 6 months
        "normal",  # '0.4' lies wholly before 6 months
        "high",
    ]
    assert "the age '0' is in whole years" in (panels[0].results[0].note or "")
    assert "The range for Ferritin depends on age, and the file's age is not exact enough" in (
        " ".join(panels[0].summary.text)
    )
    assert (panels[0].results[0].note or "").endswith("(give the birth date, or the age in months)")
    # QA: 'give the birth date' beside a birth date, where the collection date was missing
    data.write_text(
        "sample_id,age,birth_date,collected_at,marker,value,unit\n"
        "A,0,2026-01-01,,Ferritin,300,µg/L\n",
        encoding="utf-8",
    )
    (missing,) = check_file(str(data), str(ranges)).panels
    assert (missing.results[0].note or "").endswith(
        "(give the collection date, or the age in months)"
    )


#: IL-6 by sex: the women's range ends at 7 and is critical from 50, the men's 60 and 100
WOMEN_50_MEN_100 = (
    '[markers."IL-6"]\nunit = "pg/mL"\nsource = "x"\n[[markers."IL-6".intervals]]\n'
    'sex = "female"\nhigh = 7.0\ncritical_high = 50\n[[markers."IL-6".intervals]]\n'
    'sex = "male"\nhigh = 60.0\ncritical_high = 100\n'
)


def test_beside_a_printed_range_only_critical_limits_beyond_it_are_said_and_reached(
    tmp_path,
) -> None:
    """QA: 55 beside '0-80' (sex unknown) was normal, yet its note said 'critical by the
    range for female', whose limit of 50 the printed range takes in; '<80' beside '0-7' may be
    past the women's 50 and nothing said so; nor did the note of '<200' where the range
    depends on the sex; and 70 with the lab's 'HH' was 'only high' after 'could be past the
    critical limit'."""
    from panelcli.check import check_file

    ranges = tmp_path / "set.toml"
    ranges.write_text(WOMEN_50_MEN_100, encoding="utf-8")
    data = tmp_path / "printed.csv"
    data.write_text(
        "sample_id,marker,value,unit,reference_range,flag\n"
        "A,IL-6,55,pg/mL,0-80,\nB,IL-6,<80,pg/mL,0-7,\nC,IL-6,<200,pg/mL,,\n"
        "D,IL-6,70,pg/mL,0-7,HH\n",
        encoding="utf-8",
    )
    taken_in, reaching, unknown, marked = check_file(str(data), str(ranges)).panels
    assert (taken_in.results[0].status.value, taken_in.results[0].note) == (
        "normal",
        None,
    )
    assert "critical" not in " ".join(taken_in.summary.text)
    assert (reaching.results[0].note or "").endswith(
        "it could be past the critical limit of the set's range for female, which may be the "
        "person's"
    )
    assert "IL-6 is less than 80 pg/mL, so it could be past the critical limit." in " ".join(
        reaching.summary.text
    )
    assert (unknown.results[0].note or "").endswith(
        "it could be past the critical limit of the set's range for female or male, which may "
        "be the person's"
    )
    said = " ".join(marked.summary.text)
    assert "By the range for female, it is past it" in said
    assert "only high" not in said


def test_age_option_zero_and_a_month_age_beside_a_birth_date(tmp_path) -> None:
    """QA: '--age 0' chose the row for babies under 6 months, where an age cell '0' is any
    age under 1; and '6 mo' beside a birth date that gives 5 months 26 days was used without
    a word, though the whole months differ (and so does the row)."""
    from panelcli.check import CheckOptions, check_file

    ranges = tmp_path / "infant.toml"
    ranges.write_text(
        '[markers."IL-8"]\nunit = "pg/mL"\nsource = "made up"\n'
        '[[markers."IL-8".intervals]]\nage_max = 0.5\nhigh = 20.0\n'
        '[[markers."IL-8".intervals]]\nage_min = 0.5\nhigh = 10.0\n',
        encoding="utf-8",
    )
    data = tmp_path / "baby.csv"
    data.write_text("sample_id,marker,value,unit\nC1,IL-8,15,pg/mL\n", encoding="utf-8")
    for age, status in ((0, "indeterminate"), (0.4, "normal"), (1, "high")):
        report = check_file(str(data), str(ranges), CheckOptions(age=age))
        assert report.panels[0].results[0].status.value == status, age
    report = check_file(str(data), str(ranges), CheckOptions(age=0))
    assert (report.panels[0].results[0].note or "").startswith(
        "the age given with --age (under 1) is in whole years"
    )
    data.write_text(
        "sample_id,age,birth_date,collected_at,marker,value,unit\n"
        "Z1,6 mo,2025-10-15,2026-04-10,IL-8,15,pg/mL\n",
        encoding="utf-8",
    )
    (conflict,) = [w for w in check_file(str(data), str(ranges)).warnings]
    assert conflict.code == "person-conflict"
    assert conflict.message.startswith("age 6 months does not match the birth date")


def test_a_printed_range_beside_rows_that_depend_on_the_person_gets_its_warning(
    tmp_path,
) -> None:
    """QA: with the sex known, '0-80' got range-disagrees (and the critical limit it takes in
    was said not to apply); with the sex unknown, nothing was said."""
    from panelcli.check import check_file

    ranges = tmp_path / "set.toml"
    ranges.write_text(WOMEN_50_MEN_100, encoding="utf-8")
    data = tmp_path / "printed.csv"
    data.write_text(
        "sample_id,marker,value,unit,reference_range\nA,IL-6,55,pg/mL,0-80\n", encoding="utf-8"
    )
    (warning,) = check_file(str(data), str(ranges)).warnings
    assert warning.code == "range-disagrees" and warning.line == 2
    assert (
        "differs from the reference set's ranges, one of which may be the person's (female: "
        in warning.message
    )
    assert warning.message.endswith("the set's critical limit (≥ 100 pg/mL) still applies")


def test_an_age_cell_of_zero_with_the_sex_unknown_still_leaves_the_age_open(tmp_path) -> None:
    """Review: with sex rows too, each age's choice was 'no bounds' alike, so age '0' took
    the rows for under 6 months: 300 was normal for a baby who may be 8 months old."""
    from panelcli.check import check_file

    ranges = tmp_path / "infant.toml"
    rows = "".join(
        f'[[markers.Ferritin.intervals]]\nsex = "{sex}"\n{ages}\nlow = 20\nhigh = {high}\n'
        for sex, ages, high in (
            ("female", "age_max = 0.5", 400), ("female", "age_min = 0.5", 200),
            ("male", "age_max = 0.5", 350), ("male", "age_min = 0.5", 250),
        )
    )  # fmt: skip
    ranges.write_text(
        f'[markers.Ferritin]\nunit = "µg/L"\nsource = "made up"\n{rows}', encoding="utf-8"
    )
    data = tmp_path / "baby.csv"
    data.write_text(
        "sample_id,sex,age,marker,value,unit\nA,,0,Ferritin,300,µg/L\nB,,0,Ferritin,100,µg/L\n",
        encoding="utf-8",
    )
    first, second = check_file(str(data), str(ranges)).panels
    assert first.results[0].status.value == "indeterminate"
    assert second.results[0].status.value == "normal"  # normal by all four rows


def test_age_option_in_months_and_where_the_dates_give_no_age(tmp_path) -> None:
    """Review: '--age 7 mo' was taken as exact, where a cell '7 mo' is that month; and where
    a birth date after the collection gave no age, '--age 0' chose the row for under 6
    months."""
    from typer.testing import CliRunner

    from panelcli.cli import app

    ranges = tmp_path / "infant.toml"
    ranges.write_text(
        '[markers."IL-8"]\nunit = "pg/mL"\nsource = "made up"\n'
        '[[markers."IL-8".intervals]]\nage_max = 0.625\nhigh = 20.0\n'
        '[[markers."IL-8".intervals]]\nage_min = 0.625\nhigh = 10.0\n',
        encoding="utf-8",
    )
    data = tmp_path / "baby.csv"
    data.write_text(
        "sample_id,birth_date,collected_at,marker,value,unit\nC1,,,IL-8,15,pg/mL\n"
        "C2,2026-05-01,2026-03-01,IL-8,15,pg/mL\n",
        encoding="utf-8",
    )
    for age in ("7 mo", "0"):
        out = CliRunner().invoke(
            app, ["check", str(data), "-r", str(ranges), "--age", age, "-f", "json"]
        )
        statuses = [p["results"][0]["status"] for p in json.loads(out.stdout)["panels"]]
        assert statuses == ["indeterminate", "indeterminate"], age


def test_a_printed_range_that_is_every_rows_range_is_judged_as_if_none_were_printed(
    tmp_path,
) -> None:
    """Review: '0-7' beside rows of '≤ 7' that differ only in their critical limits got a
    range-disagrees warning."""
    from panelcli.check import check_file

    ranges = tmp_path / "set.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nsource = "x"\n[[markers."IL-6".intervals]]\n'
        'sex = "female"\nhigh = 7.0\ncritical_high = 50\n[[markers."IL-6".intervals]]\n'
        'sex = "male"\nhigh = 7.0\ncritical_high = 100\n',
        encoding="utf-8",
    )
    data = tmp_path / "printed.csv"
    data.write_text(
        "sample_id,marker,value,unit,reference_range\nA,IL-6,60,pg/mL,0-7\n", encoding="utf-8"
    )
    report = check_file(str(data), str(ranges))
    assert report.warnings == []
    assert report.panels[0].results[0].status.value == "high"
    assert "critical by the one for female" in (report.panels[0].results[0].note or "")
