"""A flag column's LIS symbols and words ('*', '+', '↓', 'hoch') are read as flags, and a flag
panelcli cannot read leaves its value judged (QA: '*' refused exactly the abnormal rows)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.check import CheckOptions, Event, Interpreter, check_file
from panelcli.cli import app
from panelcli.models import Issue, Result
from panelcli.ranges import load_ranges

STAR = (
    "Sample ID;Test;Result;Units;Flag\nK1;IL-6;85,0;pg/mL;*\nK1;TNF alpha;4,0;pg/mL;\n"
    "K1;IL-10;2,1;pg/mL;\nK1;IFN-gamma;140;pg/mL;*\n"
)


def events_in(tmp_path: Path, text: str) -> list[Event]:
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    return list(Interpreter(load_ranges(None), CheckOptions()).events([str(path)]))


def issues(events: list[Event], severity: str) -> list[Issue]:
    return [e for e in events if isinstance(e, Issue) and e.severity == severity]


def results(events: list[Event]) -> list[Result]:
    return [e for e in events if isinstance(e, Result)]


@pytest.mark.parametrize(
    ("written", "code"),
    [("*", "A"), ("!", "A"), ("pathologisch", "A"), ("path.", "A"), ("abnormal", "A"),
     ("+", "H"), ("↑", "H"), ("H*", "H"), ("hoch", "H"), ("erhöht", "H"), ("élevé", "H"),
     ("-", "N"), (" – ", "N"), ("—", "N"), ("−", "N"),
     ("↓", "L"), ("L*", "L"), ("niedrig", "L"), ("erniedrigt", "L"), ("bas", "L"),
     ("++", "HH"), ("↑↑", "HH"), ("--", "LL"), ("↓↓", "LL"), (" (+) ", "H"), ("?", None),
     ("AA", "CRIT"), ("aa", "CRIT"),  # HL7's critically abnormal (QA: it was unreadable)
     # QA round 2: unreadable
     ("Elevated", "H"), ("Decreased", "L"), ("Abnormal High", "H"), ("High Critical", "HH"),
     ("Critical Hi", "HH"), ("unauffällig", "N"), ("im Normbereich", "N"), ("WNL", "N"),
     ("Within normal limits", "N"), ("Y", "A"), ("No", "N"),
     ("CH", "HH"), ("CL", "LL"), ("HP", "HH"), ("LP", "LL"), ("Panic", "CRIT"), ("C", None),
     # critical with no side, and more LIS words and symbols
     ("Critical", "CRIT"), ("CRIT", "CRIT"), ("kritisch", "CRIT"), ("auffällig", "A"),
     ("elevado", "H"), ("Elevada", "H"), ("bajo", "L"), ("baja", "L"), ("+++", "HH"),
     ("**", "A"), ("L*", "L"), ("H!", "H"), ("HH!", "HH"), ("LL*", "LL"), ("Critical!", "CRIT"),
     ("hoch!", "H"), ("Zz!", None), ("!*", None)],
)  # fmt: skip
def test_a_flag_columns_lis_symbols_and_words_are_read(written: str, code: str | None) -> None:
    from panelcli.values import flag_column_code

    assert flag_column_code(written) == code


def test_starred_abnormal_rows_are_judged_with_the_star_kept(tmp_path: Path) -> None:
    """'*' beside IL-6 85 (34 times its limit) refused the row, and the panel said all was
    inside the range (QA)."""
    events = events_in(tmp_path, STAR)
    assert issues(events, "error") == []
    assert [(r.marker, r.status.value, r.original_value) for r in results(events)] == [
        ("IL-6", "high", "85,0 *"), ("TNF-α", "normal", "4,0"), ("IL-10", "normal", "2,1"),
        ("IFN-γ", "high", "140 *"),
    ]  # fmt: skip
    assert [w.code for w in issues(events, "warning")] == ["value-flag-ignored"]
    assert "the lab's flag '*' beside value '85,0'" in issues(events, "warning")[0].message


def test_the_panel_no_longer_says_all_is_inside_the_range(tmp_path: Path) -> None:
    path = tmp_path / "star.csv"
    path.write_text(STAR, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path)], terminal_width=200)
    assert result.exit_code == 1, result.output
    assert "inside the reference range" not in result.output
    assert "flag-unreadable" not in result.output


def test_a_lone_dash_beside_a_normal_value_is_no_flag(tmp_path: Path) -> None:
    """Many exports write '-' for "no flag": read as low, each normal row would get a false
    "the lab flagged it low". Beside a value out of range it is said as the lab's 'normal'."""
    events = events_in(
        tmp_path, "Sample;Test;Result;Units;Flag\nK1;IL-10;2,1;pg/mL;-\nK1;IL-6;85;pg/mL;-\n"
        "K1;IL-8;3;pg/mL;--\n",
    )  # fmt: skip
    assert issues(events, "error") == []
    assert [(r.marker, r.status.value, r.original_value) for r in results(events)] == [
        ("IL-10", "normal", "2,1 -"), ("IL-6", "high", "85 -"), ("IL-8", "normal", "3 --"),
    ]  # fmt: skip
    said = [(w.code, w.line) for w in issues(events, "warning")]
    assert said == [("value-flag-ignored", 2), ("value-flag-disagrees", 3),
                    ("value-flag-disagrees", 4)]  # fmt: skip
    messages = [w.message for w in issues(events, "warning")]
    assert "as '-' (normal), but by the range panelcli uses it is high" in messages[1]
    assert "as '--' (critically low), but" in messages[2]


@pytest.mark.parametrize("dash", ["–", "—", "−"])
def test_a_lone_en_dash_em_dash_or_minus_sign_is_no_flag_either(tmp_path: Path, dash: str) -> None:
    """A spreadsheet's '–' for "no flag" was a flag-unreadable warning on every normal row."""
    events = events_in(
        tmp_path, f"Sample;Test;Result;Units;Flag\nK1;IL-10;2,1;pg/mL;{dash}\n"
        f"K1;IL-6;85;pg/mL;{dash}\n",
    )  # fmt: skip
    assert [(r.marker, r.status.value, r.original_value) for r in results(events)] == [
        ("IL-10", "normal", f"2,1 {dash}"), ("IL-6", "high", f"85 {dash}"),
    ]  # fmt: skip
    said = [(w.code, w.line) for w in issues(events, "warning")]
    assert said == [("value-flag-ignored", 2), ("value-flag-disagrees", 3)]
    assert f"as '{dash}' (normal), but by the range" in issues(events, "warning")[1].message


@pytest.mark.parametrize("written", ["Critical", "Crit", "kritisch", "CRITICAL!"])
def test_a_critical_flag_takes_the_value_s_side(tmp_path: Path, written: str) -> None:
    """'Critical' was a flag-unreadable warning: the lab's judgement was lost. It says no side;
    a value above the range is said to be flagged critically high."""
    events = events_in(
        tmp_path, f"Sample;Test;Result;Units;Flag\nK1;IL-6;85;pg/mL;{written}\n"
        f"K1;IL-10;2;pg/mL;{written}\nK1;IL-8;3 HH;pg/mL;{written}\n",
    )  # fmt: skip
    assert issues(events, "error") == []
    assert [(r.marker, r.status.value) for r in results(events)] == [
        ("IL-6", "high"), ("IL-10", "normal"), ("IL-8", "normal")
    ]  # fmt: skip
    said = {w.line: w for w in issues(events, "warning") if w.code == "value-flag-disagrees"}
    assert f"the lab flagged IL-6 '85' as '{written}' (critically high)" in said[2].message
    assert f"as '{written}' (critical), but" in said[3].message
    assert "it is normal" in said[3].message
    assert "as 'HH' (critically high)" in said[4].message  # 'HH' agrees with 'Critical'
    assert "flag-unreadable" not in [w.code for w in issues(events, "warning")]
    ignored = next(w for w in issues(events, "warning") if w.code == "value-flag-ignored")
    assert f"the lab's flag '{written}' beside value '85'" in ignored.message


