"""Serial results: per-marker trends for a patient tested on several dates (pure core)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from panelcli.check import check_file, check_files
from panelcli.models import PatientTrend, Report, Status, TrendPoint
from panelcli.samples import find_sample
from panelcli.trends import (
    BEFORE_1900,
    NAMES_NO_DAY,
    PLACEHOLDER,
    TWO_DIGIT_YEAR,
    UNREADABLE,
    direction_of,
    find_trends,
    may_be_one_moment,
    read_date,
    why_no_date,
)


def _serial_report() -> Report:
    sample = find_sample("serial-monitoring")
    assert sample is not None
    return check_file(str(sample.path))


def test_the_serial_sample_gives_one_trend_per_marker_over_five_dates() -> None:
    report = _serial_report()
    assert len(report.trends) == 1
    trend = report.trends[0]
    assert trend.patient_id == "SYNTH-006"
    assert trend.dates == ["2026-07-01", "2026-07-02", "2026-07-03", "2026-07-05", "2026-07-08"]
    by_marker = {m.marker: m for m in trend.markers}
    assert set(by_marker) == {"IL-6", "IFN-γ", "IL-10", "TNF-α"}
    il6 = by_marker["IL-6"]
    assert [p.value for p in il6.points] == [3.1, 14.8, 36.2, 9.7, 2.2]
    assert il6.direction == "rose then fell"
    assert il6.highest is not None and il6.highest.collected_at == "2026-07-03"
    assert il6.unit == "pg/mL" and il6.reference == "≤ 2.5 pg/mL"


def test_the_serial_sample_says_in_words_which_markers_rose_and_where_they_ended() -> None:
    text = " ".join(_serial_report().trends[0].text)
    assert "tested on 5 dates, from 2026-07-01 to 2026-07-08" in text
    assert "IL-6, IFN-γ, IL-10 and TNF-α rose and then fell again" in text
    assert "highest on 2026-07-03" in text
    # IL-6 was high at the first test, so it is not "back" (educator QA: one sentence), but
    # plain "was inside" read as if it had never been out (regression QA)
    assert (
        "At the last test, IL-6 had moved into the range, and IFN-γ, IL-10 and TNF-α were back "
        "inside it." in text
    )


def test_single_date_panels_have_no_trend() -> None:
    sample = find_sample("cytokine-storm")
    assert sample is not None
    assert check_file(str(sample.path)).trends == []


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([1.0, 2.0, 4.0], "rising"),
        ([4.0, 2.0, 1.0], "falling"),
        ([3.0, 3.2, 2.9], "steady"),
        ([1.0, 9.0, 1.1], "rose then fell"),
        ([9.0, 1.0, 8.0], "fell then rose"),
        ([0.0, 0.5], "rising"),
        ([2.0], "steady"),
    ],
)
def test_direction(values: list[float], expected: str) -> None:
    assert direction_of(values) == expected


def test_values_all_below_detection_are_steady_whatever_the_numbers() -> None:
    assert direction_of([0.5, 2.0], all_censored_low=True) == "steady"


def test_dates_are_ordered_in_time_and_rows_across_files_join(tmp_path: Path) -> None:
    header = "sample_id,patient_id,collected_at,marker,value,unit\n"
    later = tmp_path / "later.csv"
    later.write_text(header + "B,P-9,2026-01-10,IL-6,9.0,pg/mL\nB,P-9,2026-01-10,XYZ,1,pg/mL\n")
    earlier = tmp_path / "earlier.csv"
    earlier.write_text(header + "A,P-9,2026-01-02,IL-6,1.0,pg/mL\nA,P-9,2026-01-02,XYZ,7,U/mL\n")
    report = check_files([str(later), str(earlier)])
    (trend,) = report.trends
    assert trend.dates == ["2026-01-02", "2026-01-10"]
    # A marker with no reference range may be in any unit, so it gets no trend.
    assert [(m.marker, m.direction) for m in trend.markers] == [("IL-6", "rising")]
    assert "IL-6 rose from the first test to the last." in trend.text
    # 1.0 was inside the range, so 9.0 is outside at the last test, not "still" outside.
    assert "At the last test, IL-6 was above the range." in trend.text


def test_find_trends_ignores_panels_without_patient_or_date() -> None:
    sample = find_sample("messy-export")  # two samples, no patient id
    assert sample is not None
    report = check_file(str(sample.path))
    assert len(report.panels) == 2
    assert find_trends(report.panels) == []


def test_a_date_panelcli_cannot_read_is_left_out_and_named(tmp_path: Path) -> None:
    """2026-03-05, 2026-03-01, 'yesterday' were taken in the file's order, 'rising' from 1 to
    20, though the two dates that can be read show a fall (found in QA)."""
    path = tmp_path / "mixed.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "S1,P1,2026-03-05,IL-6,1,pg/mL\nS2,P1,2026-03-01,IL-6,9,pg/mL\n"
        "S5,P1,yesterday,IL-6,20,pg/mL\n"
        "S3,P2,14.09.2026,IL-6,5,pg/mL\nS4,P2,02.01.2026,IL-6,1,pg/mL\n",
        encoding="utf-8",
    )
    trends = {t.patient_id: t for t in check_file(str(path)).trends}
    assert trends["P1"].dates == ["2026-03-01", "2026-03-05"]
    assert trends["P1"].markers[0].direction == "falling"
    assert [p.sample_id for p in trends["P1"].markers[0].points] == ["S2", "S1"]
    assert trends["P1"].text[-2:] == [
        "Sample S5 of patient P1 has a date that cannot be read, so it is not part of these "
        "changes. The date is 'yesterday'.",
        # 'falling' leaves out the highest test: said (QA)
        "These changes leave out the result of sample S5: its IL-6 was high.",
    ]
    from test_plain_language import MAX_GRADE, grade, sentences

    assert [s for t in trends["P1"].text for s in sentences(t) if grade(s) > MAX_GRADE] == []
    # Day.month.year is read as a date: the January test comes first.
    assert trends["P2"].dates == ["02.01.2026", "14.09.2026"]
    assert "from 02.01.2026 to 14.09.2026" in trends["P2"].text[0]


def test_still_outside_only_when_the_test_before_was_outside_too(tmp_path: Path) -> None:
    """IL-10 1 → 3 → 30 is outside only at the last test: 'still' would say it was before."""
    header = "sample_id,patient_id,collected_at,marker,value,unit\n"
    rows = [
        ("2026-01-01", "IL-10", "1"), ("2026-01-02", "IL-10", "3"), ("2026-01-03", "IL-10", "30"),
        ("2026-01-01", "IL-6", "1"), ("2026-01-02", "IL-6", "9"), ("2026-01-03", "IL-6", "30"),
    ]  # fmt: skip
    path = tmp_path / "serial.csv"
    path.write_text(header + "".join(f"S{d},P-1,{d},{m},{v},pg/mL\n" for d, m, v in rows))
    (trend,) = check_file(str(path)).trends
    assert "At the last test, IL-10 was above the range, and IL-6 was still above it." in trend.text
    assert not any("IL-10 was still" in t or "were still" in t for t in trend.text)


def test_times_with_offsets_are_ordered_in_utc(tmp_path: Path) -> None:
    """10:00+05:00 is before 06:00Z: IL-6 fell from 30 to 1, not rose (found in review)."""
    path = tmp_path / "tz.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "A,PT,2026-05-20T10:00:00+05:00,IL-6,30,pg/mL\n"
        "B,PT,2026-05-20T06:00:00Z,IL-6,1,pg/mL\n"
    )
    (trend,) = check_file(str(path)).trends
    assert trend.markers[0].direction == "falling"
    assert trend.dates == ["2026-05-20T10:00:00+05:00", "2026-05-20T06:00:00Z"]


def test_one_day_written_two_ways_is_one_date(tmp_path: Path) -> None:
    """'20.05.2026' and '2026-05-20' were two dates, in file order (found in review)."""
    path = tmp_path / "dd.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\nA,PT,20.05.2026,IL-6,3,pg/mL\n"
        "B,PT,2026-05-20,IL-8,1,pg/mL\nC,PT,2026-06-01,IL-6,1,pg/mL\n"
    )
    (trend,) = check_file(str(path)).trends
    assert trend.dates == ["20.05.2026", "2026-06-01"]
    assert trend.text[0] == "Patient PT was tested on 2 dates, from 20.05.2026 to 2026-06-01."


def test_a_patient_s_sample_with_no_date_is_said_to_be_left_out(tmp_path: Path) -> None:
    """Sample C (no date, normal) vanished from the trend, which then ended 'still outside
    the range' as if C were not the file's last test (found in review)."""
    path = tmp_path / "serial.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "A,P1,2026-01-01,IL-6,3,pg/mL\nB,P1,2026-03-01,IL-6,30,pg/mL\nC,P1,,IL-6,1,pg/mL\n"
    )
    (trend,) = check_file(str(path)).trends
    assert trend.text[-2:] == [
        "Sample C of patient P1 has no date, so it is not part of these changes.",
        "These changes leave out the result of sample C: it was inside the range.",
    ]


def test_the_same_undated_sample_in_two_files_is_one_sample_in_the_sentence(
    tmp_path: Path,
) -> None:
    rows = "sample_id,patient_id,collected_at,marker,value,unit\n"
    dated = rows + "A,P1,2026-01-01,IL-6,3,pg/mL\nB,P1,2026-03-01,IL-6,30,pg/mL\n"
    undated = rows + "C,P1,,IL-6,1,pg/mL\n"
    (tmp_path / "a.csv").write_text(dated + "C,P1,,IL-6,1,pg/mL\n")
    (tmp_path / "b.csv").write_text(undated)
    (trend,) = check_files([str(tmp_path / "a.csv"), str(tmp_path / "b.csv")]).trends
    assert trend.text[-2:] == [
        "Sample C of patient P1 has no date, so it is not part of these changes.",
        "These changes leave out the result of sample C: it was inside the range.",  # one
    ]


def test_a_trend_whose_first_test_was_too_high_to_measure_fell_from_it(
    tmp_path: Path,
) -> None:
    """'OOR >' (too high to measure, no number), 30, 3: the first test is above every number
    the test measured, so IL-6 fell from it (it was said to fall only "over the tests that
    can be compared"; QA then found 1.0, 'OOR >', 1.1 said to stay the same)."""
    path = tmp_path / "serial.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "A,P1,2026-01-01,IL-6,OOR >,pg/mL\nB,P1,2026-02-01,IL-6,30,pg/mL\n"
        "C,P1,2026-03-01,IL-6,3,pg/mL\n"
    )
    (trend,) = check_file(str(path)).trends
    assert "IL-6 fell from the first test to the last." in trend.text


@pytest.mark.parametrize(
    ("values", "said"),
    [
        (("3", "20", "ND"), "IL-10 rose and then fell again. It was highest on 2026-02-01."),
        (("ND", "30", "3"), "IL-10 rose and then fell again. It was highest on 2026-02-01."),
        (("ND", "3", "30"), "IL-10 rose from the first test to the last."),
        (("30", "3", "ND"), "IL-10 fell from the first test to the last."),
        # '<1' only where no number measured is under 1: 0.5 → <1 may have risen (QA)
        (
            ("3", "0.5", "<1"),
            "IL-10 was lower at the last test than at the first. What it did in between "
            "cannot be told, as some results are only known to be under or over a limit.",
        ),
        (
            ("<1", "0.5", "3"),
            "IL-10 was higher at the last test than at the first. What it did in between "
            "cannot be told, as some results are only known to be under or over a limit.",
        ),
        (("3", "1", "<1"), "IL-10 fell from the first test to the last."),
        # 'ND' is under the lowest number measured, by how much unknown: 3 → 3 → ND may be
        # 2.9 (it was 'fell', QA); 30 → 3 → ND did fall, whatever 'ND' was
        (("3", "3", "ND"), "Whether IL-10 rose or fell cannot be told."),
        (("<2", "<2", "ND"), "IL-10 stayed about the same."),
    ],
)
def test_below_detection_with_no_number_counts_as_lowest(
    tmp_path: Path, values: tuple[str, str, str], said: str
) -> None:
    """3 → 20 → ND was 'rising' ('rose over the tests that have a number'): the last test
    found too little to detect, so it fell (found in QA)."""
    assert said in three_tests(tmp_path, "IL-10", values).text


