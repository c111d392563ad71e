"""A developer's eighth QA round: panelcli as a library and in scripts."""

from __future__ import annotations

import csv
import sys

import pytest

from panelcli.check import CheckOptions, check_file


def test_reading_leaves_the_callers_csv_field_limit_as_it_was(write_csv) -> None:
    """Developer QA round 8: importing panelcli set csv.field_size_limit to 1 MiB, so a host
    program's own parsing of a longer field failed afterwards."""
    before = csv.field_size_limit(sys.maxsize)
    try:
        path = write_csv("sample_id,marker,value,unit\nS1,IL-6,3,pg/mL\n")
        check_file(path, options=CheckOptions(max_line_length=2048))
        assert csv.field_size_limit() == sys.maxsize
    finally:
        csv.field_size_limit(before)


def test_the_option_still_limits_a_value_over_several_lines(write_csv) -> None:
    """A runaway quote stops at --max-line-length, whatever the caller's limit is."""
    before = csv.field_size_limit(sys.maxsize)
    try:
        long_value = "\n".join(["x" * 900] * 5)
        path = write_csv(f'sample_id,marker,value,unit,comment\nS1,IL-6,3,pg/mL,"{long_value}"\n')
        report = check_file(path, options=CheckOptions(max_line_length=1024))
        (stopped,) = report.rejected
        assert "is longer than 1,024 characters" in stopped.message
        assert csv.field_size_limit() == sys.maxsize
    finally:
        csv.field_size_limit(before)


@pytest.mark.parametrize("launcher", ["panelcli", "other-program"])
def test_ctrl_c_while_panelcli_imports_its_modules_gives_one_line_and_130(
    tmp_path, launcher
) -> None:
    """Developer QA round 8: a Ctrl-C while panelcli's modules were imported gave a Python
    traceback; __main__'s first lines now set the handler, in panelcli's own run only."""
    import os
    import subprocess

    script = tmp_path / launcher
    script.write_text(
        # Python's own Ctrl-C first: a test run in the background (a script's '&', nohup)
        # starts with SIGINT ignored, which panelcli rightly leaves so
        "import os, signal\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "import panelcli.__main__\n"  # its first lines have run: a Ctrl-C now (as at start)
        "os.kill(os.getpid(), signal.SIGINT)\n"
        "print('not reached')\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=60
    )
    if launcher == "panelcli":
        assert (done.returncode, done.stdout, done.stderr) == (130, "", "panelcli: interrupted\n")
    else:  # another program that imports it keeps Python's own Ctrl-C
        assert done.returncode == -2 and "KeyboardInterrupt" in done.stderr


@pytest.mark.parametrize(
    ("name", "starts"),
    [("r.json", "{"), ("r.ndjson", '{"source"'), ("r.csv", "source,"), ("r.fhir.json", "{"),
     ("r.txt", "")],
)  # fmt: skip
def test_an_output_files_name_chooses_the_format_where_none_is_given(
    tmp_path, name, starts
) -> None:
    """Developer QA round 8: '-o results.json' wrote the text table into it (rc 1, no word)."""
    from typer.testing import CliRunner

    from panelcli.cli import app

    out = tmp_path / name
    result = CliRunner().invoke(app, ["check", "samples/cytokine-storm.csv", "-o", str(out)])
    assert result.exit_code == 1 and result.stderr == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith(starts)
    if name == "r.fhir.json":
        assert '"resourceType": "Bundle"' in text
    if name == "r.txt":
        assert "synthetic" in text and not text.startswith("{")


@pytest.mark.parametrize(
    ("args", "note"),
    [
        (["-f", "ndjson", "-o", "x.csv"],
         "note: writing --format ndjson to {}, whose name says csv"),
        (["-o", "x.html"], "note: -o writes the report as text (--format table) to {}; for a "
         "page to share or print, use --export {}"),
    ],
)  # fmt: skip
def test_a_format_the_files_name_contradicts_is_said(tmp_path, args, note) -> None:
    from typer.testing import CliRunner

    from panelcli.cli import app

    path = str(tmp_path / args[-1])
    result = CliRunner().invoke(app, ["check", "samples/cytokine-storm.csv", *args[:-1], path])
    assert result.exit_code == 1
    assert result.stderr == f"panelcli: {note.format(path, path)}\n"


