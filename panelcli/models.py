"""The data panelcli produces: results, problems, panels and the finished report.

These pydantic models are the contract shared by the core, the renderers and scripts that read
`--format json`; field names are stable, new fields may be added.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal, NamedTuple, TypeGuard

from pydantic import BaseModel, ConfigDict, Field, model_validator

from panelcli import __version__

SCHEMA_VERSION = "1"
#: Which release wrote an output: its reading rules change between releases, which the set's
#: hash alone does not tell (developer QA round 7)
PANELCLI_VERSION = __version__

NOTICE = (
    "This summary is only here to inform you. It is not a diagnosis. "
    "Please talk with your healthcare provider about what these results mean for you."
)

#: How a note quotes the lab's comment on its row, at its end (`Result.own_note`)
LAB_COMMENT_SAID = "comment from the lab: '{}'"

#: The note of each result whose row gives a result status panelcli cannot read ('Draft'); FHIR
#: sends such a result as 'unknown', not 'final'
STATUS_UNREAD_NOTE = (
    "the lab's result status on this row is one panelcli cannot read, so this may not be a "
    "final result"
)


def synthetic_notice(source: str) -> str:
    """What every output says of a file whose comments mark it as synthetic (made-up) data."""
    name = "The file on standard input" if source == "-" else source
    # 'says': a teacher's own file says so too, and is none of panelcli's (educator QA round 12)
    return (
        f"{name} says it is synthetic: made up for teaching or testing, not taken from any person."
    )


class Status(StrEnum):
    """How a result compares with its reference range (fixed vocabulary; scripts rely on it)."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    CRITICAL = "critical"
    INDETERMINATE = "indeterminate"
    NO_REFERENCE = "no_reference"


#: Statuses that `--fail-on abnormal` counts as flagged.
ABNORMAL = frozenset({Status.LOW, Status.HIGH, Status.CRITICAL})
#: Statuses of a result that could not be compared with a range (never counted by --fail-on).
UNJUDGED = frozenset({Status.INDETERMINATE, Status.NO_REFERENCE})
#: The flags of a critical result: critically low and critically high.
#: panelcli's critical flags that name a side (AA, critical either way, names none)
SIDED_CRITICAL_FLAGS = frozenset({"LL", "HH"})
CRITICAL_FLAGS = SIDED_CRITICAL_FLAGS | {"AA"}

Comparator = Literal["<", "<=", ">", ">="]
Severity = Literal["error", "warning"]

FiniteNonNegative = Annotated[float, Field(ge=0, allow_inf_nan=False)]


class _Model(BaseModel):
    # Every field is written in every output, so the output's schema (serialization mode)
    # requires them all: a document without its notice does not match.
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        defer_build=True,
        json_schema_serialization_defaults_required=True,
    )


class Issue(_Model):
    """A problem found in the input: a rejected row (error) or something worth a look (warning)."""

    severity: Severity = "error"
    code: str = Field(description="Stable machine-readable code, e.g. 'value-not-a-number'.")
    source: str = Field(description="The file the problem is in ('-' for standard input).")
    line: int | None = Field(
        None, description="Physical line where the row starts; the file's first line is 1."
    )
    column: str | None = Field(None, description="Column name as written in the file.")
    # What the row was for, where the row gives it (None for a row too broken to tell).
    sample_id: str | None = None
    patient_id: str | None = None
    collected_at: str | None = None
    marker: str | None = Field(None, description="The row's marker, as written in the file.")
    message: str
    #: the lab's comment on the row (not written: the message quotes it), for the summary
    lab_comment: str | None = Field(None, exclude=True)


