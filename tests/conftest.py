"""Shared fixtures (samples, a CSV writer, isolation, schema checks) and hypothesis profiles."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

# "ci" (the default) runs enough examples to find real bugs while the whole suite stays within
# a few minutes; HYPOTHESIS_PROFILE=dev is quicker while editing, =thorough for a long hunt
# (random: what it finds becomes an @example). "ci" is derandomized: a run that lands must
# not turn red by chance (a full run found a new case of an old test's gap by luck).
settings.register_profile(
    "ci",
    max_examples=300,
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=40, deadline=None)
settings.register_profile("thorough", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


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


@pytest.fixture
def start_panelcli() -> Callable[..., subprocess.Popen[bytes]]:
    """Start `python -m panelcli ARGS` as a real process with stdin, stdout and stderr piped."""

    def start(*args: str, **options: Any) -> subprocess.Popen[bytes]:
        options.setdefault("preexec_fn", as_from_a_terminal)
        return subprocess.Popen(
            [sys.executable, "-m", "panelcli", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            **options,
        )

    return start


def as_from_a_terminal() -> None:
    """Ctrl-C and a hang-up as a terminal delivers them: a shell starts a background job
    (`pytest &`) with SIGINT ignored, and `nohup pytest` with SIGHUP ignored, which panelcli
    rightly keeps ignoring, so the signal tests need this (next-step QA round 20: 4 failed
    under nohup)."""
    for name in ("SIGINT", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)


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


def assert_no_crash(result: object) -> None:
    """No traceback, no internal error: any exception is the SystemExit of a clean exit
    (CliRunner never writes a traceback into its output, so that alone tells nothing)."""
    exception = getattr(result, "exception", None)
    assert exception is None or isinstance(exception, SystemExit), repr(exception)
    output = getattr(result, "stdout", "") + getattr(result, "stderr", "")
    assert "Traceback" not in output
    assert "internal error" not in output


@contextlib.contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Fail instead of hanging (POSIX: SIGALRM; elsewhere no limit)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
