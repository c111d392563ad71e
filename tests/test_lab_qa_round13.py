"""Lab QA round 13: files a lab technician exports (/work/qa13/lab), each once read wrongly."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from judged import batch_results_of, issues_of, results_of
from typer.testing import CliRunner

from panelcli.check import check_file
from panelcli.cli import app
from panelcli.values import ValueProblem, parse_lab_range, parse_value

runner = CliRunner()
Write = Callable[..., str]


@pytest.mark.parametrize(
    ("number", "name"),
    [("PAT ID", "PAT NAME"), ("PT ID", "PT NAME"), ("Pat No", "Pat Name")],
)
def test_a_short_patient_number_column_wins_over_a_name_beside_it(
    write_csv: Write, number: str, name: str
) -> None:
    """Two John Smiths with their own numbers made one panel, and the summary read one man's
    IL-6 with the other's TNF-α as 'high at the same time'."""
    path = write_csv(
        f"ORDER|{number}|{name}|TEST|RESULT|UNITS\n"
        "1|00451278|SMITH,JOHN|IL6|34.0|pg/mL\n2|00460001|SMITH,JOHN|TNFA|21.0|pg/mL\n"
    )
    assert [r.patient_id for r in results_of(path)] == ["00451278", "00460001"]
    (said,) = [i for i in issues_of(path) if i.column == name]
    assert f"column '{number}' gives the patient id" in said.message


def test_an_operator_column_of_logins_is_not_read_as_the_comparator(write_csv: Write) -> None:
    """A cobas export's 'Operator' ('labtech1') refused every row as 'not a comparator'."""
    path = write_csv(
        "Sample ID;Test;Result;Unit;Data Alarm;Operator\n"
        "260308-0017;IL-6;12,40;pg/mL;;labtech1\n260308-0018;IL-6;<1,50;pg/mL;<Test;labtech1\n"
    )
    results = results_of(path)
    assert [(r.value, r.comparator, r.status) for r in results] == [
        (12.4, None, "high"), (1.5, "<", "normal"),
    ]  # fmt: skip
    (said,) = [i for i in issues_of(path) if i.column == "Operator"]
    assert said.code == "column-ignored" and "('labtech1') are no comparators" in said.message
    # a column of signs under that name is still the comparator
    signs = write_csv("Sample,Test,Operator,Result,Unit\nS1,IL-6,<,2.0,pg/mL\n", "signs.csv")
    assert [(r.comparator, r.value) for r in results_of(signs)] == [("<", 2.0)]


@pytest.mark.parametrize(
    "code", ["CALX", "EXPR", "NOCAL", "QCF", "Reag.Exp", "SHORT", "Sample.S", "HIL"]
)
def test_more_instrument_codes_in_the_flag_column_leave_the_value_unjudged(
    write_csv: Write, code: str
) -> None:
    """Beckman's 'CALX' (calibration expired) and others: IL-6 45.9 was judged high as if it
    could be reported, and an in-range value would have exited 0."""
    path = write_csv(f"Sample ID,Test,Result,Units,Flags\nIC-1,IL-6,45.9,pg/mL,{code}\n")
    (result,) = results_of(path)
    assert result.status == "indeterminate"
    assert f"gives '{code}', an instrument's or quality control's code" in (result.note or "")