def test_a_flag_with_a_mark_after_it_is_read_as_that_flag(tmp_path: Path) -> None:
    events = events_in(
        tmp_path, "Sample;Test;Result;Units;Flag\nK1;IL-6;85;pg/mL;H!\nK1;IL-10;85;pg/mL;+++\n"
        "K1;IL-8;1;pg/mL;L*\nK1;IL-4;1;pg/mL;Zz!\n",
    )  # fmt: skip
    assert [r.original_value for r in results(events)] == ["85 H!", "85 +++", "1 L*", "1"]
    said = [(w.code, w.line) for w in issues(events, "warning")]
    assert said == [
        ("value-flag-ignored", 2), ("value-flag-disagrees", 3), ("value-flag-disagrees", 4),
        ("flag-unreadable", 5),
    ]  # fmt: skip


def test_a_flag_it_cannot_read_leaves_the_value_judged_with_a_warning(tmp_path: Path) -> None:
    events = events_in(
        tmp_path, "Sample;Test;Result;Units;Abnormal Flag\nK1;IL-6;85;pg/mL;§\n"
    )  # fmt: skip
    assert issues(events, "error") == []
    assert [(r.marker, r.status.value, r.original_value) for r in results(events)] == [
        ("IL-6", "high", "85")
    ]
    [warning] = issues(events, "warning")
    assert (warning.code, warning.line, warning.column, warning.sample_id) == (
        "flag-unreadable", 2, "Abnormal Flag", "K1",
    )  # fmt: skip
    assert warning.message.startswith("'§' is not a flag panelcli reads")
    assert warning.message.endswith("it was not used to judge the value")


def test_a_star_in_the_value_cell_is_still_an_estimate(tmp_path: Path) -> None:
    """Symbols are read in a flag column only: '12.5*' in a value cell is still refused."""
    events = events_in(tmp_path, "Sample;Test;Result;Units;Flag\nK1;IL-6;12,5*;pg/mL;\n")
    assert [e.code for e in issues(events, "error")] == ["value-starred"]


@pytest.mark.parametrize(
    ("written", "code"),
    [("alta", "H"), ("Alta", "H"), ("élevée", "H"), ("elevee", "H"), ("basse", "L"),
     ("crit.", "CRIT"), ("Crítico", "CRIT"), ("critico", "CRIT"), ("crítica", "CRIT"),
     ("Kritisch hoch", "HH"), ("kritisch niedrig", "LL"), ("kritisch erhöht", "HH"),
     ("***", "A"), ("!!", "A"), ("↑↑↑", "HH"), ("↓↓↓", "LL")],
)  # fmt: skip
def test_more_lis_words_and_symbols_are_read(written: str, code: str) -> None:
    """QA: 'alta' was flag-unreadable while 'alto' was read; so were 'élevée', 'basse',
    'crit.', 'Crítico', 'Kritisch hoch', '***', '!!', '↑↑↑' and '↓↓↓'."""
    from panelcli.values import flag_column_code

    assert flag_column_code(written) == code


def test_a_critically_high_word_is_said_as_critically_high(tmp_path: Path) -> None:
    events = events_in(
        tmp_path, "Sample;Test;Result;Units;Flag\nK1;IL-6;85;pg/mL;Kritisch hoch\n"
        "K1;IL-10;2;pg/mL;alta\nK1;IL-8;3;pg/mL;↓↓↓\n",
    )  # fmt: skip
    assert issues(events, "error") == []
    assert "flag-unreadable" not in [w.code for w in issues(events, "warning")]
    assert [r.original_value for r in results(events)] == [
        "85 Kritisch hoch", "2 alta", "3 ↓↓↓"
    ]  # fmt: skip


@pytest.mark.parametrize(
    "header", ["Kennzeichen", "Lab Flag", "Abn Flag", "Flag (H/L)", "H/L Flag", "H-L Flag"]
)
def test_more_flag_column_names_are_read(tmp_path: Path, header: str) -> None:
    """QA: a lab's flags under 'Kennzeichen', 'Lab Flag', 'Abn Flag', 'Flag (H/L)' or 'H/L Flag'
    were dropped with only column-ignored ('H-L Flag' was read)."""
    events = events_in(tmp_path, f"Sample;Test;Result;Units;{header}\nK1;IL-6;85;pg/mL;*\n")
    assert [r.original_value for r in results(events)] == ["85 *"]
    assert [w.code for w in issues(events, "warning")] == ["value-flag-ignored"]


@pytest.mark.parametrize(
    "header",
    [
        "Sample ID,Patient ID,Collection Date,Date/Time,Marker,Value,Unit",
        "Sample ID,Patient ID,Date,Date/Time,Marker,Value,Unit",
        "Sample ID,Flag,Lab Flag,Marker,Value,Unit",
        "Sample ID,Abnormal Flag,H/L Flag,Marker,Value,Unit",
    ],
)
def test_a_rarer_column_name_beside_a_known_one_does_not_refuse_the_file(
    tmp_path: Path, header: str
) -> None:
    """QA: once '/' was header punctuation and 'Lab Flag' a flag column, a print timestamp
    'Date/Time' or a second flag column beside the known one refused files read before."""
    cells = {"Sample ID": "S1", "Patient ID": "P1", "Collection Date": "2026-01-01",
             "Date": "2026-01-01", "Date/Time": "2026-01-05 10:00", "Flag": "H",
             "Abnormal Flag": "H", "Lab Flag": "H", "H/L Flag": "H", "Marker": "IL-6",
             "Value": "10", "Unit": "pg/mL"}  # fmt: skip
    row = ",".join(cells[name] for name in header.split(","))
    events = events_in(tmp_path, f"{header}\n{row}\n")
    assert [(r.marker, r.value) for r in results(events)] == [("IL-6", 10.0)]
    assert not issues(events, "error")


@pytest.mark.parametrize(
    "header", ["Collection Date/Time", "Date/Time", "Specimen Collected Date/Time", "Date/time"]
)
def test_a_date_column_whose_name_has_a_slash_is_read_where_no_other_is(
    tmp_path: Path, header: str
) -> None:
    """QA: 'Collection Date/Time', a common LIS name, was ignored: no dates, no age from the
    birth date, no trends ('/' is kept in header names for the case above)."""
    events = events_in(
        tmp_path,
        f"MRN,Accession,{header},Test Name,Result,Units\n"
        "100234,A1,2026-03-01 08:30,IL-10,8.0,pg/mL\n",
    )
    assert [r.collected_at for r in results(events)] == ["2026-03-01 08:30"]
    assert not issues(events, "warning")
    # beside a date column the file names plainly, it is still left out, with a word
    events = events_in(
        tmp_path,
        f"MRN,Collection Date,{header},Test Name,Result,Units\n"
        "100234,2026-03-01,2026-03-05 10:00,IL-10,8.0,pg/mL\n",
    )
    assert [r.collected_at for r in results(events)] == ["2026-03-01"]
    assert [w.code for w in issues(events, "warning")] == ["column-ignored"]


def test_of_two_date_columns_with_a_slash_the_collection_date_is_read(tmp_path: Path) -> None:
    """Review: a print time 'Date/Time' before 'Collection Date/Time' took its place."""
    for header, row in (
        ("Date/Time,MRN,Collection Date/Time", "2026-04-01 09:00,1,2026-03-01 08:30"),
        ("Collection Date/Time,MRN,Date/Time", "2026-03-01 08:30,1,2026-04-01 09:00"),
    ):
        events = events_in(tmp_path, f"{header},Test Name,Result,Units\n{row},IL-10,8.0,pg/mL\n")
        assert [r.collected_at for r in results(events)] == ["2026-03-01 08:30"]
        assert [w.column for w in issues(events, "warning")] == ["Date/Time"]


def test_no_header_name_takes_two_roles() -> None:
    from panelcli.reading import _ROLE_OF, _ROLES, _SDTM_AS_COLLECTED, _WEAK_ROLE_OF

    named = [name for names in _ROLES.values() for name in names] + list(_SDTM_AS_COLLECTED)
    assert len(_ROLE_OF) == len(named)
    assert not set(_ROLE_OF) & set(_WEAK_ROLE_OF)


