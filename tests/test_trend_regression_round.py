"""QA (regression round): trends and the big-file overview where a sample's rows were all rejected.

A sample none of whose rows could be used has a panel with no results. A trend left its date
out in silence and then called an earlier date "the last test"; the big-file overview could
hide it in its "… and N more samples" line.
"""

from __future__ import annotations

from pathlib import Path

from panelcli.check import check_file, check_files
from panelcli.models import Overview

HEADER = "patient_id,sample_id,collected_at,marker,value,unit\n"
T1_T2 = (
    "P9,T1,2026-01-01,IL-6,30,pg/mL\nP9,T1,2026-01-01,TNF-α,30,pg/mL\n"
    "P9,T2,2026-01-05,IL-6,1,pg/mL\nP9,T2,2026-01-05,TNF-α,30,pg/mL\n"
)


def _all_bad(sample: str, day: str) -> str:
    return f"P9,{sample},{day},IL-6,bad,pg/mL\nP9,{sample},{day},TNF-α,bad,pg/mL\n"


def test_a_last_test_none_of_whose_results_could_be_used_is_said_and_not_called_last(
    write_csv,
) -> None:
    (trend,) = check_file(write_csv(HEADER + T1_T2 + _all_bad("T3", "2026-01-09"))).trends
    assert trend.dates == ["2026-01-01", "2026-01-05"]
    assert trend.text[0] == "Patient P9 has results on 2 dates, from 2026-01-01 to 2026-01-05."
    assert (
        "Sample T3 of patient P9 has no result that could be used, so it is not part of these "
        "changes. The date is 2026-01-09." in trend.text
    )
    ends = [t for t in trend.text if "last test" in t and "first test" not in t]
    assert ends and all(t.startswith("At the last test with results, ") for t in ends)


def test_a_middle_test_none_of_whose_results_could_be_used_is_said(write_csv) -> None:
    (trend,) = check_file(write_csv(HEADER + T1_T2 + _all_bad("T3", "2026-01-03"))).trends
    assert trend.text[0] == "Patient P9 has results on 2 dates, from 2026-01-01 to 2026-01-05."
    assert (
        "Sample T3 of patient P9 has no result that could be used, so it is not part of these "
        "changes. The date is 2026-01-03." in trend.text
    )
    # 2026-01-05 is still the last test: the wording stays as it was.
    assert not any("with results" in t for t in trend.text)
    assert any(t.startswith("At the last test, ") for t in trend.text)


def test_several_unusable_samples_are_said_in_one_sentence(write_csv) -> None:
    rows = _all_bad("T3", "2026-01-03") + _all_bad("T4", "2026-01-09")
    (trend,) = check_file(write_csv(HEADER + T1_T2 + rows)).trends
    assert (
        "Sample T3 and sample T4 of patient P9 have no results that could be used, so they are not "
        "part of these changes. The dates are 2026-01-03 and 2026-01-09." in trend.text
    )


def test_a_trend_with_no_unusable_sample_is_worded_as_before(write_csv) -> None:
    (trend,) = check_file(write_csv(HEADER + T1_T2)).trends
    assert trend.text[0] == "Patient P9 was tested on 2 dates, from 2026-01-01 to 2026-01-05."
    assert not any("could be used" in t or "with results" in t for t in trend.text)


DOUBTED = (
    "sample_id;patient_id;collected_at;marker;value;unit\n"
    "S1;P1;2026-01-01;IL-8;1.500;pg/mL\nS1;P1;2026-01-01;IL-6;2.000;pg/mL\n"
    "S1;P1;2026-01-01;TNF-α;5.000;pg/mL\n"
    "S2;P1;2026-01-02;IL-8;3;pg/mL\nS2;P1;2026-01-02;IL-6;9;pg/mL\nS2;P1;2026-01-02;TNF-α;6,0;pg/mL\n"
    "S3;P1;2026-01-03;IL-8;4;pg/mL\nS3;P1;2026-01-03;IL-6;1;pg/mL\nS3;P1;2026-01-03;TNF-α;x;pg/mL\n"
)


def test_a_test_left_out_for_its_number_is_said_once_and_only_of_markers_with_a_trend(
    write_csv,
) -> None:
    """TNF-α has one test that can be used, so no trend row: 'TNF-α's trend leaves out…' spoke
    of a trend that is not there. IL-8's and IL-6's sentences began alike: one now."""
    (trend,) = check_file(write_csv(DOUBTED)).trends
    assert [m.marker for m in trend.markers] == ["IL-8", "IL-6"]
    left_out = [t for t in trend.text if "leave" in t]
    assert left_out == [
        "The trends of IL-8 and IL-6 leave out the test on 2026-01-01: their numbers can be "
        "read in two ways (see their notes)."
    ]
    # It has no trend, and says so, and why: its other number can be read in two ways (QA:
    # only 'compared on only one date' was said of a marker tested on two)
    assert [t for t in trend.text if "TNF-α" in t] == [
        "TNF-α's test on 2026-01-01 is not compared: its number can be read in two ways (see "
        "the notes).",
        "TNF-α has a result that can be compared on only one date, so it has no trend.",
    ]


