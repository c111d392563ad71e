"""A lab technician's fourth QA round: more column names, footers, and clearer refusals."""

from __future__ import annotations

import json

import pytest
from judged import events_of, results_of
from typer.testing import CliRunner

from panelcli.check import CheckOptions, Interpreter
from panelcli.cli import app
from panelcli.models import Issue, Result
from panelcli.ranges import load_ranges

runner = CliRunner()


@pytest.mark.parametrize("header", ["Notes", "Note", "Result Notes", "Lab Notes", "Anmerkung"])
def test_a_notes_column_is_the_labs_comment(write_csv, header: str) -> None:
    """'Hemolyzed - result may be falsely elevated' under 'Notes' was lost beside a high
    IL-6, with only a column-ignored warning."""
    path = write_csv(
        f"Sample ID,Test,Result,Units,{header}\nS1,IL-6,9.0,pg/mL,Hemolyzed - may be elevated\n"
    )
    (result,) = results_of(path)
    assert result.status == "high"
    assert "comment from the lab: 'Hemolyzed - may be elevated'" in (result.note or "")
    assert not [e for e in events_of(path) if isinstance(e, Issue)]


def test_a_wide_files_notes_column_is_its_rows_comment(write_csv) -> None:
    path = write_csv("Sample ID,IL-6 (pg/mL),Notes\nS1,9.0,fever at draw\n")
    (result,) = results_of(path)
    assert "fever at draw" in (result.note or "")


@pytest.mark.parametrize(
    "text",
    [
        "Campione;Esame;Risultato;Unità di misura;Data prelievo\nC1;IL-6;3,5;pg/mL;2026-03-02\n",
        "Monster;Bepaling;Uitslag;Eenheid;Afnamedatum\nC1;IL-6;3,5;pg/mL;2026-03-02\n",
        "Sample ID,Test Description,Observation Value,Units,Visit Date\n"
        "C1,IL-6,3.5,pg/mL,2026-03-02\n",
        "Sample ID,Test,Reported Result,Units,Collected\nC1,IL-6,3.5,pg/mL,2026-03-02\n",
        "Sample ID,Test,Numeric Result,Units,Collected\nC1,IL-6,3.5,pg/mL,2026-03-02\n",
    ],
)
def test_italian_dutch_and_lis_column_names_are_read(write_csv, text: str) -> None:
    """Each was refused as 'no header with marker and value columns'."""
    (result,) = results_of(write_csv(text))
    assert (result.sample_id, result.marker, result.value, result.status) == (
        "C1", "IL-6", 3.5, "high",
    )  # fmt: skip
    assert result.collected_at is not None and result.collected_at.startswith("2026-03-02")


def test_a_visit_date_makes_a_subjects_trend(write_csv) -> None:
    """'Visit Date' was not a known field: a study subject's two visits made no trend."""
    path = write_csv(
        "Subject ID,Visit,Visit Date,IL-6 (pg/mL)\nP1,Baseline,2026-01-05,3\n"
        "P1,Week 4,2026-02-02,9\n"
    )
    result = runner.invoke(app, ["check", path, "--format", "json"])
    assert result.exit_code == 1, result.output
    document = json.loads(result.stdout)  # review: '"trends"' is always a key
    (trend,) = document["trends"]
    assert trend["patient_id"] == "P1" and len(trend["dates"]) == 2
    dates = [r["collected_at"] for p in document["panels"] for r in p["results"]]
    assert dates == ["2026-01-05", "2026-02-02"]
    assert not [w for w in document["warnings"] if w["column"] == "Visit Date"]


