"""Instrument exports' own words: value columns named with 'Conc.', a bead region or a
replicate, columns beside them that are no value (SD, FI, Exp Conc), and summary rows."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.check import MEAN_NOTE, CheckOptions, Event, Interpreter
from panelcli.cli import app
from panelcli.models import Issue, Result
from panelcli.ranges import load_ranges

runner = CliRunner()


def events_in(write_csv: Callable[..., str], text: str, short: bool = True) -> list[Event]:
    interpreter = Interpreter(load_ranges(None), CheckOptions(), short_path=short)
    return list(interpreter.events([write_csv(text)]))


def results(events: list[Event]) -> list[Result]:
    return [e for e in events if isinstance(e, Result)]


def warnings(events: list[Event]) -> list[Issue]:
    return [e for e in events if isinstance(e, Issue) and e.severity == "warning"]


def refusals(events: list[Event]) -> list[Issue]:
    return [e for e in events if isinstance(e, Issue) and e.severity == "error"]


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize("label", ["SEM", "S.E.M.", "SE", "Std Err", "Std. Error", "%RSD"])
def test_a_standard_error_row_is_not_judged_as_a_patient(
    write_csv: Callable[..., str], short: bool, label: str
) -> None:
    """A plate's 'SEM' row was judged as a patient's sample ('Mean', 'Std Dev' were not)."""
    events = events_in(write_csv, f"Sample,IL-6 (pg/mL)\nS1,1.0\nS2,9.0\n{label},4.0\n", short)
    assert [r.sample_id for r in results(events)] == ["S1", "S2"]
    assert [(w.code, w.line) for w in warnings(events)] == [("control-skipped", 4)]
    long = events_in(write_csv, f"Sample,Analyte,Result,Unit\n{label},IL-6,4,pg/mL\n", short)
    assert not results(long)


def test_the_command_does_not_flag_a_standard_error_row(write_csv: Callable[..., str]) -> None:
    """The SEM row's high value made the command exit 1 as if a patient were high."""
    run = runner.invoke(app, ["check", write_csv("Sample,IL-6 (pg/mL)\nS1,1.0\nSEM,9.0\n")])
    assert run.exit_code == 0, run.output
    assert "SEM" in run.output and "not judged" in run.output


QA_WIDE = (
    "Sample,IL-17 (pg/mL),IL-6 Conc. (pg/mL),IL-8 Concentration [pg/mL],IL-10 Result (pg/mL),"
    "TNF-α Obs Conc (pg/mL),IFN-γ (19) (pg/mL),IL-2 [Bead 25] (pg/mL)\nS1,1,4.2,3,4,5,6,7\n"
)


@pytest.mark.parametrize("short", [True, False])
def test_a_wide_header_with_an_instruments_words_is_read_as_its_marker(
    write_csv: Callable[..., str], short: bool
) -> None:
    """'IL-6 Conc. (pg/mL)' was an unknown marker (no_reference), so IL-6 at 4.2 (limit 2.5)
    and IL-2 at 7 went unflagged (QA)."""
    events = events_in(write_csv, QA_WIDE, short)
    read = [(r.marker, r.marker_as_written, r.status.value) for r in results(events)]
    assert read == [
        ("IL-17", "IL-17", "normal"), ("IL-6", "IL-6 Conc.", "high"),
        ("IL-8", "IL-8 Concentration", "normal"), ("IL-10", "IL-10 Result", "normal"),
        ("TNF-α", "TNF-α Obs Conc", "normal"), ("IFN-γ", "IFN-γ (19)", "normal"),
        ("IL-2", "IL-2 [Bead 25]", "high"),
    ]  # fmt: skip
    assert results(events)[1].column == "IL-6 Conc. (pg/mL)"
    assert not warnings(events)


def test_the_command_flags_a_value_under_an_instruments_header(
    write_csv: Callable[..., str],
) -> None:
    """The QA file's high IL-6 and IL-2 left the exit code 0."""
    run = runner.invoke(app, ["check", write_csv(QA_WIDE), "--format", "csv"])
    assert run.exit_code == 1, run.output
    assert "S1,,,IL-6,IL-6 Conc.,4.2," in run.output


@pytest.mark.parametrize("short", [True, False])
def test_a_bioplex_analyte_with_its_bead_region_is_read_as_its_marker(
    write_csv: Callable[..., str], short: bool
) -> None:
    """A long Bio-Plex file's 'IL-6 (19)' and 'TNF-a (36)' were unknown markers (QA)."""
    events = events_in(
        write_csv, "Sample,Analyte,Obs Conc,Unit\nS1,IL-6 (19),4.2,pg/mL\n"
        "S1,TNF-a (36),30,pg/mL\nS1,IL-6 Result,1,pg/mL\n", short,
    )  # fmt: skip
    read = [(r.marker, r.marker_as_written, r.status.value) for r in results(events)]
    assert read == [
        ("IL-6", "IL-6 (19)", "high"), ("TNF-α", "TNF-a (36)", "high"),
        ("IL-6", "IL-6 Result", "normal"),
    ]  # fmt: skip


@pytest.mark.parametrize("short", [True, False])
def test_a_marker_named_for_the_human_assay_is_read_as_its_marker(
    write_csv: Callable[..., str], short: bool
) -> None:
    """QA: Bio-Plex's 'Hu IL-6 (19)' at 250 pg/mL had no range (exit 0), and a wide file of
    only 'Hu …' columns had no header; another species' assay is not judged by human ranges."""
    long = events_in(
        write_csv, "Sample,Analyte,Conc,Unit\nPT-1,Hu IL-6 (19),250.3,pg/mL\n"
        "PT-1,hIL-10,3,pg/mL\nPT-1,Human TNF-a,4,pg/mL\nPT-1,Mu IL-6,3,pg/mL\n", short,
    )  # fmt: skip
    assert [(r.marker, r.status.value) for r in results(long)] == [
        ("IL-6", "high"), ("IL-10", "normal"), ("TNF-α", "normal"),
        ("Mu IL-6", "no_reference"),
    ]  # fmt: skip
    wide = events_in(
        write_csv, "Sample,Hu IL-6 (19),Hu IL-8 (54)\n,pg/mL,pg/mL\nPT-1,250.3,4.1\n", short
    )
    assert [(r.marker, r.marker_as_written) for r in results(wide)] == [
        ("IL-6", "Hu IL-6 (19)"), ("IL-8", "Hu IL-8 (54)"),
    ]  # fmt: skip
    assert not refusals(wide)


@pytest.mark.parametrize("short", [True, False])
def test_columns_of_an_instruments_other_figures_are_not_read_as_results(
    write_csv: Callable[..., str], short: bool
) -> None:
    """'IL-6 Exp Conc (pg/mL)' (a standard's expected value) was read as an unknown marker's
    result; with no unit, it and 'IL-6 SD' got a warning that called IL-6 unknown."""
    events = events_in(
        write_csv, "Sample,IL-6 (pg/mL),IL-6 Exp Conc (pg/mL),IL-6 Expected Concentration,"
        "IL-6 FI,IL-6 MFI,IL-6 Count,IL-6 %CV,IL-6 SD (pg/mL),IL-6 %Recovery,IL-6 Dilution,"
        "IL-12 (40) (pg/mL)\nS1,1,2,3,4,5,6,7,8,9,10,11\n", short,
    )  # fmt: skip
    assert [(r.marker, r.marker_as_written) for r in results(events)] == [
        ("IL-6", "IL-6"), ("IL-12 (40)", "IL-12 (40)")  # may be IL-12 p40: not IL-12
    ]  # fmt: skip
    ignored = [w for w in warnings(events) if w.code == "column-ignored"]
    assert [w.column for w in ignored] == [
        "IL-6 Exp Conc (pg/mL)", "IL-6 Expected Concentration", "IL-6 FI", "IL-6 MFI",
        "IL-6 Count", "IL-6 %CV", "IL-6 SD (pg/mL)", "IL-6 %Recovery", "IL-6 Dilution",
    ]  # fmt: skip
    assert ignored[0].message == (
        "column 'IL-6 Exp Conc (pg/mL)' was not read: it gives the instrument's 'Exp Conc' for "
        "IL-6, not the sample's result"
    )


