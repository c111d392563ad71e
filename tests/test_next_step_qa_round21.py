"""Next-step QA round 21 (/work/qa21/next/report.md): what a script author tries next."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.cli import app

runner = CliRunner()


@pytest.mark.parametrize("command", [["explain", ""], ["demo", " "], ["explain", "", " "]])
def test_a_blank_name_is_refused(command: list[str]) -> None:
    """1: 'explain \"$M\"' with M unset printed the overview, exit 0; a script could not tell."""
    run = runner.invoke(app, command)
    assert run.exit_code == 2
    assert "the name is empty (an unset shell variable?)" in run.stderr


def test_a_toml_file_given_to_check_is_said_to_be_one(tmp_path: Path) -> None:
    """2: 'check samples/*' read the demos' index.toml and said its line 16 looked like a
    header."""
    index = tmp_path / "index.toml"
    index.write_text('# samples\n\n[samples.storm]\ntitle = "Storm"\n', encoding="utf-8")
    run = runner.invoke(app, ["check", str(index)])
    assert run.exit_code == 2
    assert "this is a TOML file ('[samples.storm]' on line 3), not lab results" in run.stderr


def test_ranges_init_refuses_a_dash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """3: 'ranges init -' made a folder named '-', where '--ranges -' is refused."""
    monkeypatch.chdir(tmp_path)
    run = runner.invoke(app, ["ranges", "init", "-"])
    assert run.exit_code == 2
    assert "'-' is not standard input or output here" in run.stderr
    assert not (tmp_path / "-").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes")
def test_export_writes_into_a_named_pipe_as_output_does(tmp_path: Path) -> None:
    """5: '--export report.html' named a FIFO and was refused as existing ('add --force')."""
    import threading

    pipe = tmp_path / "report.html"
    os.mkfifo(pipe)
    read: list[bytes] = []
    reader = threading.Thread(target=lambda: read.append(pipe.read_bytes()))
    reader.start()
    run = runner.invoke(app, ["demo", "cytokine-storm", "--export", str(pipe)])
    reader.join(timeout=60)
    assert run.exit_code == 0, run.output
    assert read and read[0].startswith(b"<!DOCTYPE html>")
    assert pipe.is_fifo()


def test_output_under_a_file_says_so(tmp_path: Path) -> None:
    """6: '-o afile/x.json' said 'Not a directory'; '--export afile/x.html' said it plainly."""
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    run = runner.invoke(app, ["demo", "--csv", "mild-rise"])
    data = tmp_path / "in.csv"
    data.write_text(run.stdout, encoding="utf-8")
    out = runner.invoke(app, ["check", str(data), "-o", str(afile / "x.json")])
    assert out.exit_code == 2
    assert f"the folder '{afile}' is a file, not a folder" in out.stderr


def test_a_broken_set_s_path_is_whole_as_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """8: with a relative PANELCLI_CONFIG_DIR, a broken set's path was relative."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "cfg" / "ranges"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text(
        '[markers."IL-6"]\nunit="pg/mL"\nhigh=7\nsource="x"\n', encoding="utf-8"
    )
    (folder / "broken.toml").write_text('[markers."IL-6"\n', encoding="utf-8")
    run = runner.invoke(app, ["ranges", "list"], env={"PANELCLI_CONFIG_DIR": "cfg"})
    lines = [line for line in run.stdout.splitlines() if "mine" in line or "broken" in line]
    assert len(lines) == 2
    assert all(line.rstrip().endswith(str(folder / n)) for line, n in
               zip(sorted(lines), ["broken.toml", "mine.toml"], strict=True))  # fmt: skip


def test_a_closed_stdin_is_not_named_twice() -> None:
    """9: 'panelcli: standard input: standard input is closed; there is nothing to read'."""
    import shlex
    import subprocess

    argv = [sys.executable, "-m", "panelcli", "check", "-"]
    done = subprocess.run(
        ["sh", "-c", f"{shlex.join(argv)} <&-"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "standard input: closed before panelcli started" in done.stderr
    assert done.stderr.count("standard input") == 1