def test_msds_mean_column_is_the_value_only_where_no_replicate_column_is(write_csv) -> None:
    alone = write_csv("Sample,Assay,Calc. Conc. Mean,Unit\nS1,IL-6,3.0,pg/mL\n", name="mean.csv")
    (result,) = results_of(alone)
    assert (result.column, result.value) == ("Calc. Conc. Mean", 3.0)
    both = write_csv(
        "Sample,Assay,Calc. Conc.,Calc. Conc. Mean,Unit\nS1,IL-6,3.1,3.0,pg/mL\n"
        "S1,IL-6,2.9,3.0,pg/mL\n",
        name="both.csv",
    )
    events = events_of(both)
    assert [r.value for r in events if isinstance(r, Result)] == [3.1, 2.9]  # as before
    (ignored,) = [e for e in events if isinstance(e, Issue) and e.code == "column-ignored"]
    assert ignored.column == "Calc. Conc. Mean"
    assert "the mean of the replicates" in ignored.message and "'Calc. Conc.'" in ignored.message


def test_no_header_names_the_line_that_looks_like_one(write_csv) -> None:
    """'no header … found in the first 100 rows' of a 3-line file, not saying which names
    panelcli did not know."""
    path = write_csv("Foo;Bar;Baz;Qux\nC1;IL-6;3,5;pg/mL\nC2;IL-8;3,5;pg/mL\n")
    result = runner.invoke(app, ["check", path])
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert "first 100 rows" not in said
    assert "the first line that looks like one is line 1 ('Foo', 'Bar', 'Baz', 'Qux')" in said


def test_a_header_past_the_rows_searched_is_said_to_need_the_lines_above_it_removed(
    write_csv,
) -> None:
    lines = [f"Info {i}: x" for i in range(120)] + ["Sample,Marker,Value,Unit", "S1,IL-6,3,pg/mL"]
    path = write_csv("\n".join(lines) + "\n")
    result = runner.invoke(app, ["check", path])
    assert result.exit_code == 2
    assert "in the first 100 rows" in result.stderr
    assert "a header further down is not looked for: remove the lines above it" in result.stderr


def test_a_replicates_name_keeps_its_spelling_hint(write_csv) -> None:
    """'IL-6 2.0 Rep 1' (a Simoa assay's version, then its replicate) had no 'did you mean',
    where 'IL-6 2.0' without a replicate had one."""
    path = write_csv(
        "Sample,Assay,Replicate,Concentration,Unit\nS1,IL-6 2.0,1,1.2,pg/mL\n"
        "S2,IL-6 2.0,,1.2,pg/mL\n"
    )
    notes = [r.note or "" for r in results_of(path)]
    assert len(notes) == 2
    assert all("did you mean IL-6?" in note for note in notes), notes


@pytest.mark.parametrize("short_path", [True, False])
def test_a_grouped_reports_repeated_marker_stays_the_samples_and_is_said(
    write_csv, short_path: bool
) -> None:
    """Review: a grouped report's marker given again (a replicate with no replicate column,
    a re-run) was taken out of its sample, and every row below it, to stop Excel's unlabelled
    footer row from being the last sample's. Each stays the sample's, with a marker-repeated
    warning naming its line (an unlabelled footer too: its warning is the sign)."""
    path = write_csv(
        "Sample,Marker,Value,Unit\nS1,IL-6,5,pg/mL\n,IL-6,6,pg/mL\n,IL-8,10,pg/mL\n"
        "S2,IL-6,3,pg/mL\n,IL-6,4.67,pg/mL\n"
    )
    events = events_of(path, short_path)
    by_sample = [(r.line, r.sample_id) for r in events if isinstance(r, Result)]
    assert by_sample == [(2, "S1"), (3, "S1"), (4, "S1"), (5, "S2"), (6, "S2")]
    repeated = [e.line for e in events if isinstance(e, Issue) and e.code == "marker-repeated"]
    assert repeated == [3, 6]


