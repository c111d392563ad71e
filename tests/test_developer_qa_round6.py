"""A developer's QA round (session 49): figures, notes and lines a script reads."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from panelcli.cli import app
from panelcli.interpret import times_upper_limit

runner = CliRunner()


@pytest.mark.parametrize(
    ("value", "high", "times"),
    [(24.99, 2.5, 9.99), (7.49, 2.5, 2.99), (59.9, 20, 2.99), (25, 2.5, 10.0), (7.5, 2.5, 3.0),
     (2.999, 1, 3.0 - 0.01), (29.97, 10, 3.0 - 0.01), (4.996, 1, 5.0)],
)  # fmt: skip
def test_times_the_upper_limit_never_rounds_up_to_3_or_10(value, high, times) -> None:
    """24.99 over 2.5 was 10.0 in JSON and '10 times' in the summary, with no storm sentence;
    7.49's '3 times' was called mild beside another '3 times' called strong."""
    assert times_upper_limit(value, high) == pytest.approx(times)


def test_the_summary_and_json_agree_just_under_3_and_10(write_csv) -> None:
    path = write_csv(
        "sample_id,marker,value,unit\nA,IL-6,24.99,pg/mL\nB,IL-6,7.49,pg/mL\nB,TNF-α,43.45,pg/mL\n"
    )
    result = runner.invoke(app, ["check", path, "--format", "json"])
    document = json.loads(result.stdout)
    a, b = document["panels"]
    assert [r["times_upper_limit"] for r in a["results"]] == [9.99]
    assert "IL-6 is 9.9 times the upper limit." in " ".join(a["summary"]["text"])
    assert [r["times_upper_limit"] for r in b["results"]] == [2.99, 2.99]
    text = " ".join(b["summary"]["text"])
    assert "IL-6 is 2.9 times" in text and "mild inflammation" in text


@pytest.mark.parametrize("name", ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
def test_output_to_standard_outputs_path_is_standard_output(write_csv, name: str) -> None:
    """'-q -o /dev/stdout' printed the whole report where '-q -o -' printed nothing."""
    from panelcli.cli import _output_name

    assert _output_name(name) == "-"
    path = write_csv("sample_id,marker,value,unit\nS1,IL-6,1,pg/mL\n")
    result = runner.invoke(app, ["check", path, "-q", "-f", "json", "-o", name])
    assert (result.exit_code, result.stdout) == (0, "")


def test_a_column_name_with_a_colon_is_quoted_in_validates_lines(write_csv) -> None:
    """'Note: lab' made the line read as column 'Note', severity 'lab'."""
    path = write_csv('sample_id,marker,value,unit,"Note: lab"\nA,IL-6,abc,pg/mL,x\n')
    result = runner.invoke(app, ["validate", path])
    line = re.compile(r"^(.*?):(\d+): ('(?:[^']|'')*'|[^:']*): (error|warning) ([\w-]+): (.*)$")
    first, second = (line.match(text) for text in result.stdout.splitlines())
    assert first is not None and second is not None
    assert first.group(3, 4, 5) == ("'Note: lab'", "warning", "column-ignored")
    assert second.group(3, 4, 5) == ("value", "error", "value-not-a-number")


def test_a_copy_named_by_its_file_as_a_bundled_set_is_warned_about(tmp_path) -> None:
    """The copy 'ranges init' makes, its name line deleted and IL-6 changed, was reported as
    'arup-3002601' with no warning; a name of spaces was the set's name, '   '."""
    folder = tmp_path / "mylab"
    assert runner.invoke(app, ["ranges", "init", str(folder)]).exit_code == 0
    (copy,) = folder.glob("*.toml")
    text = copy.read_text(encoding="utf-8")
    unnamed = re.sub(r"(?m)^name = .*\n", "", text, count=1).replace("high = 2.5", "high = 20", 1)
    copy.write_text(unnamed, encoding="utf-8")
    result = runner.invoke(app, ["ranges", "validate", str(folder)])
    assert result.exit_code == 0, result.output
    assert "the set is named by its file 'arup-3002601', as the bundled set" in result.stdout
    # a name of spaces is none (review: refusing it broke sets 'check' had used): the file's
    spaced = re.sub(r"(?m)^name = .*$", 'name = "   "', text, count=1)
    copy.write_text(spaced.replace("high = 2.5", "high = 20", 1), encoding="utf-8")
    result = runner.invoke(app, ["ranges", "validate", str(folder)])
    assert result.exit_code == 0, result.output
    assert "the set is named by its file 'arup-3002601'" in result.stdout


def test_exact_multiples_stay_3_where_a_float_makes_them_2_99() -> None:
    """Review: 6.6 over 2.2 and 22.2 over 7.4 were 2.99 (a float's 2.9999…), 7.5 over 2.5 3.0."""
    assert (times_upper_limit(6.6, 2.2), times_upper_limit(22.2, 7.4)) == (3.0, 3.0)


def test_a_doubled_slash_before_dev_stdout_is_standard_output() -> None:
    from panelcli.cli import _output_name

    assert _output_name("//dev/stdout") == "-"


def test_three_times_is_said_alike_whatever_the_float(write_csv) -> None:
    path = write_csv(
        # (IL-6 3 times too since round 21: strong needs two markers 3 times up)
        "sample_id,marker,value,unit\nA,IL-1β,22.2,pg/mL\nA,IL-6,7.5,pg/mL\n"
        "B,TNF-α,43.5,pg/mL\nB,IL-6,7.5,pg/mL\n"
    )
    document = json.loads(runner.invoke(app, ["check", path, "--format", "json"]).stdout)
    a, b = (" ".join(panel["summary"]["text"]) for panel in document["panels"])
    assert "strong inflammation" in a and "strong inflammation" in b