@pytest.mark.parametrize("short", [True, False])
def test_replicate_columns_are_each_a_result_and_their_mean_is_not_a_third(
    write_csv: Callable[..., str], short: bool
) -> None:
    """'IL-10 pg/mL Rep 1' and 'Rep 2' were dropped as unknown columns, 'IL-6 Mean (pg/mL)'
    was an unknown marker (no_reference) while 'IL-6 SD' was dropped (QA)."""
    events = events_in(
        write_csv, "Sample,IL-10 pg/mL Rep 1,IL-10 pg/mL Rep 2,IL-10 Mean (pg/mL),"
        "IL-8 Replicate 1 (pg/mL),IL-8 Rep2 (pg/mL),IL-6 Mean (pg/mL),IL-6 SD\n"
        "S1,4,6,5,1,2,3.5,0.2\n", short,
    )  # fmt: skip
    read = [(r.marker, r.marker_as_written, r.value) for r in results(events)]
    assert read == [
        ("IL-10", "IL-10 Rep 1", 4), ("IL-10", "IL-10 Rep 2", 6), ("IL-8", "IL-8 Replicate 1", 1),
        ("IL-8", "IL-8 Rep2", 2), ("IL-6", "IL-6 Mean", 3.5),
    ]  # fmt: skip
    said = [(w.code, w.column) for w in warnings(events)]
    assert ("column-ignored", "IL-10 Mean (pg/mL)") in said
    assert ("column-ignored", "IL-6 SD") in said
    assert [w.message for w in warnings(events) if w.code == "marker-repeated"] == [
        "IL-10 is measured again for sample 'S1' in column 'IL-10 pg/mL Rep 2' of line 2 (first "
        "in column 'IL-10 pg/mL Rep 1'); every result is kept",
        "IL-8 is measured again for sample 'S1' in column 'IL-8 Rep2 (pg/mL)' of line 2 (first "
        "in column 'IL-8 Replicate 1 (pg/mL)'); every result is kept",
    ]


@pytest.mark.parametrize("short", [True, False])
def test_a_mean_column_is_read_where_its_replicate_cells_are_blank(
    write_csv: Callable[..., str], short: bool
) -> None:
    """QA: P1's blank replicate cells beside its Mean of 4.2 gave 'row has no marker values'
    (row-no-values), so its high IL-6 (limit 2.5) was never judged. A row with replicates keeps
    them only; its blank Mean cell is no cell left blank."""
    events = events_in(
        write_csv, "Sample,IL-6 pg/mL Rep 1,IL-6 pg/mL Rep 2,IL-6 pg/mL Mean\nP1,,,4.2\n"
        "P2,1.0,1.2,1.1\nP3,1.0,,1.0\nP4,2,2,\n", short,
    )  # fmt: skip
    read = [(r.sample_id, r.marker, r.column, r.value, r.status.value) for r in results(events)]
    assert read == [
        ("P1", "IL-6", "IL-6 pg/mL Mean", 4.2, "high"),
        ("P2", "IL-6", "IL-6 pg/mL Rep 1", 1.0, "normal"),
        ("P2", "IL-6", "IL-6 pg/mL Rep 2", 1.2, "normal"),
        ("P3", "IL-6", "IL-6 pg/mL Rep 1", 1.0, "normal"),
        ("P4", "IL-6", "IL-6 pg/mL Rep 1", 2.0, "normal"),
        ("P4", "IL-6", "IL-6 pg/mL Rep 2", 2.0, "normal"),
    ]  # fmt: skip
    assert not refusals(events)
    assert [r.note for r in results(events)] == [MEAN_NOTE] + [None] * 5  # P1's is a mean
    said = [(w.code, w.line) for w in warnings(events) if w.code != "marker-repeated"]
    assert said == [("column-ignored", 1), ("cells-blank", 4)]  # P3's blank Rep 2 only
    assert warnings(events)[0].message == (
        "column 'IL-6 pg/mL Mean' was not read where a replicate column of IL-6 gives a result: "
        "it is their mean, and they are each read as a result (it is read where none of them "
        "gives one: where they are blank or cannot be read, as 'N/A')"
    )


#: Replicate cells that give no result (P1, P2: refused or blank) beside a Mean column (before
#: them), one that gives a result (P3), and a blank Mean (P4).
WIDE_MEANS = (
    "Sample,IL-6 pg/mL Mean,IL-6 pg/mL Rep 1,IL-6 pg/mL Rep 2,IL-8 pg/mL\n"
    "P1,40,N/A,***,5\nP2,50,,NaN,5\nP3,2,2,Out of Range,5\nP4,,N/A,,5\n"
)


@pytest.mark.parametrize("short", [True, False])
def test_a_mean_column_is_read_where_its_replicate_cells_give_no_result(
    write_csv: Callable[..., str], short: bool
) -> None:
    """QA: P1's replicate cells 'N/A' and '***' beside its Mean of 40 were refused and the Mean
    was not read, so its high IL-6 was lost; it is read where no replicate gives a result (a
    Mean column before its replicates too), and still not where one does (P3). The refusals
    name the replicate columns."""
    events = events_in(write_csv, WIDE_MEANS, short)
    read = [(r.sample_id, r.marker, r.column, r.value, r.note) for r in results(events)]
    assert read == [
        ("P1", "IL-6", "IL-6 pg/mL Mean", 40.0, MEAN_NOTE), ("P1", "IL-8", "IL-8 pg/mL", 5.0, None),
        ("P2", "IL-6", "IL-6 pg/mL Mean", 50.0, MEAN_NOTE), ("P2", "IL-8", "IL-8 pg/mL", 5.0, None),
        ("P3", "IL-6", "IL-6 pg/mL Rep 1", 2.0, None), ("P3", "IL-8", "IL-8 pg/mL", 5.0, None),
        ("P4", "IL-8", "IL-8 pg/mL", 5.0, None),
    ]  # fmt: skip
    assert [r.status.value for r in results(events) if r.note] == ["high", "high"]
    refused = [(e.line, e.column, e.marker) for e in refusals(events)]
    assert refused == [  # 'N/A' is a cell left empty, as a blank one
        (2, "IL-6 pg/mL Rep 2", "IL-6 Rep 2"), (3, "IL-6 pg/mL Rep 2", "IL-6 Rep 2"),
        (4, "IL-6 pg/mL Rep 2", "IL-6 Rep 2"),
    ]  # fmt: skip
    assert [w.code for w in warnings(events)] == ["column-ignored", "cells-blank"]
    assert warnings(events)[1].message == (
        "4 marker cells left blank or marked 'N/A' were read as 'not measured' (the first on "
        "line 2)"
    )


@pytest.mark.parametrize("short", [True, False])
def test_a_units_row_does_not_make_a_mean_or_an_sd_column_a_result(
    write_csv: Callable[..., str], short: bool
) -> None:
    """Found with the fix above: under a units row, 'IL-6 Mean' beside its replicates became a
    third result and 'IL-6 SD' a skipped figure, as if the units row named new markers."""
    events = events_in(
        write_csv, "Sample,IL-6 Rep 1,IL-6 Rep 2,IL-6 Mean,IL-6 SD\n,pg/mL,pg/mL,pg/mL,pg/mL\n"
        "P1,1.0,1.2,1.1,0.1\nP2,,,4.2,\n", short,
    )  # fmt: skip
    assert [(r.sample_id, r.column, r.value) for r in results(events)] == [
        ("P1", "IL-6 Rep 1", 1.0), ("P1", "IL-6 Rep 2", 1.2), ("P2", "IL-6 Mean", 4.2),
    ]  # fmt: skip
    said = [(w.code, w.column) for w in warnings(events) if w.code != "marker-repeated"]
    assert said == [("column-ignored", "IL-6 Mean"), ("column-ignored", "IL-6 SD")]


