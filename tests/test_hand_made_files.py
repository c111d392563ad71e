"""Files made by hand (QA: a patient's portal copy, a nurse's log, a student's panel): read
where their meaning is clear, refused or doubted where it is not."""

from __future__ import annotations

import pytest

from panelcli.check import check_file
from panelcli.models import Issue, Report, Result, Status


def results(report: Report) -> list[Result]:
    return [result for panel in report.panels for result in panel.results]


def test_a_portal_copys_standard_range_and_your_value_are_read(write_csv) -> None:
    """QA: MyChart's 'Your Value' was no value column (the file refused) and its 'Standard
    Range' was ignored: 12.1 pg/mL of TNF-α was normal by the set, high by the lab's ≤ 7.2."""
    path = write_csv(
        "Component\tYour Value\tStandard Range\tFlag\n"
        "Interleukin-6\t1.5 pg/mL\t<=1.8 pg/mL\t\n"
        "Tumor Necrosis Factor Alpha\t12.1 pg/mL\t<=7.2 pg/mL\tHigh\n",
        name="portal.tsv",
    )
    il6, tnf = results(check_file(path))
    assert (il6.marker, il6.status) == ("IL-6", Status.NORMAL)
    assert (tnf.marker, tnf.status) == ("TNF-α", Status.HIGH)
    assert tnf.reference is not None and tnf.reference.text == "≤ 7.2 pg/mL"
    for header in ("Normal Values", "Expected Range", "Expected Values"):
        path = write_csv(f"Marker,Value,Unit,{header}\nTNF-a,12.1,pg/mL,<=7.2\n")
        [tnf] = results(check_file(path))
        assert tnf.status is Status.HIGH, header


def test_greek_letters_and_headers_garbled_by_a_mac_or_windows_save_are_read(write_csv) -> None:
    """QA: an old Mac's Excel (Mac Roman) turned IFN-γ into 'IFN-Œ≥' and µg/L into '¬µg/L':
    a 40-fold IFN-γ was no marker at all, exit 0; a French header garbled the Windows way
    ('RÃ©sultat') was no value column, the file refused."""
    path = write_csv(
        "sample_id,marker,value,unit\nS-1,IFN-Œ≥,412,pg/mL\nS-1,TNF-Œ±,48.7,pg/mL\n"
        "S-1,IL-6,0.0025,¬µg/L\n"
    )
    found = results(check_file(path))
    assert [(r.marker, r.status, r.value) for r in found] == [
        ("IFN-γ", Status.HIGH, 412.0), ("TNF-α", Status.HIGH, 48.7), ("IL-6", Status.NORMAL, 2.5),
    ]  # fmt: skip
    path = write_csv("Analyse;RÃ©sultat;UnitÃ©\nIL-6;12,5;pg/mL\n")
    [il6] = results(check_file(path))
    assert (il6.marker, il6.value, il6.status) == ("IL-6", 12.5, Status.HIGH)


def test_a_wide_columns_unit_in_words_or_after_in_is_read(write_csv) -> None:
    """QA: 'IL-6 (pg per mL)' and 'IFN-gamma mcg/L' were no markers, their columns not read
    (an IL-6 100 times its limit vanished); 'IL-6 in pg/mL' was a marker 'IL-6 in'; and
    'IL-6 level (pg/mL)' was no marker."""
    path = write_csv(
        "Date,IL-6 (pg per mL),TNF-alpha (pg/mL),IFN-gamma mcg/L,IL-8 in pg/mL,"
        "IL-10 level (pg/mL)\n2026-03-05,250,9,0.5,3,1\n"
    )
    report = check_file(path)
    assert [(r.marker, r.value, r.unit) for r in results(report)] == [
        ("IL-6", 250.0, "pg/mL"), ("TNF-α", 9.0, "pg/mL"), ("IFN-γ", 500.0, "pg/mL"),
        ("IL-8", 3.0, "pg/mL"), ("IL-10", 1.0, "pg/mL"),
    ]  # fmt: skip
    assert not [w for w in report.warnings if w.code == "column-ignored"]