@pytest.mark.parametrize(
    ("value", "flag", "said"),
    [("2", "kritisch", "'kritisch' (critical)"), ("2", "elevado", "'elevado' (high)"),
     ("85", "bajo", "'bajo' (low)"), ("85", "Critical", "'Critical' (critically high)"),
     ("2", "(H)", "'(H)' (high)"), ("2", "+++", "'+++' (critically high)"),
     ("2", "H!", "'H!' (high)"), ("2 (H)", None, "'(H)' (high)"),
     ("2 hoch", None, "'hoch' (high)")],
)  # fmt: skip
def test_a_disagreeing_flag_is_quoted_as_written_then_its_meaning(
    tmp_path: Path, value: str, flag: str | None, said: str
) -> None:
    """QA: 'kritisch', 'elevado', 'bajo', 'Critical' and '(H)' were said only as "critical",
    "high", "low" while '+++' and 'H!' were quoted: each is now quoted, then its meaning. The
    value is quoted without the flag in its cell ('2 (H)' as '2'), as it is beside a flag
    column (review)."""
    rows = [f"K1;{marker};{value};pg/mL" + ("" if flag is None else f";{flag}")
            for marker in ("IL-6", "IL-1ra")]  # fmt: skip
    header = "Sample;Test;Result;Units" + ("" if flag is None else ";Flag")
    events = events_in(tmp_path, "\n".join([header, *rows, ""]))
    by_code = {w.code: w.message for w in issues(events, "warning")}
    assert (
        f"the lab flagged IL-6 '{value.split()[0]}' as {said}, but by the range"
        in by_code["value-flag-disagrees"]
    )
    unjudged = by_code["value-flag-unjudged"]
    assert f"as {said.split(' (')[0]} (" in unjudged and "panelcli could not judge it" in unjudged


QA_AGREEING = (
    "Sample ID,Marker,Value,Unit,Flag\nS5,IL-6,12 H,pg/mL,–\nS9,IL-6,12 H,pg/mL,Critical\n"
    "S3,IL-6,12 H,pg/mL,**\nS4,IL-6,12 H,pg/mL,A\nS6,IL-6,12 HH,pg/mL,Critical\n"
)


def test_a_flag_column_that_agrees_with_the_value_s_flag_keeps_the_row(tmp_path: Path) -> None:
    """QA: '12 H' beside '–', 'Critical', '**' or 'A' (and '12 HH' beside 'Critical') was
    refused as flag-conflict: the value was lost. A lone dash gives no flag, so the value
    cell's stands; 'A' and '**' agree with any flag but normal; 'Critical' takes the side of
    the cell's flag."""
    events = events_in(tmp_path, QA_AGREEING)
    assert issues(events, "error") == []
    assert [(r.sample_id, r.status.value, r.original_value) for r in results(events)] == [
        ("S5", "high", "12 H"), ("S9", "high", "12 H Critical"), ("S3", "high", "12 H"),
        ("S4", "high", "12 H"), ("S6", "high", "12 HH"),
    ]  # fmt: skip
    disagrees = {w.line: w.message for w in issues(events, "warning")
                 if w.code == "value-flag-disagrees"}  # fmt: skip
    # 'Critical' beside '12 H' is critically high: it is said where panelcli judges it high
    assert sorted(disagrees) == [3, 6]
    assert "the lab flagged IL-6 '12 H' as 'Critical' (critically high), but" in disagrees[3]


def test_the_qa_file_with_agreeing_flags_is_judged_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text(QA_AGREEING, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path)], terminal_width=200)
    assert result.exit_code == 1, result.output  # flagged high, nothing refused
    assert "flag-conflict" not in result.output


@pytest.mark.parametrize(
    ("value", "flag"),
    [("12 H", "L"), ("12 H", "N"), ("12 HH", "LL"), ("12 A", "N"), ("12 N", "*"),
     ("12 L", "Critical High"), ("12 N", "Critical")],
)  # fmt: skip
def test_flags_that_contradict_still_refuse_the_row(tmp_path: Path, value: str, flag: str) -> None:
    events = events_in(tmp_path, f"Sample,Test,Result,Units,Flag\nK1,IL-6,{value},pg/mL,{flag}\n")
    assert [(e.code, e.column) for e in issues(events, "error")] == [("flag-conflict", "Flag")]
    assert results(events) == []


@pytest.mark.parametrize("value", ["ND H", "ND HH"])
@pytest.mark.parametrize("flag", ["–", "Critical", "A"])
def test_a_flag_past_what_was_not_detected_is_still_refused(
    tmp_path: Path, value: str, flag: str
) -> None:
    """'ND H' is refused whatever its flag column adds (a dash, 'Critical', 'A')."""
    events = events_in(tmp_path, f"Sample,Test,Result,Units,Flag\nK1,IL-6,{value},pg/mL,{flag}\n")
    assert [e.code for e in issues(events, "error")] == ["flag-conflict"]
    assert "below what the test can measure" in issues(events, "error")[0].message


def test_one_side_of_two_severities_is_judged_with_the_severity_both_say(
    tmp_path: Path,
) -> None:
    """'12 H' beside 'HH' (or '12 HH' beside 'H') says high, but not whether critically: as a
    result's status is the severity that is certain, the lab's flag is taken as high, and the
    value is judged by its range with a warning, not refused."""
    events = events_in(
        tmp_path, "Sample,Test,Result,Units,Flag\nK1,IL-6,12 H,pg/mL,HH\n"
        "K2,IL-6,12 HH,pg/mL,H\nK3,IL-10,1 L,pg/mL,↓↓\n",
    )  # fmt: skip
    assert issues(events, "error") == []
    assert [(r.sample_id, r.status.value, r.original_value) for r in results(events)] == [
        ("K1", "high", "12 H"), ("K2", "high", "12 HH H"), ("K3", "normal", "1 L"),
    ]  # fmt: skip
    differ = [w for w in issues(events, "warning") if w.code == "flag-severity-differs"]
    assert [(w.line, w.column) for w in differ] == [(2, "Flag"), (3, "Flag"), (4, "Flag")]
    assert differ[0].message == (
        "the flag column says 'HH' (critically high) but the value '12 H' has 'H' (high): both "
        "say high, not how far, so the lab's flag was taken as high; the value was judged"
    )
    # IL-6 12 is high: the lab's flag, taken as high, agrees; IL-10 1 is normal: it does not
    disagrees = [w.line for w in issues(events, "warning") if w.code == "value-flag-disagrees"]
    assert disagrees == [4]


