"""Lab staff QA round 21 (/work/qa21/lab/report.md): real exports read wrong."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from typer.testing import CliRunner

from panelcli.cli import app

runner = CliRunner()


def _check_json(path: str, *options: str) -> tuple[int, dict]:
    """Exit code and JSON document of `panelcli check path -f json`."""
    run = runner.invoke(app, ["check", path, "-f", "json", *options])
    return run.exit_code, json.loads(run.stdout)


@pytest.mark.parametrize("reported", ["Reported Result", "Final Value", "Reportable Result"])
def test_the_reported_result_is_read_beside_the_first_measured(
    write_csv: Callable[..., str], reported: str
) -> None:
    """F3: 'Result' 1.2 was judged normal beside 'Reported Result' 12.0, the lab's result,
    which was not read (exit 0). The reported one is read; a warning says the other is not."""
    path = write_csv(
        f"Sample ID,Marker,Result,{reported},Unit\nS1,IL-6,1.2,12.0,pg/mL\nS1,IL-8,4.0,40,pg/mL\n"
    )
    code, document = _check_json(path)
    assert code == 1
    [panel] = document["panels"]
    assert [(r["value"], r["status"]) for r in panel["results"]] == [
        (12.0, "high"),
        (40.0, "high"),
    ]
    [warning] = document["warnings"]
    assert warning["code"] == "column-ignored" and warning["column"] == "Result"
    assert f"is read from column '{reported}'" in warning["message"]
