"""`--format csv`: one flat row per result, streamed, safe to open in a spreadsheet.

Rejected rows and warnings are rows too (status `rejected` / `warning`, the message in `note`,
the stable code in `issue_code`; the ranges file's warnings, code `ranges-file`, come just
before the last row); the last row has status `notice` and the notice in `note`,
with a sentence for each file that says it is panelcli's synthetic sample data.
Cells a spreadsheet would run as a formula are neutralised (OWASP "CSV Injection").
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Sequence

from pydantic_core import to_json

from panelcli.check import ResultRow, StreamEvent, Tally, remember
from panelcli.models import (
    NOTICE,
    PANELCLI_VERSION,
    Issue,
    ReferenceSetInfo,
    ReferenceUsed,
    Result,
    ranges_issues,
    synthetic_notice,
)
from panelcli.render.stream import Batch, Text, batch_texts
from panelcli.values import is_plain_number, visible

COLUMNS = (
    "source", "line", "column", "sample_id", "patient_id", "collected_at", "marker",
    "marker_as_written", "value", "comparator", "unit", "original_value", "original_unit",
    "status", "flag", "flags", "times_upper_limit", "reference_low", "reference_high",
    "reference_origin", "note", "issue_code", "reference_text", "reference_critical_low",
    "reference_critical_high", "reference_critical_low_origin", "reference_critical_high_origin",
    "category", "reference_low_exclusive", "reference_high_exclusive", "reference_source",
)  # fmt: skip
# Columns added later come last (reference_text, then the critical limits and whose they are,
# then the marker's category, which JSON had and CSV lacked: developer QA; then whether each
# limit is outside the range, '< 7', and the range's source: developer QA round 8, a value of
# exactly 7 was high by '< 7' and normal to a script comparing it with reference_high): a
# script that reads columns by position still finds the earlier ones where they were.

#: First characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: Cells that start like a formula but that spreadsheets read as text: '-' is standard input.
HARMLESS = frozenset({"-"})

Cell = str | int | float | None


def neutralise(text: str) -> str:
    """Prefix a quote to text a spreadsheet would execute; '-2.5' and a lone '-' stay as is."""
    if text.startswith(FORMULA_STARTS) and text not in HARMLESS and not is_plain_number(text):
        return "'" + text
    return text


def number_text(value: float) -> str:
    """A number as JSON and NDJSON write it: the shortest text that reads back as the same
    number, in pydantic's spelling where Python's differs ('1e-7' and '0.00001', not '1e-07'
    and '1e-05': developer QA round 8, a script comparing formats found them apart)."""
    text = repr(value)
    return text if "e" not in text else to_json(value).decode()


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return number_text(value)
    # Escapes and other control characters from the file as inert text (\x1b): a CSV printed
    # on a terminal must not be able to take it over.
    return neutralise(visible(str(value)))


def result_row(result: Result | ResultRow) -> list[Cell]:
    reference = result.reference
    return [
        result.source, result.line, result.column, result.sample_id, result.patient_id,
        result.collected_at, result.marker, result.marker_as_written, result.value,
        result.comparator, result.unit, result.original_value, result.original_unit,
        result.status.value, result.flag, " ".join(f for f in result.flags if f),
        result.times_upper_limit, reference.low if reference else None,
        reference.high if reference else None, reference.origin if reference else None,
        result.note, None, reference.text if reference else None,
        *(_critical_cells(reference) if reference else _NO_CRITICAL_CELLS), result.category,
        *(_bounds_cells(reference) if reference else _NO_BOUNDS_CELLS),
    ]  # fmt: skip


_NO_CRITICAL_CELLS: tuple[Cell, ...] = (None, None, None, None)
_NO_BOUNDS_CELLS: tuple[Cell, ...] = (None, None, None)


def _bounds_cells(reference: ReferenceUsed) -> tuple[Cell, ...]:
    """Whether each limit is outside the range ('true' for '< 7'; empty where there is no
    such limit), and where the range comes from."""
    return (
        None if reference.low is None else str(reference.low_exclusive).lower(),
        None if reference.high is None else str(reference.high_exclusive).lower(),
        reference.source,
    )


def _critical_cells(reference: ReferenceUsed) -> tuple[Cell, ...]:
    return (
        reference.critical_low, reference.critical_high,
        reference.critical_low_origin, reference.critical_high_origin,
    )  # fmt: skip


def issue_row(issue: Issue) -> list[Cell]:
    status = "rejected" if issue.severity == "error" else "warning"
    # The row's sample and marker, where it gives them: a script can pick out a sample's
    # rejected rows. The marker is as written (results fall back to that too).
    row: dict[str, Cell] = {
        "source": issue.source, "line": issue.line, "column": issue.column,
        "sample_id": issue.sample_id, "patient_id": issue.patient_id,
        "collected_at": issue.collected_at, "marker": issue.marker,
        "marker_as_written": issue.marker, "status": status, "note": issue.message,
        "issue_code": issue.code,
    }  # fmt: skip
    return [row.get(name) for name in COLUMNS]


def issue_cells(issue: Issue) -> list[str]:
    """An issue's row as the text of its cells."""
    return [_cell(c) for c in issue_row(issue)]


