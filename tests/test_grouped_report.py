"""A grouped report gives a sample's id on its first row only: the rows below it with a blank
sample id are that sample's (they were one panel of no sample, two samples' rows mixed in it,
a marker 'tested more than once in this sample')."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_two_processes import one_process, two
from typer.testing import CliRunner

from panelcli import split
from panelcli.batches import read_batches
from panelcli.check import CheckOptions, check_file
from panelcli.cli import app
from panelcli.models import Issue
from panelcli.ranges import load_ranges
from panelcli.render.ndjson import ndjson_batch, ndjson_join, ndjson_texts

RANGES = load_ranges(None)
runner = CliRunner()
GROUPED = (
    "Sample ID,Patient,Date,Marker,Value,Unit\n"
    "S1,P1,2026-03-01,IL-6,3.1,pg/mL\n"
    ",,,TNF-a,30,pg/mL\n"
    ",,,IL-10,2.0,pg/mL\n"
    "S2,P2,2026-03-02,IL-6,1.0,pg/mL\n"
    ",,,TNF-a,3.0,pg/mL\n"
)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "grouped.csv"
    path.write_text(text, encoding="utf-8")
    return path


def filled_warnings(issues: list[Issue]) -> list[tuple[int | None, str | None, str]]:
    return [(i.line, i.sample_id, i.message) for i in issues if i.code == "sample-id-filled-down"]


def test_rows_below_a_sample_s_first_row_are_that_sample_s(tmp_path: Path) -> None:
    report = check_file(str(write(tmp_path, GROUPED)))
    panels = [
        (p.sample_id, p.patient_id, p.collected_at, [r.marker for r in p.results])
        for p in report.panels
    ]
    assert panels == [
        ("S1", "P1", "2026-03-01", ["IL-6", "TNF-α", "IL-10"]),
        ("S2", "P2", "2026-03-02", ["IL-6", "TNF-α"]),
    ]
    # each result states its sample, and the patient and date its sample's rows give
    assert [(r.line, r.sample_id, r.patient_id) for r in report.panels[0].results] == [
        (2, "S1", "P1"), (3, "S1", "P1"), (4, "S1", "P1"),
    ]  # fmt: skip
    assert filled_warnings(report.warnings) == [
        (3, "S1", "3 rows give no sample id, below a row that gives one: each was read as that "
         "sample's (the first, line 3, as S1's), as a report that gives a sample's id only on its "
         "first row means; if a row is another sample's, give it its own id"),
    ]  # fmt: skip
    assert not any("more than once" in t for p in report.panels for t in p.summary.text)


def test_a_row_of_another_patient_or_date_is_not_filled_in_nor_those_below_it(
    tmp_path: Path,
) -> None:
    text = (
        "Sample ID,Patient,Date,Marker,Value,Unit\nS1,P1,2026-03-01,IL-6,3.1,pg/mL\n"
        ",P1,,TNF-a,30,pg/mL\n"  # the sample's patient: filled in
        ",P2,,IL-6,3.0,pg/mL\n"  # another patient: a panel of no sample id, as before
        ",,,IL-10,2.0,pg/mL\n"  # below it: not taken for S1's
        "S2,P3,2026-03-02,IL-6,1.0,pg/mL\n,,2026-03-09,IL-8,5,pg/mL\n"  # another date
    )
    report = check_file(str(write(tmp_path, text)))
    rows = {r.line: r.sample_id for p in report.panels for r in p.results}
    assert rows == {2: "S1", 3: "S1", 4: None, 5: None, 6: "S2", 7: None}
    assert [(line, sample) for line, sample, _ in filled_warnings(report.warnings)] == [(3, "S1")]
    assert (
        "line 3 gives no sample id, below a row of S1: it was read as S1's"
        in (filled_warnings(report.warnings)[0][2])
    )


def test_rows_before_any_sample_id_and_not_a_sample_s_rows_are_not_filled_in(
    tmp_path: Path,
) -> None:
    text = (
        "Sample ID,Marker,Value,Unit\n,IL-6,1.0,pg/mL\n"  # no sample above it
        "S1,IL-6,3.1,pg/mL\n#\n"  # a comment line is no sample
        ",IL-8,5,pg/mL\n"  # S1's
        "Sample ID,Marker,Value,Unit\n"  # the header again: its 'Sample ID' is no sample
        ",IL-10,2,pg/mL\n"  # S1's still (its group goes on over the page)
        ",,,\n,note,,\n"  # blank, and a note with no value: left as they are
        "N/A,IL-6,2,pg/mL\n"  # says none is known: not filled in
        "S2,IL-6,3,pg/mL\n,IL-6 Mean,4,pg/mL\n,S.D.,1,pg/mL\n"  # a plate's footer: no sample's
    )
    report = check_file(str(write(tmp_path, text)))
    rows = {r.line: r.sample_id for p in report.panels for r in p.results}
    assert rows == {2: None, 3: "S1", 5: "S1", 7: "S1", 10: None, 11: "S2"}
    assert [(line, sample) for line, sample, _ in filled_warnings(report.warnings)] == [(5, "S1")]
    assert [(i.line, i.sample_id) for i in report.warnings if i.code == "control-skipped"] == [
        (12, None), (13, None),
    ]  # fmt: skip


def test_a_file_without_blank_ids_gets_no_warning(tmp_path: Path) -> None:
    for text in (
        "Sample ID,Marker,Value,Unit\nS1,IL-6,1,pg/mL\nS1,IL-8,5,pg/mL\n",
        "Patient,Marker,Value,Unit\nP1,IL-6,1,pg/mL\nP1,IL-8,5,pg/mL\n",
    ):
        report = check_file(str(write(tmp_path, text)))
        assert filled_warnings(report.warnings) == []
        assert [w.code for w in report.warnings] == []


BY_PATIENT = (
    "Patient ID,Collected,Test,Result,Units\n"
    "P1,2026-03-01,IL-6,4.1,pg/mL\n,,IL-8,3,pg/mL\n,,IL-10,2,pg/mL\n"
    "P1,2026-03-09,IL-6,1.1,pg/mL\n,,IL-8,30,pg/mL\n"
    "P2,2026-03-01,IL-6,1.1,pg/mL\n,,IL-8,3,pg/mL\n"
)


def test_a_report_grouped_by_patient_gives_each_row_its_patient_and_date(
    tmp_path: Path,
) -> None:
    """Known item: a grouped report with a patient id but no sample id column put every
    row below a patient's first one in one panel of no one (P1's and P2's IL-8 together)."""
    report = check_file(str(write(tmp_path, BY_PATIENT)))
    panels = [(p.patient_id, p.collected_at, [r.line for r in p.results]) for p in report.panels]
    assert panels == [
        ("P1", "2026-03-01", [2, 3, 4]), ("P1", "2026-03-09", [5, 6]), ("P2", "2026-03-01", [7, 8]),
    ]  # fmt: skip
    [warning] = report.warnings
    assert (warning.code, warning.line, warning.sample_id, warning.patient_id) == (
        "sample-id-filled-down", 3, None, "P1",
    )  # fmt: skip
    assert warning.message == (
        "4 rows give no patient id, below a row that gives one: each was read as that "
        "patient's (the first, line 3, as P1's), as a report that gives a patient's id only on "
        "its first row means; if a row is another patient's, give it its own id"
    )


