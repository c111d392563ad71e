"""NDJSON/CSV of one big file made by two processes at once (two cores), text for text the same.

This process reads the first part of the file (see `panelcli.split`) and writes it as usual;
a forked process reads the second part into a temporary file at the same time. The second
part is used only if the first part's rows end exactly at the cut and the second part did not
depend on what the first part remembers (a sample seen again after the cut, a kind of warning
past its limit, bytes read as Windows-1252, a column learnt to hold numbers of its own), but
for warnings given once per file that both parts gave: those are left out of its text.
Otherwise this process reads the second part itself, as a single process would. Either way
the output is the same; only the time differs.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pickle
import signal
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import BinaryIO, NamedTuple, TypeVar

from panelcli.check import (
    Interpreter,
    PanelKey,
    StreamEvent,
    Tally,
    in_lists,
    once_key,
    stopped_reading,
)
from panelcli.errors import InputError
from panelcli.models import Issue
from panelcli.reading import (
    STDIN,
    FileRows,
    IdsFilledDown,
    NumberedRows,
    RangeCells,
    ReadStats,
    TimesLeftOut,
    file_closing,
    open_rows,
)
from panelcli.render.stream import Batch, Encoded, Rendered, Text
from panelcli.split import Cut, find_cut, second_part

#: (lists of events or rendered parts, reference set info, tally, framed) → texts
MakeTexts = Callable[..., Iterator[Text]]
BATCH = 512


class _Part(NamedTuple):
    """What the forked process reports about the second part."""

    tally: Tally
    rows: int
    measurements: int
    fallback_bytes: int
    first_panels: list[PanelKey]  # see Interpreter.note_first_panels
    warned: set[tuple[str, ...]]  # the once-per-file warnings it gave
    #: Where in its text each once-per-file warning is: (start, end, key), in bytes.
    once: list[tuple[int, int, tuple[str, ...]]]
    #: Value columns it refused a row of as split by a comma (`ReadStats.splits_said`)
    splits_said: set[int]
    #: Whether its rows showed a decimal comma (see `Interpreter.repeats_after`)
    comma_shown: bool = True
    #: Whether it refused a '"1,120"' before meeting a '2.5' (see `Interpreter.repeats_after`)
    comma_refused: bool = True
    ids_filled_down: IdsFilledDown | None = None  # see `ReadStats`
    times_left_out: TimesLeftOut | None = None  # see `ReadStats`
    range_cells: RangeCells = RangeCells({}, {})  # see `ReadStats`


def fits(files: Sequence[str]) -> bool:
    """Whether two processes may be used: one regular file (never stdin: what is read to try
    cannot be read again), a system that forks, two or more cores."""
    if len(files) != 1 or files[0] == STDIN or not hasattr(os, "fork"):
        return False
    return os.path.isfile(files[0]) and _cores() >= 2


def _cores() -> int:
    """The cores this process may run on (a CPU affinity limit counts)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every system
        return os.cpu_count() or 1


def write_in_two_processes(
    source: str,
    interpreter: Interpreter,
    make_texts: MakeTexts,
    info: object,
    tally: Tally,
    write: Callable[[Iterable[Text]], None],
    watch: Callable[[Iterator[Batch]], Iterator[Batch]] | None = None,
) -> bool:
    """Write `source` with two processes; False (nothing written) when it does not qualify.

    `watch` wraps the lists of events as they are made (a progress bar); it starts after the
    fork, so that no thread runs when the process is forked.
    """
    stats = ReadStats()
    interpreter.reading = (source, stats)
    max_line = interpreter.options.max_line_length
    with contextlib.ExitStack() as stack:
        try:
            file = stack.enter_context(open_rows(source, interpreter.known_marker, stats, max_line))
        except InputError:
            return False  # unreadable from the start: the usual path reports it
        interpreter.note_opened(source, stats)
        cut = find_cut(file, stats)
        if cut is None or file.layout.given:
            # (the fields given above the header change at a patient's block: the second part
            # cannot know which are in force at the cut)
            return False
        second = _SecondPart(file, stats, cut, interpreter, make_texts, info)
        stack.callback(second.close)
        try:
            second.start()
        except OSError:  # no temporary file, no fork: one process will do
            return False
        read, size = stats.position, stats.size
        if read is not None and size:
            # A progress bar follows this process's part, which ends at the cut; the other part
            # goes as fast, so this part's share stands for the whole file's.
            stats.position = lambda: read() * size // cut.offset
        batches = _batches(file, stats, cut, interpreter, second)
        write(make_texts(watch(batches) if watch else batches, info, tally))
    return True


