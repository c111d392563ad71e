"""Code review round 13 (/work/qa13/review): bugs found while reading the code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.check import check_file, check_files
from panelcli.cli import app
from panelcli.file_names import name_problem
from tests.conftest import assert_no_crash

runner = CliRunner()
SAMPLE = "samples/all-in-range.csv"


def test_the_library_says_a_utf8_name_in_an_ascii_locale_is_the_locales(tmp_path: Path) -> None:
    """The library told such a name to be renamed as 'not valid UTF-8', where the CLI rightly
    said to run with PYTHONUTF8=1: one rule now decides for both."""
    (tmp_path / "ü.csv").write_text("marker,value,unit\nIL-6,3,pg/mL\n", encoding="utf-8")
    (refused,) = check_file(str(tmp_path / "\udcc3\udcbc.csv")).rejected
    assert refused.source.endswith("ü.csv")
    assert "run it with PYTHONUTF8=1 or LC_ALL=C.UTF-8" in refused.message
    assert "no such file" not in refused.message
    (bytes_refused,) = check_files([str(tmp_path / "caf\udce9.csv")]).rejected
    assert bytes_refused.source.endswith("caf\\xe9.csv")
    assert "is not valid UTF-8" in bytes_refused.message


def test_a_lone_surrogate_a_program_gives_is_shown_not_raised() -> None:
    assert name_problem("a\ud800.csv") == ("a\\ud800.csv", False)
    assert name_problem("plain.csv") is None and name_problem("ü.csv") is None


@pytest.mark.parametrize(
    "args",
    [["-fjson", "-fcsv"], ["-f", "json", "-fcsv"], ["-rmayo-adult", "--ranges", "arup-3002601"]],
)
def test_a_short_option_with_its_value_joined_is_refused_when_given_twice(args: list[str]) -> None:
    """'-fjson -fcsv' wrote CSV without a word, where '-f json -f csv' is refused."""
    result = runner.invoke(app, ["check", SAMPLE, *args])
    assert result.exit_code == 2 and "given twice" in result.stderr
    assert result.stdout == ""


def test_a_short_option_with_its_value_joined_once_is_read() -> None:
    result = runner.invoke(app, ["check", SAMPLE, "-fjson"])
    assert result.exit_code == 0 and result.stdout.startswith("{")


@pytest.mark.parametrize("args", [["--max-line-length", "²"], ["-o", "/dev/fd/²"]])
def test_a_superscript_digit_gets_panelcli_s_own_words(args: list[str]) -> None:
    """'²' passed isdigit() and int() refused it: Python's 'invalid literal for int()' was shown."""
    result = runner.invoke(app, ["check", SAMPLE, *args])
    assert result.exit_code == 2 and "invalid literal" not in result.stderr
    assert_no_crash(result)


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX's")
@pytest.mark.parametrize("command", ["check", "validate"])
def test_quiet_says_nothing_of_a_terminal_on_standard_input(command: str) -> None:
    """'validate - -q' with the keyboard on standard input still printed 'type or paste the
    rows' (check did not)."""

    def run(*extra: str) -> str:
        main, typed = os.openpty()
        process = subprocess.Popen(
            [sys.executable, "-m", "panelcli", command, "-", *extra],
            stdin=typed, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        os.close(typed)
        os.write(main, b"marker,value,unit\nIL-6,1,pg/mL\n\x04")
        _, err = process.communicate(timeout=120)
        os.close(main)
        return err.decode()

    assert "type or paste the rows" in run()
    assert "type or paste the rows" not in run("-q")
