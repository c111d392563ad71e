"""Cell notation, unit conversion and marker-name keys (core parsers, with hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from panelcli.names import greek_slip_mended, instrument_name, marker_key, split_header_unit
from panelcli.units import UnitProblem, conversion_exponent, convert
from panelcli.values import LabRange, ParsedValue, ValueProblem, parse_lab_range, parse_value


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("12.5", ParsedValue(12.5, None)),
        (" 3 ", ParsedValue(3.0, None)),
        ("<2.0", ParsedValue(2.0, "<")),
        ("< 2.0", ParsedValue(2.0, "<")),
        ("≤2", ParsedValue(2.0, "<=")),
        ("<=2", ParsedValue(2.0, "<=")),
        (">5000", ParsedValue(5000.0, ">")),
        ("≥ 7", ParsedValue(7.0, ">=")),
        ("OOR <", ParsedValue(None, "<")),
        ("OOR >", ParsedValue(None, ">")),
        ("ND", ParsedValue(None, "<")),
        ("not detected", ParsedValue(None, "<")),
        ("BLQ", ParsedValue(None, "<")),
        ("below LLOQ", ParsedValue(None, "<")),  # QA: '<LLOQ' was read, this refused
        ("Below LOQ", ParsedValue(None, "<")),
        ("3E+3", ParsedValue(3000.0, None)),
        ("-0", ParsedValue(0.0, None)),
        ("12.5 pg/mL", ParsedValue(12.5, None, "pg/mL")),
        ("5pg/mL", ParsedValue(5.0, None, "pg/mL")),  # glued: was 'not a number' (QA)
        ("<2.0pg/mL", ParsedValue(2.0, "<", "pg/mL")),
        ("1e3pg/mL", ParsedValue(1000.0, None, "pg/mL")),
        # HL7's structured numbers (QA: '<^2.0' was not a number)
        ("<^2.0", ParsedValue(2.0, "<")),
        (">=^7", ParsedValue(7.0, ">=")),
        ("=^3", ParsedValue(3.0, None)),
        ("^12.5", ParsedValue(12.5, None)),
    ],
)
def test_parse_value(cell, expected):
    assert parse_value(cell)[:3] == expected[:3]


def test_below_lloq_in_words_may_stand_for_the_lloq_only() -> None:
    """As '<LLOQ' and BLQ: the value is under the quantification limit, which may be above
    the detection limit, so only an lloq of the set may stand in for its number."""
    assert parse_value("below LLOQ").limits == parse_value("<LLOQ").limits == ("lloq",)


def test_decimal_comma_only_where_the_delimiter_allows_it_or_nothing_else_can_be_meant():
    assert parse_value("12,5", decimal_comma=True) == ParsedValue(12.5, None)
    # In a ',' file (the cell quoted) a comma followed by other than three digits, or after a
    # lone 0, groups no thousands: '3,2' was rejected as ambiguous (found in review).
    for cell, number in (("12,5", 12.5), ("< 0,5", 0.5), ("0,125", 0.125), ("1,2345", 1.2345)):
        assert parse_value(cell).number == number
    for cell in ("12,345", "1,234,567", "1.2,3", ",5"):
        with pytest.raises(ValueProblem) as problem:
            parse_value(cell)
        assert problem.value.code == "value-ambiguous-comma"
    # One mark grouping threes and then the other once: only one reading (QA: refused)
    assert parse_value("1.234,5", decimal_comma=True).number == 1234.5
    assert parse_value("1,234.5").number == 1234.5  # quoted in a ',' file
    for cell in ("1,234.5", "0.234,5", "1.23,5", "1.234.5,6"):  # against the file's mark
        with pytest.raises(ValueProblem) as problem:
            parse_value(cell, decimal_comma=True)
        assert problem.value.code == "value-thousands-separator"


@given(number=st.decimals(min_value=1000, max_value=10**12, places=2))
def test_numbers_grouped_in_thousands_read_back(number) -> None:
    """'12.345.678,91' where ',' is the decimal mark, '12,345,678.91' where '.' is."""
    english = f"{number:,.2f}"
    german = english.replace(",", "_").replace(".", ",").replace("_", ".")
    assert parse_value(german, decimal_comma=True).number == float(number)
    assert parse_value(english).number == float(number)


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("abc", "value-not-a-number"),
        ("", "value-missing"),
        ("-3", "value-negative"),
        ("NaN", "value-not-finite"),
        ("inf", "value-not-finite"),
        ("1e309", "value-not-finite"),
        ("<", "value-not-a-number"),
        ("1_000", "value-not-a-number"),
    ],
)
def test_unusable_values_have_stable_codes(cell, code):
    with pytest.raises(ValueProblem) as problem:
        parse_value(cell)
    assert problem.value.code == code


def test_messages_quote_at_most_a_shortened_inert_cell():
    with pytest.raises(ValueProblem) as problem:
        parse_value("\x1b[31m" + "x" * 500)
    message = str(problem.value)
    assert "\x1b" not in message and len(message) < 120


@given(st.text(max_size=30))
def test_parse_value_either_parses_or_explains(cell):
    try:
        parsed = parse_value(cell)
    except ValueProblem as problem:
        assert problem.code and str(problem)
    else:
        assert parsed.number is None or parsed.number >= 0


@pytest.mark.parametrize(
    ("source", "target", "exponent"),
    [
        ("pg/mL", "pg/mL", 0),
        ("ng/L", "pg/mL", 0),
        ("ng/mL", "pg/mL", 3),
        ("µg/L", "pg/mL", 3),  # micro sign U+00B5
        ("μg/L", "pg/mL", 3),  # Greek mu U+03BC
        ("ug/L", "pg/mL", 3),
        ("mcg/L", "pg/mL", 3),
        ("PG/ML", "pg/mL", 0),
        ("mg/dL", "mg/L", 1),
        ("U/mL", "U/mL", 0),
    ],
)
def test_conversion_exponents(source, target, exponent):
    assert conversion_exponent(source, target) == exponent


@pytest.mark.parametrize(
    ("unit", "code"), [("pmol/L", "unit-molar"), ("U/mL", "unit-not-convertible")]
)
def test_units_without_a_factor_are_refused(unit, code):
    with pytest.raises(UnitProblem) as problem:
        conversion_exponent(unit, "pg/mL")
    assert problem.value.code == code


def test_convert_is_exact_in_decimal():
    assert convert(0.021, 3) == 21.0
    assert convert(0.0088, 3) == 8.8


@pytest.mark.parametrize(
    "spellings",
    [
        ["IL-1β", "IL-1b", "IL1B", "IL 1 beta", "il-1 Beta", "IL‐1β", "IL−1β"],
        ["TNF-α", "TNFa", "TNF alpha", "tnf-ALPHA", "TNF–α"],
        ["IFN-γ", "IFNg", "IFN gamma", "IFN‑γ"],
    ],
)
def test_spelling_variants_share_a_key(spellings):
    assert len({marker_key(s) for s in spellings}) == 1


def test_bare_il1_is_not_il1_beta():
    assert marker_key("IL-1") != marker_key("IL-1β")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("IL-6 (pg/mL)", ("IL-6", "pg/mL")),
        ("TNF-α [pg/mL]", ("TNF-α", "pg/mL")),
        ("IL-12 (p70)", ("IL-12 (p70)", None)),
        ("IL-6", ("IL-6", None)),
        # as exports write them: bare, after a comma, in braces, with a footnote star
        ("IL-6 pg/mL", ("IL-6", "pg/mL")),
        ("IL-6, pg/mL", ("IL-6", "pg/mL")),
        ("IFN-γ {pg/mL}", ("IFN-γ", "pg/mL")),
        ("IL-2 (pg/mL)*", ("IL-2", "pg/mL")),
        ("IL-10_pg_mL", ("IL-10", "pg/mL")),
        ("IL-10 ng per mL", ("IL-10", "ng/mL")),
        ("IL-6 (MFI)", ("IL-6", "MFI")),
        ("IL-12 p70", ("IL-12 p70", None)),
        ("TNF alpha", ("TNF alpha", None)),
        ("IL-17A/F", ("IL-17A/F", None)),
        ("pg/mL", ("pg/mL", None)),
        ("Ratio IL-6/IL-10", ("Ratio IL-6/IL-10", None)),
        ("Fasting Y/N", ("Fasting Y/N", None)),  # not units (found in review)
        ("Sex M/F", ("Sex M/F", None)),
        ("Result pos/neg", ("Result pos/neg", None)),
        ("IL-6 pg/ml", ("IL-6", "pg/ml")),
        ("sIL-2R U/mL", ("sIL-2R", "U/mL")),
    ],
)
def test_split_header_unit(header, expected):
    assert split_header_unit(header) == expected


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("0-7", 0.0, 7.0), ("0.0 - 7.0", 0.0, 7.0), ("<7.0", None, 7.0), ("≤ 2.5", None, 2.5),
     (">0.5", 0.5, None), ("0 - 7 pg/mL", 0.0, 7.0),
     # in brackets, as a range row's cells were already read (QA: a range column's were not)
     ("(1.5-7.0)", 1.5, 7.0), ("[1.5-7.0]", 1.5, 7.0), ("(<7.0)", None, 7.0),
     ("( 0 - 7 pg/mL )", 0.0, 7.0),
     # a label saying it is the reference range, and a comparator in words (QA: unreadable,
     # the set's range judged it)
     ("Ref: 0-7", 0.0, 7.0), ("Reference range: <7.0", None, 7.0), ("0-7 (normal)", 0.0, 7.0),
     ("Referenzbereich: 0-7", 0.0, 7.0), ("Valores de referencia: 0-7", 0.0, 7.0),
     ("Reference Ranges: 0-7", 0.0, 7.0),
     ("Less than 7.0", None, 7.0), ("greater than 0.5", 0.5, None)],
)  # fmt: skip
def test_lab_ranges(text, low, high):
    parsed = parse_lab_range(text)
    assert parsed is not None and (parsed.low, parsed.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "low_exclusive", "high_exclusive"),
    [("<7.0", False, True), ("< 7 pg/mL", False, True), ("<=7", False, False),
     ("≤ 7", False, False), ("=<7", False, False), (">0.5", True, False), (">=0.5", False, False),
     ("≥ 0.5", False, False), ("0-7", False, False)],
)  # fmt: skip
def test_a_lab_range_says_which_of_its_limits_it_leaves_out(text, low_exclusive, high_exclusive):
    """'<7.0' leaves 7.0 out of the range (it was read as ≤ 7: medical-content review)."""
    parsed = parse_lab_range(text)
    assert parsed is not None
    assert (parsed.low_exclusive, parsed.high_exclusive) == (low_exclusive, high_exclusive)


def test_unreadable_lab_range_is_none():
    assert parse_lab_range("see comment") is None
    assert parse_lab_range("12:00 0-7") is None
    # review: a label naming another interval, a sex or a child, or a unit, is kept (unread)
    for other in (
        "Elevated: 7-20",
        "Abnormal: > 500",
        "7-20 (elevated)",
        "0-7 (Male)",
        "Children: 0-10",
        "0-7 (x10E3)",
        "Adults: 0-62",
        "0.0-7.0 (Adult)",
        "< 7.0 pg/mL (18+ yrs)",
    ):  # fmt: skip  (QA: an adult's range judged a child)
        assert parse_lab_range(other) is None, other
    assert parse_lab_range("inférieur à 8,1", decimal_comma=True) == parse_lab_range("<8.1")


def test_a_labelled_range_panelcli_cannot_read_names_its_label() -> None:
    """Review: 'Reference range: 0-7 (Male)' blamed 'Reference range', the range's own label,
    and '(18+ yrs)' was 'not in a form panelcli reads'."""
    from panelcli.check import read_lab_range

    for text, label in (
        ("Reference range: 0-7 (Male)", "Male"), ("< 7.0 pg/mL (18+ yrs)", "18+ yrs"),
        ("Adults: 0-62", "Adults"),
    ):  # fmt: skip
        assert read_lab_range(text, "pg/mL", 0, False) == (
            f"has a label or remark ('{label}'), so panelcli cannot tell whether it is for this "
            "person"
        )


def test_a_lab_range_upside_down_is_unusable_and_says_why():
    """'2-1' was called 'not in a form panelcli reads', as if the form were the problem (QA)."""
    from panelcli.check import read_lab_range
    from panelcli.interpret import Bounds

    assert parse_lab_range("7-0") == LabRange(7.0, 0.0, None)
    assert read_lab_range("7-0", "pg/mL", 0, False) == "has its low limit above its high limit"
    assert read_lab_range("0-7", "pg/mL", 0, False) == Bounds(0.0, 7.0)


def test_a_value_over_several_lines_names_the_open_quote_not_the_comma() -> None:
    """'3<newline>S1,IL-10,4' (rows swallowed by an open quote) was 'cannot tell a decimal
    comma from a thousands separator' (found in review)."""
    with pytest.raises(ValueProblem) as problem:
        parse_value("3\nS1,IL-10,4,pg/mL\nS1,IL-8")
    assert problem.value.code == "value-not-a-number"
    assert "runs over several lines" in str(problem.value)