def test_a_labs_critical_flag_never_sets_the_exit_code_but_is_found_in_the_ndjson(
    tmp_path: Path,
) -> None:
    """README, exit codes in scripts (developer QA): a lab's 'HH' on a value the set cannot
    judge, or judges only high, leaves `--fail-on critical` at 0; its warning says so."""
    path = tmp_path / "hh.csv"
    path.write_text(
        "sample_id,marker,value,unit,flag\nS1,IL-6,500,pg/mL,HH\nS1,GM-CSF,500,pg/mL,HH\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    assert runner.invoke(app, ["check", "-q", "--fail-on", "critical", str(path)]).exit_code == 0
    done = runner.invoke(app, ["check", "-f", "ndjson", str(path)])
    assert done.exit_code == 1  # IL-6 is high: abnormal
    codes = [line.split('"code":"')[1].split('"')[0] for line in done.stdout.splitlines()
             if '"code":"value-flag-' in line]  # fmt: skip
    assert codes == ["value-flag-ignored", "value-flag-disagrees", "value-flag-unjudged"]


def test_a_value_beside_an_empty_flag_cell_is_quoted_whole(tmp_path: Path) -> None:
    """QA: with a flag column, 'OOR >' beside no flag was quoted as 'OOR' in its note (the
    flag put after a value was taken off where none had been put)."""
    events = events_in(tmp_path, "Sample ID,IL-6 (pg/mL),IL-6 Flag\nS3,OOR >,\nS4,OOR <,-\n")
    notes = [r.note or "" for r in events if isinstance(r, Result)]
    assert [note.split(" has no number")[0] for note in notes] == ["'OOR >'", "'OOR <'"]


def test_the_summary_says_what_the_lab_s_own_flags_say_where_panelcli_does_not(
    tmp_path: Path,
) -> None:
    """QA: the lab's HH on IL-18 (no range in the set) and its H on an IL-8 panelcli finds
    inside its range were only in the warnings, for lab staff; the patient's summary said
    nothing of them, nor of the lab's HH on an IL-6 panelcli calls only high."""
    from test_plain_language import MAX_GRADE, grade, sentences

    from panelcli.check import check_file

    path = tmp_path / "labcrit.csv"
    path.write_text(
        "sample_id,marker,value,unit,flag\nH1,IL-6,250,pg/mL,HH\nH1,IL-8,8,pg/mL,H\n"
        "H1,IL-10,3,pg/mL,N\nH1,IL-18,900,pg/mL,HH\nH1,TNF-α,30,pg/mL,H\n",
        encoding="utf-8",
    )
    (panel,) = check_file(str(path)).panels
    said = panel.summary.text
    assert [t for t in said if "The lab marked" in t or "lab's critical" in t] == [
        "The lab marked IL-18 as critically high. panelcli could not judge it, so the lab's mark "
        "is the only judgement.",
        # one sentence for both (QA: the same words again for each mark)
        # IL-6 is high by panelcli's range: not 'does not show' (QA: read as 'not high')
        "The lab marked IL-8 as high. The range panelcli uses does not show this. The lab "
        "marked IL-6 as critically high. By the range panelcli uses, IL-6 is high. That range "
        "has no critical limit for IL-6, so it cannot tell whether it is critical. Ranges "
        "differ between labs, so ask which one applies.",
    ]  # TNF-α: the lab's H is panelcli's too; IL-10: 'N' says nothing more
    # IL-6 at 100 times its limit is to be talked over soon: said once, not again for the
    # lab's critical marks (review: told twice)
    assert [t for t in said if "soon" in t] == [
        "A result 10 times the upper limit or more, like IL-6 here, should be talked over with "
        "a healthcare provider soon."
    ]
    assert all(grade(s) <= MAX_GRADE for t in said for s in sentences(t))


def test_the_summary_reads_the_lab_s_flag_as_the_flag_column_does(tmp_path: Path) -> None:
    """Review: 'kritisch', 'hoch', 'Critical', '++', '*' and a censored '>500' beside 'HH' got
    no sentence, and with panelcli's own critical sentence the reader was told twice to talk
    to a provider soon."""
    from panelcli.check import check_file

    path = tmp_path / "flags.csv"
    path.write_text(
        "sample_id,marker,value,unit,flag\nH1,IL-18,900,pg/mL,kritisch\nH1,IL-8,8,pg/mL,hoch\n"
        "H1,IL-6,50,pg/mL,Critical\nH1,IL-10,3,pg/mL,++\nH1,TNF-α,>500,pg/mL,HH\n"
        "H1,IL-4,1,pg/mL,*\nH1,IL-5,1,pg/mL,-\nH1,IL-13,30,pg/mL,H\n",
        encoding="utf-8",
    )
    (panel,) = check_file(str(path)).panels
    lab = [t for t in panel.summary.text if "lab" in t and "lab's own range" not in t]
    assert lab == [
        "The lab marked IL-18 as critical. panelcli could not judge it, so the lab's mark is "
        "the only judgement.",
        "The lab marked IL-8 as high, IL-10 as critically high and IL-4 as outside its range. "
        "The range panelcli uses does not show these marks. The lab marked IL-6 and TNF-α as "
        "critically high. By the range panelcli uses, IL-6 and TNF-α are high. That range has "
        "no critical limit for IL-6 and TNF-α, so it cannot tell whether they are critical. "
        "Ranges differ between labs, so ask which one applies.",
    ]  # IL-6 (20 times its limit) and TNF-α (34) are asked to be talked over soon, once
    assert sum("healthcare provider soon" in t for t in panel.summary.text) == 1
    path.write_text(
        "sample_id,marker,value,unit,flag\nH1,IL-6,600,pg/mL,HH\nH1,IL-8,8,pg/mL,HH\n",
        encoding="utf-8",
    )
    (panel,) = check_file(str(path)).panels
    assert sum("healthcare provider soon" in t for t in panel.summary.text) == 1


def test_the_labs_marks_are_said_once_and_one_on_the_other_side_is_said_to_be(
    tmp_path: Path,
) -> None:
    """QA: four marks panelcli could not judge gave 'so the lab's mark is the only judgement'
    four times in a row, and a lab's low where panelcli found high was only 'which the range
    panelcli uses does not show'."""
    from panelcli.check import check_file

    path = tmp_path / "flags.csv"
    path.write_text(
        "sample_id,marker,value,unit,flag\nF1,IL-8,8,pg/mL,H\nF1,IL-18,900,pg/mL,HH\n"
        "F1,IL-6,3,pg/mL,N\nF1,TNF-α,5,pg/mL,kritisch\nF1,IL-10,10,pg/mL,L\n",
        encoding="utf-8",
    )
    said = check_file(str(path)).panels[0].summary.text
    assert [t for t in said if "The lab marked" in t] == [
        "The lab marked IL-18 as critically high. panelcli could not judge it, so the lab's mark "
        "is the only judgement.",
        "The lab marked IL-8 as high and TNF-α as critical. The range panelcli uses does not "
        "show these marks. The lab marked IL-6 as normal and IL-10 as low. By the range "
        "panelcli uses, IL-6 and IL-10 are high. Ranges differ between labs, so ask which one "
        "applies.",
    ]
    said = check_file(str(path), ranges="mayo-adult").panels[0].summary.text
    assert [t for t in said if "The lab marked" in t] == [
        "The lab marked IL-8 as high, IL-18 as critically high, TNF-α as critical and IL-10 as "
        "low. panelcli could not judge them, so the lab's marks are the only judgement."
    ]


def test_a_labs_critical_mark_on_the_other_side_still_asks_to_talk_soon(tmp_path: Path) -> None:
    """Review: 'HH' where panelcli finds low lost 'A lab's critical mark should be talked over
    with a healthcare provider soon' once such marks were said apart."""
    from panelcli.check import check_file

    path = tmp_path / "flags.csv"
    path.write_text("sample_id,marker,value,unit\nS1,sIL-2R,100 HH,pg/mL\n", encoding="utf-8")
    said = check_file(str(path)).panels[0].summary.text
    assert (
        "The lab marked sIL-2R as critically high. By the range panelcli uses, sIL-2R is low. "
        "Ranges differ between labs, so ask which one applies."
    ) in said
    assert "A lab's critical mark should be talked over with a healthcare provider soon." in said


def test_a_labs_critical_mark_beside_panelclis_high_is_not_said_to_be_unshown(
    tmp_path: Path,
) -> None:
    """QA: 'The lab marked IL-6 as critically high, which the range panelcli uses does not
    show', right after 'IL-6 is 1.2 times the upper limit', read as 'IL-6 is not high'."""
    from panelcli.check import check_file

    path = tmp_path / "flags.csv"
    path.write_text(
        "sample_id,marker,value,unit,flag\nS1,IL-6,3,pg/mL,HH\nS1,IL-8,300,pg/mL,L\n"
        "S1,IL-10,0.1,pg/mL,H\n",
        encoding="utf-8",
    )
    said = check_file(str(path)).panels[0].summary.text
    assert (
        "The lab marked IL-10 as high. The range panelcli uses does not show this. The lab "
        "marked IL-6 as critically high and IL-8 as low. By the range panelcli uses, IL-6 and "
        "IL-8 are high. That range has no critical limit for IL-6, so it cannot tell whether it "
        "is critical. Ranges differ between labs, so ask which one applies."
    ) in said


def test_a_labs_mark_on_the_other_side_of_panelclis_critical_says_critical(
    tmp_path: Path,
) -> None:
    """QA: 0.3 pg/mL, critically low by the set, with the lab's 'H': the summary said 'by the
    range panelcli uses IL-10 is low', where the row's warning said critically low."""
    from panelcli.check import check_file

    ranges = tmp_path / "set.toml"
    ranges.write_text(
        '[markers."IL-10"]\nunit = "pg/mL"\nsource = "x"\nlow = 1.0\nhigh = 10.0\n'
        "critical_low = 0.5\n",
        encoding="utf-8",
    )
    path = tmp_path / "flags.csv"
    path.write_text("sample_id,marker,value,unit,flag\nU1,IL-10,0.3,pg/mL,H\n", encoding="utf-8")
    said = " ".join(check_file(str(path), str(ranges)).panels[0].summary.text)
    assert "By the range panelcli uses, IL-10 is critically low." in said


def test_a_labs_critical_mark_on_the_other_side_of_a_may_be_critical_low_is_said(
    tmp_path: Path,
) -> None:
    """Review: the lab's HH beside panelcli's low, which may be critically low for women, was
    left out of the summary: a 'may be critical' result hid a mark on the other side."""
    from panelcli.check import check_file

    ranges = tmp_path / "low.toml"
    ranges.write_text(
        '[markers."IL-10"]\nunit = "pg/mL"\nsource = "x"\n[[markers."IL-10".intervals]]\n'
        'sex = "female"\nlow = 5.0\nhigh = 30.0\ncritical_low = 3.0\n'
        '[[markers."IL-10".intervals]]\nsex = "male"\nlow = 4.0\nhigh = 30.0\ncritical_low = 1.0\n',
        encoding="utf-8",
    )
    path = tmp_path / "flags.csv"
    path.write_text("sample_id,marker,value,unit,flag\nA,IL-10,2,pg/mL,HH\n", encoding="utf-8")
    said = " ".join(check_file(str(path), str(ranges)).panels[0].summary.text)
    assert "By the range for female, it is past it" in said
    assert (
        "The lab marked IL-10 as critically high. By the range panelcli uses, IL-10 is low" in said
    )


@pytest.mark.parametrize(
    ("rows", "part"),
    [("A,IL-6,12,pg/mL,L\nA,IL-10,20,pg/mL,HH\nA,IL-1β,30,pg/mL,HH\n",
      "The lab marked IL-6 as low, and IL-10 and IL-1β as critically high. By the range "
      "panelcli uses, IL-6, IL-10 and IL-1β are high. That range has no critical limit for "
      "IL-10 and IL-1β, so it cannot tell whether they are critical."),
     ("A,IL-8,5,pg/mL,H\nA,IL-2,1,pg/mL,H\nA,TNF-α,3,pg/mL,LL\nA,IL-4,1,pg/mL,Critical\n",
      "The lab marked IL-8 and IL-2 as high; TNF-α as critically low; and IL-4 as critical. "
      "The range panelcli uses does not show these marks.")],
)  # fmt: skip
def test_the_lab_s_marks_are_said_at_grade_8_at_most(tmp_path, rows: str, part: str) -> None:
    """QA (educator): 'The lab marked IL-6 as low; and IL-10 and IL-1β as critically high, but
    by the range panelcli uses …' joined two parts with '; and', at grade 9.9."""
    from test_plain_language import MAX_GRADE, grade, sentences

    from panelcli.check import check_file

    path = tmp_path / "flags.csv"
    path.write_text(f"sample_id,marker,value,unit,flag\n{rows}", encoding="utf-8")
    said = check_file(str(path)).panels[0].summary.text
    (lab,) = [t for t in said if t.startswith("The lab marked")]
    assert lab.startswith(part)
    assert all(grade(s) <= MAX_GRADE for s in sentences(lab)), [
        (s, grade(s)) for s in sentences(lab)
    ]


@pytest.mark.parametrize("short", [True, False])
def test_a_result_status_column_is_read(tmp_path, short: bool) -> None:
    """QA (hospital LIS exports): 'Result Status' was ignored: a preliminary IL-6 48 and its
    corrected 4.8 were both judged with no word of either, and a cancelled TNF-α 30 was
    judged high (exit 1, 'strong inflammation'). A cancelled, deleted or pending result is
    not judged; a preliminary or corrected one is, with a warning naming its line, and the
    corrected one replaces the earlier result of its marker (QA: both were judged)."""
    path = tmp_path / "status.csv"
    path.write_text(
        "MRN,Accession,Component,Result,Units,Result Status\n"
        "1,A1,IL-6,48.0,pg/mL,P\n1,A1,IL-6,4.8,pg/mL,C\n1,A1,TNF-alpha,30.0,pg/mL,X\n"
        "1,A1,IL-8,3,pg/mL,F\n1,A1,IL-10,2,pg/mL,\n",
        encoding="utf-8",
    )
    events = list(
        Interpreter(load_ranges(None), CheckOptions(), short_path=short).events([str(path)])
    )
    assert [(r.line, r.marker) for r in events if isinstance(r, Result)] == [
        (3, "IL-6"), (5, "IL-8"), (6, "IL-10")
    ]  # fmt: skip
    said = [(i.code, i.line, i.column) for i in events if isinstance(i, Issue)]
    # the preliminary IL-6 is replaced: what was said of it goes with it (known item)
    assert ("result-preliminary", 2, "Result Status") not in said
    assert ("result-corrected", 3, "Result Status") in said
    assert ("result-superseded", 2, "Result") in said
    assert ("result-not-given", 4, "Result Status") in said
    assert "marker-repeated" not in [code for code, _, _ in said]


def test_a_status_in_words_is_read_and_one_not_read_is_said(tmp_path) -> None:
    """Review: 'Canceled - QNS', 'In Error', 'Amended', 'Not Performed' and HL7's 'N' were
    judged with no word; a file whose every result is cancelled exited 0, nothing judged."""
    from panelcli.values import result_status

    said = {text: result_status(text) for text in (
        "Canceled - QNS", "In Error", "Amended", "Not Performed", "N", "Verified", "Pass", "F",
        # QA: judged as final results
        "Test cancelled", "entered-in-error", "Voided", "Specimen Rejected", "QNS", "DNP",
        "Final (Corrected)",
    )}  # fmt: skip
    assert [(t, s and (s.code, s.judged)) for t, s in said.items()] == [
        ("Canceled - QNS", ("cancelled", False)), ("In Error", ("wrong", False)),
        ("Amended", ("corrected", True)), ("Not Performed", ("cancelled", False)),
        ("N", ("cancelled", False)), ("Verified", None), ("Pass", ("status-unread", True)),
        ("F", None), ("Test cancelled", ("cancelled", False)),
        ("entered-in-error", ("wrong", False)), ("Voided", ("cancelled", False)),
        ("Specimen Rejected", ("cancelled", False)), ("QNS", ("cancelled", False)),
        ("DNP", ("cancelled", False)), ("Final (Corrected)", ("corrected", True)),
    ]  # fmt: skip
    # review: read by a word inside another ('avoid') or after a status's first word
    by_first_word = {
        "Corrected - previously reported in error": ("corrected", True),
        "Final; addendum pending": None, "Final - replaces voided result": None,
        "Final (avoid hemolysis)": None, "Final - no error": None, "Final - uncorrected": None,
        "Preliminary - final report pending": ("preliminary", True), "Incorrect": ("wrong", False),
        # a cancel in English that is all that follows 'Final' (it was judged as final)
        "Final; cancelled": ("cancelled", False), "Final - test voided": ("cancelled", False),
        "Verified (Canceled)": ("cancelled", False), "Final - voided result replaced": None,
        # review: right after 'Final', whatever follows it, as in the other languages
        "Final; cancelled - duplicate": ("cancelled", False),
        "Final; voided by lab": ("cancelled", False),
        # QA: what names no result alone does after 'Final' too, but not denied or replaced
        "Final; QNS": ("cancelled", False), "Final; test not performed": ("cancelled", False),
        "Final; entered in error": ("wrong", False), "Final; cancellation": ("cancelled", False),
        "Final; not cancelled": None, "Final - previously cancelled, now reported": None,
    }  # fmt: skip
    for text, read in by_first_word.items():
        status = result_status(text)
        assert (status and (status.code, status.judged)) == read, text
    # QA: the header again got a status warning ('Result Status' is no status)
    again = tmp_path / "again.csv"
    again.write_text(
        "sample_id,marker,value,unit,Test Status\nS1,IL-6,1.0,pg/mL,F\n"
        "Sample ID,Marker,Value,Unit,TEST STATUS\nS2,IL-6,1.0,pg/mL,Cancelled\n",
        encoding="utf-8",
    )
    events = list(Interpreter(load_ranges(None), CheckOptions()).events([str(again)]))
    assert [(i.code, i.line) for i in events if isinstance(i, Issue)] == [
        ("header-repeated", 3), ("result-not-given", 4)
    ]  # fmt: skip
    path = tmp_path / "cancelled.csv"
    path.write_text(
        "MRN,Component,Result,Units,Result Status\n1,IL-6,4,pg/mL,X\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 2 and "no result rows" in " ".join(result.stderr.split())


def test_the_summary_says_where_the_lab_marked_normal_what_panelcli_finds_outside(
    tmp_path: Path,
) -> None:
    """QA: the lab's 'N' on an IL-6 16 times panelcli's upper limit, and on a low sIL-2R, was
    only in the warnings; the patient whose lab report says normal got no word that the
    ranges differ."""
    path = tmp_path / "normal.csv"
    path.write_text(
        "sample_id,marker,value,unit,flag\nN-1,IL-6,40,pg/mL,N\nN-1,sIL-2R,100,pg/mL,N\n"
        "N-1,IL-8,5,pg/mL,N\n",
        encoding="utf-8",
    )
    said = " ".join(check_file(str(path)).panels[0].summary.text)
    assert (
        "The lab marked IL-6 and sIL-2R as normal. By the range panelcli uses, IL-6 is high and "
        "sIL-2R is low. Ranges differ between labs, so ask which one applies." in said
    )
    assert "IL-8" not in said.split("The lab marked")[1]  # normal by both: nothing to say


def test_a_sample_whose_tests_have_no_result_given_still_has_its_panel(tmp_path: Path) -> None:
    """QA: a sample whose only row was pending had no panel, title or sentence, though one
    whose only row was rejected has one: every sample the file names is accounted for."""
    path = tmp_path / "pending.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit,result_status\n"
        "Q-1,P-50,2026-03-02,IL-6,4.2,pg/mL,F\nQ-1,P-50,2026-03-02,IL-8,,pg/mL,X\n"
        "Q-2,P-51,2026-03-02,IL-6,,pg/mL,I\nQ-3,P-52,2026-03-02,IL-6,abc,pg/mL,F\n",
        encoding="utf-8",
    )
    report = check_file(str(path))
    assert [(p.sample_id, p.patient_id, p.summary.measured) for p in report.panels] == [
        ("Q-1", "P-50", 1), ("Q-2", "P-51", 0), ("Q-3", "P-52", 0),
    ]  # fmt: skip
    first, pending, _ = (p.summary.text for p in report.panels)
    # cancelled: no result given; pending: not back yet (lay QA and review: one sentence
    # for both said a deleted result might still come)
    assert first[-1] == (
        "The lab gave no result for IL-8 of this sample (line 3). The warnings say why."
    )
    assert pending == ["The IL-6 result of this sample is not back yet (line 4)."]
    table = CliRunner().invoke(app, ["check", str(path)], env={"COLUMNS": "200"}).stdout
    assert "Sample Q-2 · patient P-51" in table


def test_no_ranges_are_said_to_differ_where_the_lab_marked_normal_by_its_own_range(
    tmp_path: Path,
) -> None:
    """Review: the lab's 'N' beside its own printed range, by which the value is high, got
    'Ranges differ between labs': there is one lab; the warning says the flag disagrees."""
    path = tmp_path / "own.csv"
    path.write_text(
        "sample_id,marker,value,unit,flag,reference_range\nS1,IL-6,12,pg/mL,N,0-10\n",
        encoding="utf-8",
    )
    report = check_file(str(path))
    assert [t for t in report.panels[0].summary.text if "The lab marked" in t] == [
        "The lab marked IL-6 as normal. By the lab's own range in the file, IL-6 is high. Ask "
        "the lab which is right."
    ]
    assert [w.code for w in report.warnings if w.code == "value-flag-disagrees"]
    # the lab's critical mark its own range does not bear out: said, and to talk it over
    path.write_text(
        "sample_id,marker,value,unit,flag,reference_range\nS1,IL-4,1,pg/mL,HH,0-7\n",
        encoding="utf-8",
    )
    said = check_file(str(path)).panels[0].summary.text
    assert said[-2:] == [
        "The lab marked IL-4 as critically high. By the lab's own range in the file, IL-4 is "
        "normal. Ask the lab which is right.",
        "A lab's critical mark should be talked over with a healthcare provider soon.",
    ]


def test_a_printed_range_that_is_the_sets_is_the_labs_own_in_the_summary(tmp_path: Path) -> None:
    """QA: the lab's 'H' beside its printed range '0-2.5', the set's own, by which the value is
    normal: the warning said 'by the lab's own range', the summary 'Ranges differ between
    labs'; a flag beside no printed range still says ranges may differ."""
    path = tmp_path / "same.csv"
    path.write_text(
        "sample_id,marker,value,unit,reference_range,flag\n"
        "S1,IL-6,2.0,pg/mL,0-2.5,H\nS1,IL-8,3.0,pg/mL,,H\n",
        encoding="utf-8",
    )
    report = check_file(str(path))
    (il6, il8) = report.panels[0].results
    assert il6.reference is not None and il6.reference.origin == "set"
    assert [t for t in report.panels[0].summary.text if "The lab marked" in t] == [
        "The lab marked IL-6 as high. By the lab's own range in the file, IL-6 is normal. Ask "
        "the lab which is right.",
        "The lab marked IL-8 as high. The range panelcli uses does not show this. Ranges "
        "differ between labs, so ask which one applies.",
    ]
    said = {w.line: w.message for w in report.warnings if w.code == "value-flag-disagrees"}
    assert "by the lab's own range in the row it is normal" in said[2]
    assert "ranges differ between labs" in said[3]
    # nothing of it is written: the JSON is as before
    assert "range_printed" not in il6.model_dump_json()


def test_a_sample_the_lab_gave_no_result_for_is_in_the_overview_and_no_trends_loss(
    tmp_path: Path,
) -> None:
    """QA and review: a big file's overview left out (and did not count) a sample whose only
    row was pending; a trend said such a sample 'has no result that could be used'."""
    from panelcli.render.table import overview_of

    rows = [
        "sample_id,patient_id,collected_at,marker,value,unit,result_status",
        "S-PEND,P-PEND,2026-03-01,IL-6,,pg/mL,Pending",
        "S-BAD,P-BAD,2026-03-01,IL-6,abc,pg/mL,Final",
        *(f"S{i:05d},P{i:05d},2026-03-01,IL-8,3,pg/mL,Final" for i in range(1100)),
    ]
    path = tmp_path / "big.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    table = CliRunner().invoke(app, ["check", str(path)], env={"COLUMNS": "160"}).stdout
    assert "1,100 results in 1,102 samples" in table
    assert "no result from the lab" in table and "no result could be used" in table
    digests = overview_of(check_file(str(path))).panels
    assert [(d.sample_id, d.not_given) for d in digests if not d.measured] == [
        ("S-PEND", True), ("S-BAD", False),
    ]  # fmt: skip
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit,result_status\n"
        "S1,P1,2026-03-01,IL-6,4,pg/mL,F\nS2,P1,2026-03-05,IL-6,,pg/mL,I\n"
        "S3,P1,2026-03-09,IL-6,8,pg/mL,F\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(path)).trends
    assert not [t for t in trend.text if "could be used" in t]


def test_the_labs_critical_mark_beside_its_own_range_and_the_sets_critical_limit(
    tmp_path: Path,
) -> None:
    """Review: a lab's 'HH' on 50 beside its own '0-7' was called a disagreement (a printed
    range has no critical limit); lay QA: the set's critical limit was credited to the lab's
    own range ('critically high'), a judgement the lab never made."""
    path = tmp_path / "hh.csv"
    path.write_text(
        "sample_id,marker,value,unit,reference_range,flag\nS-2,IL-6,50,pg/mL,0-7,HH\n",
        encoding="utf-8",
    )
    report = check_file(str(path))
    said = report.panels[0].summary.text
    # the status (and exit code) is only high: a script finds the row by the warning README
    # promises, which says why without disputing the lab's range (QA, stop 44)
    assert [w.message for w in report.warnings if w.code == "value-flag-disagrees"] == [
        "the lab flagged IL-6 '50' as 'HH' (critically high), but the lab's range in the row "
        "gives no critical limit, so by the range the value is high: give the lab's critical "
        "limit (a 'Critical High' column, or critical_high in your ranges file) to have it "
        "judged critical"
    ]
    # review: nor 'only high … ranges differ between labs', of the lab's own range
    assert said[-2:] == [
        "The lab marked IL-6 as critically high.",
        "A lab's critical mark should be talked over with a healthcare provider soon.",
    ]
    ranges = tmp_path / "crit.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nhigh = 7.0\ncritical_high = 100\nsource = "x"\n',
        encoding="utf-8",
    )
    path.write_text(
        "sample_id,marker,value,unit,reference_range,flag\nS1,IL-6,150,pg/mL,0-5,N\n",
        encoding="utf-8",
    )
    said = check_file(str(path), str(ranges)).panels[0].summary.text
    # the set's critical limit named beside the lab's range (review)
    assert (
        "The lab marked IL-6 as normal. By the lab's own range in the file and the "
        "reference set's critical limit, IL-6 is critically high. Ask the lab which is right."
        in said
    )
    assert "IL-6 is at or above the critical limit of 100 pg/mL." in " ".join(said)


