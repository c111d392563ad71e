"""The core as a pure function over batches of rows: the same NDJSON as `panelcli check`."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.batches import read_batches
from panelcli.cli import app
from panelcli.errors import InputError
from panelcli.ranges import load_ranges
from panelcli.render.ndjson import ndjson_batch, ndjson_join

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "samples").glob("*.csv")) + sorted((ROOT / "tests/corpus").glob("*.csv"))
#: A sample whose rows come back later in the file: batches cut between its two runs do not
#: see the repeat (documented in README, "Beyond one machine").
SPLIT_SAMPLES = {"concatenated-exports.csv"}
RANGES = load_ranges()
runner = CliRunner()


def cli_ndjson(path: Path) -> tuple[int, str, str]:
    result = runner.invoke(app, ["check", str(path), "--format", "ndjson"])
    return result.exit_code, result.stdout, result.stderr


def batched_ndjson(path: Path, rows_per_batch: int) -> str:
    parts = [ndjson_batch(b, RANGES) for b in read_batches(str(path), RANGES, rows_per_batch)]
    return "".join(ndjson_join(parts, RANGES.info))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("rows_per_batch", [1, 3, 10_000])
def test_batches_give_the_clis_ndjson(path: Path, rows_per_batch: int) -> None:
    code, stdout, stderr = cli_ndjson(path)
    if not stdout:  # the CLI could not read the file: neither can the batches, and they say why
        with pytest.raises(InputError) as error:
            batched_ndjson(path, rows_per_batch)
        assert f"panelcli: {error.value}" in stderr
        return
    if path.name in SPLIT_SAMPLES and rows_per_batch < 10_000:
        pytest.skip("a sample split in two runs: see SPLIT_SAMPLES")
    assert batched_ndjson(path, rows_per_batch) == stdout


@pytest.mark.parametrize(
    "files",
    [["stray.csv"], ["good.csv", "header-only.csv"], ["header-only.csv", "good.csv"],
     ["missing.csv", "good.csv"], ["good.csv", "missing.csv"]],
)  # fmt: skip
def test_files_check_reads_in_part_or_not_at_all_give_its_lines_in_batches(
    tmp_path: Path, files: list[str]
) -> None:
    """QA: read_batches raised InputError for a header with a stray quote (check writes its
    warnings and the file-unreadable line) and for a header-only file beside a good one
    (check writes that file's line): a cohort job crashed, or lost the rejection."""
    (tmp_path / "stray.csv").write_text(
        'sample_id,marker,value,unit,Comment,"x\nS1,IL-6,4.2,pg/mL,,\n', encoding="utf-8"
    )
    (tmp_path / "header-only.csv").write_text("sample_id,marker,value,unit\n", encoding="utf-8")
    (tmp_path / "good.csv").write_text("sample_id,marker,value,unit\nS1,IL-6,3,pg/mL\n")
    paths = [str(tmp_path / name) for name in files]
    result = runner.invoke(app, ["check", *paths, "--format", "ndjson"])
    assert '"code":"file-unreadable"' in result.stdout
    for rows_per_batch in (1, 10_000):
        parts = [
            ndjson_batch(b, RANGES) for p in paths for b in read_batches(p, RANGES, rows_per_batch)
        ]
        assert "".join(ndjson_join(parts, RANGES.info)) == result.stdout


def test_batches_are_cut_between_samples_only(tmp_path: Path) -> None:
    lines = ["sample_id,marker,value,unit"]
    lines += [f"S{n // 13},IL-6,{n}.5,pg/mL" for n in range(130)]
    path = tmp_path / "ten-samples.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    batches = list(read_batches(str(path), RANGES, rows_per_batch=20))
    assert [len(b.rows) for b in batches] == [26, 26, 26, 26, 26]
    assert [b.rows[0][0] for b in batches] == [2, 28, 54, 80, 106], "physical line numbers"
    assert [b.first for b in batches] == [True, False, False, False, False]
    assert [b.last for b in batches] == [False, False, False, False, True]


def test_a_batch_can_travel_to_another_process(tmp_path: Path) -> None:
    batch = next(read_batches(str(ROOT / "samples/messy-export.csv"), RANGES))
    copy = pickle.loads(pickle.dumps(batch))
    assert ndjson_batch(copy, "arup-3002601").lines == ndjson_batch(batch, RANGES).lines


#: Files that once made batches differ from the CLI (found in review), by name: content.
TRICKY = {
    # A row under the header naming each column's figure is read with the header (QA).
    "sub-header.csv": "Sample,IL-6 (pg/mL),IL-6 (pg/mL),IL-8 (pg/mL),IL-8 (pg/mL)\n"
    ",FI,Obs Conc,FI,Obs Conc\nP1,50,3.5,60,12\nP2,5,1.5,6,2\n",
    # ... with each marker's cell merged over its two columns, as Excel saves it (QA)
    "sub-header-merged.csv": "Type,Well,Description,IL-6 (pg/mL),,TNF-a (pg/mL),\n"
    ",,,FI,Obs Conc,FI,Obs Conc\nX1,E1,PT-001,55,4.21,120,18.60\nX2,F1,PT-002,1200,48.00,90,3.10\n",
    # ... and both rows again further down (QA: read as a sample 'Sample ID', exit 2)
    "sub-header-merged-twice.csv": "Sample ID,IL-6 (pg/mL),,TNF-a (pg/mL),\n"
    ",FI,Obs Conc,FI,Obs Conc\nS1,1200,1.2,2100,3.4\nSample ID,IL-6 (pg/mL),,TNF-a (pg/mL),\n"
    ",FI,Obs Conc,FI,Obs Conc\nS2,1300,2.2,2200,4.4\n",
    # a collection's date and time in two columns (QA: refused as two collection dates)
    "date-and-time.csv": "MRN,Accession,Collection Date,Collection Time,Component,Result,Units\n"
    "1,A1,2026-03-02,06:00,IL-6,4.0,pg/mL\n1,A2,2026-03-02,18:00,IL-6,40.0,pg/mL\n"
    "1,A3,2026-03-03,,IL-6,<2,pg/mL\n",
    # another header narrower than the first (QA: its rows were 'no values')
    "narrow-second-header.csv": "Probe,Donor ID,Collection Date,IL-2 (pg/mL),TNF-a (pg/mL)\n"
    "K1,P1,2026-05-20,3,4\nSample ID,IL-6 (pg/mL),IFN-g (pg/mL)\nZ1,40,2\nZ2,35,3\n",
    # ... and again under a repeated header (two exports joined), the same or other figures
    **{
        f"sub-header-twice-{n}.csv": "Sample,IL-6 (pg/mL),IL-6 (pg/mL),IL-8 (pg/mL),IL-8 (pg/mL)\n"
        ",FI,Obs Conc,FI,Obs Conc\nP1,50,3.5,60,12\n"
        "Sample,IL-6 (pg/mL),IL-6 (pg/mL),IL-8 (pg/mL),IL-8 (pg/mL)\n"
        f"{again}\nP2,5,1.5,6,2\nP3,5,1.5,6,2\n"
        for n, again in enumerate([",FI,Obs Conc,FI,Obs Conc", ",Obs Conc,FI,Obs Conc,FI"])
    },
    # A mean row is held until its sample's rows end (or skipped beside replicate rows).
    "means-and-replicates.csv": "Sample,Analyte,Result,Units\nP1,IL-6 Mean,1.1,pg/mL\n"
    "P1,IL-6 Rep 1,1.0,pg/mL\nP1,IL-6 Rep 2,1.2,pg/mL\nP1,IL-6 Mean,1.1,pg/mL\n"
    "P2,IL-6 Mean,4.2,pg/mL\nP2,TNF-a,3,pg/mL\nP3,IL-6,1,pg/mL\nP4,IL-8 Mean,x,pg/mL\n",
    # ... and read where its replicate rows give no result (refused or blank), a wide Mean
    # column where its replicate cells do not.
    "means-beside-refused-replicates.csv": "Sample,Analyte,Result,Units\n"
    "P1,IL-6 Rep 1,N/A,pg/mL\nP1,IL-6 Rep 2,***,pg/mL\nP1,IL-6 Mean,40,pg/mL\n"
    "P2,IL-6 Mean,50,pg/mL\nP2,IL-6 Rep 1,NaN,pg/mL\nP2,IL-6 Rep 2,,pg/mL\n"
    "P3,IL-6 Mean,30,pg/mL\nP3,IL-6 Rep 1,N/A,pg/mL\nP3,IL-6 Rep 2,1.5,pg/mL\n"
    "P3,IL-6 Mean,1.5,pg/mL\nP4,IL-6 Mean,20,pg/mL\n",
    "wide-mean-beside-refused-replicates.csv": "Sample,IL-6 pg/mL Mean,IL-6 pg/mL Rep 1,"
    "IL-6 pg/mL Rep 2,IL-8 pg/mL\nP1,40,N/A,***,5\nP2,50,,NaN,5\nP3,2,2,abc,5\nP4,,N/A,,5\n"
    "P5,30,,,\n",
    "value-header-unit.csv": "Sample,Analyte,Concentration (pg/mL),Unit\nP1,IL-6,12.5,\n"
    "P1,IL-8,4,ng/L\nP2,IL-6,3,ng/mL\nP3,IL-6,5 ng/mL,\nP3,IL-8,<2,\n",
    "range-limit-columns.csv": "sample_id;marker;value;unit;Ref Low;Ref High\n"
    "S1;IL-8;8;pg/mL;0;5\nS2;IL-6;3;pg/mL;;7\nS3;IL-6;3;pg/mL;7;3\nS4;IL-6;2,5;pg/mL;0,5;2\n"
    "S5;IL-6;1.500;pg/mL;abc;\nS6;IL-8;8;pg/mL;0;5\n",
    "tab-grouped-values.tsv": "sample_id\tmarker\tvalue\tunit\nS1\tsIL-2R\t1,234.50\tpg/mL\n"
    "S2\tsIL-2R\t1,300.00\tpg/mL\nS3\tIL-6\t2.500\tpg/mL\nS4\tsIL-2R\t1,234\tpg/mL\n"
    "S5\tIL-6\t-1,234.50\tpg/mL\nS6\tIL-6\t2,5\tpg/mL\nS7\tIL-6\t12,345\tpg/mL\n",
    "semicolon-grouped-value.csv": "sample_id;marker;value;unit\nS1;IL-8;1,234.5;pg/mL\n"
    "S2;IL-10;2,5;pg/mL\nS3;TNF-α;12,345;pg/mL\n",
    "units-row-range-units.csv": "sample_id,IL-6,IL-6 Ref Low,IL-6 Ref High,IL-8,IL-8 Ref High\n"
    ",pg/mL,pg/mL,ng/mL,pg/mL,ng/mL\nS1,3.0,0,5,4,0.005\nS2,1.0,0,5,20,0.005\n",
    "both-decimal-marks.csv": 'sample_id,marker,value,unit\nS1,IL-8,"1,234.5",pg/mL\n'
    'S2,IL-10,"2,5",pg/mL\nS3,TNF-α,"12,345",pg/mL\nS4,IL-6,"1,500",pg/mL\n',
    "wide-range-limit-columns.csv": "Sample;IL-6 (pg/mL);IL-6 Ref Low;IL-6 Ref High;IL-8;"
    "IL-8 Ref High (ng/L)\nS1;2,6;0,5;2,5;8 pg/mL;5\nS2;3;;7;8 pg/mL;\nS3;3;7;3;4 pg/mL;abc\n",
    "wide-units-row.csv": "Description,IL-6,IL-8\n,pg/mL,pg/mL\nS1,3,4\nS2,5,6\nS3,1,1\n",
    "wide-units-row-converted.csv": "Description,IL-6\n,ng/mL\nS1,0.003\nS2,0.003\nS3,1\n",
    "wide-units-only.csv": "Description,IL-6,IL-8\n,pg/mL,pg/mL\n",
    # A units row alike a title line above the header (review: check skipped it as a page's
    # line, refusing every value as unit-missing, where batches read it as the units row)
    "wide-units-row-like-a-title.csv": "Report\n,pg/mL\nSample,IL-6,IL-8\n,pg/mL,pg/mL\n"
    "S1,4.21,12.5\n",
    "range-warned-once.csv": "sample_id,marker,value,unit,reference range\n"
    "S1,IL-6,5,pg/mL,odd\nS2,IL-6,5,pg/mL,odd\nS3,IL-6,5,pg/mL,0-7\nS4,IL-6,5,pg/mL,0-7\n",
    "blank-line-in-sample.csv": "sample_id,marker,value,unit\nS1,IL-6,5,pg/mL\n\n"
    "S1,IL-6,6,pg/mL\n# note\nS1,IL-8,6,pg/mL\n",
    "no-sample-column.csv": "patient_id,collected_at,marker,value,unit\n"
    "P1,2026-01-01,IL-6,5,pg/mL\nP1,2026-01-01,IL-6,6,pg/mL\nP2,2026-01-01,IL-6,6,pg/mL\n",
    "short-rows.csv": "sample_id,marker,value,unit,x,y\nS1,IL-6\nS2,IL-6,3\n",
    "dot-may-group.csv": "sample_id;marker;value;unit\nS1;IL-6;1.234;pg/mL\nS2;IL-6;2.500;pg/mL\n"
    "S3;IL-6;12,5;pg/mL\nS4;IL-8;3.000;pg/mL\n",
    "comma-then-dot.csv": "sample_id;marker;value;unit\nS1;IL-6;1.234;pg/mL\nS2;IL-6;2,5;pg/mL\n"
    "S3;IL-6;1.500;pg/mL\nS4;IL-8;3.000;pg/mL\nS5;IL-8;12,345;pg/mL\n",
    # '2,500' and '1,250' are judged otherwise as 2500 and 1250; '12,500' is high either way
    "comma-may-group.csv": "sample_id;marker;value;unit\nS1;sIL-2R;2,500;pg/mL\n"
    "S2;IL-6;12,500;pg/mL\nS3;IL-8;1,250;pg/mL\nS4;IL-6;12,5;pg/mL\nS5;sIL-2R;2,500;pg/mL\n",
    "wide-dot-then-comma.csv": "Sample ID;IL-8 (pg/mL);IL-6 (pg/mL)\nS1;2.500;3,5\nS2;2.500;3\n",
    "wide-comma-then-dot.csv": "Sample ID;IL-6 (pg/mL);IL-8 (pg/mL)\nStandard1;1,5;2\nS1;1.000;2\n"
    "S2;2,5;3\nS3;1.500;1\n",
    "wide-blank-cells.csv": "Sample ID,IL-6 (pg/mL),IL-8 (pg/mL)\nS1,3,4\nS2,5,6\nS3,,4\nS4,,\n",
    "hash-rows.csv": "sample_id,marker,value,unit\nS1,IL-6,3,pg/mL\n# S1,IL-8,50,pg/mL\n"
    "#S2,IL-8,50,pg/mL\nS3,IL-6,1,pg/mL\n",
    "trailing-no-name.csv": "Sample,IL-6 (pg/mL),IL-8 (pg/mL),\nP01,3,5,12\nP02,3,12,\n",
    "wide-header-and-units-again.csv": "Description,IL-6,IL-8\n,pg/mL,pg/mL\nS1,3,4\nS2,5,6\n"
    "Description,IL-6,IL-8\n,pg/mL,pg/mL\nS3,1,1\nS4,2,2\n",
    "long-no-name-column.csv": "sample_id,marker,,value,unit\nS1,IL-6,,50,pg/mL\n"
    "S2,IL-8,>,5,pg/mL\nS3,IL-10,<,5,pg/mL\n",
    "comparator-and-flag-columns.csv": "sample_id,marker,comparator,value,unit,flag\n"
    "S1,IL-6,<,1.0,pg/mL,\nS2,IL-8,>,50,pg/mL,H\nS3,IL-10,,2,pg/mL,H\n",
    "wide-unit-column.csv": "Sample ID,Unit,IL-6,IL-8 (pg/mL),Flag\nS1,ng/mL,0.03,,H\n"
    "S2,pg/mL,1,2,\nS3,ng/mL,1,2,\n",
    "comma-in-range-then-dot.csv": "sample_id;marker;value;unit;reference_range\n"
    "S1;IL-6;3;pg/mL;<7,0\nS2;IL-6;1.234;pg/mL;\nS3;IL-6;2.500;pg/mL;<7,0\n",
    "lab-flags.csv": "sample_id,marker,value,unit\nS1,IL-6,12.5 H,pg/mL\nS2,IL-6,1 H,pg/mL\n"
    "S3,IL-8,3 (L),pg/mL\nS4,IL-8,4.0*,pg/mL\n",
    "dot-then-rejected.csv": "sample_id;marker;value;unit\nS1;IL-6;1.234;\nS2;TNF-a;3,5;pg/mL\n",
    "range-unreadable-known-and-not.csv": "sample_id,marker,value,unit,reference_range\n"
    "S1,IL-6,4.0,pg/mL,0-7 U/mL\nS2,FOO,4.0,ng/mL,0-7 U/mL\nS3,IL-6,4.0,pg/mL,odd\n"
    "S4,FOO,4.0,pg/mL,odd\n",
    # 103 different unreadable ranges, then repeats: past 100, one warning sums up the rest.
    "many-unreadable-ranges.csv": "sample_id,marker,value,unit,reference range\n"
    + "".join(f"S{n},IL-6,5,pg/mL,note {n % 103}\n" for n in range(110)),
    # Two sexes alike in their first 40 characters (messages quote 40): one warning, as joined.
    "long-unreadable-sexes.csv": "sample_id,marker,value,unit,sex\n"
    + "".join(f"S{n},IL-6,5,pg/mL,{'x' * 45}{c}\n" for n, c in enumerate("ABA")),
    # Every row skipped: the CLI ends the warnings with the file-unreadable issue (QA).
    "controls-only.csv": "sample_id,marker,value,unit\nStandard1,IL-6,100,pg/mL\n"
    "Blank,IL-6,0,pg/mL\n",
    "comments-only.csv": "sample_id,marker,value,unit\n# just a comment\n",
    "header-only.csv": "sample_id,marker,value,unit\n\n",
    # A units row among the results: the same units are skipped, others stop the file (QA).
    "wide-units-among-results.csv": "Sample ID,TNF-alpha,IL-6\n,pg/mL,pg/mL\nS1,2,3\n"
    ",pg/mL,pg/mL\nS2,6,1\n",
    "wide-other-units-among-results.csv": "Sample ID,TNF-alpha,IL-6\n,pg/mL,pg/mL\nS1,2,3\n"
    "S2,2,3\n,ng/mL,pg/mL\nS3,6,1\n",
    "wide-header-units-then-units-row.csv": "Sample ID,TNF-alpha (pg/mL)\nS1,2\n,ng/mL\nS2,6\n",
    # Luminex xPONENT: a block per kind of value; another one stops the file (QA)
    "xponent-blocks.csv": '"Program","xPONENT"\n\n"DataType:","Concentration"\n'
    '"Location","Sample","IL-6","IL-8"\n"3(1,C1)","U1","4.21","12.3"\n'
    '"4(1,D1)","U2","1.0","2.0"\n\n"DataType:","Count"\n"Location","Sample","IL-6","IL-8"\n'
    '"3(1,C1)","U1","50","50"\n',
    # A decimal comma only in a row that is not judged, then '1.234' (QA): both sides must
    # agree on whether the file has shown ',' as its decimal mark.
    **{
        f"comma-then-dot-{n}.csv": f"{head}\n{row}\n"
        + "".join(
            ";".join(
                {"sample_id": f"S{i}", "type": "Sample", "marker": "IL-6", "unit": "pg/mL"}.get(
                    column, "1.234" if column == "value" and i > 3 else "3" * (column == "value")
                )
                for column in head.split(";")
            )
            + "\n"
            for i in range(1, 7)
        )
        for n, (head, row) in enumerate(
            [
                ("sample_id;marker;value;unit", "Standard1;IL-6;12,5;pg/mL"),
                ("sample_id;marker;value;unit", "Mean;IL-6;12,5;pg/mL"),
                ("sample_id;type;marker;value;unit", "X1;Standard;IL-6;12,5;pg/mL"),
                ("sample_id;marker;value;unit;range", "QC-Low;IL-6;3;pg/mL;<7,0"),
                ("sample_id;marker;value;unit", "S0;;12,5;pg/mL"),
                ("sample_id;marker;value;unit", "S0;IL-6;12,5;pg/mL;x"),
                ("sample_id;marker;value;unit", "S0;IL-6;12,5;pg/mL"),  # a judged one counts
                # refused for a cell other than its value, or for its value or unit (QA)
                ("sample_id;marker;value;unit;flag", "S0;IL-6;12,5;pg/mL;*"),
                ("sample_id;marker;comparator;value;unit", "S0;IL-6;~;2,5;pg/mL"),
                ("sample_id;marker;value;unit;range", "S0;IL-6;abc;pg/mL;<7,0"),
                ("sample_id;marker;value;unit;range", "S0;IL-6;<0;pg/mL;<7,0"),
                ("sample_id;marker;value;unit", "S0;IL-6;12,5;"),
            ]
        )
    },
    "comma-both-ways.csv": 'sample_id,marker,value,unit\nS1,sIL-2R,"1,234.5",pg/mL\n'
    'S2,IL-6,"2,500",pg/mL\nS1,IL-6,"2,5",pg/mL\nS3,IL-6,"2,500",pg/mL\n',
    "comment-split.csv": "sample_id;marker;value;unit;comment\n"
    "S1;IL-6;12,5;pg/mL;Hämolyse; bitte wiederholen;\nS1;IL-8;3,1;pg/mL;ok\n"
    "S2;IL-6;1,5;pg/mL;a; 7\n",
    "comma-both-ways-range.csv": "sample_id,marker,value,unit,range\n"
    'S1,sIL-2R,"1,234.5",pg/mL,\nS2,IL-6,"2,500",pg/mL,\nS1,IL-6,2,pg/mL,"<7,5"\n'
    'S3,IL-6,"2,500",pg/mL,\n',
    # the lab's range on a test's first row only: said at the file's end, over every batch
    "range-missing.csv": "sample_id,marker,value,unit,range\nS1,IL-6,6,pg/mL,\n"
    "S2,IL-6,6,pg/mL,0-7\nS3,IL-6,6,pg/mL,\nS4,IL-8,6,pg/mL,\nS5,IL-6,6,pg/mL,N/A\n",
    "no-id.csv": "sample_id,collected_at,marker,value,unit\n,2026-03-01,IL-8,40,pg/mL\n"
    "S1,2026-03-01,IL-6,1,pg/mL\n,2026-03-09,IL-8,4,pg/mL\n,,IL-6,3,pg/mL\n",
    "age-disagrees.csv": "sample_id,marker,value,unit,age,birth_date,collected_at\n"
    "S1,IL-6,5,pg/mL,30,2020-01-01,2026-01-01\nS2,IL-6,5,pg/mL,40,01.01.1990,2026-01-01\n"
    "S3,IL-6,5,pg/mL,36,01.01.1990,2026-01-01\nS4,IL-6,5,pg/mL,200,,\n",
}


@pytest.mark.parametrize("name", sorted(TRICKY))
@pytest.mark.parametrize("rows_per_batch", [1, 2, 3])
@pytest.mark.parametrize("assume", [[], ["--assume-unit", "range"]])
def test_tricky_files_in_batches_give_the_clis_ndjson(
    tmp_path: Path, name: str, rows_per_batch: int, assume: list[str]
) -> None:
    from panelcli.check import CheckOptions

    path = tmp_path / name
    path.write_text(TRICKY[name], encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--format", "ndjson", *assume])
    options = CheckOptions(assume_unit="range" if assume else None)
    if not result.stdout:
        with pytest.raises(InputError) as error:
            parts = [ndjson_batch(b, RANGES) for b in read_batches(str(path), RANGES, 1)]
            "".join(ndjson_join(parts, RANGES.info))
        assert f"panelcli: {error.value}" in result.stderr
        return
    parts = [
        ndjson_batch(b, RANGES, options) for b in read_batches(str(path), RANGES, rows_per_batch)
    ]
    assert "".join(ndjson_join(parts, RANGES.info)) == result.stdout


def test_a_batch_gives_the_same_events_when_interpreted_again(tmp_path: Path) -> None:
    """Workers may retry a batch: interpreting must not change it (rows are padded in copies)."""
    path = tmp_path / "short.csv"
    path.write_text(TRICKY["short-rows.csv"], encoding="utf-8")
    batch = next(read_batches(str(path), RANGES))
    assert ndjson_batch(batch, RANGES).lines == ndjson_batch(batch, RANGES).lines


def test_a_file_that_stops_after_only_a_comment_gives_what_the_cli_gives(tmp_path: Path) -> None:
    """read_batches raised where check gave the comment's warning and the stop (review)."""
    path = tmp_path / "stops.csv"
    path.write_text(
        "sample_id,patient_id,collected_at,marker,value,unit\n# c\n\nsample_id,marker,value\n"
        "S2,IL-6,1\n"
    )
    code, stdout, _ = cli_ndjson(path)
    assert code == 2 and '"comment-skipped"' in stdout and '"file-unreadable"' in stdout
    for rows_per_batch in (1, 3, 10_000):
        assert batched_ndjson(path, rows_per_batch) == stdout


def test_the_batches_of_several_files_give_the_clis_ndjson_for_them(tmp_path: Path) -> None:
    """Each file's closing warnings (blank cells) and no-rows issue after its own rows."""
    texts = {
        "a.csv": "Sample ID,IL-6 (pg/mL),IL-8 (pg/mL)\nS1,3,4\nS2,,4\n",
        "controls.csv": TRICKY["controls-only.csv"],
        "b.csv": "Sample ID,IL-6 (pg/mL),IL-8 (pg/mL)\nS3,1,\nS4,2,2\n",
    }
    paths = []
    for name, text in texts.items():
        paths.append(str(tmp_path / name))
        (tmp_path / name).write_text(text, encoding="utf-8")
    stdout = runner.invoke(app, ["check", *paths, "--format", "ndjson"]).stdout
    assert stdout.count('"cells-blank"') == 2 and '"file-unreadable"' in stdout
    for rows_per_batch in (1, 10_000):
        parts = [
            ndjson_batch(b, RANGES) for p in paths for b in read_batches(p, RANGES, rows_per_batch)
        ]
        assert "".join(ndjson_join(parts, RANGES.info)) == stdout


def test_joining_parts_judged_by_another_set_is_refused() -> None:
    """The end line names the set: it must be the one that judged every result."""
    path = str(ROOT / "samples/all-in-range.csv")
    parts = [ndjson_batch(b) for b in read_batches(path, RANGES)]  # the default set
    with pytest.raises(ValueError, match="another reference set"):
        list(ndjson_join(parts, load_ranges("mayo-adult").info))


def test_a_ranges_file_changed_in_a_session_is_loaded_again(tmp_path: Path) -> None:
    """QA: a set edited between two runs in one process (a notebook, Dask's threads) was still
    the old one, and ndjson_join refused the parts as 'judged by another reference set'."""
    from panelcli.batches import reference_set_once

    path = tmp_path / "my_lab.toml"
    path.write_text('[markers."IL-6"]\nunit = "pg/mL"\nhigh = 2.5\n', encoding="utf-8")
    first = reference_set_once(str(path))
    assert reference_set_once(str(path)) is first  # once per process while it is unchanged
    path.write_text('[markers."IL-6"]\nunit = "pg/mL"\nhigh = 20.0\n', encoding="utf-8")
    assert reference_set_once(str(path)).markers["IL-6"].high == 20.0


def test_parts_out_of_order_twice_or_interleaved_are_refused(tmp_path: Path) -> None:
    """QA: ndjson_join took a file's parts reversed, one twice (a result counted twice in the
    totals) or mixed with another file's, and wrote wrong NDJSON without a word."""
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("sample_id,marker,value,unit\nS1,IL-6,12,pg/mL\nS2,IL-6,4\nS3,IL-6,3,pg/mL\n")
    b.write_text("sample_id,marker,value,unit\nT1,IL-6,2,pg/mL\nT2,IL-6,2,pg/mL\n")
    a1, a2, a3 = [ndjson_batch(x, RANGES) for x in read_batches(str(a), RANGES, 1)]
    b1, b2 = [ndjson_batch(x, RANGES) for x in read_batches(str(b), RANGES, 1)]
    for parts in ([a3, a2, a1, b1, b2], [a1, a2, a2, a3], [a1, b1, a2, a3, b2]):
        with pytest.raises(ValueError, match="give each file's parts once, in order"):
            list(ndjson_join(parts, RANGES.info))
    # review: a first part twice, or a file's last part missing
    with pytest.raises(ValueError, match="started again before the last part"):
        list(ndjson_join([a1, a1, a2, a3], RANGES.info))
    with pytest.raises(ValueError, match="started again before the last part of .*a.csv"):
        list(ndjson_join([a1, a2, b1, b2], RANGES.info))
    with pytest.raises(ValueError, match="the last part of .*a.csv is missing"):
        list(ndjson_join([a1, a2, a3, a1], RANGES.info))
    # QA: a middle part left out lost its rows (and its totals) without a word
    with pytest.raises(
        ValueError, match=r"a part of .*a.csv is missing: the lines after 2 up to 3"
    ):
        list(ndjson_join([a1, a3], RANGES.info))
    # in order, and a file given twice (as check reads a file named twice)
    both = "".join(ndjson_join([a1, a2, a3, b1, b2, a1, a2, a3], RANGES.info))
    assert both.count('"sample_id":"S1"') == 2


def test_a_units_row_like_a_title_line_is_read_as_the_units_row(tmp_path: Path) -> None:
    path = tmp_path / "titled.csv"
    path.write_text(TRICKY["wide-units-row-like-a-title.csv"], encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--format", "csv"])
    assert result.exit_code == 1 and "unit-missing" not in result.stdout
    assert "S1,,,IL-6,IL-6,4.21,,pg/mL" in result.stdout