def test_a_starred_value_is_refused_as_an_estimate() -> None:
    """xPONENT's '*2.10' (extrapolated beyond the standard curve) was only 'not a number'."""
    for cell, decimal_comma in (("*2.10", False), ("*2,10", True), ("*2.1 pg/mL", False)):
        with pytest.raises(ValueProblem) as problem:
            parse_value(cell, decimal_comma)
        assert problem.value.code == "value-extrapolated", cell
        assert "estimated beyond their standard curve" in str(problem.value)


def test_only_the_dotted_german_n_n_means_not_detected() -> None:
    assert parse_value("n.n.").comparator == "<"
    for cell in ("NN", "N N"):  # a bare 'NN' could be anything: not read as "not detected"
        with pytest.raises(ValueProblem):
            parse_value(cell)


def test_a_quoted_range_reads_its_comma_as_its_value_does() -> None:
    """'"3,2"' was read as 3.2 but '"<7,5"' in the same row was unreadable (review)."""
    assert parse_lab_range("<7,5") == LabRange(None, 7.5, None, high_exclusive=True)
    assert parse_lab_range("0,5-7,5") == LabRange(0.5, 7.5, None)
    assert parse_lab_range("0-12,345") is None  # 12.345 or 12345?
    with pytest.raises(ValueProblem) as problem:
        parse_value("-3,2")
    assert problem.value.code == "value-negative"


