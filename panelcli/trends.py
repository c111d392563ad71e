"""Serial results: how each marker of one patient changed across collection dates.

Pure: panels in, `PatientTrend` models out (drawing the sparklines is the renderer's job).
"""

from __future__ import annotations

import contextlib
import functools
import math
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from itertools import chain, permutations, product
from math import factorial, prod
from typing import NamedTuple

from panelcli.models import (
    MarkerTrend,
    Panel,
    PatientTrend,
    ReferenceUsed,
    Result,
    Status,
    TrendDirection,
    TrendPoint,
    has_no_range,
)
from panelcli.patterns import lazy_pattern
from panelcli.reading import describe_source
from panelcli.summary import ABOVE, BELOW, CHANGE, few_in_words, first_few, join_names
from panelcli.units import (
    UnitProblem,
    conversion_exponent,
    convert,
    same_family,
    unit_as_read,
    unit_key,
)
from panelcli.values import (
    CRITICAL_NO_SIDE,
    FLAG_SIDE,
    NOT_KNOWN_DATES,
    number_text,
    person_key,
    shorten,
)

#: A rounding error's room in comparing with CHANGE (2.8 / 2.24 is 1.2499999999999998)
_WRITTEN_EXACTLY = 1 + 1e-9

_FLAGGED = (Status.LOW, Status.HIGH, Status.CRITICAL)


#: A visit named by one word and a number ('Visit 10', 'Day -1', 'V2', 'Week 0', or a number
#: alone: SDTM's VISITNUM, an Excel day number)
_NUMBERED = lazy_pattern(r"\s*(?P<word>\D*?)\s*(?P<number>[-+]?\d+(?:\.\d+)?)\s*")


def numbered_order(names: Sequence[str]) -> list[str] | None:
    """Collections that are no dates, in the order of their numbers where each is words and
    a number, the same words for all ('Visit 2' before 'Visit 10'), else None (trends QA
    round 17: a study export sorted as text, 'Visit 1, 10, 2, 3', said IL-6 went up and down
    and was still high at the last visit, which was Visit 10, inside the range)."""
    if any(len(name) > MAX_DATE_LENGTH for name in names):
        return None  # (no date's length: and the pattern is not run over a long text)
    numbered = [_NUMBERED.fullmatch(name) for name in names]
    words = {" ".join(m["word"].casefold().split()) if m else None for m in numbered}
    if len(words) != 1 or None in words:
        return None
    matched = [m for m in numbered if m]
    word = words.pop()
    if not word and all("." in m["number"] for m in matched):
        return None  # '15.3', '2.4': days and months with no year (review), not visits
    joined = _signs_join(matched, word)
    if joined is None:
        return None
    numbers = [
        float(m["number"][1:] if joined and _glued_sign(m) else m["number"]) for m in matched
    ]
    if len(set(numbers)) != len(numbers):
        return None  # 'Visit 1' and 'VISIT 1': which came first is not told
    return [name for _, name in sorted(zip(numbers, names, strict=True))]


#: Words of visits that count up from 1, never down ('Visit-2' is visit 2)
_COUNTED_UP = frozenset({"visit", "v", "cycle", "c", "period", "timepoint", "tp", "run"})


def _signs_join(matched: Sequence[re.Match[str]], word: str | None) -> bool | None:
    """Whether a '-' right after a word ('Visit-2', 'D-7') joins them rather than being a
    minus; None where it cannot be told (reviews: 'Visit-2' read as minus two reversed a
    study's visits, 'D-7' read as day 7 put a pre-dose day after D1). Joined where the word
    counts visits up (`_COUNTED_UP`: 'Visit-2', 'Visit-10', 'Visit 3'), unless two labels are
    then one number; a minus where a '+' is written too ('T-30', 'T+30'), or beside labels
    with none ('D-7', 'D1'; 'D-14', 'D-7', 'D28'); not told where every label has one and the
    word does not count up ('D-14', 'D-7' may be days before a dose, or days 14 and 7)."""
    glued = [m for m in matched if _glued_sign(m)]
    if not glued or any(m["number"][0] == "+" for m in glued):
        return False
    joined = [float(m["number"][1:]) for m in glued]
    others = [float(m["number"]) for m in matched if not _glued_sign(m)]
    if (word or "").rstrip("-") in _COUNTED_UP:
        return None if len(set(joined)) != len(joined) or set(joined) & set(others) else True
    return False if others else None


def _glued_sign(numbered: re.Match[str]) -> bool:
    """Whether a visit's number has a sign right after its word ('Visit-2', 'D-7')."""
    at = numbered.start("number")
    return numbered["number"][0] in "+-" and at > 0 and not numbered.string[at - 1].isspace()


def _date_order(
    dates: Sequence[str], placed: Mapping[str, tuple[datetime, str]] | None = None
) -> tuple[list[str], str | None, dict[str, str]]:
    """Distinct dates oldest first when all can be read (or are `placed`: a date that may be
    two days, put where both are); otherwise in order of appearance, with the first date that
    could not be read. Also each date's spelling as listed: one moment written two ways
    ('20.05.2026', '2026-05-20') is one date, as first written, and a day written once with no
    time is one date with all its tests, in no known order."""
    placed = placed or {}
    distinct = list(dict.fromkeys(d for d in dates if d not in placed))
    parsed: dict[str, datetime] = {}
    for written in distinct:
        when = read_date(written)
        if when is None:
            # In the file's order, a day that may be two is one date however it is written
            # ('03/04/2026', '03-04-2026 08:30'), as first written (review)
            # (a timed one with the day written without a time: two times are two tests,
            # 08:30 before 17:00 either way; review)
            untimed = {days for d in dates if (days := two_days(d)) and not _has_time(d)}
            first_of: dict[object, str] = {}
            as_listed = {
                d: first_of.setdefault(days if (days := two_days(d)) in untimed else d, d)
                for d in dates
            }
            everything = list(dict.fromkeys(as_listed.values()))
            return numbered_order(everything) or everything, written, as_listed
        parsed[written] = when
    # A test with only a date may have been before or after one at 08:00 that day; so may one
    # at 08:00 in no time zone beside one at 07:30Z. Each such day is one date, spelled as
    # first written with no time, else as the day alone ('2026-03-02').
    zoned = {_has_zone(d) for d in distinct if _has_time(d)}
    untimed_days: dict[date, str] = {}
    for written in distinct:
        if not _has_time(written):
            untimed_days.setdefault(_day(written), written)
    if len(zoned) > 1:
        by_zone = [{_day(d) for d in distinct if _has_time(d) and _has_zone(d) == z} for z in zoned]
        for written in distinct:
            if (day := _day(written)) in by_zone[0] & by_zone[1]:
                untimed_days.setdefault(day, day.isoformat())
                parsed.setdefault(day.isoformat(), datetime(day.year, day.month, day.day))

    def untimed_day(written: str) -> date | None:
        """The day written with no time that a test may share: its own day as written, or,
        for a time in a zone, its day in UTC (QA: '2026-05-20T21:00-05:00' was put after
        '2026-05-21', as midnight UTC, though that day may be the lab's 21 May)."""
        days = [_day(written), *([_utc_day(written)] if _has_zone(written) else [])]
        return next((day for day in days if day in untimed_days), None)

    shared = {d: untimed_day(d) for d in distinct}
    moment = {d: shared[d] or parsed[d] for d in distinct}
    first_spelling: dict[date | datetime | str, str] = {}
    for written in distinct:
        on = shared[written]
        first_spelling.setdefault(moment[written], untimed_days[on] if on else written)
    as_listed = {d: first_spelling[moment[d]] for d in distinct}
    for written in dict.fromkeys(d for d in dates if d in placed):  # no day of another date
        sort_by, spelling = placed[written]
        first_spelling[spelling] = as_listed[written] = spelling
        parsed[spelling] = sort_by
    return sorted(first_spelling.values(), key=parsed.__getitem__), None, as_listed


def _placed(readable: Sequence[str], two_day: Sequence[str]) -> dict[str, tuple[datetime, str]]:
    """Of dates that may be two days ('03/04/2026': 4 March or 3 April), those whose place
    among the `readable` ones is the same either way (no readable day from the one day to the
    other, and no other such date between them), each with the moment it is sorted by and the
    spelling it is listed by: dates with the same two days ('03/04/2026', '03-04-2026 08:30')
    are one date, as first written, as a day written with and without a time is."""
    days = set()
    for written in readable:  # its day as written, and in UTC, as `_date_order` sorts it
        days.add(_day(written))
        days.add(_utc_day(written))
    # Each date's two days as read (day first, month first): '04/03/2026' is the other way
    # round from '03/04/2026', so in one file the two are two days, in no known order (QA:
    # they were one date, and a result of the one listed under the other's date).
    read_as = {written: both for written in two_day if (both := two_days(written))}
    spans: dict[tuple[date, date], str] = {}  # each reading of two days, as first written
    for written, both in read_as.items():
        first, last = sorted(both)
        if not any(first <= day <= last for day in days):  # QA: else before or after one
            spans.setdefault(both, written)
    # Two tests at two times of such a day are two, in the order of their times whichever
    # day it is (lab QA round 19: 14:30 was listed under 08:00, their order 'not known'); a
    # test of that day with no time may be before or after either, so the day is one date.
    # ... as are times with a zone beside times with none: no known order (review of round 19)
    untimed: set[tuple[date, date]] = set()
    zoned: dict[tuple[date, date], set[bool]] = {}
    for written, both in read_as.items():
        if _has_time(written):
            zoned.setdefault(both, set()).add(_has_zone(written))
        else:
            untimed.add(both)
    untimed |= {both for both, zones in zoned.items() if len(zones) > 1}
    spelled: dict[tuple[tuple[date, date], datetime | None], str] = {}
    placed = {}
    for written, both in read_as.items():
        first, last = sorted(both)
        if both not in spans or any(
            other != both and first <= max(other) and min(other) <= last for other in spans
        ):
            continue  # beside a readable day, or overlapping another such date: order unknown
        timed = None if both in untimed else _at_its_time(first, written)
        spelling = spelled.setdefault((both, timed), written if timed else spans[both])
        placed[written] = (timed or datetime(first.year, first.month, first.day), spelling)
    return placed


def _at_its_time(day: date, written: str) -> datetime | None:
    """`day` at the time of day a date that may be two days gives ('03/02/2026 14:30'), as
    `read_date` reads it; None where it gives none that can be read."""
    text = _without_weekday(written.strip())
    timed = _time_after(text)
    if timed is None or not text[timed.end("day") : timed.end("day") + 1].isspace():
        return None
    return read_date(f"{day.isoformat()}{text[timed.end('day') :]}")


def _utc_moment(text: str) -> datetime:
    """The moment of a date panelcli can read, as dates are put in order."""
    when = read_date(text)
    assert when is not None
    return when


def _utc_day(text: str) -> date:
    """The calendar day of a date panelcli can read, in UTC (as dates are put in order)."""
    when = read_date(text)
    assert when is not None
    return when.date()


def _has_time(text: str) -> bool:
    """Whether a date that panelcli can read also gives a time of day ('2026-05-20T06:30')."""
    # not ' 2' alone: '1 Mar 2026' has no time; HL7's '20260520063000' has one (QA: taken
    # for a day with no time, it named the date of '2026-05-20T06:30' written before it)
    stripped = text.strip()
    return (
        re.search(r"\d:\d\d|\dT\d", stripped) is not None
        or bool(_HL7_TIME.match(stripped))
        # '2026-03-13 08.30', Oracle's '13-MAR-2026 08.00.00.000000000 AM' (developer QA round
        # 10: read with their time, but two draws of a day were then one, with no trend), with
        # a zone's name after it too ('2026-03-13 08.30 UTC': review 53)
        or _time_after(_UTC_NAMED.sub("", stripped) if stripped[-1:].isalpha() else stripped)
        is not None
    )


def zoned_moment(text: str) -> datetime | None:
    """The moment in UTC of a date with a time of day and a zone ('2026-03-13 08:30 UTC',
    HL7's '202603130830+0100'); None for any other (developer QA round 10: FHIR kept only
    the day of these, and said their time had no zone)."""
    stripped = text.strip()
    if not _has_time(stripped) or not (_has_zone(stripped) or _UTC_NAMED.search(stripped)):
        return None
    return read_date(stripped)


def _has_zone(text: str) -> bool:
    """Whether a date that panelcli can read gives a time zone ('07:30Z', '10:00+05:00')."""
    hl7 = _HL7_TIME.match(text.strip())  # '202605201800+0100' (review: taken for no zone)
    if hl7 is not None:
        return hl7["zone"] is not None
    try:
        return datetime.fromisoformat(text.strip()).tzinfo is not None
    except ValueError:  # day.month.year and slashed dates have none, unless written after
        timed = _time_after(text.strip())  # their time ('02.04.2026 07:40 +0200')
        return timed is not None and bool(timed["offset"])


def _day(text: str) -> date:
    """The calendar day of a date panelcli can read, as written (not moved to UTC)."""
    when = read_date(text, in_utc=False)
    assert when is not None
    return when.date()


def may_be_one_moment(first: str, second: str) -> bool:
    """Whether two dates as written may name one collection: the same moment ('03/14/2026',
    '2026-03-14'), or one day where either gives no time ('2026-05-20', '…T06:30')."""
    one, other = read_date(first), read_date(second)
    if one is None and other is None:
        # Two slashed dates of one file are written one way, whichever it is: '03/04/2026' and
        # '04/03/2026' are two days (review), and '03/04/2026 08:30' is the first's day.
        both = two_days(first)
        return both is not None and both == two_days(second)
    if one is None or other is None:
        # '03/04/2026' may be 3 April: so may '2026-04-03' be its day (QA: 'two specimens
        # mixed up?' of one date written two ways)
        days = _days_it_may_be(first, one) & _days_it_may_be(second, other)
        return bool(days)
    if one == other:
        return True
    return (not _has_time(first) or not _has_time(second)) and _day(first) == _day(second)


def one_way_date(kept: str | None, now: str | None) -> str | None:
    """The date a sample is named by: its first row's, or a later row's that reads one way
    where the first may be two days and this is one of them ('2026-04-03' for '03/04/2026'),
    so that the order of its rows does not decide whether it is a point of a trend (QA)."""
    if not kept:
        return now
    if (
        now
        and now != kept
        and read_date(kept) is None
        and read_date(now) is not None
        and may_be_one_moment(kept, now)
    ):
        return now
    return kept


def _days_it_may_be(text: str, read: datetime | None) -> set[date]:
    """The day a date is, or the two a slashed one may be ('03/04/2026'); none for no date."""
    return {_day(text)} if read is not None else set(two_days(text) or ())


#: HL7's date and time, as LIS exports write it: '20260301083000', '202603010830+0100'
#: (a day alone, '20260301', is ISO's too); not an hour alone ('2026030108'), whose ten
#: digits are seconds since 1970 too (review: 1772030108 was read as 1772-03-01)
_HL7_TIME = re.compile(
    r"^(?P<day>\d{8})(?P<time>\d{4}(?:\d{2}(?:\.\d{1,4})?)?)(?P<zone>[+-]\d{4})?$"
)
#: Besides ISO 8601: day.month.year, as German and other European exports write it (with a
#: dot it is never month-first; 01/02/2026 is left unread because it could be either); year
#: first with dots is `_year_first_dotted`'s.
_DOTTED = ("%d.%m.%Y", "%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S")


#: Longer than any date and time as a lab writes it ('Wednesday, 25 March 2026 08:15:30.123
#: AM +05:30'): a cell so long is no date, and is not searched for one
MAX_DATE_LENGTH = 100