class ReferenceUsed(_Model):
    """The interval a result was judged against, and where it came from."""

    low: float | None = None
    high: float | None = None
    critical_low: float | None = None
    critical_high: float | None = None
    low_exclusive: bool = Field(
        False, description="true: a value equal to low is outside the range (it is low)."
    )
    high_exclusive: bool = Field(
        False, description="true: a value equal to high is outside the range ('< 20': high)."
    )
    unit: str
    origin: Literal["set", "file"] = Field(
        "set", description="'set': the reference set; 'file': the lab's range printed in the row."
    )
    text: str = Field(
        description="The interval as people write it, e.g. '0 - 7.0 pg/mL', '< 20 pg/mL'."
    )
    source: str | None = Field(
        None,
        description="Citation for the interval; for the lab's range, any limit the set gave it.",
    )
    critical_low_origin: Literal["set", "file"] | None = Field(
        None,
        description="Where critical_low comes from: 'set', or 'file' (the lab's, in the row's "
        "Critical Low column); null where there is none.",
    )
    critical_high_origin: Literal["set", "file"] | None = Field(
        None,
        description="Where critical_high comes from: 'set', or 'file' (the lab's, in the row's "
        "Critical High column); null where there is none.",
    )


#: How many times a range's upper limit a value may be before it is said to be far past any
#: level labs report (a unit slip, mg/L for pg/mL, is a million times; a storm's IL-6 of
#: 100,000 pg/mL is 40,000 times ARUP's 2.5): a word to check it, the value judged as read.
FAR_PAST_HIGH = 100_000.0


#: What an encoding writes for a letter it lacks ('IFN-?' for IFN-γ), and what that means
#: (QA: saved in a Windows code page, IFN-γ and TNF-α were judged as unknown, with no word)
LOST_LETTERS = ("?", "\ufffd")
LOST_LETTER_SAID = (
    "A {} in a name most often stands for a Greek letter, such as α, β or γ, that was lost "
    "when the file was saved. Saving the file as UTF-8 text (CSV UTF-8 in Excel) keeps them."
)


def far_past_range(result: Result) -> bool:
    """Whether a result is `FAR_PAST_HIGH` times its range's upper limit or more, not known
    only to be below a number ('<'): what the far-past warning and sentence say."""
    reference, value = result.reference, result.value
    if reference is None or not reference.high or reference.high < 0 or value is None:
        return False
    return result.comparator not in ("<", "<=") and value >= FAR_PAST_HIGH * reference.high


def lab_critical_on_its_side(result: Result, lab_flag: str) -> bool:
    """Whether a lab's critical flag ('HH') stands beside its own printed range on the side
    panelcli finds ('H'), where only a critical limit can tell them apart."""
    reference = result.reference
    return (
        reference is not None
        and reference.origin == "file"
        and lab_flag in SIDED_CRITICAL_FLAGS
        and (result.flag or " ")[0] == lab_flag[0]
    )


def no_critical_limit(result: Result, flag: str) -> bool:
    """Whether a result's range has no critical limit on the side of a critical flag ('HH':
    above): the lab's printed range alone, none of the set's kept beside it (review)."""
    reference = result.reference
    if reference is None:
        return True
    return (reference.critical_high if flag == "HH" else reference.critical_low) is None


def lost_letter(name: str) -> str | None:
    """The sign an encoding put in a name for a letter it lacks ('?', '�'), if any."""
    return next((sign for sign in LOST_LETTERS if sign in name), None)


#: What a lab's range printed in the file cites; more is said where the set gave part of it.
FILE_RANGE_SOURCE = "the lab's range printed in the file"
#: What a lab's range joined with the set's upper limit cites after the range's own words
JOINED_WORDS = ", with the upper limit"


def from_the_file_alone(reference: ReferenceUsed) -> bool:
    """Whether a reference is the lab's printed range with nothing of the set's: not joined
    with its upper limit, no critical limit of the set's beside it."""
    return (
        reference.origin == "file"
        and JOINED_WORDS not in (reference.source or "")
        and critical_limits_of(reference, "set") is None
    )


def critical_limits_of(reference: ReferenceUsed, origin: str) -> str | None:
    """The critical limits of one `origin` ('file' or 'set') in words, as notes and FHIR name
    them: 'critical limits' (both sides), 'critical limit' (the only one), 'critical high
    limit' (the other side's is another's); None where it gives none."""
    origins = (("low", reference.critical_low_origin), ("high", reference.critical_high_origin))
    sides = [side for side, given in origins if given == origin]
    others = [side for side, given in origins if given not in (None, origin)]
    if not sides:
        return None
    if len(sides) == 2:
        return "critical limits"
    return f"critical {sides[0]} limit" if others else "critical limit"


