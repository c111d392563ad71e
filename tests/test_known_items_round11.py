"""Items known but not done at the end of session 53 (note53), done in session 54."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from judged import batch_events_of, batch_results_of, issues_of, results_of
from typer.testing import CliRunner

from panelcli.batches import read_batches
from panelcli.check import ResultRow
from panelcli.cli import app
from panelcli.models import Result
from panelcli.names import _one_slip_apart
from panelcli.ranges import slip_named
from panelcli.render import fhir
from panelcli.trends import read_date
from panelcli.values import parse_lab_range, parse_value, worded_comparator

# --- Excel's 'CSV (MS-DOS)' (code page 437) is read as such ------------------------------------

DOS = (
    "Sample ID,Patient,Geschlecht,Marker,Value,Unit,Reference range\n"
    "S1,Müller,männlich,TNF-α,10.0,pg/mL,≤ 8.1\n"
    "S1,Müller,männlich,IL-1ß,3,pg/mL,≤ 5\n"
    "S1,Müller,männlich,IL-6,0.004,µg/L,\n"
)


@pytest.mark.parametrize("short_path", [True, False])
def test_a_dos_code_page_file_is_read_as_code_page_437(write_csv, short_path) -> None:
    """Lab QA round 10: its '≤ 8.1' was read as 'ó 8.1' (the lab's range unread, the set's used)
    and 'IL-1ß' as 'IL-1á' (no marker): signs beside numbers and names say which it is."""
    path = write_csv(DOS.encode("cp437"))
    results = results_of(path, short_path)
    assert [(r.marker, r.value, r.unit, r.status.value) for r in results] == [
        ("TNF-α", 10.0, "pg/mL", "high"), ("IL-1β", 3.0, "pg/mL", "normal"),
        ("IL-6", 4.0, "pg/mL", "high"),
    ]  # fmt: skip
    assert [r.reference.high for r in results[:2]] == [8.1, 5.0]  # the lab's own ranges
    assert results[0].patient_id == "Müller"
    issues = issues_of(path, short_path)
    assert not [i for i in issues if i.code.startswith("range-unreadable")]
    [fallback] = [i for i in issues if i.code == "encoding-fallback"]
    assert fallback.message.startswith(
        "11 bytes were not valid UTF-8 and read as code page 437, which Excel's 'CSV (MS-DOS)' "
        "writes"
    )
    assert fallback.message.endswith(
        "the first is 'ü' in 'Müller'; save the file as CSV UTF-8 to be sure"
    )


def test_a_dos_code_page_file_reads_alike_in_batches(write_csv) -> None:
    """The batch reader (Dask's) decodes as `check` does."""
    path = write_csv(DOS.encode("cp437"))
    batches = list(read_batches(path, rows_per_batch=1))
    rows = [e for e in batch_events_of(batches) if isinstance(e, Result | ResultRow)]
    assert [(row.marker, row.status.value) for row in rows] == [
        ("TNF-α", "high"), ("IL-1β", "normal"), ("IL-6", "high"),
    ]  # fmt: skip
    assert batches[-1].fallback_text.startswith("read as code page 437")


@pytest.mark.parametrize(
    "text",
    [
        # Windows-1252 names: no sign of 437 beside a number or a marker name
        "Sample ID,Patient,Marker,Value,Unit\nS1,Muñoz,IL-6,1.0,pg/mL\nS2,Peña 2,IL-6,1,pg/mL\n",
        # a Windows-1252 letter after a letter outweighs an 'ó' before a number
        "Sample ID,Marker,Value,Unit,Comment\nS1,IL-6,1.0,pg/mL,repitió 2 veces\n",
        "Sample ID,Marker,Value,Unit,Comment\nS1,IL-6,1.0,µg/L,José\n",
    ],
)
def test_a_windows_1252_file_stays_windows_1252(write_csv, text) -> None:
    path = write_csv(text.encode("cp1252"))
    [fallback] = [i for i in issues_of(path) if i.code == "encoding-fallback"]
    assert "read as Windows-1252" in fallback.message
    assert "code page 437" not in fallback.message.split(";")[0]


# --- a wide header's words after the unit in a long file's marker cell -------------------------


@pytest.mark.parametrize("short_path", [True, False])
def test_a_long_marker_cell_with_visit_words_is_not_told_its_unit_is_missing(
    write_csv, short_path
) -> None:
    """Review 53b: 'IL-6 (pg/mL) Day 7' in a long file's marker cell was no_reference with 'its
    unit is missing', beside the unit in its name."""
    path = write_csv("Sample ID,Test,Result\nS1,IL-6 (pg/mL) Day 7,35\nS1,IL-99 (pg/mL) Day 7,3\n")
    first, unknown = results_of(path, short_path)
    assert first.status.value == "no_reference" and first.value == 35.0
    assert first.note == (
        "no reference range for 'IL-6 (pg/mL) Day 7' in this set; it looks like IL-6 in pg/mL "
        "with 'Day 7' after the unit: give the unit in a unit column and those words in a "
        "column of their own (a time point in a date or visit column)"
    )
    assert unknown.note is not None and unknown.note.endswith("; its unit is missing")


# --- a marker cell's bracketed range and a range cell that disagree ----------------------------

BRACKETED = (
    "Sample ID,Test,Result,Reference range\n"
    "S1,IL-6 (pg/mL) [0-7.0],5,0-3.0\nS2,IL-6 (pg/mL) [0-7.0],5,0-3.0\n"
    "S1,IL-8 (pg/mL) [0-62],5,0-62\nS1,IL-10 (pg/mL) [<9.1],5,≤ 9.1\n"
    "S1,IL-2 (pg/mL) [0-2.1],1,0-2100 fg/mL\nS1,IL-4 (pg/mL) [0-5],1,-\n"
)


@pytest.mark.parametrize("short_path", [True, False])
def test_a_marker_cell_range_that_the_range_cell_contradicts_is_said(write_csv, short_path) -> None:
    """Review 53b: the range cell's range was used with no word that the marker cell's
    bracketed range gave other limits; said once per text, and not for '<' beside '≤' nor
    for one range in two units."""
    path = write_csv(BRACKETED)
    results = results_of(path, short_path)
    assert [(r.marker, r.reference.text, r.status.value) for r in results] == [
        ("IL-6", "0 - 3 pg/mL", "high"), ("IL-6", "0 - 3 pg/mL", "high"),
        ("IL-8", "0 - 62 pg/mL", "normal"), ("IL-10", "≤ 9.1 pg/mL", "normal"),
        ("IL-2", "≤ 2.1 pg/mL", "normal"), ("IL-4", "0 - 5 pg/mL", "normal"),
    ]  # fmt: skip
    [said] = [i for i in issues_of(path, short_path) if "marker cell" in i.message]
    assert (said.code, said.line, said.column, said.sample_id) == (
        "range-disagrees",
        2,
        "Reference range",
        "S1",
    )
    assert said.message == (
        "IL-6: the range in the marker cell 'IL-6 (pg/mL) [0-7.0]' differs from the range "
        "cell's '0-3.0'; the range cell's was used"
    )


# --- code review 11: `ranges validate` with a stderr that cannot be written --------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
def test_ranges_validate_exits_by_validity_when_stderr_is_full(tmp_path) -> None:
    """Its 'valid' and problem count were printed past `_on_stderr`: 2>/dev/full made a valid
    set exit 2 as an internal error."""
    broken = tmp_path / "broken.toml"
    broken.write_text("[x\n", encoding="utf-8")
    codes = []
    for name in ("arup-3002601", str(broken)):
        with open("/dev/full", "w") as full:
            done = subprocess.run(
                [sys.executable, "-m", "panelcli", "ranges", "validate", name],
                stdout=subprocess.DEVNULL, stderr=full, timeout=60,
            )  # fmt: skip
        codes.append(done.returncode)
    assert codes == [0, 2]


# --- code review 11: the summary reads panelcli's own words in a note, not the lab's comment --


def _summary_text(path: str, *args: str) -> str:
    shown = CliRunner().invoke(app, ["check", path, "--format", "json", *args])
    return " ".join(
        t for panel in json.loads(shown.stdout)["panels"] for t in panel["summary"]["text"]
    )


def test_a_lab_comment_is_not_taken_for_panelcli_s_spelling_hint(write_csv) -> None:
    path = write_csv(
        "sample_id,marker,value,unit,comment\n"
        "A1,IL-99,3.0,pg/mL,did you mean Vitamin Q?\nA1,IL6x,3.0,pg/mL,\n"
    )
    said = _summary_text(path)
    assert "Did you mean Vitamin Q" not in said and "did you mean Vitamin Q?'" in said
    assert "Check that the names are spelled right." in said


def test_a_lab_comment_naming_sex_does_not_change_what_the_range_needs(write_csv) -> None:
    path = write_csv("sample_id,marker,value,unit,sex,comment\nA1,Ferritin,100,ug/L,female,sex\n")
    said = _summary_text(path, "--ranges", "mayo-adult")
    assert "The range for Ferritin depends on age, and panelcli could not tell it" in said


# --- lab QA round 11: words of other languages and instruments ---------------------------------


@pytest.mark.parametrize(
    "range_column",
    ["Valori di riferimento", "Valore di riferimento", "Valor de referência",
     "Intervalo de referência", "Referentiewaarde", "Normaalwaarden", "Ref Rng", "Norm Range"],
)  # fmt: skip
def test_a_range_column_in_more_languages_is_the_lab_s_range(write_csv, range_column) -> None:
    """TNF-α 10 was normal by the set's ≤ 14.5 beside the lab's unread '< 8.1' (exit 0)."""
    path = write_csv(f"Sample,Test,Result,Unit,{range_column}\nS1,TNF-α,10,pg/mL,< 8.1\n")
    [result] = results_of(path)
    assert (result.reference.text, result.status.value) == ("< 8.1 pg/mL", "high")


@pytest.mark.parametrize(
    "printed",
    ["Inferior a 8,1", "até 8.1", "de 0 a 8.1", "Inferiore a 8.1", "fino a 8.1", "da 0 a 8.1",
     "tot 8.1", "kleiner dan 8.1", "van 0 tot 8.1", "0 ~ 8.1"],
)  # fmt: skip
def test_range_words_in_more_languages_are_read(printed) -> None:
    found = parse_lab_range(printed, "," in printed)
    assert found is not None and found.high == 8.1 and found.low in (None, 0.0)


@pytest.mark.parametrize(
    ("cell", "read"),
    [("inferiore a 2", "<2"), ("minore di 2", "<2"), ("kleiner dan 2", "<2"),
     ("inferior a 2", "<2"), ("menos de 2", "<2"), ("superiore a 5000", ">5000"),
     ("groter dan 5000", ">5000"), ("maior que 5000", ">5000")],
)  # fmt: skip
def test_comparator_words_in_more_languages_are_read(cell, read) -> None:
    assert worded_comparator(cell) == read


@pytest.mark.parametrize(
    "words",
    [
        "indetectable",
        "non détecté",
        "indétectable",
        "não detectável",
        "indetectável",
        "niet aantoonbaar",
        "onder detectiegrens",
    ],
)
def test_not_detected_words_in_more_languages_have_no_number(words) -> None:
    parsed = parse_value(words)
    assert (parsed.number, parsed.comparator) == (None, "<")


def test_request_and_chart_numbers_tell_samples_and_patients_apart(write_csv) -> None:
    """Lab QA round 11: 'Nº Petición' and 'Nº Historia' were unread, and two patients' rows,
    one of them a CSF named in words, made one panel judged by blood ranges."""
    path = write_csv(
        "Nº Petición;Nº Historia;Tipo de muestra;Prueba;Resultado;Unidades\n"
        "26040201;H-88123;Suero;IL-6;2,0;pg/mL\n"
        "26040202;H-88123;Líquido cefalorraquídeo;IL-6;48,0;pg/mL\n"
        "26040203;H-90555;Suero;IL-10;9,0;pg/mL\n"
    )
    results = results_of(path)
    assert [(r.sample_id, r.patient_id, r.status.value) for r in results] == [
        ("26040201", "H-88123", "normal"), ("26040202", "H-88123", "indeterminate"),
        ("26040203", "H-90555", "high"),
    ]  # fmt: skip
    assert "cerebrospinal fluid" in (results[1].note or "")


@pytest.mark.parametrize(
    ("specimen_column", "fluid"),
    [("Tipo di campione", "Liquido sinoviale"), ("Materiaal", "Hersenvocht"),
     ("Type d'échantillon", "Liquide céphalo-rachidien"),
     ("Tipo de amostra", "Lavado broncoalveolar"),
     ("Monstertype", "Speeksel"), ("Materiale", "Versamento pleurico")],
)  # fmt: skip
def test_other_fluids_named_in_more_languages_are_not_judged_by_blood_ranges(
    write_csv, specimen_column, fluid
) -> None:
    path = write_csv(f"Sample,{specimen_column},Test,Result,Unit\nS1,{fluid},IL-6,6.0,pg/mL\n")
    [result] = results_of(path)
    assert result.status.value == "indeterminate"


@pytest.mark.parametrize(
    "code",
    ["SampleCl", "Clot.E", "ADC.E", "Samp.S", "Reag.S", "VOID", "CALEXP", "Invalid", "Error"],
)
def test_more_instrument_alarms_in_a_flag_column_leave_the_result_unjudged(write_csv, code) -> None:
    path = write_csv(f"Sample ID,Test,Result,Unit,Result flags\nR1,IL6,15.0,pg/mL,{code}\n")
    [result] = results_of(path)
    assert result.status.value == "indeterminate"


@pytest.mark.parametrize(
    "label",
    ["Somma", "Deviazione standard", "Dev. St.", "Totaal", "Gemiddelde", "Gem.", "Aantal",
     "Desvio padrão", "Média", "Soma", "Mean (n=3)", "Median (IQR)", "Grand Mean", "IQR",
     "25th percentile", "95% CI", "Lower 95% CI", "Min-Max", "Variance", "STDEV.S", "Mean+2SD",
     "Subtotal", "=AVERAGE(B2:B3)", "Mean (pg/mL)"],
)  # fmt: skip
def test_more_summary_rows_are_no_patients(write_csv, label) -> None:
    """Lab QA round 11: such footers were judged as patients, high, and set exit 1."""
    path = write_csv(f'Sample ID,IL-6 (pg/mL),IL-8 (pg/mL)\nP-01,1.0,5.0\n"{label}",15.0,120.0\n')
    assert [r.sample_id for r in results_of(path)] == ["P-01", "P-01"]


@pytest.mark.parametrize(
    "label", ["DS", "Pooled", "Q12", "Q-1", "Q3", "P-25", "Range", "Massimo", "Var", "Mean (S1)"]
)
def test_ids_like_summary_words_are_still_samples(write_csv, label) -> None:
    path = write_csv(f"Sample ID,IL-6 (pg/mL)\n{label},15.0\n")
    assert [r.sample_id for r in results_of(path)] == [label]


@pytest.mark.parametrize(
    "corrected",
    ["Conc*Dil", "Conc x DF", "Concentration x Dilution Factor", "Concentration × Dilution",
     "Result*DF", "Calc. Conc. * Dil", "Dil. Adj. Conc.", "Neat Conc."],
)  # fmt: skip
def test_more_names_of_a_dilution_corrected_value_are_read(write_csv, corrected) -> None:
    """Lab QA round 11: the raw value, 10 times low, was judged normal beside such a column."""
    path = write_csv(
        f"Sample ID,Analyte,Conc,Dilution,{corrected},Unit\nPT-301,IL-6,0.52,10,5.2,pg/mL\n"
    )
    [result] = results_of(path)
    assert (result.value, result.status.value) == (5.2, "high")


@pytest.mark.parametrize(
    ("sex", "age"), [("Vrouw", "55 jaar"), ("Donna", "55 anni"), ("Mulher", "55 anos")]
)
def test_sex_and_age_words_in_more_languages_are_read(write_csv, sex, age) -> None:
    path = write_csv(
        f"Sample,Geslacht,Leeftijd,Test,Result,Unit\nS1,{sex},{age},Ferritin,250,ng/mL\n"
    )
    [result] = results_of(path, ranges="mayo-adult")
    assert result.status.value != "indeterminate" and result.reference is not None


# --- lab QA round 11: a wide header's blood, method or 'result' word after its unit ------------


@pytest.mark.parametrize(
    "words", ["serum", "plasma", "EDTA", "(Serum)", "Siero", "sérum", "EDTA plasma", "Ergebnis",
              "Elecsys", "Luminex", "- ELISA"],
)  # fmt: skip
def test_a_blood_or_method_word_after_a_wide_header_s_unit_is_read(write_csv, words) -> None:
    """Three high cytokines were dropped with 'not a known marker or field', exit 0."""
    path = write_csv(f"Sample ID,IL-6 (pg/mL) {words},IL-8 (pg/mL)\nP-01,45.0,5.0\n")
    assert [(r.marker, r.status.value) for r in results_of(path)] == [
        ("IL-6", "high"), ("IL-8", "normal"),
    ]  # fmt: skip


@pytest.mark.parametrize("words", ["CSF", "hs", "Flag", "corrected"])
def test_other_words_after_a_wide_header_s_unit_are_named_in_the_warning(write_csv, words) -> None:
    path = write_csv(f"Sample ID,IL-6 (pg/mL) {words},IL-8 (pg/mL)\nP-01,45.0,5.0\n")
    assert [r.marker for r in results_of(path)] == ["IL-8"]
    [ignored] = [i for i in issues_of(path) if i.code == "column-ignored"]
    assert ignored.message == (
        f"column 'IL-6 (pg/mL) {words}' was not read: it names IL-6 in pg/mL with '{words}' "
        "after the unit, words that may say it holds no result of IL-6; if it holds IL-6's "
        "results, name it 'IL-6 (pg/mL)' to have them read"
    )


# --- lab QA round 11: a corrected or final result listed above the one it replaces -------------

NEWEST_FIRST = (
    "Accession,MRN,Collected,Test,Result,Units,Result Status\n"
    "26-092-0001,400200,2026-04-02 07:40,IL-6,2.0,pg/mL,Corrected\n"
    "26-092-0001,400200,2026-04-02 07:40,IL-8,5.0,pg/mL,Final\n"
    "26-092-0001,400200,2026-04-02 07:40,IL-6,45.0,pg/mL,Final\n"
    "26-092-0002,400201,2026-04-02 07:40,IL-10,2.0,pg/mL,Final result\n"
    "26-092-0002,400201,2026-04-02 07:40,IL-10,45.0,pg/mL,Preliminary result\n"
)


@pytest.mark.parametrize("short_path", [True, False])
def test_a_newer_result_listed_first_replaces_the_one_below_it(write_csv, short_path) -> None:
    """A Cerner export sorted newest first: the withdrawn IL-6 of 45 below its correction was
    judged, high, and set exit 1; so was a preliminary IL-10 below its final result."""
    path = write_csv(NEWEST_FIRST)
    results = results_of(path, short_path)
    # (the second sample's final result above its preliminary one is no sign of order: only a
    # correction in its own sample would be, review 54b)
    assert [(r.line, r.marker, r.status.value) for r in results] == [
        (2, "IL-6", "normal"), (3, "IL-8", "normal"), (5, "IL-10", "normal"),
        (6, "IL-10", "high"),
    ]  # fmt: skip
    assert results[0].note == (
        "the lab's corrected result; it replaces '45 pg/mL' on line 4, below it"
    )
    issues = issues_of(path, short_path)
    superseded = [i for i in issues if i.code == "result-superseded"]
    assert [i.line for i in superseded] == [4]
    assert superseded[0].message == (
        "IL-6 '45 pg/mL' on this line (high) was replaced by the lab's corrected result above "
        "it, on line 2 ('2 pg/mL'; the file lists newer results first); only the corrected "
        "result is judged"
    )
    assert not [
        i for i in issues if i.code in ("marker-repeated", "result-preliminary") and i.line == 4
    ]


def test_a_newer_result_listed_first_exits_0_on_the_command_line(write_csv) -> None:
    path = write_csv("".join(NEWEST_FIRST.splitlines(keepends=True)[:4]))  # the first sample
    assert CliRunner().invoke(app, ["check", path, "--format", "json"]).exit_code == 0


# --- lab QA round 11: a rerun's result column --------------------------------------------------

RERUN = (
    "Sample ID;Test;Result;Unit;Data Flag;Rerun Result;Rerun Unit\n"
    "260402-001;IL6;1,9;pg/mL;SampleCl;48,3;pg/mL\n"
    "260402-002;IL6;2,2;pg/mL;;;\n"
    "260402-003;IL6;2,0;pg/mL;;-;\n"
    "260402-004;IL6;2,0;pg/mL;;4,0;ng/mL\n"
)


@pytest.mark.parametrize("short_path", [True, False])
def test_a_rerun_s_result_is_the_row_s_value(write_csv, short_path) -> None:
    """cobas' rerun of a clotted sample, 48.3, was unread and the first run's 1.9 judged normal
    (exit 0)."""
    path = write_csv(RERUN)
    results = results_of(path, short_path)
    assert [(r.sample_id, r.value, r.status.value) for r in results] == [
        ("260402-001", 48.3, "high"), ("260402-002", 2.2, "normal"),
        ("260402-003", 2.0, "normal"),
    ]  # fmt: skip
    issues = issues_of(path, short_path)
    [read] = [i for i in issues if i.code == "value-rerun-read"]
    assert (read.line, read.column, read.message) == (
        2, "Rerun Result",
        "the rerun's result '48,3' was read as the row's value, in place of the first run's '1,9'",
    )  # fmt: skip
    [conflict] = [i for i in issues if i.code == "unit-conflict"]
    assert (conflict.line, conflict.severity) == (5, "error")


def test_a_repeat_beside_a_reported_result_is_not_read(write_csv) -> None:
    path = write_csv(
        "Accession,Test,Initial Result,Repeat Result,Reported Result,Units\n"
        "A1,IL-6,48.3,2.1,2.1,pg/mL\n"
    )
    [result] = results_of(path)
    assert result.value == 2.1
    said = {i.column: i.message for i in issues_of(path) if i.code == "column-ignored"}
    assert said["Repeat Result"] == (
        "column 'Repeat Result' was not read: column 'Reported Result' gives the lab's result "
        "after any rerun already"
    )


# --- lab QA round 11: a labelled note of several cells -----------------------------------------

NOTES = (
    "Sample ID,Test,Result,Units\nS1,IL-6,2.0,pg/mL\n"
    "Reference ranges: IL-6 < 7.0 pg/mL, TNF-α < 8.1 pg/mL, IL-10 < 9.1 pg/mL\n"
    "S2,IL-6,45.0,pg/mL\n"
    "Method: Ella Simple Plex, lot 1234, CV 6.2%\n"
    "Approved by J. Smith, MD, 2026-04-03\n"
)


@pytest.mark.parametrize("short_path", [True, False])
def test_a_labelled_note_of_several_cells_is_skipped_as_a_note(write_csv, short_path) -> None:
    """The unquoted ranges line was taken for another header (the high IL-6 below it unread,
    exit 2), and the signature line refused as a row."""
    path = write_csv(NOTES)
    assert [(r.sample_id, r.status.value) for r in results_of(path, short_path)] == [
        ("S1", "normal"), ("S2", "high"),
    ]  # fmt: skip
    issues = issues_of(path, short_path)
    assert [(i.line, i.code) for i in issues] == [
        (3, "page-line-skipped"), (5, "page-line-skipped"), (6, "page-line-skipped"),
    ]  # fmt: skip
    assert issues[2].message == (
        "this line is a note or a title, not a result: 'Approved by J. Smith, MD, 2026-04-03'; "
        "it was not read as a result, but it may be about the results near it"
    )


def test_a_labelled_note_reads_alike_in_batches(write_csv) -> None:
    path = write_csv(NOTES)
    codes = [
        getattr(event, "code", None) or event.status.value
        for event in batch_events_of(read_batches(path, rows_per_batch=1))
    ]
    assert codes == [
        "normal",
        "page-line-skipped",
        "high",
        "page-line-skipped",
        "page-line-skipped",
    ]


# --- lab QA round 11: more ways of writing a date ----------------------------------------------


@pytest.mark.parametrize(
    ("written", "read"),
    [("2 avr. 2026", datetime(2026, 4, 2)), ("2 aprile 2026", datetime(2026, 4, 2)),
     ("2 de abril de 2026", datetime(2026, 4, 2)), ("02-abr-2026", datetime(2026, 4, 2)),
     ("02-Mrz-2026", datetime(2026, 3, 2)), ("5 déc. 2026", datetime(2026, 12, 5)),
     ("1 maart 2026", datetime(2026, 3, 1)), ("Apr  2 2026  7:40AM", datetime(2026, 4, 2, 7, 40)),
     ("02APR2026:07:40:00", datetime(2026, 4, 2, 7, 40)), ("02APR2026", datetime(2026, 4, 2)),
     ("15/04/2026 07h40", datetime(2026, 4, 15, 7, 40))],
)  # fmt: skip
def test_more_ways_of_writing_a_date_are_read(written, read) -> None:
    assert read_date(written) == read


def test_two_days_a_date_may_be_are_named_in_english(write_csv) -> None:
    """The months of other languages are read, but said in English ('2 April', not 'Aprile')."""
    path = write_csv("sample_id,collected_at,marker,value,unit\nS1,02/04/2026 07h40,IL-6,1,pg/mL\n")
    [said] = [i for i in issues_of(path) if i.code == "date-ambiguous"]
    assert "may be 2 April or 4 February 2026" in said.message


# --- educator QA round 11: explain ------------------------------------------------------------


@pytest.mark.parametrize(
    "words", [["what", "does", "IL-6", "mean"], ["why", "is", "my", "IL-6", "high"],
              ["high", "IL-6"], ["IL-6", "normal", "range"]],
)  # fmt: skip
def test_a_student_s_question_about_a_marker_is_answered(words) -> None:
    shown = CliRunner().invoke(app, ["explain", *words])
    assert shown.exit_code == 0 and shown.output.startswith("IL-6\n")


def test_a_marker_among_other_words_is_named_in_the_error() -> None:
    shown = CliRunner().invoke(app, ["explain", "TNF", "receptor"])
    assert shown.exit_code == 2
    assert shown.stderr == (  # another molecule than TNF-α (educator QA round 22)
        "panelcli: no explanation for 'TNF receptor': it names another molecule or test than "
        "TNF-α, which panelcli has no text for; panelcli explains TNF-α itself (panelcli "
        "explain TNF-α); panelcli explain with no name explains the words a report uses\n"
    )


def test_explain_all_explains_every_marker(tmp_path) -> None:
    """As 'demo all' lists the samples: a teacher's handout of every marker was refused."""
    page = tmp_path / "all.html"
    shown = CliRunner().invoke(app, ["explain", "all", "--export", str(page)])
    assert shown.exit_code == 0
    assert shown.stdout.startswith("IL-1β\n") and "\nFerritin\n" in shown.stdout
    assert "<title>IL-1β, IL-2, sIL-2R, IL-4, IL-5 and more explained (panelcli)</title>" in (
        page.read_text(encoding="utf-8")
    )


@pytest.mark.parametrize("args", [["explain", "IL-6"], ["explain"], ["demo"], ["ranges", "show"]])
def test_every_explanation_and_list_says_it_is_no_diagnosis(args) -> None:
    """Educator QA round 11: 'explain' and its handout never said it only informs."""
    shown = CliRunner().invoke(app, args)
    assert shown.exit_code == 0
    assert " ".join(shown.stdout.split()).endswith(
        "This is only here to inform you. It is not a diagnosis. Talk with your healthcare "
        "provider about what a result means for you."
    )


def test_a_row_s_note_marks_are_in_order_and_apart(tmp_path) -> None:
    """Educator QA round 11: '1.9 × upper limit²¹' read as the power 21, and '³²¹' as a number."""
    path = tmp_path / "fn.csv"
    path.write_text("marker,value\nIL-6,12\nTNF-α,8\nIL-10,3\nIFN-γ,20\n", encoding="utf-8")
    shown = CliRunner().invoke(
        app, ["check", str(path), "--ranges", "mayo-adult", "--assume-unit", "pg/mL"]
    )
    assert "1.9 × upper limit¹,² " in shown.stdout and "│ ¹,²,³ " in shown.stdout


class _Terminal(io.StringIO):
    """A stderr that is a terminal."""

    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return 2


def test_a_table_piped_to_a_pager_is_as_wide_as_the_terminal(monkeypatch, tmp_path) -> None:
    """Educator QA round 11: 'panelcli demo … | less' on an 80-column screen was 100 wide, each
    row wrapped in two."""
    from panelcli.render.console import make_console

    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(sys, "stderr", _Terminal())
    monkeypatch.setattr(os, "get_terminal_size", lambda fd=1: os.terminal_size((72, 24)))
    read_end, write_end = os.pipe()
    with os.fdopen(read_end), os.fdopen(write_end, "w") as pipe, monkeypatch.context() as m:
        m.setattr(sys, "stdout", pipe)  # '| less'
        assert make_console().width == 72
        assert make_console(plain=True).width == 100  # -o's file: as before
    with open(tmp_path / "report.txt", "w") as file, monkeypatch.context() as m:
        m.setattr(sys, "stdout", file)  # '> report.txt': as -o writes it
        assert make_console().width == 100
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # no terminal anywhere (CI, a script)
    assert make_console().width == 100


# --- educator QA round 11: a beginner's header -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "said"),
    [("marker value unit\nIL-6 12 pg/mL\n",
      "the header on line 1 ('marker value unit') puts spaces between its columns, which "
      "panelcli does not read as columns: put a comma between them ('marker,value,unit'), and "
      "between the cells of each row"),
     ("Name,Concentration,unit\nIL-6,12,pg/mL\n",
      "the header on line 1 has a value column ('Concentration') but no marker column (name it "
      "'marker' or 'analyte')")],
)  # fmt: skip
def test_a_beginner_s_header_is_told_what_to_change(tmp_path, text, said) -> None:
    """Both got 'no header with marker and value columns found (expected columns such as
    'marker' and 'value' …)', the words the first header has."""
    path = tmp_path / "mine.csv"
    path.write_text(text, encoding="utf-8")
    shown = CliRunner().invoke(app, ["check", str(path)])
    assert (shown.exit_code, shown.stderr) == (2, f"panelcli: {path}: {said}\n")