# Remembered: a file repeats its collection dates row after row, and the general path reads
# each several times (a sample's date against its rows', a trend's order).
@functools.lru_cache(maxsize=4096)
def read_date(text: str, in_utc: bool = True) -> datetime | None:
    """An ISO date (and time), a day.month.year one, a slashed one whose day is past 12 or
    whose year comes first ('2026/03/01'), or one with the month's name ('1 Mar 2026'), each
    with or without a time; else None, as for a placeholder ('1900-01-01') or a day before 1900.

    `in_utc`: a time with an offset is moved to UTC, to be ordered ('10:00+05:00' is before
    '06:00Z'); else its own calendar date and time are kept (for counting an age).
    """
    text = text.strip()
    if len(text) > MAX_DATE_LENGTH:
        return None  # (fuzzing: 10,000 spaces took the patterns 18 s)
    if "  " in text:  # SQL Server's 'Apr  2 2026  7:40AM' (lab QA round 11); and no date is
        # long: runs of spaces made the patterns try each way to part them, for minutes (review)
        text = " ".join(text.split())
    elif text[2:3].isalpha() and (sas := _SAS_DATE.match(text)) is not None:
        text = f"{sas['day']} {sas['month']} {sas['year']} {sas['time'] or ''}".strip()
    if ". " in text and text[:1].isdigit():  # Czech '2. 3. 2026' (lab QA round 12: unreadable)
        text = _SPACE_AFTER_A_DOT.sub(".", text)

    if not text.isascii():  # 'März' with a combining '¨' (as some programs save it)
        text = unicodedata.normalize("NFC", text)
    read = _date_as_written(text)
    if read is None or read.year < EARLIEST_YEAR or read.date() in PLACEHOLDER_DAYS:
        return None
    if read.tzinfo and in_utc:
        try:
            read = read.astimezone(UTC)
        except OverflowError:  # past 9999-12-31 in UTC (fuzzing: a traceback): no real day
            return None
    return read.replace(tzinfo=None)


#: Days that spreadsheets and lab systems write for an empty date cell: Excel's day 0 and 1
#: (1899-12-30 in most readers of it, 1899-12-31 in others, 1900-01-01) and .NET's and SQL's
#: least date (0001-01-01). No sample was taken then: such a date is no date (QA).
PLACEHOLDER_DAYS = frozenset(
    {date(1899, 12, 30), date(1899, 12, 31), date(1900, 1, 1), date(1, 1, 1)}
)
#: A day before this year is no collection date (nor a living person's birth date).
EARLIEST_YEAR = 1900


def _date_as_written(text: str) -> datetime | None:
    """`read_date` of a stripped text, its offset kept, whatever its year."""
    if text[-1:].isalpha() and (zone := _UTC_NAMED.search(text)) is not None:
        # '2026-03-31 06:10:00 UTC', as databases write it (lab QA round 7: unreadable)
        day = _date_as_written(text[: zone.start()])
        return day.replace(tzinfo=UTC) if day is not None and day.tzinfo is None else day
    if "W" in text and _ISO_WEEK.match(text):
        return None  # a week, not a day
    if len(text) > 12 and text[10] in " T" and text[12] == ":" and text[11].isdigit():
        text = f"{text[:11]}0{text[11:]}"  # '2026-05-20 6:30Z': an hour of one digit (review)
    elif len(text) > 11 and text[:12].isdigit() and (hl7 := _HL7_TIME.match(text)):
        text = f"{hl7['day']}T{hl7['time']}{hl7['zone'] or ''}"  # QA: HL7-derived exports
    # ISO's reader takes '08.30' after a day as 8 hours and 0.3 of one (review of round 9):
    # a dotted time is read as hours and minutes below
    dotted_time = len(text) > 13 and text[10] in " T" and text[13:14] == "."
    try:
        if not dotted_time:
            return datetime.fromisoformat(text)
    except ValueError:
        # '… 08:30:15.123 +0100', as Go and some LIS audit exports write it (developer QA round
        # 11: unreadable, where the same without '.123' was read)
        if text[-5:-4] in "+-" or text[-6:-5] in "+-":
            spaced = _SPACED_OFFSET.search(text)
            if spaced is not None and ":" in text[: spaced.start()]:  # after a time only
                with contextlib.suppress(ValueError):
                    return datetime.fromisoformat(text[: spaced.start()] + spaced["offset"])
    for pattern in _DOTTED:
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    timed = _time_after(text)
    written = timed["day"] if timed else text
    day = (
        _slashed_date(written)
        or _named_month_date(written)
        or _year_first_dotted(written)
        or (_day_first_dotted(written) if timed is not None else None)  # '30.03.2026 0610'
        or (_weekday_told_day(written).told if written[:1].isalpha() else None)
    )
    if day is None and timed is not None:  # '2026-03-01 8:30 AM' (QA): ISO, but for the time
        with contextlib.suppress(ValueError):
            day = datetime.combine(date.fromisoformat(written), datetime.min.time())
    if day is None or timed is None:
        return day
    hour, minute, second = int(timed["hour"]), int(timed["minute"]), int(timed["second"] or 0)
    half = (timed["half"] or "").replace(".", "").casefold()
    if half:  # '8:30 AM', '12:15 PM'
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    try:
        return day.replace(hour=hour, minute=minute, second=second, tzinfo=_zone(timed["offset"]))
    except ValueError:  # 25:00
        return None


def _zone(offset: str | None) -> timezone | None:
    """The zone of an offset as `_TIME_AFTER` takes it ('+02:00', '-0500', 'Z'), else None."""
    if not offset:
        return None
    if offset == "Z":
        return UTC
    minutes = int(offset[1:3]) * 60 + int(offset[-2:])
    return timezone(timedelta(minutes=-minutes if offset[0] == "-" else minutes))


#: SAS's date and time ('02APR2026:07:40:00', lab QA round 11: unreadable): read as '02 APR
#: 2026 07:40:00'
_SAS_DATE = lazy_pattern(
    r"^(?P<day>\d{2})(?P<month>[A-Za-z]{3})(?P<year>\d{4})(?::(?P<time>\d{2}:\d{2}(?::\d{2})?))?$"
)


#: A space after a date's dot, before its next number ('2. 3. 2026', '2026. 03. 20.')
_SPACE_AFTER_A_DOT = lazy_pattern(r"(?<=\d)\. (?=\d{1,4}(?:\.| |$))")  # not before '08:15'
#: An offset after a time with a space before it ('08:30:15.123 +0100')
_SPACED_OFFSET = lazy_pattern(r"(?<=\d)\s+(?P<offset>[+-]\d{2}:?\d{2})\Z")
#: UTC by its name after a date and time ('… 06:10 UTC', '… GMT')
_UTC_NAMED = lazy_pattern(r"(?<=\d)\s+(?:UTC|GMT)\Z", re.IGNORECASE)
#: Another time zone by its letters ('CEST', 'EST'): which offset is meant is not told
_ZONE_LETTERS = lazy_pattern(
    r"(?<=\d)\s+(?P<zone>CES?T|E[SD]T|C[SD]T|M[SD]T|P[SD]T|BST|IST|JST|KST|AE[SD]T|HST|AK[SD]T"
    r"|WES?T|EES?T|MSK|NZ[SD]T|SAST|HKT|SGT|MES?Z)\Z"
)  # only zones' letters (review: 'STAT', 'HRS', 'UHR' were said to be zones)
#: How `why_no_date` starts for a date whose time zone is given by its letters
ZONE_BY_LETTERS = "gives its time zone by letters"


#: Why a date cell is no date (see `why_no_date`), said after the date as written.
UNREADABLE = "is not a date panelcli can read (such as 2026-03-02, 02.03.2026 or 14/03/2026)"
NAMES_NO_DAY = "names no day, only a year, a month or a week (a day is written as 2026-03-02)"
PLACEHOLDER = "is a placeholder date that spreadsheets write for an empty cell, not a real day"
BEFORE_1900 = f"is before {EARLIEST_YEAR}, too early to be the day a sample was taken"
#: ... followed by the date with its year in full, as an example (lab QA round 19: '01/04/26'
#: was told '(02.03.2026)', which looked like a correction to another day)
TWO_DIGIT_YEAR = "has a two-digit year, which could be of any century: write the year in full"
#: '02.03.26', '3/2/26', '02-03-26', '13-MAR-26' (Oracle's): a day with its year cut to two digits
_TWO_DIGIT_YEAR = lazy_pattern(
    r"^\d{1,2}([./-])\d{1,2}\1\d{2}$|^\d{1,2}\.?[ -][A-Za-z]{3,9}\.?[ -]\d{2}$"
)
#: Excel's day numbers of 1955 to 2118 ('45123'), as a date column not formatted as dates
#: exports them
_SERIAL = lazy_pattern(r"^(?P<day>[2-7]\d{4})(?:\.\d+)?$")


def _spreadsheet_serial(text: str) -> str | None:
    """Why '45123' is no date: a spreadsheet's number for a day, said with the day it is
    (QA: it was only 'not a date panelcli can read')."""
    match = _SERIAL.match(text)
    if match is None:
        return None
    day = date(1899, 12, 30) + timedelta(days=int(match["day"]))
    return (
        f"is a spreadsheet's number for a day ({match['day']} is {day.isoformat()} in Excel), "
        "not a date as written: format the column as a date before exporting"
    )


#: How `why_no_date` starts for a day its month lacks ('2026-02-30'), then names the month.
NO_SUCH_DAY = "is not a real day"


def why_no_date(text: str) -> str | None:
    """Why a date cell is no date in any reading ('2026-13-45', '2026-03', '1900-01-01'), one
    of the phrases above; None for a date, even '03/04/2026' (one of two days), and for 'N/A'."""
    text = text.strip()
    if read_date(text) is not None or text.casefold() in NOT_KNOWN_DATES:
        return None
    if len(text) > MAX_DATE_LENGTH:
        return UNREADABLE  # (fuzzing: 4,301 digits were past int()'s limit, an internal error)
    numbers = [int(n) for n in re.findall(r"\d+", text)[:3]]
    if (
        _DIGITS_ONLY.match(text)
        and len(numbers) == 3
        and sorted(numbers) in ([0, 0, 0], [0, 1, 1900])
    ):
        return PLACEHOLDER  # '0000-00-00', '00/00/0000'; '1900-01-00': Excel's day 0 as shown
    written = _date_as_written(text)
    if written is not None:
        return PLACEHOLDER if written.date() in PLACEHOLDER_DAYS else BEFORE_1900
    if _names_no_day(text):
        return NAMES_NO_DAY
    lettered = _ZONE_LETTERS.search(text)
    if lettered is not None and read_date(text[: lettered.start()]) is not None:
        return (
            f"{ZONE_BY_LETTERS} ('{lettered['zone']}'), which panelcli does not read (letters "
            "such as CST or IST stand for more than one zone): write it as an offset (+02:00) "
            "or leave it out"
        )
    zoned = _UTC_NAMED.search(text) if text[-1:].isalpha() else None
    bare = text[: zoned.start()] if zoned else text
    dated = _time_after(bare)  # a weekday before a date with a time (and 'GMT') too (review)
    named = _named_month_parts(dated["day"] if dated else text)
    if named is not None and (day := _day_or_none(*named)) is not None:
        said = _weekday_apart(text, day)
        if said is not None:  # lab QA: 'Mon, 25 Mar 2026' was read as the 25th, unsaid
            return (
                f"{WEEKDAY_APART}: {day.day} {_MONTH_NAMES[day.month]} {day.year} is a "
                f"{_WEEKDAY_NAMES[day.weekday()]}, not a {said}"
            )
    told, days, given = (
        _weekday_told_day(dated["day"] if dated else bare) if bare[:1].isalpha() else _NO_WEEKDAY
    )
    if told is None and days and all(one.weekday() != given for one in days):
        # 'Mon 02/04/2026': neither of its days is a Monday ('Thu 03/12/2026', both of whose
        # days are Thursdays, is two days: review of round 12, said to be neither)
        said = _WEEKDAY_NAMES[given]
        if len(days) == 1:
            actual = _WEEKDAY_NAMES[days[0].weekday()]
            return f"{WEEKDAY_APART}: {day_in_words(days[0])} is a {actual}, not a {said}"
        one, other = (day_in_words(day) for day in days)
        return f"{WEEKDAY_APART}: neither {one} nor {other} is a {said}"
    if days:  # both of its days are that weekday: read on as a slashed date
        text = _without_weekday(text)
    timed = _time_after(text)
    no_such_day = _no_such_day(timed["day"] if timed else text)
    if no_such_day is not None:
        return no_such_day
    match = _SLASHED.match(timed["day"] if timed else text)
    if match is None:
        cut = timed["day"] if timed else text  # its day, its year cut to two digits or not
        if _TWO_DIGIT_YEAR.match(cut):
            full = f"20{cut[-2:]}"
            return _spreadsheet_serial(text) or f"{TWO_DIGIT_YEAR} ({cut[:-2]}{full} if {full})"
        return _spreadsheet_serial(text) or UNREADABLE
    first, second, year = (int(part) for part in match.group(1, 3, 4))
    if _day_or_none(year, second, first) is None or _day_or_none(year, first, second) is None:
        return UNREADABLE
    return BEFORE_1900 if year < EARLIEST_YEAR else None  # either day: a date


_ISO_DAY = lazy_pattern(r"^(?P<year>\d{4})([-/])(?P<month>\d{1,2})\2(?P<day>\d{1,2})$")
_DOTTED_DAY = lazy_pattern(r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})$")
#: Year first with dots ('2026.03.20'), as Hungarian and East Asian exports write it (lab QA),
#: Hungarian with a space and a last dot too ('2026. 03. 20.', '2026.03.20.'; review)
_YEAR_DOTTED_DAY = lazy_pattern(r"^(?P<year>\d{4})\. ?(?P<month>\d{1,2})\. ?(?P<day>\d{1,2})\.?$")


def _day_first_dotted(text: str) -> datetime | None:
    """A day-first dotted date ('30.03.2026'), else None: before a time of four digits,
    which the strptime forms do not take (second review)."""
    return _day_matched(_DOTTED_DAY.match(text))


def _year_first_dotted(text: str) -> datetime | None:
    """A year-first dotted date ('2026. 03. 20.'), else None."""
    return _day_matched(_YEAR_DOTTED_DAY.match(text))


def _day_matched(found: re.Match[str] | None) -> datetime | None:
    """The day a pattern's year, month and day groups give, else None."""
    if found is None:
        return None
    return _day_or_none(int(found["year"]), int(found["month"]), int(found["day"]))


def _no_such_day(text: str) -> str | None:
    """Why '2026-02-30' or '31.04.2026' is no date: a month that has no such day (QA: it was
    'not a date panelcli can read (such as 2026-03-02 …)', the very form it has)."""
    if len(text) > 10 and text[10] in " T" and _ISO_DAY.match(text[:10]):
        text = text[:10]  # '2026-04-31T10:00:00Z': a time, with a zone, after it (review)
    match = _ISO_DAY.match(text) or _DOTTED_DAY.match(text) or _YEAR_DOTTED_DAY.match(text)
    if match is not None:
        year, month, day = (int(match[part]) for part in ("year", "month", "day"))
    elif (named := _named_month_parts(text)) is not None:  # '31 Apr 2026' (review)
        year, month, day = named
    else:  # '30/02/2026': a slashed date whose one reading with a month lacks its day
        slashed = _SLASHED.match(text)
        if slashed is None:
            return None
        first, second, year = (int(part) for part in slashed.group(1, 3, 4))
        readings = [(m, d) for m, d in ((second, first), (first, second)) if 1 <= m <= 12]
        if len(readings) != 1:
            return None
        ((month, day),) = readings
    if (
        not (1 <= month <= 12 and 29 <= day <= 31)
        or year < EARLIEST_YEAR
        or _day_or_none(year, month, day) is not None  # a real day (review: '2026-01-31T25:00')
    ):
        return None
    leap = " (it is not a leap year)" if (month, day) == (2, 29) else ""
    return f"{NO_SUCH_DAY}: {_MONTH_NAMES[month]} {year} has no day {day}{leap}"


