"""Small text pictures: a gauge per result and a sparkline per trend, readable without colour.

Shapes carry the meaning (═ range, · outside, ● value, ◀/▶ censored); colour only repeats it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence

from panelcli.models import Result
from panelcli.trends import risen

GAUGE_WIDTH = 15
NARROW_GAUGE_WIDTH = 8  # for terminals under 100 columns, so the other columns keep their room
IN_RANGE, OUTSIDE, VALUE, AT_MOST, AT_LEAST = "═", "·", "●", "◀", "▶"
#: Values spanning at least this factor (an order of magnitude) get a log scale.
LOG_FACTOR = 10.0
SPARKS = "▁▂▃▄▅▆▇█"

_GAUGES_READ = (
    f"How to read the gauges: {IN_RANGE} is the reference range and {OUTSIDE} is outside it. "
    f"{VALUE} is the value."
)
_BOUNDS_READ = f"{AT_MOST} means at or below that point, and {AT_LEAST} means at or above it."
_LOG_READ = "A gauge marked log is squeezed to fit very big or very small values (a log scale)."
GAUGE_LEGEND = f"{_GAUGES_READ} {_BOUNDS_READ} {_LOG_READ}"


def gauge_legend(drawn: Iterable[str]) -> str:
    """`GAUGE_LEGEND` with only what the `drawn` gauges show, as their cells read ('…▶· log';
    educator QA round 7: ▶ and 'log' were explained under gauges that had neither)."""
    gauges = list(drawn)
    bounds = any(AT_MOST in cell or AT_LEAST in cell for cell in gauges)
    log = any(cell.endswith(" log") for cell in gauges)
    return " ".join(
        [_GAUGES_READ, *([_BOUNDS_READ] if bounds else []), *([_LOG_READ] if log else [])]
    )


def gauge(result: Result, width: int = GAUGE_WIDTH) -> tuple[str, bool] | None:
    """The bar for one result and whether it uses a log scale; None when there is nothing to draw.

    The scale runs from 0 (or, on a log scale, half the smallest number) to a bit past the
    largest of the value and the range limits, so the range and the value always both show.
    """
    reference = result.reference
    # a dot for a number that may be 1000 times more would look judged (QA)
    if result.value is None or reference is None or result.number_in_doubt:
        return None
    low, high = reference.low, reference.high
    if low is None and high is None:
        return None
    value = result.value
    numbers = [n for n in (value, low, high) if n is not None]
    positive = [n for n in numbers if n > 0]
    log = (
        len(positive) == len(numbers)
        and len(positive) > 1
        and max(positive) / min(positive) >= LOG_FACTOR
    )
    if log:
        # log10(x) ∓ log10(2), not log10(x / 2): half of 5e-324 is 0 (QA: a math domain error
        # lost every sample's table)
        start = math.log10(min(positive)) - _LOG_2
        end = math.log10(max(positive)) + _LOG_2

        def place(x: float) -> float:
            return (math.log10(x) - start) / (end - start)

    else:
        top = max(numbers) * 1.3 or 1.0

        def place(x: float) -> float:
            return x / top

    zone_start = place(low) if low is not None else 0.0
    zone_end = place(high) if high is not None else 1.0
    cells = [
        IN_RANGE if zone_start <= (i + 0.5) / width <= zone_end else OUTSIDE for i in range(width)
    ]
    mark = {"<": AT_MOST, "<=": AT_MOST, ">": AT_LEAST, ">=": AT_LEAST}.get(
        result.comparator or "", VALUE
    )
    index = _where_judged(min(width - 1, max(0, int(place(value) * width))), cells, result.flag)
    cells[index] = mark
    return "".join(cells), log


def _where_judged(index: int, cells: list[str], flag: str | None) -> int:
    """The value's cell, moved to show what it was judged: a value past a limit keeps a cell
    of outside between itself and the range (QA: 2.51 over ≤ 2.5, high, was drawn as 2.5,
    normal, is: '═══════════●···'); a value judged normal sits on the range. Where there is
    no room, the range's cell beside it is drawn as outside."""
    zone = [i for i, cell in enumerate(cells) if cell == IN_RANGE]
    if not zone:
        return index
    if flag == "N" and cells[index] != IN_RANGE:
        return min(zone, key=lambda i: abs(i - index))
    if flag in ("H", "HH"):
        index = min(max(index, zone[-1] + 2), len(cells) - 1)
        if index > 0 and cells[index - 1] == IN_RANGE:  # no room past it: the range gives one
            cells[index - 1] = OUTSIDE
    elif flag in ("L", "LL"):
        index = max(min(index, zone[0] - 2), 0)
        if index + 1 < len(cells) and cells[index + 1] == IN_RANGE:
            cells[index + 1] = OUTSIDE
    return index


_LOG_2 = math.log10(2)


def gauge_width(terminal_width: int) -> int:
    return GAUGE_WIDTH if terminal_width >= 100 else NARROW_GAUGE_WIDTH


#: Blocks a sparkline has at most: a longer series is drawn by its highest value in each
#: stretch, so that many dates do not squeeze the table's other columns to nothing.
SPARK_WIDTH = 24


def sparkline(values: Sequence[float | None], scale: Sequence[float] = ()) -> str:
    """One block per value (at most SPARK_WIDTH), lowest ▁ to highest █; a gap for a result
    with no number. `scale`: other values the blocks are measured against (a gap's)."""
    if len(values) > SPARK_WIDTH:
        cuts = [i * len(values) // SPARK_WIDTH for i in range(SPARK_WIDTH + 1)]
        present = sorted(v for v in values if v is not None)
        middle = present[len(present) // 2] if present else 0.0
        values = [_farthest(values, start, end, middle) for start, end in itertools.pairwise(cuts)]
    numbers = [v for v in values if v is not None]
    if not numbers:
        return " " * len(values)
    low, high = min(numbers + [*scale]), max(numbers + [*scale])
    # Changes the trend calls steady (3 → 3.1 → 3.2) are drawn flat, not as a climb ▁▅█.
    if high == low or (low > 0 and not risen(low, high)):
        return "".join(" " if v is None else SPARKS[3] for v in values)
    steps = len(SPARKS) - 1
    return "".join(
        " " if v is None else SPARKS[round((v - low) / (high - low) * steps)] for v in values
    )


def _farthest(values: Sequence[float | None], start: int, end: int, middle: float) -> float | None:
    """The number among values[start:end] farthest from the series' `middle` (a peak must not
    vanish, nor a dip: QA, a critically low 0.3 among 5s was drawn flat), or None."""
    numbers = [v for v in values[start:end] if v is not None]
    return max(numbers, key=lambda v: (abs(v - middle), v)) if numbers else None
