"""NDJSON and CSV are written while the input is still being read, in flat memory."""

from __future__ import annotations

import io
import queue
import subprocess
import sys
import threading
import time
import tracemalloc
from pathlib import Path

import pytest
from schema_check import assert_valid_ndjson

from panelcli.check import CheckOptions, Interpreter, Tally
from panelcli.models import Issue, Result, Status
from panelcli.ranges import load_ranges
from panelcli.render.csv import csv_texts
from panelcli.render.ndjson import ndjson_lines
from panelcli.render.stream import Encoded, write_lines

HEADER = "sample_id,patient_id,collected_at,marker,value,unit\n"
MARKERS = ["IL-6", "IL-8", "IL-10", "TNF-α", "IFN-γ"]


def rows(count: int) -> str:
    return "".join(
        f"S-{i // 5},P-{i // 50},2026-01-01,{MARKERS[i % 5]},{(i % 97) / 7:.2f},pg/mL\n"
        for i in range(count)
    )


def write_big_csv(path: Path, count: int) -> Path:
    path.write_text(HEADER + rows(count), encoding="utf-8")
    return path


def check_reading_a_pipe(
    fmt: str,
) -> tuple[subprocess.Popen[bytes], queue.Queue[bytes], threading.Thread]:
    """`panelcli check -` with stdin and stdout as pipes; its lines arrive in the queue."""
    process = subprocess.Popen(
        [sys.executable, "-m", "panelcli", "check", "-", "--format", fmt, "--fail-on", "never"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout
    stdout = process.stdout
    lines: queue.Queue[bytes] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(x) for x in stdout], daemon=True)
    reader.start()
    return process, lines, reader


@pytest.mark.parametrize(
    ("fmt", "first"), [("ndjson", '{"source":"-","line":2'), ("csv", "source,")]
)
def test_first_line_appears_before_the_input_has_ended(fmt: str, first: str) -> None:
    process, lines, reader = check_reading_a_pipe(fmt)
    assert process.stdin
    try:
        # Enough rows to get past the 64 KiB read for sniffing the format; stdin stays open.
        process.stdin.write((HEADER + rows(8000)).encode())
        process.stdin.flush()
        line = lines.get(timeout=30)
        assert process.poll() is None  # still waiting for the rest of the input
        assert line.decode().startswith(first)
        if fmt == "ndjson":
            assert_valid_ndjson(line.decode())
    finally:
        process.stdin.close()
        assert process.wait(timeout=120) == 0
        reader.join(timeout=60)
    assert process.stderr and process.stderr.read() == b""
    assert lines.qsize() > 8000 - 1  # every row arrived (the first was taken off already)


def test_head_on_a_big_file_prints_one_line_and_no_error(tmp_path: Path) -> None:
    big = write_big_csv(tmp_path / "big.csv", 100_000)
    finished = subprocess.run(
        f"'{sys.executable}' -m panelcli check big.csv --format ndjson | head -n 1",
        shell=True,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.stderr == ""
    (line,) = assert_valid_ndjson(finished.stdout)
    assert line["source"] == big.name


def test_streaming_a_file_takes_flat_memory(tmp_path: Path) -> None:
    big = write_big_csv(tmp_path / "big.csv", 6000)
    ranges = load_ranges(None)
    tracemalloc.start()
    try:
        total = 0
        events = Interpreter(ranges, CheckOptions()).events([str(big)])
        for line in ndjson_lines(events, ranges.info, Tally()):
            total += len(line)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert total > 3_000_000  # 6000 results of ~550 bytes went through …
    assert peak < 4_000_000  # … yet far less than that was held (a full report takes ~30 MB)


# --- the plumbing, without the CLI ----------------------------------------------------------


def unreadable(source: str) -> Issue:
    return Issue(code="file-unreadable", source=source, message="no such file")


RESULT = Result(
    source="a.csv", line=2, marker="IL-6", marker_as_written="IL6", value=1.0,
    original_value="1.0", status=Status.NORMAL, flag="N", flags=["N"],
)  # fmt: skip


def test_nothing_is_written_when_no_file_could_be_read() -> None:
    tally, out = Tally(), io.StringIO()
    info = load_ranges(None).info
    events = [[unreadable("x.csv")], [unreadable("y.csv")]]
    write_lines(csv_texts(events, info, tally), out, tally)
    assert out.getvalue() == ""
    assert tally.nothing_read
    assert [i.source for i in tally.unreadable] == ["x.csv", "y.csv"]
    assert tally.totals().rejected == 2


def test_held_lines_are_written_in_order_once_a_file_can_be_read() -> None:
    tally, out = Tally(), io.StringIO()
    info = load_ranges(None).info
    write_lines(ndjson_lines([unreadable("x.csv"), RESULT], info, tally), out, tally)
    lines = assert_valid_ndjson(out.getvalue())
    assert [next(iter(line)) for line in lines] == ["rejected", "source", "notice"]
    assert not tally.nothing_read
    assert lines[-1]["totals"] == {
        "results": 1, "rejected": 1, "warnings": 0,
        "by_status": {s.value: int(s == Status.NORMAL) for s in Status},
    }  # fmt: skip


def test_a_row_fed_through_a_pipe_is_shown_without_waiting_for_more_rows() -> None:
    """Files are read hundreds of rows at a time; a pipe must still show each row at once."""
    process, lines, reader = check_reading_a_pipe("ndjson")
    assert process.stdin
    try:
        # Past the 64 KiB read for sniffing the format, and not a multiple of any batch size.
        process.stdin.write((HEADER + rows(2001)).encode())
        process.stdin.write(b"LATE,P-0,2026-01-01,IL-6,3.0,pg/mL\n")
        process.stdin.flush()
        while b'"sample_id":"LATE"' not in lines.get(timeout=30):
            pass
        assert process.poll() is None  # shown while the input is still open
    finally:
        process.stdin.close()
        assert process.wait(timeout=120) == 0
        reader.join(timeout=60)


@pytest.mark.parametrize("fmt", ["ndjson", "csv"])
def test_a_small_feed_s_rows_are_shown_while_it_stays_open(fmt: str) -> None:
    """QA: a feed of less than 64 KiB (`tail -f`, an instrument writing rows as it measures)
    got no line at all until it closed: the start of the input was read in full first."""
    process, lines, reader = check_reading_a_pipe(fmt)
    assert process.stdin
    try:
        process.stdin.write(b"sample_id,marker,value,unit\nS1,IL-6,2,pg/mL\n")
        process.stdin.flush()
        first = lines.get(timeout=30)
        assert process.poll() is None  # shown while the input is still open
        if fmt == "ndjson":
            assert b'"sample_id":"S1"' in first
            assert_valid_ndjson(first.decode())
        else:  # the header, then the row
            assert first.startswith(b"source,") and b",S1," in lines.get(timeout=30)
        process.stdin.write(b"S2,IL-6,9,pg/mL\n")
        process.stdin.flush()
        while b"S2" not in lines.get(timeout=30):
            pass
        assert process.poll() is None
    finally:
        process.stdin.close()
        assert process.wait(timeout=120) == 0  # --fail-on never
        reader.join(timeout=60)
    assert process.stderr and process.stderr.read() == b""


def test_dev_stdin_is_read_as_dash_is() -> None:
    """QA: '/dev/stdin' was refused as a named pipe, while '/dev/fd/0' was read."""
    if not Path("/dev/stdin").exists():
        pytest.skip("no /dev/stdin here")
    given = b"sample_id,marker,value,unit\nS1,IL-6,2,pg/mL\n"
    for name in ("/dev/stdin", "-"):
        done = subprocess.run(
            [sys.executable, "-m", "panelcli", "check", name, "-f", "csv"],
            input=given,
            capture_output=True,
            check=False,
        )
        assert (done.returncode, done.stderr) == (0, b""), name
        assert b",S1," in done.stdout


def test_pipes_are_told_from_files(tmp_path: Path) -> None:
    import os

    from panelcli.cli import _reads_a_stream

    regular = write_big_csv(tmp_path / "a.csv", 3)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert not _reads_a_stream([str(regular)])
    assert _reads_a_stream([str(regular), str(fifo)])
    assert _reads_a_stream([str(regular), "-"])  # pytest's stdin is not a file
    assert not _reads_a_stream([str(regular), str(tmp_path / "missing.csv")])  # reported apart
    assert _reads_a_stream(["/dev/null"])  # a device, like /dev/stdin


def test_a_pipe_is_read_in_full_lists_while_rows_wait_and_row_by_row_when_none_do(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Lists of one row cost twice the time of full ones (a million rows through `cat`: 18 s
    against 8.5 s), but a row that came alone must not wait for others."""
    import os

    read_end, write_end = os.pipe()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(os.fdopen(read_end, "rb")))
    go_on = threading.Event()

    def feed() -> None:
        with os.fdopen(write_end, "w", encoding="utf-8") as pipe:
            pipe.write(HEADER + rows(3000))  # all there at once: read in full lists
            pipe.flush()
            for n in range(3):  # then one row at a time, each read before the next comes
                go_on.wait(timeout=10)
                go_on.clear()
                pipe.write(f"ALONE-{n},P-0,2026-01-01,IL-6,3.0,pg/mL\n")
                pipe.flush()

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    sizes = []
    for batch in Interpreter(load_ranges(), CheckOptions()).stream_batches(["-"], 512):
        sizes.append(len(batch))
        if sum(sizes) >= 3000:
            go_on.set()  # every row sent so far was handed on: send the next
    feeder.join(timeout=30)
    sys.stdin.close()
    assert sum(sizes) == 3003
    # Lists end when the reader has no whole line at hand (every 8 kB that the pipe hands on).
    assert sum(n for n in sizes if n >= 100) >= 2800
    assert sizes[-3:] == [1, 1, 1]  # each lone row on its own, as it came


def test_a_row_from_a_pipe_does_not_wait_for_the_next_row_to_end(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The next row's first cells may come with a row (found in review): bytes waiting in the
    pipe are no whole line, so the row is still handed on at once."""
    import os
    import time

    read_end, write_end = os.pipe()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(os.fdopen(read_end, "rb")))
    seen_alone = threading.Event()

    def feed() -> None:
        with os.fdopen(write_end, "wb", buffering=0) as pipe:
            pipe.write((HEADER + rows(2000)).encode())  # past the 64 kB read to find the header
            # More of NEXT than one read takes: some stays in the pipe while ALONE is judged.
            pipe.write(b"ALONE,P-0,2026-01-01,IL-6,3.0,pg/mL\nNEXT,P-0,2026-01-01,IL-6,3.0,pg/mL")
            pipe.write(b" " * 100_000)
            seen_alone.wait(timeout=10)  # the end of NEXT only once ALONE was handed on
            pipe.write(b"\n")

    feeder = threading.Thread(target=feed, daemon=True)
    started = time.monotonic()
    feeder.start()
    order = []
    for batch in Interpreter(load_ranges(), CheckOptions()).stream_batches(["-"], 512):
        for event in batch:
            sample = event.sample_id  # type: ignore[union-attr]
            if sample in ("ALONE", "NEXT"):
                order.append((sample, time.monotonic() - started))
                seen_alone.set()
    feeder.join(timeout=30)
    sys.stdin.close()
    assert [sample for sample, _ in order] == ["ALONE", "NEXT"]
    assert order[0][1] < 5, "ALONE came before NEXT was whole"


class _Writes(io.BytesIO):
    """A binary stream that remembers each write it was given."""

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[bytes] = []

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.writes.append(bytes(data))
        return super().write(data)


def encoded(text: str) -> Encoded:
    return Encoded(io.BytesIO(text.encode("utf-8")))


def test_an_encoded_part_is_copied_as_bytes_in_its_place() -> None:
    """Another process's part goes out as its own bytes, between the texts around it."""
    binary = _Writes()
    out = io.TextIOWrapper(binary, encoding="utf-8", newline="")
    tally = Tally()
    tally.read_something = True
    part = '{"marker":"TNF-α","text":"≤ 8.1 pg/mL"}\n' * 3
    write_lines(["first\n", encoded(part), "last\n"], out, tally)
    assert binary.getvalue().decode("utf-8") == "first\n" + part + "last\n"
    assert part.encode("utf-8") in binary.writes  # copied, not decoded and encoded again


@pytest.mark.parametrize("out", [io.StringIO(), io.TextIOWrapper(io.BytesIO(), "latin-1")])
def test_an_encoded_part_is_decoded_for_a_text_only_or_other_encoding_output(
    out: io.TextIOBase,
) -> None:
    tally = Tally()
    tally.read_something = True
    part = "S-1,IL-6,7.4 µg/L\n" * 2  # latin-1 can write µ too
    write_lines(["a\n", encoded(part), "b\n"], out, tally)  # type: ignore[arg-type]
    if isinstance(out, io.StringIO):
        assert out.getvalue() == "a\n" + part + "b\n"
    else:
        assert isinstance(out, io.TextIOWrapper)
        out.flush()
        assert out.buffer.getvalue().decode("latin-1") == "a\n" + part + "b\n"  # type: ignore[attr-defined]


def test_lines_go_to_any_object_with_write_and_flush() -> None:
    """A caller's own writer (no encoding, no buffer) gets text."""

    class Writer:
        def __init__(self) -> None:
            self.parts: list[str] = []

        def write(self, text: str) -> int:
            self.parts.append(text)
            return len(text)

        def flush(self) -> None:
            pass

    out, tally = Writer(), Tally()
    tally.read_something = True
    write_lines(["a,≤\n", b"b,\xe2\x89\xa4\n"], out, tally)  # type: ignore[arg-type]
    assert "".join(out.parts) == "a,≤\nb,≤\n"


@pytest.mark.parametrize(
    ("first", "rest"),
    [
        # review: a pause after a comment line refused the file ('no header … first 100 rows')
        ("# exported by the LIS\n", "Name,Marker,Value,Unit\nS1,IL-6,3,pg/mL\nS2,IL-6,9,pg/mL\n"),
        # ... and one after the header put a 'Name' column's samples in one panel
        ("Name,Marker,Value,Unit\n", "S1,IL-6,3,pg/mL\nS1,IL-10,2,pg/mL\nS2,IL-6,9,pg/mL\n"),
        # ... and a blank first line was 'the file is empty'
        ("\n", "sample_id,marker,value,unit\nS1,IL-6,3,pg/mL\n"),
        # a pause after the header and a row: read on with what has come, as the file is
        ("sample_id,marker,value,unit\r\nS1,IL-6,3,pg/mL\r\n", "S1,IL-8,2,pg/mL\r\n"),
        # ... a wide file's too (review: it waited for 200 lines), and its units row
        ("Sample ID,IL-6 (pg/mL),IL-8 (pg/mL)\nS1,3,50\n", "S2,300,5\n"),
        ("Sample ID,IL-6,IL-8\nUnits,pg/mL,ng/L\n", "S1,3,50\nS2,300,5\n"),
    ],
)
def test_a_pipe_that_pauses_gives_what_its_bytes_give_as_a_file(
    tmp_path: Path, first: str, rest: str
) -> None:
    path = tmp_path / "same.csv"
    path.write_bytes((first + rest).encode())
    args = [sys.executable, "-m", "panelcli", "check", "--format", "ndjson", "--fail-on", "never"]
    from_file = subprocess.run([*args, str(path)], capture_output=True, check=False)
    process = subprocess.Popen(
        [*args, "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdin
    process.stdin.write(first.encode())
    process.stdin.flush()
    time.sleep(1.0)  # longer than the pause after which a pipe's first lines are read on
    stdout, stderr = process.communicate(rest.encode(), timeout=120)
    assert (process.returncode, stderr) == (from_file.returncode, from_file.stderr)
    assert stdout == from_file.stdout.replace(f'"source":"{path}"'.encode(), b'"source":"-"')


def test_a_small_wide_feed_s_rows_are_shown_while_it_stays_open() -> None:
    """Review: a wide file fed row by row waited for 200 lines, or the end, before a line."""
    process, lines, reader = check_reading_a_pipe("ndjson")
    assert process.stdin
    try:
        process.stdin.write(b"Sample ID,IL-6 (pg/mL),IL-8 (pg/mL)\nS1,3,50\n")
        process.stdin.flush()
        assert b'"sample_id":"S1"' in lines.get(timeout=30)
        assert process.poll() is None  # shown while the input is still open
    finally:
        process.stdin.close()
        assert process.wait(timeout=120) == 0
        reader.join(timeout=60)
