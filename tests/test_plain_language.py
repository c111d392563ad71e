"""Every sentence panelcli writes for a person is plain (grade ≤ 8, median ≤ 6) and never diagnoses.

How the text is scored, and why it is fair:
- Scoring is per sentence (not per paragraph), so a long sentence cannot hide among short ones.
- Marker names and aliases ("IL-6", "IFN-γ", "TNF-alpha", "Tumor necrosis factor alpha") are
  replaced by the one-syllable name "Max" first. They are labels the reader copies from the lab
  report, like a person's name; pyphen would otherwise count "IFN-γ" or "sIL-2R" by accident.
- Tokens with a digit (numbers, dates, ids such as 2026-07-03 or 4.2) become the word "ten":
  textstat 0.7.3 ends a sentence at every ".", so "4.2" would split one sentence in two and
  wrongly lower the grade. Symbols standing alone (═ · ● ◀ ▶ →) become the word "this".
- Headings (sample titles such as "All in range") are not sentences, so they are held to
  the forbidden-words list only; Flesch-Kincaid is meaningless for two or three words.
The corpus covers the summaries of every bundled sample, summaries built to reach every
sentence template (critical, low, each marker group, storm-like, indeterminate, no range),
the table's notes of every sample and test input (and of values beside critical limits),
trend sentences for every direction, reasons for every rejected-row code, every `explain` text
and the overview, the demo stories and narration, the notice and the fixed render sentences.
"""

from __future__ import annotations

import json
import re
import statistics
import tempfile
from functools import cache
from pathlib import Path

import pytest
import textstat
from made_up import CRITICAL_SET_TOML, made_up_result
from typer.testing import CliRunner

from panelcli import explain as explaining
from panelcli.check import CheckOptions, check_file
from panelcli.cli import app
from panelcli.errors import InputError
from panelcli.models import (
    NOTICE,
    Doubt,
    Issue,
    MarkerTrend,
    Result,
    Status,
    TrendPoint,
)
from panelcli.ranges import bundled_sets, load_ranges
from panelcli.render.pictures import GAUGE_LEGEND
from panelcli.render.table import FLAG_LEGEND
from panelcli.render.text import (
    IN_USE,
    NOT_EXPLAINED,
    RANGES_DIFFER,
    SYNTHETIC,
    TALK_WITH_PROVIDER,
)
from panelcli.samples import list_samples
from panelcli.summary import GROUP_ROLE, REJECTED_REASON, report_sentences, summarise_panel
from panelcli.trends import trend_sentences

ROOT = Path(__file__).resolve().parent.parent

MAX_GRADE = 8.0
MAX_MEDIAN = 6.0

# Words panelcli must never print to a person, each with the reason. Matched case-insensitively
# on whole words, after marker names are replaced (so "Tumor necrosis factor alpha" is a name,
# not a claim).
FORBIDDEN = {
    r"(?<!not a )\bdiagnos\w*": "it informs and never diagnoses; the notice's 'It is not a "
    "diagnosis' is the one allowed use",
    r"\byou have\b": "says what the person has",
    r"\byou are\b": "labels the person (ill, healthy, infected)",
    r"\byou (should|must|need)\b": "tells the person what to do; only the notice's 'talk with "
    "your healthcare provider' is allowed",
    r"\b(should|must) take\b|\bdose\b|\bdosage\b|\bprescri\w*": "medicine advice",
    r"\bdiseases?\b|\bdisorders?\b": "names an illness instead of saying what a value can be a "
    "sign of",
    r"\bcancers?\b|\btumou?rs?\b|\bleuka?emia\b|\blymphoma\b|\bmalignan\w*": "frightening "
    "illnesses a cytokine panel gives no basis to raise",
    r"\bsepsis\b|\bseptic\b": "a named condition; the tool describes patterns only",
    r"\bsyndrome\b|\bCRS\b|\bHLH\b|\bhemophagocytic\b": "cytokine release syndrome and HLH are "
    "diagnoses; a storm-like pattern is described, never named",
    r"\b(fatal|deadly|death|die|dying)\b": "a prognosis the tool cannot make",
    r"\bnothing to worry\b|\bdon'?t worry\b|\bno need to\b": "false reassurance",
    r"\bconfirm\w*|\bproves?\b|\bdefinitely\b|\bcertainly\b": "claims a certainty a single "
    "test cannot give",
    r"\bcured?\b|\bcures\b": "a promise about treatment",
}
# Allowed in general education (the overview explains what a cytokine storm is), but never in
# text about a person's own results.
FORBIDDEN_ABOUT_A_PERSON = {
    r"\bstorm\b": "naming a cytokine storm about a person's results is a diagnosis",
}


@cache
def marker_names() -> re.Pattern[str]:
    names: set[str] = {"IL-1 beta", "IFN-gamma", "TNF-alpha", "interferon gamma"}
    for path in bundled_sets().values():
        for name, entry in load_ranges(str(path)).markers.items():
            names.add(name)
            names.update(entry.aliases)
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def with_names_replaced(text: str) -> str:
    return marker_names().sub("Max", text)


def scorable(text: str) -> str:
    """The text as scored: marker names, numbers and lone symbols stand in as short words."""
    text = with_names_replaced(text)
    text = re.sub(r"[<>≤≥]?\S*\d\S*", "ten", text)
    return re.sub(r"(?<!\S)[^\w\s]+(?!\S)", "this", text)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", scorable(text).strip()) if s]


def grade(sentence: str) -> float:
    return float(textstat.flesch_kincaid_grade(sentence))


# --- the corpus ---------------------------------------------------------------------------------


def constructed_panels() -> dict[str, list[Result]]:
    """Panels that reach every sentence template the samples do not."""
    high, normal = Status.HIGH, Status.NORMAL
    panels: dict[str, list[Result]] = {
        "critical and storm-like": [
            made_up_result("IL-6", Status.CRITICAL, 2000, category="pro-inflammatory", times=800),
            made_up_result("IFN-γ", high, 300, category="Th1", times=30),
            made_up_result("IL-10", high, 16, category="regulatory", times=3),
            made_up_result("TNF-α", Status.CRITICAL, 900, category="pro-inflammatory", times=60),
        ],
        "low and critical low": [
            made_up_result("Ferritin", Status.LOW, 4, low=6, high=175),
            made_up_result("sIL-2R", Status.LOW, 200, comparator="<", low=266.5, high=1410.4),
            made_up_result("CRP", Status.CRITICAL, 0.1, low=1, flag="LL"),
            made_up_result("IL-8", Status.LOW, None, low=1),
        ],
        "not judged": [
            made_up_result("IL-6", Status.INDETERMINATE, 12, comparator="<"),
            made_up_result("TNF-α", Status.INDETERMINATE, None, comparator="<"),
            made_up_result("Ferritin", Status.INDETERMINATE, 80, reference=False),
            made_up_result("IL-66", Status.NO_REFERENCE, 5, reference=False),
            made_up_result("XYZ", Status.NO_REFERENCE, 5, reference=False),
            made_up_result("IL-8", Status.NO_REFERENCE, 5, reference=False),  # known elsewhere
        ],
        "the set has the marker, but no range for this person or none at all": [
            made_up_result("Ferritin", Status.NO_REFERENCE, 200, reference=False).model_copy(
                update={"note": "this set has no range for Ferritin that fits female, age 10"}
            ),
            made_up_result("IL-8", Status.NO_REFERENCE, 5, reference=False).model_copy(
                update={"note": "the reference set has IL-8 but gives no range for it"}
            ),
        ],
        "range depends on the person": [
            made_up_result("IL-2", Status.INDETERMINATE, 3, reference=False),
            made_up_result("IL-4", Status.INDETERMINATE, 1, reference=False),
        ],
        "range depends on the age the file lacks": [
            made_up_result("IL-2", Status.INDETERMINATE, 3, reference=False).model_copy(
                update={
                    "note": "… the person's age is not given (give it in a column 'age' or "
                    "with --age)"
                }
            ),
        ],
        "one not judged": [
            made_up_result("IL-66", Status.NO_REFERENCE, 5, reference=False),
            made_up_result("IL-6", normal, 1.0),
        ],
        "unit assumed, another scale decides (Interpreter._doubt_assumed_unit)": [
            made_up_result("Ferritin", Status.INDETERMINATE, 0.5, low=31, high=409),
            made_up_result("IL-6", normal, 1.0).model_copy(update={"original_unit": "pg/mL"}),
            made_up_result("IL-8", normal, 1.0).model_copy(update={"original_unit": "pg/mL"}),
        ],
        "a '.' or ',' that may group thousands decides (Interpreter._doubt_grouping)": [
            made_up_result("IL-8", Status.INDETERMINATE, 1, comparator="<").model_copy(
                update={
                    "note": "'<1.000' may be <1 or <1000 ('.' may group thousands where ',' is "
                    "the decimal mark); read as <1 it is normal, read as <1000 it would be "
                    "indeterminate; check the export's number format"
                }
            ),
        ],
        "two such values": [
            made_up_result(name, Status.INDETERMINATE, 2.5).model_copy(
                update={"note": "'2.500' may be 2.5 or 2500 ('.' may group thousands …)"}
            )
            for name in ("IL-6", "IL-8")
        ],
        "one result, inside the range": [made_up_result("IL-6", normal, 1.0)],
        "uncategorised and edge amounts": [
            made_up_result("IL-99", high, 3, times=1.02),
            made_up_result("IL-98", high, 3, times=None),
            made_up_result("IL-97", high, 300, comparator=">", times=120),
            made_up_result("IL-96", high, 3, comparator=">", times=1.01),
            made_up_result("IL-4", normal, 1.0, comparator="<"),
        ],
    }
    panels["measured twice: high and too low to measure"] = [
        made_up_result("IL-6", high, 12.5, category="pro-inflammatory", times=5),
        made_up_result("IL-6", normal, 2.0, comparator="<"),
    ]
    for group in GROUP_ROLE:
        panels[f"one {group}"] = [made_up_result("IL-6", high, 5, category=group, times=2)]
        panels[f"two {group}"] = [
            made_up_result("IL-6", high, 5, category=group, times=1.5),
            made_up_result("IL-8", high, 50, category=group, times=12),
        ]
    panels["mild inflammation"] = [
        made_up_result(m, high, 3, category="pro-inflammatory", times=1.2)
        for m in ("IL-6", "IL-1β")
    ]
    return panels