def test_a_name_report_of_one_person_on_two_dates_fills_each_date_s_rows(
    tmp_path: Path,
) -> None:
    """Known item: 'Name' read as the patient (one name, two dates) filled nothing down:
    three people's IL-8 rows made one panel."""
    text = BY_PATIENT.replace("Patient ID", "Name").replace("P1", "Anna Li").replace("P2", "Ben")
    report = check_file(str(write(tmp_path, text)))
    panels = [(p.patient_id, p.collected_at, [r.line for r in p.results]) for p in report.panels]
    assert panels == [
        ("Anna Li", "2026-03-01", [2, 3, 4]), ("Anna Li", "2026-03-09", [5, 6]),
        ("Ben", "2026-03-01", [7, 8]),
    ]  # fmt: skip
    assert "marker-repeated" not in [w.code for w in report.warnings]


def test_two_processes_give_what_one_gives_in_a_report_grouped_by_patient(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(split, "MIN_BYTES", 0)
    lines = ["Patient ID,Collected,Test,Result,Units\n"]
    for n in range(400):
        lines.append(f"P{n // 2},2026-03-0{1 + n % 2},IL-6,{n % 9}.5,pg/mL\n")
        lines += [f",,{m},{n % 7}.25,pg/mL\n" for m in ("TNF-a", "IL-8", "IL-10")]
    path = write(tmp_path, "".join(lines))
    expected = one_process(path, ndjson_texts, CheckOptions())
    assert two(path, ndjson_texts, CheckOptions()) == expected
    for rows_per_batch in (7, 1000):
        parts = [ndjson_batch(b, RANGES) for b in read_batches(str(path), RANGES, rows_per_batch)]
        assert "".join(ndjson_join(parts, RANGES.info)) == expected
    results = [json.loads(line) for line in expected.splitlines() if '"marker_as_written"' in line]
    assert len(results) == 1600 and all(r["patient_id"] and r["collected_at"] for r in results)
    assert '"marker-repeated"' not in expected


def test_the_command_line_says_so_in_every_format(tmp_path: Path) -> None:
    path = write(tmp_path, GROUPED)
    for form in ("table", "json", "ndjson", "csv"):
        done = runner.invoke(app, ["check", str(path), "--format", form])
        assert done.exit_code == 1, (form, done.output)  # IL-6 and TNF-α high
        assert "sample-id-filled-down" in done.output or "as S1's" in done.output, form


@pytest.mark.parametrize("between", ["", "blank-at-cut", "header", "page", "comment", "quoted"])
def test_two_processes_give_what_one_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, between: str
) -> None:
    """QA: a cut at the header again, a page's line or a comment left the second part's first
    rows with no sample id."""
    monkeypatch.setattr(split, "MIN_BYTES", 0)
    header = "Sample ID,Patient,Date,Marker,Value,Unit\n"
    inserted = {
        "header": [header], "page": ["Page 3 of 9,,,,,\n", header], "comment": ["# checked,,,,,\n"],
    }.get(between, [])  # fmt: skip
    lines = [header]
    for sample in range(400):
        lines.append(f"S{sample},P{sample // 4},2026-03-01,IL-6,{sample % 9}.5,pg/mL\n")
        lines += [f",,,{m},{sample % 7}.25,pg/mL\n" for m in ("TNF-a", "IL-8")]
        lines += [*inserted, f",,,IL-10,{sample % 5}.75,pg/mL\n"]
    if between == "blank-at-cut":  # no sample id for many rows around the middle
        lines[700:1000] = [",,,IL-6,1.5,pg/mL\n"] * 300
    if between == "quoted":  # every text quoted, blanks too, as pandas and R write (QA)
        lines = [
            ",".join(f'"{c}"' if not c[:1].isdigit() else c for c in line[:-1].split(",")) + "\n"
            for line in lines
        ]
    path = write(tmp_path, "".join(lines))
    options = CheckOptions()

    expected = one_process(path, ndjson_texts, options)
    assert two(path, ndjson_texts, options) == expected
    assert '"code":"sample-id-filled-down"' in expected
    results = [json.loads(line) for line in expected.splitlines() if '"marker_as_written"' in line]
    assert len(results) == 1600 and all(r["sample_id"] for r in results)


