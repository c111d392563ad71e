"""An unquoted decimal comma that pushes a value's decimals into an ignored column ('2,9' read as
2, and 9 under 'Comment') refuses the row, as it does where the next column is the unit's (QA:
IL-6 was read as 2, normal, and only 'Comment' was said to be ignored)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_whose_rows import events_in, results, warnings

from panelcli.models import Issue

LONG = "Sample,Test,Result (pg/mL),{0}\nS1,IL-6,{1},{2}\nS2,IL-8,3,\n"


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize("column", ["Comment", "Notes", "Kommentar"])
def test_a_bare_number_after_the_value_in_an_ignored_column_refuses_the_row(
    tmp_path: Path, short: bool, column: str
) -> None:
    events = events_in(tmp_path, LONG.format(column, "2", "9"), short)
    [split] = warnings(events, "value-split-by-comma")
    assert (split.severity, split.line, split.column) == ("error", 2, "Result (pg/mL)")
    assert (split.sample_id, split.marker) == ("S1", "IL-6")
    assert split.message == (
        f"value '2' is followed by '9' in the '{column}' column; an unquoted decimal comma may "
        "have split the number (quote it or use a '.' decimal point)"
    )
    assert [r.sample_id for r in results(events)] == ["S2"]


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize(
    ("column", "value", "after"),
    [
        ("Comment", "2", "see note"),  # words
        ("Comment", "2.5", "9"),  # the value has its decimal point
        ("Dilution", "2", "4"),  # a number of its own there
        ("Replicate", "2", "1"),
        ("Plate", "2", "3"),
        ("Dilution Factor", "2", "10"),
        ("Ref Low", "2", "0"),  # a known name, not read beside a range column (below)
    ],
)
def test_what_is_no_split_value_is_read(
    tmp_path: Path, short: bool, column: str, value: str, after: str
) -> None:
    text = LONG.format(column, value, after)
    if column == "Ref Low":
        text = text.replace("\n", ",Reference Range\n", 1).replace(f"{after}\n", f"{after},\n")
    events = events_in(tmp_path, text, short)
    assert warnings(events, "value-split-by-comma") == []
    assert [r.sample_id for r in results(events)] == ["S1", "S2"]


@pytest.mark.parametrize("short", [True, False])
def test_a_number_in_a_column_not_next_to_the_value_is_no_split(
    tmp_path: Path, short: bool
) -> None:
    events = events_in(tmp_path, "Sample,Test,Result,Unit,Comment\nS1,IL-6,2,pg/mL,9\n", short)
    assert warnings(events, "value-split-by-comma") == []
    assert [r.value for r in results(events)] == [2.0]


def test_a_semicolon_file_s_comment_is_no_split(tmp_path: Path) -> None:
    """There the comma is the decimal mark: '2,9' would be read as 2.9."""
    events = events_in(tmp_path, "Sample;Test;Result (pg/mL);Comment\nS1;IL-6;2;9\n")
    assert warnings(events, "value-split-by-comma") == []


def test_a_wide_file_s_ignored_column_after_a_marker_is_asked_too(tmp_path: Path) -> None:
    events = events_in(tmp_path, "Sample,IL-8 (pg/mL),IL-6 (pg/mL),Comment\nS1,3,2,9\n")
    [split] = warnings(events, "value-split-by-comma")
    assert (split.column, split.marker) == ("IL-6 (pg/mL)", "IL-6")
    assert [r.marker for r in results(events)] == ["IL-8"]


def test_the_short_path_gives_what_the_general_path_gives(tmp_path: Path) -> None:
    text = "Sample,Test,Result (pg/mL),Comment\n" + "".join(
        f"S{n},IL-6,{value},{after}\n"
        for n in range(1, 5)
        for value in (str(n), f"<{n}", f"{n}.5")
        for after in ("", "9", "ok", "1.5")
    )
    assert events_in(tmp_path, text, True) == events_in(tmp_path, text, False)


#: Columns that may hold a number of their own beside a value (QA: each refused a clean row).
NUMBER_COLUMNS = [
    "Volume (uL)", "Box", "Rack", "Tube", "Freeze-thaw cycles", "BMI", "Temperature", "Score",
    "Cycle", "Weight (kg)", "Volume (mL)", "Notes (mL)",  # a unit: numbers, whatever the name
    "Status", "QC Flag", "Observation",  # codes (0, 1) or the value itself, in some labs
]  # fmt: skip


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize("column", NUMBER_COLUMNS)
def test_a_column_not_named_as_text_s_number_is_no_split(
    tmp_path: Path, short: bool, column: str
) -> None:
    """Only a column named as holding text (or no name) is asked: 'S1,IL-6,12,50,pg/mL' under
    'value,Volume (uL),unit' was refused as a split '12,50' (QA)."""
    text = f"sample_id,marker,value,{column},unit\nS1,IL-6,12,50,pg/mL\nS2,IL-8,3,25,pg/mL\n"
    events = events_in(tmp_path, text, short)
    assert warnings(events, "value-split-by-comma") == []
    assert [(r.sample_id, r.value) for r in results(events)] == [("S1", 12.0), ("S2", 3.0)]


@pytest.mark.parametrize("column", NUMBER_COLUMNS)
def test_a_wide_file_s_column_not_named_as_text_is_no_split(tmp_path: Path, column: str) -> None:
    text = f"Sample ID,IL-6 (pg/mL),{column},IL-8 (pg/mL)\nS1,3,2,12\n"
    events = events_in(tmp_path, text)
    assert warnings(events, "value-split-by-comma") == []
    assert [(r.marker, r.value) for r in results(events)] == [("IL-6", 3.0), ("IL-8", 12.0)]


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize(
    "column",
    ["Lab Comment", "Result Text", "QC Note", "Interpretation", "Remarks",
     "Annotation", "Comment 1", "Bemerkung", "Commentaire", "Observaciones"],
)  # fmt: skip
def test_a_column_named_as_text_is_asked(tmp_path: Path, short: bool, column: str) -> None:
    events = events_in(tmp_path, LONG.format(column, "2", "9"), short)
    [split] = warnings(events, "value-split-by-comma")
    assert (split.line, split.sample_id) == (2, "S1")
    assert [r.sample_id for r in results(events)] == ["S2"]


@pytest.mark.parametrize("short", [True, False])
def test_a_column_with_no_name_is_asked(tmp_path: Path, short: bool) -> None:
    text = "Sample,Test,Result (pg/mL),,Unit\nS1,IL-6,2,9,pg/mL\nS2,IL-8,3,,pg/mL\n"
    events = events_in(tmp_path, text, short)
    [split] = warnings(events, "value-split-by-comma")
    assert (split.line, split.sample_id) == (2, "S1")
    assert [r.sample_id for r in results(events)] == ["S2"]


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize("value", ["<2", ">1000", "< 2", "<=2", "≤2"])
def test_a_censored_value_s_decimals_in_a_text_column_refuse_the_row(
    tmp_path: Path, short: bool, value: str
) -> None:
    """'<2,5' unquoted is '<2' and 5 under 'Comment': it was read as '<2', normal (QA)."""
    events = events_in(tmp_path, LONG.format("Comment", value, "5"), short)
    [split] = warnings(events, "value-split-by-comma")
    assert (split.line, split.sample_id) == (2, "S1")
    assert split.message.startswith(f"value '{value}' is followed by '5' in the 'Comment' column")
    assert [r.sample_id for r in results(events)] == ["S2"]


def test_a_wide_file_s_censored_value_is_asked_too(tmp_path: Path) -> None:
    text = "sample_id,IL-6 (pg/mL),Comment,IL-8 (pg/mL)\nS1,<2,5,12\nS2,<2.5,5,12\n"
    events = events_in(tmp_path, text)
    [split] = warnings(events, "value-split-by-comma")
    assert (split.line, split.marker) == (2, "IL-6")
    assert [(r.line, r.marker) for r in results(events)] == [(2, "IL-8"), (3, "IL-6"), (3, "IL-8")]


@pytest.mark.parametrize("short", [True, False])
def test_a_censored_value_s_decimals_in_the_unit_column_refuse_the_row(
    tmp_path: Path, short: bool
) -> None:
    """'<2,5' before the unit column: said as a split, not as an unknown unit '5'; '-2,5' as a
    split, not as a negative value (QA)."""
    text = "sample_id,marker,value,unit\nS1,IL-6,<2,5\nS2,IL-6,>1000,5\nS3,IL-6,-2,5\n"
    events = events_in(tmp_path, text, short)
    splits = warnings(events, "value-split-by-comma")
    assert [(s.line, s.message.split(";")[0]) for s in splits] == [
        (2, "value '<2' is followed by '5' in the unit column"),
        (3, "value '>1000' is followed by '5' in the unit column"),
        (4, "value '-2' is followed by '5' in the unit column"),
    ]
    assert results(events) == []
    assert [e.code for e in events if isinstance(e, Issue)] == ["value-split-by-comma"] * 3


@pytest.mark.parametrize("short", [True, False])
def test_a_split_value_s_flag_is_not_said_to_be_judged_without(tmp_path: Path, short: bool) -> None:
    """QA: a row refused as split ('2' and '9' under 'Comments') also got 'flag-unreadable:
    the value was judged without it' for the flag the split had pushed along."""
    text = "sample_id,marker,value,Comments,Flag,unit\nA,IL-6,2,9,1,pg/mL\nB,IL-6,3,ok,1,pg/mL\n"
    events = events_in(tmp_path, text, short)
    issues = [e for e in events if isinstance(e, Issue) and e.code != "column-ignored"]
    assert [(i.code, i.line) for i in issues] == [
        ("value-split-by-comma", 2), ("flag-unreadable", 3)
    ]  # fmt: skip
    assert [r.sample_id for r in results(events)] == ["B"]
    # review: split into the unit column, the flag column holds the unit
    text = "sample_id,marker,value,unit,flag\nS1,IL-6,-2,5,pg/mL\nS2,IL-6,<2,5,pg/mL\n"
    events = events_in(tmp_path, text, short)
    assert [(e.code, e.line) for e in events if isinstance(e, Issue)] == [
        ("value-split-by-comma", 2), ("value-split-by-comma", 3)
    ]  # fmt: skip


