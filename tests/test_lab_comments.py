"""The lab's comment on a result (a long file's 'Comment' column) or on a wide file's row is
kept in each result's note and quoted in its sample's summary (QA: 'Hemolyzed sample. Result
may be falsely elevated' was ignored, and the summary said only that IL-6 was high)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from typer.testing import CliRunner

from panelcli.check import CheckOptions, Interpreter, build_report
from panelcli.cli import app
from panelcli.models import Result
from panelcli.ranges import load_ranges

LONG = (
    "sample_id,marker,value,unit,Comment\n"
    'S1,IL-6,18.2,pg/mL,"Hemolyzed sample.\nResult may be falsely elevated"\n'
    "S1,IL-8,3,pg/mL,\nS1,IL-10,3,pg/mL,-\n"
)


def results_of(write_csv: Callable[..., str], text: str, short: bool) -> list[Result]:
    interpreter = Interpreter(load_ranges(None), CheckOptions(), short_path=short)
    events = list(interpreter.events([write_csv(text)]))
    return [e for e in events if isinstance(e, Result)]


@pytest.mark.parametrize("short", [True, False])
def test_a_long_file_s_comment_is_in_its_result_s_note(write_csv, short: bool) -> None:
    il6, il8, il10 = results_of(write_csv, LONG, short)
    assert il6.note == (
        "comment from the lab: 'Hemolyzed sample. Result may be falsely elevated'"  # one line
    )
    assert il8.note is None and il10.note is None  # blank, or a mark of none
    assert il6.status.value == "high"  # a comment changes no judgement


@pytest.mark.parametrize("short", [True, False])
def test_a_wide_file_s_comment_is_on_each_result_of_its_row(write_csv, short: bool) -> None:
    found = results_of(
        write_csv,
        "Sample,IL-6 (pg/mL),IL-8 (pg/mL),Kommentar\nS1,12,3,Hämolytisch\nS2,1,2,\n",
        short,
    )
    said = "comment from the lab: 'Hämolytisch'"
    assert [(r.sample_id, r.note) for r in found] == [
        ("S1", said), ("S1", said), ("S2", None), ("S2", None),
    ]  # fmt: skip


def test_the_summary_quotes_each_comment_once_with_the_markers_it_is_on(write_csv) -> None:
    rows = [
        "sample_id,marker,value,unit,Lab Comment",
        "S1,IL-6,18.2,pg/mL,Hemolyzed",
        "S1,IL-8,3,pg/mL,Hemolyzed",
        *(f"S1,{m},1,pg/mL,note {n}" for n, m in enumerate(["IL-10", "IL-2", "IL-4", "IL-5"])),
    ]
    path = write_csv("\n".join(rows) + "\n")
    interpreter = Interpreter(load_ranges(None), CheckOptions())
    report = build_report(interpreter.events([path]), interpreter.ranges)
    said = [t for t in report.panels[0].summary.text if "comment" in t]
    assert said == [
        "The lab left a comment on IL-6 and IL-8: 'Hemolyzed'.",
        "The lab left a comment on IL-10: 'note 0'.",
        "The lab left a comment on IL-2: 'note 1'.",
        "The lab left comments on IL-4 and IL-5 too (see their notes).",
    ]


def test_a_comment_is_no_column_ignored_and_a_bare_number_there_is_a_split_value(
    write_csv,
) -> None:
    """The column is read, so it gets no 'column-ignored' warning; in a ',' file a bare number
    right after the value may still be its decimals ('2,9'), as before it was read."""
    done = CliRunner().invoke(app, ["validate", write_csv(LONG)])
    assert "column-ignored" not in done.stdout
    done = CliRunner().invoke(
        app, ["validate", write_csv("Sample,Test,Result (pg/mL),Comment\nS1,IL-6,2,9\n")]
    )
    assert "value-split-by-comma" in done.stdout and done.exit_code == 2


def test_a_comment_on_a_row_that_gave_no_result_or_was_refused_is_kept(write_csv) -> None:
    """Review: the comment was lost exactly where it mattered: beside 'see comment', 'QNS' or
    a value that is no number; its warning or refusal quotes it, and so does the summary."""
    path = write_csv(
        "sample_id,marker,value,unit,comment\n"
        'S-1,IL-6,see comment,pg/mL,"Result >5000 pg/mL, critical value called"\n'
        "S-1,TNF-α,3,pg/mL,\nS-1,IL-10,QNS,pg/mL,Please recollect\nS-1,IL-8,abc,pg/mL,typo?\n"
    )
    interpreter = Interpreter(load_ranges(None), CheckOptions())
    report = build_report(interpreter.events([path]), interpreter.ranges)
    said = {i.line: i.message for i in [*report.warnings, *report.rejected] if i.line}
    assert said[2].endswith("(comment from the lab: 'Result >5000 pg/mL, critical value called')")
    assert said[4].endswith("(comment from the lab: 'Please recollect')")
    assert said[5] == "value 'abc' is not a number (comment from the lab: 'typo?')"
    assert [t for t in report.panels[0].summary.text if "comment" in t] == [
        "The lab left a comment on IL-8: 'typo?'.",
        "The lab left a comment on IL-6: 'Result >5000 pg/mL, critical value called'.",
        "The lab left a comment on IL-10: 'Please recollect'.",
    ]
    assert "lab_comment" not in report.model_dump_json()  # not written: the message has it


def test_a_long_comment_is_whole_in_the_note_and_shortened_in_the_summary(write_csv) -> None:
    """Review: the note cut it at 200 characters in JSON, CSV and FHIR."""
    comment = "word " * 80 + "END"
    (result,) = results_of(
        write_csv, f"sample_id,marker,value,unit,comment\nS1,IL-6,3,pg/mL,{comment}\n", False
    )
    assert result.note == f"comment from the lab: '{comment}'"
    interpreter = Interpreter(load_ranges(None), CheckOptions())
    report = build_report(
        interpreter.events(
            [write_csv(f"sample_id,marker,value,unit,comment\nS1,IL-6,3,pg/mL,{comment}\n")]
        ),
        interpreter.ranges,
    )
    (said,) = [t for t in report.panels[0].summary.text if "comment" in t]
    assert "END" not in said and len(said) < 260


def test_the_big_file_overview_says_a_sample_s_marker_has_a_comment(write_csv) -> None:
    """Review: past 1,000 results the overview said only 'IL-6 ▲ high' of the hemolysed
    sample; streamed or from a whole report, it names the comment."""
    from panelcli.check import build_overview, check_file
    from panelcli.render.table import overview_of

    rows = ["sample_id,marker,value,unit,Comment"]
    rows += [f"S{i:05d},IL-6,{18 if i == 5 else 3},pg/mL,{'Hemolyzed' if i == 5 else ''}"
             for i in range(1100)]  # fmt: skip
    path = write_csv("\n".join(rows) + "\n")
    interpreter = Interpreter(load_ranges(None), CheckOptions())
    streamed = build_overview(interpreter.events([path]), interpreter.ranges)
    whole = overview_of(check_file(path))
    for overview in (streamed, whole):
        (listed,) = [p for p in overview.panels if p.sample_id == "S00005"]
        assert listed.commented == ["IL-6"]
    table = CliRunner().invoke(app, ["check", path], env={"COLUMNS": "300"}).stdout
    assert "IL-6 ▲ high; comment from the lab on IL-6" in table


def test_comments_of_results_and_of_rows_without_one_are_one_list(write_csv) -> None:
    """QA: a fourth comment, on a row that gave no result, was quoted after 'too (see …)', as
    the two kinds were said apart."""
    rows = ["sample_id,marker,value,unit,Comment"]
    rows += [f"S1,{m},1,pg/mL,note {m}" for m in ("IL-2", "IL-4", "IL-5")]
    rows.append("S1,IFN-γ,QNS,pg/mL,Hemolyzed")
    interpreter = Interpreter(load_ranges(None), CheckOptions())
    report = build_report(
        interpreter.events([write_csv("\n".join(rows) + "\n")]), interpreter.ranges
    )
    said = [t for t in report.panels[0].summary.text if "comment" in t]
    assert said[-1] == "The lab left comments on IFN-γ too (see the notes and the warnings)."
    assert len(said) == 4


def test_a_blank_value_whose_comment_says_why_is_no_result_given(write_csv) -> None:
    """QA: a blank result with 'QNS' in the comment was refused (exit 2), where 'QNS' in the
    value cell is the lab giving no result; a comment that says no such thing still leaves
    the blank value refused."""
    path = write_csv(
        "sample_id,marker,value,unit,Comment\nS-1,IL-6,2,pg/mL,\nS-1,IL-8,,pg/mL,QNS\n"
        "S-1,IL-10,,pg/mL,see above\n"
    )
    done = CliRunner().invoke(app, ["validate", path])
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"{path}:3: Comment: warning result-not-given: the value is empty")
    assert lines[1].startswith(f"{path}:4: value: error value-missing")
    assert done.exit_code == 2


def test_a_bare_number_under_a_comment_column_after_a_value_is_no_comment(write_csv) -> None:
    """QA: in a wide ',' file, '2,5' under IL-8 then 'Comment' was refused as split, and IL-6's
    note and the summary quoted '5' as the lab's comment."""
    found = results_of(
        write_csv, "Sample,IL-6 (pg/mL),IL-8 (pg/mL),Comment\nS-1,4.2,2,5\nS-2,4.2,3,ok\n", False
    )
    assert [(r.sample_id, r.marker, r.note) for r in found] == [
        ("S-1", "IL-6", None),
        ("S-2", "IL-6", "comment from the lab: 'ok'"),
        ("S-2", "IL-8", "comment from the lab: 'ok'"),
    ]


def test_a_wide_marker_s_own_comment_column_is_its_comment(write_csv) -> None:
    """QA round 2: 'IL-6 Comment' was 'not a known marker or field', and IL-6's 'hemolyzed'
    lost, though 'IL-6 Flag' is read; the row's comment follows the marker's own."""
    found = results_of(
        write_csv,
        "Sample,IL-6 (pg/mL),IL-6 Comment,IL-8 (pg/mL),IL-8 Comment,Comment\n"
        "S1,12,hemolyzed,3,,whole row\n",
        False,
    )
    assert [(r.marker, r.note) for r in found] == [
        ("IL-6", "comment from the lab: 'hemolyzed; whole row'"),
        ("IL-8", "comment from the lab: 'whole row'"),
    ]
