"""`--format json`: the report as one document, written a panel at a time.

The text is exactly `report.model_dump_json(indent=2)`; writing it in pieces keeps a second
copy of a big report (as one string, then its UTF-8 bytes) out of memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from panelcli.models import Report
from panelcli.values import json_inert

#: The report's lists that grow with the file: each is written an element at a time.
_BIG_LISTS = ("panels", "trends")


def report_json_pieces(report: Report) -> Iterator[str]:
    """The document in pieces that join to `report.model_dump_json(indent=2)`."""
    lists = {name: getattr(report, name) for name in _BIG_LISTS if getattr(report, name)}
    if not lists:
        yield report.model_dump_json(indent=2)
        return
    # The report without those lists, split where they go; each element is dumped on its own
    # and indented as the whole document would indent it (two levels: report, then list).
    # Trends too: a trend point per result made the one frame string (and its copies) grow
    # with the file (benchmark: --format json of 1M rows took 6.5 GiB, not 5.7).
    rest = report.model_copy(update=dict.fromkeys(lists, [])).model_dump_json(indent=2)
    for name in sorted(lists, key=lambda name: rest.index(f'"{name}": []')):
        before, rest = rest.split(f'"{name}": []', 1)
        yield before + f'"{name}": [\n'
        items = lists[name]
        last = len(items) - 1
        for number, item in enumerate(items):
            text = "    " + item.model_dump_json(indent=2).replace("\n", "\n    ")
            yield text + (",\n" if number < last else "\n")
        yield "  ]"
    yield rest


def write_report_json(report: Report, out: TextIO) -> None:
    """Write the document (then a newline); DEL and bidi controls as \\u escapes."""
    for piece in report_json_pieces(report):
        out.write(json_inert(piece))
    out.write("\n")
