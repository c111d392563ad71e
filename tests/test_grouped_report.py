"""A grouped report gives a sample's id on its first row only: the rows below it with a blank
sample id are that sample's (they were one panel of no sample, two samples' rows mixed in it,
a marker 'tested more than once in this sample')."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_two_processes import one_process, two
from typer.testing import CliRunner

from panelcli import split
from panelcli.check import CheckOptions, check_file
from panelcli.cli import app
from panelcli.models import Issue
from panelcli.ranges import load_ranges
from panelcli.render.ndjson import ndjson_texts

RANGES = load_ranges(None)
runner = CliRunner()
GROUPED = (
    "Sample ID,Patient,Date,Marker,Value,Unit\n"
    "S1,P1,2026-03-01,IL-6,3.1,pg/mL\n"
    ",,,TNF-a,30,pg/mL\n"
    ",,,IL-10,2.0,pg/mL\n"
    "S2,P2,2026-03-02,IL-6,1.0,pg/mL\n"
    ",,,TNF-a,3.0,pg/mL\n"
)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "grouped.csv"
    path.write_text(text, encoding="utf-8")
    return path


def filled_warnings(issues: list[Issue]) -> list[tuple[int | None, str | None, str]]:
    return [(i.line, i.sample_id, i.message) for i in issues if i.code == "sample-id-filled-down"]


def test_rows_below_a_sample_s_first_row_are_that_sample_s(tmp_path: Path) -> None:
    report = check_file(str(write(tmp_path, GROUPED)))
    panels = [
        (p.sample_id, p.patient_id, p.collected_at, [r.marker for r in p.results])
        for p in report.panels
    ]
    assert panels == [
        ("S1", "P1", "2026-03-01", ["IL-6", "TNF-α", "IL-10"]),
        ("S2", "P2", "2026-03-02", ["IL-6", "TNF-α"]),
    ]
    # each result states its sample, and the patient and date its sample's rows give
    assert [(r.line, r.sample_id, r.patient_id) for r in report.panels[0].results] == [
        (2, "S1", "P1"), (3, "S1", "P1"), (4, "S1", "P1"),
    ]  # fmt: skip
    assert filled_warnings(report.warnings) == [
        (3, "S1", "3 rows give no sample id, below a row that gives one: each was read as that "
         "sample's (the first, line 3, as S1's), as a report that gives a sample's id only on its "
         "first row means; if a row is another sample's, give it its own id"),
    ]  # fmt: skip
    assert not any("more than once" in t for p in report.panels for t in p.summary.text)


def test_a_row_of_another_patient_or_date_is_not_filled_in_nor_those_below_it(
    tmp_path: Path,
) -> None:
    text = (
        "Sample ID,Patient,Date,Marker,Value,Unit\nS1,P1,2026-03-01,IL-6,3.1,pg/mL\n"
        ",P1,,TNF-a,30,pg/mL\n"  # the sample's patient: filled in
        ",P2,,IL-6,3.0,pg/mL\n"  # another patient: a panel of no sample id, as before
        ",,,IL-10,2.0,pg/mL\n"  # below it: not taken for S1's
        "S2,P3,2026-03-02,IL-6,1.0,pg/mL\n,,2026-03-09,IL-8,5,pg/mL\n"  # another date
    )
    report = check_file(str(write(tmp_path, text)))
    rows = {r.line: r.sample_id for p in report.panels for r in p.results}
    assert rows == {2: "S1", 3: "S1", 4: None, 5: None, 6: "S2", 7: None}
    assert [(line, sample) for line, sample, _ in filled_warnings(report.warnings)] == [(3, "S1")]
    assert (
        "line 3 gives no sample id, below a row of S1: it was read as S1's"
        in (filled_warnings(report.warnings)[0][2])
    )


def test_rows_before_any_sample_id_and_not_a_sample_s_rows_are_not_filled_in(
    tmp_path: Path,
) -> None:
    text = (
        "Sample ID,Marker,Value,Unit\n,IL-6,1.0,pg/mL\n"  # no sample above it
        "S1,IL-6,3.1,pg/mL\n#\n"  # a comment line is no sample
        ",IL-8,5,pg/mL\n"  # S1's
        "Sample ID,Marker,Value,Unit\n"  # the header again: its 'Sample ID' is no sample
        ",IL-10,2,pg/mL\n"  # S1's still (its group goes on over the page)
        ",,,\n,note,,\n"  # blank, and a note with no value: left as they are
        "N/A,IL-6,2,pg/mL\n"  # says none is known: not filled in
        "S2,IL-6,3,pg/mL\n,IL-6 Mean,4,pg/mL\n,S.D.,1,pg/mL\n"  # a plate's footer: no sample's
    )
    report = check_file(str(write(tmp_path, text)))
    rows = {r.line: r.sample_id for p in report.panels for r in p.results}
    assert rows == {2: None, 3: "S1", 5: "S1", 7: "S1", 10: None, 11: "S2"}
    assert [(line, sample) for line, sample, _ in filled_warnings(report.warnings)] == [(5, "S1")]
    assert [(i.line, i.sample_id) for i in report.warnings if i.code == "control-skipped"] == [
        (12, None), (13, None),
    ]  # fmt: skip


def test_a_file_without_blank_ids_or_a_sample_column_gets_no_warning(tmp_path: Path) -> None:
    for text in (
        "Sample ID,Marker,Value,Unit\nS1,IL-6,1,pg/mL\nS1,IL-8,5,pg/mL\n",
        "Patient,Marker,Value,Unit\nP1,IL-6,1,pg/mL\n,IL-8,5,pg/mL\n",
    ):
        report = check_file(str(write(tmp_path, text)))
        assert filled_warnings(report.warnings) == []


def test_the_command_line_says_so_in_every_format(tmp_path: Path) -> None:
    path = write(tmp_path, GROUPED)
    for form in ("table", "json", "ndjson", "csv"):
        done = runner.invoke(app, ["check", str(path), "--format", form])
        assert done.exit_code == 1, (form, done.output)  # IL-6 and TNF-α high
        assert "sample-id-filled-down" in done.output or "as S1's" in done.output, form


@pytest.mark.parametrize("blank_at_cut", [False, True])
def test_two_processes_give_what_one_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blank_at_cut: bool
) -> None:
    monkeypatch.setattr(split, "MIN_BYTES", 0)
    lines = ["Sample ID,Patient,Date,Marker,Value,Unit\n"]
    for sample in range(400):
        lines.append(f"S{sample},P{sample // 4},2026-03-01,IL-6,{sample % 9}.5,pg/mL\n")
        lines += [f",,,{m},{sample % 7}.25,pg/mL\n" for m in ("TNF-a", "IL-8", "IL-10")]
    if blank_at_cut:  # no sample id for many rows around the middle
        lines[700:1000] = [",,,IL-6,1.5,pg/mL\n"] * 300
    path = write(tmp_path, "".join(lines))
    options = CheckOptions()

    expected = one_process(path, ndjson_texts, options)
    assert two(path, ndjson_texts, options) == expected
    assert '"code":"sample-id-filled-down"' in expected
    assert '"sample_id":null' not in expected.replace('"code":"sample-id-filled-down"', "")


def test_a_grouped_report_is_told_by_its_first_200_lines(tmp_path: Path) -> None:
    """As documented: a blank sample id first met past them stays blank (no per-row cost for
    files that give every id)."""
    given = "".join(f"S{n},IL-6,1.5,pg/mL\n" for n in range(250))
    late = check_file(str(write(tmp_path, f"Sample ID,Marker,Value,Unit\n{given},IL-8,5,pg/mL\n")))
    assert [r.sample_id for p in late.panels for r in p.results][-1] is None
    assert filled_warnings(late.warnings) == []
    text = f"Sample ID,Marker,Value,Unit\nS0,IL-6,1.5,pg/mL\n,IL-8,5,pg/mL\n{given},IL-8,5,pg/mL\n"
    early = check_file(str(write(tmp_path, text)))
    ids = [(r.line, r.sample_id) for p in early.panels for r in p.results]
    assert (3, "S0") in ids and (254, "S249") in ids
    assert [(line, n) for line, n, _ in filled_warnings(early.warnings)] == [(3, "S0")]
    assert filled_warnings(early.warnings)[0][2].startswith("2 rows give no sample id")
