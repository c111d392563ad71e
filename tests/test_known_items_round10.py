"""Items known but not done at the end of session 52 (note52), done in session 53."""

from __future__ import annotations

import csv
import io
import json
import uuid

import pytest
from judged import batch_results_of, issues_of, results_of
from typer.testing import CliRunner

from panelcli.cli import app
from panelcli.names import instrument_name
from panelcli.render import fhir


def test_a_complement_part_in_brackets_is_no_bead_id() -> None:
    """Review 52: 'Complement (C3)' lost its 'C3' as a LEGENDplex bead id would."""
    assert instrument_name("Complement (C3)") is None
    assert instrument_name("Complement component (C4)") is None
    assert instrument_name("IL-6 (B4)") is not None  # a bead id still is one


def test_the_fhir_release_tag_has_a_code_system(tmp_path) -> None:
    """Developer QA round 9: the Bundle's tag had no system, so no server could match it."""
    made = uuid.uuid5(fhir._NAMESPACE, "panelcli release")
    assert f"urn:uuid:{made}" == fhir.RELEASE_SYSTEM
    path = tmp_path / "one.csv"
    path.write_text("sample_id,marker,value,unit\nA1,IL-6,1,pg/mL\n", encoding="utf-8")
    shown = CliRunner().invoke(app, ["check", str(path), "--format", "fhir"])
    assert shown.exit_code == 0
    [tag] = json.loads(shown.stdout)["meta"]["tag"]
    assert tag["system"] == fhir.RELEASE_SYSTEM and tag["code"].startswith("panelcli-")


# --- a quality control's code in a flag column leaves the result unjudged ----------------------

QC_LONG = (
    "sample_id,marker,value,unit,flag\n"
    "F1,IL-6,1.0,pg/mL,EXP\nF1,IL-8,900,pg/mL,HEM\nF1,IL-10,1.0,pg/mL,\nF1,IL-1β,900,pg/mL,H\n"
)


@pytest.mark.parametrize("short_path", [True, False])
def test_a_qc_code_in_a_flag_column_leaves_the_result_unjudged(write_csv, short_path) -> None:
    """Lab QA round 9 asked it: 'EXP' (an expired reagent) beside a value was warned about but
    the value was judged, normal or high, as an instrument alarm's is not (`_alarmed`)."""
    path = write_csv(QC_LONG)
    results = results_of(path, short_path)
    assert [(r.marker, r.status.value) for r in results] == [
        ("IL-6", "indeterminate"), ("IL-8", "indeterminate"), ("IL-10", "normal"),
        ("IL-1β", "high"),
    ]  # fmt: skip
    assert results[1].note == (
        "the lab's flag column gives 'HEM', an instrument's or quality control's code, so it "
        "was not judged: ask the lab whether it can be reported"
    )
    assert results[2].note is None
    said = [(i.line, i.code) for i in issues_of(path, short_path) if i.line != 5]
    assert said == [(2, "flag-unreadable"), (3, "flag-unreadable")]  # (5: the flag not used)


def test_a_qc_code_under_a_wide_file_s_flag_column_leaves_its_result_unjudged(write_csv) -> None:
    path = write_csv("Sample,IL-6 (pg/mL),IL-6 Flag,IL-8 (pg/mL)\nS1,900,CNTL,900\nS2,1,,1\n")
    assert [(r.sample_id, r.marker, r.status.value) for r in results_of(path)] == [
        ("S1", "IL-6", "indeterminate"), ("S1", "IL-8", "high"),
        ("S2", "IL-6", "normal"), ("S2", "IL-8", "normal"),
    ]  # fmt: skip


def test_the_cli_exit_code_and_every_format_agree_on_a_qc_coded_row(tmp_path) -> None:
    """A QC-coded high value sets no exit 1 (indeterminate never does) in any format, stdin
    or file, and the CSV carries its status."""
    path = tmp_path / "qc.csv"
    path.write_text("sample_id,marker,value,unit,flag\nF1,IL-8,900,pg/mL,EXP\n", encoding="utf-8")
    runner = CliRunner()
    for format_ in ("json", "ndjson", "csv", "table"):
        by_file = runner.invoke(app, ["check", str(path), "--format", format_])
        by_stdin = runner.invoke(app, ["check", "-", "--format", format_], input=path.read_text())
        assert (by_file.exit_code, by_stdin.exit_code) == (0, 0), format_
    document = json.loads(runner.invoke(app, ["check", str(path), "--format", "json"]).stdout)
    [result] = document["panels"][0]["results"]
    assert result["status"] == "indeterminate" and "'EXP'" in result["note"]
    shown = runner.invoke(app, ["check", str(path), "--format", "csv"]).stdout
    rows = list(csv.DictReader(io.StringIO(shown)))
    said = [(r["issue_code"], r["status"]) for r in rows][:2]  # (then the notice)
    assert said == [("flag-unreadable", "warning"), ("", "indeterminate")]


# --- words on a result given are no 'no result' (lab QA round 10) -------------------------------