def has_no_range(reference: ReferenceUsed | None) -> TypeGuard[ReferenceUsed]:
    """Whether a result was judged by critical limits alone: a reference with no range."""
    return reference is not None and reference.low is None and reference.high is None


def short_of_lab_limit(result: Result, lab_flag: str) -> bool:
    """Whether a lab's critical mark (HH, LL, CRIT) stands beside only the lab's critical
    limits in the file (no range), on its side, and the result is judged short of them."""
    reference = result.reference
    return (
        has_no_range(reference)
        and lab_flag in ("HH", "LL", "CRIT")
        and critical_from_file(reference, None if lab_flag == "CRIT" else lab_flag)
    )


def critical_from_file(reference: ReferenceUsed, flag: str | None = None) -> bool:
    """Whether a reference's critical limit on the side of `flag` ('HH', 'H': high; 'LL',
    'L': low) is the lab's, printed in the file; without a flag, whether either is."""
    low = reference.critical_low_origin == "file"
    high = reference.critical_high_origin == "file"
    if not flag:
        return low or high
    return high if flag.startswith("H") else low if flag.startswith("L") else low or high


class Doubt(NamedTuple):
    """What is in doubt about a result, for pictures, trends and summaries (not written: the
    note says it to people)."""

    #: the value read with '.' or ',' as thousands: '<1.000' may be <1000 and '5.000' may be
    #: 5000 (QA: both were drawn)
    other_reading: float | None = None
    #: a high value whose times figure is left out, as it depends on a reading, a unit or an
    #: interval in doubt, is still at least this far past the limit (QA: '2.600', 2.6 or
    #: 2600, was called 'very high')
    times_at_least: float | None = None
    #: whom an interval that could be the person's puts the value past a critical limit for,
    #: where the status (the certain severity) is high or low (QA: said only in the note)
    critical_for: tuple[str, ...] = ()
    #: a value known only as over (under) a number, high (low) by every interval that could
    #: be the person's, that may be past one's critical limit (QA: '>20', sex unknown)
    could_reach_critical: bool = False
    #: the row printed a range that is the set's own, which judged it: a lab's flag that
    #: disagrees is against the lab's own range too (QA: 'ranges differ between labs' was said)
    range_printed: bool = False
    #: the lab's comment on the result's row, as the note quotes it (a long file's comment
    #: column), for the summary
    lab_comment: str | None = None


class Result(_Model):
    """One measured marker, interpreted."""

    source: str
    line: int
    column: str | None = None
    sample_id: str | None = None
    patient_id: str | None = None
    collected_at: str | None = None
    marker: str = Field(description="Canonical marker name from the reference set (or as written).")
    marker_as_written: str
    category: str | None = Field(
        None, description="The reference set's category for the marker, as the set writes it."
    )
    value: FiniteNonNegative | None = Field(
        None, description="Value in the reference unit (None: censored with no number)."
    )
    comparator: Comparator | None = None
    unit: str | None = None
    original_value: str
    original_unit: str | None = None
    status: Status
    flag: str | None = Field(
        None, description="Main HL7 v3 interpretation code: N, L, H, LL, HH or IND."
    )
    flags: list[str] = Field(
        default_factory=list, description="All HL7 v3 codes that apply, e.g. ['>', 'H']."
    )
    times_upper_limit: float | None = Field(
        None,
        description="For values above the range: how many times the upper limit it is, to 2"
        " decimals (rounded down for a value given as a floor, such as '>100').",
    )
    reference: ReferenceUsed | None = None
    note: str | None = Field(None, description="Why the status is what it is, when not obvious.")
    # Not written: what is in doubt about the result (see `Doubt`). One field for both, as a
    # report of a million results holds each one's fields (a 22nd field doubled each one's
    # dict: --format json of 1M rows took 6.0 GiB, not 5.7).
    doubt: Doubt | None = Field(None, exclude=True, description="What is in doubt (not written).")

    @property
    def own_note(self) -> str:
        """The note in panelcli's own words, without the lab's comment it may end in: what the
        summary reads in it (code review 11: a comment 'did you mean Vitamin Q?' was said as
        panelcli's hint, one saying 'sex' as a fact the range needed)."""
        note = self.note or ""
        comment = self.doubt.lab_comment if self.doubt is not None else None
        said = LAB_COMMENT_SAID.format(comment) if comment else ""
        return note[: -len(said)].removesuffix("; ") if said and note.endswith(said) else note

    @property
    def other_reading(self) -> float | None:
        """The value read with '.' or ',' as thousands ('5.000': 5 or 5000), if it may be."""
        return self.doubt.other_reading if self.doubt is not None else None

    @property
    def times_at_least(self) -> float | None:
        """The least times_upper_limit a high value may have, where that is left out."""
        return self.doubt.times_at_least if self.doubt is not None else None

    @property
    def number_in_doubt(self) -> bool:
        """Whether the number itself is in doubt ('2.500': 2.5 or 2500; a unit assumed), not
        only where it lies: read two ways, or indeterminate with a range and not censored."""
        return self.other_reading is not None or (
            self.status is Status.INDETERMINATE
            and self.value is not None
            and self.comparator is None
            and self.reference is not None
        )