@pytest.mark.parametrize("short_path", [True, False])
def test_a_skipped_rows_comment_is_quoted_in_its_warning(write_csv, short_path: bool) -> None:
    """'CALLED TO DR LEE - critical' on a mean row and 'QC out of range - run rejected' on a
    control's row were in no output at all."""
    path = write_csv(
        "Sample,Patient,Replicate,Marker,Value,Unit,Comment\n"
        "S1,PT-1,1,IL-6,10.5,pg/mL,\nS1,PT-1,2,IL-6,10.7,pg/mL,\n"
        "S1,PT-1,Mean,IL-6,10.6,pg/mL,CALLED TO DR LEE - critical\n"
        "QC-Low,,,IL-6,5.0,pg/mL,QC out of range - run rejected\n"
        ",,,Mean,4.0,pg/mL,plate average\n"
    )
    events = events_of(path, short_path)
    said = {
        e.code + str(e.line): (e.message, e.lab_comment)
        for e in events
        if isinstance(e, Issue) and e.code in ("mean-skipped", "control-skipped")
    }
    message, comment = said["mean-skipped4"]
    assert comment == "CALLED TO DR LEE - critical"
    assert message.endswith("(comment from the lab: 'CALLED TO DR LEE - critical')")
    assert said["control-skipped5"][0].endswith(
        "(comment from the lab: 'QC out of range - run rejected')"
    )
    assert said["control-skipped6"][1] == "plate average"


BIO_PLEX_TWO_ROW_HEADER = (
    ",,,Hu IL-6 (19),,Hu IL-8 (54),,Hu TNF-a (36),\n"
    "Type,Well,Description,FI,Obs Conc,FI,Obs Conc,FI,Obs Conc\n"
    "B,A1,,20.5,,18.0,,15.0,\n"
    "S1,B1,,9000,3200.00,8000,4100.00,7000,2900.00\n"
    "X1,C1,PT-101,150.5,12.34,220.0,OOR <,80.0,1.20\n"
    "C1,E1,Control 1,300,45.00,500,60.00,200,30.00\n"
)


@pytest.mark.parametrize("short_path", [True, False])
def test_a_two_row_headers_names_under_blank_cells_are_read(write_csv, short_path: bool) -> None:
    """Bio-Plex's 'Type', 'Well', 'Description' under blank header cells were not read: its
    standard S1 was judged as a patient ('1,280 times the upper limit'), its blank and
    control too, and PT-101 was 'line 5'."""
    path = write_csv(BIO_PLEX_TWO_ROW_HEADER)
    events = list(
        Interpreter(load_ranges(), CheckOptions(assume_unit="pg/mL"), short_path=short_path)
        .events([path])
    )  # fmt: skip
    judged = [(r.line, r.sample_id, r.marker, r.value) for r in events if isinstance(r, Result)]
    assert judged == [
        (5, "PT-101", "IL-6", 12.34), (5, "PT-101", "IL-8", None), (5, "PT-101", "TNF-α", 1.2),
    ]  # fmt: skip
    skipped = [e.line for e in events if isinstance(e, Issue) and e.code == "control-skipped"]
    assert skipped == [3, 4, 6]
    codes = {e.code for e in events if isinstance(e, Issue)}
    assert "sample-id-missing" not in codes and "column-unnamed" not in codes
    # 'Well' is said on the line that names it (lab QA: line 1, the blank cell's)
    (well,) = [e for e in events if isinstance(e, Issue) and e.column == "Well"]
    assert (well.code, well.line) == ("column-ignored", 2)


def test_a_report_of_one_table_per_marker_is_refused_saying_so(write_csv) -> None:
    """Bio-Plex's report of a table per analyte was read as a wide header of one marker:
    every row was refused as having too many cells ('a decimal comma?'), and the next
    block's title as a value that is not a number."""
    path = write_csv(
        "Hu IL-6 (19),,,,,,\nType,Well,Description,FI,FI - Bkgd,Obs Conc,Exp Conc\n"
        "X1,A1,PT-1,100,90,12.5,\n\nHu IL-8 (54),,,,,,\n"
        "Type,Well,Description,FI,FI - Bkgd,Obs Conc,Exp Conc\nX1,A1,PT-1,100,90,22.5,\n"
    )
    result = runner.invoke(app, ["check", path])
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert "line 1 gives a marker's name alone ('Hu IL-6 (19)') above a header" in said
    assert "one table per marker" in said and "decimal comma" not in said


