"""What trends QA round 17 (/work/qa17/trends) found."""

from __future__ import annotations

import pytest

from panelcli.check import check_file, check_files
from panelcli.trends import numbered_order


@pytest.mark.parametrize(
    ("names", "ordered"),
    [
        (["Visit 1", "Visit 10", "Visit 2"], ["Visit 1", "Visit 2", "Visit 10"]),
        (["Day 8", "day -1", "DAY 15"], ["day -1", "Day 8", "DAY 15"]),
        (["V2", "V1.1", "V1"], ["V1", "V1.1", "V2"]),
        (["46140", "46100", "46120"], ["46100", "46120", "46140"]),
        (["1", "2", "1.1"], ["1", "1.1", "2"]),
        # a '-' right after a word (reviews): joined where its word counts up, or where the
        # joined numbers come before the others; else a minus
        (["V 3", "V-1"], ["V-1", "V 3"]),
        (["Visit-1", "Visit-10", "Visit-2"], ["Visit-1", "Visit-2", "Visit-10"]),
        (["Visit-2", "Visit-1", "Visit 3"], ["Visit-1", "Visit-2", "Visit 3"]),
        (["D1", "D-7", "D15", "D8"], ["D-7", "D1", "D8", "D15"]),
        (["D+1", "D-7", "D+8"], ["D-7", "D+1", "D+8"]),
        (["T+30", "T-30", "T0"], ["T-30", "T0", "T+30"]),
        (["D-1", "D1"], ["D-1", "D1"]),
        # fifth review: a minus beside a later day, joined beside a visit's earlier ones
        (["D-14", "D-7", "D28"], ["D-14", "D-7", "D28"]),
        (["Visit 1", "Visit-10", "Visit 2"], ["Visit 1", "Visit 2", "Visit-10"]),
    ],
)
def test_collections_named_by_one_word_and_a_number_go_by_the_number(
    names: list[str], ordered: list[str]
) -> None:
    assert numbered_order(names) == ordered


@pytest.mark.parametrize(
    "names",
    [
        ["Screening", "Day 1", "Day 8"],  # no number: the file's order
        ["Day 8", "Week 2"],  # two words
        ["Visit 1", "VISIT 1"],  # one number twice
        ["Day 1 Pre-dose", "Day 1 4h post-dose"],
        ["05/01/2026", "01/05/2026"],
        ["15.3", "2.4", "20.4"],  # days and months with no year (review)
        # reviews: every label with a '-' right after a word that does not count up: days
        # before a dose, or visits?
        ["D-14", "D-7"],
        ["Day-1", "Day-10"],
    ],
)
def test_other_collections_keep_the_order_of_the_file(names: list[str]) -> None:
    assert numbered_order(names) is None


def test_a_study_sorted_as_text_is_trended_in_visit_order(write_csv) -> None:
    """'Visit 10' before 'Visit 2': 'up and down' and 'still above the range at the last
    test', though Visit 10 was back inside it."""
    path = write_csv(
        "USUBJID,VISIT,VISITNUM,LBTEST,LBORRES,LBORRESU\n101,Visit 1,1,IL-6,2,pg/mL\n"
        "101,Visit 10,10,IL-6,1,pg/mL\n101,Visit 2,2,IL-6,50,pg/mL\n101,Visit 3,3,IL-6,40,pg/mL\n"
    )
    [trend] = check_file(path).trends
    assert trend.dates == ["Visit 1", "Visit 2", "Visit 3", "Visit 10"]
    assert [p.value for p in trend.markers[0].points] == [2, 50, 40, 1]
    assert trend.markers[0].direction == "rose then fell"
    assert "so the tests are taken in the order of the numbers in them." in trend.text[0]
    assert "At the last test, IL-6 was back inside the range." in trend.text


def test_a_patient_id_pandas_wrote_as_a_float_is_the_same_patient(write_csv) -> None:
    """'123.0' (a whole-number column with a blank cell, as pandas writes it) and '123' were
    two patients, the highest result left out of 123's trend without a word."""
    path = write_csv(
        "sample_id,patient_id,collected_at,marker,value,unit\nC,123,2026-03-08,IL-6,10,pg/mL\n"
        "E,123.0,2026-03-15,IL-6,20,pg/mL\nF,123,2026-03-22,IL-6,1,pg/mL\n"
    )
    [trend] = check_file(path).trends
    assert trend.patient_id == "123"
    assert [p.value for p in trend.markers[0].points] == [10, 20, 1]
    # ids are still told apart where they are other numbers
    from panelcli.values import person_key

    assert person_key("123.0") == person_key("123") != person_key("123.5")
    assert person_key("1.05") == "1.05"