def three_tests(tmp_path: Path, marker: str, values: tuple[str, str, str]) -> PatientTrend:
    """The trend of one marker tested on 2026-01-01, 2026-02-01 and 2026-03-01."""
    dates = ("2026-01-01", "2026-02-01", "2026-03-01")
    rows = "".join(
        f"S{n},P1,{d},{marker},{v},pg/mL\n" for n, (d, v) in enumerate(zip(dates, values))
    )
    return the_trend(tmp_path, rows)


def test_the_trend_table_says_below_detection_not_a_question_mark(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from panelcli.cli import app

    path = tmp_path / "serial.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "A,P1,2026-01-01,IL-10,3,pg/mL\nB,P1,2026-02-01,IL-10,20,pg/mL\n"
        "C,P1,2026-03-01,IL-10,ND,pg/mL\n"
    )
    result = CliRunner().invoke(app, ["check", str(path)], env={"COLUMNS": "160"})
    assert "3 pg/mL → below detection" in result.stdout
    assert "rose, then fell" in result.stdout


def the_trend(tmp_path: Path, rows: str, ranges: bool = False) -> PatientTrend:
    """The one trend of a long file with these rows (sample, patient, date, marker, value, unit
    and, with `ranges`, reference_range)."""
    path = tmp_path / "serial.csv"
    header = "sample_id,patient_id,collected_at,marker,value,unit"
    path.write_text(header + (",reference_range\n" if ranges else "\n") + rows)
    (trend,) = check_file(str(path)).trends
    return trend


def test_from_above_the_range_to_below_it_is_not_still_outside(tmp_path: Path) -> None:
    """sIL-2R 2000 (high) then 100 (low) was 'still outside the range' (found in QA), and then
    'outside the range', read as still high (a later QA round): it is below it."""
    trend = the_trend(
        tmp_path, "A,P1,2026-01-01,sIL-2R,2000,pg/mL\nB,P1,2026-02-01,sIL-2R,100,pg/mL\n"
    )
    assert "At the last test, sIL-2R was below the range." in trend.text
    assert not any("still" in t for t in trend.text)


@pytest.mark.parametrize(
    ("values", "direction"),
    [
        (("<10", "2"), "unclear"),
        (("3", "<5"), "unclear"),
        ((">100", "150"), "unclear"),
        (("10", "<10"), "falling"),
        (("<2", "30"), "rising"),
        (("150", ">100"), "unclear"),
        ((">200", "150"), "falling"),
        # only limits, and not all below detection: nothing fixes the order (QA)
        ((">20", ">100"), "unclear"),
        (("<10", ">5"), "unclear"),
        ((">5", "ND"), "unclear"),
        (("ND", "<1"), "steady"),  # below detection both times: no change it could show
        (("<2.0", "<2.0"), "steady"),
        # '<1' then '<10' may have risen ninefold: steady only where the limits are close (QA)
        (("<1", "<10"), "unclear"),
        (("<10", "<1"), "unclear"),
        # every limit below under every limit above: that order is known (QA: '<2' then
        # '>1000' had no highest, and the most alarming marker's cell said '-')
        (("<2", ">1000"), "rising"),
        ((">1000", "<2"), "falling"),
        (("<2", "<2", ">1000"), "rising"),
        (("<1", "<10", ">1000"), "unclear"),  # '<1' then '<10' is no known order
        (("<20", ">10"), "unclear"),
        # after a number as before it: '<5' then '<2' may have risen (QA: it was 'falling')
        (("10", "<5", "<2"), "unclear"),
        (("10", "<2", "<2"), "falling"),
        (("10", "<10", "<9"), "falling"),  # limits within the factor: one level
    ],
)
def test_a_censored_result_is_placed_only_where_its_limit_allows(
    tmp_path: Path, values: tuple[str, str], direction: str
) -> None:
    """'<10' then 2 was 'rising' (a reader sees 10 → 2), '3' then '<5' 'falling', '>100'
    then 150 'rising' with 150 the highest (found in QA)."""
    rows = "".join(f"S{n},P1,2026-01-0{n + 1},IL-8,{v},pg/mL\n" for n, v in enumerate(values))
    (marker,) = the_trend(tmp_path, rows).markers
    assert marker.direction == direction
    if direction == "unclear" and ">1000" not in values:
        assert marker.highest is None or marker.highest.comparator is None
    if ">1000" in values:  # above every limit below it: the highest, shown as '>1000'
        assert marker.highest is not None
        assert (marker.highest.comparator, marker.highest.value) == (">", 1000.0)


def test_a_marker_not_measured_at_the_last_test_ends_at_its_own(tmp_path: Path) -> None:
    """'At the last test, sIL-2R was outside the range' of a marker not measured then (QA)."""
    trend = the_trend(
        tmp_path,
        "A,P1,2026-01-01,sIL-2R,100,pg/mL\nA,P1,2026-01-01,IL-6,3,pg/mL\n"
        "B,P1,2026-01-05,sIL-2R,2000,pg/mL\nB,P1,2026-01-05,IL-6,10,pg/mL\n"
        "C,P1,2026-01-09,IL-6,12,pg/mL\n",
    )
    assert "At the last test, IL-6 was still above the range." in trend.text
    assert "At its last test, on 2026-01-05, sIL-2R was above the range." in trend.text


def test_with_dates_in_file_order_a_marker_still_ends_at_its_own_last_test(
    tmp_path: Path,
) -> None:
    """'01/02/2026' dates (unreadable: file order) gave 'At the last test' of a marker not
    measured then (found in QA)."""
    trend = the_trend(
        tmp_path,
        "A,P1,05/03/2026,IL-8,30,pg/mL\nA,P1,05/03/2026,IL-6,3,pg/mL\n"
        "B,P1,06/04/2026,IL-8,40,pg/mL\nB,P1,06/04/2026,IL-6,4,pg/mL\n"
        "C,P1,03/05/2026,IL-6,5,pg/mL\n",
    )
    assert "At its last test, on 06/04/2026, IL-8 was still above the range." in trend.text
    # No date can be read, nor are they in one order both ways (5 March, 6 April, 3 May or
    # 3 May, 4 June, 5 March), so the file's order is used, and said to be.
    assert trend.text[0] == (
        "Patient P1 was tested on 3 dates. panelcli cannot read the dates '05/03/2026', "
        "'06/04/2026' and '03/05/2026', so the tests are taken in the order of the file."
    )  # QA: only the first of them was named ('yesterday', not 'today')


def test_a_censored_result_the_trend_cannot_place_is_a_gap_in_the_sparkline(
    tmp_path: Path,
) -> None:
    """'5, 2, <10' drew '<10' as the lowest point beside 'cannot tell' (found in QA)."""
    from panelcli.trends import placed

    (marker,) = the_trend(
        tmp_path, "A,P1,2026-01-01,IL-8,5,pg/mL\nB,P1,2026-01-02,IL-8,2,pg/mL\n"
        "C,P1,2026-01-03,IL-8,<10,pg/mL\n",
    ).markers  # fmt: skip
    assert placed(marker.points) == [5.0, 2.0, None]


def test_a_date_and_a_date_with_a_time_on_the_same_day_are_one_date(tmp_path: Path) -> None:
    """'2026-03-02' and '2026-03-02T08:00' were two of '3 dates' (found in QA)."""
    trend = the_trend(
        tmp_path,
        "A,P1,2026-03-02,IL-6,5,pg/mL\nB,P1,2026-03-02T08:00,IL-6,4.5,pg/mL\n"
        "C,P1,2026-03-05,IL-6,1,pg/mL\n",
    )
    assert trend.dates == ["2026-03-02", "2026-03-05"]
    assert trend.text[0] == "Patient P1 was tested on 2 dates, from 2026-03-02 to 2026-03-05."
    points = trend.markers[0].points
    assert [p.trend_date for p in points] == ["2026-03-02"] * 2 + ["2026-03-05"]
    # The time written is kept: the JSON dropped it (found in QA).
    assert [p.collected_at for p in points] == ["2026-03-02", "2026-03-02T08:00", "2026-03-05"]


def test_the_same_reading_in_two_files_is_one_point(tmp_path: Path) -> None:
    """S1 in x1.csv and x2.csv drew three points over two dates, S1 twice in JSON (QA)."""
    reading = "S1,P1,2026-01-01,IL-6,5,pg/mL\n"
    header = "sample_id,patient_id,collected_at,marker,value,unit\n"
    (tmp_path / "x1.csv").write_text(header + reading)
    (tmp_path / "x2.csv").write_text(header + reading + "S2,P1,2026-01-05,IL-6,2,pg/mL\n")
    report = check_files([str(tmp_path / "x1.csv"), str(tmp_path / "x2.csv")])
    assert len(report.panels) == 3  # by design: each file's S1 names its file
    (marker,) = report.trends[0].markers
    assert [(p.sample_id, p.value) for p in marker.points] == [("S1", 5.0), ("S2", 2.0)]
    assert marker.direction == "falling"


@pytest.mark.parametrize(
    ("rows", "said"),
    [
        # '5, 1' on one date then 3 was '↘↗ fell, then rose': 1 may have been taken first (QA)
        (
            "S1,P1,2026-03-01,IL-6,5,pg/mL\nS1b,P1,2026-03-01,IL-6,1,pg/mL\n"
            "S2,P1,2026-03-05,IL-6,3,pg/mL\n",
            "Whether IL-6 rose or fell cannot be told.",
        ),
        # a day written without a time is in no order beside a timed test that day
        (
            "S1,P1,2026-03-01,IL-6,1,pg/mL\nS2,P1,2026-03-05,IL-6,3,pg/mL\n"
            "S3,P1,2026-03-05T08:00,IL-6,30,pg/mL\n",
            # higher either way, but 1 → 30 → 3 would have risen, then fallen
            "IL-6 was higher at the last test than at the first. What it did in between "
            "cannot be told.",
        ),
    ],
)
def test_no_direction_is_claimed_between_tests_in_no_known_order(
    tmp_path: Path, rows: str, said: str
) -> None:
    trend = the_trend(tmp_path, rows)
    (marker,) = trend.markers
    assert marker.direction == "unclear"
    assert said in trend.text
    when = marker.points[0].trend_date if "S1b" in rows else marker.points[-1].trend_date
    assert (
        f"IL-6 was tested more than once on {when}, and which of those tests came first is not "
        "known." in trend.text
    )


@pytest.mark.parametrize(
    ("rows", "direction"),
    [
        # two tests on the first date, both far under the last: it rose whichever came first
        (
            "S1,P1,2026-03-01,IL-6,1,pg/mL\nS1b,P1,2026-03-01,IL-6,1.1,pg/mL\n"
            "S2,P1,2026-03-05,IL-6,30,pg/mL\n",
            "rising",
        ),
        # 2 and 9 on one date, then 1, then 20: '2, 9, 1, 20' turned twice, '9, 2, 1, 20' once
        (
            "A,P1,2026-01-01,IL-6,2,pg/mL\nB,P1,2026-01-01,IL-6,9,pg/mL\n"
            "C,P1,2026-01-02,IL-6,1,pg/mL\nD,P1,2026-01-03,IL-6,20,pg/mL\n",
            "unclear",
        ),
    ],
)
def test_a_direction_is_said_only_where_every_order_agrees(
    tmp_path: Path, rows: str, direction: str
) -> None:
    trend = the_trend(tmp_path, rows)
    assert trend.markers[0].direction == direction
    assert any("came first" in t for t in trend.text) == (direction == "unclear")


def test_the_last_test_is_not_judged_when_that_date_s_tests_differ(tmp_path: Path) -> None:
    """2 (inside) and 30 (outside) on the last date: which was last is not known."""
    trend = the_trend(
        tmp_path,
        "A,P1,2026-03-01,IL-6,1,pg/mL\nB,P1,2026-03-05,IL-6,2,pg/mL\nC,P1,2026-03-05,IL-6,30,pg/mL\n",
    )
    assert not any(t.startswith("At the last test") for t in trend.text)


