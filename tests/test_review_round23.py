"""Review of QA round 23's change (/work/qa23/review/report.md): regressions it found."""

from __future__ import annotations

from collections.abc import Callable

from panelcli.check import check_file


def _said(path: str) -> str:
    """The first panel's summary, as one text."""
    return " ".join(check_file(path).panels[0].summary.text)


def test_two_dates_with_a_repeated_marker_read_no_pattern(write_csv: Callable[..., str]) -> None:
    """R1: with IL-6 twice on 03-01 and TNF-α, IL-1β on 03-05, the summary said 'strong
    inflammation' (a variable of the far-apart sentence took the place of what the results
    may not all be from); the disagreement is said with its date."""
    said = _said(
        write_csv(
            "Sample,Patient,Collected,Marker,Result,Unit\nA,P1,2026-03-01,IL-6,1.0,pg/mL\n"
            "A,P1,2026-03-01,IL-6,40,pg/mL\nA,P1,2026-03-05,TNF-alpha,300,pg/mL\n"
            "A,P1,2026-03-05,IL-1 beta,300,pg/mL\n"
        )
    )
    assert "strong inflammation" not in said
    assert "may not all be from one blood draw, so they are not read together" in said
    assert "On 2026-03-01, one result for IL-6 is inside the range and another is above it" in said


def test_a_far_apart_marker_beside_another_high_one_reads_the_pattern(
    write_csv: Callable[..., str],
) -> None:
    """R2: one draw, IL-6 1.0 and 400 beside a high TNF-α: 'These results may not all be from
    One result for IL-6 is 400 times another…, so they are not read together'."""
    said = _said(
        write_csv(
            "Sample,Patient,Collected,Marker,Result,Unit\nA,P1,2026-03-01,IL-6,1.0,pg/mL\n"
            "A,P1,2026-03-01,IL-6,400,pg/mL\nA,P1,2026-03-01,TNF-alpha,300,pg/mL\n"
        )
    )
    assert "One result for IL-6 is 400 times another" in said
    assert "may not all be from" not in said and "Both of them are high" in said


def test_a_unit_slip_within_one_of_two_draws_is_said_with_its_date(
    write_csv: Callable[..., str],
) -> None:
    """R3: IL-6 1.0 and 400 on one date of a sample with two dates was only 'disagree'."""
    said = _said(
        write_csv(
            "Sample,Patient,Collected,Marker,Result,Unit\nA,P1,2026-03-01,TNF-alpha,3,pg/mL\n"
            "A,P1,2026-03-05,IL-6,1.0,pg/mL\nA,P1,2026-03-05,IL-6,400,pg/mL\n"
        )
    )
    assert "On 2026-03-05, one result for IL-6 is 400 times another" in said
