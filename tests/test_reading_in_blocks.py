"""A regular file's lines are read in blocks (`reading._line_lists`): the lines, the line a
problem names, the rows before it and the Windows-1252 fallback's counts and quoted text are
those of reading a line at a time (`reading._lines_one_by_one`), whatever falls at a block's
edge."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from panelcli.errors import InputError
from panelcli.reading import _CHUNK, ReadStats, _lines, _lines_one_by_one, open_text

LINE = st.one_of(
    st.text(alphabet="ab,1.\x1a é", max_size=12),
    st.integers(min_value=0, max_value=_CHUNK + 40).map(lambda n: "x" * n),
)
END = st.sampled_from(["\n", "\r\n", "\r", ""])
#: Bytes that are not UTF-8 (read as Windows-1252), or are only as a sequence cut in two.
ODD = st.sampled_from([b"", b"\x96", b"\xe9\xe9", b"\xc3", b"\xe2\x82"])


def read(path: Path, max_line: int, blocks: bool) -> tuple[list[str], str, int, str]:
    """The lines, the problem that stopped the file ('' for none) and the fallback's counts."""
    stats = ReadStats()
    raw, text, ahead = open_text(str(path), stats)
    lines: list[str] = []
    stopped = ""
    try:
        reader = _lines if blocks else _lines_one_by_one
        for line in reader(text, str(path), max_line, ahead):
            lines.append(line)
    except InputError as exc:
        stopped = f"{exc} @ {exc.line}"
    finally:
        raw.close()
    return lines, stopped, stats.fallback_bytes, stats.fallback_text


@settings(max_examples=200, deadline=None)
@given(
    parts=st.lists(st.tuples(LINE, ODD, END), min_size=1, max_size=12),
    padding=st.integers(min_value=0, max_value=_CHUNK * 2),
    max_line=st.sampled_from([20, _CHUNK - 1, _CHUNK + 5, 1024 * 1024]),
    dos_end=st.booleans(),
)
def test_lines_read_in_blocks_are_the_lines_read_one_by_one(
    parts: list[tuple[str, bytes, str]], padding: int, max_line: int, dos_end: bool
) -> None:
    # A first line of text (no header sniffing here: but a file must not look binary), then
    # lines whose ends and odd bytes fall anywhere near the blocks' edges.
    data = b"sample,marker,value\n" + b"y" * padding + b"\n"
    data += b"".join(line.encode() + odd + end.encode() for line, odd, end in parts)
    data += b"\x1a" if dos_end else b""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "lines.csv"
        path.write_bytes(data)
        assert read(path, max_line, True) == read(path, max_line, False)


def test_a_line_too_long_is_named_before_the_file_is_read_to_its_end(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_bytes(b"a,b\n1,2\n" + b"z" * (10 * _CHUNK) + b"\n3,4\n")
    lines, stopped, _, _ = read(path, 2 * _CHUNK, True)
    assert lines == ["a,b\n", "1,2\n"]
    assert (
        stopped.startswith(f"{path}: line 3 is longer than 16,384 characters") and "@ 3" in stopped
    )


def test_line_ends_and_odd_bytes_at_a_block_s_edge_are_read_as_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "edge.csv"
    head = b"sample,marker,value\n"
    for shift in range(-4, 5):
        for end in (b"\r\n", b"\r", b"\n", b"\r\r\n", b"\n\r"):
            for odd in (b"", b"\x96", b"\xc3\xa9", b"\xe2\x82\xac", b"\xc3", b"\x1a"):
                filler = b"y" * (_CHUNK - len(head) - len(odd) + shift)
                path.write_bytes(head + filler + odd + end + b"1,2" + end + odd)
                for max_line in (_CHUNK - 30, 1024 * 1024):
                    assert read(path, max_line, True) == read(path, max_line, False), (
                        shift, end, odd, max_line,
                    )  # fmt: skip


def test_a_line_over_many_blocks_is_read_as_one_by_one(tmp_path: Path) -> None:
    """A line that spans blocks waits in pieces (joined once: review found it joined again at
    every block); its end, a '\\r' or odd byte at any block's edge, reads as one by one."""
    path = tmp_path / "wide.csv"
    head = b"sample,marker,value\n"
    for blocks in (2, 5):
        for shift in (-1, 0, 1):
            for end in (b"\r\n", b"\r", b"\n"):
                for odd in (b"", b"\xc3\xa9", b"\x96"):
                    filler = b"y" * (blocks * _CHUNK - len(head) - len(odd) + shift)
                    path.write_bytes(head + filler + odd + end + b"1,2" + end)
                    for max_line in (3 * _CHUNK, 1024 * 1024):
                        assert read(path, max_line, True) == read(path, max_line, False), (
                            blocks, shift, end, odd, max_line,
                        )  # fmt: skip
