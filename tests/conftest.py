"""Shared fixtures: paths to the repository's samples and a helper to write small CSV files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture
def write_csv(tmp_path: Path) -> Callable[..., str]:
    """Write text (or bytes) to a file in tmp_path and return its path as a string."""

    def write(content: str | bytes, name: str = "results.csv") -> str:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        return str(path)

    return write


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep the developer's own ranges and environment out of every test."""
    monkeypatch.setenv("PANELCLI_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("PANELCLI_RANGES", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture(autouse=True)
def _machine_output_matches_its_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every `check --format json|ndjson` any test runs must match what `panelcli schema` says."""
    from schema_check import validate_cli_output
    from typer.testing import CliRunner

    invoke = CliRunner.invoke

    def checked(self: CliRunner, app: Any, args: Any = None, *more: Any, **options: Any) -> Any:
        result = invoke(self, app, args, *more, **options)
        validate_cli_output([args] if isinstance(args, str) else args, result)
        return result

    monkeypatch.setattr(CliRunner, "invoke", checked)
