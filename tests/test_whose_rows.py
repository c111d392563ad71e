"""Whose a long file's rows are: an instrument's standards and controls are no patient's (MSD's
S001 and C1, a row with a standard's expected value), and a column named 'Name' or 'ID' may
be the sample's id, or may not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.check import CheckOptions, Event, Interpreter
from panelcli.cli import app
from panelcli.models import Issue, Result
from panelcli.ranges import load_ranges
from panelcli.reading import map_header

runner = CliRunner()

MSD = (
    "Plate Name,Sample,Assay,Well,Spot,Dilution,Concentration,Signal,"
    "Calc. Concentration (pg/mL),Detection Range\n"
    "Plate1,S001,IL-6,A01,4,1,2500,150000,2500.3,In Detection Range\n"
    "Plate1,C1,IL-6,A03,4,1,,9000,120.4,In Detection Range\n"
    "Plate1,C001,IL-6,A04,4,1,,9000,120.4,In Detection Range\n"
    "Plate1,PT-001,IL-6,B01,4,1,,800,1.3,In Detection Range\n"
)


def events_in(tmp_path: Path, text: str, short: bool = True) -> list[Event]:
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    checking = Interpreter(load_ranges(None), CheckOptions(), short_path=short)
    return list(checking.events([str(path)]))


def results(events: list[Event]) -> list[Result]:
    return [e for e in events if isinstance(e, Result)]


def warnings(events: list[Event], code: str) -> list[Issue]:
    return [e for e in events if isinstance(e, Issue) and e.code == code]


def test_an_msd_export_s_calibrators_and_controls_are_skipped(tmp_path: Path) -> None:
    """S001 (a calibrator, 2500 pg/mL) and C1 (a kit control) were judged as patients' IL-6
    'high', and the exit code said flagged (QA)."""
    events = events_in(tmp_path, MSD)
    assert [(r.sample_id, r.value) for r in results(events)] == [("PT-001", 1.3)]
    skipped = warnings(events, "control-skipped")
    assert [(w.line, w.sample_id) for w in skipped] == [(2, "S001"), (3, "C1"), (4, "C001")]
    assert skipped[0].message == (
        "this row is a standard or control (sample 'S001', with the value it is expected to "
        "have, '2500' under 'Concentration'), not a patient's sample; it was not judged"
    )
    assert "an MSD calibrator or control (sample 'C1'" in skipped[1].message
    # the nominal 'Concentration' is read (to skip its rows), so not said to be ignored
    assert "Concentration" not in [w.column for w in warnings(events, "column-ignored")]
    path = tmp_path / "export.csv"
    checked = runner.invoke(app, ["check", str(path)])
    assert checked.exit_code == 0, checked.output
    assert "Sample S001" not in checked.output and "Sample PT-001" in checked.output


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize("header", ["Exp Conc", "Expected Conc. (pg/mL)", "Exp. Concentration"])
def test_a_row_with_a_standard_s_expected_value_is_skipped(
    tmp_path: Path, short: bool, header: str
) -> None:
    """Bio-Plex's 'Exp Conc' is filled for standards only: such a row was judged as a patient's
    (its column ignored); a blank or '---' there is a sample's."""
    events = events_in(
        tmp_path,
        f"Sample,Analyte,{header},Obs Conc,Units\nX1,IL-6,500,498.2,pg/mL\n"
        "PT-1,IL-6,,1.2,pg/mL\nPT-2,IL-6,---,1.3,pg/mL\n",
        short,
    )
    assert [r.sample_id for r in results(events)] == ["PT-1", "PT-2"]
    assert [(w.line, w.column) for w in warnings(events, "control-skipped")] == [(2, header)]
    assert warnings(events, "column-ignored") == []


@pytest.mark.parametrize("short", [True, False])
def test_s001_and_c1_in_an_ordinary_file_are_patients(tmp_path: Path, short: bool) -> None:
    """Only an MSD export names its calibrators S001 and controls C1: elsewhere a patient's
    sample may be called so."""
    events = events_in(
        tmp_path,
        "Sample,Analyte,Result,Units\nS001,IL-6,2500,pg/mL\nC1,IL-6,1.2,pg/mL\n",
        short,
    )
    assert [(r.sample_id, r.status.value) for r in results(events)] == [
        ("S001", "high"),
        ("C1", "normal"),
    ]
    assert warnings(events, "control-skipped") == []