def _trend(marker: str, direction: str, statuses: list[Status]) -> MarkerTrend:
    points = [
        TrendPoint(
            collected_at=f"2026-07-0{i + 1}",
            source="a.csv",
            line=i + 2,
            value=float(i + 1),
            status=s,
        )
        for i, s in enumerate(statuses)
    ]
    return MarkerTrend(
        marker=marker, points=points, direction=direction,  # type: ignore[arg-type]
        highest=points[1],
    )  # fmt: skip


def trend_corpus() -> list[str]:
    high, normal = Status.HIGH, Status.NORMAL
    every = [
        _trend("IL-6", "rose then fell", [normal, high, normal]),
        _trend("IL-8", "rising", [normal, high, high]),
        _trend("IL-10", "falling", [high, high, normal]),
        _trend("TNF-α", "fell then rose", [normal, normal, normal]),
        _trend("IFN-γ", "steady", [normal, normal, normal]),
        _trend("IL-1β", "rising", [normal, normal, high]),  # outside only at the last test
        _trend("IL-2", "unclear", [normal, normal, normal]),
    ]
    unclear = every[-1]  # '<10', 2, '<10': only one result can be placed, as in real data
    for i in (0, 2):
        unclear.points[i] = unclear.points[i].model_copy(update={"value": 10.0, "comparator": "<"})
    single = [_trend("IL-6", "rose then fell", [normal, high, high])]
    no_number_first = _trend("IL-8", "falling", [high, high, normal])
    no_number_first.points[0] = no_number_first.points[0].model_copy(update={"value": None})
    single.append(no_number_first)
    dates = ["2026-07-01", "2026-07-02", "2026-07-03"]
    return (
        trend_sentences("P-1", dates, every)
        + trend_sentences("P-2", dates, single, undated=["S-9", None])
        + trend_sentences("P-3", dates, [_trend("IL-6", "rose then fell", [normal, high, normal])])
        + trend_sentences("P-4", dates, every[:2], doubted={"IL-6": dates[:1], "IL-8": dates[:1]})
        + trend_sentences("P-5", dates, every[:2], mixed={"IL-8": ["S-2"]})
        + _checked_trend_sentences()
    )


def _detection_range_notes() -> list[str]:
    """The notes of values an MSD export marks past its detection range (shown in the table)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "msd.csv"
        path.write_text(
            "Sample,Assay,Calc. Concentration,Conc. Unit,Detection Range\n"
            "P1,IL-6,999.9,pg/mL,Above Detection Range\n"
            "P2,IL-6,0.012,pg/mL,Below Detection Range\n",
            encoding="utf-8",
        )
        notes = [r.note for p in check_file(str(path)).panels for r in p.results]
    assert all(notes)
    return [n for n in notes if n]


def _result_notes() -> list[str]:
    """The table's notes of every bundled sample and test input under two sets, and of values
    beside critical limits; each note alone (notes are joined with '; '), and text quoted
    from the file ('=HYPERLINK(…)') as a word."""
    inputs = [*ROOT.glob("samples/*.csv"), *ROOT.glob("tests/corpus/*.csv")]
    inputs += ROOT.glob("tests/exports/*.csv")
    notes: list[str | None] = []
    for path in inputs:
        for ranges in ("arup-3002601", "mayo-adult"):
            try:
                report = check_file(str(path), ranges)
            except InputError:  # a file the corpus has for being unreadable
                continue
            notes += [r.note for p in report.panels for r in p.results]
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "critical.toml").write_text(CRITICAL_SET_TOML, encoding="utf-8")
        path = Path(folder) / "near-critical.csv"
        path.write_text(
            "sample_id,marker,value,unit\nA,IL-6,>2.6,pg/mL\nA,IL-6,>50,pg/mL\n"
            "A,sIL-2R,<300,pg/mL\nA,sIL-2R,<100,pg/mL\n",
            encoding="utf-8",
        )
        report = check_file(str(path), str(Path(folder) / "critical.toml"))
        notes += [r.note for p in report.panels for r in p.results]
        path.write_text(  # by sex and age, neither given; then the age alone
            "sample_id,marker,value,unit,sex\nA,Ferritin,40,ug/L,\nB,Ferritin,40,ug/L,F\n",
            encoding="utf-8",
        )
        report = check_file(str(path), "mayo-adult")
        notes += [r.note for p in report.panels for r in p.results]
    quoted = re.compile(r"'[^']*'")
    return [quoted.sub("this", one) for note in notes if note for one in note.split("; ")]


def _checked_trend_sentences() -> list[str]:
    """Trends of a file with turns, an unreadable date and tests in no known order."""
    rows = [
        "S1,P1,2026-03-01,IL-6,2", "S2,P1,2026-03-02,IL-6,9", "S3,P1,2026-03-03,IL-6,1",
        "S4,P1,2026-03-04,IL-6,20", "S5,P1,someday,IL-6,4", "S6,P2,2026-03-01,IL-6,9",
        "S7,P2,2026-03-02,IL-6,10", "S8,P2,2026-03-02,IL-6,1",  # up and down in one order
        "S9,P1,2026-03-05,IL-6,bad",  # a last test none of whose results could be used
        "S10,P2,03/04/2026,IL-6,6",  # 3 April or 4 March: after P2's dates either way
        "S11,P3,2026-03-01,IL-6,5", "S13,P3,2026-03-20,IL-6,1",
        "S12,P3,03/04/2026,IL-6,6",  # 3 April or 4 March: left out, and said why
    ]  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "trends.csv"
        path.write_text(
            "sample_id,patient_id,collected_at,marker,value,unit\n"
            + "".join(f"{row},pg/mL\n" for row in rows),
            encoding="utf-8",
        )
        return [t for trend in check_file(str(path)).trends for t in trend.text]


def rejected_corpus() -> list[str]:
    codes = [*REJECTED_REASON, "some-new-code", "file-unreadable"]
    once = [Issue(code=c, source="t.csv", line=3, message="m") for c in codes]
    # Also as a wide file's cells: "1 value has …" (test_wide_cells_counted.py)
    wide = report_sentences(once, wide={"t.csv"}) + report_sentences(once + once, wide={"t.csv"})
    return report_sentences(once) + report_sentences(once + once) + wide


@cache
def corpus() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(where, text) pairs: text about a person's results, and general or fixed text."""
    about_person: list[tuple[str, str]] = []
    general: list[tuple[str, str]] = [
        ("notice", NOTICE),
        ("demo", SYNTHETIC),
        ("explain", RANGES_DIFFER),
        ("explain", TALK_WITH_PROVIDER),
        ("explain", IN_USE),
        ("explain", NOT_EXPLAINED.format(marker="IL-18")),
        ("table legend", GAUGE_LEGEND),
        ("table legend", FLAG_LEGEND),
    ]
    for sample in list_samples():
        report = check_file(str(sample.path))
        for panel in report.panels:
            about_person += [(f"summary {sample.name}", t) for t in panel.summary.text]
        about_person += [(f"rejected {sample.name}", t) for t in report_sentences(report.rejected)]
        for trend in report.trends:
            about_person += [(f"trend {sample.name}", t) for t in trend.text]
        general += [(f"story {sample.name}", sample.story)]
        general += [(f"look {sample.name}", sample.look or "")]
    for name, results in constructed_panels().items():
        about_person += [(f"summary {name}", t) for t in summarise_panel(results).text]
    for lines in ([3], [3, 4], range(3, 12)):  # a panel some of whose rows were rejected
        lost = [Issue(code="value-not-a-number", source="-", line=n, message="-") for n in lines]
        for results in (
            constructed_panels()["one result, inside the range"],
            [
                made_up_result("IL-6", Status.NORMAL, 1.0),
                made_up_result("IL-8", Status.NORMAL, 1.0),
            ],
        ):
            about_person += [("summary, rows lost", t) for t in summarise_panel(results, lost).text]
        # a sample none of whose rows could be used
        about_person += [("summary, all rows lost", t) for t in summarise_panel([], lost).text]
    about_person += [("trend", t) for t in trend_corpus()]
    about_person += [("result note", t) for t in _detection_range_notes()]
    about_person += [("result note", t[0].upper() + t[1:]) for t in _result_notes()]
    about_person += [("rejected", t) for t in rejected_corpus()]
    general += [("overview", t) for t in explaining.overview()]
    for marker in explaining.known_markers():
        found = explaining.explain(marker)
        assert found is not None
        texts = (found.what, found.group or "", found.does, found.raised)
        general += [(f"explain {marker}", t) for t in texts]
    return about_person, general


def headings() -> list[tuple[str, str]]:
    return [(f"title {s.name}", s.title) for s in list_samples()]


# --- readability --------------------------------------------------------------------------------


def test_scoring_keeps_names_and_numbers_from_skewing_the_grade() -> None:
    assert scorable("IFN-γ is 4.2 times the upper limit.") == "Max is ten times the upper limit."
    assert scorable("TNF-alpha and Tumor necrosis factor alpha ◀ <12") == "Max and Max this ten"
    # The scorer still catches hard prose: it is not neutered by the replacements.
    hard = "Cytokine concentrations demonstrate considerable interindividual heterogeneity."
    assert grade(scorable(hard)) > MAX_GRADE


def test_every_generated_sentence_is_grade_8_or_below_and_the_median_is_6_or_below() -> None:
    about_person, general = corpus()
    scored = [
        (grade(s), where, s) for where, text in about_person + general for s in sentences(text)
    ]
    assert len(scored) > 300  # the corpus really covers the samples, templates and explanations
    too_hard = [f"{g:.1f} [{where}] {s}" for g, where, s in scored if g > MAX_GRADE]
    assert not too_hard, "sentences above grade 8:\n" + "\n".join(too_hard)
    assert statistics.median(g for g, _, _ in scored) <= MAX_MEDIAN