def test_the_command_flags_a_mean_read_for_blank_replicates(write_csv: Callable[..., str]) -> None:
    """The QA file's P1 was rejected (exit 2) and its high IL-6 never said."""
    text = "Sample,IL-6 pg/mL Rep 1,IL-6 pg/mL Rep 2,IL-6 pg/mL Mean\nP1,,,4.2\nP2,1.0,1.2,1.1\n"
    run = runner.invoke(app, ["check", write_csv(text), "--format", "csv"])
    assert run.exit_code == 1, run.output
    assert "P1,,,IL-6,IL-6 Mean,4.2," in run.output
    assert "row-no-values" not in run.output


def test_the_command_reads_replicate_columns(write_csv: Callable[..., str]) -> None:
    """A file of replicate columns only had no header panelcli could find (exit 2)."""
    run = runner.invoke(
        app, ["check", write_csv("Sample,IL-6 pg/mL Rep 1,IL-6 pg/mL Rep 2\nS1,1,9\n")]
    )
    assert run.exit_code == 1, run.output
    assert "measured again" in run.output


@pytest.mark.parametrize("short", [True, False])
def test_a_long_row_naming_an_instruments_other_figure_is_not_judged(
    write_csv: Callable[..., str], short: bool
) -> None:
    """Regression QA: a long file's 'IL-10 FI' and 'TNF-a %CV' rows were results, judged
    no_reference, where a wide file's such columns are not read; each row is said, by its
    line (QA: once per name, the others' lines were named nowhere)."""
    events = events_in(
        write_csv,
        "sample_id,marker,value,unit\nS1,IL-10,3,pg/mL\nS1,IL-10 FI,3000,pg/mL\n"
        "S2,IL-10 FI,2000,pg/mL\nS1,TNF-a %CV,5,%\nS1,IL-6 SD,1,pg/mL\n",
        short,
    )
    assert [(r.marker, r.value) for r in results(events)] == [("IL-10", 3.0)]
    assert [(w.code, w.line, w.marker) for w in warnings(events)] == [
        ("figure-skipped", 3, "IL-10 FI"),
        ("figure-skipped", 4, "IL-10 FI"),
        ("figure-skipped", 5, "TNF-a %CV"),
        ("figure-skipped", 6, "IL-6 SD"),
    ]
    assert warnings(events)[0].message == (
        "'IL-10 FI' gives the instrument's 'FI' for IL-10, not the sample's result; this row "
        "was not judged"
    )


@pytest.mark.parametrize("short", [True, False])
def test_an_instruments_words_in_brackets_are_read_as_without_them(
    write_csv: Callable[..., str], short: bool
) -> None:
    """Stop 38 left open: 'IL-6 (SD)' was a result of an unknown marker (no_reference, 'did
    you mean IL-6?') where 'IL-6 SD' is skipped; likewise 'IL-6 (Mean)', 'IL-8 [Conc.]'."""
    events = events_in(
        write_csv,
        "sample_id,marker,value,unit\nS1,IL-6 (Mean),3,pg/mL\nS1,IL-6 (SD),0.4,pg/mL\n"
        "S1,IL-8 [Conc.],4,pg/mL\nS1,IL-10(CV),4,%\nS2,IL-12 (p40),4,pg/mL\n"
        "S2,IL-1β (FI),312,pg/mL\nS2,IL-4 {SD},3,pg/mL\n",  # QA: a unit-conflict; no_reference
        short,
    )
    # (a mean row is held until its sample's rows end: it is read only without replicates)
    assert sorted((r.line, r.marker, r.status) for r in results(events)) == [
        (2, "IL-6", "high"), (4, "IL-8", "normal"), (6, "IL-12 (p40)", "no_reference")
    ]  # fmt: skip
    assert [(w.code, w.line) for w in warnings(events)] == [
        ("figure-skipped", 3), ("figure-skipped", 5), ("figure-skipped", 7), ("figure-skipped", 8)
    ]  # fmt: skip
    assert not refusals(events)
    assert warnings(events)[0].message.startswith("'IL-6 (SD)' gives the instrument's 'SD'")


@pytest.mark.parametrize("short", [True, False])
def test_a_long_mean_row_is_no_third_result_beside_its_replicate_rows(
    write_csv: Callable[..., str], short: bool
) -> None:
    """QA: 'IL-6 Mean' beside 'IL-6 Rep 1' and 'Rep 2' rows was a third result of IL-6 (as a
    wide file's Mean column is not). Before or after its replicates it is skipped and said;
    a sample's mean with no replicates of it is its result (P2's, held to the sample's end)."""
    events = events_in(
        write_csv, "Sample,Analyte,Result,Units\nP1,IL-6 Rep 1,1.0,pg/mL\n"
        "P1,IL-6 Rep 2,1.2,pg/mL\nP1,IL-6 Mean,1.1,pg/mL\nP2,IL-6 Mean,4.2,pg/mL\n"
        "P2,TNF-a,3,pg/mL\nP3,IL6 Average,1.1,pg/mL\nP3,IL-6 Replicate 1,1.0,pg/mL\n"
        "P4,GM-CSF Rep 1,1,pg/mL\nP4,GM-CSF Mean,1,pg/mL\nP5,IL-6,2,pg/mL\n", short,
    )  # fmt: skip
    read = [(r.sample_id, r.line, r.marker_as_written, r.value) for r in results(events)]
    assert read == [
        ("P1", 2, "IL-6 Rep 1", 1.0), ("P1", 3, "IL-6 Rep 2", 1.2), ("P2", 6, "TNF-a", 3.0),
        ("P2", 5, "IL-6 Mean", 4.2), ("P3", 8, "IL-6 Replicate 1", 1.0),
        ("P4", 9, "GM-CSF Rep 1", 1.0), ("P5", 11, "IL-6", 2.0),
    ]  # fmt: skip
    assert [(r.status.value, r.note) for r in results(events) if r.line == 5] == [
        ("high", MEAN_NOTE)
    ]
    skipped = [(w.line, w.column, w.marker) for w in warnings(events) if w.code == "mean-skipped"]
    assert skipped == [(4, "Analyte", "IL-6 Mean"), (7, "Analyte", "IL6 Average"),
                       (10, "Analyte", "GM-CSF Mean")]  # fmt: skip
    assert warnings(events)[1].message == (
        "'IL-6 Mean' is the mean of the replicate rows of IL-6 for sample 'P1', whose results "
        "are used ('IL-6 Rep 1' on line 2 gives one); this row was not judged, so the mean is "
        "not a result too"
    )


#: Replicate rows that give no result (P1, P2: refused or blank) beside a mean, and ones of
#: which one gives a result (P3, P4: before or after the mean).
LONG_MEANS = (
    "Sample,Analyte,Result,Units\nP1,IL-6 Rep 1,N/A,pg/mL\nP1,IL-6 Rep 2,***,pg/mL\n"
    "P1,IL-6 Mean,40,pg/mL\nP2,IL-6 Mean,50,pg/mL\nP2,IL-6 Rep 1,NaN,pg/mL\n"
    "P2,IL-6 Rep 2,,pg/mL\nP2,TNF-a,3,pg/mL\nP3,IL-6 Rep 1,2,pg/mL\n"
    "P3,IL-6 Rep 2,Out of Range,pg/mL\nP3,IL-6 Mean,2,pg/mL\nP4,IL-6 Mean,30,pg/mL\n"
    "P4,IL-6 Rep 1,N/A,pg/mL\nP4,IL-6 Rep 2,1.5,pg/mL\n"
)


