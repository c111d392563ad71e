"""Validate JSON that panelcli printed against the JSON Schema that `panelcli schema` prints.

Shared by every test that produces JSON, so the published schema is checked against real output.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import jsonschema
from typer.testing import CliRunner

from panelcli.cli import app


@cache
def _validator(which: str) -> jsonschema.protocols.Validator:
    result = CliRunner().invoke(app, ["schema", which])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def assert_valid_output(document: Any) -> None:
    """A `check --format json` document matches `panelcli schema output`."""
    _validator("output").validate(document)


def assert_valid_ndjson(text: str) -> list[dict[str, Any]]:
    """Every line of `check --format ndjson` matches `panelcli schema ndjson`; returns the lines."""
    assert text.endswith("\n")
    lines = [json.loads(line) for line in text.splitlines()]
    for line in lines:
        _validator("ndjson").validate(line)
    return lines
