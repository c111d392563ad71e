"""`panelcli explain`: plain-language descriptions of markers and their ranges in each set."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel, Field

from panelcli.errors import NothingToExplain, RangesError
from panelcli.models import lost_letter
from panelcli.names import marker_key, subunit_form_name, value_name, words_as_one
from panelcli.patterns import lazy_pattern
from panelcli.ranges import (
    RANGES_ENV,
    ReferenceSet,
    bundled_reference_sets,
    bundled_sets,
    closest_marker,
    find_set,
    form_base_key,
    known_category,
    known_name,
    load_ranges,
    names_a_form,
    names_another_greek_letter,
    names_another_test,
    read_as_form,
    same_marker,
    slip_named,
    user_sets,
)
from panelcli.summary import GROUP_ROLE, HIGH_SIGN, LOW_SIGN
from panelcli.units import unit_as_read


class RangeInSet(BaseModel):
    set_name: str
    text: str
    #: `text` a line for each group of people ('male, age 18 and over: 31 - 409 µg/L'), as a
    #: table shows it (educator QA round 21: at 60 columns '11 - 328' broke at its ' - ')
    lines: list[str] = Field(default_factory=list, exclude=True)
    source: str | None
    notes: str | None = None  # the set's own words about the marker ('phoned to the ward')
    assay_limits: str | None = None  # 'lod 1.5, lloq 2': how ND and BLQ results are judged
    specimen: str | None = None  # what the range was measured in ('EDTA plasma')
    method: str | None = None
    yours: bool = False  # not a bundled set: one in the config folder, or a file given
    in_use: bool = False  # the set `check` would judge a result by
    path: str | None = None  # the set's file: two sets of one name are told apart by it


class Explanation(BaseModel):
    """What one marker is, what it does, and what a raised level can be a sign of; what, does
    and raised are None for a marker panelcli has no text for that a set defines."""

    marker: str
    other_names: list[str]
    category: str | None
    group: str | None = None  # the category in plain words: lab labels such as "Th1" are jargon
    what: str | None
    does: str | None
    raised: str | None
    ranges: list[RangeInSet]

    @property
    def explained(self) -> bool:
        return self.what is not None


class SetShown(NamedTuple):
    """A set whose range `explain` lists, and whether it is the user's and the one in use."""

    reference_set: ReferenceSet
    yours: bool = False
    in_use: bool = False


@cache
def _texts() -> dict[str, object]:
    with open(Path(__file__).with_name("explanations.toml"), "rb") as handle:
        return tomllib.load(handle)


#: What asks for the overview, not a marker (QA: 'explain cytokine storm', which an educator
#: types first, was an error; the overview says what a storm is)
_OVERVIEW_KEYS = frozenset({
    "cytokine", "cytokines", "cytokinestorm", "cytokinestorms", "storm", "panel",
    "cytokinepanel", "thecytokinepanel", "inflammation",
})  # fmt: skip
#: A protein subunit's name after a marker's ('IL-12 p40')
_SUBUNIT = lazy_pattern(r"[pP]\d{2,3}")
#: ... and the report's own words the overview explains, asked alone (educator QA round 19:
#: each was refused), not left out beside a name ('the normal range of IL-6': third review)
_REPORT_WORDS = frozenset({
    "referencerange", "referenceranges", "reference", "normalrange", "normalranges", "range",
    "ranges", "pgml", "unit", "units", "nd", "notdetected", "indeterminate", "belowdetection",
    # educator QA round 20: words its reports print, each refused with no word of where
    # they are explained
    "normal", "low", "high", "critical", "flag", "flags", "n", "l", "h", "ll", "hh", "aa", "ind",
    "mgl", "μgl", "ugl", "mcgl", "ngl", "ngml", "lod", "lloq", "uloq", "blq",
    # educator QA round 21: a student's words for the whole topic (refused with the list)
    "interleukin", "interleukins", "immunesystem", "theimmunesystem", "immune", "immunity",
})  # fmt: skip


