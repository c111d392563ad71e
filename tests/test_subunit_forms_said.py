"""A set's alias that reads a name with no form as a subunit form (Mayo's 'IL-12' is its
IL-12 p70) is said: in the result's note, and in `explain`'s row for each set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli import explain as explaining
from panelcli.check import CheckOptions, check_file
from panelcli.cli import app
from panelcli.models import Report, Result
from panelcli.ranges import bundled_sets, load_ranges

runner = CliRunner()
READ_AS = "is read as IL-12 p70, as this set names it"


def _results(report: Report) -> list[Result]:
    return [result for panel in report.panels for result in panel.results]


@pytest.fixture
def il12(tmp_path: Path) -> Path:
    path = tmp_path / "il12.csv"
    path.write_text(
        "sample_id,marker,value,unit,age\nS1,IL-12,150,pg/mL,40\nS2,IL-12 p70,150,pg/mL,40\n"
        "S3,Interleukin 12,150,pg/mL,40\nS4,IL12p70,150,pg/mL,40\n",
        encoding="utf-8",
    )
    return path


def test_a_name_read_as_the_set_s_subunit_form_says_so_in_its_note(il12: Path) -> None:
    results = _results(check_file(str(il12), ranges=bundled_sets()["mayo-adult"]))
    notes = {r.marker_as_written: r.note or "" for r in results}
    assert {r.marker for r in results} == {"IL-12 p70"}
    assert notes["IL-12"].startswith(f"'IL-12' {READ_AS}")
    assert notes["Interleukin 12"].startswith(f"'Interleukin 12' {READ_AS}")
    assert READ_AS not in notes["IL-12 p70"] and READ_AS not in notes["IL12p70"]
    arup = _results(check_file(str(il12), ranges=bundled_sets()["arup-3002601"]))
    assert not any(READ_AS in (r.note or "") for r in arup)  # ARUP's IL-12 is IL-12


def test_a_user_set_without_intervals_says_it_too(tmp_path: Path, il12: Path) -> None:
    """The short path (a marker with one plain range) must not leave the note out."""
    toml = tmp_path / "lab.toml"
    toml.write_text(
        '[markers."IL-12 p70"]\nunit = "pg/mL"\nhigh = 200\naliases = ["IL-12"]\n',
        encoding="utf-8",
    )
    results = _results(check_file(str(il12), ranges=load_ranges(toml)))
    notes = {r.marker_as_written: r.note or "" for r in results}
    assert READ_AS in notes["IL-12"]


@pytest.mark.parametrize("output_format", ["json", "ndjson", "csv", "fhir", "table"])
def test_every_format_that_shows_notes_says_it(il12: Path, output_format: str) -> None:
    result = runner.invoke(
        app, ["check", str(il12), "-r", "mayo-adult", "-f", output_format],
        env={"COLUMNS": "300"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = result.stdout if output_format != "json" else json.dumps(json.loads(result.stdout))
    assert READ_AS in " ".join(text.split())


def test_explain_pages_say_which_form_each_set_s_range_is_for() -> None:
    plain, p70 = explaining.explain("IL-12"), explaining.explain("IL-12 p70")
    assert plain is not None and p70 is not None
    on_plain = {r.set_name: r.text for r in plain.ranges}
    on_p70 = {r.set_name: r.text for r in p70.ranges}
    assert on_plain["mayo-adult"].endswith("(for IL-12 p70: this set reads IL-12 as IL-12 p70)")
    assert on_p70["mayo-adult"].endswith("(for IL-12 p70)")
    assert on_plain["arup-3002601"].endswith("(for IL-12; the set does not say which form)")
    il6 = explaining.explain("IL-6")
    assert il6 is not None and all("(for" not in r.text for r in il6.ranges)


def test_explain_lists_every_set_even_one_that_lacks_the_marker(tmp_path: Path) -> None:
    """`explain IL-18 --ranges lab.toml` was headed 'bundled sets and yours' but listed only
    the user's set (QA)."""
    toml = tmp_path / "lab.toml"
    toml.write_text('[markers."IL-18"]\nunit = "pg/mL"\nhigh = 500\n', encoding="utf-8")
    result = runner.invoke(app, ["explain", "IL-18", "-r", str(toml)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    rows = [" ".join(line.split()) for line in result.stdout.splitlines()]
    for name in ("arup-3002601", "mayo-adult"):
        assert f"│ {name} │ none (the set does not list it) │ │" in rows


@pytest.mark.parametrize("ranges", ["arup-3002601", "mayo-adult"])
def test_a_wide_column_of_a_form_no_set_has_is_read(tmp_path: Path, ranges: str) -> None:
    """QA: Bio-Plex's 'IL-12 (40)' column (IL-12 p40, which no bundled set has) was 'not a
    known marker' and not read, its value in no output, while 'IL-12 (70)' beside it was."""
    path = tmp_path / "bioplex.csv"
    path.write_text(
        "Sample,IL-6 (19),IL-12 (40),IL-12p40,IL-23 p19\nU1,4.2,120,121,5\n", encoding="utf-8"
    )  # (a column with a unit in its header is a marker's, known or not; so is a cytokine's
    # name with none, IL-23 p19 here: read, with no reference range, not left out unsaid)
    options = CheckOptions(assume_unit="pg/mL")
    results = _results(check_file(str(path), ranges=bundled_sets()[ranges], options=options))
    assert [(r.marker_as_written, r.value, r.status) for r in results] == [
        ("IL-6 (19)", 4.2, "high" if ranges == "arup-3002601" else "normal"),
        ("IL-12 (40)", 120, "no_reference"),
        ("IL-12p40", 121, "no_reference"),
        ("IL-23 p19", 5, "no_reference"),
    ]


def test_only_a_subunit_forms_number_names_a_form() -> None:
    """QA: a wide 'IL-6 P95' column (a percentile) was read as a form of IL-6, its note
    advising to add it to IL-6's aliases, which would judge a percentile as a result."""
    from panelcli.ranges import names_a_form

    assert [names_a_form(n) for n in ("IL-12 p40", "IL-12p70", "IL-23 p19", "IL-12 (40)")] == [
        True
    ] * 4
    assert not names_a_form("IL-6 P95") and not names_a_form("IL-6 p50")
    assert not explaining.names_a_marker("IL-6 P95")
