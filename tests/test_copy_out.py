"""The second process's text copied to the output (`Utf8Sink.copy`): by the system where it
can (`os.sendfile`), else block by block, the same bytes either way."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from panelcli.errors import OutputError
from panelcli.render import stream
from panelcli.render.stream import Utf8Sink

LINES = [f'{{"line":{n},"marker":"IL-6","note":"µ ≤ {n}"}}\n'.encode() for n in range(2000)]
TEXT = b"".join(LINES)
#: Leave out lines 3 and 1500 (as warnings the first part gave).
SKIP = (
    (len(b"".join(LINES[:3])), len(b"".join(LINES[:4]))),
    (len(b"".join(LINES[:1500])), len(b"".join(LINES[:1501]))),
)
KEPT = (
    b"before\n" + b"".join(line for n, line in enumerate(LINES) if n not in (3, 1500)) + b"after\n"
)


def copied(tmp_path: Path, mode: str = "w") -> bytes:
    part = tmp_path / "part"
    part.write_bytes(TEXT)
    out_path = tmp_path / "out"
    with open(out_path, mode, encoding="utf-8") as out, open(part, "rb") as file:
        sink = Utf8Sink(out)
        sink.write(b"before\n")  # still in the buffer when the copy starts
        sink.copy(file, SKIP)
        sink.write(b"after\n")  # the closing lines come after what was sent
        sink.flush()
    return out_path.read_bytes()


@pytest.fixture
def sendfile_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real: Callable[..., int] | None = getattr(os, "sendfile", None)
    if real is None:
        pytest.skip("no os.sendfile here")

    def counted(*arguments: Any) -> int:
        calls.append(arguments[3])
        assert real is not None
        return real(*arguments)

    monkeypatch.setattr(stream.os, "sendfile", counted)
    return calls


def test_a_file_output_gets_the_bytes_sent_by_the_system(
    tmp_path: Path, sendfile_calls: list[int]
) -> None:
    assert copied(tmp_path) == KEPT
    assert sendfile_calls  # three ranges around the two lines left out


def test_an_output_opened_to_append_gets_the_same_bytes_block_by_block(
    tmp_path: Path, sendfile_calls: list[int]
) -> None:
    # Linux refuses to send to a file opened to append (`>>`): nothing is sent twice.
    (tmp_path / "out").write_bytes(b"")
    assert copied(tmp_path, "a") == KEPT


def test_without_sendfile_the_bytes_are_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(stream.os, "sendfile", raising=False)
    assert copied(tmp_path) == KEPT


def test_a_disk_that_fills_up_while_sending_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[int] = []

    def fills_up(target: int, source: int, offset: int, count: int) -> int:
        if sent:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        sent.append(count)
        return 10

    monkeypatch.setattr(stream.os, "sendfile", fills_up)
    with pytest.raises(OutputError, match="cannot write the output: No space left on device"):
        copied(tmp_path)
