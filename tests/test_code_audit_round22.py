"""Code audit QA round 22 (/work/qa22/audit/report.md): wrong results found by reading the core."""

from __future__ import annotations

from collections.abc import Callable

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
