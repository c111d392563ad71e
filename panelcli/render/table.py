"""The default view: one rich table per panel, plain-language summary, problems, then the notice."""

from __future__ import annotations

import re
import shlex
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import NamedTuple

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.panel import Panel as Box
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from panelcli.check import LAB_RANGE_USED, UNREADABLE
from panelcli.models import (
    ABNORMAL,
    CRITICAL_FLAGS,
    JOINED_WORDS,
    LAB_COMMENT_SAID,
    SIDED_CRITICAL_FLAGS,
    UNJUDGED,
    Issue,
    MarkerTrend,
    Overview,
    Panel,
    PanelDigest,
    PatientTrend,
    ReferenceSetInfo,
    ReferenceUsed,
    Report,
    Result,
    Status,
    TrendPoint,
    critical_limits_of,
    has_no_range,
    ranges_issues,
    synthetic_notice,
)
from panelcli.ranges import DEFAULT_SET, is_bundled
from panelcli.reading import describe_source
from panelcli.render.console import inert, spelled_for
from panelcli.render.lint import row_named
from panelcli.render.pictures import GAUGE_WIDTH, gauge, gauge_legend, gauge_width, sparkline
from panelcli.summary import (
    CHILD_RANGE_SENTENCE,
    RUN_QC_FAILED,
    join_names,
    lab_mark_note,
    past_limit_note,
    rejected_sentences,
    rejected_values,
    report_sentences,
    written_without_flag,
)
from panelcli.trends import by_date, dates_said, placed, placed_by_date, readable_date
from panelcli.units import unit_as_read, unit_key
from panelcli.values import number_text, shorten

#: Past this many results a table takes seconds and helps nobody; show one line per panel.
MAX_TABLE_RESULTS = 1000
#: The most of a lab's comment a table's note quotes (lab QA round 13: comments of 9,000 and
#: 70,000 characters filled 546 lines for 4 results); JSON and CSV keep it whole
COMMENT_SHOWN = 300
#: ... or issues (rejected rows and warnings): QA, a file of 1,000,000 refused rows listed
#: every one, in memory that grew with the file
MAX_TABLE_ISSUES = 1000


def needs_overview(results: int, issues: int) -> bool:
    """Whether a report is shown as a per-sample overview rather than every result."""
    return results > MAX_TABLE_RESULTS or issues > MAX_TABLE_ISSUES


STATUS_LOOK = {
    Status.NORMAL: ("✓", "normal", "green"),
    Status.LOW: ("▼", "low", "yellow"),
    Status.HIGH: ("▲", "high", "red"),
    Status.CRITICAL: ("‼", "critical", "bold red"),
    Status.INDETERMINATE: ("?", "indeterminate", "magenta"),
    Status.NO_REFERENCE: ("-", "no reference", "dim"),
}


def status_text(result: Result) -> Text:
    icon, word, style = status_look(result.status, result.flag)
    return Text(f"{icon} {word}", style=style)


def status_look(status: Status, flag: str | None) -> tuple[str, str, str]:
    """A status's icon, word and style; a critical one's icon says which side, as ▲ high and
    ▼ low say."""
    icon, word, style = STATUS_LOOK[status]
    if status == Status.CRITICAL:  # (AA: critical either way its number is read, no side)
        icon = {"LL": "‼▼", "HH": "‼▲"}.get(flag or "", icon)
    return icon, word, style


def gauge_text(result: Result, width: int = GAUGE_WIDTH) -> Text:
    """Where the value sits against its range (shapes carry the meaning; colour repeats it)."""
    drawn = gauge(result, width)
    if drawn is None:
        return Text("")
    bar, log = drawn
    style = STATUS_LOOK[result.status][2]
    text = Text()
    for char in bar:
        text.append(char, style=style if char not in "═·" else "dim" if char == "·" else "")
    if log:
        text.append(" log", style="dim")
    return text


#: Comparators as a lab prints them: '>=' is one sign, '≥' ("at least"), not '>' then '='.
SIGN = {"<=": "≤", ">=": "≥"}


def value_text(result: Result, with_unit: bool = False) -> Text:
    """The value as judged (reference unit, comparator), with the original if converted."""
    comparator = result.comparator or ""
    unit = f" {unit_as_read(result.unit)}" if with_unit and result.unit else ""
    if result.value is None:  # 'ND', without a flag column's flag put after it (QA: 'ND L')
        return inert(written_without_flag(result) + unit)
    converted = bool(
        result.original_unit
        and result.unit
        and unit_key(result.original_unit) != unit_key(result.unit)
    )
    number = None if converted else as_written(result.original_value, result.value)
    shown = f"{SIGN.get(comparator, comparator)}{number or number_text(result.value)}{unit}"
    if converted and result.original_unit:
        if _same_number(result.original_value, result.value):
            # the same number in a unit of the same size: no 'was' (educator QA round 19:
            # '250 (was 250 ng/mL)' read as a change)
            return inert(f"{shown} (written in {unit_as_read(result.original_unit)})")
        written = result.original_value
        if not written.rstrip().endswith(result.original_unit):  # '>0.0249 ng/mL' has its own
            written += f" {result.original_unit}"
        shown += f" (was {written})"
    return inert(shown)


#: A number as a cell writes it, alone: no digit, '.' or ',' on either side ('1.234,5' is none)
_WRITTEN_NUMBER = re.compile(r"(?<![\d.,])\d+(?:[.,](\d+))?(?![\d.,])")


def _one_number(written: str) -> re.Match[str] | None:
    """A cell's one number; None where it has none or several."""
    found = _WRITTEN_NUMBER.search(written)
    if found is None or _WRITTEN_NUMBER.search(written, found.end()):
        return None
    return found


def _same_number(written: str, value: float) -> bool:
    """Whether a cell's one number is `value` ('250' of 250.0)."""
    found = _one_number(written)
    return found is not None and float(found[0].replace(",", ".")) == value


def as_written(written: str, value: float) -> str | None:
    """The value with as many decimals as the cell gives it ('<4.0', '3,0' as 3.0: a lab's
    trailing zero can matter; dev QA round 15: shown '<4', '3'), where the cell's one number
    is the value; None otherwise (a grouped or converted number, '3.4E+01')."""
    found = _one_number(written)
    if found is None or found[1] is None:
        return None
    if sum(char.isdigit() for char in found[0]) > 12:  # past a float's digits: noise (review)
        return None
    text = f"{value:.{len(found[1])}f}"
    return text if float(found[0].replace(",", ".")) == value == float(text) else None


def panel_title(panel: Panel) -> Text:
    parts = [f"Sample {panel.sample_id}" if panel.sample_id else "Results"]
    if panel.patient_id:
        parts.append(f"patient {panel.patient_id}")
    if panel.collected_at:
        parts.append(f"collected {panel.collected_at}")
    # '-' is what the command line says; a reader of the table sees words (QA: 'from -')
    parts.append(f"from {describe_source(panel.source)}")
    return inert(" · ".join(parts))


def untabled_title(panel: Panel) -> Text:
    """The title of a panel, as a table's is styled, above its table (or alone: none of its
    rows could be used)."""
    title = panel_title(panel)
    title.stylize("table.title")
    return title