def test_a_note_typed_past_the_header_is_said_to_be_one(write_csv) -> None:
    """QA: a note typed right of the table ('retest next week') was blamed on a decimal comma;
    cells a split value would push there (a digit, a unit) still are."""
    path = write_csv(
        "Date,Marker,Value,Unit\n2026-03-05,IL-6,40,pg/mL,retest next week\n"
        "2026-03-05,IL-8,12,5,pg/mL\n"
    )
    note, split = check_file(path).rejected
    assert note.message == (
        "row has 5 cells but the header has 4; 'retest next week' past the header's columns may "
        "be a note or a flag (give its column a header, such as 'Comment' or 'Flag'), or a value "
        "or date may contain an unquoted ','"
    )
    assert split.message.endswith("a value may contain an unquoted ',' (a decimal comma?)")


def test_a_question_mark_for_a_lost_letter_is_said_to_be_one(write_csv) -> None:
    """QA: saved in a Windows code page, IFN-γ and TNF-α became 'IFN-?' and 'TNF-?', judged
    as unknown markers (exit 0) with no word that a letter was lost in the save."""
    path = write_csv("sample_id,marker,value,unit\nS-1,IFN-?,412,pg/mL\nS-1,IL-6,2.0,pg/mL\n")
    report = check_file(path)
    lost, _ = results(report)
    assert lost.status is Status.NO_REFERENCE and lost.note is not None
    assert lost.note.endswith(
        "(did you mean IFN-γ?); a '?' may be a letter lost when the file was saved (save it as "
        "UTF-8)"
    )
    assert (
        report.panels[0]
        .summary.text[-1]
        .endswith(
            "Did you mean IFN-γ? A '?' in a name most often stands for a Greek letter, such as "
            "α, β or γ, that was lost when the file was saved. Saving the file as UTF-8 text "
            "(CSV UTF-8 in Excel) keeps them."
        )
    )


def test_two_exports_joined_with_their_byte_order_marks_read_as_two(write_csv) -> None:
    """QA: 'cat a.csv b.csv' of two UTF-8 exports that start with a '#' line: the second's
    byte order mark made its '#' line a sample, rejected (exit 2)."""
    one = "\ufeff# export {n}\nsample_id,marker,value,unit\nS{n},IL-6,3.0,pg/mL\n"
    path = write_csv((one.format(n=1) + one.format(n=2)).encode("utf-8"))
    report = check_file(path)
    assert not report.rejected
    assert [p.sample_id for p in report.panels] == ["S1", "S2"]
    assert [(w.line, w.code) for w in report.warnings] == [
        (4, "comment-skipped"), (5, "header-repeated"),
    ]  # fmt: skip


def test_a_note_or_a_blocks_title_typed_on_a_line_of_its_own_is_skipped(write_csv) -> None:
    """QA: a note below a hand-made table ('Copied by hand from MyChart - ask Dr Lee about
    IL-6') and a block's title ('Results 12 March 2026') were samples, rejected (exit 2); a
    marker's name of four words with no value still is a row to reject."""
    path = write_csv(
        "Name,Date,Marker,Value,Unit\nJane,2026-03-05,IL-6,1.2,pg/mL\n\n"
        "Copied by hand from MyChart - ask Dr Lee about IL-6,,,,\n"
    )
    report = check_file(path)
    assert not report.rejected
    assert [(w.line, w.code) for w in report.warnings if w.line > 1] == [(4, "page-line-skipped")]
    path = write_csv(
        "Marker,Value,Unit\nIL-6,15,pg/mL\nResults 12 March 2026,,\nIL-8,3,pg/mL\n"
        "Tumor necrosis factor alpha,,\n"
    )
    report = check_file(path)
    assert [(w.line, w.code) for w in report.warnings] == [(3, "page-line-skipped")]
    assert [(r.line, r.code) for r in report.rejected] == [(5, "value-missing")]