def test_a_console_reads_no_markup_in_plain_strings() -> None:
    """Code review 11: safety rested on every print remembering `inert`."""
    from panelcli.render.console import make_console

    out = io.StringIO()
    make_console(out).print("[bold red]x[/]")
    assert out.getvalue() == "[bold red]x[/]\n"


# --- developer QA round 11 ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["r" * 245 + ".json", "名" * 80 + ".json"])
def test_o_writes_a_file_name_the_folder_takes(tmp_path, name) -> None:
    """A name of 242 to 255 bytes, which '>' writes, was 'File name too long': the temporary
    file's name added 14 bytes to it."""
    data = tmp_path / "in.csv"
    data.write_text("marker,value,unit\nIL-6,1,pg/mL\n", encoding="utf-8")
    shown = CliRunner().invoke(app, ["check", str(data), "-o", str(tmp_path / name)])
    assert shown.exit_code == 0, shown.stderr
    assert json.loads((tmp_path / name).read_text(encoding="utf-8"))["totals"]["results"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["in.csv", name])


@pytest.mark.parametrize(
    "twice",
    [["--assume-unit", "pg/mL", "--assume-unit", "pg/ml"],
     ["-r", "mayo-adult", "-r", "reference_ranges/mayo-adult.toml"]],
)  # fmt: skip
def test_one_unit_or_set_written_two_ways_is_one_value(tmp_path, monkeypatch, twice) -> None:
    """Developer QA round 11: each was refused as 'given twice', as exit-codes.md says one
    value written two ways is not."""
    monkeypatch.chdir(Path(__file__).parent.parent)
    data = tmp_path / "nu.csv"
    data.write_text("marker,value,unit\nIL-6,1,pg/mL\n", encoding="utf-8")
    shown = CliRunner().invoke(app, ["check", str(data), "-q", *twice])
    assert shown.exit_code == 0, shown.output