# A row showing the column's own number beside a value no comma can have cut ('12.5' and '3'
# under 'Comment') stops the column being asked, for the rest of the file.

LEARNT = "Sample,Test,Result (pg/mL),Comment\nS1,IL-6,2,9\nS2,IL-6,12.5,3\nS3,IL-6,2,9\n"


@pytest.mark.parametrize("short", [True, False])
def test_a_column_shown_holding_its_own_number_is_asked_no_more(
    tmp_path: Path, short: bool
) -> None:
    events = events_in(tmp_path, LEARNT, short)
    assert [w.line for w in warnings(events, "value-split-by-comma")] == [2]
    assert [(r.sample_id, r.value) for r in results(events)] == [("S2", 12.5), ("S3", 2.0)]


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize("shown", ["ND", "12 pg/mL", "n.n."])
def test_any_value_no_comma_can_have_cut_shows_it(tmp_path: Path, short: bool, shown: str) -> None:
    events = events_in(tmp_path, LEARNT.replace("12.5,3", f"{shown},3"), short)
    assert [w.line for w in warnings(events, "value-split-by-comma")] == [2]
    assert ("S3", 2.0) in [(r.sample_id, r.value) for r in results(events)]


@pytest.mark.parametrize("short", [True, False])
def test_a_value_a_comma_may_have_cut_shows_nothing(tmp_path: Path, short: bool) -> None:
    events = events_in(tmp_path, LEARNT.replace("12.5,3", "<2,3"), short)
    assert [w.line for w in warnings(events, "value-split-by-comma")] == [2, 3, 4]


