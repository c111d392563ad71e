"""A progress bar on stderr for runs that take more than a second, only when a person watches."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TypeVar

from rich.progress import (
    BarColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)

from panelcli.check import Interpreter
from panelcli.reading import ReadStats, describe_source
from panelcli.render.console import make_console
from panelcli.values import visible

T = TypeVar("T")

#: Seconds before the bar appears: a quick run should print nothing extra.
DELAY = 1.0
#: Items between looks at the clock (cheap enough for a million rows).
EVERY = 4096
#: The bar on the terminal now, if any (`say_above`)
_SHOWN: list[Progress] = []


def say_above(line: str) -> bool:
    """Print a line for a person above the bar being shown, if one is: else False (QA: a
    message written to stderr was glued to the end of the bar's line and stayed there)."""
    if not _SHOWN:
        return False
    from rich.text import Text

    _SHOWN[0].console.print(Text(line), soft_wrap=True)
    return True


def with_progress(
    events: Iterator[T], interpreter: Interpreter, every: int | None = None
) -> Iterator[T]:
    """Pass events (or lists of them) through; after DELAY seconds show how far reading is:
    the bytes read of a file, the rows read from a pipe (whose size is not known).

    The clock is looked at every `every` items, and at every item of a pipe: its lists are
    short when rows come slowly, and the last frames lagged thousands of rows behind (QA)."""
    every = every or EVERY
    console = make_console(stderr=True)
    # not on TERM=dumb (Emacs' shell, some CI consoles), which cannot redraw a line: rich
    # left a bare newline on stderr there (script-author QA round 22)
    if not console.is_terminal or console.is_dumb_terminal:
        yield from events
        return
    started = time.monotonic()
    progress: Progress | None = None
    task = None
    shown: tuple[str, ReadStats] | None = None  # the reading the bar describes
    counted: tuple[str, ReadStats] | None = None  # the reading `rows` counts
    rows = 0  # its events, from its start (a result or a rejected row per row, mostly)
    look = every  # items between looks at the clock for the file being read
    try:
        for count, event in enumerate(events, 1):
            reading = interpreter.reading
            if reading is not counted:  # the next file, counted from its first row: the
                # count began when the bar appeared, and said '0 rows' 3,000 rows in (QA)
                counted, rows = reading, 0
                look = 1 if reading is not None and reading[1].size is None else every
            rows += len(event) if isinstance(event, list) else 1
            if count % look == 0 and time.monotonic() - started >= DELAY:
                source, stats = reading or ("", None)
                if progress is None:
                    progress = Progress(
                        # markup=False and visible(): a file name is the user's text, and
                        # '[/]' in it stopped the run, escapes reached the terminal (QA)
                        TextColumn("{task.description}", markup=False), BarColumn(),
                        TaskProgressColumn(),
                        TextColumn("{task.fields[done]}"), TimeRemainingColumn(),
                        console=console, transient=True,
                        # validate's lines go to stdout, a file or pipe: rich moved them to
                        # the bar's terminal (QA: 30 of 34 problems left the file)
                        redirect_stdout=False, redirect_stderr=False,
                    )  # fmt: skip
                    task = progress.add_task("reading", total=None, done="")
                assert task is not None
                if reading is not shown:
                    shown = reading
                    total = stats.size if stats else None
                    # a new task: rich keeps a total that an update gives as None, and a
                    # missing file showed the last file's 98% (QA)
                    progress.remove_task(task)
                    task = progress.add_task(
                        f"reading {visible(describe_source(source))}", total=total, done=""
                    )
                if stats is not None and stats.size is not None:
                    done = _bytes_read(stats)
                    progress.update(task, completed=done, done=f"{done:,}/{stats.size:,} bytes")
                else:
                    progress.update(task, done=f"{rows:,} row{'' if rows == 1 else 's'}")
                if not progress.live.is_started:  # drawn once it says what it reads
                    progress.start()
                    _SHOWN[:] = [progress]
            yield event
    finally:
        if progress is not None:
            _SHOWN.clear()
            progress.stop()


def _bytes_read(stats: ReadStats | None) -> int:
    """How far the reader is into its file; 0 when that cannot be known (or it is closed)."""
    if stats is None or stats.position is None:
        return 0
    try:
        done = stats.position()
    except (OSError, ValueError):  # closed between two looks
        return 0
    return min(done, stats.size or done)