def test_a_short_note_with_a_label_or_of_prose_is_skipped_too(write_csv) -> None:
    """QA: a German export's 'Probe leicht hämolytisch' and 'Bemerkung: siehe Befund' lines
    were samples so named, each with a result 'that could not be used' (exit 2); a note in the
    value column too. A line of an id alone that reads as no prose is still refused."""
    path = write_csv(
        "Probe;Analyt;Ergebnis;Einheit\nA1;IL-6;3,5;pg/mL\nProbe leicht hämolytisch;;;\n"
        "Bemerkung: siehe Befund;;;\nA1;IL-8;5;pg/mL\n;;Kommentar: Wert kontrolliert;\n"
        ";Note: repeated;;\nSample 7;;;\n"
    )
    report = check_file(path)
    assert [(w.line, w.code) for w in report.warnings] == [
        (line, "page-line-skipped") for line in (3, 4, 6, 7)
    ]
    assert [(r.line, r.code, r.sample_id) for r in report.rejected] == [
        (8, "marker-missing", "Sample 7")
    ]
    assert [p.sample_id for p in report.panels] == ["A1", "Sample 7"]


def test_a_table_with_dates_across_is_told_how_to_turn(write_csv) -> None:
    """QA: markers as rows and dates as columns was told to name a column 'value', which
    would read one date and drop the others."""
    path = write_csv("Marker,Unit,5 March 2026,12 March 2026,19 March 2026\nIL-6,pg/mL,45,23,8\n")
    [refused] = check_file(path).rejected
    assert refused.code == "file-unreadable"
    assert "has a marker column and dates as columns ('5 March 2026', '12 March 2026' …)" in (
        refused.message
    )


def test_a_value_far_past_any_level_labs_report_is_said_to_need_a_check(write_csv) -> None:
    """QA: IL-6 '12' in mg/L (a CRP habit) was 12,000,000 pg/mL, '4,800,000 times the upper
    limit … strong inflammation', with no word that the unit may be wrong. A storm's IL-6 of
    50,000 pg/mL (20,000 times) is no such slip."""
    path = write_csv("Marker,Value,Unit\nIL-6,12,mg/L\nIL-6,50000,pg/mL\nIL-8,5,pg/mL\n")
    for short in (True, False):
        from panelcli.check import CheckOptions, Interpreter, ResultRow
        from panelcli.ranges import load_ranges

        interpreter = Interpreter(load_ranges(None), CheckOptions(), short_path=short)
        found = [
            e.to_result() if isinstance(e, ResultRow) else e for e in interpreter.stream([path])
        ]
        [far] = [e for e in found if not isinstance(e, Result) and e.code == "value-far-past-range"]
        assert far.line == 2 and far.message == (
            "a value of IL-6 read in mg/L is 100,000 times its upper limit or more, far past the "
            "levels labs report: check the number and the unit (said once a file for IL-6 in "
            "mg/L)"
        )
        assert [r.status for r in found if isinstance(r, Result)] == [
            Status.HIGH,
            Status.HIGH,
            Status.NORMAL,
        ]
    said = check_file(path).panels[0].summary.text
    far = said.index(
        "IL-6 is so far above the range that the number or the unit may be wrong. Ask the lab "
        "to check the number and the unit first. The sentences below that read the results "
        "together leave that result out."
    )  # (the storm's IL-6 of 50,000 follows: educator QA round 14)
    # said before the sentences that read the number (lay QA)
    assert far < next(i for i, t in enumerate(said) if "times the upper limit" in t)


def test_a_wide_samples_row_of_words_with_no_values_is_no_note(write_csv) -> None:
    """Review: a wide row whose only cell is its sample's description ('Follow up visit day
    seven serum') was skipped as a note, and the sample was gone from the report."""
    path = write_csv(
        "Sample,Patient,Date,IL-6 (pg/mL),IL-10 (pg/mL)\n"
        "Baseline visit day one serum,P1,2026-03-01,3,4\nFollow up visit day seven serum,,,,\n"
    )
    [empty] = check_file(path).rejected
    assert (empty.code, empty.sample_id) == ("row-no-values", "Follow up visit day seven serum")


def test_a_markers_level_column_of_words_is_no_value_column(write_csv) -> None:
    """Review: 'IL-6 level' beside 'IL-6 (pg/mL)', a column of words ('High'), became an IL-6
    column whose cells were refused (exit 2); with a unit, 'IL-6 level (pg/mL)' is IL-6."""
    path = write_csv("Sample ID,IL-6 (pg/mL),IL-6 level\nS1,12,High\n")
    report = check_file(path)
    assert not report.rejected
    assert [w.code for w in report.warnings] == ["column-ignored"]


