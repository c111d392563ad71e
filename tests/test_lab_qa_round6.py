"""A lab technician's sixth QA round: signs, names and units real exports write elsewhere."""

from __future__ import annotations

import pytest
from judged import events_of, issues_of, results_of
from typer.testing import CliRunner

from panelcli.check import CheckOptions, Interpreter
from panelcli.cli import app
from panelcli.models import Issue, Result
from panelcli.ranges import load_ranges
from panelcli.units import unit_key
from panelcli.values import (
    ValueProblem,
    other_fluid,
    parse_lab_range,
    parse_value,
    past_a_limit,
)
from tests.conftest import assert_no_crash, time_limit

runner = CliRunner()


# --- a value's sign in a column panelcli does not know -------------------------------------


@pytest.mark.parametrize("short_path", [True, False])
@pytest.mark.parametrize("name", ["Vorzeichen", "Signo", "Signe", "Operador", "Prefix", "Censor"])
def test_a_sign_column_under_other_names_is_read(write_csv, name: str, short_path: bool) -> None:
    """'>' beside '2,0' under 'Vorzeichen' was passed over: 2.0 judged normal, exit 0."""
    path = write_csv(
        f"Probe;Analyt;{name};Ergebnis;Einheit\nDE-2;IL-6;>;2,0;pg/mL\nDE-2;IL-8;;2,0;pg/mL\n"
    )
    il6, il8 = results_of(path, short_path)
    assert (il6.comparator, il6.value, il6.status) == (">", 2.0, "indeterminate")
    assert (il8.comparator, il8.status) == (None, "normal")
    (said,) = issues_of(path, short_path)
    assert "a '<' or '>' alone in it is read as the sign of the value" in said.message


@pytest.mark.parametrize("short_path", [True, False])
@pytest.mark.parametrize(
    ("name", "cells"),
    [("Censored", ("0", "1")), ("Operador", ("jgarcia", "mlopez")), ("Prefix", ("LAB", "LAB"))],
)
def test_a_sign_columns_other_text_is_not_read_and_refuses_nothing(
    write_csv, name: str, cells: tuple[str, str], short_path: bool
) -> None:
    """Review: as a comparator column's, 'Censored' 0/1, an 'Operador' of technicians' names
    and a 'Prefix' of 'LAB' refused every row (comparator-unreadable)."""
    first, second = cells
    path = write_csv(
        f"Sample ID,Test,{name},Result,Units\nS1,IL-6,{first},12,pg/mL\n"
        f"S1,IL-8,{second},5,pg/mL\nS1,IL-10,>,5,pg/mL\n"
    )
    il6, il8, il10 = results_of(path, short_path)
    assert (il6.status, il6.comparator, il8.comparator, il10.comparator) == (
        "high", None, None, ">",
    )  # fmt: skip
    assert not [i for i in issues_of(path, short_path) if i.severity == "error"]


@pytest.mark.parametrize("short_path", [True, False])
@pytest.mark.parametrize("name", ["", "Symbol", "Comp", "Qual."])
def test_a_sign_alone_in_the_unread_column_before_the_value_is_its_sign(
    write_csv, name: str, short_path: bool
) -> None:
    """A blank-headed column's '>' was quoted in a warning, yet 2.0 was judged normal."""
    path = write_csv(
        f"Sample ID,Test,{name},Result,Units\nX-1,IL-6,>,2.0,pg/mL\nX-1,IL-8,<=,12,pg/mL\n"
        "X-1,IL-10,abc,2.0,pg/mL\nX-1,TNF-α,,5,pg/mL\n"
    )
    il6, il8, il10, tnf = results_of(path, short_path)
    assert (il6.comparator, il6.status) == (">", "indeterminate")
    assert (il8.comparator, il8.original_value, il8.status) == ("<=", "<=12", "indeterminate")
    assert (il10.comparator, il10.status) == (None, "normal")  # other text: not read
    assert tnf.comparator is None
    (warning,) = issues_of(path, short_path)
    if name:  # said of the column at the header, once
        assert warning.line == 1
        assert "a '<' or '>' alone in it is read as the sign of the value" in warning.message
    else:  # a column with no name: said of its first cell that is not read
        assert (warning.code, warning.line) == ("column-unnamed", 4)
        assert "'abc'" in warning.message


def test_a_sign_beside_that_contradicts_the_value_refuses_the_row_naming_the_column(
    write_csv,
) -> None:
    path = write_csv("Sample ID,Test,Symbol,Result,Units\nX-1,IL-6,>,<2.0,pg/mL\n")
    assert not results_of(path)
    (refused,) = [i for i in issues_of(path) if i.severity == "error"]
    assert (refused.code, refused.column, refused.line) == ("comparator-conflict", "Symbol", 2)


