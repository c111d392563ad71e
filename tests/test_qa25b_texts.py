"""Texts that said the wrong thing (developer QA round)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.cli import app
from panelcli.values import ValueProblem, parse_value

runner = CliRunner()


def test_a_file_of_nul_bytes_is_binary_not_empty(tmp_path: Path) -> None:
    zeros = tmp_path / "z.csv"
    zeros.write_bytes(bytes(100_000))
    result = runner.invoke(app, ["check", str(zeros)])
    assert result.exit_code == 2
    assert result.stderr == f"panelcli: {zeros}: this looks like a binary file, not CSV text\n"
    blank = tmp_path / "u16.csv"  # UTF-16 blank lines: blank lines, no BOM or NUL said
    blank.write_bytes(b"\xff\xfe\r\x00\n\x00")
    assert "the file has only blank lines" in runner.invoke(app, ["check", str(blank)]).stderr


def test_bytes_of_every_value_are_binary_but_a_few_control_characters_are_text(
    tmp_path: Path,
) -> None:
    """QA: 256 bytes of every value (and random bytes) got "no header" instead."""
    packed = tmp_path / "b.csv"
    packed.write_bytes(bytes(range(256)) * 4)
    result = runner.invoke(app, ["check", str(packed)])
    assert (result.exit_code, result.stderr) == (
        2, f"panelcli: {packed}: this looks like a binary file, not CSV text\n"
    )  # fmt: skip
    text = tmp_path / "t.csv"  # an escape code in a cell is text (shown escaped)
    text.write_text("sample_id,marker,value,unit\nS\x1b[31m1,IL-6,1,pg/mL\n")
    assert runner.invoke(app, ["check", str(text), "-f", "json"]).exit_code == 0


def test_a_comment_column_of_in_cell_line_breaks_is_still_text(tmp_path: Path) -> None:
    """QA: FileMaker writes a line break inside a cell as VT (\\x0b): such a file was binary."""
    rows = "".join(f'S{i},IL-6,{i},pg/mL,"a\x0bb\x0bc\x0bd"\n' for i in range(10))
    path = tmp_path / "vt.csv"
    path.write_text("Sample ID,Marker,Value,Unit,Comment\n" + rows + "\x1a")
    result = runner.invoke(app, ["check", str(path), "-f", "json"])
    assert result.exit_code == 1, result.stderr
    assert '"results": 10' in result.stdout


def test_less_than_a_number_that_rounds_to_0_quotes_it() -> None:
    with pytest.raises(ValueProblem, match=r"says less than 1e-400, a number too small") as why:
        parse_value("<1e-400")
    assert "less than 0" not in str(why.value)
    with pytest.raises(ValueProblem, match="says less than 0, which no concentration can be"):
        parse_value("<0.00")


def test_validate_help_says_warnings_alone_exit_0() -> None:
    shown = " ".join(runner.invoke(app, ["validate", "--help"]).stdout.split())
    assert "0 no errors (warnings only, or nothing found); 2 a row was rejected" in shown
    # QA: validate's help left out the codes it shares with check (a usage error, | head)
    assert "a usage error, invalid ranges or output that cannot be written; 129 hung up" in shown
    assert "141 the reader of the output went away before the end (| head)" in shown


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_text_is_refused_as_such(tmp_path: Path, encoding: str) -> None:
    """QA: UTF-32's BOM was taken for UTF-16's, and its NULs made a report of rows that were
    not there ('Sample \\x00S\\x001\\x00')."""
    path = tmp_path / "u32.csv"
    path.write_text("sample_id,marker,value,unit\nS1,IL-6,12,pg/mL\n", encoding=encoding)
    said = "this is UTF-32 text, which panelcli does not read; save it as UTF-8"
    checked = runner.invoke(app, ["check", str(path), "-f", "csv"])
    assert (checked.exit_code, checked.stdout) == (2, "")
    assert checked.stderr == f"panelcli: {path}: {said}\n"
    validated = runner.invoke(app, ["validate", str(path)])
    assert validated.exit_code == 2
    assert validated.stdout == f"{path}: error file-unreadable: {said}\n"
    utf16 = tmp_path / "u16.csv"  # still read
    utf16.write_text("sample_id,marker,value,unit\nS1,IL-6,12,pg/mL\n", encoding="utf-16")
    assert runner.invoke(app, ["check", str(utf16), "-f", "csv"]).exit_code == 1