@pytest.mark.parametrize("short", [True, False])
def test_a_long_mean_row_is_read_where_its_replicate_rows_give_no_result(
    write_csv: Callable[..., str], short: bool
) -> None:
    """QA: P1's 'IL-6 Mean' of 40 was skipped (mean-skipped) beside replicate rows that were
    all refused ('N/A', '***'), so the sample had no IL-6 and its high value was lost. A mean
    is now skipped only once a replicate row of it gives a result; the refusals name the
    replicate rows, and each sample has one IL-6 result."""
    events = events_in(write_csv, LONG_MEANS, short)
    read = [(r.sample_id, r.line, r.marker_as_written, r.value) for r in results(events)]
    assert read == [
        ("P1", 4, "IL-6 Mean", 40.0), ("P2", 8, "TNF-a", 3.0), ("P2", 5, "IL-6 Mean", 50.0),
        ("P3", 9, "IL-6 Rep 1", 2.0), ("P4", 14, "IL-6 Rep 2", 1.5),
    ]  # fmt: skip
    assert [(r.status.value, r.note) for r in results(events) if r.value in (40, 50)] == [
        ("high", MEAN_NOTE),
        ("high", MEAN_NOTE),
    ]
    refused = [(e.line, e.code, e.marker) for e in refusals(events)]
    assert refused == [
        (2, "value-not-a-number", "IL-6 Rep 1"), (3, "value-not-a-number", "IL-6 Rep 2"),
        (6, "value-not-finite", "IL-6 Rep 1"), (7, "value-missing", "IL-6 Rep 2"),
        (10, "value-not-a-number", "IL-6 Rep 2"), (13, "value-not-a-number", "IL-6 Rep 1"),
    ]  # fmt: skip
    skipped = [(w.line, w.marker, w.message.split("(")[1].split(")")[0])
               for w in warnings(events)]  # fmt: skip
    assert skipped == [
        (11, "IL-6 Mean", "'IL-6 Rep 1' on line 9 gives one"),
        (12, "IL-6 Mean", "'IL-6 Rep 2' on line 14 gives one"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "read", "refused", "warned", "il6"),
    [(LONG_MEANS, [(4, 40.0), (5, 50.0), (8, 3.0), (9, 2.0), (14, 1.5)], [2, 3, 6, 7, 10, 13],
      [11, 12], ["40", "50", "2", "1.5"]),
     (WIDE_MEANS, [(2, 5.0), (2, 40.0), (3, 5.0), (3, 50.0), (4, 2.0), (4, 5.0), (5, 5.0)],
      [2, 3, 4], [1, 2], ["40", "50", "2"])],
)  # fmt: skip
def test_the_command_says_a_mean_read_for_replicates_alike_in_every_format(
    write_csv: Callable[..., str], text: str, read: list[tuple[int, float]], refused: list[int],
    warned: list[int], il6: list[str],
) -> None:  # fmt: skip
    """json, ndjson, validate and the table give the same results, refusals and warnings: one
    IL-6 for each sample, the mean's where no replicate gave one."""
    path = write_csv(text)
    as_json = json.loads(runner.invoke(app, ["check", path, "--format", "json"]).stdout)
    lines = [json.loads(line) for line in runner.invoke(
        app, ["check", path, "--format", "ndjson"]).stdout.splitlines()]  # fmt: skip
    in_json = sorted((r["line"], r["value"]) for p in as_json["panels"] for r in p["results"])
    in_ndjson = sorted((e["line"], e["value"]) for e in lines if "marker" in e)
    assert in_json == in_ndjson == read
    in_ndjson = sorted(e["rejected"]["line"] for e in lines if "rejected" in e)
    assert sorted(r["line"] for r in as_json["rejected"]) == in_ndjson == refused
    in_ndjson = sorted(e["warning"]["line"] for e in lines if "warning" in e)
    assert sorted(w["line"] for w in as_json["warnings"]) == in_ndjson == warned
    validate = runner.invoke(app, ["validate", path]).stdout
    assert sorted(int(line.split(":")[1]) for line in validate.splitlines() if ": " in line
                  and line.startswith(path)) == sorted(refused + warned)  # fmt: skip
    table = runner.invoke(app, ["check", path]).stdout
    assert [line.split("│")[2].strip() for line in table.splitlines() if "│ IL-6 " in line] == il6
    assert f"could not be used ({len(refused)})" in table and "Warnings (2)" in table


def test_a_held_mean_row_is_not_lost_where_the_file_stops(tmp_path: Path) -> None:
    """A mean row waits for its sample's rows to end: a line too long after it must not drop
    it (nothing is silently dropped)."""
    path = tmp_path / "long.csv"
    path.write_text(
        "Sample,Analyte,Result,Units\nP1,IL-6 Mean,4.2,pg/mL\nP2,IL-6,1,pg/mL" + "0" * 200,
        encoding="utf-8",
    )
    options = CheckOptions(max_line_length=100)
    events = list(Interpreter(load_ranges(None), options).events([str(path)]))
    assert [(r.line, r.value) for r in results(events)] == [(2, 4.2)]
    assert [e.code for e in events if isinstance(e, Issue)] == ["file-unreadable"]


@pytest.mark.parametrize("short", [True, False])
def test_a_long_bioplex_table_names_its_samples_in_description(
    write_csv: Callable[..., str], short: bool
) -> None:
    """Lab QA: 'Analyte,Type,Well,Description,Obs Conc' merged PT-001 and PT-002 in one panel
    ('IL-6 is measured again'); beside a well column, Description is the sample. A long file
    without one keeps its Description as the test's (not read)."""
    events = events_in(
        write_csv,
        "Analyte,Type,Well,Description,Obs Conc (pg/mL)\nIL-6,X1,C1,PT-001,4.20\n"
        "IL-6,X2,D1,PT-002,1.0\nTNF-a,X1,C1,PT-001,12.10\n",
        short,
    )
    assert [(r.sample_id, r.marker) for r in results(events)] == [
        ("PT-001", "IL-6"), ("PT-002", "IL-6"), ("PT-001", "TNF-α"),
    ]  # fmt: skip
    assert "marker-repeated" not in [w.code for w in warnings(events)]
    events = events_in(
        write_csv, "Test,Description,Result,Units\nIL-6,Interleukin 6 serum,4.2,pg/mL\n", short
    )
    assert [r.sample_id for r in results(events)] == [None]


def test_a_figure_row_whose_value_is_no_number_is_skipped_not_refused(
    write_csv: Callable[..., str],
) -> None:
    """Review: 'IL-6 %CV' of '12%' was refused as value-not-a-number (exit 2): the value was
    read before the row was seen to be no result."""
    events = events_in(
        write_csv, "sample_id,marker,value,unit\nS1,IL-6,5,pg/mL\nS1,IL-6 %CV,12%,\n", False
    )
    assert [(i.code, i.severity) for i in events if isinstance(i, Issue)] == [
        ("figure-skipped", "warning")
    ]