def test_sentences_about_unknown_order_and_limits_are_easy_to_read(tmp_path: Path) -> None:
    from test_plain_language import MAX_GRADE, grade, sentences

    rows = (
        "S1,P1,2026-03-01,IL-6,5,pg/mL\nS1b,P1,2026-03-01,IL-6,1,pg/mL\n"
        "S2,P1,2026-03-05,IL-6,3,pg/mL\nS1,P1,2026-03-01,IL-8,1,pg/mL\n"
        "S2,P1,2026-03-05,IL-8,3,pg/mL\nS3,P1,2026-03-05T08:00,IL-8,30,pg/mL\n"
    )
    text = the_trend(tmp_path, rows).text
    scored = [(grade(s), s) for t in text[1:] for s in sentences(t)]
    assert len(scored) >= 4
    assert [(g, s) for g, s in scored if g > MAX_GRADE] == []


@pytest.mark.parametrize(
    ("values", "said"),
    [
        # '<10' between 2 and 1 may be up to 10: '↘ falling' hid a possible peak (QA)
        (("2", "<10", "1"), "IL-6 was lower at the last test than at the first."),
        (("5", "<10", "2"), "IL-6 was lower at the last test than at the first."),
        (("1", "<10", "3"), "IL-6 was higher at the last test than at the first."),
        (("2", ">1", "1"), "IL-6 was lower at the last test than at the first."),
    ],
)
def test_a_limit_between_two_numbers_leaves_the_shape_untold(
    tmp_path: Path, values: tuple[str, str, str], said: str
) -> None:
    trend = three_tests(tmp_path, "IL-6", values)
    (marker,) = trend.markers
    assert marker.direction == "unclear"
    assert (
        f"{said} What it did in between cannot be told, as some results are only known to be "
        "under or over a limit." in trend.text
    )
    assert marker.highest is None  # the middle may be the highest


@pytest.mark.parametrize(
    ("values", "direction"),
    [
        (("30", "<10", "20"), "fell then rose"),  # under 10, between 30 and 20: a dip
        (("1", ">100", "2"), "rose then fell"),  # over 100 between 1 and 2: a peak either way
        (("5", "<2", "2"), "fell then rose"),  # placed lowest: a dip
    ],
)
def test_a_limit_between_two_numbers_keeps_a_shape_it_cannot_change(
    tmp_path: Path, values: tuple[str, str, str], direction: str
) -> None:
    assert three_tests(tmp_path, "IL-6", values).markers[0].direction == direction


def test_back_inside_the_range_only_when_it_was_inside_before(tmp_path: Path) -> None:
    """30 → 10 → 2 ended 'back inside the range', though 30 was never inside (found in QA)."""
    endings = {
        values: three_tests(tmp_path, "IL-6", values).text[-1]
        for values in (("30", "10", "2"), ("30", "1", "2"), ("1", "30", "2"))
    }
    assert endings == {
        ("30", "10", "2"): "At the last test, IL-6 had moved into the range.",
        ("30", "1", "2"): "At the last test, IL-6 had moved into the range.",
        ("1", "30", "2"): "At the last test, IL-6 was back inside the range.",
    }


def test_many_tests_on_one_date_do_not_slow_the_trend_down(tmp_path: Path) -> None:
    """Each order of 300 tests on each of two dates was tried in full: 18 s for one marker. The
    series tried stay few, however many tests a date has (counted, not timed)."""
    from panelcli.trends import possible_series, trend_direction

    points = [
        TrendPoint(
            collected_at=day, source="a.csv", line=n + 1, value=float(n), status=Status.NORMAL
        )
        for day in ("2026-01-01", "2026-01-02")
        for n in range(1, 301)
    ]
    assert trend_direction(points) == "unclear"
    assert len(possible_series(points)) <= 16


@pytest.mark.parametrize(
    ("values", "direction"),
    [
        (("9", "2", ">5"), "fell then rose"),  # '>5' after 2 is a rise, whatever it was
        (("<10", "30", "2"), "rose then fell"),  # '<10' then 30 is a rise
        (("2", "9", "<10"), "unclear"),  # '<10' may be under 9, or over it
        (("<10", "2", "9"), "unclear"),  # '<10' may be under 2, or over it
        (("9", "20", ">5"), "unclear"),  # '>5' may be under 20, or over it
    ],
)
def test_a_limit_at_either_end_is_not_skipped(
    tmp_path: Path, values: tuple[str, str, str], direction: str
) -> None:
    """9, 2, '>5' was '↘ falling' ('fell over the tests that can be compared'): the end test
    was skipped, so the rise it certainly shows was hidden (found in QA)."""
    trend = three_tests(tmp_path, "IL-6", values)
    assert trend.markers[0].direction == direction
    assert not any("can be compared." in t for t in trend.text)


def test_a_time_with_no_zone_is_in_no_known_order_beside_one_with_a_zone(
    tmp_path: Path,
) -> None:
    """08:00 (no zone) was put after 07:30Z, so 9 → 2 read as a fall; 08:00 may be in any
    zone, so the two are in no known order, as tests on one day with no times are (QA)."""
    trend = the_trend(
        tmp_path,
        "S1,P1,2026-03-01,IL-6,1,pg/mL\nS2,P1,2026-03-02T08:00,IL-6,2,pg/mL\n"
        "S3,P1,2026-03-02T07:30Z,IL-6,9,pg/mL\n",
    )
    assert trend.dates == ["2026-03-01", "2026-03-02"]
    assert trend.markers[0].direction == "unclear"
    assert (
        "IL-6 was tested more than once on 2026-03-02, and which of those tests came first is "
        "not known." in trend.text
    )


def test_a_date_in_no_known_order_shows_all_its_results_and_no_sparkline_step(
    tmp_path: Path,
) -> None:
    """9, then 12 and 1 on one date: the cell read '9 → 1 pg/mL' and the sparkline ▆█▁, a
    fall, while the sentence said it cannot be told (found in QA)."""
    from panelcli.render.table import trend_cells

    trend = the_trend(
        tmp_path,
        "A,P1,2026-03-01,IL-6,9,pg/mL\nB,P1,2026-03-02,IL-6,12,pg/mL\n"
        "C,P1,2026-03-02,IL-6,1,pg/mL\n",
    )
    cells = trend_cells(trend.markers[0])
    assert cells["First → last"].plain == "9 → 12 / 1 pg/mL"
    # one block a date; that date's order is not known, but its 12 and 1 are the scale 9 is
    # drawn on (QA: a date's 30 left blank, 5 was drawn full height)
    assert cells["Trend"].plain == "▆ "
    trend = the_trend(
        tmp_path,
        "A,P9,2026-01-01,IL-6,3,pg/mL\nA2,P9,2026-01-01,IL-6,30,pg/mL\n"
        "B,P9,2026-02-01,IL-6,5,pg/mL\nC,P9,2026-03-01,IL-6,1,pg/mL\n",
    )
    assert trend_cells(trend.markers[0])["Trend"].plain == " ▂▁"


@pytest.mark.parametrize(
    ("values", "direction"),
    [
        (("2", "9", "1", "20"), "up and down"),  # was 'fell then rose': it rose 4.5× first
        (("2", "9", "1", "3"), "up and down"),  # was 'rose then fell': it tripled at the end
        (("2", "1", "9", "3"), "up and down"),
        (("3.1", "14.8", "36.2", "9.7"), "rose then fell"),  # one turn
        (("2", "9", ">5", "20"), "unclear"),  # '>5' may be 5, a second turn, or 9, none
    ],
)
def test_a_series_that_turned_more_than_once_is_said_to_go_up_and_down(
    tmp_path: Path, values: tuple[str, ...], direction: str
) -> None:
    """2, 9, 1, 20 was 'fell and then rose again', leaving out the first rise (QA)."""
    from test_plain_language import MAX_GRADE, grade, sentences

    dates = [f"2026-01-0{n + 1}" for n in range(len(values))]
    trend = the_trend(
        tmp_path, "".join(f"S{d},P1,{d},IL-6,{v},pg/mL\n" for d, v in zip(dates, values))
    )
    assert trend.markers[0].direction == direction
    if direction == "up and down":
        said = "IL-6 went up and down, and changed direction more than once."
        assert said in trend.text
        assert [s for s in sentences(said) if grade(s) > MAX_GRADE] == []


@pytest.mark.parametrize(
    ("values", "cell"),
    [
        (("ND", "5", "ND"), "below detection → below detection"),  # was '… pg/mL → …' (QA)
        (("ND", "3", "5"), "below detection → 5 pg/mL"),
        (("3", "20", "ND"), "3 pg/mL → below detection"),
    ],
)
def test_the_unit_follows_the_last_number_in_the_first_to_last_cell(
    tmp_path: Path, values: tuple[str, str, str], cell: str
) -> None:
    from panelcli.render.table import trend_cells

    (marker,) = three_tests(tmp_path, "IL-6", values).markers
    assert trend_cells(marker)["First → last"].plain == cell


@pytest.mark.parametrize(("days", "listed"), [(2, "2026-01-01 and 2026-01-02"), (6, "6 dates")])
def test_tests_in_no_known_order_on_many_dates_are_said_once_per_marker(
    tmp_path: Path, days: int, listed: str
) -> None:
    """Two tests of IL-6 and IL-8 on each of many dates gave a 'was tested more than once on
    DATE' sentence per date per marker, 56 in one file (found in QA)."""
    from test_plain_language import MAX_GRADE, grade, sentences

    # (rising in one order of each date's tests, up and down in another: trends QA round 17,
    # 1 and 9 on each date were up and down in every order)
    rows = "".join(
        f"S{d}{v},P1,2026-01-0{d},{m},{v * 10**d},pg/mL\n"
        for d in range(1, days + 1)
        for v in (1, 9)
        for m in ("IL-6", "IL-8")
    )
    said = [t for t in the_trend(tmp_path, rows).text if "more than once" in t]
    assert said == [
        f"IL-6 and IL-8 were tested more than once on {listed}. Which of the tests on one date "
        "came first is not known."
    ]
    assert [s for s in sentences(said[0]) if grade(s) > MAX_GRADE] == []


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@given(
    # from 1900-01-02: Excel's 1900-01-01 and earlier days are no collection dates
    when=st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2099, 12, 31)),
    form=st.integers(0, 6),
)
def test_dates_as_labs_write_them_read_back(when: datetime, form: int) -> None:
    """QA: '15/03/2026 08:30', '1 Mar 2026' could not be read (a date in the trend left out,
    one day written two ways taken for a sample-conflict)."""
    when = when.replace(second=0, microsecond=0)
    day, month, year = when.day, when.month, when.year
    hour12 = f"{(when.hour - 1) % 12 + 1}:{when.minute:02d} {'PM' if when.hour >= 12 else 'AM'}"
    written = [
        f"{day} {MONTHS[month - 1]} {year} {when:%H:%M}",
        f"{day:02d}-{MONTHS[month - 1]}-{year}",
        f"{when:%B} {day}, {year} {hour12}",
        f"{when:%d/%m/%Y %H:%M}",
        f"{when:%m/%d/%Y} {hour12}",
        f"{when:%d.%m.%Y %H:%M}",
        f"{when:%Y-%m-%d} {hour12}",  # ISO, but for the time (QA)
    ][form]
    expected = when if ":" in written else when.replace(hour=0, minute=0)
    slashed_either_way = "/" in written and day <= 12 and day != month
    assert read_date(written) == (None if slashed_either_way else expected)
    if not slashed_either_way:
        assert may_be_one_moment(written, when.date().isoformat())


@pytest.mark.parametrize(
    "text", ["31 Feb 2026", "1 Xyz 2026", "15/03/2026 25:00", "03/15/2026 13:00 PM", "1 2 2026"]
)
def test_dates_that_are_no_dates_are_not_read(text: str) -> None:
    assert read_date(text) is None


def test_a_number_read_two_ways_is_left_out_of_the_trend_and_its_gauge(write_csv) -> None:
    """QA: IL-6 '1.500' (1.5 or 1500) was drawn as 1.5: 'rose, then fell', highest in the
    middle; if it is 1500, IL-6 fell. Its gauge put a dot inside the range."""
    from panelcli.render.pictures import gauge

    report = check_file(
        write_csv(
            "sample_id;patient_id;collected_at;marker;value;unit\n"
            "S1;P1;2026-03-01;IL-6;1.500;pg/mL\nS2;P1;2026-03-05;IL-6;30;pg/mL\n"
            "S3;P1;2026-03-09;IL-6;2;pg/mL\n"
        )
    )
    doubted = report.panels[0].results[0]
    assert doubted.status == Status.INDETERMINATE and doubted.number_in_doubt
    assert gauge(doubted) is None
    (trend,) = report.trends
    (il6,) = trend.markers
    assert [p.value for p in il6.points] == [30.0, 2.0] and il6.direction == "falling"
    assert trend.text[-1] == (
        "IL-6's trend leaves out the test on 2026-03-01: its number can be read in two ways "
        "(see its note)."
    )


