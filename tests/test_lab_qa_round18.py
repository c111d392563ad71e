"""What lab QA round 18 (/work/qa18/lab) found: real exports' ranges, footers and titles."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from panelcli.check import check_file
from panelcli.values import parse_lab_range


@pytest.mark.parametrize(
    ("text", "decimal_comma", "low", "high"),
    [
        ("240,0 - 1.200,0", True, 240.0, 1200.0),  # German Excel
        ("240,0 - 1\u00a0200,0", True, 240.0, 1200.0),  # French, a no-break space
        ("240,0 - 1\u202f200,0", True, 240.0, 1200.0),  # ... a narrow one
        ("240,0 - 1 200,0", True, 240.0, 1200.0),  # a plain space, before decimals
        ("240.0 - 1'200.0", False, 240.0, 1200.0),  # Swiss
        ("240.0 - 1,200.0", False, 240.0, 1200.0),  # US, quoted in a ',' file
        ("532.0-1,891.0 pg/mL", False, 532.0, 1891.0),
        ("1.234,5 - 12.000,0", False, 1234.5, 12000.0),  # '1.234,5' has one reading
    ],
)
def test_a_printed_range_whose_limits_group_thousands_is_read(
    text: str, decimal_comma: bool, low: float, high: float
) -> None:
    """Lab QA round 18 #1: unread, the set's range judged sIL-2R 1300 normal where the lab's
    range, 240 - 1200, said high."""
    read = parse_lab_range(text, decimal_comma)
    assert read is not None and (read.low, read.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "decimal_comma", "high"),
    [
        ("0,5 - 1.200", True, 1.2),  # a point in a ',' file is its decimal mark, as before
        ("< 1,200", True, 1.2),
        ("0 - 100 200", False, None),  # two numbers, or one: not read
    ],
)
def test_a_limit_that_may_not_group_thousands_is_not_read_as_grouped(
    text: str, decimal_comma: bool, high: float | None
) -> None:
    read = parse_lab_range(text, decimal_comma)
    assert (read.high if read else None) == high


@given(low=st.integers(0, 999), high=st.integers(1000, 999_999_999), decimals=st.integers(0, 3))
def test_a_grouped_range_reads_as_its_plain_one(low: int, high: int, decimals: int) -> None:
    fraction = "5" * decimals
    plain = f"{high}.{fraction}" if decimals else str(high)
    groups = f"{high:,}"
    for grouped, decimal_comma in (
        (f"{groups.replace(',', '.')},{fraction}" if decimals else None, True),
        (f"{groups}.{fraction}" if decimals else None, False),
        (groups.replace(",", "'") + (f".{fraction}" if decimals else ""), False),
        (groups.replace(",", "\u00a0") + (f",{fraction}" if decimals else ""), True),
    ):
        if grouped is None:
            continue
        read = parse_lab_range(f"{low} - {grouped}", decimal_comma)
        assert read is not None and read.high == float(plain), grouped


def test_the_lab_s_grouped_range_judges_the_value(write_csv) -> None:
    path = write_csv(
        "Probe;Analyt;Ergebnis;Einheit;Normbereich\nP-01;sIL-2R;1.300,0;pg/ml;240,0 - 1.200,0\n"
        "P-02;sIL-2R;400,0;pg/ml;532,0 - 1.891,0\n"
    )
    report = check_file(path)
    assert [r.status.value for p in report.panels for r in p.results] == ["high", "low"]
    assert {w.code for w in report.warnings} == {"range-disagrees"}


@pytest.mark.parametrize(
    ("footer", "line"),
    [
        ("\nQC FAILED - DO NOT REPORT\n", 9),
        ("Run QC,FAIL - high control out of range; results not valid,,\n", 8),
        ("*** Run rejected: high control out of range ***\n", 8),
        ("Note: Run QC failed - do not report these results\n", 8),
        ("Qualitätskontrolle: nicht bestanden\n", 8),
    ],
)
def test_a_line_saying_the_run_failed_qc_is_an_error(write_csv, footer: str, line: int) -> None:
    """Lab QA round 18 #2: skipped as a note, and every result judged as valid (exit 0)."""
    path = write_csv(
        "Report,Cytokine Panel Batch Export\nRun ID,R-2026-0311-02\n\n"
        "Sample ID,Patient ID,Analyte,Result,Units\nS-2001,MRN0001,IL-6,1.9,pg/mL\n"
        "S-2001,MRN0001,TNF-α,12.0,pg/mL\nS-2002,MRN0002,IL-6,2.2,pg/mL\n" + footer
    )
    report = check_file(path)
    assert [(i.code, i.line) for i in report.rejected] == [("run-qc-failed", line)]
    assert "the run failed its quality control" in report.rejected[0].message
    assert report.totals.results == 3  # each result is judged, as given


