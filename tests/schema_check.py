"""Validate JSON that panelcli printed against the JSON Schema that `panelcli schema` prints.

Every `check --format json|ndjson` run through CliRunner is checked (conftest.py wires
`validate_cli_output` in), so the published schema is checked against all real output.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from typing import Any

import jsonschema
from typer.testing import CliRunner, Result

from panelcli.cli import app


@cache
def _validator(which: str) -> jsonschema.protocols.Validator:
    result = CliRunner().invoke(app, ["schema", which])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


@cache
def _closed_validator(which: str) -> jsonschema.protocols.Validator:
    """The models' own schema, which (unlike the published one, open to fields added later)
    refuses a field the models do not declare: output drifting from them is caught."""
    from pydantic import TypeAdapter

    from panelcli.models import NdjsonLine, Report

    schema = (
        Report.model_json_schema(mode="serialization")
        if which == "output"
        else TypeAdapter(NdjsonLine).json_schema(mode="serialization")
    )
    return jsonschema.validators.validator_for(schema)(schema)


def assert_valid_output(document: Any) -> None:
    """A `check --format json` document matches `panelcli schema output` (and the models)."""
    _validator("output").validate(document)
    _closed_validator("output").validate(document)


def assert_valid_ndjson(text: str) -> list[dict[str, Any]]:
    """Every line of `check --format ndjson` matches `panelcli schema ndjson` (and the models);
    returns the lines."""
    assert text.endswith("\n")
    lines = [json.loads(line) for line in text.splitlines()]
    for line in lines:
        _validator("ndjson").validate(line)
        _closed_validator("ndjson").validate(line)
    return lines


def _format_of(args: Sequence[str]) -> str:
    for index, arg in enumerate(args):
        if arg in ("--format", "-f") and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--format="):
            return arg.removeprefix("--format=")
    return "table"


def validate_cli_output(args: Sequence[str] | None, result: Result) -> None:
    """If `result` is `check --format json|ndjson` on stdout, it must match its schema."""
    args = list(args or [])
    if not args or args[0] != "check" or not result.stdout or result.exit_code not in (0, 1, 2):
        return
    fmt = _format_of(args)
    if fmt == "json":
        assert_valid_output(json.loads(result.stdout))
    elif fmt == "ndjson":
        assert_valid_ndjson(result.stdout)
