"""A long file's marker cell that carries its unit ('IL-6 (pg/mL)') is read as a wide header is:
the marker is IL-6, and the unit is the row's, or must agree with the unit column's (QA: such a
row was an unknown marker, 'did you mean IL-6?', and a high IL-6 went unjudged)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_whose_rows import events_in, results, warnings
from typer.testing import CliRunner

from panelcli.cli import app

runner = CliRunner()
HEADER = "sample_id,marker,value,unit\n"


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize(
    ("marker", "unit", "value", "read"),
    [
        ("IL-6 (pg/mL)", "pg/mL", 12.0, ("IL-6", "pg/mL")),
        ("IL-6 (ng/L)", "pg/mL", 12.0, ("IL-6", "pg/mL")),  # one unit spelled two ways
        ("IL-6 (pg/mL)", "", 12.0, ("IL-6", "pg/mL")),  # a blank cell: the marker cell's
        ("IL-8 [ng/mL]", "", 12000.0, ("IL-8", "ng/mL")),
    ],
)
def test_a_unit_in_the_marker_cell_is_read(
    tmp_path: Path, short: bool, marker: str, unit: str, value: float, read: tuple[str, str]
) -> None:
    events = events_in(tmp_path, f"{HEADER}S1,{marker},12,{unit}\n", short)
    [result] = results(events)
    assert (result.marker, result.original_unit, result.value) == (*read, value)
    assert result.status == "high" and warnings(events, "unit-conflict") == []


def test_without_a_unit_column_the_marker_cell_gives_the_unit(tmp_path: Path) -> None:
    events = events_in(tmp_path, "Sample,Test,Result\nS1,IL-6 (pg/mL),12\nS1,IL-8 (ng/mL),1\n")
    assert [(r.marker, r.original_unit) for r in results(events)] == [
        ("IL-6", "pg/mL"), ("IL-8", "ng/mL")
    ]  # fmt: skip


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize(
    ("row", "column", "said"),
    [
        ("S1,IL-6 (pg/mL),12,ng/mL", "unit", "the unit column says 'ng/mL'"),
        ("S1,IL-10 (pg/mL),4 ng/mL,", "value", "the value '4 ng/mL' says 'ng/mL'"),
    ],
)
def test_a_marker_cell_s_unit_that_another_cell_contradicts_refuses_the_row(
    tmp_path: Path, short: bool, row: str, column: str, said: str
) -> None:
    events = events_in(tmp_path, f"{HEADER}{row}\nS1,IL-8 (pg/mL),3,pg/mL\n", short)
    [conflict] = warnings(events, "unit-conflict")
    assert (conflict.severity, conflict.line, conflict.column) == ("error", 2, column)
    assert conflict.sample_id == "S1" and conflict.marker in ("IL-6", "IL-10")
    assert said in conflict.message and "(pg/mL)' gives 'pg/mL'" in conflict.message
    assert [r.marker for r in results(events)] == ["IL-8"]


def test_a_marker_cell_s_unit_must_agree_with_the_value_header_s(tmp_path: Path) -> None:
    events = events_in(tmp_path, "Sample,Test,Result (ng/mL)\nS1,IL-6 (pg/mL),12\n")
    [conflict] = warnings(events, "unit-conflict")
    assert "the header 'Result (ng/mL)' gives 'ng/mL' but the marker 'IL-6 (pg/mL)'" in (
        conflict.message
    )


def test_the_short_path_gives_what_the_general_path_gives(tmp_path: Path) -> None:
    text = HEADER + "".join(
        f"S{n},{marker},{n},{unit}\n"
        for n in range(1, 6)
        for marker, unit in (("IL-6 (pg/mL)", "pg/mL"), ("IL-6", "ng/L"), ("IL-8 (ng/L)", ""))
    )
    assert events_in(tmp_path, text, True) == events_in(tmp_path, text, False)


def test_the_cli_flags_the_high_value(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text(f"{HEADER}S1,IL-6 (pg/mL),12,pg/mL\n", encoding="utf-8")
    checked = runner.invoke(app, ["check", str(path)])
    assert checked.exit_code == 1 and "no reference" not in checked.output


@pytest.mark.parametrize("short", [True, False])
def test_brackets_that_hold_no_unit_stay_with_the_name(tmp_path: Path, short: bool) -> None:
    """A spreadsheet formula's address is no unit (the corpus's '=HYPERLINK(…)' row)."""
    marker = '"=HYPERLINK(""https://evil.example"",""IL-6"")"'
    events = events_in(tmp_path, f"{HEADER}S1,{marker},4.2,pg/mL\nS1,IL-12 (p70),3,pg/mL\n", short)
    assert warnings(events, "unit-conflict") == []
    # 'IL-12 (p70)' is no marker of this set: named as the bundled sets name it
    assert [(r.marker, r.marker_as_written) for r in results(events)] == [
        ('=HYPERLINK("https://evil.example","IL-6")', '=HYPERLINK("https://evil.example","IL-6")'),
        ("IL-12 p70", "IL-12 (p70)"),
    ]  # fmt: skip
