"""Items note 62 left open from QA round 19, done in the next session."""

from __future__ import annotations

import subprocess
from collections.abc import Callable

import pytest


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
