"""Exit codes and the few exceptions that stop a run (problems in rows are data, not errors)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from panelcli.models import Issue


class ExitStatus(IntEnum):
    """Process exit codes; documented in README, docs/exit-codes.md and `--help`."""

    OK = 0  # nothing flagged
    FLAGGED = 1  # at least one result counted by --fail-on
    ERROR = 2  # usage error, unreadable file, invalid ranges, or any rejected row
    HUNG_UP = 129  # the terminal closed or the session ended (128 + SIGHUP)
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as a shell reports it)
    BROKEN_PIPE = 141  # the reader went away before the end (128 + SIGPIPE)
    TERMINATED = 143  # SIGTERM, e.g. from `timeout` or `kill` (128 + SIGTERM)


class PanelcliError(Exception):
    """A fatal problem, shown to the user as one line on stderr (exit 2)."""


class OutputError(PanelcliError):
    """The output cannot be written (a full disk, a closed stdout): not a problem of the input.

    `reason`: the system's words (e.g. 'No space left on device'), when the system gave them.
    """

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason


class ClosedStdout(io.TextIOBase):
    """Stands for a closed stdout (`>&-`, where Python's sys.stdout is None).

    A run that writes nothing (`--quiet`) still works; writing gives one clear line.
    """

    def write(self, text: str) -> int:
        raise OutputError("standard output is closed")

    @property
    def buffer(self) -> NoReturn:
        """Bytes written as they are (`demo --csv`) meet a closed stdout too (QA: an internal
        error, 'no attribute buffer')."""
        raise OutputError("standard output is closed")


class Terminated(BaseException):
    """SIGTERM arrived; raised by the signal handler so that cleanup runs as for Ctrl-C.

    A BaseException, like KeyboardInterrupt, so that no `except Exception` swallows it.
    """


class HungUp(Terminated):
    """SIGHUP arrived (the terminal was closed, an ssh session ended); cleans up as SIGTERM."""


# The exception a signal handler raised, kept because pydantic's serializer wraps whatever a
# Python callback raises (Ctrl-C or SIGTERM mid-`model_dump_json` came out as an "internal
# error", exit 2): whoever catches a wrapped error can still tell that a signal stopped the run.
_raised_for_signal: list[type[BaseException]] = []


def signal_stop(exception: type[BaseException]) -> tuple[str, ExitStatus]:
    """The words and exit code for a run stopped by Ctrl-C, SIGTERM or SIGHUP."""
    if issubclass(exception, HungUp):
        return "hung up", ExitStatus.HUNG_UP
    if issubclass(exception, Terminated):
        return "terminated", ExitStatus.TERMINATED
    return "interrupted", ExitStatus.INTERRUPTED


def raise_for_signal(exception: type[BaseException]) -> NoReturn:
    """Raise `exception` from a signal handler, remembering that a signal stopped the run."""
    _raised_for_signal.append(exception)
    raise exception


def raised_for_signal() -> type[BaseException] | None:
    """The exception a signal handler raised during this run, if any."""
    return _raised_for_signal[0] if _raised_for_signal else None


#: Out of memory in a run that streams (ndjson or csv): what to say, in cli and __main__ alike
OUT_OF_MEMORY_STREAMING = (
    "out of memory: this run streams its results in flat memory, but panelcli itself needs "
    "about 50 MB to start and read a file; give it more memory"
)

#: Out of memory before a run knows its output (developer QA round 13: an ndjson run that
#: failed at start-up was told to use --format ndjson)
OUT_OF_MEMORY_AT_START = (
    "out of memory: give panelcli more memory (it needs about 50 MB to start and read a file)"
)

_STREAM_INSTEAD = "for big files use --format ndjson or csv, which stream in flat memory"


def out_of_memory_advice(output_format: str, export: bool) -> str:
    """What to say when a `check` run of this output runs out of memory: what holds the
    report, if anything (developer QA round 13: a table run was told json and fhir did)."""
    if export:
        if output_format in ("ndjson", "csv"):
            return (
                "out of memory: --export holds the whole report; leave it out for big files: "
                f"--format {output_format} alone streams in flat memory"
            )
        return f"out of memory: --export holds the whole report; {_STREAM_INSTEAD}"
    if output_format in ("ndjson", "csv"):
        return OUT_OF_MEMORY_STREAMING
    if output_format in ("json", "fhir"):
        return f"out of memory: --format {output_format} holds the whole report; {_STREAM_INSTEAD}"
    return (
        "out of memory: the table holds the whole report (past 1,000 results, a line per "
        f"sample); {_STREAM_INSTEAD}"
    )


class InputError(PanelcliError):
    """An input file cannot be read at all (missing, binary, no header …).

    `before`: what was found wrong with the file before that (its header's warnings), which is
    still reported; `line`: the line where reading stopped, when one line is to blame.
    """

    def __init__(self, message: str, before: Sequence[Issue] = (), line: int | None = None) -> None:
        super().__init__(message)
        self.before = list(before)
        self.line = line


class NothingToExplain(PanelcliError):
    """`panelcli explain` has no explanation for the words asked (the message says why)."""


class RangesError(PanelcliError):
    """A reference-range set is missing or invalid."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []
