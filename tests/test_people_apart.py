"""Two people's results never share a panel or a trend: a patient id that says no one is known
('N/A', '-') names no patient, a person column under a name panelcli did not know ('Patient
Code', 'PID') is read, and a row that names a person is no MSD calibrator."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_batches import batched_ndjson
from test_whose_rows import events_in, results
from typer.testing import CliRunner

from panelcli.check import Event, build_report
from panelcli.cli import app
from panelcli.ranges import load_ranges

runner = CliRunner()


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
    # hospitals' names of the record (QA: three patients made one panel)
    "Patient MRN", "Pt MRN", "Person ID", "PAT_MRN_ID", "Medical Record Number",
    "Medical Record No", "Hospital Number", "Patiëntnummer",
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


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize(
    "column",
    ["Sample Barcode", "Tube Barcode", "Specimen Barcode", "Sample Label", "Vial ID", "Aliquot ID"],
)
def test_a_sample_column_under_another_name_keeps_samples_apart(
    tmp_path: Path, short: bool, column: str
) -> None:
    """QA: Simoa's 'Sample Barcode' was ignored, and PT-001's and PT-002's results shared one
    panel (IL-6 48 and 1.0 of 'one sample'); beside a 'Sample ID' it is left alone."""
    text = f"{column},Assay,Conc.,Unit\nPT-001,IL-6,48.0,pg/mL\nPT-002,IL-6,1.0,pg/mL\n"
    events = events_in(tmp_path, text, short)
    assert [(r.sample_id, r.value) for r in results(events)] == [("PT-001", 48.0), ("PT-002", 1.0)]
    events = events_in(tmp_path, f"Sample ID,{text.replace(chr(10) + 'PT', chr(10) + 'S,PT')}")
    assert [r.sample_id for r in results(events)] == ["S", "S"]


def test_an_order_id_beside_an_accession_is_not_a_second_sample_id(tmp_path: Path) -> None:
    """QA: 'Order ID' beside 'Accession' refused the file as naming two sample ids, where
    'Order Number' beside it is left to the accession; alone it is the sample id."""
    both = events_in(
        tmp_path, "MRN,Order ID,Accession,Component,Result,Units\n1,ORD-7,24-123,IL-6,12.5,pg/mL\n"
    )
    assert [r.sample_id for r in results(both)] == ["24-123"]
    alone = events_in(
        tmp_path, "Order ID,Component,Result,Units\nO1,IL-6,3,pg/mL\nO2,IL-6,1,pg/mL\n"
    )
    assert [r.sample_id for r in results(alone)] == ["O1", "O2"]


@pytest.mark.parametrize(
    "column", ["Specimen Code", "Sample Code", "Tube Code", "Aliquot No", "Tube No", "Vial Number"]
)
def test_a_specimen_kind_or_tube_number_column_is_no_sample_id(tmp_path: Path, column: str) -> None:
    """Review, QA: 'Specimen Code' (SER in every row) became the sample id: P1's and P2's
    results shared one panel 'SER', and P1's trend was lost."""
    events = events_in(
        tmp_path,
        f"patient_id,collected_at,{column},marker,value,unit\nP1,2026-03-01,SER,IL-6,40,pg/mL\n"
        "P2,2026-03-01,SER,IL-6,1,pg/mL\nP1,2026-03-09,SER,IL-6,80,pg/mL\n",
    )
    report = build_report(iter(events), load_ranges(None))
    assert [(p.patient_id, p.collected_at) for p in report.panels] == [
        ("P1", "2026-03-01"), ("P2", "2026-03-01"), ("P1", "2026-03-09")
    ]  # fmt: skip
    assert [t.patient_id for t in report.trends] == ["P1"]


MSD_NAMED = (
    "Sample,Patient Name,Assay,Calc. Concentration,Conc. Unit,Detection Range\n"
    "S004,Carl Doe,IL-6,81.0,pg/mL,In Detection Range\n"
    "S005,,IL-6,2500,pg/mL,In Detection Range\n"
    "C1,N/A,IL-6,120,pg/mL,In Detection Range\n"
    "S006,S006,IL-6,900,pg/mL,In Detection Range\n"
)


