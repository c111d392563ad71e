"""A corrected result (its result status 'C', 'Corrected', 'Amended') replaces the earlier
result of its marker among its sample's rows just above: that one is left out with a
`result-superseded` warning, and only the correction is judged (QA: both were judged, the
summary said the withdrawn IL-6 45 pg/mL was 18 times the limit, exit 1). A preliminary or
corrected result's note says what it is, so that a script reading results alone can tell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_two_processes import one_process, two
from typer.testing import CliRunner

from panelcli import split
from panelcli.batches import read_batches
from panelcli.check import CheckOptions, Interpreter
from panelcli.cli import app
from panelcli.models import Issue, Result
from panelcli.ranges import load_ranges
from panelcli.render.ndjson import ndjson_batch, ndjson_join, ndjson_texts

RANGES = load_ranges(None)
runner = CliRunner()

HEADER = "Accession,Patient ID,Collection Date,Test,Result,Units,Result Status\n"
CORRECTED = (
    HEADER + "A1,P1,2026-03-02,IL-6,45,pg/mL,F\nA1,P1,2026-03-02,IL-8,5,pg/mL,F\n"
    "A1,P1,2026-03-02,IL-6,1.2,pg/mL,C\n"
)


def two_processes_and_batches_give(path: Path, expected: str, sizes: tuple[int, ...]) -> None:
    """Two processes, and batches of each size joined, give one process's NDJSON."""
    assert two(path, ndjson_texts, CheckOptions()) == expected
    for rows_per_batch in sizes:
        parts = [ndjson_batch(b, RANGES) for b in read_batches(str(path), RANGES, rows_per_batch)]
        assert "".join(ndjson_join(parts, RANGES.info)) == expected, rows_per_batch


def events(tmp_path: Path, text: str) -> list[Result | Issue]:
    path = tmp_path / "corrected.csv"
    path.write_text(text, encoding="utf-8")
    return list(Interpreter(RANGES, CheckOptions()).events([str(path)]))


def test_a_corrected_result_replaces_the_earlier_one_of_its_marker(tmp_path: Path) -> None:
    found = events(tmp_path, CORRECTED)
    results = [e for e in found if isinstance(e, Result)]
    assert [(r.line, r.marker, r.value, r.status.value) for r in results] == [
        (3, "IL-8", 5.0, "normal"), (4, "IL-6", 1.2, "normal"),
    ]  # fmt: skip
    assert results[1].note == "the lab's corrected result: it replaces '45 pg/mL' on line 2"
    issues = [(i.line, i.code) for i in found if isinstance(i, Issue)]
    assert issues == [(4, "result-corrected"), (2, "result-superseded")]  # not 'measured again'
    [superseded] = [i for i in found if isinstance(i, Issue) and i.code == "result-superseded"]
    assert (superseded.sample_id, superseded.patient_id, superseded.marker) == ("A1", "P1", "IL-6")
    assert superseded.message == (
        "IL-6 '45 pg/mL' on this line (high) was replaced by the lab's corrected result on line "
        "4 ('1.2 pg/mL'); only the corrected result is judged"
    )


def test_the_exit_code_and_totals_count_only_the_correction(tmp_path: Path) -> None:
    path = tmp_path / "corrected.csv"
    path.write_text(CORRECTED, encoding="utf-8")
    for form in ("json", "ndjson", "table"):
        result = runner.invoke(app, ["check", str(path), "--format", form])
        assert result.exit_code == 0, (form, result.output)  # was 1: the withdrawn 45 high
    report = json.loads(runner.invoke(app, ["check", str(path), "--format", "json"]).stdout)
    assert report["totals"]["results"] == 2 and report["totals"]["by_status"]["high"] == 0
    assert not any("more than once" in t for t in report["panels"][0]["summary"]["text"])