#: A count for every status, 0 where none: the schema requires each (a script reads
#: '.by_status.low' as 0, never null), yet stays open to a status added later.
_EVERY_STATUS_SCHEMA: dict[str, Any] = {"required": [status.value for status in Status]}


class PanelSummary(_Model):
    """Counts and plain-language sentences about one panel."""

    measured: int
    by_status: dict[str, int] = Field(json_schema_extra=_EVERY_STATUS_SCHEMA)
    flagged_markers: list[str]
    text: list[str] = Field(description="Plain-language sentences for a reader with no training.")
    # Not written (its sentences say it): the sample's rows all say the lab gave no result
    # (pending, cancelled), so that overviews and trends tell it from a sample none of whose
    # rows could be used.
    given_none: bool = Field(
        False, exclude=True, description="Only rows with no result given (not written)."
    )


class Panel(_Model):
    """All results of one sample from one source file."""

    source: str
    sample_id: str | None = None
    patient_id: str | None = None
    collected_at: str | None = None
    results: list[Result]
    summary: PanelSummary


class ReferenceSetInfo(_Model):
    """Which reference set judged the results (for audit)."""

    name: str
    version: str | None = None
    description: str | None = None
    path: str
    sha256: str
    warnings: list[str] = Field(
        default_factory=list,
        description="What `panelcli ranges validate` warns about in the set, such as a limit "
        "a thousand times a bundled set's (is the unit right?); empty for a bundled set.",
    )


def ranges_issues(reference_set: ReferenceSetInfo) -> list[Issue]:
    """The set's warnings as issues of code `ranges-file`, for the formats that list issues."""
    return [
        Issue(severity="warning", code="ranges-file", source=reference_set.path, message=text)
        for text in reference_set.warnings
    ]


#: 'unclear': too few results could be placed among the others ('<10' then 2 may have risen);
#: 'up and down': it changed direction more than once (2, 9, 1, 20).
TrendDirection = Literal[
    "rising", "falling", "steady", "rose then fell", "fell then rose", "up and down", "unclear"
]


class TrendPoint(_Model):
    """One marker's value on one collection date."""

    collected_at: str = Field(description="As written, time and all.")
    trend_date: str = Field(
        "",
        description="The date of the trend's `dates` the test counts under: a day written two "
        "ways is one date, and so is a day whose tests are in no known order.",
    )
    sample_id: str | None = None
    # QA: with the same sample id in two files, a point could not be told to be whose panel's
    source: str = Field(description="The file of the result, as its panel names it.")
    line: int = Field(description="The result's line in that file.")
    value: float | None = Field(None, description="In the marker's reference unit.")
    comparator: Comparator | None = None
    status: Status
    # Not written: the result's flag, for the side of the range a critical one is on (review:
    # critically low, then critically high, was 'still outside').
    flag: str | None = Field(None, exclude=True, description="The result's main HL7 code.")
    # Not written either: the cell as the lab wrote it, for the decimals a table shows (educator
    # QA round 17: '4.0' and '3.0' in the panels were '4 → 3' in the trend).
    written: str | None = Field(None, exclude=True, description="The result's value as written.")

    @model_validator(mode="before")
    @classmethod
    def _trend_date_as_written(cls, data: Any) -> Any:
        """A point given no trend date counts under the date it was collected."""
        if isinstance(data, dict) and not data.get("trend_date"):
            return {**data, "trend_date": data.get("collected_at")}
        return data