@pytest.mark.parametrize(
    "words",
    [
        "Confirmed on repeat testing", "Repeat analysis confirms result",
        "Slightly hemolyzed; interpret with caution",
        "Sample lipemic - result confirmed after ultracentrifugation", "Referred to Dr Lee",
        "Previous invalid result replaced",
    ],
)  # fmt: skip
def test_a_comment_row_on_a_result_does_not_withdraw_it(write_csv, words) -> None:
    """Lab QA round 10: such a row under a preliminary IL-6 of 45.2 was read as 'no result',
    withdrew it, and the run exited 0; now the row is refused (not a number, exit 2) with a
    word on where a comment goes, and the result stays judged."""
    path = write_csv(
        "Accession,Patient ID,Test,Result,Units,Result Status\n"
        f'A100,P1,IL-6,45.2,pg/mL,Preliminary\nA100,P1,IL-6,"{words}",,\n'
    )
    for short_path in (True, False):
        assert [(r.line, r.status.value) for r in results_of(path, short_path)] == [(2, "high")]
        [refused] = [i for i in issues_of(path, short_path) if i.severity == "error"]
        assert (refused.line, refused.code) == (3, "value-not-a-number")
        assert refused.message.endswith(
            "is not a number but words; if they are the lab's comment on a result, put them "
            "in a 'Comment' column beside it, where they are read as one"
        )


@pytest.mark.parametrize(
    "words", ["Cancelled", "Specimen hemolyzed", "Referred out", "Result to follow", "QNS"]
)
def test_a_row_saying_no_result_still_withdraws_a_preliminary_one(write_csv, words) -> None:
    path = write_csv(
        "Accession,Patient ID,Test,Result,Units,Result Status\n"
        f"A100,P1,IL-6,45.2,pg/mL,Preliminary\nA100,P1,IL-6,{words},,\n"
    )
    assert results_of(path) == []
    assert [i.code for i in issues_of(path)] == ["result-superseded", "result-not-given"]


def _batched(path: str, rows_per_batch: int) -> list[tuple[str, float | None, str]]:
    """Each result's marker, value and status as batches of `rows_per_batch` rows give them."""
    return [(e.marker, e.value, e.status.value) for e in batch_results_of(path, rows_per_batch)]


# --- a wide header with words after its unit (lab QA round 10) ---------------------------------

WORDS_AFTER = (
    "Sample,IL-10 (pg/mL),IL-6 (pg/mL) - Panel 1,IL-8 (pg/mL).1,TNF-α (pg/mL) final,"
    "IL-6 (pg/mL) Day 7,IL-2 pg/mL (0-2.1),IL-1β (pg/mL) [0-7.0]\n"
    "S1,2.0,45.0,120,20.0,1.0,9.0,6.5\n"
)


def test_a_wide_column_with_words_after_its_unit_is_read_as_its_marker(write_csv) -> None:
    """Lab QA round 10: such columns were dropped as 'not a known marker or field', so three
    high cytokines went unsaid and the run exited 0."""
    path = write_csv(WORDS_AFTER)
    results = results_of(path)
    assert [(r.marker, r.value, r.status.value, r.reference.origin) for r in results] == [
        ("IL-10", 2.0, "normal", "set"), ("IL-6", 45.0, "high", "set"),
        ("IL-8", 120.0, "high", "set"), ("TNF-α", 20.0, "high", "set"),
        ("IL-6", 1.0, "normal", "set"), ("IL-2", 9.0, "high", "set"),  # (0-2.1: the same)
        ("IL-1β", 6.5, "normal", "file"),  # by the lab's 0-7.0 of its header, not the set's
    ]  # fmt: skip
    said = {i.column: i.message for i in issues_of(path) if i.code == "header-words-after-unit"}
    assert said["IL-8 (pg/mL).1"] == (
        "column 'IL-8 (pg/mL).1' is read as IL-8 in pg/mL; the words after its unit, '.1', are "
        "not read (a visit, a panel, the blood or method it was measured in, a note?): each "
        "value is judged as IL-8's"
    )
    assert said["IL-1β (pg/mL) [0-7.0]"] == (
        "column 'IL-1β (pg/mL) [0-7.0]' is read as IL-1β in pg/mL; the words after its unit, "
        "'[0-7.0]', are read as the lab's range of its values"
    )
    assert len(said) == 6


@pytest.mark.parametrize("rows_per_batch", [1, 2, 50])
def test_a_header_s_range_reads_alike_in_batches_and_with_a_decimal_comma(
    write_csv, rows_per_batch
) -> None:
    path = write_csv("Sample;IL-6 (pg/mL) [0-7,0];IL-8 (pg/mL)\nS1;5,5;3,2\nS2;8,0;1\n")
    expected = [("IL-6", 5.5, "normal"), ("IL-8", 3.2, "normal"), ("IL-6", 8.0, "high"),
                ("IL-8", 1.0, "normal")]  # fmt: skip
    assert [(r.marker, r.value, r.status.value) for r in results_of(path)] == expected
    assert _batched(path, rows_per_batch) == expected


