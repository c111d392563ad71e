"""A lab technician's third QA round: rows that give no id, and other messy exports."""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from panelcli.check import CheckOptions, Interpreter, check_file
from panelcli.cli import app
from panelcli.models import Issue
from panelcli.ranges import load_ranges
from panelcli.values import ValueProblem, parse_value

runner = CliRunner()


@pytest.mark.parametrize("short_path", [True, False])
def test_a_row_that_gives_no_id_is_named_by_its_line(write_csv, short_path: bool) -> None:
    """A high IL-8 with a blank sample id came out under 'Results', tied to nobody, with no
    word at all; a file with no id column is one person's panel and stays unwarned."""
    path = write_csv(
        "sample_id,collected_at,marker,value,unit\n"
        ",2026-03-01,IL-8,40,pg/mL\n"
        "S1,2026-03-01,IL-6,1,pg/mL\n"
        "N/A,2026-03-09,IL-8,4,pg/mL\n"
    )
    events = list(Interpreter(load_ranges(), CheckOptions(), short_path=short_path).events([path]))
    missing = [e for e in events if isinstance(e, Issue) and e.code == "sample-id-missing"]
    # once a file, naming the first (review: a file of blank ids gave one a row)
    assert [(e.line, e.column, e.severity) for e in missing] == [(2, "sample_id", "warning")]
    assert "gives no sample id" in missing[0].message and "any other such row" in missing[0].message
    assert len([e for e in events if hasattr(e, "status")]) == 3  # nothing dropped
    alone = write_csv("marker,value,unit\nIL-8,40,pg/mL\n", name="alone.csv")
    events = list(Interpreter(load_ranges(), CheckOptions(), short_path=short_path).events([alone]))
    assert not [e for e in events if isinstance(e, Issue)]


def test_a_row_with_a_patient_id_but_no_sample_id_is_that_patients(write_csv) -> None:
    path = write_csv("sample_id,patient_id,marker,value,unit\n,P1,IL-8,40,pg/mL\n")
    result = runner.invoke(app, ["validate", path])
    assert result.exit_code == 0 and "sample-id-missing" not in result.output
    path = write_csv("sample_id,patient_id,marker,value,unit\n,,IL-8,40,pg/mL\n")
    result = runner.invoke(app, ["validate", path])
    assert result.exit_code == 0, result.output
    assert "gives no sample id or patient id" in result.output


@pytest.mark.parametrize(
    "header",
    ["REF", "Ref", "Ref Int", "Bio. Ref. Interval", "Normwert", "Norm", "Ref.-Bereich",
     "Valeurs normales", "Valores normales"],
)  # fmt: skip
def test_common_names_of_the_labs_range_column_are_read(write_csv, header: str) -> None:
    """The lab's '0-7' under these names was ignored, and the set's ≤ 2.5 judged 5.0 high."""
    path = write_csv(f"sample_id,marker,value,unit,{header}\nS1,IL-6,5.0,pg/mL,0-7\n")
    (result,) = [
        e for e in Interpreter(load_ranges(), CheckOptions()).events([path]) if hasattr(e, "status")
    ]
    assert result.status == "normal"
    assert result.reference.origin == "file" and result.reference.high == 7.0


def test_a_bare_ref_beside_a_range_column_is_not_a_second_range(write_csv) -> None:
    path = write_csv("Ref,sample_id,marker,value,unit,Reference Range\nA1,S1,IL-6,5.0,pg/mL,0-7\n")
    result = runner.invoke(app, ["validate", path])
    assert result.exit_code == 0, result.output
    assert "column 'Ref' was not read: column 'Reference Range' gives the lab's range" in (
        " ".join(result.output.split())
    )


def test_a_name_column_beside_the_patient_id_says_which_column_gives_it(write_csv) -> None:
    """'PID' beside 'MRN': 'a patient id column is there; it stands in only for …' was hard
    to follow; the warning names the column that gives the patient id."""
    path = write_csv("PID|MRN|TEST|RESULT|UNITS\n1|M001|IL-6|1.3|pg/mL\n", name="obx.txt")
    result = runner.invoke(app, ["validate", path])
    assert "column 'MRN' gives the patient id" in " ".join(result.output.split())


