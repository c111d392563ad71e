"""Lab QA round 20 (/work/qa20/lab/report.md): real exports that did not just work."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from panelcli.check import check_file


@pytest.mark.parametrize("status", ["COR", "Cor.", "AMD", "Amend"])
def test_lis_codes_for_a_corrected_result_replace_the_result_before(
    write_csv: Callable[..., str], status: str
) -> None:
    """#2 (was qa14/lab A1): 'COR' was unread, and the withdrawn IL-6 of 45 judged high."""
    path = write_csv(
        "Accession,Test,Result,Units,Result Status\n"
        f"A1,IL-6,45.0,pg/mL,F\nA1,IL-6,1.5,pg/mL,{status}\n"
    )
    report = check_file(path)
    assert [(r.value, r.status.value) for p in report.panels for r in p.results] == [
        (1.5, "normal")
    ]
    assert report.totals.by_status.get("high", 0) == 0


@pytest.mark.parametrize(
    "label",
    ["Total samples", "Samples", "Records", "Rows exported", "Number of patients",
     "Anzahl Proben", "Nombre d'échantillons"],
)  # fmt: skip
def test_a_count_line_at_the_end_of_a_wide_file_is_no_sample(
    write_csv: Callable[..., str], label: str
) -> None:
    """#1: 'Total samples,3' was a sample whose IL-6 of 3 pg/mL was judged high, exit 1."""
    path = write_csv(
        f"Sample ID,IL-6 (pg/mL),IL-8 (pg/mL)\nP-1,1.2,4.4\nP-2,1.5,4.0\n\n{label},3\n"
    )
    report = check_file(path)
    assert [p.sample_id for p in report.panels] == ["P-1", "P-2"]
    assert not report.rejected
    [skipped] = report.warnings
    assert (skipped.code, skipped.line) == ("control-skipped", 5)
    assert f"a summary of other rows ('{label}')" in skipped.message


def test_a_summary_block_s_heading_and_counts_at_the_end_of_a_long_file_make_no_samples(
    write_csv: Callable[..., str],
) -> None:
    """#1: 'Summary' and 'Total results,2' were samples told to fill in their results, exit 2.
    (Its 'Abnormal,0' and 'Critical,0' lines are still refused rows: a status word may be a
    sample's name, and 0 is as whole a number as a result; second review.)"""
    path = write_csv(
        "Sample,Test,Result,Units\nS1,IL-6,1.2,pg/mL\nS1,IL-8,4.0,pg/mL\n,,,\nSummary,,,\n"
        "Total results,2,,\nAbnormal,0,,\nCritical,0,,\n"
    )
    report = check_file(path)
    assert [(w.code, w.line) for w in report.warnings if w.code == "control-skipped"] == [
        ("control-skipped", 5), ("control-skipped", 6),
    ]  # fmt: skip
    assert [r.line for r in report.rejected] == [7, 8]  # refused, never judged


def test_xponent_s_checksum_trailer_is_no_alarm(write_csv: Callable[..., str]) -> None:
    """#4: the '-- CRC --' line's checksum, read as a row of the 'Warnings/Errors' block above
    it, was an alarm 'of well CRC' that 'names no well of the results: check it in the file'."""
    path = write_csv(
        '"Program","xPONENT","","MAGPIX"\n"Batch","CYTO_PLATE_07"\n\n"DataType:","Result"\n'
        '"Location","Sample","IL-6 (19)","IL-8 (20)","Total Events"\n'
        '"3(1,C1)","PT-201","1.1","5.2","1100"\n"4(1,D1)","PT-202","30","5.2","1100"\n\n'
        '"DataType:","Units"\n"Analyte:","IL-6 (19)","IL-8 (20)"\n"Units:","pg/mL","pg/mL"\n\n'
        '"DataType:","Warnings/Errors"\n"Location","Status","Message"\n'
        '"4(1,D1)","Warning","Low bead count"\n\n-- CRC --\n"CRC","7A3F9C21"\n'
    )
    report = check_file(path)
    [blocks] = [w for w in report.warnings if w.code == "blocks-skipped"]
    assert "CRC" not in blocks.message
    assert "gives one well (their results are not judged)" in blocks.message
    assert [(r.sample_id, r.marker, r.status.value) for p in report.panels for r in p.results] == [
        ("PT-201", "IL-6", "normal"), ("PT-201", "IL-8", "normal"),
        ("PT-202", "IL-6", "indeterminate"), ("PT-202", "IL-8", "indeterminate"),
    ]  # fmt: skip  # the one real alarm still applied