MSD_TYPED = (
    "Sample,{type},Assay,Calc. Concentration (pg/mL),Detection Range\n"
    "S001,Unknown,IL-6,4.2,In Detection Range\nC1,Sample,IL-6,1.2,In Detection Range\n"
    "C01,Unknown Sample,IL-6,1.5,In Detection Range\nC001,Patient,IL-6,1.6,In Detection Range\n"
    "S002,Standard,IL-6,2500,In Detection Range\nC2,,IL-6,120,In Detection Range\n"
)


@pytest.mark.parametrize("column", ["Sample Type", "Type"])
def test_a_type_saying_sample_wins_over_an_msd_calibrator_s_name(
    tmp_path: Path, column: str
) -> None:
    """QA: an MSD export's 'S001' typed 'Unknown' was skipped as a calibrator, unjudged."""
    events = events_in(tmp_path, MSD_TYPED.format(type=column))
    assert [(r.sample_id, r.value) for r in results(events)] == [
        ("S001", 4.2), ("C1", 1.2), ("C01", 1.5), ("C001", 1.6)
    ]  # fmt: skip
    skipped = warnings(events, "control-skipped")
    assert [(w.line, w.sample_id) for w in skipped] == [(6, "S002"), (7, "C2")]
    path = tmp_path / "export.csv"
    report = json.loads(runner.invoke(app, ["check", str(path), "--format", "json"]).stdout)
    judged = [r["sample_id"] for p in report["panels"] for r in p["results"]]
    assert judged == ["S001", "C1", "C01", "C001"]
    lines = runner.invoke(app, ["check", str(path), "--format", "ndjson"]).stdout.splitlines()
    assert [r["sample_id"] for r in map(json.loads, lines) if "marker" in r] == judged
    validated = runner.invoke(app, ["validate", str(path)]).stdout
    assert [line.split(":")[1] for line in validated.splitlines() if "control-skipped" in line] == [
        "6", "7"
    ]  # fmt: skip


@pytest.mark.parametrize("short", [True, False])
def test_a_type_saying_sample_wins_over_a_standard_s_name(tmp_path: Path, short: bool) -> None:
    events = events_in(
        tmp_path,
        "Sample,Sample Type,Analyte,Result,Units\nCal1,Patient,IL-6,1.2,pg/mL\n"
        "Cal2,,IL-6,1.2,pg/mL\nMean,Unknown,IL-6,1.2,pg/mL\n",
        short,
    )
    assert [r.sample_id for r in results(events)] == ["Cal1"]
    assert [w.line for w in warnings(events, "control-skipped")] == [3, 4]


def test_only_an_msd_export_s_own_ids_are_its_calibrators() -> None:
    layout = map_header(
        ["Sample", "Assay", "Calc. Concentration", "Detection Range"], lambda _: True
    )
    assert layout is not None and layout.msd_export
    plain = map_header(["Sample", "Assay", "Calc. Concentration"], lambda _: True)
    assert plain is not None and not plain.msd_export


NAMED = "Name,Analyte,Result,Units\nPT-001,IL-6,4.2,pg/mL\nPT-001,TNF-alpha,5,pg/mL\n"


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize("column", ["Name", "ID", "Description"])
def test_a_long_file_s_name_column_is_its_sample_id(
    tmp_path: Path, short: bool, column: str
) -> None:
    """'Name' was ignored and every row made one panel 'Results', IL-6 'measured again' (QA)."""
    events = events_in(
        tmp_path, NAMED.replace("Name", column, 1) + "PT-002,IL-6,1.1,pg/mL\n", short
    )
    assert [(r.sample_id, r.marker) for r in results(events)] == [
        ("PT-001", "IL-6"), ("PT-001", "TNF-α"), ("PT-002", "IL-6")
    ]  # fmt: skip
    assert warnings(events, "marker-repeated") == []
    assert warnings(events, "column-ignored") == []


@pytest.mark.parametrize(
    "rows",
    [
        # a test's description: the same words with the same marker, whoever the sample
        "Interleukin six,IL-6,4.2,pg/mL\nNecrosis factor,TNF-alpha,5,pg/mL\n"
        "Interleukin six,IL-6,1.1,pg/mL\n",
        # a row's number: no two rows share one
        "1,IL-6,4.2,pg/mL\n2,TNF-alpha,5,pg/mL\n3,IL-6,1.1,pg/mL\n",
        # one result per sample: nothing shows that the values name samples
        "PT-001,IL-6,4.2,pg/mL\nPT-002,IL-6,1.1,pg/mL\n",
    ],
)
def test_a_name_column_that_may_not_be_the_sample_s_is_said_to_put_rows_in_one_panel(
    tmp_path: Path, rows: str
) -> None:
    events = events_in(tmp_path, "Name,Analyte,Result,Units\n" + rows)
    assert {r.sample_id for r in results(events)} == {None}
    (ignored,) = warnings(events, "column-ignored")
    assert ignored.column == "Name"
    assert ignored.message.startswith("column 'Name' was not read: it holds different values")
    assert "all rows were put in one panel" in ignored.message
    assert "call the column 'Sample ID'" in ignored.message
    first = rows.split(",", 1)[0]
    assert f"('{first}' on line 2, " in ignored.message


