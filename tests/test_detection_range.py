"""MSD Discovery Workbench's 'Detection Range' column: an estimate past the assay's limits is
read as a bound ('>999.9'), never as an exact measurement (black-box QA, MSD export)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from panelcli.check import CheckOptions, Event, Interpreter, ResultRow
from panelcli.cli import app
from panelcli.models import Issue, Result, Status
from panelcli.ranges import load_ranges
from panelcli.reading import map_header
from panelcli.values import detection_range_side, parse_value

MSD = "Sample,Assay,Calc. Concentration,Conc. Unit,Detection Range\n"


def events_in(tmp_path: Path, text: str, ranges: str | None = None) -> list[Event]:
    path = tmp_path / "msd.csv"
    path.write_text(text, encoding="utf-8")
    checking = Interpreter(load_ranges(ranges), CheckOptions())
    return list(checking.events([str(path)]))


def results(events: list[Event]) -> list[Result]:
    return [e for e in events if isinstance(e, Result)]


def issues(events: list[Event], severity: str) -> list[Issue]:
    return [e for e in events if isinstance(e, Issue) and e.severity == severity]


def test_a_value_past_the_detection_range_is_a_bound_not_a_measurement(tmp_path: Path) -> None:
    """'999.9' beside 'Above Detection Range' was judged exactly, "399.96 × upper limit"; a
    'Below Detection Range' 0.012 was judged normal as an exact number (QA)."""
    events = events_in(
        tmp_path, MSD + "PT-004,IL-6,999.9,pg/mL,Above Detection Range\n"
        "PT-004,IL-10,0.012,pg/mL,Below Detection Range\n"
        "PT-004,IL-8,2000,pg/mL,above fit curve range\nPT-004,TNF-α,3.1,pg/mL,In Detection Range\n"
        "PT-004,IL-4,1.5,pg/mL,\nPT-004,IL-2,<0.5,pg/mL,Below Detection Range\n",
    )  # fmt: skip
    assert issues(events, "error") == []
    read = {r.marker: r for r in results(events)}
    il6, il10, il8 = read["IL-6"], read["IL-10"], read["IL-8"]
    assert (il6.original_value, il6.value, il6.comparator, il6.status) == (
        ">999.9", 999.9, ">", Status.HIGH
    )  # fmt: skip
    assert il6.flags == [">", "H"]
    assert il6.times_upper_limit == 399.96  # rounded down: at least that many times
    assert (
        il6.note is not None
        and (
            "the lab marks it 'Above Detection Range': the number is a guess, so the value is "
            "taken as more than it"
        )
        in il6.note
    )
    assert (il10.original_value, il10.comparator) == ("<0.012", "<")
    assert il10.note is not None and "'Below Detection Range'" in il10.note
    assert "taken as less than it" in il10.note
    assert (il8.original_value, il8.comparator) == (">2000", ">")
    # In range, or not said: the number as written, with no note about it
    for marker, written in (("TNF-α", "3.1"), ("IL-4", "1.5")):
        assert (read[marker].original_value, read[marker].comparator) == (written, None)
        assert "detection" not in (read[marker].note or "").casefold()
    # A value censored by the lab already, on the same side: kept as written
    assert (read["IL-2"].original_value, read["IL-2"].comparator) == ("<0.5", "<")


def test_words_panelcli_cannot_read_or_that_contradict_the_value_refuse_its_row(
    tmp_path: Path,
) -> None:
    """As a comparator column's: the value is not judged without what the column says."""
    events = events_in(
        tmp_path, MSD + "A,IL-6,5,pg/mL,Sort of\nB,IL-6,<2,pg/mL,Above Detection Range\n"
        "C,IL-6,ND,pg/mL,Above Fit Curve Range\nD,IL-6,OOR >,pg/mL,Below Detection Range\n"
        "E,IL-6,ND,pg/mL,Below Fit Curve Range\n",
    )  # fmt: skip
    assert [(e.code, e.line, e.column, e.sample_id, e.marker) for e in issues(events, "error")] == [
        ("detection-range-unreadable", 2, "Detection Range", "A", "IL-6"),
        ("detection-range-conflict", 3, "Detection Range", "B", "IL-6"),
        ("detection-range-conflict", 4, "Detection Range", "C", "IL-6"),
        ("detection-range-conflict", 5, "Detection Range", "D", "IL-6"),
    ]  # fmt: skip
    unreadable, conflict = issues(events, "error")[:2]
    assert unreadable.message == (
        "'Sort of' is not a detection range panelcli reads (In Detection Range, Above or Below "
        "Detection Range, Above or Below Fit Curve Range); the value was not judged without it"
    )
    assert conflict.message == (
        "the detection range column says 'Above Detection Range' but the value '<2' says "
        "otherwise; it was not judged"
    )
    assert [(r.sample_id, r.original_value, r.comparator) for r in results(events)] == [
        ("E", "ND", "<")
    ]


