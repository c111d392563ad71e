"""Items known but not done at the end of session 52 (note52), done in session 53."""

from __future__ import annotations

import json
import uuid

from typer.testing import CliRunner

from panelcli.cli import app
from panelcli.names import instrument_name
from panelcli.render import fhir


def test_a_complement_part_in_brackets_is_no_bead_id() -> None:
    """Review 52: 'Complement (C3)' lost its 'C3' as a LEGENDplex bead id would."""
    assert instrument_name("Complement (C3)") is None
    assert instrument_name("Complement component (C4)") is None
    assert instrument_name("IL-6 (B4)") is not None  # a bead id still is one


def test_the_fhir_release_tag_has_a_code_system(tmp_path) -> None:
    """Developer QA round 9: the Bundle's tag had no system, so no server could match it."""
    made = uuid.uuid5(fhir._NAMESPACE, "panelcli release")
    assert f"urn:uuid:{made}" == fhir.RELEASE_SYSTEM
    path = tmp_path / "one.csv"
    path.write_text("sample_id,marker,value,unit\nA1,IL-6,1,pg/mL\n", encoding="utf-8")
    shown = CliRunner().invoke(app, ["check", str(path), "--format", "fhir"])
    assert shown.exit_code == 0
    [tag] = json.loads(shown.stdout)["meta"]["tag"]
    assert tag["system"] == fhir.RELEASE_SYSTEM and tag["code"].startswith("panelcli-")
