"""A plate's statistics footer and its standards' replicate wells are not patients' samples.

QA: 'Mean:', 'S.D.', 'CV (%)', 'Std1 Rep 2' and 'QC1 Low' were judged as patients, thousands of
times over the limit (exit 1), and `validate` said nothing.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.check import CheckOptions, Interpreter
from panelcli.cli import app
from panelcli.models import Issue, Result
from panelcli.ranges import load_ranges
from panelcli.reading import not_a_patient_id

runner = CliRunner()

SKIPPED = [
    "Mean:", "Average:", "Total:", "S.D.", "CV (%)", "Geometric Mean", "Mean ± SD", "n=2",
    "n\u00a0=\u00a03", "Anzahl", "Summe", "StdAbw", "Moyenne", "Écart-type", "Promedio",
    "Std1 Rep 1", "Std1 Rep 2", "Std 1 (1:4)", "Std1-1", "Std.1", "Standard 1 dup",
    "Blank Rep 2", "QC1 Low", "Kit Control 1",
    # the assay's limits, as plate and Olink-style exports end with them (QA: 'ULOQ', 5000,
    # was a sample 2,000 times the upper limit)
    "LLOQ", "ULOQ", "LOD", "LOQ:", "Lower Limit of Quantification", "Limit of detection",
    "Upper LOQ", "Lower LOQ", "ULOQ (pg/mL)", "LLOQ [pg/mL]",  # review
    "(LLOQ)", "[ULOQ]", "_LOD",  # review: punctuation before the label
]  # fmt: skip
#: Accession numbers and names that only start like a standard's or a summary's ('N': samples
#: may be lettered A, B … N).
KEPT = [
    "CAL-123-4", "STD-2026-1", "Cal12-3456", "Stdr", "Control 7", "Kontrolle 1", "Nina",
    "Median-01", "PT-01", "N2", "N", "LOD-2026-17", "Lodge",
]  # fmt: skip


def events(tmp_path: Path, text: str, short: bool = True) -> list[Result | Issue]:
    path = tmp_path / "plate.csv"
    path.write_text(text, encoding="utf-8")
    interpreter = Interpreter(load_ranges(None), CheckOptions(), short_path=short)
    return list(interpreter.events([str(path)]))


@pytest.mark.parametrize("sample_id", SKIPPED)
def test_a_summary_or_standard_well_is_skipped_in_a_wide_file(
    tmp_path: Path, sample_id: str
) -> None:
    read = events(tmp_path, f"Sample ID;IL-6 (pg/mL)\nP1;1,2\n{sample_id};5000\n")
    assert [r.sample_id for r in read if isinstance(r, Result)] == ["P1"]
    assert [(i.code, i.line) for i in read if isinstance(i, Issue)] == [("control-skipped", 3)]


@pytest.mark.parametrize("sample_id", SKIPPED)
def test_a_summary_or_standard_well_is_skipped_in_a_long_file(
    tmp_path: Path, sample_id: str
) -> None:
    read = events(
        tmp_path, f"sample_id,marker,value,unit\n{sample_id},IL-6,5000,pg/mL\nP1,IL-6,1,pg/mL\n"
    )
    assert [(i.code, i.line) for i in read if isinstance(i, Issue)] == [("control-skipped", 2)]
    assert [r.sample_id for r in read if isinstance(r, Result)] == ["P1"]


@pytest.mark.parametrize("sample_id", KEPT)
def test_a_sample_named_like_one_is_judged(tmp_path: Path, sample_id: str) -> None:
    assert not_a_patient_id(sample_id) is None
    read = events(tmp_path, f"sample_id,marker,value,unit\n{sample_id},IL-6,50,pg/mL\n")
    assert [(r.sample_id, r.status) for r in read if isinstance(r, Result)] == [(sample_id, "high")]


def test_a_long_file_s_footer_with_the_statistic_in_the_marker_column_is_skipped(
    tmp_path: Path,
) -> None:
    """'Mean' under the marker column was judged no_reference, as a marker called 'Mean'."""
    read = events(
        tmp_path, "sample_id;marker;value;unit\nP1;IL-6;3;pg/mL\n;Mean;4;pg/mL\n;S.D.;1;pg/mL\n"
    )
    assert [r.marker for r in read if isinstance(r, Result)] == ["IL-6"]
    skipped = [i for i in read if isinstance(i, Issue)]
    assert [(i.code, i.line) for i in skipped] == [("control-skipped", 3), ("control-skipped", 4)]
    assert "a summary of other rows (marker 'Mean')" in skipped[0].message


def test_a_footer_s_mean_of_a_marker_is_skipped_where_rows_name_their_samples(
    tmp_path: Path,
) -> None:
    """QA: ',IL-6 Mean,5.0' under samples A and B was judged as a result of no sample (high,
    exit 1) beside its 'IL-6 SD' skipped. In a file with no sample column it is the one
    sample's mean; there it is judged, and a repeat is said in line order."""
    read = events(
        tmp_path,
        "Sample ID,Marker,Value,Unit\nA,IL-6,1.0,pg/mL\nB,IL-6,9.0,pg/mL\n,,,\n"
        ",IL-6 Mean,5.0,pg/mL\n,IL-6 SD,5.7,pg/mL\n",
    )
    assert [(r.sample_id, r.line) for r in read if isinstance(r, Result)] == [("A", 2), ("B", 3)]
    assert [(i.code, i.line) for i in read if isinstance(i, Issue)] == [
        ("control-skipped", 5), ("figure-skipped", 6)
    ]  # fmt: skip
    alone = events(tmp_path, "marker;value;unit\nIL-6 Mean;5,0;pg/mL\nIL-6;5,0;pg/mL\n")
    assert [r.line for r in alone if isinstance(r, Result)] == [3, 2]
    [repeated] = [i for i in alone if isinstance(i, Issue) and i.code == "marker-repeated"]
    assert "IL-6 is measured again on line 2 (also on line 3, read first)" in repeated.message