def test_a_grouped_report_is_told_by_its_first_200_lines(tmp_path: Path) -> None:
    """As documented: a blank sample id first met past them stays blank (no per-row cost for
    files that give every id)."""
    given = "".join(f"S{n},IL-6,1.5,pg/mL\n" for n in range(250))
    late = check_file(str(write(tmp_path, f"Sample ID,Marker,Value,Unit\n{given},IL-8,5,pg/mL\n")))
    assert [r.sample_id for p in late.panels for r in p.results][-1] is None
    assert filled_warnings(late.warnings) == []
    text = f"Sample ID,Marker,Value,Unit\nS0,IL-6,1.5,pg/mL\n,IL-8,5,pg/mL\n{given},IL-8,5,pg/mL\n"
    early = check_file(str(write(tmp_path, text)))
    ids = [(r.line, r.sample_id) for p in early.panels for r in p.results]
    assert (3, "S0") in ids and (254, "S249") in ids
    assert [(line, n) for line, n, _ in filled_warnings(early.warnings)] == [(3, "S0")]
    assert filled_warnings(early.warnings)[0][2].startswith("2 rows give no sample id")


def test_a_sample_s_first_row_names_it_though_it_is_refused(tmp_path: Path) -> None:
    """QA: a sample whose first row had no value gave the rows below it to the sample above,
    another patient's."""
    text = (
        "sample_id,patient_id,marker,value,unit\nS1,P1,IL-6,1.0,pg/mL\n,,IL-8,2,pg/mL\n"
        "S2,P2,IL-10,,pg/mL\n,,TNF-a,60,pg/mL\n"
    )
    report = check_file(str(write(tmp_path, text)))
    assert {r.line: r.sample_id for p in report.panels for r in p.results} == {
        2: "S1", 3: "S1", 5: "S2",
    }  # fmt: skip
    assert [(i.line, i.sample_id) for i in report.rejected] == [(4, "S2")]


