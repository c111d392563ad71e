"""A lab technician's ninth QA round, and gaps the eighth left known."""

from __future__ import annotations

from datetime import datetime

import pytest
from judged import batch_results_of, issues_of, results_of

from panelcli.check import CheckOptions, Interpreter, build_report
from panelcli.models import Result
from panelcli.names import value_name
from panelcli.ranges import load_ranges
from panelcli.trends import TWO_DIGIT_YEAR, read_date, why_no_date
from panelcli.units import UnitProblem, conversion_exponent, unit_typo_of
from panelcli.values import parse_lab_range, parse_value

# --- a mark after a value: '12.3!', '12.3 ABN' ------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "number", "comparator", "flag"),
    [
        ("12.3!", 12.3, None, "A"), ("12.3 !", 12.3, None, "A"), ("12.3!!", 12.3, None, "A"),
        ("12.3 H!", 12.3, None, "H"), ("<2!", 2.0, "<", "A"), ("12.3 ABN", 12.3, None, "A"),
        ("12.3 Abnl", 12.3, None, "A"),
    ],
)  # fmt: skip
def test_a_mark_after_a_value_is_a_flag(cell, number, comparator, flag) -> None:
    """Known from round 8: '12.3!' and '12.3 ABN' were refused as not a number."""
    parsed = parse_value(cell)
    assert (parsed.number, parsed.comparator, parsed.flag) == (number, comparator, flag)


@pytest.mark.parametrize("cell", ["!", "!12", "ND!", "abc!", "12.3*"])  # ("12.3 H*": VA, round 14)
def test_a_mark_after_no_number_is_still_refused(cell) -> None:
    with pytest.raises(ValueError):
        parse_value(cell)


@pytest.mark.parametrize("short_path", [True, False])
def test_a_marked_value_is_judged_and_its_mark_quoted(write_csv, short_path) -> None:
    path = write_csv(
        "sample_id,marker,value,unit\nS1,IL-6,12.3 H!,pg/mL\nS1,TNF-a,12.3!,pg/mL\n"
        "S1,IL-10,12.3 ABN,pg/mL\n"
    )
    statuses = [(r.marker, r.value, r.status.value) for r in results_of(path, short_path)]
    assert statuses == [("IL-6", 12.3, "high"), ("TNF-α", 12.3, "normal"), ("IL-10", 12.3, "high")]
    said = [(i.code, i.line, i.message.split(";")[0]) for i in issues_of(path, short_path)]
    assert said == [
        ("value-flag-ignored", 2, "value '12.3 H!' ends in a lab's flag ('H!')"),
        ("value-flag-disagrees", 3, "the lab flagged TNF-α '12.3' as '!' (abnormal), but by the "
         "range panelcli uses it is normal"),
    ]  # fmt: skip


# --- --assume-unit beside a unit named above the header ---------------------------------------


def _assumed(path, unit: str, short_path: bool) -> list[tuple[str, float, str, str | None]]:
    interpreter = Interpreter(load_ranges(None), CheckOptions(assume_unit=unit), short_path)
    return [
        (e.marker, e.value, e.status.value, e.note)
        for e in interpreter.events([path])
        if isinstance(e, Result)
    ]


@pytest.mark.parametrize("short_path", [True, False])
def test_the_unit_named_above_the_header_is_the_likely_one_for_an_assumed_unit(
    write_csv, short_path
) -> None:
    """Known from round 8: following the unit-missing error's own hint, --assume-unit ng/mL
    for a file 'all concentrations in ng/mL', judged IL-6 '0.0150' (15 pg/mL, six times the
    limit) indeterminate, doubting it against the set's pg/mL."""
    path = write_csv(
        "Cytokine panel export - all concentrations in ng/mL\nSample ID,IL-6,TNF-alpha\n"
        "PT-1,0.0150,0.0031\n"
    )
    assumed = "the file gives no unit; ng/mL was assumed (--assume-unit)"
    assert _assumed(path, "ng/mL", short_path) == [
        ("IL-6", 15.0, "high", assumed), ("TNF-α", 3.1, "normal", assumed),
    ]  # fmt: skip
    # the other way round, the unit the file names is the doubt
    (il6, tnf) = _assumed(path, "pg/mL", short_path)
    assert il6 == (
        "IL-6", 0.015, "indeterminate",
        "the file gives no unit; pg/mL was assumed (--assume-unit); read as pg/mL it is normal, "
        "but read as ng/mL (the unit line 1 above the header names) it would be high; add the "
        "unit to the file to have it judged",
    )  # fmt: skip
    assert tnf[2] == "normal"  # normal either way