def test_not_given_sentences_go_by_what_the_status_says_and_say_rows_of_a_wide_file(
    tmp_path: Path,
) -> None:
    """Review: 'Not performed (still pending review)', a cancelled status quoting the words
    'still pending', was told to be not back yet; a wide row's tests were 'the result of 1
    more row'."""
    path = tmp_path / "status.csv"
    path.write_text(
        "sample_id,marker,value,unit,result_status\nS1,IL-6,3,pg/mL,F\n"
        "S1,IL-10,,pg/mL,Not performed (still pending review)\n",
        encoding="utf-8",
    )
    assert check_file(str(path)).panels[0].summary.text[-1] == (
        "The lab gave no result for IL-10 of this sample (line 3). The warnings say why."
    )
    path.write_text(
        "sample_id,result_status,IL-6 (pg/mL),IL-8 (pg/mL)\nS1,F,3,4\nS1,I,,\n", encoding="utf-8"
    )
    assert check_file(str(path)).panels[0].summary.text[-1] == (
        "The results on 1 more row of this sample are not back yet (line 3)."
    )


def test_pending_words_of_other_languages_and_a_sample_of_pending_and_cancelled_rows(
    tmp_path: Path,
) -> None:
    """Review: German 'ausstehend' and 'In Bearbeitung' were not read (the row rejected as
    having no value, exit 2); a sample of a pending and a cancelled row, two sentences, was
    'no result that could be used' in trends and the exported overview."""
    from panelcli.render.table import overview_of

    path = tmp_path / "de.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit,result_status\n"
        "S1,P1,2026-03-01,IL-6,4,pg/mL,F\nS2,P1,2026-03-05,IL-6,,pg/mL,ausstehend\n"
        "S2,P1,2026-03-05,IL-8,,pg/mL,X\nS3,P1,2026-03-09,IL-6,8,pg/mL,In Bearbeitung\n"
        "S3,P1,2026-03-09,IL-8,8,pg/mL,F\n",
        encoding="utf-8",
    )
    report = check_file(str(path))
    assert not report.rejected
    assert report.panels[1].summary.text == [
        "The IL-6 result of this sample is not back yet (line 3).",
        "The lab gave no result for IL-8 of this sample (line 4). The warnings say why.",
    ]
    (trend,) = report.trends
    assert not [t for t in trend.text if "could be used" in t]
    assert [d.not_given for d in overview_of(report).panels if not d.measured] == [True]


