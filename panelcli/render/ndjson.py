"""`--format ndjson`: one JSON object per line, written as rows are read (for `| head`, `| jq`).

A result is a bare `Result` object; a rejected row is `{"rejected": Issue}`, a warning
`{"warning": Issue}`; the last line is `StreamEnd` with the notice, reference set and totals.
`panelcli schema ndjson` prints the JSON Schema of a line.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from pydantic_core import to_json

from panelcli.batches import RowBatch, collector_paused, interpret_batch, reference_set_once
from panelcli.check import (
    KIND_LIMIT,
    UNREADABLE,
    CheckOptions,
    Interpreter,
    ResultRow,
    StreamEvent,
    Tally,
    more_of_kind,
    once_key,
    remember,
    stopped_reading,
)
from panelcli.errors import InputError
from panelcli.models import (
    Issue,
    ReferenceSetInfo,
    ReferenceUsed,
    RejectedLine,
    Result,
    Status,
    StreamEnd,
    WarningLine,
)
from panelcli.ranges import ReferenceSet
from panelcli.reading import (
    BlankCells,
    IdsFilledDown,
    RangeCells,
    TimesLeftOut,
    file_end_warnings,
    no_result_rows,
)
from panelcli.render.stream import Batch, Text, batch_texts
from panelcli.values import json_inert

_INFINITY = float("inf")
_NOTHING = object()  # is no field of any row
_Before = tuple[object, object, object, object, object, tuple[bytes, bytes, bytes]]


def event_line(event: StreamEvent, rows: RowEncoder | None = None) -> str:
    """One event as one line of JSON (with its newline); DEL and bidi controls as \\u escapes."""
    if isinstance(event, ResultRow):
        return (rows or RowEncoder()).line(event)
    if isinstance(event, Result):
        return json_inert(event.model_dump_json()) + "\n"
    if event.severity == "error":
        return json_inert(RejectedLine(rejected=event).model_dump_json()) + "\n"
    return json_inert(WarningLine(warning=event).model_dump_json()) + "\n"


def ndjson_lines(
    events: Iterable[StreamEvent], reference_set: ReferenceSetInfo, tally: Tally
) -> Iterator[str]:
    """Every event as a line, as it arrives, then the closing line with the notice and totals."""
    for text in ndjson_texts(([event] for event in events), reference_set, tally):
        assert type(text) is bytes  # lists of events only
        yield text.decode("utf-8")


def ndjson_texts(
    batches: Iterable[Batch],
    reference_set: ReferenceSetInfo,
    tally: Tally,
    framed: bool = True,
) -> Iterator[Text]:
    """`ndjson_lines` for events in lists: the lines of each list as one text, in UTF-8 bytes.

    Bytes, because NDJSON is most of a big run's output: joining and writing them costs a
    fraction of building text and encoding it (the lines hold non-ASCII, such as '≤').
    `framed=False`: only the events' lines, without the closing line (a part of a file).
    """
    rows = RowEncoder()
    add_row = rows.add

    def encode(batch: Sequence[StreamEvent]) -> bytes:
        parts: list[bytes] = []
        for event in batch:
            # ResultRow first, and by exact type: it is nearly every line of a big file.
            if type(event) is ResultRow:
                add_row(event, parts)  # type: ignore[arg-type]
            else:
                parts.append(event_line(event, rows).encode())
        return b"".join(parts)

    yield from batch_texts(batches, tally, encode)
    if framed:
        end = StreamEnd(
            reference_set=reference_set,
            totals=tally.totals(),
            synthetic_sources=list(tally.synthetic_sources),
        )
        # json_inert: file names are in it now ('synthetic_sources'), as in the lines above
        yield json_inert(end.model_dump_json()).encode() + b"\n"


class NdjsonPart(NamedTuple):
    """The NDJSON lines of one batch and what they counted (see `panelcli.batches`)."""

    source: str
    lines: list[str]
    tally: Tally
    blank_cells: BlankCells
    fallback_bytes: int
    once: list[tuple[int, tuple[str, ...]]]  # (index in lines, once_key) of such warnings
    stopped: bool = False  # a problem stopped the file's reading here: no closing warnings
    fallback_text: str = ""  # see `RowBatch`
    rows: int = 0  # see `BatchEvents`
    skipped: int = 0
    #: The sha256 of the reference set that judged the batch: `ndjson_join` checks it.
    reference_sha256: str = ""
    synthetic: bool = False  # see `RowBatch`
    #: The file's first part (see `RowBatch.first`), and the lines its rows span: `ndjson_join`
    #: refuses parts out of order, given twice or apart from their file's others
    first: bool = True
    span: tuple[int, int] | None = None
    last: bool = True  # the file's last part (see `RowBatch.last`)
    follows: int = 0  # see `RowBatch.follows`
    ids_filled_down: IdsFilledDown | None = None  # see `RowBatch`
    times_left_out: TimesLeftOut | None = None  # see `RowBatch`
    range_cells: RangeCells = RangeCells({}, {})  # see `BatchEvents`


def ndjson_batch(
    batch: RowBatch,
    ranges: ReferenceSet | str | os.PathLike[str] | None = None,
    options: CheckOptions | None = None,
) -> NdjsonPart:
    """One batch of a file as NDJSON lines: the map step when a cluster interprets a file."""
    reference_set = reference_set_once(ranges)
    with collector_paused():  # see there: the lines made here are as many as the rows
        return _ndjson_part(batch, reference_set, options)


def _ndjson_part(
    batch: RowBatch, reference_set: ReferenceSet, options: CheckOptions | None
) -> NdjsonPart:
    tally = Tally()
    rows = RowEncoder()
    events, blank_cells, read, skipped, range_cells = interpret_batch(batch, reference_set, options)
    tally.count(events)  # at once: one event at a time costs as much as encoding it
    lines: list[str] = []
    once: list[tuple[int, tuple[str, ...]]] = []
    line = rows.line
    for event in events:
        if type(event) is ResultRow:
            lines.append(line(event))
            continue
        if isinstance(event, Issue) and event.code in Interpreter.ONCE_PER_FILE:
            once.append((len(lines), once_key(event)))
        lines.append(event_line(event, rows))
    return NdjsonPart(
        batch.source, lines, tally, blank_cells, batch.fallback_bytes, once,
        bool(batch.stopped), batch.fallback_text, read, skipped,
        reference_set.sha256, batch.synthetic, batch.first, batch.span, batch.last,
        batch.follows, batch.ids_filled_down, batch.times_left_out, range_cells,
    )  # fmt: skip


def ndjson_join(parts: Iterable[NdjsonPart], reference_set: ReferenceSetInfo) -> Iterator[str]:
    """The batches of one or more files as one NDJSON text, exactly as `panelcli check` writes
    it for those files.

    Parts must come in file order, a file's parts together. Warnings given once per file are
    kept at their first place; each file's closing warnings come after its last part, and the
    end line (notice, totals) last. Raises ValueError for a part judged by another set, and
    InputError, yielding nothing, where no file could be read at all (check writes nothing).
    """
    if not isinstance(reference_set, ReferenceSetInfo):  # checked before any line (QA)
        raise TypeError(
            f"reference_set must be a ReferenceSetInfo (a reference set's .info), not "
            f"{type(reference_set).__name__}"
        )
    total = Tally()
    # As `panelcli check`: where no file could be read at all, nothing is written, and the
    # files' problems are one InputError; else each such file's file-unreadable line is kept.
    held: list[str] | None = []  # lines of files read not at all, so far; None: something else
    for lines in _files_joined(parts, reference_set, total):
        if held is not None and all(_UNREADABLE_LINE in line for line in lines):
            held.extend(lines)
            continue
        yield from held or ()
        held = None
        yield from lines
    if held:
        problems = [json.loads(line)["rejected"] for line in held]
        raise InputError("; ".join(f"{p['source']}: {p['message']}" for p in problems))
    end = StreamEnd(
        reference_set=reference_set,
        totals=total.totals(),
        synthetic_sources=total.synthetic_sources,
    )
    yield json_inert(end.model_dump_json()) + "\n"


#: What only a file-unreadable issue's line holds
_UNREADABLE_LINE = f'"code":"{UNREADABLE}"'


def _files_joined(
    parts: Iterable[NdjsonPart], reference_set: ReferenceSetInfo, total: Tally
) -> Iterator[list[str]]:
    """The lines of each part, then each file's closing lines, as lists."""
    file: _FileSoFar | None = None
    for part in parts:
        if part.synthetic and part.source not in total.synthetic_sources:
            total.synthetic_sources.append(part.source)
        if part.reference_sha256 and part.reference_sha256 != reference_set.sha256:
            raise ValueError(
                f"a batch of {part.source} was judged by another reference set than "
                f"{reference_set.name} (sha256 {part.reference_sha256[:12]}…, not "
                f"{reference_set.sha256[:12]}…): give ndjson_batch the same ranges"
            )
        if not part.first and (file is None or part.source != file.source):
            raise ValueError(
                f"a part of {part.source} came before its file's first part, or apart from "
                f"its file's other parts: {_IN_ORDER}"
            )
        if not part.first and file is not None and (file.ended or _before(part.span, file.span)):
            raise ValueError(
                f"parts of {part.source} came out of order, or one came twice: {_IN_ORDER}"
            )
        if not part.first and file is not None and part.follows != file.lines_given:
            # QA: a part left out between two lost its rows without a word
            raise ValueError(
                f"a part of {part.source} is missing: the lines after {file.lines_given} up "
                f"to {part.follows} came in no part: {_IN_ORDER}"
            )
        if part.first:  # a file starts (a file named twice is read twice, as check reads it)
            if file is not None and not file.ended:
                raise ValueError(
                    f"{part.source} started again before the last part of {file.source}: "
                    f"{_IN_ORDER}"
                )
            if file is not None:
                yield list(file.closing(total))
            file = _FileSoFar(part.source)
        assert file is not None
        file.span = part.span or file.span
        file.lines_given = file.span[1] if file.span else part.follows
        file.ended = part.last
        yield list(file.add(part, total))
    if file is not None and not file.ended:
        raise ValueError(f"the last part of {file.source} is missing: {_IN_ORDER}")
    if file is not None:
        yield list(file.closing(total))