def test_dates_and_ids_are_compared_as_elsewhere(tmp_path: Path) -> None:
    """QA: '2026-04-02' below '2026-04-02' with a time of day, or '02.04.2026', was another
    date; rows under 'N/A' were said to be N/A's; the same id again did not start filling in
    after another patient's row."""
    text = (
        "sample_id,patient_id,collection date,collection time,marker,value,unit\n"
        "S1,P1,2026-04-02,08:00,IL-6,1.1,pg/mL\n,P1,2026-04-02,,IL-8,12.0,pg/mL\n"
        ",p1,02.04.2026,,IL-10,1.0,pg/mL\n"
        "N/A,P9,2026-04-03,,IL-6,9,pg/mL\n,,,,IL-8,9,pg/mL\n"
        "S2,P2,,,IL-6,1,pg/mL\n,P3,,,IL-8,1,pg/mL\nS2,P2,,,IL-10,1,pg/mL\n,,,,TNF-a,1,pg/mL\n"
    )
    report = check_file(str(write(tmp_path, text)))
    ids = {r.line: r.sample_id for p in report.panels for r in p.results}
    assert ids == {2: "S1", 3: "S1", 4: "S1", 5: None, 6: None, 7: "S2", 8: None, 9: "S2", 10: "S2"}
    assert filled_warnings(report.warnings)[0][2].startswith("3 rows give no sample id")


def test_a_control_s_rows_show_no_decimal_mark_ahead(tmp_path: Path) -> None:
    """QA: the look-ahead for a ',' file's decimal comma read a control's blank-id row as a
    sample's: a '"12,5"' there refused a sample's '1.340', and a '2.5' kept it."""
    comma = (
        "sample_id,marker,value,unit\nS1,IL-6,1.340,pg/mL\nStd1,IL-6,100,pg/mL\n"
        ',IL-8,"12,5",pg/mL\n'
    )
    point = comma.replace('"12,5"', "2.5") + 'S2,IL-8,"12,5",pg/mL\nS3,IL-6,1.340,pg/mL\n'
    read = check_file(str(write(tmp_path, comma)))
    assert [r.value for p in read.panels for r in p.results] == [1.34]
    refused = check_file(str(write(tmp_path, point))).rejected
    assert [(i.line, i.code) for i in refused] == [
        (2, "value-ambiguous-dot"),
        (6, "value-ambiguous-dot"),
    ]