def _one_slip_apart_by_brute_force(a: str, b: str) -> bool:
    """Whether `b` is among every word one keystroke from `a` makes (other than `a`)."""
    letters = set(a + b)
    made = {a[:i] + a[i + 1 :] for i in range(len(a))}  # a letter left out
    made |= {a[:i] + c + a[i:] for i in range(len(a) + 1) for c in letters}  # one added
    made |= {a[:i] + c + a[i + 1 :] for i in range(len(a)) for c in letters}  # one wrong
    made |= {a[:i] + a[i + 1] + a[i] + a[i + 2 :] for i in range(len(a) - 1)}  # two swapped
    return b != a and b in made


@given(st.text("abt", max_size=7), st.text("abt", max_size=7))
def test_the_quick_one_slip_check_agrees_with_brute_force(a, b) -> None:
    """Developer QA round 11: the spelling hint took 0.6 ms a name; its shortcut must not
    change which names are one keystroke apart."""
    assert _one_slip_apart(a, b) == _one_slip_apart_by_brute_force(a, b)


def test_a_name_with_a_letter_left_off_is_hinted_as_before() -> None:
    index = {"il1b": "IL-1β", "il1a": "IL-1α", "il10": "IL-10", "ifng": "IFN-γ"}
    assert slip_named("il1", index) == "IL-1α or IL-1β"
    assert slip_named("infg", index) == "IFN-γ"
    assert slip_named("il66", index) is None


