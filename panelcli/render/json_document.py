"""`--format json`: the report as one document, written a panel at a time.

The text is exactly `report.model_dump_json(indent=2)`; writing it in pieces keeps a second
copy of a big report (as one string, then its UTF-8 bytes) out of memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from panelcli.models import Report
from panelcli.values import json_inert

_NO_PANELS = '"panels": []'


def report_json_pieces(report: Report) -> Iterator[str]:
    """The document in pieces that join to `report.model_dump_json(indent=2)`."""
    if not report.panels:
        yield report.model_dump_json(indent=2)
        return
    # The report without its panels, split where they go; each panel is dumped on its own and
    # indented as the whole document would indent it (two levels: report, then list).
    frame = report.model_copy(update={"panels": []}).model_dump_json(indent=2)
    before, after = frame.split(_NO_PANELS, 1)
    yield before + '"panels": [\n'
    last = len(report.panels) - 1
    for number, panel in enumerate(report.panels):
        text = "    " + panel.model_dump_json(indent=2).replace("\n", "\n    ")
        yield text + (",\n" if number < last else "\n")
    yield "  ]" + after


def write_report_json(report: Report, out: TextIO) -> None:
    """Write the document (then a newline); DEL and bidi controls as \\u escapes."""
    for piece in report_json_pieces(report):
        out.write(json_inert(piece))
    out.write("\n")
