"""Developer QA round 13's leftovers and round 14 (/work/qa14/dev): scripts' ways of running
panelcli that went wrong."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.cli import app

runner = CliRunner()

STORM = Path(__file__).parent.parent / "samples" / "cytokine-storm.csv"

ROWS = "sample_id,marker,value,unit\nS1,IL-6,1,pg/mL\nS1,IL-8,2,pg/mL\nS1,TNF-a,abc,pg/mL\n"


@pytest.mark.parametrize(
    ("name", "said"),
    [("'x':2.csv", "'''x'':2.csv':4:"), ("'q.csv", "'''q.csv':4:"), (" s.csv", "' s.csv':4:"),
     ("s .csv", "s .csv:4:")],
)  # fmt: skip
def test_validate_quotes_a_file_name_that_starts_with_a_quote_or_space(
    tmp_path, monkeypatch, name, said
) -> None:
    """Developer QA round 13: "'x':2.csv:2:" reads as a quoted file 'x', line '2.csv'."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(ROWS)
    result = runner.invoke(app, ["validate", name])
    assert result.stdout.startswith(f"{said} value: error value-not-a-number")


def test_ranges_validate_dash_is_told_it_is_not_standard_input() -> None:
    """Developer QA round 13: 'ranges validate - < mylab.toml' got only 'no reference set'."""
    result = runner.invoke(app, ["ranges", "validate", "-"], input="[set]\n")
    assert result.exit_code == 2
    assert "('-' is not standard input here: write the set to a file and give its name)" in (
        result.stderr
    )


def test_validate_tells_a_name_not_utf8_to_use_validate_on_standard_input(tmp_path) -> None:
    """Developer QA round 13: validate's refusal said 'panelcli check - < FILE'."""
    name = os.fsdecode(b"\xff.csv")
    result = runner.invoke(app, ["validate", str(tmp_path / name)])
    assert result.exit_code == 2
    assert result.stderr.endswith("('panelcli validate - < FILE')\n")


@pytest.mark.parametrize(
    "args",
    [["explain", "\udcff"], ["demo", "a\udcff"], ["ranges", "show", "\udcff"],
     ["check", "samples/cytokine-storm.csv", "--age", "\udcff"]],
)  # fmt: skip
def test_a_byte_not_utf8_is_written_as_file_names_write_it(args) -> None:
    """Developer QA round 13: '\\xff' in file names' messages, '\\udcff' in the others'."""
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "\\xff" in result.stderr and "udcff" not in result.stderr


def test_out_of_memory_before_the_output_is_known_gives_no_advice_on_formats() -> None:
    """Developer QA round 13: an ndjson run out of memory at start-up was told to use
    --format ndjson."""
    from panelcli.errors import OUT_OF_MEMORY_AT_START, out_of_memory_advice

    assert "--format" not in OUT_OF_MEMORY_AT_START
    assert "streams its results in flat memory" in out_of_memory_advice("csv", export=False)


