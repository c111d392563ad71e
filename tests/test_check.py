"""The core pipeline on whole files: samples, rejections, grouping, lab ranges (no CLI)."""

from __future__ import annotations

import os

import pytest

from panelcli.check import CheckOptions, Interpreter, build_report, check_file, check_files
from panelcli.models import Issue, Result, Status
from panelcli.ranges import load_ranges
from tests.conftest import SAMPLES

HEADER = "sample_id,marker,value,unit\n"


def statuses(report):
    return {r.marker: r.status for p in report.panels for r in p.results}


def test_healthy_sample_is_all_normal():
    report = check_file(str(SAMPLES / "all-in-range.csv"))
    assert set(statuses(report).values()) == {Status.NORMAL}
    assert report.rejected == [] and report.totals.results == 13


def test_storm_sample_flags_inflammatory_markers_and_names_them():
    report = check_file(str(SAMPLES / "cytokine-storm.csv"))
    found = statuses(report)
    assert found["IL-6"] == Status.HIGH and found["IFN-γ"] == Status.HIGH
    text = " ".join(report.panels[0].summary.text)
    for marker in ("IL-6", "IFN-γ", "IL-10", "TNF-α"):
        assert marker in text
    # It says what the pattern can be a sign of, never what it is (educator QA).
    assert "can be a sign that the immune system is in overdrive" in text
    assert "with a healthcare provider soon" in text
    assert "is seen when" not in text and "needs prompt medical attention" not in text


def test_bad_rows_are_rejected_with_line_column_and_reason():
    report = check_file(str(SAMPLES / "bad-rows.csv"))
    rejected = {(i.line, i.code) for i in report.rejected}
    assert rejected == {
        (4, "value-not-a-number"),
        (5, "value-negative"),
        (6, "marker-missing"),
        (7, "unit-molar"),
    }
    assert all(i.column for i in report.rejected)
    assert statuses(report)["IL-66"] == Status.NO_REFERENCE


def test_every_row_is_a_result_or_a_rejection(write_csv):
    rows = ["S1,IL-6,3,pg/mL", "S1,TNF-α,x,pg/mL", "S1,IL-66,1,pg/mL", "S1,IL-10,,pg/mL"]
    path = write_csv(HEADER + "\n".join(rows) + "\n")
    events = list(Interpreter(load_ranges(), CheckOptions()).events([path]))
    results = [e for e in events if isinstance(e, Result)]
    rejected = [e for e in events if isinstance(e, Issue) and e.severity == "error"]
    assert len(results) + len(rejected) == len(rows)


def test_physical_line_numbers_count_lines_inside_quotes(write_csv):
    path = write_csv(HEADER + 'S1,IL-6,3,pg/mL\n"S\n2",IL-6,bad,pg/mL\nS3,IL-6,x,pg/mL\n')
    report = check_file(path)
    assert [i.line for i in report.rejected] == [3, 5]


def test_one_panel_per_sample_in_order_of_first_appearance(write_csv):
    path = write_csv(HEADER + "B,IL-6,1,pg/mL\nA,IL-6,1,pg/mL\nB,IL-10,1,pg/mL\n")
    report = check_file(path)
    assert [p.sample_id for p in report.panels] == ["B", "A"]
    assert len(report.panels[0].results) == 2


def test_same_sample_in_two_files_makes_two_panels(write_csv):
    first = write_csv(HEADER + "S1,IL-6,1,pg/mL\n", "a.csv")
    second = write_csv(HEADER + "S1,IL-6,9,pg/mL\n", "b.csv")
    report = check_files([first, second])
    assert [(p.source, p.sample_id) for p in report.panels] == [(first, "S1"), (second, "S1")]


def test_header_synonyms_and_bom(write_csv):
    path = write_csv("\ufeffSpecimen, Analyte ,RESULT,Units\nX,il6,3.0,PG/ML\n".encode())
    report = check_file(path)
    assert report.panels[0].sample_id == "X"
    assert report.panels[0].results[0].marker == "IL-6"


def test_missing_unit_is_rejected_unless_assumed(write_csv):
    path = write_csv("marker,value\nIL-6,3\n")
    (rejected,) = check_file(path).rejected
    assert rejected.code == "unit-missing"
    assert rejected.message.startswith("unit is missing; add a unit column or say what")
    # With a unit column, the cell is what is empty (it said "add a unit column": review).
    blank = write_csv("marker,value,unit\nIL-6,3,\n")
    assert check_file(blank).rejected[0].message.startswith("unit is empty; fill it in or say")
    wide = write_csv("sample_id,IL-6\nS1,3\n")  # a wide file has no unit column to add
    assert (
        check_file(wide)
        .rejected[0]
        .message.startswith(
            "unit is missing; put it in the header (as in 'IL-6 (pg/mL)') or in a row of units"
        )
    )
    assumed = check_file(path, options=CheckOptions(assume_unit="range"))
    assert assumed.panels[0].results[0].status == Status.HIGH


def test_an_assumed_unit_of_another_scale_is_judged_only_where_it_makes_no_difference(
    write_csv,
):
    """QA: with --assume-unit pg/mL, ferritin '500' was 0.5 ug/L and 'low' (a sign of too
    little iron) and CRP '12' normal: a file without units likely gives each marker in its
    usual unit, so a status the unit decides is not certain."""
    path = write_csv(
        "sample_id,marker,value\nA,Ferritin,500\nA,CRP,12\nA,IL-6,50\nB,CRP,900000000\nB,CRP,0.5\n"
    )
    options = CheckOptions(assume_unit="pg/mL", sex="male", age=40)
    report = check_file(path, load_ranges("mayo-adult"), options)
    results = {
        (p.sample_id, r.marker, r.original_value): r for p in report.panels for r in p.results
    }
    ferritin, crp = results[("A", "Ferritin", "500")], results[("A", "CRP", "12")]
    assert (ferritin.status, ferritin.flag, ferritin.flags) == (
        Status.INDETERMINATE,
        "IND",
        ["IND"],
    )
    assert ferritin.note is not None and ferritin.note.endswith(
        "read as pg/mL it is low, but read as ug/L (the unit of Ferritin's range) it would be "
        "high; add the unit to the file to have it judged"
    )
    assert crp.status == Status.INDETERMINATE
    # In the range's own unit too: IL-6 is in pg/mL; 9e8 mg/L cannot be, so pg/mL is sure;
    # 0.5 pg/mL and 0.5 mg/L of CRP are both normal.
    assert results[("A", "IL-6", "50")].status == Status.HIGH
    assert results[("B", "CRP", "900000000")].status == Status.HIGH
    assert results[("B", "CRP", "0.5")].status == Status.NORMAL
    assert {k: n for k, n in report.totals.by_status.items() if n} == {
        "indeterminate": 2,
        "high": 2,
        "normal": 1,
    }


def test_markers_whose_ranges_need_different_facts_are_not_said_to_need_the_same(write_csv):
    """'The ranges for Ferritin and IL-10 depend on sex and age': IL-10's needs only the age."""
    path = write_csv(
        "sample_id,marker,value,unit\nD,Ferritin,200,ug/L\nD,IL-10,9,pg/mL\nD,IL-1β,9,pg/mL\n"
    )
    (panel,) = check_file(path, load_ranges("mayo-adult")).panels
    assert panel.summary.text[-1] == (
        "3 results could not be judged. The range for Ferritin depends on sex and age, and "
        "panelcli could not tell them from the file. The ranges for IL-10 and IL-1β depend on "
        "age, and panelcli could not tell it from the file."
    )


def test_an_assumed_unit_is_doubted_against_the_unit_of_the_range_in_the_row(write_csv):
    """QA: '10' beside the lab's '0-7 ng/mL' with pg/mL assumed was normal with no doubt (the
    set's unit is pg/mL); the what-if reading gave a second 'range-disagrees' for the row; and
    '4,800 times the upper limit' was said where the unit decides between that and 4.8."""
    path = write_csv(
        "sample_id,marker,value,reference_range\nS1,IL-6,10,0-7 ng/mL\nS2,TNF-a,5,0-7\n"
        "S3,IL-6,12,\n"
    )
    results = {}
    for unit in ("range", "pg/mL", "ng/mL"):
        report = check_file(path, options=CheckOptions(assume_unit=unit))
        results[unit] = [(r.status, r.times_upper_limit) for p in report.panels for r in p.results]
        # S3's blank range cell beside S1's printed one: said at the file's end
        assert [(w.code, w.line) for w in report.warnings] == [
            ("range-disagrees", 2), ("range-disagrees", 3), ("range-missing", 4)
        ], unit  # fmt: skip
        if unit == "range":
            assert (
                report.panels[0]
                .results[0]
                .note.endswith(  # type: ignore[union-attr]
                    "read as pg/mL it is normal, but read as ng/mL (the unit of the range in the "
                    "row) it would be high; add the unit to the file to have it judged"
                )
            )
    doubted = [(Status.INDETERMINATE, None), (Status.NORMAL, None), (Status.HIGH, 4.8)]
    assert results["range"] == results["pg/mL"] == doubted
    # ng/mL is the row's own range's unit: no doubt; 12 ng/mL and 12 pg/mL are both high
    assert results["ng/mL"] == [(Status.HIGH, 1.43), (Status.NORMAL, None), (Status.HIGH, None)]


def test_a_range_that_depends_on_what_the_file_lacks_names_all_of_it(write_csv):
    """Ferritin's rows need sex and age; with neither, the note asked only for the sex and the
    summary said "sex or age" where only the age was missing (QA)."""
    path = write_csv(
        "sample_id,marker,value,unit,sex\nA,Ferritin,100,ug/L,F\nB,Ferritin,100,ug/L,\n"
    )
    report = check_file(path, load_ranges("mayo-adult"))
    (female,), (unknown,) = (p.results for p in report.panels)
    assert female.note and female.note.startswith(
        "the range for Ferritin depends on age, which is not given (give it in a column "
        "'age' or with --age). "
    )
    assert unknown.note and unknown.note.startswith(
        "the range for Ferritin depends on sex and age. Neither is given (give them in "
        "columns 'sex' and 'age' or with --sex and --age). "
    )
    said = [p.summary.text[-1] for p in report.panels]
    assert said == [
        "1 result could not be judged. The range for Ferritin depends on age, and panelcli "
        "could not tell it from the file.",
        "1 result could not be judged. The range for Ferritin depends on sex and age, and "
        "panelcli could not tell them from the file.",
    ]


