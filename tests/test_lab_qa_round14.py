"""Lab QA round 14 (/work/qa14/lab): exports whose results were misread or refused."""

from __future__ import annotations

import pytest

from panelcli.check import check_file
from panelcli.models import Status


@pytest.fixture
def write_csv(tmp_path):
    def write(text: str, name: str = "export.csv") -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


@pytest.mark.parametrize(
    "header",
    ["Valores referencia", "V. Referencia", "Rango referencia", "Intervalo referencia",
     "Valor referencia", "Val. réf.", "Ref. waarde", "Normes", "Expected Value"],
)  # fmt: skip
def test_the_labs_range_under_more_names_is_read(write_csv, header) -> None:
    """TNF-α 12 beside the lab's '0 - 8.1' was judged normal by the set's ≤ 14.5, exit 0."""
    path = write_csv(f"Sample,Test,Result,Unit,{header}\nS1,TNF-α,12.0,pg/mL,0 - 8.1\n")
    [result] = check_file(path).panels[0].results
    assert result.status is Status.HIGH and result.reference.origin == "file"


@pytest.mark.parametrize(
    ("marker", "value"),
    [("Item", "Result"), ("Test Item", "Result"), ("Item Name", "Result"),
     ("Analisi", "Esito"), ("Observation", "Observation Value")],
)  # fmt: skip
def test_more_names_of_the_marker_and_value_columns_are_read(write_csv, marker, value) -> None:
    """Mindray's and Maglumi's 'Item', eClinicalWorks' 'Observation', Italian 'Analisi' and
    'Esito': each file was refused ('no marker column')."""
    path = write_csv(f"Sample,{marker},{value},Unit\nS1,IL-6,9.87,pg/mL\n")
    report = check_file(path)
    assert not report.rejected
    [result] = report.panels[0].results
    assert (result.marker, result.value, result.status) == ("IL-6", 9.87, Status.HIGH)


@pytest.mark.parametrize(
    "word",
    [
        "Corr.",
        "CORR",
        "Updated",
        "Replaced",
        "corregido",
        "rectifié",
        "corretto",
        "gecorrigeerd",
        "modificado",
    ],
)
def test_more_words_for_a_correction_replace_the_result(write_csv, word) -> None:
    """One 'Corr.' left the whole status column unread: both corrections were lost, and the
    withdrawn 85 and 60 pg/mL set exit 1."""
    path = write_csv(
        "Sample,Test,Result,Unit,Status\nR-01,IL-6,85,pg/mL,Final\nR-01,IL-6,1.5,pg/mL,Amended\n"
        f"R-02,IL-6,60,pg/mL,Final\nR-02,IL-6,1.0,pg/mL,{word}\n"
    )
    report = check_file(path)
    assert [r.value for p in report.panels for r in p.results] == [1.5, 1.0]
    assert [w.code for w in report.warnings].count("result-superseded") == 2


@pytest.mark.parametrize(
    ("header", "word"),
    [("Validation", "Not validated"), ("Validation", "Technical validated"),
     ("Status", "Voorlopig"), ("Validación", "Pendiente de validar")],
)  # fmt: skip
def test_a_result_not_yet_validated_is_said_to_be_preliminary(write_csv, header, word) -> None:
    """Judged as final with no note (exit 0): 'Not validated', cobas infinity's 'Technical
    validated', Dutch 'Voorlopig', Spanish 'Pendiente de validar'."""
    path = write_csv(f"Sample,Test,Result,Unit,{header}\nS1,IL-6,1.2,pg/mL,{word}\n")
    report = check_file(path)
    [result] = report.panels[0].results
    assert "preliminary" in (result.note or "")
    assert [w.code for w in report.warnings] == ["result-preliminary"]


@pytest.mark.parametrize(
    ("header", "row"),
    [("Accession,MRN,Patient,Test,Result,Units", 'A-100,0012345,"DOE, JANE",IL-6,12.0,pg/mL'),
     ("Accession,Patient,MRN,Test,Result,Units", 'A-100,"DOE, JANE",0012345,IL-6,12.0,pg/mL'),
     ("Nº Petición;NHC;Paciente;Prueba;Resultado;Unidades",
      "A-100;0012345;GARCIA LOPEZ, ANA;IL-6;12,0;pg/mL")],
)  # fmt: skip
def test_an_id_beside_a_patient_column_of_names_is_the_patient(write_csv, header, row) -> None:
    """'MRN' beside 'Patient', 'NHC' beside 'Paciente': refused as two patient id columns."""
    report = check_file(write_csv(f"{header}\n{row}\n"))
    assert not report.rejected
    assert report.panels[0].patient_id == "0012345"
    [ignored] = [w for w in report.warnings if w.code == "column-ignored"]
    assert "the patient is told by column" in ignored.message
