"""Where output goes: stdout, or a file written atomically (`-o FILE`), or a device or pipe."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from panelcli.errors import PanelcliError
from panelcli.reading import is_stream

STDOUT = "-"


def refuse_existing(target: Path, force: bool) -> None:
    """Refuse a folder, or an existing file without --force (-o and --export alike)."""
    if target.is_dir():
        raise PanelcliError(f"'{target}' is a folder; give a file name to write to")
    if not force and target.exists():
        raise PanelcliError(f"'{target}' already exists; add --force to replace it")


def _is_special(target: Path) -> bool:
    """A device, named pipe or socket (not a file to replace)."""
    try:
        return is_stream(target.stat().st_mode)
    except OSError:
        return False


def _creation_mode() -> int:
    """The permissions a plain `> file` would give (mkstemp's are owner-only)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def open_output(path: str | None, force: bool = False, utf8: bool = False) -> Iterator[TextIO]:
    """Yield stdout, or a temporary file next to `path` that replaces it only on success.

    Any exception inside the block (Ctrl-C included) removes the temporary file, so the
    target is never left half-written; without `force` an existing target is refused.
    Files are UTF-8; `utf8` makes stdout UTF-8 too, whatever the locale (JSON must be).
    """
    if path is None or path == STDOUT:
        reconfigure = getattr(sys.stdout, "reconfigure", None)
        if utf8 and reconfigure is not None:
            sys.stdout.flush()
            reconfigure(encoding="utf-8")
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    if _is_special(target):  # /dev/null, a named pipe: written to, never replaced by a file
        with open(target, "w", encoding="utf-8", newline="") as out:
            yield out
        return
    refuse_existing(target, force)
    folder = target.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise PanelcliError(
            f"cannot write '{target}': the folder '{folder}' does not exist"
        ) from None
    except OSError as exc:
        raise PanelcliError(f"cannot write '{target}': {exc.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, _creation_mode())
        refuse_existing(target, force)  # it may have appeared while we were working
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
