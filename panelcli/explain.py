"""`panelcli explain`: plain-language descriptions of markers and their bundled ranges."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from pydantic import BaseModel

from panelcli.names import marker_key
from panelcli.ranges import ReferenceSet, bundled_sets, closest_marker, load_ranges
from panelcli.summary import GROUP_ROLE


class RangeInSet(BaseModel):
    set_name: str
    text: str
    source: str | None


class Explanation(BaseModel):
    """What one marker is, what it does, and what a raised level can be a sign of."""

    marker: str
    other_names: list[str]
    category: str | None
    group: str | None = None  # the category in plain words: lab labels such as "Th1" are jargon
    what: str
    does: str
    raised: str
    ranges: list[RangeInSet]


@cache
def _texts() -> dict[str, object]:
    with open(Path(__file__).with_name("explanations.toml"), "rb") as handle:
        return tomllib.load(handle)


def overview() -> list[str]:
    """Sentences about cytokines and the panel in general."""
    return list(_texts()["overview"])  # type: ignore[call-overload]


@cache
def _bundled() -> list[ReferenceSet]:
    return [load_ranges(str(path)) for path in bundled_sets().values()]


def known_markers() -> list[str]:
    """Every marker that has an explanation."""
    return list(_texts()["markers"])  # type: ignore[call-overload]


def explain(name: str) -> Explanation | None:
    """The explanation for a marker name or alias, or None when panelcli has none."""
    texts: dict[str, dict[str, object]] = _texts()["markers"]  # type: ignore[assignment]
    by_key = {marker_key(n): n for n in texts}
    for entry_name, entry in texts.items():
        for other in entry.get("also", []):  # type: ignore[attr-defined]
            by_key[marker_key(other)] = entry_name
    key = marker_key(name)
    canonical = by_key.get(key)
    if canonical is None:
        for reference_set in _bundled():
            resolved = reference_set.resolve(name)
            if resolved and marker_key(resolved) in by_key:
                canonical = by_key[marker_key(resolved)]
                break
    if canonical is None:
        return None
    entry = texts[canonical]
    names: set[str] = set()
    category = None
    ranges = []
    # Each set's range for the name as asked, as `check` would find it: ARUP's IL-12 is not
    # IL-12 p70, though both are explained as IL-12. A name no set knows takes the canonical's.
    sets = _bundled()
    asked = name if any(s.resolve(name) for s in sets) else canonical
    knowing = [(s, s.resolve(asked)) for s in sets if s.resolve(asked) is not None]
    others = [s for s in sets if s.resolve(asked) is None]
    for reference_set in sets:
        resolved = reference_set.resolve(asked)
        if resolved is None:
            if reference_set.resolve(canonical) is not None:  # the set has another form of it
                ranges.append(RangeInSet(
                    set_name=reference_set.name, text=f"none for '{asked}' (see its {canonical})",
                    source=None,
                ))  # fmt: skip
            continue
        marker = reference_set.markers[resolved]
        names.update(marker.aliases)
        category = category or marker.category
        text = "; ".join(marker.interval_texts())
        ranges.append(RangeInSet(set_name=reference_set.name, text=text, source=marker.source))
    return Explanation(
        marker=canonical,
        other_names=[
            _name_in(alias, knowing, others)
            for alias in sorted(names - {canonical}, key=str.casefold)
        ],
        category=category,
        group=f"In a report, panelcli groups it with the markers that {GROUP_ROLE[category]}."
        if category in GROUP_ROLE
        else None,
        what=str(entry["what"]),
        does=str(entry["does"]),
        raised=str(entry["raised"]),
        ranges=ranges,
    )


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


def suggest(name: str) -> str | None:
    """The marker with an explanation that `name` is a typo of (never a neighbour: IL-1α is
    not IL-1β), by the rule `check` uses for its hints."""
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
    close = closest_marker(marker_key(name), index)
    if close is not None:
        return close
    # As `check` hints: 'Interleukin-6 (IL-6)', 'IL-6 (pg/mL)', other spellings of a set's name.
    for reference_set in _bundled():
        hint = reference_set.suggest(name)
        if hint is not None and marker_key(hint) in index:
            return index[marker_key(hint)]
    return None
