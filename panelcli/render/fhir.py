"""`--format fhir`: a FHIR R4 Bundle (type collection) of Observations, as plain dicts for JSON.

Each result becomes an Observation; rejected rows and warnings are not observations, so they
go into one OperationOutcome entry at the end of the bundle. An Observation from a file that
says it is panelcli's synthetic sample data carries the HTEST (test health data) label. No
FHIR library is needed here.
"""

from __future__ import annotations

import json
import os
import uuid
from collections import Counter
from collections.abc import Mapping
from datetime import date, time
from typing import TYPE_CHECKING, Any, TextIO

from panelcli.interpret import excluded_limits
from panelcli.models import (
    JOINED_WORDS,
    NOTICE,
    PANELCLI_VERSION,
    STATUS_UNREAD_NOTE,
    Issue,
    ReferenceUsed,
    Report,
    Result,
    critical_limits_of,
    from_the_file_alone,
    has_no_range,
    ranges_issues,
    synthetic_notice,
)
from panelcli.patterns import lazy_pattern
from panelcli.reading import describe_source, named_by_line
from panelcli.render.lint import row_named
from panelcli.summary import RUN_QC_FAILED
from panelcli.trends import (
    BEFORE_1900,
    NAMES_NO_DAY,
    PLACEHOLDER,
    read_date,
    two_days_said,
    why_no_date,
    zoned_moment,
)
from panelcli.units import ucum_code
from panelcli.values import json_inert, number_text, shorten

if TYPE_CHECKING:
    from panelcli.ranges import ReferenceSet

UCUM = "http://unitsofmeasure.org"
LOINC = "http://loinc.org"
INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason"
#: FHIR's security label for test data (R4, v3-ActReason HTEST): a server or viewer can tell
#: the Observations of panelcli's synthetic samples from a real person's.
TEST_DATA = {"system": ACT_REASON, "code": "HTEST", "display": "test health data"}

#: HL7 v3 ObservationInterpretation codes panelcli uses, with their display names.
INTERPRETATION_DISPLAY = {
    "N": "Normal", "L": "Low", "H": "High", "LL": "Critical low", "HH": "Critical high",
    "<": "Off scale low", ">": "Off scale high", "IND": "Indeterminate",
    "AA": "Critical abnormal",
}  # fmt: skip

# The dateTime pattern from the FHIR R4 specification (a time needs seconds and a zone).
_FHIR_DATETIME = lazy_pattern(
    r"([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|"
    r"3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|"
    r"1[0-3]):[0-5][0-9]|14:00)))?)?)?"
)
_DATE_THEN_TIME = lazy_pattern(
    r"(?P<date>\d{4}-\d{2}-\d{2})[T ](?P<hour>\d{1,2}):(?P<minute>\d{2})"
    r"(?P<seconds>:\d{2}(\.\d+)?)?\s*(?P<zone>Z|[+-]\d{2}:?\d{2})?"
)
# Fixed namespace so the same input always gets the same urn:uuid (diffable output).
_NAMESPACE = uuid.UUID("5f0c8a52-3d3e-4f43-9d1c-7e0f2b6a9c11")
#: The code system of the Bundle's tag naming the panelcli release that wrote it: a coding
#: without a system cannot be matched (developer QA round 9), and panelcli has no web address
#: of its own to name one by, so a fixed uuid does: uuid5(_NAMESPACE, 'panelcli release')
RELEASE_SYSTEM = "urn:uuid:ee0d2e15-e7b9-55ba-b7a1-fc7f93e659f9"


def _is_real_date(text: str) -> bool:
    try:
        date.fromisoformat(text[:10])
    except ValueError:
        return False
    return True


