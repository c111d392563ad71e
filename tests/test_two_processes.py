"""Two processes (`panelcli.render.two_processes`) write exactly what one process writes.

Each file is written both ways, and the texts must be identical. The tests also check which
way the second part went: the forked process's text, or this process reading it again (when
the second part depended on the first, or the cut fell inside a quoted value).
"""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from panelcli import split
from panelcli.batches import read_batches
from panelcli.check import CheckOptions, Interpreter, Tally
from panelcli.ranges import load_ranges
from panelcli.reading import ReadStats, open_rows
from panelcli.render import two_processes
from panelcli.render.csv import csv_texts
from panelcli.render.ndjson import ndjson_batch, ndjson_join, ndjson_texts
from panelcli.render.stream import write_lines

RANGES = load_ranges(None)
HEADER = "sample_id,patient_id,collected_at,marker,value,unit\n"
MARKERS = ["IL-6", "IL-8", "IL-10", "TNF-α", "IFN-γ", "IL-17"]
MakeTexts = Callable[..., Iterator[str]]


def rows(first: int, count: int, marker_of: Callable[[int], str] | None = None) -> str:
    return "".join(
        f"S-{i // 6},P-{i // 60},2026-01-01,{(marker_of or MARKERS.__getitem__)(i % 6)},"
        f"{(i % 97) / 7:.2f},pg/mL\n"
        for i in range(first, first + count)
    )