def test_an_msd_row_that_names_a_person_is_a_patient_s_sample(tmp_path: Path) -> None:
    """QA: an MSD export's row 'S004' of Carl Doe was skipped as a calibrator, never judged."""
    events = events_in(tmp_path, MSD_NAMED)
    assert [(r.sample_id, r.patient_id, r.value) for r in results(events)] == [
        ("S004", "Carl Doe", 81.0)
    ]
    skipped = [e for e in events if getattr(e, "code", None) == "control-skipped"]
    assert [e.line for e in skipped] == [3, 4, 5]


def test_an_msd_row_typed_a_standard_is_skipped_though_it_names_a_person(
    tmp_path: Path,
) -> None:
    events = events_in(
        tmp_path,
        "Sample,Sample Type,Patient ID,Assay,Calc. Concentration,Conc. Unit,Detection Range\n"
        "S004,Standard,P1,IL-6,81.0,pg/mL,In Detection Range\n"
        "S005,Sample 1,,IL-6,2.5,pg/mL,In Detection Range\n",
    )
    assert [r.sample_id for r in results(events)] == ["S005"]


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize("kind", ["Sample 1", "Unknown1", "Unknown 2", "UNKNOWN_03"])
def test_a_type_word_with_a_number_is_a_patient_s_sample(
    tmp_path: Path, short: bool, kind: str
) -> None:
    """MSD numbers its unknowns ('Sample 1', 'Unknown1'): such a row named 'S001' was skipped."""
    events = events_in(
        tmp_path,
        "Sample,Sample Type,Assay,Calc. Concentration,Conc. Unit,Detection Range\n"
        f"S001,{kind},IL-6,4.2,pg/mL,In Detection Range\n"
        "Cal1,Unknown 1,IL-6,1.2,pg/mL,In Detection Range\n",
        short,
    )
    assert [r.sample_id for r in results(events)] == ["S001", "Cal1"]


@pytest.mark.parametrize("short", [True, False])
def test_a_sample_id_that_says_none_is_known_does_not_join_two_people(
    tmp_path: Path, short: bool
) -> None:
    """Sample 'N/A' of P1 and of P2 were one panel: P2's result was a 'sample-conflict'."""
    events = events_in(
        tmp_path,
        "Sample ID,Patient ID,Date,Marker,Value,Unit\nN/A,P1,2026-03-01,IL-6,50,pg/mL\n"
        "N/A,P2,2026-03-01,IL-6,1,pg/mL\n-,P3,2026-03-01,IL-6,2,pg/mL\n",
        short,
    )
    assert [(r.sample_id, r.patient_id) for r in results(events)] == [
        (None, "P1"), (None, "P2"), (None, "P3")
    ]  # fmt: skip
    assert [e for e in events if getattr(e, "code", None) == "sample-conflict"] == []
    report = build_report(iter(events), load_ranges(None))
    assert [p.patient_id for p in report.panels] == ["P1", "P2", "P3"]


def test_a_wide_row_whose_sample_id_says_none_is_known_is_a_sample_of_its_own(
    tmp_path: Path,
) -> None:
    events = events_in(tmp_path, "Sample ID,IL-6 (pg/mL)\nN/A,50\nN/A,1\n")
    assert [r.sample_id for r in results(events)] == ["line 2", "line 3"]
    assert [e for e in events if getattr(e, "code", None) == "marker-repeated"] == []


BLANK_IDS = (
    "Patient ID,Patient Name,Date,Marker,Value,Unit\n,Anna,2026-03-01,IL-6,5.0,pg/mL\n"
    "N/A,Ben,2026-03-01,IL-8,20,pg/mL\nP3,Carl,2026-03-01,IL-6,2,pg/mL\n"
)


@pytest.mark.parametrize("short", [True, False])
def test_a_person_s_name_stands_in_for_a_blank_patient_id(tmp_path: Path, short: bool) -> None:
    """QA: with 'Patient ID' blank the 'Patient Name' beside it was ignored, and Anna's and
    Ben's results of one day shared a panel, no one's."""
    events = events_in(tmp_path, BLANK_IDS, short)
    assert [(r.patient_id, r.line) for r in results(events)] == [
        ("Anna", 2), ("Ben", 3), ("P3", 4)
    ]  # fmt: skip
    report = build_report(iter(events), load_ranges(None))
    assert [p.patient_id for p in report.panels] == ["Anna", "Ben", "P3"]
    (ignored,) = [e for e in events if getattr(e, "code", None) == "column-ignored"]
    assert ignored.message == (
        "column 'Patient Name' was not read as the patient on a row that gives a patient id or "
        "a sample id: column 'Patient ID' gives the patient id; this column names the patient "
        "only on a row that gives neither a patient id nor a sample id"
    )