def test_a_line_above_the_header_saying_the_run_failed_qc_is_an_error(write_csv) -> None:
    path = write_csv(
        "Run ID,R-2026-0311-02\nRun QC,FAILED - results not valid\n\n"
        "Sample ID,Analyte,Result,Units\nS-2001,IL-6,1.9,pg/mL\n"
    )
    [failed] = check_file(path).rejected
    assert (failed.code, failed.line) == ("run-qc-failed", 2)
    assert "'Run QC, FAILED - results not valid'" in failed.message


@pytest.mark.parametrize(
    "footer",
    [
        "Flags: H=High, L=Low, QCF=QC failed",
        "Run QC,PASS",
        "QC,passed",
        "Failed runs: none",
        # review: a note of one sample, a legend, a count of none, a disclaimer
        "Note: S2 hemolysed - do not report IL-6 for S2",
        "Legend: DNR = do not report",
        "QC Failure: none",
        "QC status,Fail: 0 of 48 wells",
        "# QC failed on the first run",
        "Research use only - do not report results to patients",
    ],
)
def test_a_line_that_does_not_say_the_run_failed_is_no_error(write_csv, footer: str) -> None:
    path = write_csv(f"Sample ID,Analyte,Result,Units\nS-1,IL-6,1.9,pg/mL\n{footer}\n")
    assert not [i for i in check_file(path).rejected if i.code == "run-qc-failed"]


