"""A collection-date column in README's own languages is read however its words are joined:
QA found 'Date de prélèvement' and 'Fecha de extracción' ignored (column-ignored), losing
the dates, while 'Date du prélèvement' and 'Fecha extracción' were read."""

from __future__ import annotations

from pathlib import Path

import pytest

from panelcli.check import CheckOptions, Interpreter
from panelcli.models import Issue, Result
from panelcli.ranges import load_ranges
from panelcli.reading import map_header


def read(tmp_path: Path, header: str, wide: bool = False) -> tuple[list[Result], list[str]]:
    path = tmp_path / "dated.csv"
    text = (
        f"Sample;{header};IL-6 (pg/mL)\nK1;03.04.2026;1,0\n"
        if wide
        else f"Sample;Test;Result;Units;{header}\nK1;IL-6;1,0;pg/mL;03.04.2026\n"
    )
    path.write_text(text, encoding="utf-8")
    events = list(Interpreter(load_ranges(None), CheckOptions()).events([str(path)]))
    return (
        [e for e in events if isinstance(e, Result)],
        [e.code for e in events if isinstance(e, Issue)],
    )


@pytest.mark.parametrize(
    "header",
    ["Date de prélèvement", "Date de prelevement", "Fecha de extracción", "Fecha de extraccion",
     "Date du prélèvement", "Fecha extracción", "Date de collecte", "Date_de_collecte",
     "Fecha de toma", "Fecha de la toma", "Fecha de recolección", "Fecha de recoleccion",
     "Entnahmedatum", "Abnahmedatum", "Probenahmedatum", "Datum der Entnahme"],
)  # fmt: skip
@pytest.mark.parametrize("wide", [False, True], ids=["long", "wide"])
def test_a_collection_date_column_is_read(tmp_path: Path, header: str, wide: bool) -> None:
    results, codes = read(tmp_path, header, wide)
    assert [r.collected_at for r in results] == ["03.04.2026"]
    assert "column-ignored" not in codes


@pytest.mark.parametrize("header", ["Date du résultat", "Fecha de informe", "Date d'envoi"])
def test_connecting_words_are_left_out_only_where_that_names_a_role(
    tmp_path: Path, header: str
) -> None:
    """'Date du résultat' is when the result came, not when the sample was taken."""
    results, codes = read(tmp_path, header)
    assert [r.collected_at for r in results] == [None]
    assert "column-ignored" in codes


def test_a_role_named_with_its_connecting_words_keeps_its_role() -> None:
    cells = ["Sample", "Test", "Result", "Unit of measure", "Date of birth", "Date de prélèvement"]
    layout = map_header(cells, lambda _: False)
    assert layout is not None
    assert {role: cells[i] for role, i in layout.roles.items()} == {
        "sample_id": "Sample", "marker": "Test", "value": "Result", "unit": "Unit of measure",
        "birth_date": "Date of birth", "collected_at": "Date de prélèvement",
    }  # fmt: skip


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize(
    ("date", "time"),
    [("Collection Date", "Collection Time"), ("Collection Date", "Time Collected"),
     ("Entnahmedatum", "Entnahmezeit"), ("Date", "Draw Time")],
)  # fmt: skip
def test_a_collections_time_in_a_column_of_its_own_is_read_with_its_date(
    tmp_path: Path, short: bool, date: str, time: str
) -> None:
    """QA (hospital LIS exports): 'Collection Date' beside 'Collection Time' was refused as two
    collection dates (exit 2), and 'Time Collected' was ignored, the 06:00 and 18:00 draws of
    one day made one panel."""
    from panelcli.check import CheckOptions, Interpreter, build_report
    from panelcli.ranges import load_ranges

    path = tmp_path / "lis.csv"
    path.write_text(
        f"MRN,Accession,{date},{time},Component,Result,Units\n"
        "1,A1,2026-03-02,06:00,IL-6,4.0,pg/mL\n1,A2,2026-03-02,18:00,IL-6,40.0,pg/mL\n",
        encoding="utf-8",
    )
    ranges = load_ranges(None)
    events = list(Interpreter(ranges, CheckOptions(), short_path=short).events([str(path)]))
    report = build_report(iter(events), ranges)
    assert [p.collected_at for p in report.panels] == ["2026-03-02 06:00", "2026-03-02 18:00"]
    assert [len(t.dates) for t in report.trends] == [2]
    assert not [e for e in events if getattr(e, "code", None) == "column-ignored"]


