"""`--export report.html|report.svg`: the whole report, with the notice, in a file to share."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.check import check_file
from panelcli.cli import app
from panelcli.models import NOTICE, Report
from panelcli.samples import find_sample
from tests.conftest import ROOT, assert_no_crash

runner = CliRunner()
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _sample(name: str) -> str:
    sample = find_sample(name)
    assert sample is not None
    return str(sample.path)


def _page_text(document: str) -> str:
    """What a reader sees: tags dropped, entities decoded, box borders and wrapping removed."""
    text = html.unescape(re.sub(r"<[^>]+>", "", document))
    return " ".join(text.replace("│", " ").split())


def _assert_every_result_and_the_notice(text: str, report: Report) -> None:
    for panel in report.panels:
        for result in panel.results:
            assert result.marker in text, result.marker
            assert (result.original_value in text) or (f"{result.value:g}" in text), result
    assert NOTICE in text


@pytest.mark.parametrize("name", ["serial-monitoring", "bad-rows", "cytokine-storm"])
def test_html_export_holds_every_result_and_the_notice(tmp_path: Path, name: str) -> None:
    out = tmp_path / "report.html"
    result = runner.invoke(
        app, ["check", _sample(name), "--export", str(out), "--fail-on", "never"]
    )
    # bad-rows has rejected rows: exit 2, file still written; the others 0 (review: a wrong 2
    # passed)
    assert result.exit_code == (2 if name == "bad-rows" else 0), result.output
    document = out.read_text(encoding="utf-8")
    assert document.startswith("<!DOCTYPE html>") and "<title>panelcli report</title>" in document
    text = _page_text(document)
    _assert_every_result_and_the_notice(text, check_file(_sample(name)))
    if name == "serial-monitoring":
        assert "Changes over time" in text and "▁▄█▃▁" in text
    if name == "bad-rows":
        assert "Rows that could not be used (4)" in text


def test_svg_export_is_well_formed_and_demo_can_export_too(tmp_path: Path) -> None:
    out = tmp_path / "storm.svg"
    result = runner.invoke(app, ["demo", "cytokine-storm", "--export", str(out)])
    assert result.exit_code == 0
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    text = _page_text(out.read_text(encoding="utf-8")).replace("\xa0", " ")
    assert "synthetic" in text and "IL-6" in text
    # titled by its sample (educator QA round 11: 'panelcli report' on a handout)
    assert "Storm-like pattern (panelcli demo, synthetic)" in text


def test_export_with_quiet_writes_the_file_and_prints_nothing(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["check", _sample("all-in-range"), "-q", "--export", str(out)])
    assert result.exit_code == 0 and result.output == ""
    assert NOTICE in _page_text(out.read_text(encoding="utf-8"))


def test_an_export_name_without_html_or_svg_is_a_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "report.doc"  # (.pdf has its own advice: educator QA round 14)
    result = runner.invoke(app, ["check", _sample("all-in-range"), "--export", str(out)])
    assert result.exit_code == 2
    assert ".html (.htm) or .svg" in result.output
    assert not out.exists()


@pytest.mark.parametrize("tail", ["/", "/."])
def test_an_export_name_ending_in_a_slash_is_a_usage_error(tmp_path: Path, tail: str) -> None:
    """QA: 'out.html/' wrote a file 'out.html' (`Path` drops the '/'), where -o refuses it."""
    out = tmp_path / "out.html"
    given = str(out) + tail
    result = runner.invoke(app, ["check", _sample("all-in-range"), "--export", given])
    assert result.exit_code == 2
    assert "ends in '/', which names a folder" in result.output
    assert not out.exists()


def test_an_unwritable_export_path_is_one_clear_error(tmp_path: Path) -> None:
    out = tmp_path / "missing-folder" / "r.html"
    result = runner.invoke(app, ["check", _sample("all-in-range"), "--export", str(out)])
    assert result.exit_code == 2
    assert "cannot write" in result.output
    assert_no_crash(result)
    # refused before the run, as -o is: no table first (found in QA)
    assert result.stdout == "" and "the folder" in result.stderr
    demo = runner.invoke(app, ["demo", "all-in-range", "--export", str(out)])
    assert demo.exit_code == 2 and demo.stdout == ""
    beside_a_file = runner.invoke(app, ["demo", "--export", f"{_sample('all-in-range')}/r.html"])
    assert "is a file, not a folder" in beside_a_file.stderr


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_output_and_export_naming_one_file_is_refused_before_reading(
    tmp_path: Path, force: list[str]
) -> None:
    """Without --force the NDJSON was lost after the HTML was written; with it, the file held
    NDJSON though stderr said the export was written."""
    out = tmp_path / "same.html"
    result = runner.invoke(
        app,
        ["check", _sample("all-in-range"), "-f", "ndjson", "-o", str(out), "--export",
         str(tmp_path / "." / "same.html"), *force],
    )  # fmt: skip
    assert (result.exit_code, result.stdout) == (2, "")
    assert "-o and --export both name" in result.stderr
    assert not out.exists()


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_the_html_export_opens_in_a_headless_browser(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    runner.invoke(app, ["check", _sample("serial-monitoring"), "--export", str(out)])
    browser = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
    dom = subprocess.run(
        [*browser, "--dump-dom", out.as_uri()], capture_output=True, text=True, timeout=120
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    _assert_every_result_and_the_notice(
        _page_text(dom.stdout), check_file(_sample("serial-monitoring"))
    )
    shot = tmp_path / "report.png"
    subprocess.run(
        [*browser, "--window-size=1100,1600", f"--screenshot={shot}", out.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


@pytest.mark.parametrize("option", [["-f", "csv", "-o"], ["--export"]])
def test_writing_over_an_input_is_refused_even_with_force(
    tmp_path: Path, option: list[str]
) -> None:
    """`check self.csv -o self.csv --force` replaced the lab's export with the report (QA)."""
    export = tmp_path / "self.html" if option == ["--export"] else tmp_path / "self.csv"
    export.write_text(Path(_sample("all-in-range")).read_text())
    before = export.read_bytes()
    link = tmp_path / f"link{export.suffix}"
    link.symlink_to(export)
    for written in (export, link):
        result = runner.invoke(app, ["check", str(export), *option, str(written), "--force"])
        assert (result.exit_code, result.stdout) == (2, ""), result.output
        # each as given where they differ (QA: a link was said to name the file it leads to)
        said = f"both name '{export}'" if written == export else f"'{link}' and FILE '{export}'"
        assert said in result.stderr
        assert export.read_bytes() == before