@pytest.mark.parametrize(
    ("written", "status"),
    [("<1.000", Status.INDETERMINATE), ("5.000", Status.HIGH)],  # <1 or <1000; high either way
)
def test_a_censored_or_agreed_number_read_two_ways_is_not_drawn(
    write_csv, written: str, status: Status
) -> None:
    """QA: '<1.000' (<1 or <1000) and '5.000' (high as 5 or 5000) were drawn and trended as 1
    and 5; a later 4 then read as 'rose' where 1000 or 5000 fell."""
    from panelcli.render.pictures import gauge

    report = check_file(
        write_csv(
            "sample_id;patient_id;collected_at;marker;value;unit\n"
            f"S1;P1;2026-03-01;IL-6;{written};pg/mL\nS2;P1;2026-03-05;IL-6;4,0;pg/mL\n"
            "S3;P1;2026-03-09;IL-6;9,0;pg/mL\n"
        )
    )
    doubted = report.panels[0].results[0]
    assert doubted.status == status and doubted.number_in_doubt
    assert doubted.other_reading == (1000.0 if status == Status.INDETERMINATE else 5000.0)
    assert gauge(doubted) is None
    (trend,) = report.trends
    assert [p.value for p in trend.markers[0].points] == [4.0, 9.0]
    assert "leaves out the test on 2026-03-01" in trend.text[-1]
    # the other reading is not written: the note says both readings
    assert "other_reading" not in report.model_dump_json()


@pytest.mark.parametrize("written", [">1,000", ">1.000", "<12.000"])
def test_an_indeterminate_number_read_two_ways_gives_both_readings(write_csv, written: str) -> None:
    """QA: '>1,000' (more than 1, or than 1000) was indeterminate with a note on '>1' only,
    drawn at 1 and trended, and its ',' got no warning; '<12.000' cannot be judged either way."""
    from panelcli.render.pictures import gauge

    report = check_file(
        write_csv(
            "sample_id;patient_id;collected_at;marker;value;unit\n"
            f"A;P;2026-01-01;IL-8;{written};pg/mL\nB;P;2026-01-02;IL-8;20,5;pg/mL\n"
            "C;P;2026-01-03;IL-8;30,5;pg/mL\n"
        )
    )
    doubted = report.panels[0].results[0]
    assert doubted.status == Status.INDETERMINATE and doubted.number_in_doubt
    whole = written[0] + written[1:].replace(",", "").replace(".", "")
    assert f"may be {written[0]}{written[1:3].rstrip('.,')} or {whole}" in (doubted.note or "")
    assert gauge(doubted) is None
    (trend,) = report.trends
    assert [p.value for p in trend.markers[0].points] == [20.5, 30.5]
    if "," in written:
        assert "value-comma-ambiguous" in [w.code for w in report.warnings]
    sentences = " ".join(report.panels[0].summary.text)
    assert "can be read in two ways" in sentences and "different results" not in sentences


@pytest.mark.parametrize(
    ("text", "no_date"),
    [
        ("2026-03-02", False), ("02.03.2026 08:30", False), ("14 Mar 2026", False),
        ("03/04/2026", False), ("03/04/2026 8:30 AM", False),  # either of two days: a date
        ("2026-13-45", True), ("yesterday", True), ("31/02/2026", True), ("13/13/2026", True),
        ("2026-03-02 25:00", True), ("", True),
        # regression QA: dashed forms of the slashed ones are dates; 'N/A' is none known
        ("2026-3-4", False), ("14-03-2026", False), ("04-03-2026", False), ("N/A", False),
        ("-", False), ("unknown", False), ("2026-13-1", True),
        # QA: no day, or a placeholder for an empty cell, was taken for a day
        ("2026", True), ("2026-03", True), ("1900-01-01", True), ("1899-12-30", True),
        ("0000-00-00", True), ("00/00/0000", True), ("2026-W10", True), ("03/04/1850", True),
        ("1900-01-02", False), ("03/04/1900", False), ("2026-W10-1", False),
    ],
)  # fmt: skip
def test_a_date_that_is_no_date_in_any_reading_is_told_from_an_ambiguous_one(
    text: str, no_date: bool
) -> None:
    """'03/04/2026' is a date, though panelcli cannot tell which of two days it is."""
    assert (why_no_date(text) is not None) is no_date


@pytest.mark.parametrize(
    ("text", "day"),
    [("2026-3-4", (2026, 3, 4)), ("14-03-2026", (2026, 3, 14)), ("03-14-2026", (2026, 3, 14)),
     ("14-03-2026 8:30 AM", (2026, 3, 14)), ("04-03-2026", None), ("2026-3/4", None)],
)  # fmt: skip
def test_dashed_dates_are_read_as_the_slashed_ones_are(
    text: str, day: tuple[int, int, int] | None
) -> None:
    read = read_date(text)
    assert (read.year, read.month, read.day) == day if read else day is None


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2026", NAMES_NO_DAY), ("2026-03", NAMES_NO_DAY), ("03/2026", NAMES_NO_DAY),
        ("2026/3", NAMES_NO_DAY), ("March 2026", NAMES_NO_DAY), ("Mar-2026", NAMES_NO_DAY),
        ("2026-W10", NAMES_NO_DAY), ("2026-13", UNREADABLE), ("Foo 2026", UNREADABLE),
        ("1900-01-01", PLACEHOLDER), ("1899-12-30", PLACEHOLDER), ("1899-12-31", PLACEHOLDER),
        ("1900-01-01 00:00:00", PLACEHOLDER), ("01/01/1900", PLACEHOLDER),
        ("30.12.1899", PLACEHOLDER), ("0000-00-00", PLACEHOLDER), ("00/00/0000", PLACEHOLDER),
        ("0000-00-00 00:00:00", PLACEHOLDER), ("1900-01-00", PLACEHOLDER),
        ("0001-01-01", PLACEHOLDER), ("0001-01-01T00:00+05:00", PLACEHOLDER),
        ("1850-01-01", BEFORE_1900), ("03/04/1850", BEFORE_1900), ("yesterday", UNREADABLE),
        ("2026-03-14", None), ("2099-01-01", None), ("03/04/2026", None), ("N/A", None),
        # QA: an Excel serial number and a two-digit year were only 'not a date panelcli can
        # read', which did not say how to fix the export
        ("02.03.26", f"{TWO_DIGIT_YEAR} (02.03.2026 if 2026)"),
        ("3/2/26", f"{TWO_DIGIT_YEAR} (3/2/2026 if 2026)"),
        ("13-MAR-26", f"{TWO_DIGIT_YEAR} (13-MAR-2026 if 2026)"), ("12345", UNREADABLE),
        ("45123", "is a spreadsheet's number for a day (45123 is 2023-07-16 in Excel), not a "
         "date as written: format the column as a date before exporting"),
    ],
)  # fmt: skip
def test_a_date_that_names_no_day_or_a_placeholder_is_no_date_and_says_why(
    text: str, why: str | None
) -> None:
    """QA: '2026', '2026-03' and Excel's '1900-01-01' were taken for days: panels and trends
    used them, and trends ordered by them."""
    assert why_no_date(text) == why
    if why is not None:
        assert read_date(text) is None and read_date(text, in_utc=False) is None


def test_dates_that_name_no_day_are_warned_about_and_left_out_of_the_trend(write_csv) -> None:
    """QA: '2026', '1900-01-01' were points of the trend, '1900-01-01' its first date; now
    they are shown as written, as 'yesterday' is, each with a warning that says why."""
    report = check_file(
        write_csv(
            "sample_id,patient_id,collected_at,marker,value,unit\n"
            "S1,P1,2026,IL-6,3,pg/mL\nS2,P1,1900-01-01,IL-6,8,pg/mL\n"
            "S3,P1,2026-03-14,IL-6,9,pg/mL\nS4,P1,2026-03-20,IL-6,20,pg/mL\n"
            "S5,P1,2026-03,IL-6,1,pg/mL\nS6,P1,0000-00-00,IL-6,1,pg/mL\n"
        )
    )
    assert [p.collected_at for p in report.panels] == [
        "2026", "1900-01-01", "2026-03-14", "2026-03-20", "2026-03", "0000-00-00"
    ]  # fmt: skip
    (trend,) = report.trends
    assert trend.dates == ["2026-03-14", "2026-03-20"]
    warned = [(w.code, w.line, w.message) for w in report.warnings]
    assert [(code, line) for code, line, _ in warned] == [
        ("date-unreadable", 2), ("date-unreadable", 3), ("date-unreadable", 6),
        ("date-unreadable", 7),
    ]  # fmt: skip
    assert "'2026' names no day" in warned[0][2]
    assert (
        "'1900-01-01' is a placeholder date that spreadsheets write for an empty cell"
        in (warned[1][2])
    )
    assert "'0000-00-00' is a placeholder date" in warned[3][2]


def test_a_collection_date_after_today_is_warned_about_once_and_still_ordered(write_csv) -> None:
    """A date after the day of the check is most likely a slip in the year: said once per file
    for each such text, while results are still put in date order by it."""
    report = check_file(
        write_csv(
            "sample_id,patient_id,collected_at,marker,value,unit\n"
            "S1,P1,2099-01-01,IL-6,3,pg/mL\nS1,P1,2099-01-01,IL-8,3,pg/mL\n"
            "S2,P1,2026-03-14,IL-6,9,pg/mL\n"
        )
    )
    assert [(w.code, w.line, w.sample_id) for w in report.warnings] == [("date-in-future", 2, "S1")]
    assert "'2099-01-01' is after the day of this check" in report.warnings[0].message
    (trend,) = report.trends
    assert trend.dates == ["2026-03-14", "2099-01-01"]


def test_markers_with_no_trend_are_said_not_silently_missing(tmp_path: Path) -> None:
    """IL-8 tested on one date, IL-99 (no range in the set) on two: each gets a sentence."""
    trend = the_trend(
        tmp_path,
        "A,P1,2026-01-02,IL-6,12,pg/mL\nA,P1,2026-01-02,IL-8,3,pg/mL\n"
        "A,P1,2026-01-02,IL-99,3,pg/mL\nB,P1,2026-02-02,IL-6,3,pg/mL\n"
        "B,P1,2026-02-02,IL-99,4,pg/mL\n",
    )
    assert [m.marker for m in trend.markers] == ["IL-6"]
    assert "IL-8 has a result that can be compared on only one date, so it has no trend." in (
        trend.text
    )
    assert (
        "IL-99 has no range in this set, so its results are not compared from test to test."
        in trend.text
    )


def test_two_markers_with_one_date_share_one_sentence(tmp_path: Path) -> None:
    trend = the_trend(
        tmp_path,
        "A,P1,2026-01-02,IL-6,12,pg/mL\nA,P1,2026-01-02,IL-8,3,pg/mL\n"
        "A,P1,2026-01-02,IL-10,3,pg/mL\nB,P1,2026-02-02,IL-6,3,pg/mL\n",
    )
    assert (
        "IL-8 and IL-10 have a result that can be compared on only one date, so they have no "
        "trend." in trend.text
    )
    assert not any("no range" in t for t in trend.text)


def test_results_in_units_that_cannot_be_compared_are_not_one_trend(tmp_path: Path) -> None:
    """QA: 1200 pg/mL then 900 and 400 U/mL (judged by the lab's range) was 'falling'."""
    trend = the_trend(
        tmp_path,
        "A1,P1,2026-03-01,sIL-2R,1200,pg/mL,\nA2,P1,2026-03-05,sIL-2R,900,U/mL,158-623\n"
        "A3,P1,2026-03-09,sIL-2R,400,U/mL,158-623\n",
        ranges=True,
    )
    (marker,) = trend.markers
    assert (marker.unit, [p.value for p in marker.points]) == ("U/mL", [900.0, 400.0])
    assert (
        "sIL-2R's trend leaves out the test on 2026-03-01: its result is in another unit than "
        "U/mL, and the two cannot be compared." in trend.text
    )
    # QA: a result left out that was outside the range was not said to be: the trend that
    # 'fell' was read as the whole story
    trend = the_trend(
        tmp_path,
        "A1,P1,2026-03-01,sIL-2R,2000,pg/mL,\nA2,P1,2026-03-05,sIL-2R,900,U/mL,158-623\n"
        "A3,P1,2026-03-09,sIL-2R,400,U/mL,158-623\n",
        ranges=True,
    )
    assert (
        "sIL-2R's trend leaves out the test on 2026-03-01: its result is in another unit than "
        "U/mL, and the two cannot be compared. On 2026-03-01, sIL-2R was high." in trend.text
    )


