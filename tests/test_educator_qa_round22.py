"""Educator and patient-reader QA round 22 (/work/qa22/probe/report.md) and round 21's leftovers."""

from __future__ import annotations

from typer.testing import CliRunner

from panelcli.cli import app

runner = CliRunner()


def test_explain_gives_each_group_its_own_range_line() -> None:
    """Round 21's probe 8: at 60 columns `explain ferritin` broke '11 - 328 µg/L' at its ' - ',
    the next line starting '- 328' (a negative number to a reader): each group of people's
    range is a line of its own, as `ranges show` gives them."""
    for columns in ("60", "100"):
        shown = runner.invoke(app, ["explain", "ferritin"], env={"COLUMNS": columns}).stdout
        lines = [line.strip(" │•") for line in shown.splitlines()]
        assert not any(line.startswith("- ") for line in lines), shown
        assert any(line.startswith("female, age 51 and over: 11 - 328") for line in lines), shown