@pytest.mark.parametrize(
    ("printed", "value", "used"),
    [("0.0-7.0 ng/mL", "450", False),  # 0-7000 pg/mL: as pg/mL it would be near the set's
     ("0-600 pg/mL", "450", True),  # in the value's unit: the lab's own, as written
     ("0-0.007 ng/mL", "4", True),  # 7 pg/mL: near the set's in its own unit
     ("0-7 pg/mL", "0.0045", True)],  # a value in ng/mL, its range in pg/mL: near the set's
)  # fmt: skip
def test_a_range_in_a_unit_not_the_value_s_that_is_far_off_is_in_doubt(
    write_csv: Callable[..., str], printed: str, value: str, used: bool
) -> None:
    """#5: '0.0-7.0 ng/mL' beside IL-6 in pg/mL, a unit left from another test, was read as
    0 - 7000 pg/mL, and IL-6 450 pg/mL was normal, exit 0."""
    unit = "ng/mL" if value == "0.0045" else "pg/mL"
    path = write_csv(f"Sample,Test,Result,Units,Ref Range\nM11,IL-6,{value},{unit},{printed}\n")
    report = check_file(path)
    [result] = report.panels[0].results
    assert result.reference is not None
    assert (result.reference.origin == "file") is used
    if not used:
        assert result.status.value == "high"
        [doubt] = [w for w in report.warnings if w.code == "range-unreadable"]
        assert "is in ng/mL: so read, it is 2,800 times the reference set's upper limit" in (
            doubt.message
        )


@pytest.mark.parametrize(
    ("cell", "said"),
    [("45.0 (extrapolated)", "is marked '(extrapolated)'"), ("45.0 (est)", "is marked '(est)'"),
     ("45.0 [E]", "is marked '[E]'"), ("45.0 estimated", "is marked 'estimated'"),
     ("[45.0]", "is in brackets")],
)  # fmt: skip
def test_a_value_marked_as_an_estimate_in_words_is_said_to_be_one(cell: str, said: str) -> None:
    """#6: these were a bare 'is not a number', though each marks an estimate off the curve."""
    from panelcli.values import ValueProblem, parse_value

    with pytest.raises(ValueProblem) as refused:
        parse_value(cell)
    assert refused.value.code == "value-extrapolated"
    assert f"value '{cell}' {said}, as instruments mark a value estimated beyond" in str(
        refused.value
    )


def test_oor_with_a_number_is_past_that_number() -> None:
    """#6: 'OOR > 10000' was 'not a number', where 'OOR >' alone is read."""
    from panelcli.values import parse_value

    assert parse_value("OOR > 10000") == parse_value(">10000")
    assert parse_value("oor <0.5") == parse_value("<0.5")