def test_every_summary_template_is_reached_by_the_corpus() -> None:
    about_person, _ = corpus()
    text = " ".join(t for _, t in about_person)
    for phrase in (
        "past the critical limit",
        "should be talked over with a healthcare provider soon",
        "under the lower limit",
        "A level under the range can have many causes.",
        "too low for the test to measure",
        "depends on sex or age",
        "depend on sex or age, and panelcli could not tell them",
        "was below what the test can measure. The result has no number",
        "could not measure",
        "no reference range in the ranges used",
        "but no range that fits this person's age or sex",
        "but no normal range",
        "Another list of ranges (a reference set), or the lab's own range",
        "Check that the name is spelled right",
        "Check that the names are spelled right. If they are, another list of ranges",
        "mild inflammation",
        "strong inflammation",
        "rose and then fell",
        "fell and then rose",
        "stayed about the same",
        "fell over the tests that can be compared",
        "cannot be compared from test to test",
        "back inside the range",
        "had moved into the range, and IL-6 was back inside it",  # one sentence a side (QA)
        "was back inside it. IL-1β was outside the range",  # one text per test (QA)
        "was outside the range, and IL-8 was still outside it",
        "still outside the range",
        "was outside the range",
        "could not be used in full",
        "went up and down, and changed direction more than once",
        "has a date that cannot be read, so it is not part of these changes",
        "can mean 3 April or 4 March 2026: two different days",
        "Either way it comes after",
        "These changes leave out the result of sample S12: its IL-6 was high.",
        "has no result that could be used, so it is not part of these changes. The date is",
        "At the last test with results,",
        "leave out the test on 2026-07-01: their numbers can be read in two ways",
        "which of those tests came first is not known",
        "The one result that could be judged is inside the reference range.",
        "The result is inside the reference range.",
        "All the results are inside the reference range.",
        "The range for IL-2 depends on age, and panelcli could not tell it from the file.",
        "The 2 results that could be judged are inside the reference range.",
        "The file does not say the unit of Ferritin, and in its range's unit",
    ):
        assert phrase in text, phrase


# --- forbidden words ----------------------------------------------------------------------------


def _violations(pairs: list[tuple[str, str]], rules: dict[str, str]) -> list[str]:
    found = []
    for where, text in pairs:
        plain = with_names_replaced(text)
        for pattern, why in rules.items():
            match = re.search(pattern, plain, re.IGNORECASE)
            if match:
                found.append(f"[{where}] '{match.group()}' ({why}): {text}")
    return found


def test_no_forbidden_words_in_any_generated_text() -> None:
    about_person, general = corpus()
    everything = about_person + general + headings()
    assert not _violations(everything, FORBIDDEN)
    assert not _violations(about_person, FORBIDDEN_ABOUT_A_PERSON)


@pytest.mark.parametrize(
    "bad",
    [
        "This is a diagnosis of infection.",
        "You have an infection.",
        "You should take ibuprofen.",
        "This pattern means cytokine release syndrome.",
        "It can be a sign of sepsis or cancer.",
        "Tumours make IL-6.",
    ],
)
def test_the_forbidden_list_catches_what_it_is_meant_to(bad: str) -> None:
    assert _violations([("probe", bad)], FORBIDDEN)


def test_the_notice_is_the_one_place_diagnosis_may_appear() -> None:
    assert "It is not a diagnosis." in NOTICE
    assert not _violations([("notice", NOTICE)], FORBIDDEN)


def test_cli_output_of_every_demo_and_explanation_has_no_forbidden_words() -> None:
    runner = CliRunner()
    commands = [["demo"], ["explain"]]
    commands += [["demo", s.name] for s in list_samples()]
    commands += [["explain", m] for m in explaining.known_markers()]
    problems = []
    for args in commands:
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.output)
        # Lines joined: the terminal width can wrap a name ("Tumor / Necrosis Factor").
        problems += _violations([(" ".join(args), " ".join(result.output.split()))], FORBIDDEN)
    assert not problems


def test_censored_values_are_described_by_what_they_say(tmp_path):
    """'>2' is a lower bound (not 'too low to measure'); '<266.5' is 'less than'."""
    from panelcli.check import check_file

    path = tmp_path / "censored.csv"
    path.write_text(
        "sample_id,marker,value,unit\nA,IL-6,>2,pg/mL\nA,sIL-2R,<266.5,pg/mL\n"
        "A,TNF-α,>=100,pg/mL\n",
        encoding="utf-8",
    )
    text = " ".join(check_file(str(path)).panels[0].summary.text)
    assert "IL-6 is above 2 pg/mL, and the test does not say by how much" in text
    assert "could not measure IL-6 low enough" not in text
    assert "sIL-2R is less than 266.5 pg/mL" in text
    assert "TNF-α is at least" in text


def test_a_marker_measured_twice_is_one_marker_not_a_pattern(tmp_path):
    from panelcli.check import check_file

    path = tmp_path / "twice.csv"
    path.write_text("sample_id,marker,value,unit\nA,IL-6,3,pg/mL\nA,IL-6,3,pg/mL\n", "utf-8")
    text = " ".join(check_file(str(path)).panels[0].summary.text)
    assert text.startswith("There are 2 results.")
    assert "IL-6 was tested more than once in this sample" in text
    assert "Several of them" not in text and "These markers" not in text
    assert text.count("IL-6 is 1.2 times the upper limit.") == 1


def test_at_least_is_said_as_at_least_in_the_summary_the_note_and_the_table(tmp_path):
    """'≥10.4' with an upper limit of 10.4 may be exactly 10.4 (inside): never "above 10.4"."""
    from panelcli.check import check_file

    path = tmp_path / "at-least.csv"
    path.write_text(
        "sample_id,marker,value,unit\nA,IFN-γ,≥10.4,pg/mL\nA,IL-6,>=100,pg/mL\n"
        "A,TNF-α,>100,pg/mL\nA,IL-10,<=20,pg/mL\n",
        encoding="utf-8",
    )
    panel = check_file(str(path)).panels[0]
    results, text = panel.results, " ".join(panel.summary.text)
    assert "IFN-γ is at least 10.4 pg/mL, and the test does not say by how much" in text
    assert "above 10.4" not in text
    assert results[0].note is not None and "a value of at least 10.4 pg/mL" in results[0].note
    assert results[3].note is not None and "a value of at most 20 pg/mL" in results[3].note
    table = CliRunner(env={"COLUMNS": "250"}).invoke(app, ["check", str(path)]).output
    assert "≥10.4" in table and ">=10.4" not in table and "≤20" in table
    assert "at least 40 × upper limit" in table  # ≥100 is only a floor
    # 100 / 14.5 is 6.897: a floor is rounded down, or it would claim more than is known
    assert "more than 6.8 × upper limit" in table and "TNF-α is more than 6.8 times" in text
    assert results[2].times_upper_limit == 6.89


def test_a_floor_s_times_agree_between_the_table_and_the_summary(tmp_path: Path) -> None:
    """'>14.9' over 2.5 (5.96) was "more than 6.0 ×" in the table and "more than 5.9 times"
    in the summary (found in QA)."""
    path = tmp_path / "floor.csv"
    path.write_text("sample_id,marker,value,unit\nS2,IL-6,>14.9,pg/mL\n", encoding="utf-8")
    output = CliRunner(env={"COLUMNS": "250"}).invoke(app, ["check", str(path)]).output
    assert "more than 5.9 × upper limit" in output and "IL-6 is more than 5.9 times" in output
    assert "6.0" not in output


def test_a_floor_just_above_the_limit_gives_no_figure(tmp_path: Path) -> None:
    """'>1500' over 1410.4 was "more than 1 times the upper limit" (QA): as a plain value just
    above it, no figure; '>1700' still has one."""
    path = tmp_path / "floor.csv"
    path.write_text(
        "sample_id,marker,value,unit\nK,sIL-2R,>1500,pg/mL\nL,sIL-2R,>1700,pg/mL\n",
        encoding="utf-8",
    )
    output = CliRunner(env={"COLUMNS": "250"}).invoke(app, ["check", str(path)]).output
    assert "sIL-2R is above the upper limit." in output
    assert "more than 1 " not in output and "more than 1.0" not in output
    assert "sIL-2R is more than 1.2 times the upper limit." in output
    assert output.count("× upper limit") == 1


def test_a_marker_the_set_lacks_but_another_set_knows_gets_no_spelling_hint() -> None:
    """IL-8 is spelled right; mayo-adult has no range for it (another set or the lab's has)."""
    storm = next(s for s in list_samples() if s.name == "cytokine-storm")
    report = check_file(str(storm.path), ranges=load_ranges("mayo-adult"))
    text = " ".join(report.panels[0].summary.text)
    assert (
        "IL-8 and IL-17 have no reference range in the ranges used, so panelcli could not" in text
    )
    assert "Another list of ranges (a reference set), or the lab's own range, can be used." in text
    assert "spelled" not in text


def test_a_name_no_set_knows_keeps_the_spelling_hint() -> None:
    typo = made_up_result("IL-66", Status.NO_REFERENCE, 5, reference=False).model_copy(
        update={"note": "no reference range for 'IL-66' in this set (did you mean IL-6?)"}
    )
    known = made_up_result("IL-8", Status.NO_REFERENCE, 5, reference=False)
    text = summarise_panel([typo, known]).text
    assert text[-2:] == [
        "IL-8 has no reference range in the ranges used, so panelcli could not judge it. "
        "Another list of ranges (a reference set), or the lab's own range, can be used.",
        "IL-66 has no reference range in the ranges used, so panelcli could not judge it. "
        "Check that the name is spelled right. Did you mean IL-6?",
    ]


def test_the_critical_sentence_counts_its_markers_and_asks_once() -> None:
    """QA (regression round): 'IL-6 and TNF-α are at or past the critical limit. A result
    like this …'; beside the storm sentence the same advice twice; a critical low said before
    the sentence that it is below the range."""
    two = [
        made_up_result("IL-6", Status.CRITICAL, 500, times=200, flag="HH"),
        made_up_result("TNF-α", Status.CRITICAL, 60, times=4, high=14.5, flag="HH"),
    ]
    text = " ".join(summarise_panel(two).text)
    assert "IL-6 and TNF-α are at or past their critical limits. Results like these should" in text
    storm = [
        made_up_result("IL-6", Status.CRITICAL, 900, times=360, flag="HH"),
        made_up_result("IFN-γ", Status.HIGH, 500, times=48, high=10.4, flag="H"),
        made_up_result("IL-10", Status.HIGH, 20, times=3.8, high=5.3, flag="H"),
    ]
    text = " ".join(summarise_panel(storm).text)
    assert "overdrive" in text and text.count("talked over with a healthcare provider") == 1
    low = [made_up_result("TNF-α", Status.CRITICAL, 0.3, low=1, high=14.5, flag="LL")]
    sentences = summarise_panel(low).text
    (where,) = [i for i, t in enumerate(sentences) if "critical limit" in t]
    assert any("TNF-α is 0.3 pg/mL, under" in t for t in sentences[:where]), sentences