def test_the_first_filled_row_s_line_counts_a_carriage_return_in_a_value(tmp_path: Path) -> None:
    path = tmp_path / "cr.csv"
    path.write_bytes(
        b'sample_id,marker,value,unit,comment\nS1,IL-6,1.1,pg/mL,x\n,IL-8,2,pg/mL,"a\rb"\n'
    )
    [(line, _, _)] = filled_warnings(check_file(str(path)).warnings)
    assert line == 3


def test_batches_keep_a_sample_s_rows_together_across_a_footer(tmp_path: Path) -> None:
    """QA: a batch cut at a footer row ('IL-6 Mean') lost the next filled row's patient."""
    from panelcli.batches import read_batches
    from panelcli.render.ndjson import ndjson_batch, ndjson_join

    text = (
        "sample_id,patient_id,collected_at,marker,value,unit\nS1,P1,2026-04-01,IL-6,1,pg/mL\n"
        "S2,P2,2026-04-02,IL-6,1.1,pg/mL\n,,,IL-6 Mean,2.1,pg/mL\n,,,IL-8,4,pg/mL\n"
    )
    path = write(tmp_path, text)
    expected = runner.invoke(app, ["check", str(path), "--format", "ndjson"]).stdout
    assert '"line":5,"column":"value","sample_id":"S2","patient_id":"P2"' in expected
    for size in (1, 2):
        parts = [ndjson_batch(b, RANGES) for b in read_batches(str(path), RANGES, size)]
        assert "".join(ndjson_join(parts, RANGES.info)) == expected, size


def test_a_sample_s_rows_take_its_patient_date_sex_and_age_from_its_first_row(
    tmp_path: Path,
) -> None:
    """QA: where the sample's first row was cancelled (so not judged), its other rows had no
    patient, date, sex or age: no trend, and a ferritin by sex and age indeterminate."""
    text = (
        "Sample ID,Patient ID,Date,Sex,Age,Test,Result,Units,Result Status\n"
        "A1,P1,2026-03-02,F,60,IL-6,,pg/mL,Cancelled\n,,,,,IL-8,30,pg/mL,Final\n"
        ",,,,,Ferritin,350,ng/mL,Final\nA2,P1,2026-03-09,F,60,IL-6,4,pg/mL,Final\n"
        ",,,,,IL-8,40,pg/mL,Final\n"
    )
    report = check_file(str(write(tmp_path, text)), "mayo-adult")
    assert [(p.sample_id, p.patient_id, p.collected_at) for p in report.panels] == [
        ("A1", "P1", "2026-03-02"), ("A2", "P1", "2026-03-09"),
    ]  # fmt: skip
    ferritin = [r for p in report.panels for r in p.results if r.marker == "Ferritin"]
    assert [r.status.value for r in ferritin] == ["high"]  # a woman of 60's range
    assert [t.patient_id for t in report.trends] == ["P1"]


def test_a_line_of_the_id_alone_ends_the_group_and_short_rows_are_filled_in(
    tmp_path: Path,
) -> None:
    """QA: a title in the id column ('Cytokines', '(continued)') took the rows below it; rows
    that stop before the sample id column were not filled in; the warning quoted 'S1 '."""
    titled = (
        "Sample ID,Patient ID,Date,Test,Result,Units\nA1,P1,2026-03-02,IL-8,1.3,pg/mL\n"
        "Cytokines,,,,,\n,,,IL-6,12.5,pg/mL\n"
    )
    report = check_file(str(write(tmp_path, titled)))
    assert {r.line: r.sample_id for p in report.panels for r in p.results} == {2: "A1", 4: None}
    short = (
        "Test,Result,Units,Sample ID,Patient ID\nIL-6,3,pg/mL,S1 ,P1\nIL-8,30,pg/mL\n"
        "IL-10,3,pg/mL,,\nIL-6,6,pg/mL,A2,P2\nIL-8,40,pg/mL\n"
    )
    report = check_file(str(write(tmp_path, short)))
    assert {r.line: (r.sample_id, r.patient_id) for p in report.panels for r in p.results} == {
        2: ("S1", "P1"), 3: ("S1", "P1"), 4: ("S1", "P1"), 5: ("A2", "P2"), 6: ("A2", "P2"),
    }  # fmt: skip
    [(line, sample, message)] = filled_warnings(report.warnings)
    assert (line, sample) == (3, "S1") and "as S1's" in message


