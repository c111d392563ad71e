"""A ',' file that has shown its decimal comma (a quoted '"3,2"') reads what follows by the rules
of a ';' file: its '2.500' may mean 2500 and is refused as `value-ambiguous-dot` (QA, lab round:
it was read as 2.5, certain, while the same rows with ';' were refused).

On every path: the short path and the general one, batches, and two processes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from panelcli import split
from panelcli.batches import read_batches
from panelcli.check import CheckOptions, Interpreter, StreamEvent, Tally
from panelcli.cli import app
from panelcli.models import Issue
from panelcli.ranges import load_ranges
from panelcli.render import two_processes
from panelcli.render.ndjson import ndjson_batch, ndjson_join, ndjson_texts
from panelcli.render.stream import write_lines

RANGES = load_ranges(None)
runner = CliRunner()

COMMAS2 = (
    'sample_id,marker,value,unit\nS1,IL-10,"3,2",pg/mL\nS1,IL-8,2.500,pg/mL\nS1,IL-6,1.234,pg/mL\n'
)


def events(path: Path, short: bool = True) -> list[StreamEvent]:
    interpreter = Interpreter(RANGES, CheckOptions())
    interpreter.short_path = short
    return list(interpreter.stream([str(path)]))


def outline(found: list[StreamEvent]) -> list[tuple[object, ...]]:
    """(line, code) of each issue, (line, marker, value, status) of each result."""
    out: list[tuple[object, ...]] = []
    for event in found:
        if isinstance(event, Issue):
            out.append((event.line, event.code))
        else:
            result = event.to_result() if hasattr(event, "to_result") else event
            out.append((result.line, result.marker, result.value, str(result.status)))
    return out


def write(tmp_path: Path, text: str, name: str = "commas.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize("delimiter", [",", ";"])
def test_a_dot_that_may_group_thousands_after_a_decimal_comma_is_refused_in_either_file(
    tmp_path: Path, short: bool, delimiter: str
) -> None:
    text = COMMAS2 if delimiter == "," else COMMAS2.replace(",", ";").replace('"3;2"', "3,2")
    found = outline(events(write(tmp_path, text), short))
    assert found == [
        (2, "IL-10", 3.2, "normal"),
        (3, "value-ambiguous-dot"),
        (4, "value-ambiguous-dot"),
    ]


@pytest.mark.parametrize("short", [True, False])
def test_a_comma_file_reads_its_dots_as_points_until_it_shows_a_decimal_comma(
    tmp_path: Path, short: bool
) -> None:
    """A ',' file whose first lines show its decimal comma ('"3,2"') and no decimal point
    reads its '2.500' above it as after it: refused (a German sheet's '1.340' there was 1.34,
    certain). Shown only past its first 200 lines, the '2.500' before it is 2.5 (the '.' is a
    ',' file's own mark); after it, refused."""
    text = (
        'sample_id,marker,value,unit\nS1,IL-8,2.500,pg/mL\nS1,IL-10,"3,2",pg/mL\n'
        "S2,IL-8,2.500,pg/mL\n"
    )
    assert outline(events(write(tmp_path, text), short)) == [
        (2, "value-ambiguous-dot"),
        (3, "IL-10", 3.2, "normal"),
        (4, "value-ambiguous-dot"),
    ]
    whole = "".join(f"S{n},IL-8,5,pg/mL\n" for n in range(250))
    late = text.replace("S1,IL-8,2.500", f"{whole}S1,IL-8,2.500").replace("S2,", "S999,")
    assert outline(events(write(tmp_path, late), short))[-3:] == [
        (252, "IL-8", 2.5, "normal"),
        (253, "IL-10", 3.2, "normal"),
        (254, "value-ambiguous-dot"),
    ]
    # a first '2.5' (a point for certain) keeps the file's dots as points until the comma
    both = text.replace("S1,IL-8,2.500", "S0,IL-6,2.5,pg/mL\nS1,IL-8,2.500")
    assert outline(events(write(tmp_path, both), short))[:2] == [
        (2, "IL-6", 2.5, "normal"), (3, "IL-8", 2.5, "normal"),
    ]  # fmt: skip


@pytest.mark.parametrize("short", [True, False])
def test_a_comma_file_with_no_decimal_comma_is_read_as_before(tmp_path: Path, short: bool) -> None:
    text = 'sample_id,marker,value,unit\nS1,IL-8,2.500,pg/mL\nS1,IL-6,"1,234.5",pg/mL\n'
    assert outline(events(write(tmp_path, text), short)) == [
        (2, "IL-8", 2.5, "normal"),
        (3, "IL-6", 1234.5, "high"),  # '1,234.5' groups thousands: no decimal comma
    ]


@pytest.mark.parametrize("short", [True, False])
def test_a_lab_range_with_a_decimal_comma_shows_it_too(tmp_path: Path, short: bool) -> None:
    text = (
        "sample_id,marker,value,unit,reference range\n"
        'S1,IL-10,3.1,pg/mL,"<7,0"\nS1,IL-8,2.500,pg/mL,\n'
    )
    found = outline(events(write(tmp_path, text), short))
    assert (3, "value-ambiguous-dot") in found
    assert not any(len(item) == 4 and item[1] == "IL-8" for item in found)


def test_after_a_decimal_comma_a_comma_file_reads_a_comma_as_the_decimal_mark(
    tmp_path: Path,
) -> None:
    """'"12,345"' was refused as ambiguous; the file's ',' is its decimal mark: 12.345, as in a
    ';' file that has shown it; '"1,234.5"' then mixes the file's marks, and the first lines
    showing it, '"2,345"' above it is in doubt too (lab QA round 23: 'in either order')."""
    text = 'sample_id,marker,value,unit\nS1,IL-10,"3,2",pg/mL\nS1,IL-8,"2,345",pg/mL\n'
    assert outline(events(write(tmp_path, text))) == [
        (2, "IL-10", 3.2, "normal"),
        (3, "IL-8", 2.345, "normal"),
    ]
    mixed = write(tmp_path, text + 'S1,IL-6,"1,234.5",pg/mL\n')
    assert outline(events(mixed)) == [
        (2, "IL-10", 3.2, "normal"),
        (3, "value-comma-ambiguous"),
        (3, "IL-8", 2.345, "indeterminate"),
        (4, "value-thousands-separator"),
    ]


@pytest.mark.parametrize("short", [True, False])
def test_a_comma_file_that_writes_both_marks_doubts_a_comma_that_may_group(
    tmp_path: Path, short: bool
) -> None:
    """QA: '"1,234.5"' (',' groups thousands), then '"2,5"' (',' is the decimal mark): a later
    '"12,345"' was read as 12.345, normal, with no word, where read as 12345 it is high."""
    text = (
        'Sample ID,Marker,Value,Unit\nB,IL-8,"1,234.5",pg/mL\nB,IL-10,"2,5",pg/mL\n'
        'B,TNF-α,"12,345",pg/mL\nB,IL-6,"1,500",pg/mL\n'
    )
    found = events(write(tmp_path, text), short)
    assert outline(found) == [
        (2, "IL-8", 1234.5, "high"),
        (3, "IL-10", 2.5, "normal"),
        (3, "value-comma-both-ways"),  # lab QA: said where the file shows it
        (4, "value-comma-ambiguous"),
        (4, "TNF-α", 12.345, "indeterminate"),
        (5, "IL-6", 1.5, "indeterminate"),  # 1.5 or 1500: normal or high
    ]
    [both, warning] = [e for e in found if isinstance(e, Issue)]
    assert "but this file grouped thousands with ',' before it ('1,234.5')" in both.message
    assert "both as the decimal mark and to group thousands ('1,234.5')" in warning.message


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize("point_first", [True, False])
def test_a_file_that_writes_both_decimal_marks_doubts_a_comma_that_may_group(
    tmp_path: Path, short: bool, point_first: bool
) -> None:
    """QA: a hand-typed file wrote '"0,5"' and '2.5': its '"1,500"' was read as 1.5, normal,
    with no word, where read as 1500 it is far past the limit."""
    point, comma = "S1,IL-8,2.5,pg/mL\n", 'S1,IL-6,"0,5",pg/mL\n'
    text = "sample_id,marker,value,unit\n" + (point + comma if point_first else comma + point)
    found = events(write(tmp_path, text + 'S1,TNF-α,"1,500",pg/mL\n'), short)
    assert outline(found)[2:] == [
        (4, "value-comma-ambiguous"),
        (4, "TNF-α", 1.5, "indeterminate"),  # 1.5 or 1500: normal or high
    ]
    [warning] = [e for e in found if isinstance(e, Issue)]
    assert "as the file writes both '.' ('2.5') and ',' as its decimal mark" in warning.message
    # one mark alone: as before
    for alone in (point, comma):
        only = events(write(tmp_path, "sample_id,marker,value,unit\n" + alone
                            + 'S1,TNF-α,"1,500",pg/mL\n'), short)  # fmt: skip
        assert outline(only)[1:] == (
            [(3, "TNF-α", 1.5, "normal")] if alone == comma else [(3, "value-ambiguous-comma")]
        ), alone


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize("point", ["0.125", "1234.567", ".5", "<2.5"])
def test_any_point_that_cannot_group_thousands_shows_the_decimal_point(
    tmp_path: Path, short: bool, point: str
) -> None:
    """Review: '0.125' (no group starts with 0) and '1234.567' (four digits before the point)
    can only be decimal points, but did not count as showing one."""
    text = (
        f'sample_id,marker,value,unit\nS1,IL-8,{point},pg/mL\nS1,IL-6,"0,5",pg/mL\n'
        'S1,TNF-α,"1,500",pg/mL\n'
    )
    assert outline(events(write(tmp_path, text), short))[2:] == [
        (4, "value-comma-ambiguous"), (4, "TNF-α", 1.5, "indeterminate"),
    ]  # fmt: skip


@pytest.mark.parametrize("short", [True, False])
def test_a_held_mean_is_read_with_the_marks_seen_where_it_stands(
    tmp_path: Path, short: bool
) -> None:
    """Review: a mean row held until its panel ended was doubted by a '2.5' on a later line,
    where a row was not. Lab QA round 23: both are, as the first lines show both marks (a
    '"1,500"' between '"0,5"' and '2.5' was 1.5, normal, with no word), on every path."""
    text = (
        'sample_id,marker,value,unit\nS1,IL-8,"0,5",pg/mL\nS1,IL-6 Mean,"1,500",pg/mL\n'
        "S1,IL-10,2.5,pg/mL\nS2,IL-8,1,pg/mL\n"
    )
    found = outline(events(write(tmp_path, text), short))
    assert (3, "IL-6", 1.5, "indeterminate") in found
    assert (3, "value-comma-ambiguous") in found


@pytest.mark.parametrize("short", [True, False])
def test_a_printed_range_is_doubted_after_both_decimal_marks_as_a_value_is(
    tmp_path: Path, short: bool
) -> None:
    """Review: after '2.5' and '"0,5"', a lab's '"<1,500"' was read as < 1.5 for certain:
    7 pg/mL of TNF-α high, 4.67 times, where read as < 1500 it is normal."""
    text = (
        'sample_id,marker,value,unit,reference_range\nS1,IL-8,2.5,pg/mL,\nS1,IL-6,"0,5",pg/mL,\n'
        'S1,TNF-α,7,pg/mL,"<1,500"\n'
    )
    path = write(tmp_path, text)
    found = events(path, short)
    assert outline(found)[2:] == [(4, "TNF-α", 7.0, "normal"), (4, "range-unreadable")]
    [doubt] = [e for e in found if isinstance(e, Issue)]
    assert "; the file writes both '.' ('2.5') and ',' as its decimal mark;" in doubt.message
    parts = [ndjson_batch(b, RANGES) for b in read_batches(str(path), RANGES, 1)]
    assert "".join(ndjson_join(parts, RANGES.info)) == one_process(path)


@pytest.mark.parametrize("short", [True, False])
@pytest.mark.parametrize(
    "text",
    [
        'Sample ID,IL-6 (pg/mL),IL-8 (pg/mL),IFN-γ (pg/mL)\nS1,2.5,"0,5","1,500"\n',
        'Sample ID,IL-8 (pg/mL),IL-6 (pg/mL),IFN-γ (pg/mL)\nS1,"0,5",2.5,"1,500"\n',
        "Sample ID;IL-6 (pg/mL);IL-8 (pg/mL);IFN-γ (pg/mL)\nS1;2.5;0,5;1,500\n",
        'sample_id,marker,value,unit,reference_range\nS1,IL-8,"0,5",pg/mL,0-7.5\n'
        'S1,IFN-γ,"1,500",pg/mL,\n',
    ],
)
def test_both_marks_in_one_wide_row_or_in_a_printed_range_doubt_a_comma_that_may_group(
    tmp_path: Path, short: bool, text: str
) -> None:
    """QA: a wide row's '2.5' and '"0,5"' left its '"1,500"' read as 1.5, normal, with no
    word (the row's marks were noted only after it); a printed range's '0-7.5' did not count
    as the file's decimal point."""
    found = outline(events(write(tmp_path, text), short))
    assert (found[-2][1], found[-1][1:]) == (
        "value-comma-ambiguous",
        ("IFN-γ", 1.5, "indeterminate"),
    )
    parts = [ndjson_batch(b, RANGES) for b in read_batches(str(write(tmp_path, text)), RANGES, 1)]
    assert "".join(ndjson_join(parts, RANGES.info)) == one_process(write(tmp_path, text))


def test_batches_and_two_processes_doubt_after_both_decimal_marks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The '2.5' in one batch or part, the '"0,5"' and '"1,500"' in a later one."""
    monkeypatch.setattr(split, "MIN_BYTES", 0)
    path = tmp_path / "big.csv"
    path.write_text(
        HEADER + comma_rows(0, 1000, "2.5") + comma_rows(1000, 3000, "7")
        + comma_rows(4000, 10, '"0,5"') + comma_rows(4010, 20, '"1,500"')
        + comma_rows(4030, 1000, "7"),
        encoding="utf-8",
    )  # fmt: skip
    expected = one_process(path)
    assert expected.count('"status":"indeterminate"') == 20
    two_processes_and_batches_give(path, expected, (7, 1000))


def two_processes_and_batches_give(path: Path, expected: str, sizes: tuple[int, ...]) -> None:
    assert two(path) == expected
    for rows_per_batch in sizes:
        parts = [ndjson_batch(b, RANGES) for b in read_batches(str(path), RANGES, rows_per_batch)]
        assert "".join(ndjson_join(parts, RANGES.info)) == expected, rows_per_batch


@pytest.mark.parametrize("short", [True, False])
def test_a_tab_file_s_us_grouped_value_is_read_before_it_shows_a_decimal_comma(
    tmp_path: Path, short: bool
) -> None:
    """QA: a US Excel 'Unicode text' (tab) export's '1,234.50' was refused as mixing '.' and
    ',', where its one reading is 1234.5; after a decimal comma it still mixes the marks."""
    text = (
        "Sample ID\tAnalyte\tResult\tUnits\nUS-1\tIL-6\t12.50\tpg/mL\n"
        "US-1\tIL-8\t1,234.50\tpg/mL\nUS-1\tIL-10\t2,5\tpg/mL\nUS-1\tTNF-α\t12,345\tpg/mL\n"
        "US-1\tIL-1β\t1,234.50\tpg/mL\n"
    )
    assert outline(events(write(tmp_path, text, "us.txt"), short)) == [
        (2, "IL-6", 12.5, "high"),
        (3, "value-comma-groups"),
        (3, "IL-8", 1234.5, "high"),
        (4, "IL-10", 2.5, "normal"),
        (5, "value-comma-ambiguous"),
        (5, "TNF-α", 12.345, "indeterminate"),
        (6, "value-thousands-separator"),
    ]


@pytest.mark.parametrize("short", [True, False])
def test_a_tab_file_that_groups_with_commas_reads_each_such_value(
    tmp_path: Path, short: bool
) -> None:
    """QA and review: only the first '1,234.50' was read; it counted as a decimal comma, and
    every later one was refused, '2.500' too; '-1,234.50' stopped the whole run. Its '.' is
    not taken for certain as the point (review: one '1,234.50' proves nothing of the rest)."""
    text = (
        "sample_id\tmarker\tvalue\tunit\nS1\tsIL-2R\t1,234.50\tpg/mL\n"
        "S2\tsIL-2R\t1,300.00\tpg/mL\nS3\tIL-6\t2.500\tpg/mL\nS4\tsIL-2R\t1,234\tpg/mL\n"
        "S5\tIL-6\t-1,234.50\tpg/mL\n"
    )
    found = events(write(tmp_path, text, "us.tsv"), short)
    assert outline(found) == [
        (2, "value-comma-groups"),
        (2, "sIL-2R", 1234.5, "normal"),
        (3, "sIL-2R", 1300.0, "normal"),
        (4, "value-dot-ambiguous"),
        (4, "IL-6", 2.5, "indeterminate"),  # 2.5 or 2500, as in any tab file
        (5, "value-comma-ambiguous"),
        (5, "sIL-2R", 1.234, "indeterminate"),  # 1.234 or 1234
        (6, "value-negative"),
    ]
    # review: not 'until the file writes a decimal comma', after which they stay doubted
    [doubt] = [e for e in found if isinstance(e, Issue) and e.code == "value-comma-ambiguous"]
    assert "this file also writes ',' to group thousands ('1,234.50'), so a" in doubt.message


def test_a_wide_comma_file_refuses_the_dots_after_a_decimal_comma(tmp_path: Path) -> None:
    text = 'sample_id,IL-10 (pg/mL),IL-8 (pg/mL),IL-6 (pg/mL)\nS1,"3,2",2.500,1.234\n'
    assert outline(events(write(tmp_path, text))) == [
        (2, "IL-10", 3.2, "normal"),
        (2, "value-ambiguous-dot"),
        (2, "value-ambiguous-dot"),
    ]


def test_a_lab_flag_beside_the_dot_does_not_get_it_read(tmp_path: Path) -> None:
    """unj.csv (QA): IL-8 '2.500' flagged 'HH' was normal at 2.5."""
    text = 'sample_id,marker,value,unit,flag\nS1,IL-10,"3,2",pg/mL,\nS1,IL-8,2.500,pg/mL,HH\n'
    assert outline(events(write(tmp_path, text))) == [
        (2, "IL-10", 3.2, "normal"),
        (3, "value-ambiguous-dot"),
    ]


def test_the_command_line_refuses_them_and_exits_2(tmp_path: Path) -> None:
    path = write(tmp_path, COMMAS2, "commas2.csv")
    result = runner.invoke(app, ["check", str(path), "-f", "ndjson"])
    assert result.exit_code == 2
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    refused = [(x["rejected"]["line"], x["rejected"]["code"]) for x in lines if "rejected" in x]
    assert refused == [(3, "value-ambiguous-dot"), (4, "value-ambiguous-dot")]
    assert "(2.500 meaning 2500)" in result.stdout
    validated = runner.invoke(app, ["validate", str(path)])
    assert validated.exit_code == 2
    assert "2 problems" in validated.stdout + validated.stderr


def test_batches_refuse_them_as_check_does(tmp_path: Path) -> None:
    lines = ["sample_id,marker,value,unit", 'S0,IL-10,"3,2",pg/mL']
    lines += [f"S{n},IL-8,{n % 9 + 1}.500,pg/mL" for n in range(1, 40)]
    path = write(tmp_path, "\n".join(lines) + "\n")
    expected = runner.invoke(app, ["check", str(path), "--format", "ndjson"]).stdout
    assert expected.count('"value-ambiguous-dot"') == 39
    for rows_per_batch in (1, 7, 1000):
        parts = [ndjson_batch(b, RANGES) for b in read_batches(str(path), RANGES, rows_per_batch)]
        assert "".join(ndjson_join(parts, RANGES.info)) == expected


# Two processes: the forked process reads the second part without the first part's decimal
# comma; its text must not be used where one process reads that part otherwise.

HEADER = "sample_id,patient_id,collected_at,marker,value,unit\n"
MARKERS = ["IL-6", "IL-8", "IL-10", "TNF-α", "IFN-γ", "IL-17"]


def comma_rows(first: int, count: int, value: str) -> str:
    return "".join(
        f"S-{i // 6},P-{i // 60},2026-01-01,{MARKERS[i % 6]},{value or f'{i % 9}.5'},pg/mL\n"
        for i in range(first, first + count)
    )


def one_process(path: Path) -> str:
    batches = Interpreter(RANGES, CheckOptions()).stream_batches([str(path)])
    return "".join(
        t.decode() if isinstance(t, bytes) else t  # type: ignore[misc]
        for t in ndjson_texts(batches, RANGES.info, Tally())
    )


def two(path: Path) -> str:
    import io

    tally, out = Tally(), io.StringIO()
    done = two_processes.write_in_two_processes(
        str(path), Interpreter(RANGES, CheckOptions()), ndjson_texts, RANGES.info, tally,
        lambda texts: write_lines(texts, out, tally),
    )  # fmt: skip
    assert done
    return out.getvalue()


@pytest.mark.parametrize(
    ("first_half", "second_half", "refused"),
    [
        ('"3,2"', "2.500", 1000),  # one process refuses the second part's '2.500'
        ("", "2.500", 0),  # no decimal comma anywhere: 2.5 on both sides
        ("", '"3,2"', 0),  # shown only after the cut: the forked process sees it as one does
        ('"3,2"', "", 0),  # nothing after the cut that the mark changes
    ],
)
def test_two_processes_read_a_comma_file_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first_half: str, second_half: str,
    refused: int,
) -> None:  # fmt: skip
    monkeypatch.setattr(split, "MIN_BYTES", 0)
    path = tmp_path / "big.csv"
    path.write_text(
        HEADER + comma_rows(0, 1000, first_half) + comma_rows(1000, 2500, "")
        + comma_rows(3500, 1000, second_half) + comma_rows(4500, 1500, ""),
        encoding="utf-8",
    )  # fmt: skip
    text = two(path)
    assert text == one_process(path)
    assert text.count('"code":"value-ambiguous-dot"') == refused


# A ';' file's printed range whose ',' may group thousands ('< 1,500'): doubted, as a value
# '2,000' is, until the file shows its decimal comma (QA: it was read as < 1.5, no doubt said).

SEMI_RANGES = "Probe;Analyt;Ergebnis;Einheit;Referenzbereich\n"


@pytest.mark.parametrize("short", [True, False])
def test_a_printed_range_whose_comma_may_group_thousands_is_doubted_until_a_decimal_comma(
    tmp_path: Path, short: bool
) -> None:
    text = SEMI_RANGES + "P1;IL-8;5;pg/ml;< 1,500\nP2;IL-8;2,5;pg/ml;\nP3;IL-8;5;pg/ml;< 1,500\n"
    found = events(write(tmp_path, text, "ranges.csv"), short)
    assert outline(found) == [
        (2, "IL-8", 5.0, "normal"), (2, "range-unreadable"),  # by the set's ≤ 9.4
        (3, "IL-8", 2.5, "normal"),
        (4, "IL-8", 5.0, "high"), (4, "range-disagrees"),  # '< 1,500' is < 1.5 now
        (3, "range-missing"),  # P2's blank cell beside it, at the file's end
    ]  # fmt: skip
    (doubt,) = [e for e in found if isinstance(e, Issue) and e.code == "range-unreadable"]
    assert "may be the decimal mark or group thousands (1,500 meaning 1.5 or 1500)" in (
        doubt.message
    )


def test_batches_doubt_a_printed_range_as_check_does(tmp_path: Path) -> None:
    lines = [SEMI_RANGES.strip()]
    lines += [f"S{n};IL-8;5;pg/ml;< 1,500" for n in range(20)]
    lines += ["T;IL-8;2,5;pg/ml;"] + [f"U{n};IL-8;5;pg/ml;< 1,500" for n in range(20)]
    path = write(tmp_path, "\n".join(lines) + "\n", "ranges.csv")
    expected = runner.invoke(app, ["check", str(path), "--format", "ndjson"]).stdout
    assert expected.count('"range-unreadable"') == 1 and expected.count('"status":"high"') == 20
    for rows_per_batch in (1, 7, 1000):
        parts = [ndjson_batch(b, RANGES) for b in read_batches(str(path), RANGES, rows_per_batch)]
        assert "".join(ndjson_join(parts, RANGES.info)) == expected


@pytest.mark.parametrize("shown_first", [True, False])
def test_two_processes_doubt_a_printed_range_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown_first: bool
) -> None:
    monkeypatch.setattr(split, "MIN_BYTES", 0)
    rows = [f"S-{i // 6};P-{i // 60};2026-01-01;IL-8;{i % 9 + 1};pg/mL;\n" for i in range(5000)]
    if shown_first:
        rows[10] = "S-1;P-0;2026-01-01;IL-10;3,2;pg/mL;\n"
    rows += [f"R-{i};P-x;2026-01-02;IL-8;5;pg/mL;< 1,500\n" for i in range(1000)]
    path = tmp_path / "big.csv"
    path.write_text(
        "sample_id;patient_id;collected_at;marker;value;unit;reference_range\n" + "".join(rows),
        encoding="utf-8",
    )
    text = two(path)
    assert text == one_process(path)
    assert text.count('"code":"range-unreadable"') == (0 if shown_first else 1)


@pytest.mark.parametrize("short", [True, False])
def test_a_row_whose_own_value_shows_the_decimal_comma_reads_its_range_alike_on_each_path(
    tmp_path: Path, short: bool
) -> None:
    """Review: row B ('2,0' beside '< 1,500') was normal by the set on the short path, and
    high by its range ('< 1.5') on the general path and in batches."""
    text = (
        SEMI_RANGES + "A;IL-6;2;pg/mL;< 1,500\nB;IL-6;2,0;pg/mL;< 1,500\nC;IL-6;2;pg/mL;< 1,500\n"
    )
    path = write(tmp_path, text, "ranges.csv")
    assert [o for o in outline(events(path, short)) if len(o) == 4] == [
        (2, "IL-6", 2.0, "normal"), (3, "IL-6", 2.0, "high"), (4, "IL-6", 2.0, "high")
    ]  # fmt: skip
    expected = runner.invoke(app, ["check", str(path), "--format", "ndjson"]).stdout
    parts = [ndjson_batch(b, RANGES) for b in read_batches(str(path), RANGES, 1)]
    assert "".join(ndjson_join(parts, RANGES.info)) == expected


def test_two_processes_fall_back_where_a_doubted_range_was_past_the_limit_of_texts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review: past the limit of 'range-unreadable' texts the forked part's doubt was summed
    up, not seen, and its rows came out judged by the set where one process used '< 1.5'."""
    import io

    monkeypatch.setattr(split, "MIN_BYTES", 0)
    rows = ["S-0;P-0;2026-01-01;IL-10;12,5;pg/mL;\n"]
    rows += [f"S-{i};P-0;2026-01-01;IL-8;{i % 9 + 1};pg/mL;\n" for i in range(1, 5000)]
    rows += [f"G-{i};P-1;2026-01-02;IL-6;2;pg/mL;junk{i}\n" for i in range(4)]
    rows += [f"Z-{i};P-2;2026-01-03;IL-6;2;pg/mL;< 1,500\n" for i in range(1000)]
    path = tmp_path / "big.csv"
    path.write_text(
        "sample_id;patient_id;collected_at;marker;value;unit;reference_range\n" + "".join(rows),
        encoding="utf-8",
    )

    def run(two_parts: bool) -> str:
        interpreter = Interpreter(RANGES, CheckOptions(), kind_limit=2)
        if not two_parts:
            return "".join(
                t.decode() if isinstance(t, bytes) else t  # type: ignore[misc]
                for t in ndjson_texts(interpreter.stream_batches([str(path)]), RANGES.info, Tally())
            )
        tally, out = Tally(), io.StringIO()
        assert two_processes.write_in_two_processes(
            str(path), interpreter, ndjson_texts, RANGES.info, tally,
            lambda texts: write_lines(texts, out, tally),
        )  # fmt: skip
        return out.getvalue()

    one = run(False)
    assert one.count('"sample_id":"Z-0"') and '"origin":"file"' in one
    assert run(True) == one


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_two_processes_doubt_what_one_does_after_both_marks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, delimiter: str
) -> None:
    """'1,234.5' in the first part, then a decimal comma and '12,345' in the second: one
    process doubts '12,345' (the file wrote both marks); the second part judged apart would
    not know the first's grouping, so it is judged again."""
    monkeypatch.setattr(split, "MIN_BYTES", 0)
    quote = '"' if delimiter == "," else ""

    def rows(first: int, count: int, value: str) -> str:
        return "".join(
            delimiter.join((f"S-{i // 6}", f"P-{i // 60}", "2026-01-01", MARKERS[i % 6],
                            f"{quote}{value}{quote}" if value else f"{i % 9}.5", "pg/mL")) + "\n"
            for i in range(first, first + count)
        )  # fmt: skip

    path = tmp_path / "big.csv"
    path.write_text(
        HEADER.replace(",", delimiter) + rows(0, 1000, "1,234.5") + rows(1000, 2500, "")
        + rows(3500, 10, "3,2") + rows(3510, 990, "12,345") + rows(4500, 1500, ""),
        encoding="utf-8",
    )  # fmt: skip
    text = two(path)
    assert text == one_process(path)
    assert '"code":"value-comma-ambiguous"' in text


