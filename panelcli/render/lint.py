"""Problems as a linter's lines: a ranges file's (`FILE:LINE: error ranges-file: …`), and validate's
(`FILE:LINE: COLUMN: severity code: message`) with its closing count."""

from __future__ import annotations

from collections.abc import Iterable

from panelcli.models import Issue, ReferenceSetInfo
from panelcli.patterns import lazy_pattern
from panelcli.values import counted, visible


def lint_lines(
    file: object, severity: str, messages: Iterable[str], lines: Iterable[int | None] = ()
) -> list[str]:
    """One line per message, naming the file (and `lines`' line, 'file:12:', where known) and
    its code as validate's lines do (developer QA: none to grep); control characters inert."""
    at = iter(lines)
    numbered = [(next(at, None), message) for message in messages]
    numbered.sort(key=lambda pair: pair[0] or 0)  # in the file's order (QA: line 9 before 4)
    return [
        visible(f"{_file_said(str(file))}{f':{line}' if line else ''}: {severity} {RANGES_FILE}: "
                f"{message}")
        for line, message in numbered
    ]  # fmt: skip


def issue_line(issue: Issue) -> str:
    """'file:line: column: severity code: message (sample 'S1', marker 'IL-8')'; no column
    where the problem is the whole row, no line where it is the whole file."""
    source = _file_said(issue.source) if issue.source else repr("")
    where = ":".join([source] + ([str(issue.line)] if issue.line else []))
    column = f" {_column_said(issue.column)}:" if issue.column else ""
    row = ", ".join(row_named(issue))
    said = f" ({row})" if row else ""
    return visible(f"{where}:{column} {issue.severity} {issue.code}: {issue.message}{said}")


def _file_said(name: str) -> str:
    """A file's name as a line gives it: in quotes where it holds ': ' or ends in ':' (or a
    digit after one, 'run:3'), or starts with a quote or has a space at an end, so that a
    'FILE:LINE:' reader finds its line (developer QA: 'x:3: y.csv:4:' read as file 'x', line 3;
    "'x':2.csv:2:" as a quoted 'x')."""
    if (
        ": " in name
        or name.endswith(":")
        or name.startswith("'")
        or name != name.strip()
        or _LINE_LIKE.search(name) is not None
    ):
        return "'" + name.replace("'", "''") + "'"
    return name


_LINE_LIKE = lazy_pattern(r":\d+(?::|$)")


def _column_said(name: str) -> str:
    """A column's name as a line gives it: in quotes where it holds ': ' (or a space or quote
    at an end), so that a reader of the line finds its fields (developer QA: 'Note: lab')."""
    if ": " in name or name != name.strip() or name.startswith("'") or name.endswith(":"):
        return "'" + name.replace("'", "''") + "'"
    return name


def row_named(issue: Issue) -> list[str]:
    """The sample and marker a problem's row was for, where the row gives them and the
    message does not say them already (QA: 'line 3: value 'abc' is not a number' of which?)."""
    return [
        f"{what} '{name}'"
        for what, name in (("sample", issue.sample_id), ("marker", issue.marker))
        if name and f"'{name}'" not in issue.message
    ]


#: The code of every problem of a ranges file, in `ranges validate`'s lines and validate's
RANGES_FILE = "ranges-file"


def ranges_warning_line(path: object, message: str) -> str:
    """A warning about the ranges file, listed and counted with the rows' problems."""
    return visible(f"{_file_said(str(path))}: warning {RANGES_FILE}: {message}")


def problems_count(
    errors: int, warnings: int, files: int, reference_set: ReferenceSetInfo, yours: bool
) -> str:
    """'2 problems, 1 warning in 3 files (reference set arup-3002601 version 2026.11)':
    warnings are counted apart (they never exit 2); the set named, as a no-reference warning
    depends on it (QA), with its path if it is `yours` (then its own warnings are counted)."""
    also = f", {counted(warnings, 'warning', 'warnings')}" if warnings else ""
    said = f"{counted(errors, 'problem', 'problems')}{also} in {counted(files, 'file', 'files')}"
    version = f" version {reference_set.version}" if reference_set.version else ""
    set_warnings = len(reference_set.warnings)
    path = f", {reference_set.path}" if yours and not set_warnings else ""
    said += f" (reference set {reference_set.name}{version}{path})"
    if set_warnings:
        said += (
            f"; {counted(set_warnings, 'warning', 'warnings')} in ranges file {reference_set.path}"
        )
    return visible(said)