def _direction(write_csv, days: list[list[str]]) -> str:
    """The trend's direction of IL-6 results, a list of them each day."""
    from datetime import date, timedelta

    rows = "".join(
        f"S{d}-{k},P1,{date(2026, 3, 1) + timedelta(days=d)},IL-6,{value},pg/mL\n"
        for d, values in enumerate(days)
        for k, value in enumerate(values)
    )
    path = write_csv("sample_id,patient_id,collected_at,marker,value,unit\n" + rows)
    [trend] = check_file(path).trends
    return trend.markers[0].direction


@pytest.mark.parametrize(
    ("days", "direction"),
    [
        # either order of 4 and 8 rose and then fell: not 'cannot tell'
        ([["1"], ["4", "8"], ["1.1"]], "rose then fell"),
        # either order turns three times, at other places
        ([["1"], ["2", "20"], ["5"], ["50"], ["1"]], "up and down"),
        # one order of these rose only
        ([["1"], ["4", "1"], ["8"]], "unclear"),
        # '<5' may be 4.9: three turns are possible but not certain in any order
        ([["1"], ["<5", "20"], ["5"], ["1"]], "unclear"),
    ],
)
def test_tests_of_one_date_are_tried_in_each_order(
    write_csv, days: list[list[str]], direction: str
) -> None:
    assert _direction(write_csv, days) == direction


def test_a_result_too_high_to_measure_is_said_so_in_the_trend_table(write_csv) -> None:
    """'OOR >' first was shown '? → 3 pg/mL', as if unknown."""
    from panelcli.render.table import trend_cells

    path = write_csv(
        "sample_id,patient_id,collected_at,marker,value,unit\nA,P0,2026-01-05,IL-6,OOR >,pg/mL\n"
        "B,P0,2026-01-12,IL-6,30,pg/mL\nC,P0,2026-01-19,IL-6,3,pg/mL\n"
    )
    [trend] = check_file(path).trends
    cells = trend_cells(trend.markers[0], trend.dates)
    assert cells["First → last"].plain == "too high to measure → 3 pg/mL"
    assert cells["Highest"].plain == "too high to measure on 2026-01-05"  # it was '-'


@pytest.mark.parametrize(
    ("values", "said"),
    [
        (["1", "9", "9", "1"], "IL-6 rose and then fell again. It was highest on 2026-03-02 and "
         "2026-03-03."),
        (["9", "1", "1", "9"], "IL-6 fell and then rose again. It was lowest on 2026-03-02 and "
         "2026-03-03."),
    ],
)  # fmt: skip
def test_a_tie_for_highest_or_lowest_names_each_date(
    write_csv, values: list[str], said: str
) -> None:
    rows = "".join(
        f"S{d},P1,2026-03-{d + 1:02d},IL-6,{value},pg/mL\n" for d, value in enumerate(values)
    )
    path = write_csv("sample_id,patient_id,collected_at,marker,value,unit\n" + rows)
    [trend] = check_file(path).trends
    assert said in trend.text


@pytest.mark.parametrize("first", [[">5", "5"], ["5", ">5"]])
def test_a_limit_and_a_number_alike_on_one_date_give_one_direction_either_way(
    write_csv, first: list[str]
) -> None:
    """Review: '>5' beside 5, then 1.1, was 'falling' in one row order and 'cannot tell' in
    the other; 5, then '>5' as 100, then 1.1 rose and fell."""
    assert _direction(write_csv, [first, ["1.1"]]) == "unclear"


@pytest.mark.parametrize(
    "days", [[["1.2", "<1.3"], ["9"]], [["<1.3", "1.2"], ["9"]], [["<3"], ["9", ">8"]]]
)
def test_a_limit_beside_a_number_on_an_end_date_may_be_either_end(
    write_csv, days: list[list[str]]
) -> None:
    """Second review: 1.2 beside '<1.3', then 9, was 'rising', though 1.2 first and '<1.3'
    as 0.5 fell and then rose; '<3', then '>8' as 100 and 9, rose and then fell."""
    assert _direction(write_csv, days) == "unclear"