def test_a_wide_file_s_column_is_learnt_for_its_marker(tmp_path: Path) -> None:
    text = (
        "Sample,IL-6 (pg/mL),Comment,IL-8 (pg/mL),Notes\n"
        "S1,2.5,3,12,5\nS2,2,9,12,5\n"
    )  # fmt: skip
    events = events_in(tmp_path, text)
    splits = warnings(events, "value-split-by-comma")
    assert [(w.line, w.marker) for w in splits] == [(2, "IL-8"), (3, "IL-8")]
    assert [(r.line, r.marker) for r in results(events)] == [(2, "IL-6"), (3, "IL-6")]


def test_batches_learn_it_as_check_does(tmp_path: Path) -> None:
    from test_comma_file_decimal_mark import RANGES, runner

    from panelcli.batches import read_batches
    from panelcli.cli import app
    from panelcli.render.ndjson import ndjson_batch, ndjson_join

    lines = ["sample_id,marker,value,Comment", "S0,IL-6,2,9", "S1,IL-6,2.5,3"]
    lines += [f"S{n},IL-8,{n % 9 + 1},5" for n in range(2, 30)]
    path = tmp_path / "learnt.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = runner.invoke(app, ["check", str(path), "--format", "ndjson"]).stdout
    assert expected.count('"value-split-by-comma"') == 1
    for rows_per_batch in (1, 2, 7, 1000):
        parts = [ndjson_batch(b, RANGES) for b in read_batches(str(path), RANGES, rows_per_batch)]
        assert "".join(ndjson_join(parts, RANGES.info)) == expected