@pytest.mark.parametrize(
    "words",
    ["SD", "Flag", "Critical High", "Ref High", "Reference Range", "Comment", "Change",
     "Ratio", "Control", "Blank", "CSF", "Urine", "(CSF)", "converted to pg/mL", "Z-score",
     "/ IL-10 (pg/mL)"],
)  # fmt: skip
def test_other_words_after_the_unit_are_no_marker_s_results(write_csv, words) -> None:
    """Review 53: 'IL-6 (pg/mL) Critical High' (100) was read as an IL-6 result, high and
    40 times the limit, exit 1; 'IL-6 (pg/mL) Flag' refused its 'H' (exit 2); a CSF's was
    judged by a plasma range. Only a visit, a copy or a range is read so."""
    path = write_csv(f"Sample,IL-6 (pg/mL),IL-6 (pg/mL) {words},IL-8 (pg/mL)\nS1,1.0,100,3\n")
    results = results_of(path)
    assert [r.value for r in results if r.marker == "IL-6"] == [1.0]  # (no IL-6 of 100)
    assert [(r.marker, r.value) for r in results if r.marker == "IL-8"] == [("IL-8", 3.0)]
    assert not [i for i in issues_of(path) if i.code == "header-words-after-unit"]


# --- educator QA round 10 -----------------------------------------------------------------------


def test_the_overview_says_inflammation_is_the_body_s_normal_response() -> None:
    """Educator QA round 10: 'Too much can cause inflammation, which is swelling, heat and pain
    inside the body' made inflammation sound like a fault and left out redness."""
    shown = " ".join(CliRunner(env={"COLUMNS": "200"}).invoke(app, ["explain"]).output.split())
    assert "cytokines start inflammation. That is the body's normal way to fight and heal." in shown
    assert "redness, heat, swelling and pain" in shown and "inside the body" not in shown


def test_the_pointer_to_a_marker_s_other_names_leads_to_them() -> None:
    """Educator QA round 10: 'panelcli ranges show lists them', but its table has no names."""
    runner = CliRunner(env={"COLUMNS": "200"})
    said = " ".join(runner.invoke(app, ["explain", "sIL-2R"]).output.split())
    assert "more (panelcli ranges show --format json lists them)" in said
    shown = json.loads(runner.invoke(app, ["ranges", "show", "--format", "json"]).stdout)
    assert len(shown["markers"]["sIL-2R"]["aliases"]) > 8


def test_a_marker_the_set_lacks_names_the_bundled_set_that_has_it(write_csv) -> None:
    """Educator QA round 10: a class's CRP of 40 mg/L 'could not be judged', and 'another
    list of ranges' gave a newcomer nothing to type."""
    from panelcli.check import check_file

    path = write_csv("marker,value,unit\nCRP,40,mg/L\nIL-6,1,pg/mL\n")
    [panel] = check_file(path).panels
    assert panel.summary.text[-1].endswith(
        "can be used. The bundled set mayo-adult has a range for CRP: run panelcli again with "
        "--ranges mayo-adult to use it. That range is from another lab, so it may not fit this "
        "test. Its ranges depend on age, so add --age and the person's age in years if the file "
        "does not give it."
    )  # (educator QA round 12: followed, the hint left the other results indeterminate)
    [panel] = check_file(path, ranges="mayo-adult").panels  # it is judged there, by mg/L
    assert [(r.marker, r.status.value) for r in panel.results][0] == ("CRP", "high")


# --- sex written as a code and its word; German LIS headers (lab QA round 10) ------------------


@pytest.mark.parametrize(
    ("written", "sex"),
    [
        ("M - Male", "male"), ("F - Female", "female"), ("F (Female)", "female"),
        ("f.", "female"), ("Fem", "female"), ("2 - Female", "female"), ("1 - Male", "male"),
        ("Feminino", "female"), ("M - Female", None), ("1 - Female", None), ("M/F", None),
        ("1", None), ("2", None), ("Mrs", None),
    ],
)  # fmt: skip
def test_a_sex_code_with_its_word_is_read_where_both_agree(written, sex) -> None:
    from panelcli.ranges import parse_sex

    assert parse_sex(written) == sex


def test_a_sex_code_with_its_word_chooses_the_interval(write_csv) -> None:
    """Lab QA round 10: 'M - Male' was unread, so a man's Ferritin of 20 (low) and a woman's
    of 250 (high) were indeterminate, exit 0."""
    path = write_csv(
        "MRN,Patient Sex,Age,Test,Result,Units\n"
        "100,M - Male,45,Ferritin,20,ng/mL\n101,F - Female,30,Ferritin,250,ng/mL\n"
    )
    statuses = [r.status.value for r in results_of(path, ranges="mayo-adult")]
    assert statuses == ["low", "high"]


def test_german_lis_headers_for_sex_and_validation_are_read(write_csv) -> None:
    """Lab QA round 10: 'Geschl.' was not read (Ferritin indeterminate), and 'Validierung''s
    'techn. validiert' (not yet released by a doctor) and 'ausstehend' were judged as final."""
    path = write_csv(
        "Pat.-Nr.;Geschl.;Alter;Test;Ergebnis;Einheit;Validierung\n"
        "100;W;40;FERR;420;ng/ml;med. validiert\n100;W;40;CRP;35,2;mg/l;techn. validiert\n"
        "100;W;40;IL6;3,0;pg/ml;ausstehend\n"
    )
    results = results_of(path, ranges="mayo-adult")
    assert [(r.marker, r.status.value) for r in results] == [("Ferritin", "high"), ("CRP", "high")]
    assert results[1].note == "a preliminary result: the final one may differ"
    codes = [(i.line, i.code) for i in issues_of(path, ranges="mayo-adult")]
    assert (3, "result-preliminary") in codes and (4, "result-not-given") in codes


# --- a value far below any level, read in a unit that makes numbers smaller (lab QA round 10) ---

