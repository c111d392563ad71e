"""Plain-language sentences about a panel, for a reader with no medical training.

Rules for every sentence here: short words, short sentences (tests/test_plain_language.py holds
them to grade 8, median 6), say what a value *can be a sign of* in general, never what the
person has or should do; the notice is added by the report.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from functools import cache, lru_cache
from typing import Literal

from panelcli.interpret import (
    COMPARATOR_WORDS,
    STORM_TIMES,
    STRONG_TIMES,
    Bounds,
    excluded_limits,
    reachable_critical,
)
from panelcli.models import (
    LOST_LETTER_SAID,
    SIDED_CRITICAL_FLAGS,
    Issue,
    PanelSummary,
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
from panelcli.names import marker_key
from panelcli.patterns import lazy_pattern
from panelcli.ranges import (
    CHILD_RANGE_NOTE,
    NO_INTERVAL_FITS,
    NO_LIMITS,
    ReferenceSet,
    bundled_reference_sets,
    known_category,
    known_name,
    names_a_form,
    same_marker,
)
from panelcli.units import unit_as_read, unit_key
from panelcli.values import (
    FLAG_SIDE,
    FLAG_WORDS,
    MARKED_NOT_TO_USE,
    PRELIMINARY_NO_VALUE,
    counted,
    critical_side,
    flag_column_code,
    flag_said,
    number_text,
    person_key,
    shorten,
    words_joined,
)

# What each group of markers does, in a few plain words (a plural verb phrase).
GROUP_ROLE = {
    "pro-inflammatory": "help start inflammation",
    "regulatory": "help calm the immune system down",
    "Th1": "help fight germs that hide inside cells",
    "Th2": "are linked to allergy and to fighting worms",
    "chemokine": "call immune cells to where they are needed",
    "T-cell activation": "show how busy T cells (a kind of white blood cell) are",
    "growth factor": "help the body make new blood cells",
    "acute-phase protein": "rise when there is inflammation",
}

# What a high level in each group can be a sign of, in general terms (never about the person).
# Each marker's `raised` in explanations.toml starts with its group's sentence, so that explain
# and the summary say it alike (educator QA: IL-2, IL-5, IL-6, IL-8, IL-12 differed).
GROUP_SIGN = {
    "pro-inflammatory": "A high level can be a sign of inflammation somewhere in the body.",
    # Not "strong": a value just past the limit is a high level too (found in review).
    "regulatory": "A high level can be a sign that the body is trying to calm inflammation.",
    "Th1": "A high level can be a sign of an immune response, for example to germs.",
    "Th2": "A high level can be a sign of an allergy-type immune response.",
    "chemokine": "A high level can be a sign that the body is fighting germs or fixing damage.",
    "T-cell activation": "A high level can be a sign that many T cells are switched on.",
    "growth factor": "A high level can be a sign of more immune activity.",
    "acute-phase protein": "A high level can be a sign of infection or inflammation.",
}


#: Said where a child's results were judged by ranges given for no age (`CHILD_RANGE_NOTE`)
CHILD_RANGE_SENTENCE = (
    "These ranges do not say if they fit children. A child's levels can be different, so ask "
    "the lab which ranges fit a child."
)

#: How a result's note ends where an instrument's alarm or a quality control's code left it
#: unjudged (`check.Interpreter._commented`), and where any other reason did
MARKED_NOT_JUDGED = "so it was not judged: ask the lab whether it can be reported"
NOT_JUDGED = "so it was not judged"

#: A result's note where its status says it is preliminary (`check.corrections_applied`)
PRELIMINARY_NOTE = "a preliminary result: the final one may differ"


def _preliminary_sentence(preliminary: Sequence[Result], every: bool) -> str:
    """Which results are preliminary, said before what reads them ('The TNF-α result is not
    final yet: the lab's number may still change.'); `every`: all of the sample's are."""
    if every and len(preliminary) > 1:
        return "None of these results is final yet: the lab's numbers may still change."
    several = len(preliminary) > 1
    return (
        f"The {_names(preliminary)} result{'s' * several} {'are' if several else 'is'} not "
        f"final yet: the lab's number{'s' * several} may still change."
    )


#: Said with the names the panel gives IL-6, IFN-γ and IL-10 (QA: 'Interleukin 6' in a lab's
#: set was 'IL-6' here alone).
STORM_SENTENCE = (
    "{} and {} are very high, and {} is high too. This pattern can be a sign that the immune "
    "system is in overdrive. Results like these should be talked over with a healthcare "
    "provider soon."
)

# What a low level can be a sign of, where the sources say (by marker key); else LOW_ANY.
# These and HIGH_SIGN are the one text of each: `explain` says them too (QA: two texts differed).
LOW_SIGN = {
    "ferritin": "A low level of ferritin can be a sign of too little iron."
}  # a plain word (QA)
# A marker whose high level means more than its group's does: said alone or beside its group's.
HIGH_SIGN = {"ferritin": "A high level can be a sign of infection, inflammation or too much iron."}
LOW_ANY = "A level under the range can have many causes."
#: ... where there is no range, only a critical limit (review: 'under the range' of none)
LOW_ANY_NO_RANGE = "A level this low can have many causes."

# Why a row could not be used, in plain words: "1 row has …" / "2 rows have …".
#: The error of a line saying the run failed its quality control: no row refused, but results
#: that may not be fit to use (`reading.run_failed`)
RUN_QC_FAILED = "run-qc-failed"
#: ... said first in the summary of each sample of such a file (educator QA round 19: the
#: summary read the values with no word of it, and JSON's text said nothing of it at all)
RUN_FAILED_FIRST = (
    "The file says this test run failed its quality checks, so these results may not be "
    "right. Ask the lab before you rely on them."
)

#: What a diluted sample's number is read as, in its note (`check.Interpreter._judge`)
DILUTED_READ = "read as at least the number written"

REJECTED_REASON = {
    # educator QA round 19: 'a problem that is explained in the list'
    "value-diluted-censored": "a diluted sample's 'less than' value, which cannot be judged",
    "value-missing": "no value",
    "value-not-a-number": "a word or sign where a number should be",
    "value-not-finite": "a number that cannot be a real result",
    # '<0' too, not only more than 1 kg/L (QA: '<0' was 'far too large')
    "value-impossible": "a number no real result can have (far too large, or less than 0)",
    "value-extrapolated": (
        "a number the machine could only guess (marked so by a star, a word or brackets)"
    ),
    "value-starred": "a number marked with a star, which can mean the machine guessed it",
    "value-ambiguous-dot": "a number that can be read in two ways",
    "value-negative": "a number below zero",
    "value-thousands-separator": "a number that can be read in two ways",
    "value-ambiguous-comma": "a number that can be read in two ways",
    "marker-missing": "no marker name",
    "unit-missing": "no unit",
    "unit-molar": "a unit that cannot be changed into the unit of the range",
    "unit-not-convertible": "a unit that cannot be changed into the unit of the range",
    "unit-mismatch": "a unit that cannot be changed into the unit of the range",
    "unit-conflict": "two different units for one value",
    "row-too-many-cells": "more cells than the header row",
    "row-no-values": "no values at all",
    # QA: one such row may hold thousands of lines, counted as one: the list names them
    "row-quote-unclosed": "a quote mark that is never closed, so no line after it could be read "
    "either (the list names them)",
    "row-quote-stray": "a quote mark in the wrong place, which can make the lines after it "
    "unreadable too (the list names them)",
    # QA: these were 'a problem that is explained in the list', no reason in plain words
    "unit-not-concentration": "a unit that is no amount in the blood (a signal, a percent)",
    "value-split-by-comma": "a number that a comma may have cut in two",
    "comparator-unreadable": "a sign before the number that panelcli cannot read",
    "comparator-conflict": "signs that disagree on whether the value is above or below",
    # not 'disagrees': a flag that only disagrees with panelcli is a warning (QA)
    "flag-conflict": "a lab flag that cannot fit the value, such as high beside 'not detected'",
    "detection-range-unreadable": "a note on what the test can measure that cannot be read",
    "detection-range-conflict": "a note on what the test can measure that disagrees with the value",
}
OTHER_REASON = "a problem that is explained in the list"