@pytest.mark.parametrize(
    ("header", "ignored", "why"),
    [
        ("Sample,Marker,Result,Numeric Result,Unit", "Numeric Result", "gives the lab's value"),
        ("Sample,Test Name,Test Description,Result,Unit", "Test Description", "not a known"),
        ("Sample,Marker,Value,Unit,Collection Date,Visit Date", "Visit Date", "not a known"),
        ("Monsternummer,Monster,Bepaling,Uitslag,Eenheid", "Monster", "not a known"),
        ("Sample,Analyte,Calc. Conc.,Mean,Unit", "Mean", "the mean of the replicates"),
        ("Sample,Marker,Result,Unit,Comment,Notes", "Notes", "gives the lab's comment"),
        ("Sample ID,IL-6 (pg/mL),IL-8 (pg/mL),Average", "Average", "not a known"),
    ],
)
def test_a_new_name_beside_a_column_of_its_role_is_not_read(
    write_csv, header: str, ignored: str, why: str
) -> None:
    """Review: as names as strong as 'Result', 'Numeric Result' beside it refused the file as
    two value columns (and 'Test Description', 'Visit Date', 'Monster' alike); a wide file's
    'Average' of its markers, read as a value column, refused it as 'no header'."""
    cells = {"Sample": "S1", "Monsternummer": "M1", "Monster": "Serum", "Sample ID": "S1"}
    cells |= dict.fromkeys(("Marker", "Test Name", "Bepaling", "Analyte"), "IL-6")
    cells |= dict.fromkeys(("Unit", "Eenheid"), "pg/mL")
    row = ",".join(cells.get(name, "5") for name in header.split(","))
    events = events_of(write_csv(f"{header}\n{row}\n"))
    assert [r.value for r in events if isinstance(r, Result)][:1] == [5.0]
    (said,) = [e for e in events if isinstance(e, Issue) and e.code == "column-ignored"]
    assert said.column == ignored and why in said.message


def test_a_single_markers_two_row_header_is_no_table_per_marker(write_csv) -> None:
    """Review: ',IL-6 (pg/mL),' over 'Sample ID,Result,Flag' (a wide file of one marker) and a
    one-analyte Bio-Plex export were refused as 'one table per marker'."""
    one = write_csv(",IL-6 (pg/mL),\nSample ID,Result,Flag\nS1,5,H\n", name="one.csv")
    assert [(r.sample_id, r.value) for r in results_of(one)] == [("S1", 5.0)]
    bio_plex = write_csv(
        ",,,Hu IL-6 (19),\nType,Well,Description,FI,Obs Conc\nX1,A1,PT-1,100,12.5\n",
        name="bioplex.csv",
    )
    read = Interpreter(load_ranges(), CheckOptions(assume_unit="pg/mL")).events([bio_plex])
    assert [(r.sample_id, r.value) for r in read if isinstance(r, Result)] == [("PT-1", 12.5)]


@pytest.mark.parametrize("header", ["record_id", "SUBJID", "USUBJID", "Record ID"])
def test_a_redcap_or_cdisc_subject_column_keeps_subjects_apart(write_csv, header: str) -> None:
    """Lab QA: three subjects' rows under 'record_id' made one panel of 'Results'."""
    path = write_csv(
        f"{header},marker,value,unit\n101,IL-6,12.5,pg/mL\n102,IL-8,40,pg/mL\n103,TNF-a,3,pg/mL\n"
    )
    assert [r.patient_id for r in results_of(path)] == ["101", "102", "103"]


@pytest.mark.parametrize("header", ["Mean (pg/mL)", "Mean", "Mean Conc", "Average"])
def test_a_long_summary_files_mean_column_is_its_value(write_csv, header: str) -> None:
    """Lab QA: Ella's and Simoa's summary files, 'Sample,Analyte,Mean (pg/mL),CV (%)', were
    refused whole as 'a marker column but no value column'."""
    unit = "" if "pg/mL" in header else ",Unit"
    cell = "" if "pg/mL" in header else ",pg/mL"
    path = write_csv(f"Sample,Analyte,{header},CV (%){unit}\nPAT-01,IL-6,12.4,3.2{cell}\n")
    (result,) = results_of(path)
    assert (result.sample_id, result.value, result.unit) == ("PAT-01", 12.4, "pg/mL")