@pytest.mark.parametrize("short_path", [True, False])
def test_an_invisible_character_in_an_id_does_not_make_another_sample(
    write_csv, short_path: bool
) -> None:
    """'S2' and 'S2' with a zero-width space (or a BOM left by `cat` of two exports) were two
    panels, both shown as 'S2'."""
    path = write_csv(
        "sample_id,patient_id,marker,value,unit\nS2,P1,IL-6,1,pg/mL\nS2\u200b,P1,IL-8,4,pg/mL\n"
        "\ufeffS2,P1\u2060,IL-10,1,pg/mL\n"
    )
    events = list(Interpreter(load_ranges(), CheckOptions(), short_path=short_path).events([path]))
    assert {(e.sample_id, e.patient_id) for e in events if hasattr(e, "status")} == {("S2", "P1")}
    assert not [e for e in events if isinstance(e, Issue)]


@pytest.mark.parametrize(
    ("cell", "comparator", "number"),
    [("less than 2", "<", 2.0), ("Less than 2,0", "<", 2.0), ("inférieur à 2", "<", 2.0),
     ("menor de 2", "<", 2.0), ("kleiner 2", "<", 2.0), ("below 0.5 pg/mL", "<", 0.5),
     ("greater than 1000", ">", 1000.0), ("größer als 1000", ">", 1000.0)],
)  # fmt: skip
def test_a_comparator_in_words_before_the_number_is_read(
    cell: str, comparator: str, number: float
) -> None:
    """'less than 2' was 'not a number', where a range column read 'Less than 7.0'."""
    parsed = parse_value(cell, decimal_comma="," in cell)
    assert (parsed.comparator, parsed.number) == (comparator, number)


def test_words_with_no_number_after_them_are_still_refused_as_written() -> None:
    for cell in ("less than abc", "over", "overflow"):
        with pytest.raises(ValueProblem) as problem:
            parse_value(cell)
        assert str(problem.value) == f"value '{cell}' is not a number"


@pytest.mark.parametrize(
    ("cell", "comparator", "limits"),
    [("less than LOD", "<", ("lod", "lloq")), ("less than LLOQ", "<", ("lloq",)),
     ("greater than ULOQ", ">", ("uloq",))],
)  # fmt: skip
def test_a_comparator_in_words_before_an_assay_limit_is_read(
    cell: str, comparator: str, limits: tuple[str, ...]
) -> None:
    """As '<LOD' and 'below LLOQ' are: 'less than LOD' was 'not a number'."""
    parsed = parse_value(cell)
    assert (parsed.comparator, parsed.number, parsed.limits) == (comparator, None, limits)


def test_one_markers_results_far_apart_in_a_sample_are_said_to_be_so(write_csv) -> None:
    """2 pg/mL beside '2000 ng/L' (a unit slip) was summed up by the high one alone."""
    path = write_csv("Sample,IL-6 (pg/mL),IL6 (ng/L),IL-8 (pg/mL)\nS2,2.0,2000,4.0\n")
    (panel,) = check_file(path).panels
    assert (
        "One result for IL-6 is 1,000 times another: 2 pg/mL and 2000 pg/mL, written as 2000 "
        "ng/L. This can happen when a unit is written wrong. Check with the lab which result "
        "is right."
    ) in panel.summary.text
    near = write_csv("sample_id,marker,value,unit\nS1,IL-6,2,pg/mL\nS1,IL-6,3,pg/mL\n", "n.csv")
    (panel,) = check_file(near).panels
    assert not [s for s in panel.summary.text if "times another" in s or not s]