@pytest.mark.parametrize("short", [True, False])
def test_a_sample_s_rows_with_a_blank_patient_id_beside_a_name_are_filled_down(
    tmp_path: Path, short: bool
) -> None:
    """A sample id says whose the row is: a patient id filled in on its first row only
    (filled down) is no other person for the name, and the row's result names it."""
    events = events_in(
        tmp_path,
        "Sample ID,Patient ID,Patient Name,Marker,Value,Unit\nS1,P1,Anna,IL-6,5.0,pg/mL\n"
        "S1,,Anna,IL-8,20,pg/mL\n",
        short,
    )
    assert [(r.sample_id, r.patient_id) for r in results(events)] == [("S1", "P1"), ("S1", "P1")]
    assert [e for e in events if getattr(e, "code", None) == "sample-conflict"] == []


def test_a_wide_row_with_no_ids_is_its_person_s(tmp_path: Path) -> None:
    events = events_in(
        tmp_path,
        "Sample ID,Patient ID,Patient Name,Date,IL-6 (pg/mL)\n,,Anna,2026-03-01,5\n"
        ",,Anna,2026-03-08,1\n",
    )
    assert [(r.sample_id, r.patient_id) for r in results(events)] == [
        ("line 2", "Anna"), ("line 3", "Anna")
    ]  # fmt: skip


NAMES = "Sample ID,Patient ID,Patient Name,Marker,Value,Unit\n"


def conflicts(events: list[Event]) -> list[str]:
    return [e.message for e in events if getattr(e, "code", None) == "sample-conflict"]


@pytest.mark.parametrize("short", [True, False])
def test_two_names_for_one_sample_without_patient_ids_are_a_conflict(
    tmp_path: Path, short: bool
) -> None:
    """Lab staff: Anna's and Ben's rows of sample S1 (no patient ids) made one panel, unsaid,
    while two patient ids for it were a 'sample-conflict'."""
    events = events_in(
        tmp_path,
        NAMES + "S1,,Anna,IL-6,5.0,pg/mL\nS1,,Ben,IL-8,20,pg/mL\nS1,,Ben,TNF-α,3,pg/mL\n",
        short,
    )
    assert conflicts(events) == [
        "sample 'S1' is given with name 'Ben' here, but with name 'Anna' on line 2: are two "
        "specimens mixed up? Its results are shown together in one panel"
    ]
    assert [r.sample_id for r in results(events)] == ["S1", "S1", "S1"]


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize(
    "rows",
    [
        ["S1,P1,Anna", "S1,P1,Ann"],  # the ids agree: one person's name written two ways
        ["S1,P1,Anna", "S1,,Ben"],  # a patient id given: the ids say whose a row is
        ["S1,,Anna", "S1,,", "S1,,N/A", "S1,, Anna "],  # blank or 'N/A' agrees (filled down)
        ["S1,,", "S1,,Anna"],  # ... as does a name first given later
    ],
)
def test_names_that_may_be_one_person_s_are_no_conflict(
    tmp_path: Path, short: bool, rows: list[str]
) -> None:
    events = events_in(
        tmp_path,
        NAMES + "".join(f"{row},{m},5,pg/mL\n" for row, m in zip(rows, MARKERS, strict=False)),
        short,
    )
    assert conflicts(events) == []
    assert len(results(events)) == len(rows)


MARKERS = ["IL-6", "IL-8", "TNF-α", "IL-10"]


@pytest.mark.parametrize("short", [True, False])
def test_two_patient_ids_for_a_sample_name_the_ids_not_the_names(
    tmp_path: Path, short: bool
) -> None:
    events = events_in(
        tmp_path, NAMES + "S1,P1,Anna,IL-6,5.0,pg/mL\nS1,P2,Ben,IL-8,20,pg/mL\n", short
    )
    assert [m.split(" here")[0] for m in conflicts(events)] == [
        "sample 'S1' is given with patient 'P2'"
    ]


@pytest.mark.parametrize("short", [True, False])
def test_two_names_for_one_sample_of_a_wide_file_are_a_conflict(
    tmp_path: Path, short: bool
) -> None:
    events = events_in(
        tmp_path,
        "Sample ID,Patient ID,Patient Name,IL-6 (pg/mL)\nS1,,Anna,5\nS1,,Ben,20\n",
        short,
    )
    assert [m.split(":")[0] for m in conflicts(events)] == [
        "sample 'S1' is given with name 'Ben' here, but with name 'Anna' on line 2"
    ]


