"""`--format csv`: one flat row per result, streamed, safe to open in a spreadsheet.

Rejected rows and warnings are rows too (status `rejected` / `warning`, the message in `note`,
the stable code in `issue_code`); the last row has status `notice` and the notice in `note`.
Cells a spreadsheet would run as a formula are neutralised (OWASP "CSV Injection").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from panelcli.check import ResultRow, StreamEvent
from panelcli.models import NOTICE, Issue, ReferenceSetInfo, Result
from panelcli.render.stream import Tally
from panelcli.values import is_plain_number, visible

COLUMNS = (
    "source", "line", "column", "sample_id", "patient_id", "collected_at", "marker",
    "marker_as_written", "value", "comparator", "unit", "original_value", "original_unit",
    "status", "flag", "flags", "times_upper_limit", "reference_low", "reference_high",
    "reference_origin", "note", "issue_code",
)  # fmt: skip

#: First characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | None


def neutralise(text: str) -> str:
    """Prefix a quote to text a spreadsheet would execute; plain numbers like '-2.5' stay as is."""
    if text.startswith(FORMULA_STARTS) and not is_plain_number(text):
        return "'" + text
    return text


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)  # shortest text that reads back as the same number
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
        result.note, None,
    ]  # fmt: skip


def issue_row(issue: Issue) -> list[Cell]:
    status = "rejected" if issue.severity == "error" else "warning"
    row: dict[str, Cell] = {
        "source": issue.source, "line": issue.line, "column": issue.column, "status": status,
        "note": issue.message, "issue_code": issue.code,
    }  # fmt: skip
    return [row.get(name) for name in COLUMNS]


def notice_row(reference_set: ReferenceSetInfo) -> list[Cell]:
    version = f" version {reference_set.version}" if reference_set.version else ""
    note = f"{NOTICE} Reference set: {reference_set.name}{version}."
    return [note if name == "note" else "notice" if name == "status" else None for name in COLUMNS]


def csv_lines(
    events: Iterable[StreamEvent], reference_set: ReferenceSetInfo, tally: Tally
) -> Iterator[str]:
    """The header, one row per event as it arrives, then the notice row; each a CSV line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def line(cells: Iterable[Cell]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([_cell(c) for c in cells])
        return buffer.getvalue()

    yield line(COLUMNS)
    for event in tally.watch(events):
        yield line(issue_row(event) if isinstance(event, Issue) else result_row(event))
    yield line(notice_row(reference_set))
