"""One big file as two parts that can be read at the same time (two processes, two cores).

`find_cut` picks where the second part starts: at a line near the middle where the sample
changes, in a file without bare carriage returns, so that the line's number is a count of
newlines. `second_part` reads from there. Whoever runs the parts checks that the first part's
rows end exactly at the cut (no quoted value spans it) and that the second part did not need
anything the first part remembers (see `panelcli.render.two_processes`).
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
from collections.abc import Callable, Iterator
from typing import NamedTuple

from panelcli.reading import (
    DEFAULT_MAX_LINE,
    STDIN,
    FileRows,
    ReadStats,
    _cp1252_fallback,
    _lines,
    gives_a_site,
    group_column,
    numbered_rows,
    site_column_read,
    with_ids_filled_down,
    with_site_in_ids,
    with_time_of_day,
)

#: Smaller files are read by one process: starting a second one would not pay off.
MIN_BYTES = 2 * 1024 * 1024
#: Bytes read at a time when checking the file.
CHUNK = 1024 * 1024
#: Lines looked at after the middle for a change of sample before giving up.
SEARCH_LINES = 10_000


class Cut(NamedTuple):
    """Where the second part starts: a byte offset at the start of a line, and that line."""

    offset: int
    line: int


def find_cut(file: FileRows, stats: ReadStats, min_bytes: int | None = None) -> Cut | None:
    """A line near the middle of a long-layout file where a new sample starts, if it has one."""
    min_bytes = MIN_BYTES if min_bytes is None else min_bytes
    if (
        file.source == STDIN
        or file.layout.kind != "long"
        or file.layout.unnamed  # its one column-unnamed warning could come from either part
        or stats.encoding not in ("utf-8", "utf-8-sig")
        or stats.size is None
        or stats.size < min_bytes
    ):
        return None
    try:
        with open(file.source, "rb") as raw:
            return _cut(raw, file)
    except OSError:  # gone since it was opened: read it in one part
        return None


def _cut(raw: io.BufferedReader, file: FileRows) -> Cut | None:
    # Line numbers after the cut are a count of '\n's before it: a bare '\r' there (which ends
    # a line for the reader) would make them wrong, so the part before the cut must have none.
    # (A quoted value that spans the cut is found by whoever reads the first part: its rows
    # must reach the cut line exactly.) Read in blocks: a file mapped into memory would count
    # as memory; only the first half is read, once.
    middle = os.fstat(raw.fileno()).st_size // 2
    newlines = 0  # '\n's before the middle
    position = 0
    ends_in_cr = False  # the block before ended in '\r' (whose '\n' may start this block)
    while position < middle and (block := raw.read(min(CHUNK, middle - position))):
        position += len(block)
        newlines += block.count(b"\n")
        if ends_in_cr and not block.startswith(b"\n"):
            return None  # the '\r' that ended the block before is bare
        ends_in_cr = block.endswith(b"\r")
        # A bare '\r' (but a final one: see above); most files have no '\r' at all, and
        # counting '\r\n' costs twice counting '\n' (before the second process can start)
        if b"\r" in block and block.count(b"\r") - block.count(b"\r\n") > ends_in_cr:
            return None
    if ends_in_cr and raw.peek(1)[:1] != b"\n":
        return None
    raw.seek(middle)
    rest = raw.readline()  # the rest of the line the middle falls in
    if rest.count(b"\r") != rest.endswith(b"\r\n"):
        return None
    start = raw.tell()
    lines = newlines + 1  # '\n's before `start`
    roles = file.layout.roles
    columns = [roles.get(role) for role in ("sample_id", "patient_id", "collected_at")]
    delimiter = file.delimiter.encode()
    # A grouped report's part must start at a sample's row, so that the part's first rows
    # with no id are given the one that one process gives them (QA: a cut at the header
    # again, a page's line or a comment left them with none)
    starts_a_sample = _sample_row_test(file) if file.layout.grouped else None
    # the column a grouped report leaves blank below a group's first row (None: not grouped)
    grouped_by = columns.index(group_column(file.layout)) if file.layout.grouped else None
    # a part starts at a row that gives its site, as a row with none takes the one above it
    # (`IdsWithSite`)
    site = site_column_read(file.layout)
    previous = None
    for _ in range(SEARCH_LINES):
        line = raw.readline()
        if not line or line.count(b"\r") != line.endswith(b"\r\n"):  # the end, or a bare '\r'
            return None
        cells = line.rstrip(b"\r\n").split(delimiter)
        key = _panel(cells, columns, len(file.header), grouped_by, site)
        if key == _NO_SAMPLE_ID or (
            key is not None and starts_a_sample is not None and not starts_a_sample(cells)
        ):  # most likely the sample's above (`SampleIdFilledDown`), or no sample's
            start += len(line)
            lines += 1
            continue
        if key is not None and previous is not None and key != previous:
            return Cut(start, lines + 1)
        previous = key
        start += len(line)
        lines += 1
    return None


def _panel(
    cells: list[bytes],
    columns: list[int | None],
    width: int,
    grouped_by: int | None,
    site: int | None = None,
) -> tuple[bytes, ...] | None:
    """The panel a line belongs to, as `sample_key` groups it; None: not a plain row. In a
    grouped report, a row with no id in `columns[grouped_by]` may be the group's above:
    `_NO_SAMPLE_ID`."""
    if len(cells) != width:
        return None
    # '""' is a blank cell too (pandas' and R's quoting of every text: QA, a cut there)
    sample, patient, when = texts = [_text(cells[i]) if i is not None else b"" for i in columns]
    if (grouped_by is not None and not texts[grouped_by]) or (
        site is not None and not _gives_a_site(cells, columns, site)
    ):
        return _NO_SAMPLE_ID
    return (b"s", sample) if sample else (b"p", patient, when)


def _sample_row_test(file: FileRows) -> Callable[[list[bytes]], bool]:
    """Whether a plain row of a grouped report is a sample's: its marker and value given, and
    not the header again."""
    roles = file.layout.roles
    marker, value = roles.get("marker", 0), roles.get("value", 0)
    sample = group_column(file.layout)
    header_id = file.header[sample].strip().casefold()

    def starts_a_sample(cells: list[bytes]) -> bool:
        return bool(
            _text(cells[marker])
            and _text(cells[value])
            and _text(cells[sample]).decode("utf-8", "replace").casefold() != header_id
        )

    return starts_a_sample


def _gives_a_site(cells: list[bytes], columns: list[int | None], site: int) -> bool:
    """Whether a line gives a site and an id as `IdsWithSite` reads them (second review: a
    no-break space was a site here, blank there)."""

    def text(cell: bytes) -> str:
        return _text(cell).decode("utf-8", "replace")

    ids = [text(cells[i]) for i in columns[:2] if i is not None]
    return gives_a_site(text(cells[site]), ids)


def _text(cell: bytes) -> bytes:
    """A cell's text as the csv module reads it, near enough to tell a blank one: '""' is."""
    return cell.strip().strip(b'"').strip()


