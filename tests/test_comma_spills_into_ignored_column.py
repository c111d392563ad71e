"""An unquoted decimal comma that pushes a value's decimals into an ignored column ('2,9' read as
2, and 9 under 'Comment') refuses the row, as it does where the next column is the unit's (QA:
IL-6 was read as 2, normal, and only 'Comment' was said to be ignored)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_whose_rows import events_in, results, warnings

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
    ["Lab Comment", "Result Text", "Status", "Interpretation", "QC Flag", "Remarks",
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
    """'<2,5' before the unit column: said as a split, not as an unknown unit '5'."""
    text = "sample_id,marker,value,unit\nS1,IL-6,<2,5\nS2,IL-6,>1000,5\n"
    events = events_in(tmp_path, text, short)
    splits = warnings(events, "value-split-by-comma")
    assert [(s.line, s.message.split(";")[0]) for s in splits] == [
        (2, "value '<2' is followed by '5' in the unit column"),
        (3, "value '>1000' is followed by '5' in the unit column"),
    ]
    assert results(events) == []
