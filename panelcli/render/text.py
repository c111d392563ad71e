"""Rich views for `demo`, `explain` and `ranges show`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from panelcli.explain import Explanation
from panelcli.patterns import lazy_pattern
from panelcli.ranges import ReferenceSet, known_category
from panelcli.render.console import inert
from panelcli.samples import Sample
from panelcli.summary import GROUP_ROLE
from panelcli.units import unit_as_read

SYNTHETIC = "All sample panels are synthetic: made up for teaching, not taken from any person."
RANGES_DIFFER = (
    "Ranges differ between labs. Compare a result with the range of the lab that measured it."
)
#: How every explanation, list and set's table ends (educator QA round 11: an explanation and
#: its handout never said it only informs, as every report and demo does)
TALK_WITH_PROVIDER = (
    "This is only here to inform you. It is not a diagnosis. Talk with your healthcare provider "
    "about what a result means for you."
)
STORM_DEMO = "panelcli demo cytokine-storm"
IN_USE = "In use: the set that panelcli check would use to judge a result."
ASSAY_LIMITS = (
    "lod, lloq, uloq: the least the lab's test can detect, and the least and the most it can "
    "measure reliably."
)
NOT_EXPLAINED = "panelcli has no text that explains {marker}, so only its ranges are shown."


def render_sample_list(samples: Sequence[Sample], console: Console) -> None:
    table = Table(title="Sample panels (synthetic)", title_justify="left")
    rows = [(Text(sample.name), Text(f"{sample.title}. {sample.story}")) for sample in samples]
    _words_whole(console, table, ("Name", "What it shows"), rows, prose=1)
    console.print(SYNTHETIC)
    # each command on a line of its own, not broken on a narrow screen (educator QA round 22)
    console.print("Run one with: panelcli demo NAME\nFor example: panelcli demo all-in-range")
    console.print(Text(TALK_WITH_PROVIDER))  # every output ends with it, lists included


def render_story(sample: Sample, console: Console, pictures: frozenset[str]) -> None:
    """The demo's story and what to look for; `pictures`: those the table below shows."""
    console.print(Text(f"{sample.title} (synthetic example)", style="bold"))
    console.print(Text(sample.story))
    if sample.look and (sample.look_at is None or sample.look_at in pictures):
        console.print(Text(sample.look))
    elif sample.look:  # QA: 'Look at the gauges' above a table too narrow to hold them
        console.print(
            Text(f"This window is too narrow for the {sample.look_at} this demo shows: make it "
                 "wider and run it again to see them.")
        )  # fmt: skip
    console.print(Text(SYNTHETIC))
    # by its name, not the install's path (educator QA round 7: a teacher's home folder in an
    # --export page to share, and a path broken over lines on a narrow screen)
    # ... the command on a line of its own (educator QA round 22: at 60 columns '--csv
    # prints it' went to the next line, and a student copied the command without it)
    console.print(
        Text(f"File: {sample.path.name}. Print it with:\npanelcli demo {sample.name} --csv",
             style="dim")
    )  # fmt: skip
    console.print()


#: The other names `explain` shows of a marker before saying how many more it has
OTHER_NAMES_SHOWN = 8


def render_explanations(
    explained: Sequence[Explanation],
    console: Console,
    before_notice: Callable[[Console], None] | None = None,
) -> None:
    """Each marker's explanation, a blank line between, and the notes under the ranges and
    the notice once at the end (QA: two markers gave them twice); `before_notice` draws what
    goes just before it."""
    for number, found in enumerate(explained):
        if number:
            console.print()
        _explained(found, console)
    ranges = [entry for found in explained for entry in found.ranges]
    if ranges:
        if any(entry.in_use for entry in ranges):
            console.print(Text(IN_USE), style="dim")
        if any(entry.assay_limits for entry in ranges):
            console.print(Text(ASSAY_LIMITS), style="dim")
        console.print(Text(RANGES_DIFFER))
    if before_notice is not None:
        before_notice(console)
    console.print(Text(TALK_WITH_PROVIDER))


