"""Educator QA: no double blank line where a legend is left out; plain words in notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.cli import app

runner = CliRunner()


def _blank_runs(output: str) -> bool:
    lines = [line.strip() for line in output.splitlines()]
    return any(not a and not b for a, b in zip(lines, lines[1:], strict=False))


@pytest.mark.parametrize("columns", ["60", "80", "120", "200"])
def test_the_demo_never_prints_two_blank_lines_in_a_row(columns: str) -> None:
    result = runner.invoke(app, ["demo", "below-detection"], env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    assert not _blank_runs(result.output)


def test_a_file_whose_only_row_is_rejected_has_one_blank_line_at_most(tmp_path: Path) -> None:
    path = tmp_path / "rejected.csv"
    path.write_text("sample_id,marker,value,unit\nS1,IL-6,abc,pg/mL\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)], env={"COLUMNS": "100"})
    assert result.exit_code == 2, result.output
    assert not _blank_runs(result.stdout)


def test_the_bad_rows_story_list_and_summary_name_the_missing_marker_alike() -> None:
    """The story said 'One has no name', the list 'marker is empty', the summary 'no marker
    name' (QA): all three now say 'marker name'."""
    output = " ".join(
        runner.invoke(app, ["demo", "bad-rows"], env={"COLUMNS": "300"}).output.split()
    )
    assert "One has no marker name" in output
    assert "marker name is empty; fill in the marker's name (IL-6, TNF-α …) [marker-missing]" in (
        output
    )
    assert "1 row has no marker name." in output


def test_the_below_detection_note_says_its_keys_in_plain_words() -> None:
    output = " ".join(
        runner.invoke(app, ["demo", "below-detection"], env={"COLUMNS": "300"}).output.split()
    )
    assert "Lab staff can add that level to a ranges file as lod or lloq." in output
    assert "in the set)" not in output