@pytest.mark.parametrize(
    ("mangled", "meant"),
    [("TNF-Î±", "TNF-α"), ("IFN-Î³", "IFN-γ"), ("IL-1Î²", "IL-1β"), ("Âµg/L", "µg/L")],
)
def test_utf8_read_as_windows_1252_and_saved_again_is_read_as_meant(
    mangled: str, meant: str
) -> None:
    """'TNF-Î±' (an Excel accident) was no marker at all: a TNF-α 14 times its limit became
    no_reference and the run exited 0 (found in QA)."""
    from panelcli.names import unmangled

    assert unmangled(mangled) == meant
    if "/" in meant:
        assert conversion_exponent(mangled, "pg/mL") == 3
    else:
        assert marker_key(mangled) == marker_key(meant)
    assert unmangled("Îx") == "Îx"  # not such text: left as it is


def test_alfa_and_gama_are_greek_letters_as_some_labs_spell_them() -> None:
    """'TNF-alfa' and 'IFN-gama' were unknown markers with no hint (found in QA)."""
    assert marker_key("TNF-alfa") == marker_key("TNF-α")
    assert marker_key("IFN gama") == marker_key("IFN-γ")
    # Latin look-alikes of Greek letters (found in QA: 'IFN-ɣ' was unknown)
    assert marker_key("IFN-ɣ") == marker_key("IFN-γ")
    assert marker_key("IL-1ꞵ") == marker_key("IL-1β")
    assert marker_key("TNF-alfas") == "tnfalfas"  # only at a word's end


