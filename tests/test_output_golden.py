"""The JSON contract, pinned: `check --format json` (and `ndjson`) of the storm sample and of a
messy lab export (rejected rows, warnings, critical, censored, indeterminate, no_reference
results, a lab's printed range and a trend: review round 9) against stored files.

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


#: Each input (relative to the repository, as results name it), its golden file's stem, and the
#: exit code `check` gives it
INPUTS = [
    ("samples/cytokine-storm.csv", "cytokine-storm", 1),
    ("tests/golden/messy-lab-export.csv", "messy-lab-export", 2),
]


def _pinned(document: dict[str, object]) -> dict[str, object]:
    """The document without what differs per checkout or release (each pinned elsewhere)."""
    reference_set = document["reference_set"]
    assert isinstance(reference_set, dict) and Path(reference_set["path"]).is_file()
    reference_set["path"] = MACHINE_PATH
    # the release that wrote it: pinned by tests of its own, not here (a release changes it)
    assert document.pop("panelcli_version") == __version__
    return document


@pytest.mark.parametrize(("path", "stem", "exit_code"), INPUTS)
def test_json_output_matches_the_golden_file(
    path: str, stem: str, exit_code: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(app, ["check", path, "--format", "json"])
    assert result.exit_code == exit_code, result.stderr
    document = json.loads(result.stdout)
    assert_valid_output(document)
    document = _pinned(document)
    golden = GOLDEN / f"{stem}.json"
    if UPDATE:
        golden.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert document == expected, f"run with PANELCLI_UPDATE_GOLDEN=1 to rewrite {golden}"


@pytest.mark.parametrize(("path", "stem", "exit_code"), INPUTS)
def test_ndjson_output_matches_the_golden_file(
    path: str, stem: str, exit_code: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One JSON value per line, in order: results, then rejected rows and warnings, then the
    closing line with the totals and the notice."""
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(app, ["check", path, "--format", "ndjson"])
    assert result.exit_code == exit_code, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    *events, closing = lines
    assert "reference_set" not in str(events)  # only the closing line names the set
    lines = [*events, _pinned(closing)]
    golden = GOLDEN / f"{stem}.ndjson"
    if UPDATE:
        golden.write_text(
            "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), "utf-8"
        )
    expected = [json.loads(line) for line in golden.read_text(encoding="utf-8").splitlines()]
    assert lines == expected, f"run with PANELCLI_UPDATE_GOLDEN=1 to rewrite {golden}"