@pytest.mark.parametrize("short_path", [True, False])
def test_a_decimal_comma_after_comma_grouping_says_the_file_writes_both(
    write_csv, short_path: bool
) -> None:
    """'"2,500"' was read as 2500 after '"1,234.5"', and a '"2,5"' below it as 2.5 with no
    word that the file writes ',' both ways (in the other order the file was doubted)."""
    path = write_csv(
        'sample_id,marker,value,unit\nS1,sIL-2R,"1,234.5",pg/mL\nS2,IL-6,"2,500",pg/mL\n'
        'S1,IL-6,"2,5",pg/mL\n'
    )
    events = list(Interpreter(load_ranges(), CheckOptions(), short_path=short_path).events([path]))
    codes = [(e.line, e.code) for e in events if isinstance(e, Issue)]
    assert codes == [(3, "value-comma-groups"), (4, "value-comma-both-ways")]
    (both,) = [e for e in events if isinstance(e, Issue) and e.line == 4]
    assert "'2,5' writes ',' as the decimal mark" in both.message
    assert "('1,234.5')" in both.message and "check such values" in both.message


def test_a_refused_row_with_no_id_gives_the_same_events_on_both_paths(write_csv) -> None:
    """Differential test: a refused row with no id queued its sample-id-missing warning, which
    the general path gave a row later and the short path never (its rejection names the line
    already: no warning now, on either path)."""
    path = write_csv(
        "patient_id,collected_at,marker,value,unit\nS1,2026-01-02,IL-6,0.00,pg/mL\n"
        ",2026-01-02,IL-6,1000000000000.0,pg/mL\nS1,N/A,IL-6,0.00,pg/mL\n"
    )
    said = [
        [
            (e.line, e.code) if isinstance(e, Issue) else (e.line, e.status)
            for e in Interpreter(load_ranges(), CheckOptions(), short_path=short).events([path])
        ]
        for short in (True, False)
    ]
    assert said[0] == said[1]
    assert (3, "value-impossible") in said[0] and (3, "sample-id-missing") not in said[0]


