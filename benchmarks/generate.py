"""Write a synthetic long-layout cytokine-panel CSV for the benchmarks.

    python benchmarks/generate.py ROWS OUT.csv [--seed N]

Columns: sample_id,patient_id,collected_at,marker,value,unit. Each sample has the 13 markers of
the default reference set (reference_ranges/arup-3002601.toml), each marker written as its
canonical name or one of its aliases (IL-6, IL6, Interleukin 6, ...). Values are log-normal,
mostly near the normal range and some raised; a fixed share are censored ('<2.0', '<0.5',
'>5000') and a smaller fixed share are bad ('abc', '-3', 'n/a', empty), which panelcli must
reject. Units are mostly pg/mL, some ng/L (same number) and some ng/mL (value / 1000).
collected_at is an ISO date (YYYY-MM-DD). The same ROWS and seed give the same bytes.

`--excel` writes what a European Excel export looks like instead: ';' between cells, a decimal
comma in values ('12,5', '<2,0'), and one more column, reference_range, with the lab's range
printed in the row's unit ('0-7' for pg/mL, '0-0,007' for ng/mL): the set's range.

The summary line on stderr (rows, bad, censored) is also what `generate()` returns, so tests can
compare panelcli's totals with what was written. Only the standard library is used.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import math
import random
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

RANGES = Path(__file__).resolve().parent.parent / "reference_ranges" / "arup-3002601.toml"
HEADER = ("sample_id", "patient_id", "collected_at", "marker", "value", "unit")

BAD_SHARE = 0.0005  # ~0.05% of rows: values panelcli must reject
CENSORED_SHARE = 0.02  # ~2% of rows: '<2.0', '<0.5', '>5000'
BAD_VALUES = ("abc", "-3", "n/a", "")
CENSORED_VALUES = ("<2.0", "<2.0", "<2.0", "<2.0", "<2.0", "<0.5", "<0.5", "<0.5", "<0.5", ">5000")
# Units of plain values: 85% pg/mL, 10% ng/L (the same number), 5% ng/mL (value / 1000).
PG_ML_SHARE, NG_L_SHARE = 0.85, 0.10
RAISED_SHARE = 0.08  # share of values drawn from a raised distribution
POOL_BITS = 12  # 4096 precomputed values per marker, picked with getrandbits(POOL_BITS)
CHUNK = 50_000  # rows per writerows call


@dataclass
class Stats:
    """What a generated file holds; `bad_lines` are physical line numbers (header = line 1)."""

    rows: int = 0
    samples: int = 0
    bad: int = 0
    censored: int = 0
    markers: list[str] = field(default_factory=list)
    units: dict[str, int] = field(default_factory=dict)
    names_used: int = 0
    bad_values: dict[str, int] = field(default_factory=dict)
    bad_lines: list[int] = field(default_factory=list)
    censored_lines: list[int] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"rows={self.rows} samples={self.samples} bad={self.bad} "
            f"censored={self.censored} units={self.units}"
        )


def load_markers(path: Path = RANGES) -> list[tuple[str, list[str], float | None, float]]:
    """(canonical name, [canonical + aliases], low, high) for every marker of the set."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    markers = []
    for name, spec in data["markers"].items():
        names = [name, *spec.get("aliases", [])]
        markers.append((name, names, spec.get("low"), float(spec["high"])))
    return markers


def _fmt(value: float) -> str:
    if value >= 100:
        return f"{value:.0f}"
    if value >= 1:
        return f"{value:.1f}"
    return f"{value:.2f}"


def _value_pool(rng: random.Random, low: float | None, high: float) -> tuple[list[str], list[str]]:
    """Precomputed values for one marker, as written in pg/mL (or ng/L) and in ng/mL."""
    median = math.sqrt(low * high) if low else high * 0.4
    pg, ng = [], []
    for _ in range(1 << POOL_BITS):
        value = rng.lognormvariate(math.log(median), 0.6)
        if rng.random() < RAISED_SHARE:
            value *= rng.lognormvariate(math.log(6.0), 0.9)
        text = _fmt(value)
        pg.append(text)
        ng.append(f"{float(text) / 1000:.6g}")
    return pg, ng


def _name_pool(names: list[str]) -> list[str]:
    """The canonical name half of the time, otherwise an alias (each alias equally often)."""
    canonical, aliases = names[0], names[1:]
    if not aliases:
        return [canonical]
    return [canonical] * len(aliases) + aliases


