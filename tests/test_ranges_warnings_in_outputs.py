"""QA: a ranges file's warnings were in JSON and NDJSON only; a saved CSV or FHIR bundle lost
'about 1,000 times … is the unit right?'."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from panelcli.cli import app

runner = CliRunner()
UNIT_SLIP = '[markers."IL-6"]\nunit = "ng/mL"\nhigh = 2.5\nsource = "x"\n'


def _run(tmp_path: Path, output_format: str) -> str:
    ranges = tmp_path / "r3.toml"
    ranges.write_text(UNIT_SLIP, encoding="utf-8")
    lab = tmp_path / "l3.csv"
    lab.write_text("sample_id,marker,value,unit\nS1,IL-6,4,pg/mL\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(lab), "--ranges", str(ranges), "-f", output_format])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_csv_has_a_warning_row_per_ranges_warning_before_the_notice(tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(_run(tmp_path, "csv"))))
    assert [row["status"] for row in rows] == ["normal", "warning", "notice"]
    warning = rows[1]
    assert warning["issue_code"] == "ranges-file"
    assert warning["source"] == str(tmp_path / "r3.toml")
    assert "is the unit right?" in warning["note"]


def test_the_fhir_bundle_lists_them_in_its_operation_outcome(tmp_path: Path) -> None:
    bundle = json.loads(_run(tmp_path, "fhir"))
    (outcome,) = [
        e["resource"] for e in bundle["entry"]
        if e["resource"]["resourceType"] == "OperationOutcome"
    ]  # fmt: skip
    (issue,) = [i for i in outcome["issue"] if i.get("diagnostics", "").startswith("ranges-file")]
    assert issue["severity"] == "warning"
    assert "is the unit right?" in issue["details"]["text"]


def test_an_edited_copy_under_a_bundled_set_s_name_is_said(tmp_path: Path) -> None:
    """QA: a copy of arup-3002601.toml with IL-6 high = 60 was reported in every format as
    'arup-3002601 version 2026.11', judging IL-6 50 normal, without a word."""
    from panelcli.ranges import bundled_sets, ranges_warnings

    bundled = bundled_sets()["arup-3002601"].read_text(encoding="utf-8")
    edited = bundled.replace(
        '[markers."IL-6"]\nunit = "pg/mL"\nhigh = 2.5',
        '[markers."IL-6"]\nunit = "pg/mL"\nhigh = 60',
        1,
    )
    assert edited != bundled
    # IL-6 keeps ARUP's citation, which gives other limits: said too (its own test)
    cited, warning = ranges_warnings(edited.encode())
    assert "copied word for word from the bundled set arup-3002601" in cited
    assert warning.startswith(
        "the set is named 'arup-3002601', as the bundled set arup-3002601 is, but its markers "
        "differ from that set's (IL-6); "
    )
    # the same ranges with a comment of one's own, or under a name of its own: nothing to say
    assert ranges_warnings((bundled + "# checked by the lab\n").encode()) == []
    renamed = edited.replace('name = "arup-3002601"', 'name = "our-lab"', 1)
    assert renamed != edited and ranges_warnings(renamed.encode()) == [
        cited,
        "[set]: its 'description' and 'source' are copied word for word from the bundled set "
        "arup-3002601, but its markers differ from that set's (IL-6); every report shows the "
        "two, so change them to say what this set is",
    ]
    ranges = tmp_path / "my_lab.toml"
    ranges.write_text(edited, encoding="utf-8")
    lab = tmp_path / "il6.csv"
    lab.write_text("sample_id,marker,value,unit\nS1,IL-6,50,pg/mL\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(lab), "--ranges", str(ranges), "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(row["status"], row["issue_code"]) for row in rows] == [
        ("normal", ""), ("warning", "ranges-file"), ("warning", "ranges-file"), ("notice", "")
    ]  # fmt: skip


def test_the_table_and_an_exported_page_list_them_once(tmp_path: Path) -> None:
    """QA: an --export page showed IL-6 300 pg/mL as normal (the set's 2.5 ng/mL) with no
    word of the unit slip, which went to stderr only; a table on stdout now lists it, and
    stderr does not repeat it."""
    table = _run(tmp_path, "table")
    assert "Warnings about the reference set (1):" in table
    assert "is the unit right? [ranges-file]" in " ".join(table.split())
    lab, ranges = tmp_path / "l3.csv", tmp_path / "r3.toml"
    result = runner.invoke(app, ["check", str(lab), "--ranges", str(ranges)])
    assert "is the unit right?" not in result.stderr
    page = tmp_path / "report.html"
    result = runner.invoke(
        app, ["check", str(lab), "--ranges", str(ranges), "--export", str(page), "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    assert "is the unit right?" in result.stderr  # stdout is JSON: said there too
    assert "is the unit right?" in page.read_text(encoding="utf-8")
