"""A review of lab and developer QA round 8's fixes."""

from __future__ import annotations

import pytest
from judged import events_of, issues_of, results_of


@pytest.mark.parametrize("short_path", [True, False])
def test_a_mean_rows_blank_range_cell_is_said_too(write_csv, short_path) -> None:
    """Review: 'IL-6 Mean' rows are judged when their panel ends, and their range cells were
    never noted: the lab QA's own case passed without a range-missing warning."""
    path = write_csv(
        "sample_id,marker,value,unit,reference_range\nS1,IL-6 Mean,6.0,pg/mL,0-7\n"
        "S2,IL-6 Mean,5.0,pg/mL,\nS3,IL-6 Mean,5.0,pg/mL,\n"
    )
    (missing,) = [i for i in issues_of(path, short_path) if i.code == "range-missing"]
    assert missing.line == 3 and "blank on 2 rows (the first, line 3)" in missing.message
    assert events_of(path) == events_of(path, False)


def test_the_british_spelling_in_full_is_a_short_form_too(tmp_path) -> None:
    ranges = tmp_path / "mine.toml"
    ranges.write_text('[markers."TNF-β"]\nunit = "pg/mL"\nhigh = 5\nsource = "x"\n')
    from panelcli.ranges import load_ranges

    loaded = load_ranges(ranges)
    assert loaded.resolve("Tumour necrosis factor beta") == "TNF-β"
    assert loaded.resolve("Tumor necrosis factor beta") == "TNF-β"


@pytest.mark.parametrize("status", ["Unverified", "Not authorised", "unauthorized"])
def test_a_status_not_yet_verified_is_preliminary(write_csv, status) -> None:
    """Review: Epic's 'Lab Status' and others were read, but 'Unverified' was judged final."""
    path = write_csv(f"sample_id,marker,value,unit,Auth Status\nS1,IL-6,1,pg/mL,{status}\n")
    assert [i.code for i in issues_of(path)] == ["result-preliminary"]
    assert len(results_of(path)) == 1


def test_one_more_result_has(write_csv) -> None:
    from typer.testing import CliRunner

    from panelcli.cli import app

    path = write_csv("sample_id,marker,value,unit\nS1,IL-99,1,pg/mL\nS2,IL-99,2,pg/mL\n")
    result = CliRunner().invoke(app, ["validate", path])
    assert "1 more result of 'IL-99', the last on this line, has no reference range" in (
        result.stdout
    )
