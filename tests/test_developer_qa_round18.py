"""What developer QA round 18 (/work/qa18/dev) found still open."""

from __future__ import annotations

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from panelcli.cli import app


@pytest.mark.parametrize("name", ["arup-3002601", "mayo-adult"])
def test_ranges_show_json_has_a_schema_it_meets(name: str) -> None:
    """Developer QA round 18 (was round 12 #5): 'ranges show --format json' had no schema,
    and 'schema ranges', a ranges file's, refused it."""
    runner = CliRunner()
    shown = json.loads(runner.invoke(app, ["ranges", "show", name, "--format", "json"]).stdout)
    schema = json.loads(runner.invoke(app, ["schema", "ranges-show"]).stdout)
    jsonschema.validate(shown, schema)
    assert {"schema_version", "panelcli_version", "reference_set", "markers"} <= set(
        schema["properties"]
    )
    with pytest.raises(jsonschema.ValidationError):  # it says something
        jsonschema.validate({**shown, "markers": "none"}, schema)