FILLED_DOWN = (
    "Sample ID,Sex,Age,Marker,Value,Unit\nS1,F,40,IL-6,12.0,pg/mL\nS1,F,40,CRP,45,pg/mL\n"
    "S2,F,40,CRP,30,pg/mL\nS3,F,40,CRP,2,mg/L\nS4,F,40,CRP,<0.0004,pg/mL\n"
)


@pytest.mark.parametrize("short_path", [True, False])
def test_a_value_far_below_any_level_after_a_unit_slip_is_said(write_csv, short_path) -> None:
    """Lab QA round 10: CRP 45 in a 'pg/mL' filled down by mistake was 0.000045 mg/L,
    'normal', with no word; 45 mg/L would be 9 times the limit."""
    path = write_csv(FILLED_DOWN)
    results = results_of(path, short_path, "mayo-adult")
    assert [r.status.value for r in results] == ["high", "normal", "normal", "normal", "normal"]
    far = [i for i in issues_of(path, short_path, "mayo-adult") if i.code == "value-far-past-range"]
    assert [(i.line, i.marker) for i in far] == [(3, "CRP")]  # once a file for CRP in pg/mL
    assert far[0].message == (
        "a value of CRP read in pg/mL is 100,000 times below its upper limit or more, far below "
        "the levels labs can measure: check the number and the unit (said once a file for CRP "
        "in pg/mL)"
    )


def test_a_small_value_in_the_set_s_own_unit_is_no_unit_slip(write_csv) -> None:
    path = write_csv("Sample ID,Marker,Value,Unit\nS1,IL-6,0.00001,pg/mL\nS2,CRP,0.00001,mg/L\n")
    assert not [i for i in issues_of(path, ranges="mayo-adult") if i.code.startswith("value-far")]


# --- Excel's 'CSV (MS-DOS)' (code page 437) is named in the fallback warning (lab QA round 10) --


@pytest.mark.parametrize(
    ("row", "first"),
    [
        ("S1,TNF-α,10.0,pg/mL,≤ 8.1\n", "'à' in 'TNF-à', which Excel's 'CSV (MS-DOS)' (code page "
         "437) reads as 'α'"),
        ("S1,IL-6,10.0,pg/mL,≤ 8.1\n", "'ó' in 'ó 8.1', which Excel's 'CSV (MS-DOS)' (code page "
         "437) reads as '≤'"),
    ],
)  # fmt: skip
def test_a_dos_code_page_sign_is_named_in_the_fallback_warning(write_csv, row, first) -> None:
    """Lab QA round 10: '≤ 8.1' read as 'ó 8.1' dropped the lab's range, and the warning named
    only Windows-1252. Where a Windows-1252 letter is in the same text ('José' below), its
    bytes are read so (a file's bytes read alike), and the warning says what 437 would read."""
    text = "Sample ID,Marker,Value,Unit,Reference range,Comment\n" + row[:-1] + ",José\n"
    path = write_csv(text.encode("cp437").replace(b"Jos\x82", b"Jos\xe9"))
    [fallback] = [i for i in issues_of(path) if i.code == "encoding-fallback"]
    assert "read as Windows-1252" in fallback.message
    assert f"the first is {first}: if that is meant, save the file as CSV UTF-8" in (
        fallback.message
    )


def test_a_windows_1252_name_is_not_called_a_dos_sign(write_csv) -> None:
    text = "Sample ID,Patient,Marker,Value,Unit\nS1,Muñoz,IL-6,1.0,pg/mL\nS2,Peña 2,IL-6,1,pg/mL\n"
    path = write_csv(text.encode("cp1252"))
    [fallback] = [i for i in issues_of(path) if i.code == "encoding-fallback"]
    assert "MS-DOS" not in fallback.message


# --- a row's own assay limit columns (lab QA round 10) -----------------------------------------

CRO = (
    "Subject ID,Sample ID,Analyte,Result,Units,LLOQ,ULOQ\n"
    "1001,A-0001,IL-6,BLQ,pg/mL,1.5,5000\n1001,A-0001,IL-8,ALQ,pg/mL,0.8,3000\n"
    "1001,A-0001,IL-10,<LLOQ,pg/mL,0.6,2000\n1001,A-0001,TNF-alpha,>ULOQ,ng/mL,1.0,4\n"
    "1001,A-0001,IL-2,3.4,pg/mL,1.0,4000\n1001,A-0001,IL-4,ALQ,pg/mL,1.0,N/A\n"
)


@pytest.mark.parametrize("short_path", [True, False])
def test_a_row_s_own_assay_limits_stand_for_its_words(write_csv, short_path) -> None:
    """Lab QA round 10: 'ALQ' beside a ULOQ of 3000 was indeterminate, its note asking lab staff
    to add to a ranges file the limit the row gave, and the run exited 0."""
    path = write_csv(CRO)
    results = results_of(path, short_path)
    assert [(r.marker, r.comparator, r.value, r.status.value) for r in results] == [
        ("IL-6", "<", 1.5, "normal"), ("IL-8", ">", 3000.0, "high"),
        ("IL-10", "<", 0.6, "normal"), ("TNF-α", ">", 4000.0, "high"),  # 4 ng/mL
        ("IL-2", None, 3.4, "high"), ("IL-4", ">", None, "indeterminate"),  # its ULOQ 'N/A'
    ]  # fmt: skip
    assert results[1].note == (
        "'ALQ' has no number; it was read as above the upper limit of quantification (uloq), "
        "3000 pg/mL, as its row gives it"
    )
    assert not [i for i in issues_of(path, short_path) if i.code == "column-ignored"]