def test_a_patient_tested_twice_with_no_trend_is_still_said(tmp_path: Path) -> None:
    """QA: IL-6 on one date and IL-8 on the other gave no trend and no word at all."""
    trend = the_trend(tmp_path, "A1,P1,2026-03-01,IL-6,3,pg/mL\nA2,P1,2026-03-05,IL-8,5,pg/mL\n")
    assert trend.markers == []
    assert trend.text == [
        "Patient P1 was tested on 2 dates, from 2026-03-01 to 2026-03-05.",
        "IL-6 and IL-8 have a result that can be compared on only one date, so they have no trend.",
    ]


def test_units_that_convert_make_one_trend_in_the_last_tests_unit(tmp_path: Path) -> None:
    """QA: 700 kU/L after 800 U/mL (the same unit) was left out as 'another unit'."""
    trend = the_trend(
        tmp_path,
        "A,P1,2026-01-01,sIL-2R,900,U/mL,158-623\nB,P1,2026-02-01,sIL-2R,800,U/mL,158-623\n"
        "C,P1,2026-03-01,sIL-2R,400000,U/L,158000-623000\n",
        ranges=True,
    )
    (marker,) = trend.markers
    assert (marker.unit, [p.value for p in marker.points]) == ("U/L", [900000, 800000, 400000])
    assert not any("leaves out" in t for t in trend.text)


def test_a_marker_whose_units_never_compare_says_so(tmp_path: Path) -> None:
    trend = the_trend(
        tmp_path,
        "A,P1,2026-01-01,sIL-2R,900,U/mL,158-623\nB,P1,2026-02-01,sIL-2R,1200,pg/mL,\n",
        ranges=True,
    )
    assert trend.markers == []
    assert (
        "sIL-2R has results in units that cannot be compared with each other, so it has no trend."
        in trend.text
    )
    assert not any("only one date" in t for t in trend.text)


def test_only_one_date_that_can_be_read_is_said_not_silent(tmp_path: Path) -> None:
    """2026-01-10 beside 03/04/2026 (March or April?) gave no trend and not a word about
    the second date: a reader could not tell why the two tests were not compared (QA)."""
    trend = the_trend(
        tmp_path,
        # 4 March or 3 April: before 2026-03-20 or after it
        "S1,P1,2026-03-20,IL-6,3,pg/mL\nS2,P1,03/04/2026,IL-6,40,pg/mL\n"
        "S3,P1,03/04/2026,IL-8,40,pg/mL\nS4,P1,yesterday,IL-6,9,pg/mL\n",
    )
    assert trend.dates == ["2026-03-20"]
    assert trend.markers == []
    assert trend.text[:2] == [
        "Patient P1 has 4 tests, but of their dates only 2026-03-20 can be read. So panelcli "
        "cannot show how the results changed over time.",
        "Sample S2, sample S3 and sample S4 have dates that cannot be read: '03/04/2026' and "
        "'yesterday'.",
    ]
    assert "'03/04/2026' can mean 3 April or 4 March 2026: two different days" in trend.text[2]
    from test_plain_language import MAX_GRADE, grade, sentences

    assert [s for t in trend.text for s in sentences(t) if grade(s) > MAX_GRADE] == []


def test_one_junk_date_beside_one_date_gets_no_two_day_hint(tmp_path: Path) -> None:
    trend = the_trend(tmp_path, "S1,P1,2026-01-10,IL-6,3,pg/mL\nS2,P1,soon,IL-6,4,pg/mL\n")
    assert trend.text[1] == "Sample S2 has a date that cannot be read: 'soon'."
    assert len(trend.text) == 2


def test_the_table_names_the_one_date_that_can_be_read(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from panelcli.cli import app

    path = tmp_path / "serial.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "S1,P1,2026-03-20,IL-6,3,pg/mL\nS2,P1,03/04/2026,IL-6,40,pg/mL\n"
    )
    result = CliRunner().invoke(app, ["check", str(path)], env={"COLUMNS": "160"})
    assert "Changes over time · patient P1 · only one date can be read, 2026-03-20" in (
        result.stdout
    )
    assert "Sample S2 has a date that cannot be read: '03/04/2026'." in result.stdout
    assert result.exit_code == 1


def test_every_test_with_no_sample_id_and_an_unreadable_date_is_counted(tmp_path: Path) -> None:
    """QA: three tests with no sample id and dates that cannot be read were 'a sample', and
    beside two readable dates only the last one's date was named."""
    header = "patient_id,collected_at,marker,value,unit\n"
    rows = "P1,03/04/2026,IL-6,3,pg/mL\nP1,yesterday,IL-6,3,pg/mL\nP1,2026-13-45,IL-6,3,pg/mL\n"
    path = tmp_path / "two_read.csv"
    # 2026-03-20 is between the two days '03/04/2026' may be: it has no place
    path.write_text(header + "P1,2026-01-10,IL-6,12,pg/mL\nP1,2026-03-20,IL-6,30,pg/mL\n" + rows)
    (trend,) = check_file(str(path)).trends
    assert trend.text[-3] == (
        "3 samples of patient P1 have dates that cannot be read, so they are not part of these "
        "changes. The dates are '03/04/2026', 'yesterday' and '2026-13-45'."
    )
    assert trend.text[-1] == (
        "These changes leave out the results of those samples: IL-6 was high in all of them."
    )
    path = tmp_path / "one_read.csv"
    path.write_text(header + "P1,2026-03-20,IL-6,12,pg/mL\n" + rows)
    (trend,) = check_file(str(path)).trends
    assert trend.text[1] == (
        "3 samples have dates that cannot be read: '03/04/2026', 'yesterday' and '2026-13-45'."
    )


def test_samples_with_and_without_an_id_are_named_and_counted() -> None:
    from panelcli.trends import _samples_named

    assert _samples_named(["B", None]) == ("sample B and another sample", 2)
    assert _samples_named(["B", "B", None, None]) == ("sample B and 2 other samples", 3)
    assert _samples_named([None]) == ("a sample", 1)
    assert _samples_named(["C", "D"]) == ("sample C and sample D", 2)
    # 'N more' counts samples: E and three with no id (review: it said '2 more')
    assert _samples_named(["A", "B", "C", "D", "E", None, None, None]) == (
        "sample A, sample B, sample C, sample D and 4 more",
        8,
    )


def test_two_samples_with_one_unreadable_date_have_a_date(tmp_path: Path) -> None:
    trend = the_trend(
        tmp_path,
        "A,P1,2026-01-10,IL-6,3,pg/mL\nC,P1,yesterday,IL-6,4,pg/mL\nD,P1,yesterday,IL-8,4,pg/mL\n",
    )
    assert trend.text[1] == "Sample C and sample D have a date that cannot be read: 'yesterday'."