@pytest.mark.skipif(sys.platform == "win32", reason="a name of bytes that are not UTF-8 is POSIX")
def test_the_library_refuses_a_file_name_that_is_not_utf8_as_the_cli_does(tmp_path) -> None:
    """Developer QA round 11: check_file() of such a name (as glob gives it) returned a report
    whose model_dump_json() raised, far from the cause."""
    from panelcli import check_file

    name = os.fsdecode(b"r\xff.csv")
    path = tmp_path / name
    try:
        path.write_text("marker,value,unit\nIL-6,1,pg/mL\n", encoding="utf-8")
    except OSError:
        pytest.skip("this file system takes only UTF-8 names")
    report = check_file(str(path))
    [refused] = report.rejected
    assert refused.code == "file-unreadable" and refused.source.endswith("r\\xff.csv")
    assert json.loads(report.model_dump_json())["totals"]["rejected"] == 1


@pytest.mark.skipif(sys.platform == "win32", reason="links and named pipes as POSIX makes them")
def test_a_broken_link_or_a_pipe_in_your_sets_folder_is_said_not_read(
    tmp_path, monkeypatch
) -> None:
    """Developer QA round 11: a link to a share that is not mounted was left out of 'ranges
    list' without a word, and '--ranges lab' said only 'no reference set named'."""
    folder = tmp_path / "cfg" / "panelcli" / "ranges"
    folder.mkdir(parents=True)
    (folder / "lab.toml").symlink_to(tmp_path / "share" / "lab.toml")
    os.mkfifo(folder / "pipe.toml")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.delenv("PANELCLI_CONFIG_DIR", raising=False)
    listed = CliRunner().invoke(app, ["ranges", "list"])
    target = tmp_path / "share" / "lab.toml"
    assert (
        f"panelcli: not read: '{folder / 'lab.toml'}' is a link to '{target}', which is not "
        "there (a share that is not mounted?)"
    ) in listed.stderr
    assert f"'{folder / 'pipe.toml'}' is not a file but a named pipe or a device" in listed.stderr
    data = tmp_path / "a.csv"
    data.write_text("marker,value,unit\nIL-6,1,pg/mL\n", encoding="utf-8")
    chosen = CliRunner().invoke(app, ["check", str(data), "-r", "lab"])
    assert chosen.exit_code == 2 and "which is not there" in chosen.stderr


