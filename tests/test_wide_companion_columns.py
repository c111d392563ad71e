"""A wide export's columns of one marker's own unit, range or flag ('IL-8 Unit', 'IL-6
Reference Range', 'IL-6 Flag') are read with that marker's value.

QA: they were each 'not a known marker or field and was not read'; IL-8 5 ng/mL was then
refused as having no unit, and IL-6 4.5 was judged high by the set's range though the lab's
range (0-7) and flag (N) were in the same row.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_whose_rows import events_in, results

from panelcli.check import CheckOptions, Interpreter
from panelcli.models import Issue, Status
from panelcli.ranges import load_ranges
from panelcli.reading import map_header

HEADER = "Sample ID,IL-6 (pg/mL),IL-6 Flag,IL-6 Reference Range,IL-8 Result,IL-8 Unit,Freezer Box\n"


def _issues(events: list) -> list[tuple[str, int | None, str | None]]:
    return [(e.code, e.line, e.column) for e in events if isinstance(e, Issue)]


def test_the_header_pairs_each_marker_with_its_own_columns() -> None:
    known = Interpreter(load_ranges(None), CheckOptions()).known_marker
    layout = map_header(HEADER.strip().split(","), known)
    assert layout is not None and layout.kind == "wide"
    assert layout.companions == {1: {"lab_flag": 2, "reference_range": 3}, 4: {"unit": 5}}
    assert layout.ignored == ["Freezer Box"]  # only what belongs to no marker is left unread


def test_a_marker_s_own_unit_range_and_flag_are_read_with_its_value(tmp_path: Path) -> None:
    events = events_in(tmp_path, HEADER + "S1,4.5,N,0-7,5,ng/mL,\n")
    il6, il8 = results(events)
    assert (il6.status, il6.flags, il6.reference and il6.reference.origin) == (
        Status.NORMAL, ["N"], "file"
    )  # fmt: skip
    assert (il8.value, il8.unit, il8.original_unit, il8.status) == (
        5000.0, "pg/mL", "ng/mL", Status.HIGH
    )  # fmt: skip
    # the lab's range differs from the set's: said of the column that gives it
    assert ("range-disagrees", 2, "IL-6 Reference Range") in _issues(events)
    assert "column-ignored" in [code for code, _, _ in _issues(events)]  # 'Freezer Box' only
    assert [i for i in _issues(events) if i[0] == "column-ignored"] == [
        ("column-ignored", 1, "Freezer Box")
    ]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        # a flag panelcli cannot read: judged without it, said of the flag's column
        ("S1,3,?,,3,pg/mL,", [("flag-unreadable", 2, "IL-6 Flag")]),
        # 'ND' flagged high: refused, naming the flag's column
        ("S1,ND,H,,3,pg/mL,", [("flag-conflict", 2, "IL-6 Flag")]),
        # the unit column left blank beside a header with no unit
        ("S1,3,,,3,,", [("unit-missing", 2, "IL-8 Unit")]),
    ],
)
def test_problems_in_a_marker_s_own_columns_name_them(
    tmp_path: Path, row: str, expected: list[tuple[str, int, str]]
) -> None:
    events = events_in(tmp_path, HEADER + row + "\n")
    assert [i for i in _issues(events) if i[0] != "column-ignored"] == expected


def test_a_unit_column_that_disagrees_with_the_header_refuses_the_value(tmp_path: Path) -> None:
    text = "Sample ID,IL-6 (pg/mL),IL-6 Units\nS1,3,ng/mL\nS2,4,pg/mL\n"
    events = events_in(tmp_path, text)
    (conflict,) = [e for e in events if isinstance(e, Issue)]
    assert (conflict.code, conflict.line) == ("unit-conflict", 2)
    assert conflict.message.startswith("the header gives 'pg/mL' but 'IL-6 Units' says 'ng/mL'; ")
    assert [r.sample_id for r in results(events)] == ["S2"]


def test_a_marker_given_twice_has_no_own_columns(tmp_path: Path) -> None:
    """Which of two IL-6 columns 'IL-6 Flag' belongs to is not known: it is not read."""
    text = "Sample ID,IL-6 (pg/mL),IL-6 (ng/L),IL-6 Flag\nS1,3,3,N\n"
    events = events_in(tmp_path, text)
    assert ("column-ignored", 1, "IL-6 Flag") in _issues(events)
    assert all(r.flags != ["N"] or r.status is Status.NORMAL for r in results(events))


def test_replicate_columns_share_their_marker_s_own_columns(tmp_path: Path) -> None:
    """Review: 'IL-6 Rep 1' and 'IL-6 Rep 2' were 'two columns', so 'IL-6 Unit' was not read
    and every IL-6 value was refused as having no unit."""
    text = "Sample ID,IL-6 Rep 1,IL-6 Rep 2,IL-6 Unit\nS1,3,4,ng/mL\n"
    events = events_in(tmp_path, text)
    assert [(r.value, r.original_unit) for r in results(events)] == [
        (3000.0, "ng/mL"), (4000.0, "ng/mL")
    ]  # fmt: skip


@pytest.mark.parametrize("header", ["IL-10 Reference Range (pg/mL)", "IL-10 Ref Range [pg/mL]"])
def test_a_range_column_with_a_unit_in_its_header_is_the_marker_s_range(
    tmp_path: Path, header: str
) -> None:
    """Review: its '0-10' was refused as 'a range, not a result' of a second IL-10 column."""
    events = events_in(tmp_path, f"Sample ID,IL-10 (pg/mL),{header}\nS1,8,0-10\n")
    (result,) = results(events)
    assert (result.status, result.reference and result.reference.origin) == (
        Status.NORMAL, "file"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("header", "row", "high", "status"),
    [
        # QA: the header's unit was ignored, and 0.5 ng/mL (500 pg/mL) was normal by 0-3000
        ("IL-6 (ng/mL),IL-6 Reference Range (pg/mL)", "0.5,0-3", 3.0, Status.HIGH),
        ("IL-6 (pg/mL),IL-6 Reference Range (ng/mL)", "5,0-0.009", 9.0, Status.NORMAL),
        ("IL-6 (pg/mL),IL-6 Reference Range (ng/mL)", "5,0-3 pg/mL", 3.0, Status.HIGH),
    ],
)
def test_a_marker_s_range_column_is_read_in_its_header_s_unit(
    tmp_path: Path, header: str, row: str, high: float, status: Status
) -> None:
    events = events_in(tmp_path, f"Sample ID,{header}\nS1,{row}\n")
    (result,) = results(events)
    assert result.reference is not None and result.reference.origin == "file"
    assert (result.reference.high, result.status) == (high, status)


def test_a_flag_beside_a_blank_value_refuses_it(tmp_path: Path) -> None:
    """Review: a blank IL-6 flagged 'H' was only counted as a blank cell."""
    events = events_in(tmp_path, "Sample ID,IL-6 (pg/mL),IL-6 Flag,IL-8 (pg/mL)\nS1,,H,5\n")
    (missing,) = [e for e in events if isinstance(e, Issue)]
    assert (missing.code, missing.column, missing.marker) == (
        "value-missing", "IL-6 (pg/mL)", "IL-6"
    )  # fmt: skip
    assert missing.message == "value is empty, but 'IL-6 Flag' flags it 'H'"


@pytest.mark.parametrize(
    ("header", "why"),
    [
        ("Sample ID,IL-6 (pg/mL),IL-10 Flag",
         "it gives IL-10's flag, but the file has no column of IL-10's results"),
        ("Sample ID,IL-6 (pg/mL),IL-6 (ng/L),IL-6 Flag",
         "it gives IL-6's flag, but the file has 2 columns of IL-6, so which one's is not known"),
        ("Sample ID,IL-6 (pg/mL),IL-6 Range,IL-6 Reference Range",
         "it gives IL-6's range, which 'IL-6 Range' gives already"),
    ],
)  # fmt: skip
def test_a_marker_s_own_column_that_is_not_read_says_why(
    tmp_path: Path, header: str, why: str
) -> None:
    events = events_in(
        tmp_path, header + "\n" + ",".join(["S1"] + ["3"] * header.count(",")) + "\n"
    )
    ignored = [e for e in events if isinstance(e, Issue) and e.code == "column-ignored"]
    assert [i.message.split("was not read: ")[1] for i in ignored] == [why]


def test_a_blank_unit_of_a_marker_s_own_unit_column_is_said_of_it(tmp_path: Path) -> None:
    events = events_in(tmp_path, "Sample ID,IL-6,IL-6 Unit\nS1,3,\n")
    (missing,) = [e for e in events if isinstance(e, Issue)]
    assert (missing.code, missing.column) == ("unit-missing", "IL-6 Unit")


def test_a_marker_s_own_column_may_name_it_by_another_of_its_names(tmp_path: Path) -> None:
    """Review: 'IL-8 Reference Range' beside 'Interleukin-8 (pg/mL)', and 'TNF Unit' beside
    'TNF-alpha', were not read: they were matched by spelling only."""
    text = (
        "Sample ID,Interleukin-8 (pg/mL),IL-8 Reference Range,TNF-alpha,TNF Unit\n"
        "S1,50,0-100,20,pg/mL\n"
    )
    il8, tnf = results(events_in(tmp_path, text))
    assert (il8.status, il8.reference and il8.reference.origin) == (Status.NORMAL, "file")
    assert (tnf.unit, tnf.status) == ("pg/mL", Status.HIGH)


def test_a_value_refused_as_empty_is_said_to_be_empty() -> None:
    """QA: '1 value has no value.'"""
    from panelcli.summary import rejected_sentences

    said = rejected_sentences({"value-missing": 2}, values={"value-missing": 2})
    assert said[1] == "2 values are empty."
    assert rejected_sentences({"value-missing": 1})[1] == "1 row has no value."


def test_a_marker_s_own_low_and_high_columns_are_its_range(tmp_path: Path) -> None:
    """QA: 'IL-6 Ref Low (ng/mL)' and 'IL-6 Ref High (ng/mL)' were read as the results of
    markers 'IL-6 Ref Low' and 'IL-6 Ref High'; then they were said not read. They are the
    lab's range, read in their headers' unit, as a long file's 'Ref Low' and 'Ref High' are."""
    header = "Sample ID,IL-6 (pg/mL),IL-6 Ref Low (ng/mL),IL-6 Ref High (ng/mL),IL-8,IL-8 Ref High"
    events = events_in(tmp_path, f"{header}\nS1,5,0,0.003,4 pg/mL,9\nS2,2,,,4 pg/mL,\n")
    found = [(r.marker, r.status, r.reference and r.reference.text) for r in results(events)]
    assert found == [
        ("IL-6", Status.HIGH, "0 - 3 pg/mL"),  # 0.003 ng/mL, in the value's unit
        ("IL-8", Status.NORMAL, "≤ 9 pg/mL"),  # a high limit alone
        ("IL-6", Status.NORMAL, "≤ 2.5 pg/mL"),  # blank limits: the set's range
        ("IL-8", Status.NORMAL, "≤ 9.4 pg/mL"),
    ]
    assert [r.reference and r.reference.origin for r in results(events)][:2] == ["file"] * 2
    assert ("range-disagrees", 2, "IL-6 Ref Low (ng/mL) / IL-6 Ref High (ng/mL)") in _issues(events)
    assert not [i for i in _issues(events) if i[0] == "column-ignored"]