def test_where_markers_ended_at_one_test_is_one_text_whose_sentences_begin_differently(
    write_csv,
) -> None:
    """'At the last test, IL-8 was inside …' then 'At the last test, TNF-α and IL-10 were
    outside …': two sentences that began alike. IL-8 (30, 30, 1) was outside before: plain
    'was inside' read as if it had never been out."""
    rows = {
        "IL-8": ("30", "30", "1"),  # only ever outside before: moved into the range
        "IL-6": ("1", "30", "1"),  # inside, outside, inside: back
        "TNF-α": ("1", "1", "50"),  # newly outside
        "IL-10": ("1", "1", "50"),
        "IFN-γ": ("50", "50", "50"),  # still outside
    }
    days = ("2026-01-01", "2026-01-02", "2026-01-03")
    text = "sample_id,patient_id,collected_at,marker,value,unit\n" + "".join(
        f"S{i},P1,{day},{marker},{values[i]},pg/mL\n"
        for i, day in enumerate(days)
        for marker, values in rows.items()
    )
    (trend,) = check_file(write_csv(text)).trends
    ended = [t for t in trend.text if t.startswith("At the last test")]
    assert ended == [
        "At the last test, IL-8 had moved into the range, and IL-6 was back inside it. TNF-α and "
        "IL-10 were above the range, and IFN-γ was still above it."
    ]


def _big(write_csv, samples: int, flag_every: int, unusable: set[int]) -> str:
    """`samples` samples of four markers (more than 1,000 results, so the table is an overview):
    IL-6 high every `flag_every`th sample; the `unusable` ones have only values that are no
    numbers."""
    lines = ["sample_id,marker,value,unit"]
    for n in range(samples):
        for marker in ("IL-6", "IL-8", "IL-10", "TNF-α"):
            value = "50" if marker == "IL-6" and n % flag_every == 0 else "1.0"
            lines.append(f"S{n:03d},{marker},{'bad' if n in unusable else value},pg/mL")
    return write_csv("\n".join(lines) + "\n")


def _overviews(path: str) -> tuple[Overview, Overview]:
    from panelcli.check import CheckOptions, Interpreter, build_overview, build_report
    from panelcli.ranges import load_ranges
    from panelcli.render.table import overview_of

    ranges = load_ranges()
    streamed = build_overview(Interpreter(ranges, CheckOptions()).stream([path]), ranges)
    whole = overview_of(build_report(Interpreter(ranges, CheckOptions()).stream([path]), ranges))
    return streamed, whole


def _table(path: str) -> str:
    from typer.testing import CliRunner

    from panelcli.cli import app

    result = CliRunner().invoke(app, ["check", path], env={"COLUMNS": "120"})
    return " ".join(result.stdout.split())


def test_the_overview_tail_counts_hidden_samples_with_no_result_that_could_be_used(
    write_csv,
) -> None:
    """75 samples are flagged, so the 50 listed are all flagged, and the 3 samples none of
    whose rows could be used were hidden in '… and 250 more samples (25 of them …)'."""
    path = _big(write_csv, 300, 4, {1, 150, 299})
    streamed = _overview_said(
        path, "… and 250 more samples (25 of them with results outside the range, 3 with no "
        "result that could be used).",
    )  # fmt: skip
    assert (streamed.flagged_samples, streamed.unusable_samples) == (75, 3)


def _overview_said(path: str, tail: str) -> Overview:
    """The streamed overview of a file, checked to be the whole report's, whose table ends its
    list with `tail`."""
    streamed, whole = _overviews(path)
    assert streamed == whole
    assert tail in _table(path)
    return streamed


def test_samples_with_no_result_that_could_be_used_are_listed_after_flagged_ones(
    write_csv,
) -> None:
    path = _big(write_csv, 260, 52, {7, 200})
    streamed, whole = _overviews(path)
    assert streamed == whole
    listed = [(p.sample_id, p.measured) for p in streamed.panels]
    assert listed[:8] == [
        ("S000", 4), ("S052", 4), ("S104", 4), ("S156", 4), ("S208", 4),
        ("S007", 0), ("S200", 0), ("S001", 4),
    ]  # fmt: skip
    table = _table(path)
    # '(0 of them …)' read oddly: 'none'
    assert "… and 210 more samples (none of them with results outside the range)." in table


def test_with_dates_read_in_file_order_the_last_test_is_so_called_unless_one_was_unusable(
    write_csv,
) -> None:
    rows = "P9,T1,day one,IL-6,30,pg/mL\nP9,T2,day two,IL-6,1,pg/mL\n"
    (trend,) = check_file(write_csv(HEADER + rows)).trends
    assert "At the last test, IL-6 had moved into the range." in trend.text
    (trend,) = check_file(write_csv(HEADER + rows + "P9,T3,day three,IL-6,bad,pg/mL\n")).trends
    assert "At the last test with results, IL-6 had moved into the range." in trend.text


