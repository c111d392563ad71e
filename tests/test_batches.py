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
from panelcli.render.ndjson import ndjson_batch, ndjson_end

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
    return "".join([line for part in parts for line in part.lines] + ndjson_end(parts, RANGES.info))


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