def test_a_sign_in_an_unread_column_elsewhere_is_not_read(write_csv) -> None:
    """Only the column right before the value: a 'Box' column further left keeps its text."""
    path = write_csv("Sample ID,Box,Test,Result,Units\nX-1,>,IL-6,2.0,pg/mL\n")
    (result,) = results_of(path)
    assert result.comparator is None


def test_the_cli_reads_the_sign_and_says_how(write_csv) -> None:
    path = write_csv("Probe;Analyt;Zeichen;Ergebnis;Einheit\nDE-2;IL-6;>;2,0;pg/mL\n")
    result = runner.invoke(app, ["validate", path])
    assert result.exit_code == 0, result.output
    assert "column 'Zeichen' is read only for a value's sign: a '<' or '>' alone" in result.stdout
    checked = runner.invoke(app, ["check", path, "--format", "csv"])
    assert ">2,0" in checked.stdout and "indeterminate" in checked.stdout


# --- printed ranges ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "low", "high"),
    [
        ("<OR=5.0", None, 5.0),
        ("< OR = 5.0", None, 5.0),
        ("< or = 18.0 pg/mL", None, 18.0),
        ("Ref: <OR=5.0", None, 5.0),
        (">OR=2", 2.0, None),
        ("≦5.0", None, 5.0),
        ("⩽5.0", None, 5.0),
    ],
)
def test_quest_style_or_equal_ranges_are_read(printed: str, low, high) -> None:
    """Quest's '<OR=5.0' was unreadable: the set's ≤ 9.4 judged IL-8 6.0 normal."""
    read = parse_lab_range(printed)
    assert read is not None
    assert (read.low, read.high, read.low_exclusive, read.high_exclusive) == (
        low, high, False, False,
    )  # fmt: skip


@pytest.mark.parametrize("short_path", [True, False])
def test_the_labs_or_equal_range_judges_the_value(write_csv, short_path: bool) -> None:
    path = write_csv("Sample,Test,Result,Units,Reference Range\nS1,IL-8,6.0,pg/mL,<OR=5.0\n")
    (result,) = results_of(path, short_path)
    assert result.status == "high" and result.reference is not None
    assert result.reference.high == 5.0


# --- an instrument's block of concentrations ----------------------------------------------


@pytest.mark.parametrize(
    "block", ["Calculated Concentration", "Calc. Conc.", "Obs Conc", "Conc", "Final Concentration"]
)
def test_other_names_of_a_block_of_concentrations_are_read(write_csv, block: str) -> None:
    """INTELLIFLEX's 'DataType: Calculated Concentration' was refused as 'not concentrations'."""
    path = write_csv(
        f'"Program","INTELLIFLEX"\n"DataType:","{block}"\n'
        '"Location","Sample","IL-6 (pg/mL)"\n"1(1,A1)","U1","4.21"\n'
    )
    (result,) = results_of(path)
    assert (result.sample_id, result.value, result.status) == ("U1", 4.21, "high")


def test_a_block_of_medians_is_still_refused(write_csv) -> None:
    path = write_csv(
        '"Program","INTELLIFLEX"\n"DataType:","Net MFI"\n'
        '"Location","Sample","IL-6 (pg/mL)"\n"1(1,A1)","U1","4.21"\n'
    )
    result = runner.invoke(app, ["check", path])
    assert result.exit_code == 2
    assert "'DataType: Net MFI' (line 2), which is not concentrations" in result.stderr


# --- units --------------------------------------------------------------------------------


@pytest.mark.parametrize("short_path", [True, False])
def test_an_hl7_coded_unit_is_read_by_its_code(write_csv, short_path: bool) -> None:
    """'pg/mL^^UCUM' was refused: "cannot be converted to pg/mL"."""
    path = write_csv(
        "sample_id,marker,value,unit\nS1,IL-8,6.0,pg/mL^^UCUM\n"
        "S1,IL-6,6.0,pg/mL^picogram per milliliter^UCUM\nS1,IL-10,0.006,ng/mL^^UCUM\n"
    )
    il8, il6, il10 = results_of(path, short_path)
    assert (il8.value, il8.unit, il8.status) == (6.0, "pg/mL", "normal")
    assert (il6.value, il6.unit, il6.status) == (6.0, "pg/mL", "high")
    assert (il10.value, il10.original_unit) == (6.0, "ng/mL^^UCUM")
    assert not issues_of(path, short_path)


