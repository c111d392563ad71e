"""Reference-range sets: loading, validating and looking up the editable TOML files."""

from __future__ import annotations

import contextlib
import difflib
import functools
import hashlib
import itertools
import json
import math
import os
import re
import sys
import tomllib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, NamedTuple

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import ErrorDetails

from panelcli.errors import RangesError
from panelcli.interpret import Bounds, bounds_text
from panelcli.models import ReferenceSetInfo, lost_letter
from panelcli.names import (
    greek_slip_mended,
    lis_name,
    marker_key,
    short_key,
    split_header_unit,
    subunit_form_name,
    unmangled,
    value_name,
    without_species,
)
from panelcli.patterns import lazy_pattern
from panelcli.values import binary_kind, is_utf32, number_text, shorten

if TYPE_CHECKING:
    from panelcli.listing import SetListing

DEFAULT_SET = "arup-3002601"
#: Names `ReferenceSet.resolve` remembers (a file's markers are few; junk ones are not)
_RESOLVED_KEPT = 4096
#: A name with another in brackets after it ('Interleukin 6 (IL-6)')
_NAME_IN_BRACKETS = lazy_pattern(r"(?P<outer>[^()\[\]]*[^\s(\[])\s*[(\[](?P<inner>[^()\[\]]+)[)\]]")
RANGES_ENV = "PANELCLI_RANGES"

Sex = Literal["female", "male"]

#: A unit or alias: a blank one would match blank cells or every unit (found in review).
_Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
#: Sex as people write it, in a ranges file, a data file's column or --sex: one table, so
#: that a lab's file and its own ranges file read the same words (review: they had drifted).
SEX_WORDS: dict[str, Sex] = {
    "m": "male", "male": "male", "man": "male", "men": "male",
    "f": "female", "female": "female", "woman": "female", "women": "female", "w": "female",
    "männlich": "male", "maennlich": "male", "weiblich": "female", "mann": "male",
    "frau": "female",
    # French and Spanish words (never 'M' alone under 'Sexo': mujer or masculino?)
    "homme": "male", "femme": "female", "masculin": "male", "féminin": "female",
    "hombre": "male", "mujer": "female", "masculino": "male", "femenino": "female",
    "feminino": "female", "fem": "female", "masc": "male",  # lab QA round 10
    "femmina": "female", "maschio": "male",
    # lab QA round 11: Dutch, Italian, Portuguese, Spanish words (not 'V': vrouw to the Dutch,
    # varón to the Spanish)
    "vrouw": "female", "vrouwelijk": "female", "mannelijk": "male", "donna": "female",
    "uomo": "male", "mulher": "female", "homem": "male", "varón": "male", "varon": "male",
}  # fmt: skip
#: ISO 5218's codes, read only beside a word that agrees ('2 - Female'): alone, '1' and '2'
#: are other systems' codes too
_ISO_5218_WITH_A_WORD: dict[str, Sex] = {"1": "male", "2": "female"}
#: What parts a code and its word in one cell ('M - Male', 'F (Female)', 'f.')
_SEX_PARTS = lazy_pattern(r"[\s().:/,;–-]+")


def parse_sex(text: str) -> Sex | None:
    """'F', 'female', 'woman', 'weiblich' → 'female' (and so on for male), and a code with its
    word where both say it ('F - Female', 'M (Male)'); None when neither, or they disagree."""
    said = unmangled(text).strip().casefold()  # 'mÃ¤nnlich' too
    if said in SEX_WORDS:
        return SEX_WORDS[said]
    # lab QA round 10: an LIS's code and description, 'M - Male', made every result whose range
    # differs by sex indeterminate
    parts = [part for part in _SEX_PARTS.split(said) if part]
    sexes = {SEX_WORDS.get(part) or _ISO_5218_WITH_A_WORD.get(part) for part in parts}
    worded = any(part in SEX_WORDS for part in parts)  # ('1' alone is no ISO 5218 code here)
    return sexes.pop() if worded and len(sexes) == 1 and None not in sexes else None


#: What editors are told (the schema): the spellings read, in their usual cases.
_SEX_SCHEMA = {
    "anyOf": [
        {"enum": sorted({f(s) for s in SEX_WORDS for f in (str.lower, str.title, str.upper)})},
        {"type": "null"},
    ],
    "description": "female or male (also F, M, W, woman, man, women, men, weiblich, femme, "
    "mujer …, in any case)",
}


def _sex_as_written(value: object) -> object:
    if isinstance(value, str):
        return parse_sex(value) or value.strip().lower()
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


#: Validation context under which the models leave their order checks to `check_ranges_bytes`,
#: which runs them on every table, even one with other errors, and reports each problem.
_ORDER_CHECKED_BY_CALLER = {"order_checked_by_caller": True}


def _order_checked_by_caller(info: ValidationInfo) -> bool:
    return bool(info.context and info.context.get("order_checked_by_caller"))


class _BoundsFields(_Strict):
    low: float | None = Field(None, ge=0, allow_inf_nan=False, strict=True)
    # 0 passes here and is refused with its own words (`_normal_range_problems`); the schema
    # says it too, for editors that check a file against it (QA).
    high: float | None = Field(
        None, ge=0, allow_inf_nan=False, strict=True, json_schema_extra={"exclusiveMinimum": 0}
    )
    critical_low: float | None = Field(None, ge=0, allow_inf_nan=False, strict=True)
    critical_high: float | None = Field(None, ge=0, allow_inf_nan=False, strict=True)
    # A lab that prints '< 20' means 20 itself is outside the range (FHIR's, and this file's
    # default, is inclusive: '≤ 20').
    low_exclusive: bool = Field(
        False, strict=True, description="true: a value equal to low is low ('> low' is normal)."
    )
    high_exclusive: bool = Field(
        False, strict=True, description="true: a value equal to high is high ('< high' is normal)."
    )

    @model_validator(mode="after")
    def _ordered(self, info: ValidationInfo) -> _BoundsFields:
        if not _order_checked_by_caller(info):
            limits = {k: getattr(self, k, None) for k in (*_LIMITS, *_EXCLUSIVE)}
            problems = _order_problems(limits) + _normal_range_problems(limits)
            if problems:
                raise ValueError(problems[0])
        return self

    @property
    def bounds(self) -> Bounds:
        return Bounds(
            self.low, self.high, self.critical_low, self.critical_high,
            self.low_exclusive, self.high_exclusive,
        )  # fmt: skip

    @property
    def has_bounds(self) -> bool:
        return self.bounds.has_limits

    @property
    def has_normal_range(self) -> bool:
        return self.low is not None or self.high is not None


#: The oldest age: no person is older. A row's age_min may give it, and an age_max past it
#: means "and over"; --age and the file's age cells take ages up to it ('200' is a slip).
MAX_AGE = 150


class Interval(_BoundsFields):
    """A row of a marker's interval that applies to a sex and/or age band (years)."""

    sex: Annotated[Sex | None, BeforeValidator(_sex_as_written), WithJsonSchema(_SEX_SCHEMA)] = None
    # An age_max past MAX_AGE (999) is a common way to write "and over", so it stays allowed.
    age_min: float | None = Field(
        None, ge=0, le=MAX_AGE, strict=True, description="Inclusive, years."
    )
    age_max: float | None = Field(None, gt=0, strict=True, description="Exclusive, years.")

    def matches(self, sex: Sex | None, age: float | None) -> bool | None:
        """True/False when the person fits or not; None when what is unknown decides it."""
        unknown = False
        if self.sex is not None:
            if sex is None:
                unknown = True
            elif sex != self.sex:
                return False
        if self.age_min is not None or self.age_max is not None:
            if age is None:
                unknown = True
            elif (self.age_min is not None and age < self.age_min) or (
                self.age_max is not None and age >= self.age_max
            ):
                return False
        return None if unknown else True

    @property
    def specificity(self) -> int:
        return (self.sex is not None) + (self.age_min is not None or self.age_max is not None)

    @property
    def ages(self) -> tuple[float, float]:
        """The age band as [from, to) in years, open ends filled in."""
        return self.age_min or 0.0, self.age_max if self.age_max is not None else float("inf")

    @property
    def narrowness(self) -> tuple[bool, float]:
        """Orders the rows that fit a person: the one for their sex, then the narrowest band."""
        low, high = self.ages
        return self.sex is not None, low - high

    @property
    def all_ages(self) -> bool:
        """Whether the row is for every age: from 0, with no end ('all ages', Mayo's CRP)."""
        return self.age_min == 0 and (self.age_max is None or self.age_max > MAX_AGE)

    def describe(self) -> str:
        parts: list[str] = [self.sex] if self.sex else []
        # 'age_max = 999' or 'inf' is a way to write 'and over' (ranges QA round 12: 'age 18
        # to under inf')
        no_end = self.age_max is not None and self.age_max > MAX_AGE
        if self.age_min is not None and self.age_max is not None and not no_end:
            parts.append(f"age {number_text(self.age_min)} to under {number_text(self.age_max)}")
        elif self.all_ages:  # a range that says it fits children too (Mayo's CRP)
            parts.append("all ages")
        elif self.age_min is not None:
            parts.append(f"age {number_text(self.age_min)} and over")
        elif self.age_max is not None and not no_end:
            parts.append(f"under age {number_text(self.age_max)}")
        return ", ".join(parts) or "everyone"


class MarkerRange(_BoundsFields):
    """One marker's entry in a reference set."""

    unit: _Name
    aliases: list[_Name] = Field(default_factory=list)
    source: str | None = Field(None, description="Citation for the interval (required if bundled).")
    category: str | None = None
    # stripped: FHIR writes it as a code, which has no spaces around it (review)
    loinc: _Name | None = Field(None, description="LOINC code; only codes confirmed by a source.")
    # strict: TOML `true` must not become 1, nor "7" become 7 (a set is checked data).
    lod: float | None = Field(
        None, ge=0, allow_inf_nan=False, strict=True, description="Assay's limit of detection."
    )
    lloq: float | None = Field(
        None, ge=0, allow_inf_nan=False, strict=True, description="Lower limit of quantitation."
    )
    uloq: float | None = Field(
        None, ge=0, allow_inf_nan=False, strict=True, description="Upper limit of quantitation."
    )
    specimen: str | None = None
    method: str | None = None
    notes: str | None = None
    intervals: list[Interval] = Field(default_factory=list)

    def rows(self) -> list[Interval]:
        """The sex/age rows, each with the marker's critical limits where it gives none.

        A panic limit (critical_high = 500) is the same for everyone far more often than a
        normal range is, so it is written once for the marker and holds for every row.
        """
        inherited = {k: getattr(self, k) for k in _CRITICAL if getattr(self, k) is not None}
        return [
            row.model_copy(update={k: v for k, v in inherited.items() if getattr(row, k) is None})
            for row in self.intervals
        ]

    def assay_limits_text(self, unit: str = "") -> str | None:
        """The assay's limits as a line ('lod 1.5, lloq 2, uloq 5000', then `unit` if given),
        None where none is given."""
        limits = [f"{key} {number_text(getattr(self, key))}" for key in ("lod", "lloq", "uloq")
                  if getattr(self, key) is not None]  # fmt: skip
        return " ".join(filter(None, (", ".join(limits), unit))) if limits else None

    def interval_texts(self, unit: str | None = None, critical_unit: bool = False) -> list[str]:
        """Each interval as a lab prints it, with its critical limits, and whom it applies to
        when it depends on them; in `unit` as written (its spelling, 'µg/L' for 'ug/L');
        `critical_unit`: as `interval_text` takes it."""
        unit = unit or self.unit
        if not self.intervals:
            return [interval_text(self.bounds, unit, critical_unit)]
        texts = [
            f"{_whom_of(row, self.intervals)}: {interval_text(row.bounds, unit, critical_unit)}"
            for row in self.rows()
        ]
        # The marker's own range holds for whom no row fits (its critical limits alone, only
        # when there is such a person: they hold in every row already).
        rows = self.intervals
        if self.has_normal_range or (
            self.has_bounds
            and any(not any(r.matches(s, a) for r in rows) for s, a in _possible_people(rows))
        ):
            texts.append(f"anyone else: {interval_text(self.bounds, unit, critical_unit)}")
        return texts


def _whom_of(row: Interval, rows: list[Interval]) -> str:
    """Whom a row is for, less the one-sex rows inside it, which win for their sex (QA: a
    female row inside an any-sex one was shown beside 'everyone: ≤ 7', false for women)."""
    if row.sex is not None:
        return row.describe()
    low, high = row.ages
    inside = [
        other.describe() for other in rows
        if other.sex is not None and low <= other.ages[0] and other.ages[1] <= high
    ]  # fmt: skip
    return row.describe() + (f" (but not {'; nor '.join(inside)})" if inside else "")


def interval_text(bounds: Bounds, unit: str, critical_unit: bool = False) -> str:
    """'≤ 7 pg/mL, critical ≥ 500': the normal range as a lab prints it, then panic limits
    (`critical_unit`: and their unit, '≥ 500 pg/mL', where no Unit column stands beside)."""
    text = bounds_text(bounds, unit)
    if not (bounds.low is not None or bounds.high is not None):
        text = ""  # 'no limits' would be wrong beside a critical limit
    for word, limit in (("≤", bounds.critical_low), ("≥", bounds.critical_high)):
        if limit is not None:
            text += f"{', ' if text else ''}critical {word} {number_text(limit)}"
    if critical_unit and (bounds.critical_low is not None or bounds.critical_high is not None):
        text += f" {unit}"
    return text or bounds_text(bounds, unit)


def _blank_as_none(text: object) -> object:
    """A set's name without the spaces round it; of spaces or nothing, none."""
    return (text.strip() or None) if isinstance(text, str) else text


class SetHeader(_Strict):
    # blank: no name, the file's own is the set's (as before; review: refusing it broke sets)
    name: Annotated[str | None, BeforeValidator(_blank_as_none)] = None
    version: str | None = None
    description: str | None = None
    lab: str | None = None
    specimen: str | None = None
    source: str | None = None


class RangesFile(_Strict):
    """The whole TOML file as written by a person."""

    set: SetHeader = Field(default_factory=SetHeader)
    markers: dict[str, MarkerRange]

    @model_validator(mode="after")
    def _named(self) -> RangesFile:
        if any(not marker_key(name) for name in self.markers):
            raise ValueError('a marker has no name (a [markers.""] table, or only spaces)')
        return self


#: Under this age a person is a child, whom a range given for no age in particular may not fit
CHILD_UNDER = 18.0


def is_a_child(age: float | None) -> bool:
    """Whether an age is a child's (`CHILD_UNDER`)."""
    return age is not None and age < CHILD_UNDER


#: A result's note where a child is judged by such a range (educator QA round 14: an
#: 8-year-old's IL-6 of 4.0 was high by one set and normal by another, with no word)
CHILD_RANGE_NOTE = "this range does not say if it fits children"


class Selected(NamedTuple):
    """The interval chosen for one person, or why none could be chosen."""

    bounds: Bounds | None
    note: str | None
    indeterminate: bool = False
    #: When what is not known of the person decides between rows: each row that could apply
    #: (whom it is for, its limits), so that a value judged alike by all is still judged.
    candidates: tuple[tuple[str, Bounds], ...] = ()


#: The numeric limits whose order is checked, as keys of a marker's or an interval's table.
_LIMITS = ("low", "high", "critical_low", "critical_high", "lod", "lloq", "uloq")
#: The limits a marker's sex/age rows take from the marker when they give none (see rows()).
_CRITICAL = ("critical_low", "critical_high")
#: The keys that make a limit exclusive, each with the limit it is of.
_EXCLUSIVE = {"low_exclusive": "low", "high_exclusive": "high"}


def _normal_range_problems(limits: Mapping[str, object]) -> list[str]:
    """An exclusive flag with no limit to be exclusive of, and a normal range of one point or
    none (`high = 0`, `low` equal to `high`); `limits` holds a table's limits and flags (a flag
    absent or false is no problem)."""
    problems = []
    for flag, key in _EXCLUSIVE.items():
        if limits.get(flag) is True and limits.get(key) is None:
            problems.append(
                f"{flag} is true but there is no {key} to exclude (add {key}, or remove {flag})"
            )
    low, high = limits.get("low"), limits.get("high")
    excluded = [f for f in _EXCLUSIVE if limits.get(f) is True]
    if isinstance(high, float | int) and high == 0:
        if limits.get("high_exclusive") is True:
            problems.append(
                "high_exclusive with high = 0 leaves no value normal (no concentration is below 0)"
            )
        else:  # QA: valid, and then every value above 0 was high
            problems.append(
                "high = 0 makes only a value of exactly 0 normal (no concentration is below "
                "0); for no upper limit, leave high out"
            )
    elif isinstance(low, float | int) and isinstance(high, float | int) and low == high:
        both = f"low and high are both {number_text(float(low))}"
        if excluded:
            problems.append(
                f"{both}, and {' and '.join(excluded)} leaves that value out, so no value is normal"
            )
        else:
            problems.append(
                f"{both}, so only a value of exactly {number_text(float(low))} is normal; is "
                "one of them a slip?"
            )
    return problems


