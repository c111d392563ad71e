"""A ranges file's problems as a linter's lines: `FILE: error: …` or `FILE: warning: …`."""

from __future__ import annotations

from collections.abc import Iterable

from panelcli.values import visible


def lint_lines(file: object, severity: str, messages: Iterable[str]) -> list[str]:
    """One line per message, naming the file; control characters from the file made inert."""
    return [visible(f"{file}: {severity}: {message}") for message in messages]