#: What `ndjson_join` asks of parts it refuses
_IN_ORDER = "give each file's parts once, in order, one file after another"


def _before(span: tuple[int, int] | None, so_far: tuple[int, int] | None) -> bool:
    """Whether a part's lines start at or before the end of the lines its file gave so far."""
    return span is not None and so_far is not None and span[0] <= so_far[1]


class _FileSoFar:
    """What `ndjson_join` keeps of one file's parts until its closing warnings."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.span: tuple[int, int] | None = None  # lines of the last part that had rows
        self.lines_given = 0  # the last line of the parts so far (see `RowBatch.follows`)
        self.ended = False  # its last part came
        self.seen: set[tuple[str, ...]] = set()
        self.kinds: Counter[str] = Counter()  # texts kept per code, limited as `Interpreter` does
        self.fallback_bytes = self.rows = self.skipped = 0
        self.blank_cells = BlankCells()
        self.fallback_text = ""
        self.ids_filled_down: IdsFilledDown | None = None
        self.times_left_out: TimesLeftOut | None = None
        self.range_cells = RangeCells({}, {})
        self.stopped = False

    def add(self, part: NdjsonPart, total: Tally) -> Iterator[str]:
        """The part's lines, less the once-per-file warnings an earlier part gave."""
        self.stopped = self.stopped or part.stopped
        total.add(part.tally)
        self.blank_cells = self.blank_cells.then(part.blank_cells)
        self.fallback_text = self.fallback_text or part.fallback_text
        self.fallback_bytes += part.fallback_bytes
        self.ids_filled_down = part.ids_filled_down or self.ids_filled_down
        self.times_left_out = part.times_left_out or self.times_left_out
        self.range_cells = self.range_cells.then(part.range_cells)
        self.rows += part.rows
        self.skipped += part.skipped
        dropped = set()
        summed_up: dict[int, str] = {}  # index -> the line that sums up the rest of its code
        for index, key in part.once:
            code = key[0]
            if key in self.seen or self.kinds[code] > KIND_LIMIT:
                dropped.add(index)
                continue
            if self.kinds[code] == KIND_LIMIT:
                warning = WarningLine.model_validate_json(part.lines[index]).warning
                summed_up[index] = event_line(more_of_kind(warning, KIND_LIMIT))
            else:
                self.seen.add(key)
            self.kinds[code] += 1
        total.warnings -= len(dropped)
        for index, line in enumerate(part.lines):
            if index not in dropped:
                yield summed_up.get(index, line)

    def closing(self, total: Tally) -> Iterator[str]:
        """As `panelcli check`: the closing warnings (none when reading stopped), then the
        file-unreadable issue for a file that gave no row."""
        if self.stopped:
            return
        closing: list[StreamEvent] = list(
            file_end_warnings(
                self.source, self.blank_cells, self.fallback_bytes, self.fallback_text,
                self.ids_filled_down, self.times_left_out, self.range_cells,
            )
        )  # fmt: skip
        if self.rows == 0:
            closing.extend(stopped_reading(self.source, no_result_rows(self.source, self.skipped)))
        for event in total.watch(closing):
            yield event_line(event)


