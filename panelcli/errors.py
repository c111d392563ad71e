"""Exit codes and the few exceptions that stop a run (problems in rows are data, not errors)."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from panelcli.models import Issue


class ExitStatus(IntEnum):
    """Process exit codes; documented in README and `--help`."""

    OK = 0  # nothing flagged
    FLAGGED = 1  # at least one result counted by --fail-on
    ERROR = 2  # usage error, unreadable file, invalid ranges, or any rejected row
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


class Terminated(BaseException):
    """SIGTERM arrived; raised by the signal handler so that cleanup runs as for Ctrl-C.

    A BaseException, like KeyboardInterrupt, so that no `except Exception` swallows it.
    """


class InputError(PanelcliError):
    """An input file cannot be read at all (missing, binary, no header …).

    `before`: what was found wrong with the file before that (its header's warnings), which is
    still reported; `line`: the line where reading stopped, when one line is to blame.
    """

    def __init__(self, message: str, before: Sequence[Issue] = (), line: int | None = None) -> None:
        super().__init__(message)
        self.before = list(before)
        self.line = line


class RangesError(PanelcliError):
    """A reference-range set is missing or invalid."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []
