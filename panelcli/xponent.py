"""Luminex xPONENT batch exports: a block per kind of value ('DataType: Median', 'Result',
'Units' …), of which panelcli reads the concentrations, with the units the 'Units' block gives
and each well's alarms the 'Warnings/Errors' block gives.

Imported only for a file whose first lines hold a 'DataType:' line (start-up, issue 7).
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from typing import NamedTuple

from panelcli.errors import InputError
from panelcli.reading import (
    CONCENTRATION_BLOCKS,
    HEADER_SEARCH_ROWS,
    MEAN_CONCENTRATION_BLOCKS,
    header_key,
    is_data_type_line,
    known_unit,
    records,
)
from panelcli.values import shorten, words_joined

#: An xPONENT batch of 384 wells and twenty blocks is under 10,000 lines: a longer file is read
#: as it is, a line at a time (its first block then decides, as before this module)
MAX_LINES = 200_000


class ValueBlock(NamedTuple):
    """One block: the line of its 'DataType:' row, what it holds, and its rows as (first
    line, last line, cells)."""

    line: int
    kind: str
    rows: list[tuple[int, int, list[str]]]


class BlocksRead(NamedTuple):
    """A file's lines with only its block of concentrations left (the others blank, so that
    every row keeps its line number), and the warning that says so."""

    lines: list[str]
    said: str
    header: int  # the line of the block's header
    #: the 'Units' block's unit of each column of the header, by its index
    units: dict[int, str]


def concentration_block(lines: list[str], delimiter: str) -> BlocksRead | None:
    """The file's block of concentrations alone, with each analyte's unit from the 'Units'
    block; None where the file has no other block to leave out."""
    preamble, blocks = _blocks(lines, delimiter)
    if not blocks:
        return None
    found = [b for b in blocks if header_key(b.kind) in CONCENTRATION_BLOCKS]
    # its mean over each sample's wells where it gives no well's own (lab QA round 20: a file
    # of 'Avg Result' alone was refused as holding 'no concentrations')
    means = not found
    found = found or [b for b in blocks if header_key(b.kind) in MEAN_CONCENTRATION_BLOCKS]
    if len(found) != 1 or len(blocks) == 1:
        # the file as it is: its table under another block is refused, one above its first
        # block is read down to it, and so are two batches joined (review: the second one's
        # results were left out as 'no concentrations', exit 0)
        return None
    chosen = found[0]
    kept = {*range(1, preamble + 1), chosen.line}
    for first, last, _ in chosen.rows:
        kept.update(range(first, last + 1))
    out = [
        line if number in kept else line[len(line.rstrip("\r\n")) :]
        for number, line in enumerate(lines, start=1)
    ]
    header = next((row for row in chosen.rows if sum(1 for c in row[2] if c.strip()) >= 2), None)
    units_block = next((b for b in blocks if header_key(b.kind) in ("units", "unit")), None)
    units = _units(units_block, header[2]) if units_block and header else {}
    alarms_block = next((b for b in blocks if _letters(b.kind) in _ALARM_BLOCKS), None)
    alarms = _alarms(alarms_block) if alarms_block and header else {}
    rewritten = _with_alarms(out, chosen, header, alarms, delimiter) if alarms and header else None
    given = rewritten or set()  # (None: no row rewritten, so no column moved for the units)
    wells = len(given)
    others = [
        f"'{shorten(b.kind)}' (line {b.line})"
        for b in blocks
        if b is not chosen
        and not (units and b is units_block)
        and not (alarms and b is alarms_block)
    ]
    from_units = (
        f", each analyte's unit from its 'Units' block (line {units_block.line})"
        if units and units_block
        else ""
    )
    left_out = (
        f"; the other blocks ({words_joined(others)}) hold no concentrations and were not read"
        if others
        else ""
    )
    from_alarms = (
        f", with the alarms its '{shorten(alarms_block.kind)}' block (line {alarms_block.line}) "
        f"gives {'one well' if wells == 1 else f'{wells} wells'} (their results are not judged)"
        if wells and alarms_block
        else ""
    )
    unused = [alarm for key, alarm in alarms.items() if key not in given]
    if unused and alarms_block:  # (review: dropped unsaid where one well's name differed)
        one = len(unused) == 1
        from_alarms += (
            f"; {'an alarm' if one else f'{len(unused)} alarms'} of its "
            f"'{shorten(alarms_block.kind)}' block (well '{shorten(unused[0][0])}': "
            f"'{shorten(unused[0][1])}'{'' if one else ' …'}) {'names' if one else 'name'} no "
            f"well of the results and {'was' if one else 'were'} not applied: check "
            f"{'it' if one else 'them'} in the file"
        )
    said = (
        "the file has a block per kind of value (a Luminex instrument's export): its "
        f"'{shorten(chosen.kind)}' block of concentrations (line {chosen.line}) was read"
        f"{MEANS_SAID if means else ''}"
        f"{from_units}{from_alarms}{left_out}"
    )
    by_column = {
        i + (rewritten is not None): units[cell.strip()]  # (the alarms' column first)
        for i, cell in enumerate(header[2] if header else [])
        if cell.strip() in units
    }
    return BlocksRead(out, said, header[1] if header else chosen.line, by_column)


def _blocks(lines: list[str], delimiter: str) -> tuple[int, list[ValueBlock]]:
    """The number of lines above the first block, and the blocks."""
    blocks: list[ValueBlock] = []
    preamble = 0
    trailer = False  # past xPONENT's '-- CRC --' line: its checksum, no block's row
    try:
        for start, ended, cells in records(lines, delimiter):
            if is_data_type_line(cells):
                if not blocks:
                    preamble = start - 1
                blocks.append(ValueBlock(start, cells[1].strip(), []))
                trailer = False
            elif len(cells) == 1 and _letters(cells[0]) == "crc" and "--" in cells[0]:
                # lab QA round 20: read as the last block's row, the checksum was an alarm
                # 'of no well of the results', to be checked in the file
                trailer = bool(blocks)
            elif blocks and not trailer:
                blocks[-1].rows.append((start, ended, cells))
    except csv.Error:  # a broken quote: the reader names its row, as in any file
        return 0, []
    return preamble, blocks


#: Said of a block of means read (`MEAN_CONCENTRATION_BLOCKS`)
MEANS_SAID = " (each value the mean of a sample's wells)"
#: The block of each well's warnings and errors ('DataType:','Warnings/Errors')
_ALARM_BLOCKS = frozenset({"warningserrors", "warnings", "errors", "warningsanderrors"})
#: Its column of the well (also the results' header's), of how bad, and of what happened
_WELL, _STATUS, _MESSAGE = ("location", "well", "welllocation"), "status", "message"
#: Its status of a well with nothing wrong, or only a remark ('Information: Well read')
_NO_ALARM = frozenset({"ok", "none", "pass", "passed", "valid", "information", "info"})


def _letters(kind: str) -> str:
    """A block's kind as a key of letters ('Warnings/Errors': 'warningserrors')."""
    return "".join(character for character in header_key(kind) if character.isalnum())