def _batches(
    file: FileRows, stats: ReadStats, cut: Cut, interpreter: Interpreter, second: _SecondPart
) -> Iterator[Batch]:
    """The file's events in lists, with the second part's text in its place when it is usable."""
    assert isinstance(file.rows, NumberedRows)  # as `open_rows` gives them
    before = file.rows.until(cut.line)  # the rows that start before the cut
    try:
        if file.leading:
            yield [*file.leading]
        yield from interpreter.judge_rows(file._replace(rows=before), stats)
        part = second.result()
        held = before.held  # the first row after them
        at_cut = held is not None and held[0] == cut.line  # not inside a quoted value
        repeats = _repeats(part, interpreter) if part is not None and at_cut else None
        if part is not None and part.splits_said & stats.numbers_beside:
            # This part learnt that a column holds numbers of its own: one process would not
            # have refused the forked one's rows beside it as split by a comma.
            repeats = None
        if part is not None and repeats is not None:
            stats.rows += part.rows
            stats.measurements += part.measurements
            stats.ids_filled_down = _counts_added(stats.ids_filled_down, part.ids_filled_down)
            stats.times_left_out = _counts_added(stats.times_left_out, part.times_left_out)
            stats.range_cells = stats.range_cells.then(part.range_cells)
            # Warnings this process gave once already are left out, as one process would.
            skip = tuple((start, end) for start, end, key in part.once if key in repeats)
            part.tally.warnings -= len(skip)
            yield Rendered([Encoded(second.text_file(), skip)], part.tally)
        else:  # read the second part here, as one process would have
            rest = itertools.chain(() if held is None else (held,), before.after())
            yield from interpreter.judge_rows(file._replace(rows=rest), stats)
        closing: Iterator[StreamEvent] = file_closing(file.source, stats)
        yield from in_lists(closing, BATCH)
    except InputError as exc:
        yield stopped_reading(file.source, exc)


Counted = TypeVar("Counted", IdsFilledDown, TimesLeftOut)


def _counts_added(first: Counted | None, second: Counted | None) -> Counted | None:
    """The rows counted so (sample ids filled in, times left out) of both parts, as one
    process counts them (the first part's first one named)."""
    if first is None or second is None:
        return first or second
    return first._replace(rows=first.rows + second.rows)


def _repeats(part: _Part, interpreter: Interpreter) -> set[tuple[str, ...]] | None:
    """The second part's once-per-file warnings to leave out for it to come out as it would
    have after the first (see module doc), or None when it cannot be used."""
    if part.fallback_bytes:
        return None
    repeats = interpreter.repeats_after(
        part.first_panels, part.warned, part.comma_shown, part.comma_refused
    )
    if repeats is None or not repeats <= {key for _, _, key in part.once}:
        return None  # a warning to leave out that is not found in the text
    return repeats


