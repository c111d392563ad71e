"""Plumbing shared by the streamed formats (NDJSON, CSV): counting events as they pass."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

from panelcli.check import Event
from panelcli.models import Issue, ReportTotals, Result, Status

UNREADABLE = "file-unreadable"


class Tally:
    """Counts of what streamed past, for the closing totals and the exit code (flat memory)."""

    def __init__(self) -> None:
        self.by_status: dict[str, int] = {status.value: 0 for status in Status}
        self.results = 0
        self.rejected = 0
        self.warnings = 0
        self.unreadable: list[Issue] = []  # one per file at most: bounded
        self.read_something = False  # any event that is not an unreadable file

    def watch(self, events: Iterable[Event]) -> Iterator[Event]:
        """Pass events through unchanged, counting each one before it is handed on."""
        for event in events:
            if isinstance(event, Result):
                self.results += 1
                self.by_status[event.status.value] += 1
                self.read_something = True
            elif event.severity == "error":
                self.rejected += 1
                if event.code == UNREADABLE and not self.read_something:
                    self.unreadable.append(event)
                else:
                    self.read_something = True
            else:
                self.warnings += 1
                self.read_something = True
            yield event

    @property
    def nothing_read(self) -> bool:
        """True when every file was unreadable: then, like the other formats, print nothing."""
        return bool(self.unreadable) and not self.read_something

    def totals(self) -> ReportTotals:
        return ReportTotals(
            results=self.results,
            rejected=self.rejected,
            warnings=self.warnings,
            by_status=dict(self.by_status),
        )


def write_lines(lines: Iterable[str], out: TextIO, tally: Tally) -> None:
    """Write each line as soon as it is made, holding back only while no file could be read yet.

    A run where every file is unreadable writes nothing (the caller reports the files on
    stderr); the held lines are a header and one rejection per file, so memory stays flat.
    """
    held: list[str] = []
    for line in lines:
        if not tally.read_something:
            held.append(line)
            continue
        if held:
            out.writelines(held)
            held.clear()
        out.write(line)
    if not tally.nothing_read:
        out.writelines(held)
    out.flush()