def test_a_power_of_ten_is_no_coded_unit() -> None:
    assert unit_key("10^9/L") != unit_key("10^12/L")
    assert unit_key("pg/mL^^UCUM") == unit_key("pg/mL")


# --- a value corrected for dilution ---------------------------------------------------------


@pytest.mark.parametrize("short_path", [True, False])
@pytest.mark.parametrize(
    ("raw", "corrected"),
    [
        ("Result", "AdjResult"),
        ("Conc (pg/mL)", "Final Conc (pg/mL)"),
        ("Concentration", "Corrected Concentration"),
        ("Result", "Result x Dilution"),
        ("Calc. Concentration", "Dilution Corrected Concentration"),
    ],
)
def test_the_value_corrected_for_dilution_is_read_not_the_raw_one(
    write_csv, raw: str, corrected: str, short_path: bool
) -> None:
    """SoftMax Pro's 'AdjResult' 20.0 beside 'Result' 2.0: 2.0 was judged, normal (10x low)."""
    for first, second, cells in ((raw, corrected, "2.0,20.0"), (corrected, raw, "20.0,2.0")):
        path = write_csv(
            f"Sample,Analyte,Dilution,{first},{second},Unit\nU1,IL-6,10,{cells},pg/mL\n"
        )
        (result,) = results_of(path, short_path)
        assert (result.value, result.status, result.column) == (20.0, "high", corrected)
        (said,) = [i for i in issues_of(path, short_path) if i.column == raw]
        assert said.message == (
            f"column '{raw}' was not read: the value corrected for dilution is read from "
            f"column '{corrected}'"
        )


@pytest.mark.parametrize("short_path", [True, False])
def test_a_blank_corrected_cell_is_refused_quoting_the_value_off_the_curve(
    write_csv, short_path
) -> None:
    """A first review had a blank 'Final Conc' read the 'Conc' beside it; a second found it
    may be 10 times low (1.3 normal where 13 is high): refused, saying what it gives."""
    path = write_csv(
        "Sample,Analyte,Dilution,Conc,Final Conc,Units\nS1,IL-6,10,2.0,20.0,pg/mL\n"
        "S2,IL-6,10,1.3,,pg/mL\n"
    )
    (s1,) = results_of(path, short_path)
    assert (s1.value, s1.column) == (20.0, "Final Conc")
    (missing,) = [i for i in issues_of(path, short_path) if i.severity == "error"]
    assert (missing.code, missing.line, missing.column) == ("value-missing", 3, "Final Conc")
    assert "'Conc' gives '1.3', read before the dilution, which is not judged" in missing.message


def test_result_beside_final_result_is_still_two_value_columns(write_csv) -> None:
    """Review: a 'Final Result' of Y/N beside 'Result' was said to be corrected for dilution."""
    path = write_csv("Sample,Test,Result,Final Result,Units\nS1,IL-6,3,Y,pg/mL\n")
    result = runner.invoke(app, ["check", path])
    assert result.exit_code == 2
    assert "both look like the value column" in result.stderr


def test_a_final_concentration_alone_is_the_value(write_csv) -> None:
    """'Final Conc (pg/mL)' alone: 'has a marker column but no value column'."""
    (result,) = results_of(write_csv("Sample,Analyte,Final Conc (pg/mL)\nU1,IL-6,521\n"))
    assert (result.value, result.unit, result.status) == (521.0, "pg/mL", "high")


# --- a flag saying the value is past the assay's limit -----------------------------------


@pytest.mark.parametrize(
    ("flag", "side"),
    [
        ("Conc. > ULOQ", ">"), ("Conc. < LLOQ", "<"), ("< LLOQ", "<"), (">ULOQ", ">"),
        ("Above ULOQ", ">"), ("below the LOD", "<"), ("Below fit curve range", "<"),
        ("Over standard curve", ">"), ("High", None), ("LLOQ", None), ("H", None),
        # review: the other side of a limit was measured, and a bare range is the lab's
        ("Above range", None), ("> LLOQ", None), ("<ULOQ", None), ("Above LOD", None),
    ],
)  # fmt: skip
def test_a_flag_past_a_limit_is_read_as_a_side(flag: str, side: str | None) -> None:
    assert past_a_limit(flag) == side


def test_simoas_flag_past_a_limit_makes_the_value_an_estimate(write_csv) -> None:
    """Simoa's 'Conc. > ULOQ' beside 480 was judged as exactly 480, '192 x upper limit'."""
    path = write_csv(
        "Sample,Analyte,Conc,Unit,Flag\nSQ-1,IL-6,480,pg/mL,Conc. > ULOQ\n"
        "SQ-2,IL-6,0.9,pg/mL,Conc. < LLOQ\nSQ-3,IL-6,>480,pg/mL,Below LLOQ\n"
    )
    high, low = results_of(path)
    assert (high.comparator, high.value, high.status) == (">", 480.0, "high")
    assert (low.comparator, low.status) == ("<", "normal")
    (refused,) = issues_of(path)
    assert (refused.code, refused.line, refused.column) == ("flag-conflict", 4, "Flag")


# --- Excel's text guard -----------------------------------------------------------------------


@pytest.mark.parametrize("short_path", [True, False])
def test_excels_text_guard_is_read_as_its_text(write_csv, short_path: bool) -> None:
    """An LIS writes ="00123" so that Excel keeps the zeros: the id was '="00123"', and a value
    ="12.5" was refused as a formula."""
    path = write_csv(
        'sample_id,marker,value,unit\n="00123",IL-6,="12.5",pg/mL\n="00123",IL-8,3,pg/mL\n'
        "00123,IL-10,=A2*2,pg/mL\n"
    )
    il6, il8 = results_of(path, short_path)
    assert (il6.sample_id, il6.value, il6.status) == ("00123", 12.5, "high")
    assert il8.sample_id == "00123"
    (refused,) = issues_of(path, short_path)
    assert "is a spreadsheet formula" in refused.message  # a real formula still is one
    assert parse_value('="<2"') == parse_value("<2")


# --- a value with its limit named, or its flag before it -------------------------------------


@pytest.mark.parametrize(
    ("cell", "comparator", "number"),
    [
        ("<LLOQ (0.7)", "<", 0.7), ("< 0.7 (LLOQ)", "<", 0.7), ("ND (<0.5)", "<", 0.5),
        (">ULOQ (5000)", ">", 5000.0), ("BLQ <0.7", "<", 0.7), ("Below LLOQ: 0.7", "<", 0.7),
        ("Not detected (<0.5)", "<", 0.5),
    ],
)  # fmt: skip
def test_words_past_a_limit_with_its_number_are_that_bound(
    cell: str, comparator: str, number: float
) -> None:
    """Each was refused with a bare 'is not a number'."""
    read = parse_value(cell)
    assert (read.comparator, read.number) == (comparator, number)


@pytest.mark.parametrize("cell", ["ND (>0.5)", "< 0.7 (xyz)", "IL-6 12", "high 12"])
def test_words_and_a_number_that_say_no_bound_are_still_refused(cell: str) -> None:
    with pytest.raises(ValueProblem, match="not a number"):
        parse_value(cell)


@pytest.mark.parametrize(
    ("cell", "flag", "number"),
    [
        ("H 12.5", "H", 12.5), ("(H) 12.5", "H", 12.5), ("L 0.5", "L", 0.5),
        ("↑ 45", "H", 45.0), ("↑45", "H", 45.0), ("12.5 ↑", "H", 12.5), ("12.5 ↓", "L", 12.5),
        ("HH 500", "HH", 500.0),
    ],
)  # fmt: skip
def test_a_flag_before_the_number_or_an_arrow_is_read(cell: str, flag: str, number: float) -> None:
    """'H 12.5' and '↑ 45' were refused as 'not a number' ('45 H' was read)."""
    read = parse_value(cell)
    assert (read.flag, read.number) == (flag, number)


def test_two_flags_that_disagree_are_refused_saying_so() -> None:
    with pytest.raises(ValueProblem, match="gives two flags that disagree, 'H' and 'L'"):
        parse_value("H 12.5 L")
    with pytest.raises(ValueProblem, match="not a number"):
        parse_value("- 5")  # a sign is no flag: '- 5' may be a minus


def test_a_flag_before_the_number_judges_the_row(write_csv) -> None:
    path = write_csv("Sample,Test,Result,Units\nS1,IL-6,H 12.5,pg/mL\nS1,IL-8,<LLOQ (0.7),pg/mL\n")
    il6, il8 = results_of(path)
    assert (il6.value, il6.status, il6.flag) == (12.5, "high", "H")
    assert (il8.comparator, il8.value, il8.status) == ("<", 0.7, "normal")


# --- a specimen other than blood ------------------------------------------------------------


@pytest.mark.parametrize("short_path", [True, False])
@pytest.mark.parametrize("column", ["Sample Type", "Specimen", "Specimen Type", "Matrix"])
def test_a_fluid_other_than_blood_is_not_judged_by_a_blood_range(
    write_csv, column: str, short_path: bool
) -> None:
    """A CSF's IL-6 and a joint fluid's were 'high' by ARUP's plasma range, with no word."""
    path = write_csv(
        f"Sample ID,{column},Test,Result,Units\nSP-1,CSF,IL-6,12,pg/mL\n"
        "SP-2,Synovial Fluid,IL-6,2400,pg/mL\nSP-3,Serum,IL-6,12,pg/mL\nSP-4,,IL-6,12,pg/mL\n"
        "SP-5,Liquor,IL-6,1,pg/mL\n"
    )
    csf, joint, serum, blank, liquor = results_of(path, short_path)
    assert (csf.status, joint.status, liquor.status) == ("indeterminate",) * 3
    assert csf.note is not None and csf.note.startswith(
        "the sample is cerebrospinal fluid (CSF), but this set's range is for blood"
    )
    assert "joint (synovial) fluid" in (joint.note or "")
    assert (serum.status, blank.status) == ("high", "high")


def test_the_labs_own_range_judges_another_fluid(write_csv) -> None:
    """The lab's range in the row is for the specimen it measured: it judges as ever."""
    path = write_csv(
        "Sample ID,Specimen,Test,Result,Units,Reference Range\nSP-1,CSF,IL-6,12,pg/mL,0-10\n"
    )
    (result,) = results_of(path)
    assert result.status == "high"


def test_a_set_for_that_fluid_judges_it(write_csv, tmp_path) -> None:
    ranges = tmp_path / "csf.toml"
    ranges.write_text(
        '[set]\nname = "csf"\nspecimen = "CSF"\n[markers.IL-6]\nunit = "pg/mL"\nhigh = 10\n',
        encoding="utf-8",
    )
    path = write_csv("Sample ID,Specimen,Test,Result,Units\nSP-1,CSF,IL-6,12,pg/mL\n")
    checking = Interpreter(load_ranges(str(ranges)), CheckOptions())
    (result,) = [e for e in checking.events([path]) if isinstance(e, Result)]
    assert result.status == "high"


def test_a_wide_files_sample_type_says_its_fluid(write_csv) -> None:
    path = write_csv("Sample,Sample Type,IL-6 (pg/mL),IL-8 (pg/mL)\nB1,BAL,40,300\nB2,Plasma,1,2\n")
    il6, il8, plasma_il6, plasma_il8 = results_of(path)
    assert (il6.status, il8.status) == ("indeterminate", "indeterminate")
    assert "lung wash fluid (BAL)" in (il6.note or "")
    assert (plasma_il6.status, plasma_il8.status) == ("normal", "normal")


@pytest.mark.parametrize(
    ("cell", "fluid"),
    [
        ("CSF", "cerebrospinal fluid (CSF)"), ("Urine", "urine"), ("Serum", None),
        ("EDTA Plasma", None), ("Serum/CSF", None), ("Unknown", None), ("S", None),
        ("Standard", None), ("Cell culture supernatant", "cell culture fluid"), ("", None),
    ],
)  # fmt: skip
def test_other_fluid_names_only_fluids_other_than_blood(cell: str, fluid: str | None) -> None:
    assert other_fluid(cell) == fluid


# --- more column names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        "Amostra;Exame;Resultado;Unidade", "Próbka;Badanie;Wynik;Jednostka",
        "Provnummer;Analys;Resultat;Enhet", "Sample;Assay Name;Result Val;Units",
        "Sample;COMPONENT_NAME;ORD_VALUE;Units", "Sample;Test Code;Result;Units",
        "Sample;COMPONENT_NAME;ORD_NUM_VALUE;Units",
    ],
)  # fmt: skip
def test_portuguese_polish_swedish_and_lis_headers_are_read(write_csv, header: str) -> None:
    """Each was refused as 'no header' (lab QA)."""
    (result,) = results_of(write_csv(f"{header}\nA1;IL-6;3,5;pg/mL\n"))
    assert (result.sample_id, result.marker, result.value, result.status) == (
        "A1", "IL-6", 3.5, "high",
    )  # fmt: skip


def test_test_code_beside_a_test_name_is_not_read(write_csv) -> None:
    path = write_csv("Sample,Test Code,Test,Result,Units\nA1,X12,IL-6,3.5,pg/mL\n")
    (result,) = results_of(path)
    assert result.marker == "IL-6"


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "day"),
    [("2026.03.20", "2026-03-20"), ("2026.03.20 08:15", "2026-03-20 08:15"),
     ("Wed, 25 Mar 2026", "2026-03-25"), ("Thu Mar 26 2026", "2026-03-26"),
     ("Thursday, March 26, 2026", "2026-03-26")],
)  # fmt: skip
def test_year_first_dotted_dates_and_a_weekday_before_a_date_are_read(written, day) -> None:
    """Each was 'not a date panelcli can read'."""
    from panelcli.trends import read_date

    read = read_date(written)
    assert read is not None and read.isoformat(sep=" ").startswith(day)