def test_a_long_series_with_tests_in_no_known_order_is_not_tried_in_each_order(write_csv) -> None:
    """Review: a year of daily tests with five on one date took 45 s; past 40 tests the
    quicker rule answers."""
    from panelcli.trends import MAX_TESTS_ORDERED

    days = [[str(1 + d % 7)] for d in range(MAX_TESTS_ORDERED)] + [["2", "9", "3", "8", "1"]]
    assert _direction(write_csv, days) in ("up and down", "unclear")


def test_too_high_to_measure_is_no_highest_beside_a_limit_that_may_be_higher(write_csv) -> None:
    """Third review: 'too high to measure on DATE' beside a later '>5000'."""
    from panelcli.render.table import trend_cells

    path = write_csv(
        "sample_id,patient_id,collected_at,marker,value,unit\nA,P0,2026-03-01,IL-6,OOR >,pg/mL\n"
        "B,P0,2026-03-08,IL-6,>5000,pg/mL\n"
    )
    [trend] = check_file(path).trends
    assert trend_cells(trend.markers[0], trend.dates)["Highest"].plain == "-"


_TWO_PEOPLE = "They may be two people's samples. Check the patient ids before reading on."


def test_one_patient_id_with_two_sexes_and_birth_dates_is_said_in_its_trend(
    write_csv, tmp_path
) -> None:
    """Trends QA round 17 #3: P1 as a girl born 2012 on one sample and a man born 1960 on
    the next was one person's trend, with no word; on the short path too (a set with no
    interval by sex or age)."""
    text = (
        "sample_id,patient_id,sex,birth_date,collected_at,marker,value,unit\n"
        "K1,P1,F,2012-06-01,2026-03-01,IL-6,7,pg/mL\nK2,P1,M,1960-06-01,2026-03-20,IL-6,7,pg/mL\n"
    )
    [trend] = check_file(write_csv(text)).trends
    assert trend.text[1] == (
        "The samples of patient P1 give two sexes: female on line 2 and male on line 3. They "
        "also give two birth dates: 2012-06-01 on line 2 and 1960-06-01 on line 3. " + _TWO_PEOPLE
    )
    # in two files, each line is named with its file
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    lines = text.splitlines(keepends=True)
    first.write_text(lines[0] + lines[1], encoding="utf-8")
    second.write_text(lines[0] + lines[2], encoding="utf-8")
    [trend] = check_files([first, second]).trends
    assert f"female on line 2 of {first} and male on line 2 of {second}." in trend.text[1]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("F,2012-06-01", "female,2012-06-01"),  # one sex written two ways
        ("F,1960-06-01", "F,01.06.1960"),  # one birth date written two ways
        ("F,1960-06-01", ","),  # not given on the later sample
    ],
)
def test_one_person_s_details_written_two_ways_are_not_two_people(
    write_csv, first: str, second: str
) -> None:
    path = write_csv(
        "sample_id,patient_id,sex,birth_date,collected_at,marker,value,unit\n"
        f"K1,P1,{first},2026-03-01,IL-6,7,pg/mL\nK2,P1,{second},2026-03-20,IL-6,3,pg/mL\n"
    )
    [trend] = check_file(path).trends
    assert not any(_TWO_PEOPLE in t for t in trend.text)


def test_the_table_says_a_patient_s_samples_may_be_two_people_s(write_csv) -> None:
    from typer.testing import CliRunner

    from panelcli.cli import app

    path = write_csv(
        "sample_id,patient_id,sex,collected_at,marker,value,unit\n"
        "K1,P1,F,2026-03-01,IL-6,7,pg/mL\nK2,P1,M,2026-03-20,IL-6,3,pg/mL\n"
    )
    said = " ".join(CliRunner().invoke(app, ["check", path]).output.split())
    assert "give two sexes: female on line 2 and male on line 3. " + _TWO_PEOPLE in said


