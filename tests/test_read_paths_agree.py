"""Files on which a differential test of the read paths found the paths disagreeing.

One process (`panelcli check`), the general path alone (`short_path = False`) and batches
(`read_batches` with `ndjson_batch` and `ndjson_join`) must give the same NDJSON.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.batches import read_batches
from panelcli.check import CheckOptions, Interpreter, Tally
from panelcli.cli import app
from panelcli.ranges import load_ranges
from panelcli.render.ndjson import ndjson_batch, ndjson_join, ndjson_texts

RANGES = load_ranges(None)
runner = CliRunner()


def ndjson(path: Path, short: bool = True) -> str:
    interpreter = Interpreter(RANGES, CheckOptions())
    interpreter.short_path = short
    return "".join(
        t.decode() if isinstance(t, bytes) else t  # type: ignore[misc]
        for t in ndjson_texts(interpreter.stream_batches([str(path)]), RANGES.info, Tally())
    )


def batched(path: Path, rows_per_batch: int) -> str:
    parts = [ndjson_batch(b, RANGES) for b in read_batches(str(path), RANGES, rows_per_batch)]
    return "".join(ndjson_join(parts, RANGES.info))


FILES = {
    "footer-with-a-decimal-comma": (
        'sample_id,marker,value,unit\nS1,IL-6,15,pg/mL\n,IL-6 Mean,"12,5",pg/mL\n'
        "S2,IL-8,2.500,pg/mL\n"
    ),
    # a ',' file that shows its decimal comma in its first lines: its '1.340' above it refused
    "comma-ahead": (
        'sample_id,marker,value,unit\nS1,IL-6,1.340,pg/mL\nS1,TNF-a,"12,5",pg/mL\n'
        'S2,IL-6,1.340,pg/mL\nS2,IL-8,"1,5",pg/mL\n'
    ),
    # a grouped report: a sample's id on its first row only, filled in on every path
    "grouped-report": (
        "Sample ID,Patient,Date,Marker,Value,Unit\nS1,P1,2026-03-01,IL-6,3.1,pg/mL\n"
        ",,,TNF-a,30,pg/mL\n,,,IL-10,<2.0,pg/mL\nS2,P2,2026-03-02,IL-6,1.0,pg/mL\n"
        ",,,TNF-a,abc,pg/mL\n,P3,,IL-8,5,pg/mL\n,,,IL-8,6,pg/mL\n"
    ),
    # a held mean, then a row of another sample refused for its shape: the mean came after
    # that row's rejection in one process, before it in batches cut there
    "mean-then-refused": "sample_id,marker,value,unit\nS1,IL-6 Mean,36.8,pg/mL\nS2\n",
    "mean-then-too-many-cells": (
        "sample_id,marker,value,unit\nS1,IL-10 Mean,20,pg/mL\nS2,IFN-γ,3,pg/mL,haemolysed\n"
        "S3,IL-6,1,pg/mL\n"
    ),
    # review: a comment between a mean and its replicates released the mean, judged too
    "mean-comment-replicates": (
        "sample_id,marker,value,unit\nS1,IL-6 Mean,36.8,pg/mL\n# rerun of well A2\n"
        "S1,IL-6 Rep 1,36,pg/mL\nS1,IL-6 Rep 2,37.6,pg/mL\n"
    ),
    "mean-then-control": (
        "sample_id,marker,value,unit\nS1,IL-6 Mean,36.8,pg/mL\nStandard1,IL-6,500,pg/mL\n"
    ),
    # a marker panelcli knows but the set does not: 'no header' in batches
    "marker-the-set-lacks": "sample_id,GM-CSF (pg/mL)\nS1,5\n",
    "its-flag-column": "sample_id,IL-6,GM-CSF,GM-CSF Flag\n,pg/mL,pg/mL,\nS1,1,5,H\n",
    # a value over 100 characters with a decimal comma: judged on the short path only
    "long-comma-value": "sample_id;marker;value;unit\nS1;IL-6;0," + "1" + "0" * 98 + ";pg/mL\n",
    "long-censored-value": "sample_id;marker;value;unit\nS1;IL-6;<0," + "1" + "0" * 98 + ";pg/mL\n",
    # a held mean, then a row starting with '#' (its warning named no sample), or a refused
    # row with only a date, or a later row showing the decimal comma the mean was read by
    "mean-then-hash-row": (
        "sample_id,marker,value,unit\nS1,IL-6 Mean,36.8,pg/mL\n# S2,IL-8,50,pg/mL\n"
    ),
    "mean-then-dated-refusal": ",CollectionDate,cytokine,value,Unit\n,,IL4 Mean,4,l\n,I",
    "mean-then-decimal-comma": (
        "collected_at;Result (ng/L);comparator;marker\n;9,142;;IL-2 Mean\n2026-03-04;<8,5;>;IL-6\n"
    ),
    # a units row starting with '#': check warned of it, read_batches takes it before batches
    "hash-units-row": "Sample,IL-6\n#,pg/mL\nS1,3\n",
    # a control's row between a sample's rows was a cut in batches: marker-repeated was lost
    "control-between-a-sample-s-rows": (
        "sample_id,marker,value,unit\nS1,IL-6,1,pg/mL\nStd1,IL-6,100,pg/mL\nS1,IL-6,2,pg/mL\n"
    ),
    # the same for a row refused for its shape, or the header again (differential test)
    "refused-row-between-a-sample-s-rows": (
        "sample_id,marker,value,unit\nS1,IL-6,1,pg/mL\nnote\nS1,IL-6,2,pg/mL\n"
    ),
    "header-between-a-mean-and-its-replicate": (
        "sample_id,marker,value,unit\nS1,IL-17 Mean,31,pg/mL\nsample_id,marker,value,unit\n"
        "S1,IL-17 Rep 1,36,pg/mL\n"
    ),
    "mean-then-header": (
        "sample_id,marker,value,unit\nS1,IL-6 Mean,36.8,pg/mL\nsample_id,marker,value,unit\n"
    ),
    # a control's row before a wide file's units row: check skips it first (batches stopped)
    "control-before-units-row": "Sample,IL-6\nLLOQ,1\n,pg/mL\nS1,3\n",
    # an assay-limit row whose cells look like a header: check skips it as no sample's
    "limits-row-like-a-header": (
        "sample_id,marker,value,unit\nS1,IL-6,1,pg/mL\nULOQ (pg/mL),ULOQ (pg/mL)\nS2,IL-6,2,pg/mL\n"
    ),
    # a held mean, then a refused row of no sample, or a quote left open; a broken row between
    # a mean and its replicate (a third differential test)
    "mean-then-sample-less-refusal": (
        "sample_id,marker,value,unit\nS1,IL-6 Mean,3,pg/mL\n,IL-8\nS2,IL-6,4,pg/mL\n"
    ),
    "wide-refused-row-between-a-sample-s-rows": (
        "Sample,IL-6 (pg/mL),IL-8 (pg/mL)\nS2,5,6\nnote\nS2,5,6\n"
    ),
    "mean-then-open-quote": 'sample_id,marker,value,unit\nS1,IL-6 Mean,3,pg/mL\n"\n',
    "broken-row-between-a-mean-and-its-replicate": (
        'sample_id,marker,value,unit\nS1,IL-6 Mean,3,pg/mL\n""x\nS1,IL-6 Rep 1,4,pg/mL\n'
    ),
    # a row starting with '#' where the file stops: check warns of it first
    "hash-row-stops-the-file": "Sample,IL-6\nS1,3\n#,pg/mL\n",
    "footer-between-a-sample-s-rows": (
        "sample_id,marker,value,unit\nS1,IL-6,1,pg/mL\nMean,IL-6,100,pg/mL\nS1,IL-6,2,pg/mL\n"
    ),
    # the lab's critical limits, given on some rows only: those take the general path
    "critical-limits-on-some-rows": (
        "Sample,Test,Result,Units,Ref Range,Critical Low,Critical High\n"
        "S1,IL-6,150,pg/mL,0-7,,100\nS1,IL-8,40,pg/mL,0-62,,\nS2,IL-6,150,pg/mL,0-7, , \n"
        "S2,IL-8,700,pg/mL,0-62,-,500\nS3,IL-6,3,pg/mL,,,abc\nS3,IL-10,4,pg/mL,,,\n"
    ),
}


@pytest.mark.parametrize("name", list(FILES))
def test_every_read_path_gives_the_same_ndjson(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.csv"
    path.write_text(FILES[name], encoding="utf-8")
    expected = runner.invoke(app, ["check", str(path), "--format", "ndjson"]).stdout
    assert expected.count("\n") >= 2, expected
    assert ndjson(path, short=False) == expected
    for rows_per_batch in (1, 7, 1000):
        assert batched(path, rows_per_batch) == expected, rows_per_batch


def test_a_held_mean_comes_out_before_the_next_sample_s_rejected_row(tmp_path: Path) -> None:
    path = tmp_path / "held.csv"
    path.write_text(FILES["mean-then-refused"], encoding="utf-8")
    lines = runner.invoke(app, ["check", str(path), "--format", "ndjson"]).stdout.splitlines()
    assert lines[0].startswith('{"source"') and '"line":2' in lines[0]
    assert lines[1].startswith('{"rejected"') and '"line":3' in lines[1]


def test_a_value_over_100_characters_is_refused_on_the_short_path_too(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(FILES["long-comma-value"], encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--format", "ndjson"])
    assert result.exit_code == 2 and '"code":"value-not-a-number"' in result.stdout


def test_a_comment_between_a_mean_and_its_replicates_leaves_the_mean_unjudged(
    tmp_path: Path,
) -> None:
    path = tmp_path / "comment.csv"
    path.write_text(FILES["mean-comment-replicates"], encoding="utf-8")
    out = runner.invoke(app, ["check", str(path), "--format", "ndjson"]).stdout
    assert '"code":"mean-skipped"' in out and '"marker_as_written":"IL-6 Mean"' not in out
