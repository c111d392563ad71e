"""The default view: one rich table per panel, plain-language summary, problems, then the notice."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel as Box
from rich.table import Table
from rich.text import Text

from panelcli.models import Issue, Panel, Report, Result, Status
from panelcli.render.console import inert
from panelcli.summary import report_sentences
from panelcli.units import unit_key

#: Past this many results a table takes seconds and helps nobody; show one line per panel.
MAX_TABLE_RESULTS = 1000

STATUS_LOOK = {
    Status.NORMAL: ("✓", "normal", "green"),
    Status.LOW: ("▼", "low", "yellow"),
    Status.HIGH: ("▲", "high", "red"),
    Status.CRITICAL: ("‼", "critical", "bold red"),
    Status.INDETERMINATE: ("?", "indeterminate", "magenta"),
    Status.NO_REFERENCE: ("-", "no reference", "dim"),
}


def status_text(result: Result) -> Text:
    icon, word, style = STATUS_LOOK[result.status]
    if result.flag == "LL":
        icon = "‼▼"
    return Text(f"{icon} {word}", style=style)


def value_text(result: Result) -> Text:
    """The value as judged (reference unit, comparator), with the original if converted."""
    comparator = result.comparator or ""
    if result.value is None:
        return inert(result.original_value)
    shown = f"{comparator}{result.value:g}"
    if (
        result.original_unit
        and result.unit
        and unit_key(result.original_unit) != unit_key(result.unit)
    ):
        shown += f" (was {result.original_value} {result.original_unit})"
    return inert(shown)


def panel_title(panel: Panel) -> Text:
    parts = [f"Sample {panel.sample_id}" if panel.sample_id else "Results"]
    if panel.patient_id:
        parts.append(f"patient {panel.patient_id}")
    if panel.collected_at:
        parts.append(f"collected {panel.collected_at}")
    parts.append(f"from {panel.source}")
    return inert(" · ".join(parts))


def panel_table(panel: Panel) -> Table:
    table = Table(title=panel_title(panel), title_justify="left", expand=False)
    table.add_column("Marker", no_wrap=True)
    table.add_column("Value", justify="right")
    table.add_column("Unit")
    table.add_column("Reference range")
    table.add_column("Status", no_wrap=True)
    table.add_column("Note")
    for result in panel.results:
        note = result.note or ""
        if result.times_upper_limit and result.times_upper_limit >= 1.05:
            note = f"{result.times_upper_limit:.1f} × upper limit" + (f"; {note}" if note else "")
        if result.reference and result.reference.origin == "file":
            note = "range from the file" + (f"; {note}" if note else "")
        table.add_row(
            inert(result.marker),
            value_text(result),
            inert(result.unit or ""),
            inert(
                result.reference.text.removesuffix(f" {result.unit}") if result.reference else ""
            ),
            status_text(result),
            inert(note),
        )
    return table


def summary_block(panel: Panel) -> Text:
    text = Text()
    for sentence in panel.summary.text:
        text.append("• ")
        text.append_text(inert(sentence))
        text.append("\n")
    return text


def issue_line(issue: Issue) -> Text:
    where = [issue.source]
    if issue.line is not None:
        where.append(f"line {issue.line}")
    if issue.column:
        where.append(f"column '{issue.column}'")
    message = issue.message.removeprefix(f"{issue.source}: ")  # a whole-file problem names it
    return inert(f"{', '.join(where)}: {message} [{issue.code}]")


def render_table(report: Report, console: Console) -> None:
    """Print the whole report for a person at a terminal."""
    if report.totals.results > MAX_TABLE_RESULTS:
        _render_overview(report, console)
    else:
        for panel in report.panels:
            console.print(panel_table(panel))
            console.print(summary_block(panel))
    if report.rejected:
        console.print(Text(f"Rows that could not be used ({len(report.rejected)}):", style="bold"))
        for issue in report.rejected:
            console.print(Text("  ✗ ", style="red") + issue_line(issue))
        console.print()
    if report.warnings:
        console.print(Text(f"Warnings ({len(report.warnings)}):", style="bold"))
        for issue in report.warnings:
            console.print(Text("  ! ", style="yellow") + issue_line(issue))
        console.print()
    unreadable = sum(1 for i in report.rejected if i.code == "file-unreadable")
    for sentence in report_sentences(
        len(report.panels), len(report.rejected) - unreadable, unreadable
    ):
        console.print(inert(sentence))
    ref = report.reference_set
    version = f" version {ref.version}" if ref.version else ""
    console.print(
        inert(f"Reference set: {ref.name}{version} ({ref.path}, sha256 {ref.sha256[:12]}…)"),
        style="dim",
    )
    console.print(Box(Group(Text(report.notice)), title="Please note", border_style="blue"))


def _render_overview(report: Report, console: Console) -> None:
    table = Table(title=f"{report.totals.results:,} results in {len(report.panels):,} panels")
    for heading in ("Sample", "Source", "Measured", "Outside range"):
        table.add_column(heading)
    for panel in report.panels:
        flagged = ", ".join(panel.summary.flagged_markers) or "none"
        table.add_row(
            inert(panel.sample_id or "-"), inert(panel.source),
            str(panel.summary.measured), inert(flagged),
        )  # fmt: skip
    console.print(table)
    console.print(
        Text(
            f"That is more than {MAX_TABLE_RESULTS:,} results, so only one line per sample is "
            "shown. Use --format ndjson or --format csv to get every result."
        )
    )
