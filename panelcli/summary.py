"""Plain-language sentences about a panel, for a reader with no medical training.

Rules for every sentence here: short words, short sentences, say what a value *can be a sign
of* in general, never what the person has or should do; the notice is added by the report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from panelcli.models import PanelSummary, Result, Status
from panelcli.names import marker_key

# What each group of markers does, in a few plain words.
GROUP_ROLE = {
    "pro-inflammatory": "help start inflammation",
    "regulatory": "help calm the immune system down",
    "Th1": "help fight germs that hide inside cells",
    "Th2": "are linked to allergy and to fighting worms",
    "chemokine": "call immune cells to where they are needed",
    "T-cell activation": "show how busy the T cells are",
    "growth factor": "help the body make new blood cells",
    "acute-phase protein": "rise when there is inflammation",
}

# A storm-like pattern: very high IL-6 and IFN-γ (at least this many times the upper limit).
STORM_TIMES = 10.0


def _names(results: Sequence[Result]) -> str:
    names = [r.marker for r in results]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _times(result: Result) -> str:
    times = result.times_upper_limit
    if times is None:
        return result.marker
    if times < 1.05:
        return f"{result.marker} (just above)"
    at_least = "at least " if result.comparator in (">", ">=") else ""
    return f"{result.marker} ({at_least}{times:.1f} times the upper limit)"


def summarise_panel(results: Sequence[Result]) -> PanelSummary:
    """Counts and sentences for one panel's results."""
    by_status = Counter(r.status.value for r in results)
    high = [r for r in results if r.status in (Status.HIGH, Status.CRITICAL) and r.flag != "LL"]
    low = [r for r in results if r.status == Status.LOW or r.flag == "LL"]
    critical = [r for r in results if r.status == Status.CRITICAL]
    unclear = [r for r in results if r.status == Status.INDETERMINATE]
    unknown = [r for r in results if r.status == Status.NO_REFERENCE]
    below = [r for r in results if r.status == Status.NORMAL and r.comparator in ("<", "<=")]
    judged = len(results) - len(unclear) - len(unknown)

    text = [f"{len(results)} marker{'s were' if len(results) != 1 else ' was'} measured."]
    if judged and not high and not low:
        text.append("All the results that could be judged are inside the reference range.")
    if high:
        text.append("Above the range: " + ", ".join(_times(r) for r in high) + ".")
    if critical:
        text.append(
            f"{_names(critical)} {'is' if len(critical) == 1 else 'are'} past the critical "
            "limit. This needs prompt attention from a doctor."
        )
    text.extend(_group_sentences(high))
    if _storm_like(results):
        text.append(
            "Very high IL-6 and IFN-γ, with high IL-10, is a pattern seen when the immune "
            "system is in overdrive. Such a pattern needs prompt medical attention."
        )
    if low:
        text.append(f"Below the range: {_names(low)}.")
    if below:
        count = len(below)
        text.append(
            f"{count} result{'s were' if count != 1 else ' was'} too low for the test to "
            "measure. That is usual for healthy people."
        )
    if unclear:
        count = len(unclear)
        text.append(
            f"{count} result{'s' if count != 1 else ''} could not be judged "
            f"({_names(unclear)}). The reason is given next to each one."
        )
    for result in unknown:
        text.append(f"{result.marker}: {result.note or 'no reference range'}.")
    flagged = [r.marker for r in results if r.status in (Status.LOW, Status.HIGH, Status.CRITICAL)]
    return PanelSummary(
        measured=len(results), by_status=dict(by_status), flagged_markers=flagged, text=text
    )


def _group_sentences(high: Sequence[Result]) -> list[str]:
    groups: dict[str, list[Result]] = {}
    for result in high:
        if result.category:
            groups.setdefault(result.category, []).append(result)
    sentences = []
    inflammatory = groups.get("pro-inflammatory", [])
    if len(inflammatory) >= 2:
        sentences.append(
            f"Several markers that {GROUP_ROLE['pro-inflammatory']} are high together "
            f"({_names(inflammatory)}). This can be a sign of strong inflammation in the body."
        )
    elif inflammatory:
        sentences.append(
            f"{inflammatory[0].marker} helps start inflammation. A high level can be a sign "
            "of inflammation somewhere in the body."
        )
    for group, members in groups.items():
        if group == "pro-inflammatory" or group not in GROUP_ROLE:
            continue
        if len(members) == 1:
            sentence = (
                f"{members[0].marker} is high. It is one of the markers that {GROUP_ROLE[group]}."
            )
        else:
            sentence = f"{_names(members)} are high. These markers {GROUP_ROLE[group]}."
        sentences.append(sentence)
    return sentences


def _storm_like(results: Sequence[Result]) -> bool:
    def times(marker: str) -> float:
        key = marker_key(marker)
        matching = (r.times_upper_limit or 0.0 for r in results if marker_key(r.marker) == key)
        return max(matching, default=0.0)

    return times("IL-6") >= STORM_TIMES and times("IFN-γ") >= STORM_TIMES and times("IL-10") > 1


def report_sentences(panels: int, rejected: int, unreadable: int) -> list[str]:
    """Sentences about the whole run: what could not be read never vanishes."""
    text = []
    if rejected:
        text.append(
            f"{rejected} row{'s' if rejected != 1 else ''} could not be read. "
            "Each one is listed with its line and the reason."
        )
    if unreadable:
        text.append(f"{unreadable} file{'s' if unreadable != 1 else ''} could not be read at all.")
    return text