def test_the_labs_critical_mark_is_disputed_where_the_sets_critical_limit_is_kept(
    tmp_path: Path,
) -> None:
    """Review: beside the lab's '0-5', the set's critical limit of 100 still applies: a lab's
    'HH' on 50 was silenced, though by that limit 50 is only high."""
    ranges = tmp_path / "crit.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nhigh = 7.0\ncritical_high = 100\nsource = "x"\n',
        encoding="utf-8",
    )
    path = tmp_path / "hh3.csv"
    path.write_text(
        "sample_id,marker,value,unit,reference_range,flag\nS-2,IL-6,50,pg/mL,0-5,HH\n",
        encoding="utf-8",
    )
    report = check_file(str(path), str(ranges))
    assert [w.code for w in report.warnings if w.code == "value-flag-disagrees"]
    assert "The lab marked IL-6 as critically high." not in report.panels[0].summary.text


def test_the_sets_critical_limit_beside_the_labs_range_is_named_where_it_decides(
    tmp_path: Path,
) -> None:
    """Review: a lab's 'HH' on 50 beside its own '0-5', with the set's critical limit of 100
    kept, was said to disagree 'by the lab's own range', which cannot say what is critical."""
    ranges = tmp_path / "crit.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nhigh = 7.0\ncritical_high = 100\nsource = "x"\n',
        encoding="utf-8",
    )
    path = tmp_path / "hh.csv"
    path.write_text(
        "sample_id,marker,value,unit,reference_range,flag\nS-2,IL-6,50,pg/mL,0-5,HH\n",
        encoding="utf-8",
    )
    report = check_file(str(path), str(ranges))
    [warning] = [w for w in report.warnings if w.code == "value-flag-disagrees"]
    assert "by the lab's own range in the row and the reference set's critical limit" in (
        warning.message
    )
    assert (
        "The lab marked IL-6 as critically high. By the lab's own range in the file and the "
        "reference set's critical limit, IL-6 is high. Ask the lab which is right."
        in report.panels[0].summary.text
    )


