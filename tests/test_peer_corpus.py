"""Foreign files: every fixture of another CSV project's test suite (frictionless-py) gives exit
0, 1 or 2 with results or one clear 'panelcli: ' line: never a traceback, never a hang.

The corpus sits beside the repository (../shared/peer-corpus/frictionless); without it these
tests are skipped, saying so. Each file is also run with a 'marker,value' header put in front,
so that its rows reach the value, unit and marker code instead of stopping at the header.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.cli import app
from tests.conftest import time_limit

REPO = Path(__file__).resolve().parent.parent
CANDIDATES = [
    REPO.parent / "shared" / "peer-corpus" / "frictionless",
    Path("/work/shared/peer-corpus/frictionless"),
]
PEER = next((path for path in CANDIDATES if path.is_dir()), None)
SECONDS_PER_FILE = 10
runner = CliRunner()

if PEER is None:
    FILES = [
        pytest.param(
            None,
            marks=pytest.mark.skip(
                reason="peer corpus not found at " + " or ".join(map(str, CANDIDATES))
            ),
        )
    ]
else:
    FILES = [pytest.param(path, id=path.name) for path in sorted(PEER.iterdir()) if path.is_file()]


def assert_clean_outcome(path: Path) -> None:
    for extra in ([], ["--format", "json"]):
        with time_limit(SECONDS_PER_FILE):
            result = runner.invoke(app, ["check", str(path), *extra])
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(
            result.exception
        )
        assert result.exit_code in (0, 1, 2)
        assert "Traceback" not in result.stdout + result.stderr
        assert "internal error" not in result.stderr
        if result.stdout:
            if extra:
                json.loads(result.stdout)  # exactly one JSON document
        else:
            assert result.exit_code == 2
            assert result.stderr.count("\n") == 1, result.stderr
            assert result.stderr.startswith("panelcli: "), result.stderr


def test_the_peer_corpus_is_there_to_test() -> None:
    if PEER is None:
        pytest.skip("peer corpus not found at " + " or ".join(map(str, CANDIDATES)))
    assert len(FILES) >= 100


@pytest.mark.parametrize("path", FILES)
def test_peer_file(path: Path) -> None:
    assert_clean_outcome(path)


@pytest.mark.parametrize("path", FILES)
def test_peer_file_rows(path: Path, tmp_path: Path) -> None:
    with_header = tmp_path / path.name
    with_header.write_bytes(b"marker,value\n" + path.read_bytes())
    assert_clean_outcome(with_header)