def test_a_failed_run_is_said_apart_from_rows_and_exits_2(write_csv) -> None:
    from typer.testing import CliRunner

    from panelcli.cli import app

    path = write_csv(
        "Sample ID,Analyte,Result,Units\nS-1,IL-6,1.9,pg/mL\nQC FAILED - DO NOT REPORT\n"
    )
    result = CliRunner().invoke(app, ["check", path], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert "About the whole run (1):" in said and "could not be used" not in said
    assert (
        "The file says the test run failed its quality checks. Ask the lab whether these "
        "results can be used."
    ) in said


def test_every_path_says_a_failed_run_alike(tmp_path, monkeypatch) -> None:
    from test_two_processes import every_path_alike

    from panelcli import split

    monkeypatch.setattr(split, "MIN_BYTES", 0)
    rows = [f"S{n},IL-6,{n % 9}.5,pg/mL\n" for n in range(2000)]
    path = tmp_path / "run.csv"
    path.write_text(
        "Sample ID,Analyte,Result,Units\n" + "".join(rows) + "Run QC,FAILED - do not report\n"
    )
    assert every_path_alike(path).count('"code":"run-qc-failed"') == 1


@pytest.mark.parametrize(
    "footer",
    [
        "Freigegeben von: Dr. Müller",
        "Medizinisch validiert: Dr. Weber",
        "Validé par : Dr Martin",
        "Goedgekeurd door: dr. Jansen",
        "Legende: H = erhöht, L = erniedrigt",
        "Flags: H=High L=Low *=Abnormal",
        "Signature: ____________",
        "Confidential",
    ],
)
def test_a_sign_off_or_legend_below_a_wide_table_is_no_sample(write_csv, footer: str) -> None:
    """Lab QA round 18 #3: below a table with a column per marker, a German, French or Dutch
    sign-off or a legend was a sample with no values (exit 2); 'Approved by:' was not."""
    path = write_csv(f"Probennummer;IL-6 (pg/ml);TNF-alpha (pg/ml)\n26-1;1,2;3,4\n{footer};;\n")
    report = check_file(path)
    assert not report.rejected and [p.sample_id for p in report.panels] == ["26-1"]
    assert [(w.code, w.line) for w in report.warnings] == [("page-line-skipped", 3)]


def test_a_numbered_title_above_the_header_again_is_no_sample(write_csv) -> None:
    """Lab QA round 18 #4: 'Plate 2' above the header again, where 'Plate 1' was above the
    first, was a sample with no marker (exit 2)."""
    path = write_csv(
        "Plate 1\nSample ID,Analyte,Result,Units\nPL-01,IL-6,1.5,pg/mL\n\nPlate 2\n"
        "Sample ID,Analyte,Result,Units\nPL-03,IL-6,3.0,pg/mL\n"
    )
    report = check_file(path)
    assert not report.rejected and [p.sample_id for p in report.panels] == ["PL-01", "PL-03"]
    assert ("page-line-skipped", 5) in [(w.code, w.line) for w in report.warnings]


def test_a_number_alone_is_no_title_of_a_numbered_one(write_csv) -> None:
    """A title needs letters: a wide row of its sample id alone ('2') is still a sample."""
    path = write_csv("Run 1\nSample,IL-6 (pg/mL)\n1,2.0\n2,\n")
    report = check_file(path)
    assert [(i.code, i.line) for i in report.rejected] == [("row-no-values", 4)]


def test_a_lost_thousands_space_gets_the_save_as_utf8_hint(write_csv) -> None:
    """Lab QA round 18 #5: a French Excel export saved in Windows-1252 writes its narrow
    no-break space as '?' ('1?234,5'), which got a bare "is not a number"."""
    path = write_csv(
        "Probe;Analyt;Ergebnis;Einheit\nP1;sIL-2R;1?234,5;pg/ml\nP1;IL-8;> 5?000;pg/ml\n"
    )
    messages = [i.message for i in check_file(path).rejected]
    assert len(messages) == 2 and all(
        "its '?' between digits may be a space that grouped thousands" in m
        and "save it as UTF-8" in m
        for m in messages
    )


def test_a_wide_value_s_unit_conflict_names_its_column_not_a_unit_column(write_csv) -> None:
    """Lab QA round 18 #6: "the unit column says 'pg/mL'" in a file with no unit column."""
    path = write_csv("Sample,IL-6 (pg/mL),TNF-α (pg/mL)\nHU-1,1.0,0.0125 ng/mL\n")
    [conflict] = check_file(path).rejected
    assert conflict.code == "unit-conflict"
    assert conflict.message.startswith("value says 'ng/mL' but its column says 'pg/mL'")


def test_each_ranges_command_s_format_option_says_what_its_json_holds() -> None:
    """Docs QA round 18 #6 (was developer QA round 15 #12): 'ranges list' and 'ranges show'
    shared one --format text naming both; 'show' did not say which set it shows by default."""
    from typer.testing import CliRunner

    from panelcli.cli import app

    runner = CliRunner()
    shown = " ".join(runner.invoke(app, ["ranges", "show", "--help"]).output.split())
    listed = " ".join(runner.invoke(app, ["ranges", "list", "--help"]).output.split())
    assert "the set as loaded, with its source" in shown and "sha256" not in shown
    assert "default: the set check uses" in shown
    assert "every set, with its version, path and sha256" in listed and "loaded" not in listed
    explained = " ".join(runner.invoke(app, ["explain", "--help"]).output.split())
    assert "Also write the explanation" in explained and "handout.html" in explained


def test_a_row_with_a_value_is_never_a_failed_run(write_csv) -> None:
    """Review: in a file with one marker column, every row has two cells, and a sample
    'S2 - do not report until reviewed' with IL-6 45.2 was taken for a failed run, its result
    gone; a line above the header is named by the line it starts on."""
    path = write_csv(
        "Sample ID,IL-6 (pg/mL)\nS1,1.2\nS2 - Run QC failed - do not report,45.2\nS3,2.0\n"
    )
    report = check_file(path)
    assert not report.rejected and report.totals.results == 3
    path = write_csv(
        '"Cytokine report\nprinted 2026-03-02"\nRun QC,FAIL - results not valid\n\n'
        "Sample ID,Analyte,Result,Units\nS1,IL-6,1.2,pg/mL\n"
    )
    assert [(i.code, i.line) for i in check_file(path).rejected] == [("run-qc-failed", 3)]


def test_a_site_in_brackets_or_words_is_a_site_and_a_note_there_is_skipped(write_csv) -> None:
    """Review: '[02],,,,,', '(03),,,,,' and 'Total Care Clinic,,,,,' were taken for notes and
    their rows kept the site above; '(continued)' was still refused as a row with no marker."""
    path = write_csv(
        "Site ID,Subject,Visit Date,Analyte,Result,Unit\n01,,,,,\n,001,2026-03-02,IL-6,1.2,pg/mL\n"
        "[02],,,,,\n,001,2026-03-09,IL-6,30,pg/mL\nTotal Care Clinic,,,,,\n"
        ",001,2026-03-16,IL-6,3,pg/mL\n(continued),,,,,\n"
        ",001,2026-03-23,IL-6,3,pg/mL\n"
    )
    report = check_file(path)
    assert [p.patient_id for p in report.panels] == [
        "001 (site 01)", "001 (site [02])", "001 (site Total Care Clinic)",
        "001 (site Total Care Clinic)",
    ]  # fmt: skip
    assert not report.rejected
    skipped = [w for w in report.warnings if w.code == "page-line-skipped"]
    assert [w.line for w in skipped] == [8]
    assert "a report's note in the site column, '(continued)'" in skipped[0].message


def test_a_numbered_title_of_a_sample_or_visit_is_no_plate_s_title(write_csv) -> None:
    """Review: under 'Sample 1' above the header, 'Sample 2' above it again was skipped as a
    title, 'not a sample's row'; only a plate's, a page's or a run's title is numbered."""
    path = write_csv(
        "Sample 1\nAnalyte,Result,Units\nIL-6,1.5,pg/mL\n\nSample 2\nAnalyte,Result,Units\n"
        "IL-6,3.0,pg/mL\n"
    )
    report = check_file(path)
    assert "page-line-skipped" not in {w.code for w in report.warnings}


def test_the_big_table_lists_a_failed_run_apart(tmp_path) -> None:
    """Review: over 1,000 results, the failed run was listed under "Rows that could not be
    used"."""
    from typer.testing import CliRunner

    from panelcli.cli import app

    rows = "".join(f"S{n},IL-6,{n % 9}.5,pg/mL\n" for n in range(1200))
    path = tmp_path / "big.csv"
    path.write_text(f"Sample ID,Analyte,Result,Units\n{rows}QC FAILED - DO NOT REPORT\n")
    result = CliRunner().invoke(app, ["check", str(path)], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert "About the whole run (1):" in result.output
    assert "could not be used" not in result.output


def test_shared_notes_are_marked_in_the_same_order_on_every_run(tmp_path) -> None:
    """Review: which shared part of the 'ND' note got ¹ depended on PYTHONHASHSEED."""
    import os
    import subprocess
    import sys

    path = tmp_path / "nd.csv"
    path.write_text("marker,value,unit\nIL-6,ND,pg/mL\nIL-8,ND,pg/mL\nIL-10,ND,pg/mL\n")
    outputs = {
        subprocess.run(
            [sys.executable, "-m", "panelcli", "check", str(path)],
            capture_output=True, text=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed), "COLUMNS": "200"},
        ).stdout
        for seed in (1, 2, 3, 4)
    }  # fmt: skip
    assert len(outputs) == 1
    assert "¹ 'ND' has no number, so panelcli cannot judge it" in outputs.pop()


