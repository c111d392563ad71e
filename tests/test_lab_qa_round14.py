"""Lab QA round 14 (/work/qa14/lab): exports whose results were misread or refused."""

from __future__ import annotations

import pytest

from panelcli.check import check_file
from panelcli.models import Status


@pytest.mark.parametrize(
    "header",
    ["Valores referencia", "V. Referencia", "Rango referencia", "Intervalo referencia",
     "Valor referencia", "Val. réf.", "Ref. waarde", "Normes"],
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
    assert "gives the patient id; this column names the patient only on a row that" in (
        ignored.message
    )


def test_a_patient_column_beside_a_blank_id_still_tells_two_people_apart(write_csv) -> None:
    """Review: 'Patient' of ids beside a blank MRN was dropped, and two people's results under
    one sample id were read as one pattern, with nothing said."""
    report = check_file(
        write_csv(
            "Sample,Patient,MRN,Test,Result,Unit\nS1,P-001,,IL-6,9.0,pg/mL\n"
            "S1,P-002,,TNF-α,30,pg/mL\n"
        )
    )
    assert any(
        w.code == "sample-conflict" and "'P-002'" in w.message and "'P-001'" in w.message
        for w in report.warnings
    )
    # ... and not read together as one pattern (second review: 'Both … at the same time')
    [panel] = report.panels
    assert [r.patient_id for r in panel.results] == ["P-001", "P-002"]
    text = " ".join(panel.summary.text)
    assert "but the file gives it with 2 patients ('P-001' and 'P-002')" in text
    assert "at the same time" not in text


@pytest.mark.parametrize(
    "text",
    [
        # a 'Validation' beside the status column: its corrections are kept (review)
        "Sample,Test,Result,Unit,Status,Validation\nR,IL-6,85,pg/mL,Final,Validated\n"
        "R,IL-6,1.5,pg/mL,Corrected,Validated\n",
        "Sample,Test,Result,Unit,Result Status,Validation\nR,IL-6,85,pg/mL,F,2026-03-02\n"
        "R,IL-6,1.5,pg/mL,C,2026-03-02\n",
    ],
)
def test_a_validation_column_never_takes_the_place_of_the_status_column(write_csv, text) -> None:
    report = check_file(write_csv(text))
    assert [r.value for p in report.panels for r in p.results] == [1.5]
    assert not report.rejected


def test_a_validation_column_of_initials_is_not_read_as_statuses(write_csv) -> None:
    report = check_file(
        write_csv("Sample,Test,Result,Unit,Validation\nS1,IL-6,1.2,pg/mL,JD\nS1,IL-8,3,pg/mL,AB\n")
    )
    assert [w.code for w in report.warnings] == ["column-ignored"]
    assert all(r.note is None for p in report.panels for r in p.results)


def test_replaced_marks_the_old_row_not_a_correction(write_csv) -> None:
    """Review: a history export's 'Replaced' (the old row) was read as a correction, and the
    withdrawn 85 took the place of the current 1.5 (exit 1)."""
    report = check_file(
        write_csv(
            "Sample,Test,Result,Unit,Status\nR,IL-6,1.5,pg/mL,Final\nR,IL-6,85,pg/mL,Replaced\n"
        )
    )
    assert not any(w.code == "result-superseded" for w in report.warnings)


@pytest.mark.parametrize("status", ["Updated - pending", "Corr. pending", "Final (not updated)"])
def test_a_new_correction_word_beside_another_status_is_no_correction(write_csv, status) -> None:
    """Second review: 'Updated - pending' was read as a correction, a pending 85 in place of
    the final 1.5 (exit 1); the new words are read alone only."""
    report = check_file(
        write_csv(
            f"Sample,Test,Result,Unit,Status\nR,IL-6,1.5,pg/mL,Final\nR,IL-6,85,pg/mL,{status}\n"
        )
    )
    assert not any(w.code == "result-superseded" for w in report.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "Item,Sample,Test,Result,Unit\n1,S1,IL-6,1.2,pg/mL\n2,S1,TNF-α,3.0,pg/mL\n",
        "Item,Sample,IL-6 (pg/mL),TNF-α (pg/mL)\n1,S1,1.2,3.0\n",
        "Sample,IL-6 (pg/mL),TNF-α (pg/mL),Observation\nS1,1.2,3.0,slightly hemolysed\n",
        "Campione;Esame;Risultato;Unità;Esito\nS1;IL-6;1,2;pg/mL;Normale\nS1;TNF-α;3,0;pg/mL;Normale\n",
    ],
)
def test_a_weak_name_does_not_take_a_role_from_the_files_own_columns(write_csv, text) -> None:
    """Review: an 'Item' line number beside 'Test', an 'Item' or 'Observation' column in a
    wide file, and 'Esito' beside 'Risultato' each refused the file."""
    report = check_file(write_csv(text))
    assert not report.rejected
    assert [(r.marker, r.value) for p in report.panels for r in p.results] == [
        ("IL-6", 1.2), ("TNF-α", 3.0),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("cell", "side"),
    [("NQ", "<"), ("< LLD", "<"), ("unterhalb der Nachweisgrenze", "<"), ("< NG", "<"),
     ("über Messbereich", ">"), ("> Messbereich", ">"), ("ikke påvist", "<"),
     ("ej påvisbar", "<")],
)  # fmt: skip
def test_more_spellings_of_no_number_past_a_limit_are_read(cell, side) -> None:
    """Refused as 'not a number' (a lost result each): read as 'ND' and 'OOR >' are."""
    from panelcli.values import parse_value

    parsed = parse_value(cell, False)
    assert (parsed.number, parsed.comparator) == (None, side)


