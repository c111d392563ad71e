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


def test_an_option_given_twice_is_compared_by_what_it_means(tmp_path) -> None:
    """Developer QA round 7: '-f json -f JSON' and '--age 40 --age 40y' were refused as two
    values, while '--sex f --sex female' was one; '--force --no-force' kept the last unsaid,
    and the run then said 'add --force'."""
    path = tmp_path / "one.csv"
    path.write_text("marker,value,unit\nIL-6,1.0,pg/mL\n", encoding="utf-8")
    for twice in (
        ["-f", "json", "-f", "JSON"], ["--age", "40", "--age", "40y"],
        ["-r", "arup-3002601", "-r", "ARUP-3002601"], ["--sex", "f", "--sex", "female"],
        ["--fail-on", "never", "--fail-on", "NEVER"], ["--no-force", "--no-force"],
    ):  # fmt: skip
        result = runner.invoke(app, ["check", str(path), *twice])
        assert result.exit_code == 0, (twice, result.output)
    for twice, said in (
        (["-f", "json", "-f", "csv"], "given twice ('json', then 'csv')"),
        (["--age", "40", "--age", "41"], "given twice ('40', then '41')"),
        (["--force", "--no-force"], "given both --force and --no-force; give one"),
        (["--no-force", "--force"], "given both --force and --no-force; give one"),
    ):
        result = runner.invoke(app, ["check", str(path), *twice])
        assert result.exit_code == 2 and said in " ".join(result.output.split()), twice


def test_the_help_examples_run_as_copied_in_an_empty_folder(tmp_path) -> None:
    """Educator QA round 7: 'validate results.csv another.csv' named files a new user has not,
    and 'ranges init ./mylab' in two helps failed the second time ('already exists')."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    for command, codes in (
        (["validate"], {2}), (["ranges", "validate"], {0}), (["ranges", "init"], {0}),
        (["ranges", "show"], {0}), (["ranges", "list"], {0}), (["demo"], {0, 1}),
        (["explain"], {0}), (["schema"], {0}), (["check"], {1}),
    ):  # fmt: skip
        text = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "300"}).output
        paragraph = text.split("Example:", 1)[1].split("\n\n", 1)[0]
        # the command, without what is said about it in brackets
        line = " ".join(paragraph.split()).split(" (", 1)[0]
        if command == ["check"]:  # with the file its help says how to write
            line = f"panelcli demo cytokine-storm --csv > results.csv && {line}"
        ran = subprocess.run(line, shell=True, cwd=tmp_path, env=env, capture_output=True)
        assert ran.returncode in codes, (line, ran.stdout[-500:], ran.stderr[-500:])
        assert b"Traceback" not in ran.stderr


def test_ranges_validate_names_the_line_of_the_key_a_problem_is_about(tmp_path) -> None:
    """Developer QA round 7: an empty alias and 'high = -0.0' were named at the table's line."""
    for text, line in (
        ('[markers."IL-6"]\nunit="pg/mL"\nhigh=7\naliases=[""]\n', 4),
        ('[markers."IL-6"]\nunit="pg/mL"\nhigh=-0.0\nlow=-0.0\n', 3),
    ):
        path = tmp_path / "e.toml"
        path.write_text(text, encoding="utf-8")
        result = runner.invoke(app, ["ranges", "validate", str(path)])
        assert result.exit_code == 2
        assert result.stdout.startswith(f"{path}:{line}: error ranges-file: marker 'IL-6': ")


def test_a_mistyped_path_or_choice_says_what_to_do(tmp_path) -> None:
    """Developer QA round 7: a quoted glob, a folder, a gzip file and '-f jsn' were refused
    with no word of what to type instead."""
    import gzip

    packed = tmp_path / "x.csv.gz"
    packed.write_bytes(gzip.compress(b"marker,value,unit\n"))
    for args, said in (
        ([str(tmp_path / "*.csv")], "(a pattern in quotes? leave the quotes off"),
        ([str(tmp_path)], f"is a folder, not a file (give its files: {tmp_path}/*.csv)"),
        ([str(packed)], "or send it on standard input: zcat FILE | panelcli check -"),
        ([str(packed), "-f", "jsn"], "'jsn' is not one of table, json, ndjson, csv, fhir (did you"),
    ):
        result = runner.invoke(app, ["check", *args])
        assert result.exit_code == 2 and said in " ".join(result.output.split()), args


def test_two_folders_whose_names_differ_in_case_are_two_sets(tmp_path, monkeypatch) -> None:
    """Review: '--ranges mylab --ranges MYLAB' was taken as one value (a bundled set's name has
    no case), though 'ranges init' makes such folders; the last was used unsaid."""
    monkeypatch.chdir(tmp_path)
    for folder in ("mylab", "MYLAB"):
        assert runner.invoke(app, ["ranges", "init", folder]).exit_code == 0
    data = tmp_path / "one.csv"
    data.write_text("marker,value,unit\nIL-6,1.0,pg/mL\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(data), "--ranges", "mylab", "--ranges", "MYLAB"])
    assert result.exit_code == 2 and "given twice ('mylab', then 'MYLAB')" in result.output


def test_debug_before_the_command_shows_the_traceback_too(tmp_path) -> None:
    """Developer QA round 7: 'panelcli --debug check …' was 'No such option: --debug'."""
    data = tmp_path / "one.csv"
    data.write_text("marker,value,unit\nIL-6,1.0,pg/mL\n", encoding="utf-8")
    missing = str(tmp_path / "nope.toml")
    before = runner.invoke(app, ["--debug", "check", str(data), "--ranges", missing])
    assert before.exit_code == 2 and "Traceback (most recent call last)" in before.stderr
    plain = runner.invoke(app, ["check", str(data), "--ranges", missing])
    assert plain.exit_code == 2 and "Traceback" not in plain.stderr