def test_a_quoted_blank_id_is_no_place_to_cut() -> None:
    """QA: '""' (pandas' and R's quoting) was a sample id to the cut, which could start the
    second part at a row of no id, left with none (two processes differed from one)."""
    row = [b'""', b'""', b'""', b'"IL-8"', b"3", b'"pg/mL"']
    assert split._panel(row, [0, 1, 2], 6, 0) == split._NO_SAMPLE_ID
    assert split._panel([b'"S1"', *row[1:]], [0, 1, 2], 6, 0) == (b"s", b"S1")
    assert split._panel(row, [0, 1, 2], 6, None) == (b"p", b"", b"")  # no grouped report
    # a report grouped by patient: a row of no patient may be the patient's above
    assert split._panel(row, [None, 1, 2], 6, 1) == split._NO_SAMPLE_ID
    assert split._panel([b"", b"P1", *row[2:]], [None, 1, 2], 6, 1) == (b"p", b"P1", b"")


def test_review_a_broken_row_a_footer_and_a_padded_id(tmp_path: Path) -> None:
    """Review: the row after a broken CSV row took its line; a footer's 'Mean' with no id
    made a file that gives every id grouped (a blank id past line 200 was then filled in);
    an id padded with spaces was quoted so in the warning."""
    broken = (
        "Sample ID,Patient,Date,Marker,Value,Unit\nS1,P1,2026-03-01,IL-6,3.1,pg/mL\n"
        ',,,TNF-a,"30"x,pg/mL\n,,,IL-10,2.0,pg/mL\nS2,P2,2026-03-02,IL-6,1.0,pg/mL\n'
    )
    report = check_file(str(write(tmp_path, broken)))
    assert [(r.line, r.marker) for p in report.panels for r in p.results][1] == (4, "IL-10")
    given = "".join(f"S{n},IL-6,1.5,pg/mL\n" for n in range(250))
    footer = (
        f"Sample ID,Marker,Value,Unit\nS0,IL-6,1,pg/mL\n,Mean,3.5,pg/mL\n{given},IL-8,50,pg/mL\n"
    )
    report = check_file(str(write(tmp_path, footer)))
    assert [r.sample_id for p in report.panels for r in p.results][-1] is None
    padded = "Sample ID,Marker,Value,Unit\nS1   ,IL-6,1,pg/mL\n,IL-8,5,pg/mL\n"
    [(_, sample, message)] = filled_warnings(check_file(str(write(tmp_path, padded))).warnings)
    assert sample == "S1" and "below a row of S1: it was read as S1's" in message


def test_a_row_at_another_time_of_the_sample_s_day_is_not_the_sample_s(tmp_path: Path) -> None:
    """Review: a row giving only its time (09:00, in a time column) under a sample drawn at
    08:00 was filled in, and said to be drawn at 08:00; at 08:00 it is the sample's."""
    text = (
        "sample_id,patient_id,collection date,collection time,marker,value,unit\n"
        "S1,P1,2026-04-02,08:00,IL-6,1.1,pg/mL\n,,,08:00,IL-8,12,pg/mL\n"
        ",,,09:00,IL-10,1.0,pg/mL\n,,,,TNF-a,3,pg/mL\n"
    )
    report = check_file(str(write(tmp_path, text)))
    assert {r.line: (r.sample_id, r.collected_at) for p in report.panels for r in p.results} == {
        2: ("S1", "2026-04-02 08:00"), 3: ("S1", "2026-04-02 08:00"), 4: (None, None),
        5: (None, None),
    }  # fmt: skip


