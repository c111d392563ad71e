"""Standard streams another program left non-blocking (ssh, Node, some CI runners set the flag
on a pipe they share): made to wait, as every reader and writer of a pipe expects."""

from __future__ import annotations

import contextlib
import io
import os
from typing import IO, Any


def make_waiting(stream: IO[Any] | None) -> None:
    """Clear a stream's descriptor's O_NONBLOCK: a read that finds no data yet then waits for
    it, where it was taken for the input's end, and a write waits for a slow reader."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation, AttributeError):
        fd = stream.fileno()  # type: ignore[union-attr]
        if not os.get_blocking(fd):
            os.set_blocking(fd, True)