#: A question around a name, as students type it ('what is IL-6?', 'IL-6 test'): educator QA
#: round 10, each was 'no explanation' with no hint
_QUESTION = lazy_pattern(
    r"^\s*(?:(?:what|who)(?:\s+is|\s+are|'s|’s)\s+(?:an?\s+|the\s+)?|tell\s+me\s+about\s+"
    # ... and round 11's: 'what does IL-6 mean', 'why is my IL-6 high', 'high IL-6', 'IL-6
    # normal range'
    r"|what\s+does\s+it\s+mean\s+(?:if|when)\s+(?:an?\s+|the\s+|my\s+)?"
    r"|what\s+does\s+(?:an?\s+|the\s+|my\s+)?|(?:why\s+)?is\s+(?:my|the|an?)\s+"
    r"|(?:an?|the|my)\s+"  # ('the IL-6 test'; a marker so named is asked first: review)
    r"|(?:high(?!\s+sensitiv)|low|raised|elevated|abnormal)\s+)?"
    # ... 'normal IL-6', 'what is a normal IL-6 level', 'normal range for IL-6' (educator QA
    # round 22: refused, where 'high IL-6' and 'IL-6 normal range' were read)
    # (not 'normal level' alone, a report's words: review of round 22)
    r"(?:(?:normal|usual)\s+(?!(?:range|level|value|result)s?\s*[?!.]*\s*$)"
    r"(?:(?:range|level|value)s?\s+(?:for|of|in)\s+(?:an?\s+|the\s+|my\s+)?)?)?"
    r"(?P<name>.*?)(?:\s+(?:blood\s+)?tests?|\s+(?:mean|do|is\s+for)"
    r"|(?:\s+(?:is|are))?\s+(?:so\s+|too\s+)?(?:high|low|raised|elevated|normal|abnormal)"
    r"|\s+(?:normal\s+)?(?:range|level)s?)?"
    r"\s*[?!.]*\s*$",
    re.IGNORECASE,
)


#: Said at the end of a refusal: where a report's own words are explained (educator QA round
#: 20: 'explain critical' was refused with no word of it)
REPORT_WORDS_SAID = "; panelcli explain with no name explains the words a report uses"
#: 'what is the …' before a topic ('what is the normal range?')
_WHAT_IS = lazy_pattern(r"^\s*what\s+(?:is|are|does)\s+(?:an?\s+|the\s+)?", re.IGNORECASE)


#: What a question's words leave where it names no marker ('normal level', 'normal range of
#: values'): the question is read as written
_NO_NAME = frozenset({"level", "levels", "value", "values", "result", "results", "range",
                      "ranges"})  # fmt: skip


def without_question(words: str) -> str:
    """The name a question asks about ('what is IL-6?' → 'IL-6'); the words as given where
    they hold no such question, or nothing besides it."""
    asked = _QUESTION.match(words)
    name = asked["name"].strip() if asked is not None else ""
    if name.casefold() in _NO_NAME:  # 'normal level' asks of no marker (review of round 22)
        return words
    if name.endswith("-") and words.rstrip().endswith("?"):
        # 'TNF-?': a Greek letter lost when a file was saved, which has its own hint (also
        # in 'what is TNF-?': review 53)
        return f"{name}?"
    return name or words


def asks_for_the_overview(words: str) -> bool:
    """Whether `explain`'s words name the topic as a whole ('cytokines', 'cytokine storm'; 'a
    cytokine storm' once `without_question` has taken its article)."""
    key = marker_key(words)
    return key in _OVERVIEW_KEYS or key in _REPORT_WORDS


def _a_topic_word(word: str) -> bool:
    """Whether a word beside a marker's name asks for the topic ('storm IL-6'), and so is
    left out."""
    return marker_key(word) in _OVERVIEW_KEYS


#: Words that ask for every marker's explanation at once ('explain all', as 'demo all' lists
#: the samples: educator QA round 11, a teacher's handout of every marker was refused)
_EVERY_MARKER_KEYS = frozenset({"all", "every", "everything", "allmarkers", "everymarker"})


def asks_for_every_marker(words: str) -> bool:
    """Whether `explain`'s words ask for every marker it explains ('all')."""
    return marker_key(words) in _EVERY_MARKER_KEYS


def explain_every(sets: Sequence[SetShown]) -> list[Explanation]:
    """Every marker's explanation that panelcli has text for, in its usual order."""
    return [found for name in known_markers() if (found := explain(name, sets)) is not None]


def overview() -> list[str]:
    """Sentences about cytokines and the panel in general."""
    return list(_texts()["overview"])  # type: ignore[call-overload]


@cache
def _bundled() -> list[ReferenceSet]:
    return [load_ranges(str(path)) for path in bundled_sets().values()]