def test_one_date_written_two_ways_in_a_sample_is_no_conflict(write_csv):
    """'03/14/2026' and '2026-03-14' in one sample gave a false 'sample-conflict' (left open
    by an earlier QA round); another day still gives one."""
    path = write_csv(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "S1,P1,03/14/2026,IL-6,2,pg/mL\nS1,P1,2026-03-14,IL-8,3,pg/mL\n"
        "S2,P1,2026-03-14,IL-6,2,pg/mL\nS2,P1,2026-03-15,IL-8,3,pg/mL\n"
        "S3,P1,2026-05-20T06:30,IL-6,2,pg/mL\nS3,P1,2026-05-20,IL-8,3,pg/mL\n"  # and no time
    )
    report = check_file(path)
    assert [(w.code, w.line) for w in report.warnings] == [("sample-conflict", 5)]
    assert [len(p.results) for p in report.panels] == [2, 2, 2]


def test_lab_range_in_the_file_wins_and_disagreement_is_warned(write_csv):
    path = write_csv("marker,value,unit,reference range\nIL-6,5.0,pg/mL,0-7\n")
    report = check_file(path)
    result = report.panels[0].results[0]
    assert result.status == Status.NORMAL
    assert result.reference and result.reference.origin == "file"
    assert [w.code for w in report.warnings] == ["range-disagrees"]


def test_a_lab_range_from_0_is_the_same_as_a_set_range_with_no_low(write_csv):
    """Labs print '0-2.5' where the set says '≤ 2.5': no concentration is below 0, so this is
    the same interval, and a warning on every such file would be noise."""
    path = write_csv(
        "sample_id,marker,value,unit,reference range\n"
        "S1,IL-6,2.0,pg/mL,0-2.5\nS2,IL-6,3.0,pg/mL,0-2.5\nS3,IL-6,3.0,pg/mL,0-0.0025 ng/mL\n"
        "S4,IL-6,3.0,pg/mL,0.5-2.5\n"
    )
    report = check_file(path)
    results = [r for p in report.panels for r in p.results]
    assert [r.status.value for r in results] == ["normal", "high", "high", "high"]
    assert [r.reference.origin for r in results] == ["set", "set", "set", "file"]  # type: ignore[union-attr]
    assert [w.line for w in report.warnings if w.code == "range-disagrees"] == [5]


def test_a_lab_range_that_is_the_sets_keeps_the_sets_critical_limits(write_csv, tmp_path):
    """A printed range has no critical limits: used instead of the set's same interval, it
    turned a critical result into a merely high one (found in review)."""
    from panelcli.ranges import find_set

    text = find_set("arup-3002601").read_text(encoding="utf-8")
    text = text.replace('[markers."IL-6"]\n', '[markers."IL-6"]\ncritical_high = 500\n', 1)
    ranges = tmp_path / "critical.toml"
    ranges.write_text(text, encoding="utf-8")
    path = write_csv(
        "sample_id,marker,value,unit,reference range\n"
        "S1,IL-6,1000,pg/mL,\nS2,IL-6,1000,pg/mL,0-2.5\nS3,IL-6,1000,pg/mL,0-7\n"
        # (with its unit: without one, a range 240 times the set's is in doubt, not used)
        "S4,IL-6,550,pg/mL,0-600 pg/mL\nS5,IL-6,550,pg/mL,>5\n"
    )
    from panelcli.check import CheckOptions, Interpreter, build_report

    reference_set = load_ranges(str(ranges))
    for short in (True, False):
        checking = Interpreter(reference_set, CheckOptions(), short_path=short)
        report = build_report(checking.stream([path]), reference_set)
        results = [r for p in report.panels for r in p.results]
        # QA: a lab's '0-7' dropped the set's panic limit (1000 was only high); it is kept
        # beyond the lab's range, and left out where the range takes it in; a range that
        # leaves highs open ('>5') is not used (QA: 250 pg/mL was normal by '≥ 0.1')
        assert [r.status.value for r in results] == [
            "critical", "critical", "critical", "normal", "critical"
        ]  # fmt: skip
        assert [r.reference.critical_high for r in results if r.reference] == [
            500, 500, 500, None, 500
        ]  # fmt: skip
        # only the ranges that differ from the set's are warned about, saying what became of
        # the set's panic limit (found in QA)
        dropped = (
            "the set's critical limit (≥ 500 pg/mL) was not applied, as the file's range does "
            "not end before it"
        )
        assert [w.message.split("; ", 1)[1] for w in report.warnings] == [
            "the file's range was used (it belongs to the lab that measured the value); the "
            "set's critical limit (≥ 500 pg/mL) still applies",
            f"the file's range was used (it belongs to the lab that measured the value); {dropped}",
            "the reference set's range was used",
            # S1's blank cell, beside S3's '0-7' (S2's '0-2.5' is the set's interval)
            "if the lab's range is meant, write it in each row",
        ]  # fmt: skip
        assert "blank on line 2, though line 4 prints" in report.warnings[-1].message


def test_unreadable_lab_range_is_a_warning_not_a_lost_row(write_csv):
    path = write_csv("marker,value,unit,ref range\nIL-6,5.0,pg/mL,see note\n")
    report = check_file(path)
    assert report.panels[0].results[0].status == Status.HIGH
    assert [w.code for w in report.warnings] == ["range-unreadable"]


def test_a_free_text_range_column_gives_at_most_a_hundred_warnings_then_one_more(write_csv):
    """A column of notes (one text per row) would give a warning per row, and the memory of
    what was said would grow with the file."""
    rows = "".join(f"S{n},IL-6,5.0,pg/mL,see note {n}\n" for n in range(1000))
    path = write_csv("sample_id,marker,value,unit,reference range\n" + rows)
    report = check_file(path)
    assert len([r for p in report.panels for r in p.results]) == 1000, "every row is judged"
    warnings = [w for w in report.warnings if w.code == "range-unreadable"]
    assert len(warnings) == 101
    assert warnings[99].message.startswith("reference range 'see note 99'")
    last = warnings[100]
    assert last.line == 102 and last.column == "reference range"
    assert "more than 100 different 'range-unreadable' warnings" in last.message
    assert report.totals.warnings == len(report.warnings)

    interpreter = Interpreter(load_ranges(), CheckOptions())
    list(interpreter.events([path]))
    assert len(interpreter.warned_once()) <= 101, "what was said is remembered in bounded memory"


def test_the_limit_counts_each_kind_of_warning_in_each_file_apart(write_csv):
    rows = "".join(f"S{n},IL-6,5.0,pg/mL,note {n},{'x' if n < 50 else ''}{n}\n" for n in range(150))
    text = "sample_id,marker,value,unit,reference range,age\n" + rows
    path, again = write_csv(text), write_csv(text, "again.csv")
    report = check_files([path, again])
    codes = [(w.source, w.code) for w in report.warnings]
    for source in (path, again):
        assert codes.count((source, "range-unreadable")) == 101
        assert codes.count((source, "person-unreadable")) == 50  # ages 'x0' … 'x49'


def test_lab_range_in_its_own_unit_is_converted_not_read_in_the_values_unit(write_csv):
    path = write_csv(
        "sample_id,marker,value,unit,reference range\n"
        "S1,IL-6,0.1,ng/mL,0-7 pg/mL\n"  # 100 pg/mL against 0-7 pg/mL: high, not normal
        "S2,IL-6,5,pg/mL,<0.007 ng/mL\n"  # 5 pg/mL against <= 7 pg/mL: normal
        "S3,IL-6,0.1,ng/mL,0-0.007\n"  # no unit in the range: the value's unit (0-7 pg/mL)
        # ... unless that is 100 times the set's or more, and near it in the set's unit: its
        # unit is in doubt, and the set's range judges (QA: 0-7000 pg/mL made 100 normal)
        "S4,IL-6,0.1,ng/mL,0-7\n"
    )
    results = [p.results[0] for p in check_file(path).panels]
    assert [(r.status, r.reference.high) for r in results] == [  # type: ignore[union-attr]
        (Status.HIGH, 7.0),
        (Status.NORMAL, 7.0),
        (Status.HIGH, 7.0),
        (Status.HIGH, 2.5),
    ]


def test_lab_range_in_a_unit_that_cannot_be_converted_falls_back_to_the_set(write_csv):
    path = write_csv("marker,value,unit,reference range\nIL-6,5,pg/mL,0-7 mmol/L\n")
    report = check_file(path)
    result = report.panels[0].results[0]
    assert result.status == Status.HIGH and result.reference.origin == "set"  # type: ignore[union-attr]
    assert [w.code for w in report.warnings] == ["range-unreadable"]
    assert "mmol/L" in report.warnings[0].message


def test_sex_column_and_option_select_intervals(write_csv):
    path = write_csv("marker,value,unit,sex,age\nFerritin,200,ug/L,F,30\nFerritin,200,ug/L,M,30\n")
    report = check_file(path, ranges="mayo-adult")
    assert [r.status for r in report.panels[0].results] == [Status.HIGH, Status.NORMAL]
    unknown = write_csv("marker,value,unit\nFerritin,200,ug/L\n", "unknown.csv")
    result = check_file(unknown, ranges="mayo-adult").panels[0].results[0]
    assert result.status == Status.INDETERMINATE and result.note and "sex" in result.note
    given = check_file(unknown, "mayo-adult", CheckOptions(sex="male", age=40))
    assert given.panels[0].results[0].status == Status.NORMAL


