"""The progress bar: on stderr, only on a terminal, only for runs longer than DELAY seconds."""

from __future__ import annotations

import contextlib
import io
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from panelcli import cli
from panelcli.check import CheckOptions, Interpreter
from panelcli.cli import app
from panelcli.ranges import load_ranges
from panelcli.render import progress

runner = CliRunner()


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def big_file(tmp_path: Path, rows: int = 3000) -> Path:
    lines = ["sample_id,marker,value,unit"]
    lines += [f"S{n // 5},IL-{6 + n % 5},{n % 40}.5,pg/mL" for n in range(rows)]
    path = tmp_path / "big.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def slow_run_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> Callable[[], FakeTerminal]:
    """Make stderr a terminal (when called: pytest sets its own stderr after the fixtures),
    and every run count as longer than a second."""
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "EVERY", 100)
    monkeypatch.setenv("COLUMNS", "400")  # room for the whole path

    def on_a_terminal() -> FakeTerminal:
        terminal = FakeTerminal()
        monkeypatch.setattr(sys, "stderr", terminal)
        return terminal

    return on_a_terminal


def test_a_slow_run_on_a_terminal_shows_the_file_and_how_far_it_got(
    tmp_path: Path, slow_run_on_a_terminal: Callable[[], FakeTerminal]
) -> None:
    terminal = slow_run_on_a_terminal()
    path = big_file(tmp_path)
    interpreter = Interpreter(load_ranges(), CheckOptions())
    plain = list(Interpreter(load_ranges(), CheckOptions()).stream([str(path)]))
    watched = list(progress.with_progress(interpreter.stream([str(path)]), interpreter))
    assert [type(e) for e in watched] == [type(e) for e in plain], "events pass unchanged"
    shown = terminal.getvalue()
    assert f"reading {path}" in shown
    assert f"/{path.stat().st_size:,} bytes" in shown, "bytes read out of the file's size"
    # every frame names the file: the first said only 'reading ' (found in QA)
    frames = [f for f in shown.replace("\r", "\n").split("\n") if "reading" in f]
    assert frames and all(f"reading {path}" in frame for frame in frames)


def test_a_slow_pipe_on_a_terminal_shows_the_rows_read(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    slow_run_on_a_terminal: Callable[[], FakeTerminal],
) -> None:
    """A pipe's size is not known: '0/? bytes' said nothing; the rows read say how far it is."""
    terminal = slow_run_on_a_terminal()
    piped = io.BytesIO(big_file(tmp_path).read_bytes())  # no file behind it, as with a pipe
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(piped))
    interpreter = Interpreter(load_ranges(), CheckOptions())
    events = list(progress.with_progress(interpreter.stream(["-"]), interpreter))
    assert len(events) == 3000
    shown = terminal.getvalue()
    assert "reading standard input" in shown
    assert "3,000 rows" in shown and "bytes" not in shown


def test_a_quick_run_shows_no_bar_even_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(progress, "EVERY", 100)
    interpreter = Interpreter(load_ranges(), CheckOptions())
    events = list(
        progress.with_progress(interpreter.stream([str(big_file(tmp_path))]), interpreter)
    )
    assert len(events) == 3000
    assert terminal.getvalue() == ""


def test_no_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(big_file(tmp_path)), "--format", "ndjson"])
    assert result.exit_code == 1
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 3001