def two_days(text: str) -> tuple[date, date] | None:
    """The two days a slashed date may be, day first and then month first ('03/04/2026': 3
    April or 4 March), with or without a time; None for a date panelcli reads one way only,
    and for any other text."""
    text = text.strip()
    if read_date(text) is not None or why_no_date(text) is not None:
        return None
    text = _without_weekday(text)  # 'Thu 03/12/2026': both days are Thursdays
    timed = _time_after(text)
    match = _SLASHED.match(timed["day"] if timed else text)
    if match is None:  # 'N/A'
        return None
    first, second, year = (int(part) for part in match.group(1, 3, 4))
    day_first, month_first = _day_or_none(year, second, first), _day_or_none(year, first, second)
    if day_first is None or month_first is None:
        return None
    return day_first.date(), month_first.date()


def two_days_said(text: str) -> str | None:
    """'3 April or 4 March 2026' for a date that may be either (see `two_days`); else None."""
    days = two_days(text)
    if days is None:
        return None
    return f"{_day_said(days[0])} or {_day_said(days[1])} {days[0].year}"


def year_first_said(text: str) -> str | None:
    """'2026-04-03 for 3 April': how a date that may be two days is written with the year
    first, so that it is read one way only (the first of `two_days`); else None."""
    days = two_days(text)
    return None if days is None else f"{days[0].isoformat()} for {_day_said(days[0])}"


def _day_said(day: date) -> str:
    """'3 April': in English whatever the machine's language (strftime's %B is not)."""
    return f"{day.day} {_MONTH_NAMES[day.month]}"


def day_in_words(day: date) -> str:
    """'3 April 2026', in English (see `_day_said`)."""
    return f"{_day_said(day)} {day.year}"


_DIGITS_ONLY = lazy_pattern(r"^[\d\s./:T-]+$")
#: A year alone, or with a month: '2026', '2026-03', '2026/3', '03/2026', '3.2026'.
_YEAR_MONTH = lazy_pattern(r"^\d{4}(?:[-/.](?P<after>\d{1,2}))?$|^(?P<before>\d{1,2})[-/.]\d{4}$")
#: A month's name and a year: 'March 2026', 'Mar-2026'.
_NAMED_MONTH_YEAR = lazy_pattern(r"^([A-Za-z]{3,9})\.?[ -]\d{4}$")
#: An ISO week with no weekday ('2026-W10', '2026W10'), which Python reads as its Monday.
_ISO_WEEK = lazy_pattern(r"^\d{4}-?W\d{2}$")


def _names_no_day(text: str) -> bool:
    """Whether a stripped cell gives a year, a year and a month, or a week, but no day."""
    if _ISO_WEEK.match(text):
        return True
    numbered = _YEAR_MONTH.match(text)
    if numbered is not None:
        month = numbered["after"] or numbered["before"]
        return month is None or 1 <= int(month) <= 12
    named = _NAMED_MONTH_YEAR.match(text)
    return named is not None and named.group(1).casefold() in _MONTHS


#: A time after a date that is not ISO nor dotted: '15/03/2026 08:30', '03/15/2026 8:30 AM'.
_TIME_AFTER = lazy_pattern(
    # ':' or, as Oracle's TIMESTAMP text and some European systems write it, '.' between
    # hours, minutes and seconds, and a fraction of a second ('13-MAR-2026 08.00.00.000000000
    # AM': lab QA round 9, unreadable)
    r"^(?P<day>.+?)[ T]+(?P<hour>\d{1,2})(?P<mark>[:.h])(?P<minute>\d{2})"
    r"(?:(?P=mark)(?P<second>\d{2})(?:[.,]\d{1,9})?)?\s*(?P<half>[AaPp]\.?[Mm]\.?)?"
    # and an offset ('02-04-2026 07:40:00 +02:00': lab QA round 11, unreadable)
    r"(?:\s*(?P<offset>[+-](?:[01]\d|2[0-3]):?[0-5]\d|Z))?$"
)
#: A day of digits and a time of four with no colon ('03/30/2026 0610', as Epic Beaker writes
#: it; lab QA round 7: the whole date was unreadable); not after a month's name ('30 Mar 2026'
#: is no day '30 Mar' at 20:26)
_HHMM_AFTER = lazy_pattern(
    r"^(?P<day>\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4})\s+(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)"
    r"(?P<second>)(?P<half>)(?P<offset>)$"
)


def day_and_time(text: str) -> tuple[str, str, str] | None:
    """A date and time's day as written, its time of day and its offset as `_time_after`
    parts them ('03/30/2026 0610': '03/30/2026', '06:10', ''; '…T08:00Z': …, '08:00', 'Z');
    None for text with no time after a day."""
    found = _time_after(text.strip())
    if found is None:
        return None
    time = f"{found['hour']}:{found['minute']}" + (f":{found['second']}" if found["second"] else "")
    time += f" {found['half']}" if found["half"] else ""
    return found["day"], time, found["offset"] or ""


def days_it_may_be(text: str) -> set[date]:
    """The day a date is, or the two a slashed one may be ('03/04/2026'); none for no date."""
    return _days_it_may_be(text, read_date(text))


def _time_after(text: str) -> re.Match[str] | None:
    """A date with its time of day after it: groups day, hour, minute, second and half."""
    if len(text) > MAX_DATE_LENGTH:
        return None  # (fuzzing: the pattern took 18 s over 10,000 spaces)
    if text[10:11] == "-" and text[13:14] == ":" and text[11:13].isdigit():
        # '-' between, as Meditech writes '02/03/2026-08:15' (lab QA round 12: unread); one
        # character for one, so the day's group has the same length
        text = f"{text[:10]} {text[11:]}"
    return _TIME_AFTER.match(text) or _HHMM_AFTER.match(text)


#: '14/03/2026', and with dashes '14-03-2026' (the same two readings; QA: it was no date).
_SLASHED = lazy_pattern(r"^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$")
#: '2026/03/14', '2026/3/4', '2026-3-4': year first is ISO's order (year, month, day), as
#: Japanese, Chinese and some LIS exports write it; no system writes year, day, month.
_SLASHED_YEAR_FIRST = lazy_pattern(r"^(\d{4})([/-])(\d{1,2})\2(\d{1,2})$")


def _slashed_date(text: str) -> datetime | None:
    """'03/14/1961' (month first, as US systems write it) or '14/03/1961' (day first): only
    when a number past 12 tells which is the day (or both are one); '03/04/1961' is either,
    so None. '1961/03/04' (year first) is always year, month, day."""
    year_first = _SLASHED_YEAR_FIRST.match(text)
    if year_first is not None:
        year, month, day = (int(part) for part in year_first.group(1, 3, 4))
        return _day_or_none(year, month, day)
    match = _SLASHED.match(text)
    if match is None:
        return None
    first, second, year = (int(part) for part in match.group(1, 3, 4))
    if first > 12 >= second or first == second:  # 03/03 reads alike either way
        day, month = first, second
    elif second > 12 >= first:
        month, day = first, second
    else:
        return None
    return _day_or_none(year, month, day)


_ENGLISH_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTHS: dict[str, int] = _ENGLISH_MONTHS | {
    # French, Italian, Spanish, Portuguese, German, Dutch (lab QA round 11: '2 avr. 2026',
    # '2 aprile 2026', '2 de abril de 2026', '02-Mrz-2026' were unreadable)
    name: number
    for number, names in enumerate(
        ("janv janvier gen gennaio ene enero janeiro jän jänner januar januari",
         "févr fevr février fevrier febbraio febrero fev fevereiro februar februari",
         "mars marzo março marco mär märz mrz maerz mrt maart",
         "avr avril aprile abr abril",
         "mai mag maggio mayo maio mei",
         "juin giu giugno junio junho juni",
         "juil juillet lug luglio julio julho juli",
         "août aout ago agosto augustus",
         "settembre set septiembre setembro",
         "ott ottobre octobre octubre out outubro okt oktober",
         "novembre noviembre novembro",
         "déc décembre decembre dic dicembre diciembre dez dezembro dezember"),
        start=1,
    )
    for name in names.split()
}  # fmt: skip
#: Each month's full English name, by its number.
_MONTH_NAMES = {
    number: max((n for n, m in _ENGLISH_MONTHS.items() if m == number), key=len).capitalize()
    for number in range(1, 13)
}
#: '1 Mar 2026', '01-Mar-2026', '1. March 2026' (day first) and 'Mar 1, 2026', 'March 01 2026'
_DAY_MONTH = lazy_pattern(r"^(\d{1,2})\.?[ -]([^\W\d_]{3,10})\.?[ -](\d{4})$")
_MONTH_DAY = lazy_pattern(r"^([^\W\d_]{3,10})\.? (\d{1,2}),? (\d{4})$")
#: Spanish's and Portuguese's 'de' between a day, its month and year ('2 de abril de 2026')
_DE = lazy_pattern(r"(?<=\w) de (?=\w)", re.IGNORECASE)
#: A weekday before such a date ('Wed, 25 Mar 2026', 'Thu Mar 26 2026', as mail and
#: JavaScript write dates): left off (lab QA: unreadable)
_WEEKDAY = lazy_pattern(
    r"^(?:mon|tue|wed|thu|fri|sat|sun)(?:s|rs|day|nesday|sday|rsday|urday)?\.?,?\s+",
    re.IGNORECASE,
)


#: The weekdays as `_WEEKDAY` starts them, in the order of `date.weekday()`.
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: How `why_no_date` starts for a date whose weekday is another day's ('Mon, 25 Mar 2026').
WEEKDAY_APART = "names a weekday that is not its day's"


def _named_month_date(text: str) -> datetime | None:
    """A date with the month's English name or its first three letters: never ambiguous;
    None where a weekday before it is another day's (which of the two was meant?)."""
    parts = _named_month_parts(text)
    day = None if parts is None else _day_or_none(*parts)
    if day is not None and _weekday_apart(text, day) is not None:
        return None
    return day


class _WeekdayDate(NamedTuple):
    """A date of digits after a weekday, as `_weekday_told_day` reads it."""

    told: datetime | None  # the one day the weekday tells, else None
    days: list[datetime]  # the days the digits may be
    weekday: int  # the weekday written, as `date.weekday()` numbers it (-1: none)


_NO_WEEKDAY = _WeekdayDate(None, [], -1)


def _without_weekday(text: str) -> str:
    """`text` without an English weekday before it ('Thu, 2 Apr 2026' as '2 Apr 2026')."""
    if text[:1].isalpha() and (weekday := _WEEKDAY.match(text)) is not None:
        return text[weekday.end() :]
    return text


def _weekday_told_day(text: str) -> _WeekdayDate:
    """The day of a date of digits after an English weekday ('Thu 02/04/2026', as Epic and
    Excel's long formats write it; lab QA round 11: unreadable), the weekday telling which of
    a slashed date's two days is meant; else None. Then the days it may be, as written."""
    weekday = _WEEKDAY.match(text)
    if weekday is None:
        return _NO_WEEKDAY
    rest = text[weekday.end() :]
    slashed = _SLASHED.match(rest)
    if slashed is not None:
        first, second, year = (int(part) for part in slashed.group(1, 3, 4))
        readings = [_day_or_none(year, second, first), _day_or_none(year, first, second)]
    else:
        readings = [_slashed_date(rest) or _year_first_dotted(rest) or _day_first_dotted(rest)]
    days = list(dict.fromkeys(day for day in readings if day is not None))
    written = _WEEKDAYS.index(weekday[0][:3].casefold())
    told = [day for day in days if day.weekday() == written]
    return _WeekdayDate(told[0] if len(told) == 1 else None, days, written)


def _weekday_apart(text: str, day: date) -> str | None:
    """The weekday `text` writes before `day` where it is not `day`'s ('Monday'), else None."""
    if not text[:1].isalpha() or (weekday := _WEEKDAY.match(text)) is None:
        return None
    written = _WEEKDAYS.index(weekday[0][:3].casefold())
    return None if written == day.weekday() else _WEEKDAY_NAMES[written]


def _named_month_parts(text: str) -> tuple[int, int, int] | None:
    """Year, month and day of a date written with its month's name, the day not checked
    ('31 Apr 2026' as 2026, 4, 31); None for other text."""
    text = _without_weekday(text)
    if " de " in text:
        text = _DE.sub(" ", text)
    match = _DAY_MONTH.match(text)
    if match is not None:
        day, month, year = match.groups()
    else:
        match = _MONTH_DAY.match(text)
        if match is None:
            return None
        month, day, year = match.groups()
    number = _MONTHS.get(month.casefold())
    return None if number is None else (int(year), number, int(day))


def _day_or_none(year: int, month: int, day: int) -> datetime | None:
    try:
        return datetime(year, month, day)
    except ValueError:  # 31/02/1990
        return None


def risen(before: float, after: float) -> bool:
    """Whether `after` is CHANGE times `before` or more (and above it: 0 then 0 is no rise),
    as the numbers are written: 2.24 then 2.8 is 1.25 times, though not in binary (review)."""
    return after > before and after * _WRITTEN_EXACTLY >= before * CHANGE


def direction_of(values: Sequence[float], all_censored_low: bool = False) -> TrendDirection:
    """Rising, falling, steady, or a peak/dip in the middle (each by CHANGE or more:
    docs/plain-language.md calls a change smaller than that steady; QA: 4 then 5 was steady)."""
    if all_censored_low or len(values) < 2:
        return "steady"
    first, last = values[0], values[-1]
    peak, dip = max(values), min(values)
    middle = values[1:-1]
    if middle and max(middle) == peak and risen(first, peak) and risen(last, peak):
        return "rose then fell"
    if middle and min(middle) == dip and risen(dip, first) and risen(dip, last):
        return "fell then rose"
    if risen(first, last):
        return "rising"
    if risen(last, first):
        return "falling"
    return "steady"


#: What a trend's reference says where earlier tests had another range than the last one.
OTHER_RANGE_BEFORE = " (the last test's; earlier tests had another)"


def _marker_trend(marker: str, dated: Sequence[tuple[str, Result]]) -> MarkerTrend | None:
    points = [
        TrendPoint(
            collected_at=r.collected_at or when,
            trend_date=when,
            sample_id=r.sample_id,
            source=r.source,
            line=r.line,
            value=r.value,
            comparator=r.comparator,
            status=r.status,
            flag=r.flag,
            written=r.original_value,
        )
        for when, r in dated
    ]
    # 'OOR >' too: above every number measured (review: 'OOR >', 30 had "no trend")
    known = [p for p in points if p.value is not None or p.comparator in (*BELOW, *ABOVE)]
    if len({p.trend_date for p in known}) < 2:
        return None
    last = dated[-1][1]
    reference = None
    if last.reference is not None:
        reference = last.reference.text
        unit = last.reference.unit
        if reference.endswith(f" {unit}") and (shown := unit_as_read(unit)) != unit:
            # as the trend's numbers show it (educator QA round 22: '205 µg/L · range 11 - 328
            # ug/L'); a result's `reference.text` keeps the set's spelling
            reference = reference[: -len(unit)] + shown
        if len({_limits(r.reference, unit) for _, r in dated if r.reference}) > 1:
            # QA: a lab's printed range on the last test was shown as every test's
            reference += OTHER_RANGE_BEFORE
    return MarkerTrend(
        marker=marker,
        unit=last.unit,
        reference=reference,
        points=points,
        direction=trend_direction(points),
        highest=highest_point(points),
    )


def _limits(reference: ReferenceUsed, unit: str) -> tuple[object, ...]:
    """A range's limits in `unit`, as compared between tests: '0 - 50 ng/mL' is '0 - 50000
    pg/mL', and '0 - 7' is '≤ 7' (code audit round 22: said to differ, 'the range changing'
    played down a rise past one limit of 7); its text where the units do not convert."""
    try:
        exponent = conversion_exponent(reference.unit, unit)
    except UnitProblem:
        return (reference.text,)
    low, high = reference.low, reference.high
    if low == 0 and not reference.low_exclusive:
        low = None  # no concentration is below 0
    return tuple(
        None if limit is None else float(f"{convert(limit, exponent):.9g}") for limit in (low, high)
    ) + (low is not None and reference.low_exclusive, high is not None and reference.high_exclusive)