def test_age_from_birth_date(write_csv):
    path = write_csv(
        "marker,value,unit,sex,birth_date,collected_at\n"
        "Ferritin,200,ug/L,female,1970-06-01,2026-05-31\n"  # 55 years old: 11-328
    )
    assert check_file(path, "mayo-adult").panels[0].results[0].status == Status.NORMAL


def test_repeated_marker_keeps_both_and_warns(write_csv):
    path = write_csv(HEADER + "S1,IL-6,1,pg/mL\nS1,IL6,2,pg/mL\n")
    report = check_file(path)
    assert len(report.panels[0].results) == 2
    assert (
        report.warnings[0].code == "marker-repeated"
        and "on line 3 (first on line 2)" in report.warnings[0].message
    )


def test_unreadable_file_becomes_an_issue(tmp_path):
    report = check_files([str(tmp_path / "missing.csv")])
    assert report.rejected[0].code == "file-unreadable"
    assert "no such file" in report.rejected[0].message


def test_unquoted_decimal_comma_in_a_comma_file_is_named(write_csv):
    path = write_csv("marker,value,unit\nIL-6,12,5\n")
    issue = check_file(path).rejected[0]
    assert issue.code == "value-split-by-comma" and "decimal comma" in issue.message


def test_greek_letter_names_glued_to_the_marker(write_csv):
    path = write_csv("marker,value,unit\nTNFalpha,3,pg/mL\nIFNgamma,3,pg/mL\nIL1beta,3,pg/mL\n")
    markers = [r.marker for r in check_file(path).panels[0].results]
    assert markers == ["TNF-α", "IFN-γ", "IL-1β"]


def test_a_file_given_twice_is_warned(write_csv):
    path = write_csv(HEADER + "S1,IL-6,1,pg/mL\n")
    report = check_files([path, path])
    assert "file-repeated" in [w.code for w in report.warnings]
    # Panels of its own the second time, as under another name (found in QA)
    assert [len(p.results) for p in report.panels] == [1, 1]
    # by another name too ('a.csv ./a.csv'; found in review)
    folder, name = os.path.split(path)
    report = check_files([path, os.path.join(folder, ".", name)])
    assert "file-repeated" in [w.code for w in report.warnings]
    message = report.warnings[-1].message
    assert message.startswith("this file was given before (as '") and "read again" in message
    # three times: two warnings, neither says 'twice' (found in QA)
    report = check_files([path, path, path])
    assert [w.message for w in report.warnings if w.code == "file-repeated"] == [
        "this file was given before; its rows are read again"
    ] * 2


def test_a_sample_id_starting_with_hash_is_data_not_a_comment(write_csv):
    path = write_csv(HEADER + "#A12,IL-6,1,pg/mL\n# a real comment\n")
    report = check_file(path)
    assert report.panels[0].sample_id == "#A12"
    assert [w.code for w in report.warnings] == ["row-starts-with-hash", "comment-skipped"]


def test_the_first_header_wins_over_a_data_row_that_splits_wider_on_tabs(tmp_path):
    """Found by hypothesis: tabs around a marker made a data row look like a wider header."""
    path = tmp_path / "tabs.csv"
    path.write_text(HEADER + "S-1,\tIL-6\t,5,pg/mL\t\t\t\nS-2,IL-8,3,pg/mL\n", encoding="utf-8")
    report = check_file(str(path))
    assert report.rejected == [] and report.warnings == []
    assert statuses(report) == {"IL-6": Status.HIGH, "IL-8": Status.NORMAL}


def test_a_result_s_note_says_a_sex_or_age_cell_cannot_be_read_not_that_it_is_not_given(
    write_csv,
):
    """QA: 'X' in the sex column gave the note 'depends on sex, which is not given (give it in
    a column 'sex' or with --sex)', though the file has that column."""
    path = write_csv(
        "sample_id,marker,value,unit,sex,age\nS1,Ferritin,200,ug/L,X,40\n"
        "S2,Ferritin,200,ug/L,F,-5\nS3,Ferritin,200,ug/L,,\n"
    )
    notes = [r.note for p in check_file(path, load_ranges("mayo-adult")).panels for r in p.results]
    assert notes[0] == (
        "the range for Ferritin depends on sex, but the row's sex 'X' cannot be read (the "
        "file's warning about it says what to write; or give it with --sex)"
    )
    assert notes[1] is not None and notes[1].startswith(
        "the range for Ferritin depends on age, but the row's age '-5' cannot be read"
    )
    assert notes[2] is not None and "Neither is given (give them in columns" in notes[2]


def test_an_unreadable_sex_or_age_is_said_once_and_the_options_stand_in(tmp_path):
    """Found by a new-user pass: 'x' or 'abc' were ignored without a word, and --age too."""
    path = tmp_path / "people.csv"
    path.write_text(
        "sample_id,sex,age,marker,value,unit\n"
        "A,x,abc,IL-2,70,pg/mL\nB,x,abc,IL-2,70,pg/mL\nC,F,40,IL-2,70,pg/mL\n",
        encoding="utf-8",
    )
    mayo = load_ranges("mayo-adult")
    report = check_file(str(path), mayo)
    warned = sorted((w.code, w.column, w.line) for w in report.warnings)
    assert warned == [("person-unreadable", "age", 2), ("person-unreadable", "sex", 2)]
    # QA: they named no sample, so lab staff could not filter them by it
    assert {(w.sample_id, w.marker) for w in report.warnings} == {("A", "IL-2")}
    assert "age 'abc' is not something panelcli reads" in report.warnings[0].message + (
        report.warnings[1].message
    )
    assert [r.status for p in report.panels for r in p.results] == [
        Status.INDETERMINATE, Status.INDETERMINATE, Status.HIGH
    ]  # fmt: skip
    with_age = check_file(str(path), mayo, CheckOptions(age=40))
    assert [r.status for p in with_age.panels for r in p.results] == [Status.HIGH] * 3
    # QA: the warning said the age was 'treated as not given', not that --age 40 stood in
    [said] = [w.message for w in with_age.warnings if w.column == "age"]
    assert said.endswith("it was treated as not given, and --age 40 was used instead")
    with_both = check_file(str(path), mayo, CheckOptions(age=40, sex="male"))
    [said] = [w.message for w in with_both.warnings if w.column == "sex"]
    assert said.endswith("it was treated as not given, and --sex male was used instead")


def test_a_child_s_age_in_months_weeks_or_days_is_read(tmp_path):
    """QA: '18 mo' was unreadable, and --age 40 judged the child by adult limits."""
    path = tmp_path / "child.csv"
    path.write_text(
        "sample_id,sex,age,marker,value,unit\n"
        "A,M,18 mo,Ferritin,20,ug/L\nB,F,45 Jahre,Ferritin,20,ug/L\nC,F,3 wk,Ferritin,20,ug/L\n",
        encoding="utf-8",
    )
    report = check_file(str(path), load_ranges("mayo-adult"), CheckOptions(age=40))
    assert report.warnings == []
    results = [r for p in report.panels for r in p.results]
    assert [r.status for r in results] == [
        Status.NO_REFERENCE, Status.NORMAL, Status.NO_REFERENCE
    ]  # fmt: skip
    assert "(male, age 18 months)" in (results[0].note or "")
    assert "(female, age 3 weeks)" in (results[2].note or "")


def test_rows_swallowed_by_a_quote_are_named_not_lost(write_csv):
    """Every physical line is accounted for: a quote that swallows rows says which lines."""
    stray = write_csv(
        'sample_id,marker,value,unit\nS1,IL-6,"4.2,pg/mL\nS1,IL-8,3,pg/mL\nS1,IL-10,3,pg/mL\n'
        'S1,"IL-12",3,pg/mL\nS1,IL-13,2,pg/mL\n',
        "stray.csv",
    )
    report = check_file(stray)
    (issue,) = report.rejected
    assert (issue.code, issue.line) == ("row-quote-stray", 2)
    assert "lines 2-5 could not be read" in issue.message
    assert [r.marker for p in report.panels for r in p.results] == ["IL-13"]

    closed = write_csv(
        'sample_id,marker,value,unit\nS1,IL-6,"4.2\nS1,IL-8,3,pg/mL\nS1,IL-10",3,pg/mL\n',
        "closed.csv",
    )
    (issue,) = check_file(closed).rejected
    assert issue.code == "row-too-many-cells" and "lines 2-4" in issue.message

    kept = write_csv(
        'sample_id,marker,value,unit\n"S1\nS1,IL-8,3,pg/mL\nS1",IL-6,4,pg/mL\n'
        '"S2","IL-6",1,"pg/mL"\n"S3 first\nsecond line",IL-6,1,pg/mL\n',
        "kept.csv",
    )
    report = check_file(kept)
    # a line as wide as the header is a row taken in (lab QA round 15: two results were lost
    # to a comment with only a warning, exit 0): the row is refused, naming its lines
    # and the row taken in, with its sample (lab QA round 21: not counted in its summary)
    assert [(i.code, i.line) for i in report.rejected] == [
        ("row-holds-rows", 2),
        ("row-in-open-quote", 3),
    ]
    assert "lines 2-4 were not read" in report.rejected[0].message
    assert report.totals.results == 2  # a line break alone (S3) is a plain multi-line value

    narrow = write_csv(
        'sample_id,marker,value,unit\n"S1\nS1,IL-8\nS1",IL-6,4,pg/mL\n"S2","IL-6",1,"pg/mL"\n',
        "narrow.csv",
    )
    report = check_file(narrow)
    assert [(w.code, w.line) for w in report.warnings] == [("row-spans-lines", 2)]
    assert "lines 3-4 were read as part of this row" in report.warnings[0].message
    assert report.totals.results == 2


def test_a_disagreeing_lab_range_is_quoted_as_written_and_as_read(write_csv):
    path = write_csv("marker,value,unit,reference range\nIL-6,7.0,pg/mL,0-7.0\n")
    report = check_file(path)
    assert report.panels[0].results[0].status == Status.NORMAL  # limits count as inside
    (warning,) = report.warnings
    assert "the file's range '0-7.0' (read as 0 - 7 pg/mL, limits included)" in warning.message