def test_a_column_of_marker_names_is_not_the_sample_s(tmp_path: Path) -> None:
    """'Description' holding the test ('Interleukin 6') is no sample id, nor a doubt."""
    events = events_in(
        tmp_path,
        "Description,Analyte,Result,Units\nInterleukin 6,IL-6,4.2,pg/mL\n"
        "Tumor necrosis factor alpha,TNF-alpha,5,pg/mL\nInterleukin 6,IL-6,1.1,pg/mL\n",
    )
    assert {r.sample_id for r in results(events)} == {None}
    (ignored,) = warnings(events, "column-ignored")
    assert ignored.message == "column 'Description' is not a known marker or field and was not read"


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Sample,Name,Analyte,Result,Units\nS1,Ann,IL-6,4.2,pg/mL\nS2,Bob,IL-6,1.1,pg/mL\n",
         [("S1", None), ("S2", None)]),
        # a person's name beside the patient id: the same person's
        ("Patient ID,Patient Name,Marker,Value,Unit\nP1,Anna,IL-6,12,pg/mL\n"
         "P2,Anna,IL-6,2,pg/mL\n", [(None, "P1"), (None, "P2")]),
    ],
)  # fmt: skip
def test_a_sample_or_patient_column_leaves_a_name_column_alone(
    tmp_path: Path, text: str, read: list[tuple[str | None, str | None]]
) -> None:
    events = events_in(tmp_path, text)
    assert [(r.sample_id, r.patient_id) for r in results(events)] == read
    (ignored,) = warnings(events, "column-ignored")
    name = text.split(",")[1]
    if name == "Patient Name":  # read where a row gives no patient id (nor sample id)
        assert ignored.message.startswith(
            f"column '{name}' was not read as the patient on a row that gives a"
        )
    else:
        assert ignored.message == f"column '{name}' is not a known marker or field and was not read"


PEOPLE = (
    "{column},Collection Date,Marker,Value,Unit\nAnna,2026-01-02,IL-6,12,pg/mL\n"
    "Anna,2026-02-02,IL-6,3,pg/mL\nBen,2026-01-02,IL-6,2,pg/mL\n"
)


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize(
    "column",
    [
        "Patient Name", "Donor", "Donor ID", "Subject Name", "Participant Name",
        # no name that says whose: a value with two collection dates is no sample's
        "Name", "ID",
    ],
)  # fmt: skip
def test_a_column_naming_a_person_keeps_people_apart(
    tmp_path: Path, short: bool, column: str
) -> None:
    """QA: Anna's and Ben's results of 2026-01-02 shared one panel, no one's, and 'Name' was
    said to be unreadable."""
    events = events_in(tmp_path, PEOPLE.format(column=column), short)
    assert [(r.patient_id, r.collected_at, r.line) for r in results(events)] == [
        ("Anna", "2026-01-02", 2), ("Anna", "2026-02-02", 3), ("Ben", "2026-01-02", 4)
    ]  # fmt: skip
    assert {r.sample_id for r in results(events)} == {None}
    assert warnings(events, "column-ignored") == []
    assert warnings(events, "marker-repeated") == []


def test_a_name_with_two_dates_is_a_person_though_it_groups_markers(tmp_path: Path) -> None:
    """Read as the sample id, Anna's two dates made one panel, with a 'sample-conflict'."""
    events = events_in(
        tmp_path,
        PEOPLE.format(column="Name") + "Anna,2026-01-02,IL-10,2,pg/mL\n",
    )
    assert {(r.patient_id, r.collected_at) for r in results(events)} == {
        ("Anna", "2026-01-02"), ("Anna", "2026-02-02"), ("Ben", "2026-01-02")
    }  # fmt: skip
    assert warnings(events, "sample-conflict") == []


