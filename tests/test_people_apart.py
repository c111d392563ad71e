"""Two people's results never share a panel or a trend: a patient id that says no one is known
('N/A', '-') names no patient, a person column under a name panelcli did not know ('Patient
Code', 'PID') is read, and a row that names a person is no MSD calibrator."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.check import CheckOptions, Event, Interpreter, build_report
from panelcli.cli import app
from panelcli.models import Result
from panelcli.ranges import load_ranges

runner = CliRunner()


def events_in(tmp_path: Path, text: str, short: bool = True) -> list[Event]:
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    checking = Interpreter(load_ranges(None), CheckOptions(), short_path=short)
    return list(checking.events([str(path)]))


def results(events: list[Event]) -> list[Result]:
    return [e for e in events if isinstance(e, Result)]


UNKNOWN = (
    "Sample ID,Patient ID,Date,Marker,Value,Unit\nA1,{0},2026-03-01,IL-6,50,pg/mL\n"
    "A2,{0},2026-03-08,IL-6,1,pg/mL\n"
)


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize("unknown", ["N/A", "-", "unknown", "none", "n.a.", "—", " NA "])
def test_a_patient_id_that_says_no_one_is_known_is_no_patient(
    tmp_path: Path, short: bool, unknown: str
) -> None:
    """QA: two rows of 'N/A' made one patient's trend, 'Patient N/A … IL-6 fell'."""
    events = events_in(tmp_path, UNKNOWN.format(unknown), short)
    assert [(r.sample_id, r.patient_id) for r in results(events)] == [("A1", None), ("A2", None)]
    assert build_report(iter(events), load_ranges(None)).trends == []


def test_no_trend_of_unknown_people_in_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "na.csv"
    path.write_text(UNKNOWN.format("N/A"), encoding="utf-8")
    checked = runner.invoke(app, ["check", str(path)])
    assert "Patient N/A" not in checked.output and "fell" not in checked.output


@pytest.mark.parametrize("short", [True, False])
def test_unknown_patients_without_a_sample_id_are_not_one_patient(
    tmp_path: Path, short: bool
) -> None:
    """Without a sample id a panel is a patient's on a date: an 'N/A' is no one's, as blank is."""
    events = events_in(
        tmp_path,
        "Patient ID,Date,Marker,Value,Unit\nN/A,2026-03-01,IL-6,50,pg/mL\n"
        "P1,2026-03-01,IL-6,1,pg/mL\n",
        short,
    )
    assert [r.patient_id for r in results(events)] == [None, "P1"]


def test_a_wide_file_s_unknown_patient_is_no_patient(tmp_path: Path) -> None:
    events = events_in(tmp_path, "Sample ID,Patient ID,IL-6 (pg/mL)\nA1,unknown,50\nA2,unknown,1\n")
    assert [(r.sample_id, r.patient_id) for r in results(events)] == [("A1", None), ("A2", None)]


PEOPLE = (
    "{column},Date,Marker,Value,Unit\nAnna,2026-03-01,IL-6,5.0,pg/mL\n"
    "Ben,2026-03-01,IL-8,20,pg/mL\nAnna,2026-03-08,IL-6,1.0,pg/mL\n"
)
PERSON_HEADERS = [
    "Patient Code", "Patient Identifier", "Pat. Name", "Pt Name", "Patient Full Name", "PID",
    "Case ID", "Subject Number", "Nombre del paciente", "Nom du patient", "Patient_Code",
    "Code patient", "Número de paciente", "Name des Patienten",
]  # fmt: skip


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize("column", PERSON_HEADERS)
def test_a_person_column_under_another_name_keeps_people_apart(
    tmp_path: Path, short: bool, column: str
) -> None:
    """QA: 'Patient Code' was ignored, and Anna's and Ben's results of one day shared a panel."""
    events = events_in(tmp_path, PEOPLE.format(column=column), short)
    assert [(r.patient_id, r.collected_at) for r in results(events)] == [
        ("Anna", "2026-03-01"), ("Ben", "2026-03-01"), ("Anna", "2026-03-08")
    ]  # fmt: skip
    report = build_report(iter(events), load_ranges(None))
    assert [(p.patient_id, p.collected_at) for p in report.panels] == [
        ("Anna", "2026-03-01"), ("Ben", "2026-03-01"), ("Anna", "2026-03-08")
    ]  # fmt: skip
    assert [t.patient_id for t in report.trends] == ["Anna"]


@pytest.mark.parametrize("column", ["Patient Code", "PID", "Case ID"])
def test_a_person_column_beside_a_patient_id_is_not_read(tmp_path: Path, column: str) -> None:
    """As 'Patient Name' beside a 'Patient ID': the same person's other name, left alone."""
    events = events_in(
        tmp_path,
        f"Patient ID,{column},Date,Marker,Value,Unit\nP1,Anna,2026-03-01,IL-6,5.0,pg/mL\n",
    )
    assert [r.patient_id for r in results(events)] == ["P1"]


def test_the_cli_names_each_person_of_a_patient_code_column(tmp_path: Path) -> None:
    path = tmp_path / "pc.csv"
    path.write_text(PEOPLE.format(column="Patient Code"), encoding="utf-8")
    checked = runner.invoke(app, ["check", str(path)])
    assert "Anna" in checked.output and "Ben" in checked.output
    assert "column-ignored" not in checked.output
