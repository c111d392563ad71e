"""`python -m panelcli` and the `panelcli` console script."""

from __future__ import annotations

import io
import os
import signal
import sys
from types import FrameType


def main() -> None:
    # `--version` is answered before typer and pydantic are imported: it should be instant.
    if sys.argv[1:] == ["--version"]:
        from panelcli import __version__

        print(f"panelcli {__version__}")
        return
    from panelcli.errors import ExitStatus, Terminated

    _stop_by_exception()
    # pydantic looks for third-party plugins through every installed package's metadata on the
    # first model it builds (~2x `python -c pass`); a command-line run has no use for them.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _stdout_with_whole_writes()
    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe that cannot show 'β' or '✓' gets a '?' instead of a crash.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    try:
        from panelcli.cli import run

        run()
    except KeyboardInterrupt:  # Ctrl-C before a command started (while importing)
        print("panelcli: interrupted", file=sys.stderr)
        raise SystemExit(ExitStatus.INTERRUPTED) from None
    except Terminated:  # likewise for SIGTERM
        print("panelcli: terminated", file=sys.stderr)
        raise SystemExit(ExitStatus.TERMINATED) from None


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    from panelcli.errors import Terminated, raise_for_signal

    raise_for_signal(Terminated)


def _raise_interrupted(signum: int, frame: FrameType | None) -> None:
    from panelcli.errors import raise_for_signal

    raise_for_signal(KeyboardInterrupt)


def _stop_by_exception() -> None:
    """Make SIGTERM (`kill`, `timeout`) raise `Terminated`, so that it cleans up as Ctrl-C does.

    The system's default would stop the process at once, leaving `-o`'s temporary file behind.
    Both handlers remember the signal (see `errors.raise_for_signal`). A signal that the
    caller chose to ignore stays ignored.
    """
    if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _raise_terminated)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _raise_interrupted)


def _stdout_with_whole_writes() -> None:
    """Give stdout a buffer again when `-u` or PYTHONUNBUFFERED took it away.

    Unbuffered, a text write that the system takes only in part (a pipe whose reader went
    away) is cut short without an error, so a run stopped by `| head` looked complete. A
    buffered writer writes the rest or raises; flushing each line keeps output as prompt.
    """
    stream = sys.stdout
    if not isinstance(stream, io.TextIOWrapper) or not isinstance(stream.buffer, io.RawIOBase):
        return
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(stream.buffer),
        encoding=stream.encoding,
        errors=stream.errors,
        line_buffering=True,
        write_through=True,
    )


if __name__ == "__main__":
    main()
