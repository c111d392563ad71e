"""`ranges show` on a narrow terminal wraps its cells: a limit or a source is never cut to '…'."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from panelcli.cli import app
from panelcli.ranges import bundled_sets, load_ranges
from panelcli.units import unit_as_read
from panelcli.values import number_text

runner = CliRunner()


@pytest.mark.parametrize("name", list(bundled_sets()))
@pytest.mark.parametrize("columns", [34, 40, 60])
def test_every_limit_and_source_appears_whole_on_a_narrow_terminal(name: str, columns: int) -> None:
    """A table where its words fit side by side, else a few lines per marker; either way no
    name, limit or number of a source is broken over lines (QA: 'sIL-' / '2R', '1410.' / '4',
    a source's '266.5-14' / '10.4 pg/mL')."""
    result = runner.invoke(app, ["ranges", "show", name], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    assert "…" not in result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    words = {word for line in lines for word in re.split(r"[\s│┃]+", line)}
    reference_set = load_ranges(bundled_sets()[name])
    flat = "".join(result.stdout.split())
    for marker, entry in reference_set.markers.items():
        assert marker.split()[0] in words, marker
        assert "".join((entry.source or "").split()) in flat.replace("│", ""), marker
        numbers = re.findall(r"\d[\d.,]*\d|\d", entry.source or "")
        limits = [number_text(getattr(entry, k)) for k in ("lod", "lloq", "uloq")
                  if getattr(entry, k) is not None]  # fmt: skip
        for number in [*numbers, *limits]:
            assert any(re.search(rf"(?<![\d.]){re.escape(number)}", w) for w in words), number


@pytest.mark.parametrize("name", list(bundled_sets()))
@pytest.mark.parametrize("columns", [65, 70, 80])
def test_labels_keep_their_words_whole_where_they_fit(name: str, columns: int) -> None:
    """QA: at 70 columns a category read 'pro-inflammator' / 'y' while the source could wrap."""
    result = runner.invoke(app, ["ranges", "show", name], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    lines = [line.split("│")[1:-1] for line in result.stdout.splitlines() if line.startswith("│")]
    assert max(len(line) for line in result.stdout.splitlines()) <= columns
    categories = {cell.strip() for _, _, _, cell, _ in lines if cell.strip()}
    reference_set = load_ranges(bundled_sets()[name])
    words = {
        word for entry in reference_set.markers.values() for word in (entry.category or "").split()
    }
    assert categories and all(set(cell.split()) <= words for cell in categories), categories
    marker_words = {word for marker in reference_set.markers for word in marker.split()}
    marker_cells = {cell.strip() for cell, *_ in lines if cell.strip()}
    assert all(set(cell.split()) <= marker_words for cell in marker_cells), marker_cells


@pytest.mark.parametrize("name", list(bundled_sets()))
def test_a_terminal_too_narrow_for_columns_lists_each_marker_whole(name: str) -> None:
    """QA: at COLUMNS=20 the Source column was drawn 0 wide: no source was shown at all."""
    result = runner.invoke(app, ["ranges", "show", name], env={"COLUMNS": "20"})
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) <= 20
    joined = "".join(result.stdout.split())
    reference_set = load_ranges(bundled_sets()[name])
    for marker, entry in reference_set.markers.items():
        # the unit as check says it (µg/L for ug/L: educator QA round 21)
        shown = entry.interval_texts(unit_as_read(entry.unit))
        for text in (marker, entry.source or "", *shown):
            assert "".join(text.split()) in joined, (marker, text)


@pytest.mark.parametrize("columns", [20, 30, 40, 60, 100])
@pytest.mark.parametrize("command", [["explain", "IL-6"], ["demo"]])
def test_explain_and_demo_break_no_set_or_sample_name(columns: int, command: list[str]) -> None:
    """QA: at 40 columns `explain` showed 'arup-30026' / '01', and at 20 `demo` 'made-u' /
    'p': a name broken in two cannot be read or copied as a --ranges or demo value."""
    from panelcli.samples import list_samples

    result = runner.invoke(app, command, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    words = set(result.stdout.replace("│", " ").split())
    names = list(bundled_sets()) if command[0] == "explain" else [s.name for s in list_samples()]
    for name in names:
        assert name in words, (name, result.stdout)


@pytest.mark.parametrize("name", list(bundled_sets()))
@pytest.mark.parametrize("columns", [40, 50, 60, 70, 80, 90, 100])
def test_a_limit_is_never_broken_after_its_comparator(name: str, columns: int) -> None:
    """QA: at 80 to 100 columns Mayo's 'age 18 and over: < 20 pg/mL' wrapped as 'over: <' /
    '20 pg/mL': a comparator read apart from its number; nor is a range broken at its dash
    (QA: explain Ferritin's '6 -' / '175' at 40 columns)."""
    for command in (
        ["ranges", "show", name],
        ["explain", "sIL-2R", "--ranges", name],
        ["explain", "Ferritin", "--ranges", name],
    ):
        result = runner.invoke(app, command, env={"COLUMNS": str(columns)})
        assert result.exit_code == 0, result.output
        rows = [line.split("│") for line in result.stdout.splitlines() if line.startswith("│")]
        limits = [row[2].rstrip() for row in rows if len(row) > 3]  # the range's column
        assert not [cell for cell in limits if re.search(r"(^|\s)[<>≤≥]$", cell)], limits
        assert not [cell for cell in limits if re.match(r"\s*- \d", cell)], limits
        assert not [cell for cell in limits if re.search(r"\d -$", cell)], limits
