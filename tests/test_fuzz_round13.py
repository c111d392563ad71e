"""Fuzzing round 13 (/work/qa13/fuzz): inputs that ended in an internal error."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from typer.testing import CliRunner

from panelcli.cli import app
from panelcli.trends import read_date

runner = CliRunner()


@pytest.mark.parametrize(
    "text", ["9999-12-31T23:00-12:00", "9999-12-31 23:59:59 -1200", "0001-01-01T00:30+05:00"]
)
def test_a_date_whose_offset_moves_it_past_the_calendar_is_no_date(text: str) -> None:
    """'9999-12-31T23-12:00' moved to UTC is in year 10000: OverflowError, an internal error."""
    assert read_date(text) is None


@pytest.mark.parametrize("output", ["table", "json", "ndjson", "csv", "fhir"])
def test_such_a_date_in_a_file_is_said_to_be_unreadable(
    write_csv: Callable[..., str], output: str
) -> None:
    path = write_csv("Sample,Collected,Test,Result,Unit\nS1,9999-12-31T23:00-12:00,IL-6,3,pg/mL\n")
    result = runner.invoke(app, ["check", path, "-f", output])
    assert result.exit_code == 1, result.stderr  # IL-6 3 is high; the run is not cut short
    assert "internal error" not in result.stderr
    if output == "table":
        assert "date-unreadable" in result.stdout + result.stderr


def test_an_age_with_hundreds_of_decimals_is_read(write_csv: Callable[..., str]) -> None:
    """'42.000…0' (309 zeros and more) raised OverflowError in age_width: an internal error,
    from --age and from an age column alike."""
    zeros = "0" * 400
    path = write_csv(f"Sample,Age,Test,Result,Unit\nS1,42.{zeros},IL-6,3,pg/mL\n")
    from_column = runner.invoke(app, ["check", path])
    assert from_column.exit_code == 1 and "internal error" not in from_column.stderr
    given = write_csv("Sample,Test,Result,Unit\nS1,IL-6,3,pg/mL\n", "given.csv")
    from_option = runner.invoke(app, ["check", given, "--age", f"42.{zeros}"])
    assert from_option.exit_code == 1 and "internal error" not in from_option.stderr