@pytest.mark.parametrize(
    ("header", "row", "why"),
    [
        # beside the marker's own range column: that one is read
        ("IL-6 Reference Range,IL-6 Ref Low,IL-6 Ref High", "S1,5,0-7,0,2",
         "gives a limit of the range, which 'IL-6 Reference Range' gives already"),
        # headers giving two units, or a unit and none: no one unit reads them
        ("IL-6 Ref Low (ng/mL),IL-6 Ref High (pg/mL)", "S1,5,0,2",
         "the low and high columns' headers give two units (ng/mL, pg/mL)"),
        ("IL-6 Ref Low (ng/mL),IL-6 Ref High", "S1,5,0,2",
         "only one of the low and high columns' headers gives a unit (ng/mL)"),
    ],
)  # fmt: skip
def test_a_marker_s_low_and_high_columns_not_read_say_why(
    tmp_path: Path, header: str, row: str, why: str
) -> None:
    events = events_in(tmp_path, f"Sample ID,IL-6 (pg/mL),{header}\n{row}\n")
    said = [e for e in events if isinstance(e, Issue) and e.code == "column-ignored"]
    assert [e.column for e in said] == [h for h in header.split(",") if "Ref " in h]
    assert all(why in e.message for e in said), [e.message for e in said]
    [il6] = results(events)
    # the range column where there is one, else the set's
    assert il6.reference is not None
    assert il6.reference.text == ("0 - 7 pg/mL" if "Reference Range" in header else "≤ 2.5 pg/mL")