@pytest.mark.parametrize(
    ("written", "sent"),
    [("2026-03-13 08:30:15.5 GMT", "2026-03-13T08:30:15.500000Z"),
     ("2026-03-13 08:30:15.123 UTC", "2026-03-13T08:30:15.123000Z"),
     ("2026-03-13T08:30:15,5Z", "2026-03-13T08:30:15.500000Z"),
     ("20260313083015.1234+0100", "2026-03-13T07:30:15.123400Z"),
     ("2026-03-13 08:30:15.123 +0100", "2026-03-13T08:30:15.123+01:00"),
     ("2026-03-13 08:30 UTC", "2026-03-13T08:30:00Z")],
)  # fmt: skip
def test_fhir_keeps_a_collection_time_s_fraction_of_a_second(written, sent) -> None:
    """Developer QA round 11: the fraction was dropped with no note, and a space before the
    offset ('.123 +0100') made the date unreadable."""
    assert fhir.fhir_datetime(written) == (sent, None)


def test_a_fraction_of_a_second_before_a_spaced_offset_is_read() -> None:
    assert read_date("2026-03-13 08:30:15.123 +0100") == datetime(2026, 3, 13, 7, 30, 15, 123000)
    assert read_date("2026-03-13 +0100") is None  # no time: the offset of nothing


