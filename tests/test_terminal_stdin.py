"""`panelcli check -` typed at a terminal ends at one Ctrl-D, as `cat` does (QA: it took two:
the end met while reading the start of the input was asked for again)."""

from __future__ import annotations

import contextlib
import os
import select
import sys
import time

import pytest

pty = pytest.importorskip("pty")


def _read_until_exit(fd: int, pid: int, seconds: float) -> tuple[bytes, int | None]:
    """What the terminal shows until the process exits (its status) or time runs out (None)."""
    shown, deadline = b"", time.monotonic() + seconds
    while time.monotonic() < deadline:
        if select.select([fd], [], [], 0.1)[0]:
            with contextlib.suppress(OSError):  # the child closed the terminal
                shown += os.read(fd, 65536)
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return shown, os.waitstatus_to_exitcode(status)
    return shown, None


def test_one_ctrl_d_ends_what_is_typed() -> None:
    pid, fd = pty.fork()
    if pid == 0:  # the child: panelcli reading the terminal
        os.execv(sys.executable, [sys.executable, "-m", "panelcli", "check", "-", "-f", "csv"])
    status = None
    try:
        time.sleep(0.5)  # typed after it started, as a person does
        os.write(fd, b"marker,value,unit\nIL-6,9,pg/mL\n")
        time.sleep(0.3)
        os.write(fd, b"\x04")  # Ctrl-D, once
        shown, status = _read_until_exit(fd, pid, 30)
    finally:
        if status is None:  # still waiting for more: stopped here
            os.kill(pid, 9)
            os.waitpid(pid, 0)
    assert status == 1, shown.decode(errors="replace")
    assert b"-,2,value,,,,IL-6,IL-6,9.0" in shown