def panel_table(
    panel: Panel, gauge_width: int = GAUGE_WIDTH, leave_out: frozenset[str] = frozenset()
) -> Table:
    """Every result of a panel as a row; `leave_out` names columns a narrow terminal drops
    ('Unit' goes into the Value column)."""
    # its title is printed above it (`untabled_title`): a table's own wraps at the table's
    # width, not the screen's (educator QA)
    table = Table(expand=False)
    columns = [
        ("Marker", {"no_wrap": True}),
        ("Value", {"justify": "right", "no_wrap": True}),
        ("Unit", {"no_wrap": True}),
        ("Range", {"no_wrap": True}),
        ("Status", {"no_wrap": True}),
        ("Flag", {"no_wrap": True}),  # HL7 v3 codes, for lab staff
        ("Gauge", {"no_wrap": True}),
        ("Note", {"min_width": NOTE_MIN_WIDTH, "overflow": "fold"}),  # a long word: never '…'
    ]
    rows = [result_cells(result, gauge_width) for result in panel.results]
    shared = _shared_notes(rows, [result.marker for result in panel.results])
    if shared:
        table.caption = Text("\n".join(f"{mark} {said}" for said, mark in shared.items()))
        table.caption_justify = "default"  # "left" pads the line to the table's width
    if not any(cells["Note"].plain for cells in rows):
        # an empty Note column kept its least width: on 80 columns the gauges went instead (QA)
        leave_out |= {"Note"}
    kept = [name for name, _ in columns if name not in leave_out]
    for name, options in columns:
        if name in kept:
            table.add_column(name, **options)  # type: ignore[arg-type]
    for result, cells in zip(panel.results, rows, strict=True):
        if "Unit" in leave_out:
            cells["Value"] = value_text(result, with_unit=True)
        table.add_row(*(cells[name] for name in kept))
    return table


#: Marks of the notes a table says once, under it (`_shared_notes`)
NOTE_MARKS = "¹²³⁴⁵⁶⁷⁸⁹"
#: A part of a note this many rows give is said once, under the table
NOTE_SHARED_BY = 3


def _shared_notes(rows: list[dict[str, Text]], markers: list[str]) -> dict[str, str]:
    """Parts of the Note cells ('; ' between them) that NOTE_SHARED_BY rows or more give, each
    put under the table once with a mark, the mark left in their cells (educator QA: Mayo's
    'interval for age 18 and over' filled every row); a part that names its row's marker ('the
    range for IL-6 depends on age') counts without it (educator QA round 7: ten rows each
    gave ten lines that differed only in that name); the parts and their marks."""
    parts = [
        [(part, _without_its_marker(part, marker)) for part in _note_parts(cells["Note"].plain)]
        if cells["Note"].plain
        else []
        for cells, marker in zip(rows, markers, strict=True)
    ]
    # in the order met, each row's once (review: a set's order made the marks differ by run)
    counts = Counter(said for row in parts for said in dict.fromkeys(said for _, said in row))
    often = [said for said, count in counts.items() if count >= NOTE_SHARED_BY]
    shared = dict(zip(often, NOTE_MARKS, strict=False))
    if not shared:
        return {}
    for cells, row in zip(rows, parts, strict=True):
        kept = "; ".join(part for part, said in row if said not in shared)
        # in order and apart: '²¹' after 'upper limit' read as the power 21, '³²¹' as a number
        # (educator QA round 11)
        marks = ",".join(
            sorted({shared[said] for _, said in row if said in shared}, key=NOTE_MARKS.index)
        )
        # the mark right after the last word, as in print: never a line of its own (review)
        cells["Note"] = Text(f"{kept}{marks}")
    return shared


#: How a note's quote of the lab's comment begins, at its end (`models.LAB_COMMENT_SAID`)
LAB_COMMENT_STARTS = LAB_COMMENT_SAID.partition("'")[0]


def _note_parts(note: str) -> list[str]:
    """A note's parts ('; ' between them), the lab's comment whole, its own '; ' too: it
    comes last (review: 'Hemolysed; repeat testing …' was said as two parts, one a caption)."""
    head, found, comment = note.partition(LAB_COMMENT_STARTS)
    parts = head.removesuffix("; ").split("; ") if head else []
    return [*parts, found + comment] if found else parts


def _without_its_marker(part: str, marker: str) -> str:
    """A note's part without ' for <its row's marker>', but never inside the words it quotes
    (a lab's comment, an instrument's alarm, a name as written; review: 'Repeat testing
    advised for IL-6' was misquoted as shared)."""
    if part.startswith(LAB_COMMENT_STARTS):  # the lab's words, whatever their apostrophes
        return part
    said, kept = [], 0
    for quoted in _QUOTED.finditer(part):
        said += [part[kept : quoted.start()].replace(f" for {marker}", ""), quoted[0]]
        kept = quoted.end()
    return "".join([*said, part[kept:].replace(f" for {marker}", "")])


#: Words a note quotes: 'Hemolysed' (an apostrophe in a word, "lab's", opens none)
_QUOTED = re.compile(r"(?<!\w)'[^']*'(?!\w)")


#: The Note column's least width: narrower, "more than 400 × upper limit" is a word a line.
NOTE_MIN_WIDTH = 16
#: Columns a narrow terminal drops, a step at a time, before it lists results as paragraphs.
PANEL_NARROWER = (
    frozenset({"Flag"}),
    frozenset({"Flag", "Gauge"}),
    frozenset({"Flag", "Gauge", "Unit"}),
)


def range_origin(reference: ReferenceUsed) -> str | None:
    """Where a result's range and critical limits come from, where not all from the set, as
    its note starts ('range and critical limit from the file'; review: a set's critical limit
    beside the lab's was said to be the file's)."""
    lab, theirs = critical_limits_of(reference, "file"), critical_limits_of(reference, "set")
    if reference.origin != "file" or has_no_range(reference):  # or critical limits alone
        return f"{lab} from the file" if lab else None
    joined = JOINED_WORDS in (reference.source or "")
    if lab and not joined:
        said = f"range and {lab} from the file"
    else:
        said = "range from the file and the set" if joined else "range from the file"
        if lab:
            said += f"; {lab} from the file"
    if theirs:
        said += f"; {theirs} from the set"
    return said


def result_cells(result: Result, gauge_width: int | None) -> dict[str, Text]:
    """A result's cells by column name (no gauge drawn where `gauge_width` is None)."""
    note = result.note or ""
    comment = result.doubt.lab_comment if result.doubt is not None else None
    if comment and len(comment) > COMMENT_SHOWN:
        start = LAB_COMMENT_SAID.format(shorten(comment, COMMENT_SHOWN))
        own = result.own_note
        note = f"{own}; " * bool(own) + f"{start} (in full with --format json or csv)"
    past = past_limit_note(result)
    if past is not None:
        note = past + (f"; {note}" if note else "")
    marked = lab_mark_note(result)
    if marked is not None:
        note = marked + (f"; {note}" if note else "")
    said = range_origin(result.reference) if result.reference else None
    if said == "range from the file" and note.endswith(LAB_RANGE_USED):
        said = None  # the note says it (educator QA round 21: said twice)
    if said:
        note = said + (f"; {note}" if note else "")
    return {
        "Marker": inert(result.marker),
        "Value": value_text(result),
        # as the summary says it: 'µg/L' beside 'ug/L' read as two units (QA)
        "Unit": inert(unit_as_read(result.unit or "")),
        # the unit is the Unit column's: '≤ 7 pg/mL, critical ≥ 100' is '≤ 7, critical ≥ 100'
        "Range": inert(
            result.reference.text.replace(f" {result.unit}", "") if result.reference else ""
        ),
        "Status": status_text(result),
        "Flag": Text(" ".join(result.flags)),
        "Gauge": Text("") if gauge_width is None else gauge_text(result, gauge_width),
        "Note": inert(note),
    }


