"""Developer QA round 13 (/work/qa13/dev): scripts' ways of running panelcli that went wrong."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="O_NONBLOCK is POSIX's")


def _reading_from(read: int, *args: str) -> subprocess.Popen[bytes]:
    """`panelcli check - ARGS` reading the pipe's end `read` (closed here: the child has it)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "panelcli", "check", "-", *args],
        stdin=read, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    os.close(read)
    return process


@POSIX
def test_a_non_blocking_standard_input_is_read_to_its_end() -> None:
    """Left non-blocking (as ssh leaves a shared pipe), the rows after the pipe's first pause
    were taken for its end: S2's high IL-6 was lost without a word, exit 0."""
    read, write = os.pipe()
    os.set_blocking(read, False)
    process = _reading_from(read, "-f", "ndjson")
    os.write(write, b"sample_id,marker,value,unit\nS1,IL-6,1.0,pg/mL\n")
    assert process.stdout is not None
    first = process.stdout.readline()  # S1's result: the pipe has paused by then
    time.sleep(0.5)
    with contextlib.suppress(BrokenPipeError):  # (gone, having taken the pause for the end)
        os.write(write, b"S2,IL-6,99,pg/mL\n")
    os.close(write)
    out, err = process.communicate(timeout=120)
    assert b'"sample_id":"S1"' in first
    assert process.returncode == 1, err
    assert b'"sample_id":"S2"' in out


@POSIX
def test_a_non_blocking_standard_output_waits_for_a_slow_reader(tmp_path: Path) -> None:
    """A streamed run stopped after 94 of 100,001 lines: 'write could not complete without
    blocking', exit 2."""
    path = tmp_path / "big.csv"
    path.write_text(
        "sample_id,marker,value,unit\n" + "".join(f"S{n},IL-6,1.5,pg/mL\n" for n in range(20_000)),
        encoding="utf-8",
    )
    read, write = os.pipe()
    os.set_blocking(write, False)
    process = subprocess.Popen(
        [sys.executable, "-m", "panelcli", "check", str(path), "-f", "ndjson"],
        stdout=write, stderr=subprocess.PIPE,
    )  # fmt: skip
    os.close(write)
    time.sleep(1.0)  # the pipe fills while nobody reads
    with os.fdopen(read, "rb") as lines:
        count = sum(1 for _ in lines)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert count == 20_001  # each result and the closing line


@pytest.mark.parametrize("target", ["/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"])
def test_standard_input_is_refused_as_the_output(tmp_path: Path, target: str) -> None:
    """'-o /dev/stdin < notes.txt' overwrote notes.txt without --force."""
    from typer.testing import CliRunner

    from panelcli.cli import app

    result = CliRunner().invoke(app, ["check", "samples/cytokine-storm.csv", "-o", target])
    assert result.exit_code == 2
    assert "is standard input, which is read, not written" in result.stderr


@POSIX
def test_ranges_init_refuses_a_folder_name_that_is_not_utf8(tmp_path: Path) -> None:
    """An internal error (UnicodeEncodeError), and an empty file left for the retry to trip on."""
    from typer.testing import CliRunner

    from panelcli.cli import app

    folder = str(tmp_path / "lab\udcff")
    result = CliRunner().invoke(app, ["ranges", "init", folder])
    assert result.exit_code == 2 and "internal error" not in result.stderr
    assert "is not valid UTF-8" in result.stderr
    assert not os.path.lexists(folder)


@POSIX
def test_ranges_list_as_json_shows_a_set_name_that_is_not_utf8(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'ranges list -f json' was an internal error (PydanticSerializationError)."""
    import json

    from typer.testing import CliRunner

    from panelcli.cli import app

    named = tmp_path / "x\udcff.toml"
    named.write_bytes(Path("reference_ranges/arup-3002601.toml").read_bytes())
    monkeypatch.setenv("PANELCLI_RANGES", str(named))
    result = CliRunner().invoke(app, ["ranges", "list", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    paths = [s["path"] for s in json.loads(result.stdout)["sets"]]
    assert str(tmp_path / "x\\xff.toml") in paths


def test_two_results_past_a_float_s_ratio_are_said_in_words(tmp_path: Path) -> None:
    """'One result for IL-6 is inf times another' (1e-300 and 1e10 pg/mL)."""
    from panelcli.check import check_file

    path = tmp_path / "inf.csv"
    path.write_text("sample_id,marker,value,unit\nS1,IL-6,1e-300,pg/mL\nS1,IL-6,1e10,pg/mL\n")
    said = " ".join(check_file(path).panels[0].summary.text)
    assert "inf times" not in said
    assert "IL-6 is more than a million billion times another" in said


@POSIX
def test_the_non_blocking_flag_is_given_back_at_the_end() -> None:
    """The flag belongs to the pipe, shared with the program that set it (review)."""
    read, write = os.pipe()
    os.set_blocking(read, False)
    kept = os.dup(read)  # the caller's own end of the pipe
    process = _reading_from(read, "-f", "csv")
    os.write(write, b"marker,value,unit\nIL-6,1.0,pg/mL\n")
    os.close(write)
    process.communicate(timeout=120)
    assert process.returncode == 0
    assert os.get_blocking(kept) is False
    os.close(kept)