def test_a_marker_s_low_and_high_columns_with_decimal_commas(tmp_path: Path) -> None:
    header = "Sample ID;IL-6 (pg/mL);IL-6 Ref Low;IL-6 Ref High"
    events = events_in(tmp_path, f"{header}\nS1;2,6;0,5;2,5\nS2;1,5;0,5;2,5\n")
    assert [(r.value, r.status) for r in results(events)] == [
        (2.6, Status.HIGH), (1.5, Status.NORMAL)
    ]  # fmt: skip
    assert [r.reference and r.reference.text for r in results(events)] == ["0.5 - 2.5 pg/mL"] * 2


@pytest.mark.parametrize("header", ["IL-6 Ref Low,IL-6 Ref High", "IL-6 Reference Range"])
def test_a_units_row_gives_a_marker_s_own_range_columns_their_unit(
    tmp_path: Path, header: str
) -> None:
    """QA: 'ng/mL' in the units row under 'IL-6 Ref Low'/'Ref High' was not read: 0-0.002
    ng/mL was taken as 0-0.002 pg/mL, and IL-6 1.0 pg/mL 500 times its upper limit."""
    ranges = "0,0.002" if "Low" in header else "0-0.002"
    units = "ng/mL,ng/mL" if "Low" in header else "ng/mL"
    events = events_in(tmp_path, f"sample_id,IL-6,{header}\nUnits,pg/mL,{units}\nS1,1.0,{ranges}\n")
    [il6] = results(events)
    assert (il6.status, il6.reference and il6.reference.text) == (Status.NORMAL, "0 - 2 pg/mL")