def test_markers_apart_by_a_sign_are_not_one_marker_written_two_ways(write_csv) -> None:
    """Review: 'CD4+ IFN-γ+' and 'CD4+ IFN-γ-' (a stain for and against) were "one marker
    written two ways"; and IL-1α tested twice beside 'IL-1 alpha' was not said so."""
    path = write_csv(
        "sample_id,marker,value,unit\nS1,CD4+ IFN-γ+,12,%\nS1,CD4+ IFN-γ-,88,%\n"
        "S1,IL-1α,3.0,pg/mL\nS1,IL-1α,3.2,pg/mL\nS1,IL-1 alpha,3.1,pg/mL\n"
    )
    [panel] = check_file(path).panels
    text = panel.summary.text
    assert not any("CD4+" in t and "written two ways" in t for t in text)
    assert "IL-1α was tested more than once in this sample; each result is shown." in text
    assert "IL-1α and IL-1 alpha may be one marker written two ways; each result is shown." in text


def test_a_wide_file_s_unit_column_is_named_as_such_in_a_unit_conflict(write_csv) -> None:
    """Review: a wide file with a Unit column was told 'its column says'."""
    path = write_csv("Sample ID,Unit,IL-6,IL-8\nS1,pg/mL,2.0 ng/mL,3.0\n")
    [conflict] = check_file(path).rejected
    assert "but the unit column says 'pg/mL'" in conflict.message