def test_left_out_tests_without_a_sample_id_are_told_apart(tmp_path: Path) -> None:
    """Review: an undated IL-6 and an IL-8 dated 'yesterday', two tests without sample ids,
    were said as one: 'IL-6 and IL-8 were high in a sample'."""
    from panelcli.check import check_file

    data = tmp_path / "t.csv"
    data.write_text(
        "Patient ID,Collection Date,Marker,Value,Unit\nP1,2026-01-01,IL-6,1,pg/mL\n"
        "P1,2026-02-01,IL-6,2,pg/mL\nP1,,IL-6,9,pg/mL\nP1,yesterday,IL-8,99,pg/mL\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(data)).trends
    said = " ".join(trend.text)
    assert "IL-6 and IL-8 were high" not in said
    assert "IL-6 was high in a sample. IL-8 was high in a sample." in said, said


@pytest.mark.parametrize(
    ("rows", "dates", "said"),
    [
        # 3 April or 4 March: after 2026-01-10 and before 2026-06-01 either way
        ("S1,P1,2026-01-10,IL-6,3,pg/mL\nS2,P1,03/04/2026,IL-6,40,pg/mL\n"
         "S3,P1,2026-06-01,IL-6,5,pg/mL\n",
         ["2026-01-10", "03/04/2026", "2026-06-01"],
         "The date of sample S2, '03/04/2026', may be 3 April or 4 March 2026. Either way it "
         "comes between 2026-01-10 and 2026-06-01, so it is shown there."),
        # one date that can be read, and one after it either way: a trend of two
        ("S1,P1,2026-01-10,IL-6,3,pg/mL\nS2,P1,03/04/2026 08:30,IL-6,40,pg/mL\n",
         ["2026-01-10", "03/04/2026 08:30"],
         "The date of sample S2, '03/04/2026 08:30', may be 3 April or 4 March 2026. Either "
         "way it comes after 2026-01-10, so it is shown there."),
        ("S2,P1,03/04/2026,IL-6,40,pg/mL\nS1,P1,05.06.2026,IL-6,3,pg/mL\n",
         ["03/04/2026", "05.06.2026"],
         "The date of sample S2, '03/04/2026', may be 3 April or 4 March 2026. Either way it "
         "comes before 05.06.2026, so it is shown there."),
    ],
)  # fmt: skip
def test_a_two_day_date_whose_place_is_the_same_either_way_is_in_the_trend(
    tmp_path: Path, rows: str, dates: list[str], said: str
) -> None:
    """A date such as '03/04/2026' was left out of every trend, though beside 2026-01-10 and
    2026-06-01 it comes between them whichever day it is (open since QA)."""
    trend = the_trend(tmp_path, rows)
    assert trend.dates == dates
    assert said in trend.text
    assert not any("cannot be read" in t for t in trend.text)


@pytest.mark.parametrize(
    "rows",
    [
        # 4 March is before 2026-03-10, 3 April after it
        "S1,P1,2026-03-01,IL-6,3,pg/mL\nS2,P1,03/04/2026,IL-6,40,pg/mL\n"
        "S3,P1,2026-03-10,IL-6,5,pg/mL\n",
        # two such dates whose days overlap (5 March-3 May, 4 April-6 May) and whose order
        # depends on the way both are read (5 March, 6 April or 3 May, 4 June)
        "S1,P1,2026-01-01,IL-6,3,pg/mL\nS2,P1,05/03/2026,IL-6,40,pg/mL\n"
        "S3,P1,06/04/2026,IL-6,5,pg/mL\nS4,P1,03/04/2026,IL-6,5,pg/mL\n",
    ],
)
def test_a_two_day_date_whose_place_depends_on_the_day_is_left_out(
    tmp_path: Path, rows: str
) -> None:
    trend = the_trend(tmp_path, rows)
    assert "03/04/2026" not in trend.dates
    assert any("cannot be read" in t for t in trend.text)


def test_two_day_dates_of_one_file_in_one_order_either_way_are_placed(tmp_path: Path) -> None:
    """'03/04/2026' (4 March or 3 April) and '03/05/2026' (5 March or 3 May) overlap one by
    one, but read the same way, as one file writes them, the first comes first."""
    trend = the_trend(
        tmp_path,
        "S1,P1,2026-01-01,IL-6,3,pg/mL\nS2,P1,03/04/2026,IL-6,40,pg/mL\n"
        "S3,P1,03/05/2026,IL-6,5,pg/mL\n",
    )
    assert trend.dates == ["2026-01-01", "03/04/2026", "03/05/2026"]


@pytest.mark.parametrize(
    ("rows", "dates"),
    [
        # review: 22:00 at -05:00 on 3 March is 4 March in UTC, as dates are put in order:
        # '03/04/2026' (4 March or 3 April) may come before it or after it
        ("S1,P1,2026-01-10,IL-6,3,pg/mL\nS2,P1,03/04/2026,IL-6,40,pg/mL\n"
         "S3,P1,2026-03-03T22:00-05:00,IL-6,5,pg/mL\n",
         ["2026-01-10", "2026-03-03T22:00-05:00"]),
        # no date read one way: '03/04/2026' is before '05/06/2026' whichever day each is
        ("S3,P1,05/06/2026,IL-6,40,pg/mL\nS2,P1,03/04/2026,IL-6,3,pg/mL\n",
         ["03/04/2026", "05/06/2026"]),
        # the same two days written alike or with a time are one date, as first written
        ("S1,P1,2026-01-10,IL-6,3,pg/mL\nS2,P1,03/04/2026,IL-6,40,pg/mL\n"
         "S3,P1,03-04-2026 08:30,IL-8,40,pg/mL\nS4,P1,2026-06-01,IL-6,5,pg/mL\n",
         ["2026-01-10", "03/04/2026", "2026-06-01"]),
        # '02/04/2026' (4 February or 2 April) is left out beside 2026-03-20, and so does not
        # stop '01/03/2026' (3 January or 1 March), which is before it either way
        ("S2,P1,01/03/2026,IL-6,3,pg/mL\nS3,P1,02/04/2026,IL-6,40,pg/mL\n"
         "S4,P1,2026-03-20,IL-6,5,pg/mL\nS5,P1,2026-08-01,IL-6,9,pg/mL\n",
         ["01/03/2026", "2026-03-20", "2026-08-01"]),
    ],
)  # fmt: skip
def test_two_day_dates_are_placed_only_where_the_order_is_certain(
    tmp_path: Path, rows: str, dates: list[str]
) -> None:
    trend = the_trend(tmp_path, rows)
    assert trend.dates == dates


def test_the_sentence_of_a_placed_date_follows_the_first(tmp_path: Path) -> None:
    trend = the_trend(tmp_path, "S3,P1,05/06/2026,IL-6,40,pg/mL\nS2,P1,03/04/2026,IL-6,3,pg/mL\n")
    assert trend.text[:4] == [
        "Patient P1 was tested on 2 dates, from 03/04/2026 to 05/06/2026.",
        "The date of sample S2, '03/04/2026', may be 3 April or 4 March 2026. Either way it "
        "comes before 05/06/2026, so it is shown there.",
        "The date of sample S3, '05/06/2026', may be 5 June or 6 May 2026. Either way it comes "
        "after 03/04/2026, so it is shown there.",
        "IL-6 rose from the first test to the last.",
    ]


def test_the_overview_counts_a_patient_followed_by_a_placed_date() -> None:
    """Review: 600 patients dated 2026-01-10 and '03/04/2026' had trends in --format json
    but were not counted in the table's overview."""
    from panelcli.check import patients_followed

    assert patients_followed([("P1", "2026-01-10", "a"), ("P1", "03/04/2026", "a")]) == 1
    assert patients_followed([("P1", "2026-03-20", "a"), ("P1", "03/04/2026", "a")]) == 0
    assert patients_followed([("P1", "03/04/2026", "a"), ("P1", "05/06/2026", "a")]) == 1


def test_a_trend_whose_tests_had_other_ranges_says_whose_range_it_shows(tmp_path: Path) -> None:
    """QA: the lab's printed range of the last test was shown as the range of the whole trend,
    though the first was judged by another."""
    trend = the_trend(
        tmp_path,
        "S1,P1,2026-01-10,TNF-α,12,pg/mL,<8.1\nS2,P1,2026-06-01,TNF-α,3,pg/mL,0-600\n",
        ranges=True,
    )
    assert trend.markers[0].reference == (
        "0 - 600 pg/mL (the last test's; earlier tests had another)"
    )
    same = the_trend(
        tmp_path,
        "S1,P1,2026-01-10,TNF-α,12,pg/mL,0-600\nS2,P1,2026-06-01,TNF-α,3,pg/mL,0-600\n",
        ranges=True,
    )
    assert same.markers[0].reference == "0 - 600 pg/mL"


@pytest.mark.parametrize(
    ("values", "direction", "highest"),
    [
        # QA: a result too high to measure was left out, and the trend "stayed about the same"
        (("1.0", "OOR >", "1.1"), "unclear", None),
        # QA: '>5000' was placed at 5000: "steady" beside 4100, and "highest 100" beside '>100'
        (("4100", ">5000"), "unclear", (">", 5000.0)),
        (("100", ">100"), "unclear", (">", 100.0)),
        (("2", "5000", ">5000"), "rising", (">", 5000.0)),
        (("OOR >", "30", "3"), "falling", None),
        (("OOR >", "30"), "unclear", None),  # review: "no trend", as if one date could compare
    ],
)
def test_a_result_above_a_limit_may_be_any_amount_higher(
    tmp_path: Path, values: tuple[str, ...], direction: str, highest: tuple[str, float] | None
) -> None:
    rows = "".join(f"S{n},P1,2026-01-{10 + n},IL-6,{v},pg/mL\n" for n, v in enumerate(values))
    trend = the_trend(tmp_path, rows)
    (marker,) = trend.markers
    assert marker.direction == direction
    top = marker.highest
    assert (None if top is None else (top.comparator, top.value)) == highest
    assert not any("stayed about the same" in t for t in trend.text)


def test_a_day_with_no_time_beside_a_zoned_time_that_falls_on_it_in_utc_is_one_date(
    tmp_path: Path,
) -> None:
    """QA: '2026-05-20T21:00-05:00' (02:00 on 21 May in UTC) was put after '2026-05-21',
    read as midnight UTC, and IL-6 'rose and then fell'; the lab's 21 May may be later."""
    trend = the_trend(
        tmp_path,
        "S1,P1,2026-05-20T21:00-05:00,IL-6,40,pg/mL\nS2,P1,2026-05-21,IL-6,4,pg/mL\n"
        "S3,P1,2026-05-28,IL-6,12,pg/mL\n",
    )
    assert trend.dates == ["2026-05-21", "2026-05-28"]
    assert trend.markers[0].direction == "unclear"
    assert any("which of those tests came first is not known" in t for t in trend.text)


def test_a_result_left_out_for_another_patient_or_date_is_said_with_how_it_was_outside(
    tmp_path: Path,
) -> None:
    """QA: S1's high TNF-α, on a row giving S1 another date, was named nowhere, as TNF-α had
    no trend; where it had one, the sentence did not say the result was high."""
    trend = the_trend(
        tmp_path,
        "S1,P1,2026-01-10,IL-6,3,pg/mL\nS1,P1,2026-02-10,TNF-α,50,pg/mL\n"
        "S2,P1,2026-03-10,IL-6,30,pg/mL\nS2,P1,2026-03-10,TNF-α,5,pg/mL\n",
    )
    assert (
        "These changes leave out one result for TNF-α of sample 'S1', as its row names another "
        "patient or date (see the warnings). It was high."
    ) in trend.text


def test_a_result_with_no_range_left_out_of_a_trend_is_said(tmp_path: Path) -> None:
    """QA: IL-18 400 → 2500 (no range in its row, none in the set) → 420 was 'about the same',
    and the 2500 was named nowhere in the trend."""
    from panelcli.check import check_file

    data = tmp_path / "t.csv"
    data.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit,reference_range\n"
        "A1,P1,2026-01-01,IL-18,400,pg/mL,0-500\nA2,P1,2026-02-01,IL-18,2500,pg/mL,\n"
        "A3,P1,2026-03-01,IL-18,420,pg/mL,0-500\nA4,P1,2026-04-01,IL-18,9,pg/mL,\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(data)).trends
    assert [p.trend_date for p in trend.markers[0].points] == ["2026-01-01", "2026-03-01"]
    assert trend.text[-1] == (
        "IL-18's trend leaves out its results on 2026-02-01 and 2026-04-01, which had no range "
        "to be judged by (see the notes)."
    )


@pytest.mark.parametrize(
    "written",
    [
        ["2026-03-01", "2026-03-02"],
        ["2026-03-01", "2026-03-01 08:00"],
        ["2026-03-01", "1900-01-01"],  # a placeholder day: no date
        ["2026-03-01", "1899-12-31", "2026-02-30"],  # before 1900, and no such day
        ["2026-03-01", "01.03.2026"],
        ["03/04/2026", "2026-03-20", "2026-03-25"],
        ["46000", "46010"],
    ],
)
def test_the_quick_count_of_dates_is_the_trend_s_count(written: list[str]) -> None:
    from panelcli.trends import dates_counted, dates_followed

    assert dates_counted(written) == len(dates_followed(written)[0])


@pytest.mark.parametrize(
    ("first", "last", "said"),
    [
        # low, then critically high (QA: 'still'); past a critical limit said so, and not
        # 'still' where it newly is (QA: 'still above' of a value newly critical)
        (200, 12000, "was past the critical limit above the range"),
        (200, 50, "was past the critical limit below the range"),  # low, then critically low
        (2000, 12000, "was past the critical limit above the range"),
        (2000, 1500, "was still above the range"),
        (2000, 50, "was past the critical limit below the range"),
        (50, 12000, "was past the critical limit above the range"),  # review: not 'still'
        (12000, 50, "was past the critical limit below the range"),
        (12000, 15000, "was still past the critical limit above the range"),
    ],
)
def test_still_outside_only_on_the_same_side_of_the_range_also_past_a_critical_limit(
    tmp_path: Path, first: float, last: float, said: str
) -> None:
    ranges = tmp_path / "sil.toml"
    ranges.write_text(
        '[markers."sIL-2R"]\nunit = "pg/mL"\nlow = 266.5\nhigh = 1410.4\ncritical_low = 100\n'
        'critical_high = 10000\nsource = "t"\n',
        encoding="utf-8",
    )
    data = tmp_path / "t.csv"
    data.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        f"W1,R9,2026-01-01,sIL-2R,{first},pg/mL\nW2,R9,2026-01-08,sIL-2R,{last},pg/mL\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(data), ranges=str(ranges)).trends
    assert trend.text[-1] == f"At the last test, sIL-2R {said}."


def test_placeholder_dates_are_no_points_of_a_trend_even_in_file_order(tmp_path: Path) -> None:
    """QA: '1899-12-30' and '00/00/0000', placeholders for an empty cell, made a rising trend
    in file order; a placeholder beside real dates is left out and said."""
    data = tmp_path / "t.csv"
    data.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "Z5,Q12,1899-12-30,IL-6,3,pg/mL\nZ6,Q12,00/00/0000,IL-6,50,pg/mL\n"
        "Z7,Q12,2026-03,IL-6,9,pg/mL\n",
        encoding="utf-8",
    )
    assert check_file(str(data)).trends == []
    data.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "Z5,Q12,46000,IL-6,3,pg/mL\nZ6,Q12,00/00/0000,IL-6,50,pg/mL\n"
        "Z7,Q12,46010,IL-6,9,pg/mL\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(data)).trends  # Excel's day numbers: in the file's order
    assert trend.dates == ["46000", "46010"]
    assert "Sample Z6 of patient Q12 has a date that cannot be read" in " ".join(trend.text)


def test_one_date_read_counts_and_says_the_undated_tests(tmp_path: Path) -> None:
    """QA: 'has 2 tests' of 3 (the one with no date was not counted or named)."""
    data = tmp_path / "t.csv"
    data.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "AA1,R12,2026-01-10,IL-6,2,pg/mL\nAA2,R12,46143,IL-6,50,pg/mL\nAA3,R12,,IL-6,80,pg/mL\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(data)).trends
    assert trend.text == [
        "Patient R12 has 3 tests, but of their dates only 2026-01-10 can be read. So panelcli "
        "cannot show how the results changed over time.",
        "Sample AA2 has a date that cannot be read: '46143'.",
        "Sample AA3 has no date.",
    ]


def test_a_range_that_changed_between_tests_is_said(tmp_path: Path) -> None:
    """QA: Ferritin 200 then 210 'stayed about the same' and 'had moved into the range': her
    range (Mayo's, by age) had changed between the tests, which only a table cell said."""
    data = tmp_path / "t.csv"
    data.write_text(
        "sample_id,patient_id,collected_at,birth_date,sex,marker,value,unit\n"
        "E1,P4,2026-01-10,1975-03-01,F,Ferritin,200,ug/L\n"
        "E2,P4,2026-05-10,1975-03-01,F,Ferritin,210,ug/L\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(data), ranges="mayo-adult").trends
    assert trend.text[-1] == (
        "Ferritin's range was not the same at every test. So moving into or out of the range "
        "may come from the range changing, not the result."
    )


def test_a_date_that_cannot_be_read_is_not_said_to_be_read_beside_a_placeholder(
    tmp_path: Path,
) -> None:
    """Review: '46000' beside '00/00/0000' was 'of their dates only 46000 can be read'."""
    data = tmp_path / "t.csv"
    data.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "Z5,Q12,46000,IL-6,3,pg/mL\nZ6,Q12,00/00/0000,IL-6,50,pg/mL\n",
        encoding="utf-8",
    )
    assert check_file(str(data)).trends == []