def test_a_final_status_in_german_or_spanish_with_a_pending_addendum_is_judged(
    tmp_path: Path,
) -> None:
    """Review: 'Freigegeben; Nachtrag ausstehend' and 'Validado; informe pendiente' (final,
    an addendum still to come) were read as pending, and a high IL-6 disappeared."""
    path = tmp_path / "final.csv"
    path.write_text(
        "sample_id,marker,value,unit,result_status\n"
        'S1,IL-6,30,pg/mL,"Freigegeben; Nachtrag ausstehend"\n'
        'S2,IL-6,30,pg/mL,"Validado; informe pendiente"\nS3,IL-6,,pg/mL,ausstehend\n',
        encoding="utf-8",
    )
    report = check_file(str(path))
    assert [len(p.results) for p in report.panels] == [1, 1, 0]
    from panelcli.values import result_status

    # review: pending words of other languages stay pending where the status is no final
    # one, and a final one's cancel or correction is read in those languages too
    assert [(s, status and status.code) for s in (
        "Ergebnis ausstehend", "Resultado pendiente", "Freigegeben; storniert",
        "Liberado; corregido",
    ) if (status := result_status(s)) or True] == [
        ("Ergebnis ausstehend", "pending"), ("Resultado pendiente", "pending"),
        ("Freigegeben; storniert", "cancelled"), ("Liberado; corregido", "corrected"),
    ]  # fmt: skip
    assert report.panels[2].summary.text == [
        "The IL-6 result of this sample is not back yet (line 4)."
    ]