def highest_point(points: Sequence[TrendPoint]) -> TrendPoint | None:
    """The highest number, or a '>100' placed above them all; None when a result known only
    by a limit may be higher ('<10' beside 2, '>100' beside 150)."""
    spots = placed(points)
    placed_high = [
        p
        for p, spot in zip(points, spots, strict=True)
        if p.value is not None
        and (p.comparator is None or spot is not None)
        and p.comparator not in BELOW
    ]
    # '>100' beside 100 is the higher (QA: "highest 100" where a later '>100' was higher)
    highest = max(placed_high, key=lambda p: (p.value or 0.0, p.comparator in ABOVE), default=None)
    if highest is None:
        return None
    may_be_higher = (
        spot is None
        and (p.value is not None or p.comparator in ABOVE)  # 'OOR >' is above them all (QA)
        and (p.comparator not in BELOW or (p.value or 0.0) > (highest.value or 0.0))
        for p, spot in zip(points, spots, strict=True)
    )  # fmt: skip
    return None if any(may_be_higher) else highest


def trend_direction(points: Sequence[TrendPoint]) -> TrendDirection:
    """The direction that every order the results allow agrees on, else 'unclear': two tests
    on one date may have been taken either way round."""
    values = [p.value for p in points if p.comparator is None and p.value is not None]
    if len(values) == len(points) >= 2 and len({p.trend_date for p in points}) == len(points):
        return _plain_direction(values)
    return _direction_by_orders(points)


def _plain_direction(values: Sequence[float]) -> TrendDirection:
    """`_direction_by_orders` of numbers measured one a date, in their one order: most
    trends, worked out without the orders and limits the general rule allows for (a big
    file's --format json spent most of its time there)."""
    rises: list[int] = []
    falls: list[int] = []
    for i, value in enumerate(values):  # as `most_moves`: the longest chains of moves
        rises.append(max((falls[j] + 1 for j in range(i) if risen(values[j], value)), default=0))
        falls.append(max((rises[j] + 1 for j in range(i) if risen(value, values[j])), default=0))
    if max(rises + falls, default=0) > 2:
        return "up and down"
    # as `possible_series`: the first, the lowest and the highest between, the last
    between = sorted(values[1:-1])
    return direction_of([values[0], *between[:1], *between[-1:], values[-1]])


def _direction_by_orders(points: Sequence[TrendPoint]) -> TrendDirection:
    """`trend_direction` by every order and value the results allow."""
    if most_moves(points, certain=True) > 2:
        return "up and down"
    directions = {direction_of(values) for values in possible_series(points)}
    # One turn or none is said only where a second turn is not possible either.
    if len(directions) == 1 and most_moves(points, certain=False) <= 2:
        return directions.pop()
    # Where that cannot be told, each order of one date's tests, if they are few
    by_order = _moves_in_each_order(points)
    # (each order's certain moves: a limit such as '<5' may be any value under it)
    if by_order and min(certain for certain, _ in by_order) > 2:
        return "up and down"
    if len(directions) == 1 and by_order and max(may for _, may in by_order) <= 2:
        return directions.pop()
    return "unclear"


#: Up to how many orders of one date's tests `_moves_in_each_order` tries one by one, and
#: for up to how many tests (review: a year of daily tests took 45 s)
MAX_ORDERS_TRIED = 120
MAX_TESTS_ORDERED = 40


def _moves_in_each_order(points: Sequence[TrendPoint]) -> list[tuple[int, int]]:
    """`most_moves` that the results certainly show, and may show, in each order of one
    date's tests, where the orders are few (else none): the general rule may count a test
    twice, and cannot see a turn each order has at another place (trends QA round 17: 1, then
    4 and 8 on one date, then 1.1 rose and fell in either order, and was said 'cannot tell')."""
    tests = _tests_with_bounds(points)
    if len(tests) > MAX_TESTS_ORDERED:
        return []
    groups = [[t for t in tests if t[0] == when] for when in dict.fromkeys(w for w, _ in tests)]
    if not 1 < prod(factorial(len(group)) for group in groups) <= MAX_ORDERS_TRIED:
        return []
    orders = [
        [(str(k), bounds) for k, (_, bounds) in enumerate(chain(*order))]
        for order in product(*(permutations(group) for group in groups))
    ]
    return [(_moves(tests, True), _moves(tests, False)) for tests in orders]


def _tests_with_bounds(points: Sequence[TrendPoint]) -> list[tuple[str, tuple[float, float]]]:
    """Each result's date and `_bounds`, of those with bounds."""
    return [(p.trend_date, b) for p, b in zip(points, _all_bounds(points), strict=True) if b]


def most_moves(points: Sequence[TrendPoint], certain: bool) -> int:
    """The most rises and falls by CHANGE or more, each the other way from the one before,
    that the results certainly show (or may show): 2, 9, 1, 20 has three, so turned twice.

    `certain`: one range a date, its tests being in no known order; else each test's own, a
    date's tests in any order (QA: 3, 4 and 150 on one date, 160 after, was 'rising' in one
    file order and 'cannot tell' in the other).
    """
    return _moves(_tests_with_bounds(points), certain)


def _moves(tests: list[tuple[str, tuple[float, float]]], certain: bool) -> int:
    """`most_moves` of results' dates and bounds, one date's together."""
    if certain:
        hulls: dict[str, tuple[float, float]] = {}
        for when, (low, high) in tests:
            seen = hulls.get(when, (low, high))
            hulls[when] = (min(seen[0], low), max(seen[1], high))
        tests = list(hulls.items())
    # A chain that rose into a test may take it at its highest, to fall from there; one that
    # fell into it at its lowest. A rise is certain only from the highest to the lowest.
    rises: list[int] = []  # the most moves in a chain that ends rising into each test
    falls: list[int] = []
    done = 0  # tests of earlier dates, whose chains are final
    for when in dict.fromkeys(when for when, _ in tests):
        group = [i for i in range(done, len(tests)) if tests[i][0] == when]
        for i in group:  # from earlier dates: one pass
            rose, fell = _chained(tests, i, range(done), rises, falls, certain)
            rises.append(rose)
            falls.append(fell)
        # One date's tests in any order (not certain: each its own): a chain may pass from
        # one to another either way; repeated until no chain grows (review: trying every
        # order was slow, and a cap on orders made steady repeats 'cannot tell'). A test
        # may be counted twice in a chain here, which can only say 'cannot tell' more often.
        for _ in range(len(group) if not certain and len(group) > 1 else 0):
            grown = False
            for i in group:
                rose, fell = _chained(tests, i, [j for j in group if j != i], rises, falls, False)
                if rose > rises[i] or fell > falls[i]:
                    rises[i], falls[i] = max(rose, rises[i]), max(fell, falls[i])
                    grown = True
            if not grown:
                break
        done += len(group)
    return max(rises + falls, default=0)


def _chained(
    tests: Sequence[tuple[str, tuple[float, float]]],
    i: int,
    before: Iterable[int],
    rises: Sequence[int],
    falls: Sequence[int],
    certain: bool,
) -> tuple[int, int]:
    """The most moves of a chain rising (falling) into test `i` from one of `before`."""
    low, high = tests[i][1]
    top, bottom = (low, high) if certain else (high, low)
    rose = fell = 0
    for j in before:
        earlier = tests[j][1]
        if risen(earlier[1] if certain else earlier[0], top):
            rose = max(rose, falls[j] + 1)
        if risen(bottom, earlier[0] if certain else earlier[1]):
            fell = max(fell, rises[j] + 1)
    return rose, fell


def possible_series(points: Sequence[TrendPoint]) -> list[list[float]]:
    """Every series that the results allow, as far as the direction can tell: the first, the
    lowest and highest between, the last. Any test on the first date may be the first, any on
    the last date the last, and results known only by a limit ('<10' then 30, or 2 then '>5')
    are at their lowest or their highest. Empty when fewer than two dates have such a result."""
    # A limit at either end counts too: 9, 2, '>5' rose at the end, whatever '>5' was.
    span = {i: b for i, b in enumerate(_all_bounds(points)) if b}
    if len({points[i].trend_date for i in span}) < 2:
        return []
    first_date = points[min(span)].trend_date
    last_date = points[max(span)].trend_date
    # One of each result's (lowest, highest): tests that are alike give the same series.
    # Of those, only the lowest and the highest first (last): a direction changes with each end
    # one way only, so one that both extremes agree on holds for every test between them.
    firsts = _extremes([i for i in span if points[i].trend_date == first_date], span)
    lasts = _extremes([i for i in span if points[i].trend_date == last_date], span)
    # A peak or a dip depends only on the lowest and highest between, so all at their lowest
    # and all at their highest cover every shape. Three at each end outlast the two skipped.
    by_value = {side: sorted(span, key=lambda i: span[i][side]) for side in (0, 1)}
    series = []
    for first, last in product(firsts, lasts):  # on two dates, so never one test
        for side, order in by_value.items():
            kept = [i for i in (*order[:3], *order[-3:]) if i not in (first, last)]
            between = [span[kept[0]][side], span[kept[-1]][side]] if kept else []
            for begin, finish in product(set(span[first]), set(span[last])):
                series.append([begin, *between, finish])
    return series


def _extremes(tests: list[int], span: dict[int, tuple[float, float]]) -> set[int]:
    """The tests with the lowest and the highest value of `tests` (by what each may be),
    each of a tie ('>5' beside 5: either may be the first, review; one was kept by row order,
    and the direction with it), and those whose highest is lowest and lowest is highest (1.2
    beside '<1.3': either may be the first, second review)."""
    lows, highs = [span[i][0] for i in tests], [span[i][1] for i in tests]
    low_ends, high_ends = (min(lows), max(lows)), (min(highs), max(highs))
    return {i for i in tests if span[i][0] in low_ends or span[i][1] in high_ends}


def _bounds(
    point: TrendPoint, spot: float | None, lowest: float | None, highest: float | None = None
) -> tuple[float, float] | None:
    """The lowest and highest value a result may have where the trend places it; None for
    one with no number ('OOR >'), which says nothing about the direction. `lowest`: the
    lowest number measured, under which an 'ND' is, by how much unknown (QA: 0.1 → 'ND' was
    'fell', though 'ND' may be 0.09)."""
    if point.value is None and point.comparator in BELOW:
        if lowest is not None:
            return 0.0, lowest
        return (0.0, 0.0) if spot is not None else None  # one level with the others, or unknown
    if point.value is None:
        # 'OOR >': above what the test measures, so above every number it measured (QA: it
        # was left out, and 1.0, 'OOR >', 1.1 "stayed about the same")
        if highest is None or point.comparator not in ABOVE:
            return None
        return highest, math.inf
    if spot is not None:
        # '>5000' placed above 4100 may be any amount higher (QA: 4100 then '>5000' was
        # "steady", as if it were 5000)
        return (spot, math.inf) if point.comparator in ABOVE else (spot, spot)
    return (0.0, point.value) if point.comparator in BELOW else (point.value, math.inf)


def _all_bounds(points: Sequence[TrendPoint]) -> list[tuple[float, float] | None]:
    """`_bounds` of each result."""
    measured = [p.value for p in points if p.value is not None and p.comparator is None]
    lowest, highest = min(measured, default=None), max(measured, default=None)
    bounds = [
        _bounds(p, spot, lowest, highest) for p, spot in zip(points, placed(points), strict=True)
    ]
    # Below detection, placed at 0 under the numbers; but of two such limits apart ('<5' then
    # '<2'), either may be the higher: each is anywhere under its own (QA: 10, '<5', '<2' was
    # 'falling', where '<5', '<2' alone could not tell)
    limits = [p.value for p in points if p.comparator in BELOW and p.value is not None]
    if limits and risen(min(limits), max(limits)):
        bounds = [
            (0.0, p.value) if b == (0.0, 0.0) and p.comparator in BELOW and p.value else b
            for p, b in zip(points, bounds, strict=True)
        ]
    return bounds


def first_to_last(points: Sequence[TrendPoint]) -> TrendDirection | None:
    """'rising' or 'falling' when every series the results allow ends higher (lower) than it
    began, whatever happened between; else None."""
    changes = {direction_of([values[0], values[-1]]) for values in possible_series(points)}
    return changes.pop() if len(changes) == 1 and changes & {"rising", "falling"} else None


#: Why a date is no day at all (`why_no_date`): never a point of a trend, not even in file order.
_NO_DAY = frozenset({PLACEHOLDER, BEFORE_1900, NAMES_NO_DAY})


def written_order(written: Iterable[str]) -> tuple[int, str] | None:
    """Which of a slashed date's two days (`two_days`) one person's dates mean, where one of
    them can be read only one way and none the other: (0, '13/03/2026') the day first, (1,
    '03/13/2026') the month first; None where they do not tell, or tell both."""
    found: dict[int, str] = {}
    for text in written:
        timed = _time_after(text.strip())
        match = _SLASHED.match(timed["day"] if timed else text.strip())
        if match is None or read_date(text) is None:
            continue
        first, second = int(match[1]), int(match[3])
        if first > 12 >= second:
            found.setdefault(0, text)
        elif second > 12 >= first:
            found.setdefault(1, text)
    return next(iter(found.items())) if len(found) == 1 else None


def _read_one_way_not_placed(
    written: Sequence[str], unreadable: Collection[str]
) -> dict[str, tuple[datetime, str]]:
    """`read_one_way`, but for the dates `_placed` puts where both their days would: those
    keep their place and their sentence ('Either way …'), as before."""
    placed = _placed(
        [d for d in written if d not in unreadable], [d for d in written if d in unreadable]
    )
    return {d: read for d, read in read_one_way(written, unreadable).items() if d not in placed}


def read_one_way(
    written: Sequence[str], unreadable: Collection[str]
) -> dict[str, tuple[datetime, str]]:
    """The `unreadable` dates of one person's (of one file) that their `written_order` reads
    one way, as `_placed` places a date; none whose day another date gives too ('01/03/2026'
    beside '2026-03-01' or '1/3/2026': which came first that day is not known; review, three
    spellings of 1 March were three points, rising and falling)."""
    order = written_order(written)
    read = (
        _same_order_either_way(written, unreadable)
        if order is None
        else _read_in_order([d for d in written if d in unreadable], order[0])
    )
    # each date's day, and its moment where it gives a time: two times of one day are two
    # tests in order (review: a morning's and an evening's draw were both left out)
    others = [
        (_day(d), _utc_moment(d) if _has_time(d) else None)
        for d in dict.fromkeys(written)
        if d not in unreadable
    ]
    others += [(moment.date(), moment if _has_time(d) else None) for d, (moment, _) in read.items()]

    def alone(text: str, moment: datetime) -> bool:
        timed = moment if _has_time(text) else None
        same_day = [when for day, when in others if day == moment.date()]
        # itself once; any other that day with no time, or at the same moment, collides
        return sum(1 for when in same_day if when is None or timed is None or when == timed) == 1

    return {d: read_as for d, read_as in read.items() if alone(d, read_as[0])}


def _same_order_either_way(
    written: Sequence[str], unreadable: Collection[str]
) -> dict[str, tuple[datetime, str]]:
    """Dates that may be two days, read day first, where reading all of them day first or
    all month first puts every date in the same order (QA: '03/05/2026', '01/03/2026',
    '02/04/2026' were taken in the file's order, 'fell, then rose', though either way they
    rise, then fall); else none."""
    ambiguous = [d for d in dict.fromkeys(written) if d in unreadable and two_days(d)]
    if len(ambiguous) < 2:  # one alone: `_placed` puts it where both its days do
        return {}
    readings = [_read_in_order(ambiguous, which) for which in (0, 1)]
    if any(len(read) != len(ambiguous) for read in readings):
        return {}
    readable = []
    for text in dict.fromkeys(written):
        if text not in unreadable:
            when = read_date(text)
            if when is None:
                return {}
            readable.append((when, text))
    orders = []
    for read in readings:
        moments = sorted([*readable, *((moment, text) for text, (moment, _) in read.items())])
        if len({moment for moment, _ in moments}) != len(moments):  # two at one moment
            return {}
        orders.append([text for _, text in moments])
    return readings[0] if orders[0] == orders[1] else {}


