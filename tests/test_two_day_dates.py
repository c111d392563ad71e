"""A collection date that may be two days ('03/04/2026': 3 April or 4 March).

QA: beside two dates written year first, such a test was left out of its patient's trend with
no reason given, `validate` said '0 problems', and the trend said IL-6 'fell' and 'had moved
into the range' though the test it left out was the only high one.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.check import check_file
from panelcli.cli import app
from panelcli.models import Report, Status

HEADER = "sample_id,patient_id,collected_at,marker,value,unit\n"
QA_ROWS = (
    "C1,P3,2026-03-02,IL-6,3.0,pg/mL\nC2,P3,03/04/2026,IL-6,12.0,pg/mL\n"
    "C3,P3,2026-03-10,IL-6,1.0,pg/mL\n"
)
WHY = (
    "A date such as '03/04/2026' can mean 3 April or 4 March 2026: two different days. Some "
    "labs write the day first and others the month. A date written with the year first, as "
    "2026-04-03 for 3 April, can be read only one way."
)


def _file(tmp_path: Path, rows: str, name: str = "a.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def test_the_two_days_of_a_slashed_date() -> None:
    from panelcli.trends import two_days, two_days_said, year_first_said

    assert two_days("03/04/2026") == (date(2026, 4, 3), date(2026, 3, 4))
    assert two_days(" 03-04-2026 08:30 ") == (date(2026, 4, 3), date(2026, 3, 4))
    assert two_days_said("03/04/2026") == "3 April or 4 March 2026"
    assert year_first_said("11/12/2026") == "2026-12-11 for 11 December"
    # read one way only, or no date at all: no two days
    for text in ("03/03/2026", "14/03/2026", "2026-03-04", "31/02/2026", "N/A", "03/04/1800"):
        assert two_days(text) is None, text
        assert two_days_said(text) is None, text


def test_the_trend_says_why_the_date_cannot_be_read_and_what_it_left_out(
    tmp_path: Path,
) -> None:
    report = check_file(str(_file(tmp_path, QA_ROWS)))
    (trend,) = report.trends
    assert trend.dates == ["2026-03-02", "2026-03-10"]
    assert trend.markers[0].direction == "falling"
    assert trend.text[-3:] == [
        "Sample C2 of patient P3 has a date that cannot be read, so it is not part of these "
        "changes. The date is '03/04/2026'.",
        WHY,
        "These changes leave out the result of sample C2: its IL-6 was high.",
    ]
    # still judged and shown as it was
    (c2,) = [p for p in report.panels if p.sample_id == "C2"]
    assert c2.collected_at == "03/04/2026"
    assert [r.status for r in c2.results] == [Status.HIGH]
    from test_plain_language import MAX_GRADE, grade, sentences

    assert [s for t in trend.text for s in sentences(t) if grade(s) > MAX_GRADE] == []


def test_the_one_date_case_says_the_two_days_alike(tmp_path: Path) -> None:
    """Only one date that can be read: the same sentence of why (no trend, so no results to
    say were left out of it)."""
    # 20 March: between the two days (a date after both would give the other a place)
    rows = "C1,P3,2026-03-20,IL-6,3.0,pg/mL\nC2,P3,03/04/2026,IL-6,12.0,pg/mL\n"
    (trend,) = check_file(str(_file(tmp_path, rows))).trends
    assert trend.text[-1] == WHY
    assert not any("leave out" in t for t in trend.text)


def test_results_left_out_name_each_marker_outside_the_range(tmp_path: Path) -> None:
    one = (
        "A,P1,2026-01-01,IL-6,3,pg/mL\nB,P1,2026-03-20,IL-6,1,pg/mL\n"
        "C,P1,03/04/2026,IL-6,30,pg/mL\nC,P1,03/04/2026,IL-8,900,pg/mL\n"
        "C,P1,03/04/2026,TNF-a,30,pg/mL\nC,P1,03/04/2026,IL-10,1,pg/mL\n"
    )
    (trend,) = check_file(str(_file(tmp_path, one))).trends
    assert trend.text[-1] == (
        "These changes leave out the results of sample C: its IL-6, IL-8 and TNF-α were high."
    )
    several = one.replace("C,P1,03/04/2026,IL-8", "D,P1,,IL-8")
    (trend,) = check_file(str(_file(tmp_path, several, "b.csv"))).trends
    assert trend.text[-1] == (
        "These changes leave out the results of those samples. IL-8 was high in sample D. "
        "IL-6 and TNF-α were high in sample C."
    )
    inside = "A,P1,2026-01-01,IL-6,3,pg/mL\nB,P1,2026-02-01,IL-6,1,pg/mL\nC,P1,,IL-6,1,pg/mL\n"
    (trend,) = check_file(str(_file(tmp_path, inside, "c.csv"))).trends
    assert (
        trend.text[-1] == "These changes leave out the result of sample C: it was inside the range."
    )


def test_a_two_day_date_is_warned_about_once_per_file(tmp_path: Path) -> None:
    path = _file(tmp_path, QA_ROWS + "C4,P3,03/04/2026,IL-8,1.0,pg/mL\n")
    report = check_file(str(path))
    (warning,) = [w for w in report.warnings if w.code == "date-ambiguous"]
    assert (warning.line, warning.column, warning.sample_id) == (3, "collected_at", "C2")
    assert warning.message == (
        "collected date '03/04/2026' may be 3 April or 4 March 2026, as the day or the month "
        "may come first; it is shown as written, and put in date order only where the other "
        "dates tell its place; no age is counted to it where the two days give different "
        "ranges (written with the year first, as 2026-04-03 for 3 April, it can be read only "
        "one way)"
    )
    assert [w.code for w in report.warnings] == ["date-ambiguous"]


def test_every_format_and_validate_give_the_warning(tmp_path: Path) -> None:
    path = str(_file(tmp_path, QA_ROWS))
    runner = CliRunner()
    env = {"COLUMNS": "200"}
    table = runner.invoke(app, ["check", path], env=env).stdout
    assert table.count("[date-ambiguous]") == 1
    document = json.loads(runner.invoke(app, ["check", path, "--format", "json"]).stdout)
    assert [w["code"] for w in document["warnings"]] == ["date-ambiguous"]
    ndjson = runner.invoke(app, ["check", path, "--format", "ndjson"]).stdout
    assert ndjson.count('"code":"date-ambiguous"') == 1
    csv = runner.invoke(app, ["check", path, "--format", "csv"]).stdout
    assert csv.count(",date-ambiguous,") == 1
    validate = runner.invoke(app, ["validate", path], env=env)
    assert validate.exit_code == 0
    assert "warning date-ambiguous: collected date '03/04/2026' may be 3 April" in validate.stdout
    assert "0 problems, 1 warning in 1 file" in validate.stderr


def test_batches_of_one_file_give_the_warning_once(tmp_path: Path) -> None:
    """Batches are judged apart; joined, the warning is said once, as the CLI says it."""
    from panelcli.batches import read_batches
    from panelcli.ranges import load_ranges
    from panelcli.render.ndjson import ndjson_batch, ndjson_join

    path = _file(tmp_path, QA_ROWS + "C4,P3,03/04/2026,IL-8,1.0,pg/mL\n")
    ranges = load_ranges()
    parts = [ndjson_batch(b, ranges) for b in read_batches(str(path), ranges, rows_per_batch=1)]
    joined = "".join(ndjson_join(parts, ranges.info))
    assert joined.count('"code":"date-ambiguous"') == 1
    cli = CliRunner().invoke(app, ["check", str(path), "--format", "ndjson"]).stdout
    assert joined == cli


BORN = "sample_id,patient_id,birth_date,collected_at,marker,value,unit\n"


def test_a_two_day_date_beside_a_birth_date_is_one_warning(tmp_path: Path) -> None:
    """QA: a birth date column added a person-unreadable warning to the date-ambiguous one,
    two messages for one cause; the date's own says no age is counted to it."""
    path = tmp_path / "born.csv"
    path.write_text(BORN + "C2,P3,1980-02-01,03/04/2026,IL-6,12.0,pg/mL\n", encoding="utf-8")
    runner = CliRunner()
    document = json.loads(runner.invoke(app, ["check", str(path), "--format", "json"]).stdout)
    assert [(w["code"], w["line"], w["column"]) for w in document["warnings"]] == [
        ("date-ambiguous", 2, "collected_at")
    ]
    assert "no age is counted to it" in document["warnings"][0]["message"]
    validate = runner.invoke(app, ["validate", str(path)], env={"COLUMNS": "200"})
    assert "0 problems, 1 warning in 1 file" in validate.stderr


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize(
    "collected, code", [("03/04/2026", "date-ambiguous"), ("yesterday", "date-unreadable")]
)
def test_a_good_birth_date_is_not_blamed_for_the_collection_date(
    tmp_path: Path, short: bool, collected: str, code: str
) -> None:
    """QA: 'birth date '1980-02-01' is not something panelcli reads' was said where the
    collection date was what could not be read; only the collection date's cell is named."""
    from panelcli.check import CheckOptions, Interpreter
    from panelcli.models import Issue
    from panelcli.ranges import load_ranges

    path = tmp_path / "born.csv"
    path.write_text(
        BORN + f"C1,P3,1980-02-01,2026-03-02,IL-6,1.0,pg/mL\nC2,P3,1980-02-01,{collected},IL-6,"
        "12.0,pg/mL\nC3,P3,banana,2026-03-02,IL-8,1.0,pg/mL\n",
        encoding="utf-8",
    )
    checking = Interpreter(load_ranges(None), CheckOptions(), short_path=short)
    issues = [e for e in checking.events([str(path)]) if isinstance(e, Issue)]
    # the birth date that cannot be read ('banana') is still named, on its own line
    assert [(i.code, i.line, i.column) for i in issues] == [
        (code, 3, "collected_at"), ("person-unreadable", 4, "birth_date")
    ]  # fmt: skip
    assert issues[1].message.startswith("birth date 'banana' is not something panelcli reads")