@pytest.mark.parametrize(
    ("line", "failed"),
    [
        ("DO NOT REPORT - QC FAILED", True),
        ("Plate 2: QC failed,", True),
        ("Run 3 QC: FAILED,", True),
        ('"Run rejected, no results valid"', True),
        ("QC failed: 0.5% CV over limit", True),
        ("Controls failed - do not report", True),
        ("!! QC FAIL !!", True),
        ("Lauf ungültig", True),
        ("QC failed: zero controls within range", True),
        ("QC Failure: none", False),
        ("QC status: pass (0 failed)", False),
        ("Note: QC failed for IL-8 only", False),
        ("#### RUN FAILED ####", True),  # a banner, not a '#' comment
        ("# Run failed on plate 1, repeated on plate 2", False),  # a comment, said as one
    ],
)
def test_a_failed_run_is_told_by_its_words_in_any_order(write_csv, line: str, failed: bool) -> None:
    """Second review: narrowed, the check missed 'DO NOT REPORT - QC FAILED', 'no results
    valid' (read as a count of none) and '0.5%'; a QC failure of one marker is no run's."""
    path = write_csv(f"Sample ID,Analyte,Result,Units\nS1,IL-6,1.2,pg/mL\n{line}\n")
    codes = {i.code for i in [*check_file(path).rejected, *check_file(path).warnings]}
    assert ("run-qc-failed" in codes) is failed


def test_a_site_continued_from_a_page_before_is_that_site(write_csv) -> None:
    """Second review: '01 (continued)' was a second site 01, and 'Site 02 continued', read as
    prose, left its rows under the site above."""
    path = write_csv(
        "Site ID,Subject,Visit Date,Analyte,Result,Unit\n01,,,,,\n,001,2026-03-01,IL-6,1.2,pg/mL\n"
        "02,,,,,\n,001,2026-03-01,IL-6,30,pg/mL\n01 (continued),,,,,\n"
        ",001,2026-03-15,IL-6,3,pg/mL\nSite 02 continued,,,,,\n,001,2026-03-15,IL-6,40,pg/mL\n"
    )
    ids = [p.patient_id for p in check_file(path).panels]
    assert ids == ["001 (site 01)", "001 (site 02)", "001 (site 01)", "001 (site 02)"]


def test_sdtm_s_test_code_and_a_sign_column_say_how_they_are_read(write_csv) -> None:
    """Second review: 'LBTESTCD' beside 'LBTEST' and a sign column 'Vorzeichen' were each
    'not a known marker or field', as the docs say otherwise."""
    path = write_csv(
        "USUBJID,LBTESTCD,LBTEST,LBORRES,LBORRESU,LBDTC\nS1-001,IL6,IL-6,7,pg/mL,2026-03-01\n"
    )
    [said] = [w.message for w in check_file(path).warnings if w.column == "LBTESTCD"]
    assert said.endswith("it gives the test's code, and the marker is read from column 'LBTEST'")
    path = write_csv("Sample ID,Marker,Vorzeichen,Value,Unit\nK1,IL-6,<,2.0,pg/mL\n")
    [said] = [w.message for w in check_file(path).warnings if w.column == "Vorzeichen"]
    assert said.startswith("column 'Vorzeichen' is read only for a value's sign")


@pytest.mark.parametrize(
    "line",
    [
        "Controls: passed; 1 failed control re-run and passed",
        "Invalid results are marked *",
        "Rejected results are listed at the end of the report",
        "QC: no failures",
        "No failed controls",
        "All controls passed; none failed",
        "QC failures: none (see appendix)",
        "QC failures: 0/48",
        "Runs failed: 0 (0%)",
        "Include rejected results,No",
        "Show failed controls,Yes",
        '"Results: 2 invalid (S3, S7 hemolysed)"',
        "Calibration curve: pass; 0 standards failed",
        "Report status: Final (no failed QC)",
    ],
)
def test_a_line_about_failures_that_did_not_fail_the_run_is_no_failed_run(
    write_csv, line: str
) -> None:
    """Third review: with the run's and a failing word in any order, each of these made a
    clean file exit 2 'the run failed'; a failed run is told by its own shapes now."""
    path = write_csv(f"Sample ID,Analyte,Result,Units\nS1,IL-6,1.2,pg/mL\n{line}\n")
    assert "run-qc-failed" not in {i.code for i in check_file(path).rejected}


