"""What the core makes of one file, for tests that look at results and issues apart."""

from __future__ import annotations

from pathlib import Path

from panelcli.check import CheckOptions, Interpreter
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