def fhir_datetime(collected_at: str) -> tuple[str | None, str | None]:
    """collected_at as a FHIR dateTime, and a note when it had to be shortened or left out."""
    text = collected_at.strip()
    why = why_no_date(text)
    if why in (PLACEHOLDER, BEFORE_1900):  # '1900-01-01' is a FHIR date, but no collection day
        return (
            None,
            f"The collection date '{shorten(text)}' {why}, so effectiveDateTime is left out.",
        )
    date_then_time = _DATE_THEN_TIME.fullmatch(text)
    if why is not None and why != NAMES_NO_DAY:
        # Left out, as every other output leaves the cell out of date order (QA, review: FHIR
        # sent a day, or ':60' seconds, that the date-unreadable warning did not trust)
        if date_then_time and _is_real_date(text):
            return None, (
                f"The collection time in '{shorten(text)}' is not a time of day panelcli reads, "
                "so the cell is not read as a date and effectiveDateTime is left out."
            )
        return None, (
            f"The collection date '{shorten(text)}' {why}, so effectiveDateTime is left out."
        )
    if _FHIR_DATETIME.fullmatch(text) and (len(text) < 10 or _is_real_date(text)):
        return text, None
    if date_then_time and _is_real_date(text):
        day, hour, minute, seconds, zone = date_then_time.group(
            "date", "hour", "minute", "seconds", "zone"
        )
        if zone is not None:  # only the seconds (or the 'T', the ':') are missing: nothing lost
            zone = zone if len(zone) != 5 else f"{zone[:3]}:{zone[3:]}"  # '+0200'
            written = f"{day}T{int(hour):02d}:{minute}{seconds or ':00'}{zone}"
            if _FHIR_DATETIME.fullmatch(written):
                return written, None
            return day, (
                f"The collection time '{shorten(text)}' has a time zone FHIR does not accept, "
                "so effectiveDateTime holds only the date."
            )
        return day, (
            f"The file gives the collection time '{shorten(text)}' without a time zone, "
            "so effectiveDateTime holds only the date."
        )
    read = read_date(text)  # '20.05.2026', '2026/05/20', '1 Mar 2026': one date, certain
    if read is not None and (moment := zoned_moment(text)) is not None:
        # the same moment, in UTC, a fraction of a second kept (developer QA round 11: dropped)
        return f"{moment.isoformat(timespec='auto')}Z", None
    if read is not None:  # QA: a date read everywhere else was left out here
        day = read.date().isoformat()
        timed = read.time() != time() or ":" in text
        return day, (
            f"The file writes the collection date as '{shorten(text)}'; effectiveDateTime "
            f"holds it as {day}" + (", without the time, which has no time zone." if timed else ".")
        )
    days = two_days_said(text)
    if days is not None:  # the reason the date-ambiguous warning gives (QA: 'not a date')
        return None, (
            f"The collection date '{shorten(text)}' may be {days}, as the day or the month may "
            "come first, so effectiveDateTime is left out."
        )
    return None, (
        f"The collection date '{shorten(text)}' is not a date FHIR accepts (such as "
        "2026-05-20), so effectiveDateTime is left out."
    )


def quantity(value: float, unit: str | None) -> dict[str, Any]:
    """A FHIR Quantity; the UCUM system and code only when panelcli knows the unit's code."""
    result: dict[str, Any] = {"value": value}
    if unit:
        result["unit"] = unit
        code = ucum_code(unit)
        if code:
            result.update(system=UCUM, code=code)
    return result


def interpretation(code: str) -> dict[str, Any]:
    """One HL7 v3 ObservationInterpretation code as a CodeableConcept."""
    display = INTERPRETATION_DISPLAY[code]
    return {"coding": [{"system": INTERPRETATION, "code": code, "display": display}]}


def _reference(kind: str, identifier: str | None) -> dict[str, Any] | None:
    if not identifier or not identifier.strip():
        return None
    return {"type": kind, "identifier": {"value": identifier}}