@pytest.mark.parametrize("header", ["il6_pgml", "IL6_pgml", "IL-6_pgmL", "IL6 pgml"])
def test_a_unit_glued_in_a_wide_header_is_read(write_csv, header: str) -> None:
    """Lab QA: REDCap's 'il6_pgml' was 'not a known marker or field', and with IL-6 at 5 times
    its limit the run exited 0 ('il6_pg_ml' was read)."""
    path = write_csv(f"record_id,visit_date,{header},tnfa_pg_ml\n101,2026-03-05,12.5,3\n")
    assert [(r.marker, r.unit, r.status) for r in results_of(path)] == [
        ("IL-6", "pg/mL", "high"), ("TNF-α", "pg/mL", "normal"),
    ]  # fmt: skip


def test_sas_missing_value_is_not_measured_in_a_wide_file_and_said_in_a_long_one(
    write_csv,
) -> None:
    """Lab QA: a wide file's '.' (SAS's missing value) was refused as not a number, where 'NA'
    and '-' are read as 'not measured'; a long file's now says what '.' is."""
    wide = write_csv("Subject,IL-6 (pg/mL),IL-8 (pg/mL)\nP01,12.5,.\n", name="wide.csv")
    events = events_of(wide)
    assert [r.marker for r in events if isinstance(r, Result)] == ["IL-6"]
    (blank,) = [e for e in events if isinstance(e, Issue) and e.code == "cells-blank"]
    assert "'.'" in blank.message
    assert not [e for e in events if isinstance(e, Issue) and e.severity == "error"]
    long = write_csv("sample_id,marker,value,unit\nS1,IL-6,.,pg/mL\n", name="long.csv")
    (refused,) = [e for e in events_of(long) if isinstance(e, Issue)]
    assert refused.code == "value-not-a-number"
    assert "how SAS and Stata write a missing value" in refused.message


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        ("ALQ", None),
        ("AQL", None),  # above the quantification limit: '>' with no number
        ("Not reported", "the lab gave no result"),
        ("Q.N.S.", "there was not enough of the specimen to test"),
        ("Lipemic", "the specimen could not be used"),
        ("repeat", "the lab is to repeat the test"),
        ("####", "Excel shows where a column is too narrow"),
    ],
)
def test_more_words_labs_write_in_a_value_cell_are_read(write_csv, cell: str, said) -> None:
    """Lab QA: each was refused with a bare 'not a number' (where 'BLQ', 'QNS', 'Hemolysed'
    and '>ULOQ' are read)."""
    text = f"sample_id,marker,value,unit\nS1,IL-8,3,pg/mL\nS1,IL-6,{cell},pg/mL\n"
    events = events_of(write_csv(text))
    if said is None:
        (result,) = [e for e in events if isinstance(e, Result) and e.marker == "IL-6"]
        assert (result.comparator, result.value, result.status) == (">", None, "indeterminate")
        return
    (issue,) = [e for e in events if isinstance(e, Issue)]
    assert said in issue.message


def test_r_write_csv_names_are_read(write_csv) -> None:
    """Lab QA: R's write.csv of a data frame read with check.names turns 'IL-6 (pg/mL)' into
    'IL.6..pg.mL.': the file was refused as 'no header'."""
    path = write_csv('"","Sample","IL.6..pg.mL.","TNF.a..pg.mL."\n"1","S1",12.5,3\n')
    assert [(r.sample_id, r.marker, r.unit, r.status) for r in results_of(path)] == [
        ("S1", "IL-6", "pg/mL", "high"), ("S1", "TNF-α", "pg/mL", "normal"),
    ]  # fmt: skip


