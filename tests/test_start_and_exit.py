"""Start and end of a run (issue 7): the cyclic garbage collector is paused while typer,
pydantic and the reference set are imported and loaded, then on again with start-up's objects
frozen; the run ends once its output is flushed, without Python's teardown, except where
something may rely on that teardown."""

from __future__ import annotations

import gc
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest
from conftest import SAMPLES

import panelcli.__main__ as entry
from panelcli.cli import started

#: Runs panelcli's entry point and says, as it leaves, how the collector was left.
COLLECTOR_AS_IT_LEAVES = (
    "import gc, sys\n"
    "import panelcli.__main__ as entry\n"
    "leave = entry._leave\n"
    "def reported(code):\n"
    "    frozen = gc.get_freeze_count() > 0\n"
    "    sys.stderr.write(f'collector on: {gc.isenabled()}, frozen: {frozen}\\n')\n"
    "    leave(code)\n"
    "entry._leave = reported\n"
    "entry.main()\n"
)

#: Runs panelcli's entry point with a handler that Python's teardown would run (`setup`
#: first, e.g. a profiler).
TEARDOWN_SAYS = (
    "import atexit, sys\n"
    "import panelcli.__main__ as entry\n"
    "atexit.register(lambda: sys.stderr.write('teardown\\n'))\n"
    "{setup}\n"
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
        [sys.executable, "-c", COLLECTOR_AS_IT_LEAVES, *arguments[:1], sample, *arguments[1:]],
        capture_output=True,
        text=True,
    )
    assert done.returncode in (0, 1), done.stderr
    assert done.stderr.splitlines()[-1] == "collector on: True, frozen: True"


def run_entry(program: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", program, *arguments], capture_output=True, text=True
    )


def test_a_run_ends_without_pythons_teardown_and_its_output_whole(tmp_path: Path) -> None:
    # More output than a pipe holds: what the buffers held when the run ended was written.
    rows = [f"S{n},IL-6,{n % 40}.5,pg/mL" for n in range(3000)]
    path = tmp_path / "many.csv"
    path.write_text("\n".join(["sample_id,marker,value,unit", *rows, ""]), encoding="utf-8")
    done = run_entry(TEARDOWN_SAYS.format(setup=""), "check", str(path), "-f", "ndjson")
    assert done.returncode == 1  # some are high
    assert "teardown" not in done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(lines) == 3001 and "notice" in lines[-1]


@pytest.mark.parametrize(
    "setup",
    [
        "sys.setprofile(lambda *event: None)",  # a profiler writes its report at exit
        # Still running when the run ends, however slow the machine (a 0.3 s sleep was over
        # before a loaded machine's run ended); a daemon, so that Python does not wait for it.
        "import threading, time; threading.Thread(target=time.sleep, args=(600,), daemon=True)"
        ".start()",
    ],
)
def test_python_ends_the_run_as_usual_where_something_may_need_it(setup: str) -> None:
    sample = str(SAMPLES / "cytokine-storm.csv")
    done = run_entry(TEARDOWN_SAYS.format(setup=setup), "check", sample, "-f", "json")
    assert done.returncode == 1
    assert done.stderr == "teardown\n"
    assert json.loads(done.stdout)["totals"]["results"] > 0


class Exited(Exception):
    """Stands for os._exit in the tests below, which must not end pytest."""


class Unflushable(io.StringIO):
    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")


@pytest.fixture
def exits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    codes: list[int] = []

    def exit_now(code: int) -> NoReturn:
        codes.append(code)
        raise Exited

    monkeypatch.setattr(entry.os, "_exit", exit_now)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    return codes


@pytest.mark.parametrize(("code", "status"), [(None, 0), (0, 0), (1, 1), (2, 2), (141, 141)])
def test_a_finished_run_leaves_at_once_with_its_code(
    exits: list[int], code: int | None, status: int
) -> None:
    with pytest.raises(Exited):
        entry._leave(code)
    assert exits == [status]


def test_output_that_cannot_be_flushed_leaves_the_exit_to_python(
    exits: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Python then reports it as it always has ('Exception ignored ...', exit 120).
    monkeypatch.setattr(sys, "stdout", Unflushable())
    with pytest.raises(SystemExit) as stopped:
        entry._leave(1)
    assert stopped.value.code == 1
    assert exits == []


def test_a_code_that_is_a_message_leaves_the_exit_to_python(exits: list[int]) -> None:
    with pytest.raises(SystemExit) as stopped:
        entry._leave("panelcli: a message")
    assert stopped.value.code == "panelcli: a message"
    assert exits == []


@pytest.mark.parametrize("output_format", ["ndjson", "csv"])
def test_streamed_formats_write_with_the_collector_paused_then_on_again(
    monkeypatch: pytest.MonkeyPatch, output_format: str
) -> None:
    """Each batch's results hold no cycles: walking them cost 1% of a plain file's rows and
    10% of a messy one's (issue 7). The collector is on again after."""
    from typer.testing import CliRunner

    from panelcli.cli import app
    from panelcli.render import stream

    seen: list[bool] = []
    write_lines = stream.write_lines

    def recorded(*arguments: Any, **options: Any) -> None:
        seen.append(gc.isenabled())
        write_lines(*arguments, **options)

    monkeypatch.setattr(stream, "write_lines", recorded)
    sample = str(SAMPLES / "cytokine-storm.csv")
    done = CliRunner().invoke(app, ["check", sample, "-f", output_format])
    assert done.exit_code == 1, done.output
    assert seen == [False]
    assert gc.isenabled()