def sets_to_show(ranges: str | None = None) -> tuple[list[SetShown], list[str]]:
    """The bundled sets, the user's (config folder), and the one `check --ranges` would use
    where it is neither; with why each set left out could not be loaded.

    A broken set of the user's must not hide the others, so it is left out with a note; only
    one chosen by `ranges` or $PANELCLI_RANGES raises RangesError, as `check` would.
    """
    # QA: a broken set named by $PANELCLI_RANGES was only noted (exit 0, no set in use), though
    # `check` refuses it as it refuses `--ranges`: both choose the set in use.
    chosen = ranges is not None or bool(os.environ.get(RANGES_ENV))
    notes: list[str] = []
    failed: set[Path] = set()  # said once, though it is both in use and in the folder
    in_use: ReferenceSet | None = None
    in_use_path: Path | None = None
    folder_error = None
    try:
        theirs = list(user_sets().values())
    except RangesError as exc:  # a config folder that cannot be listed
        folder_error = str(exc)
        notes.append(f"{exc}; your sets' ranges are not shown")
        theirs = []
    try:
        in_use_path = find_set(ranges)
        in_use = load_ranges(ranges)  # by what chose it: a set from $PANELCLI_RANGES says so
    except RangesError as exc:
        if chosen:
            raise
        if str(exc) != folder_error:  # said once (review: twice, the first 'its ranges')
            notes.append(f"{exc}; its ranges are not shown")
        if in_use_path is not None:
            failed.add(in_use_path.resolve())
    shown: list[SetShown] = [SetShown(s) for s in _bundled()]
    for path in theirs:
        if path.resolve() in failed:
            continue
        try:
            shown.append(SetShown(load_ranges(path), yours=True))
        except RangesError as exc:
            notes.append(f"{exc}; its ranges are not shown")
    if in_use is not None:
        at = in_use.path.resolve()
        same = [i for i, s in enumerate(shown) if s.reference_set.path.resolve() == at]
        if same:
            shown[same[0]] = shown[same[0]]._replace(in_use=True)
        else:  # a file or folder given by --ranges or $PANELCLI_RANGES
            shown.append(SetShown(in_use, yours=True, in_use=True))
    return shown, notes


def known_markers() -> list[str]:
    """Every marker that has an explanation."""
    return list(_texts()["markers"])  # type: ignore[call-overload]


def names_a_marker(name: str) -> bool:
    """Whether panelcli knows `name` as a marker's: one it explains (or another name for it),
    or a marker or alias of a bundled set. A wide file's column so named is a marker column
    under any set, as a long file's row is: the set in use gives it no range (no_reference),
    never a 'not a known marker' column that is not read (QA: GM-CSF, IL-8 under ARUP)."""
    if marker_key(name) in _names_known():
        return True
    bare = value_name(name) or subunit_form_name(name)  # 'GM-CSF (37)', 'IL-12 (70)'
    if bare is not None and marker_key(bare) in _names_known():
        return True
    if "/" in name and _one_marker_twice(name):
        return True  # 'IL-8/CXCL8 (18)', as R&D Systems' kits name IL-8
    # a known marker's subunit form ('IL-12 (40)', 'IL-12 p40'): read, though no set has it
    # (QA: Bio-Plex's 'IL-12 (40)' column was not read, its value in no output)
    return names_a_form(bare or name) and form_base_key(bare or name) in _names_known()


def _one_marker_twice(name: str) -> bool:
    """Whether the names a '/' joins are one marker's, as the bundled sets name it ('IL-8/CXCL8
    (18)'); never two markers' ('IL-6/IL-10', a ratio: review, it was read as a marker)."""
    halves = [half for half in (value_name(name) or name).split("/") if half.strip()]
    keys = [marker_key(value_name(half) or half) for half in halves]
    if len(keys) < 2 or not all(key in _names_known() for key in keys):
        return False
    return all(key == keys[0] or key in same_marker(keys[0]) for key in keys[1:])


@cache
def _names_known() -> frozenset[str]:
    texts: dict[str, dict[str, object]] = _texts()["markers"]  # type: ignore[assignment]
    names = [*texts]
    for entry in texts.values():
        names += entry.get("also", [])  # type: ignore[arg-type]
    try:
        loaded = bundled_reference_sets()
    except RangesError:  # an installation that lost its sets still has the explanations
        loaded = []
    for _, reference_set in loaded:
        for marker, ranges in reference_set.markers.items():
            names += [marker, *ranges.aliases]
    return frozenset(map(marker_key, names))


def markers_without_text(sets: Sequence[SetShown]) -> dict[str, list[str]]:
    """The markers that the user's sets (or the one in use) define and panelcli has no text
    for, each with the names of those sets: the overview names them (QA: it ignored --ranges)."""
    found: dict[str, list[str]] = {}
    for shown in sets:
        if shown.yours or shown.in_use:
            for marker in shown.reference_set.markers:
                explained = explain(marker, sets)
                if explained is not None and not explained.explained:
                    found.setdefault(marker, []).append(shown.reference_set.name)
    return found