def _set_s_share(reference: ReferenceUsed) -> str:
    """What of a lab's range is the set's, in the words `reference.source` uses: 'upper
    limit', 'critical high limit' … (review: 'limits' said neither which nor of what)."""
    taken = ["upper limit"] if JOINED_WORDS in (reference.source or "") else []
    origins = (("low", reference.critical_low_origin), ("high", reference.critical_high_origin))
    sides = [side for side, origin in origins if origin == "set"]
    if sides:
        taken.append("critical limits" if len(sides) == 2 else f"critical {sides[0]} limit")
    return " and the ".join(taken)


def observation(
    result: Result,
    loinc: Mapping[str, str],
    set_name: str,
    synthetic: bool = False,
    lab_status: str | None = None,
    run_failed: bool = False,
) -> dict[str, Any]:
    """One result as an Observation carrying the notice as a note; status final, or the
    `lab_status` its row's result status gives ('preliminary', 'corrected'); `synthetic`:
    from a file that says it is panelcli's made-up data (labelled test data); `run_failed`:
    from a file that says its run failed its quality control (status unknown, and a note)."""
    code: dict[str, Any] = {"text": result.marker}
    if result.marker in loinc:
        code = {"coding": [{"system": LOINC, "code": loinc[result.marker]}], **code}
    resource: dict[str, Any] = {"resourceType": "Observation"}
    if synthetic:
        resource["meta"] = {"security": [dict(TEST_DATA)]}
    resource |= {
        # not final where the lab said not to report it (next-step and educator QA round 20:
        # a 'QC FAILED - DO NOT REPORT' run's results were final, said only in the outcome)
        "status": "unknown" if run_failed else lab_status or "final",
        "category": [
            {"coding": [{"system": CATEGORY, "code": "laboratory", "display": "Laboratory"}]}
        ],
        "code": code,
    }
    subject = _reference("Patient", result.patient_id)
    if subject:
        resource["subject"] = subject
    notes = [result.note] if result.note else []
    if run_failed:
        notes.append(RUN_FAILED_NOTE)
    if lab_status == "unknown":
        notes.append("The lab's result status could not be read; panelcli judged the value.")
    elif lab_status:
        notes.append(f"The lab's result status says this result is {lab_status}.")
    if result.collected_at and result.collected_at.strip():
        effective, date_note = fhir_datetime(result.collected_at)
        if effective:
            resource["effectiveDateTime"] = effective
        if date_note:
            notes.append(date_note)
    if result.value is None:  # censored with no number ('ND'): say what the lab wrote
        resource["valueString"] = result.original_value
    else:
        resource["valueQuantity"] = quantity(result.value, result.unit)
        if result.comparator:
            resource["valueQuantity"]["comparator"] = result.comparator
    codes = [flag for flag in result.flags if flag in INTERPRETATION_DISPLAY]
    if codes:
        resource["interpretation"] = [interpretation(code) for code in codes]
    # A wide row with no sample id is named by its line ('line 3') in every format; a FHIR
    # server would take that for the specimen's id, as given by the lab (QA)
    made_up = result.sample_id == named_by_line(result.line)
    if made_up:
        notes.append(
            f"The file gives no sample id for this row; panelcli calls it '{result.sample_id}'."
        )
    specimen = None if made_up else _reference("Specimen", result.sample_id)
    if specimen:
        # a sample id is its file's: one in two files is two panels (QA: FHIR named no file,
        # and a server would merge two patients' specimens)
        # as given, as the other formats name it (QA: a/lab.csv and b/lab.csv were both
        # 'lab.csv'), or 'standard input' for '-' (review)
        specimen["display"] = f"{result.sample_id} from {describe_source(result.source)}"
        resource["specimen"] = specimen
    reference = result.reference
    if reference:
        # the lab's range too names the set that read the row (and may add critical limits)
        where = f"reference set {set_name}" if reference.origin == "set" else (
            f"judged with reference set {set_name}, which has no range for it"
            if has_no_range(reference)
            else f"the lab's range, judged with reference set {set_name}"
            if from_the_file_alone(reference)
            else f"the lab's range with the {_set_s_share(reference)} of reference set {set_name}"
        )  # fmt: skip
        lab = critical_limits_of(reference, "file")
        if lab:
            where += f", and the lab's {lab} printed in the file"
        # FHIR's low and high are inclusive: an exclusive limit ('< 20') is said in words.
        excluded = [
            f"a value of exactly {number_text(limit)} {reference.unit} is {side}"
            for side, limit in excluded_limits(reference)
        ]
        if excluded:
            where += f"; {' and '.join(excluded)}, though FHIR's low and high are inclusive"
        ranged: dict[str, Any] = {"text": f"{reference.text} ({where})"}
        if reference.low is not None:
            ranged["low"] = quantity(reference.low, reference.unit)
        if reference.high is not None:
            ranged["high"] = quantity(reference.high, reference.unit)
        resource["referenceRange"] = [ranged]
    else:  # no range to name it in: the set that found none, or could not choose (QA)
        notes.append(f"Reference set: {set_name}")
    if synthetic:  # in words too: a viewer may show the notes and not the security labels
        notes.append(synthetic_notice(result.source))
    notes.append(f"From {describe_source(result.source)}, line {result.line}")
    resource["note"] = [{"text": text} for text in (*notes, NOTICE)]
    return resource