class Fit(NamedTuple):
    """How far a table must be narrowed to fit (`fit`): `level` 0 for the whole table, i for
    `narrower[i - 1]` left out, None where none fits; `whole` is the whole table, drawn."""

    level: int | None
    whole: Table


def fit(
    console: Console,
    build: Callable[[frozenset[str]], Table],
    narrower: Sequence[frozenset[str]],
    joined: Mapping[str, str] | None = None,
) -> Fit:
    """The widest form of `build`'s table that fits the console without cutting a cell: with
    no column left out, then each of `narrower`'s sets (a column in `joined` goes into the one
    it names)."""
    table = _holding_no_wrap(console, spelled_for(console, build(frozenset())))
    # What each column needs (measured once, on the widest table): a no_wrap one its longest
    # cell, another its longest word or its least width.
    need = {
        str(column.header): max(
            column.min_width or 0, console.measure(Group(column.header, *column.cells)).minimum
        )
        for column in table.columns
    }
    for level, leave_out in enumerate((frozenset(), *narrower)):
        widths = dict(need)
        for name in leave_out:
            width = widths.pop(name, 0)
            if joined and name in joined:
                widths[joined[name]] += 1 + width  # 'IL-6 | 12 | pg/mL' as '12 pg/mL'
        # each column has a space either side and a line on its left, and one line ends a row
        if sum(widths.values()) + 3 * len(widths) + 1 <= console.width:
            return Fit(level, table)
    return Fit(None, table)


def drawn_at(
    console: Console,
    build: Callable[[frozenset[str]], Table],
    narrower: Sequence[frozenset[str]],
    rows: Callable[[], RenderableType],
    found: Fit,
    level: int | None,
) -> RenderableType:
    """The table at `level` (see `Fit`; at least as narrow as `found.level`, so it fits),
    or `rows()`, each row as a short paragraph, where `level` is None."""
    if level is None:
        return rows()
    table = found.whole
    if level:
        table = _holding_no_wrap(console, spelled_for(console, build(narrower[level - 1])))
    return _shared_out(console, table)


def fitted(
    console: Console,
    build: Callable[[frozenset[str]], Table],
    narrower: Sequence[frozenset[str]],
    rows: Callable[[], RenderableType],
    joined: Mapping[str, str] | None = None,
) -> RenderableType:
    """The widest table that fits the console without cutting a cell (`fit`); where none
    fits, `rows()`: each row as a short paragraph."""
    found = fit(console, build, narrower, joined)
    return drawn_at(console, build, narrower, rows, found, found.level)


def narrowest(levels: Iterable[int | None]) -> int | None:
    """The level (see `Fit`) at which every one of some tables fits: the narrowest needed."""
    found: int | None = 0
    for level in levels:
        if level is None:
            return None
        found = max(level, found or 0)
    return found


