"""A sample none of whose rows could be used still has its panel, saying so.

QA with lab staff: a sample whose every value was `abc` showed up only in the list of rows
that could not be used; among the samples it was missing, as if the file had not held it.
Every sample the file names is accounted for, in file order, with no word about its values.
"""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from panelcli.check import CheckOptions, Interpreter, build_overview, build_report, check_file
from panelcli.cli import app
from panelcli.models import NOTICE, Issue, Status
from panelcli.ranges import load_ranges
from panelcli.render.table import overview_of
from panelcli.summary import summarise_panel

MIXED = (
    "sample_id,marker,value,unit\n"
    "S1,IL-6,1.0,pg/mL\n"
    "S2,IL-6,abc,pg/mL\n"
    "S2,IL-8,abc,pg/mL\n"
    "S3,IL-6,2.0,pg/mL\n"
)
NONE_OF_S2 = (
    "None of the 2 results of this sample could be used (lines 3 and 4). The list of what "
    "could not be used says why."
)
#: Words that would claim something about a sample's values.
CLAIMS = ("inside", "range", "above", "below", "high", "low", "normal", "measured")


def _rejected(*lines: int) -> list[Issue]:
    return [
        Issue(code="value-not-a-number", source="a.csv", line=n, sample_id="S1", message="x")
        for n in lines
    ]


def test_a_panel_with_no_results_says_none_could_be_used_and_nothing_of_its_values():
    summary = summarise_panel([], _rejected(3, 4))
    assert summary.text == [
        "None of the 2 results of this sample could be used (lines 3 and 4). The list of what "
        "could not be used says why."
    ]
    assert (summary.measured, summary.flagged_markers) == (0, [])
    assert summary.by_status == {s.value: 0 for s in Status}  # every status, as totals
    assert not any(word in summary.text[0] for word in CLAIMS)


def test_a_panel_whose_one_row_was_rejected_says_the_one_result_could_not_be_used():
    (sentence,) = summarise_panel([], _rejected(7)).text
    assert sentence == (
        "The one result of this sample could not be used (line 7). The list of what could not "
        "be used says why."
    )


def test_many_lines_are_named_as_for_a_partly_rejected_sample():
    (sentence,) = summarise_panel([], _rejected(*range(3, 11))).text
    assert sentence.startswith(
        "None of the 8 results of this sample could be used (lines 3, 4, 5, 6 and 4 more)."
    )


def test_every_sample_of_a_mixed_file_has_its_panel_in_file_order(write_csv):
    report = check_file(write_csv(MIXED))
    assert [p.sample_id for p in report.panels] == ["S1", "S2", "S3"]
    s2 = report.panels[1]
    assert s2.results == [] and s2.summary.text == [NONE_OF_S2]
    assert [i.line for i in report.rejected] == [3, 4]
    # Counts stay of results: the panel adds none.
    assert (report.totals.results, report.totals.rejected) == (2, 2)
    assert report.totals.by_status["normal"] == 2


def test_a_sample_rejected_before_its_first_result_is_listed_where_it_was_first_seen(write_csv):
    path = write_csv(
        "sample_id,patient_id,marker,value,unit\n"
        "S1,P1,IL-6,abc,pg/mL\nS2,P2,IL-6,1.0,pg/mL\nS1,P9,IL-8,1.0,pg/mL\n"
    )
    s1, s2 = check_file(path).panels
    assert (s1.sample_id, s1.patient_id, s2.sample_id) == ("S1", "P9", "S2")  # as its result
    assert s1.summary.text[1].startswith("1 more result of this sample could not be used")


def test_a_file_whose_every_row_was_rejected_has_its_samples(write_csv):
    path = write_csv(
        "sample_id,patient_id,collected_at,marker,value,unit\n"
        "S1,P1,2026-01-02,IL-6,abc,pg/mL\nS2,P2,2026-01-03,IL-6,-1,pg/mL\n"
    )
    report = check_file(path)
    assert [(p.sample_id, p.patient_id, p.collected_at) for p in report.panels] == [
        ("S1", "P1", "2026-01-02"),
        ("S2", "P2", "2026-01-03"),
    ]
    assert report.totals.results == 0 and report.trends == []


def test_a_wide_row_without_a_sample_id_whose_every_cell_was_rejected_is_a_sample(write_csv):
    report = check_file(write_csv("IL-6 (pg/mL),IL-8 (pg/mL)\n1,2\nabc,x\n3,4\n"))
    assert [(p.sample_id, len(p.results)) for p in report.panels] == [
        ("line 2", 2), ("line 3", 0), ("line 4", 2)
    ]  # fmt: skip
    assert report.panels[1].summary.text[0].startswith("None of the 2 results of this sample")