@pytest.mark.parametrize(
    ("header", "units", "expected"),
    [
        # a blank unit cell under the low limit (its 0 needs none): the high's unit for both
        ("IL-6 Ref Low,IL-6 Ref High", ",ng/mL", "0 - 2 pg/mL"),
        # two units, or the units row against the header: not read, the set's range judges
        ("IL-6 Ref Low,IL-6 Ref High", "pg/mL,ng/mL", "≤ 2.5 pg/mL"),
        ("IL-6 Reference Range (pg/mL)", "ng/mL", "≤ 2.5 pg/mL"),
    ],
)
def test_a_units_row_that_gives_a_range_two_units_is_not_read_in_the_value_s(
    tmp_path: Path, header: str, units: str, expected: str
) -> None:
    """Review: where the units row's range units were not all given and alike, the range was
    read in the value's unit, silently: 0-0.002 ng/mL as 0-0.002 pg/mL."""
    ranges = "0,0.002" if "Low" in header else "0-0.002"
    events = events_in(tmp_path, f"sample_id,IL-6,{header}\n,pg/mL,{units}\nS1,1.0,{ranges}\n")
    [il6] = results(events)
    assert (il6.status, il6.reference and il6.reference.text) == (Status.NORMAL, expected)
    # the range not read is said, of each of its columns, at the units row (review: silent)
    ignored = [(c, line, col) for c, line, col in _issues(events) if c == "column-ignored"]
    assert ignored == ([] if "2 pg/mL" in expected else [
        ("column-ignored", 2, column) for column in header.split(",")
    ])  # fmt: skip