@pytest.mark.parametrize("column", ["Patient Name", "Name"])
def test_people_apart_in_every_output(tmp_path: Path, column: str) -> None:
    """json, ndjson and validate read the file alike: three people-and-dates, no warning."""
    path = tmp_path / "people.csv"
    path.write_text(PEOPLE.format(column=column), encoding="utf-8")
    report = json.loads(runner.invoke(app, ["check", str(path), "--format", "json"]).stdout)
    assert [(p["patient_id"], p["collected_at"]) for p in report["panels"]] == [
        ("Anna", "2026-01-02"), ("Anna", "2026-02-02"), ("Ben", "2026-01-02")
    ]  # fmt: skip
    assert report["warnings"] == []
    lines = runner.invoke(app, ["check", str(path), "--format", "ndjson"]).stdout.splitlines()
    rows = [json.loads(line) for line in lines]
    assert [(r["patient_id"], r["line"]) for r in rows if "marker" in r] == [
        ("Anna", 2), ("Anna", 3), ("Ben", 4)
    ]  # fmt: skip
    validated = runner.invoke(app, ["validate", str(path)])
    assert validated.exit_code == 0
    assert "warning" not in validated.stdout


@pytest.mark.parametrize(
    "header", ["Probe Nr.", "Auftragsnr.", "Labornummer", "Order Number", "Tube ID", "Requisition"]
)
def test_an_lis_order_or_tube_number_is_the_sample_id(tmp_path: Path, header: str) -> None:
    """QA: three orders under 'Auftragsnr.' were not read, and made one sample."""
    events = events_in(
        tmp_path, f"{header},marker,value,unit\n1,IL-6,3,pg/mL\n2,IL-6,4,pg/mL\n3,IL-8,5,pg/mL\n"
    )
    assert [r.sample_id for r in results(events)] == ["1", "2", "3"]
    assert [e for e in events if isinstance(e, Issue)] == []


def test_a_long_file_with_no_sample_id_says_its_rows_are_one_sample(tmp_path: Path) -> None:
    """QA: with the sample column unread, 'IL-6 is measured again' did not say that all the
    rows had been put in one sample, nor how to tell them apart."""
    events = events_in(tmp_path, "Tube,marker,value,unit\nA1,IL-6,3,pg/mL\nA2,IL-6,4,pg/mL\n")
    (repeated,) = warnings(events, "marker-repeated")
    assert repeated.message.endswith(
        "the file has no sample or patient id column, so its rows are read as one sample: if "
        "they are several, name the column that tells them apart 'sample_id'"
    )
    # review: a blank id cell under 'sample_id' is no missing column
    events = events_in(tmp_path, "sample_id,marker,value,unit\n,IL-6,3,pg/mL\n,IL-6,4,pg/mL\n")
    assert all("name the column" not in w.message for w in warnings(events, "marker-repeated"))


@pytest.mark.parametrize(
    ("header", "sample"),
    [
        ("Sample ID,Order Number", "S1"),
        ("Probennummer,Auftragsnummer", "S1"),
        ("Accession,Requisition", "S1"),
        ("Auftragsnr.,Probe", "O1"),  # 'Probe' is the sample: an order may hold several
    ],
)
def test_an_order_number_beside_a_sample_id_is_not_read(
    tmp_path: Path, header: str, sample: str
) -> None:
    """Review: the order and tube numbers made a file with a sample id column unreadable
    ('both look like the sample id column')."""
    events = events_in(tmp_path, f"{header},marker,value,unit\nS1,O1,IL-6,3,pg/mL\n")
    assert [r.sample_id for r in results(events)] == [sample]


@pytest.mark.parametrize(
    "text",
    [
        "Sample ID,Specimen,Analyte,Result,Units\nS1,Serum,IL-6,3.0,pg/mL\n",
        "Specimen,Sample ID,Analyte,Result,Units\nSerum,S1,IL-6,3.0,pg/mL\n",
    ],
)
def test_a_specimen_column_beside_a_sample_id_is_its_type(tmp_path: Path, text: str) -> None:
    """QA: 'Specimen' (Serum, Plasma) beside 'Sample ID' refused the file: 'both look like the
    sample id column'. It is read as the specimen's type (lab QA round 6: a CSF is not judged
    by a blood range), so no warning says it is not read."""
    events = events_in(tmp_path, text)
    assert [r.sample_id for r in results(events)] == ["S1"]
    assert not warnings(events, "column-ignored")
    csf = events_in(tmp_path, text.replace("Serum", "CSF"))
    assert [r.status for r in results(csf)] == ["indeterminate"]


def test_an_order_number_beside_a_specimen_type_is_the_sample_id(tmp_path: Path) -> None:
    """Review: with 'Order Number' beside 'Specimen' (Serum), every order was one sample
    'Serum'."""
    events = events_in(
        tmp_path,
        "Order Number,Specimen,Test,Result,Units\n1001,Serum,IL-6,5,pg/mL\n"
        "1002,Serum,IL-6,50,pg/mL\n",
    )
    assert [r.sample_id for r in results(events)] == ["1001", "1002"]