def test_above_linearity_in_the_flag_column_makes_the_value_a_lower_bound(write_csv) -> None:
    path = write_csv(
        "Sample ID,Test,Result,Units,Flags\nA,IL-6,45.9,pg/mL,>LIN\nB,IL-6,1.9,pg/mL,>LIN\n"
    )
    assert [(r.comparator, r.status) for r in results_of(path)] == [
        (">", "high"), (">", "indeterminate"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "sample",
    ["Bio-Rad Immunoassay Plus L1", "NIBSC 89/548", "EQA-2026-01", "Pool A", "UK NEQAS 123",
     "Lyphochek Level 2", "WHO IS 89/548", "Pooled serum"],
)  # fmt: skip
def test_control_material_named_by_its_maker_or_scheme_is_not_a_patient(
    write_csv: Write, sample: str
) -> None:
    """Each was judged as a patient's sample, a flagged panel of its own."""
    path = write_csv(f"Sample ID,Test,Result,Units\n{sample},IL-6,11,pg/mL\nMX-1,IL-6,1,pg/mL\n")
    assert [r.sample_id for r in results_of(path)] == ["MX-1"]
    assert [i.code for i in issues_of(path)] == ["control-skipped"]


@pytest.mark.parametrize("sample", ["Poolside-7", "EQUATOR-1", "Biology 101", "WHOLE-1"])
def test_ids_that_merely_start_like_a_control_maker_stay_patients(
    write_csv: Write, sample: str
) -> None:
    path = write_csv(f"Sample ID,Test,Result,Units\n{sample},IL-6,11,pg/mL\n")
    assert [r.sample_id for r in results_of(path)] == [sample]


def test_the_result_as_text_is_read_before_a_number_column_that_says_zero(write_csv) -> None:
    """'Numeric Result' 0 beside 'Text Result' '>500' was judged as a normal 0, exit 0."""
    path = write_csv(
        "Specimen ID,Test Name,Numeric Result,Text Result,Result Units\n"
        "NT-2,IL-8,0,>500,pg/mL\nNT-2,IL-6,0,Hemolyzed - recollect,pg/mL\n"
        "NT-2,IL-10,3.0,3.0,pg/mL\n"
    )
    assert [(r.marker, r.comparator, r.value) for r in results_of(path)] == [
        ("IL-8", ">", 500.0), ("IL-10", None, 3.0),
    ]  # fmt: skip
    codes = {(i.code, i.column) for i in issues_of(path)}
    assert ("result-not-given", "Text Result") in codes
    assert ("column-ignored", "Numeric Result") in codes
    assert [r.value for r in batch_results_of(path, 2)] == [500.0, 3.0]
    result = runner.invoke(app, ["check", path])
    assert result.exit_code == 1  # IL-8 above 500 is high, never a normal 0


@pytest.mark.parametrize("header", ["Order #", "ORDER#"])
def test_a_number_column_written_with_a_hash_is_read_as_its_number(
    write_csv: Write, header: str
) -> None:
    """'Order #' beside 'MRN' was not read, and two orders of one patient made one panel."""
    path = write_csv(f"{header},MRN,Test,Result,Units\nA1,M1,IL-6,1,pg/mL\nA2,M1,IL-6,30,pg/mL\n")
    assert [(r.sample_id, r.patient_id) for r in results_of(path)] == [("A1", "M1"), ("A2", "M1")]


@pytest.mark.parametrize(
    ("printed", "low", "high", "unit"),
    [
        ("(0.0-9.1) pg/mL", 0.0, 9.1, "pg/mL"),
        ("[0-7] ng/L", 0.0, 7.0, "ng/L"),
        ("<8.1 pg/mL; >8.1 elevated", None, 8.1, "pg/mL"),
        ("0-7; >7 high", 0.0, 7.0, None),
        ("0,0-7,0; >7,0 erhöht", 0.0, 7.0, None),
    ],
)
def test_a_range_in_brackets_before_its_unit_or_with_a_remark_on_its_limit_is_read(
    printed: str, low: float | None, high: float, unit: str | None
) -> None:
    """Each was unread, and the set's range judged instead: a lab-high TNF-α 12 was normal."""
    found = parse_lab_range(printed, decimal_comma="," in printed)
    assert found is not None and (found.low, found.high, found.unit) == (low, high, unit)


@pytest.mark.parametrize(
    "printed", ["0-7; 0-10 children", "<8.1; >9 elevated", "M: <7.0; F: <2.0", "(0-7) adults"]
)
def test_two_groups_ranges_or_a_remark_on_another_limit_stay_unread(printed: str) -> None:
    assert parse_lab_range(printed) is None


def test_a_range_with_a_remark_judges_by_the_lab_s_limit(write_csv: Write) -> None:
    path = write_csv(
        "Sample,Test,Result,Unit,Reference Range\nS1,TNF-a,12.0,pg/mL,<8.1 pg/mL; >8.1 elevated\n"
        "S1,IL-10,7.0,pg/mL,(0.0-9.1) pg/mL\n"
    )
    assert [(r.marker, r.status) for r in results_of(path)] == [
        ("TNF-α", "high"), ("IL-10", "normal"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "footer", ["Total records: 4", "4 records", "Row count: 4", "Records exported: 4", "12 rows"]
)
def test_a_count_at_the_file_s_foot_is_a_page_line(write_csv: Write, footer: str) -> None:
    """Each was a sample with no marker, refused: exit 2 for a file with nothing wrong."""
    path = write_csv(f"Sample ID,Test,Result,Units\nFC-1,IL-6,1.0,pg/mL\n{footer}\n")
    assert [(i.code, i.line) for i in issues_of(path)] == [("page-line-skipped", 3)]
    assert runner.invoke(app, ["check", path]).exit_code == 0


@pytest.mark.parametrize(
    ("cell", "number", "comparator"),
    [("7.0 E+01", 70.0, None), ("1.2x10^3", 1200.0, None), ("1,2 × 10³", 1200.0, None),
     ("<1.5*10^2", 150.0, "<"), ("2x10^-1", 0.2, None)],
)  # fmt: skip
def test_a_number_times_a_power_of_ten_is_read(
    cell: str, number: float, comparator: str | None
) -> None:
    """Each was refused as 'not a number'."""
    read = parse_value(cell)
    assert (read.number, read.comparator) == (pytest.approx(number), comparator)


@pytest.mark.parametrize("cell", ["1.2x10^999", "1,234x10^3", "3 * 4", "x10^3"])
def test_a_power_of_ten_that_is_no_number_is_refused_as_written(cell: str) -> None:
    with pytest.raises(ValueProblem) as refused:
        parse_value(cell)
    assert f"'{cell}'" in str(refused.value)


def _saved(text: str, codec: str, line_end: str = "\r\n") -> bytes:
    return text.replace("\n", line_end).encode(codec)


@pytest.mark.parametrize(
    ("codec", "text", "patient"),
    [
        (
            "cp1250",
            "Numer próbki;Pacjent;Badanie;Wynik;Jednostka\nP-1;Małgorzata Świątek;IL-6;2,0;pg/mL\n",
            "Małgorzata Świątek",
        ),
        (
            "cp1251",
            "Номер образца;Пациент;Показатель;Результат;Единицы\n"
            "R-501;Иванов И.И.;Интерлейкин-6;24,6;пг/мл\n",
            "Иванов И.И.",
        ),
    ],
)
def test_a_file_saved_in_a_central_european_or_cyrillic_code_page_is_read(
    write_csv: Write, codec: str, text: str, patient: str
) -> None:
    """Excel saves CSV in the system's code page: a Russian file was refused, a Polish one's
    names read as 'Ma³gorzata Œwi¹tek' (Windows-1252)."""
    path = write_csv(_saved(text, codec))
    (result,) = results_of(path)
    assert (result.patient_id, result.marker) == (patient, "IL-6")
    assert result.value in (24.6, 2.0)
    (said,) = [i for i in issues_of(path) if i.code == "encoding-fallback"]
    assert f"read as Windows-{codec[2:]}" in said.message


def test_an_old_mac_s_csv_is_read_as_mac_roman(write_csv: Write) -> None:
    """Lines ending in CR alone and '≤' before a number: '≤2.0' was '²2.0', refused."""
    text = "Sample,Patient,Test,Result,Unit,Reference\nMR-01,Müller,IL-6,≤2.0,pg/mL,≤ 7.0\n"
    path = write_csv(_saved(text, "mac_roman", "\r"))
    (result,) = results_of(path)
    assert (result.patient_id, result.comparator, result.value) == ("Müller", "<=", 2.0)
    assert result.reference is not None and result.reference.high == 7.0


@pytest.mark.parametrize(
    "text",
    [
        "Sample,Patient,Test,Result,Unit\nS1,José Muñoz,IL-6,2,pg/mL\n",
        "Prøve,Pasient,Test,Resultat,Enhet\nS1,Søren Bækø,IL-6,2,pg/mL\n",
        "Sample,Test,Result,Unit,Note\nS1,IL-6,2,pg/mL,37°C 10³ cells\n",
        "Sample,Patient,Test,Result,Unit\nS1,Françoise Lefèvre,IL-6,2,pg/mL\n",
        # review: one Slavic name beside 'ø' or 'è' made the whole file Windows-1250, and its
        # 'Prøvenummer' and 'Referanseområde' columns went unread
        "Prøvenummer,Pasient,Test,Resultat,Enhet,Referanseområde\n"
        "S1,Nataša Dušan Bøe,IL-6,2,pg/mL,0-7\n",
        "Sample,Patient,Test,Result,Unit\nS1,Dušan Lefèvre,IL-6,2,pg/mL\n",
    ],
)
def test_western_files_not_in_utf8_stay_windows_1252(write_csv: Write, text: str) -> None:
    path = write_csv(_saved(text, "cp1252"))
    assert [r.value for r in results_of(path)] == [2.0]
    (said,) = [i for i in issues_of(path) if i.code == "encoding-fallback"]
    assert "read as Windows-1252" in said.message


@pytest.mark.parametrize("point_first", [False, True])
def test_a_tab_file_s_decimal_point_below_a_comma_value_still_doubts_it(
    write_csv: Write, point_first: bool
) -> None:
    """'1,234' above the file's '3.3' was 1.234, normal, without a word; below it, in doubt:
    the same rows in another order gave another result."""
    rows = [
        "TB-1\tIL-6\t12,5\tpg/mL",
        "TB-1\tIL-10\t1,234\tpg/mL",
        "TB-2\tIL-6\t3.3\tpg/mL",
    ]
    if point_first:
        rows.insert(0, rows.pop())
    path = write_csv("Sample ID\tTest\tResult\tUnit\n" + "\n".join(rows) + "\n")
    doubted = [r for r in results_of(path) if r.marker == "IL-10"]
    assert [(r.status, r.value) for r in doubted] == [("indeterminate", 1.234)]
    batched = [r for r in batch_results_of(path, 1) if r.marker == "IL-10"]
    assert [(r.status, r.value) for r in batched] == [("indeterminate", 1.234)]


@pytest.mark.parametrize(
    ("header", "row", "sample", "value"),
    [
        # Cerner PathNet: the test is its 'Detail Procedure', beside the panel's 'Orderable'
        ("Accession,Orderable,Detail Procedure,Result,Units",
         "26-CH-1,Cytokine Panel,IL-6,12.7,pg/mL", "26-CH-1", 12.7),
        # STARLIMS: the result is 'FINAL', the sample its order 'ORDNO'
        ("ORDNO,ANALYTE,FINAL,UNITS", "26-0301-004,Interleukin-6,88.4,pg/mL", "26-0301-004", 88.4),
        # LabCorp's patient portal
        ("Test,Current Result and Flag,Units", "Interleukin-6,12.5 High,pg/mL", None, 12.5),
    ],
)  # fmt: skip
def test_lis_exports_refused_for_their_column_names_are_read(
    write_csv: Write, header: str, row: str, sample: str | None, value: float
) -> None:
    (result,) = results_of(write_csv(f"{header}\n{row}\n"))
    assert (result.marker, result.sample_id, result.value) == ("IL-6", sample, value)


def test_a_final_column_beside_the_result_is_not_read_as_a_second_value(write_csv) -> None:
    path = write_csv("Sample,Test,Result,Final,Unit\nS1,IL-6,3,Y,pg/mL\n")
    assert [r.value for r in results_of(path)] == [3.0]
    (said,) = [i for i in issues_of(path) if i.column == "Final"]
    assert "column 'Result' gives" in said.message


def test_a_japanese_lis_export_is_read(write_csv: Write) -> None:
    """Refused: 'no header' (its column names), then '2.0未満' (less than 2.0) as 'not a
    number' and '7.0以下' (7.0 or less) as an unreadable range."""
    path = write_csv(
        "検体番号,患者ID,採取日,項目名,結果,単位,基準値,判定\n"
        "J-0001,1000123,2026/03/21,IL-6,15.8,pg/mL,7.0以下,H\n"
        "J-0002,1000456,2026/03/21,IL-6,2.0未満,pg/mL,7.0以下,\n"
    )
    results = results_of(path)
    assert [(r.sample_id, r.patient_id, r.comparator, r.value, r.status) for r in results] == [
        ("J-0001", "1000123", None, 15.8, "high"), ("J-0002", "1000456", "<", 2.0, "normal"),
    ]  # fmt: skip
    assert all(r.reference is not None and r.reference.high == 7.0 for r in results)


def test_a_chinese_lis_export_is_read(write_csv: Write) -> None:
    path = write_csv(
        "样本号,病历号,采样时间,项目,结果,单位,参考范围,提示\n"
        "C-001,ZY10023,2026-03-21 07:30,白细胞介素-6,32.5,pg/ml,0-7.0,↑\n"
    )
    (result,) = results_of(path)
    assert (result.sample_id, result.patient_id, result.marker, result.status) == (
        "C-001", "ZY10023", "IL-6", "high",
    )  # fmt: skip


def test_a_sample_given_with_two_patients_draws_no_pattern_across_them(write_csv) -> None:
    """Ana's IL-6 and Luis's TNF-α under one sample id were 'both high at the same time', a
    sign of strong inflammation, though the summary also said some were another person's."""
    path = write_csv(
        "Sample ID,Patient ID,Test,Result,Units\n26-100,P-900,IL-6,30,pg/mL\n"
        "26-100,P-901,TNF-α,25,pg/mL\n26-100,P-901,IFN-γ,40,pg/mL\n"
    )
    (panel,) = check_file(path).panels
    said = " ".join(panel.summary.text)
    assert "Some of the results may be another person's" in said
    assert "at the same time" not in said and "storm" not in said.casefold()
    assert "may not all be from one person, so they are not read together" in said
    one = write_csv(
        "Sample ID,Patient ID,Test,Result,Units\n26-100,P-900,IL-6,30,pg/mL\n"
        "26-100,P-900,TNF-α,25,pg/mL\n",
        "one.csv",
    )
    assert "at the same time" in " ".join(check_file(one).panels[0].summary.text)


def test_a_very_long_lab_comment_is_shortened_in_the_table_only(write_csv: Write) -> None:
    """Comments of 9,000 and 70,000 characters were printed whole: 546 lines for 4 results."""
    comment = "Patient on tocilizumab. " + "x" * 70_000
    path = write_csv(
        f'Sample,Test,Result,Unit,Comment\nLC-1,IL-6,850,pg/mL,"{comment}"\nLC-1,IL-8,3,pg/mL,ok\n'
    )
    table = runner.invoke(app, ["check", path])
    assert len(table.stdout) < 6_000 and "x" * 400 not in table.stdout
    words = " ".join(table.stdout.split())
    assert "(in full with --format json or csv)" in words
    assert "Patient on tocilizumab." in words and "'ok'" in words
    whole = runner.invoke(app, ["check", path, "--format", "json"])
    assert comment in whole.stdout.replace("\\n", "\n")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("<!DOCTYPE html>\n<html><body><table><tr><td>IL-6</td></tr></table>\n", "a web page"),
        ("<table>\n<tr><th>Test</th><th>Result</th></tr>\n", "an HTML table"),
        ('<?xml version="1.0"?>\n<Workbook>\n', "an XML file"),
    ],
)
def test_a_web_page_or_xml_saved_as_csv_is_named(write_csv: Write, text: str, said: str) -> None:
    """An HTML report saved as .csv got the generic 'no header with marker and value columns'."""
    result = runner.invoke(app, ["check", write_csv(text)])
    assert result.exit_code == 2 and f"this is {said}" in result.stderr


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # 'Text Result' blank beside each number: the number is read (review: each row was
        # refused as 'value is empty'), and so where it holds words beside one
        ("S1,IL-6,1.2,,pg/mL\nS1,TNF-a,30.5,,pg/mL\n", [1.2, 30.5]),
        ("S1,IL-6,12.5,See comment,pg/mL\nS1,TNF-a,30.5,Reviewed,pg/mL\n", [12.5, 30.5]),
    ],
)
def test_a_text_result_blank_or_of_words_beside_numbers_leaves_the_numbers_read(
    write_csv: Write, text: str, values: list[float]
) -> None:
    path = write_csv("Sample ID,Test,Numeric Result,Text Result,Unit\n" + text)
    assert [r.value for r in results_of(path)] == values