def test_the_bar_survives_events_that_come_after_a_file_was_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file given twice: the 'given twice' warning comes when the first file is closed."""
    monkeypatch.setattr(sys, "stderr", FakeTerminal())
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "EVERY", 1)  # look at the file after every event
    path = str(big_file(tmp_path, rows=50))
    interpreter = Interpreter(load_ranges(), CheckOptions())
    events = list(progress.with_progress(interpreter.stream([path, path]), interpreter))
    assert len(events) == 101  # 50 results twice, and the warning


def test_the_bar_of_a_file_read_by_two_processes_reaches_the_end(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    slow_run_on_a_terminal: Callable[[], FakeTerminal],
) -> None:
    """This process reads the first half only: its position there stands for the whole file,
    else the bar stopped at 50% although the run was done."""
    import functools
    import re

    from panelcli import split
    from panelcli.check import Tally
    from panelcli.render import two_processes
    from panelcli.render.ndjson import ndjson_texts

    terminal = slow_run_on_a_terminal()
    monkeypatch.setattr(split, "MIN_BYTES", 0)
    path = big_file(tmp_path, rows=20_000)
    ranges = load_ranges()
    interpreter = Interpreter(ranges, CheckOptions())
    watch = functools.partial(progress.with_progress, interpreter=interpreter, every=1)
    written: list[object] = []
    assert two_processes.write_in_two_processes(
        str(path), interpreter, ndjson_texts, ranges.info, Tally(), written.extend, watch
    )
    size = path.stat().st_size
    done = [
        int(n.replace(",", "")) for n in re.findall(r"([\d,]+)/[\d,]+ bytes", terminal.getvalue())
    ]
    assert done and max(done) > 0.9 * size
    assert max(done) <= size


def test_the_rows_of_a_pipe_are_counted_from_its_start_and_shown_to_its_end(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    slow_run_on_a_terminal: Callable[[], FakeTerminal],
) -> None:
    """The bar appeared 2,000 rows in and said '0 rows' (the count began with the bar), and its
    last frame lagged behind the rows read (QA)."""
    terminal = slow_run_on_a_terminal()
    looks = iter(range(1_000_000))  # the clock passes DELAY at the 2,000th look
    monkeypatch.setattr(progress, "time", SimpleNamespace(monotonic=lambda: next(looks) // 2000))
    monkeypatch.setattr(progress, "DELAY", 1.0)
    piped = io.BytesIO(big_file(tmp_path).read_bytes())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(piped))
    interpreter = Interpreter(load_ranges(), CheckOptions())
    events = list(progress.with_progress(interpreter.stream(["-"]), interpreter))
    assert len(events) == 3000
    counts = [int(n.replace(",", "")) for n in re.findall(r"([\d,]+) rows", terminal.getvalue())]
    assert counts and counts[0] >= 1999, "counted from the first row, not from the bar's first"
    assert counts[-1] == 3000, "the last frame says every row read"


@pytest.mark.parametrize(
    ("stderr", "streamed_to", "quiet", "shown"),
    [
        (True, None, False, True),  # a table or JSON: written at the end, once the bar is gone
        (True, "terminal", False, False),  # NDJSON or CSV lines on the bar's screen
        (True, "file", False, True),  # -o FILE, or a pipe: the terminal shows only the bar
        (False, None, False, False),  # nobody watches
        (False, "file", False, False),
        (True, None, True, False),  # --quiet
    ],
)
def test_no_bar_between_lines_streamed_to_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
    stderr: bool,
    streamed_to: str | None,
    quiet: bool,
    shown: bool,
) -> None:
    """A bar frame got glued to NDJSON and CSV lines written to the same terminal (QA)."""
    monkeypatch.setattr(sys, "stderr", FakeTerminal() if stderr else io.StringIO())
    out = {None: None, "terminal": FakeTerminal(), "file": io.StringIO()}[streamed_to]
    assert cli._shows_progress(quiet, out) is shown


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["-f", "ndjson"], False),
        (["-f", "csv"], False),
        (["-f", "ndjson", "-o", "out.ndjson"], True),
        (["-f", "csv", "-o", "out.csv"], True),
        (["-f", "table"], True),
        (["-f", "json"], True),
    ],
)
@pytest.mark.parametrize("two_processes", [False, True])
def test_check_leaves_the_bar_out_of_lines_streamed_to_a_terminal(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    shown: bool,
    two_processes: bool,
) -> None:
    """Both terminals in a CliRunner run: the bar is asked for unless lines stream to one (in
    one process or two)."""
    from panelcli import split

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cli, "_is_terminal", lambda stream: stream in (sys.stdout, sys.stderr))
    if two_processes:
        monkeypatch.setattr(split, "MIN_BYTES", 0)
    watched: list[bool] = []

    def watch(events: Iterator[object], **_: object) -> Iterator[object]:
        watched.append(True)
        return events

    monkeypatch.setattr(progress, "with_progress", watch)
    path = big_file(tmp_path, rows=2000)
    result = runner.invoke(app, ["check", str(path), *args])
    assert result.exit_code == 1, result.output
    assert bool(watched) is shown


def test_the_bar_shows_a_file_name_s_brackets_and_escapes_as_text(
    tmp_path: Path, slow_run_on_a_terminal: Callable[[], FakeTerminal]
) -> None:
    """'[bold]' in a name was read as markup, 'x[/]y.csv' stopped the run with a MarkupError,
    and ESC sequences reached the terminal raw (QA)."""
    terminal = slow_run_on_a_terminal()
    folder = tmp_path / "x["
    folder.mkdir()
    path = big_file(folder).rename(folder / "]y [bold]\x1b[2J.csv")
    interpreter = Interpreter(load_ranges(), CheckOptions())
    events = list(progress.with_progress(interpreter.stream([str(path)]), interpreter))
    assert len(events) == 3000
    shown = terminal.getvalue()
    assert f"reading {tmp_path}/x[/]y [bold]\\x1b[2J.csv" in shown
    assert "\x1b[2J" not in shown


@pytest.mark.parametrize(("stdout_a_terminal", "shown"), [(False, True), (True, False)])
def test_validate_shows_the_bar_as_check_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stdout_a_terminal: bool, shown: bool
) -> None:
    """QA: validate showed no bar at all, though it ran 2-3 s on a terminal; as check's
    streamed formats, not where its lines come to the terminal the bar is on."""
    monkeypatch.setattr(  # the streams CliRunner gives, as the run asks
        cli,
        "_is_terminal",
        lambda stream: stream is sys.stderr or (stdout_a_terminal and stream is sys.stdout),
    )
    watched: list[bool] = []

    def watch(events: Iterator[object], **_: object) -> Iterator[object]:
        watched.append(True)
        return events

    monkeypatch.setattr(progress, "with_progress", watch)
    result = runner.invoke(app, ["validate", str(big_file(tmp_path, rows=2000))])
    assert result.exit_code == 0, result.output
    assert bool(watched) is shown


def test_a_missing_file_after_a_read_one_does_not_show_its_percentage(
    tmp_path: Path, slow_run_on_a_terminal: Callable[[], FakeTerminal]
) -> None:
    """QA: 'reading nosuch.csv 98%', the file before's figure, or '1 rows'."""
    terminal = slow_run_on_a_terminal()
    path = big_file(tmp_path)
    interpreter = Interpreter(load_ranges(), CheckOptions())
    missing = str(tmp_path / "nosuch.csv")
    list(progress.with_progress(interpreter.stream([str(path), missing]), interpreter, every=1))
    frames = terminal.getvalue().replace("\r", "\n").split("\n")
    about_it = [frame for frame in frames if "nosuch.csv" in frame]
    assert about_it and not any("%" in frame or "1 rows" in frame for frame in about_it)