def _read_in_order(dates: Iterable[str], which: int) -> dict[str, tuple[datetime, str]]:
    """Dates that may be two days, each read as the `which` of them (`written_order`), with
    its time, as `_placed` places a date: the moment it is sorted by, and its spelling."""
    read = {}
    for text in dates:
        days = two_days(text)
        if days is None:
            continue
        timed = _time_after(text.strip())
        rest = text.strip()[len(timed["day"]) :] if timed else ""
        moment = read_date(f"{days[which].isoformat()}{rest}")
        if moment is not None:
            read[text] = (moment, text)
    return read


class Followed(NamedTuple):
    """A patient's dates as a trend follows them (`dates_followed`)."""

    dates: list[str]  # oldest first
    unread: str | None  # the first that could not be read, where the file's order is used
    as_listed: dict[str, str]  # each date's spelling as listed
    left_out: set[str]  # left out as unreadable
    two_day: dict[str, tuple[datetime, str]]  # placed though they may be two days
    read: frozenset[str] = frozenset()  # of those, read one way (`read_one_way`)
    order: tuple[int, str] | None = None  # the date that tells the day or month first


def dates_followed(written: Sequence[str], tell_order: bool = True) -> Followed:
    """A patient's dates as a trend follows them, of its samples' dates as written (in file
    order; `tell_order`: all of one file, whose dates may tell how to read the others). One
    rule for trends and for the count of patients a big file's overview gives (review:
    they disagreed)."""
    # A date that cannot be read is left out, as a blank one is, so that the dates that can
    # be read keep their order; only when none can be read is the file's order used, but
    # never of a date that is no day in any reading (QA: '1899-12-30' and '00/00/0000', two
    # placeholders for an empty cell, made a rising trend).
    unreadable = {d for d in written if read_date(d) is None}
    no_day = {d for d in unreadable if why_no_date(d) in _NO_DAY}
    if no_day:
        followed = dates_followed([d for d in written if d not in no_day], tell_order)
        return followed._replace(left_out=followed.left_out | no_day)
    # A date that may be two days is read one way where the patient's other dates write the
    # day first ('13/03/2026') or the month first, and none the other way (QA: a nurse's
    # day-first log lost its peak on '02/03/2026'); else put where both would put it
    # (review), even among such dates alone ('03/04/2026' is before '05/06/2026' either way)
    resolved = _read_one_way_not_placed(written, unreadable) if tell_order else {}
    rest = [d for d in written if d not in resolved]
    two_day = {
        **_placed([d for d in rest if d not in unreadable], [d for d in rest if d in unreadable]),
        **resolved,
    }
    days = {when.date() for when, _ in two_day.values()}  # (two times of one day are one)
    if len(unreadable) < len(set(written)) or len(days) > 1:
        left_out = {d for d in unreadable if d not in two_day}
    elif days and len(two_day) == len(set(written)):
        left_out = set()  # one day written two ways, and no other: one date (QA: two, rising)
    else:
        left_out, two_day = set(), {}
    dates, unread, as_listed = _date_order([d for d in written if d not in left_out], two_day)
    order = written_order(written) if tell_order else None
    return Followed(
        dates, unread, as_listed, left_out, two_day, frozenset(resolved) & two_day.keys(), order
    )


def dates_counted(written: Sequence[str], tell_order: bool = True) -> int:
    """How many dates a trend follows of these (`dates_followed`), quickly where each is a
    plain ISO day ('2026-03-01'), as most files give them: each is a date of its own."""
    days = [_plain_day(text) for text in written]
    return len(dates_followed(written, tell_order)[0]) if None in days else len(set(days))


def _plain_day(text: str) -> date | None:
    """A plain ISO day that is a real day ('2026-03-01', not '1900-01-01'); else None."""
    if len(text) != 10 or text[4] != "-":
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return None if day.year < EARLIEST_YEAR or day in PLACEHOLDER_DAYS else day


#: A patient's sexes and birth dates, as `check.PersonsSeen` notes them: field -> the first
#: (value, file, line, sample) and the first another sample gives
PersonFields = Mapping[str, Sequence[tuple[str, str, int, str | None]]]
PersonFacts = Mapping[str, PersonFields]


def find_trends(panels: Sequence[Panel], persons: PersonFacts | None = None) -> list[PatientTrend]:
    """A trend for every patient with results on two or more collection dates; `persons`:
    each patient's sexes and birth dates, where they are followed."""
    by_patient: dict[str, list[Panel]] = {}
    undated: dict[str, list[Panel]] = {}  # a patient's samples with no date: said, not lost
    # A sample none of whose rows could be used has no point, but its test is said, not lost
    # (QA: a last test all rejected made an earlier one "the last test").
    unusable: dict[str, list[Panel]] = {}
    # Each patient by `person_key`, so that 'P1' and 'p1' are one, as sample-conflict has it
    # (QA: p1's sample was silently left out of P1's trend); named as first written.
    written: dict[str, str] = {}
    for panel in panels:
        if not panel.patient_id:
            continue
        key = person_key(panel.patient_id)
        written.setdefault(key, panel.patient_id)
        if not panel.results:
            # not one the lab gave no result for (pending, cancelled): its panel says so, and
            # nothing of it was unusable (review: 'has no result that could be used')
            if not panel.summary.given_none:
                unusable.setdefault(key, []).append(panel)
        elif panel.collected_at:
            by_patient.setdefault(key, []).append(panel)
        else:
            undated.setdefault(key, []).append(panel)
    trends = []
    for key, patient_panels in by_patient.items():
        patient_id = written[key]
        # a lab's day or month first tells only of its own file's dates (review: a US file's
        # '03/15/2026' read a European file's '04/03/2026' as 3 April)
        one_file = len({p.source for p in patient_panels}) == 1
        followed = dates_followed([p.collected_at or "" for p in patient_panels], one_file)
        dates, unread, as_listed, left_out, two_day = followed[:5]
        unreadable = [p for p in patient_panels if p.collected_at in left_out]
        patient_panels = [p for p in patient_panels if p.collected_at not in left_out]
        if len(dates) < 2:
            # one date that can be read is no trend, but it is said; not one kept only in the
            # file's order (review: '46000' beside a placeholder was said to be read)
            # with a test of no date too (QA: a critical 400 with a blank date was said
            # nowhere to be left out of a trend)
            if (unreadable or key in undated) and dates and unread is None:
                tests = _samples_in([*patient_panels, *unreadable])
                trends.append(
                    _one_date_read(patient_id, dates[0], unreadable, tests, undated.get(key, ()))
                )
            elif dates and (tests := _samples_in(patient_panels)) > 1:
                # times with and without a zone cannot be put in order: one date (QA: a zoned
                # time beside two plain ones took the trend away without a word); nor can a
                # test of the day with no time (lab QA round 19: nothing said why)
                written_dates = [p.collected_at or "" for p in patient_panels]
                zones = {bool(_ZONED.search(written)) for written in written_dates}
                timed = sum(map(_has_time, written_dates))
                day = re.split(r"[T ]", dates[0])[0]
                why = (
                    "at times that cannot be put in order. So" if len(zones) > 1
                    else "and not every test gives a time of day. Which came first is not "
                    "known, so" if 0 < timed < len(written_dates)
                    else "with no time of day. Which came first is not known, so" if not timed
                    # one time written for both (review of round 20: no trend, not a word)
                    else "at one time of day. Which came first is not known, so"
                )  # fmt: skip
                trends.append(_one_date_only(patient_id, day, tests, why))
            continue
        position = {d: i for i, d in enumerate(dates)}
        by_marker: dict[str, list[tuple[str, Result]]] = {}
        doubted: dict[str, list[str]] = {}  # marker: the dates of its numbers in doubt
        critical_either_way: dict[str, list[str]] = {}  # ... of those critical however read
        mixed: dict[str, list[str]] = {}  # marker: samples of its results from another person
        mixed_outside: dict[str, list[str]] = {}  # marker: how those were outside the range
        no_range: dict[str, list[str]] = {}  # marker: dates of results with no range
        # marker: the dates it was past the critical limits, its only limits, how many they
        # are, and whose ('lab': any in the file, else the set's)
        limits_alone: dict[str, tuple[list[str], int, bool]] = {}
        seen: set[tuple[object, ...]] = set()
        for panel in sorted(
            patient_panels, key=lambda p: position[as_listed[p.collected_at or ""]]
        ):
            for result in panel.results:
                when = as_listed[panel.collected_at or ""]
                # One sample in two files is two panels, but its reading is one point; a copy
                # in doubt ('2.500' in a ';' file) is not the certain one (QA: which file came
                # first decided whether the trend was drawn)
                reading = (
                    result.marker, when, result.sample_id, result.value, result.comparator,
                    result.number_in_doubt,
                )  # fmt: skip
                if result.sample_id is not None and reading in seen:
                    continue
                seen.add(reading)
                # A row that gives its sample another patient or date (sample-conflict) is in
                # the sample's panel, but is no point of this patient's trend (QA: P2's IL-8
                # was drawn as P1's, on P1's later date).
                if not _fits_panel(result, panel):
                    mixed.setdefault(result.marker, []).append(result.sample_id or "")
                    if (how := _outside_said(result)) is not None:
                        mixed_outside.setdefault(result.marker, []).append(how)
                    continue
                # A marker with no range may be in any unit, so its values cannot be compared;
                # nor can a number that may be read two ways (QA: '1.500' drawn as 1.5).
                if result.number_in_doubt:
                    doubted.setdefault(result.marker, []).append(when)
                    if result.flag == CRITICAL_NO_SIDE:
                        critical_either_way.setdefault(result.marker, []).append(when)
                elif result.status != Status.NO_REFERENCE and not has_no_range(result.reference):
                    by_marker.setdefault(result.marker, []).append((when, result))
                else:
                    no_range.setdefault(result.marker, []).append(when)
                    if has_no_range(result.reference):
                        # a lab's critical limit with no range is no range to compare by
                        # (QA: its one test past it was 'compared on only one date')
                        past, _, _ = limits_alone.get(result.marker, ([], 0, False))
                        if result.status is Status.CRITICAL:
                            past.append(when)
                        limits_alone[result.marker] = (past, *_limits_of(result))
        for marker, days in list(doubted.items()):  # not of a date a certain copy gives
            points = {when for when, _ in by_marker.get(marker, ())}
            if not (days := [d for d in days if d not in points]):
                del doubted[marker]
            else:
                doubted[marker] = days
        critical_either_way = {
            marker: kept
            for marker, days in critical_either_way.items()
            if (kept := [d for d in days if d in doubted.get(marker, ())])
        }
        other_unit = _in_one_unit(by_marker)
        markers = [
            trend
            for marker, dated in by_marker.items()
            if (trend := _marker_trend(marker, dated)) is not None
        ]
        # Markers with results but no trend are said, not silently missing from it (QA).
        trended = {m.marker for m in markers}
        single = [n for n in by_marker if n not in trended and n not in other_unit]
        untrended = {
            "single": single,
            "units": [n for n in other_unit if n not in trended],
            "doubted": [n for n in doubted if n not in by_marker],  # trended are in by_marker
            "no_range": [
                n for n in no_range
                if n not in by_marker and n not in doubted and n not in limits_alone
            ],
            "limits_alone": [
                n for n in limits_alone if n not in by_marker and n not in doubted
            ],
        }  # fmt: skip
        with_results = {p.sample_id for p in patient_panels if p.sample_id is not None}
        empty = [
            (p.sample_id, p.collected_at)
            for p in unusable.get(key, ())
            if p.sample_id is None or p.sample_id not in with_results
        ]
        if markers or any(untrended.values()):  # tested twice: said even with no trend
            text = trend_sentences(
                patient_id,
                dates,
                markers,
                unread,
                [p.sample_id for p in undated.get(key, ())],
                [(p.sample_id, p.collected_at or "") for p in unreadable],
                doubted,
                empty,
                mixed,
                untrended,
                other_unit,
                [*undated.get(key, ()), *unreadable],
                mixed_outside,
                no_range,
            )
            text.extend(_limits_alone_said(limits_alone, untrended["limits_alone"]))
            text.extend(_critical_either_way_said(critical_either_way))
            # right after 'tested on N dates' (review: after the last sentence, it was lost)
            placed_panels = [p for p in patient_panels if p.collected_at in two_day]
            text[1:1] = _placed_said(dates, as_listed, placed_panels, followed.order, followed.read)
            trends.append(
                PatientTrend(
                    patient_id=patient_id,
                    dates=dates,
                    markers=markers,
                    text=_hl7_dates_readable(text, dates),
                )  # fmt: skip
            )
    trends = _zeros_lost(trends, written)
    if persons is not None:
        # lines named with their files where the patient's samples are in several (review)
        files: dict[str, set[str]] = {}
        for panel in panels:
            if panel.patient_id:
                files.setdefault(person_key(panel.patient_id), set()).add(panel.source)
        for followed_trend in trends:
            key = person_key(followed_trend.patient_id)
            several = len(files.get(key, ())) > 1
            if said := _two_people_said(followed_trend.patient_id, persons.get(key), several):
                # after 'tested on N dates'
                followed_trend.text.insert(1 if followed_trend.dates else 0, said)
    return trends


def _two_people_said(
    patient_id: str, given: PersonFields | None, files: bool = False
) -> str | None:
    """A sentence where a patient's samples give two sexes or birth dates (trends QA round
    17: a girl of 13 and a man of 65 with one id were one person's trend, unsaid); else None.
    `files`: the patient's samples are in several files, so each line names its file."""
    parts = []
    for field, two in (("sex", "two sexes"), ("birth date", "two birth dates")):
        seen = (given or {}).get(field, ())
        if len(seen) < 2:
            continue
        each = [
            f"{value} on line {line}" + (f" of {describe_source(source)}" if files else "")
            for value, source, line, _ in seen
        ]
        parts.append(f"{two}: {' and '.join(each)}.")
    if not parts:
        return None
    # short sentences, a fact each (grade 8)
    said = f"The samples of patient {patient_id} give {parts[0]}"
    if len(parts) > 1:
        said += f" They also give {parts[1]}"
    return f"{said} They may be two people's samples. Check the patient ids before reading on."


def _zeros_lost(trends: list[PatientTrend], written: dict[str, str]) -> list[PatientTrend]:
    """`trends`, with a sentence for each patient whose id is another's but for zeros at its
    start ('123' beside '00123'), as Excel drops them from an id it takes for a number (lab QA
    round 9: a patient's two weeks were two people's, with no word): in that patient's trend,
    or in one of its own with no dates or markers. They are not taken for one: '0123' may be
    another."""
    by_number: dict[str, list[str]] = {}
    for key in written:
        if key.isdigit() and key.isascii() and key.strip("0"):
            by_number.setdefault(key.lstrip("0"), []).append(key)
    said = {trend.patient_id: trend for trend in trends}
    for keys in by_number.values():
        if len(keys) < 2:
            continue
        shortest, *longer = sorted(keys, key=len)
        patient_id = written[shortest]
        others = " or ".join(written[key] for key in longer)
        sentence = (
            f"Patient {patient_id} may be patient {others}. Excel drops the zeros at the start "
            "of an id that looks like a number. Here they are shown as different people. If "
            "they are one person, save the id column as text and export the file again."
        )
        trend = said.get(patient_id)
        if trend is not None:
            trend.text.append(sentence)
            continue
        trends.append(PatientTrend(patient_id=patient_id, dates=[], markers=[], text=[sentence]))
    return trends