def test_one_marker_on_two_rows_is_one_marker_for_the_verb() -> None:
    """'IL-6 are past the critical limit' was written when IL-6 was critical on two rows."""
    twice = [made_up_result("IL-6", Status.CRITICAL, 900, times=360) for _ in range(2)]
    text = " ".join(summarise_panel(twice).text)
    assert "IL-6 is at or past the critical limit." in text
    assert "IL-6 are" not in text
    # a fact and whom to ask, no advice (QA: 'This needs prompt medical attention.')
    assert "talked over with a healthcare provider soon" in text and "prompt" not in text
    unknown = [made_up_result("XYZ", Status.NO_REFERENCE, 5, reference=False) for _ in range(2)]
    assert "could not judge it." in " ".join(summarise_panel(unknown).text)
    low = [made_up_result("Ferritin", Status.LOW, 4, low=6, high=175) for _ in range(2)]
    assert " ".join(summarise_panel(low).text).count("under the lower limit") == 1


def test_markers_whose_range_depends_on_the_person_share_one_sentence() -> None:
    """A set with sex and age rows and a file without them: one sentence, not a dozen."""
    results = [
        made_up_result(name, Status.INDETERMINATE, 5, reference=False)
        for name in ("IL-2", "IL-4", "IL-10")
    ]
    text = " ".join(summarise_panel(results).text)
    # 'could not tell', not 'the file does not give': it may give them unreadably (QA)
    assert "The ranges for IL-2, IL-4 and IL-10 depend on sex or age, and panelcli could" in text
    assert "The range for" not in text
    one = " ".join(summarise_panel(results[:1]).text)
    assert (
        "The range for IL-2 depends on sex or age, and panelcli could not tell them from the file."
        in one
    )


def test_a_marker_the_set_has_is_not_said_to_have_no_range_in_it(tmp_path: Path) -> None:
    """A 10-year-old's Ferritin judged by an adult-only set was 'no reference range in this
    set', which the set plainly lists (found in review)."""
    path = tmp_path / "kid.csv"
    path.write_text("sample_id,marker,value,unit,sex,age\nKID,Ferritin,200,ug/L,female,10\n")
    (panel,) = check_file(str(path), ranges="mayo-adult").panels
    assert panel.summary.text[-1] == (
        "The ranges used have Ferritin, but no range that fits this person's age or sex, so "
        "panelcli could not judge it. Another list of ranges (a reference set), or the lab's own "
        "range, can be used."
    )


def test_a_result_too_many_times_the_limit_to_count_is_not_mild() -> None:
    """Its times_upper_limit is None (it overflowed); it counted as 0, 'mild' (found in
    review). So far past the range, its number or unit is said to need a check, and it is left
    out of the pattern (educator QA round 14: a unit slip made 'strong inflammation')."""
    huge = made_up_result("IL-6", Status.HIGH, 1e10, category="pro-inflammatory", times=None)
    huge = huge.model_copy(update={"reference": huge.reference.model_copy(update={"high": 1e-300})})  # type: ignore[union-attr]
    other = made_up_result("TNF-α", Status.HIGH, 8, category="pro-inflammatory", times=1.1)
    text = " ".join(summarise_panel([huge, other]).text)
    assert "mild" not in text
    assert "IL-6 is so far above the range that the number or the unit may be wrong." in text
    assert "The sentences below that read the results together leave that result out." in text


def test_several_values_of_one_wide_row_are_counted_as_values_not_rows() -> None:
    # A wide file has a column per marker: one row can hold several values that fail.
    two_in_one = [
        Issue(code="unit-missing", source="w.csv", line=2, column="IL-6", message="m"),
        Issue(code="value-not-a-number", source="w.csv", line=2, column="TNF-α", message="m"),
    ]
    assert report_sentences(two_in_one) == [
        "2 values in 1 row could not be used. Each one is listed with its line and the reason.",
        "1 value has no unit.",
        "1 value has a word or sign where a number should be.",
    ]
    one_per_row = [two_in_one[0], two_in_one[1].model_copy(update={"line": 3})]
    assert report_sentences(one_per_row)[0].startswith("2 rows could not be used.")


def test_a_value_of_less_than_zero_is_not_said_to_be_far_too_large(tmp_path: Path) -> None:
    """QA: '<0' was listed as 'value says less than 0' and summed up as 'far too large'."""
    path = tmp_path / "lt0.csv"
    path.write_text("sample_id,marker,value,unit\nX1,IL-6,<0,pg/mL\nX1,IL-8,5,pg/mL\n")
    report = check_file(path)
    assert [i.code for i in report.rejected] == ["value-impossible"]
    reason = report_sentences(report.rejected)[1]
    assert "less than 0" in reason and reason.startswith("1 row has")


def test_the_table_heads_a_wide_rows_refused_values_as_values(tmp_path: Path) -> None:
    wide = tmp_path / "wide.csv"
    wide.write_text("sample_id,IL-6 (pg/mL),TNF-a (pg/mL)\nS1,abc,#N/A\nS2,1.0,2.0\n")
    result = CliRunner().invoke(app, ["check", str(wide)])
    assert result.exit_code == 2
    said = " ".join(result.stdout.split())
    assert "Values that could not be used (2):" in said
    assert "2 values in 1 row could not be used." in said


def test_a_marker_high_once_and_too_low_once_is_not_called_no_problem() -> None:
    """IL-6 at 12.5 and '<2.0' in one sample: the summary said both '5 times the upper limit'
    and 'too low to measure ... It is not a problem' (found in QA)."""
    panel = constructed_panels()["measured twice: high and too low to measure"]
    text = " ".join(summarise_panel(panel).text)
    assert "It is not a problem" not in text
    assert "But IL-6 also had a result outside the range in this sample" in text
    alone = " ".join(summarise_panel(panel[1:]).text)
    assert "too low for the test to measure (IL-6). That is common in healthy people." in alone


@pytest.mark.parametrize(
    ("times", "said"),
    [(14.5, "15"), (16.5, "17"), (14.4, "14"), (4.25, "4.3"), (1.25, "1.3"), (1.45, "1.5")],
)
def test_times_the_upper_limit_is_rounded_as_people_round(times: float, said: str) -> None:
    """The table said 14.5 and the summary '14 times' (Python rounds halves to even; QA);
    below 10 too: 1.25 was said as 1.2 beside JSON's 1.25 (black-box test)."""
    result = made_up_result("IL-6", Status.HIGH, times * 2.5, times=times)
    assert f"IL-6 is {said} times the upper limit." in " ".join(summarise_panel([result]).text)


def test_no_reassurance_about_a_low_result_next_to_results_out_of_range() -> None:
    """IL-6 at 2000 times its limit, then 'IL-10 was too low to measure. That is usual for
    healthy people. It is not a problem.' read as an all-clear (found in QA)."""
    panel = [
        made_up_result("IL-6", Status.HIGH, 5000, category="pro-inflammatory", times=2000),
        made_up_result("IL-10", Status.NORMAL, 1.0, comparator="<"),
    ]
    text = " ".join(summarise_panel(panel).text)
    assert "1 result was too low for the test to measure (IL-10)." in text
    assert "healthy" not in text and "not a problem" not in text


def test_more_than_times_the_limit_is_rounded_down() -> None:
    """'>5000' over a limit of 14.5 (344.8 times) was 'more than 345 times' (found in QA)."""
    result = made_up_result(
        "TNF-α", Status.HIGH, 5000, comparator=">", times=5000 / 14.5, high=14.5
    )
    assert "TNF-α is more than 344 times the upper limit." in " ".join(
        summarise_panel([result]).text
    )
    small = made_up_result("TNF-α", Status.HIGH, 28.9, comparator=">", times=1.99, high=14.5)
    assert "more than 1.9 times" in " ".join(summarise_panel([small]).text)


def test_a_value_above_what_the_test_measures_gives_its_unit() -> None:
    """'sIL-2R is above 5, and the test does not say by how much': no unit (found in QA)."""
    result = made_up_result("sIL-2R", Status.INDETERMINATE, 5.0, comparator=">", high=858)
    assert "sIL-2R is above 5 pg/mL, and the test does not say by how much" in " ".join(
        summarise_panel([result]).text
    )


@pytest.mark.parametrize(
    ("value", "text"),
    [(0.00001, "0.00001"), (1e6, "1000000"), (1234567.891, "1234567.891"),
     (123456.7, "123456.7"), (10.40000001, "10.40000001"), (0.1 + 0.2, "0.3"), (2.5, "2.5"),
     (3.0, "3"), (0.0, "0")],
)  # fmt: skip
def test_a_number_is_written_as_a_lab_writes_it(value: float, text: str) -> None:
    from panelcli.values import number_text

    assert number_text(value) == text


def test_the_table_writes_no_exponent_and_does_not_round_a_value_onto_its_limit(
    tmp_path: Path,
) -> None:
    """'1e-05', '1e+06 (was 1 ug/mL)', '123457' for 123456.7, and 10.40000001 shown as its
    limit 10.4 beside 'high'; '400000.0 × upper limit' (found in QA)."""
    path = tmp_path / "numbers.csv"
    path.write_text(
        "sample_id,marker,value,unit\nS1,IL-6,0.00001,pg/mL\nS1,IL-2,1,ug/mL\n"
        "S1,IL-8,123456.7,pg/mL\nS1,IFN-γ,10.40000001,pg/mL\nS1,IL-10,>1234567,pg/mL\n",
        encoding="utf-8",
    )
    output = CliRunner(env={"COLUMNS": "250"}).invoke(app, ["check", str(path)]).output
    assert "e-05" not in output and "e+06" not in output
    assert "0.00001" in output and "1000000 (was 1 ug/mL)" in output and "123456.7" in output
    assert "10.40000001" in output
    # (in the table: the summary leaves a value so far past the range out of what it reads,
    # its unit may be wrong: educator QA round 14)
    assert "476,190 × upper limit" in output and "IL-2 is 476,190 times" not in output
    assert "more than 232,937 × upper limit" in output


def test_the_counts_sentence_agrees_with_the_bullets_below_it(tmp_path: Path) -> None:
    """'2 could not be judged' above '1 result could not be judged' (an indeterminate result
    and a marker with no range were counted together; found in QA)."""
    path = tmp_path / "one.csv"
    path.write_text(
        "sample_id,marker,value,unit\nS1,sIL-2R,100,pg/mL\nS1,IL-6,ND,pg/mL\nS1,FOO,3,pg/mL\n",
        encoding="utf-8",
    )
    text = check_file(str(path)).panels[0].summary.text
    assert text[0] == (
        "3 markers were tested. 1 is below the range, 1 could not be judged and 1 has no "
        "reference range."
    )
    assert any(sentence.startswith("1 result could not be judged.") for sentence in text)


