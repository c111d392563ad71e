"""Plumbing shared by the streamed formats (NDJSON, CSV): counting events as they pass."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import TextIO

from panelcli.check import StreamEvent
from panelcli.models import Issue, ReportTotals, Status

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

    def watch(self, events: Iterable[StreamEvent]) -> Iterator[StreamEvent]:
        """Pass events through unchanged, counting each one before it is handed on."""
        by_status = self.by_status
        for event in events:
            if type(event) is not Issue:
                self.results += 1
                by_status[event.status] += 1  # type: ignore[union-attr, index]
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

    def add(self, other: Tally) -> None:
        """Count another tally's events too (batches interpreted apart, then joined)."""
        self.results += other.results
        self.rejected += other.rejected
        self.warnings += other.warnings
        for status, count in other.by_status.items():
            self.by_status[status] += count
        self.unreadable.extend(other.unreadable)
        self.read_something = self.read_something or other.read_something

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


#: Lines written per call: one system call per line would cost more than making the line.
BATCH_LINES = 256
#: ... but a slow source (a pipe fed row by row) still shows its lines within this many seconds.
BATCH_SECONDS = 0.2


def write_lines(lines: Iterable[str], out: TextIO, tally: Tally) -> None:
    """Write lines in small batches as they are made, holding back while no file was read yet.

    A run where every file is unreadable writes nothing (the caller reports the files on
    stderr); the held lines are a header and one rejection per file, so memory stays flat.
    """
    batch: list[str] = []
    last_write = time.monotonic()
    for line in lines:
        batch.append(line)
        if not tally.read_something:
            continue
        if len(batch) >= BATCH_LINES or time.monotonic() - last_write >= BATCH_SECONDS:
            out.write("".join(batch))
            out.flush()
            batch.clear()
            last_write = time.monotonic()
    if batch and not tally.nothing_read:
        out.write("".join(batch))
    out.flush()