def test_a_units_row_s_dash_under_a_range_limit_is_no_unit(tmp_path: Path) -> None:
    """Review: '-' under 'IL-6 Ref Low' counted as a unit, and the lab's 0-5 was lost."""
    events = events_in(
        tmp_path, "sample_id,IL-6,IL-6 Ref Low,IL-6 Ref High\n,pg/mL,-,pg/mL\nS1,3.0,0,5\n"
    )
    [il6] = results(events)
    assert (il6.status, il6.reference and il6.reference.text) == (Status.NORMAL, "0 - 5 pg/mL")


def test_a_marker_s_own_status_column_is_read_as_a_result_status(tmp_path: Path) -> None:
    """QA: 'TNF-α Status' X (cancelled) beside TNF-α 3.0 was judged normal, IL-8's 'P' had no
    word, and a pending TNF-α with no value was only a blank cell ('not measured')."""
    text = (
        "Sample ID,IL-6 (pg/mL),IL-6 Status,IL-8 (pg/mL),IL-8 Status,TNF-α (pg/mL),TNF-α Status\n"
        "A1,12.0,F,5.0,P,3.0,X\nA2,1.0,C,,P,,I\n"
    )
    events = events_in(tmp_path, text)
    assert [(r.line, r.marker) for r in results(events)] == [(2, "IL-6"), (2, "IL-8"), (3, "IL-6")]
    assert _issues(events) == [
        ("result-preliminary", 2, "IL-8 Status"), ("result-not-given", 2, "TNF-α Status"),
        ("result-corrected", 3, "IL-6 Status"), ("result-not-given", 3, "IL-8 Status"),
        ("result-not-given", 3, "TNF-α Status"),
    ]  # fmt: skip
    cancelled = [e for e in events if isinstance(e, Issue) and e.code == "result-not-given"][0]
    assert (cancelled.sample_id, cancelled.marker, cancelled.message) == (
        "A1", "TNF-α", "the result status 'X' says this result was cancelled (no result); this "
        "result was not judged",
    )  # fmt: skip


def test_a_marker_s_status_column_of_flags_says_so(tmp_path: Path) -> None:
    """Review: 'IL-6 Status' of 'High' is the lab's flag under another name; 'N' beside a
    value (normal, to many labs; HL7's 'not asked') is judged, as in a long file (QA)."""
    events = events_in(
        tmp_path,
        "Sample ID,IL-6 (pg/mL),IL-6 Status\nA1,12.0,High\nA2,1.0,N\nA3,1.0,X\nA4,,N\n",
    )
    assert [r.sample_id for r in results(events)] == ["A1", "A2"]
    unread = [e for e in events if isinstance(e, Issue) and e.code == "result-status-unread"]
    assert [e.message for e in unread] == [
        "the status 'High' is a flag, not a result status, and was not used (name the column "
        "'IL-6 Flag' to have it read as the lab's flag); the value was judged as a final result, "
        "as is any other row of this file with this status",
        "the result status 'N' says 'not asked' in HL7's codes but normal to many labs; as a "
        "value is given, it was judged as a final result, as is any other row of this file with "
        "this status",
    ]
    assert [(e.code, e.line) for e in events if isinstance(e, Issue)][-2:] == [
        ("result-not-given", 4), ("result-not-given", 5),
    ]  # fmt: skip