@pytest.mark.parametrize("short_path", [True, False])
def test_without_a_unit_above_the_header_the_sets_unit_is_the_likely_one(
    write_csv, short_path
) -> None:
    path = write_csv("Sample ID,IL-6\nPT-1,0.0150\n")
    ((marker, value, status, note),) = _assumed(path, "ng/mL", short_path)
    assert (marker, value, status) == ("IL-6", 15.0, "indeterminate")
    assert "read as pg/mL (the unit of IL-6's range) it would be normal" in (note or "")


# --- LEGENDplex and BD CBA bead ids -----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "marker"),
    [
        ("IL-6 (B4)", "IL-6"), ("IL-33 (A10)", "IL-33"), ("IL-8 (Bead A5)", "IL-8"),
        ("IL-10 Bead B6", "IL-10"), ("IL-6 Flex Set (A7)", "IL-6"), ("IL-6 Flex Set", "IL-6"),
        ("IL-8 (A9) Conc.", "IL-8"), ("IL-6 (19)", "IL-6"),
    ],
)  # fmt: skip
def test_a_bead_named_by_a_letter_and_a_number_is_no_part_of_the_name(name, marker) -> None:
    assert value_name(name) == marker


@pytest.mark.parametrize("name", ["IL-6 (K4)", "IL-6 (B123)", "IL-12 (p40)", "IL-6 (AB)"])
def test_other_words_in_brackets_are_no_bead(name) -> None:
    assert value_name(name) is None


@pytest.mark.parametrize("short_path", [True, False])
def test_legendplex_and_cba_files_are_read(write_csv, short_path) -> None:
    """Lab QA round 9: a LEGENDplex 13-plex file ('IL-6 (B4)') was refused as having no
    header; a CBA file's 'Human IL-8 (A9) Conc. (pg/ml)' at 5 times the limit had no range."""
    wide = write_csv(
        "Well ID,Sample ID,Sample Type,IL-6 (B4),IL-8 (B5),IL-10 (B6)\n"
        "Units,,,pg/mL,pg/mL,pg/mL\nA5,PT-1,Sample,18.7,12.0,1.0\n"
    )
    assert [(r.marker, r.status.value) for r in results_of(wide, short_path)] == [
        ("IL-6", "high"), ("IL-8", "high"), ("IL-10", "normal"),
    ]  # fmt: skip
    cba = write_csv(
        "Sample,Human IL-8 (A9) Conc. (pg/ml),Human IL-6 Flex Set (A7) Conc. (pg/ml)\n"
        "Pt 01,45.0,1.0\n"
    )
    assert [(r.marker, r.status.value) for r in results_of(cba, short_path)] == [
        ("IL-8", "high"), ("IL-6", "normal"),
    ]  # fmt: skip


# --- smaller things the round found ------------------------------------------------------------


@pytest.mark.parametrize("mark", ["\u200e", "\u200f", "\u2060", "\u00ad"])
def test_an_invisible_mark_around_a_number_is_no_part_of_it(mark) -> None:
    """Lab QA round 9: '\\u200e12.5', copied from a web LIS, was 'not a number'."""
    assert parse_value(f"{mark}12.5").number == 12.5
    assert parse_value(f"<2.0{mark}").comparator == "<"


def test_a_negative_value_says_what_a_reading_below_the_blank_means() -> None:
    with pytest.raises(ValueError, match="give it as 'ND' or '<' the assay's lower limit"):
        parse_value("-1.5")


@pytest.mark.parametrize("unit", ["pg/mL x2", "pg/mL*2", "pg/mL2", "10³ pg/mL"])
def test_a_unit_with_a_factor_gets_no_spelling_hint(unit) -> None:
    """Lab QA round 9: 'pg/mL x2' got 'did you mean pg/mL?', which would halve each value."""
    assert unit_typo_of(unit) is None
    with pytest.raises(UnitProblem, match="a number in the unit may be a factor") as raised:
        conversion_exponent(unit, "pg/mL")
    assert "did you mean" not in str(raised.value)