def _critical_either_way_said(critical: Mapping[str, Sequence[str]]) -> list[str]:
    """Of tests left out of a trend for a number read two ways, those critical either way
    (flag AA): said so (note 63: only 'not compared' was said of them)."""
    said = []
    for marker, days in critical.items():
        on = join_names(list(dict.fromkeys(days)))
        tests = "test" if len(set(days)) == 1 else "tests"
        said.append(
            f"{marker}'s {tests} on {on} {'is' if tests == 'test' else 'are'} at or past a "
            "critical limit however the number is read. A result like this should be talked "
            "over with a healthcare provider soon."
        )
    return said


def _hl7_dates_readable(text: list[str], dates: Sequence[str]) -> list[str]:
    """The sentences with HL7's dates ('20260301083000') as a reader reads them ('2026-03-01
    08:30'; QA: 'tested on 2 dates, from 20260301083000 to …'); tables keep them as written."""
    said = {date: _readable(date) for date in dates if _COMPACT_DATE.match(date.strip())}
    if not said:
        return text
    pattern = re.compile("|".join(map(re.escape, sorted(said, key=len, reverse=True))))
    return [pattern.sub(lambda found: said[found[0]], sentence) for sentence in text]


def readable_date(date: str) -> str:
    """A date as sentences say it: HL7's ('20260310') as ISO writes it, any other as written
    (a trend's title too: lab QA round 21, '20260310 to 2026-06-01' over its sentence's
    '2026-03-10 to 2026-06-01')."""
    return _readable(date) if _COMPACT_DATE.match(date.strip()) else date


def _readable(date: str) -> str:
    """An HL7 (or ISO basic) date as ISO writes it, with its time to the minute (in its own
    zone, as written) where it gives one."""
    when = read_date(date, in_utc=False)
    if when is None:
        return date
    return when.strftime("%Y-%m-%d %H:%M" if len(date.strip()) > 8 else "%Y-%m-%d")


#: A date written without its dashes: HL7's, or ISO's basic '20260701' (review: it was said so)
_COMPACT_DATE = lazy_pattern(rf"^\d{{8}}$|{_HL7_TIME.pattern}")


def _placed_said(
    dates: Sequence[str],
    as_listed: Mapping[str, str],
    panels: Sequence[Panel],
    order: tuple[int, str] | None = None,
    read: Collection[str] = (),
) -> list[str]:
    """Why each date that may be two days has its place among `dates` (see `_placed`), or
    is `read` one way (the patient's `written_order`), in date order."""
    said = []
    told: set[str] = set()  # the other times of a day said with its first (`_placed`)
    days_of = {listed: two_days(listed) for listed in dates}
    for where, listed in enumerate(dates):
        days = days_of[listed]
        # tests at two times of such a day, said as one (lab QA round 19)
        times = [listed] if listed in read or days is None else [
            d for d in dates if d not in read and days_of[d] == days and d not in told
        ]  # fmt: skip
        told.update(times)
        here = [p for p in panels if as_listed[p.collected_at or ""] in times]
        if listed not in times or not here:
            continue
        named, _ = _samples_named([p.sample_id for p in here])
        if len(times) > 1:
            said.append(_times_of_a_day_said(named, times, dates))
            continue
        if order is not None and days is not None and listed in read:
            which, shown = order
            said.append(
                f"The date of {named}, '{shorten(listed)}', may be {two_days_said(listed)}. "
                f"It is read as {_day_said(days[which])}, as this patient's date "
                f"'{shorten(shown)}' has the {('day', 'month')[which]} first."
            )
            continue
        before, after = dates[where - 1] if where else None, dates[where + 1 : where + 2]
        place = (
            f"between {before} and {after[0]}" if before and after
            else f"after {before}" if before else f"before {after[0]}"
        )  # fmt: skip
        # read all day first or all month first, the patient's dates keep one order
        # (`_same_order_either_way`), though this one alone could go elsewhere
        either = (
            f"If all of this patient's dates are read the same way, it comes {place} either way"
            if listed in read
            else f"Either way it comes {place}"
        )  # lay QA: 'Read with … the same way, either way it comes' was hard to follow
        said.append(
            f"The date of {named}, '{shorten(listed)}', may be {two_days_said(listed)}. "
            f"{either}, so it is shown there."
        )
    return said


def _times_of_a_day_said(named: str, times: Sequence[str], dates: Sequence[str]) -> str:
    """Why tests at `times` of one day that may be two days ('03/02/2026 08:00', '03/02/2026
    14:30') have their places among `dates`: in the order of their times, either way."""
    others = [d for d in dates if d not in times]
    before = [d for d in others if dates.index(d) < dates.index(times[0])]
    after = [d for d in others if dates.index(d) > dates.index(times[-1])]
    place = (
        f"come between {before[-1]} and {after[0]}" if before and after
        else f"come after {before[-1]}" if before
        else f"come before {after[0]}" if after
        else None
    )  # fmt: skip
    quoted = join_names([f"'{shorten(t)}'" for t in times])
    shown = f"{place}, so they are shown there," if place else "are on one day, so they are shown"
    return (
        f"The dates of {named}, {quoted}, may be {two_days_said(times[0])}. Either way they "
        f"{shown} in the order of their times."
    )


def days_tested(dates: Sequence[str]) -> int:
    """How many days a trend's `dates` fall on: two times of one day are one day, as are two
    times of a day that may be two ('03/02/2026 08:00', '03/02/2026 14:30'); a date panelcli
    cannot read is a day of its own."""
    days: set[object] = set()
    for written in dates:
        read = read_date(written, in_utc=False)
        days.add(read.date() if read is not None else two_days(written) or written)
    return len(days)


def _days_said(days: int) -> str:
    return "one day" if days == 1 else f"{days} days"


def dates_said(dates: Sequence[str]) -> str:
    """'3 dates' of a trend's dates, or '2 tests on one day', '3 tests on 2 days'."""
    days = days_tested(dates)
    return (
        f"{len(dates)} dates" if days == len(dates) else f"{len(dates)} tests on {_days_said(days)}"
    )


def _one_date_read(
    patient_id: str, read: str, unreadable: Sequence[Panel], tests: int,
    undated: Sequence[Panel] = (),
) -> PatientTrend:  # fmt: skip
    """A patient's `tests` of whose dates only `read` can be read: no trend, and sentences
    that say why (QA: '2026-01-10' beside '03/04/2026' was silently no trend). How many dates
    is not said: 'pending' may be that same day (review). The tests with no date are counted
    and said too (QA: 'has 2 tests' of 3). No trend, so no results said to be left out of it:
    every sample's panel shows them."""
    written = list(dict.fromkeys(p.collected_at or "" for p in unreadable))
    text = [
        f"Patient {patient_id} has {tests + len(undated)} tests, but of their dates only {read} "
        "can be read. So panelcli cannot show how the results changed over time.",
    ]
    if unreadable:
        named, samples = _samples_named([p.sample_id for p in unreadable])
        have = (
            "has a date" if samples == 1 else "have a date" if len(written) == 1 else "have dates"
        )
        quoted = join_names(first_few([f"'{shorten(d)}'" for d in written]))
        text.append(f"{named[0].upper()}{named[1:]} {have} that cannot be read: {quoted}.")
    if undated:
        no_date, count = _samples_named([p.sample_id for p in undated])
        text.append(f"{no_date[0].upper()}{no_date[1:]} {'has' if count == 1 else 'have'} no date.")
    text += _why_two_days(written)
    return PatientTrend(patient_id=patient_id, dates=[read], markers=[], text=text)


#: A time with its zone ('T23:00Z', '09:00+02:00')
_ZONED = lazy_pattern(r"\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]\d\d:?\d\d)\s*$", re.IGNORECASE)


def _samples_in(panels: Sequence[Panel]) -> int:
    """How many samples `panels` are: one in two files is one (review: counted twice)."""
    return _samples_named([p.sample_id for p in panels])[1]


def _one_date_only(patient_id: str, day: str, tests: int, why: str) -> PatientTrend:
    """A patient's tests of one date that cannot be put in order (a time with a zone beside
    times without, a test with no time, one time for all): no trend, and `why` (ending in
    'so')."""
    return PatientTrend(
        patient_id=patient_id, dates=[day], markers=[],
        text=[
            f"Patient {patient_id} has {tests} tests on {day}, {why} panelcli cannot show how the "
            "results changed over time.",
        ],
    )  # fmt: skip


def _why_two_days(written: Sequence[str]) -> list[str]:
    """Why a date such as '03/04/2026' cannot be read, and how to write it so that it can:
    said once, of the first such date of `written` (none: nothing said)."""
    for date_written in written:
        if (days := two_days_said(date_written)) is not None:
            return [
                # three sentences (QA: with 'February' in it, one was grade 9.1)
                f"A date such as '{shorten(date_written)}' can mean {days}: two different days. "
                "Some labs write the day first and others the month. A date written with the "
                f"year first, as {year_first_said(date_written)}, can be read only one way."
            ]
    return []


#: How a result outside the range is said of a test left out of a trend ('its IL-6 was high');
#: a critical one by its flag (LL is critically low).
_OUTSIDE_SAID = {Status.LOW: "low", Status.HIGH: "high"}


def _outside_said(result: Result) -> str | None:
    """'high', 'low', 'critically high' or 'critically low'; None inside the range or unjudged."""
    if result.status == Status.CRITICAL:
        sides = {"LL": "critically low", "HH": "critically high"}
        return sides.get(result.flag or "", "critical")  # (AA: critical either way)
    return _OUTSIDE_SAID.get(result.status)


def _left_out_results(panels: Sequence[Panel]) -> str | None:
    """What the results of tests left out of a trend (no date, or one that cannot be read)
    were: a trend that 'fell' may leave out the one high test (QA). Markers outside the range
    are named; else that all were inside it, where all were judged; else nothing is said."""
    # one sample in two files is two panels, but each reading is one result (as in a trend)
    readings = {
        (p.sample_id, r.marker, r.value, r.comparator) if p.sample_id else (id(r),): r
        for p in panels
        for r in p.results
    }
    results = list(readings.values())
    if not results:
        return None
    named, samples = _samples_named([p.sample_id for p in panels])
    # several samples were named just before: not named again (review: 300 were, twice)
    whose = named if samples == 1 else "those samples"
    said = f"These changes leave out the result{'' if len(results) == 1 else 's'} of {whose}"
    # marker and how it was outside: the samples it was so in (`_samples_named` counts them),
    # each as (its panel's place, its id): tests with no sample id are told apart by place
    # (review: IL-6 high in one and IL-8 in another read 'IL-6 and IL-8 were high in a sample')
    outside: dict[tuple[str, str], list[tuple[int, str | None]]] = {}
    first_of: dict[str, int] = {}  # a sample id's first panel (one sample in two files)
    for place, panel in enumerate(panels):
        sample = (
            place if panel.sample_id is None else first_of.setdefault(panel.sample_id, place),
            panel.sample_id,
        )
        for key in dict.fromkeys(
            (r.marker, how) for r in panel.results if (how := _outside_said(r)) is not None
        ):
            in_samples = outside.setdefault(key, [])
            if sample not in in_samples:
                in_samples.append(sample)
    if not outside:
        if any(r.status != Status.NORMAL for r in results):
            return None  # some were not judged: whether they were outside is not known
        were = "it was" if len(results) == 1 else "all of them were"
        return f"{said}: {were} inside the range."
    by_how: dict[str, list[str]] = {}
    for marker, how in outside:
        by_how.setdefault(how, []).append(marker)
    if samples == 1:
        clauses = [
            f"its {join_names(first_few(markers))} {'was' if len(markers) == 1 else 'were'} {how}"
            for how, markers in by_how.items()
        ]
        return f"{said}: {_join_clauses(clauses)}."
    # markers outside alike in the same samples share a clause: 'IL-6 and IL-8 were high in C'
    alike: dict[tuple[str, tuple[tuple[int, str | None], ...]], list[str]] = {}
    for (marker, how), in_samples in outside.items():
        alike.setdefault((how, tuple(in_samples)), []).append(marker)
    clauses = []
    for (how, samples_in), markers in alike.items():
        named_in, count = _samples_named([sample_id for _, sample_id in samples_in])
        were = "was" if len(markers) == 1 else "were"
        where = "all of them" if count == samples else named_in
        clauses.append(f"{join_names(first_few(markers))} {were} {how} in {where}")
    shown = first_few(clauses)
    if len(clauses) == 1 or len(shown) != len(clauses):  # review: not a sentence '2 more.'
        return f"{said}: {_join_clauses(shown)}."
    # a sentence each (QA: one of three clauses was grade 9.9)
    return " ".join([f"{said}.", *(f"{c[0].upper()}{c[1:]}." for c in clauses)])


def _join_clauses(clauses: Sequence[str]) -> str:
    """'A was high, and B was low': clauses that may hold an 'and' of their own."""
    if len(clauses) <= 1:
        return "".join(clauses)
    return ", ".join(clauses[:-1]) + ", and " + clauses[-1]


_SAID = {
    "rose then fell": "rose and then fell again",
    "rising": "rose from the first test to the last",
    "falling": "fell from the first test to the last",
    "fell then rose": "fell and then rose again",
    "up and down": "went up and down, and changed direction more than once",
    "steady": "stayed about the same",
    "unclear": (
        "cannot be compared from test to test: some results are only known to be under or over "
        "a limit"
    ),
}