@pytest.mark.parametrize(
    "line",
    [
        "QC FAILED - DO NOT REPORT (lab use only)",
        "RUN REJECTED - for research use only",
        "Run failed; only the re-run on plate 2 is valid",
        "QC failed: 0 of 3 controls within range",
        "Assay run invalid: standard curve R2 0.91",
        "Run rejected: none of the controls in range",
    ],
)
def test_a_failed_run_with_only_or_none_in_it_is_still_one(write_csv, line: str) -> None:
    """Third review: any 'only' (meant for 'QC failed for IL-8 only'), or 'none of', hid a
    real failure."""
    path = write_csv(f"Sample ID,Analyte,Result,Units\nS1,IL-6,1.2,pg/mL\n{line}\n")
    assert "run-qc-failed" in {i.code for i in check_file(path).rejected}


def test_a_sample_s_row_with_a_comment_is_no_failed_run(write_csv) -> None:
    """Third review: 'S2,,,Sample rejected - QC failed for this sample', a sample's own row
    with no value, was said as the whole run's failure, not as the sample's row."""
    path = write_csv(
        "Sample ID,Analyte,Result,Units,Comment\nS1,IL-6,1.2,pg/mL,\nS2,,,,Sample rejected - QC "
        "failed for this sample\n"
    )
    assert [i.code for i in check_file(path).rejected] == ["marker-missing"]


@pytest.mark.parametrize(
    ("line", "site"),
    [
        ("Table continued", "02"),  # prose: the rows keep the site above
        ("IL-6 results (continued)", "02"),
        ("Page 2 (continued)", "02"),
        ("03 continued", "03"),
    ],
)
def test_only_a_site_like_line_continued_is_a_site(write_csv, line: str, site: str) -> None:
    """Third review: 'Table continued' and 'IL-6 results (continued)' became sites 'Table'
    and 'IL-6 results'."""
    path = write_csv(
        "Site ID,Subject,Visit Date,Analyte,Result,Unit\n02,,,,,\n,001,2026-03-01,IL-6,1.2,pg/mL\n"
        f"{line},,,,,\n,001,2026-03-08,IL-6,40,pg/mL\n"
    )
    assert [p.patient_id for p in check_file(path).panels][-1] == f"001 (site {site})"


def test_a_site_s_own_name_is_not_cut_as_continued(write_csv) -> None:
    """Third review: 'Discontinued' was site 'Dis', and 'Oncology Suite' one with 'Oncology'."""
    path = write_csv(
        "Site ID,Subject,Visit Date,Analyte,Result,Unit\n"
        "Oncology Suite,001,2026-03-01,IL-6,1.2,pg/mL\nOncology,001,2026-03-08,IL-6,2,pg/mL\n"
        "Discontinued,002,2026-03-01,IL-6,1,pg/mL\n"
    )
    assert [p.patient_id for p in check_file(path).panels] == [
        "001 (site Oncology Suite)", "001 (site Oncology)", "002 (site Discontinued)",
    ]  # fmt: skip


def test_a_sign_column_read_has_a_code_of_its_own(write_csv) -> None:
    """Third review: read for its signs, the column's warning still said 'column-ignored'."""
    path = write_csv("Sample ID,Marker,Vorzeichen,Value,Unit\nK1,IL-6,<,2.0,pg/mL\n")
    assert [w.code for w in check_file(path).warnings] == ["column-sign-read"]