def test_batches_say_two_names_for_one_sample_as_the_cli_does(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text(NAMES + "S1,,Anna,IL-6,5.0,pg/mL\nS1,,Ben,IL-8,20,pg/mL\n", "utf-8")
    cli = runner.invoke(app, ["check", str(path), "--format", "ndjson"]).stdout
    assert "name 'Ben' here, but with name 'Anna'" in cli
    assert batched_ndjson(path, 1) == cli


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize(
    "header, rows",
    [
        # a name beside a blank patient id, and a name that is the patient id (no other column)
        (NAMES, ["S1,,Anna Berg", "S1,,anna  berg", "S1,,ANNA BERG"]),
        ("Sample ID,Patient Name,Marker,Value,Unit\n", ["S1,Anna Berg", "S1,anna\tberg"]),
        (NAMES, ["S1,P01,", "S1,p01,", "S1,P01 ,"]),  # a lab's id typed in lower case
    ],
)
def test_names_and_ids_that_differ_in_case_or_spaces_are_no_conflict(
    tmp_path: Path, short: bool, header: str, rows: list[str]
) -> None:
    """QA: 'Anna Berg' and 'anna  berg' for one sample were a sample-conflict, though a person
    reads them as one name."""
    body = "".join(f"{row},{m},5,pg/mL\n" for row, m in zip(rows, MARKERS, strict=False))
    events = events_in(tmp_path, header + body, short)
    assert conflicts(events) == []
    assert len(results(events)) == len(rows)


@pytest.mark.parametrize("short", [True, False])
def test_other_names_and_ids_still_conflict_after_one_in_another_case(
    tmp_path: Path, short: bool
) -> None:
    events = events_in(
        tmp_path,
        NAMES + "S1,,Anna Berg,IL-6,5,pg/mL\nS1,,anna berg,IL-8,5,pg/mL\nS1,,Anna Bergh,TNF-α,5,"
        "pg/mL\nS2,P01,,IL-6,5,pg/mL\nS2,p01,,IL-8,5,pg/mL\nS2,P02,,TNF-α,5,pg/mL\n",
        short,
    )
    assert [m.split(" here")[0] for m in conflicts(events)] == [
        "sample 'S1' is given with name 'Anna Bergh'",
        "sample 'S2' is given with patient 'P02'",
    ]


def test_a_row_whose_id_differs_only_in_case_is_a_point_of_its_patient_s_trend(
    tmp_path: Path,
) -> None:
    """As `sample-conflict` has it, so does a trend: 'p01' in a sample of 'P01' is not left
    out as another patient's."""
    events = events_in(
        tmp_path,
        "Sample ID,Patient ID,Date,Marker,Value,Unit\nA1,P01,2026-03-01,IL-6,50,pg/mL\n"
        "A2,P01,2026-03-08,IL-8,5,pg/mL\nA2,p01,2026-03-08,IL-6,2,pg/mL\n",
    )
    (trend,) = build_report(iter(events), load_ranges(None)).trends
    assert [(m.marker, m.direction) for m in trend.markers] == [("IL-6", "falling")]


def test_a_trend_follows_a_patient_id_written_in_another_case(tmp_path: Path) -> None:
    """QA: 'p1''s sample merged with P1's in sample-conflict, but was silently left out of
    P1's trend, whose highest IL-6 (9 on 2026-05-03) went unsaid."""
    from panelcli.check import check_file

    data = tmp_path / "t.csv"
    data.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "S1,P1,2026-05-01,IL-6,3,pg/mL\nS2,p1,2026-05-03,IL-6,9,pg/mL\n"
        "S3, P1 ,2026-05-05,IL-6,1,pg/mL\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(data)).trends
    assert trend.patient_id == "P1"
    assert trend.dates == ["2026-05-01", "2026-05-03", "2026-05-05"]


def test_patients_followed_counts_days_as_trends_read_them() -> None:
    """Review: '2026-03-01' and '01.03.2026' (one day), or a date that cannot be read beside
    one that can, were counted as a trend the report then did not show."""
    from panelcli.check import patients_followed

    assert patients_followed([("P1", "2026-03-01", "a"), ("P1", "01.03.2026", "a")]) == 0
    # '03/04/2026' may be 4 March or 3 April: beside 2026-03-20 it has no place in a trend
    # (beside 2026-03-01 it has, after it either way: test_trends)
    assert patients_followed([("P1", "2026-03-20", "a"), ("P1", "03/04/2026", "a")]) == 0
    assert patients_followed([("P1", "2026-03-01", "a"), ("p1", "2026-03-08", "a")]) == 1


def test_a_sexo_column_says_why_it_is_not_read_and_how_to_make_it_read(tmp_path: Path) -> None:
    """QA: 'Sexo' got "is not a known marker or field", and the note's advice to give the sex
    in a column 'sex' would read its 'M' (mujer, a woman, to some labs) as male."""
    from panelcli.check import check_file

    path = tmp_path / "sexo.csv"
    path.write_text("sample_id,marker,value,unit,Sexo\nS1,Ferritin,100,ug/L,M\n", encoding="utf-8")
    (warning,) = [w for w in check_file(str(path)).warnings if w.column == "Sexo"]
    assert warning.code == "column-ignored"
    assert "'M' may be mujer (a woman) or masculino (a man)" in warning.message
    assert "name it 'sex'" in warning.message


FILLED = (
    "sample_id,patient_id,collected_at,{person}marker,value,unit\n"
    "S1,P1,2026-03-02,{given}IL-6,4,pg/mL\nS1,,,{blank}IL-8,50,pg/mL\n"
    "S2,P1,2026-04-02,{given}IL-6,9,pg/mL\nS2,,,{blank}IL-8,5,pg/mL\n"
    "S3,P2,2026-04-02,{given}IL-6,9,pg/mL\nS3,P3,,{blank}IL-6,9,pg/mL\nS3,,,{blank}IL-8,9,pg/mL\n"
)


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize("person", [("", "", ""), ("sex,age,", "F,40,", ",,")])
def test_a_sample_s_blank_patient_and_date_are_filled_down_in_its_results(
    tmp_path: Path, short: bool, person: tuple[str, str, str]
) -> None:
    """QA: a row of sample S1 with its patient and date cells blank was P1's in JSON's panel,
    table and trend, but NDJSON, CSV and FHIR gave it no patient and no date (a high IL-8
    sent to a FHIR server with no subject). A sample whose rows name two patients fills in
    neither (which would it be?)."""
    header, given, blank = person
    text = FILLED.format(person=header, given=given, blank=blank)
    found = [
        (r.line, r.patient_id, r.collected_at) for r in results(events_in(tmp_path, text, short))
    ]
    assert found == [
        (2, "P1", "2026-03-02"), (3, "P1", "2026-03-02"),
        (4, "P1", "2026-04-02"), (5, "P1", "2026-04-02"),
        (6, "P2", "2026-04-02"), (7, "P3", None), (8, None, "2026-04-02"),
    ]  # fmt: skip
    path = tmp_path / "filled.csv"
    path.write_text(text, encoding="utf-8")
    fhir = runner.invoke(app, ["check", str(path), "-f", "fhir"])
    observations = [
        e["resource"]
        for e in __import__("json").loads(fhir.stdout)["entry"]
        if e["resource"]["resourceType"] == "Observation"
    ]
    assert observations[1]["subject"]["identifier"]["value"] == "P1"
    assert observations[1]["effectiveDateTime"].startswith("2026-03-02")
    assert (
        batched_ndjson(path, 2) == runner.invoke(app, ["check", str(path), "-f", "ndjson"]).stdout
    )


@pytest.mark.parametrize("short", [True, False])
def test_a_sample_s_rejected_row_states_its_filled_down_patient_and_date(
    tmp_path: Path, short: bool
) -> None:
    """QA: the rejection of line 3 had no patient and no date, where the sample's results
    carried P1 and 2026-03-02: filtering rejections by patient missed it."""
    text = (
        "sample_id,patient_id,collected_at,marker,value,unit\nS1,P1,2026-03-02,IL-6,1.0,pg/mL\n"
        "S1,,,TNF-α,abc,pg/mL\n"
    )
    [rejected] = [
        e for e in events_in(tmp_path, text, short) if getattr(e, "severity", "") == "error"
    ]
    assert (rejected.line, rejected.patient_id, rejected.collected_at) == (3, "P1", "2026-03-02")