def test_a_marker_s_own_columns_under_its_merged_cell_are_read(tmp_path: Path) -> None:
    """QA: an Excel two-row header ('IL-6 (pg/mL)' merged over 'Result' and 'Flag') left each
    'Flag' a column with no name, and a row with a flag in the last one was refused whole for
    its cells past the header (IL-6 1 and IL-8 70 lost)."""
    text = (
        "Sample ID,IL-6 (pg/mL),,IL-8 (pg/mL),\n,Result,Flag,Result,Flag\nA1,12,H,3,\nA2,1,,70,HH\n"
    )
    events = events_in(tmp_path, text)
    assert [(r.line, r.marker, r.value) for r in results(events)] == [
        (3, "IL-6", 12.0), (3, "IL-8", 3.0), (4, "IL-6", 1.0), (4, "IL-8", 70.0),
    ]  # fmt: skip
    assert _issues(events) == [
        ("value-flag-ignored", 3, "IL-6 (pg/mL) Flag"), ("value-flag-disagrees", 4, "IL-8 (pg/mL)"),
    ]  # fmt: skip


def test_a_flag_or_comment_under_a_merged_marker_cell_is_read_or_said(tmp_path: Path) -> None:
    """QA: 'H/L' and 'Comment' under a marker's merged cell left the columns with no name, the
    sub-header line said nowhere, each row refused as too long ('a decimal comma?'), and the
    'Ref Range' after them not read."""
    text = (
        "Sample ID,IL-6 (pg/mL),,,,IL-8 (pg/mL)\n,Result,H/L,Comment,Ref Range,Result\n"
        "S1,45,H,hemolysed,0-50,3\n"
    )
    events = events_in(tmp_path, text)
    [il6, il8] = results(events)
    assert (il6.value, il6.status, il6.reference.high if il6.reference else None) == (
        45.0, Status.NORMAL, 50.0,
    )  # fmt: skip
    assert il8.value == 3.0
    assert il6.note and il6.note.endswith("comment from the lab: 'hemolysed'")  # IL-6's own
    assert _issues(events) == [
        ("value-flag-ignored", 3, "IL-6 (pg/mL) H/L"),
        ("value-flag-disagrees", 3, "IL-6 (pg/mL)"),
        ("range-disagrees", 3, "IL-6 (pg/mL) Ref Range"),
    ]  # fmt: skip


def test_a_merged_cell_s_flag_column_is_read_with_its_value_s_sub_cell_blank(
    tmp_path: Path,
) -> None:
    """Review: with only 'Flag' named under the merged cells (',,Flag,,Flag'), each row was
    refused whole for its cells past the header; and 'IL-6 H/L' names IL-6's flag column."""
    events = events_in(
        tmp_path, "Sample ID,IL-6 (pg/mL),,IL-8 (pg/mL),\n,,Flag,,Flag\nS1,1,N,70,H\n"
    )
    assert [(r.marker, r.value) for r in results(events)] == [("IL-6", 1.0), ("IL-8", 70.0)]
    assert [e.code for e in events if isinstance(e, Issue) and e.severity == "error"] == []
    named = events_in(tmp_path, "Sample ID,IL-6 (pg/mL),IL-6 H/L\nS1,45,L\n")
    assert [e.column for e in named if isinstance(e, Issue)] == ["IL-6 H/L", "IL-6 (pg/mL)"]


def test_a_first_row_of_words_under_a_blank_header_cell_is_no_sub_header(tmp_path: Path) -> None:
    """Differential review: 'S1,ND,<LOD,hemolyzed' under a header that ends with a comma was
    taken for a row naming the markers' own columns, and sample S1 vanished without a word."""
    events = events_in(
        tmp_path, "Sample ID,IL-6 (pg/mL),IL-8 (pg/mL),\nS1,ND,<LOD,hemolyzed\nS2,5,3,\n"
    )
    assert [(e.code, e.line) for e in events if isinstance(e, Issue)] == [("row-too-many-cells", 2)]
    assert [r.sample_id for r in results(events)] == ["S2", "S2"]