def _well_column(keys: list[str]) -> int | None:
    """The column of a header's keys that names the well ('Location', 'Well'), else None."""
    return next((keys.index(key) for key in _WELL if key in keys), None)


def _well_key(well: str) -> str:
    """A well's name as compared: '6 (1,F1)' is '6(1,F1)' (review: not applied so)."""
    return "".join(well.split()).casefold()


def _alarms(block: ValueBlock) -> dict[str, tuple[str, str]]:
    """Each well's alarms by `_well_key` ('2(1,B1)': "Error: results not valid"), as the
    block's rows under its 'Location' (or 'Well'), 'Status', 'Message' header give them (lab
    QA round 16: a well the instrument called not valid was judged normal, exit 0); a message
    with no status is one too; each with its well as written."""
    columns: dict[str, int] = {}
    found: dict[str, tuple[str, list[str]]] = {}
    for _, _, cells in block.rows:
        stripped = [cell.strip() for cell in cells]
        if not columns:
            keys = [header_key(cell) for cell in stripped]
            at = _well_column(keys)
            if at is not None:
                columns = {key: keys.index(key) for key in (_STATUS, _MESSAGE) if key in keys}
                columns[_WELL[0]] = at
            continue
        well, status, message = (
            stripped[i] if (i := columns.get(key, -1)) in range(len(stripped)) else ""
            for key in (_WELL[0], _STATUS, _MESSAGE)
        )
        if well and (message or status) and header_key(status) not in _NO_ALARM:
            said = ": ".join(filter(None, (status, message)))
            found.setdefault(_well_key(well), (well, []))[1].append(said)
    return {key: (well, "; ".join(said)) for key, (well, said) in found.items()}