@pytest.mark.parametrize(
    ("first_half", "second_half", "splits"),
    [
        ("4.5,3", "4,5", 0),  # learnt before the cut: one process reads the second part's '4,5'
        ("", "4,5", 1000),  # never learnt: refused on both sides
        ("", "4.5,3", 0),  # learnt only after the cut, as the forked process learns it
    ],
)
def test_two_processes_learn_it_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first_half: str, second_half: str,
    splits: int,
) -> None:  # fmt: skip
    from test_comma_file_decimal_mark import MARKERS, one_process, two

    from panelcli import split

    def rows(first: int, count: int, cells: str) -> str:
        return "".join(
            f"S-{i // 6},P-{i // 60},2026-01-01,{MARKERS[i % 6]},{cells or f'{i % 9}.5,'},pg/mL\n"
            for i in range(first, first + count)
        )

    monkeypatch.setattr(split, "MIN_BYTES", 0)
    path = tmp_path / "big.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,Comment,unit\n"
        + rows(0, 1000, first_half) + rows(1000, 2500, "") + rows(3500, 1000, second_half)
        + rows(4500, 1500, ""),
        encoding="utf-8",
    )  # fmt: skip
    text = two(path)
    assert text == one_process(path)
    assert text.count('"code":"value-split-by-comma"') == splits


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize(
    "header", ["sample_id,marker,value,unit", "sample_id,marker,Value (pg/mL),unit"]
)
@pytest.mark.parametrize("marker", ["IL-6 (pg/mL)", "IL-6"])
def test_a_split_is_said_where_a_header_or_marker_cell_gives_the_unit(
    tmp_path: Path, short: bool, header: str, marker: str
) -> None:
    """Review: 'IL-6 (pg/mL),12,5' was a unit-conflict ('the marker gives pg/mL but the unit
    column says 5'), not the split that plain 'IL-6,12,5' is said to be."""
    events = events_in(tmp_path, f"{header}\nS1,{marker},12,5\nS2,{marker},<2,5\n", short)
    assert [w.line for w in warnings(events, "value-split-by-comma")] == [2, 3]
    assert warnings(events, "unit-conflict") == []


@pytest.mark.parametrize("short", [True, False])
def test_a_split_negative_is_said_and_no_refused_value_teaches(tmp_path: Path, short: bool) -> None:
    """QA: '-2,5' was refused as negative, and it, or 'abc' or '<' beside a number, taught the
    'Comment' column to hold numbers: a later '2,9' was read as 2 without a word."""
    text = (
        "sample_id,marker,value,Comment,unit\nT,IL-6,-2,5,pg/mL\nV,IL-6,abc,5,pg/mL\n"
        "W,IL-6,<,5,pg/mL\nU,IL-6,2,9,pg/mL\n"
    )
    events = events_in(tmp_path, text, short)
    assert [w.line for w in warnings(events, "value-split-by-comma")] == [2, 5]
    assert results(events) == []