# --- review 54: fixes of this session's changes ------------------------------------------------


@pytest.mark.parametrize("short_path", [True, False])
def test_a_repeat_column_that_gives_no_rerun_s_result_leaves_the_value(
    write_csv, short_path
) -> None:
    """Review 54: a yes/no or count 'Repeat' column's 0 and 1 replaced IL-6 30 and IL-8 20
    (exit 0), and a rerun cell 'Not done' dropped the first run's high result."""
    path = write_csv(
        "sample_id,marker,value,unit,Repeat\nS1,IL-6,30.0,pg/mL,0\nS1,IL-8,20.0,pg/mL,Y\n"
    )
    assert [r.value for r in results_of(path, short_path)] == [30.0, 20.0]
    path = write_csv(
        "sample_id,marker,value,unit,Rerun Result\nS1,IL-6,30.0,pg/mL,Not done\n"
        "S1,IL-8,20.0,pg/mL,-\n"
    )
    assert [r.value for r in results_of(path, short_path)] == [30.0, 20.0]
    [said] = [i for i in issues_of(path, short_path) if i.code == "value-rerun-read"]
    assert (said.line, said.message) == (
        2,
        "the rerun's cell 'Not done' gives no result; the first run's '30.0' was judged",
    )


@pytest.mark.parametrize("short_path", [True, False])
def test_a_result_row_whose_first_cell_is_a_labelled_comment_is_read(write_csv, short_path) -> None:
    """Review 54: a first column of comments ('Note: hemolysed') made the row a note line, and
    its high IL-6 was lost (exit 0)."""
    path = write_csv(
        "Comment,sample_id,marker,value,unit\nNote: hemolysed,S1,IL-6,45.0,pg/mL\n"
        ",S1,IL-8,3.0,pg/mL\nValidated by JS,S2,IL-6,60,pg/mL\n"
    )
    assert [(r.sample_id, r.value) for r in results_of(path, short_path)] == [
        ("S1", 45.0), ("S1", 3.0), ("S2", 60.0),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "header",
    ["N° Demande,N° Échantillon", "Sample ID,Nº Petición", "Paciente,Nº Historia",
     "Patient,IPP", "Paziente,Codice Paziente"],
)  # fmt: skip
def test_a_request_or_chart_number_beside_another_id_is_no_second_id(write_csv, header) -> None:
    """Review 54: such headers were refused as naming two sample (or patient) id columns."""
    path = write_csv(f"{header},marker,value,unit\nE001,900123,IL-6,45,pg/mL\n")
    [result] = results_of(path)
    assert result.status.value == "high"