def _with_alarms(
    out: list[str],
    block: ValueBlock,
    header: tuple[int, int, list[str]],
    alarms: dict[str, tuple[str, str]],
    delimiter: str,
) -> set[str] | None:
    """`out`'s rows of `block` with a 'Warnings/Errors' column before their first, each well's
    alarms in it (read as an instrument's alarm column: such a result is not judged); the
    wells (as `_well_key`) given one, or None where the header names no well (none rewritten).
    Before, not after: a row's cells past the header (a note after 'Total Events', '6(1,F1)'
    unquoted) stay past it, and the row is refused as before (reviews: after them, or trimmed,
    the note was an alarm or the row read one column over)."""
    location = _well_column([header_key(cell) for cell in header[2]])
    if location is None:
        return None
    given = set()
    for first, last, cells in block.rows:
        if first < header[0]:
            continue
        if first == header[0]:
            cell = "Warnings/Errors"
        else:
            well = _well_key(cells[location]) if location < len(cells) else ""
            cell = alarms[well][1] if well in alarms else ""
            if cell:
                given.add(well)
        row = io.StringIO()
        ending = out[last - 1][len(out[last - 1].rstrip("\r\n")) :]
        csv.writer(row, delimiter=delimiter, lineterminator=ending).writerow([cell, *cells])
        # the row rewritten on its first line, its other lines left blank: every line after
        # keeps its number (a cell's own line breaks are written again inside its quotes)
        out[first - 1] = row.getvalue()
        for number in range(first, last):
            out[number] = ""
    return given


def _units(block: ValueBlock, header: list[str]) -> dict[str, str]:
    """Each analyte's unit, as the 'Units' block gives it: under an 'Analyte:' row, a 'Units:'
    row (xPONENT's), or a row of units under a copy of the table's header."""
    names: list[str] | None = None
    found: dict[str, str] = {}
    wanted = {cell.strip() for cell in header} - {""}
    for _, _, cells in block.rows:
        stripped = [cell.strip() for cell in cells]
        analytes = bool(stripped) and header_key(stripped[0]) in ("analyte", "analytes")
        if analytes or len(wanted.intersection(stripped)) >= 2:  # or the table's header
            names = stripped
        elif names is not None and any(header_key(c) in ("units", "unit") for c in stripped[:2]):
            found.update(
                (name, unit)
                for name, unit in zip(names, stripped, strict=False)
                if name in wanted and unit and known_unit(unit)
            )
            names = None
    return found


def with_concentration_block(
    head_lines: list[str], rest: Iterator[str]
) -> tuple[list[str], Iterator[str], BlocksRead | None]:
    """`concentration_block` of a file whose first lines are `head_lines`: its lines (those
    to find the header in, the others) and what was read; the file as it is where it has no
    other block, or is too long, or a line of it cannot be read (the reader names that line)."""
    delimiter = _delimiter(head_lines)
    if delimiter is None:
        return head_lines, rest, None
    read: list[str] = []
    try:
        read.extend(itertools.islice(rest, MAX_LINES))
    except InputError as problem:
        return head_lines, itertools.chain(read, _raising(problem)), None
    if len(read) == MAX_LINES:
        return head_lines, itertools.chain(read, rest), None
    found = concentration_block(head_lines + read, delimiter)
    if found is None:
        return head_lines, iter(read), None
    # the header may be far below the first lines, past blocks of a plate's rows each
    head = max(len(head_lines), found.header + HEADER_SEARCH_ROWS)
    return found.lines[:head], iter(found.lines[head:]), found


def _delimiter(head_lines: list[str]) -> str | None:
    """The delimiter that makes a 'DataType:' line of one of the first lines."""
    for delimiter in (",", ";", "\t"):
        for line in head_lines:
            try:
                cells = next(csv.reader([line], delimiter=delimiter), [])
            except csv.Error:  # a quote left open: a row over lines, no block's line
                continue
            if is_data_type_line(cells):
                return delimiter
    return None


def _raising(problem: InputError) -> Iterator[str]:
    """No lines, then `problem` (where the lines stopped)."""
    raise problem
    yield ""