def join_names(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return words_joined(names)


def _distinct(results: Sequence[Result]) -> list[str]:
    return list(dict.fromkeys(r.marker for r in results))  # a repeated marker once


def every_status(counts: Mapping[str, int]) -> dict[str, int]:
    """Counts by status, every status named (0 where none), as the report's totals give them
    (developer QA: a panel's gave only those it had, so '.low' was null, not 0)."""
    return {status.value: counts.get(status.value, 0) for status in Status}


def _names(results: Sequence[Result]) -> str:
    return join_names(_distinct(results))


@cache
def _bundled_markers() -> dict[str, str | None]:
    """Every name and alias of the bundled sets (a name found here is no typo), by marker
    key, with the marker's group where a set gives one panelcli knows (for a set whose
    category is missing or another word)."""
    groups: dict[str, str | None] = {}
    # A damaged install's sets that do not load give no names: those get the spelling hint.
    for _, reference_set in bundled_reference_sets():
        for name, entry in reference_set.markers.items():
            group = known_category(entry.category)
            for alias in (name, *entry.aliases):
                key = marker_key(alias)
                groups[key] = groups.get(key) or group
    return groups


def _bundled_sets_having(results: Sequence[Result]) -> str:
    """Sentences naming the bundled sets that have a range for these markers, with the option
    that uses each (educator QA round 10: a class's CRP 'could not be judged', and 'another
    list of ranges' gave nothing to type); '' where none has."""
    # only markers the set in use lacks (not those of a unit it cannot convert, say)
    lacking = [r for r in results if r.own_note.startswith("no reference range for '")]
    names = list(dict.fromkeys(r.marker for r in lacking))
    text = ""
    for set_name, reference_set in bundled_reference_sets():
        having = [name for name in names if reference_set.resolve(name) is not None]
        if having:
            # said to be another lab's (educator QA round 21: beside 'ask which range applies
            # to your test', it read as one to use as it is)
            text += (
                f" The bundled set {set_name} has a range for {join_names(having)}: run "
                f"panelcli again with --ranges {set_name} to use it. That range is from another "
                "lab, so it may not fit this test."
            )
            if _depends_on_age(reference_set):  # educator QA round 12: followed, the hint
                # left the panel's other results indeterminate, for want of an age
                text += (
                    " Its ranges depend on age, so add --age and the person's age in years if "
                    "the file does not give it."
                )
    return text


def _depends_on_age(reference_set: ReferenceSet) -> bool:
    """Whether any of the set's ranges is for some ages only."""
    return any(
        row.age_min is not None or row.age_max is not None
        for entry in reference_set.markers.values()
        for row in entry.intervals
    )


def _bundled_category(marker: str) -> str | None:
    return _bundled_markers().get(marker_key(marker))


# check.py ends a no-reference note with "(did you mean IL-6?)"; the summary repeats the hint.
_HINT = lazy_pattern(r"did you mean (?P<name>[^?]+)\?")


def _number(value: float) -> str:
    """A number as a person says it: 400,000, 16, 1.7 (no '400.0'); 14.5 says 15, as people
    round (Python's '.0f' gives 14)."""
    if value >= 1e12:  # no lab's result: '1e+303', not 303 digits (QA, a range of 1e-300)
        return f"{value:.0e}"
    return f"{int(value + 0.5):,}" if value >= 10 else f"{value:.1f}".removesuffix(".0")


ABOVE, BELOW = (">", ">="), ("<", "<=")


def bound_words(comparator: str | None, side: tuple[str, str]) -> str:
    """'more than ', 'at least ' … for a comparator on `side` (ABOVE or BELOW), else ''."""
    return f"{COMPARATOR_WORDS[comparator]} " if comparator in side else ""


def _past_critical_only(result: Result, side: Literal["low", "high"]) -> bool:
    """Whether a result is out on a side where its set gives a critical limit but no normal one
    (QA: "Ferritin is below the range" beside a table that says "no range")."""
    reference = result.reference
    return (
        reference is not None
        and getattr(reference, side) is None
        and getattr(reference, f"critical_{side}") is not None
    )


def how_far_above(result: Result, one_clause: bool = False) -> str:
    """'IL-6 is 4.2 times the upper limit.' (one short sentence per raised marker); with
    `one_clause`, a sentence of one clause, to be joined with others of its marker."""
    if _past_critical_only(result, "high"):
        return f"{result.marker} is high."
    if times_upper(result) is None:
        return f"{result.marker} is above the range."
    said = times_figure(result)
    if said is not None:
        return f"{result.marker} is {said} times the upper limit."
    # QA: "is at the upper limit" read as inside the range; educator QA round 14: "right at
    # the upper limit, which counts as above the range" read as a contradiction
    at = _at_high_left_out(result)
    if (at or _at_least_the_high_left_out(result)) and result.value is not None:
        value = f"{number_text(result.value)}{_unit_of(result)}"
        more, just = ("", "just ") if at else (" or more", "")  # '>=20' may be 20 itself
        if one_clause:  # (review: '6.4 pg/mL. The range … it; 2 times the upper limit')
            return f"{result.marker} is {value}{more}, {just}outside a range below {value}."
        return (
            f"{result.marker} is {value}{more}. The range is below {value}, so this is "
            f"{just}outside it."
        )
    return f"{result.marker} is {too_close_for_a_figure(result)} the upper limit."


def past_limit_note(result: Result) -> str | None:
    """The table's short note on how far outside the range a result is, said as the summary
    says it: '4.2 × upper limit', 'just above upper limit', 'at upper limit, counts as high'
    (a value equal to a limit the range leaves out: outside, though 'at' reads as inside)."""
    if times_upper(result) is not None:
        said = times_figure(result)
        if said is not None:  # '>1000' is only a floor: "more than 68"
            return f"{said} × upper limit"
        if _at_high_left_out(result):
            return "at upper limit, counts as high"
        if _at_least_the_high_left_out(result):
            return "at or above upper limit, counts as high"
        return f"{too_close_for_a_figure(result)} upper limit"
    if (
        result.status in (Status.LOW, Status.CRITICAL)
        and not bound_words(result.comparator, BELOW)  # '<5': not at 5 (QA)
        and at_limit_left_out(result, "low")
    ):
        return "at lower limit, counts as low"
    return None


def _at_least_the_high_left_out(result: Result) -> bool:
    """'>=20' where the range leaves 20 out ('< 20'): high, though perhaps not above 20."""
    return result.comparator == ">=" and at_limit_left_out(result, "high")


def _at_high_left_out(result: Result) -> bool:
    """A value that is the upper limit itself, which its range leaves out ('< 20' and 20)."""
    return not bound_words(result.comparator, ABOVE) and at_limit_left_out(result, "high")


def too_close_for_a_figure(result: Result) -> str:
    """How a high result with no `times_figure` is said to be past its limit: 'just above',
    or 'above' for a floor ('>15', which may be far above)."""
    return "above" if bound_words(result.comparator, ABOVE) else "just above"


#: Under this many times the upper limit, a result is "just above" it (no figure given).
JUST_ABOVE = Decimal("1.05")


def times_upper(result: Result) -> float | None:
    """How many times the upper limit a result is, from its value where it has one (the
    stored figure is rounded to 2 decimals: 1.04996 would be said again as 1.1)."""
    reference = result.reference
    if result.times_upper_limit is None or result.value is None or not reference:
        return result.times_upper_limit
    return result.value / reference.high if reference.high else result.times_upper_limit


def _times_exact(result: Result) -> Decimal:
    """`times_upper` worked out in decimals, from the numbers as written (a float's 29 / 20 is
    1.4499999…)."""
    reference = result.reference
    if result.value is not None and reference and reference.high:
        return Decimal(repr(result.value)) / Decimal(repr(reference.high))
    return Decimal(repr(times_upper(result) or 0.0))


def _times_shown(result: Result) -> Decimal:
    """The figure the table and the summary round: `times_upper_limit` as JSON and CSV write
    it (2 decimals), read as written, so that what they say is that figure rounded (QA: JSON's
    1.25 was said 1.2, and 24.999's 1.25 also 1.2, where 1.3 reads as its rounding)."""
    figure = result.times_upper_limit  # None only where times_upper is None too: no figure
    return Decimal(0) if figure is None else Decimal(repr(figure))


def times_figure(result: Result) -> str | None:
    """'4.2', '16', 'more than 344': how many times the upper limit a high result is, as the
    summary and the table both say it; None when it is only just above it (no figure).
    Rounded half up, as people round (QA: 1.25 was said as 1.2 beside JSON's 1.25); a floor
    ('>5000') is rounded down. One decimal under 10, whole numbers from 10 on."""
    # "Just above" by the value itself (QA: 2.6249 over 2.5, 1.04996, was said "1.1 ×" from
    # its stored 1.05); past that, the figure JSON and CSV show, rounded (QA: their 1.25 was
    # said "1.2 ×" from 24.999 over 20).
    if _times_exact(result) < JUST_ABOVE:
        return None
    times = _times_shown(result)
    at_least = bound_words(result.comparator, ABOVE)
    if times >= Decimal("1e12"):  # no lab's result: '1e+303', not 303 digits
        return f"{at_least}{_number(float(times))}"
    step = Decimal(1) if times >= 10 else Decimal("0.1")
    rounded = times.quantize(step, rounding=ROUND_FLOOR if at_least else ROUND_HALF_UP)
    if any(_times_exact(result) < cut <= rounded for cut in (STRONG_TIMES, STORM_TIMES)):
        # not said as a figure the words beside it are for (QA: 2.98 was '3 times' beside
        # 'mild', 9.96 '10 times' with no storm sentence): rounded down there
        rounded = times.quantize(step, rounding=ROUND_FLOOR)
    if at_least and rounded <= 1:  # "more than 1 times" said nothing the range does not (QA)
        return None
    return f"{at_least}{rounded:,f}".removesuffix(".0")


def how_far_below(result: Result) -> str:
    """'Ferritin is 4 µg/L, under the lower limit of 6 µg/L.'"""
    reference = result.reference
    if _past_critical_only(result, "low"):
        return f"{result.marker} is low."
    if result.value is None or reference is None or reference.low is None:
        return f"{result.marker} is below the range."
    unit = _unit_of(result)
    at_most = bound_words(result.comparator, BELOW)
    said = f"{result.marker} is {at_most}{number_text(result.value)}{unit}"
    if at_limit_left_out(result, "low"):  # QA: 'IL-10 is 2 pg/mL, under the lower limit of 2'
        # QA: "at the lower limit" read as still inside the range.
        where = "" if at_most else ", right at the lower limit"
        return f"{said}{where}, which counts as below the range."
    return f"{said}, under the lower limit of {number_text(reference.low)}{unit}."


def _how_far_below_each(low: Sequence[Result]) -> list[str]:
    """`how_far_below` per low marker; a marker low in several results said once, as a high
    one is (QA: 'sIL-2R is 100 pg/mL, under … sIL-2R is 150 pg/mL, under …'): 'sIL-2R is
    under the range in 2 results: 100 pg/mL and 150 pg/mL, under the lower limit of …'."""
    said: dict[str, list[str]] = {}
    for result in low:
        said.setdefault(result.marker, []).append(how_far_below(result))
    sentences: list[str] = []
    for marker, each in said.items():
        parts = [sentence.removeprefix(f"{marker} is ").partition(", under ") for sentence in each]
        tails = {tail for _, under, tail in parts if under}
        if len(set(each)) == 1 or len(tails) != 1 or not all(under for _, under, _ in parts):
            sentences.extend(dict.fromkeys(each))
            continue
        values = join_names([value for value, _, _ in parts])
        sentences.append(
            f"{marker} is under the range in {len(each)} results: {values}, under {tails.pop()}"
        )
    return sentences


def at_limit_left_out(result: Result, side: Literal["low", "high"]) -> bool:
    """A value equal to a limit its range leaves out, on that side ('> 2' and 2: low, not under
    2; '< 20' and 20: high, not above 20)."""
    reference = result.reference
    return reference is not None and (side, result.value) in excluded_limits(reference)


#: A change smaller than this factor is called steady, so that small wobbles between tests
#: are not reported to a reader as a rise or a fall (a design choice, not a lab rule); one
#: marker's results in a sample closer than it are 'close to each other' (trends read it here)
CHANGE = 1.25
#: Results of one marker in one sample this many times apart: most likely a unit slip
FAR_APART = 100


def few_in_words(count: int) -> str:
    """'two', 'three' for a few things said in a sentence; larger counts as digits."""
    return {2: "two", 3: "three"}.get(count, str(count))


@lru_cache(maxsize=4096)  # asked of every result; a file has few spellings
def _spelling_key(name: str) -> tuple[str, int, int]:
    """A marker name as the summary tells markers apart: by its key (`marker_key`), and by
    its signs, which the key drops (review: 'CD4+ IFN-γ+' and 'CD4+ IFN-γ-', a cell's stain
    for and against, were "one marker written two ways")."""
    return marker_key(name), name.count("+"), len(_SIGN_AFTER.findall(name))


#: A minus after a word ('IFN-γ-', 'CD8−'), not a hyphen inside one ('IL-6')
_SIGN_AFTER = lazy_pattern(r"[-−](?=\s|$|[,;/)])")


def _one_draw(results: Sequence[Result], marker: str) -> bool:
    """Whether a marker's results in a sample are of one draw as the file gives them: one
    patient and one collection date (or none), so that they may be said to disagree."""
    mine = [r for r in results if r.marker == marker]
    dates = {r.collected_at for r in mine if r.collected_at}
    patients = {person_key(r.patient_id) for r in mine if r.patient_id}
    return len(dates) < 2 and len(patients) < 2


def _split_by_draw(results: Sequence[Result], marker: str) -> str:
    """`_far_apart_sentence` or `_split_sentence` of a marker's results drawn together, where
    a sample's results are of two draws: 'On 2026-03-05, one result for IL-6 …' (the first
    draw that has one)."""
    draws: dict[tuple[str, str], list[Result]] = {}
    for result in results:
        if result.marker == marker:
            key = (result.collected_at or "", person_key(result.patient_id or ""))
            draws.setdefault(key, []).append(result)
    for (when, _), group in draws.items():
        said = (
            _far_apart_sentence(group, marker) or _split_sentence(group, marker)
            if len(group) > 1
            else ""
        )  # (a unit slip within one draw too: review of round 23)
        if said:
            return f"On {shorten(when)}, {said[0].lower()}{said[1:]}" if when else said
    return ""


def _side_of(result: Result) -> str | None:
    """'above' or 'below' the range, for a result outside it; a critical one by its flag."""
    if result.status is Status.HIGH or (result.status is Status.CRITICAL and result.flag == "HH"):
        return "above"
    if result.status is Status.LOW or (result.status is Status.CRITICAL and result.flag == "LL"):
        return "below"
    return None


def _split_sentence(results: Sequence[Result], marker: str) -> str:
    """A marker tested twice in a sample, measured inside the range once and outside it once,
    or above it once and below it once (not one too low to measure: that sentence says so);
    else ''."""
    measured = [r for r in results if r.marker == marker and r.comparator is None]
    sides = {side for r in measured if (side := _side_of(r)) is not None}
    inside = any(r.status is Status.NORMAL for r in measured)
    if not sides or (not inside and len(sides) < 2):
        return ""
    if not inside:  # (educator QA round 23: Ferritin 5 and 200 were 'too much' and 'too little')
        return (
            f"One result for {marker} is above the range and another is below it, so they "
            "disagree. A healthcare provider can say which one counts."
        )
    if len(sides) > 1:
        return (
            f"One result for {marker} is inside the range, another is above it and another is "
            "below it, so they disagree. A healthcare provider can say which one counts."
        )
    (side,) = sides
    values = [r.value for r in measured if r.value is not None]
    # (not beside a 0, nor a critical one: second review of round 22, 0 and 40 were 'close';
    # nor results judged by two ranges, a birthday apart: educator QA round 23)
    ranges = {r.reference.text if r.reference else None for r in measured}
    if (
        values
        and min(values) > 0
        and max(values) < CHANGE * min(values)
        and len(ranges) == 1
        and not any(r.status is Status.CRITICAL for r in measured)
    ):
        # replicates a few percent apart about a limit (review of round 22: 2.4 and 2.6 by a
        # limit of 2.5 were said to 'disagree'): near the limit, not two results at odds
        return (
            f"The results for {marker} are close to each other, but one is just inside the "
            f"range and another just {side} it: {marker} is near the range's limit."
        )
    return (
        f"One result for {marker} is inside the range and another is {side} it, so they "
        "disagree. A healthcare provider can say which one counts."
    )


def _far_apart_sentence(results: Sequence[Result], marker: str) -> str:
    """A marker tested twice in a sample whose results are FAR_APART times apart or more (lab
    QA: 2 pg/mL and '2000 ng/L', a unit slip, were summed up by the high one alone); else ''."""
    # '>500' beside 1.0 too, at least so far apart (lab QA round 22: unsaid)
    measured = [
        r for r in results
        if r.marker == marker and r.comparator in (None, ">", ">=") and r.value is not None
        and r.value > 0
    ]  # fmt: skip
    # in one unit only: a marker the set lacks keeps each value in its own (review: 2 ng/mL
    # and 2000 pg/mL, one amount, were said to be 1000 times apart)
    if len(measured) < 2 or len({unit_key(r.unit or "") for r in measured}) > 1:
        return ""
    lowest = min((r for r in measured if r.comparator is None), key=lambda r: r.value or 0.0,
                 default=None)  # fmt: skip
    highest = max(measured, key=lambda r: (r.value or 0.0, r.comparator is not None))
    if lowest is None or lowest is highest:
        return ""
    assert lowest.value is not None and highest.value is not None
    times = highest.value / lowest.value
    if times < FAR_APART:
        return ""
    low = _as_written(lowest)
    joined = f"{low}, and" if "written as" in low else f"{low} and"
    # past a float's reach (1e-300 and 1e10): 'inf times' (developer QA round 13)
    how_many = (
        f"{_number(float(f'{times:.2g}'))} times"
        if math.isfinite(times) and times < 1e15
        else "more than a million billion times"
    )
    if highest.comparator is not None:
        how_many = f"at least {how_many}"
    return (
        f"One result for {marker} is {how_many} another: "
        f"{joined} {_as_written(highest)}. This can happen when a unit is written wrong. "
        "Check with the lab which result is right."
    )


def _as_written(result: Result) -> str:
    """'4.2 pg/mL', or '4200 pg/mL, written as 4.2 ng/mL' where the lab wrote another unit
    (QA: the unit written, the clue to a slip, was left out)."""
    said = f"{number_text(result.value or 0.0)}{_unit_of(result)}"
    if result.comparator in (">", ">="):  # '>500 pg/mL' (lab QA round 22)
        said = f"more than {said}" if result.comparator == ">" else f"at least {said}"
    written = result.original_unit
    if written and result.unit and unit_key(written) != unit_key(result.unit):
        said += f", written as {result.original_value.strip()} {unit_as_read(written)}"
    return said


def _unit_of(result: Result) -> str:
    """' pg/mL' (with its space), or nothing for a result with no unit; 'ug/L' as 'µg/L'."""
    return f" {unit_as_read(result.unit)}" if result.unit else ""


def _censored_side(result: Result) -> str:
    """Which side of what the test can measure a censored value is on."""
    return "above" if result.comparator in (">", ">=") else "below"


#: What a note says of an age counted from a date that may be two days (see check's
#: `_two_day_dates_said`), and how the summary says it instead of "sex or age" (QA: sex and
#: birth date were both in the file).
_TWO_DAYS = ("the two days", "between the days the birth date")


def _age_cell_too_rough(note: str | None) -> bool:
    """Whether a note says an age cell ('0', whole years) spans a change of range."""
    return note is not None and "within it, so the range cannot be chosen" in note


def _two_days_noted(note: str | None) -> bool:
    """Whether a note says the age is counted from a date that may be two days (review: with
    both dates so, its words differ)."""
    return note is not None and any(words in note for words in _TWO_DAYS)


def _person_said(ranges: str, results: Sequence[Result]) -> str:
    """'The range for IL-6 depends on age, and panelcli could not tell it from the file.'"""
    facts, them = _person_facts(results)
    if any(_age_cell_too_rough(r.own_note) for r in results):
        return (
            f"The {ranges} on age, and the file's age is not exact enough to tell which "
            "range applies (see the note)."
        )
    said = f"The {ranges} on {facts}, and panelcli could not tell {them} from the file"
    if any(_two_days_noted(r.own_note) for r in results):
        return f"{said}: a date there can mean two different days (see the note)."
    return f"{said}."


def why_not_judged(result: Result, reassure: bool = True) -> str:
    """The reason an indeterminate result has no status, in plain words (`reassure`: as
    `_no_number_sentence` takes it)."""
    # a value with no number first: the person's range would not judge it either (QA: 'ND'
    # was said to want a sex or age the file gave)
    # not judged for a reason of its own, whatever its number (lab QA round 21: '>5000' under
    # an instrument's alarm 'could be inside or outside the range' of ≤ 2.5 pg/mL)
    if _marked_not_judged(result):
        return _marked_sentence([result])
    if NOT_JUDGED in (result.note or "") and result.comparator is not None:
        return f"panelcli could not judge {result.marker}; the note beside it says why."
    if result.value is None:  # 'ND', 'OOR <', 'OOR >' with no limit in the set to stand in
        return _no_number_sentence([result], _censored_side(result), reassure)
    if result.reference is None:
        return _person_said(f"range for {result.marker} depends", [result])
    if _read_two_ways(result):
        return _two_ways_sentence([result])
    reference = result.reference
    if has_no_range(reference) and result.comparator is not None:
        # only critical limits: no range to be inside or outside of (review: "it could be
        # inside or outside the range", "to tell if it is in range", of none)
        both = reference.critical_low is not None and reference.critical_high is not None
        limits = "critical limits" if both else "a critical limit"
        return (
            f"{result.marker} has no range, only {limits}, and the test does not give its "
            "exact amount, so panelcli could not judge it."
        )
    if result.comparator == ">=" and DILUTED_READ in (result.note or ""):
        # not 'the test does not say by how much' (educator QA round 19): it was diluted
        return (
            f"{result.marker} is at least {number_text(result.value)}{_unit_of(result)}. The "
            "sample was diluted, and the lab may not have multiplied the number back, so it "
            "could be inside or outside the range."
        )
    if result.comparator in (">", ">="):
        # '≥10.4' may be exactly 10.4, which can be inside the range: "above" would be wrong.
        bound = "above" if result.comparator == ">" else "at least"
        return (
            f"{result.marker} is {bound} {number_text(result.value)}{_unit_of(result)}, and the "
            "test does not say by how much, so it could be inside or outside the range."
        )
    if result.comparator is None and result.original_unit is None:  # a unit was assumed
        return (
            f"The file does not say the unit of {result.marker}, and in its range's unit it "
            "would be judged another way."
        )
    if result.comparator is None:
        return f"panelcli could not judge {result.marker}; the note beside it says why."
    return _not_low_enough_sentence([result])


def _not_low_enough_sentence(results: Sequence[Result]) -> str:
    """'The test could not measure IL-6 and IL-10 low enough to tell if they are in range.'"""
    it = "it is" if len(_distinct(results)) == 1 else "they are"
    return f"The test could not measure {_names(results)} low enough to tell if {it} in range."


def _marked_not_judged(result: Result) -> bool:
    """Whether an instrument's alarm or a quality control's code left a result unjudged."""
    return MARKED_NOT_JUDGED in (result.note or "")


def _marked_sentence(results: Sequence[Result]) -> str:
    """'The instrument or the lab's quality check marked the IL-6 result, so panelcli did not
    judge it. Ask the lab if it can be used.'"""
    one = len(results) == 1
    return (
        f"The instrument or the lab's quality check marked the {_names(results)} "
        f"result{'' if one else 's'}, so panelcli did not judge {'it' if one else 'them'}. Ask "
        f"the lab if {'it' if one else 'they'} can be used."
    )


def _no_number_sentence(results: Sequence[Result], side: str, reassure: bool = True) -> str:
    """Results with no number, only a side of what the test can measure ('ND', 'OOR >'): one
    sentence for them all, its verb as many as the markers named (QA: 'TNF-α were below');
    `reassure`: whether 'common in healthy people' may be said (not beside a result outside)."""
    markers = len(_distinct(results))
    one_marker, one_result = markers == 1, len(results) == 1
    times = "" if len(results) == markers else f" in {len(results)} results"
    verb = "was" if one_marker else "were"
    said = f"{_names(results)} {verb} {side} what the test can measure{times}."
    if side == "above":
        # An assay measures far past a cytokine's range, so this is no shrug (QA: 'cannot be
        # compared' beside 'inside the range' read as reassurance, for the highest value)
        return (
            f"{said} That is most often far above the range, but with no number panelcli cannot "
            f"judge {'it' if one_result else 'them'}: ask the lab for the "
            f"{'number' if one_result else 'numbers'}."
        )
    # why no number cannot be judged, and that it is common (educator QA round 14: "below what
    # the test can measure" read as below the range, so why not judged?)
    why = (
        "panelcli does not know the lowest amount this test can find. So it cannot tell if "
        f"{'the result is' if one_result else 'they are'} in the range."
    )
    if reassure and all(r.reference is not None and r.reference.low is None for r in results):
        # not of a marker whose range has a low limit (sIL-2R, Ferritin: review), where too
        # little may be low; nor beside a result outside (educator QA round 21: said just
        # before 'IL-6 was above what the test can measure', as an all-clear)
        why += " Too little to measure is common in healthy people."
    if one_result:
        return f"{said} The result has no number. {why}"
    return f"{said} The results have no number. {why}"


def _read_two_ways(result: Result) -> bool:
    """Whether a result's '.' or ',' may group thousands (see `Interpreter._doubt_grouping`)."""
    return result.other_reading is not None


#: A lab's own flag in words: as warnings say it, but 'abnormal', which a patient may misread,
#: as where it puts the value
_LAB_FLAG_WORDS = {**FLAG_WORDS, "A": "outside its range"}
#: panelcli's flags that say what each lab flag outside the range says (as much or more)
_AGREES_WITH = {
    "H": {"H", "HH"}, "HH": {"HH", "AA"}, "L": {"L", "LL"}, "LL": {"LL", "AA"},
    "CRIT": {"HH", "LL", "AA"}, "A": {"H", "HH", "L", "LL", "AA"}, "AA": {"HH", "LL", "AA"},
}  # fmt: skip  # (AA: critical either way a number is read; third review of round 20)


def _named_in(marker: str, sentence: str, others: Collection[str]) -> bool:
    """Whether a sentence names a marker as a word ('IL-1' is not named by 'IL-10', nor
    'IL-12' by 'IL-12 p70', one of the `others`: second review)."""
    for other in sorted(others, key=len, reverse=True):
        if other != marker and marker in other:
            sentence = sentence.replace(other, "")
    return re.search(rf"(?<![\w-]){re.escape(marker)}(?![\w-])", sentence) is not None


def _lab_flag_sentences(results: Sequence[Result], said_soon: bool) -> list[str]:
    """What the lab's own flags say where panelcli's status does not (QA: the lab's HH on a
    value panelcli could not judge, or its H on one inside panelcli's range, was only in the
    warnings, for lab staff): a high or low it did not find, or a critical one it did not;
    `said_soon`: the summary has asked to talk it over soon already."""
    unjudged: dict[str, list[Result]] = {}
    other: dict[str, list[Result]] = {}
    normal: dict[str, list[Result]] = {}  # the lab's 'N' where panelcli finds it outside
    own: dict[str, list[Result]] = {}  # the lab's flag against the lab's own printed range
    critical_by_lab: dict[str, list[Result]] = {}  # its critical mark beside its own range
    short_of_limit: dict[str, list[Result]] = {}  # ... short of its critical limit, its only one
    for result in results:
        lab = _lab_flag(result)
        # by the lab's own range, no two labs' ranges differ: the flag or the range may be a
        # slip (review: 'Ranges differ between labs' was said, or nothing at all)
        by_own_range = by_the_lab_s_range(result)
        if lab == "N" and FLAG_SIDE.get(result.flag or ""):
            # QA: the lab's 'normal' on a value 16 times panelcli's upper limit was only in
            # the warnings, the patient's report saying normal
            (own if by_own_range else normal).setdefault(_LAB_FLAG_WORDS[lab], []).append(result)
            continue
        if lab not in _AGREES_WITH:  # 'N', or no flag: nothing more to say
            continue
        if result.status is Status.NO_REFERENCE and short_of_lab_limit(result, lab):
            # short of the lab's own critical limit, its only limit (QA: 'the lab's mark is
            # the only judgement')
            short_of_limit.setdefault(_LAB_FLAG_WORDS[lab], []).append(result)
        elif result.status in (Status.INDETERMINATE, Status.NO_REFERENCE):
            unjudged.setdefault(_LAB_FLAG_WORDS[lab], []).append(result)
        elif result.flag not in _AGREES_WITH[lab] and not (
            # the lab's critical mark on the side panelcli says it may be critical (QA: "IL-6
            # is only high" after "IL-6 could be past the critical limit"; review: not a
            # mark on the other side)
            lab in SIDED_CRITICAL_FLAGS
            and FLAG_SIDE.get(lab) == FLAG_SIDE.get(result.flag or "")
            and _may_be_critical(result) is not None
        ):
            if lab_critical_on_its_side(result, lab) and no_critical_limit(result, lab):
                # a printed range has no critical limits: the lab's critical mark on the side
                # its range says is no disagreement with it, only said (review: 'only high',
                # 'ranges differ between labs', of the lab's own range)
                critical_by_lab.setdefault(_LAB_FLAG_WORDS[lab], []).append(result)
                continue
            (own if by_own_range else other).setdefault(_LAB_FLAG_WORDS[lab], []).append(result)
    text = _own_range_sentences(own)
    for words, marked in short_of_limit.items():  # each with its own limit (review)
        for result in marked:
            text.append(
                f"The lab marked {_marked_as({words: [result]})}. {_short_of_limits(result)} "
                "Ask the lab which is right."
            )
    if critical_by_lab:
        text.append(f"The lab marked {_marked_as(critical_by_lab)}.")
    # One sentence for each kind, listing each mark (QA: four marks gave 'so the lab's mark is
    # the only judgement' four times in a row)
    if unjudged:
        one = len({r.marker for group in unjudged.values() for r in group}) == 1
        text.append(
            f"The lab marked {_marked_as(unjudged)}. panelcli could not judge "
            f"{'it' if one else 'them'}, so the lab's {'mark is' if one else 'marks are'} the "
            "only judgement."
        )
    # A lab's low where panelcli finds high (or the other way) is said to be opposite (QA:
    # 'which the range panelcli uses does not show' hid it); 'critical' and 'outside its
    # range' name no side
    unshown: dict[str, list[Result]] = {}
    opposite: dict[str, list[Result]] = dict(normal)
    for words, marked in other.items():
        for result in marked:
            ours, lab = FLAG_SIDE.get(result.flag or ""), FLAG_SIDE.get(_lab_flag(result) or "")
            # on the same side too: the lab's 'critically high' beside panelcli's high is not
            # a high 'the range panelcli uses does not show' (QA: read as 'not high')
            apart = None not in (ours, lab)
            (opposite if apart else unshown).setdefault(words, []).append(result)
    other = unshown
    differ = []
    # A sentence for what the lab marked, another for panelcli's view (QA: one sentence of
    # both was grade 9 to 10, above the summary's grade 8)
    if other:
        these = (
            "this"
            if len(_distinct([r for rs in other.values() for r in rs])) == 1
            else ("these marks")
        )
        differ.append(
            f"The lab marked {_marked_as(other)}. The range panelcli uses does not show {these}."
        )
    # a lab's critical mark that its own critical limit in the file does not bear out: no
    # other lab's range to blame (QA: 'Ranges differ between labs' of the lab's own limit)
    by_its_limit: dict[str, list[Result]] = {}
    for words, marked in list(opposite.items()):
        mine = [r for r in marked if r.reference and critical_from_file(r.reference, _lab_flag(r))]
        if mine:
            by_its_limit[words] = mine
            opposite[words] = [r for r in marked if r not in mine]
            if not opposite[words]:
                del opposite[words]
    for group, by in ((opposite, "the range panelcli uses"),
                      (by_its_limit, "the range panelcli uses and the lab's critical limit in "
                       "the file")):  # fmt: skip
        if not group:
            continue
        by_side: dict[str, list[Result]] = {}
        no_limit: list[Result] = []
        for marked in group.values():
            for result in marked:
                side = FLAG_SIDE[result.flag or ""]
                same = side == FLAG_SIDE.get(_lab_flag(result) or "")  # the lab's critical
                # panelcli's own critical said so (QA: 'IL-10 is low' of its LL)
                ours = FLAG_WORDS.get(result.flag or "", side)
                if same and no_critical_limit(result, _lab_flag(result) or ""):
                    # no limit to be short of: not 'only high' (next-step QA round 19: said
                    # of IL-6 at 240 times its limit, which the lab marked critical)
                    no_limit.append(result)
                    state = side
                else:
                    state = f"only {side}" if same else ours
                by_side.setdefault(state, []).append(result)
        found = _states_joined(by_side)
        said = f"The lab marked {_marked_as(group)}. By {by}, {found}."
        if no_limit:
            one = len(_distinct(no_limit)) == 1
            said += (
                f" That range has no critical limit for {_names(no_limit)}, so it cannot tell "
                f"whether {'it is' if one else 'they are'} critical."
            )
        if group is by_its_limit:
            text.append(f"{said} Ask the lab which is right.")
        else:
            differ.append(said)
    if differ:  # said once after both
        text.append(" ".join([*differ, "Ranges differ between labs, so ask which one applies."]))
    marks = [*unjudged, *other, *opposite, *by_its_limit, *own, *critical_by_lab, *short_of_limit]
    if not said_soon and any("critical" in lab for lab in marks):
        text.append("A lab's critical mark should be talked over with a healthcare provider soon.")
    return text


def _short_of_limits(result: Result) -> str:
    """'IL-18 is not past the lab's critical limit of 100 pg/mL.' (`short_of_lab_limit`)"""
    reference = result.reference
    assert reference is not None
    limits = [
        number_text(limit)
        for limit, origin in (
            (reference.critical_low, reference.critical_low_origin),
            (reference.critical_high, reference.critical_high_origin),
        )
        if origin == "file" and limit is not None
    ]
    plural = "s" if len(limits) == 2 else ""
    return (
        f"{result.marker} is not past the lab's critical limit{plural} of "
        f"{' and '.join(limits)}{_unit_of(result)}."
    )


def _own_range_sentences(own: dict[str, list[Result]]) -> list[str]:
    """'The lab marked IL-6 as normal. By the lab's own range in the file, IL-6 is high. …':
    a lab's flag that its own printed range does not bear out; where the reference set's
    critical limit kept beside that range decides it, that limit is named too, as the row's
    warning names it (review: named for every result, or for none)."""
    by_set: dict[str, list[Result]] = {}
    by_lab: dict[str, list[Result]] = {}  # its critical limits printed beside its range too
    alone: dict[str, list[Result]] = {}
    for words, results in own.items():
        for result in results:
            lab = _lab_flag(result) or ""
            # the set's limit decides a critical mark on the side panelcli finds (not a
            # lab's 'HH' on a low value: review)
            decided = (result.flag or "") in SIDED_CRITICAL_FLAGS or (
                lab_critical_on_its_side(result, lab) and not no_critical_limit(result, lab)
            )
            # the side that decides: panelcli's critical flag, else the lab's (review: the
            # lab's limit on one side was said of the set's on the other)
            side = result.flag if (result.flag or "") in SIDED_CRITICAL_FLAGS else lab
            if decided and result.reference and critical_from_file(result.reference, side):
                decided_by = by_lab  # review: the lab's limit was credited to the set
            else:
                decided_by = by_set if decided else alone
            decided_by.setdefault(words, []).append(result)
    text = []
    # the lab's critical limit with no range beside it: no range to name (QA)
    limit_alone = {
        words: alone_
        for words, results in by_lab.items()
        if (alone_ := [r for r in results if has_no_range(r.reference)])
    }  # fmt: skip
    for words, results in limit_alone.items():
        by_lab[words] = [r for r in by_lab[words] if r not in results]
        if not by_lab[words]:
            del by_lab[words]
    for marked, by in (
        (alone, "the lab's own range in the file"),
        (by_set, "the lab's own range in the file and the reference set's critical limit"),
        (by_lab, "the lab's own range and critical limit in the file"),
        (limit_alone, "the lab's critical limit in the file (it gives no range)"),
    ):
        if not marked:
            continue
        by_status: dict[str, list[Result]] = {}
        for result in (r for group in marked.values() for r in group):
            flag = result.flag or ""
            if marked is alone:  # the lab's range alone has no critical limit (QA)
                flag = {"HH": "H", "LL": "L"}.get(flag, flag)
            by_status.setdefault(FLAG_WORDS.get(flag, "normal"), []).append(result)
        text.append(
            f"The lab marked {_marked_as(marked)}. By {by}, {_states_joined(by_status)}. Ask "
            "the lab which is right."
        )
    return text


def _states_joined(by_state: dict[str, list[Result]]) -> str:
    """'IL-6 is high and sIL-2R is low', 'IL-6 and IL-10 are high': each state with the
    markers in it, joined as `_marked_as` joins its parts."""
    parts = [
        f"{_names(results)} {'is' if len(_distinct(results)) == 1 else 'are'} {state}"
        for state, results in by_state.items()
    ]
    return _parts_joined(parts, any(len(_distinct(results)) > 1 for results in by_state.values()))


def _marked_as(marked: dict[str, list[Result]]) -> str:
    """'IL-8 as high, IL-18 as critically high and TNF-α as critical'; with semicolons where
    a part lists markers itself ('IL-8 as high; IL-6 and IL-10 as critically high; and …'),
    a comma where there are two parts ('IL-8 as high, and IL-6 and IL-10 as …')."""
    parts = [f"{_names(results)} as {words}" for words, results in marked.items()]
    return _parts_joined(parts, any(len(_distinct(results)) > 1 for results in marked.values()))


def _parts_joined(parts: list[str], listing: bool) -> str:
    """Parts of a sentence joined by 'and'; where a part is a list itself (`listing`), by a
    comma for two ('IL-6 as low, and IL-10 and IL-1β as …'; QA: '; and' joined two) and by
    semicolons for more."""
    if len(parts) < 2 or not listing:
        return join_names(parts)
    if len(parts) == 2:
        return f"{parts[0]}, and {parts[1]}"
    return "; ".join(parts[:-1]) + "; and " + parts[-1]


def _lab_flag(result: Result) -> str | None:
    """The lab's flag as the value's text as written ends in it ('250 HH', '900 kritisch',
    '12 ++', '5 (H)'), as an HL7 code, a critical one's side taken from panelcli's judgement;
    None where it ends in none (review: only 'H', 'HH', 'L', 'LL' and 'high' were read)."""
    found = _flag_at_end(result)
    return None if found is None else critical_side(found[1], result.flag)


def _flag_at_end(result: Result) -> tuple[str, str] | None:
    """The lab's flag the value as written ends in, as written and as a code: its last two
    words ('5 Critical High', as Epic writes it: review, read as 'High'), else its last."""
    words = result.original_value.split()
    for count in (2, 1):
        if len(words) > count:
            written = " ".join(words[-count:])
            code = flag_column_code(written)
            if code is not None:
                return written, code
    # glued to the number ('150HH', '1.0H', '1.0!': lab QA round 21, read, but left out of
    # the note and the summary)
    glued = _GLUED_FLAG.fullmatch(result.original_value.strip())
    if glued is not None and (code := flag_column_code(glued["flag"])) is not None:
        return glued["flag"], code
    return None


#: A value's number with a lab's flag glued to its end (`_flag_at_end`)
_GLUED_FLAG = lazy_pattern(r"[<>≤≥=]*\s*[\d.,]*\d(?P<flag>[^\d\s.,]+)")


def written_without_flag(result: Result) -> str:
    """The value as written without a lab's flag at its end ('ND L' → 'ND')."""
    found = _flag_at_end(result)
    if found is not None:
        return result.original_value.strip()[: -len(found[0])].rstrip()
    return result.original_value


def lab_marked_critical(result: Result) -> bool:
    """Whether the lab marked the result critical (HH, LL, 'kritisch') where panelcli does not
    find it so: the big-file overview lists it with those that may be critical (QA: the lab's
    only critical judgement of a sample was lost there)."""
    # 'CRIT': a critical mark with no side ('kritisch') beside a value panelcli finds normal
    # or cannot judge (review)
    return result.status is not Status.CRITICAL and _lab_flag(result) in ("HH", "LL", "CRIT")


def lab_mark_note(result: Result) -> str | None:
    """The table's note of a lab's flag that panelcli's flag does not show ("lab: 'HH'
    (critically high)", "lab: 'N' (normal)"; QA: a row the lab called a panic value read 'H'
    alone, and the lab's 'N' or 'L' beside panelcli's 'H' was only in the warnings)."""
    code = _lab_flag(result)
    if code is None:
        return None
    shown = result.flag == code or (
        code in _AGREES_WITH and result.flag in _AGREES_WITH[code]
    )  # the lab's 'H' beside panelcli's 'HH', its 'A' beside 'L'
    if shown and not lab_marked_critical(result):
        return None
    found = _flag_at_end(result)
    written = found[0] if found is not None else result.original_value.split()[-1]
    return f"lab: {flag_said(written, code)}"


def may_be_critical(result: Result) -> bool:
    """Whether a result not certainly critical may be past a critical limit (the summary
    says so, and the big-file overview marks it)."""
    return _may_be_critical(result) is not None


def _may_be_critical(result: Result) -> str | None:
    """Why a high or low result may be past a critical limit, which its status (the severity
    that is certain) does not say: by an interval that may be the person's, or as a value
    known only to be over or under a number (QA: only the note said it)."""
    if result.doubt is not None and result.doubt.critical_for:  # high, low or unjudged
        # 'female under age 0.5': a row's own comma would run into the list's (review)
        whom = " or for ".join(who.replace(", ", " ") for who in result.doubt.critical_for)
        return (
            f"{result.marker} could be past the critical limit. By the range for {whom}, it is "
            "past it, but the file does not say which range is the person's."
        )
    reference, value, comparator = result.reference, result.value, result.comparator
    if result.status is Status.CRITICAL or value is None or comparator is None:
        return None
    known = (
        f"{result.marker} is {COMPARATOR_WORDS[comparator]} {number_text(value)}{_unit_of(result)}"
    )
    if result.doubt is not None and result.doubt.could_reach_critical:  # by an interval of many
        return f"{known}, so it could be past the critical limit."
    if reference is None:
        return None
    # high, low or not judged ('<200' where the critical limit is 100: QA)
    bounds = Bounds(
        low=reference.low, high=reference.high, critical_low=reference.critical_low,
        critical_high=reference.critical_high, low_exclusive=reference.low_exclusive,
        high_exclusive=reference.high_exclusive,
    )  # fmt: skip
    past = [
        f"{number_text(limit)}{_unit_of(result)}"
        for limit in reachable_critical(value, comparator, bounds)
    ]
    if not past:
        return None
    return f"{known}, so it could be past the critical limit of {' or '.join(past)}."


def _critical_limit(result: Result) -> str | None:
    """The critical limit a critical result is at or past ('100 pg/mL'), where its range
    gives it."""
    reference = result.reference
    if reference is None:
        return None
    # AA: critical either way its number is read, no side
    if result.flag not in SIDED_CRITICAL_FLAGS:
        return None
    limit = reference.critical_high if result.flag == "HH" else reference.critical_low
    return None if limit is None else f"{number_text(limit)}{_unit_of(result)}"


def _critical_sentence(critical: Sequence[Result], storm: bool) -> str:
    """A fact and whom to ask ('needs prompt medical attention' came close to advice); the
    storm sentence, when there is one, has said whom to ask already."""
    # One marker on two rows is still one marker: "IL-6 is", never "IL-6 are".
    one = len(_distinct(critical)) == 1
    limits = {_critical_limit(result) for result in critical}
    # the limit, where it is one (QA: the one result that is critical was the one whose
    # limit no sentence gave)
    of = f" of {limits.pop()}" if one and len(limits) == 1 and None not in limits else ""
    if of:  # with a number, the side (QA: 'past the critical limit of 2' read as above 2)
        side = "above" if critical[0].flag == "HH" else "below"
        reference = critical[0].reference
        # whose: the lab's, in the file, where it is (QA: read as the set's)
        whose = (
            "the lab's" if reference and critical_from_file(reference, critical[0].flag) else "the"
        )
        fact = f"{_names(critical)} is at or {side} {whose} critical limit{of}."
    elif one:
        fact = f"{_names(critical)} is at or past the critical limit."
    else:
        fact = f"{_names(critical)} are at or past their critical limits."
    if storm:
        return fact
    ask = "A result like this" if one else "Results like these"
    return f"{fact} {ask} should be talked over with a healthcare provider soon."


def _two_ways_sentence(results: Sequence[Result]) -> str:
    # Not 'the two ways give different results': '<12.000' cannot be judged either way.
    one = len(results) == 1
    numbers = "number for" if one else "numbers for"
    notes = "The note beside it gives" if one else "The notes beside them give"
    return (
        f"The {numbers} {_names(results)} can be read in two ways, as a dot or comma may mark "
        f"off thousands. {notes} both readings."
    )


#: What a note says a range depends on (`ranges._depends_on`, `ranges.said_unreadable`)
_DEPENDS_ON = lazy_pattern(r"depends on (sex and age|sex|age)\b")


def _person_facts(results: Sequence[Result]) -> tuple[str, str]:
    """('age', 'it'), ('sex and age', 'them') …: what the notes ask for (see `ranges._ask_for`);
    "sex or age" said 'sex' to readers whose file lacked only the age (QA); the age where a
    date may be two days (QA: "sex or age" where both were in the file)."""
    notes = " ".join(r.own_note for r in results)
    if _two_days_noted(notes) or _age_cell_too_rough(notes):
        return ("age", "it")
    sex, age = "'sex'" in notes, "'age'" in notes
    # ... and a cell written but unreadable ('depends on sex, but the row's sex 'X' cannot be
    # read': educator QA round 22, 'sex or age' where the age was given)
    for facts in _DEPENDS_ON.findall(notes):
        sex, age = sex or "sex" in facts, age or "age" in facts
    if sex != age:
        return ("sex", "it") if sex else ("age", "it")
    return ("sex and age", "them") if sex else ("sex or age", "them")


def _why_not_judged_all(unclear: Sequence[Result], reassure: bool) -> list[str]:
    """`why_not_judged` for each result, each sentence once; the markers whose range depends
    on the person share one sentence (a set with sex and age rows can have a dozen)."""
    marked = [r for r in unclear if _marked_not_judged(r)]
    unclear = [r for r in unclear if not _marked_not_judged(r)]
    person = [r for r in unclear if r.reference is None and r.value is not None]
    sentences = [_marked_sentence(marked)] if marked else []
    if len(person) > 1:
        # One sentence per fact lacking: IL-10 that needs only the age is not said to need
        # the sex as well because Ferritin beside it does (QA).
        by_facts: dict[tuple[str, str], list[Result]] = {}
        for result in person:
            by_facts.setdefault(_person_facts([result]), []).append(result)
        for group in by_facts.values():
            ranges = (  # one marker twice is one range (QA: 'The ranges for IL-8 depend')
                f"ranges for {_names(group)} depend"
                if len(_distinct(group)) > 1
                else (f"range for {group[0].marker} depends")
            )
            sentences.append(_person_said(ranges, group))
    # Values with no number ('ND', 'OOR >'), side by side: one sentence per side, not per marker.
    no_number = {
        side: [r for r in unclear if r.value is None and _censored_side(r) == side]
        for side in ("below", "above")
    }
    for side, group in no_number.items():
        if len(group) > 1:
            sentences.append(_no_number_sentence(group, side, reassure))
    grouped = {id(r) for group in no_number.values() if len(group) > 1 for r in group}
    two_ways = [r for r in unclear if r.reference is not None and _read_two_ways(r)]
    if len(two_ways) > 1:  # one sentence for them all, as for the others above
        sentences.append(_two_ways_sentence(two_ways))
        grouped.update(id(r) for r in two_ways)
    if len(person) > 1:  # said in their sentences above
        grouped.update(id(r) for r in person)
    each = [(r, why_not_judged(r, reassure)) for r in unclear if id(r) not in grouped]
    # one sentence for them all (educator QA round 22: four alike, one a marker)
    not_low_enough = [r for r, said in each if said == _not_low_enough_sentence([r])]
    if len(not_low_enough) > 1:
        grouped_said = _not_low_enough_sentence(not_low_enough)
        ids = {id(r) for r in not_low_enough}
        each = [(r, grouped_said if id(r) in ids else said) for r, said in each]
    sentences += [said for _, said in each]
    return list(dict.fromkeys(sentences))


def _other_patients_sentence(results: Sequence[Result]) -> list[str]:
    """One sample id given with two patients (a sample-conflict): its results are one panel,
    so the summary says some may be another person's (QA: only a warning at the end did)."""
    # compared as sample-conflict compares them: 'P-1' and 'p-1 ' are one (review)
    first: dict[str, str] = {}  # each patient as first written
    for result in results:
        if result.patient_id:
            first.setdefault(person_key(result.patient_id), result.patient_id)
    patients = list(first.values())
    if len(patients) < 2:
        return []
    quoted = [f"'{shorten(p)}'" for p in patients]
    named = f" ({join_names(quoted)})" if len(patients) <= 5 else ""
    return [
        f"These results have one sample ID, but the file gives it with {len(patients)} "
        f"patients{named}. Some of the results may be another person's. Ask the lab which "
        "results are whose."
    ]


def _other_dates_sentence(results: Sequence[Result]) -> list[str]:
    """One sample id given with two collection dates (a sample-conflict): its results may be
    two blood draws', which the panel's heading, naming the first date, does not say."""
    written = list(dict.fromkeys(r.collected_at for r in results if r.collected_at))
    if len(written) < 2:  # nearly every panel: no date read (benchmark)
        return []
    from panelcli.trends import may_be_one_moment, read_date  # (trends reads this module)

    def one_day(one: str, other: str) -> bool:
        """Whether two dates may be one, or are one day at two times (review of round 22:
        08:00 and 08:05 were '2 collection dates'; the warning names both)."""
        if may_be_one_moment(one, other):
            return True
        first, second = read_date(one, in_utc=False), read_date(other, in_utc=False)
        return first is not None and second is not None and first.date() == second.date()

    dates: list[str] = []  # each date as first written, one a day
    for when in written:
        if not any(one_day(date, when) for date in dates):
            dates.append(when)
    if len(dates) < 2:
        return []
    named = f" ({join_names([shorten(d) for d in dates])})" if len(dates) <= 5 else ""
    return [
        f"These results have one sample ID, but the file gives it {len(dates)} collection "
        f"dates{named}. Some of the results may be from another blood draw. Ask the lab "
        "which date is right for each result."
    ]


def summarise_panel(
    results: Sequence[Result], rejected: Sequence[Issue] = (), not_given: Sequence[Issue] = ()
) -> PanelSummary:
    """Counts and sentences for one panel's results; `rejected`: its rows that could not be
    used (they are not counted, but said, so the results shown never read as the whole sample);
    `not_given`: its rows whose status says the lab gave no result (pending, cancelled).
    A panel with no results, only rejected rows, says that none could be used, and nothing
    about its values."""
    summary = _summarise_panel(results, rejected, not_given)
    rows: Sequence[Result | Issue] = [*results, *rejected, *not_given]
    if any(row.sample_id or row.patient_id for row in rows):
        return summary
    # a file of no one's rows ('Results'): no sample to speak of (QA: '1 more result of this
    # sample could not be used' under a title that names none)
    text = [
        sentence.replace(" of this sample", "").replace(" in this sample;", " here;")
        for sentence in summary.text
    ]
    return summary.model_copy(update={"text": text})


def _summarise_panel(
    results: Sequence[Result], rejected: Sequence[Issue], not_given: Sequence[Issue]
) -> PanelSummary:
    """`summarise_panel`, each sentence said of a sample."""
    if not not_given:
        return _summary(results, rejected)
    # QA: a sample whose one row was pending had no panel, as if the file never named it
    # tests, one a row in a long file; a wide row holds several (review: 'the one test' of
    # two), so there it is said of rows
    word = "test" if all(issue.marker for issue in not_given) else "row"
    more = "more " if results or rejected else ""
    summary = (
        _summary(results, rejected, not_given)
        if results or rejected
        else PanelSummary(
            measured=0,
            by_status=every_status({}),
            flagged_markers=[],
            text=_lab_comment_sentences((), not_given),
        )  # fmt: skip
    )
    # a result still to come is said so, one the lab cancelled, deleted or gave in error so
    # (lay QA: 'gave no result' sounded final for a pending one; review: 'may still be
    # working on it' was said of a deleted one)
    said = []
    for kind in ("pending", "marked", "none given"):
        group = [issue for issue in not_given if _not_given_kind(issue) == kind]
        if not group:
            continue
        some = counted(len(group), f"{more}{word}", f"{more}{word}s")
        lines = _lines_named(group)
        several = word == "row" or len(group) > 1  # a wide row holds several tests (review)
        # each test by its marker (educator QA round 20: 'the result of 1 more test … (line
        # 2)' told a reader holding a printout nothing of which)
        names = join_names(first_few(list(dict.fromkeys(i.marker or "" for i in group))))
        if kind == "pending":
            the = (
                f"The results on {some}" if word == "row"
                else f"The {names} result{'s' * several}"
            )  # fmt: skip
            said.append(f"{the} of this sample {'are' if several else 'is'} not back yet{lines}.")
        elif kind == "marked":  # lab QA round 19: 'the lab gave no result' of one it gave
            said.append(_marked_said(group, word == "row", several, lines, more))
        else:
            given = f"results on {some}" if word == "row" else f"result for {names}"
            said.append(f"The lab gave no {given} of this sample{lines}. The warnings say why.")
    return summary.model_copy(
        update={
            "text": [*summary.text, *said],
            "given_none": not results and not rejected,
        }
    )


#: What a pending result's status warning says after its quoted status (`values.result_status`)
_PENDING = "' says this result is still pending;"
_PRELIMINARY_PENDING = f"' says {PRELIMINARY_NO_VALUE.words};"  # a 'P' with no value yet


def _marked_said(group: Sequence[Issue], rows: bool, several: bool, lines: str, more: str) -> str:
    """'The lab marked the IL-6 result not to be used (line 2; its reason: 'Hemolyzed'), so it
    is not judged here.': each marker and the lab's reason named (educator QA round 19: a
    reader holding a printout of IL-6 85 found no IL-6 and no reason)."""
    reasons = [r[1] if (r := _MARK_REASON.search(i.message)) else None for i in group]
    # one reason said only where every row gives it (second review: one row's was said of two)
    said = set(reasons)
    why = f"; its reason: '{reasons[0]}'" if len(said) == 1 and reasons[0] is not None else ""
    if why and len(group) > 1:
        why = f"; the reason given: '{reasons[0]}'"
    where = f"{lines[:-1]}{why})" if lines else (f" ({why[2:]})" if why else "")
    they = "they are" if several else "it is"
    if rows:  # a wide row's results
        what = f"results on {counted(len(group), f'{more}row', f'{more}rows')} of this sample"
    else:
        names = join_names(list(dict.fromkeys(issue.marker or "" for issue in group)))
        what = f"{names} result{'s' * several}"
    return f"The lab marked the {what} not to be used{where}, so {they} not judged here."


#: The reason a mark column's warning quotes (`reading._mark_warning`)
_MARK_REASON = lazy_pattern(r" \(its reason: '(.*)'\); this row was not judged$")


def _not_given_kind(issue: Issue) -> str:
    """A `result-not-given` warning's kind: 'pending', 'marked' (a mark column says not to use
    it, `values.marked_status`), or 'none given'."""
    if is_pending(issue):
        return "pending"
    return "marked" if f": {MARKED_NOT_TO_USE}" in issue.message else "none given"


def is_pending(issue: Issue) -> bool:
    """Whether a `result-not-given` warning is of a result still to come, by what it says
    of the status, never by the lab's own words it quotes (review: 'Not performed (still
    pending review)' was told to be not back yet)."""
    return _PENDING in issue.message or _PRELIMINARY_PENDING in issue.message


def _summary(
    results: Sequence[Result], rejected: Sequence[Issue], not_given: Sequence[Issue] = ()
) -> PanelSummary:
    """`summarise_panel` of the results and rejected rows (`not_given`: only for the lab's
    comments on them, said with the others')."""
    # A row with no values, or one refused whole with no marker known (a wide row with too
    # many cells), is no one result that could not be used: said of rows, apart.
    empty = [i for i in rejected if i.code == "row-no-values"]
    whole = [i for i in rejected if _refused_whole(i)]
    rejected = [i for i in rejected if i.code != "row-no-values" and not _refused_whole(i)]
    if not results and (rejected or empty or whole):  # nothing of the sample to judge
        text = [_none_used_sentence(rejected)] if rejected else []
        text.extend(_rows_sentences(whole, empty, more=bool(rejected), said_why=bool(rejected)))
        return PanelSummary(measured=0, by_status=every_status({}), flagged_markers=[], text=text)
    by_status = Counter(r.status.value for r in results)
    high = [r for r in results if _is_high(r)]
    low = [r for r in results if r.status == Status.LOW or r.flag == "LL"]
    critical = [r for r in results if r.status == Status.CRITICAL]
    unclear = [r for r in results if r.status == Status.INDETERMINATE]
    unknown = [r for r in results if r.status == Status.NO_REFERENCE]
    below = [r for r in results if r.status == Status.NORMAL and r.comparator in ("<", "<=")]
    inside = by_status.get(Status.NORMAL.value, 0)

    # By the name's key: a marker the set lacks keeps each spelling (educator QA round 17:
    # 'IL-1α' and 'IL-1 alpha' were "2 markers were tested").
    spellings: dict[tuple[str, int, int], list[str]] = {}
    for result in results:
        spellings.setdefault(_spelling_key(result.marker), []).append(result.marker)
    repeated = [names for names in spellings.values() if len(names) > 1]
    counts = (len(results), len(high), len(low), inside, len(unclear), len(unknown))
    critical_only = any(_past_critical_only(r, "high") for r in high) or any(
        _past_critical_only(r, "low") for r in low
    )
    text = [_counts_sentence(*counts, repeated=bool(repeated), no_range_side=critical_only)]
    # each spelling tested twice, also beside another spelling of it (review)
    if twice := [m for names in repeated for m, n in Counter(names).items() if n > 1]:
        text.append(f"{join_names(twice)} {'was' if len(twice) == 1 else 'were'} tested "
                    "more than once in this sample; each result is shown.")  # fmt: skip
    for names in repeated:
        if len(written := list(dict.fromkeys(names))) > 1:
            ways = few_in_words(len(written))
            text.append(f"{join_names(written)} may be one marker written {ways} ways; each "
                        "result is shown.")  # fmt: skip
    # one sample id of two patients or two dates: its results may not be one draw's, so none
    # are read together (educator QA round 22: two dates four days apart made one pattern)
    people, draws = _other_patients_sentence(results), _other_dates_sentence(results)
    others = [*people, *draws]
    # what they may not all be from (educator QA round 23: one patient's two dates were said
    # to be maybe another person's)
    apart = " or ".join(
        words for words, said in (("one person", people), ("one blood draw", draws)) if said
    )
    # a marker's results of two draws (two dates or people under one sample id) are not said
    # to be a unit slip or to disagree: a rise may be real (educator QA round 23)
    one_draw = [] if others else twice
    far_apart = {m: slip for m in one_draw if (slip := _far_apart_sentence(results, m))}
    # one result inside the range and one outside: the high one alone read as the marker's
    # (lab QA round 22: IL-6 1.0 and 40 said only '16 times the upper limit')
    split = [_split_sentence(results, m) for m in one_draw if m not in far_apart]
    # ... and where the sample is of two draws, within one draw, said of its date (educator
    # QA round 23: two results of 03-05, one inside the range, one above it, were unsaid
    # beside one of 03-01; review: a sentence beside the two dates' named none)
    split += [_split_by_draw(results, m) for m in twice if m not in one_draw]
    text.extend(others)  # (before a sentence that names one draw's date)
    text.extend(filter(None, split))
    text.extend(far_apart.values())
    if rejected:
        text.append(_rejected_sentence(rejected))
    text.extend(_rows_sentences(whole, empty, more=True, said_why=bool(rejected)))
    # With rows left out, "all the results" would read as an all-clear for the whole sample.
    used = " that could be used" if rejected else ""
    if preliminary := [r for r in results if r.note and PRELIMINARY_NOTE in r.note]:
        # before what reads them (educator QA round 20: a preliminary TNF-α 'can be a sign of
        # inflammation' with no word that its number may still change), the all-clear too
        # (educator QA round 21: 'All the results are inside the reference range' came first)
        text.append(_preliminary_sentence(preliminary, len(preliminary) == len(results)))
    if inside and not high and not low:
        if len(results) == 1:  # "All the results" of one (QA)
            text.append(f"The result{used} is inside the reference range.")
        elif not unclear and not unknown:  # "that could be judged" implied some could not (QA)
            text.append(f"All the results{used} are inside the reference range.")
        elif inside == 1:  # "All the results" over the one of 13 that could be judged (QA)
            text.append("The one result that could be judged is inside the reference range.")
        else:
            text.append(
                f"The {inside} results that could be judged are inside the reference range."
            )
    far = [r for r in high if far_past_range(r)]
    if far:  # QA: a unit slip (mg/L for pg/mL) read as '4,800,000 times … strong inflammation'
        # said first: what follows reads the number as written (lay QA: the caveat came
        # after the sentences that read it)
        one = len(_distinct(far)) == 1
        # educator QA round 14: such a number (a unit slip, 'mg/L') then made "strong
        # inflammation" with another marker: the sentences that read results leave it out
        # (where it is the only one: what it can mean, read as written)
        rest = " What follows reads the number as it is written."
        if len(far) < len(high):
            # (not 'what follows': the critical, flag and comment sentences still name it: review)
            those = "that result" if len(far) == 1 else "those results"
            rest = f" The sentences below that read the results together leave {those} out."
        text.append(
            f"{_names(far)} {'is' if one else 'are'} so far above the range that the number or "
            f"the unit may be wrong. Ask the lab to check the number and the unit first.{rest}"
        )
    if any(r.note and CHILD_RANGE_NOTE in r.note for r in results):
        # before what reads the results (educator QA round 14: a child's IL-6 was high by one
        # set and normal by another, neither saying whom its range was for)
        text.append(CHILD_RANGE_SENTENCE)
    # one sample id given with two patients: no pattern across their results (lab QA round 13:
    # one person's IL-6 and another's TNF-α were 'both high at the same time')
    apart_from_far = far and len(far) < len(high)
    read_high = [r for r in high if not far_past_range(r)] if apart_from_far else high
    # markers tested more than once may be of draws hours apart (lab QA round 16: a pre-dose
    # TNF-α and a post-dose IL-6 were 'high at the same time')
    text.extend(_group_sentences(read_high, apart=apart, repeated=bool(repeated)))
    read = [r for r in results if not far_past_range(r)] if apart_from_far else results
    storm_names = None if others else _storm_like(read)
    storm = storm_names is not None
    if storm_names is not None:
        text.append(STORM_SENTENCE.format(*storm_names))
    if low:
        signs = [_low_sign(r) for r in low]
        text.append(" ".join(dict.fromkeys([*_how_far_below_each(low), *signs])))
    critical_in_storm = _in_storm(critical, storm_names)
    if critical:  # after the sentences that say where each result lies (QA: a critical low)
        text.append(_critical_sentence(critical, critical_in_storm))
    maybe = [(r, said) for r in [*high, *low, *unclear] if (said := _may_be_critical(r))]
    if maybe:
        ask = "A result like this" if len(maybe) == 1 else "Results like these"
        # asked already just before, or by the storm sentence of these very results
        asked = (critical and not critical_in_storm) or _in_storm(
            [r for r, _ in maybe], storm_names
        )
        soon = [] if asked else [f"{ask} should be talked over with a healthcare provider soon."]
        text.append(" ".join([*(said for _, said in maybe), *soon]))
    # ten times the limit or more, where nothing above asked to talk it over soon (educator
    # QA: IL-6 at 800 times its limit read as calmly as at 1.2 times)
    very_high = [
        r for r in high
        if r.status is Status.HIGH and _times(r) >= STORM_TIMES and not far_past_range(r)
    ]  # fmt: skip
    far_soon = bool(very_high) and not (critical or maybe or storm)
    # above what the test measures, with no number, is most often far above the range:
    # talked over soon, as 10 times the limit is, where nothing above asked (educator QA)
    asked_of = {id(r) for r, _ in maybe}
    past = [
        r for r in unclear
        if r.value is None and _censored_side(r) == "above" and id(r) not in asked_of
    ]  # fmt: skip
    if far_soon:
        # named: it followed the sentence of another marker, or of a low one (educator QA);
        # and one too high to measure, named with it (educator QA round 17: its own sentence
        # was left out, and this one named only IL-10, as if it were the one to ask about)
        which = "A result" if len(_distinct(very_high)) == 1 else "Results"
        text.append(
            f"{which} {STORM_TIMES:g} times the upper limit or more, like {_names(very_high)} "
            "here, should be talked over with a healthcare provider soon."
        )
    said_soon = bool(critical or maybe or far_soon) or storm  # asked once (review)
    text.extend(_lab_flag_sentences(results, said_soon=said_soon))
    # named after the sentence that asked, which names others (educator QA round 17 and its
    # reviews: beside IL-10 13 times its limit, a critical, a storm's pattern or a lab's
    # critical mark, it was left out, as if they were the ones to ask about, or said twice)
    asking = max((i for i, said in enumerate(text) if "provider soon" in said), default=None)
    past_named = bool(past) and asking is not None
    if past and asking is not None:
        # not a marker that sentence names already (fuzzing: 'like IL-6 here … So should
        # IL-6', of its other result)
        markers = {r.marker for r in results}
        past = [r for r in past if not _named_in(r.marker, text[asking], markers)]
        if past:
            one = len(_distinct(past)) == 1
            text[asking] += (
                f" So should {_names(past)}, which {'was' if one else 'were'} too high for the "
                "test to measure."
            )
    # one list of them all (QA: a fourth was quoted after 'three at most', a wide row's one
    # twice, where rows that gave no result were said apart)
    text.extend(_lab_comment_sentences(results, [*rejected, *not_given]))
    # a result above what the test measures, with no number: no reassurance beside it
    too_high = any(r.value is None and _censored_side(r) == "above" for r in unclear)
    if below:
        # A marker measured twice, once too low to measure and once out of range: calling the
        # low result "common in healthy people" would contradict the other sentence about it.
        outside = set(_distinct([*high, *low]))
        # (not results that may be two draws' or two people's: the sentence of that says so)
        disagree = [
            name for name in _distinct(below) if name in outside and _one_draw(results, name)
        ]
        # Reassurance only in a panel with nothing out of range: next to IL-6 at 2000 times
        # its limit, "that is common in healthy people" would read as an all-clear.
        # Common, not "not a problem": that would be a judgement about this person (review).
        # nor beside one above what the test measures (review of round 21)
        also = "" if outside or too_high else " That is common in healthy people."
        if disagree:
            whose = "its" if len(disagree) == 1 else "their"
            also = (
                f" But {join_names(disagree)} also had a result outside the range in this "
                f"sample, so {whose} results disagree. A healthcare provider can say which "
                "one counts."
            )
        text.append(
            f"{counted(len(below), 'result was', 'results were')} too low for the test to "
            f"measure ({_names(below)}).{also}"
        )
    if unclear:
        soon = [] if past_named or not past else [
            f"{'A result like this' if len(past) == 1 else 'Results like these'} should be "
            "talked over with a healthcare provider soon."
        ]  # fmt: skip
        text.append(
            " ".join([
                f"{counted(len(unclear), 'result', 'results')} could not be judged.",
                *_why_not_judged_all(unclear, not (high or low or critical or too_high)), *soon,
            ])
        )  # fmt: skip
    text.extend(_no_range_sentences(unknown))
    flagged = _distinct(
        [r for r in results if r.status in (Status.LOW, Status.HIGH, Status.CRITICAL)]
    )
    return PanelSummary(
        measured=len(results), by_status=every_status(by_status), flagged_markers=flagged, text=text
    )


#: Lines a panel's sentence about its rejected rows names (the list of them names the rest),
#: and samples or dates a trend's sentence names (QA: 300 dates in one sentence).
LINES_NAMED = 5


def first_few(names: Sequence[str], count: int | None = None) -> list[str]:
    """The names, or the first few of them and 'N more'; `count`: how many things the names
    stand for, where the last may stand for several ('2 other samples')."""
    if len(names) <= LINES_NAMED:
        return list(names)
    more = (len(names) if count is None else count) - LINES_NAMED + 1
    return [*names[: LINES_NAMED - 1], f"{more} more"]


def _refused_whole(issue: Issue) -> bool:
    """A row refused with no marker known (a wide row with too many cells): no one result."""
    return issue.code == "row-too-many-cells" and issue.marker is None


def _rejected_sentence(rejected: Sequence[Issue]) -> str:
    """'2 more results of this sample could not be used (lines 3 and 4). …'"""
    return (
        f"{counted(len(rejected), 'more result', 'more results')} of this sample could not be "
        f"used{_lines_named(rejected)}. The list of what could not be used says why."
    )


def _none_used_sentence(rejected: Sequence[Issue]) -> str:
    """'None of the 2 results of this sample could be used (lines 3 and 4). …': a sample all
    of whose rows were rejected, said as plainly as a sample some of whose rows were."""
    which = (
        "The one result of this sample"
        if len(rejected) == 1
        else f"None of the {len(rejected):,} results of this sample"
    )
    could = "could not" if len(rejected) == 1 else "could"
    return (
        f"{which} {could} be used{_lines_named(rejected)}. The list of what could not be used "
        "says why."
    )


def _rows_sentences(
    whole: Sequence[Issue], empty: Sequence[Issue], more: bool, said_why: bool
) -> list[str]:
    """'1 more row of this sample could not be used (line 2).', '… has no values at all
    (line 4).'; without `more`, the sample has nothing else ('The row of this sample …')."""
    text = []
    for rows, what in ((whole, "could not be used"), (empty, "has no values at all")):
        if not rows:
            continue
        if more:
            which = counted(len(rows), "more row", "more rows")
        else:
            which = "The row" if len(rows) == 1 else f"The {len(rows):,} rows"
        if len(rows) > 1:
            what = what.replace("has", "have")
        why = "" if said_why or rows is empty else " The list of what could not be used says why."
        text.append(f"{which} of this sample {what}{_lines_named(rows)}.{why}")
        more = said_why = True
    return text


def _lines_named(rejected: Sequence[Issue]) -> str:
    """' (lines 3 and 4)', ' (lines 3, 4, 5, 6 and 4 more)', or '' when no line is known."""
    lines = first_few([str(n) for n in dict.fromkeys(i.line for i in rejected) if n is not None])
    return f" ({'line' if len(lines) == 1 else 'lines'} {join_names(lines)})" if lines else ""


#: The lab's comments a panel's summary quotes; the notes hold the rest
COMMENTS_QUOTED = 3


def _lab_comment_sentences(results: Sequence[Result], rows: Sequence[Issue] = ()) -> list[str]:
    """A sentence for each comment of the lab's, quoting it, with the markers that share it
    ("The lab left a comment on IL-6: '…'."), as it may change what a result means (QA:
    'Hemolyzed sample, may be falsely elevated' was not said where the summary called IL-6
    high); also of `rows` that gave no result or could not be used (review: lost with them)."""
    on: dict[str, list[str]] = {}
    for result in results:
        if result.doubt is not None and result.doubt.lab_comment:
            on.setdefault(result.doubt.lab_comment, []).append(result.marker)
    for row in rows:
        if row.lab_comment:
            on.setdefault(row.lab_comment, []).append(row.marker or f"line {row.line}")
    text = [
        f"The lab left a comment {_on_or_beside(comment, names)}: '{shorten(comment, 200)}'."
        for comment, names in list(on.items())[:COMMENTS_QUOTED]
    ]
    more = [name for names in list(on.values())[COMMENTS_QUOTED:] for name in names]
    if more:
        where = join_names(list(dict.fromkeys(more)))
        # where each is said (QA: a refused row's comment is in the list of rows that could
        # not be used, not among the warnings)
        lists = [
            *(["the warnings"] if any(r.severity == "warning" for r in rows) else []),
            *(
                ["the rows that could not be used"]
                if any(r.severity == "error" for r in rows)
                else []
            ),
        ]
        see = join_names(["the notes", *lists]) if lists else "their notes"
        text.append(f"The lab left comments on {where} too (see {see}).")
    return text


def _on_or_beside(comment: str, names: Sequence[str]) -> str:
    """'on IL-6', or 'next to the IL-6 result' where the comment names a marker it is not of
    (lab QA round 15: a wide row's 'IL-8 QNS' was 'a comment on IL-6', IL-8 being blank)."""
    markers = join_names(list(dict.fromkeys(names)))
    others = {known_name(word) for word in _COMMENT_WORDS.split(comment)} - {None, *names}
    if not others:
        return f"on {markers}"
    return f"next to the {markers} {'result' if len(set(names)) == 1 else 'results'}"


#: Where a comment's words part ('IL-8 QNS;IL-10 hemolyzed'): not at '-' or '/', which
#: marker names have
_COMMENT_WORDS = lazy_pattern(r"[\s,;:()]+")


def _what_decided(group: Sequence[Result]) -> str:
    """'age', 'sex' or 'age or sex': what of the person was known where no range fit
    (educator QA round 14: 'age or sex' of a child whose sex was not given)."""
    whom = [r.own_note.rpartition(" that fits ")[2] for r in group]
    age = any("age " in who for who in whom)
    sex = any("female" in who or "male" in who for who in whom)
    return "age" if age and not sex else "sex" if sex and not age else "age or sex"


def _no_range_sentences(unknown: Sequence[Result]) -> list[str]:
    """Markers with no range: a name a bundled set knows is no typo, so no spelling hint for it;
    a marker the set has, with no range for this person or none at all, is said so."""
    text = []
    for starts, why in (
        (NO_INTERVAL_FITS, "no range that fits this person's age or sex"),
        (NO_LIMITS, "no normal range"),
    ):
        group = [r for r in unknown if r.own_note.startswith(starts)]
        if group and starts == NO_INTERVAL_FITS:
            why = f"no range that fits this person's {_what_decided(group)}"
        if group:
            one = len(_distinct(group)) == 1
            text.append(
                f"The ranges used have {_names(group)}, but {why}, so panelcli could not "
                f"judge {'it' if one else 'them'}. Another list of ranges (a reference set), or "
                "the lab's own range, can be used."
            )
        taken = {id(r) for r in group}
        unknown = [r for r in unknown if id(r) not in taken]
    # A name a bundled set knows, or one that gives its form ('IL-12 p40'), is no typo.
    known = [
        r for r in unknown if marker_key(r.marker) in _bundled_markers() or names_a_form(r.marker)
    ]
    strange = [r for r in unknown if not any(r is k for k in known)]
    for group in (known, strange):
        if not group:
            continue
        one = len(_distinct(group)) == 1
        sentence = (
            f"{_names(group)} {'has' if one else 'have'} no reference range in the ranges used, "
            f"so panelcli could not judge {'it' if one else 'them'}."
        )
        # short of the lab's critical limits, its only ones (QA: said only in the note); a
        # lab's critical mark beside it is said with the marks
        for short in dict.fromkeys(_short_of_limits(r) for r in group if _short_of_limits_alone(r)):
            sentence += f" {short}"
        if group is known:
            # 'set' alone, unexplained, puzzled a class (educator QA round 7)
            sentence += (
                " Another list of ranges (a reference set), or the lab's own range, can be used."
            )
            sentence += _bundled_sets_having(group)
        else:
            # A name panelcli does not know may still be a real marker's (QA: IL-18 was only
            # told to be checked for its spelling)
            hints = _hints_sentence(group)
            names, are, they = ("name", "is", "it") if one else ("names", "are", "they")
            sentence += f" Check that the {names} {are} spelled right." + (
                hints
                or f" If {they} {are}, another list of ranges (a reference set), or the lab's own "
                "range, can be used."
            )
            lost = list(dict.fromkeys(sign for r in group if (sign := lost_letter(r.marker))))
            if lost:  # each sign seen (lay QA: of '?' and '�' only one was explained)
                signs = " or ".join(f"'{sign}'" for sign in lost)
                sentence += " " + LOST_LETTER_SAID.format(signs)
        text.append(sentence)
    return text


def _short_of_limits_alone(result: Result) -> bool:
    """Whether a result with no range, judged by the lab's critical limits in the file alone,
    has a number short of them, and no critical mark of the lab's beside it."""
    reference = result.reference
    return (
        has_no_range(reference)
        and result.status is Status.NO_REFERENCE
        and result.comparator is None
        and result.value is not None
        and critical_from_file(reference)
        and _lab_flag(result) not in ("HH", "LL", "CRIT")
    )


def _hints_sentence(group: Sequence[Result]) -> str:
    """' Did you mean IL-6?', or for several names ' For IL1, did you mean IL-1β? For INF-γ,
    did you mean IFN-γ?' (QA: 'Did you mean IL-1RA or IL-1α or IL-1β and IL-6?' read as one
    list, without saying which name each was for)."""
    names_of: dict[str, list[str]] = {}  # hint → the names written that it may be
    for result in group:
        if (found := _HINT.search(result.own_note)) is not None:
            names = names_of.setdefault(_either(found.group("name")), [])
            if result.marker not in names:
                names.append(result.marker)
    if not names_of:
        return ""
    if len(_distinct(group)) == 1:
        return f" Did you mean {next(iter(names_of))}?"
    said = [f" For {join_names(names)}, did you mean {hint}?" for hint, names in names_of.items()]
    if len(said) > LINES_NAMED:
        more = len(said) - LINES_NAMED + 1
        said[LINES_NAMED - 1 :] = [f" {more} more names may be misspelled."]
    return "".join(said)


def _either(hint: str) -> str:
    """'IL-1RA or IL-1α or IL-1β' → 'IL-1RA, IL-1α or IL-1β'."""
    names = hint.split(" or ")
    return hint if len(names) <= 2 else words_joined(names, "or")


def _counts_sentence(
    measured: int,
    high: int,
    low: int,
    inside: int,
    unclear: int,
    no_range: int,
    *,
    repeated: bool = False,
    no_range_side: bool = False,
) -> str:
    """'13 markers were tested. 2 are above the range, 1 could not be judged and 1 has no
    reference range.' (each count as the bullets below it give it). 'Tested', not 'measured':
    "13 markers were measured" read as a contradiction of "5 results were too low for the
    test to measure" (educator QA). `repeated`: a marker has several results, so results are
    counted, not markers. `no_range_side`: a result out of it is past a critical limit of a
    set with no normal range on that side, so "high" and "low" are said, not "above the range"."""

    def how_many(count: int) -> str:
        """'4', or 'All 4' where it is every result: "4 markers … 4 are above" (QA)."""
        if count < measured:
            return str(count)
        return {1: "it", 2: "both"}.get(count, f"all {count}")

    parts: list[str] = []
    for count, where, word in ((high, "above", "high"), (low, "below", "low")):
        if count and no_range_side:
            parts.append(f"{how_many(count)} {'is' if count == 1 else 'are'} {word}")
        elif count:
            # The first place named is "the range"; the next ones refer back to it.
            parts.append(
                f"{how_many(count)} {'is' if count == 1 else 'are'} {where} "
                f"{'it' if parts else 'the range'}"
            )
    if inside and (parts or unclear or no_range):  # all inside: the next bullet says so
        verb = "is" if inside == 1 else "are"
        named = parts and not no_range_side
        parts.append(f"{inside} {verb} inside {'it' if named else 'the range'}")
    if unclear:
        none = {1: "it could not be judged", 2: "neither could be judged"}
        every = none.get(unclear, "none could be judged")
        parts.append(every if unclear == measured else f"{unclear} could not be judged")
    if no_range:
        parts.append(
            f"{how_many(no_range)} {'has' if no_range == 1 else 'have'} no reference range"
        )
    if repeated:
        sentence = f"There are {measured} results."
    else:
        sentence = f"{counted(measured, 'marker was', 'markers were')} tested."
    if parts:
        joined = join_names(parts)
        sentence += f" {joined[0].upper()}{joined[1:]}."
    return sentence


def _group_sentences(high: Sequence[Result], apart: str = "", repeated: bool = False) -> list[str]:
    """One short paragraph per group of raised markers: what they do, how far, what it can mean
    (`apart`: what the results may not all be from, 'one person', so none are read together;
    `repeated`: a marker was tested more than once, so they may not be of one time)."""
    groups: dict[str, list[Result]] = {}
    for result in high:
        category = known_category(result.category) or _bundled_category(result.marker) or ""
        groups.setdefault(category, []).append(result)
    order = [g for g in GROUP_ROLE if g in groups] + ([""] if "" in groups else [])
    paragraphs = []
    for group in order:
        members = groups[group]
        amounts = " ".join(_how_far_each(members))
        if not group:
            # what a high level can mean is not said by panelcli (educator QA round 21: 'IL-18
            # is 1.3 times the upper limit.', alone where every other had two more sentences)
            one = len(_distinct(members)) == 1
            levels = f"a high {_names(members)} level" if one else f"high {_names(members)} levels"
            paragraphs.append(
                f"{amounts} panelcli cannot say what {levels} can be a sign of; a healthcare "
                "provider can."
            )
            continue
        sign = GROUP_SIGN[group]
        if len({r.marker for r in members}) == 1:
            sign = HIGH_SIGN.get(marker_key(members[0].marker), sign)
            paragraphs.append(
                f"{amounts} It is one of the markers that {GROUP_ROLE[group]}. {sign}"
            )
            continue
        if group == "pro-inflammatory" and apart:
            sign = (  # (two patients' or two draws' under one sample id)
                f"These results may not all be from {apart}, so they are not read together as "
                "a pattern."
            )
        elif group == "pro-inflammatory":
            # each marker at its highest: strong where two markers are far up, mild where none
            # is, no word where they differ (educator QA round 21: IL-6 at 3.4 times beside a
            # TNF-α just past its limit was 'strong', IL-6 alone at 16 times had no word)
            highest: dict[str, float] = {}
            for r in members:
                highest[r.marker] = max(highest.get(r.marker, 0.0), _times(r))
            far_up = sum(times >= STRONG_TIMES for times in highest.values())
            # past a critical limit is strong, however near the range's limit that is (QA)
            critical = any(r.flag == "HH" for r in members)
            strength = "strong " if far_up >= 2 or critical else ("mild " if not far_up else "")
            two = len({r.marker for r in members}) == 2
            together = "Both of them are" if two else "Several of them are"
            # 'by these ranges': strong by one lab's limit is mild by another's (educator QA
            # round 12: the same two values were either, by the set chosen)
            when = "in this sample" if repeated else "at the same time"
            sign = (
                f"{together} high {when}. "
                f"By these ranges, this can be a sign of {strength}inflammation in the body."
            )
        # QA: CRP and Ferritin high together said nothing of iron, which explain says
        for name in _distinct(members):
            own = HIGH_SIGN.get(marker_key(name))
            if own:
                sign += f" For {name}, {own[0].lower()}{own[1:]}"
        role = f"{_names(members)} are high. These markers {GROUP_ROLE[group]}."
        paragraphs.append(f"{role} {amounts} {sign}")
    return paragraphs


#: How `how_far_above` ends a figure: results of one marker share it ('1.8 and 1.2 times …').
_TIMES = " times the upper limit"


def _how_far_each(members: Sequence[Result]) -> list[str]:
    """`how_far_above` per raised marker; a marker raised in several results said once (QA:
    'IL-6 is 1.8 times the upper limit. IL-6 is 1.2 times …' read as the same thing again):
    'IL-6 is above the range in 3 results: 1.8, 1.2 and 1.6 times the upper limit.'"""
    said: dict[str, list[str]] = {}
    of: dict[str, list[Result]] = {}
    for result in members:
        said.setdefault(result.marker, []).append(how_far_above(result))
        of.setdefault(result.marker, []).append(result)
    sentences = []
    for marker, each in said.items():
        if len(set(each)) == 1:  # one result, or several alike: one sentence says it
            sentences.append(each[0])
            continue
        each = [how_far_above(result, one_clause=True) for result in of[marker]]
        # each way once, with how often (QA: 'above the upper limit, …, and above the upper
        # limit' in one sentence)
        ways = Counter(
            sentence.removeprefix(f"{marker} is ").removesuffix(".") for sentence in each
        )
        phrases = [
            way
            if times == 1
            else f"{way} (in {times} results)"  # review: '(3 times)' beside 'times'
            for way, times in ways.items()
        ]
        if all(phrase.endswith(_TIMES) for phrase in phrases):
            how_far = join_names([phrase.removesuffix(_TIMES) for phrase in phrases]) + _TIMES
        elif any("," in phrase for phrase in phrases):  # 'right at …, which counts as …'
            how_far = "; ".join(phrases)
        else:
            how_far = join_names(phrases)
        sentences.append(f"{marker} is above the range in {len(each)} results: {how_far}.")
    return sentences


def _times(result: Result) -> float:
    """How many times the upper limit a result is certainly: where that depends on a reading
    or an interval in doubt, the least it may be; a high one too many times to count (the
    limit is tiny), or past a critical limit with no range, is infinitely many, not none."""
    if result.times_upper_limit is not None:
        # by the value, not the stored figure rounded to 2 decimals (QA: 24.99 over 2.5 was
        # 10.0 times, a storm, where '>24.99' was 9.99 times, none), worked out as written
        # (review: 22.2 over 7.4, a float's 2.9999…, was 'mild' beside another 3 'strong')
        return float(_times_exact(result)) or result.times_upper_limit
    if result.times_at_least is not None:
        return result.times_at_least
    if result.flag == "HH":  # QA: 5000 past a critical limit of 100 was 'mild inflammation'
        return math.inf
    high = result.reference.high if result.reference else None
    # not a critically low one (QA: IL-6 at 0.1, 'LL', was 'very high', 'in overdrive')
    above = _is_high(result) and result.value is not None
    return math.inf if above and high and not result.number_in_doubt else 0.0


def _low_sign(result: Result) -> str:
    # By the set's name or the name written; the bundled sets' names are not read for this.
    for name in (result.marker, result.marker_as_written):
        sign = LOW_SIGN.get(marker_key(name))
        if sign:
            return sign
    if has_no_range(result.reference):
        return LOW_ANY_NO_RANGE
    return LOW_ANY


def _is_high(result: Result) -> bool:
    """High or critically high (a critical result flagged LL is critically low; one flagged
    AA, critical however its number is read, is neither)."""
    return result.status is Status.HIGH or (
        result.status is Status.CRITICAL and result.flag == "HH"
    )


def _in_storm(results: Sequence[Result], storm_names: tuple[str, str, str] | None) -> bool:
    """Whether the storm sentence, which asks to talk them over soon, is about these results:
    each a high one of its markers (QA: a critically low sIL-2R beside it lost its 'soon')."""
    return storm_names is not None and all(r.marker in storm_names and _is_high(r) for r in results)


def _storm_like(results: Sequence[Result]) -> tuple[str, str, str] | None:
    """The panel's names of IL-6, IFN-γ and IL-10 where they make a storm-like pattern."""

    def storm(names_of: Callable[[str], frozenset[str]]) -> tuple[str, str, str] | None:
        def named(marker: str) -> list[Result]:
            keys = names_of(marker_key(marker))
            return [
                r for r in results
                if marker_key(r.marker) in keys or marker_key(r.marker_as_written) in keys
            ]  # fmt: skip

        def very_high(marker: str) -> Result | None:
            return max(named(marker), key=_times, default=None)

        il6, ifng = very_high("IL-6"), very_high("IFN-γ")
        # IL-10 by its status: a high one just past its limit ('5.31' over 5.3, '>5.3', Mayo's
        # '< 7' at 7) has a times figure rounded to 1.0 (QA: the sentence was left out).
        il10 = next((r for r in named("IL-10") if _is_high(r)), None)
        if il6 is None or ifng is None or il10 is None:
            return None
        if _times(il6) < STORM_TIMES or _times(ifng) < STORM_TIMES:
            return None
        return il6.marker, ifng.marker, il10.marker

    if sum(_times(r) >= STORM_TIMES for r in results) < 2:
        return None  # most panels: no need to read the bundled sets' names
    # The set's own names first; a lab's set may call IL-6 'Interleukin 6' (the bundled names).
    return storm(lambda key: frozenset({key})) or storm(lambda key: same_marker(key) | {key})


def report_sentences(rejected: Sequence[Issue], wide: Collection[str] = ()) -> list[str]:
    """Sentences about the whole run: rows that could not be used never vanish, with why;
    `wide`: the files with a column per marker, whose rejections are of values, not rows."""
    values = rejected_values(rejected, wide)
    return rejected_sentences(
        Counter(issue.code for issue in rejected),
        values=Counter(issue.code for issue in values),
        rows=len({(issue.source, issue.line) for issue in values}),
    )


def may_reject_a_value(issue: Issue) -> bool:
    """Whether a rejection may be of one value of a row, not of a row whole ('row-…') or of a
    file that could not be read (see `rejected_values`)."""
    return issue.code not in ("file-unreadable", RUN_QC_FAILED) and not issue.code.startswith(
        "row-"
    )


def rejected_values(rejected: Sequence[Issue], wide: Collection[str] = ()) -> list[Issue]:
    """The rejections of one value of a row: a row of a file with a column per marker (`wide`,
    or one where two share a line, as only such a file's can) holds several, so its rejected
    cells are values, not rows (QA: '1 row has no unit' for one cell). Never a row refused
    whole, nor a file that could not be read in full, though it names the line it stopped at."""
    cells = [issue for issue in rejected if may_reject_a_value(issue)]
    lines = Counter((issue.source, issue.line) for issue in cells)
    shared = {source for (source, _), count in lines.items() if count > 1}
    return [issue for issue in cells if issue.source in wide or issue.source in shared]


def rejected_sentences(
    codes: Mapping[str, int],
    listed: int | None = None,
    values: Mapping[str, int] | None = None,
    rows: int | None = None,
) -> list[str]:
    """The same sentences from counts of rejection codes (for runs too big to keep every issue);
    `listed`: how many of them are listed, when not all of them are; `values`: how many of each
    code's are of one value of a row (`rejected_values`), said as values; `rows`: the rows those
    values are on, where known."""
    unreadable = codes.get("file-unreadable", 0)
    text = []
    if codes.get(RUN_QC_FAILED):  # first: it is about every result (lab QA round 18)
        text.append(
            "The file says the test run failed its quality checks. Ask the lab whether these "
            "results can be used."
        )
        codes = {code: count for code, count in codes.items() if code != RUN_QC_FAILED}
    values = values or {}
    reasons: Counter[tuple[str, bool]] = Counter()  # (reason, of one value of a row)
    for code, count in codes.items():
        if code != "file-unreadable":
            reason, of_values = REJECTED_REASON.get(code, OTHER_REASON), values.get(code, 0)
            for of_value, part in ((True, of_values), (False, count - of_values)):
                if part:
                    reasons[reason, of_value] += part
    total = sum(reasons.values())
    in_values = sum(count for (_, of_value), count in reasons.items() if of_value)
    if total:
        # "1 row could not be used. Each one is listed …" (educator QA)
        where = f"{'It is' if total == 1 else 'Each one is'} listed with its line and the reason."
        if listed is not None and listed < total:
            where = (
                f"The first {listed:,} are listed with their line and the reason, and "
                "'panelcli validate' lists them all."
            )
        if in_values:
            what = counted(in_values, "value", "values")
            if rows is not None and rows < in_values:  # several values of one row
                what += f" in {counted(rows, 'row', 'rows')}"
            if total > in_values:
                # Rows refused whole ('S2,,' with no values) are rows, not values (QA)
                what += f" and {counted(total - in_values, 'whole row', 'whole rows')}"
        else:
            what = counted(total, "row", "rows")
        text.append(f"{what} could not be used. {where}")
        for (reason, of_value), count in reasons.items():
            if of_value and reason == REJECTED_REASON["value-missing"]:
                # QA: '1 value has no value' (a blank cell beside its own flag)
                text.append(f"{counted(count, 'value is', 'values are')} empty.")
                continue
            one, many = ("value has", "values have") if of_value else ("row has", "rows have")
            text.append(f"{counted(count, one, many)} {reason}.")
    if unreadable:
        # "read" was wrong for '-' given twice or a file of only controls (QA)
        text.append(f"{counted(unreadable, 'file', 'files')} could not be used in full.")
    return text