def test_a_copy_in_doubt_does_not_hide_a_certain_reading_and_a_doubted_test_is_named(
    tmp_path: Path,
) -> None:
    """QA: '2.500' in a ';' file (2.5 or 2500) and the same reading certain in a ',' file: the
    file given first decided whether IL-8's rise was drawn; and a marker left with one date by
    such a test was only 'compared on only one date'."""
    doubted = tmp_path / "v1.csv"
    doubted.write_text(
        "sample_id;patient_id;collected_at;marker;value;unit\nS1;P6;2026-03-01;IL-8;2.500;pg/mL\n",
        encoding="utf-8",
    )
    certain = tmp_path / "v2.csv"
    certain.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "S1,P6,2026-03-01,IL-8,2.500,pg/mL\nS2,P6,2026-03-10,IL-8,20,pg/mL\n",
        encoding="utf-8",
    )
    for files in ([doubted, certain], [certain, doubted]):
        (trend,) = check_files([str(f) for f in files]).trends
        assert [m.direction for m in trend.markers] == ["rising"]
        assert not any("two ways" in sentence for sentence in trend.text)
    alone = tmp_path / "v4.csv"
    alone.write_text(
        "sample_id;patient_id;collected_at;marker;value;unit\n"
        "S1;P6;2026-03-01;IL-8;2.500;pg/mL\nS2;P6;2026-03-10;IL-8;20;pg/mL\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(alone)).trends
    assert trend.text[1] == (
        "IL-8's test on 2026-03-01 is not compared: its number can be read in two ways (see the "
        "notes)."
    )


def test_a_point_names_the_file_and_line_of_its_result(tmp_path: Path) -> None:
    """QA: with sample A1 in two files (two panels), a trend point could not be told to be
    whose: it gave no file."""
    from typer.testing import CliRunner

    from panelcli.cli import app

    header = "sample_id,patient_id,collected_at,marker,value,unit\n"
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text(f"{header}A1,P9,2026-01-01,IL-6,3,pg/mL\n", encoding="utf-8")
    second.write_text(f"{header}B0,P9,2026-02-01,IL-8,1,pg/mL\nA1,P9,2026-03-01,IL-6,30,pg/mL\n",
                      encoding="utf-8")  # fmt: skip
    result = CliRunner().invoke(app, ["check", str(first), str(second), "--format", "json"])
    [trend] = json.loads(result.stdout)["trends"]
    [il6] = trend["markers"]
    assert [(p["sample_id"], p["source"], p["line"]) for p in il6["points"]] == [
        ("A1", str(first), 2), ("A1", str(second), 3)
    ]  # fmt: skip
    assert (il6["highest"]["source"], il6["highest"]["line"]) == (str(second), 3)


@pytest.mark.parametrize(
    ("values", "direction"),
    [(("4", "5"), "rising"), (("20", "16"), "falling"), (("10", "12.5"), "rising"),
     (("4", "4.9"), "steady"), (("0", "0"), "steady"), (("2", "10", "8"), "rose then fell"),
     # review: 1.25 times as written, though not in binary (2.8 / 2.24 is 1.2499999999999998)
     (("2.24", "2.8"), "rising"), (("2.8", "2.24"), "falling"), (("2.64", "3.3"), "rising")],
)  # fmt: skip
def test_a_change_of_exactly_the_factor_is_a_change(
    tmp_path: Path, values: tuple[str, ...], direction: str
) -> None:
    """QA: 4 then 5 (and 20 then 16) was 'steady', though README calls only a change smaller
    than a factor of 1.25 steady, and the sparkline drew the jump."""
    rows = "".join(f"S{n},P1,2026-01-0{n + 1},IL-6,{v},pg/mL\n" for n, v in enumerate(values))
    (marker,) = the_trend(tmp_path, rows).markers
    assert marker.direction == direction


def test_a_marker_s_sparkline_leaves_a_gap_for_each_date_it_was_not_tested(
    tmp_path: Path,
) -> None:
    """QA: IL-10 tested in January and April drew two blocks side by side, which read against
    the IL-6 row above as January and February."""
    from panelcli.render.table import trend_cells

    trend = the_trend(
        tmp_path,
        "S1,P1,2026-01-01,IL-6,1,pg/mL\nS1,P1,2026-01-01,IL-10,40,pg/mL\n"
        "S2,P1,2026-02-01,IL-6,2,pg/mL\nS3,P1,2026-03-01,IL-6,3,pg/mL\n"
        "S4,P1,2026-04-01,IL-6,50,pg/mL\nS4,P1,2026-04-01,IL-10,3,pg/mL\n",
    )
    il6, il10 = trend.markers
    assert trend_cells(il6, trend.dates)["Trend"].plain == "▁▁▁█"
    assert trend_cells(il10, trend.dates)["Trend"].plain == "█  ▁"
    assert trend_cells(il10)["Trend"].plain == "█▁"  # its own dates alone


def test_one_day_that_may_be_two_written_two_ways_is_one_date_even_alone(tmp_path: Path) -> None:
    """QA: '03/04/2026' and '03-04-2026 08:30' as a patient's only dates were two dates, in
    the file's order, and IL-6 3 then 30 'rose' though both tests were on one day."""
    from panelcli.trends import dates_followed

    rows = "S1,P1,03/04/2026,IL-6,3,pg/mL\nS2,P1,03-04-2026 08:30,IL-6,30,pg/mL\n"
    data = tmp_path / "t.csv"
    data.write_text(f"sample_id,patient_id,collected_at,marker,value,unit\n{rows}", "utf-8")
    # no trend, and why (lab QA round 19: nothing was said)
    [trend] = check_file(str(data)).trends
    assert (trend.dates, trend.markers) == (["03/04/2026"], [])
    assert trend.text == [
        "Patient P1 has 2 tests on 03/04/2026, and not every test gives a time of day. Which "
        "came first is not known, so panelcli cannot show how the results changed over time."
    ]
    assert dates_followed(["03/04/2026", "03-04-2026 08:30"])[0] == ["03/04/2026"]
    # review: beside a date that cannot be read, too (the file's order), still one date
    followed = dates_followed(["03/04/2026", "03-04-2026 08:30", "yesterday"])
    assert followed[0] == ["03/04/2026", "yesterday"]
    assert followed[2]["03-04-2026 08:30"] == "03/04/2026"
    # review: two times on that day with no untimed one are two tests, in their order
    followed = dates_followed(["03/04/2026 08:30", "03/04/2026 17:00", "yesterday"])
    assert followed[0] == ["03/04/2026 08:30", "03/04/2026 17:00", "yesterday"]


@pytest.mark.parametrize(
    ("written", "said"),
    [("2026-02-30", "is not a real day: February 2026 has no day 30"),
     ("2026-02-29", "is not a real day: February 2026 has no day 29 (it is not a leap year)"),
     ("31.04.2026", "is not a real day: April 2026 has no day 31"),
     ("2026-02-30T10:00", "is not a real day: February 2026 has no day 30"),
     ("2026-13-01", UNREADABLE), ("2028-02-29", None),
     # the day is real, the time is not (review: 'January 2026 has no day 31')
     ("2026-01-31T25:00", UNREADABLE), ("31.03.2026 25:00", UNREADABLE),
     ("30/02/2026", "is not a real day: February 2026 has no day 30"),
     ("2026/02/30", "is not a real day: February 2026 has no day 30"),
     ("30-02-2026", "is not a real day: February 2026 has no day 30"),
     ("31/31/2026", UNREADABLE),
     ("2026-04-31T10:00:00Z", "is not a real day: April 2026 has no day 31"),
     ("31 Apr 2026", "is not a real day: April 2026 has no day 31"),
     ("Apr 31, 2026", "is not a real day: April 2026 has no day 31"), ("31 Xyz 2026", UNREADABLE)],
)  # fmt: skip
def test_a_day_the_month_does_not_have_is_said_so(written: str, said: str | None) -> None:
    """'2026-02-30' was 'not a date panelcli can read (such as 2026-03-02 …)', the very form it
    has (QA)."""
    assert why_no_date(written) == said


def test_where_markers_ended_is_said_in_sentences_of_two_clauses_at_most(tmp_path: Path) -> None:
    """Review: 'IL-6 was above the range, and sIL-2R was below it, and IL-8 was still above
    it.' once each side of the range was said."""
    trend = the_trend(
        tmp_path,
        "A,P1,2026-01-01,sIL-2R,2000,pg/mL\nA,P1,2026-01-01,IL-6,1,pg/mL\n"
        "A,P1,2026-01-01,IL-8,20,pg/mL\nB,P1,2026-01-08,sIL-2R,100,pg/mL\n"
        "B,P1,2026-01-08,IL-6,30,pg/mL\nB,P1,2026-01-08,IL-8,30,pg/mL\n",
    )
    assert trend.text[-1] == (
        "At the last test, IL-6 was above the range, and sIL-2R was below it. IL-8 was still "
        "above the range."
    )


@pytest.mark.parametrize("swap", [False, True])
def test_two_tests_on_one_date_give_the_same_trend_in_either_file_order(
    tmp_path: Path, swap: bool
) -> None:
    """QA: 3, then 4 and 150 on one date, then 160 was 'rising' and 'still past the critical
    limit' in one file order, and 'cannot tell' in the other: 3, 150, 4, 160 is a possible
    order, and it turns."""
    ranges = tmp_path / "set.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nhigh = 7.0\ncritical_high = 100\nsource = "t"\n',
        encoding="utf-8",
    )
    same_day = ["A2,SS,2026-01-05,IL-6,4,pg/mL", "A3,SS,2026-01-05,IL-6,150,pg/mL"]
    if swap:
        same_day.reverse()
    data = tmp_path / "t.csv"
    data.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\nA1,SS,2026-01-01,IL-6,3,pg/mL\n"
        + "\n".join(same_day)
        + "\nA4,SS,2026-01-09,IL-6,160,pg/mL\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(data), ranges=str(ranges)).trends
    assert trend.markers[0].direction == "unclear"
    assert trend.text[-1] == "At the last test, IL-6 was past the critical limit above the range."


def test_a_last_date_of_a_high_and_a_critical_test_still_says_where_it_ended(
    tmp_path: Path,
) -> None:
    """QA: two highs on the last date gave 'At the last test, IL-6 was above the range'; a
    high and a critical one (either may have been last) gave no word at all."""
    ranges = tmp_path / "set.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nhigh = 7.0\ncritical_high = 100\nsource = "t"\n',
        encoding="utf-8",
    )
    data = tmp_path / "t.csv"
    data.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\nA1,P1,2026-01-01,IL-6,3,pg/mL\n"
        "A2,P1,2026-01-05,IL-6,50,pg/mL\nA3,P1,2026-01-05,IL-6,150,pg/mL\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(data), ranges=str(ranges)).trends
    assert trend.text[-1] == "At the last test, IL-6 was above the range."


def test_a_zero_width_space_in_a_patient_id_does_not_split_the_patient(tmp_path: Path) -> None:
    """QA: 'Jane Doe' with a zero-width space after it was another patient: the critical 3000
    was left out of Jane Doe's trend without a word."""
    data = tmp_path / "t.csv"
    data.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "A1,Jane Doe,2026-01-01,IL-6,3,pg/mL\nA2,Jane Doe\u200b,2026-01-04,IL-6,3000,pg/mL\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(data)).trends
    assert len(trend.dates) == 2


def test_a_patients_test_with_no_date_beside_one_dated_test_is_said(tmp_path: Path) -> None:
    """QA: a blank date beside one dated test gave no trend section and no word that the
    other test (a critical 400) is in no trend; a placeholder date there was said."""
    data = tmp_path / "t.csv"
    data.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "A1,PX,2026-01-01,IL-6,3,pg/mL\nA2,PX,,IL-6,400,pg/mL\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(data)).trends
    assert trend.text == [
        "Patient PX has 2 tests, but of their dates only 2026-01-01 can be read. So panelcli "
        "cannot show how the results changed over time.",
        "Sample A2 has no date.",
    ]


