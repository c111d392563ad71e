"""Luminex xPONENT batch exports: the block of concentrations is read wherever it is, with the
units of the 'Units' block (lab QA round 12: such a file was refused, or its units lost)."""

from __future__ import annotations

from pathlib import Path

from judged import batch_results_of, issues_of, results_of
from typer.testing import CliRunner

from panelcli.check import check_file
from panelcli.cli import app
from panelcli.xponent import concentration_block

runner = CliRunner()

ANALYTES = ("IL-6 (19)", "TNF-a (45)", "IL-10 (27)")


def _block(kind: str, wells: int, value: str) -> list[str]:
    header = ",".join(f'"{a}"' for a in ANALYTES)
    rows = [
        f'"{w}(1,A{w})","{"Standard1" if w == 1 else f"Pat-{w:03d}"}",'
        + ",".join(f'"{value}"' for _ in ANALYTES)
        + ',"1100"'
        for w in range(1, wells + 1)
    ]
    return [f'"DataType:","{kind}"', f'"Location","Sample",{header},"Total Events"', *rows, ""]


def full_batch(wells: int = 96, delimiter: str = ",") -> str:
    """An xPONENT batch as it saves one: details, then a block per kind of value."""
    lines = [
        '"Program","xPONENT",,"Build","4.3.229.0"',
        '"Batch","CYTO_RUN_0313"',
        "",
        '"Results"',
        "",
        *_block("Median", wells, "15234"),
        *_block("Count", wells, "50"),
        *_block("Result", wells, "4.00"),
        '"DataType:","Units"',
        '"Analyte:","IL-6 (19)","TNF-a (45)","IL-10 (27)"',
        '"BeadID:","19","45","27"',
        '"Units:","pg/mL","pg/mL","ng/L"',
        "",
        '"DataType:","Audit Logs"',
        '"UserId","Date","Message"',
        '"admin","03/13/2026 10:00","Batch ""CYTO_RUN_0313"" created,\nby hand"',
    ]
    text = "\r\n".join(lines) + "\r\n"
    return text.replace('","', f'"{delimiter}"').replace(',"', f'{delimiter}"')


def test_the_block_of_concentrations_is_read_with_the_units_of_the_units_block() -> None:
    lines = full_batch(wells=3).splitlines(keepends=True)
    found = concentration_block(lines, ",")
    assert found is not None
    # every line keeps its number; those of the other blocks are blank
    assert len(found.lines) == len(lines)
    result_line = lines.index('"DataType:","Result"\r\n') + 1
    kept = [n for n, line in enumerate(found.lines, 1) if line.strip()]
    assert kept == [1, 2, 4, *range(result_line, result_line + 5)]
    assert found.header == result_line + 1
    assert found.units == {2: "pg/mL", 3: "pg/mL", 4: "ng/L"}
    assert found.said == (
        "the file has a block per kind of value (a Luminex instrument's export): its 'Result' "
        f"block of concentrations (line {result_line}) was read, each analyte's unit from its "
        f"'Units' block (line {result_line + 6}); the other blocks ('Median' (line 6), 'Count' "
        f"(line 12) and 'Audit Logs' (line {result_line + 11})) hold no concentrations and "
        "were not read"
    )


def test_a_plate_of_96_wells_is_read_from_its_result_block_far_below_the_first_lines(
    tmp_path: Path,
) -> None:
    """The header of the Result block is on line 205, past the lines a header is looked for
    in: the blocks above it left blank, it is found."""
    path = tmp_path / "batch.csv"
    path.write_bytes(full_batch().encode())
    results = results_of(str(path))
    assert len(results) == 95 * 3  # the standard's row is no patient's
    first = results[0]
    assert (first.line, first.sample_id, first.value, first.unit) == (207, "Pat-002", 4.0, "pg/mL")
    il10 = [r for r in results if r.marker == "IL-10"]
    assert {(r.original_unit, r.unit, r.value) for r in il10} == {("ng/L", "pg/mL", 4.0)}
    codes = [i.code for i in issues_of(str(path))]
    assert codes[:2] == ["blocks-skipped", "preamble-skipped"] and "file-unreadable" not in codes
    # the batches of the long-file path read it alike
    assert [(r.line, r.value) for r in batch_results_of(str(path), 50)] == [
        (r.line, r.value) for r in results
    ]