def test_a_unit_slip_still_gets_its_hint() -> None:
    with pytest.raises(UnitProblem, match="did you mean pg/mL"):
        conversion_exponent("pgs/ml", "pg/mL")


# --- a test run again --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["IL-10 Retest", "IL-10 re-test", "IL-10 (rerun)", "IL-10 Re-run", "IL-10 repeat",
             "IL-10 Repeated", "IL-10 (2nd run)", "IL-10 second run", "IL-10 Retest Conc."],
)  # fmt: skip
def test_a_run_again_is_the_markers_result(name) -> None:
    assert value_name(name) == "IL-10"


# ('IL-10 dil 1:10' was here: since lab QA round 15 a diluted sample's value is the marker's,
# read as at least the number written; tests/test_lab_qa_round15.py)
@pytest.mark.parametrize("name", ["IL-10 Retest SD", "IL-10 run"])
def test_other_words_after_a_name_are_not_a_run_again(name) -> None:
    assert value_name(name) is None


@pytest.mark.parametrize("short_path", [True, False])
def test_a_rerun_column_is_judged_and_decides_the_exit_as_any_result(write_csv, short_path) -> None:
    """Lab QA round 9: 'IL-10 Retest (pg/mL)' at 30 had no range and 'IL-8 (pg/mL) repeat' at
    45 was not read; the first runs' 'normal' gave exit 0."""
    path = write_csv(
        "Sample,IL-8 (pg/mL),IL-8 (pg/mL) repeat,IL-10 (pg/mL),IL-10 Retest (pg/mL)\n"
        "S1,1.0,45.0,2.0,30.0\n"
    )
    assert [(r.marker, r.value, r.status.value) for r in results_of(path, short_path)] == [
        ("IL-8", 1.0, "normal"), ("IL-8", 45.0, "high"), ("IL-10", 2.0, "normal"),
        ("IL-10", 30.0, "high"),
    ]  # fmt: skip
    repeated = [(i.code, i.marker) for i in issues_of(path, short_path)]
    assert repeated == [("marker-repeated", "IL-8 repeat"), ("marker-repeated", "IL-10 Retest")]


# --- a printed range with its method or specimen in brackets -----------------------------------


@pytest.mark.parametrize(
    "cell", ["0-4.4 pg/mL (ECLIA)", "0-4.4 (Elecsys)", "0-4.4 [Roche]", "0-4.4 (Serum)",
             "0-4.4 ( EDTA plasma )", "0-4,4 (ELISA)", "<4.4 (whole blood)"],
)  # fmt: skip
def test_a_method_or_specimen_after_a_printed_range_is_left_off(cell) -> None:
    read = parse_lab_range(cell, decimal_comma="," in cell)
    assert read is not None and read.high == 4.4


@pytest.mark.parametrize(
    "cell", ["0-4.4 (adult)", "0-4.4 (Male)", "0-4.4 (fasting)", "0-4.4 (see comment)",
             "0-4.4 (CSF)", "0-4.4 (new method from 01.03.2026)"],
)  # fmt: skip
def test_a_remark_that_may_say_whom_a_range_is_for_leaves_it_unread(cell) -> None:
    assert parse_lab_range(cell) is None


@pytest.mark.parametrize("short_path", [True, False])
def test_a_labs_range_with_its_method_judges_the_value(write_csv, short_path) -> None:
    """Lab QA round 9: '0-4.4 pg/mL (ECLIA)' was dropped as 'a label', and mayo-adult's wider
    range called IL-6 5.0 normal, exit 0."""
    path = write_csv(
        "sample_id,marker,value,unit,reference_range\nR1,IL-6,5.0,pg/mL,0-4.4 pg/mL (ECLIA)\n"
        "R2,IL-6,5.0,pg/mL,0-4.4 (see comment)\n"
    )
    results = results_of(path, short_path, ranges="mayo-adult")
    assert [(r.sample_id, r.status.value) for r in results] == [("R1", "high"), ("R2", "normal")]
    (unread,) = [i for i in issues_of(path, short_path, "mayo-adult") if i.line == 3]
    assert (
        "has a label or remark ('see comment'), so panelcli cannot tell whether it is for "
        "this person" in unread.message
    )