def test_a_dip_and_a_critical_result_between_first_and_last_are_named(tmp_path: Path) -> None:
    """QA: 'fell, then rose' named no lowest date (a peak was named), and a critical result
    between the first and the last test was said nowhere in the trend."""
    ranges = tmp_path / "set.toml"
    ranges.write_text(
        '[markers."IL-10"]\nunit = "pg/mL"\nlow = 2.0\nhigh = 10.0\ncritical_low = 0.5\n'
        'source = "t"\n[markers."IL-6"]\nunit = "pg/mL"\nhigh = 7.0\ncritical_high = 100\n'
        'source = "t"\n',
        encoding="utf-8",
    )
    rows = [
        f"S{d},P1,2026-01-{d:02d},{marker},{value},pg/mL"
        for d, values in ((5, (5, 3)), (12, (0.3, 150)), (19, (4, 5)))
        for marker, value in zip(("IL-10", "IL-6"), values, strict=True)
    ]
    data = tmp_path / "t.csv"
    data.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n" + "\n".join(rows) + "\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(data), ranges=str(ranges)).trends
    assert "IL-10 fell and then rose again. It was lowest on 2026-01-12." in trend.text
    assert "IL-10 was critically low on 2026-01-12." in trend.text
    assert "IL-6 was critically high on 2026-01-12." in trend.text


def test_times_of_one_date_that_cannot_be_ordered_are_said(tmp_path: Path) -> None:
    """QA: a zoned time beside two plain ones on one date made them one date, and the
    patient's trend (its last test critical) went away without a word."""
    data = tmp_path / "t.csv"
    data.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "W1,Z1,2026-04-01T09:00,IL-6,10,pg/mL\nW2,Z1,2026-04-01T20:30,IL-6,40,pg/mL\n"
        "W3,Z1,2026-04-01T23:00Z,IL-6,150,pg/mL\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(data)).trends
    assert trend.text == [
        "Patient Z1 has 3 tests on 2026-04-01, at times that cannot be put in order. So "
        "panelcli cannot show how the results changed over time."
    ]


def _trend_text(tmp_path: Path, rows: str, name: str = "t.csv") -> list[str]:
    ranges = tmp_path / "set.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nhigh = 7.0\ncritical_high = 100\nsource = "t"\n'
        '[markers."IL-10"]\nunit = "pg/mL"\nlow = 2.0\nhigh = 10.0\ncritical_low = 0.5\n'
        'critical_high = 100\nsource = "t"\n',
        encoding="utf-8",
    )
    data = tmp_path / name
    data.write_text(f"sample_id,patient_id,collected_at,marker,value,unit\n{rows}", "utf-8")
    (trend,) = check_file(str(data), ranges=str(ranges)).trends
    return trend.text


def test_review_of_the_trend_fixes(tmp_path: Path) -> None:
    """Review: repeats of one value on many dates were 'cannot be told' (a cap on orders);
    'still' followed the file's order where the last date's tests were on two sides; a
    critical result was said 'at or past' where it was critically low; a critical result
    beside a normal repeat on the last date was said nowhere."""
    repeats = "".join(
        f"S{d}{r},P1,2026-01-{d:02d},IL-6,5,pg/mL\n" for d in (1, 5, 9, 13) for r in "abc"
    )
    assert "IL-6 stayed about the same." in _trend_text(tmp_path, repeats)
    low, high = "A2,P1,2026-01-05,IL-10,1.5,pg/mL\n", "A3,P1,2026-01-05,IL-10,15,pg/mL\n"
    for last in (low + high, high + low):
        text = _trend_text(tmp_path, "A1,P1,2026-01-01,IL-10,1,pg/mL\n" + last)
        assert text[-1] == "At the last test, IL-10 was outside the range."
    text = _trend_text(
        tmp_path, "A,P1,2026-01-01,IL-10,5,pg/mL\nB,P1,2026-01-05,IL-10,0.3,pg/mL\n"
        "C,P1,2026-01-09,IL-10,150,pg/mL\n",
    )  # fmt: skip
    assert "IL-10 was critically low on 2026-01-05." in text
    text = _trend_text(
        tmp_path, "A,P1,2026-01-01,IL-6,3,pg/mL\nB,P1,2026-01-05,IL-6,3,pg/mL\n"
        "C,P1,2026-01-05,IL-6,150,pg/mL\n",
    )  # fmt: skip
    assert "IL-6 was critically high on 2026-01-05." in text


def test_review_of_the_left_out_and_one_date_sentences(tmp_path: Path) -> None:
    """Review: six left-out samples ended in a sentence '2 more.'; one sample in two files
    was counted as two tests."""
    rows = "A1,P1,2026-01-01,IL-6,2,pg/mL\nA2,P1,2026-01-05,IL-6,2,pg/mL\n" + "".join(
        f"U{i},P1,,{m},50,pg/mL\n"
        for i, m in enumerate(("IL-1β", "IL-2", "IL-4", "IL-5", "IL-6", "IL-8"), 1)
    )
    (trend,) = check_file(str(_written(tmp_path, rows))).trends
    assert not any(t.endswith("2 more.") and t.startswith("2 more") for t in trend.text)
    assert trend.text[-1].endswith("and 2 more.") and ": IL-1β was high" in trend.text[-1]
    one = _written(tmp_path, "A1,PX,2026-01-01,IL-6,3,pg/mL\n", "u1.csv")
    two = _written(tmp_path, "A1,PX,2026-01-01,IL-10,3,pg/mL\nA2,PX,,IL-6,400,pg/mL\n", "u2.csv")
    (trend,) = check_files([str(one), str(two)]).trends
    assert trend.text[0].startswith("Patient PX has 2 tests")


def _written(tmp_path: Path, rows: str, name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_text(f"sample_id,patient_id,collected_at,marker,value,unit\n{rows}", "utf-8")
    return path


@given(
    st.lists(
        st.sampled_from([0.0, 0.5, 1.0, 1.2, 1.25, 1.3, 2.0, 2.24, 2.8, 5.0, 10.0, 1e6]),
        min_size=2,
        max_size=8,
    )
)
def test_numbers_one_a_date_get_the_direction_every_order_gives(values: list[float]) -> None:
    """The quick rule for numbers measured one a date (most trends) agrees with the rule that
    tries every order and limit the results allow."""
    from panelcli.trends import _direction_by_orders, trend_direction

    points = [
        TrendPoint(
            collected_at=f"2026-01-{n + 1:02d}", trend_date=f"2026-01-{n + 1:02d}",
            source="a.csv", line=n + 2, value=value, status=Status.NORMAL,
        )
        for n, value in enumerate(values)
    ]  # fmt: skip
    assert trend_direction(points) == _direction_by_orders(points)


def test_a_panel_names_the_patient_its_first_row_leaves_blank(tmp_path: Path) -> None:
    """QA: a sample whose first row's patient cell is blank was no one's panel (json, table)
    and P1's trend was lost without a word; with the rows swapped it had one."""
    from panelcli.check import CheckOptions, Interpreter, build_overview
    from panelcli.ranges import load_ranges

    path = tmp_path / "later.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "S1,,2026-03-02,IL-8,1.0,pg/mL\nS1,P1,2026-03-02,IL-6,2.0,pg/mL\n"
        "S2,P1,2026-04-02,IL-6,9.0,pg/mL\n",
        encoding="utf-8",
    )
    report = check_file(str(path))
    assert [(p.sample_id, p.patient_id) for p in report.panels] == [("S1", "P1"), ("S2", "P1")]
    assert [(t.patient_id, t.dates) for t in report.trends] == [
        ("P1", ["2026-03-02", "2026-04-02"])
    ]
    ranges = load_ranges()
    overview = build_overview(Interpreter(ranges, CheckOptions()).stream([str(path)]), ranges)
    assert [p.patient_id for p in overview.panels] == ["P1", "P1"]
    assert overview.patients_followed == 1


@pytest.mark.parametrize(
    ("written", "read"),
    [("20260301083000", datetime(2026, 3, 1, 8, 30)), ("202603010830", datetime(2026, 3, 1, 8, 30)),
     ("20260301083000+0100", datetime(2026, 3, 1, 7, 30)), ("20261301083000", None),
     ("1772353800", None), ("1772030108", None), ("1780051512", None)],
)  # fmt: skip
def test_hl7_date_and_time_is_read(written: str, read: datetime | None) -> None:
    """QA: an HL7-derived export's '20260301083000' was date-unreadable (no trend, no age),
    while '20260301' was read; a number that is no such date (seconds since 1970) is not."""
    assert read_date(written) == read


def test_hl7_dates_make_a_trend(tmp_path: Path) -> None:
    path = tmp_path / "hl7.csv"
    path.write_text(
        "MRN,Accession,Collected,Test,Result,Units\n100234,A1,20260301083000,IL-6,40,pg/mL\n"
        "100234,A2,20260302081500,IL-6,10,pg/mL\n",
        encoding="utf-8",
    )
    report = check_file(str(path))
    assert not [w for w in report.warnings if w.code == "date-unreadable"]
    assert [(t.patient_id, len(t.dates)) for t in report.trends] == [("100234", 2)]


def test_seconds_since_1970_are_no_hl7_hour(tmp_path: Path) -> None:
    """Review: '1772030108' (seconds, February 2026) was read as HL7's 1772-03-01 08h, and
    said to be 'before 1900'; P1's trend in the file's order was lost."""
    path = tmp_path / "epoch.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\nA1,P1,1772030108,IL-6,4,pg/mL\n"
        "A2,P1,1780051512,IL-6,70,pg/mL\n",
        encoding="utf-8",
    )
    report = check_file(str(path))
    said = [w.message for w in report.warnings if w.code == "date-unreadable"]
    assert said and not [m for m in said if "before 1900" in m]
    assert [t.patient_id for t in report.trends] == ["P1"]


def test_the_trend_sentences_write_hl7_dates_as_a_reader_reads_them(tmp_path: Path) -> None:
    """QA: 'Patient P1 was tested on 2 dates, from 20260301083000 to 20260325083000-0500.'"""
    path = tmp_path / "hl7.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\nA1,P1,20260301083000,IL-6,4,pg/mL\n"
        "A2,P1,20260325083000-0500,IL-6,70,pg/mL\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(path)).trends
    assert (
        trend.text[0]
        == "Patient P1 was tested on 2 dates, from 2026-03-01 08:30 to 2026-03-25 08:30."
    )
    assert trend.dates == ["20260301083000", "20260325083000-0500"]  # as written, for programs
    # review: ISO's basic '20260701' too
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\nA1,P1,20260701,IL-6,4,pg/mL\n"
        "A2,P1,20260708,IL-6,70,pg/mL\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(path)).trends
    assert trend.text[0] == "Patient P1 was tested on 2 dates, from 2026-07-01 to 2026-07-08."


def test_an_hl7_time_is_a_time_not_a_day_with_none(write_csv) -> None:
    """QA: '20260520063000' after '2026-05-20T06:30' (one moment) was taken for a day with
    no time, so the trend's date was the later spelling, not the first written; and another
    time of that day was no other test."""
    (trend,) = check_file(
        write_csv(
            "sample_id,patient_id,collected_at,marker,value,unit\n"
            "A1,P1,2026-05-20T06:30,IL-6,3,pg/mL\nA2,P1,20260520063000,IL-8,4,pg/mL\n"
            "A3,P1,20260520173000,IL-8,6,pg/mL\nA4,P1,2026-06-01,IL-6,5,pg/mL\n"
        )
    ).trends
    assert trend.dates == ["2026-05-20T06:30", "20260520173000", "2026-06-01"]


def test_a_zoned_hl7_time_is_a_time_in_its_zone(write_csv) -> None:
    """Review: '202605201800+0100' was taken for a time with no zone, so it and a test at
    05:30Z that day were one date."""
    (trend,) = check_file(
        write_csv(
            "sample_id,patient_id,collected_at,marker,value,unit\n"
            "S-1,P-1,2026-05-20T05:30Z,IL-6,5,pg/mL\nS-2,P-1,202605201800+0100,IL-6,9,pg/mL\n"
            "S-3,P-1,2026-05-22T05:30Z,IL-6,3,pg/mL\n"
        )
    ).trends
    assert len(trend.dates) == 3