@pytest.mark.parametrize(
    ("born", "status", "said"),
    [
        # 64 on 4 March, 65 on 3 April 2026: an adult either way, so the adult range judges
        ("1961-03-14", Status.HIGH, "age 64 or 65 on the collection date"),
        ("1961-07-01", Status.HIGH, "age 64 on the collection date"),
        # 17 on 4 March, 18 on 3 April: only one of the two days has an adult range
        ("2008-03-14", Status.INDETERMINATE, "differs between age 17 and 18"),
    ],
)  # fmt: skip
def test_a_two_day_collection_date_judges_where_both_ages_give_one_range(
    tmp_path: Path, born: str, status: Status, said: str
) -> None:
    """QA: with a birth date and '03/04/2026', an adult-only range went unused for a person of
    64 or 65, and the note said the age was not given: a high TNF-α exited 0."""
    data = tmp_path / "t.csv"
    data.write_text(
        "sample_id,patient_id,birth_date,collected_at,marker,value,unit\n"
        f"A1,P1,{born},03/04/2026,TNF-α,50,pg/mL\n",
        encoding="utf-8",
    )
    (panel,) = check_file(str(data), "mayo-adult").panels
    (result,) = panel.results
    assert result.status is status
    assert result.note is not None and said in result.note, result.note
    expected = 1 if status is Status.HIGH else 0
    checked = CliRunner().invoke(app, ["check", str(data), "-r", "mayo-adult", "-q"])
    assert checked.exit_code == expected