def test_a_batch_on_standard_input_and_with_semicolons_is_read_alike(tmp_path: Path) -> None:
    text = full_batch(wells=4)
    piped = runner.invoke(app, ["check", "-", "--format", "ndjson"], input=text)
    assert piped.exit_code == 1, piped.output  # IL-6 4.0 pg/mL is high by the bundled set
    assert '"code":"blocks-skipped"' in piped.stdout
    path = tmp_path / "semicolons.csv"
    path.write_text(full_batch(wells=4, delimiter=";"))
    report = check_file(path)
    assert report.rejected == []
    assert [r.original_unit for p in report.panels for r in p.results][:3] == [
        "pg/mL", "pg/mL", "ng/L",
    ]  # fmt: skip


def test_a_table_above_its_units_block_is_still_read_down_to_it(tmp_path: Path) -> None:
    """No block holds the table: the file is read as before, the next block stopping it."""
    path = tmp_path / "units-below.csv"
    path.write_text("Sample,IL-6 (pg/mL)\nS1,1\nDataType:,Units\nS1,pg/mL\n")
    report = check_file(path)
    assert [r.value for p in report.panels for r in p.results] == [1.0]
    assert [(i.code, i.line) for i in report.rejected] == [("file-unreadable", 3)]


def _with_alarms(text: str, *alarms: str) -> str:
    """`text` with a 'Warnings/Errors' block of `alarms` ('"2(1,A2)","Error","…"')."""
    block = ['"DataType:","Warnings/Errors"', '"Location","Status","Message"', *alarms, ""]
    return text + "\r\n".join(block) + "\r\n"


def test_a_well_the_instrument_calls_not_valid_is_not_judged(tmp_path: Path) -> None:
    """Lab QA round 16: the 'Warnings/Errors' block was left out, and a well whose aspiration
    failed ('results not valid') was judged normal, exit 0."""
    path = tmp_path / "batch.csv"
    path.write_text(
        _with_alarms(
            full_batch(wells=4),
            '"3(1,A3)","Error","Insufficient bead count; results not valid"',
            '"4(1,A4)","OK",""',
            '"9(1,B1)","Warning","a well of no result"',
        ),
        encoding="utf-8",
    )
    report = check_file(str(path))
    by_sample = {p.sample_id: [r.status.value for r in p.results] for p in report.panels}
    assert by_sample == {
        "Pat-002": ["high", "normal", "normal"],
        "Pat-003": ["indeterminate"] * 3,
        "Pat-004": ["high", "normal", "normal"],
    }
    note = report.panels[1].results[0].note
    assert note is not None
    assert note.startswith("the instrument marked it ('Error: Insufficient bead count")
    said = next(w.message for w in report.warnings if "block per kind" in w.message)
    assert "with the alarms its 'Warnings/Errors' block" in said
    assert "gives one well (their results are not judged)" in said
    assert "'Warnings/Errors' (line" not in said  # not among the blocks left out


def test_an_alarm_that_names_no_well_of_the_results_is_said(tmp_path: Path) -> None:
    """Review: an alarm of a well spelled otherwise ('F1' for '6(1,F1)') was dropped unsaid."""
    path = tmp_path / "batch.csv"
    path.write_text(
        _with_alarms(full_batch(wells=3), '"F1","Error","results not valid"'), encoding="utf-8"
    )
    report = check_file(str(path))
    assert {r.status.value for p in report.panels for r in p.results} <= {"normal", "high"}
    said = next(w.message for w in report.warnings if "block per kind" in w.message)
    assert (
        "; an alarm of its 'Warnings/Errors' block (well 'F1': 'Error: results not valid') names "
        "no well of the results and was not applied: check it in the file" in said
    )


def test_alarms_are_read_however_the_block_and_the_rows_are_written(tmp_path: Path) -> None:
    """Review: a message with no status, a well written with a space, a 'Well' header, a row
    ending in its delimiter or over two lines lost their alarms; 'Information' is none."""
    lines = full_batch(wells=5).replace('"Pat-004"', '"Pat\n004"').split("\r\n")
    lines = [line + "," if line.startswith('"2(1,A2)"') else line for line in lines]
    text = _with_alarms(
        "\r\n".join(lines),
        '"2 (1,A2)","","bead count low"',
        '"4(1,A4)","Error","aspiration failed"',
        '"5(1,A5)","Information","Well read"',
    ).replace('"Location","Status","Message"', '"Well","Status","Message"')
    path = tmp_path / "batch.csv"
    path.write_text(text, encoding="utf-8")
    report = check_file(str(path))
    by_sample = {p.sample_id: {r.status.value for r in p.results} for p in report.panels}
    assert by_sample["Pat-002"] == {"indeterminate"}
    assert by_sample["Pat\n004"] == {"indeterminate"}
    assert by_sample["Pat-003"] == by_sample["Pat-005"] == {"normal", "high"}
    note = report.panels[0].results[0].note or ""
    assert "('bead count low' in 'Warnings/Errors')" in note