def test_a_lab_range_printed_with_less_than_leaves_its_limit_out(write_csv):
    """'<7.0' is what a lab prints when 7.0 itself is outside the range: it was read as ≤ 7,
    so a value of exactly 7.0 was normal (medical-content review)."""
    path = write_csv(
        "sample_id,marker,value,unit,reference range\nS1,IL-6,7.0,pg/mL,<7.0\n"
        "S2,IL-6,6.9,pg/mL,<7.0\n"
    )
    report = check_file(path)
    (at,), (under,) = (panel.results for panel in report.panels)
    assert (at.status, at.flag) == (Status.HIGH, "H")
    assert under.status == Status.NORMAL
    assert at.reference is not None and at.reference.origin == "file"
    assert (at.reference.text, at.reference.high, at.reference.high_exclusive) == (
        "< 7 pg/mL", 7.0, True,
    )  # fmt: skip
    (warning,) = report.warnings
    assert "the file's range '<7.0' (read as < 7 pg/mL, the limit excluded)" in warning.message


def test_a_marker_the_set_lacks_is_judged_by_the_lab_range_in_its_row(write_csv):
    path = write_csv(
        "sample_id,marker,value,unit,reference range\n"
        "S1,Foo,5,ng/mL,0-7\n"  # the range in the value's unit
        "S2,Bar,0.01,ng/mL,0-7 pg/mL\n"  # 10 pg/mL against 0-7 pg/mL
        "S3,Baz,3,pg/mL,0-7 mmol/L\n"  # a unit that does not match: not judged, with a word
        "S4,Qux,3,pg/mL,\n"  # no range at all
    )
    report = check_file(path)
    results = {r.marker: r for p in report.panels for r in p.results}
    assert {m: r.status for m, r in results.items()} == {
        "Foo": Status.NORMAL, "Bar": Status.HIGH, "Baz": Status.NO_REFERENCE,
        "Qux": Status.NO_REFERENCE,
    }  # fmt: skip
    assert results["Bar"].reference.origin == "file"  # type: ignore[union-attr]
    assert "the lab's range in the file was used" in (results["Foo"].note or "")
    assert [(w.code, w.line) for w in report.warnings] == [("range-unreadable", 4)]


def test_a_marker_the_set_lacks_is_warned_about_when_repeated_too(write_csv):
    path = write_csv("sample_id,marker,value,unit\nS,Foo,5,pg/mL\nS,Foo,6,pg/mL\n")
    report = check_file(path)
    assert [(w.code, w.line) for w in report.warnings] == [("marker-repeated", 3)]
    assert "on line 3 (first on line 2)" in report.warnings[0].message


def test_issues_name_columns_as_the_header_writes_them(write_csv):
    path = write_csv(
        "Specimen,Analyte,Result,UOM,Reference_Range,Birth Date,Collected\n"
        "S1,IL-6,5,pg/mL,see note,xx,2026-01-01\n"
    )
    columns = {w.code: w.column for w in check_file(path).warnings}
    assert columns == {"range-unreadable": "Reference_Range", "person-unreadable": "Birth Date"}


def test_a_day_month_year_birth_date_chooses_the_age_interval(write_csv):
    """The README reads 20.05.2026 as a date; a birth date written so gives the age."""
    path = write_csv(
        "marker,value,unit,sex,birth_date,collected_at\nFerritin,200,ug/L,F,01.01.1990,2026-01-01\n"
    )
    report = check_file(path, ranges="mayo-adult")
    assert report.panels[0].results[0].status == Status.HIGH  # female, 36: not indeterminate
    assert report.warnings == []


def test_a_line_that_stops_the_file_is_named_in_the_issues_line_field(write_csv):
    """Scripts read `line`, not the message: the issue of a stopped file carries it too."""
    rows = "".join(f"S{n},IL-6,3,pg/mL\n" for n in range(250))  # past the header search
    path = write_csv("sample_id,marker,value,unit\n" + rows + "S,IL-8," + "9" * 300 + ",pg/mL\n")
    report = check_file(path, options=CheckOptions(max_line_length=200))
    (issue,) = report.rejected
    assert (issue.code, issue.line) == ("file-unreadable", 252)
    assert report.totals.results == 250  # the rows before it are kept


def test_the_storm_pattern_is_seen_whatever_the_ranges_file_calls_the_markers(tmp_path):
    """A lab's set naming them 'Interleukin 6', 'IFN gamma' and 'IL10' lost the sentence that
    says to talk the results over with a healthcare provider soon (found in review)."""
    (text,) = summaries_with(
        tmp_path,
        '[markers."Interleukin 6"]\nunit = "pg/mL"\nhigh = 2.5\naliases = ["IL-6"]\n'
        '[markers."IFN gamma"]\nunit = "pg/mL"\nhigh = 10.4\naliases = ["IFN-γ"]\n'
        '[markers."IL10"]\nunit = "pg/mL"\nhigh = 5.3\n',
        "A,IL-6,500,pg/mL\nA,IFN-γ,400,pg/mL\nA,IL10,90,pg/mL\n",
    )
    assert "with a healthcare provider soon" in text


def summaries_with(tmp_path, ranges: str, rows: str) -> list[str]:
    """Each panel's summary, as one text, of long `rows` judged by the ranges file `ranges`."""
    path = tmp_path / "ranges.toml"
    path.write_text(ranges)
    data = tmp_path / "data.csv"
    data.write_text("sample_id,marker,value,unit\n" + rows)
    return [" ".join(p.summary.text) for p in check_file(str(data), ranges=str(path)).panels]


def test_values_with_no_number_share_one_sentence_per_side(write_csv):
    """'The result has no number, …' was said once per marker, four times over (review)."""
    path = write_csv(
        "sample_id,marker,value,unit\nS,IL-6,ND,pg/mL\nS,IL-10,OOR <,pg/mL\nS,IL-8,ND,pg/mL\n"
        "S,TNF-α,OOR >,pg/mL\n"
    )
    text = " ".join(check_file(path).panels[0].summary.text)
    assert text.count("no number") == 2
    assert (
        "IL-6, IL-10 and IL-8 were below what the test can measure. The results have no number. "
        "panelcli does not know the lowest amount this test can find. So it cannot tell if they "
        "are in the range."
    ) in text
    # not beside one above what the test measures (educator QA round 21: read as an all-clear)
    assert "common in healthy people" not in text
    # QA: above it, 'cannot be compared' beside 'inside the range' read as reassurance
    assert (
        "TNF-α was above what the test can measure. That is most often far above the range, but "
        "with no number panelcli cannot judge it: ask the lab for the number."
    ) in text


def test_one_marker_with_no_number_twice_is_said_in_the_singular(write_csv):
    """QA: 'TNF-α were below what the test can measure' of two replicates."""
    path = write_csv(
        "sample_id,marker,value,unit\nR,TNF-α Rep 1,ND,pg/mL\nR,TNF-α Rep 2,ND,pg/mL\n"
        "R,IL-6,OOR >,pg/mL\nR,IL-6,OOR >,pg/mL\n"
    )
    text = " ".join(check_file(path).panels[0].summary.text)
    assert (
        "TNF-α was below what the test can measure in 2 results. The results have no number. "
        "panelcli does not know the lowest amount this test can find. So it cannot tell if they "
        "are in the range. IL-6 was above what the test can measure in 2 "  # (not 'common'
        "results. That is most often far above the range, but with no number panelcli cannot "
        "judge them: ask the lab for the numbers."
    ) in text


def test_a_form_the_set_does_not_name_is_not_matched_but_said(write_csv):
    """'IL-12 p70' under ARUP's IL-12 (form not stated) was left unjudged without a word why
    (found in QA); it must still not be judged by IL-12's range."""
    path = write_csv(HEADER + "S1,IL-12 p70,3,pg/mL\nS1,IL-6p70,3,pg/mL\nS1,IL-23 p19,3,pg/mL\n")
    results = check_file(path).panels[0].results
    assert {r.status for r in results} == {Status.NO_REFERENCE}
    assert results[0].note == (
        "no reference range for 'IL-12 p70' in this set; its IL-12 does not say which form it "
        "measures (if it is this test, add 'IL-12 p70' to IL-12's aliases in your own ranges file)"
    )
    assert results[2].note == "no reference range for 'IL-23 p19' in this set"  # no IL-23 in it
    mayo = check_file(path, ranges=load_ranges("mayo-adult"))
    assert "which form" not in (mayo.panels[0].results[0].note or "")


@pytest.mark.parametrize("short_path", [True, False])
def test_il12_with_a_bare_form_number_is_that_form_not_il12(write_csv, short_path):
    """'IL-12 (40)' got "did you mean IL-12?": (40) is the p40 form, not a bead region. A set
    that knows IL-12 p70 reads 'IL-12 (70)' as it; ARUP's IL-12 states no form."""
    path = write_csv(HEADER + "S1,IL-12 (40),3,pg/mL\nS1,IL-12 (70),300,pg/mL\n")
    arup = load_ranges()
    events = Interpreter(arup, CheckOptions(), short_path=short_path).events([str(path)])
    notes = [e.note for e in events if isinstance(e, Result)]
    assert notes == [
        f"no reference range for 'IL-12 ({form})' in this set; its IL-12 does not say which "
        f"form it measures (if it is this test, add 'IL-12 ({form})' to IL-12's aliases in "
        "your own ranges file)"
        for form in (40, 70)
    ]
    mayo = load_ranges("mayo-adult")
    options = CheckOptions(age=40)
    events = Interpreter(mayo, options, short_path=short_path).events([str(path)])
    read = [
        (e.marker, e.marker_as_written, e.status, e.note) for e in events if isinstance(e, Result)
    ]
    assert read == [
        ("IL-12 (40)", "IL-12 (40)", Status.NO_REFERENCE, "no reference range for 'IL-12 (40)' "
         "in this set; IL-12 p70 in this set is another form of it, so its range is not used"),
        ("IL-12 p70", "IL-12 (70)", Status.HIGH, "range for age 18 and over"),
    ]  # fmt: skip


