"""Gauges and sparklines: where a value sits, readable without colour."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from made_up import made_up_result
from typer.testing import CliRunner

from panelcli.cli import app
from panelcli.models import Status
from panelcli.render.pictures import (
    AT_LEAST,
    AT_MOST,
    GAUGE_WIDTH,
    IN_RANGE,
    NARROW_GAUGE_WIDTH,
    OUTSIDE,
    SPARKS,
    VALUE,
    gauge,
    gauge_width,
    sparkline,
)
from panelcli.samples import find_sample


def test_a_value_inside_a_one_sided_range_sits_on_the_range_part_on_a_linear_scale() -> None:
    drawn = gauge(made_up_result(value=1.8))
    assert drawn is not None
    bar, log = drawn
    assert not log and len(bar) == GAUGE_WIDTH
    assert bar.startswith(IN_RANGE) and bar.endswith(OUTSIDE)
    assert bar.count(VALUE) == 1
    assert set(bar[: bar.index(VALUE)]) == {IN_RANGE}


def test_a_value_orders_of_magnitude_above_the_range_uses_a_log_scale() -> None:
    drawn = gauge(made_up_result(value=1000.0))
    assert drawn is not None
    bar, log = drawn
    assert log
    position = bar.index(VALUE)
    assert position > GAUGE_WIDTH * 0.8  # far right
    assert bar[0] == IN_RANGE and set(bar[1:position]) == {OUTSIDE}


def test_a_two_sided_range_shows_outside_on_both_sides_and_a_low_value_left_of_it() -> None:
    drawn = gauge(made_up_result(value=100.0, low=266.5, high=1410.4))
    assert drawn is not None
    bar, log = drawn
    assert log  # 100 to 1410 spans more than a factor of ten
    assert bar.index(VALUE) < bar.index(IN_RANGE)
    assert bar.endswith(OUTSIDE)


@pytest.mark.parametrize("width", [GAUGE_WIDTH, NARROW_GAUGE_WIDTH])
def test_a_value_just_past_a_limit_is_not_drawn_as_one_at_the_limit(width: int) -> None:
    """QA: 2.51 over '≤ 2.5' (high) and 2.5 (normal) were both '═══════════●···', and 266
    under '266.5 - 1410.4' (low) sat beside the range; outside, a cell of outside is between."""
    at = gauge(made_up_result(value=2.5, flag="N"), width)
    past = gauge(made_up_result(value=2.51, status=Status.HIGH, flag="H"), width)
    assert at is not None and past is not None and at[0] != past[0]
    assert past[0][past[0].index(VALUE) - 1] == OUTSIDE
    assert at[0][at[0].index(VALUE) - 1] == IN_RANGE
    low = gauge(
        made_up_result(value=266, status=Status.LOW, low=266.5, high=1410.4, flag="L"), width
    )
    assert low is not None and low[0][low[0].index(VALUE) + 1] == OUTSIDE


def test_a_value_judged_normal_sits_on_the_range() -> None:
    """A normal value whose cell the scale puts just past a limit is drawn on the range."""
    for value, low, high in ((266.5, 266.5, 1410.4), (1410.4, 266.5, 1410.4), (2.5, None, 2.5)):
        drawn = gauge(made_up_result(value=value, low=low, high=high, flag="N"))
        assert drawn is not None
        bar = drawn[0]
        neighbours = {
            bar[i] for i in (bar.index(VALUE) - 1, bar.index(VALUE) + 1) if 0 <= i < len(bar)
        }
        assert IN_RANGE in neighbours, bar


def test_censored_values_point_the_way_they_are_open() -> None:
    below, _ = gauge(made_up_result(value=1.0, comparator="<")) or ("", False)
    above, _ = gauge(made_up_result(value=1000.0, comparator=">")) or ("", False)
    assert AT_MOST in below and VALUE not in below
    assert AT_LEAST in above and VALUE not in above


def test_nothing_is_drawn_without_a_number_or_a_range() -> None:
    assert gauge(made_up_result(value=None)) is None
    assert gauge(made_up_result(value=3.0, reference=False)) is None
    assert gauge(made_up_result(value=3.0, high=None)) is None


def test_sparkline_runs_lowest_to_highest_with_gaps_for_missing_numbers() -> None:
    assert sparkline([3.1, 14.8, 36.2, 9.7, 2.2]) == "▁▄█▃▁"
    assert sparkline([1.0, None, 2.0]) == "▁ █"
    assert sparkline([5.0, 5.0]) == "▄▄"
    assert sparkline([None]) == " "
    # a change the trend calls steady is flat, not a climb ▁▅█ beside '→ steady' (QA)
    assert sparkline([3.0, 3.1, 3.2]) == "▄▄▄"


def test_without_colour_every_status_still_shows_as_icon_and_word_beside_its_gauge() -> None:
    result = CliRunner().invoke(app, ["demo", "cytokine-storm"], env={"NO_COLOR": "1"})
    assert result.exit_code == 0
    assert "\x1b[" not in result.output  # no colour codes at all
    rows = {line.split("│")[1].strip(): line for line in result.output.splitlines() if "│" in line}
    assert "▲ high" in rows["IL-6"] and AT_LEAST in rows["IL-6"] and " log" in rows["IL-6"]
    assert "✓ normal" in rows["IL-4"] and VALUE in rows["IL-4"]
    assert "How to read the gauges" in result.output


def test_the_serial_sample_shows_a_trend_table_with_sparklines_and_words() -> None:
    sample = find_sample("serial-monitoring")
    assert sample is not None
    result = CliRunner().invoke(app, ["check", str(sample.path)])
    assert result.exit_code == 1  # values are flagged
    assert "Changes over time · patient SYNTH-006 · 5 dates" in result.output
    il6 = next(line for line in result.output.splitlines() if "▁▄█▃▁" in line)
    assert "IL-6" in il6 and "3.1 → 2.2 pg/mL" in il6 and "↗↘ rose, then fell" in il6
    assert "36.2 pg/mL on 2026-07-03" in il6
    assert "rose and then fell again" in result.output


def test_gauges_narrow_on_small_terminals_so_the_other_columns_keep_their_room() -> None:
    assert gauge_width(120) == GAUGE_WIDTH and gauge_width(80) == NARROW_GAUGE_WIDTH
    for columns, width in (("96", NARROW_GAUGE_WIDTH), ("120", GAUGE_WIDTH)):
        result = CliRunner().invoke(app, ["demo", "cytokine-storm"], env={"COLUMNS": columns})
        assert result.exit_code == 0
        assert max(len(line) for line in result.output.splitlines()) <= int(columns)
        il4 = next(line for line in result.output.splitlines() if line.startswith("│ IL-4 "))
        assert len(il4.split("│")[7].strip()) == width


def test_a_long_series_draws_at_most_spark_width_blocks_and_keeps_its_peak() -> None:
    """Forty dates made forty blocks and squeezed the trend table's other columns to '…'."""
    from panelcli.render.pictures import SPARK_WIDTH

    values: list[float | None] = [1.0] * 100
    values[57] = 50.0
    line = sparkline(values)
    assert len(line) == SPARK_WIDTH
    assert line.count("█") == 1 and set(line) == {"▁", "█"}
    assert len(sparkline([1.0, 2.0, 3.0])) == 3  # a short one is drawn as it is