@pytest.mark.parametrize(
    "line",
    [
        "QC Failed,No",
        "Run Failed,No",
        "Failed QC,No",
        "Failed QC samples,0",
        "QC failed wells: none",
        "QC Fail Count,0",
        "Failed run count: 0",
        "Rejected runs,Excluded",
        "Run Invalid Reason,",
        "QC Fail Criteria,Westgard 1-3s",
        "Run fails if any control is outside 3 SD",
        "Plate 1 - Failed wells: none",
        "Results are from the repeat run; the first run failed.",
        "QC fehlgeschlagen: nein",
        "Contrôle qualité échoué : aucune",
        "Calibration failed: no",
        "Failed runs: see the log",
    ],
)
def test_a_field_about_failures_is_no_failed_run(write_csv, line: str) -> None:
    """Fourth review: fields of a LIMS's details ('QC Failed,No', 'QC Fail Count,0'), rules
    and notes on a repeat were each 'the run failed', above the header and below the table."""
    for text in (
        f"{line}\n\nSample ID,Analyte,Result,Units\nS1,IL-6,1.2,pg/mL\n",
        f"Sample ID,Analyte,Result,Units\nS1,IL-6,1.2,pg/mL\n{line}\n",
    ):
        assert "run-qc-failed" not in {i.code for i in check_file(write_csv(text)).rejected}


@pytest.mark.parametrize(
    "text",
    [
        "Sample ID,IL-6 (pg/mL)\nS1,1.2\nQC1,FAILED\n",  # a control's row with a text result
        "Sample ID,IL-6 (pg/mL),IL-8 (pg/mL)\nS1,1.2,3\nControl 2,Rejected,\n",
        "Sample ID,Analyte,Result,Units,Comment\nS1,IL-6,1.2,pg/mL,\nS2,,,,Sample re-tested - "
        "first run failed\n",
        "Sample ID,IL-6 (pg/mL),Comment\nS1,1.2,\nS2,,Plate rejected\n",
        "Sample ID,Marker,Value,Unit\nS1,IL-6,1.2,pg/mL\nRun 2 failed,IL-8\n",
    ],
)
def test_a_sample_s_or_control_s_row_is_never_a_failed_run(write_csv, text: str) -> None:
    """Fourth review: 'QC1,FAILED' (a control's text result), 'Control 2,Rejected' and a
    sample's comment ending 'first run failed' or 'Plate rejected' were the run's failure."""
    assert "run-qc-failed" not in {i.code for i in check_file(write_csv(text)).rejected}


@pytest.mark.parametrize(
    "line",
    ["Plate 2 (continued)", "Visit 2 (continued)", "IL-6 (continued)", "A1 (continued)",
     "Day-14 (continued)", "2026-03 (continued)"],
)  # fmt: skip
def test_a_continued_line_that_is_no_site_keeps_the_site_above(write_csv, line: str) -> None:
    """Fourth review: each of these became a site, and subject 001 of site 02 lost its trend."""
    path = write_csv(
        "Site ID,Subject,Visit Date,Analyte,Result,Unit\n02,,,,,\n,001,2026-03-01,IL-6,1.2,pg/mL\n"
        f"{line},,,,,\n,001,2026-03-15,IL-6,40,pg/mL\n"
    )
    report = check_file(path)
    assert [p.patient_id for p in report.panels] == ["001 (site 02)", "001 (site 02)"]
    assert len(report.trends) == 1


def test_a_site_continued_in_german_is_that_site(write_csv) -> None:
    """Fourth review: 'Zentrum 04 Forts.' was a second site (the '.' before the line's end)."""
    path = write_csv(
        "Site ID,Subject,Visit Date,Analyte,Result,Unit\nZentrum 04,001,2026-03-01,IL-6,1.2,pg/mL\n"
        "Zentrum 04 Forts.,001,2026-03-15,IL-6,40,pg/mL\n"
    )
    assert [p.patient_id for p in check_file(path).panels] == ["001 (Zentrum 04)"] * 2


@pytest.mark.parametrize(
    "line",
    [
        "Run failed,Results not valid",
        "Failed QC: high control out of range",
        "FAILED QC: DO NOT REPORT",
        "Control 1 failed",
        "QC 2 failed",
        "Comment,High control out of range - run rejected",
        "Repeat required - plate rejected",
    ],
)
def test_a_failed_run_in_two_cells_or_after_a_label_is_one(write_csv, line: str) -> None:
    """Fifth review: the fourth round's exclusions missed these (two cells read as one field's
    name, 'Failed QC: …' as a label, numbered controls, a sentence after a label)."""
    for text in (
        f"{line}\n\nSample ID,Analyte,Result,Units\nS1,IL-6,1.2,pg/mL\n",
        f"Sample ID,Analyte,Result,Units\nS1,IL-6,1.2,pg/mL\n\n{line}\n",
    ):
        assert "run-qc-failed" in {i.code for i in check_file(write_csv(text)).rejected}, text