def test_a_marker_with_only_a_critical_limit_is_no_reference_until_past_it(write_csv, tmp_path):
    """'critical_high = 50' and no high: 7 is not 'normal' against a range the set lacks."""
    ranges = tmp_path / "crit.toml"
    ranges.write_text('[markers.CRP]\nunit = "mg/L"\ncritical_high = 50\n', encoding="utf-8")
    path = write_csv("sample_id,marker,value,unit\nS1,CRP,7,mg/L\nS2,CRP,60,mg/L\nS3,CRP,<3,mg/L\n")
    for short_path in (True, False):
        reference_set = load_ranges(str(ranges))
        interpreter = Interpreter(reference_set, CheckOptions(), short_path=short_path)
        report = build_report(interpreter.stream([str(path)]), reference_set)
        results = [r for p in report.panels for r in p.results]
        assert [r.status for r in results] == [
            Status.NO_REFERENCE, Status.CRITICAL, Status.NO_REFERENCE,
        ]  # fmt: skip
        assert results[0].flag is None and results[0].reference is not None
        assert results[0].reference.text == "no range; critical ≥ 50 mg/L"
        assert "only a critical limit (critical ≥ 50 mg/L)" in (results[0].note or "")


@pytest.mark.parametrize(
    "header",
    ["Result Qualifier", "Qualifier", "Sign", "\u200bcomparator", "compa\u00adrator"],
)
def test_a_comparator_column_under_another_name_or_with_invisible_characters_is_read(
    write_csv, header
):
    """'>' beside 2.5 under 'Result Qualifier' was ignored: 2.5 judged normal (found in QA)."""
    path = write_csv(f"sample_id,marker,value,unit,{header}\nS1,IL-6,2.5,pg/mL,>\n")
    (result,) = check_file(path).panels[0].results
    assert (result.comparator, result.status) == (">", Status.HIGH)


def test_a_zero_width_space_before_a_header_name_keeps_its_column(write_csv):
    path = write_csv("\u200bsample_id,marker,value,unit\nS1,IL-6,1,pg/mL\nS2,IL-6,2,pg/mL\n")
    report = check_file(path)
    assert [p.sample_id for p in report.panels] == ["S1", "S2"] and report.warnings == []


@pytest.mark.parametrize(("written", "hint"), [("TNF-?", "TNF-α"), ("IL-1\ufffd", "IL-1β")])
def test_a_name_with_a_lost_letter_is_not_judged_but_hinted(write_csv, written, hint):
    """'TNF-?' folded to 'TNF', TNF-α's alias: TNF-β could be judged by TNF-α's range."""
    path = write_csv(f"sample_id,marker,value,unit\nS1,{written},3,pg/mL\n")
    (result,) = check_file(path).panels[0].results
    assert result.status == Status.NO_REFERENCE
    assert f"did you mean {hint}?" in (result.note or "")


def test_a_units_row_among_the_results_is_skipped_or_stops_the_file(write_csv):
    """',ng/mL' below rows in pg/mL: S3 was read as 6 pg/mL, not 6000 (found in QA)."""
    same = check_file(write_csv("Sample ID,TNF-alpha\n,pg/mL\nS1,2\n,pg/mL\nS3,6\n"))
    assert [(w.code, w.line) for w in same.warnings] == [("units-row-repeated", 4)]
    assert [p.sample_id for p in same.panels] == ["S1", "S3"]
    other = check_file(write_csv("Sample ID,TNF-alpha\n,pg/mL\nS1,2\n,ng/mL\nS3,6\n"))
    assert [p.sample_id for p in other.panels] == ["S1"]
    (stop,) = other.rejected
    assert stop.code == "file-unreadable" and stop.line == 4


def test_the_header_again_with_another_name_for_a_column_is_the_same_header(write_csv):
    """'units' where the header on top says 'unit' stopped the file (found in QA)."""
    path = write_csv(
        "sample_id,marker,value,unit\nS1,IL-6,1,pg/mL\nsample_id,marker,value,units\n"
        "S2,IL-6,2,pg/mL\n"
    )
    report = check_file(path)
    assert [(w.code, w.line) for w in report.warnings] == [("header-repeated", 3)]
    assert report.rejected == [] and len(report.panels) == 2


@pytest.mark.parametrize("printed", ["<0", "0-0"])
def test_a_lab_range_with_a_high_limit_of_zero_is_not_used(write_csv, printed):
    """'<0' made every value high (found in QA): the set's range is used, with a warning."""
    path = write_csv(f"sample_id,marker,value,unit,reference_range\nS1,IL-6,1,pg/mL,{printed}\n")
    report = check_file(path)
    assert report.panels[0].results[0].status == Status.NORMAL
    assert [w.code for w in report.warnings] == ["range-unreadable"]
    assert "high limit of 0" in report.warnings[0].message


XPONENT_MEDIAN_FIRST = (
    '"Program","xPONENT"\n\n"Results"\n\n"DataType:","Median"\n'
    '"Location","Sample","IL-6 (pg/mL)","IL-8 (pg/mL)"\n"3(1,C1)","U1","210.5","480.0"\n\n'
    '"DataType:","Concentration"\n"Location","Sample","IL-6 (pg/mL)","IL-8 (pg/mL)"\n'
    '"3(1,C1)","U1","4.21","12.3"\n'
)


def test_an_xponent_block_of_mfi_values_is_never_read_as_concentrations(write_csv):
    """Its Median (MFI) block came first and was judged, 210.5 'pg/mL' high (found in QA);
    then it was refused, though the file's Concentration block below it was there to read."""
    report = check_file(write_csv(XPONENT_MEDIAN_FIRST))
    assert [(r.line, r.value) for p in report.panels for r in p.results] == [(11, 4.21), (11, 12.3)]
    assert report.rejected == []
    assert [(w.code, w.line) for w in report.warnings][:1] == [("blocks-skipped", 9)]
    # Two blocks of concentrations (two batches joined): the first is read, and the next
    # block's line stops the file there, as before (review: the second's were left out)
    two = XPONENT_MEDIAN_FIRST.replace('"Median"', '"Concentration"', 1)
    report = check_file(write_csv(two.replace("210.5", "4.0")))
    assert [r.value for p in report.panels for r in p.results] == [4.0, 480.0]
    assert [(i.code, i.line) for i in report.rejected] == [("file-unreadable", 9)]
    # With no block of concentrations at all, the file is refused as before.
    median_only = XPONENT_MEDIAN_FIRST.replace('"Concentration"', '"Count"')
    (refused,) = check_file(write_csv(median_only)).rejected
    assert refused.code == "file-unreadable" and refused.line == 5
    assert "'DataType: Median' (line 5), which is not concentrations" in refused.message
    assert (
        "where it holds one block of concentrations ('Result', 'Concentration')" in refused.message
    )


def test_a_critical_only_marker_is_said_to_have_no_range_in_warnings_and_notes(write_csv, tmp_path):
    """'differs from the reference set's no limits (mg/L)' and '>40 could be inside or outside
    the reference range' spoke of a range the set lacks (found in QA)."""
    ranges = tmp_path / "crit.toml"
    ranges.write_text('[markers.CRP]\nunit = "mg/L"\ncritical_high = 50\n', encoding="utf-8")
    path = write_csv(
        "sample_id,marker,value,unit,reference_range\nS1,CRP,7,mg/L,0-5\nS2,CRP,>40,mg/L,\n"
    )
    report = check_file(path, ranges=str(ranges))
    warning, missing = report.warnings
    assert "differs from the reference set, which gives no range for it" in warning.message
    assert missing.code == "range-missing" and missing.line == 3  # S2 by the set's, no range
    censored = report.panels[1].results[0]
    assert censored.status == Status.INDETERMINATE
    assert "could be past the critical limit or short of it" in (censored.note or "")


def test_a_file_read_again_under_its_own_name_gives_its_warnings_again(write_csv):
    """'a.csv ./a.csv' repeated its once-per-file warnings, 'a.csv a.csv' did not (QA)."""
    path = write_csv("sample_id;marker;value;unit\nS1;IL-6;1.234;pg/mL\nS2;IL-6;5 H;pg/mL\n")
    codes = [w.code for w in check_files([path, path]).warnings]
    assert codes == ["value-dot-ambiguous", "value-flag-ignored", "file-repeated"] + codes[:2]


def test_hospital_system_words_and_dates_are_read(write_csv):
    """Epic's 'Critical High' flag refused its row; 'Specimen Collected' was not read; a US
    birth date '03/14/1961' could give no age (found in QA)."""
    from panelcli.trends import read_date
    from panelcli.values import lab_flag

    assert (lab_flag("Critical High"), lab_flag(" critical  low ")) == ("HH", "LL")
    assert read_date("03/14/1961") == read_date("14/03/1961") == read_date("1961-03-14")
    assert read_date("03/04/1961") is None  # March 4 or April 3: not guessed
    path = write_csv(
        "MRN,Gender,Date of Birth,Specimen Collected,Component,Value,Result Unit,Abnormal Flag\n"
        "E1,Female,03/14/1961,2026-03-02 07:45,TNF ALPHA,520,pg/mL,Critical High\n"
    )
    report = check_file(path, ranges="mayo-adult")
    (result,) = report.panels[0].results
    assert result.status == Status.HIGH and report.rejected == []  # the set has no critical
    assert report.panels[0].collected_at == "2026-03-02 07:45"


def test_a_name_with_a_lost_letter_judged_by_the_labs_range_still_gets_the_hint(write_csv):
    path = write_csv("sample_id,marker,value,unit,reference_range\nS1,TNF-?,30,pg/mL,0-8.1\n")
    (result,) = check_file(path).panels[0].results
    assert result.status == Status.HIGH
    assert "(did you mean TNF-α?); the lab's range in the file was used" in (result.note or "")