def test_qa_a_cancelled_first_row_a_pending_row_and_sample_headings(tmp_path: Path) -> None:
    """QA: a file whose only sample row had no value (a cancelled test) was not seen as
    grouped; a pending test's row (unit and status, no value) was left out of its sample; a
    heading line of a sample's id, patient and date was refused as a row with no marker."""
    cancelled = (
        "Sample ID,Patient ID,Date,Test,Result,Units,Result Status\n"
        "A1,P1,2026-03-02,IL-6,,pg/mL,Cancelled\n,,,IL-8,30,pg/mL,Final\n,,,IL-10,3,pg/mL,Final\n"
        ",,,IL-2,,pg/mL,Pending\n,,,Note: haemolysed,,,\n"
    )
    report = check_file(str(write(tmp_path, cancelled)))
    assert [(p.sample_id, p.patient_id, len(p.results)) for p in report.panels] == [
        ("A1", "P1", 2),
    ]  # fmt: skip
    assert [(i.line, i.code, i.sample_id) for i in report.warnings][:3] == [
        (2, "result-not-given", "A1"), (5, "result-not-given", "A1"),
        (6, "page-line-skipped", None),  # a note alone in the marker column: no sample's row
    ]  # fmt: skip
    assert report.rejected == []
    headed = (
        "Sample ID,Patient,Date,Marker,Value,Unit\nS1,P1,2026-03-01,,,\n,,,IL-6,3.1,pg/mL\n"
        "S2,P2,2026-03-02,,,\n,,,IL-6,1,pg/mL\n"
    )
    report = check_file(str(write(tmp_path, headed)))
    assert [(p.sample_id, p.patient_id, len(p.results)) for p in report.panels] == [
        ("S1", "P1", 1), ("S2", "P2", 1),
    ]  # fmt: skip
    assert report.rejected == []
    assert [(i.line, i.code) for i in report.warnings if i.code != "sample-id-filled-down"] == [
        (2, "sample-heading-skipped"), (4, "sample-heading-skipped"),
    ]  # fmt: skip
    done = runner.invoke(app, ["check", str(tmp_path / "grouped.csv"), "--format", "ndjson"])
    assert done.exit_code == 1  # IL-6 3.1 high; no row refused


def panels_of(tmp_path: Path, text: str) -> list[tuple[str | None, list[int]]]:
    report = check_file(str(write(tmp_path, text)))
    return [(p.sample_id, [r.line for r in p.results]) for p in report.panels]


NAMED = "Name,Test,Result,Units\nS-001,IL-6,12,pg/mL\n,TNF-a,3,pg/mL\n,IL-10,4,pg/mL\n"


def test_a_name_column_given_on_each_sample_s_first_row_only_names_its_samples(
    tmp_path: Path,
) -> None:
    """QA: a grouped report whose id column is called 'Name' was read as one panel of no
    sample (the column 'not read': its values differ), IL-6 'measured again'."""
    text = NAMED + "S-002,IL-6,1,pg/mL\n,TNF-a,30,pg/mL\n"
    assert panels_of(tmp_path, text) == [("S-001", [2, 3, 4]), ("S-002", [5, 6])]
    report = check_file(str(write(tmp_path, text)))
    assert [w.code for w in report.warnings] == ["sample-id-filled-down"]


@pytest.mark.parametrize(
    "text",
    [
        # a remark on some rows only ('Description'), the first row without one
        "Description,Test,Result,Units\n,IL-6,12,pg/mL\nfasting,TNF-a,3,pg/mL\n,IL-10,4,pg/mL\n"
        "hemolyzed,IL-8,1,pg/mL\n,IL-17,30,pg/mL\n",
        # a marker twice under one value: no sample's rows
        NAMED + ",IL-6,5,pg/mL\nS-002,IL-6,1,pg/mL\n,TNF-a,30,pg/mL\n",
        # one value only: nothing tells it from a remark
        NAMED,
    ],
)
def test_a_column_read_by_its_rows_is_not_taken_for_a_grouped_report_s_ids_otherwise(
    tmp_path: Path, text: str
) -> None:
    assert [sample for sample, _ in panels_of(tmp_path, text)] == [None]


