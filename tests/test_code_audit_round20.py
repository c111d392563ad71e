"""Code audit round 20 (/work/qa20/audit/report.md): wrong results hidden in the code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from panelcli.cli import app

RANGES = """[set]
name = "qa15"
version = "1"
[markers."IL-8"]
unit = "pg/mL"
low = 2.0
high = 50.0
critical_low = 1.0
critical_high = 500.0
source = "test"
"""


def test_a_number_critical_however_it_is_read_is_critical(
    write_csv: Callable[..., str], tmp_path: Path
) -> None:
    """F1 (was qa15/audit #1): '1.000' in a ';' file, critically low as 1 and critically high
    as 1000, was indeterminate, exit 0 even with --fail-on critical. Critical is certain; its
    flag is HL7's AA (critical, no side named), and no sentence names a side."""
    import json

    ranges = tmp_path / "qa15.toml"
    ranges.write_text(RANGES, encoding="utf-8")
    path = write_csv("sample_id;marker;value;unit\nS1;IL-8;1.000;pg/mL\n")
    runner = CliRunner()
    for fail_on, code in (("critical", 1), ("abnormal", 1), ("never", 0)):
        run = runner.invoke(
            app, ["check", path, "--ranges", str(ranges), "-f", "json", "--fail-on", fail_on]
        )
        assert run.exit_code == code, run.output
    [panel] = json.loads(run.stdout)["panels"]
    [result] = panel["results"]
    assert (result["status"], result["flag"], result["flags"]) == ("critical", "AA", ["AA"])
    assert (
        "read as 1 it is critically low, read as 1000 it would be critically high"
        in (result["note"])
    )
    assert panel["summary"]["text"] == [
        "1 marker was tested.",
        "IL-8 is at or past the critical limit. A result like this should be talked over with "
        "a healthcare provider soon.",
    ]
    table = runner.invoke(app, ["check", path, "--ranges", str(ranges)], env={"COLUMNS": "200"})
    assert "‼ critical" in table.stdout and "‼▲" not in table.stdout
    assert "AA is critical, on either side (its note says why)." in " ".join(table.stdout.split())
    # FHIR's code for it, critical abnormal (second review: no interpretation at all)
    fhir = json.loads(
        runner.invoke(app, ["check", path, "--ranges", str(ranges), "-f", "fhir"]).stdout
    )
    [observation] = [
        e["resource"] for e in fhir["entry"] if e["resource"]["resourceType"] == "Observation"
    ]
    assert [c["coding"][0]["code"] for c in observation["interpretation"]] == ["AA"]


def test_a_critical_either_way_result_is_critical_in_the_overview_and_beside_lab_flags(
    write_csv: Callable[..., str], tmp_path: Path
) -> None:
    """Third review of round 20: in a run of more than 1,000 results the AA sample was not
    listed first nor marked critical; a lab's LL, HH or CRIT beside it was 'a disagreement'."""
    from panelcli.check import check_file, check_files
    from panelcli.ranges import load_ranges
    from panelcli.render.table import overview_of

    ranges = tmp_path / "qa15.toml"
    ranges.write_text(RANGES, encoding="utf-8")
    rows = "".join(f"N{i:04};IL-8;20;pg/mL\n" for i in range(1001))
    big = write_csv(f"sample_id;marker;value;unit\nSX;IL-8;1.000;pg/mL\n{rows}", "big.csv")
    overview = overview_of(check_files([big], load_ranges(str(ranges))))
    assert overview.panels[0].sample_id == "SX" and overview.panels[0].critical
    flagged = write_csv(
        "sample_id;marker;value;unit;flag\nS1;IL-8;1.000;pg/mL;LL\nS2;IL-8;1.000;pg/mL;HH\n"
        "S3;IL-8;1.000;pg/mL;CRIT\n",
        "flagged.csv",
    )
    report = check_file(flagged, load_ranges(str(ranges)))
    assert not [w for w in report.warnings if w.code == "value-flag-disagrees"]
    assert not [s for p in report.panels for s in p.summary.text if "does not show this" in s]