def test_a_stray_stop_after_a_unit_is_no_other_unit() -> None:
    """'pg/ml.' and 'pg/mL;' were refused as units with 'no fixed factor' to pg/mL (QA)."""
    assert conversion_exponent("pg/ml.", "pg/mL") == 0
    assert conversion_exponent("ng/mL;", "pg/mL") == 3
    with pytest.raises(UnitProblem, match="check the unit's spelling"):
        conversion_exponent("pg/mL (ng/L)", "pg/mL")


def test_a_german_age_with_a_decimal_comma_and_a_mangled_sex_are_read() -> None:
    """'50,5' in an 'Alter' column and 'mÃ¤nnlich' were person-unreadable (found in QA)."""
    from panelcli.check import parse_age, parse_sex

    assert (parse_age("50,5"), parse_age("17,9"), parse_age("1,2,3")) == (50.5, 17.9, None)
    assert (parse_age("45 Jahre"), parse_age("18 mo")) == (45, 1.5)
    assert parse_age("6 semaines") == pytest.approx(6 * 7 / 365.25)
    # review: a lone 'j' is German's years and French's days ('20 j', an infant): not guessed
    assert (parse_age("30 J"), parse_age("20 j")) == (None, None)
    # ('2 years 3 months' is read since lab QA round 6)
    assert (parse_age("365.25 d"), parse_age("2 years 3 months"), parse_age("151")) == (
        1.0, 2.25, None
    )  # fmt: skip
    assert parse_age("1 j 6 m") is None  # a lone 'j' is not guessed there either
    assert parse_sex("mÃ¤nnlich") == "male"