def test_a_name_report_with_a_correction_still_names_its_samples(tmp_path: Path) -> None:
    """QA round 2: a corrected row repeats its marker under a 'Name': the column was then not
    read, every sample in one panel (86,870 'measured again' in a big file)."""
    text = (
        "Name,Collection Date,Test,Result,Units,Status\nSample A,2026-03-02,IL-6,45,pg/mL,Final\n"
        ",,IL-8,3,pg/mL,Final\n,,IL-6,1,pg/mL,Corrected\nSample B,2026-03-02,IL-6,2,pg/mL,Final\n"
        ",,IL-8,30,pg/mL,Final\n"
    )
    assert panels_of(tmp_path, text) == [("Sample A", [3, 4]), ("Sample B", [5, 6])]


def test_a_label_alone_in_a_grouped_report_is_a_note_and_prose_in_its_id_column_is_not(
    tmp_path: Path,
) -> None:
    """QA round 2: 'Note:' alone was a sample 'Note:', and 'Dr Lee notified' was said to head
    rows it did not fill. A labelled note is skipped and the sample's rows go on below it;
    words alone in the id column may be another's id ('van der Berg': review), so they end
    the group and are refused, as a title such as 'Cytokines' is."""
    text = (
        "Sample ID,Patient ID,Collection Date,Test,Result,Units\nS3,P3,2026-03-04,IL-8,30,pg/mL\n"
        "Note: Dr Lee notified\n,,,IL-10,1,pg/mL\nDr Lee notified\n,,,IL-6,1,pg/mL\n"
        "van der Berg,,,,,\n,,,IL-2,1,pg/mL\n"
    )
    report = check_file(str(write(tmp_path, text)))
    assert [(p.sample_id, [r.line for r in p.results]) for p in report.panels] == [
        ("S3", [2, 4]), ("Dr Lee notified", []), (None, [6, 8]), ("van der Berg", []),
    ]  # fmt: skip
    # the rows below words alone in the id column stand under no sample: said (once a file)
    assert [(w.line, w.code) for w in report.warnings if w.code != "sample-id-filled-down"] == [
        (3, "page-line-skipped"), (6, "sample-id-missing"),
    ]  # fmt: skip
    assert [(r.line, r.code) for r in report.rejected] == [
        (5, "marker-missing"), (7, "marker-missing"),
    ]  # fmt: skip


def test_words_alone_below_the_only_sample_row_are_refused_as_elsewhere(tmp_path: Path) -> None:
    """Differential check: below a file's only sample row, 'Dr Lee notified' made the file
    not grouped (so it was skipped as a note, and the rows below had no sample); with
    another sample's filled row in the file, it was refused. Now alike: refused, and the
    group ends there."""
    text = (
        "sample_id,patient_id,collected_at,marker,value,unit\nS1,P1,2026-03-02,IL-6,45,pg/mL\n"
        "Dr Lee notified,,,,,\n,,,IL-8,5,pg/mL\n"
    )
    report = check_file(str(write(tmp_path, text)))
    assert [(r.line, r.code) for r in report.rejected] == [(3, "marker-missing")]
    assert {r.line: r.sample_id for p in report.panels for r in p.results} == {2: "S1", 4: None}


def test_a_patient_given_on_each_row_is_no_grouped_report(tmp_path: Path) -> None:
    """Review: rows of no one (a control's) after a patient given on each of their rows were
    given to that patient (IL-6 150 and IL-8 700 as P1's, 'measured again')."""
    text = "patient_id,marker,value,unit\nP1,IL-6,1,pg/mL\nP1,IL-8,2,pg/mL\n,IL-6,150,pg/mL\n"
    report = check_file(str(write(tmp_path, text)))
    panels = [(p.patient_id, [r.line for r in p.results]) for p in report.panels]
    assert panels == [("P1", [2, 3]), (None, [4])]
    assert filled_warnings(report.warnings) == []
