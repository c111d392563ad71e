"""`explain` and `demo` read a name typed as several words, or blank, as students type it."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from panelcli.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("words", "quoted"),
    [
        (["explain", "IL", "6"], ["explain", "IL 6"]),
        (["explain", "interferon", "gamma"], ["explain", "interferon gamma"]),
        (["explain", "interferon", "gamma", "--ranges", "mayo-adult"],
         ["explain", "interferon gamma", "--ranges", "mayo-adult"]),
        (["explain", "--ranges", "mayo-adult", "IL", "6"], ["explain", "IL-6", "-r", "mayo-adult"]),
        (["demo", "cytokine", "storm"], ["demo", "cytokine storm"]),
        (["demo", "cytokine", "storm"], ["demo", "cytokine-storm"]),
    ],
)  # fmt: skip
def test_words_typed_without_quotes_read_as_one_name(words: list[str], quoted: list[str]) -> None:
    unquoted = runner.invoke(app, words)
    assert unquoted.exit_code == 0, unquoted.output
    assert unquoted.output == runner.invoke(app, quoted).output


@pytest.mark.parametrize("command", ["explain", "demo"])
def test_help_says_the_words_need_no_quotes(command: str) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert "need no quotes" in " ".join(result.output.split())


@pytest.mark.parametrize(("command", "blank"), [("explain", ""), ("explain", "  "), ("demo", "")])
def test_a_blank_name_shows_what_no_name_shows(command: str, blank: str) -> None:
    result = runner.invoke(app, [command, blank])
    assert result.exit_code == 0, result.output
    assert result.output == runner.invoke(app, [command]).output


def test_the_explain_example_in_help_runs_as_copied() -> None:
    help_text = runner.invoke(app, ["explain", "--help"], env={"COLUMNS": "200"}).output
    example = next(line for line in help_text.splitlines() if "Example:" in line)
    words = example.split("panelcli", 1)[1].split()
    result = runner.invoke(app, words)
    assert result.exit_code == 0, result.output