def test_no_number_past_the_fit_curve_is_read_as_out_of_range(tmp_path: Path) -> None:
    """MSD leaves the concentration blank (or 'NaN') past the fit curve: it was 'value is
    empty'; it says as much as 'OOR >', and an assay limit may stand in for it."""
    ranges = tmp_path / "set.toml"
    ranges.write_text(
        '[set]\nname = "msd"\n[markers."IL-6"]\nunit = "pg/mL"\nhigh = 7\nlod = 0.5\nuloq = 1000\n',
        encoding="utf-8",
    )
    events = events_in(
        tmp_path, MSD + "A,IL-6,,pg/mL,Above Fit Curve Range\nB,IL-6,NaN,pg/mL,Below Fit "
        "Curve Range\nC,IL-6,,pg/mL,In Detection Range\nD,IL-6,NaN,pg/mL,\n",
        str(ranges),
    )  # fmt: skip
    assert [(e.code, e.line) for e in issues(events, "error")] == [
        ("value-missing", 4), ("value-not-finite", 5)
    ]  # fmt: skip
    above, below = results(events)
    assert (above.original_value, above.value, above.comparator, above.status) == (
        "Above Fit Curve Range", 1000.0, ">", Status.HIGH
    )  # fmt: skip
    assert above.note is not None and above.note.startswith(
        "'Above Fit Curve Range' has no number; it was read as above the"
    )
    assert (below.original_value, below.value, below.comparator, below.status) == (
        "Below Fit Curve Range", 0.5, "<", Status.NORMAL
    )  # fmt: skip


def test_a_wide_file_s_detection_range_column_is_said_not_read(tmp_path: Path) -> None:
    """One cell per row cannot say which marker's value it is about: said, with what follows."""
    events = events_in(
        tmp_path, "Sample,IL-6 (pg/mL),IL-8 (pg/mL),Detection Range\nA,999.9,3,Above Detection "
        "Range\n",
    )  # fmt: skip
    (ignored,) = issues(events, "warning")
    assert (ignored.code, ignored.column) == ("column-ignored", "Detection Range")
    assert ignored.message == (
        "column 'Detection Range' was not read: in a file with a column per marker, one cell per "
        "row cannot say which marker it is for; a value it marks past the detection range was "
        "judged as the number written"
    )


@pytest.mark.parametrize(
    "name", ["Detection Range", "DetectionRange", "Detection.Range", "detection_range",
             "Detection Range Status"],
)  # fmt: skip
def test_detection_range_header_spellings(name: str) -> None:
    layout = map_header(["Sample", "Assay", "Calc. Concentration", name], lambda _: True)
    assert layout is not None and layout.roles["detection_range"] == 3


#: MSD's words, each with the side of its number the true value is on.
WORDS = {
    "In Detection Range": "", "Above Detection Range": ">", "Below Detection Range": "<",
    "Above Fit Curve Range": ">", "Below Fit Curve Range": "<",
}  # fmt: skip


@given(
    words=st.sampled_from(sorted(WORDS)),
    case=st.sampled_from([str.upper, str.lower, str.title, str]),
    gap=st.sampled_from([" ", "  ", "_", ".", "-", ""]),
    pad=st.sampled_from(["", " ", "\t"]),
)
def test_detection_range_words_read_in_any_spelling(
    words: str, case: object, gap: str, pad: str
) -> None:
    written = pad + case(words).replace(" ", gap) + pad  # type: ignore[operator]
    assert detection_range_side(written) == WORDS[words]


@given(st.text(max_size=30))
def test_any_other_text_is_unread_or_one_of_the_sides(text: str) -> None:
    assert detection_range_side(text) in (None, "", "<", ">")


@pytest.mark.parametrize("words", [w for w, side in WORDS.items() if side])
def test_the_words_in_the_value_cell_are_a_value_with_no_number(words: str) -> None:
    parsed = parse_value(words)
    assert (parsed.number, parsed.comparator) == (None, WORDS[words])
    assert parsed.limits == (("uloq",) if WORDS[words] == ">" else ("lod", "lloq"))


