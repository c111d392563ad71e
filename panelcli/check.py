"""The pure core of `panelcli check`: measurements in, interpreted results and issues out.

`Interpreter.stream` streams (flat memory, for NDJSON and huge files; `stream_batches` gives
the same events in lists); `build_report` gathers the stream into panels for the table and
JSON. Nothing here prints, exits or imports rich/typer.

Speed: most rows are a plain number for a known marker in a stated unit, and many others a
simply censored one ('<2.0', '>5000') or one with a decimal comma, often with the lab's range
printed in the row. Those take a short path that reuses everything decided for the same marker,
unit and printed range before and yields a `ResultRow` instead of a validated `Result`:
`Interpreter._long_rows` goes straight from a long-layout row's cells to it,
`Interpreter._quick` from a `Measurement` (wide layouts). Every other row takes the general
path. Tests hold the paths to the same output.
"""

from __future__ import annotations

import calendar
import contextlib
import csv
import datetime as dt
import functools
import itertools
import math
import operator
import os
import re
import stat
import sys
from collections import Counter, OrderedDict
from collections.abc import (
    Callable,
    Collection,
    Generator,
    Hashable,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple, TypeVar

from panelcli.errors import InputError
from panelcli.explain import names_a_marker
from panelcli.file_names import NOT_UTF8, locale_message, name_problem
from panelcli.interpret import (
    FLAG,
    STATUS,
    Bounds,
    Interpretation,
    Zone,
    ZoneLimits,
    bounds_text,
    comparator_flags,
    excluded_limits,
    interpret,
    may_reach_critical,
    reachable_critical,
    times_upper_limit,
    zone_limits,
    zone_within,
)
from panelcli.models import (
    ABNORMAL,
    CRITICAL_FLAGS,
    FAR_PAST_HIGH,
    FILE_RANGE_SOURCE,
    SIDED_CRITICAL_FLAGS,
    STATUS_UNREAD_NOTE,
    UNJUDGED,
    Comparator,
    Doubt,
    Issue,
    Overview,
    Panel,
    PanelDigest,
    Report,
    ReportTotals,
    Result,
    Status,
    by_the_lab_s_range,
    critical_from_file,
    far_past_range,
    has_no_range,
    lab_critical_on_its_side,
    lost_letter,
    no_critical_limit,
    short_of_lab_limit,
)
from panelcli.models import ReferenceUsed as Reference
from panelcli.names import (
    InstrumentName,
    instrument_name,
    lis_name,
    looks_like_a_cytokine,
    marker_key,
    names_a_diluted_sample,
    value_name,
    whose_figure,
    without_species,
    words_after_unit,
)
from panelcli.patterns import lazy_pattern
from panelcli.ranges import (
    BABY_DAYS,
    DAYS_IN_YEAR,
    MAX_AGE,
    NO_LIMITS,
    MarkerRange,
    ReferenceSet,
    Selected,
    Sex,
    age_said,
    interval_text,
    is_a_child,
    known_name,
    load_ranges,
    names_a_form,
    parse_sex,
    read_as_form,
    said_unreadable,
)
from panelcli.reading import (
    ALARM_COLUMNS,
    ASSAY_LIMIT_ROLES,
    CRITICAL_ROLES,
    DEFAULT_MAX_LINE,
    FILE_END_CODES,
    STDIN,
    BlankRange,
    FileRows,
    Layout,
    Measurement,
    NumberedRow,
    NumberedRows,
    RangeCells,
    ReadStats,
    _row_error,
    comma_split_message,
    comment_said,
    companion_columns,
    file_closing,
    fluid_of,
    gives_a_limit,
    has_a_date,
    has_range_limits,
    header_key,
    is_summary_label,
    marker_cell_unit,
    measurement_reader,
    named_by_line,
    names_a_marker_s_summary,
    not_a_patient_id,
    not_a_patient_sample,
    open_rows,
    printed_range,
    role_columns,
    rows_to_measurements,
    says_no_alarm,
    shows_comma_grouping,
    shows_decimal_comma,
    shows_decimal_point,
    sign_column,
    specimen_columns,
    spill_columns,
)
from panelcli.summary import (
    DILUTED_READ,
    MARKED_NOT_JUDGED,
    NOT_JUDGED,
    PRELIMINARY_NOTE,
    RUN_FAILED_FIRST,
    RUN_QC_FAILED,
    join_names,
    lab_marked_critical,
    may_be_critical,
    may_reject_a_value,
    summarise_panel,
)
from panelcli.trends import (
    NO_SUCH_DAY,
    PLACEHOLDER,
    WEEKDAY_APART,
    cells_agree,
    dates_counted,
    day_in_words,
    days_it_may_be,
    find_trends,
    one_way_date,
    person_key,
    read_date,
    two_days,
    two_days_said,
    why_no_date,
    year_first_said,
)
from panelcli.units import (
    MAX_GRAMS_PER_LITRE,
    PAST_PHYSICAL_LIMIT,
    UnitProblem,
    conversion_exponent,
    convert,
    exceeds_physical_limit,
    how_far_apart,
    is_mass_concentration,
    power_of_ten,
    same_family,
    same_unit,
    ucum_code,
    unit_as_read,
    unit_key,
)
from panelcli.values import (
    BLOOD,
    COMMA_GROUPS_BEFORE_POINT,
    COMMA_MAY_GROUP_THOUSANDS,
    CRITICAL_NO_SIDE,
    DOT_MAY_GROUP_THOUSANDS,
    EXCEL_ROUNDED_ID,
    FLAG_WORDS,
    MAX_VALUE_LENGTH,
    PLACEHOLDER_NUMBERS,
    PLAIN_NUMBER,
    ParsedValue,
    ValueProblem,
    comma_grouping_shown,
    critical_side,
    decimal_point_shown,
    flag_contradicts,
    flag_in,
    flag_said,
    fluid_named,
    given_date,
    given_id,
    is_no_value_mark,
    lab_flag,
    number_text,
    other_fluid,
    parse_lab_range,
    parse_value,
    range_label,
    says_none_known,
    shorten,
    sign_cell,
    value_shows_decimal_comma,
    without_flag,
    writes_a_decimal_comma,
)

FailOn = Literal["abnormal", "critical", "never"]
T = TypeVar("T")


class ResultRow(NamedTuple):
    """A `Result`'s fields, in its order, as a plain tuple: what the short path yields.

    Built without validation, from values the general path would also produce (the tests
    validate every kind); `to_result()` gives the model, for reports and the library API.
    """

    source: str
    line: int
    column: str | None
    sample_id: str | None
    patient_id: str | None
    collected_at: str | None
    marker: str
    marker_as_written: str
    category: str | None
    value: float
    comparator: Comparator | None
    unit: str
    original_value: str
    original_unit: str
    status: Status
    flag: str
    flags: tuple[str, ...]
    times_upper_limit: float | None
    reference: Reference
    note: str | None

    def to_result(self) -> Result:
        """The model, without validating again what the short path only builds from checked values.

        All results share one set of field names (pydantic would give each its own, and a
        report of a million results would spend a gigabyte on them).
        """
        fields = self._asdict()
        fields["flags"] = list(self.flags)
        return Result.model_construct(_ALL_RESULT_FIELDS, **fields)


_ALL_RESULT_FIELDS = set(ResultRow._fields)

#: What `Interpreter.events` yields (the library API): validated models only.
Event = Result | Issue
#: What `Interpreter.stream` yields: `ResultRow` for the rows that took the short path.
StreamEvent = Result | ResultRow | Issue


#: Which panel a row belongs to (see `sample_key`).
PanelKey = tuple[str, str | None, str | None, str | None]


class _Plan(NamedTuple):
    """What the short path reuses for one marker and unit as written (`_plan`), or for one
    marker, unit and printed range (`_lab_plan`)."""

    name: str
    category: str | None
    unit: str  # the reference unit
    exponent: int  # written unit → reference unit
    scale: float  # written unit → g/L, for the 1 kg/L plausibility limit (0: no limit)
    bounds: Bounds
    limits: ZoneLimits  # the bounds as zone_within compares them
    reference: Reference
    #: a written number past which the general path reads the row, to say it is far past
    #: any level labs report (`_far_past_message`); infinite where the range has no top
    ceiling: float = math.inf
    #: ... and one below which it does, to say it is far below them, read in a unit that
    #: makes numbers smaller (`_floor`); 0 where none is
    floor: float = 0.0


def _far_past_message(result: Result, written_unit: str, assuming: bool) -> str | None:
    """Why a value read as `FAR_PAST_HIGH` or more times its range's upper limit should be
    checked (QA: IL-6 '12' in mg/L, a CRP habit, was 12,000,000 pg/mL, '4,800,000 times the
    upper limit … strong inflammation', with no word that the unit may be wrong); else None."""
    if result.reference is None:
        return None
    if far_past_range(result):  # as the summary tells it
        return far_past_said(result.marker, written_unit, assuming, result.reference.unit)
    if _far_below(result, written_unit):
        return far_below_said(result.marker, written_unit, assuming, result.reference.unit)
    return None


def _far_below(result: Result, written_unit: str) -> bool:
    """Whether a result read in a unit that makes numbers smaller is `FAR_PAST_HIGH` times
    below its range's upper limit or more (lab QA round 10: CRP 45 in a 'pg/mL' filled down
    by mistake was 0.000045 mg/L, 'normal', with no word); as `_floor` has it."""
    reference, value = result.reference, result.value
    if (
        reference is None or not reference.high or reference.high < 0 or value is None
        or value <= 0 or result.comparator in (">", ">=")
        or value * FAR_PAST_HIGH > reference.high
    ):  # fmt: skip
        return False
    try:
        return conversion_exponent(written_unit, reference.unit) < 0
    except UnitProblem:
        return False


def far_below_said(
    name: str, written_unit: str, assuming: bool = False, range_unit: str = ""
) -> str:
    """The warning of a marker read in a unit whose values are far below any level labs can
    measure, the same for each such row (said once a file for each marker and unit, however
    spelled, as `far_past_said` is)."""
    unit = _unit_said(written_unit, range_unit)
    how = f"{unit} (as given, or as assumed with --assume-unit)" if assuming else unit
    return (
        f"a value of {name} read in {how} is 100,000 times below its upper limit or more, far "
        f"below the levels labs can measure: check the number and the unit (said once a file "
        f"for {name} in {unit})"
    )


def far_past_said(
    name: str, written_unit: str, assuming: bool = False, range_unit: str = ""
) -> str:
    """The warning of a marker read in a unit whose values are far past any level, the same
    for each such row: said once a file for each marker and unit, however a unit UCUM knows is
    spelled (review: once for the whole file hid a typo's far value beside a file all in
    mg/L; 'mg/L', 'mg/l' and 'MG/L' were three); `assuming`: that unit is the one the run
    assumes for rows with none (--assume-unit), which may be the slip."""
    unit = _unit_said(written_unit, range_unit)
    how = f"{unit} (as given, or as assumed with --assume-unit)" if assuming else unit
    return (
        f"a value of {name} read in {how} is 100,000 times its upper limit or more, far past "
        f"the levels labs report: check the number and the unit (said once a file for {name} "
        f"in {unit})"
    )


def _unit_said(written_unit: str, range_unit: str) -> str:
    """A unit as the far-past and far-below warnings name it, one spelling for all of its
    ('mg/L', 'mg/l' and 'MG/L' were three warnings: review)."""
    code = ucum_code(written_unit)
    # as people write it: 'µIU/mL', not UCUM's 'u[IU]/mL'; one UCUM does not know as its
    # range's unit writes it, one spelling for all ('AU/mL', 'au/ml': review)
    shown = code.replace("[IU]", "IU") if code is not None else written_unit
    if code is None and range_unit and unit_key(range_unit) == unit_key(written_unit):
        shown = range_unit
    return shorten(f"µ{shown[1:]}" if code is not None and shown.startswith("u") else shown)


def _ceiling(bounds: Bounds, exponent: int) -> float:
    """`_Plan.ceiling` for these bounds, a little below it so that the general path decides
    at the limit itself."""
    if bounds.high is None or bounds.high <= 0:
        return math.inf
    return FAR_PAST_HIGH * bounds.high / 10.0**exponent * (1 - 1e-9)


def _floor(bounds: Bounds, exponent: int) -> float:
    """`_Plan.floor` for these bounds: where the written unit makes numbers smaller, a little
    above the number that is `FAR_PAST_HIGH` times below the upper limit, so that the general
    path decides at the limit itself (`_far_below`); else 0."""
    if exponent >= 0 or bounds.high is None or bounds.high <= 0:
        return 0.0
    return bounds.high / FAR_PAST_HIGH / 10.0**exponent * (1 + 1e-9)


#: A plan for a printed range, and the warning (code, message) the range gives, if any.
_LabPlan = tuple[_Plan, tuple[str, str] | None]


#: Status, flag and flags of an exact value in each zone (as interpret() gives them).
_OUTCOMES: dict[Zone, tuple[Status, str, tuple[str, ...]]] = {
    zone: (STATUS[zone], FLAG[zone], (FLAG[zone],)) for zone in Zone
}


_CRITICAL_LOW, _LOW, _NORMAL, _HIGH, _CRITICAL_HIGH = (
    Zone.CRITICAL_LOW, Zone.LOW, Zone.NORMAL, Zone.HIGH, Zone.CRITICAL_HIGH
)  # fmt: skip
_make_row = tuple.__new__  # ResultRow(...) without NamedTuple's Python-level __new__


def _short_row(
    plan: _Plan, number: float, text: str, source: str, line: int, column: str,
    sample_id: str | None, patient_id: str | None, collected_at: str | None,
    marker: str, unit: str, comparator: Comparator | None,
) -> ResultRow:  # fmt: skip
    """The result of a number, already checked as `_quick` checks it, for this plan."""
    name, category, reference_unit, exponent, _, bounds, limits, reference, _, _ = plan
    value = convert(number, exponent) if exponent else number
    note = None
    if comparator is None:
        zone = zone_within(value, limits)
        status, flag, flags = _OUTCOMES[zone]
        times = times_upper_limit(value, bounds.high) if zone >= _HIGH and bounds.high else None
    else:
        judged = interpret(value, comparator, bounds, reference_unit)
        status, flag, times, note = (
            judged.status,
            judged.flag,
            judged.times_upper_limit,
            judged.note,
        )
        flags = tuple(judged.flags)
    return _make_row(ResultRow, (  # type: ignore[call-overload, no-any-return]
        source, line, column, sample_id, patient_id, collected_at, name, marker, category,
        value, comparator, reference_unit, text, unit, status, flag, flags, times, reference,
        note,
    ))  # fmt: skip


#: Entries the short path's memos keep.
_MEMO_LIMIT = 4096
_UNKNOWN: Any = object()  # no entry in a memo whose values may be None
K = TypeVar("K", bound=Hashable)


def remember(memo: dict[K, T], key: K, value: T, limit: int) -> T:
    """Store value under key, forgetting everything first when memo is full (bounded memory)."""
    if len(memo) >= limit:
        memo.clear()
    memo[key] = value
    return value


def _plain_number(text: str, plan: _Plan) -> float | None:
    """A plain-number cell's value the short path can take; None: the general path says more
    (not a plain number; negative, too large or impossible for its unit)."""
    if not text.replace(".", "", 1).isdecimal() and PLAIN_NUMBER(text) is None:  # see _long_rows
        return None
    number = float(text) + 0.0  # + 0.0 turns -0.0 into 0.0, as parse_value does
    if not 0.0 <= number < _INFINITY or number * plan.scale > MAX_GRAMS_PER_LITRE:
        return None
    # Epic's 9999999 (code audit round 21: judged where the far-past ceiling let it by)
    return None if number >= _LEAST_PLACEHOLDER and number in PLACEHOLDER_NUMBERS else number


_LEAST_PLACEHOLDER = min(PLACEHOLDER_NUMBERS)  # a comparison spares most numbers the lookup


#: '<2.0', '> 5000': a comparator, at most one space, and a number without a sign.
_CENSORED = re.compile(r"([<>]) ?((?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\Z").match
_CENSORED_STARTS = ("<", ">")
_SIGNS = ("+", "-")
_NOT_CENSORED: tuple[None, None] = (None, None)


def _comma_or_censored_number(
    text: str, plan: _Plan, decimal_comma: bool
) -> tuple[Comparator | None, float] | tuple[None, None]:
    """The comparator and number of a cell that is not a plain number but that the short path
    takes all the same: a decimal comma ('12,5' where ',' is the decimal mark, as
    `parse_value` reads it) and a simply censored number ('<2.0', '<2,0'); else (None, None).

    A sign ('+3,5') is left to the general path: CSV output guards such a cell against being
    read as a spreadsheet formula, and the short path writes its cells as they are.
    """
    if len(text) > MAX_VALUE_LENGTH:  # refused by `parse_value` (differential test)
        return _NOT_CENSORED
    if decimal_comma and "," in text and COMMA_MAY_GROUP_THOUSANDS(text):
        return _NOT_CENSORED  # '12,345' may group thousands: the general path warns
    if decimal_comma and text.count(",") == 1 and "." not in text and text[:1] not in _SIGNS:
        text = text.replace(",", ".")
        number = _plain_number(text, plan)
        if number is not None:
            return None, number
    if text.startswith(_CENSORED_STARTS):
        return _censored_number(text, plan)
    return _NOT_CENSORED


def _censored_number(text: str, plan: _Plan) -> tuple[Comparator, float] | tuple[None, None]:
    """A simply censored cell's comparator and number the short path can take; (None, None):
    the general path says more (another notation, or a number `_plain_number` declines)."""
    match = _CENSORED(text)
    if match is None:
        return _NOT_CENSORED
    number = _plain_number(match[2], plan)
    if number is None or (number == 0.0 and match[1] == "<"):  # '<0': refused by parse_value
        return _NOT_CENSORED
    return match[1], number  # type: ignore[return-value]


#: What a printed range whose ',' may group thousands is said to have: before the file shows
#: its decimal comma only (see `Interpreter.repeats_after`).
COMMA_DOUBTED = "',' may be the decimal mark or group thousands"


def _grouping_doubt(text: str, decimal_comma: bool, comma_doubted: str | None) -> str | None:
    """Why a printed range's or limit's '.' or ',' may group thousands, or None: a '.' where
    ',' is the decimal mark, a ',' where that mark is in doubt (`comma_doubted` says why)."""
    grouped = DOT_MAY_GROUP_THOUSANDS(text) if decimal_comma else None
    if grouped:
        number = grouped.group()
        meaning = f"({number} meaning {number.replace('.', '')})"
        if number == text.strip():  # not quoted again (QA: "'1.500' has '1.500'")
            return f"may group thousands with its '.', as ',' is the decimal mark {meaning}"
        return (
            f"has '{number}', and where ',' is the decimal mark a '.' may group thousands {meaning}"
        )
    grouped = COMMA_MAY_GROUP_THOUSANDS(text) if comma_doubted else None
    if grouped:  # QA: '< 1,500' was read as < 1.5 while a value '2,000' was doubted
        number = grouped.group()
        has = "is a number whose" if number == text.strip() else f"has '{number}', and"
        return (
            f"{has} {COMMA_DOUBTED} ({number} "
            f"meaning {number_text(float(number.replace(',', '.')))} or "
            f"{number.replace(',', '')}); {comma_doubted}"
        )
    return None


def read_lab_range(
    text: str, unit: str, exponent: int, decimal_comma: bool, comma_doubted: str | None = None
) -> Bounds | str:
    """A printed reference range in `unit` (`exponent`: the value's unit to `unit`, for a range
    with no unit of its own), or what makes it unusable. `comma_doubted`: why ',' taken for
    the decimal mark may group thousands (see `Interpreter._range_in_doubt`)."""
    doubt = _grouping_doubt(text, decimal_comma, comma_doubted)
    if doubt is not None:  # unlike a value, never read: the set's range is there to fall back on
        return doubt
    lab = parse_lab_range(text, decimal_comma)
    if lab is None and (label := range_label(text)) is not None:
        # QA: '0-7 (Male)' was 'not in a form panelcli reads', as if the form were wrong
        return (
            f"has a label or remark ('{shorten(label)}'), so panelcli cannot tell whether it is "
            "for this person"
        )
    if lab is None:
        return "is not in a form panelcli reads"
    if lab.low is not None and lab.high is not None and lab.low > lab.high:
        return "has its low limit above its high limit"
    if lab.high is not None and lab.high <= 0:  # '<0', '0-0': every value would be high (QA)
        return "has a high limit of 0, which leaves no room for any concentration"
    if lab.high is None and not lab.low:  # '≥ 0', or Ref Low 0 beside a blank Ref High (QA:
        # every value was normal, 250 pg/mL of IL-6 too)
        return "gives no upper limit, and no concentration is below its low limit of 0"
    if lab.unit is not None:  # a range in its own unit ('0-7 pg/mL') is converted
        try:
            exponent = conversion_exponent(lab.unit, unit)
        except UnitProblem:
            return f"has the unit '{shorten(lab.unit)}', which panelcli cannot convert to {unit}"
    low = None if lab.low is None else convert(lab.low, exponent)
    high = None if lab.high is None else convert(lab.high, exponent)
    # As a ranges file's (QA: '2-2' made 1.8 low, '> 5000000000000' pg/mL made 5 low)
    if low is not None and low == high:
        return f"is one value ({number_text(low)}), not a range"
    if any(limit is not None and exceeds_physical_limit(limit, unit) for limit in (low, high)):
        return f"has a limit of {PAST_PHYSICAL_LIMIT}"
    return Bounds(low, high, low_exclusive=lab.low_exclusive, high_exclusive=lab.high_exclusive)


def unit_in_doubt(
    text: str, read: Bounds, chosen: Bounds | None, exponent: int, unit: str, decimal_comma: bool
) -> str | None:
    """Why a printed range is in doubt: its upper limit 100 times or more away from the set's
    `chosen` one, read in its own unit, or with none in the value's unit (`exponent` from it
    to the set's `unit`) where the set's unit does not read it farther (QA: '< 62' beside 0,5
    ng/mL of IL-8 was < 62,000 pg/mL, and 500 pg/mL normal; '0-30', 12,000 times IL-6's, too);
    None where it is not."""
    if chosen is None or not chosen.high or not read.high:
        return None
    times = read.high / chosen.high
    if 0.01 < times < 100:
        return None
    printed = parse_lab_range(text, decimal_comma)
    if printed is None:
        return None
    if printed.unit is not None:
        # its own unit, not the value's, where the value's would read it nearer the set's (lab
        # QA round 20: '0.0-7.0 ng/mL' beside IL-6 in pg/mL, a unit left from another test,
        # was 0 - 7000 pg/mL, and 450 normal); one in the value's unit is the lab's own
        try:
            own = conversion_exponent(printed.unit, unit)
        except UnitProblem:
            return None
        as_value_s = convert(printed.high or read.high, exponent) / chosen.high
        if own == exponent or abs(math.log10(as_value_s)) >= abs(math.log10(times)):
            return None
        return (
            f"is in {shorten(printed.unit)}: so read, it is {times_said(times)} the reference "
            f"set's upper limit ({number_text(chosen.high)} {unit}), so its unit is in doubt "
            "(check the unit printed with it)"
        )
    as_set_s = convert(read.high, -exponent) / chosen.high
    if exponent != 0 and abs(math.log10(as_set_s)) >= abs(math.log10(times)):
        return None  # the set's unit reads it no nearer: the value's is as good a guess
    said = (
        f"has no unit: read in the value's unit it is {times_said(times)} the reference set's "
        f"upper limit ({number_text(chosen.high)} {unit})"
    )
    if exponent != 0:
        said += f", and read in {unit} {times_said(as_set_s)} that limit"
    return f"{said}, so its unit is in doubt (give its unit, in the range or its column's name)"


def times_said(times: float) -> str:
    """'6,600 times', '6.6 times', '1/150 of', 'the same as' (for `unit_in_doubt`)."""
    rounded = float(f"{times if times >= 1 else 1 / times:.2g}")
    if rounded == 1:
        return "the same as"
    said = f"{rounded:,.0f}" if rounded >= 100 else number_text(rounded)
    return f"{said} times" if times >= 1 else f"1/{said} of"


def _unusable_range(text: str, problem: str, otherwise: str) -> str:
    return f"reference range '{shorten(text)}' {problem}; {otherwise}"


#: Why a printed range with a low limit only is not used where the set's range has a high one.
OPEN_ABOVE = "gives no upper limit, where the reference set has one, so a high value would pass it"
#: ... and why it is not joined with the set's upper limit (`joined_with_set_high`)
OPEN_ABOVE_PAST = (
    "gives no upper limit, and its low limit is not below the reference set's upper limit"
)


def _open_above(printed: Bounds, chosen: Selected, entry: MarkerRange | None = None) -> bool:
    """Whether a printed range leaves highs open where the set's range for the person ends
    (QA: 'Ref Low' 0.1 beside a blank 'Ref High' judged 250 pg/mL of IL-6 normal); where no
    row could be chosen (an age not known), where each of the set's rows ends (QA: Mayo's)."""
    if printed.high is not None:
        return False
    if chosen.bounds is not None:
        return chosen.bounds.high is not None
    if chosen.candidates:
        return all(b.high is not None for _, b in chosen.candidates)
    if not chosen.indeterminate:  # no row for the person as given (a child): the lab's alone
        return False  # (review: it was refused, the result no_reference)
    rows = entry.intervals if entry is not None else []
    return bool(rows) and all(row.high is not None for row in rows)


#: Where a result's interval comes from: the set, the lab's printed range, or that range joined
#: with the set's upper limit (`joined_with_set_high`); a reference's origin says set or file.
_Origin = Literal["set", "file", "joined"]


def _file_source(
    bounds: Bounds,
    origin: _Origin,
    set_source: str | None,
    lab_sides: tuple[bool, bool] = (False, False),
) -> str:
    """The citation of a lab's printed range, naming what of it is the set's (self-review: a
    joined upper limit and the set's critical limits were cited as the file's); `lab_sides`:
    which critical limits (low, high) are the file's own (`Measurement.critical`)."""
    if origin == "set":  # the set's range, with the lab's critical limit(s)
        return (
            f"{set_source or 'the reference set'}, with the lab's {_lab_limits_said(lab_sides)} "
            "printed in the file"
        )
    theirs = [
        side
        for side, limit, lab in zip(
            ("low", "high"), (bounds.critical_low, bounds.critical_high), lab_sides, strict=True
        )
        if limit is not None and not lab
    ]  # the set's, beyond the printed range (review: credited to the file beside the lab's)
    taken = [] if origin != "joined" else ["upper limit"]
    if theirs:
        taken.append("critical limits" if len(theirs) == 2 else f"critical {theirs[0]} limit")
    own = FILE_RANGE_SOURCE
    if bounds.low is None and bounds.high is None and origin == "file":
        # a marker the set lacks, judged by the lab's critical limits alone: no range at all
        return f"the lab's {_lab_limits_said(lab_sides)} printed in the file, with no range"
    if any(lab_sides):
        which = _lab_limits_said(lab_sides) if all(lab_sides) or theirs else "critical limit"
        own = f"the lab's range and {which} printed in the file"
    if not taken:
        return own
    cited = f" ({set_source})" if set_source else ""
    # a joined range's words start with `JOINED_WORDS`, which the table's note looks for
    return f"{own}, with the {' and the '.join(taken)} of the reference set{cited}"


class _Said(set[tuple[str, ...]]):
    """The keys of warnings given once (`Interpreter._warn_once`), noting those added during a
    what-if (`Interpreter._unsaid`), which takes them out again."""

    added: list[tuple[str, ...]] | None = None

    def add(self, key: tuple[str, ...]) -> None:
        if self.added is not None and key not in self:
            self.added.append(key)
        super().add(key)


def _side_of(sides: tuple[bool, bool]) -> str:
    """'low' or 'high': the one side of (low, high) that is true."""
    return "low" if sides[0] else "high"


def _lab_limits_said(lab_sides: tuple[bool, bool]) -> str:
    """'critical limits' (both sides the lab's) or 'critical high limit' (one)."""
    return "critical limits" if all(lab_sides) else f"critical {_side_of(lab_sides)} limit"


def read_critical_limit(
    text: str,
    unit: str,
    exponent: int,
    decimal_comma: bool,
    comma_doubted: str | None = None,
    unit_doubted: str | None = None,
) -> float | str:
    """A lab's critical limit cell in `unit` (`exponent`: the value's unit to `unit`, for a
    cell with no unit of its own), or why it cannot be used; a '.' or ',' that may group
    thousands is doubted as in a printed range (`comma_doubted`: see `read_lab_range`), a
    cell with no unit where its unit is in doubt (`unit_doubted`: see `_bare_limit_doubt`)."""
    doubt = _grouping_doubt(text, decimal_comma, comma_doubted)
    if doubt is None and not decimal_comma and "," in text:  # '1,000': no mark read in doubt
        doubt = (
            "has a ',', which may group thousands or be the decimal mark; write the limit "
            "without it"
        )
    if doubt is not None:  # review: '1.500' in a ';' file was read as 1.5, with no word
        return doubt
    try:
        parsed = parse_value(text, decimal_comma)
    except ValueProblem as problem:
        return "is below 0" if problem.code == "value-negative" else "is not a number"
    if parsed.number is None or parsed.comparator is not None or parsed.flag is not None:
        return "is not a number alone"  # '>500': which side of 500 is critical is the column's
    if parsed.unit is not None:
        try:
            exponent = conversion_exponent(parsed.unit, unit)
        except UnitProblem:
            return f"has the unit '{shorten(parsed.unit)}', which panelcli cannot convert to {unit}"
    elif unit_doubted is not None:
        return unit_doubted
    limit = convert(parsed.number, exponent)
    if exceeds_physical_limit(limit, unit):
        return f"is {PAST_PHYSICAL_LIMIT}"
    return limit


def _file_critical_sides(reference: Reference) -> list[str]:
    """The sides ('LL', 'HH') whose critical limit is the lab's, printed in the file."""
    origins = (("LL", reference.critical_low_origin), ("HH", reference.critical_high_origin))
    return [side for side, origin in origins if origin == "file"]


def _bare_limit_doubt(
    value_unit: str, printed_range: str | None, unit: str, exponent: int, decimal_comma: bool
) -> str | None:
    """Why a critical limit with no unit cannot be read in the value's unit, or None: the
    row's printed range gives another ('0.15 ng/mL' beside '0-7 pg/mL': is '100' ng/mL or
    pg/mL? Read either way, a result could be called critical, or not, wrongly)."""
    lab = parse_lab_range(printed_range, decimal_comma) if printed_range else None
    if lab is None or lab.unit is None:
        return None
    try:
        if conversion_exponent(lab.unit, unit) == exponent:
            return None  # the same unit in other words (ng/L, pg/mL)
    except UnitProblem:
        return None  # the range is not used (said so); the value's unit is the one left
    return (
        f"has no unit, and the value ({shorten(value_unit)}) and the printed range "
        f"({shorten(lab.unit)}) differ in unit, so it may be in either: write its unit in the cell"
    )


def _without_critical(bounds: Bounds, sides: tuple[bool, bool]) -> Bounds:
    """An interval without its critical limits on `sides` (low, high): the lab gives its own."""
    return bounds._replace(
        critical_low=None if sides[0] else bounds.critical_low,
        critical_high=None if sides[1] else bounds.critical_high,
    )


def _selected_without_critical(selected: Selected, sides: tuple[bool, bool]) -> Selected:
    """The set's choice for a person without its critical limits on `sides` (low, high)."""
    if sides == (False, False):
        return selected
    return selected._replace(
        bounds=None if selected.bounds is None else _without_critical(selected.bounds, sides),
        candidates=tuple((who, _without_critical(b, sides)) for who, b in selected.candidates),
    )


def with_lab_critical(bounds: Bounds, lab: tuple[float | None, float | None]) -> Bounds:
    """An interval with the lab's critical limits (low, high) on the sides it gives them, each
    where it lies beyond the interval (as `with_set_critical` keeps the set's); an interval of
    critical limits alone takes them as they are."""
    low, high = lab
    if bounds.low is None and bounds.high is None:
        return bounds._replace(
            critical_low=bounds.critical_low if low is None else low,
            critical_high=bounds.critical_high if high is None else high,
        )
    kept = with_set_critical(bounds, Bounds(critical_low=low, critical_high=high))
    return bounds._replace(
        critical_low=bounds.critical_low if low is None else kept.critical_low,
        critical_high=bounds.critical_high if high is None else kept.critical_high,
    )


def joined_with_set_high(printed: Bounds, chosen: Bounds) -> Bounds | None:
    """A printed range open above ('> 400') with the set's upper limit, the lab's low limit
    kept (review: refused whole, 300 under the lab's '> 400' was normal); None where its low
    limit is not below the set's upper one."""
    if printed.low is None or chosen.high is None or printed.low >= chosen.high:
        return None
    return Bounds(
        printed.low, chosen.high,
        low_exclusive=printed.low_exclusive, high_exclusive=chosen.high_exclusive,
    )  # fmt: skip


def open_above_used(printed: Bounds, chosen: Bounds) -> Bounds | str:
    """What judges a row whose printed range is open above (`_open_above`), as both paths
    take it: the set's own `chosen` where the join is its interval, else the join with the
    set's critical limits beyond it, or why it is not used."""
    joined = joined_with_set_high(printed, chosen)
    if joined is None:
        return OPEN_ABOVE_PAST
    if not _differs(joined, chosen):  # '≥ 266.5' with 1410.4: the set's own (review)
        return chosen
    return with_set_critical(joined, chosen)


def _joined_message(name: str, text: str, joined: Bounds, unit: str) -> str:
    """The range-disagrees message of a printed range joined with the set's upper limit."""
    return (
        f"{name}: the file's range '{shorten(text)}' gives no upper limit, so the reference "
        f"set's upper limit was used with its low limit: {bounds_text(joined, unit)}"
    )


def _differs(printed: Bounds, chosen: Bounds) -> bool:
    """Whether a lab's printed range is another interval than the set's. A low of 0 is no
    low at all (no concentration is below 0): '0-7' is the same as the set's '≤ 7'; '<7' is
    not ('< 7': 7 itself is high), and '>0' is not '0-7' either (0 itself is low)."""
    return (printed.low or 0.0, printed.high, excluded_limits(printed)) != (
        chosen.low or 0.0,
        chosen.high,
        excluded_limits(chosen),
    )


def range_text(bounds: Bounds, unit: str) -> str:
    """A range as results show it: '≤ 7 pg/mL', with its critical limits as `ranges show`
    gives them ('≤ 7 pg/mL, critical ≥ 100': QA, a critical result's limit was in JSON
    only); 'no range; critical ≥ 50 mg/L' for a set's marker with only critical limits."""
    if bounds.low is None and bounds.high is None and bounds != Bounds():
        return f"no range; {interval_text(bounds, unit)} {unit}"
    return interval_text(bounds, unit)


def _limits_included(bounds: Bounds) -> str:
    """Whether a range's limits count as inside it, in words: 'limits included', 'the limit
    excluded' ('< 7': 7 is high) or which of two is excluded."""
    excluded = [side for side, _ in excluded_limits(bounds)]
    if not excluded:
        return "limits included"
    if bounds.low is None or bounds.high is None:
        return "the limit excluded"
    if len(excluded) == 2:
        return "limits excluded"
    return f"the {excluded[0]} limit excluded"


def with_set_critical(from_file: Bounds, chosen: Bounds) -> Bounds:
    """A lab's printed range with the set's critical limits that lie beyond it: a printed
    range has no panic limits of its own (QA: 150 pg/mL against '0-7' was only high where the
    set's critical limit is 100). One a side the range leaves open, or inside it, is left out."""
    critical_low, critical_high = chosen.critical_low, chosen.critical_high
    low, high = from_file.low, from_file.high
    # beyond it: past its limit, or on a limit the range leaves out ('<100' ends before 100)
    if critical_low is not None and not (
        low is not None
        and (critical_low < low or (critical_low == low and from_file.low_exclusive))
    ):
        critical_low = None
    if critical_high is not None and not (
        high is not None
        and (critical_high > high or (critical_high == high and from_file.high_exclusive))
    ):
        critical_high = None
    return from_file._replace(critical_low=critical_low, critical_high=critical_high)


def shared_critical(candidates: Sequence[tuple[str, Bounds]]) -> Bounds:
    """The critical limits past which a value is critical by every interval that could apply
    (the person not known): the highest critical high and the lowest critical low, where each
    interval gives one (review: they were lost beside a lab's printed range; QA: 120 past
    50 for women and 100 for men was only high)."""
    lows = [bounds.critical_low for _, bounds in candidates]
    highs = [bounds.critical_high for _, bounds in candidates]
    return Bounds(
        critical_low=None if None in lows else min(low for low in lows if low is not None),
        critical_high=None if None in highs else max(high for high in highs if high is not None),
    )


def _disagreement(
    name: str,
    text: str,
    from_file: Bounds,
    chosen: Bounds,
    unit: str,
    kept: Bounds,
    theirs: str | None = None,
) -> str:
    """The range-disagrees message; `kept`: the file's range as used (`with_set_critical`);
    `theirs`: the set's ranges in words, where the person decides between them."""
    said: dict[bool, list[str]] = {True: [], False: []}
    for word, limit, used in (
        ("≤", chosen.critical_low, kept.critical_low),
        ("≥", chosen.critical_high, kept.critical_high),
    ):
        if limit is not None:
            said[used is not None].append(f"{word} {number_text(limit)} {unit}")
    # A panic limit must not vanish, nor stay, without a word (found in QA).
    lost = "".join(
        f"; the set's critical {'limits' if len(limits) > 1 else 'limit'} "
        f"({' and '.join(limits)}) "
        + (
            ("still apply" if len(limits) > 1 else "still applies")
            if applied
            else f"{'were' if len(limits) > 1 else 'was'} not applied, as the file's range "
            "does not end before it"
        )
        for applied, limits in ((True, said[True]), (False, said[False]))
        if limits
    )
    theirs = theirs or (
        f"the reference set's {bounds_text(chosen, unit)}"
        if chosen.low is not None or chosen.high is not None
        else "the reference set, which gives no range for it"
    )
    return (
        f"{name}: the file's range '{shorten(text)}' (read as {bounds_text(from_file, unit)}, "
        f"{_limits_included(from_file)}) differs from {theirs}; the file's range was used (it "
        "belongs to "
        f"the lab that measured the value){lost}"
    )


#: A note's end where a marker the set lacks was judged by the row's printed range alone
LAB_RANGE_USED = "the lab's range in the file was used"


def stopped_reading(source: str, problem: InputError) -> list[StreamEvent]:
    """The events a file gives when a problem stops its reading: what the reader met before
    it, then the file-unreadable issue."""
    message = str(problem).removeprefix(f"{source}: ")
    issue = Issue(code=UNREADABLE, source=source, line=problem.line, message=message)
    return [*problem.before, issue]


#: Names of standard input that scripts give where a tool takes only file names.
_STDIN_NAMES = frozenset({"/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"})


def _file_on_stdin() -> str | None:
    """The file redirected to standard input ('< a.csv'), which may be read again (as
    `_file_identity` names it); None for a pipe or a terminal, read once."""
    try:
        found = os.fstat(sys.stdin.fileno())
        if stat.S_ISREG(found.st_mode):
            return _inode(found)
    except (AttributeError, OSError, ValueError):  # a test's stand-in, or closed
        pass
    return None


def _file_identity(source: str) -> str:
    """What tells a file apart from others: a regular file's device and inode (developer QA:
    a hard link to a file given before was read again with no word), else its real path."""
    try:
        found = os.stat(source)
    except (OSError, ValueError):
        return os.path.realpath(source)
    return _inode(found) if stat.S_ISREG(found.st_mode) else os.path.realpath(source)


def _inode(found: os.stat_result) -> str:
    """A regular file's device and inode, as `_file_identity` and `_file_on_stdin` name it."""
    return f"{found.st_dev}:{found.st_ino}"


def in_lists(
    events: Iterable[T], size: int, waiting: Callable[[], bool] | None = None
) -> Iterator[list[T]]:
    """Events in lists of `size`, a list ending early whenever `waiting()` says the input has
    nothing more right now; when reading stops the file, the events before it still come."""
    batch: list[T] = []
    try:
        for event in events:
            batch.append(event)
            if len(batch) >= size or (waiting is not None and waiting()):
                yield batch
                batch = []
    except InputError:
        if batch:
            yield batch
        raise
    if batch:
        yield batch


def _never(_: Measurement) -> None:
    """A `_quick` that declines every row (with `short_path=False`)."""
    return None


#: The long layout's roles the short path reads, in `_long_rows`' order.
_LANE_ROLES = (
    "sample_id", "patient_id", "collected_at", "marker", "value", "unit", "reference_range"
)  # fmt: skip
#: The roles `_person` reads (see `Interpreter._person_readable`).
_PERSON_ROLES = ("sex", "age", "birth_date")


@dataclass(frozen=True)
class CheckOptions:
    """Choices that change how rows are read and judged, as check's options of those names
    (`sex` also 'F', 'M', 'weiblich' …); raises ValueError for one it cannot use."""

    assume_unit: str | None = None  # unit for rows without one; "range" = the range's own unit
    sex: Sex | None = None  # for rows without a sex column
    #: for rows without an age or birth-date column: years, or as --age takes it ('18 mo',
    #: '6 wk', '>89'), which also sets `age_width` as --age does
    age: float | None = None
    #: How much of a year --age's last digit spans, as `age_width` reads it ('0' a year, '7 mo'
    #: a month); None: a whole number is whole years, any other exact
    age_width: float | None = None
    max_line_length: int = DEFAULT_MAX_LINE

    def __post_init__(self) -> None:
        # What the command line refuses, the library refuses too (ValueError: a caller's slip).
        if self.sex not in (None, "female", "male"):
            read = parse_sex(self.sex) if isinstance(self.sex, str) else None
            if read is None:
                raise ValueError(f"sex must be 'female' or 'male' (F, M), not {self.sex!r}")
            object.__setattr__(self, "sex", read)  # 'F' as --sex F takes it (found in QA)
        given: object = self.age  # (as given: the library's caller's)
        if isinstance(given, str):  # --age's forms (developer QA round 10: refused here)
            years = parse_age(given)
            if years is None:
                raise ValueError(
                    f"age must be a number of years (or a child's age such as '18 mo'), not "
                    f"{given!r}"
                )
            object.__setattr__(self, "age", years)
            if self.age_width is None:
                object.__setattr__(self, "age_width", age_width(given))
        if self.age is not None and (
            isinstance(self.age, bool) or not isinstance(self.age, int | float)
        ):  # '52' gave "'<=' not supported between 'int' and 'str'" (QA)
            raise ValueError(f"age must be a number of years, not {self.age!r}")
        if self.age is not None and not 0 <= self.age <= MAX_AGE:
            raise ValueError(f"age must be a number of years from 0 to {MAX_AGE}, not {self.age!r}")
        if self.age_width is not None and (
            isinstance(self.age_width, bool)
            or not isinstance(self.age_width, int | float)
            or not 0 <= self.age_width <= 1
        ):  # review: -1 was taken
            raise ValueError(f"age_width must be a part of a year, 0 to 1, not {self.age_width!r}")
        length: object = self.max_line_length  # (as given: the library's caller's)
        if isinstance(length, float) and length.is_integer():
            object.__setattr__(self, "max_line_length", int(length))  # 2048.0
        if (
            isinstance(self.max_line_length, bool)
            or not isinstance(self.max_line_length, int)
            or self.max_line_length < 1
            or self.max_line_length > 2**31 - 1  # csv's limit (developer QA round 14)
        ):  # review: 1.5 and '10' failed later, in the csv module, as TypeErrors
            raise ValueError(
                "max_line_length must be a positive whole number up to 2147483647, not "
                f"{self.max_line_length!r}"
            )
        if self.assume_unit is not None and not isinstance(self.assume_unit, str):
            raise ValueError(
                f"assume_unit must be a unit such as 'pg/mL', not {self.assume_unit!r}"
            )
        # as --assume-unit takes it (QA: 'RANGE' worked there and was refused here)
        object.__setattr__(self, "assume_unit", assumed_unit_given(self.assume_unit))


def assumed_unit_given(value: str | None) -> str | None:
    """'range' in any case as 'range' (each marker's own unit); any other unit as given."""
    return "range" if isinstance(value, str) and value.strip().casefold() == "range" else value


def assumed_unit_problem(unit: str | None, reference_set: ReferenceSet) -> str | None:
    """Why no row could use this assumed unit (--assume-unit, `CheckOptions.assume_unit`), if
    none could (else every row is rejected)."""
    if unit is None or unit == "range" or is_mass_concentration(unit):
        return None
    # QA: 'U/mL' with a set in kU/L was refused, though such values convert to it.
    if any(same_family(unit, m.unit) for m in reference_set.markers.values()):
        return None
    return (
        f"the unit to assume, '{unit}', is not a unit panelcli converts (such as pg/mL, ng/L, "
        "µg/L) nor one that converts to the unit of a marker in this reference set; use one of "
        "those, or 'range' for each marker's own unit"
    )


#: Different texts of one once-per-file warning (say, 100 unreadable ranges) a file gets
#: before one last warning sums up the rest (see `Interpreter._warn_once`).
KIND_LIMIT = 100
_MORE = "\0more"  # the key that stands for the summing-up warning
_MORE_THAN = "more than "  # how the summing-up warning's message starts (`is_summing_up`)


def more_of_kind(issue: Issue, limit: int) -> Issue:
    """The warning that stands for `issue` and every later one of its code in its file."""
    message = (
        f"{_MORE_THAN}{limit} different '{issue.code}' warnings in this file; from this line on "
        "they are not listed one by one, and those rows are handled as the ones above"
    )
    return issue.model_copy(update={"message": message})


def is_summing_up(issue: Issue) -> bool:
    """Whether a warning sums up others: one `more_of_kind` made, or one about a whole file
    given at its end (QA: the big-file table cut 'blank marker cells were read as not
    measured' and the file's Windows-1252 bytes after its first hundred warnings)."""
    if issue.code in FILE_END_CODES:
        return True
    return issue.message.startswith(_MORE_THAN) and issue.code in Interpreter.ONCE_PER_FILE


class Interpreter:
    """Turns measurements into results against one reference set (stateful only for warnings)."""

    #: How many recent samples are remembered to spot a marker measured twice (bounded memory).
    RECENT_SAMPLES = 1024
    #: Marker-and-unit spellings whose plan is remembered (a real file has a few dozen).
    MAX_PLANS = 4096

    def __init__(
        self,
        reference_set: ReferenceSet,
        options: CheckOptions,
        short_path: bool = True,
        kind_limit: int | None = KIND_LIMIT,
    ) -> None:
        problem = assumed_unit_problem(options.assume_unit, reference_set)
        if problem:
            raise ValueError(problem)
        self.ranges = reference_set
        self.options = options
        #: False: every row takes the general path (the tests compare the two paths).
        self.short_path = short_path
        #: See `_warn_once`; None: no limit (a batch, whose warnings `ndjson_join` limits).
        self.kind_limit = kind_limit
        self._recent: OrderedDict[PanelKey, dict[str, tuple[int, str]]] = OrderedDict()
        self._warned = _Said()
        #: A value read with ',' as the decimal mark that could not be read otherwise ('12,5',
        #: '0,125') was met: the file's ',' is its decimal mark, so '1,234' is no doubt.
        self.comma_decimal_seen = False
        #: A value that writes '.' as the decimal point for certain ('2.5', '1,234.5') was met:
        #: where the file also writes a decimal comma, '12,345' may be either (QA: read as
        #: 12.345, and '"1,500"' beside '2.5' and '"0,5"' as 1.5)
        self.decimal_point_seen: str | None = None
        #: A value that groups thousands with ',' before its point ('1,340.5') was met: a ','
        #: file's '"1,120"' is then read as 1120 (until it shows a decimal comma).
        self.comma_grouping_seen: str | None = None
        #: A ',' file's '"1,120"' was refused before such a value came (see `repeats_after`)
        self.comma_refused_unseen = False
        self._kinds: Counter[tuple[str, str]] = Counter()  # (code, source) -> texts warned
        self._pending: list[Issue] = []  # warnings raised while judging, yielded after the row
        self._plans: dict[tuple[str, str | None], _Plan | None] = {}
        #: The file's judged rows' range cells (its `ReadStats.range_cells`: `_note_range`);
        #: None where its layout has no range cells
        self._range_cells: RangeCells | None = None
        self._lab_plans: dict[tuple[str, str, str, bool], _LabPlan] = {}  # see _lab_plan_for
        self._references: dict[tuple[object, ...], Reference] = {}
        self._readable: dict[tuple[str, ...], bool] = {}  # see _person_readable
        #: collected_at as written (stripped) -> the code and message of its warning, if any
        self._date_problems: dict[str, tuple[str, str] | None] = {}
        #: The day of the check: a collection date after it (but for time zones) is warned of.
        self.today = dt.date.today()
        self._columns: dict[str, str] = {}  # role -> its header cell as written (judge_rows)
        #: a long file's marker column, by source: validate names it in a `no-reference`
        #: warning, where the fix is (next-step QA round 19, was developer QA round 13)
        self.marker_columns: dict[str, str] = {}
        #: wide: a marker column -> its own columns' headers by role (`companion_columns`)
        self._companions: dict[str, dict[str, str]] = {}
        self._wide = False  # the file being read has the wide layout (judge_rows)
        self._by_visit = False  # its collections are named by a study's visits (judge_rows)
        #: the unit the lines above the file's header name (`Layout.preamble_unit`)
        self._preamble_unit: tuple[int, str] | None = None
        self._alarms: str | None = None  # the header of an alarm column read as comments
        self._ids_column = False
        self._blank_ids = False
        self._means_by_row = False  # a mean column beside its replicate columns (judge_rows)
        self._named = False  # ... and a person column beside the ids (judge_rows)
        #: A long file's mean rows ('IL-6 Mean') of one panel with no replicate rows of their
        #: marker yet: judged once the panel's rows end, unless a replicate row comes first.
        # each with its marker, and whether the file had shown its decimal comma by then
        # each with the decimal marks seen where it stands (`comma_decimal_seen`, and
        # `decimal_point_seen`)
        self._held: list[tuple[Measurement, str, tuple[bool, str | None]]] = []
        self._held_panel: PanelKey | None = None
        #: Rows (file, line) whose result status panelcli cannot read, and their markers
        #: (None: all), kept while mean rows are held: a held row's results say so too
        #: (`_status_unread`; review of round 9: they went out as FHIR 'final')
        self._unread_rows: dict[tuple[str, int], str | None] = {}
        #: A wide row (its file and line) and the markers whose replicate columns gave a
        #: result in it: a mean column of one of them ('IL-6 Mean') is then not read.
        self._row_replicated: tuple[tuple[str, int], set[str]] = (("", 0), set())
        #: The file being read presumes ',' the decimal mark by its delimiter (';', tab, '|');
        #: a ',' file shows it, if at all, in a quoted value or range (judge_rows).
        self._comma_presumed = False
        self._delimiter = ","  # the file being read's
        #: The file being read now and what its reader has seen (for a progress bar).
        self.reading: tuple[str, ReadStats] | None = None
        #: The files whose comments say they are synthetic, each once, as they are opened: a
        #: fact of the file, not of a row, so the outputs give it after the rows (see Tally).
        self.synthetic_sources: list[str] = []
        #: The files with a column per marker (wide layout), each once, as they are opened:
        #: the table counts a rejected cell of their rows as a value, not a row.
        self.wide_sources: list[str] = []
        #: Each patient's sex and birth date as its samples give them, for trends (see
        #: `PersonsSeen`); None: not followed (a stream keeps no memory of every patient).
        self.persons: PersonsSeen | None = None

    def note_opened(self, source: str, stats: ReadStats) -> None:
        """Note what a file's header told once it is found (its comments: synthetic data; its
        layout)."""
        if stats.synthetic and source not in self.synthetic_sources:
            self.synthetic_sources.append(source)
        if stats.layout == "wide" and source not in self.wide_sources:
            self.wide_sources.append(source)

    def known_marker(self, name: str) -> str | bool:
        """Whether a wide header's column is a marker's: the set's (its name there), or any
        panelcli knows (a marker the set has no range for is read, and judged no_reference)."""
        if name.rstrip().casefold().endswith(("level", "levels")):
            # 'IL-6 Level' with no unit may head a column of words ('High'; review), though a
            # long file's marker cell so written is IL-6 (lab QA round 7)
            return names_a_marker(name)
        return self.ranges.resolve(name) or names_a_marker(name)

    def events(self, sources: Iterable[str]) -> Iterator[Event]:
        """Results and issues of every source in order; an unreadable file becomes one issue."""
        for event in self.stream(sources):
            yield event.to_result() if isinstance(event, ResultRow) else event

    def stream(self, sources: Iterable[str], size: int = 512) -> Iterator[StreamEvent]:
        """Like `events`, but rows that took the short path stay `ResultRow`s (no validation).

        Files are read `size` rows ahead (see `stream_batches`).
        """
        return itertools.chain.from_iterable(self.stream_batches(sources, size))

    def stream_batches(
        self, sources: Iterable[str], size: int = 512
    ) -> Iterator[list[StreamEvent]]:
        """`stream`'s events in lists of about `size` (handling a list at a time saves steps).

        A list ends early when the input is a pipe with nothing more to read right now, so
        that a row fed through a pipe is handed on at once (`ReadStats.waiting`).
        """
        seen: dict[str, str] = {}  # the file (its real path) -> the name it was first given as
        dashes: set[str] = set()  # '-' once read: standard input is then at its end
        for source in sources:
            if not source.isascii() and (problem := name_problem(source)) is not None:
                # as the CLI refuses it (developer QA round 11: the library's report of such a
                # name, from glob or os.listdir, could not be written as JSON; review: a UTF-8
                # name under an ASCII locale was told to be renamed)
                message = locale_message(problem, source) if problem.locale else NOT_UTF8
                yield [Issue(code=UNREADABLE, source=problem.shown, message=message)]
                continue
            # './a.csv' and 'a.csv' (or a link to it) are one file; '/dev/stdin' is '-' where
            # it is a pipe, and both are the file redirected to them (review: '- /dev/stdin <
            # a.csv' read it twice without a word, and '/dev/stdin /dev/stdin < a.csv' was
            # refused as a pipe given twice)
            redirected = _file_on_stdin() if source == STDIN or source in _STDIN_NAMES else None
            reads_stdin = source == STDIN or (source in _STDIN_NAMES and redirected is None)
            same = redirected or (STDIN if reads_stdin else _file_identity(source))
            # a pipe, or '-' again, is read to its end the first time (review: 'a.csv - <
            # a.csv' was refused as standard input twice; '-' after a file is that file)
            again = source == STDIN and STDIN in dashes
            if again or (same in seen and reads_stdin and redirected is None):
                # (QA: '/dev/stdin /dev/fd/0' was 'read again', then 'the file is empty')
                said = (
                    f"'{shorten(source, 80)}' is given more than once"
                    if source == seen[same]
                    else f"standard input is given more than once (as "
                    f"'{shorten(seen[same], 80)}' and here as '{shorten(source, 80)}')"
                )
                yield [Issue(code=UNREADABLE, source=source, message=f"{said}; it is read once")]
                continue
            if source == STDIN:
                dashes.add(STDIN)
            if same in seen:  # a warning for each copy: each says it is read again
                self._forget_warnings(source)  # the new reading gives them again, as its own
                first = "" if seen[same] == source else f" (as '{shorten(seen[same], 80)}')"
                yield [Issue(
                    severity="warning", code="file-repeated", source=source,
                    message=f"this file was given before{first}; its rows are read again",
                )]  # fmt: skip
            seen.setdefault(same, source)
            stats = ReadStats()
            self.reading = (source, stats)
            # What a file's numbers showed (its decimal mark) is the file's own: the next file
            # may write its numbers otherwise (found in QA).
            self.comma_decimal_seen = False
            self.decimal_point_seen = None
            self.comma_grouping_seen = None
            self.comma_refused_unseen = False
            try:
                with open_rows(
                    source, self.known_marker, stats, self.options.max_line_length
                ) as file:
                    self.note_opened(source, stats)
                    if file.leading:
                        yield [*file.leading]
                    yield from self.judge_rows(file, stats, size)
                    # The closing warnings come even when the file then proves to have no rows.
                    closing: Iterator[StreamEvent] = file_closing(source, stats)
                    yield from in_lists(closing, size)
            except InputError as exc:
                yield stopped_reading(source, exc)

    def judge_rows(
        self, file: FileRows, stats: ReadStats, size: int = 512, first: bool = True
    ) -> Iterator[list[StreamEvent]]:
        """A file's numbered rows (`file.rows`) to events in lists of about `size`, in order.

        A pure function of the rows and the interpreter's memory of recent panels. `first`:
        the rows start the file (a wide layout's first row may hold units).
        """
        self._columns = role_columns(file.header, file.layout)
        if "marker" in self._columns and file.layout.kind == "long":
            self.marker_columns[file.source] = self._columns["marker"]
        self._companions = companion_columns(file.header, file.layout)
        self._wide = file.layout.kind == "wide"
        self._by_visit = file.layout.collected_by_visit  # (a study's visits, not dates)
        #: the comment column is an instrument's alarms ('Data Alarm'): a result with one is not
        #: judged (`_alarmed`), named by its header
        comment_at = file.layout.roles.get("comment")
        self._alarms = (
            file.header[comment_at]
            if comment_at is not None and header_key(file.header[comment_at]) in ALARM_COLUMNS
            else None
        )
        #: a long file's row can give no id where its header has an id column (`_no_ids_given`)
        self._ids_column = not self._wide and not {"sample_id", "patient_id"}.isdisjoint(
            file.layout.roles
        )
        #: a wide file's row can leave its sample id cell blank: it is named by its line
        self._blank_ids = self._wide and "sample_id" in file.layout.roles
        # a wide file whose rows are replicates ('Replicate' column): its means as a long file's
        self._means_by_row = self._wide and "replicate" not in file.layout.roles
        self._named = file.layout.patient_stand_in is not None  # see `Measurement.name`
        self._preamble_unit = file.layout.preamble_unit
        # (a file with no range cells has no `range-missing`: nothing noted, row by row)
        self._range_cells = stats.range_cells if _gives_ranges(file.layout) else None
        self._row_replicated = (("", 0), set())  # a file given again reads its rows again
        self._comma_presumed = stats.decimal_comma
        if stats.comma_ahead:  # as if its first row had shown it
            self.comma_decimal_seen = True
        if stats.point_ahead is not None:  # ... and so for a ';' file's '3.3'
            self.decimal_point_seen = stats.point_ahead
        self._delimiter = file.delimiter
        try:
            if (
                file.layout.kind == "long"
                and self.short_path
                and not _general_path_only(file.layout)
            ):
                yield from self._long_rows(file, stats, size)
            else:
                source, header, layout, delimiter, _, rows = file
                # In a ',' file too: once it shows a decimal comma ('"3,2"'), its '1.234' is
                # refused as in a ';' file (QA: it was read as 1.234, certain).
                rows = self._noting_commas(rows, layout, header)
                measurements = rows_to_measurements(
                    source, header, layout, delimiter, rows, stats, first
                )
                judged = self.judge_all(measurements, stats)
                if _reads_statuses(layout):
                    # the mean rows still held at the end too, as those released before are
                    # (review: a batch's last mean lost its 'corrected' note, so batches and
                    # one process differed)
                    # (`_release_held` is a generator: it looks at what is held once asked)
                    judged = corrections_applied(itertools.chain(judged, self._release_held(stats)))
                yield from in_lists(judged, size, stats.waiting)
        except InputError:  # the file stops here: the mean rows held before it are not lost
            held = list(self._release_held(stats))
            if held:
                yield held
            raise
        held = list(self._release_held(stats))
        if held:
            yield held

    def _noting_commas(
        self, rows: Iterable[NumberedRow], layout: Layout, header: Sequence[str]
    ) -> Iterator[NumberedRow]:
        """The rows, each noted once judged (when the next is asked for) if it shows ',' as
        the decimal mark, as batches note them (`shows_decimal_comma`): also a row refused
        for a cell, such as its flag, before its value was judged."""
        before: NumberedRow | None = None
        for numbered in rows:
            if before is not None:
                self._note_comma(before, layout, header)
            yield numbered
            before = numbered
        if before is not None:
            self._note_comma(before, layout, header)

    def _note_comma(self, numbered: NumberedRow, layout: Layout, header: Sequence[str]) -> None:
        cells = numbered[2]
        if type(cells) is not list:
            return
        if self.decimal_point_seen is None:
            self.decimal_point_seen = shows_decimal_point(cells, layout, header)
        if self.comma_grouping_seen is None and not self._comma_presumed and "," in "".join(cells):
            # ',' files only, and a ',' in a quoted cell (nearly no row: asked of each)
            self.comma_grouping_seen = shows_comma_grouping(cells, layout, header)
        if not self.comma_decimal_seen:
            self.comma_decimal_seen = shows_decimal_comma(cells, layout, header)

    def _long_rows(
        self, file: FileRows, stats: ReadStats, size: int
    ) -> Iterator[list[StreamEvent]]:
        """`judge_rows` for the long layout: a number the short path takes (plain, with a
        decimal comma, or simply censored) goes from cells to `ResultRow`.

        This loop runs once per row of a million-row file, so it reads the cells itself
        instead of making a `Measurement`; it gives exactly what `rows_to_measurements` and
        `_judge` would, and hands every other row to them untouched (blank, comment, short or
        long rows, a printed range with a warning still to give, anything else `_quick`
        declines).
        """
        source, header, layout, delimiter, _, rows = file
        width = len(header)
        roles = layout.roles
        stats.columns = role_columns(header, layout)
        column = header[roles["value"]]
        value_unit = layout.value_unit  # 'Concentration (pg/mL)': for rows without a unit
        pad = width  # a role the header lacks reads the blank cell appended to each row
        columns = [roles.get(role, pad) for role in _LANE_ROLES]
        # ... but for the range (most files have none), which is then read as blank: the
        # column read for it here (the first) is not used.
        no_range = "reference_range" not in roles and not has_range_limits(layout)
        if no_range:
            columns[-1] = 0
        cells_of: Callable[[list[str]], Any] = operator.itemgetter(*columns)
        if has_range_limits(layout) or layout.range_unit:
            # 'Ref Low', 'Ref High': read as one range cell; with the unit the header gives
            cells_of = _with_range_limits(cells_of, roles, layout.range_unit)
        # 'Patient Name': the patient where no id is given, and compared as a sample's rows
        # are (`Measurement.name`)
        name_of: Callable[[list[str]], str] | None = None
        if layout.patient_stand_in is not None:
            cells_of = _with_patient_stand_in(
                cells_of, layout.patient_stand_in, layout.stand_in_where_no_id
            )
            name_of = operator.itemgetter(layout.patient_stand_in)
        # Sex, age and birth date only choose among a marker's intervals, which the short path
        # never has; but a cell the general path cannot read gets a warning, so such rows go
        # there (see `_person_readable`).
        person_of: Callable[[list[str]], tuple[str, str, str]] | None = None
        if any(role in roles for role in _PERSON_ROLES):
            person_columns = [roles.get(role, pad) for role in _PERSON_ROLES]
            columns += person_columns
            person_of = operator.itemgetter(*person_columns)
        # The lab's critical limits: a row that gives one takes the general path (most LIS
        # exports with such columns leave them blank: review, every row went there, 2.3x slower)
        critical_of: Callable[[list[str]], tuple[str, str]] | None = None
        if any(role in roles for role in CRITICAL_ROLES):
            critical_columns = [roles.get(role, pad) for role in CRITICAL_ROLES]
            columns += critical_columns
            critical_of = operator.itemgetter(*critical_columns)
        # ... and so does a row with the lab's comment on it (its note keeps it), with
        # anything in the unread column before the value (its '>' is the value's sign), or of a
        # fluid other than blood ('CSF', which a blood range does not fit): one check a row
        fluids = specimen_columns(layout)
        needs_general = _needs_general(
            roles.get("comment"),
            sign_column(header, layout),
            fluids,
            bool(fluids) and self._fluid_ranges,
            self._alarms is not None,
        )
        padded = pad in columns  # rows get their blank cell (appended, then taken off)
        # A bare number right after the value in an ignored column: the general path asks
        # whether a decimal comma split the value (see `spill_columns`).
        spill = spill_columns(header, layout, delimiter).get(roles["value"])
        value_index = roles["value"]
        person_readable = self._person_readable
        plan_for, markers_for, lab_plan_for = self._plan_for, self._markers_for, self._lab_plan_for
        # The judged rows' range cells, for the file's `range-missing` warning (`_note_range`)
        printed, blank = stats.range_cells
        range_column = self._column_of("reference_range")
        # `_plan_for`'s plans by marker, then unit: looking up two strings costs less than
        # making, hashing and comparing a (marker, unit) key, as `self._plans` has it.
        plans_of: dict[str, dict[str | None, _Plan | None]] = {}
        planned = 0  # plans in plans_of
        held_means = self._held  # mean rows waiting for their panel's end (see _judge)
        waiting = stats.waiting
        # Where ',' is the decimal mark, '1.234' gets a warning from the general path; in a ','
        # file, once a row showed a decimal comma ('"3,2"'), '1.234' is refused there.
        decimal_comma = stats.decimal_comma or self.comma_decimal_seen
        dot_may_group = DOT_MAY_GROUP_THOUSANDS if decimal_comma else None
        sample: PanelKey | None = None  # the panel of the row before, and its markers
        seen: dict[str, tuple[int, str]] = {}
        # The row before's sample cells as read (None: none to compare) and as kept: most rows
        # repeat them exactly.
        read_sample: str | None = None
        read_patient = read_when = read_name = ""
        read_person: tuple[str, str, str] | None = None
        sample_fields: tuple[str | None, str | None, str | None] = (None, None, None)
        mixed = False  # the row before's sample id came with another patient or date
        # A standard's or control's row (see `not_a_patient_sample`) takes the general path.
        kind_of = roles.get("sample_type")
        ids_column = self._ids_column  # (a local: read per sample)
        taken = 0  # rows this loop turned into results (added to stats at the end)
        general: Callable[[Iterable[NumberedRow]], Iterator[Measurement | Issue]] | None = None
        comma_shown = False  # the row's value or range writes a decimal comma ('12,5')
        batch: list[StreamEvent] = []
        # Values repeat all through a file (labs write few digits), and converting one to its
        # reference unit (Decimal) or saying how many times the limit it is (round()) costs
        # five times looking it up. No -0.0 comes here to be taken for 0.0.
        converted: dict[tuple[float, int], float] = {}
        ratios: dict[tuple[float, float], float | None] = {}
        # The cells straight from the csv reader, each row numbered here as `NumberedRows`
        # numbers it (see there: a generator's step per row costs more than 1% of this loop).
        coming: Iterator[Any]  # cells, or else numbered rows
        if type(rows) is NumberedRows and rows.take():
            numbering, coming, numbered_given = rows, rows.reader, False
        else:  # rows from elsewhere (a batch's) come numbered
            numbering, coming, numbered_given = NumberedRows(iter(()), source, 0), iter(rows), True
        reader: Any = numbering.reader
        lines_before, last_line, stop = numbering.lines_before, numbering.last_line, numbering.stop
        item: Any  # of `coming`
        cells: list[str] | csv.Error
        try:
            while True:  # once more after each row the csv module cannot parse
                try:
                    for item in coming:
                        if numbered_given:
                            line, last_line, cells = item
                        else:
                            line = last_line + 1
                            last_line = lines_before + reader.line_num
                            cells = item
                        if stop is not None and line >= stop:  # (None: cheaper than a huge int)
                            numbering.held = (line, last_line, cells)
                            break
                        row = None
                        # A row over several lines may hold swallowed rows: the general path
                        # says so; so does it of a row that starts with '#' (commented out?).
                        if (
                            type(cells) is list and len(cells) == width and last_line == line
                            and "#" not in cells[0]
                        ):  # fmt: skip
                            if padded:
                                cells.append("")
                            sample_id, patient_id, collected_at, marker, text, unit, lab_range = (
                                cells_of(cells)
                            )
                            person = None if person_of is None else person_of(cells)
                            # a row that gives a critical limit: the general path reads it
                            gives_critical = (
                                critical_of is not None
                                and any(map(gives_a_limit, critical_of(cells)))
                            ) or (needs_general is not None and needs_general(cells))
                            if padded:
                                cells.pop()
                            marker, text, unit = (
                                marker.strip(),
                                text.strip(),
                                unit.strip() or value_unit,
                            )
                            try:
                                plan = plans_of[marker][unit]
                            except KeyError:  # the first row of this marker and unit
                                plan = plan_for(marker, unit)
                                planned += 1
                                if planned > self.MAX_PLANS:  # junk spellings: memory stays flat
                                    plans_of.clear()
                                    planned = 1
                                plans_of.setdefault(marker, {})[unit] = plan
                            if gives_critical:
                                plan = None
                            lab_range = "" if no_range else lab_range.strip()
                            # Noted once the row is taken here: a control's '12,5' is not a judged
                            # value's (the general path skips controls first), as batches count it.
                            comma_shown = lab_range != "" and writes_a_decimal_comma(lab_range)
                            if comma_shown and not decimal_comma:
                                # A ',' file's range shows its decimal comma ('"<7,0"'): the general
                                # path reads the row as one whose file has shown it.
                                plan = None
                            if lab_range and plan is not None and unit is not None:
                                plan = lab_plan_for(
                                    plan, marker, unit, lab_range, source, decimal_comma
                                )
                            # A marker and a number (and no '#') also mean the row is neither blank
                            # nor a comment.
                            if plan is not None:
                                (name, category, reference_unit, exponent, scale, bounds, limits,
                                 reference, ceiling, floor) = plan  # fmt: skip
                                # `_plain_number`, written out: a call per row costs more than
                                # its work
                                number = None
                                # Digits with at most one point ('12.5', '7', '.5') are what
                                # PLAIN_NUMBER matches nearly always, and are checked in a quarter
                                # of its time; its other numbers ('+1', '2e3') are still its to
                                # match.
                                if (
                                    text.replace(".", "", 1).isdecimal()
                                    or PLAIN_NUMBER(text) is not None
                                ):
                                    number = float(text) + 0.0
                                    if (
                                        not 0.0 <= number < _INFINITY
                                        or number * scale > MAX_GRAMS_PER_LITRE
                                        or (
                                            number >= _LEAST_PLACEHOLDER
                                            and number in PLACEHOLDER_NUMBERS
                                        )
                                    ):
                                        number = None
                                comparator = None
                                if number is None:
                                    comparator, number = _comma_or_censored_number(
                                        text, plan, decimal_comma
                                    )
                                    comma_shown = comma_shown or (
                                        number is not None and "," in text
                                    )
                                if (
                                    (
                                        person is not None
                                        and not person_readable(*person, collected_at)
                                    )
                                    or (dot_may_group is not None and dot_may_group(text))
                                    or (
                                        # far past any level, until the file has said so
                                        # (`_far_unsaid`): once, for a file all in mg/L
                                        number is not None
                                        and number > ceiling
                                        and self._far_unsaid(
                                            comparator, source, name, unit, reference_unit
                                        )
                                    )
                                    or (
                                        number is not None
                                        and number < floor  # (floor 0: never)
                                        and number > 0.0
                                        and self._far_unsaid(
                                            comparator, source, name, unit, reference_unit, True
                                        )
                                    )
                                    or (
                                        spill is not None
                                        and cells[spill].strip().isdecimal()
                                        # once the column is known to hold numbers of its own
                                        # the general path asks nothing more (review: every
                                        # row went there, 2.3 times as slow)
                                        and value_index not in stats.numbers_beside
                                    )
                                ):
                                    number = None
                                if number is not None:
                                    name_cell = "" if name_of is None else name_of(cells)
                                    # Compared one by one: str == str costs a fraction of
                                    # comparing tuples of them (the person's cells are one
                                    # tuple, or None == None where the file has none of them).
                                    if (
                                        sample_id == read_sample and patient_id == read_patient
                                        and collected_at == read_when
                                        and person == read_person and name_cell == read_name
                                    ):  # fmt: skip
                                        sample_id, patient_id, collected_at = sample_fields
                                    else:
                                        read_sample, read_patient, read_when = (
                                            sample_id, patient_id, collected_at
                                        )  # fmt: skip
                                        read_person, read_name = person, name_cell
                                        sample_id = given_id(sample_id)
                                        patient_id = given_id(patient_id)
                                        collected_at = given_date(collected_at)
                                        key = sample_key(
                                            source, sample_id, patient_id, collected_at
                                        )
                                        if key != sample:
                                            seen, sample = markers_for(key), key
                                            if held_means and key != self._held_panel:
                                                batch.extend(self._release_held(stats))
                                        sample_fields = (sample_id, patient_id, collected_at)
                                        sex, age, born = (
                                            _NO_PERSON if person is None
                                            else (c.strip() for c in person)
                                        )  # fmt: skip
                                        who = _who(
                                            patient_id, collected_at, sex, age, born,
                                            None if name_of is None
                                            else given_id(name_cell) or "",
                                        )  # fmt: skip
                                        # Another patient, date, sex, age or birth date for this
                                        # sample id, or a row that is no patient's ('Mean',
                                        # 'Blank'): the general path says so.
                                        mixed = (
                                            not _person_fits(seen, line, who)
                                            # no id at all: the general path warns, once
                                            # a file (lab QA)
                                            or (
                                                ids_column
                                                and sample_id is None
                                                and patient_id is None
                                                and ("sample-id-missing", source)
                                                not in self._warned
                                            )
                                            or (
                                                sample_id is not None
                                                and not_a_patient_id(sample_id) is not None
                                            )
                                            # 'PT-301 1:100' (`_judge` reads it 'at least')
                                            or (
                                                sample_id is not None
                                                and names_a_diluted_sample(sample_id)
                                            )
                                            or (
                                                collected_at is not None
                                                and self._date_unsaid(collected_at, source)
                                            )
                                            # '1.23457E+11': the general path warns, once
                                            or self._id_may_be_rounded(
                                                source, sample_id, patient_id
                                            )
                                        )
                                        if sample_id is not None and not mixed:
                                            patient_id, collected_at = blanks_filled_down(
                                                seen, who, patient_id, collected_at
                                            )
                                            sample_fields = (sample_id, patient_id, collected_at)
                                        if person is not None and self.persons is not None:
                                            self.persons.note(who, source, line, sample_id)
                                    if (
                                        name not in seen
                                        and not mixed
                                        # a footer's row ('Mean' under the patient): no id
                                        and (
                                            (kind_of is None and sample_id is not None)
                                            or not_a_patient_sample(cells, layout) is None
                                        )
                                    ):
                                        seen[name] = (line, column)
                                        if (
                                            comparator is None
                                        ):  # `_short_row`, written out (see above)
                                            value = number
                                            if exponent:  # Decimal's exact scaling: remembered
                                                known = converted.get((number, exponent))
                                                if known is None:
                                                    known = convert(number, exponent)
                                                    remember(
                                                        converted,
                                                        (number, exponent),
                                                        known,
                                                        _MEMO_LIMIT,
                                                    )
                                                value = known
                                            critical_low, low, critical_high, high = limits
                                            if value <= critical_low:
                                                zone = _CRITICAL_LOW
                                            elif value < low:
                                                zone = _LOW
                                            elif value >= critical_high:
                                                zone = _CRITICAL_HIGH
                                            elif value > high:
                                                zone = _HIGH
                                            else:
                                                zone = _NORMAL
                                            status, flag, flags = _OUTCOMES[zone]
                                            times = None
                                            if zone >= _HIGH and bounds.high:  # round(): remembered
                                                times = ratios.get((value, bounds.high), _UNKNOWN)
                                                if times is _UNKNOWN:
                                                    times = times_upper_limit(value, bounds.high)
                                                    remember(
                                                        ratios,
                                                        (value, bounds.high),
                                                        times,
                                                        _MEMO_LIMIT,
                                                    )
                                            row = _make_row(ResultRow, (  # type: ignore[call-overload]
                                                source, line, column, sample_id, patient_id,
                                                collected_at, name, marker, category, value, None,
                                                reference_unit, text, unit, status, flag, flags,
                                                times, reference, None,
                                            ))  # fmt: skip
                                        else:
                                            row = _short_row(
                                                plan, number, text, source, line, column, sample_id,
                                                patient_id, collected_at, marker, unit,  # type: ignore[arg-type]
                                                comparator,
                                            )  # fmt: skip
                        if row is not None:
                            if not no_range:  # `_note_range`, written out (rows come in order)
                                if not lab_range:
                                    blank_rows = blank.get(marker)
                                    if blank_rows is None:
                                        blank[marker] = BlankRange(line, range_column, name)
                                    else:
                                        blank_rows.rows += 1
                                elif (
                                    marker not in printed
                                    and reference is not None
                                    and reference.origin == "file"
                                ):  # the lab's range, used (not the set's interval as printed)
                                    printed[marker] = (line, lab_range)
                            if comma_shown:
                                self.comma_decimal_seen = True  # see _judge and _doubt_grouping
                            if self.decimal_point_seen is None:  # as `_note_comma`
                                self.decimal_point_seen = decimal_point_shown(text, lab_range)
                            batch.append(row)
                            taken += 1
                        else:  # the general reading and judging, which may change what the loop
                            sample = read_sample = None  # remembered about the panel
                            if general is None:  # made once: most files never need it
                                general = measurement_reader(
                                    source, header, layout, delimiter, stats, first=False
                                )
                            numbered = (line, last_line, cells)
                            measurements = general((numbered,))
                            batch.extend(self.judge_all(measurements, stats))
                            self._note_comma(numbered, layout, header)
                            if (
                                not decimal_comma and self.comma_decimal_seen
                            ):  # a ',' file showed it
                                decimal_comma, dot_may_group = True, DOT_MAY_GROUP_THOUSANDS
                        if len(batch) >= size or (waiting is not None and waiting()):
                            yield batch
                            batch = []
                    break  # the last row, or the row at `stop`
                except csv.Error as exc:  # the reader carries on after a bad row: the row is
                    # read as its error, in place (the reader's `line_num` counts its lines)
                    error = _row_error(exc, source, last_line + 1, lines_before + reader.line_num)
                    coming = itertools.chain((error,), reader)
        except InputError:
            if batch:  # the rows before the one that stops the file are not lost
                yield batch
                batch = []
            raise
        finally:
            stats.rows += taken
            stats.measurements += taken
            numbering.last_line = last_line  # for the rows after (`NumberedRows.after`)
        if batch:
            yield batch

    def judge_all(
        self, items: Iterable[Measurement | Issue], stats: ReadStats
    ) -> Iterator[StreamEvent]:
        """Measurements to results (row problems pass through); `stats` says how they were read."""
        quick: Callable[[Measurement], ResultRow | None] = (
            self._quick if self.short_path else _never
        )
        comma = stats.decimal_comma or self.comma_decimal_seen
        if comma and self.short_path:  # '1.234' gets a warning or is refused by `_judge`
            quick = self._quick_unless_dot_may_group
        for item in items:
            if type(item) is Issue:
                if item.code in _ONCE_PER_TEXT:  # its row's results say so (`_status_unread`)
                    self._unread_rows[item.source or "", item.line or 0] = item.marker
                if (
                    self._held
                    and (
                        item.sample_id is not None
                        or item.patient_id is not None
                        or item.collected_at is not None  # a panel of its date (as batches)
                        or item.severity == "error"  # a row refused, of no sample (as batches)
                    )
                    and panel_key(item) != self._held_panel
                ):
                    # a row of another sample, refused or skipped: the held means' panel has
                    # ended before it, as where batches are cut (differential test); not a
                    # comment's or a warning naming no sample (review: a comment released it)
                    yield from self._release_held(stats)
                if item.code in _READ_ONCE_PER_TEXT:  # lab QA round 7: 300 rows, 300 warnings
                    key = (item.code, item.source, item.message)
                    if key in self._warned:
                        continue
                    self._warned.add(key)
                yield self._issue_filled_down(item)
                continue
            if not comma and self.comma_decimal_seen:  # a ',' file has shown its decimal comma
                comma = True
                if self.short_path:
                    quick = self._quick_unless_dot_may_group
            if self._held and _panel_of(item) != self._held_panel:  # type: ignore[arg-type]
                yield from self._release_held(stats)  # the held means' panel has ended
            unread, marker = False, None  # its status unread, and of which marker (None: all)
            if self._unread_rows:
                at = (item.source, item.line)  # type: ignore[union-attr]
                if at in self._unread_rows:
                    unread, marker = True, self._unread_rows[at]
                elif not self._held:
                    self._unread_rows.clear()  # a row after them, none held: said of all
            row = quick(item)  # type: ignore[arg-type]
            if row is not None:
                if self._range_cells is not None:
                    self._note_range(item, row)  # type: ignore[arg-type]
                yield _status_unread(row, marker) if unread else row
                continue
            events = self._judged_noting_range(
                item,  # type: ignore[arg-type]
                stats.decimal_comma,
                stats.columns.get("unit"),
            )
            if unread:
                events = (_status_unread(event, marker) for event in events)
            yield from events

    def _judged_noting_range(
        self, m: Measurement, decimal_comma: bool, unit_column: str | None, held: bool = False
    ) -> Iterator[StreamEvent]:
        """`_judge`'s events, the row's range cell noted where it was judged (`_note_range`)."""
        if self._range_cells is None:
            yield from self._judge(m, decimal_comma, unit_column, held)
            return
        noted = False
        for event in self._judge(m, decimal_comma, unit_column, held):
            if not noted and type(event) is Result and event.status is not Status.NO_REFERENCE:
                self._note_range(m, event)
                noted = True
            yield event

    def _note_range(self, m: Measurement, result: Result | ResultRow) -> None:
        """Notes a judged row's range cell, blank or the lab's range used, for the file's
        `range-missing` warning (see `file_end_warnings`)."""
        assert self._range_cells is not None
        printed, blank = self._range_cells
        text = m.reference_range
        if text:  # the first in the file (a held mean row is judged after later rows)
            reference = result.reference
            if reference is not None and reference.origin == "file":
                first = printed.get(m.marker)
                if first is None or m.line < first[0]:
                    printed[m.marker] = (m.line, text)
            return
        blank_rows = blank.get(m.marker)
        if blank_rows is None:
            column = self._column_of("reference_range", m)
            blank[m.marker] = BlankRange(m.line, column, result.marker)
        else:
            blank_rows.rows += 1
            if m.line < blank_rows.line:
                blank_rows.line, blank_rows.column = m.line, self._column_of("reference_range", m)

    def _quick_unless_dot_may_group(self, m: Measurement) -> ResultRow | None:
        """`_quick` for a file whose decimal mark is ','; '1.234' takes the general path."""
        return None if DOT_MAY_GROUP_THOUSANDS(m.value.strip()) else self._quick(m, True)

    def _quick(self, m: Measurement, decimal_comma: bool = False) -> ResultRow | None:
        """The result of a plain or simply censored number for a planned marker and unit; None:
        take the general path.

        Gives exactly what `_judge` would, and returns None before changing any state whenever
        the row needs more (a censored or odd value, a warning, a range in the row, …).
        """
        (source, line, column, marker, written, unit, sample_id, patient_id, collected_at,
         sex, age, birth_date, reference_range, detection, _, _, critical, comment,
         specimen, qc_code, _) = m  # fmt: skip
        if (
            reference_range is not None or detection is not None or critical is not None
            or comment is not None or qc_code is not None
            or (specimen is not None and (specimen != BLOOD or self._fluid_ranges))
            or (
                patient_id is None
                and (
                    (sample_id is None and self._ids_column)
                    or (
                        self._blank_ids
                        and sample_id is not None
                        and sample_id.startswith("line ")
                        and sample_id == named_by_line(line)
                    )
                )
                and ("sample-id-missing", source) not in self._warned
            )  # `_no_ids_given` warns, once a file
            or (sample_id is not None and names_a_diluted_sample(sample_id))  # see `_judge`
        ):  # fmt: skip
            return None
        if (sex or age or birth_date) and not self._person_readable(
            sex or "", age or "", birth_date or "", collected_at or ""
        ):
            return None
        plan = self._plan_for(marker, unit)
        if plan is None:
            return None
        text = written.strip()
        number = _plain_number(text, plan)
        comparator = None
        if number is None:
            comparator, number = _comma_or_censored_number(text, plan, decimal_comma)
            if number is None:
                return None
            if self._far_for_general_path(number, comparator, plan, source, unit or ""):
                return None  # before any state changes: the general path says so (review)
            if "," in text:
                self.comma_decimal_seen = True  # see _doubt_grouping
        elif self._far_for_general_path(number, None, plan, source, unit or ""):
            return None  # the general path says so
        if self.decimal_point_seen is None:  # a wide row's '2.5' beside its '"1,500"' (QA)
            self.decimal_point_seen = decimal_point_shown(text)
        if collected_at and self._date_unsaid(collected_at, source):  # stripped as it was read
            return None  # the general path warns
        seen = self._markers_seen(m)
        if self._id_may_be_rounded(source, sample_id, patient_id):
            return None  # the general path warns
        who = _person_text(m)
        if not _person_fits(seen, line, who):
            return None  # the general path warns
        if self.persons is not None:
            self.persons.note(who, source, line, sample_id)
        if sample_id is not None:
            patient_id, collected_at = blanks_filled_down(seen, who, patient_id, collected_at)
        first = seen.get(plan.name)
        if first is None:
            seen[plan.name] = (line, column)
        elif first != (line, column):
            return None  # measured twice: the general path warns
        return _short_row(
            plan, number, text, source, line, column, sample_id, patient_id, collected_at,
            marker, unit, comparator,  # type: ignore[arg-type]
        )  # fmt: skip

    def _plan_for(self, marker: str, unit: str | None) -> _Plan | None:
        """The remembered plan for this marker and unit as written (made the first time)."""
        try:
            return self._plans[(marker, unit)]
        except KeyError:
            if len(self._plans) >= self.MAX_PLANS:  # junk spellings must not grow memory
                self._plans.clear()
            plan = self._plans[(marker, unit)] = self._plan(marker, unit)
            return plan

    def _plan(self, marker: str, unit: str | None) -> _Plan | None:
        """What stays the same for every short-path row of this marker and unit, if any."""
        if unit is None or unit.isdigit() or marker_cell_unit(marker)[1] is not None:
            return None  # 'IL-6 (pg/mL)': the general path reads the marker cell's unit
        name = self.ranges.resolve(marker)
        if name is None:
            return None
        if self._fluid_ranges and self._fluid_in_its_name(marker) is not None:
            return None  # 'IL-6, Serum' under a set for CSF: the general path asks
        words = instrument_name(marker)
        if words is not None and (words.mean or words.replicate or words.diluted):
            return None  # a long file's mean is read only without its replicates (_judge)
        entry = self.ranges.markers[name]
        if entry.intervals or not entry.has_normal_range or read_as_form(marker, name):
            return None  # the person decides the interval, there is none, or a note is due
        if is_a_child(self.options.age):
            return None  # a note is due (`CHILD_RANGE_NOTE`)
        try:
            exponent = conversion_exponent(unit, entry.unit)
        except UnitProblem:
            return None
        power = power_of_ten(unit)
        bounds = entry.bounds
        reference = self._reference(bounds, entry.unit, "set", entry.source)
        return _Plan(
            name, entry.category, entry.unit, exponent,
            0.0 if power is None else 10.0**power, bounds, zone_limits(bounds), reference,
            _ceiling(bounds, exponent), _floor(bounds, exponent),
        )  # fmt: skip

    def _lab_plan_for(
        self, plan: _Plan, marker: str, unit: str, text: str, source: str, decimal_comma: bool
    ) -> _Plan | None:
        """The plan for a row that prints its lab's range `text` (remembered like plans);
        None while the range still has a warning to give: the general path gives it."""
        if self._range_in_doubt(decimal_comma) and COMMA_MAY_GROUP_THOUSANDS(text):
            # A doubted range ('< 1,500'): the general path, as the row's own value may show the
            # decimal comma first ('2,0'), and then its range is not doubted (review: the paths
            # judged such a row apart).
            return None
        key = (marker, unit, text, decimal_comma)
        try:
            lab_plan, warning = self._lab_plans[key]
        except KeyError:
            if len(self._lab_plans) >= self.MAX_PLANS:
                self._lab_plans.clear()
            lab_plan, warning = self._lab_plans[key] = self._lab_plan(plan, text, decimal_comma)
        if warning is not None and not self._said_or_summed_up((warning[0], source, warning[1])):
            return None
        return lab_plan

    def _lab_plan(self, plan: _Plan, text: str, decimal_comma: bool) -> _LabPlan:
        """`plan` with the lab's range as `_bounds_for` reads it, and the warning (code,
        message) it gives; the set's plan when the range is unusable or the set's interval."""
        if says_none_known(text):  # 'N/A': no range given (QA), as `_bounds_for`
            return plan, None
        read = read_lab_range(text, plan.unit, plan.exponent, decimal_comma)
        if isinstance(read, Bounds) and _open_above(read, Selected(plan.bounds, None)):
            used = open_above_used(read, plan.bounds)
            if used is plan.bounds:
                return plan, None
            if isinstance(used, Bounds):
                warning = ("range-disagrees", _joined_message(plan.name, text, used, plan.unit))
                return self._judged_by(plan, used, "joined"), warning
            read = used
        if isinstance(read, Bounds):
            doubt = unit_in_doubt(text, read, plan.bounds, plan.exponent, plan.unit, decimal_comma)
            read = read if doubt is None else doubt
        if not isinstance(read, Bounds):
            otherwise = "the reference set's range was used"
            return plan, ("range-unreadable", _unusable_range(text, read, otherwise))
        if not _differs(read, plan.bounds):  # a planned marker's set bounds are `plan.bounds`
            return plan, None  # the set's interval, as `_bounds_for` judges it
        kept = with_set_critical(read, plan.bounds)
        message = _disagreement(plan.name, text, read, plan.bounds, plan.unit, kept)
        return self._judged_by(plan, kept, "file"), ("range-disagrees", message)

    def _judged_by(self, plan: _Plan, bounds: Bounds, origin: _Origin) -> _Plan:
        """`plan` judging by a lab's printed range (`origin`: as printed, or joined with the
        set's upper limit): its bounds, zones, reference and ceiling."""
        reference = self._reference(bounds, plan.unit, origin, plan.reference.source)
        return plan._replace(
            bounds=bounds, limits=zone_limits(bounds), reference=reference,
            ceiling=_ceiling(bounds, plan.exponent), floor=_floor(bounds, plan.exponent),
        )  # fmt: skip

    def _said_or_summed_up(self, key: tuple[str, ...]) -> bool:
        """Whether `_warn_once` would give nothing now for `key` (said, or past the limit)."""
        if key in self._warned:
            return True
        return self.kind_limit is not None and self._kinds[(key[0], key[1])] > self.kind_limit

    def _reference(
        self,
        bounds: Bounds,
        unit: str,
        origin: _Origin,
        set_source: str | None = None,
        lab_sides: tuple[bool, bool] = (False, False),
    ) -> Reference:
        """The reference a result cites (`set_source`: the set's citation; `lab_sides`: which
        of its critical limits, low and high, are the file's); one shared object per interval
        (they are frozen)."""
        source = (
            set_source
            if origin == "set" and lab_sides == (False, False)
            else _file_source(bounds, origin, set_source, lab_sides)
        )
        origin = "set" if origin == "set" else "file"
        # whose each critical limit is (review: one side's origin was said of the other)
        low_origin, high_origin = (
            None if limit is None else "file" if lab else "set"
            for limit, lab in zip(
                (bounds.critical_low, bounds.critical_high), lab_sides, strict=True
            )
        )
        key = (bounds, unit, origin, source, lab_sides)
        reference = self._references.get(key)
        if reference is None:
            if len(self._references) >= 4096:  # ranges printed in files can vary without end
                self._references.clear()
            reference = self._references[key] = Reference(
                **bounds._asdict(), unit=unit, origin=origin, text=range_text(bounds, unit),
                source=source, critical_low_origin=low_origin, critical_high_origin=high_origin,
            )  # fmt: skip
        return reference

    def _sample_fields(self, m: Measurement) -> dict[str, object]:
        """A result's row fields; a sample's blank patient id and date filled down."""
        patient_id, collected_at = self._ids_filled_down(m)
        return {
            "source": m.source, "line": m.line, "column": m.column, "sample_id": m.sample_id,
            "patient_id": patient_id, "collected_at": collected_at,
        }  # fmt: skip

    def _ids_filled_down(self, m: Measurement) -> tuple[str | None, str | None]:
        """The row's patient id and date, blank ones of a sample's row as its rows before give
        them (`blanks_filled_down`), as its result or rejection states them."""
        if m.sample_id is None:
            return m.patient_id, m.collected_at
        return blanks_filled_down(
            self._markers_seen(m), _person_text(m), m.patient_id, m.collected_at
        )

    def _markers_seen(self, m: Measurement) -> dict[str, tuple[int, str]]:
        """Markers already met in this row's panel (recent panels only: bounded memory)."""
        # The same grouping as panel_key(), so a repeat means "twice in one panel".
        return self._markers_for(sample_key(m.source, m.sample_id, m.patient_id, m.collected_at))

    def _markers_for(self, key: PanelKey) -> dict[str, tuple[int, str]]:
        """Markers already met in this panel (recent panels only: bounded memory)."""
        seen = self._recent.get(key)
        if seen is None:
            seen = self._recent[key] = {}
            if len(self._recent) > self.RECENT_SAMPLES:
                self._recent.popitem(last=False)
        return seen

    def _judge(
        self,
        m: Measurement,
        decimal_comma: bool,
        unit_column: str | None = None,
        released: bool = False,
    ) -> Generator[Event, None, None]:
        """One measurement to a result or a rejection; unit problems name the unit column.

        `decimal_comma`: the file's delimiter makes ',' its decimal mark (';', tab, '|'); a
        ',' file that has shown a decimal comma ('"3,2"') is then read by the same rules.
        """
        if self._companions and m.column in self._companions:  # its own 'IL-6 Unit' (review)
            unit_column = self._companions[m.column].get("unit", unit_column)
        split_by_comma = not decimal_comma  # an unquoted '12,5' in a ',' file: value and unit
        if m.reference_range and writes_a_decimal_comma(m.reference_range):
            # The row's range ('<7,0', or a ',' file's '"<7,0"') shows it, for its own value
            # too. Every value of a row carries its range: where this value is refused, the
            # next of its row that parses is the first to be read so.
            if not self.comma_decimal_seen and not decimal_comma and self.comma_grouping_seen:
                self._comma_both_ways(m, m.reference_range)  # QA round 2: not said so
            self.comma_decimal_seen = True
        if self.decimal_point_seen is None:
            # as it is read, not only once its row is (QA: a wide row's '2.5' and '"0,5"' left
            # its '"1,500"' read as 1.5), in the value or its printed range ('0-7.5'), as
            # `shows_decimal_point` notes a row, a refused value's too (review)
            self.decimal_point_seen = decimal_point_shown(m.value, m.reference_range)
        presumed = decimal_comma
        decimal_comma = decimal_comma or self.comma_decimal_seen
        if self.comma_grouping_seen is None and not presumed and "," in m.value:
            self.comma_grouping_seen = comma_grouping_shown(m.value)  # as `_note_comma`
        # An instrument's other figure ('IL-6 %CV' of '12%') is no result: skipped before its
        # value could refuse the row (review).
        name = self.ranges.resolve(m.marker)
        if name is None and self._instrument_figure(m):
            yield from self._queued_warnings()
            return
        if self._footer_row(m, name is not None):
            marker = shorten(m.marker.strip())
            yield self._not_judged(
                m, "control-skipped", f"this row is a summary of other rows (marker '{marker}'), "
                "not a patient's sample; it was not judged", self._column_of("marker"),
            ).model_copy(update={"marker": m.marker.strip()})  # fmt: skip
            yield from self._queued_warnings()
            return
        if not released:
            words = instrument_name(m.marker)
            if words is not None and (words.mean or words.replicate):
                yield from self._replicate_or_mean(m, name, words, decimal_comma, unit_column)
                return
        try:
            parsed = parse_value(m.value, decimal_comma)
        except ValueProblem as problem:
            try:
                read_so = self._grouped_against_delimiter(m, problem, presumed)
            except ValueProblem as own:  # '-1,234.50': what its one reading finds wrong
                problem, read_so = own, None
            if read_so is None:
                yield from self._refused(m, problem, split_by_comma)
                return
            parsed = read_so
            yield from self._said_grouped_against_delimiter(m, presumed)
        if not decimal_comma and value_shows_decimal_comma(m.value):
            # A ',' file's '"3,2"' (read as 3.2 as a lone decimal comma): what follows is read
            # with ',' as the decimal mark, as `shows_decimal_comma` says of the row.
            self.comma_decimal_seen = True
            if self.comma_grouping_seen is not None and not presumed:
                self._comma_both_ways(m)
        elif decimal_comma:
            grouped = self.comma_decimal_seen and DOT_MAY_GROUP_THOUSANDS(m.value)
            if grouped:
                # This file wrote '12,5': its '1.234' is more likely 1234 than 1.234, and
                # read as either it could be judged 1000 times off.
                number = grouped.group()
                thousands = number.replace(".", "")
                decimal = number.replace(".", ",").rstrip("0").rstrip(",")
                yield self._reject(
                    m, "value-ambiguous-dot", f"value '{shorten(m.value.strip())}' has a '.', "
                    "but this file uses ',' as its decimal mark, so the '.' may group thousands "
                    f"({number} meaning {thousands}); write {thousands} or {decimal}, whichever "
                    "is meant",
                )  # fmt: skip
                return
            # Said now, before the row's result or rejection: queued, a rejection would hold
            # it back until a later row (or another file).
            yield from self._dot_may_group(m)
            if writes_a_decimal_comma(m.value):
                self.comma_decimal_seen = True  # see _doubt_grouping
        unit = m.unit
        marked = unit if unit is not None and is_no_value_mark(unit) else None
        if marked is not None:  # '-' or 'n/a': none given (QA: 'check its spelling')
            unit = None
        # 'ND H' in one cell (a flag column's 'H' beside 'ND' is refused as it is read)
        conflict = flag_contradicts(parsed, m.value.strip())
        if conflict:
            yield self._reject(m, "flag-conflict", conflict)
            return
        if parsed.flag is not None:  # after the refusals of the number itself
            yield from self._flag_left_out(m, parsed.flag)
        if unit and unit.isdigit() and split_by_comma:
            # "12,5" unquoted in a comma file splits into value 12 and unit 5; "<2,5" into
            # '<2' and 5 (QA: a censored value's decimals were missed).
            yield self._reject(
                m, "value-split-by-comma", comma_split_message(m.value, unit, "the unit column")
            )
            return
        if parsed.unit:
            if unit and not same_unit(unit, parsed.unit):
                # a wide file's column's header or units row gives the unit, where it has no
                # unit column (lab QA round 18: "the unit column" of a file with none)
                header_gives = self._wide and "unit" not in self._columns
                giver = "its column" if header_gives else "the unit column"
                yield self._reject(
                    m,
                    "unit-conflict",
                    f"value says '{shorten(parsed.unit)}' but {giver} says '{shorten(unit)}'; "
                    f"{how_far_apart(parsed.unit, unit)}",
                    None if self._wide else unit_column,  # wide: name the marker's column
                )
                return
            unit = parsed.unit
        if name is None:
            # by the name the result gets (review: GMCSF then GM-CSF was not said to repeat)
            yield from self._duplicate_warning(m, known_name(m.marker) or m.marker.strip())
            unjudged = self._no_reference(m, parsed, unit, decimal_comma)
            if self._mark_in_doubt(presumed):  # judged by the row's range
                unjudged = yield from self._doubt_grouping(
                    m, unjudged, unit,
                    lambda other, read: self._no_reference(other, read, unit, decimal_comma),
                )  # fmt: skip
            yield from self._given(m, parsed, unjudged)
            return
        # with a number or not: 'ND' under 'IL-6 x10' was judged by the set's undiluted limit
        # of detection, even critical (audit round 16)
        by_marker = bool((words := instrument_name(m.marker)) and words.diluted)
        # ... or its sample id ('PT-301 1:100': lab QA round 19)
        by_sample = not by_marker and bool(m.sample_id and names_a_diluted_sample(m.sample_id))
        diluted = by_marker or by_sample
        # a bare number is read 'at least' so ('>300' is as written): its note says why
        at_least_a_number = diluted and parsed.number is not None and not parsed.comparator
        if diluted:
            at_least = yield from self._diluted(m, parsed, by_sample)
            if at_least is None:
                return
            parsed = at_least
        entry = self.ranges.markers[name]
        if unit is None:
            assumed = self.options.assume_unit
            if assumed is None:
                if marked is not None:
                    missing = f"is '{shorten(marked)}', which gives none; fill it in"
                elif self._role_column(m, "unit"):  # a blank cell (or a short row) there
                    missing = "is empty; fill it in"
                elif self._wide:
                    missing = (
                        "is missing; put it in the header (as in 'IL-6 (pg/mL)') or in a row of "
                        "units under it,"
                    )
                else:
                    missing = "is missing; add a unit column"
                # A wide row's Unit cell gives one rejection per marker: each says its marker.
                whose = ""
                if self._wide and self._role_column(m, "unit"):
                    whose = f" for {shorten(m.marker.strip())}"
                above = self._preamble_unit
                example = (
                    # 'range' too: rows of markers in other units each got their own example,
                    # but only one can be given (educator QA round 11)
                    f"(e.g. --assume-unit {entry.unit}, or --assume-unit range for each "
                    "marker's unit in the reference set)"
                    if above is None
                    # never the set's unit as the example where the file names another
                    else f"(line {above[0]} above the header says '{shorten(above[1])}': if "
                    f"every value is in it, give --assume-unit {above[1]})"
                )
                yield self._reject(
                    m,
                    "unit-missing",
                    f"unit{whose} {missing} or say what to assume with --assume-unit {example}",
                    unit_column,
                )
                return
            unit = entry.unit if assumed == "range" else assumed
        try:
            exponent = conversion_exponent(unit, entry.unit)
        except UnitProblem as problem:
            judged = None
            if problem.code != "unit-not-concentration" and m.reference_range:
                # sIL-2R in U/mL beside the lab's own range in U/mL: that range needs no factor
                judged = self._in_own_unit(m, parsed, unit, name, entry, decimal_comma)
            if judged is None:
                yield self._reject(m, problem.code, str(problem), unit_column)
                yield from self._queued_warnings()  # the row's range that did not help
                return
            yield from self._duplicate_warning(m, name)
            if self._mark_in_doubt(presumed):
                fallback = judged
                judged = yield from self._doubt_grouping(
                    m, judged, unit,
                    lambda other, read: self._in_own_unit(
                        other, read, unit, name, entry, decimal_comma
                    ) or fallback,
                )  # fmt: skip
            yield from self._given(m, parsed, judged)
            return
        if parsed.number is not None and exceeds_physical_limit(parsed.number, unit):
            yield self._reject(
                m,
                "value-impossible",
                f"value '{shorten(m.value.strip())}' {shorten(unit)} would be "
                f"{PAST_PHYSICAL_LIMIT}; check the value and the unit",
            )
            return
        yield from self._duplicate_warning(m, name)
        result = self._result(m, parsed, unit, name, entry, exponent, decimal_comma)
        if parsed.unit is None and m.unit is None:
            result = self._doubt_assumed_unit(m, parsed, unit, name, entry, decimal_comma, result)
        if self._mark_in_doubt(presumed):
            result = yield from self._doubt_grouping(
                m, result, unit,
                lambda other, read: self._result(
                    other, read, unit, name, entry, exponent, decimal_comma
                ),
            )  # fmt: skip
        if m.detection is not None:
            result = _estimated(result, m.detection)
        if m.specimen is not None:
            result = self._for_another_fluid(m.specimen, entry, result)
        elif self._fluid_ranges and (named := self._fluid_in_its_name(m.marker)) is not None:
            # 'IL-6, Serum' under a set for CSF (review: judged by its range, unsaid)
            result = self._for_another_fluid(named, entry, result)
        result = self._commented(m, _said_if_a_mean(m, result))
        said = []
        if read_as_form(m.marker, name):  # written 'IL-12', judged as the set's IL-12 p70
            said.append(f"'{shorten(m.marker.strip())}' is read as {name}, as this set names it")
        if at_least_a_number:  # why 'at least' (review: said only in the file's warning)
            whose = (
                f"sample '{shorten(m.sample_id or '')}' is a diluted sample"
                if by_sample
                else f"'{shorten(m.marker.strip())}' is a diluted sample's result"
            )
            said.append(f"{whose}, {DILUTED_READ}")
        if said:
            result = result.model_copy(
                update={"note": "; ".join([*said, *filter(None, [result.note])])}
            )
        if parsed.flag is not None:
            result = self._printed_as_the_set_s(m, result)
        yield result
        self._far_said(m, result, unit)
        self._no_ids_given(m)
        if parsed.flag is not None:
            yield from self._flag_disagrees(m, parsed.flag, result)
        yield from self._queued_warnings()

    def _printed_as_the_set_s(self, m: Measurement, result: Result) -> Result:
        """`result`, its doubt saying so where the row prints the set's own range, which
        judged it (`Doubt.range_printed`); asked only of rows with a lab's flag."""
        reference = result.reference
        if (
            reference is None
            or reference.origin == "file"
            or not m.reference_range
            or not _prints_the_set_s(m, result, reference, self.comma_decimal_seen)
        ):
            return result
        doubt = result.doubt or Doubt()
        return result.model_copy(update={"doubt": doubt._replace(range_printed=True)})

    def _doubt_assumed_unit(
        self, m: Measurement, parsed: ParsedValue, unit: str, name: str, entry: MarkerRange,
        decimal_comma: bool, result: Result,
    ) -> Result:  # fmt: skip
        """A value in a unit assumed for the file (--assume-unit): judged so only if read in
        the unit of its range (the set's, or the row's printed range's own) it would be judged
        alike; no 'times the upper limit' that the assumed scale decides.

        QA: ferritin '500' with pg/mL assumed was 0.5 ug/L, 'low' (a sign of too little iron);
        a file without units most likely gives each marker in its usual unit, or the one a
        line above its header names.
        """
        if result.status in UNJUDGED:
            return result  # nothing to doubt
        likely, whose = entry.unit, f"the unit of {name}'s range"
        if self._preamble_unit is not None and is_mass_concentration(self._preamble_unit[1]):
            # 'all concentrations in ng/mL' above the header: --assume-unit ng/mL, as the
            # unit-missing error suggests, judged IL-6 '0.015' as indeterminate, not high
            # (known since lab QA round 8)
            line, likely = self._preamble_unit
            whose = f"the unit line {line} above the header names"
        if m.reference_range:  # '0-7 ng/mL' beside a value with no unit: likely in ng/mL
            printed = parse_lab_range(m.reference_range, decimal_comma)
            if (
                printed is not None
                and printed.unit is not None
                and is_mass_concentration(printed.unit)
            ):
                likely, whose = printed.unit, "the unit of the range in the row"
        if same_unit(likely, unit) or (
            parsed.number is not None and exceeds_physical_limit(parsed.number, likely)
        ):
            return result  # read in its likely unit, or that would be no reading at all
        try:
            exponent = conversion_exponent(likely, entry.unit)
        except UnitProblem:
            return result
        with self._unsaid():
            other = self._result(m, parsed, likely, name, entry, exponent, decimal_comma)
        if (other.status, other.flag) != (result.status, result.flag):
            doubt = (
                f"read as {unit} it is {_severity(result)}, but read as {likely} ({whose}) it "
                f"would be {_severity(other)}; add the unit to the file to have it judged"
            )
            return _as_far_as_both(result, other, doubt)
        if other.times_upper_limit != result.times_upper_limit:
            # the same status, but how far past the limit depends on the unit (QA: '4,800
            # times' or 4.8)
            return result.model_copy(update={
                "times_upper_limit": None,
                "doubt": Doubt(result.other_reading, _least_times(result, other)),
            })  # fmt: skip
        return result

    @contextlib.contextmanager
    def _unsaid(self) -> Iterator[None]:
        """Judge a what-if (another unit, ',' grouping thousands; a sample's cells filled down)
        without its warnings, which are not the row's (QA: two 'range-disagrees' for one row,
        one per reading)."""
        # The keys it adds are noted and taken out again, not the whole set copied: a row of
        # a lab's critical limits asks this once (review: a batch's 50,000 such rows took
        # the square of their number)
        said = self._warned
        outer, said.added = said.added, []
        kinds, pending = Counter(self._kinds), len(self._pending)
        try:
            yield
        finally:
            said.difference_update(said.added)
            said.added = outer  # a what-if within a what-if: the outer one's, as it was
            self._kinds.clear()
            self._kinds.update(kinds)
            del self._pending[pending:]

    def _fluid_in_its_name(self, marker: str) -> str | None:
        """The fluid a marker's name adds to the marker's own ('IL-6, Serum': blood), as
        `lis_name` reads it; None where the name adds none, or is a name the set gives in full
        ('Serum amyloid A', 'Tissue Factor': review, they were taken for a specimen)."""
        # as resolve reads it: without a species' or an instrument's words ('Hu Serum IL-6',
        # 'Serum amyloid A (45)'; third review)
        human = without_species(marker)
        forms = [marker, *([human] if human else [])]
        forms += [bare for form in forms if (bare := value_name(form)) is not None]
        if any(self.ranges.names_in_full(form) for form in forms):
            return None
        for form in forms:
            plain = lis_name(form)
            if plain is not None:
                return fluid_named(form.replace(plain, " ", 1))
        return None

    @functools.cached_property
    def _set_fluid(self) -> str | None:
        """The fluid other than blood the set's ranges are for ('specimen = "CSF"'), else None
        (asked only of files that name a specimen: its patterns cost start-up time)."""
        return other_fluid(self.ranges.data.set.specimen)

    @functools.cached_property
    def _fluid_ranges(self) -> bool:
        """Whether any of the set's ranges is for another fluid than blood (the set's, or a
        marker's): then a row of blood is judged on the general path, which asks."""
        return self._set_fluid is not None or any(
            other_fluid(entry.specimen) for entry in self.ranges.markers.values()
        )

    def _for_another_fluid(self, fluid: str, entry: MarkerRange, result: Result) -> Result:
        """`result` not judged where its sample is another fluid than the one the set's range
        is for (blood, unless the set's or the marker's specimen names another)."""
        # lab QA: a CSF's IL-6 was 'high' by a plasma range, with no word
        if result.reference is None or result.reference.origin != "set":
            return result  # the lab's own range, or none: theirs to fit the specimen
        ranged = (
            self._set_fluid if entry.specimen is None else other_fluid(entry.specimen)
        ) or BLOOD
        if ranged == fluid:
            return result  # blood by a blood range, or a set for that fluid ('CSF')
        # review of known gaps: a CSF set judged a serum row silently
        return _indeterminate(
            result,
            f"the sample is {fluid}, but this set's range is for {ranged}, {NOT_JUDGED} "
            "(to judge it, give the lab's range for this fluid in the file, or use a set for it)",
        )

    def _commented(self, m: Measurement, result: Result) -> Result:
        """`result` with what its row's comment column says: the lab's comment in its note, or
        an instrument's alarm, which leaves it unjudged (`_alarmed`), as a quality control's
        code in its flag column does (`Measurement.qc_code`)."""
        column = self._alarms
        result = (
            _with_lab_comment(m, result) if column is None else self._alarmed(m, result, column)
        )
        if m.qc_code is None or result.status in (Status.NO_REFERENCE, Status.INDETERMINATE):
            return result
        return _indeterminate(
            result,
            f"the lab's flag column gives '{shorten(m.qc_code)}', an instrument's or quality "
            f"control's code, {MARKED_NOT_JUDGED}",
        )

    def _alarmed(self, m: Measurement, result: Result, column: str) -> Result:
        """`result` not judged where the instrument's alarm `column` gives an alarm for its row
        ('Cal.E' under 'Data Alarm'): such a result may not be reportable."""
        if m.comment is None or says_no_alarm(m.comment):
            return result  # ('None', 'OK' are read as no comment; said here too, on any path)
        if result.status in (Status.NO_REFERENCE, Status.INDETERMINATE):
            # not judged already, but the alarm is said (lab QA round 12: Simoa's 'Conc. >
            # ULOQ' beside a name the set lacks was lost, and 480 shown as exact)
            alarm = f"the instrument marked it ('{shorten(m.comment)}' in '{shorten(column)}')"
            return result.model_copy(update={"note": _noted(result, alarm)})
        side = m.comment.strip()[:1]
        if side in "<>" and result.comparator == side and m.comment[1:].strip().isalpha():
            return result  # cobas' '>Test' beside '>5000': past the measuring range, as read
        return _indeterminate(
            result,
            f"the instrument marked it ('{shorten(m.comment)}' in '{shorten(column)}'), "
            f"{MARKED_NOT_JUDGED}",
        )

    def _given(self, m: Measurement, parsed: ParsedValue, result: Result) -> Iterator[Event]:
        """A result judged without the set's range (no range, or one in another unit) with
        its notes of estimate and mean, then the lab flag's disagreement and queued warnings."""
        if m.detection is not None:
            result = _estimated(result, m.detection)
        result = self._commented(m, _said_if_a_mean(m, result))
        if parsed.flag is not None:
            result = self._printed_as_the_set_s(m, result)
        yield result
        # by the lab's range in its own unit too (review: the summary said it, no warning)
        self._far_said(m, result, result.original_unit or result.unit or "")
        self._no_ids_given(m)
        if parsed.flag is not None:
            yield from self._flag_disagrees(m, parsed.flag, result)
        yield from self._queued_warnings()

    def _may_be_assumed(self, name: str, unit: str) -> bool:
        """Whether `unit` is the one this run assumes for a marker's rows with none
        (--assume-unit; 'range': the set's unit), so a far value's unit may be the assumption
        (review: every far warning hedged, a unit written in the file too)."""
        assumed = self.options.assume_unit
        if assumed == "range":
            entry = self.ranges.markers.get(name)
            assumed = entry.unit if entry is not None else None
        # the same unit however spelled, not one of equal factor ('ng/L' is not 'pg/mL' here)
        return assumed is not None and unit_key(assumed) == unit_key(unit)

    def _far_said(self, m: Measurement, result: Result, unit: str) -> None:
        """Queue the far-past warning of a result, once a file for its marker and unit (review:
        a file all in mg/L warned on each row)."""
        far = _far_past_message(result, unit, self._may_be_assumed(result.marker, unit))
        if far is not None:
            warning = self._warning(m, "value-far-past-range", far)
            self._warn_once(("value-far-past-range", m.source, far), warning)

    def _flag_disagrees(self, m: Measurement, flag: str, result: Result) -> Iterator[Issue]:
        """A lab's 'H' on a value panelcli judges normal (or the other way): said on every such
        row, since the lab judged by its own range, which may be the one that applies."""
        value = shorten(without_flag(self._without_flag(m), flag))  # the flag is named below
        reference = result.reference
        if result.status is Status.NO_REFERENCE and short_of_lab_limit(result, flag):
            # the lab's critical limits alone, not passed (QA: its 'HH' was said to be the
            # only judgement, where the lab's own limit in the row says otherwise); a 'CRIT'
            # takes the side of the one limit there is, else none (review)
            assert reference is not None
            sides = _file_critical_sides(reference)
            sided = flag if flag != "CRIT" else sides[0] if len(sides) == 1 else None
            yield self._warning(
                m, "value-flag-disagrees", f"the lab flagged {result.marker} '{value}' as "
                f"{self._flag_words(m, flag, sided)}, but it is not past the lab's critical "
                f"{'limits' if len(sides) == 2 else 'limit'} in the row ({reference.text}): "
                "check the flag and the limit",
            )  # fmt: skip
            return
        if result.status in UNJUDGED:
            if flag != "N":  # the lab's flag is then the only judgement there is: keep it
                yield self._warning(
                    m, "value-flag-unjudged", f"the lab flagged {result.marker} "
                    f"'{value}' as {self._flag_words(m, flag)}; panelcli could not "
                    f"judge it ({result.status.value.replace('_', ' ')}), so the lab's flag is "
                    "the only judgement of it",
                )  # fmt: skip
            return
        ours = result.flag if result.flag in FLAG_WORDS else "N"
        sided = critical_side(flag, ours)  # 'Critical' of a value above the range: 'HH'
        if ours == sided or (sided == "A" and ours != "N"):
            return
        if ours == CRITICAL_NO_SIDE and (sided in CRITICAL_FLAGS or flag == "CRIT"):
            return  # critical either way: a lab's critical flag on either side agrees (review)
        reference = result.reference
        own = by_the_lab_s_range(result)
        on_its_side = lab_critical_on_its_side(result, sided)
        if on_its_side and no_critical_limit(result, sided):
            # the lab's critical mark on the side its own printed range says: a printed range
            # has no critical limits, so the range does not disagree (review: as the summary
            # says it), but the status, and so the exit code, is only high or low: said, as
            # docs/scripting.md promises scripts (QA: `--fail-on critical` exit 0 with no warning)
            side = "critical_high" if sided == "HH" else "critical_low"
            # a long file's column, where it has none yet (review: advised beside one a wide
            # file cannot have read, or one whose cell was not used)
            column = (
                f"a '{side.replace('_', ' ').title()}' column, or "
                if not self._wide and side not in self._columns
                else ""
            )
            # one given that could not be used is said so (review: 'gives no critical limit'
            # beside its critical-limit-unusable warning)
            given = m.critical is not None and gives_a_limit(
                m.critical.cell("high" if sided == "HH" else "low")
            )
            none = (
                "its critical limit in the row could not be used (see its warning)"
                if given
                else "the lab's range in the row gives no critical limit"
            )
            yield self._warning(
                m, "value-flag-disagrees", f"the lab flagged {result.marker} '{value}' as "
                f"{self._flag_words(m, flag, sided)}, but {none}, so by the range the value is "
                f"{FLAG_WORDS[ours]}: give the lab's critical limit ({column}{side} in your ranges "
                "file) to have it judged critical",
            )  # fmt: skip
            return
        # QA: 'critically high by the lab's own range', a range with no critical limits: the
        # critical limit beside it is the set's, and so where that limit, kept beside the
        # range, says it is not critical (review: the lab's range was blamed for it)
        # where the lab's own critical limit in the row decides between critical and not, it
        # is named, and no other lab's range blamed (differential review)
        critical_side_said = ours if ours in SIDED_CRITICAL_FLAGS else sided
        lab_limit = (
            critical_side_said in SIDED_CRITICAL_FLAGS
            and reference is not None
            and critical_from_file(reference, critical_side_said)
        )
        if lab_limit:
            theirs = " and its critical limit"
        elif ours in SIDED_CRITICAL_FLAGS or on_its_side:
            theirs = " and the reference set's critical limit"
        else:
            theirs = ""
        yield self._warning(
            m, "value-flag-disagrees", f"the lab flagged {result.marker} "
            f"'{value}' as {self._flag_words(m, flag, sided)}, but by the "
            + (
                f"lab's critical limit in the row (there is no range) it is {FLAG_WORDS[ours]}: "
                "check the flag and the limit"
                if own and lab_limit and has_no_range(reference)
                else f"lab's own range in the row{theirs} it is {FLAG_WORDS[ours]}: check the "
                "flag and the range"
                if own
                else f"range panelcli uses and the lab's critical limit in the row it is "
                f"{FLAG_WORDS[ours]}: check the flag and the limit"
                if lab_limit
                else f"range panelcli uses it is {FLAG_WORDS[ours]}; ranges differ between "
                "labs and assays: ask which range the lab used"
            ),
        )  # fmt: skip

    def _far_unsaid(
        self,
        comparator: Comparator | None,
        source: str,
        name: str,
        unit: str,
        range_unit: str,
        below: bool = False,
    ) -> bool:
        """Whether a short-path number past its plan's ceiling (`below`: under its floor) is
        for the general path to say is far past (below) any level (`far_past_said`,
        `far_below_said`): not one below a number ('<'; one above a number, '>', when
        `below`), nor once the file has said it of this marker and unit."""
        if comparator in ((">", ">=") if below else ("<",)):
            return False
        said = far_below_said if below else far_past_said
        message = said(name, unit, self._may_be_assumed(name, unit), range_unit)
        return ("value-far-past-range", source, message) not in self._warned

    def _far_for_general_path(
        self, number: float, comparator: Comparator | None, plan: _Plan, source: str, unit: str
    ) -> bool:
        """Whether a short-path number is past its plan's ceiling or under its floor, and not
        yet said to be (`_far_unsaid`)."""
        return (
            number > plan.ceiling
            and self._far_unsaid(comparator, source, plan.name, unit, plan.unit)
        ) or (
            0.0 < number < plan.floor
            and self._far_unsaid(comparator, source, plan.name, unit, plan.unit, below=True)
        )

    def _range_in_doubt(self, decimal_comma: bool) -> bool:
        """Whether a printed range's ',' read as the decimal mark may group thousands ('<
        1,500'): before the file shows its decimal comma, or where it has shown both marks
        (review: a range was read as certain there, where values are doubted)."""
        return decimal_comma and (
            not self.comma_decimal_seen or self.decimal_point_seen is not None
        )

    def _mark_in_doubt(self, presumed: bool) -> bool:
        """Whether a ',' read as the decimal mark may group thousands: before the file shows
        its mark, or where it has shown both ('2.5' or '1,234.5', and '2,5')."""
        if not self.comma_decimal_seen:
            return presumed
        return self.decimal_point_seen is not None

    def _grouped_against_delimiter(
        self, m: Measurement, problem: ValueProblem, presumed: bool
    ) -> ParsedValue | None:
        """'1,234.50' read with ',' grouping thousands in a tab-separated file that has not
        shown a decimal comma: only one reading fits it (QA: a US Excel 'Unicode text' export's
        values were refused; a ';' file is European, where it still mixes the marks); and a ','
        file's '"1,120"' once it has written '.' as its decimal point; else None."""
        if (
            problem.code == "value-thousands-separator"
            and presumed
            and self._delimiter == "\t"
            and not self.comma_decimal_seen
            and COMMA_GROUPS_BEFORE_POINT(m.value)
        ):
            return parse_value(m.value, False)
        if problem.code != "value-ambiguous-comma" or presumed or self.comma_decimal_seen:
            return None
        if self.comma_grouping_seen is None:
            # A part of the file judged apart (two processes) may not have met the '1,340.5'
            # one process had met by here: `repeats_after` tells by this. (A '2.5' alone is
            # not enough: a hand-typed file may write '2.5' and '"1,500"' meaning 1.5.)
            self.comma_refused_unseen = True
            return None
        if not COMMA_MAY_GROUP_THOUSANDS(m.value):
            return None
        # A ',' file that has grouped thousands with ',' ('"1,340.5"') and shown no decimal
        # comma: its '"1,120"' groups them too (QA: it was refused as ambiguous).
        return parse_value(m.value.replace(",", ""), False)

    def _comma_both_ways(self, m: Measurement, shown_by: str | None = None) -> None:
        """A ',' file that grouped thousands with ',' ('1,234.5') writes a decimal comma too
        ('2,5'): a '"2,500"' read before as 2500 may be 2.5 (lab QA: the file's reading hung on
        the order of its rows, and nothing said so). Once a file; said whether or not such a
        value came, as a part of the file judged apart (batches) cannot know."""
        grouped = shorten(self.comma_grouping_seen or "")
        written = shorten((shown_by or m.value).strip())
        what = "range" if shown_by else "value"
        self._warn_once(
            ("value-comma-both-ways", m.source),
            self._warning(
                m,
                "value-comma-both-ways",
                f"{what} '{written}' writes ',' as the decimal mark, but this file grouped "
                f"thousands with ',' before it ('{grouped}'): it writes ',' both ways. From this "
                "row on, ',' is read as the decimal mark (a value such as '12,345' is judged "
                "only as far as both readings agree); a value above this row whose ',' was read "
                "as grouping thousands (of the form '2,500', read as 2500) may be meant "
                "otherwise: check such values against the lab's report",
                self._column_of("reference_range", m) if shown_by else None,
            ),
        )

    def _said_grouped_against_delimiter(self, m: Measurement, presumed: bool) -> Iterator[Issue]:
        """Once a file: its ',' groups thousands, though its delimiter suggests a decimal comma;
        `repeats_after` tells by it that a part judged apart may differ."""
        key = ("value-comma-groups", m.source)
        if key not in self._warned:
            self._warned.add(key)
            written = shorten(m.value.strip())
            if not presumed:
                # a ',' file's '"1,120"' (see `_grouped_against_delimiter`)
                grouped = shorten(self.comma_grouping_seen or "")
                yield self._warning(
                    m, "value-comma-groups", f"value '{written}' was read with ',' grouping "
                    f"thousands, as are others like it, as this file groups thousands so "
                    f"('{grouped}') and has written no decimal comma before it: check the "
                    "export's number format if a ',' there is meant as a decimal mark",
                )  # fmt: skip
                return
            yield self._warning(
                m, "value-comma-groups", f"value '{written}' was read with ',' grouping "
                "thousands and '.' as the decimal point, the one way it reads, though in a "
                "tab-separated file ',' is most often the decimal mark; a value whose ',' could be "
                "either ('12,345') is judged only as far as both readings agree: check the "
                "export's number format",
            )  # fmt: skip

    def _refused(
        self, m: Measurement, problem: ValueProblem, split_by_comma: bool
    ) -> Iterator[Issue]:
        """The rejection of a value `parse_value` refused."""
        if problem.code == "value-negative" and m.unit and m.unit.isdigit() and split_by_comma:
            # '-2,5' split as '-2' and 5: the split is the first thing to fix (QA)
            message = comma_split_message(m.value, m.unit, "the unit column")
            yield self._reject(m, "value-split-by-comma", message)
        else:
            said = str(problem)
            if m.flag_as_written is not None:  # a flag column's flag was put after the value
                composed = f"'{shorten(m.value.strip())}'"  # quoted as the cell is (QA: '- N')
                said = said.replace(composed, f"'{shorten(self._without_flag(m))}'", 1)
            yield self._reject(m, problem.code, said)

    def _doubt_grouping(
        self, m: Measurement, result: Result, unit: str | None,
        judge: Callable[[Measurement, ParsedValue], Result],
    ) -> Generator[Issue, None, Result]:  # fmt: skip
        """A value whose '.' or ',' may group thousands ('2.500', '12,345'), read as a decimal
        mark before the file showed its own ('12,5'): indeterminate where `judge` would judge
        it otherwise with that mark taken out (the severity that is certain), else without a
        'times the upper limit' only one reading gives. Call it only until the file shows its
        mark: then a '.' is refused and a ',' is no doubt.

        QA: IL-8 '2.500' was normal at 2.5; as 2500 it is far past the limit.
        """
        # An indeterminate result is doubted too: its note must give both readings, and
        # its number stays out of gauges and trends (QA: '>1,000' was drawn at 1).
        if result.status is Status.NO_REFERENCE or unit is None:
            return result  # nothing to doubt
        grouped = DOT_MAY_GROUP_THOUSANDS(m.value) or COMMA_MAY_GROUP_THOUSANDS(m.value)
        if grouped is None:
            return result
        number = grouped.group()
        mark = number[-4]  # the mark before the last group of three digits
        thousands = number.replace(mark, "")
        text = m.value[: grouped.start()] + thousands + m.value[grouped.end() :]
        try:
            parsed = parse_value(text, True)
        except ValueProblem:
            return result
        if parsed.number is not None and exceeds_physical_limit(parsed.number, unit):
            return result  # read so, it would be no reading at all
        with self._unsaid():
            other = judge(m._replace(value=text), parsed)
        comparator = result.comparator or ""
        decimal = f"{comparator}{number_text(float(number.replace(',', '.')))}"
        whole = f"{comparator}{thousands}"
        why = (
            "'.' may group thousands where ',' is the decimal mark"
            if mark == "."
            else "',' may be the decimal mark or group thousands"
        )
        # the cell as written: a flag column's 'H' was put after it as read (QA)
        written = shorten(self._without_flag(m))
        may_be = f"'{written}' may be {decimal} or {whole} ({why})"
        check = "check the export's number format"
        readings = (
            f"read as {decimal} it is {_severity(result)}, read as {whole} it would be "
            f"{_severity(other)}"
        )
        if (other.status, other.flag) == (result.status, result.flag):
            # QA: '5.000' and '7.000' were high with no word that they may be 1000 times more
            times = result.times_upper_limit
            doubted = result.model_copy(update={
                "times_upper_limit": times if other.times_upper_limit == times else None,
                "doubt": Doubt(other.value, _least_times(result, other)),
                "note": _noted(result, f"{may_be}; it is {_severity(result)} either way; {check}"),
            })  # fmt: skip
        else:
            doubted = _as_far_as_both(result, other, f"{may_be}; {readings}; {check}")
            doubted = doubted.model_copy(
                update={"doubt": Doubt(other.value, doubted.times_at_least)}
            )
        key = ("value-comma-ambiguous", m.source)
        if mark == "," and key not in self._warned:  # a '.' was warned about as it was read
            # Always where a result is doubted: `repeats_after` tells by it that a part of the
            # file judged apart (two processes) may differ.
            self._warned.add(key)
            point = self.decimal_point_seen
            until = (
                f"as are others like it, as the file writes ',' both as the decimal mark and "
                f"to group thousands ('{shorten(point)}')"
                if point and "," in point and self.comma_decimal_seen
                else f"as are others like it, as the file writes both '.' ('{shorten(point)}') "
                "and ',' as its decimal mark"
                if point and self.comma_decimal_seen
                # review: not 'until a decimal comma': after one, such values stay doubted
                else f"as are others like it; this file also writes ',' to group thousands "
                f"('{shorten(point)}'), so a ',' may be either"
                if point and "," in point
                else f"as are others like it; this file also writes '.' as its decimal mark "
                f"('{shorten(point)}'), so a ',' may be either"
                if point
                else "as are others like it until the file writes a decimal comma that cannot "
                "group thousands (as '12,5')"
            )
            yield self._warning(
                m, "value-comma-ambiguous", f"value '{written}' was read with "
                f"',' as the decimal mark ({decimal}), {until}; ',' may also "
                f"group thousands ({whole}), so each such result says both readings and is "
                "judged only as far as they agree: check the export's number format",
            )  # fmt: skip
        return doubted

    def _result(
        self,
        m: Measurement,
        parsed: ParsedValue,
        unit: str,
        name: str,
        entry: MarkerRange,
        exponent: int,
        decimal_comma: bool,
    ) -> Result:
        value = None if parsed.number is None else convert(parsed.number, exponent)
        written_unit = parsed.unit or m.unit
        bounds, origin, note, indeterminate, candidates, lab_sides = self._bounds_for(
            m, name, entry, exponent, decimal_comma, unit, written_unit is not None
        )
        if written_unit is None:  # original_unit stays empty: the file did not say it
            assumed = f"the file gives no unit; {unit} was assumed (--assume-unit)"
            note = f"{note}; {assumed}" if note else assumed
        base = dict(
            **self._sample_fields(m), marker=name,
            marker_as_written=m.marker, category=entry.category, value=value,
            comparator=parsed.comparator, unit=entry.unit, original_value=self._as_written(m),
            original_unit=written_unit,
        )  # fmt: skip
        used: str | None = None  # how a censored value with no number was read
        if value is None and (bounds is not None or candidates):
            # An assay limit stands in for the missing number, only where that is sound.
            written = shorten(self._without_flag(m))  # QA: 'n.n. N' for 'n.n.' and flag '-'
            row = self._row_assay_limits(m, parsed.limits, entry.unit, exponent, decimal_comma)
            # a limit the row gives but panelcli cannot read ('3,000'): not the set's instead,
            # which may be another assay's (review 53)
            unread = [
                k for k in parsed.limits if m.assay_limits and k in m.assay_limits and k not in row
            ]
            known = [
                (k, row[k] if k in row else getattr(entry, k))
                for k in parsed.limits
                if k in row or (getattr(entry, k) is not None and k not in unread)
            ]
            if not known and unread:  # review 53: '3,000' dropped, and a ranges file asked for
                cell = shorten(m.assay_limits[unread[0]])  # type: ignore[index]
                return Result(
                    **base, status=Status.INDETERMINATE, flag="IND",
                    flags=[parsed.comparator or "", "IND"],
                    reference=None if bounds is None
                    else self._reference(bounds, entry.unit, origin, entry.source, lab_sides),
                    note=f"'{written}' has no number, and its row's {unread[0].upper()} '{cell}' "
                    "is not a number alone, so panelcli cannot judge it.",
                )  # fmt: skip
            if not known:
                # Plain words first; the set's keys last, for lab staff (educator QA).
                # ('lod', 'lloq') are both the lowest end; no value stands for two ends at once.
                side = _LIMIT_SIDE[parsed.limits[0]] if parsed.limits else None
                level = {"low": "the lowest level", "high": "the highest level"}.get(
                    side or "", "the levels"
                )
                # QA: '(no lod or lloq in the set)' was jargon: say what the keys are for
                keys = (
                    f" Lab staff can add that level to a ranges file as "
                    f"{' or '.join(parsed.limits)}."
                    if parsed.limits
                    else ""
                )
                return Result(
                    **base, status=Status.INDETERMINATE, flag="IND",
                    flags=[parsed.comparator or "", "IND"],
                    reference=None if bounds is None
                    else self._reference(bounds, entry.unit, origin, entry.source, lab_sides),
                    # short sentences: a patient reads it beside the value (QA: grade 12.6);
                    # what is not the row's own, after '; ' and with 'for IL-6' last, is said
                    # once under a table where rows share it (educator QA round 17: five
                    # rows repeated it, 13 lines each)
                    note=f"'{written}' has no number, so panelcli cannot judge it; the "
                    f"reference set does not give {level} the test can measure for {name}.{keys}",
                )  # fmt: skip
            key, value = known[0]
            side = "below" if parsed.comparator == "<" else "above"
            used = (
                f"'{written}' has no number; it was read as {side} the {_LIMIT_WORDS[key]}, "
                f"{number_text(value)} {entry.unit}, "
                + ("as its row gives it" if key in row else "from the reference set")
            )
        if bounds is None and value is not None and candidates:
            certain = _judged_alike(value, parsed.comparator, candidates, entry.unit)
            if certain is not None:  # the status is certain, whichever row is the person's
                each = [interpret(value, parsed.comparator, b, entry.unit) for _, b in candidates]
                critical_for = (
                    () if certain.status is Status.CRITICAL else _critical_for(candidates, each)
                )
                reach = certain.status is not Status.CRITICAL and bool(
                    _reaching_critical(value, parsed.comparator, candidates)
                )
                high = certain.flag in ("H", "HH")
                whose = None
                if any(lab_sides):  # the intervals' words list it as theirs (review, QA)
                    are = "are" if all(lab_sides) else "is"
                    whose = (
                        f"the {_lab_limits_said(lab_sides)} {are} the lab's, printed in the file"
                    )
                return Result(
                    **{**base, "value": value}, status=certain.status, flag=certain.flag,
                    flags=certain.flags, times_upper_limit=certain.times_upper_limit,
                    doubt=Doubt(None, _least_times(*each) if high else None, critical_for, reach)
                    if high or critical_for or reach else None,
                    note="; ".join(n for n in (used, note, certain.note, whose) if n),
                )  # fmt: skip
            if all(b.low is None and b.high is None for _, b in candidates) and all(
                interpret(value, parsed.comparator, b, entry.unit).status is Status.NORMAL
                for _, b in candidates
            ):  # no row the person could have gives a range, and none is passed (QA)
                indeterminate = False
                note = (
                    f"{NO_LIMITS} {name} but gives no range for it that could fit the person "
                    "(only critical limits, none of them passed), so it cannot be judged"
                )
        if bounds is None:
            status = Status.INDETERMINATE if indeterminate else Status.NO_REFERENCE
            # a censored value's sign first, as other indeterminate results have it (QA)
            sign = comparator_flags(parsed.comparator)
            # critical by a row that may be the person's: the summary says so (QA: 450 µg/L,
            # critical for a woman, normal for a man, read as a harmless 'could not be judged')
            # '<200' where a row's critical limit is 100 (QA: read as a shrug, the note silent)
            said, doubt = (
                _past_critical_by_rows(
                    value, parsed.comparator, entry.unit, candidates, lab_sides=lab_sides
                )
                if value is not None and indeterminate
                else (None, None)
            )
            if said:
                note = f"{note}; {said}"
            return Result(**base, status=status, flag="IND" if indeterminate else None,
                          flags=[*sign, "IND"] if indeterminate else [], note=note,
                          doubt=doubt)  # fmt: skip
        assert value is not None  # a number, or the limit that stands in for it
        reference = self._reference(bounds, entry.unit, origin, entry.source, lab_sides)
        base["value"] = value
        judged = interpret(value, parsed.comparator, bounds, entry.unit)
        if judged.status is Status.INDETERMINATE and bounds.low is None and bounds.high is None:
            # There is no range for it to be inside or outside of: only the critical limit
            judged = judged._replace(
                note=judged.note.replace(  # type: ignore[union-attr]
                    "could be inside or outside the reference range",
                    "could be past the critical limit or short of it",
                )
            )
        if judged.status is Status.NORMAL and bounds.low is None and bounds.high is None:
            # Only critical limits: not past them says nothing of the range there is not.
            limits = f"{interval_text(bounds, entry.unit)} {entry.unit}"
            no_range = (
                f"{NO_LIMITS} {name} but gives no range for it, only a critical limit ({limits}); "
                "the value is not past it, so it cannot be judged further"
            )
            return Result(
                **base, status=Status.NO_REFERENCE, reference=reference,
                note="; ".join(n for n in (used, note, no_range) if n),
            )  # fmt: skip
        notes = [n for n in (used, judged.note, note) if n]
        # Beside a lab's printed range, the set's rows that could be the person's may put it
        # past a critical limit beyond the printed range (QA: 60, critical for women), or a
        # censored value may reach one (QA: '<80' where the women's limit is 50).
        said, doubt = None, None
        if judged.status is not Status.CRITICAL and candidates:
            # not the rows whose limit the printed range keeps: its own note says that one
            # (review: '>40' said both 'could reach 100' and 'for female or male')
            others = [(who, b) for who, b in candidates if b != _critical_only(bounds)]
            said, doubt = _past_critical_by_rows(
                value, parsed.comparator, entry.unit, candidates, others, lab_sides
            )
        if said:
            notes.append(said)
        return Result(
            **base, status=judged.status, flag=judged.flag, flags=judged.flags,
            times_upper_limit=judged.times_upper_limit, reference=reference,
            note="; ".join(notes) or None, doubt=doubt,
        )  # fmt: skip

    def _bounds_for(
        self,
        m: Measurement,
        name: str,
        entry: MarkerRange,
        exponent: int,
        decimal_comma: bool,
        value_unit: str,
        unit_written: bool = True,
    ) -> tuple[
        Bounds | None, _Origin, str | None, bool, tuple[tuple[str, Bounds], ...], tuple[bool, bool]
    ]:
        """`_interval_for`, with the lab's critical limits in the row in place of the set's on
        the sides it gives them, where they lie beyond the interval (or every interval that
        could be the person's); the last item says which sides (low, high) are the lab's
        (`unit_written`: the value's unit is the file's, not assumed)."""
        lab = self._lab_critical(
            m, name, entry.unit, exponent, decimal_comma, value_unit, unit_written
        )
        if lab == (None, None):
            interval = self._interval_for(
                m, name, entry, exponent, decimal_comma, unit_written=unit_written
            )
            return (*interval, (False, False))
        given = (lab[0] is not None, lab[1] is not None)
        with self._unsaid():  # a first look, for the intervals the lab's limits must lie beyond
            bounds, _, _, _, candidates = self._interval_for(
                m, name, entry, exponent, decimal_comma, given, unit_written
            )
        intervals = [(None, bounds)] if bounds is not None else list(candidates)
        # review: a lab's limit not used left the set's off too, so 60 past the set's 50 was
        # only high: the set's is left off only on the sides where the lab's is used
        usable = self._lab_critical_usable(m, name, lab, intervals, entry.unit)
        sides = (usable[0] is not None, usable[1] is not None)
        bounds, origin, note, indeterminate, candidates = self._interval_for(
            m, name, entry, exponent, decimal_comma, sides, unit_written
        )
        if bounds is not None:
            bounds = with_lab_critical(bounds, usable)
        candidates = tuple((who, with_lab_critical(b, usable)) for who, b in candidates)
        return bounds, origin, note, indeterminate, candidates, sides

    def _row_assay_limits(
        self, m: Measurement, keys: Sequence[str], unit: str, exponent: int, decimal_comma: bool
    ) -> dict[str, float]:
        """The assay limits of `keys` ('lloq') the row gives in columns of their own, in the
        set's `unit` (`Measurement.assay_limits`); a cell that is not a number alone is not
        used (the set's limit, if any, stands)."""
        if not m.assay_limits:
            return {}
        read = {
            key: read_critical_limit(m.assay_limits[key], unit, exponent, decimal_comma)
            for key in keys
            if key in m.assay_limits
        }
        return {key: limit for key, limit in read.items() if isinstance(limit, float) and limit > 0}

    def _lab_critical(
        self,
        m: Measurement,
        name: str,
        unit: str,
        exponent: int,
        decimal_comma: bool,
        value_unit: str,
        unit_written: bool = True,
    ) -> tuple[float | None, float | None]:
        """The row's critical low and high limits in `unit` (`Measurement.critical`), None for
        a side it gives none of, or one it gives unusably (with a warning)."""
        if m.critical is None or not (m.critical.low or m.critical.high):
            return None, None
        unit_doubted = _bare_limit_doubt(
            value_unit, m.reference_range, unit, exponent, decimal_comma
        )
        if unit_doubted is None and unit_written and exponent and m.reference_range:
            unit_doubted = self._beside_a_range_in_doubt(m, name, unit, exponent, decimal_comma)
        limits: list[float | None] = []
        for side in ("low", "high"):
            text = m.critical.cell(side)  # quoted as written (review: with its header's unit)
            read = (
                read_critical_limit(
                    m.critical.read_as(side), unit, exponent, decimal_comma,
                    self._comma_doubted(decimal_comma), unit_doubted,
                )
                if text
                else None
            )  # fmt: skip
            if read == 0:  # QA: exports write 0 where no limit is set; every IL-18 was critical
                read = "is what labs write where they set no limit"
            if isinstance(read, str):
                self._critical_unusable(
                    m, side, f"{name}: the file's critical {side} limit '{shorten(text)}' {read}; "
                    f"it was not used",
                )  # fmt: skip
                read = None
            limits.append(read)
        low, high = limits
        if low is not None and high is not None and low >= high:
            # review: 'Critical Low 200, Critical High 100' made 150 critically low; a ranges
            # file with them is refused
            self._critical_unusable(
                m, "low", f"{name}: the file's critical low limit {number_text(low)} {unit} is "
                f"not below its critical high limit {number_text(high)} {unit}; neither was used",
            )  # fmt: skip
            return None, None
        return low, high

    def _lab_critical_usable(
        self,
        m: Measurement,
        name: str,
        lab: tuple[float | None, float | None],
        intervals: Sequence[tuple[str | None, Bounds]],
        unit: str,
    ) -> tuple[float | None, float | None]:
        """The lab's critical limits (low, high) that lie beyond every one of `intervals` (those
        that may judge the row, with whom each is for where the person decides between them);
        each other is said not to be used."""
        usable: list[float | None] = []
        for side, limit in zip(("low", "high"), lab, strict=True):
            one = (limit, None) if side == "low" else (None, limit)
            # those it is not beyond: there, `with_lab_critical` does not take it
            short = [
                (who, b)
                for who, b in intervals
                if getattr(with_lab_critical(b, one), f"critical_{side}") != limit
            ]
            if limit is None or (intervals and not short):
                usable.append(limit)
                continue
            why = "there is no range to judge the value by"
            if short:
                who, b = short[0]
                whose = "used" if who is None else f"for {who}"
                which = "" if who is None else ", which may be the person's"  # review: 'used'
                why = (
                    f"it is not {'below' if side == 'low' else 'above'} the range {whose} "
                    f"({interval_text(_without_critical(b, (True, True)), unit)}){which}"
                )
            # quoted as the cell writes it, with what it was read as (QA: '1,000' quoted as 1)
            read = f"{number_text(limit)} {unit}"
            cell = m.critical.cell(side) if m.critical else number_text(limit)
            quoted = read if cell == number_text(limit) else f"'{shorten(cell)}' (read as {read})"
            self._critical_unusable(
                m, side, f"{name}: the file's critical {side} limit {quoted} was not used: {why}",
            )  # fmt: skip
            usable.append(None)
        return usable[0], usable[1]

    def _beside_a_range_in_doubt(
        self, m: Measurement, name: str, unit: str, exponent: int, decimal_comma: bool
    ) -> str | None:
        """Why a critical limit with no unit cannot be read in the value's unit beside a printed
        range whose unit is in doubt (`unit_in_doubt`), or None (code audit round 21: '0-7'
        beside 0.15 ng/mL of IL-6 was in doubt, its critical high '100' read as 100 ng/mL)."""
        assert m.reference_range is not None
        doubted = self._comma_doubted(decimal_comma)
        read = read_lab_range(m.reference_range, unit, exponent, decimal_comma, doubted)
        if not isinstance(read, Bounds):
            return None
        with self._unsaid():  # the person's warnings are said where the range is chosen
            chosen = self._select(m, name).bounds
        if not unit_in_doubt(m.reference_range, read, chosen, exponent, unit, decimal_comma):
            return None
        return (
            "has no unit, nor has the printed range beside it, whose unit is in doubt (see its "
            "warning), so it may be in another unit than the value's: write its unit in the cell"
        )

    def _critical_unusable(self, m: Measurement, side: str, message: str) -> None:
        """A critical limit of the row is not used: said once per message."""
        self._said_once(
            m, "critical-limit-unusable", self._column_of(f"critical_{side}", m), message
        )

    def _interval_for(
        self,
        m: Measurement,
        name: str,
        entry: MarkerRange,
        exponent: int,
        decimal_comma: bool,
        lab_critical: tuple[bool, bool] = (False, False),
        unit_written: bool = True,
    ) -> tuple[Bounds | None, _Origin, str | None, bool, tuple[tuple[str, Bounds], ...]]:
        """The interval to judge by: the lab's range in the row wins over the set's; when the
        person decides between the set's rows and is not known, the rows that could apply.
        The set's critical limits are left out on the `lab_critical` sides (low, high); a
        range with no unit beside a value whose unit is `unit_written` may be in doubt."""
        if _prints_a_range(m):
            assert m.reference_range is not None
            from_file = self._lab_bounds(
                m, entry.unit, exponent, decimal_comma, "the reference set's range was used"
            )
            if from_file is not None:
                chosen = _selected_without_critical(self._select(m, name), lab_critical)
                # an assumed unit is the range's too (--assume-unit: the user said so)
                doubt = unit_written and unit_in_doubt(
                    m.reference_range, from_file, chosen.bounds, exponent, entry.unit,
                    decimal_comma,
                )  # fmt: skip
                if doubt:
                    otherwise = "the reference set's range was used"
                    self._range_unreadable(m, _unusable_range(m.reference_range, doubt, otherwise))
                    from_file = None
            if from_file is not None:
                if _open_above(from_file, chosen, entry):
                    # no interval chosen: the person is not known (`_open_above`)
                    used = (
                        open_above_used(from_file, chosen.bounds) if chosen.bounds else OPEN_ABOVE
                    )
                    if used is chosen.bounds:
                        return chosen.bounds, "set", chosen.note, chosen.indeterminate, ()
                    if isinstance(used, Bounds):
                        message = _joined_message(name, m.reference_range, used, entry.unit)
                        self._range_disagrees(m, message)
                        return used, "joined", None, False, ()
                    otherwise = "the reference set's range was used"
                    self._range_unreadable(m, _unusable_range(m.reference_range, used, otherwise))
                    return (
                        chosen.bounds,
                        "set",
                        chosen.note,
                        chosen.indeterminate,
                        chosen.candidates,
                    )
                if chosen.bounds is not None and not _differs(from_file, chosen.bounds):
                    # The lab prints the set's interval: judged by the set's, whose critical
                    # limits a printed range never has.
                    return chosen.bounds, "set", chosen.note, chosen.indeterminate, ()
                if chosen.bounds is not None:
                    kept = with_set_critical(from_file, chosen.bounds)
                    message = _disagreement(
                        name, m.reference_range, from_file, chosen.bounds, entry.unit, kept
                    )
                    self._range_disagrees(m, message)
                    from_file = kept
                elif chosen.candidates and all(
                    not _differs(from_file, bounds) for _, bounds in chosen.candidates
                ):
                    # the lab prints each row's range: judged by the rows, as with none printed
                    # (review: 'differs' was said of '0-7' beside rows of '≤ 7')
                    return None, "set", chosen.note, chosen.indeterminate, chosen.candidates
                elif chosen.candidates:
                    # judged by the file's range; the rows still say whose critical limit it
                    # may pass, of those beyond the range (QA: 55 beside '0-80' was normal,
                    # and 'critical' by the women's 50, which the range takes in)
                    beyond = tuple(
                        (who, _critical_only(with_set_critical(from_file, bounds)))
                        for who, bounds in chosen.candidates
                    )
                    shared = shared_critical(chosen.candidates)
                    kept = with_set_critical(from_file, shared)
                    # said as where the person is known (QA: no warning at all)
                    each = "; ".join(
                        f"{who}: {interval_text(bounds, entry.unit)}"
                        for who, bounds in chosen.candidates
                    )
                    message = _disagreement(
                        name, m.reference_range, from_file, shared, entry.unit, kept,
                        f"the reference set's ranges, one of which may be the person's ({each})",
                    )  # fmt: skip
                    self._range_disagrees(m, message)
                    return kept, "file", None, False, beyond
                return from_file, "file", None, False, ()
        chosen = _selected_without_critical(self._select(m, name), lab_critical)
        return chosen.bounds, "set", chosen.note, chosen.indeterminate, chosen.candidates

    def _range_disagrees(self, m: Measurement, message: str) -> None:
        """The row's printed range differs from the set's: said once per range as printed."""
        self._said_once(m, "range-disagrees", self._column_of("reference_range", m), message)

    def _select(self, m: Measurement, name: str) -> Selected:
        """The set's interval for the row's person; where the collection date or the birth date
        may be two days ('03/04/2026') and the age comes from them, the one all ages give.
        `--sex` and `--age` stand in for what the row does not give (or gives unreadably)."""
        filled = self._filled_down(m)
        if filled is m:
            selected = self._select_for(m, name)
        else:
            # Judged by the cells its sample's rows gave, but said of as it is: warnings are
            # of the row's own cells (differential test: a person-conflict of cells from two
            # rows).
            self._person(m)
            with self._unsaid():
                selected = self._select_for(filled, name)
        unread = {
            fact: shorten(cell.strip())
            for fact, cell, read in (("sex", filled.sex, parse_sex), ("age", filled.age, parse_age))
            if cell and cell.strip() and read(cell) is None
        }  # fmt: skip
        if unread and selected.note:
            return selected._replace(note=said_unreadable(selected.note, name, unread))
        return selected

    def _select_for(self, m: Measurement, name: str) -> Selected:
        """`_select` for the row's cells as they are to be read."""
        sex, age = self._person(m)
        sex = sex or self.options.sex
        if age is not None and m.age:
            return self._select_by_age_cell(m, name, sex, age)
        if age is not None:
            return self.ranges.select(name, sex, age)
        if not m.birth_date or not m.collected_at:
            return self._select_by_given_age(name, sex)
        births, taken = _days_of(m.birth_date), _days_of(m.collected_at)
        if (
            births is None
            or taken is None
            or len(births) == len(taken) == 1
            or self._after_today(taken)  # no age to a day after today, as in `_person`
        ):  # no date, or one way each: counted, or said why not (`_person`)
            return self._select_by_given_age(name, sex)
        chosen = self.ranges.select(name, sex, None)
        found = [_years_between(born, day) for born in births for day in taken]
        if len(births) == 1 and None in found:
            return self._one_day_or_none(m, name, sex, births[0], (taken[0], taken[-1]), found)
        if all(years is None for years in found):
            how = "after" if births[0] > taken[0] else f"more than {MAX_AGE} years before"
            self._person_unreadable(
                m, self._columns.get("birth_date"),
                f"birth date '{shorten(m.birth_date)}' is {how} the collection date "
                f"'{shorten(m.collected_at)}', whichever of two days "
                + ("the birth date is" if len(taken) == 1 else "each is")
                + ", so it gives no age; the age was treated as not given",
            )  # fmt: skip
            return self._select_by_given_age(name, sex)
        ages = sorted({years for years in found if years is not None})
        picks = [self.ranges.select(name, sex, years) for years in ages]
        first, *others = picks
        if any(other.bounds != first.bounds for other in others):
            # The ages differ in range: the age stays unknown (QA: not --age, which is for
            # rows that give none), and the note says why. A value both ranges judge alike is
            # still judged (QA: Ferritin 100, normal for 50 and for 51, was indeterminate).
            candidates = tuple(
                (f"age {age_said(years)}", pick.bounds)
                for years, pick in zip(ages, picks, strict=True)
                if pick.bounds is not None
            )
            return Selected(
                bounds=None,
                note=f"this set's range for {name} differs between age {age_said(ages[0])} "
                f"and {age_said(ages[-1])}, the person's age "
                + _two_day_dates_said(m, births, taken),
                indeterminate=True,
                candidates=candidates if len(candidates) == len(picks) else (),
            )
        if chosen.note is None and chosen.bounds == first.bounds:
            return chosen  # a range for every age: the age is no matter (review)
        # QA: an adult-only range went unused for a person of 64 or 65 (a high value, exit 0)
        said = f"age {' or '.join(dict.fromkeys(age_said(years) for years in ages))} " + (
            "on the collection date, which may be either of two days"
            if len(births) == 1
            else f"from the birth date '{shorten(m.birth_date)}', which may be either of two days"
            if len(taken) == 1
            else f"from the birth date '{shorten(m.birth_date)}' to the collection date, each "
            "of which may be either of two days"
        )
        if None in found:  # review: 'the same either way' where one way gives no age
            said += (
                "; the other readings give no age (a birth after the collection, or too long "
                "before it)"
            )
        elif first.bounds is not None:
            said += (
                "; the range is the same for both"
                if len(births) == 1
                else ("; the range is the same either way")
            )
        return first._replace(note=f"{first.note}; {said}" if first.note else said)

    def _select_by_age_cell(
        self, m: Measurement, name: str, sex: Sex | None, age: float
    ) -> Selected:
        """The interval for an age cell, which gives whole years (or months …): '0' is any
        age under 1, so a set's rows that part within that year leave the age unknown (QA:
        '0' was judged by the row for babies under 6 months)."""
        assert m.age is not None
        width = age_width(m.age)
        exact = (
            _age_from_dates(m.birth_date, m.collected_at)
            if m.birth_date and m.collected_at
            else None
        )
        if exact is not None and age <= exact < age + width:  # the dates tell the day
            return self.ranges.select(name, sex, exact)
        # what is missing (QA: 'give the birth date' beside one with no collection date)
        give = (
            "the birth and collection dates give no one age; give the age in months"
            if m.birth_date and m.collected_at
            else "give the collection date, or the age in months"
            if m.birth_date
            else "give the birth date, or the age in months"
        )
        by_cell = self._select_by_rough_age(
            name, sex, age, width, f"the age '{shorten(m.age)}'", give
        )
        if exact is None or self._in_future(m.collected_at or ""):
            return by_cell
        # The age cell and the birth date disagree (person-conflict says so once a file): the
        # severity both ages' ranges give, not the age cell's taken as certain (review round 9:
        # IL-8 15 was high by age 17's range, though normal by age 18's from the birth date)
        by_dates = self.ranges.select(name, sex, exact)
        cell_has = by_cell.bounds is not None or bool(by_cell.candidates)
        if by_dates.bounds is None and not cell_has:
            return by_cell  # neither age has a range: as said of it
        if by_dates.bounds is None or not cell_has:
            # one age has a range and the other none (review of round 9: age 18 beside a birth
            # date giving 17 was judged by the adult range, as if certain)
            ranged, unranged = (
                (age, exact) if by_dates.bounds is None else (exact, age)
            )  # fmt: skip
            return Selected(
                bounds=None,
                note=f"this set has a range for {name} at age {age_said(ranged)} but none at "
                f"age {age_said(unranged)}; the age cell gives {age_said(age)} and the birth "
                f"date '{shorten(m.birth_date or '')}' gives {age_said(exact)} on the collection "
                "date, which disagree, so it cannot be judged",
                indeterminate=True,
            )
        if by_cell.bounds == by_dates.bounds:
            return by_cell
        cell_candidates = by_cell.candidates or ((f"age {age_said(age)}", by_cell.bounds),)
        return Selected(
            bounds=None,
            note=f"this set's range for {name} differs between age {age_said(age)}, as the "
            f"age cell gives it, and age {age_said(exact)}, from the birth date "
            f"'{shorten(m.birth_date or '')}' to the collection date, which disagree",
            indeterminate=True,
            candidates=(
                *cell_candidates,  # type: ignore[arg-type]
                (f"age {age_said(exact)}", by_dates.bounds),
            ),
        )

    def _select_by_given_age(self, name: str, sex: Sex | None) -> Selected:
        """The interval for --age, read as an age cell is (QA: '--age 0' chose the row for
        babies under 6 months, where a cell '0' is any age under 1)."""
        age = self.options.age
        if age is None:
            return self.ranges.select(name, sex, None)
        # as --age was written ('7 mo': a month); a number alone, whole years or exact
        width = self.options.age_width
        if width is None:
            width = 1.0 if float(age).is_integer() else 0.0
        said = f"the age given with --age ({age_said(age)})"
        return self._select_by_rough_age(name, sex, age, width, said, "give the age in months")

    def _select_by_rough_age(
        self, name: str, sex: Sex | None, age: float, width: float, said: str, give: str
    ) -> Selected:
        """The interval for an age known only to `width` years ('0' is under 1): where the
        set's rows part within it, judged only as far as they agree; `said`: the age as the
        note names it; `give`: what would tell it."""
        inside = self.ranges.age_limits_within(name, age, age + width)
        if not inside:
            return self.ranges.select(name, sex, age)
        ages = [age, *inside]
        picks = [self.ranges.select(name, sex, years) for years in ages]
        first = picks[0]
        # the rows each age could take alike (review: with the sex unknown too, where each
        # age's bounds are None and its rows are candidates)
        if all((p.bounds, p.candidates) == (first.bounds, first.candidates) for p in picks):
            return first
        # each named by its row ('under age 0.5'): 'age under 1' would be both of them
        rows: list[tuple[str, Bounds]] = []
        for years, pick in zip(ages, picks, strict=True):
            if pick.bounds is not None:
                said_row = pick.note or ""
                rows.append((
                    said_row.removeprefix("range for ")
                    if said_row.startswith("range for ") else f"age {age_said(years)}",
                    pick.bounds,
                ))  # fmt: skip
            elif pick.candidates:
                rows.extend(pick.candidates)
            else:  # an age no row fits: nothing to judge by
                rows = []
                break
        candidates = tuple(dict.fromkeys(rows))
        exactness = "is in whole years" if width >= 1 else "is not exact enough"
        changes = " and ".join(age_said(years) for years in inside)
        return Selected(
            bounds=None,
            note=f"{said} {exactness}, and this set's range for {name} changes at age "
            f"{changes} within it, so the range cannot be chosen ({give})",
            indeterminate=True,
            candidates=candidates,
        )

    def _one_day_or_none(
        self,
        m: Measurement,
        name: str,
        sex: Sex | None,
        born: dt.date,
        days: tuple[dt.date, dt.date],
        found: list[float | None],
    ) -> Selected:
        """A collection date that may be two days, one or both of them before the birth date
        (or too long after it): the age on the other day, or none, said (QA: said by neither)."""
        assert m.birth_date is not None and m.collected_at is not None
        written = f"the collection date '{shorten(m.collected_at)}'"
        if found[0] is None and found[1] is None:
            how = "after" if born > days[0] else f"more than {MAX_AGE} years before"
            self._person_unreadable(
                m, self._columns.get("birth_date"),
                f"birth date '{shorten(m.birth_date)}' is {how} both days {written} may be "
                f"({two_days_said(m.collected_at)}), so it gives no age; the age was treated as "
                "not given",
            )  # fmt: skip
            return self._select_by_given_age(name, sex)
        age = found[0] if found[0] is not None else found[1]
        assert age is not None
        day, other = days if found[0] is not None else days[::-1]
        # The other day cannot be the one, if the birth date is right: the age is known.
        how = "before" if other < born else f"more than {MAX_AGE} years after"
        said = (
            f"age {age_said(age)} on {day_in_words(day)}: {written} may also be "
            f"{day_in_words(other)}, but that is {how} the birth date '{shorten(m.birth_date)}'"
        )
        picked = self.ranges.select(name, sex, age)
        return picked._replace(note=f"{picked.note}; {said}" if picked.note else said)

    def _person(self, m: Measurement) -> tuple[Sex | None, float | None]:
        """Sex and age as the row gives them (an age counted from dates read one way); a cell
        panelcli cannot read is said once."""
        sex = parse_sex(m.sex) if m.sex else None
        if m.sex and sex is None:
            self._unreadable_person(m, "sex", m.sex, "female or male (F, M)", self.options.sex)
        age = parse_age(m.age) if m.age else None
        if age is not None and m.birth_date and m.collected_at:
            self._check_age_agrees(m, age)
        from_dates = None
        # QA: a year slip ('2062-03-02') made a child of 11 an adult, judged by an adult's
        # range; its date-in-future warning says no age is counted to it
        future = bool(m.collected_at) and self._in_future(m.collected_at or "")
        if age is None and m.birth_date and m.collected_at and not future:
            from_dates = _age_from_dates(m.birth_date, m.collected_at)
        if m.age and age is None:
            expected = f"a number of years up to {MAX_AGE}, such as 42 (or 18 mo, 6 wk, 10 d)"
            # --age stands in where the dates give no age in any reading: not a birth date
            # cell alone, nor dates that give one read either way ('03/04/2026': `_select`),
            # but a birth after the collection (review, three times); `from_dates` is the
            # one-way reading of these
            stand_in = None if self._dates_give_an_age(m) else self.options.age
            self._unreadable_person(m, "age", m.age, expected, stand_in)
        if age is None and m.birth_date:
            age = from_dates
            if age is None and not future:
                self._no_age(m, m.birth_date, m.collected_at)
            elif age is None and self.options.age is not None and not m.age:
                # its date-in-future warning says no age is counted to it, not what stood in
                self._person_unreadable(
                    m, self._columns.get("collected_at"),
                    f"no age was counted to the collection date '{shorten(m.collected_at or '')}'"
                    f", which is after the day of this check, so --age "
                    f"{age_said(self.options.age)} was used instead",
                )  # fmt: skip
        return sex, age

    def _dates_give_an_age(self, m: Measurement) -> bool:
        """Whether a row's birth and collection dates give an age in some reading, which
        `_select` then uses (--age does not stand in): none to a day after today."""
        births = _days_of(m.birth_date) if m.birth_date else None
        taken = _days_of(m.collected_at) if m.collected_at else None
        return (
            births is not None
            and taken is not None
            and not self._after_today(taken)  # the rule of its date-in-future warning
            and any(_years_between(born, day) is not None for born in births for day in taken)
        )

    def _filled_down(self, m: Measurement) -> Measurement:
        """The row with its blank sex, age, birth date and collection date cells as its
        sample's rows before it give them (a sheet filled down), unless it is another specimen."""
        # QA: IL-6 60 on the row after 'F,40' was judged as of no known sex (critical missed);
        # review: an age written '41' beside '40' is a slip in a cell, not another person
        given = _given_before(self._markers_seen(m), _person_text(m))
        if not given:
            return m
        filled = {
            cell: given[field]
            for cell, field in _FILLED_DOWN
            # an age and a birth date stand for each other
            if not getattr(m, cell)
            and field in given
            and not (cell in ("age", "birth_date") and (m.age or m.birth_date))
        }
        return m._replace(**filled) if filled else m  # type: ignore[arg-type]  # str cells

    def _in_future(self, collected_at: str) -> bool:
        """Whether a collection date is after the day of this check (its date-in-future)."""
        problem = self._date_problem(collected_at.strip())
        return problem is not None and problem[0] == "date-in-future"

    def _after_today(self, days: Sequence[dt.date]) -> bool:
        """Whether every day a collection date may be is after the day of this check (a day
        ahead may be today in the lab's time zone)."""
        return all(day > self.today + dt.timedelta(days=1) for day in days)

    def _no_age(self, m: Measurement, birth_date: str, collected_at: str | None) -> None:
        """Why a birth date gave no age, said of the cell at fault: the birth date, or the
        collection date it is counted to; and that --age stood in, where it did (QA: unsaid)."""
        instead = (
            "" if self.options.age is None
            else f", and --age {age_said(self.options.age)} was used instead"
        )  # fmt: skip
        if collected_at and read_date(birth_date) is not None and read_date(collected_at) is None:
            # QA: a collection date such as '03/04/2026' got its date-ambiguous warning and a
            # person-unreadable one blaming the birth date: its own warning (date-unreadable or
            # date-ambiguous) already says no age is counted to it, so only it is given.
            if self._date_problem(collected_at) is None:  # a date no other warning names
                self._unreadable_person(
                    m, "collected at", collected_at,
                    "a date such as 2026-03-02 or 02.03.2026, to count the age from the birth "
                    "date", self.options.age, "age",
                )  # fmt: skip
            elif instead and not self._dates_give_an_age(m):
                # its warning says no age is counted to it, not what stood in; where both days
                # give an age, `_select` uses them (QA: '--age 40 was used' of a man of 46)
                self._person_unreadable(
                    m, self._columns.get("birth_date"),
                    f"no age could be counted from the birth date '{shorten(birth_date)}' to "
                    f"the collection date '{shorten(collected_at)}'{instead}",
                )  # fmt: skip
        elif not collected_at and _days_of(birth_date) is not None:
            self._person_unreadable(  # the birth date is fine: a date to count to is missing
                m, self._columns.get("collected_at"),
                f"birth date '{shorten(birth_date)}' could not give an age: the row has no "
                f"collection date to count it to; the age was treated as not given{instead}",
            )  # fmt: skip
        elif collected_at and (born := read_date(birth_date)) is not None:
            # QA: '2030-01-01' was said to be 'not something panelcli reads'
            taken = read_date(collected_at)
            how = "after" if taken is None or born > taken else f"more than {MAX_AGE} years before"
            self._person_unreadable(
                m, self._columns.get("birth_date"),
                f"birth date '{shorten(birth_date)}' is {how} the collection date "
                f"'{shorten(collected_at)}', so it gives no age; the age was treated as not given"
                f"{instead}",
            )  # fmt: skip
        elif (days := two_days_said(birth_date)) is not None:
            # QA: '03/04/1980' was 'not something panelcli reads', and no age-banded range was
            # used, though both days give one age on most collection dates
            self._person_unreadable(
                m, self._columns.get("birth_date"),
                f"birth date '{shorten(birth_date)}' may be {days}, as the day or the month may "
                "come first; an age is counted from it only where both days give the same "
                f"range (written with the year first, as {year_first_said(birth_date)}, it can "
                "be read only one way)",
            )  # fmt: skip
        elif (why := why_no_date(birth_date)) is not None and (
            why.startswith((NO_SUCH_DAY, WEEKDAY_APART)) or why == PLACEHOLDER
        ):  # review: '1980-02-30' was 'expected a date such as 1980-02-01', its very form;
            # QA: '1900-01-01' was not named the placeholder it is, as a collection date is
            self._person_unreadable(
                m, self._columns.get("birth_date"),
                f"birth date '{shorten(birth_date)}' {why}; the age was treated as not "
                f"given{instead}",
            )  # fmt: skip
        else:  # the birth date cannot be read
            self._unreadable_person(
                m, "birth date", birth_date,
                "a date such as 1980-02-01, before the collection date, and a collection "
                "date to count from", self.options.age, "age",
            )  # fmt: skip

    def _check_age_agrees(self, m: Measurement, age: float) -> None:
        """An age and a birth date that disagree on the whole years: said once per file (QA:
        age 18 beside a birth date that gives 17 judged an adult without a word)."""
        assert m.birth_date is not None and m.collected_at is not None
        if self._in_future(m.collected_at):  # no age is counted to it (review: one was said)
            return
        from_dates = _age_from_dates(m.birth_date, m.collected_at)
        if from_dates is not None and _ages_disagree(
            from_dates, age, m.birth_date, m.collected_at, _in_months(m.age or "")
        ):
            self._warn_once(
                ("person-conflict", m.source),
                Issue(severity="warning", code="person-conflict", source=m.source, line=m.line,
                      column=self._column_of("age"), sample_id=m.sample_id,
                      patient_id=m.patient_id, collected_at=m.collected_at, marker=m.marker,
                      message=f"age {age_said(age)} does not match the birth date "
                      f"'{shorten(m.birth_date)}' (age {age_said(from_dates)} on "
                      f"'{shorten(m.collected_at)}'); where the set's range differs between the "
                      "two ages, a result is judged only as far as both ranges agree, here and "
                      "in any other row of this file where they disagree"),
            )  # fmt: skip

    def _person_readable(self, sex: str, age: str, birth_date: str, collected_at: str) -> bool:
        """Whether `_person` reads these cells (as in the file) without a warning."""
        key = (sex, age, birth_date, collected_at)
        readable = self._readable.get(key)
        if readable is None:
            sex, age, birth_date = sex.strip(), age.strip(), birth_date.strip()
            given_age = parse_age(age) if age else None
            from_dates = _age_from_dates(birth_date, collected_at.strip()) if birth_date else None
            readable = (
                (not sex or parse_sex(sex) is not None)
                and (not age or given_age is not None)
                and not (birth_date and given_age is None and from_dates is None)
                and not (  # an age that disagrees with the birth date: `_person` warns
                    given_age is not None and from_dates is not None
                    and _ages_disagree(from_dates, given_age, birth_date, collected_at.strip())
                )
                # a child's: a range for no age in particular gets a note (`CHILD_RANGE_NOTE`)
                and not is_a_child(given_age if given_age is not None else from_dates)
            )  # fmt: skip
            if len(self._readable) >= self.MAX_PLANS:  # as for plans: bounded memory
                self._readable.clear()
            self._readable[key] = readable
        return readable

    def _unreadable_person(
        self, m: Measurement, what: str, text: str, expected: str, stand_in: object = None,
        option: str | None = None,
    ) -> None:  # fmt: skip
        """Say that a person's cell is unreadable, and the option (`--what`, or `--option`)
        that stood in for it (QA: an '18 mo' judged by `--age 40` did not say so)."""
        message = (
            f"{what} '{shorten(text)}' is not something panelcli reads (expected {expected}); "
            "it was treated as not given"
        )
        if stand_in is not None:
            given = age_said(stand_in) if isinstance(stand_in, float) else stand_in
            message += f", and --{option or what} {given} was used instead"
        self._person_unreadable(m, self._column_of(what.replace(" ", "_")), message)

    def _no_ids_given(self, m: Measurement) -> None:
        """A result of a row of a file with an id column that gives no sample id nor a patient
        id: it stands in a panel of no sample (lab QA: it came with no word at all). A refused
        row's rejection names its line already."""
        if m.patient_id is not None:
            return
        if m.sample_id is not None:
            if self._blank_ids and m.sample_id == named_by_line(m.line):
                self._wide_row_unnamed(m)
            return
        if not self._ids_column:
            return
        column = self._columns.get("sample_id") or self._columns.get("patient_id")
        whose = "sample id or patient id" if "patient_id" in self._columns else "sample id"
        # once a file (review: a file whose id column is blank on every row gave a hundred,
        # each row off the short path): the rows after it are judged as any others
        self._warn_once(
            ("sample-id-missing", m.source),
            Issue(severity="warning", code="sample-id-missing", source=m.source, line=m.line,
                  column=column, collected_at=m.collected_at, marker=m.marker,
                  message=f"this row gives no {whose} (blank, or a word that names none, such "
                  "as 'N/A' or 'Unknown'): its result is in a panel of no sample ('Results' in "
                  "the table), as is any other such row of this file; give each row its "
                  "sample's id"),
        )  # fmt: skip

    def _id_may_be_rounded(
        self, source: str, sample_id: str | None, patient_id: str | None
    ) -> bool:
        """Whether a row's id is one Excel wrote for a long number and its file has not been
        warned of it yet."""
        # '+' first: it is in almost no id, and costs a fraction of the rest
        return (
            (sample_id is not None and "+" in sample_id)
            or (patient_id is not None and "+" in patient_id)
        ) and (
            ("sample-id-rounded", source) not in self._warned
            and any(
                text is not None and EXCEL_ROUNDED_ID.fullmatch(text) is not None
                for text in (sample_id, patient_id)
            )
        )

    def _id_rounded(self, m: Measurement) -> None:
        """Warn, once a file, of an id Excel rounded ('1.23457E+11'): the long ids of several
        tubes may have become one, and their results are then shown as one panel's."""
        role = (
            "sample_id" if m.sample_id and EXCEL_ROUNDED_ID.fullmatch(m.sample_id) else "patient_id"
        )
        text = m.sample_id if role == "sample_id" else m.patient_id
        what = "sample id" if role == "sample_id" else "patient id"
        self._warn_once(
            ("sample-id-rounded", m.source),
            Issue(severity="warning", code="sample-id-rounded", source=m.source, line=m.line,
                  column=self._column_of(role), sample_id=m.sample_id, patient_id=m.patient_id,
                  collected_at=m.collected_at, marker=m.marker,
                  message=f"{what} '{shorten(text or '')}' looks like a long number Excel "
                  "rounded and wrote in scientific notation: several tubes' ids may have become "
                  "this one (or any other such id in this file), and their results then show as "
                  "one sample's; format the id column as Text in Excel and export again"),
        )  # fmt: skip

    def _wide_row_unnamed(self, m: Measurement) -> None:
        """A result of a wide file's row whose sample id cell is blank: a sample of its own,
        named by its line, said once a file (note 48: Excel's averages under the samples were
        judged as a sample 'line 9' with no word)."""
        self._warn_once(
            ("sample-id-missing", m.source),
            Issue(severity="warning", code="sample-id-missing", source=m.source, line=m.line,
                  column=self._columns.get("sample_id"), sample_id=m.sample_id,
                  collected_at=m.collected_at,
                  message=f"this row gives no sample id: its results are shown as sample "
                  f"'{m.sample_id}' (any other such row of this file is a sample of its own "
                  "too); give each row its sample's id (a row of means or totals under the "
                  "samples, as a sheet may add, is read as a sample too: label it 'Mean' or "
                  "delete it)"),
        )  # fmt: skip

    def _person_unreadable(self, m: Measurement, column: str | None, message: str) -> None:
        # Keyed by its text, which quotes the cell cut short: batches joined apart (ndjson_join)
        # can tell repeats only by that text.
        self._warn_once(
            ("person-unreadable", m.source, message),
            # the row's sample named, as date warnings name it (QA: lab staff filter by it)
            Issue(severity="warning", code="person-unreadable", source=m.source, line=m.line,
                  column=column, sample_id=m.sample_id, patient_id=m.patient_id,
                  collected_at=m.collected_at, marker=m.marker, message=message),
        )  # fmt: skip

    def _column_of(self, role: str, m: Measurement | None = None) -> str:
        """The header cell of a role as the file writes it ('Reference_Range'), or of `m`'s
        marker column's own column ('IL-6 Flag'), as issues name columns; its plain name when
        the file is not being read here."""
        return self._role_column(m, role) or role.replace("_", " ")

    def _role_column(self, m: Measurement | None, role: str) -> str | None:
        """The column that gives `m` a role's cell: its marker column's own, or the file's."""
        own = self._companions.get(m.column) if m is not None and self._companions else None
        if own is not None and role in own:
            return own[role]
        if m is not None and self._wide and role == "reference_range":
            return m.column  # a range row's cell, in the marker's own column
        return self._columns.get(role)

    def _no_reference(
        self, m: Measurement, parsed: ParsedValue, unit: str | None, decimal_comma: bool
    ) -> Result:
        """A marker the set does not know: judged by the lab's range in the row, if it has one
        panelcli can use, else no_reference with a spelling hint."""
        note = f"no reference range for '{shorten(m.marker)}' in this set"
        # named, hinted and told of its form as without a species before it ('Hu IL-12 (40)'
        # as 'IL-12 (40)': review, it was hinted as IL-12 p70)
        written = without_species(m.marker) or m.marker
        # the name panelcli knows it by, as a set that knows it gives it (QA: GMCSF, GM-CSF
        # and GM CSF were three markers, and three trends, of the default set's results)
        # without an instrument's words after it ('IL-18 (33)': QA, as a set's marker is)
        bare = value_name(written)
        base = dict(
            **self._sample_fields(m), marker=known_name(written) or (bare or written).strip(),
            marker_as_written=m.marker, value=parsed.number, comparator=parsed.comparator,
            unit=unit, original_value=self._as_written(m), original_unit=unit,
        )  # fmt: skip
        # difflib: only for a marker the set lacks; without a replicate's words after it
        # (lab QA: 'IL-6 2.0 Rep 1' got no hint where 'IL-6 2.0' got one)
        hint = self.ranges.suggest(bare or written)
        if _prints_a_range(m) and unit is not None:  # 'ND' too (QA: it was 'no range')
            # A name the set may know under another spelling ('TNF-?' where an encoding
            # lost the α) is said even so (found in QA)
            said = f" (did you mean {hint}?)" if hint else ""
            judged = self._by_lab_range_alone(
                m, parsed, unit, decimal_comma, base, f"{note}{said}", "the result was not judged"
            )
            if judged is not None:
                return judged
        whole = None if hint else self.ranges.without_form(written)
        visit = _VISIT_SUFFIX.match(written)
        visited = self.ranges.resolve(visit["name"]) if visit else None
        timepoint = _TIMEPOINT_SUFFIX.match(written) if visited is None else None
        timed = self.ranges.resolve(timepoint["name"]) if timepoint else None
        if visited is not None and visit is not None:
            # a study's wide export of visits side by side (lab QA: 'IL-6_v2' had no word)
            note += f"; it looks like {visited} at visit {visit['visit']}" + _how_to_give_apart(
                visited, "visit", self._wide
            )
        elif timed is not None and timepoint is not None:
            note += (
                f"; it looks like {timed} at '{shorten(timepoint['when'])}'"
                + _how_to_give_apart(timed, "time point", self._wide)
            )
        elif hint:
            note += f"; check the name (did you mean {hint}?)"
        if lost := lost_letter(m.marker):  # review: '�' was told of a '?'
            note += f"; a '{lost}' may be a letter lost when the file was saved (save it as UTF-8)"
        elif whole and names_a_form(whole):  # IL-12 p40 where the set has IL-12 p70
            note += f"; {whole} in this set is another form of it, so its range is not used"
        elif whole:
            note += (
                f"; its {whole} does not say which form it measures (if it is this test, add "
                f"'{shorten(m.marker.strip())}' to {whole}'s aliases in your own ranges file)"
            )
        after = words_after_unit(written) if unit is None else None
        # (not a range in brackets: one that is read is the lab's range of the row)
        which = after is not None and after[2][:1] not in "[("
        named = self.ranges.resolve(after[0]) if after is not None and which else None
        if after is not None and named is not None:
            # a wide header's visit words in a long file's marker cell (review 53b: told its
            # unit was missing, beside the unit in its name)
            note += (
                f"; it looks like {named} in {after[1]} with '{shorten(after[2])}' after the "
                "unit: give the unit in a unit column and those words in a column of their "
                "own (a time point in a date or visit column)"
            )
        elif unit is None:  # QA: kept with no word that its unit is missing, as if it had one
            note += "; its unit is missing" + (
                ", so the lab's range in the row was not used either" if _prints_a_range(m) else ""
            )
            if self.options.assume_unit is not None:  # review: as if it had been applied
                note += " (--assume-unit is used only for markers this set has a range for)"
        limits_said = False  # whether the row's critical limits were said to be unusable
        if unit is not None and not _prints_a_range(m):
            # the lab's critical limits alone judge it, as a set's critical-only limits do
            judged = self._by_lab_critical_alone(m, parsed, unit, decimal_comma, base, note)
            if judged is not None:
                return judged
            limits_said = True  # review: said again, 'there is no range to judge the value by'
        for side in ("low", "high"):
            text = m.critical.cell(side) if m.critical and not limits_said else ""
            if text:  # review: dropped with no word, where a known marker's is said
                why = (
                    "the value's unit is missing" if unit is None and parsed.number is not None
                    else "there is no range to judge the value by"
                )  # fmt: skip
                self._critical_unusable(
                    m, side, f"{shorten(m.marker)}: the file's critical {side} limit "
                    f"'{shorten(text)}' was not used: {why}",
                )  # fmt: skip
        return Result(**base, status=Status.NO_REFERENCE, note=note)

    def _by_lab_critical_alone(
        self, m: Measurement, parsed: ParsedValue, unit: str, decimal_comma: bool,
        base: dict[str, Any], note: str,
    ) -> Result | None:  # fmt: skip
        """A marker the set lacks, with no printed range, judged by the lab's critical limits
        in the row alone (review: 150 past the lab's 100 was only 'no reference'): critical
        past them, else no_reference; None where the row gives no usable limit."""
        lab = self._lab_critical(m, shorten(m.marker), unit, 0, decimal_comma, unit)
        if lab == (None, None):  # none given, or each said to be unusable
            return None
        bounds = with_lab_critical(Bounds(), lab)
        sides = (lab[0] is not None, lab[1] is not None)
        reference = self._reference(bounds, unit, "file", lab_sides=sides)
        limits = f"{interval_text(bounds, unit)} {unit}"
        whose = f"the lab's {_lab_limits_said(sides)} in the file ({limits})"
        if parsed.number is None:  # 'ND', 'OOR >': kept, not said unusable (QA)
            return Result(
                **base, status=Status.NO_REFERENCE, reference=reference,
                note=f"{note}; '{shorten(self._without_flag(m))}' has no number, so it cannot "
                f"be compared with {whose}",
            )  # fmt: skip
        judged = interpret(parsed.number, parsed.comparator, bounds, unit)
        if judged.status is Status.NORMAL:
            return Result(
                **base, status=Status.NO_REFERENCE, reference=reference,
                note=f"{note}; the value is not past {whose}, so it cannot be judged further",
            )  # fmt: skip
        said = judged.note
        if judged.status is Status.INDETERMINATE and said:  # no range to be inside or outside
            said = said.replace(
                "could be inside or outside the reference range",
                "could be past the critical limit or short of it",
            )
        return Result(
            **base, status=judged.status, flag=judged.flag, flags=judged.flags,
            reference=reference,
            note="; ".join(n for n in (note, f"judged by {whose}", said) if n),
        )  # fmt: skip

    def _in_own_unit(
        self, m: Measurement, parsed: ParsedValue, unit: str, name: str, entry: MarkerRange,
        decimal_comma: bool,
    ) -> Result | None:  # fmt: skip
        """A set's marker in a unit with no factor to the set's, judged by the row's range."""
        base = dict(
            **self._sample_fields(m), marker=name, marker_as_written=m.marker,
            category=entry.category, value=parsed.number, comparator=parsed.comparator,
            unit=unit, original_value=self._as_written(m), original_unit=unit,
        )  # fmt: skip
        why = f"the set's range is in {entry.unit}, which {shorten(unit)} cannot be changed into"
        return self._by_lab_range_alone(
            m, parsed, unit, decimal_comma, base, why, "the result could not be judged"
        )

    def _by_lab_range_alone(
        self, m: Measurement, parsed: ParsedValue, unit: str, decimal_comma: bool,
        base: dict[str, Any], why: str, otherwise: str,
    ) -> Result | None:  # fmt: skip
        """A value judged by the row's printed range in the value's own unit, where the set
        gives no range to use (`why` says so); None, with a warning, if the range is unusable."""
        bounds = self._lab_bounds(m, unit, 0, decimal_comma, otherwise)
        if bounds is None:
            return None
        named = shorten(m.marker)  # as messages quote a cell (review: whole here)
        lab = self._lab_critical(m, named, unit, 0, decimal_comma, unit)
        usable = self._lab_critical_usable(m, named, lab, [(None, bounds)], unit)
        bounds = with_lab_critical(bounds, usable)
        sides = (usable[0] is not None, usable[1] is not None)
        reference = self._reference(bounds, unit, "file", lab_sides=sides)
        if parsed.number is None:  # 'ND': the set's detection limits are in another unit
            return Result(
                **base, status=Status.INDETERMINATE, flag="IND",
                flags=[parsed.comparator or "", "IND"], reference=reference,
                note=f"'{shorten(self._without_flag(m))}' has no number, so it cannot be judged "
                f"against the lab's range; {why}",
            )  # fmt: skip
        judged = interpret(parsed.number, parsed.comparator, bounds, unit)
        notes = [judged.note, f"{why}; {LAB_RANGE_USED}"]
        return Result(
            **base, status=judged.status, flag=judged.flag, flags=judged.flags,
            times_upper_limit=judged.times_upper_limit, reference=reference,
            note="; ".join(n for n in notes if n),
        )  # fmt: skip

    def _lab_bounds(
        self, m: Measurement, unit: str, exponent: int, decimal_comma: bool, otherwise: str
    ) -> Bounds | None:
        """The row's printed range in `unit` (`exponent`: the value's unit to `unit`, for a
        range with no unit of its own); None, with a warning saying `otherwise`, if unusable."""
        assert m.reference_range is not None
        doubted = self._comma_doubted(decimal_comma)
        read = read_lab_range(m.reference_range, unit, exponent, decimal_comma, doubted)
        if isinstance(read, Bounds):
            return read
        self._range_unreadable(m, _unusable_range(m.reference_range, read, otherwise))
        return None

    def _comma_doubted(self, decimal_comma: bool) -> str | None:
        """Why a ',' read as the decimal mark in a printed range or limit may group thousands
        (`_range_in_doubt`), or None."""
        if not self._range_in_doubt(decimal_comma):
            return None
        if not self.comma_decimal_seen:
            return (
                "the file has not yet written a decimal comma that cannot group thousands (as "
                "'12,5')"
            )
        return (
            f"the file writes both '.' ('{shorten(self.decimal_point_seen or '')}') and ',' as "
            "its decimal mark"
        )

    def _range_unreadable(self, m: Measurement, message: str) -> None:
        """The row's printed range is not used: said once per message."""
        self._said_once(m, "range-unreadable", self._column_of("reference_range", m), message)

    def _diluted(
        self, m: Measurement, parsed: ParsedValue, by_sample: bool
    ) -> Generator[Event, None, ParsedValue | None]:
        """A diluted sample's value ('IL-6 x10', or of a sample so named, `by_sample`: 'PT-301
        1:100'): at least the number written, as it may not be multiplied out by the dilution
        (lab QA round 15: 1250 pg/mL had no range, exit 0); a '<2', whose limit may be ten
        times higher, is refused (None)."""
        marker = shorten(m.marker.strip())
        if parsed.comparator in ("<", "<="):  # '<2', and 'ND' with no number (audit round 16)
            yield self._reject(
                m, "value-diluted-censored", f"value '{shorten(m.value.strip())}' of '{marker}', "
                + (f"of sample '{shorten(m.sample_id or '')}', " if by_sample else "")
                + "a diluted sample's, cannot be judged: if its limit is not multiplied out by "
                "the dilution, the true limit is that many times higher, and the value may be "
                "past the range; give the final result",
            )  # fmt: skip
            return None
        if by_sample:
            column = self._column_of("sample_id")
            named = f"sample '{shorten(m.sample_id or '')}' names a diluted sample"
            own = "the sample's own id"
        else:
            column = self._column_of("marker") if not self._wide else m.column
            named, own = f"'{marker}' names a diluted sample's result", "the marker's own name"
        self._said_once(
            m, "value-diluted", column,
            f"{named}: its values are read as at least the number written, as they may not be "
            "multiplied out by the dilution, so one inside the range cannot be judged (give the "
            f"final, multiplied result under {own} to have it judged as written)",
        )  # fmt: skip
        return parsed if parsed.comparator else parsed._replace(comparator=">=")

    def _said_once(self, m: Measurement, code: str, column: str | None, message: str) -> None:
        """A warning of `m`'s row, said once per file and message (`_warn_once`); keyed by its
        text, as batches joined apart (ndjson_join) drop repeats by text too."""
        self._warn_once(
            (code, m.source, message),
            Issue(severity="warning", code=code, source=m.source, line=m.line, column=column,
                  **self._row_of(m), message=message),
        )  # fmt: skip

    def _dot_may_group(self, m: Measurement) -> Iterator[Issue]:
        """Once per file, where ',' is the decimal mark: a '1.234' read with '.' as the point."""
        key = ("value-dot-ambiguous", m.source)
        if key not in self._warned and DOT_MAY_GROUP_THOUSANDS(m.value):
            self._warned.add(key)
            written = shorten(self._without_flag(m))
            yield self._warning(
                m, "value-dot-ambiguous", f"value '{written}' was read with '.' "
                "as the decimal point, as are others like it until the file writes a decimal "
                "comma (as '12,5'), after which they are refused; where ',' is the "
                "decimal mark, a '.' can also group thousands (1.234 meaning 1234), so each "
                "such result says both readings and is judged only as far as they agree: check "
                "the export's number format",
            )  # fmt: skip

    def _without_flag(self, m: Measurement) -> str:
        """The value cell as the file writes it: a flag column's flag was put after it as read
        (a word read as a flag; QA: without one, 'OOR >' was quoted as 'OOR')."""
        value = m.value.strip()
        if m.flag_as_written is None:  # none was put there: a flag in it is the cell's own
            return value
        words = value.rsplit(None, 1)
        return words[0] if len(words) == 2 and lab_flag(words[1]) is not None else value

    def _as_written(self, m: Measurement) -> str:
        """The value cell with its flag column's flag as the file writes them ('85,0 *')."""
        if m.flag_as_written is None:
            return m.value.strip()
        return f"{self._without_flag(m)} {m.flag_as_written}"

    @staticmethod
    def _flag_words(m: Measurement, flag: str, said: str | None = None) -> str:
        """A lab's flag as the file writes it, then in words: "'*' (abnormal)", "'kritisch'
        (critically high)" where `said` gives its side."""
        return flag_said(_flag_written(m, flag), said or flag)

    def _flag_left_out(self, m: Measurement, flag: str) -> Iterator[Issue]:
        """Once per file: a lab's flag after a number ('12.5 H') was left out of it."""
        key = ("value-flag-ignored", m.source)
        if key in self._warned:
            return
        self._warned.add(key)
        column = self._role_column(m, "lab_flag")
        if column is not None and m.flag_as_written is not None:  # its flag was put after the
            # value as it was read (QA: the warning quoted a cell '5 H' no file has, in the
            # value's column); a flag in the value cell itself, beside a blank one, is its own
            value = self._without_flag(m)
            yield self._warning(
                m, "value-flag-ignored", f"the lab's flag "
                f"'{shorten(_flag_written(m, flag))}' beside value "
                f"'{shorten(value)}' was not used to judge it: each value is judged by the range "
                "panelcli uses where it has one (a flag that disagrees is said), as are any "
                "others like it in this file",
                column,
            )  # fmt: skip
        else:
            written = m.value.strip()
            # 'H 12.5', 'H12,5', '↑ 45' (lab QA round 11: said to end in the flag)
            where = (
                "ends in" if written[:1].isdigit() or written[:1] in "<>≤≥=.+-" else "starts with"
            )
            yield self._warning(
                m, "value-flag-ignored", f"value '{shorten(written)}' {where} a lab's "
                f"flag ('{shorten(_flag_written(m, flag))}'); the flag was left out of the "
                "number, which is judged by the range panelcli uses where it has one, as are any "
                "others like it in this file",
            )  # fmt: skip

    def _warning(self, m: Measurement, code: str, message: str, column: str | None = None) -> Issue:
        """A warning about a measurement's value cell (or another `column` of its row)."""
        return Issue(
            severity="warning", code=code, source=m.source, line=m.line,
            column=column or m.column, **self._row_of(m), message=message,
        )  # fmt: skip

    def _not_judged(self, m: Measurement, code: str, message: str, column: str) -> Issue:
        """A warning that a row is not judged (a mean, a summary row), quoting the lab's
        comment on it (lab QA: 'CALLED TO DR LEE - critical' on a mean row was lost)."""
        if m.comment is not None:
            message += f" ({comment_said(m.comment, 200)})"
        return Issue(
            severity="warning", code=code, source=m.source, line=m.line, column=column,
            **self._row_of(m), message=message, lab_comment=m.comment,
        )  # fmt: skip

    def _reject(self, m: Measurement, code: str, message: str, column: str | None = None) -> Issue:
        """A measurement that cannot be used; it names its sample, so that its panel can say so."""
        if m.sample_id is not None:
            # The sample's later rows with patient and date left blank take them from this
            # one, as from a judged row (QA: they lost them where the first row was refused).
            _person_fits(self._markers_seen(m), m.line, _person_text(m))
        if m.comment is not None and code != "value-split-by-comma":  # kept (review); a
            # split value's decimals under the comment column are no comment
            message += f" ({comment_said(m.comment, 200)})"
        return Issue(
            code=code, source=m.source, line=m.line, column=column or m.column,
            **self._row_of(m), message=message, lab_comment=m.comment,
        )  # fmt: skip

    def _issue_filled_down(self, issue: Issue) -> Issue:
        """A reader's issue about a sample's row, its blank patient id and date as the sample's
        rows before give them, as `_row_of` fills a row's (QA: a flag's warning left them out)."""
        if issue.sample_id is None or issue.code == "control-skipped":  # no patient's sample
            return issue
        given = issue.patient_id is not None and issue.collected_at is not None
        if given and issue.code not in _ROW_NOT_JUDGED and issue.severity != "error":
            return issue
        key = sample_key(issue.source, issue.sample_id, issue.patient_id, issue.collected_at)
        seen = self._recent.get(key)
        if seen is None:
            if issue.patient_id is None and issue.collected_at is None:
                return issue
            seen = self._markers_for(key)
        kept = seen.get(_PERSON)
        # with a blank name where the sample's rows give a name column (review: a field
        # fewer than theirs stopped the run)
        named = kept[1].count("\0") == 5 if kept is not None else self._named
        who = _who(issue.patient_id, issue.collected_at, "", "", "", "" if named else None)
        if issue.severity == "error" or issue.code in _ROW_NOT_JUDGED:
            # a row refused as it was read, or one with no result: the sample's later rows
            # with patient and date blank take them from it, as from a judged row (QA)
            _person_fits(seen, issue.line or 0, who)
        if given:
            return issue
        patient_id, collected_at = blanks_filled_down(
            seen, who, issue.patient_id, issue.collected_at
        )
        if (patient_id, collected_at) == (issue.patient_id, issue.collected_at):
            return issue
        return issue.model_copy(update={"patient_id": patient_id, "collected_at": collected_at})

    def _row_of(self, m: Measurement) -> dict[str, str | None]:
        """What an issue about a measurement says its row was for, its patient and date filled
        down as its result's are (QA: a rejection's, then a warning's, were left blank)."""
        row = _row_for(m)
        row["patient_id"], row["collected_at"] = self._ids_filled_down(m)
        return row

    def _footer_row(self, m: Measurement, known: bool) -> bool:
        """Whether a long row is a plate's footer: no sample or patient, and 'Mean' or 'SD'
        where the marker goes, which the set does not know (`known`: QA, judged as a marker
        'Mean'), or a marker's mean in a file whose rows name their samples."""
        if self._wide or m.sample_id is not None or m.patient_id is not None:
            return False
        if not known and is_summary_label(m.marker.strip()):
            return True
        # 'IL-6 Mean', 'IL-6 (Median)', 'IL-6 Mittelwert' in a file whose rows name their
        # samples: the plate's figure, no sample's (QA: judged as a result of no sample)
        return "sample_id" in self._columns and names_a_marker_s_summary(m.marker)

    def _instrument_figure(self, m: Measurement) -> bool:
        """Whether a long row's marker names an instrument's other figure for a marker ('IL-10
        FI', 'IL-6 SD'): no result, not judged, said of each such row, as a control's is (QA:
        said once per spelling, the other rows' lines were named nowhere)."""
        words = instrument_name(m.marker)
        if words is None or not words.not_a_value:
            return False
        # a cytokine the set lacks too, as in a wide file (QA: 'IL-18 LLOQ' was a result)
        if not (self.known_marker(words.marker) or looks_like_a_cytokine(words.marker)):
            return False
        message = (
            f"'{shorten(m.marker.strip())}' gives {whose_figure(words.not_a_value)} "
            f"for {shorten(words.marker)}, not the sample's result; this row was not judged"
        )
        self._pending.append(
            Issue(severity="warning", code="figure-skipped", source=m.source, line=m.line,
                  column=self._column_of("marker"), **self._row_of(m), message=message)
        )  # fmt: skip
        return True

    def _date_problem(self, collected_at: str) -> tuple[str, str] | None:
        """The warning a collection date (stripped) gets, as code and message: no date at all,
        one of two days ('03/04/2026'), or a day after today; remembered, as samples repeat."""
        if collected_at in self._date_problems:
            return self._date_problems[collected_at]
        if len(self._date_problems) >= self.MAX_PLANS:  # as for plans: bounded memory
            self._date_problems.clear()
        problem = None
        shown = f"collected date '{shorten(collected_at)}'"
        why = why_no_date(collected_at)
        if why is not None:
            problem = (
                "date-unreadable",
                f"{shown} {why}; it is shown as written, but results cannot be put in date "
                "order by it, nor an age counted to it",
            )
        elif (days := two_days_said(collected_at)) is not None:
            # A code of its own: the date is not wrong, only written in a way that has two
            # readings, and the fix differs (QA: '03/04/2026' was left out of a trend with
            # '0 problems'). Like date-unreadable, its results are judged all the same.
            problem = (
                "date-ambiguous",
                f"{shown} may be {days}, as the day or the month may come first; it is shown "
                "as written, and put in date order only where the other dates tell its place; "
                "no age is "
                "counted to it where the two days give different ranges (written with the "
                "year first, "
                f"as {year_first_said(collected_at)}, it can be read only one way)"
                + (
                    # QA: '12/01/2027' is after the day of the check either way, unsaid
                    "; both days are after the day of this check: is the year right?"
                    if self._after_today(two_days(collected_at) or ())
                    else ""
                ),
            )
        else:
            day = read_date(collected_at, in_utc=False)
            if day is not None and self._after_today((day.date(),)):
                problem = (
                    "date-in-future",
                    f"{shown} is after the day of this check: is the year right? Results are "
                    "put in date order by it as written, but no age is counted to it",
                )
        self._date_problems[collected_at] = problem
        return problem

    def _date_unsaid(self, collected_at: str, source: str) -> bool:
        """Whether a collection date (stripped) has a warning still to give in `source`: the
        general path gives it; after that the short path takes the date as written."""
        problem = self._date_problem(collected_at)
        if problem is None or self._a_visit(problem[0], collected_at):
            return False
        return not self._said_or_summed_up((problem[0], source, problem[1]))

    def _a_visit(self, code: str, collected_at: str) -> bool:
        """Whether a date-unreadable collection is a study's visit ('Screening'), no date; one
        with a date's shape ('2026-13-45') is a date's typo, said (review)."""
        return self._by_visit and code == "date-unreadable" and not has_a_date(collected_at)

    def _date_warning(self, m: Measurement) -> None:
        """A collection date that is no date ('2026-13-45', 'yesterday', '1900-01-01'), one
        of two days ('03/04/2026') or a day after today: said once per text."""
        if m.collected_at is None:
            return
        problem = self._date_problem(m.collected_at)  # read stripped
        if problem is None or self._a_visit(problem[0], m.collected_at):
            return  # a study's visit ('Screening') is no date, and is read as one's place
        code, message = problem
        self._said_once(m, code, self._column_of("collected_at"), message)

    def _replicate_or_mean(
        self, m: Measurement, name: str | None, words: InstrumentName, decimal_comma: bool,
        unit_column: str | None,
    ) -> Iterator[Event]:  # fmt: skip
        """A replicate ('IL-6 Rep 1') judged, or a mean ('IL-6 Mean') judged only where no
        replicate of its marker gives a result: it would be a third result, but where they are
        blank or cannot be read ('N/A'), it is the only one. A wide row judges its mean column
        after its replicate columns; a long file's mean row (or a wide file's, by its
        'Replicate' column) is held until its panel's rows end (`_release_held`), unless a
        replicate row of it gives a result first."""
        marker = name or marker_key(words.marker)  # 'IL6 Mean' and 'IL-6 Rep 1' are one
        row = (m.source, m.line)
        if words.replicate:
            gave = False
            for event in self._judge(m, decimal_comma, unit_column, released=True):
                gave = gave or type(event) is Result
                yield event
            if not gave:  # rejected: a mean of its marker may still be the result
                return
            if self._means_by_row:
                if self._row_replicated[0] != row:
                    self._row_replicated = (row, set())
                self._row_replicated[1].add(marker)
                return
            first = self._markers_seen(m).setdefault(
                _REPLICATED + marker, (m.line, m.marker.strip())
            )
            for mean in [held for held in self._held if held[1] == marker]:
                self._held.remove(mean)
                yield self._mean_skipped(mean[0], name or words.marker, first)
            return
        if self._means_by_row:  # not read where a replicate gave a result: the header says
            if self._row_replicated[0] != row or marker not in self._row_replicated[1]:
                yield from self._judge(m, decimal_comma, unit_column, released=True)
            return
        seen = self._markers_seen(m)
        replicated = _REPLICATED + marker
        if replicated in seen:
            yield self._mean_skipped(m, name or words.marker, seen[replicated])
        else:  # judge_all released the means of the panel before, if any
            self._held.append((m, marker, (self.comma_decimal_seen, self.decimal_point_seen)))
            self._held_panel = _panel_of(m)

    def _mean_skipped(self, m: Measurement, marker: str, first: tuple[int, str]) -> Issue:
        """The warning for a mean row not judged beside its marker's replicate rows."""
        sample = f" for sample '{shorten(m.sample_id)}'" if m.sample_id else ""
        return self._not_judged(
            # QA: 'each read as a result' was untrue where one replicate row was refused
            m, "mean-skipped", f"'{shorten(m.marker.strip())}' is the mean of the replicate rows "
            f"of {shorten(marker)}{sample}, whose results are used ('{shorten(first[1])}' on "
            f"line {first[0]} gives one); this row was not judged, so the mean is not a result too",
            self._column_of("marker"),
        )  # fmt: skip

    def _release_held(self, stats: ReadStats) -> Iterator[StreamEvent]:
        """The held mean rows judged: no replicate row of their marker came in their panel."""
        held = self._held[:]
        self._held.clear()  # in place: the long rows' loop keeps it at hand
        self._held_panel = None
        for m, _, (comma_seen, point_seen) in held:
            # read as where it stands in the file: a later row's decimal comma (or point) is
            # not seen yet there (differential test: '9,142' was read so only in one process;
            # review: a later '2.5' doubted a held '1,500')
            now = (self.comma_decimal_seen, self.decimal_point_seen)
            self.comma_decimal_seen, self.decimal_point_seen = comma_seen, point_seen
            try:
                # (noted too: review, an 'IL-6 Mean' row's blank range cell was never said)
                events = self._judged_noting_range(
                    m, stats.decimal_comma, stats.columns.get("unit"), True
                )
                if (m.source, m.line) in self._unread_rows:
                    marker = self._unread_rows[m.source, m.line]
                    events = (_status_unread(event, marker) for event in events)
                yield from events
            finally:
                self.comma_decimal_seen = now[0] or self.comma_decimal_seen
                self.decimal_point_seen = now[1] or self.decimal_point_seen

    def _duplicate_warning(self, m: Measurement, name: str) -> Iterator[Issue]:
        self._date_warning(m)
        seen = self._markers_seen(m)
        if self._id_may_be_rounded(m.source, m.sample_id, m.patient_id):
            self._id_rounded(m)
        yield from self._person_warning(m, seen)
        first, first_column = seen.setdefault(name, (m.line, m.column))
        if (first, first_column) == (m.line, m.column):
            return
        if first < m.line:
            where = f"on line {m.line} (first on line {first})"
        elif first > m.line:  # a mean row held to its panel's end (QA: 'first on line 4' of 3)
            where = f"on line {m.line} (also on line {first}, read first)"
        else:  # wide layout: two columns of one row
            where = (
                f"in column '{shorten(m.column)}' of line {m.line} (first in column "
                f"'{shorten(first_column)}')"
            )
        sample = f" for sample '{shorten(m.sample_id)}'" if m.sample_id else ""
        # QA: three orders under an unread 'Auftragsnr.' were one sample, said nowhere
        # the file's columns, not the row's cells: a blank id cell is no missing column
        alone = (
            "; the file has no sample or patient id column, so its rows"
            + (" of one collection date" if "collected_at" in self._columns else "")
            + " are read as one sample: if they are several, name the column that tells them "
            "apart 'sample_id'"
            if not {"sample_id", "patient_id"} & self._columns.keys()
            and first != m.line
            # (a patient or sample named by the lines above the table: review of round 9)
            and not (m.sample_id or m.patient_id)
            else ""
        )
        # 'again', not 'twice': a third copy names the first one too
        yield Issue(
            severity="warning", code="marker-repeated", source=m.source, line=m.line,
            **self._row_of(m),
            message=f"{name} is measured again{sample} {where}; every result is kept{alone}",
        )  # fmt: skip

    def _person_warning(self, m: Measurement, seen: dict[str, tuple[int, str]]) -> Iterator[Issue]:
        """One sample given for two patients, dates, sexes, ages or birth dates: a mix-up of
        specimens or a slip. Said once for each other one a sample comes with (up to a limit)."""
        who = _person_text(m)
        if self.persons is not None:
            self.persons.note(who, m.source, m.line, m.sample_id)
        if _person_fits(seen, m.line, who):
            return
        said = seen.get(_WARNED, (0, ""))[0]
        # one other age or birth date however written ('43', '43.0'; review: said for each)
        key = _WARNED + _one_spelling(who)
        if key in seen or said >= self.CONFLICTS_PER_SAMPLE:
            return
        seen[_WARNED] = (said + 1, "")
        seen[key] = (m.line, "")
        first_line, first = seen[_PERSON]
        was, now = first.split("\0"), who.split("\0")
        apart = _fields_apart(was, now)
        # a visit ('Day 8') as such, a date as one (review: 'visit '09-Mar-2026 08:15'')
        by_visit = self._by_visit and not any(
            has_a_date(when[_COLLECTED]) or read_date(when[_COLLECTED]) for when in (was, now)
        )
        said_as = _WHO_SAID_BY_VISIT if by_visit else _WHO_SAID
        differ = [(said_as[f], was[f], now[f]) for f in apart]
        given_on = _field_lines(seen)
        lines = sorted({given_on.get(f, first_line) for f in apart})
        there_lines = (
            f"on line {lines[0]}"
            if len(lines) == 1
            else (f"on lines {', '.join(map(str, lines[:-1]))} and {lines[-1]}")
        )
        here = " and ".join(f"{label} '{shorten(now)}'" for label, _, now in differ)
        there = " and ".join(f"{label} '{shorten(before)}'" for label, before, _ in differ)
        if m.sample_id is not None:
            subject = f"sample '{shorten(m.sample_id)}'"
        elif m.patient_id is not None:
            subject = f"patient '{shorten(m.patient_id)}'"
        else:
            subject = "a row with no sample or patient id"
        labels = [label for label, _, _ in differ]
        if len(labels) == 1 and labels[0] in _JUDGED_BY:
            # one person's rows, most likely, with a slip in one sex, age or birth date cell
            label = labels[0]
            question = (
                f"is one of the {label} cells wrong? Each row is judged by its own {label}; its"
            )
        else:
            question = "are two specimens mixed up? Its"
        yield Issue(
            severity="warning", code="sample-conflict", source=m.source, line=m.line,
            **self._row_of(m), message=f"{subject} is given with {here} here, but with {there} "
            f"{there_lines}: {question} results are shown together in one panel",
        )  # fmt: skip

    #: Other patients or dates said of one sample id: more would let one id repeated over a
    #: big file grow the memory of what was said.
    CONFLICTS_PER_SAMPLE = 20

    #: Codes of the warnings given once per file (see `_warn_once`); batches of one file are
    #: judged apart, so joining them drops the repeats (`render.ndjson.ndjson_join`).
    ONCE_PER_FILE = frozenset({
        "range-unreadable", "range-disagrees", "person-unreadable", "value-dot-ambiguous",
        "value-comma-ambiguous", "person-conflict", "column-unnamed", "value-flag-ignored",
        "date-unreadable", "date-ambiguous", "date-in-future",
        "value-comma-groups", "value-far-past-range", "critical-limit-unusable",
        "value-comma-both-ways", "sample-id-missing", "sample-id-rounded",
        "result-status-unread",
        "value-diluted",  # (lab QA round 19: batches joined said it once a batch)
    })  # fmt: skip
    #: Of those, the ones given once per file whatever they quote (the first stands for all).
    ONCE_PER_FILE_BY_CODE = frozenset(
        {
            "value-dot-ambiguous",
            "value-comma-ambiguous",
            "value-comma-groups",
            "value-comma-both-ways",
            "sample-id-missing",
            "sample-id-rounded",
            "person-conflict",
            "column-unnamed",
            "value-flag-ignored",
        }
    )

    def _forget_warnings(self, source: str) -> None:
        """Forget what was said once for a file's name: it is read again ('a.csv a.csv'), and
        its second reading is reported as a file of its own (found in QA)."""
        self._warned = _Said(key for key in self._warned if key[1] != source)
        self._kinds = Counter({kind: n for kind, n in self._kinds.items() if kind[1] != source})

    def _warn_once(self, key: tuple[str, ...], issue: Issue) -> None:
        """Queue a warning the first time only: a million rows need not repeat one remark.

        `key` starts with (code, source). Past `kind_limit` different texts of one code in a
        file, one last warning says the rest are not listed: a free-text column must not
        give a warning per row, nor grow the memory of what was said.
        """
        if key in self._warned:
            return
        kind = (key[0], key[1])
        said = self._kinds[kind]
        if self.kind_limit is not None and said >= self.kind_limit:
            if said == self.kind_limit:
                self._pending.append(more_of_kind(issue, self.kind_limit))
                self._kinds[kind] += 1
                self._warned.add((*kind, _MORE))  # counts as one more text (repeats_after)
            return
        self._kinds[kind] += 1
        self._warned.add(key)
        self._pending.append(issue)

    def _queued_warnings(self) -> Iterator[Issue]:
        """The warnings `_warn_once` queued while a row was judged, due after its result."""
        if self._pending:
            yield from self._pending
            self._pending.clear()

    # Rows read apart: a file's second part judged by a fresh interpreter (another process)
    # comes out as it would after the first part if the two share no memory.

    def note_first_panels(self) -> list[PanelKey]:
        """A list that fills with the first panels this interpreter meets (RECENT_SAMPLES of
        them): what `repeats_after` checks. Call it before judging any row."""
        recent = _FirstPanels(self.RECENT_SAMPLES)
        self._recent = recent
        return recent.first

    def warned_once(self) -> set[tuple[str, ...]]:
        """The once-per-file warnings given so far (their keys)."""
        return set(self._warned)

    def repeats_after(
        self,
        first_panels: Iterable[PanelKey],
        warned: set[tuple[str, ...]],
        comma_shown: bool = True,
        comma_refused: bool = True,
    ) -> set[tuple[str, ...]] | None:
        """Whether rows a fresh interpreter judged apart (meeting `first_panels` first, giving
        the `warned` warnings once) come out the same judged after this interpreter's rows,
        but for the once-per-file warnings that would now be repeats: those warnings' keys
        (leave them out), or None when more than that would differ (judge the rows again).

        None where one of their panels is in this one's memory, where a doubt about the
        decimal mark would not be had after this one's rows, and where a kind's limit of
        texts (see `_warn_once`) would be reached at another row, or was reached at all."""
        recent = self._recent
        if any(key in recent for key in first_panels):
            return None
        repeats = warned & self._warned
        if self.comma_grouping_seen is not None and (
            # it refused a '"1,120"' that one process, knowing this part's '1,340.5', would
            # read (`comma_refused`: whether it did), or its text quotes the grouping it met,
            # one process this one's (review)
            comma_refused or any(key[0] == "value-comma-groups" for key in warned)
        ):
            return None
        if self.decimal_point_seen is not None and (self.comma_decimal_seen or comma_shown):
            # one process doubts a later '12,345' once a decimal comma comes too (a fresh one,
            # not knowing this part's '1,234.5', would not: `comma_shown` says whether it saw
            # one)
            return None
        if self.decimal_point_seen is not None and any(
            key[0] == "value-comma-ambiguous" for key in warned
        ):
            return None  # its doubt's text says the '2.5' this one met (or the fresh one's)
        if self.comma_decimal_seen and any(
            key[0] in ("value-comma-ambiguous", "value-dot-ambiguous", "value-comma-groups")
            # a doubted range's text, or one summed up past the limit of texts (review)
            or (key[0] == "range-unreadable" and (COMMA_DOUBTED in key[-1] or key[-1] == _MORE))
            for key in warned
        ):
            return None  # one process would not have had that doubt after this one's rows
        if self.comma_decimal_seen and not self._comma_presumed:
            # A ',' file that showed its decimal comma ('"3,2"'): after this one's rows one
            # process refuses '1.234' and reads '"12,345"' otherwise, with no doubt said by the
            # fresh one to tell where (it reads them as any ',' file's).
            return None
        # One process would reach a kind's limit at another row than the fresh one did, or
        # not at all; with none of a kind said before, at the same row. (Within the limit,
        # neither side summed a kind up: the repeats are among this one's texts of it.)
        limit = self.kind_limit
        theirs = Counter((key[0], key[1]) for key in warned - repeats)
        mine = self._kinds
        if limit is not None and not all(
            not mine[k] or n + mine[k] <= limit for k, n in theirs.items()
        ):
            return None
        return repeats


def once_key(issue: Issue) -> tuple[str, ...]:
    """The key `_warn_once` gave a once-per-file warning (see `Interpreter.warned_once`)."""
    if issue.code in Interpreter.ONCE_PER_FILE_BY_CODE:
        return (issue.code, issue.source)
    return (issue.code, issue.source, issue.message)


class _FirstPanels(OrderedDict[PanelKey, dict[str, tuple[int, str]]]):
    """An interpreter's memory of recent panels that also notes the first ones ever added."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.first: list[PanelKey] = []
        self.limit = limit

    def __setitem__(self, key: PanelKey, value: dict[str, tuple[int, str]]) -> None:
        if len(self.first) < self.limit and key not in self:
            self.first.append(key)
        super().__setitem__(key, value)


_INFINITY = float("inf")

# Which end of what a test can measure each assay limit is, in plain words.
_LIMIT_SIDE = {"lod": "low", "lloq": "low", "uloq": "high"}

_LIMIT_WORDS = {
    "lod": "limit of detection (lod)",
    "lloq": "lower limit of quantification (lloq)",
    "uloq": "upper limit of quantification (uloq)",
}


def _row_for(m: Measurement) -> dict[str, str | None]:
    """What an issue about a measurement says its row was for (`Issue`'s sample fields)."""
    return {
        "sample_id": m.sample_id, "patient_id": m.patient_id, "collected_at": m.collected_at,
        "marker": m.marker,
    }  # fmt: skip


#: An age: years, or a child's in months, weeks or days ('18 mo', '6 Wochen'; QA: they were
#: unreadable), in English, German, French, Spanish, Italian, Dutch and Portuguese spellings
#: (lab QA round 11: '55 anni', '55 jaar'); not a lone 'j', which is German's years and
#: French's days (review)
_AGE = lazy_pattern(
    r"^\s*(\d{1,4}(?:\.\d+)?)\s*(?:(?P<years>y|yr|yrs|years?|jahre?|ans?|años?|anos?|anni|jaar"
    r"|jr)"
    r"|(?P<months>m|mo|mos|mths?|months?|monate?|mois|mes|meses|mesi|maanden?)"
    r"|(?P<weeks>w|wk|wks|weeks?|wochen?|semaines?|semanas?|settimane?|weken)"
    r"|(?P<days>d|days?|tage?|jours?|días?|dias?|giorni|dagen))?\.?\s*$",
    re.I,
)
#: An age given as its least ('>89', '≥90', '90+', 'over 89'), as de-identified data writes
#: the oldest ages
_AGE_OR_OVER = lazy_pattern(
    r"^\s*(?:(?P<sign>>=?|≥|over)\s*(?P<age>\d{2,3})|(?P<plus>\d{2,3})\s*\+)\s*"
    r"(?:y|yrs?|years?)?\.?\s*$",
    re.I,
)
#: Below this, an age given as its least may be a child's or an adult's: not read so
ADULT_AGE = 18
_YEARS_OF = {"months": 1 / 12, "weeks": 7 / DAYS_IN_YEAR, "days": 1 / DAYS_IN_YEAR}
#: Years and months together ('17y 11m', '2 yrs 3 mos', as paediatric reports write ages)
_YEARS_AND_MONTHS = lazy_pattern(
    r"^\s*(\d{1,3})\s*(?:y|yr|yrs|years?|jahre?)\.?,?\s*(\d{1,2})\s*"
    r"(?:m|mo|mos|mths?|months?|monate?)\.?\s*$",
    re.I,
)


def parse_age(text: str) -> float | None:
    """An age in years ('42', '42 y', '18 mo' as 1.5, '17y 11m'), or None: a cell's, and
    --age's."""
    match = _AGE.match(text.replace(",", ".", 1))  # '50,5' where ',' is the decimal mark
    if match is None and (over := _AGE_OR_OVER.match(text)) is not None:
        # '>89', '90+': de-identified exports' top age (HIPAA; lab QA round 7: unreadable, and
        # an adult's result indeterminate), read as its least: an adult, whatever else
        sign = (over["sign"] or "").casefold()
        least = int(over["age"] or over["plus"]) + (sign in (">", "over"))
        return float(least) if ADULT_AGE <= least <= MAX_AGE else None
    if match is None:
        both = _YEARS_AND_MONTHS.match(text)
        if both is None or int(both.group(2)) > 11:
            return None
        age = int(both.group(1)) + int(both.group(2)) / 12
        return age if age <= MAX_AGE else None
    if (
        match["months"]
        and match["months"].casefold() == "m"
        and (float(match.group(1)) > 11 or not text.strip()[:-1].rstrip(".").isdigit())
    ):
        # '45 M' and '6 M' may be an age and a sex ('Age/Sex'); a bare 'm' is months only
        # glued to a number under a year ('6M'; review)
        return None
    age = float(match.group(1)) * next(
        (_YEARS_OF[unit] for unit in _YEARS_OF if match.group(unit)), 1.0
    )
    return age if age <= MAX_AGE else None


def age_width(text: str) -> float:
    """How much of a year an age cell's last digit spans: '0' and '42' a year, '6 mo' a
    month, '1.5' a tenth of a year (a readable cell, as `parse_age` reads it)."""
    match = _AGE.match(text.replace(",", ".", 1))
    if match is None:
        return 1 / 12 if _YEARS_AND_MONTHS.match(text) else 0.0
    _, _, decimals = match.group(1).partition(".")
    unit = next((_YEARS_OF[unit] for unit in _YEARS_OF if match.group(unit)), 1.0)
    # (10.0 to a power below zero: 309 decimals and more ran past a float, an internal
    # error found by fuzzing; this comes to 0.0)
    return unit * 10.0 ** -len(decimals)


def _in_months(text: str) -> bool:
    """Whether an age cell is written in months ('6 mo', '18 Monate')."""
    match = _AGE.match(text.replace(",", ".", 1))
    if match is None:
        return _YEARS_AND_MONTHS.match(text) is not None
    return match.group("months") is not None


def _ages_disagree(
    from_dates: float, age: float, birth: str, collected: str, in_months: bool = False
) -> bool:
    """Whether a birth date's age (`from_dates`, of `_age_from_dates`) and an age column's
    differ: on the whole years (17 beside 18), or for an age given in months, weeks or days
    under 2 years, on the whole months (QA: '10 d' beside 9 months passed).

    Born on 29 February, a birthday in another year is kept on 28 February by some and on
    1 March by others: on 28 February either age agrees (the dates read again only then).
    """
    if age < 2 and age != int(age):  # '9 mo', '6 wk', '10 d'
        if in_months:  # '6 mo': the whole months differ (QA: 5 months 26 days passed; review:
            # not '1.5', a tenth of a year)
            return math.floor(from_dates * 12 + 1e-9) != round(age * 12)
        return abs(age - from_dates) * 12 >= 1  # weeks, days: less than a month apart is no slip
    whole, from_dates = math.floor(age), math.floor(from_dates)
    if whole == from_dates:
        return False
    if whole != from_dates + 1:
        return True
    born, taken = read_date(birth, in_utc=False), read_date(collected, in_utc=False)
    assert born is not None and taken is not None  # `from_dates` was counted from them
    leap_birthday = (born.month, born.day, taken.month, taken.day) == (2, 29, 2, 28)
    return not leap_birthday or calendar.isleap(taken.year)


def _age_from_dates(birth: str, collected: str) -> float | None:
    """Whole years from birth to collection; dates as trends read them (ISO, day.month.year)."""
    born, taken = read_date(birth, in_utc=False), read_date(collected, in_utc=False)
    if born is None or taken is None:
        return None
    return _years_between(born.date(), taken.date())


def _years_between(born: dt.date, taken: dt.date) -> float | None:
    """The age in years from birth to a day: under 13 weeks its days, else whole calendar
    months and the part of the month since the last (QA: whole years made a baby of 9 months
    0, judged by a newborn's interval; review: 6 calendar months is 0.5, not 5.9 months).
    None before the birth or past `MAX_AGE`."""
    years = taken.year - born.year - ((taken.month, taken.day) < (born.month, born.day))
    if not 0 <= years <= MAX_AGE:
        return None
    days = (taken - born).days
    months = (taken.year - born.year) * 12 + taken.month - born.month
    while (last := _months_after(born, months)) is not None and last > taken:
        months -= 1
    # a baby's age in days (and weeks), as it is said; but 3 calendar months are 0.25 years
    # however many days they hold (ranges QA round 17: born 2 Dec, 90 days on 2 Mar, was under
    # a row's age 0.25, and a baby born 2 June one of 0.25 on 2 Sep, 92 days, as '3 mo' is)
    if days < BABY_DAYS and months < 3:
        return days / DAYS_IN_YEAR
    last = last or taken
    following = _months_after(born, months + 1)  # None past year 9999 (review: a crash)
    part = 0.0 if following is None else (taken - last).days / (following - last).days
    return (months + part) / 12


def _months_after(born: dt.date, months: int) -> dt.date | None:
    """The day `months` calendar months after a birth; where that month is too short (31
    January, 29 February), the 1st of the next, as whole years count 29 February's birthday
    on 1 March. None past the calendar's last year."""
    year, month = divmod(born.month - 1 + months, 12)
    year += born.year
    if year > dt.MAXYEAR:
        return None
    if born.day > calendar.monthrange(year, month + 1)[1]:
        if year == dt.MAXYEAR and month == 11:
            return None
        return dt.date(year + (month == 11), (month + 1) % 12 + 1, 1)
    return dt.date(year, month + 1, born.day)


def _days_of(text: str) -> tuple[dt.date, ...] | None:
    """The day a date is, or the two a slashed one may be ('03/04/2026'); None for no date."""
    read = read_date(text, in_utc=False)
    return (read.date(),) if read is not None else two_days(text)


def _two_day_dates_said(
    m: Measurement, births: tuple[dt.date, ...], taken: tuple[dt.date, ...]
) -> str:
    """'two days the collection date '03/04/2026' may be (write it …)': the dates of a row
    that may be two days each, and how to make them one."""
    assert m.birth_date is not None and m.collected_at is not None
    birth, collected = shorten(m.birth_date), shorten(m.collected_at)
    if len(births) == 1:
        return (
            f"on the two days the collection date '{collected}' may be (write it with the year "
            f"first, as {taken[0].isoformat()}, or give the age)"
        )
    if len(taken) == 1:
        return (
            f"counted from the two days the birth date '{birth}' may be (write it with the "
            f"year first, as {births[0].isoformat()}, or give the age)"
        )
    return (
        f"counted between the days the birth date '{birth}' and the collection date "
        f"'{collected}' may be (write them with the year first, as {births[0].isoformat()} and "
        f"{taken[0].isoformat()}, or give the age)"
    )


# --- whole reports ------------------------------------------------------------------------------


class _Readings:
    """`panel_key`, and which reading of its file a result is from: a file given twice
    (`file-repeated` before its rows) gives panels of its own the second time, whether it
    was named alike ('a.csv a.csv') or not ('a.csv ./a.csv').

    A sample id that comes back after the interpreter forgot it (see `RECENT_SAMPLES`) starts
    a panel of its own, with a `sample-far-apart` warning: its rows were not compared with the
    ones before, so joining them could put two patients in one panel unsaid (QA).
    """

    __slots__ = ("times", "panels", "started", "far_apart", "current", "current_line")

    def __init__(self) -> None:
        self.times: dict[str, int] = {}  # source → readings before this one
        #: panel → (how many panels with results started before its own did, or None while
        #: it has only rejected rows; which part of its sample id it is; its last line)
        self.panels: dict[tuple[PanelKey, int], tuple[int | None, int, int | None]] = {}
        self.started = 0  # panels with results so far: the interpreter remembers as many
        self.far_apart: list[Issue] = []  # warnings not yet handed on (see `warnings`)
        #: The panel of the event before, while its results continue: a file lists a sample's
        #: rows together, so most events need no lookup (its last line is written back later).
        self.current: tuple[PanelKey, int, int] | None = None
        self.current_line: int | None = None

    def note(self, issue: Issue) -> None:
        if issue.code == "file-repeated":
            self.times[issue.source] = self.times.get(issue.source, 0) + 1

    def panel_key(self, event: Result | ResultRow | Issue) -> tuple[PanelKey, int, int]:
        """The panel an event goes to (call once per event, in order)."""
        key = (panel_key(event), self.times.get(event.source, 0) if self.times else 0)
        current = self.current
        if current is not None and current[0] == key[0] and current[1] == key[1]:
            self.current_line = event.line
            return current
        is_result = not isinstance(event, Issue)
        self._leave_current()
        known = self.panels.get(key)
        if known is None:
            start, part = (self.started if is_result else None), 0
            self.started += is_result
        else:
            start, part, last = known
            if start is not None and self.started - start > Interpreter.RECENT_SAMPLES:
                self.far_apart.append(_far_apart(event, last))
                part += 1
                start = None
            if is_result and start is None:  # the interpreter remembers its sample from here
                start = self.started
                self.started += 1
        self.panels[key] = (start, part, event.line)
        if start is not None:  # results from here on take the short way above
            self.current, self.current_line = (*key, part), event.line
        return (*key, part)

    def _leave_current(self) -> None:
        """Write back the last line of the panel of the events before."""
        if self.current is not None:
            key = (self.current[0], self.current[1])
            start, part, _ = self.panels[key]
            self.panels[key] = (start, part, self.current_line)
            self.current = None

    def warnings(self) -> Iterator[Issue]:
        """The `sample-far-apart` warnings found since last asked."""
        if self.far_apart:
            yield from self.far_apart
            self.far_apart.clear()


def _written_marker(event: Result | ResultRow | Issue) -> str | None:
    """The marker as its row writes it."""
    if isinstance(event, ResultRow):
        return event.marker_as_written
    return event.marker if isinstance(event, Issue) else event.marker_as_written


def _far_apart(event: Result | ResultRow | Issue, last: int | None) -> Issue:
    """The warning for a sample id used again after more samples than the interpreter recalls."""
    before = f" (last on line {last})" if last is not None else ""
    subject = (
        f"sample '{shorten(event.sample_id)}'" if event.sample_id is not None
        else f"patient '{shorten(event.patient_id or '')}'"
    )  # fmt: skip
    return Issue(
        severity="warning", code="sample-far-apart", source=event.source, line=event.line,
        sample_id=event.sample_id, patient_id=event.patient_id,
        collected_at=event.collected_at, marker=_written_marker(event),
        message=f"{subject} comes again here, more than "
        f"{Interpreter.RECENT_SAMPLES:,} samples after its rows before{before}: these rows "
        "could not be compared with those (another patient or a marker measured twice goes "
        "unnoticed that far apart), so they are shown as a panel of their own; is the id "
        "used for two samples?",
    )  # fmt: skip


def build_report(
    events: Iterable[StreamEvent],
    reference_set: ReferenceSet,
    synthetic_sources: Iterable[str] = (),
    wide_sources: Iterable[str] = (),
    persons: PersonsSeen | None = None,
) -> Report:
    """Gather events into panels: one per source and sample, in order of first sight.

    A sample is seen in its results and in its rejected rows: one all of whose rows were
    rejected still has its panel, with no results and a summary that says so.
    `synthetic_sources` and `wide_sources` (the `Interpreter`'s) are read once the events are.
    """
    groups: dict[tuple[PanelKey, int, int], list[Result]] = {}  # in order of first sight
    unused: dict[tuple[PanelKey, int, int], list[Issue]] = {}  # rejected measurements, by panel
    not_given: dict[tuple[PanelKey, int, int], list[Issue]] = {}  # no result given, by panel
    rejected: list[Issue] = []
    warnings: list[Issue] = []
    readings = _Readings()
    for event in events:
        if isinstance(event, ResultRow):
            event = event.to_result()
        if isinstance(event, Result):
            groups.setdefault(readings.panel_key(event), []).append(event)
            warnings.extend(readings.warnings())
        elif event.severity == "error":
            if _names_its_row(event):  # its panel says a result of it is missing
                key = readings.panel_key(event)
                warnings.extend(readings.warnings())
                groups.setdefault(key, [])
                unused.setdefault(key, []).append(event)
            rejected.append(event)
        else:
            readings.note(event)
            warnings.append(event)
            if event.code == "result-not-given" and _names_its_row(event):
                # a pending or cancelled test is of its sample too (QA: a sample whose only
                # row was pending had no panel)
                key = readings.panel_key(event)
                warnings.extend(readings.warnings())
                groups.setdefault(key, [])
                # its summary names the marker as the table does ('TNF-α', not the file's
                # 'TNF-a': note 63); the warning keeps the file's spelling
                named = event.marker and reference_set.resolve(event.marker)
                not_given.setdefault(key, []).append(
                    event.model_copy(update={"marker": named}) if named else event
                )
    panels = [
        _panel(results, unused.get(key, ()), not_given.get(key, ()))
        for key, results in groups.items()
    ]
    failed_runs = {issue.source for issue in rejected if issue.code == RUN_QC_FAILED}
    if failed_runs:
        panels = [_run_failed_said(p) if p.source in failed_runs else p for p in panels]
    by_status: dict[str, int] = {status.value: 0 for status in Status}
    for panel in panels:
        for status, count in panel.summary.by_status.items():
            by_status[status] += count
    totals = ReportTotals(
        results=sum(len(p.results) for p in panels),
        rejected=len(rejected),
        warnings=len(warnings),
        by_status=by_status,
    )
    return Report(
        reference_set=reference_set.info,
        panels=panels,
        rejected=rejected,
        warnings=warnings,
        totals=totals,
        trends=find_trends(panels, None if persons is None else persons.given),
        synthetic_sources=list(dict.fromkeys(synthetic_sources)),
        wide_sources=list(dict.fromkeys(wide_sources)),
    )


def _panel(
    results: list[Result], rejected: Sequence[Issue], not_given: Sequence[Issue] = ()
) -> Panel:
    """A sample's panel, named as its first result names it (its first rejected row, when
    none of its rows could be used, or its first row with no result given)."""
    first: Result | Issue = results[0] if results else [*rejected, *not_given][0]
    collected_at = first.collected_at
    for result in results:
        collected_at = one_way_date(collected_at, result.collected_at)
    # the first that names one, as the date is (QA: a first row with a blank patient cell left
    # the panel no one's, and the patient's trend was lost without a word)
    patient_id = next((r.patient_id for r in results if r.patient_id), first.patient_id)
    return Panel(
        source=first.source,
        sample_id=first.sample_id,
        patient_id=patient_id,
        collected_at=collected_at,
        results=results,
        summary=summarise_panel(results, rejected, not_given),
    )


def _run_failed_said(panel: Panel) -> Panel:
    """A panel of a file that says its run failed its quality control, that said first in its
    summary (`RUN_FAILED_FIRST`), in every format that holds the report whole."""
    text = [RUN_FAILED_FIRST, *panel.summary.text]
    return panel.model_copy(update={"summary": panel.summary.model_copy(update={"text": text})})


def _names_its_row(issue: Issue) -> bool:
    """Whether an issue says which sample or marker its row was for (a row too broken to tell,
    or a file, is no panel's)."""
    return any((issue.sample_id, issue.patient_id, issue.collected_at, issue.marker))


UNREADABLE = "file-unreadable"
_STATUSES = tuple(Status)


class Tally:
    """Counts of what streamed past, for totals and the exit code (flat memory)."""

    def __init__(self, synthetic_sources: list[str] | None = None) -> None:
        self.by_status: dict[str, int] = {status.value: 0 for status in Status}
        self.results = 0
        self.rejected = 0
        self.warnings = 0
        self.unreadable: list[Issue] = []  # every file-unreadable issue (one per file: bounded)
        self.read_something = False  # any event that is not an unreadable file
        #: The files whose comments say they are synthetic: no event says it, so the list is
        #: the interpreter's own (`Interpreter.synthetic_sources`), complete once read.
        self.synthetic_sources = [] if synthetic_sources is None else synthetic_sources

    def watch(self, events: Iterable[StreamEvent]) -> Iterator[StreamEvent]:
        """Pass events through unchanged, counting each one before it is handed on."""
        count = self.count
        for event in events:
            count((event,))
            yield event

    def count(self, events: Sequence[StreamEvent]) -> None:
        """Count a run of events (the streamed formats count a few hundred at a time)."""
        issues = [event for event in events if type(event) is Issue]
        if len(issues) < len(events):
            statuses = [event.status for event in events if type(event) is not Issue]  # type: ignore[union-attr]
            self.results += len(statuses)
            for status in _STATUSES:
                # list.count compares by identity first: no hashing of an enum per row
                self.by_status[status.value] += statuses.count(status)
            self.read_something = True
        for issue in issues:
            if issue.severity == "error":
                self.rejected += 1
                if issue.code == UNREADABLE:
                    self.unreadable.append(issue)
                else:
                    self.read_something = True
            else:
                self.warnings += 1
                self.read_something = True

    def add(self, other: Tally) -> None:
        """Count another tally's events too (batches interpreted apart, then joined)."""
        self.results += other.results
        self.rejected += other.rejected
        self.warnings += other.warnings
        for status, count in other.by_status.items():
            self.by_status[status] += count
        self.unreadable.extend(other.unreadable)
        self.read_something = self.read_something or other.read_something
        for source in other.synthetic_sources:
            if source not in self.synthetic_sources:
                self.synthetic_sources.append(source)

    @property
    def nothing_read(self) -> bool:
        """True when every file was unreadable: then, like the other formats, print nothing."""
        return bool(self.unreadable) and not self.read_something

    def totals(self) -> ReportTotals:
        return ReportTotals(
            results=self.results,
            rejected=self.rejected,
            warnings=self.warnings,
            by_status=dict(self.by_status),
        )


#: Problems an overview keeps word for word; the rest are counted (`panelcli validate` lists all).
OVERVIEW_ISSUES = 100
#: Samples an overview lists (those with results outside the range first); the rest are counted.
OVERVIEW_PANELS = 50


class _SampleCount:
    """What an overview keeps of one sample (slots: a million rows make many samples)."""

    __slots__ = (
        "patient_id", "collected_at", "measured", "flagged", "unjudged", "maybe", "not_given",
        "commented",
    )  # fmt: skip

    def __init__(self, patient_id: str | None, collected_at: str | None) -> None:
        # of its first result (the patient: the first result naming one)
        self.patient_id, self.collected_at = patient_id, collected_at
        self.measured = 0
        self.unjudged = 0  # results not compared with a range (indeterminate, no reference)
        self.flagged: dict[str, str] | None = None  # markers outside the range: their flag
        # markers that may be past a critical limit: whether by the lab's critical mark
        self.maybe: dict[str, bool] | None = None
        self.not_given = False  # only rows the lab gave no result on (`PanelDigest`)
        self.commented: list[str] | None = None  # markers with a comment from the lab

    @property
    def critical(self) -> bool:
        """Whether a result of the sample is critical (LL or HH)."""
        return self.flagged is not None and not CRITICAL_FLAGS.isdisjoint(self.flagged.values())


def build_overview(
    events: Iterable[StreamEvent],
    reference_set: ReferenceSet,
    synthetic_sources: Iterable[str] = (),
    wide_sources: Iterable[str] = (),
) -> Overview:
    """Digest events into counts and the samples the table lists (a sample none of whose
    rows could be used among them, measured 0, as `build_report` gives it).

    Memory grows with samples, not with results: per sample a count, a patient, a date and
    the markers outside the range, about 0.5 kB with its key, and where `_Readings` last saw
    it, 0.25 kB (the benchmark's million rows in 76,924 samples: about 110 MiB at peak,
    with the patients seen on two dates counted at the end).
    `synthetic_sources`, `wide_sources`: as `build_report` reads them.
    """
    tally = Tally()
    panels: dict[tuple[PanelKey, int, int], _SampleCount] = {}  # in order of first sight
    rejected: list[Issue] = []
    warnings: list[Issue] = []
    reasons: dict[str, int] = {}
    # By file too (a few codes a file): whether a file is wide is known for all once read.
    cells: Counter[tuple[str, str]] = Counter()
    readings = _Readings()
    for event in tally.watch(events):
        if isinstance(event, Issue):
            readings.note(event)
            kept = rejected if event.severity == "error" else warnings
            if event.severity == "error":
                reasons[event.code] = reasons.get(event.code, 0) + 1
                if may_reject_a_value(event):
                    cells[event.source, event.code] += 1
                if _names_its_row(event):  # its sample is listed, as build_report gives it
                    key = readings.panel_key(event)
                    _keep_far_apart(readings, warnings, tally)
                    if key not in panels:
                        panels[key] = _SampleCount(event.patient_id, event.collected_at)
                    panels[key].not_given = False
            elif event.code == "result-not-given" and _names_its_row(event):
                # a pending or cancelled test's sample is listed too, as build_report gives it
                # (QA: it was left out of the overview and its count)
                key = readings.panel_key(event)
                _keep_far_apart(readings, warnings, tally)
                if key not in panels:
                    panels[key] = _SampleCount(event.patient_id, event.collected_at)
                    panels[key].not_given = True
            # A warning that sums up others is always kept (one per kind and file at most).
            if len(kept) < OVERVIEW_ISSUES or is_summing_up(event):
                kept.append(event)
            continue
        key = readings.panel_key(event)
        _keep_far_apart(readings, warnings, tally)
        panel = panels.get(key)
        if panel is None:
            panel = panels[key] = _SampleCount(event.patient_id, event.collected_at)
        elif not panel.measured:  # seen in rejected rows first: named by its first result
            panel.patient_id, panel.collected_at = event.patient_id, event.collected_at
        else:  # as `_panel` names it
            if event.collected_at != panel.collected_at:
                panel.collected_at = one_way_date(panel.collected_at, event.collected_at)
            if panel.patient_id is None:
                panel.patient_id = event.patient_id
        panel.measured += 1
        if type(event) is Result and event.doubt is not None and event.doubt.lab_comment:
            # (review: the overview lost the comment on a hemolysed sample's high IL-6)
            panel.commented = [*(panel.commented or ()), event.marker]
        if maybe_critical_event(event):  # QA: listed as ordinary highs, said nowhere
            if panel.maybe is None:
                panel.maybe = {}
            by_lab = isinstance(event, Result) and lab_marked_critical(event)
            panel.maybe[event.marker] = panel.maybe.get(event.marker, False) or by_lab
        if event.status in ABNORMAL:
            if panel.flagged is None:
                panel.flagged = {}
            note_flag(panel.flagged, event.marker, event.flag)
        elif event.status in UNJUDGED:
            panel.unjudged += 1
    wide = list(dict.fromkeys(wide_sources))
    kinds: dict[str, Callable[[Any], bool]] = {
        "critical": lambda key: panels[key].critical,
        "maybe_critical": lambda key: bool(panels[key].maybe),
        "flagged": lambda key: bool(panels[key].flagged),
        "measured": lambda key: panels[key].measured > 0,
        "unjudged": lambda key: panels[key].unjudged > 0,
        "not_given": lambda key: panels[key].not_given,
    }
    shown = listed_in_overview(list(panels), **kinds)
    digests = [
        PanelDigest(
            source=key[0][0], sample_id=key[0][1], patient_id=panels[key].patient_id,
            collected_at=panels[key].collected_at, measured=panels[key].measured,
            not_given=panels[key].not_given and not panels[key].measured,
            flagged_markers=list(panels[key].flagged or ()),
            marker_flags=list((panels[key].flagged or {}).values()),
            unjudged=panels[key].unjudged, maybe_critical=list(panels[key].maybe or ()),
            lab_critical=[m for m, by_lab in (panels[key].maybe or {}).items() if by_lab],
            commented=list(dict.fromkeys(panels[key].commented or ())),
        )
        for key in shown
    ]  # fmt: skip
    return Overview(
        reference_set=reference_set.info,
        samples=len(panels),
        **overview_counts(panels, **kinds),
        patients_followed=patients_followed(
            (panel.patient_id, panel.collected_at, key[0][0])  # the panel's source
            for key, panel in panels.items()
            if panel.measured
        ),
        panels=digests,
        rejected=rejected,
        warnings=warnings,
        rejected_reasons=reasons,
        rejected_values=dict(_of_files(cells, wide)),
        totals=tally.totals(),
        synthetic_sources=list(dict.fromkeys(synthetic_sources)),
        wide_sources=wide,
    )


def _of_files(counts: Mapping[tuple[str, str], int], files: Collection[str]) -> Counter[str]:
    """Counts by (file, code), summed by code over `files` only."""
    summed: Counter[str] = Counter()
    for (source, code), count in counts.items():
        if source in files:
            summed[code] += count
    return summed


def listed_in_overview(
    samples: Sequence[T],
    critical: Callable[[T], bool],
    maybe_critical: Callable[[T], bool],
    flagged: Callable[[T], bool],
    measured: Callable[[T], bool],
    unjudged: Callable[[T], bool],
    not_given: Callable[[T], bool],
) -> list[T]:
    """The samples an overview lists (at most OVERVIEW_PANELS), each group in order of first
    sight: those with a critical result (QA: one was folded into "… and 567 more samples"),
    those with one that may be critical, the others with results outside the range, those
    none of whose rows could be used or that the lab gave no result for (`not_given`: only
    counted apart), those with a result not compared with a range (QA: they looked all
    clear), then the rest."""
    groups = (
        (s for s in samples if critical(s)),
        (s for s in samples if maybe_critical(s) and not critical(s)),
        (s for s in samples if flagged(s) and not critical(s) and not maybe_critical(s)),
        (s for s in samples if not measured(s)),  # in order of first sight, whichever kind
        (
            s
            for s in samples
            if measured(s) and not flagged(s) and unjudged(s) and not maybe_critical(s)
        ),
        # not one that may be critical though normal (a lab's HH beside a normal result):
        # it is listed above (QA: listed twice, and the counts left out went below 0)
        (
            s
            for s in samples
            if measured(s) and not flagged(s) and not unjudged(s) and not maybe_critical(s)
        ),
    )
    return list(itertools.islice(itertools.chain.from_iterable(groups), OVERVIEW_PANELS))


def overview_counts(
    samples: Iterable[T],
    critical: Callable[[T], bool],
    maybe_critical: Callable[[T], bool],
    flagged: Callable[[T], bool],
    measured: Callable[[T], bool],
    unjudged: Callable[[T], bool],
    not_given: Callable[[T], bool],
) -> dict[str, int]:
    """An overview's counts of samples of each kind, by the rules `listed_in_overview` lists
    them by; one place for both overviews and for what their lists leave out (review: the
    rules were written three times, and drifted)."""
    counts = dict.fromkeys(
        ("flagged_samples", "critical_samples", "maybe_critical_samples",
         "maybe_critical_flagged", "unusable_samples", "not_given_samples", "unjudged_samples"), 0,
    )  # fmt: skip
    for s in samples:
        is_critical, maybe, is_flagged = critical(s), maybe_critical(s), flagged(s)
        counts["flagged_samples"] += is_flagged
        counts["critical_samples"] += is_critical
        counts["maybe_critical_samples"] += maybe and not is_critical
        counts["maybe_critical_flagged"] += maybe and is_flagged and not is_critical
        # a sample the lab gave no result for is not one whose results could not be used
        # (known item: the overview counted it so)
        given = not not_given(s)
        counts["unusable_samples"] += not measured(s) and given
        counts["not_given_samples"] += not measured(s) and not given
        counts["unjudged_samples"] += unjudged(s) and not is_flagged and not maybe
    return counts


def maybe_critical_event(event: Result | ResultRow) -> bool:
    """Whether a result (or short-path row) may be past a critical limit, though not certainly:
    only a censored or doubted one can be, or one the lab marked critical."""
    if isinstance(event, Result) and lab_marked_critical(event):
        return True
    if event.status not in _MAY_BE_CRITICAL or (
        event.comparator is None and getattr(event, "doubt", None) is None
    ):
        return False
    return may_be_critical(event if isinstance(event, Result) else event.to_result())


_MAY_BE_CRITICAL = frozenset({Status.HIGH, Status.LOW, Status.INDETERMINATE})


def patients_followed(samples: Iterable[tuple[str | None, str | None, str]]) -> int:
    """Patients with samples of two or more dates, of (patient id, date, source) of samples
    with a result: those whose changes over time a report follows, by `find_trends`'s own rule
    (review and QA: a rule of its own here missed or added patients, for dates with times,
    time zones, or that may be two days, read one way only in one file)."""
    written: dict[str, dict[str, None]] = {}  # each patient's dates as written, once each
    sources: dict[str, set[str]] = {}
    for patient_id, collected_at, source in samples:
        if patient_id is not None and collected_at:
            key = person_key(patient_id)
            written.setdefault(key, {})[collected_at] = None
            sources.setdefault(key, set()).add(source)
    return sum(
        len(dates) > 1 and dates_counted(list(dates), len(sources[key]) == 1) > 1
        for key, dates in written.items()
    )


def note_flag(flags: dict[str, str], marker: str, flag: str | None) -> None:
    """Note a flagged result's flag under its marker (in order of first sight): the first
    critical one's, else the first (an overview shows a marker once)."""
    if marker not in flags or (flag in CRITICAL_FLAGS and flags[marker] not in CRITICAL_FLAGS):
        flags[marker] = flag or ""


def _keep_far_apart(readings: _Readings, warnings: list[Issue], tally: Tally) -> None:
    """The overview's `sample-far-apart` warnings: counted, and kept as other warnings are."""
    for warning in readings.warnings():
        tally.count((warning,))
        if len(warnings) < OVERVIEW_ISSUES:
            warnings.append(warning)


def _needs_general(
    comment: int | None,
    sign: int | None,
    fluids: tuple[int, ...],
    fluid_set: bool = False,
    alarms: bool = False,
) -> Callable[[list[str]], bool] | None:
    """Whether a long row needs the general path: a comment, a sign alone in the sign column,
    a fluid other than blood (or any fluid named, for a set of another fluid than blood: a
    `fluid_set`); None where the file has none of those columns (nearly all)."""
    if comment is None and sign is None and not fluids:
        return None
    unjudged = (None,) if fluid_set else (None, BLOOD)

    def needs(cells: list[str]) -> bool:
        # (a sign column of other text, 'Main Lab' in each row: the short path; review)
        return (
            (
                comment is not None
                and bool(cells[comment].strip())
                # an alarm column's 'None' or 'OK' in every row (review: 5 times as slow)
                and not (alarms and says_no_alarm(cells[comment]))
            )
            or (sign is not None and sign_cell(cells[sign]) is not None)
            or (bool(fluids) and fluid_of(cells, fluids) not in unjudged)
        )

    return needs


def _general_path_only(layout: Layout) -> bool:
    """Whether a long file's rows all need the general path: a column with no name (a value
    there is refused or warned about), a comparator, flag, detection-range or result status
    column read with the value, a replicate column, a standard's expected value (its row is
    skipped), or a unit column beside a unit in the value column's header (each row's must
    agree with it)."""
    return (
        bool(layout.unnamed)
        or "comparator" in layout.roles
        or "lab_flag" in layout.roles
        or "detection_range" in layout.roles
        or any(role in layout.roles for role in ASSAY_LIMIT_ROLES)  # 'BLQ' beside its LLOQ
        or "result_status" in layout.roles  # a row may be said or skipped for its status
        or bool(layout.result_marks)  # ... or for its mark ('Excluded' Y)
        or "replicate" in layout.roles  # its marker is named with its replicate (`read`)
        or "rerun_value" in layout.roles  # a rerun's result is the row's value (`read`)
        or bool(layout.expected)  # a standard's expected value: skipped there
        or (layout.value_unit is not None and "unit" in layout.roles)
        or bool(layout.given)  # every row's fields from above the header (`given_above`)
    )


def _with_range_limits(
    cells_of: Callable[[list[str]], Any], roles: dict[str, int], unit: str | None
) -> Callable[[list[str]], Any]:
    """`cells_of` (the `_LANE_ROLES` of a row) with the lab's range read from its low and
    high columns, or with its header's unit, as `rows_to_measurements` reads it
    (`printed_range`)."""

    def with_range(cells: list[str]) -> tuple[str, ...]:
        return (*cells_of(cells)[:-1], printed_range(cells, roles, unit))

    return with_range


def _with_patient_stand_in(
    cells_of: Callable[[list[str]], Any], stand_in: int, where_no_id: bool = False
) -> Callable[[list[str]], Any]:
    """`cells_of` with the person column's cell for the patient id where the row's sample id
    and patient id cells give none (`where_no_id`: where its patient id gives none), as
    `rows_to_measurements` reads it (see `Layout.patient_stand_in`)."""

    def with_stand_in(cells: list[str]) -> tuple[str, ...]:
        read = cells_of(cells)
        if given_id(read[1]) is None and (where_no_id or given_id(read[0]) is None):
            return (read[0], cells[stand_in], *read[2:])
        return read

    return with_stand_in


#: A lab's flag (and panelcli's, for a judged result) in words.
#: A panel's entries (among its markers): its patient and date so far, "p\0when", with the line
#: that last filled one in; and, once its conflict was warned about, that it was.
_PERSON = "\0person"
_PERSON_LINES = "\0person lines"
#: Fields of `_who` a sample's rows gave two values of (`_filled_down` fills none of them)
_DISPUTED = "\0disputed"
_WARNED = "\0warned"
#: A panel's entry (among its markers) for a marker with replicate rows: the first's line and
#: marker cell ('IL-6 Rep 1'), so that a mean row of it is not a result too.
_REPLICATED = "\0replicated"


def _indeterminate(result: Result, doubt: str) -> Result:
    """`result` made indeterminate by a doubt its note then says (a comparator flag stays)."""
    return result.model_copy(
        update={
            "status": Status.INDETERMINATE, "flag": "IND",
            "flags": _with_comparator(result, "IND"),
            "times_upper_limit": None, "note": _noted(result, doubt),
        }
    )  # fmt: skip


def _certain_side(flags: set[str | None]) -> str | None:
    """'H' where each flag is high or critically high, 'L' likewise low, else None: the side
    a value surely lies on, however its readings (or the rows that could apply) differ."""
    return "H" if flags <= {"H", "HH"} else "L" if flags <= {"L", "LL"} else None


def _with_comparator(result: Result, flag: str) -> list[str]:
    """A result's flags for a status given in its place: its comparator's, then `flag`."""
    return [*([result.comparator] if result.comparator else []), flag]


def _as_far_as_both(result: Result, other: Result, doubt: str) -> Result:
    """`result` judged only as far as `other` (the same value read another way) agrees: high
    (low) where both are high or critically so, else indeterminate; `doubt` says why."""
    side = _certain_side({result.flag, other.flag})
    if side is None and {result.flag, other.flag} == SIDED_CRITICAL_FLAGS:
        # critical either way (code audit round 20, was qa15 #1: '1.000' critically low as 1
        # and high as 1000 was indeterminate, exit 0 with --fail-on critical): the status is
        # what is certain; its flag HL7's AA, critical on no side named (the note says both)
        return result.model_copy(update={
            "status": Status.CRITICAL, "flag": CRITICAL_NO_SIDE,
            "flags": _with_comparator(result, CRITICAL_NO_SIDE),
            "times_upper_limit": None,
            "doubt": Doubt(result.other_reading, _least_times(result, other)),
            "note": _noted(result, doubt),
        })  # fmt: skip
    if side is None:
        return _indeterminate(result, doubt)
    # QA: high either way, critically high one way, was indeterminate (exit 0)
    certain = result if result.flag == side else other
    return result.model_copy(update={
        "status": certain.status, "flag": side, "flags": _with_comparator(result, side),
        "times_upper_limit": None,
        "doubt": Doubt(result.other_reading, _least_times(result, other)),
        "note": _noted(result, doubt),
    })  # fmt: skip


def _gives_ranges(layout: Layout) -> bool:
    """Whether a file's rows can print the lab's range: a range column, limit columns or a
    marker's own range column (a wide file's range row gives every row the same)."""
    return (
        "reference_range" in layout.roles
        or has_range_limits(layout)
        or any("reference_range" in own for own in layout.companions.values())
    )


def _prints_a_range(m: Measurement) -> bool:
    """Whether a row gives the lab's range: not blank, 'N/A' or '-', which give none, as a
    blank cell (QA: 'range-unreadable'; review: for a marker the set lacks too)."""
    text = m.reference_range
    return text is not None and text != "" and not says_none_known(text)


def _critical_for(
    candidates: Sequence[tuple[str, Bounds]], judged: Sequence[Interpretation]
) -> tuple[str, ...]:
    """Whom of the intervals that could apply (`candidates`, each `judged`) call it critical."""
    return tuple(
        who for (who, _), one in zip(candidates, judged, strict=True)
        if one.status is Status.CRITICAL
    )  # fmt: skip


def _reaching_critical(
    value: float, comparator: Comparator | None, candidates: Sequence[tuple[str, Bounds]]
) -> tuple[str, ...]:
    """Whom of the intervals that could apply a censored value may be past a critical limit
    of, and may as well be short of it."""
    return tuple(who for who, bounds in candidates if reachable_critical(value, comparator, bounds))


def _past_critical_by_rows(
    value: float,
    comparator: Comparator | None,
    unit: str,
    rows: Sequence[tuple[str, Bounds]],
    reaching: Sequence[tuple[str, Bounds]] | None = None,
    lab_sides: tuple[bool, bool] = (False, False),
) -> tuple[str | None, Doubt | None]:
    """Whom of the set's rows that may be the person's put a value past a critical limit, or
    (censored) may (of `reaching`, else of `rows`): the note's words and the result's doubt,
    (None, None) where none does; `lab_sides`: which limits (low, high) are the lab's."""
    each = [interpret(value, comparator, b, unit) for _, b in rows]
    critical_for = _critical_for(rows, each)
    reach_for = _reaching_critical(value, comparator, rows if reaching is None else reaching)
    if not (critical_for or reach_for):
        return None, None
    # the side past which it is (or may be): the lab's limit there, or the set's (review)
    high = (
        any(i.flag == "HH" for i in each)
        if critical_for
        else any(
            b.critical_high is not None
            and b.critical_high in reachable_critical(value, comparator, b)
            for _, b in (rows if reaching is None else reaching)
        )
    )
    said = _critical_by_rows(critical_for, reach_for, lab_sides[1] if high else lab_sides[0])
    return said, Doubt(None, None, critical_for, bool(reach_for))


def _critical_by_rows(
    critical_for: Sequence[str], reach_for: Sequence[str], lab_critical: bool = False
) -> str:
    """A note's words on the set's rows that may be the person's, by which a result is (or
    may be) past a critical limit (the lab's, with `lab_critical`: QA, credited to the set)."""
    if critical_for:
        whom = critical_for
        words = (
            "critical by the lab's critical limit beside the reference set's range for"
            if lab_critical
            else "critical by the reference set's range for"
        )
    else:
        whom = reach_for
        words = (
            "it could be past the lab's critical limit beside the set's range for"
            if lab_critical
            else "it could be past the critical limit of the set's range for"
        )
    return f"{words} {' or '.join(whom)}, which may be the person's"


def _critical_only(bounds: Bounds) -> Bounds:
    """An interval's critical limits alone: whether a value is past them, whatever the range."""
    return Bounds(critical_low=bounds.critical_low, critical_high=bounds.critical_high)


def _least_times(*judged: Result | Interpretation) -> float | None:
    """The least times figure of one value judged several ways, each of them high; else None."""
    times = [j.times_upper_limit for j in judged]
    return min(t for t in times if t is not None) if None not in times else None


def _estimated(result: Result, words: str) -> Result:
    """`result` with a note saying why its number is a bound: the lab's detection-range words."""
    side = "less" if result.comparator in ("<", "<=") else "more"
    why = (
        f"the lab marks it '{shorten(words)}': the number is a guess, so the value is taken "
        f"as {side} than it"
    )
    return result.model_copy(update={"note": "; ".join(n for n in (why, result.note) if n)})


#: The note of a result read from a mean ('IL-6 Mean'): its number is no single measurement.
MEAN_NOTE = "the average of repeat measurements, as given in the file"


def _said_if_a_mean(m: Measurement, result: Result) -> Result:
    """`result`, noted as a mean where its marker's name says it is one ('IL-6 Mean')."""
    words = instrument_name(m.marker)  # the general path only: a mean takes no short path
    if words is None or not words.mean:
        return result
    return result.model_copy(update={"note": _noted(result, MEAN_NOTE)})


def _with_lab_comment(m: Measurement, result: Result) -> Result:
    """`result` with the lab's comment on its row in its note, and kept for the summary
    (`Doubt.lab_comment`; QA: a 'Hemolyzed, may be falsely elevated' was ignored)."""
    if m.comment is None:
        return result
    doubt = (result.doubt or Doubt())._replace(lab_comment=m.comment)
    said = comment_said(m.comment)  # whole: the summary shortens it
    note = f"{result.note}; {said}" if result.note else said
    return result.model_copy(update={"note": note, "doubt": doubt})


def _reads_statuses(layout: Layout) -> bool:
    """Whether a file has a result status column: the rows', or a wide marker's own ('IL-6
    Status'; QA: its 'C' was said to correct a result, and both were judged)."""
    return "result_status" in layout.roles or any(
        "result_status" in own for own in layout.companions.values()
    )


def corrections_applied(events: Iterable[StreamEvent]) -> Iterator[StreamEvent]:
    """A file's events with a corrected result (its status column says 'C') in place of the
    earlier result of its marker among its sample's rows above it, and a final one in place of
    a preliminary one, or of a row of its marker with no result (pending, cancelled); the one
    replaced is left out with a `result-superseded` warning, and a preliminary or corrected
    result's note says what it is.

    QA: both were judged, the summary said the withdrawn 45 pg/mL was 18 times the limit, and
    it set exit code 1. A sample's events are held until another sample's come, or until they
    span `HELD_AT_MOST` rows (flat memory, were a file all one sample's); an earlier result out
    by then (of rows apart in the file) stays.
    """
    sample = _HeldSample()
    try:
        for event in events:
            yield from sample.add(event)
    except InputError:  # the file stops here: what was held before it is not lost (review)
        yield from sample.release()
        raise
    yield from sample.release()


class _HeldSample:
    """One sample's events, held by `corrections_applied` until its rows end."""

    def __init__(self) -> None:
        self.held: list[StreamEvent] = []
        self.panel: PanelKey | None = None
        self.last_line = 0  # the line of the row the last event was about
        self.lines = 0  # how many rows the held events are about
        #: a held row's (line, marker key) -> the status its warning said; the marker None
        #: where the status is the whole row's (a wide row's 'Result Status')
        self.said: dict[tuple[int, str | None], str] = {}
        self.preliminary: set[tuple[int, str]] = set()  # held preliminary results (line, marker)
        self.waiting: Counter[str] = Counter()  # ... their markers
        self.none_given: Counter[str] = Counter()  # markers (as keys) of held rows with none
        #: rows (line, marker as written) replaced by a result above them: what comes after
        #: of their value or status is left out with them (`_replaced_by_one_above`)
        self.left_out: set[tuple[int, str | None]] = set()
        #: held results (line, marker as written) that replaced one above them: a file in
        #: oldest-first order, so no result below them is theirs to replace (review 54)
        self.replaced_above: set[tuple[int, str]] = set()
        #: a correction above the result it replaced has shown the sample's rows list newest
        #: first (a sample's own: batches and a second process start at a sample, review 54b)
        self.newest_first = False

    def release(self) -> list[StreamEvent]:
        """The held events, given up (the sample's rows ended, or too many are held)."""
        held = self.held
        self.__init__()  # type: ignore[misc]
        return held

    def add(self, event: StreamEvent) -> list[StreamEvent]:
        """Hold an event; what is given up to make room, or because another sample began."""
        out: list[StreamEvent] = []
        line = event.line or 0
        if _of_a_sample(event):
            key = panel_key(event)  # type: ignore[arg-type]
            if key != self.panel:
                # what this row's own warning said of its status stays (review of round 20: a
                # file with no sample ids lost its first row's 'P', said before the sample)
                this_row = {k: v for k, v in self.said.items() if k[0] == line}
                out = self.release()
                self.said.update(this_row)
                self.panel = key
        if line and line != self.last_line:  # a row's events stay together (review)
            if self.lines >= HELD_AT_MOST:
                same = self.panel
                out += self.release()
                self.panel = same
            self.last_line, self.lines = line, self.lines + 1
        if isinstance(event, Issue):
            if (
                self.left_out
                and (event.line, event.marker) in self.left_out
                and event.code in _REPEATED | _SAID_OF_A_RESULT
            ):
                return out
            if event.code in ("result-corrected", "result-preliminary") and event.line:
                self.said[(event.line, event.marker and marker_key(event.marker))] = event.code
            elif event.code == "result-not-given" and event.marker:
                # 'Cancelled' as a correction
                if self._status_said(line, event.marker) == "result-corrected":
                    self.held.extend(self._withdrawn(event))
                    return out
                if self.preliminary:  # QA: 'P' 60 then 'X' of the test: 60 stayed judged
                    withdrawn = self._withdrawn(event, preliminary=True)
                    if len(withdrawn) > 1:
                        self.held.extend(withdrawn)
                        return out
                self.none_given[marker_key(event.marker)] += 1
            self.held.append(event)
            return out
        result = _result_of(event)
        # a wide row's results share its line: each its own marker's status, or the row's
        # (QA: 'IL-6 Status' C made the row's IL-8, status F, replace its earlier result too)
        status_said = self._status_said(result.line, result.marker_as_written)
        if self.said and status_said != "result-corrected":
            above = self._replaced_by_one_above(result, status_said == "result-preliminary")
            if above:
                self.held.extend(above)
                return out
        if status_said == "result-corrected":
            self.held.extend(self._noting_replaced(result, _CORRECTED_NOTE))
        elif status_said == "result-preliminary":
            self.preliminary.add((result.line, result.marker))
            self.waiting[result.marker] += 1
            self.held.append(result.model_copy(update={"note": _noted(result, PRELIMINARY_NOTE)}))
        elif self.waiting[result.marker] or (
            self.none_given and self.none_given[marker_key(result.marker_as_written)]
        ):  # only a marker with such a row above is looked for (flat time per row)
            self.held.extend(self._noting_replaced(result, None))  # a final one after it
        else:
            self.held.append(event)
        return out

    def _noting_replaced(self, result: Result, note: str | None) -> list[StreamEvent]:
        """`_replacing`, noting a result that replaced one above it (`replaced_above`)."""
        above = any(
            not isinstance(e, Issue) and _same_specimen(result, _result_of(e)) for e in self.held
        )  # results above it it may replace, even where it cannot tell which (review 54b)
        events = self._replacing(result, note)
        if above or len(events) == 2:  # (2: the warning for the one replaced, and the result)
            self.replaced_above.add((result.line, result.marker_as_written))
        return events

    def _replaced_by_one_above(self, result: Result, preliminary: bool) -> list[StreamEvent]:
        """The warning that `result` is replaced by the one held result above it of its marker
        and specimen that the lab corrected (or, for a preliminary result, gave as final), as an
        export sorted newest first lists them; that result's note then says so. [] for none.

        Lab QA round 11: a Cerner export's corrected IL-6 of 2.0 above the withdrawn 45 did not
        replace it, and 45 set exit 1 ('to talk over soon')."""
        held = self.held
        above = [
            i for i, e in enumerate(held)
            if not isinstance(e, Issue) and _same_specimen(result, r := _result_of(e))
            and _same_replicate(result, r)
            and (r.line, r.marker_as_written) not in self.replaced_above
            and (
                self._status_said(r.line, r.marker_as_written) == "result-corrected"
                # a final one above a preliminary one only in a file shown to list newest
                # first (review 54: in oldest-first order, a preliminary row after a final
                # one is a newer repeat not yet verified)
                or (
                    preliminary and self.newest_first
                    and (r.line, r.marker) not in self.preliminary
                )
            )
        ]  # fmt: skip
        if len(above) != 1:
            return []
        newer = _result_of(held[above[0]])
        kind = (
            "corrected"
            if self._status_said(newer.line, newer.marker_as_written) == "result-corrected"
            else "final"
        )
        self.newest_first = True
        value = _value_said(result)
        replaces = f"'{value}' on line {result.line}, below it"
        replaces = (
            f"it replaces {replaces}"
            if kind == "corrected"
            else f"the lab's final result: it replaces the preliminary {replaces}"
        )
        held[above[0]] = newer.model_copy(update={"note": _noted(newer, replaces)})
        self._unsay(result.line, result.marker_as_written, _SAID_OF_A_RESULT)
        self._unsay(result.line, result.marker_as_written, _REPEATED)
        self._unsay(newer.line, newer.marker_as_written, _REPEATED)
        self.left_out.add((result.line, result.marker_as_written))
        return [
            _superseded(
                result, result.marker_as_written,
                f"{result.marker} '{value}' on this line ({_severity(result)}) was replaced by the "
                f"lab's {kind} result above it, on line {newer.line} ('{_value_said(newer)}'; the "
                f"file lists newer results first); only the {kind} result is judged",
            )
        ]  # fmt: skip

    def _status_said(self, line: int, marker: str | None) -> str | None:
        """What the status of a row's marker said (its own status cell's, else the row's)."""
        if not self.said:
            return None
        own = self.said.get((line, marker and marker_key(marker)))
        return own if own is not None else self.said.get((line, None))

    def _withdrawn(self, given: Issue, preliminary: bool = False) -> list[StreamEvent]:
        """A correction that gives no result ('Cancelled' in a corrected row), and the warning
        for the one earlier result of its marker that it withdraws, taken out of the held
        events (QA round 3: that result stayed judged, high); with `preliminary`, a row that
        gives no result ('X') and the one preliminary result of its marker it ends."""
        written = marker_key(given.marker or "")
        same = [
            i for i, e in enumerate(self.held)
            if not isinstance(e, Issue)
            and marker_key((r := _result_of(e)).marker_as_written) == written
            and _same_person(r, given)
            and (not preliminary or (r.line, r.marker) in self.preliminary)
        ]  # fmt: skip
        if len(same) != 1:
            return [given]
        withdrawn = _result_of(self.held.pop(same[0]))
        self._taken_out(withdrawn)
        self._unsay(given.line or 0, given.marker, _REPEATED)
        by = (
            f"the lab's later row on line {given.line}, which says no result is given"
            if preliminary
            else f"the lab's correction on line {given.line}, which gives no result"
        )
        severity = f"{_severity(withdrawn)}, preliminary" if preliminary else _severity(withdrawn)
        warning = _superseded(
            withdrawn, withdrawn.marker_as_written,
            f"{withdrawn.marker} '{_value_said(withdrawn)}' on this line ({severity}) was "
            f"withdrawn by {by}; it is not judged",
        )  # fmt: skip
        return [warning, given]

    def _taken_out(self, result: Result) -> None:
        """Forget a held result that is replaced or withdrawn: what was said of its value and
        status on its line (its flag disagreeing, its being preliminary: QA), and that it
        waits as a preliminary one."""
        self._unsay(result.line, result.marker_as_written, _SAID_OF_A_RESULT)
        if (result.line, result.marker) in self.preliminary:
            self.preliminary.discard((result.line, result.marker))
            self.waiting[result.marker] -= 1

    def _unsay(self, line: int, marker: str | None, codes: frozenset[str]) -> None:
        """Take out the held warnings of `codes` of a line's marker (as written): the 'measured
        again … every result is kept' of a result that replaces, or what was said of one
        replaced."""
        self.held[:] = [
            e for e in self.held
            if not (isinstance(e, Issue) and e.code in codes and e.line == line
                    and e.marker == marker)
        ]  # fmt: skip

    def _replacing(self, result: Result, note: str | None) -> list[StreamEvent]:
        """A corrected (`note`) or final (None) result, and the warning for what it replaces,
        taken out of the held events (with the 'measured again' warning of its marker on its
        line): the one earlier result of its marker and specimen (for a final one, a
        preliminary result), else the one row of its marker that gave no result; where there
        are several, none, and its note names them."""
        held = self.held
        same = [
            i for i, e in enumerate(held)
            if not isinstance(e, Issue) and _same_specimen(result, r := _result_of(e))
            and (note is not None or (r.line, r.marker) in self.preliminary)
        ]  # fmt: skip
        results = [i for i in same if _same_replicate(result, _result_of(held[i]))]
        kind = "corrected" if note else "final"
        if len(results) != 1 and same:  # replicates, or a marker given twice: which is unsaid
            lines = join_names([str(_result_of(held[i]).line) for i in same])
            unsure = (
                f"the lab's {kind} result; it may replace the result of {result.marker} on "
                f"line {lines}, which is judged too"
                if len(same) == 1
                else f"the lab's {kind} result; it may replace one of the results of "
                f"{result.marker} on lines {lines}, which are judged too"
            )
            return [result.model_copy(update={"note": _noted(result, unsure)})]
        replaced: Result | Issue
        marker: str | None
        if results:
            replaced = _result_of(held.pop(results[0]))
            self._taken_out(replaced)
            value = _value_said(replaced)
            what = f"{replaced.marker} '{value}' on this line ({_severity(replaced)})"
            marker = replaced.marker_as_written
            replaces = f"it replaces '{value}' on line {replaced.line}"
        else:
            written = marker_key(result.marker_as_written)
            pending = [
                i for i, e in enumerate(held)
                if isinstance(e, Issue) and e.code == "result-not-given" and e.marker
                and marker_key(e.marker) == written and _same_person(e, result)
            ]  # fmt: skip
            if len(pending) != 1:
                return (
                    [result.model_copy(update={"note": _noted(result, note)})] if note else [result]
                )
            given = held.pop(pending[0])
            assert isinstance(given, Issue)
            replaced = given
            self.none_given[written] -= 1
            what = f"{result.marker} on this line (no result then)"
            marker = given.marker
            replaces = f"it follows line {replaced.line}, which gave no result"
        self._unsay(result.line, result.marker_as_written, _REPEATED)
        warning = _superseded(
            replaced, marker, f"{what} was replaced by the lab's {kind} result on line "
            f"{result.line} ('{_value_said(result)}'); only the {kind} result is judged",
        )  # fmt: skip
        noted = _noted(result, f"the lab's {kind} result: {replaces}")
        return [warning, result.model_copy(update={"note": noted})]


def _of_a_sample(event: StreamEvent) -> bool:
    """Whether an event starts or goes on a sample's rows: a result, or an issue that names its
    sample, patient or date (not a control's row, nor a row of no sample: batches do not cut
    there either; review)."""
    if not isinstance(event, Issue):
        return True
    return event.code != "control-skipped" and any(
        (event.sample_id, event.patient_id, event.collected_at)
    )


def _superseded(row: Result | Issue, marker: str | None, message: str) -> Issue:
    """The `result-superseded` warning of a row replaced or withdrawn (`row`: its result, or
    the warning that it gave none), naming it as it did."""
    return Issue(
        severity="warning", code="result-superseded", source=row.source, line=row.line,
        column=row.column, sample_id=row.sample_id, patient_id=row.patient_id,
        collected_at=row.collected_at, marker=marker, message=message,
    )  # fmt: skip


def _same_person(one: Result | Issue, other: Result | Issue) -> bool:
    """Whether two rows of a sample agree on its patient and date (a blank agrees with any):
    where they differ it is a mix-up, said as `sample-conflict` (QA: another patient's high
    IL-6 was replaced)."""
    return cells_agree(one.patient_id, other.patient_id) and cells_agree(
        one.collected_at, other.collected_at, dates=True
    )


def _how_to_give_apart(marker: str, what: str, wide: bool) -> str:
    """How to give a marker's results at a visit or time point its name holds: in a wide file,
    a row each; in a long one (whose rows are apart already: review), under the marker's name."""
    if wide:
        return (
            f": panelcli reads one collection per row, so put each {what} in a row of its own, "
            "with its date"
        )
    where = "a visit column" if what == "visit" else "a date or visit column"
    return f": name the test {marker} and give the {what} in {where}"


#: A marker's name with a study visit after it ('IL-6_v2', 'IL-6 Visit 3', 'il6.v1')
_VISIT_SUFFIX = lazy_pattern(r"(?P<name>.+?)[\s_.-]+v(?:isit)?[\s_.-]?(?P<visit>\d{1,3})\Z", re.I)
#: ... or a time point ('IL-6 Day 7', 'IL-6 Baseline', 'IL-6 24h', 'il6_bl': lab QA round 16,
#: a high IL-6 was no_reference with no word)
_TIMEPOINT_SUFFIX = lazy_pattern(
    r"(?P<name>.+?)[\s_.-]+(?P<when>baseline|bl|screening|scr|pre|post|pre-?(?:dose|op)"
    r"|post-?(?:dose|op)|follow-?up|fu|(?:day|d|week|wk|w|month|m|t)[\s_.-]?\d{1,3}"
    r"|\d{1,3}[\s_.-]?(?:h|hr|hrs|hours?))\Z",
    re.I,
)


def _same_specimen(result: Result, earlier: Result) -> bool:
    """Whether an earlier result is of a result's marker and specimen (`_same_person`)."""
    return earlier.marker == result.marker and _same_person(earlier, result)


def _same_replicate(result: Result, earlier: Result) -> bool:
    """Whether two results of a marker are the same replicate where either names one ('IL-6
    Rep 1' is not replaced by 'IL-6 Rep 2': review)."""
    if not (_names_a_replicate(earlier) or _names_a_replicate(result)):
        return True
    return marker_key(earlier.marker_as_written) == marker_key(result.marker_as_written)


def _names_a_replicate(result: Result) -> bool:
    words = instrument_name(result.marker_as_written)
    return words is not None and (words.replicate or words.mean)


def _value_said(result: Result) -> str:
    """A result's value as judged, with its unit ('<2 pg/mL'; not the cell's '45 H')."""
    if result.value is None:  # 'ND', '<LLOQ': no number
        return shorten(result.original_value)
    return f"{result.comparator or ''}{number_text(result.value)} {result.unit}".strip()


def _prints_the_set_s(
    m: Measurement, result: Result, reference: Reference, decimal_comma: bool
) -> bool:
    """Whether a row's printed range, read in the set's unit as it was to judge the row, is
    the set's range that judged it (review: '<=2.5' beside ng/mL, 2,500 pg/mL, was said to
    be the set's 2.5 pg/mL, and '<=0.0025' beside ng/mL was not)."""
    try:
        exponent = conversion_exponent(result.original_unit or reference.unit, reference.unit)
    except UnitProblem:
        return False
    read = read_lab_range(m.reference_range or "", reference.unit, exponent, decimal_comma)
    return isinstance(read, Bounds) and (read.low or 0.0, read.high) == (
        reference.low or 0.0, reference.high,
    )  # fmt: skip


#: The 'measured again' warning, left out where the result it repeats is replaced
_REPEATED = frozenset({"marker-repeated"})
#: Warnings of one result's value or status, left out with it when it is replaced (not those
#: given once per file, which stand for others like them)
_SAID_OF_A_RESULT = frozenset({
    "value-flag-disagrees", "value-flag-unjudged", "flag-conflict", "result-preliminary",
    "result-corrected",
})  # fmt: skip

#: How many rows of one sample `corrections_applied` holds the events of at the most
HELD_AT_MOST = 2048
_CORRECTED_NOTE = "the lab's corrected result"


def _result_of(event: StreamEvent) -> Result:
    """A result event as the model (the short path's rows are tuples)."""
    assert not isinstance(event, Issue)
    return event.to_result() if isinstance(event, ResultRow) else event


def _noted(result: Result, doubt: str) -> str:
    """`result`'s note with a doubt about it added."""
    return "; ".join(n for n in (result.note, doubt) if n)


def _severity(result: Result) -> str:
    """A result's status as a note says it: 'critically high' where its flag says which side."""
    if result.status is Status.CRITICAL and result.flag in FLAG_WORDS:
        return FLAG_WORDS[result.flag]
    return result.status.value.replace("_", " ")


def _judged_alike(
    value: float, comparator: Comparator | None, rows: tuple[tuple[str, Bounds], ...], unit: str
) -> Interpretation | None:
    """The value's judgement when every row that could be the person's gives the same one
    (the severity that is certain), or high (low) where each gives high or critical high (low);
    None when they differ otherwise."""
    judged = [interpret(value, comparator, bounds, unit) for _, bounds in rows]
    first = judged[0]
    if first.status == Status.INDETERMINATE:
        return None
    flags: set[str | None] = {j.flag for j in judged}
    if len(flags) > 1 or any(j.status != first.status for j in judged):
        side = _certain_side(flags)
        if side is None:
            return None
        # QA: 70 pg/mL, high for men and critical for women, was indeterminate (exit 0)
        certain = next(j for j in judged if j.flag == side)
        critical = [who for (who, _), j in zip(rows, judged, strict=True) if j.flag == side * 2]
        times = {j.times_upper_limit for j in judged}
        each = _each_interval(rows, unit)
        # a censored '>80' past one row's critical limit may reach the others' (audit round
        # 16: said only where no row's was passed)
        short = [(row, j) for row, j in zip(rows, judged, strict=True) if j.flag == side]
        may = _may_reach(certain, [j for _, j in short], tuple(row for row, _ in short), unit)
        return certain._replace(
            times_upper_limit=times.pop() if len(times) == 1 else None,
            note=f"{may}it is {certain.status.value} by each interval that could apply, and "
            f"critical by the {'one' if len(critical) == 1 else 'ones'} for "
            f"{' and '.join(critical)} ({each})",
        )
    # 'Normal' by a row with no low or high says nothing: it has no range (found in QA)
    if first.status == Status.NORMAL and any(b.low is None and b.high is None for _, b in rows):
        return None
    times = {j.times_upper_limit for j in judged}
    each = _each_interval(rows, unit)
    return first._replace(
        times_upper_limit=times.pop() if len(times) == 1 else None,
        note=f"{_may_reach(first, judged, rows, unit)}it is {first.status.value} by each "
        f"interval that could apply ({each})",
    )


def _may_reach(
    first: Interpretation, judged: list[Interpretation], rows: tuple[tuple[str, Bounds], ...],
    unit: str,
) -> str:  # fmt: skip
    """'the true value may be higher; it could reach the critical limit of 100 pg/mL for …; ':
    what `interpret` notes of a censored value by each row (status QA round 15: a '>25' high by
    both age rows lost it in every machine format)."""
    high = first.status is Status.HIGH
    reached = [
        (who, bounds.critical_high if high else bounds.critical_low)
        for (who, bounds), j in zip(rows, judged, strict=True)
        if j.note
    ]
    if not reached:
        return ""
    shown = unit_as_read(unit)
    if len(reached) == len(rows) and len({limit for _, limit in reached}) == 1:
        # one limit every row shares, said once (code audit round 22: '2 µg/L for female or 2
        # µg/L for male')
        return may_reach_critical(high, f"{number_text(reached[0][1] or 0.0)} {shown}") + "; "
    limits = " or ".join(f"{number_text(limit or 0.0)} {shown} for {who}" for who, limit in reached)
    return may_reach_critical(high, limits) + "; "


def _each_interval(rows: tuple[tuple[str, Bounds], ...], unit: str) -> str:
    """'male, age 18 and over: 31 - 409 µg/L; female, …': a note's list of the intervals that
    could apply, the unit as the Unit column shows it (educator QA round 14: 'ug/L' in the
    note beside 'µg/L'; not in `reference.text`, which keeps the set's spelling: review)."""
    shown = unit_as_read(unit)
    return "; ".join(f"{who}: {interval_text(bounds, shown)}" for who, bounds in rows)


class PersonsSeen:
    """Each patient's sex and birth date as its samples' rows give them: the first, and the
    first other one another sample gives, for trends to say the samples may be two people's
    (trends QA round 17: a girl of 13 and a man of 65 with one id were one trend, unsaid).
    Kept only for a report held whole, which holds every patient's panels anyway."""

    def __init__(self) -> None:
        #: patient (`person_key`) -> field ('sex', 'birth date') -> (value, file, line, panel)
        self.given: dict[str, dict[str, list[_Given]]] = {}
        #: patient -> the days every birth date given so far may be, those dates as given,
        #: and the one that says those days: '06/01/1960' then '1960-06-01' is 1 June, so a
        #: later '1960-01-06' is another day (second review)
        self._born: dict[str, _BornSoFar] = {}

    def note(self, who: str, source: str, line: int, sample_id: str | None) -> None:
        """Note a row's patient, sex and birth date (`_who`'s fields, sex as read)."""
        fields = who.split("\0")
        if not fields[_PATIENT] or not (fields[_SEX_FIELD] or fields[_BORN_FIELD]):
            return
        key = person_key(fields[_PATIENT])
        given = self.given.setdefault(key, {})
        # its panel: one sample's two is its own sample-conflict, also where the file has no
        # sample id and a patient's date makes the panel (second review)
        panel = f"{source}\0{sample_id}" if sample_id is not None else (
            f"{source}\0\0{fields[_COLLECTED]}"
        )  # fmt: skip
        sex, born = fields[_SEX_FIELD], fields[_BORN_FIELD]
        if sex:
            seen = given.setdefault("sex", [])
            if not seen or (len(seen) == 1 and panel != seen[0].panel and sex != seen[0].value):
                seen.append(_Given(sex, source, line, panel))
        if born:
            seen = given.setdefault("birth date", [])
            this = _Given(born, source, line, panel)
            if not seen:
                seen.append(this)
                self._born[key] = _BornSoFar(days_it_may_be(born), [this], this)
            elif len(seen) == 1 and panel != seen[0].panel:
                so_far = self._born[key]
                other = self._other_day(so_far, this)
                if other is not None:
                    seen[:] = [other, this]
                else:
                    self._born[key] = self._narrowed(so_far, this)

    @staticmethod
    def _other_day(so_far: _BornSoFar, this: _Given) -> _Given | None:
        """The birth date given before that is another day than `this`: the one that says the
        days every one so far may be, where `this` may be none of them; else one of its file
        that it writes another way ('03/04/1960' beside '04/03/1960'; across files, a US and
        a European lab may write one day so: third review, the pair named was not the two)."""
        if not days_it_may_be(this.value) & so_far.days:
            return so_far.said_by
        return next(
            (
                before
                for before in so_far.written
                if before.source == this.source
                and not cells_agree(before.value, this.value, dates=True)
            ),
            None,
        )

    @staticmethod
    def _narrowed(so_far: _BornSoFar, this: _Given) -> _BornSoFar:
        days = days_it_may_be(this.value) & so_far.days
        written = so_far.written
        # each spelling of each file once (fourth review: eight of one filled the list, and a
        # later one written the other way was compared with none); a few: memory stays small
        if len(written) < 8 and not any(
            (w.value, w.source) == (this.value, this.source) for w in written
        ):
            written = [*written, this]
        return _BornSoFar(days, written, this if days != so_far.days else so_far.said_by)


class _Given(NamedTuple):
    """A sex or birth date as a row gives it (see `PersonsSeen`)."""

    value: str
    source: str
    line: int
    panel: str


class _BornSoFar(NamedTuple):
    """A patient's birth dates so far (see `PersonsSeen`)."""

    days: set[dt.date]
    written: list[_Given]
    said_by: _Given


def _person_text(m: Measurement) -> str:
    """A row's patient, date, sex, age and birth date as `_person_fits` compares them."""
    return _who(m.patient_id, m.collected_at, m.sex or "", m.age or "", m.birth_date or "", m.name)


def _flag_written(m: Measurement, flag: str) -> str:
    """A lab's flag as the file writes it ('Critical', 'hoch', 'H!'), not as its code."""
    if m.flag_as_written is not None:
        return m.flag_as_written
    return flag_in(m.value, flag)


def _who(
    patient_id: str | None, collected_at: str | None, sex: str, age: str, birth_date: str,
    name: str | None = None,
) -> str:  # fmt: skip
    """A row's fields `_person_fits` compares, "p\0when\0sex\0age\0born", and "\0name" where
    the file has a person column (`Measurement.name`)."""
    # The sex as read ('F', 'female' alike); a sex, age or birth date the file writes
    # unreadably counts as not given (it has its own warning; review: 'not a date' was both
    # 'treated as not given' and a sample-conflict).
    sex = parse_sex(sex) or "" if sex else ""
    age = age if age and parse_age(age) is not None else ""
    birth_date = birth_date if birth_date and _may_be_a_day(birth_date) else ""
    who = f"{patient_id or ''}\0{collected_at or ''}\0{sex}\0{age}\0{birth_date}"
    who = who if name is None else f"{who}\0{name}"
    # a NUL in a cell would make a field of its own (fuzz: 'P\x00' stopped the run); the other
    # fields are read ones, blank where a NUL made them unreadable
    if (
        (patient_id and "\0" in patient_id)
        or (collected_at and "\0" in collected_at)
        or (name and "\0" in name)
    ):
        fields = (patient_id, collected_at, sex, age, birth_date, name)[: 5 + (name is not None)]
        return "\0".join((field or "").replace("\0", "\ufffd") for field in fields)
    return who


@functools.lru_cache(maxsize=1024)
def _may_be_a_day(text: str) -> bool:
    """Whether a date cell reads as a day, or as one of two ('03/04/1990')."""
    return read_date(text, in_utc=False) is not None or two_days(text) is not None


#: A row's sex, age and birth date cells where the file has none of those columns.
_NO_PERSON = ("", "", "")
#: Warnings of a sample's row that is not judged: its patient and date are the sample's all
#: the same (`Interpreter._issue_filled_down`)
_ROW_NOT_JUDGED = frozenset({"result-not-given", "sample-heading-skipped", "panel-heading-skipped"})
#: The fields of `_who`, as `sample-conflict` names them.
_WHO_FIELDS = ("patient", "collected", "sex", "age", "born", "name")
#: The fields as a warning names them (QA: "given with collected '2026-13-45'")
_WHO_SAID = ("patient", "collection date", "sex", "age", "birth date", "name")
_NAME = _WHO_FIELDS.index("name")
_COLLECTED = _WHO_FIELDS.index("collected")
#: As a file whose collections are a study's visits names them ('Day 8' is no date)
_WHO_SAID_BY_VISIT = (*_WHO_SAID[:_COLLECTED], "visit", *_WHO_SAID[_COLLECTED + 1 :])
_PATIENT = _WHO_FIELDS.index("patient")
_SEX_FIELD = _WHO_FIELDS.index("sex")
_AGE_FIELD = _WHO_FIELDS.index("age")
_BORN_FIELD = _WHO_FIELDS.index("born")
#: A row's cells `_filled_down` may fill, and their fields of `_who`
_FILLED_DOWN = (
    ("sex", _SEX_FIELD), ("age", _AGE_FIELD), ("birth_date", _BORN_FIELD),
    ("collected_at", _COLLECTED),
)  # fmt: skip
#: The fields each row is judged by: one that alone differs is asked about as a slip.
_JUDGED_BY = frozenset({"sex", "age", "birth date"})


def _one_spelling(who: str) -> str:
    """`_who` with its age and birth date as read, not as written ('43 y' as 43.0)."""
    fields = who.split("\0")
    if fields[_AGE_FIELD]:
        fields[_AGE_FIELD] = repr(parse_age(fields[_AGE_FIELD]))
    born = read_date(fields[_BORN_FIELD], in_utc=False) if fields[_BORN_FIELD] else None
    if born is not None:
        fields[_BORN_FIELD] = born.date().isoformat()
    return "\0".join(fields)


def _fields_apart(was: list[str], now: list[str]) -> list[int]:
    """The fields of two rows' `_who` that disagree (a blank cell agrees with any).

    A name counts only where neither row gives a patient id: the ids then say whose a row is
    (one person's name may be written 'Anna' and 'Ann', and trends follow the ids), while
    without them the name is all that tells two people's specimens apart.
    """
    apart = [
        field
        for field, (a, b) in enumerate(zip(was, now, strict=True))
        if not (
            parse_age(a) == parse_age(b) or not a or not b
            if field == _AGE_FIELD
            else cells_agree(a, b, dates=field in (_COLLECTED, _BORN_FIELD))
        )
    ]
    if _NAME in apart and (was[0] or now[0]):
        apart.remove(_NAME)
    return apart


def _person_fits(seen: dict[str, tuple[int, str]], line: int, who: str) -> bool:
    """Whether a row's patient, date, sex, age and birth date (`_who`) fit its sample's so
    far, kept in `seen`.

    A blank cell agrees with any (sheets filled down), and a value first given on this row
    is kept from here on, so that two other patients after a blank one still disagree.
    """
    first_line, first = seen.setdefault(_PERSON, (line, who))
    if first == who:  # nearly always: checked as each sample starts
        return True
    was, now = first.split("\0"), who.split("\0")
    if apart := _fields_apart(was, now):
        # each field once: a sample of many conflicting rows must not grow it (flat memory)
        disputed = seen.get(_DISPUTED, (0, ""))[1]
        added = [str(f) for f in apart if str(f) not in disputed.split()]
        if added:
            seen[_DISPUTED] = (0, " ".join([*disputed.split(), *added]))
        return False
    # The date kept is one that reads one way ('2026-04-03' over '03/04/2026'), so that a
    # later '2026-03-04' still disagrees (review: it agreed with the two-day date kept; a
    # birth date likewise).
    together = "\0".join(
        (one_way_date(a, b) or "") if field in (_COLLECTED, _BORN_FIELD) else a or b
        for field, (a, b) in enumerate(zip(was, now, strict=True))
    )
    if together != first:
        # the first line stays; a field first given here is said to be from this line
        kept = together.split("\0")
        given_here = [str(field) for field, a in enumerate(was) if kept[field] != a]
        if given_here:
            lines = seen.get(_PERSON_LINES, (0, ""))[1]
            seen[_PERSON_LINES] = (0, lines + "".join(f"{f}:{line} " for f in given_here))
        seen[_PERSON] = (first_line, together)
    return True


def blanks_filled_down(
    seen: dict[str, tuple[int, str]], who: str, patient_id: str | None, collected_at: str | None
) -> tuple[str | None, str | None]:
    """A sample's row's blank patient id and collection date as its rows before it give them
    (a sheet filled down), as its result states them in every format (QA: FHIR sent a high
    IL-8 with no patient and no date that JSON's trend gave it), as `_filled_down` fills."""
    if patient_id is not None and collected_at is not None:
        return patient_id, collected_at
    given = _given_before(seen, who)
    return patient_id or given.get(_PATIENT), collected_at or given.get(_COLLECTED)


def _given_before(seen: dict[str, tuple[int, str]], who: str) -> dict[int, str]:
    """The `_who` fields a sample's rows before gave, that a row (`who`) with them blank takes
    (a sheet filled down): none where the row is another specimen's (another patient or date),
    nor one the rows gave two values of (QA: a blank row under 'M' took the first row's 'F')."""
    kept = seen.get(_PERSON)
    if kept is None:
        return {}
    fields = kept[1].split("\0")
    if {_PATIENT, _COLLECTED, _NAME} & set(_fields_apart(fields, who.split("\0"))):
        return {}
    disputed = seen.get(_DISPUTED, (0, ""))[1].split()
    return {field: text for field, text in enumerate(fields) if text and str(field) not in disputed}


def _field_lines(seen: dict[str, tuple[int, str]]) -> dict[int, int]:
    """The line each of a sample's `_who` fields was first given on, where not its first row's
    (QA: a warning named the line whose sex cell was blank)."""
    pairs = (pair.split(":") for pair in seen.get(_PERSON_LINES, (0, ""))[1].split())
    return {int(field): int(line) for field, line in pairs}


#: Codes of the reader's warnings given once a file for each text (`Interpreter.judge_all`)
_ONCE_PER_TEXT = frozenset({"result-status-unread"})
#: The reader's warnings said once per file and text (`judge_all`)
_READ_ONCE_PER_TEXT = _ONCE_PER_TEXT | {"range-disagrees"}


_AnEvent = TypeVar("_AnEvent", StreamEvent, ResultRow)


def _status_unread(event: _AnEvent, marker: str | None) -> _AnEvent:
    """A result of a row whose result status panelcli cannot read, with a note saying so (its
    warning is given once for each status: developer QA round 9, FHIR sent the later rows as
    'final' and no format said a word of them); other events as they are."""
    if not isinstance(event, (Result, ResultRow)) or (
        marker is not None and event.marker_as_written != marker
    ):
        return event
    note = f"{event.note}; {STATUS_UNREAD_NOTE}" if event.note else STATUS_UNREAD_NOTE
    if isinstance(event, ResultRow):
        return event._replace(note=note)  # type: ignore[return-value]
    return event.model_copy(update={"note": note})  # type: ignore[return-value]


def sample_key(
    source: str, sample_id: str | None, patient_id: str | None, collected_at: str | None
) -> PanelKey:
    """Rows of one sample in one file form a panel; without a sample id, patient and date do."""
    if sample_id is not None:
        return (source, sample_id, None, None)
    return (source, None, patient_id, collected_at)


def _panel_of(m: Measurement) -> PanelKey:
    """The panel a measurement's result will be grouped in (see panel_key)."""
    return sample_key(m.source, m.sample_id, m.patient_id, m.collected_at)


def panel_key(result: Result | ResultRow | Issue) -> PanelKey:
    """The panel a result (or a rejected measurement) belongs to (see sample_key)."""
    return sample_key(result.source, result.sample_id, result.patient_id, result.collected_at)


def counts_as_flagged(status: Status, fail_on: FailOn) -> bool:
    """Whether a status sets exit code 1 under --fail-on (indeterminate never does)."""
    if fail_on == "never":
        return False
    if fail_on == "critical":
        return status == Status.CRITICAL
    return status in ABNORMAL


def validation_problems(
    interpreter: Interpreter,
    sources: Iterable[str],
    watch: Callable[[Iterator[list[StreamEvent]]], Iterator[list[StreamEvent]]] | None = None,
) -> Iterator[Issue]:
    """Every issue of a run, in file order, with a `no-reference` warning for each result whose
    marker the set does not know: read, but never judged (validate lists what check shows);
    `watch` wraps the lists of events read (a progress bar)."""
    batches = interpreter.stream_batches(sources, 512)
    if watch is not None:
        batches = watch(batches)
    # One line per marker and file, the rest counted at the file's end (lab QA round 8: a
    # 48-plex plate of 80 samples gave 2,880 lines, which buried its one real problem)
    more: dict[str, list[int]] = {}  # marker as written -> [last line, count] after the first
    source = None
    for event in itertools.chain.from_iterable(batches):
        if event.source != source:
            yield from _more_unjudged(source, more)
            source = event.source
        if isinstance(event, Issue):
            yield event
        elif event.status is Status.NO_REFERENCE:
            seen = more.get(event.marker_as_written)
            if seen is not None:
                seen[:] = [event.line, seen[1] + 1]
                continue
            more[event.marker_as_written] = [0, 0]
            # its column, sample and marker, as every row's issue gives them (review: only
            # this warning left them out of validate's line)
            yield Issue(
                severity="warning", code="no-reference", source=event.source, line=event.line,
                # the marker's column where its name is unknown, not where the person's range
                # is missing (second review)
                column=interpreter.marker_columns.get(event.source, event.column)
                if (event.note or "").startswith("no reference range for")
                else event.column,
                sample_id=event.sample_id,
                patient_id=event.patient_id, collected_at=event.collected_at,
                marker=event.marker_as_written, message=event.note or "",
            )  # fmt: skip
    yield from _more_unjudged(source, more)


def _more_unjudged(source: str | None, more: dict[str, list[int]]) -> Iterator[Issue]:
    """The `no-reference` results of a file after each marker's first, counted (and
    forgotten: the next file says its own)."""
    for marker, (last, count) in more.items():
        if count:
            results = "1 more result" if count == 1 else f"{count:,} more results"
            have = "has" if count == 1 else "have"
            yield Issue(
                severity="warning", code="no-reference", source=source or "", line=last,
                marker=marker, message=f"{results} of '{shorten(marker)}', the last on this "
                f"line, {have} no reference range in this set either (said once per marker)",
            )  # fmt: skip
    more.clear()


def check_files(
    sources: Iterable[str | os.PathLike[str]],
    ranges: ReferenceSet | str | os.PathLike[str] | None = None,
    options: CheckOptions | None = None,
) -> Report:
    """Read, validate and interpret files ('-' = stdin) into one report (the library API).

    Rows' and files' problems are in `report.rejected` and `report.warnings`, never raised;
    raises RangesError for a set that is missing or broken, ValueError for no file (see
    `CheckOptions` for its own).
    """
    if isinstance(sources, str | os.PathLike):  # a string would be read letter by letter
        raise TypeError("check_files takes a list of files; for one file use check_file")
    if options is not None and not isinstance(options, CheckOptions):
        # developer QA round 9: a dict gave "AttributeError: 'dict' object has no attribute"
        raise TypeError(
            f"options must be a CheckOptions, such as CheckOptions(age=40), not "
            f"{type(options).__name__}"
        )
    paths = [os.fspath(s) for s in sources]
    if not paths:  # developer QA round 14: a glob of an empty folder read as "nothing flagged"
        raise ValueError("check_files needs at least one file (the list given is empty)")
    reference_set = ranges if isinstance(ranges, ReferenceSet) else load_ranges(ranges)
    interpreter = Interpreter(reference_set, options or CheckOptions())
    interpreter.persons = PersonsSeen()  # a report held whole: its trends ask
    events = interpreter.stream(paths)
    return build_report(
        events, reference_set, interpreter.synthetic_sources, interpreter.wide_sources,
        interpreter.persons,
    )  # fmt: skip


def check_file(
    source: str | os.PathLike[str],
    ranges: ReferenceSet | str | os.PathLike[str] | None = None,
    options: CheckOptions | None = None,
) -> Report:
    """Read, validate and interpret one file into a report (the library API); as
    `check_files`: problems are in the report, a broken set raises RangesError."""
    return check_files([source], ranges, options)