@pytest.mark.parametrize(
    ("written", "day"),
    [("2026. 03. 20.", "2026-03-20"), ("2026.03.20.", "2026-03-20"),
     ("2026. 03. 20. 08:15", "2026-03-20 08:15")],
)  # fmt: skip
def test_hungarian_dates_are_read(written: str, day: str) -> None:
    """Second review: the year-first form Hungarian writes, with spaces and a last dot."""
    from panelcli.trends import read_date

    read = read_date(written)
    assert read is not None and read.isoformat(sep=" ").startswith(day)


def test_a_year_first_dotted_day_its_month_lacks_is_said_so() -> None:
    from panelcli.trends import why_no_date

    assert why_no_date("2026.02.30") == "is not a real day: February 2026 has no day 30"


def test_a_weekday_alone_or_before_an_iso_date_is_no_date() -> None:
    from panelcli.trends import read_date

    assert read_date("Monday") is None and read_date("2026.13.40") is None


@pytest.mark.parametrize(
    ("written", "years"),
    [("6M", 0.5), ("6 m", None), ("17y 11m", 17 + 11 / 12), ("2 yrs 3 mos", 2.25),
     ("10 y, 2 m", 10 + 2 / 12), ("17y 12m", None), ("42", 42.0), ("11m", 11 / 12),
     ("45 M", None), ("18m", None), ("18 mo", 1.5)],  # ('45 M': an age and a sex?)
)  # fmt: skip
def test_ages_in_months_as_m_and_in_years_and_months_are_read(written, years) -> None:
    """'6M' and '17y 11m' were warned about as unreadable ages."""
    from panelcli.check import parse_age

    assert parse_age(written) == (None if years is None else pytest.approx(years))


def test_a_line_of_nul_bytes_is_skipped_with_a_warning(tmp_path) -> None:
    """It made a sample '\\x00\\x00\\x00\\x00' with no marker, a rejected row and exit 2."""
    path = tmp_path / "padded.csv"
    path.write_bytes(b"sample_id,marker,value,unit\nZ-1,IL-6,3.1,pg/mL\n\x00\x00\x00\x00")
    events = events_of(str(path))
    assert [r.value for r in events if isinstance(r, Result)] == [3.1]
    (said,) = [e for e in events if isinstance(e, Issue)]
    assert (said.severity, said.code, said.line) == ("warning", "nul-line-skipped", 3)


def test_simoas_replicates_are_read_not_their_mean_once_per_row(write_csv) -> None:
    """Each replicate row repeats 'Mean Conc.': the mean was judged once per row, twice a
    sample; a 'NaN' beside 'Conc. < LLOQ' was refused as not finite."""
    path = write_csv(
        "Sample Barcode,Assay,Location,Replicate Conc.,Mean Conc.,Unit,Flags\n"
        "SIM-001,IL-6,A1,1.21,1.25,pg/mL,\nSIM-001,IL-6,A2,1.29,1.25,pg/mL,\n"
        "SIM-002,IL-6,A3,NaN,NaN,pg/mL,Conc. < LLOQ\n"
    )
    first, second, below = results_of(path)
    assert (first.value, second.value) == (1.21, 1.29)
    assert (below.comparator, below.value, below.status) == ("<", None, "indeterminate")
    said = {i.column: i.message for i in issues_of(path) if i.line == 1}
    assert said["Mean Conc."].startswith("column 'Mean Conc.' was not read: it is the mean")
    assert "'Location' is not a known marker or field and was not read" in said["Location"]


@pytest.mark.parametrize("name", ["Replicate Conc.", "Sample No", "Run Date", "Well"])
def test_a_column_named_for_something_else_is_no_sign_column(write_csv, name: str) -> None:
    path = write_csv(f"Sample,Test,{name},Result,Units\nS1,IL-6,>,2.0,pg/mL\n")
    assert all(r.comparator is None for r in results_of(path))