def notice_row(
    reference_set: ReferenceSetInfo, synthetic_sources: Sequence[str] = ()
) -> list[Cell]:
    version = f" version {reference_set.version}" if reference_set.version else ""
    # Which files are made up, in words a script can find: the rows above do not say (QA).
    synthetic = "".join(f" {synthetic_notice(source)}" for source in synthetic_sources)
    # the file's hash, as JSON gives it: a name and version alone can be edited (QA)
    # the consult notice last, as every format ends with it (educator QA round 7), and the
    # release that wrote the file (developer QA round 7)
    note = (
        f"Reference set: {reference_set.name}{version} (sha256 {reference_set.sha256}); "
        f"panelcli {PANELCLI_VERSION}.{synthetic} {NOTICE}"
    )
    return [note if name == "note" else "notice" if name == "status" else None for name in COLUMNS]


def csv_texts(
    batches: Iterable[Batch],
    reference_set: ReferenceSetInfo,
    tally: Tally,
    framed: bool = True,
) -> Iterator[Text]:
    """The header, then each list of events' CSV rows as one text, then the notice row.

    `framed=False`: only the events' rows, without the header and notice (a part of a file).
    """
    written: list[str] = []  # the csv writer writes each row here with one call
    writer = csv.writer(_Sink(written.append), lineterminator="\n")
    short_cells = _ShortRows().cells

    def text(rows: Iterable[Iterable[Cell]]) -> str:
        writer.writerows(rows)
        joined = "".join(written)
        written.clear()
        return joined

    def encode(batch: Sequence[StreamEvent]) -> str:
        return text([
            short_cells(event) if type(event) is ResultRow  # type: ignore[arg-type]
            else issue_cells(event) if isinstance(event, Issue)
            else [_cell(c) for c in result_row(event)]  # type: ignore[arg-type]
            for event in batch
        ])  # fmt: skip

    if framed:
        yield text([COLUMNS])
    yield from batch_texts(batches, tally, encode)
    if framed:
        # The ranges file's warnings ('is the unit right?'), kept in a saved CSV as JSON keeps
        # them; before the notice row, which stays last.
        yield text(
            [
                *(issue_cells(issue) for issue in ranges_issues(reference_set)),
                [_cell(c) for c in notice_row(reference_set, tally.synthetic_sources)],
            ]
        )


class _ShortRows:
    """The cells of `ResultRow`s, as `_cell(result_row(...))` gives them, with fewer steps.

    The text of a sample's fields and of a marker's names is made once and remembered
    (bounded); the value cells of the short path are numbers that need no changing.
    """

    LIMIT = 1024

    def __init__(self) -> None:
        self._samples: dict[tuple[str | None, ...], list[str]] = {}
        self._names: dict[tuple[object, ...], tuple[list[str], list[str], ReferenceUsed]] = {}

    def cells(self, row: ResultRow) -> list[str]:
        (source, line, column, sample_id, patient_id, collected_at, marker, as_written,
         category, value, comparator, unit, original_value, original_unit, _, flag, flags,
         times, reference, note) = row  # fmt: skip
        sample = self._samples.get((source, column, sample_id, patient_id, collected_at))
        if sample is None:
            fields = (source, column, sample_id, patient_id, collected_at)
            sample = remember(self._samples, fields, [_cell(c) for c in fields], self.LIMIT)
        key = (marker, as_written, category, unit, original_unit, flag, flags, id(reference))
        names = self._names.get(key)
        # The value keeps the reference: an id can be reused once the object is forgotten.
        if names is None or names[2] is not reference:
            names = remember(self._names, key, (
                [_cell(marker), _cell(as_written)],
                [_cell(unit), _cell(original_unit), row.status.value, _cell(flag),
                 _cell(" ".join(flags)), _cell(reference.low), _cell(reference.high),
                 reference.origin, _cell(reference.text),
                 *(_cell(c) for c in _critical_cells(reference)), _cell(category),
                 *(_cell(c) for c in _bounds_cells(reference))],
                reference,
            ), self.LIMIT)  # fmt: skip
        first, rest, _ = names
        # original_value needs no changing: the short path takes only numbers without a sign
        # in front (plain, with a decimal comma, or after '<'/'>'), never a formula's start.
        return [
            sample[0], str(line), *sample[1:], *first, number_text(value), comparator or "",
            rest[0], original_value, rest[1], rest[2], rest[3], rest[4],
            "" if times is None else number_text(times), rest[5], rest[6], rest[7],
            "" if note is None else _cell(note), "", *rest[8:],
        ]  # fmt: skip


class _Sink:
    """A file-like object that hands each write to a function."""

    def __init__(self, write: Callable[[str], object]) -> None:
        self.write = write