@pytest.mark.parametrize(
    "label", ["Durchschnitt", "Mínimo", "Máximo", "Total général", "Gesamtsumme", "Grand Total"]
)
def test_everyday_and_grand_total_words_name_summary_rows(tmp_path: Path, label: str) -> None:
    """QA: German, French and Spanish Excel's 'Durchschnitt', 'Total général' and the like were
    samples of their own, judged high (exit 1), where 'Mittelwert' and 'Summe' were skipped."""
    read = events(
        tmp_path, f"Probe;Analyt;Ergebnis;Einheit\nK-1;IL-6;1,0;pg/ml\n{label};IL-6;9,0;pg/ml\n"
    )
    assert [r.sample_id for r in read if isinstance(r, Result)] == ["K-1"]
    assert [(i.code, i.line) for i in read if isinstance(i, Issue)] == [("control-skipped", 3)]


def test_a_footer_s_label_in_the_date_column_names_a_summary_row(tmp_path: Path) -> None:
    """QA: ';Mittelwert;1,5;11,00' and ';Summe:;3,0;22,00' under a wide header were samples
    'line 4' and 'line 5' of unreadable dates, their sums judged high."""
    read = events(
        tmp_path,
        "Probe;Entnahmedatum;IL-6 [pg/ml];IL-8 [pg/ml]\nK-001;03.02.2026;1,0;12,00\n"
        ";Mittelwert;1,5;11,00\n;Summe:;3,0;22,00\n",
    )
    assert {r.sample_id for r in read if isinstance(r, Result)} == {"K-001"}
    skipped = [(i.code, i.line) for i in read if isinstance(i, Issue)]
    assert skipped == [("control-skipped", 3), ("control-skipped", 4)]
    # 'MW' too, which a sample may be called but no date (QA); never a patient's name (review:
    # patients Max and Maximo were skipped), nor in a long file, whose footers name markers
    mw = events(tmp_path, "Probe;Datum;IL-6 [pg/ml]\nA;02.03.2026;1,5\n;MW;2,0\n")
    assert [(i.code, i.line) for i in mw if isinstance(i, Issue)] == [("control-skipped", 3)]
    named = events(tmp_path, "Patient Name,IL-6 (pg/mL)\nMax,30\nMaximo,3\nMin,4\n")
    assert [r.patient_id for r in named if isinstance(r, Result)] == ["Max", "Maximo", "Min"]