class _SecondPart:
    """The forked process that writes the second part's text to a temporary file.

    The temporary files have no name (nothing is left behind, whatever stops the run), and
    the forked process is stopped by the system if this one dies (Linux).
    """

    def __init__(
        self,
        file: FileRows,
        stats: ReadStats,
        cut: Cut,
        interpreter: Interpreter,
        make_texts: MakeTexts,
        info: object,
    ) -> None:
        self._file, self._cut, self._interpreter = file, cut, interpreter
        self._decimal_comma = stats.decimal_comma
        self._make_texts, self._info = make_texts, info
        self._pid = 0
        self._text: BinaryIO | None = None
        self._report: BinaryIO | None = None

    def start(self) -> None:
        """Fork the process that writes the second part (raises OSError if it cannot)."""
        # Closed by close(), which the caller runs whatever happens.
        self._text = tempfile.TemporaryFile()  # noqa: SIM115
        self._report = tempfile.TemporaryFile()  # noqa: SIM115
        parent = os.getpid()
        # Ctrl-C, SIGTERM and SIGHUP wait until the forked process is inside its own `try`
        # (else it would run this process's cleanup and messages as its own), and until this
        # process knows the forked one's id (else its cleanup could not stop it).
        stops = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, stops)
        pid = -1
        try:
            pid = os.fork()
            self._pid = pid
        finally:
            if pid != 0:  # this process (or no fork at all)
                signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        if pid == 0:  # the forked process: write, report, and leave without cleanup
            code = 1
            try:
                for signum in (signal.SIGTERM, signal.SIGHUP):
                    if callable(signal.getsignal(signum)):
                        # Stop at once (`timeout` signals the whole process group): its
                        # temporary files have no name, so there is nothing to clean up.
                        signal.signal(signum, signal.SIG_DFL)
                signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
                _die_with(parent)
                self._write()
                code = 0
            finally:
                os._exit(code)

    def _write(self) -> None:
        assert self._text is not None and self._report is not None
        interpreter = self._interpreter
        first_panels = interpreter.note_first_panels()
        stats = ReadStats(delimiter=self._file.delimiter, decimal_comma=self._decimal_comma)
        tally = Tally()
        max_line = interpreter.options.max_line_length
        once: list[tuple[int, int, tuple[str, ...]]] = []
        keys: list[tuple[str, ...] | None] = []  # per list made: its warning's key, if alone
        with second_part(self._file, stats, self._cut, max_line) as part:
            batches = _once_apart(interpreter.judge_rows(part, stats), keys)
            for text in self._make_texts(batches, self._info, tally, False):
                assert type(text) is not Encoded  # made from lists of events only
                data = text if type(text) is bytes else text.encode()  # type: ignore[union-attr]
                key = keys.pop(0)  # one text per list of events (see `batch_texts`)
                if key is not None:
                    start = self._text.tell()
                    once.append((start, start + len(data), key))
                self._text.write(data)  # type: ignore[arg-type]
            self._text.flush()
        report = _Part(
            tally, stats.rows, stats.measurements, stats.fallback_bytes, first_panels,
            interpreter.warned_once(), once, stats.splits_said, interpreter.comma_decimal_seen,
            interpreter.comma_refused_unseen, stats.ids_filled_down, stats.times_left_out,
            stats.range_cells,
        )  # fmt: skip
        pickle.dump(report, self._report)
        self._report.flush()

    def result(self) -> _Part | None:
        """Wait for the forked process; its report, or None if it did not finish."""
        assert self._report is not None
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        if os.waitstatus_to_exitcode(status) != 0:
            return None
        self._report.seek(0)
        part: _Part = pickle.load(self._report)
        return part

    def text_file(self) -> BinaryIO:
        """The file holding the second part's text, in UTF-8."""
        assert self._text is not None
        return self._text

    def close(self) -> None:
        """Stop the forked process if it still runs, and drop the temporary files."""
        if self._pid:  # stopped early (an unreadable line, Ctrl-C, a closed pipe)
            with contextlib.suppress(OSError):
                os.kill(self._pid, signal.SIGKILL)
                os.waitpid(self._pid, 0)
            self._pid = 0
        for temporary in (self._text, self._report):
            if temporary is not None:
                temporary.close()


def _once_apart(
    batches: Iterable[list[StreamEvent]], keys: list[tuple[str, ...] | None]
) -> Iterator[list[StreamEvent]]:
    """The lists of events with each once-per-file warning in a list of its own (so that its
    text is its own, to be left out if the first part gave it); its key noted in `keys`."""
    once = Interpreter.ONCE_PER_FILE
    for batch in batches:
        if Issue not in set(map(type, batch)):  # nearly every list: nothing to set apart
            keys.append(None)
            yield batch
            continue
        start = 0
        for index, event in enumerate(batch):
            if type(event) is Issue and event.code in once:
                if index > start:
                    keys.append(None)
                    yield batch[start:index]
                keys.append(once_key(event))
                yield [event]
                start = index + 1
        if start < len(batch) or not batch:
            keys.append(None)
            yield batch[start:] if start else batch


def _die_with(parent: int) -> None:
    """Have the system stop this (forked) process when `parent` dies (Linux; else nothing)."""
    with contextlib.suppress(Exception):  # no prctl here: the parent's cleanup must do
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # it died before that took effect
        os._exit(1)
