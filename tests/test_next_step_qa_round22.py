"""Script-author QA round 22 (/work/qa22/next/report.md): hints a script follows, and fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.cli import app

runner = CliRunner()


def test_a_ranges_file_on_standard_input_is_not_told_to_use_ranges_dash() -> None:
    """F1: 'cat lab.toml | panelcli check -' hinted '--ranges -', which --ranges refuses."""
    run = runner.invoke(app, ["check", "-"], input='[set]\nname = "x"\n')
    assert run.exit_code == 2
    assert "save it to a file and give that with --ranges" in run.stderr
    assert "--ranges -)" not in run.stderr and "--ranges standard input" not in run.stderr


def test_a_leading_tilde_in_the_environment_is_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """F2: PANELCLI_RANGES='~/mylab' (cron, systemd, .env files leave '~' as written) was a
    missing file, and its hint 'ranges init ~/mylab' was refused (the folder existed);
    PANELCLI_CONFIG_DIR='~/cfg' was silently a missing folder."""
    from panelcli.ranges import user_config_dir

    monkeypatch.setenv("HOME", str(tmp_path))
    assert runner.invoke(app, ["ranges", "init", str(tmp_path / "mylab")]).exit_code == 0
    results = tmp_path / "one.csv"
    results.write_text("Sample ID,Marker,Result,Unit\nS1,IL-6,5,pg/mL\n", encoding="utf-8")
    run = runner.invoke(app, ["check", str(results), "-q"], env={"PANELCLI_RANGES": "~/mylab"})
    assert run.exit_code == 1, run.stderr
    run = runner.invoke(app, ["check", str(results), "-q", "--ranges", "~/mylab"])
    assert run.exit_code == 1, run.stderr
    monkeypatch.setenv("PANELCLI_CONFIG_DIR", "~/cfg")
    assert user_config_dir() == tmp_path / "cfg"


def test_export_takes_htm_and_says_what_is_wrong_with_an_ending_alone(tmp_path: Path) -> None:
    """F4: '--export r.htm' was refused; '--export .html' was told it did not end in .html and
    to write text to '> .html'; 'r.html.' to write text to '> r.html.'."""
    results = tmp_path / "one.csv"
    results.write_text("Sample ID,Marker,Result,Unit\nS1,IL-6,5,pg/mL\n", encoding="utf-8")
    page = tmp_path / "r.htm"
    run = runner.invoke(app, ["check", str(results), "-q", "--export", str(page)])
    assert run.exit_code == 1, run.stderr
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    for name, said in (
        (".html", "'.html' is only a file's ending: give the file a name before it, such as "
                  "report.html"),
        ("r.html.", "'r.html.' has '.' after its ending; did you mean r.html?"),
    ):  # fmt: skip
        run = runner.invoke(app, ["check", str(results), "--export", str(tmp_path / name)])
        assert run.exit_code == 2
        assert said in " ".join(run.stderr.split()), run.stderr


def test_an_output_name_with_a_space_after_its_ending_is_refused(tmp_path: Path) -> None:
    """F5: '-o "r.json "' (a name from `read` or a CRLF list) wrote the text table, unsaid."""
    results = tmp_path / "one.csv"
    results.write_text("Sample ID,Marker,Result,Unit\nS1,IL-6,5,pg/mL\n", encoding="utf-8")
    for name in ("r.json ", "r.csv\r"):
        run = runner.invoke(app, ["check", str(results), "-o", str(tmp_path / name)])
        assert run.exit_code == 2
        assert "after its ending; did you mean" in run.stderr
        assert not (tmp_path / name).exists()


def test_ranges_validate_takes_several_sets(tmp_path: Path) -> None:
    """A leftover of rounds 21-22: 'ranges validate a.toml b.toml' was refused as an extra
    argument. Each is checked in turn, its count naming it; exit 2 where any is invalid, and
    a missing one is said without stopping the others."""
    bad = tmp_path / "bad.toml"
    bad.write_text('[set]\nname = "bad"\n', encoding="utf-8")
    run = runner.invoke(
        app,
        ["ranges", "validate", "mayo-adult", str(bad), str(tmp_path / "no.toml"), "arup-3002601"],
    )
    assert run.exit_code == 2
    assert f"{bad}: error ranges-file: missing required key 'markers'" in run.stdout
    said = run.stderr.splitlines()
    assert said[0].endswith("mayo-adult.toml: valid")
    assert said[1].startswith(f"{bad}: 1 problem; panelcli check will refuse this file")
    assert "no.toml' does not exist" in said[2]
    assert said[3].endswith("arup-3002601.toml: valid")
    assert runner.invoke(app, ["ranges", "validate", "mayo-adult", "arup-3002601"]).exit_code == 0