@pytest.mark.parametrize("made", ["folder", "empty file", "folder of reports"])
def test_a_set_name_beside_a_path_that_cannot_be_a_set_chooses_the_set(
    tmp_path, monkeypatch, made
) -> None:
    """Developer QA round 13: PANELCLI_RANGES=mayo-adult failed in any folder holding an empty
    file or a report folder named 'mayo-adult'."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "mayo-adult"
    if made == "empty file":
        path.touch()
    else:
        path.mkdir()
        if made == "folder of reports":
            (path / "report.json").write_text("{}")
    monkeypatch.setenv("PANELCLI_RANGES", "mayo-adult")
    result = runner.invoke(app, ["check", "-f", "json", str(STORM)])
    assert result.exit_code == 1, result.stderr
    assert '"name": "mayo-adult"' in result.stdout


def test_a_set_name_beside_a_file_that_may_be_a_set_stays_ambiguous(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mayo-adult").write_text("[set]\n")
    result = runner.invoke(app, ["check", "--ranges", "mayo-adult", str(STORM)])
    assert result.exit_code == 2
    assert "is both the name of a reference set and a file here" in result.stderr


def test_ranges_init_into_your_sets_folder_says_it_replaces_the_bundled_set(
    tmp_path, monkeypatch
) -> None:
    """Developer QA round 13: 'ranges init' into the folder of your own sets made the copy
    judge every default run, with nothing said."""
    monkeypatch.setenv("PANELCLI_CONFIG_DIR", str(tmp_path))
    result = runner.invoke(app, ["ranges", "init", str(tmp_path / "ranges")])
    assert result.exit_code == 0
    assert "'arup-3002601' now means this copy in every run that names it and in default " in (
        result.stderr
    )
    elsewhere = runner.invoke(app, ["ranges", "init", str(tmp_path / "mylab")])
    assert elsewhere.exit_code == 0 and "note:" not in elsewhere.stderr


LONG = "x" * 300  # past the 255 bytes a file name may have


@pytest.mark.parametrize(
    "args",
    [["check", str(STORM), "-f", "json", "-o", f"{LONG}.json"],
     ["check", str(STORM), "-q", "--export", f"{LONG}.html"],
     ["demo", "all-in-range", "--export", f"{LONG}.html"],
     ["ranges", "init", LONG], ["ranges", "show", LONG], ["check", str(STORM), "--ranges", LONG]],
)  # fmt: skip
def test_a_path_the_system_refuses_is_one_clear_line_not_an_internal_error(
    tmp_path, monkeypatch, args
) -> None:
    """Developer QA round 14: a name over 255 bytes (or a folder the user may not search) was
    'internal error (OSError: [Errno 36] File name too long …); please report it'."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "internal error" not in result.stderr
    assert result.stderr.startswith("panelcli: cannot ") and "File name too long" in result.stderr


def test_ranges_init_into_a_link_loop_is_refused_in_a_line(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    result = runner.invoke(app, ["ranges", "init", "a"])
    assert result.exit_code == 2
    assert result.stderr == "panelcli: cannot use 'a': a link loop\n"


def test_ranges_init_that_cannot_write_leaves_nothing_to_refuse_the_retry(
    tmp_path, monkeypatch
) -> None:
    """Developer QA round 14: a full disk left an empty .toml, and the retry, with space again,
    was refused as 'already exists'."""
    import panelcli.cli

    real_link = os.link

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(panelcli.cli.os, "link", disk_full)
    folder = tmp_path / "lab"
    result = runner.invoke(app, ["ranges", "init", str(folder)])
    assert result.exit_code == 2
    assert result.stderr.endswith("No space left on device\n")
    assert not folder.exists()  # made by the run, and left empty: taken away
    monkeypatch.setattr(panelcli.cli.os, "link", real_link)
    again = runner.invoke(app, ["ranges", "init", str(folder)])
    assert again.exit_code == 0, again.stderr
    assert [p.name for p in folder.iterdir()] == ["arup-3002601.toml"]


def test_the_library_refuses_no_files_and_says_a_ranges_path_error_as_ranges_error() -> None:
    """Developer QA round 14: check_files([]) was a clean, empty report ('nothing flagged');
    load_ranges of a name too long raised a bare OSError."""
    from panelcli.check import CheckOptions, check_files
    from panelcli.errors import RangesError
    from panelcli.ranges import load_ranges

    with pytest.raises(ValueError, match="check_files needs at least one file"):
        check_files([])
    with pytest.raises(RangesError, match="File name too long"):
        load_ranges(LONG + ".toml")
    with pytest.raises(ValueError, match="up to 2147483647"):
        CheckOptions(max_line_length=2**63)


def test_clicks_completion_variable_does_not_take_over_a_command() -> None:
    """Developer QA round 14: '_PANELCLI_COMPLETE=bash_source panelcli check ok.csv' printed
    'Shell source not supported.' and exited 1 ('flagged'), checking nothing."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "panelcli", "check", str(STORM), "-f", "json"],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "_PANELCLI_COMPLETE": "bash_source"},
    )  # fmt: skip
    assert done.returncode == 1  # the storm sample's results: flagged
    assert done.stdout.startswith("{") and "Shell source" not in done.stderr