def test_the_summary_offers_no_il12_for_il12_40(write_csv: Callable[..., str]) -> None:
    """The summary said "Check that the name is spelled right. Did you mean IL-12?" of
    'IL-12 (40)', the p40 form (not a bead region)."""
    text = "sample_id,marker,value,unit\nS1,IL-12 (40),3,pg/mL\n"
    run = runner.invoke(app, ["check", write_csv(text)])
    assert run.exit_code == 0, run.output
    said = " ".join(run.output.split()).casefold()
    assert "did you mean" not in said
    assert "another list of ranges (a reference set), or the lab's own range, can be used." in said


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize(
    ("header", "sub_header"),
    [
        ("Sample,IL-6 (pg/mL),IL-6 (pg/mL),IL-8 (pg/mL),IL-8 (pg/mL)", ",FI,Obs Conc,FI,Obs Conc"),
        ("Sample,IL-6,IL-6,IL-8,IL-8", ",MFI,Obs Conc (pg/mL),Net MFI,Calc. Conc. (pg/mL)"),
        ("Sample,IL-6 (pg/mL),IL-6 (pg/mL),IL-8 (pg/mL),IL-8 (pg/mL)", "Type,FI,Conc,%CV,Result"),
    ],
)
def test_a_row_under_the_header_naming_each_column_s_figure_reads_only_the_results(
    write_csv: Callable[..., str], short: bool, header: str, sub_header: str
) -> None:
    """QA: Milliplex and Bio-Plex Excel exports put 'FI' and 'Obs Conc' under each analyte;
    the row was refused as values, and the fluorescence judged in pg/mL (50 'high')."""
    events = events_in(write_csv, f"{header}\n{sub_header}\nP1,50,3.5,60,12\nP2,5,1.5,6,2\n", short)
    assert [(r.sample_id, r.marker, r.value, r.unit, r.line) for r in results(events)] == [
        ("P1", "IL-6", 3.5, "pg/mL", 3), ("P1", "IL-8", 12.0, "pg/mL", 3),
        ("P2", "IL-6", 1.5, "pg/mL", 4), ("P2", "IL-8", 2.0, "pg/mL", 4),
    ]  # fmt: skip
    assert not refusals(events)
    figures = sub_header.split(",")
    assert [(w.code, w.line, w.column) for w in warnings(events)] == [
        ("column-ignored", 2, "IL-6"),
        ("column-ignored", 2, "IL-8"),
    ]
    assert f"the row under the header names it '{figures[1]}'" in warnings(events)[0].message


def test_a_first_row_of_words_that_name_no_figure_is_still_a_row(
    write_csv: Callable[..., str],
) -> None:
    """Only a row whose marker cells all name figures is read with the header."""
    events = events_in(write_csv, "Sample,IL-6 (pg/mL),IL-8 (pg/mL)\nP0,FI,n.d.\nP1,3,4\n")
    assert [r.sample_id for r in results(events)] == ["P0", "P1", "P1"]  # 'n.d.': not found
    assert [(i.code, i.line) for i in refusals(events)] == [("value-not-a-number", 2)]


def test_the_row_naming_each_figure_again_under_a_repeated_header_is_skipped(
    write_csv: Callable[..., str],
) -> None:
    """Review: two such exports joined had the second one's 'FI, Obs Conc' row refused as
    values; other figures there stop the file, as another header does."""
    header = "Sample,IL-6 (pg/mL),IL-6 (pg/mL)\n"
    text = f"{header},FI,Obs Conc\nP1,50,3.5\n{header},FI,Obs Conc\nP2,5,1.5\n"
    events = events_in(write_csv, text)
    assert [(r.sample_id, r.value) for r in results(events)] == [("P1", 3.5), ("P2", 1.5)]
    assert not refusals(events)
    assert [(w.code, w.line) for w in warnings(events)] == [
        ("column-ignored", 2), ("header-repeated", 4), ("header-repeated", 5)
    ]  # fmt: skip
    swapped = text.replace(
        "P1,50,3.5\nSample,IL-6 (pg/mL),IL-6 (pg/mL)\n,FI,Obs Conc",
        ("P1,50,3.5\nSample,IL-6 (pg/mL),IL-6 (pg/mL)\n,Obs Conc,FI"),
    )
    result = runner.invoke(app, ["check", write_csv(swapped), "--format", "csv"])
    assert result.exit_code == 2
    assert "line 5 names other figures or units in the columns" in result.stderr
    assert ",P1," in result.stdout and ",P2," not in result.stdout
    # the same figures, but another unit for the results (review: 1.5 ng/mL read as pg/mL)
    units = (
        "Sample,IL-6,IL-6\n,FI,Obs Conc (pg/mL)\nP1,50,3.5\nSample,IL-6,IL-6\n"
        ",FI,Obs Conc (ng/mL)\nP2,5,1.5\n"
    )
    result = runner.invoke(app, ["check", write_csv(units), "--format", "csv"])
    assert result.exit_code == 2
    assert "line 5 names other figures or units in the columns" in result.stderr


@pytest.mark.parametrize(
    ("sex", "age", "birth"),
    [("Patient Sex", "Patient Age", "Patient DOB"), ("Sex (M/F)", "Age (y)", "Date of Birth"),
     ("Geschlecht (m/w)", "Alter (Jahre)", "Patient Birth Date"),
     ("Sex at birth", "Age at collection", "DOB")],
)  # fmt: skip
def test_common_sex_age_and_birth_date_headers_are_read(
    tmp_path: Path, sex: str, age: str, birth: str
) -> None:
    """QA: 'Patient Sex', 'Sex (M/F)', 'Age (y)' and 'Patient DOB' were 'not read', and the
    result indeterminate, while 'Patient Age' and 'DOB' were read."""
    from panelcli.check import check_file

    path = tmp_path / "people.csv"
    path.write_text(
        f"sample_id,{sex},{age},{birth},collected_at,marker,value,unit\n"
        "S1,Frau,,1980-01-01,2026-03-02,Ferritin,200,ug/L\n"
        "S2,M,42,,2026-03-02,Ferritin,200,ug/L\n",
        encoding="utf-8",
    )
    report = check_file(str(path), load_ranges("mayo-adult"))
    assert report.warnings == []
    assert [r.status.value for p in report.panels for r in p.results] == ["high", "normal"]


@pytest.mark.parametrize(
    ("first", "second"), [("DOB", "Patient DOB"), ("Gender", "Sex at birth"), ("Age", "Age (y)")]
)
def test_a_second_such_column_beside_the_usual_one_is_left_out_not_refused(
    tmp_path: Path, first: str, second: str
) -> None:
    """Review: with 'Patient DOB' read as a birth date, a file with 'DOB' and 'Patient DOB'
    was refused as having two birth date columns; it was read before."""
    path = tmp_path / "two.csv"
    path.write_text(
        f"sample_id,collected_at,{first},{second},marker,value,unit\n"
        "S1,2026-03-02,,,IL-6,5,pg/mL\n",
        encoding="utf-8",
    )
    events = list(Interpreter(load_ranges(), CheckOptions()).events([str(path)]))
    assert [e.code for e in events if isinstance(e, Issue)] == ["column-ignored"]
    assert [e.marker for e in events if isinstance(e, Result)] == ["IL-6"]


@pytest.mark.parametrize("ranges", ["arup-3002601", "mayo-adult"])
def test_a_wide_column_of_two_names_joined_by_a_slash_is_read(
    write_csv: Callable[..., str], ranges: str
) -> None:
    """QA: Bio-Plex's 'IL-8/CXCL8 (18)' column (R&D Systems' name) was not read, its 48 pg/mL
    in no output; it is IL-8 where the set has IL-8, else a result with no range."""
    path = write_csv("Sample,IL-6 (19),IL-8/CXCL8 (18)\nU1,4.2,48\n")
    options = CheckOptions(assume_unit="pg/mL")
    found = results(list(Interpreter(load_ranges(ranges), options).events([path])))
    assert [(r.marker, r.value, r.status) for r in found][1:] == [
        ("IL-8", 48, "high")
        if ranges == "arup-3002601"
        else ("IL-8/CXCL8", 48, "no_reference")  # its bead region dropped, as IL-6's (QA)
    ]