class RowEncoder:
    """`ResultRow` → the line `Result.model_dump_json()` would give, text for text, but faster.

    A row's strings repeat in groups (one sample's fields, one marker's names and units), so
    each group is encoded once, as UTF-8, and remembered; memory is bounded by forgetting when
    it grows.
    """

    #: Entries remembered per kind: a file lists a sample's rows together, so a few recent
    #: samples are all that repeat; more would only make memory grow with the file.
    MEMO_LIMIT = 1024
    #: Values remembered: labs write few digits, so a file's values repeat all through it
    #: (4,290 in a million rows of the benchmark's); repr() costs twice a lookup.
    VALUES_LIMIT = 8192

    def __init__(self) -> None:
        # Apart, so that a wide file (a column per marker) still finds its sample remembered.
        self._sources: dict[str, bytes] = {}
        self._columns: dict[str | None, bytes] = {}
        self._samples: dict[tuple[str | None, ...], bytes] = {}
        self._markers: dict[tuple[str | None, ...], tuple[bytes, bytes, bytes, bytes]] = {}
        self._outcomes: dict[tuple[object, ...], tuple[bytes, bytes, ReferenceUsed, bytes]] = {}
        self._values: dict[float, bytes] = {}
        #: The row before's sample fields, source and column (as objects), and their text.
        self._before: _Before = (_NOTHING, _NOTHING, _NOTHING, _NOTHING, _NOTHING, (b"", b"", b""))

    def line(self, row: ResultRow) -> str:
        """The row's line of JSON, with its newline."""
        return self.encoded(row).decode("utf-8")

    def encoded(self, row: ResultRow) -> bytes:
        """The row's line of JSON, with its newline, in UTF-8."""
        parts: list[bytes] = []
        self.add(row, parts)
        return b"".join(parts)

    def add(self, row: ResultRow, parts: list[bytes]) -> None:
        """The row's line of JSON, with its newline, in UTF-8, as parts added to `parts`.

        Parts: a list's rows joined at once make no line of their own (over 512 bytes, each
        would be allocated and copied once more).
        """
        (source, line, column, sample_id, patient_id, collected_at, marker, as_written, category,
         value, comparator, unit, original_value, original_unit, status, flag, flags, times,
         reference, note) = row  # fmt: skip
        # A file lists a sample's rows together, and the short path hands on the same
        # objects for them: checking identity with the row before skips three lookups.
        before = self._before
        if (
            sample_id is before[0] and patient_id is before[1] and collected_at is before[2]
            and source is before[3] and column is before[4]
        ):  # fmt: skip
            head, column_text, sample = before[5]
        else:
            head, column_text, sample = self._front(
                source, column, sample_id, patient_id, collected_at
            )
        names: tuple[bytes, bytes, bytes, bytes] | None
        names = self._markers.get((marker, as_written, category, unit, original_unit))
        if names is None:
            names = self._names(marker, as_written, category, unit, original_unit)
        # Keyed by identity (hashing a model is slow); the value keeps the object, so a hit is
        # checked against it: an id can be reused once a reference is forgotten elsewhere.
        outcome = self._outcomes.get((flag, flags, id(reference)))  # the flag decides the status
        if outcome is None or outcome[2] is not reference:
            outcome = self._outcome(status, flag, flags, reference)
        if times is None and note is None:  # most rows: the outcome's text is whole
            end = outcome[3]
        else:
            end = b"".join((
                outcome[0],
                # value / high can overflow; pydantic writes null then
                b"null" if times is None or times == _INFINITY else _number(times),
                outcome[1], b"null}\n" if note is None else _utf8(_string(note) + "}\n"),
            ))  # fmt: skip
        if 1e-4 <= value < 1e16:  # see _number; no -0.0 here, which would find 0.0's text
            value_text = self._values.get(value)
            if value_text is None:
                value_text = remember(self._values, value, b"%r" % value, self.VALUES_LIMIT)
        else:
            value_text = _number(value)
        # original_value needs no escaping: the short path takes only digits (of any script), a
        # point or a decimal comma, an exponent and a leading "<" or ">".
        parts += (
            head, b"%d" % line, column_text, sample, names[0], value_text,
            names[1] if comparator is None else _COMPARATOR_JSON[comparator] + names[2],
            original_value.encode(), names[3], end,
        )  # fmt: skip

    def _front(
        self,
        source: str,
        column: str | None,
        sample_id: str | None,
        patient_id: str | None,
        collected_at: str | None,
    ) -> tuple[bytes, bytes, bytes]:
        """The texts of a row's source, column and sample fields (remembered for the next row)."""
        head = self._sources.get(source)
        if head is None:
            head = self._source(source)
        column_text = self._columns.get(column)
        if column_text is None:
            column_text = self._column(column)
        sample = self._samples.get((sample_id, patient_id, collected_at))
        if sample is None:
            sample = self._sample(sample_id, patient_id, collected_at)
        texts = (head, column_text, sample)
        self._before = (sample_id, patient_id, collected_at, source, column, texts)
        return texts

    def _source(self, source: str) -> bytes:
        head = _utf8(f'{{"source":{_string(source)},"line":')
        return remember(self._sources, source, head, self.MEMO_LIMIT)

    def _column(self, column: str | None) -> bytes:
        return remember(
            self._columns, column, _utf8(f',"column":{_string(column)}'), self.MEMO_LIMIT
        )

    def _sample(self, *fields: str | None) -> bytes:
        sample_id, patient_id, collected_at = (_string(f) for f in fields)
        text = f',"sample_id":{sample_id},"patient_id":{patient_id},"collected_at":{collected_at}'
        return remember(self._samples, fields, _utf8(text), self.MEMO_LIMIT)

    def _names(self, *fields: str | None) -> tuple[bytes, bytes, bytes, bytes]:
        """The texts around the value and original_value: before the value; after it, with a
        null comparator and without one; after original_value."""
        marker, as_written, category, unit, original_unit = (_string(f) for f in fields)
        after_value = _utf8(f',"unit":{unit},"original_value":"')
        parts = (
            _utf8(
                f',"marker":{marker},"marker_as_written":{as_written},"category":{category},'
                '"value":'
            ),
            _COMPARATOR_JSON[None] + after_value,
            after_value,
            _utf8(f'","original_unit":{original_unit},'),
        )
        return remember(self._markers, fields, parts, self.MEMO_LIMIT)

    def _outcome(
        self, status: Status, flag: str, flags: tuple[str, ...], reference: ReferenceUsed
    ) -> tuple[bytes, bytes, ReferenceUsed, bytes]:
        """The texts before and after times_upper_limit, the reference, and the whole text
        with a null times_upper_limit and note."""
        flags_text = ",".join(_string(f) for f in flags)
        first = _utf8(
            f'"status":"{status.value}","flag":{_string(flag)},"flags":[{flags_text}],'
            '"times_upper_limit":'
        )
        second = _utf8(f',"reference":{json_inert(reference.model_dump_json())},"note":')
        key = (flag, flags, id(reference))
        whole = first + b"null" + second + b"null}\n"
        return remember(self._outcomes, key, (first, second, reference, whole), self.MEMO_LIMIT)


_COMPARATOR_JSON = {
    None: b',"comparator":null',
    "<": b',"comparator":"<"',
    ">": b',"comparator":">"',
}


def _number(value: float) -> bytes:
    """A float as pydantic writes it in JSON (a finite, non-negative one, as results hold)."""
    # repr() is the same text, except in exponent form (1e-05 against 1e-5), which repr()
    # uses exactly below 1e-4 and from 1e16 on.
    if 1e-4 <= value < 1e16 or value == 0.0:
        return b"%r" % value
    return to_json(value)


def _utf8(text: str) -> bytes:
    return text.encode()  # strict, as pydantic is: both paths fail alike on a lone surrogate


def _string(text: str | None) -> str:
    """JSON for a string: json.dumps escapes as pydantic does, json_inert as event_line does."""
    if text is None:
        return "null"
    if _NEEDS_NO_ESCAPE(text):  # most ids and dates: printable ASCII without '"' or '\\'
        return f'"{text}"'
    return json_inert(json.dumps(text, ensure_ascii=False))


_NEEDS_NO_ESCAPE = re.compile(r"[ !#-\[\]-~]*\Z").match


__all__ = ["Issue", "RowEncoder", "event_line", "ndjson_lines"]