@pytest.mark.parametrize("short", [True, False])
def test_a_long_footer_s_median_or_bracketed_mean_is_skipped(tmp_path: Path, short: bool) -> None:
    """QA: ',IL-6 Median', ',IL-6 (Mean)' and ',IL-6 Mittelwert' under rows with sample ids
    were results of no sample, 'IL-6 (Mean)' with 'did you mean IL-6?'."""
    read = events(
        tmp_path,
        "sample_id,marker,value,unit\nA,IL-6,1.0,pg/mL\n,IL-6 Median,5.0,pg/mL\n"
        ",IL-6 (Mean),5.0,pg/mL\n,IL-6 Mittelwert,5.0,pg/mL\n"
        # review: the summary's word first, or after an underscore, or 'MW'
        ",Mean IL-6,5,pg/mL\n,Median (IL-6),5,pg/mL\n,IL-6_Median,5,pg/mL\n,IL-6 MW,5,pg/mL\n",
        short,
    )
    assert [r.line for r in read if isinstance(r, Result)] == [2]
    assert [(i.code, i.line) for i in read if isinstance(i, Issue)] == [
        ("control-skipped", line) for line in range(3, 10)
    ]


PLATE = """Sample ID,IL-6 (pg/mL),IL-8 (pg/mL)
Std1 Rep 1,5000,8000
Std1 Rep 2,5100,7900
QC1 Low,25,40
PT-01,1.2,3.0
PT-02,2.0,5.0
Mean:,1.6,4.0
S.D.,0.57,1.41
CV (%),35.4,35.4
n=2,2,2
"""


def test_a_plate_with_normal_patients_exits_0_and_validate_names_each_skipped_row(
    tmp_path: Path,
) -> None:
    path = tmp_path / "plate.csv"
    path.write_text(PLATE, encoding="utf-8")
    checked = runner.invoke(app, ["check", str(path), "--format", "csv"])
    assert checked.exit_code == 0, checked.output
    rows = list(csv.DictReader(io.StringIO(checked.stdout)))
    judged = {row["sample_id"] for row in rows if row["status"] not in ("warning", "notice")}
    assert judged == {"PT-01", "PT-02"}
    validated = runner.invoke(app, ["validate", str(path)])
    assert validated.exit_code == 0
    lines = [line for line in validated.stdout.splitlines() if "control-skipped" in line]
    assert [line.split(":")[1] for line in lines] == ["2", "3", "4", "7", "8", "9", "10"]


@pytest.mark.parametrize("sample_id", ["Std1 Rep 2", "NC12-3", "Std.1", "Cal 1 (1:4)"])
def test_a_type_naming_a_patient_s_sample_wins_over_a_replicate_like_id(
    tmp_path: Path, sample_id: str
) -> None:
    """Review: 'Std1 Rep 2' typed 'Patient' was skipped; the README says the type wins."""
    read = events(
        tmp_path,
        f"sample_id,sample_type,marker,value,unit\n{sample_id},Patient,IL-6,50,pg/mL\n",
    )
    assert [(r.sample_id, r.status) for r in read if isinstance(r, Result)] == [(sample_id, "high")]


@pytest.mark.parametrize("sample_id", ["PCR1", "CALR1", "NCR12", "QCR1"])
def test_an_id_ending_in_r_and_a_number_is_a_patient(tmp_path: Path, sample_id: str) -> None:
    """Review: a replicate tail 'R1' made 'PCR1' a positive control."""
    assert not_a_patient_id(sample_id) is None


def test_a_long_row_with_a_sample_and_a_summary_word_for_marker_is_still_judged(
    tmp_path: Path,
) -> None:
    """Only a footer (no sample, no patient) is a summary: 'S-0,SD' may be a marker panelcli
    does not know, shown as no_reference (property test), and a set's own 'Se' (selenium)
    is judged even on a row with no sample (review)."""
    ranges = tmp_path / "se.toml"
    ranges.write_text('[markers.Selenium]\nunit = "ug/L"\nhigh = 150\naliases = ["Se"]\n')
    data = tmp_path / "se.csv"
    data.write_text("sample_id,marker,value,unit\nS-0,SD,3,pg/mL\n,Se,200,ug/L\n")
    read = list(Interpreter(load_ranges(str(ranges)), CheckOptions()).events([str(data)]))
    assert [(r.marker, r.status) for r in read if isinstance(r, Result)] == [
        ("SD", "no_reference"), ("Selenium", "high")
    ]  # fmt: skip


def test_every_assay_limit_label_passes_the_quick_look_at_how_it_begins() -> None:
    """The first letter is looked at before the rest (once a sample, on every file)."""
    from panelcli.reading import _ASSAY_LIMIT_HEAD, _ASSAY_LIMIT_IDS

    assert all(_ASSAY_LIMIT_HEAD(label) for label in _ASSAY_LIMIT_IDS)