def test_the_sets_critical_limit_is_named_only_for_the_results_it_decides(
    tmp_path: Path,
) -> None:
    """Review: 'and the set's critical limit' was said of a lab's 'N' on IL-6 and IL-8 (IL-8
    has no critical limit), and of a lab's 'HH' on a low value, where the range decides."""
    ranges = tmp_path / "crit2.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nhigh = 7\ncritical_high = 100\nsource = "x"\n'
        '[markers."IL-8"]\nunit = "pg/mL"\nhigh = 62\nsource = "x"\n',
        encoding="utf-8",
    )
    path = tmp_path / "own3.csv"
    path.write_text(
        "sample_id,marker,value,unit,reference_range,flag\nS-2,IL-6,10,pg/mL,0-5,N\n"
        "S-2,IL-8,10,pg/mL,0-5,N\nS-4,IL-6,1,pg/mL,2-5,HH\n",
        encoding="utf-8",
    )
    said = [t for p in check_file(str(path), str(ranges)).panels for t in p.summary.text]
    assert (
        "The lab marked IL-6 and IL-8 as normal. By the lab's own range in the file, IL-6 and "
        "IL-8 are high. Ask the lab which is right." in said
    )
    assert (
        "The lab marked IL-6 as critically high. By the lab's own range in the file, IL-6 is "
        "low. Ask the lab which is right." in said
    )


def table_rows(tmp_path: Path, text: str) -> dict[str, str]:
    """The table's lines of a file of `text`, by marker (a wide terminal: one line a row)."""
    path = tmp_path / "lis.csv"
    path.write_text(text, encoding="utf-8")
    done = CliRunner().invoke(app, ["check", str(path)], env={"COLUMNS": "200"})
    return {line.split("│")[1].strip(): line for line in done.stdout.splitlines() if "│ " in line}


def test_the_table_row_says_the_lab_s_critical_mark_its_status_does_not_show(
    tmp_path: Path,
) -> None:
    """QA: IL-6 85, flagged HH by the lab beside its own 0-7 (no critical limit), read 'high'
    and 'H' in the table with nothing on its row; only the summary said the lab's mark."""
    rows = table_rows(
        tmp_path,
        "Sample,Component,Value,Units,Reference Range,Abnormal Flag\n"
        "S1,IL-6,85.0,pg/mL,0.0 - 7.0,HH\nS1,IL-10,12,pg/mL,0.0 - 9.1,H\n"
        "S1,IL-8,>5000,pg/mL,0-62,HH\n",
    )
    assert "lab: 'HH' (critically high)" in rows["IL-6"]
    assert "lab: 'HH' (critically high)" in rows["IL-8"]
    assert "lab:" not in rows["IL-10"]  # the lab's H is what the status says
    assert "▲ high" in rows["IL-6"] and "│ H " in rows["IL-6"]  # panelcli's own, as before


def test_the_table_row_says_any_lab_flag_that_panelcli_s_flag_does_not_show(
    tmp_path: Path,
) -> None:
    """QA: the lab's 'N' beside panelcli's 'H', its 'L' beside 'H' and its 'H' beside a value
    panelcli could not judge were only in the warnings and the summary, and a reader scanning
    the Flag column took panelcli's 'H' for the lab's; an 'A' beside 'H' agrees."""
    rows = table_rows(
        tmp_path,
        "sample|marker|value|unit|flag\nX1|IL-8|30|pg/mL|N\nX1|TNF-α|300|pg/mL|L\n"
        "X1|IL-18|9|pg/mL|H\nX1|IL-6|9|pg/mL|A\nX1|IL-10|1|pg/mL|N\n",
    )
    assert "lab: 'N' (normal)" in rows["IL-8"]
    assert "lab: 'L' (low)" in rows["TNF-α"]
    assert "lab: 'H' (high)" in rows["IL-18"]
    assert "lab:" not in rows["IL-6"] and "lab:" not in rows["IL-10"]


@pytest.mark.parametrize(
    "header", ["Abnormal", "Abnormal?", "Abn", "Interpretation", "Abnormal Indicator", "Bewertung"]
)
def test_more_names_of_a_flag_column_are_read(tmp_path: Path, header: str) -> None:
    """QA: Epic's 'Abnormal?' and HL7's interpretation column were ignored, and the lab's
    'Critical' beside IFN-γ >1000 was lost with them."""
    found = events_in(
        tmp_path, f"Sample ID,Test,Result,Units,{header}\nA,IFN-γ,>1000,pg/mL,Critical\n"
    )
    said = [w.message for w in issues(found, "warning") if w.code == "value-flag-disagrees"]
    assert said and "as 'Critical' (critically high)" in said[0]
    assert not [w for w in issues(found, "warning") if w.code == "column-ignored"]


def test_a_two_word_critical_flag_and_a_yes_no_answer_are_the_lab_s_marks(tmp_path: Path) -> None:
    """Review: Epic's 'Critical High' under 'Abnormal?' was read as 'High' in the table and
    the summary (the warning had it right), and its 'Y' was unreadable on every row."""
    from panelcli.check import check_file

    rows = table_rows(
        tmp_path,
        "sample_id,marker,value,unit,Abnormal?\nS-1,IL-6,5,pg/mL,Critical High\n"
        "S-1,sIL-2R,100,pg/mL,Critical Low\nS-1,IL-8,3,pg/mL,Y\nS-1,IL-10,30,pg/mL,No\n",
    )
    assert "lab: 'Critical High' (critically high)" in rows["IL-6"]
    assert "lab: 'Critical Low' (critically low)" in rows["sIL-2R"]
    assert "lab: 'Y' (abnormal)" in rows["IL-8"] and "lab: 'No' (normal)" in rows["IL-10"]
    said = check_file(str(tmp_path / "lis.csv")).panels[0].summary.text
    joined = " ".join(said)
    assert "IL-6 as critically high and sIL-2R as critically low" in joined
    assert "A lab's critical mark should be talked over with a healthcare provider soon." in said


def test_a_printed_range_is_the_set_s_only_in_the_set_s_unit(tmp_path: Path) -> None:
    """Review: '<=2.5' beside ng/mL (2,500 pg/mL read so, and not used: its unit is in doubt)
    was said to be 'the lab's own range', and '<=0.0025' beside ng/mL, the set's 2.5 pg/mL, was
    'ranges differ between labs'."""
    found = events_in(
        tmp_path,
        "sample_id,marker,value,unit,Reference Range,Flag\n"
        "S-6,IL-6,0.005,ng/mL,<=2.5,N\nS-7,IL-6,0.005,ng/mL,<=0.0025,N\n",
    )
    said = [w.message for w in issues(found, "warning") if w.code == "value-flag-disagrees"]
    assert "by the range panelcli uses it is high; ranges differ" in said[0]
    assert "by the lab's own range in the row it is high" in said[1]


def test_a_second_flag_column_says_which_one_is_read(tmp_path: Path) -> None:
    """QA: 'Abnormal?' beside 'Flag' was 'not a known marker or field', though it is a flag
    column left unread because 'Flag' is read."""
    found = events_in(tmp_path, "sample_id,marker,value,unit,Flag,Abnormal?\nS1,IL-6,5,pg/mL,H,Y\n")
    (ignored,) = [w for w in issues(found, "warning") if w.code == "column-ignored"]
    assert ignored.message == (
        "column 'Abnormal?' was not read: column 'Flag' gives the lab's flag already"
    )


def test_a_lab_s_critical_mark_is_only_high_only_short_of_a_critical_limit(tmp_path) -> None:
    """Next-step QA round 19 #2: 'IL-6 is only high' of 600 pg/mL (240 times the limit) that
    the lab marked HH, where the set has no critical limit to be short of."""
    path = tmp_path / "hh.csv"
    path.write_text("sample_id,marker,value,unit,flag\nS,IL-6,600,pg/mL,HH\n", encoding="utf-8")
    said = " ".join(check_file(str(path)).panels[0].summary.text)
    assert "IL-6 is only high" not in said
    assert (
        "By the range panelcli uses, IL-6 is high. That range has no critical limit for IL-6, "
        "so it cannot tell whether it is critical." in said
    )
    ranges = tmp_path / "crit.toml"
    ranges.write_text(
        '[set]\nname = "c"\nversion = "1"\n[markers."IL-6"]\nunit = "pg/mL"\nhigh = 2.5\n'
        'critical_high = 1000\nsource = "test"\n',
        encoding="utf-8",
    )
    said = " ".join(check_file(str(path), ranges=str(ranges)).panels[0].summary.text)
    assert "By the range panelcli uses, IL-6 is only high." in said
