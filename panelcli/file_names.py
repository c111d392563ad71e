"""File names that cannot be written into the output (UTF-8 text): bytes that are not UTF-8,
or a UTF-8 name that a run with an ASCII-only locale read as such bytes. One rule for the CLI,
which refuses such names before reading, and the library, which reports each as a problem."""

from __future__ import annotations

import os
import sys
from typing import NamedTuple


class NameProblem(NamedTuple):
    """A name that cannot be written as given: as it can be shown, and whether it is UTF-8
    that this run's locale could not read (else its bytes are not UTF-8, shown as '\\xNN')."""

    shown: str
    locale: bool


def name_problem(name: str) -> NameProblem | None:
    """What keeps `name` out of UTF-8 output; None for a name that can be written."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # bytes the file system gave that this run could not decode
        try:
            raw = name.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # a lone surrogate a program gave (no file system's)
            return NameProblem(name.encode("utf-8", "backslashreplace").decode("ascii"), False)
        try:
            return NameProblem(raw.decode("utf-8"), True)
        except UnicodeDecodeError:
            # each byte as \xNN: two such names are not both '�.csv' (developer QA)
            return NameProblem(raw.decode("utf-8", "backslashreplace"), False)
    return None


def locale_message(problem: NameProblem, name: str) -> str:
    """Why a UTF-8 name was read as bytes, and how to run so that it is read (`name`: as the
    file system gave it, to tell whether the file is there)."""
    missing = "" if os.path.lexists(name) else "; besides, there is no such file"
    return (
        f"the file name '{problem.shown}' is not ASCII, and this run reads file names as "
        f"{sys.getfilesystemencoding()} (a C or POSIX locale with Python's UTF-8 mode off): "
        f"run it with PYTHONUTF8=1 or LC_ALL=C.UTF-8{missing}"
    )


#: A name that is not UTF-8, in the library's report (each byte shown as \xNN)
NOT_UTF8 = (
    "the file name is not valid UTF-8, so it cannot be written in the output; rename the file "
    "(its bytes are shown as \\xNN)"
)