def test_a_replacement_character_for_a_lost_letter_is_named_as_written(write_csv) -> None:
    """Review: 'TNF-�' was told of a '?' it does not contain."""
    path = write_csv("sample_id,marker,value,unit\nS-1,TNF-\ufffd,48.7,pg/mL\n")
    report = check_file(path)
    [lost] = results(report)
    assert lost.note is not None and "a '\ufffd' may be a letter lost" in lost.note
    assert (
        "A '\ufffd' in a name most often stands for a Greek letter"
        in (report.panels[0].summary.text[-1])
    )
    # both signs: both named (lay QA: only one was)
    path = write_csv("sample_id,marker,value,unit\nS-1,IL-1\ufffd,4,pg/mL\nS-1,IFN-?,4,pg/mL\n")
    assert "A '\ufffd' or '?' in a name" in check_file(path).panels[0].summary.text[-1]


def test_units_typed_in_words_are_read(write_csv) -> None:
    """QA: a wide column 'TNF-a (picograms per mL)' was not read (a TNF-α 27 times its limit
    vanished, exit 0), and unit cells 'picograms per mL', 'pg mL-1' were not convertible."""
    from panelcli.units import power_of_ten

    for unit in ("picograms per mL", "picograms/mL", "pg mL-1", "nanograms per millilitre"):
        assert power_of_ten(unit) in (-9, -6), unit
    path = write_csv("Sample ID,IL-6 (pg/mL),TNF-a (picograms per mL)\nS1,1.0,400\n")
    assert [(r.marker, r.value, r.status) for r in results(check_file(path))] == [
        ("IL-6", 1.0, Status.NORMAL), ("TNF-α", 400.0, Status.HIGH),
    ]  # fmt: skip
    path = write_csv("sample_id,marker,value,unit\nS1,IL-6,3,picograms per mL\nS1,IL-8,3,pg mL-1\n")
    assert [(r.value, r.unit) for r in results(check_file(path))] == [(3.0, "pg/mL")] * 2


def test_two_excel_exports_with_a_sep_line_joined_with_their_byte_order_marks(write_csv) -> None:
    """QA: 'cat' of two Excel exports that start with a byte order mark and 'sep=;': the
    second's 'sep=;' line was a sample, rejected (exit 2)."""
    one = "\ufeffsep=;\nsample_id;marker;value;unit\nS1;IL-6;4,5;pg/mL\n"
    report = check_file(write_csv((one + one).encode("utf-8")))
    assert not report.rejected
    assert [(w.line, w.code) for w in report.warnings][:2] == [
        (4, "page-line-skipped"), (5, "header-repeated"),
    ]  # fmt: skip


def test_a_printed_range_garbled_by_a_mac_or_windows_save_is_read(write_csv) -> None:
    """QA: '‚â§ 7,0' (a Mac's '≤ 7,0') and 'â‰¤ 7,0' (Windows') were 'not in a form
    panelcli reads', the lab's range lost."""
    path = write_csv(
        "sample_id;marker;value;unit;reference range\nS1;IL-6;5;pg/mL;‚â§ 7,0\n"
        "S2;IL-6;8;pg/mL;â‰¤ 7,0\n"
    )
    report = check_file(path)
    assert [(r.status, r.reference and r.reference.text) for r in results(report)] == [
        (Status.NORMAL, "≤ 7 pg/mL"), (Status.HIGH, "≤ 7 pg/mL"),
    ]  # fmt: skip
    assert not [w for w in report.warnings if w.code == "range-unreadable"]


