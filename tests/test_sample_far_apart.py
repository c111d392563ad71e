"""A sample id used again after the interpreter forgot it (QA: merged into the first panel)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.check import CheckOptions, Interpreter, build_overview, build_report
from panelcli.cli import app
from panelcli.ranges import load_ranges

RANGES = load_ranges()
runner = CliRunner()


def _file(tmp_path: Path, others: int) -> Path:
    """DUP for PX0, `others` other samples, then DUP again for another patient."""
    rows = ["sample_id,patient_id,marker,value,unit", "DUP,PX0,IL-6,1.0,pg/mL"]
    rows += [f"S{i},P{i},IL-6,1.0,pg/mL" for i in range(others)]
    rows += ["DUP,PX9,IL-6,7.0,pg/mL", "DUP,PX9,IL-8,1.0,pg/mL"]
    path = tmp_path / "window.csv"
    path.write_text("\n".join(rows) + "\n")
    return path


@pytest.mark.parametrize("short_path", [True, False])
def test_a_sample_id_far_apart_is_a_panel_of_its_own_with_a_warning(
    tmp_path: Path, short_path: bool
) -> None:
    path = _file(tmp_path, Interpreter.RECENT_SAMPLES)
    interpreter = Interpreter(RANGES, CheckOptions(), short_path=short_path)
    events = list(interpreter.stream([str(path)]))
    report = build_report(events, RANGES)
    dup = [p for p in report.panels if p.sample_id == "DUP"]
    assert [(p.patient_id, [r.patient_id for r in p.results]) for p in dup] == [
        ("PX0", ["PX0"]), ("PX9", ["PX9", "PX9"]),
    ]  # fmt: skip
    line = Interpreter.RECENT_SAMPLES + 3
    assert [(w.code, w.line) for w in report.warnings] == [("sample-far-apart", line)]
    assert "(last on line 2)" in report.warnings[0].message
    assert report.totals.warnings == 1
    overview = build_overview(events, RANGES)
    assert overview.samples == len(report.panels)
    assert [(w.code, w.line) for w in overview.warnings] == [("sample-far-apart", line)]
    assert overview.totals.warnings == 1


def test_within_the_look_back_the_rows_are_compared_and_shown_together(tmp_path: Path) -> None:
    path = _file(tmp_path, Interpreter.RECENT_SAMPLES - 1)
    report = build_report(Interpreter(RANGES, CheckOptions()).stream([str(path)]), RANGES)
    assert [p.patient_id for p in report.panels if p.sample_id == "DUP"] == ["PX0"]
    assert [w.code for w in report.warnings] == ["sample-conflict", "marker-repeated"]


def test_the_json_and_table_say_so(tmp_path: Path) -> None:
    path = _file(tmp_path, 1500)
    result = runner.invoke(app, ["check", str(path), "-f", "json"])
    document = json.loads(result.stdout)
    panels = [p for p in document["panels"] if p["sample_id"] == "DUP"]
    assert [p["patient_id"] for p in panels] == ["PX0", "PX9"]
    assert [w["code"] for w in document["warnings"]] == ["sample-far-apart"]
    table = runner.invoke(app, ["check", str(path)], terminal_width=200)
    assert "sample-far-apart" in table.stdout


def test_a_rejected_row_far_apart_starts_the_new_panel_too(tmp_path: Path) -> None:
    rows = ["sample_id,patient_id,marker,value,unit", "DUP,PX0,IL-6,1.0,pg/mL"]
    rows += [f"S{i},P{i},IL-6,1.0,pg/mL" for i in range(Interpreter.RECENT_SAMPLES)]
    rows += ["DUP,PX9,IL-6,abc,pg/mL", "DUP,PX9,IL-8,1.0,pg/mL"]
    path = tmp_path / "window.csv"
    path.write_text("\n".join(rows) + "\n")
    report = build_report(Interpreter(RANGES, CheckOptions()).stream([str(path)]), RANGES)
    dup = [p for p in report.panels if p.sample_id == "DUP"]
    assert [(p.patient_id, len(p.results)) for p in dup] == [("PX0", 1), ("PX9", 1)]
    assert [(w.code, w.line) for w in report.warnings] == [
        ("sample-far-apart", Interpreter.RECENT_SAMPLES + 3)
    ]