def _order_problems(limits: dict[str, float | None]) -> list[str]:
    """Every way these limits are out of order; a limit that is absent (None) is skipped."""
    low, high = limits.get("low"), limits.get("high")
    crit_low, crit_high = limits.get("critical_low"), limits.get("critical_high")
    problems = []
    if low is not None and high is not None and low > high:
        problems.append(f"low ({number_text(low)}) is greater than high ({number_text(high)})")
    # With one side of the normal range open, a critical limit can still land inside it.
    if crit_high is not None:
        if high is not None:
            if crit_high <= high:
                problems.append(
                    f"critical_high ({number_text(crit_high)}) must be above high "
                    f"({number_text(high)})"
                )
        elif crit_high <= (low or 0.0):
            floor = "0" if low is None else f"low ({number_text(low)})"
            problems.append(f"critical_high ({number_text(crit_high)}) must be above {floor}")
    if crit_low is not None:
        if low is not None:
            if crit_low >= low:
                problems.append(
                    f"critical_low ({number_text(crit_low)}) must be below low ({number_text(low)})"
                )
        elif high is not None and crit_low >= high:
            problems.append(
                f"critical_low ({number_text(crit_low)}) must be below high ({number_text(high)})"
            )
        elif high is not None:  # QA: '≤ 5.3' with critical_low 2 made 1.5 critically low
            problems.append(
                f"critical_low ({number_text(crit_low)}) is inside the range: with high "
                f"({number_text(high)}) and no low, the range reaches down to 0; add a low above "
                "it, or remove critical_low"
            )
    if crit_low is not None and crit_high is not None and crit_low >= crit_high:
        problems.append(
            f"critical_low ({number_text(crit_low)}) must be below critical_high "
            f"({number_text(crit_high)})"
        )
    assay = [(k, v) for k in ("lod", "lloq", "uloq") if (v := limits.get(k)) is not None]
    for (k1, v1), (k2, v2) in itertools.pairwise(assay):
        if v1 > v2:
            problems.append(f"{k1} ({number_text(v1)}) must not be above {k2} ({number_text(v2)})")
    return problems


def has_critical_limits(reference_set: ReferenceSet) -> bool:
    """Whether any marker of a set (or any of its rows) gives a critical limit."""
    return any(
        bounds.critical_low is not None or bounds.critical_high is not None
        for entry in reference_set.markers.values()
        for bounds in (entry, *entry.intervals)
    )


class ReferenceSet:
    """A loaded, validated set of reference ranges with an alias index."""

    def __init__(self, data: RangesFile, path: Path, raw: bytes) -> None:
        self.data = data
        self.path = path
        self.name = data.set.name or path.stem
        self.sha256 = hashlib.sha256(raw).hexdigest()
        self._raw = raw  # for warnings, asked for only where a run shows them
        self.markers = data.markers
        self._index: dict[str, str] = {}
        self._hints: dict[str, str | None] = {}  # see suggest
        self._resolved: dict[str, str | None] = {}  # see resolve: asked once a row
        self._key_hints: dict[str, str | None] = {}  # see _named_by_key
        # Each marker's rows to choose from (see _choose), made once: select runs per result.
        self._rows: dict[str, list[Interval]] = {}
        self._anyone_else: set[int] = set()  # ids of those made of a marker's own range
        for name, entry in data.markers.items():
            if entry.intervals:
                rows = entry.rows()
                # The marker's own range, for whom no row fits; only critical limits too: past
                # them a child is critical as anyone is, and short of them not judged (QA).
                if entry.has_bounds:
                    rows.append(Interval(**entry.bounds._asdict()))
                    self._anyone_else.add(id(rows[-1]))
                self._rows[name] = rows
        for name, entry in data.markers.items():
            for alias in (name, *entry.aliases):
                self._index[marker_key(alias)] = name
        #: ... by `short_key`: a name in full, where only one marker is so named
        self._short_index: dict[str, str | None] = {}
        for key, name in self._index.items():
            short = short_key(key)
            known = self._short_index.setdefault(short, name)
            if known != name:
                self._short_index[short] = None

    @property
    def info(self) -> ReferenceSetInfo:
        return ReferenceSetInfo(
            name=self.name,
            version=self.data.set.version,
            description=self.data.set.description,
            path=path_text(self.path),
            sha256=self.sha256,
            warnings=self.warnings,
        )

    @functools.cached_property
    def warnings(self) -> list[str]:
        """What `ranges validate` warns about in this set, as sentences naming the marker."""
        # A bundled set has none (tested): checking it against every bundled set again would
        # slow down the start of each run of the default set.
        return [] if is_bundled(self.path) else ranges_warnings(self._raw, self.path.stem)

    def names_in_full(self, marker: str) -> bool:
        """Whether the set gives `marker` as a name or alias, whole ('Serum amyloid A')."""
        return marker_key(marker) in self._index

    def resolve(self, marker: str) -> str | None:
        """The canonical name for a marker as written ('IL6', or 'IL-6 Conc.' as instruments
        write its value), or None when the set does not know it."""
        try:
            return self._resolved[marker]
        except KeyError:
            if len(self._resolved) >= _RESOLVED_KEPT:  # junk names must not grow memory
                self._resolved.clear()
            found = self._resolved[marker] = self._resolve(marker)
            return found

    def _resolve(self, marker: str) -> str | None:
        """`resolve`, worked out."""
        found = self._index.get(marker_key(marker))
        if found is None and (bare := value_name(marker)) is not None:
            found = self._index.get(marker_key(bare))
        if found is None and (form := subunit_form_name(marker)) is not None:
            found = self._index.get(marker_key(form))  # 'IL-12 (70)' is IL-12 p70
        if found is None and "/" in marker:
            found = self._named_by_each_half(value_name(marker) or marker)
        if found is None and "^" in marker:
            found = self._named_by_its_code(marker)
        if found is None and (human := without_species(marker)) is not None:
            found = self.resolve(human)  # 'Hu IL-6 (19)': as 'IL-6 (19)' is read
        if found is None and (plain := lis_name(marker)) is not None:
            found = self.resolve(plain)  # lab QA round 7: 'IL-6, Serum' at 45 was no_reference
        if found is None and (inside := _NAME_IN_BRACKETS.fullmatch(marker.strip())) is not None:
            # 'Interleukin 6 (IL-6)', 'IL-8 (CXCL8)': two names of one marker
            outer = self.resolve(inside["outer"])
            found = outer if outer is not None and outer == self.resolve(inside["inner"]) else None
        if found is None:  # 'Interleukin-18' for a lab's own IL-18
            found = self._short_index.get(short_key(marker_key(marker)))
        return found

    @functools.cached_property
    def by_loinc(self) -> dict[str, str]:
        """The set's markers by their LOINC codes."""
        return {entry.loinc: name for name, entry in self.markers.items() if entry.loinc}

    def _named_by_its_code(self, marker: str) -> str | None:
        """The marker an HL7 coded name gives, code^text^system, perhaps with another code,
        text and system after them (QA: 'IL6^Interleukin 6^L' was no_reference): the one
        whose LOINC code it gives ('26881-3^…^LN'), else the one every text names, where
        each code names it or nothing ('IL6^Interleukin 6 CSF^L' names none: review)."""
        parts = [part.strip() for part in marker.split("^")]
        codes, texts = parts[0::3], parts[1::3]  # the coding systems' names say nothing
        by_loinc = self.by_loinc
        if found := next((by_loinc[code] for code in codes if code in by_loinc), None):
            return found
        named = {self.resolve(text) for text in texts if text}
        if len(named) != 1 or None in named:
            return None
        (found,) = named
        return found if all(self.resolve(code) in (None, found) for code in codes) else None

    def _named_by_each_half(self, marker: str) -> str | None:
        """The marker that both names of a name joined by '/' are ('IL-8/CXCL8', as R&D
        Systems' kits write it; QA: no_reference, exit 0); never a ratio ('IL-6/IL-10')."""
        halves = [half for half in marker.split("/") if half.strip()]
        named = {self.resolve(half) for half in halves}
        return named.pop() if len(halves) > 1 and len(named) == 1 else None

    def suggest(self, marker: str) -> str | None:
        """The known marker a name is a typo of, for 'did you mean' hints (see closest_marker);
        also the marker of a name that carries its unit ('IL-6 (pg/mL)')."""
        try:  # remembered: an unknown marker in every row of a big file would cost seconds
            # by the name as written: the checks below read its brackets and letters, which
            # its key leaves out (QA: 'IL6 serum' took the hint of an earlier 'IL-6 (serum)')
            return self._hints[marker]
        except KeyError:
            if len(self._hints) >= 4096:  # bounded: misspellings can vary without end
                self._hints.clear()
            hint = (
                self._named_with_a_unit(marker)
                or self._named_despite_a_lost_letter(marker)
                or self._named_despite_a_greek_slip(marker)
                or self._named_by_key(marker_key(marker))
                or self._named_in_brackets(marker)
                or self._named_with_words_after(marker)
                or self._named_with_an_assay(marker)
                or self._named_despite_its_digits(marker)
                or self._named_despite_lookalikes(marker)
            )
            if hint is not None and (
                names_another_greek_letter(marker, hint) or names_another_test(marker, hint)
            ):
                hint = None
            self._hints[marker] = hint
            return hint

    def _named_despite_a_lost_letter(self, marker: str) -> str | None:
        """'TNF-?': the markers it is with a Greek letter where an encoding left '?' (or a y
        typed for γ)."""
        lost = lost_letter(marker)
        if lost is None:
            # 'IFN-y': a y typed for the γ it looks like (QA); a hint only, never read as γ
            if marker.rstrip()[-1:] in ("y", "Y"):
                meant = marker.rstrip()[:-1] + "γ"
                if not marker.rstrip()[-2:-1].isalpha():
                    return self.resolve(meant) or slip_named(marker_key(meant), self._index)
                return self.resolve(meant)  # 'IFNy' (lab QA round 9), as written only
            return None
        found = {self.resolve(marker.replace(lost, letter, 1)) for letter in "αβγ"}
        return " or ".join(sorted(name for name in found if name is not None)) or None

    def _named_despite_a_greek_slip(self, marker: str) -> str | None:
        """'TNF-alpa': the marker it is with its Greek letter's name spelled right (the
        letters tell IL-1α from IL-1β, so only one keystroke is put right)."""
        mended = greek_slip_mended(marker)
        if mended is None:
            return None
        return self.resolve(mended) or closest_marker(marker_key(mended), self._index)

    def without_form(self, marker: str) -> str | None:
        """This set's marker that a name adds a subunit form to ('IL-12 p70' where the set has
        only 'IL-12'): never matched (the forms differ), but worth saying."""
        return self._index.get(form_base_key(marker)) if names_a_form(marker) else None

    def _named_otherwise(self, key: str) -> str | None:
        """This set's name for a marker that a bundled set knows by the name written: a lab's
        set may call IL-6 only 'Interleukin-6' (a hint; the set's own aliases decide)."""
        for other in same_marker(key):
            if other in self._index:
                return self._index[other]
        return None

    def _named_in_brackets(self, marker: str) -> str | None:
        """The marker of a name with a remark in brackets: 'IL-6 (serum)' or 'Interleukin-6
        (IL-6)' (a hint only: the remark may name another form, as '(p70)')."""
        remarks = _BRACKETED.findall(marker)
        if not remarks or any(_FORM.fullmatch(r.strip()) for r in remarks):
            return None  # no remark, or a form the set may not have ('IL-12 (p70)')
        if subunit_form_name(marker) is not None:
            return None  # 'IL-12 (40)': a form too, IL-12 p40
        return self.resolve(_BRACKETED.sub("", marker)) or next(
            filter(None, map(self.resolve, remarks)), None
        )

    def _named_by_key(self, key: str) -> str | None:
        """The hint that a name's key alone gives (difflib's, remembered: 'IL 66' is 'IL-66')."""
        try:
            return self._key_hints[key]
        except KeyError:
            if len(self._key_hints) >= 4096:
                self._key_hints.clear()
            hint = (
                closest_marker(key, self._index)
                or self._named_otherwise(key)
                or slip_named(key, self._index)
            )
            self._key_hints[key] = hint
            return hint

    def _named_with_words_after(self, marker: str) -> str | None:
        """The marker of a name followed by what was tested, the assay or 'level', without
        brackets: 'IL6 serum', 'IL-6 HS', 'IL-6 2.0', 'IL-6 Level'; or after what was tested,
        'Serum IL-8' (a hint, as 'IL-6 (serum)' gets)."""
        written = marker.strip()
        name, _, last = written.rpartition(" ")
        words = last.casefold()
        if not (name and (words in _SPECIMENS or words in _LEVEL or _ASSAY_WORDS.fullmatch(last))):
            name = written
        first, _, rest = name.partition(" ")
        if rest and first.casefold() in _SPECIMENS:  # 'Serum IL-8', 'plasma IL-6 level'
            name = rest
        return self.resolve(name) if name != written else None

    def _named_with_an_assay(self, marker: str) -> str | None:
        """The marker of a name with its assay's words, as an LIS's test name may give them
        ('Interleukin-6, Highly Sensitive', 'hsIL-6', 'IL-6 (ELISA)'): a hint only, as such an
        assay's range is its own (lab QA round 7: no hint)."""
        written = marker.strip()
        found = _ASSAY_AFTER.fullmatch(written) or _ASSAY_BEFORE.fullmatch(written)
        return None if found is None else self.resolve(found["name"])

    def _named_despite_its_digits(self, marker: str) -> str | None:
        """The marker of a name with a zero padded before its number ('IL-06', as some LIS
        codes write it) or a letter O typed for a zero ('IL-1O'): a hint only (lab QA round 7:
        no hint)."""
        mended = _PADDED_ZERO.sub("", _O_FOR_ZERO.sub("0", marker))
        return self.resolve(mended) if mended != marker else None

    def _named_despite_lookalikes(self, marker: str) -> str | None:
        """The marker of a name typed or copied with letters that look like its own: a Cyrillic
        or Greek capital for a Latin one ('ІL-6'), a lowercase l for I or 1 ('lL-6', 'IL-l0');
        a hint only (lab QA round 9: no hint)."""
        latin = marker.translate(_LOOKALIKES)
        for mended in (latin, latin.replace("l", "I"), latin.replace("l", "1")):
            if mended != marker and (named := self.resolve(mended)) is not None:
                return named
        return None

    def _named_with_a_unit(self, marker: str) -> str | None:
        """The marker of a name that carries its unit ('IL-6 (pg/mL)' in a marker cell)."""
        name, unit = split_header_unit(marker)
        return self.resolve(name) if unit is not None else None

    def select(self, name: str, sex: Sex | None, age: float | None) -> Selected:
        """Choose the interval for a person; never silently default when sex or age decides."""
        chosen = self._choose(name, sex, age)
        if chosen.bounds is not None and not chosen.bounds.has_limits:
            # A row with no limits would judge every value 'normal'; it gives no range at all.
            said = f" ({chosen.note})" if chosen.note else ""
            return Selected(None, _no_range(name) + said)
        return chosen

    def age_limits_within(self, name: str, start: float, end: float) -> list[float]:
        """The ages strictly between `start` and `end` where the marker's rows begin or end."""
        rows = self._rows.get(name, ())
        limits = {r.age_min for r in rows} | {r.age_max for r in rows}
        return sorted(a for a in limits if a is not None and start < a < end)

    def _choose(self, name: str, sex: Sex | None, age: float | None) -> Selected:
        """The marker's interval, or its row that fits the person; it may have no limits."""
        rows = self._rows.get(name)
        if rows is None:
            return Selected(
                self.markers[name].bounds, CHILD_RANGE_NOTE if is_a_child(age) else None
            )
        if sex is not None and age is not None:
            best = self._row_for(rows, sex, age)
            if best is None:
                who = _describe_person(sex, age)
                return Selected(None, f"{NO_INTERVAL_FITS} {name} that fits {who}")
            note = self._row_note(best)
            if is_a_child(age) and best.age_min is None and best.age_max is None:
                # a row by sex alone names no age either (second review)
                note = f"{note}; {CHILD_RANGE_NOTE}" if note else CHILD_RANGE_NOTE
            return Selected(best.bounds, note)
        # Sex or age not given: the row of each person it could be, as if it were given (the
        # marker's own range only for whom no row fits, found in QA).
        chosen = [self._row_for(rows, s, a) for s, a in _possible_people(rows, sex, age)]
        found = {id(r) for r in chosen if r is not None}
        candidates = [r for r in rows if id(r) in found]  # in the file's order
        if not candidates:
            who = _describe_person(sex, age)
            return Selected(None, f"{NO_INTERVAL_FITS} {name} that fits {who}")
        if None in chosen:
            # e.g. an adults-only interval and no age: a child would get none, so the status
            # is not certain (a child must never be judged by adult limits by default).
            missing = _missing(candidates, sex, age)
            # a list, after the sentence that matters (QA: 'only for female, age 18 to under
            # 51 or female, age 51 and over or male, …' was grade 16.9, and ambiguous)
            # ' / ': a later note is joined with '; ' (review: it read as one more interval)
            only = " / ".join(sorted({self._whom(row) for row in candidates}))
            return Selected(
                None,
                f"{_depends_on(name, missing)}. This set has ranges for {name} only for some "
                f"people. They are: {only}",
                indeterminate=True,
            )
        if len(candidates) == 1:  # one row for whoever the person is (none left without one)
            return Selected(candidates[0].bounds, self._row_note(candidates[0]))
        if len({r.bounds for r in candidates}) == 1:
            row = candidates[0]
            unknown = _missing(candidates, sex, age)
            whom = " and ".join(self._whom(row) for row in candidates)
            return Selected(
                row.bounds,
                f"the person's {unknown} {_is_or_are(unknown)} not given, but the intervals "
                f"for {whom} are the "
                "same, so that one is used",
            )
        missing = _missing(candidates, sex, age)
        return Selected(
            None,
            _depends_on(name, missing),
            indeterminate=True,
            candidates=tuple((self._whom(row), row.bounds) for row in candidates),
        )

    def _row_note(self, row: Interval) -> str | None:
        """Which row judged the result, for its note."""
        if id(row) in self._anyone_else:  # say so: the person's own row may be missing
            return "range for anyone else (no sex or age row of this set fits the person)"
        # 'range', as the summary says it (educator QA: 'interval' beside it read as another)
        # (not 'range for all ages', of every result of such a marker)
        everyone = row.specificity == 0 or (row.sex is None and row.all_ages)
        return None if everyone else f"range for {row.describe()}"

    def _row_for(self, rows: list[Interval], sex: Sex, age: float) -> Interval | None:
        """The row of a person whose sex and age are known: of the rows that fit, the one for
        their sex and narrowest band (validated rows nest); the marker's own range only when
        no row fits."""
        fits = [r for r in rows if r.matches(sex, age) and id(r) not in self._anyone_else]
        if fits:
            return max(fits, key=lambda r: r.narrowness)
        return next((r for r in rows if id(r) in self._anyone_else), None)

    def _whom(self, row: Interval) -> str:
        """Whom a row is for, as `ranges show` says it: the marker's own range is for
        'anyone else' (whom no row fits), not 'everyone'."""
        return "anyone else" if id(row) in self._anyone_else else row.describe()


