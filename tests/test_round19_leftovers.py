"""Items note 62 left open from QA round 19, done in the next session."""

from __future__ import annotations

import subprocess
from collections.abc import Callable

import pytest

from panelcli.check import check_file


@pytest.mark.parametrize("command", ["check", "validate"])
def test_rows_piped_in_with_no_file_named_get_the_dash_hint(
    start_panelcli: Callable[..., subprocess.Popen[bytes]], command: str
) -> None:
    """Next-step QA round 19 #4: `cat f | panelcli check` said only 'Missing argument'."""
    run = start_panelcli(command)
    out, err = run.communicate(b"sample_id,marker,value,unit\nS1,IL-6,40,pg/mL\n", timeout=60)
    said = err.decode()
    assert run.returncode == 2
    assert out == b""
    assert "Missing argument 'FILE'" in said
    assert f"read when named '-': cat results.csv | panelcli {command} -" in said


@pytest.mark.parametrize(
    ("name", "marker"),
    [("Sérum IL-6", "IL-6"), ("Suero TNF-alfa", "TNF-α"), ("Siero IL-10", "IL-10")],
)
def test_a_specimen_word_before_the_marker_in_another_language_is_read(
    write_csv: Callable[..., str], name: str, marker: str
) -> None:
    """Lab QA round 19: 'Sérum IL-6' (French, specimen first) was no_reference, with no hint."""
    report = check_file(write_csv(f"sample_id,marker,value,unit\nS1,{name},5000,pg/mL\n"))
    (result,) = report.panels[0].results
    assert (result.marker, result.status) == (marker, "high")