class MarkerTrend(_Model):
    """How one marker of one patient changed over the collection dates."""

    marker: str
    unit: str | None = None
    reference: str | None = Field(
        None,
        description="The range of the last point, as text, saying so where earlier points "
        "had another.",
    )
    points: list[TrendPoint] = Field(description="Oldest first.")
    direction: TrendDirection
    highest: TrendPoint | None = Field(None, description="The point with the highest value.")


class PatientTrend(_Model):
    """Serial results: one patient with panels on two or more collection dates."""

    patient_id: str
    dates: list[str] = Field(
        description="The distinct collection dates, oldest first; only one where the patient's "
        "other dates cannot be read (then no markers, and the text says so); none where the "
        "text only says the patient's id may be another's but for zeros at its start."
    )
    markers: list[MarkerTrend]
    text: list[str] = Field(description="Plain-language sentences: which markers rose or fell.")


class ReportTotals(_Model):
    results: int
    rejected: int
    warnings: int
    by_status: dict[str, int] = Field(json_schema_extra=_EVERY_STATUS_SCHEMA)


class Report(_Model):
    """Everything `panelcli check` found, ready to render."""

    schema_version: str = SCHEMA_VERSION
    panelcli_version: str = Field(
        PANELCLI_VERSION, description="The panelcli release that wrote this output."
    )
    reference_set: ReferenceSetInfo
    panels: list[Panel]
    rejected: list[Issue]
    warnings: list[Issue]
    totals: ReportTotals
    trends: list[PatientTrend] = Field(
        default_factory=list,
        description="Per-marker changes for patients tested on several dates (may be empty).",
    )
    synthetic_sources: list[str] = Field(
        default_factory=list,
        description="The files whose comment lines above the header say they hold synthetic "
        "data, made up and not from any person ('-' for standard input).",
    )
    notice: str = NOTICE
    # Not written in any format (the outputs' fields are stable): the table says a rejected cell
    # of such a file's row as a value, since one row there holds several (see rejected_values).
    wide_sources: list[str] = Field(default_factory=list, exclude=True)


class PanelDigest(_Model):
    """One panel in a few numbers: what the table shows per sample for a big file."""

    source: str
    sample_id: str | None = None
    patient_id: str | None = None
    collected_at: str | None = None
    measured: int
    #: none of its rows has a result the lab gave (pending, cancelled), none rejected
    not_given: bool = False
    flagged_markers: list[str] = Field(
        description="Markers low, high or critical, each once, in order of first sight."
    )
    marker_flags: list[str] = Field(
        default_factory=list,
        description="The flag of each of flagged_markers, in its order: L, H, LL, HH or AA (of a "
        "marker with several results, the first critical one's, else the first).",
    )
    unjudged: int = Field(
        0,
        description="Results that could not be compared with a range (indeterminate or "
        "no_reference).",
    )
    maybe_critical: list[str] = Field(
        default_factory=list,
        description="Markers with a result that may be past a critical limit, though it is not "
        "certain (high, low or indeterminate), each once, in order of first sight.",
    )
    commented: list[str] = Field(
        default_factory=list,
        description="Markers whose row has a comment from the lab (their notes quote it).",
    )
    lab_critical: list[str] = Field(
        default_factory=list,
        description="Of maybe_critical, the markers the lab marked critical (HH, LL) where "
        "panelcli's range does not find them so.",
    )

    @property
    def critical(self) -> bool:
        """Whether a result of the sample is critical (LL, HH or AA)."""
        return any(flag in CRITICAL_FLAGS for flag in self.marker_flags)


