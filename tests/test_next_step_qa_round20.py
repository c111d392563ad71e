"""Next-step QA round 20 (/work/qa20/next/report.md): what a script author tries next."""

from __future__ import annotations

import json
from collections.abc import Callable

from typer.testing import CliRunner

from panelcli.cli import app
from panelcli.render.fhir import RUN_FAILED_NOTE

runner = CliRunner()


def test_a_failed_run_s_observations_are_not_final_and_say_why(
    write_csv: Callable[..., str],
) -> None:
    """#1 (and educator QA round 20 #1): a 'QC FAILED - DO NOT REPORT' file's results were
    final Observations with no note; only the OperationOutcome said the run failed. Another
    file's results in the same run stay final."""
    failed = write_csv(
        "sample_id,marker,value,unit\nS1,IL-6,30,pg/mL\nS1,IL-8,3,pg/mL\n"
        "QC FAILED - DO NOT REPORT\n",
        "failed.csv",
    )
    passed = write_csv("sample_id,marker,value,unit\nS2,IL-6,30,pg/mL\n", "passed.csv")
    result = runner.invoke(app, ["check", failed, passed, "--format", "fhir"])
    assert result.exit_code == 2
    observations = [
        entry["resource"]
        for entry in json.loads(result.stdout)["entry"]
        if entry["resource"]["resourceType"] == "Observation"
    ]
    seen = [
        (
            o["specimen"]["display"].split()[0],
            o["status"],
            RUN_FAILED_NOTE in [n["text"] for n in o["note"]],
        )
        for o in observations
    ]
    assert seen == [("S1", "unknown", True), ("S1", "unknown", True), ("S2", "final", False)]


def test_another_name_of_a_format_is_pointed_at_it(write_csv: Callable[..., str]) -> None:
    """#3: '-f jsonl' was told 'did you mean json?', one document a line reader cannot use."""
    path = write_csv("marker,value,unit\nIL-6,1,pg/mL\n")
    for given, meant in (("jsonl", "ndjson"), ("JSON-Lines", "ndjson"), ("fhir.json", "fhir"),
                         ("txt", "table"), ("jsn", "json")):  # fmt: skip
        result = runner.invoke(app, ["check", path, "-f", given])
        assert result.exit_code == 2
        assert (
            f"'{given}' is not one of table, json, ndjson, csv, fhir (did you mean {meant}?)"
            in (" ".join(result.output.split()))
        )