def generate(
    rows: int,
    out: str | Path,
    seed: int = 0,
    *,
    bad_share: float = BAD_SHARE,
    censored_share: float = CENSORED_SHARE,
    excel: bool = False,
) -> Stats:
    """Write `rows` data rows to `out` (a path) and return what was written (`excel`: see the
    module's doc).

    The number of bad and censored rows is exact: round(rows * share), at least one of each when
    the share is not zero, at positions chosen by the seed.
    """
    rng = random.Random(seed)
    markers = load_markers()
    pools = [_value_pool(rng, low, high) for _, _, low, high in markers]
    names = [_name_pool(all_names) for _, all_names, _, _ in markers]
    n_markers = len(markers)

    n_bad = max(1, round(rows * bad_share)) if bad_share and rows else 0
    n_cens = max(1, round(rows * censored_share)) if censored_share and rows else 0
    n_bad = min(n_bad, rows)
    n_cens = min(n_cens, rows - n_bad)
    special = rng.sample(range(rows), n_bad + n_cens)
    kind = bytearray(rows)  # 0 normal, 1 bad, 2 censored
    for index in special[:n_bad]:
        kind[index] = 1
    for index in special[n_bad:]:
        kind[index] = 2

    stats = Stats(rows=rows, markers=[m[0] for m in markers])
    stats.samples = (rows + n_markers - 1) // n_markers
    units = {"pg/mL": 0, "ng/L": 0, "ng/mL": 0}
    used_names: set[str] = set()
    bad_values: dict[str, int] = {}
    start = dt.date(2024, 1, 1)  # two years that are past: a later day is warned of as a slip
    dates = [(start + dt.timedelta(days=d)).isoformat() for d in range(730)]

    random_ = rng.random
    bits = rng.getrandbits
    choice = rng.choice
    # The lab's printed range per marker and unit (excel): the set's, from 0 if it has no low.
    printed = [
        {
            "pg/mL": f"{low or 0:g}-{high:g}",
            "ng/L": f"{low or 0:g}-{high:g}",
            "ng/mL": f"{(low or 0) / 1000:g}-{high / 1000:g}",
        }
        for _, _, low, high in markers
    ]
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n", delimiter=";" if excel else ",")
        writer.writerow((*HEADER, "reference_range") if excel else HEADER)
        chunk: list[tuple[str, ...]] = []
        sample_id = patient_id = collected_at = ""
        for index in range(rows):
            m = index % n_markers
            if m == 0:
                sample = index // n_markers
                # Two to three samples per patient, each on its own date.
                patient = sample * 2 // 5
                sample_id = f"S-{sample + 1:07d}"
                patient_id = f"P-{patient + 1:07d}"
                collected_at = dates[(patient * 37 + sample * 11) % 730]
            name_pool = names[m]
            name = name_pool[bits(16) % len(name_pool)]
            used_names.add(name)
            k = kind[index]
            r = random_()
            if k == 1:
                value = choice(BAD_VALUES)
                unit = "pg/mL"
                bad_values[value] = bad_values.get(value, 0) + 1
                stats.bad_lines.append(index + 2)
            elif k == 2:
                value = choice(CENSORED_VALUES)
                unit = "pg/mL" if r < 0.9 else "ng/L"  # censored limits stay in pg/mL terms
                stats.censored_lines.append(index + 2)
            else:
                pg, ng = pools[m]
                if r < PG_ML_SHARE:
                    unit, value = "pg/mL", pg[bits(POOL_BITS)]
                elif r < PG_ML_SHARE + NG_L_SHARE:
                    unit, value = "ng/L", pg[bits(POOL_BITS)]
                else:
                    unit, value = "ng/mL", ng[bits(POOL_BITS)]
            units[unit] += 1
            if excel:
                lab_range = printed[m][unit].replace(".", ",")
                row = (sample_id, patient_id, collected_at, name, value.replace(".", ","), unit)
                chunk.append((*row, lab_range))
            else:
                chunk.append((sample_id, patient_id, collected_at, name, value, unit))
            if len(chunk) >= CHUNK:
                writer.writerows(chunk)
                chunk.clear()
        writer.writerows(chunk)
    stats.bad = n_bad
    stats.censored = n_cens
    stats.units = units
    stats.bad_values = bad_values
    stats.names_used = len(used_names)
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rows", type=int, help="number of data rows (the header not counted)")
    parser.add_argument("out", help="CSV file to write")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--excel", action="store_true", help="';', decimal commas and the lab's range per row"
    )
    args = parser.parse_args(argv)
    if args.rows < 0:
        parser.error("ROWS must be zero or more")
    try:
        stats = generate(args.rows, args.out, args.seed, excel=args.excel)
    except OSError as exc:  # a missing folder, a full disk: one line, not a traceback (QA)
        reason = exc.strerror or exc
        print(f"generate.py: cannot write {exc.filename or args.out}: {reason}", file=sys.stderr)
        return 1
    print(f"generate.py: {args.out}: {stats.summary()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
