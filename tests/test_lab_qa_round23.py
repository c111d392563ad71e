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
