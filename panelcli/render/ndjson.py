"""`--format ndjson`: one JSON object per line, written as rows are read (for `| head`, `| jq`).

A result is a bare `Result` object; a rejected row is `{"rejected": Issue}`, a warning
`{"warning": Issue}`; the last line is `StreamEnd` with the notice, reference set and totals.
`panelcli schema ndjson` prints the JSON Schema of a line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from panelcli.check import Event
from panelcli.models import ReferenceSetInfo, RejectedLine, Result, StreamEnd, WarningLine
from panelcli.render.stream import Tally


def event_line(event: Event) -> str:
    """One event as one line of JSON (with its newline)."""
    if isinstance(event, Result):
        return event.model_dump_json() + "\n"
    if event.severity == "error":
        return RejectedLine(rejected=event).model_dump_json() + "\n"
    return WarningLine(warning=event).model_dump_json() + "\n"


def ndjson_lines(
    events: Iterable[Event], reference_set: ReferenceSetInfo, tally: Tally
) -> Iterator[str]:
    """Every event as a line, as it arrives, then the closing line with the notice and totals."""
    for event in tally.watch(events):
        yield event_line(event)
    yield StreamEnd(reference_set=reference_set, totals=tally.totals()).model_dump_json() + "\n"
