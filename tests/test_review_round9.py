"""Findings of the code review of round 9 (against the team's design rules)."""

from __future__ import annotations

import pytest
from judged import issues_of, results_of

#: IL-8's range for under 18 and for 18 and over (a set of one marker, ranges by age)
AGE_SET = (
    '[set]\nname = "ages"\ndescription = "IL-8 by age"\nsource = "a test"\nversion = "1"\n'
    '[markers."IL-8"]\nsource = "a test"\nunit = "pg/mL"\nintervals = [\n'
    "  { age_max = 18, high = 10 },\n  { age_min = 18, high = 20, high_exclusive = true },\n]\n"
)


@pytest.mark.parametrize("short_path", [True, False])
def test_an_age_cell_the_birth_date_disagrees_with_is_not_taken_as_certain(
    tmp_path, write_csv, short_path
) -> None:
    """Review round 9: age 17 beside a birth date giving 18 judged IL-8 15 high (exit 1) by
    the under-18 range, though by the birth date it is normal; a status is the severity that is
    certain."""
    ranges = tmp_path / "ages.toml"
    ranges.write_text(AGE_SET, encoding="utf-8")
    path = write_csv(
        "sample_id,collected_at,birth_date,age,marker,value,unit\n"
        "A1,2026-03-02,2008-03-02,17,IL-8,15,pg/mL\nA2,2026-03-02,2008-03-02,17,IL-8,25,pg/mL\n"
        "A3,2026-03-02,2008-03-02,17,IL-8,5,pg/mL\nA4,2026-03-02,2008-03-02,18,IL-8,15,pg/mL\n"
    )
    results = results_of(path, short_path, ranges)
    assert [(r.sample_id, r.status.value) for r in results] == [
        ("A1", "indeterminate"), ("A2", "high"), ("A3", "normal"), ("A4", "normal"),
    ]  # fmt: skip
    assert results[0].note == (
        "this set's range for IL-8 differs between age 17, as the age cell gives it, and age "
        "18, from the birth date '2008-03-02' to the collection date, which disagree"
    )
    assert results[1].note is not None and results[1].note.endswith(
        "it is high by each interval that could apply (age 17: ≤ 10 pg/mL; age 18: < 20 pg/mL)"
    )
    (conflict,) = issues_of(path, short_path, ranges)
    assert conflict.code == "person-conflict"
    assert "a result is judged only as far as both ranges agree" in conflict.message