def test_fail_on_critical_with_a_set_of_no_critical_limits_says_so(write_csv, tmp_path) -> None:
    """Developer QA: with the bundled sets '--fail-on critical' could never give 1, unsaid."""
    path = write_csv("sample_id,marker,value,unit\nS1,IL-6,900,pg/mL\n")
    result = runner.invoke(app, ["check", path, "--fail-on", "critical", "-f", "json"])
    assert result.exit_code == 0
    assert "gives no critical limits" in result.stderr
    quiet = runner.invoke(app, ["check", path, "--fail-on", "critical", "-q"])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    own = tmp_path / "own.toml"
    own.write_text(
        '[set]\nname = "own"\nsource = "t"\n[markers."IL-6"]\nunit = "pg/mL"\nhigh = 7\n'
        'critical_high = 100\nsource = "t"\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", path, "--fail-on", "critical", "--ranges", str(own)])
    assert result.exit_code == 1 and "gives no critical limits" not in result.stderr


def test_ranges_init_refuses_an_empty_folder_name(tmp_path, monkeypatch) -> None:
    """Developer QA: 'ranges init "$DIR"' with DIR unset copied the set into '.'."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["ranges", "init", ""])
    assert result.exit_code == 2 and "the folder name is empty" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_hard_link_to_a_file_given_before_is_said_to_be_it(write_csv, tmp_path) -> None:
    """Developer QA: a symbolic link got 'file-repeated', a hard link none (its results were
    counted twice with no word)."""
    path = write_csv("sample_id,marker,value,unit\nS1,IL-6,4.2,pg/mL\n")
    hard = tmp_path / "hard.csv"
    os.link(path, hard)
    result = runner.invoke(app, ["validate", path, str(hard)])
    assert "hard.csv: warning file-repeated: this file was given before" in result.output


@pytest.mark.parametrize("short_path", [True, False])
def test_a_last_comment_column_split_by_the_delimiter_is_read_whole(
    write_csv, short_path: bool
) -> None:
    """Lab QA: 'Hämolyse; bitte wiederholen' unquoted in a ';' file refused the row as having
    too many cells; a value's split decimals beside it are still refused."""
    path = write_csv(
        "sample_id;marker;value;unit;comment\nS1;IL-6;12,5;pg/mL;Hämolyse; bitte wiederholen;\n"
        "S1;IL-8;3,1;pg/mL;ok\n"
    )
    events = list(Interpreter(load_ranges(), CheckOptions(), short_path=short_path).events([path]))
    assert not [e for e in events if isinstance(e, Issue)]
    il6 = next(e for e in events if getattr(e, "marker", None) == "IL-6")
    result = il6.to_result() if hasattr(il6, "to_result") else il6
    assert result.note == "comment from the lab: 'Hämolyse; bitte wiederholen'"
    split = write_csv(
        "sample_id,marker,value,unit,comment\nS1,IL-6,12,5,pg/mL,ok\n", name="split.csv"
    )
    events = list(Interpreter(load_ranges(), CheckOptions(), short_path=short_path).events([split]))
    assert [e.code for e in events if isinstance(e, Issue)] == ["value-split-by-comma"]


def test_a_chemokine_panel_with_a_units_row_is_read(write_csv) -> None:
    """Known, not done last time: 'Sample,MCP-1,MIP-1a,IP-10' over ',pg/mL,pg/mL,pg/mL' (no
    marker of the set) had 'no header'; names alone above a long header are still none."""
    path = write_csv("Sample,MCP-1,MIP-1a,IP-10\n,pg/mL,pg/mL,pg/mL\nS1,120,30,200\n")
    results = [
        e for e in Interpreter(load_ranges(), CheckOptions()).events([path]) if hasattr(e, "status")
    ]
    assert [(r.sample_id, r.marker, r.value, r.unit) for r in results] == [
        ("S1", "MCP-1", 120.0, "pg/mL"), ("S1", "MIP-1a", 30.0, "pg/mL"),
        ("S1", "IP-10", 200.0, "pg/mL"),
    ]  # fmt: skip
    above = write_csv(
        "Analytes,MCP-1,IP-10\nsample_id,marker,value,unit\nS1,IL-6,3,pg/mL\n", name="a.csv"
    )
    result = runner.invoke(app, ["check", above, "-f", "csv"])
    assert "S1,,,IL-6" in result.stdout and "preamble-skipped" in result.stderr + result.stdout


def test_a_weak_range_column_gives_way_to_range_limits_and_to_cells_of_no_range(
    write_csv,
) -> None:
    """Review: 'Ref' beside 'Ref Low'/'Ref High' took the range's role (the lab's 0-7 was
    lost, IL-6 judged high by the set), and a 'Ref' of lab numbers warned on every row."""
    beside = write_csv("sample_id,marker,value,unit,Ref Low,Ref High,Ref\nS1,IL-6,5,pg/mL,0,7,A1\n")
    (result,) = [
        e
        for e in Interpreter(load_ranges(), CheckOptions()).events([beside])
        if hasattr(e, "status")
    ]
    assert result.status == "normal" and result.reference.high == 7.0
    numbers = write_csv(
        "sample_id,marker,value,unit,Ref\nS1,IL-6,5,pg/mL,A1023\nS1,IL-8,4,pg/mL,A1024\n",
        name="numbers.csv",
    )
    issues = [
        e
        for e in Interpreter(load_ranges(), CheckOptions()).events([numbers])
        if isinstance(e, Issue)
    ]
    assert [(e.code, e.column) for e in issues] == [("column-ignored", "Ref")]
    assert "its cells ('A1023') are no ranges" in issues[0].message


def test_a_worded_comparator_cut_at_a_decimal_comma_is_refused_as_split(write_csv) -> None:
    """Review: '<2,5' split by an unquoted comma was refused, 'less than 2,5' read as <2."""
    path = write_csv(
        "sample_id,marker,value,comment,unit\nS1,IL-6,<2,5,pg/mL\nS2,IL-6,less than 2,5,pg/mL\n"
    )
    issues = [
        e for e in Interpreter(load_ranges(), CheckOptions()).events([path]) if isinstance(e, Issue)
    ]
    assert [(e.line, e.code) for e in issues] == [
        (2, "value-split-by-comma"),
        (3, "value-split-by-comma"),
    ]


def test_results_far_apart_in_two_units_of_a_marker_the_set_lacks_are_not_compared(
    write_csv,
) -> None:
    """Review: 2 ng/mL and 2000 pg/mL of a marker the set lacks (one amount) were '1000 times
    apart'."""
    path = write_csv("sample_id,marker,value,unit\nS1,FooX,2000,pg/mL\nS1,FooX,2,ng/mL\n")
    (panel,) = check_file(path).panels
    assert not [s for s in panel.summary.text if "times another" in s]


def test_blank_lines_past_what_is_looked_at_are_not_said_to_be_the_whole_file(tmp_path) -> None:
    path = tmp_path / "blank-head.csv"
    path.write_text("\n" * 70_000 + "sample_id,marker,value,unit\nS1,IL-6,3,pg/mL\n")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2 and "are blank lines" in result.stderr
    assert "only blank lines" not in result.stderr


def test_a_problem_in_an_interval_or_an_inline_table_names_its_keys_line(tmp_path) -> None:
    """Review: an interval's 'hihg' named its [[…intervals]] line, and an inline table's
    problem a stray key's line below it."""
    path = tmp_path / "lab.toml"
    path.write_text(
        '[set]\nname = "iv"\n[markers]\n"IL-6" = { unit = "pg/mL", low = 9, high = 2.5, '
        'source = "x" }\n\n[markers."TNF-α"]\nunit = "pg/mL"\nsource = "x"\n'
        '[[markers."TNF-α".intervals]]\nage_min = 18\nhihg = 10\nlow = 3\n',
        encoding="utf-8",
    )
    out = runner.invoke(app, ["ranges", "validate", str(path)]).stdout
    lines = [line.split(": error")[0].removeprefix(str(path)) for line in out.splitlines()]
    assert lines[:2] == [":4", ":11"], out


@pytest.mark.parametrize(
    "header_and_row",
    ["Ref,Norm\nS1,IL-6,4.2,pg/mL,A12,0-7", "Norm,Ref\nS1,IL-6,4.2,pg/mL,ja,0-7"],
)
def test_a_weak_range_column_of_ranges_is_read_beside_one_of_none(
    write_csv, header_and_row: str
) -> None:
    """QA round 2: with 'Ref' (numbers) and 'Norm' (ranges), both were dropped and IL-6 was
    judged high by the set."""
    path = write_csv(f"sample_id,marker,value,unit,{header_and_row}\n")
    (result,) = [
        e for e in Interpreter(load_ranges(), CheckOptions()).events([path]) if hasattr(e, "status")
    ]
    assert result.status == "normal" and result.reference.high == 7.0


def test_a_filled_down_id_is_named_without_its_invisible_character(write_csv) -> None:
    path = write_csv("sample_id,marker,value,unit\nS1\u200b,IL-6,4.2,pg/mL\n,IL-10,1,pg/mL\n")
    (filled,) = [
        e for e in Interpreter(load_ranges(), CheckOptions()).events([path]) if isinstance(e, Issue)
    ]
    assert filled.code == "sample-id-filled-down" and filled.sample_id == "S1"
    assert "\\u200b" not in filled.message and "\u200b" not in filled.message


@pytest.mark.parametrize(
    ("cell", "comparator"),
    [("more than 5000", ">"), ("higher than 5000", ">"), ("lower than 2", "<"),
     ("less than detection limit", "<")],
)  # fmt: skip
def test_more_worded_comparators_are_read(cell: str, comparator: str) -> None:
    assert parse_value(cell).comparator == comparator


def test_a_narrow_results_long_note_hangs_under_its_words(write_csv) -> None:
    """QA round 2: below 70 columns a result's long note wrapped back to the screen's edge."""
    path = write_csv(
        "sample_id,marker,value,unit,comment\n"
        "S1,IL-6,4.2,pg/mL,Hemolyzed sample. Result may be falsely elevated\n"
    )
    output = CliRunner(env={"COLUMNS": "40"}).invoke(app, ["check", path]).output
    lines = output.splitlines()
    assert any(line.startswith("• IL-6: ") for line in lines), output  # a result's lines
    at = next(n for n, line in enumerate(lines) if "upper limit; comment" in line)
    assert lines[at].startswith("  ") and lines[at + 1].startswith("  "), output


def test_a_refused_rows_comment_is_said_to_be_with_the_rows_not_used(write_csv) -> None:
    path = write_csv(
        "sample_id;marker;value;unit;comment\nS1;IL-6;4,2;pg/mL;a\nS1;IL-8;3;pg/mL;b\n"
        "S1;IL-10;2;pg/mL;c\nS1;TNF-α;Wert;pg/mL;d\n"
    )
    (panel,) = check_file(path).panels
    assert panel.summary.text[-1] == (
        "The lab left comments on TNF-α too (see the notes and the rows that could not be used)."
    ), panel.summary.text


def test_a_dotted_key_a_subtable_and_a_syntax_error_name_their_own_lines(tmp_path) -> None:
    """QA round 2: 'extra.note = …' and '[markers."IL-8".critical]' were named at their
    marker's table line, and a syntax error had no 'file:line:' (only '(at line 3 …)')."""
    path = tmp_path / "lab.toml"
    path.write_text(
        '[set]\nname = "b3"\n[markers."IL-8"]\nunit = "pg/mL"\nhigh = 9\nsource = "x"\n'
        'extra.note = "x"\n[markers."IL-8".critical]\nhigh = 5\n',
        encoding="utf-8",
    )
    out = runner.invoke(app, ["ranges", "validate", str(path)]).stdout
    assert [line.split(": error")[0].removeprefix(str(path)) for line in out.splitlines()] == [
        ":7",
        ":8",
    ], out
    broken = tmp_path / "twice.toml"
    broken.write_text('[set]\nname = "x"\nname = "y"\n', encoding="utf-8")
    out = runner.invoke(app, ["ranges", "validate", str(broken)]).stdout
    assert out.startswith(f"{broken}:3: error ranges-file: TOML syntax error"), out


def test_an_invisible_character_in_a_date_is_no_other_date(write_csv) -> None:
    """QA round 2: '2026-03-03' with a zero-width space was unreadable, and a second date."""
    path = write_csv(
        "sample_id,collected_at,marker,value,unit\nS1,2026-03-03,IL-6,4.2,pg/mL\n"
        "S1,2026-03-03\u200b,IL-8,3,pg/mL\n"
    )
    events = list(Interpreter(load_ranges(), CheckOptions()).events([path]))
    assert not [e for e in events if isinstance(e, Issue)]


@pytest.mark.parametrize("short_path", [True, False])
def test_a_decimal_comma_shown_by_a_range_after_comma_grouping_is_said(
    write_csv, short_path: bool
) -> None:
    """QA round 2: a '"<7,5"' range after '"1,234.5"' gave no value-comma-both-ways."""
    path = write_csv(
        'sample_id,marker,value,unit,range\nS1,sIL-2R,"1,234.5",pg/mL,\n'
        'S2,IL-6,"2,500",pg/mL,\nS1,IL-6,2,pg/mL,"<7,5"\n'
    )
    events = list(Interpreter(load_ranges(), CheckOptions(), short_path=short_path).events([path]))
    (both,) = [e for e in events if isinstance(e, Issue) and e.code == "value-comma-both-ways"]
    assert (both.line, both.column) == (4, "range")
    assert both.message.startswith("range '<7,5' writes ',' as the decimal mark")


@pytest.mark.parametrize(
    ("cell", "limits"),
    [("kleiner NWG", ("lod", "lloq")), ("< NWG", ("lod", "lloq")),
     ("unter Nachweisgrenze", ("lod", "lloq")), ("< BG", ("lloq",))],
)  # fmt: skip
def test_german_limits_of_detection_and_quantification_are_read(
    cell: str, limits: tuple[str, ...]
) -> None:
    """QA round 2: 'kleiner NWG' (below the Nachweisgrenze) was 'not a number'."""
    parsed = parse_value(cell)
    assert (parsed.comparator, parsed.number, parsed.limits) == ("<", None, limits)