def _explained(found: Explanation, console: Console) -> None:
    """A marker's name, plain words, other names and its table of ranges."""
    # The heading is the name alone: a category label ("Th1") means nothing to most readers;
    # found.group says it in plain words instead.
    console.print(inert(found.marker), style="bold")
    if not found.explained:  # a user's set defines it; panelcli has no words of its own for it
        console.print(inert(NOT_EXPLAINED.format(marker=found.marker)))
    for sentence in (found.what, found.does, found.raised, found.group):
        if sentence:
            console.print(Text(sentence))
    if found.other_names:
        # Not ", ": aliases such as "Ferritin, Serum" hold a comma, so two names read as four.
        # A few, then how many more (educator QA round 7: 25 spellings before the ranges)
        names = found.other_names[:OTHER_NAMES_SHOWN]
        more = len(found.other_names) - len(names)
        listed = "panelcli ranges show --format json lists them"  # (its table has no names)
        more_said = f" · and {more} more ({listed})" if more else ""
        console.print(inert("Also written as: " + " · ".join(names) + more_said), style="dim")
    if found.ranges:
        yours = any(entry.yours for entry in found.ranges)
        title = "Reference ranges in the bundled sets" + (" and yours" if yours else "")
        table = Table(title=title, title_justify="left")
        rows = []
        # two sets of one name (a draft beside the installed one) by their files too (ranges
        # QA round 17: nothing told them apart but 'in use')
        twice = {name for name, n in Counter(e.set_name for e in found.ranges).items() if n > 1}
        for entry in found.ranges:
            tags = [t for t, on in (("yours", entry.yours), ("in use", entry.in_use)) if on]
            shown = inert(entry.set_name + (f" ({', '.join(tags)})" if tags else ""))
            if entry.set_name in twice and entry.path:
                shown.append_text(Text("\n") + inert(entry.path))
            # a lab's note on the marker, under its source (QA: written, but shown nowhere)
            said = [entry.source or "", *([f"Note: {entry.notes}"] if entry.notes else [])]
            said += [f"{what}: {text}" for what, text in (("Specimen", entry.specimen),
                     ("Method", entry.method)) if text]  # fmt: skip
            ranges = [*(entry.lines or [entry.text]), *filter(None, [entry.assay_limits])]
            rows.append((shown, Text("\n").join(map(inert, ranges)),
                         Text("\n").join(map(inert, said))))  # fmt: skip
        _words_whole(
            console, table, ("Set", "Range", "Source"), rows, prose=2, lines_below=PARAGRAPHS_BELOW
        )


def render_overview(
    sentences: Sequence[str],
    markers: Sequence[str],
    console: Console,
    yours: Mapping[str, Sequence[str]] | None = None,
) -> None:
    """What cytokines are, the markers explained, and `yours`: markers of the user's sets
    panelcli has no text for (marker: its sets), whose ranges `explain NAME` shows."""
    console.print(Text("Cytokines and the cytokine panel", style="bold"))
    for sentence in sentences:
        console.print(Text(sentence))
    console.print()
    console.print(
        Text("Learn about one marker: panelcli explain NAME. Markers: " + ", ".join(markers))
    )
    console.print(Text(f"See a made-up example of a cytokine storm: {STORM_DEMO}"))
    if yours:
        listed = ", ".join(f"{marker} ({', '.join(sets)})" for marker, sets in yours.items())
        console.print(
            inert(f"Your sets also have markers panelcli has no text for: {listed}. "
                  "panelcli explain NAME shows their ranges.")
        )  # fmt: skip
    console.print(Text(TALK_WITH_PROVIDER))


def table_width(console: Console, columns: int) -> int:
    """The room for cells in a table of `columns` columns with rich's default box and padding."""
    return console.width - (3 * columns + 1)


def fitted_widths(
    console: Console,
    rows: Sequence[Sequence[Text]],
    room: int,
    prose: int | None = None,
    ranges_whole: bool = True,
) -> list[int] | None:
    """Column widths that break no word where the columns' longest words fit in `room`.

    rich narrows the widest columns alike and so cuts short words ('pro-inflammator y') while
    a long column still has room to wrap. The `prose` column may fold a word on a narrow
    terminal, so that labels stay whole; None where even that does not fit (rich folds).
    """
    shortest, longest = _words_and_lines(console, rows, room, prose, ranges_whole)
    if sum(shortest) > room or sum(longest) <= room:
        return None
    widths = list(shortest)
    # Water-filling: the columns that need least are given all they need, the rest share.
    left = room - sum(widths)
    wanting = sorted(range(len(widths)), key=lambda column: longest[column] - widths[column])
    for place, column in enumerate(wanting):
        share = left // (len(wanting) - place)
        given = min(longest[column] - widths[column], share)
        widths[column] += given
        left -= given
    return widths