@pytest.mark.parametrize(
    "text",
    [
        # a preliminary repeat after a final result, in a file with no sign of newest first
        "sample_id,collected_at,marker,value,unit,status\n"
        "S1,2026-04-02 08:00,IL-6,2.0,pg/mL,Final\nS1,2026-04-02 08:00,IL-8,4.0,pg/mL,Final\n"
        "S1,2026-04-02 08:00,IL-6,45,pg/mL,Preliminary\n",
        # a correction that replaced the result above it: the file lists oldest first
        "sample_id,collected_at,marker,value,unit,status\n"
        "S1,2026-04-02 08:00,IL-6,2.0,pg/mL,Final\nS1,2026-04-02 08:00,IL-6,2.2,pg/mL,Corrected\n"
        "S1,2026-04-02 08:00,IL-6,45,pg/mL,Final\n",
    ],
)
@pytest.mark.parametrize("short_path", [True, False])
def test_an_oldest_first_file_keeps_a_later_result(write_csv, text, short_path) -> None:
    """Review 54 of 2ed5627: the later high 45 was dropped as replaced by a result above it,
    'the file lists newer results first', in files listed oldest first (exit 1 became 0)."""
    path = write_csv(text)
    assert 45.0 in [r.value for r in results_of(path, short_path)]