def test_a_misspelt_marker_is_kept_with_a_hint_in_plain_punctuation(write_csv):
    """QA: '… in this set - check the name' used a hyphen as a dash."""
    (result,) = check_file(write_csv("marker,value,unit\nIL-66,3,pg/mL\n")).panels[0].results
    assert result.status == Status.NO_REFERENCE
    assert (
        result.note
        == "no reference range for 'IL-66' in this set; check the name (did you mean IL-6?)"
    )


def test_an_assumed_unit_that_only_decides_how_high_leaves_the_result_high(write_csv, tmp_path):
    """IL-6 '5' with ng/mL assumed is 5000 pg/mL, critical; read in the range's pg/mL it is
    high: high either way is the severity that is certain (found in a QA round)."""
    from panelcli.check import CheckOptions

    ranges = tmp_path / "set.toml"
    ranges.write_text('[markers."IL-6"]\nunit = "pg/mL"\nhigh = 2.5\ncritical_high = 1000\n')
    path = write_csv("marker,value\nIL-6,5\n")
    report = check_file(path, ranges=str(ranges), options=CheckOptions(assume_unit="ng/mL"))
    (result,) = report.panels[0].results
    assert (result.status, result.flags) == (Status.HIGH, ["H"])
    assert result.note and result.note.endswith(
        "read as ng/mL it is critically high, but read as pg/mL (the unit of IL-6's range) it "
        "would be high; add the unit to the file to have it judged"
    )


def test_a_value_column_with_unknown_words_in_brackets_is_named(write_csv):
    """QA: 'Result (xyz)' was told to 'name it value or result'; it is, but for 'xyz'."""
    (refused,) = check_file(write_csv("Sample,Analyte,Result (xyz)\nS1,IL-6,3\n")).rejected
    assert refused.code == "file-unreadable"
    assert "has a column 'Result (xyz)', which looks like the value column, but 'xyz' in its " in (
        refused.message
    )


def test_a_value_column_first_with_datatype_in_it_is_a_bad_value_not_a_block(write_csv):
    """'DATATYPE' as the value of a file whose value column comes first was read as xPONENT's
    'DataType:' line and stopped the file (found by hypothesis): only 'DataType:' starts one."""
    report = check_file(
        write_csv("value,marker,unit,sample_id\n0.5,IL-6,pg/mL,S-0\nDATATYPE,IL-6,pg/mL,S-1\n")
    )
    assert [(i.code, i.line) for i in report.rejected] == [("value-not-a-number", 3)]
    assert [r.value for p in report.panels for r in p.results] == [0.5]


def test_a_birth_date_after_the_collection_date_is_said_so(tmp_path):
    """QA: a birth date of '2030-01-01' was 'not something panelcli reads'."""
    path = tmp_path / "people.csv"
    path.write_text(
        "sample_id,birth_date,collected_at,marker,value,unit\n"
        "A,2030-01-01,2026-01-02,IL-2,70,pg/mL\n",
        encoding="utf-8",
    )
    (warning,) = check_file(str(path), load_ranges("mayo-adult")).warnings
    assert (warning.code, warning.column, warning.sample_id) == (
        "person-unreadable",
        "birth_date",
        "A",
    )
    assert warning.message.startswith(
        "birth date '2030-01-01' is after the collection date '2026-01-02', so it gives no age"
    )


def test_a_lab_range_keeps_critical_limits_on_a_limit_it_leaves_out_and_for_anyone(
    write_csv, tmp_path
):
    """Review: '<500' (500 itself outside it) dropped a critical limit of 500, and where the
    person's age was not known the set's critical limit, the same for every age, was lost."""
    ranges = tmp_path / "r.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nsource = "x"\n'
        '[[markers."IL-6".intervals]]\nage_min = 18\nhigh = 7\ncritical_high = 500\n'
        '[[markers."IL-6".intervals]]\nage_max = 18\nhigh = 9\ncritical_high = 500\n',
        encoding="utf-8",
    )
    path = write_csv(
        "sample_id,marker,value,unit,reference range,age\n"
        "S1,IL-6,500,pg/mL,<500,30\nS2,IL-6,600,pg/mL,0-100,\nS3,IL-6,500,pg/mL,<=500,30\n"
    )
    report = check_file(path, ranges=load_ranges(str(ranges)))
    assert [r.status.value for p in report.panels for r in p.results] == [
        "critical", "critical", "normal"
    ]  # fmt: skip


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize("cell", ["N/A", "-", "unknown"])
def test_a_range_cell_that_says_none_is_known_is_a_blank_one(tmp_path, short, cell):
    """QA: 'N/A' in the reference range column got a range-unreadable warning."""
    from panelcli.check import CheckOptions, Interpreter
    from panelcli.models import Issue, Result

    path = tmp_path / "r.csv"
    path.write_text(
        f"sample_id,marker,value,unit,reference_range\nS1,IL-6,5,pg/mL,{cell}\n"
        "S2,IL-6,5,pg/mL,0-7\n",
        encoding="utf-8",
    )
    checking = Interpreter(load_ranges(None), CheckOptions(), short_path=short)
    events = list(checking.events([str(path)]))
    results = [e for e in events if isinstance(e, Result)]
    assert [(r.status.value, r.reference and r.reference.origin) for r in results] == [
        ("high", "set"), ("normal", "file")
    ]  # fmt: skip
    (disagrees,) = [e for e in events if isinstance(e, Issue)]
    # QA: it named no sample or marker, so a script could not tie it to a row
    assert (disagrees.code, disagrees.sample_id, disagrees.marker) == (
        "range-disagrees", "S2", "IL-6"
    )  # fmt: skip


def test_a_flag_that_disagrees_with_a_critical_status_beside_a_lab_range_names_the_set(
    write_csv, tmp_path
):
    """QA: 'critically high by the lab's own range in the row', a range with no critical
    limit: the critical limit beside it is the set's."""
    ranges = tmp_path / "r.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nsource = "x"\nhigh = 7\ncritical_high = 100\n',
        encoding="utf-8",
    )
    path = write_csv("sample_id,marker,value,unit,flag,reference_range\nS1,IL-6,150,pg/mL,H,0-10\n")
    report = check_file(path, ranges=load_ranges(str(ranges)))
    (flagged,) = [w for w in report.warnings if w.code == "value-flag-disagrees"]
    assert "by the lab's own range in the row and the reference set's critical limit it is" in (
        flagged.message
    )


@pytest.mark.parametrize("il10", ["5.31", ">5.3", "5.4", "2.0"])
def test_the_storm_pattern_counts_an_il10_just_past_its_limit(write_csv, il10):
    """QA: IL-10 at 5.31 or '>5.3' over 5.3 is high, but its times figure rounds to 1.0, and
    the sentence asking for a talk with a provider soon was left out (5.4 had it)."""
    path = write_csv(
        f"sample_id,marker,value,unit\nA,IL-6,600,pg/mL\nA,IFN-γ,600,pg/mL\nA,IL-10,{il10},pg/mL\n"
    )
    (panel,) = check_file(path).panels
    said = " ".join(panel.summary.text)
    assert ("in overdrive" in said) is (il10 != "2.0")
    # IL-6 and IFN-γ far past their limits are to be talked over soon, storm or not
    assert "with a healthcare provider soon" in said


@pytest.mark.parametrize(("il6", "ifng", "storm"), [("24.99", "103.99", False),
    (">24.99", ">103.99", False), ("25", "104", True), (">25", ">104", True)])  # fmt: skip
def test_the_storm_pattern_is_judged_by_the_values_not_their_rounded_figures(
    write_csv, il6: str, ifng: str, storm: bool
):
    """QA: IL-6 24.99 over 2.5 is 9.996 times, stored rounded as 10.0: the storm sentence was
    given, where '>24.99' (stored 9.99) had none; 10 times the limits is the rule."""
    path = write_csv(
        f"sample_id,marker,value,unit\nA,IL-6,{il6},pg/mL\nA,IFN-γ,{ifng},pg/mL\nA,IL-10,20,pg/mL\n"
    )  # ARUP: IL-6 ≤ 2.5, IFN-γ ≤ 10.4
    (panel,) = check_file(path).panels
    assert ("in overdrive" in " ".join(panel.summary.text)) is storm


def test_a_result_past_a_critical_limit_of_a_set_with_no_range_is_not_said_out_of_range(
    tmp_path,
):
    """QA: a set with only critical limits: the table said 'no range', the summary "Ferritin
    is below the range"."""
    texts = summaries_with(
        tmp_path,
        '[markers."Ferritin"]\nunit = "ug/L"\ncritical_low = 5\ncritical_high = 1000\n'
        'source = "x"\n[markers."IL-6"]\nunit = "pg/mL"\nhigh = 2.5\nsource = "x"\n',
        "A,Ferritin,3,ug/L\nB,Ferritin,2000,ug/L\nC,Ferritin,2000,ug/L\nC,IL-6,1,pg/mL\n",
    )
    assert not any("the range" in text.split("inside")[0] for text in texts), texts
    assert texts[0].startswith("1 marker was tested. It is low. Ferritin is low.")
    assert texts[1].startswith("1 marker was tested. It is high. Ferritin is high.")
    assert texts[2].startswith("2 markers were tested. 1 is high and 1 is inside the range.")


def test_a_critically_low_il10_is_not_said_to_be_high_in_the_storm_sentence(tmp_path):
    """Review: IL-10 critically low (LL) counted as 'IL-10 is high too'."""
    (text,) = summaries_with(
        tmp_path,
        '[markers."IL-6"]\nunit = "pg/mL"\nhigh = 2.5\n[markers."IFN-γ"]\nunit = "pg/mL"\n'
        'high = 10\n[markers."IL-10"]\nunit = "pg/mL"\nlow = 1\nhigh = 20\ncritical_low = 0.5\n',
        "A,IL-6,700,pg/mL\nA,IFN-γ,500,pg/mL\nA,IL-10,0.2,pg/mL\n",
    )
    assert "IL-10 is high too" not in text