NUMBERS = st.one_of(
    st.floats(min_value=0, max_value=1e5, allow_nan=False).map(lambda x: f"{x:.3f}"),
    st.sampled_from(["", "NaN", "<2", ">5000", "ND", "OOR >", "abc", "12,5", "3 H", "*9"]),
)
ROW = st.tuples(
    st.sampled_from(["S1", "S2", "STD-01", "Blank"]),
    st.sampled_from(["IL-6", "IL-10", "TNF-a", "IL-8", "Mystery"]),
    NUMBERS,
    st.sampled_from(["pg/mL", "ng/mL", ""]),
    st.sampled_from([*WORDS, "", "Sort of"]),
)


@settings(max_examples=100, deadline=None)
@given(rows=st.lists(ROW, min_size=1, max_size=20))
def test_the_short_path_changes_nothing_beside_a_detection_range_column(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, ...]]
) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path = tmp_path_factory.mktemp("short") / "msd.csv"
    path.write_text(MSD + buffer.getvalue(), encoding="utf-8")
    ranges = load_ranges(None)
    fast = list(Interpreter(ranges, CheckOptions(assume_unit="range")).stream([str(path)]))
    slow = Interpreter(ranges, CheckOptions(assume_unit="range"), short_path=False)
    general = list(slow.stream([str(path)]))
    assert [e.to_result() if isinstance(e, ResultRow) else e for e in fast] == general
    # and on either path, no result past the detection range is judged as an exact number
    for result in results(general):  # type: ignore[arg-type]
        side = WORDS.get(rows[result.line - 2][4])
        if side:
            assert (result.comparator or "")[:1] == side


def test_check_reads_an_msd_export_s_detection_range(tmp_path: Path) -> None:
    path = tmp_path / "msd1.csv"
    path.write_text(
        MSD + "PT-004,IL-6,999.9,pg/mL,Above Detection Range\n"
        "PT-004,IL-10,0.012,pg/mL,Below Detection Range\n",
        encoding="utf-8",
    )
    outcome = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    assert outcome.exit_code == 1, outcome.output  # a high result, nothing refused
    (panel,) = json.loads(outcome.stdout)["panels"]
    assert [(r["original_value"], r["comparator"], r["status"]) for r in panel["results"]] == [
        (">999.9", ">", "high"), ("<0.012", "<", "normal")
    ]  # fmt: skip
    table = CliRunner().invoke(app, ["check", str(path)], env={"COLUMNS": "200"})
    assert ">999.9" in table.stdout and "<0.012" in table.stdout
    assert "399.96 ×" not in table.stdout and "'Above Detection Range'" in table.stdout


def test_a_comparator_against_the_detection_range_names_that_column(tmp_path: Path) -> None:
    """Regression QA: "the comparator column says '<' but the value '>0,5' says otherwise"
    quoted a '>' no cell had: it came from the Detection Range column."""
    events = events_in(
        tmp_path,
        "Sample;Assay;Calc. Concentration;Conc. Unit;Detection Range;Comparator\n"
        "P1;IL-6;0,5;pg/mL;Above Detection Range;<\n",
    )
    (refused,) = issues(events, "error")
    assert (refused.code, refused.column) == ("detection-range-conflict", "Detection Range")
    assert refused.message == (
        "the detection range column says 'Above Detection Range' but the comparator column says "
        "'<'; it was not judged"
    )


@pytest.mark.parametrize(
    ("words", "side"),
    [("below-detection-range", "<"), ("Below Detection-Range", "<"),
     ("above-fit-curve-range", ">"), ("Below-Detection_Range", "<")],
)  # fmt: skip
def test_hyphenated_words_with_no_number_are_read_as_spaced_ones_are(
    tmp_path: Path, words: str, side: str
) -> None:
    """'below-detection-range' beside a blank or NaN value was refused as "value
    'below-detection-range' is not a number", and so in the value cell, while the README says
    hyphens do not matter (QA)."""
    assert parse_value(words).comparator == side
    assert parse_value("non-detectable").comparator == "<"  # other such words too
    for value, detection in (("", words), ("NaN", words), (words, "")):
        events = events_in(tmp_path, MSD + f"P1,IL-6,{value},pg/mL,{detection}\n")
        assert issues(events, "error") == []
        (result,) = results(events)
        assert (result.comparator, result.status) == (side, Status.INDETERMINATE)