def test_a_two_day_date_and_one_of_its_days_are_no_sample_conflict(tmp_path: Path) -> None:
    """QA: one sample's rows dated '2026-04-03' and '03/04/2026' were 'two specimens mixed
    up?', though 3 April is one of the two days '03/04/2026' may be."""
    from panelcli.trends import may_be_one_moment

    assert may_be_one_moment("03/04/2026", "2026-04-03")
    assert may_be_one_moment("2026-03-04 08:30", "03/04/2026")
    assert not may_be_one_moment("03/04/2026", "2026-04-05")
    assert not may_be_one_moment("03/04/2026", "yesterday")
    data = tmp_path / "t.csv"
    data.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "S1,P1,2026-04-03,IL-6,3,pg/mL\nS1,P1,03/04/2026,IL-8,3,pg/mL\n"
        "S2,P1,2026-04-05,IL-6,3,pg/mL\nS2,P1,03/04/2026,IL-8,3,pg/mL\n",
        encoding="utf-8",
    )
    report = check_file(str(data))
    assert [(w.code, w.sample_id) for w in report.warnings if w.code == "sample-conflict"] == [
        ("sample-conflict", "S2")
    ]


def test_two_slashed_dates_of_one_sample_agree_only_read_alike(tmp_path: Path) -> None:
    """Review: '03/04/2026' and '04/03/2026' agreed (each may be the other's day), and a
    sample's first two-day date let both '2026-04-03' and '2026-03-04' agree with it."""
    from panelcli.trends import may_be_one_moment

    assert not may_be_one_moment("03/04/2026", "04/03/2026")
    assert may_be_one_moment("03/04/2026", "03/04/2026 08:30")
    data = tmp_path / "t.csv"
    data.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "S1,P1,03/04/2026,IL-6,3,pg/mL\nS1,P1,2026-04-03,IL-8,3,pg/mL\n"
        "S1,P1,2026-03-04,IL-10,3,pg/mL\n",
        encoding="utf-8",
    )
    conflicts = [w for w in check_file(str(data)).warnings if w.code == "sample-conflict"]
    assert [(w.line, w.sample_id) for w in conflicts] == [(4, "S1")]


