"""Sample panels are synthetic and say so, in every format (QA, developer round).

A file is synthetic when a comment line above its header says the bundled samples' marker
sentence: so a copy on stdin, under another name or edited, is marked as the sample is.
"""

from __future__ import annotations

import html
import io
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli import split
from panelcli.batches import read_batches
from panelcli.check import CheckOptions, Interpreter, Tally, check_file, check_files
from panelcli.cli import app
from panelcli.ranges import load_ranges
from panelcli.render import two_processes
from panelcli.render.ndjson import ndjson_batch, ndjson_join, ndjson_texts
from panelcli.render.stream import write_lines

REPO = Path(__file__).resolve().parent.parent
STORM = REPO / "samples" / "cytokine-storm.csv"
SAID = "says it is synthetic: made up for teaching or testing"
#: The bundled samples' first line says this (the contract: written out, not imported).
SYNTHETIC_MARKER = "Synthetic example data made up for panelcli."
HEADER = "sample_id,patient_id,collected_at,marker,value,unit\n"
runner = CliRunner()


def flat(text: str) -> str:
    return " ".join(text.split())


def plain_copy(tmp_path: Path) -> Path:
    """The storm sample without its marker comment: a file like any lab's."""
    path = tmp_path / "lab.csv"
    path.write_bytes(STORM.read_bytes().split(b"\n", 1)[1])
    return path


@pytest.mark.parametrize("path", sorted((REPO / "samples").glob("*.csv")), ids=lambda p: p.name)
def test_every_bundled_sample_starts_with_the_marker_and_is_found_synthetic(path: Path) -> None:
    assert path.read_text(encoding="utf-8", errors="replace").startswith(f"# {SYNTHETIC_MARKER}")
    assert check_file(path).synthetic_sources == [str(path)]


def test_the_core_marks_a_copy_on_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORM.read_bytes())))
    assert check_file("-").synthetic_sources == ["-"]


def test_the_core_marks_a_renamed_and_edited_copy(tmp_path: Path) -> None:
    copy = tmp_path / "results.csv"
    copy.write_bytes(STORM.read_bytes() + b"SYN-S-01,SYNTH-003,2026-05-20,IL-8,1,pg/mL\n")
    report = check_files([copy, plain_copy(tmp_path), copy])  # the second reading: once
    assert report.synthetic_sources == [str(copy)]


def test_the_core_does_not_mark_a_normal_file_or_the_sentence_elsewhere(tmp_path: Path) -> None:
    assert check_file(plain_copy(tmp_path)).synthetic_sources == []
    below = tmp_path / "below.csv"  # a comment under the header is no word about the file
    below.write_text(f"{HEADER}# {SYNTHETIC_MARKER}\nS1,P1,2026-01-01,IL-6,2,pg/mL\n")
    assert check_file(below).synthetic_sources == []


def test_json_always_has_the_field(tmp_path: Path) -> None:
    for path, expected in ((STORM, [str(STORM)]), (plain_copy(tmp_path), [])):
        document = json.loads(runner.invoke(app, ["check", str(path), "-f", "json"]).stdout)
        assert document["synthetic_sources"] == expected


def test_the_schemas_require_the_field() -> None:
    output = json.loads(runner.invoke(app, ["schema", "output"]).stdout)
    assert "synthetic_sources" in output["required"]
    ndjson = runner.invoke(app, ["schema", "ndjson"]).stdout
    assert '"synthetic_sources"' in ndjson


def test_ndjson_says_it_in_the_closing_line(tmp_path: Path) -> None:
    data = STORM.read_bytes()
    end = json.loads(
        runner.invoke(app, ["check", "-", "-f", "ndjson"], input=data).stdout.splitlines()[-1]
    )
    assert end["synthetic_sources"] == ["-"] and "totals" in end
    plain = runner.invoke(app, ["check", str(plain_copy(tmp_path)), "-f", "ndjson"]).stdout
    assert json.loads(plain.splitlines()[-1])["synthetic_sources"] == []


def test_csv_says_it_in_the_notice_row(tmp_path: Path) -> None:
    last = runner.invoke(app, ["check", str(STORM), "-f", "csv"]).stdout.splitlines()[-1]
    assert ",notice," in last and f"{STORM} {SAID}, not taken from any person." in last
    plain = runner.invoke(app, ["check", str(plain_copy(tmp_path)), "-f", "csv"]).stdout
    assert "synthetic" not in plain.splitlines()[-1]