def test_hl7_field_names_as_headers_are_read(write_csv) -> None:
    """Lab QA: 'Observation Identifier' was no marker column (the file refused), and HL7's own
    'References Range' and 'Observation Date/Time' were ignored: the lab's range unused, the
    panel with no date."""
    path = write_csv(
        "Patient ID,Observation Identifier,Observation Value,Units,References Range,"
        "Observation Date/Time\nP1,IL-6,5,pg/mL,0.0-7.0,2026-03-05 08:00\n"
    )
    (result,) = results_of(path)
    assert (result.marker, result.value, result.status) == ("IL-6", 5.0, "normal")
    assert result.reference is not None and result.reference.origin == "file"
    assert result.collected_at == "2026-03-05 08:00"


@pytest.mark.parametrize("header", ["IL-6_v2 (pg/mL)", "IL-6 Visit 2 (pg/mL)", "il6.v2 (pg/mL)"])
def test_a_marker_at_another_visit_in_a_wide_row_is_said_so(write_csv, header: str) -> None:
    """Lab QA: a study's 'IL-6_v2' (IL-6 at visit 2, 20 times its limit) was a marker with no
    range and no word, the summary saying the one result judged was in range."""
    path = write_csv(f"Subject ID,IL-6 (pg/mL),{header}\nP01,1.0,50\n")
    first, second = results_of(path)
    assert (first.marker, first.status) == ("IL-6", "normal")
    assert second.status == "no_reference"
    assert "it looks like IL-6 at visit 2: panelcli reads one collection per row" in (
        second.note or ""
    )


@pytest.mark.parametrize(
    "header",
    [
        "Sample ID,Analyte,Mean,Concentration,Unit",  # a mean before the value column
        "Sample ID,Analyte,Average,Conc,Unit",
        "Sample ID,Analyte,Concentration,Avg/Conc,Unit",  # a mean named with a '/'
        "Sample ID,Analyte,Concentration,Numeric/Result,Unit",
    ],
)
def test_a_mean_or_second_value_column_never_refuses_the_file(write_csv, header: str) -> None:
    """Review: 'Mean' before 'Concentration' took the value's role and the file was refused
    as naming two value columns; 'Avg/Conc' beside a value column was too."""
    (result,) = results_of(write_csv(f"{header}\nS1,IL-6,3.5,3.0,pg/mL\n"))
    expected = 3.5 if header.split(",")[2] == "Concentration" else 3.0
    assert (result.marker, result.value) == ("IL-6", expected)


def test_a_wide_files_mean_named_with_a_slash_is_not_read(write_csv) -> None:
    path = write_csv("Sample ID,IL-6 (pg/mL),TNF-a (pg/mL),Mean/Conc\nS1,3,4,3.5\n")
    assert [r.marker for r in results_of(path)] == ["IL-6", "TNF-α"]


def test_a_markers_own_column_under_a_merged_cell_goes_with_its_result(write_csv) -> None:
    """Review: under 'Hu IL-8 (54)' merged over 'FI,Obs Conc,Notes', the 'Notes' was kept on
    the FI column, not read with the result: the lab's 'hemolyzed' was in no output."""
    path = write_csv(
        ",,,Hu IL-6 (19),,Hu IL-8 (54),,\nType,Well,Description,FI,Obs Conc,FI,Obs Conc,Notes\n"
        "X1,C1,PT-101,150.5,12.34,220.0,5,hemolyzed\n"
    )
    read = Interpreter(load_ranges(), CheckOptions(assume_unit="pg/mL")).events([path])
    il6, il8 = [r for r in read if isinstance(r, Result)]
    assert "hemolyzed" not in (il6.note or "")
    assert "comment from the lab: 'hemolyzed'" in (il8.note or "")