@pytest.mark.parametrize(
    ("env", "escapes"),
    [({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False), ({"FORCE_COLOR": "0"}, False),
     ({"FORCE_COLOR": "1"}, True), ({}, False), ({"FORCE_COLOR": "no"}, False),
     ({"FORCE_COLOR": "off"}, False), ({"FORCE_COLOR": "false"}, False),
     ({"FORCE_COLOR": "1", "TERM": "dumb"}, False)],  # as the README says
)  # fmt: skip
def test_no_color_wins_over_force_color_in_a_pipe(env: dict[str, str], escapes: bool) -> None:
    """With both set (or FORCE_COLOR=0), piped output still had bold and dim codes (review)."""
    result = CliRunner().invoke(
        app,
        ["check", str(find_sample("cytokine-storm").path)],
        env={"FORCE_COLOR": "", "TERM": "xterm-256color", **env},
    )
    assert ("\x1b[" in result.output) is escapes


def test_a_dumb_terminal_keeps_the_width_columns_gives() -> None:
    """QA: TERM=dumb (Emacs' shell) drew an 80-column table at COLUMNS=200: rich keeps a width
    given alone only with a height."""
    for term in ("dumb", "xterm-256color"):
        result = CliRunner().invoke(
            app,
            ["check", str(find_sample("cytokine-storm").path)],
            env={"FORCE_COLOR": "1", "TERM": term, "COLUMNS": "200", "NO_COLOR": ""},
        )
        assert max(len(line) for line in result.output.splitlines()) > 100, term


@pytest.mark.parametrize("columns", [40, 60, 80, 100])
@pytest.mark.parametrize("sample", ["cytokine-storm", "serial-monitoring"])
def test_a_narrow_terminal_drops_columns_then_lists_results_but_never_cuts_a_value(
    columns: int, sample: str
) -> None:
    """At 60 and 40 columns Value, Unit and Range were squeezed to '…' and markers to 'IL-…'
    (found in QA): less useful columns go first, then each result is a short paragraph."""
    result = CliRunner().invoke(app, ["demo", sample], env={"COLUMNS": str(columns)})
    assert result.exit_code in (0, 1)
    lines = result.output.splitlines()
    assert max(len(line) for line in lines) <= columns
    # the reference set's sha256 is shortened on purpose ('0389512250ce…')
    assert "…" not in re.sub(r"[0-9a-f]*…\)", "", "".join(lines))
    if sample == "cytokine-storm":
        output = " ".join(result.output.split())
        for marker, value in (("IL-12", "5.1"), ("sIL-2R", "9120"), ("IL-6", ">1000")):
            assert marker in output and value in output
        assert "266.5 - 1410.4" in output and "more than 400 ×" in output
    else:
        said = shown_cells(result.output)
        assert "3.1 → 2.2 pg/mL" in said and "↗↘ rose, then fell" in said
        # the peak stays at every width (80 columns dropped it; found in QA)
        assert "36.2 pg/mL on 2026-07-03" in said


def shown_cells(output: str) -> str:
    """The output with each table row's cells joined across its wrapped lines, one per line;
    other lines as they are ('highest 36.2 pg/mL on 2026-07-03' of a narrow terminal's list)."""
    rows: list[list[str]] = []
    said = []
    for line in output.splitlines():
        cells = [cell.strip() for cell in re.split(r"[│|]", line.strip())[1:-1]]
        if not line[:1] or line[:1] not in "│|" or len(cells) < 2:  # a box's line too
            said.append(line)
            continue
        if rows and not cells[0] and len(cells) == len(rows[-1]):
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]
        else:
            rows.append(cells)
    return "\n".join(said + [cell for row in rows for cell in row])