@pytest.mark.parametrize("rows_per_batch", [1, 3])
def test_a_row_s_assay_limits_read_alike_in_batches(write_csv, rows_per_batch) -> None:
    path = write_csv(CRO.replace(",", ";").replace("1.5", "1,5").replace("0.8", "0,8"))
    expected = [(r.marker, r.value, r.status.value) for r in results_of(path)]
    assert expected[:2] == [("IL-6", 1.5, "normal"), ("IL-8", 3000.0, "high")]
    assert _batched(path, rows_per_batch) == expected


@pytest.mark.parametrize("word", ["all", "ALL", "every"])
def test_demo_all_lists_every_sample(word) -> None:
    """Educator QA round 10: 'panelcli demo all' showed the all-in-range sample alone."""
    shown = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["demo", word])
    assert shown.exit_code == 0
    assert "Sample panels (synthetic)" in shown.output
    assert "cytokine-storm" in shown.output and "bad-rows" in shown.output


@pytest.mark.parametrize(
    ("typed", "heading"),
    [
        (["Il-6?"], "IL-6"), (["IL-6", "test"], "IL-6"), (["what", "is", "IL-6"], "IL-6"),
        (["what's", "TNF", "alpha?"], "TNF-α"), (["tell", "me", "about", "ferritin"], "Ferritin"),
        (["What", "are", "cytokines?"], "Cytokines and the cytokine panel"),
    ],
)  # fmt: skip
def test_explain_reads_a_question_about_a_marker(typed, heading) -> None:
    """Educator QA round 10: students type questions ('what is IL-6', 'Il-6?'), which were
    'no explanation' with no hint."""
    shown = CliRunner().invoke(app, ["explain", *typed])
    assert shown.exit_code == 0, shown.output
    assert shown.output.splitlines()[0].strip() == heading


def test_a_question_mark_alone_is_still_no_marker() -> None:
    shown = CliRunner().invoke(app, ["explain", "?"])
    assert shown.exit_code == 2 and "no explanation for '?'" in shown.output


# --- small things lab staff met (lab QA round 10) -----------------------------------------------


@pytest.mark.parametrize(
    ("cell", "flag"), [("12.5 ↑↑", "HH"), ("12.5↑↑", "HH"), ("3 ↓↓", "LL"), ("↑↑ 45", "HH"),
                       ("12.5 ↑", "H"), ("↑45", "H")],
)  # fmt: skip
def test_two_arrows_beside_a_value_are_a_critical_flag(cell, flag) -> None:
    """'12.5 ↑↑' was refused, '12.5↑↑' read as only high; a flag column reads '↑↑' as HH."""
    from panelcli.values import parse_value

    assert parse_value(cell).flag == flag


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        ("ULOQ", "value 'ULOQ' names one of the assay's limits but not which side of it the "
         "result is: write '>ULOQ' if the result is above it"),
        ("LLOQ", "value 'LLOQ' names one of the assay's limits but not which side of it the "
         "result is: write '<LLOQ' if the result is below it"),
        ("N/D", "value 'N/D' may mean 'not detected' or 'not done': write 'ND' if the test "
         "found none, or 'not done' if there is no result"),
    ],
)  # fmt: skip
def test_a_limit_s_name_or_n_d_alone_is_refused_saying_what_to_write(write_csv, cell, said) -> None:
    path = write_csv(f"sample_id,marker,value,unit\nA,IL-6,{cell},pg/mL\n")
    [refused] = [i for i in issues_of(path) if i.severity == "error"]
    assert (refused.code, refused.message) == ("value-not-a-number", said)


def test_a_marker_given_as_a_set_names_explain() -> None:
    shown = CliRunner().invoke(app, ["ranges", "show", "IL-6"])
    assert shown.exit_code == 2
    assert "('IL-6' is a marker: panelcli explain IL-6 shows its range in every set)" in (
        " ".join(shown.output.split())
    )


def test_bio_plex_s_conc_in_range_is_read_where_it_is_the_only_value_column(write_csv) -> None:
    """Lab QA round 10: a file keeping only 'Conc in Range' was refused ('no value column')."""
    path = write_csv(
        "Analyte,Type,Well,Description,Conc in Range,Units\nHu IL-6 (19),S1,A1,,3200,pg/mL\n"
        "Hu IL-6 (19),X1,B1,PT-41,OOR <,pg/mL\nHu IL-6 (19),X2,C1,PT-42,45.50,pg/mL\n"
        "Hu IL-6 (19),X3,D1,PT-43,OOR >,pg/mL\n"
    )
    results = results_of(path)
    assert [(r.sample_id, r.comparator, r.value) for r in results] == [
        ("PT-41", "<", None), ("PT-42", None, 45.5), ("PT-43", ">", None),
    ]  # fmt: skip


