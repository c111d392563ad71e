"""Standard streams another program left non-blocking (ssh, Node, some CI runners set the flag
on a pipe they share): made to wait, as every reader and writer of a pipe expects."""

from __future__ import annotations

import atexit
import contextlib
import io
import os
from typing import IO, Any


def make_waiting(stream: IO[Any] | None) -> None:
    """Clear a stream's descriptor's O_NONBLOCK until the run ends: a read that finds no data
    yet then waits for it (it was taken for the input's end), and a write for a slow reader."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation, AttributeError):
        fd = stream.fileno()  # type: ignore[union-attr]
        if not os.get_blocking(fd):
            os.set_blocking(fd, True)
            # the flag is the pipe's, shared with the program that set it: given back at the
            # end (review: the caller's end of the pipe was left blocking)
            if not _MADE_WAITING:
                atexit.register(give_back)
            _MADE_WAITING.append(fd)


#: The descriptors `make_waiting` changed, to be given back their flag
_MADE_WAITING: list[int] = []


def give_back() -> None:
    """Set O_NONBLOCK again where `make_waiting` cleared it (once the output is flushed)."""
    while _MADE_WAITING:
        with contextlib.suppress(OSError):
            os.set_blocking(_MADE_WAITING.pop(), False)
