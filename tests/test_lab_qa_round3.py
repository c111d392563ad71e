"""A lab technician's third QA round: rows that give no id, and other messy exports."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from panelcli.check import CheckOptions, Interpreter
from panelcli.cli import app
from panelcli.models import Issue
from panelcli.ranges import load_ranges

runner = CliRunner()


@pytest.mark.parametrize("short_path", [True, False])
def test_a_row_that_gives_no_id_is_named_by_its_line(write_csv, short_path: bool) -> None:
    """A high IL-8 with a blank sample id came out under 'Results', tied to nobody, with no
    word at all; a file with no id column is one person's panel and stays unwarned."""
    path = write_csv(
        "sample_id,collected_at,marker,value,unit\n"
        ",2026-03-01,IL-8,40,pg/mL\n"
        "S1,2026-03-01,IL-6,1,pg/mL\n"
        "N/A,2026-03-09,IL-8,4,pg/mL\n"
    )
    events = list(Interpreter(load_ranges(), CheckOptions(), short_path=short_path).events([path]))
    missing = [e for e in events if isinstance(e, Issue) and e.code == "sample-id-missing"]
    assert [(e.line, e.column, e.severity) for e in missing] == [
        (2, "sample_id", "warning"),
        (4, "sample_id", "warning"),
    ]
    assert "gives no sample id" in missing[0].message and "'Results'" in missing[0].message
    assert len([e for e in events if hasattr(e, "status")]) == 3  # nothing dropped
    alone = write_csv("marker,value,unit\nIL-8,40,pg/mL\n", name="alone.csv")
    events = list(Interpreter(load_ranges(), CheckOptions(), short_path=short_path).events([alone]))
    assert not [e for e in events if isinstance(e, Issue)]


def test_a_row_with_a_patient_id_but_no_sample_id_is_that_patients(write_csv) -> None:
    path = write_csv("sample_id,patient_id,marker,value,unit\n,P1,IL-8,40,pg/mL\n")
    result = runner.invoke(app, ["validate", path])
    assert result.exit_code == 0 and "sample-id-missing" not in result.output
    path = write_csv("sample_id,patient_id,marker,value,unit\n,,IL-8,40,pg/mL\n")
    result = runner.invoke(app, ["validate", path])
    assert result.exit_code == 0, result.output
    assert "gives no sample id or patient id" in result.output