def test_conc_in_range_beside_obs_conc_is_said_and_no_expected_value(write_csv) -> None:
    """Beside 'Obs Conc' it is not read, said so; never taken for a standard's expected value
    (which would skip every row with a number there as a control's)."""
    path = write_csv(
        "Analyte,Type,Description,Obs Conc,Conc in Range,Units\n"
        "Hu IL-6 (19),X1,PT-41,*2.10,OOR <,pg/mL\nHu IL-6 (19),X2,PT-42,45.50,45.50,pg/mL\n"
    )
    assert [(r.sample_id, r.value) for r in results_of(path)] == [("PT-42", 45.5)]
    said = {i.column: i for i in issues_of(path)}
    assert said["Conc in Range"].message.startswith(
        "column 'Conc in Range' was not read: it is Bio-Plex's result within the standard curve"
    )
    assert said["Obs Conc"].code == "value-extrapolated"


# --- developer QA round 10 ----------------------------------------------------------------------


def test_a_long_name_s_spelling_hint_takes_no_memory_to_speak_of() -> None:
    """Developer QA round 10: a 40 kB marker cell took 744 MB (one copy of the key per pair of
    letters), and a 1 MB cell had panelcli killed with exit 137 and no word."""
    import tracemalloc

    from panelcli.ranges import LONGEST_HINTED, load_ranges, slip_named

    index = {"ifn": "IFN-γ", "il6": "IL-6"}
    assert slip_named("inf", index) == "IFN-γ"  # a short one still gets its hint
    tracemalloc.start()
    try:
        assert slip_named("ab" * 20_000, index) is None
        assert load_ranges(None).resolve("ab " * 13_333) is None
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024
    assert len("interleukin1receptorantagonist") <= LONGEST_HINTED


def test_a_long_cell_is_judged_as_any_unknown_name(write_csv) -> None:
    path = write_csv("sample_id,marker,value,unit\nS1," + "ab " * 13_333 + ",5,pg/mL\n")
    [result] = results_of(path)
    assert result.status.value == "no_reference" and result.note is not None
    wide = write_csv("sample_id,IL-6 (pg/mL)," + "ab " * 5_000 + "\nS1,1,2\n", name="wide.csv")
    assert [r.marker for r in results_of(wide)] == ["IL-6"]


@pytest.mark.parametrize(
    "times", [("2026-03-13 08.30", "2026-03-13 20.30"),
              ("13-MAR-2026 08.00.00.000000000 AM", "13-MAR-2026 08.00.00.000000000 PM")],
)  # fmt: skip
def test_two_draws_of_a_day_with_dotted_times_make_a_trend(write_csv, times) -> None:
    """Developer QA round 10: read with their times, but ordered as if they had none, two
    draws of a day were one collection: no trend, no word (with ':' a rising one)."""
    from panelcli.check import check_file

    first, last = times
    path = write_csv(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        f"A,P1,{first},IL-6,5,pg/mL\nB,P1,{last},IL-6,70,pg/mL\n"
    )
    [trend] = check_file(path).trends
    assert trend.dates == [first, last]
    assert [m.direction for m in trend.markers] == ["rising"]


@pytest.mark.parametrize(
    ("written", "sent"),
    [("2026-03-13 08:30 UTC", "2026-03-13T08:30:00Z"),
     ("2026-03-13 08:30 GMT", "2026-03-13T08:30:00Z"),
     ("13.03.2026 08:30 UTC", "2026-03-13T08:30:00Z"),
     ("202603130830+0100", "2026-03-13T07:30:00Z"),
     ("2026-03-13 08:30+02:00", "2026-03-13T08:30:00+02:00")],
)  # fmt: skip
def test_fhir_keeps_a_time_given_with_a_named_zone_or_an_hl7_offset(written, sent) -> None:
    """Developer QA round 10: 'UTC', 'GMT' and HL7's '+0100' lost the time, and the note said
    it had no time zone."""
    assert fhir.fhir_datetime(written) == (sent, None)
    day, note = fhir.fhir_datetime("2026-03-13 08:30")  # no zone: the day alone, said so
    assert day == "2026-03-13" and note is not None and "without a time zone" in note


def test_a_set_made_by_ranges_init_in_your_sets_folder_is_said_not_read(
    tmp_path, monkeypatch
) -> None:
    """Developer QA round 10: 'ranges init' into the sets folder made a folder there, which
    `ranges list` left out and `--ranges mylab` refused, with no word why."""
    folder = tmp_path / "cfg" / "ranges"
    folder.mkdir(parents=True)
    monkeypatch.setenv("PANELCLI_CONFIG_DIR", str(tmp_path / "cfg"))
    runner = CliRunner()
    assert runner.invoke(app, ["ranges", "init", str(folder / "mylab")]).exit_code == 0
    [made] = sorted((folder / "mylab").glob("*.toml"))
    listed = runner.invoke(app, ["ranges", "list"])
    said = " ".join(listed.stderr.split())
    assert (
        f"not read: '{folder / 'mylab'}' is a folder, not a ranges file: your sets are read "
        f"from files in '{folder}' itself; to use it by the name 'mylab', move '{made}' to "
        f"'{folder / 'mylab.toml'}'"
    ) in said
    made.rename(folder / "mylab.toml")  # as it says: then the set is found by its name
    assert "mylab" in runner.invoke(app, ["ranges", "list"]).stdout


