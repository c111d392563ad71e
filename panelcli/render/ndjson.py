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
from panelcli.values import json_inert


def event_line(event: Event) -> str:
    """One event as one line of JSON (with its newline); DEL and bidi controls as \\u escapes."""
    if isinstance(event, Result):
        return json_inert(event.model_dump_json()) + "\n"
    if event.severity == "error":
        return json_inert(RejectedLine(rejected=event).model_dump_json()) + "\n"
    return json_inert(WarningLine(warning=event).model_dump_json()) + "\n"


def ndjson_lines(
    events: Iterable[Event], reference_set: ReferenceSetInfo, tally: Tally
) -> Iterator[str]:
    """Every event as a line, as it arrives, then the closing line with the notice and totals."""
    for event in tally.watch(events):
        yield event_line(event)
    yield StreamEnd(reference_set=reference_set, totals=tally.totals()).model_dump_json() + "\n"