@pytest.mark.parametrize("columns", [71, 82, 85, 90, 93, 101])
def test_a_narrow_ascii_terminal_measures_the_spelled_out_table(
    columns: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On an ASCII terminal '→' is written '->' and '…' '...': measured before spelling, the
    trend table ran 2 columns past the width and cut 'Reference range' (found in QA)."""
    import io

    from panelcli.check import check_file
    from panelcli.ranges import bundled_sets
    from panelcli.render.console import make_console
    from panelcli.render.table import render_table
    from panelcli.samples import list_samples

    sample = next(s for s in list_samples() if s.name == "serial-monitoring")
    report = check_file(str(sample.path), ranges=bundled_sets()["arup-3002601"])
    out = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="replace")
    monkeypatch.setenv("COLUMNS", str(columns))
    render_table(report, make_console(out))
    out.flush()
    text = out.buffer.getvalue().decode("ascii")  # type: ignore[attr-defined]
    assert max(len(line) for line in text.splitlines()) <= columns
    said = shown_cells(text)
    assert "Refe..." not in text and "36.2 pg/mL on 2026-07-03" in said


def test_a_critical_result_shows_its_side(tmp_path: Path) -> None:
    """A critical low showed '‼▼ critical' but a critical high only '‼ critical' (QA)."""
    from panelcli.ranges import find_set

    text = find_set("arup-3002601").read_text(encoding="utf-8")
    text = text.replace('[markers."IL-6"]\n', '[markers."IL-6"]\ncritical_high = 500\n', 1)
    (tmp_path / "set.toml").write_text(text, encoding="utf-8")
    data = tmp_path / "crit.csv"
    data.write_text("sample_id,marker,value,unit\nS1,IL-6,5000,pg/mL\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["check", str(data), "-r", str(tmp_path / "set.toml")], env={"COLUMNS": "150"}
    )
    assert "‼▲ critical" in result.output


def test_a_long_word_in_a_note_folds_rather_than_being_cut(tmp_path: Path) -> None:
    """A long name without spaces (CJK) lost its end to '…' in the Note (found in QA)."""
    path = tmp_path / "cjk.csv"
    name = "白细胞介素六号标记物很长的名字"
    path.write_text(f"sample_id,marker,value,unit\nS1,{name},5,pg/mL\n", encoding="utf-8")
    for columns in (110, 130, 159):
        output = CliRunner().invoke(app, ["check", str(path)], env={"COLUMNS": str(columns)})
        table = output.output.split("Reference set")[0]
        assert "…" not in table and f"'{name}'" in table  # the closing quote was lost


def test_the_overview_keeps_the_source_when_samples_come_from_two_files(tmp_path: Path) -> None:
    """At 60 columns the Source column went, and S0-S4 of two files looked alike (QA)."""
    rows = "".join(f"S{n % 5},IL-6,{n % 7}.5,pg/mL\n" for n in range(550))
    for name in ("rep.csv", "rep2.csv"):
        (tmp_path / name).write_text("sample_id,marker,value,unit\n" + rows)
    files = [str(tmp_path / "rep.csv"), str(tmp_path / "rep2.csv")]
    for columns in (60, 250):
        output = CliRunner().invoke(app, ["check", *files], env={"COLUMNS": str(columns)})
        flat = "".join(output.output.split())
        assert "rep.csv" in flat and "rep2.csv" in flat


@pytest.mark.parametrize("columns", [40, 60, 80, 100, 160])
@pytest.mark.parametrize("sample", ["all-in-range", "mild-rise", "serial-monitoring"])
def test_a_demo_speaks_of_gauges_and_bars_only_where_they_are_drawn(
    columns: int, sample: str
) -> None:
    """QA: at 40 columns 'Look at the gauges' and 'How to read the gauges' stood above and below
    tables whose gauges had been left out for room."""
    output = CliRunner().invoke(app, ["demo", sample], env={"COLUMNS": str(columns)}).output
    flat = " ".join(output.split())
    # the tables, not the texts about them
    tables = re.sub(
        r"How to read the gauges.*?\(a log scale\)\.", "", output.split("File:")[1], flags=re.S
    )
    gauges = "●" in tables or "◀" in tables
    bars = any(block in tables for block in "▁▂▃▄▅▆▇█")
    assert ("How to read the gauges" in flat) is gauges
    if sample == "serial-monitoring":
        assert ("Its small bars show" in flat) is bars
        assert ("too narrow for the trend bars" in flat) is not bars
    else:
        assert ("Look at" in flat) is gauges
        assert ("too narrow for the gauges" in flat) is not gauges
    if columns >= 80 and sample != "serial-monitoring":
        assert gauges  # an empty Note column no longer takes their room (QA)
    if columns >= 80 and sample == "serial-monitoring":
        assert bars  # QA: below 90 columns the bars were left out, the narration on them


@pytest.mark.parametrize("columns", range(60, 100, 3))
def test_the_trend_table_is_never_cut_at_its_right_edge(columns: int) -> None:
    """QA: with its last columns wrapping, rich narrowed them only until they were equally
    wide, then cut every column: at 70 columns the table had no right edge."""
    sample = find_sample("serial-monitoring")
    output = (
        CliRunner().invoke(app, ["check", str(sample.path)], env={"COLUMNS": str(columns)}).output
    )
    table = output.split("Changes over time")[1].split("└")[0]
    rows = [line for line in table.splitlines() if line[:1] and line[:1] in "┏┃┡│"]
    assert rows and all(line.rstrip()[-1] in "┓┃┩│" for line in rows), table
    assert all(len(line) <= columns for line in output.splitlines())
    assert "2026-07-" not in [word.strip("│ ") for word in table.split()]  # no date cut


@pytest.mark.parametrize("columns", ["99", "100", "101", "102"])
def test_the_trend_table_gives_its_room_where_it_saves_a_wrap(columns: str) -> None:
    """Review: shared in proportion to what each wanted, at 92 columns 'Reference range' got
    more than its cells need while 'Highest' and 'Change' wrapped in every row; at 93 to 95
    rich gave its header all 15 cells, with the same wraps. (Each is 7 columns more since
    'Highest' gives its unit: educator QA round 20.)"""
    sample = find_sample("serial-monitoring")
    output = CliRunner().invoke(app, ["check", str(sample.path)], env={"COLUMNS": columns}).output
    table = output.split("Changes over time")[1].split("└")[0]
    assert "36.2 pg/mL on 2026-07-03" in table  # its Highest cells are whole on one line
    if columns != "99":
        assert "↗↘ rose, then fell" in table


def test_a_result_just_above_its_limit_says_so_in_its_note() -> None:
    """QA: TNF-α 15.2 over ≤ 14.5 was 'high' with an empty Note (no figure under 1.05×)."""
    output = CliRunner().invoke(app, ["demo", "messy-export"], env={"COLUMNS": "160"}).output
    tnf = next(line for line in output.splitlines() if "15.2" in line and "TNF" in line)
    assert "just above upper limit" in tnf


@pytest.mark.parametrize("value", [5e-324, 1e-320, 1e300])
def test_a_value_at_the_end_of_what_floats_hold_is_drawn(value: float) -> None:
    """QA: half of 5e-324 is 0, whose log10 was a math domain error: the whole table (every
    sample's) was lost to an internal error."""
    drawn = gauge(made_up_result(value=value))
    assert drawn is not None
    bar, log = drawn
    assert log and bar.count(VALUE) == 1
    assert bar.index(VALUE) == (0 if value < 1 else GAUGE_WIDTH - 1)


def test_a_sparkline_is_measured_against_its_scale_too() -> None:
    assert sparkline([5.0, 1.0]) == SPARKS[-1] + SPARKS[0]
    assert sparkline([None, 5.0, 1.0], scale=[3.0, 30.0, 5.0, 1.0]) == " " + SPARKS[1] + SPARKS[0]


def test_a_long_series_keeps_its_dip_too() -> None:
    """QA: a critically low 0.3 among 30 tests of 5 was drawn as a flat line: each stretch of
    dates kept only its highest number."""
    from panelcli.render.pictures import SPARK_WIDTH

    line = sparkline([5.0] * 14 + [0.3] + [5.0] * 15)
    assert len(line) == SPARK_WIDTH
    assert line.count("▁") == 1 and line.count("█") == SPARK_WIDTH - 1


def test_an_ascii_terminal_still_tells_a_sparkline_s_course_and_spells_up_and_down() -> None:
    """QA: in ASCII, IL-6's ▁▄▁█ and IL-8's ▁▂▄█ were both '___#', and '↕ up and down' was
    written as its code point while every other arrow was spelled."""
    from panelcli.spelling import spelled

    assert spelled("▁▄▁█", "ascii") != spelled("▁▂▄█", "ascii")
    assert spelled("▁▂▃▄▅▆▇█", "ascii") == "__..--''"
    assert spelled("↕ up and down", "latin-1") == "^v up and down"


def test_every_sample_of_a_report_takes_one_form_on_a_narrow_terminal(tmp_path: Path) -> None:
    """QA: at 60 columns one sample was a table with gauges, the next a table without them,
    a third short paragraphs: each takes the narrowest form that one of them needs."""
    path = tmp_path / "desc.csv"
    path.write_text(
        "Sample,Patient,Collected,Test,Result,Units\nS3,P1,2026-03-20,IL-6,2,pg/mL\n"
        "S2,P1,10.03.2026,IL-6,20,pg/mL\nS1,P1,03/01/2026,IL-6,5,pg/mL\n"
        "S1,P1,03/01/2026,IL-8,5,pg/mL\nS2,P1,10.03.2026,IL-8,50,pg/mL\n"
        "S3,P1,2026-03-20,IL-8,<2,pg/mL\nS1,P1,03/01/2026,IL-10,3,pg/mL\n",
        encoding="utf-8",
    )
    narrow = CliRunner().invoke(app, ["check", str(path)], env={"COLUMNS": "60"}).stdout
    panels = narrow.split("Changes over time")[0]
    assert "┃ Marker" not in panels  # no sample as a table
    assert panels.count("• IL-6: ") == 3  # each as paragraphs
    wide = CliRunner().invoke(app, ["check", str(path)], env={"COLUMNS": "120"}).stdout
    assert wide.split("Changes over time")[0].count("┃ Marker ┃") == 3  # each a whole table


def test_a_value_with_no_number_shows_no_flag_and_no_range_says_its_own_word(
    tmp_path: Path,
) -> None:
    """QA: 'ND' beside a flag column's 'L' showed 'ND L' as its value (a flag read as part of
    the result), and on a narrow terminal a limit alone read 'range no range; critical …'."""
    path = tmp_path / "nd.csv"
    path.write_text(
        "sample_id,marker,value,unit,flag,Critical High\nS1,IL-2,ND,pg/mL,L,\n"
        "S1,IL-18,600,pg/mL,,500\n",
        encoding="utf-8",
    )
    wide = CliRunner().invoke(app, ["check", str(path)], env={"COLUMNS": "120"}).stdout
    row = next(line for line in wide.splitlines() if "│ IL-2" in line)
    assert "│    ND │" in row and "ND L" not in wide
    narrow = CliRunner().invoke(app, ["check", str(path)], env={"COLUMNS": "60"}).stdout
    assert "range no range" not in narrow and "600 pg/mL · no range; critical ≥ 500" in narrow