def test_an_earlier_result_of_rows_apart_stays_and_a_lone_correction_is_noted(
    tmp_path: Path,
) -> None:
    """Another sample's rows between: the earlier result is out already (flat memory)."""
    text = (
        HEADER + "A1,P1,2026-03-02,IL-6,45,pg/mL,F\nB1,P2,2026-03-02,IL-6,3,pg/mL,F\n"
        "A1,P1,2026-03-02,IL-6,1.2,pg/mL,Corrected\nC1,P3,2026-03-02,IL-8,4,pg/mL,Amended\n"
    )
    found = events(tmp_path, text)
    assert [(r.line, r.note) for r in found if isinstance(r, Result)] == [
        (2, None), (3, None), (4, "the lab's corrected result"), (5, "the lab's corrected result")
    ]  # fmt: skip
    assert "result-superseded" not in [i.code for i in found if isinstance(i, Issue)]


def test_a_preliminary_result_says_so_in_its_note(tmp_path: Path) -> None:
    text = HEADER + "A1,P1,2026-03-02,IL-6,45,pg/mL,Preliminary\nA1,P1,2026-03-02,IL-8,5,pg/mL,F\n"
    notes = [r.note for r in events(tmp_path, text) if isinstance(r, Result)]
    assert notes == ["a preliminary result: the final one may differ", None]


def test_every_path_replaces_it_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(split, "MIN_BYTES", 0)
    path, expected = big_file(tmp_path, 600, 7, ("{n}", "F"), ("1.5", "C"))
    assert expected.count('"code":"result-superseded"') == 86
    two_processes_and_batches_give(path, expected, (5, 1000))


def big_file(
    tmp_path: Path, samples: int, every: int, first: tuple[str, str], later: tuple[str, str]
) -> tuple[Path, str]:
    """A file of samples' IL-6 (value and status `first`) and IL-8 rows, with a later IL-6
    row (`later`) in every `every`th sample, and one process's NDJSON of it."""
    rows = []
    for n in range(samples):
        rows.append(f"A{n},P{n},2026-03-02,IL-6,{first[0].format(n=n % 50)},pg/mL,{first[1]}\n")
        rows.append(f"A{n},P{n},2026-03-02,IL-8,5,pg/mL,F\n")
        if n % every == 0:
            rows.append(f"A{n},P{n},2026-03-02,IL-6,{later[0]},pg/mL,{later[1]}\n")
    path = tmp_path / "big.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path, one_process(path, ndjson_texts, CheckOptions())


