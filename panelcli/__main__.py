"""`python -m panelcli` and the `panelcli` console script."""

# ruff: noqa: E402 (the imports after the first handler)
from __future__ import annotations

# _signal: CPython's own module, which `signal` wraps with enum (in place 5 ms sooner)
import _signal
import os
import sys


def _interrupted_early(signum: int, frame: object) -> None:
    """Ctrl-C before the run's own handling is in place: one line, exit 130, as later."""
    try:  # noqa: SIM105 (contextlib is not imported yet)
        os.write(2, b"panelcli: interrupted\n")
    except OSError:  # no stderr (`2>&-`)
        pass
    os._exit(130)


def _run_as_the_program() -> bool:
    """Whether this is the `panelcli` launcher's run or `python -m panelcli`'s, not an import
    of this module by another program (a test runner's Ctrl-C is its own)."""
    program = sys.modules.get("__main__")
    spec = getattr(program, "__spec__", None)
    launcher = os.path.basename(getattr(program, "__file__", None) or "")
    return launcher.startswith("panelcli") or getattr(spec, "name", "") == "panelcli.__main__"


# First of all (developer QA round 8: Ctrl-C in the first milliseconds, while modules were
# still being imported, printed a Python traceback); a SIGINT the caller ignores stays so.
if _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler and _run_as_the_program():
    _signal.signal(_signal.SIGINT, _interrupted_early)

import codecs
import contextlib
import gc
import io
import signal
from types import FrameType
from typing import NoReturn

from panelcli.descriptors import give_back