@pytest.mark.parametrize(
    ("name", "starts"), [("r.fhir", '{\n  "resourceType": "Bundle"'), ("r.ldjson", '{"source"')]
)
def test_an_output_file_named_fhir_or_ldjson_gets_that_format(tmp_path, name, starts) -> None:
    """Developer QA round 10: '-o r.fhir' and '-o r.ldjson' got the text table, unsaid."""
    data = tmp_path / "d.csv"
    data.write_text("sample_id,marker,value,unit\nS1,IL-6,1,pg/mL\n", encoding="utf-8")
    out = tmp_path / name
    shown = CliRunner().invoke(app, ["check", str(data), "-o", str(out)])
    assert shown.exit_code == 0 and shown.stderr == ""
    assert out.read_text(encoding="utf-8").startswith(starts)


def test_the_library_takes_an_age_as_age_takes_it() -> None:
    """Developer QA round 10: CheckOptions(age='18 mo') was refused, though the docs say its
    fields are the options of the same names; the width --age gives is given too."""
    from panelcli import CheckOptions
    from panelcli.check import age_width, parse_age

    for written in ("18 mo", "42", "6 wk", ">89", "17y 11m"):
        options = CheckOptions(age=written)  # type: ignore[arg-type]
        assert (options.age, options.age_width) == (parse_age(written), age_width(written))
    assert CheckOptions(age=42).age_width is None  # a number: as before
    with pytest.raises(ValueError, match="or a child's age such as '18 mo'"):
        CheckOptions(age="abc")  # type: ignore[arg-type]


@pytest.mark.parametrize("short_path", [True, False])
def test_a_long_marker_cell_s_unit_and_range_are_read(write_csv, short_path) -> None:
    """Lab QA round 10: 'IL-6 (pg/mL) [0-7.0]' in a long file's test column was 'no reference
    range', its unit said to be missing, and IL-6 12 (high) set no exit 1."""
    path = write_csv(
        "Sample ID,Test,Result\nS1,IL-6 (pg/mL) [0-7.0],12.0\nS1,IL-8 pg/mL (0-62),50\n"
        "S1,IL-10 (pg/mL),2.0\nS1,IL-6 (pg/mL) Day 7,3\n"
    )
    results = results_of(path, short_path)
    assert [(r.marker, r.status.value, r.reference and r.reference.text) for r in results] == [
        ("IL-6", "high", "0 - 7 pg/mL"), ("IL-8", "normal", "0 - 62 pg/mL"),
        ("IL-10", "normal", "≤ 5.3 pg/mL"),
        ("IL-6 (pg/mL) Day 7", "no_reference", None),  # other words: not taken off unsaid
    ]  # fmt: skip
    assert _batched(path, 1) == [(r.marker, r.value, r.status.value) for r in results]


@pytest.mark.parametrize(
    "words",
    [
        "Cancelled - duplicate of previous order", "Cancelled, duplicate of earlier request",
        "Gross hemolysis observed", "Specimen hemolyzed - confirmed on visual inspection",
        "QNS - confirmed with ward", "Invalid - previous sample clotted",
        "Cancelled - reported to Dr Lee",
    ],
)  # fmt: skip
def test_a_no_result_phrase_beside_ordinary_words_still_withdraws(write_csv, words) -> None:
    """Review 53: a word of the list of words on a result given ('previous', 'confirmed',
    'observed') anywhere in the cell kept a cancelled preliminary IL-6 judged, high (exit 2)."""
    path = write_csv(
        "Accession,Patient ID,Test,Result,Units,Result Status\n"
        f'A100,P1,IL-6,45.2,pg/mL,Preliminary\nA100,P1,IL-6,"{words}",,\n'
    )
    assert results_of(path) == []
    assert [i.code for i in issues_of(path)] == ["result-superseded", "result-not-given"]


def test_a_comment_beside_a_blank_value_still_says_why_there_is_none(write_csv) -> None:
    """Review 53: 'Gross hemolysis observed' beside a blank value became 'value is empty; fill
    in the result' (exit 2), where it said the lab gave no result (exit 0)."""
    path = write_csv(
        "Sample ID,Marker,Value,Unit,Comment\nS1,IL-6,,pg/mL,Gross hemolysis observed\n"
        "S1,IL-8,3,pg/mL,\n"
    )
    said = [(i.code, i.severity) for i in issues_of(path) if i.line == 2]
    assert said == [("result-not-given", "warning")]


# --- review 53 ---------------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["all", "every"])
def test_demo_all_csv_is_refused_as_demo_csv_is(word) -> None:
    """Review 53: 'demo all --csv' printed the table of samples (exit 0) into a pipe."""
    shown = CliRunner().invoke(app, ["demo", word, "--csv"])
    assert shown.exit_code == 2 and "--csv prints one sample's file" in shown.output


def test_a_dotted_time_with_a_zone_s_name_is_a_time() -> None:
    """Review 53: '2026-03-13 08.30 UTC' lost its time in FHIR and in trends."""
    assert fhir.fhir_datetime("2026-03-13 08.30 UTC") == ("2026-03-13T08:30:00Z", None)


def test_nicht_validiert_is_preliminary() -> None:
    from panelcli.values import result_status

    status = result_status("nicht validiert")
    assert status is not None and status.code == "preliminary"