XPONENT = (
    '"Program","xPONENT","","MAGPIX"\n"DataType:","Concentration"\n'
    '"Location","Sample","IL-6 (19) (pg/mL)"\n"1(1,A1)","Background0","NaN"\n'
    '"2(1,B1)","Standard1","10000.00"\n"3(1,C1)","Control1","45.21"\n'
    '"4(1,D1)","Control2","512.30"\n"5(1,E1)","Unknown1","1.20"\n'
)


@pytest.mark.parametrize("short", [True, False])
def test_an_xponent_exports_kit_controls_are_not_judged(
    write_csv: Callable[..., str], short: bool
) -> None:
    """QA: xPONENT's 'Control1' and 'Control2' beside 'Standard1' and 'Unknown1' were judged
    as patients (high, exit 1) where the only sample is normal; outside such an export a
    'Control 2' may be a study's control subject, and is judged."""
    events = events_in(write_csv, XPONENT, short)
    assert [(r.sample_id, r.status) for r in results(events)] == [("Unknown1", "normal")]
    skipped = [w for w in warnings(events) if w.code == "control-skipped"]
    assert [w.line for w in skipped] == [4, 5, 6, 7]
    assert "a kit control (sample 'Control1', as xPONENT names them)" in skipped[2].message
    plain = events_in(write_csv, XPONENT.split("\n", 2)[2].replace("Background0", "B0"), short)
    assert [r.sample_id for r in results(plain)] == ["Control1", "Control2", "Unknown1"]
    # review: 'exponential' and 'Data type:' are no xPONENT, and 'Control 7' no name of its
    for above in ("Standard curve: exponential fit", "Data type: plasma cytokines"):
        study = events_in(write_csv, f"{above}\n{plain_text(XPONENT)}", short)
        assert [r.sample_id for r in results(study)] == ["Control1", "Control2", "Unknown1"]
    spaced = events_in(write_csv, XPONENT.replace("Control2", "Control 7"), short)
    assert [r.sample_id for r in results(spaced)] == ["Control 7", "Unknown1"]


def plain_text(xponent: str) -> str:
    """The xPONENT file without its lines above the header, 'Background0' as 'B0'."""
    return xponent.split("\n", 2)[2].replace("Background0", "B0")


@pytest.mark.parametrize("after", ["", ",Dilution"])
def test_a_marker_cell_merged_over_its_figure_columns_is_read(
    write_csv: Callable[..., str], after: str
) -> None:
    """QA: a Bio-Plex sheet saved from Excel leaves the second column under a merged 'IL-6
    (pg/mL)' cell without a header: every row was refused for its cells past the header, or
    (with a column after) 'FI' was read as a unit and 'Obs Conc' not at all."""
    dilution = ",4" if after else ""
    events = events_in(
        write_csv,
        f"Type,Well,Description,IL-6 (pg/mL),,TNF-a (pg/mL),{after}\n"
        f",,,FI,Obs Conc,FI,Obs Conc{',' if after else ''}\n"
        f"X1,E1,PT-001,55,4.21,120,18.60{dilution}\nX2,F1,PT-002,1200,48.00,90,3.10{dilution}\n",
        short=False,
    )
    assert not refusals(events)
    assert [(r.sample_id, r.marker, r.value, r.column) for r in results(events)] == [
        ("PT-001", "IL-6", 4.21, "IL-6 (pg/mL)"), ("PT-001", "TNF-α", 18.6, "TNF-a (pg/mL)"),
        ("PT-002", "IL-6", 48.0, "IL-6 (pg/mL)"), ("PT-002", "TNF-α", 3.1, "TNF-a (pg/mL)"),
    ]  # fmt: skip
    ignored = [w.message for w in warnings(events) if w.line == 2]
    assert len(ignored) == 2 and all("names it 'FI'" in message for message in ignored)


def test_a_wide_ratio_column_is_not_read_as_a_marker(write_csv: Callable[..., str]) -> None:
    """Review: 'IL-6/IL-10' (a ratio of two markers) was read as a marker with no range."""
    path = write_csv("Sample ID,IL-6 (pg/mL),IL-10 (pg/mL),IL-6/IL-10\nS1,3,2,1.5\n")
    events = list(Interpreter(load_ranges(None), CheckOptions()).events([path]))
    assert [r.marker for r in results(events)] == ["IL-6", "IL-10"]
    assert [w.column for w in warnings(events) if w.code == "column-ignored"] == ["IL-6/IL-10"]


def test_a_figure_unit_column_beside_the_markers_results_is_not_read(
    write_csv: Callable[..., str],
) -> None:
    """Review: a Luminex sheet with 'IL-6 (MFI)' beside 'IL-6 (pg/mL)' was refused on every
    row for its MFI cells (exit 2); alone, 'IL-6 (MFI)' is still read and refused for its unit."""
    path = write_csv("Sample ID,IL-6 (pg/mL),IL-6 (MFI),IL-8 (pg/mL),IL-8 [FI]\nS1,3,1200,4,900\n")
    events = list(Interpreter(load_ranges(None), CheckOptions()).events([path]))
    assert [(r.marker, r.value) for r in results(events)] == [("IL-6", 3), ("IL-8", 4)]
    assert not refusals(events)
    ignored = [w.column for w in warnings(events) if w.code == "column-ignored"]
    assert ignored == ["IL-6 (MFI)", "IL-8 [FI]"]
    alone = write_csv("Sample ID,IL-6 (MFI)\nS1,1200\n", "alone.csv")
    events = list(Interpreter(load_ranges(None), CheckOptions()).events([alone]))
    assert [e.code for e in refusals(events)] == ["unit-not-concentration"]


def test_a_merged_two_row_header_repeated_is_skipped(write_csv: Callable[..., str]) -> None:
    """QA: the same header of merged marker cells over a row of figures, further down (two
    exports joined), was read as a sample 'Sample ID' with no values and 'Obs Conc' values."""
    path = write_csv(
        "Sample ID,IL-6 (pg/mL),,TNF-a (pg/mL),\n,FI,Obs Conc,FI,Obs Conc\n"
        "S1,1200,1.2,2100,3.4\nSample ID,IL-6 (pg/mL),,TNF-a (pg/mL),\n"
        ",FI,Obs Conc,FI,Obs Conc\nS2,1300,2.2,2200,4.4\n"
    )
    events = list(Interpreter(load_ranges(None), CheckOptions()).events([path]))
    assert not refusals(events)
    assert [(r.sample_id, r.value) for r in results(events)] == [
        ("S1", 1.2), ("S1", 3.4), ("S2", 2.2), ("S2", 4.4)
    ]  # fmt: skip
    assert [w.line for w in warnings(events) if w.code == "header-repeated"] == [4, 5]


@pytest.mark.parametrize("short", [True, False])
def test_a_replicate_column_names_each_row_s_replicate_or_figure(
    write_csv: Callable[..., str], short: bool
) -> None:
    """QA: a long file's 'Replicate' column was ignored: its 'CV%' row was judged as IL-8
    13 pg/mL, high (exit 1), and its 'Mean' row as a third IL-6 result. They are read as an
    instrument's columns so named are ('IL-8 CV%', 'IL-6 Mean'); a label that says neither
    ('A') leaves the marker as written."""
    text = (
        "Sample,Analyte,Replicate,Conc (pg/mL)\nS1,IL-6,1,1.0\nS1,IL-6,2,2.0\nS1,IL-6,Mean,1.5\n"
        "S1,IL-8,1,5\nS1,IL-8,2,6\nS1,IL-8,CV%,13\nS1,IL-10,A,1\n"
    )
    events = events_in(write_csv, text, short)
    assert [(r.line, r.marker, r.marker_as_written) for r in results(events)] == [
        (2, "IL-6", "IL-6 Rep 1"), (3, "IL-6", "IL-6 Rep 2"), (5, "IL-8", "IL-8 Rep 1"),
        (6, "IL-8", "IL-8 Rep 2"), (8, "IL-10", "IL-10"),
    ]  # fmt: skip
    said = [(w.code, w.line) for w in warnings(events) if w.code != "marker-repeated"]
    assert said == [("mean-skipped", 4), ("figure-skipped", 7)]
    assert all(r.status.value == "normal" for r in results(events))
    run = runner.invoke(app, ["check", write_csv(text)])
    assert run.exit_code == 0, run.output