@pytest.mark.parametrize(
    ("cell", "words"),
    [("***", "could not calculate a concentration"), ("#N/A", "a spreadsheet's error"),
     ("#DIV/0!", "a spreadsheet's error"), ("1 23,5", "'1 23,5' is not a number$"),
     # plain spaces with no decimals may part two numbers; a group never starts with 0 (review)
     ("100 200", "has a space inside"), ("1 250", "has a space inside"),
     ("0 125,5", "has a space inside"),
     # QA: German and Spanish Excel's errors were only 'not a number'; 'ca. 3,5' and
     # '3,5/4,0' were told to drop a thousands separator they do not have
     ("#WERT!", "a spreadsheet's error"), ("#NV", "a spreadsheet's error"),
     ("#¡VALOR!", "a spreadsheet's error"), ("#VALEUR!", "a spreadsheet's error"),
     ("ca. 3,5", "marks the number as approximate"), ("~3,5", "marks the number as approx"),
     ("3,5/4,0", "gives two numbers; write one value in each row"),
     ("1/40", "'1/40' is not a number$"),  # a titer is no two numbers (review)
     ("3,5 / 4", "gives two numbers"), ("3,5/4", "gives two numbers"),
     ("1 / 40", "'1 / 40' is not a number$"),  # a titer, spaced (review)
     # QA: a formula saved as its text was only 'not a number', beside '#DIV/0!'
     ("=A1+B2", "is a spreadsheet formula, not its result"),
     ("=AVERAGE(C2:C4)", "is a spreadsheet formula"), ("=5*2", "is a spreadsheet formula"),
     ('=IF(A1<2,"<2",A1)', "is a spreadsheet formula"),  # ('="<2"' is text: lab QA round 6)
     # QA: a spreadsheet's text mark, and numbers it turned into dates, were 'not a number'
     ("'5,2", "starts with ', which spreadsheets use to keep a number as text"),
     ("'<2.0", "starts with '"), ("01. Okt", "looks like a date a spreadsheet made of a number"),
     ("Oct-01", "looks like a date"), ("1-Oct", "looks like a date"),
     ("3. Mär", "looks like a date"), ("Okt", "'Okt' is not a number$"),
     ("5 Jan 2026", "'5 Jan 2026' is not a number$")],
)  # fmt: skip
@pytest.mark.parametrize("decimal_comma", [True, False])
def test_cells_labs_and_spreadsheets_write_say_what_they_are(
    cell: str, words: str, decimal_comma: bool
) -> None:
    """They all said only 'is not a number' (found in QA); in a ',' file too, where 'ca. 3,5'
    was 'cannot tell a decimal comma from a thousands separator' (QA)."""
    with pytest.raises(ValueProblem, match=words):
        parse_value(cell, decimal_comma=decimal_comma)


@pytest.mark.parametrize(
    ("cell", "decimal_comma", "number"),
    [("1 250,0", True, 1250.0), ("1\u202f250,0", True, 1250.0), ("1\u00a0250", False, 1250.0),
     ("12 500.5", False, 12500.5), ("1 234 567,8", True, 1234567.8), ("1 250,5", False, 1250.5),
     ("<1 250,0", True, 1250.0), ("1\u00a0234\u00a0567", False, 1234567.0),
     # with a unit after it (lab QA: refused where '1500 pg/mL' was read)
     ("1 500,5 ng/L", True, 1500.5), ("1\u00a0500 pg/mL", False, 1500.0)],
)  # fmt: skip
def test_thousands_grouped_by_spaces_are_read(cell: str, decimal_comma: bool, number: float):
    """Lab QA: French and Swiss Excel's '1 250,0' (a space, a no-break space or a narrow one
    between groups of three) was refused, though it reads only one way."""
    assert parse_value(cell, decimal_comma).number == number


@pytest.mark.parametrize("cell", ["<LD", "No detectable", "non détectable"])
def test_below_detection_in_other_languages(cell: str) -> None:
    assert parse_value(cell).comparator == "<"


