"""Lab QA round 20 (/work/qa20/lab/report.md): real exports that did not just work."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from panelcli.check import check_file


@pytest.mark.parametrize("status", ["COR", "Cor.", "AMD", "Amend"])
def test_lis_codes_for_a_corrected_result_replace_the_result_before(
    write_csv: Callable[..., str], status: str
) -> None:
    """#2 (was qa14/lab A1): 'COR' was unread, and the withdrawn IL-6 of 45 judged high."""
    path = write_csv(
        "Accession,Test,Result,Units,Result Status\n"
        f"A1,IL-6,45.0,pg/mL,F\nA1,IL-6,1.5,pg/mL,{status}\n"
    )
    report = check_file(path)
    assert [(r.value, r.status.value) for p in report.panels for r in p.results] == [
        (1.5, "normal")
    ]
    assert report.totals.by_status.get("high", 0) == 0