def test_a_starred_flag_after_a_value_is_read_as_a_flag_columns_is(write_csv) -> None:
    """VA CPRS's '512 H*' was refused as an estimate past the curve: the file's most urgent
    result went unreported. Its flag is read as a flag column's 'H*' is, H (second review: as
    HH, the critical flag was said only in warnings). A star alone ('512*') is still refused."""
    path = write_csv(
        "Specimen,Test name,Result,Units,Ref Range\nS1,IL-6,512 H*,pg/mL,0-7.0\n"
        "S2,IL-6,1.0 L*,pg/mL,2-7.0\nS3,IL-6,512*,pg/mL,0-7.0\n"
    )
    report = check_file(path)
    assert [(r.sample_id, r.value, r.status) for p in report.panels for r in p.results] == [
        ("S1", 512.0, Status.HIGH), ("S2", 1.0, Status.LOW),
    ]  # fmt: skip
    assert [r.code for r in report.rejected] == ["value-starred"]


def test_a_status_column_of_other_words_leaves_the_validation_column_read(write_csv) -> None:
    """Second review: a 'Status' of 'Received' hid a 'Validation' of 'Not validated', judged
    as final without a word."""
    report = check_file(
        write_csv(
            "Sample,Test,Result,Unit,Status,Validation\n"
            "S1,IL-6,9.2,pg/mL,Received,Not validated\nS1,TNF-α,3.0,pg/mL,Received,Validated\n"
        )
    )
    il6 = report.panels[0].results[0]
    assert "preliminary" in (il6.note or "")


def test_an_item_number_beside_a_weakly_named_marker_column_is_no_marker(write_csv) -> None:
    """Second review: 'Item' won over 'Test Code': the line numbers were the markers."""
    report = check_file(
        write_csv("Item,Test Code,Result,Unit\n1,IL-6,9.2,pg/mL\n2,TNF-α,3.0,pg/mL\n")
    )
    assert [(r.marker, r.value) for p in report.panels for r in p.results] == [
        ("IL-6", 9.2), ("TNF-α", 3.0),
    ]  # fmt: skip