def test_writing_over_the_ranges_file_is_refused(tmp_path: Path) -> None:
    ranges = tmp_path / "ranges.toml"
    ranges.write_text((ROOT / "reference_ranges" / "arup-3002601.toml").read_text())
    before = ranges.read_bytes()
    result = runner.invoke(
        app,
        ["check", _sample("all-in-range"), "-r", str(ranges), "-o", str(ranges), "--force"],
    )
    assert (result.exit_code, result.stdout) == (2, "")
    assert "-o and --ranges both name" in result.stderr
    assert ranges.read_bytes() == before


def test_writing_over_the_ranges_file_found_by_folder_or_environment_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only '--ranges FILE -o FILE' was refused: a set found by its folder or by
    $PANELCLI_RANGES was replaced by the report (QA)."""
    folder = tmp_path / "lab"
    folder.mkdir()
    ranges = folder / "lab.toml"
    ranges.write_text((ROOT / "reference_ranges" / "arup-3002601.toml").read_text())
    before = ranges.read_bytes()
    by_folder = ["check", _sample("all-in-range"), "-r", str(folder), "-o", str(ranges), "--force"]
    monkeypatch.setenv("PANELCLI_RANGES", str(ranges))
    by_environment = ["check", _sample("all-in-range"), "-o", str(ranges), "--force"]
    for args in (by_folder, by_environment):
        result = runner.invoke(app, args)
        assert (result.exit_code, result.stdout) == (2, "")
        assert f"-o names the ranges file '{ranges}'" in result.stderr
        assert ranges.read_bytes() == before


def test_writing_over_the_file_standard_input_is_redirected_from_is_refused(
    tmp_path: Path,
) -> None:
    """'check - -o in.csv --force < in.csv' replaced the lab's export with the report (QA)."""
    export = tmp_path / "in.csv"
    export.write_text(Path(_sample("all-in-range")).read_text())
    before = export.read_bytes()
    with export.open("rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-m", "panelcli", "check", "-", "-o", str(export), "--force"],
            stdin=stdin, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "which standard input is read from" in done.stderr
    assert export.read_bytes() == before


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout here")
def test_output_to_dev_stdout_redirected_to_a_file_writes_there(tmp_path: Path) -> None:
    """'-o /dev/stdout' with stdout sent to a file was refused as an existing file, and with
    --force would have replaced the /dev/stdout link with a file (QA)."""
    target = tmp_path / "out.csv"
    link_before = os.readlink("/dev/stdout") if os.path.islink("/dev/stdout") else None
    with target.open("wb") as stdout:
        done = subprocess.run(
            [sys.executable, "-m", "panelcli", "check", _sample("all-in-range"), "-f", "csv",
             "-o", "/dev/stdout", "--force"],
            stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=120,
        )  # fmt: skip
    assert done.returncode in (0, 1), done.stderr
    assert target.read_text(encoding="utf-8").startswith("source,line,column,")
    if link_before is not None:
        assert os.readlink("/dev/stdout") == link_before


@pytest.mark.parametrize("suffix", [".html", ".svg"])
def test_an_export_that_fails_while_written_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    """Review: a full disk left half a report, which the next run refused to replace."""
    import errno

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    out = tmp_path / f"r{suffix}"
    result = runner.invoke(app, ["check", _sample("all-in-range"), "--export", str(out)])
    assert result.exit_code == 2
    assert result.stderr == f"panelcli: cannot write '{out}': No space left on device\n"
    assert list(tmp_path.iterdir()) == []


def test_an_svg_export_of_a_cell_with_a_noncharacter_is_well_formed(tmp_path: Path) -> None:
    """Review: U+FFFE in a sample id reached the SVG, which no XML reader then opened."""
    data = tmp_path / "odd.csv"
    data.write_text("sample_id,marker,value,unit\nS1\ufffe,IL-6,3,pg/mL\n", encoding="utf-8")
    out = tmp_path / "odd.svg"
    result = runner.invoke(app, ["check", str(data), "--export", str(out)])
    assert result.exit_code == 1, result.output
    ET.parse(out)
    assert "S1\\ufffe" in result.stdout


@pytest.mark.parametrize("output_format", ["ndjson", "csv"])
def test_export_beside_a_streamed_format_leaves_its_lines_in_file_order(
    tmp_path: Path, output_format: str
) -> None:
    """QA: with --export, NDJSON and CSV were built from the whole report: results by sample,
    then the rejected rows, so problems were no longer in file order."""
    plain = runner.invoke(app, ["check", _sample("bad-rows"), "-f", output_format])
    out = tmp_path / "r.html"
    exported = runner.invoke(
        app, ["check", _sample("bad-rows"), "-f", output_format, "--export", str(out)]
    )
    assert exported.stdout == plain.stdout
    assert exported.exit_code == plain.exit_code == 2
    assert "Sample" in out.read_text(encoding="utf-8")