def test_two_days_ages_both_without_a_range_are_not_said_to_differ(tmp_path: Path) -> None:
    """Review: where neither age had a range (one for 70 and over; the person 64 or 65),
    the note said the range 'differs between age 64 and 65'."""
    ranges = tmp_path / "r.toml"
    ranges.write_text(
        '[markers."TNF-α"]\nunit = "pg/mL"\nsource = "x"\n'
        '[[markers."TNF-α".intervals]]\nage_min = 70\nhigh = 10.0\n',
        encoding="utf-8",
    )
    data = tmp_path / "t.csv"
    data.write_text(
        "sample_id,patient_id,birth_date,collected_at,marker,value,unit\n"
        "A1,P1,1961-03-14,03/04/2026,TNF-α,50,pg/mL\n",
        encoding="utf-8",
    )
    ((result,),) = [panel.results for panel in check_file(str(data), str(ranges)).panels]
    # review: it was 'indeterminate', 'the age is not given'; no range fits either age, as
    # with a date read one way
    assert result.status is Status.NO_REFERENCE
    assert result.note is not None and "differs" not in result.note, result.note
    assert "not given" not in result.note and "age 64 or 65" in result.note


@pytest.mark.parametrize("first", ["03/04/2026", "2026-04-03"])
def test_a_sample_is_dated_by_a_row_that_reads_one_way_whatever_comes_first(
    tmp_path: Path, first: str
) -> None:
    """QA: with '03/04/2026' on a sample's first row and '2026-04-03' on its second, the
    sample took the two-day date and fell out of its patient's trend; the other way round it
    was in it."""
    second = "2026-04-03" if first == "03/04/2026" else "03/04/2026"
    data = tmp_path / "t.csv"
    data.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        f"S1,P1,{first},IL-6,3,pg/mL\nS1,P1,{second},IL-8,3,pg/mL\n"
        "S2,P1,2026-05-03,IL-6,9,pg/mL\nS2,P1,2026-05-03,IL-8,30,pg/mL\n",
        encoding="utf-8",
    )
    report = check_file(str(data))
    assert [p.collected_at for p in report.panels] == ["2026-04-03", "2026-05-03"]
    (trend,) = report.trends
    assert trend.dates == ["2026-04-03", "2026-05-03"]


def test_a_two_day_date_after_today_either_way_asks_about_the_year(tmp_path: Path) -> None:
    """QA: '12/01/2027' got its date-ambiguous warning, with no word that both of its days
    are after the day of the check."""
    data = tmp_path / "t.csv"
    data.write_text(
        "sample_id,collected_at,marker,value,unit\nS1,12/01/2099,IL-6,3,pg/mL\n"
        "S2,03/04/2026,IL-6,3,pg/mL\n",
        encoding="utf-8",
    )
    later, earlier = [w for w in check_file(str(data)).warnings if w.code == "date-ambiguous"]
    assert later.message.endswith("; both days are after the day of this check: is the year right?")
    assert "is the year right" not in earlier.message