def test_il12_p40_is_never_offered_as_an_alias_of_il12_p70(tmp_path: Path) -> None:
    """Mayo's IL-12 p70 names its form, yet the note said to add 'IL-12 p40' to its aliases,
    which the facts and the set say never to do (found in review)."""
    from panelcli.check import CheckOptions

    path = tmp_path / "p40.csv"
    path.write_text("sample_id,marker,value,unit\nA,IL-12 p40,10,pg/mL\nA,IL-12 p70,10,pg/mL\n")
    panel = check_file(str(path), "mayo-adult", CheckOptions(age=40)).panels[0]
    note = panel.results[0].note or ""
    assert "aliases" not in note and "IL-12 p70 in this set is another form of it" in note
    text = " ".join(panel.summary.text)
    assert "1 is inside the range and 1 has no reference range" in text
    assert "spelled right" not in text


def test_a_high_ferritin_is_said_as_explain_says_it(tmp_path: Path) -> None:
    """The summary said 'a sign of infection or inflammation' (its group's words), explain
    'of inflammation or of too much iron' (found in review)."""
    from panelcli.check import CheckOptions

    path = tmp_path / "fe.csv"
    path.write_text("sample_id,marker,value,unit\nA,Ferritin,900,ug/L\n")
    options = CheckOptions(sex="female", age=40)
    text = " ".join(check_file(str(path), "mayo-adult", options).panels[0].summary.text)
    said = "A high level can be a sign of infection, inflammation or too much iron."
    assert said in text
    found = explaining.explain("Ferritin")
    assert found is not None and found.raised is not None and found.raised.startswith(said)


@pytest.mark.parametrize(
    "marker",
    ["IL-1β", "IL-2", "sIL-2R", "IL-4", "IL-5", "IL-6", "IL-8", "IL-10", "IL-12", "IL-13",
     "IL-17", "IFN-γ", "TNF-α", "GM-CSF", "CRP"],
)  # fmt: skip
def test_explain_says_a_high_level_as_the_summary_does(tmp_path: Path, marker: str) -> None:
    """Educator QA: explain said IL-2 high 'can be a sign that the immune system is very
    active', the summary 'a sign of an immune response, for example to germs' (and IL-8, IL-6,
    IL-5, IL-12 alike): one sentence each, explain adding to it."""
    ranges = "mayo-adult" if marker in ("CRP", "GM-CSF") else "arup-3002601"
    entry = load_ranges(ranges).markers[marker]
    high = entry.high if entry.high is not None else entry.intervals[0].high  # CRP: all ages
    assert high is not None
    path = tmp_path / "one.csv"  # twice the upper limit: high, nothing more to say
    path.write_text(f"sample_id,marker,value,unit\nA,{marker},{high * 2},{entry.unit}\n")
    (panel,) = check_file(str(path), ranges, CheckOptions(sex="female", age=40)).panels
    (sign,) = [
        s for t in panel.summary.text for s in sentences(t) if s.startswith("A high level can")
    ]
    found = explaining.explain(marker)
    assert found is not None and found.raised is not None and found.raised.startswith(sign)


def test_ferritin_high_beside_crp_is_said_as_explain_says_it(tmp_path: Path) -> None:
    """QA: CRP and Ferritin high together got only their group's 'a sign of infection or
    inflammation', while explain said 'inflammation or of too much iron'."""
    from panelcli.check import CheckOptions

    path = tmp_path / "fe.csv"
    path.write_text("sample_id,marker,value,unit\nA,Ferritin,900,ug/L\nA,CRP,12,mg/L\n")
    options = CheckOptions(sex="female", age=40)
    text = " ".join(check_file(str(path), "mayo-adult", options).panels[0].summary.text)
    assert "Ferritin and CRP are high." in text
    found = explaining.explain("Ferritin")
    assert found is not None and found.raised is not None
    high = found.raised.split(". ")[0]  # 'A high level can be a sign of …'
    assert f"For Ferritin, {high[0].lower()}{high[1:]}." in text


def test_times_the_upper_limit_is_said_from_the_value_not_the_rounded_figure(
    tmp_path: Path,
) -> None:
    """2.6249 over 2.5 is 1.04996: stored as 1.05, it was said again as "1.1 ×" (found in QA)."""
    path = tmp_path / "r.csv"
    path.write_text("sample_id,marker,value,unit\nS1,IL-6,2.6249,pg/mL\n", encoding="utf-8")
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["check", str(path)])
    assert "IL-6 is just above the upper limit." in result.output
    assert "× upper limit" not in result.output


def test_two_raised_inflammation_markers_are_both_not_several(write_csv) -> None:
    """QA: 'IL-6 and TNF-α are high. … Several of them are high at the same time.'"""
    two = check_file(write_csv("marker,value,unit\nIL-6,10,pg/mL\nTNF-α,50,pg/mL\n"))
    three = check_file(
        write_csv("marker,value,unit\nIL-6,10,pg/mL\nTNF-α,50,pg/mL\nIL-1β,20,pg/mL\n")
    )
    assert "Both of them are high at the same time." in " ".join(two.panels[0].summary.text)
    assert "Several of them are high at the same time." in " ".join(three.panels[0].summary.text)


def test_micrograms_are_written_with_the_micro_sign_in_sentences(write_csv) -> None:
    """QA: 'Ferritin is 3 ug/L, under the lower limit of 6 ug/L' (the set's ASCII spelling)."""
    from panelcli.check import CheckOptions

    options = CheckOptions(sex="female", age=40)
    path = write_csv("marker,value,unit\nFerritin,3,ug/L\n")
    report = check_file(path, ranges="mayo-adult", options=options)
    text = " ".join(report.panels[0].summary.text)
    assert "Ferritin is 3 µg/L, under the lower limit of 6 µg/L." in text


def test_values_that_read_two_ways_are_said_so_in_one_sentence() -> None:
    """'<1.000' where ',' may be the decimal mark was said to be a test that could not measure
    low enough; the reason is how the number is written (see Interpreter._doubt_grouping)."""
    note = "'<1.000' may be <1 or <1000 ('.' may group thousands where ',' is the decimal mark)"
    unclear = [
        made_up_result(name, Status.INDETERMINATE, 1, comparator="<").model_copy(
            update={"note": note, "doubt": Doubt(1000.0)}
        )
        for name in ("IL-6", "IL-8")
    ]
    text = " ".join(summarise_panel(unclear).text)
    assert "The numbers for IL-6 and IL-8 can be read in two ways" in text
    assert "low enough" not in text
    one = " ".join(summarise_panel(unclear[:1]).text)
    assert "The number for IL-6 can be read in two ways" in one and "low enough" not in one


def test_a_file_stopped_part_way_is_no_row_of_the_rows_counted(tmp_path: Path) -> None:
    """QA (lab round): two wide rows and a 'DataType:' line that stops the file were '4 values
    in 3 rows'; the file is said apart, and the heading still says values and files."""
    path = tmp_path / "w7.csv"
    path.write_text("Sample,IL-6,TNF-α\nS1,1,2\nS2,3,4\nDataType:,Units\n", encoding="utf-8")
    report = check_file(path)
    assert report_sentences(report.rejected)[0].startswith("4 values in 2 rows could not be used")
    result = CliRunner().invoke(app, ["check", str(path)], env={"COLUMNS": "200"})
    assert "Values and files that could not be used (5):" in result.stdout
    path.write_text("sample_id,marker,value,unit\nS1,IL-6,x,pg/mL\nDataType:,Units\n")
    result = CliRunner().invoke(app, ["check", str(path)], env={"COLUMNS": "200"})
    assert "Rows and files that could not be used (2):" in result.stdout


def test_a_units_block_that_stops_the_file_says_where_units_can_go(tmp_path: Path) -> None:
    """QA (lab round): xPONENT's own 'DataType:,Units' block stopped the file with no word of
    how to give panelcli the units."""
    path = tmp_path / "xp.csv"
    path.write_text("Sample,IL-6,TNF-α\nS1,1,2\nDataType:,Units\nS1,pg/mL,pg/mL\n")
    (stopped,) = [i for i in check_file(path).rejected if i.code == "file-unreadable"]
    assert stopped.message.endswith(
        "to have the units read, put them in the table's header (as in 'IL-6 (pg/mL)') or in a "
        "row of units under it, or use --assume-unit"
    )
    path.write_text("Sample,IL-6 (pg/mL)\nS1,1\nDataType:,Count\nS1,50\n")
    (stopped,) = [i for i in check_file(path).rejected if i.code == "file-unreadable"]
    assert stopped.message.endswith("this line and every line after it were not read")


def test_a_wide_row_refused_whole_is_counted_as_a_row_beside_values(tmp_path: Path) -> None:
    """Regression QA: 'S2,,' beside two values with no unit made '3 values in 2 rows' and
    '1 value has no values at all'."""
    path = tmp_path / "y1.csv"
    path.write_text("Sample ID,IL-6,IL-8\nS1,3,4\nS2,,\n", encoding="utf-8")
    assert report_sentences(check_file(path).rejected) == [
        "2 values in 1 row and 1 whole row could not be used. Each one is listed with its line "
        "and the reason.",
        "2 values have no unit.",
        "1 row has no values at all.",
    ]


def test_the_times_figure_agrees_with_json_in_the_table_and_the_summary(tmp_path: Path) -> None:
    """Black-box test: GM-CSF 25 over a high of 20 was '1.2 × upper limit' and '1.2 times' (the
    float 1.25 rounded half to even) while JSON said 1.25; 29 over 20 (1.4499… as a float) the
    same. Both are said rounded half up, as people round."""
    ranges = tmp_path / "g.toml"
    ranges.write_text('[markers."GM-CSF"]\nunit = "pg/mL"\nhigh = 20\nsource = "x"\n')
    path = tmp_path / "g.csv"
    path.write_text("sample_id,marker,value,unit\nS1,GM-CSF,25,pg/mL\nS2,GM-CSF,29,pg/mL\n")
    runner = CliRunner(env={"COLUMNS": "200"})
    document = json.loads(
        runner.invoke(app, ["check", str(path), "-r", str(ranges), "-f", "json"]).stdout
    )
    assert [p["results"][0]["times_upper_limit"] for p in document["panels"]] == [1.25, 1.45]
    output = runner.invoke(app, ["check", str(path), "-r", str(ranges)]).stdout
    for said in ("1.3", "1.5"):
        assert f"{said} × upper limit" in output
        assert f"GM-CSF is {said} times the upper limit." in output
    assert "1.2 ×" not in output and "1.4 ×" not in output