def _issue(issue: Issue) -> dict[str, Any]:
    where = [issue.source]
    if issue.line is not None:
        where.append(f"line {issue.line}")
    if issue.column:
        where.append(f"column '{issue.column}'")
    # Which sample and marker the row was for, where it says (a free-text field: still valid).
    where.extend(row_named(issue))
    return {
        "severity": issue.severity,
        "code": "invalid" if issue.severity == "error" else "informational",
        "details": {"text": issue.message},
        "diagnostics": f"{issue.code} ({', '.join(where)})",
    }


def _outcome_issues(report: Report) -> list[Issue]:
    """What the OperationOutcome lists: rejected rows, warnings, then the ranges file's
    warnings ('is the unit right?'), which a saved bundle keeps as JSON does."""
    return [*report.rejected, *report.warnings, *ranges_issues(report.reference_set)]


def operation_outcome(report: Report, set_name: str) -> dict[str, Any] | None:
    """Rejected rows and warnings (they are not observations), or None when there are none;
    it names the reference set, as a bundle of no judged result names it nowhere else (QA)."""
    issues = [_issue(i) for i in _outcome_issues(report)]
    if not issues:
        return None
    issues.append({
        "severity": "information", "code": "informational",
        "diagnostics": f"Reference set: {set_name}",
    })  # fmt: skip
    # A synthetic file whose rows were all rejected has no Observation to carry its label
    # (regression QA): the outcome says it in words.
    issues += [
        {"severity": "information", "code": "informational", "diagnostics": synthetic_notice(s)}
        for s in report.synthetic_sources
    ]
    issues.append({"severity": "information", "code": "informational", "diagnostics": NOTICE})
    return {"resourceType": "OperationOutcome", "issue": issues}


class _FullUrls:
    """Deterministic `urn:uuid` fullUrls, unique within one bundle (FHIR rule bdl-7)."""

    def __init__(self, sha: str) -> None:
        self._sha = sha
        self._seen: Counter[str] = Counter()

    def __call__(self, kind: str, content: object) -> str:
        # JSON keeps None apart from 'None' and cannot be fooled by separators in the content;
        # ASCII escapes keep file names with undecodable bytes (surrogates) hashable.
        key = json.dumps([kind, self._sha, content])
        self._seen[key] += 1
        occurrence = self._seen[key]
        # Same content again (the same file given twice): the count tells the entries apart,
        # and leaves the first one's id as it is when the file is given once.
        name = key if occurrence == 1 else json.dumps([key, occurrence])
        return f"urn:uuid:{uuid.uuid5(_NAMESPACE, name)}"