@pytest.mark.parametrize(
    "row",
    ["S1,IL-8,0.021,µg/L,Repetir en 1 ó 2 semanas", "S1,IL-8,0.021,µg/L,Let hæmolyseret",
     "S1,IL-8,21,pg/mL,Nº 3 ó 4 at 37°C"],
)  # fmt: skip
def test_a_windows_1252_file_with_dos_like_bytes_stays_windows_1252(write_csv, row) -> None:
    """Review 54 of 22aa8ba: 'ó' between numbers or 'æ' before 'm' counted as code page 437's
    signs, so 'µg/L' was read as '╡g/L' and refused."""
    path = write_csv(f"sample_id,marker,value,unit,comment\n{row}\n".encode("cp1252"))
    [result] = results_of(path)
    assert (result.value, result.unit) == (21.0, "pg/mL")
    [fallback] = [i for i in issues_of(path) if i.code == "encoding-fallback"]
    assert "read as Windows-1252" in fallback.message


def test_a_dos_file_with_german_sz_is_read_as_code_page_437(write_csv) -> None:
    """Review 54: 'Groß' (437's 'ß' is Windows-1252's 'á') kept a DOS file Windows-1252, its
    '≤ 8.1' unread and TNF-α 10 normal."""
    text = "sample_id,patient,marker,value,unit,range\nS1,Groß,TNF-α,10.0,pg/mL,≤ 8.1\n"
    [result] = results_of(write_csv(text.encode("cp437")))
    assert (result.patient_id, result.status.value) == ("Groß", "high")


def test_a_patient_named_like_a_summary_is_judged(write_csv) -> None:
    """Review 54: 'Somma' in a patient column with no sample id was skipped as a summary."""
    path = write_csv(
        "Paziente,Analita,Risultato,Unità\nSomma,IL-6,15.0,pg/mL\nRossi,IL-6,1.0,pg/mL\n"
    )
    assert [r.patient_id for r in results_of(path)] == ["Somma", "Rossi"]


def test_a_marker_cell_range_from_0_agrees_with_the_same_range_below_its_high(write_csv) -> None:
    """Review 54: '[0-7.0]' beside '<7.0' was said to disagree."""
    path = write_csv("sample_id,marker,value,unit,range\nS1,IL-6 (pg/mL) [0-7.0],3.5,pg/mL,<7.0\n")
    assert not [i for i in issues_of(path) if "marker cell" in i.message]


def test_high_sensitivity_crp_keeps_its_high() -> None:
    """Review 54: 'high' was taken off as a question's word, and the hint quoted 'sensitivity
    CRP'."""
    shown = CliRunner().invoke(app, ["explain", "high", "sensitivity", "CRP"])
    assert "no explanation for 'high sensitivity CRP' (did you mean CRP?)" in shown.stderr


# --- review 54b: fixes of review 54's fixes ----------------------------------------------------


@pytest.mark.parametrize("rows_per_batch", [1, 50_000])
def test_newest_first_is_learnt_per_sample_so_every_path_agrees(write_csv, rows_per_batch) -> None:
    """Review 54b: S1's correction above its original made S2's later preliminary 45 'replaced'
    in one process, but not in batches or a second process, which start at a sample."""
    path = write_csv(
        "sample_id,marker,value,unit,status\nS1,IL-6,2.2,pg/mL,Corrected\nS1,IL-6,2.0,pg/mL,Final\n"
        "S2,IL-6,2.0,pg/mL,Final\nS2,IL-6,45,pg/mL,Preliminary\n"
    )
    checked = [(r.line, r.value) for r in results_of(path)]
    batched = [(e.line, e.value) for e in batch_results_of(path, rows_per_batch)]
    assert checked == batched == [(2, 2.2), (4, 2.0), (5, 45.0)]


def test_a_correction_that_may_replace_one_above_replaces_none_below(write_csv) -> None:
    """Review 54b: a correction that could not tell which of two results above it replaces
    took the later high 45 below it as replaced (exit 0)."""
    path = write_csv(
        "sample_id,marker,value,unit,status\nS1,IL-6,2.0,pg/mL,Final\nS1,IL-6,2.1,pg/mL,Final\n"
        "S1,IL-6,2.2,pg/mL,Corrected\nS1,IL-6,45,pg/mL,Final\n"
    )
    assert 45.0 in [r.value for r in results_of(path)]


@pytest.mark.parametrize("rerun", ["48.3*", "~48.3", "48.3 (extrapolated)"])
def test_a_rerun_cell_with_a_number_is_the_row_s_value_refused_or_not(write_csv, rerun) -> None:
    """Review 54b: a starred or approximate rerun was taken for 'no result', and the first run's
    normal 1.9 judged (exit 0); it is refused, as the value column refuses it."""
    path = write_csv(f'sample_id,marker,value,Rerun Result,unit\nS1,IL-6,1.9,"{rerun}",pg/mL\n')
    assert results_of(path) == []
    assert [i.severity for i in issues_of(path) if i.line == 2 and i.severity == "error"]


def test_a_comment_first_row_with_no_value_is_a_row_not_a_note(write_csv) -> None:
    """Review 54b: 'Note: clotted - rerun' beside a blank value and a rerun's 48.3 was skipped as
    a note line (the file refused), and a QNS row called 'a note or a title'."""
    path = write_csv(
        "Comment,sample_id,marker,value,Rerun Result,unit\n"
        "Note: clotted - rerun,S1,IL-6,,48.3,pg/mL\nNote: hemolysed,S1,IL-8,,,pg/mL\n"
    )
    [result] = results_of(path)
    assert (result.value, result.status.value) == (48.3, "high")
    codes = [i.code for i in issues_of(path)]
    assert "page-line-skipped" not in codes and "result-not-given" in codes