# --- an instrument's or quality control's code in a flag column --------------------------------


@pytest.mark.parametrize("code", ["EXP", "CNTL", "INDX", "HEM", "High CV", "QC fail", "lipemic"])
def test_a_qc_code_in_a_flag_column_is_said_to_be_one(write_csv, code) -> None:
    """Lab QA round 9: an expired reagent's 'EXP' was only 'not a flag panelcli reads'."""
    path = write_csv(f"sample_id,marker,value,unit,flag\nF1,IL-6,1.0,pg/mL,{code}\n")
    (said,) = issues_of(path)
    assert (said.code, said.severity, said.column) == ("flag-unreadable", "warning", "flag")
    assert said.message.startswith(
        f"'{code}' is no high or low flag but an instrument's or quality control's code"
    )
    assert "so the result was not judged: ask the lab whether it can be reported" in said.message
    # not judged since session 53 (tests/test_known_items_round10.py)
    assert [r.status.value for r in results_of(path)] == ["indeterminate"]


def test_another_unreadable_flag_is_not_called_a_qc_code(write_csv) -> None:
    path = write_csv("sample_id,marker,value,unit,flag\nF1,IL-6,1.0,pg/mL,Zz\n")
    (said,) = issues_of(path)
    assert said.message.startswith("'Zz' is not a flag panelcli reads")


# --- an id that lost the zeros at its start ----------------------------------------------------


def _trends(*paths: str) -> list[tuple[str, list[str], int, list[str]]]:
    ranges = load_ranges(None)
    report = build_report(Interpreter(ranges, CheckOptions()).stream(list(paths)), ranges)
    return [(t.patient_id, t.dates, len(t.markers), t.text) for t in report.trends]


ZEROS_LOST = (
    "Patient 123 may be patient 00123. Excel drops the zeros at the start of an id that looks "
    "like a number. Here they are shown as different people. If they are one person, save the "
    "id column as text and export the file again."
)


def test_an_id_that_lost_its_leading_zeros_is_said_in_the_trends(write_csv) -> None:
    """Lab QA round 9: '00123' in week 1's file and '123' in week 2's (Excel dropped the zeros)
    were two people, with no trend and no word."""
    header = "sample_id,patient_id,collected_at,marker,value,unit\n"
    week1 = write_csv(header + "A1,00123,2026-03-01,IL-6,40,pg/mL\n", name="week1.csv")
    week2 = write_csv(header + "A2,123,2026-03-08,IL-6,4,pg/mL\n", name="week2.csv")
    assert _trends(week1, week2) == [("123", [], 0, [ZEROS_LOST])]
    # a patient with a trend of its own gets the sentence in it
    both = write_csv(header + "A3,123,2026-03-15,IL-6,2,pg/mL\n", name="week3.csv")
    ((patient, dates, markers, text),) = _trends(week1, week2, both)
    assert (patient, dates, markers, text[-1]) == ("123", ["2026-03-08", "2026-03-15"], 1,
                                                  ZEROS_LOST)  # fmt: skip


def test_ids_that_differ_otherwise_are_not_said_to_be_one(write_csv) -> None:
    header = "sample_id,patient_id,collected_at,marker,value,unit\n"
    path = write_csv(
        header + "A1,P0123,2026-03-01,IL-6,40,pg/mL\nA2,P123,2026-03-08,IL-6,4,pg/mL\n"
        "A3,1230,2026-03-08,IL-6,4,pg/mL\nA4,000,2026-03-08,IL-6,4,pg/mL\n"
        "A5,0,2026-03-09,IL-6,4,pg/mL\n"
    )
    assert _trends(path) == []


# --- hints for near-miss names -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("IFNy", "IFN-γ"), ("\u0406L-6", "IL-6"), ("\u0399L-6", "IL-6"), ("lL-6", "IL-6"),
        ("IL-l0", "IL-10"), ("IL-6 Elecsys", "IL-6"), ("IL-6, Roche", "IL-6"),
        ("IL-8 (Gen 2)", "IL-8"),
    ],
)  # fmt: skip
def test_a_near_miss_name_gets_a_hint(name, hint) -> None:
    """Lab QA round 9: typed, copied or OCR'd names with no 'did you mean'."""
    reference_set = load_ranges(None)
    assert reference_set.resolve(name) is None  # a hint only: never read as the marker
    assert reference_set.suggest(name) == hint