def explain(name: str, sets: Sequence[SetShown] | None = None) -> Explanation | None:
    """The explanation for a marker name or alias, with its range in each of `sets` (the
    bundled ones if None); a marker with no text that a set defines gets its ranges alone.
    None when panelcli has no text for it and no set defines it."""
    texts: dict[str, dict[str, object]] = _texts()["markers"]  # type: ignore[assignment]
    if sets is None:
        sets = [SetShown(s) for s in _bundled()]
    by_key = {marker_key(n): n for n in texts}
    for entry_name, entry in texts.items():
        for other in entry.get("also", []):  # type: ignore[attr-defined]
            by_key[marker_key(other)] = entry_name
    key = marker_key(name)
    canonical = by_key.get(key)
    if canonical is None:
        for shown in sets:
            resolved = shown.reference_set.resolve(name)
            if resolved and marker_key(resolved) in by_key:
                canonical = by_key[marker_key(resolved)]
                break
    words = texts.get(canonical) if canonical is not None else None
    # Each set's range for the name as asked, as `check` would find it: ARUP's IL-12 is not
    # IL-12 p70, though both are explained as IL-12. A name no set knows takes the canonical's.
    asked = name if any(s.reference_set.resolve(name) for s in sets) else canonical
    if asked is None:
        return None
    if canonical is None:  # no text: named as the set `check` would judge it by names it
        knowers = sorted(sets, key=lambda s: not s.in_use)
        canonical = next(
            str(s.reference_set.resolve(asked)) for s in knowers if s.reference_set.resolve(asked)
        )

    # A name only some sets read ('Chemokine X', an alias your set gives IL-8) names the
    # marker they read it as, which another set may have under its own name (QA: ARUP's
    # IL-8 was 'another form of it', and its aliases 'yours only'); a form only as that form
    # ('NKSF' as IL-12 p70 is Mayo's IL-12 p70, not ARUP's IL-12, which states none: review).
    read_as = list(dict.fromkeys(r for s in sets if (r := s.reference_set.resolve(asked))))

    def resolve(reference_set: ReferenceSet) -> str | None:
        """The set's marker for the name asked, or for the marker other sets read it as."""
        resolved = reference_set.resolve(asked)
        for marker in read_as if resolved is None else ():
            own = reference_set.resolve(marker)
            if own is not None and names_a_form(own) == names_a_form(marker):
                return own
        return resolved

    names: set[str] = set()
    category = group = None
    ranges = []
    knowing = [(s.reference_set, resolve(s.reference_set)) for s in sets]
    others = [reference_set for reference_set, marker in knowing if marker is None]
    forms = any(names_a_form(marker) for _, marker in knowing if marker is not None)
    for shown, (reference_set, resolved) in zip(sets, knowing, strict=True):
        flags = {"yours": shown.yours, "in_use": shown.in_use, "path": reference_set.info.path}
        if resolved is None:
            if reference_set.resolve(canonical) is not None:  # the set has another form of it
                ranges.append(RangeInSet(
                    # QA: '(see its IL-12)' left a reader guessing what it meant
                    set_name=reference_set.name, text=f"none for '{asked}'; it has one for "
                    f"{canonical}, which may be another form of it",
                    source=None, **flags,
                ))  # fmt: skip
            else:  # every set gets its row: the heading names them all (QA: IL-18 of yours)
                ranges.append(RangeInSet(
                    set_name=reference_set.name, text="none (the set does not list it)",
                    source=None, **flags,
                ))  # fmt: skip
            continue
        marker = reference_set.markers[resolved]
        names.update(marker.aliases)
        # The set in use groups the marker in a report (QA: explain said another set's group),
        # unless its word is not one panelcli knows: then, as a report does, another's (review)
        known = known_category(marker.category)
        if known and (group is None or shown.in_use):
            group = known
        if marker.category and (category is None or shown.in_use):
            category = marker.category
        # as check says it; a critical limit with its unit (educator QA round 21: '≤ 2.5 pg/mL,
        # critical ≥ 100', where check says 'the lab's critical limit of 100 pg/mL')
        lines = marker.interval_texts(unit_as_read(marker.unit), critical_unit=True)
        if reference_set.resolve(asked) is None:  # a results file's name must be its own
            lines[-1] += f" (for its {resolved}; it does not read '{asked}' as {resolved})"
        else:
            lines[-1] += _form_said(asked, resolved, forms)
        # A marker's own citation only, as `check` and `ranges show` give it: a copy of a
        # bundled set keeps that set's header, which says nothing of a marker added to it
        # (QA: an IL-18 added to ARUP's copy was credited to ARUP).
        source = (marker.source or "").strip() or _source_not_given(reference_set.data.set.source)
        ranges.append(RangeInSet(
            set_name=reference_set.name, text="; ".join(lines), lines=lines, source=source,
            notes=marker.notes,
            assay_limits=marker.assay_limits_text(unit_as_read(marker.unit)),
            specimen=marker.specimen,
            method=marker.method, **flags,
        ))  # fmt: skip
    # Titled as `check` names its results: by the set in use where it reads the name asked,
    # else as the bundled sets agree to name it (QA: Mayo's 'IL-12 p70' was titled IL-12, the
    # name its text is filed under); where they do not agree, by the first set that reads it.
    in_use = next(
        (
            marker
            for shown, (reference_set, marker) in zip(sets, knowing, strict=True)
            if shown.in_use and marker is not None and reference_set.resolve(asked) is not None
        ),
        None,
    )
    title = (
        in_use
        or known_name(asked)
        or next((m for s, m in knowing if m is not None and s.resolve(asked)), canonical)
    )
    return Explanation(
        marker=title,
        other_names=[
            _name_in(alias, [(s, m) for s, m in knowing if m is not None], others)
            # case apart last: 'TNF-alpha' and 'TNF-Alpha' in one order every run (QA: by
            # the hash seed)
            for alias in sorted(names - {title}, key=lambda alias: (alias.casefold(), alias))
        ],
        category=category,
        group=f"In a report, panelcli groups it with the markers that {GROUP_ROLE[group]}."
        if group in GROUP_ROLE
        else None,
        what=None if words is None else str(words["what"]),
        does=None if words is None else str(words["does"]),
        raised=None if words is None else _raised(canonical, words),
        ranges=ranges,
    )


