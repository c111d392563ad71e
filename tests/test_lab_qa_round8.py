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