@pytest.mark.parametrize(
    ("value", "figure", "said"),
    [("24.999", 1.25, "1.3 × upper limit"), ("28.999", 1.45, "1.5 × upper limit"),
     ("209.9", 10.5, "11 × upper limit"), ("21", 1.05, "1.1 × upper limit"),
     ("20.99", 1.05, "just above upper limit")],
)  # fmt: skip
def test_the_tables_figure_is_the_json_figure_rounded(
    tmp_path: Path, value: str, figure: float, said: str
) -> None:
    """QA: JSON and CSV said 1.25 where the table said '1.2 ×' (it rounded 24.999 / 20 itself);
    only 'just above' is decided by the value (20.99 / 20 is 1.0495, under 1.05)."""
    ranges = tmp_path / "g.toml"
    ranges.write_text('[markers."IL-6"]\nunit = "pg/mL"\nhigh = 20\nsource = "x"\n')
    path = tmp_path / "g.csv"
    path.write_text(f"sample_id,marker,value,unit\nS1,IL-6,{value},pg/mL\n", encoding="utf-8")
    runner = CliRunner(env={"COLUMNS": "200"})
    document = json.loads(runner.invoke(app, ["check", str(path), "--ranges", str(ranges),
                                              "-f", "json"]).stdout)  # fmt: skip
    assert document["panels"][0]["results"][0]["times_upper_limit"] == figure
    assert said in runner.invoke(app, ["check", str(path), "--ranges", str(ranges)]).stdout


def test_a_value_known_only_below_an_excluded_low_limit_gets_no_at_the_limit_note(
    tmp_path: Path,
) -> None:
    """QA: '<5' against '> 5' (low 5, excluded) got the note 'at lower limit, counts as low',
    which reads as the value being 5; its sentence says 'less than 5'."""
    ranges = tmp_path / "lo.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nlow = 5\nlow_exclusive = true\nhigh = 20\nsource = "x"\n'
    )
    path = tmp_path / "c.csv"
    path.write_text("sample_id,marker,value,unit\nE,IL-6,<5,pg/mL\n", encoding="utf-8")
    table = CliRunner(env={"COLUMNS": "200"}).invoke(
        app, ["check", str(path), "--ranges", str(ranges)]
    )
    assert "IL-6 is less than 5 pg/mL, which counts as below the range." in table.stdout
    assert "at lower limit" not in table.stdout


def test_a_converted_value_that_wrote_its_unit_is_not_said_with_it_twice(tmp_path: Path) -> None:
    """Regression QA: '(was >0.0249 ng/mL ng/mL)' for a value cell that gave its own unit."""
    path = tmp_path / "c.csv"
    path.write_text("sample_id,marker,value,unit\nC,IL-6,>0.0249 ng/mL,\n", encoding="utf-8")
    table = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["check", str(path)]).stdout
    assert "(was >0.0249 ng/mL)" in table


def test_a_marker_high_in_several_results_is_said_in_one_sentence() -> None:
    """QA: 'IL-6 is 1.8 times the upper limit. IL-6 is 1.2 times … IL-6 is 1.6 times …' read
    as one thing said again and again."""
    panel = [
        made_up_result("IL-6", Status.HIGH, 4.5, category="pro-inflammatory", times=1.8),
        made_up_result("IL-6", Status.HIGH, 3.0, category="pro-inflammatory", times=1.2),
        made_up_result("IL-6", Status.HIGH, 4.0, category="pro-inflammatory", times=1.6),
        made_up_result("TNF-α", Status.HIGH, 5000, category="pro-inflammatory", times=344.8),
    ]
    text = " ".join(summarise_panel(panel).text)
    assert "IL-6 is above the range in 3 results: 1.8, 1.2 and 1.6 times the upper limit." in text
    assert text.count("IL-6 is") == 1
    assert "TNF-α is 345 times the upper limit." in text
    # Phrases that are not a figure are listed as they are.
    mixed = [
        made_up_result("IL-6", Status.HIGH, 4.5, times=1.8),
        made_up_result("IL-6", Status.HIGH, 2.55, times=1.02),
    ]
    said = " ".join(summarise_panel(mixed).text)
    assert (
        "IL-6 is above the range in 2 results: 1.8 times the upper limit and just above the "
        "upper limit." in said
    )


_SEX_AND_CRITICAL_SET = """
[set]
name = "by sex"
version = "1"
[markers."IL-6"]
unit = "pg/mL"
category = "pro-inflammatory"
source = "made up for a test"
[[markers."IL-6".intervals]]
sex = "female"
high = 5.0
[[markers."IL-6".intervals]]
sex = "male"
high = 7.0
[markers."TNF-α"]
unit = "pg/mL"
high = 8.0
category = "pro-inflammatory"
source = "made up for a test"
[markers."IL-1β"]
unit = "pg/mL"
critical_high = 100
category = "pro-inflammatory"
source = "made up for a test"
"""


@pytest.mark.parametrize(
    ("rows", "strength"),
    [
        # '8.500' may be 8.5 or 8500: only 1.06 times the limit is certain (QA: 'strong')
        ("S1;IL-6;8;pg/mL\nS1;TNF-α;8.500;pg/mL\n", "mild"),
        # at least 71 times either sex's limit (QA: 'mild', as no one range was used), beside
        # a TNF-α under 3 times: no word (educator QA round 21: 'strong' by one marker alone)
        ("S1;IL-6;500;pg/mL\nS1;TNF-α;9;pg/mL\n", None),
        ("S1;IL-6;500;pg/mL\nS1;TNF-α;30;pg/mL\n", "strong"),
        # past a critical limit, with no range (QA: 'mild' beside 'past the critical limit')
        ("S1;IL-1β;5000;pg/mL\nS1;TNF-α;9;pg/mL\n", "strong"),
        ("S1;IL-6;6;pg/mL\nS1;TNF-α;9;pg/mL\n", None),  # high for a woman only: no pattern
        ("S1;IL-6;8;pg/mL\nS1;TNF-α;9;pg/mL\n", "mild"),
    ],
)
def test_the_strength_of_inflammation_is_what_is_certain(
    tmp_path: Path, rows: str, strength: str | None
) -> None:
    ranges = tmp_path / "by-sex.toml"
    ranges.write_text(_SEX_AND_CRITICAL_SET, encoding="utf-8")
    path = tmp_path / "panel.csv"
    path.write_text("sample_id;marker;value;unit\n" + rows, encoding="utf-8")
    text = " ".join(check_file(str(path), ranges=str(ranges)).panels[0].summary.text)
    said = re.findall(r"a sign of (\w+) inflammation in the body", text)
    assert said == ([strength] if strength else []), text


def test_a_value_read_two_ways_or_in_an_assumed_unit_is_not_very_high_for_certain(
    tmp_path: Path,
) -> None:
    """QA: IL-6 '2.600' and IFN-γ '10.500' (each 1.04 times its limit, or a thousand times)
    were 'very high', and the immune system said to be 'in overdrive'."""
    path = tmp_path / "dots.csv"
    path.write_text(
        "sample_id;marker;value;unit\nS1;IL-6;2.600;pg/mL\nS1;IFN-γ;10.500;pg/mL\n"
        "S1;IL-10;6;pg/mL\n",
        encoding="utf-8",
    )
    (panel,) = check_file(str(path)).panels
    text = " ".join(panel.summary.text)
    assert "overdrive" not in text and "very high" not in text
    assert panel.results[0].times_upper_limit is None  # not written: it is not known
    # No unit in the file, ng/mL assumed: 3 ng/mL is 1,200 times the limit, 3 pg/mL 1.2 times
    path.write_text(
        "sample_id,marker,value\nS1,IL-6,3\nS1,IFN-γ,11\nS1,IL-10,6\n", encoding="utf-8"
    )
    (panel,) = check_file(str(path), options=CheckOptions(assume_unit="ng/mL")).panels
    assert [r.status for r in panel.results] == [Status.HIGH] * 3
    assert "overdrive" not in " ".join(panel.summary.text)


def test_a_critically_low_marker_is_not_very_high(tmp_path: Path) -> None:
    """QA: IL-6 at 0.1 (critically low, 'LL') beside a high IFN-γ and IL-10 was 'very high',
    and the immune system said to be 'in overdrive'."""
    ranges = tmp_path / "min.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nlow = 0.5\nhigh = 2.5\ncritical_low = 0.2\n'
        'category = "pro-inflammatory"\nsource = "qa"\n'
        '[markers."IFN-γ"]\nunit = "pg/mL"\nhigh = 10.4\ncategory = "Th1"\nsource = "qa"\n'
        '[markers."IL-10"]\nunit = "pg/mL"\nhigh = 5.3\ncategory = "regulatory"\nsource = "qa"\n',
        encoding="utf-8",
    )
    path = tmp_path / "panel.csv"
    path.write_text(
        "sample_id,marker,value,unit\nS1,IL-6,0.1,pg/mL\nS1,IFN-γ,150,pg/mL\nS1,IL-10,9,pg/mL\n",
        encoding="utf-8",
    )
    text = " ".join(check_file(str(path), ranges=str(ranges)).panels[0].summary.text)
    assert "overdrive" not in text and "very high" not in text


@pytest.mark.parametrize(
    ("birth_date", "collected_at"),
    [("2008-03-20", "03/04/2026"), ("03/04/2008", "2026-03-20"), ("03/04/2008", "03/04/2026")],
)
def test_an_age_in_doubt_for_a_date_of_two_days_is_said_so(
    tmp_path: Path, birth_date: str, collected_at: str
) -> None:
    """QA: with sex and birth date in the file, a collection date '03/04/2026' left IL-1β
    unjudged, and the summary blamed 'sex or age … could not tell them from the file' (review:
    with both dates so too)."""
    path = tmp_path / "dates.csv"
    path.write_text(
        "sample_id,birth_date,sex,collected_at,marker,value,unit\n"
        f"S1,{birth_date},female,{collected_at},IL-1β,10,pg/mL\n",
        encoding="utf-8",
    )
    (panel,) = check_file(str(path), ranges="mayo-adult").panels
    assert panel.summary.text[-1] == (
        "1 result could not be judged. The range for IL-1β depends on age, and panelcli could "
        "not tell it from the file: a date there can mean two different days (see the note)."
    )