#: The marker groups whose role the summary can put in plain words (summary.GROUP_ROLE).
CATEGORIES = (
    "pro-inflammatory", "regulatory", "Th1", "Th2", "chemokine", "T-cell activation",
    "growth factor", "acute-phase protein",
)  # fmt: skip
_CATEGORY_OF = {marker_key(c): c for c in CATEGORIES}


def known_category(text: str | None) -> str | None:
    """The group a set's category names, however it is written ('Pro-inflammatory',
    'pro-inflammatory (innate)', 'TH1'); None when panelcli knows no such group."""
    if not text:
        return None
    return _CATEGORY_OF.get(marker_key(text.split("(")[0]))


#: How the notes of results left unjudged begin (the summary words each case apart).
NO_INTERVAL_FITS = "this set has no range for"
NO_LIMITS = "the reference set has"


#: A remark in brackets after a name, and (as a group) what it says.
#: What a sample can be, written after a marker's name ('IL-6 serum').
_SPECIMENS = frozenset({"serum", "plasma", "csf", "edta", "blood", "urine", "supernatant"})
_LEVEL = frozenset({"level", "levels"})  # 'IL-6 Level': the value's word, no other test
#: What follows a marker's name in an assay's name: its version ('IL-6 2.0', 'v2') or kind
#: ('IL-6 HS' for high sensitivity, Quanterix's 'IL-6 Advantage'); a hint only (QA).
_ASSAY_WORDS = lazy_pattern(
    r"v?\d+\.\d+|v\d+|hs|high-?sensitivity|ultra(?:-?sensitive)?|advantage|plus|simoa",
    re.IGNORECASE,
)
#: Cyrillic and Greek capitals that look like Latin ones (never α, β or γ, which name markers)
_LOOKALIKES = str.maketrans("АВЕКМНОРСТХІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEKMHOPCTXIJSABEZHIKMNOPTYX")
#: A zero padded before a marker's number ('IL-06'), and a letter O after a digit ('IL-1O')
_PADDED_ZERO = lazy_pattern(r"(?<=[-\s])0+(?=[1-9])")
_O_FOR_ZERO = lazy_pattern(r"(?<=\d)[oO]\b")
#: Analyzers and their makers, as a test's name gives them before or after the marker's
_ANALYZERS = (
    "elecsys|cobas|roche|siemens|immulite|atellica|abbott|architect|alinity|beckman|diasorin"
    "|liaison|quanterix|ella"
)
#: An assay's words after a marker's name, as LIS test names write them, and before it
_ASSAY_AFTER = lazy_pattern(
    r"(?P<name>.*?[^\s,;:_-])[\s,;:_-]*[(\[]?\s*(?:high(?:ly)?[\s-]+sensitiv(?:e|ity)"
    # German, French, Spanish, Italian (lab QA round 19: 'IL-6 hochsensitiv', no hint)
    r"|hochsensitiv|hoch\s*sensitiv|ultrasensibel|haute\s+sensibilit[ée]|ultrasensible"
    r"|alta\s+sensibilidad|alta\s+sensibilit[àa]"
    r"|ultra-?\s*sensitive|hi-?\s*sens(?:itivity)?|elisa|clia|eclia|eia|luminex|multiplex"
    r"|immunoassay|msd"
    # an analyzer or its maker, and a cartridge's generation ('IL-6 Elecsys', 'IL-8 (Gen 2)':
    # lab QA round 9, no hint)
    rf"|{_ANALYZERS}|simple\s*plex|gen(?:eration)?\s*\d"
    # a Simoa kit's ('IL-6 3-Plex A', 'IL-6 Advantage PLUS': lab QA round 12, no hint)
    r"|\d+-?plex(?:\s+[a-z])?|advantage(?:\s+plus)?)\s*[)\]]?",
    re.IGNORECASE,
)
_ASSAY_BEFORE = lazy_pattern(
    r"(?:(?-i:hs)-?(?=[A-Z])|hs[\s-]+|high(?:ly)?[\s-]+sensitiv(?:e|ity)[\s-]+"
    r"|ultra-?\s*sensitive[\s-]+"
    # an analyzer's name first, as its maker names the test ('Elecsys IL-6': lab QA round 16,
    # no hint)
    rf"|(?:{_ANALYZERS}|simoa|luminex|msd)[\s-]+)(?P<name>\S.*)",
    re.IGNORECASE,
)
_BRACKETED = lazy_pattern(r"\s*[(\[]([^()\[\]]*)[)\]]")
#: The subunit forms cytokines are measured as: IL-12's p35, p40, p70, IL-23's p19, IL-27's
#: p28 (QA: 'IL-6 P95', a percentile, was read as a form of IL-6)
_FORMS = r"p(?:19|28|35|40|70)"
_FORM = lazy_pattern(_FORMS, re.IGNORECASE)
#: A marker key ending in a subunit form: 'il12p70', 'il12p40', 'il23p19'.
_SUBUNIT_FORM = lazy_pattern(rf"(.+\d){_FORMS}")


def names_a_form(marker: str) -> bool:
    """Whether a marker's name gives its subunit form ('IL-12 p70', 'IL-12 (40)'; not
    'IL-12')."""
    return _SUBUNIT_FORM.fullmatch(marker_key(subunit_form_name(marker) or marker)) is not None


def form_base_key(marker: str) -> str:
    """The key of a name without its subunit form ('IL-12 (40)', 'IL-12 p40' → 'il12'); the
    name's key if it gives none."""
    key = marker_key(subunit_form_name(marker) or marker)
    form = _SUBUNIT_FORM.fullmatch(key)
    return form.group(1) if form else key


@functools.lru_cache(maxsize=4096)  # per row off the short path: a file has few spellings
def read_as_form(written: str, marker: str) -> bool:
    """Whether a name that states no subunit form is the set's alias for one: Mayo's 'IL-12'
    is its 'IL-12 p70' (the set decides; a result says so, as ARUP's IL-12 is not p70)."""
    return names_a_form(marker) and not names_a_form(value_name(written) or written)


def closest_marker(key: str, index: Mapping[str, str]) -> str | None:
    """The marker whose key in `index` (marker key → name) `key` is a typo of, if any.

    A wrong hint can make someone rename IL-1α to IL-1β or IL-17A: short names one letter
    apart are different molecules. So a short name gets a hint only for a doubled
    keystroke (IL-66 for IL-6); a long one (a misspelt 'Interleukn 6') only with the same
    numbers.
    """
    for close in difflib.get_close_matches(key, index, n=5, cutoff=0.75):
        if _greek_apart(key, close):
            continue  # educator QA: 'interferon a' was hinted IFN-γ, another molecule
        digits, written = _digits(close), _digits(key)
        if _letters(close) == _letters(key) and _doubled(digits, written):
            if _a_numbered_molecule(key):  # IL-22 is no IL-2 typed with a 2 twice (QA)
                return None
            return index[close]
        if len(key) > SHORT_NAME and digits == written:
            return index[close]
    return None


def _greek_apart(key: str, other: str) -> bool:
    """Whether two marker keys differ only in the Greek letter they end with, as keys write
    it ('interferona', 'interferong'): two molecules, never a typo of one another."""
    return (
        len(key) == len(other)
        and key[:-1] == other[:-1]
        and key[-1] != other[-1]
        and {key[-1], other[-1]} <= set(_GREEK_KEYS)
    )


def names_another_greek_letter(name: str, hint: str) -> bool:
    """Whether a name spells a Greek letter ('interferon alpha', 'tumor necrosis factor
    beta') that the hinted marker (or none of the markers a hint joins) has: another molecule
    (educator QA: 'interferon alpha' was hinted IFN-γ)."""
    written = {_GREEK_OF[word] for word in _GREEK_SPELLED.findall(name.casefold())}
    if not written:
        return False
    # the Greek letters the hinted markers have, also as a set of yours may write them
    # ('IL-1b', 'TNF-a'); one with none ('sIL-2R', the IL-2 receptor's alpha chain) is
    # named without its letter, and not ruled out (review)
    hinted = set()
    for marker in hint.split(" or "):
        letters = set(marker) & set(_GREEK_OF.values())
        ascii_letter = _ASCII_GREEK.search(marker)
        if ascii_letter is not None:
            letters.add(_GREEK_OF[ascii_letter[1]])
        if not letters:
            return False
        hinted |= letters
    return not written & hinted


#: Words that make a name another molecule or test than the marker it names ('IL-6
#: receptor', 'IFN-γ release assay', a TB test; 'IL-6 inhibitor', a drug): educator QA round
#: 22, each was hinted or pointed to the marker
_ANOTHER_THING = lazy_pattern(
    r"(?<![a-z])(?:receptors?|rezeptors?|récepteurs?|release|igra|quantiferon|antibod(?:y|ies)"
    r"|autoantibod(?:y|ies)|antagonists?|inhibitors?|blockers?|genes?|mrna|polymorphisms?)"
    r"(?![a-z])"
)
#: A more sensitive test of CRP, with its own code and ranges (reference-facts: LOINC 30522-7)
_HIGH_SENSITIVITY = lazy_pattern(r"^hs|highsensitiv|ultrasensitiv|cardio")


def names_another_test(name: str, hint: str) -> bool:
    """Whether a name is another molecule or test than the marker it was hinted or read as:
    a receptor of a marker that is none, a release assay, a drug ('IL-6 inhibitor'), hs-CRP;
    for sIL-2R (the IL-2 receptor's alpha chain) another chain ('IL-2 receptor beta')."""
    words = name.casefold()
    thing = _ANOTHER_THING.search(words)
    receptor = hint.endswith("R")  # sIL-2R
    if thing is not None and not (receptor and thing[0].startswith(("recept", "rezept", "récept"))):
        return True
    if receptor and {_GREEK_OF[w] for w in _GREEK_SPELLED.findall(words)} - {"α"}:
        return True  # 'IL-2 receptor beta', 'IL-2Rγ': not the alpha chain
    return marker_key(hint) == "crp" and _HIGH_SENSITIVITY.search(marker_key(name)) is not None


#: A Greek letter written as a Latin one at a name's end, as some sets do ('IL-1b', 'TNF-a')
_ASCII_GREEK = lazy_pattern(r"(?:-|(?<=\d))(a|b|g|d)\Z", re.IGNORECASE)
#: A Greek letter spelled out or written, and the letter
_GREEK_SPELLED = lazy_pattern(
    r"(?<![a-z])(?:alpha|alfa|beta|gamma|gama|delta|kappa)(?![a-z])|[αβγδκ]"
)
_GREEK_OF = {
    "alpha": "α", "alfa": "α", "beta": "β", "gamma": "γ", "gama": "γ", "delta": "δ",
    "kappa": "κ", **{letter: letter for letter in "αβγδκ"},
    "a": "α", "b": "β", "g": "γ", "d": "δ", "A": "α", "B": "β", "G": "γ", "D": "δ",
}  # fmt: skip
#: The letters marker keys write Greek letters as (alpha a, beta b, gamma g, delta d, …)
_GREEK_KEYS = "abgdek"
#: Families numbered in order, with their highest number so far: 'IL-22', 'CCL22' and 'CXCL11'
#: are molecules of their own, though IL-2, CCL2 and CXCL1 with a digit typed twice.
_NUMBERED = {"il": 41, "ccl": 28, "cxcl": 17}


def _a_numbered_molecule(key: str) -> bool:
    """Whether a marker key is a number of a numbered family that exists ('il22'; not 'il66')."""
    letters, digits = _letters(key), _digits(key)
    highest = _NUMBERED.get(letters)
    return highest is not None and key == letters + digits and 1 <= int(digits) <= highest


#: What a name may lack at its end where it names one marker: a letter or two, never a digit
#: ('IL1' for IL-1β; 'IL-1' is not IL-10).
_LEFT_OFF = lazy_pattern(r"[^\W\d_]{1,2}")
#: More markers that fit than this, and the name says too little for a hint.
_FEW = 3


#: The longest key a spelling hint is looked for: no marker's name is near it, and each way
#: to slip copies the whole key (a key of n letters makes n copies)
LONGEST_HINTED = 64


#: `_left_off_index` of each index asked of: (the index, its size then, the prefixes)
_LEFT_OFF_INDEXES: dict[int, tuple[Mapping[str, str], int, dict[str, set[str]]]] = {}


def _left_off_index(index: Mapping[str, str]) -> dict[str, set[str]]:
    """Each key of `index` less a last letter or two (`_LEFT_OFF`), to the markers so keyed."""
    known = _LEFT_OFF_INDEXES.get(id(index))
    if known is not None and known[0] is index and known[1] == len(index):
        return known[2]
    prefixes: dict[str, set[str]] = {}
    for k, name in index.items():
        for cut in (1, 2):
            if len(k) > cut and _LEFT_OFF.fullmatch(k[-cut:]):
                prefixes.setdefault(k[:-cut], set()).add(name)
    _LEFT_OFF_INDEXES[id(index)] = (index, len(index), prefixes)
    return prefixes


def slip_named(key: str, index: Mapping[str, str]) -> str | None:
    """The marker (or the few, joined by 'or') whose key in `index` `key` is with two letters
    swapped ('INF-γ' for IFN-γ) or its letter left off ('IL1' for IL-1β; 'IL-1' where a set
    has IL-1α and IL-1β is either). A hint only: such a name is never read as the marker."""
    if len(key) > LONGEST_HINTED:
        return None  # developer QA round 10: a 40 kB cell's copies took 744 MB
    swapped = {
        key[:i] + key[i + 1] + key[i] + key[i + 2 :]
        for i in range(len(key) - 1)
        if key[i].isalpha() and key[i + 1].isalpha() and key[i] != key[i + 1]
    }  # letters only: IL-12 and IL-21 are different molecules
    fits = {index[k] for k in swapped if k in index}
    if not fits and len(key) >= 3:
        # by the index's keys less their last letter or two (developer QA round 11: each key
        # was tried against each copy, 0.6 ms a name, for a file of many unknown names)
        left_off = _left_off_index(index)
        for written in (key, *swapped):
            fits |= left_off.get(written, set())
    if not fits or len(fits) > _FEW:
        return None
    # by key: a set's 'IL-1b' is IL-1β (review: 'IL-1b or IL-1α or IL-1β')
    keys = {marker_key(fit) for fit in fits}
    others = [form for form in _GREEK_FAMILIES.get(key, ()) if marker_key(form) not in keys]
    # a bare family's name may be a form the set has no range for (educator QA: 'IL-1' was
    # hinted IL-1β alone, where the facts say it may mean IL-1α): the lab knows which
    return " or ".join([*sorted(fits), *others])


#: Families whose bare name ('IL-1', 'TNF', 'IFN') may be any of their Greek forms
_GREEK_FAMILIES = {
    "il1": ("IL-1α", "IL-1β"), "tnf": ("TNF-α", "TNF-β"), "ifn": ("IFN-α", "IFN-β", "IFN-γ"),
}  # fmt: skip


def _no_range(name: str) -> str:
    return (
        f"{NO_LIMITS} {name} but gives no range for it (no low or high limit), "
        "so it cannot be judged"
    )


def _letters(key: str) -> str:
    return "".join(ch for ch in key if not ch.isdigit())


def _digits(key: str) -> str:
    return "".join(ch for ch in key if ch.isdigit())


#: Marker keys this long or shorter are codes (il1b, tnfa, il17f), where one letter matters.
SHORT_NAME = 6