def test_running_out_of_memory_is_said_as_such_not_as_a_bug(monkeypatch) -> None:
    """Developer QA round 8: 'internal error (MemoryError: ); please report it'."""
    from typer.testing import CliRunner

    import panelcli.check
    from panelcli.cli import app

    def no_memory(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(panelcli.check, "build_report", no_memory)
    result = CliRunner().invoke(app, ["check", "samples/cytokine-storm.csv", "-f", "json"])
    assert result.exit_code == 2
    assert result.stderr.startswith("panelcli: out of memory: --format json holds the whole")
    assert "internal error" not in result.stderr


@pytest.mark.parametrize("fmt", ["json", "fhir", "table"])
def test_quiet_counts_as_ndjson_does_whatever_the_format(monkeypatch, fmt) -> None:
    """Developer QA round 8: '-q -f json' built a million rows' report to print nothing; with
    nothing to write, no report is built, and the exit code is the same."""
    from typer.testing import CliRunner

    import panelcli.check
    from panelcli.cli import app

    def not_built(*args: object, **kwargs: object) -> None:
        raise AssertionError("a report was built")

    monkeypatch.setattr(panelcli.check, "build_report", not_built)
    monkeypatch.setattr(panelcli.check, "build_overview", not_built)
    for sample, code in (("cytokine-storm", 1), ("bad-rows", 2), ("all-in-range", 0)):
        result = CliRunner().invoke(app, ["check", f"samples/{sample}.csv", "-q", "-f", fmt])
        assert (result.exit_code, result.stdout) == (code, "")


def test_the_export_of_a_big_table_is_its_overview(tmp_path, monkeypatch) -> None:
    """Developer QA round 8: '--export' beside the table built the whole report (2.9 GB for a
    million rows) for a page that shows the per-sample overview."""
    from typer.testing import CliRunner

    import panelcli.check
    import panelcli.render.table
    from panelcli.cli import app

    monkeypatch.setattr(panelcli.render.table, "MAX_TABLE_RESULTS", 5)
    built: list[object] = []
    real = panelcli.check.build_report
    monkeypatch.setattr(
        panelcli.check, "build_report", lambda *a, **k: built.append(1) or real(*a, **k)
    )
    page = tmp_path / "page.html"
    result = CliRunner().invoke(
        app,
        [
            "check",
            "samples/cytokine-storm.csv",
            "-o",
            str(tmp_path / "t.txt"),
            "--export",
            str(page),
        ],
    )
    assert result.exit_code == 1, result.output
    assert not built
    assert "IL-6" in page.read_text(encoding="utf-8")


def test_ranges_list_and_show_give_json_with_the_versions() -> None:
    """Developer QA round 8: a script had to parse 'ranges list's prose, and 'ranges show -f
    json' named no versions, unlike every other JSON panelcli writes."""
    import json

    from typer.testing import CliRunner

    from panelcli.cli import app

    listed = CliRunner().invoke(app, ["ranges", "list", "--format", "json"])
    assert listed.exit_code == 0
    document = json.loads(listed.stdout)
    assert (document["schema_version"], document["panelcli_version"]) == ("1", "0.1.0")
    default = next(s for s in document["sets"] if "default" in s["tags"])
    assert default["name"] == "arup-3002601" and default["markers"] == 13
    assert len(default["sha256"]) == 64
    shown = json.loads(CliRunner().invoke(app, ["ranges", "show", "-f", "json"]).stdout)
    assert list(shown)[:3] == ["schema_version", "panelcli_version", "reference_set"]


def test_the_csv_says_whether_each_limit_is_in_the_range(tmp_path) -> None:
    """Developer QA round 8: a value of exactly 7 was high by '< 7', and a script comparing
    it with reference_high called it normal: CSV had no column for an exclusive limit."""
    import csv as csv_module
    import io

    from typer.testing import CliRunner

    from panelcli.cli import app

    ranges = tmp_path / "my.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nlow = 1\nhigh = 7\nhigh_exclusive = true\n'
        'source = "our lab"\n',
        encoding="utf-8",
    )
    data = tmp_path / "r.csv"
    data.write_text("sample_id,marker,value,unit\nS1,IL-6,7,pg/mL\nS2,IL-99,1,pg/mL\n")
    done = CliRunner().invoke(app, ["check", str(data), "-r", str(ranges), "-f", "csv"])
    rows = list(csv_module.DictReader(io.StringIO(done.stdout)))
    il6, other = rows[0], rows[1]
    assert (il6["status"], il6["reference_high"], il6["reference_high_exclusive"]) == (
        "high", "7.0", "true"
    )  # fmt: skip
    assert (il6["reference_low_exclusive"], il6["reference_source"]) == ("false", "our lab")
    assert other["reference_high_exclusive"] == ""