def test_a_record_id_beside_a_person_column_leaves_the_person_the_patient(write_csv) -> None:
    """Review: record_id (row numbers here) took the patient's role from 'Patient Name', and
    Anna's two results were two panels."""
    path = write_csv(
        "record_id,Patient Name,Marker,Value,Unit\n1,Anna,IL-6,3.0,pg/mL\n2,Anna,IL-8,20,pg/mL\n"
        "3,Ben,IL-6,1.0,pg/mL\n"
    )
    assert [r.patient_id for r in results_of(path)] == ["Anna", "Anna", "Ben"]


@pytest.mark.parametrize(
    "comment", ["sample slightly lipemic - result valid", "repeat if needed", "not reported yet"]
)
def test_a_caveat_in_a_longer_comment_is_no_word_of_no_result(write_csv, comment: str) -> None:
    """Review: a blank value beside such a comment was taken for the lab giving no result (a
    warning) where it is a value missing (an error)."""
    path = write_csv(f"sample_id,marker,value,unit,Comment\nS1,IL-6,,pg/mL,{comment}\n")
    result = runner.invoke(app, ["validate", path])
    assert result.exit_code == 2 and "value-missing" in result.stdout


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        ("Results to follow", "the result is still to come"),
        ("Lipemic specimen", "the specimen could not be used"),
        ("Repeat test", "the lab is to repeat the test"),
        ("Result not reported", "the lab gave no result"),
    ],
)
def test_no_result_words_are_read_anywhere_in_a_value_cell(write_csv, cell: str, said) -> None:
    """Review: read only as the whole cell, 'Results to follow' and 'Lipemic specimen' in the
    value cell were refused as not a number (only a comment's are read as the whole cell)."""
    events = events_of(
        write_csv(f"sample_id,marker,value,unit\nS1,IL-8,3,pg/mL\nS1,IL-6,{cell},pg/mL\n")
    )
    (issue,) = [e for e in events if isinstance(e, Issue)]
    assert (issue.code, issue.severity) == ("result-not-given", "warning") and said in issue.message


def test_a_record_id_stays_the_patient_beside_a_case_number(write_csv) -> None:
    """Review: 'Case Number' (an admission's) took record_id's place, and one subject's two
    visits were two patients with no trend."""
    path = write_csv(
        "record_id,Case Number,Collection Date,Marker,Value,Unit\n"
        "R1,C100,2026-01-01,IL-6,3.0,pg/mL\nR1,C200,2026-02-01,IL-6,5.0,pg/mL\n"
    )
    assert [r.patient_id for r in results_of(path)] == ["R1", "R1"]


def test_a_moved_flag_and_range_are_named_by_their_own_columns(write_csv) -> None:
    """Review: beside 'FI', a result's flag and range (moved to its column) were looked up
    under a blank header name: the flag was quoted as part of the value ('12.34 N')."""
    path = write_csv(
        ",,,Hu IL-6 (19),,,,\nType,Well,Description,FI,Obs Conc,Flag,Ref Range\n"
        "X1,C1,PT-101,150.5,12.34,N,0-20\n"
    )
    events = list(Interpreter(load_ranges(), CheckOptions(assume_unit="pg/mL")).events([path]))
    said = {e.code: e for e in events if isinstance(e, Issue)}
    assert said["value-flag-ignored"].column == "Hu IL-6 (19) Flag"
    assert "'12.34 N'" not in said["value-flag-ignored"].message
    assert said["range-disagrees"].column == "Hu IL-6 (19) Ref Range"


def test_a_long_file_whose_line_1_looks_like_the_header_is_not_told_to_remove_lines(
    write_csv,
) -> None:
    """Differential test: past 100 rows, a file with unknown column names on line 1 was told
    'remove the lines above it' (no line is above it: rename the columns)."""
    path = write_csv("Tube,Probe,Reading,Scale\n" + "S1,IL-6,2.5,pg/mL\n" * 150)
    result = runner.invoke(app, ["check", path])
    said = " ".join(result.stderr.split())
    assert result.exit_code == 2 and "line 1 ('Tube', 'Probe', 'Reading', 'Scale')" in said
    assert "remove the lines above it" not in said
