"""Where output goes: stdout, or a file written atomically (`-o FILE`), or a device or pipe."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO, cast

from panelcli.errors import ClosedStdout, OutputError, PanelcliError
from panelcli.reading import is_stream

STDOUT = "-"


def names_a_folder(path: str) -> bool:
    """Whether a path ends in '/' (or '/.'): `Path` would drop it and name a file 'reports'
    (QA; review: 'reports/.')."""
    return path.endswith(("/", os.sep, "/.", f"{os.sep}."))


def refuse_existing(target: Path, force: bool) -> None:
    """Refuse a folder, or an existing file without --force (-o and --export alike)."""
    if target.is_dir():
        raise PanelcliError(f"'{target}' is a folder; give a file name to write to")
    if not force and target.exists():
        raise PanelcliError(f"'{target}' already exists; add --force to replace it")


def folder_missing(folder: Path) -> str:
    """Why a file cannot be written in `folder`: 'the folder 'x' does not exist', or is a file
    (next-step QA round 21: -o said 'Not a directory', --export this)."""
    why = "is a file, not a folder" if folder.exists() else "does not exist"
    return f"the folder '{folder}' {why}"


def is_special(target: Path) -> bool:
    """A device, named pipe or socket (not a file to replace); also anything under /dev or
    /proc: '-o /dev/stdout' with stdout redirected to a file was refused as existing, and
    with --force would have put a file in place of the /dev/stdout link (QA)."""
    if os.path.abspath(target).startswith(("/dev/", "/proc/")):
        return True
    try:
        return is_stream(target.stat().st_mode)
    except OSError:
        return False


#: Paths that name a descriptor of this process, and the descriptor each names
_DESCRIPTOR_PATHS = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}


def descriptor_named(target: str | os.PathLike[str]) -> int | None:
    """The descriptor of this process a path names ('/dev/stdout' 1, '/dev/fd/3' 3), else None."""
    path = "/" + os.path.abspath(target).lstrip("/")  # '//dev/stdout' too (POSIX keeps '//')
    number = next(
        (path[len(p) :] for p in ("/dev/fd/", "/proc/self/fd/") if path.startswith(p)), ""
    )
    return _DESCRIPTOR_PATHS.get(path, int(number) if number.isdecimal() else None)


def _opened_special(target: Path) -> TextIO:
    """A special file opened to write: '/dev/stdout' (or '/dev/fd/3') as that descriptor
    itself, sharing its offset as '>' and '>>' mean it (QA: opened anew it was truncated,
    an appended log lost, and the shell's next line written into the report)."""
    descriptor = descriptor_named(target)
    if descriptor is None:
        return open(target, "w", encoding="utf-8", newline="")  # noqa: SIM115
    return os.fdopen(os.dup(descriptor), "w", encoding="utf-8", newline="")


#: Bytes of a file's name kept in its temporary file's: with mkstemp's 8 letters, the dots
#: and '.tmp', well under the 255 bytes a folder takes (developer QA round 11: a name of 242
#: bytes or more, which '>' writes, was 'File name too long')
_NAME_KEPT = 120


def _short_name(name: str) -> str:
    """A file's name cut to `_NAME_KEPT` bytes of UTF-8 (whole characters)."""
    return name.encode("utf-8", "surrogateescape")[:_NAME_KEPT].decode("utf-8", "ignore")


def _creation_mode() -> int:
    """The permissions a plain `> file` would give (mkstemp's are owner-only)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _mode_for(target: Path) -> int:
    """The permissions the written file gets: a file replaced keeps its own, as with `>` (QA:
    --force made a report locked to 600 readable by all, 644); a new one `_creation_mode`'s."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return _creation_mode()


#: What a write error says until it is known which file it is (`_naming`).
_UNNAMED = "the output"


@contextlib.contextmanager
def writing(where: str = _UNNAMED) -> Iterator[None]:
    """Report an OSError from writing (a full disk, an I/O error) as one clear line.

    Only around writes: an OSError from reading must not be called a write error. A closed
    pipe stays a BrokenPipeError: the reader went away, which is not an error to report.
    """
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise output_error(exc, where) from exc


def output_error(exc: OSError, where: str = _UNNAMED) -> OutputError:
    """The one-line error `writing` gives for an OSError from writing to `where`."""
    reason = exc.strerror or str(exc)
    return OutputError(f"cannot write {where}: {reason}", reason)


@contextlib.contextmanager
def _naming(where: str) -> Iterator[None]:
    """A write error from inside the block (which says 'the output') names the file instead."""
    try:
        yield
    except OutputError as exc:
        # one that names its own file already (an --export's) keeps it (QA: a full disk under
        # the export was said of the -o file)
        if exc.reason is None or not str(exc).startswith(f"cannot write {_UNNAMED}:"):
            raise
        raise OutputError(f"cannot write {where}: {exc.reason}", exc.reason) from exc


@contextlib.contextmanager
def open_output(path: str | None, force: bool = False, utf8: bool = False) -> Iterator[TextIO]:
    """Yield stdout, or a temporary file next to `path` that replaces it only on success.

    Any exception inside the block (Ctrl-C included) removes the temporary file, so the
    target is never left half-written; without `force` an existing target is refused.
    Files are UTF-8; `utf8` makes stdout UTF-8 too, whatever the locale (JSON must be).
    """
    if path is None or path == STDOUT:
        if sys.stdout is None:
            yield cast(TextIO, ClosedStdout())
            return
        reconfigure = getattr(sys.stdout, "reconfigure", None)
        if utf8 and reconfigure is not None:
            with writing():
                sys.stdout.flush()
            reconfigure(encoding="utf-8")
        yield sys.stdout
        with writing():
            sys.stdout.flush()
        return
    if names_a_folder(path):
        raise PanelcliError(f"'{path}' ends in '/', which names a folder; give a file name")
    target = Path(path)
    where = f"'{target}'"
    if is_special(target):  # /dev/null, a named pipe: written to, never replaced by a file
        with writing(where):
            special = _opened_special(target)
        with _closing(special):
            with _naming(where):
                yield special
            with writing(where):
                special.flush()
        return
    refuse_existing(target, force)
    # A link is written through, as `>` writes (QA: with --force, 'latest.json', a link to a
    # report, was replaced by a file of its own, and the report it named went stale)
    real = _written_through(target) if target.is_symlink() else target
    folder = real.parent
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{_short_name(real.name)}.", suffix=".tmp", dir=folder
        )
    except (FileNotFoundError, NotADirectoryError):
        raise PanelcliError(f"cannot write '{target}': {folder_missing(folder)}") from None
    except OSError as exc:
        raise PanelcliError(f"cannot write '{target}': {exc.strerror}") from None
    try:
        with _closing(os.fdopen(handle, "w", encoding="utf-8", newline="")) as out:
            with _naming(where):
                yield out
            with writing(where):
                out.flush()
                os.fsync(out.fileno())
        with writing(where):
            os.chmod(temporary, _mode_for(real))
            refuse_existing(target, force)  # it may have appeared while we were working
            _replace(temporary, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _replace(temporary: str, real: Path) -> None:
    """Put the written file in `real`'s place, as `>` would leave it (developer QA): with the
    replaced file's owner and group where this user may give them, and, where the file has
    other hard links, written into it (their report must not go stale), not swapped."""
    try:
        replaced = real.stat()
    except OSError:  # a new file
        os.replace(temporary, real)
        return
    with contextlib.suppress(OSError):  # only root may give a file to another user
        os.chown(temporary, replaced.st_uid, replaced.st_gid)
    if replaced.st_nlink < 2:
        os.replace(temporary, real)
        return
    import shutil  # here: most runs never need it (start-up)

    # the whole report is written already: only this copy is not all or nothing
    with open(temporary, "rb") as written, open(real, "wb") as linked:
        shutil.copyfileobj(written, linked)
        linked.flush()
        os.fsync(linked.fileno())
    os.unlink(temporary)


def _written_through(link: Path) -> Path:
    """The file a link names, to be replaced (or made, where it names none, as `>` makes it)."""
    try:
        return Path(os.path.realpath(link, strict=True))
    except FileNotFoundError:
        return Path(os.path.realpath(link))
    except OSError as exc:  # review: a loop was replaced by a file, with no --force
        raise PanelcliError(
            f"cannot write '{link}': it is a link that leads to no file ({exc.strerror})"
        ) from None


@contextlib.contextmanager
def _closing(out: TextIO) -> Iterator[TextIO]:
    """Close `out` whatever happens; after a failure, what is left unwritten is dropped.

    Closing flushes: after a full disk that would fail again and hide the first error.
    """
    try:
        yield out
    finally:
        with contextlib.suppress(OSError):
            out.close()