@pytest.mark.parametrize("short_path", [True, False])
def test_epics_placeholder_9999999_is_no_result(write_csv, short_path: bool) -> None:
    """It was judged as 689,655 times TNF-α's upper limit and called strong inflammation."""
    path = write_csv("Component,Numeric Result,Units\nTNF-alpha,9999999,pg/mL\nIL-6,12,pg/mL\n")
    (result,) = results_of(path, short_path)
    assert result.marker == "IL-6"
    (refused,) = issues_of(path, short_path)
    assert (refused.code, refused.line) == ("value-placeholder", 2)
    assert parse_value("999999").number == 999999.0  # six nines may be a real number


def test_olinks_quantified_value_is_read_and_its_npx_said_not_to_be(write_csv) -> None:
    """Target 48 with 'NPX' and 'Quantified_value' (pg/mL) was refused whole as NPX only."""
    path = write_csv(
        "SampleID,Assay,QC_Warning,NPX,Quantified_value,Unit\nS01,IL6,Pass,3.1,4.1,pg/mL\n"
    )
    (result,) = results_of(path)
    assert (result.marker, result.value, result.status) == ("IL-6", 4.1, "high")
    said = {i.column: i.message for i in issues_of(path)}
    assert said["NPX"] == (
        "column 'NPX' was not read: Olink's relative log2 scale, not concentrations"
    )
    # read as the instrument's alarms since lab QA round 7: 'Pass' is none
    assert "QC_Warning" not in said and result.note is None


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("MSH|^~\\&|LIS|LAB\rPID|1||MRN123\rOBX|1|NM|26881-3^IL-6^LN||12.5|pg/mL\r",
         "this is an HL7 v2 message (its first segment is MSH), not a table of results"),
        ("H|\\^&|||cobas e 801^1\nP|1\nR|1|^^^IL6|12.5|pg/mL\n",
         "this is an ASTM message from an instrument"),
        ("Plate:,Plate1\n,1,2,3,4,5,6,7,8,9,10,11,12\nA,2.4,2.3,0.2,0.2,0.06,0.06,,,,,,\n",
         "this is a plate's layout (a grid of wells, rows A to H and columns 1 to 12)"),
    ],
)  # fmt: skip
def test_a_message_or_a_plate_grid_is_named_for_what_it_is(write_csv, text, said) -> None:
    """Each got the generic 'no header with marker and value columns found'."""
    result = runner.invoke(app, ["check", write_csv(text)])
    assert result.exit_code == 2
    assert said in result.stderr


# --- fuzz: a NUL in a person's cell, long runs of white space -----------------------------


def test_a_nul_in_a_patient_or_date_cell_is_no_internal_error(tmp_path) -> None:
    """'P\\x00' beside 'P' for one sample stopped the run: 'internal error (ValueError: zip()
    argument 2 is shorter than argument 1)'."""
    for text in (
        b"sample,patient,marker,value,unit\nS1,P\x00,IL-6,1,pg/mL\nS1,P,IL-8,2,pg/mL\n",
        b"sample,patient,marker,value,unit,collected\nS1,P,IL-6,1,pg/mL,2026\x00-01-01\n"
        b"S1,P,IL-8,2,pg/mL,2026-01-01\n",
    ):
        path = tmp_path / "nul.csv"
        path.write_bytes(text)
        result = runner.invoke(app, ["check", str(path), "--format", "json"])
        assert result.exit_code == 0, result.output
        assert "internal error" not in result.output


@pytest.mark.parametrize(
    "text",
    [
        b"a," + b" " * 3000,
        b"sample_id,marker,value,unit\nS1,IL-6" + b" " * 3000 + b"x,5,pg/mL\n",
        b"sample_id,marker,value,unit\nS1,IL-6,5,pg/mL\n" + b" " * 3000 + b",IL-6\n",
        b"sample_id,marker,value,unit\nS1,IL-6" + b"_ " * 3000 + b"x,5,pg/mL\n",
    ],
)
def test_a_long_run_of_white_space_in_a_cell_takes_no_time(tmp_path, text: bytes) -> None:
    """1,000 spaces in a cell took 60 to 90 seconds (the patterns reading names backtracked):
    a limit far above a second, so that a slow machine passes and the old patterns fail."""
    path = tmp_path / "spaces.csv"
    path.write_bytes(text)
    with time_limit(20):
        result = runner.invoke(app, ["check", str(path), "--format", "ndjson"])
    assert result.exit_code in (0, 1, 2)
    assert_no_crash(result)