def _doubled(a: str, b: str) -> bool:
    """Whether one string is the other with one character typed twice ('66' and '6')."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    if len(longer) != len(shorter) + 1:
        return False
    return any(
        longer[i] == longer[i - 1] and longer[:i] + longer[i + 1 :] == shorter
        for i in range(1, len(longer))
    )


DAYS_IN_YEAR = 365.25  # ages in days and weeks, as written and as said
#: Up to 13 weeks (the 91st day), a baby's age is counted and said in days or weeks.
BABY_DAYS = 92


def age_said(age: float) -> str:
    """An age as a person says it: whole years ('42'); a young child's in months, weeks or days
    ('18 months', '6 weeks'; QA: 'age 1.91', '1.3 months'). Cut short, never rounded up: 17.96
    is 17, not yet 18 (review)."""
    if age == 0:  # an age cell's 0 years (review: 'age 0 months' of 11 months)
        return "under 1"
    days = age * DAYS_IN_YEAR
    weeks, months = days / 7, age * 12
    # In the unit it is a whole number of, as written ('6 wk', '30 d', '2 mo'; review: '2 mo'
    # was '8.6 weeks', '2 wk' '14 days'), else days under 2 weeks, weeks under 13, then months
    if days < 183 and _whole(weeks):  # under half a year
        return _counted(round(weeks), "week")
    if days < BABY_DAYS and _whole(days):
        return _counted(round(days), "day")
    if age < 2 and _whole(months) and round(months) % 12:
        return _counted(round(months), "month")
    if days < 14:
        return _counted(_cut(days, 1), "day")
    if days < 91:  # 13 weeks
        return _counted(_cut(weeks, 1), "week")
    if age < 2 and not _whole(age):  # a whole 1 is a year
        return _counted(_cut(months, 1), "month")
    return number_text(_cut(age, 0))  # whole years, as people say them: 17.96 is 17


def _whole(number: float) -> bool:
    """A whole number of 1 or more, but for a rounding error (14 days as 13.999…)."""
    return number >= 0.5 and abs(number - round(number)) < 1e-6


def _counted(number: float, unit: str) -> str:
    said = number_text(float(number))
    return f"{said} {unit}" if said == "1" else f"{said} {unit}s"


def _cut(number: float, places: int) -> float:
    """`number` cut to `places` decimals (after a rounding error's: 7/12 * 12 is 7)."""
    scale = 10**places
    return math.floor(round(number * scale, 6)) / scale


def _describe_person(sex: Sex | None, age: float | None) -> str:
    parts: list[str] = [sex] if sex else []
    if age is not None:
        parts.append(f"age {age_said(age)}")
    return f"this person ({', '.join(parts)})" if parts else "this person"


def _possible_people(
    rows: list[Interval], sex: Sex | None = None, age: float | None = None
) -> list[tuple[Sex, float]]:
    """Each kind of person who fits what is known, as far as the rows can tell them apart."""
    sexes: list[Sex] = [sex] if sex else ["female", "male"]
    if age is not None:
        ages = [age]
    else:  # rows are [age_min, age_max): which fit can only change at their bounds
        bounds = {r.age_min for r in rows if r.age_min is not None}
        bounds |= {r.age_max for r in rows if r.age_max is not None and r.age_max <= 150}
        ages = sorted({0.0} | bounds)
    return [(s, a) for s in sexes for a in ages]


def _missing(rows: Iterable[Interval], sex: Sex | None, age: float | None) -> str:
    """Name what unknown fact makes the rows disagree (or, if they agree, go unchecked)."""
    rows = list(rows)
    sex_decides = sex is None and any(r.sex for r in rows)  # rows of two sexes have one too
    age_decides = age is None and any(r.age_min is not None or r.age_max is not None for r in rows)
    if sex_decides and age_decides:  # naming one sent readers to add it, then the other (QA)
        return "sex and age"
    return "sex" if sex_decides else "age"


def _is_or_are(missing: str) -> str:
    return "are" if " and " in missing else "is"


def _depends_on(name: str, missing: str) -> str:
    """ "the range for IL-6 depends on age, which is not given (give it …)"; two things
    missing are a sentence of their own (QA: one sentence was above grade 8)."""
    if " and " in missing:
        return f"the range for {name} depends on {missing}. Neither is given {_ask_for(missing)}"
    return f"the range for {name} depends on {missing}, which is not given {_ask_for(missing)}"


def said_unreadable(note: str, name: str, unread: Mapping[str, str]) -> str:
    """A note that the interval depends on sex or age (`_depends_on`) for a row whose cell of
    it is written but cannot be read (`unread`: 'sex' → 'X'): said so, not 'not given' (QA:
    it asked for a column the file has)."""
    for missing in ("sex and age", "sex", "age"):
        said = _depends_on(name, missing)
        if note.startswith(said) and set(missing.split(" and ")) & unread.keys():
            cells = " and ".join(
                f"the row's {fact} '{unread[fact]}' cannot be read" if fact in unread
                else f"its {fact} is not given"
                for fact in missing.split(" and ")
            )  # fmt: skip
            options = " and ".join(f"--{fact}" for fact in missing.split(" and "))
            return (
                f"the range for {name} depends on {missing}, but {cells} (the file's "
                f"warning about it says what to write; or give it with {options})"
                + note[len(said) :]
            )
    return note


def _ask_for(missing: str) -> str:
    """How to give what `_missing` names: "(give it in a column 'age' or with --age)"; not
    "add a column", since the file may have one with this row's cell blank (QA)."""
    if missing == "sex and age":
        return "(give them in columns 'sex' and 'age' or with --sex and --age)"
    return f"(give it in a column '{missing}' or with --{missing})"


# --- loading ---------------------------------------------------------------------------------


def path_text(path: Path) -> str:
    """A path as UTF-8 text, a byte that is not UTF-8 as '\\xe9' (QA: a folder 'lab' + 0xE9
    made every JSON report an internal error, as such a path cannot be written as UTF-8)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def bundled_dir(kind: str) -> Path:
    """Where bundled data lives: inside the installed package, or at the top of a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_bundled" / kind, here.parent / kind):
        if candidate.is_dir():
            return candidate
    raise RangesError(f"the bundled {kind} folder is missing from this installation")


@functools.cache
def bundled_reference_sets() -> list[tuple[str, ReferenceSet]]:
    """The bundled sets that load, by name, each loaded once per process."""
    loaded = []
    for set_name, path in bundled_sets().items():
        try:
            loaded.append((set_name, load_ranges(path)))
        except RangesError:  # a damaged install gives no hints; checking still works
            continue
    return loaded


@functools.cache
def _bundled_markers() -> list[dict[str, MarkerRange]]:
    """Per bundled set: its markers by canonical name."""
    sets = []
    for path in _bundled_set_paths():
        # Read, not loaded: loading a set checks its names against these (see _marker_problems).
        try:
            sets.append(RangesFile.model_validate(_toml(_toml_text(path.read_bytes()))))
        except (OSError, ValueError):  # a damaged install gives no hints; checking still works
            continue
    return [read.markers for read in sets]


@functools.cache
def _bundled_names() -> list[dict[str, str]]:
    """Per bundled set: the key of each name it knows a marker by → the marker's name."""
    return [
        {
            marker_key(alias): name
            for name, entry in markers.items()
            for alias in (name, *entry.aliases)
        }
        for markers in _bundled_markers()
    ]


@functools.cache
def _bundled_name_groups() -> list[dict[str, frozenset[str]]]:
    """Per bundled set: each marker key it knows → the keys of all names of that marker."""
    sets = []
    for names in _bundled_names():
        keys_of: dict[str, set[str]] = {}
        for key, name in names.items():
            keys_of.setdefault(name, set()).add(key)
        sets.append({key: frozenset(keys_of[name]) for key, name in names.items()})
    return sets


@functools.lru_cache(maxsize=1024)
def known_name(marker: str) -> str | None:
    """The canonical name the bundled sets give a marker name ('GMCSF' → 'GM-CSF'), for a set
    that does not know it; None where they know it not, or by different names."""
    key = marker_key(marker)
    names = {known[key] for known in _bundled_names() if key in known}
    return names.pop() if len(names) == 1 else None


def same_marker(key: str) -> frozenset[str]:
    """Keys of the names that the bundled sets agree are the marker `key` names: none where
    one set keeps them apart (Mayo's IL-12 p70 is not ARUP's IL-12)."""
    same = frozenset().union(*(groups[key] for groups in _bundled_name_groups() if key in groups))
    for groups in _bundled_name_groups():
        if any(key not in groups.get(other, {key}) for other in same):
            return frozenset()
    return same - {key}


def _bundled_set_paths() -> list[Path]:
    """The bundled sets' files; none in an installation that lost its folder of them."""
    try:
        return list(bundled_sets().values())
    except RangesError:
        return []


def is_bundled(path: Path) -> bool:
    """Whether a ranges file is one of the sets shipped with panelcli."""
    return path.resolve().parent == bundled_dir("reference_ranges").resolve()


def bundled_sets() -> dict[str, Path]:
    """The sets shipped with panelcli, by name."""
    return {p.stem: p for p in sorted(bundled_dir("reference_ranges").glob("*.toml"))}


def home_expanded(path: str) -> str:
    """A path with a leading '~' as the home folder: cron, systemd and .env files pass it on
    as written (script-author QA round 22: '~/mylab' was a missing file, its hint refused)."""
    if path == "~" or path.startswith(("~/", "~" + os.sep)):
        return os.path.expanduser(path)
    return path


def user_config_dir() -> Path:
    """The platform's config folder for panelcli ($PANELCLI_CONFIG_DIR overrides it)."""
    override = os.environ.get("PANELCLI_CONFIG_DIR")
    if override:  # whole, as the sets' paths are shown (next-step QA round 21: a broken
        return Path(home_expanded(override)).absolute()  # one's was relative, the others absolute)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / "panelcli"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "panelcli"
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "panelcli"


def user_sets() -> dict[str, Path]:
    """Sets the user keeps in <config dir>/ranges/; a name there overrides a bundled set."""
    folder = user_config_dir() / "ranges"
    try:
        there = folder.is_dir()
    except OSError as exc:  # QA: a config folder that cannot be entered was an internal error
        raise RangesError(
            f"cannot read the folder '{folder}' ({exc.strerror}), where your own reference "
            "sets are kept, so which set a name means cannot be told; fix its permissions or "
            "set PANELCLI_CONFIG_DIR to another folder"
        ) from None
    return {p.stem: p for p in toml_files(folder)} if there else {}


def sets_not_read() -> list[str]:
    """Why things in your sets' folder that look meant as sets are not read ('lab.toml.txt':
    saved as text; a folder 'lab.toml'), and a config folder that is a file (QA: `ranges
    list` left them out without a word, and a set named so was 'no reference set')."""
    config = user_config_dir()
    folder = config / "ranges"
    try:
        if config.exists() and not config.is_dir():
            return [f"'{config}', where your own sets would be kept, is a file, not a folder"]
        if folder.exists() and not folder.is_dir():
            return [f"'{folder}', where your own sets would be kept, is a file, not a folder"]
        if not folder.is_dir():
            return []
        said = []
        for item in sorted(folder.iterdir()):
            if item.name.lower().endswith(".toml.txt") and item.is_file():
                said.append(f"'{item}' looks like a set saved as text: rename it to end in .toml")
            elif item.suffix.lower() == ".toml" and item.is_dir():
                said.append(f"'{item}' is a folder, not a ranges file")
            elif item.suffix.lower() == ".toml" and item.is_symlink() and not item.exists():
                # a link to a share that is not mounted (developer QA round 11: the set was
                # left out of 'ranges list', exit 0, and '--ranges lab' did not say why)
                said.append(
                    f"'{item}' is a link to '{os.readlink(item)}', which is not there (a "
                    "share that is not mounted?)"
                )
            elif (
                item.suffix.lower() == ".toml"
                and not item.name.startswith("._")
                and item.exists()
                and not item.is_file()
            ):
                said.append(f"'{item}' is not a file but a named pipe or a device")
            elif item.is_dir() and (held := sorted(item.glob("*.toml"))):
                # what `ranges init` makes there (developer QA round 10: the set was invisible
                # by its name, and nothing said why)
                said.append(
                    f"'{item}' is a folder, not a ranges file: your sets are read from files "
                    f"in '{folder}' itself; to use it by the name '{item.name}', move "
                    f"'{held[0]}' to '{folder / (item.name + '.toml')}'"
                )
        return said
    except OSError:  # unreadable: `user_sets` says so
        return []


def case_twins() -> list[list[str]]:
    """Your sets whose file names differ only in case ('mylab.toml', 'MyLab.toml'), each group
    sorted: no name chooses between them (QA: one was taken unsaid)."""
    by_case: dict[str, list[str]] = {}
    for stem in user_sets():
        by_case.setdefault(stem.casefold(), []).append(stem)
    return [sorted(group) for group in by_case.values() if len(group) > 1]


def _refuse_case_twins(name: str) -> None:
    """Two of your sets named `name` but for case (or both standing in for a bundled set) are
    not chosen between (`case_twins`)."""
    twins = next((g for g in case_twins() if g[0].casefold() == name.casefold()), None)
    if twins is not None:
        # each file's path: the folder's would be refused for holding two (QA)
        sets = user_sets()
        paths = " or ".join(path_text(sets[stem]) for stem in twins)
        raise RangesError(
            f"'{name}' could be any of your sets {' or '.join(twins)} (names match whatever "
            f"the case); rename one, or give --ranges the file's path: {paths}"
        )


def toml_files(folder: Path) -> list[Path]:
    """The folder's .toml files, however the suffix is cased ('LAB.TOML' from Windows)."""
    try:
        return sorted(
            p
            for p in folder.iterdir()
            # '._lab.toml': what macOS leaves beside a file copied to another disk, never TOML
            if p.suffix.lower() == ".toml" and not p.name.startswith("._") and p.is_file()
        )
    except OSError as exc:  # a folder that cannot be listed (its permissions)
        raise RangesError(f"cannot read the folder '{folder}': {exc.strerror}") from None


def available_sets() -> dict[str, Path]:
    """Every set that can be chosen by name: bundled ones, overridden by the user's; a user's
    file overrides a bundled set whatever the case of its name (QA: 'ARUP-3002601.toml', as
    Windows may save it, was a second set, and default runs kept the bundled one)."""
    sets = bundled_sets()
    bundled = {name.casefold(): name for name in sets}
    for stem, path in user_sets().items():
        sets[bundled.get(stem.casefold(), stem)] = path
    return sets


def list_sets() -> SetListing:
    """Every set that can be chosen by name (bundled and yours), and $PANELCLI_RANGES's, each
    loaded to give its name, version and markers; a broken one with its first problem (one
    broken file must not hide the other sets)."""
    from panelcli.listing import ListedSet, SetListing

    default = os.environ.get(RANGES_ENV) or DEFAULT_SET
    mine = set(user_sets().values())
    sets: dict[str, Path | None] = dict(available_sets())
    if default not in sets:  # $PANELCLI_RANGES names a file or folder: check uses it
        sets[default] = None
    # QA: of two of yours standing in for a bundled set ('ARUP-3002601.toml' and
    # 'arup-3002601.toml'), one was listed, and nothing said why check refused both; each is
    # tagged on its own line
    twin_of = {name.casefold(): twins for twins in case_twins() for name in twins}
    listed = []
    for name, path in sets.items():
        tags = [t for t, on in (("default", name == default), ("yours", path in mine)) if on]
        if name.casefold() in twin_of:  # (no ': ' in a tag: it parts the table's fields)
            others = " and ".join(t for t in twin_of[name.casefold()] if t != name)
            tags.append(f"named as {others} but for case, so neither is chosen by name")
        try:
            if path is None:
                tags.append(f"from ${RANGES_ENV}")
                path = find_set(None)
            loaded = load_ranges(str(path))
        except RangesError as exc:
            listed.append(ListedSet(
                name=name, set_name=None, tags=[*tags, "broken"], version=None,
                description=None, markers=None, path=None if path is None else str(path),
                sha256=None, problem=exc.problems[0] if exc.problems else str(exc),
                problems=max(len(exc.problems), 1),
            ))  # fmt: skip
            continue
        info = loaded.info
        listed.append(ListedSet(
            name=name, set_name=info.name, tags=tags, version=info.version,
            description=info.description, markers=len(loaded.markers), path=info.path,
            sha256=info.sha256, problem=None, problems=None,
        ))  # fmt: skip
    return SetListing(sets=listed)


def names_a_set(spec: str) -> bool:
    """Whether `--ranges SPEC` would be read as a set's name (as well), for a file or folder
    so called here: a bare name ('mayo-adult'), not './mayo-adult' or 'lab.toml'."""
    path = Path(spec)
    if path.suffix or os.sep in spec or spec in (".", ".."):
        return False
    return spec.casefold() in {name.casefold() for name in available_sets()}


def _from_env(spec: str | os.PathLike[str] | None) -> bool:
    """Whether the set is the one $PANELCLI_RANGES names (no set was given on the command line)."""
    return not spec and bool(os.environ.get(RANGES_ENV))


def find_set(spec: str | None) -> Path:
    """Turn --ranges (a bundled name, a file or a directory) into a file path."""
    if spec is not None and not spec.strip():  # `--ranges "$UNSET"` must not mean the default
        raise RangesError(
            "the reference set to use is given as '' (empty); give a set's name (see "
            "'panelcli ranges list'), a TOML file or a folder holding one"
        )
    from_env = _from_env(spec)
    if not spec and not from_env:  # the default is a set's name, never a file or folder here
        _refuse_case_twins(DEFAULT_SET)
        default = available_sets().get(DEFAULT_SET)  # (QA: a stray file so named broke runs)
        if default is not None:
            return default
    spec = spec or os.environ.get(RANGES_ENV) or DEFAULT_SET
    try:
        try:
            return _find_set(home_expanded(spec))
        except (OSError, RuntimeError) as exc:  # developer QA round 14: a folder that may not
            # be searched, a name over 255 bytes, a link loop: a bare OSError, an internal error
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise RangesError(f"cannot read the ranges '{shorten(spec)}': {why}") from None
    except RangesError as exc:
        if from_env:  # say where the name came from: it was not typed on this command line
            raise RangesError(f"{RANGES_ENV}={spec}: {exc}") from None
        raise


def _find_set(spec: str) -> Path:
    path = Path(spec)
    set_named = path.exists() and names_a_set(spec)
    if set_named and _may_be_a_set(path):  # which one judges must not depend on the folder
        kind = "folder" if path.is_dir() else "file"
        raise RangesError(
            f"'{spec}' is both the name of a reference set and a {kind} here; write "
            f"'.{os.sep}{spec}' for the {kind}, or rename it"
        )
    if path.is_dir() and not set_named:  # (the path here cannot be a set: the set is meant)
        files = toml_files(path)
        if len(files) != 1:
            shown = [f.name for f in files[:5]]
            if len(files) > len(shown):  # a bare list of five would pass for all of them (QA)
                shown[-1] += f" and {len(files) - len(shown)} more"
            found = f": {', '.join(shown)}" if files else ""
            # Notepad saves 'lab.toml' as 'lab.toml.txt' unless told otherwise (QA)
            saved_as_text = sorted(p.name for p in path.glob("*.toml.txt")) if not files else []
            rename = (
                f"; '{saved_as_text[0]}' looks like one saved as text: rename it to end in .toml"
                if saved_as_text
                else ""
            )
            raise RangesError(
                f"ranges folder '{spec}' must hold exactly one .toml file (found "
                f"{len(files)}{found}){rename}"
            )
        return files[0]
    if path.is_file() and not set_named:
        return path
    _refuse_case_twins(spec)
    sets = available_sets()
    if spec in sets:
        return sets[spec]
    by_case = [name for name in sets if name.casefold() == spec.casefold()]
    if by_case:  # 'Mayo-Adult', or a user's set 'Mine' asked as 'mine'
        return sets[by_case[0]]
    if path.exists():  # /dev/null, a pipe: reading it as a set would hang or say nothing
        raise RangesError(
            f"ranges file '{spec}' is not a regular file (a pipe, '<(…)' or a device): write "
            "the set to a file first and give its name (the set is read more than once, and "
            "its bytes are hashed for the report)"
        )
    # before a name with a '.' is taken for a file: 'North lab v2.1' (QA)
    named = [p for p in user_sets().values() if _set_name_of(p).casefold() == spec.casefold()]
    if len(named) == 1:  # QA: reports named a set 'qa-lab' that only 'qalab' (its file) chose
        return named[0]
    if named:
        stems = ", ".join(p.stem for p in named)
        raise RangesError(
            f"'{spec}' is the [set] name of several of your sets ({stems}); choose one by its "
            "file's name"
        )
    if path.suffix or os.sep in spec:
        # educator QA round 8: README's '--ranges ./mylab', run before 'ranges init ./mylab'
        made = spec if path.suffix.casefold() != ".toml" else "FOLDER"
        raise RangesError(
            f"ranges file '{spec}' does not exist (to make a copy of a set to edit: panelcli "
            f"ranges init {made})"
        )
    not_read = "; ".join(sets_not_read())
    raise RangesError(
        f"no reference set named '{spec}'{_set_hint(spec, list(sets))}; known sets: "
        f"{', '.join(sets)} (your own are read from {user_config_dir() / 'ranges'}"
        f"{'; ' + not_read if not_read else ''})"
    )


def _may_be_a_set(path: Path) -> bool:
    """Whether a path here could itself be a ranges set: a file with something in it, or a
    folder holding a .toml file (developer QA round 13: an empty file, or a report folder,
    named 'mayo-adult' made PANELCLI_RANGES=mayo-adult fail in that folder)."""
    try:
        if path.is_dir():
            return bool(toml_files(path))
        return path.exists() and (not path.is_file() or path.stat().st_size > 0)
    # unreadable: it may be one; the refusal says to write './' for it
    except (OSError, RangesError):
        return True


def _set_hint(spec: str, names: list[str]) -> str:
    """' (did you mean ./good.toml?)' for a file here named so, or ' (did you mean
    arup-3002601?)' for a set it starts or nearly spells (QA: neither was offered)."""
    if spec == "-":  # developer QA round 13: 'ranges validate - < mylab.toml' got no hint
        # not '/dev/stdin': a pipe is refused there too (ranges QA round 17)
        return " ('-' is not standard input here: write the set to a file and give its name)"
    for suffix in (".toml", ".TOML"):
        if Path(spec + suffix).is_file():
            return f" (did you mean ./{spec}{suffix}?)"
    folded = spec.casefold()
    starting = [name for name in names if name.casefold().startswith(folded)]
    close = starting or difflib.get_close_matches(spec, names, n=2, cutoff=0.75)
    if close and folded:
        return f" (did you mean {' or '.join(close[:2])}?)"
    if folded and any(reference_set.resolve(spec) for _, reference_set in bundled_reference_sets()):
        # lab QA round 10: 'ranges show IL-6' was only "no reference set named 'IL-6'"
        return f" ('{spec}' is a marker: panelcli explain {spec} shows its range in every set)"
    return ""


def _toml(text: str) -> dict[str, Any]:
    """tomllib.loads, with a file nested past Python's recursion limit as a TOML error (QA:
    a 1.6 kB '[' * 800 was an internal error of check, validate, ranges list and explain)."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise tomllib.TOMLDecodeError("arrays or tables nested too deeply") from None


def _set_name_of(path: Path) -> str:
    """A ranges file's [set] name as written (read, not loaded: it may be broken); '' if none."""
    try:
        text = _toml_text(path.read_bytes())
    except (OSError, ValueError):  # unreadable, or not UTF-8: loading it says why
        return ""
    try:  # as reports give it: any string TOML writes, wherever in [set] (QA)
        name = _toml(text).get("set", {}).get("name")
    except (tomllib.TOMLDecodeError, AttributeError):  # broken: the name as written, if any
        found = _SET_NAME.search(text)
        return "" if found is None else found.group(2) or found.group(3) or ""
    return name if isinstance(name, str) else ""


def load_ranges(spec: str | os.PathLike[str] | None = None) -> ReferenceSet:
    """Load and validate a reference set by bundled name, file or directory; raises RangesError."""
    path = find_set(None if spec is None else os.fspath(spec))
    bundled = is_bundled(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RangesError(f"cannot read ranges file '{path}': {exc.strerror}") from exc
    problems = check_ranges_bytes(raw, require_source=bundled, bundled=bundled)
    if problems:
        # said as find_set says a missing one: the name came from the environment (QA)
        where = f"{RANGES_ENV}={os.environ[RANGES_ENV]}: " if _from_env(spec) else ""
        # their lines, as 'ranges validate' names them (QA: check named none, then the
        # first's only)
        lines = problem_lines(raw, problems)
        at = f" at line {lines[0]}" if lines[0] else ""
        raise RangesError(
            f"{where}ranges file '{path}' is invalid{at}: {problems[0]}",
            [
                f"line {line}: {said}" if line else said
                for line, said in zip(lines, problems, strict=True)
            ],
        )
    # utf-8-sig as in check_ranges_bytes: a BOM that passed the check must not fail here.
    document = _toml(_toml_text(raw))
    # Absolute, as reports name it: a relative path means nothing once the output is moved.
    return ReferenceSet(RangesFile.model_validate(document), Path(os.path.abspath(path)), raw)


_UTF16 = "the file is not UTF-8 text (UTF-16, as Notepad may save it? save it as UTF-8)"
_UTF32 = "the file is not UTF-8 text: this is UTF-32 text; save it as UTF-8"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _wide_text(raw: bytes) -> str:
    """Why text with NULs in it is no UTF-8: UTF-32 (review: it was called UTF-16) or UTF-16."""
    return _UTF32 if is_utf32(raw[:4096]) else _UTF16


def _not_utf8(raw: bytes, bad: UnicodeDecodeError) -> str:
    """Why a ranges file is no UTF-8, naming its first odd byte: UTF-16 only when it looks so
    (QA: a Windows-1252 'µ' was called UTF-16, which sent the user the wrong way)."""
    # UTF-16 without a BOM: every other byte of its ASCII is a NUL
    if raw.startswith(_UTF16_BOMS) or raw.count(0) * 4 > len(raw):
        return _wide_text(raw)
    byte = raw[bad.start]
    line = raw.count(b"\n", 0, bad.start) + 1
    where = f"byte 0x{byte:02X} on line {line}"
    try:
        seen = f"{where} looks like Windows-1252/Latin-1 ('{bytes([byte]).decode('cp1252')}')"
    except UnicodeDecodeError:  # five bytes Windows-1252 leaves unused
        seen = f"{where} is no UTF-8"
    return f"the file is not UTF-8 text: {seen}; save it as UTF-8"


def check_ranges_bytes(
    raw: bytes, require_source: bool = False, bundled: bool = False
) -> list[str]:
    """Every problem in a ranges file, as sentences naming the marker and key; [] if valid.

    `bundled`: a set shipped with panelcli, whose names are not checked against the bundled
    sets' names (the tests do that once): reading those sets cost every run 3 ms.
    """
    binary = binary_kind(raw)
    if binary is not None:  # QA: a .toml.gz was "not UTF-8 … save it as UTF-8"
        return [f"the file is {binary[0]}, not TOML text; give the .toml file itself"]
    try:
        text = _toml_text(raw)
    except UnicodeDecodeError as bad:
        return [_not_utf8(raw, bad)]
    if "\0" in text:  # UTF-16 of ASCII text is valid UTF-8 (QA: a syntax error at column 2)
        return [_wide_text(raw)]
    try:
        document = _toml(text)
    except tomllib.TOMLDecodeError as exc:
        return [f"TOML syntax error: {_toml_words(str(exc))}{_toml_hint(str(exc), text)}"]
    if not document:  # blank, or comments only (QA: "missing required key 'markers'")
        return ['the file is empty (a ranges file needs [markers."NAME"] tables)']
    markers = document.get("markers")
    # Each marker is checked on its own below, so one marker's error hides nothing of another's.
    shell = {**document, "markers": {}} if isinstance(markers, dict) else document
    problems = [_explain(err) for err in _errors(RangesFile, shell)]
    if not isinstance(markers, dict):
        return problems
    if not markers:
        problems.append('the file defines no markers (add [markers."NAME"] tables)')
    names_used: dict[str, tuple[str, str]] = {}
    loincs: dict[str, str] = {}  # code -> the marker that gives it
    for name, table in markers.items():
        problems.extend(_marker_problems(name, table, require_source, names_used, bundled))
        if isinstance(table, dict):
            aliases = table.get("aliases")
            names = (
                [name, *(a for a in aliases if isinstance(a, str))]
                if isinstance(aliases, list)
                else [name]
            )
            problems.extend(_loinc_problems(names, table.get("loinc"), loincs, bundled))
    return problems


#: A LOINC code as LOINC writes it: up to seven digits, '-', a check digit ('26881-3').
_LOINC = lazy_pattern(r"(\d{1,7})-(\d)")


def _loinc_problems(
    names: list[str], code: object, loincs: dict[str, str], bundled: bool = False
) -> list[str]:
    """A marker's `loinc` that is no LOINC code (its form, its check digit), or another
    marker's (QA: a typo and IL-6's code on IL-8 went into FHIR as the test's code); `names`:
    the marker's name, then its aliases."""
    name = names[0]
    if not isinstance(code, str) or not code.strip():
        return []  # not a string: the model's error says so
    code = code.strip()
    where = f"marker '{name}': loinc '{shorten(code)}' "
    form = _LOINC.fullmatch(code)
    if form is None:
        return [where + "is not a LOINC code (digits, '-' and a check digit, such as 26881-3)"]
    if form[1].startswith("0"):  # QA: FHIR wrote '0026881-3', which no system matches
        return [where + f"is not written as LOINC writes it: {form[1].lstrip('0')}-{form[2]}"]
    digit = loinc_check_digit(form[1])
    if int(form[2]) != digit:
        return [
            where + f"is not a LOINC code: its check digit would be {digit} "
            f"({form[1]}-{digit}); check the code at loinc.org"
        ]
    other = loincs.setdefault(code, name)
    if other != name:
        return [where + f"is also marker '{other}''s; a LOINC code names one test"]
    owner = None if bundled else _bundled_owner(code)  # (a bundled set: its own markers)
    if owner is not None:
        theirs, set_name = owner
        # by its name or an alias (review: 'Chemokine 8' with alias 'IL-8' kept IL-6's code)
        mine = next((m for alias in names if (m := _bundled_name(alias)) is not None), None)
        if mine is not None and mine != theirs:
            # a marker the bundled sets know as another (review: IL-8 with IL-6's code was only
            # warned, and FHIR coded IL-8 as IL-6; CRP's code is mayo-adult's alone)
            return [
                where + f"is {theirs}'s in the bundled set {set_name}, not {mine}'s; a LOINC "
                "code names one test"
            ]
    return []


def _bundled_owner(code: str) -> tuple[str, str] | None:
    """The marker of the bundled sets whose loinc is `code`, and its set's name, if any."""
    for set_name, known in bundled_reference_sets():
        if (marker := known.by_loinc.get(code)) is not None:
            return marker, set_name
    return None


def _bundled_name(name: str) -> str | None:
    """What the bundled sets call a marker of this name, if any of them knows it."""
    return next((m for _, known in bundled_reference_sets() if (m := known.resolve(name))), None)


def _loinc_of_another(name: str, entry: MarkerRange) -> list[str]:
    """A loinc that a bundled set gives a marker, on a marker those sets do not know: a
    warning, as the name may be that marker's ('IL-6 serum'; review: it was refused)."""
    owner = _bundled_owner(entry.loinc) if entry.loinc else None
    if owner is None or any(_bundled_name(n) is not None for n in (name, *entry.aliases)):
        return []  # one they know, by its name or an alias, is an error
    theirs, set_name = owner
    return [
        f"marker '{name}': loinc '{entry.loinc}' is {theirs}'s in the bundled set {set_name}; "
        f"if this is not {theirs}, its code is wrong (a LOINC code names one test)"
    ]


def loinc_check_digit(number: str) -> int:
    """LOINC's mod-10 check digit of a code's number part ('26881' → 3)."""
    total = 0
    for i, digit in enumerate(reversed(number)):
        doubled = int(digit) * (2 if i % 2 == 0 else 1)
        total += doubled - 9 if doubled > 9 else doubled
    return (10 - total % 10) % 10


def _errors(model: type[BaseModel], data: object) -> list[ErrorDetails]:
    """Pydantic's errors for data, order checks left out (the caller runs them on its own)."""
    try:
        model.model_validate(data, context=_ORDER_CHECKED_BY_CALLER)
    except ValidationError as exc:
        return exc.errors()
    return []


def _marker_problems(
    name: str,
    table: object,
    require_source: bool,
    names_used: dict[str, tuple[str, str]],
    bundled: bool = False,
) -> list[str]:
    """One marker's problems, all at once; names_used (key of a name or alias -> its marker
    and how it is written) is filled in; `bundled` as in `check_ranges_bytes`."""
    if not marker_key(name):
        return ['a marker has no name (a [markers.""] table, or only spaces)']
    errors = _errors(MarkerRange, table)
    problems = [_explain(err, ("markers", name)) for err in errors]
    if not isinstance(table, dict):
        return problems
    # A key whose value is wrong is left out of the checks below; an unknown key changes
    # nothing of the known ones, so their order and aliases can still be checked.
    wrong = _wrong_keys(errors)
    where = f"marker '{name}': "
    marker_limits = _given_limits(table, wrong)
    problems += [where + p for p in _order_problems(marker_limits)]
    problems += [where + p for p in _normal_range_problems(_given_flags(table, wrong))]
    unit = table.get("unit") if "unit" not in wrong else None
    problems += [where + p for p in _impossible_limits(marker_limits, unit)]
    inherited = {k: v for k, v in marker_limits.items() if k in _CRITICAL}
    rows = table.get("intervals", [])
    if isinstance(rows, list):
        for i, row in enumerate(rows):
            row_wrong = _wrong_keys(errors, ("intervals", i))
            for problem in _impossible_limits(_given_limits(row, row_wrong), unit):
                problems.append(f"{where}interval {i + 1}: {problem}")
            own = _order_problems(_given_limits(row, row_wrong))
            for problem in _order_problems({**inherited, **_given_limits(row, row_wrong)}):
                if problem not in own:
                    problem += " (the marker's critical limits hold for its rows too)"
                problems.append(f"{where}interval {i + 1}: {problem}")
            # A row's own limit only: the marker's low/high are not the row's (see rows())
            for problem in _normal_range_problems(_given_flags(row, row_wrong)):
                if any(f"no {key} " in problem for key in marker_limits):
                    problem += " (the marker's own low and high are not its rows')"
                problems.append(f"{where}interval {i + 1}: {problem}")
        readable = _readable_rows(rows, errors)
        # an overlap or a reversed age band among the rows that read is sure either way (a gap
        # is no error: see ranges_warnings)
        problems.extend(_overlaps(name, readable))
    if require_source and "source" not in wrong and not str(table.get("source") or "").strip():
        problems.append(f"{where}'source' is required for a bundled range")
    aliases = table.get("aliases", []) if "aliases" not in wrong else []
    for alias in (name, *aliases):
        bare, unit_in_name = split_header_unit(alias)
        if unit_in_name is not None:  # QA: [markers."IL-6 (pg/mL)"] was valid, and never met
            mine = "its name" if alias == name else f"alias '{alias}'"
            problems.append(
                f"{where}{mine} ends in a unit, '{unit_in_name}'; panelcli reads a unit apart "
                "from a result's name ('IL-6 (pg/mL)' is IL-6 in pg/mL), so no result would "
                f"match it: write '{bare}' (the marker's unit goes in unit = \"...\")"
            )
        other, written = names_used.setdefault(marker_key(alias), (name, alias))
        if other != name:
            mine = "its name" if alias == name else f"alias '{alias}'"
            theirs = f"marker '{other}'"
            if written != other:
                theirs = f"alias '{written}' of {theirs}"
            problems.append(f"{where}{mine} is the same as {theirs} (names match whatever the "
                            "case, spaces and dashes, and a Greek letter as a letter or its "
                            "name); keep it in one marker only")  # fmt: skip
    if bundled:
        return problems
    return problems + _named_twice_otherwise(name, aliases, names_used)


def _garbled_as(text: str) -> str:
    """The encoding a garbled text's UTF-8 was read in, as people know it."""
    try:
        text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return "Mac Roman"
    return "Windows-1252"


def _garbled(name: str, entry: MarkerRange) -> list[str]:
    """A name, alias or unit whose UTF-8 was once misread (`unmangled`) and saved again: it
    still matches results, but reports write it so (QA: 'TNF-Î±' in every output)."""
    texts = [("its name", name), *((f"alias '{a}'", a) for a in entry.aliases)]
    texts.append((f"unit '{entry.unit}'", entry.unit))
    return [
        f"marker '{name}': {what} looks like '{unmangled(text)}' garbled (its UTF-8 once "
        f"read as {_garbled_as(text)}); reports write it as it is here, so write "
        f"'{unmangled(text)}'"
        for what, text in texts
        if unmangled(text) != text
    ]


def _used_by_nobody(name: str, entry: MarkerRange) -> list[str]:
    """Rows, and a marker's own low/high, that judge nobody: a row for one sex or a narrower
    age band wins for everyone they cover (QA: a row meant for an unknown sex, under rows for
    both sexes; a row for age 0 and over under the marker's own high)."""
    rows = entry.intervals
    if not rows:
        return []
    winners: set[int] = set()
    own_used = False
    # a person of unknown sex or age is judged by the rows of the people they may be
    for sex, age in _possible_people(rows):
        fits = [row for row in rows if row.matches(sex, age)]
        if fits:
            winners.add(id(max(fits, key=lambda row: row.narrowness)))
        else:
            own_used = True
    warnings = [
        f"marker '{name}': the row for {row.describe()} judges nobody: a row for one sex or a "
        "narrower age band wins for everyone it covers (a person whose sex or age is not "
        "known is judged by the rows that could be theirs)"
        for row in rows
        if id(row) not in winners
    ]
    if entry.has_normal_range and not own_used:
        warnings.append(
            f"marker '{name}': its own range ({interval_text(entry.bounds, entry.unit)}) judges "
            "nobody: it is for anyone no row fits, and its rows cover every sex and age"
        )
    return warnings


def _aliases_of_other_markers(name: str, aliases: list[str]) -> list[str]:
    """An alias that the bundled sets give a marker this one is not named as ('IL6' in an
    IL-18): results written so are judged by this marker's range (QA: said by nothing)."""
    warnings = []
    for alias in aliases:
        key = marker_key(alias)
        # by its own name, not by another alias: an IL-18 given all of IL-6's aliases (QA)
        if marker_key(name) in same_marker(key) | {key}:
            continue  # this marker is named as that one ('IL-6', alias 'IL6')
        theirs = {r.resolve(alias) for _, r in bundled_reference_sets()} - {None, name}
        if theirs:
            warnings.append(
                f"marker '{name}': alias '{alias}' is what panelcli's bundled sets call "
                f"{' or '.join(sorted(map(str, theirs)))}, so results written so are judged by "
                f"{name}'s range; remove the alias if it is not the same test"
            )
    return warnings


def _named_twice_otherwise(
    name: str, aliases: list[str], names_used: dict[str, tuple[str, str]]
) -> list[str]:
    """A marker named (by its name or an alias) as another marker is by another name the
    bundled sets give one marker ('Interleukin 6' beside 'IL-6'): which of the two judges a
    result would depend on how the lab spells it (found in QA)."""
    problems = []
    told: set[str] = set()
    for alias in (name, *aliases):
        key = marker_key(alias)
        if names_used.get(key, (name, alias))[0] != name:
            continue  # the same name as another marker's: said already
        for other_key in sorted(same_marker(key)):
            other, written = names_used.get(other_key, (name, alias))
            # IL-12 and IL-12 p70 are not one marker to every lab (Mayo's IL-12 is its p70)
            if other == name or other in told or _form(other_key) != _form(key):
                continue
            told.add(other)
            mine = "its name" if alias == name else f"alias '{alias}'"
            problems.append(
                f"marker '{name}': {mine} is another name of marker '{other}' (panelcli reads "
                f"'{alias}' and '{written}' as one marker, as its bundled sets do), so which "
                "range judges a result would depend on how the lab spells it; keep one of the "
                "two markers and add the other's name to its aliases"
            )
    return problems


def _form(key: str) -> str:
    """The subunit form a marker key ends in ('p70' of 'il12p70'), or ''."""
    form = _SUBUNIT_FORM.fullmatch(key)
    return key[len(form.group(1)) :] if form else ""


def _wrong_keys(errors: list[ErrorDetails], table: tuple[str | int, ...] = ()) -> set[str]:
    """The keys of the table at `table` (a path in the marker) whose values failed validation."""
    depth = len(table)
    return {
        str(err["loc"][depth])
        for err in errors
        if err["loc"][:depth] == table and len(err["loc"]) > depth
    }


def _impossible_limits(limits: dict[str, float | None], unit: object) -> list[str]:
    """Limits above 1 kg/L, which no blood concentration reaches, as values are refused (QA:
    'high = 1e38' was valid, and its warnings printed numbers of 39 digits)."""
    from panelcli.units import PAST_PHYSICAL_LIMIT, exceeds_physical_limit

    if not isinstance(unit, str):
        return []
    return [
        f"{key} ({number_text(value)} {unit}) is {PAST_PHYSICAL_LIMIT}: is the number or the "
        "unit right?"
        for key, value in limits.items()
        if value is not None and exceeds_physical_limit(value, unit)
    ]


def _given_limits(table: object, wrong: set[str]) -> dict[str, float | None]:
    """A table's numeric limits that passed validation, for the order checks."""
    if not isinstance(table, dict):
        return {}
    return {
        key: float(value)
        for key, value in table.items()
        if key in _LIMITS and key not in wrong and isinstance(value, int | float)
    }


def _given_flags(table: object, wrong: set[str]) -> dict[str, object]:
    """A table's limits and exclusive flags that passed validation, for `_normal_range_problems`;
    a limit whose value is wrong counts as given (its own error says what is wrong with it)."""
    if not isinstance(table, dict):
        return {}
    given: dict[str, object] = {**_given_limits(table, wrong)}
    for key in ("low", "high"):
        if key in wrong and key in table:
            given.setdefault(key, table[key])
    for flag in _EXCLUSIVE:
        if flag not in wrong and table.get(flag) is True:
            given[flag] = True
    return given


#: Names that labs use for more than one molecule (reference-facts: "'IL-1' alone is
#: ambiguous - do not auto-map"), by marker key.
_AMBIGUOUS_NAMES = {"il1": "IL-1α or IL-1β", "ifn": "IFN-α, IFN-β or IFN-γ"}


def ranges_warnings(raw: bytes, stem: str | None = None) -> list[str]:
    """Things worth a look in a valid ranges file: no source, units panelcli cannot convert;
    `stem`: its file's name without '.toml', the set's name where it gives none."""
    from panelcli.units import has_family, is_molar, unit_typo_of

    parsed = RangesFile.model_validate(_toml(_toml_text(raw)))
    warnings = []
    for name, entry in parsed.markers.items():
        for alias in (name, *entry.aliases):
            if re.search(_CURLY, alias):  # QA: '[markers."“IL-6”"]', a hint followed to the letter
                warnings.append(
                    f"marker '{name}': the name '{alias}' holds curly quote marks, which every "
                    "report would show as part of the marker's name; leave them out"
                )
            meant = _AMBIGUOUS_NAMES.get(marker_key(alias))
            if meant:
                warnings.append(
                    f"marker '{name}': the name '{alias}' may mean {meant}; a result written "
                    f"so would be judged as {name}"
                )
        if not (entry.source or "").strip():  # QA: a source of spaces passed as a citation
            warnings.append(f"marker '{name}': no 'source'; say where the interval comes from")
        # U/mL and kU/L convert among themselves, as pg/mL and ng/L do, and such a set is
        # the way to judge them; only a unit that converts to nothing is worth a word (QA).
        if not has_family(entry.unit):
            typo = unit_typo_of(entry.unit)
            warnings.append(
                f"marker '{name}': unit '{entry.unit}' is not a mass concentration panelcli can "
                "convert; only results written in exactly this unit can be judged"
                + (f" (did you mean '{typo}'?)" if typo else "")
            )
        elif is_molar(entry.unit) and (usual := _usual_unit_apart(name, entry.unit)):
            warnings.append(
                f"marker '{name}': unit '{entry.unit}' cannot be converted from {usual}, the "
                f"unit the bundled sets give {name} in: results in {usual}, or in any unit that "
                f"converts to it, are refused; only those in {entry.unit}, or in a unit that "
                "converts to it, can be judged"
            )
        if entry.category and known_category(entry.category) is None:
            warnings.append(
                f"marker '{name}': category '{entry.category}' is not one panelcli knows "
                f"({', '.join(CATEGORIES)}), so the summary cannot say in plain words what "
                "this kind of marker does (it uses panelcli's own group for a marker it knows)"
            )
        if not entry.has_bounds and not entry.intervals:
            warnings.append(f"marker '{name}': no low or high limit, so nothing can be flagged")
        elif _flags_nothing(entry) and not entry.intervals:
            # ranges QA round 12: a 'high' line taken out left 'low = 0', and 99,999 was normal
            warnings.append(
                f"marker '{name}': only a low limit of {number_text(entry.low or 0.0)} and no "
                "high one or critical limit, so no value can be flagged (add high)"
            )
        elif entry.has_bounds and not entry.has_normal_range and not entry.intervals:
            warnings.append(
                f"marker '{name}': only critical limits; a value that is not past them cannot "
                "be judged (no_reference), as the set gives no normal range (add low or high)"
            )
        for row in entry.rows():
            if not row.has_bounds:
                warnings.append(
                    f"marker '{name}': the interval for {row.describe()} has no low or high "
                    "limit, so nothing can be flagged for those people"
                )
            elif _flags_nothing(row):
                warnings.append(
                    f"marker '{name}': the interval for {row.describe()} has only a low limit "
                    f"of {number_text(row.low or 0.0)}, so no value can be flagged for those "
                    "people (add high)"
                )
            elif not row.has_normal_range:
                warnings.append(
                    f"marker '{name}': the interval for {row.describe()} has only critical "
                    "limits; a value that is not past them cannot be judged for those people "
                    "(add low or high)"
                )
        # QA: a gap was refused, though ages before the first row (adults only) were not
        gets = "the marker's own range" if entry.has_bounds else "no interval (not judged)"
        warnings.extend(
            f"{gap}; people of those ages get {gets}" for gap in _gaps(name, entry.intervals)
        )
        warnings.extend(_garbled(name, entry))
        warnings.extend(_used_by_nobody(name, entry))
        warnings.extend(_aliases_of_other_markers(name, entry.aliases))
        warnings.extend(_detection_past_range(name, entry))
        warnings.extend(_far_from_bundled(name, entry))
        warnings.extend(_critical_far_past_range(name, entry))
        warnings.extend(_source_of_other_numbers(name, entry))
        warnings.extend(_loinc_of_another(name, entry))
    # a copy under the bundled set's name is told to rename it first: said once
    warnings.extend(_named_as_bundled(parsed, stem) or _described_as_bundled(parsed))
    return warnings


def as_compared(entry: MarkerRange) -> MarkerRange:
    """A marker as sets are compared: one row for everyone of all ages (`age_min = 0`) as
    the marker's own range (review of round 22: a copy of mayo-adult made before its CRP
    became such a row was told its '< 5 mg/L' was not the set's 'all ages: < 5 mg/L')."""
    if len(entry.intervals) != 1 or entry.high is not None or entry.low is not None:
        return entry
    (row,) = entry.intervals
    if row.sex is not None or not row.all_ages:
        return entry
    own = {key: getattr(row, key) for key in _BoundsFields.model_fields}
    for key in ("critical_low", "critical_high"):  # a row keeps the marker's where it has none
        own[key] = own[key] if own[key] is not None else getattr(entry, key)
    return entry.model_copy(update={**own, "intervals": []})


def _normal_limits(entry: MarkerRange | None) -> object:
    """A marker's normal ranges as compared between sets: its unit, low and high, and its
    rows' (not its names, notes or critical limits)."""
    if entry is None:
        return None
    entry = as_compared(entry)

    def limits(bounds: _BoundsFields) -> tuple[object, ...]:
        return (bounds.low, bounds.high, bounds.low_exclusive, bounds.high_exclusive)

    rows = [(row.sex, row.ages, limits(row)) for row in entry.intervals]
    return (entry.unit, limits(entry), rows)


def _described_as_bundled(parsed: RangesFile) -> list[str]:
    """A set whose [set] description, lab or source is a bundled set's word for word but
    whose markers differ (QA: a 'ranges init' copy with its own IL-6 limit was described in
    every report as ARUP's assay)."""
    for bundled_name, bundled in bundled_reference_sets():
        theirs = bundled.data.set
        # not 'lab': a lab's name is a fact, not what the limits are (review)
        copied = [
            key
            for key in ("description", "source")
            if (mine := " ".join((getattr(parsed.set, key) or "").split()))
            and mine == " ".join((getattr(theirs, key) or "").split())
        ]
        if not copied:
            continue
        # their normal limits, not an alias or a critical limit added (QA: a copy with only
        # an alias added was told its description is no longer true)
        listed = _markers_changed(parsed, bundled, _normal_limits)
        if not listed:
            return []
        quoted = [f"'{key}'" for key in copied]
        keys = " and ".join([", ".join(quoted[:-1]), quoted[-1]] if len(quoted) > 1 else quoted)
        return [
            f"[set]: its {keys} {'is' if len(copied) == 1 else 'are'} copied word for word "
            f"from the bundled set {bundled_name}, but its markers differ from that set's "
            f"({listed}); every report shows the {'one' if len(copied) == 1 else 'two'}, so change "
            f"{'it' if len(copied) == 1 else 'them'} to say what this set is"
        ]
    return []


def _markers_changed(
    parsed: RangesFile, bundled: ReferenceSet, key: Callable[[MarkerRange | None], object]
) -> str:
    """The markers of a set and a bundled one whose `key` differs, the first three named
    ('IL-4, IL-6, IL-8 and 2 more'); '' where none does."""
    ours, theirs = parsed.markers, bundled.data.markers
    changed = sorted(
        m for m in ours.keys() | theirs.keys() if key(ours.get(m)) != key(theirs.get(m))
    )
    more = f" and {len(changed) - 3} more" if len(changed) > 3 else ""
    return ", ".join(changed[:3]) + more


def _named_as_bundled(parsed: RangesFile, stem: str | None = None) -> list[str]:
    """A set that has a bundled set's name (or file name, where it names none) but other
    markers: every report would name it as that set."""
    # QA: a copy with IL-6 high = 60 was reported as arup-3002601, without a word; developer
    # QA: so was the copy 'ranges init' makes, its name line deleted
    set_name = parsed.set.name or stem
    for bundled_name, bundled in bundled_reference_sets():
        if set_name is None or set_name.casefold() != (bundled.data.set.name or "").casefold():
            continue
        listed = _markers_changed(parsed, bundled, lambda e: e if e is None else as_compared(e))
        if not listed:
            return []
        named = "named" if parsed.set.name else "named by its file"
        return [
            f"the set is {named} '{set_name}', as the bundled set {bundled_name} is, but its "
            f"markers differ from that set's ({listed}); reports name the set by its name, so "
            'give it a name of its own ([set] name = "…") to tell them apart'
        ]
    return []


def _flags_nothing(bounds: _BoundsFields) -> bool:
    """Whether a range flags no value: a low limit no concentration is below (0, not '> 0',
    which flags a 0) and no high or critical limit."""
    return (
        bounds.low is not None
        and (bounds.low < 0 or (bounds.low == 0 and not bounds.low_exclusive))
        and bounds.high is None
        and bounds.critical_high is None
        and bounds.critical_low is None
    )


#: How many times above a bundled set's limit a set's own may be before it looks like a unit
#: slip (mg/L for pg/mL is 10⁹): labs and assays differ by a few times, not a hundred; low
#: limits, near zero, by more. (Ranges QA round 12: at a thousand, 5 ng/mL written for 5 pg/mL,
#: 532 times ARUP's IL-8 limit, was not said, and 4,000 pg/mL was judged normal.) Below it, a
#: thousand times on either side: high-sensitivity assays' limits are tens of times lower than
#: a multiplex panel's (review of round 12: GM-CSF 0.14 pg/mL was asked whether its unit was
#: right), and a limit too low flags every result, which is seen.
UNIT_SLIP_RATIO = {"high": 100.0, "low": 1000.0}


def _usual_unit_apart(name: str, unit: str) -> str | None:
    """The unit the bundled sets give a marker in where `unit` cannot be converted from it
    (ranges QA round 17: IL-6 in pmol/L was valid, and every pg/mL result was refused); None
    where one converts, or no bundled set has the marker. Asked of a molar unit only: a unit
    of activity is how some labs report a marker (sIL-2R in U/mL, IFN-γ in IU/mL)."""
    from panelcli.units import UnitProblem, conversion_exponent

    theirs = [
        bundled.markers[known].unit
        for _, bundled in bundled_reference_sets()
        if (known := bundled.resolve(name)) is not None
    ]
    for their_unit in theirs:
        try:
            conversion_exponent(their_unit, unit)
        except UnitProblem:
            continue
        return None
    return theirs[0] if theirs else None


#: How far past its own range a critical limit is likely written in another unit (a panic
#: value is some times the upper limit, not ten thousand)
CRITICAL_SLIP_RATIO = 10_000.0


def _critical_far_past_range(name: str, entry: MarkerRange) -> list[str]:
    """A critical limit `CRITICAL_SLIP_RATIO` times past its own normal limit: most likely
    left in the unit the set had before (ranges QA round 17: IL-8 moved to ng/mL with its
    critical_high 1000 kept judged 5000 pg/mL only high, exit 0 under --fail-on critical).
    Said once for a limit and the normal one it is compared with."""
    # each pair once: (side, normal limit, critical) → whose each is ('' for the marker's)
    pairs: dict[tuple[str, float, float], tuple[str, str]] = {}
    rows: list[tuple[Interval | None, MarkerRange | Interval]] = [
        (None, entry), *zip(entry.intervals, entry.rows(), strict=True)
    ]  # fmt: skip
    for own, row in rows:
        whose = "" if own is None else f"the row for {own.describe()}"
        for side in ("high", "low"):
            limit = getattr(row, side) or getattr(entry, side)
            critical = getattr(row, f"critical_{side}")
            limit_whose = whose if own is None or getattr(own, side) else ""
            critical_whose = whose if own is None or getattr(own, f"critical_{side}") else ""
            if limit and critical:
                pairs.setdefault((side, limit, critical), (critical_whose, limit_whose))
    said = []
    for (side, limit, critical), (critical_whose, limit_whose) in pairs.items():
        ratio = critical / limit if side == "high" else limit / critical
        if ratio < CRITICAL_SLIP_RATIO:
            continue
        how_far = f"about {ratio:,.0f} times" if side == "high" else f"about 1/{ratio:,.0f} of"
        of_row = f" of {critical_whose}" if critical_whose else ""
        compared = (
            f"its {side}" if limit_whose == critical_whose else
            f"the {side} of {limit_whose}" if limit_whose else f"the marker's {side}"
        )  # fmt: skip
        said.append(
            f"marker '{name}': critical_{side}{of_row}, {_grouped(critical)} {entry.unit}, is "
            f"{how_far} {compared} ({_grouped(limit)} {entry.unit}); a critical limit that far "
            f"past the range is most likely in another unit: is it in {entry.unit}?"
        )
    return said


def _far_from_bundled(name: str, entry: MarkerRange) -> list[str]:
    """A limit that many times (`UNIT_SLIP_RATIO`) off every bundled set's for the same marker,
    said against the nearest: most likely written in another unit than `unit` says (found in
    QA: IL-6 high 7 in mg/L)."""
    from panelcli.units import UnitProblem, conversion_exponent, convert

    def limits(marker: MarkerRange, side: str) -> list[tuple[str, float]]:
        given = [(side, getattr(marker, side))] + [
            (f"the {side} of the row for {row.describe()}", getattr(row, side))
            for row in marker.intervals
        ]
        return [(what, limit) for what, limit in given if limit is not None and limit > 0]

    ours = {side: limits(entry, side) for side in ("high", "low")}
    if not ours["high"] and not ours["low"]:
        return []
    # each of our limits with the nearest bundled one: (ratio, set, its limit, its unit, ours
    # in that unit, side)
    nearest: dict[tuple[str, float], tuple[float, str, float, str, float, str]] = {}
    for set_name, bundled in bundled_reference_sets():
        known = bundled.resolve(name)
        if known is None:
            continue
        theirs = bundled.markers[known]
        try:
            exponent = conversion_exponent(entry.unit, theirs.unit)
        except UnitProblem:
            continue
        for side, our_limits in ours.items():
            # their largest limit on this side (for a high, the one a slip is furthest from)
            their_limit = max((limit for _, limit in limits(theirs, side)), default=None)
            if their_limit is None:
                continue
            for what, our_limit in our_limits:
                limit = convert(our_limit, exponent)
                ratio = limit / their_limit
                found = nearest.get((what, our_limit))
                if found is None or _how_far(ratio) < _how_far(found[0]):
                    nearest[what, our_limit] = (
                        ratio,
                        set_name,
                        their_limit,
                        theirs.unit,
                        limit,
                        side,
                    )
    for (what, our_limit), (ratio, set_name, their_limit, unit, limit, side) in nearest.items():
        # a slip of exactly a thousand is one too (QA: 2.2 ng/mL over 2.2 pg/mL came to
        # 999.9999999999999)
        if ratio > _SLACK / UNIT_SLIP_RATIO["low"] and ratio * _SLACK < UNIT_SLIP_RATIO[side]:
            continue
        if ratio > 1:
            said = f"about {ratio:,.0f} times" if ratio < 1e9 else "more than a billion times"
        else:  # QA: 1e-300 was 'about 1/1000…(300 digits) of'
            said = f"about 1/{1 / ratio:,.0f} of" if ratio > 1e-9 else "under a billionth of"
        # 'is 5,000 pg/mL' only where it converts (QA: '5,000 pg/mL, is 5,000 pg/mL')
        converted = "" if limit == our_limit else f" is {_grouped(limit)} {unit},"
        return [
            f"marker '{name}': {what}, {_grouped(our_limit)} {entry.unit},{converted} "
            f"{said} the bundled set {set_name}'s {_grouped(their_limit)} {unit}; "
            "is the unit right?"
        ]
    return []


def _how_far(ratio: float) -> float:
    """How far a ratio of two limits is from 1, either way; a ratio that under- or overflowed
    is as far as can be (review of round 12: 'high = 5e-324' gave 'math domain error')."""
    return abs(math.log(ratio)) if 0 < ratio < math.inf else math.inf


def _converted(entry: MarkerRange, exponent: int) -> MarkerRange:
    """A marker's limits (its own and its rows') in another unit, `exponent` powers of ten."""
    from panelcli.units import convert

    def limits(bounds: _BoundsFields) -> dict[str, float]:
        return {
            key: convert(value, exponent)
            for key in ("low", "high", "critical_low", "critical_high")
            if (value := getattr(bounds, key)) is not None
        }

    if not exponent:
        return entry
    rows = [row.model_copy(update=limits(row)) for row in entry.intervals]
    return entry.model_copy(update={**limits(entry), "intervals": rows})


def _source_of_other_numbers(name: str, entry: MarkerRange) -> list[str]:
    """A bundled set's citation kept word for word beside other limits: a copy edited but for
    its `source`, which then names a lab that never gave those numbers (QA)."""
    from panelcli.units import UnitProblem, conversion_exponent

    source = " ".join((entry.source or "").split())
    for set_name, bundled in bundled_reference_sets():
        known = bundled.resolve(name)
        if known is None or not source:
            continue
        theirs = bundled.markers[known]
        try:  # a copy put into another unit is compared in the bundled set's (QA)
            exponent = conversion_exponent(entry.unit, theirs.unit)
        except UnitProblem:
            continue
        if " ".join((theirs.source or "").split()) != source:
            continue
        cited = as_compared(theirs).interval_texts()
        if as_compared(_converted(entry, exponent)).interval_texts(theirs.unit) != cited:
            ours = as_compared(entry).interval_texts()  # as the set's is said
            return [
                f"marker '{name}': its 'source' is copied word for word from the bundled set "
                f"{set_name}, but its interval is not that set's ({'; '.join(ours)} here, "
                f"{'; '.join(cited)} there); write in 'source' where this interval comes from"
            ]
    return []


#: How far below a thousand times a ratio counted in floating point may come and still be one
_SLACK = 1 + 1e-9


def _grouped(value: float) -> str:
    """number_text with its thousands grouped, as the ratio beside it is ('623,000,000 pg/mL,
    about 441,719 times'; QA: '623000000' beside '441,719' was hard to read)."""
    text = number_text(value)
    whole, point, fraction = text.partition(".")
    return f"{int(whole):,}{point}{fraction}" if whole.isdigit() else text  # not '1e+20'


def _detection_past_range(name: str, entry: MarkerRange) -> list[str]:
    """Assay limits above a normal range's top, or its bottom (QA): a result known only to be
    below one could be on either side of that limit; possible, but most likely a slip."""
    limits = [
        (key if row is None else f"the {key} of the interval for {row.describe()}", bound)
        for row, bounds in ((None, entry), *((row, row) for row in entry.intervals))
        for key, bound in (("low", bounds.low), ("high", bounds.high))
    ]
    warnings = []
    for key, example in (("lod", "ND"), ("lloq", "BLQ")):
        limit = getattr(entry, key)
        for what, high in limits:
            if limit is not None and high is not None and limit > high:
                warnings.append(
                    f"marker '{name}': {key} ({number_text(limit)}) is above {what} "
                    f"({number_text(high)} {entry.unit}), "
                    f"so a result known only to be below it (such as '{example}') can never be "
                    "judged; check both limits and their unit"
                )
    return warnings


def _readable_rows(rows: list[object], errors: list[ErrorDetails]) -> dict[int, Interval]:
    """The interval rows (by number, from 1) that read once unknown keys ('hihg') are left
    out: an unknown key changes nothing of the others; a wrong value leaves its row out."""
    readable = {}
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            continue
        unknown = {
            str(err["loc"][2])
            for err in errors
            if err["type"] == "extra_forbidden" and err["loc"][:2] == ("intervals", i)
        }
        with contextlib.suppress(ValidationError):
            cleaned = {k: v for k, v in row.items() if k not in unknown}
            row_read = Interval.model_validate(cleaned, context=_ORDER_CHECKED_BY_CALLER)
            readable[i + 1] = row_read
    return readable


def _overlaps(name: str, numbered: dict[int, Interval]) -> list[str]:
    """Rows for the same people twice, and age bands that end before they start."""
    problems = []
    rows = list(numbered.items())
    for i, (number, a) in enumerate(rows):
        if a.age_min is not None and a.age_max is not None and a.age_min >= a.age_max:
            problems.append(f"marker '{name}': interval {number} has age_min >= age_max")
        for other, b in rows[i + 1 :]:
            (a_lo, a_hi), (b_lo, b_hi) = a.ages, b.ages
            if not (a_lo < b_hi and b_lo < a_hi) or (a.sex and b.sex and a.sex != b.sex):
                continue
            said = f"marker '{name}': interval {number} ({a.describe()}) and interval {other} "
            if a.sex == b.sex:
                problems.append(said + f"({b.describe()}) overlap")
            # A row for one sex inside a row for anyone is its exception, and wins (see
            # `ReferenceSet._choose`); otherwise whichever came first would judge the overlap.
            elif not (a.sex and b_lo <= a_lo and a_hi <= b_hi) and not (
                b.sex and a_lo <= b_lo and b_hi <= a_hi
            ):
                problems.append(
                    said + f"({b.describe()}) overlap, and neither is inside the other, so "
                    "some people fit both: change the ages so that each person fits one row "
                    "(a row for one sex may sit inside a row for anyone)"
                )
    return problems


def _gaps(name: str, rows: list[Interval]) -> list[str]:
    """Ages between a person's first and last rows that no row fits (e.g. 18-50 then 51+),
    the rows for anyone counted for each sex (QA: a row for anyone to 16, then rows for each
    sex from 18, left 16 and 17 unjudged unsaid); once for everyone where both sexes have it."""
    sexes = ("female", "male") if any(row.sex for row in rows) else (None,)
    holes = {
        sex: _holes(sorted(row.ages for row in rows if row.sex in (None, sex))) for sex in sexes
    }
    everyone = [hole for hole in holes[sexes[0]] if all(hole in holes[s] for s in sexes)]
    named = [(None, hole) for hole in everyone] + [
        (sex, hole) for sex in sexes for hole in holes[sex] if hole not in everyone
    ]
    return [
        f"marker '{name}': {f'{sex} ' if sex else ''}age rows leave a gap from "
        f"{number_text(low)} to {number_text(high)} years"
        for sex, (low, high) in named
    ]


def _holes(bands: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The ages between the first of the sorted `bands` and the last that none covers."""
    holes = []
    covered = bands[0][1] if bands else 0.0
    for low, high in bands[1:]:
        if low > covered:
            holes.append((covered, low))
        covered = max(covered, high)
    return holes


_FIELDS = {
    "set": set(SetHeader.model_fields),
    "marker": set(MarkerRange.model_fields),
    "interval": set(Interval.model_fields),
}


#: The [set] table's name line: after its header, over lines that open no other table (a
#: '[' inside a description is no table: QA), a basic string with its escapes or a literal one.
_SET_NAME = lazy_pattern(
    r"^(\[[ \t]*set[ \t]*\][^\n]*\n(?:(?![ \t]*\[)[^\n]*\n)*?[ \t]*name[ \t]*=[ \t]*)"
    r"(?:\"((?:[^\"\\\n]|\\.)*)\"|'([^'\n]*)')",
    re.MULTILINE,
)
#: A line that may give the [set] name, and its value as TOML writes a string on one line.
_NAME_LINE = lazy_pattern(
    r"^([ \t]*name[ \t]*=[ \t]*)"
    r"(\"\"\"(?:[^\\\n]|\\.)*?\"\"\"|'''[^\n]*?'''|\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*')",
    re.MULTILINE,
)


def renamed_set(text: str, name: str) -> tuple[str, bool]:
    """A ranges file's text with its [set] name replaced (comments and all kept as they are);
    False when it has no [set] name that can be replaced so.

    Each line that may give it is tried, and kept only where the file then reads as before
    but for the name (review: a description with a line starting '[', or a name in triple
    quotes, was left as it was or broke the copy)."""
    quoted = json.dumps(name, ensure_ascii=False)  # a TOML basic string is a JSON string
    try:
        before = _toml(text)
    except tomllib.TOMLDecodeError:
        return text, False
    if not isinstance(before.get("set"), dict) or "name" not in before["set"]:
        return text, False
    expected = {**before, "set": {**before["set"], "name": name}}
    for line in _NAME_LINE.finditer(text):
        renamed = text[: line.start(2)] + quoted + text[line.end(2) :]
        try:
            if _toml(renamed) == expected:
                return renamed, True
        except tomllib.TOMLDecodeError:
            continue
    return text, False


def _toml_text(raw: bytes) -> str:
    """A ranges file's text as tomllib reads it: a BOM and old Mac line ends (CR alone, which
    tomllib refuses) are no problem of its content."""
    # a BOM twice (saved by two editors in turn) is no content either (QA)
    return _LONE_CR.sub("\n", raw.decode("utf-8-sig").lstrip("\ufeff"))


_LONE_CR = lazy_pattern(r"\r(?!\n)")
# The patterns of `_toml_hint` and `problem_lines` are compiled on first use (re caches them):
# only a broken file or `ranges validate` needs them, and every start-up would pay ~1 ms.
_AT_LINE = r"\(at line (\d+), column \d+\)"
_DECIMAL_COMMA = r"=\s*([+-]?\d+),(\d+)"
#: A row of a table: cells apart by ',' ';' or tabs
_CELLS = r"[^,;\t]+[,;\t]\s*[^,;\t\s]"
#: '1,500' or '1,410.4': commas between groups of three digits (QA: told 'a decimal comma?',
#: '1.500' then set 1.5 where 1500 was meant)
_GROUPED = r"=\s*([+-]?)([1-9]\d{0,2}(?:,\d{3})+)(\.\d+)?(?![\d,.eE])"
_CURLY = r"[“”‘’„«»]"
#: 'high = <7.0': a limit as a lab prints it (the key, the sign, the number)
_BOUND = r"^\s*(\w+)\s*=\s*(<=|>=|<|>|≤|≥)\s*(\d+(?:\.\d+)?)\s*(?:#.*)?$"
_BARE_POINT = r"=\s*(\.\d+)\s*(?:#.*)?$"
#: '1 500', or a number with a no-break space after it (a copy from a spreadsheet)
_SPACED = r"=\s*(\d+(?:[ \u00a0\u202f]\d+)+(?:\.\d+)?|\d+(?:\.\d+)?[\u00a0\u202f]+)\s*(?:#.*)?$"


#: A table's header line: [markers."IL-6"], [markers.CRP], [[markers."IL-6".intervals]], [set]
_TABLE_LINE = (
    r"""\s*\[\[?\s*(?:markers\s*\.\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))"""
    r"""\s*(\.\s*intervals\s*)?|(set)\s*)\]"""
)
_ABOUT = r"marker '(.*?)': (?:interval (\d+)\b)?|\[set\]: "


def problem_lines(raw: bytes, messages: Iterable[str]) -> list[int | None]:
    """The line of the table each message is about ('marker 'IL-6': interval 2 …' is the
    second [[markers."IL-6".intervals]]), or None (QA: only syntax errors named a line)."""
    try:
        text = _toml_text(raw)
    except UnicodeDecodeError:
        return [None for _ in messages]
    headers: dict[tuple[str, bool], list[int]] = {}  # (marker key or '[set]', rows?) -> lines
    # ... and by the name as written: 'TNF-a' beside 'TNF-α' is its own table (QA: an error
    # about the second named the first's line)
    written: dict[tuple[str, bool], list[int]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        table = re.match(_TABLE_LINE, line)
        if table is not None:
            name = next((g for g in table.group(1, 2, 3) if g is not None), None)
            key = "[set]" if table.group(5) else marker_key(name or "")
            headers.setdefault((key, bool(table.group(4))), []).append(number)
            if name is not None:
                written.setdefault((name, bool(table.group(4))), []).append(number)
    lines: list[int | None] = []
    all_lines = text.splitlines()
    for message in messages:
        about = re.match(_ABOUT, message)
        if about is None:
            # a top-level key ('[marker."IL-8"]', 'markers = …': QA, no line was named), or
            # a syntax error's '(at line 10, column 9)' (QA: named in its text alone)
            unknown = re.match(r"unknown key '([^']+)'", message)
            syntax = re.search(r"\(at line (\d+), column \d+\)", message)
            # ranges QA round 17: '[[markers]]' and '[markers.""]' named no line ('[set]: …'
            # is about a table, below)
            lines.append(
                _key_line(text, unknown[1]) if unknown
                else int(syntax[1]) if syntax and message.startswith("TOML syntax error")
                else _key_line(text, "markers") if message.startswith("markers: should be a table")
                else _unnamed_marker_line(text) if message.startswith("a marker has no name")
                else None
            )  # fmt: skip
            continue
        key = "[set]" if about.group(1) is None else marker_key(about.group(1))
        rows = written.get((about.group(1), True)) or headers.get((key, True), [])
        if about.group(2) is not None and int(about.group(2)) <= len(rows):
            table_line: int | None = rows[int(about.group(2)) - 1]
        else:
            own = written.get((about.group(1), False)) or headers.get((key, False)) or rows
            if not own:  # an inline table ('"IL-8" = {…}': QA), or 'set = []' (fuzz)
                found = _key_line(text, about.group(1) or "set")
                own = [found] if found else []
            table_line = own[0] if own else None
        lines.append(_line_in_table(all_lines, table_line, message[about.end() :]))
    return lines


#: The key a problem is about, as `check_ranges_bytes` words it after its marker ('unknown
#: key 'hihg'', 'source: must be …', 'low (9) is greater than …', 'aliases, item 1: …',
#: 'high = 0 makes …': developer QA, the last two named their table's line)
_KEY_NAMED = r"unknown key '([^']+)'|([a-z_]+)(?::|,| \(| = )"


def _line_in_table(lines: list[str], table_line: int | None, said: str) -> int | None:
    """The line of the key a problem names within its table (developer QA: every problem
    named its table's first line), else the table's line."""
    # ': unknown key …' after an interval's number (review: its key's line was never found)
    named = re.match(_KEY_NAMED, said.lstrip(": "))
    if table_line is None or named is None or "{" in lines[table_line - 1]:
        return table_line  # an inline table's keys are on its own line (review)
    key = re.escape(named.group(1) or named.group(2))
    # 'key =', a dotted 'key.note =', or a table of its own '[markers."IL-8".key]' (QA)
    pattern = re.compile(
        rf"^\s*(?:[\"']?{key}[\"']?\s*[=.]|\[\[?[^\]]*\.\s*[\"']?{key}[\"']?\s*\]\]?)"
    )
    for number in range(table_line + 1, len(lines) + 1):
        line = lines[number - 1]
        if re.match(_TABLE_LINE, line):  # the next table: the key is not in this one's lines
            break
        if pattern.match(line):
            return number
    return table_line


def _unnamed_marker_line(text: str) -> int | None:
    """The first line of a marker's table with no name ('[markers.""]', '[markers."  "]')."""
    # ... or an inline one under '[markers]' ('"" = {…}': fuzzing)
    return _first_line(
        text, r"""^\s*(?:\[\s*markers\s*\.\s*(?:"\s*"|'\s*')\s*\]|(?:"\s*"|'\s*')\s*=)"""
    )


def _key_line(text: str, key: str) -> int | None:
    """The first line that gives `key` as a table ('[key…', '[[key…') or a key ('key =',
    '"key" ='), or None."""
    name = re.escape(key)
    return _first_line(text, rf"^\s*(?:\[\[?\s*[\"']?{name}[\"']?\s*[.\]]|[\"']?{name}[\"']?\s*=)")


def _first_line(text: str, pattern: str) -> int | None:
    """The number of the first line of `text` that `pattern` matches at its start, or None."""
    found = re.compile(pattern)
    return next(
        (number for number, line in enumerate(text.splitlines(), 1) if found.match(line)), None
    )


def _toml_hint(message: str, text: str) -> str:
    """What most likely caused a TOML syntax error, in words, for the usual slips."""
    if message.startswith("Cannot overwrite a value"):
        return " (a key given twice in one table?)"
    if message.startswith("Cannot declare"):
        return ' (the same table written twice? give each marker one [markers."NAME"] table)'
    at = re.search(_AT_LINE, message)
    lines = text.splitlines()
    line = lines[int(at.group(1)) - 1] if at and int(at.group(1)) <= len(lines) else ""
    if re.fullmatch(r'[^"#]*=\s*"(?:[^"\\]|\\.)*', line):  # review: 'source = "Mayo’s range'
        return ' (a text in quotes is not closed on this line: end it with ")'
    if curly := re.search(_CURLY, _code_of(line)):  # QA: Word's and TextEdit's “IL-6”
        return (
            f" (the quote marks {curly[0]} are curly, as a word processor writes them; TOML takes "
            'straight ones: [markers."IL-6"], unit = "pg/mL")'
        )
    unquoted = re.match(r"\s*(\[\[?)\s*markers\.([^\"'\]][^\]]*)", line)
    if unquoted:  # QA: '[markers.TNF-α]'
        name = unquoted.group(2).strip()
        rows = ".intervals" if name.endswith(".intervals") else ""
        brackets = "[[" if rows else unquoted.group(1)  # interval rows take two (review)
        quoted = f'{brackets}markers."{name.removesuffix(rows)}"{rows}{"]" * len(brackets)}'
        return f" (put the marker's name in quotes: {quoted})"
    first = next((t for t in lines if t.strip() and not t.lstrip().startswith("#")), "")
    if first.lstrip().startswith(("{", "[{")) and line is first:
        # QA: 'ranges show --format json' saved as a ranges file got only "Invalid statement"
        return (
            " (this looks like JSON; a ranges file is TOML: start from a copy that "
            "'panelcli ranges init' makes, and see docs/reference-ranges.md)"
        )
    if space := re.search(r"[^\S \t\r\n]", _code_of(line)):  # QA: a no-break space
        return (
            f" (the line has a U+{ord(space[0]):04X} space, as a word processor or a web page "
            "may put in, which TOML does not take as one: type that space again)"
        )
    if (unquoted_text := re.match(_UNQUOTED_TEXT, _code_of(line))) and (
        unquoted_text := re.match(_UNQUOTED_TEXT, line.split(" #", 1)[0])
    ):
        # review: 'loinc = 26881-3' was told its '-3' is a unit; text with a '"' or a '\'
        # goes in single quotes, as TOML reads it as written (review: the hint was invalid)
        key, value = unquoted_text[1], unquoted_text[2]
        if '"' not in value and "\\" not in value:
            return f' (text goes in quotes: {key} = "{value}")'
        if "'" not in value:
            return f" (text goes in quotes: {key} = '{value}')"
    unit = re.search(_UNIT_AFTER_NUMBER, _code_of(line))
    if unit and unit[1] in _LIMITS and _looks_like_a_unit(unit[3]):  # QA: 'high = 7 pg/mL'
        return (
            f" (a limit is a number alone: {unit[1]} = {unit[2]}; the marker's unit goes in "
            f'unit = "{unit[3].strip()}")'
        )
    table = "=" not in line and not line.lstrip().startswith("[")  # no key, no TOML table
    if line is first and table and re.search(_CELLS, line):
        # QA: a set saved from a spreadsheet as CSV got only "Expected '=' after a key"
        return (
            " (this looks like a table saved as CSV; a ranges file is TOML: start from a copy "
            "that 'panelcli ranges init' makes, and see docs/reference-ranges.md)"
        )
    grouped = re.search(_GROUPED, line)
    if grouped:
        sign, groups, fraction = grouped.group(1), grouped.group(2), grouped.group(3) or ""
        whole = sign + groups.replace(",", "")
        if fraction:  # a point after the groups: the commas group thousands
            return f" (numbers in TOML take no thousands separator: {whole}{fraction})"
        if groups.count(",") > 1:  # '12,345,678': no decimal comma comes twice
            return f" (numbers in TOML take no thousands separator: {whole})"
        decimal = sign + groups.replace(",", ".")
        return (
            f" (numbers in TOML take no thousands separator and no decimal comma: write {whole}"
            f" if the comma groups thousands, or {decimal} if it is a decimal comma)"
        )
    if comma := re.search(_DECIMAL_COMMA, line):  # the user's own number (QA: '14.5' for '7,5')
        return f" (a decimal comma? numbers in TOML take a point: {comma[1]}.{comma[2]})"
    if bound := re.search(_BOUND, line):  # QA: 'high = <7.0', as Mayo prints a limit
        return f" (a limit is a number alone{_limit_as_number(bound[1], bound[2], bound[3])})"
    if point := re.search(_BARE_POINT, line):  # QA: 'high = .468'
        return f" (TOML needs a digit on each side of the point: 0{point[1]})"
    if spaced := re.search(_SPACED, line):  # QA: 'high = 1 500'
        return f" (numbers in TOML take no spaces: {''.join(spaced[1].split())})"
    return ""


#: A limit with a unit after its number ('high = 7 pg/mL'): the key, the number, the unit.
#: A key whose value is text, given without its quotes ('loinc = 26881-3')
_UNQUOTED_TEXT = (  # a pattern, compiled on first use (start-up)
    r"^\s*(loinc|unit|source|name|category|specimen|method|notes|description|lab|version|sex)"
    r"\s*=\s*([^\"'\[\s{].*?)\s*$"
)
_NUMBER = r"\d+(?:\.\d+)?(?:[eE][+-]?\d+)?"
_UNIT_AFTER_NUMBER = rf"^\s*(\w+)\s*=\s*({_NUMBER})\s*([^\d\s.,=\[\]{{}}][^=]*)$"


def _looks_like_a_unit(text: str) -> bool:
    """Whether words after a limit's number are a unit panelcli converts ('pg/mL'), not other
    words ('years', 'to 10', '-3': review, each was said to belong in unit = "…")."""
    from panelcli.units import has_family

    return has_family(text.strip())


def _code_of(line: str) -> str:
    """A TOML line without its "…" strings and its comment (review: a curly quote in either
    was blamed for another slip)."""
    return re.sub(r'"(?:[^"\\]|\\.)*(?:"|$)|\'[^\']*(?:\'|$)', '""', line).split("#", 1)[0]


def _limit_as_number(key: str, sign: str, number: str) -> str:
    """How '<7.0' given as `key`'s limit is written, after a clause (review: the side came
    from the sign alone, and 'critical_high = >50' was told to set low_exclusive)."""
    side = "high" if sign[0] in "<≤" else "low"
    if key in ("low", "high") and side == key and sign in ("<", ">"):
        return (
            f"; a limit that is itself outside the range ('{sign}{number}') is written as "
            f"{key} = {number} with {key}_exclusive = true"
        )
    if key in ("low", "high") and side == key:
        return f": {key} = {number} (a limit is in the range)"
    return f": {key} = {number}?"


def _toml_words(message: str) -> str:
    """tomllib's message with a key path as written in TOML: ('markers', 'IL-6') → markers.IL-6."""

    def dotted(match: re.Match[str]) -> str:
        parts = re.findall(r"'((?:[^'\\]|\\.)*)'", match.group(0))
        return ".".join(p if re.fullmatch(r"[A-Za-z0-9_-]+", p) else f'"{p}"' for p in parts)

    return re.sub(r"\((?:'(?:[^'\\]|\\.)*',? ?)+\)", dotted, message)


def names_a_marker_table(table: object) -> bool:
    """Whether a top-level table holds what a marker's does (a unit, a limit): '[IL-6]'
    written for '[markers."IL-6"]'."""
    return isinstance(table, dict) and not set(table).isdisjoint(
        {"unit", "low", "high", "critical_low", "critical_high", "intervals"}
    )


def _explain(err: ErrorDetails, prefix: tuple[str, ...] = ()) -> str:
    """One pydantic error as a sentence naming the marker and key, with a 'did you mean'."""
    loc = [*prefix, *(str(part) for part in err["loc"])]
    where = ""
    loc_marker = ""
    if len(loc) >= 2 and loc[0] == "markers":
        where = f"marker '{loc[1]}': "
        loc_marker = loc[1]
        loc = loc[2:]
        if len(loc) >= 3 and loc[0] == "intervals" and loc[1].isdigit():
            where += f"interval {int(loc[1]) + 1}: "  # numbered from 1, as people count rows
    elif loc and loc[0] == "set":
        where = "[set]: "
        loc = loc[1:]
    key = loc[-1] if loc else ""
    if err["type"] == "extra_forbidden":
        kind = "interval" if "intervals" in loc else ("set" if where == "[set]: " else "marker")
        if not where:
            kind = "top"
        allowed = _FIELDS.get(kind, {"set", "markers"})
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        if kind == "interval" and key in _FIELDS["marker"]:  # QA: 'unknown key' said no more
            hint = f" ('{key}' belongs in the marker's own table, above its interval rows)"
        elif kind == "marker" and key in ("sex", "age_min", "age_max"):
            # ranges QA round 12: the one mistake the other way round said only 'unknown key'
            hint = (
                f" ('{key}' belongs in an interval row: [[markers.\"{shorten(loc_marker)}\""
                f".intervals]] then {key} = …, low = …, high = …)"
            )
        elif kind == "marker" and key[:1].isdigit() and isinstance(err.get("input"), dict):
            # '[markers.IL-1.5]' is marker 'IL-1' with a table '5'
            hint = (
                f' (a marker\'s name with a "." in it goes in quotes: '
                f'[markers."{shorten(loc_marker)}.{shorten(key)}"])'
            )
        elif not close and key in ("range", "reference_range", "normal"):
            hint = " (give the limits as numbers: low = 0 and high = 2.5)"
        elif kind == "top" and not close and names_a_marker_table(err.get("input")):
            # lab QA round 8: '[IL-6]' said only 'unknown key' (and 'markers' missing)
            hint = f' (a marker\'s table is [markers."{shorten(key)}"])'
        return f"{where}unknown key '{key}'{hint}"
    if err["type"] == "missing":
        return f"{where}missing required key '{key}'"
    message = str(err["msg"]).removeprefix("Value error, ")
    if err["type"] in ("model_type", "dict_type"):  # 'IL-6 = 5', 'markers = 3': not a table
        message = 'should be a table of keys ([markers."NAME"] then unit = …, high = …)'
        if loc == ["set"] or where == "[set]: " and not loc:
            message = "should be a table of keys ([set] then name = …, version = …)"
        elif "intervals" in loc:
            message = (
                'each row should be a table of keys ([[markers."NAME".intervals]] then '
                "sex = …, age_min = …, high = …)"
            )
    if err["type"] == "less_than_equal":
        limit = err.get("ctx", {}).get("le")
        message = (
            f"must be at most {number_text(limit)}" if isinstance(limit, int | float) else message
        )
    if err["type"] == "greater_than":  # QA: 'Input should be greater than 0'
        limit = err.get("ctx", {}).get("gt")
        if isinstance(limit, int | float):
            message = f"must be more than {number_text(limit)}"
    if err["type"] == "greater_than_equal":
        limit = err.get("ctx", {}).get("ge")
        if limit == 0:
            message = "cannot be below zero" + (
                "" if key.startswith("age") else " (no concentration is)"
            )
        elif isinstance(limit, int | float):
            message = f"must be at least {number_text(limit)}"
    if err["type"] in ("float_parsing", "float_type", "int_parsing", "int_type"):
        message = "must be a number, such as 7 or 7.5"
        given = err.get("input")
        if isinstance(given, str) and re.fullmatch(r"\s*[+-]?[1-9]\d{0,2},\d{3}\s*", given):
            # QA: '"1,000"' was told '1.000', a thousand times less if the comma groups
            whole, decimal = given.strip().replace(",", ""), given.strip().replace(",", ".")
            message += (
                f", with no quotes: write {whole} if the comma groups thousands, or {decimal} if "
                "it is a decimal comma"
            )
        elif isinstance(given, str) and re.fullmatch(r"\s*[+-]?\d+,\d+\s*", given):
            message += f", with a point and no quotes ({given.strip().replace(',', '.')})"
        elif isinstance(given, str) and (
            signed := re.fullmatch(r"\s*([<>]=?|[≤≥])\s*(\d+(?:\.\d+)?)\s*", given)
        ):
            # QA: '"<2.5"' said only 'must be a number'
            message += ", with no quotes" + _limit_as_number(key, *signed.groups())
        elif isinstance(given, str) and (quoted := re.fullmatch(rf"\s*({_NUMBER})\s*", given)):
            message += f", with no quotes ({quoted[1]})"  # QA: '"7.0"'
        elif (
            isinstance(given, str)
            and key in _LIMITS
            and (with_unit := re.fullmatch(rf"\s*({_NUMBER})\s*(\S.*?)\s*", given))
            and _looks_like_a_unit(with_unit[2])
        ):  # QA: '"7 pg/mL"'
            message += (
                f", with no quotes and no unit ({with_unit[1]}): the marker's unit goes in "
                f'unit = "{with_unit[2]}"'
            )
    given_nan = isinstance(err.get("input"), float) and math.isnan(err["input"])
    if err["type"] == "finite_number" or given_nan:  # 'high = nan', 'high = inf'; 'age_max =
        # nan' (ranges QA round 12: 'must be more than 0')
        message = "must be an ordinary number, such as 7 or 7.5 (not nan or inf)"
    if err["type"] == "list_type":  # 'aliases = "IL6"'
        message = 'must be a list in square brackets, such as ["IL6", "Interleukin 6"]'
        if key == "intervals":  # '[markers."CRP".intervals]': one bracket pair, not two
            message = 'must be rows, each under [[markers."NAME".intervals]] (two brackets)'
    if err["type"] == "string_type":  # 'unit = 5'
        message = "must be text in quotes" + (', such as "pg/mL"' if key == "unit" else "")
    if err["type"] == "bool_type":
        message = "must be true or false"
    if err["type"] == "literal_error" and key == "sex":
        message = "must be 'female' or 'male' (F and M work too), or left out for anyone"
    if err["type"] == "string_too_short":
        message = "is empty; fill it in or remove it"
        if key == "unit":
            message = "is empty; every marker needs the unit its limits are in, such as 'pg/mL'"
    if len(loc) >= 2 and loc[-1].isdigit() and not loc[-2].isdigit():  # an item of a list
        item = err.get("input")
        shown = f" ({item!r})" if isinstance(item, int | float | bool) else ""
        key = f"{loc[-2]}, item {int(loc[-1]) + 1}{shown}"  # 'aliases, item 1 (6)'
    return f"{where}{key + ': ' if key else ''}{message}"
