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
    paths = ["samples/healthy-adult.csv", "samples/serial-monitoring.csv"]
    report = check_files(paths, "mayo-adult", CheckOptions(sex="female", age=40))
    expected = cli_json(*paths, "--ranges", "mayo-adult", "--sex", "female", "--age", "40")
    assert expected == report.model_dump(mode="json")


def test_the_api_is_what_the_package_exports() -> None:
    assert set(panelcli.__all__) >= {"check_file", "check_files", "load_ranges", "CheckOptions"}