def trend_sentences(
    patient_id: str,
    dates: Sequence[str],
    markers: Sequence[MarkerTrend],
    unread_date: str | None = None,
    undated: Sequence[str | None] = (),
    unreadable: Sequence[tuple[str | None, str]] = (),
    doubted: Mapping[str, Sequence[str]] | None = None,
    unusable: Sequence[tuple[str | None, str | None]] = (),
    mixed: Mapping[str, Sequence[str]] | None = None,
    untrended: Mapping[str, Sequence[str]] | None = None,
    other_unit: Mapping[str, tuple[str, Sequence[str], Sequence[tuple[str, str]]]] | None = None,
    left_out_panels: Sequence[Panel] = (),
    mixed_outside: Mapping[str, Sequence[str]] | None = None,
    no_range: Mapping[str, Sequence[str]] | None = None,
) -> list[str]:
    """Which markers rose or fell, when they peaked, and where they ended, in plain words;
    `undated` and `unreadable` ((sample id, date) each): the samples left out, as they have no
    date or one panelcli cannot read; `doubted` (marker: dates): tests left out for their
    number; `unusable` ((sample id, date or None) each): samples none of whose results could
    be used (a sample with no id is one of each pair, however many there are: QA);
    `mixed` (marker: sample ids): results left out as their rows name another patient or date,
    `mixed_outside` (marker: 'high', 'low' …) how those of them outside the range were;
    `untrended` ('single', 'units', 'doubted', 'no_range': markers; 'limits_alone' is said by
    the caller): markers with no trend,
    for one usable test, units that never convert, no comparable number, or no range;
    `other_unit` (marker: the unit kept, dates left out in another); `left_out_panels`: the
    panels of `undated` and `unreadable`, whose results outside the range are named;
    `no_range` (marker: dates): results with no range to judge them by, left out."""
    # Tests none of whose results could be used are said below, and not counted here.
    tested = "has results on" if unusable else "was tested on"
    if unread_date is None:
        day_count = days_tested(dates)
        if day_count < len(dates):  # two draws of a day (educator QA round 19: 'on 2 dates')
            tests = "has results from" if unusable else "was tested"
            times = f"{len(dates)} tests" if unusable else f"{len(dates)} times"
            text = [
                f"Patient {patient_id} {tests} {times} on {_days_said(day_count)}, from "
                f"{dates[0]} to {dates[-1]}."
            ]
        else:
            text = [
                f"Patient {patient_id} {tested} {len(dates)} dates, from {dates[0]} to {dates[-1]}."
            ]
    else:  # the order is the file's: say so, and which dates could not be read (QA: of
        # 'yesterday' and 'today', only the first was named)
        unread = [d for d in dates if read_date(d) is None] or [unread_date]
        said = join_names(first_few([f"'{shorten(d)}'" for d in unread]))
        numbered = numbered_order(dates) == dates and len(dates) > 1
        text = [
            f"Patient {patient_id} {tested} {len(dates)} dates. panelcli cannot read the "
            f"date{'s' if len(unread) > 1 else ''} {said}, so the tests are taken in the order "
            + ("of the numbers in them." if numbered else "of the file.")
        ]
    for direction, said in _SAID.items():
        group = [m for m in markers if m.direction == direction]
        # 'from the first test' is wrong where that test has no number ('ND' with no limit).
        partly = [m for m in group if direction in _PARTLY and not _comparable_at_both_ends(m)]
        if partly:
            text.append(f"{join_names([m.marker for m in partly])} {_PARTLY[direction]}.")
            group = [m for m in group if m not in partly]
        if direction == "unclear":
            text += _unclear_sentences(group)
            continue
        if not group:
            continue
        sentence = f"{join_names([m.marker for m in group])} {said}."
        # each date of a tie (trends QA round 17: 1, 9, 9, 1 named only the first 9's)
        peaks = {_highest_dates(m) for m in group if m.highest}
        if direction == "rose then fell" and len(peaks) == 1:
            pronoun = "It was" if len(group) == 1 else "They were"
            sentence += f" {pronoun} highest on {join_names(list(peaks.pop()))}."
        dips = {_lowest_dates(m) for m in group}
        if direction == "fell then rose" and len(dips) == 1 and None not in dips:
            pronoun = "It was" if len(group) == 1 else "They were"  # QA: only peaks were named
            sentence += f" {pronoun} lowest on {join_names(list(dips.pop() or ()))}."
        text.append(sentence)
    # A critical result before the last date, which 'At the last test' does not reach (QA: a
    # critical 150 between 3 and 5 was said nowhere in the trend)
    for kept in markers:
        last = kept.points[-1].trend_date
        # the last date too where 'At the last test' cannot say it (review: a critical 150
        # beside a normal repeat on that date was said nowhere)
        said_last = _critical_on_last_date(kept)
        by_how: dict[str, list[str]] = {}  # 'critically low': its dates (review: per date)
        for p in kept.points:
            if p.status is Status.CRITICAL and not (p.trend_date == last and said_last):
                how = {"LL": "critically low", "HH": "critically high"}.get(
                    p.flag or "", "at or past the critical limit"
                )
                critical_on = by_how.setdefault(how, [])
                if p.trend_date not in critical_on:
                    critical_on.append(p.trend_date)
        for how, critical_days in by_how.items():
            text.append(f"{kept.marker} was {how} on {join_names(first_few(critical_days))}.")
    # "At the last test" only of markers measured then; others end at their own last test.
    for ended, group in _by_last_date(markers, dates[-1]):
        when = f"At its last test, on {ended}"
        if ended is None:  # a later test none of whose results could be used is not "the last"
            later = any(unread_date is not None or _after(d, dates[-1]) for _, d in unusable)
            when = "At the last test with results" if later else "At the last test"
        settled = [
            m.marker
            for m in group
            if _last_status(m) == Status.NORMAL and any(p.status in _FLAGGED for p in m.points)
        ]
        # "Back" only of a marker that was inside before it was outside: 30 → 2 is not back;
        # it "had moved into the range" (QA: "was inside" read as if it had never been out).
        back = [m.marker for m in group if m.marker in settled and _inside_then_outside(m)]
        moved = [n for n in settled if n not in back]
        # "Still" only when the test before the last was outside too: 1 → 3 → 30 is newly out.
        # all of the last date's tests outside (QA: a high and a critical one on that date
        # had no word, where two highs had 'was above the range')
        outside = [m for m in group if _last_statuses(m) <= set(_FLAGGED)]
        # which side, where the last test's flags say (QA: sIL-2R from 2000 to 100 'was
        # outside the range' read as still high)
        # past a critical limit said so, and never 'still' where it newly is (QA: 50, then
        # 150 past the limit of 100, 'was still above the range')
        ended_outside = [
            (f"{'still ' if again else ''}{where}", names)
            for again in (False, True)
            for where in (*_PAST_CRITICAL, "above", "below", "outside")
            if (names := [m.marker for m in outside if _ended(m) == (again, where)])
        ]  # fmt: skip
        ended_at = _where_it_ended(
            [("had moved into", moved), ("back inside", back)], ended_outside
        )
        if ended_at:
            text.append(f"{when}, {ended_at}")
    if undated:
        text.append(_left_out(patient_id, undated, ("has no date", "have no date")))
    if unreadable:
        why = ("has a date that cannot be read", "have dates that cannot be read")
        quoted = [f"'{shorten(d)}'" for d in dict.fromkeys(d for _, d in unreadable)]
        said = "The date is" if len(quoted) == 1 else "The dates are"
        quoted_few = join_names(first_few(quoted))
        left_out = _left_out(patient_id, [i for i, _ in unreadable], why)
        text.append(f"{left_out} {said} {quoted_few}.")
        text += _why_two_days([d for _, d in unreadable])
    if (results_left_out := _left_out_results(left_out_panels)) is not None:
        text.append(results_left_out)
    if unusable:
        why = ("has no result that could be used", "have no results that could be used")
        text.append(_left_out(patient_id, [i for i, _ in unusable], why))
        if all(d for _, d in unusable):  # the dates of these tests, so that none seems missed
            on = [d for d in dict.fromkeys(d for _, d in unusable) if d]
            said = "The date is" if len(on) == 1 else "The dates are"
            text[-1] += f" {said} {join_names(first_few(on))}."
    # Only of markers with a trend: one left with a single test has no trend to leave a test
    # out of (QA). Markers that leave out the same tests share one sentence.
    trended = {m.marker for m in markers}
    for gone, names in _by_days(doubted or {}, trended):
        tests = f"the test on {gone[0]}" if len(gone) == 1 else f"the tests on {join_names(gone)}"
        if len(names) == 1:
            text.append(
                f"{names[0]}'s trend leaves out {tests}: its number can be read in two ways (see "
                "its note)."
            )
        else:
            text.append(
                f"The trends of {join_names(names)} leave out {tests}: their numbers can be read "
                "in two ways (see their notes)."
            )
    # A marker left with one date once such a test is out says why (QA: only 'compared on
    # only one date' was said, though it was tested on two)
    single = (untrended or {}).get("single", ())
    for gone, names in _by_days(doubted or {}, single):
        one = len(names) == 1 and len(gone) == 1
        tests = f"test on {gone[0]}" if len(gone) == 1 else f"tests on {join_names(gone)}"
        whose = f"{names[0]}'s {tests}" if len(names) == 1 else (
            f"The {tests} of {join_names(names)}"
        )  # fmt: skip
        text.append(
            f"{whose} {'is' if one else 'are'} not compared: "
            f"{'its number' if one else 'their numbers'} can be read in two ways (see the notes)."
        )
    # QA: IL-18 400 → 2500 (no range in the row) → 420 was 'about the same', the 2500 unsaid
    for dates_left, names in _by_days(no_range or {}, trended):
        one = len(dates_left) == 1
        results = f"result on {dates_left[0]}" if one else f"results on {join_names(dates_left)}"
        if len(names) == 1:
            text.append(
                f"{names[0]}'s trend leaves out its {results}, which had no range to be judged "
                "by (see the notes)."
            )
        else:
            text.append(
                f"The trends of {join_names(names)} leave out their {results}, which had no "
                "range to be judged by (see the notes)."
            )
    for marker, samples in (mixed or {}).items():
        names = [f"'{shorten(s)}'" for s in dict.fromkeys(samples) if s]
        of = f" of sample{'s' if len(names) > 1 else ''} {join_names(names)}" if names else ""
        if len(samples) == 1:
            left, rows = "one result", "its row names"
        else:  # review: 'one result of sample 'S2' and 'S3''
            left, rows = f"{len(samples):,} results", "their rows name"
        # Said of a marker with no trend too, and how the result was outside the range (QA:
        # a high TNF-α left out was named nowhere)
        leaves = (
            f"{marker}'s trend leaves out {left}{of}" if marker in trended
            else f"These changes leave out {left} for {marker}{of}"
        )  # fmt: skip
        hows = list(dict.fromkeys((mixed_outside or {}).get(marker, ())))
        was = ""
        if hows:
            was = f" It was {hows[0]}." if len(samples) == 1 else (
                f" Among them, {marker} was {' and '.join(hows)}."
            )  # fmt: skip
        text.append(f"{leaves}, as {rows} another patient or date (see the warnings).{was}")
    for marker, (unit, days, apart_outside) in (other_unit or {}).items():
        if marker in trended:
            if len(days) == 1:
                tests, theirs = f"the test on {days[0]}", "its result is"
            else:
                tests, theirs = f"the tests on {join_names(days)}", "their results are"
            # how those outside the range were: the trend may not be the whole story (QA)
            how_words = " and ".join(dict.fromkeys(how for _, how in apart_outside))
            on_days = join_names(list(dict.fromkeys(day for day, _ in apart_outside)))
            was = f" On {on_days}, {marker} was {how_words}." if apart_outside else ""
            text.append(
                f"{marker}'s trend leaves out {tests}: {theirs} in another unit than {unit}, and "
                f"the two cannot be compared.{was}"
            )
    # QA: Ferritin 200 then 210 'stayed about the same' and then 'had moved into the range',
    # as the range for her age had changed between the tests
    ranges_changed = [m.marker for m in markers if (m.reference or "").endswith(OTHER_RANGE_BEFORE)]
    if ranges_changed:
        one = len(ranges_changed) == 1
        whose = f"{ranges_changed[0]}'s range was" if one else (
            f"The ranges of {join_names(ranges_changed)} were"
        )  # fmt: skip
        text.append(
            f"{whose} not the same at every test. So moving into or out of the range may come "
            "from the range changing, not the result."
        )
    # Every marker named (QA: 'and 8 more' named the others nowhere); a patient has few.
    no_trend = {
        "single": "a result that can be compared on only one date, so {it} no trend",
        "units": "results in units that cannot be compared with each other, so {it} no trend",
        "doubted": "no number that can be compared (see the notes), so {it} no trend",
        "no_range": "no range in this set, so {its} results are not compared from test to test",
    }  # ('limits_alone' is said by `_limits_alone_said`, with when each was past its limit)
    for kind, unjoined in (untrended or {}).items():
        if unjoined and kind in no_trend:
            one = len(unjoined) == 1
            words = no_trend[kind].format(
                it="it has" if one else "they have", its="its" if one else "their"
            )
            text.append(f"{join_names(list(unjoined))} {'has' if one else 'have'} {words}.")
    return text


def _limits_of(result: Result) -> tuple[int, bool]:
    """How many critical limits judged `result` (1 or 2), and whether any is the lab's (in
    the file), not the set's (review: the set's were called the lab's)."""
    reference = result.reference
    assert reference is not None
    count = (reference.critical_low is not None) + (reference.critical_high is not None)
    return count, "file" in (reference.critical_low_origin, reference.critical_high_origin)


def _limits_alone_said(
    limits_alone: Mapping[str, tuple[Sequence[str], int, bool]], untrended: Sequence[str]
) -> list[str]:
    """Why each marker judged by the lab's critical limits alone (no range) has no trend, and
    when it was past them: its tests are not compared, but those are not to be lost."""
    text = []
    for marker in untrended:
        past, count, labs = limits_alone[marker]
        limit = "limits" if count == 2 else "limit"
        whose = "the lab's" if labs else "the reference set's"
        said = (
            f"{marker} has no range, only {whose} critical {limit}, so its results are not "
            "compared from test to test."
        )
        if past:
            which = "one of those limits" if count == 2 else "that limit"
            said += f" It was past {which} on {join_names(list(dict.fromkeys(past)))}."
        text.append(said)
    return text


def _by_days(
    days_of: Mapping[str, Sequence[str]], markers: Collection[str]
) -> list[tuple[tuple[str, ...], list[str]]]:
    """Those of `markers` with results left out (marker: their dates), grouped by the dates
    left out (markers that leave out the same share one sentence); a date once, in order."""
    by_days: dict[tuple[str, ...], list[str]] = {}
    for marker, days in days_of.items():
        if marker in markers:
            by_days.setdefault(tuple(dict.fromkeys(days)), []).append(marker)
    return list(by_days.items())


def _in_one_unit(
    by_marker: dict[str, list[tuple[str, Result]]],
) -> dict[str, tuple[str, list[str], list[tuple[str, str]]]]:
    """Keep each marker's results in units that convert into one another, the group with the
    most test dates (the last test's on a tie), in the unit of its last result; return the
    markers that had others: (unit kept, dates left out, (date, 'high' …) of those outside the
    range). A set's marker is always in the
    set's unit, but one judged by the lab's range alone (U/mL) or unknown to the set is in the
    file's (QA: 1200 pg/mL → 400 U/mL was 'falling'; 700 kU/L after 800 U/mL was left out)."""
    left_out = {}
    for marker, dated in by_marker.items():
        units = [r.unit or "" for _, r in dated]
        if len({unit_key(u) for u in units}) == 1:
            continue
        heads: list[str] = []  # the first unit of each group of units that convert
        groups = []
        for unit in units:
            head = next((h for h in heads if same_family(unit, h)), None)
            if head is None:
                heads.append(head := unit)
            groups.append(head)
        dates = {h: {w for (w, _), g in zip(dated, groups, strict=True) if g == h} for h in heads}
        last = {g: i for i, g in enumerate(groups)}
        kept = max(heads, key=lambda h: (len(dates[h]), last[h]))
        unit = [u for u, g in zip(units, groups, strict=True) if g == kept][-1]
        by_marker[marker] = [
            (w, _in_unit(r, unit)) for (w, r), g in zip(dated, groups, strict=True) if g == kept
        ]
        others = [(w, r) for (w, r), g in zip(dated, groups, strict=True) if g != kept]
        if others:
            outside = [(w, how) for w, r in others if (how := _outside_said(r)) is not None]
            left_out[marker] = (unit, list(dict.fromkeys(w for w, _ in others)), outside)
    return left_out


def _in_unit(result: Result, unit: str) -> Result:
    """A result with its number in `unit`, one its own converts into exactly."""
    if result.unit == unit:
        return result
    exponent = conversion_exponent(result.unit or "", unit)
    value = None if result.value is None else convert(result.value, exponent)
    return result.model_copy(update={"value": value, "unit": unit})


def _fits_panel(result: Result, panel: Panel) -> bool:
    """Whether a result's own patient and date agree with its panel's, as `sample-conflict`
    has it (review: a filled-down sheet's blank cells were left out of trends)."""
    return cells_agree(panel.patient_id, result.patient_id) and cells_agree(
        panel.collected_at, result.collected_at, dates=True
    )


def cells_agree(was: str | None, now: str | None, dates: bool = False) -> bool:
    """Whether two cells of one sample's rows agree: a blank agrees with any (sheets filled
    down); with `dates`, two spellings that may name one moment; else `same_person_text`."""
    if not was or not now or was == now:
        return True
    return may_be_one_moment(was, now) if dates else same_person_text(was, now)


def same_person_text(was: str, now: str) -> bool:
    """Whether two patient ids or names differ only in case or runs of spaces ('Anna Berg',
    'anna  berg'), as a person reads them (QA: they were a sample-conflict)."""
    # Lab ids are not told apart by case either ('P01', 'p01' is a slip of typing), and a
    # person column is read as the patient id where the file has no other (docs/input-files.md).
    return person_key(was) == person_key(now)


