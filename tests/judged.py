"""What the core makes of one file, for tests that look at results and issues apart."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from panelcli.batches import RowBatch, interpret_batch, read_batches
from panelcli.check import CheckOptions, Interpreter, ResultRow
from panelcli.models import Issue, Result
from panelcli.ranges import load_ranges


def events_of(path: str, short_path: bool = True, ranges: str | Path | None = None) -> list[object]:
    """Every result and issue of `path` as `check` judges it (`short_path=False`: every row
    the general way, as the tests that compare the two paths ask)."""
    interpreter = Interpreter(load_ranges(ranges), CheckOptions(), short_path=short_path)
    return list(interpreter.events([path]))


def results_of(
    path: str, short_path: bool = True, ranges: str | Path | None = None
) -> list[Result]:
    return [e for e in events_of(path, short_path, ranges) if isinstance(e, Result)]


def issues_of(path: str, short_path: bool = True, ranges: str | Path | None = None) -> list[Issue]:
    return [e for e in events_of(path, short_path, ranges) if isinstance(e, Issue)]


def batch_events_of(batches: Iterable[RowBatch]) -> list[object]:
    """Every event `interpret_batch` gives for `batches`, in file order (results as `Result`
    or `ResultRow`)."""
    return [
        event
        for batch in batches
        for events in interpret_batch(batch).events
        for event in (events if isinstance(events, list) else [events])
    ]


def batch_results_of(path: str, rows_per_batch: int) -> list[Result | ResultRow]:
    """The results of `path` read in batches of `rows_per_batch` rows (`read_batches`)."""
    batches = read_batches(path, rows_per_batch=rows_per_batch)
    return [e for e in batch_events_of(batches) if isinstance(e, Result | ResultRow)]