def test_an_unnamed_column_is_said_by_its_number(tmp_path: Path) -> None:
    """QA: "value '2' is followed by '9' in the '' column"."""
    text = "Sample,Test,Result (pg/mL),,Unit\nS1,IL-6,2,9,pg/mL\n"
    [split] = warnings(events_in(tmp_path, text, True), "value-split-by-comma")
    assert "followed by '9' in column 4, which has no name;" in split.message


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize(
    ("header", "row", "column"),
    [
        # QA: IL-6 2,6 was read as 2, normal, and exit 0; '6' only got 'not a flag panelcli reads'
        ("Sample,Test,Result (pg/mL),Flag", "S1,IL-6,2,6,", "Flag"),
        ("Sample,Test,Result (pg/mL),Reference range,Comment,,", "S1,IL-6,2,6,0-2.5,,,",
         "Reference range"),
        ("Sample,IL-6 (pg/mL),IL-6 Flag", "S1,2,6,", "IL-6 Flag"),
        ("Sample,IL-6 (pg/mL),IL-6 Reference Range", "S1,2,6,", "IL-6 Reference Range"),
        # review: rows that leave off their blank cells, or a header with more columns
        ("Sample,Test,Result (pg/mL),Flag,Comment", "S1,IL-6,2,6", "Flag"),
        ("Sample,Test,Result (pg/mL),Reference range", "S1,IL-6,2,6", "Reference range"),
    ],
)  # fmt: skip
def test_a_bare_number_in_the_flag_or_range_column_after_the_value_refuses_the_row(
    tmp_path: Path, short: bool, header: str, row: str, column: str
) -> None:
    """A bare number in the lab's flag or range column after a value a decimal comma may have
    cut: the value's decimals, pushed along by the comma."""
    events = events_in(tmp_path, f"{header}\n{row}\n", short)
    [split] = [e for e in events if isinstance(e, Issue) and e.line == 2]  # and nothing else
    assert (split.code, split.sample_id, split.marker) == ("value-split-by-comma", "S1", "IL-6")
    assert f"in the '{column}' column" in split.message
    assert results(events) == []


@pytest.mark.parametrize("short", [True, False])
def test_a_flag_or_range_beside_a_whole_number_is_read(tmp_path: Path, short: bool) -> None:
    text = "Sample,Test,Result (pg/mL),Flag,Reference range\nS1,IL-6,3,H,0-2.5\nS2,IL-6,2,,<2.5\n"
    events = events_in(tmp_path, text, short)
    assert warnings(events, "value-split-by-comma") == []
    assert [(r.sample_id, r.status) for r in results(events)] == [("S1", "high"), ("S2", "normal")]
    # review: flag codes (0, 1) or bare upper limits are the lab's own once a row shows it
    # (a number there beside a value no comma can have cut), even in rows that end with a
    # blank cell the header lacks; before such a row, they are refused, never misread
    for text in (
        "Sample,Test,Result (pg/mL),Flag\nS0,IL-6,2.2,0,\nS1,IL-6,12,1,\nS2,IL-6,3,0,\n",
        "Sample,Test,Result (pg/mL),Reference range\nS0,IL-6,2.2,7\nS1,IL-6,12,7\nS2,IL-6,3,7\n",
    ):
        events = events_in(tmp_path, text, short)
        assert warnings(events, "value-split-by-comma") == []
        assert [r.sample_id for r in results(events)] == ["S0", "S1", "S2"]
        unlearnt = events_in(tmp_path, text.replace("S0,IL-6,2.2", "S0,IL-6,2"), short)
        assert len(warnings(unlearnt, "value-split-by-comma")) == 3


@pytest.mark.parametrize("short", [True, False])
def test_a_row_with_every_column_filled_to_the_end_was_not_split(
    tmp_path: Path, short: bool
) -> None:
    """Review: 'S1,IL-6,12,1,ok' under 'Result,Flag,Comment' was refused as split, though a
    split would have pushed 'ok' into a sixth cell: a flag cell is there in its own right."""
    text = "Sample,Test,Result (pg/mL),Flag,Comment\nS1,IL-6,12,1,ok\nS2,IL-6,3,0,ok\nS3,IL-6,2,6\n"
    events = events_in(tmp_path, text, short)
    assert [w.line for w in warnings(events, "value-split-by-comma")] == [4]
    assert [r.sample_id for r in results(events)] == ["S1", "S2"]