def test_marker_names_and_headers_in_french_and_spanish_exports_are_read(tmp_path) -> None:
    """'Analyse', 'Résultat', 'Unité', 'Prueba', 'Resultado', 'Interleucina 6', 'Factor de
    necrosis tumoral alfa' and 'Interferón gamma' were unknown (found in QA)."""
    assert marker_key("Interleucina 6") == marker_key("Interleukin 6")
    assert marker_key("Factor de necrosis tumoral alfa") == marker_key("Tumor necrosis factor α")
    assert marker_key("Interferón gamma") == marker_key("Interferon gamma")
    # QA: Italian, German, Portuguese and Polish names that were not read
    for name, english in [
        ("Interferone gamma", "Interferon gamma"),
        ("Gamma-Interferon", "Interferon gamma"),
        ("Tumornekrosefaktor alpha", "Tumor necrosis factor alpha"),
        ("Fator de necrose tumoral alfa", "Tumor necrosis factor alpha"),
        ("Interleukina 6", "Interleukin 6"),
        ("Interferão gama", "Interferon gamma"),
    ]:
        assert marker_key(name) == marker_key(english), name
    from panelcli.check import check_file

    spanish = tmp_path / "es.csv"
    spanish.write_text(
        "Nº Muestra;Fecha extracción;Sexo;Edad;Prueba;Resultado;Unidades;Rango de referencia\n"
        "M-1;02/03/2026;Mujer;64;Interleucina 6;4,2;pg/mL;0 - 7\n",
        encoding="utf-8",
    )
    (result,) = check_file(str(spanish)).panels[0].results
    assert (result.marker, result.value) == ("IL-6", 4.2)
    french = tmp_path / "fr.csv"
    french.write_text(
        "Analyse;Résultat;Unité;Sexe;Date de prélèvement\nTNF alpha;3,0;pg/mL;F;02.03.2026\n",
        encoding="utf-8",
    )
    (result,) = check_file(str(french)).panels[0].results
    assert (result.marker, result.value) == ("TNF-α", 3.0)


def test_english_exports_with_procedure_or_examen_columns_read_as_before(tmp_path) -> None:
    """A weak 'Procedure' marker column judged 'CYTOKINE PANEL' instead of IL-6 (found in QA),
    and Spanish 'Sexo' read mujer's 'M' as male."""
    from panelcli.check import check_file

    epic = tmp_path / "epic.csv"
    epic.write_text(
        "MRN,Procedure,Component Name,Result Value,Units\n123,CYTOKINE PANEL,IL-6,40,pg/mL\n"
    )
    (result,) = check_file(str(epic)).panels[0].results
    assert (result.marker, result.status.value) == ("IL-6", "high")
    draw = tmp_path / "draw.csv"
    draw.write_text("Sample ID,Procedure,Test,Result,Units\nS1,Venipuncture,IL-6,4,pg/mL\n")
    (result,) = check_file(str(draw)).panels[0].results
    assert result.marker == "IL-6"
    spanish = tmp_path / "es.csv"
    spanish.write_text("Muestra;Prueba;Resultado;Unidades;Sexo;Edad\nM1;Ferritina;20;ug/L;M;30\n")
    (result,) = check_file(str(spanish), ranges="mayo-adult").panels[0].results
    assert result.status.value == "indeterminate"  # never judged as a man's


def test_data_type_with_a_space_and_more_flag_spellings() -> None:
    from panelcli.reading import is_data_type_line
    from panelcli.values import lab_flag

    assert is_data_type_line(["Data Type:", "Median"]) and is_data_type_line(["DataType:", "x"])
    assert [lab_flag(f) for f in ("Crit High", "CRIT LOW", "Critical-High")] == ["HH", "LL", "HH"]
    assert parse_value("No detectado").comparator == "<"


@pytest.mark.parametrize(
    ("name", "mended"),
    [
        ("TNF-alpa", "TNF-alpha"), ("TNFalpa", "TNFalpha"), ("TNF-alpah", "TNF-alpha"),
        ("IFN-gamme", "IFN-gamma"), ("IFNgamme", "IFNgamma"), ("IL-1 bta", "IL-1 beta"),
        ("IL1Bet", "IL1beta"), ("TNFkapa", "TNFkappa"), ("IL-1 veta", "IL-1 beta"),
        ("TNF-alphi", "TNF-alpha"), ("IL-1 bata", "IL-1 beta"),
        # Spelled right, another Greek letter, a slip of two letters, or no Greek at all
        ("TNF-alpha", None), ("TNFbeta", None), ("IFN gama", None), ("IL-1 zeta", None),
        ("IL-1 eta", None), ("IL-1 deta", None), ("Ferritin", None), ("IL-6 plasma", None),
    ],
)  # fmt: skip
def test_a_greek_letter_one_keystroke_off_is_mended(name: str, mended: str | None) -> None:
    assert greek_slip_mended(name) == mended