def test_a_time_column_joins_only_a_date_that_gives_no_time(tmp_path: Path) -> None:
    """Review: the header again was joined ('Collection Date Collection Time') and stopped the
    file as another header; a time column giving the date too, or a blank date, made dates
    that cannot be read."""
    path = tmp_path / "lis.csv"
    path.write_text(
        "MRN,Accession,Collection Date,Collection Time,Component,Result,Units\n"
        "1,A1,2026-03-02,06:00,IL-6,4.0,pg/mL\n"
        "MRN,Accession,Collection Date,Collection Time,Component,Result,Units\n"
        "1,A2,2026-03-02,18:00,IL-6,40.0,pg/mL\n1,A3,2026-03-03 00:00:00,08:15,IL-6,4.0,pg/mL\n"
        "1,A4,,06:00,IL-6,4.0,pg/mL\n1,A5,2026-03-04,2026-03-04 06:00,IL-6,4.0,pg/mL\n"
        # QA: a time joined 'N/A' and '2026-02' into dates the file does not have; 'Uhr',
        # '14h40' and a fraction of a second were left out
        "1,A6,N/A,08:15,IL-6,4.0,pg/mL\n1,A7,2026-02,08:15,IL-6,4.0,pg/mL\n"
        "1,A8,02.03.2026,08:15 Uhr,IL-6,4.0,pg/mL\n1,A9,02.03.2026,14h40,IL-6,4.0,pg/mL\n"
        "1,A10,02.03.2026,20:05:30.5,IL-6,4.0,pg/mL\n"
        '1,A11,"Mar 2, 2026",14H40,IL-6,4.0,pg/mL\n'  # review: its time was lost
        # QA: a time that is no time of the clock made the day unreadable
        "1,A12,2026-03-05,25:00,IL-6,4.0,pg/mL\n1,A13,2026-03-06,13:00 PM,IL-6,4.0,pg/mL\n"
        "1,A14,2026-03-07,08:61,IL-6,4.0,pg/mL\n1,A15,2026-03-08,12:30 am,IL-6,4.0,pg/mL\n",
        encoding="utf-8",
    )
    events = list(Interpreter(load_ranges(None), CheckOptions()).events([str(path)]))
    assert [r.collected_at for r in events if isinstance(r, Result)] == [
        # a time column's date and time of the date's day gives its time (review, round 16)
        "2026-03-02 06:00", "2026-03-02 18:00", "2026-03-03 00:00:00", None, "2026-03-04 06:00",
        None, "2026-02", "02.03.2026 08:15", "02.03.2026 14:40", "02.03.2026 20:05:30",
        "Mar 2, 2026 14:40", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08 12:30 am",
    ]  # fmt: skip
    assert [(i.code, i.line) for i in events if isinstance(i, Issue)] == [
        ("header-repeated", 3), ("date-unreadable", 9), ("time-unreadable", 14),
    ]  # fmt: skip
    [left_out] = [i for i in events if isinstance(i, Issue) and i.code == "time-unreadable"]
    assert left_out.message == (
        "3 rows give a collection time (the first, line 14: '25:00') that is no time of day; the "
        "day in the date column alone was used, so two draws of that day may not be told apart"
    )


def test_every_path_says_the_times_left_out_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: an impossible time was left out without a word; one process, two processes and
    batches count such rows alike and name the first."""
    from test_two_processes import every_path_alike

    from panelcli import split

    monkeypatch.setattr(split, "MIN_BYTES", 0)
    rows = [
        f"P{n},2026-03-0{1 + n % 5},{'25:00' if n % 97 == 3 else '08:15'},IL-6,{n % 9}.5,pg/mL\n"
        for n in range(2000)
    ]
    path = tmp_path / "times.csv"
    path.write_text("MRN,Collection Date,Collection Time,Component,Result,Units\n" + "".join(rows))
    expected = every_path_alike(path)
    assert '"code":"time-unreadable"' in expected and "21 rows give a collection time" in expected