def test_a_text_result_that_gives_what_the_number_does_not_stays_the_value(
    write_csv: Write,
) -> None:
    """'>500' beside 0 with a blank text on another row: the number column was read, '>500' a
    normal 0, exit 0 (review). The text stays the value; the blank row is refused, said."""
    path = write_csv(
        "Sample ID,Test,Numeric Result,Text Result,Unit\n"
        "S1,IFN-g,2.0,,pg/mL\nS1,IL-8,0,>500,pg/mL\n"
    )
    assert [(r.marker, r.comparator, r.value) for r in results_of(path)] == [("IL-8", ">", 500.0)]
    assert [(i.code, i.line) for i in issues_of(path) if i.severity == "error"] == [
        ("value-missing", 2)
    ]
    assert runner.invoke(app, ["check", path]).exit_code == 2


@pytest.mark.parametrize("column", ["Final", "Current Result"])
def test_a_status_in_a_weak_value_column_beside_numeric_result_is_not_the_value(
    write_csv: Write, column: str
) -> None:
    """A 'Final' of Y/N beside 'Numeric Result' took the value's role: each row refused."""
    path = write_csv(f"Sample,Test,{column},Numeric Result,Unit\nS1,IL-6,Y,3,pg/mL\n")
    assert [r.value for r in results_of(path)] == [3.0]