@pytest.mark.parametrize("flag", ["H;HEM", "(EXP)", "EXP*", "HEM;H"])
def test_a_qc_code_beside_a_flag_or_marked_still_leaves_the_result_unjudged(
    write_csv, flag
) -> None:
    """Review 53: only a bare code left the result unjudged."""
    path = write_csv(f"sample_id,marker,value,unit,flag\nF1,IL-6,9.0,pg/mL,{flag}\n")
    assert [r.status.value for r in results_of(path)] == ["indeterminate"]


def test_explain_keeps_the_lost_letter_hint_in_a_question() -> None:
    shown = " ".join(CliRunner().invoke(app, ["explain", "what", "is", "TNF-?"]).output.split())
    assert "no explanation for 'TNF-?' (did you mean TNF-α?" in shown


def test_a_row_s_limit_cell_it_cannot_read_is_named(write_csv) -> None:
    """Review 53: ULOQ '3,000' was dropped unsaid, and the note asked for a ranges file."""
    path = write_csv('Sample ID,Analyte,Result,Units,ULOQ\nA2,IL-8,ALQ,pg/mL,"3,000"\n')
    [result] = results_of(path)
    assert result.note == (
        "'ALQ' has no number, and its row's ULOQ '3,000' is not a number alone, so panelcli "
        "cannot judge it."
    )


@pytest.mark.parametrize("asked", [["IL-6"], []])
def test_explain_exports_a_page_to_share(tmp_path, asked) -> None:
    """Educator QA, known since round 8: explain had no --export, as demo has."""
    page = tmp_path / "il6.html"
    shown = CliRunner().invoke(app, ["explain", *asked, "--export", str(page)])
    assert shown.exit_code == 0, shown.output
    text = page.read_text(encoding="utf-8")
    assert "healthcare provider" in text
    assert ("IL-6 is one of the main messengers" if asked else "Cytokines are small") in text
    again = CliRunner().invoke(app, ["explain", *asked, "--export", str(page)])
    assert again.exit_code == 2 and "--force" in again.output


# --- the second review of session 53 -----------------------------------------------------------


@pytest.mark.parametrize("cell", ["-", "n/a", ""])
def test_a_marker_cell_s_range_stands_beside_a_range_cell_marked_empty(write_csv, cell) -> None:
    """Review 53b: '-' in the range column dropped 'IL-6 (pg/mL) [0-7.0]''s range, and 5 was
    judged high by the set's ≤ 2.5 (exit 1)."""
    path = write_csv(
        f"Sample ID,Test,Result,Units,Reference Range\nS1,IL-6 (pg/mL) [0-7.0],5,pg/mL,{cell}\n"
    )
    assert [(r.status.value, r.reference and r.reference.text) for r in results_of(path)] == [
        ("normal", "0 - 7 pg/mL")
    ]


def test_a_row_s_limit_it_cannot_read_is_not_replaced_by_the_set_s(write_csv, tmp_path) -> None:
    """Review 53b: a row's ULOQ '3,000' was replaced unsaid by the set's 10000, and 'ALQ' was
    judged critical by it."""
    ranges = tmp_path / "own.toml"
    ranges.write_text(
        '[set]\nname = "own"\n[markers."IL-8"]\nunit = "pg/mL"\nhigh = 9.4\ncritical_high = 5000\n'
        "uloq = 10000\n",
        encoding="utf-8",
    )
    path = write_csv('Sample ID,Analyte,Result,Units,ULOQ\nA2,IL-8,ALQ,pg/mL,"3,000"\n')
    [result] = results_of(path, ranges=ranges)
    assert result.status.value == "indeterminate"
    assert result.note is not None and "its row's ULOQ '3,000' is not a number alone" in result.note


@pytest.mark.parametrize("flag", ["H HEM", "HEM H", "EXP H", "H (EXP)"])
def test_a_qc_code_beside_a_flag_after_a_space_leaves_the_result_unjudged(write_csv, flag) -> None:
    path = write_csv(f"sample_id,marker,value,unit,flag\nF1,IL-6,50,pg/mL,{flag}\n")
    assert [r.status.value for r in results_of(path)] == ["indeterminate"]


def test_techn_freigegeben_is_preliminary() -> None:
    from panelcli.values import result_status

    status = result_status("techn. freigegeben")
    assert status is not None and status.code == "preliminary"
    assert result_status("med. freigegeben") is None  # final


def test_c1_after_a_unit_is_no_cycle(write_csv) -> None:
    """Review 53b: 'IL-6 (pg/mL) C1' was read as cycle 1, though kits call a control's level
    so: its values would be judged as a patient's."""
    path = write_csv("Sample,IL-6 (pg/mL),IL-6 (pg/mL) C1,IL-6 (pg/mL) Cycle 2\nS1,1.0,100,2.0\n")
    assert [r.value for r in results_of(path)] == [1.0, 2.0]


@pytest.mark.parametrize("short_path", [True, False])
def test_a_far_below_value_is_said_once_for_a_unit_however_spelled(write_csv, short_path) -> None:
    """As the far-past warning is ('mg/L', 'mg/l': one): the two share how a unit is named."""
    path = write_csv("Sample ID,Marker,Value,Unit\nS1,CRP,45,pg/mL\nS2,CRP,30,pg/ml\n")
    far = [
        i.line for i in issues_of(path, short_path, "mayo-adult")
        if i.code == "value-far-past-range"
    ]  # fmt: skip
    assert far == [2]