def test_the_overdrive_sentence_names_the_markers_as_the_table_does(tmp_path: Path) -> None:
    """QA: a lab's set naming them 'Interleukin 6', 'Interferon gamma' and 'Interleukin 10'
    got 'IL-6 and IFN-γ are very high, and IL-10 is high too', names found nowhere else."""
    ranges = tmp_path / "names.toml"
    ranges.write_text(
        '[markers."Interleukin 6"]\nunit = "pg/mL"\nhigh = 2.5\ncategory = "pro-inflammatory"\n'
        'source = "qa"\n[markers."Interferon gamma"]\nunit = "pg/mL"\nhigh = 10.4\n'
        'category = "Th1"\nsource = "qa"\n[markers."Interleukin 10"]\nunit = "pg/mL"\n'
        'high = 5.3\ncategory = "regulatory"\nsource = "qa"\n',
        encoding="utf-8",
    )
    path = tmp_path / "panel.csv"
    path.write_text(
        "sample_id,marker,value,unit\nS1,Interleukin 6,50,pg/mL\nS1,Interferon gamma,150,pg/mL\n"
        "S1,Interleukin 10,9,pg/mL\n",
        encoding="utf-8",
    )
    text = " ".join(check_file(str(path), ranges=str(ranges)).panels[0].summary.text)
    assert (
        "Interleukin 6 and Interferon gamma are very high, and Interleukin 10 is high too. "
        "This pattern can be a sign that the immune system is in overdrive." in text
    )


def test_a_marker_low_in_several_results_is_said_once(tmp_path: Path) -> None:
    """QA: 'sIL-2R is 100 pg/mL, under the lower limit of 266.5 pg/mL. sIL-2R is 150 pg/mL,
    under the lower limit of 266.5 pg/mL.' read as the same thing said twice."""
    path = tmp_path / "low.csv"
    path.write_text(
        "sample_id,marker,value,unit\nS1,sIL-2R,100,pg/mL\nS1,sIL-2R,150,pg/mL\n", encoding="utf-8"
    )
    text = " ".join(check_file(str(path)).panels[0].summary.text)
    assert (
        "sIL-2R is under the range in 2 results: 100 pg/mL and 150 pg/mL, under the lower limit "
        "of 266.5 pg/mL." in text
    )
    assert text.count("under the lower limit") == 1


def test_explain_says_what_a_high_level_is_a_sign_of_as_the_summary_does() -> None:
    """QA: explain said 'strong inflammation' of any high IL-6 or IL-10, the word the summary
    gave up (a value just past the limit is a high level too): a teacher comparing the two got
    the more alarming text from explain."""
    texts = explaining._texts()["markers"]
    for name, words in texts.items():  # type: ignore[union-attr]
        assert "strong" not in str(words.get("raised", "")).casefold(), name  # type: ignore[attr-defined]


def test_each_refused_row_has_its_reason_in_plain_words(tmp_path: Path) -> None:
    """QA: a comparator panelcli cannot read, one that contradicts the value, and a unit that
    is no concentration were only 'a problem that is explained in the list'."""
    path = tmp_path / "reasons.csv"
    path.write_text(
        "sample_id,marker,value,unit,comparator\n"
        "R1,IL-6,2.0,pg/mL,~\nR1,IL-8,<2,pg/mL,>\nR1,IFN-γ,3,MFI,\nR1,IL-10,4,pg/mL,\n",
        encoding="utf-8",
    )
    report = check_file(str(path))
    said = " ".join(report_sentences(report.rejected))
    assert "explained in the list" not in said
    for code in ("comparator-unreadable", "comparator-conflict", "unit-not-concentration"):
        assert REJECTED_REASON[code] in said


def test_a_name_panelcli_does_not_know_may_still_be_a_real_marker_s(tmp_path: Path) -> None:
    """QA: IL-18, a real cytokine no bundled set lists, was only told to be checked for its
    spelling, as if it were a typo."""
    path = tmp_path / "il18.csv"
    path.write_text("sample_id,marker,value,unit\nS1,IL-18,900,pg/mL\n", encoding="utf-8")
    (panel,) = check_file(str(path)).panels
    assert panel.summary.text[-1] == (
        "IL-18 has no reference range in the ranges used, so panelcli could not judge it. Check "
        "that the name is spelled right. If it is, another list of ranges (a reference set), or "
        "the lab's own range, can be used."
    )


SEX_CRITICAL = (
    '[markers."IL-6"]\nunit = "pg/mL"\nsource = "t"\n'
    '[[markers."IL-6".intervals]]\nsex = "female"\nhigh = 7.0\ncritical_high = 100\n'
    '[[markers."IL-6".intervals]]\nsex = "male"\nhigh = 7.0\ncritical_high = 300\n'
)
CENSORED_CRITICAL = (
    '[markers."IL-6"]\nunit = "pg/mL"\nsource = "t"\nhigh = 7\ncritical_high = 500\n'
)


@pytest.mark.parametrize(
    ("ranges", "value", "said"),
    [
        (SEX_CRITICAL, "150", "IL-6 could be past the critical limit. By the range for "
         "female, it is past it, but the file does not say which range is the person's."),
        (CENSORED_CRITICAL, ">100", "IL-6 is more than 100 pg/mL, so it could be past the "
         "critical limit of 500 pg/mL."),
        # QA: both at once ('>20', high by either sex's range) lost it again
        (SEX_CRITICAL, ">20", "IL-6 is more than 20 pg/mL, so it could be past the critical "
         "limit."),
    ],
)  # fmt: skip
def test_a_result_that_may_be_critical_is_said_so_in_the_summary(
    tmp_path: Path, ranges: str, value: str, said: str
) -> None:
    """QA: the note said 'critical by the one for female' (or 'it could reach the critical
    limit'), but the summary only said high: a reader of the summary missed it."""
    (tmp_path / "set.toml").write_text(ranges, encoding="utf-8")
    (tmp_path / "data.csv").write_text(
        f"sample_id,marker,value,unit\nX,IL-6,{value},pg/mL\n", encoding="utf-8"
    )
    (panel,) = check_file(str(tmp_path / "data.csv"), ranges=str(tmp_path / "set.toml")).panels
    assert panel.results[0].status.value == "high"  # the severity that is certain
    said_all = " ".join(panel.summary.text)
    assert f"{said} A result like this should be talked over with a healthcare provider soon." in (
        said_all
    )
    assert all(grade(s) <= MAX_GRADE for t in panel.summary.text for s in sentences(t))


def test_the_table_writes_a_unit_as_the_summary_does(tmp_path: Path) -> None:
    """QA: the table's 'ug/L' beside the summary's 'µg/L' read as two units for one result;
    json and csv keep the set's spelling (data)."""
    path = tmp_path / "ferritin.csv"
    path.write_text("sample_id,sex,age,marker,value,unit\nS1,M,40,Ferritin,20,ug/L\n")
    args = ["check", str(path), "--ranges", "mayo-adult"]
    runner = CliRunner()
    table = runner.invoke(app, args, env={"COLUMNS": "200"}).stdout
    assert "│ µg/L " in table and "ug/L" not in table.split("Reference set:")[0]
    assert "under the lower limit of 31 µg/L" in table
    data = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    assert data["panels"][0]["results"][0]["unit"] == "ug/L"
    # review: the trends table too
    path.write_text(
        "sample_id,patient_id,collected_at,sex,age,marker,value,unit\n"
        "S1,P1,2026-01-01,M,40,Ferritin,20,ug/L\nS2,P1,2026-02-01,M,40,Ferritin,25,ug/L\n"
    )
    table = runner.invoke(app, args, env={"COLUMNS": "200"}).stdout
    assert "20 → 25 µg/L" in table and "31 - 409 µg/L" in table
    assert "ug/L" not in table.split("Reference set:")[0]


def test_one_marker_raised_alike_in_two_results_is_said_once_with_how_often(
    tmp_path: Path,
) -> None:
    """QA: 'IL-6 is above the range in 4 results: above the upper limit, …, and above the upper
    limit' said one thing twice in a 31-word sentence."""
    path = tmp_path / "three.csv"
    path.write_text(
        "sample_id,marker,value,unit\nS,IL-6,30,pg/mL\nS,IL-6,30,pg/mL\nS,IL-6,40,pg/mL\n"
    )
    said = check_file(str(path)).panels[0].summary.text
    assert (
        "IL-6 is above the range in 3 results: 12 times the upper limit (in 2 results) and 16 "
        "times the upper limit."
    ) in " ".join(said)


def test_a_value_with_no_number_is_not_blamed_on_a_missing_sex(tmp_path: Path) -> None:
    """QA: 'ND' of a marker whose range depends on sex was said to want 'sex or age', though
    the file gave the age and no range would judge a value with no number."""
    two_sexes = SEX_CRITICAL.replace("high = 7.0\ncritical_high = 300", "high = 10.0")
    (tmp_path / "set.toml").write_text(two_sexes.replace("IL-6", "IL-8") + SEX_CRITICAL)
    path = tmp_path / "nd.csv"
    path.write_text(
        "sample_id,sex,age,marker,value,unit\nQ1,,40,IL-6,ND,pg/mL\nQ2,,40,IL-6,ND,pg/mL\n"
        "Q2,,40,IL-8,8,pg/mL\nQ2,,40,IL-8,9,pg/mL\n"
    )
    first, second = check_file(str(path), ranges=str(tmp_path / "set.toml")).panels
    no_number = "IL-6 was below what the test can measure. The result has no number"
    assert no_number in " ".join(first.summary.text)
    said = " ".join(second.summary.text)
    assert no_number in said and "The range for IL-8 depends on sex" in said
    assert "sex or age" not in said + " ".join(first.summary.text)


def test_a_result_critical_by_one_sex_and_normal_by_the_other_says_it_may_be_critical(
    tmp_path: Path,
) -> None:
    """QA: 450 µg/L, critical by the range for women and normal by the one for men, was
    'could not be judged' with no word of a possible critical value (exit 0)."""
    (tmp_path / "set.toml").write_text(
        '[markers."Ferritin"]\nunit = "ug/L"\n[[markers."Ferritin".intervals]]\nsex = "female"\n'
        'low = 10\nhigh = 150\ncritical_high = 400\n[[markers."Ferritin".intervals]]\n'
        'sex = "male"\nlow = 30\nhigh = 500\ncritical_high = 1000\n'
    )
    (tmp_path / "data.csv").write_text("sample_id,marker,value,unit\nA,Ferritin,450,ug/L\n")
    (panel,) = check_file(str(tmp_path / "data.csv"), ranges=str(tmp_path / "set.toml")).panels
    assert panel.results[0].status.value == "indeterminate"
    assert (
        "Ferritin could be past the critical limit. By the range for female, it is past it, but "
        "the file does not say which range is the person's. A result like this should be talked "
        "over with a healthcare provider soon."
    ) in panel.summary.text


