"""Mutation fuzz: random byte edits of the bundled samples never crash and never lose a row.

Seeded and deterministic: the same few hundred mutants on every run, so a failure reproduces
with its test id (sample name and seed).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli.check import CheckOptions, Interpreter
from panelcli.cli import app
from panelcli.models import Issue, Result
from panelcli.ranges import load_ranges
from panelcli.reading import ReadStats

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.csv"))
MUTANTS_PER_SAMPLE = 40
TOKENS = [b'"', b'""', b"\n", b"\r", b"\r\n", b",", b";", b"\t", b"|", b"\x00", b"\xff", b"\xc3",
          b"\xef\xbb\xbf", b"\xff\xfe", b"<", b">", b"-", b"e", b"9" * 30, b"#", b"\x1b[31m",
          b"NaN", b"1e309", b"[bold]", b" ", b"pmol/L", b"\xe2\x80\x93"]  # fmt: skip
RANGES = load_ranges()
LINE_BREAK = re.compile(r"\r\n|\r|\n")
ROW_LEVEL = {"row-too-many-cells", "row-no-values", "row-quote-unclosed", "row-quote-stray"}
runner = CliRunner()


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to four random edits: flip, insert a nasty token, delete, duplicate, cut, swap lines."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(buffer) + 1)
        edit = rng.randrange(6)
        if edit == 0 and buffer:
            buffer[min(at, len(buffer) - 1)] = rng.randrange(256)
        elif edit == 1:
            buffer[at:at] = rng.choice(TOKENS)
        elif edit == 2:
            del buffer[at : at + rng.randint(1, 20)]
        elif edit == 3:
            buffer[at:at] = buffer[at : at + rng.randint(1, 40)]
        elif edit == 4 and rng.random() < 0.3:
            del buffer[at:]
        else:
            lines = bytes(buffer).split(b"\n")
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            buffer = bytearray(b"\n".join(lines))
    return bytes(buffer)


def rows_by_line(path: Path, stats: ReadStats) -> list[int]:
    """The data rows of a file without quotes, found independently of the reader: lines after
    the header line that are not blank and not '#' comments."""
    text = path.read_bytes().decode(stats.encoding, errors="replace")
    lines = [line.split(stats.delimiter) for line in LINE_BREAK.split(text)]
    header = next(i for i, cells in enumerate(lines) if set(stats.columns.values()) <= set(cells))
    return [
        number
        for number, cells in enumerate(lines[header + 1 :], start=header + 2)
        if any(c.strip() for c in cells) and not cells[0].lstrip().startswith("#")
    ]


MUTANTS = [
    pytest.param(sample, seed, id=f"{sample.stem}-{seed}")
    for sample in SAMPLES
    for seed in range(MUTANTS_PER_SAMPLE)
]


def test_the_fuzz_covers_every_sample_a_few_hundred_times() -> None:
    assert len(SAMPLES) >= 8 and len(MUTANTS) >= 300


@pytest.mark.parametrize(("sample", "seed"), MUTANTS)
def test_mutant(sample: Path, seed: int, tmp_path: Path) -> None:
    path = tmp_path / sample.name
    path.write_bytes(mutate(sample.read_bytes(), random.Random(f"{sample.name}:{seed}")))

    # The core: only Results and Issues come out, and every row the reader counted is in them.
    checking = Interpreter(RANGES, CheckOptions())
    events = list(checking.events([str(path)]))
    if not any(isinstance(e, Issue) and e.code == "file-unreadable" for e in events):
        assert checking.reading is not None
        stats = checking.reading[1]  # what the reader counted as it read
        found = [e for e in events if isinstance(e, Result)]
        rejected = [e for e in events if isinstance(e, Issue) and e.severity == "error"]
        physical_lines = len(path.read_bytes().splitlines()) or 1
        assert all(e.line is not None and 1 < e.line <= physical_lines for e in found + rejected)
        if stats.layout == "long":
            assert len(found) + len(rejected) == stats.rows
            if b'"' not in path.read_bytes():  # no quotes: every line is a row, checkable
                assert sorted({e.line or 0 for e in found + rejected}) == rows_by_line(path, stats)
        else:
            assert len({e.line for e in found + rejected}) == stats.rows
            cells = [e for e in rejected if e.code not in ROW_LEVEL]
            assert len(found) + len(cells) == stats.measurements

    # The command line: an exit code, and on a fatal problem exactly one 'panelcli: ' line;
    # the table, and the streamed NDJSON (which the test suite checks against its schema).
    for output in ("table", "ndjson"):
        result = runner.invoke(app, ["check", str(path), "--format", output])
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert result.exit_code in (0, 1, 2)
        assert "Traceback" not in result.stdout + result.stderr
        assert "internal error" not in result.stderr
        if result.exit_code == 2 and not result.stdout:
            assert result.stderr.count("\n") == 1 and result.stderr.startswith("panelcli: ")