def _newborn_check(tmp_path: Path, rows: str) -> Report:
    """`rows` (born, collected, marker, value) checked with a TNF-α range for the first year
    of life only."""
    ranges = tmp_path / "r.toml"
    ranges.write_text(
        '[markers."TNF-α"]\nunit = "pg/mL"\nsource = "x"\n'
        '[[markers."TNF-α".intervals]]\nage_max = 1\nhigh = 10.0\n',
        encoding="utf-8",
    )
    data = tmp_path / "t.csv"
    data.write_text(
        "sample_id,patient_id,birth_date,collected_at,marker,value,unit\n"
        + "".join(f"A1,P1,{row},pg/mL\n" for row in rows.split()),
        encoding="utf-8",
    )
    return check_file(str(data), str(ranges))


def test_a_two_day_date_with_one_day_before_the_birth_date_is_the_other_day(
    tmp_path: Path,
) -> None:
    """QA: born 20 May 2026 and collected '05/06/2026' (5 June or 6 May): 6 May is before the
    birth, so the day is 5 June; the age went unused and nothing said why."""
    report = _newborn_check(tmp_path, "2026-05-20,05/06/2026,TNF-α,50")
    ((result,),) = [panel.results for panel in report.panels]
    assert result.status is Status.HIGH  # judged by the range for age 0
    assert result.note == (
        "range for under age 1; age 16 days on 5 June 2026: the collection date "
        "'05/06/2026' may "
        "also be 6 May 2026, but that is before the birth date '2026-05-20'"
    )
    assert [w.code for w in report.warnings] == ["date-ambiguous"]


def test_a_two_day_date_with_both_days_before_the_birth_date_is_said(tmp_path: Path) -> None:
    """QA: born 1 May 2026 and collected '03/04/2026' (3 April or 4 March): no age, unsaid."""
    report = _newborn_check(tmp_path, "2026-05-01,03/04/2026,TNF-α,50 2026-05-01,03/04/2026,IL-6,5")
    assert [r.status for r in report.panels[0].results] == [
        Status.INDETERMINATE, Status.NO_REFERENCE
    ]  # fmt: skip
    unreadable = [w for w in report.warnings if w.code == "person-unreadable"]
    assert [(w.line, w.column) for w in unreadable] == [(2, "birth_date")]  # said once
    assert unreadable[0].message == (
        "birth date '2026-05-01' is after both days the collection date '03/04/2026' may be "
        "(3 April or 4 March 2026), so it gives no age; the age was treated as not given"
    )


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize(
    ("born", "collected", "status", "said"),
    [
        # 46 whether born 3 April or 4 March 1980: the adult range judges
        ("03/04/1980", "2026-06-01", Status.HIGH,
         "age 46 from the birth date '03/04/1980', which may be either of two days; the range "
         "is the same either way"),
        ("03/04/1960", "05/06/2026", Status.HIGH,
         "age 66 from the birth date '03/04/1960' to the collection date, each of which may be "
         "either of two days; the range is the same either way"),
        # 17 if born 3 April 2008, 18 if born 4 March: only one has an adult range
        ("03/04/2008", "2026-03-20", Status.INDETERMINATE,
         "this set's range for TNF-α differs between age 17 and 18, the person's age counted "
         "from the two days the birth date '03/04/2008' may be (write it with the year first, "
         "as 2008-04-03, or give the age)"),
    ],
)  # fmt: skip
def test_a_birth_date_that_may_be_two_days_gives_the_age_both_give(
    tmp_path: Path, short: bool, born: str, collected: str, status: Status, said: str
) -> None:
    """QA: a birth date '03/04/1980' was 'not something panelcli reads', so an adult-only
    range went unused, though the person was 46 on either day."""
    from panelcli.check import CheckOptions, Interpreter
    from panelcli.models import Issue, Result
    from panelcli.ranges import load_ranges

    path = tmp_path / "born.csv"
    path.write_text(
        "sample_id,patient_id,birth_date,collected_at,marker,value,unit\n"
        f"A1,P1,{born},{collected},TNF-α,50,pg/mL\nA1,P1,{born},{collected},IL-6,50,pg/mL\n",
        encoding="utf-8",
    )
    checking = Interpreter(load_ranges("mayo-adult"), CheckOptions(), short_path=short)
    events = list(checking.events([str(path)]))
    result = next(e for e in events if isinstance(e, Result) and e.marker == "TNF-α")
    assert (result.status, result.note) == (
        status,
        f"range for age 18 and over; {said}" if status is Status.HIGH else said,
    )
    (birth,) = [e for e in events if isinstance(e, Issue) and e.column == "birth_date"]
    assert (birth.code, birth.line) == ("person-unreadable", 2)  # once, on its first row
    day = born.split("/")
    assert birth.message == (
        f"birth date '{born}' may be 3 April or 4 March {day[2]}, as the day or the month may "
        "come first; an age is counted from it only where both days give the same range "
        f"(written with the year first, as {day[2]}-04-03 for 3 April, it can be read only "
        "one way)"
    )


