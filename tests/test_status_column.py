"""A long file's column headed 'Status' alone is read as the result status where its cells in
the first rows are result statuses (QA: an LIS export's 'Status' was ignored, so its
cancelled row was refused, exit 2, and its preliminary one judged as final with no word);
else its warning says what to call it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.check import CheckOptions, Interpreter
from panelcli.cli import app
from panelcli.models import Issue
from panelcli.ranges import load_ranges
from panelcli.values import reads_as_result_status

RANGES = load_ranges(None)
runner = CliRunner()

LIS = (
    "Accession,Patient ID,Collected,Test,Result,Units,Status\n"
    "A1,P1,2026-03-02,IL-6,45,pg/mL,Preliminary\n"
    "A1,P1,2026-03-02,IL-8,,pg/mL,Cancelled\n"
    "A1,P1,2026-03-02,IL-10,3,pg/mL,Final\n"
)


def issues(tmp_path: Path, text: str, short: bool = True) -> list[tuple[object, ...]]:
    path = tmp_path / "status.csv"
    path.write_text(text, encoding="utf-8")
    return [
        (e.line, e.code, e.column)
        for e in Interpreter(RANGES, CheckOptions(), short_path=short).events([str(path)])
        if isinstance(e, Issue)
    ]


@pytest.mark.parametrize("short", [True, False])
def test_a_status_column_of_result_statuses_is_read(tmp_path: Path, short: bool) -> None:
    assert issues(tmp_path, LIS, short) == [
        (2, "result-preliminary", "Status"),
        (3, "result-not-given", "Status"),
    ]
    # as under its full name
    assert issues(tmp_path, LIS.replace(",Status\n", ",Result Status\n"), short) == [
        (2, "result-preliminary", "Result Status"),
        (3, "result-not-given", "Result Status"),
    ]


@pytest.mark.parametrize(
    "cells",
    [("H", "N", "N"), ("N", "N", "N"), ("Final", "OK", "Final")],
)
def test_a_status_column_of_anything_else_is_not_read_and_says_what_to_call_it(
    tmp_path: Path, cells: tuple[str, str, str]
) -> None:
    text = LIS.replace("Preliminary", cells[0]).replace("Cancelled", cells[1])
    text = text.replace("IL-8,,", "IL-8,3,").replace(",Final\n", f",{cells[2]}\n")
    path = tmp_path / "status.csv"
    path.write_text(text, encoding="utf-8")
    found = [e for e in Interpreter(RANGES, CheckOptions()).events([str(path)])]
    [ignored] = [e for e in found if isinstance(e, Issue)]
    assert ignored.code == "column-ignored"
    assert ignored.message.endswith(
        "if it gives each result's status, call it 'Result Status', if the lab's flags (H, L), "
        "'Flag'"
    )
    assert len(found) == 4  # every row judged


def test_the_command_line_exits_0_for_a_cancelled_row_in_a_status_column(tmp_path: Path) -> None:
    path = tmp_path / "status.csv"
    path.write_text(LIS.replace("45", "2"), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("cell", "reads"),
    [("F", True), ("final", True), ("Preliminary", True), ("X", True), ("Cancelled", True),
     ("Final; addendum pending", True), ("N", True), ("H", False), ("OK", False), ("", False)],
)  # fmt: skip
def test_what_reads_as_a_result_status(cell: str, reads: bool) -> None:
    assert reads_as_result_status(cell) is reads


def test_a_wide_file_s_status_column_is_read_too(tmp_path: Path) -> None:
    """QA round 2: a wide file's 'Status' was ignored: a cancelled row was judged."""
    text = "Sample ID,Status,IL-6 (pg/mL),IL-8 (pg/mL)\nS1,Final,45,12\nS2,Cancelled,4,5\n"
    assert issues(tmp_path, text) == [(3, "result-not-given", "Status")]


@pytest.mark.parametrize(
    ("cells", "said"),
    [
        # an 'N' beside final ones: a flag's normal as well as HL7's "not asked" (review)
        (("F", "N", "F"), "an 'N' may mean normal or 'not asked'"),
        (("", "", ""), "was not read: its cells are blank"),
    ],
)
def test_a_status_column_with_an_n_or_blank_is_not_read(
    tmp_path: Path, cells: tuple[str, str, str], said: str
) -> None:
    text = LIS.replace("Preliminary", cells[0]).replace("Cancelled", cells[1])
    text = text.replace("IL-8,,", "IL-8,3,").replace(",Final\n", f",{cells[2]}\n")
    path = tmp_path / "status.csv"
    path.write_text(text, encoding="utf-8")
    found = list(Interpreter(RANGES, CheckOptions()).events([str(path)]))
    [ignored] = [e for e in found if isinstance(e, Issue)]
    assert ignored.code == "column-ignored" and said in ignored.message
    assert len(found) == 4


def test_n_beside_a_value_is_judged_and_n_alone_gives_no_result(tmp_path: Path) -> None:
    """QA: 'N' (HL7's 'not asked') beside IL-6 45, 18 times the limit, left the value out as
    cancelled, exit 0; to many labs 'N' is normal. Beside a value it is judged, with a
    warning; with no value it is a result not given."""
    path = tmp_path / "n.csv"
    path.write_text(
        "sample_id,marker,value,unit,Result Status\nS1,IL-6,45,pg/mL,N\nS1,IL-8,,pg/mL,N\n",
        encoding="utf-8",
    )
    run = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    assert run.exit_code == 1
    report = json.loads(run.stdout)
    assert [r["marker"] for p in report["panels"] for r in p["results"]] == ["IL-6"]
    assert [(w["code"], w["line"]) for w in report["warnings"]] == [
        ("result-status-unread", 2), ("result-not-given", 3),
    ]  # fmt: skip


def test_n_or_p_beside_words_that_say_no_result_say_it_once(tmp_path: Path) -> None:
    """Differential review: 'P' beside 'Cancelled' was said to be 'still pending' (a result
    that will never come), 'N' beside 'Cancelled' was both judged and not given, 'N' beside
    '-' was refused, and a wide row of no values with 'N' was 'judged as a value is given'."""
    path = tmp_path / "said.csv"
    path.write_text(
        "sample_id,marker,value,unit,Result Status\nS1,IL-6,Cancelled,pg/mL,P\n"
        "S2,IL-6,Cancelled,pg/mL,N\nS3,IL-6,-,pg/mL,N\nS4,IL-8,3,pg/mL,F\n",
        encoding="utf-8",
    )
    events = list(Interpreter(load_ranges(None), CheckOptions()).events([str(path)]))
    said = [(e.code, e.line, e.message) for e in events if isinstance(e, Issue)]
    assert [(code, line) for code, line, _ in said] == [
        ("result-not-given", 2), ("result-not-given", 3), ("result-not-given", 4),
    ]  # fmt: skip
    assert "cancelled" in said[0][2] and "pending" not in said[0][2]
    wide = tmp_path / "wide.csv"
    wide.write_text(
        "Sample ID,IL-6 (pg/mL),IL-8 (pg/mL),Result Status\nS1,45,3,N\nS2,,,N\n", encoding="utf-8"
    )
    events = list(Interpreter(load_ranges(None), CheckOptions()).events([str(wide)]))
    assert [(e.code, e.line) for e in events if isinstance(e, Issue)] == [
        ("result-status-unread", 2), ("result-not-given", 3),
    ]  # fmt: skip