def test_a_file_all_in_a_slipped_unit_is_warned_once_and_read_on_the_short_path(
    write_csv,
) -> None:
    """Review: a file written wholly in mg/L never took the short path again (15 times as
    slow) and warned on every row; '<800000' (below a number) and '12 mg/L' in the cell
    were said wrongly."""
    from panelcli.batches import read_batches
    from panelcli.check import CheckOptions, Interpreter, ResultRow
    from panelcli.ranges import load_ranges
    from panelcli.render.ndjson import ndjson_batch, ndjson_join

    ranges = load_ranges(None)
    rows = "".join(f"S{i},IL-6,{i % 9 + 1},mg/L\n" for i in range(200))
    path = write_csv("sample_id,marker,value,unit\n" + rows + "T1,IL-6,<800000,pg/mL\n")
    interpreter = Interpreter(ranges, CheckOptions())
    found = list(interpreter.stream([path]))
    far = [e for e in found if isinstance(e, Issue) and e.code == "value-far-past-range"]
    assert [e.line for e in far] == [2]
    assert sum(isinstance(e, ResultRow) for e in found) >= 199  # the short path once said
    general = Interpreter(ranges, CheckOptions(), short_path=False)
    assert [(e.to_result() if isinstance(e, ResultRow) else e) for e in found] == list(
        general.stream([path])
    )
    expected = "".join(
        ndjson_join(
            [ndjson_batch(b, ranges) for b in read_batches(path, ranges, 10_000)], ranges.info
        )
    )
    batched = "".join(
        ndjson_join([ndjson_batch(b, ranges) for b in read_batches(path, ranges, 7)], ranges.info)
    )
    assert batched == expected and batched.count("value-far-past-range") == 1


def test_a_note_line_and_excels_sep_line_are_said_as_what_they_are(write_csv) -> None:
    """Lay QA: a lab's note between rows was cut off mid-word and called 'a page's number,
    print line, title or a note'; review: Excel's 'sep=' line was called so too."""
    note = "Sample was slightly hemolyzed please interpret with caution"
    path = write_csv(
        f"sample_id,patient_id,collected_at,marker,value,unit\nS1,P1,2026-03-01,IL-6,3,pg/mL\n"
        f"{note}\nS1,P1,2026-03-01,IL-8,5,pg/mL\n"
    )
    [said] = [w.message for w in check_file(path).warnings if w.code == "page-line-skipped"]
    assert said == (
        f"this line is a note or a title, not a result: '{note}'; it was not read as a result, "
        "but it may be about the results near it"
    )
    one = "\ufeffsep=;\nsample_id;marker;value;unit\nS1;IL-6;4,5;pg/mL\n"
    [sep] = [w for w in check_file(write_csv((one + one).encode())).warnings if w.line == 4]
    assert sep.message == "this is Excel's 'sep=' line, which names the delimiter; it was skipped"


def test_a_far_value_of_another_marker_or_unit_is_warned_too(write_csv) -> None:
    """Review: once a file for the whole file, one IL-6 row in mg/L hid the warning of a
    typed TNF-α of 90,000,000 pg/mL; it is once a file for each marker and unit."""
    path = write_csv(
        "sample_id,marker,value,unit\nS1,IL-6,12,mg/L\nS2,IL-6,1,pg/mL\n"
        "S3,TNF-α,90000000,pg/mL\nS4,IL-6,13,mg/L\n"
    )
    far = [w for w in check_file(path).warnings if w.code == "value-far-past-range"]
    assert [(w.line, w.marker) for w in far] == [(2, "IL-6"), (4, "TNF-α")]


def test_a_far_value_is_warned_once_however_its_unit_is_spelled_and_says_an_assumed_one(
    write_csv,
) -> None:
    """Review: 'mg/L', 'mg/l' and 'MG/L' (one unit) were three warnings; a unit assumed with
    --assume-unit was said to be written."""
    from panelcli.check import CheckOptions

    path = write_csv(
        "sample_id,marker,value,unit\nS1,IL-6,12,mg/L\nS2,IL-6,13,mg/l\nS4,IL6,15,MG/L\n"
    )
    far = [w for w in check_file(path).warnings if w.code == "value-far-past-range"]
    assert [w.line for w in far] == [2]
    path = write_csv("sample_id,marker,value\nS1,IL-6,12\n")
    [far] = [
        w
        for w in check_file(path, options=CheckOptions(assume_unit="mg/L")).warnings
        if w.code == "value-far-past-range"
    ]
    assert far.message.startswith(
        "a value of IL-6 read in mg/L (as given, or as assumed with --assume-unit)"
    )