def test_a_birth_date_after_both_of_its_days_gives_no_age_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "born.csv"
    path.write_text(
        "sample_id,patient_id,birth_date,collected_at,marker,value,unit\n"
        "A1,P1,03/04/2026,2026-01-01,TNF-α,50,pg/mL\n",
        encoding="utf-8",
    )
    report = check_file(str(path), "mayo-adult")
    assert [w.message.split(",")[0] for w in report.warnings] == [
        "birth date '03/04/2026' may be 3 April or 4 March 2026",
        "birth date '03/04/2026' is after the collection date '2026-01-01'",
    ]
    assert report.warnings[1].message.endswith(
        "whichever of two days the birth date is, so it gives no age; the age was treated as "
        "not given"
    )
    assert report.panels[0].results[0].status is Status.INDETERMINATE


def _checked(tmp_path: Path, born: str, collected: str, ranges: str, *args: str) -> dict:
    """The first result of one TNF-α row, as `check --format json` gives it."""
    path = tmp_path / "born.csv"
    path.write_text(
        "sample_id,patient_id,birth_date,collected_at,marker,value,unit\n"
        f"A1,P1,{born},{collected},TNF-α,50,pg/mL\nA1,P1,{born},{collected},IL-6,50,pg/mL\n",
        encoding="utf-8",
    )
    out = CliRunner().invoke(app, ["check", str(path), "-r", ranges, "-f", "json", *args])
    results: list[dict] = json.loads(out.stdout)["panels"][0]["results"]
    return {r["marker"]: r for r in results}


@pytest.mark.parametrize(
    ("born", "collected", "age"),
    [("03/04/1980", "2026-06-01", "46"), ("2026-05-20", "05/06/2026", "16 days")],
)
def test_ages_the_dates_give_come_before_the_age_option(
    tmp_path: Path, born: str, collected: str, age: str
) -> None:
    """Review: '--age 10' ('for rows that do not give one') was used where a two-day date
    gave the age."""
    results = _checked(tmp_path, born, collected, "mayo-adult", "--age", "10")
    note = results["TNF-α"]["note"]
    assert f"age {age} " in note and "age 10" not in note, note


def test_the_age_option_does_not_stand_in_for_ages_the_dates_give(tmp_path: Path) -> None:
    """QA: '--age 30' judged a person of 17 or 18 (by the dates) as 30."""
    results = _checked(tmp_path, "2008-03-14", "03/04/2026", "mayo-adult", "--age", "30")
    assert results["TNF-α"]["status"] == "indeterminate"
    assert "differs between age 17 and 18" in results["TNF-α"]["note"]


def test_two_ages_ranges_that_judge_a_value_alike_judge_it(tmp_path: Path) -> None:
    """QA: Ferritin 100 (normal for a woman of 50 and of 51) was indeterminate where the
    birth date '04/03/1975' made her 50 or 51."""
    path = tmp_path / "born.csv"
    path.write_text(
        "sample_id,patient_id,birth_date,collected_at,marker,value,unit,sex\n"
        "S1,P1,04/03/1975,2026-03-20,Ferritin,100,ug/L,F\n"
        "S2,P2,04/03/1975,2026-03-20,Ferritin,200,ug/L,F\n",
        encoding="utf-8",
    )
    report = check_file(str(path), "mayo-adult")
    assert [r.status for p in report.panels for r in p.results] == [
        Status.NORMAL, Status.INDETERMINATE
    ]  # fmt: skip
    note = report.panels[0].results[0].note or ""
    assert note.endswith(
        "it is normal by each interval that could apply (age 50: 6 - 175 µg/L; age 51: 11 - "
        "328 µg/L)"
    )


