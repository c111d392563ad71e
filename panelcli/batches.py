"""A file as independent batches of rows, for running the core on many machines (e.g. Dask).

`read_batches` does the cheap part where the file is (decode, find the header, split the CSV
into rows with their line numbers); `interpret_batch` is a pure function of one batch, so
batches can go to any worker. Batches end only where the sample changes, so a sample's rows
stay together and a marker measured twice is still noticed. See docs/speed.md, "Beyond one machine".
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import gc
import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from panelcli.check import (
    CheckOptions,
    Interpreter,
    PanelKey,
    StreamEvent,
    sample_key,
    stopped_reading,
)
from panelcli.errors import InputError, PanelcliError
from panelcli.explain import names_a_marker
from panelcli.models import Issue
from panelcli.ranges import ReferenceSet, find_set, load_ranges
from panelcli.reading import (
    DEFAULT_MAX_LINE,
    BlankCells,
    FileRows,
    IdsFilledDown,
    Layout,
    NumberedRow,
    RangeCells,
    ReadStats,
    TimesLeftOut,
    another_data_type,
    block_given,
    cell_text,
    hash_row_read,
    header_again,
    is_blank,
    is_comment,
    is_data_type_line,
    is_header_again,
    is_range_row,
    is_units_row,
    names_no_result,
    not_a_patient_sample,
    numbers_beside,
    open_rows,
    page_line,
    refused_for_its_shape,
    row_fields,
    row_ids,
    shows_comma_grouping,
    shows_decimal_comma,
    shows_decimal_point,
    spill_columns,
    sub_header_again,
    units_row_again,
    units_row_below,
    units_row_warnings,
    with_range_row,
    with_units_row,
)
from panelcli.values import given_date


@dataclasses.dataclass(frozen=True, slots=True)
class RowBatch:
    """Consecutive rows of one file, with what is needed to read them alone (picklable).

    Not a tuple: Dask walks into tuples and lists it is given, looking for tasks, which took
    longer than interpreting the rows.
    """

    source: str
    header: list[str]
    layout: Layout
    delimiter: str
    decimal_comma: bool
    rows: list[NumberedRow]
    first: bool  # the file's first batch
    leading: list[Issue]  # the header's warnings (first batch only)
    last: bool  # the file's last batch
    fallback_bytes: int  # last batch: bytes of the whole file read as Windows-1252
    #: last batch: where a problem stopped the file's reading (a line too long, bytes that are
    #: not text), the events `panelcli check` gives for it, after the rows before it
    stopped: tuple[StreamEvent, ...] = ()
    #: A row before this batch wrote a decimal comma ('12,5'): its '1.234' is then refused,
    #: as `panelcli check` refuses it after such a row.
    comma_decimal_seen: bool = False
    fallback_text: str = ""  # last batch: see `ReadStats.fallback_text`
    synthetic: bool = False  # first batch: see `ReadStats.synthetic`
    #: Value columns a row before this batch showed a number of its own beside (see
    #: `ReadStats.numbers_beside`): no longer asked for a split, as in `panelcli check`.
    numbers_beside: frozenset[int] = frozenset()
    #: A row before this batch wrote '.' as the decimal point for certain ('2.5', '1,234.5';
    #: see `Interpreter.decimal_point_seen`): its '12,345' after a decimal comma is doubted.
    decimal_point_seen: str | None = None
    #: The last line of the rows of the batches before this one (0: none), so that a part
    #: left out between two is found (`ndjson_join`; QA: its rows vanished without a word)
    follows: int = 0
    ids_filled_down: IdsFilledDown | None = None  # last batch: see `ReadStats`
    #: A row before this batch grouped thousands with ',' before its point ('1,340.5'; see
    #: `Interpreter.comma_grouping_seen`): its '"1,120"' is read as 1120.
    comma_grouping_seen: str | None = None
    times_left_out: TimesLeftOut | None = None  # last batch: see `ReadStats`

    @property
    def span(self) -> tuple[int, int] | None:
        """The first and last line of the batch's rows."""
        return (self.rows[0][0], self.rows[-1][1]) if self.rows else None

    def __dask_tokenize__(self) -> tuple[object, ...]:
        """Dask's name for the batch, instead of hashing every row (seconds per batch): the
        batch's place in its file, and the object, as batches of a file read again differ."""
        return ("panelcli.RowBatch", self.source, *(self.span or ()), len(self.rows), id(self))