def _where_it_ended(*sides: Sequence[tuple[str, Sequence[str]]]) -> str:
    """Where markers ended at one test, sentences for inside and for outside, said as one
    text after 'At the last test, ': 'IL-8 had moved into the range, and IL-6 was back inside
    it. TNF-α was above the range, and IFN-γ was still above it.' Sentences that began
    alike read as a list (educator and regression QA); one sentence of all four is too long,
    so a sentence has at most two clauses (review: above, below and still above in one)."""
    sentences = []
    for side in sides:
        clauses: list[str] = []
        for where, names in side:
            if names:
                place = "it" if len(clauses) % 2 else "the range"
                verb = "had" if where.startswith("had ") else "was" if len(names) == 1 else "were"
                clauses.append(f"{join_names(names)} {verb} {where.removeprefix('had ')} {place}")
        sentences += [", and ".join(clauses[i : i + 2]) + "." for i in range(0, len(clauses), 2)]
    return " ".join(sentences)


def _after(written: str | None, last: str) -> bool:
    """Whether a test dated `written` may have come after the trend's last date: it has no
    date or one panelcli cannot read, or it is later and not the same day or moment."""
    when, last_when = read_date(written or ""), read_date(last)
    if when is None or last_when is None:
        return True
    return when > last_when and not may_be_one_moment(written or "", last)


def _left_out(patient_id: str, sample_ids: Sequence[str | None], why: tuple[str, str]) -> str:
    """'Sample C of patient P1 has no date, so it is not part of these changes'; `why` is
    said of one sample, then of several."""
    joined, samples = _samples_named(sample_ids)
    one = samples == 1
    return (
        f"{joined[0].upper()}{joined[1:]} of patient {patient_id} {why[0] if one else why[1]}, "
        f"so {'it is' if one else 'they are'} not part of these changes."
    )


def _samples_named(sample_ids: Sequence[str | None]) -> tuple[str, int]:
    """'sample A, sample B and 2 other samples', and how many samples that is: an id once
    however often given, and each sample with no id counted (QA: three were 'a sample')."""
    named = list(dict.fromkeys(f"sample {i}" for i in sample_ids if i))
    unnamed = sum(1 for i in sample_ids if not i)
    samples = len(named) + unnamed
    if unnamed == 1:
        named.append("another sample" if named else "a sample")
    elif unnamed:
        named.append(f"{unnamed} other samples" if named else f"{unnamed} samples")
    # 'N more' counts samples, not the names above (review)
    return join_names(first_few(named, samples)), samples


def _unclear_sentences(markers: Sequence[MarkerTrend]) -> list[str]:
    """Why each marker's direction cannot be told, and what still can: first to last."""
    # 'the first' is wrong where the first test has no number or limit ('OOR >', 30, 3).
    change_of = {
        m.marker: first_to_last(m.points) if _comparable_at_both_ends(m) else None for m in markers
    }
    limited_of = {m.marker: None in placed(m.points) for m in markers}  # some known by a limit
    text = []
    for change, by_limit in product(("rising", "falling"), (False, True)):
        names = [
            m.marker
            for m in markers
            if change_of[m.marker] == change and limited_of[m.marker] == by_limit
        ]
        if names:
            one = len(names) == 1
            why = ", as some results are only known to be under or over a limit" if by_limit else ""
            text.append(
                f"{join_names(names)} {'was' if one else 'were'} "
                f"{'higher' if change == 'rising' else 'lower'} at the last test than at the "
                f"first. What {'it' if one else 'they'} did in between cannot be told{why}."
            )
    rest = [m for m in markers if change_of[m.marker] is None]
    limited = [m.marker for m in rest if limited_of[m.marker]]
    if limited:
        text.append(f"{join_names(limited)} {_SAID['unclear']}.")
    if unordered := [m.marker for m in rest if m.marker not in limited]:
        text.append(f"Whether {join_names(unordered)} rose or fell cannot be told.")
    # One sample's two results from two files (lab QA round 8: a re-export corrected IL-6
    # from 18.5 to 1.85, and the text said only that the order of the tests was not known)
    told: set[tuple[str, str]] = set()
    for marker in markers:
        for tests in by_date(marker.points):
            if (said := _one_sample_two_results(marker, tests)) is not None:
                text.append(said)
                told.add((marker.marker, tests[0].trend_date))
    # Once per marker, not once per date: a long series may have dozens of such dates.
    by_dates: dict[tuple[str, ...], list[str]] = {}
    for marker in markers:
        unknown = (d for d in _dates_in_unknown_order(marker) if (marker.marker, d) not in told)
        if dates := tuple(unknown):
            by_dates.setdefault(dates, []).append(marker.marker)
    for dates, names in by_dates.items():
        was = "was" if len(names) == 1 else "were"
        if len(dates) == 1:
            text.append(
                f"{join_names(names)} {was} tested more than once on {dates[0]}, and which of "
                "those tests came first is not known."
            )
        else:
            listed = join_names(list(dates)) if len(dates) <= 3 else f"{len(dates)} dates"
            text.append(
                f"{join_names(names)} {was} tested more than once on {listed}. Which of the "
                "tests on one date came first is not known."
            )
    return text


def _one_sample_two_results(marker: MarkerTrend, tests: Sequence[TrendPoint]) -> str | None:
    """A sentence for one sample's different results of a marker in two or more files (one
    may be a corrected result, or a slip); None for tests of several samples, or one file."""
    samples = {p.sample_id for p in tests}
    if len(samples) != 1 or None in samples or len({p.source for p in tests}) < 2:
        return None
    results = {(p.value, p.comparator): p for p in tests}
    if len(results) < 2:
        return None
    unit = f" {marker.unit}" if marker.unit else ""
    listed = [
        f"{p.comparator or ''}{'?' if p.value is None else number_text(p.value)}{unit} "
        f"({describe_source(p.source)}, line {p.line})"
        for p in results.values()
    ]
    (sample,) = samples
    many = few_in_words(len(listed))
    return (
        f"Sample {shorten(str(sample))} has {many} different {marker.marker} results: "
        f"{join_names(listed)}. One of them may be a corrected result. Ask the lab which one "
        "is right."
    )


def _dates_in_unknown_order(marker: MarkerTrend) -> list[str]:
    """Dates with two or more different results of the marker, in no order the data gives."""
    return [
        tests[0].trend_date
        for tests in by_date(marker.points)
        if len({(p.value, p.comparator) for p in tests}) > 1
    ]


_PARTLY = {
    "rising": "rose over the tests that can be compared",
    "falling": "fell over the tests that can be compared",
}


def comparable(points: Sequence[TrendPoint]) -> list[bool]:
    """Which results can be placed among the others: a number measured; 'ND' (below every
    number measured); '<10' only where no number measured is under 10 (10 → '<10' fell, but
    2 → '<10' may have risen); '>100' only where none is over 100; with no number measured,
    all below detection only if their limits are within CHANGE. The rest are left out of the
    direction and of 'highest', not guessed."""
    measured = [p.value for p in points if p.value is not None and p.comparator is None]
    if not measured:  # only limits
        limits_below = [p.value for p in points if p.comparator in BELOW]  # None: 'ND'
        limits_above = [p.value for p in points if p.comparator not in BELOW]  # None: 'OOR >'
        below = [v for v in limits_below if v is not None]
        # All below detection is one level, but '<1' then '<10' may have risen ninefold: one
        # level only if the limits are close. '>1000' at or over every limit below it is above
        # them all (QA: '<2' then '>1000' had no highest); not over 'ND', whose limit is unknown.
        one_level = not below or not risen(min(below), max(below))
        # every limit below under every limit above: the two sides are in a known order
        apart = (
            bool(limits_above)
            and bool(limits_below)
            and None not in limits_below
            and None not in limits_above
            and max(below) <= min(v for v in limits_above if v is not None)
        )
        sided = all(p.comparator in BELOW for p in points)
        return [one_level and (sided or apart) if p.comparator in BELOW else apart for p in points]
    low, high = min(measured), max(measured)
    flags = []
    for p in points:
        if p.comparator is None:
            flags.append(p.value is not None)
        elif p.value is None:
            flags.append(p.comparator in BELOW)  # 'ND' is lowest; 'OOR >' has no place
        elif p.comparator in BELOW:
            flags.append(p.value <= low)
        else:
            flags.append(p.value >= high)
    return flags


def placed(points: Sequence[TrendPoint]) -> list[float | None]:
    """Each result's value as the trend places it (for the direction and the sparkline):
    below detection at 0, lowest; None where it cannot be placed (see `comparable`)."""
    return [
        None if not ok else 0.0 if p.comparator in BELOW else p.value
        for p, ok in zip(points, comparable(points), strict=True)
    ]


def by_date(points: Sequence[TrendPoint]) -> list[list[TrendPoint]]:
    """The points of each trend date, oldest date first; the tests of one date are in no
    known order."""
    dates: dict[str, list[TrendPoint]] = {}
    for point in points:
        dates.setdefault(point.trend_date, []).append(point)
    return list(dates.values())


def placed_by_date(points: Sequence[TrendPoint], dates: Sequence[str] = ()) -> list[float | None]:
    """One value per trend date for the sparkline: its tests' highest where they are all
    placed and about the same (within CHANGE), else None, as their order is not known. Given
    the patient's `dates`, one per each of them, None where the marker has no test (QA: its
    blocks sat under other markers' dates)."""
    spots: dict[str, list[float | None]] = {}
    for point, spot in zip(points, placed(points), strict=True):
        spots.setdefault(point.trend_date, []).append(spot)
    drawn: dict[str, float | None] = {}
    for day, values in spots.items():
        numbers = [v for v in values if v is not None]
        same = len(numbers) == len(values) and not risen(min(numbers), max(numbers))
        drawn[day] = max(numbers) if same else None
    if not dates or not drawn.keys() <= set(dates):
        return list(drawn.values())
    return [drawn.get(day) for day in dates]


def _comparable_at_both_ends(marker: MarkerTrend) -> bool:
    """Whether every test on the first and the last date has a number or a limit to compare
    ('OOR >' has neither)."""
    points = marker.points
    ends = (points[0].trend_date, points[-1].trend_date)
    return all(
        b is not None
        for p, b in zip(points, _all_bounds(points), strict=True)
        if p.trend_date in ends
    )


def _by_last_date(
    markers: Sequence[MarkerTrend], last_date: str
) -> list[tuple[str | None, list[MarkerTrend]]]:
    """Markers measured at the last test (key None) first, then each earlier last date's."""
    groups: dict[str | None, list[MarkerTrend]] = {None: []}
    for marker in markers:
        ended = marker.points[-1].trend_date
        groups.setdefault(None if ended == last_date else ended, []).append(marker)
    return list(groups.items())


def _inside_then_outside(marker: MarkerTrend) -> bool:
    """Whether the marker was inside the range on one date and outside on a later one."""
    inside_on = None  # the first date it was inside; points are oldest first
    for p in marker.points:
        if p.status == Status.NORMAL and inside_on is None:
            inside_on = p.trend_date
        elif p.status in _FLAGGED and inside_on not in (None, p.trend_date):
            return True
    return False


def _lowest_dates(marker: MarkerTrend) -> tuple[str, ...] | None:
    """The dates of the marker's lowest number, where every test has a number; else None."""
    if any(p.value is None or p.comparator is not None for p in marker.points):
        return None
    lowest = min(p.value or 0.0 for p in marker.points)
    return tuple(dict.fromkeys(p.trend_date for p in marker.points if p.value == lowest))


def _highest_dates(marker: MarkerTrend) -> tuple[str, ...]:
    """The dates of the marker's highest result (`MarkerTrend.highest`), each where it is a
    number another test of another date had too."""
    highest = marker.highest
    if highest is None:
        return ()
    if highest.comparator is not None:
        return (highest.trend_date,)
    return tuple(
        dict.fromkeys(
            p.trend_date for p in marker.points if p.comparator is None and p.value == highest.value
        )
    )


def _on_last_date(marker: MarkerTrend) -> list[TrendPoint]:
    """The marker's tests on its last date (several, in no known order, where repeated)."""
    last = marker.points[-1].trend_date
    return [p for p in marker.points if p.trend_date == last]


def _on_date_before_last(marker: MarkerTrend) -> list[TrendPoint]:
    """The marker's tests on the date before its last one (none where it has one date)."""
    last = marker.points[-1].trend_date
    earlier = [p for p in marker.points if p.trend_date != last]
    return [p for p in earlier if p.trend_date == earlier[-1].trend_date] if earlier else []


def _last_statuses(marker: MarkerTrend) -> set[Status]:
    """The statuses of the marker's tests on its last date."""
    return {p.status for p in _on_last_date(marker)}


def _last_status(marker: MarkerTrend) -> Status | None:
    """The status at the marker's last date; None when its tests that day differ, as which
    came last is not known."""
    statuses = _last_statuses(marker)
    return statuses.pop() if len(statuses) == 1 else None


#: Where a marker ended past a critical limit, as `_where_it_ended` says it ('the range')
_PAST_CRITICAL = ("past the critical limit above", "past the critical limit below")


def _ended(marker: MarkerTrend) -> tuple[bool, str]:
    """Whether a marker ended outside the range as it was at the test before (said 'still'),
    and where: above or below it, past a critical limit there, or outside it."""
    side = _last_side(marker)
    critical = _critical_on_last_date(marker)
    where = f"past the critical limit {side}" if critical and side != "outside" else side
    # tests of the last date on two sides: which was last is not known (review: 'still'
    # followed the file's order)
    one_side = len({FLAG_SIDE.get(p.flag or "") for p in _on_last_date(marker)}) == 1
    again = (
        one_side
        and _outside_before_last(marker)
        and (not critical or _critical_before_last(marker))
    )
    return again, where


def _critical_on_last_date(marker: MarkerTrend) -> bool:
    """Whether every test of the marker's last date was critical (one of several in no known
    order may not have been the last)."""
    return _last_statuses(marker) == {Status.CRITICAL}


def _critical_before_last(marker: MarkerTrend) -> bool:
    """Whether the tests of the date before the last were critical too."""
    before = _on_date_before_last(marker)
    return bool(before) and all(p.status is Status.CRITICAL for p in before)


def _last_side(marker: MarkerTrend) -> str:
    """'above' or 'below' the range, as the flags of the marker's tests on its last date say;
    'outside' where they say no one side."""
    sides = {FLAG_SIDE.get(p.flag or "") for p in _on_last_date(marker)}
    side = sides.pop() if len(sides) == 1 else None
    return {"high": "above", "low": "below"}.get(side or "", "outside")


def _outside_before_last(marker: MarkerTrend) -> bool:
    """Whether the tests of the date before the last were outside on the same side: 'still' is
    wrong for a marker that went from above the range to below (and for one of two tests on
    that date in no known order, of which one was inside: QA)."""
    before = _on_date_before_last(marker)
    return bool(before) and all(_outside_as_last(p, marker.points[-1]) for p in before)


def _outside_as_last(before: TrendPoint, last: TrendPoint) -> bool:
    """Whether an earlier test was outside the range on the side the last one is."""
    if before.status not in _FLAGGED:
        return False
    if {before.status, last.status} == {Status.HIGH, Status.LOW}:
        return False
    sides = {FLAG_SIDE.get(before.flag or ""), FLAG_SIDE.get(last.flag or "")}
    if None not in sides:  # each flag says its side (LL, L, H, HH)
        return len(sides) == 1
    # A critical status may be on either side: beside a low or high one, the values tell
    # which (a low value is above every critically low one, a high value below every
    # critically high one; QA: low, then critically high, was 'still outside')
    if Status.CRITICAL in (before.status, last.status) and before.status != last.status:
        other, critical = (before, last) if last.status is Status.CRITICAL else (last, before)
        if other.value is not None and critical.value is not None:
            if other.status is Status.LOW:
                return critical.value < other.value
            if other.status is Status.HIGH:
                return critical.value > other.value
    return True