def test_a_marker_whose_range_is_for_every_age_gets_no_age_note(tmp_path: Path) -> None:
    """Review: IL-6, the same for every age in the set, got 'age 46 from the birth date …'."""
    results = _checked(tmp_path, "03/04/1980", "2026-06-01", "mayo-adult")
    assert "age 46" in results["TNF-α"]["note"]
    assert results["IL-6"]["note"] is None


def test_a_reading_that_gives_no_age_is_not_said_to_give_the_same_range(
    tmp_path: Path,
) -> None:
    """Review: born '03/04/2026' (3 April is after the collection on 20 March) was 'age 0 …;
    the range is the same either way'."""
    report = _newborn_check(tmp_path, "03/04/2026,2026-03-20,TNF-α,50")
    (result,) = report.panels[0].results
    assert result.status is Status.HIGH
    assert result.note == (
        "range for under age 1; age 16 days from the birth date '03/04/2026', which may be "
        "either "
        "of two days; the other readings give no age (a birth after the collection, or too "
        "long before it)"
    )


def test_the_year_first_hint_is_one_of_the_date_s_own_days(tmp_path: Path) -> None:
    """Review: '05/06/2026' was told to be written 'as 2026-04-03'."""
    results = _checked(tmp_path, "2008-05-20", "05/06/2026", "mayo-adult")
    note = results["TNF-α"]["note"]
    assert "differs between age 17 and 18" in note and "as 2026-06-05," in note, note


def test_a_date_and_its_day_and_month_the_other_way_round_are_two_dates(tmp_path: Path) -> None:
    """QA: '03/04/2026' and '04/03/2026' were one date in the trend, and S2's 30 was listed
    under S1's date; in one file they are two days, whichever way the lab writes dates."""
    path = _file(
        tmp_path,
        "S1,P1,03/04/2026,IL-6,3,pg/mL\nS2,P1,04/03/2026,IL-6,30,pg/mL\n"
        "S3,P1,2026-02-01,IL-6,2,pg/mL\n",
    )
    (trend,) = check_file(str(path)).trends
    assert trend.markers == []  # their order is not known: no direction is said
    text = " ".join(trend.text)
    assert "'03/04/2026' and '04/03/2026'" in text
    assert "tested more than once on 03/04/2026" not in text


