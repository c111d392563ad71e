"""A lab technician's eighth QA round, and gaps the seventh left known."""

from __future__ import annotations

import pytest
from judged import events_of, issues_of, results_of

from panelcli.reading import BlankRange, RangeCells

# --- a blank range cell beside the lab's range printed on other rows --------------------------

HEADER = "patient_id,collected_at,marker,value,unit,reference_range\n"


@pytest.mark.parametrize("short_path", [True, False])
def test_a_blank_range_cell_after_the_labs_range_is_said_at_the_files_end(
    write_csv, short_path
) -> None:
    """Lab QA round 7: an LIS printed '0-7 pg/mL' on a test's first rows only; the last rows
    were judged by the set's ≤ 2.5 (high) with no word, and the trend said IL-6 was still high."""
    path = write_csv(
        HEADER + "P1,2026-03-01,IL-6,6.0,pg/mL,0-7 pg/mL\nP1,2026-03-02,IL-6,5.0,pg/mL,0-7 pg/mL\n"
        "P1,2026-03-03,IL-6,6.0,pg/mL,\nP1,2026-03-04,IL-6,6.5,pg/mL,\n"
        "P1,2026-03-04,TNF-a,3.0,pg/mL,\n"
    )
    events = events_of(path, short_path)
    (missing,) = [e for e in events if getattr(e, "code", None) == "range-missing"]
    assert events[-1] is missing  # it sums up the file
    assert (missing.line, missing.column, missing.marker) == (4, "reference_range", "IL-6")
    assert missing.message == (
        "IL-6's range cell is blank on 2 rows (the first, line 4), though line 2 prints the "
        "lab's range '0-7 pg/mL' for it: those rows were judged by the reference set's range. A "
        "blank cell means the set's range; if the lab's range is meant, write it in each row"
    )
    statuses = [(r.collected_at, r.marker, r.status.value) for r in results_of(path, short_path)]
    # what was judged is unchanged: the blank rows by the set's range (a warning, no more)
    assert statuses == [
        ("2026-03-01", "IL-6", "normal"), ("2026-03-02", "IL-6", "normal"),
        ("2026-03-03", "IL-6", "high"), ("2026-03-04", "IL-6", "high"),
        ("2026-03-04", "TNF-α", "normal"),
    ]  # fmt: skip