def test_one_sample_s_events_are_held_back_only_so_far(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file of one sample's rows is not held whole: past the limit, what is held goes on, and
    a correction of a result out by then leaves it."""
    from panelcli import check

    monkeypatch.setattr(check, "HELD_AT_MOST", 5)
    row = "A1,P1,2026-03-02,{},2,pg/mL,{}\n"
    text = HEADER + "".join(
        row.format(marker, status)
        for marker, status in [("IL-2", "F"), ("IL-8", "F"), ("IL-8", "C"), ("IL-4", "F"),
                               ("IL-5", "F"), ("IL-2", "C")]
    )  # fmt: skip
    found = events(tmp_path, text)
    assert [(i.line, i.code) for i in found if isinstance(i, Issue)] == [
        (4, "result-corrected"), (3, "result-superseded"),  # line 3 was still held
        (7, "result-corrected"), (7, "marker-repeated"),  # line 2 had gone on
    ]  # fmt: skip


def outline(found: list[Result | Issue]) -> list[tuple[object, ...]]:
    return [
        (e.line, e.code) if isinstance(e, Issue) else (e.line, e.marker, e.value) for e in found
    ]


def test_a_correction_of_another_patient_or_date_replaces_nothing(tmp_path: Path) -> None:
    """QA round 2: a 'C' row of sample S2 given for another patient replaced P2's high IL-6
    (exit 0); it is a mix-up, said as sample-conflict, and both are judged."""
    text = (
        HEADER + "S2,P2,2026-03-01,IL-6,45,pg/mL,F\nS2,P3,2026-03-01,IL-6,1,pg/mL,C\n"
        "S1,P1,2026-03-01,IL-6,45,pg/mL,F\nS1,P1,2026-03-05,IL-6,1,pg/mL,C\n"
    )
    found = outline(events(tmp_path, text))
    assert [f for f in found if len(f) == 3] == [
        (2, "IL-6", 45.0), (3, "IL-6", 1.0), (4, "IL-6", 45.0), (5, "IL-6", 1.0)
    ]  # fmt: skip
    assert (3, "sample-conflict") in found and (5, "sample-conflict") in found
    assert (2, "result-superseded") not in found


def test_a_final_result_replaces_a_preliminary_one_but_not_another_final_one(
    tmp_path: Path,
) -> None:
    """QA round 2: a preliminary IL-2 3 and its final 4 were both judged."""
    text = (
        HEADER + "A1,P1,2026-03-02,IL-2,3,pg/mL,P\nA1,P1,2026-03-02,IL-2,4 H,pg/mL,F\n"
        "A1,P1,2026-03-02,IL-8,5,pg/mL,F\nA1,P1,2026-03-02,IL-8,6,pg/mL,F\n"
    )
    found = events(tmp_path, text)
    assert [f for f in outline(found) if len(f) == 3] == [
        (3, "IL-2", 4.0), (4, "IL-8", 5.0), (5, "IL-8", 6.0)
    ]  # fmt: skip
    [superseded] = [e for e in found if isinstance(e, Issue) and e.code == "result-superseded"]
    assert superseded.line == 2 and superseded.message == (
        "IL-2 '3 pg/mL' on this line (high) was replaced by the lab's final result on line 3 "
        "('4 pg/mL'); only the final result is judged"
    )
    assert (5, "marker-repeated") in outline(found)  # two final IL-8: both kept


def test_a_wide_row_s_correction_replaces_the_markers_it_gives(tmp_path: Path) -> None:
    """QA round 2: in a wide file the corrected row's IL-6 was judged beside the one it
    corrects; its blank IL-8 cell corrects nothing."""
    text = (
        "Sample,Patient,IL-6 (pg/mL),IL-8 (pg/mL),Result Status\n"
        "S1,P1,45,12,Final\nS1,P1,4,,Corrected\n"
    )
    found = outline(events(tmp_path, text))
    assert [f for f in found if len(f) == 3] == [(2, "IL-8", 12.0), (3, "IL-6", 4.0)]
    assert (2, "result-superseded") in found and (3, "marker-repeated") not in found


def test_a_file_that_stops_keeps_the_results_held_before_it(tmp_path: Path) -> None:
    """Review: a line too long stopped the file and the held sample's results were lost."""
    path = tmp_path / "stop.csv"
    path.write_text(
        HEADER + "A1,P1,2026-03-02,IL-6,4,pg/mL,F\nA2,P2,2026-03-02,IL-6,4,pg/mL,F\n"
        + "A3,P3,2026-03-02,IL-6," + "9" * 2000 + ",pg/mL,F\n",
        encoding="utf-8",
    )  # fmt: skip
    found = list(Interpreter(RANGES, CheckOptions(max_line_length=1024)).events([str(path)]))
    assert [e.line for e in found if isinstance(e, Result)] == [2, 3]
    assert [e.code for e in found if isinstance(e, Issue)] == ["file-unreadable"]


def test_two_processes_quote_the_grouping_one_process_met(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review: the second part's value-comma-groups quoted its own '"2,000.5"', one process
    the file's first '"1,340.5"'."""
    monkeypatch.setattr(split, "MIN_BYTES", 0)
    rows = [f"S{n},IL-{6 if n % 2 else 8},{n % 9}.5,pg/mL\n" for n in range(3000)]
    rows[5] = 'S5,IL-6,"1,340.5",pg/mL\n'
    rows[2500] = 'S2500,IL-6,"2,000.5",pg/mL\n'
    rows[2600] = 'S2600,IL-6,"1,120",pg/mL\n'
    path = tmp_path / "big.csv"
    path.write_text("sample_id,marker,value,unit\n" + "".join(rows), encoding="utf-8")
    expected = one_process(path, ndjson_texts, CheckOptions())
    assert "as this file groups thousands so ('1,340.5')" in expected
    assert two(path, ndjson_texts, CheckOptions()) == expected


WIDE = (
    "Sample ID,Patient ID,Collection Date,Result Status,IL-6 (pg/mL),IL-8 (pg/mL),TNF-α (pg/mL)\n"
)


def test_a_wide_row_s_correction_replaces_each_marker_it_gives(tmp_path: Path) -> None:
    """QA round 3: only the first marker of a corrected wide row replaced its earlier result
    (IL-8 50 stayed high beside its correction 1); only the first of a preliminary row's
    results said it was preliminary."""
    text = WIDE + "S1,P1,2026-03-02,F,45,50,3\nS1,P1,2026-03-02,C,2,1,\nS2,P1,2026-03-09,P,10,4,2\n"
    found = events(tmp_path, text)
    assert [(r.line, r.marker, r.value) for r in found if isinstance(r, Result)] == [
        (2, "TNF-α", 3.0), (3, "IL-6", 2.0), (3, "IL-8", 1.0),
        (4, "IL-6", 10.0), (4, "IL-8", 4.0), (4, "TNF-α", 2.0),
    ]  # fmt: skip
    superseded = [i for i in found if isinstance(i, Issue) and i.code == "result-superseded"]
    assert [(i.line, i.marker) for i in superseded] == [(2, "IL-6"), (2, "IL-8")]
    assert [r.note for r in found if isinstance(r, Result) and r.line == 4] == [
        "a preliminary result: the final one may differ"
    ] * 3


def test_a_correction_beside_several_results_of_its_marker_replaces_none(tmp_path: Path) -> None:
    """QA round 3: a correction after two replicates replaced the second only (the first
    stayed high), and after a marker given twice it was said to replace one while the
    'measured again … every result is kept' warning stayed: which one it corrects is unsaid."""
    text = (
        HEADER + "A1,P1,2026-03-02,IL-6 Rep 1,40,pg/mL,F\nA1,P1,2026-03-02,IL-6 Rep 2,50,pg/mL,F\n"
        "A1,P1,2026-03-02,IL-6,2.0,pg/mL,C\n"
    )
    found = events(tmp_path, text)
    assert [r.line for r in found if isinstance(r, Result)] == [2, 3, 4]
    assert "result-superseded" not in [i.code for i in found if isinstance(i, Issue)]
    [corrected] = [r for r in found if isinstance(r, Result) and r.line == 4]
    assert corrected.note == (
        "the lab's corrected result; it may replace one of the results of IL-6 on lines 2 and "
        "3, which are judged too"
    )


@pytest.mark.parametrize("status", ["F", "C"])
def test_a_result_after_a_row_of_its_marker_with_no_result_replaces_that_row(
    tmp_path: Path, status: str
) -> None:
    """QA round 3: a pending or cancelled IL-6 and then its result: the panel said IL-6 was
    'not back yet' beside the result."""
    text = (
        HEADER + "S5,P1,2026-03-06,IL-6,pending,,P\nS5,P1,2026-03-06,IL-8,3,pg/mL,F\n"
        f"S5,P1,2026-03-06,IL-6,1,pg/mL,{status}\n"
    )
    found = events(tmp_path, text)
    [superseded] = [i for i in found if isinstance(i, Issue) and i.code == "result-superseded"]
    kind = "final" if status == "F" else "corrected"
    assert (superseded.line, superseded.message) == (
        2, f"IL-6 on this line (no result then) was replaced by the lab's {kind} result on "
        f"line 4 ('1 pg/mL'); only the {kind} result is judged",
    )  # fmt: skip
    assert "result-not-given" not in [i.code for i in found if isinstance(i, Issue)]
    path = tmp_path / "corrected.csv"
    report = json.loads(runner.invoke(app, ["check", str(path), "--format", "json"]).stdout)
    assert not any("not back yet" in t for t in report["panels"][0]["summary"]["text"])


def test_review_a_final_wide_row_replaces_each_preliminary_result_and_replicates_stay_apart(
    tmp_path: Path,
) -> None:
    """Review: a final wide row replaced the preliminary IL-6 only (IL-8 50 stayed high), and
    a final 'IL-6 Rep 2' replaced a preliminary 'IL-6 Rep 1'."""
    wide = WIDE + "S1,P1,2026-03-02,P,45,50,\nS1,P1,2026-03-02,F,2,3,\n"
    found = events(tmp_path, wide)
    assert [(r.line, r.marker) for r in found if isinstance(r, Result)] == [
        (3, "IL-6"), (3, "IL-8"),
    ]  # fmt: skip
    replicates = (
        HEADER + "A1,P1,2026-03-02,IL-6 Rep 1,40,pg/mL,P\nA1,P1,2026-03-02,IL-6 Rep 2,2,pg/mL,F\n"
    )
    found = events(tmp_path, replicates)
    assert [r.line for r in found if isinstance(r, Result)] == [2, 3]
    assert "result-superseded" not in [i.code for i in found if isinstance(i, Issue)]
    named = (
        HEADER + "A1,P1,2026-03-02,IL-6 Rep 1,40,pg/mL,F\nA1,P1,2026-03-02,IL-6 Rep 2,50,pg/mL,F\n"
        "A1,P1,2026-03-02,IL-6 Rep 2,2,pg/mL,C\n"
    )
    found = events(tmp_path, named)
    assert [r.line for r in found if isinstance(r, Result)] == [2, 4]  # Rep 2 by Rep 2


def test_review_a_row_of_no_sample_does_not_end_the_sample_s_rows(tmp_path: Path) -> None:
    """Review: a control's row between them ended the held sample: no replacement."""
    text = (
        HEADER + "A1,P1,2026-03-02,IL-6,45,pg/mL,F\nQC1,,,IL-8,3,pg/mL,F\n"
        "A1,P1,2026-03-02,IL-6,1.2,pg/mL,C\n"
    )
    found = events(tmp_path, text)
    assert [r.line for r in found if isinstance(r, Result) and r.marker == "IL-6"] == [4]


def test_review_the_rows_held_are_counted_so_every_path_agrees(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review: the limit counted events, and was reached between a row's status warning and
    its result (the correction lost its note), and at another row in batches, whose
    once-per-file warnings are given again before `ndjson_join` drops them."""
    from panelcli import check

    monkeypatch.setattr(check, "HELD_AT_MOST", 4)
    monkeypatch.setattr(split, "MIN_BYTES", 0)
    rows = ["B0,P0,2026-13-45,IL-6,3,pg/mL,F\n"]  # a bad date: warned once a file
    for n in range(1, 600):  # IL-6, 0 to 5 other markers, IL-6 again: replaced if 4 rows or less
        rows.append(f"B{n},P{n},2026-13-45,IL-6,45,pg/mL,{'P' if n % 2 else 'F'}\n")
        rows += [f"B{n},P{n},2026-13-45,IL-{m},{m},pg/mL,F\n" for m in (2, 4, 5, 8, 10)[: n % 6]]
        rows.append(f"B{n},P{n},2026-13-45,IL-6,1,pg/mL,{'F' if n % 2 else 'C'}\n")
    path = tmp_path / "big.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    expected = one_process(path, ndjson_texts, CheckOptions())
    assert 250 < expected.count('"code":"result-superseded"') < 350
    two_processes_and_batches_give(path, expected, (3, 50, 1000))


def test_a_correction_that_gives_no_result_withdraws_the_earlier_one(tmp_path: Path) -> None:
    """QA round 3: a 'C' row whose value is 'Cancelled' left the IL-6 5 it cancels judged,
    high (exit 1)."""
    text = (
        HEADER + "S2,P1,2026-03-03,IL-6,5,pg/mL,F\nS2,P1,2026-03-03,IL-8,3,pg/mL,F\n"
        "S2,P1,2026-03-03,IL-6,Cancelled,,C\n"
    )
    found = events(tmp_path, text)
    assert [(r.line, r.marker) for r in found if isinstance(r, Result)] == [(3, "IL-8")]
    issues = [(i.line, i.code) for i in found if isinstance(i, Issue)]
    assert issues == [(4, "result-corrected"), (2, "result-superseded"), (4, "result-not-given")]
    [withdrawn] = [i for i in found if isinstance(i, Issue) and i.code == "result-superseded"]
    assert withdrawn.message == (
        "IL-6 '5 pg/mL' on this line (high) was withdrawn by the lab's correction on line 4, "
        "which gives no result; it is not judged"
    )
    path = tmp_path / "corrected.csv"
    assert runner.invoke(app, ["check", str(path)]).exit_code == 0


def test_a_withdrawing_correction_leaves_another_marker_s_repeat_said(tmp_path: Path) -> None:
    """Self-review: a wide corrected row's 'Cancelled' IL-6 took out the 'measured again'
    warning of its IL-8 too, whose three results are all kept."""
    text = (
        "Sample ID,Patient ID,Result Status,IL-8 (pg/mL),IL-6 (pg/mL)\n"
        "S1,P1,F,3,5\nS1,P1,F,4,\nS1,P1,C,2,Cancelled\n"
    )
    found = events(tmp_path, text)
    assert [r.line for r in found if isinstance(r, Result) and r.marker == "IL-8"] == [2, 3, 4]
    repeated = [
        (i.line, i.marker) for i in found if isinstance(i, Issue) and i.code == "marker-repeated"
    ]
    assert repeated == [(3, "IL-8"), (4, "IL-8")]
    assert (2, "result-superseded") in [(i.line, i.code) for i in found if isinstance(i, Issue)]


def test_a_preliminary_row_with_no_value_is_a_result_still_to_come(tmp_path: Path) -> None:
    """QA: a 'P' row with a blank value was refused as empty (exit 2); an 'F' one still is,
    and the final result that comes later replaces the 'P' row."""
    text = (
        HEADER + "S6,P1,2026-03-06,IL-6,,pg/mL,P\nS6,P1,2026-03-06,IL-8,3,pg/mL,F\n"
        "S6,P1,2026-03-06,IL-10,,pg/mL,F\n"
    )
    found = events(tmp_path, text)
    issues = [(i.line, i.code) for i in found if isinstance(i, Issue)]
    assert issues == [(2, "result-not-given"), (4, "value-missing")]
    [pending] = [i for i in found if isinstance(i, Issue) and i.code == "result-not-given"]
    assert pending.message == (
        "the result status 'P' says this result is preliminary and has no value yet: it is "
        "still pending; this row was not judged"
    )
    path = tmp_path / "corrected.csv"
    report = json.loads(runner.invoke(app, ["check", str(path), "--format", "json"]).stdout)
    assert (
        "The IL-6 result of this sample is not back yet (line 2)."
        in (report["panels"][0]["summary"]["text"])
    )
    found = events(tmp_path, text + "S6,P1,2026-03-06,IL-6,1,pg/mL,F\n")
    superseded = [i.line for i in found if isinstance(i, Issue) and i.code == "result-superseded"]
    assert superseded == [2]


def test_every_path_reads_a_preliminary_row_with_no_value_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(split, "MIN_BYTES", 0)
    path, expected = big_file(tmp_path, 400, 3, ("", "P"), ("2", "F"))
    assert expected.count('"code":"result-superseded"') == 134
    assert expected.count('"code":"result-not-given"') == 266
    assert '"rejected":{' not in expected
    two_processes_and_batches_give(path, expected, (5, 1000))


def test_what_was_said_of_a_replaced_result_goes_with_it(tmp_path: Path) -> None:
    """Known item: a replaced preliminary TNF-α kept its 'preliminary' and 'the lab flagged it
    low, but it is high' warnings, of a value no longer judged; the once-per-file warning that
    flags are not used stays (it stands for the file's other flags)."""
    text = (
        "Accession,Patient ID,Collection Date,Test,Result,Units,Flag,Result Status\n"
        "A1,P1,2026-03-02,TNF-a,45,pg/mL,L,P\nA1,P1,2026-03-02,IL-8,5,pg/mL,H,F\n"
        "A1,P1,2026-03-02,TNF-a,1.2,pg/mL,,C\n"
    )
    found = events(tmp_path, text)
    issues = [(i.line, i.code) for i in found if isinstance(i, Issue)]
    assert issues == [
        (2, "value-flag-ignored"), (3, "value-flag-disagrees"), (4, "result-corrected"),
        (2, "result-superseded"),
    ]  # fmt: skip
    withdrawn = events(tmp_path, text.replace("1.2,pg/mL,,C", "Cancelled,,,C"))
    assert [(i.line, i.code) for i in withdrawn if isinstance(i, Issue)] == [
        (2, "value-flag-ignored"), (3, "value-flag-disagrees"), (4, "result-corrected"),
        (2, "result-superseded"), (4, "result-not-given"),
    ]  # fmt: skip


def test_a_row_that_gives_no_result_ends_the_preliminary_result_of_its_test(tmp_path: Path) -> None:
    """QA: a preliminary IL-6 60 and then an 'X' (cancelled) row of IL-6 for the sample: 60
    stayed judged high (exit 1) and the summary said one more test had no result. And a
    'pending' value beside 'P' was said to be both preliminary and not given."""
    text = (
        HEADER + "S3,P1,2026-03-06,IL-6,60,pg/mL,P\nS3,P1,2026-03-06,IL-8,3,pg/mL,F\n"
        "S3,P1,2026-03-06,IL-6,,pg/mL,X\nS4,P2,2026-03-06,IL-6,pending,pg/mL,P\n"
    )
    found = events(tmp_path, text)
    assert [(r.line, r.marker) for r in found if isinstance(r, Result)] == [(3, "IL-8")]
    assert [(i.line, i.code) for i in found if isinstance(i, Issue)] == [
        (2, "result-superseded"), (4, "result-not-given"), (5, "result-not-given"),
    ]  # fmt: skip
    [superseded] = [i for i in found if isinstance(i, Issue) and i.code == "result-superseded"]
    assert superseded.message == (
        "IL-6 '60 pg/mL' on this line (high, preliminary) was withdrawn by the lab's later row on "
        "line 4, which says no result is given; it is not judged"
    )
    # a final result is no preliminary one: an 'X' row after it withdraws nothing
    final = events(tmp_path, text.replace("IL-6,60,pg/mL,P", "IL-6,60,pg/mL,F"))
    assert [(r.line, r.marker) for r in final if isinstance(r, Result)] == [
        (2, "IL-6"),
        (3, "IL-8"),
    ]


def test_a_held_mean_row_s_status_is_said_on_every_path(tmp_path: Path) -> None:
    """Review: a mean row held until its sample's rows end ('IL-10 Mean', its replicate row
    blank) lost its 'corrected' note where it was released at the end of the rows (a file's
    last sample, a batch's): batches and one process differed."""
    path = tmp_path / "means.csv"
    path.write_text(
        "Sample ID,Marker,Value,Unit,Status\nS1,IL-10 Rep 1,,pg/mL,F\nS1,IL-10 Mean,2.4,pg/mL,C\n"
        "S2,IL-6,3,pg/mL,F\nS2,IL-10 Mean,2.2,pg/mL,P\n",
        encoding="utf-8",
    )
    expected = one_process(path, ndjson_texts, CheckOptions())
    means = [json.loads(line) for line in expected.splitlines() if '"IL-10 Mean"' in line]
    assert [m["note"] for m in means if "note" in m] == [
        "the average of repeat measurements, as given in the file; the lab's corrected result",
        "the average of repeat measurements, as given in the file; a preliminary result: the "
        "final one may differ",
    ]
    for rows_per_batch in (1, 2, 50):
        parts = [ndjson_batch(b, RANGES) for b in read_batches(str(path), RANGES, rows_per_batch)]
        assert "".join(ndjson_join(parts, RANGES.info)) == expected, rows_per_batch