def test_a_wide_file_s_replicate_column_is_read_so_too(write_csv: Callable[..., str]) -> None:
    text = "Sample ID,Replicate,IL-6 (pg/mL),IL-8 (pg/mL)\nS1,1,2.0,5\nS1,2,1.0,6\nS1,CV%,20,9\n"
    events = events_in(write_csv, text)
    assert [(r.line, r.marker_as_written) for r in results(events)] == [
        (2, "IL-6 Rep 1"), (2, "IL-8 Rep 1"), (3, "IL-6 Rep 2"), (3, "IL-8 Rep 2"),
    ]  # fmt: skip
    said = [(w.code, w.line) for w in warnings(events) if w.code != "marker-repeated"]
    assert said == [("figure-skipped", 4), ("figure-skipped", 4)]


def test_a_wide_file_s_mean_row_beside_replicate_rows_is_not_a_third_result(
    write_csv: Callable[..., str],
) -> None:
    """QA: with a 'Replicate' column, a wide file's 'Mean' row (45, high) was judged beside its
    replicate rows (1 and 2, normal): exit 1. It is skipped as a long file's is; a sample's
    mean with no replicate rows is its result."""
    text = "Sample ID,Replicate,IL-6 (pg/mL)\nS1,Mean,45\nS1,1,1\nS1,2,2\nS2,Mean,3\n"
    events = events_in(write_csv, text)
    assert [(r.line, r.marker_as_written, r.value) for r in results(events)] == [
        (3, "IL-6 Rep 1", 1.0), (4, "IL-6 Rep 2", 2.0), (5, "IL-6 Mean", 3.0),
    ]  # fmt: skip
    assert [(w.code, w.line) for w in warnings(events) if w.code != "marker-repeated"] == [
        ("mean-skipped", 2),
    ]  # fmt: skip


def test_a_replicate_beside_a_unit_in_the_marker_cell_and_a_comment_row(
    write_csv: Callable[..., str],
) -> None:
    """Review: 'IL-8 (pg/mL)' with 'CV%' became 'IL-8 (pg/mL) CV%', a no_reference result;
    'Comment' with '1' became 'Comment Rep 1', not a note."""
    text = (
        "Sample,Analyte,Replicate,Result\nS1,IL-8 (pg/mL),1,5\nS1,IL-8 (pg/mL),CV%,13\n"
        "S1,Comment,1,see note\n"
    )
    events = events_in(write_csv, text, short=False)
    assert [(r.line, r.marker_as_written) for r in results(events)] == [(2, "IL-8 Rep 1")]
    assert [(w.code, w.line) for w in warnings(events)] == [
        ("figure-skipped", 3), ("note-row-skipped", 4),
    ]  # fmt: skip


def test_a_wide_column_named_like_a_cytokine_with_no_unit_is_read_as_a_marker(write_csv):
    """QA: 'MCP-1' and 'Eotaxin' (markers the set lacks, no unit in the header) were 'not a
    known marker or field', as 'Box' is. They are markers: a units row gives their unit,
    else it is missing (a header of such names alone is none: see the test below)."""
    found = events_in(write_csv, "Sample ID,MCP-1,Eotaxin,IL-18 [pg/mL],Box\nW1,100,50,300,ok\n")
    said = {w.column: w.message for w in warnings(found) if w.code == "column-ignored"}
    assert said == {"Box": "column 'Box' is not a known marker or field and was not read"}
    assert [(r.marker, r.unit, r.status) for r in results(found)] == [
        ("MCP-1", None, "no_reference"), ("Eotaxin", None, "no_reference"),
        ("IL-18", "pg/mL", "no_reference"),
    ]  # fmt: skip
    assert "its unit is missing" in (results(found)[0].note or "")
    units_row = events_in(  # beside a marker the set knows (names alone make no header)
        write_csv, "Sample ID,IL-6,MCP-1,IP-10\nUnits,pg/mL,pg/mL,pg/mL\nS-1,3,300,150\n"
    )
    assert [(r.marker, r.unit) for r in results(units_row)] == [
        ("IL-6", "pg/mL"), ("MCP-1", "pg/mL"), ("IP-10", "pg/mL")
    ]  # fmt: skip


def test_a_wide_file_of_markers_the_set_lacks_is_read_by_their_names_and_units(write_csv):
    """QA: a chemokine panel ('IL-18 (pg/mL)', 'MCP-1 (pg/mL)') under a set that has neither
    had 'no header with marker and value columns' (exit 2); a name with a unit that is no
    cytokine's still makes no header, as before."""
    found = events_in(write_csv, "Sample ID,IL-18 (pg/mL),MCP-1 (pg/mL)\nW1,300,5\n")
    assert [(r.marker, r.value, r.status) for r in results(found)] == [
        ("IL-18", 300.0, "no_reference"), ("MCP-1", 5.0, "no_reference")
    ]  # fmt: skip
    spelled = events_in(  # QA: names spelled out made no header
        write_csv, "Sample ID,Interleukin-18 (pg/mL),Monocyte chemoattractant protein-1 (pg/mL),"
        "Nerve growth factor (pg/mL)\nW1,1,2,3\n",
    )  # fmt: skip
    assert len(results(spelled)) == 3
    for other in (
        "Sample ID,Weight (kg)\nW1,70\n",
        # review: a blood count's PCT (plateletcrit), a chemistry panel's Osm (osmolality)
        "Sample,WBC (10^9/L),HGB (g/dL),PLT (10^9/L),PCT (%),MPV (fL)\nC1,6.1,14.2,250,0.22,9\n",
        "Patient,Sodium (mmol/L),Osm (mOsm/kg),CSF (mg/dL)\nP1,140,290,60\n",
        "Sample,IP-10 (mmol/L)\nS1,3\n",  # a cytokine's name, but no concentration's unit
    ):
        done = CliRunner().invoke(app, ["check", write_csv(other)])
        assert done.exit_code == 2 and "no header with marker and value columns" in done.stderr


def test_a_wide_column_of_another_test_in_a_unit_no_cytokine_takes_is_not_read(write_csv):
    """QA: a chemistry export with CRP among Sodium (mmol/L), ALT (U/L) and WBC (10^3/uL) had
    each read as a marker with 'no reference range' (and asked to check its spelling)."""
    found = events_in(
        write_csv,
        "Patient,Sodium (mmol/L),ALT (U/L),WBC (10^3/uL),Glucose (mg/dL),IL-6 (pg/mL)\n"
        "P1,140,30,6,90,3\n",
    )
    said = {w.column: w.message for w in warnings(found) if w.code == "column-ignored"}
    assert set(said) == {"Sodium (mmol/L)", "ALT (U/L)", "WBC (10^3/uL)"}
    assert said["ALT (U/L)"] == (
        "column 'ALT (U/L)' was not read: it is not a marker of the reference set, and its "
        "unit 'U/L' is not one cytokines are given in (pg/mL, ng/mL …); if it is a marker, add "
        "it to your ranges file"
    )
    # a mass per volume may be a marker the set lacks: read, with no reference range
    assert [(r.marker, r.status) for r in results(found)] == [
        ("Glucose", "no_reference"), ("IL-6", "high")
    ]  # fmt: skip