def test_fhir_labels_each_observation_of_a_synthetic_file_as_test_data(tmp_path: Path) -> None:
    lab = plain_copy(tmp_path)
    bundle = json.loads(runner.invoke(app, ["check", str(STORM), str(lab), "-f", "fhir"]).stdout)
    observations = [
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation"
    ]
    test_data = {
        "system": "http://terminology.hl7.org/CodeSystem/v3-ActReason",
        "code": "HTEST",
        "display": "test health data",
    }
    storm = [o for o in observations if "meta" in o]
    assert len(storm) == len(observations) // 2 == 13
    assert all(o["meta"]["security"] == [test_data] for o in storm)


def test_the_table_of_stdin_and_the_export_say_it(tmp_path: Path) -> None:
    table = runner.invoke(app, ["check", "-"], input=STORM.read_bytes(), env={"COLUMNS": "200"})
    assert f"The file on standard input {SAID}" in flat(table.stdout)
    page = tmp_path / "report.html"
    runner.invoke(app, ["check", "-", "--export", str(page)], input=STORM.read_bytes())
    assert SAID in flat(html.unescape(page.read_text(encoding="utf-8")))


def big_synthetic_file(tmp_path: Path, rows: int) -> Path:
    path = tmp_path / "big.csv"
    lines = (f"S{i // 6},P{i // 60},2026-01-01,IL-6,{i % 20}.5,pg/mL\n" for i in range(rows))
    path.write_text(f"# {SYNTHETIC_MARKER}\n{HEADER}{''.join(lines)}", encoding="utf-8")
    return path


def test_the_overview_of_a_big_file_says_it(tmp_path: Path) -> None:
    path = big_synthetic_file(tmp_path, 1200)
    table = runner.invoke(app, ["check", str(path)], env={"COLUMNS": "300"}).stdout
    assert "samples (samples with results outside the range first)" in table  # the overview
    assert f"{path} {SAID}" in flat(table)


def test_two_processes_and_batches_say_it_as_one_process_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(split, "MIN_BYTES", 0)
    path = big_synthetic_file(tmp_path, 3000)
    ranges = load_ranges(None)
    out = io.StringIO()
    interpreter = Interpreter(ranges, CheckOptions())
    tally = Tally(interpreter.synthetic_sources)
    assert two_processes.write_in_two_processes(
        str(path), interpreter, ndjson_texts, ranges.info, tally,
        lambda texts: write_lines(texts, out, tally),
    )  # fmt: skip
    assert json.loads(out.getvalue().splitlines()[-1])["synthetic_sources"] == [str(path)]
    parts = [ndjson_batch(b, ranges) for b in read_batches(str(path), ranges, 500)]
    joined = "".join(ndjson_join(parts, ranges.info))
    assert joined == out.getvalue()


def test_a_comment_that_only_quotes_the_marker_does_not_mark_the_file(tmp_path: Path) -> None:
    """Regression QA: '# This is NOT synthetic example data …' marked the file synthetic."""
    path = tmp_path / "real.csv"
    path.write_text(f"# This is NOT {SYNTHETIC_MARKER}\n{HEADER}S1,P1,2026-01-01,IL-6,1,pg/mL\n")
    assert check_file(path).synthetic_sources == []
    path.write_text(f"#   {SYNTHETIC_MARKER} Edited.\n{HEADER}S1,P1,2026-01-01,IL-6,1,pg/mL\n")
    assert check_file(path).synthetic_sources == [str(path)]


def test_fhir_says_it_when_every_row_of_the_synthetic_file_was_rejected(tmp_path: Path) -> None:
    """Regression QA: with no Observation to label, the bundle had no word of it."""
    path = tmp_path / "s.csv"
    path.write_text(f"# {SYNTHETIC_MARKER}\n{HEADER}X1,P1,2026-01-01,IL-6,abc,pg/mL\n")
    bundle = json.loads(runner.invoke(app, ["check", str(path), "-f", "fhir"]).stdout)
    (outcome,) = [e["resource"] for e in bundle["entry"]]
    said = [i["diagnostics"] for i in outcome["issue"] if i["severity"] == "information"]
    assert any(SAID in text for text in said)