#: The most words one marker's name has ('Tumor Necrosis Factor - alpha'), and the most words
#: read as several names: past them, a text is one name that is not known.
_WORDS_IN_A_NAME = 6
_MOST_WORDS = MOST_NAMES = 40
#: What stands between names, as people write them: 'IL-6, TNF', 'IL-6 and TNF', 'IL-6 & TNF',
#: 'IL-6 and/or IL-8' (QA: 'and' was read as a name, and 'or IL-8' as one). A name is still
#: read across them, as ARUP's 'Interleukin 2 Receptor, Soluble' needs; no name or alias
#: holds an 'and', 'or' or '&'.
_BETWEEN_NAMES = lazy_pattern(r"[,;&]|\b(?:and|or)\b", re.IGNORECASE)


def _source_not_given(set_source: str | None) -> str:
    """What `explain` says of a marker whose set gives no source for it."""
    if set_source:
        return f"none given for this marker (the set as a whole cites: {set_source})"
    return "none given for this marker"


class _Part(NamedTuple):
    """A piece of the names given, and what joined it to the one before: ' ' or '/'."""

    text: str
    joint: str = " "


def _parts(words: Sequence[str]) -> list[_Part]:
    """The words as pieces of names: split at commas, 'and' and '&', and at each '/' ('IL-6/TNF'),
    which a name may hold too ('CD25/IL-2 RA'): see `_slash_in_a_name`."""
    parts = []
    for word in words:
        for piece in _BETWEEN_NAMES.split(word):
            joint = " "
            for text in piece.split("/"):
                if text.strip():
                    parts.append(_Part(text.strip(), joint))
                    joint = "/"
    return parts


def _text(parts: Sequence[_Part]) -> str:
    return "".join(p.joint + p.text if i else p.text for i, p in enumerate(parts))


def _slash_in_a_name(parts: Sequence[_Part], at: int, sets: Sequence[SetShown]) -> bool:
    """Whether the '/' before parts[at] is inside a known name ('CD25/IL-2 RA', a set's 'IL-12/23'),
    so that no name may end there: 'CD25/IL-2' is not CD25 and IL-2."""
    if at >= len(parts) or parts[at].joint != "/":
        return False
    before, after = marker_key(parts[at - 1].text), marker_key(parts[at].text)
    for name in _slashed_names(sets):
        left, _, right = name.partition("/")
        left, right = marker_key(left), marker_key(right)
        if left and right and before.endswith(left) and right.startswith(after):
            return True
    return False


def _slashed_names(sets: Sequence[SetShown]) -> list[str]:
    """The names and aliases with a '/' in them, of the texts and of `sets`."""
    texts: dict[str, dict[str, object]] = _texts()["markers"]  # type: ignore[assignment]
    names = [*texts]
    for entry in texts.values():
        names += entry.get("also", [])  # type: ignore[arg-type]
    for shown in sets:
        for marker, ranges in shown.reference_set.markers.items():
            names += [marker, *ranges.aliases]
    return [name for name in names if "/" in name]


def explain_each(words: Sequence[str], sets: Sequence[SetShown]) -> list[Explanation] | None:
    """The explanation of each marker that `words` name one after another ('IL-1β IL-6',
    'tumor necrosis factor, IL-6', 'IL-6 and TNF', 'IL-6/TNF'), in order and each once; None
    unless every word is part of one marker's name. For words that together name no marker (see
    `explain`). A quoted name ('Interleukin-6 (IL-6)') is split at its spaces only if it must
    be ('"IL-1β IL-6"', as a script's "$MARKERS" passes them; QA)."""
    each = _explain_parts(_parts(words), sets)
    if each is None and any(len(word.split()) > 1 for word in words):
        each = _explain_parts(_parts([w for word in words for w in word.split()]), sets)
    return each