def test_cytokine_names_alone_make_no_header_and_other_tests_names_are_no_cytokines(write_csv):
    """Review: a line 'Analytes,MCP-1,IP-10' above a long file's header was taken for a wide
    header and every row lost; a TB test's 'Interferon gamma Nil (IU/mL)', 'Insulin-like
    growth factor 1 (ng/mL)' and 'FGF-23 (pg/mL)' made panels of other tests; a cytokine's
    own flag and range columns ('IL-18 Flag') were read as values."""
    long = events_in(
        write_csv,
        "Analytes,MCP-1,IP-10\nsample_id,marker,value,unit\nS1,MCP-1,250,pg/mL\nS1,IL-6,12,pg/mL\n",
    )
    assert [r.marker for r in results(long)] == ["MCP-1", "IL-6"]
    for other in (
        "Patient ID,Interferon gamma Nil (IU/mL),Interferon gamma TB1 (IU/mL)\nP1,0.05,0.06\n",
        "Patient ID,Insulin-like growth factor 1 (ng/mL),Growth hormone (ng/mL)\nP1,150,1\n",
        "Patient ID,Calcium (mg/dL),PTH (pg/mL),FGF-23 (pg/mL)\nP1,9.5,40,60\n",
    ):
        done = CliRunner().invoke(app, ["check", write_csv(other)])
        assert done.exit_code == 2 and "no header with marker and value columns" in done.stderr
    own = events_in(
        write_csv,
        "Sample ID,IL-18 (pg/mL),IL-18 Flag,IL-18 Reference Range (pg/mL)\nS1,250,H,0-200\n",
    )
    assert [(r.marker, r.status) for r in results(own)] == [("IL-18", "high")]


@pytest.mark.parametrize("marker", ["IL-6", "IL-18"])
def test_an_assay_limit_column_is_no_result(write_csv, marker: str) -> None:
    """Review: 'IL-6 LOD (pg/mL)' beside 'IL-6 (pg/mL)' was read as a marker 'IL-6 LOD' with
    no reference range: the assay's detection limit is no result of the sample's."""
    found = events_in(
        write_csv, f"Sample ID,{marker} (pg/mL),{marker} LOD (pg/mL),{marker} LLOQ\nS1,250,1.5,3\n"
    )
    assert [r.marker_as_written for r in results(found)] == [marker]
    said = [w.message for w in warnings(found) if w.code == "column-ignored"]
    assert said[0] == (
        f"column '{marker} LOD (pg/mL)' was not read: it gives the assay's 'LOD' for "
        f"{marker}, not the sample's result"
    )
    # a long file's row of it, also of a marker the set lacks: the assay's too; an 'FI' stays
    # the instrument's (QA: 'IL-18 LLOQ' was a result with no reference)
    found = events_in(
        write_csv,
        f"sample_id,marker,value,unit\nS1,{marker} LLOQ,3,pg/mL\nS1,{marker} FI,812,\n",
    )
    assert [w.message.split(" for ")[0] for w in warnings(found)] == [
        f"'{marker} LLOQ' gives the assay's 'LLOQ'", f"'{marker} FI' gives the instrument's 'FI'",
    ]  # fmt: skip


def test_a_bead_region_after_a_marker_the_set_lacks_is_dropped_as_after_one_it_has(write_csv):
    """QA: 'IL-18 (33)' (xPONENT's bead region) was 'not a known marker or field' in a wide
    file, and in a long file its result's marker was 'IL-18 (33)', where 'IL-6 (19)' is IL-6."""
    wide = events_in(write_csv, "Sample,IL-6 (19),IL-18 (33),MCP-1 (Bead 41)\nS1,12.5,240,9\n")
    assert [(r.marker, r.marker_as_written) for r in results(wide)] == [
        ("IL-18", "IL-18 (33)"), ("MCP-1", "MCP-1 (Bead 41)")
    ]  # fmt: skip
    assert [(i.marker, i.code) for i in refusals(wide)] == [("IL-6 (19)", "unit-missing")]
    long = events_in(
        write_csv, "sample_id,marker,value,unit\nS1,IL-18 (33),250,pg/mL\nS1,IL-18 Rep 1,9,pg/mL\n"
    )
    assert [r.marker for r in results(long)] == ["IL-18", "IL-18"]


@pytest.mark.parametrize("short", [True, False])
def test_a_unitless_range_far_off_in_the_value_s_unit_but_near_in_the_set_s_is_not_used(
    write_csv: Callable[..., str], short: bool
) -> None:
    """QA: '< 62' beside IL-8 at 0,5 ng/mL was read as < 62,000 pg/mL, and 500 pg/mL was
    normal with only the usual 'differs' warning; such a range's unit is in doubt. A range
    with its own unit, or one near the set's in the value's unit, is used as before."""
    found = events_in(
        write_csv,
        "Auftragsnr.;Analyt;Ergebnis;Einheit;Referenzbereich\nK1;IL-8;0,5;ng/ml;< 62\n"
        "K1;IL-6;0,5;ng/ml;< 62 ng/ml\nK1;IL-10;0,004;ng/ml;< 0,0091\n"
        # QA round 2: 12,000 times off in ng/mL, 12 times in pg/mL (was used: normal, exit
        # 0); a range in ng/mL beside a value in pg/mL, 1/360 of the set's
        "K2;IL-6;0,5;ng/ml;0-30\nK3;IL-6;2;pg/ml;0-0,007\n",
        short,
    )
    read = [(r.marker, r.status.value, r.reference and r.reference.origin) for r in results(found)]
    assert read == [
        ("IL-8", "high", "set"), ("IL-6", "normal", "file"), ("IL-10", "normal", "file"),
        ("IL-6", "high", "set"), ("IL-6", "normal", "set"),
    ]  # fmt: skip
    doubts = [w for w in warnings(found) if w.code == "range-unreadable"]
    assert [d.line for d in doubts] == [2, 5, 6] and doubts[0].message == (
        "reference range '< 62' has no unit: read in the value's unit it is 6,600 times the "
        "reference set's upper limit (9.4 pg/mL), and read in pg/mL 6.6 times that limit, so "
        "its unit is in doubt (give its unit, in the range or its column's name); the reference "
        "set's range was used"
    )
    assert "it is 1/360 of the reference set's upper limit (2.5 pg/mL), so its" in doubts[2].message


@pytest.mark.parametrize("ranges", ["arup-3002601", "mayo-adult"])
def test_a_species_prefix_is_read_off_before_a_form_or_a_hint(
    write_csv: Callable[..., str], ranges: str
) -> None:
    """Review: 'Hu IL-12 (40)' was named 'Hu IL-12' and hinted as IL-12 p70 (Mayo) or IL-12,
    where 'IL-12 (40)' is told the set's form is another; both are said alike now."""
    interpreter = Interpreter(load_ranges(ranges), CheckOptions())
    found = list(
        interpreter.events(
            [
                write_csv(
                    "sample_id,marker,value,unit\nS1,IL-12 (40),150,pg/mL\n"
                    "S2,Hu IL-12 (40),150,pg/mL\n"
                )
            ]  # fmt: skip
        )
    )
    plain, prefixed = results(found)
    assert prefixed.marker == plain.marker
    assert prefixed.note == (plain.note or "").replace("'IL-12 (40)'", "'Hu IL-12 (40)'")


def test_times_said_reads_as_words() -> None:
    from panelcli.check import times_said

    assert [times_said(t) for t in (6600.0, 6.6, 1.0, 0.5, 0.0025)] == [
        "6,600 times", "6.6 times", "the same as", "1/2 of", "1/400 of",
    ]  # fmt: skip