def test_one_birth_date_written_day_first_and_month_first_in_two_files_is_one(tmp_path) -> None:
    """Second review: '06/01/1960' of a US lab and '01/06/1960' of a European one, 1 June
    both, were "two birth dates … two people's"; in one file they are two days."""
    head = "sample_id,patient_id,sex,birth_date,collected_at,marker,value,unit\n"
    us, eu = tmp_path / "us.csv", tmp_path / "eu.csv"
    us.write_text(head + "K1,P1,F,06/01/1960,2026-03-01,IL-6,7,pg/mL\n", encoding="utf-8")
    eu.write_text(head + "K2,P1,F,01/06/1960,2026-03-20,IL-6,3,pg/mL\n", encoding="utf-8")
    [trend] = check_files([us, eu]).trends
    assert not any(_TWO_PEOPLE in t for t in trend.text)
    one = tmp_path / "one.csv"
    one.write_text(
        head + "K1,P1,F,06/01/1960,2026-03-01,IL-6,7,pg/mL\nK2,P1,F,01/06/1960,2026-03-20,IL-6,3,"
        "pg/mL\n",
        encoding="utf-8",
    )
    [trend] = check_file(one).trends
    assert any(_TWO_PEOPLE in t for t in trend.text)


def test_a_birth_date_is_compared_with_the_days_the_ones_before_say(write_csv) -> None:
    """Second review: '06/01/1960', then '1960-06-01' (1 June), then '1960-01-06' went
    unsaid, each being a day the first may be; the sentence names the two that differ."""
    path = write_csv(
        "sample_id,patient_id,birth_date,collected_at,marker,value,unit\n"
        "K1,P1,06/01/1960,2026-03-01,IL-6,7,pg/mL\nK2,P1,1960-06-01,2026-03-10,IL-6,5,pg/mL\n"
        "K3,P1,1960-01-06,2026-03-20,IL-6,3,pg/mL\n"
    )
    [trend] = check_file(path).trends
    assert trend.text[1] == (
        "The samples of patient P1 give two birth dates: 1960-06-01 on line 3 and 1960-01-06 on "
        "line 4. " + _TWO_PEOPLE
    )


def test_one_sample_s_two_sexes_are_its_own_conflict_with_or_without_sample_ids(
    write_csv,
) -> None:
    """Second review: with no sample id column, one sample's two sexes (a sample-conflict)
    were also "the samples … may be two people's" in the trend."""
    path = write_csv(
        "patient_id,sex,collected_at,marker,value,unit\nP1,F,2026-03-01,IL-6,7,pg/mL\n"
        "P1,M,2026-03-01,IL-8,3,pg/mL\nP1,F,2026-03-20,IL-6,3,pg/mL\n"
    )
    report = check_file(path)
    assert "sample-conflict" in {w.code for w in report.warnings}
    [trend] = report.trends
    assert not any(_TWO_PEOPLE in t for t in trend.text)


def test_the_two_birth_dates_named_are_the_two_that_differ(tmp_path) -> None:
    """Third review: one file's '06/01/1960' and '01/06/1960' (two days, as it writes them
    one way) were said as '01/06/1960 … and 01/06/1960', of two files."""
    head = "sample_id,patient_id,birth_date,collected_at,marker,value,unit\n"
    b, a = tmp_path / "d_b.csv", tmp_path / "d_a.csv"
    b.write_text(head + "K2,P1,01/06/1960,2026-03-10,IL-6,5,pg/mL\n", encoding="utf-8")
    a.write_text(
        head + "K1,P1,06/01/1960,2026-03-01,IL-6,7,pg/mL\nK3,P1,01/06/1960,2026-03-20,IL-6,3,"
        "pg/mL\n",
        encoding="utf-8",
    )
    [trend] = check_files([b, a]).trends
    assert trend.text[1].startswith(
        f"The samples of patient P1 give two birth dates: 06/01/1960 on line 2 of {a} and "
        f"01/06/1960 on line 3 of {a}."
    )


def test_many_samples_of_one_spelling_do_not_hide_a_birth_date_written_the_other_way(
    write_csv,
) -> None:
    """Fourth review: after eight samples of '1960-06-01', one file's '06/01/1960' and
    '01/06/1960' (two days) were compared with nothing, unsaid."""
    rows = "".join(f"K{n},P1,1960-06-01,2026-03-{n + 1:02d},IL-6,5,pg/mL\n" for n in range(9))
    path = write_csv(
        "sample_id,patient_id,birth_date,collected_at,marker,value,unit\n"
        + rows
        + "K9,P1,06/01/1960,2026-03-20,IL-6,5,pg/mL\nK10,P1,01/06/1960,2026-03-21,IL-6,5,pg/mL\n"
    )
    [trend] = check_file(path).trends
    assert any(_TWO_PEOPLE in t and "06/01/1960 on line 11" in t for t in trend.text)