def test_a_refused_values_printed_range_shows_the_point_on_every_path(tmp_path: Path) -> None:
    """Review: a wide row's refused 'abc' beside its range '0-7.5': batches quoted '7.5' as
    the file's point, one process '2.5' (a value's point was noted only once it parsed)."""
    path = write(
        tmp_path,
        "Sample ID,IL-6 (pg/mL),IL-6 Reference Range,IL-8 (pg/mL),IL-8 Reference Range\n"
        'S1,abc,0-7.5,2.5,0-60\nS2,"0,5",,3,\nS3,"1,500",,3,\n',
    )
    expected = one_process(path)
    assert "both '.' ('7.5')" in expected
    for rows_per_batch in (1, 2):
        parts = [ndjson_batch(b, RANGES) for b in read_batches(str(path), RANGES, rows_per_batch)]
        assert "".join(ndjson_join(parts, RANGES.info)) == expected


def test_every_path_reads_a_comma_shown_ahead_from_the_first_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A '2.500' above the first '"3,2"' is refused by two processes and batches too."""
    monkeypatch.setattr(split, "MIN_BYTES", 0)
    path = tmp_path / "ahead.csv"
    path.write_text(
        HEADER + comma_rows(0, 1, "2.500") + comma_rows(1, 3000, '"3,2"')
        + comma_rows(3001, 3000, "2.500"),
        encoding="utf-8",
    )  # fmt: skip
    text = one_process(path)
    assert text.count('"code":"value-ambiguous-dot"') == 3001
    two_processes_and_batches_give(path, text, (1, 500))


@pytest.mark.parametrize("short", [True, False])
def test_a_plate_footer_s_decimal_comma_is_no_sample_s(tmp_path: Path, short: bool) -> None:
    """QA: a footer's '"12,5"' in the marker column ('IL-6 Mean', 'IL-6 SD': no sample's
    result, skipped) showed the file's decimal comma, and a later '2.500' was refused."""
    text = (
        'sample_id,marker,value,unit\nS1,IL-6,15,pg/mL\n,IL-6 Mean,"12,5",pg/mL\n'
        ',IL-6 SD,"0,5",pg/mL\nS2,IL-8,2.500,pg/mL\n'
    )
    assert outline(events(write(tmp_path, text), short))[-1] == (5, "IL-8", 2.5, "normal")