def test_a_far_value_judged_by_the_labs_range_in_its_own_unit_is_warned_too(write_csv) -> None:
    """Review: sIL-2R of 90,000,000 U/mL judged by the lab's '158-623' (U/mL does not convert
    to the set's pg/mL) had the summary's sentence but no warning."""
    path = write_csv(
        "sample_id,marker,value,unit,reference_range\nS-6,sIL-2R,90000000,U/mL,158-623\n"
    )
    report = check_file(path)
    assert [w.line for w in report.warnings if w.code == "value-far-past-range"] == [2]
    assert any("so far above the range" in t for t in report.panels[0].summary.text)


def test_a_far_values_unit_is_said_as_people_write_it_once_for_any_spelling(
    write_csv, tmp_path
) -> None:
    """Review: IU/mL was shown as UCUM's '[IU]/mL'."""
    ranges = tmp_path / "iu.toml"
    ranges.write_text(
        '[markers."sIL-2R"]\nunit = "IU/mL"\nhigh = 710\nsource = "x"\n'
        '[markers."EBV"]\nunit = "copies/mL"\nhigh = 100\nsource = "x"\n',
        encoding="utf-8",
    )
    path = write_csv(
        "sample_id,marker,value,unit\nS7,sIL-2R,900000000,IU/mL\nS8,EBV,90000000,copies/mL\n"
        "S9,EBV,90000000,COPIES/ML\n"
    )
    far = [
        w.message
        for w in check_file(path, str(ranges)).warnings
        if w.code == "value-far-past-range"
    ]
    # a unit UCUM does not know is said as the range's unit writes it, once for all its
    # spellings (review: 'copies/ml', its lower-case key, or one warning per spelling)
    assert [m.split(" is 100,000")[0] for m in far] == [
        "a value of sIL-2R read in IU/mL", "a value of EBV read in copies/mL",
    ]  # fmt: skip


def test_a_far_values_unit_is_shown_as_written_and_hedged_only_where_it_may_be_assumed(
    write_csv, tmp_path
) -> None:
    """Review: 'AU/mL' was shown 'au/ml' and 'µIU/mL' 'uIU/mL'; with --assume-unit every far
    warning said the unit may be assumed, 'ng/L' written in the file too."""
    from panelcli.check import CheckOptions

    ranges = tmp_path / "au.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "AU/mL"\nhigh = 5\nsource = "x"\n'
        '[markers."IL-8"]\nunit = "µIU/mL"\nhigh = 5\nsource = "x"\n',
        encoding="utf-8",
    )
    path = write_csv("sample_id,marker,value,unit\nS1,IL-6,9000000,AU/mL\nS2,IL-8,9000000,µIU/mL\n")
    far = [
        w.message
        for w in check_file(path, str(ranges)).warnings
        if w.code == "value-far-past-range"
    ]
    assert [m.split(" is 100,000")[0] for m in far] == [
        "a value of IL-6 read in AU/mL", "a value of IL-8 read in µIU/mL",
    ]  # fmt: skip
    path = write_csv("sample_id,marker,value,unit\nSY,IL-6,90000000,ng/L\nSZ,IL-6,90000000,\n")
    far = [
        w.message.split(" is 100,000")[0]
        for w in check_file(path, options=CheckOptions(assume_unit="range")).warnings
        if w.code == "value-far-past-range"
    ]
    assert far == [
        "a value of IL-6 read in ng/L",
        "a value of IL-6 read in pg/mL (as given, or as assumed with --assume-unit)",
    ]


@pytest.mark.parametrize("note", ["Note:", "NOTE", "Notes:", "Note - repeat", "Comment: ok"])
def test_a_note_s_label_alone_or_with_a_dash_is_a_note(write_csv, note: str) -> None:
    """QA round 2: 'Note:' alone (too few letters) and 'Note - repeat' were samples, refused."""
    path = write_csv(f"sample_id,marker,value,unit\nS1,IL-6,4.2,pg/mL\n{note}\nS2,IL-6,1,pg/mL\n")
    report = check_file(path)
    assert [(w.line, w.code) for w in report.warnings] == [(3, "page-line-skipped")]
    assert not report.rejected


def test_an_id_that_begins_like_a_label_is_no_note(write_csv) -> None:
    path = write_csv("sample_id,marker,value,unit\nNB-001\nNota-3\n")
    assert [r.sample_id for r in check_file(path).rejected] == ["NB-001", "Nota-3"]