def _words_and_lines(
    console: Console,
    rows: Sequence[Sequence[Text]],
    room: int,
    prose: int | None,
    ranges_whole: bool = True,
) -> tuple[list[int], list[int]]:
    """Each column's longest word (the `prose` column's cut to what `room` leaves it, at
    least 8) and longest line."""
    shortest = [0] * len(rows[0])
    longest = [0] * len(rows[0])
    for row in rows:
        for column, cell in enumerate(row):
            measured = Measurement.get(console, console.options, cell)
            # a limit is one word: '< 20', '266.5 -' (see `_limits_whole`)
            glued = (cell_len(word) for word in _kept_whole(cell.plain, ranges_whole).split())
            shortest[column] = max(shortest[column], measured.minimum, *glued)
            longest[column] = max(longest[column], measured.maximum)
    if prose is not None and sum(shortest) > room:
        shortest[prose] = max(min(shortest[prose], room - sum(shortest) + shortest[prose]), 8)
    return shortest, longest


def _words_whole(
    console: Console,
    table: Table,
    headings: Sequence[str],
    rows: Sequence[Sequence[Text]],
    prose: int,
    lines_below: int = 0,
) -> None:
    """`rows` as a table that breaks no word, or as paragraphs where its words cannot fit side
    by side (QA: 'arup-30026 / 01' in `explain` at 40 columns, 'made-u / p' in `demo`), or
    where the terminal is narrower than `lines_below`."""
    cells = [[Text(h) for h in headings], *rows]
    room = table_width(console, len(headings))
    # a range whole ('31 - 409') where the table then fits, else broken after its dash
    for ranges_whole in (True, False):
        if console.width >= lines_below and _fits(console, cells, rows, room, prose, ranges_whole):
            _ranges_as_table(console, table, headings, rows, prose, ranges_whole)
            return
    _ranges_as_paragraphs(console, table.title, headings, rows)


#: Narrower than this, a table's column of sentences is a word a line: paragraphs read better,
#: as check's tables become (educator QA round 7: a source of 19 one-word lines at 60 columns)
PARAGRAPHS_BELOW = 70


def _fits(
    console: Console,
    cells: Sequence[Sequence[Text]],
    rows: Sequence[Sequence[Text]],
    room: int,
    prose: int,
    ranges_whole: bool,
) -> bool:
    """Whether the columns' longest words (limits and ranges kept whole) fit in `room`."""
    shortest, _ = _words_and_lines(console, cells, room, prose, ranges_whole)
    # The `prose` column may fold a long word, but not one with a number: a source's limits
    # folded read as others ('266.5-14' / '10.4 pg/mL': QA)
    numbers = [
        cell_len(word)
        for row in rows
        for word in row[prose].plain.split()
        if any(char.isdigit() for char in word)
    ]
    shortest[prose] = max(shortest[prose], *numbers, 0)
    return sum(shortest) <= room


def _ranges_as_table(
    console: Console,
    table: Table,
    headings: Sequence[str],
    rows: Sequence[Sequence[Text]],
    prose: int = 4,
    ranges_whole: bool = True,
) -> None:
    room = table_width(console, len(headings))
    cells = [[Text(h) for h in headings], *rows]
    widths = fitted_widths(console, cells, room, prose, ranges_whole)
    if widths:  # the limits' column (QA: 'over: <' above '20 pg/mL' at 80 columns)
        rows = [(row[0], _limits_whole(row[1], widths[1], ranges_whole), *row[2:]) for row in rows]
    # fold, never '…': a limit or a source cut short on a narrow terminal reads as another
    # (QA: ARUP's sIL-2R source showed '266.5-1410…')
    chosen: list[int | None] = list(widths) if widths else [None] * len(headings)
    for heading, width in zip(headings, chosen, strict=True):
        table.add_column(heading, overflow="fold", width=width)
    for row in rows:
        table.add_row(*row)
    console.print(table)