def _explain_parts(parts: Sequence[_Part], sets: Sequence[SetShown]) -> list[Explanation] | None:
    """`explain_each` of the words as pieces of names."""
    if not 0 < len(parts) <= _MOST_WORDS:
        return None
    found: dict[str, Explanation | None] = {}

    def explained(name: str) -> Explanation | None:
        if name not in found:
            found[name] = explain(name, sets)
        return found[name]

    # From the end: ahead[i] is how parts[i:] split into names (each as long as it can be).
    ahead: list[list[Explanation] | None] = [None] * len(parts) + [[]]
    for start in range(len(parts) - 1, -1, -1):
        for end in range(min(len(parts), start + _WORDS_IN_A_NAME), start, -1):
            rest = ahead[end]
            if rest is None or _slash_in_a_name(parts, end, sets):
                continue
            one = explained(_text(parts[start:end]))
            if one is not None:
                ahead[start] = [one, *rest]
                break
    if ahead[0] is None:
        return None
    return list({e.marker: e for e in ahead[0]}.values())  # a name given twice, once


def names_read(words: Sequence[str], sets: Sequence[SetShown]) -> tuple[list[str], list[str]]:
    """The names in `words` that are markers', and those (words, or names between commas) that
    no marker's name takes in: 'explain IL1 INF' is told of 'IL1' and of 'INF', each with its
    own hint (QA). A '/' that is part of a name ('IL-12/23') is told of as written."""
    parts = _parts(words)
    known: list[tuple[int, str]] = []  # where each name starts, and the name
    unknown: list[str] = []
    start = 0
    while start < len(parts):
        # The longest name from here ('tumor necrosis factor'), as `explain_each` reads them
        for end in range(min(len(parts), start + _WORDS_IN_A_NAME), start, -1):
            name = _text(parts[start:end])
            if not _slash_in_a_name(parts, end, sets) and explain(name, sets) is not None:
                known.append((start, name))
                start = end
                break
        else:
            first, last = _as_written(parts, start, sets)
            unknown.append(_text(parts[first:last]))
            known = [(at, name) for at, name in known if at < first]  # 'IL-12' of 'IL-12/23'
            start = last
    return list(dict.fromkeys(name for _, name in known)), list(dict.fromkeys(unknown))


def _as_written(parts: Sequence[_Part], at: int, sets: Sequence[SetShown]) -> tuple[int, int]:
    """Where an unknown piece is told of: with the pieces '/' joins it to where it is no name on
    its own ('23' of 'IL-12/23', 'F' of 'IL-17A/F') or the '/' is in a known name ('CD25/IL-2')."""
    key = marker_key(parts[at].text)
    alone = len(key) >= 3 and any(ch.isalpha() for ch in key)
    if (
        alone
        and not _slash_in_a_name(parts, at, sets)
        and not _slash_in_a_name(parts, at + 1, sets)
    ):
        return at, at + 1
    first, last = at, at + 1
    while first and parts[first].joint == "/":
        first -= 1
    while last < len(parts) and parts[last].joint == "/":
        last += 1
    return first, last


def _raised(marker: str, words: dict[str, object]) -> str:
    """What a high (and a low) level can be a sign of: a marker's own signs in the report's
    summary are said in its words, so that the two never differ (QA: Ferritin's did)."""
    key = marker_key(marker)
    if key in HIGH_SIGN:
        return " ".join(sign for sign in (HIGH_SIGN[key], LOW_SIGN.get(key)) if sign)
    return str(words["raised"])


def _form_said(asked: str, marker: str, forms: bool) -> str:
    """Which form a set's range is for, where a set shown names a subunit form: Mayo's 'IL-12'
    is its IL-12 p70, ARUP's states none (QA: both pages showed Mayo's < 200 as IL-12's)."""
    if not forms:
        return ""
    if not names_a_form(marker):
        return f" (for {marker}; the set does not say which form)"
    if read_as_form(asked, marker):
        return f" (for {marker}: this set reads {asked} as {marker})"
    return f" (for {marker})"


def _name_in(
    alias: str, knowing: list[tuple[ReferenceSet, str | None]], others: list[ReferenceSet]
) -> str:
    """An alias as 'Also written as' lists it: with the sets it holds in, where not all do
    (Mayo's IL-12 is IL-12p70; ARUP's IL-12 states no form, so 'IL-12p70' is not it, and
    ARUP's 'IL12' is its IL-12, not IL-12 p70)."""
    holds = [s.name for s, marker in knowing if s.resolve(alias) == marker]
    elsewhere = any(s.resolve(alias) is not None for s in others)
    if len(holds) == len(knowing) and not elsewhere:
        return alias
    return f"{alias} ({', '.join(holds)} only)"