# A ',' file that groups thousands with ',' ('"1,340.5"') and writes no decimal comma: its
# quoted '"1,120"' groups them too (QA: it was refused as ambiguous). Before such a value, or
# after a '2.5' alone (a hand-typed file may mean '"1,500"' as 1.5), it is still refused.

US_GROUPED = (
    'sample_id,marker,value,unit\nS1,TNF-α,"1,120",pg/mL\nS1,IL-6,"1,340.5",pg/mL\n'
    'S1,IL-8,"1,120",pg/mL\nS1,IL-10,"<1,000",pg/mL\nS1,IL-17,"1,2,3",pg/mL\n'
)


@pytest.mark.parametrize("short", [True, False])
def test_a_comma_file_reads_a_comma_that_groups_thousands_once_it_shows_such_grouping(
    tmp_path: Path, short: bool
) -> None:
    found = events(write(tmp_path, US_GROUPED), short)
    assert outline(found) == [
        (2, "value-ambiguous-comma"),  # nothing shown yet: 1.12 or 1120
        (3, "IL-6", 1340.5, "high"),
        (4, "value-comma-groups"),  # said once, where it is first read so
        (4, "IL-8", 1120.0, "high"),
        (5, "IL-10", 1000.0, "indeterminate"),  # '<1000': read as 1000 too
        (6, "value-ambiguous-comma"),  # no grouping of thousands
    ]
    [said] = [e for e in found if isinstance(e, Issue) and e.code == "value-comma-groups"]
    assert "as this file groups thousands so ('1,340.5')" in said.message