class BatchEvents(NamedTuple):
    """What one batch gave: its events, and what only the whole file can report."""

    events: list[StreamEvent]
    blank_cells: BlankCells  # for the file's `cells-blank` warning (see `file_end_warnings`)
    #: Rows read and rows skipped (comments, controls): a file none of whose batches read a
    #: row gets the `file-unreadable` issue `no_result_rows` gives, after its closing warnings.
    rows: int = 0
    skipped: int = 0
    #: The judged rows' range cells, for the file's `range-missing` warnings
    range_cells: RangeCells = RangeCells({}, {})


def read_batches(
    source: str | os.PathLike[str],
    ranges: ReferenceSet | str | os.PathLike[str] | None = None,
    rows_per_batch: int = 50_000,
    max_line: int = DEFAULT_MAX_LINE,
) -> Iterator[RowBatch]:
    """Split a file into batches of about `rows_per_batch` rows, cut only between panels.

    A wide layout's units row is read here and its units given to every batch. A file that
    cannot be read at all is one batch of what `panelcli check` says of it.
    """
    if isinstance(rows_per_batch, bool) or not isinstance(rows_per_batch, int):
        raise TypeError(f"rows_per_batch must be an int, not {rows_per_batch!r}")
    if rows_per_batch < 1:  # 0 cut at every sample, silently (QA)
        raise ValueError(f"rows_per_batch must be 1 or more, not {rows_per_batch}")
    if max_line < 1:
        raise ValueError(f"max_line must be positive, not {max_line!r}")
    source = os.fspath(source)  # results name their file by this text
    reference_set = reference_set_once(ranges)
    stats = ReadStats()
    # as `Interpreter.known_marker`: the set's name, and a marker the set lacks is read too
    # (no_reference; differential test: a file of GM-CSF alone was 'no header' in batches)
    known = reference_set.resolve
    with contextlib.ExitStack() as stack:
        try:
            opening = stack.enter_context(
                open_rows(source, lambda name: known(name) or names_a_marker(name), stats, max_line)
            )
        except InputError as exc:  # the file's one batch: what `panelcli check` says of it
            yield _unreadable(source, exc)
            return
        header, layout, leading = opening.header, opening.layout, opening.leading
        units_row_possible = layout.kind == "wide"
        units_again = False  # the row before was the header again

        def batch(
            rows: list[NumberedRow], first: bool, last: bool, stopped: tuple[StreamEvent, ...] = ()
        ) -> RowBatch:
            # the fields in force at the batch's first row (`block_given`)
            laid = (
                layout if layout.given == given_at_start else layout._replace(given=given_at_start)
            )
            return RowBatch(
                source, header, laid, stats.delimiter, stats.decimal_comma, rows, first,
                leading if first else [], last, stats.fallback_bytes if last else 0, stopped,
                comma_before, stats.fallback_text if last else "", first and stats.synthetic,
                learnt_before, point_before, follows,
                stats.ids_filled_down if last else None, grouping_before,
                stats.times_left_out if last else None,
            )  # fmt: skip

        rows: list[NumberedRow] = []
        first = True
        given_at_start = layout.given  # the fields from above the header at the batch's start
        previous: PanelKey | None = None
        comma_before = comma_seen = stats.comma_ahead  # before this batch; before this row
        # a '2.5' before them: `decimal_point_seen` (a ';' file's first lines' too)
        point_before = point_seen = stats.point_ahead
        grouping_before = grouping_seen = None  # a '1,340.5': `comma_grouping_seen`
        comma_file = not stats.decimal_comma  # only there is it asked (as `_note_comma`)
        follows = 0  # the last line of the batches given so far
        spills = spill_columns(header, layout, stats.delimiter)  # as the batch's reader has it
        learnt_before: frozenset[int] = frozenset()  # `numbers_beside` before this batch
        learnt: set[int] = set()  # ... and before this row
        below: Layout | None = None  # the layout with a range row's ranges, from the next batch
        numbered: NumberedRow = (0, 0, [])  # the row read last (line 0: none yet)
        try:
            for numbered in opening.rows:
                cells = numbered[2]
                if not _is_data(cells):  # blank or comment: belongs to no panel, never a cut
                    rows.append(numbered)
                    continue
                if (
                    units_row_possible
                    and isinstance(cells, list)
                    and not is_range_row(cells, layout)
                    and not_a_patient_sample(cells, layout) is None  # as check skips it first
                ):
                    units_row_possible = False  # as in the CLI: only the first data row
                    if is_units_row(cells, layout):
                        before, layout = layout, with_units_row(layout, cells, header)
                        # said in the first batch, as check says them at the units row
                        leading = [
                            *leading,
                            *units_row_warnings(before, layout, source, numbered[0]),
                        ]
                        if below is not None:  # review: a range row above it lost the units
                            below = with_units_row(below, cells)
                        spills = spill_columns(header, layout, stats.delimiter)
                        continue
                if (
                    units_again
                    and isinstance(cells, list)
                    and sub_header_again(layout, cells, source, numbered[0]) is not None
                ):  # as a units row again: kept with its header, raises for other figures
                    units_again = False
                    rows.append(numbered)
                    continue
                if units_again and isinstance(cells, list) and is_units_row(cells, layout):
                    units_row_again(layout, cells, source, numbered[0])  # raises for others
                    # The same units again: kept with its header (never a cut between them),
                    # whose batch skips it with the CLI's warning.
                    units_again = False
                    if spills:  # the batch's reader learns from every row it is given
                        learnt.update(numbers_beside(cells, spills))
                    rows.append(numbered)
                    continue
                if units_again and isinstance(cells, list) and is_range_row(cells, layout):
                    # between a repeated header and its units row: kept with both, no cut
                    # (differential test: the units row was said to be among the results)
                    below = with_range_row(below or layout, cells)[0]
                    rows.append(numbered)
                    continue
                units_again = False
                if isinstance(cells, list) and is_data_type_line(cells):
                    raise another_data_type(source, numbered[0], cells)  # as check stops there
                if (
                    layout.kind == "wide"
                    and isinstance(cells, list)
                    and not is_range_row(cells, layout)
                    and is_units_row(cells, layout)
                ):
                    # Among the results: the same units are skipped in its batch with the
                    # CLI's warning; other units stop the file here.
                    units_row_below(layout, cells, source, numbered[0])
                if (
                    isinstance(cells, list)
                    and is_header_again(cells, header, layout)
                    and not_a_patient_sample(cells, layout) is None  # check skips it first
                    and page_line(cells, layout) is None  # ... and a labelled note
                ):
                    header_again(source, numbered[0], cells, header)  # raises for another header
                    units_again = layout.kind == "wide"  # its units row may follow it
                    if (below or layout).range_row:  # another export's rows: not its ranges
                        below = (below or layout)._replace(range_row={})
                here = _panel(cells, layout)
                # A row that is no sample's (a control's, a plate summary's, the header again, a
                # row refused for its shape) is never a cut, so that the rows of the sample
                # around it stay in one batch (differential test: 'Std1' or 'note' between two
                # of S1's rows lost their marker-repeated)
                control = not isinstance(cells, list) or (  # a broken row is no sample's
                    here is not None and here != previous and _no_sample_s(cells, layout, header)
                )
                if (
                    not control
                    and len(rows) >= rows_per_batch
                    and (here is None or here != previous)
                ):
                    yield batch(rows, first, False)
                    follows = rows[-1][1]
                    if below is not None:
                        layout, below = below, None
                    rows, first, comma_before = [], False, comma_seen
                    point_before, grouping_before = point_seen, grouping_seen
                    given_at_start = layout.given
                    learnt_before = frozenset(learnt)
                if point_seen is None and isinstance(cells, list):  # as `_note_comma` notes it
                    point_seen = shows_decimal_point(cells, below or layout, header)
                if grouping_seen is None and comma_file and isinstance(cells, list):
                    grouping_seen = shows_comma_grouping(cells, below or layout, header)
                if not comma_seen and isinstance(cells, list):  # ',' files too ('"3,2"')
                    comma_seen = shows_decimal_comma(cells, below or layout, header)
                if spills and isinstance(cells, list):
                    learnt.update(numbers_beside(cells, spills))
                if (
                    layout.given
                    and isinstance(cells, list)
                    and (
                        block := block_given(
                            cells, layout, stats.delimiter, numbered[0], layout.given
                        )
                    )
                ):  # a patient's block, or its fields: the batches after it start with them
                    layout = layout._replace(given=block.given)
                if (
                    layout.kind == "wide"
                    and isinstance(cells, list)
                    and is_range_row(cells, layout)
                ):
                    # its batch's reader reads it; the batches after it start with its ranges
                    below = with_range_row(below or layout, cells)[0]
                rows.append(numbered)
                if not control:
                    previous = here
        except InputError as exc:
            # the row the file stops at, if it starts with '#': check warns of that first
            line, _, stopped_at = numbered
            hashed = (
                hash_row_read(source, line, stopped_at)
                if exc.line == line and isinstance(stopped_at, list)
                else None
            )
            # As `panelcli check`: the rows before the problem, then the problem.
            said = (
                (hashed.model_copy(update=row_fields(stopped_at, layout)),)
                if hashed is not None and isinstance(stopped_at, list)
                else ()
            )
            yield batch(rows, first, True, (*said, *stopped_reading(source, exc)))
            return
        # A file with no rows, or whose rows are all comments or controls, is one batch: its
        # interpretation gives their warnings, and `ndjson_join` the file-unreadable issue.
        yield batch(rows, first, True)