def test_grouped_numbers_are_said_in_the_right_words() -> None:
    """QA: '1,234,567' where ',' is the decimal mark 'mixes . and ,' (it has no '.'), and a
    quoted '1.234,5' in a ',' file was 'cannot tell', though it reads one way only."""
    with pytest.raises(ValueProblem) as problem:
        parse_value("1,234,567", decimal_comma=True)
    assert "has ',' more than once, though ',' is this file's decimal mark" in str(problem.value)
    assert parse_value("1.234,5").number == 1234.5


@pytest.mark.parametrize(
    ("name", "marker", "kind"),
    [
        ("IL-6 Conc.", "IL-6", ""), ("IL-6 Calc. Concentration", "IL-6", ""),
        ("IL-6 Observed Concentration", "IL-6", ""), ("IL-6_Conc", "IL-6", ""),
        ("IL-6(19)", "IL-6", ""), ("IL-6 (19) Conc", "IL-6", ""), ("IL-2 Region 25", "IL-2", ""),
        ("IL-2 (Bead 25)", "IL-2", ""), ("IL-12 [Bead 40]", "IL-12", ""),
        ("IL-10 Rep 1", "IL-10", "replicate"), ("IL-10 Replicate 2", "IL-10", "replicate"),
        ("IL-6 Average", "IL-6", "mean"), ("IL-6 SD", "IL-6", "SD"),
        ("IL-6 Exp Conc", "IL-6", "Exp Conc"), ("IL-6 Conc %CV", "IL-6", "%CV"),
        ("IL-6 (19) Bead Count", "IL-6", "Bead Count"),
        ("IL-6 Rep 1 Mean", "IL-6 Rep 1", "mean"),  # a mean of one replicate: not read as IL-6
    ],
)  # fmt: skip
def test_an_instruments_words_after_a_marker_are_told_apart(
    name: str, marker: str, kind: str
) -> None:
    """Which words of an instrument's column name are the value's, and which are not."""
    read = instrument_name(name)
    assert read is not None and read.marker == marker
    assert kind == ("replicate" if read.replicate else "mean" if read.mean else "") or (
        kind == read.not_a_value
    )


@pytest.mark.parametrize("name", ["IL-6", "IL-12 (40)", "IL-23 (19)", "IL6Conc", "Conc", "(19)"])
def test_names_without_an_instruments_words_are_left_alone(name: str) -> None:
    """'IL-12 (40)' may be IL-12 p40: a bare number after it is no bead region."""
    assert instrument_name(name) is None


@pytest.mark.parametrize(
    ("header", "split"),
    [
        ("IL-10 pg/mL Rep 1", ("IL-10 Rep 1", "pg/mL")),
        ("IFN-γ (pg/mL) (19)", ("IFN-γ (19)", "pg/mL")),
        ("IL-12 (p70)", ("IL-12 (p70)", None)),
    ],
)
def test_a_unit_before_an_instruments_words_is_the_headers_unit(
    header: str, split: tuple[str, str | None]
) -> None:
    """'IL-10 pg/mL Rep 1' gave no unit, so its column was dropped (QA)."""
    assert split_header_unit(header) == split


@pytest.mark.parametrize(
    ("cell", "decimal_comma", "said"),
    [
        ("2,0-3,0", True, "is a range, not a result"),  # QA: "write it without a thousands
        ("1,5 - 2,5", True, "is a range, not a result"),  # separator"
        ("3,0 ± 0,2", True, "is a mean with its spread (±), not one result"),
        ("3,0+/-0,2", True, "is a mean with its spread (±), not one result"),
        ("3.0+/-0.2", False, "is a mean with its spread (±), not one result"),  # QA: a unit
        ("3.0 ± 0.2 pg/mL", False, "is a mean with its spread (±), not one result"),
    ],
)
def test_a_range_or_a_mean_with_its_spread_is_said_to_be_one(
    cell: str, decimal_comma: bool, said: str
) -> None:
    with pytest.raises(ValueProblem) as problem:
        parse_value(cell, decimal_comma)
    assert problem.value.code == "value-not-a-number"
    assert f"value '{cell}' {said}" in str(problem.value)


def test_a_number_with_two_decimal_commas_is_still_said_to_group_thousands() -> None:
    with pytest.raises(ValueProblem) as problem:
        parse_value("1,234,5", True)
    assert problem.value.code == "value-thousands-separator"


