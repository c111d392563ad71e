"""Educator and patient-reader QA round 22 (/work/qa22/probe/report.md) and round 21's leftovers."""

from __future__ import annotations

from pathlib import Path

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


def test_a_trends_range_writes_micrograms_as_its_numbers_do(tmp_path: Path) -> None:
    """Probe 3: the trend's range said '11 - 328 ug/L' beside '200 → 205 µg/L'."""
    from panelcli.check import check_file

    path = tmp_path / "ferritin.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit,sex,birth_date\n"
        "A,P1,2026-01-10,Ferritin,200,ug/L,F,1975-03-01\n"
        "B,P1,2026-06-10,Ferritin,205,ug/L,F,1975-03-01\n",
        encoding="utf-8",
    )
    (trend,) = check_file(path, "mayo-adult").trends
    assert (trend.markers[0].reference or "").startswith("11 - 328 µg/L (the last test's")