@pytest.mark.parametrize("short_path", [True, False])
def test_a_blank_range_cell_before_the_labs_range_is_said_too(write_csv, short_path) -> None:
    path = write_csv(
        HEADER + "P1,2026-03-01,IL-6,6.0,pg/mL,\nP1,2026-03-02,IL-6,5.0,pg/mL,0-7 pg/mL\n"
        "P1,2026-03-03,IL-10,6.0,pg/mL,\nP1,2026-03-04,IL-10,6.5,pg/mL,0-9\n"
    )
    said = [
        (i.marker, i.line, i.message.split(":")[0])
        for i in issues_of(path, short_path)
        if i.code == "range-missing"
    ]
    assert said == [
        ("IL-6", 2, "IL-6's range cell is blank on line 2, though line 3 prints the lab's range "
         "'0-7 pg/mL' for it"),
        ("IL-10", 4, "IL-10's range cell is blank on line 4, though line 5 prints the lab's range "
         "'0-9' for it"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "rows",
    [
        # no range printed anywhere, or only 'N/A' (the lab gives none), or every row printed
        "P1,2026-03-01,IL-6,6.0,pg/mL,\nP1,2026-03-02,IL-6,5.0,pg/mL,\n",
        "P1,2026-03-01,IL-6,6.0,pg/mL,N/A\nP1,2026-03-02,IL-6,5.0,pg/mL,\n",
        "P1,2026-03-01,IL-6,6.0,pg/mL,0-7\nP1,2026-03-02,IL-6,5.0,pg/mL,0-7\n",
        # the set's own interval printed ('≤ 2.5') judged as the blank cell is
        "P1,2026-03-01,IL-6,6.0,pg/mL,0-2.5\nP1,2026-03-02,IL-6,5.0,pg/mL,\n",
        # another marker's range says nothing of IL-6's blank cell
        "P1,2026-03-01,IL-8,6.0,pg/mL,0-20\nP1,2026-03-02,IL-6,5.0,pg/mL,\n",
        # a row refused, or of a marker the set lacks, was judged by no range of the set
        "P1,2026-03-01,IL-6,6.0,pg/mL,0-7\nP1,2026-03-02,IL-6,abc,pg/mL,\n",
        "P1,2026-03-01,IL-99,6.0,pg/mL,0-7\nP1,2026-03-02,IL-99,5.0,pg/mL,\n",
    ],
)
def test_no_range_missing_where_no_range_of_the_marker_is_printed_beside_a_judged_blank(
    write_csv, rows
) -> None:
    path = write_csv(HEADER + rows)
    assert not [i for i in issues_of(path) if i.code == "range-missing"]
    assert not [i for i in issues_of(path, False) if i.code == "range-missing"]


def test_each_marker_is_said_once_a_file_and_the_paths_agree(write_csv) -> None:
    rows = "".join(
        f"S{n},2026-03-01,{marker},{n}.5,pg/mL,{'0-7' if n == 1 else ''}\n"
        for n in range(1, 40)
        for marker in ("IL-6", "IL-10")
    )
    path, other = write_csv(HEADER + rows), write_csv(HEADER + rows, name="other.csv")
    assert events_of(path) == events_of(path, False)
    said = [(i.source, i.marker, i.line) for i in issues_of(path) if i.code == "range-missing"]
    assert said == [(path, "IL-6", 4), (path, "IL-10", 5)]
    from panelcli.check import CheckOptions, Interpreter
    from panelcli.ranges import load_ranges

    both = list(Interpreter(load_ranges(None), CheckOptions()).events([path, other, path]))
    said = [(i.source, i.marker) for i in both if getattr(i, "code", None) == "range-missing"]
    # each file its own, and a file given again again
    assert said == [
        (path, "IL-6"), (path, "IL-10"), (other, "IL-6"), (other, "IL-10"),
        (path, "IL-6"), (path, "IL-10"),
    ]  # fmt: skip


@pytest.mark.parametrize("short_path", [True, False])
def test_a_wide_files_range_column_blank_on_a_row_is_said(write_csv, short_path) -> None:
    path = write_csv("sample_id,IL-6 (pg/mL),IL-6 Range,IL-8 (pg/mL)\nS1,6.0,0-7,3\nS2,6.5,,4\n")
    (missing,) = [i for i in issues_of(path, short_path) if i.code == "range-missing"]
    assert (missing.line, missing.column, missing.marker) == (3, "IL-6 Range", "IL-6")


def test_batches_range_cells_join_as_one_files() -> None:
    first = RangeCells({"IL-6": (3, "0-7")}, {"IL-6": BlankRange(4, "range", "IL-6", 2)})
    later = RangeCells(
        {"IL-6": (9, "0-7"), "IL-8": (10, "0-9")},
        {"IL-6": BlankRange(12, "range", "IL-6"), "IL-8": BlankRange(11, "r", "IL-8")},
    )
    joined = first.then(later)
    assert joined.printed == {"IL-6": (3, "0-7"), "IL-8": (10, "0-9")}  # the first stands
    assert joined.blank == {
        "IL-6": BlankRange(4, "range", "IL-6", 3), "IL-8": BlankRange(11, "r", "IL-8")
    }  # fmt: skip
    assert first.blank["IL-6"].rows == 2  # a batch's own are not changed


# --- a flag or indicator column that says the value is past the assay's limit -----------------


@pytest.mark.parametrize(
    ("flag", "read_as"),
    [
        ("<", "<3.2"), ("OOR <", "<3.2"), ("OOR<", "<3.2"), ("BLQ", "<3.2"), ("BQL", "<3.2"),
        ("ND", "<3.2"), ("Below LOD", "<3.2"), ("LLOQ", "<3.2"), ("< LLOQ", "<3.2"),
        (">", ">3.2"), ("OOR >", ">3.2"), ("AQL", ">3.2"), ("ULOQ", ">3.2"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("short_path", [True, False])
def test_a_flag_column_saying_the_value_is_past_the_assays_limit_censors_it(
    write_csv, flag, read_as, short_path
) -> None:
    """Lab QA round 8: IL-6 3.2 beside '<' (HL7: below the instrument's scale), 'OOR <' or
    'BLQ' was judged as exactly 3.2: high, exit 1, though the lab said it was below 3.2."""
    path = write_csv(f"Sample ID,Test,Result,Units,Flag\nF1,IL-6,3.2,pg/mL,{flag}\n")
    (result,) = results_of(path, short_path)
    assert (result.original_value, result.comparator) == (read_as, read_as[0])
    assert result.status.value == ("indeterminate" if read_as[0] == "<" else "high")
    assert not issues_of(path, short_path)


@pytest.mark.parametrize(("flag", "value"), [("BLQ", "BLQ"), ("<", "OOR <"), ("LLOQ", "<LLOQ")])
def test_such_a_flag_beside_no_number_is_the_value(write_csv, flag, value) -> None:
    path = write_csv(f"Sample ID,Test,Result,Units,Flag\nF1,IL-6,NaN,pg/mL,{flag}\n")
    (result,) = results_of(path)
    assert (result.original_value, result.comparator, result.value) == (value, "<", None)


def test_a_flag_of_the_other_side_than_the_value_refuses_it(write_csv) -> None:
    path = write_csv("Sample ID,Test,Result,Units,Flag\nF1,IL-6,<3.2,pg/mL,OOR >\n")
    assert [i.code for i in issues_of(path)] == ["flag-conflict"]


@pytest.mark.parametrize(
    "column", ["ObsConcOORIndicator", "OOR", "OOR Indicator", "Range Indicator", "Censor Flag"]
)
@pytest.mark.parametrize("short_path", [True, False])
def test_an_out_of_range_indicator_column_is_the_values_sign(write_csv, column, short_path) -> None:
    """LabKey's Luminex export: the number in ObsConc, '<' or 'OOR <' beside it (lab QA: IL-6
    3.2 '<' and IL-10 6.4 'OOR <' were high; a 'Censor Flag' read '<' and passed 'OOR <' over,
    with no warning on its row)."""
    path = write_csv(
        f"ParticipantId,Analyte,ObsConc,{column},Units\nPT-2,IL-6,3.2,<,pg/mL\n"
        "PT-2,IL-10,6.4,OOR <,pg/mL\nPT-2,TNF-a,2.0,OOR >,pg/mL\nPT-2,IL-8,2.0,In Range,pg/mL\n"
    )
    assert [r.original_value for r in results_of(path, short_path)] == [
        "<3.2", "<6.4", ">2.0", "2.0"
    ]  # fmt: skip
    (ignored,) = issues_of(path, short_path)
    assert "'OOR <' as '<'), anything else" in ignored.message


def test_a_comparator_column_reads_oor_too(write_csv) -> None:
    path = write_csv("sample_id,marker,qualifier,value,unit\nS1,IL-6,OOR <,3.2,pg/mL\n")
    (result,) = results_of(path)
    assert result.original_value == "<3.2"


# --- footnote marks, and an LIS order's heading row --------------------------------------------


@pytest.mark.parametrize("short_path", [True, False])
def test_a_footnote_mark_after_a_header_or_marker_is_no_part_of_its_name(
    write_csv, short_path
) -> None:
    """Lab QA round 8: 'IL-6 (pg/mL)¹' was ignored and 'IL-6¹' was no_reference (NFKC made it
    'IL-61'): an IL-6 18 times the limit passed with exit 0; the footnote under the table was
    a sample with no values (exit 2)."""
    wide = write_csv(
        "Sample ID,IL-6 (pg/mL)¹,TNF-α (pg/mL) †,IL-8¹ (pg/mL),IL-10 (pg/mL)\nS1,45,60,50,2.0\n"
        "¹ Elecsys IL-6 (Roche); † measured by ELISA\n"
    )
    assert [(r.marker, r.status.value) for r in results_of(wide, short_path)] == [
        ("IL-6", "high"), ("TNF-α", "high"), ("IL-8", "high"), ("IL-10", "normal")
    ]  # fmt: skip
    (note,) = issues_of(wide, short_path)
    assert (note.code, note.line) == ("page-line-skipped", 3)
    long = write_csv(
        "Sample ID,Test,Result,Units\nS1,IL-6¹,45,pg/mL\nS1,TNF-α †,60,pg/mL\nS1,IL-8²,50,pg/mL\n",
        name="long.csv",
    )
    assert [(r.marker, r.marker_as_written) for r in results_of(long, short_path)] == [
        ("IL-6", "IL-6¹"), ("TNF-α", "TNF-α †"), ("IL-8", "IL-8²")
    ]  # fmt: skip


def test_a_superscript_inside_a_name_is_still_read_as_a_digit() -> None:
    from panelcli.names import marker_key

    assert marker_key("IL-1²β") != marker_key("IL-1β")  # only marks after the name are cut
    assert marker_key("IL-6 ‡¹") == marker_key("IL-6*") == "il6"


@pytest.mark.parametrize("short_path", [True, False])
def test_an_lis_orders_heading_row_is_skipped_with_a_warning(write_csv, short_path) -> None:
    """Lab QA round 8: 'CYTOKINE PANEL 13' on a row of its own above its tests was refused as
    a value missing, so a clean report exited 2."""
    path = write_csv(
        "Accession,Test,Result,Units,Ref Range\nA55,CYTOKINE PANEL 13,,,\n"
        "A55,   IL-6,1.0,pg/mL,\nA55,Cytokine panel 13 (cont.),,,\nA55,IL-10,1.0,pg/mL,\n"
        "A56,Inflammation Profile,,,\nA56,IL-6,1.0,pg/mL,\n"
    )
    issues = issues_of(path, short_path)
    assert [(i.code, i.line, i.sample_id) for i in issues] == [
        ("panel-heading-skipped", 2, "A55"), ("panel-heading-skipped", 4, "A55"),
        ("panel-heading-skipped", 6, "A56"),
    ]  # fmt: skip
    assert len(results_of(path, short_path)) == 3


@pytest.mark.parametrize(
    "row",
    [
        "A55,IL-6,,,",  # a test with no value is still a value missing
        "A55,CYTOKINE PANEL 13,,pg/mL,",  # a unit: a result row, its value missing
        "A55,CYTOKINE PANEL 13,,,0-7",
    ],
)
def test_a_row_that_may_be_a_result_is_no_heading(write_csv, row) -> None:
    path = write_csv(f"Accession,Test,Result,Units,Ref Range\n{row}\nA55,IL-8,1.0,pg/mL,\n")
    assert [i.code for i in issues_of(path)] == ["value-missing"]


# --- a ranges file given as results; names one word apart; a lab's own marker in full ---------


def test_a_ranges_file_given_as_results_is_said_to_be_one(write_csv) -> None:
    """Lab QA round 8: right after 'ranges init', 'check results.csv mylab/set.toml' gave 97
    problems and 56 warnings, one per TOML line."""
    from typer.testing import CliRunner

    from panelcli.cli import app
    from panelcli.ranges import find_set

    path = write_csv(find_set("arup-3002601").read_text(encoding="utf-8"), name="mylab.toml")
    result = CliRunner().invoke(app, ["validate", path])
    assert result.exit_code == 2
    (line,) = result.stdout.splitlines()
    assert line == (
        f"{path}:13: error file-unreadable: this is a panelcli ranges file (TOML: '[set]' or "
        f"'[markers.…]' on line 13), not lab results: give it with --ranges (panelcli check "
        f"results.csv --ranges {path})"
    )


@pytest.mark.parametrize(
    "name", ["Calculated Mean", "Calculated Conc.", "Conc Mean", "Concentration Mean"]
)
def test_value_columns_named_one_word_apart_from_known_ones_are_read(write_csv, name) -> None:
    path = write_csv(f"Sample ID,Analyte,{name} (pg/mL)\nE1,IL-6,12.8\n")
    (result,) = results_of(path)
    assert (result.value, result.status.value) == (12.8, "high")


@pytest.mark.parametrize("column", ["Error Code", "Alarm Code", "Instrument Error", "Result Alarm"])
def test_more_names_of_an_instruments_alarm_column_are_read(write_csv, column) -> None:
    path = write_csv(
        f"Sample ID,Test,Result,Units,{column}\nS1,IL-6,12.9,pg/mL,Cal.E\nS2,IL-6,12.9,pg/mL,0\n"
    )
    alarmed, clear = results_of(path)
    assert (alarmed.status.value, clear.status.value) == ("indeterminate", "high")
    assert "'Cal.E'" in (alarmed.note or "")


@pytest.mark.parametrize(
    "column", ["Warning", "Data Flag", "QC Flag", "Analyzer Flag", "Instrument Flag", "Error"]
)
@pytest.mark.parametrize("cell", ["CRITICAL", "H", "0.4"])
def test_a_column_that_may_hold_a_remark_or_a_flag_is_no_alarm_column(
    write_csv, column, cell
) -> None:
    """Review: an 'Analyzer Flag' of 'H' and an 'Error' of 0.4 made an IL-6 19 times the
    limit indeterminate (exit 0)."""
    path = write_csv(f"Sample ID,Test,Result,Units,{column}\nS1,IL-6,48.0,pg/mL,{cell}\n")
    (result,) = results_of(path)
    assert result.status.value == "high"


def test_epics_specimen_taken_time_and_lab_status_are_read(write_csv) -> None:
    """Lab QA round 8: preliminary results were shown as final, and no trend was made."""
    path = write_csv(
        "MRN,Component,Value,Units,Specimen Taken Time,Lab Status\n"
        "M1,IL-6,1.0,pg/mL,03/21/2026 06:10,Final result\n"
        "M1,IL-6,2.0,pg/mL,03/28/2026 06:10,Preliminary result\n"
    )
    results = results_of(path)
    assert [r.collected_at for r in results] == ["03/21/2026 06:10", "03/28/2026 06:10"]
    assert [i.code for i in issues_of(path)] == ["result-preliminary"]


def test_a_labs_own_marker_is_found_by_its_name_in_full(write_csv, tmp_path) -> None:
    """Lab QA round 8: a set that adds IL-18 did not know 'Interleukin-18' (exit 0, no hint),
    where the bundled markers' names in full were known only as listed aliases."""
    ranges = tmp_path / "mylab.toml"
    ranges.write_text(
        '[set]\nname = "mylab"\nversion = "1"\n\n[markers."IL-18"]\nunit = "pg/mL"\nhigh = 468\n'
        'source = "our lab"\n\n[markers."IFN-α2"]\nunit = "pg/mL"\nhigh = 10\nsource = "ours"\n',
        encoding="utf-8",
    )
    path = write_csv(
        "sample_id,marker,value,unit\nS1,Interleukin-18,900,pg/mL\nS1,Interleukin 18,900,pg/mL\n"
        "S2,Interferon alpha 2,20,pg/mL\n"
    )
    assert [(r.marker, r.status.value) for r in results_of(path, ranges=ranges)] == [
        ("IL-18", "high"), ("IL-18", "high"), ("IFN-α2", "high")
    ]  # fmt: skip


@pytest.mark.parametrize(
    "above",
    ["Cytokine panel export - all concentrations in ng/mL", "Units,ng/mL", ",Cytokines (ng/mL),,"],
)
def test_a_unit_named_above_the_header_is_the_unit_missing_errors_example(write_csv, above) -> None:
    """Lab QA round 8: the error said '(e.g. --assume-unit pg/mL)', and following it judged
    values in ng/mL a thousand times too low (an IL-6 six times the limit was normal, exit 0)."""
    path = write_csv(f"{above}\nSample ID,IL-6,TNF-alpha\nPT-1,0.0150,0.0031\n")
    refused = [i for i in issues_of(path) if i.code == "unit-missing"]
    assert len(refused) == 2
    assert refused[0].message.endswith(
        "or say what to assume with --assume-unit (line 1 above the header says 'ng/mL': if every "
        "value is in it, give --assume-unit ng/mL)"
    )


def test_two_units_above_the_header_give_no_example_of_either(write_csv) -> None:
    path = write_csv("Standards in pg/mL; samples in ng/mL\nSample ID,IL-6\nPT-1,0.0150\n")
    (refused,) = [i for i in issues_of(path) if i.code == "unit-missing"]
    assert refused.message.endswith(
        "(e.g. --assume-unit pg/mL, or --assume-unit range for each marker's unit in the "
        "reference set)"
    )


def test_validate_says_a_marker_the_set_lacks_once_a_file_and_counts_the_rest(write_csv) -> None:
    """Lab QA round 8: a 48-plex plate of 80 samples gave 2,880 no-reference lines, one per
    cell, which buried its one real problem."""
    from typer.testing import CliRunner

    from panelcli.cli import app

    rows = "".join(f"S{n},1.0,{n}.5,2.0\n" for n in range(1, 6))
    first = write_csv("Sample ID,IL-6 (pg/mL),MCP-1 (pg/mL),IP-10 (pg/mL)\n" + rows)
    second = write_csv("Sample ID,MCP-1 (pg/mL)\nT1,3\n", name="second.csv")
    result = CliRunner().invoke(app, ["validate", first, second])
    assert result.exit_code == 0
    said = [line.split(": warning no-reference: ") for line in result.stdout.splitlines()]
    assert [(where, message.split(" in this set")[0]) for where, message in said] == [
        (f"{first}:2: MCP-1 (pg/mL)", "no reference range for 'MCP-1'"),
        (f"{first}:2: IP-10 (pg/mL)", "no reference range for 'IP-10'"),
        (f"{first}:6", "4 more results of 'MCP-1', the last on this line, have no reference range"),
        (f"{first}:6", "4 more results of 'IP-10', the last on this line, have no reference range"),
        (f"{second}:2: MCP-1 (pg/mL)", "no reference range for 'MCP-1'"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "PAT_MRN_ID,COMPONENT_NAME,ORD_VALUE,REFERENCE_UNIT,SPECIMN_TAKEN_TIME\n"
        "E1,IL-6,14.2,pg/mL,2026-03-30 06:10:00\n",
        "MRN,EVENT_DISP,RESULT_VAL,RESULT_UNITS_DISP,NORMALCY_DISP,EVENT_END_DT_TM,"
        "RESULT_STATUS_DISP\nC9,IL-6,14.2,pg/mL,High,2026-03-30 06:10:00,Modified\n",
    ],
)
def test_epic_clarity_and_cerner_ccl_fields_are_read(write_csv, text) -> None:
    """Lab QA round 8: every row was refused as having no unit, or the file had no marker."""
    (result,) = results_of(write_csv(text))
    assert (result.marker, result.value, result.status.value) == ("IL-6", 14.2, "high")
    assert result.collected_at == "2026-03-30 06:10:00"


def test_one_samples_two_results_in_two_files_are_said_in_the_trend(write_csv) -> None:
    """Lab QA round 8: a re-export corrected A101's IL-6 from 18.5 to 1.85; the trend said
    only that the order of the tests on that day was not known."""
    from panelcli.check import check_files

    head = "Accession,MRN,Collected,Test,Result,Units\n"
    first = write_csv(
        head
        + "A100,M1,2026-03-28 06:00,IL-6,3.1,pg/mL\nA101,M1,2026-03-29 06:00,IL-6,18.5,pg/mL\n",
        name="week1.csv",
    )
    second = write_csv(head + "A101,M1,2026-03-29 06:00,IL-6,1.85,pg/mL\n", name="week2.csv")
    (trend,) = check_files([first, second]).trends
    assert (
        f"Sample A101 has two different IL-6 results: 18.5 pg/mL ({first}, line 3) and 1.85 "
        f"pg/mL ({second}, line 2). One of them may be a corrected result. Ask the lab which "
        "one is right."
    ) in trend.text
    assert not [t for t in trend.text if "came first is not known" in t]


def test_a_sign_lost_to_an_encoding_before_a_number_is_said(write_csv) -> None:
    """Lab QA round 8: Excel saved '≥ 500' as '? 500'; the refusal said only 'not a number'."""
    path = write_csv("sample_id,marker,value,unit\nS1,IL-6,? 500,pg/mL\n")
    (refused,) = issues_of(path)
    assert refused.message.endswith(
        "its '?' may be a sign (≥, ≤) lost when the file was saved in an encoding without it: "
        "save it as UTF-8 (CSV UTF-8 in Excel)"
    )


@pytest.mark.parametrize(
    ("text", "mac"),
    [(b"M\x9fller", "'\xfc'"), (b"\xb2 7 pg/mL", "'\u2264'"), (b"M\xfcller", None),
     (b"patient\x92s", None), (b"\x80 5", None)],
)  # fmt: skip
def test_a_byte_that_mac_roman_reads_as_a_letter_or_sign_is_said_to_be(
    write_csv, text, mac
) -> None:
    """Lab QA round 8: Excel for Mac's CSV (Mac Roman) was read as Windows-1252, 'Müller' as
    'MŸller' and '≤' as '²', and nothing said Mac Roman; a Windows file's 'ü' or '’' says not."""
    path = write_csv(b"sample_id,marker,value,unit,comment\nS1,IL-6,3,pg/mL," + text + b"\n")
    (fallback,) = [i for i in issues_of(path) if i.code == "encoding-fallback"]
    said = f", which Mac Roman (older Excel for Mac) reads as {mac}: if that is meant"
    assert (said in fallback.message) if mac else ("Mac Roman" not in fallback.message)


def test_a_markers_table_written_without_markers_says_how_to_write_it() -> None:
    """Lab QA round 8: '[IL-6]' got 'missing required key markers / unknown key IL-6'."""
    from panelcli.ranges import check_ranges_bytes

    problems = check_ranges_bytes(b'[IL-6]\nunit = "pg/mL"\nhigh = 7\n')
    assert "unknown key 'IL-6' (a marker's table is [markers.\"IL-6\"])" in " ".join(problems)
    assert not any("a marker's table" in p for p in check_ranges_bytes(b"[notes]\ntext = 1\n"))