#: hs-CRP, CRP measured by a more sensitive test: explain's text of CRP is about it too
_HIGH_SENSITIVITY_CRP = lazy_pattern(r"hs|highsensitiv|ultrasensitiv").match


def suggest(name: str) -> str | None:
    """The marker with an explanation that `name` is a typo of (never a neighbour: IL-1α is
    not IL-1β), by the rule `check` uses for its hints."""
    hint = _suggested(name)
    if hint is None or names_another_greek_letter(name, hint):
        return None
    if names_another_test(name, hint) and not _HIGH_SENSITIVITY_CRP(marker_key(name)):
        return None  # 'IL-2 receptor beta' (review of round 22); hs-CRP is CRP's test
    # a form explain has no text for ('IL-1α' of a bare 'IL-1') said as such (review: the hint
    # sent readers to a marker explain could not explain)
    known = {marker_key(n) for n in known_markers()}
    parts = hint.split(" or ")
    said = [part for part in parts if marker_key(part) in known]
    unknown = [part for part in parts if marker_key(part) not in known]
    if not said or not unknown:
        return hint
    return f"{' or '.join(said)}, or {' or '.join(unknown)}, which panelcli has no text for"


def _suggested(name: str) -> str | None:
    """`suggest`, before a Greek letter the name spells rules a hint out."""
    texts: dict[str, dict[str, object]] = _texts()["markers"]  # type: ignore[assignment]
    index = {marker_key(n): n for n in texts}
    for entry_name, entry in texts.items():
        for other in entry.get("also", []):  # type: ignore[attr-defined]
            index.setdefault(marker_key(other), entry_name)
    for reference_set in _bundled():  # and the sets' aliases ('Interleukin 6')
        for marker, ranges in reference_set.markers.items():
            explained = index.get(marker_key(marker))
            if explained is not None:
                for alias in ranges.aliases:
                    index.setdefault(marker_key(alias), explained)
    close = closest_marker(marker_key(name), index) or slip_named(marker_key(name), index)
    if close is not None:
        return close
    key = marker_key(name)
    for prefix in ("hs", "highsensitivity", "ultrasensitive"):  # 'hs-CRP': CRP by a more
        if key.startswith(prefix) and key[len(prefix) :] in index:  # sensitive test
            return index[key[len(prefix) :]]
    # As `check` hints: 'Interleukin-6 (IL-6)', 'IL-6 (pg/mL)', other spellings of a set's name.
    for reference_set in _bundled():
        hint = reference_set.suggest(name)
        if hint is not None and marker_key(hint) in index:
            return index[marker_key(hint)]
    return None