@pytest.fixture(autouse=True)
def small_files_qualify(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(split, "MIN_BYTES", 0)


@pytest.fixture
def used(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether the forked process's text was used, per file written in two processes."""
    seen: list[bool] = []
    real = two_processes._repeats

    def spy(part: two_processes._Part, interpreter: Interpreter) -> set[tuple[str, ...]] | None:
        repeats = real(part, interpreter)
        seen.append(repeats is not None)
        return repeats

    monkeypatch.setattr(two_processes, "_repeats", spy)
    return seen


def one_process(path: Path, make_texts: MakeTexts, options: CheckOptions) -> str:
    tally = Tally()
    batches = Interpreter(RANGES, options).stream_batches([str(path)])
    texts = make_texts(batches, RANGES.info, tally)
    return "".join(t.decode() if isinstance(t, bytes) else t for t in texts)


def two(path: Path, make_texts: MakeTexts, options: CheckOptions) -> str:
    tally, out = Tally(), io.StringIO()
    done = two_processes.write_in_two_processes(
        str(path), Interpreter(RANGES, options), make_texts, RANGES.info, tally,
        lambda texts: write_lines(texts, out, tally),
    )  # fmt: skip
    assert done
    return out.getvalue()


def every_path_alike(path: Path) -> str:
    """A file's NDJSON as one process writes it, after checking that two processes and
    batches of 300 rows write the same (the caller lets small files be cut: `split.MIN_BYTES`)."""
    expected = one_process(path, ndjson_texts, CheckOptions())
    assert two(path, ndjson_texts, CheckOptions()) == expected
    parts = [ndjson_batch(b, RANGES) for b in read_batches(str(path), RANGES, 300)]
    assert "".join(ndjson_join(parts, RANGES.info)) == expected
    return expected


@pytest.mark.parametrize("make_texts", [ndjson_texts, csv_texts])
def test_a_file_in_two_processes_gives_the_same_text(
    tmp_path: Path, make_texts: MakeTexts, used: list[bool]
) -> None:
    path = tmp_path / "big.csv"
    text = HEADER + rows(0, 3000) + "S-77,P-1,2026-01-01,IL-6,<2.0,pg/mL\nS-78,P-1,x,IL-6,abc,\n"
    path.write_text(text + rows(3000, 3000), encoding="utf-8")
    options = CheckOptions(assume_unit="range")
    assert two(path, make_texts, options) == one_process(path, make_texts, options)
    assert used == [True]


@pytest.mark.parametrize("make_texts", [ndjson_texts, csv_texts])
def test_a_header_unit_and_limit_columns_in_two_processes_give_the_same_text(
    tmp_path: Path, make_texts: MakeTexts, used: list[bool]
) -> None:
    """The value column's header gives the unit and two columns the lab's range."""
    path = tmp_path / "limits.csv"
    limits = ["0,5", "0,", ",7", ",", "7,3", "abc,5"]
    text = "sample_id,patient_id,collected_at,marker,Result (pg/mL),Ref Low,Ref High\n" + "".join(
        f"{row.rstrip().rsplit(',', 1)[0]},{limits[n % len(limits)]}\n"
        for n, row in enumerate(rows(0, 6000).splitlines())
    )
    path.write_text(text, encoding="utf-8")
    options = CheckOptions()
    assert two(path, make_texts, options) == one_process(path, make_texts, options)
    assert used == [True]


def test_generated_benchmark_data_gives_the_same_text(tmp_path: Path, used: list[bool]) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from generate import generate

    path = tmp_path / "generated.csv"
    generate(5000, path, 3)
    assert two(path, ndjson_texts, CheckOptions()) == one_process(
        path, ndjson_texts, CheckOptions()
    )
    assert used == [True]


def test_a_sample_seen_again_after_the_cut_is_read_by_one_process(
    tmp_path: Path, used: list[bool]
) -> None:
    """Its second IL-6 must be warned about as `marker-repeated`, as one process does."""
    path = tmp_path / "again.csv"
    again = "S-AGAIN,P-1,2026-01-01,IL-6,3.0,pg/mL\n"
    # The second S-AGAIN comes ~500 rows after the middle, and fewer than 1,024 samples after
    # the first: one process remembers that sample there.
    path.write_text(HEADER + again + rows(0, 3500) + again + rows(3500, 2500), encoding="utf-8")
    text = two(path, ndjson_texts, CheckOptions())
    assert text == one_process(path, ndjson_texts, CheckOptions())
    assert used == [False]
    assert text.count('"code":"marker-repeated"') == 1


@pytest.mark.parametrize(
    ("before", "after", "forked_text_used"),
    [(30, 30, True), (60, 60, False), (0, 140, True), (140, 0, True)],
)
def test_a_kind_of_warning_past_its_limit_across_the_cut_is_read_by_one_process(
    tmp_path: Path, used: list[bool], before: int, after: int, forked_text_used: bool
) -> None:
    """Different unreadable ranges, `before` and `after` the cut: 60 + 60 reach the limit of
    100 (`check.KIND_LIMIT`) only in one process, which then sums up the rest in one warning.
    With none before the cut, the forked process sums up where one process would."""
    path = tmp_path / "notes.csv"

    def part(first: int, notes: int) -> str:
        """3,000 rows; from the 100th, every 20th has a note, `notes` of them."""
        return "".join(
            f"S-{n // 6},P-1,2026-01-01,{MARKERS[n % 6]},1.5,pg/mL,"
            f"{f'note {n}' if n % 20 == 0 and 0 <= (n % 3000 - 100) // 20 < notes else ''}\n"
            for n in range(first, first + 3000)
        )

    text = HEADER.replace("\n", ",reference range\n") + part(0, before) + part(3000, after)
    path.write_text(text)
    with open_rows(str(path), lambda name: True, stats := ReadStats()) as file:
        cut = split.find_cut(file, stats)
    assert cut is not None and 2950 < cut.line < 3050  # each note on its side of the cut
    text = two(path, ndjson_texts, CheckOptions())
    assert text == one_process(path, ndjson_texts, CheckOptions())
    assert used == [forked_text_used]
    assert text.count('"code":"range-unreadable"') == min(before + after, 101)


def test_a_quoted_value_across_the_cut_is_read_by_one_process(tmp_path: Path) -> None:
    path = tmp_path / "quoted.csv"
    path.write_text(HEADER + rows(0, 3000) + "S-Q,P-1,2026-01-01,IL-6,\"3.0\n" + rows(3000, 3000)
                    + '",pg/mL\n' + rows(6000, 300), encoding="utf-8")  # fmt: skip
    with open_rows(str(path), lambda name: True, stats := ReadStats()) as file:
        cut = split.find_cut(file, stats)
    assert cut is not None and 3000 < cut.line < 6000  # inside the quoted value
    assert two(path, ndjson_texts, CheckOptions()) == one_process(
        path, ndjson_texts, CheckOptions()
    )


def test_a_line_too_long_after_the_cut_is_reported_as_one_process_does(tmp_path: Path) -> None:
    path = tmp_path / "long-line.csv"
    path.write_text(HEADER + rows(0, 3000) + rows(3000, 2000) + "S-L,P,d,IL-6," + "9" * 500
                    + ",pg/mL\n" + rows(5000, 1000), encoding="utf-8")  # fmt: skip
    options = CheckOptions(max_line_length=300)
    text = two(path, ndjson_texts, options)
    assert text == one_process(path, ndjson_texts, options)
    assert '"code":"file-unreadable"' in text


def test_files_that_cannot_be_cut(tmp_path: Path) -> None:
    def cut_of(path: Path) -> split.Cut | None:
        with open_rows(str(path), lambda name: True, stats := ReadStats()) as file:
            return split.find_cut(file, stats)

    plain = tmp_path / "plain.csv"
    plain.write_text(HEADER + rows(0, 3000), encoding="utf-8")
    cut = cut_of(plain)
    assert cut is not None
    with plain.open("rb") as raw:  # the line number is the line at that byte
        assert raw.read()[: cut.offset].count(b"\n") + 1 == cut.line
    bare_cr = tmp_path / "cr.csv"
    bare_cr.write_text(HEADER.replace("\n", "\r") + rows(0, 3000).replace("\n", "\r"))
    assert cut_of(bare_cr) is None
    one_sample = tmp_path / "one-sample.csv"
    one_sample.write_text(HEADER + "".join(f"S1,P,d,IL-{n},1,pg/mL\n" for n in range(3000)))
    assert cut_of(one_sample) is None
    wide = tmp_path / "wide.csv"
    wide.write_text("sample_id,IL-6 (pg/mL),IL-8 (pg/mL)\n" + "S1,1,2\n" * 3000)
    assert cut_of(wide) is None


def test_the_command_line_uses_two_processes_and_writes_the_same(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text(HEADER + rows(0, 60_000), encoding="utf-8")  # past split.MIN_BYTES
    assert path.stat().st_size > 2 * 1024 * 1024  # split.MIN_BYTES, unpatched in a new process
    command = [sys.executable, "-m", "panelcli", "check", "--format", "ndjson"]
    from_file = subprocess.run([*command, str(path)], capture_output=True, check=False)
    with path.open("rb") as stdin:  # '-' is read by one process
        from_stdin = subprocess.run([*command, "-"], stdin=stdin, capture_output=True, check=False)
    assert from_file.returncode == from_stdin.returncode
    assert from_file.stderr == from_stdin.stderr == b""
    named = from_stdin.stdout.replace(b'"source":"-"', f'"source":"{path}"'.encode())
    assert from_file.stdout == named
    assert two_processes.fits([str(path)])
    assert not two_processes.fits(["-"]) and not two_processes.fits([str(path), str(path)])


def test_a_crlf_line_of_exactly_the_longest_length_keeps_line_numbers(tmp_path: Path) -> None:
    """Its '\\r\\n' used to be read apart, as one more line: two processes then lost a row."""
    path = tmp_path / "crlf.csv"
    longest = "S-X" + " " * 46 + ",P,d,IL-6,1,pg/mL"  # 66 characters before its '\r\n'
    body = rows(0, 2000) + longest + "\n" + rows(2000, 2000)
    path.write_bytes((HEADER + body).replace("\n", "\r\n").encode())
    options = CheckOptions(max_line_length=len(longest))
    events = [e for b in Interpreter(RANGES, options).stream_batches([str(path)]) for e in b]
    lines = {e.sample_id: e.line for e in events}  # type: ignore[union-attr]
    assert lines["S-X"] == 2002 and events[-1].line == 4002  # type: ignore[union-attr]
    assert two(path, ndjson_texts, options) == one_process(path, ndjson_texts, options)


def test_a_file_that_proves_unreadable_is_explained_on_stderr(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from panelcli.cli import app

    path = tmp_path / "long-line-early.csv"
    path.write_text(HEADER + "\n" * 70 + "S,P,d,IL-6," + "9" * 1100 + ",pg/mL\n" + rows(0, 3000))
    result = CliRunner().invoke(app, ["check", str(path), "-f", "ndjson", "--max-line-length",
                                      "1024"])  # fmt: skip
    assert result.exit_code == 2
    assert "line 72 is longer than 1,024 characters" in result.stderr
    assert result.stdout == ""


def test_the_second_process_ends_when_the_first_is_killed(tmp_path: Path) -> None:
    import signal
    import time

    path = tmp_path / "killed.csv"
    path.write_text(HEADER + rows(0, 600_000), encoding="utf-8")  # a few seconds' work
    process = subprocess.Popen(
        [sys.executable, "-m", "panelcli", "check", str(path), "-f", "ndjson"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    time.sleep(1.0)  # imported, forked, and reading
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    for _ in range(10):  # the second process would need seconds more to end by itself
        left = subprocess.run(["pgrep", "-f", str(path)], capture_output=True, text=True)
        if not left.stdout.strip():
            break
        time.sleep(0.1)
    assert left.stdout.strip() == ""


def cut_and_reader_agree(path: Path) -> bool:
    """None, or a cut at a line start whose number is the reader's for that line."""
    with open_rows(str(path), lambda name: True, stats := ReadStats()) as file:
        cut = split.find_cut(file, stats)
    if cut is None:
        return True
    data = path.read_bytes()
    # The reader ends a line at '\n', '\r\n' and a bare '\r', as splitlines() does here.
    return data[cut.offset - 1 : cut.offset] == b"\n" and cut.line - 1 == len(
        data[: cut.offset].decode().splitlines()
    )


def with_endings(endings: list[str]) -> bytes:
    lines = rows(0, len(endings)).splitlines()
    return (HEADER + "".join(line + end for line, end in zip(lines, endings))).encode()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    endings=st.lists(st.sampled_from(["\n", "\r\n"]), min_size=400, max_size=400),
    chunk=st.sampled_from([1, 2, 3, 7, 64, 1 << 20]),
)
def test_a_cut_counts_lines_whatever_the_line_endings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, endings: list[str], chunk: int
) -> None:
    monkeypatch.setattr(split, "CHUNK", chunk)
    path = tmp_path / "endings.csv"
    path.write_bytes(with_endings(endings))
    assert cut_and_reader_agree(path)


def test_a_bare_carriage_return_anywhere_before_the_cut_stops_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cut's line number counts '\n's and the reader counts a bare '\r' too: one bare
    '\r' in any block, at a block's end, in the line the middle falls in or in the lines
    searched after it must stop the cut."""
    path = tmp_path / "bare-cr.csv"
    for chunk in (1, 7, 1 << 20):
        monkeypatch.setattr(split, "CHUNK", chunk)
        for position in range(240):
            endings = ["\r\n" if n % 3 else "\n" for n in range(240)]
            endings[position] = "\r"
            path.write_bytes(with_endings(endings))
            assert cut_and_reader_agree(path), (chunk, position)


def test_a_bare_carriage_return_just_before_the_middle_stops_the_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first half's last byte is a bare '\\r': only the byte after it tells."""
    endings = ["\n"] * 240
    endings[100] = "\r"
    lines = rows(0, 240).splitlines()
    for pad in range(20_000):  # spaces in a unit cell (stripped) move the '\r' to the middle
        lines[0] = rows(0, 1).rstrip("\n") + " " * pad
        data = (HEADER + "".join(line + end for line, end in zip(lines, endings))).encode()
        if data.index(b"\r") == len(data) // 2 - 1:
            break
    else:
        pytest.fail("no padding puts the '\\r' just before the middle")
    path = tmp_path / "cr-at-middle.csv"
    path.write_bytes(data)
    for chunk in (1, 7, 1 << 20):
        monkeypatch.setattr(split, "CHUNK", chunk)
        assert cut_and_reader_agree(path), chunk


def test_a_file_that_stops_being_readable_says_so_on_stderr_in_two_processes_too(
    tmp_path: Path,
) -> None:
    """A line too long near the end stops the file: one line on stderr, as from stdin."""
    path = tmp_path / "big-long-line.csv"
    path.write_text(HEADER + rows(0, 60_000) + "S-L,P,d,IL-6," + "9" * 1500 + ",pg/mL\n")
    command = [sys.executable, "-m", "panelcli", "check", "-f", "ndjson", "--max-line-length",
               "1024"]  # fmt: skip
    from_file = subprocess.run([*command, str(path)], capture_output=True, check=False)
    with path.open("rb") as stdin:
        from_stdin = subprocess.run([*command, "-"], stdin=stdin, capture_output=True, check=False)
    assert from_file.returncode == from_stdin.returncode == 2
    said = from_file.stderr.decode().splitlines()
    assert said == [f"panelcli: {path}: line 60002 is longer than 1,024 characters; this does not "
                    "look like a lab export (raise the limit with --max-line-length); it and "
                    "every line after it were not read"]  # fmt: skip
    assert from_stdin.stderr.decode().splitlines() == [said[0].replace(str(path), "standard input")]
    assert two_processes.fits([str(path)])


def semicolon_rows(first: int, count: int, value: Callable[[int], str]) -> str:
    return "".join(
        f"S-{i // 6};P-{i // 60};2026-01-01;{MARKERS[i % 6]};{value(i)};pg/mL\n"
        for i in range(first, first + count)
    )


@pytest.mark.parametrize(
    ("first_half", "doubt_after_the_cut", "forked_text_used"),
    [("12,5", True, False),  # one process had the file's ',' shown before: no doubt there
     ("12", True, True),  # no ',' before the cut: both say the doubt where one would
     # a '.' shown before: the doubt says so, which the forked process could not (judged again)
     ("12.5", True, False),
     ("12,5", False, True)],  # no doubt at all
)  # fmt: skip
@pytest.mark.parametrize("doubtful", ["sIL-2R;2,500", "IL-6;12,500"])
def test_a_doubtful_decimal_comma_after_the_cut_is_said_as_one_process_says_it(
    tmp_path: Path, used: list[bool], first_half: str, doubt_after_the_cut: bool,
    forked_text_used: bool, doubtful: str,
) -> None:  # fmt: skip
    """'2,500' sIL-2R reads 2.5 (low) or 2500 (high): doubtful only where the file has not
    shown ',' as its decimal mark before ('12,5' does). '12,500' IL-6 is high either way, but
    how many times the upper limit depends on the reading."""
    path = tmp_path / "semi.csv"
    doubt = f"S-X;P-9;2026-01-01;{doubtful};pg/mL\n" if doubt_after_the_cut else ""
    # The cut falls in the plain rows (the middle of the file's bytes), so the forked process
    # meets the doubt before any ',' of its own.
    path.write_text(
        HEADER.replace(",", ";") + semicolon_rows(0, 1000, lambda i: first_half)
        + semicolon_rows(1000, 4000, lambda i: f"{i % 9}") + doubt
        + semicolon_rows(5000, 1000, lambda i: f"{i % 9}"),
        encoding="utf-8",
    )  # fmt: skip
    text = two(path, ndjson_texts, CheckOptions())
    assert text == one_process(path, ndjson_texts, CheckOptions())
    assert used == [forked_text_used]
    said = first_half != "12,5" and doubt_after_the_cut
    assert text.count('"code":"value-comma-ambiguous"') == said


@pytest.mark.parametrize("make_texts", [ndjson_texts, csv_texts])
def test_warnings_given_once_on_both_sides_of_the_cut_are_left_out_of_the_forked_text(
    tmp_path: Path, used: list[bool], make_texts: MakeTexts
) -> None:
    """A lab's flag ('28.7 H') and the same odd range on both sides of the cut: the forked
    text was thrown away and its half read again, 1.5 times the work (found in QA). Its
    repeats of warnings given once per file are now left out instead."""
    path = tmp_path / "flags.csv"

    def part(first: int) -> str:
        return "".join(
            f"S-{n // 6},P-1,2026-01-01,{MARKERS[n % 6]},{'28.7 H' if n % 50 == 7 else '1.5'},"
            f"pg/mL,{'free text' if n % 40 == 3 else ''}\n"
            for n in range(first, first + 3000)
        )

    path.write_text(HEADER.replace("\n", ",reference range\n") + part(0) + part(3000))
    text = two(path, make_texts, CheckOptions())
    assert text == one_process(path, make_texts, CheckOptions())
    assert used == [True]
    assert text.count("value-flag-ignored") == 1 and text.count("range-unreadable") == 1


def test_means_beside_refused_replicates_in_two_processes_give_the_same_text(
    tmp_path: Path, used: list[bool]
) -> None:
    """A long file's mean row is held until its sample's rows end, and read there where its
    replicate rows gave no result ('N/A', blank): both parts alike, as one process."""
    path = tmp_path / "means.csv"
    values = ["1.5", "N/A", "", "***"]
    path.write_text("Sample,Analyte,Result,Units\n" + "".join(
        f"S-{n},IL-6 Mean,{n % 50},pg/mL\nS-{n},IL-6 Rep 1,{values[n % 4]},pg/mL\n"
        f"S-{n},IL-6 Rep 2,{values[n // 4 % 4]},pg/mL\nS-{n},IL-8,2,pg/mL\n"
        for n in range(1500)
    ), encoding="utf-8")  # fmt: skip
    text = two(path, ndjson_texts, CheckOptions())
    assert text == one_process(path, ndjson_texts, CheckOptions())
    assert used == [True]
    assert text.count('"marker_as_written":"IL-6 Mean"') == 1500 * 9 // 16  # no replicate read