def test_an_xponent_file_of_avg_result_alone_is_read_as_means(
    write_csv: Callable[..., str],
) -> None:
    """#3: a file whose only concentrations are its 'Avg Result' block was refused as 'not
    concentrations'; beside a 'Result' block it is still left out (it would count twice)."""
    path = write_csv(
        '"Program","xPONENT","","MAGPIX"\n"Batch","CYTO_PLATE_07"\n\n"DataType:","Median"\n'
        '"Location","Sample","IL-6 (19)","IL-8 (20)"\n"3(1,C1)","PT-201","310","505"\n\n'
        '"DataType:","Avg Result"\n"Location","Sample","IL-6 (19)","IL-8 (20)","Total Events"\n'
        '"3,4","PT-201","3.2","11.5","2250"\n"5,6","PT-202","1.1","5.75","2370"\n\n'
        '"DataType:","Units"\n"Analyte:","IL-6 (19)","IL-8 (20)"\n"Units:","pg/mL","pg/mL"\n'
    )
    report = check_file(path)
    assert not report.rejected
    assert [(r.sample_id, r.marker, r.value, r.line) for p in report.panels for r in p.results] == [
        ("PT-201", "IL-6", 3.2, 10), ("PT-201", "IL-8", 11.5, 10),
        ("PT-202", "IL-6", 1.1, 11), ("PT-202", "IL-8", 5.75, 11),
    ]  # fmt: skip
    [blocks] = [w for w in report.warnings if w.code == "blocks-skipped"]
    assert "its 'Avg Result' block of concentrations (line 8) was read (each value the mean" in (
        blocks.message
    )
    assert "the other blocks ('Median' (line 4)) hold no concentrations" in blocks.message


def test_a_print_line_in_cells_of_its_own_is_skipped_as_one(write_csv: Callable[..., str]) -> None:
    """#1: 'Printed', '03.03.2026 14:22', 'by', 'lab1' in a tab file's cells was a sample
    whose IL-6 'lab1' was refused, exit 2."""
    path = write_csv(
        "Sample ID\tIL-6 (pg/mL)\tIL-8 (pg/mL)\nP-1\t1,2\t4,4\n\n"
        "Printed\t03.03.2026 14:22\tby\tlab1\n"
    )
    report = check_file(path)
    assert not report.rejected
    assert [(w.code, w.line) for w in report.warnings] == [("page-line-skipped", 4)]
    assert "'Printed 03.03.2026 14:22 by lab1' is a report's page number, print line" in (
        report.warnings[0].message
    )


def test_a_row_of_results_under_a_count_word_is_a_sample_s(write_csv: Callable[..., str]) -> None:
    """Review of round 20 (#2, #3): 'Critical' and 'Flagged' rows of results on a worklist
    were dropped as summaries (exit 1 to 0); 'Abnormal lymphocytes' and 'IL-8 (critical)' in
    a grouped long file were 'a summary of other rows'."""
    wide = write_csv(
        "Sample ID,IL-6 (pg/mL),IL-8 (pg/mL),TNF-a (pg/mL)\nCritical,38.5,4.4,12.0\n"
        "Flagged,1.2,40.1,3.0\nP-3,1.1,3.0,2.0\n",
        "wide.csv",
    )
    assert [p.sample_id for p in check_file(wide).panels] == ["Critical", "Flagged", "P-3"]
    grouped = write_csv(
        "Sample,Test,Result,Units\nS1,IL-6,1.2,pg/mL\n,TNF-a,3,pg/mL\n,Abnormal lymphocytes,5,%\n"
        ",IL-8 (critical),300,pg/mL\n",
        "grouped.csv",
    )
    report = check_file(grouped)
    assert [r.marker for p in report.panels for r in p.results] == [
        "IL-6", "TNF-α", "Abnormal lymphocytes", "IL-8 (critical)",
    ]  # fmt: skip


def test_a_summary_block_s_count_lines_are_no_samples(write_csv: Callable[..., str]) -> None:
    """Review of round 20 (#5): 'Samples tested,3' was a sample, IL-6 3 high. A status word's
    line ('Normal,3') is still read as a sample named so: it may be one (second review)."""
    path = write_csv(
        "Sample ID,IL-6 (pg/mL),IL-8 (pg/mL)\nP-1,1.2,4.4\nP-2,1.5,4.0\n\nSummary\n"
        "Samples tested,3\nTotal flagged,0\nNumber of patients,2\nNormal results,3\n"
        "Out of range,0\n"
    )
    report = check_file(path)
    assert [p.sample_id for p in report.panels] == ["P-1", "P-2"]
    assert [w.line for w in report.warnings if w.code == "control-skipped"] == list(range(5, 11))


