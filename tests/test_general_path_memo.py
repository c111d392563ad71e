"""The general path remembers what a messy file repeats (issue 7): its collection dates and
the header keys of its cells; JSON lines with nothing to escape are not scanned."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from panelcli import reading
from panelcli.check import check_file
from panelcli.reading import _header_key_of
from panelcli.trends import read_date
from panelcli.values import json_inert


def test_a_date_is_read_once_and_its_zone_choice_kept_apart() -> None:
    read_date.cache_clear()
    assert read_date("2026-03-01T10:00+05:00") == datetime(2026, 3, 1, 5, 0)  # in UTC
    assert read_date("2026-03-01T10:00+05:00", in_utc=False) == datetime(2026, 3, 1, 10, 0)
    assert read_date("2026-03-01T10:00+05:00") == datetime(2026, 3, 1, 5, 0)
    assert read_date.cache_info().hits == 1
    assert read_date("1900-01-01") is None  # a placeholder stays no date


def test_a_header_key_is_worked_out_once_per_cell_text() -> None:
    cells = ["Result [ng/L]", "Date de prélèvement", "IL-6", "S-1", "pg/mL", "Sample ID"]
    expected = [_header_key_of.__wrapped__(cell) for cell in cells]
    _header_key_of.cache_clear()
    assert [_header_key_of(cell) for cell in cells * 3] == expected * 3
    assert _header_key_of.cache_info().hits == 2 * len(cells)


def test_json_with_nothing_to_escape_comes_back_as_it_is() -> None:
    line = '{"marker":"IL-6","value":12.5}'
    assert json_inert(line) is line
    assert json_inert('{"note":"\u202eevil ≤ 2"}') == '{"note":"\\u202eevil ≤ 2"}'
    assert json_inert('{"note":"rub\x7fout"}') == '{"note":"rub\\u007fout"}'  # DEL is ASCII


def test_rows_the_short_path_declines_share_one_reader_per_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What depends only on the header was worked out again for each row the short path
    handed to the general one (a tenth of a messy file's time); now once per file."""
    made: list[int] = []
    named_width = reading.named_width

    def counted(header: list[str], layout: reading.Layout) -> int:
        made.append(1)
        return named_width(header, layout)

    monkeypatch.setattr(reading, "named_width", counted)
    rows = [f"S{n},IL-6,{value},pg/mL" for n in range(40) for value in ("ND", "<=2", "abc")]
    path = tmp_path / "messy.csv"
    path.write_text("\n".join(["sample_id,marker,value,unit", *rows, ""]), encoding="utf-8")
    report = check_file(str(path))
    assert len(report.rejected) == 40 and report.totals.results == 80
    assert len(made) == 1