@pytest.mark.parametrize(("name", "hint"), [("TNF-\u0391", "TNF-α"), ("Ferritiny", None),
                                            ("Ally", None), ("IL-lO", None)])  # fmt: skip
def test_a_lookalike_hints_only_where_the_name_it_makes_is_known(name, hint) -> None:
    assert load_ranges(None).suggest(name) == hint


def test_two_columns_of_one_name_are_told_apart_by_place(write_csv) -> None:
    """Lab QA round 9: 'columns 'Result' and 'Result' both look like the value column'."""
    path = write_csv("sample_id,marker,Result,Unit,Result,Unit\nS1,IL-6,1.0,pg/mL,12.0,pg/mL\n")
    (refused,) = issues_of(path)
    assert refused.code == "file-unreadable" and refused.message.endswith(
        "columns 3 and 5 of the header are both named 'Result' and both look like the value "
        "column; rename one"
    )


# --- Oracle's timestamps -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("13-MAR-2026 08.00.00.000000000 AM", datetime(2026, 3, 13, 8, 0)),
        ("13-MAR-2026 08.30.15 PM", datetime(2026, 3, 13, 20, 30, 15)),
        ("13 Mar 2026 08.00", datetime(2026, 3, 13, 8, 0)),
        ("30.03.2026 08.05", datetime(2026, 3, 30, 8, 5)),
        ("30.03.2026 08:05:07.250", datetime(2026, 3, 30, 8, 5, 7)),
    ],
)
def test_a_time_with_dots_or_a_fraction_of_a_second_is_read(text, read) -> None:
    """Lab QA round 9: Oracle's and Cerner CCL's TIMESTAMP text was unreadable."""
    assert read_date(text) == read


@pytest.mark.parametrize(
    ("text", "example"),
    [("13-MAR-26 08.00.00.000000000 AM", "13-MAR-2026"), ("13-MAR-26", "13-MAR-2026"),
     ("13 Mar 26", "13 Mar 2026")],
)  # fmt: skip
def test_a_month_named_date_with_a_two_digit_year_says_so(text, example) -> None:
    assert why_no_date(text) == f"{TWO_DIGIT_YEAR} ({example} if 2026)"


@pytest.mark.parametrize("text", ["13-MAR-2026 08.0", "13-MAR-2026 08:00.00", "2026-03-30 8.5"])
def test_other_dotted_times_are_not_read(text) -> None:
    assert read_date(text) is None


# --- a one-patient print's lines above the table, and one block per patient ------------------

PRINT = (
    "Patient Name:,DOE JANE\nMRN:,00012345\nDOB:,1961-03-14\nSex:,F\nCollected:,{when}\n"
    "Accession:,{accession}\n\nTest,Result,Units\nTNF-alpha,30.0,pg/mL\nFerritin,250,ug/L\n"
)


@pytest.mark.parametrize("short_path", [True, False])
def test_a_one_patient_prints_lines_above_the_table_are_its_rows_fields(
    write_csv, short_path
) -> None:
    """Lab QA round 9: Patient, MRN, DOB, Sex and Collected above the table were skipped;
    under mayo-adult every result was indeterminate ('age is not given'), exit 0."""
    path = write_csv(PRINT.format(when="2026-03-01 08:00", accession="A26-0301"))
    results = results_of(path, short_path, ranges="mayo-adult")
    fields = {(r.sample_id, r.patient_id, r.collected_at) for r in results}
    assert fields == {("A26-0301", "00012345", "2026-03-01 08:00")}
    assert [(r.marker, r.status.value, r.note) for r in results] == [
        ("TNF-α", "high", "range for age 18 and over"),
        ("Ferritin", "normal", "range for female, age 51 and over"),
    ]  # fmt: skip
    (said,) = issues_of(path, short_path, "mayo-adult")
    assert (said.code, said.line) == ("preamble-skipped", 1)
    assert said.message == (
        "lines 1-7 come before the header; the patient '00012345' (line 2), birth date "
        "'1961-03-14' (line 3), sex 'F' (line 4), collection date '2026-03-01 08:00' (line 5) and "
        "sample id 'A26-0301' (line 6) given there were read as the rows' (the file has no "
        "column for them; such a line below changes them from there on), and the rest was not "
        "read"
    )