#: `_panel` of a row that leaves its sample id blank in a file that gives them: no cut there,
#: as the row may be given the id of the sample above it, which the second part cannot know
_NO_SAMPLE_ID = (b"",)


@contextlib.contextmanager
def second_part(
    file: FileRows, stats: ReadStats, cut: Cut, max_line: int = DEFAULT_MAX_LINE
) -> Iterator[FileRows]:
    """The rows from the cut to the end, numbered as in the whole file; fills `stats`.

    Problems that stop the file (a broken CSV, a line too long) are raised as they come:
    the first part's reader then reads this part itself and reports them as usual.
    """
    with open(file.source, "rb") as raw:
        raw.seek(cut.offset)
        text = io.TextIOWrapper(raw, encoding="utf-8", errors=_cp1252_fallback(stats), newline="")
        reader = csv.reader(
            _lines(text, file.source, max_line), delimiter=file.delimiter, strict=True
        )
        sited = with_site_in_ids(reader, file.layout, file.header)
        timed = with_time_of_day(sited, file.layout, stats, cut.line - 1)
        filled = with_ids_filled_down(timed, file.layout, file.header, stats, cut.line - 1)
        rows = numbered_rows(filled, file.source, cut.line - 1, cut.line - 1)
        yield file._replace(leading=[], rows=rows)