#: The spaces inside a limit ('< 20'), and before a range's dash ('266.5 -' / '1410.4' may
#: break after it), which a line must not break at
_KEPT = "\ue000"  # a space kept, one cell wide while lines are measured
_INSIDE_A_LIMIT = lazy_pattern(r"(?<=[<>≤≥]) (?=[\d.])|(?<=\d) (?=- [\d.])")
#: ... and after a range's dash, where the table fits so (QA: '6 -' over '175' at 40 columns)
_INSIDE_A_RANGE = lazy_pattern(rf"{_INSIDE_A_LIMIT.pattern}|(?<=\d -) (?=[\d.])")


def _kept_whole(text: str, ranges_whole: bool = True) -> str:
    """`text` with the spaces inside its limits kept (`_KEPT`): each limit one word (each
    range too, `ranges_whole`)."""
    inside = _INSIDE_A_RANGE if ranges_whole else _INSIDE_A_LIMIT
    return inside.sub(lambda gap: gap[0].replace(" ", _KEPT), text)


def _limits_whole(cell: Text, width: int, ranges_whole: bool = True) -> Text:
    """A cell of limits wrapped to `width` between words, never inside a limit: a comparator
    stays with its number, a range's dash with its low end (rich breaks at any space)."""
    lines = []
    for line in cell.plain.split("\n"):
        current = ""
        for word in _kept_whole(line, ranges_whole).split(" "):
            joined = f"{current} {word}" if current else word
            if current and cell_len(joined) > width:
                lines.append(current)
                joined = word
            current = joined
        lines.append(current)
    return Text("\n".join(lines).replace(_KEPT, " "))


def _ranges_as_paragraphs(
    console: Console, title: object, headings: Sequence[str], rows: Sequence[Sequence[Text]]
) -> None:
    """Each row as a few lines, each cell named, for a terminal too narrow for columns."""
    if isinstance(title, (Text, str)):
        console.print(Text(title) if isinstance(title, str) else title)
    for name, *cells in rows:
        console.print(Text("• ") + name)
        for heading, cell in zip(headings[1:], cells, strict=True):
            if cell.plain:  # indented as a whole: its wrapped lines under its first
                console.print(
                    Padding(Text(f"{heading}: ") + cell, (0, 0, 0, 2), expand=False),
                    overflow="fold",
                )


def render_ranges(reference_set: ReferenceSet, console: Console) -> None:
    info = reference_set.info
    table = Table(
        title=inert(
            " ".join(filter(None, (info.name, info.version)))
            + (f" - {info.description}" if info.description else "")
        ),
        title_justify="left",
    )
    headings = ("Marker", "Interval", "Unit", "Category", "Source")
    rows = []
    for name, entry in reference_set.markers.items():
        # Line by line: a newline inside one text would be shown escaped ('\x0a').
        # the unit as check and explain say it (educator QA round 21: 'ug/L' here, 'µg/L' there)
        unit = unit_as_read(entry.unit)
        limits = entry.assay_limits_text()
        texts = [*entry.interval_texts(unit), *([limits] if limits else [])]
        interval = Text("\n").join(inert(text) for text in texts)
        rows.append((inert(name), interval, inert(unit), inert(entry.category or ""),
                     inert(entry.source or "")))  # fmt: skip
    if table_width(console, len(headings)) < 2 * len(headings):
        # too narrow for five columns: rich drew the last 0 wide (QA: no source at 20 columns)
        _ranges_as_paragraphs(console, table.title, headings, rows)
    else:  # no word broken: 'sIL-' / '2R' and '1410.' / '4' misread (QA)
        _words_whole(console, table, headings, rows, prose=4)
    # The Category column keeps the file's labels (they are what the file says); say what the
    # ones panelcli knows mean, since "Th1" or "Th2" means nothing to most readers.
    shown = {known_category(entry.category) for entry in reference_set.markers.values()}
    for category, role in GROUP_ROLE.items():
        if category in shown:
            console.print(Text(f"{category}: markers that {role}."), style="dim")
    # the assay's limits said only where a marker gives them (QA: explained beside none)
    limits_given = any(entry.assay_limits_text() for entry in reference_set.markers.values())
    said = f"{ASSAY_LIMITS} " if limits_given else ""
    console.print(Text(f"{said}Aliases and notes: --format json."), style="dim")
    console.print(inert(f"File: {info.path}  sha256: {info.sha256}"), style="dim")
    # its ranges are what a reader compares a result with (review: as explain, it ends so)
    console.print(Text(RANGES_DIFFER))
    console.print(Text(TALK_WITH_PROVIDER))
