"""The floor: the least work any Python program can do to judge a long-layout panel file.

    python benchmarks/floor.py FILE

csv.reader, float(), one dict lookup of the marker (canonical names and aliases, as written)
to (low, high), and a comparison; values that are not plain numbers ('<2.0', 'abc', '') are
only counted. No units, no censoring, no name folding, no output per row: panelcli does far
more, and the benchmark reports how many times this floor's time it takes. Prints the counts.
"""

from __future__ import annotations

import csv
import sys
import tomllib
from pathlib import Path

RANGES = Path(__file__).resolve().parent.parent / "reference_ranges" / "arup-3002601.toml"


def load_ranges(path: Path = RANGES) -> dict[str, tuple[float, float]]:
    with path.open("rb") as handle:
        markers = tomllib.load(handle)["markers"]
    ranges: dict[str, tuple[float, float]] = {}
    for name, spec in markers.items():
        bounds = (float(spec.get("low", float("-inf"))), float(spec.get("high", float("inf"))))
        for alias in (name, *spec.get("aliases", [])):
            ranges[alias] = bounds
    return ranges


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python benchmarks/floor.py FILE", file=sys.stderr)
        return 2
    ranges = load_ranges()
    rows = flagged = normal = not_a_number = unknown = 0
    with open(argv[0], encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        i_marker, i_value = header.index("marker"), header.index("value")
        for row in reader:
            rows += 1
            try:
                value = float(row[i_value])
            except ValueError:
                not_a_number += 1
                continue
            bounds = ranges.get(row[i_marker])
            if bounds is None:
                unknown += 1
            elif bounds[0] <= value <= bounds[1]:
                normal += 1
            else:
                flagged += 1
    print(
        f"rows={rows} normal={normal} flagged={flagged} "
        f"not_a_number={not_a_number} unknown_marker={unknown}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