def test_an_operator_column_with_a_comparator_among_words_stays_the_comparator(
    write_csv: Write,
) -> None:
    """One 'EQ' among 'LT' made the column a person's: 'LT 3.0' was judged as exactly 3."""
    path = write_csv(
        "Sample,Test,Operator,Result,Unit\nS1,IL-6,EQ,1.0,pg/mL\nS1,IL-8,LT,3.0,pg/mL\n"
    )
    assert [(r.marker, r.comparator) for r in results_of(path)] == [("IL-6", None), ("IL-8", "<")]
    # initials, one of them 'LT', are people: the column is not read (review)
    staff = write_csv(
        "Sample,Test,Operator,Result,Unit\nS1,IL-6,JS,1.0,pg/mL\nS1,TNF-a,LT,30,pg/mL\n"
        "S1,IL-8,MK,3.0,pg/mL\n",
        "staff.csv",
    )
    assert [(r.marker, r.comparator) for r in results_of(staff)] == [
        ("IL-6", None), ("TNF-α", None), ("IL-8", None),
    ]  # fmt: skip


def test_two_xponent_batches_joined_are_refused_as_before(write_csv: Write) -> None:
    """The second batch's Result block was left out as 'no concentrations', exit 0."""
    batch = (
        '"Program","xPONENT"\n"DataType:","Median"\n"Location","Sample","IL-6 (pg/mL)"\n'
        '"1(1,A1)","U1","2100"\n\n"DataType:","Result"\n"Location","Sample","IL-6 (pg/mL)"\n'
        '"1(1,A1)","U1","45.0"\n\n'
    )
    result = runner.invoke(app, ["check", write_csv(batch + batch.replace("U1", "U2"))])
    assert result.exit_code == 2 and "not concentrations" in result.stderr


@pytest.mark.parametrize(
    ("header", "rows", "expected"),
    [
        # 'Lab #' beside 'Sample ID' is not a second sample id (review: refused)
        ("Sample ID,Lab #,Test,Result,Unit", "S1,L1,IL-6,3,pg/mL\nS2,L2,IL-6,1,pg/mL",
         [("S1", None), ("S2", None)]),
        # HL7's PID set id, 1 on every row, beside names: the names keep people apart
        ("PID,Patient Name,Test,Result,Unit", "1,Ana,IL-6,3,pg/mL\n1,Ben,IL-6,1,pg/mL",
         [(None, "Ana"), (None, "Ben")]),
    ],
)  # fmt: skip
def test_number_columns_read_as_before_where_the_new_names_would_misread(
    write_csv: Write, header: str, rows: str, expected: list[tuple[str | None, str | None]]
) -> None:
    path = write_csv(f"{header}\n{rows}\n")
    assert [(r.sample_id, r.patient_id) for r in results_of(path)] == expected