def test_a_row_too_broken_to_tell_its_sample_makes_no_panel(write_csv):
    report = check_file(write_csv("value,marker,unit\n1,0,IL-6,pg/mL\n"))
    assert report.panels == [] and len(report.rejected) == 1


def test_a_split_row_whose_marker_is_still_in_place_is_the_sample_less_files_panels(write_csv):
    """As a row with no value is: the marker, left of the value, was not moved by the split."""
    report = check_file(write_csv("marker,value,unit\nIL-6,1,0,pg/mL\n"))
    assert [(p.sample_id, len(p.results)) for p in report.panels] == [(None, 0)]
    assert report.rejected[0].marker == "IL-6"


def test_a_date_none_of_whose_rows_could_be_used_is_no_point_of_a_trend(write_csv):
    path = write_csv(
        "patient_id,collected_at,marker,value,unit\n"
        "P1,2026-01-01,IL-6,1.0,pg/mL\nP1,2026-02-01,IL-6,abc,pg/mL\n"
    )
    report = check_file(path)
    assert len(report.panels) == 2 and report.trends == []  # one date with results


def test_the_streamed_overview_lists_the_sample_as_the_whole_report_does(write_csv):
    path = write_csv(MIXED)
    ranges = load_ranges()
    streamed = build_overview(Interpreter(ranges, CheckOptions()).stream([path]), ranges)
    whole = overview_of(build_report(Interpreter(ranges, CheckOptions()).stream([path]), ranges))
    assert streamed == whole
    assert streamed.samples == 3
    # listed after samples with results outside the range, before the rest (regression QA)
    assert [(p.sample_id, p.measured) for p in streamed.panels] == [("S2", 0), ("S1", 1), ("S3", 1)]


def _run(path: str, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", path, *options])
    return result.exit_code, result.stdout


def test_the_table_shows_every_sample_in_file_order(write_csv):
    code, out = _run(write_csv(MIXED))
    assert code == 2  # rejected rows
    said = " ".join(out.split())
    assert said.index("Sample S1") < said.index("Sample S2") < said.index("Sample S3")
    s2 = said[said.index("Sample S2") : said.index("Sample S3")]
    assert NONE_OF_S2 in s2
    assert "inside the reference range" not in s2 and "measured" not in s2
    assert "Rows that could not be used (2)" in said
    assert "Please note" in said and "It is not a diagnosis." in said


def test_json_has_the_sample_with_no_results(write_csv):
    code, out = _run(write_csv(MIXED), "--format", "json")
    document = json.loads(out)
    assert code == 2
    assert [(p["sample_id"], len(p["results"])) for p in document["panels"]] == [
        ("S1", 1), ("S2", 0), ("S3", 1)
    ]  # fmt: skip
    s2 = document["panels"][1]
    none = {s.value: 0 for s in Status}
    assert s2["summary"] == {"measured": 0, "by_status": none, "flagged_markers": [], "text": [
        NONE_OF_S2
    ]}  # fmt: skip
    assert document["notice"] == NOTICE


def test_ndjson_and_csv_carry_the_sample_in_its_rejected_rows(write_csv):
    # The streamed formats have no panels: a sample is its lines, and S2's are its rejections.
    path = write_csv(MIXED)
    code, out = _run(path, "--format", "ndjson")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 2
    samples = [(line.get("rejected") or line).get("sample_id") for line in lines[:-1]]
    assert samples == ["S1", "S2", "S2", "S3"]
    assert lines[-1]["notice"] == NOTICE
    code, out = _run(path, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 2
    assert [(r["sample_id"], r["status"]) for r in rows[:-1]] == [
        ("S1", "normal"), ("S2", "rejected"), ("S2", "rejected"), ("S3", "normal")
    ]  # fmt: skip


def test_a_big_run_lists_the_sample_with_none_of_its_results_used(write_csv):
    # Past MAX_TABLE_RESULTS the table is one line per sample: 'none' outside the range would
    # read as an all-clear for a sample none of whose results could be used.
    lines = ["sample_id,marker,value,unit"]
    for number in range(260):
        value = "abc" if number == 2 else "1.0"
        lines += [f"S{number:03d},{marker},{value},pg/mL" for marker in ("IL-6", "IL-8", "IL-10")]
        lines += [f"S{number:03d},TNF-α,1.0,pg/mL"] if number != 2 else ["S002,TNF-α,x,pg/mL"]
    code, out = _run(write_csv("\n".join(lines) + "\n"))
    assert code == 2
    said = " ".join(out.split())
    assert "1,036 results in 260 samples" in said
    row = said[said.index("S002") : said.index("S000")]  # before the samples all inside
    assert "│ 0 │" in row and "no result could be used" in row and "none" not in row
