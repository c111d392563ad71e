"""A normal range of one value or none is an error, as the README says (black-box QA:
`high = 0` and `low = high = 7` were 'valid', and then every result above 0 was high)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from panelcli.cli import app
from panelcli.ranges import Interval, MarkerRange, check_ranges_bytes

runner = CliRunner()

ZERO = "high = 0 makes only a value of exactly 0 normal (no concentration is below 0)"


def _toml(body: str, marker: str = "IL-8") -> bytes:
    return f'[markers."{marker}"]\nunit = "pg/mL"\nsource = "x"\n{body}'.encode()


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("high = 0\n", f"marker 'IL-8': {ZERO}"),
        ("low = 0\nhigh = 0.0\ncritical_high = 50\n", f"marker 'IL-8': {ZERO}"),
        ("low = 7\nhigh = 7\n",
         "marker 'IL-8': low and high are both 7, so only a value of exactly 7 is normal"),
        ("high = 9\n[[markers.\"IL-8\".intervals]]\nsex = \"F\"\nlow = 2.5\nhigh = 2.5\n",
         "marker 'IL-8': interval 1: low and high are both 2.5, so only a value of exactly 2.5"),
        ("critical_high = 50\n[[markers.\"IL-8\".intervals]]\nage_min = 18\nhigh = 0\n",
         f"marker 'IL-8': interval 1: {ZERO}"),
    ],
)  # fmt: skip
def test_a_normal_range_of_one_value_is_an_error_naming_the_marker_and_row(
    body: str, problem: str
) -> None:
    problems = check_ranges_bytes(_toml(body))
    assert len(problems) == 1, problems
    assert problems[0].startswith(problem), problems


@pytest.mark.parametrize(
    "body",
    ["low = 0\n", "low = 0\nhigh = 0.1\n", "high = 7\nlod = 7\nlloq = 7\n", "critical_high = 1\n",
     "low = 6.9\nhigh = 7\nhigh_exclusive = true\n"],
)  # fmt: skip
def test_a_range_with_room_in_it_stays_valid(body: str) -> None:
    assert check_ranges_bytes(_toml(body)) == []


def test_the_models_refuse_a_one_point_range_too() -> None:
    """The library API (a range built in code) is checked as a file is."""
    with pytest.raises(ValidationError, match="only a value of exactly 0"):
        MarkerRange(unit="pg/mL", high=0.0)
    with pytest.raises(ValidationError, match="both 3"):
        Interval(low=3.0, high=3.0)


def test_validate_lists_it_with_the_others_and_check_refuses_the_set(tmp_path: Path) -> None:
    path = tmp_path / "zero.toml"
    path.write_bytes(_toml("high = 0\n") + _toml("low = 7\nhigh = 7\nhihg = 8\n", "IL-6"))
    result = runner.invoke(app, ["ranges", "validate", str(path)])
    assert result.exit_code == 2
    assert ZERO in result.output
    assert "marker 'IL-6': low and high are both 7" in result.output
    assert "unknown key 'hihg'" in result.output

    path.write_bytes(_toml("high = 0\n"))
    data = tmp_path / "z.csv"
    data.write_text("sample_id,marker,value,unit\nB,IL-8,0.3,pg/mL\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(data), "--ranges", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and ZERO in result.stderr, result.stderr


def test_the_ranges_schema_refuses_a_high_of_zero_as_validate_does() -> None:
    """QA: `panelcli schema ranges` allowed `high = 0`, so an editor checking a file against
    it did not flag what `ranges validate` refuses (low equal to high cannot be said there)."""
    import jsonschema

    schema = json.loads(runner.invoke(app, ["schema", "ranges"]).stdout)
    for table in ("high = 0\n", '[[markers."IL-6".intervals]]\nsex = "F"\nhigh = 0\n'):
        document = tomllib.loads(f'[markers."IL-6"]\nunit = "pg/mL"\n{table}')
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(document, schema)
    jsonschema.validate(tomllib.loads('[markers."IL-6"]\nunit = "pg/mL"\nhigh = 0.5\n'), schema)