@pytest.mark.parametrize("short", [True, False])
def test_a_footer_s_label_in_the_patient_or_date_column_of_a_long_file_is_skipped(
    tmp_path: Path, short: bool
) -> None:
    """Review: with the label read only in a wide file's date column, ',,Mittelwert' and
    ',Mittelwert,' rows of long files (and ',Mean,' of wide ones) were results again; the short
    path had judged the second such row even before."""
    read = events(
        tmp_path,
        "sample_id,patient_id,collected_at,marker,value,unit\nS1,P1,2026-01-02,IL-6,1.0,pg/mL\n"
        ",,Mittelwert,IL-6,5.0,pg/mL\n,,Mittelwert,IL-8,5.0,pg/mL\n,Mean,,IL-6,5.0,pg/mL\n"
        ",Mean,,IL-8,5.0,pg/mL\n,Max,,IL-6,5.0,pg/mL\n",
        short,
    )
    assert [(r.line, r.patient_id) for r in read if isinstance(r, Result)] == [
        (2, "P1"), (7, "Max")
    ]  # fmt: skip
    assert [i.line for i in read if isinstance(i, Issue) and i.code == "control-skipped"] == [
        3, 4, 5, 6
    ]  # fmt: skip
    wide = events(tmp_path, "sample_id,patient_id,IL-6 (pg/mL)\nS1,P1,1.0\n,Mean,5.0\n")
    assert [(i.code, i.line) for i in wide if isinstance(i, Issue)] == [("control-skipped", 3)]
    # QA: a row naming a patient is a person's, whatever its date cell holds ('Total')
    named = events(
        tmp_path, "Sample ID;Patient ID;Collection Date;IL-6 (pg/mL)\nS1;P1;2026-03-02;3,5\n"
        ";P9;Total;30\n",
    )  # fmt: skip
    assert [(r.patient_id, r.line) for r in named if isinstance(r, Result)] == [
        ("P1", 2),
        ("P9", 3),
    ]


def test_a_patient_called_by_a_summary_word_keeps_their_results(tmp_path: Path) -> None:
    """Review: patients 'Sem', 'Suma', 'Media' (and initials 'SD' where the file has no sample
    column) lost every result as summary rows, and the run exited 0."""
    named = events(
        tmp_path,
        "Patient,Date,IL-6 (pg/mL)\nSem,2026-01-02,30\nSuma,2026-01-02,30\nMedia,2026-01-02,30\n",
    )
    assert [r.patient_id for r in named if isinstance(r, Result)] == ["Sem", "Suma", "Media"]
    long = events(
        tmp_path, "patient_id,collected_at,marker,value,unit\nSD,2026-01-01,IL-6,30,pg/mL\n"
    )
    assert [r.patient_id for r in long if isinstance(r, Result)] == ["SD"]
    # QA: a patient named 'Count', with no date, was a summary row: no result, exit 2
    for column in ("Patient Name", "patient_id"):
        counted = events(tmp_path, f"{column},marker,value,unit\nCount,IL-6,45,pg/mL\n")
        assert [r.patient_id for r in counted if isinstance(r, Result)] == ["Count"]


def test_a_file_with_no_sample_column_skips_its_footer_labels(tmp_path: Path) -> None:
    """Review: with the footer rule kept to files with a sample column, 'Mittelwert,,26.5' and
    'SD,,33' under Patient/Date became patients with high results (as ',MW,26.5' a sample)."""
    read = events(
        tmp_path,
        "Patient,Date,IL-6 (pg/mL)\nP1,2026-01-01,3\nSem,2026-01-02,50\nMittelwert,,26.5\n"
        "SD,,33\n,MW,26.5\n",
    )
    assert [r.patient_id for r in read if isinstance(r, Result)] == ["P1", "Sem"]
    skipped = [i.line for i in read if isinstance(i, Issue) and i.code == "control-skipped"]
    assert skipped == [4, 5, 6]


def test_a_value_cell_with_a_unit_does_not_stop_a_wide_file(tmp_path: Path) -> None:
    """Review: 'H 12 pg/mL' in a marker cell was taken for another header's, and the file
    stopped there, S3's IL-6 at 900 pg/mL unread."""
    read = events(
        tmp_path, "Sample ID,IL-6 (pg/mL),IL-8 (pg/mL)\nS1,3,4\nS2,H 12 pg/mL,5\nS3,900,9\n"
    )
    assert [(r.sample_id, r.marker) for r in read if isinstance(r, Result)][-1] == ("S3", "IL-8")
