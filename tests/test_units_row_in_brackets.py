"""A unit written in brackets, as a header writes it ('[ng/mL]', '(pg/mL)'), is that unit: in a wide
file's units row (QA found it read as a sample 'line 2', and every value refused unit-missing)
and in a long file's unit column (QA: 'unit (pg/mL) cannot be converted to pg/mL')."""

from __future__ import annotations

from pathlib import Path

import pytest

from panelcli.check import CheckOptions, Event, Interpreter
from panelcli.models import Issue, Result
from panelcli.ranges import load_ranges

HEADER = "Sample;Patient;Date;Interleukin 6;TNF alpha;IL-1 beta;IFN-gamma\n"
ROW = "W1;P1;03.04.2026;0,0124;<2,0;5 (H);>1000\n"


def events_in(tmp_path: Path, text: str) -> list[Event]:
    path = tmp_path / "wide.csv"
    path.write_text(text, encoding="utf-8")
    return list(Interpreter(load_ranges(None), CheckOptions()).events([str(path)]))


@pytest.mark.parametrize("label", ["", "Units", "Einheit"])
def test_a_units_row_in_brackets_gives_the_units(tmp_path: Path, label: str) -> None:
    events = events_in(tmp_path, f"{HEADER}{label};;;[ng/mL];[pg/ml];(pg/mL);ng/L\n{ROW}")
    assert [e.code for e in events if isinstance(e, Issue) and e.severity == "error"] == []
    assert [
        (r.sample_id, r.marker, r.value, r.original_unit, r.status.value)
        for r in events
        if isinstance(r, Result)
    ] == [
        ("W1", "IL-6", 12.4, "ng/mL", "high"), ("W1", "TNF-α", 2.0, "pg/ml", "normal"),
        ("W1", "IL-1β", 5.0, "pg/mL", "normal"), ("W1", "IFN-γ", 1000.0, "ng/L", "high"),
    ]  # fmt: skip


def test_the_same_units_in_brackets_again_among_the_results_are_skipped(
    tmp_path: Path,
) -> None:
    events = events_in(
        tmp_path, f"{HEADER};;;[ng/mL];[pg/ml];(pg/mL);ng/L\n{ROW};;;ng/mL;{{pg/ml}};pg/mL;[ng/L]\n"
    )  # fmt: skip
    said = [(e.code, e.line) for e in events if isinstance(e, Issue) and e.code.startswith("unit")]
    assert said == [("units-row-repeated", 4)]


def test_a_header_unit_and_the_same_unit_in_brackets_below_it_agree(tmp_path: Path) -> None:
    events = events_in(tmp_path, "Sample;IL-6 (pg/mL);IL-8\n;[pg/mL];(pg/mL)\nS1;4;50\n")
    assert [(r.marker, r.unit, r.status.value) for r in events if isinstance(r, Result)] == [
        ("IL-6", "pg/mL", "high"), ("IL-8", "pg/mL", "high"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("cell", "unit"),
    [("[ng/mL]", "ng/mL"), (" ( pg/mL ) ", "pg/mL"), ("{U/mL}", "U/mL"), ("pg/mL", "pg/mL"),
     ("(pg/mL]", "(pg/mL]"), ("()", "()")],
)  # fmt: skip
def test_a_units_cell_loses_only_a_matching_pair_of_brackets(cell: str, unit: str) -> None:
    from panelcli.reading import units_cell

    assert units_cell(cell) == unit


@pytest.mark.parametrize("short", [True, False])
def test_a_unit_cell_in_brackets_is_its_unit(tmp_path: Path, short: bool) -> None:
    path = tmp_path / "long.csv"
    path.write_text(
        "sample_id,marker,value,unit\nU1,IL-6,5,(pg/mL)\nU2,IL-6,5,[ng/mL]\nU3,IL-6,1, ( pg/mL )\n",
        encoding="utf-8",
    )
    events = list(
        Interpreter(load_ranges(None), CheckOptions(), short_path=short).events([str(path)])
    )
    assert [e for e in events if isinstance(e, Issue)] == []
    judged = [(r.value, r.original_unit, r.status.value) for r in events if isinstance(r, Result)]
    assert judged == [
        (5.0, "(pg/mL)", "high"), (5000.0, "[ng/mL]", "high"), (1.0, "( pg/mL )", "normal"),
    ]  # fmt: skip