def test_no_number_beside_the_lab_s_range_of_a_marker_the_set_lacks_is_indeterminate(write_csv):
    """QA: 'ND' or 'OOR >' beside '<500' for IL-18 (not in the set) was 'no reference range in
    this set', though the row printed one; IL-6's 'ND' beside '<7' is indeterminate."""
    path = write_csv(
        "sample_id,marker,value,unit,reference_range\n"
        "S1,IL-18,<5,pg/mL,<500\nS2,IL-18,ND,pg/mL,<500\nS3,IL-18,OOR >,pg/mL,<500\n"
        "S4,IL-18,ND,pg/mL,\n"
    )
    results = [r for p in check_file(path).panels for r in p.results]
    assert [r.status for r in results] == [
        Status.NORMAL, Status.INDETERMINATE, Status.INDETERMINATE, Status.NO_REFERENCE
    ]  # fmt: skip
    assert results[1].note == (
        "'ND' has no number, so it cannot be judged against the lab's range; no reference range "
        "for 'IL-18' in this set"
    )
    assert results[2].reference is not None and results[2].reference.text == "< 500 pg/mL"


def test_a_placeholder_range_beside_a_marker_the_set_lacks_is_no_range(write_csv):
    """Review: 'ND' (or 5) beside '-' or 'N/A' for IL-18 warned 'range-unreadable'; for a
    marker the set has, such a cell is no range given, as a blank one."""
    path = write_csv(
        "sample_id,marker,value,unit,reference_range\n"
        "S1,IL-18,ND,pg/mL,-\nS2,IL-18,5,pg/mL,N/A\nS3,IL-6,5,pg/mL,-\n"
    )
    report = check_file(path)
    assert [w.code for w in report.warnings] == []
    assert [r.status for p in report.panels for r in p.results] == [
        Status.NO_REFERENCE, Status.NO_REFERENCE, Status.HIGH
    ]  # fmt: skip


@pytest.mark.parametrize("short", [True, False])
def test_a_marker_the_set_lacks_is_named_as_panelcli_knows_it(tmp_path, short):
    """QA: GMCSF, GM-CSF and GM CSF were three markers (and three trends) of the default set's
    results, though `explain GMCSF` knows it as GM-CSF and mayo-adult named all three so."""
    path = tmp_path / "gm.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "A1,P1,2026-01-01,GMCSF,3,pg/mL\nA2,P1,2026-02-01,GM CSF,5,pg/mL\n"
        "A2,P1,2026-02-01,FERR,100,ug/L\nA2,P1,2026-02-01,Foo,1,pg/mL\n"
        "A2,P1,2026-02-01,IL-12 p70,1,pg/mL\n",
        encoding="utf-8",
    )
    checking = Interpreter(load_ranges(None), CheckOptions(), short_path=short)
    results = [e for e in checking.events([str(path)]) if isinstance(e, Result)]
    assert [(r.marker, r.marker_as_written) for r in results] == [
        ("GM-CSF", "GMCSF"), ("GM-CSF", "GM CSF"), ("Ferritin", "FERR"), ("Foo", "Foo"),
        ("IL-12 p70", "IL-12 p70"),
    ]  # fmt: skip
    assert {r.status for r in results} == {Status.NO_REFERENCE}
    # review: two spellings of it for one sample are one marker measured again, said so
    path.write_text("sample_id,marker,value,unit\nS1,GMCSF,5,pg/mL\nS1,GM-CSF,6,pg/mL\n")
    checking = Interpreter(load_ranges(None), CheckOptions(), short_path=short)
    repeated = [e for e in checking.events([str(path)]) if getattr(e, "code", None)]
    assert [(i.code, i.line) for i in repeated] == [("marker-repeated", 3)]


def test_an_age_is_said_as_a_person_says_it_and_its_stand_in_where_the_dates_give_none(
    tmp_path,
):
    """Review: '7 mo' was 'age 0.583333333333' in the note, and an unreadable age beside an
    unreadable birth date did not say that --age stood in for it."""
    path = tmp_path / "ages.csv"
    path.write_text(
        "sample_id,marker,value,unit,age,birth_date,collected_at\n"
        "S1,Ferritin,20,ug/L,7 mo,,\nS2,IL-2,70,pg/mL,abc,garbage,2026-01-01\n",
        encoding="utf-8",
    )
    report = check_file(str(path), load_ranges("mayo-adult"), CheckOptions(age=40, sex="male"))
    first = report.panels[0].results[0]
    assert first.note == (
        "this set has no range for Ferritin that fits this person (male, age 7 months)"
    )
    [said] = [w.message for w in report.warnings if w.column == "age"]
    assert said.endswith("it was treated as not given, and --age 40 was used instead")
    # review: dates that give an age read either way ('03/04/2026') are used, not --age
    path.write_text(
        "sample_id,marker,value,unit,sex,age,birth_date,collected_at\n"
        "S1,IL-2,70,pg/mL,male,abc,1961-03-14,03/04/2026\n",
        encoding="utf-8",
    )
    report = check_file(str(path), load_ranges("mayo-adult"), CheckOptions(age=10))
    [said] = [w.message for w in report.warnings if w.column == "age"]
    assert said.endswith("it was treated as not given")
    # review: a birth after the collection gives no age, and --age stands in: said so
    path.write_text(path.read_text().replace("1961-03-14,03/04/2026", "2030-05-01,2026-04-01"))
    report = check_file(str(path), load_ranges("mayo-adult"), CheckOptions(age=10))
    [said] = [w.message for w in report.warnings if w.column == "age"]
    assert said.endswith("and --age 10 was used instead")
    # QA: with no age cell, '03/04/2026' (46 either day) was said to leave --age to stand in,
    # and a collection date after today said no age was counted, but not what stood in
    path.write_text(
        "sample_id,marker,value,unit,birth_date,collected_at\n"
        "S1,IL-2,70,pg/mL,1980-01-01,03/04/2026\nS2,IL-2,70,pg/mL,1980-01-01,2099-03-04\n",
        encoding="utf-8",
    )
    report = check_file(str(path), load_ranges("mayo-adult"), CheckOptions(age=40))
    stood_in = [w for w in report.warnings if "--age 40 was used instead" in w.message]
    assert [(w.line, w.code) for w in stood_in] == [(3, "person-unreadable")]
    assert "after the day of this check" in stood_in[0].message


def test_a_marker_with_no_range_and_no_unit_says_its_unit_is_missing(tmp_path) -> None:
    """CRP (no range in the default set) with no unit was kept as no_reference with nothing
    said of the unit, while IL-6 beside it was refused for its missing unit (QA)."""
    path = tmp_path / "nounit.csv"
    path.write_text(
        "sample_id,marker,value,reference_range\nB,CRP,3,0-5\nB,Foo,3,\n", encoding="utf-8"
    )
    notes = [
        r.note for r in Interpreter(load_ranges(None), CheckOptions()).events([str(path)])
        if isinstance(r, Result)
    ]  # fmt: skip
    assert notes == [
        "no reference range for 'CRP' in this set; its unit is missing, so the lab's range in "
        "the row was not used either",
        "no reference range for 'Foo' in this set; its unit is missing",
    ]
    assumed = Interpreter(load_ranges(None), CheckOptions(assume_unit="pg/mL"))
    (foo,) = [r for r in assumed.events([str(path)]) if isinstance(r, Result) and r.line == 3]
    assert foo.note == (  # review: it read as if the unit had been assumed
        "no reference range for 'Foo' in this set; its unit is missing (--assume-unit is used "
        "only for markers this set has a range for)"
    )


def test_validation_problems_list_issues_and_each_result_the_set_cannot_judge(tmp_path) -> None:
    """validate's list, from the core: the rows' issues in file order, and a no-reference
    warning where check shows a no_reference result (it was built in cli.py: review)."""
    from panelcli.check import validation_problems
    from panelcli.render.lint import issue_line

    path = tmp_path / "v.csv"
    path.write_text(
        "sample_id,marker,value,unit\nA,IL-6,abc,pg/mL\nA,Foo,3,pg/mL\nA,IL-8,5,pg/mL\n",
        encoding="utf-8",
    )
    interpreter = Interpreter(load_ranges(None), CheckOptions())
    problems = list(validation_problems(interpreter, [str(path)]))
    assert [(p.line, p.severity, p.code) for p in problems] == [
        (2, "error", "value-not-a-number"), (3, "warning", "no-reference")
    ]  # fmt: skip
    assert issue_line(problems[1]) == (
        f"{path}:3: marker: warning no-reference: no reference range for 'Foo' in this set "
        "(sample 'A')"
    )  # its column and sample, as every row's issue (review)


def report_of(tmp_path, text: str):
    """check_file's report of a file holding `text`."""
    return check_file(str(_written(tmp_path, text)))


def test_a_panel_with_another_patient_s_results_says_so_in_its_summary(tmp_path) -> None:
    """Sample S1 with P1 and then P2: one panel titled P1 held P2's high IL-8, and the summary
    said nothing of it; only a warning at the end did (QA)."""
    mixed, alone = report_of(
        tmp_path, "sample_id,patient_id,collected_at,marker,value,unit\n"
        "S1,P1,2026-03-02,IL-6,4.2,pg/mL\nS1,P2,2026-03-02,IL-8,30,pg/mL\n"
        "S2,P3,2026-03-02,IL-6,1,pg/mL\nS2,p3 ,2026-03-02,IL-8,1,pg/mL\n",
    ).panels  # fmt: skip  # 'P3' and 'p3 ' are one patient, as sample-conflict has it (review)
    assert mixed.summary.text[1] == (
        "These results have one sample ID, but the file gives it with 2 patients ('P1' and "
        "'P2'). Some of the results may be another person's. Ask the lab which results are whose."
    )
    assert not any("sample ID" in sentence for sentence in alone.summary.text)