def test_a_row_naming_another_patient_for_its_sample_is_no_point_of_the_trend(
    tmp_path: Path,
) -> None:
    """QA (developer round): S1's row for patient P2 on 2026-01-01, in b.csv where S1 is P1's
    sample of 2026-01-05, was drawn as P1's IL-8 of 2026-01-05 (50: 'rising')."""
    header = "sample_id,patient_id,collected_at,marker,value,unit\n"
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text(header + "S1,P1,2026-01-01,IL-6,3,pg/mL\nS1,P1,2026-01-01,IL-8,5,pg/mL\n")
    second.write_text(header + "S1,P1,2026-01-05,IL-6,30,pg/mL\nS1,P2,2026-01-01,IL-8,50,pg/mL\n")
    report = check_files([first, second])
    (trend,) = report.trends
    assert [m.marker for m in trend.markers] == ["IL-6"]  # IL-8 has one test of P1's left
    # with one more test of P1's, IL-8 has a trend, and says what it leaves out
    second.write_text(
        header + "S1,P1,2026-01-05,IL-6,30,pg/mL\nS1,P2,2026-01-01,IL-8,50,pg/mL\n"
        "S1,P1,2026-01-05,IL-8,8,pg/mL\n"
    )
    report = check_files([first, second])
    (trend,) = report.trends
    il8 = next(m for m in trend.markers if m.marker == "IL-8")
    assert [p.value for p in il8.points] == [5, 8]
    assert (
        "IL-8's trend leaves out one result of sample 'S1', as its row names another patient or "
        "date (see the warnings). It was high." in trend.text
    )


def test_samples_left_out_of_a_trend_are_named_a_few_at_most(tmp_path: Path) -> None:
    """Regression QA: 300 samples with unreadable dates made one sentence of 6,783 characters."""
    rows = ["A,P1,2026-01-01,IL-6,3,pg/mL", "B,P1,2026-02-01,IL-6,9,pg/mL"]
    rows += [f"S{i},P1,day{i},IL-6,3,pg/mL" for i in range(300)]
    path = tmp_path / "d2.csv"
    path.write_text("sample_id,patient_id,collected_at,marker,value,unit\n" + "\n".join(rows))
    (trend,) = check_file(path).trends
    assert trend.text[-2:] == [
        "Sample S0, sample S1, sample S2, sample S3 and 296 more of patient P1 have dates that "
        "cannot be read, so they are not part of these changes. The dates are 'day0', 'day1', "
        "'day2', 'day3' and 296 more.",
        "These changes leave out the results of those samples: IL-6 was high in all of them.",
    ]


def test_a_row_with_blank_patient_and_date_cells_stays_in_the_trend(tmp_path: Path) -> None:
    """Review: a filled-down sheet's blank cells agree with the sample's (no sample-conflict),
    but the trend left such rows out (IL-10 gone), and said they named another patient."""
    path = tmp_path / "d6.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\nS0,P1,2026-02-01,IL-6,5,pg/mL\n"
        "S0,,,IL-10,5,pg/mL\nS2,P1,2026-04-01,IL-6,19,pg/mL\nS2,,N/A,IL-10,35,pg/mL\n"
    )
    (trend,) = check_file(path).trends
    assert [m.marker for m in trend.markers] == ["IL-6", "IL-10"]
    assert not [t for t in trend.text if "leaves out" in t]


def test_results_left_out_for_another_patient_are_counted(tmp_path: Path) -> None:
    """Review: 'leaves out one result of sample 'S2' and 'S3'' for two results."""
    header = "sample_id,patient_id,collected_at,marker,value,unit\n"
    path = tmp_path / "tr.csv"
    path.write_text(
        header + "S1,P1,2026-01-01,IL-8,5,pg/mL\nS2,P1,2026-02-01,IL-8,9,pg/mL\n"
        "S2,P2,2026-01-05,IL-8,50,pg/mL\nS3,P1,2026-03-01,IL-8,20,pg/mL\n"
        "S3,P3,2026-01-07,IL-8,70,pg/mL\n"
    )
    (trend,) = check_file(path).trends
    assert (
        "IL-8's trend leaves out 2 results of samples 'S2' and 'S3', as their rows name another "
        "patient or date (see the warnings). Among them, IL-8 was high." in trend.text
    )


def test_the_overview_tail_counts_samples_the_lab_gave_no_result_for_apart(write_csv) -> None:
    """Known item: a sample whose every test was cancelled was counted among those 'with no
    result that could be used', as if its rows had been refused."""
    path = _big(write_csv, 300, 4, {1, 150, 299})
    text = Path(path).read_text(encoding="utf-8")
    cancelled = "".join(f"X{n},{m},cancelled,pg/mL\n" for n in range(60) for m in ("IL-6", "IL-8"))
    streamed = _overview_said(
        write_csv(text + cancelled), "… and 310 more samples (25 of them with results outside "
        "the range, 3 with no result that could be used, 60 with no result from the lab).",
    )  # fmt: skip
    assert (streamed.unusable_samples, streamed.not_given_samples) == (3, 60)