@pytest.mark.parametrize(
    "rows",
    ["High,30\nP-3,1.1,3.0\n", "Critical,38,,\n", "Normal,3,4\n", "Generated,38,4.4\n"],
)
def test_a_sample_named_by_a_status_or_print_word_is_judged(
    write_csv: Callable[..., str], rows: str
) -> None:
    """Second review of round 20 (#1, #5): 'High,30' (one whole number) was skipped as a count
    line, and 'Generated' with its values as a print line: high results lost, exit 1 to 0."""
    path = write_csv(f"Sample ID,IL-6 (pg/mL),IL-8 (pg/mL)\n{rows}")
    report = check_file(path)
    assert report.panels[0].sample_id == rows.split(",")[0]
    assert not [w for w in report.warnings if w.code in ("control-skipped", "page-line-skipped")]


def test_count_lines_of_a_file_keyed_by_its_patients_are_no_patients(
    write_csv: Callable[..., str],
) -> None:
    """Second review of round 20 (#2): 'Total patients,3' under a Patient column was a patient
    whose IL-6 was high, and a 'Summary' heading a refused row."""
    path = write_csv(
        "Patient,IL-6 (pg/mL),IL-8 (pg/mL)\nP-1,1.2,4.4\n\nSummary\nTotal patients,3\n"
    )
    report = check_file(path)
    assert [p.patient_id for p in report.panels] == ["P-1"]
    assert not report.rejected
    assert [w.line for w in report.warnings if w.code == "control-skipped"] == [4, 5]


@pytest.mark.parametrize("cell", ["[ND]", "[<LOD]", "[BLQ]", "[OOR>]", "ND (est)", "[<2.0]"])
def test_no_number_in_brackets_is_no_estimate(cell: str) -> None:
    """Review of round 20 (#4): these were 'a value estimated beyond their standard curve …
    write the number alone', though none holds a number of its own."""
    from panelcli.values import ValueProblem, parse_value

    try:
        parse_value(cell)
    except ValueProblem as problem:
        assert problem.code != "value-extrapolated"


@pytest.mark.parametrize(
    ("cell", "read_as"),
    [("45.0 est.", None), ("45.0 extrap.", None), (">10000 (OOR)", ">10000"),
     ("<0.5 [OOR]", "<0.5")],
)  # fmt: skip
def test_more_estimate_and_oor_forms(cell: str, read_as: str | None) -> None:
    """Review of round 20 (#6): '45.0 est.' (a word ending in a dot) and '>10000 (OOR)' were
    still a bare 'not a number'."""
    from panelcli.values import ValueProblem, parse_value

    if read_as is not None:
        assert parse_value(cell) == parse_value(read_as)
        return
    with pytest.raises(ValueProblem) as refused:
        parse_value(cell)
    assert refused.value.code == "value-extrapolated"


def test_an_oor_value_s_problem_quotes_the_cell_as_written() -> None:
    """Review of round 20 (#9): 'OOR > 10,000' was quoted as '>10,000', not in the file."""
    from panelcli.values import ValueProblem, parse_value

    with pytest.raises(ValueProblem) as refused:
        parse_value("OOR > 10,000")
    assert "'OOR > 10,000'" in str(refused.value) and "'>10,000'" not in str(refused.value)


@pytest.mark.parametrize("status", ["Amd.", "Amendment", "AMND", "AMEND.", "Korr."])
def test_more_spellings_of_an_amended_result(write_csv: Callable[..., str], status: str) -> None:
    """Review of round 20 (#8): 'Amd.' and 'Amendment' were unread; the withdrawn 45 high."""
    path = write_csv(
        "Accession,Test,Result,Units,Result Status\n"
        f"A1,IL-6,45.0,pg/mL,F\nA1,IL-6,1.5,pg/mL,{status}\n"
    )
    assert [r.value for p in check_file(path).panels for r in p.results] == [1.5]
