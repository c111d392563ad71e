"""A sample whose first row gives its patient and date but is refused (a value that is no
number, a unit that conflicts with the header's) or gives no result (cancelled) still lends
them to its later rows that leave them blank, as a judged first row does (QA: those rows
had no patient and no date, so the sample had no trend and no person in any format)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.check import CheckOptions, Interpreter
from panelcli.cli import app
from panelcli.models import Issue
from panelcli.ranges import load_ranges

RANGES = load_ranges(None)
runner = CliRunner()

HEADER = "sample_id,patient_id,collected_at,marker,value,unit,result_status\n"
LATER = "S1,,,TNF-α,20,pg/mL,final\nS1,,,IL-10,3,pg/mL,final\n"
FIRST_ROWS = {
    "refused when judged": "S1,P1,2026-01-02,IL-6,abc,pg/mL,final\n",
    "refused as read": "S1,P1,2026-01-02,IL-6,5 ng/mL,pg/mL,final\n",
    "cancelled": "S1,P1,2026-01-02,IL-6,,pg/mL,cancelled\n",
}


def people(tmp_path: Path, text: str, short: bool) -> list[tuple[object, ...]]:
    """(line, kind, patient, date) of each result and issue that names a sample."""
    path = tmp_path / "rows.csv"
    path.write_text(text, encoding="utf-8")
    interpreter = Interpreter(RANGES, CheckOptions(), short_path=short)
    return [
        (e.line, e.code if isinstance(e, Issue) else "result", e.patient_id, e.collected_at)
        for e in interpreter.events([str(path)])
        if e.sample_id is not None
    ]


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize("first", FIRST_ROWS)
def test_the_later_rows_take_the_patient_and_date_of_an_unjudged_first_row(
    tmp_path: Path, first: str, short: bool
) -> None:
    found = people(tmp_path, HEADER + FIRST_ROWS[first] + LATER, short)
    assert found[0][0] == 2 and found[0][1] != "result"
    assert {(line, patient, date) for line, _, patient, date in found} == {
        (line, "P1", "2026-01-02") for line in (2, 3, 4)
    }


@pytest.mark.parametrize("short", [True, False])
def test_a_later_row_of_another_patient_is_not_filled_and_is_said_to_conflict(
    tmp_path: Path, short: bool
) -> None:
    text = HEADER + FIRST_ROWS["refused when judged"] + "S1,P2,,TNF-α,20,pg/mL,final\n"
    found = people(tmp_path, text, short)
    assert (3, "result", "P2", None) in found
    assert [f[1] for f in found if f[1] == "sample-conflict"] == ["sample-conflict"]


def test_a_file_with_a_name_column_reads_on_after_a_refused_first_row(tmp_path: Path) -> None:
    """The person column's blank name agrees with the sample's rows (review: a field fewer
    than theirs once stopped the run)."""
    path = tmp_path / "named.csv"
    path.write_text(
        "sample_id,patient_id,patient_name,collected_at,marker,value,unit,result_status\n"
        "S1,P1,Ann Lee,2026-01-02,IL-6,,pg/mL,cancelled\nS1,,Ann Lee,,TNF-α,20,pg/mL,final\n"
        "S1,,,,IL-8,5 ng/mL,pg/mL,final\nS1,,,,IL-10,3,pg/mL,final\n",
        encoding="utf-8",
    )
    for short in (True, False):
        found = [
            (e.line, e.patient_id)
            for e in Interpreter(RANGES, CheckOptions(), short_path=short).events([str(path)])
            if e.sample_id is not None
        ]
        assert sorted(set(found)) == [(2, "P1"), (3, "P1"), (4, "P1"), (5, "P1")], short


def test_the_sample_joins_its_patient_s_trend(tmp_path: Path) -> None:
    path = tmp_path / "trend.csv"
    path.write_text(
        HEADER + FIRST_ROWS["refused when judged"] + LATER
        + "S2,P1,2026-01-09,IL-6,1,pg/mL,final\nS2,,,TNF-α,40,pg/mL,final\n",
        encoding="utf-8",
    )  # fmt: skip
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 2, result.output  # a refused row
    report = json.loads(result.stdout)
    assert [(p["sample_id"], p["patient_id"], p["collected_at"]) for p in report["panels"]] == [
        ("S1", "P1", "2026-01-02"), ("S2", "P1", "2026-01-09"),
    ]  # fmt: skip
    [trend] = report["trends"]
    assert trend["patient_id"] == "P1"
    assert "TNF-α" in json.dumps(trend, ensure_ascii=False)