def test_the_bar_leaves_stdout_to_the_lines_written_there(
    tmp_path: Path, slow_run_on_a_terminal: Callable[[], FakeTerminal]
) -> None:
    """QA: with the bar up, rich moved what was printed to stdout (validate's problem lines)
    to the bar's terminal: a '> problems.txt' kept 4 of 34."""
    terminal = slow_run_on_a_terminal()
    path = big_file(tmp_path)
    interpreter = Interpreter(load_ranges(), CheckOptions())
    written = io.StringIO()
    with contextlib.redirect_stdout(written):
        for number, _ in enumerate(
            progress.with_progress(interpreter.stream([str(path)]), interpreter, every=1)
        ):
            print(f"line {number}")
    assert "line 0\n" in written.getvalue() and "line 0" not in terminal.getvalue()


def test_a_message_during_the_bar_is_printed_on_a_line_of_its_own(
    tmp_path: Path, slow_run_on_a_terminal: Callable[[], FakeTerminal]
) -> None:
    """QA: 'panelcli: more than 100,000 results …' was written to stderr after the bar's
    last frame, on the bar's line ('… 63% 4,702,208/7,473,687 bytes 0:00:02panelcli: …'),
    and stayed so on screen."""
    terminal = slow_run_on_a_terminal()
    interpreter = Interpreter(load_ranges(), CheckOptions())
    events = progress.with_progress(interpreter.stream([str(big_file(tmp_path))]), interpreter)
    for count, _ in enumerate(events):
        if count == 2000:
            cli._say("a message for a person")
    lines = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", terminal.getvalue()).replace("\r", "\n")
    assert "panelcli: a message for a person" in lines.split("\n")
    assert not progress._SHOWN  # no bar once the run ends: a message goes to stderr as before
    cli._say("after")
    assert terminal.getvalue().endswith("panelcli: after\n")


@pytest.mark.parametrize("command", ["check", "validate"])
@pytest.mark.parametrize(("typed", "shown"), [(True, False), (False, True)])
def test_no_bar_on_the_line_where_rows_are_typed(
    monkeypatch: pytest.MonkeyPatch, command: str, typed: bool, shown: bool
) -> None:
    """Next-step QA round 19: 'check -' at a terminal drew the bar on the line being typed,
    hid the cursor and wiped each key as it was typed; rows piped in keep the bar."""
    monkeypatch.setattr(cli, "_is_terminal", lambda stream: stream is sys.stderr)
    monkeypatch.setattr(cli, "_typed_in", lambda files: typed and "-" in files)
    watched: list[bool] = []

    def watch(events: Iterator[object], **_: object) -> Iterator[object]:
        watched.append(True)
        return events

    monkeypatch.setattr(progress, "with_progress", watch)
    result = runner.invoke(app, [command, "-"], input="marker,value,unit\nIL-6,3,pg/mL\n")
    assert result.exit_code == {"check": 1, "validate": 0}[command], result.output
    assert bool(watched) is shown


def test_no_bar_nor_its_newline_on_a_dumb_terminal(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    slow_run_on_a_terminal: Callable[[], FakeTerminal],
) -> None:
    """Script-author QA round 22: with TERM=dumb (Emacs' shell, some CI consoles) the bar was
    hidden but left a bare newline on stderr."""
    monkeypatch.setenv("TERM", "dumb")
    terminal = slow_run_on_a_terminal()
    interpreter = Interpreter(load_ranges(), CheckOptions())
    events = list(
        progress.with_progress(interpreter.stream([str(big_file(tmp_path))]), interpreter)
    )
    assert len(events) == 3000
    assert terminal.getvalue() == ""
