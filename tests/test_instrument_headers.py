"""Instrument exports' own words: value columns named with 'Conc.', a bead region or a
replicate, columns beside them that are no value (SD, FI, Exp Conc), and summary rows."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from typer.testing import CliRunner

from panelcli.check import CheckOptions, Event, Interpreter
from panelcli.cli import app
from panelcli.models import Issue, Result
from panelcli.ranges import load_ranges

runner = CliRunner()


def events_in(write_csv: Callable[..., str], text: str, short: bool = True) -> list[Event]:
    interpreter = Interpreter(load_ranges(None), CheckOptions(), short_path=short)
    return list(interpreter.events([write_csv(text)]))


def results(events: list[Event]) -> list[Result]:
    return [e for e in events if isinstance(e, Result)]


def warnings(events: list[Event]) -> list[Issue]:
    return [e for e in events if isinstance(e, Issue) and e.severity == "warning"]


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize("label", ["SEM", "S.E.M.", "SE", "Std Err", "Std. Error", "%RSD"])
def test_a_standard_error_row_is_not_judged_as_a_patient(
    write_csv: Callable[..., str], short: bool, label: str
) -> None:
    """A plate's 'SEM' row was judged as a patient's sample ('Mean', 'Std Dev' were not)."""
    events = events_in(write_csv, f"Sample,IL-6 (pg/mL)\nS1,1.0\nS2,9.0\n{label},4.0\n", short)
    assert [r.sample_id for r in results(events)] == ["S1", "S2"]
    assert [(w.code, w.line) for w in warnings(events)] == [("control-skipped", 4)]
    long = events_in(write_csv, f"Sample,Analyte,Result,Unit\n{label},IL-6,4,pg/mL\n", short)
    assert not results(long)


def test_the_command_does_not_flag_a_standard_error_row(write_csv: Callable[..., str]) -> None:
    """The SEM row's high value made the command exit 1 as if a patient were high."""
    run = runner.invoke(app, ["check", write_csv("Sample,IL-6 (pg/mL)\nS1,1.0\nSEM,9.0\n")])
    assert run.exit_code == 0, run.output
    assert "SEM" in run.output and "not judged" in run.output