@pytest.mark.parametrize("first", ["S1,IL-6,2.5,pg/mL", 'S1,IL-10,"3,2",pg/mL'])
def test_a_point_alone_or_a_decimal_comma_leaves_such_a_comma_as_it_was(
    tmp_path: Path, first: str
) -> None:
    text = (
        f'sample_id,marker,value,unit\n{first}\nS1,IL-8,"1,340.5",pg/mL\nS1,TNF-α,"1,120",pg/mL\n'
    )
    found = outline(events(write(tmp_path, text)))
    if "2.5" in first:  # the grouping, not the point, is what tells
        assert found[1:] == [
            (3, "IL-8", 1340.5, "high"),
            (4, "value-comma-groups"),
            (4, "TNF-α", 1120.0, "high"),
        ]
        alone = text.replace('S1,IL-8,"1,340.5",pg/mL\n', "")
        assert outline(events(write(tmp_path, alone)))[1:] == [(3, "value-ambiguous-comma")]
    else:  # ',' is the decimal mark: the file writes both, so a ',' may be either
        assert "value-comma-groups" not in [f[1] for f in found], found
        assert found[-1] == (4, "TNF-α", 1.12, "indeterminate")


def test_the_command_line_reads_it_and_names_the_grouping_it_went_by(tmp_path: Path) -> None:
    path = write(tmp_path, US_GROUPED.replace('S1,TNF-α,"1,120",pg/mL\n', "").replace(
        'S1,IL-17,"1,2,3",pg/mL\n', ""))  # fmt: skip
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 1, result.output  # flagged; nothing refused
    report = json.loads(result.stdout)
    assert [r["value"] for r in report["panels"][0]["results"]] == [1340.5, 1120.0, 1000.0]
    assert [w["code"] for w in report["warnings"]] == ["value-comma-groups"]


@pytest.mark.parametrize("grouped_first", [True, False])
def test_batches_and_two_processes_read_a_grouping_comma_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, grouped_first: bool
) -> None:
    """The '"1,340.5"' only in the first part: the second, judged apart, would refuse its
    '"1,120"', so it is judged again; with none before, both refuse it."""
    monkeypatch.setattr(split, "MIN_BYTES", 0)
    path = tmp_path / "big.csv"
    path.write_text(
        HEADER + comma_rows(0, 6, '"1,340.5"' if grouped_first else "7")
        + comma_rows(6, 4000, "") + comma_rows(4006, 10, '"1,120"') + comma_rows(4016, 1000, ""),
        encoding="utf-8",
    )  # fmt: skip
    expected = one_process(path)
    assert expected.count('"value":1120.0') == (10 if grouped_first else 0)
    assert expected.count('"value-ambiguous-comma"') == (0 if grouped_first else 10)
    two_processes_and_batches_give(path, expected, (7, 1000))
