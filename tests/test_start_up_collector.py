"""The cyclic garbage collector during start-up (issue 7): paused while typer, pydantic and the
reference set are imported and loaded, then on again, with start-up's objects frozen."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator

import pytest
from conftest import SAMPLES

from panelcli.cli import started

#: Runs panelcli's entry point and says, at exit, how the collector was left.
COLLECTOR_AT_EXIT = (
    "import atexit, gc, sys\n"
    "import panelcli.__main__ as entry\n"
    "atexit.register(lambda: sys.stderr.write("
    "f'collector on: {gc.isenabled()}, frozen: {gc.get_freeze_count() > 0}\\n'))\n"
    "entry.main()\n"
)


@pytest.fixture
def collector_restored() -> Iterator[None]:
    was_on = gc.isenabled()
    yield
    gc.unfreeze()  # frozen objects of the test process would never be collected
    if was_on:
        gc.enable()


@pytest.mark.usefixtures("collector_restored")
def test_started_freezes_start_ups_objects_and_turns_a_paused_collector_on() -> None:
    gc.disable()
    started()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0


@pytest.mark.usefixtures("collector_restored")
def test_started_changes_nothing_where_the_collector_was_not_paused() -> None:
    # As in library use and the CliRunner tests: nothing of theirs is frozen for good.
    gc.enable()
    frozen = gc.get_freeze_count()
    started()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


@pytest.mark.parametrize(
    "arguments",
    [
        ["check", "--format", "json"],
        ["check", "--format", "ndjson"],
        ["check"],
        ["validate"],
    ],
)
def test_reading_commands_run_with_the_collector_on(arguments: list[str]) -> None:
    sample = str(SAMPLES / "cytokine-storm.csv")
    done = subprocess.run(
        [sys.executable, "-c", COLLECTOR_AT_EXIT, *arguments[:1], sample, *arguments[1:]],
        capture_output=True,
        text=True,
    )
    assert done.returncode in (0, 1), done.stderr
    assert done.stderr.splitlines()[-1] == "collector on: True, frozen: True"