class Overview(_Model):
    """A big run in brief: the samples to list, the first problems, and every count."""

    reference_set: ReferenceSetInfo
    samples: int = Field(description="Samples (panels) in the run.")
    flagged_samples: int = Field(description="Samples with a result low, high or critical.")
    critical_samples: int = Field(0, description="Samples with a critical result (LL, HH or AA).")
    maybe_critical_samples: int = Field(
        0,
        description="Samples with no critical result but one that may be past a critical limit.",
    )
    maybe_critical_flagged: int = Field(
        0, description="Of maybe_critical_samples, those with a result outside the range too."
    )
    unusable_samples: int = Field(
        0, description="Samples none of whose rows could be used (measured 0)."
    )
    not_given_samples: int = Field(
        0, description="Samples whose every row the lab gave no result for (cancelled, pending)."
    )
    unjudged_samples: int = Field(
        0,
        description="Samples with a result that could not be compared with a range, none "
        "outside the range and none that may be critical (each counted once: QA).",
    )
    patients_followed: int = Field(
        0,
        description="Patients with samples of two or more collection dates (as written): "
        "the changes over time that --format json follows and this view does not show.",
    )
    panels: list[PanelDigest] = Field(
        description="The samples to list (at most 50): those with a critical result first, "
        "then those with one that may be past a critical limit, then the others with results "
        "outside the range, then those none of whose rows could "
        "be used, then those with a result that could not be compared with a range, then the "
        "rest, each group in order of first sight."
    )
    rejected: list[Issue] = Field(description="The first rejected rows; totals counts them all.")
    warnings: list[Issue] = Field(description="The first warnings; totals counts them all.")
    rejected_reasons: dict[str, int] = Field(description="Every rejected row, counted by code.")
    rejected_values: dict[str, int] = Field(
        default_factory=dict,
        description="Of rejected_reasons, those of one value of a row in a file with a column "
        "per marker (wide_sources), counted by code.",
    )
    totals: ReportTotals
    synthetic_sources: list[str] = Field(
        default_factory=list,
        description="The files whose comment lines above the header say they hold synthetic "
        "data, made up and not from any person ('-' for standard input).",
    )
    wide_sources: list[str] = Field(
        default_factory=list, description="The files with a column per marker (wide layout)."
    )
    notice: str = NOTICE


# --- NDJSON (`--format ndjson`): one of these per line -----------------------------------------


class RejectedLine(_Model):
    """An NDJSON line for a row that could not be used."""

    rejected: Issue


class WarningLine(_Model):
    """An NDJSON line for something worth a look; the row's result (if any) has its own line."""

    warning: Issue


class StreamEnd(_Model):
    """The last NDJSON line: the notice, which files are synthetic, which reference set
    judged, and the counts."""

    notice: str = NOTICE
    synthetic_sources: list[str] = Field(
        default_factory=list,
        description="The files whose comment lines above the header say they hold synthetic "
        "data, made up and not from any person ('-' for standard input).",
    )
    reference_set: ReferenceSetInfo
    totals: ReportTotals
    schema_version: str = SCHEMA_VERSION
    panelcli_version: str = Field(
        PANELCLI_VERSION, description="The panelcli release that wrote this output."
    )


#: Every NDJSON line is one of these; results are bare `Result` objects (they have `status`).
NdjsonLine = Result | RejectedLine | WarningLine | StreamEnd


def open_to_additions(schema: Any) -> Any:
    """A JSON Schema of output without `additionalProperties: false`: fields may be added
    (docs/output.md), and a schema saved today must not refuse a later release's output for them."""
    if isinstance(schema, dict):
        return {
            key: open_to_additions(value)
            for key, value in schema.items()
            if not (key == "additionalProperties" and value is False)
        }
    if isinstance(schema, list):
        return [open_to_additions(item) for item in schema]
    return schema


def by_the_lab_s_range(result: Result) -> bool:
    """Whether `result` was judged by the lab's own range: printed in its row, as its own or
    as the set's (`Doubt.range_printed`; QA: 'ranges differ between labs' of the same range)."""
    reference = result.reference
    return reference is not None and (
        reference.origin == "file" or (result.doubt is not None and result.doubt.range_printed)
    )