def _unreadable(source: str, problem: InputError) -> RowBatch:
    """The one batch of a file that could not be read at all: no rows, only what `panelcli
    check` gives for it (QA: raised, where check wrote its lines)."""
    return RowBatch(
        source, [], Layout("long", {}, {}, []), ",", False, [], True, [], True, 0,
        tuple(stopped_reading(source, problem)),
    )  # fmt: skip


def interpret_batch(
    batch: RowBatch,
    ranges: ReferenceSet | str | os.PathLike[str] | None = None,
    options: CheckOptions | None = None,
) -> BatchEvents:
    """Every event of one batch, in file order: a pure function, safe to run on any worker.

    The file's closing warnings come from `file_end_warnings(source, blank cells of every
    batch, the last batch's fallback_bytes, the first batch's first_blank_line that is not
    None, the range cells of every batch)`, after the last batch's events.
    """
    with collector_paused():
        return _interpret(batch, reference_set_once(ranges), options)


def _interpret(
    batch: RowBatch, reference_set: ReferenceSet, options: CheckOptions | None
) -> BatchEvents:
    if not batch.header:  # a file that could not be read at all (`_unreadable`)
        return BatchEvents(list(batch.stopped), BlankCells())
    stats = ReadStats(delimiter=batch.delimiter, decimal_comma=batch.decimal_comma)
    stats.numbers_beside = set(batch.numbers_beside)
    # Copies: the reader pads rows in place, and a batch may be interpreted again (a retry).
    rows = [(line, last, list(c) if isinstance(c, list) else c) for line, last, c in batch.rows]
    # No limit on a kind of warning here: `ndjson_join` counts them over the whole file.
    interpreter = Interpreter(reference_set, options or CheckOptions(), kind_limit=None)
    interpreter.comma_decimal_seen = batch.comma_decimal_seen
    interpreter.decimal_point_seen = batch.decimal_point_seen
    interpreter.comma_grouping_seen = batch.comma_grouping_seen
    events: list[StreamEvent] = [*batch.leading]
    file = FileRows(batch.source, batch.header, batch.layout, batch.delimiter, [], iter(rows))
    for judged in interpreter.judge_rows(file, stats, first=False):
        events.extend(judged)
    events.extend(batch.stopped)
    return BatchEvents(events, stats.blank_cells, stats.rows, stats.skipped, stats.range_cells)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for a while (on again after, if it was on).

    A batch holds many long-lived objects (rows, results) and makes no cycles: the collector
    would walk them again and again, half the time a batch takes.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _is_data(cells: list[str] | csv.Error) -> bool:
    """Whether a row counts as a row of the file (blank lines and comments do not)."""
    if not isinstance(cells, list):
        return True
    return not (is_blank(cells) or is_comment(cells))