def _shared_out(console: Console, table: Table) -> Table:
    """Give the columns that wrap the width the others leave, each at least its longest word:
    rich stops narrowing such columns once they are equally wide, then cuts every column
    (QA: the trend table's right edge was cut off at 70 columns). The columns that want
    least more get all of it first, so that as few cells as may be wrap (review: shared in
    proportion, a column given more than its cells need left the others' cells wrapped)."""
    wrapping = [column for column in table.columns if not column.no_wrap]
    if len(wrapping) < 2:
        return table
    # a header's words may wrap ('Reference' over 'range'): its cells' lines are what it wants
    most = {id(c): console.measure(Group(*c.cells)).maximum for c in wrapping}
    whole = {id(c): console.measure(Group(c.header, *c.cells)) for c in wrapping}
    least = {id(c): max(whole[id(c)].minimum, c.min_width or 0, 1) for c in wrapping}
    fixed = sum(column.min_width or 0 for column in table.columns if column.no_wrap)
    room = console.width - fixed - 3 * len(table.columns) - 1
    natural = sum(size.maximum for size in whole.values())
    if natural <= room:  # rich lays it out unwrapped (a table measures no wider than the
        return table  # console: its columns are summed)
    left = room - sum(least.values())
    wants = {key: max(most[key] - least[key], 0) for key in least}
    widths = dict(least)
    for place, key in enumerate(sorted(wants, key=wants.__getitem__)):
        given = min(wants[key], left // (len(wants) - place))
        widths[key] += given
        left -= given
    for column in wrapping:
        column.width = widths[id(column)]
    return table


def _holding_no_wrap(console: Console, table: Table) -> Table:
    """Give a no_wrap column its longest cell as least width, so that rich never cuts it."""
    for column in table.columns:
        if column.no_wrap:
            cells = [column.header, *column.cells]
            column.min_width = max(console.measure(cell).maximum for cell in cells)
    return table


def panel_paragraphs(panel: Panel) -> Hanging:
    """A panel for a very narrow terminal: a title, then a few lines per result."""
    text = panel_title(panel) + Text("\n")
    for result in panel.results:
        cells = result_cells(result, None)
        text.append_text(Text("• ") + cells["Marker"] + Text(": ") + cells["Status"])
        # a value with no number ('ND') has no unit: the range has (educator QA: 'ND pg/mL')
        numbered = result.value is not None
        text.append_text(Text("\n  ") + value_text(result, with_unit=numbered))
        if cells["Range"]:
            # 'no range; critical ≥ 500' says its own word (QA: 'range no range')
            ranged = not cells["Range"].plain.startswith("no range")
            unit = (
                f" {unit_as_read(result.unit)}" if ranged and not numbered and result.unit else ""
            )
            said = " · range " if ranged else " · "
            text.append_text(Text(said) + cells["Range"] + Text(unit))
        if cells["Note"]:
            text.append_text(Text("\n  ") + cells["Note"])
        text.append("\n")
    return Hanging(text)


class Hanging:
    """Lines (of one Text) whose wrapped parts hang under their words: a line's '• ' or
    indent is the rest's (QA: a result's long note wrapped back to the screen's edge)."""

    def __init__(self, text: Text) -> None:
        self.lines = text.split("\n", allow_blank=True)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((line.cell_len for line in self.lines), default=0)
        return Measurement(min(12, widest), widest).clamp(max_width=options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines:
            plain = line.plain
            lead = len(plain) - len(plain.lstrip(" •"))
            if not lead:
                yield line
                continue
            prefix, rest = line.divide([lead]) if lead < len(plain) else (line, Text())
            yield from _hung(console, prefix, rest, options.max_width)


TREND_LOOK = {
    "rising": ("↗", "rising", "red"),
    "falling": ("↘", "falling", "green"),
    "steady": ("→", "steady", ""),
    "rose then fell": ("↗↘", "rose, then fell", "yellow"),
    "fell then rose": ("↘↗", "fell, then rose", "yellow"),
    "up and down": ("↕", "up and down", "yellow"),
    "unclear": ("?", "cannot tell", ""),
}


def _point(value: float | None, comparator: str | None, written: str | None = None) -> str:
    """A trend's result in a few words, its number with the decimals the lab wrote."""
    if value is None:  # no number: 'ND' is below detection, 'OOR >' above what is measured
        if comparator in ("<", "<="):
            return "below detection"
        # (trends QA round 17: 'OOR >' was '?', as if unknown)
        return "too high to measure" if comparator in (">", ">=") else "?"
    number = (written and as_written(written, value)) or number_text(value)
    return f"{SIGN.get(comparator or '', comparator or '')}{number}"


def trend_table(trend: PatientTrend, leave_out: frozenset[str] = frozenset()) -> Table:
    """One row per marker: sparkline, first → last, highest, and the direction in words;
    `leave_out` names columns a narrow terminal drops."""
    table = Table()  # its title above it, as a panel's (`untabled_trend_title`)
    columns = ["Marker", "Trend", "First → last", "Highest", "Reference range", "Change"]
    kept = [name for name in columns if name not in leave_out]
    rows = [trend_cells(marker, trend.dates) for marker in trend.markers]
    for name in kept:
        # The words of the last three may wrap: at 80 columns the trend bars kept their
        # place only so (QA: the serial demo lost them, its narration pointing at them);
        # never inside a word ('2026-07-' over '03').
        wraps = name in ("Highest", "Reference range", "Change")
        longest = max((len(word) for row in rows for word in row[name].plain.split()), default=0)
        table.add_column(
            name, no_wrap=not wraps, overflow="fold", min_width=longest if wraps else None
        )
    for cells in rows:
        table.add_row(*(cells[name] for name in kept))
    return table


#: The trend table's columns a narrow terminal drops, a step at a time.
TREND_NARROWER = (frozenset({"Trend"}),)  # then paragraphs: they keep the highest value


def trend_title(trend: PatientTrend) -> Text:
    if not trend.dates:  # only a note of the patient's id: its sentences say it
        return inert(f"Changes over time · patient {trend.patient_id}")
    first, last = readable_date(trend.dates[0]), readable_date(trend.dates[-1])
    if len(trend.dates) == 1:  # the others cannot be read: its sentences say so
        dates = f"only one date can be read, {first}"
    else:
        dates = f"{dates_said(trend.dates)}, {first} to {last}"
    return inert(f"Changes over time · patient {trend.patient_id} · {dates}")


def untabled_trend_title(trend: PatientTrend) -> Text:
    """The title of a patient's trend, above its table (or alone where no marker has one:
    its sentences say why)."""
    title = trend_title(trend)
    title.stylize("table.title")
    return title


def _date_values(points: list[TrendPoint]) -> str:
    """The different results of one date, '12 / 1': their order is not known, so none is
    picked as the first or the last."""
    said = dict.fromkeys(_point(p.value, p.comparator, p.written) for p in points)
    return " / ".join(said)


def _too_high_to_measure(points: Sequence[TrendPoint]) -> str:
    """The Highest cell where no number is the highest: the date of the results too high to
    measure ('OOR >'), above every number, where they are of one date (trends QA round 17: it
    was '-'); else '-'."""
    above = {p.trend_date for p in points if p.value is None and p.comparator in (">", ">=")}
    # not beside a '>5000', which may be higher still (third review)
    limits = any(p.value is not None and p.comparator in (">", ">=") for p in points)
    return f"too high to measure on {above.pop()}" if len(above) == 1 and not limits else "-"


def trend_cells(marker: MarkerTrend, patient_dates: Sequence[str] = ()) -> dict[str, Text]:
    """A marker's trend cells by column name; its sparkline has a block for each of the
    `patient_dates` (a gap where the marker was not tested)."""
    dates = by_date(marker.points)
    first, last = dates[0], dates[-1]
    unit = f" {unit_as_read(marker.unit)}" if marker.unit else ""  # 'µg/L', as results have it
    reference = marker.reference or ""
    if marker.unit and reference.endswith(f" {marker.unit}"):
        reference = reference.removesuffix(f" {marker.unit}") + unit
    highest = marker.highest
    # The unit goes after the last number: 'ND → 5 pg/mL', '5 pg/mL → ND', none for 'ND → ND'.
    numbered = any(p.value is not None for p in last)
    first_unit = "" if numbered or all(p.value is None for p in first) else unit
    icon, word, style = TREND_LOOK[marker.direction]
    # One block a date, a gap where the trend cannot place a result; measured against every
    # result placed, a gap's too (QA: a date's 30 left blank, 5 was drawn as the highest).
    placed_all = [v for v in placed(marker.points) if v is not None]
    return {
        "Marker": inert(marker.marker),
        "Trend": Text(sparkline(placed_by_date(marker.points, patient_dates), placed_all)),
        "First → last": inert(
            f"{_date_values(first)}{first_unit} → {_date_values(last)}{unit if numbered else ''}"
        ),
        "Highest": inert(
            # with its unit, as every other number of the row (educator QA round 20: '48 on …'
            # beside CRP in mg/L and IL-6 in pg/mL)
            f"{_point(highest.value, highest.comparator, highest.written)}"
            f"{unit if highest.value is not None else ''} on {highest.trend_date}"
            if highest
            else _too_high_to_measure(marker.points)
        ),
        "Reference range": inert(reference),
        "Change": Text(f"{icon} {word}", style=style),
    }


def trend_paragraphs(trend: PatientTrend) -> Hanging:
    """A trend for a very narrow terminal: a title, then a few lines per marker."""
    text = trend_title(trend) + Text("\n")
    for marker in trend.markers:
        cells = trend_cells(marker)
        text.append_text(Text("• ") + cells["Marker"] + Text(": ") + cells["Change"])
        text.append_text(Text("\n  ") + cells["First → last"])
        if marker.reference:
            text.append_text(Text(" · range ") + cells["Reference range"])
        if marker.highest:
            text.append_text(Text("\n  highest ") + cells["Highest"])
        text.append("\n")
    return Hanging(text)


_NEW_LINE = Segment.line()


def _hung(console: Console, first: Text, rest: Text, width: int) -> Iterator[Segment]:
    """`first` ('• ', an indent), then `rest` wrapped to `width` with its later lines under
    its first word, as segments: a Text yielded would be wrapped again by rich (+0.5% of a
    13-marker panel's run)."""
    indent = first.cell_len
    for number, part in enumerate(rest.wrap(console, max(width - indent, 10))):
        part.rstrip()
        yield from ((Text(" " * indent) if number else first.copy()) + part).render(console)
        yield _NEW_LINE


class Bullets:
    """Sentences as bullets whose wrapped lines hang under the first word (educator QA: a
    wrapped line started under the bullet, and the list read as one block), then a blank line
    (`blank_after`)."""

    def __init__(
        self, sentences: Sequence[str | Text], mark: Text | None = None, blank_after: bool = True
    ) -> None:
        self.sentences = [inert(s) if isinstance(s, str) else s for s in sentences]
        self.mark = Text("• ") if mark is None else mark
        self.blank_after = blank_after

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        indent = self.mark.cell_len
        widest = max((sentence.cell_len for sentence in self.sentences), default=0) + indent
        return Measurement(min(12, widest), widest).clamp(max_width=options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for sentence in self.sentences:
            yield from _hung(console, self.mark, sentence, options.max_width)
        if self.blank_after:
            yield _NEW_LINE


def summary_block(panel: Panel, said: set[str] | None = None) -> Bullets:
    """A panel's summary sentences; a long one said in full for an earlier sample of the
    report (`said`) only up to its first sentence (educator QA rounds 11 and 12: the hint of a
    bundled set for CRP was repeated, four lines, under every sample)."""
    if said is None:
        return Bullets(panel.summary.text)
    return Bullets(
        _said_once(panel.summary.text, said, ". ", " (as said above).", LONG_SAID_AGAIN, SAID_ONCE)
    )


def _said_once(
    texts: Iterable[str],
    said: set[str],
    cut: str,
    again: str,
    longer_than: int = 0,
    however_short: frozenset[str] = frozenset(),
) -> list[str]:
    """Each text as it is the first time it is said (`said` holds those said); said again,
    one longer than `longer_than` (or in `however_short`) only up to its first `cut` ('. ',
    '; '), then `again`."""
    kept = []
    for text in texts:
        if text in said and (len(text) > longer_than or text in however_short) and cut in text:
            kept.append(text.split(cut, 1)[0] + again)
        else:
            said.add(text)
            kept.append(text)
    return kept


#: How long a summary sentence is before it is shortened where an earlier sample's said it
LONG_SAID_AGAIN = 160
#: ... and sentences shortened so whatever their length (second review: a file of 100
#: children's samples said the whole of the child sentence 100 times)
SAID_ONCE = frozenset({CHILD_RANGE_SENTENCE})


def issue_line(issue: Issue) -> Text:
    where = [describe_source(issue.source)]  # QA: '-, line 9' under 'from standard input'
    # 'line 4: line 4 is another header' says it twice: the message names it already.
    if issue.line is not None and not issue.message.startswith(f"line {issue.line} "):
        where.append(f"line {issue.line}")
    if issue.column:
        where.append(f"column '{issue.column}'")
    where.extend(row_named(issue))
    return inert(f"{', '.join(where)}: {issue.message} [{issue.code}]")


#: The pictures a table can hold, by the column that holds them.
PICTURES = {"Gauge": "gauges", "Trend": "trend bars"}

#: Under tables with a Flag column: its HL7 codes mean nothing to a lay reader (educator QA).
# QA: '(lab codes)' read as the lab's own flags, where the lab had written another
_FLAGS_READ = (
    "How to read the flags (panelcli's, in the codes labs use): N is normal, L is low and H is "
    "high."
)
_CRITICAL_READ = "LL and HH are critically low and high."
_AA_READ = "AA is critical, on either side (its note says why)."
_IND_READ = "IND means it cannot be judged."
_SIDE_READ = "< or > means the value is below or above the number shown."
FLAG_LEGEND = f"{_FLAGS_READ} {_CRITICAL_READ} {_IND_READ} {_SIDE_READ}"


def flag_legend(results: Iterable[Result]) -> str:
    """`FLAG_LEGEND` with only the flags `results` show (educator QA round 7: LL, HH and IND
    were explained under a table of N and H)."""
    flags = {flag for result in results for flag in (*result.flags, result.flag) if flag}
    return " ".join([
        _FLAGS_READ,
        *([_CRITICAL_READ] if flags & SIDED_CRITICAL_FLAGS else []),
        *([_AA_READ] if "AA" in flags else []),
        *([_IND_READ] if "IND" in flags else []),
        *([_SIDE_READ] if flags & {"<", ">"} else []),
    ])  # fmt: skip


#: Where no Flag column (nor its legend) is, and a result could not be judged: the word
#: 'indeterminate' was left unexplained at 80 columns (educator QA).
INDETERMINATE_LEGEND = "Indeterminate means panelcli cannot judge the result. Its note says why."


def render_table(
    report: Report, console: Console, intro: Callable[[frozenset[str]], None] | None = None
) -> None:
    """Print the whole report for a person at a terminal (an overview past MAX_TABLE_RESULTS).

    `intro` is called first with the pictures the tables will show (see PICTURES): on a
    narrow terminal a column of them is left out, and a text about them would point at nothing.
    """
    totals = report.totals
    if needs_overview(totals.results, totals.rejected + totals.warnings):
        if intro is not None:
            intro(frozenset())
        render_overview(overview_of(report), console)
        return
    width = gauge_width(console.width)
    # Every sample's table in one form, the narrowest that one of them needs (QA: at 60
    # columns one sample was a table with gauges, the next one without, a third paragraphs)
    builds = [partial(panel_table, panel, width) for panel in report.panels]
    fits = [
        fit(console, build, PANEL_NARROWER, {"Unit": "Value"}) if panel.results else None
        for panel, build in zip(report.panels, builds, strict=True)
    ]
    level = narrowest(found.level for found in fits if found is not None)
    panels = [
        drawn_at(console, build, PANEL_NARROWER, partial(panel_paragraphs, panel), found, level)
        if found is not None
        else untabled_title(panel)  # none of its rows could be used: an empty table says less
        for panel, build, found in zip(report.panels, builds, fits, strict=True)
    ]
    trends = [
        fitted(
            console, partial(trend_table, trend), TREND_NARROWER, partial(trend_paragraphs, trend)
        )
        if trend.markers
        else untabled_trend_title(trend)
        for trend in report.trends
    ]
    shown = _pictures_in([*panels, *trends])
    if intro is not None:
        intro(shown)
    _synthetic(console, report.synthetic_sources)
    said: set[str] = set()
    for panel, drawn in zip(report.panels, panels, strict=True):
        if isinstance(drawn, Table):
            console.print(untabled_title(panel))
        console.print(drawn)
        console.print(summary_block(panel, said))
    every = [result for panel in report.panels for result in panel.results]
    flags = _has_column(panels, "Flag")  # a narrow one has no Flag
    legends = [
        # QA: not under tables without gauges; of the gauges as drawn, not drawn again
        *([gauge_legend(_cells_of(panels, "Gauge"))] if "gauges" in shown else []),
        *([flag_legend(every)] if flags else []),
    ]
    if not flags and any(
        result.status is Status.INDETERMINATE for panel in report.panels for result in panel.results
    ):
        legends.append(INDETERMINATE_LEGEND)
    for legend in legends:
        console.print(Text(legend, style="dim"))
    if legends:  # the bullets end with a blank line: a second where no legend is (QA)
        console.print()
    for trend, drawn in zip(report.trends, trends, strict=True):
        if isinstance(drawn, Table):
            console.print(untabled_trend_title(trend))
        console.print(drawn)
        console.print(Bullets(trend.text))
    failed = sum(issue.code == RUN_QC_FAILED for issue in report.rejected)
    _rejections(console, report.rejected, report.totals.rejected, failed, report.wide_sources)
    _problems(console, report.warnings, report.totals.warnings, "Warnings")
    _sentences(console, report_sentences(report.rejected, report.wide_sources))
    _ranges_sentence(console, report)
    _closing(console, report.reference_set, report.notice)


def _whose(ref: ReferenceSetInfo) -> str:
    """Whose ranges a set holds, in words: a bundled set's description, or a set of yours by
    its name (review: a copy of ARUP's set, edited, was called ARUP's)."""
    if is_bundled(Path(ref.path)):
        # its own sentence after the set's long name (educator QA round 17: grade 13)
        return f"the ranges of {ref.description or ref.name}. They may not be your lab's"
    return f"the ranges of your set '{ref.name}'"


def _ranges_sentence(console: Console, report: Report) -> None:
    """Say once that ranges differ between labs, and whose ranges judged the results where
    the set's did (educator QA: an IL-6 high by ARUP's range, inside Mayo's and LabCorp's, was
    '2.4 times the upper limit' with no word that another lab's range may differ)."""
    origins = {
        result.reference.origin
        for panel in report.panels
        for result in panel.results
        if result.reference is not None
    }
    if "set" not in origins:
        return  # each result by the lab's own range in the file, or none
    ref = report.reference_set
    where = "Where the file gave no range of the lab's own, the" if "file" in origins else "The"
    console.print(
        inert(
            "A reference range is the span of values most healthy people have, and ranges "
            f"differ between labs. {where} results were compared with {_whose(ref)}. Ask which "
            "range applies to your test."
        )
    )
    console.print()


def _cells_of(drawn: Sequence[RenderableType], header: str) -> list[str]:
    """The text of every cell of a column among the tables `drawn`."""
    return [
        str(cell)
        for table in drawn
        if isinstance(table, Table)
        for column in table.columns
        if str(column.header) == header
        for cell in column.cells
    ]


def _has_column(drawn: Sequence[RenderableType], header: str) -> bool:
    """Whether a table among `drawn` has the column (a narrow terminal may leave it out)."""
    return any(
        str(column.header) == header
        for table in drawn
        if isinstance(table, Table)
        for column in table.columns
    )


def _pictures_in(drawn: Sequence[RenderableType]) -> frozenset[str]:
    """The pictures (PICTURES) that the tables among `drawn` show in at least one cell."""
    return frozenset(
        PICTURES[str(column.header)]
        for table in drawn
        if isinstance(table, Table)
        for column in table.columns
        if str(column.header) in PICTURES and any(str(cell).strip() for cell in column.cells)
    )


def _rejections(
    console: Console, rejected: list[Issue], total: int, failed: int, wide: Collection[str]
) -> None:
    """The rejections listed: a run that failed its quality control (`failed` of `total`)
    first, apart, as it refused no row (lab QA round 18), then the rows and values."""
    said = [issue for issue in rejected if issue.code == RUN_QC_FAILED]
    _problems(console, said, failed, "About the whole run", error=True)
    rows = [issue for issue in rejected if issue.code != RUN_QC_FAILED]
    _problems(console, rows, total - failed, _rejected_heading(rows, wide), error=True)


def _rejected_heading(rejected: list[Issue], wide: Collection[str]) -> str:
    """'Rows that could not be used', 'Values …' where they are cells of rows of a file with a
    column per marker (`wide`), 'Values and rows …' where both are, '… and files' where a file
    is among them (it is no row)."""
    values = len(rejected_values(rejected, wide))
    files = sum(issue.code == UNREADABLE for issue in rejected)
    kinds = ["values"] if values else []
    if len(rejected) > values + files or not kinds:
        kinds.append("rows")
    if files:
        kinds.append("files")
    return f"{join_names(kinds).capitalize()} that could not be used"


def render_overview(overview: Overview, console: Console) -> None:
    """A big run: one line per sample (flagged samples first), counts, the first problems."""
    totals = overview.totals
    shown = overview.panels
    groups = [
        words
        for words, count in (
            ("samples with a critical result", overview.critical_samples),
            ("samples with one that may be critical", overview.maybe_critical_samples),
        )
        if count
    ]
    rest = [
        *(g.replace("samples", "those", 1) for g in groups[1:]),
        "those with results outside the range",
    ]
    first = (
        f" ({groups[0]} first, then {', then '.join(rest)})"
        if groups
        else " (samples with results outside the range first)"
    )
    # (now also shown for few results among many issues: '1 result')
    results = f"{totals.results:,} result{'' if totals.results == 1 else 's'}"
    title = f"{results} in {overview.samples:,} sample{'' if overview.samples == 1 else 's'}" + (
        first if overview.samples > len(shown) else ""
    )
    rows = [digest_cells(panel) for panel in shown]

    def table(leave_out: frozenset[str]) -> Table:
        table = Table(title=title, title_justify="left")
        kept = [name for name in rows[0] if name not in leave_out] if rows else []
        for name in kept:
            table.add_column(name, no_wrap=name != "Outside the range", overflow="fold")
        for cells in rows:
            table.add_row(*(cells[name] for name in kept))
        return table

    def paragraphs() -> Group:
        lines: list[RenderableType] = [Text(title)]
        named = ["Sample", "Patient", "Collected"]
        if len({panel.source for panel in shown}) > 1:
            named.append("Source")
        for cells in rows:
            lines.append(Text("• ") + Text(" · ").join(_text(cells[name]) for name in named))
            outside = cells["Outside the range"]
            said = Text(f"  {cells['Measured']} measured; outside the range:")
            # the marks wrap whole here too (QA: 'IL-6 ▲' on one line and 'high' on the next)
            marks = outside.marks if isinstance(outside, Marks) else [outside]
            lines.append(Marks([said, *marks], indent="  "))
        return Group(*lines)

    # The source may go only where every sample shown is from one file.
    narrower = [frozenset({"Source"})] if len({panel.source for panel in shown}) == 1 else []
    _synthetic(console, overview.synthetic_sources)
    console.print(fitted(console, table, narrower, paragraphs))
    from panelcli.check import overview_counts

    # the listed samples of each kind, by the rules the overview counts them by
    kinds_listed = overview_counts(shown, **DIGEST_KINDS)
    hidden = overview.samples - len(shown)
    if hidden:
        console.print(Text(_hidden_samples(overview, hidden)))
    counts = [
        f"{totals.by_status.get(status.value, 0):,} {STATUS_LOOK[status][1]}"
        for status in Status
        if totals.by_status.get(status.value, 0)
    ]
    # the two statuses a reader cannot guess, in words (QA: the overview has no legend)
    legend = [
        words for status, words in _OVERVIEW_LEGEND.items() if totals.by_status.get(status.value)
    ]
    in_all = "In all: " + ", ".join(counts) + "." if counts else "No results."
    console.print(Text(" ".join([in_all, *legend])))
    if overview.critical_samples:
        critical = _critical_samples(overview.critical_samples, kinds_listed["critical_samples"])
        console.print(Text(critical, style="bold red"))
    if overview.maybe_critical_samples:
        maybe = _maybe_critical_samples(overview, kinds_listed["maybe_critical_samples"])
        console.print(Text(maybe, style="bold red"))
    if overview.patients_followed:
        console.print(Text(_patients_followed(overview.patients_followed, overview)))
    again = _same_set(overview.reference_set)
    many = (
        f"more than {MAX_TABLE_RESULTS:,} results"
        if totals.results > MAX_TABLE_RESULTS
        else f"more than {MAX_TABLE_ISSUES:,} rows that could not be used and warnings"
    )
    console.print(
        Text(
            f"That is {many}, so one line per sample is shown instead of every result. To get "
            "every result, run it again with --format ndjson or --format csv (for example: "
            f"panelcli check FILE{again} --format csv -o results.csv, with any other options "
            "you gave).",
            style="bold",
        )
    )
    console.print()
    failed = overview.rejected_reasons.get(RUN_QC_FAILED, 0)
    _rejections(console, overview.rejected, totals.rejected, failed, overview.wide_sources)
    _problems(console, overview.warnings, totals.warnings, "Warnings")
    # rows, as counted
    listed = sum(issue.code not in (UNREADABLE, RUN_QC_FAILED) for issue in overview.rejected)
    values = overview.rejected_values
    _sentences(console, rejected_sentences(overview.rejected_reasons, listed, values))
    _closing(console, overview.reference_set, overview.notice)


def _critical_samples(count: int, shown: int) -> str:
    """The overview's sentence on samples with a critical result (marked ‼ in its table), of
    which `shown` are listed (QA: 'listed first' of 60, where 50 were listed)."""
    if count == 1:
        which, these = "1 sample has a result", "A result like this"
    else:
        which, these = f"{count:,} samples have results", "Results like these"
    listed = "listed first" if shown == count else (
        f"the first {shown:,} listed; --format csv lists every one"
    )  # fmt: skip
    return (
        f"{which} at or past a critical limit (marked ‼, {listed}). {these} should be "
        "talked over with a healthcare provider soon."
    )


def _maybe_critical_samples(overview: Overview, shown: int) -> str:
    """The overview's sentence on samples with a result that may be past a critical limit, of
    which `shown` are listed (QA: they were listed as ordinary highs, or not at all)."""
    count = overview.maybe_critical_samples
    which = "1 sample has a result" if count == 1 else f"{count:,} samples have results"
    these = "A result like this" if count == 1 else "Results like these"
    soon = "" if overview.critical_samples else (
        f" {these} should be talked over with a healthcare provider soon."
    )  # fmt: skip
    where = "first" if not overview.critical_samples else "next"
    # review: 'listed first' of 65 where 50 were listed; QA: '0 of them listed next'
    listed = (
        f"listed {where}" if shown == count
        else f"{shown:,} of them listed {where}" if shown
        else "the list is full of critical ones; --format csv lists every one"
    )  # fmt: skip
    if any(digest.lab_critical for digest in overview.panels):  # QA: said of normal ones
        return (
            f"{which} that may be past a critical limit, or that the lab marked critical "
            f"({_MAYBE_MARK}, {_LAB_MARK}; {listed}).{soon}"
        )
    return f"{which} that may be past a critical limit ({_MAYBE_MARK}, {listed}).{soon}"


#: How the overview marks a result that may be past a critical limit, and one the lab marked
#: critical where panelcli's range does not find it so
_MAYBE_MARK = "may be critical"
_LAB_MARK = "lab: critical"


def _mark_of(panel: PanelDigest, marker: str) -> str:
    return _LAB_MARK if marker in panel.lab_critical else _MAYBE_MARK


def _patients_followed(count: int, overview: Overview) -> str:
    """The overview's sentence on the changes over time it leaves out (QA: past 1,000 results
    they were gone without a word)."""
    which = "1 patient has" if count == 1 else f"{count:,} patients have"
    return (
        f"{which} samples from different dates. How results changed over time is not shown "
        "here; --format json shows it (for example: panelcli check FILE"
        f"{_same_set(overview.reference_set)} --format json -o report.json, with any other "
        "options you gave)."  # review: '--assume-unit' left out, every row was refused
    )


def _same_set(reference_set: ReferenceSetInfo) -> str:
    """' --ranges SET' for a command the overview suggests, where the set is not the default
    (QA: the suggested command judged by another set, and found no critical result)."""
    bundled = is_bundled(Path(reference_set.path))
    if reference_set.name == DEFAULT_SET and bundled:
        return ""
    name = reference_set.name if bundled else reference_set.path
    return f" --ranges {shlex.quote(name)}"  # review: a path with a space


#: What the overview's counts of these statuses mean
_OVERVIEW_LEGEND = {
    Status.INDETERMINATE: "Indeterminate ones could not be judged; --format csv gives each reason.",
    Status.NO_REFERENCE: "No reference means the set has no range for that marker, or none "
    "for that person.",
}


def _hidden_samples(overview: Overview, hidden: int) -> str:
    """'… and 190 more samples (none of them with results outside the range).', with how
    many of them have no result that could be used, if any (QA: they were lost there)."""
    from panelcli.check import overview_counts

    # what the list leaves out: each count less the listed samples', by the same rules
    listed = overview_counts(overview.panels, **DIGEST_KINDS)
    left = {name: getattr(overview, name) - count for name, count in listed.items()}
    flagged, critical = left["flagged_samples"], left["critical_samples"]
    unusable, unjudged = left["unusable_samples"], left["unjudged_samples"]
    not_given = left["not_given_samples"]
    maybe, maybe_flagged = left["maybe_critical_samples"], left["maybe_critical_flagged"]
    if hidden == 1:
        said = (
            "with a critical result" if critical
            else "with a result that may be critical" if maybe
            else "with results outside the range" if flagged
            else "with no result that could be used" if unusable
            else "with no result from the lab" if not_given
            else f"with {_UNJUDGED_WORDS}" if unjudged
            else "with no result outside the range"
        )  # fmt: skip
        return f"… and 1 more sample ({said})."
    parts = [f"{f'{flagged:,}' if flagged else 'none'} of them with results outside the range"]
    if critical:  # only past OVERVIEW_PANELS critical samples: all of them come first
        parts[0] += f", {critical:,} of those critical"
    if maybe_flagged:  # review: they read as ordinary highs here
        parts[0] += f", {maybe_flagged:,} of those with a result that may be critical"
    if maybe - maybe_flagged:  # ... or as merely unjudged
        parts.append(f"{_others(maybe - maybe_flagged)} with a result that may be critical")
    if unusable:
        parts.append(f"{unusable:,} with no result that could be used")
    if not_given:
        parts.append(f"{not_given:,} with no result from the lab")
    if unjudged:
        # counted apart from those outside the range (QA: '10 …, 10 …' read as 20 samples)
        parts.append(f"{_others(unjudged)} with {_UNJUDGED_WORDS}")
    return f"… and {hidden:,} more samples ({', '.join(parts)})."


def digest_cells(panel: PanelDigest) -> dict[str, Text | Marks]:
    """A sample's line of the overview, by column name."""
    return {
        "Sample": inert(panel.sample_id or "-"),
        "Patient": inert(panel.patient_id or "-"),
        "Collected": inert(panel.collected_at or "-"),
        "Source": inert(describe_source(panel.source)),
        "Measured": Text(f"{panel.measured:,}"),
        # 'none' would read as an all-clear for a sample none of whose rows could be used
        "Outside the range": (
            _outside(panel)
            if panel.measured
            else Marks(
                [Text("no result from the lab" if panel.not_given else "no result could be used")]
            )
        ),
    }


#: The status of a flagged marker in the overview, by its flag (marked as `status_text` does).
_FLAG_STATUS = {
    "L": Status.LOW, "H": Status.HIGH, "LL": Status.CRITICAL, "HH": Status.CRITICAL,
    "AA": Status.CRITICAL,  # (third review of round 20: an AA sample was no critical one here)
}  # fmt: skip


#: A sample's results not judged (indeterminate, no reference), as the overview counts them
#: (QA: 'not compared with a range' hid an indeterminate '2.500', 2.5 or 2500; status audit,
#: QA round 15: 'could not be judged', the words of indeterminate alone, said of no reference)
_UNJUDGED_WORDS = "results that were not judged"


def _others(count: int) -> str:
    """'1 other', '3 others' (QA: '1 others')."""
    return f"{count:,} other" if count == 1 else f"{count:,} others"


def _outside(panel: PanelDigest) -> Marks:
    """'IL-6 ‼▲ critical, sIL-2R ▼ low': each marker outside the range, and which way (QA: a
    critical value looked like any high one, and low like high); then how many results could
    not be compared with a range (QA: such a sample read 'none', as an all-clear does)."""
    marks = _flagged(panel)
    if panel.unjudged:
        marks[-1].append(";")
        marks.append(Text(f"{panel.unjudged:,} not judged", style="magenta"))
    if panel.commented:  # (review: lost here, where a comment may change what a high means)
        marks[-1].append(";")
        marks.append(Text("comment from the lab on ") + inert(", ".join(panel.commented)))
    return Marks(marks)


def _flagged(panel: PanelDigest) -> list[Text]:
    maybe = [m for m in panel.maybe_critical if m not in panel.flagged_markers]  # not judged
    if not panel.flagged_markers and not maybe:
        return [Text("none")]
    parts = []
    for marker, flag in zip(panel.flagged_markers, panel.marker_flags, strict=False):
        part = inert(marker)
        if flag in _FLAG_STATUS:
            icon, word, style = status_look(_FLAG_STATUS[flag], flag)
            part.append(f" {icon} {word}", style=style)
        # not beside a critical one (review: '‼▲ critical (may be critical)')
        if marker in panel.maybe_critical and flag not in CRITICAL_FLAGS:
            part.append(f" ({_mark_of(panel, marker)})", style="bold red")
        parts.append(part)
    for marker in maybe:  # an indeterminate result that may be past a critical limit
        # a lab's critical mark beside a result in the range is no '?' (QA: the full table
        # says it normal, and that the lab marked it critical)
        icon = "" if marker in panel.lab_critical else " ?"
        parts.append(inert(marker) + Text(f"{icon} {_mark_of(panel, marker)}", style="bold red"))
    for part in parts[:-1]:
        part.append(",")
    return parts


def _text(cell: Text | Marks) -> Text:
    return cell.text if isinstance(cell, Marks) else cell


class Marks:
    """Marks in one cell ('IL-8 ▲ high, TNF-α ▲ high') that wrap between marks, never inside
    one (QA: a narrow terminal split 'IL-8 ▲' from 'high')."""

    def __init__(self, marks: list[Text], indent: str = "") -> None:
        self.marks = marks
        self.indent = indent  # before each line after the first
        self.text = Text(" ").join(marks)

    def __str__(self) -> str:
        return str(self.text)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        least = max(mark.cell_len for mark in self.marks)  # a longer one wraps by its words
        return Measurement(least, self.text.cell_len).clamp(max_width=options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        line = Text()
        for mark in self.marks:
            if line and line.cell_len + 1 + mark.cell_len > options.max_width:
                yield line
                line = Text(self.indent)
            line = line + Text(" ") + mark if line.plain.strip() else line + mark
        yield line


#: What kind of sample a digest is, as `listed_in_overview` and `overview_counts` ask
DIGEST_KINDS: dict[str, Callable[[PanelDigest], bool]] = {
    "critical": lambda d: d.critical,
    "maybe_critical": lambda d: bool(d.maybe_critical),
    "flagged": lambda d: bool(d.flagged_markers),
    "measured": lambda d: d.measured > 0,
    "unjudged": lambda d: d.unjudged > 0,
    "not_given": lambda d: d.not_given,
}


def overview_of(report: Report) -> Overview:
    """The overview of a report that is already whole (same digest as a streamed run)."""
    from panelcli.check import (
        OVERVIEW_ISSUES,
        is_summing_up,
        listed_in_overview,
        maybe_critical_event,
        note_flag,
        overview_counts,
        patients_followed,
    )
    from panelcli.summary import lab_marked_critical

    digests = []
    for p in report.panels:
        flags: dict[str, str] = {}
        for result in p.results:
            if result.status in ABNORMAL:
                note_flag(flags, result.marker, result.flag)
        maybe = [r.marker for r in p.results if maybe_critical_event(r)]
        by_lab = [r.marker for r in p.results if lab_marked_critical(r)]
        commented = [r.marker for r in p.results if r.doubt is not None and r.doubt.lab_comment]
        digests.append(
            PanelDigest(
                source=p.source, sample_id=p.sample_id, patient_id=p.patient_id,
                collected_at=p.collected_at, measured=p.summary.measured,
                not_given=p.summary.given_none,
                flagged_markers=list(flags), marker_flags=list(flags.values()),
                unjudged=sum(1 for result in p.results if result.status in UNJUDGED),
                maybe_critical=list(dict.fromkeys(maybe)), lab_critical=list(dict.fromkeys(by_lab)),
                commented=list(dict.fromkeys(commented)),
            )
        )  # fmt: skip
    return Overview(
        reference_set=report.reference_set,
        samples=len(report.panels),
        **overview_counts(digests, **DIGEST_KINDS),
        patients_followed=patients_followed(
            (p.patient_id, p.collected_at, p.source) for p in report.panels if p.results
        ),
        panels=listed_in_overview(digests, **DIGEST_KINDS),
        rejected=report.rejected[:OVERVIEW_ISSUES],
        warnings=report.warnings[:OVERVIEW_ISSUES]
        + [w for w in report.warnings[OVERVIEW_ISSUES:] if is_summing_up(w)],
        rejected_reasons=dict(Counter(issue.code for issue in report.rejected)),
        rejected_values=dict(
            Counter(issue.code for issue in rejected_values(report.rejected, report.wide_sources))
        ),
        totals=report.totals,
        synthetic_sources=report.synthetic_sources,
        wide_sources=report.wide_sources,
        notice=report.notice,
    )


def _problems(
    console: Console, issues: list[Issue], total: int, heading: str, error: bool = False
) -> None:
    """List problems (`error`: rejections); past the ones kept, say how many more and where
    to see them all."""
    if not total:
        return
    console.print(Text(f"{heading} ({total:,}):", style="bold"))
    mark = Text("  ✗ " if error else "  ! ", style="red" if error else "yellow")
    # each problem's wrapped lines under its first word, as the summary's (educator QA)
    console.print(Bullets(_lines_said_once(issues), mark, blank_after=False))
    if total > len(issues):
        console.print(
            Text(f"  … and {total - len(issues):,} more; 'panelcli validate FILE' lists them.")
        )
    console.print()


def _lines_said_once(issues: Iterable[Issue]) -> list[Text]:
    """`issue_line` of each; a message said in full above only up to its first ';' (educator
    QA round 12: a class's file with no units listed one four-line advice 12 times)."""
    issues = list(issues)
    messages = _said_once((issue.message for issue in issues), set(), "; ", " (as above)")
    return [
        issue_line(
            issue if message == issue.message else issue.model_copy(update={"message": message})
        )
        for issue, message in zip(issues, messages, strict=True)
    ]


def _synthetic(console: Console, sources: Sequence[str]) -> None:
    """Say first which files are panelcli's made-up samples (their comments say so)."""
    for source in sources:
        console.print(inert(synthetic_notice(source)))


def _sentences(console: Console, sentences: list[str]) -> None:
    if sentences:
        console.print(Bullets(sentences))


def render_ranges_warnings(console: Console, ref: ReferenceSetInfo) -> None:
    """The set's warnings (`ranges validate`'s), listed under their heading; none: nothing."""
    issues = ranges_issues(ref)
    _problems(console, issues, len(issues), "Warnings about the reference set")


def _closing(console: Console, ref: ReferenceSetInfo, notice: str) -> None:
    # A saved or exported report keeps what is doubtful about a lab's own set, as the other
    # formats do (QA: an --export page showed a unit slip's results with no word of it).
    render_ranges_warnings(console, ref)
    version = f" version {ref.version}" if ref.version else ""
    # a bundled set by that word, not the install's path (educator QA round 7: a teacher's
    # home folder in an --export page to share); a set of yours by its path, to find it
    where = "bundled with panelcli" if is_bundled(Path(ref.path)) else ref.path
    console.print(
        inert(f"Reference set: {ref.name}{version} ({where}, sha256 {ref.sha256[:12]}…)"),
        style="dim",
    )
    console.print(Box(Group(Text(notice)), title="Please note", border_style="blue"))
