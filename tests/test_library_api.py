"""The library API returns the very report the CLI renders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from schema_check import assert_valid_output
from typer.testing import CliRunner

import panelcli
from panelcli import CheckOptions, check_file, check_files, load_ranges
from panelcli.cli import app
from panelcli.models import Report

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def cli_json(*args: str) -> object:
    result = CliRunner().invoke(app, ["check", *args, "--format", "json"])
    document = json.loads(result.stdout)
    assert_valid_output(document)
    return document


@pytest.mark.parametrize("sample", ["cytokine-storm", "bad-rows", "messy-export"])
def test_cli_json_equals_the_library_report(sample: str) -> None:
    path = f"samples/{sample}.csv"
    report = check_file(path, ranges=load_ranges("arup-3002601"))
    assert isinstance(report, Report)
    assert cli_json(path) == report.model_dump(mode="json")


def test_options_and_several_files_match_the_cli_too() -> None:
    paths = ["samples/all-in-range.csv", "samples/serial-monitoring.csv"]
    report = check_files(paths, "mayo-adult", CheckOptions(sex="female", age=40))
    expected = cli_json(*paths, "--ranges", "mayo-adult", "--sex", "female", "--age", "40")
    assert expected == report.model_dump(mode="json")


def test_the_api_is_what_the_package_exports() -> None:
    assert set(panelcli.__all__) >= {"check_file", "check_files", "load_ranges", "CheckOptions"}


def test_the_package_is_typed_and_lists_its_api() -> None:
    """QA: no py.typed, so mypy skipped panelcli's hints in a user's code; and dir(panelcli)
    listed 'Any', 'TYPE_CHECKING' and 'annotations', not the API."""
    assert (Path(panelcli.__file__).parent / "py.typed").is_file()
    public = {name for name in dir(panelcli) if not name.startswith("_")}
    assert public >= {"check_file", "check_files", "load_ranges", "CheckOptions"}
    assert not public & {"Any", "TYPE_CHECKING", "annotations"}
    assert "__file__" in dir(panelcli)  # review: the module's own names stay


def test_files_and_ranges_may_be_paths(tmp_path: Path) -> None:
    """check_file(Path(...)) raised a pydantic error deep inside (found in review)."""
    by_text = check_file("samples/all-in-range.csv", ranges="reference_ranges/mayo-adult.toml")
    by_path = check_file(
        Path("samples/all-in-range.csv"), ranges=Path("reference_ranges/mayo-adult.toml")
    )
    assert by_path == by_text
    missing = check_files([Path(tmp_path / "nope.csv")])
    assert [issue.code for issue in missing.rejected] == ["file-unreadable"]


def test_check_files_refuses_one_file_given_as_a_string() -> None:
    """It read 'a.csv' letter by letter: five unreadable files 'a', '.', 'c' ..."""
    with pytest.raises(TypeError, match="for one file use check_file"):
        check_files("samples/all-in-range.csv")


@pytest.mark.parametrize(
    ("options", "words"),
    [({"sex": "x"}, "sex must be"), ({"age": 500}, "age must be"), ({"age": -1}, "age must be"),
     ({"max_line_length": 0}, "max_line_length")],
)  # fmt: skip
def test_options_the_command_line_refuses_are_refused_here_too(
    options: dict[str, object], words: str
) -> None:
    with pytest.raises(ValueError, match=words):
        CheckOptions(**options)  # type: ignore[arg-type]


def test_sex_is_taken_as_the_command_line_takes_it() -> None:
    """--sex F worked where CheckOptions(sex="F") was refused (found in QA)."""
    assert CheckOptions(sex="F").sex == "female"  # type: ignore[arg-type]
    assert CheckOptions(sex="male").sex == "male"


def test_an_assumed_unit_no_row_could_use_is_refused() -> None:
    with pytest.raises(ValueError, match="the unit to assume, 'foo', is not a unit"):
        check_file("samples/all-in-range.csv", options=CheckOptions(assume_unit="foo"))


def test_library_arguments_of_the_wrong_kind_are_refused_in_plain_words(tmp_path) -> None:
    """QA: CheckOptions(age='52') raised "'<=' not supported…"; rows_per_batch=0 cut at every
    sample; ndjson_join(parts, a set) wrote every line, then failed at the end line."""
    import pytest

    from panelcli.batches import read_batches
    from panelcli.check import CheckOptions
    from panelcli.ranges import load_ranges
    from panelcli.render.ndjson import ndjson_join

    for age in ("fifty", True):  # ('52' is read as --age reads it since round 10)
        with pytest.raises(ValueError, match="age must be a number of years"):
            CheckOptions(age=age)  # type: ignore[arg-type]
    # review: these failed later, in the csv module or at check time, as TypeErrors
    for wrong, said in (
        ({"max_line_length": 1.5}, "max_line_length must be a positive whole number"),
        ({"max_line_length": "10"}, "max_line_length must be a positive whole number"),
        ({"assume_unit": 5}, "assume_unit must be a unit such as 'pg/mL'"),
        ({"age_width": -1}, "age_width must be a part of a year"),
    ):
        with pytest.raises(ValueError, match=said):
            CheckOptions(**wrong)  # type: ignore[arg-type]
    assert CheckOptions(max_line_length=2048.0).max_line_length == 2048  # type: ignore[arg-type]
    path = tmp_path / "a.csv"
    path.write_text("sample_id,marker,value,unit\nS1,IL-6,3,pg/mL\n")
    with pytest.raises(ValueError, match="rows_per_batch must be 1 or more"):
        list(read_batches(str(path), rows_per_batch=0))
    with pytest.raises(TypeError, match="rows_per_batch must be an int"):
        list(read_batches(str(path), rows_per_batch=None))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be a ReferenceSetInfo"):
        next(ndjson_join([], load_ranges()))  # type: ignore[arg-type]


@pytest.mark.parametrize("given", ["RANGE", " Range ", "range"])
def test_assume_unit_range_in_any_case_works_as_on_the_command_line(tmp_path, given) -> None:
    """QA: --assume-unit RANGE worked, CheckOptions(assume_unit='RANGE') raised ValueError."""
    data = tmp_path / "nounit.csv"
    data.write_text("sample_id,marker,value\nA,IL-6,3\n")
    options = CheckOptions(assume_unit=given)
    assert options.assume_unit == "range"
    ((result,),) = [p.results for p in check_file(str(data), options=options).panels]
    assert (result.unit, result.status) == ("pg/mL", "high")