def _result_content(result: Result) -> list[object]:
    # Where the row is and what it says, so different rows never share an id by position alone.
    # The file's name, not its path as typed: `./a.csv` and `a.csv` (or the same file read
    # from another folder) must give the same ids, or a server would store the results twice.
    return [
        _file_name(result.source), result.line, result.column, result.marker,
        result.marker_as_written, result.sample_id, result.patient_id, result.collected_at,
        result.original_value, result.original_unit, result.unit,
    ]  # fmt: skip


def _issue_content(issue: Issue) -> list[object]:
    return [
        _file_name(issue.source),
        issue.line,
        issue.column,
        issue.code,
        issue.severity,
        issue.message,
    ]


def _file_name(source: str | None) -> str | None:
    return None if source is None else os.path.basename(source)


def write_fhir_bundle(report: Report, reference_set: ReferenceSet, out: TextIO) -> None:
    """The report as a FHIR Bundle (JSON), with the LOINC codes the set gives its markers."""
    loinc = {name: m.loinc for name, m in reference_set.markers.items() if m.loinc}
    bundle = json.dumps(fhir_bundle(report, loinc), indent=2, ensure_ascii=False)
    out.write(json_inert(bundle) + "\n")  # a file's texts, harmless on a terminal


#: The note of each Observation of a run that failed its quality control
RUN_FAILED_NOTE = (
    "The file says the test run of this result failed its quality checks, so it may not be "
    "right. Ask the lab before you rely on it."
)
#: A row's result status warning, and the Observation status it gives (FHIR's codes); a
#: status panelcli cannot read is no 'final' to send on (QA)
_LAB_STATUS = {
    "result-preliminary": "preliminary",
    "result-corrected": "corrected",
    "result-status-unread": "unknown",
}


def fhir_bundle(report: Report, loinc: Mapping[str, str]) -> dict[str, Any]:
    """The report as a Bundle of type collection; `loinc` maps marker names to LOINC codes."""
    used = report.reference_set
    version = f" version {used.version}" if used.version else ""
    # which file judged, exactly (QA: the name alone; a copy can be edited and keep it)
    set_name = f"{used.name}{version}, sha256 {used.sha256}"
    full_url = _FullUrls(used.sha256)
    synthetic = set(report.synthetic_sources)
    failed_runs = {issue.source for issue in report.rejected if issue.code == RUN_QC_FAILED}
    # QA: a preliminary or corrected result was sent as final, its status only in the
    # OperationOutcome; a row's status warning names its line, and its marker where the row
    # gives several (a wide row's own status columns: QA, one marker's gave all theirs)
    lab_status = {
        (issue.source, issue.line, issue.marker): _LAB_STATUS[issue.code]
        for issue in report.warnings
        if issue.code in _LAB_STATUS
    }
    entries = [
        {
            "fullUrl": full_url("Observation", _result_content(r)),
            "resource": observation(
                r,
                loinc,
                set_name,
                r.source in synthetic,
                lab_status.get((r.source, r.line, r.marker_as_written))
                or lab_status.get((r.source, r.line, None))
                # each row of a status given once a file for its text (developer QA round 9)
                or ("unknown" if STATUS_UNREAD_NOTE in r.own_note else None),
                r.source in failed_runs,
            ),
        }
        for panel in report.panels
        for r in panel.results
    ]
    outcome = operation_outcome(report, set_name)
    if outcome:
        issues = [_issue_content(i) for i in _outcome_issues(report)]
        entries.append({"fullUrl": full_url("OperationOutcome", issues), "resource": outcome})
    # the release that wrote it, as JSON's panelcli_version says (developer QA round 8): the
    # reading rules change from release to release
    written_by = {
        "system": RELEASE_SYSTEM,
        "code": f"panelcli-{PANELCLI_VERSION}",
        "display": f"panelcli {PANELCLI_VERSION}",
    }
    return {
        "resourceType": "Bundle", "meta": {"tag": [written_by]}, "type": "collection",
        "entry": entries,
    }  # fmt: skip