def main() -> None:
    # `--version` is answered before typer and pydantic are imported: it should be instant.
    if sys.argv[1:] == ["--version"] and sys.stdout is not None:
        from panelcli import __version__

        try:
            print(f"panelcli {__version__}", flush=True)
            return
        except OSError:  # the full path below writes it again, and reports the failure
            pass
    # Start-up (typer, pydantic, rich, the reference set) makes hundreds of thousands of objects
    # that live for the whole run and hold no garbage: Python's cyclic collector would walk them
    # again and again, and once more at exit, about 7% of a panel's start-up (counted with
    # valgrind). `check` and `validate` freeze them and turn it on again (see cli.started).
    gc.disable()
    from panelcli.errors import ClosedStdout, Terminated, signal_stop

    _stop_by_exception()
    sys.unraisablehook = _unraisable
    if sys.stdout is None:  # started with stdout closed (`>&-`): every command says so
        sys.stdout = ClosedStdout()
    if sys.stderr is None:  # `2>&-`: messages go nowhere; print(file=None) would use stdout
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (for the run)
    # pydantic looks for third-party plugins through every installed package's metadata on the
    # first model it builds (~2x `python -c pass`); a command-line run has no use for them.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _stdout_with_whole_writes()
    codecs.register_error(_IN_ASCII, _in_ascii)
    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe that cannot show '≤' or 'β' gets '<=' or 'beta' (and a '?' for
        # what has no spelling) instead of a crash.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=_IN_ASCII)
    try:
        from panelcli.cli import run

        try:
            run()
        except SystemExit as done:
            _leave(done.code)
    except (KeyboardInterrupt, Terminated) as exc:  # a signal before a command started
        words, status = signal_stop(type(exc))
        with contextlib.suppress(OSError):  # no stderr after SIGHUP
            print(f"panelcli: {words}", file=sys.stderr)
        raise SystemExit(status) from None
    except Exception as exc:  # noqa: BLE001 - past the run's own handling: no traceback
        _ended_unhandled(exc)


def _ended_unhandled(exc: Exception) -> NoReturn:
    """End a run whose failure got past the command's own handling: as a run out of memory
    unwinds through typer and click, a second MemoryError, CPython's SystemError 'error return
    without exception set', or an import that failed for want of memory (developer QA round
    12 and its review: a traceback, exit 1). One line, said once a run; exit 2."""
    from panelcli.errors import OUT_OF_MEMORY_AT_START

    cli = sys.modules.get("panelcli.cli")
    said = getattr(cli, "OUT_OF_MEMORY_SAID", False)
    if isinstance(exc, MemoryError) or any(
        words in str(exc).casefold() for words in ("memory", "failed to map segment")
    ):  # what the run's output holds, once known (review: an ndjson run was told to stream)
        line = f"panelcli: {getattr(cli, '_MEMORY_ADVICE', None) or OUT_OF_MEMORY_AT_START}\n"
    else:
        line = (
            f"panelcli: internal error ({type(exc).__name__}: {str(exc)[:120]}); please report it\n"
        )
    if not said:  # os.write: no memory to spare for a stream's buffers
        with contextlib.suppress(OSError):
            os.write(2, line.encode("ascii", "backslashreplace"))
    with contextlib.suppress(Exception):
        sys.stdout.flush()
    os._exit(2)


def _leave(code: object) -> NoReturn:
    """Exit with `code` as soon as the output is flushed, without Python's teardown.

    The teardown frees every object one by one, start-up's too: about 6 ms of a 13-marker
    panel's 135 and 11 ms of a 100,000-row file's 400 (issue 7). Every file of the run has been
    closed by then (`-o`, `--export`, the second process's). Python's own exit is kept where
    something may still rely on it: a code that is not a number, a profiler or tracer (it writes
    its report at exit), another thread still running, or output that cannot be flushed (Python
    then reports it as it always has).
    """
    status = 0 if code is None else code
    threading = sys.modules.get("threading")
    if (
        isinstance(status, int)
        and sys.getprofile() is None
        and sys.gettrace() is None
        and (threading is None or threading.active_count() == 1)
    ):
        try:
            for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
                if stream is not None:
                    stream.flush()
        except (OSError, ValueError):  # a closed pipe, a full disk, a closed stream
            pass
        else:
            give_back()  # (atexit's handlers are not run by os._exit)
            os._exit(status)
    raise SystemExit(code)


_SIGHUP = getattr(signal, "SIGHUP", None)  # not on Windows

_IN_ASCII = "panelcli-ascii"


def _in_ascii(error: UnicodeError) -> tuple[str, int]:
    """The encoding error handler: each character the encoding lacks, spelled in ASCII."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    from panelcli.spelling import ascii_spelling

    lacking = error.object[error.start : error.end]
    return "".join(ascii_spelling(ch) for ch in lacking), error.end


def _unraisable(unraisable: sys.UnraisableHookArgs) -> None:
    """Python's report of an exception it could not raise, except for a signal's: one that
    lands in a finalizer is dropped there, and the run says it was stopped at its end."""
    from panelcli.errors import Terminated

    if isinstance(unraisable.exc_value, KeyboardInterrupt | Terminated):
        return
    sys.__unraisablehook__(unraisable)


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    from panelcli.errors import Terminated, raise_for_signal

    raise_for_signal(Terminated)


def _raise_hung_up(signum: int, frame: FrameType | None) -> None:
    from panelcli.errors import HungUp, raise_for_signal

    raise_for_signal(HungUp)


def _raise_interrupted(signum: int, frame: FrameType | None) -> None:
    from panelcli.errors import raise_for_signal

    raise_for_signal(KeyboardInterrupt)


def _stop_by_exception() -> None:
    """Make SIGTERM (`kill`, `timeout`) and SIGHUP (a closed terminal) raise exceptions, so
    that they clean up as Ctrl-C does.

    The system's default would stop the process at once, leaving `-o`'s temporary file behind.
    The handlers remember the signal (see `errors.raise_for_signal`). A signal that the caller
    chose to ignore (`nohup`) stays ignored.
    """
    for signum, handler in ((signal.SIGTERM, _raise_terminated), (_SIGHUP, _raise_hung_up)):
        if signum is not None and signal.getsignal(signum) == signal.SIG_DFL:
            signal.signal(signum, handler)
    if signal.getsignal(signal.SIGINT) in (signal.default_int_handler, _interrupted_early):
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
