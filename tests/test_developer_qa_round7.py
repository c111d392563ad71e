"""A developer's seventh QA round: what scripts and CI jobs meet."""

from __future__ import annotations

from typer.testing import CliRunner

from panelcli.cli import app

runner = CliRunner()


def test_validate_quiet_says_a_file_it_cannot_read_on_stderr(tmp_path) -> None:
    """Developer QA round 7: 'validate -q nope.csv' exited 2 with not a word anywhere, while
    'check -q' said why; a mistyped path looked like a rejected row."""
    good = tmp_path / "good.csv"
    good.write_text("marker,value,unit\nIL-6,1.0,pg/mL\n", encoding="utf-8")
    for files in ([str(tmp_path / "nope.csv")], [str(good), str(tmp_path / "nope.csv")]):
        result = runner.invoke(app, ["validate", "-q", *files])
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr == f"panelcli: {tmp_path / 'nope.csv'}: no such file\n"
    assert runner.invoke(app, ["validate", "-q", str(good)]).stderr == ""
