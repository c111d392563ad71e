"""Lab staff QA round 23 (/work/qa23/lab/report.md): real exports read wrong."""

from __future__ import annotations

import json
from collections.abc import Callable

from typer.testing import CliRunner

from panelcli.cli import app

runner = CliRunner()


def test_a_comma_grouped_value_between_both_decimal_marks_is_in_doubt(
    write_csv: Callable[..., str],
) -> None:
    """F1: '"1,500"' after '"0,5"' and before '2.5' was read as 1.5, normal, with no word
    (after '2.5' it was in doubt), also within one wide row (exit 0)."""
    long = write_csv(
        'Sample,Marker,Result,Unit\nA,IL-8,"0,5",pg/mL\nA,IL-6,"1,500",pg/mL\nA,IL-10,2.5,pg/mL\n'
    )
    wide = write_csv(
        'Sample,IL-8 (pg/mL),IL-6 (pg/mL),IL-10 (pg/mL)\nA,"0,5","1,500",2.5\n', "wide.csv"
    )
    for path in (long, wide):
        run = runner.invoke(app, ["check", path, "-f", "json"])
        document = json.loads(run.stdout)
        (il6,) = [r for p in document["panels"] for r in p["results"] if r["marker"] == "IL-6"]
        assert (il6["value"], il6["status"]) == (1.5, "indeterminate"), path
        assert "may be 1.5 or 1500" in il6["note"]
        assert [w["code"] for w in document["warnings"]] == ["value-comma-ambiguous"]


def test_out_of_range_spelled_out_is_read_as_oor(write_csv: Callable[..., str]) -> None:
    """P2: 'Out of Range >' and 'Out of Range <' were refused with a hint to move the words to a
    Comment column; 'OOR >' was read."""
    path = write_csv(
        "Sample,IL-6 (pg/mL),IL-8 (pg/mL),IL-10 (pg/mL)\nA,OOR >,Out of Range >,Out of Range <\n"
    )
    run = runner.invoke(app, ["check", path, "-f", "json"])
    document = json.loads(run.stdout)
    judged = [(r["comparator"], r["status"]) for p in document["panels"] for r in p["results"]]
    assert judged == [(">", "indeterminate"), (">", "indeterminate"), ("<", "indeterminate")]
    assert not document["rejected"]


def test_a_plates_title_above_a_repeated_header_is_no_sample(
    write_csv: Callable[..., str],
) -> None:
    """P3: 'Plate 2' above a wide file's repeated header was a sample with no values (exit 2),
    where a 'Plate 1' line on top was a title; a sample named so, with values, is one."""
    path = write_csv(
        "Sample,IL-6 (pg/mL),IL-8 (pg/mL)\nA,1.0,3.0\n\nPlate 2\n"
        "Sample,IL-6 (pg/mL),IL-8 (pg/mL)\nC,2.0,4.0\n"
    )
    run = runner.invoke(app, ["check", path, "-f", "json"])
    document = json.loads(run.stdout)
    assert run.exit_code == 0
    assert [p["sample_id"] for p in document["panels"]] == ["A", "C"]
    assert [w["code"] for w in document["warnings"]] == ["page-line-skipped", "header-repeated"]
    named = write_csv("Sample,Marker,Result,Unit\nPlate 2,IL-6,5,pg/mL\n", "named.csv")
    document = json.loads(runner.invoke(app, ["check", named, "-f", "json"]).stdout)
    assert [p["sample_id"] for p in document["panels"]] == ["Plate 2"]
