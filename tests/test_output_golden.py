"""The JSON contract, pinned: `check --format json` of the storm sample against a stored file.

Regenerate after an intended change with PANELCLI_UPDATE_GOLDEN=1 python -m pytest
tests/test_output_golden.py, then review the diff of tests/golden/ like any other change.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from schema_check import assert_valid_output
from typer.testing import CliRunner

from panelcli import __version__
from panelcli.cli import app

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("PANELCLI_UPDATE_GOLDEN") == "1"
MACHINE_PATH = "<path of the reference set>"  # differs per checkout; everything else must not


@pytest.mark.parametrize("sample", ["cytokine-storm"])
def test_json_output_matches_the_golden_file(sample: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(app, ["check", f"samples/{sample}.csv", "--format", "json"])
    assert result.exit_code == 1, result.stderr
    document = json.loads(result.stdout)
    assert_valid_output(document)
    assert Path(document["reference_set"]["path"]).is_file()
    document["reference_set"]["path"] = MACHINE_PATH
    # the release that wrote it: pinned by tests of its own, not here (a release changes it)
    assert document.pop("panelcli_version") == __version__
    golden = GOLDEN / f"{sample}.json"
    if UPDATE:
        golden.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert document == expected, f"run with PANELCLI_UPDATE_GOLDEN=1 to rewrite {golden}"