def _no_sample_s(cells: list[str], layout: Layout, header: list[str]) -> bool:
    """Whether a row is no sample's, as check reads it: a control's or a summary's, the header
    again, a page's furniture, or one refused for its shape (cells past the header's; a long
    row with no marker, a wide one with no value)."""
    if (
        not_a_patient_sample(cells, layout) is not None
        or is_header_again(cells, header, layout)
        or page_line(cells, layout) is not None  # review: a page's 'Patient:;…' block
        or refused_for_its_shape(cells, layout, header)
        # a plate's footer in the marker column ('IL-6 Mean', 'S.D.'): QA, a sample's rows
        # after one were cut from its rows before, losing their patient and date
        or (
            layout.kind == "long"
            and row_ids(cells, layout) == (None, None)
            and names_no_result(cell_text(cells, layout.roles.get("marker")))
        )
    ):
        return True
    # a wide row with no value (review: 'note' between S2's rows)
    return layout.kind == "wide" and not any(
        i < len(cells) and cells[i].strip() for i in layout.markers
    )


def _panel(cells: list[str] | csv.Error, layout: Layout) -> PanelKey | None:
    """Which panel a data row belongs to, as panel_key() will group it (None: its own)."""
    if not isinstance(cells, list):
        return None

    sample_id, patient_id = row_ids(cells, layout)  # as the rows are read ('N/A' is none)
    if layout.kind == "wide" and sample_id is None:
        return None  # without a sample id, each wide row is a sample of its own
    when = layout.roles.get("collected_at")
    collected_at = given_date(cells[when]) if when is not None and when < len(cells) else None
    return sample_key("", sample_id, patient_id, collected_at)


def reference_set_once(ranges: ReferenceSet | str | os.PathLike[str] | None) -> ReferenceSet:
    """A set as given, or loaded by name or path once per process."""
    if isinstance(ranges, ReferenceSet):
        return ranges
    return _load(None if ranges is None else os.fspath(ranges))  # text: a cache key


def _load(ranges: str | None) -> ReferenceSet:
    """Loaded once per worker process, however many batches it is given, and again once its
    file changed (QA: a set edited in a notebook's session was refused as 'another set')."""
    with contextlib.suppress(PanelcliError):  # a name, or no file: load_ranges says why
        path = find_set(ranges)
        with contextlib.suppress(OSError):
            changed = path.stat()
            return _load_as_of(ranges, path, changed.st_mtime_ns, changed.st_size)
    return load_ranges(ranges)


@lru_cache(maxsize=8)
def _load_as_of(ranges: str | None, path: Path, mtime_ns: int, size: int) -> ReferenceSet:
    """`load_ranges(ranges)`, kept while its file is unchanged."""
    return load_ranges(ranges)
