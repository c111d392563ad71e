"""`ranges show` on a narrow terminal wraps its cells: a limit or a source is never cut to '…'."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from panelcli.cli import app
from panelcli.ranges import bundled_sets, load_ranges
from panelcli.values import number_text

runner = CliRunner()


@pytest.mark.parametrize("name", list(bundled_sets()))
def test_every_limit_and_source_appears_whole_at_60_columns(name: str) -> None:
    result = runner.invoke(app, ["ranges", "show", name], env={"COLUMNS": "60"})
    assert result.exit_code == 0, result.output
    assert "…" not in result.output
    # rich wraps a cell over lines: each column's text, read down the table, with spaces removed
    cells = [line.split("│")[1:-1] for line in result.stdout.splitlines() if line.startswith("│")]
    columns = ["".join("".join(row[i].split()) for row in cells) for i in range(5)]
    marker_column, interval_column, _, _, source_column = columns
    reference_set = load_ranges(bundled_sets()[name])
    for marker, entry in reference_set.markers.items():
        assert "".join(marker.split()) in marker_column
        assert "".join((entry.source or "").split()) in source_column, marker
        limits = [number_text(getattr(entry, k)) for k in ("lod", "lloq", "uloq")
                  if getattr(entry, k) is not None]  # fmt: skip
        for text in [*entry.interval_texts(), *limits]:
            assert "".join(text.split()) in interval_column, (marker, text)


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
        for text in (marker, entry.source or "", *entry.interval_texts()):
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
