"""Code audit QA round 22 (/work/qa22/audit/report.md): wrong results found by reading the core."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.mark.parametrize("name", ["Poole", "Blanke", "Blanka", "Cale", "BLANKA", "POOLE", "Stdb"])
def test_a_name_glued_to_a_level_letter_is_a_patient(name: str) -> None:
    """F1: 'Poole', 'Blanke', 'Cale' were skipped as controls (a letter a–h glued to 'Pool',
    'Blank', 'Cal'), their high results unjudged, exit 0."""
    from panelcli.reading import _names_a_standard

    assert not _names_a_standard(name)


@pytest.mark.parametrize(
    "label", ["BlankA", "Blank A", "Blank-a", "Pool-B", "Pool 2", "StdB", "Kit Control B", "Cal3"]
)
def test_a_control_by_its_level_letter_is_still_skipped(label: str) -> None:
    """The level's letter after a separator, or glued as a capital after small letters."""
    from panelcli.reading import _names_a_standard

    assert _names_a_standard(label)


def test_a_surname_as_sample_id_is_judged(write_csv: Callable[..., str]) -> None:
    """F1 end to end: the high results of 'Poole', 'Blanke', 'Cale' are judged (exit 1)."""
    from panelcli.check import check_file

    path = write_csv(
        "Sample ID,Marker,Value,Unit\nS1,IL-6,1.0,pg/mL\nPoole,IL-6,30,pg/mL\n"
        "Blanke,TNF-α,80,pg/mL\nCale,IL-10,40,pg/mL\n"
    )
    report = check_file(path)
    assert [(p.sample_id, p.results[0].status) for p in report.panels] == [
        ("S1", "normal"), ("Poole", "high"), ("Blanke", "high"), ("Cale", "high"),
    ]  # fmt: skip
    assert not report.warnings


def test_one_range_written_two_ways_is_not_a_changed_range(write_csv: Callable[..., str]) -> None:
    """F2: '0-7' then '<=7', and '0-50 ng/mL' then '0-50000 pg/mL', were 'not the same at every
    test', which played down IL-6's rise from 5 to 9 past the one limit of 7."""
    from panelcli.check import check_file
    from panelcli.trends import OTHER_RANGE_BEFORE

    path = write_csv(
        "Patient ID,Sample ID,Collected,Marker,Value,Unit,Reference Range\n"
        "P1,A,2026-01-01,IL-6,5,pg/mL,0-7 pg/mL\nP1,B,2026-01-05,IL-6,9,pg/mL,<=7 pg/mL\n"
        "P2,C,2026-01-01,Zonulin,40,ng/mL,0-50 ng/mL\n"
        "P2,D,2026-01-05,Zonulin,45000,pg/mL,0-50000 pg/mL\n"
        "P3,E,2026-01-01,IL-6,5,pg/mL,0-7 pg/mL\nP3,F,2026-01-05,IL-6,9,pg/mL,0-10 pg/mL\n"
    )
    trends = check_file(path).trends
    said = {t.patient_id: " ".join(t.text) for t in trends}
    references = {t.patient_id: t.markers[0].reference for t in trends}
    assert references["P1"] == "≤ 7 pg/mL"
    assert references["P2"] == "0 - 50000 pg/mL"
    assert "range changing" not in said["P1"] + said["P2"]
    # a range that did change is still said to
    assert (references["P3"] or "").endswith(OTHER_RANGE_BEFORE)
    assert "IL-6's range was not the same at every test." in said["P3"]


def test_a_critical_limit_every_group_shares_is_said_once(write_csv: Callable[..., str]) -> None:
    """F3: Ferritin '<5' with no sex, by a set whose critical low of 2 both sexes share, said
    'the critical limit of 2 µg/L for female or 2 µg/L for male'; limits that differ keep 'for'."""
    from panelcli.check import check_file

    ranges = write_csv(
        '[set]\nname = "qa"\nversion = "1"\ndescription = "qa"\n\n[markers."Ferritin"]\n'
        'unit = "ug/L"\ncritical_high = 1000\ncritical_low = 2\nsource = "x"\n'
        '[[markers."Ferritin".intervals]]\nsex = "female"\nlow = 6.0\nhigh = 175.0\n'
        '[[markers."Ferritin".intervals]]\nsex = "male"\nlow = 31.0\nhigh = 409.0\n'
        "critical_low = 3\n",
        "ranges.toml",
    )
    same = write_csv("Sample ID,Marker,Value,Unit\nB5,Ferritin,<5,ng/mL\n")
    note = check_file(same, ranges).panels[0].results[0].note or ""
    assert "could reach the critical limit of 3 µg/L for male or 2 µg/L for female" in note or (
        "could reach the critical limit of 2 µg/L for female or 3 µg/L for male" in note
    )
    text = Path(ranges).read_text(encoding="utf-8")
    shared = write_csv(text.replace("critical_low = 3\n", ""), "shared.toml")
    note = check_file(same, shared).panels[0].results[0].note or ""
    assert "it could reach the critical limit of 2 µg/L;" in note