def test_a_ranges_file_a_data_file_and_sex_option_read_the_same_sex_words(tmp_path) -> None:
    """'Women' passed in a ranges file but was unreadable in a sex cell and as --sex, and
    'W' or 'weiblich' the other way round: two tables had drifted apart (review)."""
    from typer.testing import CliRunner

    from panelcli.check import parse_sex
    from panelcli.cli import app
    from panelcli.ranges import SEX_WORDS, load_ranges

    assert {parse_sex(w) for w in ("Women", "W", "weiblich", "femme", " F ")} == {"female"}
    own = tmp_path / "own.toml"
    rows = "".join(
        f'[[markers."IL-6".intervals]]\nsex = "{word}"\nhigh = {n}\n'
        for n, word in enumerate(("Weiblich", "HOMBRE"), start=5)
    )
    own.write_text(f'[markers."IL-6"]\nunit = "pg/mL"\nsource = "s"\n{rows}', encoding="utf-8")
    intervals = load_ranges(str(own)).data.markers["IL-6"].intervals
    assert [(i.sex, i.high) for i in intervals] == [("female", 5.0), ("male", 6.0)]
    data = tmp_path / "d.csv"
    data.write_text("sample_id,marker,value,unit,sex\nA,IL-6,5.5,pg/mL,Women\n", encoding="utf-8")
    runner = CliRunner()
    judged = runner.invoke(app, ["check", str(data), "-r", str(own), "-f", "csv"])
    assert ",high," in judged.stdout and judged.exit_code == 1, judged.output
    data.write_text("sample_id,marker,value,unit\nA,IL-6,5.5,pg/mL\n", encoding="utf-8")
    for word in ("men", "W"):
        said = runner.invoke(app, ["check", str(data), "-r", str(own), "--sex", word, "-f", "csv"])
        assert said.exit_code == (0 if word == "men" else 1), said.output
    assert set(SEX_WORDS.values()) == {"female", "male"}


@pytest.mark.parametrize(
    ("cell", "comparator", "unit"),
    [
        ("ND pg/mL", "<", "pg/mL"),
        ("BLQ pg/mL", "<", "pg/mL"),
        ("OOR > pg/mL", ">", "pg/mL"),
        ("n.n. ng/L", "<", "ng/L"),
        ("below detection limit pM", "<", "pM"),
    ],
)
def test_a_notation_with_no_number_may_carry_its_unit(cell, comparator, unit) -> None:
    """QA: 'ND pg/mL' was refused as not a number, where '<2 pg/mL' and 'ND' were read."""
    parsed = parse_value(cell)
    assert (parsed.number, parsed.comparator, parsed.unit) == (None, comparator, unit)
    with pytest.raises(ValueProblem):
        parse_value("abc pg/mL")  # words that say no level are still no value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bis 7,0", LabRange(None, 7.0, None)),
        ("bis 7.0 pg/ml", LabRange(None, 7.0, "pg/ml")),
        ("hasta 8,1", LabRange(None, 8.1, None)),
        ("up to 7", LabRange(None, 7.0, None)),
        ("jusqu'à 5", LabRange(None, 5.0, None)),
        ("0 bis 7", LabRange(0.0, 7.0, None)),
        ("0 a 7", LabRange(0.0, 7.0, None)),
        ("0 à 7", LabRange(0.0, 7.0, None)),
    ],
)
def test_up_to_and_between_in_german_spanish_and_french(text: str, expected: LabRange) -> None:
    """QA: 'bis 7,0', German LIS's usual upper limit, was unreadable and the set's range used."""
    assert parse_lab_range(text, decimal_comma=True) == expected
    assert parse_lab_range("abis 7") is None and parse_lab_range("0 a7") is None


@pytest.mark.parametrize("cell", ["12 Decade", "5 Marginal", "2 Mayor", "5 Augmented"])
def test_words_that_start_like_a_month_are_no_spreadsheet_date(cell: str) -> None:
    """Review: any word starting with a month's abbreviation was 'a date a spreadsheet made'."""
    with pytest.raises(ValueProblem, match=f"^value '{cell}' is not a number$"):
        parse_value(cell)


@pytest.mark.parametrize(
    ("cell", "flag"),
    [("400 Critical High", "HH"), ("400 critical low", "LL"), ("5 pg/mL Critical High", "HH"),
     ("12.5 pg/mL H", "H"), ("ND N", "N")],
)  # fmt: skip
def test_a_two_word_flag_after_a_value_is_read_whole(cell: str, flag: str) -> None:
    """QA: '400 Critical High' was read as '400 Critical' flagged 'High' (high), and the
    warnings said the lab flagged '1 Critical' as high."""
    assert parse_value(cell).flag == flag