# --- review of this round ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "marker", "value", "sample"),
    [
        # Epic's provider is no sample: the file has no value column it reads, as before
        ("PAT_ID,PROV_ID,COMPONENT,ORD_VALUE,UNITS\nZ1,P77,IL-6,12,pg/mL\n", "IL-6", 12.0, None),
        ("Sample ID,Assay Name,Analyte,Result,Units\nS1,Kit 2,IL-6,12,pg/mL\n", "IL-6", 12.0, "S1"),
        ("Sample ID,Test Code,Test Description,Result,Units\nS1,81101,IL-6,12,pg/mL\n",
         "IL-6", 12.0, "S1"),
        ("Sample,COMPONENT_NAME,ORD_VALUE,ORD_NUM_VALUE,Units\nS1,IL-6,<2.0,9999999,pg/mL\n",
         "IL-6", 2.0, "S1"),
    ],
)  # fmt: skip
def test_new_names_take_no_column_from_a_better_one(write_csv, text, marker, value, sample):
    """Review: 'PROV_ID' was the sample (two patients, one panel); 'Assay Name' beside
    'Analyte' refused the file; 'Test Code' was the marker beside 'Test Description'; and
    ORD_VALUE beside ORD_NUM_VALUE was two value columns."""
    (result,) = results_of(write_csv(text))
    assert (result.marker, result.value, result.sample_id) == (marker, value, sample)


def test_a_specimen_type_column_is_read_before_a_material_one(write_csv) -> None:
    path = write_csv(
        "Sample ID,Material,Specimen Type,Test,Result,Units\nS1,Cryovial,CSF,IL-6,12,pg/mL\n"
    )
    (result,) = results_of(path)
    assert result.status == "indeterminate"


@pytest.mark.parametrize(
    ("cell", "fluid"),
    [("Dialysate", "dialysis fluid"), ("Nasal lavage", "nasal fluid"),
     ("Cervicovaginal lavage", "a wash (lavage) fluid"), ("Seminal plasma", "semen"),
     ("Cell lysate", "tissue")],
)  # fmt: skip
def test_fluids_the_review_found_misnamed(cell: str, fluid: str) -> None:
    assert other_fluid(cell) == fluid


@pytest.mark.parametrize("cell", ["A1", "H12", "L5"])
def test_letters_glued_to_a_number_are_no_flag(cell: str) -> None:
    """Review: a well 'A1' was read as 1 flagged A, and 'H12' as 12 flagged H."""
    with pytest.raises(ValueProblem, match="not a number"):
        parse_value(cell)


def test_curly_less_or_equal_signs_are_read_in_a_value_and_a_sign_column(write_csv) -> None:
    assert (parse_value("≦12").comparator, parse_value("≧ 5").comparator) == ("<=", ">=")
    path = write_csv("Sample ID,Test,Comparator,Result,Units\nS1,IL-6,≦,12,pg/mL\n")
    (result,) = results_of(path)
    assert (result.comparator, result.value) == ("<=", 12.0)


def test_a_rewritten_value_is_quoted_as_written_in_its_refusal() -> None:
    with pytest.raises(ValueProblem, match="value 'ND 0' says less than 0"):
        parse_value("ND 0")


def test_an_empty_text_guard_is_an_empty_cell() -> None:
    from panelcli.values import given_id

    assert given_id('=""') is None
    with pytest.raises(ValueProblem, match="value is empty"):
        parse_value('=""')


def test_no_header_names_the_table_not_a_label_line_above_it(write_csv) -> None:
    """A Quantikine sheet's 'Kit:,Human IL-6 …' line was named as the likely header."""
    path = write_csv(
        "Kit:,Human IL-6 Quantikine ELISA D6050\nReader:,SpectraMax,450 nm\n"
        "Well,Sample,OD450,Conc (pg/mL)\nA3,PT-101,0.215,3.9\n"
    )
    result = runner.invoke(app, ["check", path])
    assert result.exit_code == 2
    assert "the first line that looks like one is line 3 ('Well', 'Sample'" in result.stderr


def test_second_review_fluids_dates_and_placeholders() -> None:
    """Seminalplasma was blood; a date cell of 30,000 spaces took minutes; 9999999.0 and
    '>9999999' were refused as Epic's placeholder."""
    from panelcli.trends import read_date

    assert other_fluid("Seminalplasma") == other_fluid("seminal-plasma") == "semen"
    assert read_date("20" + " " * 30000 + "26-03-01") is None
    assert parse_value("9999999.0").number == 9999999.0
    assert parse_value(">9999999").comparator == ">"


def test_an_exact_three_times_is_strong_beside_another_three() -> None:
    """22.2 over 7.4 (a float's 2.9999…) was 'mild' beside TNF-α's 3 times 'strong'."""
    from panelcli.interpret import times_upper_limit

    assert times_upper_limit(22.2, 7.4, at_least=True) == 3.0