@pytest.mark.parametrize(
    ("told", "values", "read_as"),
    [("13/03/2026", [50, 2500, 45], "10 March"), ("03/13/2026", [45, 50, 2500], "3 October")],
)
def test_a_patients_dates_that_tell_the_day_or_the_month_first_read_the_others_so(
    tmp_path: Path, told: str, values: list[float], read_as: str
) -> None:
    """QA: a nurse's day-first IL-6 log ('13/03/2026' beside '10/03/2026' and '12/03/2026',
    which may be 3 October and 3 December) left the two out of the trend, and with them its
    peak of 2500; both readings apart, no reading is chosen."""
    rows = (
        f"Bed 4,10/03/2026,IL-6,50,pg/mL\nBed 4,12/03/2026,IL-6,2500,pg/mL\n"
        f"Bed 4,{told},IL-6,45,pg/mL\n"
    )
    path = tmp_path / "log.csv"
    path.write_text("Patient,Date,Test,Result,Unit\n" + rows, encoding="utf-8")
    (trend,) = check_file(str(path)).trends
    (marker,) = trend.markers
    assert [p.value for p in marker.points] == values
    assert marker.highest is not None and marker.highest.value == 2500
    first = "day" if told[0] == "1" else "month"
    assert (
        f"The date of a sample, '10/03/2026', may be 10 March or 3 October 2026. It is read as "
        f"{read_as}, as this patient's date '{told}' has the {first} first." in trend.text
    )
    other = "03/14/2026" if told[0] == "1" else "14/03/2026"
    path.write_text(
        "Patient,Date,Test,Result,Unit\n" + rows + f"Bed 4,{other},IL-6,5,pg/mL\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(path)).trends
    assert [p.value for p in trend.markers[0].points] == [45, 5]


def test_a_day_read_one_way_that_another_date_gives_too_is_left_as_before(
    tmp_path: Path,
) -> None:
    """Review: 1 March written '01/03/2026', '1/3/2026' and '2026-03-01' beside '13/03/2026'
    made three points of one day, rising and falling, in no known order."""
    path = tmp_path / "same.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "S1,P1,13/03/2026,IL-6,3,pg/mL\nS2,P1,01/03/2026,IL-6,30,pg/mL\n"
        "S3,P1,1/3/2026,IL-6,8,pg/mL\nS4,P1,2026-03-01,IL-6,9,pg/mL\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(path)).trends
    assert [p.value for p in trend.markers[0].points] == [9, 3]
    assert not [t for t in trend.text if "It is read as" in t]


def test_a_day_or_month_first_tells_only_of_its_own_files_dates(tmp_path: Path) -> None:
    """Review: a US file's '03/15/2026' read a European file's '04/03/2026' (4 March) as
    3 April: the trend was 'fell, then rose', not 'rose, then fell'."""
    us, eu = tmp_path / "us.csv", tmp_path / "eu.csv"
    head = "sample_id,patient_id,collected_at,marker,value,unit\n"
    us.write_text(head + "US1,P1,03/15/2026,IL-6,40,pg/mL\n", encoding="utf-8")
    eu.write_text(
        head + "EU1,P1,04/03/2026,IL-6,5,pg/mL\nEU2,P1,2026-03-20,IL-6,3,pg/mL\n",
        encoding="utf-8",
    )
    from panelcli.check import check_files

    (trend,) = check_files([str(us), str(eu)]).trends
    assert not [t for t in trend.text if "It is read as" in t]
    assert [p.collected_at for p in trend.markers[0].points] == ["03/15/2026", "2026-03-20"]


def test_dates_that_all_may_be_two_days_in_one_order_either_way_make_a_trend(
    tmp_path: Path,
) -> None:
    """QA: '03/05/2026', '01/03/2026', '02/04/2026' were taken in the file's order ('fell,
    then rose', last 2500) and said to be unreadable, though read all day first or all month
    first they come in one order: 12, 2500, 50, rose then fell."""
    path = tmp_path / "all.csv"
    path.write_text(
        "sample_id;patient_id;collected_at;marker;value;unit\nB3;P2;03/05/2026;IL-6;50;pg/mL\n"
        "B1;P2;01/03/2026;IL-6;12;pg/mL\nB2;P2;02/04/2026;IL-6;2500;pg/mL\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(path)).trends
    assert [p.value for p in trend.markers[0].points] == [12, 2500, 50]
    assert trend.markers[0].direction == "rose then fell"
    assert not [t for t in trend.text if "cannot read" in t]
    # one reading would put them otherwise ('05/03' before '04/04' day first, after it
    # month first): the file's order, as before
    path.write_text(
        "sample_id;patient_id;collected_at;marker;value;unit\nB1;P2;05/03/2026;IL-6;50;pg/mL\n"
        "B2;P2;04/04/2026;IL-6;12;pg/mL\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(path)).trends
    assert not trend.markers and "cannot show how the results changed" in trend.text[0]


def test_two_draws_of_one_day_read_one_way_are_both_trended(tmp_path: Path) -> None:
    """Review: a morning's and an evening's draw of one day ('01/04/2026 08:00' and '20:00')
    counted as one day twice, and both were left out, the peak of 200 with them."""
    path = tmp_path / "times.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "S-1,P-1,13/03/2026 08:00,IL-6,2,pg/mL\nS-2,P-1,01/04/2026 08:00,IL-6,20,pg/mL\n"
        "S-3,P-1,01/04/2026 20:00,IL-6,200,pg/mL\nS-4,P-1,20/04/2026 08:00,IL-6,3,pg/mL\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(path)).trends
    assert [p.value for p in trend.markers[0].points] == [2, 20, 200, 3]