def test_a_printed_range_of_one_value_or_past_any_concentration_is_not_used(tmp_path) -> None:
    """'2-2' made IL-6 1.8 low and '> 5000000000000' (pg/mL) made IL-8 5 low, where a ranges
    file refuses both (QA): the set's range judges them, with a warning saying why."""
    report = report_of(
        tmp_path, "sample_id,marker,value,unit,reference_range\nS1,IL-6,1.8,pg/mL,2-2\n"
        "S2,IL-8,5.0,pg/mL,> 5000000000000\n",
    )  # fmt: skip
    assert [r.status for p in report.panels for r in p.results] == [Status.NORMAL] * 2
    assert [(w.code, w.message) for w in report.warnings] == [
        ("range-unreadable", "reference range '2-2' is one value (2), not a range; the "
         "reference set's range was used"),
        ("range-unreadable", "reference range '> 5000000000000' has a limit of more than 1 kg "
         "per litre, which no blood concentration reaches; the reference set's range was used"),
    ]  # fmt: skip


INFANT_SET = """[markers."IL-6"]
unit = "pg/mL"
source = "t"
[[markers."IL-6".intervals]]
age_max = 0.5
high = 20.0
[[markers."IL-6".intervals]]
age_min = 0.5
age_max = 1
high = 15.0
[[markers."IL-6".intervals]]
age_min = 1
high = 10.0
"""


def test_a_baby_s_age_from_the_birth_date_is_not_cut_to_whole_years(tmp_path) -> None:
    """Born 2025-06-01, tested 2026-03-02 (9 months): counted as age 0 and judged by the
    under-6-months row, normal, while '9 mo' in the age cell was high (QA); an age of '10 d'
    beside that birth date was no conflict."""
    own = tmp_path / "infant.toml"
    own.write_text(INFANT_SET, encoding="utf-8")
    path = tmp_path / "baby.csv"
    path.write_text(
        "sample_id,collected_at,age,birth_date,marker,value,unit\n"
        "S1,2026-03-02,,2025-06-01,IL-6,18,pg/mL\nS2,2026-03-02,9 mo,,IL-6,18,pg/mL\n"
        "S3,2026-03-02,10 d,2025-06-01,IL-6,18,pg/mL\n",
        encoding="utf-8",
    )
    report = check_file(str(path), load_ranges(str(own)))
    results = [r for p in report.panels for r in p.results]
    assert [(r.status, r.note) for r in results[:2]] == [
        (Status.HIGH, "range for age 0.5 to under 1")
    ] * 2
    assert [w.message for w in report.warnings] == [
        "age 10 days does not match the birth date '2025-06-01' (age 9 months on "
        "'2026-03-02'); where the set's range differs between the two ages, a result is "
        "judged only as far as both ranges agree, here and in any other row of this file where "
        "they disagree"
    ]
    # S3: 18 is normal by the range of age 10 days (under 6 months, ≤ 20) and high by that of
    # 9 months (≤ 15): judged only as far as both agree (review round 9)
    assert results[2].status == Status.INDETERMINATE


def test_a_birth_date_whose_month_lacks_its_day_is_said_so(tmp_path) -> None:
    """'1980-02-30' was 'not something panelcli reads (expected a date such as 1980-02-01 …)',
    its very form (review)."""
    report = report_of(
        tmp_path, "sample_id,collected_at,birth_date,marker,value,unit\n"
        "S1,2026-03-02,1980-02-30,IL-6,3,pg/mL\n",
    )  # fmt: skip
    assert [w.message for w in report.warnings] == [
        "birth date '1980-02-30' is not a real day: February 1980 has no day 30; the age was "
        "treated as not given"
    ]


def test_no_age_is_counted_to_a_collection_date_after_the_day_of_the_check(tmp_path) -> None:
    """Born 2014, tested '2062-03-02' (a year slip): counted as 47 and judged by an adult's
    range, normal, where the child of 11 has none (QA)."""
    report = check_file(
        str(_written(tmp_path, "sample_id,collected_at,birth_date,marker,value,unit\n"
                     "S1,2062-03-02,2014-05-05,IL-1β,15,pg/mL\n")),
        load_ranges("mayo-adult"),
    )  # fmt: skip
    ((result,),) = [p.results for p in report.panels]
    assert result.status is Status.INDETERMINATE
    assert [w.message for w in report.warnings] == [
        "collected date '2062-03-02' is after the day of this check: is the year right? Results "
        "are put in date order by it as written, but no age is counted to it"
    ]


def _written(tmp_path, text: str):
    path = tmp_path / "data.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_age_option_standing_in_for_dates_that_give_no_age_is_said(tmp_path) -> None:
    """--age 30 judged rows whose birth or collection date gave no age, and no warning said so
    (QA); a placeholder birth date '1900-01-01' is named as one."""
    path = _written(
        tmp_path, "sample_id,collected_at,sex,birth_date,marker,value,unit\n"
        "S1,2026-03-02,F,1900-01-01,Ferritin,200,ug/L\nS2,2026-02-30,F,1975-03-02,Ferritin,200,ug/L\n"
        "S3,,F,1975-03-02,Ferritin,200,ug/L\n",
    )  # fmt: skip
    report = check_file(str(path), load_ranges("mayo-adult"), CheckOptions(age=30))
    said = [w.message for w in report.warnings if w.code == "person-unreadable"]
    assert said == [
        "birth date '1900-01-01' is a placeholder date that spreadsheets write for an empty "
        "cell, not a real day; the age was treated as not given, and --age 30 was used instead",
        "no age could be counted from the birth date '1975-03-02' to the collection date "
        "'2026-02-30', and --age 30 was used instead",
        "birth date '1975-03-02' could not give an age: the row has no collection date to "
        "count it to; the age was treated as not given, and --age 30 was used instead",
    ]
    assert {r.status for p in report.panels for r in p.results} == {Status.HIGH}


def test_ages_from_dates_count_calendar_months_and_reach_the_calendar_s_end(tmp_path) -> None:
    """Review: 6 calendar months was 5.9 months (under a row for 'under 6 months'), 7 days
    '6.9 days', a birth date and collection date of 9999-12-31 an internal error; and an age
    of 11 beside a collection date in 2062 was said to disagree (age 47 there)."""
    from datetime import date

    from panelcli.check import _years_between
    from panelcli.ranges import age_said

    said = [
        age_said(_years_between(born, taken) or 0.0)
        for born, taken in [
            (date(2025, 2, 1), date(2025, 8, 1)), (date(2024, 1, 1), date(2024, 1, 8)),
            (date(2025, 6, 1), date(2025, 7, 16)), (date(2008, 2, 29), date(2026, 2, 28)),
            (date(2008, 2, 29), date(2026, 3, 1)),
        ]
    ]  # fmt: skip
    assert said == ["6 months", "1 week", "45 days", "17", "18"]
    assert _years_between(date(9999, 1, 31), date(9999, 12, 31)) == 11 / 12
    report = report_of(
        tmp_path, "sample_id,collected_at,birth_date,age,marker,value,unit\n"
        "S1,9999-12-31,9999-12-31,,IL-6,2.5,pg/mL\nS2,2062-03-02,2014-05-06,11,IL-6,2.5,pg/mL\n",
    )  # fmt: skip
    assert [w.code for w in report.warnings] == ["date-in-future"] * 2


def test_a_censored_value_unjudged_for_want_of_sex_keeps_its_sign_in_flags(write_csv, tmp_path):
    """QA: '<8' of a marker whose range depends on sex, sex not given, had flags ['IND'];
    README: flags adds '<' or '>' for censored values."""
    ranges = tmp_path / "set.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\n[[markers."IL-6".intervals]]\nsex = "female"\n'
        'high = 5.0\n[[markers."IL-6".intervals]]\nsex = "male"\nhigh = 6.0\n',
        encoding="utf-8",
    )
    path = write_csv("sample_id,sex,marker,value,unit\nQ2,,IL-6,<8,pg/mL\nQ3,,IL-6,<=8,pg/mL\n")
    for panel in check_file(path, ranges=str(ranges)).panels:
        (result,) = panel.results  # '<=' too is '<', as interpret gives it (review)
        assert (result.status.value, result.flags) == ("indeterminate", ["<", "IND"])


def test_a_name_explain_knows_is_one_check_knows(write_csv):
    """QA: 'explain soluble IL-2 receptor' explained sIL-2R, but check called the same name
    no_reference and asked whether it was spelled right."""
    path = write_csv(
        "sample_id,marker,value,unit\nX,soluble IL-2 receptor,900,pg/mL\n"
        "X,Soluble Interleukin-2 Receptor,900,pg/mL\n"
    )
    for ranges in ("arup-3002601", "mayo-adult"):
        results = check_file(path, ranges=ranges).panels[0].results
        assert {r.marker for r in results} == {"sIL-2R"}, ranges


@pytest.mark.parametrize(("printed", "said"), [
    ("<=2.5", "but by the lab's own range in the row it is high: check the flag and the range"),
    ("0-2.5", "but by the lab's own range in the row it is high: check the flag and the range"),
    # not read as a range (a low of 0 alone): the set's was used, so ranges may differ
    ("0-", "but by the range panelcli uses it is high; ranges differ between labs and assays"),
])  # fmt: skip
def test_a_flag_against_the_row_s_own_range_equal_to_the_set_s_blames_no_range(
    write_csv, printed: str, said: str
):
    """Known item: where the row's range is the set's (≤ 2.5), the set's was used, and the
    lab's 'L' on IL-6 4.1 was said to be 'ranges differ between labs': they do not."""
    path = write_csv(
        f"sample_id,marker,value,unit,flag,reference_range\nS1,IL-6,4.1,pg/mL,L,{printed}\n"
    )
    report = check_file(path)
    (flagged,) = [w for w in report.warnings if w.code == "value-flag-disagrees"]
    assert said in flagged.message


def test_a_data_type_line_is_named_by_its_physical_line(write_csv) -> None:
    """A quoted field over two lines above 'DataType:' put it on the line before its own."""
    path = write_csv('"Program,\nxPONENT"\nDataType:,Median\nSample,IL-6\nS1,2.0\n')
    (refused,) = check_file(path).rejected
    assert "'DataType: Median' (line 3), which is not concentrations" in refused.message