def test_two_prints_of_one_patient_make_a_trend(write_csv) -> None:
    first = write_csv(PRINT.format(when="2026-03-01", accession="A1"), name="one.csv")
    second = write_csv(PRINT.format(when="2026-03-15", accession="A2"), name="two.csv")
    ((patient, dates, markers, _),) = _trends(first, second)
    assert (patient, dates, markers) == ("00012345", ["2026-03-01", "2026-03-15"], 1)  # TNF-α


@pytest.mark.parametrize(
    "above",
    [
        "Patient: DOE, JANE   MRN: 100   Collected: 2026-03-30",  # cut at its comma, as read
        '"Patient:","DOE, JANE"\nMRN,100\nCollected:,2026-03-30',
        "Patient:;DOE, JANE\nMRN:;100\nCollected:;2026-03-30",
    ],
)
def test_labelled_lines_are_read_however_written(write_csv, above) -> None:
    delimiter = ";" if ";" in above else ","
    header = delimiter.join(["Test", "Result", "Units"])
    row = delimiter.join(["IL-6", "12", "pg/mL"])
    path = write_csv(f"{above}\n{header}\n{row}\n")
    ((patient, when),) = {(r.patient_id, r.collected_at) for r in results_of(path)}
    assert (patient, when) == ("100", "2026-03-30")


@pytest.mark.parametrize(
    "content",
    [
        # the row's own column counts first
        "MRN:,100\nSex:,F\nsample_id,patient_id,sex,marker,value,unit\nS1,P9,M,IL-6,1,pg/mL\n",
        # a role given two ways is none
        "MRN:,100\nMRN:,200\nmarker,value,unit\nIL-6,1,pg/mL\n",
        # a title's 'Name:' is no patient
        "Name:,Cytokine export\nmarker,value,unit\nIL-6,1,pg/mL\n",
    ],
)
def test_labelled_lines_never_override_a_column_nor_guess(write_csv, content) -> None:
    (patient,) = {r.patient_id for r in results_of(write_csv(content))}
    assert patient == ("P9" if "P9" in content else None)


@pytest.mark.parametrize("rows_per_batch", [1, 2, 50])
def test_one_block_per_patient_reads_alike_in_batches(write_csv, rows_per_batch) -> None:
    """Lab QA round 7, known till round 9: two patients' blocks were one panel of no one."""
    path = write_csv(
        "Patient: DOE JANE   MRN: 100\nDate,Test,Result,Units\n2026-03-01,IL-6,12,pg/mL\n"
        "2026-03-02,IL-6,11,pg/mL\nPatient: ROE RICH   MRN: 200\nDate,Test,Result,Units\n"
        "2026-03-01,IL-6,1,pg/mL\n2026-03-02,IL-6,2,pg/mL\n"
    )
    expected = [
        ("100", "2026-03-01", 12.0), ("100", "2026-03-02", 11.0),
        ("200", "2026-03-01", 1.0), ("200", "2026-03-02", 2.0),
    ]  # fmt: skip
    assert [(r.patient_id, r.collected_at, r.value) for r in results_of(path)] == expected
    batched = [
        (e.patient_id, e.collected_at, e.value) for e in batch_results_of(path, rows_per_batch)
    ]
    assert batched == expected
    assert [t.patient_id for t in load_trends(path)] == ["100", "200"]


def load_trends(path: str) -> list:
    ranges = load_ranges(None)
    return build_report(Interpreter(ranges, CheckOptions()).stream([path]), ranges).trends


@pytest.mark.parametrize(
    ("cell", "code"),
    [("H;DELTA", "H"), ("L; D", "L"), ("HH;Delta", "HH"), ("H;L", None), ("DELTA", None),
     ("H;Zz", None)],
)  # fmt: skip
def test_a_flag_beside_a_delta_checks_mark_is_that_flag(cell, code) -> None:
    """Lab QA round 9: 'H;DELTA' in a flag column was unreadable."""
    from panelcli.values import flag_column_code

    assert flag_column_code(cell) == code
