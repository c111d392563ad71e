"""Items known but not done at the end of session 53 (note53), done in session 54."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from judged import issues_of, results_of
from typer.testing import CliRunner

from panelcli.batches import interpret_batch, read_batches
from panelcli.check import ResultRow
from panelcli.cli import app
from panelcli.models import Result

# --- Excel's 'CSV (MS-DOS)' (code page 437) is read as such ------------------------------------

DOS = (
    "Sample ID,Patient,Geschlecht,Marker,Value,Unit,Reference range\n"
    "S1,Müller,männlich,TNF-α,10.0,pg/mL,≤ 8.1\n"
    "S1,Müller,männlich,IL-1ß,3,pg/mL,≤ 5\n"
    "S1,Müller,männlich,IL-6,0.004,µg/L,\n"
)


@pytest.mark.parametrize("short_path", [True, False])
def test_a_dos_code_page_file_is_read_as_code_page_437(write_csv, short_path) -> None:
    """Lab QA round 10: its '≤ 8.1' was read as 'ó 8.1' (the lab's range unread, the set's used)
    and 'IL-1ß' as 'IL-1á' (no marker): signs beside numbers and names say which it is."""
    path = write_csv(DOS.encode("cp437"))
    results = results_of(path, short_path)
    assert [(r.marker, r.value, r.unit, r.status.value) for r in results] == [
        ("TNF-α", 10.0, "pg/mL", "high"), ("IL-1β", 3.0, "pg/mL", "normal"),
        ("IL-6", 4.0, "pg/mL", "high"),
    ]  # fmt: skip
    assert [r.reference.high for r in results[:2]] == [8.1, 5.0]  # the lab's own ranges
    assert results[0].patient_id == "Müller"
    issues = issues_of(path, short_path)
    assert not [i for i in issues if i.code.startswith("range-unreadable")]
    [fallback] = [i for i in issues if i.code == "encoding-fallback"]
    assert fallback.message.startswith(
        "11 bytes were not valid UTF-8 and read as code page 437, which Excel's 'CSV (MS-DOS)' "
        "writes"
    )
    assert fallback.message.endswith(
        "the first is 'ü' in 'Müller'; save the file as CSV UTF-8 to be sure"
    )


def test_a_dos_code_page_file_reads_alike_in_batches(write_csv) -> None:
    """The batch reader (Dask's) decodes as `check` does."""
    path = write_csv(DOS.encode("cp437"))
    batches = list(read_batches(path, rows_per_batch=1))
    rows = [
        event
        for batch in batches
        for events in interpret_batch(batch).events
        for event in (events if isinstance(events, list) else [events])
        if isinstance(event, Result | ResultRow)
    ]
    assert [(row.marker, row.status.value) for row in rows] == [
        ("TNF-α", "high"), ("IL-1β", "normal"), ("IL-6", "high"),
    ]  # fmt: skip
    assert batches[-1].fallback_text.startswith("read as code page 437")


@pytest.mark.parametrize(
    "text",
    [
        # Windows-1252 names: no sign of 437 beside a number or a marker name
        "Sample ID,Patient,Marker,Value,Unit\nS1,Muñoz,IL-6,1.0,pg/mL\nS2,Peña 2,IL-6,1,pg/mL\n",
        # a Windows-1252 letter after a letter outweighs an 'ó' before a number
        "Sample ID,Marker,Value,Unit,Comment\nS1,IL-6,1.0,pg/mL,repitió 2 veces\n",
        "Sample ID,Marker,Value,Unit,Comment\nS1,IL-6,1.0,µg/L,José\n",
    ],
)
def test_a_windows_1252_file_stays_windows_1252(write_csv, text) -> None:
    path = write_csv(text.encode("cp1252"))
    [fallback] = [i for i in issues_of(path) if i.code == "encoding-fallback"]
    assert "read as Windows-1252" in fallback.message
    assert "code page 437" not in fallback.message.split(";")[0]


# --- a wide header's words after the unit in a long file's marker cell -------------------------


@pytest.mark.parametrize("short_path", [True, False])
def test_a_long_marker_cell_with_visit_words_is_not_told_its_unit_is_missing(
    write_csv, short_path
) -> None:
    """Review 53b: 'IL-6 (pg/mL) Day 7' in a long file's marker cell was no_reference with 'its
    unit is missing', beside the unit in its name."""
    path = write_csv("Sample ID,Test,Result\nS1,IL-6 (pg/mL) Day 7,35\nS1,IL-99 (pg/mL) Day 7,3\n")
    first, unknown = results_of(path, short_path)
    assert first.status.value == "no_reference" and first.value == 35.0
    assert first.note == (
        "no reference range for 'IL-6 (pg/mL) Day 7' in this set; it looks like IL-6 in pg/mL "
        "with 'Day 7' after the unit: give the unit in a unit column and those words in a "
        "column of their own (a time point in a date or visit column)"
    )
    assert unknown.note is not None and unknown.note.endswith("; its unit is missing")


# --- a marker cell's bracketed range and a range cell that disagree ----------------------------

BRACKETED = (
    "Sample ID,Test,Result,Reference range\n"
    "S1,IL-6 (pg/mL) [0-7.0],5,0-3.0\nS2,IL-6 (pg/mL) [0-7.0],5,0-3.0\n"
    "S1,IL-8 (pg/mL) [0-62],5,0-62\nS1,IL-10 (pg/mL) [<9.1],5,≤ 9.1\n"
    "S1,IL-2 (pg/mL) [0-2.1],1,0-2100 fg/mL\nS1,IL-4 (pg/mL) [0-5],1,-\n"
)


@pytest.mark.parametrize("short_path", [True, False])
def test_a_marker_cell_range_that_the_range_cell_contradicts_is_said(write_csv, short_path) -> None:
    """Review 53b: the range cell's range was used with no word that the marker cell's
    bracketed range gave other limits; said once per text, and not for '<' beside '≤' nor
    for one range in two units."""
    path = write_csv(BRACKETED)
    results = results_of(path, short_path)
    assert [(r.marker, r.reference.text, r.status.value) for r in results] == [
        ("IL-6", "0 - 3 pg/mL", "high"), ("IL-6", "0 - 3 pg/mL", "high"),
        ("IL-8", "0 - 62 pg/mL", "normal"), ("IL-10", "≤ 9.1 pg/mL", "normal"),
        ("IL-2", "≤ 2.1 pg/mL", "normal"), ("IL-4", "0 - 5 pg/mL", "normal"),
    ]  # fmt: skip
    [said] = [i for i in issues_of(path, short_path) if "marker cell" in i.message]
    assert (said.code, said.line, said.column, said.sample_id) == (
        "range-disagrees",
        2,
        "Reference range",
        "S1",
    )
    assert said.message == (
        "IL-6: the range in the marker cell 'IL-6 (pg/mL) [0-7.0]' differs from the range "
        "cell's '0-3.0'; the range cell's was used"
    )


# --- code review 11: `ranges validate` with a stderr that cannot be written --------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
def test_ranges_validate_exits_by_validity_when_stderr_is_full(tmp_path) -> None:
    """Its 'valid' and problem count were printed past `_on_stderr`: 2>/dev/full made a valid
    set exit 2 as an internal error."""
    broken = tmp_path / "broken.toml"
    broken.write_text("[x\n", encoding="utf-8")
    codes = []
    for name in ("arup-3002601", str(broken)):
        with open("/dev/full", "w") as full:
            done = subprocess.run(
                [sys.executable, "-m", "panelcli", "ranges", "validate", name],
                stdout=subprocess.DEVNULL, stderr=full, timeout=60,
            )  # fmt: skip
        codes.append(done.returncode)
    assert codes == [0, 2]


# --- code review 11: the summary reads panelcli's own words in a note, not the lab's comment --


def _summary_text(path: str, *args: str) -> str:
    shown = CliRunner().invoke(app, ["check", path, "--format", "json", *args])
    return " ".join(
        t for panel in json.loads(shown.stdout)["panels"] for t in panel["summary"]["text"]
    )


def test_a_lab_comment_is_not_taken_for_panelcli_s_spelling_hint(write_csv) -> None:
    path = write_csv(
        "sample_id,marker,value,unit,comment\n"
        "A1,IL-99,3.0,pg/mL,did you mean Vitamin Q?\nA1,IL6x,3.0,pg/mL,\n"
    )
    said = _summary_text(path)
    assert "Did you mean Vitamin Q" not in said and "did you mean Vitamin Q?'" in said
    assert "Check that the names are spelled right." in said


def test_a_lab_comment_naming_sex_does_not_change_what_the_range_needs(write_csv) -> None:
    path = write_csv("sample_id,marker,value,unit,sex,comment\nA1,Ferritin,100,ug/L,female,sex\n")
    said = _summary_text(path, "--ranges", "mayo-adult")
    assert "The range for Ferritin depends on age, and panelcli could not tell it" in said