def test_rows_named_with_commas_are_listed_without_them(tmp_path: Path) -> None:
    """Review: 'By the range for female, under age 0.5 or for male, under age 0.5, it is past
    it' ran each row's comma into the list's."""
    from panelcli.check import check_file

    ranges = tmp_path / "set.toml"
    rows = "".join(
        f'[[markers."IL-8".intervals]]\nsex = "{sex}"\n{ages}\nhigh = 10.0\n{critical}'
        for sex, ages, critical in (
            ("female", "age_max = 18", "critical_high = 100\n"),
            ("female", "age_min = 18", ""),
            ("male", "age_max = 18", "critical_high = 120\n"),
            ("male", "age_min = 18", ""),
        )
    )  # fmt: skip
    ranges.write_text(f'[markers."IL-8"]\nunit = "pg/mL"\nsource = "x"\n{rows}', encoding="utf-8")
    data = tmp_path / "data.csv"
    data.write_text("sample_id,marker,value,unit\nA,IL-8,150,pg/mL\n", encoding="utf-8")
    said = " ".join(check_file(str(data), str(ranges)).panels[0].summary.text)
    assert "By the range for female under age 18 or for male under age 18, it is past it" in said


def test_trend_sentences_on_left_out_samples_and_two_day_dates_stay_plain(
    tmp_path: Path,
) -> None:
    """QA: 'These changes leave out … : IL-6 was critically high in sample E5 and sample E4,
    and IL-6 was high in sample E2.' was grade 9.9, and the two-day date sentence with
    'February' in it 9.1."""
    from panelcli.check import check_file

    ranges = tmp_path / "set.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nhigh = 7.0\ncritical_high = 100\nsource = "t"\n',
        encoding="utf-8",
    )
    data = tmp_path / "t.csv"
    data.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "E1,P5,2026-03-01,IL-6,50,pg/mL\nE2,P5,02/03/2026,IL-6,50,pg/mL\n"
        "E3,P5,2026-05-01,IL-6,3,pg/mL\nE4,P5,1900-01-01,IL-6,150,pg/mL\n"
        "E5,P5,,IL-6,150,pg/mL\nE6,P5,2026-04-01,IL-6,5,pg/mL\n",
        encoding="utf-8",
    )
    (trend,) = check_file(str(data), ranges=str(ranges)).trends
    assert all(grade(s) <= MAX_GRADE for t in trend.text for s in sentences(t)), trend.text


def test_a_low_ferritin_is_said_in_plain_words_in_check_and_explain(tmp_path) -> None:
    """QA: 'A low level of Ferritin can be a sign …': a capital mid-sentence, in both."""
    from typer.testing import CliRunner

    from panelcli.cli import app

    path = tmp_path / "ferritin.csv"
    path.write_text("sample_id,marker,value,unit,sex,age\nA,Ferritin,20,ug/L,M,40\n")
    runner = CliRunner()
    for args in (["check", str(path), "--ranges", "mayo-adult"], ["explain", "Ferritin"]):
        said = " ".join(runner.invoke(app, args, env={"COLUMNS": "200"}).stdout.split())
        assert "A low level of ferritin can be a sign of too little iron." in said, args


def test_todays_new_sentences_are_grade_8_or_below(tmp_path: Path) -> None:
    """Review: the pending sentence scored 8.7; the sentences added this stop are held to the
    same bar as the others (pending or cancelled tests, a unit slip, a lab's flag against
    its own range, a critical limit's side)."""
    ranges = tmp_path / "crit.toml"
    ranges.write_text(
        '[markers."IL-6"]\nunit = "pg/mL"\nhigh = 7.0\ncritical_high = 100\nsource = "x"\n'
        '[markers."IL-8"]\nunit = "pg/mL"\nlow = 5\nhigh = 10.0\ncritical_low = 2\nsource = "x"\n',
        encoding="utf-8",
    )
    data = tmp_path / "data.csv"
    data.write_text(
        "sample_id,marker,value,unit,result_status,flag,reference_range\n"
        "S1,IL-6,150,pg/mL,F,N,0-5\nS1,IL-8,1,pg/mL,F,,\nS1,TNF-α,,pg/mL,I,,\n"
        "S1,IL-10,,pg/mL,D,,\nS2,IL-6,12,mg/L,F,,\nS2,IL-8,,pg/mL,pending,,\n"
        "S2,IL-10,,pg/mL,pending,,\n",
        encoding="utf-8",
    )
    report = check_file(str(data), ranges=str(ranges))
    said = [s for p in report.panels for t in p.summary.text for s in sentences(t)]
    assert any("not back yet" in s for s in said) and any("so far above" in s for s in said)
    too_hard = [f"{grade(s):.1f} {s}" for s in said if grade(s) > MAX_GRADE]
    assert not too_hard, too_hard


@pytest.mark.parametrize(
    ("il6", "said", "strength"),
    [("7.45", "2.9", "mild"), ("7.5", "3", "strong"), ("7.4", "2.9", "mild")],
)  # fmt: skip
def test_a_figure_is_not_rounded_up_to_a_cut_off_its_words_do_not_reach(
    tmp_path: Path, il6: str, said: str, strength: str
) -> None:
    """Educator QA: IL-6 at 7.45 (2.98 times its limit of 2.5) was '3 times the upper limit'
    beside 'mild inflammation', and at 7.5 '3 times' beside 'strong': below a cut-off (3, 10)
    the figure is rounded down (7.4, 2.96 times, beside TNF-α under 3 times: also 'mild')."""
    path = tmp_path / "r.csv"
    # strong only where two markers are 3 times up (educator QA round 21), mild where none is
    tnf = "50" if strength == "strong" else "15"
    path.write_text(f"sample_id,marker,value,unit\nS1,IL-6,{il6},pg/mL\nS1,TNF-α,{tnf},pg/mL\n")
    text = " ".join(check_file(str(path)).panels[0].summary.text)
    assert f"IL-6 is {said} times the upper limit." in text
    assert f"a sign of {strength} inflammation" in text


def test_a_result_ten_times_its_limit_or_more_is_to_be_talked_over_soon(tmp_path: Path) -> None:
    """Educator QA: IL-6 at 800 times its limit read as calmly as at 1.2 times, with nothing
    asking to talk it over soon; a storm's or a critical result's own sentence says it once."""
    path = tmp_path / "far.csv"
    path.write_text(
        "sample_id,marker,value,unit\nS1,IL-6,2000,pg/mL\nS2,IL-6,3,pg/mL\n"
        "S3,IL-6,600,pg/mL\nS3,IFN-γ,600,pg/mL\nS3,IL-10,12,pg/mL\n"
    )
    far, near, storm = (p.summary.text for p in check_file(str(path)).panels)
    assert far[-1] == (
        "A result 10 times the upper limit or more, like IL-6 here, should be talked over with "
        "a healthcare provider soon."
    )
    assert not any("soon" in t for t in near)
    assert sum("soon" in t for t in storm) == 1 and "in overdrive" in " ".join(storm)


def test_the_talk_it_over_soon_sentence_names_the_results_it_means(tmp_path: Path) -> None:
    """Educator QA: 'A result this far above the range …' came right after a low sIL-2R's
    sentence, or after IFN-γ at 4 times, while it meant IL-6 or IL-10 far above."""
    path = tmp_path / "far.csv"
    path.write_text(
        "sample_id,marker,value,unit\nS1,sIL-2R,100,pg/mL\nS1,IL-10,60,pg/mL\n"
        "S2,IL-6,40,pg/mL\nS2,IFN-γ,20,pg/mL\nS2,IL-8,700,pg/mL\n"
    )
    low_then_far, two_far = (p.summary.text for p in check_file(str(path)).panels)
    assert "under the lower limit" in " ".join(low_then_far)
    assert low_then_far[-1] == (
        "A result 10 times the upper limit or more, like IL-10 here, should be talked over with "
        "a healthcare provider soon."
    )
    assert two_far[-1].startswith("Results 10 times the upper limit or more, like IL-6 and IL-8 ")
    assert "IFN-γ" not in two_far[-1]
    assert all(grade(s) <= MAX_GRADE for t in low_then_far + two_far for s in sentences(t))


def test_the_table_says_once_that_ranges_differ_between_labs(tmp_path) -> None:
    """Educator QA round 7: an IL-6 of 6.0, high by ARUP's range and inside Mayo's and
    LabCorp's, was '2.4 times the upper limit' with no word that the lab's range may differ."""
    from typer.testing import CliRunner

    from panelcli.cli import app

    runner = CliRunner()
    mine = tmp_path / "mine.csv"
    mine.write_text("marker,value,unit\nIL-6,6.0,pg/mL\nIL-8,2.0,pg/mL\n", encoding="utf-8")
    said = " ".join(runner.invoke(app, ["check", str(mine)]).output.split())
    assert said.count("ranges differ between labs.") == 1
    assert "A reference range is the span of values most healthy people have" in said
    assert "The results were compared with the ranges of ARUP Laboratories 3002601" in said
    assert "(multiplex bead assay). They may not be your lab's. Ask which range applies to " in said
    mine.write_text(
        "marker,value,unit,reference_range\nIL-6,6.0,pg/mL,0-7\nIL-8,2.0,pg/mL,\n", encoding="utf-8"
    )
    said = " ".join(runner.invoke(app, ["check", str(mine)]).output.split())
    assert "Where the file gave no range of the lab's own, the results were compared" in said
    mine.write_text("marker,value,unit,reference_range\nIL-6,6.0,pg/mL,0-7\n", encoding="utf-8")
    said = " ".join(runner.invoke(app, ["check", str(mine)]).output.split())
    assert "differ between labs" not in said  # the lab's own range judged it


def test_a_set_of_yours_is_named_as_yours_in_the_ranges_sentence(tmp_path) -> None:
    """Review: a copy of ARUP's set, edited, was called 'the ranges of ARUP Laboratories …'."""
    from typer.testing import CliRunner

    from panelcli.cli import app

    runner = CliRunner()
    assert runner.invoke(app, ["ranges", "init", str(tmp_path / "mylab")]).exit_code == 0
    mine = tmp_path / "mine.csv"
    mine.write_text("marker,value,unit\nIL-6,6.0,pg/mL\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(mine), "--ranges", str(tmp_path / "mylab")])
    said = " ".join(result.output.split())
    assert "The results were compared with the ranges of your set 'mylab" in said
    assert "compared with the ranges of ARUP" not in said