def explanations_asked(
    marker: str, words: Sequence[str], sets: Sequence[SetShown]
) -> list[Explanation]:
    """What `panelcli explain` shows for `marker`, the words asked for as one name: its
    explanation, each of several names', or every marker's; raises NothingToExplain, saying
    why and what was maybe meant, where none is found."""
    found = explain(marker, sets)
    # 'explain IL-1β IL-6': each marker, where the words together name none (QA)
    each = [found] if found is not None else explain_each(words, sets) or []
    if not each and asks_for_every_marker(marker):
        each = explain_every(sets)
    if not each:
        hint = suggest(marker)
        known, unknown = names_read(words, sets)
        if known and not unknown:  # each is a marker's, but more than explain_each reads
            raise NothingToExplain(
                "more names are given than panelcli explains at once (at most "
                f"{MOST_NAMES}); ask for fewer"
            )
        # Said only where a name given is a marker's, so that several were plausibly meant
        # (QA: 'IL-1 alpha', one name, was told how to ask for several)
        several = (
            "; several markers are explained at once only where each name is one panelcli "
            "knows (panelcli explain IL-6 TNF-α)"
            if known and not hint
            else ""
        )
        named_one = explain(known[0], sets) if len(known) == 1 else None
        if named_one is None and not known and " " in marker.strip():
            # one quoted name ('"IL-6 receptor"'): its words, as they are read unquoted
            # (educator QA round 23: the bare refusal, where unquoted said what it names)
            parts = [explain(word, sets) for word in marker.split()]
            named_parts = [part for part in parts if part is not None]
            named_one = named_parts[0] if len(named_parts) == 1 else None
            subunit_named = any(_SUBUNIT.fullmatch(word) for word in marker.split())
            if named_one is not None and not (
                subunit_named or names_another_test(marker, named_one.marker)
            ):
                named_one = None  # (as before: no word of its parts)
        # not beside a subunit's name: 'IL-12 p40' is another protein than IL-12 (p70)
        # (educator QA round 21: pointed to IL-12's text)
        subunit = next(
            (w for w in [*unknown, *marker.split()] if _SUBUNIT.fullmatch(w.strip())), None
        )
        if named_one is not None and subunit is not None:
            raise NothingToExplain(
                f"no explanation for '{marker}': '{subunit.strip()}' names one part of a "
                f"protein, measured apart from {named_one.marker}, which panelcli explains "
                f"(panelcli explain {named_one.marker}){REPORT_WORDS_SAID}"
            )
        if (
            named_one is not None
            and names_another_test(marker, named_one.marker)
            and not _HIGH_SENSITIVITY_CRP(marker_key(marker))  # CRP's test, hinted CRP
        ):
            # (educator QA round 22: 'IL-6 receptor', 'IFN-γ release assay' were pointed to
            # the marker's text, as if it were theirs)
            raise NothingToExplain(
                f"no explanation for '{marker}': it names another molecule or test than "
                f"{named_one.marker}, which panelcli has no text for; panelcli explains "
                f"{named_one.marker} itself (panelcli explain {named_one.marker})"
                f"{REPORT_WORDS_SAID}"
            )
        if named_one is not None and not hint and not any(map(suggest, unknown)):
            # educator QA round 11: 'why is my IL-6 high' was told how to ask for several
            # markers, and never that IL-6 is one panelcli explains
            raise NothingToExplain(
                f"no explanation for '{marker}' as a whole; of its words, '{known[0]}' "
                f"names {named_one.marker}, which panelcli explains: panelcli explain "
                f"{named_one.marker}{REPORT_WORDS_SAID}"
            )
        # Words none of which is a marker's are one name unless each has a hint of its own
        # ('IL1 INF'); QA: 'IL-1 alpha' was split, and its 'IL-1' hinted as IL-1β.
        one_name = not known and not all(map(suggest, unknown))
        unknown = [marker] if hint or one_name else unknown
        # the words may be one name, as 'TNF receptor' is (QA: only 'receptor' was said,
        # as if TNF had been taken)
        one_name_too = several and len(known) == 1 and not any(map(suggest, unknown))
        whole = f"'{marker}', nor for " if one_name_too else ""
        raise NothingToExplain(
            f"no explanation for {whole}{names_with_hints(unknown or [marker])}{several}; "
            "known markers: "
            + ", ".join(known_markers())
            # (educator QA round 20: it never said where a report's words are explained)
            + REPORT_WORDS_SAID
        )
    return each


def names_with_hints(names: list[str]) -> str:
    """ "'IL1' (did you mean IL-1β?) or 'INF' (did you mean IFN-γ?)": each name's own hint."""

    said = []
    for name in names:
        hint = suggest(name)
        # as check says it (QA: explain said less), of a name copied from such a file
        lost = lost_letter(name)
        lost_said = (
            f" A '{lost}' may be a letter lost when a file was saved: save it as UTF-8"
            if lost
            else ""
        )
        said.append(f"'{name}'" + (f" (did you mean {hint}?{lost_said})" if hint else ""))
    return " or ".join(said)


def question_read(words: list[str], sets: Sequence[SetShown]) -> tuple[str | None, list[str]]:
    """The name `panelcli explain` is asked for (None: the overview), and its words: a
    question's ('what is IL-6?' asks of IL-6), topic words beside a marker's name left out."""

    def asked_of(words: str) -> str:
        """The name a question asks of, unless the words name a marker as they are ('A
        beta 42' of one's own set: review)."""
        if explain(words, sets) is not None or asks_for_the_overview(words):
            return words  # ('normal range' is no question of 'normal')
        topic = _WHAT_IS.sub("", words).rstrip("?!. ")
        return topic if asks_for_the_overview(topic) else without_question(words)

    whole = words_as_one(words)
    if whole is not None and (asked := asked_of(whole)) != whole:
        words = asked.split()  # educator QA round 14: 'what is a cytokine storm' (no '?')
        # lost its topic words below, and 'a' was asked for
    # topic words beside a marker's name ask for the marker (QA: 'explain storm IL-6' was
    # an error, though each alone works)
    whole = words_as_one(words)
    named = (
        []  # 'a cytokine storm' as a whole (its 'a' alone was asked for: round 14)
        if whole is not None and asks_for_the_overview(whole)
        else [word for word in words or [] if not _a_topic_word(word)]
    )
    words = named if named else words
    marker = words_as_one(words)
    if marker is not None and (asked := asked_of(marker)) != marker:
        marker, words = asked, asked.split()  # 'what is IL-6?' asks of IL-6
    return marker, words
